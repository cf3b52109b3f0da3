"""TIMEX3 calendar values as month spans, for comparing and ordering dates.

A value such as ``2024``, ``2024-03``, ``2024-03-05``, ``2014-SU`` or ``2024-W10`` becomes a
``Period``: the first and last month it covers (as month numbers counted from year 0) and its
precision. Values that are not calendar dates (``P1M``, ``PRESENT_REF``, ``XXXX-01``) give None.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

# a time part is dropped; "2025-03-XXTEV" (a weekday's evening in a month) is the month
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}|XX)(?:-(\d{2}|XX)(?:T[\w:.+-]*)?)?)?$")
_PART = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI|Q[1-4]|H[12]|W\d{1,2})$")
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


@dataclass(frozen=True, slots=True)
class Period:
    lo: int  # first month covered: year * 12 + month - 1
    hi: int  # last month covered
    precision: str  # "day" | "month" | "year"
    value: str  # the normalised value: "2024", "2024-03" or "2024-03-05"

    @property
    def mid(self) -> float:
        return (self.lo + self.hi) / 2


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def month_value(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def year_of(index: int) -> int:
    return index // 12


def parse_period(value: str | None) -> Period | None:
    """The months a TIMEX3 value covers, or None when it is not a calendar date."""
    if not value:
        return None
    match = _DATE.match(value)
    if match:
        year, month, day = match.groups()
        y = int(year)
        month = None if month == "XX" else month
        day = None if day == "XX" else day
        if month is None:
            return Period(month_index(y, 1), month_index(y, 12), "year", year)
        if not 1 <= int(month) <= 12:
            return None
        m = month_index(y, int(month))
        if day is None:
            return Period(m, m, "month", f"{year}-{month}")
        return Period(m, m, "day", value[:10])
    match = _PART.match(value)
    if match:
        return _part_of_year(int(match.group(1)), match.group(2))
    return None


def _part_of_year(year: int, part: str) -> Period:
    if part in _SEASONS:
        first, last = _SEASONS[part]
    elif part.startswith("Q"):
        first = 3 * int(part[1]) - 2
        last = first + 2
    elif part.startswith("H"):
        first = 1 if part == "H1" else 7
        last = first + 5
    else:  # ISO week: the month it (mostly) falls in
        first = last = min(12, max(1, (int(part[1:]) * 7 - 3) // 31 + 1))
    return Period(month_index(year, first), month_index(year, last), "year", str(year))


def span_value(lo: int, hi: int) -> tuple[str | None, str | None]:
    """The most precise value covering months ``lo``..``hi`` and its precision."""
    if lo == hi:
        return month_value(lo), "month"
    if year_of(lo) == year_of(hi):
        return str(year_of(lo)), "year"
    return None, None


def day_of(value: str | None) -> date | None:
    """The day a day-precise value names ("2025-02-20"), else None."""
    period = parse_period(value)
    if period is None or period.precision != "day" or value is None:
        return None
    return date.fromisoformat(value[:10])


def day_bounds(period: Period) -> tuple[date, date]:
    """The first and last day a period covers."""
    if period.precision == "day":
        day = date.fromisoformat(period.value)
        return day, day
    first = date(year_of(period.lo), period.lo % 12 + 1, 1)
    y, m = year_of(period.hi), period.hi % 12 + 1
    last = date(y, m, calendar.monthrange(y, m)[1])
    return first, last
