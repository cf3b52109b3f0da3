"""Rules for clock times ("à 14 h 30", "vers midi") and sets ("chaque semaine").

"14 h" is a time of day unless a duration word comes before ("pendant 24 h"); "14
heures" is a duration unless a time word comes before ("à 14 heures") or minutes follow.
"""

from __future__ import annotations

import re
from functools import cache

from recoupe.temporal import patterns as p
from recoupe.temporal.context import preceded_by, words_before
from recoupe.temporal.expressions import CLOCK, FIXED, Candidate, Expr
from recoupe.temporal.grammar_calendar import Found, Rule
from recoupe.temporal.lexicon import lexicon
from recoupe.temporal.numbers import amount_string, parse_number
from recoupe.temporal.values import duration_value

SP, OSP, APOS = p.SP, p.OSP, p.APOS
_ROUND_THE_CLOCK = re.compile(rf"{OSP}(?:sur{SP}24|/{OSP}24)", re.IGNORECASE)
_UNTIL = re.compile(rf"{SP}(?:à|et){SP}\d", re.IGNORECASE)
_VERS = rf"(?P<vers>(?:vers|aux{SP}alentours{SP}de|autour{SP}de){SP})?"


def _clock_expr(m: re.Match[str], hour: int, minute: int) -> Candidate | None:
    if hour > 24 or minute > 59:
        return None
    mod = "APPROX" if m.group("vers") else None
    expr = Expr("TIME", CLOCK, hour=hour, minute=minute, mod=mod)
    return Candidate(m.start(), m.end(), expr, 2)


@cache
def _clock_h() -> re.Pattern[str]:
    return p.compiled(
        rf"(?<![\w,.:/-]){_VERS}(?P<h>[01]?\d|2[0-4]){OSP}h(?:{OSP}(?P<min>[0-5]\d))?(?![\w/])"
    )


def clock_h(m: re.Match[str], text: str) -> Found:
    hour, minute = int(m.group("h")), int(m.group("min") or 0)
    if _ROUND_THE_CLOCK.match(text, m.end()):
        return None  # "24 h sur 24"
    if not m.group("vers") and preceded_by(text, m.start(), lexicon().duration_cues_before):
        value = f"PT{hour}H" + (f"{minute}M" if minute else "")
        return Candidate(m.start(), m.end(), Expr("DURATION", FIXED, value), 2)
    return _clock_expr(m, hour, minute)


@cache
def _clock_word() -> re.Pattern[str]:
    return p.compiled(
        rf"(?<![\w,.:/-]){_VERS}(?P<h>[01]?\d|2[0-4]){SP}heures?(?:{SP}(?P<min>[0-5]\d))?(?![\w-])"
    )


def clock_word(m: re.Match[str], text: str) -> Found:
    hour, minute = int(m.group("h")), int(m.group("min") or 0)
    if not (m.group("vers") or m.group("min") or _time_cue(text, m)):
        return None  # a duration: the duration rule reads it
    return _clock_expr(m, hour, minute)


def _time_cue(text: str, m: re.Match[str]) -> bool:
    before = words_before(text, m.start(), 30)
    prev = before[-1] if before else ""
    if prev in ("de", "entre"):
        return _UNTIL.match(text, m.end()) is not None
    return preceded_by(text, m.start(), lexicon().time_cues_before) and prev not in ("de", "et")


@cache
def _clock_colon() -> re.Pattern[str]:
    return p.compiled(
        rf"(?<![\w,.:/-]){_VERS}(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?![\w:/]|[.,]\d)"
    )


def clock_colon(m: re.Match[str], text: str) -> Found:
    if not preceded_by(text, m.start(), lexicon().time_cues_before) and not m.group("vers"):
        return None  # "2:30" alone may be a score
    return _clock_expr(m, int(m.group("h")), int(m.group("min")))


@cache
def _noon() -> re.Pattern[str]:
    return p.compiled(rf"(?<![\w-]){_VERS}(?P<w>midi|minuit)(?![\w-])")


def noon(m: re.Match[str], text: str) -> Found:
    if not m.group("vers") and not preceded_by(
        text, m.start(), ("à", "dès", "jusqu'à", "avant", "après")
    ):
        return None
    return _clock_expr(m, 12 if m.group("w").lower() == "midi" else 24, 0)


# --- sets ---------------------------------------------------------------------------------


@cache
def _every() -> re.Pattern[str]:
    nouns = p.alternation(lexicon().set_nouns)
    return p.compiled(
        rf"(?<![\w-])(?P<q>chaque|tous{SP}les|toutes{SP}les)(?:{SP}(?P<num>{p.number()}))?"
        rf"{SP}(?:(?P<wd>{p.weekday()})s?|(?P<noun>{nouns}|étés|hivers|matins|soirs|nuits))(?![\w-])"
    )


def every(m: re.Match[str], text: str) -> Found:
    lex = lexicon()
    if m.group("wd"):
        value = f"XXXX-WXX-{lex.weekdays[m.group('wd').lower()]}"
        return Candidate(m.start(), m.end(), Expr("SET", FIXED, value), 2)
    noun = m.group("noun").lower()
    singular = noun[:-1] if noun.endswith("s") and noun[:-1] in lex.set_nouns else noun
    value = lex.set_nouns.get(singular) or lex.set_nouns[noun]
    if m.group("num"):
        amount = parse_number(m.group("num"))
        unit = lex.units.get(singular)
        if amount is None or unit is None:
            return None
        code, is_time = unit
        value = duration_value(
            amount_string(amount), {"M": "MIN"}.get(code, code) if is_time else code
        )
    return Candidate(m.start(), m.end(), Expr("SET", FIXED, value), 2)


@cache
def _weekday_plural() -> re.Pattern[str]:
    return p.compiled(rf"(?<![\w-])les{SP}(?P<wd>{p.weekday()})s(?![\w-])")


def weekday_plural(m: re.Match[str], text: str) -> Found:
    value = f"XXXX-WXX-{lexicon().weekdays[m.group('wd').lower()]}"
    return Candidate(m.start(), m.end(), Expr("SET", FIXED, value), 2)


@cache
def _per() -> re.Pattern[str]:
    return p.compiled(
        rf"(?<![\w-])par{SP}(?P<noun>jour|an|année|mois|semaine|semestre|trimestre|nuit)(?![\w-])"
    )


def per(m: re.Match[str], text: str) -> Found:
    value = lexicon().set_nouns[m.group("noun").lower()]
    return Candidate(m.start("noun"), m.end("noun"), Expr("SET", FIXED, value), 1)


@cache
def _frequency() -> re.Pattern[str]:
    lex = lexicon()
    words = p.alternation([*lex.frequency_adjectives, *lex.nocturnal_adjectives])
    return p.compiled(rf"(?<![\w-])(?P<adj>{words})(?![\w-])")


def frequency(m: re.Match[str], text: str) -> Found:
    lex = lexicon()
    before = words_before(text, m.start(), 30)
    if not before or not before[-1][0].isalpha() or before[-1] in lex.determiners:
        return None  # "le quotidien local" is a newspaper
    adj = m.group("adj").lower()
    if adj in lex.nocturnal_adjectives:
        return Candidate(
            m.start(), m.end(), Expr("TIME", FIXED, f"T{lex.nocturnal_adjectives[adj]}"), 0
        )
    return Candidate(m.start(), m.end(), Expr("SET", FIXED, lex.frequency_adjectives[adj]), 0)


RULES: tuple[Rule, ...] = (
    (_clock_h, clock_h),
    (_clock_word, clock_word),
    (_clock_colon, clock_colon),
    (_noon, noon),
    (_every, every),
    (_weekday_plural, weekday_plural),
    (_per, per),
    (_frequency, frequency),
)
