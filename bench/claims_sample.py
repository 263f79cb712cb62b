"""A seeded random sample of claims from the development event corpora, for judging by hand.

    .venv/bin/python bench/claims_sample.py DIR [--n 100] [--seed 8] [--show]

DIR holds the outputs of ``bench/claims.py --out DIR`` (``<slug>/analysis.json``). Claims are drawn
uniformly from all corpora together with ``random.Random(seed)``. Without ``--show`` it prints one table row
per claim with what the extractor said (file, offsets, kind, measure, value or bounds, place, subgroup,
source) and an empty judgment column, for docs/evaluation.md; ``--show`` also prints each claim's sentence,
to judge by (the corpora's text is their publishers': it is read here, never copied into the project).
``--before OLD`` draws the sample from OLD (a run judged before) and prints, under each of its rows, the claim
DIR has at the same file and span (or, when none, the claims DIR has in the same sentence, or "no claim"): the
same judged claims before and after a change, whatever the change did to the number of claims.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path


def fmt(x: float | None) -> str:
    if x is None:
        return ""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


def figure(c: dict) -> str:
    if c["kind"] == "date" and c["value"] is not None:
        return str(int(c["value"]))
    if c["value"] is not None:
        return fmt(c["value"])
    return f"{fmt(c['lo'])}–{fmt(c['hi'])}" if c["lo"] is not None and c["hi"] is not None else (
        f"≥{fmt(c['lo'])}" if c["lo"] is not None else f"≤{fmt(c['hi'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--show", action="store_true", help="print each claim's sentence too")
    parser.add_argument("--before", type=Path, help="draw the sample from this earlier run; show DIR's claims beside")
    args = parser.parse_args()
    pool = claims_of(args.before or args.dir)
    sample = random.Random(args.seed).sample(pool, min(args.n, len(pool)))
    after: dict[tuple, list[dict]] = {}
    if args.before:
        for slug, doc, c in claims_of(args.dir):
            after.setdefault((slug, Path(doc["origin"]).name, c["sentence_start"]), []).append(c)
    print(f"{len(sample)} of {len(pool)} claims, seed {args.seed}")
    print("| # | corpus | file | span | kind | measure | figure | place | subgroup / subject | source | judged |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    marks: dict[str, int] = {}
    for i, (slug, doc, c) in enumerate(sample, 1):
        name = Path(doc["origin"]).name
        print(f"| {i} | {slug} | {name} | {row(c)} | |")
        if args.before:
            near = after.get((slug, name, c["sentence_start"]), [])
            same = [n for n in near if (n["start"], n["end"]) == (c["start"], c["end"])]
            shown = same or near
            mark = "same" if same and row(same[0]) == row(c) else ("changed" if same else "in its sentence")
            mark = mark if shown else "no claim"
            marks[mark] = marks.get(mark, 0) + 1
            print(f"      after ({mark}): " + " ; ".join(row(n) for n in shown))
        if args.show:
            print("      " + doc["text"][c["sentence_start"]:c["sentence_end"]].replace("\n", " ")[:400])
    if args.before:
        print("after: " + ", ".join(f"{n} {mark}" for mark, n in sorted(marks.items())))


def claims_of(directory: Path) -> list[tuple[str, dict, dict]]:
    """Every claim of every ``<slug>/analysis.json`` under ``directory``, with its corpus and document."""
    pool = []
    for path in sorted(directory.glob("*/analysis.json")):
        analysis = json.loads(path.read_text(encoding="utf-8"))
        docs = {d["id"]: d for d in analysis["documents"]}
        for c in analysis["claims"]:
            pool.append((path.parent.name, docs[c["doc"]], c))
    return pool


def row(c: dict) -> str:
    """A claim's table cells from its span to its source."""
    who = c.get("subgroup") or c.get("subject") or ""
    return (f"{c['start']}–{c['end']} | {c['kind']} | {c['measure']} | {figure(c)} {c['unit']} | {c['where'] or ''} | "
            f"{who} | {c['by'] or '(outlet)'}")


if __name__ == "__main__":
    main()
