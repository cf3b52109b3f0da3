"""Repair of one mention's edges: line breaks, leading words, titles, damaged particles.

A ``Cand`` is a mention being worked on (token offsets into a spaCy ``Doc``). The functions
here look at one candidate and its neighbouring tokens only; rules that need the whole
document live in ``entity_context``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from recoupe.analyze.entity_gazetteer import GazEntry, Gazetteer, fold

# Title as lower-case tokens -> "role" | "honorific"; every beginning of a title -> "".
Titles = dict[tuple[str, ...], str]
_NAME_ARTICLES = frozenset({"le", "la", "les", "l'", "l’"})  # may begin a name: "Le Caire"


@dataclass(slots=True, eq=False)  # compared by identity: two mentions may look alike
class Cand:
    """A mention under repair, in token offsets."""

    start: int
    end: int
    label: str
    source: str = "model"  # "model" | "gaz" | "rule"
    entry: GazEntry | None = None
    role: str | None = None
    person_cue: bool = False  # a title or honorific showed it names a person
    place_cue: bool = False  # "la ville de…", "à…" showed it names a place
    company_cue: bool = False  # "le fabricant…", "l'usine…" showed it names a company
    event_cue: bool = False  # "l'opération…" showed it names an operation
    metonymy: bool = False
    demonym: bool = False
    alias_of: str | None = None

    @property
    def key(self) -> str | None:
        if self.entry is None:
            return None
        if self.demonym or not self.metonymy:
            return self.entry.key
        return self.entry.stands_for or self.entry.key


def split_lines(doc: Doc, cand: Cand) -> list[Cand]:
    """Pieces of a candidate that never cross a line break."""
    pieces: list[Cand] = []
    start = cand.start
    for i in range(cand.start, cand.end):
        if "\n" in doc[i].text or (i < cand.end - 1 and "\n" in doc[i].whitespace_):
            end = i if "\n" in doc[i].text else i + 1
            if end > start:
                pieces.append(replace(cand, start=start, end=end))
            start = i + 1
    if start < cand.end:
        pieces.append(replace(cand, start=start, end=cand.end))
    return pieces


def title_at(doc: Doc, i: int, limit: int, titles: Titles) -> tuple[int, str] | None:
    """The longest title starting at token ``i`` (before ``limit``): (end, kind)."""
    best: tuple[int, str] | None = None
    words: tuple[str, ...] = ()
    for k in range(i, min(limit, i + 6)):
        words = (*words, doc[k].lower_)
        kind = titles.get(words)
        if kind is None:  # no title begins with these words
            break
        if kind:  # "" marks a beginning only ("premier" of "premier ministre")
            best = (k + 1, kind)
    return best


def _is_lower_word(token: Token, gaz: Gazetteer) -> bool:
    return token.is_alpha and token.text[:1].islower() and token.lower_ not in gaz.particles


def _skip_title_tail(doc: Doc, i: int, limit: int, gaz: Gazetteer) -> int:
    """After a title, its complements: "Premier ministre [irakien]", "chef [de la milice]"."""
    stops = gaz.words["prepositions"] | gaz.words["articles"]
    while i < limit and (_is_lower_word(doc[i], gaz) or doc[i].lower_ in stops):
        i += 1
    return i


def _has_capital(doc: Doc, i: int, j: int) -> bool:
    return any(t.text[:1].isupper() for t in doc[i:j])


def clean(doc: Doc, cand: Cand, gaz: Gazetteer, titles: Titles) -> Cand | None:
    """Take leading prepositions, articles, titles and common words off a model mention,
    and trailing punctuation and function words; ``None`` when nothing of a name is left."""
    i, j = cand.start, cand.end
    preps, arts = gaz.words["prepositions"], gaz.words["articles"]
    role: str | None = cand.role
    cue = cand.person_cue
    after_prep = False
    while i < j:
        tok = doc[i]
        low = tok.lower_
        if tok.is_space or (tok.is_punct and tok.text != "-"):
            i += 1
        elif low in preps and tok.text not in gaz.surfaces:
            i, after_prep = i + 1, True
        elif low in arts and (
            tok.is_lower
            or after_prep
            or low not in _NAME_ARTICLES
            or doc[i + 1 : j].text in gaz.surfaces
        ):
            i += 1
        elif (found := title_at(doc, i, j, titles)) is not None:
            end = _skip_title_tail(doc, found[0], j, gaz)
            if end >= j:  # only a title: "Premier ministre"
                return None
            if found[1] == "role":
                role = doc[i:end].text.strip(" ,")
            i, cue = end, True
        elif _is_lower_word(tok, gaz) and _has_capital(doc, i + 1, j):
            i += 1
        else:
            break
    while j > i and (
        doc[j - 1].is_space
        or (doc[j - 1].is_punct and doc[j - 1].text not in ".-")
        or doc[j - 1].lower_ in preps | arts
    ):
        j -= 1
    if i >= j or not _has_capital(doc, i, j):
        return None
    return replace(cand, start=i, end=j, role=role, person_cue=cue)


def extend_particle(doc: Doc, cand: Cand, gaz: Gazetteer) -> Cand:
    """A name cut after a particle ("Abou Karim al" + ". -Rachidi", "Karim Al-" +
    "Mansouri") takes the rest back."""
    last = cand.end - 1
    if doc[last].text in _DASHES and last > cand.start and not doc[last - 1].whitespace_:
        last -= 1  # the cut fell after the particle's glued dash
    if doc[last].lower_ not in gaz.particles:
        return cand
    k = last + 1
    while k < len(doc) and k - last < 4 and doc[k].text in {".", *_DASHES}:
        k += 1
    if k < len(doc) and doc[k].text.lstrip("-‐–")[:1].isupper():
        end = k + 1
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
            end += 2  # "-Rachidi" may go on with "-Something"
        return replace(cand, end=end)
    return cand


def repaired_name(text: str, gaz: Gazetteer) -> str:
    """The name as it should read: "Abou Karim al. -Rachidi" -> "Abou Karim al-Rachidi"."""
    name = " ".join(text.split())
    name = _particle_pattern(gaz.particles).sub(r"\1-", name)
    return _LOOSE_HYPHEN.sub("-", name)


_DASHES = frozenset({"-", "‐", "–"})
_LOOSE_HYPHEN = re.compile(r"(?<=\w) +- *(?=\w)|(?<=\w) *- +(?=\w)")


@lru_cache(maxsize=4)
def _particle_pattern(particles: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(particles, key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w-])({alternatives})\s*\.?\s*[-‐–]\s*(?=\w)")


def gazetteer_entry(text: str, gaz: Gazetteer) -> GazEntry | None:
    """The gazetteer entry for a mention's text, by exact spelling then folded."""
    entry = gaz.surfaces.get(text)
    if entry is not None:
        return entry
    return gaz.folded.get(fold(text))
