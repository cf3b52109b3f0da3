"""The words around an expression: neighbours, sentence, and the tense they suggest.

The tense heuristic reads word forms only (no parser), so that the same text with the
same DCT always gets the same values, with or without spaCy: auxiliaries and imperfect
endings point to the past; future and conditional forms, "prévu", "prochain" to the
future. The cue nearest to the expression in its clause (between commas) wins, then the
nearest in its sentence.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from recoupe.temporal.lexicon import lexicon

_WORD = re.compile(r"[\w'’-]+|[,;:.!?«»()\"]")
_PLAIN_WORD = re.compile(r"\w+(?:['’]\w+)?")
_SENTENCE_END = re.compile(r"[.!?;\n](?=\s|$)|\n")
_PARTICIPLE = re.compile(r"\w+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ert|ort|eint|aint|oint)$")
_FUTURE = re.compile(
    r"\w{2,}(?:erai|eras|era|erons|erez|eront|irai|iras|ira|irons|iront|drai|dras|dra|drons|"
    r"dront|rrai|rra|rront|vra|vront|urai|ura|uront)$"
)
_CONDITIONAL = re.compile(
    r"\w{2,}(?:erait|eraient|irait|iraient|drait|draient|rrait|rraient|vrait|vraient|"
    r"urait|uraient)$"
)
PAST, FUTURE = -1, 1
PRESENT = 2  # a present-tense verb: no direction, and the search stops there
_IMPERFECT = re.compile(r"\w{2,}(?:ait|aient|èrent)$")


def words_before(text: str, start: int, limit: int = 60) -> list[str]:
    """Lower-cased words and punctuation just before ``start``, nearest last."""
    return [w.lower() for w in _WORD.findall(text[max(0, start - limit) : start])]


def words_after(text: str, end: int, limit: int = 60) -> list[str]:
    """Lower-cased words and punctuation just after ``end``, nearest first."""
    return [w.lower() for w in _WORD.findall(text[end : end + limit])]


def preceded_by(text: str, start: int, phrases: tuple[str, ...] | frozenset[str]) -> bool:
    """True if one of ``phrases`` (lower case) ends right before ``start``."""
    head = text[max(0, start - 40) : start].lower().replace("’", "'").rstrip()
    for phrase in phrases:
        if head.endswith(phrase) and (
            len(head) == len(phrase) or not head[-len(phrase) - 1].isalnum()
        ):
            return True
    return False


@lru_cache(maxsize=8)
def _sentence_ends(text: str) -> tuple[int, ...]:
    """Offsets just after each sentence end of ``text`` (computed once per text)."""
    return tuple([m.end() for m in _SENTENCE_END.finditer(text)])


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]`` (at most 400 characters each side)."""
    ends = _sentence_ends(text)
    i = bisect.bisect_right(ends, start)
    left = max(ends[i - 1] if i else 0, start - 400, 0)
    j = bisect.bisect_right(ends, end)
    right = ends[j] - 1 if j < len(ends) else len(text)
    return left, min(right, end + 400)


def direction_at(text: str, start: int, end: int) -> int | None:
    """PAST, FUTURE, PRESENT or None (no cue), from the verbs around ``text[start:end]``."""
    left, right = sentence_span(text, start, end)
    clause_left = max([left] + [text.rfind(c, left, start) + 1 for c in _CLAUSE_MARKS])
    clause_right = min([right] + [i for c in _CLAUSE_MARKS if (i := text.find(c, end, right)) >= 0])
    found = _nearest_cue(text, start, end, clause_left, clause_right)
    if found is None:  # a clause without a verb ("Jeudi, ..."): the sentence's tense
        found = _nearest_cue(text, start, end, left, right)
    return found


_CLAUSE_MARKS = ",;:()"


def _nearest_cue(text: str, start: int, end: int, lo: int, hi: int) -> int | None:
    """The tense cue nearest (in words) to ``text[start:end]`` among the words in [lo, hi)."""
    tense = lexicon().tense
    before = _PLAIN_WORD.findall(text, lo, start)
    best: tuple[float, int] | None = None
    following = ""
    for i in range(len(before) - 1, -1, -1):  # words are normalised only when looked at
        word = _norm(before[i])
        cue = _cue(word, _norm(before[i - 1]) if i else "", following, tense)
        if cue:
            best = (len(before) - i, cue)
            break
        following = word
    after = _PLAIN_WORD.findall(text, end, hi)
    for i in range(len(after)):
        if best is not None and i + 1.5 >= best[0]:
            break
        following = _norm(after[i + 1]) if i + 1 < len(after) else ""
        cue = _cue(_norm(after[i]), _norm(after[i - 1]) if i else "", following, tense)
        if cue:
            best = (i + 1.5, cue)
            break
    return best[1] if best else None


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _cue(word: str, previous: str, following: str, tense: dict[str, frozenset[str]]) -> int:
    if word in tense["call_words"] and following in ("à", "au", "aux"):
        return FUTURE  # "ont appelé à un rassemblement mercredi": the call is for what comes
    if previous in tense["avoir_words"] and (word in tense["adverbs"] or _participle(word, tense)):
        return -1  # "ont fait grève jeudi": "fait" is a participle here, not "il fait"
    if word in tense["avoir_words"]:  # "a annoncé", "ont déjà", not "ont rendez-vous"
        return -1 if _participle(following, tense) or following in tense["adverbs"] else PRESENT
    if word in tense["reflexive_be"] or (previous == "se" and word == "sont"):
        return -1 if _participle(following, tense) or following in tense["adverbs"] else 0
    if word in tense["be_words"] and following in tense["etre_participles"]:
        return -1
    return _word_cue(word)


@lru_cache(maxsize=8192)
def _word_cue(word: str) -> int:
    """The tense a word shows by itself (its list, or its ending)."""
    tense = lexicon().tense
    if word in tense["future_words"] or word in tense["conditional_words"]:
        return 1
    if word in tense["past_words"]:
        return -1
    if word in tense["present_words"]:
        return PRESENT
    if len(word) < 5 or not word.isalpha():
        return 0
    if _FUTURE.match(word) and word not in tense["future_ending_exceptions"]:
        return 1
    if _CONDITIONAL.match(word):
        return 1
    if _IMPERFECT.match(word) and word not in tense["imperfect_exceptions"]:
        return -1
    return 0


def _participle(word: str, tense: dict[str, frozenset[str]]) -> bool:
    if word in tense["not_participles"] or word in tense["future_words"]:
        return False
    return _PARTICIPLE.match(word) is not None


def is_generic(text: str, start: int) -> bool:
    """True when a habit marker ("chaque", "uniquement"...) comes just before."""
    words = words_before(text, start, 30)[-3:]
    return any(w in lexicon().generic_markers for w in words)
