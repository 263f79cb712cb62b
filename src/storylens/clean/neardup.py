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
_BLOCK = 4096  # shingles permuted at once: bounds memory on very long texts
_sha1 = hashlib.sha1
SHINGLES_KEPT = 65_536  # shingle digests remembered per process (about 9 MB): see _digests
_SHINGLE_DIGESTS: dict[str, bytes] = {}
_blake2b = hashlib.blake2b


@lru_cache(maxsize=4)
def _permutations(permutations: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations (seed 1): generating them costs more than hashing a document."""
    a, b = MinHash(num_perm=permutations, seed=1, scheme=SCHEME).permutations
    return a.astype(np.uint32), b.astype(np.uint32)


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser, as datasketch's affine32 scheme applies it before permuting."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signature(text: str, settings: CleanSettings) -> np.ndarray | None:
    """MinHash values of the text's word shingles; None for texts too short to compare.

    The values are datasketch's (``MinHash(scheme="affine32", seed=1)``, SHA-1 of each shingle,
    first 4 bytes little-endian) computed without its per-item Python calls: the digests are
    joined and read as one array, and the permutations run in blocks of ``_BLOCK`` shingles.
    (A numpy hash of the shingles was twice as fast again but moved links near the threshold, one
    of them in a development corpus: docs/evaluation.md, Scale, rounds 4 and 6.)"""
    words = _WORD.findall(text.lower())
    n = settings.shingle_words
    if len(words) < n * 4:
        return None
    shingles = set(map(" ".join, zip(*[words[k:] for k in range(n)])))
    digests = b"".join(map(_digests(shingles).__getitem__, shingles))
    hashes = _fmix32(np.frombuffer(digests, dtype="<u4").astype(np.uint32))
    a, b = _permutations(settings.minhash_permutations)
    values = np.full(len(a), np.iinfo(np.uint32).max, dtype=np.uint32)
    for start in range(0, len(hashes), _BLOCK):
        block = hashes[start:start + _BLOCK, None] * a + b  # wraps modulo 2^32, as datasketch's
        np.minimum(values, block.min(axis=0), out=values)
    return values.astype(np.uint64)


def _digests(shingles: set[str]) -> dict[str, bytes]:
    """The first 4 bytes of each shingle's SHA-1, from the digests of shingles met before where it can:
    reposts, quotes and standing lines repeat shingles across a corpus (95 % of them in the generated
    4k corpus), and a dictionary lookup costs a tenth of the hashing. Bounded: emptied when full."""
    missing = [shingle for shingle in shingles if shingle not in _SHINGLE_DIGESTS]
    if len(_SHINGLE_DIGESTS) + len(missing) > SHINGLES_KEPT:
        _SHINGLE_DIGESTS.clear()
        missing = list(shingles)
    for shingle in missing:
        _SHINGLE_DIGESTS[shingle] = _sha1(shingle.encode()).digest()[:4]
    return _SHINGLE_DIGESTS


def band_keys(values: np.ndarray) -> list[tuple[int, int]]:
    """(band, key) pairs: documents sharing any pair are candidates. Each key hashes the bytes of
    its band's rows, cut from one ``tobytes`` (a numpy slice per band cost twice the hashing)."""
    data = values.tobytes()
    width = ROWS_PER_BAND * values.itemsize
    return [(band, int.from_bytes(_blake2b(data[at:at + width], digest_size=8).digest(), "big") >> 1)
            for band, at in enumerate(range(0, len(values) // ROWS_PER_BAND * width, width))]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))
