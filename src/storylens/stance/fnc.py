"""FNC-1 files and metric: reading (headline, body, stance) pairs and scoring predictions.

The format is the competition's: ``*_bodies.csv`` (``Body ID, articleBody``) and
``*_stances.csv`` (``Headline, Body ID, Stance``). The score is the official one: +0.25 for a
right related/unrelated call, +0.75 more for the right one of agree/disagree/discuss on a related
pair, as a share of the best possible score. Hanselowski et al. (2018) add macro-F1 over the four
classes, which the official score lets a model inflate by predicting ``discuss``.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np

LABELS: tuple[str, ...] = ("agree", "disagree", "discuss", "unrelated")
RELATED = frozenset(LABELS[:3])


@dataclass
class Pairs:
    headlines: list[str]
    body_ids: list[str]
    stances: list[str]
    bodies: dict[str, str]

    def subset(self, keep: list[int]) -> Pairs:
        ids = {self.body_ids[i] for i in keep}
        return Pairs([self.headlines[i] for i in keep], [self.body_ids[i] for i in keep],
                     [self.stances[i] for i in keep], {b: t for b, t in self.bodies.items() if b in ids})

    def __len__(self) -> int:
        return len(self.headlines)


def read(stances: str | Path, bodies: str | Path) -> Pairs:
    """Pairs from an FNC-1 stances file and its bodies file (a clear error for anything else)."""
    csv.field_size_limit(10_000_000)
    try:
        with open(bodies, encoding="utf-8", newline="") as f:
            body_rows = list(csv.DictReader(f))
        with open(stances, encoding="utf-8", newline="") as f:
            stance_rows = list(csv.DictReader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ValueError(f"cannot read FNC-1 files ({exc})") from None
    if not body_rows or not {"Body ID", "articleBody"} <= set(body_rows[0]):
        raise ValueError(f"{bodies}: expected the columns 'Body ID,articleBody'")
    if not stance_rows or not {"Headline", "Body ID", "Stance"} <= set(stance_rows[0]):
        raise ValueError(f"{stances}: expected the columns 'Headline,Body ID,Stance'")
    texts = {r["Body ID"]: r["articleBody"] for r in body_rows}
    missing = {r["Body ID"] for r in stance_rows} - set(texts)
    if missing:
        raise ValueError(f"{stances}: {len(missing)} Body IDs are not in {bodies} (for example {sorted(missing)[0]})")
    bad = {r["Stance"] for r in stance_rows} - set(LABELS)
    if bad:
        raise ValueError(f"{stances}: unknown stances {sorted(bad)}; expected one of {', '.join(LABELS)}")
    return Pairs([r["Headline"] for r in stance_rows], [r["Body ID"] for r in stance_rows],
                 [r["Stance"] for r in stance_rows], texts)


def split_by_body(pairs: Pairs, share: float, seed: int) -> tuple[list[int], list[int]]:
    """Pair indices of (kept, held out): ``share`` of the bodies, with all their pairs, are held out."""
    bodies = sorted(set(pairs.body_ids))
    random.Random(seed).shuffle(bodies)
    held = set(bodies[:round(len(bodies) * share)])
    kept = [i for i, b in enumerate(pairs.body_ids) if b not in held]
    out = [i for i, b in enumerate(pairs.body_ids) if b in held]
    return kept, out


def validation_split(pairs: Pairs) -> tuple[list[int], list[int]]:
    """The split every number in docs/evaluation.md uses: 20 % of the bodies held out (seed 9)."""
    return split_by_body(pairs, 0.2, seed=9)


def fnc_score(gold: list[str], pred: list[str]) -> float:
    """The official FNC-1 score as a share of the best possible."""
    def points(g: str, p: str) -> float:
        s = 0.25 if (g in RELATED) == (p in RELATED) else 0.0
        return s + (0.75 if g in RELATED and g == p else 0.0)
    best = sum(1.0 if g in RELATED else 0.25 for g in gold)
    return sum(points(g, p) for g, p in zip(gold, pred)) / best if best else 0.0


def f1_per_class(gold: list[str], pred: list[str]) -> dict[str, float]:
    out = {}
    for label in LABELS:
        tp = sum(1 for g, p in zip(gold, pred) if g == p == label)
        fp = sum(1 for g, p in zip(gold, pred) if p == label and g != label)
        fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
        out[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out


def confusion(gold: list[str], pred: list[str]) -> np.ndarray:
    m = np.zeros((len(LABELS), len(LABELS)), dtype=int)
    for g, p in zip(gold, pred):
        m[LABELS.index(g), LABELS.index(p)] += 1
    return m
