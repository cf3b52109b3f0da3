"""HTML pages: main text and metadata (title, date, url, site name) via trafilatura."""

from __future__ import annotations

from typing import Any

import trafilatura

from recoupe.ingest.decode import decode_bytes
from recoupe.ingest.draft import Draft, Outcome
from recoupe.ingest.metadata import Metadata
from recoupe.records import Skipped

# Dates only from the page's markup and metadata, never guessed from its running text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html_file(path: str, data: bytes) -> list[Outcome]:
    return [html_draft(path, decode_bytes(data).text)]


def html_draft(path: str, html: str) -> Outcome:
    """The main text of a page (navigation, footers and comments left out)."""
    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    fields: dict[str, Any] = {}
    if isinstance(extracted, dict):
        fields = extracted
    elif extracted is not None:
        fields = extracted.as_dict()
    text = fields.get("text") or ""
    if not text.strip():
        return Skipped(path, "no main text found in this HTML page")
    metadata = Metadata(
        title=_field(fields, "title"),
        date=_field(fields, "date"),
        url=_field(fields, "url"),
        source=_field(fields, "sitename"),
    )
    # trafilatura ends each paragraph with one newline; make them paragraph breaks.
    return Draft(path, text.replace("\n", "\n\n"), metadata)


def _field(fields: dict[str, Any], name: str) -> str | None:
    value = fields.get(name)
    return str(value).strip() or None if value else None
