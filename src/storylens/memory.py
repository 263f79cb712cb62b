"""Giving memory back between the stages of a long job.

A stage that is done (annotate's models once its batches are through, a relate step's arrays once
its result is stored) frees its objects, but the C allocator keeps most of the pages they lay on:
glibc returns only the top of its heap, and a numpy array of a few MB freed in the middle stays
resident. The next stage then starts where the last one peaked, and the job's peak is the sum of
two stages rather than the larger. :func:`release` collects garbage and asks glibc to hand every
free page back (``malloc_trim``); elsewhere it only collects.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from functools import lru_cache


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


def release() -> bool:
    """Collect garbage and return the C heap's free pages to the system; True if they were returned."""
    gc.collect()
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True
