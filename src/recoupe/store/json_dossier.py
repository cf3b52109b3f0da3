"""The dossier as JSON, following ../shared/dossier-contract.md (schema version 1)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from recoupe import SCHEMA_VERSION
from recoupe.records import (
    Document,
    Dossier,
    Entity,
    Fact,
    LinkedQuantity,
    LinkedQuote,
    Source,
    TimelineEntry,
    Timex,
)


def _document(d: Document) -> dict[str, Any]:
    return {
        "id": d.id,
        "path": d.path,
        "title": d.title,
        "source": d.source,
        "url": d.url,
        "language": d.language,
        "date": {
            "value": d.date.value,
            "precision": d.date.precision,
            "provenance": d.date.provenance,
            "earliest": d.date.earliest,
            "latest": d.date.latest,
            "confidence": d.date.confidence,
            "evidence": list(d.date.evidence),
        },
        "duplicate_of": d.duplicate_of,
        "removed": [{"text": r.text, "reason": r.reason} for r in d.removed],
        "text": d.text,
    }


def _entity(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "mentions": [
            {"doc": m.doc, "start": m.start, "end": m.end, "text": m.text, "metonymy": m.metonymy}
            for m in e.mentions
        ],
    }


def _timex(t: Timex) -> dict[str, Any]:
    return {
        "doc": t.doc,
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "type": t.type,
        "value": t.value,
        "mod": t.mod,
    }


def _quantity(lq: LinkedQuantity) -> dict[str, Any]:
    q = lq.quantity
    return {
        "doc": q.doc,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "qualifier": q.qualifier,
        "unit": q.unit,
        "kind": q.kind,
        "modifiers": list(q.modifiers),
        "entities": list(lq.entities),
        "attributed_to": lq.attributed_to,
    }


def _quote(lq: LinkedQuote) -> dict[str, Any]:
    q = lq.quote
    return {
        "doc": q.doc,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "kind": q.kind,
        "cue": q.cue,
        "speaker": {"text": q.speaker.text if q.speaker else None, "entity": lq.speaker_entity},
    }


def _source(s: Source) -> dict[str, Any]:
    return {"doc": s.doc, "start": s.start, "end": s.end}


def _fact(f: Fact) -> dict[str, Any]:
    return {
        "id": f.id,
        "label": f.label,
        "unit": f.unit,
        "observations": [
            {
                "doc": o.doc,
                "start": o.start,
                "end": o.end,
                "value": o.value,
                "qualifier": o.qualifier,
                "as_of": o.as_of,
                "source": {"text": o.source, "entity": o.source_entity} if o.source else None,
            }
            for o in f.observations
        ],
        "status": f.status,
    }


def _entry(t: TimelineEntry) -> dict[str, Any]:
    return {
        "id": t.id,
        "date": {"value": t.date, "precision": t.precision},
        "headline": t.headline,
        "text": t.text,
        "sources": [_source(s) for s in t.sources],
        "entities": list(t.entities),
        "future": t.future,
    }


def dossier_to_dict(dossier: Dossier) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": [_document(d) for d in dossier.documents],
        "skipped": [{"path": s.path, "reason": s.reason} for s in dossier.skipped],
        "entities": [_entity(e) for e in dossier.entities],
        "timexes": [_timex(t) for t in dossier.timexes],
        "quantities": [_quantity(q) for q in dossier.quantities],
        "quotes": [_quote(q) for q in dossier.quotes],
        "facts": [_fact(f) for f in dossier.facts],
        "timeline": [_entry(t) for t in dossier.timeline],
        "summary": [
            {"text": s.text, "sources": [_source(x) for x in s.sources]} for s in dossier.summary
        ],
    }


def write_json(dossier: Dossier, path: Path) -> None:
    data = dossier_to_dict(dossier)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
