"""Benchmark corpora: real articles read once, capped, then cycled to any number of documents.

Only the distinct articles are held in memory; the N documents of a run are generated one at
a time, so a benchmark of 20,000 documents holds no more text than one of 200.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import fields, is_dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from recoupe.records import DocAnalysis, Document
from recoupe.settings import Settings

R = TypeVar("R")

# The French CL-TLS topics (../shared/data, relative to the project folder); the folder's
# `reference/` timelines are not articles.
DEFAULT_CORPUS: tuple[Path, ...] = (
    Path("../shared/data/cl-tls-fr/egypt"),
    Path("../shared/data/cl-tls-fr/libya"),
)
# One CL-TLS article is a 2.1-million-character page dump; past this length a text is cut
# (at a space) so that a handful of outliers do not decide the figures. 0: no cap.
DEFAULT_MAX_CHARS = 100_000


def read_corpus(paths: Sequence[Path], settings: Settings, max_chars: int) -> list[Document]:
    """The distinct documents of ``paths`` as ``recoupe.ingest`` reads them, capped."""
    from recoupe.ingest import load_inputs

    documents = load_inputs(list(paths), settings).documents
    if not documents:
        raise ValueError(f"no usable document in {', '.join(map(str, paths))}")
    return [cap_document(d, max_chars) for d in documents]


def cap_document(document: Document, max_chars: int) -> Document:
    text = document.text
    if max_chars <= 0 or len(text) <= max_chars:
        return document
    cut = text.rfind(" ", max_chars // 2, max_chars)
    return replace(document, text=text[: cut if cut > 0 else max_chars])


def cycled_id(doc_id: str, cycle: int) -> str:
    return doc_id if cycle == 0 else f"{doc_id}~{cycle}"


def cycle_documents(base: Sequence[Document], n: int) -> Iterator[Document]:
    """``n`` documents: ``base`` repeated, each repeat with new ids (``id~1``, ``id~2``...)."""
    for i in range(n):
        cycle, k = divmod(i, len(base))
        document = base[k]
        yield document if cycle == 0 else replace(document, id=cycled_id(document.id, cycle))


def with_doc_id(record: R, doc_id: str) -> R:
    """The same record with every ``doc`` field, nested ones included, set to ``doc_id``."""
    changes: dict[str, Any] = {}
    for f in fields(record):  # type: ignore[arg-type]
        value = getattr(record, f.name)
        if f.name == "doc" and isinstance(value, str):
            changes[f.name] = doc_id
        elif is_dataclass(value):
            changes[f.name] = with_doc_id(value, doc_id)
        elif isinstance(value, tuple) and value and is_dataclass(value[0]):
            changes[f.name] = tuple(with_doc_id(v, doc_id) for v in value)
    return replace(record, **changes)  # type: ignore[type-var]


def grow_analyses(
    base_docs: Sequence[Document], base_analyses: Sequence[DocAnalysis], n: int
) -> tuple[list[Document], list[DocAnalysis]]:
    """``n`` documents and their analyses, made by repeating analysed ones under new ids.

    Consolidation sees what it would see after analysing ``n`` documents, without running
    the model again: the way to measure how consolidation scales.
    """
    by_id = {a.doc: a for a in base_analyses}
    pairs = [(d, by_id[d.id]) for d in base_docs if d.id in by_id]
    out_docs: list[Document] = []
    out_analyses: list[DocAnalysis] = []
    for i in range(n):
        cycle, k = divmod(i, len(pairs))
        document, analysis = pairs[k]
        if cycle:
            new_id = cycled_id(document.id, cycle)
            document, analysis = replace(document, id=new_id), with_doc_id(analysis, new_id)
        out_docs.append(document)
        out_analyses.append(analysis)
    return out_docs, out_analyses


def word_count(text: str) -> int:
    return len(text.split())
