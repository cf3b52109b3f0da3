"""``/api/...``: the dossier as JSON, in the shapes of ``dossier.json`` (the contract)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from recoupe.serve.app import Conn
from recoupe.serve.search import MAX_QUERY
from recoupe.serve.search import search as run_search
from recoupe.store import sqlite as store
from recoupe.store import tables as t

router = APIRouter(tags=["dossier"])
JSON = dict[str, Any]


@router.get("/dossier", summary="Le dossier entier (comme dossier.json)")
def dossier(conn: Conn) -> JSON:
    return store.read_dossier_dict(conn)


@router.get("/documents", summary="Les documents, sans leur texte")
def documents(conn: Conn) -> list[JSON]:
    items = store.read_documents(conn)
    return [{k: v for k, v in d.items() if k != "text"} for d in items]


@router.get("/documents/{doc_id}", summary="Un document, son texte et ce qui y a été trouvé")
def document(doc_id: str, conn: Conn) -> JSON:
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise HTTPException(404, "document inconnu")
    doc = t.from_row(t.DOCUMENTS, row)
    doc["removed"] = [
        dict(r) for r in conn.execute("SELECT text, reason FROM removed WHERE doc = ?", (doc_id,))
    ]
    found: JSON = {}
    for table in (t.TIMEXES, t.QUANTITIES, t.QUOTES):
        sql = f"SELECT * FROM {table.name} WHERE doc = ? ORDER BY start"  # noqa: S608 - constant
        found[table.name] = [t.from_row(table, r) for r in conn.execute(sql, (doc_id,))]
    mentions = conn.execute(
        'SELECT entity, start, "end", text FROM mentions WHERE doc = ? ORDER BY start', (doc_id,)
    )
    return {**doc, **found, "mentions": [dict(m) for m in mentions]}


@router.get("/entities", summary="Les acteurs (entités) avec leurs mentions")
def entities(conn: Conn) -> list[JSON]:
    return store.read_entities(conn)


@router.get("/entities/{entity_id}", summary="Un acteur")
def entity(entity_id: str, conn: Conn) -> JSON:
    for item in store.read_entities(conn):
        if item["id"] == entity_id:
            return item
    raise HTTPException(404, "acteur inconnu")


@router.get("/facts", summary="Les chiffres recoupés et leurs observations")
def facts(conn: Conn) -> list[JSON]:
    return store.read_facts(conn)


@router.get("/timeline", summary="La chronologie, par date")
def timeline(conn: Conn) -> list[JSON]:
    return store.read_timeline(conn)


@router.get("/quotes", summary="Les citations et leurs locuteurs")
def quotes(conn: Conn) -> list[JSON]:
    return store.read_items(conn, t.QUOTES)


@router.get("/summary", summary="Le résumé, phrase par phrase, avec ses sources")
def summary(conn: Conn) -> list[JSON]:
    return store.read_summary(conn)


@router.get("/search", summary="Recherche plein texte dans les documents et les citations")
def search(conn: Conn, q: str = "") -> JSON:
    results = run_search(conn, q[:MAX_QUERY])
    for key in ("documents", "quotes"):
        for item in results[key]:
            parts = item.pop("parts")
            item["snippet"] = "".join(text for text, _ in parts)
            item["matches"] = [text for text, hit in parts if hit]
    return results
