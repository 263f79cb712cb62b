"""A text file with a few bad bytes is read, with every repair logged; only binary files are skipped."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storylens.clean import clean_document
from storylens.clean.edits import undo
from storylens.config import ReadSettings, Settings
from storylens.corpus import Skipped, read_paths
from storylens.corpus.decode import READ_STEP, NotText, decode
from storylens.ingest import ingest
from storylens.store import Store

# Original sentences written for these tests.
ENGLISH = ("The ferry office said on Monday that 240 passengers were stranded at the pier. "
           "Repairs to the ramp are expected to take a week.\n")
RUSSIAN = ("Администрация порта сообщила в понедельник, что 240 пассажиров не смогли уехать. "
           "Ремонт причала займёт неделю.\n")


def test_clean_utf8_is_untouched() -> None:
    decoded = decode((ENGLISH + RUSSIAN).encode())
    assert decoded.text == ENGLISH + RUSSIAN
    assert decoded.encoding == "utf-8" and decoded.repairs == [] and decoded.note() is None


def test_a_few_bad_bytes_in_utf8_become_one_replacement_each_run() -> None:
    data = RUSSIAN.encode()
    damaged = data[:20] + b"\xff\xfe" + data[20:60] + b"\x80" + data[60:]
    decoded = decode(damaged)
    assert decoded.encoding == "utf-8"
    assert decoded.text.count("\ufffd") == 2
    first, second = decoded.repairs
    assert (first.step, first.rule, first.before, first.after) == (READ_STEP, "undecodable bytes replaced",
                                                                    "\\xff\\xfe", "\ufffd")
    assert decoded.text[first.start:first.end] == "\ufffd" and decoded.text[second.start:second.end] == "\ufffd"
    assert second.before == "\\x80"
    # Everything around the damage is kept, word for word.
    assert decoded.text.replace("\ufffd", "") == data.decode("utf-8", "ignore")
    assert decoded.note() == "read with 3 replaced bytes"


def test_a_broken_multibyte_character_is_replaced_not_the_file() -> None:
    data = ENGLISH.encode() + "Café “quoted” ".encode() + "é".encode()[:1] + b" end\n"
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert "Café “quoted” \ufffd end" in decoded.text
    assert decoded.note() == "read with 1 replaced byte"


def test_stray_nuls_are_dropped_and_logged_where_they_were() -> None:
    data = ENGLISH.encode()
    decoded = decode(data[:10] + b"\x00" + data[10:30] + b"\x00\x00" + data[30:])
    assert decoded.text == ENGLISH
    assert [(e.rule, e.start, e.end, e.before, e.after) for e in decoded.repairs] == [
        ("NUL bytes dropped", 10, 10, "\\x00", ""), ("NUL bytes dropped", 30, 30, "\\x00\\x00", "")]
    assert decoded.note() == "read with 3 dropped NUL bytes"


def test_other_control_characters_are_dropped_whitespace_kept() -> None:
    decoded = decode(b"Line one\tcolumn\x07\x1b[0m\r\nLine two\x0cpage\x0bthree\n")
    assert decoded.text == "Line one\tcolumn[0m\nLine two\npage\nthree\n"
    assert [(e.rule, e.before) for e in decoded.repairs] == [("control characters dropped", "\\x07\\x1b")]
    assert decoded.note() == "read with 2 dropped control characters"


def test_legacy_encodings_are_still_detected_not_replaced() -> None:
    decoded = decode((RUSSIAN * 5).encode("cp1251"))
    assert decoded.encoding == "cp1251" and decoded.text == RUSSIAN * 5 and decoded.repairs == []
    utf16 = decode(("\n".join([ENGLISH, RUSSIAN])).encode("utf-16"))
    assert utf16.encoding == "utf-16" and utf16.text.startswith("The ferry")


def test_a_stray_byte_in_a_legacy_file_costs_one_character() -> None:
    data = (RUSSIAN * 5).encode("cp1251")
    decoded = decode(data[:50] + b"\x98" + data[50:])  # 0x98 is a byte cp1251 leaves undefined
    assert decoded.text[:50] + decoded.text[51:] == RUSSIAN * 5


def test_a_legacy_file_with_many_accents_is_not_taken_for_damaged_utf8() -> None:
    french = "Le préfet a annoncé l'arrêt du trafic fluvial après la crue; les écoles resteront fermées.\n" * 4
    decoded = decode(french.encode("cp1252"))
    assert decoded.encoding != "utf-8" and decoded.repairs == []
    assert "préfet a annoncé" in decoded.text and "écoles resteront fermées" in decoded.text


def test_ascii_text_with_a_rare_high_byte_is_damaged_utf8() -> None:
    decoded = decode(ENGLISH.encode()[:40] + b"\xe9" + ENGLISH.encode()[40:])
    assert decoded.encoding == "utf-8"
    assert decoded.text == ENGLISH[:40] + "\ufffd" + ENGLISH[40:]


@pytest.mark.parametrize("data, words", [
    (b"abc\x00def", "NUL"),
    (bytes(range(256)) * 40, "binary"),
    (b"\x00" * 500 + ENGLISH.encode(), "binary"),
    (bytes([0x80 + (i * 37) % 128 for i in range(4000)]), "encoding"),
    (b"\x01\x02\x03\x04" * 100, "control"),
])
def test_mostly_binary_files_are_refused(data: bytes, words: str) -> None:
    with pytest.raises(NotText, match=words):
        decode(data)


def test_the_share_of_non_text_bytes_is_a_setting() -> None:
    data = ENGLISH.encode() * 2 + b"\x00" * 20  # about 6% NUL bytes
    with pytest.raises(NotText):
        decode(data)
    assert decode(data, max_nontext_share=0.1).note() == "read with 20 dropped NUL bytes"


def test_cleaning_log_starts_with_the_repairs_and_undo_gives_the_raw_text(tmp_path: Path) -> None:
    data = ENGLISH.encode()
    (tmp_path / "a.txt").write_bytes(data[:25] + b"\xff" + data[25:70] + b"\x00" + data[70:])
    [raw] = read_paths([tmp_path / "a.txt"], ReadSettings())
    doc = clean_document(raw, Settings().clean)
    read = [e for e in doc.log if e.step == READ_STEP]
    assert [(e.rule, e.start) for e in read] == [("undecodable bytes replaced", 25), ("NUL bytes dropped", 71)]
    assert doc.raw_text[25] == "\ufffd" and "\x00" not in doc.raw_text
    assert "read_repairs" not in doc.meta
    assert undo(doc.text, doc.log) == doc.raw_text


def test_repairs_in_json_records_are_logged_at_the_file_level(tmp_path: Path) -> None:
    line = json.dumps({"text": ENGLISH.strip(), "source": "Pier News"}).encode()
    (tmp_path / "posts.jsonl").write_bytes(line[:30] + b"\x00" + line[30:] + b"\n" + line.replace(b"240", b"250"))
    docs = [d for d in read_paths([tmp_path], ReadSettings()) if not isinstance(d, Skipped)]
    assert len(docs) == 2
    doc = clean_document(docs[0], Settings().clean)
    [edit] = [e for e in doc.log if e.step == READ_STEP]
    assert edit.rule == "NUL bytes dropped (at character 30 of the file)" and edit.start == edit.end == 0


def test_control_characters_spelled_by_json_escapes_are_dropped_and_logged(tmp_path: Path) -> None:
    text = ENGLISH.strip()
    record = {"text": text[:20] + "\x00" + text[20:40] + "\x07\x1b" + text[40:60] + "\ud800" + text[60:]}
    (tmp_path / "posts.json").write_text(json.dumps([record]), encoding="ascii")
    [raw] = read_paths([tmp_path], ReadSettings())
    assert raw.text == text[:60] + "\ufffd" + text[60:]
    doc = clean_document(raw, Settings().clean)
    read = [(e.rule, e.start, e.before) for e in doc.log if e.step == READ_STEP]
    assert read == [("NUL bytes dropped", 20, "\\x00"), ("control characters dropped", 40, "\\x07\\x1b"),
                    ("lone surrogates replaced", 60, "\\ud800")]
    assert all(p.end <= len(doc.text) for p in doc.passages)


def test_run_summary_counts_the_repairs_and_stores_the_text(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    data = ENGLISH.encode()
    (corpus / "damaged.txt").write_bytes(data[:30] + b"\xc3\x28\xff" + data[30:])
    (corpus / "nul.txt.gz").write_bytes(gzip.compress(RUSSIAN.encode() + b"\x00"))
    (corpus / "clean.txt").write_bytes(data.replace(b"240", b"300"))
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    with Store(tmp_path / "x.db") as store:
        summary = ingest([corpus], store, progress=False)
        texts = [r[0] for r in store.db.execute("SELECT text FROM documents")]
        log = store.db.execute("SELECT step, rule, before FROM cleaning_log WHERE step = 'read' ORDER BY rule").fetchall()
    assert summary.read == 3 and [s.origin.rsplit("/", 1)[-1] for s in summary.skipped] == ["binary.txt"]
    assert summary.repaired == {str(corpus / "damaged.txt"): "read with 2 replaced bytes",  # "(" is text
                                str(corpus / "nul.txt.gz"): "read with 1 dropped NUL byte"}
    lines = summary.lines()
    assert f"  {corpus / 'damaged.txt'}: read with 2 replaced bytes" in lines
    assert summary.as_dict()["repaired"][0]["note"] == "read with 2 replaced bytes"
    assert any("\ufffd" in t for t in texts)
    assert [tuple(r) for r in log] == [("read", "NUL bytes dropped", "\\x00"),
                                       ("read", "undecodable bytes replaced", "\\xc3"),
                                       ("read", "undecodable bytes replaced", "\\xff")]
