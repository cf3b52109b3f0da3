"""Incremental builds (--db): only new and changed documents are analysed; a killed run
leaves the previous dossier whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from recoupe.records import DocAnalysis, Document, Skipped
from recoupe.settings import Settings
from recoupe.store.incremental import PIN_VARIABLE
from recoupe.store.schema import dossier_json_schema
from recoupe.store.sqlite import connect_readonly, read_dossier_dict
from recoupe.update import merge_documents, merge_skipped, update_dossier
from tests.conftest import SEEDS

SETTINGS = Settings(batch_size=1, quiet=True)


class CountingAnalyzer:
    """Stands in for spaCy: an empty analysis per document, remembering what it was given."""

    def __init__(self, fail_after: int | None = None) -> None:
        self.seen: list[str] = []
        self.fail_after = fail_after

    def __call__(self, documents: Sequence[Document]) -> Iterator[DocAnalysis]:
        for document in documents:
            if self.fail_after is not None and len(self.seen) >= self.fail_after:
                raise KeyboardInterrupt  # as if the run were stopped here
            self.seen.append(document.path)
            yield DocAnalysis(document.id)


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


ARTICLE_A = "La crue de la Veyle a atteint Bourg-en-Bresse lundi. Trois rues sont fermées."
ARTICLE_B = "Le préfet de l'Ain a ouvert un centre d'accueil pour 40 familles sinistrées."
ARTICLE_C = "Mardi, la décrue a commencé ; la mairie estime les dégâts à deux millions d'euros."


def test_only_new_documents_are_analysed(tmp_path: Path) -> None:
    db = tmp_path / "out" / "dossier.sqlite"
    a = _write(tmp_path / "in", "a.txt", ARTICLE_A)
    b = _write(tmp_path / "in", "b.txt", ARTICLE_B)
    first = CountingAnalyzer()
    result = update_dossier([a, b], db, SETTINGS, analyze=first)
    assert (result.analysed, result.reused, result.used) == (2, 0, 2)
    assert (db.parent / "dossier.json").is_file() and (db.parent / "report.html").is_file()

    c = _write(tmp_path / "more", "c.txt", ARTICLE_C)
    second = CountingAnalyzer()
    result = update_dossier([c], db, SETTINGS, analyze=second)
    assert second.seen == [str(c)]
    assert (result.analysed, result.reused, result.used) == (1, 2, 3)
    with connect_readonly(db) as conn:
        paths = [d["path"] for d in read_dossier_dict(conn)["documents"]]
    assert paths == [str(a), str(b), str(c)]


def test_a_changed_document_replaces_the_old_one(tmp_path: Path) -> None:
    db = tmp_path / "dossier.sqlite"
    a = _write(tmp_path / "in", "a.txt", ARTICLE_A)
    update_dossier([a], db, SETTINGS, analyze=CountingAnalyzer())
    a.write_text(ARTICLE_A + " Les pompiers sont intervenus.", encoding="utf-8")
    again = CountingAnalyzer()
    result = update_dossier([a], db, SETTINGS, analyze=again)
    assert again.seen == [str(a)]
    assert result.used == 1
    assert result.dossier.documents[0].text.endswith("intervenus.")
    unchanged = CountingAnalyzer()
    update_dossier([a], db, SETTINGS, analyze=unchanged)
    assert unchanged.seen == []  # same text, same pipeline: nothing to analyse


def test_an_interrupted_update_keeps_the_dossier_and_its_finished_batches(tmp_path: Path) -> None:
    db = tmp_path / "dossier.sqlite"
    a = _write(tmp_path / "in", "a.txt", ARTICLE_A)
    update_dossier([a], db, SETTINGS, analyze=CountingAnalyzer())
    with connect_readonly(db) as conn:
        before = read_dossier_dict(conn)
    b = _write(tmp_path / "more", "b.txt", ARTICLE_B)
    c = _write(tmp_path / "more", "c.txt", ARTICLE_C)
    with pytest.raises(KeyboardInterrupt):
        update_dossier([b, c], db, SETTINGS, analyze=CountingAnalyzer(fail_after=1))
    with connect_readonly(db) as conn:
        assert read_dossier_dict(conn) == before
    resumed = CountingAnalyzer()
    result = update_dossier([b, c], db, SETTINGS, analyze=resumed)
    assert resumed.seen == [str(c)]  # b's analysis was saved before the interruption
    assert result.used == 3


def _doc(path: str, text: str) -> Document:
    return Document("", path, text)


def test_merge_documents_keeps_order_and_links_duplicates() -> None:
    old = [_doc("a.txt", ARTICLE_A), _doc("b.txt", ARTICLE_B)]
    new = [_doc("b.txt", ARTICLE_C), _doc("copy.txt", ARTICLE_A)]
    merged = merge_documents(old, new, 0.8)
    assert [d.path for d in merged] == ["a.txt", "b.txt", "copy.txt"]
    assert merged[1].text == ARTICLE_C
    assert merged[2].duplicate_of == merged[0].id


def test_merge_skipped() -> None:
    old = [Skipped("x.bin", "binary file"), Skipped("a.txt", "empty file")]
    new = [Skipped("y.bin", "binary file")]
    merged = merge_skipped(old, new, [_doc("a.txt", ARTICLE_A)])
    assert merged == [Skipped("x.bin", "binary file"), Skipped("y.bin", "binary file")]


def _analyses_count(db: Path) -> int:
    with connect_readonly(db) as conn:
        count: int = conn.execute("SELECT count(*) FROM analyses").fetchone()[0]
        return count


def test_killing_build_db_halfway_leaves_the_previous_dossier(
    tmp_path: Path, nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recoupe.analyze.pipeline import analyze_documents

    # Both processes must agree on the version even if the code is edited meanwhile.
    monkeypatch.setenv(PIN_VARIABLE, "test-kill")

    seeds = sorted(SEEDS.glob("*.txt"))
    assert len(seeds) >= 5
    db = tmp_path / "dossier.sqlite"

    def analyze(documents: Sequence[Document]) -> Iterator[DocAnalysis]:
        return analyze_documents(documents, nlp, SETTINGS)

    update_dossier(seeds[:2], db, SETTINGS, analyze=analyze)
    with connect_readonly(db) as conn:
        before = read_dossier_dict(conn)
    saved_before = _analyses_count(db)

    recoupe = Path(sys.executable).with_name("recoupe")
    command = [str(recoupe), "build", *map(str, seeds[2:5]), "--db", str(db), "--batch-size", "1"]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    try:
        while process.poll() is None and _analyses_count(db) == saved_before:
            time.sleep(0.02)  # wait for the first batch of new analyses to be committed
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    assert process.returncode == -signal.SIGKILL, "the build ended before it could be killed"

    saved = _analyses_count(db) - saved_before
    assert 1 <= saved < 3  # killed halfway: some new analyses saved, not all
    with connect_readonly(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert read_dossier_dict(conn) == before
    result = update_dossier(seeds[2:5], db, SETTINGS, analyze=analyze)
    assert result.analysed == 3 - saved
    assert result.used == 5
    with connect_readonly(db) as conn:  # the whole seed dossier, as SQLite holds it
        jsonschema.validate(read_dossier_dict(conn), dossier_json_schema())
