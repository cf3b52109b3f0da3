"""The text of a ``Doc``, built once.

spaCy builds ``Doc.text`` anew from the tokens on every access (for a long article, a
large part of a light component's time). The text never changes once the ``Doc`` exists
(retokenising keeps it), so the first reader keeps it in ``doc.user_data`` and the others
reuse it; ``analyze_documents`` stores it when it makes the ``Doc``, from the text it
already has.
"""

from __future__ import annotations

from spacy.tokens import Doc

TEXT_KEY = "recoupe_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built at most once per ``Doc``."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str) or len(text) != _length(doc):
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Keep ``text`` (the string ``doc`` was made from) as the doc's text."""
    doc.user_data[TEXT_KEY] = text
    return doc


def _length(doc: Doc) -> int:
    """Length of ``doc.text`` without building it."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)
