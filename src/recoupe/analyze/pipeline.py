"""Load the model once, run documents through it in batches, return plain records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from recoupe.analyze.chunking import split_for_model
from recoupe.analyze.compounds import keep_compounds
from recoupe.analyze.doctext import remember_text
from recoupe.analyze.extract import analysis_from_doc, merge_analyses
from recoupe.analyze.guard import doc_errors, record_error
from recoupe.analyze.registrations import register_components
from recoupe.records import DocAnalysis, Document
from recoupe.settings import Settings

# Our components, in pipeline order, added after the model's own (name -> factory).
COMPONENTS: tuple[str, ...] = (
    "recoupe_entities",
    "recoupe_timex",
    "recoupe_quotes",
    "recoupe_quantities",
)


def load_pipeline(settings: Settings) -> Language:
    """The model with recoupe's components, loaded once per process."""
    register_components()
    nlp = spacy.load(settings.model)
    keep_compounds(nlp)  # "l'état-major" is one noun, not "l'état" and "major"
    if "parser" in nlp.pipe_names and "recoupe_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("recoupe_paragraphs", before="parser")  # line breaks end sentences
    if "parser" in nlp.pipe_names and "recoupe_sentences" not in nlp.pipe_names:
        nlp.add_pipe("recoupe_sentences", after="parser")  # no sentence opens on ", a dit"
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def _prepare(nlp: Language, text: str, dct: str | None) -> Doc:
    doc = remember_text(nlp.make_doc(text), text)
    doc._.dct = dct
    return doc


def analyze_documents(
    documents: Iterable[Document], nlp: Language, settings: Settings
) -> Iterator[DocAnalysis]:
    """Analyse documents in batches, yielding one ``DocAnalysis`` per document, in order.

    Texts longer than the model's ``max_length`` are cut at paragraph boundaries; the
    pieces' records are shifted back to offsets in the whole text. One of our components
    failing on one document is recorded in ``errors`` (``analyze/guard.py``) and the rest
    goes on; the model itself failing makes the batch run again one document at a time.
    """
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= settings.batch_size:
            yield from _analyze_batch(batch, nlp, settings)
            batch = []
    if batch:
        yield from _analyze_batch(batch, nlp, settings)


def _analyze_batch(
    batch: list[Document], nlp: Language, settings: Settings
) -> Iterator[DocAnalysis]:
    pieces: list[tuple[int, int]] = []  # (index in batch, offset of the piece)
    docs: list[Doc] = []
    limit = min(nlp.max_length, settings.chunk_chars)
    for i, document in enumerate(batch):
        for offset, piece in split_for_model(document.text, limit):
            pieces.append((i, offset))
            docs.append(_prepare(nlp, piece, document.date.value))
    parts: list[list[DocAnalysis]] = [[] for _ in batch]
    try:
        processed = list(nlp.pipe(docs, batch_size=settings.batch_size))
    except Exception:  # noqa: BLE001 - one bad document must not lose the batch: retry singly
        # on fresh Docs: the failed pass has already annotated some of them
        processed = [_process_alone(nlp, _prepare(nlp, d.text, d._.dct)) for d in docs]
    for (i, offset), sdoc in zip(pieces, processed, strict=True):
        analysis = analysis_from_doc(sdoc, batch[i].id, offset)
        errors = doc_errors(sdoc)
        if errors:
            analysis = replace(analysis, errors=(*analysis.errors, *errors))
        parts[i].append(analysis)
    for i, document in enumerate(batch):
        yield merge_analyses(document.id, parts[i])


def _process_alone(nlp: Language, doc: Doc) -> Doc:
    try:
        return nlp(doc)
    except Exception as err:  # noqa: BLE001 - recorded, never silent
        record_error(doc, None, err)  # the model or a component not ours
        return doc
