"""The cited summary of the seed articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from recoupe.consolidate.similarity import content_terms
from tests.consolidate_helpers import seed_dossier


def test_a_short_cited_summary_without_repeats(nlp: Any, seeds_dir: Path) -> None:
    dossier = seed_dossier(nlp, seeds_dir)
    texts = {d.id: d.text for d in dossier.documents}
    summary = dossier.summary
    assert 5 <= len(summary) <= 8
    assert len({s.text for s in summary}) == len(summary)
    for sentence in summary:
        assert sentence.sources
        first = sentence.sources[0]
        assert texts[first.doc][first.start : first.end] == sentence.text
    terms = [set(content_terms(s.text)) for s in summary]
    for i, a in enumerate(terms):
        for b in terms[i + 1 :]:
            assert len(a & b) / max(1, min(len(a), len(b))) < 0.8
    assert len({s.sources[0].doc for s in summary}) >= 3
