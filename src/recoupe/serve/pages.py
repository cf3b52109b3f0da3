"""The HTML pages: overview, timeline, facts, entities, documents, search."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from recoupe.render import view
from recoupe.serve import queries
from recoupe.serve.app import Conn, render
from recoupe.serve.search import MAX_QUERY
from recoupe.serve.search import search as run_search

router = APIRouter(include_in_schema=False)
TOP_ENTITIES = 12
TOP_FACTS = 6


def not_found(request: Request, what: str) -> HTMLResponse:
    return render(request, "not_found.html", status_code=404, title="Introuvable", what=what)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, conn: Conn) -> HTMLResponse:
    docs = queries.SqlDocs(conn)
    documents = queries.documents(conn)
    all_facts = queries.facts(conn, docs)
    return render(
        request,
        "overview.html",
        title="Vue d'ensemble",
        counts=queries.counts(conn),
        period=view.date_span(documents),
        summary=queries.summary(conn, docs),
        facts=all_facts[:TOP_FACTS],
        status_counts=view.status_counts(all_facts),
        entities=queries.top_entities(conn, TOP_ENTITIES),
        documents=documents,
        skipped=queries.skipped(conn),
    )


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, conn: Conn) -> HTMLResponse:
    groups = queries.timeline(conn, queries.SqlDocs(conn))
    return render(request, "timeline.html", title="Chronologie", groups=groups)


@router.get("/facts", response_class=HTMLResponse)
def facts(request: Request, conn: Conn) -> HTMLResponse:
    items = queries.facts(conn, queries.SqlDocs(conn))
    return render(
        request,
        "facts.html",
        title="Chiffres",
        facts=items,
        status_counts=view.status_counts(items),
    )


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, conn: Conn) -> HTMLResponse:
    items = queries.all_entities(conn)
    groups: dict[str, list[queries.Item]] = {}
    for item in sorted(items, key=lambda e: (-e["doc_count"], -e["mention_count"], e["name"])):
        groups.setdefault(item["type"], []).append(item)
    return render(request, "entities.html", title="Acteurs", groups=groups)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str, conn: Conn) -> HTMLResponse:
    item = queries.entity(conn, entity_id)
    if item is None:
        return not_found(request, "cet acteur")
    return render(request, "entity.html", title=item["name"], entity=item)


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, conn: Conn) -> HTMLResponse:
    return render(
        request,
        "documents.html",
        title="Documents",
        documents=queries.documents(conn),
        skipped=queries.skipped(conn),
    )


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(
    request: Request,
    doc_id: str,
    conn: Conn,
    start: Annotated[int | None, Query(ge=0)] = None,
    end: Annotated[int | None, Query(ge=0)] = None,
) -> HTMLResponse:
    source = (start, end) if start is not None and end is not None and end > start else None
    item = queries.document(conn, doc_id, source)
    if item is None:
        return not_found(request, "ce document")
    return render(request, "document.html", title=item["label"], doc=item)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, conn: Conn, q: str = "") -> HTMLResponse:
    results = run_search(conn, q[:MAX_QUERY])
    return render(request, "search.html", title="Recherche", results=results, q=q)
