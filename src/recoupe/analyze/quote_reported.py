"""Reported speech: "X a déclaré que…", "X craint que…", "Selon X, …", "…, a déclaré X".

The reported content runs from after "que" (or the comma after the source) to the end of
the sentence. Speech verbs inside direct quotes are skipped: "« Je ne pense pas que… »"
is the speaker's own words, not reported speech.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from recoupe.analyze import quote_cues as cues
from recoupe.analyze import quote_lexicon as lex
from recoupe.analyze.quote_direct import Candidate, speaker_tokens, unit_end
from recoupe.analyze.quote_speakers import inverted_subject


def reported_candidates(
    doc: Doc, skip: list[tuple[int, int]], units: list[Span]
) -> list[Candidate]:
    out: list[Candidate] = []
    for sent in units:
        out.extend(_que_clauses(doc, sent, skip))
        found = _leading_source(doc, sent) or _final_incise(doc, sent, skip)
        if found is not None:
            out.append(found)
    return out


def _inside(tok: Token, skip: list[tuple[int, int]]) -> bool:
    return any(a <= tok.idx < b for a, b in skip)


def _que_clauses(doc: Doc, sent: Span, skip: list[tuple[int, int]]) -> list[Candidate]:
    out = []
    for tok in sent:
        if not cues.is_speech_verb(tok) or _inside(tok, skip):
            continue
        que = cues.complementizer(tok, sent.end)
        if que is None or que.i + 1 >= len(doc):
            continue
        start = doc[que.i + 1].idx
        end = _next_speaker(doc, que, sent, skip) or unit_end(doc, sent, start)
        if end > start:
            out.append(
                Candidate(
                    start, end, "indirect", cues.cue_span(tok), speaker_tokens(tok, skip, sent), tok
                )
            )
    return out


def _next_speaker(doc: Doc, que: Token, sent: Span, skip: list[tuple[int, int]]) -> int | None:
    """ "X a réclamé que…, tandis que Y a dénoncé…": what X said ends where a clause with
    another speech verb and its own subject begins (the character offset of that comma)."""
    for tok in doc[que.i + 1 : sent.end]:
        if tok.text not in (",", ";") or _inside(tok, skip):
            continue
        for later in doc[tok.i + 1 : sent.end]:
            if later.text in (",", ";"):
                break
            if cues.is_speech_verb(later) and any(
                c.dep_.startswith("nsubj")
                and tok.i < c.i < later.i
                and "Rel" not in c.morph.get("PronType", [])
                and c.lower_ not in cues.RELATIVE_WORDS
                for c in later.children
            ):
                return tok.idx
    return None


def _leading_source(doc: Doc, sent: Span) -> Candidate | None:
    """ "Selon Vigicrues, la Loire a atteint…": the source opens the sentence."""
    first = sent.start
    while first < sent.end and doc[first].is_space:
        first += 1
    size = cues.source_preposition(doc, first)
    if size is None and cues.opinion_holder(doc, first, sent):
        size = 1
    if size is None:
        return None
    comma = next((t.i for t in doc[first + size : sent.end] if t.text == ","), None)
    if comma is None or comma + 1 >= sent.end or comma - first > 15:
        return None
    head = _phrase_head(doc[first + size : comma])
    named = None if head is None else _apposition(doc, comma, sent, head)
    if named is not None:  # "Selon son porte-parole, le colonel X, près de 2 000…"
        head, comma = named
    content = doc[comma + 1 : sent.end]
    if head is None or not any(t.pos_ in ("VERB", "AUX") for t in content):
        return None
    if any(cues.is_speech_verb(t) and cues.complementizer(t, sent.end) for t in content):
        return None  # "Selon Reuters, X, porte-parole…, précise que…": X says it
    start = doc[comma + 1].idx
    return Candidate(
        start, unit_end(doc, sent, start), "indirect", doc[first : first + size], (head,)
    )


_TITLE_POS = frozenset({"DET", "NOUN", "ADJ", "PROPN", "ADP"})  # "le chef d'état-major, X"


def _apposition(doc: Doc, comma: int, sent: Span, head: Token) -> tuple[Token, int] | None:
    """An apposition closed by a comma right after the source: a person named after a role
    ("Selon son porte-parole, le colonel X, …", not "Selon Reuters, X, porte-parole…,
    précise que…") or a title after a name ("Pour Marc L., chercheur à…, …"). The speaker's
    token and the closing comma, or None."""
    close = next((t.i for t in doc[comma + 1 : min(comma + 16, sent.end)] if t.text == ","), None)
    if close is None or close == comma + 1:
        return None
    between = doc[comma + 1 : close]
    if between[0].pos_ == "ADP" or any(t.pos_ in ("VERB", "AUX") for t in between):
        return None
    name = next((t for t in between if t.ent_type_ == "PER"), None)
    if name is not None:  # a source by its role, then a title and the name ending the apposition
        title = doc[between.start : name.i]
        if (
            head.pos_ == "NOUN"
            and between[-1].ent_type_ == "PER"
            and all(t.pos_ in _TITLE_POS for t in title)
        ):
            return name, close
        return None
    noun = next((t for t in between if t.pos_ != "DET"), None)
    if head.ent_type_ == "PER" and noun is not None and noun.lower_ in lex.person_titles():
        return head, close
    return None


def _phrase_head(phrase: Span) -> Token | None:
    for tok in phrase:
        if tok.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok
    return None


_AUXILIARY = ("aux", "aux:tense", "aux:pass", "cop")
_RELATIVE_WORDS = cues.RELATIVE_WORDS | {"lequel", "laquelle"}


def _main_clause(content: Span) -> bool:
    """Whether ``content`` has a finite verb of its own, outside a relative clause (one
    opened by "qui", "dont"…: the parser may hang a main verb on its subject as well)."""
    for tok in content:
        if tok.pos_ not in ("VERB", "AUX") or "Fin" not in tok.morph.get("VerbForm", []):
            continue
        verb = tok.head if tok.dep_ in _AUXILIARY else tok
        if not content.start <= verb.i < content.end or verb.dep_ == "acl:relcl":
            continue
        if not any(c.lower_ in _RELATIVE_WORDS and c.i < verb.i for c in verb.children):
            return True
    return False


def _may_speak(verb: Token, subject: Token) -> bool:
    """The noun after a verb whose object often follows it ("…, a demandé une enquête
    indépendante") is its inverted subject only when it can speak."""
    if not any(lemma in lex.object_first_verbs() for lemma in cues.lemmas(verb)):
        return True
    if subject.ent_type_ in ("PER", "ORG") or subject.pos_ == "PRON":
        return True
    low = subject.lower_
    return low in lex.person_titles() or subject.lemma_.lower() in lex.source_nouns()


def _final_incise(doc: Doc, sent: Span, skip: list[tuple[int, int]]) -> Candidate | None:
    """ "Les discussions pourraient durer, a déclaré à Reuters un haut responsable"."""
    for tok in sent:
        if tok.text != "," or tok.i - sent.start < 4 or _inside(tok, skip):
            continue
        if doc[tok.i - 1].text[-1:] in '»”"':
            continue
        verb = cues.incise_after(doc, tok.i)
        if verb is None or not cues.is_speech_verb(verb):
            continue
        if cues.complementizer(verb, sent.end) is not None:
            continue
        content = doc[sent.start : tok.i]
        if not any(t.pos_ in ("VERB", "AUX") and t.i != verb.i for t in content):
            continue
        first = content[0]
        subject = inverted_subject(verb)
        before = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i]
        # a subject before the comma may be the parser's mistake ("Les écoles resteront
        # fermées, a annoncé la préfecture"): a name after the verb, or a clause of its own
        # before the comma, make it an incise; "Le ministre, qui est arrivé hier, a annoncé
        # 300 morts" has neither
        if subject is None or not _may_speak(verb, subject):
            continue
        if before and subject.ent_type_ not in ("ORG", "PER") and not _main_clause(content):
            continue
        return Candidate(
            first.idx,
            doc[tok.i - 1].idx + len(doc[tok.i - 1]),
            "indirect",
            cues.cue_span(verb),
            (subject,),
            verb,
        )
    return None
