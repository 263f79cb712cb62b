"""The embedded SQLite store (``storylens.db``).

Every write that belongs together happens in one transaction, so a run killed at any
moment leaves either the old or the new state of a document, never half of it; the
next run picks up documents still marked ``raw``.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from operator import itemgetter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np

from storylens.clean.boilerplate import CorpusLines, chrome_candidates
from storylens.clean.neardup import band_keys
from storylens.doc import METADATA_FIELDS, Annotations, Document, Edit, Passage, RawDocument, Sentence
from storylens.store import annotations as rows
from storylens.store.schema import MIGRATIONS

DEFAULT_DB = "storylens.db"
NEAR_DUPLICATE_CANDIDATES = 64  # stored documents compared per near-duplicate lookup: see canonical_copy
SIGNATURES_KEPT = 8192  # signatures of first copies kept in memory for canonical_copy (about 10 MB)


_first = itemgetter(0)


class StoreError(RuntimeError):
    """The database cannot be used; the message says what to do."""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB):
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            # Plain tuples where a query returns many rows per document (a Row costs more to make).
            self._tuples = self.db.cursor()
            self._tuples.row_factory = None
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
            # id -> (seq, MinHash bytes, duplicate_of) of recently compared first copies; see canonical_copy.
            self._signatures: OrderedDict[str, tuple[int, bytes, str | None]] = OrderedDict()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable storylens database ({exc}); choose another file with --db") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        version = self.schema_version
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path} was written by a newer storylens (schema {version}); upgrade storylens to read it"
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            # executescript commits first; the version bump is part of the same script.
            self.db.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
        if version < 3 <= len(MIGRATIONS):
            self._backfill_bands()

    def _backfill_bands(self) -> None:
        with self.transaction():
            for doc_id, blob in self.db.execute("SELECT id, minhash FROM documents WHERE minhash IS NOT NULL"
                                                " AND duplicate_of IS NULL").fetchall():
                self.db.executemany("INSERT INTO minhash_bands VALUES (?, ?, ?)",
                                    [(b, k, doc_id) for b, k in band_keys(np.frombuffer(blob, dtype=np.uint64))])

    def transaction(self) -> _Transaction:
        return _Transaction(self.db)

    @contextmanager
    def page_cache(self, mb: int) -> Iterator[None]:
        """At least ``mb`` MB of SQLite page cache inside the block, the previous size after it."""
        before = self.db.execute("PRAGMA cache_size").fetchone()[0]
        before_kib = -before if before < 0 else before * self.db.execute("PRAGMA page_size").fetchone()[0] // 1024
        if mb * 1024 > before_kib:
            self.db.execute(f"PRAGMA cache_size = {-int(mb) * 1024}")
        try:
            yield
        finally:
            self.db.execute(f"PRAGMA cache_size = {int(before)}")

    @contextmanager
    def checkpoint_every(self, mb: int) -> Iterator[None]:
        """Inside the block, WAL checkpoints once the log holds ``mb`` MB (never more often than before);
        the previous setting after it.

        For ingest, whose commits rewrite the same index pages again and again: each checkpoint copies
        every page changed since the last one into the database file, so checkpoints every 4 MB (SQLite's
        default) copied the hot pages back many times over. A commit is in the log either way, so a killed
        run keeps every commit it made; with ``synchronous = NORMAL`` the log is synced to disk at
        checkpoints, so a power loss may roll back up to ``mb`` MB of the latest commits (whole ones: the
        log's checksums drop a torn tail), which the next run reads and cleans again."""
        before = self.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        pages = mb * 2**20 // self.db.execute("PRAGMA page_size").fetchone()[0]
        if before > 0 and pages > before:
            self.db.execute(f"PRAGMA wal_autocheckpoint = {int(pages)}")
        try:
            yield
        finally:
            self.db.execute(f"PRAGMA wal_autocheckpoint = {int(before)}")

    @contextmanager
    def unchecked_references(self) -> Iterator[None]:
        """Foreign keys not enforced inside the block (outside any transaction), enforced again after.

        For ingest, whose rows all belong to documents it stored itself: with enforcement on, setting a
        document's ``duplicate_of`` (a reference to ``documents`` itself) cost 0.17 ms a document,
        nearly a third of ``save_clean``. ``ON DELETE CASCADE`` does not act inside the block either;
        ingest deletes derived rows itself (``_delete_derived``)."""
        self.db.execute("PRAGMA foreign_keys = OFF")
        try:
            yield
        finally:
            self.db.execute("PRAGMA foreign_keys = ON")

    # --- writing -----------------------------------------------------------------------

    def add_raw(self, raw: RawDocument, doc_id: str) -> bool:
        """Store a document as read; False when the same content is already stored."""
        return self.add_raws([(raw, doc_id)])[0]

    def add_raws(self, items: list[tuple[RawDocument, str]]) -> list[bool]:
        """Store documents as read, in order, in one transaction and one statement per table; for
        each, False when the same content is already stored (or came earlier in ``items``)."""
        if not items:
            return []
        with self.transaction():
            ids = list({doc_id for _, doc_id in items})
            stored = {r[0] for r in self._tuples.execute(
                f"SELECT id FROM documents WHERE id IN ({', '.join('?' * len(ids))})", ids)}
            # One MAX per status value uses the (status, seq) index; a plain MAX(seq) scans it all.
            seq = self.db.execute(
                "SELECT COALESCE(MAX(m), 0) FROM (SELECT MAX(seq) AS m FROM documents WHERE status = 'raw'"
                " UNION ALL SELECT MAX(seq) FROM documents WHERE status = 'clean')"
            ).fetchone()[0]
            now = _now()
            added, rows, lines = [], [], []
            for raw, doc_id in items:
                added.append(doc_id not in stored)
                if not added[-1]:
                    continue
                stored.add(doc_id)
                seq += 1
                rows.append((doc_id, seq, raw.origin, raw.format, raw.text, json.dumps(raw.meta, ensure_ascii=False),
                             json.dumps(raw.manifest, ensure_ascii=False), now))
                lines += [(key,) for key in chrome_candidates(raw.text)]
            self.db.executemany(
                "INSERT INTO documents (id, seq, origin, format, status, raw_text, file_meta_json, manifest_json,"
                " ingested_at) VALUES (?, ?, ?, ?, 'raw', ?, ?, ?, ?)", rows)
            self.db.executemany(
                "INSERT INTO line_counts (key, documents) VALUES (?, 1)"
                " ON CONFLICT(key) DO UPDATE SET documents = documents + 1", lines)
        return added

    def pending(self, batch_size: int = 64) -> Iterator[list[tuple[str, RawDocument]]]:
        """Documents read but not yet cleaned, in the order they were read, a batch per query."""
        after = 0
        while True:
            rows = self.db.execute(
                "SELECT seq, id, origin, format, raw_text, file_meta_json, manifest_json FROM documents"
                " WHERE status = 'raw' AND seq > ? ORDER BY seq LIMIT ?", (after, batch_size)).fetchall()
            if not rows:
                return
            after = rows[-1]["seq"]
            yield [(r["id"], RawDocument(r["origin"], r["raw_text"], r["format"], json.loads(r["file_meta_json"]),
                                         json.loads(r["manifest_json"]))) for r in rows]

    def sample_raw_texts(self, size: int) -> list[str]:
        """The texts (as read) of about ``size`` documents spread evenly over the corpus, the same on every run."""
        total = self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM documents").fetchone()[0]
        step = max(1, math.ceil(total / size)) if size > 0 else 0
        if not step:
            return []
        return [r[0] for r in self.db.execute(
            "SELECT raw_text FROM documents WHERE (seq - 1) % ? = 0 ORDER BY seq LIMIT ?", (step, size))]

    def count_pending(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM documents WHERE status = 'raw'").fetchone()[0]

    def save_clean(self, doc: Document, minhash: np.ndarray | None,
                   keys: list[tuple[int, int]] | None = None) -> None:
        """Replace a document's cleaned state (text, structure, log, search index) in one transaction.

        ``keys``: the band keys of ``minhash`` when the caller has them (ingest makes them once, on the
        workers, for the lookup and the index alike); made here otherwise."""
        with self.transaction():
            # Only a clean document has derived rows (they are written with its status, in one
            # transaction); skipping the delete for raw ones avoids a full scan of passages_fts.
            row = self.db.execute("SELECT status, seq FROM documents WHERE id = ?", (doc.id,)).fetchone()
            if row is not None and row[0] == "clean":
                self._delete_derived(doc.id)
            meta = {"meta": doc.meta, "meta_from": doc.meta_from}
            columns = {field: doc.meta.get(field) for field in METADATA_FIELDS}
            self.db.execute(
                "UPDATE documents SET status = 'clean', annotated_at = NULL, text = ?, kind = ?, meta_json = ?,"
                " duplicate_of = ?,"
                " duplicate_similarity = ?, minhash = ?, "
                + ", ".join(f"{field} = ?" for field in columns)
                + " WHERE id = ?",
                (doc.text, doc.kind, json.dumps(meta, ensure_ascii=False), doc.duplicate_of,
                 doc.duplicate_similarity, None if minhash is None else minhash.tobytes(),
                 *columns.values(), doc.id),
            )
            self.db.executemany(
                "INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?)",
                [(doc.id, i, p.start, p.end, p.kind, p.language) for i, p in enumerate(doc.passages)],
            )
            self.db.executemany(
                "INSERT INTO sentences VALUES (?, ?, ?, ?, ?)",
                [(doc.id, i, s.passage, s.start, s.end) for i, s in enumerate(doc.sentences)],
            )
            self.db.executemany(
                "INSERT INTO cleaning_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(doc.id, i, e.step, e.rule, e.start, e.end, e.before, e.after) for i, e in enumerate(doc.log)],
            )
            self.db.executemany(
                "INSERT INTO passages_fts (text, doc_id, idx) VALUES (?, ?, ?)",
                [(doc.text[p.start:p.end], doc.id, i) for i, p in enumerate(doc.passages)],
            )
            # Only first copies are indexed: a copy is found through its original, and a corpus
            # full of republished copies cannot make every lookup return thousands of candidates.
            if minhash is not None and doc.duplicate_of is None:
                self.db.executemany("INSERT INTO minhash_bands VALUES (?, ?, ?)",
                                    [(band, key, doc.id) for band, key in
                                     (band_keys(minhash) if keys is None else keys)])
                if row is not None:
                    self._keep_signatures({doc.id: (row[1], minhash.tobytes(), None)})

    def _delete_derived(self, doc_id: str, tables: tuple[str, ...] | None = None) -> None:
        cleaning = ("passages", "sentences", "cleaning_log", "passages_fts")
        for table in tables or (*cleaning, *rows.DERIVED_TABLES):
            self.db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))

    def save_annotations(self, doc_id: str, ann: Annotations) -> None:
        """Replace a document's annotations in one transaction and mark it annotated."""
        with self.transaction():
            self._delete_derived(doc_id, rows.DERIVED_TABLES)
            for table, attr in rows.ATTRIBUTES.items():
                self.db.executemany(rows.insert_sql(table),
                                    [rows.to_row(doc_id, i, item) for i, item in enumerate(getattr(ann, attr))])
            self.db.executemany(
                "INSERT INTO passage_techniques VALUES (?, ?, ?, ?)",
                [(doc_id, p, label, score) for p, scored in ann.techniques.items() for label, score in scored],
            )
            self.db.executemany(
                "INSERT INTO document_labels VALUES (?, ?, ?, ?)",
                [(doc_id, task, label, score) for task, scored in ann.labels.items() for label, score in scored],
            )
            self.db.executemany("INSERT INTO sentence_scores VALUES (?, ?, ?)",
                                [(doc_id, s, score) for s, score in ann.checkworthiness.items()])
            self.db.execute("UPDATE documents SET annotated_at = ? WHERE id = ?", (_now(), doc_id))

    def annotations(self, doc_id: str) -> Annotations:
        return self.load_annotations([doc_id])[0]

    def load_annotations(self, ids: list[str]) -> list[Annotations]:
        """Each document's annotations, in the order given: one query per table for the whole batch."""
        out = {doc_id: Annotations() for doc_id in ids}
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        for table, attr in rows.ATTRIBUTES.items():
            cls = rows.TABLES[table]
            for r in self.db.execute(f"SELECT * FROM {table} WHERE doc_id IN ({marks}) ORDER BY doc_id, idx", ids):
                getattr(out[r["doc_id"]], attr).append(rows.from_row(cls, r))
        for r in self.db.execute("SELECT doc_id, passage, technique, score FROM passage_techniques"
                                 f" WHERE doc_id IN ({marks}) ORDER BY doc_id, passage, score DESC", ids):
            out[r[0]].techniques.setdefault(r[1], []).append((r[2], r[3]))
        for r in self.db.execute(f"SELECT doc_id, task, label, score FROM document_labels WHERE doc_id IN ({marks})"
                                 " ORDER BY doc_id, score DESC", ids):
            out[r[0]].labels.setdefault(r[1], []).append((r[2], r[3]))
        for r in self.db.execute(f"SELECT doc_id, sentence, checkworthiness FROM sentence_scores"
                                 f" WHERE doc_id IN ({marks})", ids):
            out[r[0]].checkworthiness[r[1]] = r[2]
        return [out[doc_id] for doc_id in ids]

    def unannotated(self) -> int:
        """How many clean documents are not annotated yet."""
        return self.db.execute(
            "SELECT COUNT(*) FROM documents WHERE status = 'clean' AND annotated_at IS NULL").fetchone()[0]

    def unannotated_batches(self, size: int) -> Iterator[list[str]]:
        """The ids of the clean documents not annotated yet, in reading order, ``size`` at a time.

        Each batch is read when it is asked for, after the last one's place in the order (the
        ``(status, seq)`` index), so no list of the whole corpus's ids is held, and a batch stored
        meanwhile is not read again."""
        seq, last = 0, ""
        while True:
            rows = self.db.execute(
                "SELECT seq, id FROM documents WHERE status = 'clean' AND annotated_at IS NULL"
                " AND (seq, id) > (?, ?) ORDER BY seq, id LIMIT ?", (seq, last, size)).fetchall()
            if not rows:
                return
            seq, last = rows[-1]
            yield [doc_id for _, doc_id in rows]

    def set_entities(self, entities: list[dict[str, Any]], form_entity: dict[tuple[str, str, str], str]) -> None:
        """Replace the corpus-wide entities and point each mention at its entity.

        ``form_entity`` maps a mention's (text, label, document language) to its entity: resolution
        treats such mentions alike, so the mentions are updated in SQL, none read into memory.
        """
        with self.transaction():
            self.db.execute("DELETE FROM entities")
            self.db.executemany(
                "INSERT INTO entities VALUES (?, ?, ?, ?, ?)",
                [(e["id"], e["name"], e["label"], json.dumps(sorted(e["aliases"]), ensure_ascii=False),
                  json.dumps(e["why"], ensure_ascii=False)) for e in entities],
            )
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS entity_forms (text TEXT, label TEXT, language TEXT,"
                            " entity_id TEXT, PRIMARY KEY (text, label, language))")
            self.db.execute("DELETE FROM entity_forms")
            self.db.executemany("INSERT INTO entity_forms VALUES (?, ?, ?, ?)",
                                [(*form, eid) for form, eid in form_entity.items()])
            self.db.execute(
                "UPDATE entity_mentions SET entity_id = (SELECT f.entity_id FROM entity_forms f"
                " WHERE f.text = entity_mentions.text AND f.label = entity_mentions.label AND f.language ="
                " (SELECT COALESCE(d.language, '') FROM documents d WHERE d.id = entity_mentions.doc_id))")
            self.db.execute("DELETE FROM entity_forms")

    def record_skip(self, origin: str, reason: str) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO skipped VALUES (?, ?, ?)", (origin, reason, _now()))

    def start_run(self, command: str) -> int:
        with self.transaction():
            return self.db.execute("INSERT INTO runs (command, started_at) VALUES (?, ?)", (command, _now())).lastrowid

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        with self.transaction():
            self.db.execute("UPDATE runs SET finished_at = ?, summary_json = ? WHERE id = ?",
                            (_now(), json.dumps(summary, ensure_ascii=False), run_id))

    # --- corpus-level state for cleaning -------------------------------------------------

    def corpus_lines(self, min_share: float = 0.0, min_documents: int = 2) -> CorpusLines:
        """Lines in at least ``min_documents`` documents and ``min_share`` of the corpus, with their counts.

        Only lines above the chrome floor can change what cleaning does, so only they are loaded:
        a handful, whatever the size of the corpus (they go to every worker with every batch).
        """
        documents = self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        floor = max(min_documents, math.ceil(min_share * documents))
        counts = dict(self.db.execute("SELECT key, documents FROM line_counts WHERE documents >= ?", (floor,)))
        return CorpusLines(counts, documents)

    def canonical_copy(self, doc_id: str, values: np.ndarray, threshold: float,
                       keys: list[tuple[int, int]] | None = None) -> tuple[str, float] | None:
        """The first copy of the most similar stored document at or above ``threshold``, if any.

        Only the ``NEAR_DUPLICATE_CANDIDATES`` documents sharing the most bands with ``values`` are
        compared: in a corpus of many variants of a few stories some band buckets grow with the
        corpus (158 candidates per lookup at 16,000 generated documents, 45 at 4,000). A copy at
        the threshold shares about a quarter of the bands, a loose relative (Jaccard 0.4) fewer
        than one, so the best match ranks first (2 of 16,000 links differ, both at the threshold).

        The buckets are read from the covering index, counted and ranked in SQL; the candidates' signatures
        come from memory when they were compared or stored lately (the same first copies are the
        candidates of lookup after lookup), else in one query: a signature stored in the documents
        row sits behind the raw and cleaned text, and reading it there cost more as the store grew.
        """
        keys = band_keys(values) if keys is None else keys
        # Most shared bands first, ties by id, counted and ranked by SQLite: counting the bucket rows in
        # Python (a Counter, then the best 64 of it) cost twice the query that read them.
        top = self._tuples.execute(_lookup_sql(len(keys)), [*(x for pair in keys for x in pair), doc_id,
                                                             NEAR_DUPLICATE_CANDIDATES]).fetchall()
        if not top:
            return None
        found = self._signatures_of(list(map(_first, top)))
        if not found:
            return None
        ids, entries = list(found), list(found.values())
        # All candidates at once: a corpus of many loose variants of a few stories gives every lookup many.
        signatures = np.frombuffer(b"".join(e[1] for e in entries), dtype=np.uint64).reshape(len(entries), -1)
        # The share of equal values, as .mean(axis=1) gives it (a count over a power of two: exact either
        # way) at a third of its cost.
        scores = np.count_nonzero(signatures == values, axis=1) / signatures.shape[1]
        top_score = scores.max()
        if top_score < threshold:
            return None
        # The earliest stored of the best (seqs are unique): what ranking all by seq and taking the first
        # best gave, without the sort.
        best = min((entries[i][0], i) for i in np.flatnonzero(scores == top_score).tolist())[1]
        return entries[best][2] or ids[best], float(scores[best])

    def _signatures_of(self, ids: list[str]) -> dict[str, tuple[int, bytes, str | None]]:
        """(seq, MinHash bytes, duplicate_of) of these stored documents: from memory, the rest in one query."""
        found = {}
        missing = []
        for doc_id in ids:
            if doc_id in self._signatures:
                self._signatures.move_to_end(doc_id)
                found[doc_id] = self._signatures[doc_id]
            else:
                missing.append(doc_id)
        if missing:
            read = {r[0]: (r[1], r[2], r[3]) for r in self.db.execute(
                f"SELECT id, seq, minhash, duplicate_of FROM documents WHERE id IN ({', '.join('?' * len(missing))})",
                missing)}
            found.update(read)
            self._keep_signatures(read)
        return found

    def _keep_signatures(self, items: dict[str, tuple[int, bytes, str | None]]) -> None:
        """Remember signatures, the least recently used going first beyond ``SIGNATURES_KEPT``.

        An id is a content hash and a document's seq and signature never change once stored, so a
        remembered entry cannot go stale."""
        self._signatures.update(items)
        while len(self._signatures) > SIGNATURES_KEPT:
            self._signatures.popitem(last=False)

    # --- what the relate stage found ------------------------------------------------------

    def save_relations(self, kind: str, items: list[dict[str, Any]], *, label: str | None = None,
                       status: str | None = None, members: Iterable[tuple[str, str, int]] | None = None) -> None:
        """Replace every stored item of ``kind`` (story, claim_group, contested, actor_label, timeline_day).

        ``label``/``status`` name the item keys copied into their own columns for filtering;
        ``members`` (claim groups) are ``(group id, doc id, claim idx)`` rows, so that a claim's
        group is one indexed lookup.
        """
        with self.transaction():
            self.db.execute("DELETE FROM relations WHERE kind = ?", (kind,))
            self.db.executemany(  # rows made as written: the JSON of all items is never held at once
                "INSERT INTO relations VALUES (?, ?, ?, ?, ?, ?)",
                ((kind, str(item["id"]), seq, item.get(label) if label else None,
                  item.get(status) if status else None, json.dumps(item, ensure_ascii=False))
                 for seq, item in enumerate(items)),
            )
            if members is not None:
                # The members come group by group, so their claims' ids come in no order: kept up row by row,
                # the indexes by claim took a page the cache no longer held for nearly every row once they
                # outgrew it (the step's save: 1.8 s at 16,000 documents, 20.9 s at 100,000). Built again
                # after the rows, each is one sort.
                indexes = self.db.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'claim_group_members'"
                    " AND sql IS NOT NULL ORDER BY name").fetchall()
                for name, _ in indexes:
                    self.db.execute(f'DROP INDEX "{name}"')
                self.db.execute("DELETE FROM claim_group_members")
                self.db.executemany("INSERT OR IGNORE INTO claim_group_members VALUES (?, ?, ?)", members)
                for _, sql in indexes:
                    self.db.execute(sql)

    def relations(self, kind: str) -> list[dict[str, Any]]:
        """The stored items of ``kind`` in the order the relate step produced them."""
        return list(self.iter_relations(kind))

    def iter_relations(self, kind: str) -> Iterator[dict[str, Any]]:
        """As :meth:`relations`, read as consumed (claim groups grow with the corpus)."""
        for r in self.db.execute("SELECT data_json FROM relations WHERE kind = ? ORDER BY seq", (kind,)):
            yield json.loads(r[0])

    def save_document_relations(self, rows: dict[str, tuple[str | None, bool, dict[str, Any]]]) -> None:
        """Each document's story, whether it is off-event, and why: ``{doc_id: (story, off_event, why)}``."""
        with self.transaction():
            self.db.execute("DELETE FROM document_relations")
            self.db.executemany("INSERT INTO document_relations VALUES (?, ?, ?, ?)",  # made as written
                                ((doc_id, story, int(off), json.dumps(why, ensure_ascii=False))
                                 for doc_id, (story, off, why) in rows.items()))

    def document_relations(self, ids: list[str] | None = None) -> dict[str, tuple[str | None, bool, dict[str, Any]]]:
        """Each document's ``(story, off_event, why)``: of ``ids`` (a batch), or of every document."""
        sql = "SELECT doc_id, story, off_event, why_json FROM document_relations"
        if ids is None:
            return {r[0]: (r[1], bool(r[2]), json.loads(r[3])) for r in self.db.execute(sql)}
        return {r[0]: (r[1], bool(r[2]), json.loads(r[3]))
                for r in self.db.execute(f"{sql} WHERE doc_id IN ({', '.join('?' * len(ids))})", ids)}

    def off_event_ids(self) -> set[str]:
        """The documents the stories step flagged as about another event."""
        return {r[0] for r in self.db.execute("SELECT doc_id FROM document_relations WHERE off_event = 1")}

    def corpus_state(self) -> str:
        """A fingerprint of what relate reads: documents and their annotations."""
        row = self.db.execute("SELECT COUNT(*), MAX(annotated_at), MAX(seq) FROM documents WHERE status = 'clean'").fetchone()
        entities = self.db.execute("SELECT COUNT(*) FROM entities").fetchone()[0]
        return f"{row[0]}:{row[1]}:{row[2]}:{entities}"

    def set_state(self, key: str, value: str) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO relate_state VALUES (?, ?)", (key, value))

    def state(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM relate_state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    # --- reading -------------------------------------------------------------------------

    def resolve(self, ref: str) -> str:
        """A full document id from an id prefix (as printed by ``storylens docs``)."""
        rows = self.db.execute("SELECT id FROM documents WHERE id LIKE ? LIMIT 2", (ref.lower() + "%",)).fetchall()
        if not rows:
            raise KeyError(f"no document with id {ref!r}; list them with 'storylens docs'")
        if len(rows) > 1:
            raise KeyError(f"{ref!r} matches several documents; give more characters of the id")
        return rows[0][0]

    def document(self, doc_id: str) -> Document:
        docs = self.load_documents([doc_id])
        if not docs:
            raise KeyError(f"no document with id {doc_id!r}")
        return docs[0]

    def load_documents(self, ids: list[str]) -> list[Document]:
        """The stored documents with these ids, in the order given (unknown ids left out): four queries in all."""
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        docs: dict[str, Document] = {}
        for row in self.db.execute(f"SELECT * FROM documents WHERE id IN ({marks})", ids):
            stored = json.loads(row["meta_json"])
            docs[row["id"]] = Document(
                id=row["id"], origin=row["origin"], format=row["format"], raw_text=row["raw_text"],
                text=row["text"] if row["text"] is not None else row["raw_text"],
                meta=stored.get("meta", {}), meta_from=stored.get("meta_from", {}), kind=row["kind"] or "",
                duplicate_of=row["duplicate_of"], duplicate_similarity=row["duplicate_similarity"],
            )
        q = f"SELECT * FROM {{}} WHERE doc_id IN ({marks}) ORDER BY doc_id, {{}}"
        for r in self.db.execute(q.format("passages", "idx"), ids):
            docs[r["doc_id"]].passages.append(Passage(r["start_char"], r["end_char"], r["kind"], r["language"]))
        for r in self.db.execute(q.format("sentences", "idx"), ids):
            docs[r["doc_id"]].sentences.append(Sentence(r["start_char"], r["end_char"], r["passage"]))
        for r in self.db.execute(q.format("cleaning_log", "seq"), ids):
            docs[r["doc_id"]].log.append(Edit(r["step"], r["rule"], r["start_char"], r["end_char"], r["before"],
                                              r["after"]))
        return [docs[i] for i in ids if i in docs]

    def documents(self, limit: int | None = None) -> list[sqlite3.Row]:
        sql = (
            "SELECT id, status, kind, source, source_type, language, published, title, origin, duplicate_of,"
            " length(text) AS chars FROM documents ORDER BY seq"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self.db.execute(sql).fetchall()

    def iter_documents(self, batch_size: int = 64) -> Iterator[Document]:
        ids = [r[0] for r in self.db.execute("SELECT id FROM documents WHERE status = 'clean' ORDER BY seq")]
        for at in range(0, len(ids), batch_size):
            yield from self.load_documents(ids[at:at + batch_size])

    def search(self, query: str, limit: int = 20) -> list[sqlite3.Row]:
        """Passages matching an FTS5 query, best first, with a highlighted snippet."""
        try:
            return self.db.execute(
                "SELECT f.doc_id, f.idx, d.source, d.title, snippet(passages_fts, 0, '[', ']', '…', 16) AS snippet,"
                " p.start_char, p.end_char FROM passages_fts f JOIN documents d ON d.id = f.doc_id"
                " JOIN passages p ON p.doc_id = f.doc_id AND p.idx = f.idx"
                " WHERE passages_fts MATCH ? ORDER BY rank LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise ValueError(f"cannot search for {query!r} ({exc}); put phrases in double quotes") from None

    def counts(self) -> dict[str, int]:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT COUNT(*) FROM documents"),
            "clean": one("SELECT COUNT(*) FROM documents WHERE status = 'clean'"),
            "duplicates": one("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL"),
            "passages": one("SELECT COUNT(*) FROM passages"),
        }


@lru_cache(maxsize=8)
def _lookup_sql(bands: int) -> str:
    """The first copies sharing any of ``bands`` (band, key) pairs, but the document looked up, the most
    shared bands first, ties by id (ids are hex digests: SQLite's order of them is Python's)."""
    marks = ", ".join("(?, ?)" for _ in range(bands))
    return (f"SELECT b.doc_id FROM (VALUES {marks}) AS q JOIN minhash_bands b ON b.band = q.column1"
            " AND b.key = q.column2 WHERE b.doc_id <> ? GROUP BY b.doc_id ORDER BY COUNT(*) DESC, b.doc_id LIMIT ?")


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (including KeyboardInterrupt).

    Inside another transaction it joins that one: a batch of documents is written by the
    same methods that write one, in one transaction (and one commit) for the batch.
    """

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.outer = False

    def __enter__(self) -> None:
        self.outer = not self.db.in_transaction
        if self.outer:
            self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: type | None, *rest: object) -> None:
        if self.outer:
            self.db.execute("ROLLBACK" if exc_type else "COMMIT")
