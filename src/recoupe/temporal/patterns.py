"""Regular-expression pieces built from the word lists (compiled once)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from recoupe.temporal.lexicon import lexicon

FLAGS = re.IGNORECASE
APOS = r"['’]"
SP = r"[\s\u00a0]+"  # one or more spaces (no newline-sensitive rules here)
OSP = r"[\s\u00a0]*"  # optional spaces
DAYNUM = r"(?:1er|1re|1ère|premier|3[01]|[12]\d|0?[1-9])"
YEAR4 = r"(?:1[0-9]\d\d|20\d\d|21\d\d)"


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, apostrophes either way."""
    parts = sorted({w.lower() for w in words}, key=len, reverse=True)
    escaped = (re.escape(w).replace("'", APOS).replace(r"\ ", SP) for w in parts)
    return "(?:" + "|".join(escaped) + ")"


@cache
def month() -> str:
    return alternation(lexicon().months)


@cache
def month_any() -> str:
    lex = lexicon()
    return "(?:" + month() + "|" + alternation(lex.month_abbreviations) + ")"


@cache
def weekday() -> str:
    return alternation(lexicon().weekdays)


@cache
def season() -> str:
    return alternation(lexicon().seasons)


@cache
def number() -> str:
    """A number in digits (with a decimal comma) or in words ("vingt-quatre")."""
    words = alternation(lexicon().number_units)
    spelled = rf"{words}(?:(?:-|{SP})(?:et(?:-|{SP}))?{words})*"
    return rf"(?:\d+(?:,\d+)?|{spelled})(?![\w-])"


@cache
def unit() -> str:
    return alternation(lexicon().units) + r"(?![\w-])"


@cache
def quantity_modifier() -> str:
    return alternation(lexicon().quantity_modifiers)


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, FLAGS)


def word(text: str) -> str:
    """``text`` as a whole word (or words) in a pattern."""
    return rf"(?<![\w-]){text}(?![\w-])"


def trie(words: Iterable[str]) -> str:
    """A pattern matching exactly ``words``, shaped as a trie so that it fails fast."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = root
        for char in w:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(root)


def _trie_pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    ends = "" in node
    branches = [re.escape(c) + _trie_pattern(sub) for c, sub in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body
