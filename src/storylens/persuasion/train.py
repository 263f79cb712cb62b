"""Train and evaluate the persuasion / frames / genre / check-worthiness heads.

    python bench/train_persuasion.py --data ../shared/data --out src/storylens/persuasion/weights

Splits are by article (SemEval-2023, PTC-2020), by post (UNLP-2025) or official
(SemEval-2021 memes, CheckThat!): 20 % of articles of each SemEval language are held out
for validation by a hash of the article id, the same articles for all three subtasks.
Per-label thresholds are tuned on out-of-fold predictions over the training split (grouped
3-fold by article), so the validation scores are not tuned on the validation data.
The shipped heads are the ones fit on the training split, i.e. exactly the ones scored.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

from . import data as D
from .features import (
    HASH_DIM,
    Embedder,
    document_features,
    hashed,
    lexical,
    paragraph_context_features,
    paragraph_features,
    unit,
)
from .labels import FRAMES, GENRES, SEMEVAL_LANGUAGES, TECHNIQUES
from .models import Head

VAL_PERCENT = 20
SEED = 13


def is_validation(group: str) -> bool:
    return int(hashlib.sha1(group.encode("utf-8")).hexdigest(), 16) % 100 < VAL_PERCENT


def log(*args) -> None:
    print(time.strftime("%H:%M:%S"), *args, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- fitting
def standardiser(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-6] = 1.0
    return mean.astype(np.float32), scale.astype(np.float32)


def _logreg(C: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, class_weight="balanced", max_iter=500, tol=1e-3)


def fit_sigmoid(
    X: np.ndarray, Y: np.ndarray, M: np.ndarray, C: float, sw: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Independent logistic regressions per label on standardised X, rows masked by M."""
    d, L = X.shape[1], Y.shape[1]
    W, b = np.zeros((d, L), np.float32), np.full(L, -10.0, np.float32)
    for j in range(L):
        rows = M[:, j]
        y = Y[rows, j]
        if y.sum() == 0 or y.sum() == len(y):
            b[j] = -10.0 if y.sum() == 0 else 10.0
            continue
        model = _logreg(C).fit(X[rows], y, sample_weight=None if sw is None else sw[rows])
        W[:, j], b[j] = model.coef_[0], model.intercept_[0]
    return W, b


def group_folds(groups: list[str], k: int = 3) -> np.ndarray:
    """Fold number per row, by a hash of the group (article)."""
    return np.array([int(hashlib.sha1(f"{SEED}:{g}".encode()).hexdigest(), 16) % k for g in groups])


def oof_sigmoid(Xs: np.ndarray, Y: np.ndarray, M: np.ndarray, groups: list[str], C: float, k: int = 3,
                sw: np.ndarray | None = None) -> np.ndarray:
    folds = group_folds(groups, k)
    P = np.zeros(Y.shape, np.float32)
    for f in range(k):
        tr, te = folds != f, folds == f
        W, b = fit_sigmoid(Xs[tr], Y[tr], M[tr], C, None if sw is None else sw[tr])
        P[te] = 1 / (1 + np.exp(-(Xs[te] @ W + b)))
    return P


def best_thresholds(P: np.ndarray, Y: np.ndarray, M: np.ndarray, min_pos: int = 3) -> np.ndarray:
    grid = np.linspace(0.05, 0.95, 46)
    T = np.full(Y.shape[1], 0.5, np.float32)
    for j in range(Y.shape[1]):
        rows = M[:, j]
        y, p = Y[rows, j].astype(bool), P[rows, j]
        if y.sum() < min_pos:
            T[j] = 0.95  # too rare to tune: predict only when very confident
            continue
        f1s = []
        for t in grid:
            pred = p >= t
            tp = (pred & y).sum()
            f1s.append(2 * tp / max(pred.sum() + y.sum(), 1))
        T[j] = grid[int(np.argmax(f1s))]
    return T


def micro_thresholds(P: np.ndarray, Y: np.ndarray, M: np.ndarray, T: np.ndarray, passes: int = 2) -> np.ndarray:
    """Coordinate ascent on micro-F1 (the official SemEval metric) from per-label optima.

    Per-label F1 optima put rare labels' thresholds low, which costs more false positives
    than it gains; micro-F1 tuning raises them (some up to "never predicted")."""
    grid = np.r_[np.linspace(0.05, 0.95, 46), 1.01]
    Yb = Y.astype(bool) & M
    T = T.copy()
    pred = (P >= T) & M
    tp = (pred & Yb).sum(0).astype(float)
    fp = (pred & ~Yb).sum(0).astype(float)
    pos = Yb.sum(0).astype(float)
    for _ in range(passes):
        for j in range(Y.shape[1]):
            rows = M[:, j]
            y, p = Yb[rows, j], P[rows, j]
            rest_tp, rest_fp, rest_pos = tp.sum() - tp[j], fp.sum() - fp[j], pos.sum() - pos[j]
            best = (-1.0, T[j])
            for t in grid:
                pr = p >= t
                a, b = (pr & y).sum(), (pr & ~y).sum()
                f = 2 * (rest_tp + a) / max(2 * (rest_tp + a) + (rest_fp + b) + (rest_pos + pos[j] - rest_tp - a), 1)
                best = max(best, (f, t))
            T[j] = best[1]
            pr = p >= T[j]
            tp[j], fp[j] = (pr & y).sum(), (pr & ~y).sum()
    return T


def logit(t: np.ndarray) -> np.ndarray:
    t = np.clip(t, 1e-4, 1 - 1e-4)
    return np.log(t / (1 - t))


def hashed_matrix(texts: list[str]):
    from scipy import sparse

    indptr, indices, values = hashed(texts, HASH_DIM)
    return sparse.csr_matrix((values, indices, indptr), shape=(len(texts), HASH_DIM))


def as_csr_tuple(m) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    if m is None:
        return None
    m = m.tocsr()
    return m.indptr.astype(np.int64), m.indices.astype(np.int64), m.data.astype(np.float32)


def _design(X: np.ndarray, H, hash_scale: float):
    """Standardised dense columns, then (scaled) hashed n-gram columns when H is given."""
    mean, scale = standardiser(X)
    Xs = (X - mean) / scale
    if H is not None:
        from scipy import sparse

        Xs = sparse.hstack([sparse.csr_matrix(Xs), H * hash_scale]).tocsr()
    return Xs, mean, scale


def sigmoid_head(X, Y, M, groups, labels, feature, C, objective: str = "label",
                 sw: np.ndarray | None = None, tune_rows: np.ndarray | None = None,
                 H=None, hash_scale: float = 1.0) -> tuple[Head, np.ndarray]:
    """Standardise, fit out-of-fold for thresholds (tuned on ``tune_rows``), refit on all rows."""
    Xs, mean, scale = _design(X, H, hash_scale)
    P = oof_sigmoid(Xs, Y, M, groups, C, sw=sw)
    r = np.ones(len(Y), bool) if tune_rows is None else tune_rows
    T = best_thresholds(P[r], Y[r], M[r])
    if objective == "micro":
        T = micro_thresholds(P[r], Y[r], M[r], T)
    W, b = fit_sigmoid(Xs, Y, M, C, sw)
    return Head(list(labels), "sigmoid", feature, mean, scale, W, b, -logit(T),
                HASH_DIM if H is not None else 0, hash_scale), T


def softmax_head(X, y, groups, labels, feature, C, H=None, hash_scale: float = 1.0) -> Head:
    """Multinomial logistic regression; per-class logit offsets tuned for macro-F1 out of fold."""
    Xs, mean, scale = _design(X, H, hash_scale)
    folds = group_folds(groups, 3)
    Z = np.zeros((len(y), len(labels)))
    for f in range(3):
        tr, te = folds != f, folds == f
        m = _logreg(C).fit(Xs[tr], y[tr])
        z = np.full((te.sum(), len(labels)), -30.0)
        d = m.decision_function(Xs[te])
        z[:, m.classes_] = d if len(m.classes_) > 2 else np.c_[-d, d] / 2  # binary: as in the final head
        Z[te] = z
    offset = np.zeros(len(labels))
    grid = np.linspace(-3, 3, 25)
    for _ in range(2):  # coordinate ascent on macro-F1
        for c in range(1, len(labels)):
            best = (-1.0, 0.0, 0.0)
            for v in grid:
                o = offset.copy()
                o[c] = v
                best = max(best, (macro_f1_single(y, (Z + o).argmax(1), len(labels)), -abs(v), v))
            offset[c] = best[2]
    m = _logreg(C).fit(Xs, y)
    W = np.zeros((Xs.shape[1], len(labels)), np.float32)
    b = np.full(len(labels), -30.0, np.float32)
    if len(m.classes_) == 2:  # sklearn's binary form: one logit, split symmetrically
        W[:, m.classes_] = np.c_[-m.coef_[0], m.coef_[0]] / 2
        b[m.classes_] = np.r_[-m.intercept_[0], m.intercept_[0]] / 2
    else:
        W[:, m.classes_], b[m.classes_] = m.coef_.T, m.intercept_
    return Head(list(labels), "softmax", feature, mean, scale, W, b, offset.astype(np.float32),
                HASH_DIM if H is not None else 0, hash_scale)


# ---------------------------------------------------------------- metrics
def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def multilabel_scores(Y: np.ndarray, Pred: np.ndarray, M: np.ndarray, labels) -> dict:
    Y, Pred = Y.astype(bool) & M, Pred.astype(bool) & M
    tp = (Y & Pred).sum(0)
    fp = (~Y & Pred).sum(0)
    fn = (Y & ~Pred).sum(0)
    per = {}
    for j, name in enumerate(labels):
        if M[:, j].any():
            p, r, f = prf(tp[j], fp[j], fn[j])
            per[name] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "support": int(Y[:, j].sum())}
    supported = [v["f1"] for v in per.values() if v["support"] > 0]
    return {
        "n": int(len(Y)),
        "micro_f1": round(prf(tp.sum(), fp.sum(), fn.sum())[2], 3),
        "macro_f1": round(float(np.mean(supported)) if supported else 0.0, 3),
        "per_label": per,
    }


def macro_f1_single(y: np.ndarray, pred: np.ndarray, n: int) -> float:
    present = [c for c in range(n) if (y == c).any()]
    return float(np.mean([prf(((y == c) & (pred == c)).sum(), ((y != c) & (pred == c)).sum(),
                                ((y == c) & (pred != c)).sum())[2] for c in present]))


def single_scores(y: np.ndarray, pred: np.ndarray, labels) -> dict:
    per = {}
    for c, name in enumerate(labels):
        p, r, f = prf(((y == c) & (pred == c)).sum(), ((y != c) & (pred == c)).sum(), ((y == c) & (pred != c)).sum())
        per[name] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "support": int((y == c).sum())}
    return {"n": int(len(y)), "macro_f1": round(macro_f1_single(y, pred, len(labels)), 3),
            "accuracy": round(float((y == pred).mean()), 3), "per_label": per}


def frequency_baseline(Y_train: np.ndarray, M_train: np.ndarray) -> np.ndarray:
    """The text-independent label set (the k most frequent labels, k best for micro-F1 on train)."""
    prior = (Y_train * M_train).sum(0) / np.maximum(M_train.sum(0), 1)
    order = np.argsort(-prior)
    best, best_k = -1.0, 1
    for k in range(1, len(order) + 1):
        pred = np.zeros(Y_train.shape, bool)
        pred[:, order[:k]] = True
        f = multilabel_scores(Y_train, pred, M_train, range(Y_train.shape[1]))["micro_f1"]
        if f > best:
            best, best_k = f, k
    chosen = np.zeros(Y_train.shape[1], bool)
    chosen[order[:best_k]] = True
    return chosen


# ---------------------------------------------------------------- tasks
def _matrix(examples, labels):
    index = {l: j for j, l in enumerate(labels)}
    Y = np.zeros((len(examples), len(labels)), np.int8)
    M = np.zeros((len(examples), len(labels)), bool)
    for i, e in enumerate(examples):
        for l in e.labels:
            Y[i, index[l]] = 1
        for l in e.known:
            M[i, index[l]] = True
    return Y, M


def featurize(mode: str, emb: Embedder, texts: list[str], level: str, hash_scale: float):
    """Training features: (dense X, hashed scipy CSR or None, the head's feature name).

    mode "accurate": USE embeddings (+ hashed n-grams when hash_scale > 0);
    mode "fast": lexical statistics + hashed n-grams, no encoder."""
    if mode == "fast":
        return lexical(texts), hashed_matrix(texts), "lexical"
    X = paragraph_features(emb, texts) if level == "paragraph" else document_features(emb, texts)
    return X, (hashed_matrix(texts) if hash_scale > 0 else None), level


def _rows(H, sel):
    return None if H is None else as_csr_tuple(H[sel])


def _sub(H, sel):
    return None if H is None else H[sel]


EXTRA_WEIGHT = 0.3  # sample weight of PTC-2020 / UNLP-2025 / memes texts relative to SemEval-2023


def train_techniques(root: Path, emb: Embedder, C: float, limit: int | None = None, mode: str = "accurate",
                     hash_scale: float = 0.0, extra_weight: float | None = None,
                     tune_on_semeval: bool = True) -> tuple[Head, dict]:
    extra_weight = EXTRA_WEIGHT if extra_weight is None else extra_weight
    se = D.semeval_paragraphs(root)
    en_ids = {e.group.split(":")[2] for e in se if e.lang == "en"}
    extra = D.ptc_paragraphs(root, exclude_ids=en_ids) + D.unlp_posts(root) + D.meme_texts(root)
    examples = se + extra
    val_flags = np.array([
        (e.meta.get("split") == "dev") if e.source == "memes2021" else is_validation(e.group) for e in examples
    ])
    if limit:
        rng = np.random.default_rng(SEED)
        keep = np.sort(rng.choice(len(examples), size=min(limit, len(examples)), replace=False))
        examples = [examples[i] for i in keep]
        val_flags = val_flags[keep]
    log(f"techniques: {len(examples)} texts ({(~val_flags).sum()} train / {val_flags.sum()} validation); encoding")
    texts = [e.text for e in examples]
    if mode == "fast":
        X, H, feature = featurize(mode, emb, texts, "paragraph", hash_scale)
    else:  # paragraph + the mean of its article's paragraphs (what features.context_vectors does)
        E = emb.encode(texts)
        groups = np.array([e.group for e in examples])
        ctx = np.zeros_like(E)
        for g in np.unique(groups):
            rows = groups == g
            ctx[rows] = unit(E[rows].mean(axis=0))
        X = paragraph_context_features(emb, texts, own=E)
        X[:, E.shape[1] : 2 * E.shape[1]] = ctx
        H, feature = (hashed_matrix(texts) if hash_scale > 0 else None), "paragraph+context"
    Y, M = _matrix(examples, TECHNIQUES)
    tr, va = ~val_flags, val_flags
    log("techniques: fitting")
    sources = np.array([e.source for e in examples])
    sw = np.where(sources == "semeval2023", 1.0, extra_weight)
    head, T = sigmoid_head(X[tr], Y[tr], M[tr], [e.group for e, t in zip(examples, tr) if t],
                           TECHNIQUES, feature, C, objective="micro", sw=sw[tr],
                           tune_rows=(sources[tr] == "semeval2023") if tune_on_semeval else None,
                           H=_sub(H, tr), hash_scale=hash_scale or 1.0)
    Pred = head.scores(X[va], _rows(H, va)) >= 0.5
    chosen = frequency_baseline(Y[tr][[e.source == "semeval2023" for e, t in zip(examples, tr) if t]],
                                M[tr][[e.source == "semeval2023" for e, t in zip(examples, tr) if t]])
    base = np.tile(chosen, (va.sum(), 1))
    val_ex = [e for e, v in zip(examples, va) if v]
    Yv, Mv = Y[va], M[va]
    report = {"train_texts": int(tr.sum()), "validation_texts": int(va.sum()),
              "thresholds": {l: float(t) for l, t in zip(TECHNIQUES, T)},
              "baseline_labels": [l for l, c in zip(TECHNIQUES, chosen) if c], "sets": {}}
    def subset(name, sel):
        sel = np.asarray(sel, bool)
        if sel.any():
            report["sets"][name] = {"model": multilabel_scores(Yv[sel], Pred[sel], Mv[sel], TECHNIQUES),
                                    "baseline": multilabel_scores(Yv[sel], base[sel], Mv[sel], TECHNIQUES)}
    for lang in SEMEVAL_LANGUAGES:
        subset(f"semeval2023-{lang}", [e.source == "semeval2023" and e.lang == lang for e in val_ex])
    subset("semeval2023-all", [e.source == "semeval2023" for e in val_ex])
    subset("ptc2020-en (65 articles not in SemEval-2023)", [e.source == "ptc2020" for e in val_ex])
    for lang in ("uk", "ru"):
        subset(f"unlp2025-{lang}", [e.source == "unlp2025" and e.lang == lang for e in val_ex])
    subset("memes2021-dev", [e.source == "memes2021" for e in val_ex])
    return head, report


def _articles(root: Path, limit: int | None):
    arts = D.semeval_articles(root)
    if limit:
        arts = arts[: max(limit // 10, 30)]
    return arts


def _article_task(root: Path, limit: int | None, task: str, emb: Embedder, mode: str, hash_scale: float):
    """Articles labelled for ``task`` (an Article attribute), split by article, with their features."""
    arts = [a for a in _articles(root, limit) if getattr(a, task) is not None]
    groups = [f"se:{a.lang}:{a.id}" for a in arts]
    va = np.array([is_validation(g) for g in groups])
    tr = ~va
    log(f"{task}: {len(arts)} articles ({tr.sum()} train / {va.sum()} validation)")
    X, H, feature = featurize(mode, emb, [a.text for a in arts], "document", hash_scale)
    return arts, groups, tr, va, X, H, feature


def train_frames(root: Path, emb: Embedder, C: float, limit: int | None = None, mode: str = "accurate",
                 hash_scale: float = 0.0) -> tuple[Head, dict]:
    arts, groups, tr, va, X, H, feature = _article_task(root, limit, "frames", emb, mode, hash_scale)
    Y = np.zeros((len(arts), len(FRAMES)), np.int8)
    for i, a in enumerate(arts):
        for f in a.frames:
            Y[i, FRAMES.index(f)] = 1
    M = np.ones(Y.shape, bool)
    head, T = sigmoid_head(X[tr], Y[tr], M[tr], [g for g, t in zip(groups, tr) if t], FRAMES, feature, C,
                           objective="micro", H=_sub(H, tr), hash_scale=hash_scale or 1.0)
    Pred = head.scores(X[va], _rows(H, va)) >= 0.5
    chosen = frequency_baseline(Y[tr], M[tr])
    base = np.tile(chosen, (va.sum(), 1))
    langs = np.array([a.lang for a in arts])[va]
    report = {"train_articles": int(tr.sum()), "validation_articles": int(va.sum()),
              "thresholds": {l: float(t) for l, t in zip(FRAMES, T)},
              "baseline_labels": [l for l, c in zip(FRAMES, chosen) if c], "sets": {}}
    for lang in list(SEMEVAL_LANGUAGES) + ["all"]:
        sel = np.ones(len(langs), bool) if lang == "all" else langs == lang
        if sel.any():
            report["sets"][f"semeval2023-{lang}"] = {
                "model": multilabel_scores(Y[va][sel], Pred[sel], M[va][sel], FRAMES),
                "baseline": multilabel_scores(Y[va][sel], base[sel], M[va][sel], FRAMES)}
    return head, report


def train_genre(root: Path, emb: Embedder, C: float, limit: int | None = None, mode: str = "accurate",
                hash_scale: float = 0.0) -> tuple[Head, dict]:
    arts, groups, tr, va, X, H, feature = _article_task(root, limit, "genre", emb, mode, hash_scale)
    y = np.array([GENRES.index(a.genre) for a in arts])
    head = softmax_head(X[tr], y[tr], [g for g, t in zip(groups, tr) if t], GENRES, feature, C,
                        H=_sub(H, tr), hash_scale=hash_scale or 1.0)
    pred = head.scores(X[va], _rows(H, va)).argmax(1)
    majority = np.bincount(y[tr], minlength=len(GENRES)).argmax()
    langs = np.array([a.lang for a in arts])[va]
    report = {"train_articles": int(tr.sum()), "validation_articles": int(va.sum()),
              "offsets": head.offset.tolist(), "sets": {}}
    for lang in list(SEMEVAL_LANGUAGES) + ["all"]:
        sel = np.ones(len(langs), bool) if lang == "all" else langs == lang
        if sel.any():
            report["sets"][f"semeval2023-{lang}"] = {
                "model": single_scores(y[va][sel], pred[sel], GENRES),
                "baseline": single_scores(y[va][sel], np.full(sel.sum(), majority), GENRES)}
    return head, report


def train_checkworthiness(root: Path, emb: Embedder, C: float, limit: int | None = None, mode: str = "accurate",
                          hash_scale: float = 0.0) -> tuple[Head, dict]:
    ct24, ct20 = D.checkthat2024(root), D.checkthat2020_tweets(root)
    train = [(t, y, f"ct24:{i}") for t, y, i in ct24["train"]] + [(t, y, f"ct20:{i}") for t, y, i in ct20["train"]]
    if limit:
        rng = np.random.default_rng(SEED)
        train = [train[i] for i in sorted(rng.choice(len(train), size=min(limit, len(train)), replace=False))]
    log(f"check-worthiness: {len(train)} train sentences; dev {len(ct24['dev'])} + {len(ct20['dev'])}")
    X, H, feature = featurize(mode, emb, [t for t, _, _ in train], "paragraph", hash_scale)
    Y = np.array([[y] for _, y, _ in train], np.int8)
    M = np.ones(Y.shape, bool)
    head, T = sigmoid_head(X, Y, M, [g for _, _, g in train], ["check_worthy"], feature, C,
                           H=H, hash_scale=hash_scale or 1.0)
    report = {"train_sentences": len(train), "threshold": float(T[0]), "sets": {}}
    for name, rows in (("checkthat2024-en-dev", ct24["dev"]), ("checkthat2020-tweets-dev", ct20["dev"])):
        Xd, Hd, _ = featurize(mode, emb, [t for t, _, _ in rows], "paragraph", hash_scale)
        y = np.array([y for _, y, _ in rows])
        pred = head.scores(Xd, as_csr_tuple(Hd))[:, 0] >= 0.5
        s = {"model": prf(int((pred & (y == 1)).sum()), int((pred & (y == 0)).sum()), int((~pred & (y == 1)).sum())),
             "all_yes": prf(int((y == 1).sum()), int((y == 0).sum()), 0),
             "majority_no": (0.0, 0.0, 0.0)}
        report["sets"][name] = {"n": len(rows), "positives": int(y.sum()),
                                **{k: {"p": round(v[0], 3), "r": round(v[1], 3), "f1": round(v[2], 3)}
                                   for k, v in s.items()},
                                "accuracy": round(float((pred == (y == 1)).mean()), 3)}
    return head, report


TRAINERS = {
    "techniques": train_techniques,
    "frames": train_frames,
    "genre": train_genre,
    "checkworthiness": train_checkworthiness,
}
DEFAULT_C = {"techniques": 0.001, "frames": 0.001, "genre": 0.001, "checkworthiness": 0.01}
# scale of the hashed n-gram block next to the encoder features (0: encoder + statistics only)
DEFAULT_HASH = {"techniques": 30.0, "frames": 0.0, "genre": 0.0, "checkworthiness": 0.0}
# the fast path: lexical statistics + hashed n-grams, no encoder
DEFAULT_FAST_C = {"techniques": 1.0, "frames": 1.0, "genre": 1.0, "checkworthiness": 1.0}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="folder holding semeval2023/, ptc2020/, ... ")
    ap.add_argument("--out", type=Path, required=True, help="where to write <task>.npz")
    ap.add_argument("--tasks", default=",".join(TRAINERS), help="comma-separated subset of " + ",".join(TRAINERS))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/storylens_use_cache"),
                    help="embedding cache (outside the repository); '' for none")
    ap.add_argument("--limit", type=int, default=None, help="subsample texts (quick runs)")
    ap.add_argument("--report", type=Path, default=None, help="write the evaluation as JSON here")
    ap.add_argument("--markdown", type=Path, default=None, help="write the evaluation tables as Markdown here")
    ap.add_argument("--modes", default="accurate,fast",
                    help="accurate (encoder, <task>.npz) and/or fast (lexical only, <task>-fast.npz)")
    for task in TRAINERS:
        ap.add_argument(f"--C-{task}", type=float, default=DEFAULT_C[task], dest=f"C_{task}")
        ap.add_argument(f"--hash-{task}", type=float, default=DEFAULT_HASH[task], dest=f"hash_{task}")
        ap.add_argument(f"--fast-C-{task}", type=float, default=DEFAULT_FAST_C[task], dest=f"fastC_{task}")
    args = ap.parse_args(argv)

    emb = Embedder(cache_size=1000, disk_cache=args.cache if str(args.cache) else None)
    report = {}
    started = time.time()
    jobs = [(t.strip(), m.strip()) for m in args.modes.split(",") if m.strip()
            for t in args.tasks.split(",") if t.strip()]
    for task, mode in jobs:
        t0 = time.time()
        fast = mode == "fast"
        C = getattr(args, f"fastC_{task}") if fast else getattr(args, f"C_{task}")
        hash_scale = 1.0 if fast else getattr(args, f"hash_{task}")
        head, rep = TRAINERS[task](args.data, emb, C, args.limit, mode=mode, hash_scale=hash_scale)
        name = f"{task}-fast" if fast else task
        head.save(args.out / f"{name}.npz")
        rep.update(seconds=round(time.time() - t0, 1), C=C, hash_scale=hash_scale, mode=mode)
        report[name] = rep
        log(f"{name}: done in {rep['seconds']} s")
        print(summary(name, rep), flush=True)
    report["total_seconds"] = round(time.time() - started, 1)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps(report, indent=1))
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(markdown(report))
    return report


def markdown(report: dict) -> str:
    """Validation tables (model vs. the baseline of the same run) for docs/evaluation.md."""
    out = []
    for name, rep in report.items():
        if not isinstance(rep, dict) or "sets" not in rep:
            continue
        out.append(f"#### {name} ({rep.get('mode', '')}, C={rep.get('C')}, hash scale={rep.get('hash_scale')}, "
                   f"{rep.get('seconds')} s)\n")
        if name.startswith("checkworthiness"):
            out.append("| validation set | n | positives | P | R | F1 (positive class) | all-Yes F1 "
                       "| majority (No) F1 |")
            out.append("|---|---|---|---|---|---|---|---|")
            for set_name, s in rep["sets"].items():
                m = s["model"]
                out.append(f"| {set_name} | {s['n']} | {s['positives']} | {m['p']:.3f} | {m['r']:.3f} | "
                           f"**{m['f1']:.3f}** | {s['all_yes']['f1']:.3f} | 0.000 |")
        elif name.startswith("genre"):
            out.append("| validation set | n | macro-F1 | accuracy | F1 opinion / reporting / satire | "
                       "majority macro-F1 |")
            out.append("|---|---|---|---|---|---|")
            for set_name, s in rep["sets"].items():
                m = s["model"]
                per = " / ".join(f"{m['per_label'][g]['f1']:.2f} ({m['per_label'][g]['support']})" for g in GENRES)
                out.append(f"| {set_name} | {m['n']} | **{m['macro_f1']:.3f}** | {m['accuracy']:.3f} | {per} | "
                           f"{s['baseline']['macro_f1']:.3f} |")
        else:
            out.append("| validation set | n | micro-F1 | macro-F1 | frequency baseline micro / macro |")
            out.append("|---|---|---|---|---|")
            for set_name, s in rep["sets"].items():
                m, b = s["model"], s["baseline"]
                out.append(f"| {set_name} | {m['n']} | **{m['micro_f1']:.3f}** | {m['macro_f1']:.3f} | "
                           f"{b['micro_f1']:.3f} / {b['macro_f1']:.3f} |")
            all_key = "semeval2023-all"
            if all_key in rep["sets"]:
                out.append(f"\nPer label, {all_key} (validation; P / R / F1, support):\n")
                out.append("| label | P | R | F1 | support |")
                out.append("|---|---|---|---|---|")
                for label, v in rep["sets"][all_key]["model"]["per_label"].items():
                    out.append(f"| {label} | {v['p']:.3f} | {v['r']:.3f} | {v['f1']:.3f} | {v['support']} |")
            if "baseline_labels" in rep:
                out.append(f"\nFrequency baseline predicts for every text: {', '.join(rep['baseline_labels'])}.")
        out.append("")
    out.append(f"Total training time: {report.get('total_seconds')} s.")
    return "\n".join(out) + "\n"


def summary(task: str, rep: dict) -> str:
    lines = [f"== {task}"]
    for name, s in rep["sets"].items():
        if task.startswith("checkworthiness"):
            lines.append(f"  {name:45s} F1(pos) {s['model']['f1']:.3f}  (all-yes {s['all_yes']['f1']:.3f})  n={s['n']}")
        elif task.startswith("genre"):
            lines.append(f"  {name:45s} macro-F1 {s['model']['macro_f1']:.3f} "
                         f"(majority {s['baseline']['macro_f1']:.3f})  n={s['model']['n']}")
        else:
            m, b = s["model"], s["baseline"]
            lines.append(f"  {name:45s} micro {m['micro_f1']:.3f} macro {m['macro_f1']:.3f}  "
                         f"(freq. baseline {b['micro_f1']:.3f}/{b['macro_f1']:.3f})  n={m['n']}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
