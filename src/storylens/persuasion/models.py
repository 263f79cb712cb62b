"""Shipped classifiers: linear (or one-hidden-layer) heads over encoder + lexical features.

Weights live in ``weights/<task>.npz`` as plain arrays (no pickles):

- ``labels``  label names (unicode array)
- ``kind``    "sigmoid" (multi-label / binary) or "softmax" (one of several)
- ``feature`` "paragraph" (USE of the text + lexical) or "document" (pooled paragraphs + lexical)
- ``mean``, ``scale``  standardisation of the feature columns
- ``W``, ``b``  output layer; optional ``W1``, ``b1`` for a ReLU hidden layer before it
- ``offset``  added to the logits: for sigmoid heads ``-logit(threshold)`` so that a score
  of 0.5 is the tuned per-label decision threshold; for softmax heads per-class biases
  tuned for macro-F1.

Scores are therefore "shifted probabilities": a label is predicted when its score ≥ 0.5.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .features import Embedder, document_features, paragraph_features

WEIGHTS = Path(__file__).resolve().parent / "weights"
TASKS = ("techniques", "frames", "genre", "checkworthiness")


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@dataclass
class Head:
    labels: list[str]
    kind: str
    feature: str
    mean: np.ndarray
    scale: np.ndarray
    W: np.ndarray
    b: np.ndarray
    offset: np.ndarray
    W1: np.ndarray | None = None
    b1: np.ndarray | None = None

    def logits(self, X: np.ndarray) -> np.ndarray:
        H = (X - self.mean) / self.scale
        if self.W1 is not None:
            H = np.maximum(H @ self.W1 + self.b1, 0.0)
        return H @ self.W + self.b

    def scores(self, X: np.ndarray) -> np.ndarray:
        """Shifted probabilities (n, labels): ≥ 0.5 means predicted."""
        z = self.logits(X) + self.offset
        return _sigmoid(z) if self.kind == "sigmoid" else _softmax(z)

    def save(self, path: str | Path) -> None:
        arrays = {
            "labels": np.array(self.labels),
            "kind": np.array(self.kind),
            "feature": np.array(self.feature),
            "mean": self.mean.astype(np.float32),
            "scale": self.scale.astype(np.float32),
            "W": self.W.astype(np.float32),
            "b": self.b.astype(np.float32),
            "offset": self.offset.astype(np.float32),
        }
        if self.W1 is not None:
            arrays["W1"] = self.W1.astype(np.float32)
            arrays["b1"] = self.b1.astype(np.float32)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: str | Path) -> "Head":
        with np.load(path, allow_pickle=False) as z:
            get = lambda k: z[k] if k in z.files else None  # noqa: E731
            return cls(
                labels=[str(x) for x in z["labels"]],
                kind=str(z["kind"]),
                feature=str(z["feature"]),
                mean=z["mean"],
                scale=z["scale"],
                W=z["W"],
                b=z["b"],
                offset=z["offset"],
                W1=get("W1"),
                b1=get("b1"),
            )


class Classifiers:
    """Persuasion techniques, frames, genre and check-worthiness over one shared encoder.

    >>> clf = Classifiers.load()
    >>> clf.techniques(["..."])   # [[("Loaded_Language", 0.71), ...]]
    """

    def __init__(self, heads: dict[str, Head], embedder: Embedder | None = None):
        self.heads = heads
        self.embedder = embedder or Embedder()

    @classmethod
    def load(cls, directory: str | Path | None = None, embedder: Embedder | None = None) -> "Classifiers":
        directory = Path(directory) if directory else WEIGHTS
        heads = {t: Head.load(directory / f"{t}.npz") for t in TASKS if (directory / f"{t}.npz").exists()}
        if not heads:
            raise FileNotFoundError(f"no classifier weights in {directory}")
        return cls(heads, embedder)

    # ---------------------------------------------------------------- features
    def _features(self, head: Head, texts: list[str]) -> np.ndarray:
        if head.feature == "document":
            return document_features(self.embedder, texts)
        return paragraph_features(self.embedder, texts)

    def scores(self, task: str, texts: list[str]) -> np.ndarray:
        """Raw score matrix (n, labels) of one task; see ``Head.scores``."""
        head = self.heads[task]
        if not texts:
            return np.zeros((0, len(head.labels)), np.float32)
        return head.scores(self._features(head, list(texts)))

    def _multilabel(self, task: str, texts: list[str]) -> list[list[tuple[str, float]]]:
        labels = self.heads[task].labels
        out = []
        for row in self.scores(task, texts):
            picked = [(labels[j], float(row[j])) for j in np.flatnonzero(row >= 0.5)]
            out.append(sorted(picked, key=lambda x: -x[1]))
        return out

    # ---------------------------------------------------------------- public API
    def techniques(self, paragraphs: list[str]) -> list[list[tuple[str, float]]]:
        """Per paragraph: (technique, score) for each technique predicted (score ≥ 0.5)."""
        return self._multilabel("techniques", paragraphs)

    def frames(self, documents: list[str]) -> list[list[tuple[str, float]]]:
        """Per document: (frame, score) for each frame predicted (score ≥ 0.5)."""
        return self._multilabel("frames", documents)

    def genre(self, documents: list[str]) -> list[tuple[str, float]]:
        """Per document: (best of opinion/reporting/satire, its probability)."""
        labels = self.heads["genre"].labels
        return [(labels[int(r.argmax())], float(r.max())) for r in self.scores("genre", documents)]

    def checkworthiness(self, sentences: list[str]) -> list[float]:
        """Per sentence: check-worthiness score; ≥ 0.5 means check-worthy (tuned threshold)."""
        return [float(r[0]) for r in self.scores("checkworthiness", sentences)]
