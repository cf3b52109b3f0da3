"""Figures the seed dossier must show, through the whole analysis pipeline, plus the gate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from recoupe.analyze.pipeline import analyze_documents
from recoupe.evaluate.quantities import evaluate_quantities
from recoupe.ingest import load_inputs
from recoupe.records import Quantity
from recoupe.settings import Settings

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def seed_figures(nlp: Any, seeds_dir: Path) -> dict[str, list[Quantity]]:
    documents = load_inputs([seeds_dir], Settings()).documents
    analyses = analyze_documents(documents, nlp, Settings())
    return {
        Path(d.path).name[:3]: list(a.quantities) for d, a in zip(documents, analyses, strict=True)
    }


def _values(found: list[Quantity], unit: str) -> list[float]:
    return [q.value for q in found if q.unit == unit]


@pytest.mark.parametrize("seed", ["000", "001", "002", "003"])
def test_2500_soldiers(seed_figures: dict[str, list[Quantity]], seed: str) -> None:
    assert 2500 in _values(seed_figures[seed], "soldat")


@pytest.mark.parametrize("seed", ["001", "002"])
def test_900_soldiers_in_syria(seed_figures: dict[str, list[Quantity]], seed: str) -> None:
    found = [q for q in seed_figures[seed] if q.value == 900]
    assert len(found) == 1
    assert found[0].unit == "soldat"
    assert "Syrie" in [s.text for s in found[0].qualifiers]


def test_5000_soldiers(seed_figures: dict[str, list[Quantity]]) -> None:
    assert _values(seed_figures["004"], "soldat") == [5000]


@pytest.mark.parametrize(("seed", "value"), [("001", 165), ("003", 150)])
def test_more_than_attacks(
    seed_figures: dict[str, list[Quantity]], seed: str, value: float
) -> None:
    found = [q for q in seed_figures[seed] if q.unit == "attaque"]
    assert [(q.value, q.qualifier) for q in found] == [(value, "more_than")]


def test_three_soldiers(seed_figures: dict[str, list[Quantity]]) -> None:
    assert 3 in _values(seed_figures["001"], "soldat")


def test_no_year_is_a_figure(seed_figures: dict[str, list[Quantity]]) -> None:
    values = {q.value for found in seed_figures.values() for q in found}
    assert not values & {2003.0, 2011.0, 2014.0, 2017.0, 2020.0, 2024.0, 7.0}


def test_quality_gate_on_the_sample_corpus(nlp: Any) -> None:
    scores = evaluate_quantities(
        EXAMPLES / "corpus", EXAMPLES / "gold" / "quantities.json", nlp=nlp
    )
    assert scores["figures"]["f1"] >= 0.9
    assert scores["unit"]["accuracy"] >= 0.9
    assert scores["qualifier"]["accuracy"] >= 0.9
