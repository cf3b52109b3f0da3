"""Figures: every number with what it counts (the ``recoupe_quantities`` component).

Numbers are read from the text (``quantity_numbers``), kept when they are figures and
given their counted noun (``quantity_reading``), an elided noun and the names that qualify
them (``quantity_context``), and the source they are attributed to: the speaker of the
quotation they sit in, or the "selon X" / "d'après X" of their sentence. Run after
``recoupe_quotes`` to get attributions from quotes. The component stores plain values on
``doc._.quantities``; ``quantities_from_doc`` turns them into ``Quantity`` records.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from recoupe.analyze import quantity_context as context
from recoupe.analyze.doctext import doc_text
from recoupe.analyze.guard import guarded
from recoupe.analyze.quantity_attribution import attribution_for
from recoupe.analyze.quantity_numbers import find_numbers, merge_ranges
from recoupe.analyze.quantity_reading import Reading, read_number
from recoupe.analyze.quote_cues import units as sentence_units
from recoupe.records import Quantity, Span


def make_quantities(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Factory of the ``recoupe_quantities`` component."""
    return mark_quantities


@guarded("recoupe_quantities")
def mark_quantities(doc: Doc) -> Doc:
    """Find the document's figures; assigns ``doc._.quantities``."""
    doc._.quantities = [_to_plain(q) for q in find_quantities(doc)]
    return doc


def quantities_from_doc(sdoc: Doc, doc_id: str) -> list[Quantity]:
    stored = sdoc._.quantities if Doc.has_extension("quantities") else None
    if stored is None:
        return find_quantities(sdoc, doc_id) if sdoc.has_annotation("DEP") else []
    return [_from_plain(p, doc_id) for p in stored]


def find_quantities(doc: Doc, doc_id: str = "") -> list[Quantity]:
    """Every figure in a parsed doc, in reading order."""
    text = doc_text(doc)
    readings = context.fill_elided(doc, _readings(doc, text))
    units = sentence_units(doc)
    out = []
    for i, reading in enumerate(readings):
        stop = readings[i + 1].first if i + 1 < len(readings) else len(doc)
        out.append(_record(doc, text, doc_id, reading, (stop, units)))
    return out


def _readings(doc: Doc, text: str) -> list[Reading]:
    numbers = merge_ranges(text, find_numbers(text))
    out: list[Reading] = []
    for expr in numbers:
        if out and expr.start < out[-1].end:
            continue
        reading = read_number(doc, expr)
        if reading is not None:
            out.append(reading)
    return out


def _record(
    doc: Doc, text: str, doc_id: str, r: Reading, where: tuple[int, list[SpacySpan]]
) -> Quantity:
    stop, units = where
    names = context.place_spans(doc, r, stop)
    owner = context.owner_span(doc, r)
    if owner is not None and all(owner.start != n.start for n in names):
        names.append(owner)
    found = attribution_for(doc, units, r.start, r.end, r.kind)
    source = Span(doc_id, found[0], found[1], found[2]) if found else None
    n = r.number
    low = n.low if n.low is not None else None
    high = n.high if n.high is not None else None
    return Quantity(
        doc_id,
        r.start,
        r.end,
        text[r.start : r.end],
        n.value,
        low,
        high,
        r.qualifier,
        r.unit,
        r.modifiers,
        tuple(_span(doc_id, s) for s in names),
        source,
        r.kind,
    )


def _span(doc_id: str, s: SpacySpan) -> Span:
    return Span(doc_id, s.start_char, s.end_char, s.text)


def _to_plain(q: Quantity) -> dict[str, Any]:
    return {
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "qualifier": q.qualifier,
        "unit": q.unit,
        "modifiers": list(q.modifiers),
        "kind": q.kind,
        "qualifiers": [[s.start, s.end, s.text] for s in q.qualifiers],
        "attributed_to": [q.attributed_to.start, q.attributed_to.end, q.attributed_to.text]
        if q.attributed_to
        else None,
    }


def _from_plain(p: dict[str, Any], doc_id: str) -> Quantity:
    source = p["attributed_to"]
    return Quantity(
        doc_id,
        int(p["start"]),
        int(p["end"]),
        str(p["text"]),
        float(p["value"]),
        None if p["low"] is None else float(p["low"]),
        None if p["high"] is None else float(p["high"]),
        str(p["qualifier"]),
        str(p["unit"]),
        tuple(str(m) for m in p["modifiers"]),
        tuple(Span(doc_id, int(a), int(b), str(t)) for a, b, t in p["qualifiers"]),
        Span(doc_id, int(source[0]), int(source[1]), str(source[2])) if source else None,
        str(p["kind"]),
    )
