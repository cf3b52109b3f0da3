"""Who holds a role across the corpus.

An article introduces a person with a role set beside the name ("la ministre de l'Économie,
Nadia Fersen, a reconnu…", "Nadia Fersen, ministre de l'Économie, a…"); another article
of the same story only writes "la ministre de l'Économie a répété…". Within one article
the quote stage already links such a title to the person introduced with it; across
articles, a speaker or a figure's source written as a role goes to the one person of the
corpus introduced with that very role (its complement too: "ministre de l'Économie", not
"ministre"), of the same gender when the article tells it ("le secrétaire d'État" is not
"la secrétaire d'État"), in an article dated within ``ROLE_DAYS`` of it. Two people
introduced with one role (two successive ministers) leave it unlinked.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from functools import cache

from recoupe.analyze.entity_gazetteer import fold
from recoupe.consolidate.lexicon import data_lines
from recoupe.consolidate.periods import day_bounds, parse_period
from recoupe.records import Document, Entity

ROLE_DAYS = 90  # roles change hands, fast in a crisis: a minister resigns, another comes
_ARTICLE = re.compile(r"(?:\b(?:le|la)\s+|\bl['’]\s*)", re.IGNORECASE)
_ROLE_WORDS = r"[^,;:.!?«»()\[\]\n\"]{3,80}"
_BEFORE = re.compile(rf"(?P<role>{_ROLE_WORDS}),\s*$")
_AFTER = re.compile(rf"^\s*,\s*(?:(?:le|la)\s+|l['’]\s*)?(?P<role>{_ROLE_WORDS}?)\s*[,;:.)]")
_CURRENT = ("nouveau ", "nouvelle ", "nouvel ", "actuel ", "actuelle ")


def role_key(text: str) -> str | None:
    """ "La ministre de l'Économie" -> "ministre de l economie"; None unless the phrase is
    a title with a complement ("ministre" alone names nobody)."""
    key = fold(text)
    for article in ("le ", "la ", "l "):
        if key.startswith(article):
            key = key[len(article) :]
            break
    for word in _CURRENT:
        if key.startswith(word):
            key = key[len(word) :]
    title = max((t for t in _titles() if key.startswith(t + " ")), key=len, default=None)
    if title is None or len(key.split()) > 10:  # a title and its complement, no more
        return None
    return key


@cache
def _titles() -> frozenset[str]:
    return frozenset(fold(t) for t in data_lines("offices.txt"))


def gender_of(role: str) -> str | None:
    """ "m" for "le …", "f" for "la …", else None (l', no article)."""
    first = role.split(maxsplit=1)[0].lower() if role.strip() else ""
    return {"le": "m", "la": "f"}.get(first)


def _roles_around(text: str, start: int, end: int) -> list[tuple[str, str | None]]:
    """The roles set beside a name at ``start:end``, with their gender: before it ("la
    ministre de l'Économie, X") or after it ("X, la ministre de l'Économie,")."""
    found = []
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 100) : start]
    for article in _ARTICLE.finditer(before):
        m = _BEFORE.fullmatch(before, article.end())
        if m and (key := role_key(m.group("role"))):
            found.append((key, gender_of(article.group())))
            break
    m = _AFTER.match(text[end : end + 100])
    if m and (key := role_key(m.group("role"))):
        found.append((key, gender_of(m.group().lstrip(" ,"))))
    return found


class RoleHolders:
    """The people each role is given to in the corpus, with the dates of the articles."""

    def __init__(self, documents: Sequence[Document], entities: Sequence[Entity]) -> None:
        texts = {d.id: d.text for d in documents}
        self._dates = {d.id: _date(d.date.value) for d in documents}
        self._holders: dict[str, list[tuple[str, date | None, str | None]]] = defaultdict(list)
        for entity in entities:
            if entity.type != "PER":
                continue
            for m in entity.mentions:
                text = texts.get(m.doc)
                if text is None:
                    continue
                for key, gender in _roles_around(text, m.start, m.end):
                    self._holders[key].append((entity.id, self._dates.get(m.doc), gender))

    def holder(self, role: str, doc: str) -> str | None:
        """The one person introduced with ``role`` (as written: "la ministre de
        l'Économie") in an article near ``doc``'s date, if there is exactly one."""
        key = role_key(role)
        if key is None:
            return None
        when, gender = self._dates.get(doc), gender_of(role)
        found = {
            entity
            for entity, told, told_gender in self._holders.get(key, ())
            if (when is None or told is None or abs((when - told).days) <= ROLE_DAYS)
            and (gender is None or told_gender is None or gender == told_gender)
        }
        return next(iter(found)) if len(found) == 1 else None


def _date(value: str | None) -> date | None:
    period = parse_period(value)
    if period is None:
        return None
    first, last = day_bounds(period)
    return first + (last - first) / 2
