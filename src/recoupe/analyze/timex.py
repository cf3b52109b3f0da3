"""The spaCy component ``recoupe_timex``: French TIMEX3 expressions in ``doc.spans["timex"]``.

A thin shell over the pure-Python tagger :func:`recoupe.temporal.tag`, which reads the
raw text (no use of the parse), anchored on ``doc._.dct`` (a TIMEX3 date such as
"2024-03" or "2024-03-05", or None). Each span of ``doc.spans["timex"]`` has
``span.label_`` = its TIMEX3 type and ``span._.timex``, a dict::

    {"type": "DATE", "value": "2023-10-07", "mod": None, "anchored": True,
     "start": 123, "end": 135}

``start``/``end`` are the exact character offsets of the expression; the span itself
covers the tokens around them (an expression can start inside a token, "d'ici").
To re-resolve against another DCT without spaCy, use :func:`recoupe.temporal.reresolve`.

    nlp.add_pipe("recoupe_timex")

The factory is declared by ``recoupe.analyze.registrations.register_components()`` (which
``recoupe.analyze.spacy_factories``, the target of the ``spacy_factories`` entry point,
runs on import); importing this module declares nothing.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from recoupe.analyze.doctext import doc_text
from recoupe.analyze.guard import guarded
from recoupe.records import Timex
from recoupe.temporal import tag

SPAN_KEY = "timex"


def register_extensions() -> None:
    if not Span.has_extension("timex"):
        Span.set_extension("timex", default=None)
    if not Doc.has_extension("dct"):
        Doc.set_extension("dct", default=None)


class TimexTagger:
    """Tags and normalises the temporal expressions of a ``Doc``."""

    def __init__(self, name: str = "recoupe_timex") -> None:
        self.name = name
        register_extensions()

    @guarded("recoupe_timex")
    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for found in tag(doc_text(doc), doc._.dct):
            span = doc.char_span(found.start, found.end, label=found.type, alignment_mode="expand")
            if span is None or (spans and span.start < spans[-1].end):
                continue
            span._.timex = {
                "type": found.type,
                "value": found.value,
                "mod": found.mod,
                "anchored": found.anchored,
                "start": found.start,
                "end": found.end,
            }
            spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc


def make_timex(nlp: Language, name: str) -> TimexTagger:
    """spaCy factory of the ``recoupe_timex`` component."""
    return TimexTagger(name)


def timexes_from_doc(sdoc: Doc, doc_id: str) -> list[Timex]:
    """The ``Timex`` records of a processed ``Doc`` (offsets into ``sdoc.text``)."""
    if SPAN_KEY not in sdoc.spans:
        return []
    out: list[Timex] = []
    text = doc_text(sdoc)
    for span in sdoc.spans[SPAN_KEY]:
        info: dict[str, Any] | None = span._.timex
        if not info:
            continue
        start, end = int(info["start"]), int(info["end"])
        out.append(
            Timex(
                doc=doc_id,
                start=start,
                end=end,
                text=text[start:end],
                type=str(info["type"]),
                value=str(info["value"]),
                mod=info["mod"],
                anchored=bool(info["anchored"]),
            )
        )
    return out


def declare_factory() -> None:
    """Declare the ``recoupe_timex`` factory and extensions (idempotent)."""
    register_extensions()
    try:
        Language.get_factory_meta("recoupe_timex")
    except ValueError:
        Language.factory("recoupe_timex", assigns=["doc.spans"], func=make_timex)
