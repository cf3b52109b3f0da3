"""Day-by-day summaries (timeline summarisation), in the manner of DATEWISE.

DATEWISE (Gholipour Ghalandari & Ifrim 2020) first picks the dates, then summarises each.
Here a day is a candidate when sentences name it (a day-precise date, relative ones already
resolved against their article's date) or articles were published on it; days are ranked by
the documents that name them (those naming a day a month or more later count three times:
hindsight tells what mattered) plus the articles published then, and kept at least
``MIN_GAP_DAYS`` apart; each day already kept in a month lowers the others of that month by
``MONTH_DECAY``, so that one busy month (a coup's week, told by every outlet) does not take the
whole timeline from the story's other months. Each kept day gets its sentences nearest to
the centroid of its candidates (those naming it, and the first sentences of the articles
published that day), covered by several articles, with near repeats merged and redundancy
removed by maximal marginal relevance. The constants were chosen on the egypt and libya
topics of CL-TLS.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from recoupe.consolidate.clauses import (
    SentenceFinder,
    clean_sentences,
    in_dateline,
    no_anchor,
    preceded_by,
)
from recoupe.consolidate.lexicon import data_json
from recoupe.consolidate.periods import day_of, parse_period
from recoupe.consolidate.similarity import TfIdf, centroid, content_terms, cosine
from recoupe.consolidate.summary import merge_repeats, select_mmr, usable
from recoupe.records import DocAnalysis, Document, Span

LEAD_SENTENCES = 10  # an article's first sentences stand for its publication day
PUBLISHED_WEIGHT = 1.0  # an article published on a day weighs as much as one naming it
MONTH_WEIGHT = 0.2  # each document naming the day's month (or a day in it) adds this much
MIN_GAP_DAYS = 2  # two kept days are at least this far apart (the next day rarely adds news)
HINDSIGHT_DAYS = 30  # a day still named this long after it happened has lasting importance
HINDSIGHT_WEIGHT = 2.0  # and each document naming it in hindsight counts this much more
MONTH_DECAY = 0.8  # a day's score is multiplied by this for each day of its month kept before


@dataclass(slots=True)
class DayPool:
    """The candidate sentences of one day and what ranks the day."""

    mentioned: list[Span] = field(default_factory=list)
    published: list[Span] = field(default_factory=list)
    naming_docs: set[str] = field(default_factory=set)
    hindsight_docs: set[str] = field(default_factory=set)
    articles: int = 0


def day_pools(
    documents: Sequence[Document], analyses: Sequence[DocAnalysis]
) -> dict[date, DayPool]:
    """Every day named in a sentence or with an article, and its candidate sentences."""
    docs = {d.id: d for d in documents if d.duplicate_of is None}
    table = data_json("dates.json")
    relative = tuple(table["relative_markers"])
    dateline = tuple(table["dateline_markers"])
    pools: dict[date, DayPool] = defaultdict(DayPool)
    newest = max((d for doc in docs.values() if (d := day_of(doc.date.value))), default=None)
    for analysis in analyses:
        document = docs.get(analysis.doc)
        if document is None:
            continue
        published = day_of(document.date.value)
        sentences = clean_sentences(document.text, analysis.sentences)
        named = _named_days(document, analysis, sentences, relative, dateline)
        for i, sentence in enumerate(sentences):
            days = [d for d in named.get(sentence.start, ()) if newest is None or d <= newest]
            for day in days:
                pools[day].mentioned.append(sentence)
                pools[day].naming_docs.add(document.id)
                if published and (published - day).days >= HINDSIGHT_DAYS:
                    pools[day].hindsight_docs.add(document.id)
            if published and not days and i < LEAD_SENTENCES:
                pools[published].published.append(sentence)
        if published:
            pools[published].articles += 1
    return dict(pools)


def _named_days(
    document: Document,
    analysis: DocAnalysis,
    sentences: Sequence[Span],
    relative: tuple[str, ...],
    dateline: tuple[str, ...],
) -> dict[int, list[date]]:
    """Days named in each sentence (``clean_sentences`` of the document), by the sentence's
    start offset."""
    finder = SentenceFinder(sentences)
    found: dict[int, list[date]] = defaultdict(list)
    for t in analysis.timexes:
        day = day_of(t.value) if t.type in ("DATE", "TIME") else None
        if day is None or preceded_by(document.text, t.start, relative):
            continue
        if no_anchor(document.text, t):
            continue
        if in_dateline(document.text, t.start, dateline):  # the page's date, not news
            continue
        sentence = finder.at(t.start)
        if sentence is not None and day not in found[sentence.start]:
            found[sentence.start].append(day)
    return found


def month_mentions(analyses: Sequence[DocAnalysis]) -> dict[str, int]:
    """For each month ("2011-02"), the documents naming it or a day in it: a busy month
    makes its days likelier to matter (DATEWISE ranks dates with features of their month
    too)."""
    naming: dict[str, set[str]] = defaultdict(set)
    for analysis in analyses:
        for t in analysis.timexes:
            period = parse_period(t.value) if t.type in ("DATE", "TIME") else None
            if period is not None and period.precision in ("day", "month"):
                naming[t.value[:7]].add(analysis.doc)
    return {month: len(docs) for month, docs in naming.items()}


def day_scores(
    pools: dict[date, DayPool], months: dict[str, int] | None = None
) -> dict[date, float]:
    """Each day's weight: the documents naming it (more when they name it a month or more
    later) plus the articles published on it, plus a little for the documents naming its
    month."""
    months = months or {}
    return {
        d: len(p.naming_docs)
        + HINDSIGHT_WEIGHT * len(p.hindsight_docs)
        + PUBLISHED_WEIGHT * p.articles
        + MONTH_WEIGHT * months.get(d.isoformat()[:7], 0)
        for d, p in pools.items()
        if p.mentioned or p.published
    }


def pick_days(
    scores: dict[date, float], n: int, gap: int = MIN_GAP_DAYS, decay: float = MONTH_DECAY
) -> list[date]:
    """``n`` days, best first, skipping those closer than ``gap`` days to one already kept;
    a day's score is multiplied by ``decay`` for every day of its month already kept."""
    kept: list[date] = []
    per_month: Counter[tuple[int, int]] = Counter()
    left = dict(scores)
    while left and len(kept) < n:
        day = min(left, key=lambda d: (-left[d] * decay ** per_month[d.year, d.month], d))
        del left[day]
        if all(abs((day - k).days) >= gap for k in kept):
            kept.append(day)
            per_month[day.year, day.month] += 1
    return kept


def daily_summaries(
    documents: Sequence[Document],
    analyses: Sequence[DocAnalysis],
    n_dates: int,
    per_date: int,
    span: tuple[date, date] | None = None,
) -> dict[date, list[Span]]:
    """The ``n_dates`` best days (within ``span``, first and last day, when given), each
    with up to ``per_date`` sentences."""
    pools = day_pools(documents, analyses)
    if span is not None:
        pools = {d: p for d, p in pools.items() if span[0] <= d <= span[1]}
    # a day with no sentence fit to show cannot be summarised: the next day takes its place
    pools = {d: p for d, p in pools.items() if any(map(usable, [*p.mentioned, *p.published]))}
    days = pick_days(day_scores(pools, month_mentions(analyses)), n_dates)
    all_spans = [s for d in days for s in [*pools[d].mentioned, *pools[d].published]]
    tfidf = TfIdf(content_terms(s.text) for s in all_spans)
    out: dict[date, list[Span]] = {}
    for day in days:
        chosen = _summariseday_of(pools[day], tfidf, per_date)
        if chosen:
            out[day] = chosen
    return out


def _summariseday_of(pool: DayPool, tfidf: TfIdf, k: int) -> list[Span]:
    spans = [(s, 0) for s in [*pool.mentioned, *pool.published] if usable(s)]
    if not spans:
        return []
    vectors = [tfidf.vector(content_terms(s.text)) for s, _ in spans]
    cands = merge_repeats(spans, vectors)
    center = centroid(vectors)
    for c in cands:
        c.score = cosine(c.vector, center) * (1.0 + 0.25 * (len(c.docs) - 1))
    return [c.members[0] for c in select_mmr(cands, k)]
