"""Publication dates inferred for undated documents, measured on dated ones.

Any folder whose documents carry their dates (CL-TLS: the folder name is the date) is a
test: the dates of some documents are hidden, the corpus is analysed and consolidated as
``recoupe build`` would, and the inferred dates are compared with the hidden ones.
``hide="half"`` hides every other document (the rest stay dated and can be neighbours);
``hide="all"`` hides every date (only what each page says dates it).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from recoupe.consolidate.periods import parse_period
from recoupe.records import UNKNOWN_DATE, DocAnalysis, Document
from recoupe.settings import Settings


def month_number(value: str) -> int:
    """Months since year 0 of the month a value starts in ("2011-03-10" -> 2011 * 12 + 2)."""
    period = parse_period(value)
    if period is None:
        raise ValueError(f"not a calendar date: {value!r}")
    return period.lo


def hide_dates(documents: Sequence[Document], hide: str) -> tuple[list[Document], set[str]]:
    """The documents with some dates taken away (``hide``: "half" or "all"), and their ids."""
    if hide not in ("half", "all"):
        raise ValueError(f"hide must be 'half' or 'all', not {hide!r}")
    out: list[Document] = []
    hidden: set[str] = set()
    for i, document in enumerate(documents):
        if document.date.value and (hide == "all" or i % 2 == 1):
            out.append(replace(document, date=UNKNOWN_DATE))
            hidden.add(document.id)
        else:
            out.append(document)
    return out, hidden


def score_dating(
    truth: dict[str, str], inferred: Sequence[Document], hidden: set[str]
) -> dict[str, Any]:
    """How the inferred dates of the ``hidden`` documents compare with ``truth`` (day values)."""
    counts = dict.fromkeys(
        ("dated", "same_day", "same_month", "within_one_month", "same_year", "range_holds"), 0
    )
    right: list[float] = []
    wrong: list[float] = []
    for document in inferred:
        if document.id not in hidden:
            continue
        true, date = truth[document.id], document.date
        lo_ok = date.earliest is None or month_number(date.earliest) <= month_number(true)
        hi_ok = date.latest is None or month_number(date.latest) >= month_number(true)
        counts["range_holds"] += lo_ok and hi_ok
        if date.value is None:
            continue
        counts["dated"] += 1
        gap = abs(month_number(date.value) - month_number(true))
        counts["same_day"] += date.value[:10] == true[:10]
        counts["same_month"] += len(date.value) >= 7 and gap == 0
        counts["within_one_month"] += len(date.value) >= 7 and gap <= 1
        counts["same_year"] += date.value[:4] == true[:4]
        (right if gap <= 1 and len(date.value) >= 7 else wrong).append(date.confidence)
    n = len(hidden)
    return {
        "hidden": n,
        **counts,
        "share_dated": round(counts["dated"] / n, 3) if n else 0.0,
        "share_within_one_month": round(counts["within_one_month"] / n, 3) if n else 0.0,
        "share_range_holds": round(counts["range_holds"] / n, 3) if n else 0.0,
        "confidence_right": round(sum(right) / len(right), 2) if right else None,
        "confidence_wrong": round(sum(wrong) / len(wrong), 2) if wrong else None,
    }


def evaluate_dating(
    topic_dir: Path | str,
    hide: str = "half",
    settings: Settings | None = None,
    analyses: Sequence[DocAnalysis] | None = None,
) -> dict[str, Any]:
    """Hide dates in a dated topic folder, infer them again, and score the result."""
    from recoupe.build import analyze_all
    from recoupe.consolidate.dates import infer_dates
    from recoupe.consolidate.dossier import default_reresolver
    from recoupe.evaluate.tls import load_topic

    settings = settings or Settings(quiet=True)
    started = time.perf_counter()
    documents = [d for d in load_topic(Path(topic_dir), settings) if d.duplicate_of is None]
    truth = {d.id: d.date.value for d in documents if d.date.value}
    inputs, hidden = hide_dates(documents, hide)
    if analyses is None:
        analyses = analyze_all(inputs, settings)
    result = infer_dates(inputs, analyses, default_reresolver())
    return {
        "topic": Path(topic_dir).name,
        "hide": hide,
        "documents": len(documents),
        **score_dating({k: v for k, v in truth.items() if v}, result.documents, hidden),
        "seconds": round(time.perf_counter() - started, 1),
    }


def format_dating(scores: dict[str, Any]) -> str:
    n = scores["hidden"]

    def share(key: str) -> str:
        return f"{scores[key]:>4} of {n} ({scores[key] / n:.0%})" if n else "0"

    return "\n".join(
        [
            f"{scores['topic']}: {scores['documents']} documents, dates hidden for {n}"
            f" ({scores['hide']}), {scores['seconds']} s",
            f"dated             {share('dated')}",
            f"same day          {share('same_day')}",
            f"same month        {share('same_month')}",
            f"within one month  {share('within_one_month')}",
            f"same year         {share('same_year')}",
            f"range holds truth {share('range_holds')}",
            f"mean confidence: {scores['confidence_right']} when within a month,"
            f" {scores['confidence_wrong']} otherwise",
        ]
    )
