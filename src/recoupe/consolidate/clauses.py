"""Where a record sits in its text: its sentence, its clause, the tense around it.

Clauses are cut at punctuation and at clause-opening words (", mais", ", qui", "alors que"...)
listed in ``data/consolidate/clauses.json``; tense is read from future and conditional forms
listed in ``dates.json``. Crude, but pure Python and enough to place a date or a figure.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

from recoupe.analyze.datelines import WIRE_DATELINE
from recoupe.consolidate.lexicon import data_json
from recoupe.consolidate.similarity import fold, words
from recoupe.records import Span, Timex

_SENTENCE_END = re.compile(r"[.!?…»\"”)]\s*$")


def clean_sentences(text: str, sentences: Sequence[Span]) -> tuple[Span, ...]:
    """Sentences cut at line breaks, and the fragments of one line joined back.

    The parser sometimes ends a sentence inside a name ("Les États-Unis" | "et l'Irak ont")
    or runs a heading into the next paragraph; lines are the safer unit for those. A live
    blog's time label ("18 h 45 : ", "09H20 - ") and a wire story's dateline ("Paris, le
    3 mai (AFP) - ") are left out of their sentence.
    """
    pieces: list[tuple[int, int]] = []
    for s in sorted(sentences, key=lambda s: s.start):
        offset = s.start
        for line in s.text.split("\n"):
            stripped = line.strip()
            if stripped:
                start = offset + line.index(stripped[0])
                pieces.append((start, start + len(stripped)))
            offset += len(line) + 1
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        if merged and _continues(text, merged[-1], start):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    doc = sentences[0].doc if sentences else ""
    out = []
    for a, b in merged:
        # a live blog's "18 h 45 : " or a wire dateline "Paris, le 3 mai (AFP) - " before the news
        label = _CLOCK_LABEL.match(text, a, b) or WIRE_DATELINE.match(text, a, b)
        if label is not None and label.end() < b:
            a = label.end()
        out.append(Span(doc, a, b, text[a:b]))
    return tuple(out)


_CLOCK_LABEL = re.compile(  # spaces may be no-break ones: "15h45\u00a0: "
    r"\d{1,2}[ \u00a0\u202f]?[hH:][ \u00a0\u202f]?\d{2}[ \u00a0\u202f]?(?:[:\-–—]|\|)"
    r"[ \u00a0\u202f]+(?=\S)"
)


def names_its_date(text: str) -> bool:
    """Whether a date expression says which date it is (a number or a month: "en 2011", "en
    janvier"), rather than pointing from where it is said ("aujourd'hui", "mercredi")."""
    months = data_json("dates.json")["months"]
    return any(c.isdigit() for c in text) or any(w in months for w in words(text))


def ends_a_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence (a full stop, a closing quote or bracket)."""
    return _SENTENCE_END.search(text) is not None


def _continues(text: str, previous: tuple[int, int], start: int) -> bool:
    between = text[previous[1] : start]
    ended = ends_a_sentence(text[previous[0] : previous[1]])
    # "… Abou Karim al." | "-Rachidi a …": a name cut at a stray full stop goes on
    resumes = text[start : start + 1].islower() or text[start : start + 1] == "-"
    return "\n" not in between and (not ended or resumes)


class SentenceFinder:
    """The sentence of a document that contains a given offset."""

    def __init__(self, sentences: Sequence[Span]) -> None:
        self.sentences = sorted(sentences, key=lambda s: s.start)
        self._starts = [s.start for s in self.sentences]

    def index_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None

    def at(self, offset: int) -> Span | None:
        i = self.index_at(offset)
        return None if i is None else self.sentences[i]


@cache
def _boundary() -> re.Pattern[str]:
    table = data_json("clauses.json")
    openers = sorted(table["openers"], key=len, reverse=True)
    words_alt = "|".join(re.escape(w) for w in openers)
    return re.compile(rf"\s*[;:—–()«»\"]\s*|,\s+(?=(?:{words_alt})\b)|,(?!\d)\s*", re.IGNORECASE)


_SHORT_ASIDE = re.compile(r"\([^()\s\d]+(?: [^()\s\d]+){0,2}\)")


def clause_around(
    sentence: Span, start: int, end: int, min_words: int = 5, lean_back: bool = False
) -> tuple[int, int]:
    """Offsets of the clause of ``sentence`` holding ``start``..``end``.

    Pieces between clause boundaries are joined outwards until the clause has ``min_words``
    words, so that "en 2003," keeps the words it dates. With ``lean_back``, a piece that is
    the date alone, after another, dates that one first ("X est arrivé en tête, dimanche 30
    juin, avec 33 %": an event's clause).
    """
    cuts = [sentence.start]
    # "(PIB)", "(RN)": a short aside in brackets names what precedes, it cuts no clause
    text = _SHORT_ASIDE.sub(lambda m: " " * len(m[0]), sentence.text)
    for m in _boundary().finditer(text):
        cuts.append(sentence.start + m.start())
        cuts.append(sentence.start + m.end())
    cuts.append(sentence.end)
    pieces = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if cuts[i] < cuts[i + 1]]
    if not pieces:
        return sentence.start, sentence.end
    first = next((i for i, (_, e) in enumerate(pieces) if e > start), len(pieces) - 1)
    last = next((i for i, (_, e) in enumerate(pieces) if e >= end), len(pieces) - 1)
    lo, hi = first, max(first, last)
    alone = _word_count(sentence, pieces[lo][0], pieces[hi][1]) - _word_count(sentence, start, end)
    if lean_back and lo > 0 and alone <= 1:
        lo -= 1  # "X est arrivé en tête, dimanche 30 juin, avec 33 %": the date dates X
    while _word_count(sentence, pieces[lo][0], pieces[hi][1]) < min_words:
        if hi + 1 < len(pieces):
            hi += 1
        elif lo > 0:
            lo -= 1
        else:
            break
    return pieces[lo][0], pieces[hi][1]


def _word_count(sentence: Span, start: int, end: int) -> int:
    offset = sentence.start
    return len(sentence.text[start - offset : end - offset].split())


@cache
def _future_words() -> frozenset[str]:
    return frozenset(data_json("dates.json")["future_words"])


@cache
def _future_suffixes() -> tuple[str, ...]:
    return tuple(data_json("dates.json")["future_suffixes"])


def is_future(text: str) -> bool:
    """Whether a clause speaks of the future (future or conditional forms, "prochain")."""
    found = words(text)
    suffixes = _future_suffixes()
    return any(w in _future_words() or (len(w) > 6 and w.endswith(suffixes)) for w in found)


@cache
def _leaning_openers() -> tuple[tuple[str, ...], ...]:
    table = data_json("clauses.json")
    phrases = {tuple(words(p)) for p in [*table["anaphoric"], *table["subordinators"]]}
    return tuple(sorted(phrases, key=len, reverse=True))


@cache
def _impersonal() -> tuple[tuple[str, ...], ...]:
    return tuple({tuple(words(p)) for p in data_json("clauses.json")["impersonal"]})


def reads_alone(text: str) -> bool:
    """Whether a clause can be read out of its article: it does not open on a pronoun or a
    demonstrative ("Ils ont retiré…", "Ces pourparlers…"; "Il faut…" is not one) nor on a
    subordinating word ("Bien que…", "a déclaré…")."""
    head = tuple(words(text[:60]))
    if any(head[: len(p)] == p for p in _impersonal()):
        return True
    return not any(head[: len(p)] == p for p in _leaning_openers())


def without_linking_adverb(text: str) -> str:
    """The clause without the linking adverb that ties it to the sentence before ("En
    particulier après la crue de mars…" -> "après la crue de mars…"; "Par ailleurs, le
    ministre…" -> "le ministre…"); a clause that is nothing else is kept."""
    found = _linking_adverb().match(text)
    if found is None or not text[found.end() :].strip():
        return text
    return text[found.end() :]


@cache
def _linking_adverb() -> re.Pattern[str]:
    phrases = sorted(data_json("clauses.json")["discourse_openers"], key=len, reverse=True)
    alternation = "|".join(re.escape(p).replace("'", "['’]") for p in phrases)
    return re.compile(rf"\s*(?:{alternation})(?![\w'’-])\s*,?\s*", re.IGNORECASE)


DATELINE_WORDS = 16  # a dateline is a short line: "Publié le 4 juin 2019 à 09h12 - Mis à jour…"


# "Paris, le 10 octobre 2024 (AFP) - Le gouvernement…": a wire story's dateline opens its
# paragraph with a place, a comma, the date, perhaps the agency, then a dash.
_WIRE_PLACE = re.compile(r"^\s*([A-ZÀ-Ý][\w'’. -]{0,40}),\s*(?:le\s+)?$")
_PLACE_LINKS = frozenset({"de", "du", "des", "la", "le", "les", "sur", "en", "et"})
_WIRE_AFTER = re.compile(r"^[^\n,;!?()–—-]{0,32}?(?:\([^()\n]{1,40}\)\s*)?[-–—]\s")


def in_wire_dateline(text: str, start: int) -> bool:
    """Whether the date at ``start`` is a wire story's dateline: "Paris, le 10 octobre 2024
    (AFP) - …", "ROME, 3 juillet (Reuters) – …" at the start of a paragraph."""
    line_start = text.rfind("\n", 0, start) + 1
    place = _WIRE_PLACE.match(text[line_start:start]) if start - line_start <= 60 else None
    if place is None or len(names := place[1].split()) > 4:
        return False
    if not all(w[:1].isupper() or w in _PLACE_LINKS for w in names):
        return False  # "Le ministre a dit, le 10 mai - …" is no place
    return _WIRE_AFTER.match(text[start : start + 90]) is not None


def in_dateline(text: str, start: int, markers: Sequence[str]) -> bool:
    """Whether the date at ``start`` is a page's dateline ("Publié le 4 juin 2019",
    "par A. B. | mis à jour le 3/03/2011", "Paris, le 10 octobre 2024 (AFP) -"): a marker
    just before it, written with a capital, or on a short line that is not a sentence, or a
    wire story's dateline. "L'arrêté a été publié le 28 mars." is news."""
    if in_wire_dateline(text, start):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    near = " " + " ".join(words(text[max(line_start, start - 45) : start])) + " "
    if not preceded_by(text, start, markers) and not any(f" {fold(m)} " in near for m in markers):
        return False  # the marker just before, or a little before: "Publié le 4 juin à [09h12]"
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if len(line.split()) <= DATELINE_WORDS and not line.endswith((".", "!", "?", "…")):
        return True
    before = text[max(line_start, start - 40) : start]
    heads = _marker_heads(tuple(markers))
    return any(w[:1].isupper() and fold(w) in heads for w in before.split())


@cache
def _marker_heads(markers: tuple[str, ...]) -> frozenset[str]:
    return frozenset(m.split()[0] for m in markers)


def no_anchor(text: str, t: Timex) -> bool:
    """A date that anchors no event: the "ici" of "d'ici la fin du mois" (TimeBank tags it
    as the article's day: the start of a span, not a time something happens), and the
    start of a year after "depuis" ("1 240 cas depuis le 1er janvier", "depuis le début de
    l'année": where a count starts, not something that happened then), and a date a record
    is measured from ("inédite depuis 1997")."""
    if text[t.start : t.end].lower() == "ici":
        return True
    if not preceded_by(text, t.start, ("depuis",)) or t.value is None:
        return False
    if t.value.endswith("-01-01") or (len(t.value) == 4 and t.mod == "START"):
        return True
    return _record_since(text, t.start)


def _record_since(text: str, start: int) -> bool:
    """ "une participation inédite depuis 1997", "la plus élevée depuis 1997": the date is
    what the present is compared with, in the words of its sentence before it."""
    lead = _SENTENCE_BREAK.split(text[max(0, start - _RECORD_WINDOW) : start])[-1]
    said = f" {' '.join(words(lead))} "
    markers: list[str] = data_json("dates.json")["record_markers"]
    return any(f" {m} " in said for m in markers)


_RECORD_WINDOW = 160  # characters of the sentence before the date looked at
_SENTENCE_BREAK = re.compile(r"[.!?\n]")


def preceded_by(text: str, start: int, markers: Sequence[str], window: int = 30) -> bool:
    """Whether one of ``markers`` (folded words) comes just before ``start``, articles aside."""
    tail = words(text[max(0, start - window) : start])[-4:]
    articles = set(data_json("clauses.json")["articles"])
    while tail and tail[-1] in articles:
        tail.pop()
    joined = " " + " ".join(tail)
    return any(joined.endswith(" " + fold(m)) for m in markers)


_CLOSERS = ' \t»”"’'  # closing quotes: a title may end on one


def is_heading(text: str, sentence: Span) -> bool:
    """A line of its own whose last sign is no full stop: a title ("Budget : la gauche
    dénonce « l'austérité »"), though it ends on a closing quote. A caption in brackets
    ("(Explosion à Lyon, le 7 juin, AFP)") tells news and is no title."""
    before = text[text.rfind("\n", 0, sentence.start) + 1 : sentence.start]
    after_end = text.find("\n", sentence.end)
    after = text[sentence.end : after_end if after_end >= 0 else len(text)]
    if before.strip() or after.strip():
        return False
    return not sentence.text.rstrip(_CLOSERS).endswith((".", "!", "?", "…", ")", "]"))
