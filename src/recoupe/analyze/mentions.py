"""Named-entity mentions as records, from ``doc.ents`` as repaired by ``recoupe_entities``."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from recoupe.analyze.entity_ruler import EXTENSION
from recoupe.records import Mention

_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
_EDGE_MARKS = " -–—_*•/|"  # dashes and bullets glued to a name ("-Mansouri", "Niger-")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start, end`` without dashes, bullets and spaces at either edge of the name."""
    while start < end and text[start] in _EDGE_MARKS:
        start += 1
    while end > start and text[end - 1] in _EDGE_MARKS:
        end -= 1
    return start, end


def mentions_from_doc(sdoc: Doc, doc_id: str) -> list[Mention]:
    """One ``Mention`` per entity of the document, with the facts the repair found."""
    has_facts = Span.has_extension(EXTENSION)
    out = []
    for ent in sdoc.ents:
        label = _LABELS.get(ent.label_, "MISC")
        facts: dict[str, Any] = (ent._.get(EXTENSION) if has_facts else None) or {}
        text = ent.text
        lead, stop = _trimmed(text, 0, len(text))
        if lead == stop:
            continue  # nothing but marks
        out.append(
            Mention(
                doc_id,
                ent.start_char + lead,
                ent.start_char + stop,
                text[lead:stop],
                label,
                metonymy=bool(facts.get("metonymy", False)),
                demonym=bool(facts.get("demonym", False)),
                role=facts.get("role"),
                key=facts.get("key") or (ent.kb_id_ or None),
                name=facts.get("name"),
                alias_of=facts.get("alias_of"),
            )
        )
    return out
