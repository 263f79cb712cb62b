"""Apply changes to a text while writing the cleaning log, and undo them from the log."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from storylens.corpus.decode import READ_STEP
from storylens.doc import Edit


class Line:
    """A line of text: ``start``..``end`` excludes the newline, ``stop`` includes it.

    A value, never changed once made. A plain class with slots: cleaning makes a hundred lines per
    document in each of its steps, and a dataclass with cached properties cost several times as much
    to make and to read (``functools.cached_property`` takes a lock on every first read)."""

    __slots__ = ("start", "end", "stop", "text", "stripped", "_words")

    def __init__(self, start: int, end: int, stop: int, text: str):
        self.start = start
        self.end = end
        self.stop = stop
        self.text = text
        self.stripped = text.strip()  # rules test a line many ways: computed once
        self._words = -1

    @property
    def words(self) -> int:
        if self._words < 0:
            self._words = len(self.text.split())
        return self._words

    def _key(self) -> tuple[int, int, int, str]:
        return self.start, self.end, self.stop, self.text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Line) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Line(start={self.start}, end={self.end}, stop={self.stop}, text={self.text!r})"


def lines(text: str, start: int = 0) -> Iterator[Line]:
    """The lines of ``text`` from offset ``start`` (a line's start) on; no empty line after a final newline."""
    pos = start
    n = len(text)
    find = text.find
    while pos < n:
        nl = find("\n", pos)
        end = n if nl < 0 else nl
        stop = n if nl < 0 else nl + 1
        yield Line(pos, end, stop, text[pos:end])
        pos = stop


def last_lines(text: str, count: int) -> list[Line]:
    """The last ``count`` of :func:`lines`, without making the others."""
    pos = len(text) - 1 if text.endswith("\n") else len(text)
    for _ in range(count):
        pos = text.rfind("\n", 0, pos)
        if pos < 0:
            break
    return list(lines(text, pos + 1 if pos >= 0 else 0))


def line_texts(text: str) -> list[str]:
    """The text of each of :func:`lines`, split in C."""
    if not text:
        return []
    parts = text.split("\n")
    if text.endswith("\n"):
        parts.pop()
    return parts


def apply(text: str, step: str, changes: Iterable[tuple[int, int, str, str]]) -> tuple[str, list[Edit]]:
    """Apply ``(start, end, replacement, rule)`` changes (non-overlapping) and log each one."""
    edits: list[Edit] = []
    out: list[str] = []
    pos = 0
    for start, end, after, rule in sorted(changes, key=lambda c: (c[0], c[1])):
        if start < pos:  # overlapping change: the earlier one already covers it
            continue
        out.append(text[pos:start])
        out.append(after)
        edits.append(Edit(step=step, rule=rule, start=start, end=end, before=text[start:end], after=after))
        pos = end
    if not edits:
        return text, edits
    out.append(text[pos:])
    return "".join(out), edits


def remove_lines(text: str, step: str, removals: Iterable[tuple[Line, str]]) -> tuple[str, list[Edit]]:
    """Remove whole lines, newline included, each with the rule that removed it."""
    return apply(text, step, ((line.start, line.stop, "", rule) for line, rule in removals))


def undo(text: str, log: list[Edit]) -> str:
    """Rebuild the text as it was before cleaning by reversing the log, step by step.

    Repairs made while reading (step ``read``: bytes that were not text) are not reversed:
    the result is the raw text as read and stored.
    """
    steps: list[list[Edit]] = []
    for edit in (e for e in log if e.step != READ_STEP):
        if steps and steps[-1][0].step == edit.step:
            steps[-1].append(edit)
        else:
            steps.append([edit])
    for group in reversed(steps):
        shift = 0
        out: list[str] = []
        pos = 0
        for edit in sorted(group, key=lambda e: e.start):
            where = edit.start + shift  # position of this edit's output in the step's result
            out.append(text[pos:where])
            out.append(edit.before)
            pos = where + len(edit.after)
            shift += len(edit.after) - (edit.end - edit.start)
        out.append(text[pos:])
        text = "".join(out)
    return text
