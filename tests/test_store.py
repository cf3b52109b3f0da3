"""dossier.sqlite: same content as dossier.json, read-only for readers, atomic rewrites."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from recoupe.records import Dossier
from recoupe.store import sqlite as store
from recoupe.store.incremental import (
    cached_analyses,
    decode_analysis,
    encode_analysis,
    pipeline_version,
    store_analyses,
    stored_documents,
    text_hash,
)
from recoupe.store.json_dossier import dossier_to_dict
from recoupe.store.schema import dossier_json_schema
from tests.dossier_samples import HOSTILE, TEXT_A, small_dossier


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "dossier.sqlite"
    store.write_sqlite(small_dossier(), path)
    return path


def test_sqlite_holds_exactly_the_json_dossier(db: Path) -> None:
    with store.connect_readonly(db) as conn:
        assert store.read_dossier_dict(conn) == dossier_to_dict(small_dossier())


def test_fields_added_to_the_contract_survive_the_round_trip(tmp_path: Path) -> None:
    data = dossier_to_dict(small_dossier())
    data["documents"][0]["date"]["calendar"] = "gregorian"
    data["facts"][0]["note"] = {"why": "two sources"}
    conn = store.connect_write(tmp_path / "d.sqlite")
    with store.transaction(conn):
        store.replace_dossier(conn, data, "v1")
    assert store.read_dossier_dict(conn) == data


def test_the_dossier_validates_against_the_json_schema(db: Path) -> None:
    with store.connect_readonly(db) as conn:
        jsonschema.validate(store.read_dossier_dict(conn), dossier_json_schema())


def test_the_json_schema_rejects_a_broken_dossier() -> None:
    data = dossier_to_dict(small_dossier())
    data["facts"][0]["status"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, dossier_json_schema())


def test_rows_point_at_their_words(db: Path) -> None:
    conn = store.connect_readonly(db)
    rows = conn.execute(
        'SELECT q.text, substr(d.text, q.start + 1, q."end" - q.start) FROM quotes q '
        "JOIN documents d ON d.id = q.doc"
    ).fetchall()
    assert rows and all(a == b for a, b in rows)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_documents_carry_text_hash_and_pipeline_version(db: Path) -> None:
    conn = store.connect_readonly(db)
    row = conn.execute(
        "SELECT text_hash, pipeline_version FROM documents WHERE id = 'd-a'"
    ).fetchone()
    assert row["text_hash"] == text_hash(TEXT_A)
    assert row["pipeline_version"] == pipeline_version()


@pytest.mark.parametrize(
    ("table", "query", "expected"),
    [
        ("documents_fts", "evacues", 2),  # accents folded: évacués
        ("documents_fts", "decrue", 1),
        ("documents_fts", "script", 1),
        ("quotes_fts", "mobilises", 1),
        ("quotes_fts", "Morel", 2),  # speaker_text is indexed too
    ],
)
def test_full_text_search(db: Path, table: str, query: str, expected: int) -> None:
    conn = store.connect_readonly(db)
    sql = f"SELECT count(*) FROM {table} WHERE {table} MATCH ?"  # noqa: S608 - test constants
    assert conn.execute(sql, (query,)).fetchone()[0] == expected


def test_a_readonly_connection_cannot_write(db: Path) -> None:
    conn = store.connect_readonly(db)
    with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only"):
        conn.execute("DELETE FROM documents")
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("CREATE TABLE intruder (x)")
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3


def test_readonly_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        store.connect_readonly(tmp_path / "nothing.sqlite")
    assert not (tmp_path / "nothing.sqlite").exists()


def test_rewrite_replaces_the_previous_dossier(db: Path) -> None:
    smaller = Dossier(documents=small_dossier().documents[:1])
    store.write_sqlite(smaller, db)
    with store.connect_readonly(db) as conn:
        assert store.read_dossier_dict(conn) == dossier_to_dict(smaller)
        assert conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == 1


def test_a_write_that_fails_halfway_leaves_the_previous_dossier(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*args: object) -> None:
        raise KeyboardInterrupt  # as if the run were interrupted mid-write

    monkeypatch.setattr(store, "_write_facts", crash)
    other = replace(small_dossier(), documents=small_dossier().documents[:1])
    with pytest.raises(KeyboardInterrupt):
        store.write_sqlite(other, db)
    with store.connect_readonly(db) as conn:
        assert store.read_dossier_dict(conn) == dossier_to_dict(small_dossier())


def test_datasette_metadata_next_to_the_database(db: Path) -> None:
    metadata = json.loads((db.parent / "metadata.json").read_text(encoding="utf-8"))
    tables = metadata["databases"]["dossier"]["tables"]
    assert "type" in tables["entities"]["facets"]
    assert "status" in tables["facts"]["facets"]
    assert {"date_precision", "source"} <= set(tables["documents"]["facets"])
    assert tables["documents"]["fts_table"] == "documents_fts"
    assert tables["quotes"]["fts_table"] == "quotes_fts"
    conn = store.connect_readonly(db)
    for name, options in tables.items():
        columns = {r["name"] for r in conn.execute(f"PRAGMA table_info({name})")}
        assert columns, name
        assert set(options.get("facets", [])) <= columns, name


def test_analyses_round_trip_through_json() -> None:
    for analysis in small_dossier().analyses:
        assert decode_analysis(encode_analysis(analysis)) == analysis


def test_analyses_are_cached_by_text_hash_and_version(db: Path) -> None:
    conn = store.connect_readonly(db)
    cached = cached_analyses(conn, pipeline_version())
    assert cached[text_hash(TEXT_A)] == small_dossier().analyses[0]
    assert cached_analyses(conn, "another-version") == {}


def test_analyses_saved_batch_by_batch(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    dossier = small_dossier()
    store_analyses(path, [(dossier.documents[0], dossier.analyses[0])], "v1")
    store_analyses(path, [(dossier.documents[1], dossier.analyses[1])], "v1")
    cached = cached_analyses(store.connect_readonly(path), "v1")
    assert len(cached) == 2


def test_stored_documents_are_the_written_records(db: Path) -> None:
    documents = stored_documents(store.connect_readonly(db))
    assert tuple(documents) == small_dossier().documents
    assert HOSTILE in documents[1].text


def test_an_empty_dossier_is_written(tmp_path: Path) -> None:
    store.write_sqlite(Dossier(documents=()), tmp_path / "empty.sqlite")
    with store.connect_readonly(tmp_path / "empty.sqlite") as conn:
        assert store.read_dossier_dict(conn)["documents"] == []
