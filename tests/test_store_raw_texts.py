"""Migration 8: the text as read lives in ``raw_texts``, out of the documents row that cleaning
updates; a store written before it migrates without losing a text, and ingest goes on from it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from storylens import Store, ingest
from storylens.store.schema import MIGRATIONS

FIRST = ("The dockworkers of the northern port stopped loading ships on Tuesday morning, the union said.\n\n"
         "Managers said the strike would cost the harbour millions of dollars each day it lasted.")
SECOND = ("Flood water reached the old bridge of the river town overnight, and the mayor closed it.\n\n"
          "Volunteers filled sandbags along the embankment until the rain stopped at dawn.")


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA table_info({table})")]


def _store_before_migration_8(path: Path, tmp: Path) -> dict[str, str]:
    """A store as storylens wrote it with seven migrations: one document cleaned, one only read."""
    (tmp / "one").mkdir()
    (tmp / "one" / "port.txt").write_text(FIRST, encoding="utf-8")
    with Store(path) as store:  # cleaned by today's code, then put back into the old layout below
        ingest([tmp / "one"], store, progress=False)
        cleaned = dict(store.db.execute("SELECT doc_id, text FROM raw_texts"))
        clean_text = store.db.execute("SELECT text FROM documents").fetchone()[0]
        clean_id = next(iter(cleaned))
    old = tmp / "old.db"
    con = sqlite3.connect(old, isolation_level=None)
    for script in MIGRATIONS[:7]:
        con.executescript(script)
    con.execute("PRAGMA user_version = 7")
    con.execute("INSERT INTO documents (id, seq, origin, format, status, raw_text, text, ingested_at)"
                " VALUES (?, 1, 'port.txt', 'text', 'clean', ?, ?, '2031-05-01')", (clean_id, FIRST, clean_text))
    con.execute("INSERT INTO documents (id, seq, origin, format, status, raw_text, ingested_at)"
                " VALUES ('f00d', 2, 'flood.txt', 'text', 'raw', ?, '2031-05-01')", (SECOND,))
    con.close()
    return {clean_id: FIRST, "f00d": SECOND}


def test_a_store_of_schema_7_migrates_with_every_raw_text(tmp_path: Path) -> None:
    texts = _store_before_migration_8(tmp_path / "new.db", tmp_path)
    with Store(tmp_path / "old.db") as store:
        assert store.schema_version == len(MIGRATIONS) == 8
        assert "raw_text" not in _columns(store.db, "documents")
        assert dict(store.db.execute("SELECT doc_id, text FROM raw_texts")) == texts
        clean_id = next(d for d in texts if d != "f00d")
        doc = store.document(clean_id)
        assert doc.raw_text == FIRST and "dockworkers" in doc.text
        assert [[(d, raw.text) for d, raw in batch] for batch in store.pending()] == [[("f00d", SECOND)]]
        assert store.sample_raw_texts(10) == [FIRST, SECOND]


def test_ingest_keeps_the_raw_text_beside_the_row_cleaning_writes(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "port.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "c" / "flood.txt").write_text(SECOND + "\n\nShare this article\n", encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        summary = ingest([tmp_path / "c"], store, progress=False)
        assert summary.cleaned == 2
        assert sorted(r[0] for r in store.db.execute("SELECT text FROM raw_texts")) == sorted(
            [FIRST, SECOND + "\n\nShare this article\n"])
        for doc in store.iter_documents():
            assert doc.raw_text in (FIRST, SECOND + "\n\nShare this article\n")
        flood = next(d for d in store.iter_documents() if d.origin.endswith("flood.txt"))
        assert "Share this article" in flood.raw_text
        # deleting a document deletes its raw text: nothing is left behind
        store.db.execute("DELETE FROM documents WHERE id = ?", (flood.id,))
        assert store.db.execute("SELECT COUNT(*) FROM raw_texts").fetchone()[0] == 1
