"""Engines: one process, K processes and Dask give the same dossier, byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from recoupe.build import build
from recoupe.engine import chunk_size, chunked, engine_named
from recoupe.engine.cluster import DaskEngine
from recoupe.settings import Settings

from .conftest import SEEDS

# One document per batch and four per chunk: the five seeds make two chunks, so the
# engines really split the work and must put it back in order.
SETTINGS = Settings(batch_size=1, quiet=True)


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("one")
    result = build([SEEDS], out, SETTINGS)
    assert result.used == 5
    return result.json_path.read_bytes()


def test_two_workers_write_the_same_dossier(one_worker: bytes, tmp_path: Path) -> None:
    settings = Settings(batch_size=1, workers=2, quiet=True)
    seen: list[tuple[int, int]] = []
    result = build([SEEDS], tmp_path, settings, progress=lambda d, t: seen.append((d, t)))
    assert result.json_path.read_bytes() == one_worker
    assert seen == [(4, 5), (5, 5)]


def test_dask_writes_the_same_dossier_and_one_shard_per_chunk(
    one_worker: bytes, tmp_path: Path
) -> None:
    settings = Settings(batch_size=1, workers=2, quiet=True)
    shards = tmp_path / "shards"
    engine = DaskEngine(shard_dir=shards, processes=False)
    result = build([SEEDS], tmp_path / "out", settings, engine=engine)
    assert result.json_path.read_bytes() == one_worker
    assert sorted(p.name for p in shards.iterdir()) == [
        "part-000000000.parquet",
        "part-000000001.parquet",
    ]


def test_chunks_are_whole_batches() -> None:
    size = chunk_size(Settings(batch_size=16), batches_per_chunk=4)
    assert size == 64
    assert [len(c) for c in chunked(list(range(150)), size)] == [64, 64, 22]


@pytest.mark.parametrize(
    ("name", "scheduler", "message"),
    [("spark", None, "unknown engine"), ("local", "tcp://h:8786", "go with --engine dask")],
)
def test_bad_engine_choices_are_refused(name: str, scheduler: str | None, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        engine_named(name, scheduler)


def test_dask_engine_by_name_keeps_its_scheduler() -> None:
    engine = engine_named("dask", "tcp://10.0.0.1:8786", Path("/shared/shards"))
    assert isinstance(engine, DaskEngine)
    assert engine.scheduler == "tcp://10.0.0.1:8786"


def test_cli_refuses_an_unknown_engine(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "recoupe",
            "build",
            str(SEEDS),
            "--out",
            str(tmp_path),
            "--engine",
            "spark",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "unknown engine 'spark'" in result.stderr
    assert not (tmp_path / "dossier.json").exists()


def test_a_failing_extractor_is_recorded_and_the_run_goes_on(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recoupe.analyze import extract
    from recoupe.analyze.pipeline import analyze_documents
    from recoupe.records import Document

    def broken(sdoc: Any, doc_id: str) -> list[Any]:
        raise KeyError("milliers")

    monkeypatch.setattr(extract, "quantities_from_doc", broken)
    docs = [Document(id=f"d{i}", path="", text="Le maire de Lyon a parlé mardi.") for i in range(3)]
    analyses = list(analyze_documents(docs, nlp, Settings(batch_size=2)))
    assert [a.doc for a in analyses] == ["d0", "d1", "d2"]
    assert all(a.errors == ("broken: KeyError: 'milliers'",) for a in analyses)
    assert all(a.mentions and not a.quantities for a in analyses)


def test_one_failing_document_leaves_the_others_of_its_batch_whole(nlp: Any) -> None:
    from spacy.language import Language

    from recoupe.analyze.pipeline import analyze_documents
    from recoupe.records import Document

    def boom(doc: Any) -> Any:
        if "BOUM" in doc.text:
            raise RuntimeError("BOUM")
        return doc

    if not Language.has_factory("test_boom"):
        Language.component("test_boom", func=boom)
    nlp.add_pipe("test_boom")
    try:
        texts = ["Le maire de Lyon a parlé.\nIl pleut.", "BOUM.", "Le préfet de Nantes.\nFin."]
        docs = [Document(id=f"d{i}", path="", text=t) for i, t in enumerate(texts)]
        analyses = list(analyze_documents(docs, nlp, Settings(batch_size=3)))
    finally:
        nlp.remove_pipe("test_boom")
    assert [bool(a.errors) for a in analyses] == [False, True, False]
    assert analyses[1].errors == ("RuntimeError: BOUM",)
    assert analyses[0].sentences and analyses[2].mentions
