"""Put the analysed documents together into one dossier."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from recoupe.consolidate.dates import Reresolver, infer_dates
from recoupe.consolidate.entities import EntityIndex, canonicalize_entities
from recoupe.consolidate.facts import build_facts
from recoupe.consolidate.roles import RoleHolders
from recoupe.consolidate.summary import build_summary
from recoupe.consolidate.timeline import build_timeline
from recoupe.records import (
    DocAnalysis,
    Document,
    Dossier,
    LinkedQuantity,
    LinkedQuote,
    Skipped,
    Span,
    Timex,
)
from recoupe.settings import Settings


def consolidate(
    documents: Sequence[Document],
    skipped: Sequence[Skipped],
    analyses: Sequence[DocAnalysis],
    settings: Settings,
    reresolve: Reresolver | None = None,
) -> Dossier:
    """Entities, dates for undated documents, facts, timeline and summary, across documents.

    ``reresolve`` recomputes a document's relative dates once its date is inferred (by
    default the ``recoupe.temporal`` resolver, when it is installed).
    """
    dated = infer_dates(documents, analyses, reresolve or default_reresolver())
    documents, analyses = dated.documents, dated.analyses
    entities = canonicalize_entities(analyses)
    index = EntityIndex(entities)
    roles = RoleHolders(documents, entities)

    def source_of(source: Span | None, doc: str) -> str | None:
        """The entity a speaker or a figure's source is: named there, or the one person
        given that role in the corpus ("la ministre de l'Économie")."""
        if source is None:
            return None
        found = index.entity_named(doc, source.start, source.end, source.text)
        return found or roles.holder(source.text, doc)

    quantities = tuple(
        LinkedQuantity(
            q,
            tuple(
                e
                for e in (index.entity_at(s.doc, s.start, s.end) for s in q.qualifiers)
                if e is not None
            ),
            source_of(q.attributed_to, q.doc),
        )
        for a in analyses
        for q in a.quantities
    )
    quotes = tuple(LinkedQuote(q, source_of(q.speaker, q.doc)) for a in analyses for q in a.quotes)
    return Dossier(
        documents=tuple(documents),
        skipped=tuple(skipped),
        entities=entities,
        timexes=tuple(t for a in analyses for t in a.timexes),
        quantities=quantities,
        quotes=quotes,
        facts=build_facts(quantities, documents, analyses, entities, index),
        timeline=build_timeline(documents, analyses, index, settings),
        summary=build_summary(documents, analyses, settings),
        analyses=tuple(analyses),
    )


def default_reresolver() -> Reresolver | None:
    """Re-resolution by the temporal package (``recoupe.temporal.reresolve``), if present."""
    try:
        from recoupe.temporal import reresolve
    except ImportError:
        return None

    def run(document: Document, timexes: Sequence[Timex]) -> tuple[Timex, ...]:
        spans = [(t.start, t.end) for t in timexes]
        found = reresolve(document.text, spans, document.date.value)
        return tuple(
            t
            if m is None
            else replace(t, type=m.type, value=m.value, mod=m.mod, anchored=m.anchored)
            for t, m in zip(timexes, found, strict=True)
        )

    return run
