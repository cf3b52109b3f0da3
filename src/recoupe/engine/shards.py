"""Analyses as Parquet shards: one file per chunk, one row per document, typed columns.

The Arrow schema is derived from the records' type hints (``DocAnalysis`` and everything it
holds), so a field added to a record gets its column without a change here. Reading a shard
gives back records equal to those written.
"""

from __future__ import annotations

import types
from collections.abc import Sequence
from dataclasses import fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

import pyarrow as pa
import pyarrow.parquet as pq

from recoupe.records import DocAnalysis

_SCALARS: dict[Any, Any] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
}


def _optional_inner(hint: Any) -> Any | None:
    """``X`` for a hint ``X | None``, else None."""
    if get_origin(hint) in (Union, types.UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return None


def arrow_type(hint: Any) -> Any:
    """The Arrow type holding values of the Python type ``hint``."""
    inner = _optional_inner(hint)
    if inner is not None:
        return arrow_type(inner)
    if hint in _SCALARS:
        return _SCALARS[hint]
    if get_origin(hint) is tuple:
        return pa.list_(arrow_type(get_args(hint)[0]))
    if isinstance(hint, type) and is_dataclass(hint):
        hints = get_type_hints(hint)
        return pa.struct([pa.field(f.name, arrow_type(hints[f.name])) for f in fields(hint)])
    raise TypeError(f"no Arrow type for {hint!r}")


@cache
def analysis_schema() -> Any:
    struct = arrow_type(DocAnalysis)
    return pa.schema([struct.field(i) for i in range(struct.num_fields)])


def to_row(value: Any) -> Any:
    """A record as plain dicts and lists (what Arrow takes)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_row(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple):
        return [to_row(v) for v in value]
    return value


def from_row(hint: Any, value: Any) -> Any:
    """The inverse of ``to_row`` for a value of type ``hint``."""
    if value is None:
        return None
    inner = _optional_inner(hint)
    if inner is not None:
        return from_row(inner, value)
    if get_origin(hint) is tuple:
        item = get_args(hint)[0]
        return tuple(from_row(item, v) for v in value)
    if isinstance(hint, type) and is_dataclass(hint):
        hints = get_type_hints(hint)
        return hint(**{f.name: from_row(hints[f.name], value[f.name]) for f in fields(hint)})
    return value


def write_shard(analyses: Sequence[DocAnalysis], path: Path) -> int:
    """Write ``analyses`` to ``path`` (atomically); return how many rows."""
    table = pa.Table.from_pylist([to_row(a) for a in analyses], schema=analysis_schema())
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(table, tmp)
    tmp.replace(path)
    return int(table.num_rows)


def read_shard(path: Path) -> list[DocAnalysis]:
    rows = pq.read_table(path, schema=analysis_schema()).to_pylist()
    return [from_row(DocAnalysis, row) for row in rows]


def shard_name(index: int) -> str:
    """Shard file names sort in chunk order (up to 10**9 chunks)."""
    return f"part-{index:09d}.parquet"
