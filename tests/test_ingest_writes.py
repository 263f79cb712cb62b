"""Ingest's write path at scale: transactions of many documents, the near-duplicate lookup from the
covering index and from signatures kept in memory, the page cache, and the byte-counted script test."""

from __future__ import annotations

import random
import re
from pathlib import Path

import numpy as np
import pytest

from storylens.clean.language import _script
from storylens.config import ParallelSettings, Settings
from storylens.ingest import ingest, per_commit
from storylens.store import Store
from storylens.store import db as store_db
from tests.test_resume import (LANGUAGES, NO_ANNOTATE, PYTHON, SLOW_WRAPPER, _kill_resume_and_compare,  # noqa: F401
                               corpus, reference)

PARAGRAPHS = [
    "Rescue crews in Port Aldis said {n} houses were still under water on {day}, and the mayor asked for calm.",
    "The union said {n} pilots had joined the strike; the airline put the number at {m} and cancelled flights.",
    "An explosion at a plant outside Greystone killed {m} workers on {day}, officials said, and {n} were injured.",
    "Volunteers brought blankets to {n} families cut off by the flood near Millford, a councillor said.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _corpus(folder: Path, n: int = 120, seed: int = 5) -> Path:
    """Documents that are variants of four stories: many share bands, some are near-duplicates."""
    rng = random.Random(seed)
    folder.mkdir()
    for i in range(n):
        paras = [rng.choice(PARAGRAPHS).format(n=rng.randint(2, 400), m=rng.randint(2, 90), day=rng.choice(DAYS))
                 for _ in range(rng.randint(3, 6))]
        if i % 4 == 3:  # a reposted copy of an earlier document with one line added
            paras = (folder / f"{i - 1:03d}.txt").read_text(encoding="utf-8").split("\n\n") + ["Shared from our channel."]
        (folder / f"{i:03d}.txt").write_text("\n\n".join(p.strip() for p in paras) + "\n", encoding="utf-8")
    return folder


def _stored(db: Path) -> dict[str, list[tuple]]:
    with Store(db) as store:
        return {
            "documents": store.db.execute("SELECT id, seq, text, language, duplicate_of, duplicate_similarity, minhash"
                                          " FROM documents ORDER BY id").fetchall(),
            "passages": store.db.execute("SELECT * FROM passages ORDER BY doc_id, idx").fetchall(),
            "log": store.db.execute("SELECT * FROM cleaning_log ORDER BY doc_id, seq").fetchall(),
            "bands": store.db.execute("SELECT band, key, doc_id FROM minhash_bands ORDER BY 1, 2, 3").fetchall(),
            "lines": store.db.execute("SELECT * FROM line_counts ORDER BY key").fetchall(),
        }


def _settings(**parallel: int) -> Settings:
    settings = Settings()
    settings.clean.languages = ("en", "ru")
    settings.parallel.workers = 1
    for key, value in parallel.items():
        setattr(settings.parallel, key, value)
    return settings


def test_transactions_of_many_documents_store_what_small_ones_store(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    small, large = tmp_path / "small.db", tmp_path / "large.db"
    with Store(small) as store:
        ingest([corpus], store, _settings(batch_size=4, commit_documents=4), progress=False)
    with Store(large) as store:
        summary = ingest([corpus], store, _settings(batch_size=4, commit_documents=64, min_commits=2), progress=False)
    assert summary.duplicates_linked >= 25  # every fourth document is a copy
    assert [tuple(r) for r in _stored(large)["documents"]] == [tuple(r) for r in _stored(small)["documents"]]
    for table in ("passages", "log", "bands", "lines"):
        assert [tuple(r) for r in _stored(large)[table]] == [tuple(r) for r in _stored(small)[table]], table


def test_a_run_is_committed_in_parts_of_its_size() -> None:
    settings = ParallelSettings(batch_size=32, commit_documents=512, min_commits=32)
    assert per_commit(300, settings) == 32  # a small run: one batch per transaction, as before
    assert per_commit(4_000, settings) == 125
    assert per_commit(100_000, settings) == 512  # never more than this lost to a kill


def test_remembered_signatures_give_the_lookup_of_a_fresh_store(tmp_path: Path, monkeypatch) -> None:
    """Lookups with signatures in memory (and evicted from it) answer as lookups that read every one."""
    corpus = _corpus(tmp_path / "corpus", n=80, seed=9)
    monkeypatch.setattr(store_db, "SIGNATURES_KEPT", 8)  # most candidates come and go
    db = tmp_path / "s.db"
    with Store(db) as store:
        ingest([corpus], store, _settings(batch_size=8), progress=False)
        rows = store.db.execute("SELECT id, minhash FROM documents WHERE minhash IS NOT NULL ORDER BY seq").fetchall()
        remembered = [store.canonical_copy(doc_id + "-probe", np.frombuffer(blob, dtype=np.uint64), 0.7)
                      for doc_id, blob in rows]
        assert len(store._signatures) <= 8
    with Store(db) as fresh:
        assert not fresh._signatures
        read = [fresh.canonical_copy(doc_id + "-probe", np.frombuffer(blob, dtype=np.uint64), 0.7)
                for doc_id, blob in rows]
    assert remembered == read
    assert sum(match is not None for match in read) == len(rows)  # each finds itself or its first copy


def test_the_lookup_reads_band_buckets_from_the_covering_index(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        plan = " ".join(str(tuple(r)) for r in store.db.execute(
            "EXPLAIN QUERY PLAN " + store_db._lookup_sql(2), (1, 2, 3, 4, "x", 64)))
        assert "COVERING INDEX minhash_bands_lookup" in plan
        assert store.db.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'minhash_bands_key'").fetchone()[0] == 0


def test_the_lookup_ranks_candidates_as_counting_them_in_python_did(tmp_path: Path) -> None:
    """SQLite counts each first copy's shared bands and keeps the best, ties by id: the candidates, in
    their order, are those of counting the bucket rows in Python and keeping the best (the lookup
    before), with a cap small enough to bind and cut through ties, the document itself left out."""
    from collections import Counter
    from heapq import nsmallest

    from storylens.clean.neardup import band_keys

    corpus = _corpus(tmp_path / "corpus", n=80, seed=12)
    with Store(tmp_path / "s.db") as store:
        ingest([corpus], store, _settings(batch_size=8), progress=False)
        rows = store.db.execute("SELECT id, minhash FROM documents WHERE minhash IS NOT NULL ORDER BY seq").fetchall()
        binding = 0
        for doc_id, blob in rows:
            keys = band_keys(np.frombuffer(blob, dtype=np.uint64))
            shared = Counter(r[0] for r in store.db.execute(
                "SELECT doc_id FROM minhash_bands WHERE " + " OR ".join("(band = ? AND key = ?)" for _ in keys),
                [x for pair in keys for x in pair]))
            shared.pop(doc_id, None)
            for cap in (3, 64):
                expected = [c for c, _ in nsmallest(cap, shared.items(), key=lambda item: (-item[1], item[0]))]
                got = [r[0] for r in store.db.execute(store_db._lookup_sql(len(keys)),
                                                      [*(x for pair in keys for x in pair), doc_id, cap])]
                assert got == expected, doc_id
                binding += cap == 3 and len(shared) > 3
        assert binding >= 10  # the cap did cut the candidates, ties included


def _ranked_by_sorting(store: Store, doc_id: str, values: np.ndarray, threshold: float) -> tuple[str, float] | None:
    """The lookup's choice as it was made before round 19: every candidate sorted by seq, the mean of
    equal values as the score, the first best."""
    from storylens.clean.neardup import band_keys

    keys = band_keys(values)
    top = store._tuples.execute(store_db._lookup_sql(len(keys)), [*(x for pair in keys for x in pair), doc_id,
                                                                  store_db.NEAR_DUPLICATE_CANDIDATES]).fetchall()
    found = store._signatures_of([r[0] for r in top]) if top else {}
    candidates = sorted((seq, candidate, blob, duplicate_of) for candidate, (seq, blob, duplicate_of) in found.items())
    if not candidates:
        return None
    signatures = np.frombuffer(b"".join(c[2] for c in candidates), dtype=np.uint64).reshape(len(candidates), -1)
    scores = (signatures == values).mean(axis=1)
    best = int(np.argmax(scores))
    if scores[best] < threshold:
        return None
    return candidates[best][3] or candidates[best][1], float(scores[best])


def test_the_lookup_picks_the_earliest_best_as_sorting_by_seq_did(tmp_path: Path) -> None:
    """Scores counted (not averaged) and the earliest best found without a sort: the same match and the same
    score, bit for bit, on stores full of ties (identical copies stored in an order their ids do not follow,
    some of them marked as copies of another), with the band keys passed in or made by the lookup."""
    from storylens.clean.neardup import ROWS_PER_BAND, band_keys

    rng = np.random.default_rng(19)
    bases = rng.integers(0, 2**62, (4, 128), dtype=np.uint64)

    def variant() -> np.ndarray:
        out = bases[rng.integers(len(bases))].copy()
        for band in rng.choice(32, int(rng.integers(0, 20)), replace=False):
            out[band * ROWS_PER_BAND:(band + 1) * ROWS_PER_BAND] = rng.integers(0, 4, ROWS_PER_BAND)
        return out

    stored = [variant() for _ in range(60)]
    stored += [stored[int(i)].copy() for i in rng.integers(0, 60, 40)]  # identical copies: tied scores
    ids = [f"d{i:03d}" for i in rng.permutation(len(stored))]  # seq order is not id order
    with Store(tmp_path / "s.db") as store:
        for seq, (doc_id, values) in enumerate(zip(ids, stored), start=1):
            duplicate_of = ids[0] if seq % 7 == 0 else None
            store.db.execute(
                "INSERT INTO documents (id, seq, origin, format, status, raw_text, minhash, duplicate_of, ingested_at)"
                " VALUES (?, ?, 'x', 'text', 'clean', '', ?, ?, '')", (doc_id, seq, values.tobytes(), duplicate_of))
            store.db.executemany("INSERT INTO minhash_bands VALUES (?, ?, ?)",
                                 [(band, key, doc_id) for band, key in band_keys(values)])
        queries = [variant() for _ in range(150)] + stored[:20]
        matched = 0
        for n, query in enumerate(queries):
            for threshold in (0.3, 0.7, 0.9):
                expected = _ranked_by_sorting(store, f"q{n}", query, threshold)
                assert store.canonical_copy(f"q{n}", query, threshold) == expected
                assert store.canonical_copy(f"q{n}", query, threshold, band_keys(query)) == expected
                matched += expected is not None
        assert matched >= 150


def test_band_keys_made_on_the_workers_index_what_the_signature_gives(tmp_path: Path) -> None:
    """Ingest makes each signature's band keys once, beside the signature, for the lookup and the index:
    every first copy's stored bands are its stored signature's keys, and copies have none."""
    from storylens.clean.neardup import band_keys

    corpus = _corpus(tmp_path / "corpus", n=60, seed=21)
    with Store(tmp_path / "s.db") as store:
        summary = ingest([corpus], store, _settings(batch_size=8), progress=False)
        rows = store.db.execute("SELECT id, minhash, duplicate_of FROM documents WHERE minhash IS NOT NULL").fetchall()
        for doc_id, blob, duplicate_of in rows:
            stored = store.db.execute("SELECT band, key FROM minhash_bands WHERE doc_id = ? ORDER BY band",
                                      (doc_id,)).fetchall()
            expected = [] if duplicate_of else band_keys(np.frombuffer(blob, dtype=np.uint64))
            assert [tuple(r) for r in stored] == expected, doc_id
    assert summary.duplicates_linked >= 10 and len(rows) == 60


def test_the_page_cache_grows_for_the_block_and_is_given_back(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        before = store.db.execute("PRAGMA cache_size").fetchone()[0]
        with store.page_cache(48):
            assert store.db.execute("PRAGMA cache_size").fetchone()[0] == -48 * 1024
        assert store.db.execute("PRAGMA cache_size").fetchone()[0] == before
        with pytest.raises(RuntimeError), store.page_cache(16):
            raise RuntimeError("stop")
        assert store.db.execute("PRAGMA cache_size").fetchone()[0] == before


def test_checkpoints_wait_for_a_larger_log_in_the_block_and_the_default_comes_back(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        before = store.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        assert before == 1000  # SQLite's default: every 4 MB of log
        with store.checkpoint_every(128):
            assert store.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 128 * 2**20 // 4096
        assert store.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == before
        with store.checkpoint_every(1):  # never more often than before
            assert store.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == before
        with pytest.raises(RuntimeError), store.checkpoint_every(64):
            raise RuntimeError("stop")
        assert store.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == before


def test_ingest_writes_with_the_larger_log_and_stores_what_the_default_stores(tmp_path: Path) -> None:
    """While ingest writes, checkpoints wait for ``write_checkpoint_mb`` of log; the rows are those of a
    run with SQLite's default checkpoints, and the default is back when ingest ends."""
    corpus = _corpus(tmp_path / "corpus", n=60, seed=23)
    seen: list[int] = []
    large, default = tmp_path / "large.db", tmp_path / "default.db"
    with Store(large) as store:
        settings = _settings(batch_size=8)
        settings.parallel.write_checkpoint_mb = 32
        ingest([corpus], store, settings, progress=False,
               on_document=lambda _: seen.append(store.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]))
        assert store.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    with Store(default) as store:
        settings = _settings(batch_size=8)
        settings.parallel.write_checkpoint_mb = 0
        ingest([corpus], store, settings, progress=False)
    assert seen and set(seen) == {32 * 2**20 // 4096}
    for table, rows in _stored(large).items():
        assert [tuple(r) for r in rows] == [tuple(r) for r in _stored(default)[table]], table


def test_ingest_writes_without_checking_references_and_leaves_none_broken(tmp_path: Path) -> None:
    """Ingest turns foreign-key enforcement off for its own writes (its rows all belong to documents it
    stored) and on again after, also when the block fails; the store it leaves has no broken reference."""
    with Store(tmp_path / "s.db") as store:
        with store.unchecked_references():
            assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 0
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        with pytest.raises(RuntimeError), store.unchecked_references():
            raise RuntimeError("stop")
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        summary = ingest([_corpus(tmp_path / "c")], store, Settings(), progress=False)
        assert summary.duplicates_linked > 10
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")


def _script_by_regex(text: str) -> str:
    """The definition the byte count must agree with: the script of most letters of the first 400 characters."""
    sample = text[:400]
    cyrillic, latin = len(_CYRILLIC.findall(sample)), len(_LATIN.findall(sample))
    other = len(_LETTER.findall(sample)) - cyrillic - latin
    best = max(cyrillic, latin, other)
    return "cyrillic" if best == cyrillic else "latin" if best == latin else "other"


@pytest.mark.parametrize("text, script", [
    ("Протестующие собрались на площади.", "cyrillic"),
    ("Protesters gathered in the square.", "latin"),
    ("Ştiri şi opinii: protestatarii s-au adunat în piaţă.", "latin"),
    ("ɐɐɐɐɐɐ ɏ", "other"),  # IPA letters (U+0250, C9 90) are not Latin here; U+024F (C9 8F) is
    ("ნაზარბაევი წავიდა", "other"),
    ("« » — 2022", "cyrillic"),  # no letters at all: the first of a tie, as the pattern always said
    ("× ÷ 2022", "latin"),  # U+00D7 and U+00F7 sit inside the Latin range the pattern counts
    ("", "cyrillic"),
])
def test_the_script_of_a_passage(text: str, script: str) -> None:
    assert _script(text) == script == _script_by_regex(text)


def test_the_byte_count_agrees_with_the_letter_count_on_mixed_text() -> None:
    rng = random.Random(3)
    pool = [chr(c) for c in [*range(32, 127), *range(0xA0, 0x530), *range(0x10A0, 0x1100), *range(0x4E00, 0x4E20),
                             0x2013, 0x2153, 0xB2, 0x660, 0xD800]]
    for _ in range(5_000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 500)))
        assert _script(text) == _script_by_regex(text), text


def test_the_badness_test_gives_ftfys_answer() -> None:
    """Trying ftfy's pattern only around the characters a match must hold gives ftfy's answer: on
    random short strings of every character the pattern names (and plain letters), on each literal
    sequence it looks for, and on mojibake and clean text in the languages of the corpora."""
    from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
    from ftfy.badness import is_bad as ftfy_is_bad

    from storylens.clean.mojibake import _characters, is_bad

    alphabet = sorted({c for c in BADNESS_RE.pattern if ord(c) > 127}
                      | set().union(*map(_characters, MOJIBAKE_CATEGORIES.values()))
                      | set("abcXYZ .,!?1\n\t") | set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ"))
    rng = random.Random(11)
    for _ in range(50_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        assert is_bad(text) == ftfy_is_bad(text), text
    samples = ["вЂ", "ГўВЂВ™s", "β€™", "ā€", "‚Äôt", "Ã ", "Ã©tÃ©", "â€™", "Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "Ñ‚Ð°Ðº Ð¸",
               "Ð”Ð¾Ð½Ð°Ñ‚ ðŸ‡·ðŸ‡º", "Протестующие «собрались» — на площади…", "It’s “fine” — 5 × 3 €",
               "Café naïve façade", "Мешканці — «Заріччя» ґанок", "×² ", "x Ã€", "Âœ"]
    for text in samples:
        for padded in (text, "Текст " * 3 + text, text + " text" * 3):
            assert is_bad(padded) == ftfy_is_bad(padded), padded
    assert is_bad("Ð¿Ñ€Ð¸Ð²ÐµÑ‚") and not is_bad("Протестующие «собрались» — на площади…")


def test_remembered_shingle_digests_give_the_same_signatures(monkeypatch) -> None:
    """Signatures made with shingle digests remembered from earlier documents, or with the memory
    emptied part way (a tiny bound), are those of a fresh process: datasketch's values."""
    from datasketch import MinHash

    from storylens.clean import neardup

    settings = Settings().clean
    rng = random.Random(4)
    texts = [" ".join(rng.choice(PARAGRAPHS).format(n=rng.randint(2, 40), m=rng.randint(2, 9), day=rng.choice(DAYS))
                      for _ in range(rng.randint(2, 5))) for _ in range(40)]

    def datasketch(text: str) -> list[int]:
        words = neardup._WORD.findall(text.lower())
        reference = MinHash(num_perm=settings.minhash_permutations, seed=1, scheme="affine32")
        reference.update_batch([" ".join(words[i:i + 3]).encode() for i in range(len(words) - 2)])
        return reference.hashvalues.tolist()

    expected = [datasketch(text) for text in texts]
    for kept in (neardup.SHINGLES_KEPT, 50):
        monkeypatch.setattr(neardup, "SHINGLES_KEPT", kept)
        neardup._SHINGLE_DIGESTS.clear()
        assert [neardup.signature(text, settings).tolist() for text in texts] == expected
        assert 0 < len(neardup._SHINGLE_DIGESTS) <= max(kept, 200)


def test_a_read_pass_killed_on_two_workers_resumes_with_nothing_lost_or_doubled(corpus, reference, tmp_path) -> None:
    """The files are read on two worker processes and stored by the parent: killed inside the read
    pass (the fixtures and the checks are tests/test_resume.py's), the next run ends where an
    uninterrupted one does, and the workers end with their parent."""
    db = tmp_path / "killed_read_2.db"
    start = [PYTHON, "-c", SLOW_WRAPPER, "0.05", "ingest", NO_ANNOTATE, str(corpus[0]), "--db", str(db), "-q",
             "--languages", LANGUAGES, "--workers", "2"]
    killed_at = _kill_resume_and_compare(db, corpus, reference, start, "SELECT COUNT(*) FROM documents",
                                         at_least=len(corpus[1]) // 4)
    assert killed_at.get("clean", 0) == 0 and 0 < killed_at["raw"] < len(corpus[1]), killed_at
