"""What each page of the web app reads from ``dossier.sqlite`` (parameters only, read-only).

Results have the shapes of ``recoupe.render.view`` so pages and the report share macros.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Mapping
from typing import Any

from recoupe.render import view
from recoupe.render.french import format_date, format_value, label
from recoupe.render.highlight import Layer, segment_text
from recoupe.store import tables as t
from recoupe.store.sqlite import read_dossier_dict

Item = dict[str, Any]
CONTEXT_CHARS = 70
MENTIONS_PER_DOC = 12  # shown in context on an entity page; the rest are counted


class SqlDocs(view.DocIndex):
    """Document labels and excerpts read from SQLite, without loading whole texts (the
    excerpts of ``view.DocIndex`` read through ``window``)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        rows = conn.execute(
            "SELECT id, title, path, date_value, date_provenance FROM documents ORDER BY pk"
        ).fetchall()
        self._labels = {row["id"]: view.doc_label(dict(row)) for row in rows}
        self._when = {
            row["id"]: view.doc_when(
                {"date": {"value": row["date_value"], "provenance": row["date_provenance"]}}
            )
            for row in rows
        }

    def label(self, doc_id: str) -> str:
        return self._labels.get(doc_id, doc_id)

    def when(self, doc_id: str) -> str:
        return self._when.get(doc_id, view.NOT_DATED)

    def window(self, doc_id: str, start: int, end: int) -> tuple[str, int]:
        start = max(start, 0)
        row = self.conn.execute(
            "SELECT substr(text, ? + 1, ?) FROM documents WHERE id = ?",
            (start, max(end - start, 0), doc_id),
        ).fetchone()
        return (row[0] or "" if row else ""), start


def _entity_rows(
    conn: sqlite3.Connection, where: str = "", params: tuple[Any, ...] = ()
) -> list[Item]:
    """Entities with their counts; ``where`` is a constant clause, values go in ``params``."""
    select = (
        "SELECT e.id, e.name, e.type, e.aliases, e.mention_count, "
        "(SELECT count(DISTINCT m.doc) FROM mentions m WHERE m.entity = e.id) AS doc_count "
        "FROM entities e "
    )
    sql = select + where + " ORDER BY e.position"
    return [
        view.entity_view({**dict(row), "aliases": json.loads(row["aliases"])})
        for row in conn.execute(sql, params)
    ]


def entity_names(conn: sqlite3.Connection) -> dict[str, str]:
    return {row[0]: row[1] for row in conn.execute("SELECT id, name FROM entities")}


def documents(conn: sqlite3.Connection) -> list[Item]:
    """Every document without its text, with a count of characters instead."""
    removed: dict[str, list[Item]] = {}
    for row in conn.execute("SELECT doc, text, reason FROM removed ORDER BY id"):
        removed.setdefault(row["doc"], []).append({"text": row["text"], "reason": row["reason"]})
    docs = SqlDocs(conn)
    items = []
    columns = ", ".join(
        "'' AS text" if name == "text" else f'"{name}"' for name in t.DOCUMENTS.column_names
    )  # the texts stay in the database: only their length is read
    sql = f"SELECT {columns}, length(text) AS chars FROM documents ORDER BY pk"  # noqa: S608
    for row in conn.execute(sql):
        doc = t.from_row(t.DOCUMENTS, row)
        doc.pop("text")
        doc.update(chars=row["chars"], removed=removed.get(doc["id"], []))
        items.append(view.document_view(doc, docs))
    return items


def summary(conn: sqlite3.Connection, docs: SqlDocs) -> list[Item]:
    sources: dict[int, list[Item]] = {}
    for row in conn.execute('SELECT sentence, doc, start, "end" FROM summary_sources ORDER BY id'):
        src = {"doc": row["doc"], "start": row["start"], "end": row["end"]}
        sources.setdefault(row["sentence"], []).append(docs.source(src))
    return [
        {"text": row["text"], "sources": sources.get(row["id"], [])}
        for row in conn.execute("SELECT id, text FROM summary ORDER BY id")
    ]


def _children(conn: sqlite3.Connection, table: t.Table, key: str) -> dict[str, list[Item]]:
    groups: dict[str, list[Item]] = {}
    columns = ", ".join(f'"{n}"' for n in (key, *table.column_names))
    for row in conn.execute(f"SELECT {columns} FROM {table.name} ORDER BY id"):  # noqa: S608
        groups.setdefault(row[0], []).append(t.from_row(table, row))
    return groups


def facts(conn: sqlite3.Connection, docs: SqlDocs, ids: set[str] | None = None) -> list[Item]:
    observations = _children(conn, t.OBSERVATIONS, "fact")
    items = []
    for row in conn.execute("SELECT * FROM facts ORDER BY position"):
        if ids is None or row["id"] in ids:
            fact = t.from_row(t.FACTS, row)
            fact["observations"] = observations.get(fact["id"], [])
            items.append(fact)
    return view.facts_view(items, docs)


def timeline(conn: sqlite3.Connection, docs: SqlDocs) -> list[Item]:
    sources = _children(conn, t.TIMELINE_SOURCES, "entry")
    entries = []
    for row in conn.execute("SELECT * FROM timeline ORDER BY position"):
        entry = t.from_row(t.TIMELINE, row)
        entry["sources"] = sources.get(entry["id"], [])
        entries.append(entry)
    return view.timeline_view(entries, docs, entity_names(conn))


def top_entities(conn: sqlite3.Connection, limit: int) -> list[Item]:
    return view.top_entities(_entity_rows(conn), limit)


def all_entities(conn: sqlite3.Connection) -> list[Item]:
    return _entity_rows(conn)


def quotes(
    conn: sqlite3.Connection, docs: SqlDocs, where: str = "", params: tuple[Any, ...] = ()
) -> list[Item]:
    sql = f"SELECT * FROM quotes {where} ORDER BY id"  # noqa: S608 - where is a constant
    items = [t.from_row(t.QUOTES, row) for row in conn.execute(sql, params)]
    return view.quotes_view(items, docs, entity_names(conn))


def quantities(
    conn: sqlite3.Connection, where: str = "", params: tuple[Any, ...] = ()
) -> list[Item]:
    sql = f"SELECT * FROM quantities {where} ORDER BY id"  # noqa: S608 - where is a constant
    return [t.from_row(t.QUANTITIES, row) for row in conn.execute(sql, params)]


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = ("documents", "entities", "facts", "quotes", "timeline", "skipped")
    return {
        name: conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]  # noqa: S608
        for name in tables
    }


def skipped(conn: sqlite3.Connection) -> list[Item]:
    return [dict(row) for row in conn.execute("SELECT path, reason FROM skipped ORDER BY id")]


def whole_dossier(conn: sqlite3.Connection) -> dict[str, Any]:
    return read_dossier_dict(conn)


# --- one entity -----------------------------------------------------------------------


def entity(conn: sqlite3.Connection, entity_id: str) -> Item | None:
    """An entity with its mentions by document, its quotes and the figures about it."""
    rows = _entity_rows(conn, "WHERE e.id = ?", (entity_id,))
    if not rows:
        return None
    docs = SqlDocs(conn)
    figures = quantities(
        conn,
        "WHERE attributed_to = ? OR EXISTS (SELECT 1 FROM json_each(quantities.entities) "
        "WHERE json_each.value = ?)",
        (entity_id, entity_id),
    )
    about = facts(conn, docs, _facts_about(conn, figures))
    in_facts = {(o["doc"], o["start"]) for f in about for o in f["observations"]}
    return {
        **rows[0],
        "by_document": _mentions_by_document(conn, docs, entity_id),
        "quotes": quotes(conn, docs, "WHERE speaker_entity = ?", (entity_id,)),
        "figures": [
            {**q, "doc_label": docs.label(q["doc"]), "doc_when": docs.when(q["doc"])}
            for q in figures
            if (q["doc"], q["start"]) not in in_facts
        ],
        "facts": about,
    }


def _mentions_by_document(conn: sqlite3.Connection, docs: SqlDocs, entity_id: str) -> list[Item]:
    """Mentions grouped by document, the first few of each in context, with counts."""
    rows = conn.execute(
        'SELECT m.doc, m.start, m."end", m.text FROM mentions m '
        "JOIN documents d ON d.id = m.doc WHERE m.entity = ? ORDER BY d.pk, m.start",
        (entity_id,),
    )
    groups: dict[str, Item] = {}
    for row in rows:
        group = groups.setdefault(
            row["doc"],
            {"doc": row["doc"], "doc_label": docs.label(row["doc"]), "mentions": [], "count": 0},
        )
        group["count"] += 1
        if len(group["mentions"]) < MENTIONS_PER_DOC:
            group["mentions"].append(dict(row))
    for group in groups.values():  # each text read once, cut in Python
        (text,) = conn.execute(
            "SELECT text FROM documents WHERE id = ?", (group["doc"],)
        ).fetchone()
        for mention in group["mentions"]:
            start, end = mention["start"], mention["end"]
            mention["before"] = _clip_left(text[max(start - CONTEXT_CHARS, 0) : start])
            mention["after"] = _clip_right(text[end : end + CONTEXT_CHARS])
    return list(groups.values())


def _squeeze(text: str) -> str:
    """Runs of white space (newlines included) as one space, kept at the edges."""
    return re.sub(r"\s+", " ", text)


def _clip_left(text: str) -> str:
    """Context before a mention, starting at a word boundary."""
    if len(text) >= CONTEXT_CHARS and " " in text:
        text = text[text.index(" ") :]
    return _squeeze(text)


def _clip_right(text: str) -> str:
    if len(text) >= CONTEXT_CHARS and " " in text:
        text = text[: text.rindex(" ")]
    return _squeeze(text)


def _facts_about(conn: sqlite3.Connection, figures: list[Item]) -> set[str]:
    ids: set[str] = set()
    for q in figures:
        rows = conn.execute(
            'SELECT fact FROM observations WHERE doc = ? AND start < ? AND "end" > ?',
            (q["doc"], q["end"], q["start"]),
        )
        ids.update(row[0] for row in rows)
    return ids


# --- one document ---------------------------------------------------------------------


def document(
    conn: sqlite3.Connection, doc_id: str, source: tuple[int, int] | None = None
) -> Item | None:
    """A document with its text cut into highlighted segments, and what was found in it."""
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    doc = t.from_row(t.DOCUMENTS, row)
    doc["removed"] = [
        {"text": r["text"], "reason": r["reason"]}
        for r in conn.execute(
            "SELECT text, reason FROM removed WHERE doc = ? ORDER BY id", (doc_id,)
        )
    ]
    docs = SqlDocs(conn)
    doc_quotes = quotes(conn, docs, "WHERE doc = ?", (doc_id,))
    figures = quantities(conn, "WHERE doc = ?", (doc_id,))
    layers = _layers(conn, doc_id, doc_quotes, figures, source)
    shaped = view.document_view(doc, docs)
    return {
        **shaped,
        "url_is_web": str(doc.get("url") or "").startswith(("http://", "https://")),
        "segments": segment_text(doc["text"], layers),
        "quotes": doc_quotes,
        "figures": figures,
        "entities": _entity_rows(
            conn, "WHERE e.id IN (SELECT entity FROM mentions WHERE doc = ?)", (doc_id,)
        ),
        "highlight": source,
    }


def _layers(
    conn: sqlite3.Connection,
    doc_id: str,
    doc_quotes: list[Item],
    figures: list[Item],
    source: tuple[int, int] | None,
) -> list[Layer]:
    mentions = conn.execute(
        'SELECT m.start, m."end", m.entity, e.name, e.type FROM mentions m '
        "JOIN entities e ON e.id = m.entity WHERE m.doc = ?",
        (doc_id,),
    )
    layers = [
        Layer(r["start"], r["end"], "entity", _entity_note(r), r["type"], r["entity"])
        for r in mentions
    ]
    timexes = conn.execute('SELECT start, "end", type, value FROM timexes WHERE doc = ?', (doc_id,))
    layers += [Layer(r["start"], r["end"], "timex", _timex_note(r)) for r in timexes]
    layers += [
        Layer(q["start"], q["end"], "quantity", f"chiffre : {format_value(q)} {q['unit']}")
        for q in figures
    ]
    layers += [Layer(q["start"], q["end"], "quote", _quote_note(q), q["kind"]) for q in doc_quotes]
    if source is not None:
        layers.append(Layer(source[0], source[1], "source", "passage cité"))
    return layers


def _entity_note(row: Mapping[str, Any]) -> str:
    return f"{row['name']} ({label('entity_type', row['type'])})"


def _timex_note(row: Mapping[str, Any]) -> str:
    return f"{label('timex_type', row['type'])} : {format_date(row['value'])}"


def _quote_note(quote: Mapping[str, Any]) -> str:
    who = quote.get("speaker_name") or "locuteur inconnu"
    return f"{label('quote_kind', quote['kind'])} : {who}"
