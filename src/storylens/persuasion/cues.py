"""Cue counts: how often a text uses words of each kind in ``lang/<code>/persuasion_cues.json``.

The kinds (intensifiers, fear, doubt, values, first person plural, measures…) are the same in
every language's file; the words of all languages are matched at once, so no language needs to
be detected first and adding a language is adding its file. The counts are features of the
classifiers, never rules on their own.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from storylens.lang import cues, languages

CUE_FILE = "persuasion_cues"


def _pattern(entries: list[str]) -> re.Pattern:
    """One regex for a kind: whole words or phrases; ``word*`` also matches longer words."""
    parts = []
    for entry in sorted(set(entries), key=len, reverse=True):
        entry = entry.lower().strip()
        prefix = entry.endswith("*")
        body = re.escape(entry.rstrip("*")).replace(r"\ ", r"\s+")
        parts.append(body + (r"\w*" if prefix else "") + r"(?!\w)")
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.UNICODE)


@lru_cache(maxsize=4)
def cue_patterns(name: str = CUE_FILE) -> tuple[tuple[str, ...], tuple[re.Pattern, ...]]:
    """(kinds, one compiled pattern per kind) over every language's ``name`` file."""
    words: dict[str, list[str]] = {}
    for lang in languages():
        for kind, entries in cues(lang, name).items():
            words.setdefault(kind, []).extend(entries)
    kinds = tuple(sorted(words))
    return kinds, tuple(_pattern(words[k]) for k in kinds)


def cue_names() -> tuple[str, ...]:
    kinds, _ = cue_patterns()
    return tuple(f"{k}_{what}" for k in kinds for what in ("log_count", "per_word"))


def cue_features(texts: list[str]) -> np.ndarray:
    """(len(texts), 2 * kinds): log(1 + count) and count per word of each kind of cue."""
    kinds, patterns = cue_patterns()
    out = np.zeros((len(texts), 2 * len(kinds)), np.float32)
    for i, text in enumerate(texts):
        lowered = (text or "").lower()
        n_words = max(len(lowered.split()), 1)
        for k, pattern in enumerate(patterns):
            count = sum(1 for _ in pattern.finditer(lowered))
            out[i, 2 * k] = np.log1p(count)
            out[i, 2 * k + 1] = count / n_words
    return out
