"""A timeline across sources: for each day, what the sources say happened that day.

Candidates are the sentences that hold a day-level date (``annotate/dates.py`` has already
resolved weekdays and relative dates against each document's publication date); a page's time
stamp and byline left before a sentence when its date line was cut off (", 10:21 AGENCY …") are
not part of it. A candidate is kept only when it can tell a reader what happened:

* **on or before its document's publication date** — a later day is a plan or a forecast, not
  something that happened; nor a page's date line or time stamp;
* **not a period's bound** — "since July 18", «до 10 серпня» (``lang/<code>/timeline_bounds.json``);
* **a real event description** — enough words besides its dates and enough content words
  (:class:`~storylens.config.TimelineSettings`), a capital or digit first and a sentence end
  last, not cut after an abbreviation ("Meanwhile, on Monday, U.S."), no handle or link, not a
  list of names, not a photo caption (``lang/<code>/timeline_captions.json``) or a scraped
  "Read also:" link glued to a sentence (``timeline_links.json``), not a piece of a longer
  quote (unbalanced quotation marks) nor a sentence leaning on the one before ("Об этом
  сообщил…", or opening with "the day before", whose day counts from a time the text set
  earlier; ``lang/<code>/timeline_fragments.json``): bylines, datelines, page time stamps
  and fragments fail;
* **naming someone or something** — at least one named entity: "The bridge was reopened on 3
  May" or "that permit expired on Friday" lean on a sentence before for what they
  are about.

Each day's candidates are ranked by how informative they are (content words, named entities,
figures) plus how much the *other* sources of that day say the same (shared word stems), so the
entry's summary is a well-supported description rather than the shortest sentence; copies of one
text count once. Days outside the main story's period (with a margin) are left out.

**Reconciling a day across sources.** A source can date an event wrongly ("the court acquitted
her on 24 October" where most sources say the 31st). A description that only one or two sources
put on its day, while several other sources describe the same thing (most of its content stems
shared) on another day near it, is taken as that source's misdating: it leaves its day, and a day
left with no description is no entry (:class:`~storylens.config.TimelineSettings`,
``lone_sources`` … ``same_share``). Comparing costs O(candidates of lone days × evidence kept per
day × days in the window).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from storylens import lang
from storylens.config import TimelineSettings
from storylens.relate.stories import content_words, stem

if TYPE_CHECKING:
    from storylens.relate import CorpusView

_TOKEN = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_HANDLE_OR_LINK = re.compile(r"(?<!\w)@\w|https?://|www\.", re.I)
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”»)\]]*\s*$")
_ENDS_ON_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:[A-ZА-ЯІЇЄҐ]\.){1,3}\s*$|(?:^|\s)[A-Z][a-z]{0,2}\.\s*$")
_NUMBER = re.compile(r"\d")
_TIME_STAMP = re.compile(r"[\s,;:]*\d{1,2}:\d\d(?![\d:.])\s*")
_UPPER, _LOWER = r"[^\W\d_a-zа-яёіїєґ]", r"a-zа-яёіїєґ"
_BYLINE = re.compile(rf"(?:{_UPPER}[^\W\d{_LOWER}]+[.-]?[^\W\d{_LOWER}]*\s+[-–—]?\s*)+(?={_UPPER}|\d)")


@lru_cache(maxsize=None)
def _bound_words() -> re.Pattern | None:
    """Words that, right before a date, make it a period's bound (every language's file)."""
    words = {w.lower() for data in lang.merged("timeline_bounds").values() for w in data.get("before_date", [])}
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\s*$", re.I)


@lru_cache(maxsize=None)
def _not_description_cues() -> tuple[str, ...]:
    """Marks of a photo caption or credit (``lang/<code>/timeline_captions.json``) and of a
    scraped link to another article glued to a sentence ("Read also:", ``timeline_links.json``)."""
    return tuple(sorted({w.lower() for kind in ("timeline_captions", "timeline_links")
                         for data in lang.merged(kind).values() for w in data.get("cues", [])}))


@lru_cache(maxsize=None)
def _leaning_opener() -> re.Pattern | None:
    """Openers of a sentence that leans on the one before (``lang/<code>/timeline_fragments.json``)."""
    words = {w.lower() for data in lang.merged("timeline_fragments").values() for w in data.get("openers", [])}
    if not words:
        return None
    return re.compile(r"^\W*(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")(?!\w)", re.I)


def _balanced_quotes(text: str) -> bool:
    """Quotation marks open and close within the sentence (else it is a piece of a longer quote):
    « as many as », an even number of straight and of curly marks (“…”, „…“)."""
    curly = text.count("„") + text.count("“") + text.count("”")
    return text.count("«") == text.count("»") and text.count('"') % 2 == 0 and curly % 2 == 0


def _is_dateline(text: str, start: int, end: int) -> bool:
    """A date in figures set between a headline and the next sentence with no punctuation
    ("…released from prison 08.11.2018 According to her lawyer…"): the page's date line, not
    the day of what the text reports."""
    return (not any(c.isalpha() for c in text[start:end])
            and bool(re.match(r"[ \t]+[^\W\d_]", text[end:end + 3])) and text[end:end + 3].strip()[:1].isupper()
            and not re.search(r"[.,:;!?]\s*$", text[max(0, start - 3):start]))


def _is_bound(text: str, start: int) -> bool:
    rx = _bound_words()
    return bool(rx and rx.search(text[max(0, start - 20):start]))


def scraped_prefix(text: str) -> int:
    """How many leading characters of a sentence are a page's time stamp and byline left over
    from a date line the splitter cut off (", 10:21 AGENCY Police detained…" → the sentence
    starts at "Police"): a clock time before any word, then upper-case words."""
    stamp = _TIME_STAMP.match(text)
    if not stamp:
        return 0
    byline = _BYLINE.match(text, stamp.end())
    return byline.end() if byline else stamp.end()


def dated_sentences(view: CorpusView, ids: Iterable[str]) -> list[dict]:
    """Each sentence of ``ids`` holding a day-level date, as :func:`build_timeline` items.

    Dates after the document's publication date and dates that bound a period are skipped."""
    items = []
    for doc, ann in view.annotated(ids):
        published = view.published.get(doc.id)
        starts = [s.start for s in doc.sentences]
        entity_starts = sorted(m.start for m in ann.entities)
        by_sentence: dict[int, list] = defaultdict(list)
        for d in ann.dates:
            k = bisect.bisect_right(starts, d.start) - 1
            if k >= 0:
                by_sentence[k].append(d)
        for k, found in by_sentence.items():
            s = doc.sentences[k]
            start = s.start + scraped_prefix(doc.text[s.start:s.end])
            found = [d for d in found if d.start >= start]
            for d in found:
                value = d.value or (d.lo if d.lo and d.lo == d.hi else None)
                if not value or len(value) < 10 or (published and value[:10] > published):
                    continue
                if _is_bound(doc.text, d.start) or ("T" in value and d.start - start <= 2) \
                        or _is_dateline(doc.text, d.start, d.end):
                    continue  # a period's bound, a page's time stamp ("14:00 08.11.2018 Source: …"), a dateline
                entities = bisect.bisect_left(entity_starts, s.end) - bisect.bisect_left(entity_starts, start)
                items.append({"date": value[:10], "doc": doc.id, "start": start, "end": s.end,
                              "text": doc.text[start:s.end], "source": view.source[doc.id],
                              "dates": [(x.start - start, x.end - start) for x in found],
                              "entities": entities})
    return items


def describes_event(text: str, date_spans: Iterable[tuple[int, int]] = (),
                    settings: TimelineSettings | None = None) -> bool:
    """Whether a sentence can stand as a timeline entry: a description, not a byline, a
    dateline or a fragment (see the module docstring). ``date_spans`` are its dates' offsets."""
    settings = settings or TimelineSettings()
    text = text.strip()
    if not text or len(text) > settings.max_chars or _HANDLE_OR_LINK.search(text):
        return False
    low = text.lower()
    if any(cue in low for cue in _not_description_cues()) or not _balanced_quotes(text):
        return False
    opener = _leaning_opener()
    if opener is not None and opener.search(text):
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“«‘(—–-"):
        return False
    if not _ENDS_SENTENCE.search(text) or _ENDS_ON_ABBREVIATION.search(text.rstrip("\"'”»)] ").rstrip(".") + "."):
        return False
    rest = list(text)
    for a, b in date_spans:
        rest[max(0, a):max(0, b)] = [" "] * (max(0, b) - max(0, a))
    tokens = _TOKEN.findall("".join(rest))
    words = [t for t in tokens if not t.isdigit()]
    if len(words) < settings.min_words or len(content_words(" ".join(words))) < settings.min_content_words:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised <= 0.6 * len(words)


def build_timeline(items: list[dict], period: tuple[str | None, str | None] = (None, None),
                   settings: TimelineSettings | None = None) -> list[dict]:
    """``items`` (from :func:`dated_sentences`: date, doc, start, end, text, source, and
    optionally dates, entities) → one entry per day: the best-supported description as the
    summary, every source that reports the day, the ranked evidence."""
    settings = settings or TimelineSettings()
    lo, hi = _bounds(period, settings.margin_days)
    by_day: dict[str, list[dict]] = defaultdict(list)
    for item in items:
        day = item["date"]
        if len(day) != 10 or (lo and day < lo) or (hi and day > hi):
            continue
        if item.get("entities", settings.min_entities) >= settings.min_entities \
                and describes_event(item["text"], item.get("dates", ()), settings):
            by_day[day].append(item)
    ranked = {day: _rank(found, settings.max_candidates, settings.copy_share) for day, found in by_day.items()}
    _reconcile(by_day, ranked, settings)
    timeline = []
    for day in sorted(ranked):
        best = ranked[day]
        timeline.append({
            "date": day,
            "end": None,
            "summary": best[0]["text"].strip(),
            "sources": sorted({i["source"] or i["doc"] for i in by_day[day]}),
            "evidence": [{k: i[k] for k in ("doc", "start", "end", "text", "source")}
                         for i in best[:settings.max_evidence]],
        })
    return timeline


def _stems(item: dict) -> set[str]:
    if "_stems" not in item:
        item["_stems"] = {stem(w) for w in content_words(item["text"])}
    return item["_stems"]


def _same_description(a: set[str], b: set[str], settings: TimelineSettings) -> bool:
    shared = len(a & b)
    return shared >= settings.same_stems and shared >= settings.same_share * min(len(a), len(b))


def _reconcile(by_day: dict[str, list[dict]], ranked: dict[str, list[dict]], settings: TimelineSettings) -> None:
    """Drop the descriptions that one or two sources put on a day while more sources describe the
    same thing on a day near it (see the module docstring); empty days go. ``by_day``: each
    day's candidates; ``ranked``: the same, best first (:func:`_rank`), ranked again when a day
    loses some."""
    sources = {day: {i["source"] for i in items} for day, items in by_day.items()}
    strong = sorted(day for day, found in sources.items() if len(found) >= settings.majority_sources)
    if not strong:
        return
    # what a well-reported day is compared by: its best descriptions
    kept = {day: ranked[day][:settings.max_evidence * 2] for day in strong}
    for day in [d for d, found in sources.items() if len(found) <= settings.lone_sources]:
        when = date.fromisoformat(day)
        window = timedelta(days=settings.reconcile_days)  # the strong days near it: a slice of the sorted ones
        first = (when - window if when - date.min > window else date.min).isoformat()
        last = (when + window if date.max - when > window else date.max).isoformat()
        near = strong[bisect.bisect_left(strong, first):bisect.bisect_right(strong, last)]
        stay = [item for item in by_day[day]
                if not any(len({c["source"] for c in kept[d] if c["source"] != item["source"]
                                and _same_description(_stems(item), _stems(c), settings)}) >= settings.majority_sources
                           for d in near)]
        if not stay:
            del by_day[day], ranked[day]
        elif len(stay) < len(by_day[day]):
            by_day[day], ranked[day] = stay, _rank(stay, settings.max_candidates, settings.copy_share)


def _rank(items: list[dict], most: int, copy_share: float = 1.0) -> list[dict]:
    """One day's candidates, best first: informativeness plus support from other sources (the
    share of the day's other sources that say much the same). Support is weighed among the
    ``most`` most informative candidates only, so that a busy day costs O(most²), not O(n²);
    copies of one text count once, and sources printing near-copies of one sentence are one
    voice (:func:`_voices`)."""
    unique: dict[tuple[str, int] | str, dict] = {}
    for item in items:
        key = " ".join(item["text"].split()).lower()
        if key in unique or (item["doc"], item["start"]) in unique:
            continue
        unique[key] = unique[(item["doc"], item["start"])] = item
    candidates = list({id(i): i for i in unique.values()}.values())
    informative = [min(len(_stems(i)), 20) / 20 + 0.25 * min(i.get("entities", 0), 4) / 4
                   + 0.1 * bool(_NUMBER.search(i["text"])) for i in candidates]
    order = sorted(range(len(candidates)), key=lambda k: -informative[k])
    top = [candidates[k] for k in order[:most]]
    in_top = set(order[:most])
    voice = _voices(top, copy_share)
    voices = set(voice.values())
    scored = []
    for k, item in enumerate(candidates):
        support = 0.0
        own = voice.get(item["source"])
        if k in in_top and len(voices - {own}):
            agreeing = {voice[c["source"]] for c in top if voice[c["source"]] != own
                        and len(_stems(item) & _stems(c)) >= 3}
            support = len(agreeing) / len(voices - {own})
        scored.append((informative[k] + support, -len(item["text"]), item["doc"], item["start"], item))
    scored.sort(key=lambda x: (-x[0], -x[1], x[2], x[3]))
    return [x[-1] for x in scored]


def _voices(top: list[dict], copy_share: float) -> dict[str, str]:
    """Each source's voice: sources whose sentences are near-copies of each other (``copy_share``
    of their stems shared) speak with one voice — outlets reprinting one text are no
    corroboration. O(len(top)²), the cost of support itself."""
    parent = {i["source"]: i["source"] for i in top}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, x in enumerate(top):
        for y in top[a + 1:]:
            sx, sy = _stems(x), _stems(y)
            if x["source"] != y["source"] and len(sx & sy) >= copy_share * max(len(sx | sy), 1):
                ra, rb = root(x["source"]), root(y["source"])
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    return {src: root(src) for src in parent}


def _bounds(period: tuple[str | None, str | None], margin_days: int) -> tuple[str | None, str | None]:
    start, end = period
    try:
        lo = (date.fromisoformat(start[:10]) - timedelta(days=margin_days)).isoformat() if start else None
        hi = (date.fromisoformat(end[:10]) + timedelta(days=margin_days)).isoformat() if end else None
    except ValueError:
        return None, None
    return lo, hi
