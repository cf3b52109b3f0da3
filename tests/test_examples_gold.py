"""The sample corpus and its hand-written gold annotations stay well-formed and in step.

Gold items are located by their exact ``text`` in a document's body plus ``occurrence``
(1 = first match of that exact substring in the body). The body is the text after the
metadata: header lines (``title:``/``date:``/``source:``/``url:``) and the blank line after
them, a leading `` date YYYY-MM`` prefix, the ``text`` field of a JSON file, or the main text
that trafilatura extracts from an HTML page.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CORPUS = EXAMPLES / "corpus"
GOLD = EXAMPLES / "gold"

HEADER = re.compile(r"^(title|date|source|url):")
PREFIX = re.compile(r"^\s*date \d{4}-\d{2}(?:-\d{2})? ")
ENTITY_TYPES = {"PER", "ORG", "LOC", "MISC"}
QUALIFIERS = {"exact", "approx", "more_than", "less_than", "at_least", "at_most", "range", "vague"}
QUOTE_KINDS = {"direct", "indirect"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def corpus_names() -> list[str]:
    return sorted(p.name for p in CORPUS.iterdir() if p.is_file())


@cache
def body(name: str) -> str:
    path = CORPUS / name
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return str(json.loads(raw)["text"])
    if path.suffix == ".html":
        import trafilatura

        extracted = trafilatura.extract(raw, output_format="txt")
        assert extracted, f"trafilatura extracted nothing from {name}"
        return str(extracted)
    prefix = PREFIX.match(raw)
    if prefix:
        return raw[prefix.end() :]
    lines = raw.split("\n")
    n = 0
    while n < len(lines) and HEADER.match(lines[n]):
        n += 1
    assert n == 0 or lines[n] == "", f"{name}: header lines must be followed by a blank line"
    return "\n".join(lines[n + 1 :] if n else lines)


def positions(text: str, needle: str) -> list[int]:
    return [i for i in range(len(text)) if text.startswith(needle, i)]


def load(name: str) -> Any:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


def located(file: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(document, section, item) for every item of a gold file that is located by text."""
    data = load(file)
    out = []
    for section in ("documents", "ages", "demonyms"):
        for doc, items in data.get(section, {}).items():
            out.extend((doc, section, item) for item in items)
    return out


ALL_LOCATED = [
    pytest.param(doc, item, id=f"{file}:{doc[:2]}:{item['text'][:30]}")
    for file in ("entities.json", "quantities.json", "quotes.json")
    for doc, _section, item in located(file)
]


@pytest.mark.parametrize(("doc", "item"), ALL_LOCATED)
def test_gold_text_occurs_in_document(doc: str, item: dict[str, Any]) -> None:
    assert doc in corpus_names()
    found = positions(body(doc), item["text"])
    occurrence = item.get("occurrence", 1)
    assert isinstance(occurrence, int) and occurrence >= 1
    assert len(found) >= occurrence, f"{item['text']!r} found {len(found)} times in {doc}"


def test_corpus_size_and_formats() -> None:
    names = corpus_names()
    assert len(names) == 7
    assert {Path(n).suffix for n in names} == {".txt", ".json", ".html"}
    for name in names:
        words = len(body(name).split())
        assert 150 <= words <= 400, f"{name} has {words} words"


def test_every_document_has_gold() -> None:
    names = set(corpus_names())
    assert set(load("dates.json")) == names
    for file in ("entities.json", "quantities.json", "quotes.json"):
        assert set(load(file)["documents"]) == names, file


def test_entities_are_well_formed() -> None:
    for doc, items in load("entities.json")["documents"].items():
        text = body(doc)
        for item in items:
            assert item["type"] in ENTITY_TYPES
            assert isinstance(item["cluster"], str) and item["cluster"]
            assert isinstance(item.get("metonymy", False), bool)
            start = positions(text, item["text"])[item["occurrence"] - 1]
            end = start + len(item["text"])
            assert start == 0 or not text[start - 1].isalnum(), item
            assert end == len(text) or not text[end].isalnum(), item


def test_entity_clusters_have_one_type() -> None:
    types: dict[str, set[str]] = {}
    for items in load("entities.json")["documents"].values():
        for item in items:
            types.setdefault(item["cluster"], set()).add(item["type"])
    mixed = {cluster: t for cluster, t in types.items() if len(t) > 1}
    assert not mixed


def test_quantities_are_well_formed() -> None:
    for items in load("quantities.json")["documents"].values():
        for item in items:
            assert item["qualifier"] in QUALIFIERS, item
            assert isinstance(item["unit"], str) and item["unit"], item
            low, high, value = item["low"], item["high"], item["value"]
            if item["qualifier"] == "range":
                assert value is None and low is not None and high is not None and low < high
            elif item["qualifier"] == "vague":
                assert value is None and low is not None
            else:
                assert isinstance(value, int | float) and low is None and high is None, item


def test_quotes_are_well_formed() -> None:
    for doc, items in load("quotes.json")["documents"].items():
        text = body(doc)
        for item in items:
            assert item["kind"] in QUOTE_KINDS
            assert item["speaker"], item
            assert item["cue"] in text, item
            assert item["speaker_text"] in text, item


def test_gold_avoids_boilerplate_lines() -> None:
    for doc, meta in load("ingest.json")["documents"].items():
        raw_lines = (CORPUS / doc).read_text(encoding="utf-8").split("\n")
        gold_texts = [item["text"] for d, _s, item in located("entities.json") if d == doc]
        gold_texts += [item["text"] for d, _s, item in located("quantities.json") if d == doc]
        for line in meta.get("boilerplate", []):
            assert line in raw_lines, line
            assert not any(t in line for t in gold_texts), line


def test_ingest_expectations_are_consistent() -> None:
    meta = load("ingest.json")["documents"]
    dates = load("dates.json")
    assert set(meta) == set(corpus_names())
    for doc, entry in meta.items():
        if entry.get("duplicate_of"):
            assert entry["duplicate_of"] in meta
        if entry["metadata_date"]:
            assert dates[doc].startswith(entry["metadata_date"])
            assert entry["metadata_date"] in (CORPUS / doc).read_text(encoding="utf-8")
        else:
            assert "date" not in (CORPUS / doc).read_text(encoding="utf-8").split("\n\n")[0]


def test_timeline_is_sorted_and_sourced() -> None:
    timeline = load("timeline.json")
    assert [e["date"] for e in timeline] == sorted(e["date"] for e in timeline)
    for entry in timeline:
        assert DATE.match(entry["date"]), entry
        assert entry["event"] and entry["docs"]
        assert set(entry["docs"]) <= set(corpus_names())
    for value in load("dates.json").values():
        assert DATE.match(value) and len(value) == 10
