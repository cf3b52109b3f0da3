"""Publication dates on the sample corpus, against examples/gold/dates.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from recoupe.analyze.pipeline import analyze_documents
from recoupe.consolidate import consolidate
from recoupe.ingest import load_inputs
from recoupe.settings import Settings
from tests.conftest import EXAMPLES


def test_every_document_gets_its_gold_date(nlp: Any) -> None:
    gold: dict[str, str] = json.loads((EXAMPLES / "gold" / "dates.json").read_text("utf-8"))
    settings = Settings(quiet=True)
    ingested = load_inputs([EXAMPLES / "corpus"], settings)
    analyses = list(analyze_documents(ingested.documents, nlp, settings))
    dossier = consolidate(ingested.documents, ingested.skipped, analyses, settings)
    found = {Path(d.path).name: d.date for d in dossier.documents}
    assert found.keys() == gold.keys()
    inferred = 0
    for name, expected in gold.items():
        date = found[name]
        assert date.value is not None and expected.startswith(date.value), name
        if date.provenance == "inferred":
            inferred += 1
            assert date.value == expected and date.evidence
    assert inferred >= 2
