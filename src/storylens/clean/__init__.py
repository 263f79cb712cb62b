"""Cleaning: one raw document in, one cleaned :class:`~storylens.doc.Document` out.

The steps run in a fixed order, each one logging what it changed:
mojibake → boilerplate → repeats → metadata → whitespace, then structure
(kind, passages, sentences) and languages, which only label the text.
Near-duplicates need the whole corpus and are linked by :mod:`storylens.ingest`.
"""

from __future__ import annotations

import hashlib

from storylens.clean.boilerplate import CorpusLines, find_boilerplate
from storylens.clean.edits import remove_lines
from storylens.clean.language import label_passages
from storylens.clean.metadata import find_metadata, find_signature
from storylens.clean.mojibake import fix_mojibake
from storylens.clean.repeats import find_repeats, is_line_structured
from storylens.clean.segment import passages_of, sentences_of
from storylens.clean.whitespace import tidy_whitespace
from storylens.config import CleanSettings
from storylens.corpus.decode import REPAIRS_KEY, repairs_from_meta
from storylens.doc import Document, RawDocument

def document_id(raw: RawDocument) -> str:
    """Content hash: the same text read twice is the same document."""
    return hashlib.sha256(raw.text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def clean_document(raw: RawDocument, settings: CleanSettings, corpus: CorpusLines | None = None) -> Document:
    doc = Document(id=document_id(raw), origin=raw.origin, format=raw.format, raw_text=raw.text, text=raw.text)
    for key, value in raw.meta.items():
        if key != REPAIRS_KEY:
            doc.set_meta(key, value, "file")
    for key, value in raw.manifest.items():
        doc.set_meta(key, value, "manifest")
    # What reading repaired (bad bytes, NULs) comes first in the log; undo stops before it.
    doc.log = repairs_from_meta(raw.meta[REPAIRS_KEY]) if REPAIRS_KEY in raw.meta else []

    text, edits = fix_mojibake(raw.text)
    doc.log += edits
    signature = find_signature(text)
    line_structured = is_line_structured(text)
    text, edits = remove_lines(text, "boilerplate", find_boilerplate(text, settings, corpus))
    doc.log += edits
    text, edits = remove_lines(text, "repeats", find_repeats(text, line_structured))
    doc.log += edits
    header, moved = find_metadata(text) if not line_structured else ({}, [])
    text, edits = remove_lines(text, "metadata", moved)
    doc.log += edits
    text, edits = tidy_whitespace(text)
    doc.log += edits
    doc.text = text

    for key, value in {**signature, **header}.items():
        if key != "handle":
            doc.set_meta(key, value, "text")
    doc.kind = _kind(doc, line_structured, signature)
    if "source_type" not in doc.meta:
        doc.set_meta("source_type", {"thread": "forum", "post": "social"}.get(doc.kind), "text")
    doc.passages = passages_of(text, line_structured, doc.meta.get("title"),
                               settings.paragraph_max_chars, settings.paragraph_target_chars)
    doc.sentences = sentences_of(text, doc.passages)
    language = label_passages(text, doc.passages, settings.languages, settings.min_letters_for_language,
                              settings.corpus_languages)
    doc.set_meta("language", language, "text")
    return doc


def _kind(doc: Document, line_structured: bool, signature: dict[str, str]) -> str:
    if line_structured:
        return "thread"
    source_type = doc.meta.get("source_type", "")
    if source_type in {"telegram", "social", "twitter", "vk", "facebook"} or doc.format == "telegram":
        return "post"
    if source_type == "forum":
        return "thread"
    if "handle" in signature or (doc.format == "json" and len(doc.text) < 1500):
        return "post"
    return "article"
