"""Query parameters, checked before anything runs: a bad one is a 400 with a message, never a 500.

Every endpoint declares the parameters it takes; an unknown name, a value that is too long, a
number out of range or a choice not on the list is refused with a sentence that says what to
send instead. Lengths and page sizes are bounded here (ServeSettings), which bounds the cost of
every query behind them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from storylens.config import ServeSettings

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class BadRequest(Exception):
    """A request the server will not answer as sent; ``status`` is the HTTP status to reply with."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass
class Params:
    """The query parameters of one request, read through typed accessors that validate them."""

    raw: Mapping[str, str]
    settings: ServeSettings

    def only(self, allowed: Iterable[str]) -> Params:
        allowed = set(allowed) | {"format"}
        unknown = sorted(set(self.raw) - allowed)
        if unknown:
            raise BadRequest(f"unknown parameter {unknown[0]!r}; this endpoint takes "
                             + ", ".join(sorted(allowed)))
        return self

    def text(self, name: str, required: bool = False) -> str | None:
        value = self.raw.get(name)
        if value is not None:
            value = value.strip()
        if not value:
            if required:
                raise BadRequest(f"parameter {name!r} is required")
            return None
        if len(value) > self.settings.max_param_chars:
            raise BadRequest(f"parameter {name!r} is {len(value)} characters long; the limit is "
                             f"{self.settings.max_param_chars}")
        if "\x00" in value:
            raise BadRequest(f"parameter {name!r} contains a NUL character")
        return value

    def integer(self, name: str, default: int, low: int, high: int) -> int:
        value = self.raw.get(name)
        if value is None or value.strip() == "":
            return default
        try:
            number = int(value)
        except ValueError:
            raise BadRequest(f"parameter {name!r} must be a whole number, not {value[:40]!r}") from None
        if not low <= number <= high:
            raise BadRequest(f"parameter {name!r} must be between {low:,} and {high:,}")
        return number

    def choice(self, name: str, options: Iterable[str], default: str | None = None) -> str | None:
        options = list(options)
        value = self.text(name)
        if value is None:
            return default
        if value not in options:
            raise BadRequest(f"parameter {name!r} must be one of: {', '.join(options)}")
        return value

    def flag(self, name: str) -> bool | None:
        value = self.text(name)
        if value is None:
            return None
        if value.lower() in ("1", "true", "yes"):
            return True
        if value.lower() in ("0", "false", "no"):
            return False
        raise BadRequest(f"parameter {name!r} must be 1 or 0 (true or false)")

    def day(self, name: str) -> str | None:
        value = self.text(name)
        if value is not None and not _DATE.fullmatch(value):
            raise BadRequest(f"parameter {name!r} must be a date written YYYY-MM-DD")
        return value

    def page(self, default_limit: int | None = None) -> tuple[int, int]:
        """``limit`` and ``offset`` (the JSON API's paging; a CSV download may take a longer page)."""
        most = self.settings.max_csv_rows if self.format() == "csv" else self.settings.max_page_size
        limit = self.integer("limit", default_limit or self.settings.page_size, 1, most)
        return limit, self.integer("offset", 0, 0, self.settings.max_offset)

    def page_number(self, size: int) -> tuple[int, int]:
        """``page`` (from 0: the web app's paging) as ``limit`` and ``offset``."""
        page = self.integer("page", 0, 0, self.settings.max_offset // size)
        return size, page * size

    def format(self) -> str:
        return self.choice("format", ("json", "csv"), "json")
