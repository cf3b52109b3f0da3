"""Register recoupe's spaCy components, in one place, when asked to.

Importing a component module has no side effect; ``register_components()`` declares the
factories and extensions. It is idempotent; ``spacy_factories.py`` calls it when spaCy
follows our entry points, so ``nlp.add_pipe("recoupe_timex")`` works for anyone with recoupe
installed.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from recoupe.analyze import entity_ruler, paragraphs, quantities, quotes, timex


def register_components() -> None:
    if not Doc.has_extension("dct"):
        # Document creation time as a TIMEX3 value ("2024-03", "2024-03-05") or None.
        Doc.set_extension("dct", default=None)
    if not Span.has_extension(entity_ruler.EXTENSION):
        # Facts about a mention: gazetteer key, metonymy, demonym, role, repaired name.
        Span.set_extension(entity_ruler.EXTENSION, default=None)
    if not Language.has_factory("recoupe_entities"):
        Language.factory("recoupe_entities", func=entity_ruler.make_entity_ruler)
    if not Language.has_factory("recoupe_paragraphs"):
        Language.factory("recoupe_paragraphs", func=paragraphs.make_paragraphs)
    if not Language.has_factory("recoupe_sentences"):
        Language.factory("recoupe_sentences", func=paragraphs.make_sentence_repair)
    for name in ("quotes", "quantities"):
        if not Doc.has_extension(name):
            # Plain values (lists of dicts) written by recoupe_quotes / recoupe_quantities.
            Doc.set_extension(name, default=None)
    if not Language.has_factory("recoupe_quotes"):
        Language.factory("recoupe_quotes", func=quotes.make_quotes)
    if not Language.has_factory("recoupe_quantities"):
        Language.factory("recoupe_quantities", func=quantities.make_quantities)
    timex.declare_factory()  # recoupe_timex, Span._.timex (type, value, mod, offsets)
    _ = Language
