"""report.html: one self-contained French page; article text always escaped."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from recoupe.records import Dossier
from recoupe.render.french import format_date, format_number, format_value
from recoupe.render.report import render_report, write_report
from tests.dossier_samples import HOSTILE, HOSTILE_IMG, small_dossier


class _Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse_tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


@pytest.fixture(scope="module")
def html() -> str:
    return render_report(small_dossier())


def test_hostile_markup_is_shown_as_text(html: str) -> None:
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert HOSTILE not in html
    assert HOSTILE_IMG not in html


def test_no_script_image_or_event_handler_reaches_the_page(html: str) -> None:
    tags = parse_tags(html)
    names = {name for name, _ in tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "link"}
    for _, attrs in tags:
        assert not [a for a in attrs if a.startswith("on")]


def test_the_page_loads_nothing_from_anywhere(html: str) -> None:
    for name, attrs in parse_tags(html):
        for attr in ("src", "href", "action"):
            value = attrs.get(attr) or ""
            assert not value.startswith(("http:", "https:", "//")), (name, value)
    assert "@import" not in html
    assert "url(" not in html
    assert "default-src 'none'" in html  # the CSP meta tag


@pytest.mark.parametrize(
    "expected",
    [
        "Résumé",
        "Chiffres clés",
        "Chronologie",
        "Acteurs",
        "Citations",
        "habitants évacués à Valbrune",
        "contradictoire",  # the fact's status badge
        # who gives each figure, linked to its entity when it is one
        'selon <a href="#ent-e-mairie">mairie de Valbrune</a>',
        "selon la préfecture &lt;script&gt;",
        "5 mars 2024",
        "semaine 11 de 2024",
        "environ 1\u202f500",
        "Claire Morel",
        "aussi : Morel",  # aliases
        "PUBLICITÉ",  # removed boilerplate
        "empty file",  # skipped input and its reason
        "date déduite",  # provenance of an inferred date
        "« mars 2024 » dans le texte",  # its evidence
        "prévu",
        # citations carry their document's date: given, inferred, or none
        '</a><span class="cite-when">, 5 mars 2024</span>',
        '</a><span class="cite-when">, vers mars 2024</span>',
        '</a><span class="cite-when">, non daté</span>',
        # a figure in its sentence, from the sentence's start to its end
        "Le 5 mars 2024, la préfecture de Valbrune a annoncé que <mark>1 200 habitants</mark>"
        " avaient été évacués.</blockquote>",
    ],
)
def test_the_report_shows(html: str, expected: str) -> None:
    assert expected in html


def test_sources_link_to_their_documents(html: str) -> None:
    anchors = {attrs.get("id") for _, attrs in parse_tags(html)}
    links = {attrs["href"] for name, attrs in parse_tags(html) if name == "a" and attrs.get("href")}
    for doc in ("d-a", "d-b", "d-c"):
        assert f"doc-{doc}" in anchors
        assert f"#doc-{doc}" in links
    assert all(href.startswith("#") for href in links)
    assert {href[1:] for href in links} <= anchors


def test_the_css_is_inline_and_printable(html: str) -> None:
    assert "<style>" in html
    assert "@media print" in html
    assert "&#34;" not in html.split("</style>")[0]  # the stylesheet is not escaped


def test_write_report_writes_utf8(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    write_report(small_dossier(), path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!doctype html>")
    assert '<html lang="fr">' in text
    assert not list(tmp_path.glob("*.tmp"))


def test_an_empty_dossier_still_renders() -> None:
    html = render_report(Dossier(documents=()))
    assert "Aucun chiffre recoupé" in html
    assert "Aucune date" in html


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", "5 mars 2024"),
        ("2024-03-01", "1er mars 2024"),
        ("2024-03", "mars 2024"),
        ("2024", "2024"),
        ("2014-SU", "été 2014"),
        ("2024-W10", "semaine 10 de 2024"),
        ("P1M", "1 mois"),
        ("P3Y", "3 ans"),
        ("PRESENT_REF", "maintenant"),
        (None, "date inconnue"),
        ("XXXX-03", "XXXX-03"),
    ],
)
def test_dates_in_french(value: str | None, expected: str) -> None:
    assert format_date(value) == expected


def test_numbers_in_french() -> None:
    assert format_number(2500.0) == "2\u202f500"
    assert format_number(12.5) == "12,5"
    assert format_value({"value": 150.0, "qualifier": "more_than"}) == "plus de 150"
    assert format_value({"value": 15, "low": 10, "high": 20, "qualifier": "range"}) == (
        "entre 10 et 20"
    )


def test_a_figure_is_shown_in_its_sentence_and_no_further() -> None:
    from recoupe.render.view import CONTEXT_CHARS, DocIndex

    text = "Premier point. Ils étaient 900 en Syrie selon lui. Autre chose ici."
    docs = DocIndex([{"id": "d", "text": text}])
    at = text.index("900")
    assert docs.in_sentence("d", at, at + 3) == {
        "before": "Ils étaient ",
        "match": "900",
        "after": " en Syrie selon lui.",
    }
    long = "mot " * CONTEXT_CHARS + "900 soldats " + "mot " * CONTEXT_CHARS
    docs = DocIndex([{"id": "d", "text": long}])
    at = long.index("900")
    shown = docs.in_sentence("d", at, at + 11)
    assert shown["match"] == "900 soldats"
    assert shown["before"].startswith("… ") and shown["after"].endswith(" …")
    assert len(shown["before"]) <= CONTEXT_CHARS + 2 and len(shown["after"]) <= CONTEXT_CHARS + 2


def test_a_long_timeline_shows_the_entries_most_sources_tell_in_date_order() -> None:
    from recoupe.render.view import top_timeline

    def entry(value: str, precision: str, docs: list[str]) -> dict[str, object]:
        sources = [{"doc": d, "start": 0, "end": 1} for d in docs]
        return {"date": {"value": value, "precision": precision}, "sources": sources}

    entries = [
        entry("2020", "year", ["a", "b"]),
        entry("2021-03-01", "day", ["a"]),
        entry("2021-03-02", "day", ["a", "a", "a"]),  # one document three times is one source
        entry("2021-04", "month", ["a", "b", "c"]),
        entry("2021-05-01", "day", ["b", "c"]),
    ]
    assert top_timeline(entries, 10) == entries
    shown = top_timeline(entries, 3)
    # three sources, then two sources (the finer date before the year), kept in date order
    assert [e["date"]["value"] for e in shown] == ["2020", "2021-04", "2021-05-01"]
    assert [e["date"]["value"] for e in top_timeline(entries, 2)] == ["2021-04", "2021-05-01"]


def test_the_report_says_how_much_of_a_long_timeline_it_shows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from recoupe.render import view

    monkeypatch.setattr(view, "TIMELINE_ENTRIES", 1)
    dossier = small_dossier()
    page = render_report(dossier)
    total = len(dossier.timeline)
    assert total > 1
    assert f"Les 1 événements rapportés par le plus de sources, sur {total}" in page
    assert page.count('<li id="tl-') == 1


@pytest.mark.parametrize(
    ("earliest", "latest", "shown"),
    [
        ("2016-09-01", None, "pas avant 1er septembre 2016"),  # nothing bounds it from above
        (None, "2020-03-31", "pas après 31 mars 2020"),
        ("2023-12-01", "2024-03-31", "entre 1er décembre 2023 et 31 mars 2024"),
    ],
)
def test_an_inferred_range_open_on_one_side_says_so(
    earliest: str | None, latest: str | None, shown: str
) -> None:
    from dataclasses import replace

    from recoupe.records import DocDate

    dossier = small_dossier()
    when = DocDate(None, None, "inferred", earliest, latest, 0.15)
    documents = tuple(replace(d, date=when) if d.id == "d-c" else d for d in dossier.documents)
    page = render_report(replace(dossier, documents=documents))
    assert f'<div class="meta">{shown}</div>' in page
    assert "date inconnue" not in page
