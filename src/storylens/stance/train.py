"""Train the stance model on FNC-1 (``python -m storylens.stance.train``).

Bodies, not pairs, are held out (a body comes with many headlines): 20 % of them are the
validation split that ``bench/stance.py`` scores; of the rest, 15 % tune the per-class offsets
and the remainder fits the network. Encoder vectors are cached on disk outside the repository
(``--cache``, default ``/tmp/storylens-stance``), so a retrain costs the fit only, a few minutes
on one core. Run it under ``nice``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

import numpy as np

from storylens.relate import embeddings
from storylens.stance import fnc
from storylens.stance.features import Side, pair_features, split_sentences, top_sentences
from storylens.stance.model import WEIGHTS, StanceModel

DEFAULT_CACHE = Path(os.environ.get("STORYLENS_STANCE_CACHE", "/tmp/storylens-stance"))


def _key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def cached_encode(texts: list[str], cache: Path | None) -> dict[str, np.ndarray]:
    """``{text: vector}``, reading and extending an on-disk cache of encoder vectors."""
    store: dict[str, np.ndarray] = {}
    path = cache / "vectors.npz" if cache else None
    if path is not None and path.exists():
        z = np.load(path, allow_pickle=False)
        store = dict(zip((str(k) for k in z["keys"]), z["vectors"]))
    unique = sorted(set(texts))
    missing = [t for t in unique if _key(t) not in store]
    if missing:
        print(f"encoding {len(missing)} texts…", file=sys.stderr)
        for s in range(0, len(missing), 2000):
            chunk = missing[s:s + 2000]
            for t, v in zip(chunk, embeddings.encode(chunk)):
                store[_key(t)] = v
        if path is not None:
            cache.mkdir(parents=True, exist_ok=True)
            keys = list(store)
            np.savez(path, keys=np.array(keys), vectors=np.stack([store[k] for k in keys]).astype(np.float32))
    return {t: store[_key(t)] for t in unique}


def featurize(pairs: fnc.Pairs, cache: Path | None = DEFAULT_CACHE, short: int = 0) -> np.ndarray:
    """The feature matrix of every pair (English cues: FNC-1 is English).

    With ``short`` > 0 each body is cut to its ``short`` sentences closest to the headline: in a
    corpus the model often reads one statement, not an article, and learns that here.
    """
    body_sentences = {b: split_sentences(t) for b, t in pairs.bodies.items()}
    texts = list(set(pairs.headlines)) + [s for ss in body_sentences.values() for s in ss]
    vec = cached_encode(texts, cache)
    bodies = {}
    for b, ss in body_sentences.items():
        ss = ss or [" "]
        bodies[b] = Side.of(ss, "en", np.stack([vec.get(s, np.zeros(embeddings.DIM, np.float32)) for s in ss[:60]]))
    claims = {h: Side.of([h], "en", vec[h][None, :]) for h in set(pairs.headlines)}
    rows = []
    for h, b in zip(pairs.headlines, pairs.body_ids):
        body = bodies[b]
        if short:
            keep = sorted(top_sentences(claims[h], body, short))
            body = Side.of([body.sentences[i] for i in keep], "en", body.vectors[keep])
        rows.append(pair_features(claims[h], body))
    return np.stack(rows)


def tune_offsets(logits: np.ndarray, gold: list[str], labels: list[str], rounds: int = 3) -> np.ndarray:
    """Per-class logit offsets that maximise macro-F1 on held-out pairs (coordinate search)."""
    offset = np.zeros(len(labels), dtype=np.float32)
    grid = np.linspace(-3, 3, 25)

    def macro(o: np.ndarray) -> float:
        pred = [labels[i] for i in (logits + o).argmax(axis=1)]
        return float(np.mean(list(fnc.f1_per_class(gold, pred).values())))

    best = macro(offset)
    for _ in range(rounds):
        for j in range(len(labels)):
            for g in grid:
                trial = offset.copy()
                trial[j] = g
                score = macro(trial)
                if score > best + 1e-6:
                    best, offset = score, trial
    return offset


def fit(X: np.ndarray, y: list[str], hidden: int, seed: int, max_iter: int) -> StanceModel:
    from sklearn.neural_network import MLPClassifier

    labels = list(fnc.LABELS)
    mean = X.mean(axis=0)
    scale = X.std(axis=0) + 1e-6
    Xs = (X - mean) / scale
    yi = np.array([labels.index(s) for s in y])
    # the rare stances are seen more often: disagree is 1.7 % of FNC-1
    rng = np.random.default_rng(seed)
    counts = np.bincount(yi, minlength=len(labels))
    reps = np.clip((counts.max() / counts / 4).round().astype(int), 1, 12)
    idx = np.concatenate([np.repeat(np.flatnonzero(yi == c), reps[c]) for c in range(len(labels))])
    rng.shuffle(idx)
    net = MLPClassifier(hidden_layer_sizes=(hidden,), alpha=1e-3, batch_size=256, learning_rate_init=1e-3,
                        max_iter=max_iter, early_stopping=True, n_iter_no_change=4, random_state=seed)
    net.fit(Xs[idx], yi[idx])
    layers = [(w.astype(np.float32), b.astype(np.float32)) for w, b in zip(net.coefs_, net.intercepts_)]
    return StanceModel(labels, mean.astype(np.float32), scale.astype(np.float32), layers,
                       np.zeros(len(labels), dtype=np.float32))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fnc", type=Path, default=Path(__file__).resolve().parents[3].parent / "shared/data/fnc1")
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--max-iter", type=int, default=40)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--short", type=int, default=2, help="also train on bodies cut to N closest sentences (0: off)")
    args = ap.parse_args(argv)
    t0 = time.time()
    pairs = fnc.read(args.fnc / "train_stances.csv", args.fnc / "train_bodies.csv")
    train, _ = fnc.validation_split(pairs)
    train_pairs = pairs.subset(train)
    fit_idx, tune_idx = fnc.split_by_body(train_pairs, 0.15, seed=args.seed + 1)
    X = featurize(train_pairs, args.cache)
    y = train_pairs.stances
    fit_X, fit_y = X[fit_idx], [y[i] for i in fit_idx]
    if args.short:
        # the same pairs again with bodies cut to their closest sentences (labels kept)
        Xs = featurize(train_pairs, args.cache, short=args.short)
        fit_X, fit_y = np.vstack([fit_X, Xs[fit_idx]]), fit_y + fit_y
    print(f"features {fit_X.shape} in {time.time() - t0:.0f} s", file=sys.stderr)
    model = fit(fit_X, fit_y, args.hidden, args.seed, args.max_iter)
    tune_gold = [y[i] for i in tune_idx]
    model.offset = tune_offsets(model.logits(X[tune_idx]) - model.offset, tune_gold, model.labels)
    pred = model.predict(X[tune_idx])
    f1 = fnc.f1_per_class(tune_gold, pred)
    print(f"tuning split: FNC score {fnc.fnc_score(tune_gold, pred):.3f}, macro-F1 {np.mean(list(f1.values())):.3f}, "
          f"offsets {np.round(model.offset, 2).tolist()}", file=sys.stderr)
    model.save(args.out)
    print(f"saved {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) in {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
