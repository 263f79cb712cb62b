"""Metadata written into the text itself: header lines, bylines, signatures.

Header lines that only carry metadata ("Author : …", "Source : …", a time stamp, a
byline) move into the document's metadata and out of its text; the title line stays in
the text, because it is part of what the source says. Signatures at the end
("© [Channel](https://t.me/channel)", "For more X analyses…") are read, not removed:
the boilerplate step decides about them.
"""

from __future__ import annotations

import re
from datetime import datetime

from storylens.clean.edits import Line, last_lines, lines

_MONTHS = {
    **{m: i for i, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september",
         "october", "november", "december"], 1)},
    **{m[:3]: i for i, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september",
         "october", "november", "december"], 1)},
    "sept": 9,
    **{m: i for i, m in enumerate(
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
         "октября", "ноября", "декабря"], 1)},
    **{m: i for i, m in enumerate(
        ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
         "жовтня", "листопада", "грудня"], 1)},
    **{m: i for i, m in enumerate(
        ["ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie",
         "octombrie", "noiembrie", "decembrie"], 1)},
}
_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_TIME = r"(?P<hour>\d{1,2}):(?P<minute>\d{2})"
_DATE_FORMS = [
    re.compile(rf"^{_TIME},?\s+(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})$"),
    re.compile(rf"^(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})(\s*(г\.|года|year))?(,?\s+(at\s+)?{_TIME})?$"),
    re.compile(rf"^{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})(,?\s+(at\s+)?{_TIME})?$"),
    re.compile(rf"^(?P<year>\d{{4}})-(?P<mon>\d{{2}})-(?P<day>\d{{2}})([T ]{_TIME}(:\d{{2}})?)?$"),
    re.compile(rf"^(?P<day>\d{{1,2}})\.(?P<mon>\d{{1,2}})\.(?P<year>\d{{4}})(,?\s+{_TIME})?$"),
]
_KEY_VALUE = re.compile(
    r"^\s*(?P<key>author|by|written by|автор|автори|source|источник|джерело|published|date|updated|"
    r"опубликовано|дата|title|заголовок)\s*:\s*(?P<value>\S.{0,150})$",
    re.IGNORECASE,
)
_KEYS = {
    "author": "author", "by": "author", "written by": "author", "автор": "author", "автори": "author",
    "source": "source", "источник": "source", "джерело": "source",
    "published": "published", "date": "published", "updated": "published", "опубликовано": "published",
    "дата": "published", "title": "title", "заголовок": "title",
}
_NAME = r"[^\W\d_][\w'’.-]+(?:\s+[^\W\d_][\w'’.-]+){1,3}"
_BYLINE = re.compile(rf"^\W*(?:[\w-]+\s+){{0,3}}[\w-]+\s*/\s*(?P<name>{_NAME})\s*$")
_BY = re.compile(rf"^\s*(?:by|от|автор)\s+(?P<name>{_NAME})\s*$", re.IGNORECASE)
_SIGNATURE = re.compile(r"^\s*(?:©|\(c\))\s*\[?(?P<name>[^\]\[()\n]{2,60}?)\]?\s*(?:\((?P<url>https?://[^\s)]+)\))?\s*$")
_PROMO = re.compile(
    r"^\s*[Ff]or more (?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}) "
    r"(?:analys[ie]s|articles|stories|reports|news|coverage|content|fact-checks)\b"
)
_HANDLE = re.compile(r"^\s*@(?P<handle>[A-Za-z][\w]{3,31})\s*$")


def parse_date_line(text: str) -> str | None:
    """An ISO date or date-time when the whole line is a date stamp, else None."""
    text = text.strip().rstrip(".")
    for form in _DATE_FORMS:
        m = form.match(text)
        if not m:
            continue
        parts = m.groupdict()
        month = int(parts["mon"]) if parts.get("mon") else _MONTHS.get((parts.get("month") or "").lower())
        if not month:
            continue
        try:
            stamp = datetime(int(parts["year"]), month, int(parts["day"]),
                             int(parts.get("hour") or 0), int(parts.get("minute") or 0))
        except ValueError:
            continue
        return stamp.strftime("%Y-%m-%dT%H:%M") if parts.get("hour") else stamp.strftime("%Y-%m-%d")
    return None


# The header ends at the first long line, or after this many lines that are not metadata.
# Counting only non-metadata lines keeps cleaning idempotent: removing metadata lines
# does not pull later lines into the header on a second pass.
HEADER_PLAIN_LINES = 6


def find_metadata(text: str) -> tuple[dict[str, str], list[tuple[Line, str]]]:
    """Metadata found in the header, and the header lines that held nothing but metadata."""
    all_lines = list(lines(text))
    meta: dict[str, str] = {}
    moved: list[tuple[Line, str]] = []
    plain = 0
    for line in all_lines:
        stripped = line.text.strip()
        if not stripped:
            continue
        if len(stripped.split()) > 25:
            break
        found = _metadata_line(stripped, meta)
        if found:
            moved.append((line, f"metadata line ({found})"))
            continue
        plain += 1
        if plain >= HEADER_PLAIN_LINES:
            break
    title = _title(all_lines, {line.start for line, _ in moved})
    if title:
        meta.setdefault("title", title)
    return meta, moved


def _metadata_line(stripped: str, meta: dict[str, str]) -> str | None:
    """If the line only carries metadata, record it in ``meta`` and return the field name."""
    kv = _KEY_VALUE.match(stripped)
    if kv:
        key = _KEYS[kv.group("key").lower()]
        value = kv.group("value").strip()
        if key == "published":
            value = parse_date_line(value) or value
        meta.setdefault(key, value)
        return key
    stamp = parse_date_line(stripped)
    if stamp:
        meta.setdefault("published", stamp)
        return "published"
    byline = _BYLINE.match(stripped) or _BY.match(stripped)
    if byline and "author" not in meta and _is_name(byline.group("name")):
        meta["author"] = byline.group("name").strip()
        return "author byline"
    return None


def _is_name(text: str) -> bool:
    return all(part[0].isupper() for part in text.split())


def _title(all_lines: list[Line], moved_starts: set[int]) -> str | None:
    """The first line, when it reads like a headline and stands alone."""
    first = next((ln for ln in all_lines if ln.text.strip() and ln.start not in moved_starts), None)
    if first is None:
        return None
    words = first.text.split()
    stripped = first.text.strip()
    if not 2 <= len(words) <= 30 or stripped.endswith((".", ",", ";", ":")):
        return None
    index = all_lines.index(first)
    following = all_lines[index + 1] if index + 1 < len(all_lines) else None
    if following is not None and following.text.strip() and following.start not in moved_starts:
        return None  # part of a block of lines, not a headline
    return stripped.lstrip("#").strip() or None


def find_signature(text: str) -> dict[str, str]:
    """Who published the text, from a sign-off: a © line, a channel handle, a "For more X …" line."""
    meta: dict[str, str] = {}
    for line in reversed(last_lines(text, 40)):
        stripped = line.text.strip()
        sig = _SIGNATURE.match(stripped)
        if sig and "source" not in meta:
            meta["source"] = sig.group("name").strip()
            if sig.group("url"):
                meta["url"] = sig.group("url")
                if "://t.me/" in sig.group("url"):
                    meta["source_type"] = "telegram"
            continue
        promo = _PROMO.match(stripped)
        if promo and "source" not in meta:
            meta["source"] = promo.group("name")
            continue
        handle = _HANDLE.match(stripped)
        if handle:
            meta.setdefault("handle", "@" + handle.group("handle"))
    return meta
