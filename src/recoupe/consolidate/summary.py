"""An extractive summary: a few central sentences covering the story, each with its sources.

Sentences that several outlets print almost word for word are merged first (one candidate,
all sources). Each candidate is scored for centrality (cosine with the centroid of the
documents, each document weighing the same), coverage (how many documents carry it) and
position (news put the essential first); then maximal marginal relevance picks
``settings.summary_sentences`` of them, skipping any too close to one already chosen.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from recoupe.consolidate.clauses import clean_sentences, is_heading, reads_alone
from recoupe.consolidate.periods import parse_period
from recoupe.consolidate.similarity import (
    SentenceIndex,
    TfIdf,
    Vector,
    centroid,
    content_terms,
    cosine,
)
from recoupe.records import DocAnalysis, Document, Source, Span, SummarySentence
from recoupe.settings import Settings

DUPLICATE_SIM = 0.7  # cosine above which two sentences from different documents are one
REDUNDANT_SIM = 0.45  # a candidate this close to a chosen sentence is never chosen
MMR_LAMBDA = 0.7
MIN_WORDS, MAX_WORDS = 8, 60
_ENDS = re.compile(r"[.!»\"”)…]$")


@dataclass(slots=True)
class Candidate:
    """A sentence, or several near-identical ones from different documents."""

    members: list[Span]
    vector: Vector
    position: int  # best position of a member in its document (0 = first sentence)
    score: float = 0.0

    @property
    def text(self) -> str:
        return self.members[0].text

    @property
    def docs(self) -> set[str]:
        return {m.doc for m in self.members}


def usable(sentence: Span) -> bool:
    """Full declarative sentences of reasonable length (no headings, no questions)."""
    n = len(sentence.text.split())
    return MIN_WORDS <= n <= MAX_WORDS and _ENDS.search(sentence.text.rstrip()) is not None


def candidates(documents: Sequence[Document], analyses: Sequence[DocAnalysis]) -> list[Candidate]:
    """Usable sentences of the documents that are not duplicates, near repeats merged."""
    texts = {d.id: d.text for d in documents if d.duplicate_of is None}
    spans: list[tuple[Span, int]] = []
    for analysis in analyses:
        if analysis.doc in texts:
            text = texts[analysis.doc]
            ordered = clean_sentences(text, analysis.sentences)
            spans.extend(
                (s, i)
                for i, s in enumerate(ordered)
                # a summary sentence reads alone: not "Parmi eux figurent…" (whom?)
                if usable(s) and not is_heading(text, s) and reads_alone(s.text)
            )
    terms = [content_terms(s.text) for s, _ in spans]
    tfidf = TfIdf(terms)
    vectors = [tfidf.vector(t) for t in terms]
    return merge_repeats(spans, vectors)


def merge_repeats(spans: Sequence[tuple[Span, int]], vectors: Sequence[Vector]) -> list[Candidate]:
    """One candidate per group of near-identical sentences from different documents."""
    index = SentenceIndex(vectors)
    owner: dict[int, Candidate] = {}
    out: list[Candidate] = []
    for i, (span, position) in enumerate(spans):
        if i in owner:
            continue
        cand = Candidate([span], vectors[i], position)
        owner[i] = cand
        out.append(cand)
        for j, _ in index.similar(vectors[i], DUPLICATE_SIM, skip=owner):
            other, other_position = spans[j]
            if j not in owner and other.doc not in cand.docs:
                owner[j] = cand
                cand.members.append(other)
                cand.position = min(cand.position, other_position)
    return out


def score_candidates(cands: Sequence[Candidate]) -> None:
    """Centrality to the documents' balanced centroid, times coverage and position."""
    per_doc: dict[str, list[Vector]] = {}
    for c in cands:
        for doc in c.docs:
            per_doc.setdefault(doc, []).append(c.vector)
    center = centroid(centroid(vs) for vs in per_doc.values())
    for c in cands:
        coverage = 1.0 + 0.25 * (len(c.docs) - 1)
        position = 1.0 + 0.3 / (1 + c.position)
        c.score = cosine(c.vector, center) * coverage * position


def select_mmr(
    cands: Sequence[Candidate], k: int, lam: float = MMR_LAMBDA, redundant: float = REDUNDANT_SIM
) -> list[Candidate]:
    """Maximal marginal relevance: good candidates that are unlike those already chosen."""
    chosen: list[Candidate] = []
    pool = sorted(cands, key=lambda c: -c.score)
    while pool and len(chosen) < k:
        best: tuple[float, int] | None = None
        for i, c in enumerate(pool):
            overlap = max((cosine(c.vector, s.vector) for s in chosen), default=0.0)
            if overlap >= redundant:
                continue
            value = lam * c.score - (1 - lam) * overlap
            if best is None or value > best[0]:
                best = (value, i)
        if best is None:
            break
        chosen.append(pool.pop(best[1]))
    return chosen


def build_summary(
    documents: Sequence[Document], analyses: Sequence[DocAnalysis], settings: Settings
) -> tuple[SummarySentence, ...]:
    """``settings.summary_sentences`` sentences in reading order (document date, position)."""
    cands = candidates(documents, analyses)
    score_candidates(cands)
    chosen = select_mmr(cands, max(1, settings.summary_sentences))
    order = _document_order(documents)
    chosen.sort(key=lambda c: (order.get(c.members[0].doc, (0.0, 0)), c.members[0].start))
    return tuple(
        SummarySentence(c.text, tuple(Source(m.doc, m.start, m.end) for m in c.members))
        for c in chosen
    )


def _document_order(documents: Sequence[Document]) -> dict[str, tuple[float, int]]:
    out: dict[str, tuple[float, int]] = {}
    for i, d in enumerate(documents):
        period = parse_period(d.date.value)
        out[d.id] = (period.mid if period else float("inf"), i)
    return out
