"""What a figure counts, with synonyms folded together (soldats, militaires, troupes)."""

from __future__ import annotations

from functools import cache

from recoupe.consolidate.lexicon import data_json
from recoupe.consolidate.similarity import fold


@cache
def _synonyms() -> dict[str, str]:
    table: dict[str, list[str]] = data_json("units.json")["synonyms"]
    return {fold(word): unit for unit, forms in table.items() for word in forms}


def canonical_unit(unit: str) -> str:
    """The unit a lemma stands for: "militaire" and "troupe" give "soldat"."""
    key = fold(unit).strip()
    found = _synonyms().get(key)
    if found is None and key.endswith("s"):
        found = _synonyms().get(key[:-1])
    return found or key


def unit_plural(unit: str) -> str:
    """A readable plural for a unit lemma ("évacué" -> "évacués"), for fact labels."""
    plurals: dict[str, str] = data_json("units.json")["plurals"]
    if fold(unit) in plurals:
        return plurals[fold(unit)]
    return unit if unit.endswith(("s", "x", "%")) or not unit.isalpha() else unit + "s"


def fact_kinds() -> frozenset[str]:
    return frozenset(data_json("units.json")["kinds"])


@cache
def not_measures() -> frozenset[str]:
    """Counted nouns that never make a fact: "les deux pays", "les deux parties"."""
    return frozenset(data_json("units.json")["not_measures"])


@cache
def generic_units() -> frozenset[str]:
    """Counted nouns too general to tell one measure from another alone ("deux hommes",
    "38 personnes", "3 %"): their figures must also share what their sentences speak of."""
    return frozenset(data_json("units.json")["generic"])
