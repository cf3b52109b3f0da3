"""The main job: inputs -> ingest -> analyze -> consolidate -> dossier files.

``build()`` is what ``recoupe build`` calls; it is usable as a library function.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from recoupe.consolidate import consolidate
from recoupe.consolidate.stories import Story, StoryOptions, split_stories
from recoupe.engine import Analyzer
from recoupe.ingest import load_inputs
from recoupe.records import DocAnalysis, Document, Dossier, Skipped
from recoupe.settings import Settings

ProgressHook = Callable[[int, int], None]  # (documents done, documents in all)


@dataclass(frozen=True, slots=True)
class BuildResult:
    dossier: Dossier
    json_path: Path
    sqlite_path: Path
    report_path: Path
    seconds: float

    @property
    def used(self) -> int:
        return len(self.dossier.documents)

    @property
    def skipped(self) -> int:
        return len(self.dossier.skipped)


def analyze_all(
    documents: Sequence[Document],
    settings: Settings,
    progress: ProgressHook | None = None,
    engine: Analyzer | None = None,
) -> list[DocAnalysis]:
    """Run the per-document analysis (spaCy is imported only here, lazily).

    In this process; in ``settings.workers`` local processes when more than one; or with
    ``engine`` (``recoupe.engine``: e.g. Dask). Every way gives the same analyses.
    """
    if not documents:
        return []
    if engine is None and settings.workers > 1:
        from recoupe.engine.local import analyze_with_processes

        engine = analyze_with_processes
    if engine is not None:
        return engine(documents, settings, progress)
    from recoupe.analyze.pipeline import analyze_documents, load_pipeline

    nlp = load_pipeline(settings)
    out: list[DocAnalysis] = []
    for analysis in analyze_documents(documents, nlp, settings):
        out.append(analysis)
        if progress:
            progress(len(out), len(documents))
    return out


def build_dossier(
    inputs: Sequence[Path | str],
    settings: Settings,
    on_skip: Callable[[Skipped], None] | None = None,
    progress: ProgressHook | None = None,
    engine: Analyzer | None = None,
) -> Dossier:
    ingested = load_inputs(inputs, settings, on_skip=on_skip)
    analyses = analyze_all(ingested.documents, settings, progress, engine)
    return consolidate(ingested.documents, ingested.skipped, analyses, settings)


def write_outputs(dossier: Dossier, out_dir: Path) -> tuple[Path, Path, Path]:
    from recoupe.render.report import write_report
    from recoupe.store.json_dossier import write_json
    from recoupe.store.sqlite import write_sqlite

    out_dir.mkdir(parents=True, exist_ok=True)
    paths = (out_dir / "dossier.json", out_dir / "dossier.sqlite", out_dir / "report.html")
    write_json(dossier, paths[0])
    write_sqlite(dossier, paths[1])
    write_report(dossier, paths[2])
    return paths


def build(
    inputs: Sequence[Path | str],
    out_dir: Path,
    settings: Settings,
    on_skip: Callable[[Skipped], None] | None = None,
    progress: ProgressHook | None = None,
    engine: Analyzer | None = None,
) -> BuildResult:
    started = time.perf_counter()
    dossier = build_dossier(inputs, settings, on_skip, progress, engine)
    json_path, sqlite_path, report_path = write_outputs(dossier, out_dir)
    return BuildResult(dossier, json_path, sqlite_path, report_path, time.perf_counter() - started)


@dataclass(frozen=True, slots=True)
class StoriesResult:
    stories: tuple[Story, ...]
    index_path: Path  # stories.json
    html_path: Path  # index.html
    used: int
    skipped: int
    seconds: float


def build_stories(
    inputs: Sequence[Path | str],
    out_dir: Path,
    settings: Settings,
    on_skip: Callable[[Skipped], None] | None = None,
    progress: ProgressHook | None = None,
    engine: Analyzer | None = None,
    options: StoryOptions | None = None,
) -> StoriesResult:
    """Split the inputs into stories: one dossier per story in ``out_dir/<story id>/``,
    and an index of the stories (``stories.json``, ``index.html``) in ``out_dir``."""
    from recoupe.store.story_index import write_story_index

    started = time.perf_counter()
    ingested = load_inputs(inputs, settings, on_skip=on_skip)
    analyses = analyze_all(ingested.documents, settings, progress, engine)
    stories = split_stories(ingested.documents, analyses, options)
    documents = {d.id: d for d in ingested.documents}
    by_doc = {a.doc: a for a in analyses}
    for story in stories:
        members = [documents[i] for i in story.documents]
        dossier = consolidate(members, (), [by_doc[i] for i in story.documents], settings)
        write_outputs(dossier, out_dir / story.id)
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path, html_path = write_story_index(stories, ingested.skipped, out_dir)
    seconds = time.perf_counter() - started
    used, skipped = len(ingested.documents), len(ingested.skipped)
    return StoriesResult(stories, json_path, html_path, used, skipped, seconds)
