"""Golden output of the sample corpus: the whole dossier, read as a reviewer would.

The expectation is a readable digest of ``dossier.json`` (dates, entities, timexes, figures,
quotes, facts, timeline, summary) kept in ``tests/golden/examples.json``. When a change is
meant to alter it, regenerate with ``RECOUPE_UPDATE_GOLDEN=1 pytest tests/test_golden_examples.py``
and read the diff before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from recoupe.build import build_dossier
from recoupe.settings import Settings
from recoupe.store.json_dossier import dossier_to_dict

from .conftest import EXAMPLES, ROOT

GOLDEN = Path(__file__).parent / "golden" / "examples.json"


def digest(dossier: dict[str, Any]) -> dict[str, Any]:
    names = {d["id"]: Path(d["path"]).name for d in dossier["documents"]}

    def where(item: dict[str, Any]) -> str:
        return f"{names[item['doc']]}@{item['start']}"

    return {
        "documents": {
            names[d["id"]]: {
                "date": d["date"]["value"],
                "provenance": d["date"]["provenance"],
                "duplicate_of": names.get(d["duplicate_of"]) if d["duplicate_of"] else None,
                "removed": [r["text"] for r in d["removed"]],
            }
            for d in dossier["documents"]
        },
        "skipped": [[s["path"], s["reason"]] for s in dossier["skipped"]],
        "entities": sorted(
            f"{e['type']} {e['name']} = {' | '.join(sorted(e['aliases']))} ({len(e['mentions'])})"
            for e in dossier["entities"]
        ),
        "timexes": [
            f"{where(t)} {t['text']!r} {t['type']} {t['value']} {t['mod'] or ''}".rstrip()
            for t in dossier["timexes"]
        ],
        "quantities": [
            f"{where(q)} {q['text']!r} {q['value']} {q['qualifier']} {q['unit']}"
            for q in dossier["quantities"]
        ],
        "quotes": [
            f"{where(q)} {q['kind']} {q['speaker']['text']!r}: {q['text'][:60]!r}"
            for q in dossier["quotes"]
        ],
        "facts": sorted(
            f"{f['label']} [{f['status']}] "
            + ", ".join(f"{o['value']:g}@{o['as_of']}" for o in f["observations"])
            for f in dossier["facts"]
        ),
        "timeline": [f"{t['date']['value']} {t['headline']}" for t in dossier["timeline"]],
        "summary": [s["text"] for s in dossier["summary"]],
    }


def test_sample_corpus_matches_its_golden_output() -> None:
    dossier = dossier_to_dict(build_dossier([EXAMPLES / "corpus"], Settings(quiet=True)))
    for d in dossier["documents"]:  # paths relative to the project, whoever runs the test
        d["path"] = str(Path(d["path"]).resolve().relative_to(ROOT))
    actual = digest(dossier)
    if os.environ.get("RECOUPE_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", "utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for key in expected:
        assert actual[key] == expected[key], f"{key} differs from tests/golden/examples.json"
    assert set(actual) == set(expected)
