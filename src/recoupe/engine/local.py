"""Local parallelism: K worker processes, each loading the model once.

A process pool rather than spaCy's ``n_process``: our components and the conversion to
records run in the workers too, and only plain records come back (``Doc`` objects never
cross a process boundary). At most two chunks per worker are in flight, so memory stays
flat however many documents there are.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context

from recoupe.engine import BATCHES_PER_CHUNK, ProgressHook, chunk_size, chunked
from recoupe.records import DocAnalysis, Document
from recoupe.settings import Settings


def analyze_with_processes(
    documents: Sequence[Document],
    settings: Settings,
    progress: ProgressHook | None = None,
    batches_per_chunk: int = BATCHES_PER_CHUNK,
) -> list[DocAnalysis]:
    """The analyses of ``documents`` in input order, computed by ``settings.workers`` processes."""
    from recoupe.analyze.worker import analyze_chunk

    workers = max(1, settings.workers)
    out: list[DocAnalysis] = []
    pending: deque[Future[list[DocAnalysis]]] = deque()
    chunks = chunked(documents, chunk_size(settings, batches_per_chunk))
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        for chunk in chunks:
            pending.append(pool.submit(analyze_chunk, chunk, settings))
            if len(pending) >= 2 * workers:
                _collect(pending.popleft(), out, len(documents), progress)
        while pending:
            _collect(pending.popleft(), out, len(documents), progress)
    return out


def _collect(
    future: Future[list[DocAnalysis]],
    out: list[DocAnalysis],
    total: int,
    progress: ProgressHook | None,
) -> None:
    out.extend(future.result())
    if progress:
        progress(len(out), total)
