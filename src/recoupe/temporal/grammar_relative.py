"""Rules for expressions relative to the DCT or to the previous date of the text.

"hier soir", "aujourd'hui", "ce matin", "la semaine dernière", "l'année suivante",
"le lendemain", "dans la soirée", "en fin d'après-midi", "maintenant", "l'avenir".
"""

from __future__ import annotations

import re
from functools import cache

from recoupe.temporal import patterns as p
from recoupe.temporal.context import words_after, words_before
from recoupe.temporal.expressions import FIXED, RELATIVE, Candidate, Expr
from recoupe.temporal.grammar_calendar import Found, Rule
from recoupe.temporal.lexicon import lexicon

SP, OSP, APOS = p.SP, p.OSP, p.APOS
_PARTS = r"matin|soir|après-midi|apres-midi|midi"
_PART_NOUNS = r"matinée|après-midi|apres-midi|soirée|journée|nuit"


def _part(word: str | None) -> str | None:
    if not word:
        return None
    lex = lexicon()
    key = word.lower()
    return lex.parts_of_day.get(key) or lex.part_nouns.get(key)


# --- "hier", "aujourd'hui vendredi", "hier en début d'après-midi" ------------------------


@cache
def _deictic() -> re.Pattern[str]:
    words = p.alternation(lexicon().deictic_days)
    return p.compiled(
        rf"(?<![\w-])(?P<word>{words})(?![\w-])(?:{SP}(?P<wd>{p.weekday()})(?![\w-]))?"
        rf"(?:{SP}(?P<part>{_PARTS})(?![\w-])|{SP}(?:en{SP}|dans{SP}la{SP})?(?P<bound>début|fin|milieu)"
        rf"{SP}(?:de{SP}|d{APOS})(?P<part2>{_PART_NOUNS})(?![\w-]))?"
    )


def deictic(m: re.Match[str], text: str) -> Found:
    lex = lexicon()
    word = m.group("word").lower().replace("’", "'")
    shift = lex.deictic_days[word]
    part = _part(m.group("part") or m.group("part2"))
    if part == "DT":
        part = None
    bound = m.group("bound")
    mod = lex.boundaries.get(bound.lower()) if bound else None
    if shift == 0 and not part and not m.group("wd") and _present_sense(m, text):
        return Candidate(m.start(), m.end(), Expr("TIME", FIXED, "PRESENT_REF"), 1)
    expr = Expr("TIME" if part else "DATE", RELATIVE, unit="D", amount=shift, part=part, mod=mod)
    return Candidate(m.start(), m.end(), expr, 2)


def _present_sense(m: re.Match[str], text: str) -> bool:
    """ "aujourd'hui" meaning "nowadays": set off by commas, or in a negated clause."""
    before = text[max(0, m.start() - 80) : m.start()].rstrip()
    after = text[m.end() : m.end() + 8].lstrip()
    opens = not before or before[-1] in ",;:.!?«(\n"
    if opens and after[:1] == ",":
        return True
    clause = re.split(r"[,;:.!?«»()\n]", before)[-1].lower()
    return re.search(r"(?<![\w-])(?:ne|n['’])(?=\W)", clause + " ") is not None


# --- "ce matin", "cette nuit", "la nuit dernière" ----------------------------------------


@cache
def _this_part() -> re.Pattern[str]:
    return p.compiled(
        rf"(?<![\w-])(?:(?P<det>ce|cet|cette){SP}(?P<part>matin|soir|après-midi|apres-midi|midi|nuit"
        rf"|matinée|soirée)|la{SP}(?P<part2>nuit|soirée){SP}(?P<rel>dernière|passée|prochaine))"
        rf"(?![\w-])"
    )


def this_part(m: re.Match[str], text: str) -> Found:
    part = _part(m.group("part") or m.group("part2"))
    rel = (m.group("rel") or "").lower()
    shift = -1 if rel in ("dernière", "passée") else 1 if rel == "prochaine" else 0
    expr = Expr("TIME", RELATIVE, unit="D", amount=shift, part=part)
    return Candidate(m.start(), m.end(), expr, 2)


# --- "cette semaine", "l'année dernière", "le mois prochain", "l'an suivant" --------------


@cache
def _relative_unit() -> re.Pattern[str]:
    units = p.alternation(lexicon().relative_units)
    return p.compiled(
        rf"(?<![\w-])(?P<det>cette|ce|cet|la|le|l{APOS}){OSP}(?P<unit>{units}|weekend)"
        rf"(?P<ci>{OSP}-ci)?(?![\w-])"
        rf"(?:{SP}(?P<rel>dernière|dernier|prochaine|prochain|passée|passé|précédente|précédent"
        rf"|suivante|suivant|écoulée|écoulé|en{SP}cours|courante|courant)(?![\w-]))?"
    )


def relative_unit(m: re.Match[str], text: str) -> Found:
    lex = lexicon()
    det = m.group("det").lower()
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    unit = lex.relative_units.get(m.group("unit").lower(), "WE")
    if unit in ("D", "NI", "EV", "MO"):
        return None  # "ce jour", "ce soir": other rules
    if det not in ("cette", "ce", "cet") and not rel and not m.group("ci"):
        return None  # "la semaine", "l'année": no reference point
    base = "anchor" if rel in lex.anchor_adjectives else "dct"
    amount = 0
    direction = None
    if rel in lex.past_adjectives:
        amount = -1
    elif rel in lex.future_adjectives:
        amount = 1
    elif unit == "WE" and not rel:
        amount = 0
    expr = Expr("DATE", RELATIVE, unit=unit, amount=amount, base=base, direction=direction)
    return Candidate(m.start(), m.end(), expr, 2)


# --- "le lendemain", "la veille au soir", "le matin même" ---------------------------------


@cache
def _anchored_day() -> re.Pattern[str]:
    words = p.alternation(lexicon().anchored_days)
    return p.compiled(
        rf"(?<![\w-])(?:(?P<phrase>{words})(?![\w-])(?:{SP}(?:au{SP})?(?P<part>{_PARTS})(?![\w-]))?"
        rf"|(?:le|la){SP}(?P<part2>matin|soir|soirée|nuit|matinée|après-midi){SP}même(?![\w-]))"
    )


def anchored_day(m: re.Match[str], text: str) -> Found:
    phrase = m.group("phrase")
    shift = 0
    if phrase:
        key = re.sub(r"[\s\u00a0]+", " ", phrase.lower()).replace("’", "'")
        shift = lexicon().anchored_days[key]
    part = _part(m.group("part") or m.group("part2"))
    # "ce jour-là", "le même jour" name the day told before, whatever its precision
    base = "that" if phrase and shift == 0 else "anchor"
    expr = Expr("TIME" if part else "DATE", RELATIVE, unit="D", amount=shift, part=part, base=base)
    return Candidate(m.start(), m.end(), expr, 2)


# --- "cette année-là", "ce mois-là", "cette semaine-là": the period told before ----------


@cache
def _that_period() -> re.Pattern[str]:
    return p.compiled(rf"(?<![\w-])(?:cette|ce|cet){SP}(?P<unit>année|an|mois|semaine)-là(?![\w-])")


def that_period(m: re.Match[str], text: str) -> Found:
    unit = {"année": "Y", "an": "Y", "mois": "M", "semaine": "W"}[m.group("unit").lower()]
    return Candidate(
        m.start(), m.end(), Expr("DATE", RELATIVE, unit=unit, amount=0, base="that"), 2
    )


# --- parts of the current day: "dans la soirée", "en fin d'après-midi", "en soirée" ------


@cache
def _day_part() -> re.Pattern[str]:
    return p.compiled(
        rf"(?<![\w-])(?:(?P<det>la|l{APOS}){OSP}(?P<part>{_PART_NOUNS})"
        r"|(?:(?<=\ben )|(?<=\ben\u00a0))(?P<part3>soirée|matinée)"
        rf"|(?P<bound>début|fin|milieu){SP}(?:de{SP}|d{APOS})(?P<part2>{_PART_NOUNS}))(?![\w-])"
    )


def day_part(m: re.Match[str], text: str) -> Found:
    part = _part(m.group("part") or m.group("part2") or m.group("part3"))
    bound = m.group("bound")
    if m.group("det"):
        if not _part_head_before(text, m.start()):
            return None
        after = words_after(text, m.end(), 16)
        if after and after[0] in ("de", "du", "d'", "d’", "des", "où", "qui", "suivante"):
            return None
    mod = lexicon().boundaries.get(bound.lower()) if bound else None
    if part == "DT":
        expr = Expr("DATE", RELATIVE, unit="D", amount=0, base="anchor", mod=mod)
    else:
        expr = Expr("TIME", RELATIVE, unit="D", amount=0, base="anchor", part=part, mod=mod)
    return Candidate(m.start(), m.end(), expr, 1)


def _part_head_before(text: str, start: int) -> bool:
    """ "dans la soirée", "passé la nuit", "la soirée et la nuit"."""
    words = words_before(text, start, 30)
    if len(words) >= 2 and words[-1] == "et" and _part(words[-2]):
        return True
    before = " ".join(words[-3:]).replace("’", "'")
    return any(before.endswith(head) for head in lexicon().anchor_daypart_heads)


# --- "au début de l'année", "à la fin du mois", "fin de semaine" ------------------------


@cache
def _unit_bound() -> re.Pattern[str]:
    return p.compiled(
        rf"(?<![\w-])(?:(?P<art>la|le){SP})?(?P<bound>début|fin|milieu|mi){OSP}(?:-|de{SP}l{APOS}"
        rf"|de{SP}la{SP}|du{SP}|d{APOS}|de{SP})(?P<unit>année|an|semaine|mois|trimestre|décennie)"
        rf"(?![\w-])(?:{SP}(?P<rel>dernière|dernier|prochaine|prochain|en{SP}cours)(?![\w-]))?"
    )


def unit_bound(m: re.Match[str], text: str) -> Found:
    lex = lexicon()
    unit = lex.relative_units[m.group("unit").lower()]
    rel = (m.group("rel") or "").lower()
    amount = (
        -1 if rel.startswith(("dernier", "dernière")) else 1 if rel.startswith("prochain") else 0
    )
    mod = lex.boundaries.get(m.group("bound").lower())
    expr = Expr("DATE", RELATIVE, unit=unit, amount=amount, mod=mod)
    return Candidate(m.start(), m.end(), expr, 2)


# --- reference words: "maintenant", "actuellement", "l'avenir", "auparavant" -------------


@cache
def _reference() -> re.Pattern[str]:
    return p.compiled(rf"(?<![\w-])(?P<ref>{p.alternation(lexicon().references)})(?![\w-])")


def reference(m: re.Match[str], text: str) -> Found:
    key = re.sub(r"[\s\u00a0]+", " ", m.group("ref").lower()).replace("’", "'")
    value = lexicon().references[key]
    return Candidate(m.start(), m.end(), Expr("TIME", FIXED, value), 0)


RULES: tuple[Rule, ...] = (
    (_deictic, deictic),
    (_this_part, this_part),
    (_relative_unit, relative_unit),
    (_anchored_day, anchored_day),
    (_that_period, that_period),
    (_day_part, day_part),
    (_unit_bound, unit_bound),
    (_reference, reference),
)
