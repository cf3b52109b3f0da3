"""Facts, quotes and the timeline as CSV tables (UTF-8 with BOM, for spreadsheets).

A cell of article text that starts like a formula (``=``, ``+``, ``-``, ``@``) gets a
leading apostrophe, so a spreadsheet shows it instead of running it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from recoupe.render import view

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

FACT_COLUMNS = ("fact", "label", "unit", "status", "value", "qualifier", "as_of", "doc",
                "doc_title", "start", "end", "excerpt")  # fmt: skip
QUOTE_COLUMNS = ("doc", "doc_title", "start", "end", "kind", "text", "cue", "speaker",
                 "speaker_entity", "speaker_name")  # fmt: skip
TIMELINE_COLUMNS = ("id", "date", "precision", "headline", "text", "entities", "sources",
                    "future")  # fmt: skip


def safe_cell(value: Any) -> Any:
    """A value as a CSV cell: whole numbers without ``.0``, formula-like text defused."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _write(path: Path, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: safe_cell(v) for k, v in row.items()})
    return path


def fact_rows(data: dict[str, Any], docs: view.DocIndex) -> list[dict[str, Any]]:
    return [
        {"fact": f["id"], "label": f["label"], "unit": f["unit"], "status": f["status"],
         "value": o["value"], "qualifier": o["qualifier"], "as_of": o["as_of"], "doc": o["doc"],
         "doc_title": docs.label(o["doc"]), "start": o["start"], "end": o["end"],
         "excerpt": docs.excerpt(o["doc"], o["start"], o["end"])}
        for f in data["facts"]
        for o in f["observations"]
    ]  # fmt: skip


def quote_rows(data: dict[str, Any], docs: view.DocIndex) -> list[dict[str, Any]]:
    names = view.entity_names(data["entities"])
    return [
        {**q, "doc_title": docs.label(q["doc"]), "speaker": q["speaker"]["text"],
         "speaker_entity": q["speaker"]["entity"],
         "speaker_name": names.get(q["speaker"]["entity"] or "", "")}
        for q in data["quotes"]
    ]  # fmt: skip


def timeline_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    names = view.entity_names(data["entities"])
    return [
        {"id": e["id"], "date": e["date"]["value"], "precision": e["date"]["precision"],
         "headline": e["headline"], "text": e["text"],
         "entities": "; ".join(names.get(x, x) for x in e.get("entities", [])),
         "sources": "; ".join(f"{s['doc']}:{s['start']}-{s['end']}" for s in e["sources"]),
         "future": bool(e.get("future", False))}
        for e in data["timeline"]
    ]  # fmt: skip


def write_csv_tables(data: dict[str, Any], out_dir: Path) -> list[Path]:
    """Write ``facts.csv``, ``quotes.csv`` and ``timeline.csv`` into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = view.DocIndex(data["documents"])
    return [
        _write(out_dir / "facts.csv", FACT_COLUMNS, fact_rows(data, docs)),
        _write(out_dir / "quotes.csv", QUOTE_COLUMNS, quote_rows(data, docs)),
        _write(out_dir / "timeline.csv", TIMELINE_COLUMNS, timeline_rows(data)),
    ]
