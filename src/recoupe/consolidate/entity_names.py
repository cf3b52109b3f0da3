"""Name keys for matching entity mentions across spellings and transliterations."""

from __future__ import annotations

import re

from recoupe.analyze.entity_gazetteer import fold, load_gazetteer

# Spellings of the same sounds in French, English and other transliterations of Arabic,
# Persian or Russian names: al-Sadiqi = al-Sadiki, Mahmoud = Mahmud, Yahia = Yahya.
_SOUNDS = (
    (r"\bel\b", "al"),
    (r"sch|sh|ch", "sh"),
    (r"ou", "u"),
    (r"kh|ck|q", "k"),
    (r"dh", "d"),
    (r"th", "t"),
    (r"ph", "f"),
    (r"dj", "j"),
    (r"ee|y", "i"),
    (r"([a-z])\1+", r"\1"),
    (r"(?<=[aeiou])h\b", ""),  # Misratah = Misrata
)
_COMPILED = tuple((re.compile(pattern), repl) for pattern, repl in _SOUNDS)
_CONNECTORS = frozenset({"sur", "sous", "les", "lez", "en"})


def translit(name: str) -> str:
    """A key shared by spellings of one name: folded, then sounds spelled one way."""
    key = fold(name)
    for pattern, repl in _COMPILED:
        key = pattern.sub(repl, key)
    return key


def core_tokens(key: str) -> tuple[str, ...]:
    """Words of a folded name, particles kept with the word they introduce:
    "karim al mansouri" -> ("karim", "al mansouri")."""
    particles = load_gazetteer().particles
    out: list[str] = []
    pending = ""
    for word in key.split():
        if word in particles:
            pending = f"{pending}{word} "
        else:
            out.append(pending + word)
            pending = ""
    if pending:
        out.append(pending.strip())
    return tuple(out)


def place_head(key: str) -> str | None:
    """The first word of a compound place name: "brehac sur loire" -> "brehac"."""
    words = key.split()
    if len(words) >= 3 and words[1] in _CONNECTORS:
        return words[0]
    return None
