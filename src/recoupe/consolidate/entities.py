"""Cross-document entities: one entity per real-world thing, whatever the spelling.

Mentions are grouped by *name nodes* (a gazetteer key, or a name folded for accents,
hyphens and transliteration: al-Rachidi = al-Rashidi), then nodes are joined by the
in-text acronym definitions, by short names that fit exactly one full name in the corpus
(Trump = Donald Trump, Bréhac = Bréhac-sur-Loire), and by fuzzy similarity inside small
blocks (never all pairs). Every step is linear or near-linear in the number of mentions.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from recoupe.analyze.entity_gazetteer import fold, is_acronym, load_gazetteer
from recoupe.consolidate.entity_fuzzy import fuzzy_pairs
from recoupe.consolidate.entity_names import core_tokens, place_head, translit
from recoupe.records import DocAnalysis, Entity, EntityMention, Mention

__all__ = ["EntityIndex", "canonicalize_entities", "entity_id", "fold"]


def entity_id(label: str, key: str) -> str:
    """Stable id from the type and the folded canonical name."""
    return "e-" + hashlib.sha1(f"{label}:{fold(key)}".encode()).hexdigest()[:10]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.keys: dict[str, set[str]] = {}  # root -> gazetteer keys in its cluster

    def add(self, node: str) -> None:
        if node not in self.parent:
            self.parent[node] = node
            self.keys[node] = {node[2:]} if node.startswith("k:") else set()

    def find(self, node: str) -> str:
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: str, b: str) -> bool:
        """Join two clusters unless they hold different gazetteer keys."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.keys[ra] and self.keys[rb] and self.keys[ra] != self.keys[rb]:
            return False
        self.parent[rb] = ra
        self.keys[ra] |= self.keys.pop(rb)
        return True


@dataclass(slots=True)
class _Node:
    labels: Counter[str] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)

    @property
    def label(self) -> str:
        if not self.labels:
            return "MISC"
        return max(self.labels, key=lambda lab: (self.labels[lab], _LABEL_ORDER[lab]))


_LABEL_ORDER = {"PER": 3, "ORG": 2, "LOC": 1, "MISC": 0}


def _display(m: Mention) -> str:
    return m.name or m.text


def _is_plain(m: Mention) -> bool:
    """A mention that names its entity (not a metonym or a demonym)."""
    return not m.metonymy and not m.demonym


class _Keys(dict[str, str]):
    """Transliteration keys, computed once per distinct spelling during one run."""

    def __missing__(self, name: str) -> str:
        key = self[name] = translit(name)
        return key

    def node(self, m: Mention) -> str:
        return f"k:{m.key}" if m.key else f"n:{self[_display(m)]}"


def _collect(mentions: Iterable[Mention], uf: _UnionFind, keys: _Keys) -> dict[str, _Node]:
    nodes: dict[str, _Node] = defaultdict(_Node)
    for m in mentions:
        node = keys.node(m)
        uf.add(node)
        if _is_plain(m):
            weight = 2 if m.role else 1
            nodes[node].labels[m.label] += weight
            nodes[node].forms[_display(m)] += 1
    return nodes


def _link_keys(
    mentions: Sequence[Mention], nodes: dict[str, _Node], uf: _UnionFind, keys: _Keys
) -> None:
    """An unrecognised spelling of a known name joins it when the types agree."""
    key_types = load_gazetteer().key_types
    for m in mentions:
        if m.key and _is_plain(m):
            surface = f"n:{keys[_display(m)]}"
            node = nodes.get(surface)
            if node is not None and node.label == key_types.get(m.key, m.label):
                uf.union(f"k:{m.key}", surface)


def _link_acronyms(
    mentions: Sequence[Mention], nodes: dict[str, _Node], uf: _UnionFind, keys: _Keys
) -> None:
    """ "Daesh (EI)", "Service départemental d'incendie et de secours (SDIS)"."""
    for m in mentions:
        if m.alias_of:
            long_node = f"n:{keys[m.alias_of]}"
            if long_node in nodes:
                uf.union(long_node, keys.node(m))


def _link_short_names(nodes: dict[str, _Node], uf: _UnionFind) -> None:
    """A short name joins the full name it fits, when it fits only one in the corpus or
    one far more cited than the others ("Haddad": Karim, not his sons)."""
    persons: dict[tuple[str, ...], set[str]] = defaultdict(set)
    places: dict[str, set[str]] = defaultdict(set)
    for node, stats in nodes.items():
        if node.startswith("k:"):
            continue
        if stats.label == "PER":
            words = core_tokens(node[2:])
            for i in range(1, len(words)):
                persons[words[i:]].add(node)
        elif stats.label == "LOC" and (head := place_head(node[2:])) is not None:
            places[head].add(node)
    sizes: Counter[str] = Counter()
    for node, stats in nodes.items():
        sizes[uf.find(node)] += sum(stats.forms.values())
    for node, stats in nodes.items():
        if node.startswith("k:") or stats.label == "ORG":
            continue
        fits = persons.get(core_tokens(node[2:]), set()) | places.get(node[2:], set())
        roots = {uf.find(f) for f in fits} - {uf.find(node)}
        target = _dominant(roots, sizes)
        if target is not None:
            uf.union(target, node)


DOMINANCE = 4  # a full name cited this many times more than any other bearer of the name


def _dominant(roots: set[str], sizes: Counter[str]) -> str | None:
    if len(roots) <= 1:
        return next(iter(roots), None)
    ranked = sorted(roots, key=lambda r: (-sizes[r], r))
    if sizes[ranked[0]] >= DOMINANCE * max(1, sizes[ranked[1]]):
        return ranked[0]
    return None


def _link_fuzzy(nodes: dict[str, _Node], uf: _UnionFind) -> None:
    names = {n[2:]: n for n in nodes if n.startswith("n:")}
    labels = {name: nodes[node].label for name, node in names.items()}
    for a, b in fuzzy_pairs(labels):
        uf.union(names[a], names[b])


def _canonical_name(members: Sequence[Mention], keys: _Keys) -> str:
    """The most complete frequent form; the gazetteer's name for known entities."""
    known = Counter(m.key for m in members if m.key and _is_plain(m))
    known = known or Counter(m.key for m in members if m.key)
    if known:
        return known.most_common(1)[0][0]
    plain = [m for m in members if _is_plain(m)] or list(members)
    counts = Counter(_display(m) for m in plain)
    if len(counts) == 1:
        return next(iter(counts))
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for form, count in counts.items():
        groups[keys[form]][form] += count
    best = max(groups, key=lambda g: _completeness(g, groups[g]))
    forms = groups[best]
    return max(forms, key=lambda f: (forms[f], sum(not c.isascii() for c in f), f))


def _completeness(folded: str, forms: Counter[str]) -> tuple[int, int, int]:
    acronym = all(is_acronym(f) for f in forms)
    return (0 if acronym else 1, len(core_tokens(folded)), sum(forms.values()))


def _entity_type(members: Sequence[Mention], name: str) -> str:
    key_types = load_gazetteer().key_types
    if name in key_types and any(m.key == name for m in members):
        return key_types[name]
    if len(members) == 1:
        return members[0].label
    votes: Counter[str] = Counter()
    for m in members:
        if _is_plain(m):
            votes[m.label] += 2 if m.role else 1
    if not votes:
        return "LOC"
    return max(votes, key=lambda lab: (votes[lab], _LABEL_ORDER[lab]))


def _build(members: Sequence[Mention], taken: set[str], keys: _Keys) -> Entity:
    name = _canonical_name(members, keys)
    label = _entity_type(members, name)
    eid = entity_id(label, name)
    suffix = 2
    while eid in taken:  # two clusters with one name: keep both, apart
        eid, suffix = entity_id(label, f"{name}#{suffix}"), suffix + 1
    taken.add(eid)
    aliases = sorted({_display(m) for m in members if _is_plain(m)} - {name})
    mentions = tuple(
        EntityMention(m.doc, m.start, m.end, m.text, m.metonymy, m.demonym)
        for m in sorted(members, key=lambda m: (m.doc, m.start))
    )
    return Entity(eid, name, label, tuple(aliases), mentions)


def canonicalize_entities(analyses: Sequence[DocAnalysis]) -> tuple[Entity, ...]:
    """One ``Entity`` per real-world thing across the documents; every mention in one."""
    mentions = [m for a in analyses for m in a.mentions]
    uf, keys = _UnionFind(), _Keys()
    nodes = _collect(mentions, uf, keys)
    _link_keys(mentions, nodes, uf, keys)
    _link_acronyms(mentions, nodes, uf, keys)
    _link_fuzzy(nodes, uf)
    _link_short_names(nodes, uf)
    clusters: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        clusters[uf.find(keys.node(m))].append(m)
    taken: set[str] = set()
    ordered = sorted(clusters.values(), key=lambda ms: (ms[0].doc, ms[0].start))
    entities = [_build(members, taken, keys) for members in ordered]
    entities.sort(key=lambda e: (-len(e.mentions), e.name, e.id))
    return tuple(entities)


class EntityIndex:
    """Find the entity a (doc, start, end) span refers to, by overlap with its mentions."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        self.names = {entity.id: entity.name for entity in entities}
        named: dict[tuple[str, str], set[str]] = defaultdict(set)
        for entity in entities:
            for m in entity.mentions:
                by_doc[m.doc].append((m.start, m.end, entity.id))
                named[(m.doc, fold(m.text))].add(entity.id)
        self._named = named
        self._spans = {doc: sorted(spans) for doc, spans in by_doc.items()}
        self._starts = {doc: [s[0] for s in spans] for doc, spans in self._spans.items()}
        self._longest = {
            doc: max((e - s for s, e, _ in spans), default=0) for doc, spans in self._spans.items()
        }

    def entity_at(self, doc: str, start: int, end: int) -> str | None:
        """The entity whose mention overlaps ``[start, end)`` the most, if any."""
        spans = self._spans.get(doc)
        if not spans:
            return None
        i = bisect_left(self._starts[doc], start - self._longest[doc])
        best: tuple[int, str] | None = None
        for m_start, m_end, eid in spans[i:]:
            if m_start >= end:
                break
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, eid)
        return best[1] if best else None

    def entity_named(self, doc: str, start: int, end: int, text: str) -> str | None:
        """The entity at ``[start, end)``, else the one entity the document mentions by
        that very name elsewhere (a speaker the model did not tag as a name there)."""
        found = self.entity_at(doc, start, end)
        if found is not None:
            return found
        ids = self._named.get((doc, fold(text)), set())
        return next(iter(ids)) if len(ids) == 1 else None

    def mentions_in(self, doc: str, start: int, end: int) -> list[str]:
        """Ids of the entities mentioned inside ``[start, end)``, in text order."""
        spans = self._spans.get(doc, [])
        i = bisect_left(self._starts.get(doc, []), start)
        out = []
        for m_start, m_end, eid in spans[i:]:
            if m_start >= end:
                break
            if m_end <= end:
                out.append(eid)
        return out
