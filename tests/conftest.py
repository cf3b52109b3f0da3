"""Shared fixtures: paths to ../shared and one spaCy pipeline per test session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp() -> Any:
    from recoupe.analyze.pipeline import load_pipeline
    from recoupe.settings import Settings

    return load_pipeline(Settings())


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    assert SEEDS.is_dir(), f"the seed articles are expected at {SEEDS}"
    return SEEDS
