"""Cut a document's text into segments marked by the items that cover them.

Items overlap (a quote holds entity mentions, a figure holds a date), so the text is cut at
every item boundary and each piece carries the kinds of all items covering it. Templates
print each piece escaped, inside a ``<span>`` whose classes colour it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Layer:
    start: int
    end: int
    kind: str  # entity | timex | quantity | quote | source
    note: str = ""  # shown on hover
    subtype: str = ""  # entity type, quote kind...
    link: str | None = None  # entity id, for a link to its page


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    classes: str = ""
    note: str = ""
    link: str | None = None
    anchor: str | None = None  # set on the first segment of a "source" layer


def _cuts(length: int, layers: Sequence[Layer]) -> list[int]:
    points = {0, length}
    for layer in layers:
        points.add(min(max(layer.start, 0), length))
        points.add(min(max(layer.end, 0), length))
    return sorted(points)


def _segment(text: str, active: Sequence[Layer], first_source: bool) -> Segment:
    if not active:
        return Segment(text)
    classes = sorted({f"hl-{layer.kind}" for layer in active})
    classes += sorted({f"{layer.kind}-{layer.subtype}" for layer in active if layer.subtype})
    notes = [layer.note for layer in active if layer.note]
    link = next((layer.link for layer in active if layer.link), None)
    return Segment(
        text,
        " ".join(classes),
        " · ".join(dict.fromkeys(notes)),
        link,
        "src" if first_source else None,
    )


def segment_text(text: str, layers: Iterable[Layer]) -> list[Segment]:
    """The text, in order, as segments; joining their ``text`` gives back ``text``."""
    ordered = sorted((la for la in layers if la.end > la.start), key=lambda la: la.start)
    cuts = _cuts(len(text), ordered)
    segments: list[Segment] = []
    active: list[Layer] = []
    waiting = list(reversed(ordered))
    anchored = False
    for start, end in itertools.pairwise(cuts):
        while waiting and waiting[-1].start <= start:
            active.append(waiting.pop())
        active = [la for la in active if la.end > start]
        has_source = any(la.kind == "source" for la in active)
        segments.append(_segment(text[start:end], active, has_source and not anchored))
        anchored = anchored or has_source
    return segments
