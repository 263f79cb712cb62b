"""The annotate orchestrator: components run in order, results round-trip through the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import storylens.annotate as annotate_module
from storylens import Store, ingest
from storylens.annotate import Annotator, annotate_store
from storylens.cli import cli
from storylens.config import AnnotateSettings

TEXT = ("Protests in Almaty\n\nOn January 5, 2022 the interior ministry said that more than 2,000 people "
        "had been detained in Almaty. President Kassym-Jomart Tokayev said: \u201cWe will restore order "
        "across the whole country.\u201d")


@pytest.fixture
def store(tmp_path: Path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "c" / "b.txt").write_text(TEXT.replace("2,000", "3,500").replace("Almaty", "Aktobe"), encoding="utf-8")
    with Store(tmp_path / "s.db") as s:
        ingest([tmp_path / "c"], s, progress=False)
        yield s


def test_annotations_are_stored_and_read_back(store: Store) -> None:
    summary = annotate_store(store, AnnotateSettings(components=("entities", "dates", "claims", "quotes")),
                             progress=False)
    assert summary.annotated == 2 and not summary.failed
    doc = next(store.iter_documents())
    ann = store.annotations(doc.id)
    claim = next(c for c in ann.claims if c.measure == "detained")
    assert (claim.lo, claim.by) == (2000, "interior ministry")
    assert doc.text[claim.start:claim.end].endswith("2,000")
    assert any(d.value == "2022-01-05" for d in ann.dates)
    assert any(m.label == "PER" and "Tokayev" in m.text and m.entity for m in ann.entities)
    assert ann.quotes and ann.quotes[0].speaker and "Tokayev" in ann.quotes[0].speaker
    # Nothing left to do on a second run.
    assert annotate_store(store, AnnotateSettings(components=("dates",)), progress=False).annotated == 0


def test_one_failing_document_does_not_stop_the_run(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    real = annotate_module._per_document_components

    def broken() -> dict:
        components = real()
        attr, find_dates = components["dates"]

        def dates(doc):
            if "Aktobe" in doc.text:
                raise ValueError("boom")
            return find_dates(doc)

        components["dates"] = (attr, dates)
        return components

    monkeypatch.setattr(annotate_module, "_per_document_components", broken)
    summary = annotate_store(store, AnnotateSettings(components=("dates",)), progress=False)
    assert summary.annotated == 1
    assert len(summary.failed) == 1 and "b.txt" in summary.failed[0][0] and "boom" in summary.failed[0][1]


def test_unknown_component_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown annotators: spelling"):
        Annotator(AnnotateSettings(components=("spelling",)))


def test_cli_claims_and_entities_tables(store: Store) -> None:
    annotate_store(store, AnnotateSettings(components=("entities", "claims")), progress=False)
    db = str(store.path)
    out = CliRunner().invoke(cli, ["claims", "--db", db, "--measure", "detained"]).output
    assert "detained" in out and "≥2,000" in out and "interior ministry" in out
    out = CliRunner().invoke(cli, ["entities", "--db", db, "--why"]).output
    assert "Tokayev" in out and "PER" in out


def test_export_carries_annotations(store: Store) -> None:
    import json

    annotate_store(store, AnnotateSettings(components=("dates", "claims")), progress=False)
    out = CliRunner().invoke(cli, ["export", "--db", str(store.path)]).output
    records = [json.loads(line) for line in out.splitlines()]
    claim = records[0]["annotations"]["claims"][0]
    assert records[0]["text"][claim["start"]:claim["end"]].endswith(("2,000", "3,500"))
    assert records[0]["annotations"]["dates"][0]["value"] == "2022-01-05"
