"""Exports of a dossier read from ``dossier.sqlite``: TimelineJS, CSV, Markdown, JSON.

``export_dossier(db_path, fmt, out)`` is what ``recoupe export`` calls.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from recoupe.export.brief import markdown_brief
from recoupe.export.spreadsheet import write_csv_tables
from recoupe.export.timelinejs import timelinejs
from recoupe.store.sqlite import connect_readonly, read_dossier_dict

FORMATS = ("timelinejs", "csv", "markdown", "json")


def _write_text(path: Path, text: str) -> list[Path]:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return [path]


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


_WRITERS: dict[str, Callable[[dict[str, Any], Path], list[Path]]] = {
    "timelinejs": lambda data, out: _write_text(out, _json(timelinejs(data))),
    "csv": write_csv_tables,
    "markdown": lambda data, out: _write_text(out, markdown_brief(data)),
    "json": lambda data, out: _write_text(out, _json(data)),
}


def export_dossier(db_path: Path, fmt: str, out: Path) -> list[Path]:
    """Write the dossier at ``db_path`` as ``fmt`` to ``out`` (a folder for csv); return paths."""
    if fmt not in _WRITERS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    conn = connect_readonly(db_path)
    try:
        data = read_dossier_dict(conn)
    finally:
        conn.close()
    return _WRITERS[fmt](data, out)
