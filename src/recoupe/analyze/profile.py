"""Where the analysis time goes: CPU seconds per pipeline component, and for the records.

Documents go through the pipeline batch by batch, one component at a time, so each
component's time is its own; no batch of ``Doc`` objects outlives its turn. A component that
fails on a batch is retried document by document, as ``analyze_documents`` does.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from recoupe.analyze.doctext import remember_text
from recoupe.analyze.extract import analysis_from_doc
from recoupe.records import Document

RECORDS = "(records)"  # the conversion of marked-up Docs into plain records


def component_seconds(
    nlp: Language, documents: Iterable[Document], batch_size: int
) -> dict[str, float]:
    """CPU seconds spent in each component of ``nlp`` (pipeline order), then in records."""
    seconds: dict[str, float] = defaultdict(float)
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= batch_size:
            _profile_batch(nlp, batch, batch_size, seconds)
            batch = []
    if batch:
        _profile_batch(nlp, batch, batch_size, seconds)
    return {name: seconds[name] for name in [*nlp.pipe_names, RECORDS]}


def _profile_batch(
    nlp: Language, batch: list[Document], batch_size: int, seconds: dict[str, float]
) -> None:
    docs = []
    for document in batch:
        doc = remember_text(nlp.make_doc(document.text), document.text)
        doc._.dct = document.date.value
        docs.append(doc)
    for name, proc in nlp.pipeline:
        started = time.process_time()
        docs = _run(proc, docs, batch_size)
        seconds[name] += time.process_time() - started
    started = time.process_time()
    for document, doc in zip(batch, docs, strict=True):
        analysis_from_doc(doc, document.id)
    seconds[RECORDS] += time.process_time() - started


def _run(proc: Any, docs: list[Doc], batch_size: int) -> list[Doc]:
    try:
        if hasattr(proc, "pipe"):
            return list(proc.pipe(docs, batch_size=batch_size))
        return [proc(doc) for doc in docs]
    except Exception:  # noqa: BLE001 - profiling goes on; analyze_documents records errors
        out = []
        for doc in docs:
            try:
                out.append(proc(doc))
            except Exception:  # noqa: BLE001 - as above
                out.append(doc)
        return out
