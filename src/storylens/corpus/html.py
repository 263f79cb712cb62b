"""Main text and metadata of an HTML page, via trafilatura.

Scripts, styles, navigation, cookie banners and comment sections are left out by
the extractor; what remains is plain text, never markup.
"""

from __future__ import annotations

import trafilatura

from storylens.doc import RawDocument

_META = {"title": "title", "author": "author", "sitename": "source", "date": "published", "url": "url"}


def read_html(origin: str, html: str) -> RawDocument | None:
    """Return the page's main text with its metadata, or None when the page has no main text."""
    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None:
        return None
    fields = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (fields.get("text") or "").strip()
    if not text:
        return None
    # trafilatura separates blocks by one newline; storylens paragraphs are blank-line separated.
    text = "\n\n".join(line for line in text.split("\n") if line.strip())
    meta = {ours: str(fields[theirs]) for theirs, ours in _META.items() if fields.get(theirs)}
    if fields.get("language"):
        meta["language"] = str(fields["language"])
    return RawDocument(origin=origin, text=text, format="html", meta=meta)
