"""French cardinal numbers written in words or digits ("vingt-quatre", "30,4", "1er")."""

from __future__ import annotations

import re

from recoupe.temporal.lexicon import lexicon

_SPLIT = re.compile(r"[\s\-]+")


def parse_number(text: str) -> float | None:
    """The value of a number in digits or French words, or None.

    >>> parse_number("dix-huit"), parse_number("30,4"), parse_number("quatre-vingt-dix")
    (18.0, 30.4, 90.0)
    """
    t = text.strip().lower().replace("\u00a0", " ").replace("’", "'")
    digits = t.replace(" ", "").replace(",", ".")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return float(digits)
    return _words(t)


def _words(text: str) -> float | None:
    units = lexicon().number_units
    total = 0
    current = 0
    seen = False
    for word in _SPLIT.split(text):
        if not word or word == "et":
            continue
        value = units.get(word)
        if value is None:
            return None
        seen = True
        if value == 1000:
            total += (current or 1) * 1000
            current = 0
        elif value == 100:
            current = (current or 1) * 100
        elif current and current % 100 in (60, 80) and 0 < value < 20 and word != "vingt":
            current += value  # soixante-dix, quatre-vingt-onze
        elif value == 20 and current % 100 == 4:
            current = current - 4 + 80  # quatre-vingt(s)
        else:
            current += value
    return float(total + current) if seen else None


def amount_string(value: float) -> str:
    """A TIMEX3 amount: 3.0 -> "3", 30.4 -> "30.4"."""
    return str(int(value)) if float(value).is_integer() else repr(round(value, 3))
