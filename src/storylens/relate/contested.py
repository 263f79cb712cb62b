"""Contested statements: a proposition some voices assert and others deny, for any event.

No proposition is written in code. The step works on statements (sentences, titles included;
questions and conditions assert nothing and are left out) and compares them on **predicate
frames** (:mod:`storylens.stance.frames`: agent, act, patient, negation, denial, modality, the
speaker a reporting verb names), not on shared words:

1. **Candidates** are the statements with a denial or negation cue (``stance_refute.json``,
   ``stance_negation.json``), titles, and the check-worthy statements (the stored
   ``checkworthiness`` of :class:`storylens.persuasion.Classifiers`); only they are parsed.
2. **Blocking** (:func:`candidate_pairs`): acts meet only inside a block of one kind of act and one
   argument, capped per block: never all pairs.
3. **Decision** (:func:`_judge`): a *denial* (one asserts what the other negates or denies, of the
   same agent and patient) or an *attribution dispute* (one act on one patient laid on two parties
   named apart, with a word of blame or denial), between different voices; the encoder cosine of
   the two sentences must pass a floor and ranks them.
4. **Items** (:func:`_items`): pairs grouped around their strongest pair, joined by acts that say
   the same of the same; each statement keeps its doc/start/end span, source, date, stance, cue and voice.

Voices: a source is one voice, a thread's comments are one voice each, a statement inside a
quotation with a named speaker is that speaker's voice, and so is an act under a reporting or
denying verb with a subject ("the ministry denied…", "but the airline countered that…"), or,
failing both, a sentence the attribution layer gives a speaker ("…, according to X"). Inside one
article (even one sentence) only two different reported speakers can take two sides: an outlet
reporting both sides does not contradict itself, and one speaker quoted twice is one voice.

When a source denies in one document what it said in its own voice in another, the item is a
**change of account** (``kind: "changed_account"``, sides ``earlier`` and ``later``), not a
dispute between sources. A user's own claims to track go through :mod:`storylens.stance.watch`.

A person stands for the country the corpus's own titles give him
(:mod:`storylens.stance.parties`), so "Chilean President X is preparing a provocation" and "Peru is
planning one" dispute who is behind it. Denial items whose anchors say one proposition are merged
(:func:`_merged`). Limits (docs/stance.md): sarcasm is not recognised. Settings:
:class:`storylens.config.ContestedSettings`; measured in docs/evaluation.md.
"""

from __future__ import annotations

import pickle
import re
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from storylens import lang as lang_data
from storylens.config import ContestedSettings
from storylens.doc import Annotations, Document
from storylens.stance.cues import cues
from storylens.stance.frames import FABRICATION, PARSE_BATCH, STEM, Frame, frames
from storylens.stance.parties import people_parties, stand_for
from storylens.stance.polarity import denial_cues, same_stem

_MIN_WORDS, _MAX_WORDS = 4, 70


@dataclass(slots=True)
class Statement:
    """One asserting sentence; holds its own text, not its document, so that the step streams."""

    doc: str  # document id
    kind: str  # the document's kind ("article", "thread", …)
    text: str
    start: int
    end: int
    voice: str
    source: str
    lang: str
    published: str | None
    checkworthiness: float | None
    title: bool
    refute: tuple[str, ...]  # () when none: one shared object, not two empty lists per statement
    negation: tuple[str, ...]
    stems: frozenset[str]
    attributed: bool  # reported from someone ("X said", "X claims"): not the source's own account
    index: int = 0
    quoted: bool = False  # the sentence lies inside a quotation whose speaker is in ``voice``
    said_by: str | None = None  # the speaker a quotation or the attribution layer gives the sentence
    said_at: int | None = None  # where the attribution layer's reporting cue starts in ``text``

    @property
    def denies(self) -> bool:
        return bool(self.refute or self.negation)

    def evidence(self, stance: str, probability: float | None = None, voice: str | None = None) -> dict:
        ev = {"doc": self.doc, "start": self.start, "end": self.end, "text": self.text, "source": self.source,
              "published": self.published, "stance": stance}
        voice = voice or self.voice
        if voice != self.doc:
            ev["voice"] = voice
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


def statements(docs: Iterable[Document],
               annotations: Callable[[str], Annotations | None] | None = None) -> Iterator[Statement]:
    """Every sentence that asserts something, with its voice, cues and stems, made as consumed;
    ``docs`` is read once, so a stream from the store keeps one document in memory at a time."""
    made = 0
    for doc in docs:
        ann = annotations(doc.id) if annotations else None
        scores = ann.checkworthiness if ann is not None else {}
        source = doc.meta.get("source") or doc.id[:10]
        published = (doc.meta.get("published") or "")[:10] or None
        previous = None
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
            said, at = (speaker, None) if speaker else _attributed_to(text, previous, ann, start)
            previous = (text, ann, start)
            yield Statement(
                doc.id, doc.kind, text, start, end, voice, source, c.lang, published, scores.get(i),
                bool(passage and passage.kind in ("title", "heading")),
                *map(tuple, denial_cues(text, c.lang)), frozenset(c.content(text)), c.attributed(text) or bool(c.find("hedge", text)),
                made, bool(speaker), said, at)
            made += 1


def _attributed_to(text: str, previous: tuple | None, ann: Annotations | None, start: int) -> tuple[str | None, int | None]:
    """The speaker the attribution layer finds for a sentence ("…, according to X", "X said"; "he
    said" takes the previous sentence's speaker) and where its cue starts: its voice where no frame
    names one."""
    from storylens.annotate.attribution import find_attribution

    found = find_attribution(text, ann.entities if ann is not None else None, start)
    if found is not None and found.pronoun:
        if previous is None:
            return None, None
        text0, ann0, start0 = previous
        at = found.cue_start
        found = find_attribution(text0, ann0.entities if ann0 is not None else None, start0)
        if found is None or found.pronoun:
            return None, None
        return found.by, at
    return (found.by, found.cue_start) if found is not None and found.by else (None, None)


def _candidate(s: Statement, settings: ContestedSettings) -> bool:
    """A statement worth parsing: a denial or negation, a title, a check-worthy claim, or a judgement
    of how something went ("hailed the response as a success": opinion, so the classifier passes it over)."""
    return (s.denies or s.title or s.checkworthiness is None or s.checkworthiness >= settings.min_checkworthiness
            or not s.stems.isdisjoint(_judgement_stems(s.lang)))


@lru_cache(maxsize=None)
def _judgement_stems(code: str) -> frozenset[str]:
    d = lang_data.cues(code, "contested_evaluative")
    return frozenset(w.lower()[:STEM] for kind in ("positive", "negative") for w in d.get(kind, []))


def _account_pair(a: Statement, b: Statement) -> bool:
    """Two statements a source makes in its own voice in two documents (a possible change of account)."""
    return a.source == b.source and a.doc != b.doc and not a.attributed and not b.attributed


_NONE: frozenset[str] = frozenset()  # one object: a new empty frozenset per act took 216 bytes twice


@dataclass(frozen=True, slots=True)
class Act:
    """One frame of one statement and the voice that says it: the speaker of the quotation it lies
    in, else a reporting verb's subject ("*the ministry* said…", "but *the airline* countered that…"),
    else the speaker the attribution layer finds for the sentence, else the outlet (or the comment).
    ``speaker`` holds the speaker's stems and ``names`` those that name him, so that two quotations
    of one person are one voice."""

    statement: Statement
    frame: Frame
    voice: str
    speaker: frozenset[str] = _NONE
    names: frozenset[str] = _NONE

    @property
    def lang(self) -> str:
        return self.statement.lang


def acts(units: list[Statement], people: dict[str, frozenset[str]] | None = None) -> list[Act]:
    """The frames of ``units`` that have an argument (an act of nobody to nothing compares with nothing);
    a person stands for the country ``people`` gives him (:func:`storylens.stance.parties.people_parties`).

    Each distinct sentence is parsed once: news repeats its sentences (syndicated copies, reposts,
    a title over its first paragraph), and parsing is most of this step's work."""
    distinct = list(dict.fromkeys((u.text, u.lang) for u in units))
    parsed = dict(zip(distinct, frames([t for t, _ in distinct], [lg for _, lg in distinct])))
    return [act for u in units for act in _acts_of(u, parsed[u.text, u.lang], people or {})]


def _acts_of(u: Statement, parsed: list[Frame], people: dict[str, frozenset[str]]) -> Iterator[Act]:
    """The acts of statement ``u`` from its sentence's frames (spans moved into the document)."""
    for f in parsed:
        f = stand_for(replace(f, start=f.start + u.start, end=f.end + u.start), people, u.lang)
        if f.agent or f.patient:
            yield Act(u, f, *_voice(u, f))


def _voice(u: Statement, f: Frame) -> tuple[str, frozenset[str], frozenset[str]]:
    """(voice, speaker stems, speaker name stems) of frame ``f`` of statement ``u`` (see :class:`Act`).
    A denied act is the denier's: the attribution layer's speaker of a "falsely claimed" sentence
    is the one it denies, so only the frame's own speaker or the outlet say a denial. An act whose
    predicate is the attribution layer's cue ("the pilots *announced* a strike") is the outlet's."""
    offices = _offices(u.lang)
    stems = _speaker_stems(u.said_by or "", u.lang)
    # "the pilots *announced* a strike": the cue is the act itself; a "speaker" holding the act's own
    # words is a clause the attribution layer misread ("Эвакуация … была успешной, заявил губернатор")
    own = (u.said_at is not None and f.start - u.start == u.said_at) or bool(stems & f.arguments)
    if u.quoted or (u.said_by and not f.speaker and not f.denied and not own):
        names = frozenset(_speaker_stems(" ".join(re.findall(r"\b[A-ZА-ЯЁЄІЇҐ][\w'’-]*", u.said_by or "")), u.lang))
        base = u.voice if u.quoted else f"{u.voice}@{u.said_by.lower()}"
        return base, stems, names - offices
    if f.speaker:
        return f"{u.voice}@{'+'.join(sorted(f.speaker))}", f.speaker, f.speaker_names - offices
    return u.voice, _NONE, _NONE


@lru_cache(maxsize=1 << 14)
def _speaker_stems(name: str, code: str) -> frozenset[str]:
    """Stems of a speaker's words as the frames write them (lemmas' first letters; honorifics dropped)."""
    from storylens.relate.morphology import word_lemma

    honorifics = {w.lower().rstrip(".") for w in lang_data.cues(code, "contested_frames").get("titles", [])}
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", name) if w.lower() not in honorifics]
    return frozenset(word_lemma(w, code)[:STEM] for w in words if len(w) > 2)


@lru_cache(maxsize=None)
def _offices(code: str) -> frozenset[str]:
    """Stems of words of office ("President"): two presidents are not one speaker."""
    return frozenset(w.lower()[:STEM] for w in lang_data.cues(code, "contested_titles").get("titles", []))


@lru_cache(maxsize=None)
def _actor_families(code: str) -> tuple[tuple[str, ...], ...]:
    """General nouns that stand for one another as arguments: kinds of actor ("troops", "forces"),
    and words for a figure ("the numbers" / "the death toll")."""
    d = lang_data.cues(code, "contested_frames")
    fams = [*d.get("actor_families", []), d.get("figure_nouns", [])]
    return tuple(tuple(w.lower() for w in fam) for fam in fams if fam)


def _predicate_keys(act: Act) -> frozenset[str]:
    """The kinds of act a predicate names: its families of acts (``stance_predicates.json``), else its stem."""
    lemma, code = act.frame.predicate, act.lang
    fams = {f"{code}~{k}" for k, fam in enumerate(cues(code).families) if any(lemma.startswith(w) for w in fam)}
    return frozenset(fams or {f"{code}:{lemma[:STEM]}"})


def _keys(stems: frozenset[str], code: str) -> frozenset[str]:
    """Argument stems, general actor nouns replaced by their family ("troops", "forces" → one key)."""
    return frozenset(_key(s, code) for s in stems)


@lru_cache(maxsize=1 << 16)
def _key(stem: str, code: str) -> str:
    """One stem's key (asked about hundreds of thousands of times while pairing: cached)."""
    fams = _actor_families(code)
    return next((f"~{k}" for k, fam in enumerate(fams) if any(stem.startswith(w[:STEM]) for w in fam)), stem)


def _shared(a: frozenset[str], b: frozenset[str], code: str) -> set[str]:
    ka, kb = _keys(a, code), _keys(b, code)
    return {x for x in ka if any(x == y or (x[0] != "~" and y[0] != "~" and same_stem(x, y)) for y in kb)}


def _voices_apart(a: Act, b: Act) -> bool:
    """May the two acts stand on two sides? Different voices: inside one article (not a thread) only
    two different speakers it reports, since an outlet reporting both sides does not contradict
    itself and an outlet and the speaker it quotes are one voice; one speaker quoted twice (in one
    article or two) is one voice; or one source's own voice in two documents (a change of account)."""
    if a.speaker and b.speaker and _one_speaker(a, b):
        return False
    if a.statement.doc == b.statement.doc and a.statement.kind != "thread":
        return bool(a.speaker and b.speaker)
    return a.voice != b.voice or _account_pair(a.statement, b.statement)


def _one_speaker(a: Act, b: Act) -> bool:
    """Are two speakers one: a shared name ("President Trump" / "Trump"), or one's words holding the
    other's ("the ministry" / "the defence ministry")?"""
    return bool(a.names & b.names) or a.speaker <= b.speaker or b.speaker <= a.speaker


def _judge(a: Act, b: Act, topic: frozenset[str]) -> tuple[str, float] | None:
    """Do two acts of different voices contradict each other, and how strongly?

    A **denial**: one asserts what the other negates or denies: same kind of act, the agents the
    same or not named apart, the patients the same when both have one, and at least one shared
    argument that is not a topic word (or both agent and patient shared). An **attribution**
    dispute: both assert the same act on the same patient, by parties of one kind named apart
    ("rebel shelling of the bridge" / "army units shelled the bridge, the rebels said").
    """
    fa, fb = a.frame, b.frame
    code = a.lang
    agents = _shared(fa.agent, fb.agent, code)
    patients = _shared(fa.patient | fa.oblique, fb.patient | fb.oblique, code)
    if _conflict(fa, fb, code):
        return None
    apart = _apart(fa, fb, code)
    specific = (agents | patients) - topic
    common = len((agents | patients) & topic)
    if (fa.asserts and fb.rejects) or (fa.rejects and fb.asserts):
        # a judgement is of its subject alone: "the response" may be the corpus's topic, but one
        # subject must hold the other ("the federal response" / "the response"; not "the state response")
        judged = fa.predicate == fb.predicate == "be_judged" and _one_subject(fa, fb, code)
        if _different_agents(fa, fb, code) or not (specific or (agents and patients) or judged):
            return None
        return "denial", len(specific) + 0.5 * common + (1.0 if fa.denied or fb.denied else 0.0)
    core = _shared(fa.patient, fb.patient, code)
    if (_affirms(fa) and _affirms(fb) and fa.modal == fb.modal and apart and core and (fa.kinds | fb.kinds) <= _PARTIES
            and (_blames(a) or _blames(b) or fa.predicate == FABRICATION)):
        # a label of fabrication laid on a party is an explicit accusation, as strong as a denial cue
        return "attribution", len(core - topic) + 0.5 * len(core & topic) + (1.0 if fa.predicate == FABRICATION else 0.0)
    return None


_PARTIES = frozenset({"country", "place", "org"})  # who an act is laid on in an attribution dispute


def _affirms(f: Frame) -> bool:
    """Does the statement lay the act on its agent, done or meant ("shelled" or "is preparing to
    shell")? Who is preparing an attack is disputed as much as who carried it out."""
    return not (f.negated ^ f.denied)


def _blames(act: Act) -> bool:
    """Does the statement lay an act on someone or reject that ("accused", "blamed", "denied")?"""
    words = _blame_words(act.lang)
    return bool(act.statement.refute) or any(w.lower()[:STEM] in words for w in re.findall(r"\w+", act.statement.text))


@lru_cache(maxsize=None)
def _blame_words(code: str) -> frozenset[str]:
    return frozenset(w.lower()[:STEM] for w in lang_data.cues(code, "contested_frames").get("blame", []))


def _conflict(fa: Frame, fb: Frame, code: str) -> bool:
    """Do the two acts have different patients ("left the building" / "did not leave the country")?
    A common noun and a name may be one thing ("the country" / "Pakistan"): no conflict then."""
    return bool(fa.patient and fb.patient and fa.named_patient == fb.named_patient
                and not _shared(fa.patient | fa.oblique, fb.patient | fb.oblique, code))


def _different_agents(fa: Frame, fb: Frame, code: str) -> bool:
    """Do the two acts name different agents ("Bossert pushed back" / "Long did not push back";
    "the government played no role" / "politics played a role")? Then one does not deny the other.
    An act without an agent ("the plant was shelled") may be anyone's, a common noun may stand for a
    name ("the president" / "Kazakhstan"), and one who denies an act speaks for whoever did it
    ("the ministry denied deploying vehicles" / "mercenaries are there with vehicles")."""
    named = fa.names and fb.names and not _shared(fa.names, fb.names, code)
    common = (fa.agent and fb.agent and not fa.names and not fb.names and not _speaks_for(fa) and not _speaks_for(fb)
              and not _shared(fa.agent, fb.agent, code))
    return bool(named or common)


def _speaks_for(f: Frame) -> bool:
    """A denial whose agent is its speaker ("the ministry denied deploying"): the speaker stands for its side."""
    return f.denied and bool(f.agent) and f.agent <= f.speaker


def _apart(fa: Frame, fb: Frame, code: str) -> bool:
    """Are the agents parties of one kind named apart ("Russia" / "Ukraine")?"""
    return bool(fa.names and fb.names and not _shared(fa.names, fb.names, code) and fa.kinds & fb.kinds)


def candidate_pairs(spilled: SpilledActs, topic: frozenset[str],
                    settings: ContestedSettings) -> list[tuple[Act, Act, str, float]]:
    """(asserting act, other act, kind, strength) of different voices: the blocking step.

    Acts meet only inside a block of one kind of act and one argument (an inverted index on
    (predicate family, argument stem)); a block holds at most ``max_block`` acts of each polarity,
    the most check-worthy first. Never all pairs: the work grows with the corpus, not its square.
    The blocks are read from disk one at a time (:class:`SpilledActs`), in the order they were
    first met; a pair two blocks share is made once.
    """
    made: set[tuple[int, int]] = set()  # the pairs found: a pair judged and let go is judged alike again
    out = []
    for rows in spilled.blocks():
        yes = [n for n, role in rows if role & _ASSERTS][:settings.max_block]
        no = [n for n, role in rows if role & _REJECTS][:settings.max_block]
        meant = [n for n, role in rows if role & _MEANT][:settings.max_block]
        act = spilled.load(yes + no + meant)
        for i, x in enumerate(yes + meant):
            for y in (no + yes[i + 1:] if i < len(yes) else meant[i - len(yes) + 1:]):
                a, b = act[x], act[y]
                one = a.statement.index == b.statement.index  # "X said P, but Y countered that not P": two speakers, one sentence
                if (x, y) in made or (not one and _norm(a.statement.text) == _norm(b.statement.text)):
                    continue
                if not _voices_apart(a, b):
                    continue
                judged = _judge(a, b, topic)
                if judged is not None:
                    made.add((x, y))
                    out.append((spilled.keep(x, a), spilled.keep(y, b), *judged))
    return out


_ASSERTS, _REJECTS, _MEANT = 1, 2, 4  # an act's roles in a block (a bit each)


class SpilledActs:
    """The step's candidate statements and their acts in a SQLite file in a temporary folder, so
    that memory holds one block of acts at a time, not every act of the main story (about 25 KB a
    main-story document at 100,000 documents, measured in docs/evaluation.md). Read in the order
    they were written, the acts are numbered as one list of them would be; :meth:`close` removes
    the folder (``with`` closes it, also when the step fails).

    An act that a pair or an item keeps is loaded once and kept (:meth:`keep`), so that the pairs
    and items, which tell acts and statements apart by identity, see one object for each."""

    _BATCH = PARSE_BATCH  # the parser's batch: a chunk but the last holds a multiple of it, so the batches are one call's
    _CHUNK = 512  # English sentences parsed at once

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="storylens-contested-")
        self.db = sqlite3.connect(Path(self._dir.name) / "acts.db")
        self.db.executescript("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE statements (idx INTEGER PRIMARY KEY, data BLOB);
            CREATE TABLE parsed (text TEXT, lang TEXT, data BLOB, PRIMARY KEY (text, lang)) WITHOUT ROWID;
            CREATE TABLE acts (n INTEGER PRIMARY KEY, idx INTEGER, data BLOB);
            CREATE TABLE members (p TEXT, k TEXT, seq INTEGER, rank REAL, n INTEGER, role INTEGER);
            CREATE TABLE predicates (p TEXT, n INTEGER);
        """)
        self.count = 0  # acts written
        self._seq = 0  # block memberships written: a block's first one orders the blocks
        self._statements: list[tuple[int, bytes]] = []
        self._acts: dict[int, Act] = {}  # kept: in a pair or an item
        self._kept_statements: dict[int, Statement] = {}

    def __enter__(self) -> SpilledActs:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()
        self._dir.cleanup()

    def add_statement(self, u: Statement) -> None:
        """Write a candidate statement (its acts are made by :meth:`make_acts`, once every statement is read)."""
        self._statements.append((u.index, pickle.dumps(u, pickle.HIGHEST_PROTOCOL)))
        if len(self._statements) >= 1_000:
            self._flush_statements()

    def _flush_statements(self) -> None:
        self.db.executemany("INSERT INTO statements VALUES (?, ?)", self._statements)
        self._statements.clear()

    def make_acts(self, people: dict[str, frozenset[str]]) -> None:
        """Parse the candidate statements (each distinct sentence once, in the batches one call on all of
        them would make) and write their acts, each under its blocks and its kinds of act."""
        self._flush_statements()
        waiting: list[Statement] = []
        pending: dict[tuple[str, str], None] = {}  # distinct sentences not parsed yet, in order
        english = 0
        for (data,) in self.db.execute("SELECT data FROM statements ORDER BY idx"):
            u: Statement = pickle.loads(data)
            waiting.append(u)
            key = (u.text, u.lang)
            if key not in pending and self.db.execute("SELECT 1 FROM parsed WHERE text = ? AND lang = ?",
                                                      key).fetchone() is None:
                pending[key] = None
                english += u.lang[:2] == "en"
            if english % self._BATCH == 0 and (english >= self._CHUNK or len(waiting) >= 4 * self._CHUNK):
                self._parse(waiting, pending, people)
                english = 0
        self._parse(waiting, pending, people)
        self.db.execute("CREATE INDEX members_block ON members (p, k, rank, n)")
        self.db.execute("CREATE INDEX predicates_p ON predicates (p, n)")
        self.db.commit()

    def _parse(self, waiting: list[Statement], pending: dict[tuple[str, str], None],
               people: dict[str, frozenset[str]]) -> None:
        keys = list(pending)
        found = dict(zip(keys, frames([t for t, _ in keys], [lg for _, lg in keys])))
        self.db.executemany("INSERT INTO parsed VALUES (?, ?, ?)",
                            [(t, lg, pickle.dumps(f, pickle.HIGHEST_PROTOCOL)) for (t, lg), f in found.items()])
        acts_rows, members, predicates = [], [], []
        for u in waiting:
            key = (u.text, u.lang)
            parsed = found[key] if key in found else pickle.loads(self.db.execute(
                "SELECT data FROM parsed WHERE text = ? AND lang = ?", key).fetchone()[0])
            for act in _acts_of(u, parsed, people):
                n = self.count
                self.count += 1
                f = act.frame
                acts_rows.append((n, u.index, pickle.dumps((f, act.voice, act.speaker, act.names), pickle.HIGHEST_PROTOCOL)))
                role = _ASSERTS * f.asserts | _REJECTS * f.rejects | _MEANT * (f.modal and _affirms(f))
                rank = -(u.checkworthiness or 0.5)
                arguments = _keys(f.arguments, act.lang)
                for p in _predicate_keys(act):
                    predicates.append((p, n))
                    for k in arguments:
                        members.append((p, k, self._seq, rank, n, role))
                        self._seq += 1
        self.db.executemany("INSERT INTO acts VALUES (?, ?, ?)", acts_rows)
        self.db.executemany("INSERT INTO members VALUES (?, ?, ?, ?, ?, ?)", members)
        self.db.executemany("INSERT INTO predicates VALUES (?, ?)", predicates)
        waiting.clear()
        pending.clear()

    def blocks(self) -> Iterator[list[tuple[int, int]]]:
        """Each block that can make a pair, in the order its first act was written: its acts' (number,
        role), the most check-worthy first (then in the order written)."""
        heads = self.db.execute(f"SELECT p, k FROM members GROUP BY p, k HAVING COUNT(*) > 1"
                                f" AND MAX(role & {_ASSERTS | _MEANT}) > 0 ORDER BY MIN(seq)")
        for p, k in heads:
            yield self.db.execute("SELECT n, role FROM members WHERE p = ? AND k = ? ORDER BY rank, n",
                                  (p, k)).fetchall()

    def load(self, numbers: list[int]) -> dict[int, Act]:
        """The acts numbered ``numbers`` (those kept as they were kept; one statement object per statement)."""
        out = {n: self._acts[n] for n in numbers if n in self._acts}
        wanted = list(dict.fromkeys(n for n in numbers if n not in out))
        if not wanted:
            return out
        rows = self.db.execute(f"SELECT n, idx, data FROM acts WHERE n IN ({','.join('?' * len(wanted))})",
                               wanted).fetchall()
        needed = {r[1] for r in rows}
        statements = {i: self._kept_statements[i] for i in needed if i in self._kept_statements}
        missing = list(needed - set(statements))
        if missing:
            for i, data in self.db.execute(f"SELECT idx, data FROM statements WHERE idx IN"
                                           f" ({','.join('?' * len(missing))})", missing):
                statements[i] = pickle.loads(data)
        for n, i, data in rows:
            f, voice, speaker, names = pickle.loads(data)
            out[n] = Act(statements[i], f, voice, speaker or _NONE, names or _NONE)
        return out

    def keep(self, n: int, act: Act) -> Act:
        """``act`` (number ``n``) kept for the pairs and items: the object every later load returns."""
        self._kept_statements.setdefault(act.statement.index, act.statement)
        return self._acts.setdefault(n, act)

    def of_kind(self, p: str, limit: int) -> list[Act]:
        """The first ``limit`` acts of the kind of act ``p`` (:func:`_predicate_keys`), in the order written, kept."""
        numbers = [n for (n,) in self.db.execute("SELECT n FROM predicates WHERE p = ? ORDER BY n LIMIT ?", (p, limit))]
        found = self.load(numbers)
        return [self.keep(n, found[n]) for n in numbers]


def _gate(pairs: list[tuple[Act, Act, str, float]], settings: ContestedSettings) -> list[tuple[Act, Act, str, float]]:
    """Pairs whose statements are close enough in meaning (encoder cosine), which adds to their
    strength. Only these few statements are embedded.

    The stance model is not asked: on two single sentences that say one act in different words
    ("the troops ended up killing protesters" / "they had not taken part in any fighting") it
    answers *unrelated* with a probability near 1.0 (docs/evaluation.md); the frames decide instead.
    """
    from storylens.relate import embeddings

    if not pairs:
        return []
    units = list({id(s): s for a, b, _, _ in pairs for s in (a.statement, b.statement)}.values())
    row = {id(s): k for k, s in enumerate(units)}
    vecs = embeddings.encode([s.text for s in units])
    out = []
    for a, b, kind, strength in pairs:
        cos = float(vecs[row[id(a.statement)]] @ vecs[row[id(b.statement)]])
        if cos >= settings.min_cosine:
            out.append((a, b, kind, strength + cos))
    return out


def _items(pairs: list[tuple[Act, Act, str, float]], spilled: SpilledActs, topic: frozenset[str],
           settings: ContestedSettings) -> list[dict]:
    """Pairs grouped into propositions, strongest first; then acts of one kind that say the same
    of the same (no argument apart, ``join_shared`` of their statement's specific words shared with
    the item's) join the side they take. No chaining from pair to pair: an item stays one proposition."""
    groups: list[dict] = []
    where: dict[int, int] = {}
    for a, b, kind, strength in sorted(pairs, key=lambda t: -t[3]):
        if kind == "denial" and a.frame.rejects:
            a, b = b, a
        g = where.get(id(a), where.get(id(b)))
        if g is not None and groups[g]["kind"] != kind:
            continue
        if g is None and kind == "attribution":  # one act laid on the same two parties: one proposition
            g = next((k for k, group in enumerate(groups) if _same_dispute(a, b, group)), None)
        if g is not None and kind == "attribution":  # each party on the side of the anchor that names it
            yes, no = groups[g]["anchors"]
            if _names_one(a, no) or _names_one(b, yes):
                a, b = b, a
            if not (_names_one(a, yes) and _names_one(b, no)):
                continue
        if g is None:
            changed = _account_pair(a.statement, b.statement) and a.voice == b.voice
            groups.append({"yes": {}, "no": {}, "inner": set(), "kind": kind, "score": strength, "changed": changed,
                           "anchors": (a, b), "keys": _predicate_keys(a) | _predicate_keys(b)})
            g = len(groups) - 1
        elif where.get(id(a), g) != where.get(id(b), g):
            continue
        for act, side in ((a, "yes"), (b, "no")):
            groups[g][side].setdefault(id(act), (act, strength))
            where[id(act)] = g
        if a.statement is b.statement:
            groups[g]["inner"].add(id(a.statement))
    groups = _merged(groups)
    for g, group in enumerate(groups):
        if group["changed"]:
            continue
        yes, no = group["anchors"]
        words = {side: set(anchor.statement.stems) for side, anchor in (("yes", yes), ("no", no))}
        for p in group["keys"]:
            for act in spilled.of_kind(p, settings.max_block * 4):
                if id(act) in where:
                    continue
                side = _joins(act, yes, no, group["kind"], words, topic, settings)
                if side:
                    group[side].setdefault(id(act), (act, group["score"] / 2))
                    where[id(act)] = g
    return [item for item in (_item(group, settings) for group in sorted(groups, key=lambda gr: -gr["score"]))
            if item is not None][:settings.max_items]


def _merged(groups: list[dict]) -> list[dict]:
    """Denial items that say one proposition as one item: a weaker item joins a stronger one when
    both their asserting anchors and their denying anchors are one act on one patient by parties not
    named apart (a capital may stand for its country: "Kiev's troops targeted" / "Ukrainian forces
    fired at"). The cap then holds distinct propositions."""
    out: list[dict] = []
    by_key: dict[str, list[dict]] = defaultdict(list)  # kept denial items by kind of act: no all-pairs
    for group in groups:  # strongest first
        mergeable = group["kind"] == "denial" and not group["changed"]
        into = next((g for k in sorted(group["keys"]) for g in by_key[k] if mergeable
                     and _one_claim(group["anchors"][0], g["anchors"][0], True)
                     and _one_claim(group["anchors"][1], g["anchors"][1], False)), None) if mergeable else None
        if into is None:
            out.append(group)
            if mergeable:
                for k in group["keys"]:
                    by_key[k].append(group)
            continue
        for side in ("yes", "no"):
            for k, v in group[side].items():
                into[side].setdefault(k, v)
        into["inner"] |= group["inner"]
    return out


def _one_claim(x: Act, y: Act, named: bool) -> bool:
    """Do two anchors say one act of one patient by parties not named apart? With ``named`` both or
    neither name who did it ("each side is shelling" joins no item that names a party)."""
    fx, fy = x.frame, y.frame
    if named and (bool(fx.names) != bool(fy.names) or (not fx.names and _different_agents(fx, fy, x.lang))):
        return False
    return (x.lang == y.lang and bool(_shared(fx.patient | fx.oblique, fy.patient | fy.oblique, x.lang))
            and not _conflict(fx, fy, x.lang) and not _apart(fx, fy, x.lang))


def _same_dispute(a: Act, b: Act, group: dict) -> bool:
    """Do ``a`` and ``b`` lay the act of an attribution ``group`` on its two parties (either way round)?"""
    if group["kind"] != "attribution" or not group["keys"] & (_predicate_keys(a) | _predicate_keys(b)):
        return False
    yes, no = group["anchors"]
    if not _shared(a.frame.patient, yes.frame.patient, a.lang):
        return False
    return (_names_one(a, yes) and _names_one(b, no)) or (_names_one(a, no) and _names_one(b, yes))


def _one_subject(fa: Frame, fb: Frame, code: str) -> bool:
    """Do two judgements judge one subject: one's words hold the other's ("the federal response" /
    "the response"; not "the state response" / "the federal response")?"""
    return bool(fa.agent and fb.agent) and (len(_shared(fa.agent, fb.agent, code)) == len(_keys(fa.agent, code))
                                             or len(_shared(fb.agent, fa.agent, code)) == len(_keys(fb.agent, code)))


def _names_one(act: Act, anchor: Act) -> bool:
    """Does ``act`` lay its act on the party ``anchor`` names?"""
    return bool(_shared(act.frame.names, anchor.frame.names, act.lang))


def _joins(act: Act, yes: Act, no: Act, kind: str, words: dict[str, set[str]], topic: frozenset[str],
           settings: ContestedSettings) -> str | None:
    """The side of an item an act takes, or None when it does not say the same of the same."""
    f = act.frame
    if kind == "denial":
        side, anchor = ("yes", yes) if f.asserts else ("no", no) if f.rejects else (None, None)
    else:
        side = next((s for s, anchor in (("yes", yes), ("no", no)) if f.asserts and f.names
                     and _shared(f.names, anchor.frame.names, act.lang)), None)
        anchor = {"yes": yes, "no": no}.get(side or "")
    if side is None or anchor is None or act.lang != anchor.lang:
        return None
    ref = anchor.frame
    if _conflict(f, ref, act.lang) or _apart(f, ref, act.lang):
        return None
    if (f.predicate == "be_judged") != (ref.predicate == "be_judged") or (
            f.predicate == "be_judged" and not _one_subject(f, ref, act.lang)):
        return None  # a judgement joins only a judgement of the same subject
    if ref.names and not _shared(f.agent, ref.agent, act.lang):
        return None  # the item is about who did it: a statement that does not say who takes no side
    shared = set(act.statement.stems) & (words["yes"] | words["no"])
    return side if len(shared) >= settings.join_shared and shared - topic else None


def _item(group: dict, settings: ContestedSettings) -> dict | None:
    claims = _distinct([(a.statement, p) for a, p in group["yes"].values()], settings.max_statements_per_side)
    voice = {(side, id(a.statement)): a.voice for side in ("yes", "no") for a, _ in group[side].values()}
    said = {_norm(s.text) for s, _ in claims}  # a sentence (or its syndicated copy) stands on one side only,
    deniers = _distinct([(a.statement, p) for a, p in group["no"].values()  # unless two speakers in it take both
                         if _norm(a.statement.text) not in said or id(a.statement) in group["inner"]],
                        settings.max_statements_per_side)
    if not claims or not deniers:
        return None
    about = re.sub(r"\s+", " ", group["anchors"][0].statement.text).strip()
    if group["changed"]:
        both = sorted([(s, "claim", p) for s, p in claims] + [(s, "denial", p) for s, p in deniers],
                      key=lambda t: t[0].published or "")
        first = both[0][1]
        stance = {"claim": "agree", "denial": "disagree"}
        side_of = {"claim": "yes", "denial": "no"}
        sides = {"earlier": [s.evidence(stance[role], p, voice.get((side_of[role], id(s)))) for s, role, p in both if role == first],
                 "later": [s.evidence(stance[role], p, voice.get((side_of[role], id(s)))) for s, role, p in both if role != first]}
        explanation = (f"{claims[0][0].source} changed its account: statements of one source on different days, "
                       "one denying or negating what the other asserts.")
        kind = "changed_account"
    elif group["kind"] == "attribution":
        sides = _sides(claims, deniers, voice)
        yes, no = group["anchors"]
        if yes.frame.predicate == FABRICATION:
            explanation = ("Voices lay one fabrication (a provocation, a staged or false-flag act) on different "
                           f"parties: 'yes' says {_words(yes)} is behind it, 'no' says {_words(no)} is.")
        else:
            done = "is preparing it" if yes.frame.modal else "did it"
            explanation = ("Voices lay the same act on different parties: 'yes' says "
                           f"{_words(yes)} {done}, 'no' says {_words(no)} {done.split()[0]}.")
        kind = "contested"
    else:
        sides = _sides(claims, deniers, voice)
        cues_used = sorted({e["cue"] for e in sides["no"] if "cue" in e})
        if group["anchors"][0].frame.predicate == "be_judged":
            explanation = ("Voices judge one thing oppositely: the 'yes' side calls it a success, "
                           "the 'no' side a failure or not a success.")
        else:
            explanation = ("Statements of different voices about one act (the same kind of act, by the same agent, to the "
                           "same patient); the 'no' side denies or negates what the 'yes' side asserts"
                           + (f" (cues: {', '.join(cues_used)})." if cues_used else "."))
        kind = "contested"
    return {"id": "", "kind": kind, "about": about[:200], "score": round(group["score"], 3),
            "explanation": explanation, "sides": sides}


def _sides(claims: list[tuple[Statement, float]], deniers: list[tuple[Statement, float]],
           voice: dict[tuple[str, int], str]) -> dict[str, list[dict]]:
    return {"yes": [s.evidence("agree", p, voice.get(("yes", id(s)))) for s, p in claims],
            "no": [s.evidence("disagree", p, voice.get(("no", id(s)))) for s, p in deniers]}


def _words(act: Act) -> str:
    """The agent's name words as written in the statement."""
    text = act.statement.text
    names = [m.group() for m in re.finditer(r"\w+", text) if m.group().lower()[:STEM] in act.frame.names]
    return " ".join(dict.fromkeys(names)) or "another party"


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _distinct(statements: Iterable[tuple[Statement, float]], limit: int) -> list[tuple[Statement, float]]:
    """Best first, one copy of a text per source (syndicated copies, repeats and a title that runs
    into its first sentence are one statement, shown at its shortest, first place), each source's
    best before any source's second."""
    best: dict[tuple[str, str], tuple[Statement, float]] = {}
    for s, p in sorted(statements, key=lambda t: (len(_norm(t[0].text)), t[0].doc, t[0].start)):
        text = _norm(s.text)
        key = next((k for k in best if k[0] == s.source and k[1] in text), (s.source, text))
        if key not in best:
            best[key] = (s, p)
        elif p > best[key][1]:
            best[key] = (best[key][0], p)
    out = sorted(best.values(), key=lambda t: -t[1])
    rank: dict[str, int] = defaultdict(int)  # as many sources as fit: each source's best first
    order = []
    for s, p in out:
        order.append((rank[s.source], -p, len(order)))
        rank[s.source] += 1
    return [out[k] for *_, k in sorted(order)][:limit]


class _Candidates:
    """What the step keeps of the statements, read once: each stem's count of statements (for
    :meth:`topic`), and the candidates (:func:`_candidate`) written to ``spilled``. Only candidates
    are parsed; the rest is counted and let go, and the candidates wait on disk, so the step's
    memory follows neither the main story's sentences nor its candidates."""

    def __init__(self, settings: ContestedSettings, spilled: SpilledActs) -> None:
        self.settings = settings
        self.spilled = spilled
        self.df: dict[str, int] = defaultdict(int)
        self.read = 0

    def take(self, units: Iterable[Statement]) -> Iterator[tuple[str, str]]:
        """Count and keep ``units``, passing on each one's (text, language) (for :func:`people_parties`)."""
        for u in units:
            self.read += 1
            for st in u.stems:
                self.df[st] += 1
            if _candidate(u, self.settings):
                self.spilled.add_statement(u)
            yield u.text, u.lang

    def topic(self) -> frozenset[str]:
        """Stems in more than ``topic_share`` of the statements: the corpus's place and main actors."""
        floor = max(self.settings.topic_share * self.read, self.settings.topic_min)
        return frozenset(st for st, k in self.df.items() if k > floor)


def find_contested(docs: Iterable[Document], annotations: Callable[[str], Annotations | None] | None = None,
                   settings: ContestedSettings | None = None) -> list[dict]:
    """Contested statements and changes of account in the analysis schema's ``contested`` shape.

    ``annotations`` gives a document's stored annotations by id (quotes name a statement's speaker,
    check-worthiness picks what is parsed); ``docs`` may be a stream, read once. The candidates and
    their acts wait in a temporary file (:class:`SpilledActs`), removed when the step ends or fails.
    """
    settings = settings or ContestedSettings()
    with SpilledActs() as spilled:
        candidates = _Candidates(settings, spilled)
        people = people_parties(candidates.take(statements(docs, annotations)))
        topic = candidates.topic()
        del candidates
        spilled.make_acts(people)
        items = _items(_gate(candidate_pairs(spilled, topic, settings), settings), spilled, topic, settings)
    for n, item in enumerate(items, start=1):
        item["id"] = f"{'changed' if item['kind'] == 'changed_account' else 'contested'}-{n}"
    return items
