"""Rules that read a mention's context: metonymy, demonyms, titles before a name, types.

Each function takes the document's candidates (``entity_repair.Cand``, in token offsets)
and returns them typed, flagged or completed; the order of the calls is in
``entity_ruler.repair_mentions``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span

from recoupe.analyze.doctext import doc_text
from recoupe.analyze.entity_gazetteer import Gazetteer, fold, is_acronym
from recoupe.analyze.entity_repair import Cand, Titles, title_at

_DEMONYM_ENDINGS = ("ais", "aises", "ois", "oises", "iens", "iennes", "éens", "éennes", "ains",
                    "aines", "ins")  # fmt: skip
_PLURAL_DETERMINERS = {"les", "des", "aux", "ces"}


def prev_token(doc: Doc, i: int, skip: frozenset[str] = frozenset()) -> int:
    """Index of the token before ``i``, skipping spaces and the words in ``skip``."""
    k = i - 1
    while k >= 0 and (doc[k].is_space or doc[k].lower_ in skip):
        k -= 1
    return k


_OF = frozenset({"de", "d'", "d’", "du", "des"})


def mark_demonyms(doc: Doc, cands: list[Cand], gaz: Gazetteer) -> None:
    """ "les Irakiens" is linked to Irak with a flag; "les Angevins" is flagged alone."""
    for cand in cands:
        if cand.entry is not None and cand.entry.kind == "demonym":
            cand.demonym, cand.label = True, "MISC"
        elif cand.entry is None and cand.end - cand.start == 1 and cand.label in ("LOC", "MISC"):
            text = doc[cand.start].text
            k = prev_token(doc, cand.start)
            if (k >= 0 and doc[k].lower_ in _PLURAL_DETERMINERS
                    and text.endswith(_DEMONYM_ENDINGS) and text[:1].isupper()):  # fmt: skip
                cand.demonym, cand.label = True, "MISC"


def title_before(doc: Doc, cand: Cand, gaz: Gazetteer, titles: Titles) -> tuple[str, str] | None:
    """A title in apposition just before a name: ("Premier ministre irakien", "role")."""
    stops = gaz.words["apposition_stops"]
    k = cand.start - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    if k < 0 or doc[k].lower_ in stops or doc[k].is_punct:
        return None
    sent_start = doc[cand.start].sent.start if doc.has_annotation("SENT_START") else 0
    for begin in range(k, max(sent_start, cand.start - 9) - 1, -1):
        tok = doc[begin]
        if (tok.is_punct and tok.text not in "-'’") or tok.pos_ in ("VERB", "AUX"):
            return None
        found = title_at(doc, begin, k + 1, titles)
        if found is None or (found[1] == "honorific" and found[0] != cand.start):
            continue
        return doc[begin : k + 1].text.strip(" ,"), found[1]
    return None


def mark_titles(doc: Doc, cands: list[Cand], gaz: Gazetteer, titles: Titles) -> None:
    for cand in cands:
        if cand.person_cue or cand.entry is not None or cand.label == "ORG":
            continue
        found = title_before(doc, cand, gaz, titles)
        if found is not None:
            cand.person_cue, cand.label = True, "PER"
            if found[1] == "role":
                cand.role = found[0]


def is_title_complement(doc: Doc, cand: Cand, gaz: Gazetteer, titles: Titles) -> bool:
    """ "ministre de la [Transition écologique]", "ministre des [Affaires étrangères]": part
    of a title, not a name."""
    if cand.entry is not None:
        return False
    k = prev_token(doc, cand.start, gaz.words["articles"] | _OF)
    if k < 0 or k == cand.start - 1:
        return False
    for begin in range(k, max(-1, k - 3), -1):
        found = title_at(doc, begin, cand.end, titles)
        if found is not None and found[0] >= cand.end:
            return True  # a title of the list runs over the whole mention
    if doc[cand.start].lower_ in gaz.words["portfolios"] and _after_title(doc, k, gaz, titles):
        return True  # "le ministre britannique des [Affaires étrangères]"
    return cand.label == "MISC" and title_at(doc, k, k + 1, titles) is not None


def _after_title(doc: Doc, k: int, gaz: Gazetteer, titles: Titles) -> bool:
    """Token ``k`` ends a title, maybe followed by adjectives: "ministre [britannique]"."""
    while k >= 0 and doc[k].is_lower and doc[k].pos_ == "ADJ":
        k -= 1
    return k >= 0 and (
        doc[k].lower_ in gaz.words["title_heads"] or title_at(doc, k, k + 1, titles) is not None
    )


def fix_types(doc: Doc, cands: list[Cand], gaz: Gazetteer) -> None:
    """Types the model often gets wrong, from the words of the mention and its role."""
    heads, speech = gaz.words["org_heads"], gaz.words["speech_verbs"]
    previous: Cand | None = None
    for cand in cands:
        before, previous = previous, cand
        if cand.entry is not None:
            if not cand.metonymy and not cand.demonym:
                cand.label = cand.entry.type
            continue
        span = doc[cand.start : cand.end]
        if cand.person_cue:
            cand.label = "PER"
        elif _after_company_noun(doc, cand, gaz.words["company_nouns"]):
            cand.label, cand.company_cue = "ORG", True
        elif _after_event_noun(doc, cand, gaz.words["event_nouns"]):
            cand.label, cand.event_cue = "MISC", True
        elif cand.label in ("MISC", "LOC") and _looks_like_org(span, heads):
            cand.label = "ORG"
        elif cand.label == "LOC" and span.root.dep_ == "nsubj" and span.root.head.lemma_ in speech:
            cand.label = "PER"
        elif cand.label == "LOC" and len(span) == 1 and _after_source_cue(doc, cand, gaz):
            cand.label = "ORG"
        elif cand.label in ("PER", "MISC", "LOC") and (
            _place_context(doc, cand, gaz) or _listed_with_a_place(doc, cand, before)
        ):  # a place the model saw is marked too: its context outweighs a guess elsewhere
            cand.label, cand.place_cue = "LOC", True


_AT = frozenset({"à", "dans", "vers"})  # "a" is the verb; "A" opens a sentence
_ENDS = frozenset({".", "!", "?", "»", '"', "”", ":", ",", "(", "\n"})


def _place_context(doc: Doc, cand: Cand, gaz: Gazetteer) -> bool:
    """Context that shows a name is a place, whatever the model guessed: a place noun and
    "de" before it ("la ville de [Kerbouna]", "les habitants de [Bir Salem]", "au sud de
    [Tamzira]"); "à", "dans", "vers" before it when the name reads as a place ("Ras", "Sidi"...
    and a word), is followed by where it lies ("à [Oumzal] (ouest)", "à [Oumzal], à 200
    km") or opens the sentence ("A [Tamzira], ..."). "à" alone is not enough: "opposants à
    Lemaire", "en référence à Ben Salem" name persons."""
    k = prev_token(doc, cand.start)
    if k < 0:
        return False
    j = prev_token(doc, k)
    if doc[k].lower_ in _OF:
        nouns = gaz.words["place_nouns"]
        return (j >= 0 and doc[j].lower_ in nouns and doc[j].pos_ not in ("VERB", "AUX")
                and not _idiom(doc, j))  # fmt: skip
    if doc[k].lower_ not in _AT and doc[k].text != "A":  # "a" is the verb; "A" opens a sentence
        return False
    opens = j < 0 or doc[j].text in _ENDS
    if doc[k].text == "A" and not opens:
        return False
    n = cand.end - cand.start
    prefixed = n == 2 and doc[cand.start].lower_ in gaz.words["toponym_prefixes"]
    last = doc[cand.end - 1]
    after = doc_text(doc)[last.idx + len(last.text) :][:24].lower()
    alone = opens and n == 1 and after.startswith(",")
    return prefixed or alone or _LOCATED.match(after) is not None


_LOCATED = re.compile(
    r"\s*(?:\(\s*(?:nord|sud|est|ouest|centre|\d+\s*km)"
    r"|,\s*(?:à|au|dans)\s+(?:\d|quelque|environ|une?\b|l'(?:est|ouest)|l’(?:est|ouest)))"
)


def _listed_with_a_place(doc: Doc, cand: Cand, before: Cand | None) -> bool:
    """ "à Ras Nakhla et [Kerbouna]": a one-word name listed right after a place is one."""
    if before is None or before.label != "LOC" or before.metonymy or before.demonym:
        return False
    if not before.place_cue:  # a known place, itself after "à", "de", "en"...
        b = prev_token(doc, before.start)
        if before.entry is None or b < 0 or doc[b].lower_ not in _AT | _OF | {"en", "au", "aux"}:
            return False
    k = prev_token(doc, cand.start)
    return k == before.end and doc[k].lower_ in ("et", "ou") and cand.end - cand.start == 1


def _after_event_noun(doc: Doc, cand: Cand, nouns: frozenset[str]) -> bool:
    """ "l'opération [Serval]", "la mission militaire [Takuba]": an operation's name."""
    k = prev_token(doc, cand.start)
    while k > 0 and doc[k].is_lower and doc[k].pos_ == "ADJ" and cand.start - k < 3:
        k -= 1
    return k >= 0 and doc[k].is_lower and doc[k].lower_ in nouns


_COMPANY_DETERMINERS = frozenset(
    {"le", "la", "l'", "l’", "un", "une", "du", "au", "son", "sa", "leur", "ce", "cette", "cet"}
)


def _after_company_noun(doc: Doc, cand: Cand, nouns: frozenset[str]) -> bool:
    """ "le fabricant de pneumatiques [Vernaux]", "le groupe pharmaceutique [Sanolis]",
    "l'usine [Vernaux]": a name right after a noun of companies (and its complement) with
    its determiner names a company, whatever the model guessed."""
    k = prev_token(doc, cand.start)
    # "son usine de [Saint-Priest]", "l'usine du groupe à [Łódź]": where it is, not whose
    if k < 0 or doc[k].pos_ not in ("NOUN", "ADJ", "PROPN") or not doc[k].is_lower:
        return False
    for j in range(k, max(-1, k - 5), -1):
        tok = doc[j]
        if tok.lower_ in nouns:
            return j > 0 and doc[j - 1].lower_ in _COMPANY_DETERMINERS
        if not tok.is_lower or not (tok.pos_ in ("ADJ", "NOUN") or tok.lower_ in _OF):
            return False
    return False


def _looks_like_org(span: Span, heads: frozenset[str]) -> bool:
    """An acronym ("SDIS") or a name headed by an organisation noun ("Forces de...")."""
    if len(span) == 1:
        return is_acronym(span.text)
    return span[0].lower_ in heads


def _after_source_cue(doc: Doc, cand: Cand, gaz: Gazetteer) -> bool:
    k = prev_token(doc, cand.start)
    return k >= 0 and doc[k].lower_ in gaz.words["source_cues"]


def _name_tokens(doc: Doc, cand: Cand) -> tuple[str, ...]:
    return tuple(fold(doc[cand.start : cand.end].text).split())


def propagate_persons(doc: Doc, cands: list[Cand]) -> None:
    """One sense per document: "Al-Mansouri" is a person when "Samir Al-Mansouri" is."""
    suffixes: set[tuple[str, ...]] = set()
    for cand in cands:
        if cand.label == "PER" and not cand.demonym:
            words = _name_tokens(doc, cand)
            suffixes.update(words[i:] for i in range(len(words)))
    for cand in cands:
        weak = cand.entry is None or cand.entry.kind == "place"
        cued = cand.place_cue or cand.company_cue or cand.event_cue
        if (cand.label != "PER" and weak and not cand.demonym and not cued
                and _name_tokens(doc, cand) in suffixes):  # fmt: skip
            cand.label, cand.entry = "PER", None


_CUE_WEIGHT = 3
_PLACE_WEIGHT = 2


def vote_types(doc: Doc, cands: list[Cand]) -> None:
    """The same unknown name gets one type in a document: the most frequent one (a type
    shown by the context, "le fabricant [X]", "la base de [X]", "l'opération [X]", outweighs
    the model's guesses)."""
    votes: dict[str, Counter[str]] = {}
    for cand in cands:
        if cand.entry is None and not cand.demonym:
            if cand.company_cue or cand.event_cue:
                weight = _CUE_WEIGHT
            else:  # "à [X]", "la ville de [X]" outweigh one guess, not two
                weight = _PLACE_WEIGHT if cand.place_cue else 1
            votes.setdefault(fold(doc[cand.start : cand.end].text), Counter())[cand.label] += weight
    for cand in cands:
        if cand.entry is None and not cand.demonym and not cand.person_cue:
            counter = votes[fold(doc[cand.start : cand.end].text)]
            cand.label = max(counter, key=lambda label: (counter[label], label == "PER"))


def extend_place_nouns(doc: Doc, cands: list[Cand], gaz: Gazetteer) -> list[Cand]:
    """ "la levée de la Guichetière", "rue de Rivoli": the noun belongs to the place name."""
    nouns = gaz.words["name_place_nouns"]
    out = []
    floor = 0
    for cand in cands:
        if cand.label in ("LOC", "MISC", "ORG") and not cand.demonym and not cand.metonymy:
            k = cand.start - 1
            while k >= floor and k >= cand.start - 3 and doc[k].lower_ in {
                    "de", "d'", "d’", "du", "des", "la", "l'", "l’", "le", "les"}:  # fmt: skip
                k -= 1
            adjacent = k == cand.start - 1
            if (k >= floor and doc[k].lower_ in nouns and doc[k].is_lower
                    and (cand.label != "ORG" or adjacent) and not _idiom(doc, k)):  # fmt: skip
                cand = replace(cand, start=k, label="LOC", entry=None)
        out.append(cand)
        floor = cand.end
    return out


def _idiom(doc: Doc, k: int) -> bool:
    """ "à la place de", "en place": "place" that is not a square."""
    before = [t.lower_ for t in doc[max(0, k - 2) : k]]
    return doc[k].lower_ == "place" and (before[-1:] == ["en"] or before == ["à", "la"])
