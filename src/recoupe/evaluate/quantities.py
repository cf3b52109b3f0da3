"""Figure evaluation: P/R/F1 of the figures found, and how right their attributes are.

Gold format (``examples/gold/quantities.json``)::

    {"documents": {"<file name>": [
        {"text": "Plus de 150 évacués", "occurrence": 1, "value": 150,
         "qualifier": "more_than", "unit": "évacué", "low": null, "high": null,
         "place": "Angers", "attribution": "Vigicrues"}, ...]},
     "ages": {"<file name>": [{"text": "38 ans", "occurrence": 1, "value": 38}]}}

``occurrence`` is the n-th occurrence (from 1) of ``text`` in the document's cleaned text.
A predicted figure matches a gold one when their spans overlap (one to one, largest
overlap first); it is right when the value agrees too (the low bound for vague figures,
both bounds for ranges). Unit, qualifier, place and attribution are scored on matches.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from recoupe.evaluate import prf
from recoupe.records import DocAnalysis, Document, Quantity
from recoupe.settings import Settings

_STOP = frozenset({"le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "en", "à"})


@dataclass(frozen=True, slots=True)
class Placed:
    """A gold item placed in its document: ``start``/``end`` into the cleaned text."""

    doc: str  # file name
    start: int
    end: int
    item: Mapping[str, Any]


def place_gold(
    raw: Mapping[str, Sequence[Mapping[str, Any]]], texts: Mapping[str, str]
) -> tuple[list[Placed], list[str]]:
    """Gold items placed in the documents' texts, and those that could not be placed."""
    placed, unresolved = [], []
    for name, items in raw.items():
        text = texts.get(name)
        for item in items:
            start = -1 if text is None else _nth(text, item["text"], int(item["occurrence"]))
            if start < 0:
                unresolved.append(f"{name}: {item['text']!r} #{item['occurrence']}")
                continue
            placed.append(Placed(name, start, start + len(item["text"]), item))
    return placed, unresolved


def _nth(text: str, needle: str, n: int) -> int:
    index = -1
    for _ in range(n):
        index = text.find(needle, index + 1)
        if index < 0:
            return -1
    return index


R = Any  # a predicted record with start/end (Quantity or Quote)


def match_spans(gold: Sequence[Placed], predicted: Sequence[R]) -> list[tuple[Placed, R]]:
    """One-to-one pairs of gold and predicted items whose spans overlap, largest first."""
    pairs = []
    for g in gold:
        for p in predicted:
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                pairs.append((overlap, g, p))
    pairs.sort(key=lambda t: -t[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, g, p in pairs:
        if id(g) in used_g or id(p) in used_p:
            continue
        used_g.add(id(g))
        used_p.add(id(p))
        out.append((g, p))
    return out


def name_words(name: str) -> frozenset[str]:
    """Content words of a name, for lenient comparison ("la préfecture" ~ "Préfecture de…")."""
    words = re.findall(r"\w+", name.lower().replace("’", "'"))
    return frozenset(w for w in words if w not in _STOP)


def same_name(predicted: str | None, *gold: str | None) -> bool:
    """Whether a predicted name is one of the gold names, contains or is contained in it,
    or is its acronym ("SDIS" for "Service départemental d'incendie et de secours")."""
    p = name_words(predicted or "")
    if not p:
        return False
    return any(
        g and (p <= name_words(g) or name_words(g) <= p or _acronym(predicted or "", g))
        for g in gold
        if g
    )


def _acronym(short: str, name: str) -> bool:
    letters = "".join(w[0] for w in re.findall(r"\w+", name.lower()) if w not in _STOP)
    return short.isupper() and len(short) > 1 and letters.startswith(short.lower())


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def value_right(gold: Mapping[str, Any], q: Quantity) -> bool:
    if gold.get("value") is not None:
        return _close(float(gold["value"]), q.value)
    if gold.get("high") is not None:
        return _close(float(gold["low"]), q.low) and _close(float(gold["high"]), q.high)
    return gold.get("low") is not None and _close(float(gold["low"]), q.low)


def score_quantities(
    documents: Sequence[Document], analyses: Sequence[DocAnalysis], raw: Mapping[str, Any]
) -> dict[str, Any]:
    """Scores of analysed documents against the raw gold file (keyed by file name)."""
    texts = {Path(d.path).name: d.text for d in documents}
    names = {d.id: Path(d.path).name for d in documents}
    found: dict[str, list[Quantity]] = {}
    for a in analyses:
        found.setdefault(names.get(a.doc, ""), []).extend(a.quantities)
    figures = _score_figures(raw["documents"], texts, found, lambda q: q.kind != "age")
    ages = _score_figures(raw.get("ages", {}), texts, found, lambda q: q.kind == "age")
    return {**figures, "ages": {k: ages[k] for k in ("gold", "predicted", "figures")}}


def _score_figures(
    raw: Mapping[str, Sequence[Mapping[str, Any]]],
    texts: Mapping[str, str],
    found: Mapping[str, list[Quantity]],
    keep: Callable[[Quantity], bool],
) -> dict[str, Any]:
    gold, unresolved = place_gold(raw, texts)
    predicted = {n: [q for q in found.get(n, []) if keep(q)] for n in raw}
    pairs = [
        pair for n in raw for pair in match_spans([g for g in gold if g.doc == n], predicted[n])
    ]
    right = [(g, q) for g, q in pairs if value_right(g.item, q)]
    n_pred = sum(len(v) for v in predicted.values())
    matched = {id(q) for _, q in pairs}
    return {
        "gold": len(gold),
        "predicted": n_pred,
        "figures": prf(len(right), n_pred, len(gold)).as_dict(),
        "spans": prf(len(pairs), n_pred, len(gold)).as_dict(),
        "unit": _accuracy([g.item.get("unit") == q.unit for g, q in pairs]),
        "qualifier": _accuracy([g.item.get("qualifier") == q.qualifier for g, q in pairs]),
        "place": _accuracy(
            [
                any(same_name(s.text, g.item["place"]) for s in q.qualifiers)
                for g, q in pairs
                if g.item.get("place")
            ]
        ),
        "attribution": _accuracy(
            [
                same_name(q.attributed_to.text if q.attributed_to else None, g.item["attribution"])
                for g, q in pairs
                if g.item.get("attribution")
            ]
        ),
        "unresolved": unresolved,
        "missed": sorted(
            f"{g.doc}: {g.item['text']!r}" for g in gold if all(g is not h for h, _ in right)
        ),
        "spurious": sorted(
            f"{n}: {q.text!r} = {q.value:g} {q.unit}"
            for n, qs in predicted.items()
            for q in qs
            if id(q) not in matched
        ),
    }


def _accuracy(flags: Sequence[bool]) -> dict[str, float | int]:
    return {"n": len(flags), "accuracy": round(sum(flags) / len(flags), 4) if flags else 0.0}


def analyse_corpus(
    corpus_dir: str | Path, settings: Settings, nlp: Any = None
) -> tuple[list[Document], list[DocAnalysis]]:
    """Ingest a corpus folder and run the analysis pipeline over it."""
    from recoupe.analyze.pipeline import analyze_documents, load_pipeline
    from recoupe.ingest import load_inputs

    documents = list(load_inputs([Path(corpus_dir)], settings).documents)
    nlp = nlp or load_pipeline(settings)
    return documents, list(analyze_documents(documents, nlp, settings))


def evaluate_quantities(
    corpus_dir: str | Path,
    gold_path: str | Path,
    settings: Settings | None = None,
    nlp: Any = None,
) -> dict[str, Any]:
    """Run the pipeline on a corpus folder and score its figures against a gold file."""
    settings = settings or Settings()
    raw = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    documents, analyses = analyse_corpus(corpus_dir, settings, nlp)
    return score_quantities(documents, analyses, raw)


def format_quantity_scores(scores: Mapping[str, Any]) -> str:
    f, s = scores["figures"], scores["spans"]
    lines = [
        f"figures   P {f['p']:.3f}  R {f['r']:.3f}  F1 {f['f1']:.3f}"
        f"   ({scores['predicted']} found, {scores['gold']} in gold)",
        f"spans     P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}",
    ]
    for key in ("unit", "qualifier", "place", "attribution"):
        acc = scores[key]
        lines.append(f"{key:<12}accuracy {acc['accuracy']:.3f} on {acc['n']} matched")
    a = scores["ages"]["figures"]
    lines.append(f"ages      P {a['p']:.3f}  R {a['r']:.3f}  F1 {a['f1']:.3f}")
    lines += [f"missed    {m}" for m in scores["missed"]]
    lines += [f"spurious  {m}" for m in scores["spurious"]]
    lines += [f"unplaced  {m}" for m in scores["unresolved"]]
    return "\n".join(lines)
