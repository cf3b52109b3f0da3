"""The timeline: dated events from every document, merged across sources, sorted by date.

An event is the clause around a resolved calendar date (day, month or year; relative words
such as "hier" or "mercredi" arrive here already resolved against their document's date).
Events on the same date that say the same thing (similar words, or shared entities for
coarse dates) merge into one entry that keeps all their sources. Entries after the newest
document's date are marked ``future``. With ``settings.max_dates`` only the best-ranked dates
are kept, ranked as in DATEWISE by how often the date is mentioned and published on.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from recoupe.consolidate.clauses import (
    SentenceFinder,
    clause_around,
    clean_sentences,
    in_dateline,
    is_future,
    names_its_date,
    no_anchor,
    preceded_by,
    reads_alone,
    without_linking_adverb,
)
from recoupe.consolidate.entities import EntityIndex
from recoupe.consolidate.lexicon import data_json
from recoupe.consolidate.periods import Period, day_bounds, parse_period
from recoupe.consolidate.similarity import (
    SentenceIndex,
    TfIdf,
    Vector,
    centroid_sum,
    content_terms,
    cosine,
    stopwords,
    vector_key,
)
from recoupe.records import DocAnalysis, Document, Quote, Source, Span, TimelineEntry, Timex
from recoupe.settings import Settings

MERGE_SIM = {"day": 0.3, "month": 0.25, "year": 0.15}  # cosine to merge two events
MERGE_SIM_SHARED_ENTITY = 0.05  # ... or this much when they share an entity
HEADLINE_WORDS = 22  # a longer clause is cut to this many words around its date
SENTENCE_EVENT_WORDS = 30  # a sentence (one date) or a clause this short is shown whole
HEAD_WORDS = 7  # a long clause cut around its date keeps this many of its first words
MIN_CLAUSE_TERMS = 4  # shorter clauses are compared through their whole sentence
# a sentence ends after a word ("ça. Il"), not after an initial or a title ("M. Morel")
_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ]{2})[.!?…]\s+[A-ZÀ-Ý«\"]")
# where an incise after its quote stops: its full stop, or a clause of its own ("qui avait
# promis mardi", "mais", "alors que") that tells another event
_INCISE_END = re.compile(
    r"[.!?…](?=\s|$)|[«\n;]|\b(?:qui|que|qu['’]|dont|où|lors|alors|mais|tandis|puis|et|avant|après)\b",
    re.IGNORECASE,
)
# a clause opening on a connector and a figure compares a figure, it tells no event of its
# own: "après 6,1 % attendus cette année", "puis sous la barre des 3 % en 2029"
_ELLIPTIC = re.compile(
    r"\s*(?:(?:et|puis|après|contre|soit|voire|ou|au lieu d[eu']s?)\b\W*(?:\w+\W+){0,4}?"
    r"|comme\b\W*(?:\w+\W+){0,6}?)\d",  # "…, comme lors de l'épidémie de 2019": a comparison
    re.IGNORECASE,
)
# a clause that completes what comes before it, shown from its sentence's start: a relative
# clause ("qui redoute un pic en mars"), an infinitive complement ("à s'être rassemblés") or
# a complement that repeats the one before it ("après le départ des troupes du Mali en août
# 2022, puis du Burkina Faso en février")
_DEPENDENT = re.compile(
    r"\s*(?:(?i:qui|dont|où|lequel|laquelle|lesquels|lesquelles)\b"
    # "Ils étaient 300, à s'être rassemblés mercredi": an infinitive complement
    r"|(?:à|de|d['’])\s*(?:s['’]|se\s|avoir\b|être\b|[a-zà-ÿ]+(?:er|ir|re)\b)"
    r"|(?i:puis|et|ou|mais|ainsi\s+que)\s+(?:du|des|de|d['’]|à|au|aux|en|par)(?!\w))"
)
_QUALIFIERS = frozenset({"environ", "quelque", "près", "presque", "moins", "au", "ou"})
_OPENING_MARKS = {"«", '"', "“"}
_CLOSING_MARKS = {"»", '"', "”"}
_PRECISION = {"year": 0, "month": 1, "day": 2}
_AROUND = {"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN"}


SAID_GAP_CHARS = 120  # most characters between a quote and its speaker ("», a déclaré mardi …")
_Said = tuple[Quote, str] | None  # a quote and who said it
_Raw = tuple[str, Span, tuple[int, int], Period, Timex, tuple[str, ...], _Said]


@dataclass(frozen=True, slots=True)
class Event:
    """One dated clause of one document."""

    doc: str
    sentence: Span
    clause: tuple[int, int]
    period: Period
    timex: Timex
    vector: Vector  # of the sentence
    clause_vector: Vector
    entities: tuple[str, ...]
    said: Quote | None = None  # the quote, when the date is that of its incise ("a-t-il dit mardi")
    said_by: str = ""  # who said it: the speaker's entity name, else the speaker's words


def newest_date(documents: Sequence[Document], precision: str | None = None) -> Period | None:
    """The latest document date (of ``precision`` only, if given)."""
    periods = [
        p
        for d in documents
        if (p := parse_period(d.date.value)) is not None
        and (precision is None or p.precision == precision)
    ]
    return max(periods, key=lambda p: day_bounds(p)[1]) if periods else None


def find_events(
    documents: Sequence[Document], analyses: Sequence[DocAnalysis], index: EntityIndex
) -> list[Event]:
    """Every clause anchored to a calendar date, one per (sentence, date)."""
    texts = {d.id: d.text for d in documents if d.duplicate_of is None}
    table = data_json("dates.json")
    relative, dateline = table["relative_markers"], table["dateline_markers"]
    raw: list[_Raw] = []
    for analysis in analyses:
        text = texts.get(analysis.doc)
        if text is None:
            continue
        finder = SentenceFinder(clean_sentences(text, analysis.sentences))
        quoted = [(q.start, q.end) for q in analysis.quotes if q.kind == "direct"]
        incises = _incises(text, analysis.quotes)
        seen: set[tuple[int, str]] = set()
        for t in analysis.timexes:
            period = parse_period(t.value) if t.type in ("DATE", "TIME") else None
            sentence = finder.at(t.start)
            if period is None or sentence is None or t.mod in _AROUND:
                continue
            # a speaker's "aujourd'hui" points from when they spoke, not from the article
            if any(a <= t.start < b for a, b in quoted) and not names_its_date(t.text):
                continue
            # "avant le 3 mars" is not on the 3rd; "Publié le 3 mars" is the page's dateline
            if preceded_by(text, t.start, relative) or in_dateline(text, t.start, dateline):
                continue
            if no_anchor(text, t):  # "d'ici la fin du mois", "depuis le 1er janvier"
                continue
            if (sentence.start, period.value) in seen:
                continue
            seen.add((sentence.start, period.value))
            clause = clause_around(sentence, t.start, t.end, lean_back=True)
            if clause[0] > sentence.start and _ELLIPTIC.match(text, clause[0]):
                continue  # "…, et non plus 6,1 % comme annoncé en septembre": no event
            ents = _entities_in(analysis, sentence, index)
            said = _said_then(incises, t, index)
            raw.append((analysis.doc, sentence, clause, period, t, ents, said))
    raw = _whole_short_sentences(_finest_per_sentence(raw))
    tfidf = TfIdf(content_terms(r[1].text) for r in raw)
    events = []
    for doc, s, c, p, t, e, said in raw:
        quote, said_by = said or (None, "")
        # compared by what the clause tells, shown with what it hangs on
        vectors = _vector(tfidf, s.text), _vector(tfidf, _clause_text(s, c))
        if c[0] > s.start and _DEPENDENT.match(texts[doc], c[0]):
            c = _with_antecedent(texts[doc], s, c)  # not "Qui redoute un pic…"
        events.append(Event(doc, s, c, p, t, *vectors, e, quote, said_by))
    return events


def _with_antecedent(text: str, sentence: Span, clause: tuple[int, int]) -> tuple[int, int]:
    """A relative clause ("…, d'après l'agence, qui redoute un pic en mars") read from its
    sentence's start, when that is short enough to be a headline whole."""
    if len(text[sentence.start : clause[1]].split()) <= SENTENCE_EVENT_WORDS:
        return sentence.start, clause[1]
    where = _WHERE.match(text, clause[0])  # "…, où 29 soldats ont été tués le 2 octobre"
    return (where.end(), clause[1]) if where else clause


_WHERE = re.compile(r"\s*où\s+", re.IGNORECASE)


def _incises(text: str, quotes: Sequence[Quote]) -> list[tuple[int, int, Quote]]:
    """Where each direct quote's incise lies ("« … », a déclaré mardi X" from the quote's end
    to its speaker's; "X a déclaré mardi : « … »" from the speaker to the quote): a date
    there is the speaker saying it. Only whole-sentence quotes with their speaker next to
    them, in their sentence."""
    found = []
    for q in quotes:
        speaker = q.speaker
        if speaker is None or not q.text[:1].isupper():
            continue  # a fragment woven into a sentence ("a dénoncé des « … »"): no headline
        if q.kind != "direct" and q.end > speaker.start:
            continue  # reported speech after its verb ("X a dit mardi que …") is the event
        if q.end <= speaker.start:  # the incise runs on to its full stop: "», a déclaré
            # X, la maire, jointe par téléphone mardi."
            stop = _INCISE_END.search(text, speaker.end, speaker.end + SAID_GAP_CHARS)
            lo, hi, between = (
                q.end,
                stop.start() if stop else speaker.end,
                text[q.end : speaker.start],
            )
        elif speaker.end <= q.start:
            lo, hi, between = speaker.start, q.start, text[speaker.end : q.start]
        else:
            continue
        if len(between) <= SAID_GAP_CHARS and not _SENTENCE_END.search(between):
            found.append((lo, hi, q))
    return found


def _said_then(
    incises: Sequence[tuple[int, int, Quote]], timex: Timex, index: EntityIndex
) -> _Said:
    """The quote whose incise holds ``timex``, and who said it."""
    for lo, hi, q in incises:
        if lo <= timex.start and timex.end <= hi and q.speaker is not None:
            return q, _speaker_name(q.speaker, index)
    return None


def _speaker_name(speaker: Span, index: EntityIndex) -> str:
    """The speaker's entity name, else their words."""
    entity = index.entity_named(speaker.doc, speaker.start, speaker.end, speaker.text)
    return index.names.get(entity, speaker.text) if entity else speaker.text


def _finest_per_sentence(raw: list[_Raw]) -> list[_Raw]:
    """Drop a date that only contains a finer one of the same sentence ("en janvier 2015, il
    y a dix ans": 2015-01, not also 2015)."""
    by_sentence: dict[tuple[str, int], list[Period]] = defaultdict(list)
    for doc, sentence, _, period, *_ in raw:
        by_sentence[(doc, sentence.start)].append(period)

    def coarse(doc: str, sentence: Span, p: Period) -> bool:
        others = by_sentence[(doc, sentence.start)]
        return any(
            o is not p and o.value.startswith(p.value) and o.value != p.value for o in others
        )

    return [r for r in raw if not coarse(r[0], r[1], r[3])]


def _whole_short_sentences(raw: list[_Raw]) -> list[_Raw]:
    """A sentence of at most ``SENTENCE_EVENT_WORDS`` words naming one date is the event
    whole: "Les grévistes étaient 8 000, jeudi à Lyon, pour la troisième journée" rather
    than its clause "jeudi à Lyon, pour la troisième journée"."""
    dates = Counter((r[0], r[1].start) for r in raw)
    out = []
    for r in raw:
        sentence = r[1]
        if (
            dates[(r[0], sentence.start)] == 1
            and len(sentence.text.split()) <= SENTENCE_EVENT_WORDS
        ):
            r = (r[0], sentence, (sentence.start, sentence.end), *r[3:])
        out.append(r)
    return out


def _vector(tfidf: TfIdf, text: str) -> Vector:
    return tfidf.vector(content_terms(text))


def _clause_text(sentence: Span, clause: tuple[int, int]) -> str:
    return sentence.text[clause[0] - sentence.start : clause[1] - sentence.start]


def _entities_in(analysis: DocAnalysis, sentence: Span, index: EntityIndex) -> tuple[str, ...]:
    found: list[str] = []
    for m in analysis.mentions:
        if sentence.start <= m.start and m.end <= sentence.end:
            eid = index.entity_at(m.doc, m.start, m.end)
            if eid and eid not in found:
                found.append(eid)
    return tuple(found)


def merge_events(events: Sequence[Event]) -> list[list[Event]]:
    """Events on the same date that report the same thing, grouped (single link)."""
    by_date: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        by_date[e.period.value].append(e)
    groups: list[list[Event]] = []
    for same_date in by_date.values():
        groups.extend(_link(same_date))
    return _into_finer(groups)


def _into_finer(groups: list[list[Event]]) -> list[list[Event]]:
    """A year group joins the one finer group inside that year that reports the same thing
    ("en 2015" and "en janvier 2015" from two articles). Months stay apart from their days:
    "depuis la mi-octobre" is not "le 7 octobre"."""
    groups = sorted(groups, key=lambda g: -_PRECISION[g[0].period.precision])
    kept: list[list[Event]] = []
    inside: dict[str, _EventIndex] = {}  # year -> the events of the finer groups in it
    for group in groups:
        value = group[0].period.value
        if group[0].period.precision != "year":
            kept.append(list(group))
            continue
        if value not in inside:  # every finer group is kept before the first year group
            inside[value] = _EventIndex()
            for k, other in enumerate(kept):
                if other[0].period.value.startswith(value) and other[0].period.value != value:
                    for event in other:
                        inside[value].add(event, k)
        index = inside[value]
        distinct = list({_signature(e): e for e in group}.values())  # reprints ask once
        finer = sorted({k for event in distinct for k in index.matches(event, MERGE_SIM["year"])})
        if len(finer) == 1:
            kept[finer[0]].extend(group)
            for event in distinct:
                index.add(event, finer[0])
        else:
            kept.append(list(group))
    return kept


class _EventIndex:
    """Events (each with a tag) found by ``_similar`` above a threshold without comparing
    every pair: one similarity index on sentences, one on clauses long enough to count."""

    def __init__(self) -> None:
        self.events: list[tuple[Event, int]] = []
        self.sentences = SentenceIndex()
        self.clauses = SentenceIndex()
        self.clause_owner: list[int] = []
        self.seen: set[tuple[tuple[object, ...], int]] = set()

    def add(self, event: Event, tag: int) -> None:
        key = (_signature(event), tag)
        if key in self.seen:  # a reprint with the same tag finds nothing new
            return
        self.seen.add(key)
        self.sentences.add(event.vector)
        if len(event.clause_vector) >= MIN_CLAUSE_TERMS:
            self.clauses.add(event.clause_vector)
            self.clause_owner.append(len(self.events))
        self.events.append((event, tag))

    def _positions(self, event: Event, min_sim: float) -> set[int]:
        """Positions of the stored events whose ``_similar`` to ``event`` may reach
        ``min_sim`` (a superset: the sentence or the clause cosine reaches it)."""
        found = {i for i, _ in self.sentences.similar(event.vector, min_sim)}
        if len(event.clause_vector) >= MIN_CLAUSE_TERMS:
            hits = self.clauses.similar(event.clause_vector, min_sim)
            found.update(self.clause_owner[i] for i, _ in hits)
        return found

    def candidates(self, event: Event, min_sim: float) -> set[int]:
        """Tags of the stored events whose ``_similar`` to ``event`` may reach ``min_sim``."""
        return {self.events[i][1] for i in self._positions(event, min_sim)}

    def matches(self, event: Event, min_sim: float) -> set[int]:
        """Tags of the stored events at least ``min_sim`` similar to ``event``."""
        return {
            self.events[i][1]
            for i in self._positions(event, min_sim)
            if _similar(event, self.events[i][0]) >= min_sim
        }


def _signature(e: Event) -> tuple[object, ...]:
    """What ``_same_event`` and ``_similar`` read of an event, hashable."""
    return (
        e.period.value,
        e.period.precision,
        vector_key(e.vector),
        vector_key(e.clause_vector),
        tuple(sorted(e.entities)),
    )


_SMALL = 48  # below this many events on a date, comparing every pair is the quicker way


def _link(events: Sequence[Event]) -> list[list[Event]]:
    """Single-link clusters of ``_same_event``; pairs already in one cluster are not
    compared again, and on a busy date only pairs an index finds similar enough are."""
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # a reprinted sentence (same words, same clause, same entities) is the same event as
    # its first printing: only first printings are compared
    first: dict[tuple[object, ...], int] = {}
    distinct: list[int] = []
    for i, e in enumerate(events):
        key = _signature(e)
        if e.vector and key in first:
            parent[i] = first[key]
        else:
            first.setdefault(key, i)
            distinct.append(i)
    index: _EventIndex | None = None
    lowest = 0.0
    if len(distinct) >= _SMALL:
        precision = events[0].period.precision
        lowest = MERGE_SIM[precision]
        if precision != "day":
            lowest = min(lowest, MERGE_SIM_SHARED_ENTITY)
        index = _EventIndex()
        for i in distinct:
            index.add(events[i], i)
    for n, i in enumerate(distinct):
        a = events[i]
        if index is None:
            others: Iterable[int] = distinct[n + 1 :]
        else:
            others = sorted(j for j in index.candidates(a, lowest) if j > i)
        for j in others:
            if root(i) != root(j) and _same_event(a, events[j]):
                parent[root(j)] = root(i)
    clusters: dict[int, list[Event]] = defaultdict(list)
    for i, e in enumerate(events):
        clusters[root(i)].append(e)
    return list(clusters.values())


def _similar(a: Event, b: Event) -> float:
    sim = cosine(a.vector, b.vector)
    if min(len(a.clause_vector), len(b.clause_vector)) >= MIN_CLAUSE_TERMS:
        sim = max(sim, cosine(a.clause_vector, b.clause_vector))
    return sim


def _same_event(a: Event, b: Event) -> bool:
    sim = _similar(a, b)
    if sim >= MERGE_SIM[a.period.precision]:
        return True
    return (
        a.period.precision != "day"
        and bool(set(a.entities) & set(b.entities))
        and (sim >= MERGE_SIM_SHARED_ENTITY)
    )


def rank_dates(events: Sequence[Event], documents: Sequence[Document]) -> list[tuple[str, float]]:
    """Dates ranked DATEWISE-style: documents mentioning them, plus documents published then."""
    mentions = Counter(value for value, _ in {(e.period.value, e.doc) for e in events})
    published = Counter(d.date.value for d in documents if d.date.value)
    scores = {v: mentions[v] + 0.5 * published.get(v, 0) for v in mentions}
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


def build_timeline(
    documents: Sequence[Document],
    analyses: Sequence[DocAnalysis],
    index: EntityIndex,
    settings: Settings,
) -> tuple[TimelineEntry, ...]:
    """Merged, sorted timeline entries (limited to ``settings.max_dates`` dates if set)."""
    events = find_events(documents, analyses, index)
    if settings.max_dates is not None:
        keep = {v for v, _ in rank_dates(events, documents)[: settings.max_dates]}
        events = [e for e in events if e.period.value in keep]
    texts = {d.id: d.text for d in documents}
    newest = newest_date(documents), newest_date(documents, "day")
    entries = [_entry(group, texts, newest) for group in merge_events(events)]
    entries.sort(key=lambda e: (_lo(e.date), _PRECISION.get(e.precision, 3), e.date, e.id))
    return tuple(entries)


def _lo(value: str) -> int:
    period = parse_period(value)
    return period.lo if period else 0


def _entry(
    group: Sequence[Event], texts: dict[str, str], newest: tuple[Period | None, Period | None]
) -> TimelineEntry:
    lead = _central(group, texts)
    period = max((e.period for e in group), key=lambda p: _PRECISION[p.precision])  # finest
    sources = tuple(dict.fromkeys(Source(e.doc, *_passage(e, texts[e.doc])) for e in group))
    counts = Counter(eid for e in group for eid in e.entities)
    entities = tuple(sorted(counts, key=lambda k: (-counts[k], k)))
    key = f"{period.value}|{lead.doc}|{lead.sentence.start}"
    return TimelineEntry(
        id="t-" + hashlib.sha1(key.encode()).hexdigest()[:10],
        date=period.value,
        precision=period.precision,
        headline=headline(texts[lead.doc], lead),
        text=texts[lead.doc][slice(*_passage(lead, texts[lead.doc]))],
        sources=sources,
        entities=entities,
        future=_is_future(period, *newest, group, texts),
    )


def _is_future(
    period: Period,
    newest: Period | None,
    newest_day: Period | None,
    group: Sequence[Event],
    texts: dict[str, str],
) -> bool:
    """After the newest document; or, when the newest is known only to the month, within
    it and told in the future tense by most of its sources ("aura lieu le 23 mars"), unless
    a page dated to a later day is there (what it could tell has happened)."""
    if newest is None:
        return False
    first, (newest_first, newest_last) = day_bounds(period)[0], day_bounds(newest)
    if first > newest_last:
        return True
    if newest.precision == "day" or first < newest_first:
        return False
    if newest_day is not None and first < day_bounds(newest_day)[0]:
        return False
    told = [is_future(texts[e.doc][e.clause[0] : e.clause[1]]) for e in group]
    return sum(told) * 2 > len(told)


def _passage(event: Event, text: str) -> tuple[int, int]:
    """What an event's source points at: its sentence, with the quote when the date is that
    of the quote's incise (the words said and who said them, in the source's words)."""
    lo, hi = event.sentence.start, event.sentence.end
    if event.said is not None:
        lo, hi = min(lo, event.said.start), max(hi, event.said.end)
        if text[lo - 1 : lo] in _OPENING_MARKS:
            lo -= 1
        if text[hi : hi + 1] in _CLOSING_MARKS:
            hi += 1
    return lo, hi


def _central(group: Sequence[Event], texts: dict[str, str]) -> Event:
    """The event whose clause reads best as a headline (reads alone, names its date, opens
    its sentence), then the most similar to the others (ties: the earliest document position)."""
    if len(group) == 1:
        return group[0]
    total = centroid_sum(e.vector for e in group)  # sum of cosines to the others, in O(n)
    scored = [
        (
            # a clause that reads alone, names its date ("en janvier", not "mercredi") and
            # opens its sentence makes the best headline
            (
                e.said is not None or reads_alone(texts[e.doc][e.clause[0] : e.clause[1]]),
                names_its_date(e.timex.text),
                e.clause[0] == e.sentence.start,
            ),
            round(cosine(e.vector, total) - cosine(e.vector, e.vector), 9),
            -e.sentence.start,
            e,
        )
        for e in group
    ]
    return max(scored, key=lambda s: (s[0], s[1], s[2], s[3].doc))[3]


def headline(text: str, event: Event) -> str:
    """The event's clause, trimmed to a few words around its date; for the date of a
    quote's incise, the speaker and what they said ("X : « … »")."""
    if event.said is not None:
        words = event.said.text.split()
        said = " ".join(words[:HEADLINE_WORDS]) + (" …" if len(words) > HEADLINE_WORDS else "")
        who = f"{event.said_by[:1].upper()}{event.said_by[1:]}"
        if event.said.kind != "direct":  # reported words are not quoted as said
            return f"{who} : {said[:1].lower()}{said[1:]}"
        return f"{who} : « {said} »"
    start, end = event.clause
    whole = text[start:end].strip(" ,;:-–—")
    clause = without_linking_adverb(whole)  # "En particulier après la crue…": "Après…"
    tokens = clause.split()
    if len(tokens) > SENTENCE_EVENT_WORDS:  # a clause or a sentence short enough is whole
        dropped = len(whole.split()) - len(tokens)
        clause = _cut(tokens, len(text[start : event.timex.end].split()) - dropped)
    return clause[:1].upper() + clause[1:]


def _cut(tokens: list[str], at: int) -> str:
    """A long clause in ``HEADLINE_WORDS`` words keeping its date (ending at word ``at``):
    from the clause's start when the date comes early; else its first words (who acts,
    "Les travaux sur la digue") and the words around the date ("… ne seront pas achevés
    avant les crues d'automne")."""
    if at <= HEADLINE_WORDS - 4:
        return _window(tokens, 0, HEADLINE_WORDS, at)
    head = tokens[:HEAD_WORDS]
    while len(head) > 1 and _dangles(head[-1]):
        head.pop()
    size = HEADLINE_WORDS - HEAD_WORDS
    first = max(HEAD_WORDS, min(at - size // 2, len(tokens) - size))
    return " ".join(head) + " " + _window(tokens, first, size, at)


def _window(tokens: list[str], first: int, size: int, at: int) -> str:
    """``size`` words from ``first``, with "…" where words were left out; no window ends
    on "environ 1" of "environ 1 200 sauveteurs", or on "de"."""
    cut_end = first + size < len(tokens)
    words = tokens[first : first + size]
    if cut_end:
        while len(words) > max(at - first, 1) and _dangles(words[-1]):
            words.pop()
    return ("… " if first else "") + " ".join(words) + (" …" if cut_end else "")


_NUMBER_TOKEN = re.compile(r"^[\d.,]+$")


def _dangles(token: str) -> bool:
    """Whether a headline cannot end on this word: a number that may go on ("1" of "1 200"),
    a stop word or a qualifier of a figure."""
    word = token.lower().strip('«»"“”()')
    return bool(_NUMBER_TOKEN.match(word)) or word in stopwords() or word in _QUALIFIERS
