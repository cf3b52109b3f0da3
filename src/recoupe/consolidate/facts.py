"""Facts: the figures from several documents that measure the same thing, compared.

A figure (a ``Quantity`` counting people, attacks, money or a percentage) becomes an
``Observation`` dated by the explicit date attached to it in its clause, else by its
document's date. Observations are grouped when they count the same unit (synonyms folded:
soldats, militaires, troupes), with the same role (killed, wounded...), and compatible
qualifying entities: a figure "au Niger" never joins one "au Tchad", while a figure without a
place may join either (the best one). Blocking by (unit, role) keeps this near-linear.

Each group gets a status:

* ``single``: one observation;
* ``agree``: the values are compatible once qualifiers are read ("environ 1 200", "1 200");
* ``update``: values differ but at different (or unknown) times: the later one supersedes
  (a count that goes up and down, or a toll that falls, is split: separate incidents);
* ``conflict``: values that cannot both hold at the same time (same month or day).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from recoupe.consolidate.entities import EntityIndex
from recoupe.consolidate.fact_labels import fact_label
from recoupe.consolidate.figure_context import (
    PHASE_KIND,
    FigureContext,
    Observed,
    cumulative,
    find_indicator,
    indicator_labels,
)
from recoupe.consolidate.periods import Period, day_bounds, parse_period
from recoupe.consolidate.similarity import (
    TfIdf,
    Vector,
    VectorKey,
    content_terms,
    cosine,
    stopwords,
    vector_key,
    words,
)
from recoupe.consolidate.units import generic_units
from recoupe.records import (
    DocAnalysis,
    Document,
    Entity,
    Fact,
    LinkedQuantity,
    Observation,
    Quantity,
)

APPROX_TOLERANCE = 0.1  # "environ 1 200" covers 1 080..1 320
EXACT_TOLERANCE = 0.005
MAX_RATIO = 10.0  # figures further apart than this are not the same measure
MAX_CANDIDATES = 25  # groups giving the same value that a bare figure is compared with
# Figures of a generic unit (units.json "generic") are one measure only if their sentence
# speaks of the same thing as one of the group's: cosine of their content words at least
# this (a third of the words' weight shared: the place, the event, the source). "2 hommes"
# here and there, "38 personnes" admitted to a hospital and "207 personnes" evacuated by
# ship, are not. A specific noun ("évacués", "soldats") is trusted alone: one story tells
# the same count in sentences that share few words.
CONTEXT_MIN = 0.3
INDICATOR_CONTEXT_MIN = 0.1  # for figures of a named indicator (indicators.json)


@dataclass(slots=True)
class _Group:
    unit: str
    role: str | None
    members: list[Observed]
    signature: dict[str, str]  # entity or modifier key -> its type ("LOC", "MOD"...)
    context: set[str]  # what an amount of money pays for, in words
    number: int  # order of creation, for stable choices
    topics: list[Vector] = field(default_factory=list)  # the members' sentence vectors, once
    topic_keys: set[VectorKey] = field(default_factory=set)


def build_facts(
    quantities: Sequence[LinkedQuantity],
    documents: Sequence[Document],
    analyses: Sequence[DocAnalysis],
    entities: Sequence[Entity],
    index: EntityIndex,
) -> tuple[Fact, ...]:
    """Group the figures of all documents into facts, each with its status."""
    context = FigureContext(documents, analyses, entities, index)
    blocks: dict[tuple[str, str, str | None], list[Observed]] = defaultdict(list)
    everything: list[Observed] = []
    for lq in quantities:
        observed = context.observe(lq)
        if observed is not None:
            blocks[(observed.unit, observed.kind, observed.role)].append(observed)
            everything.append(observed)
    tfidf = TfIdf(o.terms for o in everything)
    vectors = {id(o): tfidf.vector(o.terms) for o in everything}
    groups = [
        g
        for key in sorted(blocks, key=str)
        for g in _absorb_repeats(_cluster(blocks[key], vectors))
    ]
    groups = _join_disputes([part for g in groups for part in one_measure(g)])
    facts = [_fact(g) for g in groups]
    facts = _unique_ids(facts)
    facts.sort(key=lambda f: (-len({o.doc for o in f.observations}), f.label, f.id))
    return tuple(facts)


DISPUTE_CHARS = 400  # a disputed figure is told at most this far before the one disputing it


def _join_disputes(groups: list[_Group]) -> list[_Group]:
    """ "…, 140 ont retrouvé un emploi, selon la cellule. La CGT conteste ce chiffre et
    affirme que seuls 90 salariés…": a figure whose sentence disputes the figure told just
    before it (the nearest earlier one counting the same, in its document) joins that
    figure's fact, whatever their sentences share."""
    home = {id(o): g for g in groups for o in g.members}
    by_doc: dict[str, list[Observed]] = defaultdict(list)
    for g in groups:
        for o in g.members:
            by_doc[o.quantity.doc].append(o)
    for members in by_doc.values():
        members.sort(key=lambda o: o.quantity.start)
        for i, o in enumerate(members):
            if not o.disputes:
                continue
            named = _names(o.signature)  # "178 sièges au NFP" disputes the NFP's count
            before = next(
                (
                    p
                    for p in reversed(members[:i])
                    if (p.unit, p.kind) == (o.unit, o.kind)
                    and not p.disputes
                    and named <= _names(p.signature)
                ),
                None,
            )
            if before is None or o.quantity.start - before.quantity.end > DISPUTE_CHARS:
                continue
            target, source = home[id(before)], home[id(o)]
            if target is source or not _compatible(o.signature, target.signature):
                continue
            source.members.remove(o)
            target.members.append(o)
            home[id(o)] = target
    return [g for g in groups if g.members]


def _cluster(observed: Sequence[Observed], vectors: dict[int, Vector]) -> list[_Group]:
    """Greedy grouping, most specific figures first; each joins the best compatible group.

    A figure with fewer qualifiers than a group ("1 200 soldats" against "1 200 soldats au
    Niger") joins it only when it gives the same value: otherwise it may be a total over
    several places, and stays apart.
    """
    groups: list[_Group] = []
    candidates = _Candidates()
    ordered = sorted(observed, key=lambda o: (-len(o.signature), o.quantity.doc, o.quantity.start))
    for o in ordered:
        best: tuple[int, int, int, _Group] | None = None
        vector = vectors[id(o)]
        # a rate of a named indicator ("le chômage … 7,3 %") is a specific measure
        generic = o.unit in generic_units()
        # a rate of a named indicator ("le chômage … 7,3 %") is a measure of its own: its
        # sentences need share only a little ("déficit public" here, "déficit" there)
        least = INDICATOR_CONTEXT_MIN if o.role in indicator_labels() else CONTEXT_MIN
        for g in candidates.near(o):
            if not _joins(o, g) or (generic and not _same_topic(vector, g, least)):
                continue
            shared = len(o.signature.keys() & g.signature.keys())
            if best is None or (shared, len(g.members), -g.number) > best[:3]:
                best = (shared, len(g.members), -g.number, g)
        if best is None:
            group = _Group(o.unit, o.role, [o], dict(o.signature), set(o.context), len(groups))
            groups.append(group)
        else:
            group = best[3]
            group.members.append(o)
            group.signature.update(o.signature)
            group.context.update(o.context)
        key = vector_key(vector)
        if vector and key not in group.topic_keys:  # a reprinted sentence adds nothing
            group.topic_keys.add(key)
            group.topics.append(vector)
        candidates.add(group, o)
    return groups


def _absorb_repeats(groups: list[_Group]) -> list[_Group]:
    """A figure left alone that its own document gives once more in a fact of several
    sources ("près de 2 900 morts" in a title, "2 901 morts" in the text) joins that fact:
    an article repeating its figure speaks of one measure, in words that may share little.
    One repeat per document and fact (a long page repeats its "20 %" about anything)."""
    homes: dict[str, list[_Group]] = defaultdict(list)
    for g in groups:
        per_doc = Counter(m.quantity.doc for m in g.members)
        if len(per_doc) > 1:
            for doc, n in per_doc.items():
                if n == 1:
                    homes[doc].append(g)
    taken: set[tuple[int, str]] = set()
    kept: list[_Group] = []
    for g in groups:
        o = g.members[0]
        doc = o.quantity.doc
        home = next(
            (
                h
                for h in homes.get(doc, ())
                if len(g.members) == 1
                and (h.number, doc) not in taken
                and _compatible(o.signature, h.signature)
                and any(m.quantity.doc == doc and _same_value(o, m) for m in h.members)
            ),
            None,
        )
        if home is None:
            kept.append(g)
            continue
        home.members.append(o)
        taken.add((home.number, doc))
    return kept


def one_measure(group: _Group) -> list[_Group]:
    """The group, or its figures split by the time they hold for when they cannot be one
    measure over time: a count that goes up and down and up again ("3 incendies", then 13,
    then 5) counts separate incidents, and so does a toll that falls later ("26 tués", then
    17). Figures of one time stay together (they agree or conflict)."""
    by_time: dict[str, list[Observed]] = defaultdict(list)
    if group.role in indicator_labels():
        # a rate or an amount of a named indicator holds for its year: the 2023 deficit and
        # the 2024 one are two measures, each perhaps revised within its year
        for m in group.members:
            by_time[m.period or f"?{id(m)}"].append(m)
        return [_regroup(group, members) for members in by_time.values()]
    for m in group.members:
        by_time[m.observation.as_of or ""].append(m)
    known = sorted((k for k in by_time if parse_period(k)), key=lambda k: _time_key(by_time[k][0]))
    if len(known) < 2:
        return [group]
    values = [sorted(m.observation.value for m in by_time[k])[len(by_time[k]) // 2] for k in known]
    # a month holding a day ("2023-09" and "2023-09-12") puts neither before the other
    ordered = [_apart(a, b) for a, b in pairwise(known)]
    steps = {
        (b > a) - (b < a) for (a, b), o in zip(pairwise(values), ordered, strict=True) if o
    } - {0}
    toll = group.role in cumulative() or group.unit in cumulative()
    if not (steps == {1, -1} or (toll and steps == {-1})):
        return [group]
    return [_regroup(group, members) for members in by_time.values()]


def _regroup(group: _Group, members: list[Observed]) -> _Group:
    """A part of ``group``: some of its members, with their qualifiers and context."""
    return _Group(
        group.unit,
        group.role,
        members,
        {k: v for m in members for k, v in m.signature.items()},
        {w for m in members for w in m.context},
        group.number,
    )


def _same_topic(vector: Vector, g: _Group, least: float = CONTEXT_MIN) -> bool:
    """The figure's sentence speaks of what one of the group's sentences speaks of (each
    member, not their centroid: a centroid of many incidents ends up like any sentence of
    the story). A sentence with no content word left cannot tell, and does not object."""
    if not vector or not g.topics:
        return True
    return any(cosine(vector, other) >= least for other in g.topics)


def _joins(o: Observed, g: _Group) -> bool:
    if not _compatible(o.signature, g.signature) or not _same_scale(o, g):
        return False
    if any(_self_contradiction(o, m) for m in g.members):
        return False  # "336 sorties ... dont 212 par les États-Unis": two measures
    if not _names(o.signature) >= _names(g.signature) and not any(
        _same_value(o, m) for m in g.members
    ):
        return False  # a figure naming less (a total?) joins only a group it agrees with
    if o.of_what and any(m.of_what and not _same_whole(o.of_what, m.of_what) for m in g.members):
        return False  # "10 % de la population" is not "10 % du PIB"
    return not (o.context and g.context and not o.context & g.context)


def _names(signature: dict[str, str]) -> set[str]:
    """The qualifiers that make a figure a part of another (a place, a group), not the
    round of a vote, which only keeps two rounds apart."""
    return {k for k, kind in signature.items() if not kind.startswith(PHASE_KIND)}


def _same_whole(a: str, b: str) -> bool:
    """Two complements name the same whole when their first content word is the same
    ("de la population active", "de la population du pays"), or one is the other's
    initials ("du PIB", "du produit intérieur brut")."""
    first_a, first_b = content_terms(a)[:1], content_terms(b)[:1]
    if not first_a or not first_b or first_a == first_b:
        return True
    measured = find_indicator("", a)
    if measured is not None and measured == find_indicator("", b):
        return True  # "des voix", "des suffrages": one indicator's words
    return _initials(a) in (first_b[0], words(b)[-1]) or _initials(b) in (first_a[0], words(a)[-1])


def _initials(text: str) -> str:
    """ "du produit intérieur brut" -> "pib": the first letters of its content words."""
    stops = stopwords()
    return "".join(w[0] for w in words(text) if w not in stops and len(w) > 1)


def _self_contradiction(a: Observed, b: Observed) -> bool:
    """Two different values at the same time in one document: a document does not
    contradict itself, so they measure different things (a total and its part). Values
    dated apart ("4 400 membres lundi, 9 600 mercredi", the 2025 and 2029 deficits) are
    an update or two measures and may stay, and so do figures the document gives from two
    sources or as a revision ("et non plus 6,1 %")."""
    return (
        a.quantity.doc == b.quantity.doc
        and not _overlap(a, b)
        and (a.observation.as_of == b.observation.as_of or a.observation.as_of is None)
        and a.period == b.period
        and not _told_by_two(a.quantity, b.quantity)
        and not (a.revises or b.revises)  # "bilan revu : 18 blessés, contre 14 annoncés"
        and not (a.former or b.former)  # "6,2 %, et non plus 6,1 %"
    )


def _told_by_two(a: Quantity, b: Quantity) -> bool:
    """ "12 000 selon les syndicats, 3 500 selon la police": one document reporting two
    sources that disagree on one measure."""
    if a.attributed_to is None or b.attributed_to is None:
        return False
    return content_terms(a.attributed_to.text) != content_terms(b.attributed_to.text)


def _apart(a: str, b: str) -> bool:
    """Whether two as-of values do not overlap in time (one comes before the other)."""
    pa, pb = parse_period(a), parse_period(b)
    if pa is None or pb is None:
        return False
    (a_first, a_last), (b_first, b_last) = day_bounds(pa), day_bounds(pb)
    return a_last < b_first or b_last < a_first


def _value_key(value: float) -> float:
    return float(f"{value:.2g}")


def _scale(value: float) -> int:
    return math.floor(math.log10(value)) if value > 0 else 0


class _Candidates:
    """The groups worth comparing with a figure: those sharing a qualifier with it, those
    giving its value (for a figure without qualifier), and unqualified ones of its scale.
    Keeps grouping near-linear."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[_Group]] = defaultdict(list)
        self.by_value: dict[float, list[_Group]] = defaultdict(list)
        self.bare: dict[int, list[_Group]] = defaultdict(list)
        self.seen: set[tuple[str | float, int]] = set()

    def near(self, o: Observed) -> list[_Group]:
        found: dict[int, _Group] = {}
        scale = _scale(o.quantity.value)
        pools = [self.by_key[k] for k in o.signature if k in self.by_key]
        if not o.signature:  # a bare figure may join a group giving its value: the largest
            same = self.by_value.get(_value_key(o.quantity.value), [])
            pools.append(sorted(same, key=lambda g: -len(g.members))[:MAX_CANDIDATES])
        pools += [self.bare.get(b, []) for b in (scale - 1, scale, scale + 1)]
        for pool in pools:
            for g in pool:
                found.setdefault(g.number, g)
        return [found[n] for n in sorted(found)]

    def add(self, g: _Group, o: Observed) -> None:
        for key in o.signature:
            if (key, g.number) not in self.seen:
                self.seen.add((key, g.number))
                self.by_key[key].append(g)
        value = _value_key(o.quantity.value)
        if (value, g.number) not in self.seen:
            self.seen.add((value, g.number))
            self.by_value[value].append(g)
        if not g.signature and len(g.members) == 1:
            self.bare[_scale(o.quantity.value)].append(g)


def _compatible(a: dict[str, str], b: dict[str, str]) -> bool:
    """No kind of qualifier (place, group, modifier) on which the two sides differ."""
    only_a = {t for k, t in a.items() if k not in b}
    only_b = {t for k, t in b.items() if k not in a}
    return not (only_a & only_b)


def _same_scale(o: Observed, g: _Group) -> bool:
    low, high = sorted((o.quantity.value, g.members[0].quantity.value))
    return low > 0 and high / low <= MAX_RATIO


# --- status ---------------------------------------------------------------------------


def _interval(o: Observation, low: float | None, high: float | None) -> tuple[float, float]:
    v = o.value
    match o.qualifier:
        case "approx":
            return v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)
        case "more_than" | "at_least":
            return v, math.inf
        case "less_than" | "at_most":
            return 0.0, v
        case "range":
            return (low if low is not None else v), (high if high is not None else v)
        case _:
            return v * (1 - EXACT_TOLERANCE), v * (1 + EXACT_TOLERANCE)


def _same_value(a: Observed, b: Observed) -> bool:
    """Whether two figures give the same value once qualifiers are read (times aside)."""
    qa, qb = a.quantity, b.quantity
    if "range" in (qa.qualifier, qb.qualifier):
        return _overlap(a, b)
    tolerance = APPROX_TOLERANCE if "approx" in (qa.qualifier, qb.qualifier) else EXACT_TOLERANCE
    return abs(qa.value - qb.value) <= tolerance * max(qa.value, qb.value)


def _overlap(a: Observed, b: Observed) -> bool:
    la, ha = _interval(a.observation, a.quantity.low, a.quantity.high)
    lb, hb = _interval(b.observation, b.quantity.low, b.quantity.high)
    return max(la, lb) <= min(ha, hb)


def same_time(a: str | None, b: str | None) -> bool:
    """Two as-of values name the same month or day, or a day within the same month.

    Years are too coarse: different values in one year may well be updates.
    """
    pa, pb = parse_period(a), parse_period(b)
    if pa is None or pb is None or "year" in (pa.precision, pb.precision):
        return False
    if pa.precision == pb.precision == "day":
        return a == b
    return pa.lo == pb.lo


def _same_day(a: str | None, b: str | None) -> bool:
    pa, pb = parse_period(a), parse_period(b)
    return pa is not None and pb is not None and pa.precision == "day" and pa.value == pb.value


def fact_status(members: Sequence[Observed]) -> str:
    """``single``, ``agree``, ``conflict`` (different values for one time) or ``update``.

    A toll (deaths, arrests) only grows while it is counted: two of its values conflict
    only when both are for the same day; within a month they are updates."""
    if len(members) == 1:
        return "single"
    if _two_sources_at_once(members):
        return "conflict"
    toll = members[0].role in cumulative() or members[0].unit in cumulative()
    by_month: dict[str, list[Observed]] = defaultdict(list)
    for m in members:
        key = m.observation.as_of or ""
        by_month[key[:7] if same_time(key, key) else f"?{id(m)}"].append(m)
    for month in by_month.values():
        for i, x in enumerate(month):
            for y in month[i + 1 :]:
                if x.revises or y.revises or x.former or y.former:
                    continue  # a revised toll updates the first one
                a, b = x.observation.as_of, y.observation.as_of
                if toll and not _same_day(a, b):
                    continue
                if same_time(a, b) and not _overlap(x, y) and not _month_of_page(x, y):
                    return "conflict"
    first = members[0]
    return "agree" if all(_agree(first, m) for m in members[1:]) else "update"


_BOUNDS = frozenset({"more_than", "at_least", "less_than", "at_most"})


def _agree(a: Observed, b: Observed) -> bool:
    """Same value; or, told at one time, a bound and a figure within it ("plus de 200
    candidats" and "218 candidats"). Two bounds that differ ("plus de 150" then "plus de
    165") are an update."""
    if _same_value(a, b):
        return True
    one_bound = (a.quantity.qualifier in _BOUNDS) != (b.quantity.qualifier in _BOUNDS)
    return one_bound and same_time(a.observation.as_of, b.observation.as_of) and _overlap(a, b)


def _month_of_page(x: Observed, y: Observed) -> bool:
    """One figure is dated only by the month inferred for its undated page, the other to
    a day of that month: which came first is unknown (a page dated to the month by its
    publisher still conflicts with a day of it)."""
    a, b = parse_period(x.observation.as_of), parse_period(y.observation.as_of)
    if a is None or b is None or a.precision == b.precision:
        return False
    month = x if a.precision == "month" else y
    return month.guessed and month.observation.as_of == month.stated


def _two_sources_at_once(members: Sequence[Observed]) -> bool:
    """One document giving two values from two sources for one time ("sept morts selon
    l'ARS, tandis que le collectif en dénombre neuf"), though the document is undated or
    the measure a toll: they disagree. A figure that disputes the other ("La CGT conteste
    ce chiffre…", "le ministère en recense pour sa part 224") is for the other's time."""
    by_doc: dict[str, list[Observed]] = defaultdict(list)
    for m in members:
        by_doc[m.quantity.doc].append(m)
    return any(
        (x.observation.as_of == y.observation.as_of or x.disputes or y.disputes)
        and _told_by_two(x.quantity, y.quantity)
        and not _overlap(x, y)
        and not (x.revises or y.revises)
        for told in by_doc.values()
        for i, x in enumerate(told)
        for y in told[i + 1 :]
    )


# --- the fact record --------------------------------------------------------------------


def _time_key(o: Observed) -> tuple[float, bool, float, str, int]:
    """Observations in time order, then in the order they were given (a 2024 deficit told
    in September before the one told in November); those of unknown time first, so that
    the last one listed is the latest known."""
    return (
        _middle(o.observation.as_of),
        not o.former,
        _middle(o.stated),
        o.quantity.doc,
        o.quantity.start,
    )


def _middle(value: str | None) -> float:
    period: Period | None = parse_period(value)
    if period is None:
        return -math.inf
    first, last = day_bounds(period)
    return (first.toordinal() + last.toordinal()) / 2


def _fact(group: _Group) -> Fact:
    members = sorted(group.members, key=_time_key)
    label = fact_label(group.unit, members)
    keys = sorted(group.signature)
    digest = hashlib.sha1(f"{group.unit}|{group.role}|{'|'.join(keys)}".encode()).hexdigest()
    return Fact(
        id="f-" + digest[:10],
        label=label,
        unit=group.unit,
        observations=tuple(m.observation for m in members),
        status=fact_status(members),
    )


def _unique_ids(facts: list[Fact]) -> list[Fact]:
    """Facts that share a key get a suffix from their first observation (stable)."""
    counts = Counter(f.id for f in facts)
    out = []
    for f in facts:
        if counts[f.id] > 1:
            first = f.observations[0]
            suffix = hashlib.sha1(f"{first.doc}:{first.start}".encode()).hexdigest()[:4]
            f = Fact(f"{f.id}-{suffix}", f.label, f.unit, f.observations, f.status)
        out.append(f)
    return out
