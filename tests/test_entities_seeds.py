"""The seed dossier's entities: the "Must show" list of the entities issue.

The seeds are read from ``../shared/seeds``; nothing of them is in the rules or the data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from recoupe.analyze.pipeline import analyze_documents
from recoupe.consolidate.entities import canonicalize_entities
from recoupe.ingest import load_inputs
from recoupe.records import DocAnalysis, Entity
from recoupe.settings import Settings


@pytest.fixture(scope="module")
def analyses(nlp: Any, seeds_dir: Path) -> list[DocAnalysis]:
    settings = Settings()
    documents = load_inputs([seeds_dir], settings).documents
    assert len(documents) == 5
    return list(analyze_documents(documents, nlp, settings))


@pytest.fixture(scope="module")
def entities(analyses: list[DocAnalysis]) -> tuple[Entity, ...]:
    return canonicalize_entities(analyses)


def holding(entities: tuple[Entity, ...], text: str) -> list[Entity]:
    return [e for e in entities if any(m.text == text for m in e.mentions)]


def the_one(entities: tuple[Entity, ...], text: str) -> Entity:
    found = holding(entities, text)
    assert len(found) == 1, f"{text!r} is in {[e.name for e in found]}"
    return found[0]


def test_one_entity_for_the_islamic_state(entities: tuple[Entity, ...]) -> None:
    ei = the_one(entities, "EI")
    assert ei.name == "État islamique" and ei.type == "ORG"
    forms = {m.text for m in ei.mentions}
    assert {"État islamique", "EI", "Daech", "Daesh", "ISIS"} <= forms


def test_one_entity_for_the_united_states_with_washington_as_metonym(
    entities: tuple[Entity, ...],
) -> None:
    us = the_one(entities, "États-Unis")
    assert us is the_one(entities, "Etats-Unis")
    assert us.name == "États-Unis" and us.type == "LOC"
    metonyms = [m for m in us.mentions if m.metonymy]
    assert metonyms and all(m.text == "Washington" for m in metonyms)
    assert "Washington" not in us.aliases


def test_one_entity_for_iraq(entities: tuple[Entity, ...]) -> None:
    iraq = the_one(entities, "Irak")
    assert iraq is the_one(entities, "Iraq")
    assert iraq.name == "Irak"


@pytest.mark.parametrize(
    ("short", "full"), [("Trump", "Donald Trump"), ("Al-Kazemi", "Mustafa Al-Kazemi")]
)
def test_short_and_full_names_merge(entities: tuple[Entity, ...], short: str, full: str) -> None:
    person = the_one(entities, short)
    assert person is the_one(entities, full)
    assert person.name == full and person.type == "PER"


@pytest.mark.parametrize(
    "name",
    [
        "Abu Mahdi al-Muhandis",
        "Haider al-Abadi",
        "Mohammed Shia al-Sudani",
        "Qassem Soleimani",
        "Yahya Rasoul",
        "Saddam Hussein",
    ],
)
def test_people_are_whole_and_persons(entities: tuple[Entity, ...], name: str) -> None:
    found = [e for e in entities if e.name == name]
    assert len(found) == 1
    assert found[0].type == "PER"


@pytest.mark.parametrize("bad", ["A la", "État", "Etat", "en Irak", "Premier ministre"])
def test_no_entity_is_a_fragment(entities: tuple[Entity, ...], bad: str) -> None:
    assert all(e.name != bad and bad not in e.aliases for e in entities)


@pytest.mark.parametrize("text", ["Daech", "Washington"])
def test_groups_and_capitals_are_not_persons(entities: tuple[Entity, ...], text: str) -> None:
    assert all(e.type != "PER" for e in holding(entities, text))


def test_no_mention_crosses_a_line_and_offsets_hold(
    analyses: list[DocAnalysis], seeds_dir: Path
) -> None:
    settings = Settings()
    texts = {d.id: d.text for d in load_inputs([seeds_dir], settings).documents}
    for analysis in analyses:
        for m in analysis.mentions:
            assert "\n" not in m.text
            assert texts[analysis.doc][m.start : m.end] == m.text
