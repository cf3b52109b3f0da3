"""Cross-document entities. First version: one entity per (type, folded surface form).

The entities work replaces this with gazetteer, alias and fuzzy canonicalisation.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

from recoupe.records import DocAnalysis, Entity, EntityMention


def fold(text: str) -> str:
    """Lower case, no accents, hyphens and apostrophes as spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    for mark in "-'’":
        bare = bare.replace(mark, " ")
    return " ".join(bare.split())


def entity_id(label: str, key: str) -> str:
    return "e-" + hashlib.sha1(f"{label}:{key}".encode()).hexdigest()[:10]


class EntityIndex:
    """Find the entity a (doc, start, end) span refers to, by overlap with its mentions."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self._by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for entity in entities:
            for m in entity.mentions:
                self._by_doc[m.doc].append((m.start, m.end, entity.id))
        for spans in self._by_doc.values():
            spans.sort()

    def entity_at(self, doc: str, start: int, end: int) -> str | None:
        best: tuple[int, str] | None = None
        for m_start, m_end, ent in self._by_doc.get(doc, ()):
            if m_start >= end:
                break
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, ent)
        return best[1] if best else None


def canonicalize_entities(analyses: Sequence[DocAnalysis]) -> tuple[Entity, ...]:
    groups: dict[tuple[str, str], list[EntityMention]] = defaultdict(list)
    forms: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for analysis in analyses:
        for m in analysis.mentions:
            key = (m.label, fold(m.text))
            groups[key].append(EntityMention(m.doc, m.start, m.end, m.text, m.metonymy))
            forms[key][m.text] += 1
    entities = []
    for (label, folded), mentions in groups.items():
        ranked = sorted(forms[(label, folded)].items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))
        name = ranked[0][0]
        aliases = tuple(sorted(f for f, _ in ranked[1:]))
        entities.append(Entity(entity_id(label, folded), name, label, aliases, tuple(mentions)))
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return tuple(entities)
