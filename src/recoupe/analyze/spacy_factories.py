"""Targets of the ``spacy_factories`` entry points.

spaCy imports this module the first time someone asks for one of our components by name
(``nlp.add_pipe("recoupe_timex")`` with recoupe installed but never imported). Importing it
declares the factories and extensions, which is its only purpose: the component modules
themselves stay free of import side effects.
"""

from __future__ import annotations

from recoupe.analyze.entity_ruler import make_entity_ruler
from recoupe.analyze.paragraphs import make_paragraphs, make_sentence_repair
from recoupe.analyze.quantities import make_quantities
from recoupe.analyze.quotes import make_quotes
from recoupe.analyze.registrations import register_components
from recoupe.analyze.timex import make_timex

register_components()

__all__ = [
    "make_entity_ruler",
    "make_paragraphs",
    "make_quantities",
    "make_quotes",
    "make_sentence_repair",
    "make_timex",
]
