"""Shipped classifiers: calibrated linear heads over pooled sentence embeddings and cue counts.

Weights live in ``weights/<task>.npz`` as plain arrays (no pickles):

- ``labels``  label names; ``dropped`` / ``dropped_why`` labels of the data left out, and why
- ``kind``    "sigmoid" (multi-label / binary) or "softmax" (one of several)
- ``feature`` "unit" (a sentence, passage or post: ``features.unit_features``), "document"
  (``features.document_features``) or "genre_document" (``features.genre_document_features``)
- ``mean``, ``scale``  standardisation of the feature columns; ``W``, ``b`` the linear layer
- ``calib_a``, ``calib_b``  Platt scaling fitted on out-of-fold logits: the probability of a
  label is ``sigmoid(calib_a * logit + calib_b)`` (softmax heads: ``calib_a`` is one temperature)
- ``threshold``  per label, the calibrated probability from which the label is predicted,
  chosen on held-out folds (softmax heads: ``offset``, per-class logit offsets for the decision)
- ``window``  techniques only: a passage longer than this many characters is scored as windows
  of whole sentences and gets, per label, the highest window probability
- ``languages``, ``language_threshold``  techniques only: languages with many texts that stand
  alone (Telegram posts) and, per language, their own thresholds (language, bucket, label) for
  such texts; any other language, or a passage of a long document, uses ``threshold``
- ``ngram_rows``, ``ngram_W``, ``ngram_b``, ``ngram_mix``  optional second, lexical view
  (``ngrams.ngram_features``): a linear head over hashed n-grams, of which only the hash rows
  ``ngram_rows`` carry weights; its logit times ``ngram_mix`` (per label, fitted on out-of-fold
  logits) is added to the encoder head's before calibration

Scores are calibrated probabilities: of the passages scored 0.3 for a label, about 3 in 10 carry
it in the validation data (reliability tables in docs/models.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from .features import Embedder, document_features, genre_document_features, unit_features, windows
from .ngrams import N_FEATURES, ngram_features

WEIGHTS = Path(__file__).resolve().parent / "weights"
TASKS = ("techniques", "frames", "genre", "checkworthiness")


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def bucket_of(lengths: np.ndarray, context_lengths: np.ndarray, edges: np.ndarray,
              context_edges: np.ndarray) -> np.ndarray:
    """Threshold bucket of each text: its length band, within the length band of its document
    (a sentence of a long article and a short post of its own are told apart)."""
    text = np.searchsorted(edges, lengths, side="right")
    return np.searchsorted(context_edges, context_lengths, side="right") * (len(edges) + 1) + text


@dataclass
class Head:
    labels: list[str]
    kind: str
    feature: str
    mean: np.ndarray
    scale: np.ndarray
    W: np.ndarray
    b: np.ndarray
    calib_a: np.ndarray
    calib_b: np.ndarray
    threshold: np.ndarray  # sigmoid: (length buckets, labels) probabilities; softmax: per class offsets
    window: int = 0
    dropped: dict[str, str] = field(default_factory=dict)
    edges: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))  # text length buckets (chars)
    context_edges: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))  # its document's length
    languages: list[str] = field(default_factory=list)  # languages with thresholds of their own
    language_threshold: np.ndarray = field(default_factory=lambda: np.zeros((0, 0, 0), np.float32))
    ngrams: "NgramView | None" = None  # the lexical view, mixed into the logits

    def featurize(self, embedder: Embedder, texts: list[str], contexts: list[str | None] | None = None):
        """The features of ``texts`` this head was trained on."""
        if self.feature == "document":
            return document_features(embedder, texts)
        if self.feature == "genre_document":
            return genre_document_features(embedder, texts)
        return unit_features(embedder, texts, contexts)

    def logits(self, X: np.ndarray) -> np.ndarray:
        """Row by row, in float64: a matrix product's rows differ in the last digits with the
        number of rows (BLAS takes other paths), and a score must not depend on its batch."""
        Xs = (np.asarray(X, np.float64) - self.mean) / self.scale
        return np.array([x @ self.W for x in Xs]).reshape(len(Xs), -1) + self.b

    def probabilities(self, X: np.ndarray, texts: list[str] | None = None) -> np.ndarray:
        """Calibrated probabilities (n, labels); a head with a lexical view also reads ``texts``."""
        z = self.logits(X)
        if self.ngrams is not None:
            if texts is None or len(texts) != len(z):
                raise ValueError("this head also reads the texts (its n-gram view): give one per row")
            z = z + self.ngrams.logits(texts)
        if self.kind == "softmax":
            return softmax(z * self.calib_a[0])
        return sigmoid(self.calib_a * z + self.calib_b)

    def thresholds_for(self, lengths, context_lengths=None, languages=None) -> np.ndarray:
        """(n, labels) thresholds of texts of these lengths in documents of these lengths (chars),
        in these languages (codes, or None: unknown)."""
        lengths = np.asarray(lengths)
        context = lengths if context_lengths is None else np.asarray(context_lengths)
        buckets = bucket_of(lengths, context, self.edges, self.context_edges)
        out = self.threshold[buckets]
        for i, lang in enumerate(languages or []):
            if lang in self.languages:
                out[i] = self.language_threshold[self.languages.index(lang), buckets[i]]
        return out

    def decide(self, P: np.ndarray, lengths, context_lengths=None, languages=None) -> np.ndarray:
        """Boolean decisions (sigmoid) or class indices (softmax) from probabilities."""
        if self.kind == "softmax":
            return (np.log(np.maximum(P, 1e-12)) + self.threshold).argmax(axis=1)
        return P >= self.thresholds_for(lengths, context_lengths, languages)

    def save(self, path: str | Path) -> None:
        arrays = {
            "labels": np.array(self.labels), "kind": np.array(self.kind), "feature": np.array(self.feature),
            "mean": self.mean.astype(np.float32), "scale": self.scale.astype(np.float32),
            # large weight matrices in float16 (half the size; probabilities move < 1e-3)
            "W": self.W.astype(np.float16 if self.W.size > 100_000 else np.float32),
            "b": self.b.astype(np.float32), "calib_a": self.calib_a.astype(np.float32),
            "calib_b": self.calib_b.astype(np.float32), "threshold": self.threshold.astype(np.float32),
            "window": np.array(self.window), "dropped": np.array(list(self.dropped), dtype=str),
            "dropped_why": np.array(list(self.dropped.values()), dtype=str),
            "edges": np.asarray(self.edges, np.float32),
            "context_edges": np.asarray(self.context_edges, np.float32),
            "languages": np.array(self.languages, dtype=str),
            "language_threshold": np.asarray(self.language_threshold, np.float32),
        }
        if self.ngrams is not None:
            arrays.update(self.ngrams.arrays())
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: str | Path) -> "Head":
        with np.load(path, allow_pickle=False) as z:
            return cls(
                labels=[str(x) for x in z["labels"]], kind=str(z["kind"]), feature=str(z["feature"]),
                mean=z["mean"].astype(np.float64), scale=z["scale"].astype(np.float64),
                W=z["W"].astype(np.float64), b=z["b"].astype(np.float64), calib_a=z["calib_a"].astype(np.float64),
                calib_b=z["calib_b"].astype(np.float64), threshold=z["threshold"], window=int(z["window"]),
                dropped={str(k): str(v) for k, v in zip(z["dropped"], z["dropped_why"])},
                edges=z["edges"],
                context_edges=z["context_edges"],
                languages=[str(x) for x in z["languages"]] if "languages" in z.files else [],
                language_threshold=z["language_threshold"] if "language_threshold" in z.files
                else np.zeros((0, 0, 0), np.float32),
                ngrams=NgramView.from_arrays(z) if "ngram_W" in z.files else None,
            )


@dataclass
class NgramView:
    """A linear head over hashed word and character n-grams (``ngrams.ngram_features``), kept
    only on the hash rows that carry weight (``rows``), and per label the weight (``mix``) of its
    logit in the mixed logit."""

    rows: np.ndarray  # (k,) hash columns with weights, ascending
    W: np.ndarray  # (k, labels)
    b: np.ndarray  # (labels,)
    mix: np.ndarray  # (labels,)
    n_features: int = N_FEATURES

    def __post_init__(self):
        self._slot = np.full(self.n_features, -1, np.int64)
        self._slot[self.rows] = np.arange(len(self.rows))

    @classmethod
    def pruned(cls, W: np.ndarray, b: np.ndarray, mix: np.ndarray, share: float = 1.0) -> "NgramView":
        """From a full (n_features, labels) matrix: the ``share`` of its hash rows with a weight
        that weigh most (by their largest absolute weight over the labels)."""
        strength = np.abs(W).max(axis=1)
        used = np.flatnonzero(strength > 0)
        kept = used[np.argsort(-strength[used], kind="stable")[: int(round(share * len(used)))]]
        rows = np.sort(kept)
        return cls(rows.astype(np.int32), W[rows], np.asarray(b, np.float64), np.asarray(mix, np.float64), len(W))

    def logits(self, texts: list[str]) -> np.ndarray:
        """(n, labels) mixed-in logits, ``mix`` already applied; row by row in float64, so that a
        text's score does not depend on the others scored with it."""
        X = ngram_features(texts, self.n_features)
        out = np.empty((len(texts), len(self.b)))
        for i in range(len(texts)):
            cols = X.indices[X.indptr[i]:X.indptr[i + 1]]
            values = X.data[X.indptr[i]:X.indptr[i + 1]]
            slots = self._slot[cols]
            known = slots >= 0
            out[i] = values[known] @ self.W[slots[known]].astype(np.float64) + self.b
        return out * self.mix

    def arrays(self) -> dict[str, np.ndarray]:
        return {"ngram_rows": self.rows.astype(np.int32), "ngram_W": self.W.astype(np.float16),
                "ngram_b": self.b.astype(np.float32), "ngram_mix": self.mix.astype(np.float32),
                "ngram_features": np.array(self.n_features)}

    @classmethod
    def from_arrays(cls, z) -> "NgramView":
        # float32 in memory (14 MB rather than 27 per process); each row is summed in float64
        return cls(z["ngram_rows"].astype(np.int64), z["ngram_W"].astype(np.float32), z["ngram_b"].astype(np.float64),
                   z["ngram_mix"].astype(np.float64), int(z["ngram_features"]))


@lru_cache(maxsize=4)
def checkworthy_threshold(directory: str | Path | None = None) -> float:
    """The calibrated probability from which a sentence is flagged check-worthy: the cut that
    maximised F1 on held-out folds, read from the shipped (or given) weights without loading
    the encoder, so that a query can use it."""
    return round(float(Head.load(Path(directory or WEIGHTS) / "checkworthiness.npz").threshold.ravel()[0]), 6)


class Classifiers:
    """Persuasion techniques, frames, genre and check-worthiness over one shared sentence encoder.

    >>> clf = Classifiers.load()
    >>> clf.techniques(["..."])   # [[("Loaded_Language", 0.71), ...]]
    """

    def __init__(self, heads: dict[str, Head], embedder: Embedder | None = None):
        self.heads = heads
        self.embedder = embedder or Embedder()

    @classmethod
    def load(cls, directory: str | Path | None = None, embedder: Embedder | None = None) -> "Classifiers":
        """Load the shipped heads (or those in ``directory``)."""
        directory = Path(directory) if directory else WEIGHTS
        heads = {task: Head.load(directory / f"{task}.npz") for task in TASKS if (directory / f"{task}.npz").exists()}
        if not heads:
            raise FileNotFoundError(f"no classifier weights in {directory}")
        return cls(heads, embedder)

    def probabilities(self, task: str, texts: list[str], contexts: list[str | None] | None = None) -> np.ndarray:
        """Calibrated probability matrix (n, labels) of one task. Techniques score a passage longer
        than the head's window as windows of whole sentences and keep each label's highest."""
        head = self.heads[task]
        texts = [t or "" for t in texts]
        if not texts:
            return np.zeros((0, len(head.labels)), np.float32)
        if contexts is not None and len(contexts) != len(texts):
            raise ValueError("give one context (document text or None) per text")
        if not head.window:
            return head.probabilities(head.featurize(self.embedder, texts, contexts), texts)
        pieces = [windows(t, head.window) for t in texts]
        flat = [w for ws in pieces for w in ws]
        flat_contexts = None if contexts is None else [c for c, ws in zip(contexts, pieces) for _ in ws]
        P = head.probabilities(head.featurize(self.embedder, flat, flat_contexts), flat)
        starts = np.cumsum([0] + [len(ws) for ws in pieces[:-1]])
        return np.maximum.reduceat(P, starts, axis=0)

    def thresholds(self, task: str, length: int = 100, document_length: int | None = None,
                   language: str | None = None) -> dict[str, float]:
        """Per label, the probability from which it is predicted in a text of ``length`` characters
        in a document of ``document_length`` in ``language`` (tuned on held-out folds, per length
        bucket and, for texts that stand alone, per language with enough of them)."""
        head = self.heads[task]
        if head.kind != "sigmoid":
            return {}
        row = head.thresholds_for([length], [length if document_length is None else document_length],
                                  [language])[0]
        return {label: float(t) for label, t in zip(head.labels, row)}

    def _multilabel(self, task: str, texts: list[str], contexts=None, min_probability: float = 0.0,
                    languages: list[str | None] | None = None) -> list[list[tuple[str, float]]]:
        head = self.heads[task]
        if languages is not None and len(languages) != len(texts):
            raise ValueError("give one language (a code or None) per text")
        P = self.probabilities(task, texts, contexts)
        P = np.where(P >= min_probability, P, 0.0)
        out = []
        lengths = [len(t or "") for t in texts]
        context_lengths = lengths if contexts is None else [len(c) if c else n for c, n in zip(contexts, lengths)]
        for row, picked in zip(P, head.decide(P, lengths, context_lengths, languages)):
            out.append(sorted(((head.labels[j], float(row[j])) for j in np.flatnonzero(picked)), key=lambda x: -x[1]))
        return out

    # ---------------------------------------------------------------- public API
    def techniques(self, passages: list[str], documents: list[str | None] | None = None,
                   min_probability: float = 0.0, languages: list[str | None] | None = None
                   ) -> list[list[tuple[str, float]]]:
        """Per passage: (technique, probability) of each technique predicted, most probable first.

        ``documents``: the whole text of each passage's document (one entry per passage), which
        the model reads as context, as SemEval annotators read whole articles; None for a passage
        that stands alone (a post). ``min_probability``: also require at least this probability.
        ``languages``: each passage's language code (or None), which picks the thresholds of
        short texts in a language the head has many posts of; the probabilities do not use it."""
        return self._multilabel("techniques", passages, documents, min_probability, languages)

    def frames(self, documents: list[str], min_probability: float = 0.0) -> list[list[tuple[str, float]]]:
        """Per document: (frame, probability) of each frame predicted."""
        return self._multilabel("frames", documents, None, min_probability)

    def genre(self, documents: list[str]) -> list[tuple[str, float]]:
        """Per document: (opinion, reporting or satire, its probability)."""
        head = self.heads["genre"]
        P = self.probabilities("genre", documents)
        return [(head.labels[int(c)], float(P[i, c])) for i, c in enumerate(head.decide(P, []))]

    def checkworthiness(self, sentences: list[str]) -> list[float]:
        """Per sentence: the calibrated probability that it is check-worthy; it is flagged from
        ``thresholds("checkworthiness")["check_worthy"]`` on (one threshold for every length)."""
        return [float(p) for p in self.probabilities("checkworthiness", sentences)[:, 0]]
