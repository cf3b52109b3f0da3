"""French temporal expressions (TIMEX3), in pure Python: no spaCy needed here.

The tagger reads the raw text with its own grammar (patterns built from the word lists
in ``recoupe/data/timex``) and normalises each expression to a TIMEX3 ``type`` (DATE,
TIME, DURATION, SET), ``value`` and ``mod``, anchored on the document creation time (DCT)
and on the previous dates of the text. The spaCy component ``recoupe_timex``
(:mod:`recoupe.analyze.timex`) is a thin shell over :func:`tag`.

API
---
``tag(text, dct=None) -> list[TimexMatch]``
    Every expression of ``text`` with offsets, type, value, mod and ``anchored`` (True
    when the value depends on the DCT or on another expression). ``dct`` is a TIMEX3
    date: "2024", "2024-03" or "2024-03-05" (a time part is ignored).

``reresolve(text, spans, dct) -> list[TimexMatch | None]``
    The same expressions re-resolved against another DCT, e.g. once the date of an
    undated document has been inferred. Spans never depend on the DCT, so the spans of a
    first ``tag`` call (or of the ``Timex`` records built from it) are found again; the
    tense of the sentence and the previous dates are read from ``text`` as before.

``resolve_expression(expression, dct=None) -> TimexMatch | None``
    One expression on its own ("janvier dernier", "le 7 octobre"), without context.

Without a DCT, values keep what is known: "en mai" -> "XXXX-05", "mercredi" ->
"XXXX-WXX-3", "le 7 octobre" -> "XXXX-10-07"; "trois ans plus tard" after "en 2011" is
still "2014". With a DCT less precise than the expression ("hier" with DCT "2024-03"),
the value is the DCT itself.

    >>> [(t.text, t.value) for t in tag("Il est arrivé hier soir.", "2024-03-05")]
    [('hier soir', '2024-03-04TEV')]
"""

from __future__ import annotations

from collections.abc import Iterable

from recoupe.temporal.expressions import TimexMatch
from recoupe.temporal.tagger import tag

__all__ = ["TimexMatch", "reresolve", "resolve_expression", "tag"]


def reresolve(
    text: str, spans: Iterable[tuple[int, int]], dct: str | None
) -> list[TimexMatch | None]:
    """The expressions at ``spans`` (start, end) of ``text`` resolved against ``dct``."""
    by_span = {(t.start, t.end): t for t in tag(text, dct)}
    return [by_span.get((start, end)) for start, end in spans]


def resolve_expression(expression: str, dct: str | None = None) -> TimexMatch | None:
    """The longest expression read in ``expression`` alone, resolved against ``dct``."""
    found = tag(expression, dct)
    return max(found, key=lambda t: t.end - t.start) if found else None
