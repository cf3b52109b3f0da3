"""The clues that date an undated document (used by ``dates.infer_date``).

Each clue comes with a sentence of evidence in French, naming the words it rests on.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from recoupe.consolidate.clauses import (
    SentenceFinder,
    clause_around,
    clean_sentences,
    ends_a_sentence,
    in_dateline,
    is_future,
    is_heading,
    names_its_date,
)
from recoupe.consolidate.lexicon import data_json
from recoupe.consolidate.periods import (
    Period,
    day_bounds,
    day_of,
    month_index,
    month_value,
    parse_period,
)
from recoupe.consolidate.similarity import (
    SentenceIndex,
    TfIdf,
    Vector,
    content_terms,
    cosine,
    fold,
    words,
)
from recoupe.consolidate.units import canonical_unit
from recoupe.records import DocAnalysis, Document, Quantity, Span, Timex

_YEAR = re.compile(r"\b(1[6-9]|20)\d\d\b")
PAIR_MIN = 0.25  # cosine above which two sentences report the same thing
ANCHOR_MIN = 0.25  # cosine above which a month named in two sentences is the same month
DATELINE_CONFIDENCE = 0.95  # "Publié le 4 juin 2019": the page's own word
NEIGHBOUR_MIN = 1.0  # evidence needed to call a dated document a neighbour
FIGURE_WEIGHT = 0.75  # evidence brought by one shared figure of the present story
MAX_NEIGHBOURS = 3
TYPICAL_SENTENCES = 150  # a dated page longer than this matches by chance: its score shrinks
NEIGHBOUR_SLACK = (1, 2)  # months before / after its neighbours a document may be from
YEAR_DISTANCE = 80  # characters: a year this close to a figure dates it
WEEKDAY_YEARS = 2  # "mardi 14 mars" is placed in a year at most this far from the story's
WEEKDAY_WINDOW = timedelta(days=14)  # and the page is from at most this long after it
# cosine of a past weekday's sentence and a dated page's announcement: at 0.1, egypt lost
# 2 of its 24 pages dated within a month (one president named in both sentences is no event)
ANNOUNCED_MIN = 0.2
ANNOUNCED_TERMS = 2  # ... which also share this many content words ("ministre", "santé")
WEEK = timedelta(days=6)  # "a visité jeudi": the last Thursday, at most six days before


def has_year(text: str) -> bool:
    return _YEAR.search(text) is not None


def doc_name(document: Document) -> str:
    return document.title or Path(document.path).name or document.id


@dataclass(frozen=True, slots=True)
class Neighbour:
    doc: str
    period: Period
    score: float
    evidence: str


@dataclass(slots=True)
class DatingContext:
    """What every undated document is compared with, computed once."""

    documents: dict[str, Document]
    analyses: dict[str, DocAnalysis]
    dated: dict[str, Period]
    finders: dict[str, SentenceFinder]
    vectors: dict[str, list[Vector]]
    timed: dict[str, set[int]]  # sentences holding a date with a year, per document
    index: SentenceIndex
    index_keys: list[tuple[str, int]]  # (doc, sentence index) of each indexed sentence
    month_timexes: dict[int, list[tuple[str, int, Period]]] = field(default_factory=dict)
    announced: dict[int, list[tuple[date, str, int]]] = field(default_factory=dict)

    @classmethod
    def build(cls, documents: Sequence[Document], analyses: Sequence[DocAnalysis]) -> DatingContext:
        docs = {d.id: d for d in documents}
        by_doc = {a.doc: a for a in analyses}
        finders = {
            a.doc: SentenceFinder(clean_sentences(docs[a.doc].text, a.sentences))
            for a in analyses
            if a.doc in docs
        }
        terms = {d: [content_terms(s.text) for s in f.sentences] for d, f in finders.items()}
        tfidf = TfIdf(t for ts in terms.values() for t in ts)
        vectors = {d: [tfidf.vector(t) for t in ts] for d, ts in terms.items()}
        timed = {d: _timed_sentences(by_doc[d], finders[d]) for d in finders}
        dated = {
            d.id: p
            for d in documents
            if has_own_date(d) and (p := parse_period(d.date.value)) is not None
        }
        keys = [
            (d, i)
            for d in finders
            if d in dated
            for i in range(len(vectors[d]))
            if i not in timed[d]
        ]
        index = SentenceIndex([vectors[d][i] for d, i in keys])
        context = cls(docs, by_doc, dated, finders, vectors, timed, index, keys)
        context.month_timexes = _month_timexes(context)
        context.announced = _announced_days(context)
        return context


def _timed_sentences(analysis: DocAnalysis, finder: SentenceFinder) -> set[int]:
    found = set()
    for t in analysis.timexes:
        i = finder.index_at(t.start)
        if i is not None and has_year(t.text):
            found.add(i)
    return found


def _month_timexes(context: DatingContext) -> dict[int, list[tuple[str, int, Period]]]:
    """Dated documents' month-precise dates, by month number: (doc, sentence, period)."""
    out: dict[int, list[tuple[str, int, Period]]] = defaultdict(list)
    for doc in context.dated:
        analysis = context.analyses.get(doc)
        if analysis is None:
            continue
        for t in analysis.timexes:
            period = parse_period(t.value) if t.type == "DATE" else None
            i = context.finders[doc].index_at(t.start)
            if period and period.precision != "year" and i is not None:
                out[period.lo % 12 + 1].append((doc, i, period))
    return out


def has_own_date(document: Document) -> bool:
    """Whether a document's date was given (metadata) or printed on the page (a dateline,
    inferred with ``DATELINE_CONFIDENCE``), rather than estimated from clues."""
    date = document.date
    if parse_period(date.value) is None:
        return False
    return date.provenance == "metadata" or (
        date.provenance == "inferred" and date.confidence >= DATELINE_CONFIDENCE
    )


# --- clue 1: absolute dates mentioned in the past ---------------------------------------


def absolute_bounds(doc_id: str, context: DatingContext) -> list[tuple[int, str]]:
    """The latest absolute date the document mentions in the past: a lower bound."""
    best: tuple[int, Timex] | None = None
    for t in _own_timexes(doc_id, context):
        period = parse_period(t.value) if t.type == "DATE" else None
        if period is None or not has_year(t.text) or str(period.lo // 12) not in t.text:
            continue
        if _in_future(doc_id, t, context):
            continue
        if best is None or period.lo > best[0]:
            best = (period.lo, t)
    if best is None:
        return []
    lo, t = best
    why = f"mentionne « {t.text} » ({t.value}) au passé : écrit en {month_value(lo)} ou après"
    return [(lo, why)]


def _own_timexes(doc_id: str, context: DatingContext) -> Sequence[Timex]:
    analysis = context.analyses.get(doc_id)
    return analysis.timexes if analysis else ()


def _in_future(doc_id: str, t: Timex, context: DatingContext) -> bool:
    """Whether the date is in a future-tense clause, in a sentence telling a plan or a
    forecast, or in a heading or teaser ("Le Monde en 2030", no verb, no full stop): none
    says the document was written after it."""
    sentence = context.finders[doc_id].at(t.start)
    if sentence is None:
        return False
    if len(sentence.text.split()) < 5 or not ends_a_sentence(sentence.text):
        return True
    if is_heading(context.documents[doc_id].text, sentence):
        return True
    if _prospective(sentence.text):
        return True
    start, end = clause_around(sentence, t.start, t.end)
    return is_future(context.documents[doc_id].text[start:end])


_BY = re.compile(r"\bd['’]\s?ici\b", re.IGNORECASE)


def _prospective(sentence: str) -> bool:
    """Whether a sentence speaks of a plan or a forecast ("l'objectif est de ramener le
    déficit sous 3 % en 2029", "d'ici 2030"), whatever the tense of its verbs."""
    planned = _prospective_words()
    return _BY.search(sentence) is not None or any(w in planned for w in words(sentence))


@cache
def _prospective_words() -> frozenset[str]:
    return frozenset(data_json("dates.json")["prospective_words"])


# --- clue 2: dated documents reporting the same current events --------------------------


def find_neighbours(doc_id: str, context: DatingContext) -> list[Neighbour]:
    """Dated documents that share current (not background) sentences and figures."""
    scores: dict[str, float] = defaultdict(float)
    pairs: dict[str, int] = defaultdict(int)
    for i, vec in enumerate(context.vectors.get(doc_id, ())):
        if i in context.timed[doc_id]:
            continue
        best: dict[str, float] = {}
        for k, sim in context.index.similar(vec, PAIR_MIN):
            other = context.index_keys[k][0]
            if other != doc_id and sim > best.get(other, 0.0):
                best[other] = sim
        for other, sim in best.items():
            scores[other] += sim
            pairs[other] += 1
    for other in scores:  # a page of 20,000 sentences shares some with anything
        scores[other] *= min(1.0, TYPICAL_SENTENCES / max(1, len(context.vectors[other])))
    figures = _shared_figures(doc_id, context)
    for other, count in figures.items():
        scores[other] += FIGURE_WEIGHT * count
    ranked = sorted(
        (d for d, s in scores.items() if s >= NEIGHBOUR_MIN), key=lambda d: (-scores[d], d)
    )
    return [
        Neighbour(
            d, context.dated[d], scores[d], _neighbour_evidence(d, pairs[d], figures, context)
        )
        for d in ranked[:MAX_NEIGHBOURS]
    ]


def _neighbour_evidence(
    doc: str, pairs: int, figures: dict[str, int], context: DatingContext
) -> str:
    parts = []
    if pairs:
        parts.append(f"{pairs} phrase{'s' if pairs > 1 else ''} proche{'s' if pairs > 1 else ''}")
    if figures.get(doc):
        n = figures[doc]
        parts.append(f"{n} chiffre{'s' if n > 1 else ''} identique{'s' if n > 1 else ''}")
    name = doc_name(context.documents[doc])
    value = context.documents[doc].date.value
    return f"rapporte les mêmes faits que « {name} », daté {value} ({', '.join(parts)})"


def _figure_key(q: Quantity) -> tuple[str, float] | None:
    if q.kind not in ("count", "money", "percent") or q.qualifier == "vague" or q.value < 10:
        return None
    return canonical_unit(q.unit), round(q.value, 1)


def _current_figures(doc_id: str, context: DatingContext) -> set[tuple[str, float]]:
    """The document's figures whose clause names no year (figures of the present story)."""
    analysis = context.analyses.get(doc_id)
    finder = context.finders.get(doc_id)
    if analysis is None or finder is None:
        return set()
    years = [t for t in analysis.timexes if has_year(t.text)]
    keys = set()
    for q in analysis.quantities:
        key = _figure_key(q)
        sentence = finder.at(q.start)
        if key is None or sentence is None:
            continue
        start, end = clause_around(sentence, q.start, q.end)
        near = (t for t in years if start <= t.start < end)
        if not any(max(t.start - q.end, q.start - t.end) <= YEAR_DISTANCE for t in near):
            keys.add(key)
    return keys


def _shared_figures(doc_id: str, context: DatingContext) -> dict[str, int]:
    """Dated documents giving the same current figure (unit and value) as the document."""
    keys = _current_figures(doc_id, context)
    shared: dict[str, int] = {}
    for other in context.dated:
        if other != doc_id and (common := len(keys & _current_figures(other, context))):
            shared[other] = common
    return shared


# --- clue 3: month names without a year ------------------------------------------------


@cache
def _months() -> dict[str, int]:
    return dict(data_json("dates.json")["months"])


def yearless_month(t: Timex, text: str) -> tuple[int, bool] | None:
    """(month number, said with "dernier") for a month named without a year, else None."""
    if t.type != "DATE" or has_year(t.text):
        return None
    names = [m for w in words(t.text) if (m := _months().get(w))]
    if not names:
        return None
    after = words(text[t.end : t.end + 15])[:1]
    table = data_json("dates.json")
    if any(w in table["next_markers"] for w in [*words(t.text), *after]):
        return None
    past = any(w in table["past_markers"] for w in [*words(t.text), *after])
    return names[-1], past


def month_bounds(
    doc_id: str, context: DatingContext, soft: Period | None
) -> Iterator[tuple[int, int, str, bool]]:
    """Bounds from month names without a year, placed in a year by the dated documents
    (and whether a dated document named that very month: else it is the neighbours' guess)."""
    text = context.documents[doc_id].text
    seen: set[tuple[int, bool]] = set()
    for t in _own_timexes(doc_id, context):
        found = yearless_month(t, text)
        if found is None or found in seen or _in_future(doc_id, t, context):
            continue
        seen.add(found)
        month, past = found
        anchored = _anchor(doc_id, t, month, context)
        if anchored is not None:
            event, source = anchored
            how = f"les documents datés placent cet épisode en {month_value(event)} ({source})"
        elif soft is not None:
            event = _last_month_before(month, soft.hi, strictly=past)
            how = f"d'après les documents voisins, il s'agit de {month_value(event)}"
        else:
            continue
        # "en avril dernier" is said in May or later; "le 12 avril dernier" may be April 27
        has_day = t.value[8:10].isdigit()
        lo, hi = event + (1 if past and not has_day else 0), event + 11
        yield (
            lo,
            hi,
            (
                f"emploie « {_quoted(t, text)} » ; {how} : écrit entre "
                f"{month_value(lo)} et {month_value(hi)}"
            ),
            anchored is not None,
        )


def _quoted(t: Timex, text: str) -> str:
    after = text[t.end : t.end + 12].split()
    tail = after[0].strip(",.;") if after and fold(after[0]).startswith("dernie") else ""
    return f"{t.text} {tail}".strip()


def _last_month_before(month: int, limit: int, strictly: bool) -> int:
    year = limit // 12
    candidate = month_index(year, month)
    if candidate > limit or (strictly and candidate == limit):
        candidate -= 12
    return candidate


def _anchor(doc_id: str, t: Timex, month: int, context: DatingContext) -> tuple[int, str] | None:
    """The same month (the same day, when one is given) named in a similar sentence of a
    dated document, resolved there."""
    i = context.finders[doc_id].index_at(t.start)
    if i is None:
        return None
    vec = context.vectors[doc_id][i]
    day = t.value[8:10] if t.value[8:10].isdigit() else None
    best: tuple[float, int, str] | None = None
    for other, j, period in context.month_timexes.get(month, ()):
        if other == doc_id:
            continue
        if day is not None and period.value[8:10] != day:  # "le 30 juin" is not "le 2 juin"
            continue
        sim = sum(v * context.vectors[other][j].get(term, 0.0) for term, v in vec.items())
        if sim >= ANCHOR_MIN and (best is None or sim > best[0]):
            sentence: Span = context.finders[other].sentences[j]
            name = doc_name(context.documents[other])
            best = (sim, period.lo, f"« {_short(sentence.text)} », {name}")
    return None if best is None else (best[1], best[2])


# --- clue 4: a weekday with its day and month ("mardi 14 mars") ---------------------------

_YEARLESS_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})$")


def weekday_bounds(
    doc_id: str, context: DatingContext, soft: Period | None
) -> Iterator[tuple[int, int, str]]:
    """Bounds from a day named with its weekday and no year: a 14 March falls on a Tuesday
    once every few years, and the year of the story (the neighbours', else the dated
    documents') picks one. News names a day by its weekday only when it is near: the page is
    from that day to two weeks later (two weeks before, when it announces the day)."""
    story = _story_year(context, soft)
    if story is None:
        return
    text = context.documents[doc_id].text
    weekdays: dict[str, int] = data_json("dates.json")["weekdays"]
    seen: set[str] = set()
    for t in _own_timexes(doc_id, context):
        match = _YEARLESS_DAY.match(t.value) if t.type == "DATE" else None
        around = words(text[max(0, t.start - 12) : t.end])
        named = [(weekdays[w], w) for w in around if w in weekdays]
        if match is None or not named or t.value in seen:
            continue
        seen.add(t.value)
        month, day = int(match.group(1)), int(match.group(2))
        years = _years_on(named[-1][0], month, day, story)
        if len(years) != 1:
            continue
        named_day = date(years[0], month, day)
        ahead = _in_future(doc_id, t, context)
        lo = _month_of(named_day - WEEKDAY_WINDOW) if ahead else month_index(years[0], month)
        hi = _month_of(named_day + WEEKDAY_WINDOW)
        when = (
            f"en {month_value(lo)}" if lo == hi else f"entre {month_value(lo)} et {month_value(hi)}"
        )
        yield (
            lo,
            hi,
            (
                f"nomme « {text[t.start : t.end]} », un {named[-1][1]} en {years[0]} (l'année "
                f"du dossier) : écrit {when}"
            ),
        )


def _month_of(day: date) -> int:
    return month_index(day.year, day.month)


def _story_year(context: DatingContext, soft: Period | None) -> int | None:
    if soft is not None:
        return int(soft.mid) // 12
    if not context.dated:
        return None
    return int(statistics.median(p.mid for p in context.dated.values())) // 12


def _years_on(weekday: int, month: int, day: int, around: int) -> list[int]:
    """The years near ``around`` in which that day of that month is that weekday (the
    nearest ones only)."""
    found = []
    for year in range(around - WEEKDAY_YEARS, around + WEEKDAY_YEARS + 1):
        try:
            if date(year, month, day).weekday() == weekday:
                found.append(year)
        except ValueError:  # 29 February
            continue
    if not found:
        return []
    nearest = min(abs(y - around) for y in found)
    return [y for y in found if abs(y - around) == nearest]


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


# --- clue 5: a weekday told in the past, announced by a dated document -------------------

_WEEKDAY_ONLY = re.compile(r"^XXXX-WXX-([1-7])$")


def announced_bounds(doc_id: str, context: DatingContext) -> Iterator[tuple[int, int, str]]:
    """Bounds from an event the document tells in the past by its weekday ("Le ministre a
    visité jeudi l'hôpital") that a dated document announced for a day to come ("Le
    ministre est attendu sur l'île le 20 février", a Thursday): the page is from that day
    to a week later (two, with "dernier"). Only one announced day may fit."""
    text = context.documents[doc_id].text
    finder = context.finders.get(doc_id)
    if finder is None:
        return
    for t in _own_timexes(doc_id, context):
        match = _WEEKDAY_ONLY.match(t.value) if t.type == "DATE" else None
        i = finder.index_at(t.start)
        if match is None or i is None or _in_future(doc_id, t, context):
            continue
        weekday = int(match.group(1)) - 1
        found = _announcements(context, context.vectors[doc_id][i], weekday, doc_id)
        if len({day for day, _, _ in found}) != 1:
            continue
        day, other, said = found[0]
        later = "dernier" in words(text[t.end : t.end + 12])
        lo, hi = _month_of(day), _month_of(day + (2 * WEEK if later else WEEK))
        name = doc_name(context.documents[other])
        yield (
            lo,
            hi,
            (
                f"raconte au passé « {_short(finder.sentences[i].text)} » : le "
                f"{text[t.start : t.end].lower()} {day.isoformat()} que « {name} » annonçait "
                f"(« {_short(said)} »)"
            ),
        )


def _announcements(
    context: DatingContext, vector: Vector, weekday: int, doc_id: str
) -> list[tuple[date, str, str]]:
    """Days to come, on that weekday, that dated documents announce in a sentence like
    this one."""
    terms = set(vector)
    found = []
    for day, other, j in context.announced.get(weekday, ()):
        theirs = context.vectors[other][j]
        if other == doc_id or len(terms & set(theirs)) < ANNOUNCED_TERMS:
            continue
        if cosine(vector, theirs) >= ANNOUNCED_MIN:
            found.append((day, other, context.finders[other].sentences[j].text))
    return found


def _announced_days(context: DatingContext) -> dict[int, list[tuple[date, str, int]]]:
    """Days to come that dated documents announce, by weekday: (day, doc, sentence). A date
    said in full ("le 20 février", not "samedi"), after the page was published, outside its
    dateline, in a clause telling what is to come."""
    out: dict[int, list[tuple[date, str, int]]] = defaultdict(list)
    markers = tuple(data_json("dates.json")["dateline_markers"])
    for doc, published in context.dated.items():
        analysis = context.analyses.get(doc)
        if analysis is None:
            continue
        finder, text = context.finders[doc], context.documents[doc].text
        last = day_bounds(published)[1]
        for t in analysis.timexes:
            day = day_of(t.value) if t.type == "DATE" else None
            j = finder.index_at(t.start)
            if day is None or j is None or day <= last or not names_its_date(t.text):
                continue
            if in_dateline(text, t.start, markers) or not _announces(text, finder.sentences[j], t):
                continue
            out[day.weekday()].append((day, doc, j))
    return dict(out)


def _announces(text: str, sentence: Span, t: Timex) -> bool:
    """Whether the date's clause tells what is to come: a verb in the future, or a word of
    plans ("est attendu le 20 février", "doit se rendre", "prévu")."""
    start, end = clause_around(sentence, t.start, t.end)
    found = words(text[start:end])
    # a conditional ("aurait été perpétré mercredi") reports, it does not announce
    told = [w for w in found if not w.endswith(("ait", "aient")) and is_future(w)]
    return bool(told) or bool(set(found) & _announce_words())


@cache
def _announce_words() -> frozenset[str]:
    return frozenset(data_json("dates.json")["announce_words"])
