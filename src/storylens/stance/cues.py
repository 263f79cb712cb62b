"""Stance cue words per language, compiled from ``lang/<code>/stance_*.json``.

The words live in data files (adding a language is adding files); this module only turns them
into regular expressions. An entry is a word or a phrase; a trailing ``*`` matches any ending.
Unknown languages fall back to English, the language the model was trained on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storylens import lang

KINDS: tuple[str, ...] = ("negation", "refute", "hedge", "support", "report")
#: kinds read for the contested and check steps only (not model features)
EXTRA_KINDS: tuple[str, ...] = ("conditional",)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _pattern(words: list[str]) -> re.Pattern | None:
    alts = []
    for w in sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True):
        tail = r"\w*" if w.endswith("*") else ""
        body = r"\s+".join(re.escape(part) for part in w.rstrip("*").split())
        # "n't" is glued to its verb: no word boundary before it
        lead = "" if w.startswith("n'") else r"(?<!\w)"
        alts.append(lead + body.replace("'", "['’]") + tail + r"(?!\w)")
    return re.compile("|".join(alts), re.I) if alts else None


@dataclass(frozen=True)
class Cues:
    """The compiled stance cues of one language."""

    lang: str
    patterns: dict[str, re.Pattern | None]
    stopwords: frozenset[str]

    def find(self, kind: str, text: str) -> list[re.Match]:
        rx = self.patterns.get(kind)
        return list(rx.finditer(text)) if rx is not None else []

    def count(self, kind: str, text: str) -> int:
        return len(self.find(kind, text))

    def unasserted(self, text: str) -> bool:
        """A question or a condition ("if…", «если…») asserts nothing, so it takes no side."""
        t = text.strip()
        if t.rstrip("\"'”»)]").endswith("?"):
            return True
        rx = self.patterns.get("conditional")
        return bool(rx and rx.match(t.lstrip("\"'«“(—–- ")))

    def content(self, text: str) -> list[str]:
        """Content word stems (the first five letters, lower case): crude, but the same for every language."""
        return [w[:5] for w in (m.group().lower() for m in _WORD.finditer(text))
                if len(w) > 2 and w not in self.stopwords]


@lru_cache(maxsize=None)
def cues(code: str | None) -> Cues:
    """Stance cues for language ``code`` (English when the language has no stance files)."""
    code = (code or "en")[:2].lower()
    if not lang.cues(code, "stance_refute"):
        code = "en"
    patterns = {kind: _pattern(lang.cues(code, f"stance_{kind}").get("words", [])) for kind in KINDS + EXTRA_KINDS}
    stop = frozenset(w.lower() for w in lang.cues(code, "stance_stopwords").get("words", []))
    return Cues(code, patterns, stop)
