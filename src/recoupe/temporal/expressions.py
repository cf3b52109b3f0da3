"""What the grammar finds (a span and its meaning) and what the tagger returns.

The grammar turns a stretch of text into an :class:`Expr`, a meaning that does not
depend on the document date: "janvier dernier" is ``Expr(kind="calendar", month=1,
direction=-1)``. :mod:`recoupe.temporal.resolve` then turns an ``Expr`` into a TIMEX3
value once the document creation time (DCT) and the previous dates of the text are known.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

# kinds of meaning
CALENDAR = "calendar"  # (partial) calendar date: year/month/day/weekday/season/holiday...
RELATIVE = "relative"  # a unit around the DCT or the anchor: hier, la semaine dernière
OFFSET = "offset"  # an amount of units from the DCT or the anchor: trois ans plus tard
CLOCK = "clock"  # a time of day on the current day: 14 h 30
FIXED = "fixed"  # a value that needs nothing: P3Y, PRESENT_REF, XXXX-WXX-4
EPOCH = "epoch"  # "à la même époque": the anchor, made as precise as the DCT allows


class Expr(NamedTuple):
    """The meaning of a temporal expression, independent of the document date.

    (A named tuple: immutable, and quick to build, as the grammar builds many.)
    """

    type: str  # DATE | TIME | DURATION | SET
    kind: str
    value: str | None = None  # for FIXED
    mod: str | None = None
    year: int | None = None
    short_year: bool = False  # year written with two digits ("octobre 98")
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO: 1 = Monday
    season: str | None = None  # SP SU FA WI
    decade: int | None = None  # 196 for "les années 60"
    century: int | None = None  # 18 for "le XIXe siècle" (18XX)
    easter_offset: int | None = None  # holidays counted from Easter Sunday
    ordinal: int | None = None  # "le premier dimanche de ..." (with weekday)
    part: str | None = None  # part of day: MO MI AF EV NI DT
    hour: int | None = None
    minute: int | None = None
    unit: str | None = None  # D W WE M Q Y DE CE H (RELATIVE, OFFSET)
    amount: float | None = None  # signed number of units; None: vague ("quelques")
    # what RELATIVE/OFFSET count from: "dct", "anchor" (the last date of the text), or
    # "that" (the anchor named again: "ce jour-là", "cette année-là"; never the DCT)
    base: str = "dct"
    direction: int | None = None  # -1 "dernier", +1 "prochain", 0 "cet été", None: context

    @property
    def needs_context(self) -> bool:
        """True when the value depends on the DCT, the anchor or the tense."""
        if self.kind in (RELATIVE, OFFSET, CLOCK, EPOCH):
            return True
        if self.kind != CALENDAR:
            return False
        return self.year is None and self.decade is None and self.century is None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of text the grammar read as a temporal expression."""

    start: int
    end: int
    expr: Expr
    priority: int = 0


@dataclass(frozen=True, slots=True)
class TimexMatch:
    """A tagged and normalised TIMEX3 expression (offsets into the tagged text)."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    anchored: bool = False  # the value depends on the DCT or on another expression
