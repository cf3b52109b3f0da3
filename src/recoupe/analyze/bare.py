"""The bare model, without recoupe's components: the floor the benchmark measures against."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language


def load_bare_model(model: str) -> Language:
    """The spaCy model exactly as shipped: no component, no extension of ours."""
    return spacy.load(model)


def pipe_bare(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[int]:
    """Run the model over ``texts``, yielding the token count of each document in order.

    Only a count leaves the function, so no ``Doc`` outlives its batch.
    """
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield len(doc)
