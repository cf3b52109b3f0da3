"""Quote evaluation: P/R/F1 of the quotations found, and how often the speaker is right.

Gold format (``examples/gold/quotes.json``)::

    {"documents": {"<file name>": [
        {"text": "<quoted content without marks>", "occurrence": 1, "kind": "direct",
         "speaker": "Marc Delorme", "speaker_text": "le colonel Marc Delorme",
         "cue": "résume"}, ...]}}

A predicted quote matches a gold one when their spans overlap (one to one, largest
overlap first). On matched quotes, the speaker is right when the predicted speaker's
name is the gold speaker (canonical name, or the words of the text when they are not a
bare pronoun), contains it or is contained in it, ignoring case and determiners.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from recoupe.evaluate import prf
from recoupe.evaluate.quantities import analyse_corpus, match_spans, place_gold, same_name
from recoupe.records import DocAnalysis, Document, Quote
from recoupe.settings import Settings

_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "on"})


def speaker_right(gold: Mapping[str, Any], quote: Quote) -> bool:
    predicted = quote.speaker.text if quote.speaker else None
    if not gold.get("speaker"):
        return predicted is None
    surface = gold.get("speaker_text")
    if surface and surface.lower().strip() in _PRONOUNS:
        surface = None
    return same_name(predicted, gold["speaker"], surface)


def score_quotes(
    documents: Sequence[Document], analyses: Sequence[DocAnalysis], raw: Mapping[str, Any]
) -> dict[str, Any]:
    """Scores of analysed documents against the raw gold file (keyed by file name)."""
    texts = {Path(d.path).name: d.text for d in documents}
    names = {d.id: Path(d.path).name for d in documents}
    found: dict[str, list[Quote]] = {}
    for a in analyses:
        found.setdefault(names.get(a.doc, ""), []).extend(a.quotes)
    gold, unresolved = place_gold(raw["documents"], texts)
    predicted = {n: found.get(n, []) for n in raw["documents"]}
    pairs = [
        pair
        for n in predicted
        for pair in match_spans([g for g in gold if g.doc == n], predicted[n])
    ]
    n_pred = sum(len(v) for v in predicted.values())
    speakers = [speaker_right(g.item, q) for g, q in pairs]
    matched = {id(q) for _, q in pairs}
    return {
        "gold": len(gold),
        "predicted": n_pred,
        "quotes": prf(len(pairs), n_pred, len(gold)).as_dict(),
        "speaker": _accuracy(speakers),
        "kind": _accuracy([g.item.get("kind") == q.kind for g, q in pairs]),
        "cue": _accuracy([same_name(q.cue, g.item.get("cue")) for g, q in pairs]),
        "unresolved": unresolved,
        "missed": sorted(
            f"{g.doc}: {g.item['text'][:60]!r}" for g in gold if all(g is not h for h, _ in pairs)
        ),
        "spurious": sorted(
            f"{n}: {q.text[:60]!r}"
            for n, qs in predicted.items()
            for q in qs
            if id(q) not in matched
        ),
        "wrong_speaker": sorted(
            f"{g.doc}: {g.item['text'][:40]!r} said by {g.item.get('speaker')!r}, "
            f"found {q.speaker.text if q.speaker else None!r}"
            for (g, q), ok in zip(pairs, speakers, strict=True)
            if not ok
        ),
    }


def _accuracy(flags: Sequence[bool]) -> dict[str, float | int]:
    return {"n": len(flags), "accuracy": round(sum(flags) / len(flags), 4) if flags else 0.0}


def evaluate_quotes(
    corpus_dir: str | Path,
    gold_path: str | Path,
    settings: Settings | None = None,
    nlp: Any = None,
) -> dict[str, Any]:
    """Run the pipeline on a corpus folder and score its quotes against a gold file."""
    settings = settings or Settings()
    raw = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    documents, analyses = analyse_corpus(corpus_dir, settings, nlp)
    return score_quotes(documents, analyses, raw)


def format_quote_scores(scores: Mapping[str, Any]) -> str:
    q = scores["quotes"]
    lines = [
        f"quotes    P {q['p']:.3f}  R {q['r']:.3f}  F1 {q['f1']:.3f}"
        f"   ({scores['predicted']} found, {scores['gold']} in gold)",
    ]
    for key in ("speaker", "kind", "cue"):
        acc = scores[key]
        lines.append(f"{key:<10}accuracy {acc['accuracy']:.3f} on {acc['n']} matched")
    lines += [f"missed    {m}" for m in scores["missed"]]
    lines += [f"spurious  {m}" for m in scores["spurious"]]
    lines += [f"speaker   {m}" for m in scores["wrong_speaker"]]
    lines += [f"unplaced  {m}" for m in scores["unresolved"]]
    return "\n".join(lines)
