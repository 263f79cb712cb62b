"""Stance cue words per language, compiled from ``lang/<code>/stance_*.json``.

The words live in data files (adding a language is adding files); this module only turns them
into regular expressions. An entry is a word or a phrase; a ``*`` ends a word with any ending and
a ``~`` stands for one to three words ("rejected ~ claim*").
Unknown languages fall back to English, the language the model was trained on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storylens import lang

KINDS: tuple[str, ...] = ("negation", "refute", "hedge", "support", "report")
#: kinds read for the contested and check steps only (not model features)
EXTRA_KINDS: tuple[str, ...] = ("conditional", "clauses")
_QUOTED = re.compile(r"[\"“”«»„]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


_GAP = r"(?:\s+[^\s.,;:!?]+){0,3}"


def _word(part: str) -> str:
    return re.escape(part.rstrip("*")).replace("'", "['’´`]") + (r"\w*" if part.endswith("*") else "")


def _pattern(words: list[str]) -> re.Pattern | None:
    alts = []
    for w in sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True):
        body = ""
        for part in w.split():
            # a quotation mark may open a phrase's later word ("planning a “provocation”")
            body += _GAP if part == "~" else (r"\s+[\"“”«»„‘']?" if body else "") + _word(part)
        # "n't" is glued to its verb: no word boundary before it
        alts.append(("" if w.startswith("n'") else r"(?<!\w)") + body + r"(?!\w)")
    return re.compile("|".join(alts), re.I) if alts else None


@dataclass(frozen=True)
class Cues:
    """The compiled stance cues of one language."""

    lang: str
    patterns: dict[str, re.Pattern | None]
    exceptions: dict[str, re.Pattern | None]
    stopwords: frozenset[str]
    light: frozenset[str]  # stems of light verbs and fillers ("take part in"): not the predicate
    families: tuple[tuple[str, ...], ...]  # word beginnings naming one kind of act

    def related(self, a: str, b: str) -> bool:
        """Two stems of one word, or of two words for one kind of act ("fight", "kill")."""
        short, long_ = sorted((a, b), key=len)
        if len(short) >= 3 and long_.startswith(short):
            return True
        def kind(stem: str, fam: tuple[str, ...]) -> bool:
            return any(stem.startswith(w) or (len(stem) >= 4 and w.startswith(stem)) for w in fam)
        return any(kind(a, fam) and kind(b, fam) for fam in self.families)

    def find(self, kind: str, text: str) -> list[re.Match]:
        """The cues of ``kind`` in ``text``, less those inside a phrase that does not deny ("not only")."""
        rx = self.patterns.get(kind)
        if rx is None:
            return []
        found = list(rx.finditer(text))
        not_cues = self.exceptions.get(kind)
        if found and not_cues is not None:
            spans = [m.span() for m in not_cues.finditer(text)]
            found = [m for m in found if not any(a <= m.start() and m.end() <= b for a, b in spans)]
        return found

    def count(self, kind: str, text: str) -> int:
        return len(self.find(kind, text))

    def attributed(self, text: str) -> bool:
        """Is the statement reported from someone ("X said", "X denied", a quotation), not the source's own?"""
        return bool(self.find("report", text) or self.find("reported_denial", text) or _QUOTED.search(text))

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
    data = {kind: lang.cues(code, f"stance_{kind}") for kind in KINDS + EXTRA_KINDS}
    patterns = {kind: _pattern(d.get("words", [])) for kind, d in data.items()}
    exceptions = {kind: _pattern(d.get("not_cues", [])) for kind, d in data.items()}
    patterns["predicate_negation"] = _pattern(data["negation"].get("predicate", []))
    patterns["continue"] = _pattern(data["clauses"].get("continue", []))
    patterns["reported_denial"] = _pattern(data["refute"].get("reported", []))
    exceptions["predicate_negation"] = exceptions["negation"]
    stop = frozenset(w.lower() for w in lang.cues(code, "stance_stopwords").get("words", []))
    predicates = lang.cues(code, "stance_predicates")
    light = frozenset(w.lower()[:5] for w in predicates.get("light", []))
    families = tuple(tuple(w.lower() for w in fam if len(w) >= 3) for fam in predicates.get("families", []))
    return Cues(code, patterns, exceptions, stop, light, families)
