"""The words that introduce a quotation: speech verbs, "que", "selon", documents.

Only verbs from the data list count ("déclarer", "affirmer", "estimer", "craindre"…);
incise verbs ("…, poursuit-il") only after a quote. A cue is the verb with its
auxiliaries and an inverted pronoun: "a déclaré", "a-t-il ajouté", "confie-t-il".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from recoupe.analyze import quote_lexicon as lex

_QUE = ("que", "qu'", "qu’")
_NOT_COMPLEMENT = (
    "plus",
    "moins",
    "autant",
    "ainsi",
    "tant",
    "bien",
    "alors",
    "avant",
    "ne",
    "n'",
    "n’",
    "même",
    "tel",
    "telle",
    "si",
    "aussi",
    # "tandis que", "parce que", "dès que"…: a conjunction, not the said clause
    "tandis",
    "pendant",
    "parce",
    "dès",
    "après",
    "sans",
    "pour",
    "afin",
    "depuis",
    "lors",
    "sorte",
    "condition",
)
_SENTENCE_ENDS = (".", "!", "?", "…", ":", ";", "»", '"', "”")
_STOPS = (".", ";", "!", "?", ":", "«", "»", '"', "“", "”")
_PREFIX_OK = ("AUX", "ADV", "PRON", "PART")
_INVERTED = ("t", "il", "elle", "ils", "elles", "on")
_ER_ENDINGS = ("aient", "ait", "ent", "ant", "ées", "és", "ée", "é", "es", "e", "a", "ons", "ez")


def is_speech_verb(tok: Token, incise: bool = False) -> bool:
    if tok.pos_ not in ("VERB", "AUX") or (tok.pos_ == "AUX" and tok.lemma_ in ("avoir", "être")):
        return False
    verbs = lex.incise_verbs() if incise else lex.speech_verbs()
    reflexive = _reflexive(tok)
    if any(_with_clitic(lemma, reflexive) in verbs for lemma in lemmas(tok)):
        return True
    return not reflexive and tok.lemma_.lower() in lex.call_verbs() and _calls_to(tok)


def _calls_to(verb: Token) -> bool:
    """ "a appelé à", "a appelé les électeurs à": "à" within a few words, in the clause."""
    for tok in verb.doc[verb.i + 1 : verb.i + 6]:
        if tok.lower_ in ("à", "au", "aux"):
            return True
        if tok.is_punct or tok.pos_ in ("VERB", "AUX", "SCONJ"):
            return False
    return False


def _mistagged_incise(tok: Token) -> bool:
    """ "…», juge le maire": an incise verb the tagger took for a noun, before its subject."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if tok.pos_ not in ("NOUN", "ADJ") or not tok.is_lower or nxt is None:
        return False
    if nxt.pos_ not in ("DET", "PROPN") and nxt.text[:1] != "-":
        return False
    return any(lemma in lex.incise_verbs() for lemma in lemmas(tok)[1:])


def _with_clitic(lemma: str, reflexive: bool) -> str:
    if not reflexive:
        return lemma
    return ("s'" if lemma[:1] in "aeiouéèêh" else "se ") + lemma


def lemmas(tok: Token) -> list[str]:
    """The model's lemma, and a guess for "-er" verbs it leaves inflected ("indique")."""
    out = [tok.lemma_.lower()]
    low = tok.lower_
    for suffix in _ER_ENDINGS:
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            out.append(low[: -len(suffix)] + "er")
    return out


def units(doc: Doc) -> list[Span]:
    """Sentences cut at line breaks, with false splits mended ("Al-Mansouri | a déclaré")."""
    out: list[Span] = []
    sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    for sent in sents:
        for piece in _lines(doc, sent):
            if out and out[-1].end == piece.start and _runs_on(doc, out[-1]):
                out[-1] = doc[out[-1].start : piece.end]
            else:
                out.append(piece)
    return out


def _lines(doc: Doc, sent: Span) -> list[Span]:
    out = []
    start = sent.start
    for tok in sent:
        if (tok.is_space and "\n" in tok.text) or "\n" in tok.whitespace_:
            end = tok.i if tok.is_space else tok.i + 1
            if end > start:
                out.append(doc[start:end])
            start = tok.i + 1
    if sent.end > start:
        out.append(doc[start : sent.end])
    return out


def _runs_on(doc: Doc, unit: Span) -> bool:
    """Whether a unit stops mid-sentence on the same line (no final punctuation). A wire
    dateline's end ("(AFP) -") is no such stop: the story starts after it."""
    last = unit[-1]
    if last.text in ("-", "–", "—") and len(unit) > 1 and unit[-2].text == ")":
        return False
    same_line = "\n" not in last.whitespace_ and not last.is_space
    return same_line and last.text not in _SENTENCE_ENDS and not last.text.endswith(".")


def unit_of(units_: list[Span], i: int) -> Span:
    """The unit holding token ``i``."""
    lo, hi = 0, len(units_) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if units_[mid].start <= i:
            lo = mid
        else:
            hi = mid - 1
    return units_[lo]


_SAME_PERSON = {"me": "je", "m'": "je", "m’": "je", "te": "tu", "t'": "tu", "t’": "tu"}


def _reflexive(tok: Token) -> bool:
    """ "s'est indignée", and "je me demande" (its pronoun is its subject's person), not
    "il me demande"."""
    clitics = [c for c in tok.children if c.i < tok.i]
    if any(c.lower_ in ("se", "s'", "s’") for c in clitics):
        return True
    subjects = {c.lower_ for c in tok.children if c.dep_ == "nsubj"}
    return any(_SAME_PERSON.get(c.lower_) in subjects for c in clitics)


RELATIVE_WORDS = frozenset({"qui", "que", "qu'", "qu’", "dont", "où"})


def incise_after(doc: Doc, i: int) -> Token | None:
    """The verb of ", a déclaré X" / ", a-t-il ajouté" starting at token ``i`` after a quote."""
    if i >= len(doc) or doc[i].text != ",":
        return None  # "« Bouclier du Nord » a été lancée": no comma, no incise
    for tok in doc[i + 1 : i + 6]:
        if is_speech_verb(tok, incise=True) or _mistagged_incise(tok):
            return tok
        relative = tok.lower_ in RELATIVE_WORDS
        prefix = tok.pos_ in _PREFIX_OK or tok.text[:1] == "-" or tok.lemma_ == "pouvoir"
        if relative or not prefix:
            return None
    return None


def verb_before(doc: Doc, start: int, end: int, skip: list[tuple[int, int]]) -> Token | None:
    """The last speech verb in tokens ``start..end`` (outside quoted stretches ``skip``)."""
    for tok in reversed(doc[start:end]):
        if any(a <= tok.idx < b for a, b in skip) or _passive(tok):
            continue
        if is_speech_verb(tok) or (is_speech_verb(tok, incise=True) and _before_colon(tok, end)):
            return tok
    return None


def _passive(verb: Token) -> bool:
    """ "les mesures seraient annoncées « … »": a passive speech verb names no speaker."""
    return any(c.dep_ == "aux:pass" for c in verb.children) and not any(
        c.dep_ in ("obl:agent", "expl:subj") or c.lower_ == "il" for c in verb.children
    )


def _before_colon(verb: Token, end: int) -> bool:
    """ "ajoutant :" — an incise-only verb may introduce a quote with a colon."""
    return any(t.text == ":" for t in verb.doc[verb.i + 1 : end])


def complementizer(verb: Token, limit: int) -> Token | None:
    """The "que" opening the reported clause of a speech verb, if it has one before ``limit``."""
    doc = verb.doc
    for tok in doc[verb.i + 1 : min(limit, verb.i + 16)]:
        if tok.lower_ in _QUE:
            prev = doc[tok.i - 1].lower_
            return tok if prev not in _NOT_COMPLEMENT and tok.pos_ != "PRON" else None
        if tok.text in _STOPS or tok.lower_ in ("qui", "dont", "lequel", "laquelle"):
            return None
        if tok.pos_ == "VERB" and tok.dep_ not in ("xcomp",) and tok.head.i != verb.i:
            return None
    return None


_REFLEXIVE = frozenset({"se", "s'", "s’"})


def cue_span(verb: Token) -> Span:
    """The verb with its reflexive pronoun, auxiliaries and an inverted pronoun: "a-t-il
    ajouté", "se sont plaints"."""
    doc = verb.doc
    first, last = verb.i, verb.i
    for child in verb.children:
        if child.dep_.startswith("aux") and child.i < verb.i:
            first = min(first, child.i)
    if first > 0 and doc[first - 1].lower_ in _REFLEXIVE:  # "se sont plaints"
        first -= 1
    for tok in doc[last + 1 : last + 3]:
        if tok.text[:1] != "-" or tok.lower_.lstrip("-") not in _INVERTED:
            break
        last = tok.i
    return doc[first : last + 1]


def source_preposition(doc: Doc, i: int) -> int | None:
    """Length in tokens of "selon" / "d'après" / "de source" starting at ``i``, or None."""
    for size in (2, 1):
        words = " ".join(t.lower_.replace("’", "'") for t in doc[i : i + size])
        compact = "".join(t.lower_.replace("’", "'") for t in doc[i : i + size])
        if i + size <= len(doc) and (
            words in lex.source_prepositions() or compact in lex.source_prepositions()
        ):
            return size
    return None


def opinion_holder(doc: Doc, i: int, sent: Span) -> bool:
    """ "Pour Marc L., la présence… était devenue « … »": "pour" opening the sentence before a
    person's name (not "Pour la première fois", "Pour les habitants"), the writer not speaking
    after the comma ("Pour Jacques Chirac, je garde le souvenir…" is about him)."""
    if not (
        i == sent.start
        and doc[i].lower_ == "pour"
        and i + 1 < sent.end
        and doc[i + 1].ent_type_ == "PER"
        and doc[i + 1].ent_iob_ == "B"
    ):
        return False
    comma = next((t.i for t in doc[i + 2 : min(i + 20, sent.end)] if t.text == ","), None)
    after = doc[comma + 1].lower_.replace("’", "'") if comma and comma + 1 < sent.end else ""
    return after not in _FIRST_PERSON


_FIRST_PERSON = frozenset({"je", "j'", "moi", "nous"})


def author_of(tok: Token) -> Token | None:
    """ "un communiqué de la préfecture", "un communiqué publié par la coalition" -> the author."""
    for sub in tok.subtree:
        if sub.i == tok.i or sub.pos_ not in ("NOUN", "PROPN"):
            continue
        cases = {c.lower_ for c in sub.children if c.dep_ == "case"}
        if sub.dep_ in ("obl:agent", "nmod", "obl:arg", "obl") and cases & {
            "de",
            "du",
            "des",
            "d'",
            "d’",
            "par",
        }:
            return sub
    return None
