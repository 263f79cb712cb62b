"""Score the shipped stance model on FNC-1-format files.

    .venv/bin/python bench/stance.py [--stances CSV --bodies CSV] [--cache DIR]

Without files it scores the validation split of ../shared/data/fnc1 (20 % of the bodies held
out, `storylens.stance.fnc.validation_split`: the model never saw them). Prints the per-class F1,
the confusion matrix, a majority baseline (everything `unrelated`) and, last,
`FNC score X, macro-F1 Y, disagree F1 Z`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylens.stance import fnc  # noqa: E402
from storylens.stance.model import StanceModel, WEIGHTS  # noqa: E402
from storylens.stance.train import DEFAULT_CACHE, featurize  # noqa: E402

FNC1 = ROOT.parent / "shared" / "data" / "fnc1"


def report(name: str, gold: list[str], pred: list[str]) -> tuple[float, float, float]:
    f1 = fnc.f1_per_class(gold, pred)
    macro = float(np.mean(list(f1.values())))
    score = fnc.fnc_score(gold, pred)
    print(f"{name:<22} FNC {score:.3f}  macro-F1 {macro:.3f}  " + "  ".join(f"{k} {v:.3f}" for k, v in f1.items()))
    return score, macro, f1["disagree"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stances", type=Path)
    ap.add_argument("--bodies", type=Path)
    ap.add_argument("--weights", type=Path, default=WEIGHTS)
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="encoder vector cache (outside the repo)")
    args = ap.parse_args()
    if (args.stances is None) != (args.bodies is None):
        ap.error("give both --stances and --bodies, or neither")
    try:
        if args.stances:
            pairs = fnc.read(args.stances, args.bodies)
            what = f"{args.stances.name} ({len(pairs)} pairs)"
        else:
            full = fnc.read(FNC1 / "train_stances.csv", FNC1 / "train_bodies.csv")
            pairs = full.subset(fnc.validation_split(full)[1])
            what = f"FNC-1 validation split: {len(pairs)} pairs, {len(pairs.bodies)} held-out bodies"
        model = StanceModel.load(args.weights)
    except (ValueError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    t0 = time.time()
    X = featurize(pairs, args.cache)
    t1 = time.time()
    pred = model.predict(X)
    print(what)
    print(f"features {t1 - t0:.1f} s, model {time.time() - t1:.2f} s")
    gold = pairs.stances
    m = fnc.confusion(gold, pred)
    print("confusion (rows gold, columns predicted): " + " ".join(fnc.LABELS))
    for label, row in zip(fnc.LABELS, m):
        print(f"  {label:<10} " + " ".join(f"{x:6d}" for x in row))
    report("majority (unrelated)", gold, ["unrelated"] * len(gold))
    score, macro, disagree = report("stance model", gold, pred)
    print(f"FNC score {score:.3f}, macro-F1 {macro:.3f}, disagree F1 {disagree:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
