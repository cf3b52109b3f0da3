"""Across documents: entities, figures, timeline, summary. Pure Python, no spaCy."""

from recoupe.consolidate.dossier import consolidate

__all__ = ["consolidate"]
