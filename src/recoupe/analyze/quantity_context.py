"""What surrounds a figure: the elided counted noun, the places and owners that qualify it.

"1 200 soldats au Niger et 400 au Tchad": the 400 borrows "soldats" (and its modifiers)
from the figure before it and is qualified by "Tchad"; "Les manifestants étaient 12 000"
counts the subject; "La France a 1 200 soldats" gives the owner. Spans are returned as
character offsets of the names.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from recoupe.analyze import quantity_lexicon as lex
from recoupe.analyze.quantity_reading import (
    Reading,
    after_whole,
    clitic_before,
    compares_back,
    noun_lemma,
    word_before,
)
from recoupe.analyze.quote_speakers import entity_of, ents_in

_LINKS = frozenset({"et", "ou", ",", "dont", "contre", "sur", "à", "puis", "mais", "soit"})
_PLACE_PREPS = frozenset({"en", "au", "aux", "à", "dans", "de", "du", "des", "d'", "d’", "sur"})
_NAME_LABELS = frozenset({"LOC", "ORG", "PER", "MISC", "GPE"})
_WINDOW = 12
# "Ils étaient 300", "nous étions 2 000": a plural personal pronoun counted counts people
_PLURAL_PEOPLE = frozenset({"ils", "elles", "nous"})
_PERSON = "personne"
_FAR_WINDOW = 30  # "contre 860" reaches the figure it is set against across a clause


def fill_elided(doc: Doc, readings: list[Reading]) -> list[Reading]:
    """Give a counted noun to numbers that elide it; drop those that have none."""
    out: list[Reading] = []
    for i, reading in enumerate(readings):
        if reading.unit:
            out.append(reading)
            continue
        donor = _successor(doc, readings[i + 1 :], reading) or _antecedent(doc, out, reading)
        if donor is not None:
            out.append(
                replace(reading, unit=donor.unit, kind=donor.kind, modifiers=donor.modifiers)
            )
        elif (counted := _counted_subject(doc, reading) or _number_of(doc, reading)) is not None:
            out.append(replace(reading, unit=counted))
    return out


def _number_of(doc: Doc, reading: Reading) -> str | None:
    """ "La police estime à 3 500 le nombre de manifestants": the noun after "le nombre de"
    right after the figure."""
    k = reading.last + 1
    words = [t.lower_ for t in doc[k : k + 3]]
    if words[:2] != ["le", "nombre"] or words[2:] not in (["de"], ["d'"], ["d’"]):
        return None
    noun = doc[k + 3] if k + 3 < len(doc) else None
    return noun_lemma(noun) if noun is not None and noun.pos_ == "NOUN" else None


def _counted_subject(doc: Doc, reading: Reading) -> str | None:
    """ "Les manifestants étaient 12 000", "Les blessés sont au nombre de 40": the number
    counts the plural noun that is the subject of "être" right before it; "Ils étaient
    300 selon la police" counts people."""
    k = word_before(doc, reading.first, reading.start)
    if k >= 2 and [t.lower_ for t in doc[k - 2 : k + 1]] == ["au", "nombre", "de"]:
        k -= 3
    if k < 1:
        return None
    verb, noun = doc[k], doc[k - 1]
    if verb.lemma_ != "être" or "Fin" not in verb.morph.get("VerbForm", []):
        return None
    if noun.lower_ in _PLURAL_PEOPLE:
        return _PERSON
    if noun.pos_ != "NOUN" or "Plur" not in noun.morph.get("Number", []):
        return None
    return noun_lemma(noun)


def _antecedent(doc: Doc, before: list[Reading], reading: Reading) -> Reading | None:
    compared = compares_back(doc, reading.first, reading.start)
    window = _FAR_WINDOW if compared else _WINDOW
    clitic = clitic_before(doc, reading.first, reading.start)
    for prev in reversed(before):
        if prev.last >= reading.first or not prev.unit or prev.kind == "age":
            continue
        if clitic and _sentence_before(doc, prev.last, reading.first):
            return prev  # "218 candidats se sont désistés. Le ministère en recense 224."
        between = doc[prev.last + 1 : reading.first]
        if len(between) > window or not _same_sentence(doc, prev.last, reading.first):
            return None
        if compared or after_whole(doc, reading.first, reading.start):
            return prev
        if any(t.lower_ in _LINKS for t in between) and not any(
            t.pos_ in ("VERB", "AUX") for t in between
        ):
            return prev
        return None
    return None


def _successor(doc: Doc, after: list[Reading], reading: Reading) -> Reading | None:
    """ "deux ou trois soldats": the first number borrows the noun of the next."""
    if not after or not after[0].unit:
        return None
    between = doc[reading.last + 1 : after[0].first]
    if len(between) == 1 and between[0].lower_ in ("ou", "à", "et", ",", "-"):
        return after[0]
    return None


def _sentence_before(doc: Doc, i: int, j: int) -> bool:
    """Whether token ``i`` is in the sentence of token ``j`` or in the one before it."""
    if not doc.has_annotation("SENT_START"):
        return False
    here = doc[j].sent
    return here.start <= i or (here.start > 0 and doc[here.start - 1].sent.start <= i)


def _same_sentence(doc: Doc, i: int, j: int) -> bool:
    """Whether tokens ``i`` and ``j`` are in one sentence; a semicolon, which the parser
    often takes for a sentence's end, does not part them."""
    if not doc.has_annotation("SENT_START"):
        return "\n" not in doc[i:j].text
    sentence = doc[j].sent
    while sentence.start > doc[i].sent.start:
        if sentence.start < 1 or doc[sentence.start - 1].text != ";":
            return False
        sentence = doc[sentence.start - 1].sent
    return True


def place_spans(doc: Doc, reading: Reading, stop: int) -> list[Span]:
    """Names right after the figure, led by a preposition: "au Niger", "de l'OTAN"."""
    start = (
        reading.last + 1 + len(reading.modifiers)
        if reading.noun is not None
        else (reading.last + 1)
    )
    end = min(stop, start + _WINDOW, len(doc))
    limit = start
    while limit < end and not _boundary(doc, limit):
        limit += 1
    out: list[Span] = []
    for ent in ents_in(doc, start, limit):
        if ent.label_ not in _NAME_LABELS:
            continue
        if _led_by_preposition(doc, ent.start):
            out.append(ent)
    return out


def _boundary(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if tok.is_punct and tok.text not in ("-", "'", "’"):
        return True
    if "\n" in tok.text or (tok.is_sent_start and i > 0):  # a title's figure ends with it
        return True
    if tok.pos_ in ("VERB", "AUX", "SCONJ") or tok.lower_ in ("qui", "que", "dont", "lorsque"):
        return True
    if tok.pos_ == "CCONJ":
        return any(t.like_num for t in doc[i + 1 : i + 3])
    return False


def _led_by_preposition(doc: Doc, i: int) -> bool:
    for tok in reversed(doc[max(0, i - 3) : i]):
        if tok.lower_ in _PLACE_PREPS:
            return True
        if tok.pos_ != "DET":
            return False
    return False


def owner_span(doc: Doc, reading: Reading) -> Span | None:
    """The subject of a verb like "avoir", "déployer" or "obtenir" whose object is the
    figure: by the parse, or else the verb just before the figure ("le RN obtiendrait
    entre 200 et 230 sièges", "X obtient 27,99 % des suffrages")."""
    number = doc[reading.first]
    owners, scores = lex.holder_verbs()
    if reading.noun is not None:
        noun: Token | None = doc[reading.noun]
    elif number.dep_ == "conj" and number.head.pos_ == "NOUN":
        noun = number.head  # "1200 soldats au Niger et 400 au Tchad": the 400 shares the owner
    else:
        noun = None
    if noun is not None and noun.dep_ == "obj" and noun.head.lemma_ in owners:
        verb: Token | None = noun.head
    else:
        verb = _verb_just_before(doc, reading.first, scores)
    if verb is None:
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass") and child.i < verb.i:
            return _entity_at(doc, child)
    return None


_BEFORE_FIGURE = frozenset({"ADP", "DET", "ADV", "NUM", "CCONJ"})  # "entre", "plus de", "près de"


def _verb_just_before(doc: Doc, first: int, scores: frozenset[str]) -> Token | None:
    """A winning verb right before the figure, or the verb a figure led by "avec" hangs
    on: "le NFP est arrivé en tête avec 182 sièges" (the party has the seats)."""
    k = first - 1
    while k >= 0 and first - k <= 4 and doc[k].pos_ in _BEFORE_FIGURE:
        if doc[k].lower_ == "avec":
            return _governing_verb(doc[first])
        k -= 1
    if k < 0 or first - k > 4:
        return None
    tok = doc[k]
    return tok if tok.pos_ == "VERB" and tok.lemma_ in scores else None


def _governing_verb(tok: Token) -> Token | None:
    for _ in range(3):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ == "VERB":
            return tok
    return None


def _entity_at(doc: Doc, tok: Token) -> Span | None:
    ent = entity_of(doc, tok)
    return ent if ent is not None and ent.label_ in _NAME_LABELS else None
