"""bench/bsnlp_claims.py turns BSNLP's raw files (a four-line header, then text) into a corpus with a manifest."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_bench():
    spec = importlib.util.spec_from_file_location("bsnlp_claims", ROOT / "bench" / "bsnlp_claims.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_header_becomes_manifest_row_and_text_keeps_only_the_body(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir(), out.mkdir()
    (raw / "uk-7").write_text("uk-7\nUK\n2021-03-02\nhttps://www.example.org/a/1\nЗаголовок\n\nУ місті відкрили 12 шкіл.\n",
                              encoding="utf-8")
    (raw / "uk-8").write_text("uk-8\nuk\n2021-03-02\n", encoding="utf-8")  # a header and no text: skipped
    assert load_bench().write_corpus(raw, out) == 1
    rows = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert rows == [{"path": "uk-7.txt", "language": "uk", "published": "2021-03-02",
                     "url": "https://www.example.org/a/1", "source": "example.org"}]
    assert (out / "uk-7.txt").read_text(encoding="utf-8") == "Заголовок\n\nУ місті відкрили 12 шкіл.\n"
