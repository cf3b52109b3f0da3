"""The word lists of the tagger, read once from ``recoupe/data/timex/*.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    month_abbreviations: dict[str, int]
    weekdays: dict[str, int]
    weekday_blockers: frozenset[str]
    seasons: dict[str, str]
    season_first_month: dict[str, int]
    year_parts: dict[str, tuple[str, int]]  # "trimestre" -> ("Q", 4 per year)
    parts_of_day: dict[str, str]
    part_nouns: dict[str, str]
    nocturnal_adjectives: dict[str, str]
    fixed_holidays: dict[str, tuple[int, int]]
    easter_holidays: dict[str, int]
    boundaries: dict[str, str | None]
    ordinals: dict[str, int]
    roman_centuries: dict[str, int]
    decade_words: dict[str, int]
    number_units: dict[str, int]
    approximate_numbers: dict[str, int]
    vague_quantities: tuple[str, ...]
    units: dict[str, tuple[str, bool]]
    unit_terms: dict[str, str]
    set_nouns: dict[str, str]
    frequency_adjectives: dict[str, str]
    quantity_modifiers: dict[str, str]
    point_modifiers: dict[str, str]
    references: dict[str, str]
    deictic_days: dict[str, int]
    anchored_days: dict[str, int]
    relative_units: dict[str, str]
    past_adjectives: frozenset[str]
    future_adjectives: frozenset[str]
    anchor_adjectives: frozenset[str]
    offset_past: frozenset[str]
    offset_future: frozenset[str]
    tense: dict[str, frozenset[str]]
    age_cues: tuple[str, ...]
    duration_heads: frozenset[str]
    year_blockers_before: frozenset[str]
    name_heads: frozenset[str]
    year_followers: frozenset[str]
    year_cues_before: frozenset[str]
    time_cues_before: tuple[str, ...]
    duration_cues_before: tuple[str, ...]
    anchor_daypart_heads: tuple[str, ...]
    generic_markers: frozenset[str]
    determiners: frozenset[str]


def _load(name: str) -> dict[str, Any]:
    path = resources.files("recoupe").joinpath("data", "timex", name)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def lexicon() -> Lexicon:
    cal, num, units, cues = (
        _load(n) for n in ("calendar.json", "numbers.json", "units.json", "cues.json")
    )
    return Lexicon(
        months=cal["months"],
        month_abbreviations=cal["month_abbreviations"],
        weekdays=cal["weekdays"],
        weekday_blockers=frozenset(cal["weekday_blockers"]),
        seasons=cal["seasons"],
        season_first_month=cal["season_first_month"],
        year_parts={k: (v[0], int(v[1])) for k, v in cal["year_parts"].items()},
        parts_of_day=cal["parts_of_day"],
        part_nouns=cal["part_nouns"],
        nocturnal_adjectives=cal["nocturnal_adjectives"],
        fixed_holidays={k: (v[0], v[1]) for k, v in cal["fixed_holidays"].items()},
        easter_holidays=cal["easter_holidays"],
        boundaries=cal["boundaries"],
        ordinals=cal["ordinals"],
        roman_centuries=cal["roman_centuries"],
        decade_words=cal["decade_words"],
        number_units=num["units"],
        approximate_numbers=num["approximate"],
        vague_quantities=tuple(num["vague"]),
        units={k: (v[0], bool(v[1])) for k, v in units["units"].items()},
        unit_terms=units["terms"],
        set_nouns=units["set_nouns"],
        frequency_adjectives=units["frequency_adjectives"],
        quantity_modifiers=cues["quantity_modifiers"],
        point_modifiers=cues["point_modifiers"],
        references=cues["references"],
        deictic_days=cues["deictic_days"],
        anchored_days=cues["anchored_days"],
        relative_units=cues["relative_units"],
        past_adjectives=frozenset(cues["past_adjectives"]),
        future_adjectives=frozenset(cues["future_adjectives"]),
        anchor_adjectives=frozenset(cues["anchor_adjectives"]),
        offset_past=frozenset(cues["offset_past"]),
        offset_future=frozenset(cues["offset_future"]),
        tense={k: frozenset(v) for k, v in cues["tense"].items()},
        age_cues=tuple(cues["age_cues"]),
        duration_heads=frozenset(cues["duration_heads"]),
        year_blockers_before=frozenset(cues["year_blockers_before"]),
        name_heads=frozenset(cues["name_heads"]),
        year_followers=frozenset(cues["year_followers"]),
        year_cues_before=frozenset(cues["year_cues_before"]),
        time_cues_before=tuple(cues["time_cues_before"]),
        duration_cues_before=tuple(cues["duration_cues_before"]),
        anchor_daypart_heads=tuple(cues["anchor_daypart_heads"]),
        generic_markers=frozenset(cues["generic_markers"]),
        determiners=frozenset(cues["determiners"]),
    )
