"""Run the whole job on UNLP-2025's Telegram posts (Ukrainian and Russian), for judging claims by hand.

    .venv/bin/python bench/posts_claims.py --out DIR [--part held] [--langs uk ru]
    .venv/bin/python bench/claims_sample.py DIR --seed 1 --show

BSNLP's news (``bench/bsnlp_claims.py``) are edited articles about six topics; the unseen corpora also hold
Telegram posts, short and unedited, about any event. UNLP-2025's training posts (``../shared/data/unlp2025/
train.jsonl``, labelled for persuasion techniques, not for claims) are war-time posts of many channels in both
languages. Each post becomes one document (its last ``@channel`` mention, the way a post signs itself, as its
source); the posts are split in two halves by a hash of their id, so one half (``held``) can stay a measure no
rule was written from while the other (``dev``) is free to read. Output: ``DIR/<part>-<lang>/analysis.json``,
the layout ``bench/claims_sample.py`` and ``bench/claims_changes.py`` read. Texts go to a temporary folder only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

from bsnlp_claims import run_corpus

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "unlp2025" / "train.jsonl"
CHANNEL = re.compile(r"(?<![\w.])@([A-Za-z][A-Za-z0-9_]{3,})")  # not an e-mail address's domain


def part_of(post_id: str) -> str:
    """``held`` or ``dev``: a stable half by the id's hash, the same on every machine and in every run."""
    return "held" if hashlib.sha1(post_id.encode("utf-8")).digest()[0] % 2 else "dev"


def write_posts(posts: list[dict], folder: Path) -> int:
    """Write each post as ``<id>.txt`` with a ``manifest.json`` row (language, source); return how many."""
    rows = []
    for post in posts:
        name = f"{post['id']}.txt"
        (folder / name).write_text(post["content"].strip() + "\n", encoding="utf-8")
        channels = CHANNEL.findall(post["content"])
        rows.append({"path": name, "language": post["lang"], "source": channels[-1] if channels else "telegram"})
    (folder / "manifest.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for <part>-<lang>/analysis.json")
    parser.add_argument("--part", choices=("held", "dev"), default="held", help="which half of the posts (default: held)")
    parser.add_argument("--langs", nargs="*", default=["uk", "ru"])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"no posts at {args.data}: pass --data PATH to UNLP-2025's train.jsonl")
    posts = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    args.out.mkdir(parents=True, exist_ok=True)
    print("corpus  documents  claims  seconds")
    for lang in args.langs:
        chosen = [p for p in posts if p.get("lang") == lang and p.get("content", "").strip() and part_of(p["id"]) == args.part]
        if chosen:
            run_corpus(lambda folder, chosen=chosen: write_posts(chosen, folder), args.out, f"{args.part}-{lang}")
    print(f"outputs in {args.out}")


if __name__ == "__main__":
    main()
