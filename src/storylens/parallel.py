"""Per-document work in parallel: in this process, in worker processes, or on a Dask cluster.

Clean and annotate look at one document at a time, so their work is cut into batches and
handed to whatever workers there are (:class:`Workers`); results come back in input order
and only this process writes the store, whole batches per transaction. A killed run therefore
loses at most the batches in flight, and its worker processes end with it.

What is expensive to build (spaCy, natasha, the classifiers) is built once per worker process
and kept between tasks (:func:`worker_cached`) until the :class:`Workers` is closed.

Worker processes import the main module again, as with any Python program that starts
processes: a script that uses workers must guard its entry with ``if __name__ == "__main__":``.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Any, TypeVar

from storylens.config import ParallelSettings

T = TypeVar("T")
R = TypeVar("R")

# Each worker process is one core's worth of work: no thread pools of its own inside it.
_ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "RAYON_NUM_THREADS")


class ParallelError(RuntimeError):
    """The workers cannot be reached, or one died; the message says what to do."""


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


_local = threading.local()


def worker_cached(key: Hashable, make: Callable[[], T]) -> T:
    """``make()`` on first use in this process (and thread), then the same object for every later task."""
    items = _local.__dict__.setdefault("items", {})
    if key not in items:
        items[key] = make()
    return items[key]


class Workers:
    """Runs a function over batches: in this process, in local worker processes, or on a Dask cluster.

    Processes start on the first :meth:`map` that needs them and live until :meth:`close`, so the
    models a worker loaded serve every later stage of the run.
    """

    def __init__(self, settings: ParallelSettings | None = None):
        self.settings = settings or ParallelSettings()
        count = self.settings.workers if self.settings.workers is not None else cores()
        if count < 1:
            raise ParallelError(f"--workers must be at least 1 (got {count})")
        self.local_workers = count
        self._pool: ProcessPoolExecutor | None = None
        self._client: Any = None
        if self.settings.scheduler:
            self._client = _connect(self.settings.scheduler)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """End the worker processes, or drop what work in this process built: models go with their workers."""
        _local.__dict__.pop("items", None)
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._client is not None:
            self._client.close()
            self._client = None

    def where(self, documents: int) -> str:
        """Where work on this many documents runs: 'cluster', 'processes' or 'here'."""
        if self._client is not None:
            return "cluster"
        if self.local_workers > 1 and documents >= self.settings.min_documents:
            return "processes"
        return "here"

    def size(self, documents: int) -> int:
        """How many workers share work on this many documents."""
        where = self.where(documents)
        if where == "cluster":
            return max(1, sum(self._client.nthreads().values()))
        return self.local_workers if where == "processes" else 1

    def map(self, func: Callable[[list[T]], R], batches: Iterable[list[T]], documents: int) -> Iterator[R]:
        """``func(batch)`` for every batch, in order; ``documents`` (the total) decides where it runs.

        ``func`` must be a module-level function or a ``partial`` of one (workers import it by
        name); a few batches are handed out ahead, so memory stays bounded however many there are.
        """
        where = self.where(documents)
        if where == "here":
            for batch in batches:
                yield func(batch)
            return
        # pure=False: Dask must run every batch, not reuse a result it takes for the same call.
        submit = partial(self._client.submit, pure=False) if where == "cluster" else self._processes().submit
        ahead = max(1, self.settings.ahead_per_worker * self.size(documents))
        pending: deque[Future] = deque()
        try:
            for batch in batches:
                pending.append(submit(func, batch))
                if len(pending) >= ahead:
                    yield _result(pending.popleft())
            while pending:
                yield _result(pending.popleft())
        finally:
            for future in pending:
                future.cancel()

    def _processes(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(self.local_workers, mp_context=context, initializer=_start_worker)
        return self._pool


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last one shorter)."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _result(future: Any) -> Any:
    try:
        return future.result()
    except BrokenProcessPool:
        raise ParallelError("a worker process died (out of memory?); run the same command again to resume, "
                            "with fewer --workers if it happens again") from None


def _connect(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - distributed is a dependency
        raise ParallelError("--scheduler needs the 'distributed' package (pip install distributed)") from None
    try:
        return Client(address, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as exc:
        raise ParallelError(f"cannot reach a Dask scheduler at {address} ({exc}); start one with 'dask scheduler' "
                            "and workers with 'dask worker ADDRESS', then pass that address") from None


def _start_worker() -> None:
    """In each local worker process: one thread of work, and an end when the parent ends."""
    for var in _ONE_THREAD:
        os.environ[var] = "1"
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()


def _exit_with(sentinel: int) -> None:
    """A worker whose parent was killed has nobody to hand its results to: end it at once."""
    multiprocessing.connection.wait([sentinel])
    os._exit(1)
