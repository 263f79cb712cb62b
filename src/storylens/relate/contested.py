"""Contested statements: a proposition some voices assert and others deny, for any event.

No proposition is written in code. The step works on statements (sentences, titles included;
questions and conditions assert nothing and are left out):

1. **Deniers** are statements with a denial or debunking cue ("denied that…", "called the reports
   fake", «опроверг», «вброс») or a predicate negation ("did not take part"), from
   ``lang/<code>/stance_refute.json`` and ``stance_negation.json``.
2. **Claims** are the check-worthy statements of each source (the stored ``checkworthiness`` of
   :class:`storylens.persuasion.Classifiers`; titles always) that carry no such cue.
3. **Blocking**: a denier meets only claims of *other voices* that share ``min_shared_stems``
   content stems with it (an inverted index): never all pairs. Only those are embedded, and the
   ``max_partners`` nearest in meaning are kept.
4. **Decision**: the denier's cue must govern the claim's words
   (:func:`storylens.stance.polarity.match`), the two must be close in meaning (encoder cosine),
   and the stance model (:mod:`storylens.stance`) must not call them unrelated.
5. **Items** (:func:`_items`): around each denial, its nearest claim words the proposition; each
   statement keeps its doc/start/end span, source, published date, stance and cue.

Voices: a source is one voice, a thread's comments are one voice each, and a statement inside a
quotation with a named speaker is that speaker's voice, so that an article that reports a denial
("the dam did not burst", the minister wrote) and asserts the opposite itself counts twice.

When a source denies in one document what it said in its own voice in another, the item is a
**change of account** (``kind: "changed_account"``, sides ``earlier`` and ``later``), not a
dispute between sources. A user's own claims to track go through :mod:`storylens.stance.watch`.

Limits: statements are whole sentences, so a sentence that makes two claims stands for both;
contradictions without a denial or negation cue (two sources blaming each other for the same
attack, "a success" against "disastrously inadequate") are not found; sarcasm is not recognised.
Settings: :class:`storylens.config.ContestedSettings`; measured in docs/evaluation.md.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from storylens.config import ContestedSettings
from storylens.doc import Annotations, Document
from storylens.stance.cues import cues
from storylens.stance.polarity import denial_cues, governed_stems, match

_MIN_WORDS, _MAX_WORDS = 4, 70


@dataclass
class Statement:
    doc: Document
    start: int
    end: int
    voice: str
    source: str
    lang: str
    published: str | None
    checkworthiness: float | None
    title: bool
    refute: list[str]
    negation: list[str]
    stems: frozenset[str]
    attributed: bool  # reported from someone ("X said", "X claims"): not the source's own account
    index: int = 0

    @property
    def text(self) -> str:
        return self.doc.text[self.start:self.end]

    @property
    def denies(self) -> bool:
        return bool(self.refute or self.negation)

    def evidence(self, stance: str, probability: float | None = None) -> dict:
        ev = {"doc": self.doc.id, "start": self.start, "end": self.end, "text": self.text, "source": self.source,
              "published": self.published, "stance": stance}
        if self.voice != self.doc.id:
            ev["voice"] = self.voice
        cue = (self.refute or self.negation or [None])[0]
        if cue and stance == "disagree":
            ev["cue"] = cue
        if probability is not None:
            ev["score"] = round(probability, 3)
        return ev


def _speaker_at(ann: Annotations | None, start: int, end: int) -> str | None:
    if ann is None:
        return None
    for q in ann.quotes:
        if q.speaker and q.start <= start + 2 and end - 2 <= q.end + 2 and q.end - q.start >= (end - start) // 2:
            return q.speaker
    return None


def statements(docs: list[Document], anns: dict[str, Annotations] | None = None) -> list[Statement]:
    """Every sentence that asserts something, with its voice, cues and stems."""
    out: list[Statement] = []
    anns = anns or {}
    for doc in docs:
        ann = anns.get(doc.id)
        scores = ann.checkworthiness if ann is not None else {}
        source = doc.meta.get("source") or doc.id[:10]
        published = (doc.meta.get("published") or "")[:10] or None
        for i, sent in enumerate(doc.sentences):
            passage = doc.passages[sent.passage] if 0 <= sent.passage < len(doc.passages) else None
            lang = (passage.language if passage else None) or doc.meta.get("language") or "en"
            c = cues(lang)
            text = doc.text[sent.start:sent.end]
            start = sent.start + len(text) - len(text.lstrip())
            end = sent.start + len(text.rstrip())
            text = doc.text[start:end]
            if not (_MIN_WORDS <= len(text.split()) <= _MAX_WORDS) or c.unasserted(text):
                continue
            voice = f"{doc.id}#{sent.passage}" if doc.kind == "thread" else source
            speaker = _speaker_at(ann, start, end)
            if speaker:
                voice = f"{voice}@{speaker.lower()}"
            out.append(Statement(
                doc, start, end, voice, source, c.lang, published, scores.get(i),
                bool(passage and passage.kind in ("title", "heading")),
                *denial_cues(text, c.lang), frozenset(c.content(text)), bool(c.find("report", text) or c.find("hedge", text)), len(out)))
    return out


def _is_claim(s: Statement, settings: ContestedSettings) -> bool:
    if s.denies:
        return False
    return s.title or s.checkworthiness is None or s.checkworthiness >= settings.min_checkworthiness


def _account_pair(a: Statement, b: Statement) -> bool:
    """Two statements a source makes in its own voice in two documents (a possible change of account)."""
    return a.source == b.source and a.doc.id != b.doc.id and not a.attributed and not b.attributed


def candidate_pairs(units: list[Statement], settings: ContestedSettings) -> list[tuple[Statement, Statement, float]]:
    """(claim, denier, cosine) of different voices: the blocking step.

    A denier meets the claims that share ``min_shared_stems`` content stems with it (an inverted
    index); only those are embedded, and the ``max_partners`` nearest in meaning are kept.
    """
    from storylens.relate import embeddings

    postings: dict[str, list[Statement]] = defaultdict(list)
    for s in units:
        if _is_claim(s, settings):
            for st in s.stems:
                postings[st].append(s)
    met: list[tuple[Statement, list[Statement]]] = []
    for d in units:
        if not d.denies:
            continue
        shared: dict[int, int] = defaultdict(int)
        for st in d.stems:
            for c in postings.get(st, ()):
                if c.voice != d.voice or _account_pair(c, d):
                    shared[c.index] += 1
        partners = [units[i] for i, k in shared.items() if k >= settings.min_shared_stems]
        if partners:
            met.append((d, partners))
    if not met:
        return []
    order = sorted({d.index for d, _ in met} | {c.index for _, cs in met for c in cs})
    row = {i: k for k, i in enumerate(order)}
    vecs = embeddings.encode([units[i].text for i in order])
    pairs = []
    for d, partners in met:
        cos = vecs[[row[c.index] for c in partners]] @ vecs[row[d.index]]
        for k in np.argsort(-cos)[:settings.max_partners]:
            pairs.append((partners[k], d, float(cos[k])))
    return pairs


def _decide(pairs: list[tuple[Statement, Statement, float]], topic: set[str],
            settings: ContestedSettings) -> list[tuple[Statement, Statement, float, frozenset[str]]]:
    """The pairs where the denier denies what the claim says.

    The denier's cue must govern the claim's words (:func:`storylens.stance.polarity.denies`:
    the negated predicate itself for a plain negation, two stems for a denial, at least one of
    them not a ``topic`` stem that many statements of the corpus share), and the stance model must read
    the pair as related. (Its sentence-level agree/disagree call is not trusted on its own: a denial
    repeats the claim it denies, which a model trained on articles reads as agreement.)
    """
    from storylens.relate import embeddings
    from storylens.stance import Side, shipped

    floor = min(settings.min_cosine, settings.min_cosine_refute)
    pairs = [(c, d, cos) for c, d, cos in pairs if cos >= floor]
    if not pairs:
        return []
    model = shipped()
    found = []
    for claim, denier, cos in pairs:
        how = match(denier.text, denier.lang, claim.stems, topic, settings.min_shared_denied_refute)
        if how is None or cos < (settings.min_cosine_refute if how == "refute" else settings.min_cosine):
            continue
        texts = [claim.text, denier.text]
        v = embeddings.encode(texts)  # cached from the blocking step
        _, p = model.stance(Side.of([claim.text], claim.lang, v[:1]), Side.of([denier.text], denier.lang, v[1:]))
        if p["unrelated"] > settings.max_unrelated:
            continue
        found.append((claim, denier, cos, _covered(denier, claim)))
    return found


def _covered(denier: Statement, claim: Statement) -> frozenset[str]:
    """The words the denier's cues govern that the claim says."""
    c = cues(denier.lang)
    return frozenset(g for g in governed_stems(denier.text, denier.lang) if any(c.related(g, w) for w in claim.stems))


def _items(found: list[tuple[Statement, Statement, float, frozenset[str]]], settings: ContestedSettings) -> list[dict]:
    """Pairs grouped into propositions around their denials.

    A denial's nearest claim (the one saying most of what the denial denies, then the closest)
    words the item; other claims join its ``yes`` side when they say at least as much of it. A
    denial whose nearest claim is already in an item joins that item's ``no`` side. No further
    chaining: an item stays one proposition.
    """
    by_denier: dict[int, list[tuple[Statement, float, frozenset[str]]]] = defaultdict(list)
    deniers: dict[int, Statement] = {}
    for claim, denier, score, covered in found:
        by_denier[denier.index].append((claim, score, covered))
        deniers[denier.index] = denier
    groups: list[dict] = []
    where: dict[int, int] = {}
    for d in sorted(by_denier, key=lambda i: -max(p for _, p, _ in by_denier[i])):
        denier = deniers[d]
        claims = sorted(by_denier[d], key=lambda t: (-len(t[2]), -t[1]))
        anchor, best, denied = claims[0]
        changed = all(_account_pair(c, denier) for c, _, _ in claims)
        g = where.get(anchor.index)
        if g is None or groups[g]["changed"] != changed:
            groups.append({"claims": {}, "deniers": {}, "score": best, "changed": changed, "about": anchor})
            g = len(groups) - 1
        group = groups[g]
        group["deniers"].setdefault(d, (denier, best))
        for c, p, covered in claims:  # claims that say all the denial denies of its nearest claim
            if c.index not in where and covered >= denied:
                group["claims"].setdefault(c.index, (c, p))
                where[c.index] = g
    items = []
    for group in sorted(groups, key=lambda g: -g["score"]):
        claims = _distinct(group["claims"].values(), settings.max_statements_per_side)
        deniers = _distinct(group["deniers"].values(), settings.max_statements_per_side)
        if not claims or not deniers:
            continue
        if (not group["changed"] and {c.voice for c, _ in claims} == {d.voice for d, _ in deniers}
                and len({c.voice for c, _ in claims}) == 1):
            continue
        about = re.sub(r"\s+", " ", group["about"].text).strip()
        if group["changed"]:
            both = sorted([(s, "claim", p) for s, p in claims] + [(s, "denial", p) for s, p in deniers],
                          key=lambda t: t[0].published or "")
            first = both[0][1]
            stance = {"claim": "agree", "denial": "disagree"}
            sides = {"earlier": [s.evidence(stance[role], p) for s, role, p in both if role == first],
                     "later": [s.evidence(stance[role], p) for s, role, p in both if role != first]}
            explanation = (f"{claims[0][0].source} changed its account: statements of one source on different days, "
                           "one denying or negating what the other asserts.")
            kind = "changed_account"
        else:
            sides = {"yes": [s.evidence("agree", p) for s, p in claims],
                     "no": [s.evidence("disagree", p) for s, p in deniers]}
            cues_used = sorted({e["cue"] for e in sides["no"] if "cue" in e})
            explanation = ("Statements of different voices about the same thing (shared words, sentence meaning, "
                           "related for the stance model); the 'no' side denies or negates what the 'yes' side "
                           f"asserts (cues: {', '.join(cues_used)}).")
            kind = "contested"
        items.append({"id": "", "kind": kind, "about": about[:200], "score": round(group["score"], 3),
                      "explanation": explanation, "sides": sides})
        if len(items) >= settings.max_items:
            break
    for n, item in enumerate(items, start=1):
        item["id"] = f"{'changed' if item['kind'] == 'changed_account' else 'contested'}-{n}"
    return items


def _distinct(statements: Iterable[tuple[Statement, float]], limit: int) -> list[tuple[Statement, float]]:
    """Best first, one copy of a text per source (syndicated copies and repeats are one statement,
    shown at its first place in the document)."""
    best: dict[tuple[str, str], tuple[Statement, float]] = {}
    first: dict[tuple[str, str], Statement] = {}
    for s, p in statements:
        key = (s.source, re.sub(r"\W+", " ", s.text.lower()).strip())
        if key not in best or p > best[key][1]:
            best[key] = (s, p)
        if key not in first or (s.doc.id, s.start) < (first[key].doc.id, first[key].start):
            first[key] = s
    out = [(first[key], p) for key, (_, p) in best.items()]
    return sorted(out, key=lambda t: -t[1])[:limit]


def find_contested(docs: list[Document], anns: dict[str, Annotations] | None = None,
                   settings: ContestedSettings | None = None) -> list[dict]:
    """Contested statements and changes of account in the analysis schema's ``contested`` shape."""
    settings = settings or ContestedSettings()
    units = statements(docs, anns)
    df: dict[str, int] = defaultdict(int)
    for u in units:
        for st in u.stems:
            df[st] += 1
    topic = {st for st, k in df.items() if k > max(settings.topic_share * len(units), settings.topic_min)}
    return _items(_decide(candidate_pairs(units, settings), topic, settings), settings)

