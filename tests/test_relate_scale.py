"""Relate steps grow linearly with what they relate, not with its square.

Each step is timed on generated items of size ``n`` and ``4 n``: a linear step takes about 4x as
long on the bigger one, a quadratic one 16x. The test fails above ``MAX_RATIO``. The items are
made so that what a bigger corpus brings grows too: more distinct figures in one series (news
repeats a death toll with new estimates, dates and voices), more statements that deny one
another, more dated sentences on the same days. Times are CPU seconds of the calling thread (not
threads an earlier test left running) with garbage collection paused, the best of ``REPEATS`` runs, so a busy machine does not make them fail.

``python -m tests.test_relate_scale`` prints the table of ratios.
"""

from __future__ import annotations

import gc
import random
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from storylens.relate.claims import AlignedClaim, align

MAX_RATIO = 10.0  # per 4x items: 4 is linear, 16 quadratic (7.0 until round 21: claim groups measured 8.9x once in the
# whole suite, 4.9x alone)
REPEATS = 3


def cpu_seconds(call: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        gc.disable()  # collecting earlier garbage is not this call's cost
        try:
            t = time.thread_time()
            call()
            best = min(best, time.thread_time() - t)
        finally:
            gc.enable()
    return best


def growth(make: Callable[[int], Callable[[], object]], n: int) -> tuple[float, float, float]:
    """(seconds for n, seconds for 4n, their ratio); inputs are built before the clock starts."""
    small, big = make(n), make(4 * n)
    a, b = cpu_seconds(small), cpu_seconds(big)
    return a, b, b / max(a, 1e-4)


# --- claim groups -------------------------------------------------------------------------------

SERIES = (("killed", 1600, "agree"), ("detained", 8000, "conflict"), ("injured", 900, "evolving"),
          ("missing", 4000, "agree"), ("evacuated", 12000, "conflict"))


def figures(n: int, seed: int = 0) -> list[AlignedClaim]:
    """``n`` figures in five series as news gives them: many voices, ten days, and a new estimate in
    one of every three reports (the others repeat a round figure), so a series holds more distinct
    figures as the corpus grows. In an agreeing series every figure is 'about' one value; a
    conflicting one has two counts a third apart on each day; an evolving one rises day by day,
    'about' one value each day."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        measure, base, shape = SERIES[i % len(SERIES)]
        day = rng.randrange(10)
        if shape == "evolving":
            value = base * (1 + day) * (1 + rng.random() / 10)
        elif shape == "conflict":
            value = base * (1.0 if rng.random() < 0.5 else 1.35) * (1 + rng.random() / 10)
        else:
            value = base * (1 + rng.random() / 10)
        value = round(value, -2 if rng.random() < 0.66 else 0)
        voice = f"voice {rng.randrange(max(2, n // 20))}"
        out.append(AlignedClaim(id=f"d{i}:0", doc=f"d{i}", source=voice, doc_source=f"outlet {i % 97}",
                                measure=measure, unit="count", value=value, lo=None, hi=None,
                                hedge=None if shape == "conflict" else "about", date=f"2024-03-{day + 1:02d}"))
    return out


def _align(n: int) -> Callable[[], object]:
    items = figures(n)

    def run() -> object:
        for c in items:  # each run computes the intervals afresh
            c.__dict__.pop("interval", None)
        return align(items)

    return run


def test_the_figures_make_every_verdict() -> None:
    statuses = {g["measure"]: g["status"] for g in align(figures(2000)) if "part_of" not in g}
    assert statuses == {"killed": "agree", "missing": "agree", "detained": "conflict", "evacuated": "conflict",
                        "injured": "evolving"}


@pytest.mark.timeout(120)
def test_claim_groups_are_linear_in_the_figures() -> None:
    small, big, r = growth(_align, 3000)
    assert r <= MAX_RATIO, f"claim groups: {small:.3f} s for 3,000 figures, {big:.3f} s for 12,000 ({r:.1f}x)"


# --- contested, labels, timeline: documents about a made-up clash -------------------------------

AGENTS = ("the army", "rebel fighters", "the border guards", "militia units", "the navy", "the police")
ACTS = (("shelled", "shell"), ("attacked", "attack"), ("blocked", "block"), ("seized", "seize"),
        ("burned", "burn"), ("raided", "raid"))
TARGETS = ("bridge", "depot", "station", "village", "market", "convoy", "hospital", "port", "school", "dam")
SPEAKERS = ("the ministry", "a spokesman", "the governor", "local officials", "the commander", "witnesses")
CROWDS = ("protesters", "looters", "volunteers", "saboteurs", "activists", "residents")


def news(n: int, days: int = 10, seed: int = 0) -> list:
    """``n`` short English reports of a made-up clash by 40 outlets over ``days`` days: who did what to
    which numbered place, denials of it, arrests of a crowd, so-called names; each sentence new."""
    from storylens.clean.segment import passages_of, sentences_of
    from storylens.doc import Document

    rng = random.Random(seed)
    docs = []
    for i in range(n):
        agent, other, speaker = rng.choice(AGENTS), rng.choice(AGENTS), rng.choice(SPEAKERS)
        (done, do), target = rng.choice(ACTS), f"the {rng.choice(TARGETS)} at checkpoint {rng.randrange(5 * n)}"
        day = date(2024, 5, 1) + timedelta(days=rng.randrange(days))
        when = f"{day.day} {day:%B %Y}"
        text = " ".join((
            f"On {when}, {agent} {done} {target} near the river, {speaker} said.",
            f"{other.capitalize()} denied that they {done} {target} and blamed {agent} for the damage.",
            f"{agent.capitalize()} did not {do} {target}, according to {rng.choice(SPEAKERS)}.",
            f"Police detained {rng.randrange(2, 90)} {rng.choice(CROWDS)} in the square on {when}.",
            f"The so-called {rng.choice(CROWDS)} of sector {rng.randrange(3 * n)} gathered at the gate.",
        ))
        passages = passages_of(text, False)
        doc = Document(id=f"n{seed}-{i}", origin=f"n{i}.txt", format="text", raw_text=text, text=text,
                       passages=passages, sentences=sentences_of(text, passages))
        for p in doc.passages:
            p.language = "en"
        doc.meta = {"language": "en", "published": (day + timedelta(days=1)).isoformat(), "source": f"Outlet {i % 40}"}
        docs.append(doc)
    return docs


def _contested(n: int) -> Callable[[], object]:
    from storylens.relate.contested import find_contested

    docs = news(n)
    return lambda: find_contested(docs)


def _labels(n: int) -> Callable[[], object]:
    from storylens.relate.labels import actor_labels

    docs = news(n)
    return lambda: actor_labels(docs)


def _timeline(n: int) -> Callable[[], object]:
    """Dated sentences as :func:`storylens.relate.timeline.dated_sentences` gives them, over a period
    that grows with the corpus (one day per two reports: days reported by one or two sources among
    days many report, which the timeline reconciles)."""
    from storylens.annotate.dates import find_dates
    from storylens.relate.timeline import build_timeline

    items = []
    for doc in news(n, days=max(10, n // 2)):
        for mention in find_dates(doc):
            s = next((s for s in doc.sentences if s.start <= mention.start < s.end), None)
            value = mention.value or mention.lo
            if s and value and len(value) >= 10:
                items.append({"date": value[:10], "doc": doc.id, "start": s.start, "end": s.end,
                              "text": doc.text[s.start:s.end], "source": doc.meta["source"],
                              "dates": [(mention.start - s.start, mention.end - s.start)]})
    return lambda: build_timeline(items)


@pytest.fixture(scope="module")
def warm() -> None:
    """Models load before the clock starts (spaCy for frames, the sentence encoder)."""
    for make in (_contested, _labels, _timeline):
        make(5)()


def test_the_news_make_findings(warm: None) -> None:
    assert _contested(40)(), "no contested statement in the generated news"
    groups = {g["group"] for g in _labels(40)()}
    assert "people on the streets" in groups or "groups of people" in groups
    assert len(_timeline(40)()) >= 5


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", ["contested", "labels", "timeline"])
def test_main_story_steps_are_linear_in_the_documents(warm: None, name: str) -> None:
    make, n = STEPS[name]
    small, big, r = growth(make, n)
    assert r <= MAX_RATIO, f"{name}: {small:.3f} s for {n:,} documents, {big:.3f} s for {4 * n:,} ({r:.1f}x)"


STEPS: dict[str, tuple[Callable[[int], Callable[[], object]], int]] = {
    "claim_groups": (_align, 3000),
    "contested": (_contested, 30),
    "labels": (_labels, 200),
    "timeline": (_timeline, 1200),
}

if __name__ == "__main__":
    for name, (make, n) in STEPS.items():
        if sys.argv[1:] and name not in sys.argv[1:]:
            continue
        small, big, r = growth(make, n)
        print(f"{name:<14} {n:>7} {small:8.3f} s {4 * n:>7} {big:8.3f} s {r:6.1f}x", flush=True)
