"""A draft made into a clean document: normalised text, metadata and boilerplate out."""

from __future__ import annotations

from recoupe.ingest.boilerplate import remove_boilerplate
from recoupe.ingest.dates import date_from_path, parse_date
from recoupe.ingest.draft import Draft
from recoupe.ingest.metadata import split_metadata
from recoupe.ingest.normalize import normalize_text, tidy_blank_lines
from recoupe.records import UNKNOWN_DATE, Document, Skipped


def clean_draft(draft: Draft) -> Document | Skipped:
    """The cleaned document (its ``id`` is set later, with duplicates), or why it is empty.

    Metadata given by the format (JSON fields, HTML meta tags, feed entries) wins over
    metadata written at the top of the text; both are taken out of the text.
    """
    text = normalize_text(draft.text)
    if not text.strip():
        return Skipped(draft.path, "empty: no text in this input")
    written, text = split_metadata(text)
    metadata = draft.metadata.or_else(written)
    text, removed = remove_boilerplate(text)
    text = tidy_blank_lines(text).strip()
    if not text:
        return Skipped(draft.path, "no text left once metadata and boilerplate were removed")
    date = parse_date(metadata.date) if metadata.date else None
    if date is None:
        date = date_from_path(draft.path, metadata.url)
    return Document(
        id="",
        path=draft.path,
        text=text,
        title=_one_line(metadata.title),
        source=_one_line(metadata.source),
        url=_one_line(metadata.url),
        date=date or UNKNOWN_DATE,
        removed=removed,
    )


def _one_line(value: str | None) -> str | None:
    if value is None:
        return None
    return " ".join(normalize_text(value).split()) or None
