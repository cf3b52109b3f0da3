"""The exact SQLite schema of a dossier: a change to it must be a new migration."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from recoupe.store.migrations import MIGRATIONS, migrate
from recoupe.store.sqlite import connect_write

EXPECTED_SCHEMA = """\
CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL);
CREATE TABLE analyses (
    text_hash TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    doc TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (text_hash, pipeline_version)
);
CREATE TABLE documents (
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
);
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content="documents", content_rowid="pk",
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE 'documents_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TABLE 'documents_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE 'documents_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE 'documents_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL,
    mention_count INTEGER NOT NULL,
    extra TEXT NOT NULL
);
CREATE TABLE facts (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    unit TEXT NOT NULL,
    status TEXT NOT NULL,
    extra TEXT NOT NULL
);
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    entity TEXT NOT NULL REFERENCES entities(id),
    doc TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    metonymy INTEGER NOT NULL,
    extra TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE INDEX mentions_entity ON mentions(entity);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE observations (
    id INTEGER PRIMARY KEY,
    fact TEXT NOT NULL REFERENCES facts(id),
    doc TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    value REAL NOT NULL,
    qualifier TEXT NOT NULL,
    as_of TEXT,
    extra TEXT NOT NULL
);
CREATE INDEX observations_fact ON observations(fact);
CREATE TABLE quantities (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL NOT NULL,
    low REAL,
    high REAL,
    qualifier TEXT NOT NULL,
    unit TEXT NOT NULL,
    entities TEXT NOT NULL,
    attributed_to TEXT REFERENCES entities(id),
    extra TEXT NOT NULL
);
CREATE INDEX quantities_doc ON quantities(doc);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    cue TEXT,
    speaker_text TEXT,
    speaker_entity TEXT REFERENCES entities(id),
    extra TEXT NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker_text, content="quotes", content_rowid="id",
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE 'quotes_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TABLE 'quotes_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE 'quotes_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE 'quotes_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes(speaker_entity);
CREATE TABLE removed (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(id),
    text TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE TABLE skipped (id INTEGER PRIMARY KEY, path TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE summary (id INTEGER PRIMARY KEY, text TEXT NOT NULL, extra TEXT NOT NULL);
CREATE TABLE summary_sources (
    id INTEGER PRIMARY KEY,
    sentence INTEGER NOT NULL REFERENCES summary(id),
    doc TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL
);
CREATE INDEX summary_sources_sentence ON summary_sources(sentence);
CREATE TABLE timeline (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    date_value TEXT NOT NULL,
    date_precision TEXT NOT NULL,
    headline TEXT NOT NULL,
    text TEXT NOT NULL,
    entities TEXT NOT NULL,
    extra TEXT NOT NULL
);
CREATE TABLE timeline_sources (
    id INTEGER PRIMARY KEY,
    entry TEXT NOT NULL REFERENCES timeline(id),
    doc TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL
);
CREATE INDEX timeline_sources_entry ON timeline_sources(entry);
CREATE TABLE timexes (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    mod TEXT,
    extra TEXT NOT NULL
);
CREATE INDEX timexes_doc ON timexes(doc);
"""


def _schema(conn: sqlite3.Connection) -> str:
    rows = conn.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
    return "".join(f"{sql};\n" for (sql,) in rows)


def test_exact_schema(tmp_path: Path) -> None:
    conn = connect_write(tmp_path / "dossier.sqlite")
    assert _schema(conn) == EXPECTED_SCHEMA


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    conn = connect_write(tmp_path / "dossier.sqlite")
    names = [name for (name,) in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]
    assert names == [m.__name__ for m in MIGRATIONS] == ["m001_initial"]
    assert migrate(conn) == []  # nothing left to apply
    assert conn.execute("SELECT count(*) FROM _migrations").fetchone()[0] == 1


def test_migration_names_follow_the_convention() -> None:
    for number, migration in enumerate(MIGRATIONS, start=1):
        assert migration.__name__.startswith(f"m{number:03d}_")


def test_wal_mode(tmp_path: Path) -> None:
    connect_write(tmp_path / "dossier.sqlite").close()
    conn = sqlite3.connect(tmp_path / "dossier.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
