"""Metadata written into a text itself, taken out of it.

Three forms are read, at the top of a text only:

- front matter: a ``---`` line, ``key: value`` lines, a closing ``---`` line;
- header lines: ``date: 2024-03-05``, ``titre : ...``, ``url: ...``, ``source: ...``, one per
  line, up to the first line that is not one (field names in ``data/ingest_metadata_keys.txt``);
- an inline date prefix on the same line as the text: `` date 2024-03 Les discussions...``
  (optional leading space, the word ``date``, an optional colon, ``YYYY[-MM[-DD]]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import cache

from recoupe.ingest.resources import alias_map

_INLINE_DATE = re.compile(
    r"\A[ \t]*date[ \t]*:?[ \t]*(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)(?:[ \t]+|[ \t]*\n+)(?=\S)",
    re.IGNORECASE,
)
_FRONT_MATTER_MAX_LINES = 50


@dataclass(frozen=True, slots=True)
class Metadata:
    """Fields given about a document (raw strings; the date is parsed later)."""

    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None

    def or_else(self, fallback: Metadata) -> Metadata:
        """These fields, each one completed from ``fallback`` when missing."""
        values = {f.name: getattr(self, f.name) or getattr(fallback, f.name) for f in fields(self)}
        return Metadata(**values)


def _field_aliases() -> dict[str, str]:
    return alias_map("ingest_metadata_keys.txt")


@cache
def _header_line() -> re.Pattern[str]:
    aliases = sorted(map(re.escape, _field_aliases()), key=len, reverse=True)
    return re.compile(rf"[ \t]*({'|'.join(aliases)})[ \t]*:[ \t]*(\S.*?)[ \t]*", re.IGNORECASE)


def split_metadata(text: str) -> tuple[Metadata, str]:
    """The metadata found at the top of ``text``, and the text without it."""
    found: dict[str, str] = {}
    lines = text.split("\n")
    start = _skip_blank(lines, 0)
    end = start
    inline_first = _INLINE_DATE.match(lines[start] + " ") if start < len(lines) else None
    if not inline_first:  # "date: 2018 Le texte..." is a prefix, not a header line
        end = _front_matter(lines, start, found)
        if end == start:
            end = _header_lines(lines, start, found)
    body = "\n".join(lines[_skip_blank(lines, end) :]) if end > start else text
    match = _INLINE_DATE.match(body)
    if match:
        found.setdefault("date", match[1])
        body = body[match.end() :]
    return Metadata(**found), body


def _skip_blank(lines: list[str], index: int) -> int:
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def _front_matter(lines: list[str], start: int, found: dict[str, str]) -> int:
    """Index after a closing ``---`` when a front-matter block starts at ``start``."""
    if start >= len(lines) or lines[start].strip() != "---":
        return start
    limit = min(len(lines), start + _FRONT_MATTER_MAX_LINES)
    for index in range(start + 1, limit):
        if lines[index].strip() == "---":
            for line in lines[start + 1 : index]:
                _read_field(line, found)
            return index + 1
    return start


def _header_lines(lines: list[str], start: int, found: dict[str, str]) -> int:
    """Index after the run of header lines starting at ``start`` (``start`` if none)."""
    index = start
    while index < len(lines) and _read_field(lines[index], found):
        index += 1
    return index


def _read_field(line: str, found: dict[str, str]) -> bool:
    match = _header_line().fullmatch(line)
    if match is None:
        return False
    name = _field_aliases()[match[1].lower()]
    found.setdefault(name, match[2].strip().strip("\"'").strip())
    return True
