"""People known by a given name the model did not take as one.

The French model reads "Marine" in "Marine Le Pen, réélue…" as the noun (the navy) and
finds no person, or finds "Le Pen" alone. A capitalised given name from
``data/gazetteer/given_names.txt`` right before a person's mention joins it; before a
capitalised word (with its particle: "Le Pen", "de Villepin") that no mention covers, it
starts a new person. "la Marine nationale" is no person: the word after is lower-case.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from recoupe.analyze.entity_gazetteer import Gazetteer
from recoupe.analyze.entity_repair import Cand

_MAX_SURNAME = 3  # tokens of a surname: "Le Pen", "de La Fontaine"


def with_given_names(doc: Doc, cands: list[Cand], gaz: Gazetteer) -> list[Cand]:
    """Persons' mentions extended to a given name before them, and persons found by one."""
    covered = {i for c in cands for i in range(c.start, c.end)}
    names = gaz.given_names
    for cand in cands:
        k = cand.start - 1
        if cand.label == "PER" and k >= 0 and k not in covered and _given(doc[k], names):
            cand.start = k
            covered.add(k)
    found: list[Cand] = []
    i = 0
    while i < len(doc) - 1:
        end = _surname_end(doc, i + 1, gaz) if _given(doc[i], names) else None
        start = _compound_start(doc, i)  # "Bernard-Henri Lévy" cut as "Bernard", "-", "Henri"
        if end is not None and not any(j in covered for j in range(start, end)):
            found.append(Cand(start, end, "PER", "rule", person_cue=True))
            i = end
            continue
        i += 1
    return sorted([*cands, *found], key=lambda c: c.start) if found else cands


def _given(tok: Token, names: frozenset[str]) -> bool:
    """A given name, or a compound one of which a part is ("Pierre-Henri", "Marie-Ange")."""
    if "\n" in tok.text or "\n" in tok.whitespace_:
        return False
    if tok.text in names:
        return True
    parts = tok.text.split("-")
    return len(parts) == 2 and all(p[:1].isupper() for p in parts) and parts[0] in names


def _surname_end(doc: Doc, i: int, gaz: Gazetteer) -> int | None:
    """The end of a capitalised surname starting at token ``i``, particles included."""
    j = i
    while j < len(doc) and j - i < _MAX_SURNAME:
        tok = doc[j]
        if "\n" in tok.text or not tok.text[:1].isalpha():
            break
        if tok.lower_ in gaz.particles and j + 1 < len(doc) and _capital(doc[j + 1]):
            j += 1
            continue
        if not _capital(tok):
            break
        j += 1
        if _glued_hyphen(doc, j):  # "Al-Senoussi" cut as "Al", "-", "Senoussi"
            j += 1
            continue
        if not tok.whitespace_ or "\n" in tok.whitespace_:
            break
    if j == i or not _capital(doc[j - 1]):
        return None
    return j


def _glued_hyphen(doc: Doc, j: int) -> bool:
    """Token ``j`` is a hyphen glued to a capitalised word on each side."""
    return (
        0 < j < len(doc) - 1
        and doc[j].text == "-"
        and not doc[j - 1].whitespace_
        and not doc[j].whitespace_
        and _capital(doc[j + 1])
    )


def _compound_start(doc: Doc, i: int) -> int:
    start = i
    while start >= 2 and _glued_hyphen(doc, start - 1) and _capital(doc[start - 2]):
        start -= 2
    return start


def _capital(tok: Token) -> bool:
    text = tok.text
    return text[:1].isupper() and not text.isupper() and (text.isalpha() or "-" in text)
