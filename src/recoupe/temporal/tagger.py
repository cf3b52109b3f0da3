"""Find, choose and resolve the temporal expressions of a text, in text order."""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from recoupe.temporal import grammar_amounts, grammar_calendar, grammar_clock, grammar_relative
from recoupe.temporal import patterns as p
from recoupe.temporal.context import direction_at, preceded_by, sentence_span
from recoupe.temporal.expressions import (
    CALENDAR,
    CLOCK,
    OFFSET,
    RELATIVE,
    Candidate,
    Expr,
    TimexMatch,
)
from recoupe.temporal.grammar_calendar import Rule, as_list
from recoupe.temporal.lexicon import lexicon
from recoupe.temporal.resolve import Situation, resolve
from recoupe.temporal.values import Point, parse_point

_RULE_SETS: tuple[tuple[Rule, ...], ...] = (
    grammar_calendar.RULES,
    grammar_relative.RULES,
    grammar_amounts.RULES,
    grammar_clock.RULES,
)


@cache
def _bound_prefix() -> re.Pattern[str]:
    return re.compile(
        r"(?:(?<![\w-])(?P<art>la|le)[\s\u00a0]+)?(?<![\w-])(?P<bound>début|fin|milieu|mi)"
        r"(?:[\s\u00a0]*-[\s\u00a0]*|[\s\u00a0]+(?:de[\s\u00a0]+l['’]|de[\s\u00a0]+la[\s\u00a0]+"
        r"|du[\s\u00a0]+|des[\s\u00a0]+|de[\s\u00a0]+|d['’])|[\s\u00a0]+)$",
        re.IGNORECASE,
    )


_TOKEN = re.compile(r"\w+")
# Classes of tokens, in one pattern that starts with a character class (scanned fast).
_CLASSES = re.compile(
    r"[\dhH](?:(?<=\d)(?:(?P<slash>\d*/\d)|(?P<colon>\d*:\d)"
    r"|(?<!\w\d)(?:(?P<year>\d{3})|(?P<clock>\d?[hH]\d{0,2}))(?!\w))"
    r"|(?<=[hH])(?<!\w[hH])(?P<h>)(?!\w))"
)
_SPACE = re.compile(r"\s")
_AFTER = 40  # how far after a trigger word a match may go on, in characters


@dataclass(frozen=True, slots=True)
class Trigger:
    words: frozenset[str]
    before: int  # how far before a trigger word a match may start


@cache
def _triggers() -> dict[str, Trigger]:
    """For each rule, the words one of which its matches contain (data/timex/triggers.json).

    A phrase of a word list ("pour le moment") contributes its last word ("moment").
    """
    lex = lexicon()
    raw = json.loads(
        resources.files("recoupe").joinpath("data", "timex", "triggers.json").read_text("utf-8")
    )
    out: dict[str, Trigger] = {}
    for rule, spec in raw.items():
        if rule.startswith("_"):
            continue
        words: set[str] = set()
        for item in spec["words"]:
            phrases = getattr(lex, item[1:]) if item.startswith("@") else [item]
            for phrase in phrases:  # the last word of a phrase is in all its matches
                tokens = _TOKEN.findall(phrase.lower())
                words.add(phrase if phrase.startswith("#") else tokens[-1])
        out[rule] = Trigger(frozenset(words), int(spec["before"]))
    return out


@cache
def _trigger_pattern(ignore_case: bool) -> re.Pattern[str]:
    """All trigger words as one trie-shaped pattern (one pass over the text finds them)."""
    words = {w for t in _triggers().values() for w in t.words if not w.startswith("#")}
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<!\w)(?:{p.trie(words)})(?!\w)", flags)


def _word_index(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where the trigger words (lower case) of ``text`` are, and the classes #year (four
    digits), #clock ("h", "14h30"), #slash ("3/02") and #colon ("14:30")."""
    index: dict[str, list[tuple[int, int]]] = {}
    low = text.lower()
    same = len(low) == len(text)  # lower() keeps offsets (it does for French)
    for m in _trigger_pattern(not same).finditer(low if same else text):
        index.setdefault(m.group().lower(), []).append(m.span())
    for m in _CLASSES.finditer(text):
        name = "#clock" if m.lastgroup == "h" else f"#{m.lastgroup}"
        index.setdefault(name, []).append(m.span())
    return index


def _windows(text: str, spans: list[tuple[int, int]], before: int) -> list[tuple[int, int]]:
    """Merged windows around ``spans``, each ending on a space (lookaheads see the text)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        lo = max(0, start - before)
        space = _SPACE.search(text, end + _AFTER)
        hi = space.start() if space else len(text)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


@cache
def _rules_by_word() -> dict[str, tuple[int, ...]]:
    """For each trigger word, the rules (indexes into ``_rules()``) it starts."""
    out: dict[str, list[int]] = {}
    triggers = _triggers()
    for i, (_, handler) in enumerate(_rules()):
        for word in triggers[handler.__name__].words:
            out.setdefault(word, []).append(i)
    return {w: tuple(ids) for w, ids in out.items()}


@cache
def _rules() -> tuple[Rule, ...]:
    return tuple(rule for rules in _RULE_SETS for rule in rules)


def find_candidates(text: str) -> list[Candidate]:
    """Every reading the grammar finds, overlapping ones included."""
    rules = _rules()
    by_word = _rules_by_word()
    triggers = _triggers()
    hits: dict[int, list[tuple[int, int]]] = {}
    for word, spans in _word_index(text).items():
        for i in by_word.get(word, ()):
            hits.setdefault(i, []).extend(spans)
    found: list[Candidate] = []
    for i in sorted(hits):  # rules in their order, each around its trigger words
        pattern, handler = rules[i]
        compiled = pattern()
        for lo, hi in _windows(text, hits[i], triggers[handler.__name__].before):
            for m in compiled.finditer(text, lo, hi):
                found.extend(as_list(handler(m, text)))
    return found


def select(candidates: Iterable[Candidate]) -> list[Candidate]:
    """The longest non-overlapping candidates (then by priority), in text order."""
    ranked = sorted(candidates, key=lambda c: (c.start - c.end, -c.priority, c.start))
    starts: list[int] = []
    kept: list[Candidate] = []
    for cand in ranked:
        i = bisect.bisect_left(starts, cand.start)
        if i > 0 and kept[i - 1].end > cand.start:
            continue
        if i < len(kept) and kept[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        kept.insert(i, cand)
    return kept


def with_bounds(text: str, cand: Candidate) -> Candidate:
    """ "la fin de 2011", "début des années 60", "la mi-octobre": START/END/MID."""
    expr = cand.expr
    if expr.kind != CALENDAR or expr.mod or expr.day is not None or expr.weekday is not None:
        return cand
    m = _bound_prefix().search(text, max(0, cand.start - 30), cand.start)
    if not m:
        return cand
    mod = lexicon().boundaries.get(m.group("bound").lower())
    if not mod:
        return cand
    return Candidate(m.start(), cand.end, expr._replace(mod=mod), cand.priority)


def tag(text: str, dct: str | None = None) -> list[TimexMatch]:
    """The TIMEX3 expressions of ``text``, normalised against ``dct`` (a TIMEX3 date)."""
    chosen = select(with_bounds(text, c) for c in find_candidates(text))
    return list(_resolve_all(text, chosen, parse_point(dct)))


def _day_like(expr: Expr) -> bool:
    if expr.kind == CALENDAR:
        return expr.day is not None or expr.weekday is not None
    return expr.kind == RELATIVE and expr.unit == "D" and expr.base == "dct"


def resolution_order(text: str, chosen: list[Candidate]) -> list[int]:
    """Text order, except that a clock time just before its day ("Vers 0 h 40, jeudi")
    is resolved after that day."""
    order = list(range(len(chosen)))
    i = 0
    while i < len(chosen) - 1:
        a, b = chosen[i], chosen[i + 1]
        if a.expr.kind == CLOCK and _day_like(b.expr) and not text[a.end : b.start].strip(" ,"):
            order[i], order[i + 1] = order[i + 1], order[i]
            i += 1
        i += 1
    return order


_SPAN_STARTS = ("depuis",)


def _counts_back(expr: Expr) -> bool:
    return expr.kind in (RELATIVE, OFFSET) and (expr.amount or 0) < 0


def _resolve_all(text: str, chosen: list[Candidate], dct: Point | None) -> Iterator[TimexMatch]:
    anchor = dct
    shift_anchor = dct  # what "une semaine plus tôt", "la veille" count back from
    hint: tuple[int, int] | None = None  # (sentence start, year) of the last explicit year
    done: dict[int, TimexMatch] = {}
    for index in resolution_order(text, chosen):
        cand = chosen[index]
        expr = cand.expr
        year_hint = None  # a year said earlier in the same sentence
        wants_year = hint is not None and expr.kind == CALENDAR and expr.year is None
        if wants_year and hint and hint[0] == sentence_span(text, cand.start, cand.end)[0]:
            year_hint = hint[1]
        start, end = cand.start, cand.end
        resolved = resolve(
            expr,
            Situation(dct, shift_anchor if _counts_back(expr) else anchor, year_hint),
            lambda s=start, e=end: direction_at(text, s, e),  # type: ignore[misc]
        )
        if resolved.point is not None:
            anchor = resolved.point
            # "1 240 cas depuis le 1er janvier, contre 860 une semaine plus tôt": the start
            # of a span ("depuis …") is not when the story stands: nothing counts back
            # from it (the day after it, "le lendemain", still follows it)
            if not preceded_by(text, start, _SPAN_STARTS):
                shift_anchor = resolved.point
            explicit = expr.kind == CALENDAR and expr.year is not None
            if explicit or (expr.kind == RELATIVE and expr.unit == "Y"):
                hint = (sentence_span(text, start, end)[0], resolved.point.day.year)
        done[index] = TimexMatch(
            start=cand.start,
            end=cand.end,
            text=text[cand.start : cand.end],
            type=expr.type,
            value=resolved.value,
            mod=expr.mod,
            anchored=resolved.anchored,
        )
    for index in range(len(chosen)):
        yield done[index]
