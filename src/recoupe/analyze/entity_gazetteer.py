"""The entity gazetteer: known places, organisations, titles and context words, as data.

Pure Python (no spaCy), so that the consolidate stage can read the same facts. Everything
comes from the files in ``recoupe/data/gazetteer/`` and is loaded once per process.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

KINDS = ("name", "capital", "seat", "demonym", "place")


@dataclass(frozen=True, slots=True)
class GazEntry:
    """What a surface form in the gazetteer refers to.

    ``key`` is the canonical name of the thing named (unique in the gazetteer). For a
    capital or a seat of power, ``stands_for`` is the key of the state (or organisation) it
    names when used as a metonym ("Washington a averti"). For a demonym ("les Irakiens"),
    ``key`` is the country's key.
    """

    key: str
    type: str  # LOC | ORG | PER | MISC
    kind: str  # one of KINDS
    stands_for: str | None = None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    surfaces: dict[str, GazEntry]  # exact surface form -> entry
    folded: dict[str, GazEntry]  # fold(surface) -> entry, for names (not demonyms)
    key_types: dict[str, str]  # canonical key -> type
    adjectives: dict[str, str]  # lower-case demonym adjective ("irakienne") -> country key
    titles: dict[tuple[str, ...], str]  # title as lower-case words -> "role" | "honorific"
    particles: frozenset[str]
    words: dict[str, frozenset[str]]  # context word lists from context.json
    folded_words: dict[str, frozenset[str]]  # the same, folded (no case, no accents)
    # surface without its spaces -> entry: the text a token match spans may space its tokens
    # differently from the list ("Al - Jazeera" for "Al-Jazeera")
    squeezed: dict[str, GazEntry] = field(default_factory=dict)
    given_names: frozenset[str] = frozenset()  # "Marine", "Pierre": given_names.txt


def _read(name: str) -> str:
    return resources.files("recoupe").joinpath("data", "gazetteer", name).read_text("utf-8")


def _lines(name: str) -> Iterator[list[str]]:
    text = _read(name)
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield [cell.strip() for cell in line.split("\t")]


def _cell(row: list[str], i: int) -> list[str]:
    return [v.strip() for v in row[i].split("|") if v.strip()] if len(row) > i else []


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def fold(text: str) -> str:
    """Lower case, no accents, hyphens, dots and apostrophes as spaces, single spaces."""
    bare = strip_accents(text.casefold())
    for mark in "-'’.":
        bare = bare.replace(mark, " ")
    return " ".join(bare.split())


def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in text


def spellings(surface: str) -> set[str]:
    """The ways the press writes a name: accents dropped on capitals or everywhere,
    hyphens for spaces and back, both apostrophes, a capital at the start of a sentence."""
    forms = {surface}
    if is_acronym(surface):
        if len(surface) >= 4 and surface.isalpha():
            forms.add(surface.capitalize())  # Le Monde style: "Otan", "Unesco"
        return forms
    forms.add(strip_accents(surface[:1]) + surface[1:])
    forms.add(strip_accents(surface))
    for form in list(forms):
        if " " in form and form.count(" ") <= 3:
            forms.add(form.replace(" ", "-"))
        if "-" in form:
            forms.add(form.replace("-", " "))
    for form in list(forms):
        forms.add(form.replace("'", "’"))
        if form[:1].islower():
            forms.add(form[:1].upper() + form[1:])
    return forms


def demonym_forms(base: str) -> list[str]:
    """Masculine/feminine, singular/plural of a demonym given as "Irakien" or "Turc/Turque"."""
    if "/" in base:
        masc, fem = base.split("/", 1)
    elif base.endswith(("ien", "éen")):
        masc, fem = base, base + "ne"
    elif base.endswith("e"):
        masc, fem = base, base
    else:
        masc, fem = base, base + "e"
    forms = [masc, fem]
    forms += [f if f.endswith(("s", "x")) else f + "s" for f in (masc, fem)]
    return list(dict.fromkeys(forms))


class _Builder:
    def __init__(self) -> None:
        self.surfaces: dict[str, GazEntry] = {}
        self.key_types: dict[str, str] = {}
        self.adjectives: dict[str, str] = {}

    def add(self, surface: str, entry: GazEntry) -> None:
        self.key_types.setdefault(entry.key, entry.type)
        for form in spellings(surface):
            self.surfaces.setdefault(form, entry)  # the first definition wins

    def country(self, row: list[str]) -> None:
        name = row[0]
        entry = GazEntry(name, "LOC", "name")
        for surface in [name, *_cell(row, 1)]:
            self.add(surface, entry)
        for base in _cell(row, 2):
            for form in demonym_forms(base):
                self.add(form, GazEntry(name, "MISC", "demonym"))
                self.adjectives[form.lower()] = name
        capitals = _cell(row, 3)
        if capitals:
            city = GazEntry(capitals[0], "LOC", "capital", stands_for=name)
            for surface in capitals:
                self.add(surface, city)

    def seat(self, row: list[str]) -> None:
        entry = GazEntry(row[0], "LOC", "seat", stands_for=row[-1])
        for surface in [row[0], *_cell(row, 1)]:
            self.surfaces.pop(surface, None)  # a seat overrides a capital's metonymy
            self.add(surface, entry)

    def named(self, row: list[str], kind: str) -> None:
        entry = GazEntry(row[1], row[0], kind)
        for surface in [row[1], *_cell(row, 2)]:
            self.add(surface, entry)


def _titles() -> dict[tuple[str, ...], str]:
    return {tuple(row[0].split()): row[1] for row in _lines("titles.tsv")}


def _words() -> dict[str, frozenset[str]]:
    data: dict[str, list[str]] = json.loads(_read("context.json"))
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


@cache
def load_gazetteer() -> Gazetteer:
    b = _Builder()
    for row in _lines("organisations.tsv"):
        b.named(row, "name")
    for row in _lines("countries.tsv"):
        b.country(row)
    for row in _lines("seats.tsv"):
        b.seat(row)
    for row in _lines("places.tsv"):
        b.named(row, "place")
    folded = {fold(s): e for s, e in b.surfaces.items() if e.kind != "demonym"}
    particles = frozenset(row[0] for row in _lines("particles.txt"))
    given_names = frozenset(row[0] for row in _lines("given_names.txt"))
    words = _words()
    folded_words = {k: frozenset(fold(w) for w in v) for k, v in words.items()}
    squeezed: dict[str, GazEntry] = {}
    for surface, entry in b.surfaces.items():
        squeezed.setdefault(squeeze(surface), entry)
    return Gazetteer(
        b.surfaces,
        folded,
        b.key_types,
        b.adjectives,
        _titles(),
        particles,
        words,
        folded_words,
        squeezed,
        given_names,
    )


def squeeze(text: str) -> str:
    """``text`` without any whitespace."""
    return "".join(text.split())
