"""Numbers in French text, before any grammar: digits, number words, collective numerals.

``find_numbers`` reads "2 500" (any kind of space), "2.000", "6,8", "1,5 milliard",
"trois", "deux mille cinq cents", "deux douzaines", "une quarantaine" (about 40) and
"des centaines" (vague, at least 200). What is counted, and whether a number is a figure
at all (dates, ages, ranks), is decided later on the parsed sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from text_to_num import text2num

from recoupe.analyze import quantity_lexicon as lex

_SPACE = "[ \u00a0\u202f]"


@dataclass(frozen=True, slots=True)
class NumberExpr:
    """A number read from the text: ``text[start:end]`` and what it is worth."""

    start: int
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    written: str = "digits"  # digits | words | collective
    scaled: bool = False  # ends with a scale or collective noun that takes "de" ("millions d'")
    plain_year: bool = False  # four plain digits that could be a year
    surface: str = ""  # text[start:end]
    before: str = ""  # up to 40 characters of text before ``start``
    after: str = ""  # up to 20 characters of text after ``end``


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    scales = lex.alternation(list(lex.scales()))
    coll = lex.alternation(list(lex.approx_nouns()))
    scale_or_coll = rf"(?:{_SPACE}+(?:(?P<scale>{scales})|(?P<coll>{coll})))?(?![\w])"
    digits = (
        rf"(?<![\w.,/\-–])(?P<num>\d{{1,3}}(?:{_SPACE}\d{{3}})+(?!\d)(?:,\d+)?"
        rf"|\d{{1,3}}(?:\.\d{{3}})+(?!\d)(?:,\d+)?|\d{{1,3}}(?:['’]\d{{3}})+(?!\d)(?:[.,]\d+)?"
        rf"|\d+(?:[.,]\d+)?)(?![\w])" + scale_or_coll
    )
    word = lex.alternation(lex.number_words())
    words = (
        rf"(?<![\w\-])(?P<num>(?:{word})(?:(?:[\s\-]+et[\s\-]+(?:un|une|onze)|[\s\-]+(?:{word})))*)"
        rf"(?![\w\-])" + scale_or_coll
    )
    plural_scales = lex.alternation([s for s in lex.scales() if s.endswith("s") and len(s) > 4])
    collective = (
        rf"(?<![\w])(?P<det>une?|des|plusieurs|quelques)\s+(?P<coll>{coll}|{plural_scales})(?![\w])"
        rf"(?:\s+de\s+(?P<scale>milliers|millions|milliards)(?![\w]))?"
    )
    flags = re.IGNORECASE
    return (re.compile(digits, flags), re.compile(words, flags), re.compile(collective, flags))


def find_numbers(text: str) -> list[NumberExpr]:
    """Every number expression in ``text``, left to right, without overlaps."""
    digits, words, collective = _patterns()
    found: list[NumberExpr] = []
    for m in collective.finditer(text):
        found.append(_collective(m))
    for m in digits.finditer(text):
        expr = _digits(m)
        if expr is not None:
            found.append(expr)
    for m in words.finditer(text):
        found.extend(_words(m))
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[NumberExpr] = []
    for expr in found:
        if kept and expr.start < kept[-1].end:
            continue
        kept.append(with_context(text, expr))
    return kept


def with_context(text: str, expr: NumberExpr) -> NumberExpr:
    """The expression with the words around it, so later steps need not slice the text."""
    return replace(
        expr,
        surface=text[expr.start : expr.end],
        before=text[max(0, expr.start - 40) : expr.start],
        after=text[expr.end : expr.end + 20],
    )


def parse_digits(raw: str) -> float | None:
    """ "2 500" -> 2500, "2.000" -> 2000, "50'000" -> 50000 (Swiss), "6,8" -> 6.8, "1.5" -> 1.5."""
    s = re.sub(_SPACE, "", raw)
    if re.fullmatch(r"\d{1,3}(?:['’]\d{3})+(?:[.,]\d+)?", s):
        s = s.replace("'", "").replace("’", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        s = s.replace(".", "")
    s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def _multiplier(m: re.Match[str]) -> tuple[float, bool]:
    scale, coll = m.group("scale"), m.group("coll")
    if scale:
        return lex.scales()[lex.normalise(scale)], True
    if coll:
        return lex.approx_nouns()[lex.normalise(coll)], True
    return 1.0, False


def _digits(m: re.Match[str]) -> NumberExpr | None:
    raw = m.group("num")
    value = parse_digits(raw)
    if value is None:
        return None
    factor, scaled = _multiplier(m)
    plain_year = bool(re.fullmatch(r"\d{4}", raw)) and 1000 <= value <= 2100 and not scaled
    return NumberExpr(m.start(), m.end(), value * factor, scaled=scaled, plain_year=plain_year)


def _words(m: re.Match[str]) -> list[NumberExpr]:
    """Number words; a run text2num rejects ("deux trois") is read word by word."""
    raw = m.group("num")
    value = _text2num(raw)
    factor, scaled = _multiplier(m)
    if value is not None:
        return [NumberExpr(m.start(), m.end(), value * factor, written="words", scaled=scaled)]
    out = []
    for w in re.finditer(r"[^\s\-]+", raw):
        v = _text2num(w.group())
        if v is not None:
            start = m.start() + w.start()
            out.append(NumberExpr(start, start + len(w.group()), v, written="words"))
    return out


def _text2num(raw: str) -> float | None:
    words = lex.normalise(raw)
    if words in ("un", "une"):
        return 1.0
    try:
        return float(text2num(words.replace("une", "un"), "fr"))
    except ValueError:
        return None


def _scale(word: str) -> float:
    """What a collective noun ("centaines", "milliers") or a scale word stands for."""
    return lex.approx_nouns().get(word) or lex.scales()[word]


def _collective(m: re.Match[str]) -> NumberExpr:
    det = m.group("det").lower()
    noun = lex.normalise(m.group("coll"))
    base = _scale(noun)
    if m.group("scale"):  # "des centaines de milliers"
        base *= _scale(lex.normalise(m.group("scale")))
    if det in ("un", "une"):
        return NumberExpr(
            m.start(), m.end(), base, qualifier="approx", written="collective", scaled=True
        )
    low = 2 * base
    return NumberExpr(
        m.start(), m.end(), low, low=low, qualifier="vague", written="collective", scaled=True
    )


_RANGE_STARTS = {"entre": ("et",), "de": ("à", "a"), "d'": ("à", "a"), "": ("à", "-", "–", "ou")}
_CHANGE_VERB = re.compile(
    r"(?:pass|augment|diminu|baiss|chut|grimp|mont|tomb|réduit|recul|progress|port)\w*\s+$",
    re.IGNORECASE,
)


def merge_ranges(text: str, numbers: list[NumberExpr]) -> list[NumberExpr]:
    """Join "entre 20 et 30", "de 20 à 30", "20 à 30" and "20-30" into one range."""
    out: list[NumberExpr] = []
    i = 0
    while i < len(numbers):
        a = numbers[i]
        b = numbers[i + 1] if i + 1 < len(numbers) else None
        joined = _range(text, a, b) if b is not None else None
        if joined is not None:
            out.append(joined)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _range(text: str, a: NumberExpr, b: NumberExpr) -> NumberExpr | None:
    gap = lex.normalise(text[a.end : b.start])
    before = text[max(0, a.start - 40) : a.start]
    lead = re.search(r"(?:^|\W)(entre|de|d')\s*$", before.replace("’", "'"), re.IGNORECASE)
    opener = lead.group(1).lower() if lead else ""
    if opener in ("de", "d'") and _CHANGE_VERB.search(before[: lead.start(1)] if lead else ""):
        return None
    if gap not in _RANGE_STARTS.get(opener, ()) and gap not in _RANGE_STARTS[""]:
        return None
    if opener == "" and gap == "ou":
        return None
    if (gap in ("-", "–") and a.written != "digits") or (a.plain_year and b.plain_year):
        return None
    low = a.value
    if b.scaled and not a.scaled and a.value < b.value:
        low = a.value * (b.value / _unscaled(text, b))
    if low >= b.value:
        return None
    start = a.start - (len(before) - lead.start(1)) if lead else a.start
    joined = replace(
        b,
        start=start,
        value=(low + b.value) / 2,
        low=low,
        high=b.value,
        qualifier="range",
        plain_year=False,
    )
    return with_context(text, joined)


def _unscaled(text: str, expr: NumberExpr) -> float:
    """The bare number of a scaled expression ("2" of "2 millions")."""
    m = re.match(r"[\d \u00a0\u202f.,]+", text[expr.start : expr.end])
    value = parse_digits(m.group().strip()) if m else None
    return value or expr.value
