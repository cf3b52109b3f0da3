"""Hyphenated common nouns kept as one token (``data/tokens/compounds.txt``).

The French tokenizer keeps "porte-parole" or "sous-préfet" whole but cuts "état-major" in
three, and the parser then hangs "l'état" alone under the verb: "…, a indiqué l'état-major"
was said by "l'état". Each listed word becomes a special case of the tokenizer, in lower case
and capitalised, with either apostrophe.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer

from recoupe.analyze.quantity_lexicon import words


def compound_forms() -> list[str]:
    """Every surface form to keep whole, from the data file."""
    forms: set[str] = set()
    for word in words("tokens", "compounds.txt"):
        for form in (word, word[:1].upper() + word[1:]):
            forms.add(form)
            forms.add(form.replace("'", "’"))
    return sorted(forms)


def keep_compounds(nlp: Language) -> None:
    """Teach ``nlp``'s tokenizer the listed compounds (idempotent)."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):  # a custom tokenizer keeps its own rules
        return
    for form in compound_forms():
        tokenizer.add_special_case(form, [{ORTH: form}])
