"""JSON and JSON Lines files: one article per record (fields in data/ingest_json_fields.txt).

A JSON file may hold one record, a list of records, or an object with a list of records
under any key (``{"articles": [...]}``). Records are numbered from 1 in ``path#N`` (the
line number for JSON Lines). A bad record is skipped with its reason; the others are kept.
"""

from __future__ import annotations

import json
from typing import Any

from recoupe.ingest.decode import decode_bytes
from recoupe.ingest.draft import Draft, Outcome
from recoupe.ingest.htmltext import html_to_text, looks_like_html
from recoupe.ingest.metadata import Metadata
from recoupe.ingest.resources import alias_map
from recoupe.ingest.sizes import too_large
from recoupe.records import Skipped
from recoupe.settings import Settings


def read_json_file(path: str, data: bytes, settings: Settings) -> list[Outcome]:
    text = decode_bytes(data).text
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        return [Skipped(path, f"invalid JSON: {err.msg} (line {err.lineno}, column {err.colno})")]
    if isinstance(value, dict) and _pick(value, "text") is None:
        listed = next((v for v in value.values() if _is_record_list(v)), None)
        if listed is None:
            return [Skipped(path, f"JSON object has no text field ({_expected('text')})")]
        value = listed
    if isinstance(value, list):
        return [record_draft(f"{path}#{n}", r, settings) for n, r in enumerate(value, 1)]
    return [record_draft(path, value, settings)]


def read_jsonl_file(path: str, data: bytes, settings: Settings) -> list[Outcome]:
    out: list[Outcome] = []
    for number, line in enumerate(decode_bytes(data).text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}#{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            out.append(Skipped(where, f"invalid JSON on line {number}: {err.msg}"))
            continue
        out.append(record_draft(where, record, settings))
    return out


def record_draft(path: str, record: Any, settings: Settings) -> Outcome:
    """A draft from one JSON record, or why it cannot be one."""
    if not isinstance(record, dict):
        return Skipped(path, f"JSON record is a {type(record).__name__}, not an object")
    text = _pick(record, "text")
    if not isinstance(text, str) or not text.strip():
        return Skipped(path, f"JSON record has no text ({_expected('text')})")
    if reason := too_large(len(text.encode("utf-8")), settings.max_bytes, "text"):
        return Skipped(path, reason)
    if looks_like_html(text):
        text = html_to_text(text)
    metadata = Metadata(
        title=_string(_pick(record, "title")),
        date=_string(_pick(record, "date")),
        url=_string(_pick(record, "url")),
        source=_string(_pick(record, "source")),
    )
    return Draft(path, text, metadata)


def _pick(record: dict[str, Any], field: str) -> Any:
    aliases = alias_map("ingest_json_fields.txt")
    for key, value in record.items():
        if aliases.get(str(key).lower()) == field and value not in (None, ""):
            return value
    return None


def _expected(field: str) -> str:
    names = [a for a, f in alias_map("ingest_json_fields.txt").items() if f == field]
    return "expected one of: " + ", ".join(names)


def _string(value: Any) -> str | None:
    if isinstance(value, dict):  # {"source": {"name": "Le Monde"}}
        value = value.get("name") or value.get("title")
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip() or None
    return None


def _is_record_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], dict)
