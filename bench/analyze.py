"""Speed and memory of `analyze` on generated corpora, and how the relate step grows.

    .venv/bin/python bench/analyze.py [--sizes 1000 10000] [--relate-only]

For each size, a corpus is generated from the demo documents (bench/ingest.py's
generator: shuffled paragraphs, swapped figures and names, noise kept), then the whole
pipeline runs on one core: ingest + clean, annotate, relate + report. Prints documents/s
per stage, peak RSS, and the relate time per document, whose growth across sizes shows
whether relating compares all pairs (it must not: claims are blocked by measure and
scope, contested statements and stories use nearest-neighbour search on embeddings).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from ingest import build_corpus  # noqa: E402  (bench/ingest.py)

from storylens.analyze import build_analysis  # noqa: E402
from storylens.annotate import annotate_store  # noqa: E402
from storylens.config import Settings  # noqa: E402
from storylens.ingest import ingest  # noqa: E402
from storylens.report import write_report  # noqa: E402
from storylens.relate import relate_store  # noqa: E402
from storylens.store import Store  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(size: int, work: Path) -> dict[str, float]:
    corpus = work / f"corpus-{size}"
    build_corpus(corpus, size)
    settings = Settings()
    out: dict[str, float] = {"docs": size}
    with Store(work / f"bench-{size}.db") as store:
        t = time.perf_counter()
        ingest([corpus], store, settings, progress=False)
        out["ingest_s"] = time.perf_counter() - t
        t = time.perf_counter()
        annotate_store(store, settings.annotate, progress=False)
        out["annotate_s"] = time.perf_counter() - t
        t = time.perf_counter()
        relate_store(store, progress=False)
        analysis = build_analysis(store)
        out["relate_s"] = time.perf_counter() - t
        t = time.perf_counter()
        write_report(analysis, work / f"report-{size}.html")
        out["report_s"] = time.perf_counter() - t
        out["claims"] = len(analysis["claims"])
        out["groups"] = len(analysis["claim_groups"])
    out["peak_mb"] = peak_mb()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = [run(size, Path(tmp)) for size in args.sizes]
    print(f"{'docs':>6} {'ingest d/s':>10} {'annotate d/s':>12} {'relate s':>9} {'relate ms/doc':>13} "
          f"{'report s':>9} {'total d/s':>9} {'claims':>7} {'groups':>7} {'peak MB':>8}")
    for r in rows:
        total = r["ingest_s"] + r["annotate_s"] + r["relate_s"] + r["report_s"]
        print(f"{r['docs']:>6.0f} {r['docs'] / r['ingest_s']:>10.1f} {r['docs'] / r['annotate_s']:>12.1f} "
              f"{r['relate_s']:>9.1f} {1000 * r['relate_s'] / r['docs']:>13.2f} {r['report_s']:>9.1f} "
              f"{r['docs'] / total:>9.1f} {r['claims']:>7.0f} {r['groups']:>7.0f} {r['peak_mb']:>8.0f}")
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        growth = (b["relate_s"] / a["relate_s"]) / (b["docs"] / a["docs"])
        print(f"relate time grew {b['relate_s'] / a['relate_s']:.1f}x for {b['docs'] / a['docs']:.0f}x documents "
              f"(1.0 = linear; all-pairs would be {b['docs'] / a['docs']:.0f}.0)")
        print(f"(peak MB is the process maximum so far: read it per size from separate runs)"
              if len(rows) > 1 else "")


if __name__ == "__main__":
    main()
