"""Named-entity mentions from the model's NER (repaired by the entities work later)."""

from __future__ import annotations

from spacy.tokens import Doc

from recoupe.records import Mention

_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def mentions_from_doc(sdoc: Doc, doc_id: str) -> list[Mention]:
    out = []
    for ent in sdoc.ents:
        label = _LABELS.get(ent.label_, "MISC")
        out.append(Mention(doc_id, ent.start_char, ent.end_char, ent.text, label))
    return out
