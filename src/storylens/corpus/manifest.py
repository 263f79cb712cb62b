"""A manifest supplies or overrides metadata for the files of a corpus.

CSV with a header, or JSON (a list of objects, or an object keyed by path), with the
columns ``path, source, source_type, url, published, language`` (``title`` and
``author`` are accepted too). Paths are relative to the manifest's folder.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

from storylens.doc import METADATA_FIELDS

MANIFEST_NAMES = ("manifest.csv", "manifest.json")


class BadManifest(ValueError):
    pass


class Resolver:
    """``Path.resolve`` for the many files of a few folders: each folder is resolved once, and a file
    that is not a symbolic link is its resolved folder and its name. ``Path.resolve`` reads every
    component of the path from the file system, and a corpus lists thousands of files (one per
    document) twice: in its manifest and in the folder walk."""

    def __init__(self) -> None:
        self._folders: dict[Path, Path] = {}

    def __call__(self, path: Path) -> Path:
        if path.name in ("", ".", ".."):
            return path.resolve()
        try:
            if stat.S_ISLNK(os.lstat(path).st_mode):
                return path.resolve()
        except OSError:  # missing: Path.resolve says what it would be
            return path.resolve()
        folder = path.parent
        if folder not in self._folders:
            self._folders[folder] = folder.resolve()
        return self._folders[folder] / path.name


def load_manifest(path: Path, resolve: Callable[[Path], Path] = Path.resolve) -> dict[Path, dict[str, str]]:
    """Map each listed file (resolved by ``resolve``) to its metadata."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadManifest(f"cannot read manifest {path}: {exc}") from None
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BadManifest(f"manifest {path} is not valid JSON: {exc.msg} (line {exc.lineno})") from None
        if isinstance(data, dict):
            rows = [dict(value, path=key) for key, value in data.items() if isinstance(value, dict)]
        elif isinstance(data, list):
            rows = [row for row in data if isinstance(row, dict)]
        else:
            raise BadManifest(f"manifest {path} must be a list of objects or an object keyed by path")
    else:
        rows = list(csv.DictReader(io.StringIO(text)))
    if rows and "path" not in rows[0]:
        raise BadManifest(f"manifest {path} has no 'path' column")
    base = path.parent
    entries: dict[Path, dict[str, str]] = {}
    for row in rows:
        if not row.get("path"):
            continue
        meta = {k: str(v).strip() for k, v in row.items() if k in METADATA_FIELDS and v not in (None, "")}
        entries[resolve(base / str(row["path"]))] = meta
    return entries
