"""The orchestrator for read → clean → store, with progress and a summary.

Two passes make a run resumable and let cleaning see the whole corpus:
1. read every input (on local worker processes: decoding and HTML extraction are per file) and
   store it raw, here and in order (new content only: ids are content hashes), counting each short line
   across documents (site chrome shows up there);
2. clean every document still marked raw (on the workers: :mod:`storylens.parallel`), link
   near-duplicates and store the result, here and in order, so the links do not depend on
   how many workers there were.
Every pass writes a run of documents per transaction (:func:`per_commit`): a run killed in either
pass loses at most the transaction it had not yet committed, and the next run picks up from there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

import numpy as np
from tqdm import tqdm

from storylens.clean import clean_document, document_id
from storylens.clean.boilerplate import CorpusLines
from storylens.clean.language import corpus_languages
from storylens.clean.neardup import band_keys, signature
from storylens.config import CleanSettings, ParallelSettings, ReadSettings, Settings
from storylens.corpus import Skipped, ToRead, iter_files, plan_reading, read_one
from storylens.corpus.decode import REPAIRS_KEY, repair_note, repairs_from_meta
from storylens.doc import Document, RawDocument
from storylens.parallel import Workers, batched
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
    workers: Workers | None = None,
) -> Summary:
    """Read, clean and store everything under ``paths``; return what happened.

    Cleaning runs on ``workers`` (by default as ``settings.parallel`` says: one process per core);
    this process alone writes the store, whole batches per transaction (:func:`per_commit`).
    """
    settings = settings or Settings()
    paths = [Path(p) for p in paths]
    manifests = [Path(m) for m in manifests]
    summary = Summary()
    run_id = store.start_run("ingest " + " ".join(map(str, paths)))
    parallel = settings.parallel
    with store.page_cache(parallel.write_cache_mb), store.checkpoint_every(parallel.write_checkpoint_mb), \
            store.unchecked_references(), (Workers(parallel) if workers is None else nullcontext(workers)) as pool:
        _read(paths, manifests, store, settings, summary, progress, pool)
        _clean(store, settings, summary, progress, on_document, pool)
    store.finish_run(run_id, summary.as_dict())
    return summary


def _read(paths: list[Path], manifests: list[Path], store: Store, settings: Settings, summary: Summary,
          progress: bool, workers: Workers) -> None:
    """Pass 1: read the files (on local worker processes, if any) and store every new document here,
    in order, :func:`per_commit` documents per transaction."""
    summary.files = sum(1 for _ in iter_files(paths))
    bar = tqdm(total=summary.files, desc="reading", unit="file", disable=not progress, delay=2, leave=False)
    last_origin = None
    plan = batched(plan_reading(paths, settings.read, manifests), settings.parallel.batch_size)
    task = partial(_read_batch, settings=settings.read)
    # The files are read where they are: on local worker processes, never on a Dask cluster, whose
    # workers may be other machines without them (the documents travel to those with the cleaning).
    read = workers.map(task, plan, summary.files) if workers.where(summary.files) == "processes" else map(task, plan)

    def items() -> Iterator[RawDocument]:
        nonlocal last_origin
        for item in (item for results in read for item in results):
            origin_file = item.origin.split("#", 1)[0]
            if origin_file != last_origin:
                bar.update(1)
                last_origin = origin_file
            if isinstance(item, Skipped):
                summary.skipped.append(item)
                store.record_skip(item.origin, item.reason)
            else:
                yield item

    for batch in batched(items(), per_commit(summary.files, settings.parallel)):
        for raw in batch:
            if REPAIRS_KEY in raw.meta:
                summary.repaired[raw.origin.split("#", 1)[0]] = repair_note(repairs_from_meta(raw.meta[REPAIRS_KEY]))
        added = store.add_raws([(raw, document_id(raw)) for raw in batch])
        summary.read += len(added)
        summary.new += sum(added)
        summary.already_stored += len(added) - sum(added)
    bar.close()


def _clean(store: Store, settings: Settings, summary: Summary, progress: bool,
           on_document: Callable[[str], None] | None, workers: Workers) -> None:
    """Pass 2: clean every document still raw on the workers; link near-duplicates and store here, in order."""
    pending = store.count_pending()
    if not pending:
        return
    clean = settings.clean
    if clean.language_sample and not clean.corpus_languages:
        found = corpus_languages(store.sample_raw_texts(clean.language_sample), clean.languages,
                                 clean.min_letters_for_language)
        clean = replace(clean, corpus_languages=found)
    corpus = store.corpus_lines(clean.chrome_min_share, clean.chrome_min_docs)
    task = partial(_clean_batch, settings=clean, corpus=corpus)
    bar = tqdm(total=pending, desc="cleaning", unit="doc", disable=not progress, delay=2, leave=False)
    size = settings.parallel.batch_size
    tasks_per_commit = max(1, per_commit(pending, settings.parallel) // size)
    cleaned = workers.map(task, store.pending(size), pending)
    for group in batched(cleaned, tasks_per_commit):
        results = [item for task_results in group for item in task_results]
        with store.transaction():
            for origin, doc, values, keys, error in results:
                if doc is None:
                    summary.skipped.append(Skipped(origin, error))
                    store.record_skip(origin, error)
                    continue
                if values is not None:
                    match = store.canonical_copy(doc.id, values, clean.near_duplicate_threshold, keys)
                    if match:
                        doc.duplicate_of, doc.duplicate_similarity = match
                        summary.duplicates_linked += 1
                store.save_clean(doc, values, keys)
                summary.cleaned += 1
        if on_document:
            for _, doc, _, _, _ in results:
                if doc is not None:
                    on_document(doc.id)
        bar.update(len(results))
    bar.close()


def per_commit(documents: int, settings: ParallelSettings) -> int:
    """Documents per store transaction in a pass over ``documents``: about 1/``min_commits`` of them,
    at least a batch and at most ``commit_documents``."""
    return max(settings.batch_size, min(settings.commit_documents, documents // settings.min_commits))


def _read_batch(batch: list[ToRead | Skipped], settings: ReadSettings) -> list[RawDocument | Skipped]:
    """Runs in a worker: read each planned file (what the plan skipped passes through)."""
    return [item for planned in batch
            for item in (read_one(planned, settings) if isinstance(planned, ToRead) else (planned,))]


# origin, document, MinHash, its band keys, error
Cleaned = tuple[str, Document | None, np.ndarray | None, list[tuple[int, int]] | None, str | None]


def _clean_batch(batch: list[tuple[str, RawDocument]], settings: CleanSettings, corpus: CorpusLines) -> list[Cleaned]:
    """Runs in a worker: clean each document and sign it for near-duplicate lookup (the signature's band
    keys too: the lookup and the band index both need them, and made here they are made once, off the
    process that writes the store)."""
    out: list[Cleaned] = []
    for _, raw in batch:
        try:
            doc = clean_document(raw, settings, corpus)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            error = f"could not clean ({type(exc).__name__}: {exc}); please report it"
            out.append((raw.origin, None, None, None, error))
            continue
        values = signature(doc.text, settings)
        out.append((raw.origin, doc, values, None if values is None else band_keys(values), None))
    return out
