"""Rules for amounts of time: durations, offsets, clock times and sets.

"pendant trois ans" (P3Y), "depuis plus d'un mois" (P1M, MORE_THAN), "trois ans plus
tard" (anchored date), "il y a une semaine", "à 14 h 30", "chaque semaine" (SET).
Ages ("Jean, 19 ans,", "âgé de 19 ans", "une fillette de 6 ans") are not durations here.
"""

from __future__ import annotations

import re
from functools import cache

from recoupe.temporal import patterns as p
from recoupe.temporal.context import words_after, words_before
from recoupe.temporal.expressions import FIXED, OFFSET, Candidate, Expr
from recoupe.temporal.grammar_calendar import Found, Rule
from recoupe.temporal.lexicon import lexicon
from recoupe.temporal.numbers import amount_string, parse_number
from recoupe.temporal.values import duration_value

SP, OSP, APOS = p.SP, p.OSP, p.APOS
_TIME_UNITS = {"S": "S", "M": "MIN", "H": "H"}
_OFFSET_END = frozenset({"", ",", ".", ";", ":", "!", "?", ")", "»", "et", "mais", "«"})


def _key(text: str) -> str:
    return re.sub(r"[\s\u00a0]+", " ", text.lower()).replace("’", "'")


def _unit(word: str) -> tuple[str, bool]:
    return lexicon().units[_key(word)]


def _value_unit(code: str, is_time: bool) -> str:
    return _TIME_UNITS.get(code, code) if is_time else code


# --- durations and offsets ------------------------------------------------------------


@cache
def _duration() -> re.Pattern[str]:
    lex = lexicon()
    approx = p.alternation(lex.approximate_numbers)
    vague = p.alternation(lex.vague_quantities)
    return p.compiled(
        rf"(?<![\w-])(?:(?P<il>il{SP}y{SP}a|voici|voilà){SP})?"
        rf"(?:(?P<mod>{p.quantity_modifier()})(?:{SP}|(?<=['’])))?"
        rf"(?:(?P<approx>une?{SP}{approx}){SP}(?:de{SP}|d{APOS})|(?P<vague>{vague}){SP}"
        rf"|(?P<num>{p.number()}){OSP})(?P<unit>{p.unit()})"
        rf"(?P<half>{SP}et{SP}demie?(?![\w-]))?"
        rf"(?:{SP}(?P<off>plus{SP}tard|plus{SP}tôt|auparavant|après|avant)(?![\w-]))?"
    )


def duration(m: re.Match[str], text: str) -> Found:
    lex = lexicon()
    unit_word = _key(m.group("unit"))
    code, is_time = _unit(unit_word)
    amount = _amount(m)
    if amount is False or _refused(m, text, unit_word):
        return None
    mod = lex.quantity_modifiers.get(_key(m.group("mod"))) if m.group("mod") else None
    if m.group("approx") and not mod:
        mod = "APPROX"
    off, end = _offset_word(m, text)
    if m.group("il") or off:
        return _offset(m, code, is_time, amount, off, end, mod)
    number = "X" if amount is None else amount_string(amount)
    value = duration_value(number, _value_unit(code, is_time))
    return Candidate(m.start(), end, Expr("DURATION", FIXED, value, mod=mod), 1)


def _amount(m: re.Match[str]) -> float | bool | None:
    """The number of units, None when vague ("quelques"), False when unreadable."""
    if m.group("vague"):
        return None
    if m.group("approx"):
        word = _key(m.group("approx")).split(" ")[-1]
        value: float | None = float(lexicon().approximate_numbers[word])
    else:
        value = parse_number(m.group("num"))
    if value is None:
        return False
    return value + (0.5 if m.group("half") else 0.0)


_CLOCK_BEFORE = re.compile(r"\d{1,2}\s*h\s*$", re.IGNORECASE)


def _refused(m: re.Match[str], text: str, unit_word: str) -> bool:
    vague = _key(m.group("vague") or "")
    before = words_before(text, m.start(), 30)
    if vague == "des" and not (before and before[-1] in ("depuis", "pendant", "durant", "a")):
        return True  # "des jours de grève"; "depuis des années", "il y a des années" pass
    num = _key(m.group("num") or "")
    bare = not (m.group("mod") or m.group("il") or m.group("off"))
    if bare and num in ("un", "une") and unit_word in ("jour", "nuit"):
        return True  # "un jour" is "some day"
    if num in ("un", "une") and unit_word == "heure" and before and before[-1] in ("à", "vers"):
        return True  # "à une heure": a clock time
    if unit_word.startswith("heure") and _CLOCK_BEFORE.search(text, 0, m.start()):
        return True  # "à 18 h 30 heure locale": the minutes of a clock time, then "heure"
    if unit_word in ("an", "ans", "années") and not m.group("il") and not m.group("off"):
        return _is_age(m, text)
    return False


@cache
def _age_cue() -> re.Pattern[str]:
    cues = "|".join(re.escape(c) for c in lexicon().age_cues)
    return re.compile(rf"(?:{cues})\s+(?:de\s+|d')?$")


def _is_age(m: re.Match[str], text: str) -> bool:
    start = m.start("mod") if m.group("mod") else m.start("num") if m.group("num") else m.start()
    head = text[max(0, start - 40) : start].lower().replace("’", "'")
    after = text[m.end("unit") : m.end("unit") + 20].lstrip()
    if _age_cue().search(head):
        return True
    if re.search(r"\d\s*(?:-|à|et|ou)\s*$", head) or re.search(r"\bles\s*$", head):
        return True  # "de 2 à 8 ans", "les 6-16 ans", "les moins de 17 ans"
    digits = (m.group("num") or "").isdigit()
    stripped = head.rstrip()
    if digits and stripped[-1:] in (",", "(") and after[:1] in (",", ".", ";", ")", ""):
        return True  # "Jean Burget, 87 ans, ..."
    of_age = after.startswith(("de ", "d'", "d’")) is False
    if digits and of_age and re.search(r"(?:^|\s)à\s*$", head):
        return True  # "à 19 ans, il ..."
    if digits and of_age and re.search(r"(?:^|\s)(?:de|d')\s*$", head):
        prev = words_before(text, start, 40)
        noun = prev[-2] if len(prev) >= 2 else ""
        return noun not in lexicon().duration_heads and noun not in ("plus", "moins", "près")
    return False


def _offset_word(m: re.Match[str], text: str) -> tuple[str | None, int]:
    """The offset word ("plus tard", "avant"...) and the end of the expression."""
    off = m.group("off")
    if not off:
        return None, m.end()
    word = _key(off)
    if word in ("après", "avant"):
        after = words_after(text, m.end(), 12)
        if (after[0] if after else "") not in _OFFSET_END:  # "trois ans après la guerre"
            return None, m.end("half") if m.group("half") else m.end("unit")
    return word, m.end()


def _offset(
    m: re.Match[str],
    code: str,
    is_time: bool,
    amount: float | None,
    off: str | None,
    end: int,
    mod: str | None,
) -> Candidate:
    """A date counted from the DCT ("il y a trois ans") or the anchor ("trois ans plus tard")."""
    unit = "H" if is_time else code
    if is_time and code != "H":  # minutes, seconds: the same day
        amount = 0.0
    if unit == "6M":
        unit, amount = "M", None if amount is None else amount * 6
    if m.group("il"):
        sign, base = -1, "dct"
        mod = {"MORE_THAN": "BEFORE", "LESS_THAN": "AFTER"}.get(mod or "", mod)
        if amount is None:
            mod = "BEFORE"
    else:
        sign, base = (1 if off in lexicon().offset_future else -1), "anchor"
        mod = None if amount is not None else ("AFTER" if sign > 0 else "BEFORE")
    signed = None if amount is None else sign * amount
    expr = Expr("DATE", OFFSET, unit=unit, amount=signed, base=base, mod=mod, direction=sign)
    return Candidate(m.start(), end, expr, 2)


@cache
def _recent() -> re.Pattern[str]:
    return p.compiled(
        rf"(?<![\w-])(?P<det>ces|les|des)(?:{SP}(?P<num1>{p.number()}))?{SP}(?P<rel>derniers|dernières"
        rf"|prochains|prochaines)(?:{SP}(?P<num2>{p.number()}))?{SP}(?P<unit>{p.unit()})"
    )


def recent(m: re.Match[str], text: str) -> Found:
    code, is_time = _unit(m.group("unit"))
    raw = m.group("num1") or m.group("num2")
    amount = parse_number(raw) if raw else None
    number = "X" if amount is None else amount_string(amount)
    value = duration_value(number, _value_unit(code, is_time))
    return Candidate(m.start(), m.end(), Expr("DURATION", FIXED, value), 2)


@cache
def _whole() -> re.Pattern[str]:
    return p.compiled(
        rf"(?<![\w-])(?:toute{SP}(?:la{SP}|l{APOS})|tout{SP}le{SP})"
        rf"(?P<unit>année|journée|nuit|semaine|mois|week-end)(?![\w-])"
    )


def whole(m: re.Match[str], text: str) -> Found:
    code, _ = _unit(m.group("unit"))
    return Candidate(m.start(), m.end(), Expr("DURATION", FIXED, duration_value("1", code)), 2)


@cache
def _fraction() -> re.Pattern[str]:
    return p.compiled(
        rf"(?<![\w-])(?:(?P<mod>{p.quantity_modifier()})(?:{SP}|(?<=['’])))?(?:(?:une?){SP})?"
        rf"(?:demi-(?P<unit>heure|journée|siècle)|(?P<q>un|trois){SP}quarts?{SP}d{APOS}heure)(?![\w-])"
    )


def fraction(m: re.Match[str], text: str) -> Found:
    if m.group("q"):
        value = "PT15M" if m.group("q").lower() == "un" else "PT45M"
    else:
        value = {"heure": "PT30M", "journée": "PT12H", "siècle": "P50Y"}[m.group("unit").lower()]
    mod = lexicon().quantity_modifiers.get(_key(m.group("mod"))) if m.group("mod") else None
    return Candidate(m.start(), m.end(), Expr("DURATION", FIXED, value, mod=mod), 2)


@cache
def _term() -> re.Pattern[str]:
    return p.compiled(rf"(?<![\w-])(?P<term>{p.alternation(lexicon().unit_terms)})(?![\w-])")


def term(m: re.Match[str], text: str) -> Found:
    value = lexicon().unit_terms[_key(m.group("term"))]
    return Candidate(m.start(), m.end(), Expr("DURATION", FIXED, value), 1)


RULES: tuple[Rule, ...] = (
    (_duration, duration),
    (_recent, recent),
    (_whole, whole),
    (_fraction, fraction),
    (_term, term),
)
