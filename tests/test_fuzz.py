"""Our own fuzz test: ``storylens analyze`` on a few hundred hostile files derived from the
example corpus (tests/fuzzing.py). No traceback, a consistent database, every file stored or
listed with a reason, and a report in which no injected markup is markup. ``bench/fuzz.py``
runs the same on 1,000 files and measures throughput."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from storylens.clean import document_id
from storylens.clean.edits import undo
from storylens.config import ReadSettings
from storylens.corpus import Skipped, read_file
from tests import fuzzing

FILES = 300
# Lines up to 100,000 characters: every step is linear in a line's length (tests/test_linear_time.py).
MAX_LINE = 100_000
STORYLENS = Path(sys.executable).with_name("storylens")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.handlers += [f"{tag} {name}" for name, _ in attrs if name.lower().startswith("on")]


def _tags(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("fuzz")
    files = fuzzing.derive(FILES, seed=14, max_line=MAX_LINE)
    fuzzing.write(root / "corpus", files)
    out = root / "report"
    command = [str(STORYLENS) if STORYLENS.exists() else sys.executable, *([] if STORYLENS.exists() else
               ["-m", "storylens"]), "analyze", str(root / "corpus"), "--db", str(root / "fuzz.db"),
               "--out", str(out), "-q"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    return {"root": root, "files": files, "result": result, "out": out, "db": root / "fuzz.db"}


def test_mutator_is_seeded_and_covers_every_mutation() -> None:
    a, b = fuzzing.derive(400, seed=3, max_line=2_000), fuzzing.derive(400, seed=3, max_line=2_000)
    assert [(f.name, f.data) for f in a] == [(f.name, f.data) for f in b]
    assert {m for f in a for m in f.mutations} == set(fuzzing.MUTATIONS)
    assert fuzzing.derive(5, seed=4, max_line=2_000)[0].data != a[0].data
    assert len({f.name for f in a}) == 400


@pytest.mark.slow
def test_analyze_survives_without_a_traceback(run: dict) -> None:
    result = run["result"]
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert "analysis:" in result.stdout


@pytest.mark.slow
def test_database_is_consistent(run: dict) -> None:
    from storylens.store import Store

    with sqlite3.connect(run["db"]) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("SELECT COUNT(*) FROM documents WHERE status != 'clean' OR text IS NULL").fetchone() == (0,)
        passages = con.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
        indexed = con.execute("SELECT COUNT(*) FROM passages_fts").fetchone()[0]
        assert passages == indexed
        bad_spans = con.execute(
            "SELECT COUNT(*) FROM passages p JOIN documents d ON d.id = p.doc_id"
            " WHERE p.start_char < 0 OR p.end_char > length(d.text) OR p.start_char > p.end_char").fetchone()[0]
        assert bad_spans == 0
        bad_claims = con.execute(
            "SELECT COUNT(*) FROM claims c JOIN documents d ON d.id = c.doc_id"
            " WHERE c.start_char < 0 OR c.end_char > length(d.text)").fetchone()[0]
        assert bad_claims == 0
    with Store(run["db"]) as store:
        for doc in store.iter_documents():
            assert undo(doc.text, doc.log) == doc.raw_text, doc.origin
            assert "\x00" not in doc.text


@pytest.mark.slow
def test_every_file_is_stored_or_listed_with_a_reason(run: dict) -> None:
    with sqlite3.connect(run["db"]) as con:
        stored = {r[0].split("#", 1)[0] for r in con.execute("SELECT origin FROM documents")}
        ids = {r[0] for r in con.execute("SELECT id FROM documents")}
        skipped = {r[0].split("#", 1)[0]: r[1] for r in con.execute("SELECT origin, reason FROM skipped")}
    corpus = run["root"] / "corpus"
    unaccounted = []
    for f in run["files"]:
        path = str(corpus / f.name)
        if path in stored or path in skipped:
            continue
        # Same content as a file stored under another name: its documents are in the store.
        problems: list[Skipped] = []
        if not {document_id(raw) for raw in read_file(corpus / f.name, ReadSettings(), problems)} <= ids:
            unaccounted.append(f.name)
    assert unaccounted == []
    assert all(reason.strip() and "\n" not in reason and "Traceback" not in reason for reason in skipped.values())
    mutated = {f.name: f.mutations for f in run["files"]}
    reasons = {Path(o).name: r for o, r in skipped.items()}
    # Text with a few bad bytes is read, not skipped.
    flipped = [n for n, m in mutated.items() if m == ["flip_bytes"] and n.endswith(".txt")]
    assert flipped and not [n for n in flipped if n in reasons and "encoding" in reasons[n]]
    assert any("gzip" in r for r in reasons.values()) and any("JSON" in r for r in reasons.values())


@pytest.mark.slow
def test_report_escapes_every_injected_markup(run: dict) -> None:
    page = (run["out"] / "report.html").read_text(encoding="utf-8")
    analysis = json.loads((run["out"] / "analysis.json").read_text(encoding="utf-8"))
    assert "alert(" in json.dumps(analysis)  # injected markup reached the analysis: the escaping is exercised
    for payload in fuzzing.PAYLOADS:
        assert payload not in page
    tags = _tags(page)
    assert tags.handlers == []
    assert tags.tags.count("script") == 2  # the data block and our one script
    assert not {"iframe", "img", "svg", "object", "embed", "base", "a", "textarea"} & set(tags.tags)
    assert tags.tags.count("meta") == _tags(_clean_page()).tags.count("meta")


def _clean_page() -> str:
    from storylens.report.html import render_report

    return render_report({"schema": "storylens.analysis", "version": 1, "generated_at": "", "corpus": {},
                          "documents": [], "claims": [], "claim_groups": [], "contested": [], "actor_labels": [],
                          "stories": [], "timeline": [], "entities": [], "sources": []})
