"""What a near-duplicate lookup reads as the store grows, and whether a bounded read could give the same answer.

    .venv/bin/python bench/neardup_lookup.py STORE.db [--sample 400] [--prefix 16 64]

For a sample of stored documents with a signature (first copies and linked copies alike; the seed is fixed),
runs the lookup's bucket query (``Store.canonical_copy``'s: every stored first copy sharing one of the 32 band
keys, counted, the ``NEAR_DUPLICATE_CANDIDATES`` sharing most kept, ties by id) on the finished store and
prints the rows it reads, the distinct candidates, how often the cap of candidates binds, and its CPU time.

Then, for each ``--prefix R``, a bounded read in the manner of a threshold algorithm: read at most R rows of
each bucket (in the index's id order), count the documents seen exactly, and call the lookup *certified* when
no unseen document could enter the kept candidates (every unseen one shares at most as many bands as there
are buckets left unread, and its id lies past each unread bucket's last row read). A certified lookup gives
the same candidates, hence the same link, from at most 32 R rows; the others need their buckets read whole.
The store is opened read-only (``immutable``): it is never written.
"""

from __future__ import annotations

import argparse
import heapq
import random
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylens.clean.neardup import band_keys  # noqa: E402
from storylens.store.db import NEAR_DUPLICATE_CANDIDATES as KEPT  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--sample", type=int, default=400)
    parser.add_argument("--prefix", type=int, nargs="*", default=[16, 64])
    args = parser.parse_args()
    db = sqlite3.connect(f"file:{args.store}?immutable=1", uri=True)
    documents = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    rows = db.execute("SELECT id, minhash, duplicate_of IS NOT NULL FROM documents WHERE minhash IS NOT NULL"
                      " ORDER BY seq").fetchall()
    sample = random.Random(3).sample(rows, min(args.sample, len(rows)))
    keys = [band_keys(np.frombuffer(blob, dtype=np.uint64)) for _, blob, _ in sample]
    marks = ", ".join("(?, ?)" for _ in range(len(keys[0])))
    query = (f"SELECT b.doc_id FROM (VALUES {marks}) AS q JOIN minhash_bands b ON b.band = q.column1"
             " AND b.key = q.column2")
    read = candidates = binding = 0
    started = time.process_time()
    for (doc_id, _, _), pairs in zip(sample, keys):
        found = db.execute(query, [x for pair in pairs for x in pair]).fetchall()
        shared = Counter(r[0] for r in found)
        shared.pop(doc_id, None)
        heapq.nsmallest(KEPT, shared.items(), key=lambda item: (-item[1], item[0]))  # the ranking, timed with it
        read += len(found)
        candidates += len(shared)
        binding += len(shared) > KEPT
    spent = time.process_time() - started
    n = len(sample)
    print(f"{documents} documents: a lookup reads {read / n:.0f} bucket rows, {candidates / n:.0f} candidates,"
          f" the cap of {KEPT} binds in {binding / n:.0%}; {1000 * spent / n:.3f} ms a lookup (CPU)")
    for prefix in args.prefix:
        certified(db, sample, keys, prefix)


def certified(db: sqlite3.Connection, sample: list, keys: list, prefix: int) -> None:
    """How many lookups a read of ``prefix`` rows per bucket certifies, by kind of document."""
    out: Counter = Counter()
    for (doc_id, _, is_copy), pairs in zip(sample, keys):
        kind = "copies" if is_copy else "first copies"
        every: Counter = Counter()
        seen: set[str] = set()
        unread_ends = []  # the last id read of each bucket not read whole
        bounded = 0  # rows a bounded read takes
        for band, key in pairs:
            members = [r[0] for r in db.execute("SELECT doc_id FROM minhash_bands WHERE band = ? AND key = ?"
                                                " ORDER BY doc_id", (band, key))]
            every.update(members)
            seen.update(members[:prefix])
            bounded += min(len(members), prefix + 1)
            if len(members) > prefix:
                unread_ends.append(members[prefix - 1])
        every.pop(doc_id, None)
        seen.discard(doc_id)
        top = sorted(seen, key=lambda d: (-every[d], d))[:KEPT]
        if not unread_ends:
            ok = True
        elif len(top) < KEPT:
            ok = False
        else:  # an unseen document shares at most len(unread_ends) bands, and its id is past each end it is in
            last = top[-1]
            ok = len(unread_ends) < every[last] or (len(unread_ends) == every[last] and last <= max(unread_ends))
        if ok:
            assert top == sorted(every, key=lambda d: (-every[d], d))[:KEPT]
        out[kind, "n"] += 1
        out[kind, "certified"] += ok
        out[kind, "full"] += sum(every.values())
        out[kind, "rows"] += bounded if ok else bounded + sum(every.values())
    line = "; ".join(f"{kind} {out[kind, 'certified'] / out[kind, 'n']:.0%} of {out[kind, 'n']}"
                     f" (rows a lookup: whole buckets {out[kind, 'full'] / out[kind, 'n']:.0f},"
                     f" bounded then whole where not certified {out[kind, 'rows'] / out[kind, 'n']:.0f})"
                     for kind in ("first copies", "copies") if out[kind, "n"])
    print(f"read {prefix} rows a bucket at most: certified {line}")


if __name__ == "__main__":
    main()
