"""The size limit on inputs, and the reason given when one is over it."""

from __future__ import annotations


def too_large(size: int, limit: int, what: str = "file") -> str | None:
    """Why ``size`` bytes are refused under ``limit``, or ``None`` when they fit."""
    if size <= limit:
        return None
    return (
        f"{what} too large: {size:,} bytes ({_mb(size)}) is over the limit of "
        f"{limit:,} bytes ({_mb(limit)}); raise it with --max-bytes"
    )


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
