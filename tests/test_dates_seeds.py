"""Publication dates inferred on the seed articles (../shared/seeds)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from recoupe.records import Dossier
from tests.consolidate_helpers import seed_doc, seed_dossier


@pytest.fixture(scope="module")
def dossier(nlp: Any, seeds_dir: Path) -> Dossier:
    return seed_dossier(nlp, seeds_dir)


def test_the_document_naming_last_january_is_dated_in_that_year(dossier: Dossier) -> None:
    date = seed_doc(dossier, "001_").date
    assert date.provenance == "inferred"
    assert date.value is not None and date.value.startswith("2024")
    assert date.earliest is not None and date.earliest >= "2024-02"
    assert date.evidence


def test_the_talks_article_lies_between_october_and_march(dossier: Dossier) -> None:
    date = seed_doc(dossier, "000_").date
    assert date.provenance == "inferred"
    for bound in (date.value, date.earliest, date.latest):
        assert bound is not None and "2023-10" <= bound <= "2024-03"
    assert date.evidence


def test_the_older_article_is_not_dated_with_the_others(dossier: Dossier) -> None:
    date = seed_doc(dossier, "004_").date
    assert not (date.value or "").startswith("2024") or date.confidence < 0.5
    assert date.confidence < 0.5
    assert date.evidence


def test_metadata_dates_are_kept(dossier: Dossier) -> None:
    for prefix in ("002_", "003_"):
        date = seed_doc(dossier, prefix).date
        assert date.provenance == "metadata" and date.confidence == 1.0


def test_relative_dates_are_resolved_against_the_inferred_date(dossier: Dossier) -> None:
    doc = seed_doc(dossier, "001_")
    values = [t.value for t in dossier.timexes if t.doc == doc.id and t.type == "DATE"]
    assert values and not any(v.startswith("XXXX") for v in values)
