"""`recoupe bench pipeline`: corpus cycling, synthetic growth, the stages and their figures."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from recoupe.bench.corpus import cap_document, cycle_documents, grow_analyses, with_doc_id
from recoupe.bench.pipeline import BenchSpec, _run, format_report, run_bench, stage_consolidate
from recoupe.records import DocAnalysis, Document, Mention, Quantity, Span
from recoupe.settings import Settings

TEXTS = {
    "a.txt": "Le maire de Nantes, Jean Dupont, a annoncé mardi 300 logements neufs.",
    "b.txt": "Selon la préfecture, la crue de la Loire a touché 1 200 maisons à Angers.",
    "c.txt": "Le ministre de l'Intérieur s'est rendu jeudi à Saumur après les inondations.",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _doc(doc_id: str, text: str = "Un texte court.") -> Document:
    return Document(id=doc_id, path=f"{doc_id}.txt", text=text)


def test_cycling_makes_new_ids_and_keeps_the_texts() -> None:
    base = [_doc("x"), _doc("y")]
    docs = list(cycle_documents(base, 5))
    assert [d.id for d in docs] == ["x", "y", "x~1", "y~1", "x~2"]
    assert docs[4].text == base[0].text
    assert len({d.id for d in docs}) == 5


def test_long_texts_are_cut_at_a_space() -> None:
    doc = _doc("x", "mot " * 100)
    capped = cap_document(doc, 50)
    assert len(capped.text) <= 50 and capped.text.endswith("mot")
    assert cap_document(doc, 0) is doc


def test_renaming_reaches_nested_spans() -> None:
    span = Span("x", 0, 3, "Un ")
    quantity = Quantity("x", 0, 3, "Un ", 1.0, None, None, "exact", "texte", (), (span,), span)
    analysis = DocAnalysis("x", (span,), (Mention("x", 0, 2, "Un", "MISC"),), (), (quantity,))
    renamed = with_doc_id(analysis, "x~1")
    assert renamed.doc == "x~1"
    assert renamed.mentions[0].doc == "x~1"
    assert renamed.quantities[0].qualifiers[0].doc == "x~1"
    assert renamed.quantities[0].attributed_to == replace(span, doc="x~1")
    assert renamed.quantities[0].start == 0


def test_growth_repeats_analyses_under_the_new_ids() -> None:
    base = [_doc("x"), _doc("y")]
    analyses = [DocAnalysis("x", (Span("x", 0, 2, "Un"),)), DocAnalysis("y")]
    docs, grown = grow_analyses(base, analyses, 5)
    assert [d.id for d in docs] == [a.doc for a in grown] == ["x", "y", "x~1", "y~1", "x~2"]
    assert grown[4].sentences[0].doc == "x~2"


def test_consolidation_stage_runs_in_its_own_process(corpus: Path, tmp_path: Path) -> None:
    spec = BenchSpec(n_docs=3, corpus=(corpus,), settings=Settings(quiet=True))
    from recoupe.ingest import load_inputs

    docs = load_inputs([corpus], spec.settings).documents
    path = tmp_path / "analyses.pickle"
    path.write_bytes(pickle.dumps([DocAnalysis(d.id) for d in docs]))
    stage = _run(True, stage_consolidate, spec, path, 7)
    assert stage.docs == 7
    assert stage.peak_rss_mb > 0
    assert stage.wall_s >= 0


def test_whole_bench_in_process(corpus: Path) -> None:
    spec = BenchSpec(n_docs=4, corpus=(corpus,), growth=3, isolate=False, profile_docs=2)
    heard: list[str] = []
    result = run_bench(spec, on_stage=lambda stage: heard.append(stage.name))
    assert heard == ["bare", "pipeline", "consolidate 4", "consolidate 12"]
    figures = result.to_dict()
    words = sum(len(t.split()) for t in TEXTS.values()) + len(TEXTS["a.txt"].split())
    assert figures["docs"] == 4 and figures["distinct_docs"] == 3
    assert figures["words"] == words
    assert figures["consolidation_grown_docs"] == 12
    for key in ("bare_docs_per_s", "pipeline_docs_per_s", "ratio", "peak_rss_mb"):
        assert figures[key] > 0
    assert figures["ratio"] == pytest.approx(
        figures["pipeline_docs_per_s"] / figures["bare_docs_per_s"], rel=0.02
    )
    shares = figures["component_share"]
    assert list(shares)[:2] == ["tok2vec", "morphologizer"] and "(records)" in shares
    assert sum(shares.values()) == pytest.approx(1.0, abs=0.01)
    assert "ratio pipeline/bare" in format_report(result)
    json.dumps(figures)


def test_cli_reports_a_missing_corpus(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "recoupe",
            "bench",
            "pipeline",
            "--docs",
            "2",
            "--corpus",
            str(tmp_path / "nowhere"),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "corpus not found" in result.stderr
