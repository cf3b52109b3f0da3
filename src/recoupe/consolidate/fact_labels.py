"""Readable labels for facts: "soldats français au Niger"."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from recoupe.consolidate.figure_context import PHASE, PHASE_KIND, Observed, indicator_labels
from recoupe.consolidate.lexicon import data_json
from recoupe.consolidate.similarity import fold
from recoupe.consolidate.units import unit_plural


def _most_common(items: Iterable[str]) -> str | None:
    counts = Counter(i for i in items if i)
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _role_label(role: str | None) -> str | None:
    labels: dict[str, str] = data_json("roles.json")["labels"]
    return labels.get(role) if role else None


def _noun(unit: str, members: Sequence[Observed]) -> str:
    """The counted noun as most often written, the unit's own word first on ties."""
    counts = Counter(m.noun for m in members if m.noun)
    if not counts:
        written = _most_common(m.quantity.unit for m in members)
        return unit_plural(written or unit)
    ranked = sorted(
        counts.items(), key=lambda kv: (-kv[1], not fold(kv[0]).startswith(unit), kv[0])
    )
    return ranked[0][0]


def fact_label(unit: str, members: Sequence[Observed]) -> str:
    """Unit (with what a share or a sum is of), its most frequent modifier, place and
    organisation, in reading order."""
    modifier = _most_common(
        " ".join(w for w in m.modifiers if fold(w) != fold(m.noun or "")).lower() for m in members
    )
    place = _most_common(p for m in members for p in m.places)
    group = _most_common(g for m in members for g in m.groups)
    noun = _noun(unit, members)
    of_what = _most_common(m.of_what for m in members if m.of_what)
    if of_what:  # "% de la population active", "euros d'amende"
        noun = f"{noun} {of_what}"
    indicator = indicator_labels().get(members[0].role or "")
    if indicator:  # "déficit 2024 (% du PIB)", "effort budgétaire 2025 (euros)"
        year = _most_common(m.period for m in members if m.period)
        noun = f"{indicator} {year} ({noun})" if year else f"{indicator} ({noun})"
    role = None if indicator else _role_label(members[0].role)
    role = None if role and fold(role) == fold(noun) else role
    parts = [noun, modifier, role, place]
    label = " ".join(p for p in parts if p)
    kinds = sorted({t for m in members for t in m.signature.values() if t.startswith(PHASE_KIND)})
    phases = [  # "participation 2024 (%), législatives, premier tour"
        _most_common(k[len(PHASE) :] for m in members for k, t in m.signature.items() if t == kind)
        for kind in reversed(kinds)  # the vote, then its round
    ]
    label = ", ".join([label, *(p for p in phases if p)])
    return f"{label} ({group})" if group else label
