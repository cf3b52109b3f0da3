"""Stretches of text between quotation marks, tolerant of odd and unbalanced marks.

Reads « … » (with or without inner spaces), “ … ” and straight " … " paragraph by
paragraph. A quote left open runs to the end of its paragraph, or on into the next
paragraphs when they open with a quotation mark again (the press convention for
multi-paragraph quotes). Marks nested inside an open quote belong to its content. A stray
closing mark is ignored: nothing here ever raises on odd input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_PAIRS = {"«": "»", "“": "”", '"': '"', "„": "“"}
_SPACES = " \t\u00a0\u202f\u2009"


@dataclass(frozen=True, slots=True)
class Marked:
    """Quoted content: ``text[start:end]``, marks excluded, inner spaces trimmed."""

    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when left open
    start: int
    end: int
    text: str = ""  # the quoted content, text[start:end]


def find_marked(text: str) -> list[Marked]:
    """Every quoted stretch of ``text``, left to right."""
    out: list[Marked] = []
    pending: Marked | None = None  # an open quote waiting for its paragraph to continue it
    for par_start, par_end in _paragraphs(text):
        for found in _in_paragraph(text, par_start, par_end):
            if pending is not None and found.open_at == _first_char(text, par_start, par_end):
                found = Marked(pending.open_at, found.close_at, pending.start, found.end)
            elif pending is not None:
                out.append(pending)
            pending = None
            if found.close_at is None:
                pending = found
            else:
                out.append(found)
        if pending is not None and pending.end < par_start:
            out.append(pending)
            pending = None
    if pending is not None:
        out.append(pending)
    return [replace(m, text=text[m.start : m.end]) for m in out if m.end > m.start]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _first_char(text: str, start: int, end: int) -> int:
    i = start
    while i < end and text[i] in _SPACES:
        i += 1
    return i


def _in_paragraph(text: str, start: int, end: int) -> list[Marked]:
    out: list[Marked] = []
    straight = [i for i in range(start, end) if text[i] == '"']
    i = start
    while i < end:
        ch = text[i]
        if ch not in _PAIRS:
            i += 1
            continue
        close = _closing(text, i, end, ch, straight)
        if close is None:
            if ch == '"' and not _opens(text, i, start, end):
                i += 1
                continue
            out.append(_trimmed(text, i, None, i + 1, _cut_open(text, i, end)))
            break
        out.append(_trimmed(text, i, close, i + 1, close))
        i = close + 1
    return out


def _closing(text: str, i: int, end: int, ch: str, straight: list[int]) -> int | None:
    if ch == '"':
        later = [j for j in straight if j > i]
        return later[0] if later else None
    closer = _PAIRS[ch]
    depth = 0
    for j in range(i + 1, end):
        if text[j] == ch and ch != closer:
            depth += 1
        elif text[j] == closer:
            if depth == 0:
                return j
            depth -= 1
    return None


def _opens(text: str, i: int, start: int, end: int) -> bool:
    """A lone straight quote opens a quote when it starts the paragraph or a clause."""
    before = text[start:i].rstrip(_SPACES)
    after = text[i + 1 : end]
    return (not before or before[-1] in ":(,;—–-") and bool(after.strip())


def _cut_open(text: str, i: int, end: int) -> int:
    """An open quote ends at the paragraph end, or before a new opening guillemet."""
    nxt = text.find("«", i + 1, end)
    return nxt if nxt != -1 and text[i] == "«" else end


def _trimmed(text: str, open_at: int, close_at: int | None, start: int, end: int) -> Marked:
    while start < end and text[start] in _SPACES:
        start += 1
    while end > start and text[end - 1] in _SPACES:
        end -= 1
    return Marked(open_at, close_at, start, end)
