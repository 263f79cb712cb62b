"""A timeline across sources: each day-level date mentioned, with what was said happened then.

Events come from the sentences that hold a normalised date (and from claims with an
"as of" date). Sentences about the same day are one timeline item with every source
that reports it; the item's summary is its shortest sentence, the most headline-like.
Dates outside the main story's period (with a margin) are left out, so a passing
reference to 1999 does not stretch the chart.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storylens.relate import CorpusView

MAX_EVIDENCE = 12


def dated_sentences(view: CorpusView, ids: Iterable[str]) -> list[dict]:
    """Each sentence of ``ids`` holding a day-level date, as ``build_timeline`` items."""
    items = []
    for doc, ann in view.annotated(ids):
        starts = [s.start for s in doc.sentences]
        for d in ann.dates:
            value = d.value or d.lo
            if not value or len(value) < 10:
                continue
            k = bisect.bisect_right(starts, d.start) - 1
            if k < 0:
                continue
            s = doc.sentences[k]
            items.append({"date": value[:10], "doc": doc.id, "start": s.start, "end": s.end,
                          "text": doc.text[s.start:s.end], "source": view.source[doc.id]})
    return items


def build_timeline(items: list[dict], period: tuple[str | None, str | None] = (None, None),
                   margin_days: int = 45) -> list[dict]:
    """``items``: {date (YYYY-MM-DD), doc, start, end, text, source} → timeline entries by date."""
    lo, hi = _bounds(period, margin_days)
    by_day: dict[str, list[dict]] = defaultdict(list)
    for item in items:
        day = item["date"]
        if len(day) != 10 or (lo and day < lo) or (hi and day > hi):
            continue
        by_day[day].append(item)
    timeline = []
    for day in sorted(by_day):
        seen = set()
        evidence = []
        for item in sorted(by_day[day], key=lambda i: len(i["text"])):
            key = (item["doc"], item["start"])
            if key in seen:
                continue
            seen.add(key)
            evidence.append({k: item[k] for k in ("doc", "start", "end", "text", "source")})
        timeline.append({
            "date": day,
            "end": None,
            "summary": evidence[0]["text"],
            "sources": sorted({e["source"] or e["doc"] for e in evidence}),
            "evidence": evidence[:MAX_EVIDENCE],
        })
    return timeline


def _bounds(period: tuple[str | None, str | None], margin_days: int) -> tuple[str | None, str | None]:
    start, end = period
    try:
        lo = (date.fromisoformat(start[:10]) - timedelta(days=margin_days)).isoformat() if start else None
        hi = (date.fromisoformat(end[:10]) + timedelta(days=margin_days)).isoformat() if end else None
    except ValueError:
        return None, None
    return lo, hi
