"""Near-identical names (typos, variant spellings), compared inside small blocks only."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping

from rapidfuzz import fuzz, process

from recoupe.consolidate.entity_names import core_tokens

MIN_LENGTH = 6
THRESHOLD = 90.0
MAX_BLOCK = 1000  # names sharing a block key; larger blocks are too generic to compare


def _blocks(labels: Mapping[str, str]) -> dict[tuple[str, str], list[str]]:
    """Names of several words, by (type, first three letters) and (type, last three).
    One-word names are left alone: one letter apart, they are often different places."""
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, label in labels.items():
        if len(name) >= MIN_LENGTH and " " in name and not any(c.isdigit() for c in name):
            blocks[(label, "^" + name[:3])].append(name)
            blocks[(label, "$" + name[-3:])].append(name)
    return blocks


def _compatible(a: str, b: str, label: str) -> bool:
    if label != "PER":
        return True
    ta, tb = core_tokens(a), core_tokens(b)
    if len(ta) != len(tb):
        return False
    return all(_same_word(x, y) for x, y in zip(ta, tb, strict=True))


def _same_word(x: str, y: str) -> bool:
    """Two spellings of one name part, not a masculine and a feminine (Jean, Jeanne)."""
    if x + "e" == y or y + "e" == x:
        return False
    return abs(len(x) - len(y)) <= 1 and fuzz.ratio(x, y) >= 80


def fuzzy_pairs(labels: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    """Pairs of names of the same type at least ``THRESHOLD`` similar (rapidfuzz ratio)."""
    seen: set[tuple[str, str]] = set()
    for (label, _), names in _blocks(labels).items():
        if len(names) < 2 or len(names) > MAX_BLOCK:
            continue
        scores = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=THRESHOLD)
        for i, j in zip(*scores.nonzero(), strict=True):
            a, b = names[int(i)], names[int(j)]
            if a < b and (a, b) not in seen and _compatible(a, b, label):
                seen.add((a, b))
                yield a, b
