"""Data containers shared by every stage of the pipeline.

Everything a later stage finds points back into a document's cleaned text by
character offsets (``start``/``end``, end exclusive), so a user can always check
a finding against the words it came from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

METADATA_FIELDS = ("title", "author", "source", "source_type", "url", "published", "language")


@dataclass
class RawDocument:
    """One document as a reader produced it, before cleaning.

    ``origin`` says where it came from (a path, or ``path#record`` inside a
    JSON/Telegram file); ``meta`` holds metadata the file format itself carried,
    ``manifest`` what the user's manifest says (it wins).
    """

    origin: str
    text: str
    format: str
    meta: dict[str, str] = field(default_factory=dict)
    manifest: dict[str, str] = field(default_factory=dict)


@dataclass
class Edit:
    """One change made by cleaning, enough to audit it and to undo it.

    ``start``/``end`` locate ``before`` in the text as it was *before this step*
    ran; ``after`` is what replaced it ("" for a removal).
    """

    step: str
    rule: str
    start: int
    end: int
    before: str
    after: str = ""

    @property
    def action(self) -> str:
        return "removed" if not self.after else "replaced"


@dataclass
class Passage:
    """A paragraph, heading, list item or comment of the cleaned text."""

    start: int
    end: int
    kind: str = "paragraph"
    language: str | None = None


@dataclass
class Sentence:
    start: int
    end: int
    passage: int


@dataclass
class Document:
    """A cleaned document: text, metadata, structure and the log of what cleaning did."""

    id: str
    origin: str
    format: str
    raw_text: str
    text: str
    meta: dict[str, str] = field(default_factory=dict)
    meta_from: dict[str, str] = field(default_factory=dict)
    kind: str = "article"
    passages: list[Passage] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    log: list[Edit] = field(default_factory=list)
    duplicate_of: str | None = None
    duplicate_similarity: float | None = None

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def set_meta(self, key: str, value: str | None, origin: str) -> None:
        """Set a metadata field unless a more trusted origin already set it.

        Trust order: manifest > file (HTML/JSON/Telegram fields) > text (header lines).
        """
        if not value:
            return
        rank = {"manifest": 3, "file": 2, "text": 1}
        if rank.get(self.meta_from.get(key, ""), 0) > rank[origin]:
            return
        self.meta[key] = value
        self.meta_from[key] = origin

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
