"""What the report and the web pages show, shaped from contract dicts (``dossier.json``).

The report builds these views from a whole dossier; the web app builds the same shapes
from SQLite rows, so both render through the same template macros.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePath
from typing import Any

from recoupe.render.french import format_date, year_of

STATUS_ORDER = {"conflict": 0, "update": 1, "agree": 2, "single": 3}
EXCERPT_CHARS = 280
CONTEXT_CHARS = 160  # most a figure's sentence shows on each side of it
_SENTENCE_ENDS = (". ", "! ", "? ", "\n")
NO_YEAR = "Sans date précise"
NOT_DATED = "non daté"
TIMELINE_ENTRIES = 120  # a report's timeline: the entries most sources tell (all in the dossier)

Item = dict[str, Any]


def doc_label(doc: Mapping[str, Any]) -> str:
    """How a document is named on screen: its title, else its file name, else its id."""
    if doc.get("title"):
        return str(doc["title"])
    if doc.get("path"):
        return PurePath(str(doc["path"])).name or str(doc["path"])
    return str(doc.get("id", "?"))


def doc_when(doc: Mapping[str, Any]) -> str:
    """A document's date as a citation shows it: "mars 2024", "vers mars 2024" when
    inferred, "non daté" when nothing dates it."""
    date = doc.get("date") or {}
    value = date.get("value")
    if not value:
        return NOT_DATED
    shown = format_date(str(value))
    return f"vers {shown}" if date.get("provenance") == "inferred" else shown


def shorten(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return f"{cut} …"


class DocIndex:
    """Documents by id, for labels and excerpts of the places items point at."""

    def __init__(self, documents: Iterable[Mapping[str, Any]]) -> None:
        self.by_id: dict[str, Mapping[str, Any]] = {d["id"]: d for d in documents}

    def label(self, doc_id: str) -> str:
        doc = self.by_id.get(doc_id)
        return doc_label(doc) if doc else doc_id

    def when(self, doc_id: str) -> str:
        """The document's date as its citations show it (``doc_when``)."""
        doc = self.by_id.get(doc_id)
        return doc_when(doc) if doc else NOT_DATED

    def labels(self) -> dict[str, str]:
        return {doc_id: self.label(doc_id) for doc_id in self.by_id}

    def excerpt(self, doc_id: str, start: int, end: int) -> str:
        return shorten(self.window(doc_id, start, end)[0])

    def window(self, doc_id: str, start: int, end: int) -> tuple[str, int]:
        """The text from ``start`` to ``end`` (clipped), and the offset it begins at."""
        doc = self.by_id.get(doc_id)
        text = str(doc.get("text", "")) if doc else ""
        start = max(start, 0)
        return text[start:end], start

    def in_sentence(self, doc_id: str, start: int, end: int) -> Item:
        """The words around ``start``..``end`` up to its sentence's ends (at most
        ``CONTEXT_CHARS`` each side): ``before``, ``match``, ``after``, for a figure shown in
        the words that give it its meaning ("400" alone says nothing; "1 200 soldats au
        Niger et 400 au Tchad" does)."""
        text, offset = self.window(doc_id, start - CONTEXT_CHARS, end + CONTEXT_CHARS)
        lo, hi = start - offset, end - offset
        before, match, after = text[:lo], text[lo:hi], text[hi:]
        cut = max((before.rfind(m) for m in _SENTENCE_ENDS), default=-1)
        if cut >= 0:
            before = before[cut + 1 :]
        elif offset > 0:
            before = "… " + before.split(" ", 1)[-1]
        ends = [i for i in (after.find(m) for m in _SENTENCE_ENDS) if i >= 0]
        if ends:
            after = after[: min(ends) + 1]
        elif offset + len(text) == end + CONTEXT_CHARS:
            after = after.rsplit(" ", 1)[0] + " …"
        return {
            "before": " ".join(before.split()) + (" " if before[-1:].isspace() else ""),
            "match": match,
            "after": (" " if after[:1].isspace() else "") + " ".join(after.split()),
        }

    def source(self, src: Mapping[str, Any]) -> Item:
        doc, start, end = src["doc"], src["start"], src["end"]
        return {
            **src,
            "doc_label": self.label(doc),
            "doc_when": self.when(doc),
            "excerpt": self.excerpt(doc, start, end),
        }


def fact_view(fact: Mapping[str, Any], docs: DocIndex) -> Item:
    observations = sorted(
        (
            {**docs.source(o), "context": docs.in_sentence(o["doc"], o["start"], o["end"])}
            for o in fact["observations"]
        ),
        key=lambda o: (o.get("as_of") or "9999", o["doc_label"]),
    )
    return {**fact, "observations": observations}


def facts_view(facts: Iterable[Mapping[str, Any]], docs: DocIndex) -> list[Item]:
    """Facts, the most telling first: conflicts, then updates, agreements, single figures."""
    ranked = sorted(
        facts,
        key=lambda f: (STATUS_ORDER.get(f["status"], 9), -len(f["observations"]), f["label"]),
    )
    return [fact_view(f, docs) for f in ranked]


def entity_names(entities: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    return {e["id"]: e["name"] for e in entities}


def top_timeline(entries: Sequence[Mapping[str, Any]], limit: int) -> list[Mapping[str, Any]]:
    """At most ``limit`` entries, in date order: those told by the most documents (ties: the
    finer date, then the earlier entry). A report of 133 articles lists a thousand dated
    clauses; a reader wants the ones several sources tell."""
    if len(entries) <= limit:
        return list(entries)
    fine = {"day": 0, "month": 1, "year": 2}

    def weight(i: int) -> tuple[int, int, int]:
        entry = entries[i]
        docs = len({s["doc"] for s in entry["sources"]})
        return (-docs, fine.get(entry["date"].get("precision", ""), 3), i)

    kept = sorted(sorted(range(len(entries)), key=weight)[:limit])
    return [entries[i] for i in kept]


def timeline_view(
    entries: Iterable[Mapping[str, Any]], docs: DocIndex, names: Mapping[str, str]
) -> list[Item]:
    """Timeline entries grouped by year, in the dossier's (date) order."""
    groups: dict[str, list[Item]] = defaultdict(list)
    for entry in entries:
        shaped = {
            **entry,
            "sources": [docs.source(s) for s in entry["sources"]],
            "entities": [{"id": e, "name": names.get(e, e)} for e in entry.get("entities", [])],
        }
        groups[year_of(entry["date"]["value"]) or NO_YEAR].append(shaped)
    return [{"year": year, "entries": items} for year, items in groups.items()]


def entity_view(entity: Mapping[str, Any]) -> Item:
    mentions = entity.get("mentions", [])
    return {
        "id": entity["id"],
        "name": entity["name"],
        "type": entity["type"],
        "aliases": list(entity.get("aliases", [])),
        "mention_count": entity.get("mention_count", len(mentions)),
        "doc_count": entity.get("doc_count", len({m["doc"] for m in mentions})),
    }


def top_entities(entities: Iterable[Mapping[str, Any]], limit: int) -> list[Item]:
    shaped = [entity_view(e) for e in entities]
    shaped.sort(key=lambda e: (-e["doc_count"], -e["mention_count"], e["name"]))
    return shaped[:limit]


def quote_view(quote: Mapping[str, Any], docs: DocIndex, names: Mapping[str, str]) -> Item:
    speaker = quote.get("speaker") or {}
    entity = speaker.get("entity")
    return {
        **quote,
        "doc_label": docs.label(quote["doc"]),
        "doc_when": docs.when(quote["doc"]),
        "speaker_entity": entity,
        "speaker_name": names.get(entity, "") if entity else speaker.get("text") or "",
    }


def quotes_view(
    quotes: Iterable[Mapping[str, Any]], docs: DocIndex, names: Mapping[str, str]
) -> list[Item]:
    return [quote_view(q, docs, names) for q in quotes]


def document_view(doc: Mapping[str, Any], docs: DocIndex | None = None) -> Item:
    duplicate = doc.get("duplicate_of")
    return {
        **{k: v for k, v in doc.items() if k != "text"},
        "label": doc_label(doc),
        "chars": len(doc["text"]) if "text" in doc else doc.get("chars", 0),
        "duplicate_label": (docs.label(duplicate) if docs else duplicate) if duplicate else None,
    }


def date_span(documents: Sequence[Mapping[str, Any]]) -> str:
    """``de mars 2020 à janvier 2024``, from the documents' dates (empty when none)."""
    values = sorted(d["date"]["value"] for d in documents if d["date"].get("value"))
    if not values:
        return ""
    if values[0] == values[-1]:
        return format_date(values[0])
    return f"de {format_date(values[0])} à {format_date(values[-1])}"


def type_counts(entities: Iterable[Mapping[str, Any]]) -> list[tuple[str, int]]:
    counts = Counter(e["type"] for e in entities)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def status_counts(facts: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    return dict(Counter(f["status"] for f in facts))
