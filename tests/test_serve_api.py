"""The JSON API of ``storylens serve``: every answer validates against docs' schema, pages are
stable, filters agree with the analysis, bad requests get a 4xx with a message, the store stays
read-only, and uploads (only with --allow-write) go through the CLI's bad-input handling."""

from __future__ import annotations

import csv
import io
import json
import random
import sqlite3
import warnings
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

with warnings.catch_warnings():  # Starlette 1.x suggests httpx2 for its test client; httpx (pinned) works
    warnings.simplefilter("ignore", UserWarning)
    from starlette.testclient import TestClient

from bench.synthetic_store import HOSTILE_TEXT, build_store
from storylens.analyze import build_analysis
from storylens.config import ServeSettings
from storylens.serve import api, create_app
from storylens.serve.reader import QueryTimeout, Reader
from storylens.serve.tables import csv_page
from storylens.store import Store
from storylens.store.queries import Page

SRC = Path(__file__).resolve().parents[1] / "src" / "storylens"
ANALYSIS_SCHEMA = json.loads((SRC / "report" / "analysis.schema.json").read_text(encoding="utf-8"))
API_SCHEMA = json.loads((SRC / "serve" / "api.schema.json").read_text(encoding="utf-8"))
REGISTRY = Registry().with_resources([(s["$id"], Resource.from_contents(s)) for s in (ANALYSIS_SCHEMA, API_SCHEMA)])


def validate(data: object, name: str) -> None:
    """``data`` against the API schema's definition ``name`` (which refers into analysis.schema.json)."""
    jsonschema.Draft202012Validator({"$ref": f"{API_SCHEMA['$id']}#/$defs/{name}"}, registry=REGISTRY).validate(data)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = build_store(tmp_path_factory.mktemp("serve") / "store.db", 300, hostile=True)
    with Store(path):  # current schema
        pass
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db), base_url="http://127.0.0.1:8000", raise_server_exceptions=False)


@pytest.fixture(scope="module")
def analysis(db: Path) -> dict:
    with Store(db) as store:
        return build_analysis(store)


def get(client: TestClient, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


# ------------------------------------------------------------------------------ schemas

ENDPOINTS = [
    ("/api/overview", "overview"),
    ("/api/documents?limit=20", "documents"),
    ("/api/documents?source=Outlet%20001&kind=article&off_event=0&duplicate=0", "documents"),
    ("/api/documents?q=floodgates&language=en", "documents"),
    ("/api/claims?limit=30", "claims"),
    ("/api/claims?measure=killed&sort=-value", "claims"),
    ("/api/claims?status=conflict&source=Outlet%20002", "claims"),
    ("/api/claim-groups", "claim-groups"),
    ("/api/claim-groups?measure=evacuated&status=conflict&sort=relate", "claim-groups"),
    ("/api/claim-groups?scope=Tarsk&source=Outlet%20000", "claim-groups"),
    ("/api/contested", "contested"),
    ("/api/labels", "labels"),
    ("/api/stories", "stories"),
    ("/api/timeline?limit=5", "timeline"),
    ("/api/entities?label=LOC", "entities"),
    ("/api/sources?limit=3", "sources"),
    ("/api/search?q=floodgates", "search"),
    ("/api/search?q=%22harvest%20fair%22&source=Outlet%20001", "search"),
    ("/api", "index"),
]


@pytest.mark.parametrize("url, name", ENDPOINTS)
def test_every_endpoint_validates_against_its_schema(client: TestClient, url: str, name: str) -> None:
    data = get(client, url)
    validate(data, name)
    if "items" in data:
        assert data["items"], f"{url} returned nothing to validate"


def test_schemas_are_valid_and_refuse_wrong_shapes(client: TestClient) -> None:
    for schema in (ANALYSIS_SCHEMA, API_SCHEMA):
        jsonschema.Draft202012Validator.check_schema(schema)
    page = get(client, "/api/claims?limit=2")
    del page["items"][0]["measure"]
    with pytest.raises(jsonschema.ValidationError):
        validate(page, "claims")
    with pytest.raises(jsonschema.ValidationError):
        validate({"total": 1, "exact": True, "limit": 1, "offset": 0, "items": [{"doc": "x"}]}, "search")


def test_document_endpoint(client: TestClient, analysis: dict) -> None:
    doc = next(d for d in analysis["documents"] if d["id"] in {c["doc"] for c in analysis["claims"]})
    data = get(client, f"/api/documents/{doc['id']}")
    validate(data, "document")
    assert data["document"] == doc  # the same entry as analysis.json
    assert [c["id"] for c in data["claims"]] == [c["id"] for c in analysis["claims"] if c["doc"] == doc["id"]]
    assert data["claim_groups"] and all(any(m.startswith(doc["id"] + ":") for m in g["members"]) for g in data["claim_groups"])
    assert get(client, f"/api/documents/{doc['id'][:8]}")["document"]["id"] == doc["id"]  # an id prefix will do
    assert "no document" in get(client, "/api/documents/ffffffffffff0000", 404)["error"]


def test_view_slices_are_analyses(client: TestClient, analysis: dict) -> None:
    """Each page of the app is a slice of the analysis: it validates against analysis.schema.json."""
    doc = analysis["documents"][5]["id"]
    urls = ["overview", "claims?measure=killed", "claims?group=g1", "contested", "labels", "stories", "stories?id=story-2",
            "timeline", "entities", "sources?name=Outlet%20001", "documents?lang=ru&page=1", f"doc?id={doc}",
            "evidence?kind=mentions&entity=loc%3Atarsk&source=Outlet%20000",
            "evidence?kind=technique&technique=Doubt&source=Outlet%20001",
            "evidence?kind=frame&frame=Economic&source=Outlet%20001",
            "evidence?kind=label&group=people%20who%20left%20their%20homes&source=Outlet%20001&label=evacuees",
            "search?q=floodgates", "search", "check"]
    for url in urls:
        data = get(client, f"/api/view/{url}")
        validate(data, "view")
        assert data["view"]["name"] == url.split("?")[0]
    hits = get(client, "/api/view/search?q=floodgates")["view"]["results"]
    for hit in hits:
        validate(hit, "search_hit")
    evidence = get(client, "/api/view/evidence?kind=mentions&entity=loc%3Atarsk&source=Outlet%20000")
    assert evidence["documents"] and all("tarsk" in " ".join(m["entity"] or "" for m in d["entities"]) for d in evidence["documents"])


# ------------------------------------------------------------------------------ pages and filters


@pytest.mark.parametrize("url", ["/api/claims?measure=killed", "/api/documents?language=en", "/api/claim-groups",
                                 "/api/search?q=river", "/api/entities"])
def test_pagination_is_stable_and_complete(client: TestClient, url: str) -> None:
    whole = get(client, f"{url}&limit=500" if "?" in url else f"{url}?limit=500")
    assert whole["total"] == len(whole["items"]) or not whole["exact"]
    keys = [json.dumps(item, sort_keys=True) for item in whole["items"]]
    paged = []
    sep = "&" if "?" in url else "?"
    for offset in range(0, len(keys), 7):
        page = get(client, f"{url}{sep}limit=7&offset={offset}")
        assert page["total"] == whole["total"] and page["offset"] == offset
        paged += [json.dumps(item, sort_keys=True) for item in page["items"]]
    assert paged == keys  # same order, no gaps, no repeats
    assert get(client, f"{url}{sep}limit=7&offset=7") == get(client, f"{url}{sep}limit=7&offset=7")
    assert get(client, f"{url}{sep}offset={len(keys) + 5}")["items"] == []


def test_filters_agree_with_the_analysis(client: TestClient, analysis: dict) -> None:
    def ids(url: str) -> list[str]:
        return [item["id"] for item in get(client, url)["items"]]

    claims = analysis["claims"]
    assert ids("/api/claims?measure=injured&limit=500") == [c["id"] for c in claims if c["measure"] == "injured"][:500]
    assert set(ids("/api/claims?source=Outlet%20003&limit=500")) == {c["id"] for c in claims if c["source"] == "Outlet 003"}
    group_of = {m: g for g in analysis["claim_groups"] for m in g["members"]}
    assert set(ids("/api/claims?status=agree&limit=500")) == {c["id"] for c in claims
                                                             if group_of.get(c["id"], {}).get("status") == "agree"}
    values = [c["value"] for c in get(client, "/api/claims?measure=killed&sort=value&limit=500")["items"]]
    assert values == sorted(values) and len(set(values)) > 1
    groups = analysis["claim_groups"]
    assert set(ids("/api/claim-groups?status=conflict&limit=500")) == {g["id"] for g in groups if g["status"] == "conflict"}
    assert set(ids("/api/claim-groups?measure=missing&limit=500")) == {g["id"] for g in groups if g["measure"] == "missing"}
    by_source = {g["id"] for g in groups if "Outlet 004" in g["sources"]}
    assert set(ids("/api/claim-groups?source=Outlet%20004&limit=500")) == by_source
    docs = analysis["documents"]
    assert ids("/api/documents?language=uk&kind=post&limit=500") == [d["id"] for d in docs if d["language"] == "uk" and d["kind"] == "post"]
    assert ids("/api/documents?off_event=1&limit=500") == [d["id"] for d in docs if d["off_event"]]
    assert ids("/api/documents?duplicate=1&limit=500") == [d["id"] for d in docs if d["duplicate_of"]]
    day = docs[3]["published"][:10]
    assert ids(f"/api/documents?published={day}&limit=500") == [d["id"] for d in docs if d["published"][:10] == day]
    words = [d["id"] for d in docs if "floodgates" in d["text"]]
    assert ids("/api/documents?q=floodgates&limit=500") == words
    overview = get(client, "/api/overview")
    assert overview["corpus"] == analysis["corpus"]
    assert overview["totals"]["claims"] == len(claims) and overview["totals"]["related"] is True


def test_search_finds_passages_and_points_at_the_match(client: TestClient, analysis: dict) -> None:
    hostile = analysis["documents"][0]
    assert hostile["text"] == HOSTILE_TEXT
    hits = get(client, "/api/search?q=%22reader%20comment%22")["items"]
    assert [h["doc"] for h in hits] == [hostile["id"]]
    match = hits[0]["match"]
    assert hostile["text"][match["start"]:match["end"]].lower() == "reader comment"
    for hit in get(client, "/api/search?q=floodgates&limit=50")["items"]:
        text = next(d["text"] for d in analysis["documents"] if d["id"] == hit["doc"])
        assert text[hit["match"]["start"]:hit["match"]["end"]].lower() == "floodgates"
        for a, b in hit["highlights"]:
            assert hit["snippet"][a:b].lower() == "floodgates"


def test_csv_download_of_a_table(client: TestClient) -> None:
    response = client.get("/api/claims?measure=killed&limit=5&format=csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert 'filename="claims.csv"' in response.headers["content-disposition"]
    rows = response.text.strip().split("\r\n")
    items = get(client, "/api/claims?measure=killed&limit=5")["items"]
    assert rows[0].split(",")[:3] == ["id", "doc", "source"] and len(rows) == 1 + len(items)
    assert rows[1].startswith(items[0]["id"] + ",")
    assert "not a table" in get(client, "/api/overview?format=csv", 400)["error"]
    text = csv_page(Page([{"a": '=HYPERLINK("http://x")', "b": -3, "c": ["x"], "d": "+1", "e": None}], 1, 1, 0))
    assert list(csv.reader(io.StringIO(text))) == [["a", "b", "c", "d", "e"], ["'=HYPERLINK(\"http://x\")", "-3", '["x"]', "'+1", ""]]


# ------------------------------------------------------------------------------ bad requests

BAD = [
    ("/api/claims?limit=0", "between 1 and 500"),
    ("/api/claims?limit=ten", "whole number"),
    ("/api/claims?offset=-1", "between"),
    ("/api/claims?sort=random", "must be one of"),
    ("/api/claims?sort=value", "needs a measure"),
    ("/api/claims?status=maybe", "must be one of"),
    ("/api/claims?colour=red", "unknown parameter 'colour'"),
    ("/api/claims?limit=1&limit=2", "once"),
    ("/api/claims?format=xml", "json, csv"),
    ("/api/documents?published=yesterday", "YYYY-MM-DD"),
    ("/api/documents?off_event=perhaps", "1 or 0"),
    ("/api/search", "'q' is required"),
    ("/api/search?q=%22unclosed", "double quotes"),
    ("/api/search?q=" + "x" * 600, "limit is 500"),
    ("/api/search?q=a%00b", "NUL"),
    ("/api/view/claims?page=-2", "between"),
    ("/api/view/evidence?kind=rumours&entity=x", "must be one of"),
    ("/api/view/evidence?kind=mentions", "'entity' is required"),
    ("/api/view/doc", "'id' is required"),
    ("/api/documents/" + "a" * 80, "at most 64"),
    ("/api/documents/ab", "no document"),
    ("/api/view/nothing", "no view 'nothing'"),
    ("/api/nothing", "no endpoint"),
    ("/nowhere", "nothing at /nowhere"),
    ("/assets/evil.js", "no asset"),
]


@pytest.mark.parametrize("url, message", BAD)
def test_bad_requests_get_a_4xx_with_a_message(client: TestClient, url: str, message: str) -> None:
    response = client.get(url)
    assert 400 <= response.status_code < 500, (url, response.status_code, response.text[:200])
    body = response.json()
    validate(body, "error")
    assert message in body["error"], body["error"]


def test_fuzzed_parameters_never_give_a_500(client: TestClient) -> None:
    rng = random.Random(3)
    junk = ["", " ", "-1", "0", "1", "99999999999999999999", "1e3", "NaN", "true", "'", '"', "\\", "%", "_", "*", "(",
            "a OR", "NEAR(", "ü", "🙂", "<script>", "' OR 1=1 --", "2031-02-30", "\u2028"]
    names = ["q", "limit", "offset", "measure", "source", "status", "sort", "scope", "page", "kind", "label", "id",
             "entity", "published", "language", "off_event", "group", "format"]
    paths = ["/api/" + name for name in api.ENDPOINTS if name != "check"] + \
            ["/api/view/" + v for v in ("claims", "documents", "search", "evidence", "doc", "entities", "contested")]
    for _ in range(250):
        params = {rng.choice(names): rng.choice(junk) for _ in range(rng.randint(1, 3))}
        response = client.get(rng.choice(paths), params=params)
        assert response.status_code < 500, (response.url, response.text[:200])


def test_methods_hosts_and_bodies_are_refused(client: TestClient, db: Path) -> None:
    assert client.post("/api/claims").status_code == 405
    response = client.post("/api/ingest", files={"files": ("a.txt", b"hello")}, headers={"x-storylens": "ingest"})
    assert response.status_code == 403 and "read-only" in response.json()["error"]
    assert client.get("/api/overview", headers={"host": "evil.example"}).status_code == 400  # no DNS rebinding
    with Store(db) as store:
        before = store.counts()
    assert before["documents"] == 300


def test_security_headers_and_page(client: TestClient) -> None:
    response = client.get("/")
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    page = response.text
    assert page.count("<script") == 2 and '<script src="/assets/report.js?v=' in page  # data block + our file
    assert "storylens-data" in page and "<script>" not in page
    for url in ("/api/overview", "/assets/report.js"):
        assert client.get(url).headers["content-security-policy"] == csp


def test_store_is_read_only_and_queries_have_a_deadline(db: Path) -> None:
    reader = Reader(db, timeout_ms=200)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.run(lambda s: s.db.execute("DELETE FROM documents"))
    endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT COUNT(*) FROM n"
    with pytest.raises(QueryTimeout):
        reader.run(lambda s: s.db.execute(endless).fetchone())
    assert reader.run(lambda s: s.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]) == 300


def test_a_slow_query_is_a_503(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(reader: Reader, p: object) -> None:
        raise QueryTimeout()

    monkeypatch.setitem(api.ENDPOINTS, "claims", slow)
    app = TestClient(create_app(db), base_url="http://127.0.0.1:8000")
    response = app.get("/api/claims")
    assert response.status_code == 503 and "narrow it" in response.json()["error"]


def test_an_outdated_or_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    from storylens.store import StoreError

    with pytest.raises(sqlite3.OperationalError):
        create_app(tmp_path / "missing.db")
    old = tmp_path / "old.db"
    with Store(old) as store:
        store.db.execute("PRAGMA user_version = 4")
    with pytest.raises(StoreError, match="upgrade it"):
        create_app(old)


def test_check_without_the_checker_is_501(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "check_available", lambda: False)
    assert get(client, "/api/check?claim=40%20people%20died", 501)["error"].startswith("claim checking is not part")
    assert "'claim' is required" in get(client, "/api/check", 400)["error"]


def test_check_answers_with_a_verdict_and_evidence(client: TestClient) -> None:
    data = get(client, "/api/check?claim=40%20people%20were%20killed%20in%20Tarsk")
    validate(data, "check")
    assert data["verdict"] in ("supported", "refuted", "conflicting", "not_enough_evidence")
    assert data["evidence"], data


# ------------------------------------------------------------------------------ uploads


def test_uploads_with_allow_write(tmp_path: Path) -> None:
    db = build_store(tmp_path / "store.db", 20)
    with Store(db) as store:
        before = {r["id"]: r["title"] for r in store.documents()}
    app = TestClient(create_app(db, ServeSettings(allow_write=True)), base_url="http://127.0.0.1:8000")
    files = [("files", ("../../etc/note.txt", "A new report: 12 people were injured in Mirovo, officials said.".encode())),
             ("files", ("empty.txt", b"")), ("files", ("photo.txt", bytes(range(256)) * 4))]
    assert app.post("/api/ingest?relate=0", files=files).status_code == 403  # without the header
    response = app.post("/api/ingest?relate=0", files=files, headers={"x-storylens": "ingest"})
    assert response.status_code == 200, response.text
    data = response.json()
    validate(data, "ingest")
    assert data["summary"]["new"] == 1 and len(data["summary"]["skipped"]) == 2
    assert any("skipped" in line and "empty.txt" in line for line in data["lines"])
    folder = Path(data["folder"])
    assert folder.parent == tmp_path / "uploads" and (folder / "note.txt").exists()  # no path traversal
    with Store(db) as store:
        after = {r["id"]: r["title"] for r in store.documents()}
    assert len(after) == 21 and all(after[k] == v for k, v in before.items())  # nothing stored was lost
    hits = app.get("/api/search?q=Mirovo%20injured").json()["items"]
    assert any(h["doc"] not in before for h in hits)  # the read connections see the new document
    nothing = app.post("/api/ingest", files=[("files", ("blank.txt", b"   "))], headers={"x-storylens": "ingest"})
    assert nothing.status_code == 422 and "nothing could be read" in nothing.json()["error"]
    with Store(db) as store:
        assert store.counts()["documents"] == 21


def test_each_table_of_the_app_downloads_as_csv_with_its_filters(client: TestClient) -> None:
    view = get(client, "/api/view/claims?measure=killed&status=conflict")["view"]
    assert view["csv"].startswith("/api/claim-groups?") and "measure=killed" in view["csv"] and "status=conflict" in view["csv"]
    response = client.get(view["csv"])
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert response.status_code == 200 and len(rows) == view["total"] > 0
    assert {r["measure"] for r in rows} == {"killed"} and {r["status"] for r in rows} == {"conflict"}
    documents = get(client, "/api/view/documents?lang=ru&off=1")["view"]
    rows = list(csv.DictReader(io.StringIO(client.get(documents["csv"]).text)))
    assert len(rows) == documents["total"] and {r["language"] for r in rows} == {"ru"} and {r["off_event"] for r in rows} == {"True"}
    assert "between 1 and 10,000" in get(client, "/api/claims?limit=20000&format=csv", 400)["error"]
    assert "between 1 and 500" in get(client, "/api/claims?limit=600", 400)["error"]


def test_serve_command_refuses_a_missing_database_and_a_taken_port(tmp_path: Path, db: Path) -> None:
    import socket

    from click.testing import CliRunner

    from storylens.cli import cli
    from storylens.serve import PortInUse, serve

    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no database at" in result.output and "Traceback" not in result.output
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--port", str(port)])
        assert result.exit_code == 1 and f"127.0.0.1:{port} is in use" in result.output
        with pytest.raises(PortInUse):
            serve(create_app(db), ServeSettings(port=port))


def test_aggregates_are_computed_once_and_renewed_after_a_write(tmp_path: Path) -> None:
    import threading
    import time

    path = build_store(tmp_path / "store.db", 10)
    reader = Reader(path, timeout_ms=1000)
    calls = []

    def count(store: object) -> int:
        calls.append(1)
        time.sleep(0.05)
        return store.db.execute("SELECT COUNT(*) FROM relate_state").fetchone()[0]

    threads = [threading.Thread(target=reader.cached, args=("n", count)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and reader.cached("n", count) == 1
    with Store(path) as store:
        store.set_state("written", "by another process")
    assert reader.cached("n", count) == 2 and len(calls) == 2
