"""Sentence starts: a line break opens a sentence, a comma or a closing mark never does."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from recoupe.analyze.paragraphs import join_broken_sentences


def _parsed(nlp: Any, words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    """A doc as a parser might have left it: ``heads`` are absolute token indices."""
    glued = (",", ")", ".")
    spaces = [
        w not in glued and i + 1 < len(words) and words[i + 1] not in glued
        for i, w in enumerate(words)
    ]
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)


def test_a_sentence_opened_on_a_comma_goes_back_and_its_subject_is_found(nlp: Any) -> None:
    # the parser cut "Lucien Ferrand (PCF)" from ", a affirmé que oui."
    words = ["Lucien", "Ferrand", "(", "PCF", ")", ",", "a", "affirmé", "que", "oui", "."]
    heads = [0, 0, 0, 0, 0, 7, 7, 7, 9, 7, 7]
    deps = ["ROOT", "flat:name", "punct", "appos", "punct", "punct", "aux:tense", "ROOT",
            "mark", "ccomp", "punct"]  # fmt: skip
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "PUNCT", "AUX", "VERB", "SCONJ",
           "ADV", "PUNCT"]  # fmt: skip
    doc = _parsed(nlp, words, heads, deps, pos)
    assert len(list(doc.sents)) == 2
    join_broken_sentences(doc)
    assert len(list(doc.sents)) == 1
    assert (doc[0].head.text, doc[0].dep_) == ("affirmé", "nsubj")


def test_a_closing_mark_goes_back_alone(nlp: Any) -> None:
    words = ["«", "Partez", ".", "»", "Des", "gens", "partent", "."]
    heads = [1, 1, 1, 6, 5, 6, 6, 6]
    deps = ["punct", "ROOT", "punct", "punct", "det", "nsubj", "ROOT", "punct"]
    pos = ["PUNCT", "VERB", "PUNCT", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    doc = _parsed(nlp, words, heads, deps, pos)
    join_broken_sentences(doc)
    assert [s.text.split()[0] for s in doc.sents] == ["«", "Des"]
    first = next(iter(doc.sents))
    assert first.text.rstrip().endswith("»")
