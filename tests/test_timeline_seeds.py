"""The timeline of the seed articles: background history and the current story."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from recoupe.records import Dossier, TimelineEntry
from tests.consolidate_helpers import seed_dossier


@pytest.fixture(scope="module")
def dossier(nlp: Any, seeds_dir: Path) -> Dossier:
    return seed_dossier(nlp, seeds_dir)


def _on(dossier: Dossier, prefix: str) -> list[TimelineEntry]:
    return [e for e in dossier.timeline if e.date.startswith(prefix)]


def test_sorted_by_date(dossier: Dossier) -> None:
    starts = [e.date[:7] for e in dossier.timeline]
    assert starts == sorted(starts)


@pytest.mark.parametrize(
    "prefix", ["2003", "2011", "2014", "2017", "2020-01", "2023-10", "2024-01"]
)
def test_history_and_current_story_appear(dossier: Dossier, prefix: str) -> None:
    entries = _on(dossier, prefix)
    assert entries
    assert not any(e.future for e in entries)


def test_the_year_of_the_offensive_merges_three_articles(dossier: Dossier) -> None:
    (entry,) = [e for e in dossier.timeline if e.date == "2014"]
    assert len({s.doc for s in entry.sources}) >= 3
    assert entry.entities


def test_the_coming_election_is_in_the_future(dossier: Dossier) -> None:
    entries = _on(dossier, "2024-11")
    assert entries and all(e.future for e in entries)


def test_headlines_and_sources_point_into_the_texts(dossier: Dossier) -> None:
    texts = {d.id: d.text for d in dossier.documents}
    for entry in dossier.timeline:
        assert entry.headline and len(entry.headline) <= len(entry.text) + 4
        assert entry.text in {texts[s.doc][s.start : s.end] for s in entry.sources}


def test_a_date_said_in_a_quotes_incise_is_headed_by_the_speaker_and_the_quote(
    dossier: Dossier,
) -> None:
    # no headline opens on the incise's speech verb ("A déclaré la semaine dernière X")
    heads = [e.headline for e in dossier.timeline]
    assert not [h for h in heads if h.split()[:2] in (["A", "déclaré"], ["A", "dit"])]
    said = [e for e in dossier.timeline if " : « " in e.headline]
    assert said
    for entry in said:
        quote = entry.headline.split(" : « ", 1)[1].rstrip(" »…")
        assert quote in entry.text
