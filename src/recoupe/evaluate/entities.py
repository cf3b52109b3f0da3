"""Entity evaluation: mention P/R/F1 (exact span and type) and clustering B-cubed F1.

Gold format (``examples/gold/entities.json``)::

    {"documents": {"<file name>": [
        {"text": "Loire", "occurrence": 3, "type": "LOC", "cluster": "Loire",
         "metonymy": false}, ...]}}

``occurrence`` is the n-th occurrence (from 1) of ``text`` as a substring of the document's
cleaned text. Predicted mentions are typed by their entity, except metonyms (which keep the
type of the word: "Paris" standing for France is a LOC mention); demonyms ("les Irakiens")
are not names and are left out. B-cubed is computed over the gold mentions: a gold mention
without an exactly matching predicted mention counts as a cluster of its own.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from recoupe.consolidate.entities import EntityIndex, canonicalize_entities
from recoupe.records import DocAnalysis, Document
from recoupe.settings import Settings

Key = tuple[str, int, int]  # (document file name, start, end)


@dataclass(frozen=True, slots=True)
class GoldMention:
    doc: str  # file name
    start: int
    end: int
    text: str
    type: str
    cluster: str
    metonymy: bool = False


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4)}


def _nth(text: str, needle: str, n: int) -> int:
    index = -1
    for _ in range(n):
        index = text.find(needle, index + 1)
        if index < 0:
            return -1
    return index


def resolve_gold(
    raw: Mapping[str, Sequence[Mapping[str, Any]]], texts: Mapping[str, str]
) -> tuple[list[GoldMention], list[str]]:
    """Gold items placed in the documents' texts, and those that could not be placed."""
    placed, unresolved = [], []
    for name, items in raw.items():
        text = texts.get(name)
        for item in items:
            start = -1 if text is None else _nth(text, item["text"], int(item["occurrence"]))
            if start < 0:
                unresolved.append(f"{name}: {item['text']!r} #{item['occurrence']}")
                continue
            end = start + len(item["text"])
            placed.append(
                GoldMention(
                    name,
                    start,
                    end,
                    item["text"],
                    item["type"],
                    item["cluster"],
                    bool(item.get("metonymy", False)),
                )
            )
    return placed, unresolved


def predicted_mentions(
    analyses: Sequence[DocAnalysis], names: Mapping[str, str]
) -> dict[Key, tuple[str, str, bool]]:
    """(file, start, end) -> (type, entity id, metonymy) for each predicted name mention."""
    entities = canonicalize_entities(analyses)
    index = EntityIndex(entities)
    types = {e.id: e.type for e in entities}
    out: dict[Key, tuple[str, str, bool]] = {}
    for analysis in analyses:
        for m in analysis.mentions:
            if m.demonym or analysis.doc not in names:
                continue
            eid = index.entity_at(m.doc, m.start, m.end) or ""
            label = m.label if m.metonymy else types.get(eid, m.label)
            out[(names[analysis.doc], m.start, m.end)] = (label, eid, m.metonymy)
    return out


def bcubed(
    gold: Sequence[GoldMention], predicted: Mapping[Key, tuple[str, str, bool]]
) -> dict[str, float]:
    """B-cubed precision, recall and F1 of the predicted clusters over the gold mentions."""
    if not gold:
        return _prf(0, 0, 0)
    pred_of: dict[Key, str] = {}
    for g in gold:
        hit = predicted.get((g.doc, g.start, g.end))
        pred_of[(g.doc, g.start, g.end)] = hit[1] if hit else f"missing:{g.doc}:{g.start}"
    gold_sets: dict[str, set[Key]] = defaultdict(set)
    pred_sets: dict[str, set[Key]] = defaultdict(set)
    for g in gold:
        key = (g.doc, g.start, g.end)
        gold_sets[g.cluster].add(key)
        pred_sets[pred_of[key]].add(key)
    p_sum = r_sum = 0.0
    for g in gold:
        key = (g.doc, g.start, g.end)
        common = len(gold_sets[g.cluster] & pred_sets[pred_of[key]])
        p_sum += common / len(pred_sets[pred_of[key]])
        r_sum += common / len(gold_sets[g.cluster])
    p, r = p_sum / len(gold), r_sum / len(gold)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4)}


def score_entities(
    documents: Sequence[Document],
    analyses: Sequence[DocAnalysis],
    raw_gold: Mapping[str, Sequence[Mapping[str, Any]]],
) -> dict[str, Any]:
    """Scores of analysed documents against raw gold items (keyed by file name)."""
    names = {d.id: Path(d.path).name for d in documents}
    texts = {Path(d.path).name: d.text for d in documents}
    gold, unresolved = resolve_gold(raw_gold, texts)
    scored = set(raw_gold)
    predicted = {k: v for k, v in predicted_mentions(analyses, names).items() if k[0] in scored}
    gold_typed = {(g.doc, g.start, g.end): g for g in gold}
    tp = [k for k, v in predicted.items() if k in gold_typed and gold_typed[k].type == v[0]]
    span_tp = [k for k in predicted if k in gold_typed]
    metonyms = [g for g in gold if g.metonymy]
    text_of = {d.id: d.text for d in documents}
    by_name = {Path(d.path).name: d.id for d in documents}
    return {
        "documents": len(scored),
        "gold": len(gold),
        "predicted": len(predicted),
        "mentions": _prf(len(tp), len(predicted), len(gold)),
        "spans": _prf(len(span_tp), len(predicted), len(gold)),
        "by_type": _by_type(gold, predicted),
        "bcubed": bcubed(gold, predicted),
        "metonymy": {
            "gold": len(metonyms),
            "found": sum(
                1 for g in metonyms if predicted.get((g.doc, g.start, g.end), ("", "", False))[2]
            ),
        },
        "unresolved": unresolved,
        "missed": sorted(
            f"{g.doc}: {g.text!r} {g.type}" for g in gold if (g.doc, g.start, g.end) not in tp
        ),
        "spurious": sorted(
            f"{k[0]}: {text_of[by_name[k[0]]][k[1] : k[2]]!r} {v[0]}"
            for k, v in predicted.items()
            if k not in set(tp)
        ),
    }


def _by_type(
    gold: Sequence[GoldMention], predicted: Mapping[Key, tuple[str, str, bool]]
) -> dict[str, dict[str, float]]:
    gold_types = {(g.doc, g.start, g.end): g.type for g in gold}
    n_gold = Counter(g.type for g in gold)
    n_pred = Counter(v[0] for v in predicted.values())
    tp = Counter(v[0] for k, v in predicted.items() if gold_types.get(k) == v[0])
    return {t: _prf(tp[t], n_pred[t], n_gold[t]) for t in sorted(set(n_gold) | set(n_pred))}


def evaluate_entities(
    corpus_dir: str | Path,
    gold_path: str | Path,
    settings: Settings | None = None,
    nlp: Any = None,
) -> dict[str, Any]:
    """Run the pipeline on a corpus folder and score its entities against a gold file.

    ``nlp`` is a loaded pipeline to reuse (``recoupe.analyze.pipeline.load_pipeline``)."""
    from recoupe.analyze.pipeline import analyze_documents, load_pipeline
    from recoupe.ingest import load_inputs

    settings = settings or Settings()
    raw = json.loads(Path(gold_path).read_text(encoding="utf-8"))["documents"]
    ingested = load_inputs([Path(corpus_dir)], settings)
    documents = list(ingested.documents)
    nlp = nlp or load_pipeline(settings)
    analyses = list(analyze_documents(documents, nlp, settings))
    return score_entities(documents, analyses, raw)


def format_scores(scores: Mapping[str, Any]) -> str:
    """The scores as a few readable lines."""

    def row(name: str, s: Mapping[str, float]) -> str:
        return f"{name:<22} P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}"

    lines = [
        f"{scores['documents']} documents, {scores['gold']} gold mentions, "
        f"{scores['predicted']} predicted",
        row("mentions (span+type)", scores["mentions"]),
        row("spans only", scores["spans"]),
        *(row(f"  {t}", s) for t, s in scores["by_type"].items()),
        row("clusters (B-cubed)", scores["bcubed"]),
        f"metonyms found: {scores['metonymy']['found']}/{scores['metonymy']['gold']}",
    ]
    for title in ("unresolved", "missed", "spurious"):
        if scores[title]:
            lines.append(f"{title}:")
            lines.extend(f"  {item}" for item in scores[title])
    return "\n".join(lines)
