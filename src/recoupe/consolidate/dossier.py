"""Put the analysed documents together into one dossier."""

from __future__ import annotations

from collections.abc import Sequence

from recoupe.consolidate.entities import EntityIndex, canonicalize_entities
from recoupe.records import (
    DocAnalysis,
    Document,
    Dossier,
    LinkedQuantity,
    LinkedQuote,
    Skipped,
)
from recoupe.settings import Settings


def consolidate(
    documents: Sequence[Document],
    skipped: Sequence[Skipped],
    analyses: Sequence[DocAnalysis],
    settings: Settings,
) -> Dossier:
    entities = canonicalize_entities(analyses)
    index = EntityIndex(entities)
    quantities = tuple(
        LinkedQuantity(
            q,
            tuple(
                e
                for e in (index.entity_at(s.doc, s.start, s.end) for s in q.qualifiers)
                if e is not None
            ),
            index.entity_at(q.doc, q.attributed_to.start, q.attributed_to.end)
            if q.attributed_to
            else None,
        )
        for a in analyses
        for q in a.quantities
    )
    quotes = tuple(
        LinkedQuote(
            q, index.entity_at(q.doc, q.speaker.start, q.speaker.end) if q.speaker else None
        )
        for a in analyses
        for q in a.quotes
    )
    return Dossier(
        documents=tuple(documents),
        skipped=tuple(skipped),
        entities=entities,
        timexes=tuple(t for a in analyses for t in a.timexes),
        quantities=quantities,
        quotes=quotes,
        analyses=tuple(analyses),
    )
