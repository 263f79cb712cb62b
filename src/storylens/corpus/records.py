"""Documents inside JSON, JSON Lines and Telegram Desktop exports."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from storylens.config import ReadSettings
from storylens.doc import RawDocument


class BadRecords(ValueError):
    """The file is JSON but holds nothing we can read as documents."""


def read_json(origin: str, text: str, settings: ReadSettings) -> Iterator[RawDocument]:
    """A Telegram export, a list of records, an object holding a list, or one record."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadRecords(f"invalid JSON (line {exc.lineno}: {exc.msg})") from None
    if isinstance(data, dict) and isinstance(data.get("messages"), list):
        yield from read_telegram(origin, data)
        return
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        records = lists[0] if lists and _text_of(data, settings) is None else [data]
    elif isinstance(data, list):
        records = data
    else:
        raise BadRecords("JSON holds neither an object nor a list of records")
    yield from _records(origin, records, settings)


def read_jsonl(origin: str, text: str, settings: ReadSettings,
               bad_lines: list[tuple[int, str]] | None = None) -> Iterator[RawDocument]:
    """One record per line. Bad lines go to ``bad_lines`` (when given) and the rest is read;
    a file with no good line at all, or any bad line when ``bad_lines`` is None, raises BadRecords."""
    records = []
    problems: list[tuple[int, str]] = []
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except (json.JSONDecodeError, RecursionError) as exc:
            why = f"invalid JSON on line {lineno} ({getattr(exc, 'msg', 'nested too deeply')})"
            if bad_lines is None:
                raise BadRecords(why) from None
            problems.append((lineno, why))
    if problems and not records:
        more = f" (and {len(problems) - 1} more bad lines)" if len(problems) > 1 else ""
        raise BadRecords(problems[0][1] + more)
    yield from _records(origin, records, settings)
    if bad_lines is not None:
        shown = 20
        bad_lines.extend(problems[:shown])
        if len(problems) > shown:
            bad_lines.append((problems[shown][0], f"and {len(problems) - shown} more bad lines after this one"))


def _records(origin: str, records: list[Any], settings: ReadSettings) -> Iterator[RawDocument]:
    found = False
    for i, record in enumerate(records):
        if not isinstance(record, dict):
            continue
        text = _text_of(record, settings)
        if not text:
            continue
        found = True
        meta = {}
        for key, names in settings.meta_fields.items():
            value = next((record[n] for n in names if record.get(n) not in (None, "")), None)
            if isinstance(value, (str, int, float)):
                meta[key] = str(value)
        yield RawDocument(origin=f"{origin}#{i}", text=text, format="json", meta=meta)
    if not found:
        tried = ", ".join(settings.text_fields)
        raise BadRecords(f"no record has a text field (tried: {tried}); name yours with --text-field")


def _text_of(record: dict[str, Any], settings: ReadSettings) -> str | None:
    for name in settings.text_fields:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def read_telegram(origin: str, export: dict[str, Any]) -> Iterator[RawDocument]:
    """Each message of a Telegram Desktop export (``result.json``) is a document."""
    channel = str(export.get("name") or "")
    username = str(export.get("username") or "").lstrip("@")
    for message in export["messages"]:
        if not isinstance(message, dict) or message.get("type", "message") != "message":
            continue
        text = flatten_telegram_text(message.get("text", ""))
        if not text.strip():
            continue
        meta = {"source_type": "telegram"}
        if channel:
            meta["source"] = channel
        if message.get("date"):
            meta["published"] = str(message["date"])
        if message.get("from") and message.get("from") != channel:
            meta["author"] = str(message["from"])
        if username and message.get("id") is not None:
            meta["url"] = f"https://t.me/{username}/{message['id']}"
        yield RawDocument(origin=f"{origin}#{message.get('id', '')}", text=text, format="telegram", meta=meta)


def flatten_telegram_text(value: Any) -> str:
    """Telegram stores formatted text as a list of strings and entity objects; keep the words."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(part if isinstance(part, str) else str(part.get("text", "")) for part in value
                       if isinstance(part, (str, dict)))
    return ""
