"""The index of a split build: ``stories.json`` and ``index.html`` next to one folder per story.

Each story's dossier lives in ``OUT/<story id>/`` (dossier.json, dossier.sqlite, report.html);
the index lists the stories, largest first, with their label, dates and documents.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from recoupe.consolidate.stories import Story
from recoupe.records import Skipped


def story_entry(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "label": story.label,
        "first_date": story.first_date,
        "last_date": story.last_date,
        "documents": list(story.documents),
        "dossier": f"{story.id}/dossier.json",
        "report": f"{story.id}/report.html",
    }


def write_story_index(
    stories: Sequence[Story], skipped: Sequence[Skipped], out_dir: Path
) -> tuple[Path, Path]:
    """Write ``stories.json`` and ``index.html`` in ``out_dir``; return their paths."""
    data = {
        "stories": [story_entry(s) for s in stories],
        "skipped": [{"path": s.path, "reason": s.reason} for s in skipped],
    }
    json_path, html_path = out_dir / "stories.json", out_dir / "index.html"
    json_path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    html_path.write_text(index_html(stories), encoding="utf-8")
    return json_path, html_path


def index_html(stories: Sequence[Story]) -> str:
    rows = "\n".join(
        f'<tr><td><a href="{html.escape(s.id)}/report.html">{html.escape(s.label or s.id)}</a>'
        f"</td><td>{len(s.documents)}</td><td>{html.escape(_dates(s))}</td></tr>"
        for s in stories
    )
    return (
        '<!doctype html>\n<html lang="fr"><head><meta charset="utf-8">'
        "<title>recoupe : histoires</title></head><body>\n"
        f"<h1>{len(stories)} histoires</h1>\n"
        "<table><thead><tr><th>Histoire</th><th>Articles</th><th>Dates</th></tr></thead>"
        f"<tbody>\n{rows}\n</tbody></table>\n</body></html>\n"
    )


def _dates(story: Story) -> str:
    if not story.first_date:
        return "non datée"
    if story.first_date == story.last_date:
        return story.first_date
    return f"{story.first_date} – {story.last_date}"
