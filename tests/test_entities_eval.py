"""Entity evaluation: scoring on hand-made records, and the quality gate on the examples."""

from __future__ import annotations

from typing import Any

from recoupe.evaluate.entities import (
    GoldMention,
    bcubed,
    evaluate_entities,
    resolve_gold,
    score_entities,
)
from recoupe.records import DocAnalysis, Document, Mention

from .conftest import EXAMPLES

# Pinned on the sample corpus (examples/gold/entities.json); raise them when results improve.
MIN_MENTION_F1 = 0.95
MIN_BCUBED_F1 = 0.95

TEXT = "Paul Morel et Anne Morel sont à Lyon. Morel parle de Lyon."


def test_gold_items_are_placed_by_occurrence() -> None:
    raw = {
        "a.txt": [
            {"text": "Lyon", "occurrence": 2, "type": "LOC", "cluster": "Lyon"},
            {"text": "Lyon", "occurrence": 3, "type": "LOC", "cluster": "Lyon"},
        ]
    }
    placed, unresolved = resolve_gold(raw, {"a.txt": TEXT})
    assert [(g.start, g.end) for g in placed] == [(TEXT.rindex("Lyon"), len(TEXT) - 1)]
    assert unresolved == ["a.txt: 'Lyon' #3"]


def test_scores_count_spans_types_and_clusters() -> None:
    def at(text: str, nth: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(nth + 1):
            start = TEXT.index(text, start + 1)
        return start, start + len(text)

    doc = Document("d1", "corpus/a.txt", TEXT)
    mentions = (
        Mention("d1", *at("Paul Morel"), "Paul Morel", "PER"),
        Mention("d1", *at("Anne Morel"), "Anne Morel", "LOC"),  # wrong type
        Mention("d1", *at("Lyon"), "Lyon", "LOC"),
        Mention("d1", *at("parle"), "parle", "ORG"),  # spurious
    )
    raw = {
        "a.txt": [
            {"text": "Paul Morel", "occurrence": 1, "type": "PER", "cluster": "Paul"},
            {"text": "Anne Morel", "occurrence": 1, "type": "PER", "cluster": "Anne"},
            {"text": "Lyon", "occurrence": 1, "type": "LOC", "cluster": "Lyon"},
            {"text": "Lyon", "occurrence": 2, "type": "LOC", "cluster": "Lyon"},
        ]
    }
    scores = score_entities([doc], [DocAnalysis("d1", mentions=mentions)], raw)
    assert scores["mentions"] == {"p": 0.5, "r": 0.5, "f1": 0.5}
    assert scores["spans"]["p"] == 0.75
    assert scores["missed"] == ["a.txt: 'Anne Morel' PER", "a.txt: 'Lyon' LOC"]
    assert scores["bcubed"]["p"] == 1.0 and scores["bcubed"]["r"] == 0.75


def test_bcubed_penalises_merging_two_clusters() -> None:
    gold = [GoldMention("a", i, i + 1, "x", "PER", c) for i, c in enumerate("AABB")]
    merged = {("a", i, i + 1): ("PER", "e1", False) for i in range(4)}
    assert bcubed(gold, merged) == {"p": 0.5, "r": 1.0, "f1": 0.6667}


def test_quality_gate_on_the_sample_corpus(nlp: Any) -> None:
    scores = evaluate_entities(EXAMPLES / "corpus", EXAMPLES / "gold" / "entities.json", nlp=nlp)
    assert scores["unresolved"] == []
    assert scores["mentions"]["f1"] >= MIN_MENTION_F1, scores["missed"] + scores["spurious"]
    assert scores["bcubed"]["f1"] >= MIN_BCUBED_F1
    assert scores["metonymy"]["found"] == scores["metonymy"]["gold"]
