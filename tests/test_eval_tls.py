"""Timeline summarisation evaluation: topic folders, reference shape, tilse scores, CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recoupe.cli import app
from recoupe.consolidate.daily import DayPool, daily_summaries, day_pools, day_scores
from recoupe.evaluate.tls import (
    evaluate_tls,
    load_topic,
    read_reference,
    reference_shape,
    score_timeline,
    tokenize,
)
from recoupe.records import DocAnalysis, DocDate, Document
from recoupe.settings import Settings
from tests.consolidate_helpers import analysis, timex

ARTICLES = {
    "2021-03-01": (
        "Des milliers de manifestants se sont rassemblés sur la place centrale de la capitale. "
        "La police a dispersé le rassemblement avec des gaz lacrymogènes dans la soirée."
    ),
    "2021-03-06": (
        "Le 1er mars 2021, des milliers de manifestants avaient envahi la place centrale. "
        "Le président a annoncé un remaniement du gouvernement après deux jours de colère."
    ),
    "2021-03-12": (
        "Le gouvernement a démissionné le 9 mars 2021 sous la pression de la rue en colère. "
        "Les manifestants réclament désormais des élections anticipées dans tout le pays."
    ),
    "2021-03-14": (
        "Cinq jours après la démission du gouvernement le 9 mars 2021, le calme revient. "
        "Les commerces du centre de la capitale ont rouvert leurs portes ce week-end."
    ),
}
REFERENCE = """2021-03-01
des milliers de manifestants se rassemblent sur la place centrale .
--------------------------------
2021-03-09
le gouvernement démissionne sous la pression de la rue .
--------------------------------
"""


@pytest.fixture
def topic(tmp_path: Path) -> tuple[Path, Path]:
    for day, text in ARTICLES.items():
        folder = tmp_path / "topic" / day
        folder.mkdir(parents=True)
        (folder / "a.txt").write_text(text, encoding="utf-8")
    reference = tmp_path / "reference.txt"
    reference.write_text(REFERENCE, encoding="utf-8")
    return tmp_path / "topic", reference


def _analyses(documents: list[Document]) -> list[DocAnalysis]:
    out = []
    for d in documents:
        found = []
        for needle, value in (("Le 1er mars 2021", "2021-03-01"), ("le 9 mars 2021", "2021-03-09")):
            if needle in d.text:
                found.append(timex(d.id, d.text, needle, value))
        out.append(analysis(d.id, d.text, found))
    return out


def test_folder_names_date_the_articles(topic: tuple[Path, Path]) -> None:
    documents = load_topic(topic[0], Settings())
    assert sorted(d.date.value for d in documents) == sorted(ARTICLES)
    assert all(d.date.provenance == "metadata" and d.date.precision == "day" for d in documents)


def rank_days(pools: dict[date, DayPool], months: dict[str, int] | None = None) -> list[date]:
    """Days by their score, best first (earlier first on a tie)."""
    score = day_scores(pools, months)
    return sorted(score, key=lambda d: (-score[d], d))


def test_reference_shape(topic: tuple[Path, Path]) -> None:
    assert reference_shape(read_reference(topic[1])) == (2, 1)


def test_named_and_published_days_are_ranked(topic: tuple[Path, Path]) -> None:
    documents = load_topic(topic[0], Settings())
    pools = day_pools(documents, _analyses(documents))
    ranked = rank_days(pools)
    assert ranked[0] == date(2021, 3, 1)  # named once and published on
    assert date(2021, 3, 9) in ranked  # named only


def test_each_day_gets_at_most_its_sentences(topic: tuple[Path, Path]) -> None:
    documents = load_topic(topic[0], Settings())
    chosen = daily_summaries(documents, _analyses(documents), 2, 1)
    assert len(chosen) == 2 and all(len(v) == 1 for v in chosen.values())
    assert "démission" in chosen[date(2021, 3, 9)][0].text


def test_scores_with_given_analyses(topic: tuple[Path, Path]) -> None:
    documents = load_topic(topic[0], Settings())
    scores = evaluate_tls(*topic, analyses=_analyses(documents))
    assert scores["reference_dates"] == scores["predicted_dates"] == 2
    assert scores["date_f1"] == 1.0
    assert 0.2 < scores["ar1_f1"] <= 1.0
    assert 0.0 < scores["ar2_f1"] < scores["ar1_f1"]


def test_a_perfect_timeline_scores_one(topic: tuple[Path, Path]) -> None:
    reference = read_reference(topic[1])
    same = {d: list(reference[d]) for d in reference}
    assert score_timeline(same, reference) == {"ar1_f1": 1.0, "ar2_f1": 1.0, "date_f1": 1.0}
    assert score_timeline({}, reference)["date_f1"] == 0.0


def test_tokenize_the_same_way_both_sides() -> None:
    assert tokenize("L’appel, lancé « hier ».") == "L' appel , lancé « hier » ."
    assert tokenize("l' appel d'al-Sissi") == tokenize("l’appel d’al - Sissi")


def test_cli_prints_json(topic: tuple[Path, Path]) -> None:
    result = CliRunner().invoke(app, ["eval", "tls", str(topic[0]), str(topic[1]), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert {"ar1_f1", "ar2_f1", "date_f1"} <= scores.keys()
    assert scores["predicted_dates"] <= scores["reference_dates"]


def test_cli_missing_topic(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["eval", "tls", str(tmp_path / "no"), str(tmp_path / "no.txt")]
    )
    assert result.exit_code == 2


def test_kept_days_are_spread_out() -> None:
    from recoupe.consolidate.daily import pick_days

    scores = {date(2021, 3, 1): 9.0, date(2021, 3, 2): 8.0, date(2021, 3, 9): 7.0}
    scores[date(2021, 3, 3)] = 6.0
    chosen = pick_days(scores, 3, decay=1.0)
    assert chosen == [date(2021, 3, 1), date(2021, 3, 9), date(2021, 3, 3)]
    assert pick_days(scores, 1) == [date(2021, 3, 1)]


def test_a_busy_month_leaves_room_for_the_others() -> None:
    from recoupe.consolidate.daily import pick_days

    # a coup's month named day after day, and one day of another month a little less
    scores = {date(2013, 7, d): 10.0 - d / 10 for d in range(1, 30, 2)}
    scores[date(2011, 2, 11)] = 8.0
    assert date(2011, 2, 11) not in pick_days(scores, 4, decay=1.0)
    chosen = pick_days(scores, 4)
    assert chosen[0] == date(2013, 7, 1)
    assert date(2011, 2, 11) in chosen


def test_days_outside_the_span_are_left_out(topic: tuple[Path, Path]) -> None:
    documents = load_topic(topic[0], Settings())
    span = (date(2021, 3, 5), date(2021, 3, 31))
    chosen = daily_summaries(documents, _analyses(documents), 2, 1, span)
    assert chosen and all(span[0] <= d <= span[1] for d in chosen)
    assert date(2021, 3, 1) not in chosen


def test_a_busy_month_lifts_its_days() -> None:
    from recoupe.consolidate.daily import DayPool

    quiet, busy = date(2021, 3, 9), date(2021, 4, 9)
    pools = {quiet: DayPool(naming_docs={"a"}, articles=1), busy: DayPool(naming_docs={"b"})}
    for pool in pools.values():
        pool.published.append(object())  # type: ignore[arg-type]
    assert rank_days(pools)[0] == quiet  # one document and one article beat one document
    assert rank_days(pools, {"2021-04": 8, "2021-03": 1})[0] == busy


def test_a_day_still_named_a_month_later_outranks_a_busier_one() -> None:
    texts = {
        "2021-03-02": "Les manifestants ont occupé la place le 1er mars 2021 jusqu'au soir tard.",
        "2021-03-03": "La place a été occupée le 1er mars 2021 par des milliers de personnes.",
        "2021-03-04": "Le 1er mars 2021, la place centrale était noire de monde toute la journée.",
        "2021-05-10": "Tout a commencé le 9 mars 2021, quand le gouvernement a démissionné.",
        "2021-06-20": "Depuis la démission du 9 mars 2021, le pays attend toujours des élections.",
    }
    documents, analyses = [], []
    for n, (day, text) in enumerate(texts.items()):
        document = Document(f"d{n}", f"d{n}.txt", text, date=DocDate(day, "day", "metadata"))
        needle = "9 mars 2021" if "9 mars" in text else "1er mars 2021"
        value = "2021-03-09" if "9 mars" in text else "2021-03-01"
        documents.append(document)
        analyses.append(analysis(document.id, text, [timex(document.id, text, needle, value)]))
    pools = day_pools(documents, analyses)
    assert pools[date(2021, 3, 9)].hindsight_docs == {"d3", "d4"}
    assert not pools[date(2021, 3, 1)].hindsight_docs  # named the next days, not in hindsight
    # three documents the next days (3) against two documents two months later (2 + 2 x 2)
    assert rank_days(pools)[0] == date(2021, 3, 9)
