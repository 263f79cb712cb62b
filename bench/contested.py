"""The contested step alone: its items on stored event corpora, and its growth with corpus size.

    .venv/bin/python bench/events.py --out /tmp/ev            # once: analyze every event corpus
    .venv/bin/python bench/contested.py --stores /tmp/ev [-v]   # rerun only the contested step, score it
    .venv/bin/python bench/contested.py --sizes 250 1000 4000   # CPU seconds of the step per size

With ``--stores``, each ``<slug>.db`` there (written by bench/events.py) gets the contested step
run again on what it stores; ``analysis.json`` is rewritten beside it and the shared scorer's
``contested`` line printed; ``-v`` lists every item (kind, both sides) for judging by hand.
With ``--trace``, every gold contested statement of those stores is followed through the step's
stages (its document off-event? a statement? a candidate? its frames; each yes/no pair: same
block? voices apart? judged? cosine?; the item that holds it), to say which stage loses it.
With ``--sizes``, generated corpora (bench/ingest.py's generator, half about made-up events) are
cleaned and the step is timed on their documents without annotations (every sentence is then a
candidate claim: more work than on an annotated store). The last line is
``contested growth per 4x: G`` (the largest over consecutive sizes, scaled to a 4x step).
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from storylens.analyze import write_analysis  # noqa: E402
from storylens.relate import relate_store  # noqa: E402
from storylens.store import Store  # noqa: E402


def rescore(stores: Path, events: Path, verbose: bool) -> None:
    for db in sorted(stores.glob("*.db")):
        slug = db.stem
        gold = events / f"{slug}.gold" / "gold.json"
        if not gold.exists():
            continue
        t = time.process_time()
        with Store(db) as store:
            relate_store(store, ["contested"], progress=False)
            seconds = time.process_time() - t
            (stores / slug).mkdir(exist_ok=True)
            write_analysis(store, stores / slug / "analysis.json")
            items = store.relations("contested")
        text = subprocess.run([sys.executable, str(SHARED / "tools" / "score_event.py"),
                               str(stores / slug / "analysis.json"), str(gold), "-v"],
                              capture_output=True, text=True, check=True).stdout
        found = next((ln for ln in text.splitlines() if ln.startswith("contested found")), "contested: n/a")
        print(f"{slug}: {found} ({seconds:.1f} CPU s)")
        if verbose:
            for ln in text.splitlines():
                if "contested" in ln.lower() and ln.startswith("  "):
                    print(ln)
            for item in items:
                print(f"  [{item['id']}] {item.get('kind')} {item.get('score')}: {item['about'][:150]}")
                for side, evidence in item["sides"].items():
                    for ev in evidence:
                        print(f"      {side:>5} {ev['source'][:18]:18} {ev['text'][:160]!r}")


def _span(text: str, quote: str) -> tuple[int, int] | None:
    """The quote's span in ``text``, white space normalised (as the shared scorer reads it)."""
    import re

    pattern = r"\s+".join(re.escape(w) for w in quote.split())
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


def trace(stores: Path, events: Path) -> None:
    """Which stage of the contested step loses each gold statement (see the module's docstring)."""
    import json

    from storylens.config import ContestedSettings
    from storylens.relate import CorpusView
    from storylens.relate import contested as c
    from storylens.relate.embeddings import encode

    settings = ContestedSettings()
    for db in sorted(stores.glob("*.db")):
        gold_path = events / f"{db.stem}.gold" / "gold.json"
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text())
        with Store(db) as store:
            view = CorpusView.of(store)
            pairs = list(view.annotated())
            items = store.relations("contested")
        docs = [d for d, _ in pairs]
        by_file = {Path(d.origin).name: d for d in docs}
        main = [d for d in docs if d.id not in view.off_event]
        anns = {d.id: a for d, a in pairs}
        every = list(c.statements(docs, anns.get))
        kept = c._Candidates(settings)
        people = c.people_parties(kept.take(c.statements(main, anns.get)))
        topic = kept.topic()
        print(f"== {db.stem}")
        for prop in gold.get("contested", []):
            print(f"-- {prop['id']}: {prop['proposition']}")
            sides: dict[str, list] = {"yes": [], "no": []}
            for pol in ("yes", "no"):
                for q in prop[pol]:
                    doc = by_file.get(q["file"])
                    span = _span(doc.text, q["quote"]) if doc else None
                    if span is None:
                        print(f"   {pol} {q['file']}: quote not in the cleaned text")
                        continue
                    off = " OFF-EVENT" if doc.id in view.off_event else ""
                    hit = [u for u in every if u.doc == doc.id and u.start < span[1] and span[0] < u.end]
                    if not hit:
                        print(f"   {pol} {q['file']}{off}: no statement (too short/long, question or condition)")
                        continue
                    for u in hit:
                        cand = c._candidate(u, settings)
                        found = c.acts([u], people) if cand else []
                        print(f"   {pol} {q['file']}{off}: cw={u.checkworthiness} cand={cand} voice={u.voice!r} "
                              f"{u.text[:110]!r}")
                        for a in found:
                            f = a.frame
                            pol_ = "+" if f.asserts else "-" if f.rejects else "?"
                            print(f"        {pol_} {f.predicate} ag={sorted(f.agent)} pa={sorted(f.patient)} "
                                  f"ob={sorted(f.oblique)} names={sorted(f.names)} {sorted(f.kinds)} voice={a.voice!r}")
                        sides[pol] += found
            vecs = {}
            for a in sides["yes"]:
                for b in sides["no"]:
                    same = bool(c._predicate_keys(a) & c._predicate_keys(b)) and bool(
                        c._keys(a.frame.arguments, a.lang) & c._keys(b.frame.arguments, b.lang))
                    judged = c._judge(a, b, topic) if c._voices_apart(a, b) else "same voice"
                    if judged is None or not same:
                        continue
                    for s in (a.statement, b.statement):
                        vecs.setdefault(id(s), encode([s.text])[0])
                    cos = float(vecs[id(a.statement)] @ vecs[id(b.statement)])
                    print(f"   pair {a.frame.predicate}/{b.frame.predicate}: block={same} judged={judged} cos={cos:.2f}")
            for item in items:
                for side, evs in item["sides"].items():
                    for ev in evs:
                        for pol in ("yes", "no"):
                            for q in prop[pol]:
                                doc = by_file.get(q["file"])
                                span = _span(doc.text, q["quote"]) if doc else None
                                if span and ev["doc"] == doc.id and ev["start"] < span[1] and span[0] < ev["end"]:
                                    print(f"   in {item['id']} side {side}: gold {pol} {q['file']}")


def growth(sizes: list[int]) -> None:
    from ingest import build_corpus  # bench/ingest.py

    from storylens.clean import clean_document
    from storylens.config import CleanSettings, ReadSettings
    from storylens.corpus import Skipped, read_paths
    from storylens.relate.contested import find_contested
    from storylens.relate.embeddings import encode

    encode(["warm up the encoder"])
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            build_corpus(Path(tmp), n, mixed=0.5)
            docs = [clean_document(raw, CleanSettings()) for raw in read_paths([Path(tmp)], ReadSettings())
                    if not isinstance(raw, Skipped)]
        t = time.process_time()
        items = find_contested(docs)
        seconds = time.process_time() - t
        rows.append((len(docs), seconds))
        print(f"{len(docs)} documents: contested {seconds:.1f} CPU s, {len(items)} items")
    worst = max((math.log(b / a) / math.log(m / n) for (n, a), (m, b) in zip(rows, rows[1:])), default=1.0)
    print(f"contested growth per 4x: {4 ** worst:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stores", type=Path, help="a bench/events.py --out folder")
    parser.add_argument("--events", type=Path, default=SHARED / "data" / "events")
    parser.add_argument("--sizes", nargs="*", type=int, default=[])
    parser.add_argument("--trace", action="store_true", help="follow each gold statement through the stages")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if not args.stores and not args.sizes:
        parser.error("give --stores DIR or --sizes N …")
    if args.stores and args.trace:
        trace(args.stores, args.events)
    elif args.stores:
        rescore(args.stores, args.events, args.verbose)
    if args.sizes:
        growth(args.sizes)


if __name__ == "__main__":
    main()
