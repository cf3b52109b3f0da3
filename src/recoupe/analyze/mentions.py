"""Named-entity mentions as records, from ``doc.ents`` as repaired by ``recoupe_entities``."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from recoupe.analyze.entity_ruler import EXTENSION
from recoupe.records import Mention

_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def mentions_from_doc(sdoc: Doc, doc_id: str) -> list[Mention]:
    """One ``Mention`` per entity of the document, with the facts the repair found."""
    has_facts = Span.has_extension(EXTENSION)
    out = []
    for ent in sdoc.ents:
        label = _LABELS.get(ent.label_, "MISC")
        facts: dict[str, Any] = (ent._.get(EXTENSION) if has_facts else None) or {}
        out.append(
            Mention(
                doc_id,
                ent.start_char,
                ent.end_char,
                ent.text,
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
