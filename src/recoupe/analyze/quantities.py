"""Figures: numbers with what they count. Not written yet: finds nothing."""

from __future__ import annotations

from spacy.tokens import Doc

from recoupe.records import Quantity


def quantities_from_doc(sdoc: Doc, doc_id: str) -> list[Quantity]:
    return []
