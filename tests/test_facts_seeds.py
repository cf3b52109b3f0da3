"""Figures compared across the seed articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from recoupe.records import Dossier, Fact
from tests.consolidate_helpers import seed_dossier


@pytest.fixture(scope="module")
def facts(nlp: Any, seeds_dir: Path) -> tuple[Fact, ...]:
    return seed_dossier(nlp, seeds_dir).facts


def _docs(fact: Fact) -> set[str]:
    return {o.doc for o in fact.observations}


def test_the_troops_figure_from_three_articles_is_no_conflict(facts: tuple[Fact, ...]) -> None:
    best = max(facts, key=lambda f: len(_docs(f)))
    assert best.unit == "soldat"
    assert len({o.doc for o in best.observations if o.value == 2500}) >= 3
    assert best.status != "conflict"
    assert "soldats" in best.label


def test_a_second_place_is_a_second_fact_agreeing(facts: tuple[Fact, ...]) -> None:
    others = [f for f in facts if f.unit == "soldat" and len(_docs(f)) == 2]
    assert any(f.status == "agree" and {o.value for o in f.observations} == {900} for f in others)


def test_a_growing_count_of_attacks_is_an_update(facts: tuple[Fact, ...]) -> None:
    (attacks,) = [f for f in facts if f.unit == "attaque" and len(f.observations) >= 2]
    assert attacks.status == "update"
    assert all(o.qualifier == "more_than" for o in attacks.observations)
    values = [o.value for o in attacks.observations]
    assert values == sorted(values) and len(set(values)) == 2


def test_observations_point_at_their_figures(nlp: Any, seeds_dir: Path) -> None:
    dossier: Dossier = seed_dossier(nlp, seeds_dir)
    texts = {d.id: d.text for d in dossier.documents}
    for fact in dossier.facts:
        for o in fact.observations:
            assert any(c.isdigit() or c.isalpha() for c in texts[o.doc][o.start : o.end])
    assert len({f.id for f in dossier.facts}) == len(dossier.facts)
