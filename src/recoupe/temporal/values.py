"""Calendar points with a precision, and their TIMEX3 ``value`` strings.

A :class:`Point` is a day (``datetime.date``) known to a precision: ``"Y"`` (only the
year is meaningful), ``"M"`` (year and month) or ``"D"`` (the day). Document creation
times and resolved dates are points; shifting a point by a unit finer than its precision
keeps the point as it is, since the finer parts are not known.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_PRECISION_RANK = {"Y": 0, "M": 1, "D": 2}
_DCT = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class Point:
    """A day known to a precision: "Y", "M" or "D"."""

    day: date
    precision: str

    def at_least(self, precision: str) -> bool:
        return _PRECISION_RANK[self.precision] >= _PRECISION_RANK[precision]

    def value(self) -> str:
        return format_point(self)


def parse_point(value: str | None) -> Point | None:
    """A point from a TIMEX3-like value ("2024", "2024-03", "2024-03-05T10:00"), else None."""
    if not value:
        return None
    m = _DCT.match(value.strip())
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        if day:
            return Point(date(int(year), int(month), int(day)), "D")
        if month:
            return Point(date(int(year), int(month), 1), "M")
        return Point(date(int(year), 1, 1), "Y")
    except ValueError:
        return None


def format_point(point: Point) -> str:
    d = point.day
    if point.precision == "Y":
        return f"{d.year:04d}"
    if point.precision == "M":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def coarser(a: str, b: str) -> str:
    return a if _PRECISION_RANK[a] <= _PRECISION_RANK[b] else b


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def shift(point: Point, unit: str, amount: float) -> Point:
    """``point`` moved by ``amount`` units (D, W, M, Q, Y, DE, CE, H)."""
    n = int(amount)
    if unit == "H":
        unit, n = "D", round(amount / 24)
    if unit in ("D", "W"):
        if point.precision != "D":
            return point
        return Point(point.day + timedelta(days=n * (7 if unit == "W" else 1)), "D")
    if unit in ("M", "Q"):
        if point.precision == "Y":
            return point
        return Point(add_months(point.day, n * (3 if unit == "Q" else 1)), point.precision)
    factor = {"Y": 1, "DE": 10, "CE": 100}.get(unit, 1)
    return Point(add_months(point.day, 12 * n * factor), point.precision)


def week_value(day: date, weekend: bool = False) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}" + ("-WE" if weekend else "")


def quarter_value(day: date) -> str:
    return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    q = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * q) // 451
    month, day = divmod(h + q - 7 * m + 114, 31)
    return date(year, month, day + 1)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def weekday_near(reference: date, weekday: int, direction: int | None) -> date:
    """The day with ISO ``weekday`` (1 = Monday) around ``reference``.

    direction -1: the last one strictly before; +1: the next one strictly after;
    None: the same day if it matches, else the nearer of the two.
    """
    delta = (weekday - reference.isoweekday()) % 7  # days forward to the next one (0..6)
    if direction == 1:
        return reference + timedelta(days=delta or 7)
    if direction == -1:
        return reference - timedelta(days=(7 - delta) or 7)
    if delta == 0:
        return reference
    return reference + timedelta(days=delta) if delta <= 3 else reference - timedelta(7 - delta)


def duration_value(amount: str, unit: str) -> str:
    """TIMEX3 duration: ("3", "Y") -> "P3Y"; ("24", "H") -> "PT24H"; ("X", "D") -> "PXD"."""
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{'M' if unit == 'MIN' else unit}"
    if unit == "Q":
        return f"P{_times(amount, 3)}M"
    if unit == "6M":
        return f"P{_times(amount, 6)}M"
    return f"P{amount}{unit}"


def _times(amount: str, factor: int) -> str:
    if amount == "X":
        return "X"
    number = float(amount) * factor
    return str(int(number)) if number.is_integer() else str(number)
