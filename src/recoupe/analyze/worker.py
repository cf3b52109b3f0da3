"""What a worker (a local process, a Dask worker) runs: one chunk of documents at a time.

The pipeline is loaded once per process and kept for the process's life. Threads of one
process share it and take turns (a lock): run parallel workers as processes, one thread each.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import cache

from spacy.language import Language

from recoupe.analyze.pipeline import analyze_documents, load_pipeline
from recoupe.records import DocAnalysis, Document
from recoupe.settings import Settings

_LOADING = threading.Lock()


@cache
def _model(settings: Settings) -> tuple[Language, threading.Lock]:
    return load_pipeline(settings), threading.Lock()


def process_model(settings: Settings) -> tuple[Language, threading.Lock]:
    """This process's pipeline for ``settings`` and the lock guarding its use."""
    with _LOADING:
        return _model(settings)


def analyze_chunk(documents: Sequence[Document], settings: Settings) -> list[DocAnalysis]:
    """The analyses of ``documents``, in order, with this process's pipeline."""
    nlp, lock = process_model(settings)
    with lock:
        return list(analyze_documents(documents, nlp, settings))
