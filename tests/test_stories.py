"""Story split: documents built by hand, clustered by words, entities and dates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recoupe.consolidate.stories import StoryOptions, inverse_purity, purity, split_stories
from recoupe.records import DocAnalysis, DocDate, Document, Mention
from recoupe.store.story_index import write_story_index

FLOOD = (
    "La crue de la Loire a inondé les quartiers bas de Saumur ; les pompiers ont évacué "
    "des habitants et la préfecture a ouvert un gymnase pour les sinistrés de l'inondation."
)
FLOOD_2 = (
    "À Saumur, la décrue de la Loire commence : les sinistrés de l'inondation regagnent "
    "leurs maisons, la préfecture chiffre les dégâts et les pompiers pompent les caves."
)
ELECTION = (
    "Les électeurs de Lyon ont voté dimanche pour le second tour des municipales ; le "
    "candidat écologiste arrive en tête du scrutin devant le maire sortant."
)
ELECTION_2 = (
    "Municipales à Lyon : le maire sortant reconnaît sa défaite au second tour du scrutin, "
    "le candidat écologiste remercie les électeurs et prépare son équipe."
)


def _doc(doc_id: str, text: str, day: str | None = None, dup: str | None = None) -> Document:
    date = DocDate(day, "day", "metadata") if day else DocDate()
    return Document(id=doc_id, path=f"{doc_id}.txt", text=text, date=date, duplicate_of=dup)


def _analysis(document: Document, *names: str) -> DocAnalysis:
    mentions = []
    for name in names:
        start = document.text.find(name)
        assert start >= 0, name
        mentions.append(Mention(document.id, start, start + len(name), name, "LOC"))
    return DocAnalysis(document.id, mentions=tuple(mentions))


def _pile() -> tuple[list[Document], list[DocAnalysis]]:
    docs = [
        _doc("f1", FLOOD, "2024-01-10"),
        _doc("e1", ELECTION, "2024-01-11"),
        _doc("f2", FLOOD_2, "2024-01-14"),
        _doc("e2", ELECTION_2, "2024-01-12"),
    ]
    names = {"f1": ("Loire", "Saumur"), "f2": ("Loire", "Saumur"), "e1": ("Lyon",)}
    analyses = [_analysis(d, *names.get(d.id, ("Lyon",))) for d in docs]
    return docs, analyses


def test_two_stories_are_told_apart() -> None:
    docs, analyses = _pile()
    stories = split_stories(docs, analyses)
    assert sorted(sorted(s.documents) for s in stories) == [["e1", "e2"], ["f1", "f2"]]
    flood = next(s for s in stories if "f1" in s.documents)
    assert (flood.first_date, flood.last_date) == ("2024-01-10", "2024-01-14")
    assert flood.label.startswith(("Loire", "Saumur"))
    assert flood.documents == ("f1", "f2")  # input order


def test_a_story_closes_after_the_window() -> None:
    docs, analyses = _pile()
    late = _doc("f3", FLOOD_2 + " Six mois plus tard.", "2024-07-30")
    stories = split_stories([*docs, late], [*analyses, _analysis(late, "Loire", "Saumur")])
    assert ["f3"] in [list(s.documents) for s in stories]
    wide = StoryOptions(window_days=365)
    stories = split_stories([*docs, late], [*analyses, _analysis(late, "Loire")], wide)
    assert ["f1", "f2", "f3"] in [list(s.documents) for s in stories]


def test_undated_documents_join_the_closest_story() -> None:
    docs, analyses = _pile()
    undated = _doc("u", ELECTION_2.replace("dimanche", "hier"))
    stories = split_stories([undated, *docs], [_analysis(undated, "Lyon"), *analyses])
    assert sorted(next(s for s in stories if "u" in s.documents).documents) == ["e1", "e2", "u"]


def test_a_duplicate_follows_its_original() -> None:
    docs, analyses = _pile()
    dup = _doc("d", ELECTION, "2024-01-10", dup="f1")  # says it repeats f1, whatever it says
    stories = split_stories([*docs, dup], [*analyses, _analysis(dup, "Lyon")])
    assert "d" in next(s for s in stories if "f1" in s.documents).documents


def test_every_document_in_exactly_one_story_and_ids_are_stable() -> None:
    docs, analyses = _pile()
    first = split_stories(docs, analyses)
    assert sorted(i for s in first for i in s.documents) == sorted(d.id for d in docs)
    assert [s.id for s in split_stories(docs, analyses)] == [s.id for s in first]
    assert split_stories([], []) == ()


@pytest.mark.parametrize(
    ("clusters", "expected_purity", "expected_inverse"),
    [
        ([["a1", "a2"], ["b1"]], 1.0, 1.0),
        ([["a1"], ["a2"], ["b1"]], 1.0, 2 / 3),
        ([["a1", "a2", "b1"]], 2 / 3, 1.0),
    ],
)
def test_purity(clusters: list[list[str]], expected_purity: float, expected_inverse: float) -> None:
    gold = {"a1": "a", "a2": "a", "b1": "b"}
    assert purity(clusters, gold) == pytest.approx(expected_purity)
    assert inverse_purity(clusters, gold) == pytest.approx(expected_inverse)


def test_index_lists_the_stories(tmp_path: Path) -> None:
    docs, analyses = _pile()
    stories = split_stories(docs, analyses)
    json_path, html_path = write_story_index(stories, (), tmp_path)
    index = json.loads(json_path.read_text(encoding="utf-8"))
    assert [s["id"] for s in index["stories"]] == [s.id for s in stories]
    assert index["stories"][0]["dossier"] == f"{stories[0].id}/dossier.json"
    assert f'href="{stories[1].id}/report.html"' in html_path.read_text(encoding="utf-8")


def test_split_build_of_two_real_stories(tmp_path: Path) -> None:
    """The seed articles (Iraq) and the sample corpus (a Loire flood) never share a story."""
    from recoupe.build import build_stories
    from recoupe.evaluate.stories import labelled_documents
    from recoupe.settings import Settings

    from .conftest import EXAMPLES, SEEDS

    settings = Settings(quiet=True)
    result = build_stories([SEEDS, EXAMPLES / "corpus"], tmp_path, settings)
    _, gold = labelled_documents([SEEDS, EXAMPLES / "corpus"], settings)
    assert result.used == len(gold) == 12
    assert purity([s.documents for s in result.stories], gold) == 1.0
    assert 2 <= len(result.stories) <= 4
    index = json.loads(result.index_path.read_text(encoding="utf-8"))
    for story in index["stories"]:
        dossier = json.loads((tmp_path / story["dossier"]).read_text(encoding="utf-8"))
        assert sorted(d["id"] for d in dossier["documents"]) == sorted(story["documents"])
