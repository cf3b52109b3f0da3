"""Cross-document canonicalisation, on hand-made mentions (no spaCy)."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.consolidate.entities import EntityIndex, canonicalize_entities, entity_id
from recoupe.consolidate.entity_fuzzy import fuzzy_pairs
from recoupe.consolidate.entity_names import core_tokens, place_head, translit
from recoupe.records import DocAnalysis, Entity, Mention


class Docs:
    """Builds analyses: each mention is placed after the previous one of its document."""

    def __init__(self) -> None:
        self.mentions: dict[str, list[Mention]] = {}

    def add(self, doc: str, text: str, label: str, **facts: Any) -> Mention:
        previous = self.mentions.setdefault(doc, [])
        start = previous[-1].end + 1 if previous else 0
        mention = Mention(doc, start, start + len(text), text, label, **facts)
        previous.append(mention)
        return mention

    def analyses(self) -> list[DocAnalysis]:
        return [DocAnalysis(doc, mentions=tuple(ms)) for doc, ms in self.mentions.items()]

    def entities(self) -> tuple[Entity, ...]:
        return canonicalize_entities(self.analyses())


def entity_of(entities: tuple[Entity, ...], text: str) -> Entity:
    found = [e for e in entities if any(m.text == text for m in e.mentions)]
    assert len(found) == 1, [e.name for e in found]
    return found[0]


def test_gazetteer_keys_make_one_entity_named_by_the_gazetteer() -> None:
    d = Docs()
    d.add("a", "Etat islamique", "ORG", key="État islamique")
    d.add("a", "EI", "ORG", key="État islamique")
    d.add("b", "Daesh", "ORG", key="État islamique")
    d.add("b", "Etats-Unis", "LOC", key="États-Unis")
    d.add("b", "Washington", "LOC", key="États-Unis", metonymy=True)
    entities = d.entities()
    ei = entity_of(entities, "EI")
    assert ei.name == "État islamique" and ei.type == "ORG"
    assert set(ei.aliases) == {"Etat islamique", "EI", "Daesh"}
    us = entity_of(entities, "Washington")
    assert us.name == "États-Unis" and us.type == "LOC"
    assert "Washington" not in us.aliases
    assert [m.metonymy for m in us.mentions] == [False, True]


def test_a_metonym_of_an_organisation_keeps_the_organisation_type() -> None:
    d = Docs()
    d.add("a", "Bruxelles", "LOC", key="Union européenne", metonymy=True)
    entity = d.entities()[0]
    assert (entity.name, entity.type) == ("Union européenne", "ORG")


def test_spellings_and_transliterations_are_one_entity() -> None:
    d = Docs()
    d.add("a", "Karim al-Tounsi", "PER")
    d.add("b", "Karim al-Tunsi", "PER")
    d.add("b", "Karim al-Tunsi", "PER")
    d.add("c", "Mounir Radhami", "PER")
    d.add("c", "Munir Raddami", "PER")
    entities = d.entities()
    assert len(entities) == 2
    assert entity_of(entities, "Karim al-Tounsi").name == "Karim al-Tunsi"


def test_a_surname_joins_the_only_full_name_that_fits() -> None:
    d = Docs()
    d.add("a", "Anne Moreau", "PER", role="maire de Valbrune")
    d.add("b", "Moreau", "PER")
    d.add("c", "Samir Al-Harbi", "PER")
    d.add("c", "Al-Harbi", "PER")
    d.add("d", "Al-Harbi", "LOC")
    d.add("d", "Al-Harbi", "PER")
    entities = d.entities()
    moreau = entity_of(entities, "Moreau")
    assert moreau.name == "Anne Moreau" and moreau.aliases == ("Moreau",)
    harbi = entity_of(entities, "Samir Al-Harbi")
    assert harbi.type == "PER" and len(harbi.mentions) == 4


def test_an_ambiguous_surname_stays_apart() -> None:
    d = Docs()
    d.add("a", "George Bush", "PER")
    d.add("b", "Jeb Bush", "PER")
    d.add("c", "Bush", "PER")
    entities = d.entities()
    assert len(entities) == 3
    assert entity_of(entities, "Bush").name == "Bush"


def test_a_short_place_name_joins_its_compound() -> None:
    d = Docs()
    d.add("a", "Montval-sur-Loir", "LOC")
    d.add("b", "Montval sur Loir", "LOC")
    d.add("c", "Montval", "LOC")
    d.add("c", "Loir", "LOC")
    entities = d.entities()
    assert len(entities) == 2
    assert len(entity_of(entities, "Montval").mentions) == 3


def test_an_acronym_defined_in_one_document_links_everywhere() -> None:
    d = Docs()
    d.add("a", "Fédération nationale des chasseurs", "ORG")
    d.add("a", "FNC", "ORG", alias_of="Fédération nationale des chasseurs")
    d.add("b", "FNC", "ORG")
    d.add("c", "Daesh", "ORG", key="État islamique")
    d.add("c", "EI", "ORG", key="État islamique", alias_of="Daesh")
    entities = d.entities()
    fnc = entity_of(entities, "FNC")
    assert fnc.name == "Fédération nationale des chasseurs" and len(fnc.mentions) == 3


def test_repaired_names_name_the_entity() -> None:
    d = Docs()
    d.add("a", "Ali al. -Hamdani", "PER", name="Ali al-Hamdani")
    d.add("b", "Ali al-Hamdani", "PER")
    entity = d.entities()[0]
    assert entity.name == "Ali al-Hamdani" and len(entity.mentions) == 2


def test_near_identical_names_merge_but_different_people_do_not() -> None:
    d = Docs()
    d.add("a", "Ursula von der Leyen", "PER")
    d.add("b", "Ursula von der Leiden", "PER")
    d.add("c", "Jean Dupontel", "PER")
    d.add("d", "Jeanne Dupontel", "PER")
    entities = d.entities()
    assert len(entities) == 3


def test_two_known_entities_never_merge() -> None:
    d = Docs()
    d.add("a", "Autriche", "LOC", key="Autriche")
    d.add("a", "Autriches", "LOC")
    d.add("b", "Australie", "LOC", key="Australie")
    assert len(d.entities()) == 3


def test_demonyms_join_their_country_with_a_flag_and_no_alias() -> None:
    d = Docs()
    d.add("a", "Irak", "LOC", key="Irak")
    d.add("a", "Irakiens", "MISC", key="Irak", demonym=True)
    entity = d.entities()[0]
    assert entity.aliases == ()
    assert [m.demonym for m in entity.mentions] == [False, True]


def test_every_mention_is_in_exactly_one_entity_and_ids_are_stable() -> None:
    d = Docs()
    for doc in "abc":
        d.add(doc, "Hélène Marchal", "PER")
        d.add(doc, "Angers", "LOC")
        d.add(doc, "Marchal", "PER")
    entities = d.entities()
    mentions = [m for e in entities for m in e.mentions]
    assert len(mentions) == len(set(mentions)) == 9
    assert entity_of(entities, "Angers").id == entity_id("LOC", "Angers")
    assert [e.id for e in entities] == [e.id for e in d.entities()]


def test_the_index_finds_entities_by_overlap() -> None:
    d = Docs()
    trump = d.add("a", "Donald Trump", "PER")
    d.add("a", "Irak", "LOC", key="Irak")
    entities = d.entities()
    index = EntityIndex(entities)
    eid = entity_of(entities, "Donald Trump").id
    assert index.entity_at("a", trump.start, trump.end) == eid
    assert index.entity_at("a", trump.start + 7, trump.end + 3) == eid
    assert index.entity_at("a", 500, 510) is None
    assert index.entity_at("zz", 0, 5) is None
    assert len(index.mentions_in("a", 0, 100)) == 2


@pytest.mark.parametrize(
    ("a", "b"),
    [("al-Tounsi", "Al Tunsi"), ("Radhami", "Raddami"), ("el-Hassani", "al-Hasani")],
)
def test_transliteration_keys(a: str, b: str) -> None:
    assert translit(a) == translit(b)


def test_name_parts() -> None:
    assert core_tokens("samir al harbi") == ("samir", "al harbi")
    assert place_head("brehac sur loire") == "brehac"
    assert place_head("loire atlantique") is None


def test_fuzzy_pairs_compare_inside_blocks_only() -> None:
    labels = {"kristalina georgieva": "PER", "kristalina gueorgieva": "PER", "orange": "ORG"}
    assert list(fuzzy_pairs(labels)) == [("kristalina georgieva", "kristalina gueorgieva")]
    assert list(fuzzy_pairs({"conseil national": "ORG", "conseil nationale": "LOC"})) == []


def test_a_surname_goes_to_a_full_name_far_more_cited_than_the_others() -> None:
    d = Docs()
    for doc in "abcd":
        d.add(doc, "Mounir Radhami", "PER")
    d.add("e", "Saïd al-Islam Radhami", "PER")
    d.add("f", "Radhami", "PER")
    entities = d.entities()
    assert entity_of(entities, "Radhami").name == "Mounir Radhami"
    assert len(entity_of(entities, "Saïd al-Islam Radhami").mentions) == 1


def test_canonicalisation_handles_thousands_of_documents() -> None:
    d = Docs()
    for i in range(2000):
        d.add(f"d{i}", f"Personne{i % 700} Nom{i % 300}", "PER")
        d.add(f"d{i}", "Irak", "LOC", key="Irak")
        d.add(f"d{i}", f"Ville{i % 500}", "LOC")
    entities = d.entities()
    assert sum(len(e.mentions) for e in entities) == 6000
    assert entity_of(entities, "Irak").name == "Irak"


def test_a_name_untagged_in_one_place_is_found_by_the_same_name_in_its_document() -> None:
    d = Docs()
    d.add("a", "Karim Mansouri", "PER")
    d.add("a", "Mansouri", "PER")
    d.add("b", "Nadia Selmi", "PER")
    index = EntityIndex(d.entities())
    karim = entity_of(d.entities(), "Karim Mansouri").id
    assert index.entity_named("a", 900, 908, "Mansouri") == karim  # no mention there
    assert index.entity_named("a", 0, 5, "Mansouri") == karim  # a mention there
    assert index.entity_named("a", 900, 905, "Nadia") is None
    assert index.entity_named("b", 900, 908, "Mansouri") is None  # not named in that document
