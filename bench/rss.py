"""Resident memory of this process and of the processes it started, sampled while work runs.

Used by bench/scale.py and bench/relate_steps.py to say which stage, and which relate step,
holds memory: :class:`Peak` samples every 50 ms from a thread, and :meth:`Peak.window` returns
the peaks since the last window, for this process (the parent, which alone writes the store)
and for its worker processes (the largest one, and all of them together).
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass

PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20


def rss_mb(pid: int | str = "self") -> float:
    """A process's resident set now, in MiB (0 when it has ended)."""
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * PAGE_MB
    except (OSError, IndexError, ValueError):
        return 0.0


def descendants(pid: int) -> list[int]:
    """Every process started by ``pid``, at any depth (Dask's nannies start the workers)."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{parent}/task/{tid}/children") as f:
                    kids = [int(x) for x in f.read().split()]
            except OSError:
                continue
            found += kids
            todo += kids
    return found


@dataclass
class Window:
    """Peaks (MiB) seen in one window: this process, its largest worker, all workers together."""

    start: float  # this process's RSS when the window opened
    parent: float
    worker: float
    workers: float

    @property
    def rise(self) -> float:
        """How far this process grew above where the window started: the window's own working set."""
        return max(0.0, self.parent - self.start)

    def to_dict(self) -> dict[str, float]:
        return {"start_mb": self.start, "peak_mb": self.parent, "rise_mb": self.rise,
                "worker_mb": self.worker, "workers_mb": self.workers}


class Peak(threading.Thread):
    """Samples RSS of this process and its descendants every ``every`` seconds.

    Windows are named, and each name keeps its own peaks, so that a stage and the parts inside
    it can be measured at once: ``window("stage")`` and ``window("part")`` do not reset each other.
    """

    def __init__(self, every: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.every = every
        self.lock = threading.Lock()
        self._open: dict[str, list[float]] = {}  # name -> [start, parent, worker, workers]
        self.start()

    def run(self) -> None:
        me = os.getpid()
        while True:
            parent = rss_mb()
            kids = [rss_mb(pid) for pid in descendants(me)]
            with self.lock:
                for peaks in self._open.values():
                    peaks[1] = max(peaks[1], parent)
                    peaks[2] = max(peaks[2], max(kids, default=0.0))
                    peaks[3] = max(peaks[3], sum(kids))
            time.sleep(self.every)

    def window(self, name: str = "") -> Window:
        """The peaks since the last call with this ``name`` (or since the first); a new window opens."""
        now = rss_mb()
        with self.lock:
            start, parent, worker, workers = self._open.get(name, [now, now, 0.0, 0.0])
            self._open[name] = [now, now, 0.0, 0.0]
        return Window(start, max(parent, now), worker, workers)
