"""How each item of the dossier contract maps to a row of a SQLite table, and back.

A ``Column`` names the place of its value in the contract item (``("date", "value")`` for
``item["date"]["value"]``); columns with an empty path are filled by the writer (keys,
positions, hashes). Whatever an item holds beyond its columns goes to the ``extra`` JSON
column, and comes back from it, so a field added to the contract is never lost.
"""

from __future__ import annotations

import copy
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

Row = Mapping[str, Any] | sqlite3.Row


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    path: tuple[str, ...] = ()
    kind: str = "plain"  # plain | json | bool


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    extra: bool = True

    @property
    def column_names(self) -> tuple[str, ...]:
        names = tuple(c.name for c in self.columns)
        return (*names, "extra") if self.extra else names


def _c(name: str, *path: str, kind: str = "plain") -> Column:
    return Column(name, path or (name,), kind)


def _key(name: str) -> Column:
    return Column(name, ())


_SPAN = (_c("doc"), _c("start"), _c("end"))

DOCUMENTS = Table(
    "documents",
    (
        _c("id"), _c("path"), _c("title"), _c("source"), _c("url"), _c("language"),
        _c("date_value", "date", "value"), _c("date_precision", "date", "precision"),
        _c("date_provenance", "date", "provenance"), _c("date_earliest", "date", "earliest"),
        _c("date_latest", "date", "latest"), _c("date_confidence", "date", "confidence"),
        _c("date_evidence", "date", "evidence", kind="json"),
        _c("duplicate_of"), _c("text"), _key("text_hash"), _key("pipeline_version"),
    ),
)  # fmt: skip
REMOVED = Table("removed", (_key("doc"), _c("text"), _c("reason")), extra=False)
SKIPPED = Table("skipped", (_c("path"), _c("reason")), extra=False)
ENTITIES = Table(
    "entities",
    (_c("id"), _key("position"), _c("name"), _c("type"), _c("aliases", kind="json"),
     _key("mention_count")),
)  # fmt: skip
MENTIONS = Table("mentions", (_key("entity"), *_SPAN, _c("text"), _c("metonymy", kind="bool")))
TIMEXES = Table("timexes", (*_SPAN, _c("text"), _c("type"), _c("value"), _c("mod")))
QUANTITIES = Table(
    "quantities",
    (*_SPAN, _c("text"), _c("value"), _c("low"), _c("high"), _c("qualifier"), _c("unit"),
     _c("entities", kind="json"), _c("attributed_to")),
)  # fmt: skip
QUOTES = Table(
    "quotes",
    (*_SPAN, _c("text"), _c("kind"), _c("cue"), _c("speaker_text", "speaker", "text"),
     _c("speaker_entity", "speaker", "entity")),
)  # fmt: skip
FACTS = Table("facts", (_c("id"), _key("position"), _c("label"), _c("unit"), _c("status")))
OBSERVATIONS = Table(
    "observations", (_key("fact"), *_SPAN, _c("value"), _c("qualifier"), _c("as_of"))
)
TIMELINE = Table(
    "timeline",
    (_c("id"), _key("position"), _c("date_value", "date", "value"),
     _c("date_precision", "date", "precision"), _c("headline"), _c("text"),
     _c("entities", kind="json")),
)  # fmt: skip
TIMELINE_SOURCES = Table("timeline_sources", (_key("entry"), *_SPAN), extra=False)
SUMMARY = Table("summary", (_key("id"), _c("text")))
SUMMARY_SOURCES = Table("summary_sources", (_key("sentence"), *_SPAN), extra=False)

# Children first: the order in which a rewrite empties the tables.
ALL_TABLES: tuple[Table, ...] = (
    SUMMARY_SOURCES, SUMMARY, TIMELINE_SOURCES, TIMELINE, OBSERVATIONS, FACTS, QUOTES,
    QUANTITIES, TIMEXES, MENTIONS, ENTITIES, SKIPPED, REMOVED, DOCUMENTS,
)  # fmt: skip


def _pop_path(item: dict[str, Any], path: tuple[str, ...]) -> Any:
    if len(path) == 1:
        return item.pop(path[0], None)
    inner = item.get(path[0])
    if not isinstance(inner, dict):
        return None
    value = _pop_path(inner, path[1:])
    if not inner:
        del item[path[0]]
    return value


def _set_path(item: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        item = item.setdefault(key, {})
    item[path[-1]] = value


def _merge(into: dict[str, Any], extra: Mapping[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def _to_sql(column: Column, value: Any) -> Any:
    if column.kind == "json":
        return json.dumps(value if value is not None else [], ensure_ascii=False)
    if column.kind == "bool":
        return int(bool(value))
    return value


def _from_sql(column: Column, value: Any) -> Any:
    if column.kind == "json":
        return json.loads(value)
    if column.kind == "bool":
        return bool(value)
    return value


def to_row(table: Table, item: Mapping[str, Any], keys: Mapping[str, Any]) -> tuple[Any, ...]:
    """The row for ``item``, in ``table.column_names`` order; ``keys`` fills writer columns."""
    rest = copy.deepcopy(dict(item))
    values = []
    for column in table.columns:
        if column.path:
            values.append(_to_sql(column, _pop_path(rest, column.path)))
        else:
            values.append(keys[column.name])
    if table.extra:
        values.append(json.dumps(rest, ensure_ascii=False, sort_keys=True))
    return tuple(values)


def from_row(table: Table, row: Row) -> dict[str, Any]:
    """The contract item a row holds (writer columns left out)."""
    item: dict[str, Any] = {}
    for column in table.columns:
        if column.path:
            _set_path(item, column.path, _from_sql(column, row[column.name]))
    if table.extra and row["extra"]:
        _merge(item, json.loads(row["extra"]))
    return item
