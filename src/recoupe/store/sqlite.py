"""The dossier as SQLite: the source of truth of the web app, and a database for Datasette.

One writer, in WAL mode: ``write_sqlite`` replaces the dossier's rows in one transaction,
so a run killed halfway leaves the previous dossier as it was. The web side opens the file
with ``connect_readonly`` (``mode=ro``, ``query_only``): it cannot write.

The rows come from ``dossier_to_dict``, the same dict as ``dossier.json``, so the two
never diverge; ``read_dossier_dict`` gives that dict back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from recoupe import SCHEMA_VERSION, __version__
from recoupe.records import Dossier
from recoupe.store import tables as t
from recoupe.store.datasette import write_datasette_metadata
from recoupe.store.incremental import pipeline_version, save_analyses, text_hash
from recoupe.store.json_dossier import dossier_to_dict
from recoupe.store.migrations import migrate


def connect_write(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) a dossier for writing: WAL mode, schema up to date."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    migrate(conn)
    return conn


def connect_readonly(path: Path) -> sqlite3.Connection:
    """Open a dossier that nothing done through this connection can change."""
    if not path.is_file():
        raise FileNotFoundError(f"no dossier at {path}")
    uri = f"{path.resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA query_only = ON")
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any error or interruption."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _insert(conn: sqlite3.Connection, table: t.Table, rows: Iterable[tuple[Any, ...]]) -> None:
    names = table.column_names
    columns = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    # Table and column names come from the constant specs in tables.py, never from input.
    conn.executemany(f"INSERT INTO {table.name} ({columns}) VALUES ({marks})", rows)  # noqa: S608


def _rows(table: t.Table, items: Iterable[Mapping[str, Any]], **keys: Any) -> list[tuple[Any, ...]]:
    return [t.to_row(table, item, keys) for item in items]


def _write_documents(conn: sqlite3.Connection, data: dict[str, Any], version: str) -> None:
    for doc in data["documents"]:
        keys = {"text_hash": text_hash(doc["text"]), "pipeline_version": version}
        fields = {k: v for k, v in doc.items() if k != "removed"}
        _insert(conn, t.DOCUMENTS, [t.to_row(t.DOCUMENTS, fields, keys)])
        _insert(conn, t.REMOVED, _rows(t.REMOVED, doc.get("removed", []), doc=doc["id"]))
    _insert(conn, t.SKIPPED, _rows(t.SKIPPED, data["skipped"]))


def _write_entities(conn: sqlite3.Connection, data: dict[str, Any]) -> None:
    for position, entity in enumerate(data["entities"]):
        mentions = entity.get("mentions", [])
        fields = {k: v for k, v in entity.items() if k != "mentions"}
        keys = {"position": position, "mention_count": len(mentions)}
        _insert(conn, t.ENTITIES, [t.to_row(t.ENTITIES, fields, keys)])
        _insert(conn, t.MENTIONS, _rows(t.MENTIONS, mentions, entity=entity["id"]))


def _write_facts(conn: sqlite3.Connection, data: dict[str, Any]) -> None:
    for position, fact in enumerate(data["facts"]):
        fields = {k: v for k, v in fact.items() if k != "observations"}
        _insert(conn, t.FACTS, [t.to_row(t.FACTS, fields, {"position": position})])
        _insert(conn, t.OBSERVATIONS, _rows(t.OBSERVATIONS, fact["observations"], fact=fact["id"]))


def _write_timeline(conn: sqlite3.Connection, data: dict[str, Any]) -> None:
    for position, entry in enumerate(data["timeline"]):
        fields = {k: v for k, v in entry.items() if k != "sources"}
        _insert(conn, t.TIMELINE, [t.to_row(t.TIMELINE, fields, {"position": position})])
        sources = _rows(t.TIMELINE_SOURCES, entry["sources"], entry=entry["id"])
        _insert(conn, t.TIMELINE_SOURCES, sources)
    for position, sentence in enumerate(data["summary"]):
        fields = {k: v for k, v in sentence.items() if k != "sources"}
        _insert(conn, t.SUMMARY, [t.to_row(t.SUMMARY, fields, {"id": position})])
        sources = _rows(t.SUMMARY_SOURCES, sentence["sources"], sentence=position)
        _insert(conn, t.SUMMARY_SOURCES, sources)


def replace_dossier(conn: sqlite3.Connection, data: dict[str, Any], version: str) -> None:
    """Replace every dossier row by ``data`` (a contract dict); call inside a transaction."""
    for table in t.ALL_TABLES:
        conn.execute(f"DELETE FROM {table.name}")  # noqa: S608 - constant table names
    _write_documents(conn, data, version)
    _write_entities(conn, data)
    _insert(conn, t.TIMEXES, _rows(t.TIMEXES, data["timexes"]))
    _insert(conn, t.QUANTITIES, _rows(t.QUANTITIES, data["quantities"]))
    _insert(conn, t.QUOTES, _rows(t.QUOTES, data["quotes"]))
    _write_facts(conn, data)
    _write_timeline(conn, data)
    meta = {"schema_version": data["schema_version"], "recoupe_version": __version__}
    conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", meta.items())
    conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')")
    conn.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')")


def write_sqlite(dossier: Dossier, path: Path, version: str | None = None) -> None:
    """Write ``dossier`` to ``path`` (created or updated in place) and its Datasette metadata.

    The analyses the dossier carries are kept in the ``analyses`` table, keyed by text
    hash and pipeline ``version``, for incremental builds.
    """
    version = version or pipeline_version()
    data = dossier_to_dict(dossier)
    conn = connect_write(path)
    try:
        with transaction(conn):
            save_analyses(conn, dossier, version)
            replace_dossier(conn, data, version)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    write_datasette_metadata(path)


def _select(
    conn: sqlite3.Connection, table: t.Table, where: str = "", params: tuple[Any, ...] = ()
) -> list[sqlite3.Row]:
    columns = ", ".join(f'"{n}"' for n in table.column_names)
    order = "position" if any(c.name == "position" for c in table.columns) else "rowid"
    sql = f"SELECT {columns} FROM {table.name} {where} ORDER BY {order}"  # noqa: S608
    return list(conn.execute(sql, params))


def _grouped(conn: sqlite3.Connection, table: t.Table, key: str) -> dict[Any, list[dict[str, Any]]]:
    groups: dict[Any, list[dict[str, Any]]] = {}
    columns = ", ".join(f'"{n}"' for n in (key, *table.column_names))
    for row in conn.execute(f"SELECT {columns} FROM {table.name} ORDER BY id"):  # noqa: S608
        groups.setdefault(row[0], []).append(t.from_row(table, row))
    return groups


def read_documents(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    removed = _grouped(conn, t.REMOVED, "doc")
    documents = []
    for row in _select(conn, t.DOCUMENTS):
        doc = t.from_row(t.DOCUMENTS, row)
        doc["removed"] = removed.get(doc["id"], [])
        documents.append(doc)
    return documents


def _with_children(
    conn: sqlite3.Connection, parent: t.Table, child: t.Table, key: str, field: str
) -> list[dict[str, Any]]:
    children = _grouped(conn, child, key)
    items = []
    for row in _select(conn, parent):
        item = t.from_row(parent, row)
        item[field] = children.get(row["id"], [])
        items.append(item)
    return items


def read_entities(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return _with_children(conn, t.ENTITIES, t.MENTIONS, "entity", "mentions")


def read_facts(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return _with_children(conn, t.FACTS, t.OBSERVATIONS, "fact", "observations")


def read_timeline(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return _with_children(conn, t.TIMELINE, t.TIMELINE_SOURCES, "entry", "sources")


def read_summary(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return _with_children(conn, t.SUMMARY, t.SUMMARY_SOURCES, "sentence", "sources")


def read_items(conn: sqlite3.Connection, table: t.Table) -> list[dict[str, Any]]:
    """The contract items of a flat table (skipped, timexes, quantities, quotes)."""
    return [t.from_row(table, row) for row in _select(conn, table)]


def read_dossier_dict(conn: sqlite3.Connection) -> dict[str, Any]:
    """The whole dossier as the contract dict (what ``dossier.json`` holds)."""
    return {
        "schema_version": meta_value(conn, "schema_version") or SCHEMA_VERSION,
        "documents": read_documents(conn),
        "skipped": read_items(conn, t.SKIPPED),
        "entities": read_entities(conn),
        "timexes": read_items(conn, t.TIMEXES),
        "quantities": read_items(conn, t.QUANTITIES),
        "quotes": read_items(conn, t.QUOTES),
        "facts": read_facts(conn),
        "timeline": read_timeline(conn),
        "summary": read_summary(conn),
    }


def meta_value(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])
