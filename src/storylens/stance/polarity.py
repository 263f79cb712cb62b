"""Does one statement deny what another says? Polarity of a sentence pair, from cue words.

The stance model (:mod:`storylens.stance.model`) is trained on whole articles; on a single
sentence it tells *related* from *unrelated* well but reads a denial that repeats the claim it
denies ("denied that troops fired") as agreement. So a sentence pair's polarity comes from what
the denial or negation *governs*: :func:`governed_stems` finds the words a cue applies to, and
:func:`denies` asks whether those are the other statement's words.
"""

from __future__ import annotations

import re

from storylens.stance.cues import cues

_WORDS = re.compile(r"[^\W\d_]+")
_BREAKS = re.compile(r"[,;:()—–.!?]|\s-\s")
NEGATION_REACH = 3  # content words a predicate negation governs ("did not *take part in*")
DENIAL_REACH = 12  # words after a denial cue, up to the end of its clause
DENIAL_BACK = 6  # words before a denial cue that nothing follows ("the reports are *fake*")


def same_stem(a: str, b: str) -> bool:
    """Two stems of one word: one is a prefix of the other (at least three letters)."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and long_.startswith(short)


def governed_stems(text: str, lang: str | None) -> list[str]:
    """The content stems that a negation or denial cue in ``text`` applies to, in order.

    A predicate negation governs the next few content words ("did not *take part*", «не
    *покидала* страну»); a denial or debunking cue the words after it up to the end of its clause
    ("denied *that troops fired*"), or, when nothing follows, the words before it ("the reports
    … are *fake*"). A comma before "that"/«что» does not end the clause.
    """
    words, governed = _governed(text, lang)
    return [words[i][2] for i in sorted({i for run in governed["predicate_negation"] + governed["refute"] for i in run})]


def scopes(text: str, lang: str | None) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans of (negated, denied) words: a negation reaches its predicate, the first
    content word after it that is not a light verb ("did not take part in the *fighting*"); a
    denial cue the words it governs (:func:`governed_stems`)."""
    c = cues(lang)
    words, governed = _governed(text, lang)
    negated = []
    for run in governed["predicate_negation"]:
        head = next((i for i in run if words[i][2] not in c.light), None)
        negated += [(words[i][0], words[i][1]) for i in run if head is None or i <= head]
    return negated, [(words[i][0], words[i][1]) for run in governed["refute"] for i in run]


def _governed(text: str, lang: str | None) -> tuple[list[tuple[int, int, str]], dict[str, list[list[int]]]]:
    """The content words of ``text`` (start, end, stem) and, per cue kind, the indices of those each cue governs."""
    c = cues(lang)
    carry = c.patterns.get("continue")
    breaks = [m.start() for m in c.find("clauses", text)]
    for m in _BREAKS.finditer(text):
        rest = text[m.end():]
        if not (m.group() == "," and carry and carry.match(text, m.end() + len(rest) - len(rest.lstrip()))):
            breaks.append(m.start())
    content = set(c.content(text))
    words = [(m.start(), m.end(), m.group().lower()[:5]) for m in _WORDS.finditer(text)]
    words = [w for w in words if w[2] in content]
    governed: dict[str, list[list[int]]] = {"predicate_negation": [], "refute": []}
    for kind, reach, back in (("predicate_negation", NEGATION_REACH, 0), ("refute", DENIAL_REACH, DENIAL_BACK)):
        for m in c.find(kind, text):
            stop = min([b for b in breaks if b >= m.end()], default=len(text))
            start = max([b for b in breaks if b < m.start()], default=-1)
            after = [i for i, (a, _, _) in enumerate(words) if m.end() <= a < stop][:reach]
            if back and len(after) < 2:
                after = [i for i, (a, b, _) in enumerate(words) if start < a and b <= m.start()][-back:] + after
            governed[kind].append(after)
    return words, governed


def _negation_denied(text: str, lang: str | None) -> bool:
    """Is a predicate negation inside the clause a denial cue governs ("falsely claimed … did not die")?"""
    c = cues(lang)
    first = min(m.end() for m in c.find("refute", text))
    stop = next((m.start() for m in re.finditer(r"[;.!?]", text) if m.start() >= first), len(text))
    return any(first <= m.start() < stop for m in c.find("predicate_negation", text))


def denial_cues(text: str, lang: str | None) -> tuple[list[str], list[str]]:
    """(denial or debunking cues, predicate negations) found in ``text``."""
    c = cues(lang)
    return [m.group() for m in c.find("refute", text)], [m.group() for m in c.find("predicate_negation", text)]


def denies(denier: str, denier_lang: str | None, claim_stems: set[str] | frozenset[str],
           topic: set[str] | frozenset[str] = frozenset(), min_shared_refute: int = 2) -> bool:
    """Does ``denier`` deny or negate what a statement with ``claim_stems`` says?

    A plain negation must negate the claim's predicate: the first word it governs that is not a
    light verb ("did not *take part in* the fighting" negates 'fighting'), matched by stem or by
    kind of act (``stance_predicates.json``: "did not fight" denies "killed"). A denial must govern
    at least ``min_shared_refute`` of the claim's words. At least one shared stem must not be a
    ``topic`` stem (the event's place or main actor, which every statement shares).
    """
    return match(denier, denier_lang, claim_stems, topic, min_shared_refute) is not None


def match(denier: str, denier_lang: str | None, claim_stems: set[str] | frozenset[str],
          topic: set[str] | frozenset[str] = frozenset(), min_shared_refute: int = 2) -> str | None:
    """How ``denier`` denies the claim: "refute" (a denial cue governs its words), "predicate" (a
    negation negates its predicate) or None (it does not)."""
    refute, negation = denial_cues(denier, denier_lang)
    if not refute and not negation:
        return None
    if refute and negation and _negation_denied(denier, denier_lang):
        return None  # "falsely claimed that the pilots did not strike": denying a negation asserts
    c = cues(denier_lang)
    gov = governed_stems(denier, denier_lang)
    shared = {g for g in gov if any(c.related(g, w) for w in claim_stems)}
    if not shared - set(topic):
        return None
    if refute:
        return "refute" if len(shared) >= min_shared_refute else None
    predicate = next((g for g in gov if g not in c.light), None)
    return "predicate" if predicate is not None and any(c.related(predicate, w) for w in claim_stems) else None
