"""Logistic models over sparse string features: how the extractor's trained parts (the candidate
filter, the content end, the nesting pass) are shipped and scored.

Each is a JSON file of feature weights in the package (no corpus text), made by its script under
``scripts/``; scoring is one dictionary look-up per feature, so it costs little next to the parse.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, Generic, TypeVar


@dataclass(frozen=True, slots=True)
class LinearModel:
    weights: dict[str, float]
    bias: float
    threshold: float = 0.5

    def score(self, features: list[str]) -> float:
        """The features' summed weights, without the bias."""
        return sum(self.weights.get(f, 0.0) for f in features)

    def probability(self, features: list[str]) -> float:
        z = self.bias + self.score(features)
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    @classmethod
    def fitted(
        cls, names: Iterable[str], coefficients: Iterable[float], bias: float, threshold: float
    ) -> LinearModel:
        """A model from a fitted regression's feature names and coefficients (the training scripts)."""
        return cls(
            {str(n): float(w) for n, w in zip(names, coefficients, strict=True)}, float(bias), threshold
        )

    def to_json(self) -> dict[str, Any]:
        """The shipped form: weights to 4 decimals, those under 1e-3 left out (no effect on any choice
        measured, a third of the file)."""
        kept = {k: round(w, 4) for k, w in sorted(self.weights.items()) if abs(w) >= 1e-3}
        return {"bias": round(self.bias, 4), "threshold": round(self.threshold, 4), "weights": kept}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LinearModel:
        return cls(
            {str(k): float(v) for k, v in data["weights"].items()},
            float(data["bias"]),
            float(data.get("threshold", 0.5)),
        )


def shipped_json(name: str) -> dict[str, Any] | None:
    """The package's model file ``name``, parsed, or None when it is absent (the rules alone run)."""
    path = resources.files("whosaid.extract").joinpath(name)
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else None


M = TypeVar("M")


class ModelChoice(Generic[M]):
    """Which model a trained part scores with: the shipped one (loaded once, when first wanted), or
    one that a training script or a test puts in its place (``None``: no model, the rules alone)."""

    def __init__(self, shipped: Callable[[], M | None]) -> None:
        self._shipped = shipped
        self._loaded: list[M | None] = []
        self._chosen: list[M | None] = []

    def use(self, model: M | None) -> None:
        self._chosen[:] = [model]

    def reset(self) -> None:
        """Back to the shipped model."""
        self._chosen.clear()

    def current(self) -> M | None:
        if self._chosen:
            return self._chosen[0]
        if not self._loaded:
            self._loaded.append(self._shipped())
        return self._loaded[0]
