"""Train, cross-validate and ship the technique / frame / genre / check-worthiness heads.

    python bench/train_persuasion.py --data ../shared/data --out src/storylens/persuasion/weights

Every score this prints is out of fold: the texts are split into ``FOLDS`` folds by article (a
SemEval-2023 or PTC-2020 article, a UNLP-2025 post, a meme), so no paragraph or sentence of an
evaluated article was trained on. For the evaluated fold, the Platt calibrator and the per-label
thresholds are fitted on the *other* folds' out-of-fold scores, so they never see the fold they
are judged on. The trivial baselines of the same run (label prior, always-positive, the k
commonest labels) are fitted on the same training folds. Check-worthiness is also scored on the
official CheckThat! dev files, which nothing is fitted or tuned on. The shipped head is fitted on
all the data, with the calibrator and thresholds fitted on all out-of-fold scores.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import data as D
from .features import Embedder, document_features, genre_document_features, unit_features
from .labels import (
    FRAMES,
    GENRES,
    MEMES2021_MAP,
    PTC2020_MAP,
    SEMEVAL2023_MAP,
    TECHNIQUES,
    UNLP2025_MAP,
    to_source,
)
from .models import Head, NgramView, bucket_of, sigmoid, softmax
from .ngrams import ngram_features

FOLDS = 5
SEED = 13
WINDOW = 1200  # characters: longer passages are scored as windows of whole sentences
LENGTH_EDGES = np.array([150.0, 350.0])  # techniques' thresholds differ for sentences, short and long passages
CONTEXT_EDGES = np.array([1500.0])  # ... and for a post of its own and a passage of a longer document
STANDALONE_WEIGHT = 3.0  # sample weight of posts and memes (texts without a document) in the techniques head
SHORT_PARAGRAPH = 350  # characters: the boundary between a short and a long paragraph
MIN_POSITIVES = 10  # a label with fewer positive texts is dropped (too rare to learn or to test)
MIN_F1 = 0.05  # a label whose out-of-fold F1 stays below this is dropped (the model cannot tell it)
MIN_LANGUAGE_TEXTS = 1000  # a language with this many texts that stand alone gets their thresholds of its own
NGRAM_L2 = 1e-4  # L2 weight of the techniques' n-gram head (rows of unit length, 2^18 columns)
NGRAM_SHARE = 0.5  # the share of the n-gram head's hash rows shipped, those that weigh most (6 MB, not 13)
MAX_MIX = 5.0  # the n-gram logit's weight in the mixed logit is clipped to [0, MAX_MIX]
THRESHOLDS = np.round(np.arange(0.05, 0.905, 0.025), 3)
SOURCE_MAPS = {"semeval2023": SEMEVAL2023_MAP, "ptc2020": PTC2020_MAP, "unlp2025": UNLP2025_MAP,
               "memes2021": MEMES2021_MAP}


def log(*args) -> None:
    print(time.strftime("%H:%M:%S"), *args, file=sys.stderr, flush=True)


def group_folds(groups: list[str], k: int = FOLDS) -> np.ndarray:
    """Fold number per row, by a hash of its group (article / post)."""
    return np.array([int(hashlib.sha1(f"{SEED}:{g}".encode()).hexdigest(), 16) % k for g in groups])


# ---------------------------------------------------------------- fitting
def standardiser(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale < 1e-6] = 1.0
    return mean.astype(np.float32), scale.astype(np.float32)


def fit_multilabel(X: np.ndarray, Y: np.ndarray, M: np.ndarray, l2: float,
                   sw: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """One masked logistic regression per label on standardised ``X``, all labels in one L-BFGS run.

    Rows where a label is unknown (M false) do not count for it; ``sw`` weighs rows; positives
    weigh sqrt(negatives / positives) (at most 10) so that rare labels are learnt at all."""
    from scipy.optimize import minimize

    d = X.shape[1]
    L = Y.shape[1]
    Mf = M.astype(np.float32) * (1.0 if sw is None else sw[:, None].astype(np.float32))
    pos = (Y * M).sum(0)
    neg = ((1 - Y) * M).sum(0)
    wpos = np.clip(np.sqrt(neg / np.maximum(pos, 1)), 1, 10).astype(np.float32)
    C = Mf * np.where(Y > 0, wpos, 1.0).astype(np.float32)
    norm = C.sum()
    Yf = Y.astype(np.float32)

    def loss(theta):
        W = theta[: d * L].reshape(d, L).astype(np.float32)
        b = theta[d * L:].astype(np.float32)
        Z = X @ W + b
        ll = np.logaddexp(0, np.where(Yf > 0, -Z, Z))  # log(1 + e^-z) for positives, log(1 + e^z) else
        G = C * (sigmoid(Z) - Yf) / norm
        gW = X.T @ G + l2 * W
        f = float((C * ll).sum() / norm + 0.5 * l2 * (W * W).sum())
        return f, np.concatenate([gW.ravel(), G.sum(0)]).astype(np.float64)

    theta0 = np.zeros(d * L + L)
    theta0[d * L:] = np.log(np.maximum(pos, 1) * wpos / np.maximum(neg, 1))
    res = minimize(loss, theta0, jac=True, method="L-BFGS-B", options={"maxiter": 400})
    return res.x[: d * L].reshape(d, L).astype(np.float32), res.x[d * L:].astype(np.float32)


def fit_platt(z: np.ndarray, y: np.ndarray, iters: int = 50) -> tuple[float, float]:
    """Platt scaling: (a, b) so that sigmoid(a z + b) is calibrated (Newton steps, halved while
    they do not lower the loss: from a = 1 a full step overshoots on logits of a wide spread)."""
    a, b = 1.0, 0.0
    if y.min() == y.max():
        return 0.0, (10.0 if y.min() else -10.0)

    def loss(a: float, b: float) -> float:
        s = a * z + b
        return float(np.logaddexp(0, np.where(y > 0, -s, s)).sum() + 5e-4 * a * a)

    current = loss(a, b)
    for _ in range(iters):
        p = sigmoid(a * z + b)
        g = np.array([((p - y) * z).sum() + 1e-3 * a, (p - y).sum()])
        w = p * (1 - p) + 1e-9
        H = np.array([[(w * z * z).sum() + 1e-3, (w * z).sum()], [(w * z).sum(), w.sum()]])
        step = np.linalg.solve(H, g)
        for _ in range(30):
            trial = loss(a - step[0], b - step[1])
            if trial <= current:
                break
            step = step / 2
        a, b, current = a - step[0], b - step[1], min(trial, current)
        if np.abs(step).max() < 1e-6:
            break
    return float(a), float(b)


def f1(tp: float, fp: float, fn: float) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _label_f1_threshold(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    scores = [f1(((p >= t) & y).sum(), ((p >= t) & ~y).sum(), ((p < t) & y).sum()) for t in THRESHOLDS]
    k = int(np.argmax(scores))
    return float(THRESHOLDS[k]), float(scores[k])


def _ascend_thresholds(P: np.ndarray, Yb: np.ndarray, M: np.ndarray, T: np.ndarray, objective: str,
                       passes: int = 2) -> np.ndarray:
    """Coordinate ascent from the per-label optima on micro-F1 (the official SemEval-2023 metric)
    or on the mean of micro- and macro-F1 ("balanced": rare labels keep some weight)."""
    T = T.copy()
    pred = (P >= T) & M
    tp, fp = (pred & Yb).sum(0).astype(float), (pred & ~Yb).sum(0).astype(float)
    pos = (Yb & M).sum(0).astype(float)
    per = np.array([f1(a, b, c - a) for a, b, c in zip(tp, fp, pos)])
    used = pos > 0
    for _ in range(passes):
        for j in np.flatnonzero(used):
            rows = M[:, j]
            y, p = Yb[rows, j], P[rows, j]
            rest_tp, rest_fp, rest_pos = tp.sum() - tp[j], fp.sum() - fp[j], pos.sum() - pos[j]
            rest_macro = per[used].sum() - per[j]
            best = (-1.0, 0.0)
            for t in THRESHOLDS:
                a, b = ((p >= t) & y).sum(), ((p >= t) & ~y).sum()
                score = f1(rest_tp + a, rest_fp + b, rest_pos - rest_tp + pos[j] - a)
                if objective == "balanced":
                    score = (score + (rest_macro + f1(a, b, pos[j] - a)) / used.sum()) / 2
                best = max(best, (score, -t))
            T[j] = -best[1]
            tp[j], fp[j] = ((p >= T[j]) & y).sum(), ((p >= T[j]) & ~y).sum()
            per[j] = f1(tp[j], fp[j], pos[j] - tp[j])
    return T


def calibrate(Z: np.ndarray, Y: np.ndarray, M: np.ndarray, buckets: np.ndarray, n_buckets: int,
              objective: str = "label") -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """On out-of-fold logits: Platt (a, b) per label; per threshold bucket and label, the threshold
    on the calibrated probability that maximises the label's F1 (``objective`` "label") or, from
    there, the bucket's micro-F1 ("micro") or micro+macro ("balanced"); each label's best F1."""
    L = Y.shape[1]
    A, B, best = np.zeros(L), np.zeros(L), np.zeros(L)
    T = np.full((n_buckets, L), 0.5)
    P = np.zeros(Z.shape)
    Yb = Y > 0
    for j in range(L):
        rows = M[:, j]
        if rows.any():
            A[j], B[j] = fit_platt(Z[rows, j], Yb[rows, j].astype(float))
            P[:, j] = sigmoid(A[j] * Z[:, j] + B[j])
            T[:, j], best[j] = _label_f1_threshold(P[rows, j], Yb[rows, j])
    for k in range(n_buckets):
        sel = buckets == k
        for j in range(L):
            rows = sel & M[:, j]
            if Yb[rows, j].sum() >= 3:  # else the label's threshold over all rows
                T[k, j] = _label_f1_threshold(P[rows, j], Yb[rows, j])[0]
        if objective != "label" and sel.any():
            T[k] = _ascend_thresholds(P[sel], Yb[sel], M[sel], T[k], objective)
    return A, B, T, best


def language_thresholds(P: np.ndarray, Y: np.ndarray, M: np.ndarray, buckets: np.ndarray, langs: np.ndarray,
                        languages: list[str], T: np.ndarray, n_text_buckets: int) -> np.ndarray:
    """Per language of ``languages``: (buckets, labels) thresholds, those of ``T`` except in the
    buckets of texts that stand alone (the first ``n_text_buckets``: a post, not a passage of a
    long document), where each label has one threshold, at its own F1 optimum on all of that
    language's texts of those buckets.

    Posts of one language share a source and its annotators' label rates (UNLP-2025: Appeal_to_
    Values on 18 % of Ukrainian posts, 6 % of Russian ones), and their data set is scored by
    macro-F1, which per-label optima maximise. One threshold for every post length, not one per
    length bucket: a bucket holds a few dozen positives of a rare label, and thresholds chosen on
    so few were noise (docs/evaluation.md, round 4)."""
    out = np.repeat(T[None], len(languages), axis=0)
    Yb = Y > 0
    for i, lang in enumerate(languages):
        sel = (buckets < n_text_buckets) & (langs == lang)
        for j in range(Y.shape[1]):
            rows = sel & M[:, j]
            if Yb[rows, j].sum() >= 3:
                out[i, :n_text_buckets, j] = _label_f1_threshold(P[rows, j], Yb[rows, j])[0]
    return out


def standalone_languages(langs: np.ndarray, standalone: np.ndarray) -> list[str]:
    """Languages with at least ``MIN_LANGUAGE_TEXTS`` texts that stand alone (posts)."""
    names, counts = np.unique(langs[standalone], return_counts=True)
    return [str(n) for n, c in zip(names, counts) if c >= MIN_LANGUAGE_TEXTS]


def _cached_logits(cache: Path | None, key_parts: list[np.ndarray], compute) -> np.ndarray:
    """Out-of-fold logits, from ``cache`` (outside the repository) when the same inputs were
    cross-validated before: a change of thresholds or metrics then takes minutes, not an hour.
    The key is the inputs, not the fitting code: empty the folder after changing ``fit_multilabel``."""
    if cache is None:
        return compute()
    digest = hashlib.sha1()
    for part in key_parts:
        digest.update(np.ascontiguousarray(part).tobytes())
    path = cache / f"oof-{digest.hexdigest()[:16]}.npy"
    if path.exists():
        log(f"  out-of-fold logits from {path}")
        return np.load(path, allow_pickle=False)
    Z = compute()
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, Z)
    return Z


def mix_weights(Z: np.ndarray, Z2: np.ndarray, Y: np.ndarray, M: np.ndarray) -> np.ndarray:
    """Per label, how much the second view's logit adds to the first's: c / a of a logistic
    regression of the label on [z, z2] (a stacked calibrator on out-of-fold logits), clipped to
    [0, ``MAX_MIX``]; 0 when the label has too few positives or the view only adds noise."""
    from sklearn.linear_model import LogisticRegression

    out = np.zeros(Y.shape[1])
    for j in range(Y.shape[1]):
        rows = M[:, j]
        y = Y[rows, j] > 0
        if y.sum() < 3 or y.all():
            continue
        a, c = LogisticRegression(C=1.0).fit(np.c_[Z[rows, j], Z2[rows, j]], y).coef_[0]
        out[j] = float(np.clip(c / a, 0.0, MAX_MIX)) if a > 0 else 0.0
    return out


def ngram_logits(X, Y: np.ndarray, M: np.ndarray, folds: np.ndarray, l2: float, sw: np.ndarray | None,
                 cache: Path | None) -> np.ndarray:
    """Out-of-fold logits of the n-gram head (sparse ``X``, rows already of unit length)."""
    def fit_folds() -> np.ndarray:
        Z = np.zeros(Y.shape, np.float32)
        for f in range(FOLDS):
            tr, te = folds != f, folds == f
            W, b = fit_multilabel(X[tr], Y[tr], M[tr], l2, None if sw is None else sw[tr])
            Z[te] = X[te] @ W + b
            log(f"  n-grams: fold {f + 1}/{FOLDS} fitted")
        return Z

    key = [X.indptr, X.indices, X.data, Y, M, folds, np.array([l2, FOLDS, 2.0]), np.zeros(0) if sw is None else sw]
    return _cached_logits(cache, key, fit_folds)


@dataclass
class CrossVal:
    """Out-of-fold results of a multi-label head."""

    P: np.ndarray  # calibrated probabilities, calibrator fitted on the other folds
    pred: np.ndarray  # decisions with thresholds fitted on the other folds
    Z: np.ndarray  # raw out-of-fold logits (of the first view when there are two)
    Z2: np.ndarray | None = None  # the second (n-gram) view's out-of-fold logits


def cross_validate(X: np.ndarray, Y: np.ndarray, M: np.ndarray, folds: np.ndarray, l2: float,
                   buckets: np.ndarray | None = None, n_buckets: int = 1, objective: str = "label",
                   sw: np.ndarray | None = None, langs: np.ndarray | None = None, languages: list[str] = (),
                   n_text_buckets: int = 0, cache: Path | None = None, Z2: np.ndarray | None = None) -> CrossVal:
    """Out-of-fold logits, then each fold's probabilities and decisions from a calibrator and
    thresholds (per language of ``languages`` for texts in the first ``n_text_buckets``) fitted
    on the other folds. With ``Z2`` (a second view's out-of-fold logits), each fold's logits are
    the mix of both, the mix weights also fitted on the other folds."""
    def fit_folds() -> np.ndarray:
        Z = np.zeros(Y.shape, np.float32)
        for f in range(FOLDS):
            tr, te = folds != f, folds == f
            mean, scale = standardiser(X[tr])
            W, b = fit_multilabel((X[tr] - mean) / scale, Y[tr], M[tr], l2, None if sw is None else sw[tr])
            Z[te] = ((X[te] - mean) / scale) @ W + b
            log(f"  fold {f + 1}/{FOLDS} fitted")
        return Z

    key = [X, Y, M, folds, np.array([l2, FOLDS]), np.zeros(0) if sw is None else sw]
    Z1 = _cached_logits(cache, key, fit_folds)
    P, pred = np.zeros(Y.shape, np.float32), np.zeros(Y.shape, bool)
    buckets = np.zeros(len(Y), int) if buckets is None else buckets
    for f in range(FOLDS):
        tr, te = folds != f, folds == f
        Z = Z1 if Z2 is None else Z1 + mix_weights(Z1[tr], Z2[tr], Y[tr], M[tr]) * Z2
        A, B, T, _ = calibrate(Z[tr], Y[tr], M[tr], buckets[tr], n_buckets, objective)
        P[te] = sigmoid(A * Z[te] + B)
        thresholds = T[buckets[te]]
        if len(languages):
            LT = language_thresholds(sigmoid(A * Z[tr] + B), Y[tr], M[tr], buckets[tr], langs[tr], languages, T,
                                     n_text_buckets)
            for i, lang in enumerate(languages):
                rows = langs[te] == lang
                thresholds[rows] = LT[i][buckets[te][rows]]
        pred[te] = P[te] >= thresholds
    return CrossVal(P, pred, Z1, Z2)


def final_sigmoid_head(X, Y, M, cv: CrossVal, labels, feature: str, l2: float, buckets: np.ndarray | None = None,
                       edges=(), context_edges=(), objective: str = "label", window: int = 0,
                       sw: np.ndarray | None = None, langs: np.ndarray | None = None,
                       languages: list[str] = (), X2=None, l2_2: float = NGRAM_L2) -> tuple[Head, dict[str, str]]:
    """Fit on all rows; calibrator and thresholds from all out-of-fold logits; drop unlearnable
    labels. With ``X2`` (the n-gram view's sparse rows, whose out-of-fold logits are ``cv.Z2``),
    the head also carries an n-gram head and its mix weights, fitted on all rows as well."""
    mean, scale = standardiser(X)
    W, b = fit_multilabel((X - mean) / scale, Y, M, l2, sw)
    n_buckets = (len(edges) + 1) * (len(context_edges) + 1)
    buckets = np.zeros(len(Y), int) if buckets is None else buckets
    Z, ngram = cv.Z, None
    if X2 is not None:
        mix = mix_weights(cv.Z, cv.Z2, Y, M)
        Z = cv.Z + mix * cv.Z2
        log("  n-grams: final fit")
        ngram = (*fit_multilabel(X2, Y, M, l2_2, sw), mix)
    A, B, T, best = calibrate(Z, Y, M, buckets, n_buckets, objective)
    LT = language_thresholds(sigmoid(A * Z + B), Y, M, buckets, langs, list(languages), T, len(edges) + 1) \
        if len(languages) else np.zeros((0, n_buckets, len(labels)))
    dropped = {}
    for j, label in enumerate(labels):
        positives = int((Y[:, j] * M[:, j]).sum())
        if positives < MIN_POSITIVES:
            dropped[label] = f"{positives} positive texts in all the data (fewer than {MIN_POSITIVES})"
        elif best[j] < MIN_F1:
            dropped[label] = f"out-of-fold F1 {best[j]:.3f} at its best threshold (below {MIN_F1})"
    keep = [j for j, label in enumerate(labels) if label not in dropped]
    view = None if ngram is None else NgramView.pruned(ngram[0][:, keep], ngram[1][keep], ngram[2][keep], NGRAM_SHARE)
    head = Head([labels[j] for j in keep], "sigmoid", feature, mean, scale, W[:, keep], b[keep], A[keep], B[keep],
                T[:, keep], window, dropped, np.asarray(edges, np.float32), np.asarray(context_edges, np.float32),
                list(languages), LT[:, :, keep], view)
    return head, dropped


# ---------------------------------------------------------------- metrics
def multilabel_metrics(Y: np.ndarray, pred: np.ndarray) -> dict:
    """micro-F1 and macro-F1 (over labels present in Y or predicted) of boolean matrices."""
    tp, fp, fn = (Y & pred).sum(0), (~Y & pred).sum(0), (Y & ~pred).sum(0)
    used = (Y.sum(0) + pred.sum(0)) > 0
    per = [f1(a, b, c) for a, b, c in zip(tp[used], fp[used], fn[used])]
    return {"n": int(len(Y)), "micro": round(f1(tp.sum(), fp.sum(), fn.sum()), 3),
            "macro": round(float(np.mean(per)) if per else 0.0, 3), "gold": int(Y.sum()), "predicted": int(pred.sum())}


def topk_labels(Y_train: np.ndarray) -> np.ndarray:
    """The k commonest labels, k best for micro-F1 on the training rows."""
    order = np.argsort(-Y_train.sum(0))
    best, chosen = -1.0, order[:1]
    for k in range(1, len(order) + 1):
        pred = np.zeros(Y_train.shape, bool)
        pred[:, order[:k]] = True
        score = multilabel_metrics(Y_train, pred)["micro"]
        if score > best:
            best, chosen = score, order[:k]
    out = np.zeros(Y_train.shape[1], bool)
    out[chosen] = True
    return out


def baselines(Ys: np.ndarray, folds: np.ndarray, sel: np.ndarray) -> dict[str, np.ndarray]:
    """Text-independent predictions for the rows ``sel`` (one data set, language and kind of text),
    each fold's fitted on the rows of ``sel`` in the other folds."""
    rng = np.random.default_rng(SEED)
    out = {name: np.zeros((sel.sum(), Ys.shape[1]), bool) for name in ("prior", "always", "top-k")}
    idx = np.flatnonzero(sel)
    for f in range(FOLDS):
        rows = folds[idx] == f
        if not rows.any():
            continue
        train = Ys[sel & (folds != f)]
        prior = train.mean(0) if len(train) else np.zeros(Ys.shape[1])
        out["prior"][rows] = rng.random((rows.sum(), Ys.shape[1])) < prior
        out["always"][rows] = True
        out["top-k"][rows] = topk_labels(train) if len(train) else False
    return out


# ---------------------------------------------------------------- techniques
def unit_bucket(e: D.Example) -> str:
    if e.unit == "paragraph":
        return "short paragraph" if len(e.text) < SHORT_PARAGRAPH else "long paragraph"
    return {"post": "Telegram post"}.get(e.unit, e.unit)


def _matrix(examples, labels) -> tuple[np.ndarray, np.ndarray]:
    index = {label: j for j, label in enumerate(labels)}
    Y = np.zeros((len(examples), len(labels)), np.int8)
    M = np.zeros((len(examples), len(labels)), bool)
    for i, e in enumerate(examples):
        for label in e.labels:
            Y[i, index[label]] = 1
        for label in e.known:
            M[i, index[label]] = True
    return Y, M


def source_space(examples, pred: np.ndarray, labels) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Gold and predicted labels of examples of one data set, in that data set's own labels."""
    label_map = SOURCE_MAPS[examples[0].source]
    names = [name for name, targets in label_map.items() if targets]
    gold = np.array([[name in e.source_labels for name in names] for e in examples], bool)
    predicted = np.array([[name in to_source({labels[j] for j in np.flatnonzero(row)}, label_map) for name in names]
                          for row in pred], bool)
    return gold, predicted, names


def technique_examples(root: Path) -> list[D.Example]:
    se = D.semeval_paragraphs(root)
    en_ids = {e.group.split(":")[2] for e in se if e.lang == "en"}
    return se + D.ptc_paragraphs(root, exclude_ids=en_ids) + D.unlp_posts(root) + D.meme_texts(root)


def train_techniques(root: Path, emb: Embedder, l2: float, objective: str = "balanced",
                     standalone_weight: float = STANDALONE_WEIGHT, cache: Path | None = None,
                     ngrams: bool = True) -> tuple[Head, dict]:
    examples = technique_examples(root)
    log(f"techniques: {len(examples)} texts; featurising")
    texts = [e.text for e in examples]
    X = unit_features(emb, texts, [e.context for e in examples])
    Y, M = _matrix(examples, TECHNIQUES)
    folds = group_folds([e.group for e in examples])
    buckets = bucket_of(np.array([len(t) for t in texts]), np.array([len(e.context or e.text) for e in examples]),
                        LENGTH_EDGES, CONTEXT_EDGES)
    n_buckets = (len(LENGTH_EDGES) + 1) * (len(CONTEXT_EDGES) + 1)
    log("techniques: cross-validating")
    # posts and memes stand alone and are few (3,809 of 55,987 texts): weigh them up
    standalone = np.array([e.context is None for e in examples])
    sw = np.where(standalone, standalone_weight, 1.0)
    langs = np.array([e.lang for e in examples])
    languages = standalone_languages(langs, standalone)
    X2 = Z2 = None
    if ngrams:
        log("techniques: hashed n-grams")
        X2 = ngram_features(texts).astype(np.float32)
        Z2 = ngram_logits(X2, Y, M, folds, NGRAM_L2, sw, cache)
    cv = cross_validate(X, Y, M, folds, l2, buckets, n_buckets, objective, sw, langs, languages,
                        len(LENGTH_EDGES) + 1, cache, Z2)
    head, dropped = final_sigmoid_head(X, Y, M, cv, list(TECHNIQUES), "unit", l2, buckets, LENGTH_EDGES,
                                       CONTEXT_EDGES, objective, window=WINDOW, sw=sw, langs=langs,
                                       languages=languages, X2=X2)
    keep = np.array([label not in dropped for label in TECHNIQUES])
    report = {"texts": len(examples), "l2": l2, "objective": objective, "standalone_weight": standalone_weight,
              "languages": languages, "ngrams": bool(ngrams),
              "ngram_mix": dict(zip(head.labels, map(float, head.ngrams.mix))) if head.ngrams else {}, "dropped": dropped, "sets": technique_sets(examples, cv.pred & keep, folds),
              "thresholds": {f"bucket {k}": dict(zip(head.labels, map(float, t))) for k, t in enumerate(head.threshold)},
              "reliability": reliability(cv.P[M], Y[M] > 0)}
    return head, report


def technique_sets(examples: list[D.Example], pred: np.ndarray, folds: np.ndarray) -> dict:
    """Model and baselines per data set, language and kind of text, in each data set's own labels."""
    kinds_of = np.array([unit_bucket(e) for e in examples])
    sources = np.array([e.source for e in examples])
    langs = np.array([e.lang for e in examples])
    out = {}
    for source in SOURCE_MAPS:
        for lang in sorted(set(langs[sources == source])):
            here = (sources == source) & (langs == lang)
            kinds = {"all": here, **{k: here & (kinds_of == k) for k in sorted(set(kinds_of[here]))}}
            if "short paragraph" in kinds:
                kinds["paragraph"] = here & np.isin(kinds_of, ["short paragraph", "long paragraph"])
            for kind, sel in kinds.items():
                if sel.sum() < 20 or (kind != "all" and sel.sum() == here.sum()):
                    continue
                gold, predicted, names = source_space([examples[i] for i in np.flatnonzero(sel)], pred[sel], TECHNIQUES)
                Ys = np.zeros((len(examples), len(names)), bool)
                Ys[sel] = gold
                row = {"model": multilabel_metrics(gold, predicted)}
                for name, base in baselines(Ys, folds, sel).items():
                    row[name] = multilabel_metrics(gold, base)
                row["per_label"] = per_label(gold, predicted, names)
                out[f"{source} {lang} {kind}"] = row
    return out


def per_label(gold: np.ndarray, pred: np.ndarray, names: list[str]) -> dict:
    out = {}
    for j, name in enumerate(names):
        tp, fp, fn = int((gold[:, j] & pred[:, j]).sum()), int((~gold[:, j] & pred[:, j]).sum()), int((gold[:, j] & ~pred[:, j]).sum())
        out[name] = {"f1": round(f1(tp, fp, fn), 3), "support": int(gold[:, j].sum()), "predicted": tp + fp}
    return out


def reliability(P: np.ndarray, y: np.ndarray, bins: int = 10) -> list[dict]:
    """Mean predicted probability against observed frequency, in equal-width bins."""
    edges = np.linspace(0, 1, bins + 1)
    out = []
    for lo, hi in zip(edges[:-1], edges[1:]):
        sel = (P >= lo) & ((P < hi) if hi < 1 else (P <= hi))
        if sel.sum():
            out.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": int(sel.sum()), "predicted": round(float(P[sel].mean()), 3),
                        "observed": round(float(y[sel].mean()), 3)})
    return out


# ---------------------------------------------------------------- frames and genre
def _documents(root: Path, task: str, emb: Embedder, featurise=document_features):
    arts = [a for a in D.semeval_articles(root) if getattr(a, task) is not None]
    log(f"{task}: {len(arts)} articles; featurising")
    X = featurise(emb, [a.text for a in arts])
    return arts, X, group_folds([f"se:{a.lang}:{a.id}" for a in arts]), np.array([a.lang for a in arts])


def train_frames(root: Path, emb: Embedder, l2: float) -> tuple[Head, dict]:
    arts, X, folds, langs = _documents(root, "frames", emb)
    Y = np.array([[f in a.frames for f in FRAMES] for a in arts], np.int8)
    M = np.ones(Y.shape, bool)
    cv = cross_validate(X, Y, M, folds, l2, objective="micro")
    head, dropped = final_sigmoid_head(X, Y, M, cv, list(FRAMES), "document", l2, objective="micro")
    keep = np.array([f not in dropped for f in FRAMES])
    report = {"articles": len(arts), "l2": l2, "dropped": dropped, "sets": {},
              "thresholds": dict(zip(head.labels, map(float, head.threshold[0]))),
              "reliability": reliability(cv.P.ravel(), Y.ravel() > 0)}
    gold_all = Y > 0
    for lang in ["all", *sorted(set(langs))]:
        sel = np.ones(len(arts), bool) if lang == "all" else langs == lang
        row = {"model": multilabel_metrics(gold_all[sel], (cv.pred & keep)[sel])}
        for name, base in baselines(gold_all, folds, sel).items():
            row[name] = multilabel_metrics(gold_all[sel], base)
        report["sets"][f"semeval2023 {lang} article"] = row
    return head, report


def genre_metrics(y: np.ndarray, pred: np.ndarray) -> dict:
    per = [f1(((y == c) & (pred == c)).sum(), ((y != c) & (pred == c)).sum(), ((y == c) & (pred != c)).sum())
           for c in range(len(GENRES)) if (y == c).any() or (pred == c).any()]
    return {"n": int(len(y)), "macro": round(float(np.mean(per)), 3), "accuracy": round(float((y == pred).mean()), 3),
            "per_class": [int(((y == c) & (pred == c)).sum()) for c in range(len(GENRES))]}


def _softmax_fit(X, y, C):
    from sklearn.linear_model import LogisticRegression

    mean, scale = standardiser(X)
    m = LogisticRegression(C=C, max_iter=2000, class_weight="balanced").fit((X - mean) / scale, y)
    W = np.zeros((X.shape[1], len(GENRES)), np.float32)
    b = np.full(len(GENRES), -30.0, np.float32)
    W[:, m.classes_], b[m.classes_] = m.coef_.T, m.intercept_
    return mean, scale, W, b


def _temperature(Z: np.ndarray, y: np.ndarray) -> float:
    """The inverse temperature that minimises the log-loss of softmax(Z * a)."""
    grid = np.exp(np.linspace(np.log(0.05), np.log(5), 60))
    losses = [-np.log(softmax(Z * a)[np.arange(len(y)), y] + 1e-12).mean() for a in grid]
    return float(grid[int(np.argmin(losses))])


def _genre_offsets(Z: np.ndarray, y: np.ndarray, a: float) -> np.ndarray:
    """Per-class log-probability offsets maximising macro-F1 + accuracy (coordinate ascent; ties:
    the smallest): macro-F1 alone buys the rare classes with accuracy below always-majority."""
    logp = np.log(softmax(Z * a) + 1e-12)
    offset = np.zeros(len(GENRES))
    grid = np.linspace(-3, 3, 25)
    for _ in range(2):
        for c in range(1, len(GENRES)):
            best = (-1.0, 0.0, 0.0)
            for v in grid:
                o = offset.copy()
                o[c] = v
                m = genre_metrics(y, (logp + o).argmax(1))
                best = max(best, (m["macro"] + m["accuracy"], -abs(v), v))
            offset[c] = best[2]
    return offset


def train_genre(root: Path, emb: Embedder, C: float) -> tuple[Head, dict]:
    arts, X, folds, langs = _documents(root, "genre", emb, genre_document_features)
    y = np.array([GENRES.index(a.genre) for a in arts])
    Z = np.zeros((len(y), len(GENRES)))
    for f in range(FOLDS):
        tr, te = folds != f, folds == f
        mean, scale, W, b = _softmax_fit(X[tr], y[tr], C)
        Z[te] = ((X[te] - mean) / scale) @ W + b
    pred = np.zeros(len(y), int)
    P = np.zeros(Z.shape)
    for f in range(FOLDS):
        tr, te = folds != f, folds == f
        a = _temperature(Z[tr], y[tr])
        offset = _genre_offsets(Z[tr], y[tr], a)
        P[te] = softmax(Z[te] * a)
        pred[te] = (np.log(P[te] + 1e-12) + offset).argmax(1)
    mean, scale, W, b = _softmax_fit(X, y, C)
    a = _temperature(Z, y)
    offset = _genre_offsets(Z, y, a)
    head = Head(list(GENRES), "softmax", "genre_document", mean, scale, W, b, np.array([a]), np.zeros(1),
                offset.astype(np.float32))
    report = {"articles": len(arts), "C": C, "offsets": offset.tolist(), "temperature": 1 / a, "sets": {},
              "reliability": reliability(P.max(1), P.argmax(1) == y)}
    rng = np.random.default_rng(SEED)
    for lang in ["all", *sorted(set(langs))]:
        sel = np.ones(len(arts), bool) if lang == "all" else langs == lang
        base_major, base_prior = np.zeros(sel.sum(), int), np.zeros(sel.sum(), int)
        for f in range(FOLDS):
            rows = folds[sel] == f
            counts = np.bincount(y[sel & (folds != f)], minlength=len(GENRES))
            base_major[rows] = counts.argmax()
            base_prior[rows] = rng.choice(len(GENRES), size=rows.sum(), p=counts / counts.sum())
        report["sets"][f"semeval2023 {lang} article"] = {
            "model": genre_metrics(y[sel], pred[sel]), "majority": genre_metrics(y[sel], base_major),
            "prior": genre_metrics(y[sel], base_prior)}
    return head, report


# ---------------------------------------------------------------- check-worthiness
def train_checkworthiness(root: Path, emb: Embedder, l2: float) -> tuple[Head, dict]:
    ct24, ct20 = D.checkthat2024(root), D.checkthat2020_tweets(root)
    train = [(t, y, f"ct24:{int(i) // 50}") for t, y, i in ct24["train"]] + \
            [(t, y, f"ct20:{i}") for t, y, i in ct20["train"]]
    log(f"check-worthiness: {len(train)} training sentences; featurising")
    X = unit_features(emb, [t for t, _, _ in train])
    Y = np.array([[y] for _, y, _ in train], np.int8)
    M = np.ones(Y.shape, bool)
    folds = group_folds([g for _, _, g in train])
    cv = cross_validate(X, Y, M, folds, l2)
    head, _ = final_sigmoid_head(X, Y, M, cv, ["check_worthy"], "unit", l2)
    src = np.array([g.split(":")[0] for _, _, g in train])
    report = {"train_sentences": len(train), "l2": l2, "threshold": float(head.threshold[0, 0]), "sets": {},
              "reliability": reliability(cv.P[:, 0], Y[:, 0] > 0)}
    rng = np.random.default_rng(SEED)
    prior = Y.mean()

    def row(gold, pred):
        return {"model": binary_metrics(gold, pred), "always": binary_metrics(gold, np.ones_like(gold)),
                "prior": binary_metrics(gold, rng.random(len(gold)) < prior)}

    for name, key in (("checkthat2024 en sentence (5-fold)", "ct24"), ("checkthat2020 en tweet (5-fold)", "ct20")):
        sel = src == key
        report["sets"][name] = row(Y[sel, 0] > 0, cv.pred[sel, 0])
    for name, rows in (("checkthat2024 en sentence (official dev)", ct24["dev"]),
                       ("checkthat2020 en tweet (official dev)", ct20["dev"])):
        P = head.probabilities(head.featurize(emb, [t for t, _, _ in rows]))[:, 0]
        gold = np.array([y for _, y, _ in rows]) > 0
        report["sets"][name] = row(gold, P >= head.threshold[0, 0])
        report["sets"][name]["reliability"] = reliability(P, gold)
    return head, report


def binary_metrics(gold: np.ndarray, pred: np.ndarray) -> dict:
    tp, fp, fn = int((gold & pred).sum()), int((~gold & pred).sum()), int((gold & ~pred).sum())
    return {"n": int(len(gold)), "f1": round(f1(tp, fp, fn), 3), "p": round(tp / max(tp + fp, 1), 3),
            "r": round(tp / max(tp + fn, 1), 3), "flagged": tp + fp, "positives": int(gold.sum())}


TRAINERS = {"techniques": train_techniques, "frames": train_frames, "genre": train_genre,
            "checkworthiness": train_checkworthiness}
# regularisation: L2 weight of the multi-label heads; C of the genre head (inverse strength)
DEFAULT_REG = {"techniques": 3e-3, "frames": 3e-2, "genre": 0.001, "checkworthiness": 1e-3}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="folder holding semeval2023/, ptc2020/, ...")
    ap.add_argument("--out", type=Path, default=None, help="write <task>.npz here (none: evaluate only)")
    ap.add_argument("--tasks", default=",".join(TRAINERS), help="comma-separated subset of " + ",".join(TRAINERS))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/storylens-features/use"),
                    help="sentence-embedding cache (outside the repository); out-of-fold logits go beside it, in oof/")
    ap.add_argument("--report", type=Path, default=None, help="write the evaluation as JSON here")
    ap.add_argument("--markdown", type=Path, default=None, help="write the evaluation tables as Markdown here")
    for task in TRAINERS:
        ap.add_argument(f"--reg-{task}", type=float, default=DEFAULT_REG[task], dest=f"reg_{task}")
    ap.add_argument("--objective", default="balanced", choices=("micro", "balanced", "label"),
                    help="what the techniques' thresholds maximise")
    ap.add_argument("--standalone-weight", type=float, default=STANDALONE_WEIGHT,
                    help="techniques: sample weight of posts and memes")
    ap.add_argument("--no-ngrams", dest="ngrams", action="store_false",
                    help="techniques: the encoder head alone, without the hashed n-gram view")
    args = ap.parse_args(argv)
    if not (args.data / "semeval2023").is_dir():
        ap.error(f"{args.data} does not hold semeval2023/ (give the shared data folder)")
    emb = Embedder(cache_size=1000, disk_cache=args.cache)
    report = {}
    started = time.time()
    for task in [t.strip() for t in args.tasks.split(",") if t.strip()]:
        t0 = time.time()
        extra = {"objective": args.objective, "standalone_weight": args.standalone_weight,
                 "cache": args.cache.parent / "oof", "ngrams": args.ngrams} if task == "techniques" else {}
        head, rep = TRAINERS[task](args.data, emb, getattr(args, f"reg_{task}"), **extra)
        if args.out:
            head.save(args.out / f"{task}.npz")
        rep["seconds"] = round(time.time() - t0, 1)
        report[task] = rep
        print(summary(task, rep), flush=True)
    report["total_seconds"] = round(time.time() - started, 1)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps(report, indent=1))
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(markdown(report))
    return report


BASELINES = {"techniques": ("prior", "always", "top-k"), "frames": ("prior", "always", "top-k"),
             "genre": ("prior", "majority"), "checkworthiness": ("prior", "always")}


def _main_metrics(task: str, m: dict) -> str:
    if task == "genre":
        return f"{m['macro']:.3f} / {m['accuracy']:.3f}"
    if task == "checkworthiness":
        return f"{m['f1']:.3f}"
    return f"{m['micro']:.3f} / {m['macro']:.3f}"


def _beats(task: str, row: dict) -> bool:
    if task == "genre":
        return all(row["model"]["macro"] > row[b]["macro"] and row["model"]["accuracy"] >= row[b]["accuracy"]
                   for b in BASELINES[task])
    key = "f1" if task == "checkworthiness" else "micro"
    return all(row["model"][key] > row[b][key] for b in BASELINES[task])


def summary(task: str, rep: dict) -> str:
    what = {"genre": "macro-F1 / accuracy", "checkworthiness": "F1 (positive class)"}.get(task, "micro-F1 / macro-F1")
    lines = [f"== {task} ({what}; model, then {', '.join(BASELINES[task])}; {rep['seconds']} s)"]
    for name, row in rep["sets"].items():
        cells = "   ".join(f"{b} {_main_metrics(task, row[b])}" for b in BASELINES[task])
        flag = "" if _beats(task, row) else "   ** does not beat every baseline"
        lines.append(f"  {name:45s} n={row['model']['n']:<6d} model {_main_metrics(task, row['model'])}   {cells}{flag}")
    if rep.get("dropped"):
        lines.append("  dropped: " + "; ".join(f"{k} ({v})" for k, v in rep["dropped"].items()))
    return "\n".join(lines)


def markdown(report: dict) -> str:
    """The evaluation tables for docs/evaluation.md and the reliability tables for docs/models.md."""
    out = []
    for task, rep in report.items():
        if not isinstance(rep, dict):
            continue
        what = {"genre": "macro-F1 / accuracy", "checkworthiness": "F1 of the positive class"}.get(
            task, "micro-F1 / macro-F1")
        out.append(f"#### {task} ({what}, {rep['seconds']} s)\n")
        out.append("| evaluated on | n | **model** | " + " | ".join(BASELINES[task]) + " | beats all |")
        out.append("|---|---|---|" + "---|" * len(BASELINES[task]) + "---|")
        for name, row in rep["sets"].items():
            cells = " | ".join(_main_metrics(task, row[b]) for b in BASELINES[task])
            out.append(f"| {name} | {row['model']['n']} | **{_main_metrics(task, row['model'])}** | {cells} | "
                       f"{'yes' if _beats(task, row) else '**no**'} |")
        if rep.get("dropped"):
            out.append("\nDropped labels: " + "; ".join(f"{k}: {v}" for k, v in rep["dropped"].items()) + ".")
        out.append("\nReliability (out of fold): probability bin, texts × labels, mean probability, observed rate\n")
        out.append("| bin | n | mean probability | observed |")
        out.append("|---|---|---|---|")
        for r in rep["reliability"]:
            out.append(f"| {r['bin']} | {r['n']} | {r['predicted']:.3f} | {r['observed']:.3f} |")
        out.append("")
    out.append(f"Total time: {report.get('total_seconds')} s.")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
