"""Measuring recoupe against reference data (French TimeBank, ...): shared measures."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1."""

    p: float
    r: float
    f1: float

    def as_dict(self) -> dict[str, float]:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f1, 4)}


def prf(right: int, predicted: int, gold: int) -> PRF:
    """P = right / predicted, R = right / gold, F1 their harmonic mean (0 when undefined)."""
    p = right / predicted if predicted else 0.0
    r = right / gold if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(p, r, f1)
