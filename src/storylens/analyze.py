"""The main job: read → clean → annotate → relate → report (``storylens analyze``).

:func:`analyze` runs every stage and writes ``report.html`` and ``analysis.json``;
:func:`build_analysis` turns what the store holds — documents, annotations and what the relate
stage saved — into the documented ``analysis.json`` (``report/analysis.schema.json``), whole or,
for a report beyond ``ReportSettings``, partial (the documents its findings cite);
:func:`write_analysis` streams the whole of it to a file in bounded memory — for a corpus beyond
``ReportSettings``, with the documents' full entries and the claims in ``documents.jsonl`` and
``claims.jsonl`` beside it, so that ``analysis.json`` itself stays loadable.
Re-running on a grown corpus reuses every stored document and annotation and recomputes only
the cross-document relations.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from storylens.config import ReportSettings, Settings
from storylens.memory import release
from storylens.parallel import batched
from storylens.relate import BATCH, relate_store
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
    release()  # the annotate models of this process went with its workers: their pages go back before relate
    summary.lines += relate_store(store, progress=progress).lines()
    summary.analysis, summary.report = out_dir / "analysis.json", out_dir / "report.html"
    report = write_outputs(store, out_dir, settings.report)
    if "partial" in report:
        shown = report["partial"]["documents"]
        summary.lines.append(f"report: the {shown['embedded']:,} documents its findings cite, of {shown['total']:,};"
                             f" browse them all with: storylens serve --db {store.path}")
    return summary


def write_outputs(store: Store, out_dir: Path, limits: ReportSettings | None = None) -> dict[str, Any]:
    """Write ``out_dir/analysis.json`` (everything, streamed from the store; beyond ``limits`` with
    the documents' texts and the claims in sidecar files) and ``out_dir/report.html`` (within
    ``limits``); return the analysis the report shows."""
    from storylens.report import write_report

    limits = limits or ReportSettings()
    out_dir.mkdir(parents=True, exist_ok=True)
    write_analysis(store, out_dir / "analysis.json", sidecars=not _fits(store, limits))
    report = build_analysis(store, limits)
    write_report(report, out_dir / "report.html")
    return report


def build_analysis(store: Store, limits: ReportSettings | None = None) -> dict[str, Any]:
    """Everything the report shows, as plain JSON-ready data, from what the store holds.

    Run :func:`storylens.relate.relate_store` first: the cross-document parts are read from it.
    With ``limits``, a corpus beyond them gives a *partial* analysis: the documents its findings
    cite (within the budget), bounded lists, and a ``partial`` object that says what was left out.
    """
    corpus = queries.corpus(store.db)
    if limits is not None and not _fits(store, limits):
        return _partial_analysis(store, corpus, limits)
    return {key: list(value) if isinstance(value, Iterator) else value
            for key, value in _sections(store, corpus).items()}


SIDECARS = {"documents": "documents.jsonl", "claims": "claims.jsonl"}


def write_analysis(store: Store, path: Path, sidecars: bool = False) -> None:
    """Write the whole analysis (as :func:`build_analysis` without limits) item by item, so that
    memory stays bounded by the largest document and the largest relate item.

    With ``sidecars`` (a corpus beyond the report's limits), ``documents`` lists each document's
    metadata (a listing) and ``claims`` is empty: the full documents (text, structure, annotations)
    and the claims go one per line to ``documents.jsonl`` and ``claims.jsonl`` beside ``path``,
    which ``files`` names, so that ``json.load`` of analysis.json stays practical at 100,000
    documents. Without, stale sidecars of an earlier run in the folder are removed.
    """
    path = Path(path)
    with ExitStack() as files:
        if sidecars:
            out = {name: files.enter_context((path.parent / file).open("w", encoding="utf-8"))
                   for name, file in SIDECARS.items()}
            corpus = queries.corpus(store.db)
            sections = _sections(store, corpus, _files(store, corpus))
            sections["documents"] = (_listing(_write_line(out["documents"], entry)) for entry in sections["documents"])
            sections["claims"] = _drain(_write_line(out["claims"], claim) for claim in sections["claims"])
        else:
            sections = _sections(store, queries.corpus(store.db))
            for file in SIDECARS.values():
                (path.parent / file).unlink(missing_ok=True)
        with path.open("w", encoding="utf-8") as out_json:
            out_json.write("{")
            for i, (key, value) in enumerate(sections.items()):
                out_json.write(("," if i else "") + "\n" + json.dumps(key) + ": ")
                if isinstance(value, Iterator):
                    out_json.write("[")
                    for j, item in enumerate(value):
                        out_json.write(("," if j else "") + "\n" + json.dumps(item, ensure_ascii=False))
                    out_json.write("\n]")
                else:
                    out_json.write(json.dumps(value, ensure_ascii=False, indent=1))
            out_json.write("\n}\n")


def _files(store: Store, corpus: dict[str, Any]) -> dict[str, Any]:
    """analysis.json's ``files``: the sidecar files and how many lines each holds."""
    n_claims = store.db.execute("SELECT COUNT(*) FROM claims c JOIN documents d ON d.id = c.doc_id"
                                " WHERE d.status = 'clean'").fetchone()[0]
    return {"documents": {"path": SIDECARS["documents"], "items": corpus["documents"]},
            "claims": {"path": SIDECARS["claims"], "items": n_claims}}


def _write_line(out: IO[str], item: dict[str, Any]) -> dict[str, Any]:
    out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return item


def _listing(entry: dict[str, Any]) -> dict[str, Any]:
    """A document's listing in analysis.json when its full entry is in documents.jsonl."""
    return {**{key: entry[key] for key in queries.LISTED}, "off_event": entry["off_event"],
            "chars": len(entry["text"]), "listing": True}


def _drain(items: Iterator[Any]) -> Iterator[Any]:
    """Consume ``items`` (for what writing them does) and yield nothing: an empty list in the JSON."""
    for _ in items:
        pass
    yield from ()


def _head(corpus: dict[str, Any]) -> dict[str, Any]:
    return {"schema": "storylens.analysis", "version": SCHEMA_VERSION,
            "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "corpus": corpus}


def _sections(store: Store, corpus: dict[str, Any], files: dict[str, Any] | None = None) -> dict[str, Any]:
    """The analysis in key order (``files`` after the head when sidecars are written); the lists that
    grow with the corpus are iterators, read from the store as consumed."""
    ranking = queries.entity_ranking(store.db)
    return {
        **_head(corpus),
        **({"files": files} if files else {}),
        "documents": _documents(store),
        "claims": _claims(store),
        "claim_groups": store.iter_relations("claim_group"),
        "contested": store.iter_relations("contested"),
        "actor_labels": store.iter_relations("actor_label"),
        "stories": store.iter_relations("story"),
        "timeline": store.iter_relations("timeline_day"),
        "entities": queries.entity_entries(store.db, [e[0] for e in ranking], queries.entity_mentions_by_source(store.db)),
        "sources": queries.source_profiles(store.db, CHECKWORTHY_PER_SOURCE),
    }


def _documents(store: Store) -> Iterator[dict[str, Any]]:
    """Every clean document's analysis.json entry, in reading order, a batch of documents per query."""
    ids = [r[0] for r in store.db.execute("SELECT id FROM documents WHERE status = 'clean' ORDER BY seq")]
    for batch in batched(ids, BATCH):
        docs = store.load_documents(batch)
        found = [doc.id for doc in docs]
        relations = store.document_relations(found)
        for doc, ann in zip(docs, store.load_annotations(found)):
            yield queries.document_entry(doc, ann, relations.get(doc.id))


def _fits(store: Store, limits: ReportSettings) -> bool:
    """Whether the corpus is within the report's limits (one report file holds it all)."""
    documents, chars = store.db.execute(
        "SELECT COUNT(*), COALESCE(SUM(length(text)), 0) FROM documents WHERE status = 'clean'").fetchone()
    return documents <= limits.max_documents and chars <= limits.max_text_chars


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
    labels = [queries.trim_evidence(item, limits.max_evidence_per_item) for item in store.iter_relations("actor_label")]
    timeline = [queries.trim_evidence(day, limits.max_evidence_per_item) for day in store.iter_relations("timeline_day")]
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
    documents, chars = [], 0
    for doc_id in dict.fromkeys(cited):
        if len(documents) >= limits.max_documents or chars >= limits.max_text_chars:
            break
        try:
            doc = store.document(doc_id)
        except KeyError:
            continue
        chars += len(doc.text)
        documents.append(queries.document_entry(doc, store.annotations(doc_id),
                                                store.document_relations([doc_id]).get(doc_id)))
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
