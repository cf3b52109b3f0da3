"""``report.html``: the whole dossier as one self-contained page (inline CSS, no network).

Every piece of article text goes through Jinja2's autoescape; a Content-Security-Policy
meta tag forbids scripts and remote loads as a second line of defence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from recoupe import SCHEMA_VERSION, __version__
from recoupe.records import Dossier
from recoupe.render import view
from recoupe.render.environment import REPORT_LINKS, make_environment, render_loader, stylesheet
from recoupe.store.json_dossier import dossier_to_dict

TOP_ENTITIES = 40
TEXT_CHARS = 60_000  # longer texts are cut in the report's appendix (whole in dossier.json)


def _texts(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    texts = []
    for doc in documents:
        text = doc["text"]
        shown = text[:TEXT_CHARS]
        texts.append(
            {
                **view.document_view(doc),
                "text": shown,
                "shown": len(shown),
                "truncated": len(shown) < len(text),
            }
        )
    return texts


def report_context(data: dict[str, Any]) -> dict[str, Any]:
    """What the report template shows, from a contract dict."""
    docs = view.DocIndex(data["documents"])
    names = view.entity_names(data["entities"])
    return {
        "title": "Dossier recoupé",
        "period": view.date_span(data["documents"]),
        "documents": data["documents"],
        "document_rows": [view.document_view(d, docs) for d in data["documents"]],
        "texts": _texts(data["documents"]),
        "skipped": data["skipped"],
        "summary": [
            {**s, "sources": [docs.source(x) for x in s["sources"]]} for s in data["summary"]
        ],
        "facts": view.facts_view(data["facts"], docs),
        "status_counts": view.status_counts(data["facts"]),
        "timeline": view.timeline_view(
            view.top_timeline(data["timeline"], view.TIMELINE_ENTRIES), docs, names
        ),
        "timeline_count": len(data["timeline"]),
        "timeline_shown": min(len(data["timeline"]), view.TIMELINE_ENTRIES),
        "entities": view.top_entities(data["entities"], TOP_ENTITIES),
        "entity_count": len(data["entities"]),
        "quotes": view.quotes_view(data["quotes"], docs, names),
        "css": Markup(stylesheet()),  # our own file, trusted; article text never is
        "version": __version__,
        "schema_version": data.get("schema_version", SCHEMA_VERSION),
    }


def render_report(dossier: Dossier) -> str:
    env = make_environment(render_loader(), REPORT_LINKS)
    return env.get_template("report.html").render(report_context(dossier_to_dict(dossier)))


def write_report(dossier: Dossier, path: Path) -> None:
    """Write the report atomically (a reader never sees half a page)."""
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(render_report(dossier), encoding="utf-8")
    tmp.replace(path)
