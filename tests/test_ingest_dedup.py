"""Ids and duplicate links: exact copies, near copies (MinHash LSH), distinct texts."""

from __future__ import annotations

import pytest

from recoupe.ingest.dedup import assign_ids, jaccard, link_duplicates, shingles
from recoupe.records import Document

STORY = (
    "La rivière Vellanne est sortie de son lit dans la nuit de lundi à mardi après trois "
    "jours de pluies ininterrompues sur le plateau. Les pompiers ont évacué quarante familles "
    "du quartier de la gare et ouvert un gymnase pour les accueillir. Le maire a demandé la "
    "reconnaissance de l'état de catastrophe naturelle et promis une aide d'urgence aux "
    "commerçants dont les boutiques ont été inondées. Selon la préfecture, la décrue ne "
    "devrait pas commencer avant jeudi, et de nouvelles averses sont attendues en fin de semaine."
)
# The same dispatch with a few words changed, as a second outlet would run it.
NEAR = (
    STORY.replace("quarante familles", "quarante-deux familles")
    .replace("Le maire", "L'édile")
    .replace("jeudi", "vendredi")
)
OTHER = (
    "Les dockers du port de Lorvan ont cessé le travail mardi matin pour protester contre la "
    "réorganisation des équipes de nuit. Selon la direction, trois cents salariés ont suivi "
    "le mouvement, qui pourrait durer jusqu'à la fin de la semaine."
)


def _doc(text: str, path: str) -> Document:
    return Document(id="", path=path, text=text)


def test_near_duplicate_points_to_the_earlier_document() -> None:
    assert 0.8 <= jaccard(shingles(STORY), shingles(NEAR)) < 1.0
    first, other, near = link_duplicates([_doc(STORY, "a"), _doc(OTHER, "b"), _doc(NEAR, "c")], 0.8)
    assert near.duplicate_of == first.id
    assert first.duplicate_of is None and other.duplicate_of is None


def test_threshold_comes_from_the_caller() -> None:
    similarity = jaccard(shingles(STORY), shingles(NEAR))
    linked = link_duplicates([_doc(STORY, "a"), _doc(NEAR, "b")], similarity + 0.01)
    assert [d.duplicate_of for d in linked] == [None, None]


def test_exact_copies_link_to_the_original_and_keep_unique_ids() -> None:
    docs = [_doc(NEAR, "x"), _doc(STORY, "a"), _doc(NEAR, "b"), _doc(NEAR, "b")]
    linked = link_duplicates(docs, 0.8)
    # NEAR came first, so it is the original; STORY nearly repeats it; copies point to it.
    assert [d.duplicate_of for d in linked] == [None, linked[0].id, linked[0].id, linked[0].id]
    assert len({d.id for d in linked}) == 4


def test_id_is_derived_from_the_text_only() -> None:
    ids = assign_ids([_doc(STORY, "a"), _doc(OTHER, "b")])
    assert ids == assign_ids([_doc(STORY, "elsewhere"), _doc(OTHER, "other")])
    assert all(i.startswith("d-") and len(i) == 14 for i in ids)


@pytest.mark.parametrize(
    ("text", "count"), [("", 0), ("Un", 1), ("un deux", 1), ("un deux trois quatre", 2)]
)
def test_shingles_of_short_texts(text: str, count: int) -> None:
    assert len(shingles(text)) == count


def test_shingles_ignore_case_and_punctuation() -> None:
    assert list(shingles("La Crue, la crue !")) == list(shingles("la crue la crue"))


def test_many_distinct_documents_stay_distinct() -> None:
    docs = [
        _doc(f"Dépêche numéro {i} : le conseil {i * 7} a voté la mesure {i * 13} hier.", str(i))
        for i in range(300)
    ]
    linked = link_duplicates(docs, 0.8)
    assert all(d.duplicate_of is None for d in linked)
    assert len({d.id for d in linked}) == 300
