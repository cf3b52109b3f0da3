"""Word lists for quotations, read once from ``recoupe/data/quotes``."""

from __future__ import annotations

from functools import cache

from recoupe.analyze.quantity_lexicon import table, words


def speech_verbs() -> frozenset[str]:
    """Verbs that introduce speech or thought with "que" or a colon."""
    return words("quotes", "speech_verbs.txt")


@cache
def incise_verbs() -> frozenset[str]:
    """Verbs that may follow a quote as an incise ("…, poursuit-il"): all speech verbs and more."""
    return speech_verbs() | words("quotes", "incise_only_verbs.txt")


@cache
def call_verbs() -> frozenset[str]:
    """Verbs that speak when "à" follows them ("a appelé à", "a invité les électeurs à")."""
    return words("quotes", "call_verbs.txt")


def source_prepositions() -> frozenset[str]:
    return words("quotes", "source_prepositions.txt")


def document_nouns() -> frozenset[str]:
    return words("quotes", "document_nouns.txt")


def object_first_verbs() -> frozenset[str]:
    """Speech verbs whose object often follows them ("a demandé une enquête")."""
    return words("quotes", "object_first_verbs.txt")


def source_nouns() -> frozenset[str]:
    return words("quotes", "source_nouns.txt")


def time_words() -> frozenset[str]:
    return words("quotes", "time_words.txt")


def person_titles() -> dict[str, str]:
    """Title (lower case) -> gender "m", "f" or "x"."""
    return {k: v[0] for k, v in table("quotes", "person_titles.txt").items()}


def subject_pronouns() -> dict[str, tuple[str, str]]:
    """Pronoun -> (gender, number)."""
    return {k: (v[0], v[1]) for k, v in table("quotes", "subject_pronouns.tsv").items()}
