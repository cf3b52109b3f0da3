"""What a format reader hands back: raw text and metadata, before cleaning."""

from __future__ import annotations

from dataclasses import dataclass, field

from recoupe.ingest.metadata import Metadata
from recoupe.records import Skipped


@dataclass(frozen=True, slots=True)
class Draft:
    """One article read from an input, not yet cleaned (``path`` may carry ``#N``)."""

    path: str
    text: str
    metadata: Metadata = field(default_factory=Metadata)


Outcome = Draft | Skipped
