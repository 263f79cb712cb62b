"""Near-duplicate documents across the corpus (MinHash over word shingles, LSH banding).

A near-duplicate is linked to the first document of its kind (its canonical copy),
never deleted: republished copies are evidence of how a story travelled.

The band keys live in the database (table ``minhash_bands``), not in memory, so memory
stays flat however large the corpus grows; a lookup is one indexed query. Bands are cut
for a looser threshold than the real one and every candidate is verified against its
stored signature: banding exactly at the threshold misses too many true pairs just above it.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from storylens.config import CleanSettings

_WORD = re.compile(r"\w+")
SCHEME = "affine32"  # stored signatures must be compared with the scheme that made them
ROWS_PER_BAND = 4  # 128 permutations -> 32 bands: candidates from a Jaccard of about 0.4


@lru_cache(maxsize=4)
def _template(permutations: int) -> MinHash:
    """Generating the permutations costs more than hashing a document: do it once."""
    return MinHash(num_perm=permutations, seed=1, scheme=SCHEME)


def signature(text: str, settings: CleanSettings) -> np.ndarray | None:
    """MinHash values of the text's word shingles; None for texts too short to compare."""
    words = _WORD.findall(text.lower())
    n = settings.shingle_words
    if len(words) < n * 4:
        return None
    shingles = {" ".join(words[i:i + n]).encode() for i in range(len(words) - n + 1)}
    template = _template(settings.minhash_permutations)
    mh = MinHash(num_perm=settings.minhash_permutations, seed=1, scheme=SCHEME, permutations=template.permutations)
    mh.update_batch(list(shingles))
    return mh.hashvalues.astype(np.uint64)


def band_keys(values: np.ndarray) -> list[tuple[int, int]]:
    """(band, key) pairs: documents sharing any pair are candidates."""
    keys = []
    for band in range(len(values) // ROWS_PER_BAND):
        chunk = values[band * ROWS_PER_BAND:(band + 1) * ROWS_PER_BAND].tobytes()
        keys.append((band, int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big") >> 1))
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))
