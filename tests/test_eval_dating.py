"""recoupe eval dating: hide known dates, infer them again, count what comes back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recoupe.cli import app
from recoupe.evaluate.dating import hide_dates, month_number, score_dating
from recoupe.records import DocDate, Document


def _doc(i: int, value: str | None) -> Document:
    date = DocDate(value, "day", "metadata") if value else DocDate()
    return Document(f"d{i}", f"{i}.txt", "Un texte.", date=date)


def test_hide_half_or_all() -> None:
    docs = [_doc(i, f"2021-03-0{i + 1}") for i in range(4)]
    half, hidden = hide_dates(docs, "half")
    assert hidden == {"d1", "d3"}
    assert [d.date.value for d in half] == ["2021-03-01", None, "2021-03-03", None]
    _, everything = hide_dates(docs, "all")
    assert everything == {"d0", "d1", "d2", "d3"}
    with pytest.raises(ValueError):
        hide_dates(docs, "some")


def test_month_number() -> None:
    assert month_number("2011-03-10") == month_number("2011-03") == 2011 * 12 + 2
    assert month_number("2011") == 2011 * 12


def test_score_counts_each_closeness() -> None:
    truth = {"a": "2011-03-10", "b": "2011-03-10", "c": "2011-03-10", "d": "2011-03-10"}
    inferred = [
        Document("a", "a", "", date=DocDate("2011-03-10", "day", "inferred", confidence=0.9)),
        Document(
            "b", "b", "",
            date=DocDate("2011-04", "month", "inferred", "2011-04", "2011-05", 0.7),
        ),
        Document("c", "c", "", date=DocDate("2012-06", "month", "inferred", confidence=0.5)),
        Document("d", "d", "", date=DocDate(None, None, "inferred", "2010-01", None, 0.1)),
        Document("e", "e", "", date=DocDate("2030-01", "month", "inferred")),  # not hidden
    ]  # fmt: skip
    scores = score_dating(truth, inferred, {"a", "b", "c", "d"})
    assert scores["hidden"] == 4 and scores["dated"] == 3
    assert (scores["same_day"], scores["same_month"], scores["within_one_month"]) == (1, 1, 2)
    assert scores["same_year"] == 2
    assert scores["range_holds"] == 3  # b's range starts after the truth
    assert scores["confidence_right"] == 0.8 and scores["confidence_wrong"] == 0.5


def test_cli_on_a_small_topic(tmp_path: Path) -> None:
    texts = {
        "2021-03-01": "Publié le 1er mars 2021\nLa grève des dockers a commencé au port.",
        "2021-03-02": "Publié le 2 mars 2021\nLa grève des dockers se poursuit au port.",
    }
    for day, text in texts.items():
        (tmp_path / "topic" / day).mkdir(parents=True)
        (tmp_path / "topic" / day / "a.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "dating", str(tmp_path / "topic"), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["hidden"] == 1 and scores["same_day"] == 1  # its dateline gives it back
    bad = CliRunner().invoke(app, ["eval", "dating", str(tmp_path / "nowhere")])
    assert bad.exit_code == 2
