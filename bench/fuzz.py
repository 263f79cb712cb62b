"""Throughput of `storylens analyze` on hostile input against clean text of the same size.

    python bench/fuzz.py                        # 1,000 fuzzed files, huge lines up to 100,000 characters
    python bench/fuzz.py --files 300 --max-line 10000
    python bench/fuzz.py --keep                 # keep both corpora and databases in bench/_corpus_fuzz/

The hostile corpus is tests/fuzzing.py's seeded mutator applied to examples/kazakhstan-2022
(byte flips, markup, control and bidi characters, huge lines, repeated blocks, truncation,
re-encoding, broken gzip and JSON). The clean corpus is bench/ingest.py's variants of the same
examples, as many bytes. Both go through the whole job (read, clean, annotate, relate,
report) into a fresh database; the target is hostile within 2x of clean, per megabyte.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from bench.ingest import build_corpus  # noqa: E402
from storylens.analyze import analyze  # noqa: E402
from storylens.store import Store  # noqa: E402
from tests import fuzzing  # noqa: E402

KEEP_DIR = ROOT / "bench" / "_corpus_fuzz"


def run(corpus: Path, work: Path) -> dict[str, float]:
    """The whole job on ``corpus``: seconds (wall and CPU) and what was stored or skipped."""
    db = work / f"{corpus.name}.db"
    wall, cpu = time.perf_counter(), time.process_time()
    with Store(db) as store:
        analyze([corpus], store, work / f"{corpus.name}-report", progress=False)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    with sqlite3.connect(db) as con:
        docs = con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        skipped = con.execute("SELECT COUNT(*) FROM skipped").fetchone()[0]
        repaired = con.execute("SELECT COUNT(DISTINCT doc_id) FROM cleaning_log WHERE step = 'read'").fetchone()[0]
    size = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file())
    return {"files": sum(1 for p in corpus.rglob("*") if p.is_file()), "mb": size / 1e6, "docs": docs,
            "skipped": skipped, "repaired": repaired, "wall": wall, "cpu": cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--max-line", type=int, default=100_000, help="longest huge line the mutator writes")
    parser.add_argument("--keep", action="store_true", help=f"keep corpora and databases in {KEEP_DIR}")
    args = parser.parse_args()

    work = KEEP_DIR if args.keep else Path(tempfile.mkdtemp(prefix="storylens-fuzz-"))
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        hostile_bytes = fuzzing.write(work / "hostile", fuzzing.derive(args.files, args.seed, args.max_line))
        average = sum(len(data) for _, data in fuzzing.sources()) / len(fuzzing.sources())
        build_corpus(work / "clean", max(1, round(hostile_bytes / average)), seed=args.seed)
        rows = {"hostile": run(work / "hostile", work), "clean": run(work / "clean", work)}
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print(f"python bench/fuzz.py --files {args.files} --seed {args.seed} --max-line {args.max_line}")
    print(f"{'corpus':<8} {'files':>6} {'MB':>6} {'docs':>6} {'skipped':>8} {'repaired':>9} "
          f"{'wall s':>8} {'CPU s':>8} {'MB/CPU-min':>11} {'docs/CPU-s':>11}")
    for name, r in rows.items():
        print(f"{name:<8} {r['files']:>6} {r['mb']:>6.2f} {r['docs']:>6} {r['skipped']:>8} {r['repaired']:>9} "
              f"{r['wall']:>8.1f} {r['cpu']:>8.1f} {60 * r['mb'] / r['cpu']:>11.2f} {r['docs'] / r['cpu']:>11.2f}")
    per_mb = {name: r["cpu"] / r["mb"] for name, r in rows.items()}
    print(f"hostile / clean, CPU seconds per MB: {per_mb['hostile'] / per_mb['clean']:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
