"""CSV downloads of the API's tables: one row per item, nested values as JSON in their cell.

A cell that a spreadsheet would read as a formula (text starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return) is prefixed with an apostrophe, so that opening a download made from
hostile documents cannot run anything. Numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from storylens.store.queries import Page

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def csv_page(page: Page) -> str:
    """The items of a page as CSV, columns in the order the items first name them."""
    columns: dict[str, None] = {}
    for item in page.items:
        columns.update(dict.fromkeys(item))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(list(columns))
    for item in page.items:
        writer.writerow([_cell(item.get(c)) for c in columns])
    return out.getvalue()
