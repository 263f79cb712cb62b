"""How long each filter and search of the web app takes on a large store, beside the naive query.

    python bench/store_queries.py                    # the 100,000-document store (generated once: minutes)
    python bench/store_queries.py --docs 10000
    python bench/store_queries.py --db my.db         # any store (the filters' values are taken from it)

Each line times one question as the app asks it (`storylens.store.queries` through the
read-only store; median of 5 runs, page and total count included) and, beside it, the trivial
baseline: the same question asked the obvious way, reading the filtered table row by row (`NOT
INDEXED`; joins by primary key), `LIKE` over the texts, ranking every full-text match: what a store
without the read indexes of schema 5 has to do. The last line: `slowest filter or search N ms (target 300 ms);
baseline slowest M ms`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.synthetic_store import build_store  # noqa: E402
from storylens.serve.reader import ReadOnlyStore  # noqa: E402
from storylens.serve.views import _evidence_documents  # noqa: E402
from storylens.store import Store, queries  # noqa: E402


def timed(work: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        work()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    db_path = args.db or Path(tempfile.gettempdir()) / f"storylens-bench-serve-{args.docs}.db"
    if not db_path.exists():
        build_store(db_path, args.docs)
    with Store(db_path):  # the current schema
        pass
    db = ReadOnlyStore(db_path).db
    one = lambda sql, *a: db.execute(sql, a).fetchone()[0]  # noqa: E731
    source = one("SELECT source FROM documents WHERE source IS NOT NULL GROUP BY source ORDER BY COUNT(*) DESC LIMIT 1 OFFSET 5")
    measure = one("SELECT measure FROM claims GROUP BY measure ORDER BY COUNT(*) DESC LIMIT 1")
    entity = one("SELECT entity_id FROM entity_mentions WHERE entity_id IS NOT NULL GROUP BY entity_id ORDER BY COUNT(*) DESC LIMIT 1")
    word = "floodgates" if one("SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH 'floodgates'") else "the"
    n = one("SELECT COUNT(*) FROM documents")
    cases = [
        ("documents: language and kind", lambda: queries.documents(db, language="uk", kind="post"),
         lambda: one("SELECT COUNT(*) FROM documents NOT INDEXED WHERE status = 'clean' AND language = 'uk' AND kind = 'post'")),
        ("documents: one source", lambda: queries.documents(db, source=source, offset=100),
         lambda: one("SELECT COUNT(*) FROM documents NOT INDEXED WHERE status = 'clean' AND source = ?", source)),
        ("documents: off-event", lambda: queries.documents(db, off_event=True),
         lambda: one("SELECT COUNT(*) FROM documents d NOT INDEXED JOIN document_relations r ON r.doc_id = d.id"
                     " WHERE r.off_event = 1 AND d.status = 'clean'")),
        ("documents: words of the text", lambda: queries.documents(db, q=word),
         lambda: one("SELECT COUNT(*) FROM documents NOT INDEXED WHERE status = 'clean' AND text LIKE ?", f"%{word}%")),
        ("claims: measure, page 5", lambda: queries.claims(db, measure=measure, offset=200),
         lambda: one("SELECT COUNT(*) FROM (SELECT c.doc_id FROM claims c NOT INDEXED JOIN documents d ON d.id = c.doc_id"
                     " WHERE c.measure = ? ORDER BY d.seq, c.idx LIMIT 50 OFFSET 200)", measure)),
        ("claims: source and measure by value", lambda: queries.claims(db, measure=measure, source=source, sort="-value"),
         lambda: one("SELECT COUNT(*) FROM (SELECT c.doc_id FROM claims c NOT INDEXED JOIN documents d"
                     " ON d.id = c.doc_id WHERE c.measure = ? AND d.source = ? ORDER BY c.value DESC LIMIT 50)",
                     measure, source)),
        ("claims: group status conflict", lambda: queries.claims(db, status="conflict"),
         lambda: one("SELECT COUNT(*) FROM claims c NOT INDEXED WHERE EXISTS (SELECT 1 FROM claim_group_members m"
                     " JOIN relations r ON r.kind = 'claim_group' AND r.id = m.group_id WHERE m.doc_id = c.doc_id"
                     " AND m.idx = c.idx AND r.status = 'conflict')")),
        ("claim groups: status and measure", lambda: queries.claim_groups(db, status="conflict", measure=measure),
         lambda: one("SELECT COUNT(*) FROM relations NOT INDEXED WHERE kind = 'claim_group' AND status = 'conflict'"
                     " AND json_extract(data_json, '$.measure') = ?", measure)),
        ("claim groups: one source", lambda: queries.claim_groups(db, source=source),
         lambda: one("SELECT COUNT(*) FROM relations NOT INDEXED WHERE kind = 'claim_group' AND data_json LIKE ?",
                     f"%{source}%")),
        ("search: a common word, ranked", lambda: queries.search(db, word),
         lambda: one("SELECT COUNT(*) FROM (SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT 20)", word)),
        ("search: a word in one source", lambda: queries.search(db, word, source=source),
         lambda: one("SELECT COUNT(*) FROM (SELECT f.rowid FROM passages_fts f JOIN documents d ON d.id = f.doc_id"
                     " WHERE passages_fts MATCH ? AND d.source = ? ORDER BY rank LIMIT 20)", word, source)),
        ("search: a phrase", lambda: queries.search(db, '"old town"'),
         lambda: one("SELECT COUNT(*) FROM documents NOT INDEXED WHERE text LIKE '%old town%'")),
        ("evidence: an entity in one source", lambda: _evidence_documents(_store(db_path), "mentions", entity, source, 20, 0),
         lambda: one("SELECT COUNT(DISTINCT m.doc_id) FROM entity_mentions m NOT INDEXED JOIN documents d"
                     " ON d.id = m.doc_id WHERE m.entity_id = ? AND d.source = ?", entity, source)),
    ]
    print(f"store {db_path}: {n:,} documents; load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'question':<38} {'storylens ms':>13} {'baseline ms':>12}")
    ours, base = [], []
    for name, work, baseline in cases:
        a, b = timed(work), timed(baseline, runs=1)
        ours.append(a)
        base.append(b)
        print(f"{name:<38} {a:>13.1f} {b:>12.1f}")
    print(f"slowest filter or search {max(ours):.0f} ms (target 300 ms); baseline slowest {max(base):.0f} ms")


_STORES: dict[Path, ReadOnlyStore] = {}


def _store(path: Path) -> ReadOnlyStore:
    if path not in _STORES:
        _STORES[path] = ReadOnlyStore(path)
    return _STORES[path]


if __name__ == "__main__":
    main()
