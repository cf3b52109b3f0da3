"""``metadata.json`` for Datasette, written next to ``dossier.sqlite``.

``datasette dossier.sqlite --metadata metadata.json`` then offers facets on entity type,
fact status, date precision and source, and full-text search on documents and quotes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

_TABLES: dict[str, dict[str, Any]] = {
    "documents": {
        "label_column": "title",
        "facets": ["source", "date_precision", "date_provenance"],
        "fts_table": "documents_fts",
        "fts_pk": "pk",
        "sort": "date_value",
    },
    "entities": {"label_column": "name", "facets": ["type"], "sort_desc": "mention_count"},
    "mentions": {"facets": ["doc", "metonymy"]},
    "facts": {"label_column": "label", "facets": ["status", "unit"], "sort": "position"},
    "observations": {"facets": ["qualifier", "doc"]},
    "quotes": {"fts_table": "quotes_fts", "facets": ["kind", "speaker_entity", "doc"]},
    "quantities": {"facets": ["qualifier", "unit", "doc"]},
    "timexes": {"facets": ["type", "doc"]},
    "timeline": {"label_column": "headline", "facets": ["date_precision"], "sort": "position"},
    "skipped": {"facets": ["reason"]},
    "removed": {"facets": ["reason", "doc"]},
    "analyses": {"hidden": True},
    "meta": {"hidden": True},
    "_migrations": {"hidden": True},
}


def datasette_metadata(database: str) -> dict[str, Any]:
    return {
        "title": "Dossier recoupe",
        "description": (
            "Articles recoupés : documents, entités, chiffres, citations, chronologie. "
            "Chaque élément renvoie à son document (doc) et à sa place dans le texte "
            "(start, end)."
        ),
        "databases": {database: {"tables": _TABLES}},
    }


def write_datasette_metadata(db_path: Path) -> Path:
    """Write ``metadata.json`` beside ``db_path`` (Datasette names the database by its stem)."""
    path = db_path.with_name("metadata.json")
    path.write_text(
        json.dumps(datasette_metadata(db_path.stem), ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    return path
