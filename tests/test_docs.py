"""The README documents every command and every option of `recoupe build`."""

from __future__ import annotations

from typing import Any

import typer

from recoupe.cli import app

from .conftest import ROOT


def _commands(group: Any, prefix: str = "") -> list[str]:
    out = []
    for name, command in group.commands.items():
        full = f"{prefix}{name}"
        if hasattr(command, "commands"):  # a sub-app
            out.extend(_commands(command, full + " "))
        else:
            out.append(full)
    return out


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    root = typer.main.get_command(app)
    missing = [c for c in _commands(root) if f"recoupe {c}" not in readme]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_build_option_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    root = typer.main.get_command(app)
    build = root.commands["build"]
    options = [o for p in build.params for o in p.opts if o.startswith("--")]
    missing = [o for o in options if o not in readme]
    assert not missing, f"options of recoupe build missing from README.md: {missing}"
