"""`recoupe bench pipeline`: bare spaCy, recoupe's analysis and consolidation on the same texts.

Four stages, each in a fresh process (so that each peak RSS is the stage's own):

- ``bare``: the model as shipped, ``nlp.pipe`` over the N texts (the floor);
- ``pipeline``: ``analyze_documents`` with every recoupe component, over the same N texts;
- ``consolidate`` at N and at ``growth`` x N documents: the analyses of the distinct
  articles repeated under new ids (no second pass of the model), then ``consolidate()``.

Throughput is wall-clock; CPU seconds are reported too, since on a shared machine the
CPU-time ratio is the steadier of the two.
"""

from __future__ import annotations

import math
import pickle
import platform
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from recoupe.bench.corpus import (
    DEFAULT_CORPUS,
    DEFAULT_MAX_CHARS,
    cycle_documents,
    grow_analyses,
    read_corpus,
    word_count,
)
from recoupe.records import DocAnalysis, Document
from recoupe.settings import Settings


@dataclass(frozen=True, slots=True)
class BenchSpec:
    """What to measure: which texts, how many, how."""

    n_docs: int = 2000
    corpus: tuple[Path, ...] = DEFAULT_CORPUS
    max_chars: int = DEFAULT_MAX_CHARS
    growth: int = 10  # consolidation is timed at n_docs and at growth * n_docs
    settings: Settings = field(default_factory=Settings)
    isolate: bool = True  # one process per stage (honest peaks); False: all in this one
    profile_docs: int = 100  # documents timed component by component (0: none)


@dataclass(frozen=True, slots=True)
class StageResult:
    name: str
    docs: int
    words: int
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    half_rss_mb: float  # peak RSS once half the documents were done: flat memory if ~equal
    errors: int = 0  # documents whose analysis recorded an error

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.wall_s if self.wall_s else math.inf

    @property
    def words_per_s(self) -> float:
        return self.words / self.wall_s if self.wall_s else math.inf


@dataclass(frozen=True, slots=True)
class BenchResult:
    spec: BenchSpec
    distinct_docs: int
    bare: StageResult
    pipeline: StageResult
    consolidation: StageResult
    consolidation_grown: StageResult
    component_s: dict[str, float] = field(default_factory=dict)  # CPU s per component

    def to_dict(self) -> dict[str, Any]:
        return bench_summary(self)


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class _Clock:
    """Wall and CPU time of a stage, and the RSS peak at the half-way document."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.half_rss = 0.0
        self.wall = time.perf_counter()
        self.cpu = time.process_time()

    def tick(self, done: int) -> None:
        if done == max(1, self.total // 2):
            self.half_rss = peak_rss_mb()

    def result(self, name: str, docs: int, words: int, errors: int = 0) -> StageResult:
        wall = time.perf_counter() - self.wall
        cpu = time.process_time() - self.cpu
        return StageResult(name, docs, words, wall, cpu, peak_rss_mb(), self.half_rss, errors)


def _documents(spec: BenchSpec) -> list[Document]:
    return read_corpus(spec.corpus, spec.settings, spec.max_chars)


def _words(base: Sequence[Document], n: int) -> int:
    counts = [word_count(d.text) for d in base]
    return sum(counts[i % len(base)] for i in range(n))


def stage_bare(spec: BenchSpec) -> StageResult:
    from recoupe.analyze.bare import load_bare_model, pipe_bare

    base = _documents(spec)
    nlp = load_bare_model(spec.settings.model)
    for _ in pipe_bare(nlp, [base[0].text[:2000]], 1):  # warm-up, not timed
        pass
    clock = _Clock(spec.n_docs)
    texts = (d.text for d in cycle_documents(base, spec.n_docs))
    done = 0
    for _ in pipe_bare(nlp, texts, spec.settings.batch_size):
        done += 1
        clock.tick(done)
    return clock.result("bare", done, _words(base, spec.n_docs))


def stage_pipeline(spec: BenchSpec, analyses_path: Path) -> StageResult:
    """Full analysis; the analyses of the distinct articles are kept for consolidation."""
    from recoupe.analyze.pipeline import analyze_documents, load_pipeline

    base = _documents(spec)
    nlp = load_pipeline(spec.settings)
    warm = [Document(id="warm-up", path="", text=base[0].text[:2000])]
    for _ in analyze_documents(warm, nlp, spec.settings):
        pass
    clock = _Clock(spec.n_docs)
    kept: list[DocAnalysis] = []
    done = errors = 0
    for analysis in analyze_documents(cycle_documents(base, spec.n_docs), nlp, spec.settings):
        if done < len(base):
            kept.append(analysis)
        done += 1
        errors += bool(analysis.errors)
        clock.tick(done)
    result = clock.result("pipeline", done, _words(base, spec.n_docs), errors)
    analyses_path.write_bytes(pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
    return result


def stage_consolidate(spec: BenchSpec, analyses_path: Path, n: int) -> StageResult:
    """``consolidate()`` over ``n`` analyses: best of three runs when one takes under 1 s."""
    from recoupe.consolidate import consolidate

    base = _documents(spec)
    kept: list[DocAnalysis] = pickle.loads(analyses_path.read_bytes())  # our own file
    documents, analyses = grow_analyses(base, kept, n)
    best: StageResult | None = None
    for _ in range(3):
        clock = _Clock(1)
        consolidate(documents, (), analyses, spec.settings)
        result = clock.result(f"consolidate {n}", n, _words(base, n))
        best = result if best is None or result.wall_s < best.wall_s else best
        if result.wall_s >= 1.0:
            break
    assert best is not None
    return best


def stage_profile(spec: BenchSpec) -> dict[str, float]:
    """CPU seconds per pipeline component over the first ``profile_docs`` documents."""
    from recoupe.analyze.pipeline import load_pipeline
    from recoupe.analyze.profile import component_seconds

    base = _documents(spec)
    nlp = load_pipeline(spec.settings)
    docs = cycle_documents(base, min(spec.profile_docs, spec.n_docs))
    return component_seconds(nlp, docs, spec.settings.batch_size)


def _run(isolate: bool, func: Callable[..., Any], *args: Any) -> Any:
    if not isolate:
        return func(*args)
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(func, *args).result()


def run_bench(
    spec: BenchSpec, on_stage: Callable[[StageResult], None] | None = None
) -> BenchResult:
    """Measure the four stages on the same texts; ``on_stage`` hears each as it ends."""
    if spec.n_docs < 1 or spec.growth < 1:
        raise ValueError("n_docs and growth must be at least 1")
    distinct = len(_documents(spec))
    results: list[StageResult] = []
    with tempfile.TemporaryDirectory(prefix="recoupe-bench-") as tmp:
        path = Path(tmp) / "analyses.pickle"
        jobs: Iterable[tuple[Callable[..., StageResult], tuple[Any, ...]]] = (
            (stage_bare, (spec,)),
            (stage_pipeline, (spec, path)),
            (stage_consolidate, (spec, path, spec.n_docs)),
            (stage_consolidate, (spec, path, spec.growth * spec.n_docs)),
        )
        for func, args in jobs:
            results.append(_run(spec.isolate, func, *args))
            if on_stage:
                on_stage(results[-1])
    profile = _run(spec.isolate, stage_profile, spec) if spec.profile_docs > 0 else {}
    bare, pipeline, consolidation, grown = results
    return BenchResult(spec, distinct, bare, pipeline, consolidation, grown, profile)


def bench_summary(result: BenchResult) -> dict[str, Any]:
    """The figures as a flat JSON-ready mapping (the ``--json`` output)."""
    bare, pipe = result.bare, result.pipeline
    cons, grown = result.consolidation, result.consolidation_grown
    n, big = cons.docs, grown.docs
    return {
        "docs": result.spec.n_docs,
        "distinct_docs": result.distinct_docs,
        "words": pipe.words,
        "max_chars": result.spec.max_chars,
        "batch_size": result.spec.settings.batch_size,
        "model": result.spec.settings.model,
        "bare_docs_per_s": round(bare.docs_per_s, 2),
        "bare_words_per_s": round(bare.words_per_s, 1),
        "pipeline_docs_per_s": round(pipe.docs_per_s, 2),
        "pipeline_words_per_s": round(pipe.words_per_s, 1),
        "pipeline_docs_with_errors": pipe.errors,
        "ratio": round(pipe.docs_per_s / bare.docs_per_s, 3),
        "ratio_cpu": round(bare.cpu_s / pipe.cpu_s, 3) if pipe.cpu_s else None,
        "bare_s": round(bare.wall_s, 2),
        "pipeline_s": round(pipe.wall_s, 2),
        "consolidation_s": round(cons.wall_s, 3),
        "consolidation_share": round(cons.wall_s / (pipe.wall_s + cons.wall_s), 4),
        "consolidation_docs_per_s": round(cons.docs_per_s, 1),
        "consolidation_grown_docs": big,
        "consolidation_grown_s": round(grown.wall_s, 3),
        "consolidation_growth": round(grown.wall_s / cons.wall_s, 2) if cons.wall_s else None,
        "nlogn_growth": round(big * math.log(big) / (n * math.log(n)), 2) if n > 1 else None,
        "peak_rss_mb": round(max(pipe.peak_rss_mb, cons.peak_rss_mb), 1),
        "bare_peak_rss_mb": round(bare.peak_rss_mb, 1),
        "pipeline_peak_rss_mb": round(pipe.peak_rss_mb, 1),
        "pipeline_half_rss_mb": round(pipe.half_rss_mb, 1),
        "consolidation_peak_rss_mb": round(cons.peak_rss_mb, 1),
        "consolidation_grown_peak_rss_mb": round(grown.peak_rss_mb, 1),
        "component_share": _shares(result.component_s),
        "isolated": result.spec.isolate,
        "machine": machine_description(),
    }


def _shares(seconds: dict[str, float]) -> dict[str, float]:
    total = sum(seconds.values())
    return {k: round(v / total, 4) for k, v in seconds.items()} if total else {}


def machine_description() -> str:
    import os

    return f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def stage_row(stage: StageResult) -> str:
    return (
        f"| {stage.name} | {stage.docs} | {stage.wall_s:.2f} | {stage.docs_per_s:.1f} | "
        f"{stage.words_per_s:,.0f} | {stage.peak_rss_mb:.0f} |"
    )


def stages(result: BenchResult) -> tuple[StageResult, ...]:
    return (result.bare, result.pipeline, result.consolidation, result.consolidation_grown)


def format_report(result: BenchResult) -> str:
    """A Markdown table of the stages and the headline figures."""
    s = bench_summary(result)
    lines = [
        "| stage | docs | seconds | docs/s | words/s | peak RSS MiB |",
        "|---|---:|---:|---:|---:|---:|",
        *(stage_row(x) for x in stages(result)),
        "",
        f"ratio pipeline/bare: {s['ratio']} (CPU time: {s['ratio_cpu']}); "
        f"{s['pipeline_docs_with_errors']} documents with an analysis error",
        f"consolidation: {s['consolidation_share']:.1%} of analysis + consolidation at "
        f"{s['docs']} docs; x{s['consolidation_growth']} from {s['docs']} to "
        f"{s['consolidation_grown_docs']} docs (n log n: x{s['nlogn_growth']})",
        f"pipeline peak RSS: {s['pipeline_half_rss_mb']} MiB at half-way, "
        f"{s['pipeline_peak_rss_mb']} MiB at the end",
        f"{s['distinct_docs']} distinct articles cycled to {s['docs']}, texts capped at "
        f"{s['max_chars']} characters; {s['machine']}",
    ]
    if s["component_share"]:
        shares = sorted(s["component_share"].items(), key=lambda kv: -kv[1])
        lines.append(
            f"CPU time by component ({min(result.spec.profile_docs, s['docs'])} docs): "
            + ", ".join(f"{k} {v:.0%}" for k, v in shares)
        )
    return "\n".join(lines)


__all__ = ["BenchResult", "BenchSpec", "StageResult", "format_report", "run_bench"]
