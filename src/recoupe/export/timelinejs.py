"""The timeline as TimelineJS data (https://timeline.knightlab.com/docs/json-format.html).

TimelineJS reads ``text`` fields as HTML, so every piece of article text is escaped here.
Dates TimelineJS cannot place (durations, "now") are left out.
"""

from __future__ import annotations

import html
import re
from typing import Any

from recoupe.render import view
from recoupe.render.french import format_date, iso_date

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]")
OTHER_GROUP = "Autres"


def start_date(value: str) -> dict[str, str] | None:
    """``2024-03-05`` -> ``{year, month, day}`` (strings of digits, as TimelineJS reads them).

    Weeks start on their Monday; seasons, quarters and halves on their year, with the French
    name as ``display_date``.
    """
    if match := _DATE.match(value):
        year, month, day = match.groups()
        date: dict[str, str] = {"year": str(int(year))}
        if month:
            date["month"] = str(int(month))
        if day:
            date["day"] = str(int(day))
        return date
    if value[:4].isdigit() and len(value) > 5 and value[4] == "-":
        first = iso_date(value)
        if first is not None:  # a week
            return {"year": str(first.year), "month": str(first.month), "day": str(first.day),
                    "display_date": format_date(value)}  # fmt: skip
        return {"year": str(int(value[:4])), "display_date": format_date(value)}
    return None


def unique_id(entry_id: str) -> str:
    return "t-" + _UNSAFE_ID.sub("-", entry_id)


def _text(entry: dict[str, Any], docs: view.DocIndex) -> str:
    parts = [f"<p>{html.escape(entry['text'])}</p>"] if entry["text"] != entry["headline"] else []
    sources = ", ".join(html.escape(docs.label(s["doc"])) for s in entry["sources"])
    if sources:
        parts.append(f"<p><small>Sources : {sources}</small></p>")
    return "".join(parts)


def _group(entry: dict[str, Any], names: dict[str, str]) -> str:
    for entity in entry.get("entities", []):
        if entity in names:
            return names[entity]
    return OTHER_GROUP


def timelinejs(data: dict[str, Any]) -> dict[str, Any]:
    """A TimelineJS ``{"title", "events"}`` object from a contract dict."""
    docs = view.DocIndex(data["documents"])
    names = view.entity_names(data["entities"])
    events = []
    for entry in data["timeline"]:
        date = start_date(entry["date"]["value"])
        if date is None:
            continue
        events.append(
            {
                "start_date": date,
                "text": {"headline": html.escape(entry["headline"]), "text": _text(entry, docs)},
                "group": html.escape(_group(entry, names)),
                "unique_id": unique_id(entry["id"]),
            }
        )
    period = view.date_span(data["documents"])
    title_text = f"{len(data['documents'])} documents" + (f", {period}" if period else "")
    return {
        "title": {"text": {"headline": "Dossier recoupé", "text": html.escape(title_text)}},
        "events": events,
    }
