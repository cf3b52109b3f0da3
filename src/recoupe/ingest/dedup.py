"""Stable ids, and duplicates linked by ``duplicate_of`` (never dropped).

- The id is ``d-`` + the first 12 hex digits of the SHA-1 of the cleaned text; a text
  seen before gets the hash of its text and path instead, so ids stay unique.
- Exact duplicates: same cleaned text as an earlier document.
- Near duplicates: Jaccard similarity of word 3-shingles at or above
  ``settings.near_duplicate_threshold``. Candidates come from MinHash LSH (datasketch), so
  the cost grows with the number of documents, not its square; each candidate is then
  checked against the exact Jaccard of the two shingle sets.

``duplicate_of`` always names the earliest matching document that is itself an original,
so duplicates form flat groups around one original.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH

from recoupe.records import Document

NUM_PERM = 64
SHINGLE = 3
LSH_MARGIN = 0.15  # the LSH gathers candidates below the threshold; the exact check decides
_WORD = re.compile(r"\w+")
_MIX = 0x9E3779B1  # an odd multiplier (golden ratio); uint64 arithmetic wraps

Shingles = npt.NDArray[np.uint32]


def link_duplicates(documents: Sequence[Document], threshold: float) -> list[Document]:
    """``documents`` in the same order, with ids and ``duplicate_of`` set."""
    ids = assign_ids(documents)
    exact = _exact_duplicates(documents)
    near = _near_duplicates(documents, exact, threshold)
    out = []
    for index, document in enumerate(documents):
        first = exact.get(index)  # an exact copy points where its first copy points
        original = near.get(first, first) if first is not None else near.get(index)
        duplicate_of = ids[original] if original is not None else None
        out.append(replace(document, id=ids[index], duplicate_of=duplicate_of))
    return out


def assign_ids(documents: Sequence[Document]) -> list[str]:
    ids: list[str] = []
    used: set[str] = set()
    for document in documents:
        candidate = "d-" + _sha1(document.text)[:12]
        if candidate in used:
            candidate = "d-" + _sha1(document.text + "\n" + document.path)[:12]
        base, number = candidate, 1
        while candidate in used:  # the same file given twice
            number += 1
            candidate = f"{base}-{number}"
        used.add(candidate)
        ids.append(candidate)
    return ids


def _exact_duplicates(documents: Sequence[Document]) -> dict[int, int]:
    """Index of a document -> index of the first document with the same text."""
    first: dict[str, int] = {}
    out: dict[int, int] = {}
    for index, document in enumerate(documents):
        digest = _sha1(document.text)
        if digest in first:
            out[index] = first[digest]
        else:
            first[digest] = index
    return out


def _near_duplicates(
    documents: Sequence[Document], exact: dict[int, int], threshold: float
) -> dict[int, int]:
    """Index of a document -> index of the earlier original it nearly repeats."""
    candidates = [i for i in range(len(documents)) if i not in exact]
    sets = {i: shingles(documents[i].text) for i in candidates}
    usable = [i for i in candidates if len(sets[i])]
    hashes = MinHash.bulk((sets[i] for i in usable), num_perm=NUM_PERM, hashfunc=int)
    lsh = MinHashLSH(threshold=max(0.05, threshold - LSH_MARGIN), num_perm=NUM_PERM)
    out: dict[int, int] = {}
    for index, minhash in zip(usable, hashes, strict=True):
        matches = sorted(
            other for other in lsh.query(minhash) if jaccard(sets[index], sets[other]) >= threshold
        )
        if matches:
            out[index] = matches[0]
        else:
            lsh.insert(index, minhash)
    return out


def shingles(text: str) -> Shingles:
    """Sorted unique 32-bit hashes of the text's word 3-shingles (lower-cased).

    Each word is hashed once (CRC-32, stable across runs); a shingle's hash mixes the
    hashes of its words by position, so the work is vectorised.
    """
    words = _WORD.findall(text.casefold())
    if not words:
        return np.empty(0, dtype=np.uint32)
    cache: dict[str, int] = {}
    codes = np.fromiter(
        (cache.get(w) or cache.setdefault(w, zlib.crc32(w.encode("utf-8"))) for w in words),
        dtype=np.uint64,
        count=len(words),
    )
    width = min(SHINGLE, len(codes))
    count = len(codes) - width + 1
    mixed = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        mixed = mixed * np.uint64(_MIX) + codes[offset : offset + count]
    return np.unique((mixed ^ (mixed >> np.uint64(32))).astype(np.uint32))


def jaccard(first: Shingles, second: Shingles) -> float:
    if not len(first) or not len(second):
        return 0.0
    common = len(np.intersect1d(first, second, assume_unique=True))
    return common / (len(first) + len(second) - common)


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
