"""The Dask engine: per-document analysis on a cluster, results as Parquet shards.

The client cuts the documents into chunks of whole spaCy batches and keeps a bounded number
of chunks in flight. Each task analyses one chunk with its worker process's pipeline (loaded
once per process: ``recoupe.analyze.worker``), writes the analyses to one Parquet shard in
``shard_dir`` and returns the shard's path. The client reads the shards back in chunk order;
consolidation then runs where the client runs. ``shard_dir`` must be a folder that the
workers and the client both see (a shared file system) when the workers are other machines.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from recoupe.engine import BATCHES_PER_CHUNK, ProgressHook, chunk_size, chunked
from recoupe.engine.shards import read_shard, shard_name, write_shard
from recoupe.records import DocAnalysis, Document
from recoupe.settings import Settings

IN_FLIGHT_PER_WORKER = 2


def analyze_to_shard(
    documents: Sequence[Document], settings: Settings, path: str
) -> tuple[str, int]:
    """Worker task: analyse one chunk, write its shard, return (path, documents written)."""
    from recoupe.analyze.worker import analyze_chunk

    return path, write_shard(analyze_chunk(documents, settings), Path(path))


@dataclass(frozen=True, slots=True)
class DaskEngine:
    """An ``Analyzer`` running on Dask.

    ``scheduler``: address of a running scheduler (``tcp://host:8786``); None starts a
    ``LocalCluster`` of ``settings.workers`` workers (one thread each; ``processes=False``
    keeps them in this process, for tests). ``shard_dir``: where the shards go; None uses a
    temporary folder, removed afterwards.
    """

    scheduler: str | None = None
    shard_dir: Path | None = None
    processes: bool = True
    batches_per_chunk: int = BATCHES_PER_CHUNK

    def __call__(
        self,
        documents: Sequence[Document],
        settings: Settings,
        progress: ProgressHook | None = None,
    ) -> list[DocAnalysis]:
        if not documents:
            return []
        with self._client(settings) as client, self._shards() as folder:
            paths = self._run(client, documents, settings, folder, progress)
            return [a for path in paths for a in read_shard(path)]

    @contextmanager
    def _client(self, settings: Settings) -> Iterator[Any]:
        from distributed import Client, LocalCluster

        if self.scheduler:
            with Client(self.scheduler) as client:  # type: ignore[no-untyped-call]
                yield client
            return
        with (
            LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=max(1, settings.workers),
                threads_per_worker=1,
                processes=self.processes,
                dashboard_address=None,
            ) as cluster,
            Client(cluster) as client,  # type: ignore[no-untyped-call]
        ):
            yield client

    @contextmanager
    def _shards(self) -> Iterator[Path]:
        if self.shard_dir is not None:
            self.shard_dir.mkdir(parents=True, exist_ok=True)
            for old in self.shard_dir.glob("part-*.parquet"):
                old.unlink()
            yield self.shard_dir
            return
        with tempfile.TemporaryDirectory(prefix="recoupe-shards-") as tmp:
            yield Path(tmp)

    def _run(
        self,
        client: Any,
        documents: Sequence[Document],
        settings: Settings,
        folder: Path,
        progress: ProgressHook | None,
    ) -> list[Path]:
        from distributed import as_completed

        chunks = enumerate(chunked(documents, chunk_size(settings, self.batches_per_chunk)))
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        run = uuid.uuid4().hex[:8]

        def submit(index: int, chunk: Sequence[Document]) -> Any:
            path = str(folder.resolve() / shard_name(index))
            key = f"recoupe-analyze-{run}-{index}"
            return client.submit(analyze_to_shard, chunk, settings, path, key=key)

        first = _take(chunks, IN_FLIGHT_PER_WORKER * workers)
        queue = as_completed([submit(i, c) for i, c in first])  # type: ignore[no-untyped-call]
        written: dict[str, int] = {}
        for future in queue:
            path, count = future.result()
            written[path] = count
            if progress:
                progress(sum(written.values()), len(documents))
            for i, c in _take(chunks, 1):
                queue.add(submit(i, c))  # type: ignore[no-untyped-call]
        return [Path(p) for p in sorted(written)]


Chunk = tuple[int, Sequence[Document]]


def _take(items: Iterator[Chunk], n: int) -> list[Chunk]:
    out: list[Chunk] = []
    for item in items:
        out.append(item)
        if len(out) >= n:
            break
    return out
