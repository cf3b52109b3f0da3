"""Turn a marked-up spaCy ``Doc`` into plain records, and merge pieces of long texts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields, replace
from typing import Any, TypeVar

from spacy.tokens import Doc

from recoupe.analyze.mentions import mentions_from_doc
from recoupe.analyze.quantities import quantities_from_doc
from recoupe.analyze.quotes import quotes_from_doc
from recoupe.analyze.timex import timexes_from_doc
from recoupe.records import DocAnalysis, Span

R = TypeVar("R")


def sentences_from_doc(sdoc: Doc, doc_id: str) -> tuple[Span, ...]:
    out = []
    for sent in sdoc.sents:
        text = sent.text
        stripped = text.strip()
        if not stripped:
            continue
        lead = len(text) - len(text.lstrip())
        start = sent.start_char + lead
        out.append(Span(doc_id, start, start + len(stripped), stripped))
    return tuple(out)


def analysis_from_doc(sdoc: Doc, doc_id: str, offset: int = 0) -> DocAnalysis:
    """Records for one piece of a document, shifted by ``offset`` into the whole text.

    An extractor that fails leaves its records empty and its error in ``errors``; the other
    extractors' records, and the other documents of the run, are kept.
    """
    errors: list[str] = []
    has_sentences = sdoc.has_annotation("SENT_START")
    analysis = DocAnalysis(
        doc=doc_id,
        sentences=_guarded(sentences_from_doc, sdoc, doc_id, errors) if has_sentences else (),
        mentions=_guarded(mentions_from_doc, sdoc, doc_id, errors),
        timexes=_guarded(timexes_from_doc, sdoc, doc_id, errors),
        quantities=_guarded(quantities_from_doc, sdoc, doc_id, errors),
        quotes=_guarded(quotes_from_doc, sdoc, doc_id, errors),
        errors=tuple(errors),
    )
    return shift_analysis(analysis, offset) if offset else analysis


def _guarded(
    extract: Callable[[Doc, str], Iterable[R]], sdoc: Doc, doc_id: str, errors: list[str]
) -> tuple[R, ...]:
    try:
        return tuple(extract(sdoc, doc_id))
    except Exception as err:  # noqa: BLE001 - recorded in the analysis, never silent
        errors.append(f"{extract.__name__}: {type(err).__name__}: {err}")
        return ()


def shift(record: R, offset: int) -> R:
    """The same record with its offsets (and those of nested spans) moved by ``offset``."""
    changes: dict[str, Any] = {}
    for f in fields(record):  # type: ignore[arg-type]
        value = getattr(record, f.name)
        if f.name in ("start", "end") and isinstance(value, int):
            changes[f.name] = value + offset
        elif isinstance(value, Span):
            changes[f.name] = shift(value, offset)
        elif isinstance(value, tuple) and value and isinstance(value[0], Span):
            changes[f.name] = tuple(shift(v, offset) for v in value)
    return replace(record, **changes)  # type: ignore[type-var]


def shift_analysis(analysis: DocAnalysis, offset: int) -> DocAnalysis:
    return DocAnalysis(
        doc=analysis.doc,
        sentences=tuple(shift(s, offset) for s in analysis.sentences),
        mentions=tuple(shift(m, offset) for m in analysis.mentions),
        timexes=tuple(shift(t, offset) for t in analysis.timexes),
        quantities=tuple(shift(q, offset) for q in analysis.quantities),
        quotes=tuple(shift(q, offset) for q in analysis.quotes),
        errors=analysis.errors,
    )


def merge_analyses(doc_id: str, parts: Sequence[DocAnalysis]) -> DocAnalysis:
    """One analysis from the (already shifted) analyses of a document's pieces."""
    if len(parts) == 1:
        return parts[0]
    return DocAnalysis(
        doc=doc_id,
        sentences=tuple(s for p in parts for s in p.sentences),
        mentions=tuple(m for p in parts for m in p.mentions),
        timexes=tuple(t for p in parts for t in p.timexes),
        quantities=tuple(q for p in parts for q in p.quantities),
        quotes=tuple(q for p in parts for q in p.quotes),
        errors=tuple(e for p in parts for e in p.errors),
    )
