"""Run ``recoupe_timex`` over many texts and time it apart from the rest of the pipeline.

Used by ``recoupe eval timebank`` and ``recoupe bench timex``: the texts are first run
through every other component of ``nlp`` (timed as the parse), then through
``recoupe_timex`` alone (timed as the component, on already-parsed docs). Times are CPU
time of this process (``time.process_time``), steadier than wall time on a shared machine.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language

from recoupe.analyze.doctext import remember_text
from recoupe.analyze.guard import doc_errors
from recoupe.analyze.timex import timexes_from_doc
from recoupe.records import Timex

COMPONENT = "recoupe_timex"


@dataclass(frozen=True, slots=True)
class TimexRun:
    timexes: tuple[tuple[Timex, ...], ...]  # one tuple per text, in order
    parse_seconds: float  # the other components (tokenizer, tagger, parser, ...)
    component_seconds: float  # recoupe_timex alone, on the parsed docs

    @property
    def end_to_end_seconds(self) -> float:
        return self.parse_seconds + self.component_seconds


def tag_texts(nlp: Language, items: Sequence[tuple[str, str | None]], passes: int = 1) -> TimexRun:
    """Timexes of each ``(text, dct)``; ``nlp`` must contain the ``recoupe_timex`` pipe.

    The component runs ``passes`` times over the parsed docs; the fastest pass is kept.
    """
    component = nlp.get_pipe(COMPONENT)
    component(nlp.make_doc("Hier, le 7 octobre 2023 à 14 h, pendant trois ans."))  # warm up
    others = [name for name in nlp.pipe_names if name != COMPONENT]
    started = time.process_time()
    docs = []
    for text, dct in items:
        doc = remember_text(nlp.make_doc(text), text)  # as analyze_documents makes its Docs
        doc._.dct = dct
        docs.append(doc)
    with nlp.select_pipes(enable=others):
        parsed = list(nlp.pipe(docs))
    parse_seconds = time.process_time() - started
    component_seconds = float("inf")
    for _ in range(max(1, passes)):
        started = time.process_time()
        tagged = [component(doc) for doc in parsed]
        component_seconds = min(component_seconds, time.process_time() - started)
    failed = [(i, e) for i, doc in enumerate(tagged) for e in doc_errors(doc) if COMPONENT in e]
    if failed:  # a score of zero would hide it: say which text broke the component, and how
        i, error = failed[0]
        raise RuntimeError(f"{COMPONENT} failed on text {i} ({len(failed)} failures): {error}")
    timexes = tuple(tuple(timexes_from_doc(doc, str(i))) for i, doc in enumerate(tagged))
    return TimexRun(timexes, parse_seconds, component_seconds)
