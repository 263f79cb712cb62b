"""Repeated paragraphs and comments inside one document: the first copy stays."""

from __future__ import annotations

from storylens.clean.edits import Line, line_texts, lines

# In prose, a short line (a dash, a date, "Yes.") may repeat on purpose; only longer ones
# are treated as scraping repeats. In a comment thread every repeated line is a repeat.
MIN_CHARS_IN_PROSE = 20


def find_repeats(text: str, line_structured: bool) -> list[tuple[Line, str]]:
    seen: set[str] = set()
    found = []
    for line in lines(text):
        norm = " ".join(line.text.split())
        if not norm:
            continue
        if norm in seen and (line_structured or len(norm) >= MIN_CHARS_IN_PROSE):
            found.append((line, "repeated paragraph (first copy kept)"))
        seen.add(norm)
    return found


def is_line_structured(text: str) -> bool:
    """A comment thread as scraped: many lines, one comment per line, hardly any blank lines."""
    all_lines = line_texts(text)
    filled = [t for t in all_lines if t.strip()]
    if len(filled) < 8:
        return False
    blank = len(all_lines) - len(filled)
    long_lines = sum(1 for t in filled if len(t) >= 80)
    return blank <= 0.1 * len(filled) and long_lines >= 0.3 * len(filled)
