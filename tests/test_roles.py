"""A role set beside a name in one article names that person in another."""

from __future__ import annotations

from recoupe.consolidate.roles import RoleHolders, role_key
from recoupe.records import DocDate, Document, Entity, EntityMention


def test_role_key_keeps_the_complement() -> None:
    assert role_key("La ministre de l'Économie") == "ministre de l economie"
    assert role_key("le nouveau porte-parole du gouvernement") == "porte parole du gouvernement"
    assert role_key("la ministre") is None  # a bare title names nobody
    assert role_key("la capitale du pays") is None  # no title
    assert role_key("M. Dupont") is None  # an honorific, not a role


def _doc(doc_id: str, text: str, when: str) -> Document:
    return Document(
        id=doc_id,
        path=f"{doc_id}.txt",
        text=text,
        date=DocDate(value=when, precision="day", provenance="metadata"),
    )


def _person(eid: str, name: str, *where: tuple[str, str]) -> Entity:
    mentions = tuple(
        EntityMention(doc, text.index(name), text.index(name) + len(name), name)
        for doc, text in where
    )
    return Entity(eid, name, "PER", (), mentions)


A = "Jeudi, la ministre de la Santé, Inès Marchal, a présenté son plan."
B = "Hugo Ferrand, ministre des Sports, a salué le plan de sa collègue."
C = "La ministre de la Santé a répété jeudi que le plan serait financé."


def test_a_role_told_before_or_after_the_name_is_found_across_articles() -> None:
    docs = [_doc("a", A, "2025-03-06"), _doc("b", B, "2025-03-07"), _doc("c", C, "2025-03-20")]
    people = [_person("e1", "Inès Marchal", ("a", A)), _person("e2", "Hugo Ferrand", ("b", B))]
    holders = RoleHolders(docs, people)
    assert holders.holder("La ministre de la Santé", "c") == "e1"
    assert holders.holder("le ministre des Sports", "c") == "e2"
    assert holders.holder("le ministre de l'Intérieur", "c") is None


def test_a_role_given_to_two_people_or_long_before_names_nobody() -> None:
    other = "La ministre de la Santé, Léa Vasseur, a démissionné."
    docs = [
        _doc("a", A, "2025-03-06"),
        _doc("o", other, "2025-03-01"),
        _doc("c", C, "2025-03-20"),
        _doc("late", C, "2027-01-10"),
    ]
    first = _person("e1", "Inès Marchal", ("a", A))
    holders = RoleHolders(docs, [first, _person("e3", "Léa Vasseur", ("o", other))])
    assert holders.holder("La ministre de la Santé", "c") is None  # two ministers told
    alone = RoleHolders(docs, [first])
    assert alone.holder("La ministre de la Santé", "c") == "e1"
    assert alone.holder("La ministre de la Santé", "late") is None  # told two years before


def test_the_article_s_gender_must_agree() -> None:
    intro = "La secrétaire d'État, Maud Lenoir, a reçu les syndicats."
    later = "Le secrétaire d'État chargé des Transports a démenti."
    docs = [_doc("a", intro, "2025-03-06"), _doc("b", later, "2025-03-10")]
    holders = RoleHolders(docs, [_person("e1", "Maud Lenoir", ("a", intro))])
    assert holders.holder("La secrétaire d'État", "b") == "e1"
    assert holders.holder("Le secrétaire d'État", "b") is None
