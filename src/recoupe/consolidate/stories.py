"""Split a mixed pile of articles (a feed's worth) into stories.

Single-pass clustering, as in topic detection and tracking: documents are taken in date
order; each joins the open story it is most similar to, or opens a new one. Similarity mixes
what the texts say (TF-IDF cosine of content words) and who and where they are about
(cosine of the entities they mention, weighted by rarity). A story stays open while it keeps
receiving articles: one whose latest article is more than ``window_days`` older than the
document at hand is closed to it. Undated documents come last and may join any story.
Comparing a document with each open story's centroid, rather than with every document, keeps
the cost linear in the number of documents times the number of open stories, and avoids the
chaining of single-link clustering.
"""

from __future__ import annotations

import calendar
import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from recoupe.consolidate.similarity import TfIdf, Vector, content_terms, fold, normalize
from recoupe.records import DocAnalysis, Document

Days = tuple[int, int] | None  # first and last day (ordinals) a document's date may be


@dataclass(frozen=True, slots=True)
class StoryOptions:
    window_days: int = 30  # a story with no article for this long takes no new one
    threshold: float = 0.1  # least similarity to join a story
    text_weight: float = 0.5  # share of the text cosine; the rest is the entity cosine
    max_terms: int = 300  # the centroid keeps this many heaviest terms


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    documents: tuple[str, ...]  # document ids, in input order
    label: str  # the names most of its documents mention
    first_date: str | None
    last_date: str | None


@dataclass(slots=True)
class _Centroid:
    """A sum of unit vectors, with its norm kept up to date."""

    total: Vector
    norm: float = 1.0

    def add(self, vec: Vector, cap: int) -> None:
        for t, v in vec.items():
            self.total[t] = self.total.get(t, 0.0) + v
        if len(self.total) > 2 * cap:
            self.total = dict(sorted(self.total.items(), key=lambda tv: (-tv[1], tv[0]))[:cap])
        self.norm = math.sqrt(sum(v * v for v in self.total.values()))

    def cosine(self, vec: Vector) -> float:
        if not self.norm:
            return 0.0
        total = self.total
        return sum(v * total.get(t, 0.0) for t, v in vec.items()) / self.norm


@dataclass(slots=True)
class _Cluster:
    members: list[int]
    text: _Centroid
    entities: _Centroid
    last_day: int | None  # the last day its latest article may be from

    def add(self, index: int, text: Vector, entities: Vector, days: Days, cap: int) -> None:
        self.members.append(index)
        self.text.add(text, cap)
        self.entities.add(entities, cap)
        if days is not None:
            last = days[1]
            self.last_day = last if self.last_day is None else max(self.last_day, last)


def split_stories(
    documents: Sequence[Document],
    analyses: Sequence[DocAnalysis],
    options: StoryOptions | None = None,
) -> tuple[Story, ...]:
    """The stories in ``documents``, largest first; every document is in exactly one."""
    options = options or StoryOptions()
    if not documents:
        return ()
    texts = _text_vectors(documents)
    mentioned = _mentioned(documents, analyses)
    entities = _entity_vectors(mentioned)
    days = [_days(d.date.value) for d in documents]
    clusters: list[_Cluster] = []
    for i in _date_order(days):
        best = _best_cluster(clusters, texts[i], entities[i], days[i], options)
        if best is None:
            new = _Cluster([], _Centroid({}), _Centroid({}), None)
            new.add(i, texts[i], entities[i], days[i], options.max_terms)
            clusters.append(new)
        else:
            best.add(i, texts[i], entities[i], days[i], options.max_terms)
    groups = _keep_duplicates_together(documents, [sorted(c.members) for c in clusters])
    return tuple(_story(documents, g, mentioned) for g in groups)


def _best_cluster(
    clusters: Sequence[_Cluster],
    text: Vector,
    entities: Vector,
    days: Days,
    options: StoryOptions,
) -> _Cluster | None:
    best: tuple[float, int] | None = None
    for k, cluster in enumerate(clusters):
        last = cluster.last_day
        if days is not None and last is not None and days[0] - last > options.window_days:
            continue
        weight = options.text_weight
        score = weight * cluster.text.cosine(text) + (1 - weight) * cluster.entities.cosine(
            entities
        )
        if score >= options.threshold and (best is None or score > best[0]):
            best = (score, k)
    return clusters[best[1]] if best else None


def _text_vectors(documents: Sequence[Document]) -> list[Vector]:
    terms = [content_terms(d.text) for d in documents]
    tfidf = TfIdf(terms)
    return [tfidf.vector(t) for t in terms]


def _mentioned(
    documents: Sequence[Document], analyses: Sequence[DocAnalysis]
) -> list[Counter[tuple[str, str]]]:
    """Per document, how often it names each entity: (key or folded name, surface form)."""
    by_doc = {a.doc: a for a in analyses}
    out: list[Counter[tuple[str, str]]] = []
    for document in documents:
        analysis = by_doc.get(document.id)
        mentions = analysis.mentions if analysis else ()
        out.append(Counter((m.key or fold(m.text), m.text) for m in mentions))
    return out


def _entity_vectors(mentioned: Sequence[Counter[tuple[str, str]]]) -> list[Vector]:
    """Per document, its entities weighted by count and rarity (inverse document frequency)."""
    counts: list[Counter[str]] = []
    for found in mentioned:
        keys: Counter[str] = Counter()
        for (key, _), c in found.items():
            keys[key] += c
        counts.append(keys)
    df = Counter(key for c in counts for key in c)
    n = len(counts)
    return [
        normalize({k: (1 + math.log(c)) * math.log((1 + n) / (1 + df[k])) for k, c in cs.items()})
        for cs in counts
    ]


def _days(value: str | None) -> Days:
    """First and last day numbers a TIMEX3 date ("2024", "2024-03", "2024-03-05") covers."""
    if not value or not value[:4].isdigit():
        return None
    year = int(value[:4])
    parts = value[5:].split("-") if len(value) > 5 else []
    month = int(parts[0]) if parts and parts[0].isdigit() and 1 <= int(parts[0]) <= 12 else None
    if month is None:
        return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    last = calendar.monthrange(year, month)[1]
    day = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    if day is None or not 1 <= day <= last:
        return date(year, month, 1).toordinal(), date(year, month, last).toordinal()
    return date(year, month, day).toordinal(), date(year, month, day).toordinal()


def _date_order(days: Sequence[Days]) -> list[int]:
    dated = sorted((d, i) for i, d in enumerate(days) if d is not None)
    return [i for _, i in dated] + [i for i, d in enumerate(days) if d is None]


def _keep_duplicates_together(
    documents: Sequence[Document], groups: list[list[int]]
) -> list[list[int]]:
    """A near-duplicate goes to the story of the document it repeats."""
    index = {d.id: i for i, d in enumerate(documents)}
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    for i, document in enumerate(documents):
        original = index.get(document.duplicate_of or "")
        if original is not None and group_of[original] != group_of[i]:
            group_of[i] = group_of[original]
    regrouped: dict[int, list[int]] = defaultdict(list)
    for i in range(len(documents)):
        regrouped[group_of[i]].append(i)
    return sorted(regrouped.values(), key=lambda members: (-len(members), members[0]))


def _story(
    documents: Sequence[Document],
    members: Sequence[int],
    mentioned: Sequence[Counter[tuple[str, str]]],
    label_size: int = 3,
) -> Story:
    ids = tuple(documents[i].id for i in members)
    dates = sorted(v for i in members if (v := documents[i].date.value))
    digest = hashlib.sha1("\n".join(sorted(ids)).encode()).hexdigest()[:10]
    return Story(
        id=f"s-{digest}",
        documents=ids,
        label=_label([mentioned[i] for i in members], label_size),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
    )


def _label(mentioned: Sequence[Counter[tuple[str, str]]], size: int) -> str:
    """The entities named by most documents of a story, each as it is most often written."""
    docs: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for found in mentioned:
        docs.update({key for key, _ in found})
        for (key, form), c in found.items():
            forms[key][form] += c
    top = sorted(docs.items(), key=lambda kc: (-kc[1], kc[0]))[:size]
    return ", ".join(min(forms[k].items(), key=lambda fc: (-fc[1], fc[0]))[0] for k, _ in top)


def purity(clusters: Iterable[Sequence[str]], gold: Mapping[str, str]) -> float:
    """Share of documents whose cluster's majority gold label is their own."""
    total = correct = 0
    for members in clusters:
        labels = Counter(gold[m] for m in members)
        total += len(members)
        correct += max(labels.values(), default=0)
    return correct / total if total else 0.0


def inverse_purity(clusters: Sequence[Sequence[str]], gold: Mapping[str, str]) -> float:
    """Share of documents in the cluster holding most of their gold story (penalises splits)."""
    by_label: dict[str, list[str]] = defaultdict(list)
    for doc, label in gold.items():
        by_label[label].append(doc)
    total = sum(len(docs) for docs in by_label.values())
    best = 0
    for docs in by_label.values():
        wanted = set(docs)
        best += max((len(wanted.intersection(c)) for c in clusters), default=0)
    return best / total if total else 0.0
