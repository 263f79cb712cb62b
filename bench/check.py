"""Time `storylens check` per claim on a large store.

    .venv/bin/python bench/check.py                    # generate 10,000 documents, build a store, time the claims
    .venv/bin/python bench/check.py --db STORE.db      # time the claims on an existing store

The store is built as `storylens ingest` would, with the annotators that `check` reads (dates,
numeric claims, quotes) and the claim-group step of `relate`; the corpus comes from
`bench/ingest.py:build_corpus` (variants of examples/kazakhstan-2022). The encoder is loaded
before timing (a long-running web app pays that once). Prints each claim's time and verdict, then
the median and the slowest.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from storylens.config import Settings  # noqa: E402
from storylens.store import Store  # noqa: E402

CLAIMS = (
    "Tokayev asked the CSTO to send troops",
    "Russian paratroopers arrived in Almaty",
    "164 people were killed in the unrest",
    "About 10,000 people were detained",
    "The government raised the price of liquefied gas",
    "Protesters stormed the akimat in Almaty",
    "Internet access was cut across the country",
    "Nazarbayev left the country",
    "Токаев объявил режим чрезвычайного положения",
    "В Алматы погибли 225 человек",
    "Протестувальники захопили аеропорт Алмати",
    "The president ordered troops to shoot without warning",
)


def build(db: Path, n_docs: int) -> None:
    from ingest import build_corpus

    from storylens.annotate import annotate_store
    from storylens.ingest import ingest
    from storylens.relate import relate_store

    corpus = db.parent / "corpus"
    t = time.perf_counter()
    n, _ = build_corpus(corpus, n_docs)
    settings = Settings()
    settings.annotate.components = ("dates", "claims", "quotes")
    with Store(db) as store:
        ingest([corpus], store, settings, progress=False)
        annotate_store(store, settings.annotate, progress=False)
        relate_store(store, steps=["claim_groups"], progress=False)
        counts = store.counts()
    print(f"store: {counts['clean']} documents ({counts['duplicates']} near-duplicates), "
          f"{counts['passages']} passages, built in {time.perf_counter() - t:.0f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, help="an existing store (default: generate one)")
    ap.add_argument("--docs", type=int, default=10_000)
    args = ap.parse_args()
    db = args.db
    if db is None:
        db = Path(tempfile.mkdtemp(prefix="storylens-check-")) / "bench.db"
        build(db, args.docs)
    from storylens.relate import embeddings
    from storylens.stance import shipped
    from storylens.stance.check import check_claim

    with Store(db) as store:
        t = time.perf_counter()
        embeddings.encode(["warm up the encoder"])
        shipped()
        print(f"model load: {time.perf_counter() - t:.1f} s")
        times = []
        for claim in CLAIMS:
            t = time.perf_counter()
            result = check_claim(store, claim)
            times.append(time.perf_counter() - t)
            print(f"{times[-1]:6.2f} s  {result.verdict:<20} {len(result.evidence):>2} evidence  {claim}")
    print(f"per claim: median {statistics.median(times):.2f} s, slowest {max(times):.2f} s ({len(times)} claims)")


if __name__ == "__main__":
    main()
