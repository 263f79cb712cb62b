"""Did a change alter what the relate steps found? Compares two ``bench/events.py --out`` folders.

    .venv/bin/python bench/compare_analyses.py BEFORE_DIR AFTER_DIR

For each corpus folder in both, reads ``analysis.json`` and compares the stories, each document's
story, off-event flag and reason, the contested statements, the actor labels and the timeline; prints
one line per corpus saying which are identical and which differ (exit status 1 when any differs).
A change meant to save memory or time, not to change results, should print "DIFFERENT: none".
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def parts(analysis: dict) -> dict[str, object]:
    """What the stories and contested steps, and the steps reading them, put in ``analysis``."""
    return {"stories": analysis["stories"],
            "documents' story, off-event, why": {d["id"]: (d["story"], d["off_event"], d["why"])
                                                 for d in analysis["documents"]},
            "contested": analysis["contested"], "actor labels": analysis["actor_labels"],
            "timeline": analysis["timeline"]}


def main() -> None:
    before, after = Path(sys.argv[1]), Path(sys.argv[2])
    changed = False
    for slug in sorted(p.name for p in before.iterdir() if (p / "analysis.json").is_file()):
        a = json.loads((before / slug / "analysis.json").read_text(encoding="utf-8"))
        b = json.loads((after / slug / "analysis.json").read_text(encoding="utf-8"))
        pa, pb = parts(a), parts(b)
        differ = [k for k in pa if pa[k] != pb[k]]
        changed |= bool(differ)
        print(f"{slug}: {len(a['documents'])} documents, {len(a['stories'])} stories, {len(a['contested'])} "
              f"contested, {len(a['actor_labels'])} labels; identical: {', '.join(k for k in pa if k not in differ)}; "
              f"DIFFERENT: {', '.join(differ) or 'none'}")
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
