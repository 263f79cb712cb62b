"""The main job: read → clean → annotate → relate → report (``storylens analyze``).

:func:`analyze` runs every stage and writes ``report.html`` and ``analysis.json``;
:func:`build_analysis` turns what the store holds — documents, annotations and what the relate
stage saved — into the documented ``analysis.json`` (``report/analysis.schema.json``).
Re-running on a grown corpus reuses every stored document and annotation and recomputes only
the cross-document relations.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from storylens.config import Settings
from storylens.doc import Annotations, Document
from storylens.relate import relate_store
from storylens.relate.claims import claim_id
from storylens.store import Store

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
    from storylens.report import write_report

    settings = settings or Settings()
    summary = AnalyzeSummary()
    ingested = ingest(paths, store, settings, manifests, progress=progress)
    summary.ingest_read = ingested.read + ingested.already_stored
    summary.lines += ingested.lines()
    summary.lines += annotate_store(store, settings.annotate, progress=progress).lines()
    summary.lines += relate_store(store, progress=progress).lines()
    analysis = build_analysis(store)
    out_dir.mkdir(parents=True, exist_ok=True)
    summary.analysis = out_dir / "analysis.json"
    summary.analysis.write_text(json.dumps(analysis, ensure_ascii=False, indent=1), encoding="utf-8")
    summary.report = out_dir / "report.html"
    write_report(analysis, summary.report)
    return summary


def build_analysis(store: Store) -> dict[str, Any]:
    """Everything the report shows, as plain JSON-ready data, from what the store holds.

    Run :func:`storylens.relate.relate_store` first: the cross-document parts are read from it.
    """
    docs = list(store.iter_documents())
    anns = {doc.id: store.annotations(doc.id) for doc in docs}
    source = {doc.id: doc.meta.get("source") or doc.id[:10] for doc in docs}
    relations = store.document_relations()
    claims = _claims(docs, anns, source)
    return {
        "schema": "storylens.analysis",
        "version": SCHEMA_VERSION,
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "corpus": _corpus(store, docs, _period(docs)),
        "documents": [_document(doc, anns[doc.id], relations.get(doc.id)) for doc in docs],
        "claims": claims,
        "claim_groups": store.relations("claim_group"),
        "contested": store.relations("contested"),
        "actor_labels": store.relations("actor_label"),
        "stories": store.relations("story"),
        "timeline": store.relations("timeline_day"),
        "entities": _entities(store, source),
        "sources": _sources(docs, anns, source, claims),
    }


def _period(docs: list[Document]) -> tuple[str | None, str | None]:
    dates = sorted(d.meta["published"][:10] for d in docs if d.meta.get("published"))
    return (dates[0], dates[-1]) if dates else (None, None)


def _corpus(store: Store, docs: list[Document], period: tuple[str | None, str | None]) -> dict[str, Any]:
    rules = Counter()
    removed = 0
    for doc in docs:
        for edit in doc.log:
            rules[edit.rule] += 1
            removed += max(0, len(edit.before) - len(edit.after))
    return {
        "documents": len(docs),
        "sources": len({d.meta.get("source") or d.id for d in docs}),
        "kinds": dict(Counter(d.kind for d in docs)),
        "languages": dict(Counter(d.meta.get("language") or "unknown" for d in docs)),
        "period": {"from": period[0], "to": period[1]},
        "cleaning": {"rules": dict(rules.most_common()), "chars_removed": removed},
        "duplicates": sum(1 for d in docs if d.duplicate_of),
    }


def _document(doc: Document, ann: Annotations, relation: tuple[str | None, bool, dict] | None) -> dict[str, Any]:
    genre = ann.labels.get("genre")
    story, off_event, _ = relation or (None, False, {})
    return {
        "id": doc.id,
        "title": doc.meta.get("title"),
        "source": doc.meta.get("source"),
        "source_type": doc.meta.get("source_type"),
        "author": doc.meta.get("author"),
        "kind": doc.kind,
        "language": doc.meta.get("language"),
        "published": doc.meta.get("published"),
        "url": doc.meta.get("url"),
        "origin": doc.origin,
        "duplicate_of": doc.duplicate_of,
        "story": story,
        "off_event": off_event,
        "genre": list(genre[0]) if genre else None,
        "frames": [list(x) for x in ann.labels.get("frame", [])],
        "text": doc.text,
        "passages": [{"start": p.start, "end": p.end, "kind": p.kind, "language": p.language,
                      "techniques": [list(t) for t in ann.techniques.get(i, [])]}
                     for i, p in enumerate(doc.passages)],
        "sentences": [{"start": s.start, "end": s.end, "checkworthiness": ann.checkworthiness.get(i)}
                      for i, s in enumerate(doc.sentences)],
        "entities": [{"start": m.start, "end": m.end, "label": m.label, "entity": m.entity} for m in ann.entities],
        "dates": [{"start": d.start, "end": d.end, "value": d.value, "lo": d.lo, "hi": d.hi} for d in ann.dates],
        "quotes": [{"start": q.start, "end": q.end, "speaker": q.speaker} for q in ann.quotes],
        "cleaning_log": [{"step": e.step, "rule": e.rule, "start": e.start, "end": e.end, "before": e.before,
                          "after": e.after} for e in doc.log],
    }


def _claims(docs: list[Document], anns: dict[str, Annotations], source: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for doc in docs:
        for i, c in enumerate(anns[doc.id].claims):
            out.append({
                "id": claim_id(doc.id, i), "doc": doc.id, "source": source[doc.id], "start": c.start, "end": c.end,
                "sentence_start": c.sentence_start, "sentence_end": c.sentence_end,
                "text": doc.text[c.sentence_start:c.sentence_end], "measure": c.measure, "unit": c.unit,
                "value": c.value, "lo": c.lo, "hi": c.hi, "hedge": c.hedge, "qualifier": c.qualifier,
                "where": c.where, "as_of": c.as_of, "by": c.by, "via": c.via, "cue": c.cue, "status": c.status,
                "kind": c.kind, "counted": c.counted, "subgroup": c.subgroup, "subject": c.subject,
            })
    return out


def _entities(store: Store, source: dict[str, str]) -> list[dict[str, Any]]:
    by_source: dict[str, Counter] = defaultdict(Counter)
    for entity_id, doc_id in store.db.execute(
        "SELECT entity_id, doc_id FROM entity_mentions WHERE entity_id IS NOT NULL"
    ):
        by_source[entity_id][source.get(doc_id, doc_id)] += 1
    out = []
    for r in store.db.execute("SELECT id, name, label, aliases_json, why_json FROM entities"):
        mentions = by_source.get(r[0], Counter())
        out.append({"id": r[0], "name": r[1], "label": r[2], "aliases": json.loads(r[3]),
                    "mentions_by_source": dict(mentions), "why": json.loads(r[4])})
    out.sort(key=lambda e: -sum(e["mentions_by_source"].values()))
    return out


def _sources(docs: list[Document], anns: dict[str, Annotations], source: dict[str, str],
             claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    profiles: dict[str, dict[str, Any]] = {}
    for doc in docs:
        name = source[doc.id]
        p = profiles.setdefault(name, {
            "name": name, "type": doc.meta.get("source_type"), "documents": [], "languages": [],
            "claims": 0, "techniques": Counter(), "frames": Counter(), "genres": Counter(), "checkworthy": [],
        })
        ann = anns[doc.id]
        p["documents"].append(doc.id)
        if doc.meta.get("language") and doc.meta["language"] not in p["languages"]:
            p["languages"].append(doc.meta["language"])
        for scored in ann.techniques.values():
            p["techniques"].update(label for label, _ in scored)
        p["frames"].update(label for label, _ in ann.labels.get("frame", []))
        p["genres"].update(label for label, _ in ann.labels.get("genre", []))
        for i, score in ann.checkworthiness.items():
            if score >= 0.5 and i < len(doc.sentences):
                s = doc.sentences[i]
                p["checkworthy"].append({"doc": doc.id, "start": s.start, "end": s.end,
                                         "text": doc.text[s.start:s.end], "source": name, "score": score})
    for claim in claims:
        profiles[claim["source"]]["claims"] += 1
    for p in profiles.values():
        p["checkworthy"] = sorted(p["checkworthy"], key=lambda c: -c["score"])[:CHECKWORTHY_PER_SOURCE]
        for key in ("techniques", "frames", "genres"):
            p[key] = dict(p[key].most_common())
    return sorted(profiles.values(), key=lambda p: -len(p["documents"]))
