"""Storage: the embedded SQLite database that every stage reads from and writes to."""

from storylens.store.db import DEFAULT_DB, Store, StoreError

__all__ = ["DEFAULT_DB", "Store", "StoreError"]
