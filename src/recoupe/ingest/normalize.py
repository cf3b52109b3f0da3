"""Text normalisation shared by every input format.

Mojibake repaired (ftfy's encoding fixes only: quotes, dashes and ligatures are left as
written), line endings made ``\\n``, NFC, control characters dropped, trailing spaces
stripped per line, runs of blank lines cut to one (paragraph breaks are kept), and a space
put back between two sentences glued by a lost one ("avant la fin du mois".La commission...).
"""

from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy.badness import is_bad

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff\ufffe]")
_TRAILING = re.compile(r"[ \t\u00a0\u202f\u3000]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")
# "...mois".La commission, "le SAMU.Le préfet": an end of sentence (after a small letter, a
# digit, a closing mark or an acronym) glued to a capitalised word. "M.Durand", "U.S.A",
# "U.S.Army", "lemonde.fr" do not match.
_GLUED_SENTENCE = re.compile(
    r"(?:(?<=[a-zà-ÿœ0-9\"»”)\]])|(?<=[A-Z]{2}))([.!?])(?=[A-ZÀÂÄÇÉÈÊËÎÏÔÖÛÙÜŸŒ][a-zà-ÿœ])"
)
# Cheap test before ftfy's own: UTF-8 read as cp1252/latin-1 leaves a lead byte (Â..ô)
# followed by a continuation byte shown as Latin-1 or a cp1252 sign, or a C1 control.
_MAYBE_MOJIBAKE = re.compile(
    "[\u0080-\u009f]|[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178"
    "\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026"
    "\u2030\u2039\u203a\u20ac\u2122]"
)


def repair_mojibake(text: str) -> str:
    """UTF-8 read as cp1252/latin-1 ("Ã©tÃ©") back to what was meant ("été")."""
    if _MAYBE_MOJIBAKE.search(text) and is_bad(text):
        return ftfy.fix_encoding(text)
    return text


def normalize_text(text: str) -> str:
    """The clean form of ``text``: see the module docstring."""
    text = repair_mojibake(text)
    text = _LINE_BREAKS.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    text = _CONTROLS.sub("", text)
    text = _TRAILING.sub("", text)
    text = _GLUED_SENTENCE.sub(r"\1 ", text)
    return tidy_blank_lines(text)


def tidy_blank_lines(text: str) -> str:
    """At most one blank line between paragraphs, none at either end."""
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")
