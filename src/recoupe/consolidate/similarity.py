"""Comparing sentences without a model: folded content words, TF-IDF, cosine.

A deliberately small implementation (no scikit-learn): sentences become sparse vectors of
crudely stemmed content words weighted by inverse document frequency. It is enough to tell
that two outlets report the same thing, and fast enough for thousands of sentences.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Container, Iterable, Sequence
from functools import cache

from recoupe.consolidate.lexicon import data_lines

Vector = dict[str, float]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STEM_LENGTH = 7


def fold(text: str) -> str:
    """Lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def stopwords() -> frozenset[str]:
    return frozenset(data_lines("stopwords_fr.txt"))


def stem(word: str) -> str:
    """A crude French stem: no plural mark, at most seven letters."""
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    return word[:_STEM_LENGTH]


def words(text: str) -> list[str]:
    """Folded words, in order (digits kept: "2 500" gives "2" and "500")."""
    return _WORD.findall(fold(text))


def content_terms(text: str) -> list[str]:
    """Stemmed words that carry meaning (no stop word, no one-letter word)."""
    stops = stopwords()
    return [stem(w) for w in words(text) if len(w) > 1 and w not in stops]


class TfIdf:
    """Inverse document frequencies over a set of texts, and vectors built from them."""

    def __init__(self, texts: Iterable[Sequence[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for terms in texts:
            df.update(set(terms))
            n += 1
        self._n = n
        self._idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}
        self._unseen = math.log(1 + n) + 1.0

    def idf(self, term: str) -> float:
        return self._idf.get(term, self._unseen)

    def vector(self, terms: Sequence[str]) -> Vector:
        counts = Counter(terms)
        vec = {t: (1.0 + math.log(c)) * self.idf(t) for t, c in counts.items()}
        return normalize(vec)


VectorKey = tuple[tuple[str, float], ...]


def vector_key(vec: Vector) -> VectorKey:
    """A hashable form of ``vec``: equal for word-for-word repeats of a sentence."""
    return tuple(sorted(vec.items()))


def normalize(vec: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def centroid_sum(vectors: Iterable[Vector]) -> Vector:
    """The sum of ``vectors`` (not normalised): ``cosine(v, sum)`` is the sum of cosines."""
    total: dict[str, float] = {}
    for vec in vectors:
        for t, v in vec.items():
            total[t] = total.get(t, 0.0) + v
    return total


def centroid(vectors: Iterable[Vector]) -> Vector:
    total: dict[str, float] = {}
    for vec in vectors:
        for t, v in vec.items():
            total[t] = total.get(t, 0.0) + v
    return normalize(total)


class SentenceIndex:
    """Vectors indexed to find those at least ``min_sim`` close to a query, exactly, without
    comparing every pair.

    Prefix filtering (Bayardo et al., "Scaling up all pairs similarity search", 2007): terms
    are ordered rarest first; a vector is indexed under the shortest prefix of its terms
    whose remaining weight has a norm below ``min_sim``. A unit query ``q`` and a stored unit
    vector ``v`` with ``q . v >= min_sim`` must share a term of ``v``'s prefix (the rest of
    ``v`` alone gives less than ``min_sim``), so probing the prefix index with every term of
    the query finds every such vector; the candidates are then scored exactly. Frequent
    words, whose postings are long, sit in the suffixes and are never walked.
    """

    def __init__(self, vectors: Sequence[Vector] = ()) -> None:
        self.vectors: list[Vector] = []
        df: Counter[str] = Counter()
        for vec in vectors:
            df.update(vec.keys())
        # any fixed order is exact; rarest first is fast. Terms first seen in ``add`` rank
        # as the rarest.
        self._rank = {t: (c, t) for t, c in df.items()}
        self._prefixes: dict[float, dict[str, list[int]]] = {}
        # identical vectors (a sentence reprinted word for word) are indexed and scored once:
        # the first of them stands for all
        self._first: dict[VectorKey, int] = {}
        self._copies: dict[int, list[int]] = {}
        for vec in vectors:
            self.add(vec)

    def add(self, vec: Vector) -> int:
        """Store one more vector; its index."""
        i = len(self.vectors)
        self.vectors.append(vec)
        key = vector_key(vec)
        first = self._first.setdefault(key, i)
        self._copies.setdefault(first, []).append(i)
        if first == i:
            for min_sim, index in self._prefixes.items():
                self._index_one(index, i, vec, min_sim)
        return i

    def _key(self, term: str) -> tuple[int, str]:
        return self._rank.get(term, (0, term))

    def _index_one(self, index: dict[str, list[int]], i: int, vec: Vector, min_sim: float) -> None:
        rest = sum(w * w for w in vec.values())  # squared norm of the part not indexed
        for term in sorted(vec, key=self._key):
            if rest < min_sim * min_sim:
                break
            index.setdefault(term, []).append(i)
            rest -= vec[term] * vec[term]

    def _prefix_index(self, min_sim: float) -> dict[str, list[int]]:
        index = self._prefixes.get(min_sim)
        if index is None:
            index = {}
            for first in self._copies:
                self._index_one(index, first, self.vectors[first], min_sim)
            self._prefixes[min_sim] = index
        return index

    def similar(
        self, vec: Vector, min_sim: float, skip: Container[int] = ()
    ) -> list[tuple[int, float]]:
        """Stored vectors (index, cosine) at least ``min_sim`` close to ``vec``, best first;
        those whose index is in ``skip`` are not returned.

        ``vec`` must be normalised (norm 1 or 0), as ``TfIdf.vector`` makes them.
        """
        index = self._prefix_index(min_sim)
        seen: set[int] = set()
        for term in vec:
            seen.update(index.get(term, ()))
        found: list[tuple[int, float]] = []
        for first in seen:
            copies = [i for i in self._copies[first] if i not in skip]
            if not copies:
                continue
            score = cosine(vec, self.vectors[first])
            if score >= min_sim:
                found.extend((i, score) for i in copies)
        found.sort(key=lambda item: (-item[1], item[0]))
        return found
