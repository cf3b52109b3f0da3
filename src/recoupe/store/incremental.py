"""What incremental builds re-use: per-document analyses, keyed by text hash and pipeline.

The ``analyses`` table keeps each document's ``DocAnalysis`` as JSON, keyed by the hash of
the document's text and by ``pipeline_version()``, a fingerprint of the code and data the
analysis depends on. A build pointed at an existing dossier analyses only the documents
whose (hash, version) is not there yet, and saves them batch by batch, each batch in its
own transaction.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import sqlite3
import types
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from recoupe import __version__
from recoupe.records import DocAnalysis, DocDate, Document, Dossier, Removed

_PACKAGE = Path(__file__).resolve().parents[1]


PIN_VARIABLE = "RECOUPE_PIPELINE_VERSION"


def pipeline_version(model: str = "fr_core_news_md") -> str:
    """A short fingerprint of what a document's analysis depends on: code, data, model.

    ``RECOUPE_PIPELINE_VERSION`` pins it instead (to keep saved analyses across a change
    known not to alter them).
    """
    return os.environ.get(PIN_VARIABLE) or _fingerprint(model)


@functools.cache
def _fingerprint(model: str) -> str:
    digest = hashlib.sha256(f"{__version__}:{model}".encode())
    for folder in ("analyze", "data"):
        for path in sorted((_PACKAGE / folder).rglob("*")):
            if path.is_file() and path.suffix not in {".pyc"}:
                digest.update(path.relative_to(_PACKAGE).as_posix().encode())
                digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def encode_analysis(analysis: DocAnalysis) -> str:
    return json.dumps(dataclasses.asdict(analysis), ensure_ascii=False)


def _decode(tp: Any, value: Any) -> Any:
    origin = get_origin(tp)
    if origin is tuple:
        item_type = get_args(tp)[0]
        return tuple(_decode(item_type, v) for v in value)
    if origin in (Union, types.UnionType):
        if value is None:
            return None
        inner = [a for a in get_args(tp) if a is not type(None)]
        return _decode(inner[0], value)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _decode_dataclass(tp, value)
    if tp is float and isinstance(value, int):
        return float(value)
    return value


def _decode_dataclass(cls: type[Any], value: Mapping[str, Any]) -> Any:
    hints = get_type_hints(cls)
    kwargs = {
        f.name: _decode(hints[f.name], value[f.name])
        for f in dataclasses.fields(cls)
        if f.name in value
    }
    return cls(**kwargs)


def decode_analysis(text: str) -> DocAnalysis:
    result: DocAnalysis = _decode_dataclass(DocAnalysis, json.loads(text))
    return result


def _analysis_rows(
    pairs: Iterable[tuple[Document, DocAnalysis]], version: str
) -> list[tuple[str, str, str, str]]:
    return [(text_hash(d.text), version, d.id, encode_analysis(a)) for d, a in pairs]


def save_analyses(conn: sqlite3.Connection, dossier: Dossier, version: str) -> None:
    """Keep the dossier's analyses (inside the caller's transaction); drop other versions."""
    by_id = {d.id: d for d in dossier.documents}
    pairs = [(by_id[a.doc], a) for a in dossier.analyses if a.doc in by_id]
    conn.execute("DELETE FROM analyses WHERE pipeline_version != ?", (version,))
    conn.executemany(
        "INSERT OR REPLACE INTO analyses (text_hash, pipeline_version, doc, data) "
        "VALUES (?, ?, ?, ?)",
        _analysis_rows(pairs, version),
    )


def store_analyses(path: Path, pairs: Sequence[tuple[Document, DocAnalysis]], version: str) -> None:
    """Save one batch of analyses in its own transaction (creating the dossier if needed)."""
    from recoupe.store.sqlite import connect_write, transaction

    conn = connect_write(path)
    try:
        with transaction(conn):
            conn.executemany(
                "INSERT OR REPLACE INTO analyses (text_hash, pipeline_version, doc, data) "
                "VALUES (?, ?, ?, ?)",
                _analysis_rows(pairs, version),
            )
    finally:
        conn.close()


def cached_analyses(conn: sqlite3.Connection, version: str) -> dict[str, DocAnalysis]:
    """Analyses saved for this pipeline version, by text hash."""
    rows = conn.execute(
        "SELECT text_hash, data FROM analyses WHERE pipeline_version = ?", (version,)
    )
    return {row[0]: decode_analysis(row[1]) for row in rows}


def stored_documents(conn: sqlite3.Connection) -> list[Document]:
    """The documents of an existing dossier, as records (for adding new ones to them)."""
    removed: dict[str, list[Removed]] = {}
    for row in conn.execute("SELECT doc, text, reason FROM removed ORDER BY id"):
        removed.setdefault(row[0], []).append(Removed(row[1], row[2]))
    documents = []
    for row in conn.execute("SELECT * FROM documents ORDER BY pk"):
        date = DocDate(
            row["date_value"], row["date_precision"], row["date_provenance"],
            row["date_earliest"], row["date_latest"], row["date_confidence"],
            tuple(json.loads(row["date_evidence"])),
        )  # fmt: skip
        documents.append(
            Document(
                row["id"],
                row["path"],
                row["text"],
                row["title"],
                row["source"],
                row["url"],
                row["language"],
                date,
                row["duplicate_of"],
                tuple(removed.get(row["id"], ())),
            )
        )
    return documents
