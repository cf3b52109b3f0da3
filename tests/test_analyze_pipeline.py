"""Batches, long texts cut into pieces, offsets mapped back to the whole text."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.analyze.chunking import split_for_model
from recoupe.analyze.pipeline import analyze_documents
from recoupe.records import Document
from recoupe.settings import Settings

PARAGRAPH = (
    "Le ministre de l'Intérieur Gérald Martin a visité Lyon mardi. "
    "Il a rencontré les pompiers de la ville.\n\n"
)


@pytest.mark.parametrize("limit", [50, 120, 1000])
def test_pieces_cover_the_text_within_the_limit(limit: int) -> None:
    text = PARAGRAPH * 20
    pieces = split_for_model(text, limit)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= limit for _, p in pieces)
    for offset, piece in pieces:
        assert text[offset : offset + len(piece)] == piece


def test_pieces_end_at_paragraphs_when_they_can() -> None:
    text = PARAGRAPH * 10
    pieces = split_for_model(text, len(PARAGRAPH) * 3 + 5)
    assert all(p.endswith("\n\n") for _, p in pieces[:-1])


def test_short_text_is_one_piece() -> None:
    assert split_for_model("Bonjour.", 100) == [(0, "Bonjour.")]


def test_long_document_offsets_are_mapped_back(nlp: Any) -> None:
    text = PARAGRAPH * 12
    whole = Document(id="d-long", path="long.txt", text=text)
    settings = Settings(chunk_chars=len(PARAGRAPH) * 2 + 10)
    [chunked] = analyze_documents([whole], nlp, settings)
    [single] = analyze_documents([whole], nlp, Settings())
    assert chunked.doc == "d-long"
    for sentence in chunked.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    for mention in chunked.mentions:
        assert text[mention.start : mention.end] == mention.text
    # the same sentences as the uncut analysis
    assert [s.text for s in chunked.sentences] == [s.text for s in single.sentences]
    assert len(chunked.mentions) == len(single.mentions) > 0


def test_documents_come_back_in_order_one_analysis_each(nlp: Any) -> None:
    docs = [Document(id=f"d-{i}", path=f"{i}.txt", text=f"Paris, le {i} mai.") for i in range(7)]
    analyses = list(analyze_documents(docs, nlp, Settings(batch_size=3)))
    assert [a.doc for a in analyses] == [d.id for d in docs]


def test_a_component_failing_on_one_document_spares_the_batch(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The failing document records the error; its batch mates are analysed once, fully."""
    from recoupe.analyze import quantities

    real = quantities.find_quantities
    seen: list[str] = []

    def fragile(doc: Any) -> Any:
        seen.append(doc.text)
        if "piège" in doc.text:
            raise KeyError("piège")
        return real(doc)

    monkeypatch.setattr(quantities, "find_quantities", fragile)
    texts = ["Plus de 300 soldats sont arrivés.", "Un piège: 12 soldats.", "Environ 40 blessés."]
    docs = [Document(id=f"d-{i}", path=f"{i}.txt", text=t) for i, t in enumerate(texts)]
    analyses = list(analyze_documents(docs, nlp, Settings(batch_size=3)))
    assert seen == texts  # each document analysed once: no second pass over the batch
    assert analyses[0].errors == ()
    assert any("recoupe_quantities" in e and "KeyError" in e for e in analyses[1].errors)
    assert [q.value for q in analyses[0].quantities] == [300]
    assert [q.value for q in analyses[2].quantities] == [40]
    # the other components still ran on the failing document
    assert analyses[1].sentences and analyses[2].errors == ()


def test_doc_text_is_built_once_and_stays_right(nlp: Any) -> None:
    from recoupe.analyze.doctext import doc_text, remember_text

    doc = nlp.make_doc("Le 7 octobre 2023, à Gaza.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)
    stale = remember_text(nlp.make_doc("Hier soir."), "autre chose, plus long")
    assert doc_text(stale) == "Hier soir."  # a stored text of the wrong length is rebuilt
