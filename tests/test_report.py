"""The HTML report: rendering, escaping, and (in headless Chromium) that every view draws,
links to its evidence and never runs text from a document as code."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import jsonschema
import pytest

from storylens.report import render_report, write_report
from storylens.report.html import content_security_policy, embed_json

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "src" / "storylens" / "report" / "analysis.schema.json"
ASSETS = SCHEMA_PATH.parent / "assets"
# screenshots for people to look at; out/ is git-ignored (override with STORYLENS_TEST_OUTPUT)
SCREENSHOT_DIR = Path(os.environ.get("STORYLENS_TEST_OUTPUT") or Path(__file__).resolve().parents[1] / "out" / "test-report")

SCRIPT_ATTACK = "</script><script>window.__pwned=1</script>"
IMG_ATTACK = '<img src=x onerror="window.__pwned=2">'

# ---------------------------------------------------------------------------- a small analysis

TEXTS = {
    "d-tass": (
        "President Tokayev said 20,000 bandits attacked Almaty on January 5. "
        "The CSTO contingent numbers about 2,500 personnel, the defence ministry said. "
        "Peacekeepers did not take part in any fighting."
    ),
    "d-ledger": (
        "Human rights groups said at least 225 people were killed in Almaty. "
        "Witnesses say the protesters were peaceful until January 5. "
        "The contingent numbered 2,030 troops, according to the CSTO on January 7."
    ),
    "d-post": (
        "🇰🇿🔥 Almaty tonight: about 2,000 troops at the airport 😱. "
        "Russian paratroopers were seen firing on the square, witnesses said."
    ),
    "d-evil": (
        "A reader comment: " + SCRIPT_ATTACK + " and then " + IMG_ATTACK + " — also <b>bold</b> & more. "
        "Officials said 164 people died."
    ),
    "d-offtopic": "A recipe for plov: rice, carrots, lamb. Nothing about January.",
}


def span(doc_id: str, piece: str, nth: int = 0) -> tuple[int, int]:
    text = TEXTS[doc_id]
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def ev(doc_id: str, piece: str, source: str | None = None) -> dict:
    start, end = span(doc_id, piece)
    return {"doc": doc_id, "start": start, "end": end, "text": piece, "source": source}


SOURCES = {"d-tass": "TASS", "d-ledger": "Kyiv Ledger", "d-post": "@steppe_eye", "d-evil": "Forum <script>", "d-offtopic": "Food blog"}


def sentences(text: str) -> list[dict]:
    out, start = [], 0
    for m in re.finditer(r"[.!?](\s+|$)", text):
        out.append({"start": start, "end": m.end(), "checkworthiness": round(0.3 + 0.1 * len(out), 2)})
        start = m.end()
    if start < len(text):
        out.append({"start": start, "end": len(text), "checkworthiness": None})
    return out


def make_document(doc_id: str) -> dict:
    text = TEXTS[doc_id]
    doc = {
        "id": doc_id, "title": None if doc_id == "d-post" else f"Report {doc_id} <i>title</i>",
        "source": SOURCES[doc_id], "source_type": "news", "author": None, "kind": "post" if doc_id == "d-post" else "article",
        "language": "en", "published": "2022-01-0%d" % (5 + list(TEXTS).index(doc_id) % 3), "url": "https://example.org/" + doc_id,
        "origin": f"corpus/{doc_id}.txt", "duplicate_of": None, "story": "s-offtopic" if doc_id == "d-offtopic" else "s-main",
        "off_event": doc_id == "d-offtopic", "genre": ["reporting", 0.8], "frames": [["Security_and_defense", 0.7]],
        "text": text,
        "passages": [{"start": 0, "end": len(text), "kind": "paragraph", "language": "en",
                      "techniques": [["Loaded_Language", 0.81]] if doc_id in ("d-tass", "d-post") else []}],
        "sentences": sentences(text), "entities": [], "dates": [], "quotes": [],
        "cleaning_log": [{"step": "boilerplate", "rule": "banner", "start": 0, "end": 12, "before": "SUBSCRIBE NOW <script>x</script>\n", "after": ""}],
    }
    for name, ent_id, label in (("Almaty", "e-almaty", "LOC"), ("Tokayev", "e-tokayev", "PER"), ("CSTO", "e-csto", "ORG")):
        if name in text:
            s, e = span(doc_id, name)
            doc["entities"].append({"start": s, "end": e, "label": label, "entity": ent_id})
    if doc_id == "d-tass":  # overlapping spans: a quote across a claim, an entity and a date; an entity across two
        s, e = span(doc_id, "said 20,000 bandits attacked Almaty on January 5")
        doc["quotes"].append({"start": s, "end": e, "speaker": "Tokayev"})
        s, e = span(doc_id, "bandits attacked Almaty")
        doc["entities"].append({"start": s, "end": e, "label": "MISC", "entity": None})
    for piece in ("January 5", "January 7"):
        if piece in text:
            s, e = span(doc_id, piece)
            doc["dates"].append({"start": s, "end": e, "value": "2022-01-0" + piece[-1]})
    return doc


def make_analysis() -> dict:
    docs = [make_document(d) for d in TEXTS]
    claim_specs = [
        ("c1", "d-tass", "20,000", "attackers", "Almaty", 20000, None, "Tokayev"),
        ("c2", "d-tass", "about 2,500", "troops", "CSTO contingent", 2500, "about", None),
        ("c3", "d-ledger", "2,030", "troops", "CSTO contingent", 2030, None, "CSTO"),
        ("c4", "d-post", "about 2,000", "troops", "CSTO contingent", 2000, "about", None),
        ("c5", "d-ledger", "at least 225", "deaths", "Kazakhstan", 225, "at least", None),
        ("c6", "d-evil", "164", "deaths", "Kazakhstan", 164, None, "Officials"),
    ]
    claims = []
    for cid, doc_id, piece, measure, where, value, hedge, by in claim_specs:
        s, e = span(doc_id, piece)
        sent = next(x for x in sentences(TEXTS[doc_id]) if x["start"] <= s < x["end"])
        claims.append({
            "id": cid, "doc": doc_id, "source": SOURCES[doc_id], "start": s, "end": e,
            "sentence_start": sent["start"], "sentence_end": sent["end"], "text": piece, "measure": measure,
            "unit": "people", "value": value, "lo": None, "hi": None, "hedge": hedge, "qualifier": None,
            "where": where, "as_of": None, "by": by, "via": None, "cue": "said", "status": None,
        })
    return {
        "schema": "storylens.analysis", "version": 1, "generated_at": "2026-11-22T06:00:00Z",
        "corpus": {
            "documents": len(docs), "sources": len(SOURCES), "kinds": {"article": 4, "post": 1}, "languages": {"en": 5},
            "period": {"from": "2022-01-05", "to": "2022-01-07"},
            "cleaning": {"rules": {"banner": 5, "<script>rule": 1}, "chars_removed": 170}, "duplicates": 0,
        },
        "documents": docs,
        "claims": claims,
        "claim_groups": [
            {"id": "g1", "measure": "troops", "scope": "CSTO contingent", "unit": "people", "status": "agree",
             "explanation": "2,500 (about), 2,030 and about 2,000 overlap", "members": ["c2", "c3", "c4"], "sources": ["TASS", "Kyiv Ledger", "@steppe_eye"]},
            {"id": "g2", "measure": "deaths", "scope": "Kazakhstan", "unit": "people", "status": "conflict",
             "explanation": "at least 225 vs 164 <b>same date</b>", "members": ["c5", "c6"], "sources": ["Kyiv Ledger", "Forum <script>"]},
            {"id": "g3", "measure": "attackers", "scope": "Almaty", "unit": "people", "status": "single_source",
             "explanation": "only one source", "members": ["c1"], "sources": ["TASS"]},
        ],
        "contested": [{
            "id": "k1", "about": "Did Russian troops fire on civilians?", "explanation": "One side denies any fighting, the other reports shooting.",
            "sides": {"no": [ev("d-tass", "Peacekeepers did not take part in any fighting.", "TASS")],
                      "yes": [ev("d-post", "Russian paratroopers were seen firing on the square", "@steppe_eye")]},
        }],
        "actor_labels": [{
            "group": "people in the streets",
            "by_source": [
                {"source": "TASS", "labels": [{"label": "bandits", "count": 1, "discovered": False, "evidence": [ev("d-tass", "bandits")]}]},
                {"source": "Kyiv Ledger", "labels": [{"label": "protesters", "count": 1, "discovered": True, "evidence": [ev("d-ledger", "protesters")]}]},
            ],
        }],
        "stories": [
            {"id": "s-main", "label": "January events in Kazakhstan", "documents": ["d-tass", "d-ledger", "d-post", "d-evil"], "main": True,
             "period": {"from": "2022-01-05", "to": "2022-01-07"}},
            {"id": "s-offtopic", "label": "Cooking", "documents": ["d-offtopic"], "main": False},
        ],
        "timeline": [
            {"date": "2022-01-05", "end": None, "summary": "Attacks in Almaty <script>", "sources": ["TASS"], "evidence": [ev("d-tass", "January 5")]},
            {"date": "2022-01-06", "end": "2022-01-07", "summary": "CSTO deploys", "sources": ["Kyiv Ledger"], "evidence": [ev("d-ledger", "January 7")]},
        ],
        "entities": [
            {"id": "e-almaty", "name": "Almaty", "label": "LOC", "aliases": ["Alma-Ata"], "mentions_by_source": {"TASS": 1, "Kyiv Ledger": 1, "@steppe_eye": 1}},
            {"id": "e-tokayev", "name": "Tokayev", "label": "PER", "aliases": [], "mentions_by_source": {"TASS": 1}, "why": ["gazetteer"]},
            {"id": "e-csto", "name": "CSTO", "label": "ORG", "aliases": [], "mentions_by_source": {"TASS": 1, "Kyiv Ledger": 1}},
        ],
        "sources": [
            {"name": name, "type": "news", "documents": [d], "languages": ["en"], "claims": sum(c["doc"] == d for c in claims),
             "techniques": {"Loaded_Language": 1} if d in ("d-tass", "d-post") else {},
             "frames": {"Security_and_defense": 1}, "genres": {"reporting": 1},
             "checkworthy": [dict(doc=d, start=x["start"], end=x["end"], score=x["checkworthiness"]) for x in sentences(TEXTS[d])[:2] if x["checkworthiness"]]}
            for d, name in SOURCES.items()
        ],
    }


@pytest.fixture(scope="module")
def analysis() -> dict:
    data = make_analysis()
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    return data


# ---------------------------------------------------------------------------- unit tests


def embedded(page: str) -> str:
    m = re.search(r'<script type="application/json" id="storylens-data">(.*?)</script>', page, re.S)
    assert m, "data block missing"
    return m.group(1)


def test_render_escapes_document_text(analysis: dict) -> None:
    page = render_report(analysis)
    assert SCRIPT_ATTACK not in page
    assert IMG_ATTACK not in page
    assert "<img" not in page and "onerror=" not in page.replace("onerror=\\", "")
    assert "window.__pwned" in page  # present, but only escaped inside the JSON string
    # exactly two script elements: the data block and our code; the data cannot close its tag
    assert len(re.findall(r"<script\b", page)) == 2
    assert page.count("</script>") == 2
    data = embedded(page)
    assert not re.search(r"[<>&\u2028\u2029]", data)
    assert json.loads(data) == analysis


def test_metadata_outside_the_data_block_is_escaped(analysis: dict) -> None:
    hostile = copy.deepcopy(analysis)
    hostile["generated_at"] = SCRIPT_ATTACK
    hostile["corpus"]["documents"] = "<b>5</b>"
    page = render_report(hostile)
    assert SCRIPT_ATTACK not in page and "<b>5</b>" not in page
    assert page.count("</script>") == 2


def test_embed_json_escapes_separators_and_survives_nan() -> None:
    text = embed_json({"a": "x\u2028y\u2029z</script><!--&", "b": float("nan"), "c": "🇰🇿", "d": "\udcff"})
    assert "\u2028" not in text and "\u2029" not in text and "<" not in text
    text.encode("utf-8")  # a lone surrogate is escaped, so this cannot fail
    back = json.loads(text)
    assert back["a"] == "x\u2028y\u2029z</script><!--&" and back["b"] is None and back["c"] == "🇰🇿"


def test_csp_allows_only_our_script_by_hash_and_no_network(analysis: dict) -> None:
    page = render_report(analysis)
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert m
    csp = m.group(1).replace("&#x27;", "'")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    script = re.search(r"<script>(.*)</script>\s*</body>", page, re.S).group(1)
    assert csp == content_security_policy(script)
    assert "http://" not in page.split('id="storylens-data"')[0].replace("http://www.w3.org", "")
    assert "<link rel=\"stylesheet\"" not in page and "src=\"http" not in page


def test_assets_never_parse_html_strings() -> None:
    js = (ASSETS / "report.js").read_text(encoding="utf-8")
    for bad in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "DOMParser"):
        assert bad not in js, bad
    assert "@import" not in (ASSETS / "report.css").read_text(encoding="utf-8")
    assert "url(" not in (ASSETS / "report.css").read_text(encoding="utf-8")


def test_write_report_creates_file(tmp_path: Path, analysis: dict) -> None:
    out = tmp_path / "sub" / "report.html"
    write_report(analysis, out)
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "storylens-data" in page
    assert "storylens report — 5 documents" in page


# ---------------------------------------------------------------------------- browser tests

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SECTIONS = ["overview", "claims", "contested", "labels", "stories", "timeline", "entities", "sources", "documents"]


def _need_browser() -> None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.path.exists(p)]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package")
    if missing:
        message = f"browser tests need Debian's chromium and chromium-driver ({', '.join(missing)} missing): apt-get install chromium chromium-driver"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)


def test_missing_browser_skips_but_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", "/nonexistent/chromium")
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception, match="chromium"):
        _need_browser()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="chromium"):
        _need_browser()


@pytest.fixture(scope="module")
def driver():
    _need_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="storylens-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={profile}", "--window-size=1400,900"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    drv.set_page_load_timeout(30)
    yield drv
    drv.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def report_url(tmp_path_factory: pytest.TempPathFactory, analysis: dict) -> str:
    path = tmp_path_factory.mktemp("report") / "report.html"
    write_report(analysis, path)
    return path.as_uri()


def severe(drv) -> list[dict]:
    return [e for e in drv.get_log("browser") if e.get("level") == "SEVERE"]


def go(drv, url: str, hash_: str) -> None:
    """Navigate inside the report and wait until the view for that hash is shown."""
    view = "doc" if hash_.startswith("#doc/") else hash_[1:].split("?")[0]
    drv.execute_script("location.hash = arguments[0]", hash_)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if drv.execute_script("var s = document.querySelector('section.view:not([hidden])');"
                              "return s && s.getAttribute('data-view') === arguments[0] && location.hash === arguments[1]", view, hash_):
            return
        time.sleep(0.02)
    raise AssertionError(f"view {view} did not show for {hash_}")


def test_browser_every_section_renders_without_errors(driver, report_url: str, tmp_path: Path) -> None:
    driver.get(report_url)
    assert driver.execute_script("return document.documentElement.getAttribute('data-ready')") == "1"
    for name in SECTIONS:
        go(driver, report_url, "#" + name)
        shown = driver.execute_script(
            "var s = document.getElementById('view-' + arguments[0]);"
            "return [s.hidden, s.textContent.length, s.querySelectorAll('a, svg, table').length, !!s.querySelector('.error')];", name)
        assert shown[0] is False, f"{name} is hidden"
        assert shown[1] > 80 and shown[2] > 0, f"{name} has no content: {shown}"
        assert shown[3] is False, f"{name} failed to render"
    # the charts are inline SVG with links to evidence
    go(driver, report_url, "#timeline")
    assert driver.execute_script("return document.querySelectorAll('#view-timeline svg a[href^=\"#doc/\"]').length") >= 2
    go(driver, report_url, "#entities")
    assert driver.execute_script("return document.querySelectorAll('#view-entities svg a[href^=\"#evidence?\"]').length") >= 6
    go(driver, report_url, "#sources")
    body = driver.execute_script("return document.getElementById('view-sources').textContent")
    assert "paragraph-level label" in body
    go(driver, report_url, "#claims")
    claims_text = driver.execute_script("return document.getElementById('view-claims').textContent")
    for word in ("Conflict", "Agree", "Single source"):  # status in words, not colour only
        assert word in claims_text
    go(driver, report_url, "#overview")
    errors = severe(driver)
    assert not errors, errors
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(tmp_path / "report.png"))
    shutil.copy(tmp_path / "report.png", SCREENSHOT_DIR / "overview.png")
    go(driver, report_url, "#claims")
    driver.save_screenshot(str(SCREENSHOT_DIR / "claims.png"))
    print(f"screenshots: {tmp_path / 'report.png'} and {SCREENSHOT_DIR}")


def test_browser_claim_cell_opens_exact_span(driver, report_url: str, analysis: dict) -> None:
    driver.get(report_url + "#claims")
    for claim in analysis["claims"]:
        if claim["id"] not in ("c1", "c4", "c6"):  # c1 overlaps other spans; c4 sits after emoji (code points vs UTF-16)
            continue
        go(driver, report_url, "#claims")
        link = driver.find_element("css selector", f'a[data-claim="{claim["id"]}"]')
        link.click()
        time.sleep(0.1)
        assert driver.execute_script("return location.hash") == f"#doc/{claim['doc']}/{claim['start']}-{claim['end']}"
        focus = driver.execute_script(
            "return Array.from(document.querySelectorAll('#doc-text mark.focus')).map(function (m) { return m.textContent; }).join('')")
        assert focus == claim["text"]
        shown = driver.execute_script("return document.getElementById('doc-text').textContent")
        assert shown == TEXTS[claim["doc"]]  # highlights never change the text
    driver.save_screenshot(str(SCREENSHOT_DIR / "document.png"))
    assert not severe(driver)


def test_browser_every_evidence_link_points_into_its_document(driver, report_url: str, analysis: dict) -> None:
    """Every #doc/<id>/<start>-<end> link in every view names a real document and a span inside it."""
    lengths = {d["id"]: len(d["text"]) for d in analysis["documents"]}
    driver.get(report_url)
    seen = 0
    for name in SECTIONS:
        go(driver, report_url, "#" + name)
        hrefs = driver.execute_script(
            "return Array.from(document.querySelectorAll('#view-' + arguments[0] + ' a')).map(function (a) {"
            " return a.getAttribute('href') || a.getAttribute('xlink:href') || ''; })", name)
        for href in hrefs:
            assert href.startswith("#") or href.startswith("https://example.org/"), href
            m = re.fullmatch(r"#doc/([^/]+)(?:/(\d+)-(\d+))?", href)
            if not m:
                continue
            doc_id = m.group(1).replace("%2F", "/")
            assert doc_id in lengths, href
            if m.group(2):
                start, end = int(m.group(2)), int(m.group(3))
                assert 0 <= start < end <= lengths[doc_id], href
                seen += 1
    assert seen >= 20


def test_browser_heatmap_count_to_span_in_two_clicks(driver, report_url: str, analysis: dict) -> None:
    """A heatmap number opens the list of what it counts; each item opens its span."""
    driver.get(report_url + "#entities")
    cell = driver.find_element("css selector", '#view-entities svg a[href*="entity=e-almaty"][href*="source=TASS"]')
    assert cell.text == "1"
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}))", cell)
    go(driver, report_url, driver.execute_script("return location.hash"))
    items = driver.find_elements("css selector", "#view-evidence li.kwic a.kwic-line")
    assert len(items) == 1 and "Almaty" in items[0].text
    items[0].click()
    time.sleep(0.1)
    focus = driver.execute_script("return Array.from(document.querySelectorAll('#doc-text mark.focus')).map(function (m) { return m.textContent; }).join('')")
    assert focus == "Almaty"
    # technique cells list paragraph-level passages; label counts list every use
    for hash_, n in (("#evidence?kind=technique&technique=Loaded_Language&source=TASS", 1),
                     ("#evidence?kind=label&group=people+in+the+streets&source=TASS&label=bandits", 1),
                     ("#evidence?kind=frame&frame=Security_and_defense&source=TASS", 1)):
        go(driver, report_url, hash_)
        assert len(driver.find_elements("css selector", "#view-evidence li.kwic")) == n, hash_
        if "technique" in hash_:
            assert "Paragraph-level label" in driver.execute_script("return document.getElementById('view-evidence').textContent")
    assert not severe(driver)


def test_browser_overview_count_to_document_in_two_clicks(driver, report_url: str) -> None:
    driver.get(report_url + "#overview")
    driver.find_element("xpath", "//section[@id='view-overview']//a[text()='banner']").click()
    go(driver, report_url, "#documents?rule=banner")
    rows = driver.find_elements("css selector", "#docs-results tbody tr a.doc-link")
    assert len(rows) == 5
    rows[0].click()
    time.sleep(0.1)
    assert driver.execute_script("return location.hash").startswith("#doc/")
    log = driver.execute_script("return document.querySelector('#view-doc table.cleanlog').textContent")
    assert "banner" in log and "SUBSCRIBE NOW <script>x</script>" in log
    assert not severe(driver)


def test_browser_injected_script_does_not_run(driver, report_url: str) -> None:
    driver.get(report_url + "#doc/d-evil")
    time.sleep(0.2)
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    text = driver.execute_script("return document.getElementById('doc-text').textContent")
    assert text == TEXTS["d-evil"] and SCRIPT_ATTACK in text and IMG_ATTACK in text
    assert driver.execute_script("return document.querySelectorAll('#view-doc img, #view-doc b, #view-doc script').length") == 0
    # the malicious source name and rule are shown as text elsewhere too
    for name in ("documents", "sources", "overview", "claims"):
        go(driver, report_url, "#" + name)
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert "Forum <script>" in driver.execute_script("return document.getElementById('view-claims').textContent")
    assert not severe(driver)


def test_browser_large_corpus_stays_fast(driver, tmp_path: Path, analysis: dict) -> None:
    big = copy.deepcopy(analysis)
    template = big["documents"][1]
    for i in range(5000):
        doc = copy.deepcopy(template)
        doc["id"] = f"bulk-{i:05d}"
        doc["source"] = f"Outlet {i % 40}"
        big["documents"].append(doc)
    big["corpus"]["documents"] = len(big["documents"])
    path = tmp_path / "big.html"
    write_report(big, path)
    started = time.monotonic()
    driver.get(path.as_uri() + "#documents")
    rows = driver.execute_script("return document.querySelectorAll('#docs-results tbody tr').length")
    go(driver, path.as_uri(), "#doc/bulk-04999/0-10")
    loaded = time.monotonic() - started
    assert rows == 50  # paginated: one page of rows in the DOM
    assert driver.execute_script("return document.querySelectorAll('.doctext').length") == 1
    assert loaded < 15, f"5,000 documents took {loaded:.1f}s"  # generous: CI machines are shared
    assert not severe(driver)


# ---------------------------------------------------------------------------- a report that scales


@pytest.fixture(scope="module")
def large_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bench.synthetic_store import build_store

    return build_store(tmp_path_factory.mktemp("large") / "store.db", 600, hostile=True)


def test_small_corpus_analysis_is_whole_and_streams_the_same(tmp_path: Path) -> None:
    from bench.synthetic_store import build_store
    from storylens.analyze import build_analysis, write_analysis
    from storylens.config import ReportSettings
    from storylens.store import Store

    with Store(build_store(tmp_path / "small.db", 40)) as store:
        whole = build_analysis(store)
        within = build_analysis(store, ReportSettings())
        write_analysis(store, tmp_path / "analysis.json")
    streamed = json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8"))
    for data in (within, streamed):
        data["generated_at"] = whole["generated_at"]
    assert "partial" not in whole and within == whole and streamed == whole
    assert len(whole["documents"]) == 40 and all("text" in d for d in whole["documents"])
    jsonschema.validate(whole, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def test_a_large_corpus_gives_a_partial_analysis_of_what_the_findings_cite(large_store: Path) -> None:
    from storylens.analyze import build_analysis
    from storylens.config import ReportSettings
    from storylens.store import Store

    limits = ReportSettings(max_documents=60, max_claims=400, max_members_per_group=12, max_evidence_per_item=5)
    with Store(large_store) as store:
        data = build_analysis(store, limits)
        n_claims = store.db.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    partial = data["partial"]
    assert partial["database"] == str(large_store.resolve())
    assert partial["documents"] == {"embedded": 60, "total": 600} and len(data["documents"]) == 60
    assert data["corpus"]["documents"] == 600  # the counts stay those of the whole corpus
    assert partial["claims"]["total"] == n_claims and partial["claims"]["embedded"] == len(data["claims"])
    embedded = {d["id"] for d in data["documents"]}
    claim_ids = {c["id"] for c in data["claims"]}
    members = [m for g in data["claim_groups"] for m in g["members"]]
    assert members and set(members) <= claim_ids and len(members) <= 400
    assert all(len(g["members"]) <= 12 for g in data["claim_groups"])
    assert any(g.get("members_total", 0) > 12 for g in data["claim_groups"])
    # conflicts come first, and the documents of the contested statements are all embedded
    statuses = [g["status"] for g in data["claim_groups"]]
    assert statuses == sorted(statuses, key=["conflict", "evolving", "agree", "single_source"].index)
    assert {ev["doc"] for item in data["contested"] for side in item["sides"].values() for ev in side} <= embedded
    for item in data["actor_labels"]:
        for row in item["by_source"]:
            assert all(len(label["evidence"]) <= 5 for label in row["labels"])
    for story in data["stories"]:
        assert set(story["documents"]) <= embedded and story["document_count"] >= len(story["documents"])
    assert sum(s["document_count"] for s in data["sources"]) == 600
    assert all(set(s["documents"]) <= embedded for s in data["sources"])
    assert all(c["text"] for c in data["claims"])  # each figure carries its sentence, embedded or not


def test_browser_partial_report_says_how_to_browse_the_rest(driver, large_store: Path, tmp_path: Path) -> None:
    from storylens.analyze import build_analysis
    from storylens.config import ReportSettings
    from storylens.store import Store

    with Store(large_store) as store:
        data = build_analysis(store, ReportSettings(max_documents=60))
        outside = store.db.execute("SELECT id FROM documents ORDER BY seq DESC LIMIT 1").fetchone()[0]
    assert outside not in {d["id"] for d in data["documents"]}
    path = tmp_path / "report.html"
    write_report(data, path)
    driver.get(path.as_uri())
    banner = driver.execute_script("return document.getElementById('banner').textContent")
    assert "60 documents its findings cite, of 600" in banner and "storylens serve --db" in banner
    assert str(large_store.resolve()) in banner
    go(driver, path.as_uri(), f"#doc/{outside}")
    text = driver.execute_script("return document.getElementById('view-doc').textContent")
    assert "Document not in this report" in text and f"storylens show {outside}" in text
    go(driver, path.as_uri(), "#documents")
    assert "page 1 of 2 · 60 documents" in driver.execute_script("return document.getElementById('docs-results').textContent")
    nav = driver.execute_script("return document.querySelector('#nav-list a[data-nav=documents]').textContent")
    assert nav.endswith("600")
    for name in SECTIONS:
        go(driver, path.as_uri(), "#" + name)
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert not severe(driver)


def test_browser_report_of_20000_documents_is_interactive_within_3_s(driver, tmp_path_factory: pytest.TempPathFactory) -> None:
    from bench.synthetic_store import build_store
    from storylens.analyze import build_analysis
    from storylens.config import ReportSettings
    from storylens.store import Store

    folder = tmp_path_factory.mktemp("report-20k")
    with Store(build_store(folder / "store.db", 20_000)) as store:
        data = build_analysis(store, ReportSettings())
    path = folder / "report.html"
    write_report(data, path)
    size_mb = path.stat().st_size / 2**20
    driver.get("about:blank")
    started = time.monotonic()
    driver.get(path.as_uri())
    while not driver.execute_script("return document.documentElement.getAttribute('data-ready')"):
        assert time.monotonic() - started < 10, "the report never became ready"
        time.sleep(0.01)
    driver.find_element("css selector", '#nav-list a[data-nav="documents"]').click()
    # the view is drawn on the hashchange event, which the browser dispatches after the click returns
    rows = 0
    while not rows and time.monotonic() - started < 10:
        rows = driver.execute_script("return document.querySelectorAll('#docs-results tbody tr').length")
    interactive = time.monotonic() - started
    print(f"report of 20,000 documents: {size_mb:.1f} MB, interactive in {interactive:.2f} s")
    assert data["partial"]["documents"]["total"] == 20_000 and rows == 50
    assert interactive < 3, f"{interactive:.2f} s to load and answer a click"
    assert size_mb < 30
    assert not severe(driver)


def test_analyze_says_when_the_report_is_partial(tmp_path: Path) -> None:
    from storylens.analyze import analyze
    from storylens.config import ReportSettings, Settings
    from storylens.store import Store
    from tests.conftest import EXAMPLES

    settings = Settings(report=ReportSettings(max_documents=5))
    with Store(tmp_path / "s.db") as store:
        summary = analyze([EXAMPLES], store, tmp_path / "out", settings, progress=False)
    whole = json.loads(summary.analysis.read_text(encoding="utf-8"))
    page = summary.report.read_text(encoding="utf-8")
    data = json.loads(embedded(page))
    # analysis.json holds everything: beyond the report's limits, texts and claims in files beside it
    assert len(whole["documents"]) == 13 and "partial" not in whole and whole["files"]["documents"]["items"] == 13
    full = (summary.analysis.parent / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in full] == [d["id"] for d in whole["documents"]]
    assert data["partial"]["documents"] == {"embedded": 5, "total": 13} and len(data["documents"]) == 5
    assert f"browse them all with: storylens serve --db {tmp_path / 's.db'}" in summary.lines[-1]
