"""Numeric claims and claim groups on every development event corpus, scored by the shared scorer.

    .venv/bin/python bench/claims.py [--only SLUG ...] [--out DIR] [--reuse] [--no-event-scope] [--markdown]
    .venv/bin/python bench/claims.py --out DIR --scale 1 4 16

Runs ``storylens analyze`` on each corpus in ../shared/data/events into a fresh database (``--reuse``: keep
the databases already in ``--out`` and only group the stored claims again, for work on relate/claims.py),
then scores figures, figure sets, verdicts and scope traps with ../shared/tools/score_event.py. The claim
groups depend on the stories step (off-event documents are another event): ``--no-event-scope`` groups as
if every document were about the main event, which shows what the stories step costs or gains.
The corpora are development data: the same scorer is run on corpora about other events.

``--scale K …`` times the claim-groups step alone (``align``, process time) on the stored claims of every
corpus in ``--out`` copied K times, each copy under other document ids and outlets (more voices in every
series, the worst case for grouping), and prints the growth per 4x claims (target: sub-quadratic, <= 4.4x).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from storylens.analyze import analyze, build_analysis  # noqa: E402
from storylens.relate import CorpusView  # noqa: E402
from storylens.relate.claims import ClaimGroupSettings, align, aligned_claims, claim_key  # noqa: E402
from storylens.store import Store  # noqa: E402

METRICS = ("figures R", "sets", "verdicts", "traps")
TARGETS = {"figures R": ">= 0.85", "sets": ">= 0.8", "verdicts": ">= 0.8", "traps": "<= 0.1"}


def score(analysis: Path, gold: Path, verbose: bool) -> tuple[dict[str, float | None], str]:
    args = [sys.executable, str(SHARED / "tools" / "score_event.py"), str(analysis), str(gold)] + (["-v"] if verbose else [])
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    line = next((ln for ln in reversed(text.splitlines()) if ln.startswith("score:")), "")
    out: dict[str, float | None] = {}
    for name in METRICS:
        m = re.search(re.escape(name) + r"=([0-9.]+|n/a)", line)
        out[name] = float(m.group(1)) if m and m.group(1) != "n/a" else None
    return out, text


def regroup(store: Store, settings: ClaimGroupSettings) -> None:
    """Group the stored claims again (what relate_store's claim-groups step does) with ``settings``."""
    view = CorpusView.of(store)
    groups = align(aligned_claims(view, settings))
    members = [(g["id"], *claim_key(m)) for g in groups for m in g["members"]]
    store.save_relations("claim_group", groups, label="measure", status="status", members=members)


def run(slug: str, events: Path, out: Path, reuse: bool, event_scope: bool, verbose: bool):
    db = out / f"{slug}.db"
    started = time.perf_counter()
    if not (reuse and db.exists()):
        db.unlink(missing_ok=True)
        with Store(db) as store:
            analyze([events / slug], store, out / slug, progress=False)
    with Store(db) as store:
        regroup(store, ClaimGroupSettings(event_scope=event_scope))
        analysis = build_analysis(store)
    seconds = time.perf_counter() - started
    path = out / slug / ("analysis.json" if event_scope else "analysis-no-event-scope.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(analysis, ensure_ascii=False), encoding="utf-8")
    scores, text = score(path, events / f"{slug}.gold" / "gold.json", verbose)
    return scores, seconds, text, analysis


def scale(out: Path, factors: list[int]) -> None:
    """Time ``align`` on the stored claims copied ``k`` times for each k in ``factors``."""
    base = []
    for db in sorted(out.glob("*.db")):
        with Store(db) as store:
            base += list(aligned_claims(CorpusView.of(store)))
    if not base:
        sys.exit(f"no databases in {out}: run bench/claims.py --out {out} first")
    print("copies  claims  groups  seconds  growth")
    last = None
    for k in factors:
        claims = [replace(c, id=f"{j}/{c.id}", doc=f"{j}/{c.doc}", source=f"{c.source} #{j}",
                          doc_source=f"{c.doc_source} #{j}", origin=c.origin and f"{j}/{c.origin}")
                  for j in range(k) for c in base]
        started = time.process_time()
        groups = align(claims)
        seconds = time.process_time() - started
        growth = f"{seconds / last[1]:.2f}x per {k / last[0]:.0f}x" if last else ""
        print(f"{k}  {len(claims)}  {len(groups)}  {seconds:.2f}  {growth}")
        last = (k, seconds)


def fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=Path, default=SHARED / "data" / "events")
    parser.add_argument("--only", nargs="*", default=None, help="corpus slugs to run (default: all)")
    parser.add_argument("--out", type=Path, default=None, help="keep databases and outputs here")
    parser.add_argument("--reuse", action="store_true", help="reuse the databases in --out; only group again")
    parser.add_argument("--no-event-scope", action="store_true", help="ignore the stories step's off-event flags")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the scorer's full output")
    parser.add_argument("--scale", type=int, nargs="+", help="time claim grouping on the stores in --out copied K times")
    args = parser.parse_args()
    if args.scale:
        if not args.out:
            sys.exit("--scale needs --out DIR with the databases of a previous run")
        scale(args.out, args.scale)
        return
    slugs = sorted(p.parent.name[:-5] for p in args.events.glob("*.gold/gold.json"))
    if args.only:
        slugs = [s for s in slugs if s in args.only]
    if not slugs:
        sys.exit(f"no event corpora with gold under {args.events}")
    out = args.out or Path(tempfile.mkdtemp(prefix="storylens-claims-"))
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for slug in slugs:
        scores, seconds, text, analysis = run(slug, args.events, out, args.reuse, not args.no_event_scope,
                                              args.verbose)
        if args.verbose:
            print(text)
        rows.append((slug, scores, seconds, len(analysis["claims"]), len(analysis["claim_groups"])))
    header = ["corpus", *METRICS, "claims", "groups", "seconds"]
    sep = " | " if args.markdown else "  "
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
    else:
        print(sep.join(header))
    for slug, scores, seconds, n_claims, n_groups in rows:
        cells = [slug, *(fmt(scores[m]) for m in METRICS), str(n_claims), str(n_groups), f"{seconds:.0f}"]
        print(("| " + sep.join(cells) + " |") if args.markdown else sep.join(cells))
    if args.markdown:
        print("| target | " + " | ".join(TARGETS[m] for m in METRICS) + " | | | |")
    print(f"outputs in {out}")


if __name__ == "__main__":
    main()
