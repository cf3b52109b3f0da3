"""Publication dates for documents that carry none, inferred with their evidence.

A page's own dateline ("Publié le 4 juin 2019 à 09h12") dates it outright. Otherwise three
kinds of clues bound a document's date, each kept as readable evidence:

* its own absolute dates: a document that reports something "en 2014" in the past tense was
  written in 2014 or later (dates in future-tense sentences are left out);
* the dated documents that report the same current events (similar sentences, the same
  figures): the document is probably from the same months as they are;
* month names without a year: "en janvier dernier" places the document after that January and
  within the year after it; the year comes from the dated documents or from the neighbours.

When nothing dates a document its date stays unknown (no value, low confidence) rather than
guessed. Documents given a date then have their relative expressions re-resolved against it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from recoupe.consolidate.clauses import in_dateline
from recoupe.consolidate.date_clues import (
    DATELINE_CONFIDENCE,
    NEIGHBOUR_SLACK,
    DatingContext,
    Neighbour,
    absolute_bounds,
    announced_bounds,
    find_neighbours,
    has_own_date,
    month_bounds,
    weekday_bounds,
)
from recoupe.consolidate.date_deixis import deictic_day
from recoupe.consolidate.lexicon import data_json
from recoupe.consolidate.periods import Period, month_value, parse_period, span_value
from recoupe.consolidate.similarity import fold
from recoupe.records import DocAnalysis, DocDate, Document, Timex

# Re-resolve a document's timexes once it has a date: (document with its new date, its
# timexes) -> the timexes with values computed against that date.
Reresolver = Callable[[Document, Sequence[Timex]], tuple[Timex, ...]]

HARD, ANCHORED, GUESSED = 2, 1, 0  # how much a bound is believed when bounds disagree
SPREAD_MONTHS = 3  # neighbours this many months apart leave the date uncertain
SPREAD_PENALTY = 0.15
CONFLICT_PENALTY = 0.1  # a clue contradicted the others and was set aside
_SET_ASIDE = "indice écarté car contradictoire : "
_NEIGHBOURS_SET_ASIDE = "les documents voisins sont incompatibles avec les autres indices"
_MAX_MONTH_SPAN = 3  # a range this narrow (months) is reported at month precision
DAY_CONFIDENCE = 0.9  # "hier, jeudi 13 mars" inside the inferred range
DATELINE_PART = 0.4  # a dateline is looked for in this first part of the text (not in comments)


@dataclass(frozen=True, slots=True)
class DatingResult:
    documents: tuple[Document, ...]
    analyses: tuple[DocAnalysis, ...]


@dataclass(frozen=True, slots=True)
class Bound:
    """The document is from months ``lo``..``hi`` (either end may be open), because..."""

    lo: int | None
    hi: int | None
    evidence: str
    strength: int = 0  # HARD: a date the text states; ANCHORED: placed by a dated document


def needs_date(document: Document) -> bool:
    """Whether a document has no date it was given or printed (metadata, a dateline)."""
    return not has_own_date(document)


def infer_dates(
    documents: Sequence[Document],
    analyses: Sequence[DocAnalysis],
    reresolve: Reresolver | None = None,
) -> DatingResult:
    """Documents with inferred dates where they had none, and analyses re-resolved to match.

    Pages with a dateline are dated first, so that they help date the others."""
    by_doc = {a.doc: a for a in analyses}
    out_analyses = {a.doc: a for a in analyses}
    lined: list[Document] = []
    for document in documents:
        analysis = by_doc.get(document.id)
        dateline = None
        if needs_date(document) and analysis is not None:
            dateline = dateline_date(document, analysis.timexes)
        if dateline is None:
            lined.append(document)
            continue
        dated = replace(document, date=dateline)
        if reresolve is not None and analysis is not None and analysis.timexes:
            out_analyses[document.id] = replace(
                analysis, timexes=reresolve(dated, analysis.timexes)
            )
        lined.append(dated)
    context = DatingContext.build(lined, [out_analyses[a.doc] for a in analyses])
    out_docs: list[Document] = []
    for document in lined:
        if not needs_date(document) or document.id not in by_doc:
            out_docs.append(document)
            continue
        dated = replace(document, date=infer_date(document.id, context))
        analysis = by_doc[document.id]
        if reresolve is not None and dated.date.value is not None and analysis.timexes:
            analysis = replace(analysis, timexes=reresolve(dated, analysis.timexes))
            exact = _exact_day(dated, analysis.timexes)
            if exact is not None:
                dated = replace(dated, date=exact)
                analysis = replace(analysis, timexes=reresolve(dated, by_doc[document.id].timexes))
        out_docs.append(dated)
        out_analyses[document.id] = analysis
    return DatingResult(tuple(out_docs), tuple(out_analyses[a.doc] for a in analyses))


def dateline_date(document: Document, timexes: Sequence[Timex]) -> DocDate | None:
    """The day of the page's first dateline ("Publié le 4 juin 2019 à 09h12", "mis en ligne
    le 03/03/2011"), in the first part of its text, or ``None``."""
    markers = tuple(data_json("dates.json")["publication_markers"])
    limit = len(document.text) * DATELINE_PART
    for t in sorted(timexes, key=lambda t: t.start):
        if t.start > limit:
            break
        period = parse_period(t.value) if t.type in ("DATE", "TIME") else None
        if period is None or period.precision != "day":
            continue
        if not in_dateline(document.text, t.start, markers):
            continue
        said = _from_marker(document.text, t, markers)
        value = t.value[:10]
        return DocDate(
            value=value,
            precision="day",
            provenance="inferred",
            earliest=value,
            latest=value,
            confidence=DATELINE_CONFIDENCE,
            evidence=(f"la page porte « {said} »",),
        )
    return None


def _from_marker(text: str, t: Timex, markers: Sequence[str]) -> str:
    """ "Publié le 4 juin 2019": the dateline from its marker word to its date."""
    lo = max(text.rfind("\n", 0, t.start) + 1, t.start - 40)
    window = fold(text[lo : t.start])  # same length: French letters fold one to one
    found = [window.rfind(m) for m in markers]
    at = max(found) if len(window) == t.start - lo and max(found) >= 0 else 0
    return " ".join(text[lo + at : t.end].split())


def _exact_day(document: Document, timexes: Sequence[Timex]) -> DocDate | None:
    """The inferred date narrowed to a day by "hier, jeudi 13 mars", when it fits."""
    found = deictic_day(document.text, timexes)
    if found is None:
        return None
    day, why = found
    value = day.isoformat()
    current = document.date
    if (current.earliest and value[:7] < current.earliest[:7]) or (
        current.latest and value[:7] > current.latest[:7]
    ):
        return None
    evidence = (*current.evidence, why)
    return replace(
        current,
        value=value,
        precision="day",
        earliest=value,
        latest=value,
        confidence=DAY_CONFIDENCE,
        evidence=evidence,
    )


def infer_date(doc_id: str, context: DatingContext) -> DocDate:
    """The date of one undated document, from its words and its dated neighbours."""
    bounds = [Bound(lo, None, why, HARD) for lo, why in absolute_bounds(doc_id, context)]
    neighbours = find_neighbours(doc_id, context)
    soft = _neighbour_range(neighbours)
    bounds += [
        Bound(lo, hi, why, ANCHORED if anchored else GUESSED)
        for lo, hi, why, anchored in month_bounds(doc_id, context, soft)
    ]
    bounds += [
        Bound(lo, hi, why, ANCHORED) for lo, hi, why in weekday_bounds(doc_id, context, soft)
    ]
    bounds += [Bound(lo, hi, why, ANCHORED) for lo, hi, why in announced_bounds(doc_id, context)]
    low, high, evidence = _combine(bounds)
    if soft is not None:
        low, high, evidence = _narrow(low, high, evidence, soft, neighbours)
    return _doc_date(low, high, evidence, neighbours)


def _neighbour_range(neighbours: Sequence[Neighbour]) -> Period | None:
    if not neighbours:
        return None
    before, after = NEIGHBOUR_SLACK
    lo = min(n.period.lo for n in neighbours) - before
    hi = max(n.period.hi for n in neighbours) + after
    return Period(lo, hi, "month", month_value(lo))


def _combine(bounds: Sequence[Bound]) -> tuple[int | None, int | None, list[str]]:
    """Intersect the bounds, the strongest first (a date the text states, then months a
    dated document places, then the neighbours' guesses); a bound that contradicts the
    stronger ones is dropped."""
    lo: int | None = None
    hi: int | None = None
    evidence: list[str] = []
    for bound in sorted(bounds, key=lambda b: (-b.strength, b.hi is None, b.lo or 0)):
        new_lo = bound.lo if lo is None or (bound.lo is not None and bound.lo > lo) else lo
        new_hi = bound.hi if hi is None or (bound.hi is not None and bound.hi < hi) else hi
        if new_lo is not None and new_hi is not None and new_lo > new_hi:
            evidence.append(f"{_SET_ASIDE}{bound.evidence}")
            continue
        lo, hi = new_lo, new_hi
        evidence.append(bound.evidence)
    return lo, hi, evidence


def _narrow(
    lo: int | None,
    hi: int | None,
    evidence: list[str],
    soft: Period,
    neighbours: Sequence[Neighbour],
) -> tuple[int | None, int | None, list[str]]:
    """Keep the neighbours' months when they fit the hard bounds."""
    for n in neighbours:
        evidence.append(n.evidence)
    new_lo = soft.lo if lo is None else max(lo, soft.lo)
    new_hi = soft.hi if hi is None else min(hi, soft.hi)
    if new_lo > new_hi:
        evidence.append(
            f"{_SET_ASIDE}les documents voisins sont incompatibles avec les autres indices"
        )
        return lo, hi, evidence
    return new_lo, new_hi, evidence


def _doc_date(
    lo: int | None, hi: int | None, evidence: list[str], neighbours: Sequence[Neighbour]
) -> DocDate:
    if lo is None and hi is None:
        reason = "aucune date absolue ni événement partagé avec un document daté"
        return DocDate(provenance="unknown", confidence=0.0, evidence=(reason,))
    value, precision = _estimate(lo, hi, neighbours)
    conflicting = any(e.startswith(_SET_ASIDE) or e == _NEIGHBOURS_SET_ASIDE for e in evidence)
    confidence = _confidence(lo, hi, value, neighbours, conflicting)
    if value is None and hi is None:
        evidence.append("aucun document daté ne rapporte les mêmes faits : date laissée ouverte")
    return DocDate(
        value=value,
        precision=precision,
        provenance="inferred",
        earliest=_bound_value(lo),
        latest=_bound_value(hi),
        confidence=confidence,
        evidence=tuple(dict.fromkeys(evidence)),
    )


def _bound_value(month: int | None) -> str | None:
    return None if month is None else month_value(month)


def _estimate(
    lo: int | None, hi: int | None, neighbours: Sequence[Neighbour]
) -> tuple[str | None, str | None]:
    """The best single value in the range: the neighbours' weighted median, clipped.

    Without neighbours, the range itself when it is one month or one year.
    """
    if lo is None or hi is None:
        return None, None
    if not neighbours:
        return span_value(lo, hi)
    ranked = sorted(neighbours, key=lambda n: n.period.mid)
    half = sum(n.score for n in ranked) / 2
    running = 0.0
    guess = int(ranked[-1].period.mid)
    for n in ranked:
        running += n.score
        if running >= half:
            guess = int(n.period.mid)
            break
    return month_value(min(max(guess, lo), hi)), "month"


def _confidence(
    lo: int | None,
    hi: int | None,
    value: str | None,
    neighbours: Sequence[Neighbour],
    conflicting: bool = False,
) -> float:
    """How much to believe the value: more with close neighbours and a narrow range, less
    when the neighbours are months apart or a clue had to be set aside."""
    if value is None:
        return 0.15 if lo is not None else 0.1
    score = 0.35
    if neighbours:
        score += min(0.3, 0.1 * sum(n.score for n in neighbours))
        spread = max(n.period.lo for n in neighbours) - min(n.period.lo for n in neighbours)
        if spread > SPREAD_MONTHS:
            score -= SPREAD_PENALTY
    if lo is not None and hi is not None:
        width = hi - lo + 1
        score += 0.2 if width <= _MAX_MONTH_SPAN else 0.1 if width <= 12 else 0.0
    if conflicting:
        score -= CONFLICT_PENALTY
    return round(max(0.2, min(score, 0.9)), 2)
