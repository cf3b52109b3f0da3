"""The consolidate stage's word lists and tables, read once from ``recoupe/data/consolidate``."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def _read(name: str) -> str:
    return resources.files("recoupe").joinpath("data", "consolidate", name).read_text("utf-8")


@cache
def data_json(name: str) -> Any:
    """A JSON table (``units.json``, ``dates.json``...)."""
    return json.loads(_read(name))


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """A word list: one entry per line, ``#`` starts a comment."""
    lines = (line.strip() for line in _read(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))
