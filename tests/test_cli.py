"""`recoupe build` through the real entry point: exit codes, outputs, stderr lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES, SEEDS

RECOUPE = [sys.executable, "-m", "recoupe"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*RECOUPE, *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    out = tmp_path_factory.mktemp("seeds")
    result = run("build", str(SEEDS), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    return out, json.loads((out / "dossier.json").read_text(encoding="utf-8"))


def test_missing_path_is_exit_2(tmp_path: Path) -> None:
    result = run("build", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "nope" in result.stderr
    assert "Traceback" not in result.stderr


def test_nothing_usable_is_exit_1(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    result = run("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "empty.txt" in result.stderr


def test_bad_files_are_skipped_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "latin1.txt").write_bytes(
        "L'été dernier, la préfecture a évacué 300 habitants.".encode("latin-1")
    )
    (folder / "good.txt").write_text("Le maire a annoncé mardi la réouverture de l'école.")
    result = run("build", str(folder), "--out", str(tmp_path / "out"), "--quiet")
    assert result.returncode == 0, result.stderr
    dossier = json.loads((tmp_path / "out" / "dossier.json").read_text(encoding="utf-8"))
    skipped = {Path(s["path"]).name: s["reason"] for s in dossier["skipped"]}
    assert set(skipped) == {"empty.txt", "binary.txt"}
    assert all(reason for reason in skipped.values())
    texts = [d["text"] for d in dossier["documents"]]
    assert any("L'été dernier, la préfecture a évacué" in t for t in texts)
    # one line on stderr per skipped file, even with --quiet
    assert sum(1 for line in result.stderr.splitlines() if line.startswith("skipped")) == 2


def test_seed_build_writes_the_three_outputs(seed_build: tuple[Path, dict[str, object]]) -> None:
    out, dossier = seed_build
    for name in ("dossier.json", "dossier.sqlite", "report.html"):
        assert (out / name).stat().st_size > 0
    assert dossier["schema_version"] == "1"
    documents = dossier["documents"]
    assert isinstance(documents, list) and len(documents) == 5


def test_seed_metadata_dates_and_boilerplate(seed_build: tuple[Path, dict[str, object]]) -> None:
    _, dossier = seed_build
    docs = {Path(d["path"]).name[:3]: d for d in dossier["documents"]}  # type: ignore[attr-defined]
    assert docs["002"]["date"]["value"] == "2024-03"
    assert docs["002"]["date"]["provenance"] == "metadata"
    assert docs["003"]["date"]["value"] == "2024-01"
    assert not docs["002"]["text"].lstrip().startswith("date")
    assert "2024-03" not in docs["002"]["text"][:40]
    assert [r["text"] for r in docs["003"]["removed"]] == ["PUBLICITÉ"]
    assert "PUBLICITÉ" not in docs["003"]["text"]


def test_offsets_point_at_their_text(seed_build: tuple[Path, dict[str, object]]) -> None:
    _, dossier = seed_build
    texts = {d["id"]: d["text"] for d in dossier["documents"]}  # type: ignore[attr-defined]
    items = list(dossier["timexes"]) + list(dossier["quantities"]) + list(dossier["quotes"])  # type: ignore[call-overload]
    for entity in dossier["entities"]:  # type: ignore[attr-defined]
        items.extend(entity["mentions"])
    assert items, "the seed dossier should hold extracted items"
    for item in items:
        assert texts[item["doc"]][item["start"] : item["end"]] == item["text"]


def test_demo_corpus_builds(tmp_path: Path) -> None:
    result = run("build", str(EXAMPLES / "corpus"), "--out", str(tmp_path), "--quiet")
    assert result.returncode == 0, result.stderr
    dossier = json.loads((tmp_path / "dossier.json").read_text(encoding="utf-8"))
    assert len(dossier["documents"]) >= 5
