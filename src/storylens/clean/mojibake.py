"""Repair text that was decoded with the wrong encoding somewhere upstream (mojibake).

ftfy does the repair; curly quotes are kept because they are often what a quote
detector later relies on. Each changed line is one log entry.
"""

from __future__ import annotations

import re

import ftfy
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES

from storylens.clean.edits import apply, lines
from storylens.doc import Edit

_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, normalization="NFC")


def _characters(spec: str) -> set[str]:
    """The characters of a regex class body as ftfy writes them ("a-z" ranges and single characters)."""
    found: set[str] = set()
    i = 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-":
            found.update(map(chr, range(ord(spec[i]), ord(spec[i + 2]) + 1)))
            i += 3
        else:
            found.add(spec[i])
            i += 1
    return found


# Every match of ftfy's badness pattern holds one of these characters: those of its classes but the
# plain Greek and Cyrillic letters (which match only beside one of the others), and the Ђ of its
# "вЂ". Text of those letters alone (Russian, Ukrainian) therefore needs no look at most positions.
_SUSPECT = re.compile("[" + re.escape("".join(sorted(
    {"\N{CYRILLIC CAPITAL LETTER DJE}"}.union(*(_characters(chars) for name, chars in MOJIBAKE_CATEGORIES.items()
                                                 if name not in {"lower_common", "upper_common"}))))) + "]")
_LONGEST = 8  # at least the longest match of the pattern ("ГўВЂВ" and two more characters: 7)


def is_bad(text: str) -> bool:
    """ftfy's ``is_bad``, the same answer, with its pattern tried only around the characters a match
    must hold: a stretch that holds none cannot match (tests/test_ingest_writes.py checks both agree)."""
    spans: list[list[int]] = []
    for m in _SUSPECT.finditer(text):
        lo, hi = max(0, m.start() - _LONGEST + 1), m.start() + _LONGEST
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = hi
        else:
            spans.append([lo, hi])
    return any(BADNESS_RE.search(text, lo, hi) for lo, hi in spans)


def fix_mojibake(text: str) -> tuple[str, list[Edit]]:
    # ASCII text cannot hold mojibake, and the badness test is cheaper than fixing.
    if text.isascii() or not is_bad(text):
        return text, []
    changes = []
    for line in lines(text):
        if line.text.isascii():
            continue
        fixed = ftfy.fix_text(line.text, _CONFIG)
        if fixed != line.text:
            changes.append((line.start, line.end, fixed, "mojibake"))
    return apply(text, "mojibake", changes)
