"""Acronyms defined in the text: "Service départemental d'incendie et de secours (SDIS)".

The long form is found from the acronym's letters (the initials of its content words), which
also mends a long form the model cut short; every use of the acronym in the document then
points to the long form through ``alias_of``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from recoupe.analyze.doctext import doc_text
from recoupe.analyze.entity_gazetteer import Gazetteer, is_acronym
from recoupe.analyze.entity_repair import Cand, gazetteer_entry, repaired_name

_LOOKBACK = 14
_IN_BRACKETS = re.compile(r"(?<=\()\s*[^\W\d_][\w&.-]{1,9}\s*(?=\))")


def _token_indexes(doc: Doc, pattern: re.Pattern[str]) -> list[int]:
    """Indexes of the tokens where ``pattern`` matches in the text (found by regex, not by
    walking every token)."""
    out = []
    for match in pattern.finditer(doc_text(doc)):
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        token = doc.char_span(start, start + 1, alignment_mode="expand")
        if token is not None:
            out.append(token.start)
    return out


def initials(doc: Doc, start: int, end: int, gaz: Gazetteer) -> str:
    """Initials of the content words of ``doc[start:end]``: "Union européenne" -> "UE"."""
    function_words = gaz.words["prepositions"] | gaz.words["articles"]
    return "".join(
        t.text[0].upper() for t in doc[start:end] if t.is_alpha and t.lower_ not in function_words
    )


def _long_form_start(doc: Doc, paren: int, letters: str, gaz: Gazetteer) -> int | None:
    for start in range(paren - 1, max(-1, paren - _LOOKBACK - 1), -1):
        if doc[start].is_punct or "\n" in doc[start].text:
            return None
        if doc[start].text[:1].isupper() and initials(doc, start, paren, gaz) == letters:
            return start
    return None


def _definitions(doc: Doc, cands: list[Cand], gaz: Gazetteer) -> list[tuple[int, int, int]]:
    """(long form start, long form end, acronym token) for each "Long Form (ACR)"."""
    found: list[tuple[int, int, int]] = []
    ends = {c.end: c for c in cands}
    for i in _token_indexes(doc, _IN_BRACKETS):
        i -= 1  # the bracket before the acronym
        if i < 1 or doc[i].text != "(" or i + 2 >= len(doc) or doc[i + 2].text != ")":
            continue
        if not is_acronym(doc[i + 1].text):
            continue
        letters = "".join(c for c in doc[i + 1].text if c.isalpha()).upper()
        start = _long_form_start(doc, i, letters, gaz)
        if start is None and i in ends and ends[i].label in ("ORG", "MISC"):
            start = ends[i].start  # a known organisation, whatever its acronym
        if start is not None:
            found.append((start, i, i + 1))
    return found


def apply_acronyms(doc: Doc, cands: list[Cand], gaz: Gazetteer) -> list[Cand]:
    """Mend long forms from their acronyms and link each use of an acronym to its long form."""
    for start, end, acr in _definitions(doc, cands, gaz):
        inside = [c for c in cands if c.start < end and c.end > start]
        label = next((c.label for c in inside if c.label in ("ORG", "LOC")), "ORG")
        long_text = doc[start:end].text
        long_form = Cand(start, end, label, "rule", gazetteer_entry(long_text, gaz))
        cands = [c for c in cands if c not in inside]
        cands.append(long_form)
        cands = _link_uses(doc, cands, doc[acr].text, repaired_name(long_text, gaz), label, gaz)
    return sorted(cands, key=lambda c: c.start)


def _link_uses(
    doc: Doc, cands: list[Cand], acronym: str, long_name: str, label: str, gaz: Gazetteer
) -> list[Cand]:
    covered = {i for c in cands for i in range(c.start, c.end)}
    out = []
    for cand in cands:
        if cand.end - cand.start == 1 and doc[cand.start].text == acronym:
            cand = replace(cand, label=label, alias_of=long_name)
        out.append(cand)
    for i in _token_indexes(doc, re.compile(rf"(?<!\w){re.escape(acronym)}(?!\w)")):
        if doc[i].text == acronym and i not in covered:
            entry = gazetteer_entry(acronym, gaz)
            out.append(Cand(i, i + 1, label, "rule", entry, alias_of=long_name))
    return out
