"""The exact day of a document from "hier, jeudi 13 mars": a day named next to "hier".

"Hier" (yesterday) followed by the date it stands for gives the document's own day: the
next one. The weekday, when given, must agree with the date, or the clue is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from itertools import pairwise

from recoupe.consolidate.lexicon import data_json
from recoupe.consolidate.similarity import fold, words
from recoupe.records import Timex

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
GAP = 12  # characters between "hier" and the date it names


def _offset(t: Timex) -> int | None:
    table: dict[str, int] = data_json("dates.json")["deictic_days"]
    folded = fold(t.text)
    for word in sorted(table, key=len, reverse=True):
        if folded == word or folded.startswith(word + " "):
            return table[word]
    return None


def _named_day(t: Timex) -> date | None:
    match = _DAY.match(t.value)
    if t.type != "DATE" or match is None:
        return None
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    weekdays: dict[str, int] = data_json("dates.json")["weekdays"]
    named = [weekdays[w] for w in words(t.text) if w in weekdays]
    return day if all(w == day.weekday() for w in named) else None


def deictic_day(text: str, timexes: Sequence[Timex]) -> tuple[date, str] | None:
    """The document's day and why, from "hier, jeudi 13 mars" (timexes re-resolved)."""
    ordered = sorted(timexes, key=lambda t: t.start)
    for t, u in pairwise(ordered):
        offset = _offset(t)
        if offset is None or u.start - t.end > GAP or text[t.end : u.start].strip(" ,–—-"):
            continue
        day = _named_day(u)
        if day is None:
            continue
        own = day - timedelta(days=offset)
        quoted = text[t.start : u.end]
        return own, f"« {quoted} » désigne le {day.isoformat()} : écrit le {own.isoformat()}"
    return None
