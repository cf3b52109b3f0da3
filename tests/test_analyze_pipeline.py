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
