"""Documented JSON shape of a stored document (``storylens export --format jsonl``).

One object per document: ``id``, ``origin``, ``format``, ``kind``, the metadata fields
(``title``, ``author``, ``source``, ``source_type``, ``url``, ``published``, ``language``)
plus ``meta_from`` (where each came from: manifest, file or text), ``duplicate_of``,
``text`` (cleaned), ``passages`` and ``sentences`` (``start``/``end`` character offsets into
``text``, end exclusive), and ``cleaning_log`` (``step``, ``rule``, ``start``/``end`` in the
text before that step, ``before``, ``after``).

Once annotated, an ``annotations`` object is added: ``entities`` (start, end, text, label,
detector, entity), ``dates`` (start, end, text, value, lo, hi, anchored), ``claims`` (the
fields of :class:`storylens.doc.Claim`: span, sentence span, measure, unit, value/lo/hi,
hedge, qualifier, where, as_of, by, via, cue, status), ``quotes`` (span, speaker),
``techniques`` (passage index → [[technique, score]]), ``labels`` (``frame``/``genre`` →
[[label, score]]) and ``checkworthiness`` (sentence index → score). The same fields, per
document, are in ``analysis.json`` (``report/analysis.schema.json``).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from storylens.doc import METADATA_FIELDS, Annotations, Document


def document_record(doc: Document, ann: Annotations | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {"id": doc.id, "origin": doc.origin, "format": doc.format, "kind": doc.kind}
    record.update({field: doc.meta.get(field) for field in METADATA_FIELDS})
    record["meta_from"] = doc.meta_from
    record["duplicate_of"] = doc.duplicate_of
    record["text"] = doc.text
    record["passages"] = [{"start": p.start, "end": p.end, "kind": p.kind, "language": p.language} for p in doc.passages]
    record["sentences"] = [{"start": s.start, "end": s.end, "passage": s.passage} for s in doc.sentences]
    record["cleaning_log"] = [
        {"step": e.step, "rule": e.rule, "start": e.start, "end": e.end, "before": e.before, "after": e.after}
        for e in doc.log
    ]
    if ann is not None:
        record["annotations"] = asdict(ann)
    return record
