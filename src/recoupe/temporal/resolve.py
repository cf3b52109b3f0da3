"""From an :class:`Expr` to a TIMEX3 value, given the DCT, the anchor and the tense.

The anchor is the last date the text mentioned (at first, the DCT). A calendar date
without a year ("le 7 octobre", "mercredi", "l'été") takes the year, among the DCT's
year and its neighbours, that the direction asks for: the latest one not after the DCT
for the past, the earliest one not before it for the future, else the nearest. With no
DCT, the value keeps what is known: "XXXX-10-07", "XXXX-WXX-3".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from recoupe.temporal.expressions import CALENDAR, CLOCK, EPOCH, FIXED, OFFSET, RELATIVE, Expr
from recoupe.temporal.lexicon import lexicon
from recoupe.temporal.values import (
    Point,
    add_months,
    coarser,
    easter,
    format_point,
    quarter_value,
    safe_date,
    shift,
    week_value,
    weekday_near,
)

_UNIT_PRECISION = {"D": "D", "W": "D", "WE": "D", "H": "D", "M": "M", "Q": "M"}
_UNKNOWN = {
    "D": "XXXX-XX-XX",
    "W": "XXXX-WXX",
    "WE": "XXXX-WXX-WE",
    "M": "XXXX-XX",
    "Q": "XXXX-QX",
    "Y": "XXXX",
    "DE": "XXX",
    "CE": "XX",
    "H": "XXXX-XX-XX",
}


@dataclass(frozen=True, slots=True)
class Resolved:
    value: str
    anchored: bool
    point: Point | None  # the date this expression sets as the new anchor, if any


@dataclass(frozen=True, slots=True)
class Situation:
    """What an expression is resolved against."""

    dct: Point | None
    anchor: Point | None
    year_hint: int | None = None  # a year given earlier in the same sentence


Direction = Callable[[], int | None]  # -1 past, 1 future, 2 present, None: no cue
PRESENT = 2


def resolve(expr: Expr, where: Situation, direction: Direction) -> Resolved:
    if expr.kind == FIXED:
        return Resolved(expr.value or "", False, None)
    if expr.kind == CALENDAR:
        return _calendar(expr, where, direction)
    if expr.kind == RELATIVE:
        return _relative(expr, where, direction)
    if expr.kind == OFFSET:
        return _offset(expr, where)
    if expr.kind == CLOCK:
        return _clock(expr, where)
    if expr.kind == EPOCH:
        return _epoch(where)
    raise ValueError(f"unknown kind of expression: {expr.kind}")


# --- calendar dates -------------------------------------------------------------------


def _calendar(expr: Expr, where: Situation, direction: Direction) -> Resolved:
    if expr.century is not None:
        return Resolved(f"{expr.century:02d}XX", False, None)
    if expr.decade is not None:
        return Resolved(f"{expr.decade:03d}X", False, None)
    year = expr.year
    if year is not None and expr.short_year:
        year = _full_year(year, where.dct)
    anchored = year is None
    yearly = expr.month is not None or expr.season or expr.easter_offset is not None
    if year is None and where.year_hint is not None and expr.direction is None and yearly:
        year = where.year_hint
    if year is not None:
        point = _absolute(expr, year)
        value = _format_calendar(expr, point, year)
    else:
        point, value = _partial(expr, where.dct, direction)
    if value is None:
        return Resolved("XXXX-XX-XX", anchored, None)
    return Resolved(_with_time(expr, value), anchored, point)


NO_DCT_YEAR = 2030  # undated text: "14/06/09" is 2009, "05/03/98" 1998 (window 1941-2040)


def _full_year(two_digits: int, dct: Point | None) -> int:
    """The century of "14/06/09": the year nearest below the reference + 10."""
    ref = dct.day.year if dct else NO_DCT_YEAR
    year = (ref // 100) * 100 + two_digits
    return year - 100 if year > ref + 10 else year


def _absolute(expr: Expr, year: int) -> Point | None:
    if expr.ordinal is not None and expr.weekday is not None:
        return _ordinal_weekday(expr, year)
    if expr.easter_offset is not None:
        return Point(easter(year) + timedelta(days=expr.easter_offset), "D")
    if expr.month is not None and expr.day is not None:
        day = safe_date(year, expr.month, expr.day)
        return Point(day, "D") if day else None
    if expr.month is not None:
        return Point(date(year, expr.month, 1), "M")
    if expr.season is not None:
        return Point(date(year, lexicon().season_first_month[expr.season], 1), "M")
    return Point(date(year, 1, 1), "Y")


def _ordinal_weekday(expr: Expr, year: int) -> Point | None:
    assert expr.weekday is not None and expr.ordinal is not None
    if expr.season is not None:
        first = date(year, lexicon().season_first_month[expr.season], 21)
        last = add_months(first, 3) - timedelta(days=1)
    elif expr.month is not None:
        first = date(year, expr.month, 1)
        last = add_months(first, 1) - timedelta(days=1)
    else:
        return None
    if expr.ordinal > 0:
        day = first + timedelta(days=(expr.weekday - first.isoweekday()) % 7)
        day += timedelta(weeks=expr.ordinal - 1)
    else:
        day = last - timedelta(days=(last.isoweekday() - expr.weekday) % 7)
    return Point(day, "D")


def _format_calendar(expr: Expr, point: Point | None, year: int) -> str | None:
    if point is None:
        return None
    if expr.season is not None and expr.ordinal is None:
        return f"{year:04d}-{expr.season}"
    return format_point(point)


def _partial(expr: Expr, dct: Point | None, direction: Direction) -> tuple[Point | None, str]:
    if dct is None:
        return None, _unknown_year(expr)
    if expr.month is None and expr.season is None and expr.easter_offset is None:
        if expr.weekday is None:
            return None, _unknown_year(expr)
        if dct.precision != "D":
            return dct, format_point(dct)
        if expr.direction is None and dct.day.isoweekday() == expr.weekday:
            # "ce lundi", "lundi" in an article of a Monday: that very day, whatever the tense
            return Point(dct.day, "D"), format_point(Point(dct.day, "D"))
        way = expr.direction if expr.direction is not None else direction()
        # a weekday in the present tense is mostly an announcement: the coming one
        point = Point(weekday_near(dct.day, expr.weekday, way if way in (-1, 1) else 1), "D")
        return point, format_point(point)
    candidates = [
        (y, _absolute(expr, y)) for y in (dct.day.year - 1, dct.day.year, dct.day.year + 1)
    ]
    found = [(y, p) for y, p in candidates if p is not None]
    if expr.weekday is not None and expr.day is not None:
        matching = [(y, p) for y, p in found if p.day.isoweekday() == expr.weekday]
        found = matching or found
    if not found:
        return None, _unknown_year(expr)
    strict = expr.direction is not None
    way = expr.direction if strict else direction()
    if way in (PRESENT, None) and _is_season(expr.season) and expr.ordinal is None:
        return None, _unknown_year(expr)  # "en été, la demande augmente": a habit
    year, point = _choose(found, dct, way, strict, expr.season is not None)
    return point, _format_calendar(expr, point, year) or ""


def _is_season(part: str | None) -> bool:
    """Spring, summer, autumn or winter; not a quarter or a half ("au deuxième trimestre" is
    the one of the news, not a habit)."""
    return part is not None and not part.startswith(("Q", "H"))


def _unknown_year(expr: Expr) -> str:
    if expr.month is not None and expr.day is not None:
        return f"XXXX-{expr.month:02d}-{expr.day:02d}"
    if expr.month is not None:
        return f"XXXX-{expr.month:02d}"
    if expr.season is not None:
        return f"XXXX-{expr.season}"
    if expr.weekday is not None:
        return f"XXXX-WXX-{expr.weekday}"
    return "XXXX-XX-XX"


def _key(point: Point, precision: str) -> tuple[int, ...]:
    d = point.day
    return {"Y": (d.year,), "M": (d.year, d.month), "D": (d.year, d.month, d.day)}[precision]


def _choose(
    found: list[tuple[int, Point]], dct: Point, way: int | None, strict: bool, season: bool
) -> tuple[int, Point]:
    precision = coarser(found[0][1].precision, dct.precision)
    here = _key(dct, precision)

    def key(p: Point) -> tuple[int, ...]:
        if season and strict and way == -1:
            return _key(Point(add_months(p.day, 3), p.precision), precision)
        return _key(p, precision)

    if way == -1:
        past = [c for c in found if key(c[1]) < here or (not strict and key(c[1]) == here)]
        if past:
            return max(past, key=lambda c: c[1].day)
    elif way == 1:
        future = [c for c in found if key(c[1]) > here or (not strict and key(c[1]) == here)]
        if future:
            return min(future, key=lambda c: c[1].day)
    return min(found, key=lambda c: _distance(c[1], dct))


def _distance(point: Point, dct: Point) -> int:
    if dct.precision == "D" and point.precision == "D":
        return abs((point.day - dct.day).days)
    if dct.precision == "Y":
        return abs(point.day.year - dct.day.year) * 12
    return abs((point.day.year - dct.day.year) * 12 + point.day.month - dct.day.month)


def _with_time(expr: Expr, value: str) -> str:
    if expr.hour is None and expr.part is None:
        return value
    # a month-precise DCT leaves the day unknown: "jeudi soir" is "2025-03-XXTEV"
    if re.fullmatch(r"\d{4}", value):
        value += "-XX-XX"
    elif re.fullmatch(r"\d{4}-\d{2}", value):
        value += "-XX"
    if expr.hour is not None:
        return f"{value}T{expr.hour:02d}:{expr.minute or 0:02d}"
    if expr.part is not None:
        return f"{value}T{expr.part}"
    return value


# --- relative to the DCT or the anchor ------------------------------------------------


def _relative(expr: Expr, where: Situation, direction: Direction) -> Resolved:
    base = where.dct if expr.base == "dct" else where.anchor
    unit = expr.unit or "D"
    if base is None:
        return Resolved(_with_time(expr, _UNKNOWN[unit]), True, None)
    amount = int(expr.amount or 0)
    if unit == "WE" and amount == 0:
        amount = _this_weekend(base, expr.direction if expr.direction is not None else direction())
    needed = _UNIT_PRECISION.get(unit, "Y")
    if not base.at_least(needed) and where.dct and _same_day_as_dct(expr, where, amount):
        base = where.dct
    if not base.at_least(needed):
        return Resolved(format_point(base), True, base)
    moved = shift(base, "W" if unit == "WE" else unit, amount)
    value, point = _unit_value(moved, unit)
    return Resolved(_with_time(expr, value), True, point)


def _same_day_as_dct(expr: Expr, where: Situation, amount: int) -> bool:
    """ "Dans la soirée" after a bare year or month ("renversé en 1969. Dans la soirée, ..."):
    a year or month named in passing does not set the day of the story, the article's day
    does. "Le lendemain" (a shift) still follows the text."""
    return (
        expr.base == "anchor"
        and amount == 0
        and (expr.unit or "D") == "D"
        and where.dct is not None
        and where.dct.at_least("D")
    )


def _this_weekend(base: Point, way: int | None) -> int:
    if base.precision != "D" or base.day.isoweekday() >= 6:
        return 0
    if way == -1 or (way in (None, PRESENT) and base.day.isoweekday() <= 2):
        return -1
    return 0


def _unit_value(moved: Point, unit: str) -> tuple[str, Point]:
    d = moved.day
    if unit == "D":
        return d.isoformat(), Point(d, "D")
    if unit in ("W", "WE"):
        return week_value(d, unit == "WE"), Point(d, "M")
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}", Point(d, "M")
    if unit == "Q":
        return quarter_value(d), Point(d, "M")
    if unit == "DE":
        return f"{d.year // 10:03d}X", Point(d, "Y")
    if unit == "CE":
        return f"{d.year // 100:02d}XX", Point(d, "Y")
    return f"{d.year:04d}", Point(d, "Y")


def _offset(expr: Expr, where: Situation) -> Resolved:
    base = where.dct if expr.base == "dct" else where.anchor
    unit = expr.unit or "D"
    if base is None:
        return Resolved(_UNKNOWN.get(unit, "XXXX"), True, None)
    precision = coarser(base.precision, _UNIT_PRECISION.get(unit, "Y"))
    if expr.amount is None:  # "quelques années plus tard": the base, coarsened
        point = Point(base.day, precision)
        return Resolved(format_point(point), True, point)
    moved = shift(base, unit, expr.amount)
    point = Point(moved.day, precision)
    return Resolved(format_point(point), True, point)


def _clock(expr: Expr, where: Situation) -> Resolved:
    day: Point | None = None
    for candidate in (where.anchor, where.dct):
        if candidate is not None and candidate.precision == "D":
            day = candidate
            break
    value = format_point(day) if day else "XXXX-XX-XX"
    return Resolved(_with_time(expr, value), True, None)


def _epoch(where: Situation) -> Resolved:
    anchor = where.anchor
    if anchor is None:
        return Resolved("XXXX", True, None)
    if anchor.precision == "Y" and where.dct is not None and where.dct.at_least("M"):
        point = Point(date(anchor.day.year, where.dct.day.month, 1), "M")
        return Resolved(format_point(point), True, point)
    return Resolved(format_point(anchor), True, anchor)
