"""A bare weekday that is the article's own weekday is that very day, whatever the tense."""

from __future__ import annotations

import pytest

from recoupe.temporal import tag


@pytest.mark.parametrize(
    ("sentence", "dct", "expected"),
    [
        ("La digue a cédé ce lundi.", "2025-03-10", "2025-03-10"),
        ("Lundi, le préfet a parlé.", "2025-03-10", "2025-03-10"),
        ("Le ministre viendra vendredi.", "2024-03-08", "2024-03-08"),
        ("Lundi dernier, il pleuvait.", "2025-03-10", "2025-03-03"),
        ("Lundi prochain, le ministre viendra.", "2025-03-10", "2025-03-17"),
        ("Dimanche, il a plu.", "2025-03-10", "2025-03-09"),
    ],
)
def test_weekday_against_the_article_day(sentence: str, dct: str, expected: str) -> None:
    [timex] = tag(sentence, dct)
    assert timex.value == expected
