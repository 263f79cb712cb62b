"""Load on `storylens serve`: mixed requests to a server over a generated store, latency and errors.

    python bench/serve_load.py                      # 10,000 documents, 2,000 requests, 4 clients
    python bench/serve_load.py --docs 100000        # the 100k store (generated once: a few minutes)
    python bench/serve_load.py --db my.db           # any store

The server is started as a user would (`storylens serve --db … --port …`, in its own process, on
127.0.0.1 with a free port); requests go to 127.0.0.1 only, a fixed number of them (bounded), from
a few client threads on keep-alive connections. The mix is what the web app and API clients ask:
view pages with filters and paging, documents, claims and claim groups by measure/status/source,
full-text searches (rare and common words, phrases, prefixes, filtered by source), evidence lists,
CSV downloads, and a few deliberately bad requests (which must get a 4xx). Prints p50/p95/p99
latency per kind and overall, and the errors: any 5xx, any unexpected status, any failed request.
The last line: `requests N, p50 A ms, p95 B ms, errors E`.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.synthetic_store import build_store  # noqa: E402

HOST = "127.0.0.1"  # never anything else


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    conn.request("GET", path)
    response = conn.getresponse()
    return response.status, response.read()


def requests_for(conn: http.client.HTTPConnection, n: int, seed: int) -> list[tuple[str, str, int]]:
    """``n`` (kind, path, expected status) drawn from what this store holds."""
    _, body = get(conn, "/api/documents?limit=200")
    docs = [d["id"] for d in json.loads(body)["items"]]
    _, body = get(conn, "/api/view/claims")
    filters = {f["name"]: [o[0] for o in f.get("options", []) if o[0]] for f in json.loads(body)["view"]["filters"]}
    _, body = get(conn, "/api/entities?limit=20")
    entities = [e["id"] for e in json.loads(body)["items"]]
    _, body = get(conn, "/api/claim-groups?limit=100")
    groups = [g["id"] for g in json.loads(body)["items"]]
    words = ["river", "floodgates", "blankets", '"old town"', "evac*", "bridge OR station", "Varnholm", "Тарск",
             "волонтери", "harvest NOT fair", "queues"]
    rng = random.Random(seed)
    q = urllib.parse.quote

    def one() -> tuple[str, str, int]:
        measure, status, source = rng.choice(filters["measure"]), rng.choice(filters["status"]), rng.choice(filters["source"])
        page = rng.randint(0, 5)
        choices = [
            ("view claims", f"/api/view/claims?measure={q(measure)}&status={status}", 200),
            ("view claims", f"/api/view/claims?source={q(source)}&page={page % 2}", 200),
            ("view documents", f"/api/view/documents?source={q(source)}&page={page}", 200),
            ("view documents", f"/api/view/documents?lang={rng.choice(['en', 'ru', 'uk'])}&off=1", 200),
            ("view document", f"/api/view/doc?id={rng.choice(docs)}", 200),
            ("view search", f"/api/view/search?q={q(rng.choice(words))}&page={page % 3}", 200),
            ("view evidence", f"/api/view/evidence?kind=mentions&entity={q(rng.choice(entities))}&source={q(source)}", 200),
            ("view overview", "/api/view/overview", 200),
            ("view stories", "/api/view/stories", 200),
            ("view entities", "/api/view/entities", 200),
            ("api claims", f"/api/claims?measure={q(measure)}&offset={page * 50}", 200),
            ("api claims", f"/api/claims?source={q(source)}&measure={q(measure)}&sort=-value", 200),
            ("api claim-groups", f"/api/claim-groups?status={status}&source={q(source)}", 200),
            ("api documents", f"/api/documents/{rng.choice(docs)}", 200),
            ("api documents", f"/api/documents?q={q(rng.choice(['dam', 'fuel', 'schools']))}", 200),
            ("api search", f"/api/search?q={q(rng.choice(words))}", 200),
            ("api search", f"/api/search?q={q(rng.choice(words))}&source={q(source)}", 200),
            ("api csv", f"/api/claim-groups?measure={q(measure)}&format=csv", 200),
            ("api group", f"/api/claims?group={rng.choice(groups)}", 200),
            ("bad request", rng.choice(["/api/claims?limit=0", "/api/search?q=%22open", "/api/view/nothing",
                                        "/api/claims?sort=value", "/api/documents/00"]), -4),
        ]
        return rng.choice(choices)
    return [one() for _ in range(n)]


def run(db: Path, n_requests: int, clients: int, seed: int) -> dict:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "storylens", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                warm = http.client.HTTPConnection(HOST, port, timeout=600)
                started = time.perf_counter()
                status, _ = get(warm, "/api/overview")  # computes the corpus-wide counts once
                break
            except ConnectionRefusedError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the server did not start:\n" + (server.stdout.read() if server.stdout else ""))
                time.sleep(0.2)
        for path in ("/api/view/claims", "/api/view/documents", "/api/view/entities", "/api/view/sources"):
            get(warm, path)  # first use of each cached aggregate
        warmup = time.perf_counter() - started
        plan = requests_for(warm, n_requests, seed)
        warm.close()
        shares = [plan[i::clients] for i in range(clients)]
        results: list[tuple[str, float, int, int]] = []
        lock = threading.Lock()

        def client(share: list[tuple[str, str, int]]) -> None:
            conn = http.client.HTTPConnection(HOST, port, timeout=60)
            for kind, path, expected in share:
                t0 = time.perf_counter()
                try:
                    status, _ = get(conn, path)
                except (OSError, http.client.HTTPException):
                    conn.close()
                    conn = http.client.HTTPConnection(HOST, port, timeout=60)
                    status = 0
                with lock:
                    results.append((kind, time.perf_counter() - t0, status, expected))
            conn.close()

        threads = [threading.Thread(target=client, args=(share,)) for share in shares]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait(10)
    return {"results": results, "wall": wall, "warmup": warmup}


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the generated store")
    parser.add_argument("--db", type=Path, help="use this store instead of generating one")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    db = args.db
    if db is None:
        db = Path(tempfile.gettempdir()) / f"storylens-bench-serve-{args.docs}.db"
        if not db.exists():
            t0 = time.perf_counter()
            build_store(db, args.docs)
            print(f"generated {args.docs:,} documents in {time.perf_counter() - t0:.0f} s: {db}")
    out = run(db, args.requests, args.clients, args.seed)
    by_kind: dict[str, list[float]] = defaultdict(list)
    errors = []
    for kind, seconds, status, expected in out["results"]:
        by_kind[kind].append(seconds)
        ok = (400 <= status < 500) if expected == -4 else status == expected
        if not ok:
            errors.append((kind, status))
    print(f"store {db} ({db.stat().st_size / 2**20:.0f} MB); server warm-up (corpus counts, facets) {out['warmup']:.1f} s; "
          f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'kind':<18} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind in sorted(by_kind):
        v = by_kind[kind]
        print(f"{kind:<18} {len(v):>5} {pct(v, 50):>8.1f} {pct(v, 95):>8.1f} {max(v) * 1000:>8.1f}")
    everything = [r[1] for r in out["results"]]
    print(f"{len(everything)} requests from {args.clients} clients in {out['wall']:.1f} s "
          f"({len(everything) / out['wall']:.0f}/s); p99 {pct(everything, 99):.1f} ms")
    if errors:
        print("errors:", sorted(set(errors))[:20])
    print(f"requests {len(everything)}, p50 {pct(everything, 50):.1f} ms, p95 {pct(everything, 95):.1f} ms, "
          f"errors {len(errors)}")


if __name__ == "__main__":
    main()
