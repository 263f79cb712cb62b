"""How annotation containers map onto database rows (and back).

Column names avoid SQL keywords: a claim's ``where`` is stored as ``place`` and its
``by`` as ``by_source``; offsets are ``start_char``/``end_char`` as everywhere.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from storylens.doc import Claim, DateMention, EntityMention, Quote

RENAMED = {"start": "start_char", "end": "end_char", "where": "place", "by": "by_source", "entity": "entity_id"}

TABLES: dict[str, type] = {
    "entity_mentions": EntityMention,
    "dates": DateMention,
    "claims": Claim,
    "quotes": Quote,
}
ATTRIBUTES = {"entity_mentions": "entities", "dates": "dates", "claims": "claims", "quotes": "quotes"}
DERIVED_TABLES = (*TABLES, "passage_techniques", "document_labels", "sentence_scores")


def columns(cls: type) -> list[tuple[str, str]]:
    """(attribute, column) pairs of an annotation class."""
    return [(f.name, RENAMED.get(f.name, f.name)) for f in fields(cls)]


def insert_sql(table: str) -> str:
    cols = ["doc_id", "idx", *(col for _, col in columns(TABLES[table]))]
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


def to_row(doc_id: str, idx: int, item: Any) -> tuple:
    return (doc_id, idx, *(getattr(item, attr) for attr, _ in columns(type(item))))


def from_row(cls: type, row: Any) -> Any:
    return cls(**{attr: row[col] for attr, col in columns(cls)})
