"""Apply changes to a text while writing the cleaning log, and undo them from the log."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from storylens.corpus.decode import READ_STEP
from storylens.doc import Edit


@dataclass(unsafe_hash=True)
class Line:
    """A line of text: ``start``..``end`` excludes the newline, ``stop`` includes it.

    A value, never changed once made; not ``frozen`` because a frozen dataclass takes three times
    as long to make, and cleaning makes a hundred lines per document in each of its steps."""

    start: int
    end: int
    stop: int
    text: str

    @cached_property
    def stripped(self) -> str:
        """The text without the white space around it (rules test a line many ways: computed once)."""
        return self.text.strip()

    @cached_property
    def words(self) -> int:
        return len(self.text.split())


def lines(text: str) -> Iterator[Line]:
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        stop = n if nl < 0 else nl + 1
        yield Line(pos, end, stop, text[pos:end])
        pos = stop


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
