"""Who did what to whom, said by whom: a light predicate–argument frame per clause of a statement.

Bags of words cannot tell "X did P to Y" from "X did not do P" from "Z did P to Y"; frames can, so
the contested step compares statements on them (:mod:`storylens.relate.contested`). A frame holds
the predicate's lemma (a light verb gives way to its noun: "took part in the *fighting*"), the
stems of its agent and patient phrases (a plural pronoun stands for the nearest plural noun
phrase before it, one naming a party first), which of those words name a party (a country, a
people, an organisation, a person), whether the predicate is negated, denied ("denied
*deploying* weapons", «опроверг, что … *покинула*») or only possible ("could", "plans to"), and
the speaker a reporting verb gives it ("*the ministry* said that…"). Two more kinds of frame hold no
verb of their own: a judgement of how something went (``be_judged``: "the evacuation was a
failure", "hailed it as a success") and a fabrication laid on a party (``fabricate``: "X is
preparing a staged provocation", «провокация Перу»), whose patient is the same for every label.

English is parsed with spaCy's small model (tagger + dependency parser); Russian and Ukrainian
with pymorphy3's morphology (case marks the agent and the patient well enough without a parser).
Both are loaded once per process, and only the statements the contested step keeps as candidates
are parsed. Negation and denial scopes come from the same cue files for every language
(:func:`storylens.stance.polarity.scopes`). Words live in ``lang/<code>/contested_frames.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from storylens import lang as lang_data
from storylens.stance.cues import cues
from storylens.stance.polarity import scopes

STEM = 5  # letters of a lemma that stand for it (the cue files' stems are as long)
PARSE_BATCH = 64  # English statements spaCy parses at once (a caller parsing in chunks keeps to its multiples)


@dataclass(frozen=True, slots=True)  # slots: a statement has several, and a step may make a million
class Frame:
    """One predicate of a statement; ``start``/``end`` are the predicate word's offsets in the text."""

    start: int
    end: int
    predicate: str  # lemma, lower case
    agent: frozenset[str]  # stems of the agent phrase
    patient: frozenset[str]  # stems of the patient / theme phrase (the direct object, a passive's subject)
    oblique: frozenset[str]  # stems of the other phrases it governs ("at the plant", «на станции»)
    named_patient: bool  # the patient is named ("left Pakistan"), not a common noun ("left the country")
    names: frozenset[str]  # stems of the agent phrase that name a party
    kinds: frozenset[str]  # what those names are: person, country (a country, a people), place (a city…), org
    negated: bool
    denied: bool  # inside the scope of a denial cue: "denied *shelling*", "called the *strike* staged"
    modal: bool  # possible, planned or wished, not asserted
    speaker: frozenset[str] = frozenset()  # stems of the subject of a reporting verb above it
    speaker_names: frozenset[str] = frozenset()  # those of its stems that name someone ("Trump", "Kyiv")
    agent_words: frozenset[str] = frozenset()  # the agent's capitalised words as written ("Rojas"): whole, for people

    @property
    def asserts(self) -> bool:
        """Does the statement say the act happened (a denied negation asserts: "falsely said X did not")?"""
        return not (self.negated ^ self.denied) and not self.modal

    @property
    def rejects(self) -> bool:
        """Does the statement say the act did not happen ("tried not to release" says neither)?"""
        return self.negated ^ self.denied and not self.modal

    @property
    def arguments(self) -> frozenset[str]:
        return self.agent | self.patient | self.oblique


@dataclass(frozen=True)
class _Words:
    """The frame words of one language (``contested_frames.json``)."""

    modal: frozenset[str]  # stems of words that make an act possible or planned, not done
    plural: frozenset[str]  # plural personal pronouns ("they", «они»)
    party_suffixes: tuple[str, ...]  # endings of adjectives naming a party (Slavic «-ский»)
    skip: frozenset[str]  # lemmas that are no act of their own (say, be, become)
    blame: frozenset[str]  # stems of verbs that lay an act on someone ("accused X of…")
    negative: frozenset[str]  # stems of verbs that negate the act they govern ("refused to give")
    locative: frozenset[str]  # prepositions that place a copula's subject somewhere ("are *at* the plant")
    relative: frozenset[str]  # lemmas of relative pronouns («который»): their clause lends no agent
    titles: frozenset[str]  # honorifics ("Mr", "Dr"): the same for everyone, so no part of an agent
    implicative: frozenset[str]  # stems of verbs whose infinitive did happen ("continued to shell", «удалось уехать»)
    no_determiners: frozenset[str]  # a determiner that negates the act through its object ("played *no* role")
    reporting: frozenset[str]  # lemmas of verbs whose subject says what they govern ("countered that")


@lru_cache(maxsize=None)
def _words(code: str) -> _Words:
    d = lang_data.cues(code, "contested_frames")
    return _Words(frozenset(w.lower()[:STEM] for w in d.get("modal", [])),
                  frozenset(w.lower() for w in d.get("plural_pronouns", [])),
                  tuple(d.get("party_suffixes", [])),
                  frozenset(w.lower() for w in d.get("not_acts", [])),
                  frozenset(w.lower()[:STEM] for w in d.get("blame", [])),
                  frozenset(w.lower()[:STEM] for w in d.get("negative", [])),
                  frozenset(w.lower() for w in d.get("locative", [])),
                  frozenset(w.lower() for w in d.get("relative_pronouns", [])),
                  frozenset(w.lower() for w in d.get("titles", [])),
                  frozenset(w.lower()[:STEM] for w in d.get("implicative", [])),
                  frozenset(w.lower() for w in d.get("no_determiners", [])),
                  frozenset(w.lower() for w in d.get("reporting", [])))


def _reporting(word: str, lemma: str, code: str) -> bool:
    """Does the verb report what someone says ("said", "countered", "alleging", «возразил»)?"""
    c = cues(code)
    return bool(c.find("report", word) or c.find("reported_denial", word)) or lemma in _words(code).reporting


@lru_cache(maxsize=None)
def _evaluative(code: str) -> dict[str, int]:
    """Lemmas that judge an outcome (``contested_evaluative.json``) and their polarity, +1 or -1:
    a negative judgement is read as the negation of the positive one, so that "was a failure"
    meets "was a success" as a denial does."""
    d = lang_data.cues(code, "contested_evaluative")
    return {**{w.lower(): 1 for w in d.get("positive", [])}, **{w.lower(): -1 for w in d.get("negative", [])}}


@lru_cache(maxsize=None)
def _diminishers(code: str) -> frozenset[str]:
    """Adverbs that turn a judgement into its opposite ("*woefully* adequate", «*едва ли* успешной»)."""
    return frozenset(w.lower() for w in lang_data.cues(code, "contested_evaluative").get("diminishers", []))


LACK = "lack"  # the predicate of every lack frame: "a shortage of fuel", "fuel is lacking", "blocked fuel shipments"


@dataclass(frozen=True)
class _Lack:
    """Words that say something is lacking, or is kept from coming (``contested_lack.json``)."""

    nouns: frozenset[str]  # lemmas of nouns of lack ("shortage", «нехватка»): the lacking thing is their complement
    verbs: frozenset[str]  # lemmas of verbs of lack ("lack"): their object is lacking
    preventing: frozenset[str]  # lemmas of verbs that keep their object away ("blocked vessels"): it is lacking


@lru_cache(maxsize=None)
def _lack(code: str) -> _Lack:
    d = lang_data.cues(code, "contested_lack")
    return _Lack(*(frozenset(w.lower() for w in d.get(k, [])) for k in ("nouns", "verbs", "preventing")))


FABRICATED = "~fabricated"  # the patient of every fabrication frame: one claim, whatever label names it
FABRICATION = "fabricate"  # their predicate


@dataclass(frozen=True)
class _Fabrication:
    """Labels that say an act was faked or engineered by one side (``contested_fabrication.json``)."""

    labels: frozenset[str]  # lemmas of label nouns ("provocation", «инсценировка»)
    phrases: tuple[str, ...]  # several-word labels and qualifying adjectives ("false flag", "staged")
    words: frozenset[str]  # stems of every word of those: no argument of the act ("a *staged* provocation")

    def word(self, tok: _Tok) -> bool:
        return tok.lemma[:STEM] in self.words or tok.text.lower()[:STEM] in self.words

    def names(self, lemma: str, phrase: str) -> bool:
        """Is a noun with ``lemma``, written at the end of ``phrase`` (its words up to it), such a label?"""
        phrase = re.sub(r"\s*-\s*", "-", phrase.lower())
        return lemma in self.labels or any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", phrase) for p in self.phrases)


@lru_cache(maxsize=None)
def _fabrication(code: str) -> _Fabrication:
    d = lang_data.cues(code, "contested_fabrication")
    labels = [w.lower() for w in d.get("labels", [])]
    phrases = tuple(w for w in labels if " " in w or "-" in w) + tuple(a.lower() for a in d.get("adjectives", []))
    return _Fabrication(frozenset(labels), phrases,
                        frozenset(w[:STEM] for p in labels + list(phrases) for w in re.split(r"[\s-]+", p)))


def _unlabelled(text: str, spans: list[tuple[int, int]], code: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Negation and denial scopes with a fabrication label's own words blanked: "provocation",
    «инсценировка» are denial cues of a report, but laid on an act they deny nothing."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return scopes(text, code)


@lru_cache(maxsize=4096)
def _instrumental(word: str, code: str) -> bool:
    """May the word be in the instrumental case («провалом», «успешной»: its first parse may say genitive)?"""
    from storylens.relate.morphology import analyzer

    morph = analyzer(code)
    return morph is not None and any(q.tag.case == "ablt" for q in morph.parse(word)[:4])


@lru_cache(maxsize=None)
def _judging_verbs(code: str) -> frozenset[str]:
    """Lemmas of verbs that lay a judgement on their object ("hailed it as a success", «назвал провалом»)."""
    return frozenset(w.lower() for w in lang_data.cues(code, "contested_evaluative").get("verbs", []))


def _starts(word: str, beginnings: frozenset[str]) -> bool:
    return any(word.startswith(b) for b in beginnings)


def supported(code: str | None) -> bool:
    """Can statements in ``code`` be put into frames (a parser and the frame words exist)?"""
    return (code or "")[:2] in ("en", "ru", "uk") and bool(lang_data.cues((code or "")[:2], "contested_frames"))


# --- shared: phrases, pronouns, negation, denial, modality ---------------------------------


@dataclass
class _Tok:
    """A word of a statement, whatever parsed it."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    noun: bool  # a noun, a substantive adjective or a proper name
    pronoun: bool
    plural: bool
    party: bool  # names a party: a proper name, a people, a country
    verb: bool
    kind: str = ""  # person, country (a country or a people), place (another place), org, or "" (unknown)
    when: bool = False  # a date, a time or a number: no argument of the act
    accusative: bool = False  # may be a direct object (Slavic nominative and accusative often look alike)


def _stems(toks: list[_Tok]) -> frozenset[str]:
    return frozenset(t.lemma[:STEM] for t in toks if len(t.lemma) > 2 and not t.pronoun and not t.when)


def _resolve(head: _Tok, phrase: list[_Tok], before: list[tuple[_Tok, list[_Tok]]], words: _Words) -> list[_Tok]:
    """A plural pronoun's antecedent: the nearest plural noun phrase before it, one naming a party
    first; the pronoun itself (no stems) when there is none."""
    if not head.pronoun:
        return phrase
    if head.text.lower() not in words.plural:
        return []
    plural = [(h, p) for h, p in before if h.start < head.start and h.plural and h.noun and not h.pronoun]
    named = [(h, p) for h, p in plural if any(t.party for t in p)]
    for candidates in (named, plural):
        if candidates:
            return candidates[-1][1]
    return []


def _frame(offset: int, pred: _Tok, lemma: str, agent: list[_Tok], patient: list[_Tok], oblique: list[_Tok],
           modal: bool, speaker: list[_Tok], neg: list[tuple[int, int]], den: list[tuple[int, int]],
           light: _Tok | None = None, refused: bool = False, no_object: bool = False) -> Frame:
    at = [pred.start] + ([light.start] if light is not None else [])
    # "do not have any *heavy* weapons": a negation reaching a word between the light verb and its noun
    between = light is not None and any(min(pred.start, light.start) <= a < max(pred.start, light.start) for a, _ in neg)
    negated = (any(a <= p < b for a, b in neg for p in at) or between or no_object) ^ refused
    denied = any(a <= p < b for a, b in den for p in at)
    drop = {lemma[:STEM]}
    return Frame(offset + pred.start, offset + pred.end, lemma, _stems(agent), _stems(patient) - drop,
                 _stems(oblique) - drop - _stems(patient), any(t.party for t in patient),
                 _stems([t for t in agent if t.party]), frozenset(t.kind for t in agent if t.party and t.kind),
                 negated, denied, modal, _stems(speaker), _stems([t for t in speaker if t.party]),
                 frozenset(t.text for t in agent if t.text[:1].isupper()))


# --- English: spaCy -----------------------------------------------------------------------

_EN_PHRASE = {"compound", "amod", "poss", "nmod", "appos"}
_EN_PATIENT = {"dobj", "nsubjpass", "attr", "oprd", "dative"}
_EN_INHERIT = {"xcomp", "conj", "advcl", "pcomp", "acl"}
_EN_REPORTED = {"ccomp", "xcomp", "pcomp", "prep", "pobj", "dobj", "advcl", "conj"}


@lru_cache(maxsize=1)
def _spacy():
    from storylens.annotate.syntax import load_spacy

    return load_spacy("en_core_web_sm", parse=True)


def _en_phrase(tok) -> list:
    """A noun's phrase: itself, its compounds, adjectives and possessors, a conjoined name, and an 'of' complement."""
    out = [tok] + [c for c in tok.children if c.dep_ in _EN_PHRASE]
    # "Russia and Ukraine traded blame": a conjoined name is part of who did it, not another party
    out += [g for c in tok.children if c.dep_ == "conj" and c.pos_ == "PROPN"
            for g in [c] + [h for h in c.children if h.dep_ in _EN_PHRASE]]
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        out += [g for g in prep.children if g.dep_ == "pobj"]
        out += [h for g in prep.children if g.dep_ == "pobj" for h in g.children if h.dep_ in _EN_PHRASE]
    return sorted(out, key=lambda t: t.i)


_EN_WHEN = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
_EN_KINDS = {"PERSON": "person", "GPE": "place", "NORP": "country", "LOC": "place", "ORG": "org"}


@lru_cache(maxsize=4096)
def _place_kind(name: str) -> str:
    """A country (or territory) by the world gazetteer, else another place: a capital may stand
    for its country ("Moscow denied…"), so only two countries or peoples are parties named apart."""
    from storylens.annotate.gazetteer import is_country

    return "country" if is_country(name) else "place"


def _en_tok(t) -> _Tok:
    party = t.pos_ == "PROPN" or (t.pos_ == "ADJ" and t.text[:1].isupper() and t.i > 0) or t.ent_type_ in _EN_KINDS
    lemma = "" if t.lower_.rstrip(".") in _words("en").titles else t.lemma_.lower()  # "Mr." names no one
    return _Tok(t.i, t.idx, t.idx + len(t), t.text, lemma, t.pos_ in ("NOUN", "PROPN"),
                t.pos_ == "PRON", t.tag_ in ("NNS", "NNPS") or t.lower_ in ("they", "them"), party,
                t.pos_ == "VERB", _place_kind(t.text) if t.ent_type_ == "GPE" else _EN_KINDS.get(t.ent_type_, ""),
                t.ent_type_ in _EN_WHEN or t.like_num)


def _en_frames(sdoc, text: str, offset: int) -> list[Frame]:
    c = cues("en")
    words = _words("en")
    neg, den = scopes(text, "en")
    phrases = [(_en_tok(t), [_en_tok(x) for x in _en_phrase(t)]) for t in sdoc if t.pos_ in ("NOUN", "PROPN")]

    def args(v, dep: set[str]) -> list:
        return [c_ for c_ in v.children if c_.dep_ in dep]

    def subject(v, seen: int = 0):
        """The agent of verb ``v``: its subject, a passive's 'by' phrase, or its governor's subject."""
        found = args(v, {"nsubj"}) or [g for a in args(v, {"agent"}) for g in a.children if g.dep_ == "pobj"]
        if found:
            return found[0]
        if v.dep_ in _EN_INHERIT and v.head is not v and seen < 3:
            if (v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.lemma_.lower()[:STEM] in words.blame
                    and (objs := args(v.head.head, {"dobj"}))):
                return objs[0]  # "accused Russia of shelling": the accused did it
            return subject(v.head if v.dep_ != "pcomp" else v.head.head, seen + 1)
        return None

    def governed_acts(v) -> list:
        """The acts a verb governs: "tried to *leave*", "barred from *leaving*"."""
        inner = args(v, {"xcomp"}) + [g for prep in args(v, {"prep"}) for g in prep.children if g.dep_ == "pcomp"]
        return [g for g in inner if g.pos_ == "VERB"]

    def phrase(tok) -> list[_Tok]:
        head = _en_tok(tok)
        return _resolve(head, [_en_tok(x) for x in _en_phrase(tok)], phrases, words)

    def reports(v) -> bool:
        return v.pos_ == "VERB" and _reporting(v.text, v.lemma_.lower(), "en")

    def falsely(v) -> bool:
        """Does a denial cue modify the reporting verb itself ("*falsely* claimed")?"""
        return any(ch.dep_ == "advmod" and c.find("refute", ch.text) for ch in v.children)

    def above(v) -> tuple[bool, list[_Tok]]:
        """Up the clause chain from ``v``: is a governing verb modal, and who reports it ("*the
        ministry* said that…")? A clause beside a reporting verb with a subject of its own is not
        reported by it ("X said …, but *Y countered* that …"). A reporting verb a denial cue
        modifies ("A accused B of *falsely claiming* P") holds the claim the sentence denies, so the
        denial is the voice of whoever reports that (A), or the outlet's."""
        node, modal = v, False
        for _ in range(6):
            if node.dep_ not in _EN_REPORTED or node.head is node:
                break
            if node.dep_ == "conj" and reports(node.head) and args(node, {"nsubj"}):
                break
            node = node.head
            if node.pos_ == "VERB" and _starts(node.lemma_.lower(), words.modal):
                modal = True
            if reports(node) and (subj := subject(node)) is not None:
                if falsely(node):
                    continue
                return modal, phrase(subj)
        return modal, []

    refutes = [m.start() for m in c.find("refute", text)]

    def asserted_anew(v) -> bool:
        """Does a reporting verb after every denial cue before ``v`` assert it afresh ("denied X, *insisting*
        that the troops are guards providing security": the providing is not denied)?"""
        before = [at for at in refutes if at < v.idx]
        return bool(before) and any(reports(r) and not c.find("reported_denial", r.text) and not falsely(r)
                                    and all(at < r.idx for at in before) for r in v.ancestors)

    out = []
    for v in sdoc:
        if (v.pos_ != "VERB" or v.lemma_.lower() in words.skip or v.lemma_.lower()[:STEM] in words.blame
                or c.find("refute", v.text) or reports(v)):
            continue
        lemma, light = v.lemma_.lower(), None
        if lemma[:STEM] in c.light:  # "took part in the fighting", "carried out strikes"
            inner = next((t for t in v.subtree if t is not v and t.pos_ in ("NOUN", "VERB")
                          and t.lemma_.lower()[:STEM] not in c.light and t.i > v.i), None)
            if inner is None:
                continue
            light, lemma = _en_tok(inner), inner.lemma_.lower()
        agent_tok = subject(v)
        agent = phrase(agent_tok) if agent_tok is not None else []
        patient = [x for a in args(v, _EN_PATIENT) for x in phrase(a) if x.lemma[:STEM] not in c.light]
        patient += [_en_tok(g) for g in governed_acts(v)]  # "barred her from *leaving*": what is barred
        oblique = [x for prep in args(v, {"prep"}) for g in prep.children if g.dep_ == "pobj" for x in phrase(g)]
        if light is not None:  # "took part in the fighting *at the plant*": the noun's own complements
            oblique += [x for prep in inner.children if prep.dep_ == "prep" for g in prep.children
                        if g.dep_ == "pobj" for x in phrase(g)]
        oblique = [t for t in oblique if t.lemma[:STEM] not in c.light]
        modal = any(ch.dep_ == "aux" and (_starts(ch.lower_, words.modal) or _starts(ch.lemma_.lower(), words.modal))
                    for ch in v.children)  # "won't": the auxiliary "wo" is "will"
        refused = v.dep_ == "xcomp" and _starts(v.head.lemma_.lower(), words.negative)
        head = v.head.lemma_.lower()
        if (v.dep_ == "xcomp" and not refused and not _starts(head, words.implicative) and head[:STEM] not in words.blame
                and not any(c.find(kind, v.head.text) for kind in ("refute", "report", "reported_denial"))):
            modal = True  # "decided to leave", "agreed to pay": an infinitive says what was meant, not done
        chain_modal, speaker = above(v)
        modal = modal or chain_modal
        no_object = any(d.dep_ in ("det", "neg") and d.lower_ in words.no_determiners
                        for a in args(v, {"dobj"}) for d in a.children)  # "played no role", "has no weapons"
        out.append(_frame(offset, _en_tok(v), lemma, agent, patient, oblique, modal, speaker, neg, [] if asserted_anew(v) else den,
                          light, refused, no_object))
    for b in sdoc:  # being somewhere: "500 soldiers are at the port with armoured vehicles"
        places = [g for prep in args(b, {"prep"}) if prep.lower_ in words.locative for g in prep.children
                  if g.dep_ == "pobj"]
        if b.lemma_ != "be" or not places or (agent_tok := subject(b)) is None:
            continue
        oblique = [x for prep in args(b, {"prep"}) for g in prep.children if g.dep_ == "pobj" for x in phrase(g)]
        oblique += [x for p in places for prep in args(p, {"prep"}) for g in prep.children if g.dep_ == "pobj"
                    for x in phrase(g)]  # "at the port *with armoured vehicles*"
        out.append(_frame(offset, _en_tok(b), "be_at", phrase(agent_tok), [], oblique, False, [], neg, den,
                          _en_tok(places[0])))
    judged = _evaluative("en")

    def diminished(*heads) -> bool:
        return any(x.lower_ in _diminishers("en") for h in heads for x in h.children if x.dep_ == "advmod")

    for b in sdoc:  # a judgement of how something went: "the response was a success" / "was inadequate"
        comps = [x for x in args(b, {"attr", "acomp"}) if x.lemma_.lower() in judged]
        if b.lemma_ != "be" or not comps or (agent_tok := subject(b)) is None:
            continue
        out.append(_frame(offset, _en_tok(b), "be_judged", phrase(agent_tok), [], [], False, [], neg, den,
                          _en_tok(comps[0]), refused=(judged[comps[0].lemma_.lower()] < 0) ^ diminished(comps[0], b)))
    judging = _judging_verbs("en")
    for v in sdoc:  # a judgement laid on an object: "hailed the response as a success", "called it a failure"
        objs = args(v, {"dobj"})
        if v.pos_ != "VERB" or v.lemma_.lower() not in judging or not objs:
            continue
        comps = [x for x in args(v, {"oprd", "xcomp", "ccomp", "attr"}) + args(objs[0], {"appos"})
                 if x.lemma_.lower() in judged]  # "called the evacuation a disaster" (the parser may say appos)
        comps += [g for w in (v, objs[0]) for prep in args(w, {"prep"}) if prep.lower_ == "as"
                  for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in judged]
        if not comps:
            continue
        said_by = subject(v)
        thing = [x for x in phrase(objs[0]) if x.i != comps[0].i]
        out.append(_frame(offset, _en_tok(v), "be_judged", thing, [], [], False,
                          phrase(said_by) if said_by is not None else above(v)[1], neg, den, _en_tok(comps[0]),
                          refused=(judged[comps[0].lemma_.lower()] < 0) ^ diminished(comps[0])))
    for n in sdoc:  # nominal acts: "the army's shelling of the dam", "the mayor's request"
        if n.pos_ != "NOUN" or not _act_noun(n.lemma_.lower(), c):
            continue
        mods = [ch for ch in n.children if ch.dep_ in ("poss", "amod", "compound")]
        agent = [_en_tok(m) for m in mods if m.dep_ == "poss" or (m.pos_ in ("PROPN", "ADJ") and m.text[:1].isupper())]
        preps = [(prep.lower_, x) for prep in n.children if prep.dep_ == "prep"
                 for g in prep.children if g.dep_ == "pobj" for x in phrase(g)]
        patient = [x for word, x in preps if word == "of"]
        oblique = [x for word, x in preps if word != "of"]
        if agent or patient:
            no = any(d.dep_ in ("det", "neg") and d.lower_ in words.no_determiners for d in n.children)  # "No weapons at…"
            out.append(_frame(offset, _en_tok(n), n.lemma_.lower(), agent, patient, oblique, False, [], neg, den,
                              no_object=no))
    lack = _lack("en")
    for n in sdoc:  # something lacking: "a shortage of fuel", "there is not a lack of ships"
        things = [g for prep in args(n, {"prep"}) if prep.lower_ == "of" for g in prep.children if g.dep_ == "pobj"]
        if n.pos_ == "NOUN" and n.lemma_.lower() in lack.nouns and things:
            no = any(d.dep_ in ("det", "neg") and d.lower_ in words.no_determiners for d in n.children)
            out.append(_frame(offset, _en_tok(n), LACK, [], [x for t in things for x in phrase(t)], [], False,
                              above(n.head)[1], neg, den, no_object=no))  # "the governor said there is no shortage of…"
    out = list(dict.fromkeys(out + _lacking(out, lack)))  # a noun of act may already be one
    fab = _fabrication("en")
    for n in sdoc:  # a fabrication laid on someone: "X is preparing a staged provocation", "a provocation by Y"
        if n.pos_ not in ("NOUN", "PROPN") or not fab.names(n.lemma_.lower(), sdoc[n.left_edge.i:n.i + 1].text):
            continue
        verb = n.head if n.dep_ in ("dobj", "nsubjpass") and n.head.pos_ == "VERB" else None
        blamer = n.head.head if n.dep_ == "pobj" and n.head.lower_ == "of" else None
        if verb is not None and (tok := subject(verb)) is not None:
            agent = phrase(tok)
        elif blamer is not None and blamer.lemma_.lower()[:STEM] in words.blame and (objs := args(blamer, {"dobj"})):
            agent = phrase(objs[0])  # "accused Chile of a provocation"
        else:
            agent = [_en_tok(m) for m in n.children if m.dep_ == "poss" or (m.dep_ in ("amod", "compound") and _en_tok(m).party)]
            agent += [x for prep in args(n, {"prep"}) if prep.lower_ == "by" for g in prep.children if g.dep_ == "pobj"
                      for x in phrase(g)]
        if not agent:
            continue
        where = verb if verb is not None else n
        oblique = [x for x in phrase(n) if not fab.word(x) and not x.party]  # "nuclear", "at the dam"
        oblique += [x for w in {where, n} for prep in args(w, {"prep"}) if prep.lower_ != "by" for g in prep.children
                    if g.dep_ == "pobj" for x in phrase(g)]
        _, speaker = above(where if verb is not None else n.head)
        label = [(_en_tok(x).start, _en_tok(x).end) for x in sdoc[n.left_edge.i:n.i + 1] if fab.word(_en_tok(x))]
        f = _frame(offset, _en_tok(where), FABRICATION, agent, [], oblique, False, speaker,
                   *_unlabelled(text, label, "en"))
        out.append(replace(f, patient=frozenset({FABRICATED})))
    return out


def _lacking(acts: list[Frame], lack: _Lack) -> list[Frame]:
    """A lack frame for every act that lacks or keeps away its object ("the law blocked the ships":
    ships are lacking), reported as the act is; who blocked it is no part of what is lacking, so it
    meets "there is not a lack of ships". Only a done act says so: "did not block the ships" or
    "promised not to block them" says nothing of how many ships there are."""
    return [replace(f, predicate=LACK, agent=frozenset(), names=frozenset(), kinds=frozenset())
            for f in acts if f.patient and f.asserts and (f.predicate in lack.verbs or f.predicate in lack.preventing)]


def _act_noun(lemma: str, c) -> bool:
    """A noun naming an act: a gerund or a word of a family of acts (``stance_predicates.json``)."""
    return (lemma.endswith("ing") and len(lemma) > 5) or any(
        lemma.startswith(w) for fam in c.families for w in fam if len(w) >= 4)


# --- Russian and Ukrainian: pymorphy3 ------------------------------------------------------

_SL_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")
_SL_BREAK = re.compile(r"[,;:()—–]|\s-\s")


def _sl_tokens(text: str, code: str) -> list[tuple[_Tok, object]]:
    from storylens.relate.morphology import analyzer

    morph = analyzer(code)
    words = _words(code)
    out = []
    for i, m in enumerate(_SL_WORD.finditer(text)):
        w = m.group()
        parses = morph.parse(w) if morph is not None else []
        p = parses[0] if parses else None
        pos = p.tag.POS if p is not None else None
        g = p.tag.grammemes if p is not None else frozenset()
        lemma = (p.normal_form if p is not None else w).lower()
        # a country the dictionary does not mark (Ukrainian «Польща», «Литва») is one by the world gazetteer
        country = w[:1].isupper() and pos in ("NOUN", None) and _place_kind(lemma) == "country"
        party = bool({"Geox", "Name", "Surn", "Orgn"} & g) or (pos == "ADJF" and lemma.endswith(words.party_suffixes)) \
            or (w[:1].isupper() and m.start() > 0 and pos in ("NOUN", None)) or country
        noun = pos in ("NOUN", None) or (pos == "ADJF" and "Apro" not in g)
        kind = "person" if {"Name", "Surn"} & g else "country" if (pos == "ADJF" and party) or country else \
            _place_kind(lemma) if "Geox" in g else \
            "org" if "Orgn" in g else ""
        out.append((_Tok(i, m.start(), m.end(), w, lemma, noun, pos == "NPRO", "plur" in g, party,
                         pos in ("VERB", "INFN", "PRTS", "GRND"), kind, False,
                         any(q.tag.case == "accs" and q.tag.POS == pos for q in parses[:4])), p))
    return out


def _sl_frames(text: str, code: str, offset: int) -> list[Frame]:
    c = cues(code)
    words = _words(code)
    neg, den = scopes(text, code)
    toks = _sl_tokens(text, code)
    breaks = [m.start() for m in _SL_BREAK.finditer(text)] + [m.start() for m in c.find("clauses", text)]
    clause_of = [sum(1 for b in breaks if b < t.start) for t, _ in toks]

    def case(p) -> str | None:
        return p.tag.case if p is not None else None

    def phrase(k: int) -> list[_Tok]:
        """A noun with the adjectives before it and the genitive nouns after it (its clause only)."""
        out = [toks[k][0]]
        j = k - 1
        while j >= 0 and clause_of[j] == clause_of[k] and toks[j][1] is not None and toks[j][1].tag.POS == "ADJF":
            out.insert(0, toks[j][0])
            j -= 1
        j = k + 1
        while j < len(toks) and clause_of[j] == clause_of[k] and j - k <= 3 and case(toks[j][1]) == "gent" and toks[j][0].noun:
            out.append(toks[j][0])
            j += 1
        return out

    def governed(k: int) -> bool:
        """Is the word inside a prepositional phrase («в ніч», «на станции»)? Then it is no subject."""
        j = k - 1
        while j >= 0 and toks[j][1] is not None and toks[j][1].tag.POS == "ADJF":
            j -= 1
        return j >= 0 and toks[j][1] is not None and toks[j][1].tag.POS == "PREP"

    heads = [(toks[k][0], phrase(k)) for k in range(len(toks)) if toks[k][0].noun and not toks[k][0].pronoun]
    nominative = [k for k, (t, p) in enumerate(toks) if (t.noun or t.pronoun) and case(p) == "nomn" and not governed(k)]
    out: list[Frame] = []
    speaker: dict[int, list[_Tok]] = {}
    last_agent: dict[int, list[_Tok]] = {}
    relative = {clause_of[k] for k, (t, _) in enumerate(toks) if t.lemma in words.relative
                and (k == 0 or clause_of[k - 1] != clause_of[k] or k < 2 or clause_of[k - 2] != clause_of[k])}

    def before_clause(cl: int) -> list[_Tok]:
        """The agent a clause without a subject takes from the clause before it, passing over a
        relative clause («адвокат, который защитил её, покинул страну»: the lawyer left)."""
        prev = cl - 1
        while prev in relative:
            prev -= 1
        if prev < 0:
            return []
        if prev in last_agent:
            return last_agent[prev]
        subj = sorted((j for j in nominative if clause_of[j] == prev), key=lambda j: toks[j][1] is None
                      or toks[j][1].tag.POS != "NOUN")
        return _resolve(toks[subj[0]][0], phrase(subj[0]), heads, words) if subj and prev != cl - 1 else []
    fab = _fabrication(code)
    used: set[int] = set()

    def is_label(k: int) -> bool:
        """Does the noun at ``k`` name a fabrication («провокация», «постановочный удар»)?"""
        t = toks[k][0]
        return t.noun and not t.pronoun and fab.names(t.lemma, " ".join(x.lemma for x, _ in toks[max(0, k - 2):k + 1]))

    def label_spans(labels: list[int]) -> list[tuple[int, int]]:
        return [(x.start, x.end) for k in labels for x, _ in toks[max(0, k - 2):k + 1] if fab.word(x)]

    for k, (t, p) in enumerate(toks):
        cl = clause_of[k]
        if c.find("report", t.text) or (not t.noun and _reporting(t.text, t.lemma, code)):
            subj = [j for j in nominative if clause_of[j] == cl and j != k]
            if subj:  # a later reporting verb speaks for the clauses after it («X заявил…, однако Y возразил, что…»)
                who = _resolve(toks[subj[0]][0], phrase(subj[0]), heads, words)
                for later in range(cl, cl + 4):
                    speaker[later + 1] = who
            continue
        if c.find("refute", t.text) and not t.noun:
            continue
        act_noun = t.noun and not t.pronoun and case(p) != "nomn" and _act_noun(t.lemma, c) and len(t.lemma) > 4
        if not (t.verb or act_noun) or t.lemma in words.skip or t.lemma[:STEM] in c.light or t.lemma[:STEM] in words.blame:
            continue
        same = [j for j in nominative if clause_of[j] == cl and j != k and not (act_noun and j > k)]
        if t.verb:
            before = [j for j in same if j < k]
            agent_k = before[-1] if before else (same[0] if same else None)
            agent = _resolve(toks[agent_k][0], phrase(agent_k), heads, words) if agent_k is not None else before_clause(cl)
            if agent and cl not in relative:
                last_agent[cl] = agent
            def direct(j: int) -> bool:
                return (case(toks[j][1]) == "accs" or (j > k and toks[j][0].accusative)) and not governed(j)

            objs = [j for j in range(len(toks)) if j != k and clause_of[j] == cl and toks[j][0].noun
                    and not toks[j][0].pronoun and j != agent_k and (j > k or direct(j))
                    and (direct(j) or case(toks[j][1]) in ("gent", "loct", "datv", "ablt"))]
            objs = sorted(objs, key=lambda j: abs(j - k))[:2]
            patient = [x for j in objs if direct(j) for x in phrase(j)]
            patient += [toks[j][0] for j in range(k + 1, min(len(toks), k + 3))  # «запрещено *покидать*»
                        if clause_of[j] == cl and toks[j][1] is not None
                        and (toks[j][1].tag.POS == "INFN" or "infn" in toks[j][1].tag.grammemes)]
            oblique = [x for j in objs if not direct(j) for x in phrase(j)]
        else:  # «обстрел станции», «российские удары»
            mods = [toks[j][0] for j in range(max(0, k - 2), k) if toks[j][1] is not None
                    and toks[j][1].tag.POS == "ADJF" and toks[j][0].party]
            agent = mods
            patient = [x for j in range(k + 1, min(len(toks), k + 3)) if case(toks[j][1]) == "gent" for x in [toks[j][0]]]
            oblique = []
            if not agent and not patient:
                continue
        near = [toks[j][0].lemma[:STEM] for j in range(max(0, k - 3), k) if clause_of[j] == cl]
        modal = any(w.startswith(m) for w in near for m in words.modal)
        refused = t.verb and any(w.startswith(m) for w in near for m in words.negative)
        if p is not None and (p.tag.POS == "INFN" or "infn" in p.tag.grammemes) and not refused and not any(
                w.startswith(m) for w in near for m in words.implicative):
            modal = True  # «решили не приговаривать», «обязавшись не выпускать»: meant, not done
        out.append(_frame(offset, t, t.lemma, agent, patient, oblique, modal, speaker.get(cl, []), neg, den,
                          refused=refused))
        labels = [j for j in objs if direct(j) and is_label(j)] if t.verb else []
        if labels:  # «Чили готовит провокацию»: who prepares or stages a fabrication
            used.update(labels)
            words_of = [x for j in labels for x in phrase(j)[1:] if not fab.word(x) and not x.party]
            f = _frame(offset, t, FABRICATION, agent, [], oblique + words_of, False, speaker.get(cl, []),
                       *_unlabelled(text, label_spans(labels), code), refused=refused)
            out.append(replace(f, patient=frozenset({FABRICATED})))
    for k, (t, _) in enumerate(toks):  # «провокация Перу», «чилийская инсценировка»: a fabrication laid on a party
        if k in used or not is_label(k):
            continue
        agent = [toks[j][0] for j in range(max(0, k - 2), k) if toks[j][1] is not None
                 and toks[j][1].tag.POS == "ADJF" and toks[j][0].party]
        agent += [x for x in phrase(k)[1:] if x.party]
        if agent:
            f = _frame(offset, t, FABRICATION, agent, [], [], False, speaker.get(clause_of[k], []),
                       *_unlabelled(text, label_spans([k]), code))
            out.append(replace(f, patient=frozenset({FABRICATED})))
    lack = _lack(code)
    for k, (t, p) in enumerate(toks):  # «нехватка топлива», «нехватки топлива нет»
        things = [j for j in range(k + 1, min(len(toks), k + 3)) if clause_of[j] == clause_of[k]
                  and case(toks[j][1]) == "gent" and toks[j][0].noun][:1]
        if t.noun and t.lemma in lack.nouns and things:
            # «нехватки топлива нет», «немає дефіциту»: an existential "there is no" anywhere in the clause
            no = any(toks[j][0].text.lower() in words.no_determiners for j in range(len(toks)) if clause_of[j] == clause_of[k])
            out.append(_frame(offset, t, LACK, [], [x for j in things for x in phrase(j)], [], False,
                              speaker.get(clause_of[k], []), neg, den, no_object=no))
    out = list(dict.fromkeys(out + _lacking(out, lack)))  # a noun of act may already be one
    judged = _evaluative(code)

    def diminished(k: int) -> bool:
        return any(toks[j][0].lemma in _diminishers(code) or toks[j][0].text.lower() in _diminishers(code)
                   for j in range(max(0, k - 3), k) if clause_of[j] == clause_of[k])

    copulas = frozenset(w.lower() for w in lang_data.cues(code, "contested_evaluative").get("copulas", []))
    for k, (t, p) in enumerate(toks):  # a judgement: «операция успешна», «эвакуация провалилась», «стала провалом»
        pos = p.tag.POS if p is not None else None
        after_copula = k > 0 and {toks[k - 1][0].lemma, toks[k - 1][0].text.lower()} & copulas
        predicative = pos in ("ADJS", "VERB") or (pos in ("NOUN", "ADJF") and after_copula)
        before = [j for j in nominative if clause_of[j] == clause_of[k] and j < k and toks[j][0].noun
                  and {toks[j][0].lemma, toks[j][0].text.lower()}.isdisjoint(copulas)]
        if t.lemma not in judged or not predicative or not before:
            continue
        agent = _resolve(toks[before[0]][0], phrase(before[0]), heads, words)
        out.append(_frame(offset, t, "be_judged", agent, [], [], False, speaker.get(clause_of[k], []), neg, den,
                          refused=(judged[t.lemma] < 0) ^ diminished(k)))
    judging = _judging_verbs(code)
    for k, (t, p) in enumerate(toks):  # a judgement laid on an object: «назвал эвакуацию провалом», «визнав успішною»
        cl = clause_of[k]
        verb = next((j for j in range(k - 1, max(-1, k - 6), -1) if clause_of[j] == cl and toks[j][0].lemma in judging), None)
        if t.lemma not in judged or verb is None or not _instrumental(t.text, code):
            continue
        objs = [j for j in range(verb + 1, min(len(toks), k + 4)) if j != k and clause_of[j] == cl and toks[j][0].noun
                and not toks[j][0].pronoun and case(toks[j][1]) == "accs"]
        if not objs:
            continue
        said_by = [j for j in nominative if clause_of[j] == cl and j < verb]
        voice = _resolve(toks[said_by[-1]][0], phrase(said_by[-1]), heads, words) if said_by else speaker.get(cl, [])
        judged_thing = [x for x in phrase(objs[0]) if x is not t]
        out.append(_frame(offset, toks[verb][0], "be_judged", judged_thing, [], [], False, voice, neg, den,
                          t, refused=(judged[t.lemma] < 0) ^ diminished(k)))
    return out


# --- entry point --------------------------------------------------------------------------


# a news dateline before the first sentence ("KYIV, Ukraine (AP) — "): no subject of anything; blanked,
# offsets kept
_DATELINE = re.compile(r"^[A-Z][A-Z.' -]+,(?: [A-Z][\w.' -]{0,30})?(?: \([A-Za-z]+\))?\s*[—–-]\s*")


def frames(texts: list[str], langs: list[str], offsets: list[int] | None = None) -> list[list[Frame]]:
    """The frames of each statement (``offsets`` move their spans into the document's text);
    statements in a language without a parser get none."""
    offsets = offsets or [0] * len(texts)
    out: list[list[Frame]] = [[] for _ in texts]
    english = [i for i, lg in enumerate(langs) if lg[:2] == "en"]
    if english:
        plain = [_DATELINE.sub(lambda m: " " * len(m.group()), texts[i]) for i in english]
        for i, text, sdoc in zip(english, plain, _spacy().pipe(plain, batch_size=PARSE_BATCH)):
            out[i] = _en_frames(sdoc, text, offsets[i])
    for i, lg in enumerate(langs):
        if lg[:2] in ("ru", "uk") and supported(lg):
            out[i] = _sl_frames(texts[i], lg[:2], offsets[i])
    return out
