"""One options object for a run, passed through the stages instead of keyword soup."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = "fr_core_news_md"
    max_bytes: int = DEFAULT_MAX_BYTES  # larger inputs are skipped with a reason
    batch_size: int = 16
    chunk_chars: int = 100_000  # longer texts are analysed in pieces cut at paragraphs
    workers: int = 1
    near_duplicate_threshold: float = 0.8  # MinHash Jaccard above which texts are near dups
    summary_sentences: int = 6
    max_dates: int | None = None  # limit the timeline to the best-ranked dates
    quiet: bool = False
