"""Anyone with recoupe installed can add its components by name, without importing it."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import spacy
nlp = spacy.load("fr_core_news_md")
nlp.add_pipe("recoupe_paragraphs", before="parser")
nlp.add_pipe("recoupe_sentences", after="parser")
for name in ("recoupe_entities", "recoupe_timex", "recoupe_quotes", "recoupe_quantities"):
    nlp.add_pipe(name)
doc = nlp("Le 7 octobre 2023, plus de 300 habitants ont été évacués.")
print(sorted(doc.spans))
print([s._.timex["value"] for s in doc.spans["timex"]])
"""


def test_components_load_through_entry_points() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert "2023-10-07" in result.stdout
    assert "timex" in result.stdout
