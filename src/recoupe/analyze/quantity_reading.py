"""Read one number in its sentence: is it a figure, what does it count, how is it hedged.

A number is dropped when it is a date or a time (a day before a month name, a year, a
duration), a rank or a name ("résolution 2334"), a fraction or a phone number. Otherwise
its counted noun (or unit: %, euros, km) is found after it, skipping pre-nominal
adjectives and the "de" of "millions de", together with the words that hedge it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Token

from recoupe.analyze import quantity_lexicon as lex
from recoupe.analyze import quote_cues as cues
from recoupe.analyze.quantity_numbers import NumberExpr

_NOUNS = ("NOUN", "PROPN")


@dataclass(frozen=True, slots=True)
class Reading:
    """A number read as a figure: char offsets of the whole phrase and what it counts."""

    number: NumberExpr
    start: int
    end: int
    qualifier: str
    unit: str  # "" while the counted noun is elided
    kind: str
    first: int  # index of the number's first token
    last: int  # index of the last token of the phrase (noun, unit or number)
    modifiers: tuple[str, ...] = ()
    noun: int | None = None  # index of the counted noun


@cache
def _qualifier_re() -> re.Pattern[str]:
    phrases = lex.alternation(list(lex.qualifier_phrases()))
    # after a space or an elided "d'"/"qu'" ("le chiffre d'environ 1 500"), not inside a word
    return re.compile(rf"(?:^|[^\w']|(?<=\bd')|(?<=\bqu'))({phrases})\s*$", re.IGNORECASE)


@cache
def _age_re() -> re.Pattern[str]:
    cues = lex.alternation(lex.age_cues())
    # "âgé de 54 ans", and the second number of "âgés de 23 et 25 ans"
    return re.compile(rf"(?:^|\W)(?:{cues})\s*(?:\d+\s*(?:et|à|ou|,)\s*)?$", re.IGNORECASE)


_WHOLE_PREPS = frozenset({"sur", "parmi"})  # "Sur les 380 salariés, 140…"


def read_number(doc: Doc, expr: NumberExpr) -> Reading | None:
    """The figure this number is, or None when it is not one."""
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    first, after = span.start, span.end
    if _is_date_or_rank(doc, expr, first, after):
        return None
    qualifier, start = _qualifier_before(expr)
    unit = _unit_after(doc, after, expr.scaled) or _unit_before(doc, first)
    unit = unit or _unit_inside(doc, after - 1)
    if unit is not None and _in_timex(doc, expr):
        return None
    if unit is not None:
        name, kind, last = unit
        end = doc[last].idx + len(doc[last].text.rstrip("."))
        reading = Reading(expr, start, end, qualifier, name, kind, first, last)
        return _finish(doc, reading)
    noun = _counted_noun(doc, after, expr.scaled)
    if noun is None:
        if expr.plain_year or _in_timex(doc, expr):
            return None
        if _needs_noun(expr) and not (
            compares_back(doc, first, start) or after_whole(doc, first, start)
        ):
            return None
        return Reading(expr, start, expr.end, qualifier, "", "count", first, after - 1)
    counted = _with_noun(doc, expr, start, qualifier, first, noun)
    if counted is not None and counted.kind != "age" and _in_timex(doc, expr):
        return None  # the temporal tagger took it ("24 heures"); ages stay figures
    return counted


def _with_noun(
    doc: Doc, expr: NumberExpr, start: int, qualifier: str, first: int, noun: Token
) -> Reading | None:
    lemma = noun_lemma(noun)
    kind = "count"
    low = noun.lower_
    if low in lex.fraction_nouns() or low in lex.months():
        return None
    if low in lex.time_units() or lemma in lex.time_units():
        if not _is_age(doc, expr, first, noun):
            return None
        lemma, kind = "an", "age"
    if expr.plain_year and _year_context(doc, first):
        return None
    last = compound_end(noun)
    end = last.idx + len(last)
    reading = Reading(expr, start, end, qualifier, lemma, kind, first, last.i, noun=noun.i)
    return _finish(doc, reading)


def _finish(doc: Doc, reading: Reading) -> Reading:
    mods: tuple[str, ...] = ()
    after = reading.last + 1
    if reading.noun is not None:
        mods, after = _modifiers(doc, reading.first, reading.last)
    trailing = _qualifier_after(doc, after)
    qualifier = reading.qualifier
    if trailing and qualifier == "exact" and reading.number.qualifier == "exact":
        qualifier = trailing
    return replace(reading, modifiers=mods, qualifier=qualifier)


def word_before(doc: Doc, first: int, start: int) -> int:
    """The index of the token before a figure whose number is token ``first`` and whose
    phrase starts at character ``start`` (before "plus de", "environ"); -1 at the start."""
    k = first - 1
    while k >= 0 and doc[k].idx >= start:
        k -= 1
    return k


def compares_back(doc: Doc, first: int, start: int) -> bool:
    """Whether the number can only count what a figure before it in the sentence counts,
    whatever verbs come between: "1 240 cas ont été confirmés, contre 860 une semaine plus
    tôt"; "sept morts selon l'ARS, tandis que le collectif en dénombre neuf" (the pronoun
    "en" stands for the noun)."""
    k = word_before(doc, first, start)
    if k >= 0 and doc[k].lower_ == "contre":
        return True
    return clitic_before(doc, first, start)


_ASIDE_POS = frozenset({"ADV", "ADP", "DET", "PRON"})


def clitic_before(doc: Doc, first: int, start: int) -> bool:
    """Whether the figure follows a verb led by the pronoun "en", maybe across a short
    aside: "en dénombre neuf", "en recense pour sa part 224", "en compte désormais 40"."""
    k = word_before(doc, first, start)
    for _ in range(_ASIDE_WORDS + 1):
        if k < 1:
            return False
        if _after_clitic_en(doc, k):
            return True
        if doc[k].pos_ not in _ASIDE_POS and doc[k].lower_ != "part":
            return False
        k -= 1
    return False


_ASIDE_WORDS = 3  # "pour sa part", "quant à lui" between the verb and the figure


def after_whole(doc: Doc, first: int, start: int) -> bool:
    """Whether the number follows the comma closing a sentence's opening "Sur les 380
    salariés…," or "Parmi les 40 blessés,": it counts a share of those."""
    k = word_before(doc, first, start)
    if k < 3 or doc[k].text != ",":
        return False
    lead = doc[doc[k].sent.start : k]
    if len(lead) < 4 or lead[0].lower_ not in _WHOLE_PREPS or lead[1].lower_ not in ("les", "ces"):
        return False
    return lead[2].like_num or lead[2].pos_ == "NUM"


def _after_clitic_en(doc: Doc, k: int) -> bool:
    return clitic_verb(doc, k) is not None


def clitic_verb(doc: Doc, k: int) -> Token | None:
    """The verb at ``k`` when it is led by the pronoun "en" and a number follows it: "en
    dénombre", "en a recensé", "en compterait" (the tagger often takes "dénombre" for a
    noun, so a counting or reporting verb is also known by its lemma)."""
    if k < 1 or not _verb_like(doc[k]) or _gerund(doc[k]):
        return None
    j = k - 1
    while j >= 0 and doc[j].pos_ == "AUX":
        j -= 1
    return doc[k] if j >= 0 and doc[j].lower_ == "en" else None


def _gerund(tok: Token) -> bool:
    """ "en réunissant 41 sièges": "en" is the preposition of a gerund, not a pronoun."""
    return tok.lower_.endswith("ant") and tok.i > 0 and tok.nbor(-1).lower_ == "en"


def _verb_like(tok: Token) -> bool:
    if tok.pos_ in ("VERB", "AUX"):
        return True
    return any(lemma in _count_or_report_verbs() for lemma in cues.lemmas(tok))


@cache
def _count_or_report_verbs() -> frozenset[str]:
    return lex.words("quantities", "count_verbs.txt") | lex.words("quantities", "report_verbs.txt")


def _needs_noun(expr: NumberExpr) -> bool:
    """Number words ("trois", "un") count nothing on their own; digits may elide the noun."""
    return expr.written != "digits"


def _is_date_or_rank(doc: Doc, expr: NumberExpr, first: int, after: int) -> bool:
    if _phone_like(expr):
        return True
    if _ambiguous_word(doc, expr, first, after):
        return True
    if after < len(doc) and _is_day(doc, expr, after):
        return True
    if first == 0 or _qualifier_before(expr)[1] != expr.start:
        return False
    prev = doc[first - 1]
    if clitic_before(doc, first, expr.start):  # "en dénombre 9", "en recense pour sa part 9"
        return False
    if prev.pos_ in _NOUNS and not _is_symbol(prev) and _names_or_ranks(doc, first, after):
        return True
    return prev.lower_ in lex.identifier_nouns() or prev.text in ("n°", "N°", "#")


def _names_or_ranks(doc: Doc, first: int, after: int) -> bool:
    """ "résolution 2334", "janvier 2020": the number hangs on the noun before it (a verb
    mistagged as a noun, "mesure 120 m²", keeps the number on the noun after it)."""
    hangs = doc[first].head.i == first - 1 or doc[after - 1].head.i == first - 1
    counts = after < len(doc) and doc[after].pos_ == "NOUN" and doc[first].head.i == after
    return hangs or not counts


def _ambiguous_word(doc: Doc, expr: NumberExpr, first: int, after: int) -> bool:
    """ "un soldat", "rien de neuf", "7 sept 2023": words that are not numbers here."""
    if expr.written != "words" or expr.scaled:
        return False
    word = lex.normalise(expr.surface)
    if word not in lex.ambiguous_number_words():
        return False
    if word in ("un", "une"):
        return _qualifier_before(expr)[0] == "exact"
    if _after_clitic_en(doc, first - 1):  # "le collectif en dénombre neuf."
        return False
    nxt = doc[after] if after < len(doc) else None
    prev = doc[first - 1] if first > 0 else None
    if nxt is not None and (nxt.like_num or nxt.text == "."):
        return True
    return prev is not None and (prev.like_num or (prev.pos_ == "DET" and prev.lower_ != "les"))


def _in_timex(doc: Doc, expr: NumberExpr) -> bool:
    if "timex" not in doc.spans:
        return False
    return any(s.start_char < expr.end and expr.start < s.end_char for s in doc.spans["timex"])


def _phone_like(expr: NumberExpr) -> bool:
    window = expr.before[-20:] + expr.surface + expr.after
    return bool(re.search(r"(?:\+\d{2,3}[\s.]?|\b0)\d(?:[\s.\-]?\d{2}){4}\b", window))


def _is_day(doc: Doc, expr: NumberExpr, after: int) -> bool:
    """The "7" of "le 7 octobre", "1er mai", "les 7 et 8 octobre"."""
    if expr.value != int(expr.value) or not 1 <= expr.value <= 31 or expr.scaled:
        return False
    for tok in doc[after : after + 4]:
        low = tok.lower_.rstrip(".")
        if low in lex.months():
            return True
        if not (tok.like_num or low in ("er", "et", "au", "-", "–", ",")):
            return False
    return False


def _year_context(doc: Doc, first: int) -> bool:
    prev = doc[first - 1].lower_ if first > 0 else ""
    return prev in lex.words("quantities", "year_prepositions.txt") or prev in lex.months()


def _qualifier_before(expr: NumberExpr) -> tuple[str, int]:
    before = expr.before.rsplit("\n", 1)[-1].replace("’", "'")
    m = _qualifier_re().search(before)
    if m is None:
        return expr.qualifier, expr.start
    found = lex.qualifier_phrases()[lex.normalise(m.group(1))]
    start = expr.start - (len(before) - m.start(1))
    if found == "approx" and expr.qualifier != "exact":
        return expr.qualifier, start
    return found, start


def _qualifier_after(doc: Doc, i: int) -> str | None:
    for size in (2, 1):
        words = " ".join(t.lower_ for t in doc[i : i + size])
        if len(doc[i : i + size]) == size and words in lex.trailing_qualifiers():
            found = lex.trailing_qualifiers()[words]
            return None if found == "exact" else found
    return None


def _unit_after(doc: Doc, i: int, scaled: bool) -> tuple[str, str, int] | None:
    if scaled and i < len(doc) and doc[i].lower_ in ("de", "d'", "d’"):
        i += 1
    for size in (2, 1):
        toks = doc[i : i + size]
        if len(toks) < size or (
            size == 1
            and len(toks.text) == 1
            and toks.text.isalpha()
            and toks[0].pos_ not in (*_NOUNS, "SYM")
        ):
            continue
        unit = lex.units().get(lex.normalise(toks.text))
        if unit is not None:
            return unit.name, unit.kind, toks.end - 1
    return None


def _unit_inside(doc: Doc, last: int) -> tuple[str, str, int] | None:
    """A unit glued to the number's last token by the tokenizer: "Md€." in "2,3 Md€."."""
    text = lex.normalise(doc[last].text).rstrip(".")
    unit = lex.units().get(text) if not text[:1].isdigit() else None
    return (unit.name, unit.kind, last) if unit is not None else None


def _unit_before(doc: Doc, first: int) -> tuple[str, str, int] | None:
    if first == 0 or not _is_symbol(doc[first - 1]):
        return None
    unit = lex.units()[doc[first - 1].text]
    return unit.name, unit.kind, first


def _is_symbol(tok: Token) -> bool:
    return tok.text in ("$", "€", "£") and tok.text in lex.units()


def _counted_noun(doc: Doc, i: int, scaled: bool) -> Token | None:
    """The noun right after the number: "1 200 soldats", "40 autres attaques", "milliers de"."""
    if scaled and i < len(doc) and doc[i].lower_ in ("de", "d'", "d’"):
        i += 1
    for tok in doc[i : i + 3]:
        if tok.lower_ in lex.words("quantities", "not_counted.txt"):
            return None
        if tok.pos_ == "NOUN" or _plural_demonym(tok) or _noun_participle(tok, i):
            return tok
        if tok.pos_ != "ADJ" or tok.is_punct:
            return None
    return None


def _noun_participle(tok: Token, i: int) -> bool:
    """ "150 évacués", "30 blessés": a plural participle used as a noun right after a number."""
    form = tok.morph.get("VerbForm", [])
    if tok.lemma_.lower() in lex.words("quantities", "report_verbs.txt"):
        return False  # "18 arrestations, contre 14 annoncées": the noun is elided
    return (
        tok.i == i
        and tok.pos_ in ("VERB", "ADJ")
        and tok.lower_.endswith("s")
        and ("Part" in form or tok.lower_.endswith(("és", "ées", "is", "us")))
    )


def _plural_demonym(tok: Token) -> bool:
    """ "2 000 Irakiens": a capitalised plural tagged as a proper noun."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.lower_.endswith(("ns", "nes"))


def noun_lemma(tok: Token) -> str:
    """Lemma of the counted noun, compounds joined: "sapeurs-pompiers" -> "sapeur-pompier"."""
    words = tok.doc[tok.i : compound_end(tok).i + 1]
    parts = [_word_lemma(t).strip("-") for t in words if t.text.strip("-")]
    return "-".join(p for p in parts if p)


def _word_lemma(tok: Token) -> str:
    low = tok.lower_
    lemma = tok.lemma_.lower()
    foreign = lemma.endswith("y") and not low.endswith("y")  # "parties" -> "party"
    if tok.pos_ in ("PROPN", "VERB", "ADJ") or lemma[:3] != low[:3] or foreign:
        low = low[:-1] if low.endswith(("s", "x")) and len(low) > 3 else low
        return low[:-1] if low.endswith("ée") else low
    return lemma


def compound_end(tok: Token) -> Token:
    """The last token of a hyphenated compound starting at ``tok`` ("sapeurs - pompiers")."""
    doc = tok.doc
    i = tok.i
    while (
        i + 1 < len(doc)
        and not doc[i].whitespace_
        and (doc[i + 1].text[:1] == "-" or doc[i].text == "-")
    ):
        i += 1
    return doc[i]


def _modifiers(doc: Doc, first: int, last: int) -> tuple[tuple[str, ...], int]:
    """Adjectives narrowing the counted noun ("soldats américains"), and the index after them."""
    noun = doc[last]
    heads = {t.i for t in doc[first + 1 : last + 1]}
    out = [t.text for t in doc[first + 1 : last] if t.pos_ == "ADJ" and t.head.i in heads]
    i = last + 1
    while i < len(doc):
        tok = doc[i]
        if tok.pos_ == "ADJ" and (tok.head.i in heads or tok.head.i == noun.i):
            out.append(tok.text)
            heads.add(tok.i)
        elif not (tok.lower_ == "et" and i + 1 < len(doc) and doc[i + 1].pos_ == "ADJ"):
            break
        i += 1
    return tuple(out), i


def _is_age(doc: Doc, expr: NumberExpr, first: int, noun: Token) -> bool:
    """ "âgé de 54 ans", "un homme de 54 ans", "Jean Dupont, 54 ans", "il a 19 ans"."""
    if noun.lower_ not in ("an", "ans"):
        return False
    if _age_re().search(expr.before[-30:]):
        return True
    prev = doc[first - 1] if first > 0 else None
    before = doc[first - 2] if first > 1 else None
    if prev is None:
        return False
    if prev.lower_ in ("de", "d'", "d’") and before is not None:
        return before.lower_ in lex.words("quantities", "age_holders.txt")
    if prev.text == "," and before is not None and before.pos_ == "PROPN":
        nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        return nxt is None or nxt.is_punct  # "Sophie Tessier, 38 ans, …" (not "4 ans de plus")
    return prev.lemma_ == "avoir" and (before is None or before.lower_ not in ("y", "-y"))
