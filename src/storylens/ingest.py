"""The orchestrator for read → clean → store, with progress and a summary.

Two passes make a run resumable and let cleaning see the whole corpus:
1. read every input and store it raw (new content only: ids are content hashes),
   counting each short line across documents (site chrome shows up there);
2. clean every document still marked raw, link near-duplicates, store the result.
A run killed in either pass loses at most the document it was writing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from storylens.clean import clean_document, document_id
from storylens.clean.neardup import signature
from storylens.config import Settings
from storylens.corpus import Skipped, iter_files, read_paths
from storylens.corpus.decode import REPAIRS_KEY, repair_note, repairs_from_meta
from storylens.store import Store


@dataclass
class Summary:
    files: int = 0
    read: int = 0
    new: int = 0
    already_stored: int = 0
    cleaned: int = 0
    duplicates_linked: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    # Files read in spite of a few bad bytes or stray NULs: (file, "read with 3 replaced bytes").
    repaired: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "files": self.files, "read": self.read, "new": self.new, "already_stored": self.already_stored,
            "cleaned": self.cleaned, "duplicates_linked": self.duplicates_linked,
            "skipped": [{"origin": s.origin, "reason": s.reason} for s in self.skipped],
            "repaired": [{"origin": origin, "note": note} for origin, note in self.repaired.items()],
        }

    def lines(self) -> list[str]:
        out = [
            f"read {self.read} documents from {self.files} files: {self.new} new, {self.already_stored} already stored",
            f"cleaned {self.cleaned}, near-duplicates linked {self.duplicates_linked}, skipped {len(self.skipped)}",
        ]
        out += [f"  skipped {s.origin}: {s.reason}" for s in self.skipped]
        out += [f"  {origin}: {note}" for origin, note in self.repaired.items()]
        return out


def ingest(
    paths: Iterable[Path],
    store: Store,
    settings: Settings | None = None,
    manifests: Iterable[Path] = (),
    progress: bool = True,
    on_document: Callable[[str], None] | None = None,
) -> Summary:
    """Read, clean and store everything under ``paths``; return what happened."""
    settings = settings or Settings()
    paths = [Path(p) for p in paths]
    manifests = [Path(m) for m in manifests]
    summary = Summary()
    run_id = store.start_run("ingest " + " ".join(map(str, paths)))

    summary.files = sum(1 for _ in iter_files(paths))
    bar = tqdm(total=summary.files, desc="reading", unit="file", disable=not progress, delay=2, leave=False)
    last_origin = None
    for item in read_paths(paths, settings.read, manifests):
        origin_file = item.origin.split("#", 1)[0]
        if origin_file != last_origin:
            bar.update(1)
            last_origin = origin_file
        if isinstance(item, Skipped):
            summary.skipped.append(item)
            store.record_skip(item.origin, item.reason)
            continue
        summary.read += 1
        if REPAIRS_KEY in item.meta:
            summary.repaired[origin_file] = repair_note(repairs_from_meta(item.meta[REPAIRS_KEY]))
        if store.add_raw(item, document_id(item)):
            summary.new += 1
        else:
            summary.already_stored += 1
    bar.close()

    corpus = store.corpus_lines()
    bar = tqdm(total=store.count_pending(), desc="cleaning", unit="doc", disable=not progress, delay=2, leave=False)
    for doc_id, raw in store.pending():
        try:
            doc = clean_document(raw, settings.clean, corpus)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            summary.skipped.append(Skipped(raw.origin, f"could not clean ({type(exc).__name__}: {exc}); please report it"))
            store.record_skip(raw.origin, summary.skipped[-1].reason)
            bar.update(1)
            continue
        values = signature(doc.text, settings.clean)
        if values is not None:
            match = store.canonical_copy(doc.id, values, settings.clean.near_duplicate_threshold)
            if match:
                doc.duplicate_of, doc.duplicate_similarity = match
                summary.duplicates_linked += 1
        store.save_clean(doc, values)
        summary.cleaned += 1
        if on_document:
            on_document(doc.id)
        bar.update(1)
    bar.close()
    store.finish_run(run_id, summary.as_dict())
    return summary
