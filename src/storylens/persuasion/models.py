"""Shipped classifiers: linear heads over encoder + lexical features.

Weights live in ``weights/<task>.npz`` as plain arrays (no pickles):

- ``labels``  label names (unicode array)
- ``kind``    "sigmoid" (multi-label / binary) or "softmax" (one of several)
- ``feature`` "paragraph" (USE of the text + lexical statistics), "document" (pooled paragraph
  embeddings + lexical statistics) or "lexical" (lexical statistics only: no encoder, the fast path)
- ``hash_dim``, ``hash_scale``  when ``hash_dim`` > 0 the last ``hash_dim`` rows of ``W`` weigh
  hashed word uni/bigrams of the text (``features.hashed``; no vocabulary is stored)
- ``mean``, ``scale``  standardisation of the feature columns
- ``W``, ``b``  output layer (rows: standardised dense features, then hashed n-grams)
- ``offset``  added to the logits: for sigmoid heads ``-logit(threshold)`` so that a score
  of 0.5 is the tuned per-label decision threshold; for softmax heads per-class biases
  tuned for macro-F1.

Scores are therefore "shifted probabilities": a label is predicted when its score ≥ 0.5.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .features import (
    Embedder,
    document_features,
    hashed,
    lexical,
    paragraph_context_features,
    paragraph_features,
    sparse_dot,
)

WEIGHTS = Path(__file__).resolve().parent / "weights"
TASKS = ("techniques", "frames", "genre", "checkworthiness")
DEFAULT_FAST = ("techniques", "frames", "checkworthiness")


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
    hash_dim: int = 0
    hash_scale: float = 1.0

    def featurize(self, embedder: Embedder, texts: list[str], contexts: list[str | None] | None = None):
        """(dense features, hashed CSR or None) of ``texts`` as this head was trained on."""
        if self.feature == "paragraph+context":
            dense = paragraph_context_features(embedder, texts, contexts)
        elif self.feature == "document":
            dense = document_features(embedder, texts)
        elif self.feature == "paragraph":
            dense = paragraph_features(embedder, texts)
        else:
            dense = lexical(texts)
        return dense, (hashed(texts, self.hash_dim) if self.hash_dim else None)

    def logits(self, X: np.ndarray, H=None) -> np.ndarray:
        d = X.shape[1]
        z = ((X - self.mean) / self.scale) @ self.W[:d] + self.b
        if self.hash_dim and H is not None:
            z += self.hash_scale * sparse_dot(H, self.W[d:])
        return z

    def scores(self, X: np.ndarray, H=None) -> np.ndarray:
        """Shifted probabilities (n, labels): ≥ 0.5 means predicted."""
        z = self.logits(X, H) + self.offset
        return _sigmoid(z) if self.kind == "sigmoid" else _softmax(z)

    def save(self, path: str | Path) -> None:
        arrays = {
            "labels": np.array(self.labels),
            "kind": np.array(self.kind),
            "feature": np.array(self.feature),
            "mean": self.mean.astype(np.float32),
            "scale": self.scale.astype(np.float32),
            # large weight matrices are stored as float16 (halves the size; scores move < 1e-3)
            "W": self.W.astype(np.float16 if self.W.size > 100_000 else np.float32),
            "b": self.b.astype(np.float32),
            "offset": self.offset.astype(np.float32),
            "hash_dim": np.array(self.hash_dim),
            "hash_scale": np.array(self.hash_scale, np.float32),
        }
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: str | Path) -> "Head":
        with np.load(path, allow_pickle=False) as z:
            return cls(
                labels=[str(x) for x in z["labels"]],
                kind=str(z["kind"]),
                feature=str(z["feature"]),
                mean=z["mean"],
                scale=z["scale"],
                W=z["W"].astype(np.float32),
                b=z["b"],
                offset=z["offset"],
                hash_dim=int(z["hash_dim"]) if "hash_dim" in z.files else 0,
                hash_scale=float(z["hash_scale"]) if "hash_scale" in z.files else 1.0,
            )


class Classifiers:
    """Persuasion techniques, frames, genre and check-worthiness over one shared encoder.

    >>> clf = Classifiers.load()
    >>> clf.techniques(["..."])   # [[("Loaded_Language", 0.71), ...]]
    """

    def __init__(self, heads: dict[str, Head], embedder: Embedder | None = None):
        self.heads = heads
        self.embedder = embedder or Embedder()
        self._last: dict = {}

    @classmethod
    def load(
        cls,
        directory: str | Path | None = None,
        embedder: Embedder | None = None,
        fast: bool | Iterable[str] = DEFAULT_FAST,
    ) -> "Classifiers":
        """Load the shipped heads (or those in ``directory``).

        ``fast``: tasks that use the lexical-only head (``<task>-fast.npz``: hashed word
        n-grams and surface statistics, no encoder) instead of the encoder head; ``True``
        for all, ``False`` for none. By default techniques, frames and check-worthiness are
        lexical (they meet their targets and keep the pipeline within its speed budget) and
        genre uses the encoder (its lexical head is no better than the majority class).
        ``fast=False`` gives the most accurate heads at several times the cost.
        """
        directory = Path(directory) if directory else WEIGHTS
        fast_tasks = set(TASKS) if fast is True else set() if fast is False else set(fast)
        heads = {}
        for task in TASKS:
            names = [f"{task}-fast.npz", f"{task}.npz"] if task in fast_tasks else [f"{task}.npz", f"{task}-fast.npz"]
            for name in names:
                if (directory / name).exists():
                    heads[task] = Head.load(directory / name)
                    break
        if not heads:
            raise FileNotFoundError(f"no classifier weights in {directory}")
        return cls(heads, embedder)

    def scores(self, task: str, texts: list[str], contexts: list[str | None] | None = None) -> np.ndarray:
        """Raw score matrix (n, labels) of one task; see ``Head.scores``."""
        head = self.heads[task]
        if not texts:
            return np.zeros((0, len(head.labels)), np.float32)
        texts = list(texts)
        # frames and genre usually score the same documents: featurize them once
        key = (head.feature, head.hash_dim, tuple(texts), None if contexts is None else tuple(contexts))
        if key not in self._last:
            self._last = {key: head.featurize(self.embedder, texts, contexts)}
        return head.scores(*self._last[key])

    def _multilabel(self, task: str, texts: list[str], contexts=None) -> list[list[tuple[str, float]]]:
        labels = self.heads[task].labels
        out = []
        for row in self.scores(task, texts, contexts):
            picked = [(labels[j], float(row[j])) for j in np.flatnonzero(row >= 0.5)]
            out.append(sorted(picked, key=lambda x: -x[1]))
        return out

    # ---------------------------------------------------------------- public API
    def techniques(
        self, paragraphs: list[str], documents: list[str | None] | None = None
    ) -> list[list[tuple[str, float]]]:
        """Per paragraph: (technique, score) for each technique predicted (score ≥ 0.5).

        ``documents``: optionally the full text of each paragraph's document (one entry per
        paragraph; the same string for paragraphs of one document). The model was trained
        with that context (SemEval annotators read whole articles); without it the
        paragraph stands for its own context, which predicts fewer techniques.
        """
        if documents is not None and len(documents) != len(paragraphs):
            raise ValueError("documents must give one entry per paragraph")
        return self._multilabel("techniques", paragraphs, documents)

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
