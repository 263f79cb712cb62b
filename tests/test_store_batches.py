"""The store reads and writes a batch of documents at a time, with the same result as one by one."""

from __future__ import annotations

from pathlib import Path

import pytest

from storylens.annotate import annotate_store
from storylens.config import AnnotateSettings, Settings
from storylens.doc import RawDocument
from storylens.ingest import ingest
from storylens.store import Store

TEXTS = [f"In the town of Lower Vale, {n} volunteers filled sandbags on {day} as the river kept rising.\n\n"
         f"The mayor said {n * 3} homes had been evacuated and {n // 2} roads were closed.\n"
         for n, day in zip(range(10, 70, 6), ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] * 2)]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        (folder / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    settings = Settings()
    settings.clean.languages = ("en", "ru")
    settings.parallel.workers = 1
    settings.parallel.batch_size = 3
    with Store(tmp_path / "s.db") as store:
        ingest([folder], store, settings, progress=False)
        annotate_store(store, AnnotateSettings(components=("dates", "claims")), progress=False)
        yield store


def test_a_batch_reads_what_one_by_one_reads(store: Store) -> None:
    ids = [r[0] for r in store.db.execute("SELECT id FROM documents ORDER BY seq DESC")]
    batch = store.load_documents([*ids, "no-such-id"])
    assert [d.id for d in batch] == ids  # the order asked for; unknown ids left out
    assert batch == [store.document(i) for i in ids]
    assert all(d.passages and d.sentences for d in batch)
    annotations = store.load_annotations(ids)
    assert annotations == [store.annotations(i) for i in ids]
    assert sum(len(a.claims) for a in annotations) >= len(TEXTS) and all(a.dates for a in annotations)
    with pytest.raises(KeyError, match="no document"):
        store.document("no-such-id")


def test_pending_comes_in_batches_of_every_raw_document_once(tmp_path: Path) -> None:
    with Store(tmp_path / "p.db") as store:
        with store.transaction():
            for i in range(7):
                store.add_raw(RawDocument(f"doc{i}", f"text number {i}", "text"), f"id{i}")
        assert [[doc_id for doc_id, _ in batch] for batch in store.pending(3)] == [
            ["id0", "id1", "id2"], ["id3", "id4", "id5"], ["id6"]]


def test_a_failing_batch_leaves_nothing_of_itself(tmp_path: Path) -> None:
    with Store(tmp_path / "t.db") as store:
        with pytest.raises(RuntimeError, match="stop"):
            with store.transaction():
                store.add_raw(RawDocument("a", "first text", "text"), "a1")
                store.add_raw(RawDocument("b", "second text", "text"), "b1")  # joins the batch's transaction
                raise RuntimeError("stop")
        assert store.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0
        assert store.db.execute("SELECT COUNT(*) FROM line_counts").fetchone()[0] == 0
        assert store.add_raw(RawDocument("a", "first text", "text"), "a1")  # alone: its own transaction
        assert store.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1
