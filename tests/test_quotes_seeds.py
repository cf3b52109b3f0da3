"""Quotes and speakers the seed dossier must show, through the whole pipeline, plus the gate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from recoupe.analyze.pipeline import analyze_documents
from recoupe.evaluate.quotes import evaluate_quotes
from recoupe.ingest import load_inputs
from recoupe.records import Quote
from recoupe.settings import Settings

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def seed_quotes(nlp: Any, seeds_dir: Path) -> dict[str, list[Quote]]:
    documents = load_inputs([seeds_dir], Settings()).documents
    analyses = analyze_documents(documents, nlp, Settings())
    return {Path(d.path).name[:3]: list(a.quotes) for d, a in zip(documents, analyses, strict=True)}


def _said(found: list[Quote], words: str) -> Quote:
    matching = [q for q in found if words in q.text]
    assert matching, f"no quote with {words!r}"
    return min(matching, key=lambda q: len(q.text))


@pytest.mark.parametrize(
    ("seed", "words", "speaker"),
    [
        ("002", "retrait total", "Haider al-Abadi"),
        ("004", "nous serons partis", "Trump"),
        ("004", "forces de combat", "Al-Kazemi"),
        ("001", "perturber le bon déroulement des pourparlers", "Yahya Rasoul"),
        ("003", "le début du premier cycle de dialogue bilatéral", "Mohammed Shia al-Sudani"),
        ("003", "le langage de la force", "Résistance islamique en Irak"),
        ("001", "évaluer les progrès accomplis", "coalition"),
    ],
)
def test_quotes_with_their_speaker(
    seed_quotes: dict[str, list[Quote]], seed: str, words: str, speaker: str
) -> None:
    q = _said(seed_quotes[seed], words)
    assert q.kind == "direct"
    assert q.speaker is not None and speaker in q.speaker.text


def test_reported_speech_is_indirect(seed_quotes: dict[str, list[Quote]]) -> None:
    q = _said(seed_quotes["000"], "l'État islamique est vaincu")
    assert q.kind == "indirect" and q.cue == "affirme"
    assert q.speaker is not None and q.speaker.text == "Le gouvernement irakien"


def test_unclosed_quote_is_still_read(seed_quotes: dict[str, list[Quote]]) -> None:
    q = _said(seed_quotes["003"], "travaillera à définir les conditions")
    assert q.speaker is not None and "coalition" in q.speaker.text


def test_quoted_name_is_not_a_quote(seed_quotes: dict[str, list[Quote]]) -> None:
    assert not [q for q in seed_quotes["001"] if q.text == "résistance islamique en Irak"]


def test_quality_gate_on_the_sample_corpus(nlp: Any) -> None:
    scores = evaluate_quotes(EXAMPLES / "corpus", EXAMPLES / "gold" / "quotes.json", nlp=nlp)
    assert scores["quotes"]["f1"] >= 0.9
    assert scores["speaker"]["accuracy"] >= 0.9
