"""The JSON API: one function per endpoint, from checked parameters to a JSON-ready answer.

Each list endpoint returns a page (``total``, ``exact``, ``limit``, ``offset``, ``items``) whose
items have the shapes of ``analysis.json``; ``docs/api.md`` and ``api.schema.json`` document
them, and the tests validate every answer against that schema. The functions read through a
:class:`Reader` (read-only, deadline per query) and raise :class:`BadRequest` for what cannot be
answered, with a message that says why.
"""

from __future__ import annotations

import importlib.util
import sqlite3
from collections.abc import Callable
from typing import Any

from storylens.serve.params import BadRequest, Params
from storylens.serve.reader import Reader, ReadOnlyStore
from storylens.store import queries
from storylens.store.queries import STATUS_ORDER, BadQuery, Page

CLAIM_PARAMS = ("measure", "source", "doc", "scope", "status", "group", "sort", "limit", "offset")
GROUP_PARAMS = ("measure", "scope", "source", "status", "q", "sort", "limit", "offset")
DOCUMENT_PARAMS = ("source", "kind", "language", "story", "off_event", "duplicate", "rule", "published", "q",
                   "limit", "offset")


def run_query(reader: Reader, work: Callable[[ReadOnlyStore], Any]) -> Any:
    try:
        return reader.run(work)
    except BadQuery as exc:
        raise BadRequest(str(exc)) from None


# --- corpus-wide facts, computed once per version of the database ---------------------------------


def corpus(reader: Reader) -> dict[str, Any]:
    return reader.cached("corpus", lambda s: queries.corpus(s.db))


def totals(reader: Reader) -> dict[str, Any]:
    """How many of each thing the store holds (the web app's navigation shows these)."""
    def count(store: ReadOnlyStore) -> dict[str, Any]:
        db = store.db
        return {
            "documents": db.execute("SELECT COUNT(*) FROM documents WHERE status = 'clean'").fetchone()[0],
            "claims": db.execute("SELECT COUNT(*) FROM claims c JOIN documents d ON d.id = c.doc_id"
                                 " WHERE d.status = 'clean'").fetchone()[0],
            "claim_groups": queries.relation_count(db, "claim_group"),
            "conflicts": queries.relation_count(db, "claim_group", "conflict"),
            "contested": queries.relation_count(db, "contested"),
            "actor_labels": queries.relation_count(db, "actor_label"),
            "stories": queries.relation_count(db, "story"),
            "timeline": queries.relation_count(db, "timeline_day"),
            "entities": db.execute("SELECT COUNT(*) FROM entities").fetchone()[0],
            "sources": db.execute(f"SELECT COUNT(DISTINCT {queries.SOURCE}) FROM documents d"
                                  " WHERE d.status = 'clean'").fetchone()[0],
            "related": store.state("related") == store.corpus_state(),
        }
    return reader.cached("totals", count)


def source_names(reader: Reader) -> list[list[Any]]:
    return reader.cached("facets", lambda s: queries.document_facets(s.db))["source"]


def source_profiles(reader: Reader) -> list[dict[str, Any]]:
    return reader.cached("profiles", lambda s: queries.source_profiles(s.db, with_documents=False))


def entity_ranking(reader: Reader) -> list[tuple[str, str, str, int]]:
    return reader.cached("entity_ranking", lambda s: queries.entity_ranking(s.db))


def entity_mentions(reader: Reader) -> dict[str, dict[str, int]]:
    return reader.cached("entity_mentions", lambda s: queries.entity_mentions_by_source(s.db))


def warm(reader: Reader) -> None:
    """Compute the corpus-wide aggregates now (a server calls this at start, in the background),
    so that the first visitor of each view does not wait for them."""
    for aggregate in (corpus, totals, source_names, story_heads, entity_ranking, entity_mentions, source_profiles):
        aggregate(reader)


def check_available() -> bool:
    """Whether claim checking (``storylens.stance.check``) is installed."""
    try:
        return importlib.util.find_spec("storylens.stance.check") is not None
    except ModuleNotFoundError:
        return False


# --- endpoints ---------------------------------------------------------------------------------------


def overview(reader: Reader, p: Params) -> dict[str, Any]:
    p.only(())
    return {"corpus": corpus(reader), "totals": totals(reader)}


def documents(reader: Reader, p: Params) -> Page:
    p.only(DOCUMENT_PARAMS)
    limit, offset = p.page()
    filters = dict(source=p.text("source"), kind=p.text("kind"), language=p.text("language"), story=p.text("story"),
                   off_event=p.flag("off_event"), duplicate=p.flag("duplicate"), rule=p.text("rule"),
                   published=p.day("published"), q=p.text("q"))
    return run_query(reader, lambda s: queries.documents(s.db, **filters, limit=limit, offset=offset))


def resolve(store: ReadOnlyStore, ref: str) -> str:
    """A document id from an id or an unambiguous id prefix; 404 otherwise."""
    if len(ref) > 64:
        raise BadRequest("a document id is at most 64 characters")
    if store.db.execute("SELECT 1 FROM documents WHERE id = ? AND status = 'clean'", (ref,)).fetchone():
        return ref
    if len(ref) < 4 or any(ch in ref for ch in "%_"):
        raise BadRequest(f"no document with id {ref!r}", 404)
    try:
        return store.resolve(ref)
    except KeyError as exc:
        raise BadRequest(exc.args[0], 404 if "no document" in exc.args[0] else 400) from None


def document(reader: Reader, ref: str, p: Params, max_members: int) -> dict[str, Any]:
    """One document with everything found in it: text, annotations, cleaning log, claims, groups, story."""
    p.only(())

    def work(store: ReadOnlyStore) -> dict[str, Any]:
        doc_id = resolve(store, ref)
        relation = store.db.execute("SELECT story, off_event, why_json FROM document_relations WHERE doc_id = ?",
                                    (doc_id,)).fetchone()
        entry = queries.document_entry(store.document(doc_id), store.annotations(doc_id),
                                       (relation[0], bool(relation[1]), {}) if relation else None)
        keys = [(doc_id, r[0]) for r in store.db.execute("SELECT idx FROM claims WHERE doc_id = ? ORDER BY idx",
                                                         (doc_id,))]
        group_ids = [r[0] for r in store.db.execute(
            "SELECT DISTINCT group_id FROM claim_group_members WHERE doc_id = ? ORDER BY group_id", (doc_id,))]
        own = {f"{d}:{i}" for d, i in keys}
        groups = [trim_members(g, max_members, first=own)
                  for g in queries.relation_items(store.db, "claim_group", group_ids)]
        return {"document": entry, "claims": queries.claim_entries(store.db, keys), "claim_groups": groups}
    found = run_query(reader, work)
    found["story"] = next((s for s in story_heads(reader) if s["id"] == found["document"]["story"]), None)
    return found


def claims(reader: Reader, p: Params) -> Page:
    p.only(CLAIM_PARAMS)
    limit, offset = p.page()
    filters = dict(measure=p.text("measure"), source=p.text("source"), doc=p.text("doc"), scope=p.text("scope"),
                   status=p.choice("status", STATUS_ORDER), group=p.text("group"),
                   sort=p.choice("sort", queries.CLAIM_SORTS, "document"))
    return run_query(reader, lambda s: queries.claims(s.db, **filters, limit=limit, offset=offset))


def claim_groups(reader: Reader, p: Params) -> Page:
    p.only(GROUP_PARAMS)
    limit, offset = p.page()
    filters = dict(measure=p.text("measure"), scope=p.text("scope"), source=p.text("source"),
                   status=p.choice("status", STATUS_ORDER), q=p.text("q"),
                   sort=p.choice("sort", queries.GROUP_SORTS, "status"))
    return run_query(reader, lambda s: queries.claim_groups(s.db, **filters, limit=limit, offset=offset))


def contested(reader: Reader, p: Params) -> Page:
    return _relations(reader, p, "contested")


def labels(reader: Reader, p: Params) -> Page:
    return _relations(reader, p, "actor_label")


def timeline(reader: Reader, p: Params) -> Page:
    return _relations(reader, p, "timeline_day")


def _relations(reader: Reader, p: Params, kind: str) -> Page:
    p.only(("source", "q", "limit", "offset"))
    limit, offset = p.page()
    source, q = p.text("source"), p.text("q")
    return run_query(reader, lambda s: queries.relations(s.db, kind, source=source, q=q, limit=limit, offset=offset))


def story_heads(reader: Reader, samples: int = 8) -> list[dict[str, Any]]:
    """Every story with the first ``samples`` of its documents (``document_count`` gives them all):
    the main story of a large corpus lists most of its documents, too much to read per request."""
    return reader.cached("story_heads", lambda s: [trim_story(story, samples) for story in s.relations("story")])


def stories(reader: Reader, p: Params) -> Page:
    """Stories with their first documents (``document_count`` gives them all)."""
    p.only(("limit", "offset"))
    limit, offset = p.page()
    heads = story_heads(reader)
    return Page(heads[offset:offset + limit], len(heads), limit, offset)


def entities(reader: Reader, p: Params) -> Page:
    p.only(("label", "q", "limit", "offset"))
    limit, offset = p.page()
    label, q = p.text("label"), p.text("q")
    ranking = [e for e in entity_ranking(reader)
               if (label is None or e[2] == label) and (q is None or q.lower() in e[1].lower())]
    ids = [e[0] for e in ranking[offset:offset + limit]]
    mentions = entity_mentions(reader)
    items = run_query(reader, lambda s: queries.entity_entries(s.db, ids, mentions))
    return Page(items, len(ranking), limit, offset)


def sources(reader: Reader, p: Params) -> Page:
    """Source profiles, most documents first (``document_count``; ``documents`` is left empty)."""
    p.only(("name", "limit", "offset"))
    limit, offset = p.page()
    name = p.text("name")
    profiles = [s for s in source_profiles(reader) if name is None or s["name"] == name]
    return Page(profiles[offset:offset + limit], len(profiles), limit, offset)


def search(reader: Reader, p: Params, default_limit: int = 20) -> Page:
    p.only(("q", "source", "language", "limit", "offset"))
    limit, offset = p.page(default_limit)
    q, source, language = p.text("q", required=True), p.text("source"), p.text("language")
    return run_query(reader, lambda s: queries.search(s.db, q, source=source, language=language, limit=limit,
                                                   offset=offset))


def check(reader: Reader, p: Params) -> dict[str, Any]:
    """Whether a claim holds, by the evidence in the store (``storylens.stance.check``)."""
    p.only(("claim",))
    claim = p.text("claim", required=True)
    if not check_available():
        raise BadRequest("claim checking is not part of this installation of storylens", 501)
    from storylens.stance.check import check_claim

    try:
        return reader.run(lambda s: check_claim(s, claim).to_dict(), timeout=max(reader.timeout, 30.0))
    except sqlite3.OperationalError as exc:  # e.g. a checker that tries to write: the app's store is read-only
        raise BadRequest(f"the claim could not be checked on this read-only store ({exc})", 503) from None


# --- shaping helpers shared with the web app's pages ---------------------------------------------------


def trim_members(group: dict[str, Any], most: int, first: set[str] = frozenset()) -> dict[str, Any]:
    """A claim group listing at most ``most`` member claims (``first`` ones before the rest)."""
    members = group.get("members", [])
    if len(members) <= most:
        return group
    mine = [m for m in members if m in first] if first else []
    shown = mine + [m for m in members[:most + len(mine)] if m not in first]
    return {**group, "members": shown[:most], "members_total": len(members)}


def trim_story(story: dict[str, Any], samples: int) -> dict[str, Any]:
    ids = story.get("documents", [])
    return {**story, "documents": ids[:samples], "document_count": len(ids)}


ENDPOINTS: dict[str, Callable[..., Any]] = {
    "overview": overview, "documents": documents, "claims": claims, "claim-groups": claim_groups,
    "contested": contested, "labels": labels, "stories": stories, "timeline": timeline, "entities": entities,
    "sources": sources, "search": search, "check": check,
}
