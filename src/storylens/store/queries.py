"""Read-side queries over the store: what ``analysis.json``, the report and the web app show.

Each function answers one question with bounded work — filters on indexed columns (schema 5
adds covering indexes, because a ``documents`` row carries the whole text before its metadata),
pages of keys first and details for that page only, aggregates grouped in SQL — so that it stays
fast on a store of 100,000 documents. Results are plain JSON-ready dicts in the shapes of
``analysis.json`` (``report/analysis.schema.json``): a claim here is a claim there.

Only documents that cleaning finished (``status = 'clean'``) are shown, as everywhere else.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from storylens.doc import Annotations, Claim, Document
from storylens.persuasion.models import checkworthy_threshold
from storylens.relate.claims import claim_id
from storylens.store import annotations as rows_module

# A document's source name: the outlet, else the start of its id (as analysis.json names it).
SOURCE = "COALESCE(d.source, substr(d.id, 1, 10))"
STATUS_ORDER = ("conflict", "evolving", "agree", "single_source")
# Search: match markers that cannot be confused with the text (C0 controls are not left in
# cleaned text, and a stray one only shifts a highlight, never changes what is shown).
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
SEARCH_COUNT_CAP = 10_000
SEARCH_RANK_CAP = 5_000
SEARCH_SCAN_CAP = 5_000  # a filtered search (source, language) looks at this many matches at most
TEXT_FILTER_CAP = 2_000  # the documents filter by words looks at this many matching passages at most
WALK_ABOVE = 5_000  # more matching claims than this: walk documents in order rather than sort


def source_filter(db: sqlite3.Connection, name: str, alias: str = "d") -> tuple[str, list[str]]:
    """The documents of source ``name`` as an indexable condition on ``alias``: its outlet, or,
    for documents without one, the start of their id (the name analysis.json gives them)."""
    if db.execute("SELECT 1 FROM documents WHERE status = 'clean' AND source = ? LIMIT 1", (name,)).fetchone():
        return f"{alias}.source = ?", [name]
    return f"({alias}.source IS NULL AND substr({alias}.id, 1, 10) = ?)", [name]


class BadQuery(ValueError):
    """A parameter the store cannot answer; the message says what to change."""


@dataclass
class Page:
    """One page of a longer list: ``total`` items match, these are ``offset`` onwards."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    exact: bool = True  # False when ``total`` is a lower bound (very common search terms)

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "exact": self.exact, "limit": self.limit, "offset": self.offset,
                "items": self.items}


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def _in_chunks(values: Sequence[Any], size: int = 500) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


# --- the corpus -------------------------------------------------------------------------------


def corpus(db: sqlite3.Connection) -> dict[str, Any]:
    """Counts over the whole corpus: analysis.json's ``corpus``."""
    n, duplicates, sources = db.execute(
        "SELECT COUNT(*), COUNT(duplicate_of), COUNT(DISTINCT COALESCE(source, id)) FROM documents d"
        " WHERE status = 'clean'").fetchone()
    first, last = db.execute(
        "SELECT MIN(substr(published, 1, 10)), MAX(substr(published, 1, 10)) FROM documents"
        " WHERE status = 'clean' AND published IS NOT NULL AND published != ''").fetchone()
    rules = db.execute(
        "SELECT l.rule, COUNT(*) FROM cleaning_log l JOIN documents d ON d.id = l.doc_id"
        " WHERE d.status = 'clean' GROUP BY l.rule ORDER BY COUNT(*) DESC, l.rule").fetchall()
    removed = db.execute(
        "SELECT COALESCE(SUM(MAX(0, length(l.before) - length(l.after))), 0) FROM cleaning_log l"
        " JOIN documents d ON d.id = l.doc_id WHERE d.status = 'clean'").fetchone()[0]
    off_event = db.execute(
        "SELECT COUNT(*) FROM document_relations r JOIN documents d ON d.id = r.doc_id"
        " WHERE d.status = 'clean' AND r.off_event = 1").fetchone()[0]
    return {
        "documents": n,
        "sources": sources,
        "kinds": dict(db.execute("SELECT kind, COUNT(*) FROM documents WHERE status = 'clean' GROUP BY kind"
                                 " ORDER BY COUNT(*) DESC").fetchall()),
        "languages": dict(db.execute(
            "SELECT COALESCE(language, 'unknown'), COUNT(*) FROM documents WHERE status = 'clean'"
            " GROUP BY 1 ORDER BY 2 DESC").fetchall()),
        "period": {"from": first, "to": last},
        "cleaning": {"rules": dict(rules), "chars_removed": removed},
        "duplicates": duplicates,
        "off_event": off_event,
        "published_per_day": dict(db.execute(
            "SELECT substr(published, 1, 10), COUNT(*) FROM documents WHERE status = 'clean'"
            " AND published IS NOT NULL AND published != '' GROUP BY 1 ORDER BY 1").fetchall()),
    }


# --- documents --------------------------------------------------------------------------------


def document_entry(doc: Document, ann: Annotations, relation: tuple[str | None, bool, dict] | None) -> dict[str, Any]:
    """A document as analysis.json holds it: metadata, text, structure, annotations, cleaning log."""
    genre = ann.labels.get("genre")
    story, off_event, why = relation or (None, False, {})
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
        "why": why or None,
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


LISTED = ("id", "title", "source", "source_type", "author", "kind", "language", "published", "url", "origin",
           "duplicate_of", "story")


def document_listings(db: sqlite3.Connection, ids: Iterable[str], excerpt: bool = True) -> list[dict[str, Any]]:
    """A listing of each document, in the given order: metadata, and with ``excerpt`` its first
    240 characters and length (reading a text costs more than its metadata: leave it out when
    the listing only names a document's source and date)."""
    ids = list(dict.fromkeys(ids))
    text = ", substr(d.text, 1, 240) AS excerpt, length(d.text) AS chars" if excerpt else ""
    found: dict[str, dict[str, Any]] = {}
    for chunk in _in_chunks(ids):
        for row in db.execute(
                "SELECT d.id, d.title, d.source, d.source_type, d.author, d.kind, d.language, d.published, d.url,"
                f" d.origin, d.duplicate_of, r.story, COALESCE(r.off_event, 0) AS off_event{text} FROM documents d"
                f" LEFT JOIN document_relations r ON r.doc_id = d.id WHERE d.id IN ({_marks(chunk)})"
                " AND d.status = 'clean'", chunk):
            entry = {k: row[k] for k in LISTED}
            if excerpt:
                entry["excerpt"], entry["chars"] = row["excerpt"], row["chars"]
            entry["off_event"] = bool(row["off_event"])
            entry["listing"] = True
            found[row["id"]] = entry
    return [found[i] for i in ids if i in found]


LIKE = "LIKE ? ESCAPE '\\'"


def contains(text: str) -> str:
    """A LIKE pattern for text containing ``text`` literally (``%`` and ``_`` are not wildcards)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def fts_phrase(text: str) -> str:
    """Words typed into a filter box as one FTS5 phrase, so that no character is query syntax."""
    return '"' + text.replace('"', '""') + '"'


def documents(db: sqlite3.Connection, *, source: str | None = None, kind: str | None = None,
              language: str | None = None, story: str | None = None, off_event: bool | None = None,
              duplicate: bool | None = None, rule: str | None = None, published: str | None = None,
              q: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """Listings of the documents that pass every given filter, in the order they were read."""
    where, args = ["d.status = 'clean'"], []
    if source is not None:
        clause, more = source_filter(db, source)
        where.append(clause)
        args += more
    for column, value in (("d.kind", kind), ("d.language", language)):
        if value is not None:
            where.append(f"{column} = ?")
            args.append(value)
    if story is not None:
        where.append("d.id IN (SELECT doc_id FROM document_relations WHERE story = ?)")
        args.append(story)
    if off_event is not None:
        where.append(("" if off_event else "NOT ") + "d.id IN (SELECT doc_id FROM document_relations WHERE off_event = 1)")
    if duplicate is not None:
        where.append("d.duplicate_of IS " + ("NOT NULL" if duplicate else "NULL"))
    if rule is not None:
        where.append("d.id IN (SELECT doc_id FROM cleaning_log WHERE rule = ?)")
        args.append(rule)
    if published is not None:
        where.append("substr(d.published, 1, 10) = ?")
        args.append(published)
    exact = True
    if q:  # the title (from the covering index) or the words of the text (the full-text index)
        phrase = fts_phrase(q)
        matches = db.execute("SELECT COUNT(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT ?)",
                             (phrase, TEXT_FILTER_CAP + 1)).fetchone()[0]
        exact = matches <= TEXT_FILTER_CAP
        where.append(f"(d.title {LIKE} OR d.id IN (SELECT doc_id FROM passages_fts WHERE passages_fts MATCH ? LIMIT ?))")
        args += [contains(q), phrase, TEXT_FILTER_CAP]
    sql_where = " AND ".join(where)
    if q:  # matching words reads every title: one pass gives the page and the count
        rows = db.execute(f"SELECT d.id, COUNT(*) OVER () FROM documents d WHERE {sql_where} ORDER BY d.seq"
                          " LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
        total = rows[0][1] if rows else db.execute(f"SELECT COUNT(*) FROM documents d WHERE {sql_where}", args).fetchone()[0]
        ids = [r[0] for r in rows]
    else:
        total = db.execute(f"SELECT COUNT(*) FROM documents d WHERE {sql_where}", args).fetchone()[0]
        ids = [r[0] for r in db.execute(f"SELECT d.id FROM documents d WHERE {sql_where} ORDER BY d.seq LIMIT ? OFFSET ?",
                                        [*args, limit, offset])]
    return Page(document_listings(db, ids), total, limit, offset, exact)


def document_facets(db: sqlite3.Connection, top: int = 300) -> dict[str, list[list[Any]]]:
    """The values of the document filters with their counts, most documents first."""
    def counts(expr: str) -> list[list[Any]]:
        return [list(r) for r in db.execute(
            f"SELECT {expr} AS v, COUNT(*) FROM documents d WHERE d.status = 'clean' AND v IS NOT NULL"
            f" GROUP BY v ORDER BY 2 DESC, v LIMIT ?", (top,))]
    return {"source": counts(SOURCE), "kind": counts("d.kind"), "language": counts("d.language"),
            "rule": [list(r) for r in db.execute(
                "SELECT rule, COUNT(DISTINCT doc_id) FROM cleaning_log GROUP BY rule ORDER BY 2 DESC LIMIT ?", (top,))]}


# --- claims -----------------------------------------------------------------------------------


def claim_entry(doc_id: str, idx: int, c: Claim, sentence: str, source: str) -> dict[str, Any]:
    """A numeric claim as analysis.json holds it (``sentence``: the text of its sentence)."""
    return {
        "id": claim_id(doc_id, idx), "doc": doc_id, "source": source, "start": c.start, "end": c.end,
        "sentence_start": c.sentence_start, "sentence_end": c.sentence_end,
        "text": sentence, "measure": c.measure, "unit": c.unit,
        "value": c.value, "lo": c.lo, "hi": c.hi, "hedge": c.hedge, "qualifier": c.qualifier,
        "where": c.where, "as_of": c.as_of, "by": c.by, "via": c.via, "cue": c.cue, "status": c.status,
        "kind": c.kind, "counted": c.counted, "subgroup": c.subgroup, "subject": c.subject,
    }


CLAIM_SORTS = {  # document order walks the documents in reading order (no sort of all claims)
    "document": "d.seq, c.idx",
    "value": "COALESCE(c.value, c.lo, c.hi), c.doc_id, c.idx",
    "-value": "COALESCE(c.value, c.lo, c.hi) DESC, c.doc_id, c.idx",
}


def claim_entries(db: sqlite3.Connection, keys: Sequence[tuple[str, int]]) -> list[dict[str, Any]]:
    """The analysis.json entry of each claim ``(doc id, idx)``, in the given order.

    Each document's text is read once (for the sentences of all its claims on the list).
    """
    keys = [(doc_id, int(idx)) for doc_id, idx in keys]
    found: dict[tuple[str, int], dict[str, Any]] = {}
    for chunk in _in_chunks(list(dict.fromkeys(keys)), 400):
        values = ", ".join("(?, ?)" for _ in chunk)
        rows = db.execute(f"WITH k(doc_id, idx) AS (VALUES {values}) SELECT c.* FROM k JOIN claims c"
                          " ON c.doc_id = k.doc_id AND c.idx = k.idx", [x for key in chunk for x in key]).fetchall()
        docs = list({row["doc_id"] for row in rows})
        texts = {}
        for part in _in_chunks(docs):
            texts.update((r[0], (r[1], r[2])) for r in db.execute(
                f"SELECT d.id, d.text, {SOURCE} FROM documents d WHERE d.id IN ({_marks(part)})", part))
        for row in rows:
            text, source = texts[row["doc_id"]]
            claim = rows_module.from_row(Claim, row)
            found[(row["doc_id"], row["idx"])] = claim_entry(row["doc_id"], row["idx"], claim,
                                                            text[claim.sentence_start:claim.sentence_end], source)
    return [found[key] for key in keys if key in found]


def claims(db: sqlite3.Connection, *, measure: str | None = None, source: str | None = None, doc: str | None = None,
           scope: str | None = None, status: str | None = None, group: str | None = None, sort: str = "document",
           limit: int = 50, offset: int = 0) -> Page:
    """Numeric claims passing every filter; ``status`` is the verdict of the claim's group.

    Claims exist only for cleaned documents (annotation follows cleaning). A page in document
    order either sorts the few matching claims, or, when many match, walks the documents in
    reading order and stops at the page; sorting by value needs a measure (its index).
    """
    if sort not in CLAIM_SORTS:
        raise BadQuery(f"sort must be one of {', '.join(CLAIM_SORTS)}")
    if sort != "document" and measure is None:
        raise BadQuery("sorting by value needs a measure: figures of different measures do not compare")
    where, args = [], []
    for clause, value in (("c.measure = ?", measure), ("c.doc_id = ?", doc)):
        if value is not None:
            where.append(clause)
            args.append(value)
    if scope is not None:
        where.append(f"c.place {LIKE}")
        args.append(contains(scope))
    joins = ""
    if source is not None:  # from the source's documents to their claims (a source has few of all claims)
        where = [w.replace("c.measure", "+c.measure") for w in where]
        clause, more = source_filter(db, source)
        where += ["d.status = 'clean'", clause]
        args += more
    if status is not None or group is not None:
        joins = (" JOIN claim_group_members m ON m.doc_id = c.doc_id AND m.idx = c.idx"
                 " JOIN relations r ON r.kind = 'claim_group' AND r.id = m.group_id" + joins)
        for clause, value in (("r.status = ?", status), ("r.id = ?", group)):
            if value is not None:
                where.append(clause)
                args.append(value)
    sql_where = " AND ".join(where) or "1"
    claims_from = ("documents d INDEXED BY documents_by_source CROSS JOIN claims c ON c.doc_id = d.id"
                   if source is not None else "claims c")
    if where and all(w.startswith("r.") for w in where):  # group filters only: count members, not claims
        total = db.execute("SELECT COUNT(*) FROM relations r JOIN claim_group_members m ON m.group_id = r.id"
                           f" WHERE r.kind = 'claim_group' AND {sql_where}", args).fetchone()[0]
    else:
        total = db.execute(f"SELECT COUNT(*) FROM {claims_from}{joins} WHERE {sql_where}", args).fetchone()[0]
    if sort != "document" or source is not None:
        order = CLAIM_SORTS[sort]
        sql = f"SELECT c.doc_id, c.idx FROM {claims_from}{joins} WHERE {sql_where}"
    elif total <= WALK_ABOVE:
        order = CLAIM_SORTS[sort]
        sql = (f"SELECT c.doc_id, c.idx FROM claims c{joins} JOIN documents d2 INDEXED BY documents_lookup"
               f" ON d2.id = c.doc_id WHERE {sql_where}").replace("d.seq", "d2.seq")
        order = order.replace("d.seq", "d2.seq")
    else:  # many match: walk documents in order, test their claims, stop at the page
        order = CLAIM_SORTS[sort].replace("d.seq", "w.seq")
        walk_where = sql_where.replace("c.measure = ?", "+c.measure = ?")
        sql = (f"SELECT c.doc_id, c.idx FROM documents w INDEXED BY documents_listing CROSS JOIN claims c"
               f" ON c.doc_id = w.id{joins} WHERE w.status = 'clean' AND {walk_where}")
    keys = [(r[0], r[1]) for r in db.execute(f"{sql} ORDER BY {order} LIMIT ? OFFSET ?", [*args, limit, offset])]
    return Page(claim_entries(db, keys), total, limit, offset)


# --- what the relate stage saved ----------------------------------------------------------------

GROUP_SORTS = {  # relate stores groups most sources first, then most figures: "relate" is that order
    "status": "CASE r.status WHEN 'conflict' THEN 0 WHEN 'evolving' THEN 1 WHEN 'agree' THEN 2 ELSE 3 END, r.seq",
    "relate": "r.seq",
    "measure": "r.label, r.seq",
}


def relation_items(db: sqlite3.Connection, kind: str, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Stored relate items of ``kind`` by id, in the given order."""
    found = {}
    for chunk in _in_chunks(list(ids)):
        for rid, data in db.execute(f"SELECT id, data_json FROM relations WHERE kind = ? AND id IN ({_marks(chunk)})",
                                    [kind, *chunk]):
            found[rid] = json.loads(data)
    return [found[i] for i in ids if i in found]


def claim_groups(db: sqlite3.Connection, *, measure: str | None = None, scope: str | None = None,
                 source: str | None = None, status: str | None = None, q: str | None = None,
                 sort: str = "status", limit: int = 50, offset: int = 0) -> Page:
    """Claim groups passing every filter; ``source`` keeps groups with a figure from that source."""
    if sort not in GROUP_SORTS:
        raise BadQuery(f"sort must be one of {', '.join(GROUP_SORTS)}")
    where, args = ["r.kind = 'claim_group'"], []
    if measure is not None:
        where.append("r.label = ?")
        args.append(measure)
    if status is not None:
        where.append("r.status = ?")
        args.append(status)
    if scope is not None:
        where.append(f"json_extract(r.data_json, '$.scope') {LIKE}")
        args.append(contains(scope))
    if q:
        where.append("(r.label || ' ' || json_extract(r.data_json, '$.scope') || ' ' ||"
                     f" COALESCE(json_extract(r.data_json, '$.explanation'), '')) {LIKE}")
        args.append(contains(q))
    if source is not None:
        clause, more = source_filter(db, source)
        where.append("r.id IN (SELECT m.group_id FROM documents d JOIN claim_group_members m ON m.doc_id = d.id"
                     f" WHERE d.status = 'clean' AND {clause})")
        args += more
    sql_where = " AND ".join(where)
    total = db.execute(f"SELECT COUNT(*) FROM relations r WHERE {sql_where}", args).fetchone()[0]
    ids = [r[0] for r in db.execute(
        f"SELECT r.id FROM relations r WHERE {sql_where} ORDER BY {GROUP_SORTS[sort]} LIMIT ? OFFSET ?",
        [*args, limit, offset])]
    return Page(relation_items(db, "claim_group", ids), total, limit, offset)


def claim_group_facets(db: sqlite3.Connection) -> dict[str, list[list[Any]]]:
    """Claim groups per status and per measure."""
    return {
        "status": [list(r) for r in db.execute(
            "SELECT status, COUNT(*) FROM relations WHERE kind = 'claim_group' GROUP BY status")],
        "measure": [list(r) for r in db.execute(
            "SELECT label, COUNT(*) FROM relations WHERE kind = 'claim_group' GROUP BY label ORDER BY 2 DESC, 1")],
    }


def relations(db: sqlite3.Connection, kind: str, *, source: str | None = None, q: str | None = None,
              limit: int = 50, offset: int = 0) -> Page:
    """Stored relate items of ``kind`` in the relate step's order; ``source`` keeps items with its evidence."""
    where, args = ["r.kind = ?"], [kind]
    if source is not None:
        where.append(f"r.data_json {LIKE}")  # a cheap prefilter; the exact test follows in Python
        args.append(contains(json.dumps(source, ensure_ascii=False)[1:-1]))
    if q:
        where.append(f"r.data_json {LIKE}")
        args.append(contains(q))
    sql = f"FROM relations r WHERE {' AND '.join(where)}"
    if source is None:
        total = db.execute(f"SELECT COUNT(*) {sql}", args).fetchone()[0]
        items = [json.loads(r[0]) for r in db.execute(f"SELECT r.data_json {sql} ORDER BY r.seq LIMIT ? OFFSET ?",
                                                       [*args, limit, offset])]
        return Page(items, total, limit, offset)
    matching = [item for item in (json.loads(r[0]) for r in db.execute(f"SELECT r.data_json {sql} ORDER BY r.seq", args))
                if source in evidence_sources(item)]
    return Page(matching[offset:offset + limit], len(matching), limit, offset)


def evidence_sources(item: Any) -> set[str]:
    """Every ``source`` named in an item's evidence, at any depth."""
    found: set[str] = set()
    stack = [item]
    while stack:
        x = stack.pop()
        if isinstance(x, dict):
            if isinstance(x.get("source"), str):
                found.add(x["source"])
            stack.extend(x.values())
        elif isinstance(x, list):
            stack.extend(x)
    return found


def evidence_spans(item: Any) -> Iterator[dict[str, Any]]:
    """Every evidence span (a dict with ``doc``, ``start`` and ``end``) inside a relate item."""
    stack = [item]
    while stack:
        x = stack.pop()
        if isinstance(x, dict):
            if isinstance(x.get("doc"), str) and "start" in x and "end" in x:
                yield x
            stack.extend(reversed(list(x.values())))
        elif isinstance(x, list):
            stack.extend(reversed(x))


def trim_evidence(item: Any, most: int) -> Any:
    """The item with every list of evidence spans cut to its first ``most`` (counts are kept)."""
    if isinstance(item, dict):
        return {k: trim_evidence(v, most) for k, v in item.items()}
    if isinstance(item, list):
        if len(item) > most and all(isinstance(x, dict) and "doc" in x for x in item):
            item = item[:most]
        return [trim_evidence(x, most) for x in item]
    return item


def relation_count(db: sqlite3.Connection, kind: str, status: str | None = None) -> int:
    if status is None:
        return db.execute("SELECT COUNT(*) FROM relations WHERE kind = ?", (kind,)).fetchone()[0]
    return db.execute("SELECT COUNT(*) FROM relations WHERE kind = ? AND status = ?", (kind, status)).fetchone()[0]


# --- entities and sources -------------------------------------------------------------------------


def entity_mentions_by_source(db: sqlite3.Connection, entity_ids: Sequence[str] | None = None) -> dict[str, dict[str, int]]:
    """Mentions of each entity per source; every entity when ``entity_ids`` is None."""
    out: dict[str, dict[str, int]] = defaultdict(dict)
    sql = (f"SELECT m.entity_id, {SOURCE}, COUNT(*) FROM entity_mentions m JOIN documents d ON d.id = m.doc_id"
           " WHERE d.status = 'clean' AND m.entity_id {} GROUP BY 1, 2 ORDER BY 1, 3 DESC")
    batches = [None] if entity_ids is None else list(_in_chunks(list(entity_ids)))
    for chunk in batches:
        cond = "IS NOT NULL" if chunk is None else f"IN ({_marks(chunk)})"
        for entity, source, n in db.execute(sql.format(cond), [] if chunk is None else chunk):
            out[entity][source] = n
    return out


def entity_entries(db: sqlite3.Connection, ids: Sequence[str],
                   mentions: dict[str, dict[str, int]] | None = None) -> list[dict[str, Any]]:
    """analysis.json entities by id, in the given order."""
    mentions = mentions if mentions is not None else entity_mentions_by_source(db, ids)
    found = {}
    for chunk in _in_chunks(list(ids)):
        for r in db.execute(f"SELECT id, name, label, aliases_json, why_json FROM entities WHERE id IN ({_marks(chunk)})",
                            chunk):
            found[r[0]] = {"id": r[0], "name": r[1], "label": r[2], "aliases": json.loads(r[3]),
                           "mentions_by_source": dict(mentions.get(r[0], {})), "why": json.loads(r[4])}
    return [found[i] for i in ids if i in found]


def entity_ranking(db: sqlite3.Connection) -> list[tuple[str, str, str, int]]:
    """Every entity as (id, name, label, mentions), most mentioned first."""
    return [tuple(r) for r in db.execute(
        "SELECT e.id, e.name, e.label, COALESCE(n.mentions, 0) FROM entities e LEFT JOIN"
        " (SELECT m.entity_id, COUNT(*) AS mentions FROM entity_mentions m JOIN documents d ON d.id = m.doc_id"
        "  WHERE d.status = 'clean' AND m.entity_id IS NOT NULL GROUP BY m.entity_id) n ON n.entity_id = e.id"
        " ORDER BY 4 DESC, e.name, e.id")]


def source_profiles(db: sqlite3.Connection, checkworthy: int = 5, threshold: float | None = None,
                    with_documents: bool = True) -> list[dict[str, Any]]:
    """One profile per source (analysis.json ``sources``), most documents first.

    ``checkworthy``: the source's most check-worthy sentences listed, those scored from
    ``threshold`` on (None: the classifier's own cut, tuned for F1 on held-out folds; scores
    are calibrated probabilities). ``with_documents`` lists each source's document ids;
    without, only their number (``document_count``) is given, which is what a page needs on a
    large store.
    """
    if threshold is None:
        threshold = checkworthy_threshold()
    profiles: dict[str, dict[str, Any]] = {}
    for name, n in db.execute(f"SELECT {SOURCE} AS s, COUNT(*) FROM documents d WHERE d.status = 'clean'"
                              " GROUP BY s ORDER BY MIN(d.seq)"):
        profiles[name] = {"name": name, "type": None, "documents": [], "document_count": n, "languages": [],
                          "claims": 0, "techniques": {}, "frames": {}, "genres": {}, "checkworthy": []}
    if with_documents:
        for name, doc_id in db.execute(f"SELECT {SOURCE}, d.id FROM documents d WHERE d.status = 'clean' ORDER BY d.seq"):
            profiles[name]["documents"].append(doc_id)
    for name, language in db.execute(
            f"SELECT {SOURCE} AS s, d.language FROM documents d WHERE d.status = 'clean' AND d.language IS NOT NULL"
            " GROUP BY s, d.language ORDER BY MIN(d.seq)"):
        profiles[name]["languages"].append(language)
    for name, source_type in db.execute(
            f"SELECT s, (SELECT source_type FROM documents x WHERE x.id = first) FROM"
            f" (SELECT {SOURCE} AS s, d.id AS first, MIN(d.seq) FROM documents d WHERE d.status = 'clean' GROUP BY s)"):
        profiles[name]["type"] = source_type
    for name, n in db.execute(f"SELECT {SOURCE}, COUNT(*) FROM claims c JOIN documents d ON d.id = c.doc_id"
                              " WHERE d.status = 'clean' GROUP BY 1"):
        profiles[name]["claims"] = n
    for name, label, n in db.execute(
            f"SELECT {SOURCE}, t.technique, COUNT(*) FROM passage_techniques t JOIN documents d ON d.id = t.doc_id"
            " WHERE d.status = 'clean' GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2"):
        profiles[name]["techniques"][label] = n
    for name, task, label, n in db.execute(
            f"SELECT {SOURCE}, l.task, l.label, COUNT(*) FROM document_labels l JOIN documents d ON d.id = l.doc_id"
            " WHERE d.status = 'clean' GROUP BY 1, 2, 3 ORDER BY 1, 2, 4 DESC, 3"):
        profiles[name]["frames" if task == "frame" else "genres"][label] = n
    best = db.execute(
        "SELECT s, doc_id, sentence, score FROM"
        f" (SELECT {SOURCE} AS s, x.doc_id, x.sentence, x.checkworthiness AS score,"
        f"   ROW_NUMBER() OVER (PARTITION BY {SOURCE} ORDER BY x.checkworthiness DESC, d.seq, x.sentence) AS k"
        "  FROM sentence_scores x JOIN documents d ON d.id = x.doc_id"
        "  WHERE d.status = 'clean' AND x.checkworthiness >= ?) WHERE k <= ? ORDER BY s, k",
        (threshold, checkworthy)).fetchall()
    for name, doc_id, sentence, score in best:
        span = db.execute("SELECT st.start_char, st.end_char, substr(d.text, st.start_char + 1, st.end_char - st.start_char)"
                          " FROM sentences st JOIN documents d ON d.id = st.doc_id WHERE st.doc_id = ? AND st.idx = ?",
                          (doc_id, sentence)).fetchone()
        if span:
            profiles[name]["checkworthy"].append({"doc": doc_id, "start": span[0], "end": span[1], "text": span[2],
                                                  "source": name, "score": score})
    return sorted(profiles.values(), key=lambda p: -p["document_count"])


# --- full-text search -------------------------------------------------------------------------------


def search(db: sqlite3.Connection, q: str, *, source: str | None = None, language: str | None = None,
           limit: int = 20, offset: int = 0) -> Page:
    """Passages matching an FTS5 query, best first, each with a snippet and where its first match is.

    The work is bounded: a term found in more than ``SEARCH_RANK_CAP`` passages ranks its first
    matches only, the count stops at ``SEARCH_COUNT_CAP``, and a search filtered by source or
    language looks at the first ``SEARCH_SCAN_CAP`` matches (``exact`` is False when a cap was hit).
    """
    where, args = [], []
    if source is not None:
        clause, more = source_filter(db, source)
        where.append(clause)
        args += more
    if language is not None:
        where.append("d.language = ?")
        args.append(language)
    filtered = bool(where)
    # the first SEARCH_SCAN_CAP matches, joined to their documents for the filters
    matches = ("(SELECT rowid, doc_id, rank FROM passages_fts WHERE passages_fts MATCH ? LIMIT "
               f"{SEARCH_SCAN_CAP}) f JOIN documents d INDEXED BY documents_lookup ON d.id = f.doc_id")
    args.insert(0, q)
    sql_where = " AND ".join(where)
    try:
        found = db.execute("SELECT COUNT(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT ?)",
                           (q, max(SEARCH_COUNT_CAP, SEARCH_SCAN_CAP) + 1)).fetchone()[0]
        if filtered:  # one pass over the capped matches: rank, count and page in Python
            ranked = sorted(tuple(r) for r in db.execute(f"SELECT f.rank, f.rowid FROM {matches} WHERE {sql_where}", args))
            total, rowids = len(ranked), [r[1] for r in ranked[offset:offset + limit]]
            exact = found <= SEARCH_SCAN_CAP
        else:
            total, exact = found, found <= SEARCH_COUNT_CAP
            rowids = [r[0] for r in db.execute(
                "SELECT rowid FROM (SELECT rowid, rank FROM passages_fts WHERE passages_fts MATCH ? LIMIT ?)"
                " ORDER BY rank, rowid LIMIT ? OFFSET ?", (q, SEARCH_RANK_CAP, limit, offset))]
        marked = {r[0]: r[1:] for r in db.execute(
            f"SELECT rowid, doc_id, idx, snippet(passages_fts, 0, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 24)"
            f" FROM passages_fts WHERE passages_fts MATCH ? AND rowid IN ({_marks(rowids)})", [q, *rowids])}
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise
        raise BadQuery(f"cannot search for {q!r} ({exc}); put phrases in double quotes") from None
    hits = [marked[r] for r in rowids if r in marked]
    listings = {d["id"]: d for d in document_listings(db, [h[0] for h in hits])}
    spans = {}
    for doc_id, idx in {(h[0], h[1]) for h in hits}:
        row = db.execute("SELECT p.start_char, p.end_char, substr(d.text, p.start_char + 1, p.end_char - p.start_char)"
                         " FROM passages p JOIN documents d ON d.id = p.doc_id WHERE p.doc_id = ? AND p.idx = ?",
                         (doc_id, idx)).fetchone()
        spans[(doc_id, idx)] = row
    items = []
    for doc_id, idx, text in hits:
        listing = listings.get(doc_id)
        start, end, passage = spans[(doc_id, idx)]
        snippet, highlights = _unmark(text)
        match = _first_match(passage, snippet, highlights)
        items.append({"doc": doc_id, "passage": idx, "start": start, "end": end,
                      "match": {"start": start + match[0], "end": start + match[1]} if match else None,
                      "snippet": snippet, "highlights": highlights,
                      "source": listing["source"] if listing else None, "title": listing["title"] if listing else None,
                      "published": listing["published"] if listing else None,
                      "language": listing["language"] if listing else None})
    return Page(items, min(total, SEARCH_COUNT_CAP), limit, offset, exact)


def _unmark(marked: str) -> tuple[str, list[list[int]]]:
    """The snippet without markers, and where the markers were (code point offsets)."""
    out: list[str] = []
    highlights: list[list[int]] = []
    n = 0
    opened = None
    for ch in marked:
        if ch == MARK_OPEN:
            opened = n
        elif ch == MARK_CLOSE and opened is not None:
            highlights.append([opened, n])
            opened = None
        else:
            out.append(ch)
            n += 1
    return "".join(out), highlights


def _first_match(passage: str, snippet: str, highlights: list[list[int]]) -> tuple[int, int] | None:
    """Where the snippet's first highlight lies in its passage (the snippet is a window of it)."""
    if not highlights:
        return None
    lead = 1 if snippet.startswith("…") else 0
    body = snippet[lead:-1] if snippet.endswith("…") and len(snippet) > lead else snippet[lead:]
    at = passage.find(body)
    if at < 0:
        return None
    a, b = highlights[0]
    return at + a - lead, at + b - lead
