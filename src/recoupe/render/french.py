"""Dates, numbers and labels as a French reader expects them ("5 mars 2024", "2 500").

The words come from ``data/render/labels_fr.json``; values are TIMEX3-style strings.
"""

from __future__ import annotations

import functools
import json
import re
from datetime import date
from importlib.resources import files
from typing import Any

NBSP = "\u202f"  # narrow no-break space: the French thousands separator

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_PART = re.compile(r"^(\d{4})-(W\d{2}|SP|SU|FA|WI|Q[1-4]|H[12])$")
_DECADE = re.compile(r"^(\d{3})X?$")
_DURATION = re.compile(r"^PT?(\d+(?:\.\d+)?)(Y|M|W|D|H|S|DE|CE)$")


@functools.cache
def labels() -> dict[str, Any]:
    text = files("recoupe").joinpath("data", "render", "labels_fr.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def label(group: str, key: str | None) -> str:
    """The French word for ``key`` in ``group`` (the key itself when unknown)."""
    if key is None:
        return ""
    return str(labels()[group].get(key, key))


def _day_month_year(year: str, month: str | None, day: str | None) -> str:
    months: list[str] = labels()["months"]
    if month is None or not 1 <= int(month) <= 12:
        return year
    text = f"{months[int(month) - 1]} {year}"
    if day is None:
        return text
    number = int(day)
    return f"{'1er' if number == 1 else number} {text}"


def _part_of_year(year: str, part: str) -> str:
    if part.startswith("W"):
        return f"semaine {int(part[1:])} de {year}"
    words = labels()["seasons"] | labels()["quarters"]
    return f"{words.get(part, part)} {year}"


def _duration(amount: str, unit: str) -> str:
    word = str(labels()["duration_units"].get(unit, unit))
    number = float(amount)
    plural = number >= 2 and not word.endswith(("s", "x"))
    shown = format_number(number)
    return f"{shown} {word}{'s' if plural else ''}"


def format_date(value: str | None) -> str:
    """``2024-03-05`` -> ``5 mars 2024``; ``2014-SU`` -> ``été 2014``; unknown forms as given."""
    if not value:
        return "date inconnue"
    if match := _DATE.match(value):
        return _day_month_year(*match.groups())
    if match := _PART.match(value):
        return _part_of_year(*match.groups())
    if match := _DURATION.match(value):
        return _duration(*match.groups())
    if match := _DECADE.match(value):
        return f"années {match.group(1)}0"
    return str(labels()["references"].get(value, value))


def as_of(value: str | None) -> str:
    """``au 5 mars 2024`` for a day, ``en mars 2024`` otherwise (empty when unknown)."""
    if not value:
        return ""
    match = _DATE.match(value)
    if match and match.group(3):
        return f"au {format_date(value)}"
    return f"en {format_date(value)}"


def year_of(value: str | None) -> str | None:
    """The year a date falls in, for grouping (``None`` for durations and references)."""
    if value and len(value) >= 4 and value[:4].isdigit():
        return value[:4]
    return None


def iso_date(value: str | None) -> date | None:
    """The first day a TIMEX value may denote, when it names a calendar date."""
    if not value:
        return None
    if match := _DATE.match(value):
        year, month, day = match.groups()
        try:
            return date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            return None
    if (match := _PART.match(value)) and match.group(2).startswith("W"):
        try:
            return date.fromisocalendar(int(match.group(1)), int(match.group(2)[1:]), 1)
        except ValueError:
            return None
    return None


def format_number(value: float | int | None) -> str:
    """``2500.0`` -> ``2 500``; ``12.5`` -> ``12,5`` (French separators)."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", NBSP)
    whole, _, fraction = f"{value:,.2f}".rstrip("0").partition(".")
    return f"{whole.replace(',', NBSP)},{fraction}" if fraction else whole.replace(",", NBSP)


def format_value(item: dict[str, Any]) -> str:
    """A figure with its qualifier: ``environ 1 200``, ``entre 10 et 20``, ``plus de 40``."""
    qualifier = item.get("qualifier") or "exact"
    low, high = item.get("low"), item.get("high")
    if qualifier == "range" and low is not None and high is not None:
        return f"entre {format_number(low)} et {format_number(high)}"
    word = label("qualifiers", qualifier)
    number = format_number(item.get("value"))
    return f"{word} {number}" if word else number
