"""The web app: ``create_app(db_path)`` serves a dossier's pages and its JSON API.

Server-rendered Jinja2 pages in French, no JavaScript. Every request opens its own
read-only connection (``mode=ro``, ``query_only``): the app cannot change the dossier.
A Content-Security-Policy forbids scripts and anything not served by the app itself.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

import jinja2
from fastapi import Depends, FastAPI, Request, Response
from fastapi.responses import HTMLResponse

from recoupe import __version__
from recoupe.render.environment import Links, make_environment, render_loader, stylesheet
from recoupe.store.sqlite import connect_readonly

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
# FastAPI's /docs and /redoc pages load their script from a CDN: allowed there only.
DOCS_CSP = (
    "default-src 'none'; script-src 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https:; "
    "connect-src 'self'; worker-src blob:; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")


def _doc_url(doc_id: str, start: int | None = None, end: int | None = None) -> str:
    url = f"/documents/{quote(doc_id, safe='')}"
    if start is not None and end is not None:
        url += f"?start={int(start)}&end={int(end)}#src"
    return url


def _entity_url(entity_id: str) -> str:
    return f"/entities/{quote(entity_id, safe='')}"


APP_LINKS = Links(_doc_url, _entity_url)


def page_environment() -> jinja2.Environment:
    loader = jinja2.ChoiceLoader(
        [jinja2.PackageLoader("recoupe.serve", "templates"), render_loader()]
    )
    env = make_environment(loader, APP_LINKS)
    env.globals["version"] = __version__
    return env


def get_conn(request: Request) -> Iterator[sqlite3.Connection]:
    """One read-only connection per request, closed when the response is done."""
    conn = connect_readonly(request.app.state.db_path)
    try:
        yield conn
    finally:
        conn.close()


Conn = Annotated[sqlite3.Connection, Depends(get_conn)]


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    env: jinja2.Environment = request.app.state.templates
    html = env.get_template(name).render(path=request.url.path, **context)
    return HTMLResponse(html, status_code=status_code)


async def _security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    docs = request.url.path.startswith(DOCS_PATHS)
    response.headers["Content-Security-Policy"] = DOCS_CSP if docs else CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    return response


def _check_dossier(db_path: Path) -> None:
    conn = connect_readonly(db_path)
    try:
        conn.execute("SELECT 1 FROM documents LIMIT 1").fetchall()
    except sqlite3.DatabaseError as err:
        raise ValueError(f"{db_path} is not a recoupe dossier ({err})") from None
    finally:
        conn.close()


def create_app(db_path: Path) -> FastAPI:
    """The app serving the dossier at ``db_path`` (which must exist; it is never written)."""
    from recoupe.serve.api import router as api_router
    from recoupe.serve.pages import router as pages_router

    db_path = Path(db_path).resolve()
    _check_dossier(db_path)
    app = FastAPI(
        title="recoupe",
        description="Le dossier recoupé : documents, acteurs, chiffres, citations, chronologie.",
        version=__version__,
    )
    app.state.db_path = db_path
    app.state.templates = page_environment()
    app.middleware("http")(_security_headers)

    @app.get("/static/recoupe.css", include_in_schema=False)
    def css() -> Response:
        return Response(stylesheet(), media_type="text/css; charset=utf-8")

    app.include_router(pages_router)
    app.include_router(api_router, prefix="/api")
    return app
