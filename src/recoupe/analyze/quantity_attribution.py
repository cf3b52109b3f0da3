"""Who a figure is attributed to: the speaker of the quote around it, or "selon X".

"Selon la préfecture, 520 habitations…", "…, d'après la préfecture", "2 500 foyers…,
selon Enedis", and any figure inside reported or quoted speech ("Le maire a indiqué que
85 familles…") go to that source. Returned as ``(start, end, text)`` of the source's name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from recoupe.analyze import quote_cues as cues
from recoupe.analyze import quote_speakers as sp
from recoupe.analyze.quantity_lexicon import words
from recoupe.analyze.quote_direct import speaker_tokens

Source = tuple[int, int, str]


def attribution_for(doc: Doc, units: list[Span], start: int, end: int) -> Source | None:
    """The source of the figure at ``start:end``; ``units`` are the doc's sentence units."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    unit = cues.unit_of(units, span.start)
    return (
        _from_quotes(doc, start, end)
        or _from_preposition(doc, unit, span[0])
        or _from_report_verb(doc, unit, span[0])
    )


def _from_quotes(doc: Doc, start: int, end: int) -> Source | None:
    stored = doc._.quotes if Doc.has_extension("quotes") else None
    best: Source | None = None
    best_size = 1 << 62
    for quote in stored or ():
        speaker = quote.get("speaker")
        inside = quote["start"] <= start and end <= quote["end"]
        if speaker and inside and quote["end"] - quote["start"] < best_size:
            best = (int(speaker[0]), int(speaker[1]), str(speaker[2]))
            best_size = quote["end"] - quote["start"]
    return best


def _from_preposition(doc: Doc, unit: Span, figure: Token) -> Source | None:
    """The "selon X" / "d'après X" of the figure's sentence nearest to it (after it first)."""
    found: list[tuple[int, Source]] = []
    for tok in unit:
        size = cues.source_preposition(doc, tok.i)
        if size is None:
            continue
        head = _head_after(doc, tok.i + size, unit.end)
        if head is not None:
            distance = tok.i - figure.i if tok.i > figure.i else 2 * (figure.i - tok.i)
            found.append((distance, _name(doc, head)))
    return min(found)[1] if found else None


def _from_report_verb(doc: Doc, unit: Span, figure: Token) -> Source | None:
    """ "La préfecture recense plus de 300 évacués": the subject of a reporting verb."""
    verbs = words("quantities", "report_verbs.txt")
    for tok in doc[unit.start : figure.i]:
        if tok.pos_ != "VERB" or not any(lemma in verbs for lemma in cues.lemmas(tok)):
            continue
        if not tok.left_edge.i <= figure.i <= tok.right_edge.i:
            continue
        subjects = speaker_tokens(tok, [], unit)
        if subjects and subjects[0].pos_ in ("NOUN", "PROPN"):
            return _name(doc, subjects[0])
    return None


def _head_after(doc: Doc, i: int, end: int) -> Token | None:
    for tok in doc[i : min(end, i + 6)]:
        if tok.pos_ in ("NOUN", "PROPN"):
            return tok
        if tok.pos_ not in ("DET", "ADJ"):
            return None
    return None


def _name(doc: Doc, head: Token) -> Source:
    phrase = sp.noun_phrase(head)
    found = sp.person_in(doc, phrase) or sp.entity_of(doc, head) or phrase
    return found.start_char, found.end_char, found.text
