"""Full-text search over documents and quotes (SQLite FTS5), and entity names.

The user's words are turned into quoted FTS5 terms, so no input can inject FTS syntax;
matches come back as snippets cut into (text, is_match) pieces for the template to escape.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from typing import Any

from recoupe.render import view

Item = dict[str, Any]
OPEN, CLOSE = "\x02", "\x03"  # match markers that cannot occur in escaped output
LIMIT = 50
MAX_QUERY = 200  # characters of a query; the rest is ignored
SNIPPET_MAX_CHARS = 200_000  # longer texts get a snippet cut in Python
SCAN_CHARS = 1_000_000  # how far into a long text that snippet looks
SNIPPET_CONTEXT = 120
_WORD = re.compile(r"\w+", re.UNICODE)


def query_words(text: str) -> list[str]:
    return list(_WORD.findall(text)[:12])


def fts_query(text: str) -> str:
    """``États-Unis soldats`` -> ``"États" "Unis" "soldats"*`` (all words, last as a prefix)."""
    words = query_words(text)
    if not words:
        return ""
    terms = [f'"{w}"' for w in words]
    terms[-1] += "*"
    return " ".join(terms)


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """Split an FTS5 snippet at its markers into (text, is_match) pieces."""
    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate(snippet.split(OPEN)):
        if i == 0:
            parts.append((chunk, False))
            continue
        matched, _, rest = chunk.partition(CLOSE)
        parts += [(matched, True), (rest, False)]
    return [(text, hit) for text, hit in parts if text]


def _fold_char(char: str) -> str:
    """One character, lower case and without accent (one character out, offsets kept)."""
    base = unicodedata.normalize("NFD", char)[:1] or char
    lowered = base.lower()
    return lowered if len(lowered) == 1 else base


def long_text_parts(text: str, words: list[str]) -> list[tuple[str, bool]]:
    """A snippet cut in Python around the first word found (FTS5's is slow on huge texts)."""
    folded = "".join(_fold_char(c) for c in text[:SCAN_CHARS])
    hits = [
        (index, len(word))
        for word in ("".join(_fold_char(c) for c in w) for w in words)
        if (index := folded.find(word)) >= 0
    ]
    if not hits:
        return [(view.shorten(text[: 2 * SNIPPET_CONTEXT]), False)]
    start, length = min(hits)
    before = text[max(start - SNIPPET_CONTEXT, 0) : start]
    after = text[start + length : start + length + SNIPPET_CONTEXT]
    return [
        ("…" + " ".join(before.split()) + " ", False),
        (text[start : start + length], True),
        (" " + " ".join(after.split()) + "…", False),
    ]


def _documents(conn: sqlite3.Connection, query: str, words: list[str]) -> list[Item]:
    rows = conn.execute(
        "SELECT d.id, d.title, d.path, d.date_value, "
        "CASE WHEN length(d.text) <= ? THEN snippet(documents_fts, 1, ?, ?, '…', 24) END AS snip "
        "FROM documents_fts JOIN documents d ON d.pk = documents_fts.rowid "
        "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
        (SNIPPET_MAX_CHARS, OPEN, CLOSE, query, LIMIT),
    )
    found = []
    for r in rows:
        if r["snip"] is not None:
            parts = snippet_parts(r["snip"])
        else:
            sql = "SELECT text FROM documents WHERE id = ?"
            parts = long_text_parts(conn.execute(sql, (r["id"],)).fetchone()[0], words)
        found.append(
            {"id": r["id"], "label": view.doc_label(dict(r)), "date": r["date_value"],
             "parts": parts}
        )  # fmt: skip
    return found


def _quotes(conn: sqlite3.Connection, query: str) -> list[Item]:
    rows = conn.execute(
        'SELECT q.id, q.doc, q.start, q."end", q.kind, q.speaker_text, q.speaker_entity, '
        "d.title, d.path, snippet(quotes_fts, 0, ?, ?, '…', 32) AS snip "
        "FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
        "JOIN documents d ON d.id = q.doc "
        "WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?",
        (OPEN, CLOSE, query, LIMIT),
    )
    return [
        {
            "doc": r["doc"],
            "start": r["start"],
            "end": r["end"],
            "kind": r["kind"],
            "speaker": r["speaker_text"],
            "speaker_entity": r["speaker_entity"],
            "doc_label": view.doc_label({"title": r["title"], "path": r["path"]}),
            "parts": snippet_parts(r["snip"]),
        }
        for r in rows
    ]


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _entities(conn: sqlite3.Connection, text: str) -> list[Item]:
    rows = conn.execute(
        "SELECT id, name, type, aliases, mention_count FROM entities "
        "WHERE name LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\' "
        "ORDER BY mention_count DESC LIMIT ?",
        (_like(text), _like(text), LIMIT),
    )
    return [dict(r) for r in rows]


def search(conn: sqlite3.Connection, text: str) -> Item:
    """Documents, quotes and entities matching ``text`` (empty lists for an empty query)."""
    text = text.strip()
    query = fts_query(text)
    if not query:
        return {"q": text, "documents": [], "quotes": [], "entities": []}
    return {
        "q": text,
        "documents": _documents(conn, query, query_words(text)),
        "quotes": _quotes(conn, query),
        "entities": _entities(conn, text),
    }
