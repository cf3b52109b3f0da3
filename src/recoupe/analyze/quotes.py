"""Quotations and reported speech, with their speakers (the ``recoupe_quotes`` component).

The component stores plain values on ``doc._.quotes`` (so marked-up docs stay
serialisable); ``quotes_from_doc`` turns them into ``Quote`` records for a document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from recoupe.analyze.doctext import doc_text
from recoupe.analyze.guard import guarded
from recoupe.analyze.quote_cues import units as sentence_units
from recoupe.analyze.quote_direct import Candidate, colon_candidates, direct_candidates
from recoupe.analyze.quote_marks import find_marked
from recoupe.analyze.quote_reported import reported_candidates
from recoupe.analyze.quote_resolve import SpeakerResolver
from recoupe.records import Quote, Span

_COVERED = 0.7  # reported speech mostly made of a direct quote is that quote


def make_quotes(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Factory of the ``recoupe_quotes`` component."""
    return mark_quotes


@guarded("recoupe_quotes")
def mark_quotes(doc: Doc) -> Doc:
    """Find the document's quotations; assigns ``doc._.quotes``."""
    doc._.quotes = [_to_plain(q) for q in find_quotes(doc)]
    return doc


def quotes_from_doc(sdoc: Doc, doc_id: str) -> list[Quote]:
    stored = sdoc._.quotes if Doc.has_extension("quotes") else None
    if stored is None:
        return find_quotes(sdoc, doc_id) if sdoc.has_annotation("DEP") else []
    return [_from_plain(p, doc_id) for p in stored]


def find_quotes(doc: Doc, doc_id: str = "") -> list[Quote]:
    """Every quotation in a parsed doc, in reading order."""
    text = doc_text(doc)
    marked = find_marked(text)
    skip = [(m.start, m.end) for m in marked]
    units = sentence_units(doc)
    direct = direct_candidates(doc, marked, units)
    direct += [c for c in colon_candidates(doc, skip, units) if not _overlaps(c, direct)]
    reported = [c for c in reported_candidates(doc, skip, units) if not _covered(c, direct)]
    candidates = sorted(direct + _without_overlaps(reported), key=lambda c: (c.start, -c.end))
    resolver = SpeakerResolver(doc, skip)
    out = []
    for cand in candidates:
        speaker = resolver.speaker(cand)
        cue = cand.cue.text if cand.cue is not None else None
        spk = Span(doc_id, speaker.start_char, speaker.end_char, speaker.text) if speaker else None
        out.append(
            Quote(doc_id, cand.start, cand.end, text[cand.start : cand.end], cand.kind, cue, spk)
        )
    return out


def _overlaps(cand: Candidate, others: list[Candidate]) -> bool:
    return any(o.start < cand.end and cand.start < o.end for o in others)


def _covered(cand: Candidate, direct: list[Candidate]) -> bool:
    inside = sum(max(0, min(cand.end, d.end) - max(cand.start, d.start)) for d in direct)
    return inside >= _COVERED * (cand.end - cand.start)


def _without_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """One reported-speech reading per stretch of text: the longest wins."""
    kept: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: c.start - c.end):
        if not _overlaps(cand, kept):
            kept.append(cand)
    return kept


def _to_plain(q: Quote) -> dict[str, Any]:
    speaker = [q.speaker.start, q.speaker.end, q.speaker.text] if q.speaker else None
    return {
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "kind": q.kind,
        "cue": q.cue,
        "speaker": speaker,
    }


def _from_plain(p: dict[str, Any], doc_id: str) -> Quote:
    spk = p["speaker"]
    speaker = Span(doc_id, int(spk[0]), int(spk[1]), str(spk[2])) if spk else None
    return Quote(
        doc_id, int(p["start"]), int(p["end"]), str(p["text"]), str(p["kind"]), p["cue"], speaker
    )
