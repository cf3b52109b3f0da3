"""Quotations and reported speech. Not written yet: finds nothing."""

from __future__ import annotations

from spacy.tokens import Doc

from recoupe.records import Quote


def quotes_from_doc(sdoc: Doc, doc_id: str) -> list[Quote]:
    return []
