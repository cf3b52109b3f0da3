"""Plain-text and Markdown files: one article each, metadata read later from the text."""

from __future__ import annotations

import re

from recoupe.ingest.decode import decode_bytes
from recoupe.ingest.draft import Draft, Outcome
from recoupe.ingest.metadata import Metadata

_MD_HEADING = re.compile(r"\A\s*#[ \t]+(\S[^\n]*?)[ \t#]*$", re.MULTILINE)


def read_text_file(path: str, data: bytes, markdown: bool = False) -> list[Outcome]:
    text = decode_bytes(data).text
    return [text_draft(path, text, markdown)]


def text_draft(path: str, text: str, markdown: bool = False) -> Draft:
    """A draft of a decoded text; a Markdown file's first ``# heading`` is its title."""
    title = None
    if markdown and (heading := _MD_HEADING.match(text)):
        title = heading[1]
    return Draft(path, text, Metadata(title=title))
