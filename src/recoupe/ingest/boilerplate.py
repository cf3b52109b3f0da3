"""Take boilerplate lines (ads, "Lire aussi", share buttons, cookie notices...) out of a text.

The patterns and their reasons live in ``data/boilerplate.txt``. Each removed line is kept
as a ``Removed(text, reason)`` so nothing disappears without a trace.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import cache

from recoupe.ingest.normalize import tidy_blank_lines
from recoupe.ingest.resources import data_lines
from recoupe.records import Document, Removed, Skipped

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


LONG_LINE_SECTIONS = ("privacy notice",)  # legal wording that news text never uses


def boilerplate_reason(line: str) -> str | None:
    """Why ``line`` is boilerplate, or ``None`` when it is article text."""
    stripped = line.strip()
    if not stripped:
        return None
    if len(stripped) > MAX_LINE:
        return _long_line_reason(stripped)
    match = _matcher().fullmatch(_EDGES.sub("", stripped)) or _matcher().fullmatch(stripped)
    if match is None or match.lastgroup is None:
        return None
    return boilerplate_sections()[int(match.lastgroup[1:])][0]


def _long_line_reason(line: str) -> str | None:
    for reason, pattern in _long_line_patterns():
        if pattern.fullmatch(line):
            return reason
    return None


@cache
def _long_line_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (reason, re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE))
        for reason, patterns in boilerplate_sections()
        if reason in LONG_LINE_SECTIONS
    )


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


SHARED_MIN_DOCS = 5  # a line printed verbatim in this many documents may be a site template
SHARED_WIRE_DAYS = 7  # ... unless all of them appeared within this many days (a wire story)
SHARED_MIN_CHARS = 15  # shorter lines ("Libye", "AFP") are left alone
WIRE_MIN_SENTENCES = 0.5  # a wire block is mostly story sentences; a site's block is not

_SENTENCE_END = re.compile(r"(?:[.!…]|[.!?…]\s*[»\"”]\s*\.?|»\s*\.)$")
_READER = re.compile(r"\b(?:vous|votre|vos)\b", re.IGNORECASE)
_QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”")


def reads_as_story(line: str) -> bool:
    """Whether a line reads as a sentence of a news story: six words or more, ended like a
    sentence, not speaking to the reader outside quotes. Menus, teasers of other articles
    (headlines, pull quotes), questions and notices ("Vous ne pouvez lire…") do not."""
    text = line.strip()
    if len(text.split()) < 6 or not _SENTENCE_END.search(text):
        return False
    return _READER.search(_QUOTED.sub(" ", text)) is None


def _line_key(line: str) -> str:
    return " ".join(line.split())


def _day(document: Document) -> date | None:
    value = document.date.value
    if value is None or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def shared_boilerplate(documents: Sequence[Document]) -> dict[str, int]:
    """Lines (whitespace-normalised) that many documents print verbatim, with their counts.

    Subscription offers, navigation and "lecture en cours sur un autre appareil" notices of
    a site recur in every page of it, over months; a wire sentence reprinted by several
    outlets recurs too, but within days. So a line is a template when at least
    ``SHARED_MIN_DOCS`` documents print it and they are not all dated within
    ``SHARED_WIRE_DAYS`` days of each other (undated documents count as far apart).
    Pages of one site crawled the same week share their template too: lines printed by the
    same documents within days are taken as a block, a wire story when most of them read as
    story sentences (``reads_as_story``), a template otherwise (headlines of other articles,
    paywall notices). Exact copies of one document count once.
    """
    holders: dict[str, list[int]] = defaultdict(list)
    seen_texts: set[str] = set()
    for index, document in enumerate(documents):
        if document.text in seen_texts:
            continue
        seen_texts.add(document.text)
        lines = {_line_key(line) for line in document.text.split("\n")}
        for key in lines:
            if len(key) >= SHARED_MIN_CHARS:
                holders[key].append(index)
    out: dict[str, int] = {}
    recent: dict[tuple[int, ...], list[str]] = defaultdict(list)  # printed within days
    for key, indexes in holders.items():
        if len(indexes) < SHARED_MIN_DOCS:
            continue
        days = [_day(documents[i]) for i in indexes]
        known = [d for d in days if d is not None]
        if len(known) == len(days) and (max(known) - min(known)).days <= SHARED_WIRE_DAYS:
            recent[tuple(indexes)].append(key)
        else:
            out[key] = len(indexes)
    for printers, block in recent.items():
        if sum(map(reads_as_story, block)) < WIRE_MIN_SENTENCES * len(block):
            out.update(dict.fromkeys(block, len(printers)))
    return out


def remove_shared_boilerplate(
    documents: Sequence[Document],
) -> tuple[list[Document], list[Skipped]]:
    """The documents without the lines that ``shared_boilerplate`` finds, each removed line
    kept in ``Document.removed``; a document left empty is skipped with the reason."""
    shared = shared_boilerplate(documents)
    if not shared:
        return list(documents), []
    kept: list[Document] = []
    skipped: list[Skipped] = []
    for document in documents:
        lines = document.text.split("\n")
        removed = [
            Removed(line.strip(), f"template line: printed in {shared[key]} documents")
            for line in lines
            if (key := _line_key(line)) in shared
        ]
        if not removed:
            kept.append(document)
            continue
        text = "\n".join(line for line in lines if _line_key(line) not in shared)
        text = tidy_blank_lines(text).strip()
        if not text:
            skipped.append(
                Skipped(document.path, "only template lines shared with other documents")
            )
            continue
        kept.append(replace(document, text=text, removed=(*document.removed, *removed)))
    return kept, skipped
