"""The ``recoupe_entities`` component: gazetteer names and repaired model mentions.

Runs after the model's ``ner``. It matches the gazetteer (countries, capitals, seats of
power, demonyms, organisations, places) with a ``PhraseMatcher``, repairs the model's own
mentions (``entity_repair``), reconciles the two, types and flags them from their context
(``entity_context``, ``entity_acronyms``), and writes the result back to ``doc.ents``.
Each mention's extra facts (gazetteer key, metonymy, demonym, role, repaired name, the long
form an acronym stands for) are in ``span._.recoupe_mention``, a dict of plain values.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from recoupe.analyze import entity_context as ctx
from recoupe.analyze.doctext import doc_text
from recoupe.analyze.entity_acronyms import apply_acronyms
from recoupe.analyze.entity_gazetteer import Gazetteer, fold, load_gazetteer, squeeze
from recoupe.analyze.entity_given import with_given_names
from recoupe.analyze.entity_metonymy import mark_metonymy
from recoupe.analyze.entity_repair import (
    Cand,
    Titles,
    clean,
    extend_particle,
    gazetteer_entry,
    repaired_name,
    split_lines,
)
from recoupe.analyze.guard import guarded

EXTENSION = "recoupe_mention"
_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def make_entity_ruler(nlp: Language, name: str) -> EntityRepairer:
    return EntityRepairer(nlp)


class EntityRepairer:
    """Doc -> Doc: sets ``doc.ents`` and ``span._.recoupe_mention`` on each of them."""

    def __init__(self, nlp: Language) -> None:
        self.gaz = load_gazetteer()
        self.titles: Titles = {}
        for words, kind in self.gaz.titles.items():
            tokens = tuple(t.lower_ for t in nlp.make_doc(" ".join(words)))
            for size in range(1, len(tokens)):
                self.titles.setdefault(tokens[:size], "")
            self.titles[tokens] = kind
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        surfaces = sorted(self.gaz.surfaces)
        self.matcher.add("GAZ", [nlp.make_doc(surface) for surface in surfaces])

    @guarded("recoupe_entities")
    def __call__(self, doc: Doc) -> Doc:
        cands = repair_mentions(doc, self.matcher, self.gaz, self.titles)
        spans = []
        for cand in cands:
            span = Span(doc, cand.start, cand.end, label=cand.label, kb_id=cand.key or "")
            span._.set(EXTENSION, _facts(span, cand, self.gaz))
            spans.append(span)
        doc.ents = filter_spans(spans)
        return doc


def _facts(span: Span, cand: Cand, gaz: Gazetteer) -> dict[str, Any]:
    name = repaired_name(span.text, gaz)
    return {
        "key": cand.key,
        "metonymy": cand.metonymy,
        "demonym": cand.demonym,
        "role": cand.role,
        "name": name if name != span.text else None,
        "alias_of": cand.alias_of,
    }


def repair_mentions(doc: Doc, matcher: PhraseMatcher, gaz: Gazetteer, titles: Titles) -> list[Cand]:
    """The document's mentions, repaired, in text order and without overlaps."""
    lower = frozenset(t.text for t in doc if t.is_lower)  # words the page writes in lower case
    model = _model_cands(doc, gaz, titles, lower)
    found = _gazetteer_cands(doc, matcher, gaz)
    cands = _split_joined(doc, _reconcile(doc, model, found, gaz, titles, lower))
    cands = with_given_names(doc, cands, gaz)  # "Marine Le Pen": "Marine" is no navy here
    for cand in cands:
        if cand.entry is None:
            cand.entry = gazetteer_entry(doc[cand.start : cand.end].text, gaz)
    cands = apply_acronyms(doc, cands, gaz)
    cands = _extend_with_adjective(doc, cands, gaz)
    cands = ctx.extend_place_nouns(doc, cands, gaz)
    cands = _merge_place_connectors(doc, cands, gaz)
    cands = [c for c in cands if not ctx.is_title_complement(doc, c, gaz, titles)]
    ctx.mark_demonyms(doc, cands, gaz)
    mark_metonymy(doc, cands, gaz)
    ctx.mark_titles(doc, cands, gaz, titles)
    ctx.fix_types(doc, cands, gaz)
    ctx.propagate_persons(doc, cands)
    ctx.vote_types(doc, cands)
    return _without_overlaps(cands)


def _model_cands(doc: Doc, gaz: Gazetteer, titles: Titles, lower: frozenset[str]) -> list[Cand]:
    out = []
    for ent in doc.ents:
        cand = Cand(ent.start, ent.end, _LABELS.get(ent.label_, "MISC"))
        for piece in split_lines(doc, cand):
            cleaned = clean(doc, extend_particle(doc, piece, gaz), gaz, titles)
            if cleaned is not None and not _not_a_name(doc, cleaned, gaz, lower):
                out.append(cleaned)
    return _without_overlaps(out)


def _not_a_name(doc: Doc, cand: Cand, gaz: Gazetteer, lower: frozenset[str]) -> bool:
    span = doc[cand.start : cand.end]
    if not any(c.isalpha() for c in span.text) or len(span.text) < 2:
        return True
    if span.text in gaz.surfaces:
        return False
    if span.start_char > 0 and doc_text(doc)[span.start_char - 1] == "#":
        return True  # "#LesPromessesDuMaire": a hashtag, not a name
    non_names = gaz.folded_words["non_names"]
    if fold(span[0].text) in non_names and all(
        t.is_lower or t.is_digit or t.lower_ in gaz.adjectives for t in span[1:]
    ):
        return True  # "État", "l'Etat français", "Vendredi", "coup d'État du 26 juillet"
    return (
        _shouting(span) or _heading_word(doc, cand) or _sentence_initial_word(doc, cand, gaz, lower)
    )


def _shouting(span: Span) -> bool:
    """ "MASSACRES", "ABNÉGATION DU MILITANT": words in capitals, not an acronym."""
    letters = [c for c in span.text if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return False
    return len(span) > 1 or len(letters) >= 7


def _heading_word(doc: Doc, cand: Cand) -> bool:
    """A line made of one common word: "Agrandir", "Santé" in a page's menus."""
    if cand.end - cand.start != 1 or doc[cand.start].pos_ == "PROPN":
        return False
    before = doc[cand.start - 1] if cand.start else None
    after = doc[cand.end] if cand.end < len(doc) else None
    starts = before is None or "\n" in before.text + before.whitespace_
    ends = after is None or "\n" in doc[cand.start].whitespace_ + after.text
    return starts and ends


_NOT_NAME_POS = frozenset(
    {"VERB", "AUX", "ADV", "ADJ", "DET", "PRON", "ADP", "CCONJ", "SCONJ", "INTJ"}
)


def _sentence_initial_word(doc: Doc, cand: Cand, gaz: Gazetteer, lower: frozenset[str]) -> bool:
    """ "Inondations" (MISC), "Évaluation de la situation militaire", "Agrandir le texte":
    common words with a capital only because they open a sentence, a line or a quote."""
    first = doc[cand.start]
    if not (first.is_sent_start or _opens(doc, cand.start)):
        return False
    rest = doc[cand.start + 1 : cand.end]
    if not rest and first.pos_ in _NOT_NAME_POS:
        return True
    if not rest and not first.is_upper and first.lower_ in lower:
        return True  # "Pneumatiques : …" heads a page that speaks of "pneumatiques"
    if cand.label == "PER" or (not rest and cand.label != "MISC"):
        return False  # "Vigicrues avait placé...": a one-word name may open a sentence
    if rest and first.lower_ in gaz.words["org_heads"]:
        return False
    return (
        first.pos_ not in ("PROPN", "X")
        and not first.is_upper
        and all(not t.text[:1].isupper() for t in rest)
    )


def _opens(doc: Doc, i: int) -> bool:
    """Token ``i`` starts a line or follows an opening quote or bracket."""
    k = i - 1
    while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
        k -= 1
    if k < 0 or "\n" in doc[k].text + doc[k].whitespace_:
        return True
    return doc[k].text in ("«", "“", '"', "(")


def _gazetteer_cands(doc: Doc, matcher: PhraseMatcher, gaz: Gazetteer) -> list[Cand]:
    spans = filter_spans([doc[s:e] for _, s, e in matcher(doc)])
    out = []
    for span in spans:
        entry = gaz.surfaces.get(span.text) or gaz.squeezed.get(squeeze(span.text))
        if entry is None:  # a token match whose text no listed surface spells
            continue
        out.append(Cand(span.start, span.end, entry.type, "gaz", entry))
    return out


def _reconcile(
    doc: Doc,
    model: list[Cand],
    found: list[Cand],
    gaz: Gazetteer,
    titles: Titles,
    lower: frozenset[str],
) -> list[Cand]:
    """Gazetteer names win over the model's overlapping mentions, except inside a longer
    name that goes on after them ("Résistance islamique en Irak", "Amérique latine"). What
    a crossing model mention has outside the name is kept if it is still a name ("SDIS [de
    Maine]-et-Loire")."""
    kept = list(model)
    for g in found:
        overlapping = [m for m in kept if m.start < g.end and g.start < m.end]
        if any(_model_wins(doc, m, g, gaz) for m in overlapping):
            continue
        kept = [m for m in kept if m not in overlapping]
        for m in overlapping:
            for start, end in ((m.start, g.start), (g.end, m.end)):
                if end > start:
                    rest = clean(doc, replace(m, start=start, end=end), gaz, titles)
                    if rest is not None and not _not_a_name(doc, rest, gaz, lower):
                        kept.append(rest)
        kept.append(g)
    return sorted(kept, key=lambda c: c.start)


def _split_joined(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """ "l'usine [Vernaux de Saint-Priest]": a mention made of two names joined by "de",
    each of which the document also names alone, is two mentions."""
    alone = {fold(doc[c.start : c.end].text): c.label for c in cands}
    out: list[Cand] = []
    for cand in cands:
        cut = next(
            (
                i
                for i in range(cand.start + 1, cand.end - 1)
                if doc[i].lower_ in ("de", "d'", "d’")
                and fold(doc[cand.start : i].text) in alone
                and fold(doc[i + 1 : cand.end].text) in alone
            ),
            None,
        )
        if cut is None:
            out.append(cand)
            continue
        left, right = doc[cand.start : cut].text, doc[cut + 1 : cand.end].text
        out.append(Cand(cand.start, cut, alone[fold(left)], cand.source))
        out.append(Cand(cut + 1, cand.end, alone[fold(right)], cand.source))
    return out


def _model_wins(doc: Doc, m: Cand, g: Cand, gaz: Gazetteer) -> bool:
    if not (m.start <= g.start and g.end <= m.end) or (m.start, m.end) == (g.start, g.end):
        return False  # the gazetteer name covers or crosses the model's
    # "État islamique [en Irak]": the name, then a place; the model's mention is cut
    return not (g.start == m.start and doc[g.end].lower_ in gaz.words["prepositions"])


def _extend_with_adjective(doc: Doc, cands: list[Cand], gaz: Gazetteer) -> list[Cand]:
    """ "Croix-Rouge française": a nationality adjective completes an organisation's name."""
    starts = {c.start for c in cands}
    for cand in cands:
        nxt = cand.end
        if (cand.label == "ORG" and nxt < len(doc) and nxt not in starts
                and doc[nxt].is_lower and doc[nxt].lower_ in gaz.adjectives):  # fmt: skip
            cand.end = nxt + 1
            cand.entry = gazetteer_entry(doc[cand.start : cand.end].text, gaz)
    return cands


def _merge_place_connectors(doc: Doc, cands: list[Cand], gaz: Gazetteer) -> list[Cand]:
    """ "Bréhac sur Loire" written with spaces is one place, not two."""
    out: list[Cand] = []
    for cand in cands:
        last = out[-1] if out else None
        if (last is not None and last.label == "LOC" and cand.label == "LOC"
                and cand.start == last.end + 1
                and doc[last.end].lower_ in gaz.words["place_connectors"] - {"en"}
                and (last.entry is None or last.entry.kind == "place")):  # fmt: skip
            out[-1] = Cand(last.start, cand.end, "LOC", "rule")
            continue
        out.append(cand)
    return out


def _without_overlaps(cands: list[Cand]) -> list[Cand]:
    ordered = sorted(cands, key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Cand] = []
    for cand in ordered:
        if out and cand.start < out[-1].end:
            continue
        out.append(cand)
    return out
