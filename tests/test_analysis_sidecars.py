"""analysis.json at scale: beyond the report's limits the documents' full entries and the claims go
to JSON Lines files beside it, and nothing is lost or changed on the way."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from storylens.analyze import build_analysis, write_outputs
from storylens.config import ReportSettings
from storylens.store import Store

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "src" / "storylens" / "report"
                     / "analysis.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bench.synthetic_store import build_store

    return build_store(tmp_path_factory.mktemp("sidecars") / "store.db", 60, hostile=True)


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_beyond_the_limits_texts_and_claims_go_to_sidecars_and_nothing_is_lost(store_path: Path, tmp_path: Path) -> None:
    with Store(store_path) as store:
        whole = build_analysis(store)
        write_outputs(store, tmp_path, ReportSettings(max_documents=20))
    data = json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert data["files"] == {"documents": {"path": "documents.jsonl", "items": 60},
                             "claims": {"path": "claims.jsonl", "items": len(whole["claims"])}}
    documents, claims = _lines(tmp_path / "documents.jsonl"), _lines(tmp_path / "claims.jsonl")
    assert documents == whole["documents"] and claims == whole["claims"] and len(claims) > 60
    for doc in documents:  # each line is a document of the schema's shape, text and all
        jsonschema.validate({**whole, "documents": [doc]}, SCHEMA)
    # analysis.json lists every document without its text, and keeps the rest whole
    assert data["claims"] == [] and all(d["listing"] and "text" not in d for d in data["documents"])
    assert [d["id"] for d in data["documents"]] == [d["id"] for d in whole["documents"]]
    assert [d["chars"] for d in data["documents"]] == [len(d["text"]) for d in whole["documents"]]
    assert all(d[k] == full[k] for d, full in zip(data["documents"], whole["documents"])
               for k in ("title", "source", "published", "story", "off_event", "duplicate_of"))
    for key in ("corpus", "claim_groups", "contested", "actor_labels", "stories", "timeline", "entities", "sources"):
        assert data[key] == whole[key], key


def test_a_corpus_within_the_limits_keeps_one_file_and_stale_sidecars_go(store_path: Path, tmp_path: Path) -> None:
    with Store(store_path) as store:
        write_outputs(store, tmp_path, ReportSettings(max_documents=20))
        assert (tmp_path / "documents.jsonl").exists()
        whole = build_analysis(store)
        write_outputs(store, tmp_path, ReportSettings())  # the same folder, a corpus within the limits
    data = json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8"))
    data["generated_at"] = whole["generated_at"]
    assert data == whole and "files" not in data
    assert not (tmp_path / "documents.jsonl").exists() and not (tmp_path / "claims.jsonl").exists()
