"""Which claims a change altered, and how often chosen constructions occur: two ``bench/events.py --out`` folders.

    .venv/bin/python bench/claims_changes.py BEFORE_DIR AFTER_DIR [--field where]

Matches claims by document file and span across every corpus folder in both, and prints one line per claim whose
place, source, intermediary, measure or qualifier differs (or that only one run has), with its sentence, to be read
by hand (the corpora's text is their publishers': printed here, never copied into the project); then, for each
construction of ``CONSTRUCTIONS`` (a regular expression over a claim's sentence), how many claims of BEFORE_DIR and how
many distinct sentences have it: how common a construction is across the corpora, before a rule for it is ranked.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

FIELDS = ("where", "by", "via", "measure", "qualifier")
CONSTRUCTIONS = {  # round 12's place and source constructions (en, ru, uk)
    "within the <place noun>": r"(?i)\b(?:within|внутри|всередині)\s+(?:the\s+)?(?:country|state|island|region|city|страны|країни)\b",
    "your/our town": r"(?i)\b(?:in|at)\s+(?:your|our)\s+(?:city|town|village)\b|\b(?:в|у)\s+(?:нашем|вашем|нашому|вашому)\s+(?:городе|місті|селе|селі)",
    "attack noun of the town": r"(?i)\b(?:shelling|bombing|bombardment|siege)\s+of\s+the\s+(?:city|town|village)\b|(?:обстрел\w*|обстріл\w*)\s+(?:города|міста|села)",
    "the town of <number>": r"(?i)\bthe\s+(?:city|town|village)\s+of\s+\d",
    "The area (subject)": r"(?:^|[.!?]\s+)The area\s+(?!of\b|around\b|near\b)[a-z]",
    "owner typed ´ ` ‘": r"[A-Z][a-z]+[´`‘]s\b",
    "annexed/occupied + year": r"(?i)\b(?:annex\w*|occupied|аннекс\w*|анекс\w*|оккупир\w*|окупов\w*)\b[^.]{0,60}\b(?:19|20)\d\d\b",
    "superlative noun in": r"(?i)\bthe\s+(?:largest|biggest|worst|deadliest|most \w+)\s+(?:\w+\s+){1,3}in\s+[A-Z]",
    "speech verb + colon quote": r"(?i)\b(?:tweeting|tweeted|wrote|posting|posted|saying)\s*:\s*[\"“«]",
    "estimated (time) that": r"(?i)\bestimated\s+(?:\w+\s+)?that\b",
    "asked for / requested": r"(?i)\b(?:asked for|asks for|requested|запросил\w*|запросив\w*|попросил\w*|попросив)\b",
    "floated": r"(?i)\bfloated\b",
    "numbers/data suggest": r"(?i)\b(?:numbers|figures|data|statistics)\s+suggests?\b",
    "demand + family": r"(?i)(?:demand\w*|требу\w*|вимага\w*)[^.]{0,40}(?:mother of|мать|матір)",
}


def claims(folder: Path, slug: str) -> dict[tuple, dict]:
    analysis = json.loads((folder / slug / "analysis.json").read_text(encoding="utf-8"))
    names = {d["id"]: Path(d["origin"]).name for d in analysis["documents"]}
    return {(names[c["doc"]], c["start"], c["end"]): c for c in analysis["claims"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--field", choices=FIELDS, help="only claims where this field differs")
    args = parser.parse_args()
    slugs = sorted(p.name for p in args.before.iterdir() if (p / "analysis.json").is_file()
                   and (args.after / p.name / "analysis.json").is_file())
    changed = 0
    counts = {k: [0, set()] for k in CONSTRUCTIONS}
    for slug in slugs:
        a, b = claims(args.before, slug), claims(args.after, slug)
        for c in a.values():
            for name, rx in CONSTRUCTIONS.items():
                if re.search(rx, c["text"]):
                    counts[name][0] += 1
                    counts[name][1].add(c["text"])
        for key in sorted(set(a) | set(b)):
            ca, cb = a.get(key), b.get(key)
            if ca is None or cb is None:
                c = ca or cb
                print(slug, key, "only", "before" if cb is None else "after", c["measure"], "|", c["text"][:200])
                changed += 1
                continue
            diffs = [(f, ca.get(f), cb.get(f)) for f in FIELDS if ca.get(f) != cb.get(f)]
            if diffs and (args.field is None or any(f == args.field for f, _, _ in diffs)):
                changed += 1
                print(slug, key, diffs, "|", cb["text"][:220].replace("\n", " "))
    print(f"{changed} claims changed")
    print("| construction | claims | sentences |")
    for name, (n, sentences) in counts.items():
        print(f"| {name} | {n} | {len(sentences)} |")


if __name__ == "__main__":
    main()
