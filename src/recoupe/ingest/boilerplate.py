"""Take boilerplate lines (ads, "Lire aussi", share buttons, cookie notices...) out of a text.

The patterns and their reasons live in ``data/boilerplate.txt``. Each removed line is kept
as a ``Removed(text, reason)`` so nothing disappears without a trace.
"""

from __future__ import annotations

import re
from functools import cache

from recoupe.ingest.resources import data_lines
from recoupe.records import Removed

MAX_LINE = 200  # longer lines are article text, whatever they start with
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


@cache
def boilerplate_sections() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(reason, patterns) per section of ``data/boilerplate.txt``, in file order."""
    sections: list[tuple[str, list[str]]] = []
    for line in data_lines("boilerplate.txt"):
        if line.startswith("[") and line.endswith("]"):
            sections.append((line[1:-1], []))
        elif sections:
            sections[-1][1].append(line)
        else:
            raise ValueError(f"boilerplate.txt: pattern before any [reason]: {line!r}")
    return tuple((reason, tuple(patterns)) for reason, patterns in sections)


@cache
def _matcher() -> re.Pattern[str]:
    """Every pattern in one alternation, a named group ``s<N>`` per section."""
    groups = (
        f"(?P<s{index}>{'|'.join(f'(?:{p})' for p in patterns)})"
        for index, (_, patterns) in enumerate(boilerplate_sections())
    )
    return re.compile("|".join(groups), re.IGNORECASE)


def boilerplate_reason(line: str) -> str | None:
    """Why ``line`` is boilerplate, or ``None`` when it is article text."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_LINE:
        return None
    match = _matcher().fullmatch(_EDGES.sub("", stripped)) or _matcher().fullmatch(stripped)
    if match is None or match.lastgroup is None:
        return None
    return boilerplate_sections()[int(match.lastgroup[1:])][0]


def remove_boilerplate(text: str) -> tuple[str, tuple[Removed, ...]]:
    """``text`` without its boilerplate lines, and those lines with their reasons."""
    kept: list[str] = []
    removed: list[Removed] = []
    for line in text.split("\n"):
        reason = boilerplate_reason(line)
        if reason is None:
            kept.append(line)
        else:
            removed.append(Removed(line.strip(), reason))
    if not removed:
        return text, ()
    return "\n".join(kept), tuple(removed)
