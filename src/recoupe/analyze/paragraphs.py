"""Start a sentence after every line break, before the parser runs (``recoupe_paragraphs``).

The French model does not treat a line break as a sentence boundary, so two paragraphs
(or a title and the first sentence) were parsed as one sentence, with subjects borrowed
across them. The parser keeps boundaries set before it, so this mends every component
that reads the parse (speakers, counted nouns, entities). A wire story's dateline
("Paris, le 10 octobre 2024 (AFP) - ") at a paragraph's start is cut off its sentence the
same way: it is no part of what the sentence says (nor of a quote, nor of a summary).

A comma, a closing bracket or quote mark, a colon or a full stop never opens a sentence.
The parser is told so where no line break stands before it, but takes it as a hint only:
it still cut "Jean-Luc Mélenchon, chef de file de La France insoumise (LFI)" from ", a
affirmé que…" (the speaker was lost) and ended sentences before their closing "»". So
``recoupe_sentences``, after the parser, joins such a sentence to the one before it
(``join_broken_sentences``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import pairwise
from typing import Any

import numpy
from spacy.attrs import IDX, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from recoupe.analyze.datelines import WIRE_DATELINE
from recoupe.analyze.doctext import doc_text

# Tokens that end or continue a sentence and never open one.
_NEVER_OPENS = (",", ";", ":", ")", "]", "}", "»", "”", ".", "!", "?", "…", "...")


_NOT_A_START = 2**64 - 1  # -1 in the unsigned column ``Doc.to_array`` gives


def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Factory of the ``recoupe_paragraphs`` component."""
    return mark_paragraphs


def mark_paragraphs(doc: Doc) -> Doc:
    """Mark the token after each line break as a sentence start, and closing marks as none.

    Line breaks are found in the text, their tokens by bisecting the token offsets, and the
    starts written back in one array: setting ``Token.is_sent_start`` one token at a time
    rescans the whole document each time.
    """
    text = doc_text(doc)
    at = text.find("\n")
    datelines = [m.end() for m in WIRE_DATELINE.finditer(text)]
    starts = doc.to_array([IDX])
    sent_starts = doc.to_array([SENT_START])
    n = len(doc)
    closing = numpy.isin(doc.to_array([ORTH]), [doc.vocab.strings.add(m) for m in _NEVER_OPENS])
    closing[:1] = False
    sent_starts[closing] = _NOT_A_START  # a line break after it still wins below
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


def make_sentence_repair(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Factory of the ``recoupe_sentences`` component (after the parser)."""
    return join_broken_sentences


_OPENING = frozenset({"(", "[", "{", "«", "“", '"'})
_CLOSING = frozenset(_NEVER_OPENS) - {",", ";", ":"}  # they go back alone
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_VERBAL = frozenset({"VERB", "AUX"})


def join_broken_sentences(doc: Doc) -> Doc:
    """Give a sentence the parser opened on a mark that never opens one back to the
    sentence before it, and an opening bracket left alone to the sentence after it. A
    closing mark ("…captures.» Des millions…") goes back alone and what follows it stays a
    sentence; after a comma, colon or semicolon the two parts are one sentence: a noun
    phrase before a verb that lacks a subject is its subject ("Jean-Luc Mélenchon, chef de
    file de La France insoumise (LFI)" + ", a affirmé que…"), anything else hangs from the
    other part's root."""
    if not doc.has_annotation("DEP") or len(doc) < 2:
        return doc
    sents = list(doc.sents)
    broken = [
        sent
        for sent in sents
        if sent.start > 0
        and sent[0].text in _NEVER_OPENS
        and "\n" not in doc[sent.start - 1].text + doc[sent.start - 1].whitespace_
    ]
    for sent, nxt in pairwise(sents):
        if all(t.text in _OPENING for t in sent):  # "(" alone, before "Explosion à Lyon…)"
            for tok in sent:
                _attach(tok, nxt.root, "punct")
    for sent in reversed(broken):  # from the end: the sentence before is still whole
        first = doc[sent.start]
        before = doc[sent.start - 1].sent.root
        if first.text in _CLOSING and (len(sent) == 1 or first.head.i != first.i):
            _attach(first, before, "punct")
            continue
        root = sent.root
        if (root.pos_ in _VERBAL and before.pos_ in _NOMINAL
                and not any(c.dep_.startswith("nsubj") for c in root.lefts)):  # fmt: skip
            _attach(before, root, "nsubj")
        elif before.pos_ in _VERBAL:
            _attach(root, before, "parataxis")
        else:
            _attach(before, root, "dep")
    return doc


def _attach(child: Token, head: Token, dep: str) -> None:
    child.head = head
    child.dep_ = dep
