"""Start a sentence after every line break, before the parser runs (``recoupe_paragraphs``).

The French model does not treat a line break as a sentence boundary, so two paragraphs
(or a title and the first sentence) were parsed as one sentence, with subjects borrowed
across them. The parser keeps boundaries set before it, so this mends every component
that reads the parse (speakers, counted nouns, entities).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc


def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Factory of the ``recoupe_paragraphs`` component."""
    return mark_paragraphs


def mark_paragraphs(doc: Doc) -> Doc:
    """Mark the token after each line break as a sentence start."""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc
