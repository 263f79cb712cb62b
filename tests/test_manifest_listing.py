"""Reading a corpus folder: its manifest says which files are the corpus; a body scraped as
one long line is cut into paragraph-sized passages."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from storylens.clean import clean_document
from storylens.clean.segment import passages_of, split_sentences
from storylens.cli import cli
from storylens.config import ReadSettings, Settings
from storylens.corpus import Skipped, read_paths
from tests.conftest import shared_path

# Original text written for these tests.
SENTENCES = [
    "The harbour authority closed the northern pier on Monday after a crane collapsed onto the quay.",
    "Two dock workers were taken to hospital with minor injuries, according to the authority.",
    "A spokesperson said the crane had been inspected in March and found to be in good order.",
    "Shipping companies diverted four cargo vessels to the southern terminal while engineers assessed the damage.",
    "The workers' union called for an independent inquiry into maintenance practices at the port.",
    "Local officials said the pier would remain closed for at least ten days.",
]


def _corpus(root: Path, with_readme: bool = True) -> Path:
    root.mkdir(parents=True)
    (root / "a.txt").write_text("Crane collapse\n\n" + " ".join(SENTENCES[:3]), encoding="utf-8")
    (root / "b.txt").write_text(" ".join(SENTENCES[3:]), encoding="utf-8")
    if with_readme:
        (root / "README.md").write_text("# About this folder\n\nCollected by hand; 12 sources.\n", encoding="utf-8")
        (root / "notes.txt").write_text("to do: ask the union for a statement", encoding="utf-8")
    (root / "manifest.csv").write_text("path,source,published\na.txt,Port Wire,2023-04-03\nb.txt,Quay Post,\n",
                                       encoding="utf-8")
    return root


def _read(*paths: Path, all_files: bool = False, manifests: tuple[Path, ...] = ()) -> tuple[list, list]:
    items = list(read_paths(list(paths), ReadSettings(all_files=all_files), manifests))
    docs = [i for i in items if not isinstance(i, Skipped)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    return docs, skipped


def test_files_not_in_the_manifest_are_skipped_with_a_reason(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    docs, skipped = _read(corpus)
    assert sorted(Path(d.origin).name for d in docs) == ["a.txt", "b.txt"]
    assert {Path(s.origin).name: s.reason for s in skipped} == {
        "README.md": f"not in the manifest ({corpus / 'manifest.csv'}); pass --all to read it",
        "notes.txt": f"not in the manifest ({corpus / 'manifest.csv'}); pass --all to read it",
    }
    assert next(d for d in docs if d.origin.endswith("a.txt")).manifest == {"source": "Port Wire",
                                                                            "published": "2023-04-03"}


def test_all_reads_every_file(tmp_path: Path) -> None:
    docs, skipped = _read(_corpus(tmp_path / "corpus"), all_files=True)
    assert sorted(Path(d.origin).name for d in docs) == ["README.md", "a.txt", "b.txt", "notes.txt"]
    assert skipped == []


def test_a_folder_without_a_manifest_is_read_whole(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    (corpus / "manifest.csv").unlink()
    docs, skipped = _read(corpus)
    assert len(docs) == 4 and skipped == []


def test_listed_files_that_are_missing_are_reported(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", with_readme=False)
    with (corpus / "manifest.csv").open("a", encoding="utf-8") as f:
        f.write("c.txt,Gone Daily,\n")
    docs, skipped = _read(corpus)
    assert len(docs) == 2
    assert [(s.origin, s.reason) for s in skipped] == [(str(corpus / "c.txt"), "listed in manifest.csv but not found")]


def test_each_subfolder_manifest_governs_its_own_tree(tmp_path: Path) -> None:
    root = tmp_path / "events"
    first = _corpus(root / "first")
    second = root / "second"
    second.mkdir()
    (second / "x.txt").write_text(SENTENCES[0], encoding="utf-8")
    (second / "extra.txt").write_text(SENTENCES[1], encoding="utf-8")
    (second / "manifest.json").write_text(json.dumps([{"path": "x.txt", "source": "Pier Gazette"}]), encoding="utf-8")
    (root / "loose.txt").write_text(SENTENCES[2], encoding="utf-8")  # no manifest above it: read
    docs, skipped = _read(root)
    assert sorted(Path(d.origin).name for d in docs) == ["a.txt", "b.txt", "loose.txt", "x.txt"]
    assert sorted(Path(s.origin).name for s in skipped) == ["README.md", "extra.txt", "notes.txt"]
    assert next(d for d in docs if d.origin.endswith("x.txt")).manifest == {"source": "Pier Gazette"}
    assert first.is_dir()


def test_a_file_named_on_the_command_line_is_always_read(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    docs, skipped = _read(corpus / "README.md", corpus)
    assert sorted(Path(d.origin).name for d in docs) == ["README.md", "a.txt", "b.txt"]
    assert [Path(s.origin).name for s in skipped] == ["notes.txt"]


def test_a_named_manifest_elsewhere_supplies_metadata_only(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    (corpus / "manifest.csv").unlink()
    other = tmp_path / "extra.csv"
    other.write_text("path,source\ncorpus/a.txt,Override Wire\n", encoding="utf-8")
    docs, skipped = _read(corpus, manifests=(other,))
    assert len(docs) == 4 and skipped == []
    assert next(d for d in docs if d.origin.endswith("a.txt")).manifest == {"source": "Override Wire"}


def test_cli_ingest_reports_and_all_reads(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    runner = CliRunner()
    db = str(tmp_path / "x.db")
    result = runner.invoke(cli, ["ingest", str(corpus), "--db", db, "--no-annotate", "-q"])
    assert result.exit_code == 0, result.output
    assert "read 2 documents from 4 files" in result.output
    assert f"skipped {corpus / 'README.md'}: not in the manifest" in result.output
    result = runner.invoke(cli, ["ingest", str(corpus), "--db", db, "--no-annotate", "-q", "--all"])
    assert result.exit_code == 0, result.output
    assert "read 4 documents from 4 files: 2 new, 2 already stored" in result.output


def test_cli_analyze_passes_all_through(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["analyze", str(corpus), "--db", str(tmp_path / "x.db"), "--out", str(out),
                                      "-q", "--all", "--languages", "en,ru"])
    assert result.exit_code == 0, result.output
    analysis = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    assert sorted(Path(d["origin"]).name for d in analysis["documents"]) == ["README.md", "a.txt", "b.txt",
                                                                           "notes.txt"]


# --- one long line becomes paragraphs -------------------------------------------------------


def _long_line(n: int) -> str:
    return " ".join(SENTENCES[i % len(SENTENCES)].replace("Monday", f"day {i}") for i in range(n))


def test_a_body_on_one_line_is_cut_into_sentence_groups() -> None:
    body = _long_line(30)
    text = "Crane collapse at the port\n\n" + body
    passages = passages_of(text, False, "Crane collapse at the port", max_chars=1500, target_chars=500)
    assert passages[0].kind == "title"
    paragraphs = passages[1:]
    assert len(paragraphs) >= 5
    sentences = split_sentences(text, passages[1].start, len(text))
    starts, ends = {s for s, _ in sentences}, {e for _, e in sentences}
    for p in paragraphs:
        assert p.kind == "paragraph" and p.start in starts and p.end in ends  # whole sentences only
        assert 500 <= p.end - p.start <= 1500
    assert paragraphs[0].start == len("Crane collapse at the port\n\n") and paragraphs[-1].end == len(text)
    # Consecutive, nothing lost: only the spaces between sentences fall between passages.
    for a, b in zip(paragraphs, paragraphs[1:]):
        assert text[a.end:b.start].strip() == ""


def test_a_short_last_group_joins_the_one_before() -> None:
    for count in (2, 3, 5):
        head = " ".join(f"Sentence {i} of the long paragraph carries exactly enough words to matter." * 1
                        for i in range(8 * count))
        text = head + " Short end."
        groups = [(p.start, p.end) for p in passages_of(text, False, max_chars=100, target_chars=500)]
        assert groups[-1][1] == len(text) and groups[0][0] == 0
        assert all(a[1] < b[0] for a, b in zip(groups, groups[1:]))  # in order, no overlap
        assert all(e - s >= 250 for s, e in groups)


def test_short_paragraphs_and_comment_threads_are_left_alone() -> None:
    text = "\n\n".join(SENTENCES)
    assert [(p.start, p.end) for p in passages_of(text, False)] == [
        (text.index(s), text.index(s) + len(s)) for s in SENTENCES]
    thread = "\n".join(_long_line(12) for _ in range(3))
    assert len(passages_of(thread, True)) == 3


def test_a_long_run_with_no_sentence_end_stays_one_passage() -> None:
    text = "word " * 1000
    [passage] = passages_of(text, False)
    assert (passage.start, passage.end) == (0, len(text.rstrip()))


def test_clean_document_uses_the_paragraph_settings() -> None:
    from storylens.doc import RawDocument

    raw = RawDocument("x.txt", "Crane collapse\n\n" + _long_line(30), "text")
    settings = Settings().clean
    default = clean_document(raw, settings)
    settings.paragraph_max_chars = 100_000
    whole = clean_document(raw, settings)
    assert len(default.passages) > len(whole.passages) == 2
    assert len(default.sentences) == len(whole.sentences)


def test_event_corpus_folder_reads_exactly_its_manifest_and_gets_paragraphs() -> None:
    folder = shared_path("events", "hurricane-maria-2017")
    with (folder / "manifest.csv").open(encoding="utf-8") as f:
        listed = {row["path"] for row in csv.DictReader(f)}
    docs, skipped = _read(folder)
    assert {Path(d.origin).name for d in docs} == listed and skipped == []
    longest = max(docs, key=lambda d: max(len(line) for line in d.text.split("\n")))
    cleaned = clean_document(longest, Settings().clean)
    assert max(p.end - p.start for p in cleaned.passages) <= Settings().clean.paragraph_max_chars
    assert len(cleaned.passages) >= 3
