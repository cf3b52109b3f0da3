"""Which reader handles a file, by extension; files without one are sniffed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from recoupe.ingest.decode import DecodeError, decode_bytes
from recoupe.ingest.draft import Outcome
from recoupe.ingest.feeds import read_feed_file
from recoupe.ingest.jsonfile import read_json_file, read_jsonl_file
from recoupe.ingest.plaintext import read_text_file, text_draft
from recoupe.ingest.webpage import html_draft, read_html_file
from recoupe.records import Skipped
from recoupe.settings import Settings

Reader = Callable[[str, bytes, Settings], list[Outcome]]

KINDS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    "": "sniff",
}  # fmt: skip
# Files holding many articles: the size limit applies to each article's text, not the file.
CONTAINERS = frozenset({"json", "jsonl", "feed"})


def kind_of(path: Path) -> str | None:
    """The reader kind for ``path``, or ``None`` when its type is not supported."""
    return KINDS.get(path.suffix.lower())


def unsupported_reason(path: Path) -> str:
    supported = ", ".join(sorted(suffix for suffix in KINDS if suffix))
    return f"unsupported file type '{path.suffix}' (supported: {supported})"


def read_outcomes(kind: str, path: str, data: bytes, settings: Settings) -> list[Outcome]:
    """The articles (or reasons for skipping) in ``data``, read as ``kind``."""
    try:
        return _READERS[kind](path, data, settings)
    except DecodeError as err:
        return [Skipped(path, str(err))]


def _sniff(path: str, data: bytes, settings: Settings) -> list[Outcome]:
    """A file without extension: a feed, a page, JSON or plain text, by its first bytes."""
    text = decode_bytes(data).text
    head = text.lstrip("\ufeff \t\r\n")[:1024].lower()
    if head.startswith(("<?xml", "<rss", "<feed", "<rdf")):
        return read_feed_file(path, data, settings)
    if head.startswith(("<!doctype html", "<html")):
        return [html_draft(path, text)]
    if head.startswith(("{", "[")):
        try:
            json.loads(text)
        except json.JSONDecodeError:
            pass
        else:
            return read_json_file(path, text.encode("utf-8"), settings)
    return [text_draft(path, text)]


_READERS: dict[str, Reader] = {
    "text": lambda path, data, _: read_text_file(path, data),
    "markdown": lambda path, data, _: read_text_file(path, data, markdown=True),
    "html": lambda path, data, _: read_html_file(path, data),
    "json": read_json_file,
    "jsonl": read_jsonl_file,
    "feed": read_feed_file,
    "sniff": _sniff,
}
