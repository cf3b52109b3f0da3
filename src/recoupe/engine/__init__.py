"""How the per-document analysis runs: in this process, in K local processes, or on Dask.

Every engine is an ``Analyzer``: documents in, one ``DocAnalysis`` per document out, in input
order. Batches of ``settings.batch_size`` documents are never split across workers, so each
document meets the model in the same batch whatever the engine: the dossier is the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from recoupe.records import DocAnalysis, Document
from recoupe.settings import Settings

T = TypeVar("T")

ProgressHook = Callable[[int, int], None]  # (documents done, documents in all)
Analyzer = Callable[[Sequence[Document], Settings, ProgressHook | None], list[DocAnalysis]]

BATCHES_PER_CHUNK = 4  # a worker's unit of work: this many spaCy batches


def chunk_size(settings: Settings, batches_per_chunk: int = BATCHES_PER_CHUNK) -> int:
    """Documents per chunk: whole batches only, so batches match the single-process run."""
    return max(1, settings.batch_size) * max(1, batches_per_chunk)


def chunked(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


ENGINES = ("local", "dask")


def engine_named(
    name: str, scheduler: str | None = None, shard_dir: Path | None = None
) -> Analyzer | None:
    """The analyzer for an engine name: None for "local" (this process, or
    ``settings.workers`` processes), a ``DaskEngine`` for "dask"."""
    if name not in ENGINES:
        raise ValueError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
    if name == "local":
        if scheduler or shard_dir:
            raise ValueError("--scheduler and --shard-dir go with --engine dask")
        return None
    from recoupe.engine.cluster import DaskEngine

    return DaskEngine(scheduler=scheduler, shard_dir=shard_dir)


__all__ = ["ENGINES", "Analyzer", "ProgressHook", "chunk_size", "chunked", "engine_named"]
