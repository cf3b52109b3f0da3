"""French temporal expressions (TIMEX3). Not written yet: finds nothing."""

from __future__ import annotations

from spacy.tokens import Doc

from recoupe.records import Timex


def timexes_from_doc(sdoc: Doc, doc_id: str) -> list[Timex]:
    return []
