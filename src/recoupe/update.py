"""Incremental builds: add new and changed documents to an existing ``dossier.sqlite``.

``recoupe build INPUTS --db DOSSIER.sqlite`` calls ``update_dossier``. The documents already
in the dossier are kept; an input with the path of one of them replaces it (a changed
document). Only documents whose (text hash, pipeline version) has no saved analysis are
analysed, and their analyses are saved batch by batch, each batch in its own transaction.
Consolidation then runs on everything, and the dossier's rows are replaced in one
transaction: a run killed at any point leaves the previous dossier whole.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from recoupe.build import BuildResult
from recoupe.consolidate import consolidate
from recoupe.engine import Analyzer
from recoupe.ingest import load_inputs
from recoupe.ingest.dedup import link_duplicates
from recoupe.records import DocAnalysis, Document, Skipped
from recoupe.settings import Settings
from recoupe.store import tables
from recoupe.store.incremental import (
    cached_analyses,
    pipeline_version,
    store_analyses,
    stored_documents,
    text_hash,
)
from recoupe.store.sqlite import connect_readonly, read_items

Analyze = Callable[[Sequence[Document]], Iterable[DocAnalysis]]
ProgressHook = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class UpdateResult(BuildResult):
    analysed: int = 0  # documents analysed by this run
    reused: int = 0  # documents whose saved analysis was re-used


@dataclass(frozen=True, slots=True)
class Previous:
    documents: list[Document]
    skipped: list[Skipped]
    analyses: dict[str, DocAnalysis]  # by text hash


def read_previous(db_path: Path, version: str) -> Previous:
    """What an existing dossier holds (nothing when the file does not exist yet)."""
    if not db_path.exists():
        return Previous([], [], {})
    conn = connect_readonly(db_path)
    try:
        skipped = [Skipped(s["path"], s["reason"]) for s in read_items(conn, tables.SKIPPED)]
        return Previous(stored_documents(conn), skipped, cached_analyses(conn, version))
    finally:
        conn.close()


def merge_documents(
    previous: Sequence[Document], new: Sequence[Document], threshold: float
) -> list[Document]:
    """Previous documents first, minus those an input of the same path replaces; then the new.

    Ids and duplicate links are computed again over the whole set.
    """
    replaced = {d.path for d in new}
    kept = [d for d in previous if d.path not in replaced]
    return link_duplicates([*kept, *new], threshold)


def merge_skipped(
    previous: Sequence[Skipped], new: Sequence[Skipped], documents: Sequence[Document]
) -> list[Skipped]:
    """Skipped inputs: the new ones, and the old ones not read again or now usable."""
    seen = {s.path for s in new} | {d.path for d in documents}
    return [s for s in previous if s.path not in seen] + list(new)


def local_analyzer(settings: Settings) -> Analyze:
    """Analyse in this process, loading the model once, on first use."""
    loaded: dict[str, Any] = {}  # the spaCy pipeline, typed loosely outside analyze/

    def analyze(documents: Sequence[Document]) -> Iterator[DocAnalysis]:
        from recoupe.analyze.pipeline import analyze_documents, load_pipeline

        if not documents:
            return
        if "nlp" not in loaded:
            loaded["nlp"] = load_pipeline(settings)
        yield from analyze_documents(documents, loaded["nlp"], settings)

    return analyze


def choose_analyzer(settings: Settings, engine: Analyzer | None) -> Analyze:
    """Stream in this process by default; hand whole sets to an engine or process pool."""
    if engine is None and settings.workers <= 1:
        return local_analyzer(settings)
    from recoupe.build import analyze_all

    return lambda documents: analyze_all(documents, settings, None, engine)


def analyse_missing(
    documents: Sequence[Document],
    previous: Previous,
    db_path: Path,
    version: str,
    settings: Settings,
    analyze: Analyze,
    progress: ProgressHook | None = None,
) -> tuple[list[DocAnalysis], int]:
    """Analyses for ``documents``: saved ones re-used, the others computed and saved."""

    def saved(d: Document) -> DocAnalysis | None:
        found = previous.analyses.get(text_hash(d.text))
        return found if found is not None and found.doc == d.id else None

    missing = [d for d in documents if saved(d) is None]
    by_id = {d.id: d for d in missing}
    fresh: dict[str, DocAnalysis] = {}
    batch: list[tuple[Document, DocAnalysis]] = []
    for analysis in analyze(missing):
        fresh[analysis.doc] = analysis
        batch.append((by_id[analysis.doc], analysis))
        if len(batch) >= settings.batch_size:
            store_analyses(db_path, batch, version)
            batch = []
        if progress:
            progress(len(fresh), len(missing))
    if batch:
        store_analyses(db_path, batch, version)
    analyses = [fresh.get(d.id) or saved(d) for d in documents]
    return [a for a in analyses if a is not None], len(missing)


def update_dossier(
    inputs: Sequence[Path | str],
    db_path: Path,
    settings: Settings,
    on_skip: Callable[[Skipped], None] | None = None,
    progress: ProgressHook | None = None,
    engine: Analyzer | None = None,
    analyze: Analyze | None = None,
) -> UpdateResult:
    """Add ``inputs`` to the dossier at ``db_path`` (created when missing).

    Analysis runs in this process, or with ``engine`` / ``settings.workers`` as in
    ``recoupe.build``, or with ``analyze`` when given. ``dossier.json`` and ``report.html``
    are rewritten next to the database.
    """
    from recoupe.render.report import write_report
    from recoupe.store.json_dossier import write_json
    from recoupe.store.sqlite import write_sqlite

    started = time.perf_counter()
    version = pipeline_version(settings.model)
    previous = read_previous(db_path, version)
    ingested = load_inputs(inputs, settings, on_skip=on_skip)
    documents = merge_documents(
        previous.documents, ingested.documents, settings.near_duplicate_threshold
    )
    skipped = merge_skipped(previous.skipped, ingested.skipped, documents)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    if analyze is None:
        analyze = choose_analyzer(settings, engine)
    analyses, analysed = analyse_missing(
        documents, previous, db_path, version, settings, analyze, progress
    )
    dossier = consolidate(documents, skipped, analyses, settings)
    json_path = db_path.with_name("dossier.json")
    report_path = db_path.with_name("report.html")
    write_sqlite(dossier, db_path, version)
    write_json(dossier, json_path)
    write_report(dossier, report_path)
    seconds = time.perf_counter() - started
    return UpdateResult(
        dossier, json_path, db_path, report_path, seconds, analysed, len(documents) - analysed
    )
