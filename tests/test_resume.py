"""Kill `storylens ingest` with SIGKILL mid-run, check the database, resume, compare with a clean run.

The killed process is the real CLI. To land the kill reliably inside the read pass or the
clean pass, a small wrapper slows every transaction down just before its COMMIT (so the
kill usually hits an open transaction, the hardest case); one more run uses the plain
`storylens` script with no slowdown at all. The clean pass is killed with its work in this
process and with it on two worker processes, which must end with their parent.
"""

from __future__ import annotations

import os
import random
import signal
import textwrap
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from storylens.cli import cli
from storylens.config import Settings
from storylens.ingest import ingest
from storylens.store import Store

N_DOCS = 300
# Language detection is not under test here; two candidates instead of ~30 make every run several times faster.
LANGUAGES = "en,ru"
# Annotation (entities, claims…) is not under test here: read, clean and store are.
NO_ANNOTATE = "--no-annotate"
PYTHON = sys.executable
STORYLENS = Path(sys.executable).with_name("storylens")
STORYLENS_CMD = [str(STORYLENS)] if STORYLENS.exists() else [sys.executable, "-m", "storylens"]

# A storylens run whose transactions each wait a little before COMMIT.
SLOW_WRAPPER = """
import sys, time
from storylens.store import db
_exit = db._Transaction.__exit__
def _slow_exit(self, *args):
    time.sleep(float(sys.argv[1]))
    return _exit(self, *args)
db._Transaction.__exit__ = _slow_exit
from storylens.cli import cli
cli(sys.argv[2:], prog_name="storylens")
"""

PLACES = ["Almaty", "Astana", "Shymkent", "Aktobe", "Taraz", "Pavlodar", "Karaganda", "Zhanaozen"]
SUBJECTS = ["the city council", "a transport union", "the regional governor", "local shop owners",
            "a group of students", "the water utility", "hospital staff", "taxi drivers"]
ACTIONS = ["announced new fuel prices", "called for a meeting", "closed the main road", "published a statement",
           "asked for calm", "reported long queues", "opened an inquiry", "postponed the market day"]
CHROME = ["Subscribe to our newsletter", "Share this article", "All rights reserved", "Advertisement"]
RUSSIAN = ["В городе {p} {n} января жители обсуждали новые цены на газ и очереди на заправках.",
           "Местные власти {p} пообещали проверить тарифы и сообщить о решении до конца недели."]


def make_corpus(root: Path, n: int = N_DOCS, seed: int = 3) -> list[str]:
    """``n`` distinct documents (some sharing site chrome, a few near-duplicates); return their paths."""
    rng = random.Random(seed)
    root.mkdir(parents=True)
    paths = []
    for i in range(n):
        paras = []
        for j in range(rng.randint(3, 7)):
            p, s, a = rng.choice(PLACES), rng.choice(SUBJECTS), rng.choice(ACTIONS)
            paras.append(f"In {p} on {1 + (i + j) % 28} January, {s} {a} (item {i}-{j}). "
                         f"Witnesses counted {rng.randint(10, 5000)} people near the {rng.choice(PLACES)} road; "
                         f"{rng.choice(SUBJECTS)} said the figure was {rng.randint(2, 90)} per cent lower.")
        if i % 5 == 0:
            paras.append(RUSSIAN[i % 2].format(p=rng.choice(PLACES), n=1 + i % 28) + " " + RUSSIAN[1 - i % 2].format(
                p=rng.choice(PLACES), n=i))
        if i % 3 == 0:
            paras = [rng.choice(CHROME)] + paras + [CHROME[i % len(CHROME)], "All rights reserved"]
        text = "\n\n".join(paras) + "\n"
        if i % 25 == 24:  # a near-duplicate of the previous document: one extra line
            text = (root / f"doc_{i - 1:04d}.txt").read_text() + "\nUpdated: minor corrections.\n"
        path = root / f"doc_{i:04d}.txt"
        path.write_text(text)
        paths.append(str(path))
    return paths


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as con:
        one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT COUNT(*) FROM documents"),
            "clean": one("SELECT COUNT(*) FROM documents WHERE status = 'clean'"),
            "duplicates": one("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL"),
            "passages": one("SELECT COUNT(*) FROM passages"),
            "sentences": one("SELECT COUNT(*) FROM sentences"),
            "cleaning_log": one("SELECT COUNT(*) FROM cleaning_log"),
            "fts": one("SELECT COUNT(*) FROM passages_fts"),
            "line_counts": one("SELECT COALESCE(SUM(documents), 0) FROM line_counts"),
        }


def check_consistent(db: Path) -> dict[str, int]:
    """The invariants a killed run must leave intact; returns the status counts."""
    con = sqlite3.connect(db)
    try:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        assert q("PRAGMA integrity_check") == [("ok",)]
        assert q("PRAGMA foreign_key_check") == []
        assert q("SELECT id FROM documents GROUP BY id HAVING COUNT(*) > 1") == []
        assert q("SELECT origin FROM documents GROUP BY origin HAVING COUNT(*) > 1") == []
        assert q("SELECT seq FROM documents GROUP BY seq HAVING COUNT(*) > 1") == []
        # Raw documents have nothing derived; clean ones have text, passages and their FTS rows.
        for table in ("passages", "sentences", "cleaning_log", "passages_fts"):
            assert q(f"SELECT COUNT(*) FROM {table} t JOIN documents d ON d.id = t.doc_id"
                     f" WHERE d.status = 'raw'") == [(0,)], table
            assert q(f"SELECT COUNT(*) FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)") == [(0,)], table
        assert q("SELECT id FROM documents WHERE status = 'clean' AND (text IS NULL OR id NOT IN"
                 " (SELECT doc_id FROM passages))") == []
        mismatched = q(
            "SELECT d.id FROM documents d WHERE d.status = 'clean' AND"
            " (SELECT COUNT(*) FROM passages p WHERE p.doc_id = d.id)"
            " != (SELECT COUNT(*) FROM passages_fts f WHERE f.doc_id = d.id)")
        assert mismatched == [], "clean documents whose FTS rows do not match their passages"
        assert q("SELECT COUNT(*) FROM passages_fts f LEFT JOIN passages p ON p.doc_id = f.doc_id"
                 " AND p.idx = f.idx WHERE p.doc_id IS NULL") == [(0,)]
        # Each stored document counted its chrome lines exactly once: no count exceeds the documents.
        n_docs = q("SELECT COUNT(*) FROM documents")[0][0]
        assert q(f"SELECT COUNT(*) FROM line_counts WHERE documents > {n_docs}") == [(0,)]
        return dict(q("SELECT status, COUNT(*) FROM documents GROUP BY status"))
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("resume") / "corpus"
    return root, make_corpus(root)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> dict[str, int]:
    """An uninterrupted run in its own database."""
    db = tmp_path_factory.mktemp("reference") / "ref.db"
    settings = Settings()
    settings.clean.languages = tuple(LANGUAGES.split(","))
    with Store(db) as store:
        summary = ingest([corpus[0]], store, settings, progress=False)
    assert summary.new == N_DOCS and not summary.skipped
    result = counts(db)
    assert result["documents"] == result["clean"] == N_DOCS
    return result


def _wait_for(db: Path, sql: str, at_least: int, proc: subprocess.Popen, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"ingest ended (status {proc.returncode}) before it could be killed:\n{out}\n{err}")
        if db.exists():
            try:
                con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
                try:
                    value = con.execute(sql).fetchone()[0]
                finally:
                    con.close()
                if value >= at_least:
                    return value
            except sqlite3.OperationalError:  # schema not created yet, or busy
                pass
        time.sleep(0.01)
    proc.kill()
    pytest.fail(f"timed out waiting for {sql!r} >= {at_least}")


def _run(args: list[str]) -> str:
    """``storylens ARGS`` in this process (models already loaded: fast); its output."""
    result = CliRunner().invoke(cli, args)
    assert result.exception is None, result.output
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output
    return result.output


def _session(sid: int) -> list[int]:
    """Processes still alive in session ``sid`` (a killed run's workers would be there)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            alive.append(int(stat.parent.name))
    return alive


def _kill(start: list[str], db: Path, wait_sql: str, at_least: int) -> None:
    """Start ``start`` in a session of its own, SIGKILL it once ``wait_sql`` reaches ``at_least``,
    and check that none of its worker processes outlive it."""
    proc = subprocess.Popen(start, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        _wait_for(db, wait_sql, at_least, proc)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    if sys.platform.startswith("linux"):
        deadline = time.monotonic() + 20
        while _session(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _session(proc.pid) == [], "worker processes outlived the killed run"


def _kill_resume_and_compare(db: Path, corpus, reference, start: list[str], wait_sql: str,
                             at_least: int) -> dict[str, int]:
    """Start, SIGKILL once ``wait_sql`` reaches ``at_least``, check, resume, compare; return the state at the kill."""
    root, paths = corpus
    _kill(start, db, wait_sql, at_least)

    status = check_consistent(db)
    assert 0 < sum(status.values()) <= N_DOCS
    killed_at = dict(status)

    # Resume: the same command completes the job.
    second = _run(["ingest", NO_ANNOTATE, str(root), "--db", str(db), "-q", "--languages", LANGUAGES])
    check_consistent(db)
    with sqlite3.connect(db) as con:
        origins = [r[0] for r in con.execute("SELECT origin FROM documents")]
    assert sorted(origins) == sorted(paths), "every input present exactly once"
    after = counts(db)
    assert after == reference, f"killed at {killed_at}; resumed run differs from an uninterrupted one"
    stored_before_kill = sum(killed_at.values())
    assert f"{N_DOCS - stored_before_kill} new, {stored_before_kill} already stored" in second, second

    # A third run adds nothing.
    third = _run(["ingest", NO_ANNOTATE, str(root), "--db", str(db), "-q", "--languages", LANGUAGES])
    assert f"0 new, {N_DOCS} already stored" in third, third
    assert "cleaned 0" in third
    assert counts(db) == reference
    return killed_at


@pytest.mark.parametrize("phase, workers", [("read", 1), ("clean", 1), ("clean", 2)])
def test_kill_and_resume(phase, workers, corpus, reference, tmp_path):
    db = tmp_path / f"killed_{phase}_{workers}.db"
    delay = "0.05" if phase == "read" else "0.004"  # the read pass is cheap: slow it more to land inside it
    start = [PYTHON, "-c", SLOW_WRAPPER, delay, "ingest", NO_ANNOTATE, str(corpus[0]), "--db", str(db), "-q",
             "--languages", LANGUAGES, "--workers", str(workers)]
    if phase == "read":
        wait = "SELECT COUNT(*) FROM documents"
    else:
        wait = "SELECT COUNT(*) FROM documents WHERE status = 'clean'"
    killed_at = _kill_resume_and_compare(db, corpus, reference, start, wait, at_least=N_DOCS // 4)
    if phase == "read":  # the kill landed in the read pass: part of the corpus stored, nothing cleaned
        assert killed_at.get("clean", 0) == 0 and 0 < killed_at["raw"] < N_DOCS, killed_at
    else:  # the kill landed in the clean pass: everything read, part of it cleaned
        assert killed_at["clean"] > 0 and killed_at.get("raw", 0) > 0, killed_at
        assert sum(killed_at.values()) == N_DOCS


def test_kill_plain_cli_and_resume(corpus, reference, tmp_path):
    """No slowdown: the real script, killed as soon as it has stored anything."""
    db = tmp_path / "killed_plain.db"
    start = [*STORYLENS_CMD, "ingest", NO_ANNOTATE, str(corpus[0]), "--db", str(db), "-q", "--languages", LANGUAGES]
    _kill_resume_and_compare(db, corpus, reference, start, "SELECT COUNT(*) FROM documents", at_least=1)


# Annotation on two worker processes, in small batches, with the cheap rule-based annotators.
ANNOTATE_SCRIPT = textwrap.dedent("""
    import sys
    from storylens.annotate import annotate_store
    from storylens.config import AnnotateSettings, ParallelSettings
    from storylens.parallel import Workers
    from storylens.store import Store

    if __name__ == "__main__":
        with Store(sys.argv[1]) as store, Workers(ParallelSettings(workers=int(sys.argv[2]), min_documents=0,
                                                                   batch_size=8)) as workers:
            annotate_store(store, AnnotateSettings(components=("dates", "claims", "quotes")), progress=False,
                           workers=workers)
""")
ANNOTATION_TABLES = ("dates", "claims", "quotes")


def _annotation_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as con:
        out = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ANNOTATION_TABLES}
        out["annotated"] = con.execute("SELECT COUNT(*) FROM documents WHERE annotated_at IS NOT NULL").fetchone()[0]
        for table in ANNOTATION_TABLES:  # nothing doubled: one row per (document, index)
            assert con.execute(f"SELECT COUNT(*) FROM (SELECT 1 FROM {table} GROUP BY doc_id, idx"
                               " HAVING COUNT(*) > 1)").fetchone()[0] == 0
        assert con.execute(f"SELECT COUNT(*) FROM documents WHERE annotated_at IS NULL AND id IN"
                           f" (SELECT doc_id FROM claims UNION SELECT doc_id FROM dates)").fetchone()[0] == 0
    return out


def test_kill_parallel_annotate_and_resume(reference, corpus, tmp_path):
    """Annotation killed on two workers resumes to exactly what an uninterrupted run stores."""
    cleaned = tmp_path / "cleaned.db"
    settings = Settings()
    settings.clean.languages = tuple(LANGUAGES.split(","))
    with Store(cleaned) as store:
        ingest([corpus[0]], store, settings, progress=False)
    whole, killed = tmp_path / "whole.db", tmp_path / "killed.db"
    for copy in (whole, killed):
        with sqlite3.connect(cleaned) as src, sqlite3.connect(copy) as dst:
            src.backup(dst)
    subprocess.run([PYTHON, "-c", ANNOTATE_SCRIPT, str(whole), "1"], check=True, capture_output=True)
    expected = _annotation_counts(whole)
    assert expected["annotated"] == N_DOCS and expected["claims"] > N_DOCS

    _kill([PYTHON, "-c", ANNOTATE_SCRIPT, str(killed), "2"], killed,
          "SELECT COUNT(*) FROM documents WHERE annotated_at IS NOT NULL", at_least=N_DOCS // 4)
    check_consistent(killed)
    at_kill = _annotation_counts(killed)
    assert 0 < at_kill["annotated"] < N_DOCS, at_kill
    subprocess.run([PYTHON, "-c", ANNOTATE_SCRIPT, str(killed), "2"], check=True, capture_output=True)
    assert _annotation_counts(killed) == expected
