"""Numeric claims aligned across sources: which figures count the same thing in the same scope, and do
they agree?

A **series** is every figure of one kind (count, percent, money, …) with the same canonical measure, unit
family, place, subgroup (children, security forces…), subject (whose age) and event (an off-event
document's story is another event). Figures an order of magnitude apart with nothing in between are not
the same count (``GAP_RATIO``), and a figure a document gives beside a much larger one from another source (``PARTIAL_RATIO``; a court's
arrests beside the ministry's national total) is a partial count: both start series of their own.
Blocking keeps this linear in the number of claims: only figures of one scope are ever compared.

Each claim becomes an interval from its hedge ("more than 160" → [160, 208]; "about 2,500" → [2,250,
2,750]; "as many as 3,000" → [2,850, 3,000]); two claims are compatible when their intervals overlap
(miles and kilometres, years and days, compared in one unit). A series' verdict:

- **single_source** — every figure comes from one voice;
- **conflict** — two incompatible figures speak for the same or an unknown date;
- **evolving** — incompatible figures are separated by their dates (a count that moved), an undated figure
  lying inside the range the dated ones moved through;
- **agree** — all figures compatible.

Within a series, figures that agree with each other (a connected run of compatible intervals from two or
more voices) and figures one document sets against each other are shown as groups of their own, marked
``part_of`` the series: "the official toll rose from 16 to 2,975" and "the Harvard estimates agree".
Agreeing runs overlap (an exact figure inside many hedged ones starts one), so the parts of one series
hold at most ``PARTS_BUDGET`` times its figures, the best-supported first.
Republications (near-duplicate documents) are one voice, shown as ``republished_by``.
"""

from __future__ import annotations

import heapq
import re

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np

from storylens.annotate.claims import person_key
from storylens.doc import Annotations, Claim, Document

if TYPE_CHECKING:
    from storylens.relate import CorpusView

PARTIAL_RATIO = 3.0  # a document's figure this many times smaller than another of the same scope is a part
GAP_RATIO = 10.0  # figures an order of magnitude apart, with none in between, are not the same count
PARTS_BUDGET = 3.0  # the agreeing parts of a series hold at most this many times its figures in all

# Hedge words → (low factor, high factor) applied to the stated figure.
HEDGE_FACTORS: list[tuple[str, tuple[float, float]]] = [
    ("lower", (1.0, 1.3)),
    ("upper", (0.95, 1.0)),
    ("approx", (0.9, 1.1)),
]
# Kinds of figures whose true value does not change over the days a corpus covers.
STATIC_KINDS = {"measurement", "date"}
# Durations in days, so that "eight years" and "96 months" compare.
TIME_FACTORS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 365.25 / 12,
                "year": 365.25, "decade": 3652.5, "century": 36525.0}


@dataclass
class AlignedClaim:
    """A claim with what alignment needs: an id, its voice, its scope and the date it speaks for."""

    id: str
    doc: str
    source: str  # the voice: attribution if the text gives one, else the outlet
    doc_source: str
    measure: str
    unit: str
    value: float | None
    lo: float | None
    hi: float | None
    hedge: str | None
    where: str | None = None
    date: str | None = None  # as_of, else a date in the sentence, else the document's date (YYYY-MM-DD)
    role: str | None = None  # "before"/"after" for the two ends of a change ("from 60 to 120 tenge")
    kind: str = "count"
    subgroup: str | None = None
    subject: str | None = None
    event: str | None = None  # None: the corpus's main story; else the story of an off-event document
    origin: str | None = None  # the first copy, when the document republishes another
    factor: float = 1.0  # to the base unit of the unit family (miles → km)
    place_name: str | None = None  # the place as written, for display

    @property
    def figure(self) -> float | None:
        x = self.value if self.value is not None else (self.hi if self.hi is not None else self.lo)
        return None if x is None else x * self.factor

    @property
    def voice(self) -> str:
        """Who speaks: a republished copy speaks with the voice of its first copy."""
        return f"{self.source}@{self.origin}" if self.origin and self.source == self.doc_source else self.source

    @cached_property
    def interval(self) -> tuple[float, float]:
        """The figure as the range its hedge allows, in the unit family's base unit (computed once:
        alignment asks for it in every sort and comparison)."""
        f = self.factor
        if self.value is None:
            lo = self.lo if self.lo is not None else 0.0
            hi = self.hi if self.hi is not None else (self.lo or 0.0) * 1.3
            if self.lo is None and self.hi is not None:  # "up to 3,000": close to its bound
                lo = self.hi * 0.95
            return lo * f, hi * f
        kind = hedge_kind(self.hedge)
        for name, (low, high) in HEDGE_FACTORS:
            if kind == name:
                return self.value * low * f, self.value * high * f
        if self.kind not in ("date", "age") and self.value >= 100 and self.value % 100 == 0:
            return self.value * 0.95 * f, self.value * 1.05 * f  # a round figure is itself approximate
        if self.kind == "percent" and self.value >= 10 and self.value % 5 == 0:
            return self.value - 2.5, self.value + 2.5  # "90%": to the nearest five points
        return self.value * f, self.value * f


def hedge_kind(hedge: str | None) -> str | None:
    """lower / upper / approx for a hedge phrase of any language (None: no hedge or a range lead)."""
    if not hedge:
        return None
    from storylens.annotate.numbers import hedge_kinds

    return hedge_kinds().get(hedge.lower().replace("’", "'"))


def claim_id(doc_id: str, idx: int) -> str:
    """A claim's id in analysis.json and the web app: ``<document id>:<index in the document>``."""
    return f"{doc_id}:{idx}"


def claim_key(cid: str) -> tuple[str, int]:
    doc_id, idx = cid.rsplit(":", 1)
    return doc_id, int(idx)


# --- from the store -------------------------------------------------------------------------------------


@dataclass
class ClaimGroupSettings:
    """How figures are grouped."""

    # Figures from documents whose main subject is another event (the stories step's off-event documents)
    # group only with figures of that event.
    event_scope: bool = True


def aligned_claims(view: CorpusView, settings: ClaimGroupSettings | None = None) -> list[AlignedClaim]:
    """Every stored claim, as alignment sees it, read from the store in one pass. A figure placed in the
    place the corpus is about (the place most of its documents name) has the scope of an unplaced one: in a
    corpus about Puerto Rico, "16 deaths" and "16 deaths in Puerto Rico" count the same thing."""
    settings = settings or ClaimGroupSettings()
    stories = {d: story for d, (story, _, _) in view.store.document_relations().items()}
    off_event = view.off_event if settings.event_scope else set()
    main = _MainPlace()
    events: Counter = Counter()  # named events (EVENT entities): in how many documents of the main story
    on_event = 0
    sentences: dict[str, str] = {}  # an off-event document's figure → its sentence
    references: list[tuple[AlignedClaim, str, str]] = []  # a figure, the event its paragraph last named, the text since
    out = []
    for doc, ann in view.annotated():
        if doc.id not in view.off_event:
            main.count(doc, ann)
            on_event += 1
            events.update({m.text for m in ann.entities if m.label == "EVENT"})
        published = view.published.get(doc.id)
        source = view.source[doc.id]
        event = stories.get(doc.id) or doc.id if doc.id in off_event else None
        places = _entity_keys(ann, "LOC")
        people = _entity_keys(ann, "PER") | _entity_keys(ann, "ORG")  # whose age; whose deal
        for i, c in enumerate(ann.claims):
            out.append(align_one(c, claim_id(doc.id, i), doc, ann, source, published, event, places, people))
            if event is not None:
                sentences[out[-1].id] = doc.text[c.sentence_start:c.sentence_end]
        if event is None and ann.claims:
            references += event_references(doc, ann, out[len(out) - len(ann.claims):])
    keys = main.keys()
    for aligned in out:
        if aligned.where is not None and aligned.where in keys:
            aligned.where = aligned.place_name = None
    named = main_event(events, on_event)
    rejoin_main_event(out, sentences, named)
    separate_other_events(references, named)
    return out


def main_event(events: Counter, documents: int) -> re.Pattern | None:
    """The event the corpus is about: a named event (EVENT entity) at least half of the main story's
    ``documents`` name (``events``: in how many each), as a pattern of its distinctive last word ("Hurricane
    Maria" → "Maria"); None without one."""
    if not events or not documents:
        return None
    name, count = events.most_common(1)[0]
    words = re.findall(r"[^\W\d_]+", name)
    if count * 2 < documents or not words:
        return None
    return re.compile(rf"(?<!\w){re.escape(words[-1])}(?!\w)")


def rejoin_main_event(claims: list[AlignedClaim], sentences: dict[str, str], named: re.Pattern | None) -> None:
    """A figure an off-event document gives about the event the corpus is about, naming it (``named``:
    :func:`main_event`) in its sentence ("… held that Maria 'killed at least 4,636'"), is the main story's."""
    if named is None:
        return
    for c in claims:
        if c.event is not None and c.id in sentences and named.search(sentences[c.id]):
            c.event = None


def event_references(doc: Document, ann: Annotations, aligned: list[AlignedClaim]) -> list[tuple[AlignedClaim, str, str]]:
    """The figures of ``doc`` (``aligned``, in the order of ``ann.claims``) whose sentence names no event but
    refers to one by a kind noun ("the storm", «теракт»; ``event_nouns`` in ``claim_cues.json``), each with
    the named event its paragraph last named before that sentence and the text from that name to the
    sentence's end: a reference reads back to the nearest name."""
    code = doc.meta.get("language") or ""
    nouns, determiners = _event_words(code)
    named = _named_events(doc, ann, nouns, code)
    if not named:
        return []
    out = []
    for c, a in zip(ann.claims, aligned):
        passage = next((p for p in doc.passages if p.start <= c.sentence_start < p.end), None)
        lo = passage.start if passage else 0
        before = [(s, name) for s, name in named if lo <= s < c.sentence_end]
        if not before or before[-1][0] >= c.sentence_start:
            continue  # no name in the paragraph before, or the sentence names its own event
        if _refers_to_event(doc.text[c.sentence_start:c.sentence_end], nouns, determiners, code):
            start, name = before[-1]
            out.append((a, name, doc.text[start:c.sentence_end]))
    return out


def separate_other_events(references: list[tuple[AlignedClaim, str, str]], named: re.Pattern | None) -> None:
    """A figure that refers to an event ("So far, 23 deaths have been linked to the storm.") right after its
    paragraph named another event than the corpus's (``named``: :func:`main_event`), with no mention of the
    corpus's event since, counts for that other event: another scope."""
    if named is None:
        return
    for claim, name, since in references:
        if claim.event is None and not named.search(since):
            claim.event = "named: " + " ".join(name.lower().split())


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@lru_cache(maxsize=16)
def _event_words(code: str) -> tuple[frozenset[str], frozenset[str]]:
    """The event nouns and the determiners that make them definite, of language ``code`` (every language's
    when it has none)."""
    from storylens import lang

    tables = [lang.cues(code, "claim_cues")] if lang.cues(code, "claim_cues") else list(lang.merged("claim_cues").values())
    nouns = frozenset(w.lower() for t in tables for w in t.get("event_nouns", []))
    determiners = frozenset(w.lower() for t in tables for w in t.get("event_determiners", []))
    return nouns, determiners


def _lemma(word: str, code: str) -> str:
    from storylens.annotate.syntax import SyntaxSettings, analyse

    settings = SyntaxSettings()
    if code in settings.natasha_languages or code in settings.morph_languages:
        return analyse(code, word)[0]
    return word.lower()


def _named_events(doc: Document, ann: Annotations, nouns: frozenset[str], code: str) -> list[tuple[int, str]]:
    """Where the document names an event, and the name: an EVENT entity, or a name with an event noun
    ("Hurricane X" even when the recogniser calls it a place)."""
    return [(m.start, m.text) for m in ann.entities
            if m.label == "EVENT" or any(_lemma(w, code) in nouns for w in _WORD.findall(m.text))]


def _refers_to_event(sentence: str, nouns: frozenset[str], determiners: frozenset[str], code: str) -> bool:
    """The sentence refers to an event by a kind noun: after a determiner, one word between at most ("the
    storm", "the deadly storm"), in a language with ``determiners``; bare in one without (Russian, Ukrainian)."""
    words = _WORD.findall(sentence)
    for i, w in enumerate(words):
        if _lemma(w, code) in nouns and (not determiners or any(
                words[j].lower() in determiners for j in range(max(0, i - 2), i))):
            return True
    return False


class _MainPlace:
    """The keys of the country most documents of the main story put something in ("in Puerto Rico", "в
    Пакистане"): a place named after a place preposition, so that a storm's name is not taken for one, and a
    country (or territory), so that the city the events centre on stays a scope of its own. Without a
    country, the most named place. Counted document by document (:meth:`count`)."""

    def __init__(self) -> None:
        from storylens.annotate.measures import lexicon

        self.preps = set(lexicon(None).cues.get("place_prepositions", []))
        self.counts: Counter = Counter()
        self.names: dict[str, set[str]] = defaultdict(set)
        self.country: dict[str, bool] = {}

    def count(self, doc: Document, ann: Annotations) -> None:
        from storylens.annotate.gazetteer import is_country

        seen = set()
        for m in ann.entities:
            words = doc.text[max(0, m.start - 12):m.start].lower().split()
            if m.label == "LOC" and words and words[-1] in self.preps:
                k = m.entity or _place_key(m.text)
                seen.add(k)
                self.names[k].update({m.entity, _place_key(m.text)} - {None})
                if k not in self.country:
                    self.country[k] = is_country(m.text)
        self.counts.update(seen)

    def keys(self) -> set[str]:
        if not self.counts:
            return set()
        ranked = [k for k, _ in self.counts.most_common()]
        top = next((k for k in ranked if self.country.get(k)), ranked[0])
        return self.names[top] | {top}


def align_one(c: Claim, cid: str, doc: Document, ann: Annotations, source: str, published: str | None,
              event: str | None, places: dict[str, str], people: dict[str, str]) -> AlignedClaim:
    """One claim as alignment sees it: its voice, scope key, unit family and date."""
    unit, factor = unit_family(c.kind, c.unit)
    subject = (people.get(c.subject) or person_key(c.subject)) if c.subject else None
    return AlignedClaim(
        id=cid, doc=doc.id, source=c.by or source, doc_source=source, measure=c.measure, unit=unit,
        value=c.value, lo=c.lo, hi=c.hi, hedge=c.hedge,
        where=(places.get(c.where) or _place_key(c.where)) if c.where else None, place_name=c.where,
        role=_change_role(c.qualifier), kind=c.kind, subgroup=c.subgroup, subject=subject, event=event,
        origin=doc.duplicate_of, factor=factor,
        date=(c.as_of if c.kind != "date" else None) or _sentence_date(c, ann) or published or None,
    )


def _entity_keys(ann: Annotations, label: str) -> dict[str, str]:
    """Mention text → canonical entity, so that Enerhodar and Energodar, Алматы and Almaty are one place."""
    out: dict[str, str] = {}
    for m in ann.entities:
        if m.label == label and m.entity:
            out.setdefault(m.text, m.entity)
    return out


def _change_role(qualifier: str | None) -> str | None:
    """The extractor marks the two ends of "from 60 to 120 tenge" as ``change: from``/``change: to``, and a
    change that is not a total ("rose by 3,000") as ``change by``."""
    if qualifier and "change: from" in qualifier:
        return "before"
    if qualifier and "change: to" in qualifier:
        return "after"
    if qualifier and "change by" in qualifier:
        return "change"
    return None


def _sentence_date(claim: Claim, ann: Annotations) -> str | None:
    """The one day-level date mentioned in the claim's sentence, if there is exactly one."""
    days = {(d.value or "")[:10] for d in ann.dates
            if claim.sentence_start <= d.start < claim.sentence_end and d.value and len(d.value) >= 10}
    return days.pop() if len(days) == 1 else None


def _place_key(where: str | None) -> str | None:
    """One name for one place across spellings, scripts and case forms (Алматы = Almaty)."""
    if not where:
        return None
    from storylens.annotate.gazetteer import default_gazetteer, key

    entry = default_gazetteer().lookup(where)
    if entry:
        return entry.name
    # Ukrainian г is h in Latin letters and Russian г is g (Enerhodar = Energodar), Є is ye or e
    return re.sub(r"^ye", "e", re.sub(r"(?<![kszct])h", "g", key(where)))


@lru_cache(maxsize=1)
def _measurements() -> dict[str, tuple[str, float]]:
    from storylens.annotate.measures import lexicon

    return lexicon(None).measurements


def unit_family(kind: str, unit: str | None) -> tuple[str, float]:
    """The unit figures are compared in, and the factor to it: ("miles") → ("km", 1.609)."""
    unit = unit or ""
    if kind == "measurement":
        base = _measurements().get(unit.lower())
        return (base[0], base[1]) if base else (unit, 1.0)
    if kind == "duration":
        return "day", TIME_FACTORS.get(unit, 1.0)
    if kind == "count":
        return "count", 1.0  # who is counted is in the subgroup
    return unit, 1.0


# --- alignment ---------------------------------------------------------------------------------------------


def scope_of(claim: AlignedClaim) -> str:
    """A readable scope: place, subgroup, subject, event, and the side of a change."""
    parts = [p for p in (claim.place_name or claim.where, claim.subgroup, claim.subject and f"of {claim.subject}",
                         claim.event and "another event") if p]
    scope = ", ".join(parts) or "total"
    return f"{scope}, {claim.role} the change" if claim.role else scope


def _block_key(c: AlignedClaim) -> tuple:
    if c.subject and c.kind in ("age", "duration"):  # a person's age, a person's years in prison
        return (c.kind, c.unit, c.subject, c.event, c.role)
    return (c.kind, c.measure, c.unit, c.where, c.subgroup, c.subject, c.event, c.role)


def _join_parties(blocks: dict[tuple, list[AlignedClaim]]) -> None:
    """A sum whose party the text does not name ("inked a $300 million contract") joins the one deal of a
    named party ("the $300 million contract with X") it is compatible with; with none or several, it stays
    apart. Two named parties' deals never meet: their sums are two things, not a conflict."""
    parties: dict[tuple, list[tuple]] = defaultdict(list)
    for key, members in blocks.items():
        if members[0].kind == "money" and members[0].subject:
            parties[_without_party(key)].append(key)
    for key in [k for k, members in blocks.items() if members[0].kind == "money" and not members[0].subject]:
        named = parties.get(_without_party(key))
        if not named:
            continue
        stay = []
        for c in blocks[key]:
            fits = [k for k in named if any(compatible(c, other) for other in blocks[k])]
            if len(fits) == 1:
                blocks[fits[0]].append(c)
            else:
                stay.append(c)
        if stay:
            blocks[key] = stay
        else:
            del blocks[key]


def _without_party(key: tuple) -> tuple:
    kind, measure, unit, where, subgroup, _subject, event, role = key
    return kind, measure, unit, where, subgroup, event, role


def compatible(a: AlignedClaim, b: AlignedClaim) -> bool:
    (alo, ahi), (blo, bhi) = a.interval, b.interval
    return alo <= bhi and blo <= ahi


def align(claims: Iterable[AlignedClaim]) -> list[dict]:
    """Claim groups in the analysis schema's ``claim_groups`` shape: series first, largest first, each followed
    by the groups that are part of it."""
    blocks: dict[tuple, list[AlignedClaim]] = defaultdict(list)
    for claim in claims:
        if claim.figure is None:
            continue
        blocks[_block_key(claim)].append(claim)
    _join_parties(blocks)
    series_groups = []
    for members in blocks.values():
        for part, subset in enumerate(_split(members)):
            series_groups.append((part, subset))
    series_groups.sort(key=lambda ps: (-len({c.voice for c in ps[1]}), -len(ps[1]), ps[1][0].measure,
                                       scope_of(ps[1][0])))
    groups = []
    for part, subset in series_groups:
        head = _group(subset, partial=part > 0)
        groups.append(head)
        for sub, status in _parts(subset):
            if len(sub) < len(subset):
                groups.append(_group(sub, status=status, part_of=head))
    for i, group in enumerate(groups, 1):
        group["id"] = f"g{i}"
    for group in groups:
        if "part_of" in group:
            group["part_of"] = group["part_of"]["id"]
    return groups


def _group(members: list[AlignedClaim], partial: bool = False, status: str | None = None,
           part_of: dict | None = None) -> dict:
    first = members[0]
    scope = scope_of(first)
    if partial:
        scope = f"{scope}, partial count (~{_fmt(first.figure)})"
    verdict_status, explanation = verdict(members)
    if status and verdict_status != "single_source":
        verdict_status = status
        if status == "conflict":
            explanation = "one document sets these figures against each other: " + "; ".join(_say(c) for c in members)
    group = {
        "id": "", "kind": first.kind, "measure": first.measure, "scope": scope, "unit": first.unit,
        "status": verdict_status, "explanation": explanation, "members": [c.id for c in members],
        "sources": sorted({c.doc_source for c in members}),
        "republished_by": sum(1 for c in members if c.origin),
    }
    if part_of is not None:
        group["part_of"] = part_of
    return group


def _split(members: list[AlignedClaim]) -> list[list[AlignedClaim]]:
    """The series of one block: an order-of-magnitude gap with no figure in between separates counts, and
    so does a partial count a document gives beside its total (exact figures, ``PARTIAL_RATIO`` apart)."""
    ordered = sorted(members, key=lambda c: c.interval[0])
    runs: list[list[AlignedClaim]] = [[ordered[0]]]
    reach = ordered[0].interval[1]
    for c in ordered[1:]:
        lo, hi = c.interval
        if reach > 0 and lo / reach >= GAP_RATIO:  # hedges count: "at least 45" and "as high as 450" are close
            runs.append([c])
            reach = hi
        else:
            runs[-1].append(c)
            reach = max(reach, hi)
    out = []
    for run in runs:
        run = sorted(run, key=lambda c: -(c.figure or 0.0))
        partial = set()
        by_doc: dict[str, list[AlignedClaim]] = defaultdict(list)
        for c in run:
            by_doc[c.doc].append(c)
        for big, small in (pair for same_doc in by_doc.values() for pair in combinations(same_doc, 2)):
            if (not hedge_kind(big.hedge) and not hedge_kind(small.hedge)
                    and small.source != small.doc_source and small.source != big.source
                    and (small.figure or 0.0) * PARTIAL_RATIO <= (big.figure or 0.0)):
                partial.add(small.id)  # "the courts arrested 1,743" beside the ministry's 7,939
        main = [c for c in run if c.id not in partial]
        out.append(main)
        rest = [c for c in run if c.id in partial]
        if rest:
            out += _split(rest)
    out.sort(key=lambda s: -(s[0].figure or 0.0))
    return [s for s in out if s]


def _parts(members: list[AlignedClaim]) -> list[tuple[list[AlignedClaim], str]]:
    """Groups inside a series: runs of mutually compatible figures from two or more voices (agree), and
    incompatible figures one document sets against each other (conflict)."""
    if len(members) < 3:
        return []
    out = _agreeing(members, PARTS_BUDGET * len(members))
    by_doc: dict[str, list[AlignedClaim]] = defaultdict(list)
    for c in members:
        by_doc[c.doc].append(c)
    for doc_claims in by_doc.values():
        clash = {x.id for a, b in combinations(doc_claims, 2) if not compatible(a, b) and a.voice != b.voice
                 for x in (a, b)}
        if len(clash) >= 2:
            out.append(([c for c in doc_claims if c.id in clash], "conflict"))
    return out


def _runs(ordered: list[AlignedClaim]) -> Iterator[tuple[dict[int, AlignedClaim], list[Counter]]]:
    """Each maximal run of mutually compatible figures (``ordered`` by lower bound) and the count of its
    documents, voices and outlets. A sweep: a figure that starts past the run's lowest upper bound ends
    the run, and what still agrees with it (upper bound not below its start) starts the next; the run is
    kept up to date figure by figure (a heap of upper bounds), never copied."""
    run: dict[int, AlignedClaim] = {}  # position -> figure, in order
    ends: list[tuple[float, int]] = []
    counts: list[Counter] = [Counter(), Counter(), Counter()]  # documents, voices, outlets

    def keys(c: AlignedClaim) -> tuple[str, str, str]:
        return c.doc, c.voice, c.doc_source

    for k, c in enumerate(ordered):
        lo, hi = c.interval
        if run and lo > ends[0][0]:
            yield run, counts
            while ends and ends[0][0] < lo:
                gone = run.pop(heapq.heappop(ends)[1])
                for n, key in zip(counts, keys(gone)):
                    n[key] -= 1
                    if not n[key]:
                        del n[key]
        run[k] = c
        heapq.heappush(ends, (hi, k))
        for n, key in zip(counts, keys(c)):
            n[key] += 1
    if run:
        yield run, counts


def _agreeing(members: list[AlignedClaim], budget: float) -> list[tuple[list[AlignedClaim], str]]:
    """The runs of mutually compatible figures that two reports support (two voices, or one voice carried
    by two outlets, in two documents), in order. Runs overlap: every exact figure inside many hedged
    ones ("7,939" among reports of "about 8,000") starts one, so the parts of a big series could repeat
    its figures hundreds of times. They hold at most ``budget`` figures in all: past it, the
    best-supported runs (most voices, then most figures) are kept. Two sweeps: one to choose, one to
    copy out the chosen runs, so the work is O(n log n) plus what is kept."""
    ordered = sorted(members, key=lambda c: c.interval[0])
    supported = [(k, len(run), len(voices)) for k, (run, (docs, voices, outlets)) in enumerate(_runs(ordered))
                 if len(docs) >= 2 and (len(voices) >= 2 or len(outlets) >= 2)]
    if sum(size for _, size, _ in supported) > budget:
        chosen, used = [], 0
        for k, size, _ in sorted(supported, key=lambda t: (-t[2], -t[1], t[0])):
            if used + size <= budget:
                chosen.append(k)
                used += size
        keep = set(chosen)
    else:
        keep = {k for k, _, _ in supported}
    return [(list(run.values()), "agree") for k, (run, _) in enumerate(_runs(ordered)) if k in keep]


def verdict(members: list[AlignedClaim]) -> tuple[str, str]:
    """Compares the series' distinct figures (interval, stated date, date used), not every pair of claims:
    news repeats its figures, so the work grows with the figures a series holds, not with its reports.
    Figures that all overlap agree at once (intervals on a line that meet pairwise share a point); else
    the first clash, in the series' order, ends the search."""
    voices = {c.voice for c in members}
    if len(voices) == 1:
        return "single_source", f"all {len(members)} figure(s) come from {members[0].source}"
    dates = _dates_with_inferred(members)
    figures: dict[tuple, list[AlignedClaim]] = {}
    for c in members:
        figures.setdefault((c.interval, c.date, dates[c.id]), []).append(c)
    keys = list(figures)
    if max(k[0][0] for k in keys) <= min(k[0][1] for k in keys):
        return "agree", "all figures are consistent, hedges included: " + "; ".join(_say(c) for c in members)
    clash, moves = _clashes(keys, figures, [c for c in members if c.date])
    if clash is not None:
        a, b = figures[keys[clash[0]]][0], figures[keys[clash[1]]][0]
        same_day = dates[a.id] and dates[a.id] == dates[b.id]
        return "conflict", (f"{_say(a)} and {_say(b)} cannot both hold"
                            + (f" at {dates[a.id]}" if same_day else " (no date separates them)"))
    if moves:
        steps = sorted({(dates[c.id], _say(c)) for k in moves for c in figures[keys[k]]})
        return "evolving", "the figure moved over time: " + " → ".join(f"{say} on {date}" for date, say in steps)
    return "agree", "all figures are consistent, hedges included: " + "; ".join(_say(c) for c in members)


def _clashes(keys: list[tuple], figures: dict[tuple, list[AlignedClaim]],
             dated: list[AlignedClaim]) -> tuple[tuple[int, int] | None, set[int]]:
    """The first pair of distinct figures (in the series' order) that conflict, or else every figure
    that takes part in a move. Two figures clash when their intervals are apart, unless one voice in
    one document gives both; a static figure (a distance, a date) never moves; an undated figure
    inside the range a dated series moved through clashes with nothing; dated figures apart in date
    move, others conflict. Each figure is compared with the later ones at once (numpy), and the scan
    stops at the first conflict: a series that conflicts costs a few rows, not all pairs."""
    lo = np.array([k[0][0] for k in keys])
    hi = np.array([k[0][1] for k in keys])
    voices: dict[tuple[str, str], int] = {}
    said = np.array([voices.setdefault(next(iter(s)), len(voices)) if len(s) == 1 else -1 - i
                     for i, s in enumerate({(c.voice, c.doc) for c in figures[k]} for k in keys)])
    order = {d: n for n, d in enumerate(sorted({k[2] for k in keys if k[2]}))}
    day = np.array([order[k[2]] if k[2] else -1 for k in keys])
    undated = np.array([not k[1] for k in keys])
    moving = len({c.date for c in dated}) >= 2
    if dated:
        dated_lo, dated_hi = min(d.interval[0] for d in dated), max(d.interval[1] for d in dated)
        inside = (dated_lo <= hi) & (lo <= dated_hi)
    else:
        inside = np.zeros(len(keys), dtype=bool)
    moves: set[int] = set()
    for i, key in enumerate(keys[:-1]):
        j = slice(i + 1, None)
        apart = ((lo[j] > hi[i]) | (lo[i] > hi[j])) & (said[j] != said[i])
        if not apart.any():
            continue
        if figures[key][0].kind in STATIC_KINDS:
            conflict = apart
        else:
            if moving:  # an undated figure inside the range a dated series moved through
                apart &= ~((undated[i] | undated[j]) & (inside[i] | ~undated[i]) & (inside[j] | ~undated[j]))
            move = apart & (day[i] >= 0) & (day[j] >= 0) & (day[j] != day[i])
            conflict = apart & ~move
            if move.any():
                moves.add(i)
                moves.update((i + 1 + np.flatnonzero(move)).tolist())
        if conflict.any():
            return (i, i + 1 + int(np.argmax(conflict))), moves
    return None, moves


def _dates_with_inferred(members: list[AlignedClaim]) -> dict[str, str | None]:
    """Each claim's date; an undated figure takes the latest date of a dated figure it agrees with,
    so "7,939" with no date sits beside the dated "7,939" instead of conflicting with older counts.
    One search per distinct undated interval, over the distinct dated intervals at once (numpy: the
    product of the two counts, in C)."""
    dates = {c.id: c.date for c in members}
    latest: dict[tuple[float, float], str] = {}  # dated interval -> its latest date
    for c in members:
        if c.date and c.date > latest.get(c.interval, ""):
            latest[c.interval] = c.date
    undated = {c.interval for c in members if not c.date}
    if not undated:
        return dates
    order = sorted(set(latest.values()))
    rank_of = {d: n for n, d in enumerate(order)}
    lo = np.array([k[0] for k in latest])
    hi = np.array([k[1] for k in latest])
    rank = np.array([rank_of[d] for d in latest.values()], dtype=int)
    found: dict[tuple[float, float], str | None] = {}
    for ulo, uhi in undated:
        agree = rank[(lo <= uhi) & (ulo <= hi)]
        found[(ulo, uhi)] = order[int(agree.max())] if agree.size else None
    for c in members:
        if not c.date:
            dates[c.id] = found[c.interval]
    return dates


def _say(claim: AlignedClaim) -> str:
    figure = f"{claim.hedge} {_fmt(claim.figure)}" if claim.hedge else _fmt(claim.figure)
    return f"{figure} ({claim.source})"


def _fmt(x: float | None) -> str:
    if x is None:
        return "?"
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"
