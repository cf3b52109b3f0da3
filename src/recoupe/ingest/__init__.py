"""Ingest: files and folders of articles -> clean ``Document`` records.

``load_inputs()`` walks the inputs, reads each file with the reader for its type (text,
Markdown, HTML, JSON, JSON Lines, RSS/Atom), decodes and normalises the text, takes out
metadata and boilerplate, and links duplicates. An input that cannot be used becomes a
``Skipped`` record with a reason (and a call to ``on_skip``); a failure on one file never
loses the others. A missing input path raises ``InputNotFound`` before anything is read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from recoupe.ingest.boilerplate import remove_shared_boilerplate
from recoupe.ingest.clean import clean_draft
from recoupe.ingest.dedup import link_duplicates
from recoupe.ingest.draft import Draft
from recoupe.ingest.files import InputFile, InputNotFound, find_inputs, read_input
from recoupe.ingest.formats import CONTAINERS, kind_of, read_outcomes, unsupported_reason
from recoupe.records import Document, IngestResult, Skipped
from recoupe.settings import Settings

__all__ = ["InputNotFound", "load_inputs", "read_file"]


def load_inputs(
    paths: Sequence[Path | str],
    settings: Settings,
    on_skip: Callable[[Skipped], None] | None = None,
) -> IngestResult:
    """Documents and skipped inputs from files and folders, in input order."""
    if isinstance(paths, str | Path):  # one path given bare, not a string of characters
        paths = [paths]
    documents: list[Document] = []
    skipped: list[Skipped] = []
    for item in find_inputs(paths):
        outcomes = [item] if isinstance(item, Skipped) else read_file(item, settings)
        for outcome in outcomes:
            if isinstance(outcome, Document):
                documents.append(outcome)
                continue
            skipped.append(outcome)
            if on_skip is not None:
                on_skip(outcome)
    documents, emptied = remove_shared_boilerplate(documents)
    for outcome in emptied:
        skipped.append(outcome)
        if on_skip is not None:
            on_skip(outcome)
    linked = link_duplicates(documents, settings.near_duplicate_threshold)
    return IngestResult(tuple(linked), tuple(skipped))


def read_file(item: InputFile, settings: Settings) -> list[Document | Skipped]:
    """The cleaned documents in one file (ids not yet set), or why it was skipped."""
    try:
        kind = kind_of(item.path)
        if kind is None:
            return [Skipped(item.shown, unsupported_reason(item.path))]
        limit = None if kind in CONTAINERS else settings.max_bytes
        data = read_input(item, limit)
        if isinstance(data, Skipped):
            return [data]
        outcomes = read_outcomes(kind, item.shown, data, settings)
        return [clean_draft(o) if isinstance(o, Draft) else o for o in outcomes]
    except Exception as err:  # noqa: BLE001 - one broken file must not lose the others
        return [Skipped(item.shown, f"could not be read: {type(err).__name__}: {err}")]
