"""ISO-TimeML reading, TempEval-3 scoring, and the quality gate on French TimeBank dev."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from typer.testing import CliRunner

from recoupe.analyze.registrations import register_components
from recoupe.cli import app
from recoupe.evaluate.timebank import (
    GoldTimex,
    Prediction,
    TimebankDoc,
    evaluate_timebank,
    read_tml,
    score,
)

from .conftest import ROOT, SHARED

DEV = SHARED / "data" / "fr-timebank" / "dev"
BASELINE = ROOT / "tests" / "baselines" / "timebank.json"
TOLERANCE = 0.005

TML = """<?xml version='1.0' encoding='UTF-8'?>
<TimeML>
<DOCID>d1</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t1" type="DATE" value="1999-05-21" /></DCT>
<TEXT>
Il a été <EVENT eid="e1">condamné</EVENT>
<TIMEX3 tid="t2" type="DATE" value="1999-05-20">hier</TIMEX3> à
<TIMEX3 tid="t3" type="DURATION" value="P10Y">10 ans</TIMEX3> de prison,
<TIMEX3 tid="t4" type="DATE" value="1999-FA" mod="START">début de l'automne</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture(scope="module")
def timex_only() -> Any:
    """A blank French pipeline with the component: it reads the text, not the parse."""
    register_components()
    nlp = spacy.blank("fr")
    nlp.add_pipe("recoupe_timex")
    return nlp


def test_read_tml(tmp_path: Path) -> None:
    path = tmp_path / "d1.tml"
    path.write_text(TML, encoding="utf-8")
    doc = read_tml(path)
    assert (doc.id, doc.dct) == ("d1", "1999-05-21")
    assert [(t.text, t.type, t.value, t.mod) for t in doc.timexes] == [
        ("hier", "DATE", "1999-05-20", None),
        ("10 ans", "DURATION", "P10Y", None),
        ("début de l'automne", "DATE", "1999-FA", "START"),
    ]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    assert "condamné" in doc.text and "<" not in doc.text


def test_score_strict_relaxed_and_attributes() -> None:
    text = "le 7 octobre et hier et demain"
    gold = (
        GoldTimex(0, 12, "le 7 octobre", "DATE", "2023-10-07"),
        GoldTimex(16, 20, "hier", "DATE", "2024-01-14"),
        GoldTimex(24, 30, "demain", "DATE", "2024-01-16"),
    )
    predicted = [
        Prediction(3, 12, "DATE", "2023-10-07"),  # relaxed only, right value
        Prediction(16, 20, "TIME", "2024-01-13"),  # strict, wrong type and value
        Prediction(21, 23, "DATE", "2024"),  # spurious
    ]
    s = score([TimebankDoc("d", "2024-01-15", text, gold)], [predicted], seconds=0.5)
    assert (s.strict.p, s.strict.r) == (1 / 3, 1 / 3)
    assert (s.relaxed.p, s.relaxed.r) == (2 / 3, 2 / 3)
    assert s.type_f1 == pytest.approx(1 / 3) and s.value_f1 == pytest.approx(1 / 3)
    assert s.ms_per_doc == 500
    assert set(s.as_dict()) == {
        "documents",
        "gold",
        "predicted",
        "strict",
        "relaxed",
        "type_f1",
        "value_f1",
        "ms_per_doc",
    }


def _corpus_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(DEV.glob("*.tml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_quality_gate_on_dev(timex_only: Any) -> None:
    """Pinned scores: a drop of more than 0.005 fails (update the baseline on purpose)."""
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert _corpus_hash() == baseline["corpus_sha256"], "the dev gold changed"
    scores = evaluate_timebank(DEV, nlp=timex_only)
    got = {
        "strict_f1": scores.strict.f1,
        "relaxed_f1": scores.relaxed.f1,
        "type_f1": scores.type_f1,
        "value_f1": scores.value_f1,
    }
    drops = {k: (baseline[k], round(v, 4)) for k, v in got.items() if v < baseline[k] - TOLERANCE}
    assert not drops, f"scores dropped (baseline, now): {drops}"
    assert scores.documents == 72 and scores.gold == 252


def test_cli_eval_timebank_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, timex_only: Any
) -> None:
    (tmp_path / "d1.tml").write_text(TML, encoding="utf-8")
    monkeypatch.setattr("recoupe.analyze.pipeline.load_pipeline", lambda settings: timex_only)
    result = CliRunner().invoke(app, ["eval", "timebank", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["documents"] == 1 and data["gold"] == 3
    assert data["relaxed"]["f1"] == 1.0 and data["value_f1"] > 0.6
    assert set(data) >= {"strict", "relaxed", "type_f1", "value_f1", "ms_per_doc", "predicted"}


def test_cli_eval_timebank_missing_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "timebank", str(tmp_path / "nope")])
    assert result.exit_code == 2


def test_a_failing_component_is_an_error_not_a_zero_score(
    timex_only: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recoupe.analyze import timex
    from recoupe.analyze.timex_timing import tag_texts

    def broken(text: str, dct: str | None = None) -> list[Any]:
        raise ValueError("grammar broken")

    monkeypatch.setattr(timex, "tag", broken)
    with pytest.raises(RuntimeError, match=r"recoupe_timex failed on text 0.*grammar broken"):
        tag_texts(timex_only, [("Le 7 octobre 2023.", None)])
