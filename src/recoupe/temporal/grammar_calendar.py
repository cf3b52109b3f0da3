"""Rules for calendar expressions: dates, months, years, seasons, weekdays, holidays.

Each rule is a pattern and a handler turning a match into :class:`Candidate` objects
(or nothing, when the context shows the words are not a date). Patterns are built from
the word lists in ``data/timex``; only the rules are code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from recoupe.temporal import patterns as p
from recoupe.temporal.context import PRESENT, direction_at, is_generic, words_after, words_before
from recoupe.temporal.expressions import CALENDAR, EPOCH, FIXED, RELATIVE, Candidate, Expr
from recoupe.temporal.lexicon import lexicon
from recoupe.temporal.values import safe_date

Found = Candidate | list[Candidate] | None
Rule = tuple[Callable[[], re.Pattern[str]], Callable[[re.Match[str], str], Found]]
SP, OSP, DAYNUM, YEAR4, APOS = p.SP, p.OSP, p.DAYNUM, p.YEAR4, p.APOS
REL = r"(?P<rel>derniers?|dernières?|prochains?|prochaines?|passée?)"
_FIRST = ("1er", "1re", "1ère", "premier")


def _day(text: str) -> int:
    return 1 if text.lower() in _FIRST else int(text)


def month_number(text: str) -> int:
    lex = lexicon()
    key = text.lower()
    return lex.months.get(key) or lex.month_abbreviations.get(key) or 0


def rel_direction(rel: str | None) -> int | None:
    if not rel:
        return None
    return -1 if rel.lower().startswith(("dernier", "dernière", "pass")) else 1


def short_year_ok(text: str, end: int) -> bool:
    """A two-digit year must end the phrase (punctuation or a function word follows)."""
    after = words_after(text, end, 20)
    return not after or not after[0][0].isalnum() or after[0] in lexicon().year_followers


def _year(m: re.Match[str], text: str) -> tuple[int | None, bool, int]:
    """(year, written with two digits, end of the match); a refused year ends it earlier."""
    raw = m.group("year")
    if not raw:
        return None, False, m.end()
    digits = raw.lstrip("'’")
    if len(digits) == 4:
        return int(digits), False, m.end()
    if short_year_ok(text, m.end("year")):
        return int(digits), True, m.end()
    return None, False, m.end("month")


# --- "le mardi 7 octobre 2023", "1er septembre prochain" -------------------------------


@cache
def _full_date() -> re.Pattern[str]:
    return p.compiled(
        rf"(?<![\w-])(?:(?P<art>le|ce){SP})?(?:(?P<wd>{p.weekday()}),?{SP})?"
        rf"(?P<day>{DAYNUM})(?:{SP}|-(?=[A-Z]))(?P<month>{p.month_any()})(?![\w-])"
        rf"(?:{SP}(?P<year>{YEAR4}|{APOS}?\d\d)(?![\d%]|[.,]\d))?(?:{SP}{REL}(?![\w-]))?"
    )


def full_date(m: re.Match[str], text: str) -> Found:
    year, short, end = _year(m, text)
    rel = m.group("rel") if end == m.end() else None
    wd = m.group("wd")
    if safe_date(2000, month_number(m.group("month")), _day(m.group("day"))) is None:
        return None  # "le 31 février": not a date
    if in_a_name(m, text):
        return None
    later = _PART_AFTER_DAY.match(text, end)  # "le 7 octobre 2023 au matin"
    part = lexicon().parts_of_day.get(later.group("part").lower()) if later else None
    expr = Expr(
        "TIME" if part else "DATE",
        CALENDAR,
        year=year,
        short_year=short,
        month=month_number(m.group("month")),
        day=_day(m.group("day")),
        weekday=lexicon().weekdays[wd.lower()] if wd else None,
        direction=rel_direction(rel),
        part=part,
    )
    return Candidate(m.start(), later.end() if later and part else end, expr, 2)


def in_a_name(m: re.Match[str], text: str) -> bool:
    """ "rue du 4-Septembre", "place du 8-Mai-1945", "le Mouvement du 14-Mars": a date after
    a street, place or group noun and "du" is part of that name."""
    before = words_before(text, m.start(), 30)
    return len(before) >= 2 and before[-1] == "du" and before[-2] in lexicon().name_heads


_PART_AFTER_DAY = re.compile(rf"{SP}(?:au|en){SP}(?P<part>matin|soir)(?![\w-])", re.IGNORECASE)


# --- "les 6 et 13 avril", "du 19 au 23 juillet": the first day --------------------------


@cache
def _day_pair() -> re.Pattern[str]:
    return p.compiled(
        rf"(?<![\w-])(?:(?P<art>les){SP})?(?P<d1>{DAYNUM})(?=(?:{SP}(?:et|au|à){SP}|{OSP}-{OSP})"
        rf"(?:le{SP})?{DAYNUM}{SP}(?P<month>{p.month()})(?![\w-])"
        rf"(?:{SP}(?P<year>{YEAR4})(?!\d))?(?:{SP}{REL}(?![\w-]))?)"
    )


def day_pair(m: re.Match[str], text: str) -> Found:
    year = m.group("year")
    expr = Expr(
        "DATE",
        CALENDAR,
        year=int(year) if year else None,
        month=month_number(m.group("month")),
        day=_day(m.group("d1")),
        direction=rel_direction(m.group("rel")),
    )
    return Candidate(m.start(), m.end(), expr, 1)


# --- "le 3/02/2024", "2024-03-05" -------------------------------------------------------


@cache
def _numeric_date() -> re.Pattern[str]:
    return p.compiled(
        rf"(?<![\w/.,-])(?:(?P<art>le){SP})?(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>{YEAR4}|\d\d)"
        rf"(?![\w/-]|[.,]\d)"
    )


def numeric_date(m: re.Match[str], text: str) -> Found:
    day, month, raw = int(m.group("d")), int(m.group("m")), m.group("y")
    if safe_date(2000, month, day) is None:
        return None
    expr = Expr("DATE", CALENDAR, year=int(raw), short_year=len(raw) == 2, month=month, day=day)
    return Candidate(m.start(), m.end(), expr, 2)


@cache
def _iso_date() -> re.Pattern[str]:
    return p.compiled(r"(?<![\w/.,-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w/-]|[.,]\d)")


def iso_date(m: re.Match[str], text: str) -> Found:
    day, month = int(m.group("d")), int(m.group("m"))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    expr = Expr("DATE", CALENDAR, year=int(m.group("y")), month=month, day=day)
    return Candidate(m.start(), m.end(), expr, 2)


# --- "mois de juin", "octobre 98", "janvier dernier" ---------------------------------


@cache
def _month() -> re.Pattern[str]:
    return p.compiled(
        rf"(?:(?<![\w-])|(?<=mi-))(?:(?P<mois>(?:le{SP})?mois){SP}(?:de{SP}|d{APOS}))?"
        rf"(?P<month>{p.month()})(?![\w-])"
        rf"(?:{SP}(?P<year>{YEAR4}|{APOS}?\d\d)(?![\d%]|[.,]\d))?(?:{SP}{REL}(?![\w-]))?"
    )


_MARS_CUES = frozenset({"en", "de", "d'", "d’", "depuis", "dès", "fin", "début", "mi", "courant"})


def month(m: re.Match[str], text: str) -> Found:
    name = m.group("month")
    year, short, end = _year(m, text)
    if name == "Mars" and not m.group("mois") and year is None:
        before = words_before(text, m.start(), 20)
        if not before or before[-1] not in _MARS_CUES:
            return None  # the planet, the chocolate bar, the god
    rel = m.group("rel") if end == m.end() else None
    expr = Expr(
        "DATE",
        CALENDAR,
        year=year,
        short_year=short,
        month=month_number(name),
        direction=rel_direction(rel),
    )
    return Candidate(m.start(), end, expr, 1)


# --- years: "en 2014", "l'année 2001", "1999-2000" ------------------------------------


@cache
def _year_rule() -> re.Pattern[str]:
    return p.compiled(
        rf"(?:(?<![\w.,/-])|(?<=mi-))(?<!\d )(?<!\d\u00a0)"
        rf"(?:(?P<pre>l{APOS}an(?:née)?){SP})?(?P<year>{YEAR4})"
        rf"(?:-(?P<year2>{YEAR4}))?(?![\w/-]|[.,]\d|{OSP}%|{SP}\d{{3}}(?!\d))"
    )


_STRONG_YEAR_CUES = frozenset(
    {"en", "depuis", "dès", "jusqu'en", "année", "an", "fin", "début", "mi", "courant"}
)


def year(m: re.Match[str], text: str) -> Found:
    if not m.group("pre") and not _year_context_ok(m, text):
        return None
    first = Candidate(m.start(), m.end("year"), Expr("DATE", CALENDAR, year=int(m["year"])), 1)
    if not m.group("year2"):
        return Candidate(m.start(), m.end(), first.expr, 1)
    second = Expr("DATE", CALENDAR, year=int(m.group("year2")))
    return [first, Candidate(m.start("year2"), m.end("year2"), second, 1)]


def _year_context_ok(m: re.Match[str], text: str) -> bool:
    """A bare 4-digit number is a year after "en", "depuis"..., or when no noun follows it
    ("1200 soldats" is a count; "en 2014 de nombreuses villes", "2004 auront lieu" are years)."""
    lex = lexicon()
    before = words_before(text, m.start(), 30)
    prev = before[-1] if before else ""
    if prev in lex.year_blockers_before:
        return False
    if prev in _STRONG_YEAR_CUES or prev in lex.months:
        return True
    after = words_after(text, m.end(), 30)
    nxt = after[0] if after else ""
    if not nxt or not nxt[0].isalnum() or nxt.isdigit():
        return True
    if text[m.end() : m.end() + 8].lstrip()[:1].isupper():
        return True
    return nxt in lex.year_followers or _is_verb_form(nxt)


def _is_verb_form(word: str) -> bool:
    tense = lexicon().tense
    return any(
        word in tense[k]
        for k in (
            "future_words",
            "past_words",
            "present_words",
            "conditional_words",
            "be_words",
            "avoir_words",
        )
    )


# --- decades and centuries ------------------------------------------------------------


@cache
def _decade() -> re.Pattern[str]:
    words = p.alternation(lexicon().decade_words)
    return p.compiled(
        rf"(?<![\w-])(?:(?P<art>les){SP})?années{SP}(?P<dec>(?:19|20)?\d0|{words})(?![\w-])"
    )


def decade(m: re.Match[str], text: str) -> Found:
    raw = m.group("dec").lower()
    if raw.isdigit():
        value = int(raw) // 10 if len(raw) == 4 else 190 + int(raw) // 10
    else:
        value = 190 + lexicon().decade_words[raw]
    return Candidate(m.start(), m.end(), Expr("DATE", CALENDAR, decade=value), 1)


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def _roman(text: str) -> int:
    total, previous = 0, 0
    for char in reversed(text.lower()):
        value = _ROMAN[char]
        total += -value if value < previous else value
        previous = max(previous, value)
    return total


@cache
def _century() -> re.Pattern[str]:
    return p.compiled(
        rf"(?<![\w-])(?:(?P<art>le){SP})?(?P<c>[IVXL]+|\d{{1,2}})(?:e|ème|è|eme){SP}siècles?(?![\w-])"
    )


def century(m: re.Match[str], text: str) -> Found:
    raw = m.group("c")
    number = int(raw) if raw.isdigit() else _roman(raw)
    if not 1 <= number <= 22:
        return None
    return Candidate(m.start(), m.end(), Expr("DATE", CALENDAR, century=number - 1), 1)


# --- seasons ----------------------------------------------------------------------------


@cache
def _season() -> re.Pattern[str]:
    return p.compiled(
        rf"(?<![\w-])(?P<det>l{APOS}|cet{SP}|ce{SP}|cette{SP})?(?P<season>{p.season()})(?![\w-])"
        rf"(?:{SP}(?:de{SP})?(?P<year>{YEAR4})(?!\d))?(?:{SP}(?P<rel>dernier|prochain|passé)(?![\w-]))?"
    )


# "l'été des festivals" names no time; "la fermeture d'ici à l'été de son usine", "l'été de
# ses vingt ans", "l'été de cette année" do (a possessive or demonstrative follows "de")
_OF = re.compile(
    rf"{SP}(?:de|du|des|d{APOS})(?![\w-])"
    rf"(?!{SP}(?:son|sa|ses|leur|leurs|mon|ma|mes|notre|nos|votre|vos|ce|cet|cette|ces)(?![\w-]))",
    re.IGNORECASE,
)
_SEASON_HEADS = frozenset({"en", "au", "chaque", "comme", "tout"})


def season(m: re.Match[str], text: str) -> Found:
    name = m.group("season")
    det = m.group("det")
    if not det and not _bare_season_ok(m, text):
        return None
    followed = _OF.match(text, m.end())
    if followed and not m.group("year") and not m.group("rel"):
        return None  # "le printemps de l'environnement", "l'été des festivals"
    yr = m.group("year")
    this = (det or "").strip().lower() in ("cet", "ce", "cette")
    expr = Expr(
        "DATE",
        CALENDAR,
        year=int(yr) if yr else None,
        season=lexicon().seasons[name.lower()],
        direction=0 if this and not m.group("rel") else rel_direction(m.group("rel")),
    )
    return Candidate(m.start(), m.end(), expr, 1)


def _bare_season_ok(m: re.Match[str], text: str) -> bool:
    before = words_before(text, m.start(), 20)
    prev = before[-1] if before else "."
    if prev in _SEASON_HEADS:
        return True
    after = words_after(text, m.end(), 12)
    if after and after[0] == "comme":
        return True
    return not prev[0].isalnum() and m.group("season")[0].isupper()


@cache
def _summer_months() -> re.Pattern[str]:
    return p.compiled(rf"(?<![\w-])(?:les{SP})?mois{SP}d{APOS}(?P<season>été|hiver)(?![\w-])")


def summer_months(m: re.Match[str], text: str) -> Found:
    expr = Expr("DATE", CALENDAR, season=lexicon().seasons[m.group("season").lower()])
    return Candidate(m.start(), m.end(), expr, 2)


# --- weekdays -----------------------------------------------------------------------------

_PART = r"(?P<part>matin|soir|après-midi|apres-midi|midi|soirée|matinée)"


@cache
def _weekday() -> re.Pattern[str]:
    return p.compiled(
        rf"(?<![\w-])(?:(?P<pre>le|ce|ce{SP}même|le{SP}même){SP})?(?P<wd>{p.weekday()})(?![\w-])"
        rf"(?:{SP}{_PART}(?![\w-]))?(?:{SP}(?P<rel>dernier|prochain|passé)(?![\w-]))?"
    )


def weekday(m: re.Match[str], text: str) -> Found:
    lex = lexicon()
    after = words_after(text, m.end("wd"), 20)
    if after and after[0] in lex.weekday_blockers:
        return None
    number = lex.weekdays[m.group("wd").lower()]
    pre = (m.group("pre") or "").lower()
    if pre == "le" and not m.group("rel") and not m.group("part") and _habit(m, text):
        return Candidate(m.start(), m.end(), Expr("SET", FIXED, f"XXXX-WXX-{number}"), 1)
    part = lex.parts_of_day.get((m.group("part") or "").lower())
    expr = Expr(
        "TIME" if part else "DATE",
        CALENDAR,
        weekday=number,
        part=part,
        direction=rel_direction(m.group("rel")),
    )
    return Candidate(m.start(), m.end(), expr, 1)


def _habit(m: re.Match[str], text: str) -> bool:
    """ "le mercredi" as a habit: a habit marker, or no past or future verb around."""
    return is_generic(text, m.start()) or direction_at(text, m.start(), m.end()) in (None, PRESENT)


@cache
def _ordinal_weekday() -> re.Pattern[str]:
    return p.compiled(
        rf"(?<![\w-])(?:(?P<art>le){SP})?(?P<ord>premier|1er|deuxième|second|troisième|quatrième"
        rf"|dernier){SP}(?P<wd>{p.weekday()}){SP}(?:du{SP}mois{SP})?(?:de{SP}l{APOS}|de{SP}|d{APOS}"
        rf"|du{SP})(?:(?P<month>{p.month()})|(?P<season>{p.season()}))(?![\w-])"
        rf"(?:{SP}(?P<year>{YEAR4})(?!\d))?"
    )


def ordinal_weekday(m: re.Match[str], text: str) -> Found:
    lex = lexicon()
    yr = m.group("year")
    name = m.group("season")
    expr = Expr(
        "DATE",
        CALENDAR,
        year=int(yr) if yr else None,
        month=month_number(m.group("month")) if m.group("month") else None,
        season=lex.seasons[name.lower()] if name else None,
        weekday=lex.weekdays[m.group("wd").lower()],
        ordinal=lex.ordinals[m.group("ord").lower()],
    )
    return Candidate(m.start(), m.end(), expr, 2)


# --- nights: "la nuit de vendredi à samedi", "la soirée de mardi" ------------------------


@cache
def _night() -> re.Pattern[str]:
    return p.compiled(
        rf"(?<![\w-])(?:(?P<det>la|l{APOS}){OSP})?(?P<part>nuit|soirée|matinée|après-midi){SP}"
        rf"(?:de|du){SP}(?:(?P<wd>{p.weekday()})(?:{SP}(?:à|au){SP}{p.weekday()})?"
        rf"|(?P<day>{DAYNUM})(?:{SP}(?:à|au){SP}{DAYNUM})?{SP}(?P<month>{p.month()})"
        rf"(?:{SP}(?P<year>{YEAR4}))?)(?![\w-])"
    )


def night(m: re.Match[str], text: str) -> Found:
    lex = lexicon()
    wd, yr = m.group("wd"), m.group("year")
    expr = Expr(
        "TIME",
        CALENDAR,
        weekday=lex.weekdays[wd.lower()] if wd else None,
        day=_day(m.group("day")) if m.group("day") else None,
        month=month_number(m.group("month")) if m.group("month") else None,
        year=int(yr) if yr else None,
        part=lex.part_nouns[m.group("part").lower()],
    )
    return Candidate(m.start(), m.end(), expr, 2)


# --- holidays -----------------------------------------------------------------------------


@cache
def _holiday() -> re.Pattern[str]:
    lex = lexicon()
    names = p.alternation([*lex.fixed_holidays, *lex.easter_holidays])
    return p.compiled(
        rf"(?<![\w-])(?:(?P<det>cette|la|le|l{APOS}){OSP})?(?:fêtes?{SP}d[eu]s?{SP}(?:la{SP})?)?"
        rf"(?P<h>{names})(?![\w-])(?:{SP}(?P<year>{YEAR4})(?!\d))?"
    )


def holiday(m: re.Match[str], text: str) -> Found:
    lex = lexicon()
    name = m.group("h")
    key = re.sub(r"[\s\u00a0]+", " ", name.lower()).replace("’", "'")
    if " " not in key and not name[0].isupper():
        return None  # "l'ascension du col", "la pentecôte" written as a common noun
    yr = m.group("year")
    year_value = int(yr) if yr else None
    if key in lex.easter_holidays:
        expr = Expr("DATE", CALENDAR, year=year_value, easter_offset=lex.easter_holidays[key])
    else:
        mo, day = lex.fixed_holidays[key]
        expr = Expr("DATE", CALENDAR, year=year_value, month=mo, day=day)
    return Candidate(m.start(), m.end(), expr, 1)


# --- "d'ici le 30 juin": "ici" is the DCT; "à la même époque" --------------------------


@cache
def _ici() -> re.Pattern[str]:
    return p.compiled(
        rf"(?:(?<=d')|(?<=d’))ici(?={SP}(?:le|la|l{APOS}|à|au|fin|début|la|\d|{p.month()}|deux"
        rf"|trois|quelques|plusieurs|demain|{p.weekday()})(?![\w-]))"
    )


def ici(m: re.Match[str], text: str) -> Found:
    return Candidate(m.start(), m.end(), Expr("DATE", RELATIVE, unit="D", amount=0), 1)


# --- quarters and halves: "au premier trimestre 2023" (2023-Q1), "le second semestre" ---


@cache
def _year_part() -> re.Pattern[str]:
    parts = p.alternation(lexicon().year_parts)
    return p.compiled(
        rf"(?<![\w-])(?P<ord>{p.alternation(lexicon().ordinals)}|[1-4]{OSP}(?:e|ème|eme))"
        rf"{SP}(?P<part>{parts})(?![\w-])"
        rf"(?:{SP}(?:de{SP}|d{APOS})?(?P<year>{YEAR4})(?!\d))?"
    )


def year_part(m: re.Match[str], text: str) -> Found:
    lex = lexicon()
    code, count = lex.year_parts[m.group("part").lower()]
    word = m.group("ord").lower()
    number = lex.ordinals.get(word) or int(re.sub(r"\D", "", word) or 0)
    number = count if number == -1 else number  # "le dernier trimestre"
    if not 1 <= number <= count:
        return None
    yr = m.group("year")
    expr = Expr("DATE", CALENDAR, year=int(yr) if yr else None, season=f"{code}{number}")
    return Candidate(m.start(), m.end(), expr, 1)


def _epoch() -> re.Pattern[str]:
    return p.compiled(rf"(?<![\w-])la{SP}même{SP}(?:époque|période|saison)(?![\w-])")


def epoch(m: re.Match[str], text: str) -> Found:
    return Candidate(m.start(), m.end(), Expr("DATE", EPOCH), 1)


RULES: tuple[Rule, ...] = (
    (_full_date, full_date),
    (_day_pair, day_pair),
    (_numeric_date, numeric_date),
    (_iso_date, iso_date),
    (_month, month),
    (_year_rule, year),
    (_decade, decade),
    (_century, century),
    (_season, season),
    (_year_part, year_part),
    (_summer_months, summer_months),
    (_weekday, weekday),
    (_ordinal_weekday, ordinal_weekday),
    (_night, night),
    (_holiday, holiday),
    (_ici, ici),
    (_epoch, epoch),
)


def as_list(found: Found) -> Iterable[Candidate]:
    if found is None:
        return ()
    return found if isinstance(found, list) else (found,)
