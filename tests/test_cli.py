"""The CLI end to end on the demo corpus, and docs/cli.md kept true to --help."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from storylens.cli import cli

DOCS = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from tests.conftest import EXAMPLES

    db = str(tmp_path_factory.mktemp("cli") / "demo.db")
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    assert "read 13 documents from 11 files: 13 new, 0 already stored" in result.output
    assert "near-duplicates linked 1" in result.output
    return db


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


def test_ingest_twice_adds_nothing(demo_db: str) -> None:
    from tests.conftest import EXAMPLES

    out = run("ingest", str(EXAMPLES), "--db", demo_db, "-q")
    assert "0 new, 13 already stored" in out
    assert sqlite3.connect(demo_db).execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 13


def test_docs_lists_every_document_with_duplicate_link(demo_db: str) -> None:
    lines = run("docs", "--db", demo_db).strip().splitlines()
    assert len(lines) == 13
    assert any("Степной вестник" in line and " ru " in line for line in lines)
    assert sum("near-duplicate of" in line for line in lines) == 1


def test_show_prints_text_metadata_and_log(demo_db: str) -> None:
    doc_id = sqlite3.connect(demo_db).execute(
        "SELECT id FROM documents WHERE origin LIKE '%03_news%'").fetchone()[0]
    out = run("show", doc_id[:8], "--db", demo_db)
    assert "author: Oksana Hrytsenko  [text]" in out
    assert "source: Kyiv Ledger  [manifest]" in out
    assert "error-report widget" in out and "metadata line (author)" in out
    assert "Orphus" not in out.split("cleaning log")[0]


def test_search_finds_cyrillic_and_numbers(demo_db: str) -> None:
    out = run("search", "Токаев", "--db", demo_db)
    assert "Степной" in out and "[Токаев]" in out
    assert "no matches" in run("search", "zzzyzzy", "--db", demo_db)


def test_bad_search_query_gets_a_message() -> None:
    result = CliRunner().invoke(cli, ["search", '"unclosed', "--db", "/nonexistent/x.db"])
    assert result.exit_code != 0 and "no database" in result.output and "Traceback" not in result.output


def test_export_jsonl_and_csv(demo_db: str, tmp_path: Path) -> None:
    records = [json.loads(line) for line in run("export", "--db", demo_db, "--format", "jsonl").splitlines()]
    assert len(records) == 13
    for record in records:
        for p in record["passages"]:
            assert record["text"][p["start"]:p["end"]].strip()
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", demo_db, "--format", "csv"))))
    assert len(rows) == 13 and {"id", "source", "text"} <= set(rows[0])


def test_show_unknown_document(demo_db: str) -> None:
    result = CliRunner().invoke(cli, ["show", "ffffffffff", "--db", demo_db])
    assert result.exit_code == 1 and "no document" in result.output


def test_nothing_readable_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "-q"])
    assert result.exit_code == 1
    assert "empty file" in result.output and "nothing could be read" in result.output


def test_bad_languages_option(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--languages", "en,xx"])
    assert result.exit_code == 2 and "unknown language code 'xx'" in result.output


def _help_pages() -> str:
    parts = ["# CLI reference\n", "Generated from `--help`; `tests/test_cli.py` fails when it drifts "
             "(regenerate with `STORYLENS_UPDATE_DOCS=1 make test`).\n"]
    commands = [None, *sorted(cli.commands)]
    for name in commands:
        args = ["--help"] if name is None else [name, "--help"]
        out = CliRunner().invoke(cli, args, terminal_width=100, prog_name="storylens").output
        parts.append(f"## storylens {name or ''}".rstrip() + "\n\n```\n" + out.rstrip() + "\n```\n")
    return "\n".join(parts)


def test_every_command_has_help_and_docs_match() -> None:
    pages = _help_pages()
    for name in cli.commands:
        assert f"Usage: storylens {name}" in pages
    if os.environ.get("STORYLENS_UPDATE_DOCS"):
        DOCS.write_text(pages, encoding="utf-8")
    assert DOCS.read_text(encoding="utf-8") == pages, "docs/cli.md is stale: STORYLENS_UPDATE_DOCS=1 make test"


def test_relate_stores_results_that_analysis_reads(demo_db: str) -> None:
    from storylens.analyze import build_analysis
    from storylens.store import Store

    out = run("relate", "--db", demo_db, "-q")
    assert out.startswith("related: ") and "claim groups" in out and "stories" in out
    with Store(demo_db) as store:
        assert store.state("related") == store.corpus_state()
        analysis = build_analysis(store)
        groups = store.relations("claim_group")
        members = store.db.execute("SELECT COUNT(*) FROM claim_group_members").fetchone()[0]
    assert groups and analysis["claim_groups"] == groups
    assert members == sum(len(g["members"]) for g in groups)
    claim_ids = {c["id"] for c in analysis["claims"]}
    assert all(m in claim_ids for g in groups for m in g["members"])
    # Only one step: the others' stored results stay as they were.
    out = run("relate", "--db", demo_db, "-q", "--step", "timeline")
    assert out.startswith("related: ") and "timeline days" in out and "claim groups" not in out
    with Store(demo_db) as store:
        assert store.relations("claim_group") == groups
