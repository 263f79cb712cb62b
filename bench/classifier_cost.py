"""What the classifiers add to `analyze`: the same generated corpus analysed with and without them.

    .venv/bin/python bench/classifier_cost.py [--docs 200]

Prints CPU seconds for each run and the ratio (budget: at most 1.30). One core.
"""

from __future__ import annotations

import argparse
import os
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

from storylens.analyze import analyze  # noqa: E402
from storylens.config import ANNOTATORS, Settings  # noqa: E402
from storylens.store import Store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        build_corpus(work / "corpus", args.docs)
        seconds = {}
        for name, components in [("without classifiers", tuple(c for c in ANNOTATORS if c != "persuasion")),
                                 ("with classifiers", ANNOTATORS)]:
            settings = Settings()
            settings.annotate.components = components
            settings.parallel.workers = 1  # one core: ingest/annotate would start worker processes from 200 documents
            with Store(work / f"{len(components)}.db") as store:
                start = time.process_time()
                analyze([work / "corpus"], store, work / f"out-{len(components)}", settings, progress=False)
                seconds[name] = time.process_time() - start
            print(f"analyze {name:<20} {seconds[name]:7.1f} CPU s")
    print(f"ratio: {seconds['with classifiers'] / seconds['without classifiers']:.2f} (budget 1.30)")


if __name__ == "__main__":
    main()
