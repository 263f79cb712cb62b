"""Check a user's claim against the sources in a store: who supports it, who denies it, and
how its figures compare with what the sources count.

    from storylens.stance.check import check_claim
    result = check_claim(store, "The dam upstream of the town burst on Tuesday")
    result.verdict            # "supported" | "refuted" | "conflicting" | "not_enough_evidence"
    result.to_dict()          # the JSON that `storylens check --json` prints and the web app reads

Evidence is found with blocking, never by reading every document: the full-text index
(``passages_fts``, any of the claim's content stems) gives candidate passages, their sentences are
ranked by shared stems, and only the best ``max_sentences`` are embedded and given to the stance
model (:mod:`storylens.stance.model`). Figures: the stored numeric claims inside the evidence
sentences lead to their claim groups (``claim_group`` relations and ``claim_group_members``), and
the claimed number is compared with the values the sources give, with their as-of dates.

The verdict labels are AVeriTeC's. A source counts once (its strongest statement); a claimed figure
outside every value the matching group holds refutes the claim unless a source states it.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from storylens.config import CheckSettings
from storylens.stance.cues import cues
from storylens.annotate.gazetteer import UKRAINIAN
from storylens.annotate.numbers import find_numbers
from storylens.stance.features import Side
from storylens.stance.polarity import denies, same_stem
from storylens.store import Store

VERDICTS: tuple[str, ...] = ("supported", "refuted", "conflicting", "not_enough_evidence")
_CYRILLIC = re.compile(r"[а-яА-ЯёЁ]")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass
class CheckResult:
    claim: str
    verdict: str
    reasons: list[str] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"claim": self.claim, "verdict": self.verdict, "reasons": list(self.reasons),
                "evidence": [dict(e) for e in self.evidence], "figures": [dict(f) for f in self.figures]}


def language_of(text: str) -> str:
    """en, ru or uk from the script (the languages whose stance cues ship)."""
    if UKRAINIAN.search(text):
        return "uk"
    return "ru" if _CYRILLIC.search(text) else "en"


def _fts_query(stems: list[str]) -> str:
    return " OR ".join(f'"{s}"*' for s in dict.fromkeys(stems) if '"' not in s)


@dataclass
class _Sentence:
    doc: str
    start: int
    end: int
    text: str
    voice: str  # the source, or one comment of a thread
    source: str
    published: str | None
    lang: str
    quoted: bool = False  # inside a quotation the store found
    shared: float = 0.0

    @property
    def attributed(self) -> bool:
        """Reported from someone (a quotation, "X said", "X denied"), not the source's own account."""
        return self.quoted or cues(self.lang).attributed(self.text)


def _candidates(store: Store, stems: list[str], settings: CheckSettings) -> list[_Sentence]:
    """Sentences of the passages the full-text index ranks highest for the claim's stems."""
    query = _fts_query(stems)
    if not query:
        return []
    hits = store.db.execute(
        "SELECT f.doc_id, f.idx FROM passages_fts f JOIN documents d ON d.id = f.doc_id"
        " WHERE passages_fts MATCH ? AND d.duplicate_of IS NULL ORDER BY rank LIMIT ?",
        (query, settings.fts_passages)).fetchall()
    out = []
    for doc_id, idx in hits:
        rows = store.db.execute(
            "SELECT s.start_char, s.end_char, substr(d.text, s.start_char + 1, s.end_char - s.start_char),"
            " d.source, d.published, coalesce(p.language, d.language), d.kind,"
            " EXISTS(SELECT 1 FROM quotes q WHERE q.doc_id = s.doc_id AND q.start_char <= s.start_char + 3"
            "        AND q.end_char >= s.end_char - 3)"
            " FROM sentences s JOIN documents d ON d.id = s.doc_id"
            " JOIN passages p ON p.doc_id = s.doc_id AND p.idx = s.passage"
            " WHERE s.doc_id = ? AND s.passage = ? ORDER BY s.idx", (doc_id, idx)).fetchall()
        for start, end, text, source, published, lang, kind, quoted in rows:
            lead = len(text) - len(text.lstrip())
            text = text.strip()
            if len(text.split()) >= 3:
                source = source or doc_id[:10]
                voice = f"{source} #{idx}" if kind == "thread" else source
                out.append(_Sentence(doc_id, start + lead, start + lead + len(text), text, voice, source,
                                     (published or "")[:10] or None, lang or "en", quoted=bool(quoted)))
    return out


def figures_in(text: str, lang: str | None = None) -> list[tuple[float, frozenset[str]]]:
    """The figures of a text, in digits or words, each with the stems of the (up to three) words
    after it, which say what it counts ("20 *years* in prison"); years are dates, not counts."""
    c = cues(lang)
    out = []
    for m in find_numbers(text):
        x = m.figure
        if x is None or (x == int(x) and _YEAR.match(str(int(x))) and not m.words):
            continue
        out.append((x, frozenset(c.content(" ".join(text[m.end:].split()[:3])))))
    return out


def _close(x: float, y: float) -> bool:
    return abs(x - y) <= 0.05 * max(abs(y), 1.0)


def _far(x: float, y: float, ratio: float) -> bool:
    return x <= 0 or y <= 0 or max(x, y) / min(x, y) >= ratio


def _stance(claim: str, lang: str, mine: set[str], key: set[str], weight: dict[str, float], claimed: list[tuple[float, frozenset[str]]],
            s: _Sentence, cos: float, settings: CheckSettings) -> str:
    """agree / disagree / discuss for one related sentence.

    Disagree: one of the two denies or negates what the other says (:func:`polarity.denies`).
    Agree: same polarity, no hedge, and either a close paraphrase (``min_paraphrase``) or close
    (``min_agree``) with most of the claim's ``key`` stems (its content words less those most
    retrieved sentences share), each weighted by its rarity among them (a word no source uses is
    what the claim adds), and the claim's figure if it gives one. A sentence that counts what the
    claim counts (the words after the figure) with a figure ``figure_ratio`` times larger or
    smaller disagrees; a nearer one is another estimate, which only discusses it.
    Anything else only discusses it.
    """
    c = cues(s.lang)
    theirs = set(c.content(s.text))
    if denies(s.text, s.lang, mine, mine - key, min_shared_refute=1) != denies(claim, lang, theirs, mine - key, 1):
        return "disagree" if cos >= settings.min_disagree else "discuss"
    if c.find("hedge", s.text) or c.unasserted(s.text):
        return "discuss"
    figures = figures_in(s.text, s.lang)
    counted = [(x, y) for x, what in claimed for y, their in figures
               if any(same_stem(a, b) for a in what for b in their)]  # figures of the same thing
    covered = sum(weight[w] for w in key if any(same_stem(w, t) for t in theirs)) / max(sum(weight[w] for w in key), 1e-9)
    if (cos >= settings.min_disagree and covered >= settings.min_covered and counted
            and all(_far(x, y, settings.figure_ratio) for x, y in counted)):
        return "disagree"  # says the same of the same thing, with a figure far from the claim's
    if cos < settings.min_agree:
        return "discuss"
    if cos < settings.min_paraphrase and covered < settings.min_covered:
        return "discuss"
    if claimed and not any(_close(x, y) for x, _ in claimed for y, _ in figures):
        return "discuss"  # states it without the claim's figure, or with another one
    return "agree"


def _figures(store: Store, claim: str, evidence: list[dict]) -> list[dict[str, Any]]:
    """Claim groups met in the evidence sentences and how the claimed numbers compare with them."""
    claimed = sorted({x for x, _ in figures_in(claim)})
    if not evidence:
        return []
    spans = [(e["doc"], e["start"], e["end"], e["score"]) for e in evidence]
    groups: dict[str, float] = {}
    for doc, start, end, cos in spans:
        for (group,) in store.db.execute(
                "SELECT m.group_id FROM claims c JOIN claim_group_members m ON m.doc_id = c.doc_id AND m.idx = c.idx"
                " WHERE c.doc_id = ? AND c.sentence_start < ? AND c.sentence_end > ?", (doc, end, start)):
            groups[group] = max(groups.get(group, -1.0), cos)
    if not groups:
        return []
    wanted = sorted(groups, key=lambda g: -groups[g])[:3]
    stored = {r[0]: json.loads(r[1]) for r in store.db.execute(
        f"SELECT id, data_json FROM relations WHERE kind = 'claim_group' AND id IN ({', '.join('?' * len(wanted))})",
        wanted)}
    out = []
    for gid in wanted:
        g = stored.get(gid)
        if g is None:
            continue
        values = []
        for doc, start, end, text, value, lo, hi, as_of, source, published in store.db.execute(
                "SELECT c.doc_id, c.start_char, c.end_char, c.text, c.value, c.lo, c.hi, c.as_of, d.source,"
                " d.published FROM claim_group_members m JOIN claims c ON c.doc_id = m.doc_id AND c.idx = m.idx"
                " JOIN documents d ON d.id = c.doc_id WHERE m.group_id = ? ORDER BY coalesce(c.as_of, d.published)",
                (gid,)):
            values.append({"doc": doc, "start": start, "end": end, "text": text, "value": value, "lo": lo, "hi": hi,
                           "as_of": as_of or (published or "")[:10] or None, "source": source})
        figure = {"group": gid, "measure": g.get("measure"), "unit": g.get("unit"), "scope": g.get("scope"),
                  "status": g.get("status"), "values": values[:20], "as_of": max((v["as_of"] for v in values if v["as_of"]),
                                                                                  default=None)}
        if claimed:
            figure["claimed"] = claimed
            figure["comparison"] = _compare(claimed, values)
        out.append(figure)
    return out


def _compare(claimed: list[float], values: list[dict]) -> str:
    """"matches" (a source gives that number, ±5 %), "within" (inside the sources' range) or "outside"."""
    points = [v for row in values for v in (row["value"], row["lo"], row["hi"]) if v is not None]
    if not points:
        return "unknown"
    for x in claimed:
        if any(abs(x - p) <= 0.05 * max(abs(p), 1.0) for p in points):
            return "matches"
    lo, hi = min(points), max(points)
    if any(lo <= x <= hi for x in claimed):
        return "within"
    return "outside"


def _verdict(evidence: list[dict], figures: list[dict]) -> tuple[str, list[str]]:
    """The AVeriTeC label and why. Each voice counts once per document, by its closest statement;
    statements a source reports from someone else count only where no source speaks in its own voice."""
    own = [e for e in evidence if e["stance"] != "discuss" and not e["attributed"]]
    counted = own or [e for e in evidence if e["stance"] != "discuss"]
    best: dict[tuple[str, str], dict] = {}  # one statement per voice and document: an outlet may change its account
    for e in counted:
        k = (e["voice"], e["doc"])
        if k not in best or e["score"] > best[k]["score"]:
            best[k] = e
    # a document that both states and denies it in one voice reports a dispute: it takes no side
    sides: dict[tuple[str, str], set[str]] = {}
    for e in counted:
        sides.setdefault((e["voice"], e["doc"]), set()).add(e["stance"])
    best = {k: e for k, e in best.items() if len(sides[k]) == 1}
    agree = sorted({e["source"] for e in best.values() if e["stance"] == "agree"})
    disagree = sorted({e["source"] for e in best.values() if e["stance"] == "disagree"})
    reported = "" if own else " (as reported from others)"
    reasons = []
    if agree:
        reasons.append(f"{len(agree)} source(s) state it{reported}: {', '.join(agree[:6])}")
    if disagree:
        reasons.append(f"{len(disagree)} source(s) deny or contradict it{reported}: {', '.join(disagree[:6])}")
    compared = [f for f in figures if f.get("comparison") in ("matches", "within", "outside")]
    for f in compared:
        shown = sorted({v["value"] if v["value"] is not None else v["lo"] if v["lo"] is not None else v["hi"]
                        for v in f["values"]} - {None})
        reasons.append(f"the claimed {', '.join(f'{x:g}' for x in f['claimed'])} {_SAYS[f['comparison']]} what the "
                       f"sources count for {f['measure']} ({', '.join(f'{x:g}' for x in shown[:6])}; latest as of "
                       f"{f['as_of'] or 'undated'})")
    off = [f for f in compared if f["comparison"] == "outside"]
    on = [f for f in compared if f["comparison"] == "matches"]
    if off and not on:
        verdict = "conflicting" if agree else "refuted"
    elif agree and disagree:
        verdict = "conflicting"
    elif agree or (on and not disagree):
        verdict = "supported"
    elif disagree:
        verdict = "refuted"
    else:
        verdict = "not_enough_evidence"
        reasons.append("no source states or denies it" + (" (sentences about it only discuss it)" if evidence else ""))
    return verdict, reasons


_SAYS = {"matches": "matches", "within": "falls inside the range of", "outside": "falls outside"}


def check_claim(store: Store, claim: str, settings: CheckSettings | None = None) -> CheckResult:
    """What the stored sources say about ``claim``: each source's stance with its spans, figures, a verdict."""
    from storylens.relate import embeddings
    from storylens.stance import shipped

    settings = settings or CheckSettings()
    claim = re.sub(r"\s+", " ", claim or "").strip()
    if not claim:
        raise ValueError("the claim is empty: give a sentence to check")
    lang = language_of(claim)
    c = cues(lang)
    stems = c.content(claim)
    sentences = [s for s in _candidates(store, stems, settings) if any(w in s.text.lower() for w in stems)]
    mine = set(stems)
    theirs = [set(cues(s.lang).content(s.text)) for s in sentences]
    # stems most retrieved sentences share are the topic (the event's place, its main actor)
    about = [t for t in theirs if t & mine]
    key = {w for w in mine if sum(w in t for t in about) <= settings.topic_share * len(about)} or mine
    weight = {w: math.log((len(about) + 1) / (sum(w in t for t in about) + 0.5)) for w in key}
    for s, t in zip(sentences, theirs):  # the claim's specific words first, then any of its words
        s.shared = len(key & t) / len(key) + 0.1 * len(mine & t) / max(len(mine), 1)
    sentences = sorted(sentences, key=lambda s: -s.shared)[:settings.max_sentences]
    evidence: list[dict[str, Any]] = []
    if sentences:
        vecs = embeddings.encode([claim] + [s.text for s in sentences])
        claim_side = Side.of([claim], lang, vecs[:1])
        model = shipped()
        claimed = figures_in(claim, lang)
        for s, v in zip(sentences, vecs[1:]):
            cos = float(v @ vecs[0])
            if cos < settings.min_cosine:
                continue
            _, p = model.stance(claim_side, Side.of([s.text], s.lang, v[None, :]))
            if p["unrelated"] > settings.max_unrelated:
                continue
            evidence.append({"doc": s.doc, "source": s.source, "voice": s.voice, "start": s.start, "end": s.end,
                             "text": s.text, "published": s.published,
                             "stance": _stance(claim, lang, mine, key, weight, claimed, s, cos, settings), "score": round(cos, 3),
                             "attributed": s.attributed})
    evidence.sort(key=lambda e: (e["stance"] == "discuss", -e["score"]))
    figures = _figures(store, claim, [e for e in evidence if e["score"] >= settings.min_agree])
    verdict, reasons = _verdict(evidence, figures)
    return CheckResult(claim, verdict, reasons, evidence[:settings.max_evidence], figures)
