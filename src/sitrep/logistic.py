"""The small logistic models sitrep ships (the place model, the place ranker): weights, a bias
and a threshold in a JSON file beside the code that computes their features."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, TypeVar


@dataclass
class Logistic:
    weights: list[float]
    bias: float
    threshold: float

    def probability(self, x: list[float]) -> float:
        z = self.bias + sum(w * v for w, v in zip(self.weights, x))
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


M = TypeVar("M", bound=Logistic)


def load(path: Path, features: tuple[str, ...], kind: type[M], trainer: str) -> Optional[M]:
    """The model in `path`, or None when the package was built without it; a file trained on
    other features is refused with the script that retrains it."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != features:
        raise ValueError(f"{path}: trained on other features; rerun {trainer}")
    return kind(data["weights"], data["bias"], data["threshold"])
