"""Numeric claims aligned across sources: which figures count the same thing, and do they agree?

Blocking keeps this linear in the number of claims: only claims with the same measure and
scope (place, or a counted group such as "security forces") are ever compared, and within a
block figures more than ``PARTIAL_RATIO`` apart are split off as partial counts (a city, a
court, one day) rather than compared with the total.

Each claim becomes an interval from its hedge ("more than 160" → [160, 208]; "about 2,500"
→ [2,250, 2,750]; "as many as 3,000" → [2,850, 3,000]); two claims are compatible when their
intervals overlap. A block's verdict:

- **single_source** — every figure comes from one source (its attribution, else its document);
- **conflict** — two incompatible figures with the same or an unknown date;
- **evolving** — incompatible figures only ever differ in their dates (a count that moved);
- **agree** — all figures compatible.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from storylens.doc import Annotations, Claim

if TYPE_CHECKING:
    from storylens.relate import CorpusView

PARTIAL_RATIO = 3.0

# Hedge words → (low factor, high factor) applied to the stated figure.
HEDGE_FACTORS: list[tuple[tuple[str, ...], tuple[float, float]]] = [
    (("more than", "over", "at least", "upwards of", "in excess of", "свыше", "более", "больше", "не менее",
      "понад", "більше"), (1.0, 1.3)),
    (("as many as", "up to", "almost", "nearly", "less than", "under", "fewer than", "почти", "около до",
      "до", "менее", "меньше", "не более", "майже", "близько до"), (0.95, 1.0)),
    (("about", "around", "approximately", "roughly", "some", "an estimated", "nearly about", "около", "примерно",
      "порядка", "приблизительно", "близько", "приблизно"), (0.9, 1.1)),
]


@dataclass
class AlignedClaim:
    """A claim with what alignment needs: an id, the source voice and the date it speaks for."""

    id: str
    doc: str
    source: str  # attribution if the text gives one, else the document's source
    doc_source: str
    measure: str
    unit: str
    value: float | None
    lo: float | None
    hi: float | None
    hedge: str | None
    where: str | None
    date: str | None  # as_of, else a date in the sentence, else the document's date (YYYY-MM-DD)
    role: str | None = None  # "before"/"after" for the two ends of a change ("from 60 to 120 tenge")

    @property
    def figure(self) -> float | None:
        return self.value if self.value is not None else (self.hi if self.hi is not None else self.lo)

    def interval(self) -> tuple[float, float]:
        if self.value is None:
            lo = self.lo if self.lo is not None else 0.0
            hi = self.hi if self.hi is not None else (self.lo or 0.0) * 1.3
            if self.lo is None and self.hi is not None:  # "up to 3,000": close to its bound
                lo = self.hi * 0.95
            return lo, hi
        hedge = (self.hedge or "").lower()
        for words, (low, high) in HEDGE_FACTORS:
            if any(hedge == w or hedge.startswith(w + " ") for w in words):
                return self.value * low, self.value * high
        if self.value >= 100 and self.value % 100 == 0:  # a round figure is itself approximate
            return self.value * 0.95, self.value * 1.05
        return self.value, self.value


def claim_id(doc_id: str, idx: int) -> str:
    """A claim's id in analysis.json and the web app: ``<document id>:<index in the document>``."""
    return f"{doc_id}:{idx}"


def claim_key(cid: str) -> tuple[str, int]:
    doc_id, idx = cid.rsplit(":", 1)
    return doc_id, int(idx)


def aligned_claims(view: CorpusView) -> Iterator[AlignedClaim]:
    """Every stored claim, as alignment sees it, streamed document by document."""
    for doc, ann in view.annotated():
        published = view.published.get(doc.id)
        source = view.source[doc.id]
        for i, c in enumerate(ann.claims):
            yield AlignedClaim(
                id=claim_id(doc.id, i), doc=doc.id, source=c.by or source, doc_source=source,
                measure=c.measure, unit=c.unit, value=c.value, lo=c.lo, hi=c.hi, hedge=c.hedge,
                where=_place_key(c.where), role=_change_role(c.qualifier),
                date=(c.as_of or _sentence_date(c, ann) or published or "")[:10] or None,
            )


def _change_role(qualifier: str | None) -> str | None:
    """The extractor marks the two ends of "from 60 to 120 tenge" as ``change: from``/``change: to``."""
    if qualifier and "change: from" in qualifier:
        return "before"
    if qualifier and "change: to" in qualifier:
        return "after"
    return None


def _sentence_date(claim: Claim, ann: Annotations) -> str | None:
    """The one day-level date mentioned in the claim's sentence, if there is exactly one."""
    days = {(d.value or "")[:10] for d in ann.dates
            if claim.sentence_start <= d.start < claim.sentence_end and d.value and len(d.value) >= 10}
    return days.pop() if len(days) == 1 else None


def _place_key(where: str | None) -> str | None:
    """One name for one place across spellings and scripts (Алматы = Almaty)."""
    if not where:
        return None
    from storylens.annotate.gazetteer import default_gazetteer

    entry = default_gazetteer().lookup(where)
    return entry.name if entry else where.strip()


GENERIC_UNITS = {"people", "persons", "troops", "personnel", "%", "percent"}


def scope_of(claim: AlignedClaim) -> str:
    if claim.where:
        scope = claim.where
    elif claim.unit and claim.unit.lower() not in GENERIC_UNITS and claim.measure in {"killed", "injured", "detained"}:
        scope = claim.unit  # e.g. killed, security forces
    else:
        scope = "total"
    return f"{scope}, {claim.role} the change" if claim.role else scope


def compatible(a: AlignedClaim, b: AlignedClaim) -> bool:
    (alo, ahi), (blo, bhi) = a.interval(), b.interval()
    return alo <= bhi and blo <= ahi


def align(claims: Iterable[AlignedClaim]) -> list[dict]:
    """Claim groups in the analysis schema's ``claim_groups`` shape, largest first."""
    blocks: dict[tuple[str, str, str], list[AlignedClaim]] = defaultdict(list)
    for claim in claims:
        if claim.figure is None:
            continue
        blocks[(claim.measure, scope_of(claim), _unit_family(claim.unit))].append(claim)
    groups = []
    for (measure, scope, _), members in blocks.items():
        for part, subset in enumerate(_split_partial_counts(members)):
            label = scope if part == 0 else f"{scope}, partial count (~{_fmt(subset[0].figure)})"
            status, explanation = verdict(subset)
            groups.append({
                "id": "",
                "measure": measure,
                "scope": label,
                "unit": subset[0].unit,
                "status": status,
                "explanation": explanation,
                "members": [c.id for c in subset],
                "sources": sorted({c.doc_source for c in subset}),
            })
    groups.sort(key=lambda g: (-len(g["sources"]), -len(g["members"]), g["measure"], g["scope"]))
    for i, group in enumerate(groups, 1):
        group["id"] = f"g{i}"
    return groups


def _unit_family(unit: str) -> str:
    return "people" if unit.lower() in GENERIC_UNITS else unit.lower()


def _split_partial_counts(members: list[AlignedClaim]) -> list[list[AlignedClaim]]:
    """The largest figure and every figure within PARTIAL_RATIO of it form the main part; the rest
    is split the same way. (Measured from the top, so 1,743 → 5,000 → 7,939 cannot chain together.)"""
    rest = sorted(members, key=lambda c: -(c.figure or 0.0))
    parts = []
    while rest:
        top = rest[0].figure or 0.0
        part = [c for c in rest if (c.figure or 0.0) * PARTIAL_RATIO >= top]
        parts.append(part)
        rest = [c for c in rest if c not in part]
    return parts


def verdict(members: list[AlignedClaim]) -> tuple[str, str]:
    sources = {c.source for c in members}
    if len(sources) == 1:
        return "single_source", f"all {len(members)} figure(s) come from {next(iter(sources))}"
    dates = _dates_with_inferred(members)
    conflicts, moves = [], []
    for a, b in combinations(members, 2):
        if compatible(a, b):
            continue
        if dates[a.id] and dates[b.id] and dates[a.id] != dates[b.id]:
            moves.append((a, b) if dates[a.id] < dates[b.id] else (b, a))
        else:
            conflicts.append((a, b))
    if conflicts:
        a, b = conflicts[0]
        same_day = dates[a.id] and dates[a.id] == dates[b.id]
        return "conflict", (f"{_say(a)} and {_say(b)} cannot both hold"
                            + (f" at {dates[a.id]}" if same_day else " (no date separates them)"))
    if moves:
        steps = sorted({(dates[a.id], _say(a)) for a, _ in moves} | {(dates[b.id], _say(b)) for _, b in moves})
        return "evolving", "the figure moved over time: " + " → ".join(f"{say} on {date}" for date, say in steps)
    return "agree", "all figures are consistent, hedges included: " + "; ".join(_say(c) for c in members)


def _dates_with_inferred(members: list[AlignedClaim]) -> dict[str, str | None]:
    """Each claim's date; an undated figure takes the latest date of a dated figure it agrees with,
    so "7,939" with no date sits beside the dated "7,939" instead of conflicting with older counts."""
    dates = {c.id: c.date for c in members}
    dated = [c for c in members if c.date]
    for c in members:
        if not c.date:
            matches = sorted((d.date for d in dated if compatible(c, d)), reverse=True)
            dates[c.id] = matches[0] if matches else None
    return dates


def _say(claim: AlignedClaim) -> str:
    figure = f"{claim.hedge} {_fmt(claim.figure)}" if claim.hedge else _fmt(claim.figure)
    return f"{figure} ({claim.source})"


def _fmt(x: float | None) -> str:
    if x is None:
        return "?"
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"
