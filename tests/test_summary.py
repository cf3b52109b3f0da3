"""Extractive summary: central sentences, near repeats merged with all their sources."""

from __future__ import annotations

import pytest

from recoupe.consolidate.summary import build_summary
from recoupe.records import Document, SummarySentence
from recoupe.settings import Settings
from tests.consolidate_helpers import analysis, make_doc

SHARED = "Les dockers du port de Marseille ont voté la reconduction de la grève pour une semaine."
A = (
    f"{SHARED} "
    "La direction du port estime les pertes à plusieurs millions d'euros par jour de blocage. "
    "Les navires de croisière ont été détournés vers le port de Toulon depuis lundi matin. "
    "Le syndicat réclame une hausse des salaires et de meilleures conditions de travail. "
    "Quel avenir?\n"
    "Un titre sans verbe ni point"
)
B = (
    "Les dockers du port de Marseille ont voté mardi la reconduction de la grève pour une semaine. "
    "Le syndicat des dockers réclame une hausse des salaires et de meilleures conditions. "
    "Les commerçants du Vieux-Port craignent une saison touristique gâchée par le conflit. "
    "Le ministre des Transports appelle la direction et le syndicat à reprendre le dialogue."
)
C = (
    "La grève des dockers paralyse le port de Marseille pour la deuxième semaine consécutive. "
    "Les exportations de céréales sont bloquées sur les quais faute de chargement des navires. "
    "La préfecture a réuni les deux parties sans parvenir à un accord sur les salaires. "
    f"{SHARED}"
)
DUP = A  # a document the ingest marked as a copy of "a"


def documents() -> list[Document]:
    docs = [
        make_doc("a", A, "2022-05-10"),
        make_doc("b", B, "2022-05-11"),
        make_doc("c", C, "2022-05-12"),
    ]
    copy = make_doc("dup", DUP, "2022-05-10")
    return [*docs, Document(copy.id, copy.path, copy.text, date=copy.date, duplicate_of="a")]


def summarize(n: int = 6) -> tuple[SummarySentence, ...]:
    docs = documents()
    return build_summary(
        docs, [analysis(d.id, d.text) for d in docs], Settings(summary_sentences=n)
    )


@pytest.fixture(scope="module")
def summary() -> tuple[SummarySentence, ...]:
    return summarize()


def test_length_follows_the_setting(summary: tuple[SummarySentence, ...]) -> None:
    assert len(summary) == 6
    assert len(summarize(3)) == 3


def test_no_sentence_is_repeated(summary: tuple[SummarySentence, ...]) -> None:
    texts = [s.text for s in summary]
    assert len(set(texts)) == len(texts)
    assert sum("reconduction" in t for t in texts) == 1


def test_a_sentence_printed_by_several_outlets_keeps_all_sources(
    summary: tuple[SummarySentence, ...],
) -> None:
    (shared,) = [s for s in summary if "reconduction" in s.text]
    assert {src.doc for src in shared.sources} == {"a", "b", "c"}


def test_duplicates_headings_and_questions_are_left_out(
    summary: tuple[SummarySentence, ...],
) -> None:
    assert all(src.doc != "dup" for s in summary for src in s.sources)
    assert all("?" not in s.text and "titre" not in s.text for s in summary)


def test_sources_point_at_the_sentence(summary: tuple[SummarySentence, ...]) -> None:
    texts = {d.id: d.text for d in documents()}
    for s in summary:
        first = s.sources[0]
        assert texts[first.doc][first.start : first.end] == s.text


def test_sentences_come_in_reading_order(summary: tuple[SummarySentence, ...]) -> None:
    order = {"a": 0, "b": 1, "c": 2}
    keys = [(order[s.sources[0].doc], s.sources[0].start) for s in summary]
    assert keys == sorted(keys)


@pytest.mark.parametrize("min_sim", [0.25, 0.45, 0.7, 0.95])
def test_sentence_index_finds_exactly_what_brute_force_finds(min_sim: float) -> None:
    """Prefix filtering is exact: the same neighbours and scores as comparing every pair."""
    import random

    from recoupe.consolidate.similarity import SentenceIndex, TfIdf, cosine

    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(60)]
    texts = [
        rng.choices(vocabulary[: rng.randint(8, 60)], k=rng.randint(1, 12)) for _ in range(300)
    ]
    texts += [list(t) for t in texts[:40]]  # exact repeats
    tfidf = TfIdf(texts)
    vectors = [tfidf.vector(t) for t in texts]
    index = SentenceIndex(vectors)
    for query in [*vectors[:80], tfidf.vector(["w1", "w2", "inconnu"])]:
        expected = sorted(
            ((i, cosine(query, v)) for i, v in enumerate(vectors) if cosine(query, v) >= min_sim),
            key=lambda item: (-item[1], item[0]),
        )
        assert index.similar(query, min_sim) == expected


def test_a_live_blog_time_label_is_not_part_of_its_sentence() -> None:
    from recoupe.consolidate.clauses import clean_sentences
    from recoupe.records import Span

    lines = [
        "22 h 30 : Le dirigeant va parler ce soir.",
        "10H05 - Quatorze blessés.",
        "À 14 h 30 : suite.",
        "15h45\u00a0: Les secours sont arrivés.",  # French typography: a no-break space
    ]
    text = "\n".join(lines)
    starts = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines))]
    spans = [Span("d", a, a + len(line), line) for a, line in zip(starts, lines, strict=True)]
    found = [s.text for s in clean_sentences(text, spans)]
    assert found == [
        "Le dirigeant va parler ce soir.",
        "Quatorze blessés.",
        "À 14 h 30 : suite.",
        "Les secours sont arrivés.",
    ]
    assert all(text[s.start : s.end] == s.text for s in clean_sentences(text, spans))


def test_a_wire_dateline_is_not_part_of_its_sentence() -> None:
    from recoupe.consolidate.clauses import clean_sentences
    from recoupe.records import Span

    lines = [
        "Mamoudzou, le 3 mars 2025 (AFP) - Les écoles resteront fermées jeudi.",
        "ROME, 3 juillet (Reuters) – Le président a été renversé.",
        "Il a répondu, selon ses proches (en privé) - sans plus.",  # no agency: a sentence
    ]
    text = "\n".join(lines)
    starts = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines))]
    spans = [Span("d", a, a + len(line), line) for a, line in zip(starts, lines, strict=True)]
    found = clean_sentences(text, spans)
    assert [s.text for s in found] == [
        "Les écoles resteront fermées jeudi.",
        "Le président a été renversé.",
        lines[2],
    ]
    assert all(text[s.start : s.end] == s.text for s in found)
