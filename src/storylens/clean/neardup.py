"""Near-duplicate documents across the corpus (MinHash LSH over word shingles).

A near-duplicate is linked to the first document of its kind (its canonical copy),
never deleted: republished copies are evidence of how a story travelled.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

from storylens.config import CleanSettings

_WORD = re.compile(r"\w+")
SCHEME = "affine32"  # stored signatures must be compared with the scheme that made them


def signature(text: str, settings: CleanSettings) -> np.ndarray | None:
    """MinHash values of the text's word shingles; None for texts too short to compare."""
    words = _WORD.findall(text.lower())
    n = settings.shingle_words
    if len(words) < n * 4:
        return None
    shingles = {" ".join(words[i:i + n]).encode() for i in range(len(words) - n + 1)}
    mh = MinHash(num_perm=settings.minhash_permutations, seed=1, scheme=SCHEME)
    mh.update_batch(list(shingles))
    return mh.hashvalues.astype(np.uint64)


class NearDuplicates:
    """An LSH index of the corpus's documents, to find each new document's canonical copy."""

    def __init__(self, settings: CleanSettings):
        self.settings = settings
        # Candidates come from a looser LSH threshold and are then checked against the real one:
        # banding at the exact threshold misses too many true pairs just above it.
        candidate_threshold = max(0.3, settings.near_duplicate_threshold - 0.2)
        self.lsh = MinHashLSH(threshold=candidate_threshold, num_perm=settings.minhash_permutations)
        self.signatures: dict[str, np.ndarray] = {}
        self.canonical_of: dict[str, str] = {}

    def add(self, doc_id: str, values: np.ndarray, duplicate_of: str | None = None) -> None:
        if doc_id in self.signatures:
            return
        self.signatures[doc_id] = values
        if duplicate_of:
            self.canonical_of[doc_id] = duplicate_of
        self.lsh.insert(doc_id, self._minhash(values))

    def canonical(self, doc_id: str, values: np.ndarray) -> tuple[str, float] | None:
        """The most similar earlier document above the threshold, with its estimated Jaccard similarity."""
        best = None
        for other in self.lsh.query(self._minhash(values)):
            if other == doc_id:
                continue
            similarity = float(np.mean(self.signatures[other] == values))
            if similarity >= self.settings.near_duplicate_threshold and (best is None or similarity > best[1]):
                best = (other, similarity)
        if best is None:
            return None
        # Link to the first copy, not to another copy of it.
        return self.canonical_of.get(best[0], best[0]), best[1]

    def _minhash(self, values: np.ndarray) -> MinHash:
        return MinHash(num_perm=self.settings.minhash_permutations, seed=1, hashvalues=values, scheme=SCHEME)
