"""Start a sentence after every line break, before the parser runs (``recoupe_paragraphs``).

The French model does not treat a line break as a sentence boundary, so two paragraphs
(or a title and the first sentence) were parsed as one sentence, with subjects borrowed
across them. The parser keeps boundaries set before it, so this mends every component
that reads the parse (speakers, counted nouns, entities). A wire story's dateline
("Paris, le 10 octobre 2024 (AFP) - ") at a paragraph's start is cut off its sentence the
same way: it is no part of what the sentence says (nor of a quote, nor of a summary).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import Any

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from recoupe.analyze.datelines import WIRE_DATELINE
from recoupe.analyze.doctext import doc_text


def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Factory of the ``recoupe_paragraphs`` component."""
    return mark_paragraphs


def mark_paragraphs(doc: Doc) -> Doc:
    """Mark the token after each line break as a sentence start.

    Line breaks are found in the text, their tokens by bisecting the token offsets, and the
    starts written back in one array: setting ``Token.is_sent_start`` one token at a time
    rescans the whole document each time.
    """
    text = doc_text(doc)
    at = text.find("\n")
    datelines = [m.end() for m in WIRE_DATELINE.finditer(text)]
    if at == -1 and not datelines:
        return doc
    starts = doc.to_array([IDX])
    sent_starts = doc.to_array([SENT_START])
    n = len(doc)
    while at != -1:
        i = int(bisect_right(starts, at)) - 1  # the token holding the line break
        if i + 1 >= n:
            break
        sent_starts[i + 1] = 1
        at = text.find("\n", max(int(starts[i + 1]), at + 1))
    for end in datelines:  # the first token after the dateline's dash
        i = int(bisect_right(starts, end - 1))
        if 0 < i < n:
            sent_starts[i] = 1
    column: Any = sent_starts.reshape(-1, 1)  # one attribute: a column, as from_array wants
    doc.from_array([SENT_START], column)
    return doc
