"""Two small stories written for these tests (not the seeds, not the sample corpus), read
end to end as a fact-checker would: a death toll that grows over three articles, two of
them undated, and a demonstration whose turnout the sources dispute.

The articles are invented in the manner of French news; no rule names their words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from recoupe.build import build_dossier
from recoupe.settings import Settings
from recoupe.store.json_dossier import dossier_to_dict

STORIES = Path(__file__).parent / "fixtures" / "stories"


def _dossier(name: str) -> dict[str, Any]:
    return dossier_to_dict(build_dossier([STORIES / name], Settings(quiet=True)))


@pytest.fixture(scope="module")
def quake() -> dict[str, Any]:
    return _dossier("seisme")


@pytest.fixture(scope="module")
def strike() -> dict[str, Any]:
    return _dossier("retraites")


def _by_name(dossier: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {Path(d["path"]).name: d for d in dossier["documents"]}


def _facts_of(dossier: dict[str, Any], unit: str) -> list[dict[str, Any]]:
    return [f for f in dossier["facts"] if f["unit"] == unit]


def test_a_growing_toll_is_one_update_across_the_three_articles(quake: dict[str, Any]) -> None:
    deaths = max(_facts_of(quake, "mort"), key=lambda f: len(f["observations"]))
    assert deaths["status"] == "update"
    assert len({o["doc"] for o in deaths["observations"]}) == 3
    values = {o["value"] for o in deaths["observations"]}
    assert {820, 2012, 2901} <= values and 12000 not in values  # 1960's toll stays apart


def test_the_undated_article_is_placed_by_its_neighbours(quake: dict[str, Any]) -> None:
    docs = _by_name(quake)
    assert docs["02_bilan_alourdi.txt"]["date"]["value"] == "2023-09"
    assert docs["03_reconstruction.txt"]["date"]["value"] == "2023-09-12"  # its dateline


def test_disputed_turnout_is_a_conflict_and_a_revised_count_an_update(
    strike: dict[str, Any],
) -> None:
    (turnout,) = [f for f in _facts_of(strike, "manifestant") if len(f["observations"]) > 1]
    assert turnout["status"] == "conflict"
    assert {o["value"] for o in turnout["observations"]} == {12000, 3500}
    arrests = max(_facts_of(strike, "interpellation"), key=lambda f: len(f["observations"]))
    assert arrests["status"] == "update"
    assert {o["value"] for o in arrests["observations"]} == {14, 18}


def test_articles_dated_only_by_a_weekday_get_the_story_s_month(strike: dict[str, Any]) -> None:
    docs = _by_name(strike)
    for name in ("02_heurts.txt", "03_49-3.txt"):
        date = docs[name]["date"]
        assert date["value"] == "2023-03" and date["provenance"] == "inferred"
        assert any("2023" in e for e in date["evidence"])
    dated = {e["date"]["value"] for e in strike["timeline"]}
    assert {"2023-03-14", "2023-03-16", "2023-03-23"} <= dated
    announced = [e for e in strike["timeline"] if e["date"]["value"] == "2023-03-23"]
    assert announced and all(e["future"] for e in announced)
