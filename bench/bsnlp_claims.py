"""Run the whole job on BSNLP's news documents of one language, topic by topic, for judging claims by hand.

    .venv/bin/python bench/bsnlp_claims.py --out DIR [--lang uk] [--topics covid-19 us_election_2020]
    .venv/bin/python bench/claims_sample.py DIR --seed 1 --show

The development event corpora hold 19 Ukrainian claims among 1,896; the unseen corpora the tool is judged on
include Ukrainian ones. BSNLP (``../shared/data/bsnlp/<topic>/raw/<lang>/``) holds real news in Ukrainian and
Russian about a few topics, with no claims gold: this script makes an ``analysis.json`` per topic under
``DIR/<topic>/`` (the layout ``bench/claims_sample.py`` and ``bench/claims_changes.py`` read), so a seeded
sample of its claims can be judged by seed 25's standard in docs/evaluation.md. Each raw file's header (id,
language, date, url) becomes a manifest row; its text is written to a temporary folder, never to the project.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "bsnlp"
sys.path.insert(0, str(ROOT / "src"))

from storylens.analyze import analyze  # noqa: E402
from storylens.store import Store  # noqa: E402


def write_corpus(raw: Path, folder: Path) -> int:
    """Write each raw file's text as ``<name>.txt`` and its header as a ``manifest.json`` row; return how many."""
    rows = []
    for path in sorted(p for p in raw.iterdir() if p.is_file()):
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        if len(lines) < 5:
            continue
        _doc_id, lang, date, url = (x.strip() for x in lines[:4])
        name = f"{path.stem}.txt"
        (folder / name).write_text("\n".join(lines[4:]).strip() + "\n", encoding="utf-8")
        rows.append({"path": name, "language": lang.lower(), "published": date, "url": url,
                     "source": urlparse(url).netloc.removeprefix("www.") or "unknown"})
    (folder / "manifest.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for <topic>/analysis.json and <topic>.db")
    parser.add_argument("--lang", default="uk", help="BSNLP language folder (default: uk)")
    parser.add_argument("--topics", nargs="*", default=None, help="topics to run (default: every topic with --lang)")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    topics = sorted(p.parent.parent.name for p in args.data.glob(f"*/raw/{args.lang}") if p.is_dir())
    if args.topics:
        topics = [t for t in topics if t in args.topics]
    if not topics:
        sys.exit(f"no BSNLP topics with {args.lang} documents under {args.data}")
    args.out.mkdir(parents=True, exist_ok=True)
    print("topic  documents  claims  seconds")
    for topic in topics:
        run_corpus(lambda folder: write_corpus(args.data / topic / "raw" / args.lang, folder), args.out, topic)
    print(f"outputs in {args.out}")


def run_corpus(write: Callable[[Path], int], out: Path, name: str) -> None:
    """Write a corpus with ``write`` into a temporary folder, run the whole job into ``out/name`` and print a line."""
    with tempfile.TemporaryDirectory(prefix="storylens-bench-") as tmp:
        n = write(Path(tmp))
        t = time.perf_counter()
        db = out / f"{name}.db"
        db.unlink(missing_ok=True)
        with Store(db) as store:
            analyze([Path(tmp)], store, out / name, progress=False)
        seconds = time.perf_counter() - t
    claims = len(json.loads((out / name / "analysis.json").read_text(encoding="utf-8"))["claims"])
    print(f"{name}  {n}  {claims}  {seconds:.0f}", flush=True)


if __name__ == "__main__":
    main()
