"""Metonymy: a capital or a seat of power standing for its state ("Washington craint").

Each capital or seat mention gets evidence from its context: it *acts* (subject of a verb,
"le soutien de Moscou", "selon Pékin", object of "accuser"), it is *a place* ("à Bagdad",
"la chute de Tripoli"), or nothing is known. Names joined by "et" share what one of them
shows ("Bagdad et Washington ont tenu..."). With no evidence, the name is the place.
"""

from __future__ import annotations

from spacy.tokens import Doc

from recoupe.analyze.entity_context import prev_token
from recoupe.analyze.entity_gazetteer import Gazetteer
from recoupe.analyze.entity_repair import Cand

_OF = frozenset({"de", "d'", "d’", "du", "des"})
_AND = frozenset({"et", "ou", ","})


def mark_metonymy(doc: Doc, cands: list[Cand], gaz: Gazetteer) -> None:
    """Set ``metonymy`` on the capitals and seats of power of a document."""
    seats = [c for c in cands if c.entry is not None and c.entry.kind in ("capital", "seat")]
    evidence = [_evidence(doc, c, gaz) for c in seats]
    for i in range(len(seats) - 1):  # "Bagdad et Washington", "Téhéran et de Washington"
        if _coordinated(doc, seats[i], seats[i + 1]):
            pair = (evidence[i], evidence[i + 1])
            if True in pair and False not in pair:
                evidence[i] = evidence[i + 1] = True
    for cand, acts in zip(seats, evidence, strict=True):
        cand.metonymy = bool(acts)


def _coordinated(doc: Doc, a: Cand, b: Cand) -> bool:
    if b.start - a.end > 4:
        return False
    between = [t.lower_ for t in doc[a.end : b.start] if not t.is_space]
    return 1 <= len(between) <= 2 and between[0] in _AND and set(between[1:]) <= _OF


def _evidence(doc: Doc, cand: Cand, gaz: Gazetteer) -> bool | None:
    """True when the name acts, False when it is a place, None when nothing says."""
    words = gaz.words
    k = prev_token(doc, cand.start, words["articles"])
    word = doc[k].lower_ if k >= 0 else ""
    if word == "(" and cand.end < len(doc) and doc[cand.end].text == ")":
        return False  # a dateline: "(Londres) L'actrice..."
    if word in _OF:  # whose? "le soutien de Washington"; "la chute de Tripoli"
        k = prev_token(doc, k, words["articles"])
        head = doc[k].lower_ if k >= 0 else ""
        if head in _AND:
            return None
        return head in words["agent_nouns"] and doc[k].pos_ == "NOUN"
    if word in words["locative"]:
        return False
    if word in words["agent_prepositions"]:
        return True
    return _syntax(doc, cand, gaz)


def _syntax(doc: Doc, cand: Cand, gaz: Gazetteer) -> bool | None:
    words = gaz.words
    root = doc[cand.start : cand.end].root
    head = root.head
    if root.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX"):
        return head.lemma_ not in words["place_verbs"]
    if root.dep_ in ("obj", "iobj") and head.pos_ == "VERB":
        return head.lemma_ in words["speech_verbs"] | words["agent_verbs"] or None
    return _before_a_verb(doc, cand, words["place_verbs"])


def _before_a_verb(doc: Doc, cand: Cand, place_verbs: frozenset[str]) -> bool | None:
    """ "Paris a débloqué...": a finite verb right after the name makes it the subject
    (the parser does not always see it)."""
    if cand.end >= len(doc):
        return None
    verb = doc[cand.end]
    if verb.pos_ not in ("VERB", "AUX") or "Fin" not in verb.morph.get("VerbForm", []):
        return None
    if verb.dep_ == "cop":  # "Bagdad est une ville"
        return False
    main = verb.head if verb.pos_ == "AUX" else verb
    return main.lemma_ not in place_verbs
