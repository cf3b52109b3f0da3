"""The spaCy component ``recoupe_timex`` on the seed articles (issue 3, "Must show")."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from recoupe.analyze.timex import SPAN_KEY, timexes_from_doc
from recoupe.records import Timex
from recoupe.temporal import reresolve

# The DCT a seed carries in its metadata prefix (" date 2024-03 ..."); None: undated.
SEED_DCT = {"000": None, "001": None, "002": "2024-03", "003": "2024-01", "004": None}


def _seed(seeds_dir: Path, prefix: str) -> str:
    (path,) = seeds_dir.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _run(nlp: Any, text: str, dct: str | None) -> list[Timex]:
    doc = nlp.make_doc(text)
    doc._.dct = dct
    return timexes_from_doc(nlp(doc), "d")


@pytest.fixture(scope="module")
def seed_timexes(nlp: Any, seeds_dir: Path) -> dict[str, tuple[str, list[Timex]]]:
    out = {}
    for prefix, dct in SEED_DCT.items():
        text = _seed(seeds_dir, prefix)
        out[prefix] = (text, _run(nlp, text, dct))
    return out


def _values(found: list[Timex], text: str) -> list[tuple[str, str]]:
    return [(t.value, t.mod or "") for t in found if t.text.lower() == text.lower()]


@pytest.mark.parametrize(
    ("seed", "expression", "value", "mod"),
    [
        ("000", "octobre", "XXXX-10", ""),  # undated: what is known
        ("001", "janvier dernier", "XXXX-01", ""),
        ("002", "novembre", "2024-11", ""),  # said in March 2024, about the elections to come
        ("002", "plus d'un mois", "P1M", "MORE_THAN"),
        ("002", "janvier", "2024-01", ""),
        ("003", "l’année dernière", "2023", ""),
        ("003", "le 7 octobre", "2023-10-07", ""),
        ("003", "la mi-octobre", "2023-10", "MID"),
        ("004", "l'été 2014", "2014-SU", ""),
        ("004", "la fin de 2011", "2011", "END"),
        ("000", "trois ans plus tard", "2014", ""),  # after "en 2011"
    ],
)
def test_seed_expression(
    seed_timexes: dict[str, tuple[str, list[Timex]]],
    seed: str,
    expression: str,
    value: str,
    mod: str,
) -> None:
    _, found = seed_timexes[seed]
    assert (value, mod) in _values(found, expression)


_FIGURES = re.compile(r"(?<!\d)(?<!\d )(?:2 500|5000|2500|900)(?!\d)|(?<=-)03(?!\d)")


def test_no_timex_on_figures_and_metadata(seed_timexes: dict[str, tuple[str, list[Timex]]]) -> None:
    seen = 0
    for _, (text, found) in seed_timexes.items():
        for t in found:
            assert text[t.start : t.end] == t.text and t.text.strip() == t.text
        for m in _FIGURES.finditer(text):
            seen += 1
            assert not [t for t in found if t.start < m.end() and m.start() < t.end], m.group()
    assert seen >= 6  # the figures are there to be refused


def test_undated_seeds_are_resolved_again_once_dated(
    seed_timexes: dict[str, tuple[str, list[Timex]]],
) -> None:
    text, found = seed_timexes["000"]
    again = reresolve(text, [(t.start, t.end) for t in found], "2024-01-18")
    by_text = {t.text: t.value for t in again if t is not None}
    assert by_text["octobre"] == "2023-10"
    text, found = seed_timexes["001"]
    again = reresolve(text, [(t.start, t.end) for t in found], "2024-02")
    assert {t.text: t.value for t in again if t is not None}["janvier dernier"] == "2024-01"


def test_spans_carry_type_value_mod(nlp: Any) -> None:
    doc = nlp.make_doc("Depuis la mi-octobre, à 14 h, d'ici le 30 juin.")
    doc._.dct = "2024-01-15"
    doc = nlp(doc)
    spans = list(doc.spans[SPAN_KEY])
    assert [s.label_ for s in spans] == ["DATE", "TIME", "DATE", "DATE"]
    info = spans[0]._.timex
    assert (info["value"], info["mod"], info["anchored"]) == ("2023-10", "MID", True)
    ici = spans[2]._.timex
    assert doc.text[ici["start"] : ici["end"]] == "ici"  # inside the token "d'ici"


def test_component_without_dct_extension_value(nlp: Any) -> None:
    doc = nlp("Il est arrivé hier soir.")
    assert [(s.text, s._.timex["value"]) for s in doc.spans[SPAN_KEY]] == [
        ("hier soir", "XXXX-XX-XXTEV")
    ]
