"""``recoupe bench timex``: the figures it reports, on a tiny corpus (HeidelTime left out)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from typer.testing import CliRunner

from recoupe.analyze.registrations import register_components
from recoupe.bench.timex import bench_timex, read_items, report_lines
from recoupe.cli import app


@pytest.fixture(scope="module")
def timex_only() -> Any:
    register_components()
    nlp = spacy.blank("fr")
    nlp.add_pipe("recoupe_timex")
    return nlp


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("Le conseil se réunira jeudi 3 mars à 20 h.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Il a été élu en 2014, puis réélu six ans plus tard.", "utf-8")
    return tmp_path


def test_bench_reports_every_tool(corpus: Path, timex_only: Any) -> None:
    result = bench_timex(corpus, nlp=timex_only, heideltime=False)
    assert result.documents == 2 and result.recoupe_ms_per_doc > 0
    assert result.dateparser_ms_per_doc is not None and result.dateparser_ms_per_doc > 0
    assert result.heideltime_ms_per_doc is None
    data = result.as_json()
    assert set(data) == {
        "recoupe_ms_per_doc",
        "dateparser_ms_per_doc",
        "heideltime_ms_per_doc",
        "speedup_vs_dateparser",
    }
    assert data["speedup_vs_dateparser"] == pytest.approx(
        result.dateparser_ms_per_doc / result.recoupe_ms_per_doc, rel=1e-2
    )
    assert any("not installed" in line or "HeidelTime" in line for line in report_lines(result))


def test_read_items_needs_files(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_items(tmp_path)


def test_cli_bench_timex_json(
    corpus: Path, timex_only: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("recoupe.analyze.pipeline.load_pipeline", lambda settings: timex_only)
    args = ["bench", "timex", "--corpus", str(corpus), "--no-heideltime", "--json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["heideltime_ms_per_doc"] is None and data["recoupe_ms_per_doc"] > 0
