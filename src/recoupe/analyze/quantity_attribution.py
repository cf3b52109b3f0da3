"""Who a figure is attributed to: the speaker of the quote around it, or "selon X".

"Selon la préfecture, 520 habitations…", "…, d'après la préfecture", "2 500 foyers…,
selon Enedis", "1,5 %, chiffre retenu par la mairie", a reporting or forecasting verb's
subject ("La préfecture recense 300 évacués", "elle prévoit 0,5 %" with "elle" the subject
before it) and any figure inside reported or quoted speech ("Le maire a indiqué que
85 familles…") go to that source. Returned as ``(start, end, text)`` of the source's name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from recoupe.analyze import quote_cues as cues
from recoupe.analyze import quote_speakers as sp
from recoupe.analyze.quantity_lexicon import holder_verbs, words
from recoupe.analyze.quantity_reading import clitic_verb
from recoupe.analyze.quote_direct import speaker_tokens

Source = tuple[int, int, str]

_RATES_AND_AMOUNTS = ("percent", "money")


def attribution_for(
    doc: Doc, units: list[Span], start: int, end: int, kind: str = "count"
) -> Source | None:
    """The source of the figure at ``start:end``, of ``kind`` ("count", "percent",
    "money"…); ``units`` are the doc's sentence units."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    unit = cues.unit_of(units, span.start)
    whole = doc.char_span(start, end, alignment_mode="expand") or span
    rate = kind in _RATES_AND_AMOUNTS
    return (
        _from_clitic_verb(doc, whole)  # the counter named by its verb, even in a quote
        or _from_quotes(doc, start, end)
        or _from_preposition(doc, unit, span[0])
        or _from_agent(doc, unit, whole, rate)
        or _from_report_verb(doc, unit, whole, rate)
    )


def _from_clitic_verb(doc: Doc, figure: Span) -> Source | None:
    """ "sept morts selon l'ARS, tandis que le collectif en dénombre neuf": whoever counts
    "en" gives this figure, not the "selon" of the other. The subject is the verb's, else
    (the parse is lost when "dénombre" is tagged a noun) the first noun of the words
    between the clause's start and "en"."""
    verb = clitic_verb(doc, figure.start - 1)
    if verb is None or verb.lemma_ in holder_verbs()[0]:
        return None  # "le camp présidentiel en obtient 168": it owns them, it does not count
    for child in verb.children:
        if child.dep_ == "nsubj" and child.pos_ in ("NOUN", "PROPN") and child.i < verb.i:
            return _name(doc, child)
    en = verb.i - 1
    while doc[en].lower_ != "en":
        en -= 1
    start = en
    while start > verb.sent.start and not _clause_edge(doc[start - 1]):
        start -= 1
    head = next((t for t in doc[start:en] if t.pos_ in ("NOUN", "PROPN")), None)
    if head is None:
        return None
    end = en
    while end > head.i + 1 and doc[end - 1].is_punct:
        end -= 1
    found = sp.person_in(doc, doc[head.i : end]) or sp.entity_of(doc, head) or doc[start:end]
    return found.start_char, found.end_char, found.text


def _clause_edge(tok: Token) -> bool:
    # a relative "qui" leaves no subject between it and "en": none is taken
    return tok.is_punct or tok.pos_ in ("SCONJ", "CCONJ") or tok.lower_ in cues.RELATIVE_WORDS


def _from_quotes(doc: Doc, start: int, end: int) -> Source | None:
    stored = doc._.quotes if Doc.has_extension("quotes") else None
    best: Source | None = None
    best_size = 1 << 62
    for quote in stored or ():
        speaker = quote.get("speaker")
        inside = quote["start"] <= start and end <= quote["end"]
        if speaker and inside and quote["end"] - quote["start"] < best_size:
            best = (int(speaker[0]), int(speaker[1]), str(speaker[2]))
            best_size = quote["end"] - quote["start"]
    return best


def _from_preposition(doc: Doc, unit: Span, figure: Token) -> Source | None:
    """The "selon X" / "d'après X" of the figure's sentence nearest to it (after it first)."""
    found: list[tuple[int, Source]] = []
    for tok in unit:
        size = cues.source_preposition(doc, tok.i)
        if size is None:
            continue
        head = _head_after(doc, tok.i + size, unit.end)
        if head is not None:
            distance = tok.i - figure.i if tok.i > figure.i else 2 * (figure.i - tok.i)
            found.append((distance, _name(doc, head)))
    return min(found)[1] if found else None


def _counting(tok: Token) -> bool:
    return any(lemma in words("quantities", "count_verbs.txt") for lemma in cues.lemmas(tok))


def _reporting(tok: Token, rate: bool) -> bool:
    """A verb reporting the figure; those giving a value ("retenir", "tabler") only for a
    rate or an amount."""
    if tok.pos_ != "VERB":
        return False
    lemmas = cues.lemmas(tok)
    if any(lemma in words("quantities", "report_verbs.txt") for lemma in lemmas):
        return True
    value = any(lemma in words("quantities", "value_verbs.txt") for lemma in lemmas)
    return value and rate


def _from_agent(doc: Doc, unit: Span, figure: Span, rate: bool) -> Source | None:
    """ "contre 1,1 % retenu par le ministère", "12 morts, chiffre avancé par la police":
    a reporting participle right after the figure (or after a noun in apposition naming
    it), with its agent ("par X"). Only reporting verbs: in "30 civils tués par l'armée"
    the army is no source."""
    i, named = figure.end, False
    if i < unit.end and doc[i].text == ",":
        i, named = _after_figure_noun(doc, i + 1, unit.end), True
    for tok in doc[i : min(unit.end, i + 4)]:
        if tok.is_punct:
            return None
        if tok.pos_ != "VERB":
            continue
        if not _reporting(tok, rate):
            return None  # "30 civils tués par l'armée"
        if "Part" not in tok.morph.get("VerbForm", []):
            continue
        # "deux livres publiés par X", "300 soldats annoncés par X": X made the things
        # counted; a counting verb, a rate or amount, or "chiffre avancé par" make a source
        if not (_counting(tok) or named or rate):
            return None
        # "par X" hangs on the participle, or on the noun it qualifies ("chiffre avancé")
        agent = next(
            (
                c
                for c in doc[tok.i + 1 : min(unit.end, tok.i + 6)]
                if c.dep_ == "obl:agent"
                and c.pos_ in ("NOUN", "PROPN")
                and c.head.i in (tok.i, tok.head.i)
            ),
            None,
        )
        return _name(doc, agent) if agent is not None else None
    return None


def _after_figure_noun(doc: Doc, i: int, end: int) -> int:
    """After "un chiffre", "selon un bilan"…: a noun naming the figure, in apposition."""
    j = i
    while j < end and doc[j].pos_ == "DET":
        j += 1
    if j < end and doc[j].lemma_.lower() in words("quantities", "figure_nouns.txt"):
        return j + 1
    return end


def _from_report_verb(doc: Doc, unit: Span, figure: Span, rate: bool) -> Source | None:
    """ "La préfecture recense plus de 300 évacués": the subject of a reporting verb; a
    subject pronoun stands for the subject before it ("La banque … : elle prévoit 0,8 %")."""
    for tok in doc[unit.start : figure.start]:
        if not _reporting(tok, rate):
            continue
        if not tok.left_edge.i <= figure.start <= tok.right_edge.i:
            continue
        if any(c.dep_ == "aux:pass" for c in tok.children):
            continue  # "des rassemblements sont prévus dans 13 régions": no source named
        subjects = speaker_tokens(tok, [], unit)
        subject = subjects[0] if subjects else None
        if subject is not None and subject.pos_ == "PRON":
            subject = _antecedent(doc, subject)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            return _name(doc, subject)
    return None


def _antecedent(doc: Doc, pron: Token) -> Token | None:
    """The subject a third-person subject pronoun ("il", "elle", "ils", "elles") stands
    for: the nearest earlier subject noun of its sentence or of the sentence before, of
    the same gender and number."""
    if pron.lower_ not in ("il", "elle", "ils", "elles"):
        return None
    sentence = pron.sent
    start = sentence.start
    if start > 0:
        start = doc[start - 1].sent.start
    for tok in reversed(doc[start : pron.i]):
        if tok.dep_ not in ("nsubj", "nsubj:pass") or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if _agrees(pron, tok, "Gender") and _agrees(pron, tok, "Number"):
            return tok
        return None  # the nearest subject disagrees: another referent, leave it unknown
    return None


def _agrees(a: Token, b: Token, feature: str) -> bool:
    x, y = a.morph.get(feature, []), b.morph.get(feature, [])
    return not x or not y or x == y


def _head_after(doc: Doc, i: int, end: int) -> Token | None:
    for tok in doc[i : min(end, i + 6)]:
        if tok.pos_ in ("NOUN", "PROPN"):
            return tok
        if tok.pos_ not in ("DET", "ADJ"):
            return None
    return None


def _name(doc: Doc, head: Token) -> Source:
    phrase = sp.noun_phrase(head)
    found = sp.person_in(doc, phrase) or sp.entity_of(doc, head) or phrase
    return found.start_char, found.end_char, found.text
