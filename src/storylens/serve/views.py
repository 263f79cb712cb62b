"""The web app's pages as data: each view's slice of the analysis, shaped like ``analysis.json``.

The web app draws its pages with the report's own script (``report/assets/report.js``): that
script builds every view from an analysis. Here, for one view and its filters, the server builds
the part of an analysis that the view shows — one page of claim groups with their figures and the
listings of the documents they cite, one document with its annotations, one page of search
hits — plus a ``view`` object: the page and total, the filters with their choices, and the counts
for the navigation. ``GET /api/view/{name}`` returns it; every slice validates against
``analysis.schema.json``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlencode

from storylens.analyze import SCHEMA_VERSION
from storylens.config import ServeSettings
from storylens.serve import api
from storylens.serve.params import BadRequest, Params
from storylens.serve.reader import Reader, ReadOnlyStore
from storylens.store import queries
from storylens.store.queries import STATUS_ORDER

STATUS_LABELS = {"conflict": "Conflict", "evolving": "Evolving", "agree": "Agree", "single_source": "Single source"}
EVIDENCE_COUNT_CAP = 2000  # documents counted behind one evidence list (its pages say "2,000+" beyond)
GROUP_SORT_LABELS = {"status": "conflicts first", "relate": "most sources first", "measure": "by measure"}


def _select(name: str, label: str, options: list[tuple[str, str]], value: str | None,
            everything: bool = True) -> dict[str, Any]:
    """A drop-down filter; ``everything`` adds the empty choice (no filter) first."""
    first = [["", f"all {label}"]] if everything else []
    return {"name": name, "label": label, "kind": "select", "options": [*first, *map(list, options)], "value": value or ""}


def _text(name: str, label: str, value: str | None) -> dict[str, Any]:
    return {"name": name, "label": label, "kind": "text", "value": value or ""}


def _csv(endpoint: str, filters: dict[str, str | None], rows: int) -> str:
    """The API address that downloads this view's table, with the same filters, as CSV."""
    query = urlencode({**{k: v for k, v in filters.items() if v}, "limit": rows, "format": "csv"})
    return f"/api/{endpoint}?{query}"


def _counted(rows: list[list[Any]]) -> list[tuple[str, str]]:
    return [(str(v), f"{v} ({n:,})") for v, n in rows]


class Views:
    """Builds the slice of each view from the store, within the page sizes of ServeSettings."""

    def __init__(self, reader: Reader, settings: ServeSettings):
        self.reader = reader
        self.settings = settings
        self.allow_write = settings.allow_write
        self.pages: dict[str, Callable[[Params], dict[str, Any]]] = {
            "overview": self.overview, "claims": self.claims, "contested": self.contested, "labels": self.labels,
            "stories": self.stories, "timeline": self.timeline, "entities": self.entities, "sources": self.sources,
            "documents": self.documents, "doc": self.doc, "evidence": self.evidence, "search": self.search,
            "check": self.check, "ingest": self.ingest,
        }

    def build(self, name: str, p: Params) -> dict[str, Any]:
        if name not in self.pages:
            raise BadRequest(f"no view {name!r}; the views are {', '.join(self.pages)}", 404)
        return self.pages[name](p)

    def boot(self) -> dict[str, Any]:
        """What the app's HTML page embeds: the corpus counts and what this server offers."""
        data = self._slice("boot", Params({}, self.settings))
        data["server"] = {"api": "/api", "write": self.allow_write, "check": api.check_available()}
        return data

    # --- the common frame ---------------------------------------------------------------------------

    def _slice(self, name: str, p: Params, **parts: Any) -> dict[str, Any]:
        view = {"name": name, "params": dict(p.raw), "totals": api.totals(self.reader), "filters": []}
        view.update(parts.pop("view", {}))
        return {
            "schema": "storylens.analysis", "version": SCHEMA_VERSION,
            "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "corpus": api.corpus(self.reader),
            "documents": [], "claims": [], "claim_groups": [], "contested": [], "actor_labels": [], "stories": [],
            "timeline": [], "entities": [], "sources": [], **parts, "view": view,
        }

    def _run(self, work: Callable[[ReadOnlyStore], Any]) -> Any:
        return api.run_query(self.reader, work)

    def _listings(self, ids: list[str], excerpt: bool = True) -> list[dict[str, Any]]:
        return self._run(lambda s: queries.document_listings(s.db, ids, excerpt))

    def _sources_filter(self, value: str | None) -> dict[str, Any]:
        return _select("source", "sources", _counted(api.source_names(self.reader)), value)

    # --- views ----------------------------------------------------------------------------------------

    def overview(self, p: Params) -> dict[str, Any]:
        p.only(())
        return self._slice("overview", p)

    def claims(self, p: Params) -> dict[str, Any]:
        """One page of claim groups with their figures; ``group`` shows that group alone."""
        p.only(("status", "measure", "scope", "source", "q", "sort", "page", "group"))
        limit, offset = p.page_number(self.settings.groups_per_page)
        status, measure, scope = p.choice("status", STATUS_ORDER), p.text("measure"), p.text("scope")
        source, q, sort = p.text("source"), p.text("q"), p.choice("sort", queries.GROUP_SORTS, "status")
        group = p.text("group")
        if group is not None:
            items = self._run(lambda s: queries.relation_items(s.db, "claim_group", [group]))
            page = queries.Page(items, len(items), limit, 0)
        else:
            page = self._run(lambda s: queries.claim_groups(s.db, measure=measure, scope=scope, source=source,
                                                            status=status, q=q, sort=sort, limit=limit, offset=offset))
        most = self.settings.max_members_per_group if group is None else self.settings.max_members_one_group
        groups = [api.trim_members(g, most) for g in page.items]
        keys = [tuple(m.rsplit(":", 1)) for g in groups for m in g["members"]]
        claims = self._run(lambda s: queries.claim_entries(s.db, keys))
        facets = self.reader.cached("group_facets", lambda s: queries.claim_group_facets(s.db))
        counts = dict(map(tuple, facets["status"]))
        filters = [
            _select("status", "statuses", [(k, f"{STATUS_LABELS[k]} ({counts.get(k, 0):,})") for k in STATUS_ORDER], status),
            _select("measure", "measures", _counted(facets["measure"]), measure),
            self._sources_filter(source),
            _text("scope", "scope", scope), _text("q", "words", q),
            _select("sort", "order", list(GROUP_SORT_LABELS.items()), sort, everything=False),
        ]
        table = {"measure": measure, "scope": scope, "source": source, "status": status, "q": q, "sort": sort}
        return self._slice("claims", p, claim_groups=groups, claims=claims,
                           documents=self._listings([c["doc"] for c in claims], excerpt=False),
                           view=self._paged(page, filters, ("claim-groups", table)))

    def contested(self, p: Params) -> dict[str, Any]:
        p.only(("source", "q", "page"))
        limit, offset = p.page_number(20)
        source, q = p.text("source"), p.text("q")
        page = self._run(lambda s: queries.relations(s.db, "contested", source=source, q=q, limit=limit, offset=offset))
        docs = [ev["doc"] for item in page.items for ev in queries.evidence_spans(item)]
        return self._slice("contested", p, contested=page.items, documents=self._listings(docs),
                           view=self._paged(page, [self._sources_filter(source), _text("q", "words", q)],
                                            ("contested", {"source": source, "q": q})))

    def labels(self, p: Params) -> dict[str, Any]:
        p.only(("source", "page"))
        limit, offset = p.page_number(20)
        source = p.text("source")
        page = self._run(lambda s: queries.relations(s.db, "actor_label", source=source, limit=limit, offset=offset))
        items = [queries.trim_evidence(item, 20) for item in page.items]
        return self._slice("labels", p, actor_labels=items,
                           view=self._paged(page, [self._sources_filter(source)], ("labels", {"source": source})))

    def stories(self, p: Params) -> dict[str, Any]:
        """One page of stories (``id`` shows that story alone) and the first off-event documents."""
        p.only(("page", "id"))
        limit, offset = p.page_number(30)
        story = p.text("id")
        heads = api.story_heads(self.reader)
        if story is not None:
            page = queries.Page([s for s in heads if s["id"] == story], 1, limit, 0)
        else:
            page = queries.Page(heads[offset:offset + limit], len(heads), limit, offset)
        stories = page.items
        off = self._run(lambda s: queries.documents(s.db, off_event=True, limit=12)).items
        ids = [d for st in stories for d in st["documents"]]
        return self._slice("stories", p, stories=stories, documents=self._listings(ids) + off,
                           view=self._paged(page, [], ("stories", {})))

    def timeline(self, p: Params) -> dict[str, Any]:
        p.only(("page",))
        limit, offset = p.page_number(1000)
        page = self._run(lambda s: queries.relations(s.db, "timeline_day", limit=limit, offset=offset))
        return self._slice("timeline", p, timeline=[queries.trim_evidence(d, 20) for d in page.items],
                           view=self._paged(page, [], ("timeline", {})))

    def entities(self, p: Params) -> dict[str, Any]:
        p.only(("label", "q", "page"))
        limit, offset = p.page_number(30)
        label, q = p.text("label"), p.text("q")
        page = api.entities(self.reader, Params({k: v for k, v in (("label", label), ("q", q), ("limit", str(limit)),
                                                                    ("offset", str(offset))) if v}, self.settings))
        labels = sorted({e[2] for e in api.entity_ranking(self.reader)})
        return self._slice("entities", p, entities=page.items,
                           view=self._paged(page, [_select("label", "kinds", [(x, x) for x in labels], label),
                                                   _text("q", "name", q)], ("entities", {"label": label, "q": q})))

    def sources(self, p: Params) -> dict[str, Any]:
        p.only(("name", "page"))
        limit, offset = p.page_number(40)
        name = p.text("name")
        page = api.sources(self.reader, Params({k: v for k, v in (("name", name), ("limit", str(limit)),
                                                                   ("offset", str(offset))) if v}, self.settings))
        return self._slice("sources", p, sources=page.items, view=self._paged(page, [], ("sources", {"name": name})))

    def documents(self, p: Params) -> dict[str, Any]:
        p.only(("q", "source", "kind", "lang", "story", "off", "dup", "rule", "date", "page"))
        limit, offset = p.page_number(self.settings.page_size)
        f = {"q": p.text("q"), "source": p.text("source"), "kind": p.text("kind"), "language": p.text("lang"),
             "story": p.text("story"), "off_event": p.flag("off") or None, "duplicate": p.flag("dup") or None,
             "rule": p.text("rule"), "published": p.day("date")}
        page = self._run(lambda s: queries.documents(s.db, **f, limit=limit, offset=offset))
        facets = self.reader.cached("facets", lambda s: queries.document_facets(s.db))
        filters = [_text("q", "words", f["q"]), self._sources_filter(f["source"]),
                   _select("kind", "kinds", _counted(facets["kind"]), f["kind"]),
                   _select("lang", "languages", _counted(facets["language"]), f["language"]),
                   _select("rule", "cleaning rules", _counted(facets["rule"]), f["rule"]),
                   {"name": "off", "label": "off-event only", "kind": "check", "value": "1" if f["off_event"] else ""},
                   {"name": "dup", "label": "near-duplicates only", "kind": "check", "value": "1" if f["duplicate"] else ""}]
        table = {"q": f["q"], "source": f["source"], "kind": f["kind"], "language": f["language"], "story": f["story"],
                 "off_event": "1" if f["off_event"] else None, "duplicate": "1" if f["duplicate"] else None,
                 "rule": f["rule"], "published": f["published"]}
        return self._slice("documents", p, documents=page.items, stories=api.story_heads(self.reader)[:200],
                           view=self._paged(page, filters, ("documents", table)))

    def doc(self, p: Params) -> dict[str, Any]:
        p.only(("id",))
        found = api.document(self.reader, p.text("id", required=True), Params({}, self.settings),
                             self.settings.max_members_per_group)
        entry = found["document"]
        extra = self._listings([entry["duplicate_of"]]) if entry["duplicate_of"] else []
        return self._slice("doc", p, documents=[entry, *extra], claims=found["claims"],
                           claim_groups=found["claim_groups"], stories=[found["story"]] if found["story"] else [])

    def evidence(self, p: Params) -> dict[str, Any]:
        """The documents behind one count (mentions of an entity, a technique, a frame, a label) in one source."""
        p.only(("kind", "source", "entity", "technique", "frame", "group", "label", "page"))
        kind = p.choice("kind", ("mentions", "technique", "frame", "label"))
        if kind is None:
            raise BadRequest("parameter 'kind' is required: mentions, technique, frame or label")
        source = p.text("source")
        limit, offset = p.page_number(self.settings.max_evidence_documents)
        name = {"mentions": "entity", "technique": "technique", "frame": "frame", "label": "label"}[kind]
        value = p.text(name, required=True)
        profiles = [s for s in api.source_profiles(self.reader) if s["name"] == source]
        parts: dict[str, Any] = {"sources": profiles}
        if kind == "label":
            group = p.text("group", required=True)
            items = self._run(lambda s: queries.relations(s.db, "actor_label", limit=10_000)).items
            evidence, picked = [], []
            for item in items:
                if item.get("group") != group:
                    continue
                for by_source in item.get("by_source", []):
                    if by_source.get("source") != source:
                        continue
                    for lab in by_source.get("labels", []):
                        if lab.get("label") == value:
                            evidence = lab.get("evidence", [])
                            lab = {**lab, "evidence": evidence[offset:offset + limit]}
                            picked.append({**item, "by_source": [{**by_source, "labels": [lab]}]})
            shown = [ev["doc"] for ev in evidence[offset:offset + limit]]
            parts.update(actor_labels=picked, documents=self._full(shown))
            total, exact = len(evidence), True
        else:
            total, ids = self._run(lambda s: _evidence_documents(s, kind, value, source, limit, offset))
            exact = total <= EVIDENCE_COUNT_CAP
            total = min(total, EVIDENCE_COUNT_CAP)
            parts["documents"] = self._full(ids)
            if kind == "mentions":
                mentions = api.entity_mentions(self.reader)
                parts["entities"] = self._run(lambda s: queries.entity_entries(s.db, [value], mentions))
        return self._slice("evidence", p, **parts, view={"total": total, "exact": exact, "limit": limit, "offset": offset,
                                                        "unit": "uses" if kind == "label" else "documents"})

    def search(self, p: Params) -> dict[str, Any]:
        p.only(("q", "source", "language", "page"))
        limit, offset = p.page_number(20)
        q, source, language = p.text("q"), p.text("source"), p.text("language")
        filters = [_text("q", "search", q), self._sources_filter(source),
                   _select("language", "languages", _counted(self.reader.cached(
                       "facets", lambda s: queries.document_facets(s.db))["language"]), language)]
        if q is None:
            return self._slice("search", p, view={"filters": filters, "results": [], "total": 0, "limit": limit,
                                                  "offset": 0})
        page = api.search(self.reader, Params({k: v for k, v in (("q", q), ("source", source), ("language", language),
                                                                  ("limit", str(limit)), ("offset", str(offset))) if v},
                                              self.settings))
        return self._slice("search", p, documents=self._listings([hit["doc"] for hit in page.items]),
                           view={**self._paged(page, filters, ("search", {"q": q, "source": source, "language": language})),
                                 "results": page.items})

    def ingest(self, p: Params) -> dict[str, Any]:
        p.only(())
        if not self.allow_write:
            raise BadRequest("this server is read-only; start it with 'storylens serve --allow-write' to add documents", 403)
        return self._slice("ingest", p)

    def check(self, p: Params) -> dict[str, Any]:
        p.only(("claim",))
        claim = p.text("claim")
        result = api.check(self.reader, Params({"claim": claim}, self.settings)) if claim else None
        return self._slice("check", p, view={"result": result})

    # --- helpers --------------------------------------------------------------------------------------

    def _paged(self, page: queries.Page, filters: list[dict[str, Any]], csv: tuple[str, dict] | None = None) -> dict[str, Any]:
        """The page, its filters, and (``csv``: endpoint and filters) where to download the table."""
        out = {"total": page.total, "exact": page.exact, "limit": page.limit, "offset": page.offset, "filters": filters}
        if csv is not None:
            out["csv"], out["csv_rows"] = _csv(csv[0], csv[1], self.settings.max_csv_rows), self.settings.max_csv_rows
        return out

    def _full(self, ids: list[str]) -> list[dict[str, Any]]:
        """Documents with text and annotations (an evidence list shows each item in context)."""
        def work(store: ReadOnlyStore) -> list[dict[str, Any]]:
            relations = {}
            out = []
            for doc_id in dict.fromkeys(ids):
                row = store.db.execute("SELECT story, off_event FROM document_relations WHERE doc_id = ?",
                                       (doc_id,)).fetchone()
                relations[doc_id] = (row[0], bool(row[1]), {}) if row else None
                out.append(queries.document_entry(store.document(doc_id), store.annotations(doc_id), relations[doc_id]))
            return out
        return self._run(work)


def _evidence_documents(store: ReadOnlyStore, kind: str, value: str, source: str | None, limit: int,
                        offset: int) -> tuple[int, list[str]]:
    """Documents (of ``source``) holding a mention of an entity, a passage with a technique, or a frame.

    Walks the source's documents in order and looks into each (one indexed probe), rather than
    collecting every mention of a frequent entity across the corpus; counts up to EVIDENCE_COUNT_CAP.
    """
    holds = {  # unary + keeps SQLite on the per-document key, not on an index over the whole corpus
        "mentions": "EXISTS (SELECT 1 FROM entity_mentions m WHERE m.doc_id = d.id AND +m.entity_id = ?)",
        "technique": "EXISTS (SELECT 1 FROM passage_techniques t WHERE t.doc_id = d.id AND +t.technique = ?)",
        "frame": "EXISTS (SELECT 1 FROM document_labels l WHERE l.doc_id = d.id AND l.task = 'frame' AND +l.label = ?)",
    }[kind]
    where, args = ["d.status = 'clean'", holds], [value]
    if source is not None:
        clause, more = queries.source_filter(store.db, source)
        where.append(clause)
        args += more
    sql = f"FROM documents d INDEXED BY {'documents_by_source' if source else 'documents_listing'} WHERE {' AND '.join(where)}"
    total = store.db.execute(f"SELECT COUNT(*) FROM (SELECT 1 {sql} LIMIT ?)", [*args, EVIDENCE_COUNT_CAP + 1]).fetchone()[0]
    ids = [r[0] for r in store.db.execute(f"SELECT d.id {sql} ORDER BY d.seq LIMIT ? OFFSET ?", [*args, limit, offset])]
    return total, ids
