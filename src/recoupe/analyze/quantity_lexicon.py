"""Word lists for figures, read once from ``recoupe/data/quantities`` (and quotes' cues)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


def _lines(folder: str, name: str) -> list[str]:
    text = resources.files("recoupe").joinpath("data", folder, name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@cache
def words(folder: str, name: str) -> frozenset[str]:
    """One lower-case entry per line of a data file (comments and blanks skipped)."""
    return frozenset(normalise(line.split("\t")[0]) for line in _lines(folder, name))


@cache
def holder_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """Verbs whose subject has the counted thing ("déployer", owner_verbs.txt) and those
    whose subject wins it ("obtenir", score_verbs.txt): (both, winning only)."""
    scores = words("quantities", "score_verbs.txt")
    return words("quantities", "owner_verbs.txt") | scores, scores


@cache
def table(folder: str, name: str) -> dict[str, tuple[str, ...]]:
    """A tab-separated data file as ``first column (lower case) -> other columns``."""
    out: dict[str, tuple[str, ...]] = {}
    for line in _lines(folder, name):
        key, *rest = line.split("\t")
        out[normalise(key)] = tuple(rest)
    return out


def normalise(text: str) -> str:
    """Lower case with one apostrophe and plain spaces, for matching against the lists."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text.replace("’", "'").lower()).strip()


@dataclass(frozen=True, slots=True)
class Unit:
    name: str
    kind: str  # percent | money | measure


@cache
def units() -> dict[str, Unit]:
    return {k: Unit(v[0], v[1]) for k, v in table("quantities", "units.tsv").items()}


@cache
def scales() -> dict[str, float]:
    return {k: float(v[0]) for k, v in table("quantities", "scales.tsv").items()}


@cache
def approx_nouns() -> dict[str, float]:
    return {k: float(v[0]) for k, v in table("quantities", "approx_nouns.tsv").items()}


@cache
def qualifier_phrases() -> dict[str, str]:
    return {k: v[0] for k, v in table("quantities", "qualifiers.tsv").items()}


@cache
def trailing_qualifiers() -> dict[str, str]:
    return {k: v[0] for k, v in table("quantities", "trailing_qualifiers.tsv").items()}


def number_words() -> frozenset[str]:
    return words("quantities", "number_words.txt")


def ambiguous_number_words() -> frozenset[str]:
    return words("quantities", "ambiguous_number_words.txt")


def time_units() -> frozenset[str]:
    return words("quantities", "time_units.txt")


def months() -> frozenset[str]:
    return words("quantities", "months.txt")


def age_cues() -> frozenset[str]:
    return words("quantities", "age_cues.txt")


def identifier_nouns() -> frozenset[str]:
    return words("quantities", "identifier_nouns.txt")


def fraction_nouns() -> frozenset[str]:
    return words("quantities", "fraction_nouns.txt")


def alternation(entries: frozenset[str] | list[str]) -> str:
    """A regex alternation of literal entries, longest first."""
    return "|".join(re.escape(e) for e in sorted(entries, key=len, reverse=True))
