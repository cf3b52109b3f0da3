"""Find the input files (folders walked recursively, hidden entries ignored) and read them."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from recoupe.ingest.sizes import too_large
from recoupe.records import Skipped


class InputNotFound(Exception):
    """An input path that does not exist (the CLI exits with status 2)."""

    def __init__(self, path: str) -> None:
        super().__init__(f"input not found: {path}")
        self.path = path


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to read: where it is, and how to name it in the dossier (as the user gave it)."""

    path: Path
    shown: str


def find_inputs(paths: Sequence[Path | str]) -> list[InputFile | Skipped]:
    """Every file under ``paths``, in order (each folder sorted); raise if one is missing.

    All paths are checked before any is walked, so a typo fails fast.
    """
    for given in paths:
        if not _is_url(str(given)) and not os.path.lexists(given):
            raise InputNotFound(str(given))
    found: list[InputFile | Skipped] = []
    for given in paths:
        shown, path = str(given), Path(given)
        if _is_url(shown):
            found.append(Skipped(shown, "URLs are not fetched: save the page and give the file"))
        elif path.is_dir():
            found.extend(walk_folder(path, shown))
        else:
            found.append(_file_or_skip(path, shown))
    return found


def walk_folder(folder: Path, shown: str) -> list[InputFile | Skipped]:
    """Files under ``folder`` sorted by relative path, leaving out names starting with '.'."""
    entries: list[tuple[tuple[str, ...], InputFile | Skipped]] = []
    problems: list[Skipped] = []

    def on_error(err: OSError) -> None:
        problems.append(Skipped(_shown(folder, shown, err.filename), _os_reason(err)))

    for directory, dirnames, filenames in os.walk(folder, onerror=on_error):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            if name.startswith("."):
                continue
            path = Path(directory) / name
            relative = path.relative_to(folder)
            entries.append((relative.parts, _file_or_skip(path, str(Path(shown) / relative))))
    entries.sort(key=lambda entry: entry[0])
    return [entry for _, entry in entries] + problems


def read_input(item: InputFile, limit: int | None) -> bytes | Skipped:
    """The bytes of ``item``, or why they cannot be used (too large, unreadable, empty)."""
    try:
        if limit is not None and (reason := too_large(item.path.stat().st_size, limit)):
            return Skipped(item.shown, reason)
        data = item.path.read_bytes()
    except OSError as err:
        return Skipped(item.shown, _os_reason(err))
    if not data.strip():
        return Skipped(item.shown, "empty file" if not data else "empty file (whitespace only)")
    return data


def _file_or_skip(path: Path, shown: str) -> InputFile | Skipped:
    if path.is_file():
        return InputFile(path, shown)
    if path.is_symlink() and not path.exists():
        return Skipped(shown, "broken symbolic link")
    return Skipped(shown, "not a regular file")


def _shown(folder: Path, shown: str, filename: str | None) -> str:
    if not filename:
        return shown
    try:
        return str(Path(shown) / Path(filename).relative_to(folder))
    except ValueError:
        return filename


def _os_reason(err: OSError) -> str:
    return f"unreadable: {err.strerror or err}"


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))
