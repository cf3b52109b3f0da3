"""Timeline summarisation (TLS) scored against a reference timeline with ``tilse``.

A topic folder holds one sub-folder per publication date (``YYYY-MM-DD``, the articles'
creation time) with ``.txt`` articles inside; the reference is a tilse timeline file (a date
line, that day's sentences, a line of dashes). The articles go through recoupe's ingest and
analysis, then ``consolidate.daily`` picks as many days as the reference has, and as many
sentences per day as the reference's average. Measures, from ``tilse`` (Martschat & Markert
2017), as reported by DATEWISE (Gholipour Ghalandari & Ifrim 2020):

* ``ar1_f1``, ``ar2_f1``: alignment-based ROUGE-1 / ROUGE-2 F1 ("align+ m:1": each predicted
  day is aligned to a reference day by date distance and content, scores are weighted by
  the date distance). ROUGE is tilse's Python re-implementation (``reimpl``: no Perl), with
  its stemming and stop words, on sentences tokenised like the reference;
* ``date_f1``: F1 of the predicted days against the reference days.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from recoupe.consolidate.daily import daily_summaries
from recoupe.records import DocAnalysis, DocDate, Document
from recoupe.settings import Settings

_FOLDER_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TOKEN = re.compile(r"\w+'?|[^\w\s]", re.UNICODE)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})

# DATEWISE's best figures on the English Crisis collection, for comparison.
DATEWISE_CRISIS = {"ar1_f1": 0.089, "ar2_f1": 0.026, "date_f1": 0.295}


def load_topic(topic_dir: Path, settings: Settings) -> list[Document]:
    """The topic's articles, each dated by the name of its folder."""
    from recoupe.ingest import load_inputs

    ingested = load_inputs([topic_dir], settings)
    documents = []
    for document in ingested.documents:
        folder = Path(document.path).parent.name
        if _FOLDER_DATE.match(folder):
            when = DocDate(folder, "day", "metadata", folder, folder, 1.0)
            document = replace(document, date=when)
        documents.append(document)
    return documents


def tokenize(sentence: str) -> str:
    """Words and punctuation separated by spaces, one apostrophe, hyphens apart.

    Applied to the predicted and to the reference sentences alike: the reference files are
    tokenised by hand, inconsistently ("al - Baradai" but "vice-président", ’ and '), and
    tilse splits on spaces only.
    """
    return " ".join(_TOKEN.findall(sentence.translate(_APOSTROPHES)))


def read_reference(path: Path) -> Any:
    """The reference as a tilse ``Timeline``, its sentences tokenised by ``tokenize``."""
    from tilse.data.timelines import Timeline

    with path.open(encoding="utf-8") as handle:
        raw = Timeline.from_file(handle)
    return Timeline({d: [tokenize(s) for s in raw.dates_to_summaries[d]] for d in raw.get_dates()})


def reference_shape(reference: Any) -> tuple[int, int]:
    """(number of dates, sentences per date rounded) of a reference timeline."""
    days = len(reference)
    sentences = reference.get_number_of_sentences()
    return days, max(1, round(sentences / days)) if days else 1


def score_timeline(predicted: dict[date, list[str]], reference: Any) -> dict[str, float]:
    """AR-1, AR-2 (align+ m:1) and date F1 of a predicted timeline, by tilse."""
    from tilse.data.timelines import GroundTruth, Timeline
    from tilse.evaluation import dates as date_scores
    from tilse.evaluation import rouge

    if not predicted:  # tilse cannot align an empty timeline
        return {"ar1_f1": 0.0, "ar2_f1": 0.0, "date_f1": 0.0}
    timeline = Timeline({d: [tokenize(s) for s in ss] for d, ss in predicted.items()})
    truth = GroundTruth([reference])
    evaluator = rouge.TimelineRougeEvaluator(
        measures={"rouge_1", "rouge_2"}, rouge_computation="reimpl"
    )
    aligned = evaluator.evaluate_align_date_content_costs_many_to_one(timeline, truth)
    dated = date_scores.evaluate_dates(timeline, truth)
    return {
        "ar1_f1": round(float(aligned["rouge_1"]["f_score"]), 4),
        "ar2_f1": round(float(aligned["rouge_2"]["f_score"]), 4),
        "date_f1": round(float(dated["f_score"]), 4),
    }


def reference_span(reference: Any) -> tuple[date, date] | None:
    """First and last day of a reference timeline."""
    dates = sorted(reference.get_dates())
    return (dates[0], dates[-1]) if dates else None


def predict(
    documents: Sequence[Document],
    analyses: Sequence[DocAnalysis],
    days: int,
    per_day: int,
    span: tuple[date, date] | None = None,
) -> dict[date, list[str]]:
    chosen = daily_summaries(documents, analyses, days, per_day, span)
    return {d: [s.text for s in spans] for d, spans in sorted(chosen.items())}


def evaluate_tls(
    topic_dir: Path | str,
    reference_path: Path | str,
    settings: Settings | None = None,
    analyses: Sequence[DocAnalysis] | None = None,
    reference_time_span: bool = True,
) -> dict[str, Any]:
    """Build a timeline for a CL-TLS topic and score it against the reference.

    ``analyses`` may be given (in the order of the topic's documents) to skip the analysis.
    With ``reference_time_span`` (the protocol of news-tls, whose DATEWISE figures we
    compare with), only days between the reference's first and last day are candidates.
    """
    from recoupe.build import analyze_all

    settings = settings or Settings(quiet=True)
    started = time.perf_counter()
    documents = load_topic(Path(topic_dir), settings)
    if analyses is None:
        analyses = analyze_all(documents, settings)
    analysed = time.perf_counter()
    reference = read_reference(Path(reference_path))
    days, per_day = reference_shape(reference)
    span = reference_span(reference) if reference_time_span else None
    predicted = predict(documents, analyses, days, per_day, span)
    scores = score_timeline(predicted, reference)
    return {
        "topic": Path(topic_dir).name,
        **scores,
        "reference_dates": days,
        "sentences_per_date": per_day,
        "predicted_dates": len(predicted),
        "time_span": [d.isoformat() for d in span] if span else None,
        "documents": len(documents),
        "characters": sum(len(d.text) for d in documents),
        "analysis_seconds": round(analysed - started, 1),
        "seconds": round(time.perf_counter() - started, 1),
        "timeline": {d.isoformat(): ss for d, ss in predicted.items()},
    }


def format_tls(scores: dict[str, Any]) -> str:
    """The scores as a few readable lines, with DATEWISE's figures beside them."""
    lines = [
        f"{scores['topic']}: {scores['documents']} articles, {scores['characters']:,} characters,"
        f" {scores['seconds']} s ({scores['analysis_seconds']} s analysing)",
        f"timeline: {scores['predicted_dates']} dates (reference {scores['reference_dates']}),"
        f" {scores['sentences_per_date']} sentences per date, days "
        + (
            " to ".join(scores["time_span"]) + " (the reference's span)"
            if scores["time_span"]
            else "of any time"
        ),
    ]
    for key, label in (("ar1_f1", "AR-1 F1"), ("ar2_f1", "AR-2 F1"), ("date_f1", "date F1")):
        lines.append(
            f"{label:8} {scores[key]:.4f}   (DATEWISE, English Crisis: {DATEWISE_CRISIS[key]})"
        )
    return "\n".join(lines)
