"""Normalise a date given as metadata to a TIMEX3 value with its precision.

Accepted: ISO dates and datetimes (``2024``, ``2024-03``, ``2024-03-05``,
``2024-03-05T10:00:00+01:00``), RFC 822 dates from feeds (``Tue, 05 Mar 2024 10:00:00 GMT``),
numeric French dates (``05/03/2024``) and written dates (``5 mars 2024``, ``1er mars 2024``,
``mars 2024``, ``March 5, 2024``). A datetime keeps the calendar date written in it (no
conversion to UTC): that is the date the publisher meant.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from functools import cache

from recoupe.ingest.resources import data_lines
from recoupe.records import DocDate

_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?=$|[T\s])")
_YMD = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_DMY = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")


@cache
def month_numbers() -> dict[str, int]:
    """Month spelling (lower case) -> month number, from ``data/ingest_months.txt``."""
    out: dict[str, int] = {}
    for line in data_lines("ingest_months.txt"):
        number, *names = line.split()
        for name in names:
            out[name.lower()] = int(number)
    return out


@cache
def _written_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = "|".join(sorted(map(re.escape, month_numbers()), key=len, reverse=True))
    day_first = re.compile(
        rf"(?:\b(\d{{1,2}})(?:er)?\s+)?\b({names})\.?\s+(\d{{4}})\b", re.IGNORECASE
    )
    month_first = re.compile(rf"\b({names})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
    return day_first, month_first


def parse_date(value: str) -> DocDate | None:
    """A metadata ``DocDate`` for ``value``, or ``None`` when no date can be read in it."""
    text = value.strip()
    if not text:
        return None
    for reader in (_iso, _numeric, _rfc822, _written):
        found = reader(text)
        if found is not None:
            return _metadata_date(*found)
    return None


def _metadata_date(year: int, month: int | None, day: int | None) -> DocDate | None:
    if not 1000 <= year <= 2999:
        return None
    if month is None:
        value, precision = f"{year:04d}", "year"
    elif day is None:
        if not 1 <= month <= 12:
            return None
        value, precision = f"{year:04d}-{month:02d}", "month"
    else:
        try:
            value, precision = dt.date(year, month, day).isoformat(), "day"
        except ValueError:
            return None
    return DocDate(
        value=value,
        precision=precision,
        provenance="metadata",
        earliest=value,
        latest=value,
        confidence=1.0,
    )


_Found = tuple[int, int | None, int | None]


def _iso(text: str) -> _Found | None:
    match = _ISO.match(text)
    if match is None:
        return None
    year, month, day = match.groups()
    return int(year), _int(month), _int(day)


def _numeric(text: str) -> _Found | None:
    if match := _YMD.search(text):
        return int(match[1]), int(match[2]), int(match[3])
    if match := _DMY.search(text):  # French order: day / month / year
        return int(match[3]), int(match[2]), int(match[1])
    return None


def _rfc822(text: str) -> _Found | None:
    try:
        parsed = email.utils.parsedate_tz(text)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None or not re.search(r"\d{1,2}:\d{2}", text):
        return None  # "5 mars 2024" is left to the written-date reader
    return parsed[0], parsed[1], parsed[2]


def _written(text: str) -> _Found | None:
    day_first, month_first = _written_patterns()
    months = month_numbers()
    if match := month_first.search(text):
        return int(match[3]), months[match[1].lower()], int(match[2])
    if match := day_first.search(text):
        return int(match[3]), months[match[2].lower()], _int(match[1])
    return None


def _int(value: str | None) -> int | None:
    return int(value) if value else None


# A day written in a path: a folder or file name starting with it ("2011-03-22/",
# "2011-03-22_article.txt", "dépêche_20110322.txt"), or a URL's /2011/03/22/.
_PATH_DAY = re.compile(
    r"(?:^|[/\\_\s])((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?=$|[/\\_.\s-])"
)
_URL_DAY = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/")


def date_from_path(path: str, url: str | None = None) -> DocDate | None:
    """The publication day a path or URL is filed under, or ``None``.

    The last day found in the path wins (the nearest folder to the file). Provenance is
    "metadata" (the path comes with the input, as a header line would), with the evidence.
    """
    found: tuple[str, str, str] | None = None
    where = ""
    for match in _PATH_DAY.finditer(path):
        found, where = (match[1], match[2], match[3]), "path"
    if found is None and url and (in_url := _URL_DAY.search(url)):
        found, where = (in_url[1], in_url[2], in_url[3]), "URL"
    if found is None:
        return None
    date = _metadata_date(int(found[0]), int(found[1]), int(found[2]))
    if date is None:
        return None
    return DocDate(
        value=date.value,
        precision=date.precision,
        provenance="metadata",
        earliest=date.value,
        latest=date.value,
        confidence=1.0,
        evidence=(f"the {where} is filed under {date.value}",),
    )
