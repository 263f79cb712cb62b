"""Cross-document entity resolution on BSNLP (SlavNER) annotations.

    python bench/entities.py                 # every annotated topic
    python bench/entities.py --topics ec trump --show-errors 10

What it measures: resolution only. The mentions come from the gold annotations (each
annotated document lists each distinct surface form with its type and its cross-lingual
entity id); the gold lemma column is *not* used. All languages of a topic (bg, cs, hr, pl,
ru, sk, sl, uk) are mixed in one call to :func:`storylens.relate.entities.resolve`, as in a
real multilingual corpus about one event.

Score: pairwise precision/recall/F1 over pairs of mentions from *different documents*
(same-document pairs are left out): a pair is gold-positive when both mentions carry the same
gold entity id, predicted-positive when resolve put them in one entity. Counted from the
contingency table, so no pair list is built. A baseline that merges identical surface forms
only is printed for scale. The data is read in place from ../shared/data and never copied.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "data" / "bsnlp"

from storylens.doc import EntityMention  # noqa: E402
from storylens.relate.entities import ResolveSettings, resolve  # noqa: E402

TYPES = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "EVT": "EVENT", "PRO": "MISC", "MISC": "MISC"}


def read_topic(topic: Path) -> list[tuple[str, str, str, str, str]]:
    """(doc_id, language, surface, label, gold id) for every annotated mention of a topic."""
    rows = []
    for path in sorted((topic / "annotated").glob("*/*")):
        language = path.parent.name
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        doc_id = f"{language}/{path.name}"
        for line in lines[1:]:
            parts = line.split("\t")
            if len(parts) < 4 or not parts[0].strip():
                continue
            rows.append((doc_id, language, parts[0].strip(), TYPES.get(parts[2].strip(), "MISC"), parts[3].strip()))
    return rows


def pairs(n: int) -> int:
    return n * (n - 1) // 2


def cross_pairs(groups: dict) -> int:
    """Pairs of items in one group but different documents; groups: key → Counter(doc → count)."""
    return sum(pairs(sum(docs.values())) - sum(pairs(c) for c in docs.values()) for docs in groups.values())


def pairwise(rows, predicted: list[str]) -> tuple[int, int, int]:
    gold: dict = defaultdict(Counter)
    pred: dict = defaultdict(Counter)
    both: dict = defaultdict(Counter)
    for (doc, _, _, _, gid), pid in zip(rows, predicted):
        gold[gid][doc] += 1
        pred[pid][doc] += 1
        both[(gid, pid)][doc] += 1
    return cross_pairs(both), cross_pairs(pred), cross_pairs(gold)


def prf(tp: int, pp: int, gp: int) -> tuple[float, float, float]:
    p = tp / pp if pp else 0.0
    r = tp / gp if gp else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    warnings.filterwarnings("ignore")
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--topics", nargs="*", default=None)
    ap.add_argument("--no-gazetteer", action="store_true", help="resolution rules only, without the gazetteer")
    ap.add_argument("--show-errors", type=int, default=0, help="print N wrong merges and N missed merges per topic")
    ap.add_argument("--digits", type=int, default=3, help="decimals of the scores (4 shows changes below 0.001)")
    args = ap.parse_args()
    topics = [t for t in sorted(DATA.iterdir()) if (t / "annotated").is_dir()]
    if args.topics:
        topics = [t for t in topics if t.name in args.topics]
    totals = Counter()
    print(f"{'topic':<12}{'docs':>6}{'mentions':>10}{'langs':>7} | {'exact-form baseline P/R/F1':>28} | {'storylens resolve P/R/F1':>26}{'s':>7}")
    for topic in topics:
        rows = read_topic(topic)
        mentions = [(doc, EntityMention(i, i + 1, surface, label), lang) for i, (doc, lang, surface, label, _) in enumerate(rows)]
        start = time.perf_counter()
        entities = resolve(mentions, settings=ResolveSettings(use_gazetteer=not args.no_gazetteer))
        seconds = time.perf_counter() - start
        predicted = [m.entity or "" for _, m, _ in mentions]
        baseline = [surface.casefold() for _, _, surface, _, _ in rows]
        ours = pairwise(rows, predicted)
        base = pairwise(rows, baseline)
        for name, value in zip(("tp", "pp", "gp"), ours):
            totals[name] += value
        for name, value in zip(("btp", "bpp", "bgp"), base):
            totals[name] += value
        docs = len({r[0] for r in rows})
        langs = len({r[1] for r in rows})
        bp, br, bf = prf(*base)
        p, r, f = prf(*ours)
        print(f"{topic.name:<12}{docs:>6}{len(rows):>10}{langs:>7} | {_fmt(bp, br, bf, digits=args.digits)}    | "
              f"{_fmt(p, r, f, digits=args.digits)}{seconds:7.1f}")
        if args.show_errors:
            show_errors(rows, predicted, entities, args.show_errors)
    bp, br, bf = prf(totals["btp"], totals["bpp"], totals["bgp"])
    p, r, f = prf(totals["tp"], totals["pp"], totals["gp"])
    print(f"{'all (pairs)':<35} | {_fmt(bp, br, bf, digits=args.digits)}    | {_fmt(p, r, f, digits=args.digits)}")


def _fmt(*scores: float, digits: int) -> str:
    return "".join(f"{s:8.{digits}f}" for s in scores)


def show_errors(rows, predicted, entities, n: int) -> None:
    by_pred: dict = defaultdict(Counter)
    by_gold: dict = defaultdict(Counter)
    for (_, _, surface, _, gid), pid in zip(rows, predicted):
        by_pred[pid][gid] += 1
        by_gold[gid][pid] += 1
    names = {e.id: e for e in entities}
    wrong = sorted(((sum(c.values()) - c.most_common(1)[0][1], pid, c) for pid, c in by_pred.items() if len(c) > 1), reverse=True)
    print("  wrong merges (predicted entity: gold ids):")
    for _, pid, c in wrong[:n]:
        print(f"    {names[pid].name!r}: {dict(c.most_common(4))}  why: {names[pid].why[:2]}")
    missed = sorted(((sum(c.values()) - c.most_common(1)[0][1], gid, c) for gid, c in by_gold.items() if len(c) > 1), reverse=True)
    print("  missed merges (gold id: predicted entities):")
    for _, gid, c in missed[:n]:
        print(f"    {gid}: {[names[p].name for p, _ in c.most_common(5)]}")


if __name__ == "__main__":
    main()
