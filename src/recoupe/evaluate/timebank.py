"""Read ISO-TimeML files (French TimeBank) and score a TIMEX3 tagger, TempEval-3 style.

Each ``.tml`` file gives the document creation time (the ``CREATION_TIME`` TIMEX3 in
``<DCT>``) and the text in ``<TEXT>`` with its gold TIMEX3 elements; tags are removed and
offsets are taken in the plain text.

Measures (TempEval-3): strict (same offsets) and relaxed (overlapping) precision,
recall and F1 of the spans; for the attributes, over relaxed matches, an attribute is
right when both carry the same string: ``P = right / predicted``, ``R = right / gold``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from recoupe.evaluate import PRF, prf
from recoupe.settings import Settings


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class TimebankDoc:
    id: str
    dct: str | None
    text: str
    timexes: tuple[GoldTimex, ...]


@dataclass(frozen=True, slots=True)
class Prediction:
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None


Tagger = Callable[[Sequence[TimebankDoc]], list[list[Prediction]]]


@dataclass(frozen=True, slots=True)
class TimexScores:
    documents: int
    gold: int
    predicted: int
    strict: PRF
    relaxed: PRF
    type_f1: float
    value_f1: float
    mod_f1: float
    ms_per_doc: float

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.predicted,
            "strict": self.strict.as_dict(),
            "relaxed": self.relaxed.as_dict(),
            "type_f1": round(self.type_f1, 4),
            "value_f1": round(self.value_f1, 4),
            "ms_per_doc": round(self.ms_per_doc, 3),
        }


def read_tml(path: Path) -> TimebankDoc:
    """One ISO-TimeML document: its DCT, plain text and gold TIMEX3 (with offsets)."""
    root = ElementTree.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    dct = dct_el.get("value") if dct_el is not None else None
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError(f"{path}: no <TEXT> element")
    pieces: list[str] = []
    timexes: list[GoldTimex] = []
    _walk(text_el, pieces, timexes)
    doc_id = root.findtext("DOCID") or path.stem
    return TimebankDoc(doc_id.strip(), dct, "".join(pieces), tuple(timexes))


def _walk(element: ElementTree.Element, pieces: list[str], timexes: list[GoldTimex]) -> None:
    pieces.append(element.text or "")
    for child in element:
        start = sum(map(len, pieces))
        _walk(child, pieces, timexes)
        if child.tag == "TIMEX3":
            end = sum(map(len, pieces))
            text = "".join(pieces)[start:end]
            timexes.append(
                GoldTimex(
                    start,
                    end,
                    text,
                    child.get("type", ""),
                    child.get("value", ""),
                    child.get("mod"),
                )
            )
        pieces.append(child.tail or "")


def read_corpus(folder: Path) -> list[TimebankDoc]:
    files = sorted(folder.glob("*.tml"))
    if not files:
        raise FileNotFoundError(f"no .tml file in {folder}")
    return [read_tml(f) for f in files]


def _overlap(a: Prediction | GoldTimex, b: Prediction | GoldTimex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match(
    gold: Sequence[GoldTimex], predicted: Sequence[Prediction]
) -> list[tuple[GoldTimex, Prediction]]:
    """One-to-one relaxed matches, the largest overlaps first."""
    pairs = [
        (_overlap(g, p), i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(predicted)
        if _overlap(g, p) > 0
    ]
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[GoldTimex, Prediction]] = []
    for _, i, j in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((gold[i], predicted[j]))
    return out


def score(
    docs: Sequence[TimebankDoc], predictions: Sequence[Sequence[Prediction]], seconds: float
) -> TimexScores:
    n_gold = sum(len(d.timexes) for d in docs)
    n_pred = sum(len(p) for p in predictions)
    strict = relaxed = right_type = right_value = right_mod = 0
    for doc, predicted in zip(docs, predictions, strict=True):
        for g, p in match(doc.timexes, predicted):
            relaxed += 1
            strict += (g.start, g.end) == (p.start, p.end)
            right_type += g.type == p.type
            right_value += g.value == p.value
            right_mod += (g.mod or None) == (p.mod or None)
    return TimexScores(
        documents=len(docs),
        gold=n_gold,
        predicted=n_pred,
        strict=prf(strict, n_pred, n_gold),
        relaxed=prf(relaxed, n_pred, n_gold),
        type_f1=prf(right_type, n_pred, n_gold).f1,
        value_f1=prf(right_value, n_pred, n_gold).f1,
        mod_f1=prf(right_mod, n_pred, n_gold).f1,
        ms_per_doc=1000 * seconds / max(1, len(docs)),
    )


def evaluate_corpus(docs: Sequence[TimebankDoc], tagger: Tagger) -> TimexScores:
    """Run ``tagger`` on all documents (timed) and score it."""
    started = time.perf_counter()
    predictions = tagger(docs)
    return score(docs, predictions, time.perf_counter() - started)


def evaluate_timebank(
    folder: Path, settings: Settings | None = None, nlp: Any = None
) -> TimexScores:
    """Score the ``recoupe_timex`` component on the ``.tml`` files of ``folder``.

    ``nlp`` defaults to the full recoupe pipeline; ``ms_per_doc`` is the time of the
    component alone on the already-parsed documents.
    """
    from recoupe.analyze.pipeline import load_pipeline
    from recoupe.analyze.timex_timing import tag_texts

    docs = read_corpus(folder)
    pipeline = nlp if nlp is not None else load_pipeline(settings or Settings())
    run = tag_texts(pipeline, [(d.text, d.dct) for d in docs])
    predictions = [
        [Prediction(t.start, t.end, t.type, t.value, t.mod) for t in found] for found in run.timexes
    ]
    return score(docs, predictions, run.component_seconds)


def errors(docs: Iterable[TimebankDoc], predictions: Iterable[Sequence[Prediction]]) -> list[str]:
    """Readable lines for missed, spurious and wrongly valued expressions (for tuning)."""
    lines: list[str] = []
    for doc, predicted in zip(docs, predictions, strict=True):
        matched = match(doc.timexes, predicted)
        hit_g = {id(g) for g, _ in matched}
        hit_p = {id(p) for _, p in matched}
        for g in doc.timexes:
            if id(g) not in hit_g:
                lines.append(f"{doc.id} MISS {g.text!r} {g.type} {g.value}")
        for p in predicted:
            if id(p) not in hit_p:
                lines.append(f"{doc.id} SPUR {doc.text[p.start : p.end]!r} {p.type} {p.value}")
        for g, p in matched:
            if (g.start, g.end, g.type, g.value) != (p.start, p.end, p.type, p.value):
                got = doc.text[p.start : p.end]
                lines.append(
                    f"{doc.id} DIFF {g.text!r} {g.type} {g.value} {g.mod or ''} | {got!r} "
                    f"{p.type} {p.value} {p.mod or ''} (dct {doc.dct})"
                )
    return lines


def report_lines(scores: TimexScores) -> list[str]:
    """The human-readable report of ``recoupe eval timebank``."""

    def row(name: str, m: PRF) -> str:
        return f"{name:<8} P {m.p:.3f}  R {m.r:.3f}  F1 {m.f1:.3f}"

    return [
        f"documents {scores.documents}, gold TIMEX3 {scores.gold}, predicted {scores.predicted}",
        row("strict", scores.strict),
        row("relaxed", scores.relaxed),
        f"type F1 {scores.type_f1:.3f}  value F1 {scores.value_f1:.3f}",
        f"recoupe_timex: {scores.ms_per_doc:.3f} ms per document (already-parsed docs)",
    ]
