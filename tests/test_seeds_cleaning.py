"""Acceptance: cleaning the five seed documents meets every rule of seeds-gold/cleaning.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storylens import Store, ingest
from storylens.clean.edits import undo
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def cleaned(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    seeds = shared_path("seeds")
    with Store(tmp_path_factory.mktemp("db") / "seeds.db") as store:
        summary = ingest([seeds], store, progress=False)
        assert summary.cleaned == 5 and not summary.skipped
        return {Path(doc.origin).name: doc for doc in store.iter_documents()}


@pytest.fixture(scope="module")
def gold() -> dict[str, dict]:
    return json.loads((shared_path("seeds-gold") / "cleaning.json").read_text(encoding="utf-8"))["documents"]


def _rules(gold: dict[str, dict], kinds: tuple[str, ...]) -> list[tuple[str, str, str]]:
    return [(name, kind, s) for name, rules in gold.items() for kind in kinds for s in rules.get(kind, [])]


def test_every_must_rule_holds(cleaned, gold) -> None:
    failures = []
    for name, kind, needle in _rules(gold, ("must_contain", "must_keep", "must_not_contain", "must_not_contain_twice")):
        text = cleaned[name].text
        ok = {
            "must_contain": needle in text,
            "must_keep": needle in text,
            "must_not_contain": needle not in text,
            "must_not_contain_twice": text.count(needle) == 1,
        }[kind]
        if not ok:
            failures.append(f"{name}: {kind} {needle!r}")
    assert not failures, "\n".join(failures)


def test_every_should_rule_holds(cleaned, gold) -> None:
    rules = _rules(gold, ("should_not_contain",))
    held = [r for r in rules if r[2] not in cleaned[r[0]].text]
    print(f"should_* rules holding: {len(held)}/{len(rules)}")
    assert len(held) == len(rules), [r for r in rules if r not in held]


def test_metadata_is_recovered(cleaned, gold) -> None:
    for name, rules in gold.items():
        for key, value in rules.get("metadata", {}).items():
            assert cleaned[name].meta.get(key) == value, (name, key)


def test_comment_thread_keeps_each_unique_comment_once(cleaned, gold) -> None:
    """003 has 80 lines, 30 of them scraped twice: 50 unique lines, one a 'dead comment' placeholder."""
    name = next(n for n, r in gold.items() if "unique_comment_lines" in r)
    doc = cleaned[name]
    assert doc.kind == "thread"
    repeats = [e for e in doc.log if e.step == "repeats"]
    placeholders = [e for e in doc.log if e.rule == "dead comment placeholder"]
    raw_lines = [line for line in doc.raw_text.split("\n") if line.strip()]
    assert len(raw_lines) - len(repeats) == gold[name]["unique_comment_lines"]
    assert len(doc.passages) + len(placeholders) == gold[name]["unique_comment_lines"]
    kept = [doc.text[p.start:p.end] for p in doc.passages]
    assert len(kept) == len(set(kept))
    assert all(p.kind == "comment" for p in doc.passages)


def test_cleaning_log_explains_and_undoes_every_change(cleaned) -> None:
    for doc in cleaned.values():
        assert undo(doc.text, doc.log) == doc.raw_text
        for edit in doc.log:
            assert edit.step and edit.rule


def test_languages_and_kinds(cleaned) -> None:
    kinds = {name[:3]: doc.kind for name, doc in cleaned.items()}
    assert kinds == {"000": "post", "001": "article", "002": "article", "003": "thread", "004": "article"}
    for doc in cleaned.values():
        assert doc.meta["language"] == "en"
        assert any(p.language == "en" for p in doc.passages)
