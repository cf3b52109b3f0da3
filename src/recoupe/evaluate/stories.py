"""Story split against known stories: every input folder holds one gold story.

Mix folders of different stories (the CL-TLS topics, the sample corpus), split the mix,
and score the split: purity (is each found story about one gold story?), inverse purity
(is each gold story kept in one found story?) and their harmonic mean.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from recoupe.consolidate.stories import StoryOptions, inverse_purity, purity, split_stories
from recoupe.records import DocAnalysis, Document
from recoupe.settings import Settings


def labelled_documents(
    folders: Sequence[Path], settings: Settings
) -> tuple[list[Document], dict[str, str]]:
    """The documents of all folders, and each document's gold story (its folder's name)."""
    from recoupe.ingest import load_inputs

    documents: list[Document] = []
    gold: dict[str, str] = {}
    for folder in folders:
        for document in load_inputs([folder], settings).documents:
            if document.id not in gold:
                documents.append(document)
                gold[document.id] = folder.name
    return documents, gold


def score_split(
    documents: Sequence[Document],
    analyses: Sequence[DocAnalysis],
    gold: Mapping[str, str],
    options: StoryOptions | None = None,
) -> dict[str, Any]:
    stories = split_stories(documents, analyses, options)
    clusters = [s.documents for s in stories]
    p, ip = purity(clusters, gold), inverse_purity(clusters, gold)
    return {
        "documents": len(documents),
        "gold_stories": len(set(gold.values())),
        "stories": len(stories),
        "singletons": sum(1 for s in stories if len(s.documents) == 1),
        "purity": round(p, 4),
        "inverse_purity": round(ip, 4),
        "f1": round(2 * p * ip / (p + ip), 4) if p + ip else 0.0,
        "largest": [
            {
                "label": s.label,
                "documents": len(s.documents),
                "gold": dict(Counter(gold[d] for d in s.documents).most_common()),
            }
            for s in stories[:8]
        ],
    }


def evaluate_stories(
    folders: Sequence[Path], settings: Settings, options: StoryOptions | None = None
) -> dict[str, Any]:
    """Analyse the mixed folders, split them into stories, score the split."""
    from recoupe.build import analyze_all

    documents, gold = labelled_documents(folders, settings)
    analyses = analyze_all(documents, settings)
    return score_split(documents, analyses, gold, options)


def format_scores(scores: Mapping[str, Any]) -> str:
    lines = [
        f"{scores['documents']} documents from {scores['gold_stories']} stories -> "
        f"{scores['stories']} stories ({scores['singletons']} of one document)",
        f"purity {scores['purity']:.3f}, inverse purity {scores['inverse_purity']:.3f}, "
        f"F1 {scores['f1']:.3f}",
    ]
    for story in scores["largest"]:
        gold = ", ".join(f"{k}: {v}" for k, v in story["gold"].items())
        lines.append(f"  {story['documents']:>4}  {story['label']}  [{gold}]")
    return "\n".join(lines)
