"""Read-only access to the store from the web app's worker threads, each query on a time budget.

Every thread gets its own SQLite connection opened with ``mode=ro``: the app cannot change the
store by construction, whatever a request asks. A progress handler stops any statement that runs
past the request's deadline, so that one costly query cannot hold a worker: the request gets a
503 with a message instead. Corpus-wide aggregates (counts, facets, source profiles, entity
ranking) are computed once and kept until the database file changes.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from storylens.store import Store, StoreError
from storylens.store.schema import MIGRATIONS

T = TypeVar("T")


class ReadOnlyStore(Store):
    """A :class:`Store` on a read-only connection; any write fails inside SQLite."""

    def __init__(self, path: str | Path):  # noqa: D107 - deliberately not Store.__init__: no migration, no WAL switch
        self.path = Path(path)
        self.db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        self.db.row_factory = sqlite3.Row
        version = self.schema_version
        if version != len(MIGRATIONS):
            self.db.close()
            raise StoreError(f"{self.path} has schema {version}, this storylens reads {len(MIGRATIONS)}: "
                             "open it once with any storylens command (e.g. 'storylens docs') to upgrade it")


class QueryTimeout(Exception):
    """A query ran past its time budget and was stopped."""


class Reader:
    """Per-thread read-only stores over one database file, with a deadline per call."""

    def __init__(self, path: str | Path, timeout_ms: int):
        self.path = Path(path)
        self.timeout = timeout_ms / 1000
        self._local = threading.local()
        self._cache: dict[str, tuple[tuple, Any]] = {}
        self._computing: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        ReadOnlyStore(self.path).close()  # fail now, with a message, rather than on the first request

    def store(self) -> ReadOnlyStore:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = ReadOnlyStore(self.path)
            store.db.set_progress_handler(self._check_deadline, 2000)
        return store

    def _check_deadline(self) -> int:
        deadline = getattr(self._local, "deadline", None)
        return 1 if deadline is not None and time.monotonic() > deadline else 0

    def run(self, work: Callable[[ReadOnlyStore], T], timeout: float | None = None) -> T:
        """``work(store)`` with every statement it runs stopped at the deadline (QueryTimeout)."""
        store = self.store()
        self._local.deadline = time.monotonic() + (timeout or self.timeout)
        try:
            return work(store)
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise QueryTimeout() from None
            raise
        finally:
            self._local.deadline = None

    def version(self) -> tuple:
        """Changes whenever the database (or its write-ahead log) is written."""
        out = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(f"{self.path}{suffix}")
                out.append((st.st_mtime_ns, st.st_size))
            except FileNotFoundError:
                out.append(None)
        return tuple(out)

    def cached(self, key: str, work: Callable[[ReadOnlyStore], T]) -> T:
        """``work(store)`` computed once per version of the database (corpus-wide aggregates);
        requests that need it meanwhile wait for that one computation."""
        version = self.version()
        hit = self._cache.get(key)
        if hit is not None and hit[0] == version:
            return hit[1]
        with self._lock:
            lock = self._computing.setdefault(key, threading.Lock())
        with lock:
            hit = self._cache.get(key)
            if hit is not None and hit[0] == version:
                return hit[1]
            value = self.run(work, timeout=max(self.timeout, 300.0))
            self._cache[key] = (version, value)
        return value
