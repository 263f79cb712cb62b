"""How stable the off-event flags are: the stories step on random subsets of each event corpus.

    .venv/bin/python bench/events.py --out /tmp/ev                      # analyse, keep the databases
    .venv/bin/python bench/offevent_subsets.py /tmp/ev                  # then 12 subsets of 80 % each
    .venv/bin/python bench/offevent_subsets.py /tmp/ev --set headline_percentile=5 headline_percentile=10
                                                                        # compare StorySettings values

A method that is right only on the whole corpus it was tuned on is right by chance: a user's corpus
is another sample of the same kind of coverage. For each `<slug>.db` in the folder (with
`<slug>.gold/gold.json` in the event folder), the stories step (`relate.stories.group_stories`, with
the stored annotations) runs on `--subsets` random subsets of `--share` of the documents, and the
off-event F1 against the gold documents in each subset is printed: mean, lowest, and how many
subsets fall below 0.6, then the mean of the corpora. `--set NAME=VALUE[,NAME=VALUE]` runs once per
argument with those `StorySettings` fields changed (default: the defaults). Nothing is written.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylens.config import StorySettings  # noqa: E402
from storylens.relate import CorpusView  # noqa: E402
from storylens.relate.stories import group_stories  # noqa: E402
from storylens.store import Store  # noqa: E402

EVENTS = ROOT.parent / "shared" / "data" / "events"


def f1(flagged: set[str], truth: set[str]) -> float:
    tp = len(flagged & truth)
    return 2 * tp / (len(flagged) + len(truth)) if flagged or truth else 1.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="the --out folder of bench/events.py (holds <slug>.db)")
    ap.add_argument("--events", type=Path, default=EVENTS)
    ap.add_argument("--subsets", type=int, default=12)
    ap.add_argument("--share", type=float, default=0.8)
    ap.add_argument("--set", nargs="+", default=[""], dest="variants",
                    help="StorySettings changes per run, e.g. outlier_z=-1.5,central_share=0.3")
    args = ap.parse_args()
    dbs = sorted(p for p in args.out.glob("*.db") if (args.events / f"{p.stem}.gold" / "gold.json").exists())
    if not dbs:
        sys.exit(f"no <slug>.db with a gold file under {args.out}; run bench/events.py --out {args.out} first")
    print(f"off-event F1 on {args.subsets} random subsets of {args.share:.0%} of each corpus")
    means: dict[str, list[float]] = {v: [] for v in args.variants}
    for db in dbs:
        gold = set(json.loads((args.events / f"{db.stem}.gold" / "gold.json").read_text(encoding="utf-8"))["off_event"])
        with Store(db) as store:
            docs = list(CorpusView.of(store).documents())
            names = {d.id: Path(d.origin).name for d in docs}
            for variant in args.variants:
                settings = settings_with(variant)
                scores = []
                for seed in range(args.subsets):
                    sub = random.Random(seed).sample(docs, int(args.share * len(docs)))
                    _, _, off, _ = group_stories(sub, store.annotations, settings)
                    scores.append(f1(off, {d.id for d in sub if names[d.id] in gold}))
                means[variant].append(sum(scores) / len(scores))
                print(f"  {db.stem:24} {variant or 'defaults':30} mean {means[variant][-1]:.3f}, "
                      f"lowest {min(scores):.3f}, below 0.6 in {sum(s < 0.6 for s in scores)}")
    for variant, values in means.items():
        print(f"  {'mean of the corpora':24} {variant or 'defaults':30} {sum(values) / len(values):.3f}")


def settings_with(variant: str) -> StorySettings:
    """``StorySettings`` with ``name=value`` pairs (comma-separated) changed."""
    changes = {}
    for pair in filter(None, variant.split(",")):
        name, value = pair.split("=", 1)
        kind = type(getattr(StorySettings, name.strip()))
        changes[name.strip()] = value.strip().lower() in ("1", "true", "yes") if kind is bool else kind(value)
    return StorySettings(**changes)


if __name__ == "__main__":
    main()
