"""Giving memory back between the stages of a long job.

A stage that is done (annotate's models once its batches are through, a relate step's arrays once
its result is stored) frees its objects, but the C allocator keeps most of the pages they lay on:
glibc returns only the top of its heap, and a numpy array of a few MB freed in the middle stays
resident. The next stage then starts where the last one peaked, and the job's peak is the sum of
two stages rather than the larger. :func:`release` collects garbage and asks glibc to hand every
free page back (``malloc_trim``); elsewhere it only collects.

An array that grows with the corpus and is scanned row by row need not be resident at all:
:class:`Rows` keeps it in a file, mapped, and lets each block's pages go once it is read.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import mmap
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import numpy as np


@lru_cache(maxsize=1)
def _trim():  # noqa: ANN202 - a ctypes function, or None
    """glibc's ``malloc_trim``, or None where the C library has none (macOS, musl, Windows)."""
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None)
    except OSError:
        return None


def release(collect: bool = True) -> bool:
    """Collect garbage and return the C heap's free pages to the system; True if they were returned.

    ``collect=False`` only returns the pages: for a loop between batches (annotate's), where a full
    collection of the models' objects would cost more than the batch's garbage holds."""
    if collect:
        gc.collect()
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True


@contextmanager
def collection_paused() -> Iterator[None]:
    """Automatic garbage collection off while a step builds objects that live until it ends.

    Each full collection walks every live object, and the larger the heap grows the more full
    collections a step meets: the claim-groups step, which holds a few objects per claim, spent
    1.2 s of 7.4 in collections at 16,000 documents and 15.3 s of 58.6 at 100,000 (50 full
    collections against 13), the part of the step that grew faster than the corpus. Cycles made
    meanwhile wait for the collection that :func:`release` makes after the step."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Rows:
    """A float32 ``n × dim`` array that a step scans a block of rows at a time, so that the process
    holds one block of it rather than all of it (the stories step's lead embeddings: 2 KB a document).

    Made from a file (:meth:`open`), the rows are mapped from it, shared: what is written goes to
    the file, and after each block :meth:`blocks` hands the block's pages back (``madvise``
    ``MADV_DONTNEED``), so the mapping's resident pages stay one block's worth while the kernel's
    page cache keeps the data. Made from an array (a story's rows, already copied), nothing is
    mapped and nothing is dropped: the same code reads both."""

    BLOCK = 4096

    def __init__(self, array: np.ndarray, mapping: mmap.mmap | None = None) -> None:
        self.array, self._mapping = array, mapping

    @classmethod
    def open(cls, path: str, dim: int) -> Rows:
        """The rows of the float32 file at ``path`` (row after row, ``dim`` values each), mapped."""
        with open(path, "r+b") as f:
            size = os.fstat(f.fileno()).st_size
            if not size:
                return cls(np.zeros((0, dim), dtype=np.float32))
            mapping = mmap.mmap(f.fileno(), size)  # shared: writes reach the file, dropped pages are read again
        return cls(np.frombuffer(mapping, dtype=np.float32).reshape(-1, dim), mapping)

    def __len__(self) -> int:
        return self.array.shape[0]

    @property
    def dim(self) -> int:
        return self.array.shape[1]

    def blocks(self, size: int | None = None) -> Iterator[tuple[slice, np.ndarray]]:
        """``(rows, view)`` of each block of ``size`` rows (:attr:`BLOCK`) in order (one empty block
        when there are none); a block's pages are let go when the next is asked for, written or not."""
        size = size or self.BLOCK
        for start in range(0, max(len(self), 1), size):
            rows = slice(start, start + size)
            yield rows, self.array[rows]
            self.drop(rows)

    def take(self, rows: np.ndarray) -> np.ndarray:
        """A copy of ``rows`` (in their order), the pages read for it let go."""
        out = self.array[rows]
        self.drop()
        return out

    def copy(self, path: str) -> Rows:
        """The same rows in a new file at ``path``, copied a block at a time."""
        with open(path, "wb") as f:
            for _, block in self.blocks():
                f.write(block.tobytes())
        return Rows.open(path, self.dim)

    def drop(self, rows: slice = slice(None)) -> None:
        """Hand back the pages of ``rows`` (all by default): they leave the resident set and are
        read again from the page cache when next touched."""
        if self._mapping is None or not len(self) or not hasattr(mmap, "MADV_DONTNEED"):  # (no madvise on Windows)
            return
        start, stop, _ = rows.indices(len(self))
        width = self.dim * self.array.itemsize
        first = start * width // mmap.PAGESIZE * mmap.PAGESIZE
        end = min(-(-stop * width // mmap.PAGESIZE) * mmap.PAGESIZE, len(self._mapping))
        if end > first:
            self._mapping.madvise(mmap.MADV_DONTNEED, first, end - first)
