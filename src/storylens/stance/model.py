"""The shipped stance model: a small network over :mod:`storylens.stance.features`.

Weights are ``weights/stance.npz``, plain arrays (no pickles): ``labels``; ``mean``/``scale``
standardise the feature columns; ``W0, b0, W1, b1, …`` are dense layers with ReLU between them;
``offset`` is added to the last layer's logits (per-class biases tuned for macro-F1 on data the
weights were not fitted on); ``features`` names the scalar features, so a row of another shape
is refused rather than misread.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from storylens.stance.features import SCALARS, Side, pair_features

WEIGHTS = Path(__file__).resolve().parent / "weights" / "stance.npz"


@dataclass
class StanceModel:
    labels: list[str]
    mean: np.ndarray
    scale: np.ndarray
    layers: list[tuple[np.ndarray, np.ndarray]]
    offset: np.ndarray

    @classmethod
    def load(cls, path: str | Path = WEIGHTS) -> StanceModel:
        try:
            z = np.load(path, allow_pickle=False)
        except (OSError, ValueError) as exc:
            raise ValueError(f"cannot load stance weights {path} ({exc}); train them with python -m storylens.stance.train") from None
        if tuple(str(s) for s in z["features"]) != SCALARS:
            raise ValueError(f"{path} was trained on other features; retrain with python -m storylens.stance.train")
        n = sum(1 for k in z.files if k.startswith("W"))
        return cls([str(x) for x in z["labels"]], z["mean"], z["scale"],
                   [(z[f"W{i}"], z[f"b{i}"]) for i in range(n)], z["offset"])

    def save(self, path: str | Path = WEIGHTS) -> None:
        arrays = {f"{k}{i}": a for i, (w, b) in enumerate(self.layers) for k, a in (("W", w), ("b", b))}
        np.savez_compressed(path, labels=np.array(self.labels), features=np.array(SCALARS), mean=self.mean,
                            scale=self.scale, offset=self.offset,
                            **{k: a.astype(np.float16 if k.startswith("W") else np.float32) for k, a in arrays.items()})

    def logits(self, X: np.ndarray) -> np.ndarray:
        h = (np.atleast_2d(X) - self.mean) / self.scale
        for i, (w, b) in enumerate(self.layers):
            h = h @ w.astype(np.float32) + b
            if i < len(self.layers) - 1:
                h = np.maximum(h, 0.0)
        return h + self.offset

    def proba(self, X: np.ndarray) -> np.ndarray:
        z = self.logits(X)
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def predict(self, X: np.ndarray) -> list[str]:
        return [self.labels[i] for i in self.logits(X).argmax(axis=1)]

    def stance(self, claim: Side, body: Side) -> tuple[str, dict[str, float]]:
        """The stance of ``body`` towards ``claim`` and the probability of each label."""
        p = self.proba(pair_features(claim, body)[None, :])[0]
        return self.labels[int(p.argmax())], {lab: float(x) for lab, x in zip(self.labels, p)}


@lru_cache(maxsize=1)
def shipped() -> StanceModel:
    """The model that ships with the package (loaded once per process)."""
    return StanceModel.load()
