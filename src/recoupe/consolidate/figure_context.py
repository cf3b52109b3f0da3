"""A figure read in its context: its unit, role, qualifiers and the time it holds for."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import takewhile

from recoupe.consolidate.clauses import (
    SentenceFinder,
    clause_around,
    clean_sentences,
    preceded_by,
)
from recoupe.consolidate.entities import EntityIndex
from recoupe.consolidate.lexicon import data_json
from recoupe.consolidate.periods import parse_period
from recoupe.consolidate.similarity import content_terms, fold, words
from recoupe.consolidate.units import canonical_unit, fact_kinds, not_measures, unit_plural
from recoupe.records import (
    DocAnalysis,
    Document,
    Entity,
    LinkedQuantity,
    Observation,
    Quantity,
    Span,
    Timex,
)

AS_OF_DISTANCE = 80  # characters between a figure and the date that dates it
FRONTED_WORDS = 2  # a date this close to its sentence's start dates the whole sentence
MONEY_CONTEXT_WORDS = 3  # content words before an amount that say what it pays for
_LOCATIVES = ("en", "au", "aux", "a", "dans")
_NAMES_EVENT = re.compile(r"(?:\bdu|\bde|\bd['’])\s*$", re.IGNORECASE)  # "le séisme du 8 mars"
_DATED = ("DATE", "TIME")  # "jeudi soir" (2025-03-13TEV) dates a figure too

# "à elle seule", "à eux seuls": the figure counts a part, not the whole
_ALONE = re.compile(r"\bà\s+(?:elle|lui|eux|elles)\s+seul(?:e|s|es)?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Observed:
    quantity: Quantity
    observation: Observation
    unit: str
    kind: str
    role: str | None
    signature: dict[str, str]  # entity id or "mod:word" -> kind of qualifier (LOC, ORG, MOD)
    places: tuple[str, ...]  # "au Niger": where the figure holds, with its preposition
    groups: tuple[str, ...]  # names of the organisations qualifying it
    modifiers: tuple[str, ...]
    noun: str | None  # the counted noun as written ("sapeurs-pompiers"), for labels
    context: frozenset[str]  # for money: the words naming what is paid ("fonds", "dégâts")
    terms: tuple[str, ...] = ()  # content words of the figure's sentence, figures and unit aside
    of_what: str | None = None  # "de la population active": what a share or sum is of
    revises: bool = False  # its sentence says it replaces an earlier figure ("bilan revu")
    stated: str | None = None  # its document's date: when the figure was given
    former: bool = False  # told as the value replaced ("4,4 % prévu initialement")
    period: str | None = None  # an indicator's year ("2024" for the 2024 deficit)
    guessed: bool = False  # its document's date was inferred from clues (no date on the page)
    disputes: bool = False  # its sentence disputes the figure told before ("conteste ce chiffre")


_COMPLEMENT = re.compile(
    r"\s*(de la|de l['’]|du|des|de|d['’])\s*([^\W\d][^,.;:!?()\[\]«»\"\n•]{1,60})"
)
_TRAILING = frozenset({"de", "du", "des", "d", "la", "le", "les", "l"})
COMPLEMENT_WORDS = 4  # at most this many words after "de" in a label


def complement(text: str, end: int) -> str | None:
    """ "14 % [de sa production totale]", "45 000 euros [d'amende]": the words after a share
    or a sum that say what it is of, up to a stop word or ``COMPLEMENT_WORDS`` words."""
    m = _COMPLEMENT.match(text, end)
    if m is None:
        return None
    kept: list[str] = []
    for word in m.group(2).split():
        if fold(word) in _complement_stops() or len(kept) == COMPLEMENT_WORDS:
            break
        if kept and _looks_like_a_verb(word):  # "de la population rurale | vivent"
            break
        kept.append(word)
    while kept and fold(kept[-1]).strip("'’") in _TRAILING:  # "des parts de" -> "des parts"
        kept.pop()
    if not kept:
        return None
    head = m.group(1).replace("’", "'")
    glue = "" if head.endswith("'") else " "  # "d'amende", "de la population"
    return head + glue + " ".join(kept)


def _looks_like_a_verb(word: str) -> bool:
    """A third-person plural ("jouent", "représentent"), not a noun in -ment ("gouvernement")
    nor one of the few common nouns in -ent ("président")."""
    folded = fold(word)
    return folded.endswith("ent") and not folded.endswith("ment") and folded not in _nouns_in_ent()


@cache
def _nouns_in_ent() -> frozenset[str]:
    return frozenset(data_json("clauses.json")["nouns_in_ent"])


@cache
def _complement_stops() -> frozenset[str]:
    return frozenset(data_json("clauses.json")["complement_stops"])


def written_noun(q: Quantity) -> str | None:
    """The counted noun as the figure writes it ("sapeurs-pompiers" for "sapeur-pompier")."""
    stem = fold(q.unit)[:4]
    for token in q.text.split():
        word = re.split(r"[^\w'’-]", token.strip(".,;:!?()«»\"'’"))[0]
        if stem and fold(word).startswith(stem) and not word[:1].isdigit():
            return word if word.isupper() else word.lower()
    return None


@cache
def cumulative() -> frozenset[str]:
    """Roles and units whose counts only grow in one story (tolls, arrests)."""
    return frozenset(data_json("roles.json")["cumulative"])


@cache
def _indicator_table() -> tuple[dict[tuple[str, ...], str], frozenset[str], int, int]:
    """Indicator word forms (as folded word tuples) -> indicator, barrier words, window, and
    the number of words of the longest form."""
    table = data_json("indicators.json")
    forms = {
        tuple(words(form)): key
        for key, entry in table["indicators"].items()
        for form in entry["forms"]
    }
    longest = max(map(len, forms))
    return forms, frozenset(table["barriers"]), int(table["window_words"]), longest


@cache
def indicator_labels() -> dict[str, str]:
    """Each indicator's label ("déficit", "taux directeur")."""
    table: dict[str, dict[str, str]] = data_json("indicators.json")["indicators"]
    return {key: entry["label"] for key, entry in table.items()}


def find_indicator(before: str, after: str | None = None) -> str | None:
    """What a rate or an amount measures: the indicator named last in the words before it
    ("le déficit public devrait atteindre [6,1 %]"), not beyond a word opening another
    clause ("tandis que"), else in its complement ("[1,1 %] de croissance")."""
    forms, barriers, window, longest = _indicator_table()
    said = words(before)[-window:]
    cut = max((i for i, w in enumerate(said) if w in barriers), default=-1)
    said = said[cut + 1 :]
    # the last form ending before the figure, else the first one in its complement
    for end in range(len(said), 0, -1):
        if (key := _form_ending(said[:end], forms, longest)) is not None:
            return key
    tail = words(after or "")[::-1]
    for start in range(len(tail), 0, -1):
        if (key := _form_ending(tail[:start], forms, longest, reverse=True)) is not None:
            return key
    return None


def _form_ending(
    tokens: list[str], forms: dict[tuple[str, ...], str], longest: int, reverse: bool = False
) -> str | None:
    """The indicator of the longest form (at most ``longest`` words) ending ``tokens`` (read
    backwards if ``reverse``)."""
    for size in range(min(len(tokens), longest), 0, -1):
        found = tuple(tokens[-size:])
        if (key := forms.get(found[::-1] if reverse else found)) is not None:
            return key
    return None


PHASE = "phase:"  # signature key of the round of a vote, or the vote, a figure is of
PHASE_KIND = "PHASE:"  # its kind, with the dimension: "PHASE:round", "PHASE:vote"


def _phase(
    text: str,
    q: Quantity,
    clause: tuple[int, int, int],
    sentence: Span | None,
    phases: dict[str, list[str]],
) -> str | None:
    """The round of a vote (or the vote) named in the figure's clause, else the one nearest
    it in its sentence: "33,15 % des voix au premier tour" -> "premier tour"."""
    start, end, _ = clause
    spans = [(start, end)]
    if sentence is not None:
        spans.append((sentence.start, sentence.end))
    for lo, hi in spans:
        said = f" {' '.join(words(text[lo:hi]))} "
        found = [
            (abs(said.find(f" {form} ") - len(" ".join(words(text[lo : q.start])))), key)
            for key, forms in phases.items()
            for form in forms
            if f" {form} " in said
        ]
        if found:
            return min(found)[1]
    return None


def _threshold(text: str, q: Quantity, after: list[str]) -> bool:
    """ "la majorité absolue de 289 sièges", "les 289 nécessaires": a bar to reach."""
    table: dict[str, list[str]] = data_json("roles.json")["threshold"]
    before = f" {' '.join(words(text[max(0, q.start - 40) : q.start]))}"
    if any(before.endswith(f" {marker}") for marker in table["before"]):
        return True
    next_words = after[1:3] if after and after[0] == fold(q.unit or "") else after[:2]
    return any(w in table["after"] for w in next_words)


@cache
def _roles() -> dict[str, str]:
    table: dict[str, list[str]] = data_json("roles.json")["roles"]
    return {word: role for role, forms in table.items() for word in forms}


class FigureContext:
    """Per-document sentences, timexes and dates, and the entities, for reading figures."""

    def __init__(
        self,
        documents: Sequence[Document],
        analyses: Sequence[DocAnalysis],
        entities: Sequence[Entity],
        index: EntityIndex,
    ) -> None:
        self.documents = {d.id: d for d in documents}
        self.finders = {
            a.doc: SentenceFinder(clean_sentences(self.documents[a.doc].text, a.sentences))
            for a in analyses
            if a.doc in self.documents
        }
        self.timexes = {a.doc: a.timexes for a in analyses}
        self.entities = {e.id: e for e in entities}
        self.index = index
        self.kinds = fact_kinds()
        self.since = tuple(data_json("dates.json")["since_markers"])
        self.revision = tuple(data_json("dates.json")["revision_markers"])
        self.dispute = tuple(data_json("dates.json")["dispute_markers"])
        self.former_markers: dict[str, list[str]] = data_json("dates.json")["former_markers"]

    def observe(self, lq: LinkedQuantity) -> Observed | None:
        """The figure as an observation, or None when it is not a comparable figure."""
        q = lq.quantity
        document = self.documents.get(q.doc)
        if q.kind not in self.kinds or q.qualifier == "vague" or q.value <= 0 or not document:
            return None
        unit = canonical_unit(q.unit)
        if not unit or unit in not_measures():
            return None
        finder = self.finders.get(q.doc)
        sentence = finder.at(q.start) if finder else None
        clause = self._clause(q, sentence)
        of_what = complement(document.text, q.end) if q.kind in ("percent", "money") else None
        role = self._role(q, clause, document.text)
        noun = written_noun(q)
        table = data_json("roles.json")
        if role in table["as_unit"] and unit in table["people"]:
            # "3 personnes sont mortes" counts 3 morts
            unit, role, noun = table["as_unit"][role], None, unit_plural(table["as_unit"][role])
        if role is None and q.kind in ("percent", "money"):
            start = sentence.start if sentence else max(0, q.start - 120)
            role = find_indicator(document.text[start : q.start], of_what)
        indicator = role in indicator_labels()
        as_of = self._as_of(q, clause, document, toll=bool({role, unit} & cumulative()))
        period = parse_period(as_of)
        year = str(period.lo // 12) if period else None
        if indicator and period and period.precision not in ("day", "month"):
            as_of = document.date.value  # "6,1 % en 2024" is the 2024 deficit, told that day
        observation = Observation(
            q.doc,
            q.start,
            q.end,
            q.value,
            q.qualifier,
            as_of,
            q.attributed_to.text if q.attributed_to else None,
            lq.attributed_to,
        )
        signature, places, groups = self._qualifiers(lq, document.text)
        for dimension, forms in data_json("indicators.json")["phases"].items():
            phase = _phase(document.text, q, clause, sentence, forms)
            if phase is not None:  # "au premier tour" / "au second tour": two measures
                signature[f"{PHASE}{phase}"] = f"{PHASE_KIND}{dimension}"
        modifiers = tuple(fold(m) for m in q.modifiers if m.strip())
        signature.update({f"mod:{m}": "MOD" for m in modifiers})
        if _ALONE.search(document.text, max(0, q.start - 40), q.start):
            # "la commune compte à elle seule 520 cas": a part of the story's count
            signature["part"] = "PART"
        context = (
            self._money_context(q, sentence, document.text) if q.kind == "money" else frozenset()
        )
        terms = self._sentence_terms(q, sentence, document.text, unit)
        return Observed(
            q,
            observation,
            unit,
            q.kind,
            role,
            signature,
            places,
            groups,
            q.modifiers,
            noun,
            context,
            terms,
            of_what,
            self._revises(sentence),
            document.date.value,
            self._former(q, document.text),
            year if indicator else None,
            document.date.provenance == "inferred" and document.date.precision != "day",
            self._said_in(sentence, self.dispute),
        )

    def _former(self, q: Quantity, text: str) -> bool:
        """Whether the figure is told as the value another replaces: "et non plus 6,1 %",
        "4,4 % prévu initialement", "18 interpellations, contre 14 annoncées"."""
        before = " ".join(words(text[max(0, q.start - 30) : q.start])[-3:])
        after = " ".join(words(text[q.end : q.end + 40])[:3])
        return any(before.endswith(m) for m in self.former_markers["before"]) or any(
            f"{after} ".startswith(f"{m} ") for m in self.former_markers["after"]
        )

    def _revises(self, sentence: Span | None) -> bool:
        """Whether the figure's sentence says it replaces an earlier one: "un bilan revu à
        la hausse", "18 blessés, contre 14 initialement"."""
        return self._said_in(sentence, self.revision)

    @staticmethod
    def _said_in(sentence: Span | None, markers: tuple[str, ...]) -> bool:
        if sentence is None:
            return False
        said = f" {' '.join(words(sentence.text))} "
        return any(f" {marker} " in said for marker in markers)

    def _sentence_terms(
        self, q: Quantity, sentence: Span | None, text: str, unit: str
    ) -> tuple[str, ...]:
        """What the figure's sentence is about: its content words without numbers, dates
        and the counted noun (shared by every figure of the unit, it says nothing)."""
        start, end = (sentence.start, sentence.end) if sentence else (q.start - 80, q.end + 80)
        start = max(0, start)
        unit_stem = content_terms(unit)[:1]
        chars = list(text[start:end])
        for t in self.timexes.get(q.doc, ()):  # "mardi", "le 8 septembre" say when, not what
            if start <= t.start and t.end <= end:
                chars[t.start - start : t.end - start] = " " * (t.end - t.start)
        return tuple(
            t for t in content_terms("".join(chars)) if not t.isdigit() and t not in unit_stem
        )

    def _money_context(self, q: Quantity, sentence: Span | None, text: str) -> frozenset[str]:
        """Content words just before an amount: what the money is ("fonds d'urgence de")."""
        start = sentence.start if sentence else max(0, q.start - 60)
        return frozenset(content_terms(text[start : q.start])[-MONEY_CONTEXT_WORDS:])

    def _clause(self, q: Quantity, sentence: Span | None) -> tuple[int, int, int]:
        """The figure's clause, and where its sentence starts."""
        if sentence is None:
            return q.start, q.end, q.start
        return (*clause_around(sentence, q.start, q.end), sentence.start)

    def _role(self, q: Quantity, clause: tuple[int, int, int], text: str) -> str | None:
        limit = int(data_json("roles.json")["window_words"])
        after = words(text[q.end : max(clause[1], q.end)])[:limit]
        if _threshold(text, q, after):
            return "seuil"
        # "820 morts et 672 blessés": the words of the next figure are not this one's role
        after = list(takewhile(lambda w: not w.isdigit(), after))
        roles = _roles()
        return next((roles[w] for w in after if w in roles), None)

    def _as_of(
        self, q: Quantity, clause: tuple[int, int, int], document: Document, toll: bool = False
    ) -> str | None:
        """The date attached to the figure (in its clause, opening its sentence: "En 2019,
        ...", or opening its clause: "..., mais deux jours après, 12 soldats"), else its
        document's date. A toll is counted after its event: "le séisme du 8 septembre a
        fait 2 900 morts" is not a count of 8 September."""
        best: tuple[tuple[int, int], Timex] | None = None
        start, end, sentence_start = clause
        for t in self.timexes.get(q.doc, ()):
            distance = max(t.start - q.end, q.start - t.end, 0)
            if t.type not in _DATED or distance > AS_OF_DISTANCE:
                continue
            inside = t.end > start and t.start < end
            fronted = not inside and (
                (
                    sentence_start <= t.start
                    and len(document.text[sentence_start : t.start].split()) <= FRONTED_WORDS
                )
                or (sentence_start <= t.end <= start and not words(document.text[t.end : start]))
            )
            if not (inside or fronted) or preceded_by(document.text, t.start, self.since):
                continue
            if toll and _NAMES_EVENT.search(document.text[max(0, t.start - 4) : t.start]):
                continue
            rank = (0 if inside else 1, distance)
            if best is None or rank < best[0]:
                best = (rank, t)
        period = parse_period(best[1].value) if best is not None else None
        return period.value if period is not None else document.date.value

    def _qualifiers(
        self, lq: LinkedQuantity, text: str
    ) -> tuple[dict[str, str], tuple[str, ...], tuple[str, ...]]:
        signature: dict[str, str] = {}
        places: list[str] = []
        groups: list[str] = []
        for span in lq.quantity.qualifiers:
            eid = self.index.entity_at(span.doc, span.start, span.end)
            entity = self.entities.get(eid) if eid else None
            if entity is None:
                continue
            signature[entity.id] = entity.type
            before = words(text[max(0, span.start - 6) : span.start])[-1:]
            if entity.type == "LOC" and before and before[0] in _LOCATIVES:
                prep = text[span.start - 6 : span.start].split()[-1]
                places.append(f"{prep} {entity.name}")
            elif entity.type in ("ORG", "MISC"):
                groups.append(entity.name)
        for eid in lq.entities:
            if eid in self.entities:
                signature.setdefault(eid, self.entities[eid].type)
        return signature, tuple(places), tuple(groups)
