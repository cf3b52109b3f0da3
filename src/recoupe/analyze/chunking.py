"""Cut texts longer than the model accepts into pieces at paragraph boundaries."""

from __future__ import annotations


def split_for_model(text: str, limit: int) -> list[tuple[int, str]]:
    """Return ``(offset, piece)`` pairs covering ``text``, each piece at most ``limit`` chars.

    Cuts fall after a blank line if possible, else after a line break, else after a
    sentence end or space, and only as a last resort mid-word.
    """
    if len(text) <= limit:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            end = _best_cut(text, start, end)
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def _best_cut(text: str, start: int, end: int) -> int:
    window = text[start:end]
    floor = len(window) // 2  # never make pieces smaller than half the limit
    for pattern in ("\n\n", "\n", ". ", " "):
        cut = window.rfind(pattern, floor)
        if cut != -1:
            return start + cut + len(pattern)
    return end
