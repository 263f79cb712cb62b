"""Adding documents through the web app (only with ``storylens serve --allow-write``).

Uploaded files are saved under ``uploads/<time>/`` beside the database (so every document's
``origin`` names a file that exists) and go through the same library calls as ``storylens
ingest``: files that cannot be read are skipped with a one-line reason, nothing already stored
is touched, and the run is refused (422) only when nothing at all could be read. One upload runs
at a time: the store has one writer.
"""

from __future__ import annotations

import re
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from storylens.config import Settings
from storylens.serve.params import BadRequest
from storylens.store import Store

_UNSAFE = re.compile(r"[^\w.\- ]+")
_LOCK = threading.Lock()


def safe_name(name: str, n: int) -> str:
    """A file name from an upload: its last path component, tame characters only, never empty."""
    base = _UNSAFE.sub("_", name.replace("\\", "/").rsplit("/", 1)[-1]).strip(" .")[:120]
    return base or f"upload-{n}.txt"


def save_uploads(db_path: Path, files: list[tuple[str, bytes]]) -> Path:
    """Write the uploaded files into a new folder beside the database; return the folder."""
    if not files:
        raise BadRequest("send one or more files in the form field 'files'")
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    folder = Path(db_path).resolve().parent / "uploads" / stamp
    folder.mkdir(parents=True)
    taken: set[str] = set()
    for n, (name, data) in enumerate(files):
        target = safe_name(name, n)
        while target in taken:
            target = f"{n}-{target}"
        taken.add(target)
        (folder / target).write_bytes(data)
    return folder


def ingest_uploads(db_path: Path, folder: Path, relate: bool, settings: Settings | None = None) -> dict[str, Any]:
    """Read, clean, annotate (and relate) what was uploaded; the summary lines as the CLI prints them."""
    from storylens.annotate import AnnotateError, annotate_store
    from storylens.corpus.manifest import BadManifest
    from storylens.ingest import ingest
    from storylens.relate import relate_store

    settings = settings or Settings()
    if not _LOCK.acquire(blocking=False):
        raise BadRequest("another upload is being ingested; try again when it has finished", 409)
    try:
        with Store(db_path) as store:
            try:
                summary = ingest([folder], store, settings, progress=False)
                lines = summary.lines()
                if summary.new:
                    lines += annotate_store(store, settings.annotate, progress=False).lines()
                    if relate:
                        lines += relate_store(store, progress=False).lines()
            except (BadManifest, AnnotateError) as exc:
                raise BadRequest(str(exc), 422) from None
    finally:
        _LOCK.release()
    readable = summary.read + summary.already_stored
    if not readable:
        raise BadRequest("nothing could be read: " + "; ".join(f"{s.origin.rsplit('/', 1)[-1]}: {s.reason}"
                                                             for s in summary.skipped), 422)
    return {"lines": lines, "summary": summary.as_dict(), "folder": str(folder)}
