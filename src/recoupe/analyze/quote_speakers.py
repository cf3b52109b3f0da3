"""Who speaks: the subject of a speech verb, reduced to a name, resolved when it is a pronoun.

"Le porte-parole de l'armée libanaise, le général Karim Haddad, a déclaré" -> "Karim
Haddad"; "Un communiqué publié par la coalition indique" -> "la coalition"; "a-t-elle
déclaré" -> the nearest earlier person who can be "elle"; "La ministre affirme" -> the
earlier person introduced as "ministre".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from recoupe.analyze import quote_lexicon as lex

_SUBJECTS = ("nsubj", "nsubj:pass")
_CLIMB = ("advcl", "xcomp", "conj", "acl", "parataxis")
_QUE = ("que", "qu'", "qu’")
_FEMININE_DETS = frozenset({"la", "une", "cette", "sa", "notre", "votre", "leur"})
_MASCULINE_DETS = frozenset({"le", "un", "ce", "cet", "son", "du", "au"})
_CUT_DEPS = ("acl:relcl", "acl", "punct", "advcl", "parataxis", "dep")


def subject_of(
    verb: Token, skip: Sequence[tuple[int, int]] = (), unit: Span | None = None
) -> tuple[list[Token], Token]:
    """Subjects before a speech verb, climbing from participles ("estimant") to their verb.

    Returns the subjects found and the verb they were looked for on last. Tokens quoted
    (``skip``) or outside the sentence ``unit`` are never subjects.
    """

    def usable(tok: Token) -> bool:
        inside = unit is None or unit.start <= tok.i < unit.end
        return inside and not _quoted(tok, skip) and not _reported(verb, tok)

    left = _left_subject(verb)
    tok = verb
    for _ in range(4):
        found = [c for c in tok.children if _is_subject(c) and usable(c)]
        if found and tok is verb and left is not None and _left_first(left, found, usable):
            return [left], tok  # "A la mairie, Al-Mansouri a déclaré"
        if found:
            return found, tok
        if tok.dep_ not in _CLIMB or tok.head.i >= tok.i or not usable(tok.head):
            break
        tok = tok.head
    return ([left] if left is not None and usable(left) else []), tok


def _is_subject(tok: Token) -> bool:
    """A subject dependent; "il"/"elle" count even when parsed as expletives."""
    if tok.lower_ in ("-t", "t"):
        return False
    return tok.dep_ in _SUBJECTS or (tok.dep_ == "expl:subj" and tok.lower_ in ("il", "elle"))


def _left_first(left: Token, found: list[Token], usable: Callable[[Token], bool]) -> bool:
    """Trust word order over the parse: a name right before the verb is its subject."""
    if not _proper(left) or not usable(left):
        return False
    return all(left not in f.subtree for f in found)


def _proper(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or bool(tok.ent_type_)


def _reported(verb: Token, tok: Token) -> bool:
    """Whether ``tok`` sits in the clause the verb reports ("a déclaré que les cellules…")."""
    return tok.i > verb.i and any(t.lower_ in _QUE for t in verb.doc[verb.i + 1 : tok.i])


def _quoted(tok: Token, skip: Sequence[tuple[int, int]]) -> bool:
    return any(a <= tok.idx < b for a, b in skip)


def _left_subject(verb: Token) -> Token | None:
    """The noun right before the verb and its auxiliaries, when the parse gave no subject."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and (doc[i].pos_ in ("AUX", "ADV") or doc[i].lower_ in ("ne", "n'", "n’")):
        i -= 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    return doc[i]


def inverted_subject(verb: Token) -> Token | None:
    """The subject after an incise verb: "a-t-il ajouté", "a déclaré … l'ancien ministre X"."""
    doc = verb.doc
    for tok in doc[max(0, verb.i - 3) : min(len(doc), verb.i + 3)]:
        if tok.text[:1] == "-" and (tok.lower_ in lex.subject_pronouns() or tok.lower_ == "-on"):
            return tok
    i = verb.i + 1
    end = min(len(doc), verb.i + 25)
    while i < end:
        tok = doc[i]
        if tok.text in (".", ";", "!", "?", ":", "«", "»", '"', "“", "”") or "\n" in tok.text:
            return None
        if tok.lower_ in _QUE:
            return None
        if tok.pos_ == "ADP":
            i = _skip_phrase(doc, i + 1, end)
            continue
        if tok.pos_ in ("PROPN", "NOUN") and tok.lower_ not in lex.time_words():
            return tok
        if tok.pos_ == "PRON" and tok.lower_ in lex.subject_pronouns():
            return tok
        i += 1
    return None


def _skip_phrase(doc: Doc, i: int, end: int) -> int:
    """Past the noun phrase of a prepositional phrase ("à des journalistes", "lors de X")."""
    while i < end and doc[i].pos_ in ("DET", "ADJ", "NUM", "ADP"):
        i += 1
    while i < end and (doc[i].pos_ in ("NOUN", "PROPN", "ADJ") or doc[i].text == "-"):
        i += 1
    return i


def noun_phrase(tok: Token) -> Span:
    """The phrase headed by ``tok``, without relative clauses, incises or what follows a comma."""
    doc = tok.doc
    left, right = tok.i, tok.i
    # what hangs left of the phrase's own preposition is not in it: "12 000 selon les
    # organisateurs" parsed with the figure under "organisateurs"
    case = max((c.i for c in tok.children if c.dep_ == "case" and c.i < tok.i), default=-1)
    for child in tok.children:
        if child.i < case:
            continue
        if child.dep_ in _CUT_DEPS or (child.dep_ == "appos" and child.i > tok.i):
            continue
        if child.i > tok.i and child.dep_ == "nmod" and not _de_complement(child):
            continue
        sub = list(child.subtree)
        left, right = min(left, sub[0].i), max(right, sub[-1].i)
    for j in range(tok.i + 1, right + 1):
        if doc[j].is_punct and doc[j].text not in ("-", "'", "’"):
            right = j - 1
            break
    while right > tok.i and (doc[right].lower_ in lex.time_words() or doc[right].is_punct):
        right -= 1  # "l'ONU jeudi"
    while left < tok.i and (doc[left].is_punct or doc[left].pos_ in ("ADP", "CCONJ")):
        left += 1
    return doc[left : right + 1]


def _de_complement(tok: Token) -> bool:
    """ "du gouvernement irakien" narrows a phrase; "sous le couvert de…" does not."""
    cases = [c.lower_ for c in tok.children if c.dep_ == "case"]
    return not cases or cases[0] in ("de", "du", "des", "d'", "d’")


def entity_of(doc: Doc, tok: Token) -> Span | None:
    """The named entity holding ``tok``, without a trailing time word ("l'ONU jeudi").

    Read from the tokens' IOB tags: ``doc.ents`` is rebuilt on every access.
    """
    if tok.ent_iob_ not in ("B", "I"):
        return None
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    while end - 1 > tok.i and doc[end - 1].lower_ in lex.time_words():
        end -= 1
    return Span(doc, start, end, label=tok.ent_type_)


def ents_in(doc: Doc, start: int, end: int, whole: bool = True) -> list[Span]:
    """Entities starting in tokens ``start..end`` (and ending there too when ``whole``)."""
    out = []
    for i in range(max(0, start), min(end, len(doc))):
        if doc[i].ent_iob_ != "B":
            continue
        ent = entity_of(doc, doc[i])
        if ent is not None and (ent.end <= end or not whole):
            out.append(ent)
    return out


def person_in(doc: Doc, phrase: Span) -> Span | None:
    """The first person's name inside a phrase, titles taken off."""
    for ent in ents_in(doc, phrase.start, phrase.end):
        if ent.label_ == "PER":
            return trim_title(ent)
    for ent in ents_in(doc, phrase.start, phrase.end, whole=False):
        if ent.label_ == "MISC" and _looks_like_person(ent):  # "Premier ministre X" as MISC
            return trim_title(ent)
    return None


def _looks_like_person(ent: Span) -> bool:
    titles = lex.person_titles()
    return any(t.lower_ in titles for t in ent) and ent[-1].pos_ == "PROPN"


def trim_title(ent: Span) -> Span:
    """ "Premier ministre libanais Karim al-Rachidi" -> "Karim al-Rachidi", "Mme X" -> "X"."""
    titles = lex.person_titles()
    i = ent.start
    doc = ent.doc
    while i < ent.end - 1 and (
        doc[i].lower_.rstrip(".") in titles or doc[i].lower_ in titles or not doc[i].is_title
    ):
        i += 1
    return doc[i : ent.end]


def gender_of(ent: Span) -> str:
    """ "m", "f" or "x" (unknown) for a person, from titles and determiners around the name."""
    doc = ent.doc
    around = [t for t in doc[max(0, ent.start - 6) : ent.start] if not t.is_punct]
    if ent.root.dep_ in ("appos", "flat:name", "nmod") and ent.root.head.i < ent.start:
        around.append(ent.root.head)
    around += [c for c in ent.root.children if c.dep_ == "appos"]
    around += list(ent)
    for tok in reversed(around):
        gender = _title_gender(tok)
        if gender != "x":
            return gender
    return "x"


def _title_gender(tok: Token) -> str:
    """Gender carried by a title: "Mme" -> f, "la ministre" -> f, "du préfet" -> m."""
    titles = lex.person_titles()
    gender = titles.get(tok.lower_.rstrip(".")) or titles.get(tok.lower_)
    if gender is None or gender in ("m", "f"):
        return gender or "x"
    for child in tok.children:
        if child.dep_ == "det" and child.lower_ in _FEMININE_DETS:
            return "f"
        if child.dep_ == "det" and child.lower_ in _MASCULINE_DETS:
            return "m"
    morph = tok.morph.get("Gender", [])
    return {"Fem": "f", "Masc": "m"}.get(morph[0], "x") if morph else "x"


def title_of(ent: Span) -> str | None:
    """The title a person is introduced with: "ministre" for "La ministre …, Nathalie Cordier"."""
    doc = ent.doc
    titles = lex.person_titles()
    candidates = list(doc[max(0, ent.start - 8) : ent.start]) + list(ent)
    if ent.root.dep_ == "appos":
        candidates.append(ent.root.head)
    candidates += [c for c in ent.root.children if c.dep_ == "appos"]
    # "Karim Benali, délégué CGT": the tagger may take the apposed title for a participle
    found = [
        t.lemma_.lower() if t.pos_ == "NOUN" else t.lower_
        for t in candidates
        if (t.pos_ == "NOUN" or t.dep_ == "appos") and t.lower_ in titles
    ]
    return found[-1] if found else None


def resolve_pronoun(pron: Token, persons: Sequence[Span]) -> Span | None:
    """The nearest earlier person compatible with a subject pronoun ("il", "elle", "-t-elle")."""
    gender, _ = lex.subject_pronouns().get(pron.lower_, ("x", "s"))
    for person in reversed(persons):
        if person.end > pron.i:
            continue
        if pron.i - person.end > 120:
            return None
        found = gender_of(person)
        if found == "x" or gender == "x" or found == gender:
            return person
    return None


def apposed_person(doc: Doc, phrase: Span) -> Span | None:
    """ "le chef de l'opposition, Kemal Kılıçdaroğlu": a name set after the phrase by a comma."""
    if phrase.end + 1 >= len(doc) or doc[phrase.end].text != ",":
        return None
    ent = entity_of(doc, doc[phrase.end + 1])
    if ent is not None and ent.start == phrase.end + 1 and ent.label_ == "PER":
        return trim_title(ent)
    return None


def resolve_title(head: Token, persons: Sequence[Span]) -> Span | None:
    """ "La ministre affirme…": the nearest earlier person introduced with that title."""
    lemma = head.lemma_.lower()
    for person in reversed(persons):
        if person.end <= head.i and title_of(person) == lemma:
            return person
    return None
