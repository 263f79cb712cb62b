"""Score `storylens analyze` on every event corpus in ../shared/data/events (or --events DIR).

    .venv/bin/python bench/events.py [--only SLUG ...] [--out DIR] [-v]

For each `<slug>/` with a `<slug>.gold/gold.json` beside it, runs the whole job into a fresh
database, then the shared scorer (`../shared/tools/score_event.py`), and prints one row per corpus
and, last, the mean of each metric. `--markdown` prints the table for docs/evaluation.md.
The corpora are development data: the same scorer is run on corpora about other events.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from storylens.analyze import analyze  # noqa: E402
from storylens.store import Store  # noqa: E402

METRICS = ("figures R", "sets", "verdicts", "traps", "contested", "labels", "offevent_F1")
TARGETS = {"figures R": ">= 0.85", "sets": ">= 0.8", "verdicts": ">= 0.8", "traps": "<= 0.1",
           "contested": ">= 0.6", "labels": ">= 0.7", "offevent_F1": ">= 0.8"}


def score_line(text: str) -> dict[str, float | None]:
    """The scorer's last line `score: figures R=… sets=… …` as numbers (None for n/a)."""
    line = next((ln for ln in reversed(text.splitlines()) if ln.startswith("score:")), "")
    out: dict[str, float | None] = {}
    for name in METRICS:
        m = re.search(re.escape(name) + r"=([0-9.]+|n/a)", line)
        out[name] = float(m.group(1)) if m and m.group(1) != "n/a" else None
    return out


def run(slug: str, events: Path, out: Path, verbose: bool) -> tuple[dict[str, float | None], float, str]:
    t = time.perf_counter()
    with Store(out / f"{slug}.db") as store:
        analyze([events / slug], store, out / slug, progress=False)
    seconds = time.perf_counter() - t
    args = [sys.executable, str(SHARED / "tools" / "score_event.py"), str(out / slug / "analysis.json"),
            str(events / f"{slug}.gold" / "gold.json")] + (["-v"] if verbose else [])
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return score_line(text), seconds, text


def fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=Path, default=SHARED / "data" / "events")
    parser.add_argument("--only", nargs="*", default=None, help="corpus slugs to run (default: all)")
    parser.add_argument("--out", type=Path, default=None, help="keep databases and outputs here")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the scorer's full output")
    args = parser.parse_args()
    slugs = sorted(p.parent.name[:-5] for p in args.events.glob("*.gold/gold.json"))
    if args.only:
        slugs = [s for s in slugs if s in args.only]
    if not slugs:
        sys.exit(f"no event corpora with gold under {args.events}")
    out = args.out or Path(tempfile.mkdtemp(prefix="storylens-events-"))
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for slug in slugs:
        scores, seconds, text = run(slug, args.events, out, args.verbose)
        if args.verbose:
            print(text)
        rows.append((slug, scores, seconds))
    sep = " | " if args.markdown else "  "
    header = ["corpus", *METRICS, "seconds"]
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
    else:
        print(sep.join(header))
    for slug, scores, seconds in rows:
        cells = [slug, *(fmt(scores[m]) for m in METRICS), f"{seconds:.0f}"]
        print(("| " + sep.join(cells) + " |") if args.markdown else sep.join(cells))
    means = []
    for m in METRICS:
        vals = [s[m] for _, s, _ in rows if s[m] is not None]
        means.append(sum(vals) / len(vals) if vals else None)
    cells = ["mean", *(fmt(x) for x in means), ""]
    print(("| " + sep.join(cells) + " |") if args.markdown else sep.join(cells))
    if args.markdown:
        print("| target | " + " | ".join(TARGETS[m] for m in METRICS) + " | |")
    print(f"outputs in {out}")


if __name__ == "__main__":
    main()
