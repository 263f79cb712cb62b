"""A manifest supplies or overrides metadata for the files of a corpus.

CSV with a header, or JSON (a list of objects, or an object keyed by path), with the
columns ``path, source, source_type, url, published, language`` (``title`` and
``author`` are accepted too). Paths are relative to the manifest's folder.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from storylens.doc import METADATA_FIELDS

MANIFEST_NAMES = ("manifest.csv", "manifest.json")


class BadManifest(ValueError):
    pass


def load_manifest(path: Path) -> dict[Path, dict[str, str]]:
    """Map each listed file (resolved) to its metadata."""
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
        entries[(base / str(row["path"])).resolve()] = meta
    return entries
