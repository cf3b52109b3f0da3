"""Direct quotations: marked stretches with the verb that introduces them and its subject.

A marked stretch is a quote when a speech verb frames it (", a déclaré X" after it, "X a
déclaré :" or "X a déclaré que … « … »" before it), when it continues the quote of the
previous paragraph, or when it is long enough to be speech rather than a name in quotes
("la « résistance islamique en Irak »" is a designation, not a quote).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from recoupe.analyze import quote_cues as cues
from recoupe.analyze import quote_lexicon as lex
from recoupe.analyze.quote_marks import Marked
from recoupe.analyze.quote_speakers import inverted_subject, subject_of

_MIN_WORDS = 3  # shorter marked stretches are words in quotes, not quotations
_UNFRAMED_WORDS = 6  # a quote with no verb around it must be at least this long
_URL = re.compile(r"(?:https?://|www\.)\S+$")
_SENTENCE_END = (".", "!", "?", "…")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A quotation found, before its speaker is resolved to a name."""

    start: int
    end: int
    kind: str  # direct | indirect
    cue: Span | None = None
    subjects: tuple[Token, ...] = ()
    verb: Token | None = None  # the speech verb, to tell an impersonal "il a été précisé"
    continues: bool = False  # no cue of its own: the previous quote's speaker goes on


def direct_candidates(doc: Doc, marked: list[Marked], units: list[Span]) -> list[Candidate]:
    skip = [(m.start, m.end) for m in marked]
    out = []
    for m in marked:
        found = _direct(doc, m, skip, units)
        if found is not None:
            out.append(found)
    return out


def _direct(
    doc: Doc, m: Marked, skip: list[tuple[int, int]], units: list[Span]
) -> Candidate | None:
    words = m.text.split()
    if _URL.match(m.text):
        return None
    after = _framed_after(doc, m)
    said = len(words) >= 2 and _object_of_speech_verb(doc, m)  # "a dénoncé une « … »"
    if (after is None and not said and len(words) < _MIN_WORDS
            and m.text[-1:] not in _SENTENCE_END):  # fmt: skip
        return None
    if after is None and not said and _designation(doc, m, words):
        return None
    framed = after or _framed_before(doc, m, skip, units)
    if framed is not None:
        verb, subjects = framed
        return Candidate(m.start, m.end, "direct", cues.cue_span(verb), subjects, verb)
    source = _framed_by_source(doc, m, units)
    if source is not None:
        return Candidate(m.start, m.end, "direct", source[0], (source[1],))
    if _opens_sentence(doc, m, units) or len(words) >= _UNFRAMED_WORDS:
        return Candidate(m.start, m.end, "direct", continues=_opens_sentence(doc, m, units))
    return None


def _opens_sentence(doc: Doc, m: Marked, units: list[Span]) -> bool:
    """A quote with no cue that makes up its sentence goes on from the quote before it
    (« L'Homme de Rio » est un film: a title opening a sentence, not a quote)."""
    opening = _token_at_or_after(doc, m.open_at)
    if opening is None:
        return False
    unit = cues.unit_of(units, opening)
    if unit.start != opening:
        return False
    if m.close_at is None or m.text[-1:] in _SENTENCE_END:
        return True
    closing = _token_at_or_after(doc, m.close_at)
    rest = doc[closing + 1 : unit.end] if closing is not None else doc[0:0]
    return all(t.is_punct or t.is_space for t in rest)


def _framed_by_source(doc: Doc, m: Marked, units: list[Span]) -> tuple[Span, Token] | None:
    """ "Pour Marine Le Pen, « … »", "Selon le ministre, « … »": a source opens the sentence."""
    opening = _token_at_or_after(doc, m.open_at)
    if opening is None:
        return None
    unit = cues.unit_of(units, opening)
    first = unit.start
    size = cues.source_preposition(doc, first)
    if size is None and doc[first].lower_ == "pour":
        size = 1
    if size is None or opening - first > 12 or doc[opening - 1].text != ",":
        return None
    phrase = doc[first + size : opening - 1]
    head = next((t for t in phrase if t.pos_ in ("PROPN", "NOUN")), None)
    if head is None or (
        doc[first].lower_ == "pour" and not any(t.ent_type_ in ("PER", "ORG") for t in phrase)
    ):
        return None
    return doc[first : first + size], head


def _framed_after(doc: Doc, m: Marked) -> tuple[Token, tuple[Token, ...]] | None:
    if m.close_at is None:
        return None
    after = _token_at_or_after(doc, m.close_at + 1)
    if after is None:
        return None
    verb = cues.incise_after(doc, after)
    if verb is None:
        return None
    subject = _document_after(verb) if verb.lemma_ == "lire" else inverted_subject(verb)
    return verb, (subject,) if subject is not None else ()


def _document_after(verb: Token) -> Token | None:
    """ "…», peut-on lire dans un communiqué de la préfecture": the document speaks."""
    for tok in verb.doc[verb.i + 1 : verb.i + 8]:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.document_nouns():
            return tok
        if tok.is_punct:
            return None
    return None


def _framed_before(
    doc: Doc, m: Marked, skip: list[tuple[int, int]], units: list[Span]
) -> tuple[Token, tuple[Token, ...]] | None:
    opening = _token_at_or_after(doc, m.open_at)
    if opening is None:
        return None
    unit = cues.unit_of(units, opening)
    if unit.start == opening and opening > 0 and doc[opening - 1].text == ":":
        unit = cues.unit_of(units, opening - 1)
    verb = cues.verb_before(doc, unit.start, opening, skip)
    if verb is None:
        return None
    return verb, speaker_tokens(verb, skip, unit)


def speaker_tokens(
    verb: Token, skip: list[tuple[int, int]], unit: Span | None = None
) -> tuple[Token, ...]:
    """Subjects of a speech verb: before it, or after it (or its governing verb) when inverted."""
    subjects, top = subject_of(verb, skip, unit)
    if subjects:
        return tuple(subjects)
    subject = inverted_subject(top) or (inverted_subject(verb) if top is not verb else None)
    if subject is not None:
        return (subject,)
    main = _main_speech_verb(verb, unit)
    return speaker_tokens(main, skip, unit) if main is not None else ()


def _main_speech_verb(verb: Token, unit: Span | None) -> Token | None:
    """ "…, a déclaré Trump …, ajoutant :" — a subjectless participle speaks for that verb."""
    if "Part" not in verb.morph.get("VerbForm", []) and not verb.lower_.endswith("ant"):
        return None
    start = unit.start if unit is not None else 0
    for tok in reversed(verb.doc[start : verb.i]):
        if cues.is_speech_verb(tok, incise=True):
            return tok
    return None


def _designation(doc: Doc, m: Marked, words: list[str]) -> bool:
    """ "la « résistance islamique en Irak »": a short name in quotes after a determiner."""
    opening = _token_at_or_after(doc, m.open_at)
    if opening is None or opening == 0 or len(words) >= _UNFRAMED_WORDS:
        return False
    return doc[opening - 1].pos_ == "DET"


def _object_of_speech_verb(doc: Doc, m: Marked) -> bool:
    """ "a dénoncé une « alliance contre nature »", "a salué hier un « tournant »": words in
    quotes a speech verb takes as its object are the speaker's words, not a name."""
    opening = _token_at_or_after(doc, m.open_at)
    if opening is None or opening < 2 or doc[opening - 1].pos_ != "DET":
        return False
    k = opening - 2
    while k > 0 and doc[k].pos_ == "ADV":
        k -= 1
    return cues.is_speech_verb(doc[k])


def _token_at_or_after(doc: Doc, char: int) -> int | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span.start
    return _token_after_space(doc, char)


def _token_after_space(doc: Doc, char: int) -> int | None:
    """The first token starting after ``char`` (a whitespace character between tokens)."""
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx < char:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(doc) else None


def colon_candidates(doc: Doc, skip: list[tuple[int, int]], units: list[Span]) -> list[Candidate]:
    """ "Al-Mansouri a déclaré : nous resterons." — speech after a colon, without marks."""
    out = []
    for tok in doc:
        if tok.text != ":" or any(a <= tok.idx < b for a, b in skip):
            continue
        nxt = _token_after_space(doc, tok.idx + 1)
        if nxt is None or doc[nxt].is_space or doc[nxt].text[:1] in '«“"„':
            continue
        unit = cues.unit_of(units, tok.i)
        verb = cues.verb_before(doc, unit.start, tok.i, skip)
        if verb is None or any(t.is_punct and t.text != "," for t in doc[verb.i + 1 : tok.i]):
            continue
        begin = doc[nxt].idx
        end = unit_end(doc, unit, begin)
        if end > begin:
            out.append(
                Candidate(
                    begin,
                    end,
                    "direct",
                    cues.cue_span(verb),
                    speaker_tokens(verb, skip, unit),
                    verb,
                )
            )
    return out


def unit_end(doc: Doc, unit: Span, start: int) -> int:
    """End of a sentence unit, before its final punctuation (never before ``start``)."""
    text = unit.text
    end = len(text)
    while end > start - unit.start_char and text[end - 1] in " .;!?\t\n\u00a0\u202f":
        end -= 1
    return unit.start_char + end
