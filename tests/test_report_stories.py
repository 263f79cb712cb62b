"""The report shows why a document is in its story and which labels are distinctive or quoted
(the stories/labels parts of report.js), as text."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from storylens.report import write_report
from tests.test_report import SCHEMA_PATH, driver, go, make_analysis, severe  # noqa: F401  (driver is a fixture)

REASON = "its title and lead are about something else than the main story's <b>x</b>"


@pytest.fixture(scope="module")
def analysis() -> dict:
    data = copy.deepcopy(make_analysis())
    for doc in data["documents"]:
        doc["why"] = ({"similarity": 0.12, "typicality": -3.4, "reason": REASON, "terms": ["plov", "rice <i>"],
                       "main_terms": ["almaty", "csto"]} if doc["off_event"] else
                      {"similarity": 0.6, "typicality": 0.2, "reason": "in the main story", "terms": [], "main_terms": []})
    label = data["actor_labels"][0]["by_source"][0]["labels"][0]
    label.update(z=2.5, distinctive=True)
    label["evidence"][0]["quoted"] = True
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    return data


@pytest.fixture(scope="module")
def report_url(tmp_path_factory: pytest.TempPathFactory, analysis: dict) -> str:
    path = tmp_path_factory.mktemp("report") / "report.html"
    write_report(analysis, path)
    return path.as_uri()


def test_browser_document_says_why_it_is_off_event(driver, report_url: str) -> None:  # noqa: F811
    driver.get(report_url + "#overview")
    go(driver, report_url, "#doc/d-offtopic")
    facts = driver.execute_script("return document.querySelector('#view-doc dl.doc-facts').textContent")
    assert REASON in facts and "typicality -3.40" in facts
    assert "its lead: plov, rice <i>" in facts and "the main story: almaty, csto" in facts
    assert driver.execute_script("return document.querySelectorAll('#view-doc dl.doc-facts b, #view-doc dl.doc-facts i').length") == 0
    go(driver, report_url, "#stories")
    badge = driver.execute_script("return document.querySelector('#off-event li span[title]').getAttribute('title')")
    assert badge == REASON
    assert not severe(driver)


def test_browser_labels_marked_distinctive_and_quoted(driver, report_url: str) -> None:  # noqa: F811
    driver.get(report_url + "#labels")
    go(driver, report_url, "#labels")
    rows = driver.execute_script("return Array.from(document.querySelectorAll('#view-labels tr'))"
                                 ".map(function (r) { return r.textContent; })")
    tass = next(r for r in rows if r.startswith("TASS"))
    ledger = next(r for r in rows if r.startswith("Kyiv Ledger"))
    assert "distinctive" in tass and "quoted" in tass
    assert "distinctive" not in ledger and "quoted" not in ledger
    title = driver.execute_script("return Array.from(document.querySelectorAll('#view-labels .tag'))"
                                  ".map(function (t) { return t.title; }).join('|')")
    assert "z = 2.50" in title
