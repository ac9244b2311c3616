"""The FNC-1 relative score and per-class F1 (same rules as ../shared/tools/fnc_score.py).

A pair earns 0.25 for getting related-vs-unrelated right and, when gold is related, 0.75 more for the
exact stance; the relative score divides by the best possible total.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

STANCE_CLASSES = ("agree", "disagree", "discuss", "unrelated")


def fnc_score(gold: Sequence[str], predicted: Sequence[str | None]) -> dict[str, Any]:
    if len(gold) != len(predicted):
        raise ValueError(f"length mismatch: {len(gold)} gold, {len(predicted)} predicted")
    score = best = 0.0
    tp: Counter[str | None] = Counter()
    fp: Counter[str | None] = Counter()
    fn: Counter[str | None] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        best += 0.25 if g == "unrelated" else 1.0
        if (g == "unrelated") == (p == "unrelated"):
            score += 0.25
        if g != "unrelated" and g == p:
            score += 0.75
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    f1 = {c: round(2 * tp[c] / max(1, 2 * tp[c] + fp[c] + fn[c]), 4) for c in STANCE_CLASSES}
    return {"relative_score": round(score / best, 4) if best else 0.0, "f1": f1, "n": len(gold)}
