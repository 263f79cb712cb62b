"""Repair text that was decoded with the wrong encoding somewhere upstream (mojibake).

ftfy does the repair; curly quotes are kept because they are often what a quote
detector later relies on. Each changed line is one log entry.
"""

from __future__ import annotations

import ftfy
from ftfy.badness import is_bad

from storylens.clean.edits import apply, lines
from storylens.doc import Edit

_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, normalization="NFC")


def fix_mojibake(text: str) -> tuple[str, list[Edit]]:
    # ASCII text cannot hold mojibake, and ftfy's own badness test is cheaper than fixing.
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
