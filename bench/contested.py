"""The contested step alone: its items on stored event corpora, and its growth with corpus size.

    .venv/bin/python bench/events.py --out /tmp/ev            # once: analyze every event corpus
    .venv/bin/python bench/contested.py --stores /tmp/ev [-v]   # rerun only the contested step, score it
    .venv/bin/python bench/contested.py --sizes 250 1000 4000   # CPU seconds of the step per size

With ``--stores``, each ``<slug>.db`` there (written by bench/events.py) gets the contested step
run again on what it stores; ``analysis.json`` is rewritten beside it and the shared scorer's
``contested`` line printed; ``-v`` lists every item (kind, both sides) for judging by hand.
With ``--sizes``, generated corpora (bench/ingest.py's generator, half about made-up events) are
cleaned and the step is timed on their documents without annotations (every sentence is then a
candidate claim: more work than on an annotated store). The last line is
``contested growth per 4x: G`` (the largest over consecutive sizes, scaled to a 4x step).
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from storylens.analyze import write_analysis  # noqa: E402
from storylens.relate import relate_store  # noqa: E402
from storylens.store import Store  # noqa: E402


def rescore(stores: Path, events: Path, verbose: bool) -> None:
    for db in sorted(stores.glob("*.db")):
        slug = db.stem
        gold = events / f"{slug}.gold" / "gold.json"
        if not gold.exists():
            continue
        t = time.process_time()
        with Store(db) as store:
            relate_store(store, ["contested"], progress=False)
            seconds = time.process_time() - t
            (stores / slug).mkdir(exist_ok=True)
            write_analysis(store, stores / slug / "analysis.json")
            items = store.relations("contested")
        text = subprocess.run([sys.executable, str(SHARED / "tools" / "score_event.py"),
                               str(stores / slug / "analysis.json"), str(gold), "-v"],
                              capture_output=True, text=True, check=True).stdout
        found = next((ln for ln in text.splitlines() if ln.startswith("contested found")), "contested: n/a")
        print(f"{slug}: {found} ({seconds:.1f} CPU s)")
        if verbose:
            for ln in text.splitlines():
                if "contested" in ln.lower() and ln.startswith("  "):
                    print(ln)
            for item in items:
                print(f"  [{item['id']}] {item.get('kind')} {item.get('score')}: {item['about'][:150]}")
                for side, evidence in item["sides"].items():
                    for ev in evidence:
                        print(f"      {side:>5} {ev['source'][:18]:18} {ev['text'][:160]!r}")


def growth(sizes: list[int]) -> None:
    from ingest import build_corpus  # bench/ingest.py

    from storylens.clean import clean_document
    from storylens.config import CleanSettings, ReadSettings
    from storylens.corpus import Skipped, read_paths
    from storylens.relate.contested import find_contested
    from storylens.relate.embeddings import encode

    encode(["warm up the encoder"])
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            build_corpus(Path(tmp), n, mixed=0.5)
            docs = [clean_document(raw, CleanSettings()) for raw in read_paths([Path(tmp)], ReadSettings())
                    if not isinstance(raw, Skipped)]
        t = time.process_time()
        items = find_contested(docs)
        seconds = time.process_time() - t
        rows.append((len(docs), seconds))
        print(f"{len(docs)} documents: contested {seconds:.1f} CPU s, {len(items)} items")
    worst = max((math.log(b / a) / math.log(m / n) for (n, a), (m, b) in zip(rows, rows[1:])), default=1.0)
    print(f"contested growth per 4x: {4 ** worst:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stores", type=Path, help="a bench/events.py --out folder")
    parser.add_argument("--events", type=Path, default=SHARED / "data" / "events")
    parser.add_argument("--sizes", nargs="*", type=int, default=[])
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if not args.stores and not args.sizes:
        parser.error("give --stores DIR or --sizes N …")
    if args.stores:
        rescore(args.stores, args.events, args.verbose)
    if args.sizes:
        growth(args.sizes)


if __name__ == "__main__":
    main()
