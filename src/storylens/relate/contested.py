"""Contested statements: what sources (or a thread's commenters) say about one proposition with
opposite polarity.

Two ways to find them, both precise rather than exhaustive:

1. **Event propositions** (:data:`PROPOSITIONS`). A small set of predicates that contested events
   turn on — "foreign (Russian/CSTO) forces took part in the fighting" (take part / engage in
   fighting, fight, kill or shoot people), "the government asked Russia/the CSTO for help"
   (request / ask / call in / appeal for help, a request, по просьбе) — recognised by word
   patterns in English and Russian inside a clause, with a condition on the sentence (it must
   name the foreign side) and on the clause's nearest actor (the one acting must be the foreign
   side or a "they" that can refer to it, not the police or the rioters). This is what lets
   "they ended up killing rioters" and "they had not taken part in any fighting" meet: they share
   no words and would not be paired by paraphrase similarity alone.
2. **Negated paraphrases** (generic, English and Russian). A clause with exactly one negation
   cue (not, never, n't…, не, нет, никогда…) directly before a content word is compared with
   clauses of *other* voices that contain that word's stem and share at least
   :data:`_MIN_JACCARD` of their content stems (an inverted index: blocking, not all pairs); only
   those candidates are embedded (:mod:`storylens.relate.embeddings`), and a pair counts when the
   negated clause *with its negation taken out* has cosine ≥ :data:`PARAPHRASE_MIN` with the
   partner, and the partner carries no negation or denial.

Why embeddings do not pick the event statements: on the seed and demo corpora the clauses nearest
(by cosine) to the matched ones but not matched themselves scored at most 0.52–0.55 and were about
something else ("Russians were protecting some critical infrastructure"), while the true
opposite-side pairs score lower still: "they ended up killing rioters" vs "they had not taken part
in any fighting" 0.28, "When Tokayev's request came…" vs "Kazakhstan had not requested Russian
help" 0.27. So embeddings serve the paraphrase path only.

Polarity: a predicate is negated when a negation cue stands in its clause shortly before it, a
denial verb earlier in its sentence ("denied that…"), or a debunking word after it in its
sentence ("… are an invention", «… — вброс»). Attribution cues (said, according to, заявил,
по словам) are kept on the evidence as ``attribution``: a statement reported from
someone is still that source's account of the claim. A thread's comments count as different
voices; a document never contradicts itself (an item needs sides from different voices).

Work grows linearly with the number of sentences for (1) (regexes, then grouping by
proposition); for (2) with the number of negated clauses × the stem posting looked at (capped at
:data:`_MAX_POSTING`), and at most :data:`_MAX_PARTNERS` partners per negated clause are embedded,
so encoder cost is linear in the number of negated clauses.

Limits: the proposition list is hand-made (extend :data:`PROPOSITIONS` for another event); the
actor check is a nearest-mention heuristic, not a parser, and has no coreference beyond "they"
within a sentence (or the one before); questions and clauses opening with "if"/"unless" are
skipped, but sarcasm, irony and a claim quoted in order to mock it are not recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storylens.doc import Document

PARAPHRASE_MIN = 0.75
_MAX_POSTING = 2_000  # clauses looked at per negated word stem
_MAX_PARTNERS = 20  # candidate partners embedded per negated clause
_MIN_JACCARD = 0.3  # share of content stems the two clauses must have in common

# ---------------------------------------------------------------- cues

_NEG_EN = re.compile(r"\b(?:not|never|no|neither|nor|without|nobody|none)\b|n['’]t\b", re.I)
_NEG_RU = re.compile(r"(?<!\w)(?:не|ни|нет|никогда|никто|ничего)(?!\w)", re.I)
_NOT_ONLY = re.compile(r"^\s*(?:only|just|merely|also|even|least|quite|exactly|necessarily|только|лишь|просто|совсем|менее|более)\b",
                       re.I)
_IDIOM_BEFORE = re.compile(r"(?:\bли|\bедва|\bчуть|\bwhether or|\bif)\s*$", re.I)  # "чуть ли не" = almost
_NAME = re.compile(r"(?<=\s)[A-ZА-ЯЁ][^\W\d_]{2,}")
_DENY = re.compile(r"\b(?:den(?:y|ies|ied|ying|ial)|refut\w*|dismiss\w* (?:claims|reports)|reject\w* (?:claims|reports))\b|"
                   r"(?<!\w)(?:отрица\w*|опроверг\w*|опровер\w*)", re.I)
_ATTRIBUTION = re.compile(
    r"\b(?:according to|said|says|say|stated|states|claimed|claims|told|reported|announced|insisted|"
    r"official sources|officials)\b|(?<!\w)(?:заявил\w*|сообщил\w*|по словам|по данным|по информации|утвержда\w*)",
    re.I)
# questions and conditions assert nothing
_UNASSERTED = re.compile(r"^\W*(?:if|unless|whether|in case|suppose|если|ли)\b", re.I)
_CLAUSE_SPLIT = re.compile(
    r"\s*(?:;|:|\s[—–]\s|,\s*(?=(?:but|and|so|though|although|while|whereas|yet|а|но|однако|хотя)\b)|"
    r"\((?=\s*which\b)|\s(?=(?:though|although|whereas)\b))\s*", re.I)

# ---------------------------------------------------------------- actors

_FOREIGN = (r"(?:russian|csto|foreign)\s+(?:\w+\s+){0,2}?(?:troops|forces|soldiers|paratroopers|servicemen|peacekeepers|"
            r"contingent|military|units)|\b(?:russians|paratroopers|peacekeepers|csto)\b|"
            r"(?:российск|русск|иностранн)\w*\s+(?:\w+\s+)?(?:войск|сил|военн|солдат|десантник|контингент|миротвор)\w*|"
            r"(?<!\w)(?:одкб|миротворц\w*|десантник\w*|россияне|русские)(?!\w)")
_THEY = r"\b(?:they|them)\b|(?<!\w)(?:они|их)(?!\w)"
_OTHER = (r"\bkazakh\w*\s+(?:\w+\s+)?(?:troops|forces|military|army|police|soldiers|officers)\b|"
          r"\b(?:police|policemen|officers|bandits|rioters|protesters|protestors|demonstrators|terrorists|militants|"
          r"looters|criminals|people|crowds?|security forces|he|she|tokayev|tokaev|authorities)\b|"
          r"(?<!\w)(?:полици\w*|бандит\w*|протестующ\w*|митингующ\w*|террорист\w*|боевик\w*|мародер\w*|мародёр\w*|"
          r"он|она|токаев\w*|власт\w*|казахстанск\w* (?:военн|силовик|полиц)\w*)(?!\w)")
_DENIED_AFTER = re.compile(
    r"\b(?:is|are|was|were)\s+(?:an?\s+|just\s+an?\s+|pure\s+)?(?:invention|inventions|fabrications?|fakes?|lies?|myths?|"
    r"hoax(?:es)?|disinformation)\b|(?<!\w)(?:выдумк\w*|фейк\w*|ложь|вымысел|вброс\w*|враньё|вранье)(?!\w)", re.I)
_ACTOR = re.compile(f"(?P<foreign>{_FOREIGN})|(?P<they>{_THEY})|(?P<other>{_OTHER})", re.I)
_FOREIGN_SENT = re.compile(
    r"\b(?:russia\w*|csto|paratroopers?|peacekeep\w*|foreign (?:troops|forces|soldiers))\b|"
    r"(?<!\w)(?:росси\w*|российск\w*|русск\w*|одкб|миротвор\w*|десантник\w*)", re.I)
_RUSSIA_SENT = re.compile(r"\b(?:russia\w*|csto|putin|moscow|kremlin|collective security treaty|"
                          r"foreign (?:troops|forces|soldiers))\b|(?<!\w)(?:росси\w*|одкб|путин\w*|москв\w*|кремл\w*)", re.I)

_VICTIMS = (r"(?:rioters|protesters|protestors|demonstrators|people|civilians|crowds?|terrorists|bandits|militants|"
            r"anyone|anybody|kazakhs?)")


@dataclass
class Proposition:
    id: str
    about: str
    patterns: list[re.Pattern]
    sentence_needs: re.Pattern
    actor_check: bool = True


def _rx(*parts: str) -> list[re.Pattern]:
    return [re.compile(p, re.I) for p in parts]


PROPOSITIONS: list[Proposition] = [
    Proposition(
        id="foreign-forces-fought",
        about="Russian/CSTO troops took part in the fighting",
        patterns=_rx(
            r"\b(?:take|takes|took|taken|taking)\s+part\s+in\s+(?:\w+\s+){0,2}?(?:fighting|fights?|combat|clashes|hostilities|battles?)\b",
            r"\bparticipat\w*\s+in\s+(?:\w+\s+){0,2}?(?:fighting|fights?|combat|clashes|hostilities|battles?)\b",
            r"\bengag\w*\s+in\s+(?:\w+\s+){0,2}?(?:fight|fighting|combat|clashes|hostilities|battles?)\b",
            r"\b(?:fight|fought|fighting)\s+(?:\w+\s+)?" + _VICTIMS + r"\b",
            r"\b(?:kill(?:ed|ing|s)?|shot|shoot(?:ing|s)?|fir(?:ed|ing)|open(?:ed|ing)?\s+fire)\s+(?:(?:at|on|into)\s+)?"
            r"(?:\w+\s+){0,2}?" + _VICTIMS + r"\b",
            r"(?<!\w)(?:участвова\w*|приня\w*\s+участи\w*|принима\w*\s+участи\w*)\s+(?:\w+\s+){0,2}?(?:в\s+)?"
            r"(?:бо[яеи]\w*|боевых|столкновени\w*|подавлени\w*|разгон\w*|стрельб\w*)",
            r"(?<!\w)(?:в\s+)?(?:бо[яеи]\w*|боевых\s+действиях|столкновени\w*|подавлени\w*|разгон\w*)\s+(?:\w+\s+)?"
            r"(?:не\s+)?(?:участвова\w*|приня\w*\s+участи\w*|принима\w*\s+участи\w*)",
            r"(?<!\w)(?:стреля\w*|убива\w*|убил\w*|открыва\w*\s+огонь|откры\w*\s+огонь)\s+(?:\w+\s+){0,2}?"
            r"(?:по\s+)?(?:протестующ\w*|митингующ\w*|люд\w*|мирн\w*|демонстрант\w*|толп\w*)",
        ),
        sentence_needs=_FOREIGN_SENT,
    ),
    Proposition(
        id="asked-russia-for-help",
        about="Kazakhstan asked Russia/the CSTO for help",
        patterns=_rx(
            r"\b(?:request(?:ed|s|ing)?|ask(?:ed|s|ing)?|appeal(?:ed|s|ing)?|call(?:ed|s|ing)?\s+(?:on|upon|in|for)|"
            r"turn(?:ed|s|ing)?\s+to|invit(?:e|ed|es|ing)|seek(?:s|ing)?|sought|plead\w*|beg\w*)\b[^.;:!?]{0,100}?"
            r"\b(?:help|aid|assistance|support|intervene|intervention|troops|forces|soldiers|peacekeepers|to\s+send)\b",
            r"\b(?:ask(?:ed|s|ing)?|call(?:ed|s|ing)?(?:\s+in)?|invit(?:e|ed|es|ing)|turn(?:ed|s|ing)?\s+to)\s+(?:the\s+)?"
            r"\W{0,3}(?:russia|russians|csto|putin|moscow|kremlin|collective\s+security\s+treaty)\b",
            r"\binvitation\b[^.;:!?]{0,40}?\b(?:troops|forces|soldiers|peacekeepers|csto|russia\w*)\b",
            r"(?:\b\w+['’]s\s+|\bat\s+the\s+|\bthe\s+|\ba\s+|\bno\s+)request\b(?!\s+to\s+(?:leave|withdraw))",
            r"(?<!\w)(?:просил\w*|попросил\w*|запросил\w*|обратил\w*|обраща\w*|пригласил\w*)\s+(?:\w+\s+){0,4}?"
            r"(?:помощ\w*|поддержк\w*|ввести|ввод\w*|войск\w*|одкб|миротвор\w*)",
            r"(?<!\w)(?:по\s+(?:\w+\s+)?просьбе|просьб\w*\s+(?:о\s+)?(?:помощ\w*|ввод\w*|ввести|направ\w*)|"
            r"запрос\w*\s+(?:о|на)\s+(?:помощ\w*|ввод\w*))(?!\w)",
        ),
        sentence_needs=_RUSSIA_SENT,
        actor_check=False,
    ),
]

# ---------------------------------------------------------------- units of text


@dataclass
class _Clause:
    doc: Document
    voice: str
    source: str
    start: int
    end: int
    sent_start: int
    sent_end: int
    lang: str = "en"
    prev_start: int | None = None  # start of the previous sentence in the same passage
    extra: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.doc.text[self.start:self.end]

    @property
    def sentence(self) -> str:
        return self.doc.text[self.sent_start:self.sent_end]

    @property
    def context(self) -> str:
        """The sentence and the one before it in the same passage (for "they" and similar)."""
        start = self.prev_start if self.prev_start is not None else self.sent_start
        return self.doc.text[start:self.sent_end]


def _source(doc: Document) -> str:
    return doc.meta.get("source") or doc.id


def _clauses(docs: list[Document]):
    for doc in docs:
        source = _source(doc)
        prev = None
        for sent in doc.sentences:
            prev_start = prev.start if prev is not None and prev.passage == sent.passage else None
            prev = sent
            passage = doc.passages[sent.passage] if 0 <= sent.passage < len(doc.passages) else None
            if passage is not None and passage.kind in ("title", "heading"):
                continue
            voice = f"{doc.id}#{sent.passage}" if doc.kind == "thread" else doc.id
            lang = (passage.language if passage else None) or doc.meta.get("language") or "en"
            text = doc.text[sent.start:sent.end]
            pos = 0
            for m in list(_CLAUSE_SPLIT.finditer(text)) + [None]:
                end = m.start() if m else len(text)
                piece = text[pos:end]
                lead = len(piece) - len(piece.lstrip())
                trail = len(piece.rstrip())
                if trail - lead > 3:
                    yield _Clause(doc, voice, source, sent.start + pos + lead, sent.start + pos + trail,
                                  sent.start, sent.end, lang, prev_start)
                if m:
                    pos = m.end()


def _negated(clause: _Clause, pred_start: int, pred_end: int) -> str | None:
    """The negation cue governing the predicate at ``pred_start:pred_end`` (document offsets), if any:
    a negation shortly before it in its clause or inside it ("в боях не участвовали"), a denial verb
    earlier in the sentence ("denied that…"), or a debunking after it ("… are an invention")."""
    inside = clause.doc.text[pred_start:pred_end]
    m = _NEG_RU.search(inside) or re.search(r"\bnot\s+to\b", inside, re.I)
    if m:
        return m.group()
    after = _DENIED_AFTER.search(clause.doc.text[pred_end:clause.sent_end])
    if after:
        return after.group()
    before = clause.doc.text[clause.start:pred_start]
    window = before[-45:]
    for rx in (_NEG_EN, _NEG_RU):
        hits = list(rx.finditer(window))
        if hits:
            return hits[-1].group()
    deny = list(_DENY.finditer(clause.doc.text[clause.sent_start:pred_start]))
    if deny:
        return deny[-1].group()
    return None


def _attribution(clause: _Clause) -> str | None:
    m = _ATTRIBUTION.search(clause.sentence)
    return m.group() if m else None


def _actor_ok(clause: _Clause, pred_start: int) -> bool:
    """Is the nearest actor before the predicate the foreign side (or a "they" in a sentence naming it)?"""
    before = clause.doc.text[clause.start:pred_start]
    hits = list(_ACTOR.finditer(before))
    if not hits:
        # no actor in the clause itself: look back in the sentence
        before = clause.doc.text[clause.sent_start:pred_start]
        hits = list(_ACTOR.finditer(before))
        if not hits:
            return False
    last = hits[-1]
    if last.group("foreign"):
        return True
    if last.group("they"):
        start = clause.prev_start if clause.prev_start is not None else clause.sent_start
        return bool(_FOREIGN_SENT.search(clause.doc.text[start:pred_start]))
    return False


def _evidence(clause: _Clause, cue: str | None) -> dict:
    ev = {"doc": clause.doc.id, "start": clause.start, "end": clause.end, "text": clause.text,
          "source": clause.source}
    if clause.doc.kind == "thread":
        ev["voice"] = clause.voice
    att = _attribution(clause)
    if att:
        ev["attribution"] = att
    if cue:
        ev["cue"] = cue
    return ev


def _item(prop_id: str, about: str, yes: list[tuple[_Clause, str | None]], no: list[tuple[_Clause, str | None]],
          how: str) -> dict | None:
    voices_yes = {c.voice for c, _ in yes}
    voices_no = {c.voice for c, _ in no}
    if not yes or not no or (voices_yes == voices_no and len(voices_yes) == 1):
        return None
    src_yes = sorted({c.source for c, _ in yes})
    src_no = sorted({c.source for c, _ in no})
    cues = sorted({cue for _, cue in no if cue})
    explanation = (f"{len(no)} statement(s) from {', '.join(src_no)} say no "
                   f"(negation/denial: {', '.join(repr(c) for c in cues) or 'none'}); "
                   f"{len(yes)} from {', '.join(src_yes)} say yes. {how}")
    return {"id": prop_id, "about": about,
            "sides": {"yes": [_evidence(c, None) for c, _ in yes], "no": [_evidence(c, cue) for c, cue in no]},
            "explanation": explanation}


# ---------------------------------------------------------------- 1. event propositions


def _propositions(clauses: list[_Clause]) -> tuple[list[dict], set[tuple[str, int]]]:
    items, used = [], set()
    for prop in PROPOSITIONS:
        yes: list[tuple[_Clause, str | None]] = []
        no: list[tuple[_Clause, str | None]] = []
        for clause in clauses:
            if not prop.sentence_needs.search(clause.context) or _UNASSERTED.search(clause.text) \
                    or clause.sentence.rstrip(" \n\"'”»)").endswith("?"):
                continue
            text = clause.text
            for rx in prop.patterns:
                m = rx.search(text)
                if not m:
                    continue
                pred = clause.start + m.start()
                if prop.actor_check and not _actor_ok(clause, pred):
                    continue
                cue = _negated(clause, pred, clause.start + m.end())
                if m.group().lower().startswith("no "):
                    cue = "no"
                (no if cue else yes).append((clause, cue))
                break
        item = _item(prop.id, prop.about, yes, no,
                     "Matched by the event predicate patterns; polarity from negation cues before the predicate.")
        if item:
            items.append(item)
            used.update((c.doc.id, c.start) for c, _ in yes + no)
    return items, used


# ---------------------------------------------------------------- 2. negated paraphrases

_STEM_WORD = re.compile(r"[^\W\d_]{4,}")
_GENERIC = set("""that this with from have were been they their there which what when where said says would could
should about into after before also only some more most such than then them these those very will while being other
because however although though just still even over under against between""".split())


def _stems(text: str) -> list[str]:
    return [w.lower()[:5] for w in _STEM_WORD.findall(text) if w.lower() not in _GENERIC]


def _paraphrases(clauses: list[_Clause], used: set[tuple[str, int]], threshold: float) -> list[dict]:
    from storylens.relate import embeddings

    negs: list[tuple[_Clause, str, str, str]] = []  # clause, cue, negated stem, text without the cue
    for c in clauses:
        if (c.doc.id, c.start) in used or not (5 <= len(c.text.split()) <= 40):
            continue
        lang = (c.lang or "en")[:2]
        rx = _NEG_EN if lang == "en" else _NEG_RU if lang == "ru" else None
        if rx is None:  # negation cues are known for English and Russian only
            continue
        found = list(rx.finditer(c.text))
        if len(found) != 1:  # none, or double negation / several claims
            continue
        m = found[0]
        if _NOT_ONLY.match(c.text[m.end():]) or _IDIOM_BEFORE.search(c.text[:m.start()]) \
                or c.text[:m.start()].count("(") > c.text[:m.start()].count(")") or _UNASSERTED.search(c.text) \
                or c.sentence.rstrip(" \n\"'”»)").endswith("?"):
            continue
        nxt = _STEM_WORD.search(c.text, m.end())
        # the negation must govern the next content word: "did not raise", "не участвовали"
        if not nxt or nxt.start() - m.end() > 3 or nxt.group().lower() in _GENERIC:
            continue
        plain = (c.text[:m.start()] + c.text[m.end():]).replace("  ", " ")
        negs.append((c, m.group(), nxt.group().lower()[:5], plain))
    if not negs:
        return []
    index: dict[str, list[int]] = {}
    stems_of: list[set[str]] = []
    for i, c in enumerate(clauses):
        s = set(_stems(c.text))
        stems_of.append(s)
        for st in s:
            index.setdefault(st, []).append(i)
    pairs: list[tuple[_Clause, str, str, _Clause]] = []
    for c, cue, key, plain in negs:
        mine = set(_stems(c.text))
        shared: dict[int, int] = {}
        for j in index.get(key, [])[:_MAX_POSTING]:
            other = clauses[j]
            if other.voice == c.voice or (other.doc.id, other.start) in used:
                continue
            if _NEG_EN.search(other.text) or _NEG_RU.search(other.text) or _DENY.search(other.sentence):
                continue
            n = len(mine & stems_of[j])
            if n < 2 or n / len(mine | stems_of[j]) < _MIN_JACCARD:
                continue
            if other.sentence.rstrip(" \n\"'”»)").endswith("?") or _UNASSERTED.search(other.text):
                continue
            names_a = {w.lower()[:5] for w in _NAME.findall(" " + c.text)}
            names_b = {w.lower()[:5] for w in _NAME.findall(" " + other.text)}
            if names_a and names_b and not names_a & names_b:  # about different places or people
                continue
            shared[j] = n
        # only the partners sharing most stems are embedded: at most _MAX_PARTNERS per negated clause
        for j in sorted(shared, key=lambda j: -shared[j])[:_MAX_PARTNERS]:
            pairs.append((c, cue, plain, clauses[j]))
    if not pairs:
        return []
    texts = sorted({p[2] for p in pairs} | {p[3].text for p in pairs})
    vecs = dict(zip(texts, embeddings.encode(texts)))
    items = []
    groups: dict[tuple[str, int], tuple[list, list]] = {}
    best: dict[tuple[str, int], float] = {}
    for c, cue, plain, other in pairs:
        # the negated clause with its negation taken out must say what the partner says
        sim = float(vecs[plain] @ vecs[other.text])
        if sim < threshold:
            continue
        key = (c.doc.id, c.start)
        no, yes = groups.setdefault(key, ([(c, cue)], []))
        if all(o is not other and o.text != other.text for o, _ in yes):
            yes.append((other, None))
            best[key] = max(best.get(key, 0.0), sim)
    for n, (key, (no, yes)) in enumerate(groups.items(), start=1):
        about = "whether " + re.sub(r"\s+", " ", yes[0][0].text).strip().rstrip(".")
        item = _item(f"negated-paraphrase-{n}", about[:160], yes, no,
                     f"Paired by shared word stems and sentence-embedding similarity {best[key]:.2f} "
                     f"(≥ {threshold}) between the negated statement without its negation and the other; "
                     "one side carries a negation cue, the other none.")
        if item:
            items.append(item)
    return items


def find_contested(docs: list[Document], *, paraphrase_min: float = PARAPHRASE_MIN,
                   paraphrases: bool = True) -> list[dict]:
    """Contested statements in the analysis schema's ``contested`` shape."""
    clauses = list(_clauses(docs))
    items, used = _propositions(clauses)
    if paraphrases:
        items += _paraphrases(clauses, used, paraphrase_min)
    return items
