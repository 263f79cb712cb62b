"""The main job: read → clean → annotate → relate → report (``storylens analyze``).

:func:`analyze` runs every stage and writes ``report.html`` and ``analysis.json``;
:func:`build_analysis` turns what the store holds — documents, annotations and what the relate
stage saved — into the documented ``analysis.json`` (``report/analysis.schema.json``), whole or,
for a report beyond ``ReportSettings``, partial (the documents its findings cite);
:func:`write_analysis` streams the whole of it to a file in bounded memory.
Re-running on a grown corpus reuses every stored document and annotation and recomputes only
the cross-document relations.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from storylens.config import ReportSettings, Settings
from storylens.relate import relate_store
from storylens.relate.claims import claim_key
from storylens.store import Store, queries

SCHEMA_VERSION = 1
CHECKWORTHY_PER_SOURCE = 5


@dataclass
class AnalyzeSummary:
    lines: list[str] = field(default_factory=list)
    report: Path | None = None
    analysis: Path | None = None
    ingest_read: int = 0


def analyze(paths: Iterable[Path], store: Store, out_dir: Path, settings: Settings | None = None,
            manifests: Iterable[Path] = (), progress: bool = True) -> AnalyzeSummary:
    """Run every stage and write ``out_dir/report.html`` and ``out_dir/analysis.json``."""
    from storylens.annotate import annotate_store
    from storylens.ingest import ingest
    from storylens.parallel import Workers

    settings = settings or Settings()
    summary = AnalyzeSummary()
    with Workers(settings.parallel) as workers:  # one set of worker processes for clean and annotate
        ingested = ingest(paths, store, settings, manifests, progress=progress, workers=workers)
        summary.ingest_read = ingested.read + ingested.already_stored
        summary.lines += ingested.lines()
        summary.lines += annotate_store(store, settings.annotate, progress=progress, workers=workers).lines()
    summary.lines += relate_store(store, progress=progress).lines()
    summary.analysis, summary.report = out_dir / "analysis.json", out_dir / "report.html"
    report = write_outputs(store, out_dir, settings.report)
    if "partial" in report:
        shown = report["partial"]["documents"]
        summary.lines.append(f"report: the {shown['embedded']:,} documents its findings cite, of {shown['total']:,};"
                             f" browse them all with: storylens serve --db {store.path}")
    return summary


def write_outputs(store: Store, out_dir: Path, limits: ReportSettings | None = None) -> dict[str, Any]:
    """Write ``out_dir/analysis.json`` (everything, streamed from the store) and ``out_dir/report.html``
    (within ``limits``); return the analysis the report shows."""
    from storylens.report import write_report

    out_dir.mkdir(parents=True, exist_ok=True)
    write_analysis(store, out_dir / "analysis.json")
    report = build_analysis(store, limits or ReportSettings())
    write_report(report, out_dir / "report.html")
    return report


def build_analysis(store: Store, limits: ReportSettings | None = None) -> dict[str, Any]:
    """Everything the report shows, as plain JSON-ready data, from what the store holds.

    Run :func:`storylens.relate.relate_store` first: the cross-document parts are read from it.
    With ``limits``, a corpus beyond them gives a *partial* analysis: the documents its findings
    cite (within the budget), bounded lists, and a ``partial`` object that says what was left out.
    """
    corpus = queries.corpus(store.db)
    if limits is not None and not _fits(store, corpus, limits):
        return _partial_analysis(store, corpus, limits)
    return {key: list(value) if isinstance(value, Iterator) else value
            for key, value in _sections(store, corpus).items()}


def write_analysis(store: Store, path: Path) -> None:
    """Write the whole analysis (as :func:`build_analysis` without limits) one document at a time,
    so that memory stays bounded by the largest document and the relate results."""
    with Path(path).open("w", encoding="utf-8") as out:
        out.write("{")
        for i, (key, value) in enumerate(_sections(store, queries.corpus(store.db)).items()):
            out.write(("," if i else "") + "\n" + json.dumps(key) + ": ")
            if isinstance(value, Iterator):
                out.write("[")
                for j, item in enumerate(value):
                    out.write(("," if j else "") + "\n" + json.dumps(item, ensure_ascii=False))
                out.write("\n]")
            else:
                out.write(json.dumps(value, ensure_ascii=False, indent=1))
        out.write("\n}\n")


def _head(corpus: dict[str, Any]) -> dict[str, Any]:
    return {"schema": "storylens.analysis", "version": SCHEMA_VERSION,
            "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "corpus": corpus}


def _sections(store: Store, corpus: dict[str, Any]) -> dict[str, Any]:
    """The analysis in key order; documents and claims are iterators, read from the store as consumed."""
    relations = store.document_relations()
    ranking = queries.entity_ranking(store.db)
    return {
        **_head(corpus),
        "documents": (queries.document_entry(doc, store.annotations(doc.id), relations.get(doc.id))
                      for doc in store.iter_documents()),
        "claims": _claims(store),
        "claim_groups": store.relations("claim_group"),
        "contested": store.relations("contested"),
        "actor_labels": store.relations("actor_label"),
        "stories": store.relations("story"),
        "timeline": store.relations("timeline_day"),
        "entities": queries.entity_entries(store.db, [e[0] for e in ranking], queries.entity_mentions_by_source(store.db)),
        "sources": queries.source_profiles(store.db, CHECKWORTHY_PER_SOURCE),
    }


def _fits(store: Store, corpus: dict[str, Any], limits: ReportSettings) -> bool:
    if corpus["documents"] > limits.max_documents:
        return False
    chars = store.db.execute("SELECT COALESCE(SUM(length(text)), 0) FROM documents WHERE status = 'clean'").fetchone()[0]
    return chars <= limits.max_text_chars


def _partial_analysis(store: Store, corpus: dict[str, Any], limits: ReportSettings) -> dict[str, Any]:
    """The analysis of a corpus too large for one file: bounded lists, and the documents they cite."""
    db = store.db
    group_page = queries.claim_groups(db, sort="status", limit=limits.max_claim_groups)
    groups, members, budget = [], [], limits.max_claims
    for group in group_page.items:
        shown = group["members"][:min(limits.max_members_per_group, budget)]
        if not shown:
            break
        budget -= len(shown)
        members += shown
        groups.append({**group, "members": shown, "members_total": len(group["members"])}
                      if len(shown) < len(group["members"]) else group)
    contested = queries.relations(db, "contested", limit=limits.max_contested)
    labels = [queries.trim_evidence(item, limits.max_evidence_per_item) for item in store.relations("actor_label")]
    timeline = [queries.trim_evidence(day, limits.max_evidence_per_item) for day in store.relations("timeline_day")]
    stories = store.relations("story")
    ranking = queries.entity_ranking(db)
    sources = queries.source_profiles(db, CHECKWORTHY_PER_SOURCE, with_documents=False)
    off_event = queries.documents(db, off_event=True, limit=limits.off_event_samples).items

    cited = [ev["doc"] for item in contested.items for ev in queries.evidence_spans(item)]
    cited += [claim_key(m)[0] for m in members]
    cited += [ev["doc"] for item in labels + timeline for ev in queries.evidence_spans(item)]
    cited += [ev["doc"] for src in sources for ev in src["checkworthy"]]
    cited += [doc_id for story in stories for doc_id in story.get("documents", [])[:limits.story_samples]]
    cited += [d["id"] for d in off_event]
    relations = store.document_relations()
    documents, chars = [], 0
    for doc_id in dict.fromkeys(cited):
        if len(documents) >= limits.max_documents or chars >= limits.max_text_chars:
            break
        try:
            doc = store.document(doc_id)
        except KeyError:
            continue
        chars += len(doc.text)
        documents.append(queries.document_entry(doc, store.annotations(doc_id), relations.get(doc_id)))
    embedded = {d["id"] for d in documents}
    keys = [claim_key(m) for m in members]
    keys += [(doc_id, r[0]) for doc_id in embedded
             for r in db.execute("SELECT idx FROM claims WHERE doc_id = ? ORDER BY idx", (doc_id,))]
    claims = queries.claim_entries(db, list(dict.fromkeys(keys)))
    for story in stories:
        ids = story.get("documents", [])
        story["document_count"] = len(ids)
        story["documents"] = [d for d in ids if d in embedded]
    for src in sources:
        src["documents"] = [d["id"] for d in documents if (d["source"] or d["id"][:10]) == src["name"]]
    n_claims = db.execute("SELECT COUNT(*) FROM claims c JOIN documents d ON d.id = c.doc_id"
                          " WHERE d.status = 'clean'").fetchone()[0]
    return {
        **_head(corpus),
        "partial": {
            "database": str(Path(store.path).resolve()),
            "documents": {"embedded": len(documents), "total": corpus["documents"]},
            "claims": {"embedded": len(claims), "total": n_claims},
            "claim_groups": {"embedded": len(groups), "total": group_page.total},
            "conflicts": {"embedded": sum(g["status"] == "conflict" for g in groups),
                          "total": queries.relation_count(db, "claim_group", "conflict")},
            "contested": {"embedded": len(contested.items), "total": contested.total},
            "entities": {"embedded": min(len(ranking), limits.max_entities), "total": len(ranking)},
        },
        "documents": documents,
        "claims": claims,
        "claim_groups": groups,
        "contested": contested.items,
        "actor_labels": labels,
        "stories": stories,
        "timeline": timeline,
        "entities": queries.entity_entries(db, [e[0] for e in ranking[:limits.max_entities]]),
        "sources": sources,
    }


def _claims(store: Store) -> Iterator[dict[str, Any]]:
    ids = [r[0] for r in store.db.execute("SELECT id FROM documents WHERE status = 'clean' ORDER BY seq")]
    for start in range(0, len(ids), 200):
        chunk = ids[start:start + 200]
        order = {doc_id: n for n, doc_id in enumerate(chunk)}
        keys = sorted(store.db.execute(f"SELECT doc_id, idx FROM claims WHERE doc_id IN ({', '.join('?' * len(chunk))})",
                                       chunk).fetchall(), key=lambda r: (order[r[0]], r[1]))
        yield from queries.claim_entries(store.db, [tuple(k) for k in keys])
