"""Hand-built records for the consolidate tests: documents, sentences, timexes, figures."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from recoupe.records import (
    DocAnalysis,
    DocDate,
    Document,
    Dossier,
    Mention,
    Quantity,
    Span,
    Timex,
)
from recoupe.settings import Settings

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def find(text: str, needle: str, occurrence: int = 0) -> int:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start


def make_doc(doc_id: str, text: str, date: str | None = None) -> Document:
    if date is None:
        return Document(doc_id, f"{doc_id}.txt", text)
    precision = {4: "year", 7: "month", 10: "day"}[len(date)]
    when = DocDate(date, precision, "metadata", date, date, 1.0)
    return Document(doc_id, f"{doc_id}.txt", text, date=when)


def sentences(doc_id: str, text: str) -> tuple[Span, ...]:
    out = []
    for m in _SENTENCE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if stripped:
            start = m.start() + raw.index(stripped)
            out.append(Span(doc_id, start, start + len(stripped), stripped))
    return tuple(out)


def timex(
    doc_id: str, text: str, needle: str, value: str, occurrence: int = 0, kind: str = "DATE"
) -> Timex:
    start = find(text, needle, occurrence)
    return Timex(doc_id, start, start + len(needle), needle, kind, value)


def span(doc_id: str, text: str, needle: str, occurrence: int = 0) -> Span:
    start = find(text, needle, occurrence)
    return Span(doc_id, start, start + len(needle), needle)


def quantity(
    doc_id: str,
    text: str,
    needle: str,
    value: float,
    unit: str,
    qualifier: str = "exact",
    kind: str = "count",
    modifiers: Sequence[str] = (),
    places: Sequence[str] = (),
    occurrence: int = 0,
) -> Quantity:
    start = find(text, needle, occurrence)
    qualifiers = tuple(span(doc_id, text, p) for p in places)
    return Quantity(
        doc_id,
        start,
        start + len(needle),
        needle,
        value,
        None,
        None,
        qualifier,
        unit,
        modifiers=tuple(modifiers),
        qualifiers=qualifiers,
        kind=kind,
    )


def mention(
    doc_id: str, text: str, needle: str, label: str = "LOC", occurrence: int = 0
) -> Mention:
    start = find(text, needle, occurrence)
    return Mention(doc_id, start, start + len(needle), needle, label)


def analysis(
    doc_id: str,
    text: str,
    timexes: Sequence[Timex] = (),
    quantities: Sequence[Quantity] = (),
    mentions: Sequence[Mention] = (),
) -> DocAnalysis:
    return DocAnalysis(
        doc_id,
        sentences=sentences(doc_id, text),
        mentions=tuple(mentions),
        timexes=tuple(timexes),
        quantities=tuple(quantities),
    )


_SEED_DOSSIERS: dict[int, Any] = {}


def seed_dossier(nlp: Any, seeds: Path) -> Dossier:
    """The seed articles through ingest, analysis and consolidation (built once per model)."""
    if id(nlp) not in _SEED_DOSSIERS:
        from recoupe.analyze.pipeline import analyze_documents
        from recoupe.consolidate import consolidate
        from recoupe.ingest import load_inputs

        settings = Settings(quiet=True)
        ingested = load_inputs([seeds], settings)
        analyses = list(analyze_documents(ingested.documents, nlp, settings))
        _SEED_DOSSIERS[id(nlp)] = consolidate(
            ingested.documents, ingested.skipped, analyses, settings
        )
    dossier: Dossier = _SEED_DOSSIERS[id(nlp)]
    return dossier


def seed_doc(dossier: Dossier, prefix: str) -> Document:
    """The seed document whose file name starts with ``prefix`` ("001_")."""
    (found,) = [d for d in dossier.documents if Path(d.path).name.startswith(prefix)]
    return found
