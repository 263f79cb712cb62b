"""Did a change to ingest alter what it stores? Compares the cleaning results of two stores.

    .venv/bin/python bench/ingest_compare.py OLD.db NEW.db

For every table ingest writes (documents with their raw and cleaned texts, kind, metadata, language,
near-duplicate links, similarities and signatures; passages with their languages; sentences; the
cleaning log; the full-text index; line counts; band keys; skipped files) prints a digest of its rows
in a fixed order on each side, and the first differing rows of a table that differs (exit status 1).
Columns that record when, not what (``ingested_at``, ``seen_at``) are left out. A speed-up of ingest
must print "identical" for every table.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys

# table -> the query of its rows, in an order that does not depend on insertion order.
TABLES = {
    "documents": "SELECT id, seq, origin, format, status, raw_text, text, kind, title, author, source, source_type,"
                 " url, published, language, meta_json, file_meta_json, manifest_json, duplicate_of,"
                 " duplicate_similarity, minhash FROM documents ORDER BY id",
    "passages": "SELECT * FROM passages ORDER BY doc_id, idx",
    "sentences": "SELECT * FROM sentences ORDER BY doc_id, idx",
    "cleaning_log": "SELECT * FROM cleaning_log ORDER BY doc_id, seq",
    "passages_fts": "SELECT text, doc_id, idx FROM passages_fts ORDER BY doc_id, idx",
    "line_counts": "SELECT * FROM line_counts ORDER BY key",
    "minhash_bands": "SELECT * FROM minhash_bands ORDER BY band, key, doc_id",
    "skipped": "SELECT origin, reason FROM skipped ORDER BY origin",
}


def digest(db: sqlite3.Connection, query: str) -> tuple[int, str]:
    """(rows, SHA-256 of their reprs): equal digests mean equal rows in the same order."""
    h = hashlib.sha256()
    n = 0
    for row in db.execute(query):
        h.update(repr(row).encode("utf-8", "surrogatepass"))
        n += 1
    return n, h.hexdigest()[:16]


def first_differences(a: sqlite3.Connection, b: sqlite3.Connection, query: str, shown: int = 3) -> list[str]:
    """The first rows that differ (as printed reprs, cut short)."""
    out = []
    for ra, rb in zip(a.execute(query), b.execute(query)):
        if ra != rb:
            out.append(f"    old {repr(ra)[:300]}\n    new {repr(rb)[:300]}")
            if len(out) >= shown:
                break
    return out


def main() -> None:
    old, new = (sqlite3.connect(f"file:{p}?mode=ro", uri=True) for p in sys.argv[1:3])
    differ = []
    for table, query in TABLES.items():
        (na, da), (nb, db) = digest(old, query), digest(new, query)
        same = (na, da) == (nb, db)
        print(f"{table}: {na} / {nb} rows, {'identical' if same else 'DIFFERENT'}")
        if not same:
            differ.append(table)
            print("\n".join(first_differences(old, new, query)))
    links = [db.execute("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchone()[0]
             for db in (old, new)]
    print(f"near-duplicate links: {links[0]} / {links[1]}; DIFFERENT: {', '.join(differ) or 'none'}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
