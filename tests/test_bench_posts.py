"""bench/posts_claims.py turns Telegram posts (JSONL) into a corpus with a manifest, split in two stable halves."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_bench():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location("posts_claims", ROOT / "bench" / "posts_claims.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return module


def test_each_post_is_a_document_signed_by_its_last_channel_mention(tmp_path: Path) -> None:
    posts = [{"id": "a1", "lang": "uk", "content": "  Знищено 12 дронів. Джерело: @first_chan\nПідписуйтесь @Our_Channel  "},
             {"id": "b2", "lang": "ru", "content": "Сбито 3 ракеты, пишут @ab. Пишите: news.desk@mailbox.org"}]  # too short a
    # handle, and an address's domain: no channel
    assert load_bench().write_posts(posts, tmp_path) == 2
    rows = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert rows == [{"path": "a1.txt", "language": "uk", "source": "Our_Channel"},
                    {"path": "b2.txt", "language": "ru", "source": "telegram"}]
    assert (tmp_path / "a1.txt").read_text(encoding="utf-8") == "Знищено 12 дронів. Джерело: @first_chan\nПідписуйтесь @Our_Channel\n"


def test_the_halves_are_stable_and_both_hold_posts() -> None:
    part_of = load_bench().part_of
    ids = [f"post-{i}" for i in range(400)]
    first = [part_of(i) for i in ids]
    assert first == [part_of(i) for i in ids]
    assert set(first) == {"held", "dev"}
    assert 120 < first.count("held") < 280
