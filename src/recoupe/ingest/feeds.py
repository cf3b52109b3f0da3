"""RSS and Atom feeds read from files (feedparser): one article per entry, ``path#N``."""

from __future__ import annotations

import io
from typing import Any

import feedparser

from recoupe.ingest.decode import binary_reason
from recoupe.ingest.draft import Draft, Outcome
from recoupe.ingest.htmltext import html_to_text, looks_like_html
from recoupe.ingest.metadata import Metadata
from recoupe.ingest.sizes import too_large
from recoupe.records import Skipped
from recoupe.settings import Settings


def read_feed_file(path: str, data: bytes, settings: Settings) -> list[Outcome]:
    if reason := binary_reason(data):
        return [Skipped(path, reason)]
    # A stream, never a string: feedparser fetches strings that look like URLs.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        return [Skipped(path, f"not an RSS/Atom feed{detail}")]
    if not parsed.entries:
        return [Skipped(path, "feed has no entries")]
    source = _clean(parsed.feed.get("title"))
    return [
        entry_draft(f"{path}#{n}", entry, source, settings)
        for n, entry in enumerate(parsed.entries, 1)
    ]


def entry_draft(path: str, entry: Any, source: str | None, settings: Settings) -> Outcome:
    """A draft from one feed entry: its fullest body (content, else summary) as text."""
    text = _entry_text(entry)
    if not text.strip():
        return Skipped(path, "feed entry has no text (neither content nor summary)")
    if reason := too_large(len(text.encode("utf-8")), settings.max_bytes, "text"):
        return Skipped(path, reason)
    metadata = Metadata(
        title=_clean(entry.get("title")),
        date=_clean(entry.get("published") or entry.get("updated")),
        url=_clean(entry.get("link")),
        source=source,
    )
    return Draft(path, text, metadata)


def _entry_text(entry: Any) -> str:
    bodies = [(c.get("value") or "", c.get("type") or "") for c in entry.get("content") or []]
    detail = entry.get("summary_detail") or {}
    bodies.append((entry.get("summary") or "", detail.get("type") or ""))
    value, kind = max(bodies, key=lambda body: len(body[0]))
    if "html" in kind or looks_like_html(value):
        return html_to_text(value)
    return str(value)


def _clean(value: Any) -> str | None:
    return str(value).strip() or None if value else None
