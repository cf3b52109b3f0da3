"""Read the ingest stage's data files (patterns, field names, month names) from the package."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """Non-blank, non-comment lines of ``recoupe/data/<name>``, stripped."""
    text = files("recoupe").joinpath("data", name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def alias_map(name: str) -> dict[str, str]:
    """Lower-case alias -> field, from a data file of ``field: alias, alias`` lines."""
    out: dict[str, str] = {}
    for line in data_lines(name):
        field, _, aliases = line.partition(":")
        for alias in [field, *aliases.split(",")]:
            if alias.strip():
                out[alias.strip().lower()] = field.strip()
    return out
