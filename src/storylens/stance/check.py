"""Check a user's claim against the sources in a store: who supports it, who denies it, and
how its figures compare with what the sources count.

    from storylens.stance.check import check_claim
    result = check_claim(store, "Nearly 3,000 people died in Puerto Rico")
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

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from storylens.config import CheckSettings
from storylens.stance.cues import cues
from storylens.stance.features import Side, numbers
from storylens.store import Store

VERDICTS: tuple[str, ...] = ("supported", "refuted", "conflicting", "not_enough_evidence")
_UK_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
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
    if _UK_LETTERS.search(text):
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
    source: str
    published: str | None
    lang: str
    shared: float = 0.0


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
            " d.source, d.published, coalesce(p.language, d.language)"
            " FROM sentences s JOIN documents d ON d.id = s.doc_id"
            " JOIN passages p ON p.doc_id = s.doc_id AND p.idx = s.passage"
            " WHERE s.doc_id = ? AND s.passage = ? ORDER BY s.idx", (doc_id, idx)).fetchall()
        for start, end, text, source, published, lang in rows:
            lead = len(text) - len(text.lstrip())
            text = text.strip()
            if len(text.split()) >= 3:
                out.append(_Sentence(doc_id, start + lead, start + lead + len(text), text, source or doc_id[:10],
                                     (published or "")[:10] or None, lang or "en"))
    return out


def _figures(store: Store, claim: str, evidence: list[dict], claim_vec: np.ndarray) -> list[dict[str, Any]]:
    """Claim groups met in the evidence sentences and how the claimed numbers compare with them."""
    claimed = sorted(x for x in numbers(claim) if not _YEAR.match(str(int(x)) if x == int(x) else ""))
    if not evidence:
        return []
    spans = [(e["doc"], e["start"], e["end"], e["cosine"]) for e in evidence]
    groups: dict[str, float] = {}
    for doc, start, end, cos in spans:
        for (group,) in store.db.execute(
                "SELECT m.group_id FROM claims c JOIN claim_group_members m ON m.doc_id = c.doc_id AND m.idx = c.idx"
                " WHERE c.doc_id = ? AND c.sentence_start < ? AND c.sentence_end > ?", (doc, end, start)):
            groups[group] = max(groups.get(group, -1.0), cos)
    if not groups:
        return []
    stored = {g["id"]: g for g in store.relations("claim_group")}
    out = []
    for gid in sorted(groups, key=lambda g: -groups[g])[:3]:
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


def _verdict(evidence: list[dict], figures: list[dict], settings: CheckSettings) -> tuple[str, list[str]]:
    by_source: dict[str, dict[str, float]] = defaultdict(lambda: {"agree": 0.0, "disagree": 0.0})
    for e in evidence:
        if e["stance"] in ("agree", "disagree"):
            by_source[e["source"]][e["stance"]] = max(by_source[e["source"]][e["stance"]], e["score"])
    agree = sorted(s for s, v in by_source.items() if v["agree"] >= settings.min_stance and v["agree"] > v["disagree"])
    disagree = sorted(s for s, v in by_source.items() if v["disagree"] >= settings.min_stance and v["disagree"] >= v["agree"])
    reasons = []
    if agree:
        reasons.append(f"{len(agree)} source(s) support it: {', '.join(agree[:5])}")
    if disagree:
        reasons.append(f"{len(disagree)} source(s) deny or contradict it: {', '.join(disagree[:5])}")
    compared = [f for f in figures if f.get("comparison") in ("matches", "within", "outside")]
    off = [f for f in compared if f["comparison"] == "outside"]
    on = [f for f in compared if f["comparison"] in ("matches", "within")]
    for f in compared:
        shown = sorted({v["value"] if v["value"] is not None else v["lo"] if v["lo"] is not None else v["hi"]
                        for v in f["values"]} - {None})
        pretty = ", ".join(f"{x:g}" for x in shown[:6])
        reasons.append(f"claimed {', '.join(f'{x:g}' for x in f['claimed'])} is {f['comparison']} the sources' "
                       f"figures for {f['measure']} ({pretty}; as of {f['as_of'] or 'undated'})")
    if off and not on:
        verdict = "conflicting" if agree and not disagree else "refuted"
    elif agree and disagree:
        verdict = "conflicting"
    elif agree or (on and not disagree and any(f["comparison"] == "matches" for f in on)):
        verdict = "supported"
    elif disagree:
        verdict = "refuted"
    else:
        verdict = "not_enough_evidence"
        reasons.append("no source states or denies it" + (" (sentences about it only discuss it)" if evidence else ""))
    return verdict, reasons


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
    sentences = _candidates(store, stems, settings)
    mine = set(stems)
    for s in sentences:
        theirs = set(cues(s.lang).content(s.text))
        s.shared = len(mine & theirs) / max(len(mine), 1)
    sentences = sorted(sentences, key=lambda s: -s.shared)[:settings.max_sentences]
    evidence: list[dict[str, Any]] = []
    if sentences:
        vecs = embeddings.encode([claim] + [s.text for s in sentences])
        claim_side = Side.of([claim], lang, vecs[:1])
        model = shipped()
        for s, v in zip(sentences, vecs[1:]):
            cos = float(v @ vecs[0])
            if cos < settings.min_cosine:
                continue
            label, p = model.stance(claim_side, Side.of([s.text], s.lang, v[None, :]))
            if label == "unrelated":
                continue
            evidence.append({"doc": s.doc, "source": s.source, "start": s.start, "end": s.end, "text": s.text,
                             "published": s.published, "stance": label, "score": round(p[label], 3),
                             "cosine": round(cos, 3)})
    evidence.sort(key=lambda e: (e["stance"] == "discuss", -e["score"] * e["cosine"]))
    figures = _figures(store, claim, evidence, None)
    evidence = evidence[:settings.max_evidence]
    verdict, reasons = _verdict(evidence, figures, settings)
    return CheckResult(claim, verdict, reasons, evidence, figures)
