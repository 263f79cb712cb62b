"""Blank lines left behind by removals: one blank line between paragraphs, none at the ends."""

from __future__ import annotations

import re

from storylens.clean.edits import apply
from storylens.doc import Edit

_SPACE = re.compile(r"^\s+|\s+$|\n(?:[^\S\n]*\n)+")


def tidy_whitespace(text: str) -> tuple[str, list[Edit]]:
    changes = []
    for m in _SPACE.finditer(text):
        if m.start() == 0 or m.end() == len(text):
            changes.append((m.start(), m.end(), "", "blank space at the ends"))
        elif m.group(0) != "\n\n":
            changes.append((m.start(), m.end(), "\n\n", "extra blank lines"))
    return apply(text, "whitespace", changes)
