"""Features of a (claim, passage) pair for the stance model.

A passage is a list of sentences (a news article body in FNC-1, a document's sentences or one
statement in a corpus). Everything runs offline and works the same in every language we ship:

- **meaning**: the multilingual sentence encoder (:mod:`storylens.relate.embeddings`): cosine of
  the claim with the passage and with its sentences closest to the claim, and the element-wise
  products of the claim vector with the passage's mean and with its closest sentences (what
  lets a linear layer see *how* two texts agree, not only *that* they are near);
- **words**: the share of the claim's content stems and stem bigrams found in the passage and
  in its closest sentences;
- **cues** (``lang/<code>/stance_*.json``): negation, denial/debunking, hedges, confirmation and
  attribution in the closest sentences and in the whole passage, and whether claim and closest
  sentence differ in negation;
- **numbers**: whether the claim's figures appear in the passage, or the closest sentence gives
  other figures.

:class:`Side` precomputes what one text contributes, so that a body met with fifty claims is
analysed once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from storylens.relate import embeddings
from storylens.stance.cues import KINDS, cues

TOP_K = 3  # passage sentences closest to the claim that the stance is read from
MAX_SENTENCES = 60  # a longer passage is cut: stance is in the first part of an article
SCALARS: tuple[str, ...] = (
    "cos_mean", "cos_max", "cos_top", "cos_gap", "log_sentences", "overlap_body", "overlap_top", "jaccard_top",
    "bigrams_body", "log_claim_words",
    "refute_claim", "refute_body", "refute_top", "refute_lede",
    "hedge_claim", "hedge_body", "hedge_top",
    "support_body", "support_top", "report_body", "report_top",
    "negation_claim", "negation_top", "negation_mismatch",
    "numbers_claim", "numbers_found", "numbers_conflict", "question_claim",
)
DIM = len(SCALARS) + 2 * embeddings.DIM

_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[ ,.]\d{3})*(?:[.,]\d+)?(?!\w)")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"'”»)]))\s+(?=[\"'“«(]*[^\W\d_])|\n\s*\n|\n(?=\s*[-•*])")


def split_sentences(text: str) -> list[str]:
    """Sentences of a plain text (for bodies that come without the store's segmentation)."""
    parts = (p.strip() for p in _SENTENCE_END.split(text))
    return [p for p in parts if len(p) > 2]


def numbers(text: str) -> set[float]:
    out = set()
    for m in _NUMBER.finditer(text):
        raw = m.group()
        raw = re.sub(r"(?<=\d)[ ,.](?=\d{3}(?!\d))", "", raw).replace(",", ".")
        try:
            out.add(float(raw))
        except ValueError:
            continue
    return out


@dataclass
class Side:
    """One text's part in a pair: its sentences, their vectors, cue counts, stems and numbers."""

    sentences: list[str]
    vectors: np.ndarray  # (n, 512), rows L2-normalised
    mean: np.ndarray  # normalised mean of the rows
    cue_counts: np.ndarray  # (n, len(KINDS))
    stems: list[list[str]]
    figures: list[set[float]]
    lang: str

    @classmethod
    def of(cls, sentences: Sequence[str], lang: str | None = None, vectors: np.ndarray | None = None) -> Side:
        sentences = [s for s in sentences if s.strip()][:MAX_SENTENCES] or [""]
        if vectors is None:
            vectors = embeddings.encode(sentences)
        vectors = np.asarray(vectors[:len(sentences)], dtype=np.float32)
        c = cues(lang)
        counts = np.array([[c.count(kind, s) for kind in KINDS] for s in sentences], dtype=np.float32)
        mean = vectors.mean(axis=0)
        mean = mean / max(float(np.linalg.norm(mean)), 1e-12)
        return cls(list(sentences), vectors, mean, counts, [c.content(s) for s in sentences],
                   [numbers(s) for s in sentences], c.lang)


def _share(needles: Sequence, hay: set) -> float:
    return sum(1 for n in needles if n in hay) / len(needles) if needles else 0.0


def top_sentences(claim: Side, body: Side, k: int = TOP_K) -> np.ndarray:
    """Indices of the body sentences closest to the claim (cosine, helped by shared stems)."""
    cos = body.vectors @ claim.vectors[0]
    mine = set(claim.stems[0])
    overlap = np.array([_share(sorted(mine), set(s)) for s in body.stems], dtype=np.float32)
    return np.argsort(-(cos + 0.5 * overlap), kind="stable")[:k]


def pair_features(claim: Side, body: Side) -> np.ndarray:
    """The feature row of (claim, body): :data:`SCALARS` then the two vector products."""
    c = claim.vectors[0]
    cos = body.vectors @ c
    top = top_sentences(claim, body)
    top_vec = body.vectors[top].mean(axis=0)
    top_vec = top_vec / max(float(np.linalg.norm(top_vec)), 1e-12)
    n = len(body.sentences)
    k = {kind: i for i, kind in enumerate(KINDS)}
    body_rate = body.cue_counts.sum(axis=0) / n
    top_count = body.cue_counts[top].sum(axis=0)
    lede = body.cue_counts[:TOP_K].sum(axis=0)
    claim_cues = claim.cue_counts[0]

    stems = claim.stems[0]
    body_stems = {s for ss in body.stems for s in ss}
    top_stems = {s for i in top for s in body.stems[i]}
    bigrams = list(zip(stems, stems[1:]))
    body_bigrams = {b for ss in body.stems for b in zip(ss, ss[1:])}
    jaccard = len(set(stems) & top_stems) / max(len(set(stems) | top_stems), 1)

    figures = claim.figures[0]
    body_figures = set().union(*body.figures)
    best_figures = body.figures[int(top[0])]
    negation_best = body.cue_counts[int(top[0]), k["negation"]] > 0

    scalars = [
        float(body.mean @ c), float(cos.max()), float(cos[top].mean()), float(cos.max() - cos.mean()),
        float(np.log1p(n)), _share(stems, body_stems), _share(stems, top_stems), jaccard,
        _share(bigrams, body_bigrams), float(np.log1p(len(stems))),
        float(claim_cues[k["refute"]] > 0), float(body_rate[k["refute"]]), float(top_count[k["refute"]]),
        float(lede[k["refute"]]),
        float(claim_cues[k["hedge"]] > 0), float(body_rate[k["hedge"]]), float(top_count[k["hedge"]]),
        float(body_rate[k["support"]]), float(top_count[k["support"]]),
        float(body_rate[k["report"]]), float(top_count[k["report"]]),
        float(claim_cues[k["negation"]] > 0), float(top_count[k["negation"]]),
        float((claim_cues[k["negation"]] > 0) != negation_best),
        float(bool(figures)), _share(sorted(figures), body_figures),
        float(bool(figures) and bool(best_figures) and not figures & best_figures),
        float(claim.sentences[0].rstrip().endswith("?")),
    ]
    return np.concatenate([np.array(scalars, dtype=np.float32), c * top_vec, c * body.mean]).astype(np.float32)
