"""recoupe export: TimelineJS, CSV, Markdown and JSON, read from dossier.sqlite."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest

from recoupe.export import FORMATS, export_dossier
from recoupe.export.brief import md
from recoupe.export.spreadsheet import safe_cell
from recoupe.export.timelinejs import start_date
from recoupe.store.json_dossier import dossier_to_dict
from recoupe.store.sqlite import write_sqlite
from tests.dossier_samples import HOSTILE, small_dossier

# What TimelineJS3 requires of its data: an ``events`` list of slides whose ``start_date``
# parts are integers or strings of digits (TLDate rejects anything else), HTML text fields
# and ids usable as HTML ids.
_DIGITS = {"type": ["string", "integer"], "pattern": r"^-?\d+$"}
TIMELINEJS_SCHEMA = {
    "type": "object",
    "required": ["events"],
    "properties": {
        "title": {"type": "object", "required": ["text"]},
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date", "text", "group", "unique_id"],
                "properties": {
                    "start_date": {
                        "type": "object",
                        "required": ["year"],
                        "properties": {"year": _DIGITS, "month": _DIGITS, "day": _DIGITS},
                    },
                    "text": {
                        "type": "object",
                        "required": ["headline", "text"],
                        "properties": {
                            "headline": {"type": "string"},
                            "text": {"type": "string"},
                        },
                    },
                    "group": {"type": "string"},
                    "unique_id": {"type": "string", "pattern": r"^[A-Za-z][A-Za-z0-9_-]*$"},
                },
            },
        },
    },
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "dossier.sqlite"
    write_sqlite(small_dossier(), path)
    return path


def test_timelinejs_export_is_timelinejs_data(db: Path, tmp_path: Path) -> None:
    (path,) = export_dossier(db, "timelinejs", tmp_path / "timeline.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, TIMELINEJS_SCHEMA)
    events = data["events"]
    assert [e["start_date"] for e in events] == [
        {"year": "2024", "month": "1"},
        {"year": "2024", "month": "3", "day": "5"},
        {"year": "2024", "month": "3", "day": "11", "display_date": "semaine 11 de 2024"},
    ]
    assert len({e["unique_id"] for e in events}) == len(events)
    assert events[0]["group"] == "Valbrune"
    assert events[1]["text"]["headline"] == "La préfecture annonce 1 200 évacués"


def test_timelinejs_text_is_escaped_html(db: Path, tmp_path: Path) -> None:
    (path,) = export_dossier(db, "timelinejs", tmp_path / "timeline.json")
    text = path.read_text(encoding="utf-8")
    assert HOSTILE not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<img" not in text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024", {"year": "2024"}),
        ("2024-03", {"year": "2024", "month": "3"}),
        ("2014-SU", {"year": "2014", "display_date": "été 2014"}),
        ("P1M", None),
        ("PRESENT_REF", None),
    ],
)
def test_timelinejs_dates(value: str, expected: dict[str, str] | None) -> None:
    assert start_date(value) == expected


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_tables(db: Path, tmp_path: Path) -> None:
    paths = export_dossier(db, "csv", tmp_path / "csv")
    assert sorted(p.name for p in paths) == ["facts.csv", "quotes.csv", "timeline.csv"]
    facts = _read_csv(tmp_path / "csv" / "facts.csv")
    assert len(facts) == 4  # one row per observation
    assert {r["value"] for r in facts if r["fact"] == "f-evacues"} == {"300", "1200", "1500"}
    assert {r["status"] for r in facts} == {"conflict", "single"}
    quotes = _read_csv(tmp_path / "csv" / "quotes.csv")
    assert quotes[0]["speaker_name"] == "Claire Morel"
    assert quotes[0]["text"] == "« Nous restons mobilisés »"
    timeline = _read_csv(tmp_path / "csv" / "timeline.csv")
    assert [r["date"] for r in timeline] == ["2024-01", "2024-03-05", "2024-W11"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=HYPERLINK(1)", "'=HYPERLINK(1)"), ("@x", "'@x"), ("texte", "texte"), (2500.0, 2500),
     (-3.5, -3.5)],
)  # fmt: skip
def test_csv_cells_never_run_as_formulas(value: object, expected: object) -> None:
    assert safe_cell(value) == expected


def test_markdown_brief(db: Path, tmp_path: Path) -> None:
    (path,) = export_dossier(db, "markdown", tmp_path / "brief.md")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Dossier recoupé\n")
    for heading in ("## Résumé", "## Chiffres clés", "## Chronologie", "## Acteurs",
                    "## Citations", "## Documents"):  # fmt: skip
        assert heading in text
    assert "**habitants évacués à Valbrune** — contradictoire" in text
    assert "environ 1\u202f500 en mars 2024" in text
    # each figure in its sentence, in bold
    assert "« Selon la mairie de Valbrune, **environ 1 500 habitants** ont quitté" in text
    # every citation says when its document was published, or that nothing dates it
    assert "— *Crue à Valbrune*, 5 mars 2024 : « Le 5 mars 2024" in text
    assert "(*c.txt*, non daté)" in text
    assert "— Claire Morel, *Crue à Valbrune*, 5 mars 2024" in text
    assert ", vers mars 2024)" in text  # an inferred date is shown as one
    assert "<script>" not in text.replace("`corpus/<script>", "")  # only inside a code span
    assert "\\<script\\>" in text


def test_markdown_escaping() -> None:
    assert md("a *b* [c](d) <e>\n# f") == "a \\*b\\* \\[c\\](d) \\<e\\> \\# f"


def test_json_export_is_the_dossier(db: Path, tmp_path: Path) -> None:
    (path,) = export_dossier(db, "json", tmp_path / "out" / "dossier.json")
    assert json.loads(path.read_text(encoding="utf-8")) == dossier_to_dict(small_dossier())


def test_unknown_format(db: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="timelinejs"):
        export_dossier(db, "pdf", tmp_path / "x")
    assert set(FORMATS) == {"timelinejs", "csv", "markdown", "json"}


def test_export_never_writes_the_dossier(db: Path, tmp_path: Path) -> None:
    before = db.read_bytes()
    for fmt in FORMATS:
        export_dossier(db, fmt, tmp_path / fmt)
    assert db.read_bytes() == before
