"""CPU time of relate steps on a copy of an annotated store (the store itself is never written).

    .venv/bin/python bench/relate_steps.py STORE.db [STEP ...]      # default: every step but stories

Copies STORE.db to a temporary folder, runs each step alone (``relate_store(store, [step])``, the
stored stories of the copy are what the later steps read) and prints its CPU seconds, what it found,
the process's peak RSS, and the main story's size (documents and characters), which contested
statements, labels and the timeline scale with. Use it on the stores ``bench/scale.py --work DIR``
keeps (``DIR/run-N/one-core.db``) to measure one step before and after a change.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylens.relate import STEPS, CorpusView, relate_store  # noqa: E402
from storylens.store import Store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("steps", nargs="*", default=[s for s in STEPS if s != "stories"])
    args = parser.parse_args()
    if not args.store.is_file():
        sys.exit(f"no store at {args.store}")
    unknown = set(args.steps) - set(STEPS)
    if unknown:
        sys.exit(f"unknown relate steps: {', '.join(sorted(unknown))}; choose from {', '.join(STEPS)}")
    with tempfile.TemporaryDirectory(prefix="storylens-relate-") as tmp:
        copy = Path(tmp) / "store.db"
        shutil.copy(args.store, copy)
        with Store(copy) as store:
            view = CorpusView.of(store)
            main = view.main_ids
            chars = sum(len(doc.text) for doc in view.documents(main))
            print(f"{len(view.ids)} documents; main story {len(main)} documents, {chars / 1e6:.2f} M chars")
            for step in args.steps:
                cpu = time.process_time()
                found = relate_store(store, [step], progress=False).found[step]
                seconds = time.process_time() - cpu
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                print(f"{step:<13} {seconds:8.1f} CPU s  peak RSS {rss:6.0f} MB  {found}", flush=True)


if __name__ == "__main__":
    main()
