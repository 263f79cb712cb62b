"""Sample timeline entries for judging by hand: N per corpus with a fixed seed.

    .venv/bin/python bench/events.py --out /tmp/ev            # analyse every development corpus
    .venv/bin/python bench/timeline.py /tmp/ev --sample 15    # then print 15 entries of each

For each ``<dir>/<slug>/analysis.json``: how many days the timeline has, how many sources the
entries draw on, then the sampled entries (date, the summary's document and its publication
date, the number of sources, the summary) — what a reader judges: is it a real description of
something that happened, on that day? The judgements go into docs/evaluation.md.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="the --out folder of bench/events.py")
    ap.add_argument("--sample", type=int, default=15)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--width", type=int, default=400, help="characters of each summary shown")
    args = ap.parse_args()
    for path in sorted(args.out.glob("*/analysis.json")):
        analysis = json.loads(path.read_text(encoding="utf-8"))
        docs = {d["id"]: d for d in analysis["documents"]}
        days = analysis["timeline"]
        multi = sum(len(d.get("sources", [])) > 1 for d in days)
        print(f"\n## {path.parent.name}: {len(days)} days, {multi} of them from more than one source")
        sample = random.Random(args.seed).sample(days, min(args.sample, len(days)))
        for n, day in enumerate(sorted(sample, key=lambda d: d["date"]), start=1):
            first = day["evidence"][0]
            doc = docs.get(first["doc"], {})
            origin = Path(doc.get("origin") or first["doc"]).name
            summary = " ".join(day["summary"].split())[:args.width]
            print(f"{n:2}. {day['date']}  [{origin}, published {(doc.get('published') or '?')[:10]}, "
                  f"{len(day.get('sources', []))} sources] {summary}")


if __name__ == "__main__":
    main()
