"""The SQLite schema, created by named migrations recorded in ``_migrations``.

A migration is a function named ``mNNN_what`` taking an open connection; ``migrate()``
applies, in order, those not yet recorded, each in its own transaction. Never edit a
migration that has shipped: add the next one.

Conventions: JSON columns hold JSON text; ``start``/``"end"`` are character offsets into
``documents.text``; every table with a row per contract item has an ``extra`` column (JSON
object) for fields the contract gains later, so SQLite and ``dossier.json`` never diverge.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

Migration = Callable[[sqlite3.Connection], None]

_SPAN = 'doc TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL'
_FTS_OPTIONS = "tokenize = 'unicode61 remove_diacritics 2'"

M001_STATEMENTS: tuple[str, ...] = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE documents (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    title TEXT,
    source TEXT,
    url TEXT,
    language TEXT NOT NULL,
    date_value TEXT,
    date_precision TEXT,
    date_provenance TEXT NOT NULL,
    date_earliest TEXT,
    date_latest TEXT,
    date_confidence REAL NOT NULL,
    date_evidence TEXT NOT NULL,
    duplicate_of TEXT REFERENCES documents(id),
    text TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    extra TEXT NOT NULL
)""",
    """CREATE TABLE removed (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(id),
    text TEXT NOT NULL,
    reason TEXT NOT NULL
)""",
    "CREATE TABLE skipped (id INTEGER PRIMARY KEY, path TEXT NOT NULL, reason TEXT NOT NULL)",
    """CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL,
    mention_count INTEGER NOT NULL,
    extra TEXT NOT NULL
)""",
    f"""CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    entity TEXT NOT NULL REFERENCES entities(id),
    {_SPAN},
    text TEXT NOT NULL,
    metonymy INTEGER NOT NULL,
    extra TEXT NOT NULL
)""",
    f"""CREATE TABLE timexes (
    id INTEGER PRIMARY KEY,
    {_SPAN},
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    mod TEXT,
    extra TEXT NOT NULL
)""",
    f"""CREATE TABLE quantities (
    id INTEGER PRIMARY KEY,
    {_SPAN},
    text TEXT NOT NULL,
    value REAL NOT NULL,
    low REAL,
    high REAL,
    qualifier TEXT NOT NULL,
    unit TEXT NOT NULL,
    entities TEXT NOT NULL,
    attributed_to TEXT REFERENCES entities(id),
    extra TEXT NOT NULL
)""",
    f"""CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    {_SPAN},
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    cue TEXT,
    speaker_text TEXT,
    speaker_entity TEXT REFERENCES entities(id),
    extra TEXT NOT NULL
)""",
    """CREATE TABLE facts (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    unit TEXT NOT NULL,
    status TEXT NOT NULL,
    extra TEXT NOT NULL
)""",
    f"""CREATE TABLE observations (
    id INTEGER PRIMARY KEY,
    fact TEXT NOT NULL REFERENCES facts(id),
    {_SPAN},
    value REAL NOT NULL,
    qualifier TEXT NOT NULL,
    as_of TEXT,
    extra TEXT NOT NULL
)""",
    """CREATE TABLE timeline (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    date_value TEXT NOT NULL,
    date_precision TEXT NOT NULL,
    headline TEXT NOT NULL,
    text TEXT NOT NULL,
    entities TEXT NOT NULL,
    extra TEXT NOT NULL
)""",
    f"""CREATE TABLE timeline_sources (
    id INTEGER PRIMARY KEY,
    entry TEXT NOT NULL REFERENCES timeline(id),
    {_SPAN}
)""",
    "CREATE TABLE summary (id INTEGER PRIMARY KEY, text TEXT NOT NULL, extra TEXT NOT NULL)",
    f"""CREATE TABLE summary_sources (
    id INTEGER PRIMARY KEY,
    sentence INTEGER NOT NULL REFERENCES summary(id),
    {_SPAN}
)""",
    """CREATE TABLE analyses (
    text_hash TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    doc TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (text_hash, pipeline_version)
)""",
    "CREATE INDEX mentions_entity ON mentions(entity)",
    "CREATE INDEX mentions_doc ON mentions(doc)",
    "CREATE INDEX timexes_doc ON timexes(doc)",
    "CREATE INDEX quantities_doc ON quantities(doc)",
    "CREATE INDEX quotes_doc ON quotes(doc)",
    "CREATE INDEX quotes_speaker ON quotes(speaker_entity)",
    "CREATE INDEX observations_fact ON observations(fact)",
    "CREATE INDEX timeline_sources_entry ON timeline_sources(entry)",
    "CREATE INDEX summary_sources_sentence ON summary_sources(sentence)",
    f"""CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content="documents", content_rowid="pk",
    {_FTS_OPTIONS}
)""",
    f"""CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker_text, content="quotes", content_rowid="id",
    {_FTS_OPTIONS}
)""",
)


def m001_initial(conn: sqlite3.Connection) -> None:
    """Every table of schema version 1, with full-text search on documents and quotes."""
    for statement in M001_STATEMENTS:
        conn.execute(statement)


MIGRATIONS: tuple[Migration, ...] = (m001_initial,)


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    return [row[0] for row in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations not yet recorded; return the names of those applied now.

    The connection must be in autocommit mode (``isolation_level=None``): each migration
    runs in its own ``BEGIN IMMEDIATE`` transaction, together with its record.
    """
    done = set(applied_migrations(conn))
    applied: list[str] = []
    for migration in MIGRATIONS:
        name = migration.__name__
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            migration(conn)
            conn.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        applied.append(name)
    return applied
