"""Acceptance: `analyze` on the seeds relates the sources as seeds-gold/claims.json says."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from storylens import Store
from storylens.analyze import analyze
from tests.conftest import shared_path

SCHEMA = Path(__file__).resolve().parents[1] / "src" / "storylens" / "report" / "analysis.schema.json"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    seeds = shared_path("seeds")
    out = tmp_path_factory.mktemp("analysis")
    with Store(out / "seeds.db") as store:
        summary = analyze([seeds], store, out, progress=False)
    assert summary.report.exists() and summary.analysis.exists()
    return json.loads(summary.analysis.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads((shared_path("seeds-gold") / "claims.json").read_text(encoding="utf-8"))


def _doc_ids(analysis: dict) -> dict[str, str]:
    """Seed number ("001") -> document id."""
    return {Path(d["origin"]).name[:3]: d["id"] for d in analysis["documents"]}


def _claim(analysis: dict, member: str) -> dict:
    seed, needle = member.split(":", 1)
    doc = _doc_ids(analysis)[seed]
    found = [c for c in analysis["claims"] if c["doc"] == doc and needle in c["text"]
             and _figure_in(needle, c)]
    assert found, f"no claim for {member}"
    return found[0]


def _figure_in(needle: str, claim: dict) -> bool:
    """The member names a figure ("more than 160"): the claim must carry that figure."""
    digits = "".join(ch for ch in needle if ch.isdigit())
    figures = {claim.get(k) for k in ("value", "lo", "hi")} - {None}
    return not digits or any(int(f) == int(digits) for f in figures)


def test_analysis_validates_against_its_schema(run: dict) -> None:
    jsonschema.validate(run, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_cross_source_groups_have_the_expected_status(run: dict, gold: dict) -> None:
    # each claim's series: the top-level group (groups with ``part_of`` are runs inside a series)
    group_of = {m: g for g in run["claim_groups"] if not g.get("part_of") for m in g["members"]}
    for expected in gold["cross_source"]:
        claims = [_claim(run, member) for member in expected["members"]]
        groups = {group_of[c["id"]]["id"] for c in claims}
        assert len(groups) == 1, f"{expected['measure']}/{expected['scope']} split over {groups}"
        group = group_of[claims[0]["id"]]
        assert group["measure"] == expected["measure"]
        assert group["status"] == expected["expect"], (expected["scope"], group["explanation"])
        assert group["explanation"]


def test_retracted_figure_keeps_its_status(run: dict) -> None:
    claim = _claim(run, "002:164 people")
    assert claim["status"] == "retracted"


def test_stories_flag_the_later_rally(run: dict, gold: dict) -> None:
    ids = _doc_ids(run)
    off = {Path(d["origin"]).name[:3] for d in run["documents"] if d["off_event"]}
    assert off == set(gold["stories"]["astana_rally_november_2022"])
    main = {d["story"] for d in run["documents"] if Path(d["origin"]).name[:3] in gold["stories"]["january_2022_unrest"]}
    assert len(main) == 1 and ids


def test_every_finding_points_inside_its_document(run: dict) -> None:
    texts = {d["id"]: d["text"] for d in run["documents"]}
    spans = [(c["doc"], c["start"], c["end"]) for c in run["claims"]]
    spans += [(e["doc"], e["start"], e["end"]) for item in run["timeline"] for e in item["evidence"]]
    spans += [(e["doc"], e["start"], e["end"]) for item in run["contested"] for side in item["sides"].values()
              for e in side]
    for doc, start, end in spans:
        assert 0 <= start < end <= len(texts[doc])
    for item in run["contested"]:
        for side in item["sides"].values():
            for e in side:
                assert texts[e["doc"]][e["start"]:e["end"]] == e["text"]
