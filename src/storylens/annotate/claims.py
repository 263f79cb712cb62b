"""Numeric claims: every number in a document that counts or measures something in the world.

For each number :mod:`~storylens.annotate.numbers` reads in a sentence, the extractor

1. drops what is not a claim: list markers ``[1]``, labels and ranks (``Step 0``, ``No. 3``), names
   (``France 2``, ``Person of the Year 2018``), codes and handles, numbers inside URLs, times, and dates and
   years that date nothing;
2. decides its **kind** from the words around it (``lang/<code>/units.json``): a count, a percentage
   (fractions too: "three-quarters" → 75 %), money, a measurement (km, miles, kg…), an age ("a 54-year-old",
   "Tanya, 57,", "54-річна"), a duration ("eight years in prison", "a 10-day waiver", "второй день"), a ratio
   ("13 times", "в два раза", "каждый 20-й") or the date of an event ("adopted in 1986");
3. finds **what is counted and what happened to it** (:mod:`~storylens.annotate.measures`: the counted noun
   by syntax, the predicate, the canonical measure), the **subgroup** (children, police, troops), the
   **place** (a place entity in the clause) and, for ages, **whose** age;
4. reads the **attribution** (:mod:`~storylens.annotate.attribution`), ``as_of`` ("as of January 9th",
   "по состоянию на 10 января", "by Thursday"), and the **status** (retracted / disputed / unknown);
5. folds currency and unit conversions ("45 kilometres (27 miles)") and sub-groups ("including two
   children") into the claim they belong to; a sub-count with a place ("(103 in Almaty)") is also a claim.

Work is linear in the text: one parse per document (shared with entity recognition), table lookups and
short anchored patterns around each number.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from storylens import lang
from storylens.lang import alternation
from storylens.annotate import attribution as attrib
from storylens.annotate.measures import (
    Lexicon,
    Thing,
    governing_verb,
    head_path,
    is_modifier,
    is_noun,
    lemma_measures,
    lexicon,
    measure_noun,
    relative_verb,
    state_measure,
    thing_at,
    verb_measures,
    verb_stems,
)
from storylens.annotate.numbers import DIGITS, NumberMention, find_numbers
from storylens.annotate.gazetteer import CYRILLIC, country_code, country_name, demonym_code, is_country
from storylens.annotate.syntax import Parse, Parser, Token, guess_language, known_verb, participle_verb
from storylens.doc import Claim, DateMention, Document, EntityMention

_DAYS = {"second": 1 / 86_400, "minute": 1 / 1_440, "hour": 1 / 24, "day": 1, "week": 7, "month": 30}  # a span's days
KINDS = ("count", "percent", "money", "measurement", "age", "duration", "date", "ratio")
# Measures for which an institution that is the subject of the sentence ("The courts brought 2000 people to
# justice") is taken as the source of the figure when the sentence has no reporting cue.
AGENT_MEASURES = {"detained", "prosecuted", "penalized"}
# a run of three or more digit groups with only spaces, dashes or brackets between (a telephone number "(0) 3 90 21 42
# 15", an ISBN "966-7048-68-3"): a code, no figure; unless the groups after the first are thousands ("1 500 000")
_DIGIT_RUN = re.compile(r"(?<![\w.,])\(?\d+\)?(?:[ \u00a0]*[-–‐][ \u00a0]*|[ \u00a0]+)\(?\d+\)?(?:(?:[ \u00a0]*[-–‐][ \u00a0]*|[ \u00a0]+)\(?\d+\)?)+(?![\w.,]\d)")
_THOUSANDS = r"\d{1,3}(?:[ \u00a0]\d{3})+"

_URLISH = re.compile(r"https?://\S+|www\.\S+|\b[\w.-]+\.(?:com|org|net|ru|kz|ua|me|io|example|uk|by|az|md|lt)/\S*|[@#][\w/]+",
                     re.IGNORECASE)
# the signature that closes an embedded social-media post as scraped: "— Eva Lind (@evalind) May 2, 2021"
_POST_SIGNATURE = re.compile(r"\s[—–]\s*([^\W\d_][^\n()@—–]{0,60}?)\s*\(@\w{1,30}\)")
_NAMED_AS_REACH = 5_000  # how far back (characters) a bare source noun looks for where the text called a source by it: bounded, so linear
_POST_LIMIT = 280  # the longest post of the common platforms, in characters
_PLACE_REACH = 600  # how far (characters) a figure's place is read before or after it in its sentence: bounded, so a
# scraped table with no full stops stays linear (a news sentence is shorter)
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")


@lru_cache(maxsize=1)
def default_parser() -> Parser:
    """The parser used when a caller gives no parse (tests, one-off calls)."""
    return Parser()


# ---------------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------------


def extract_claims(doc: Document, parse: Parse | None = None, entities: list[EntityMention] | None = None,
                   dates: list[DateMention] | None = None) -> list[Claim]:
    """Every numeric claim in ``doc``, in text order.

    ``parse`` (from :class:`~storylens.annotate.syntax.Parser`), ``entities`` and ``dates`` are the other
    annotators' results for the same document; what is not given is computed here."""
    if parse is None:
        parse = default_parser().parse(doc)
    if entities is None:
        from storylens.annotate.entities import mentions_from_parse

        entities = mentions_from_parse(doc, parse)
    if dates is None:
        from storylens.annotate.dates import find_dates

        dates = find_dates(doc)
    return _Extractor(doc, parse, entities, dates).run()


_APOSTROPHES = "['’´`‘ʼ]"  # an owner's mark as typed: an apostrophe, or an accent or quotation mark for one

_INITIALISM = re.compile(r"(?:\b[A-Z]\.){2,}\s*$")
_GLOSS_REACH = 300  # how far (characters) a writer's gloss after a quotation runs: bounded, so linear
_GLOSS_AFTER_QUOTE = re.compile(r"[\"”»]\s*,?\s+[—–-]{1,2}\s+")  # '…, saying, “…” - a reference to …': the writer's


def sentence_spans(doc: Document, parse: Parse | None = None) -> list[tuple[int, int]]:
    """Sentences, with those split after an abbreviation ("ок." / "г." / "5 тыс.") joined again, and, by the
    parse, those split after an initialism that qualifies the next word ("according to U.S. | Department of
    Energy data")."""
    lex = lexicon(None)
    abbrev = re.compile(r"(?:\b(?:" + "|".join(re.escape(a) for a in lex.cues.get("abbreviations", [])) + r")\.)\s*$",
                        re.IGNORECASE)
    always = re.compile(r"(?:\b(?:" + "|".join(re.escape(a) for a in lex.cues.get("always_join", [])) + r")\.?)\s*$",
                        re.IGNORECASE)
    spans: list[tuple[int, int]] = []
    text = doc.text
    for s in doc.sentences:
        if spans:
            p_start, p_end = spans[-1]
            prev = text[max(p_start, p_end - 40):p_end]
            nxt = text[s.start:s.end].lstrip()
            gap = text[p_end:s.start]
            if "\n\n" not in gap and (always.search(prev) or (
                    abbrev.search(prev) and nxt[:1] and (nxt[0].isdigit() or nxt[0].islower()))
                                        or _qualifies_next(parse, prev, p_end, s.start)) or _cut_at_line(prev, gap, nxt):
                spans[-1] = (p_start, s.end)
                continue
        spans.append((s.start, s.end))
    if not spans and text.strip():
        spans.append((0, len(text)))
    return spans


def _cut_at_line(prev: str, gap: str, nxt: str) -> bool:
    """Whether a line break (scraped text puts a link on a line of its own) cut one sentence in two: the line before
    ends on a word, with no closing punctuation, and the next goes on in lower case («выступали | против казни»), is
    only punctuation, or is a short run closed by a full stop after a reporting verb («…, пишет | BBC .»)."""
    if "\n" not in gap or not re.search(r"\w$", prev):
        return False
    if nxt[:1].islower() or not re.search(r"\w", nxt):
        return True
    words = prev.split()
    return len(nxt.split()) <= 3 and nxt.rstrip().endswith(".") and bool(words) and bool(
        attrib.tables().verb.fullmatch(words[-1]))


def _qualifies_next(parse: Parse | None, prev: str, p_end: int, start: int) -> bool:
    """Whether the sentence before ends on an initialism the parse attaches to a word of the next one."""
    if parse is None or not _INITIALISM.search(prev):
        return False
    i = parse.at(len(prev.rstrip()) - len(prev) + p_end - 1)
    if i is None:
        return False
    t = parse.tokens[i]
    return t.dep in ("compound", "amod", "nmod", "poss") and 0 <= t.head < len(parse.tokens) and (
        parse.tokens[t.head].start >= start)


# ---------------------------------------------------------------------------------------------------
# A number read in its sentence
# ---------------------------------------------------------------------------------------------------


@dataclass
class _Cand:
    m: NumberMention
    kind: str = "count"
    unit: str | None = None
    unit_end: int = 0  # end of the unit or counted noun (sentence-relative)
    value_scale: float = 1.0  # fractions → percent
    noun: int | None = None  # token index of the counted noun
    noun_lemma: str | None = None
    thing: Thing | None = None
    verb: int | None = None
    measure: str | None = None
    subgroup: str | None = None
    subject: str | None = None  # whose age, whose children
    subcount: bool = False
    conversion: bool = False
    change: str | None = None
    partitive: bool = False
    date_value: str | None = None
    members: bool = False  # "a 14-man team": counts the team's members
    modifier: bool = False  # the count qualifies something else ("six-reactor plant", "two of its six reactors")
    other: bool = False  # "13 other experts": the others, not all
    source: str | None = None  # what said the measure: noun, verb, state, thing, open, inherited
    breakdown: bool = False  # "12 ships — 10 outbound and two inbound": a part of the figure before the dash
    aim: bool = False  # "a contract to provide 30 million meals": what an infinitive of purpose says is to be done
    time_count: bool = False  # "2 million nights of shelter": units of time counted, no span
    feared: bool = False  # "a flood that could affect 20,000 homes": what may happen, marked a forecast


class _Extractor:
    def __init__(self, doc: Document, parse: Parse, entities: list[EntityMention], dates: list[DateMention]):
        self.doc = doc
        self.text = doc.text
        self.parse = parse
        self.entities = sorted(entities, key=lambda e: e.start)
        self.dates = sorted(dates, key=lambda d: d.start)
        self.year_info = _year_info(doc)
        self.spans = sentence_spans(doc, parse)
        self.starts = [a for a, _ in self.spans]
        self._indexed: dict[tuple, list[int]] = {}  # see :meth:`_tokens_in`
        self.memo: dict[int, attrib.Attribution | None] = {}
        self.cands: dict[int, list[_Cand]] = {}
        self.heads = any(t.head >= 0 for t in parse.tokens)
        self.referred: str | None = None  # the place a place-kind noun last referred to: no source's own place

    def run(self) -> list[Claim]:
        claims: list[Claim] = []
        for index, (s_start, s_end) in enumerate(self.spans):
            cands = self.candidates(index)
            if not cands:
                continue
            following = [(self.text[a:b], bool(self.candidates(k)))
                         for k, (a, b) in enumerate(self.spans[index + 1:index + 3], start=index + 1)]
            claims += self.assemble(index, cands, following)
        return claims

    # --- per sentence ---------------------------------------------------------------------------------

    def is_place(self, name: str) -> bool:
        """Whether a name is a place: the document labels it one somewhere, or the gazetteer knows it as one."""
        if not hasattr(self, "_places"):
            self._places = {person_key(e.text) for e in self.entities if e.label == "LOC"}
        return person_key(name) in self._places or _known_place(name) or is_country(name)

    def named_as_place(self, name: str) -> bool:
        """Whether a name is a place: `is_place`, or the document puts it right after a place preposition somewhere
        ("cut off electricity in Enerhodar"), whatever the recogniser labelled it: never whose time a span is."""
        if self.is_place(name):
            return True
        lex = lexicon(self.language(0))
        preps = alternation(lex.cues.get("place_prepositions", []))
        return bool(preps and re.search(r"(?:^|\W)(?:" + preps + r")\s+" + re.escape(name) + r"(?![\w’'])", self.text))

    def person_before(self, pos: int) -> str | None:
        """The person the sentence before the one at ``pos`` is about: its subject, when that names a person ("Ivan
        Petrenko was asleep when the roof fell. The 63-year-old teacher …")."""
        index = bisect_right(self.starts, pos) - 1
        span = self.sentence_subject(index - 1) if index > 0 else None
        if span is None:
            return None
        start, end, phrase_end = span
        name = self._named(start, phrase_end)
        if name is None:  # a surname the recogniser missed here but knew elsewhere in the document
            i = self.parse.at(end - 1)
            last = self.text[start:end].split()[-1]
            if i is not None and self.parse.tokens[i].pos == "PROPN" and not self.is_place(last) and any(
                    e.label == "PER" and e.text.split()[-1] == last for e in self.entities):
                name = last
        return name

    def protagonist(self) -> str | None:
        """The person the document names most (by dictionary form): who an unnamed "54-year-old woman" is."""
        if not hasattr(self, "_protagonist"):
            counts: dict[str, list[str]] = {}
            places = {person_key(e.text) for e in self.entities if e.label == "LOC"}
            for e in self.entities:
                if e.label == "PER":
                    counts.setdefault(person_key(e.text), []).append(e.text)
            for k in [k for k, names in counts.items() if k in places or _known_place(names[0])]:
                del counts[k]  # a place the recogniser also took for a person is nobody's age
            best = max(counts.values(), key=len, default=None)
            self._protagonist = best[0] if best else None
        return self._protagonist

    def language(self, pos: int) -> str:
        return self.parse.language_at(pos) or self.doc.meta.get("language") or guess_language(
            self.text[pos:pos + 200])

    def attribution(self, index: int, depth: int = 0) -> attrib.Attribution | None:
        if index < 0:
            return None
        if index not in self.memo:
            a, b = self.spans[index]
            back = 2 if index >= 2 and self.cut_tail(index - 1) else 1  # past a tail cut after an initialism
            prev = (lambda: self.attribution(index - back, depth + back)) if depth < 3 else (lambda: None)
            before = (lambda: self._source_before(index, depth)) if depth < 3 else (lambda: None)
            lo, hi = _bounds(self.parse, a, b)
            tokens = self.parse.tokens
            perfect = {t.head for t in tokens[lo:hi] if t.dep in ("aux", "ccomp")}  # "has said": a finite verb
            # phrase; so is a verb with a clause of its own that the tagger took for a participle ("X, the deputy
            # minister, estimated Monday that …")
            verbs = [(t.start, t.end) for i, t in enumerate(tokens[lo:hi], lo)
                     if t.pos == "VERB" and (i in perfect or ("VerbForm=Part" not in t.feats
                                                              and "VerbForm=Inf" not in t.feats))]
            objects = [(t.start, t.end) for t in tokens[lo:hi] if t.dep in ("obj", "dobj", "iobj", "obl", "pobj")]
            participles = [(t.start, t.end) for t in tokens[lo:hi] if t.dep == "acl" and "VerbForm=Part" in t.feats]
            opening = attrib.tables().report_noun.match(self.text[a:b].lstrip())
            noun = opening.group(0).split()[-1] if opening and opening.group(0).split()[-1].islower() and not re.match(
                r"\w", self.text[a:b].lstrip()[opening.end():]) else None  # not "An estimated 12 troops"
            if noun and index > 0 and noun.lower() not in self.text[self.spans[index - 1][0]:a].lower():
                prev = before = (lambda: None)  # "The study concluded …" names no report of the sentence before
            attr = attrib.resolve(self.text[a:b], prev, self.entities, a, verbs, before, objects, participles)
            if attr is None:
                closing = self.closing_dash_source(a, b)
                if closing:  # «Вакцинування триває в 46 країнах, – ВООЗ»
                    attr = attrib.Attribution(by=closing, cue="–")
            document = attr is not None and bool(attr.by) and self.bare_document(attr)
            if document:
                attr.by = None  # «…, йдеться у повідомленні»: whose statement, as a pronoun's, is found below, else
                # the outlet's own (a bare word for a document names no one)
            if noun and attr is not None and attr.by is None and attr.cue:
                attr.by = noun  # the report itself, as before: no source of the sentence before to refer to
            if attr is not None and attr.by is None and attr.cue and index > 1 and depth < 3:
                attr.by = self.report_before(index, depth)  # "…, according to the report": the briefing before
            if attr is not None and attr.by is None and attr.cue and index > 0 and document:
                maker = self._subject_source(index - 1) if self.heads else self._opening_name(index - 1)
                # a document's maker is an organisation or a person named as the subject of the sentence before
                attr.by = maker if maker and any(e.label in ("ORG", "PER") and e.text in maker for e in self.entities) else None
            elif attr is not None and attr.by is None and attr.cue and index > 0:
                one = attrib.names_one_person(self.text[a:b])
                attr.by = self._subject_source(index - 1, one) or self._person_before(self.spans[max(0, index - 2)][0], a)
            if attr is not None and attr.by and index > 0:
                attr.by = self.described_person(index, attr.by) or attr.by
            if attr is not None and attr.by and attr.start is not None:
                attr.by = self.full_name(a, a + attr.start, attr.by) or attr.by
            if attr is not None and attr.by:
                attr.by = self.source_referred(index, attr.by) or attr.by
            if attr is not None and attr.by and self.bare_outlet(attr.by):
                # «Про це повідомила газета X. За даними видання, …»: the named source of the two sentences before;
                # with none, the document's own outlet
                named = [s.by for s in (self.attribution(k, depth + 1) for k in (index - 1, index - 2) if k >= 0 and depth < 3)
                         if s is not None and s.by and re.search(r"(?<!\w)[A-ZА-ЯЁІЇЄҐ]", s.by)]
                attr.by = named[0] if named else None
            if (attr is None or attr.cue == "agent") and depth < 3 and index + 1 < len(self.spans) and (
                    attrib.reports_before(self.text[self.spans[index + 1][0]:self.spans[index + 1][1]])):
                after = self.attribution(index + 1, depth + 1)  # "… N … . Про це повідомив X.": X's report
                if after is not None and after.by and not after.pronoun:
                    attr = attrib.Attribution(by=after.by, via=after.via, cue=after.cue)
            hearsay = attrib.tables().reported_adverb.search(self.text[a:b]) if attr is None and index > 0 else None
            if hearsay:  # "…, Moscow insists. Over 40 boats reportedly tried to land …": the account goes on
                before = self.attribution(index - 1, depth + 1) if depth < 3 else None
                pa, pb = self.spans[index - 1]
                at = None if before is None else before.cue_start if before.cue_start is not None else before.start
                closing = at is not None and len(self.text[pa + at:pb].split()) <= 4  # "…, Moscow insists.": the
                # account runs on
                if before is not None and before.by and closing:
                    attr = attrib.Attribution(by=before.by, via=before.via, cue=hearsay.group(0).lower())
            if attr is not None and attr.by:
                attr.by = _other_script_trimmed(attr.by)
            self.memo[index] = attr
        return self.memo[index]

    def closing_dash_source(self, a: int, b: int) -> str | None:
        """ "«…, – ВООЗ»", «…, – заявил министр Петров»'s verbless kin: a sentence (a headline, a paraphrase) closed by a
        dash and only the name of an organisation or a person — up to three words of a title or a reporting verb before
        it («– глава МОЗ Степанов», «. — пише Financial Times») — is that one's statement. The dash comes after a comma
        (Russian and Ukrainian punctuation of a reported statement) or after the sentence's own full stop or closing
        quote (a post's sign-off); with neither, only at the end of a line (a headline: «… на €95 млн — Міноборони
        Фінляндії»): a name alone after a dash inside running text is a byline or an aside. A name on a line of its
        own after a dash, right after the line the sentence ends («…40 дронів.\n— Повітряні сили»), signs that line."""
        text = self.text[a:b]
        tail = re.search(r"(?:(,)|([.!?…»\"”])|[ \t])[ \t]*[–—-]{1,2}[ \t]+([^,;:!?–—()\"«»“”\n]{2,80}?)\s*[.!]?\s*$", text)
        if tail is not None and (tail.group(1) or tail.group(2)):
            return self._signed_by(a + tail.start(3), a + tail.end(3))
        if tail is not None and re.match(r"[ \t]*(?:\n|$)", self.text[b:]):
            return self._signed_by(a + tail.start(3), a + tail.end(3), 0)  # a headline's: the name alone (not "…
            # died — among them Maria Lopez", a paragraph's last words)
        line = self.text[b:].find("\n")
        if line < 0 or not re.search(r"[.!?…»\"”]\s*$", self.text[b:b + line] or text):
            return None
        sign = re.match(r"\n\s*[–—-]{1,2}[ \t]*([^\n,;:!?–—()\"«»“”]{2,80}?)[ \t]*[.!]?[ \t]*(?:\n|$)(?![ \t]*[–—-])",
                        self.text[b + line:])
        return self._signed_by(b + line + sign.start(1), b + line + sign.end(1)) if sign else None

    def _signed_by(self, start: int, end: int, words: int = 3) -> str | None:
        """The organisation or person (not a place) whose name closes the span [start, end), with at most ``words`` words
        (a title, a reporting verb) before it; a name the recogniser left unclassed («– Генштаб ЗСУ») too, with no number
        in the span (not a title with a year)."""
        digits = any(ch.isdigit() for ch in self.text[start:end])
        name = next((e for e in self.entities_after(start) if e.end == end and (
            e.label in ("ORG", "PER") or e.label == "MISC" and not digits) and not self.is_place(e.text)), None)
        if name is None or len(self.text[start:name.start].split()) > words:
            return None
        return name.text

    @staticmethod
    def bare_document(attr: attrib.Attribution) -> bool:
        """A Russian or Ukrainian source that is only the noun of a document after a verb saying what it holds
        («йдеться у повідомленні», «говорится в сообщении», «сказано в заяві»): it refers back, and is no source's
        name."""
        t = attrib.tables()
        word = attr.by.lower()
        return " " not in word and bool(CYRILLIC.search(word)) and attr.cue in t.document_verbs and (
            attrib.is_source_word(word, t.report_nouns))

    @staticmethod
    def bare_outlet(by: str) -> bool:
        """A source that is only the word for a publication («видання», «издание») that no outlet named before took."""
        word = by.lower()
        return " " not in word and attrib.is_source_word(word, attrib.tables().outlet_anaphors)

    def full_name(self, start: int, at: int, by: str) -> str | None:
        """ "… according to Vladimir Rogov … Rogov claimed …": a one-word source at ``at`` that no entity covers (a
        surname the recogniser missed, which attribution takes only as a person named before) is that person's full
        name, the nearest before the sentence at ``start``. (Not a surname the recogniser labelled: such sources keep
        the form they had.)"""
        if " " in by or not by[:1].isupper() or any(e.start <= at < e.end for e in self.entities_after(at - 400)
                                                    if e.start <= at):
            return None
        for e in self.entities_before(start):
            if e.label == "PER" and e.end <= start and len(e.text.split()) >= 2 and e.text.split()[-1] == by:
                return e.text
        return None

    def report_before(self, index: int, depth: int) -> str | None:
        """ "…, the ministry said during a briefing. … The incident was one of many. Eight shells hit the town,
        according to the report": a report noun as the source ("the report", "the statement"), with no source in the
        sentence before, is the source of the nearest of the two sentences before that one that names one (a
        paragraph's reach; the first sentence with any attribution ends the search)."""
        a, b = self.spans[index]
        own = attrib.find_attribution(self.text[a:b])
        if own is None or not own.pronoun or not own.by or not attrib.tables().report_noun.fullmatch(own.by) or (
                self.attribution(index - 1, depth + 1) is not None):
            return None
        for k in (index - 2, index - 3):
            found = self.attribution(k, depth + 1) if k >= 0 else None
            if found is not None:
                return found.by if found.by and not attrib.tables().report_noun.fullmatch(found.by) else None
        return None

    def described_person(self, index: int, by: str) -> str | None:
        """ "Defense Minister Ivan Petrov said … Russia's top defense official reported that …": a source described by
        a person's title (its last word one of ``person_heads``, no name in it) is the person named in the two
        sentences before whose title shares a word with the description (not a country's name or adjective: a
        "Ukrainian presidential adviser" is not "Ukrainian President X")."""
        heads = set(attrib.tables().person_heads)
        words = by.split()
        if not words or any(e.label == "PER" and e.text in by for e in self.entities) or not (
                words[-1].lower() in heads or CYRILLIC.search(by) and any(
                    attrib.is_source_word(w.lower(), heads) for w in words)):
            return None  # (a Russian or Ukrainian title puts its owner after the head: «чиновник министерства»)
        lang_ = self.language(self.spans[index][0])
        own = {_stem(w) for w in re.findall(r"[^\W\d_]{4,}", by) if not is_country(w) and not demonym_code(w, w, lang_)}
        lo = self.spans[max(0, index - 2)][0]
        for e in reversed([e for e in self.entities if e.label == "PER" and lo <= e.start < self.spans[index][0]]):
            if len(e.text.split()) >= 2 and own & {_stem(w) for w in re.findall(r"[^\W\d_]{4,}",
                                                                             self.text[max(lo, e.start - 60):e.start])}:
                return e.text
        return None

    def source_referred(self, index: int, by: str) -> str | None:
        """ "FEMA said … Nearly 50 percent have water, the agency added": a source that is only a bare noun for an
        organisation (``org_anaphors``) or for one person's role (``person_anaphors``: "the diplomat") is the entity of
        that type named last before the noun, in its own sentence or the two before (a paragraph's reach, as a pronoun
        source's), that is a source there (the source of one of the two sentences before) or has the noun in its name
        ("the Defense Ministry … the ministry"); never a place. An organisation must end the source's phrase: in
        "according to the X database" X names a document, not the organisation. The recogniser's labels alone are not enough: "Sandy"
        (a storm), "MiG-29" and "Kherson Oblast" were taken for the ministry or the agency on the development corpora.
        Read back from the noun through the entities nearest first, so only that window."""
        t = attrib.tables()
        word = by.lower()
        if " " in by or not by[:1].islower():
            return None

        def one_of(words: set[str]) -> bool:  # a Russian or Ukrainian noun in any case; an English one as written
            return word in words or bool(CYRILLIC.search(word)) and attrib.is_source_word(word, words)

        a, b = self.spans[index]
        noun = re.search(rf"(?<!\w){re.escape(by)}(?!\w)", self.text[a:b])
        pos = a + noun.start() if noun else a
        definite = word in t.definite_person_anaphors and noun is not None and self.text[a:pos].split()[-1:] and (
            self.text[a:pos].split()[-1].lower() in t.definite_determiners)  # "the official said", not "an official"
        label = "ORG" if one_of(t.org_anaphors) else "PER" if one_of(t.person_anaphors) or definite else None
        if label is None:
            return None
        lo = self.spans[max(0, index - 2)][0]
        sources = [s.by for s in (self.attribution(k) for k in range(max(0, index - 2), index)) if s is not None and s.by]
        for e in self.entities_before(pos):
            if e.start < lo:
                break
            if e.end > pos or e.label != label or e.text.lower() == word or self.is_place(e.text):
                continue
            if any(s.endswith(e.text) if label == "ORG" else e.text in s for s in sources) or _stem(word) in {_stem(w) for w in re.findall(r"[^\W\d_]+", e.text)}:
                return e.text
            if label == "ORG" and one_of(t.company_anaphors) and e.text.split()[-1].strip(".,").lower() in t.company_marks:
                return e.text  # "… officer for Acme Corp. said. … the company announced": a name marked as a company
        if label != "ORG":
            return None
        return self.source_named_as(word, sources, self.text[max(0, pos - _NAMED_AS_REACH):pos]) or self.unlabelled_org(
            index, pos)

    def unlabelled_org(self, index: int, pos: int) -> str | None:
        """ "Hydrokraft said the dam was cut off. Three lines were damaged, the operator said": a bare organisation
        noun whose organisation the recogniser did not find is the source of the sentence right before when that
        source is a bare name: one capitalised word that is no known place, not labelled a place most often here, no
        organisation noun of its own and no surname of a person the text gave in full before (found by the sentence's
        words alone when no entity vouched for it: the recogniser's labels of such a name vary)."""
        if index < 1:
            return None
        before = self.attribution(index - 1)
        if before is None:  # a name no entity checks: read as any capitalised subject of a reporting verb
            before = attrib.find_attribution(self.text[slice(*self.spans[index - 1])])
        name = before.by if before is not None and before.by else ""
        t = attrib.tables()
        if not re.fullmatch(r"[^\W\d_][\w-]+", name) or not name[:1].isupper() or _known_place(name) or is_country(
                name) or name.lower() in t.org_anaphors or name.lower() in t.pronouns:
            return None
        a = self.spans[index - 1][0]
        labels: dict[str, int] = {}
        for e in self.entities_before(pos):
            if e.start < a - 5000:
                break
            if e.label == "PER" and len(e.text.split()) >= 2 and e.text.split()[-1] == name:
                return None  # a person's surname ("Rafael Grossi … Grossi said")
            if e.text == name:
                labels[e.label] = labels.get(e.label, 0) + 1
        if labels and max(labels, key=labels.get) == "LOC":
            return None  # mostly a place here; a lone name the recogniser labelled anything, mostly not a place, is
            # the organisation
        return name

    @staticmethod
    def source_named_as(word: str, sources: list[str], before: str) -> str | None:
        """ "Norway's state operator Hydrokraft said … Three turbines were damaged, the operator said": a
        source of the two sentences before, nearest first, whose own phrase holds the bare noun is the organisation
        the noun refers back to, whatever label the recogniser gave its name (it may take one for a person); so is one the
        text ``before`` the noun called by that noun ("state operator Hydrokraft", then "Hydrokraft said")."""
        for s in reversed(sources):
            if s.lower() != word and any(_same_word(w, word) for w in re.findall(r"[^\W\d_]+", s)):
                return s
        stem = word[:max(4, len(word) - 2)] if CYRILLIC.search(word) else word
        for s in reversed(sources):
            if s.lower() != word and s[:1].isupper() and re.search(
                    rf"(?<!\w){re.escape(stem)}\w*\s+(?:[^\W\d_]+\s+){{0,2}}{re.escape(s)}(?!\w)", before, re.IGNORECASE):
                return s
        return None

    def cut_tail(self, index: int) -> bool:
        """Whether sentence ``index`` is the tail of the one before, cut after an initialism ("…storing 30 crates
        of U.S. | Acme fuel\". | It said …"): no verb of its own, after a sentence that ends on an initialism
        (not a verbless sentence of its own: «Она мать пятерых детей»). A pronoun source reads past it."""
        a, b = self.spans[index]
        lo, hi = _bounds(self.parse, a, b)
        return index >= 1 and self.heads and not any(t.pos in ("VERB", "AUX") for t in self.parse.tokens[lo:hi]) and (
            _INITIALISM.search(self.text[max(0, a - 12):a].rstrip()) is not None)

    def _source_before(self, index: int, depth: int) -> attrib.Attribution | None:
        """The source a pronoun source takes: that of the sentence before, or of the one before it when the
        sentence between names none (the first half of a quotation: "…," he said)."""
        attr = self.attribution(index - 1, depth + 1)
        if attr is not None and attr.by:
            return attr
        a, b = self.spans[index - 1]
        quoted = re.search(r"[\"“«„]\s*$", self.text[max(0, a - 3):a]) or re.match(r"\s*[\"“«„]", self.text[a:a + 3])
        if attr is None and index >= 2 and (quoted or self.cut_tail(index - 1)):
            attr = self.attribution(index - 2, depth + 2)
            return attr if attr is not None and attr.by else None
        return None

    def sentence_subject(self, index: int) -> tuple[int, int, int] | None:
        """Where the subject of sentence ``index``'s main verb starts, where its noun (with the words before it that
        qualify it: "Committee Democrats") ends, and where its whole phrase before the verb ends ("Police spokesman
        Ivan Petrenko"); by the parse; None for a pronoun or without one."""
        a, b = self.spans[index]
        lo, hi = _bounds(self.parse, a, b)
        toks = self.parse.tokens
        root = next((i for i in range(lo, hi) if toks[i].dep.lower() == "root"), None)
        subject = next((i for i in range(lo, hi) if toks[i].head == root and toks[i].dep.startswith("nsubj")), None)
        if root is None or subject is None or toks[subject].pos == "PRON":
            return None
        first = subject
        while first - 1 >= lo and toks[first - 1].head in range(first, subject + 1) and toks[first - 1].dep in (
                "compound", "amod", "flat", "flat:name", "poss", "nmod:poss", "case"):
            first -= 1  # "Committee Democrats", "the agency's inspectors"
        verb = min([root] + [i for i in range(subject + 1, root) if toks[i].head == root and toks[i].dep.startswith("aux")])
        return toks[first].start, toks[subject].end, toks[verb].start if subject < verb else toks[subject].end

    def _named(self, start: int, end: int) -> str | None:
        """The first person the text between ``start`` and ``end`` names (never a place taken for one)."""
        return next((e.text for e in self.entities if e.label == "PER" and start <= e.start and e.end <= end
                     and not self.is_place(e.text)), None)

    def _subject_source(self, index: int, person: bool = False) -> str | None:
        """ "Democrats highlighted the contract. “…,” they wrote.": the subject of the sentence before, when it is a
        person, organisation or document (never a place, an event or another pronoun), is who a pronoun that found
        no source there refers to; only a person when ``person`` (the pronoun is "he" or "she")."""
        span = self.sentence_subject(index)
        if span is None:
            return None
        start, end, phrase_end = span
        named = self._named(start, phrase_end)  # "Energy chief Petro Ivanenko spoke …": the person
        if named or person:
            return named
        a, b = self.spans[index]
        name = attrib.clean_source(self.text[start:end])
        if not name or _known_place(name) or is_country(name) or any(e.label == "LOC" and e.start < end and e.end > start
                                                for e in self.entities):
            return None
        return name if attrib.is_source(name, self.text[a:b], self.entities, a) else None

    def _opening_name(self, index: int) -> str | None:
        """Without a parse: the organisation or person that opens sentence ``index`` before any verb («Компанія
        "Рейтинг" оприлюднила опитування»), its subject by position; never a place."""
        a, b = self.spans[index]
        lo, hi = _bounds(self.parse, a, b)
        first_verb = next((t.start for t in self.parse.tokens[lo:hi] if t.pos in ("VERB", "AUX")), b)
        for e in self.entities_after(a):
            if e.start >= first_verb or e.start >= b:
                return None
            if e.label in ("ORG", "PER") and not self.is_place(e.text) and len(self.text[a:e.start].split()) <= 3:
                return e.text
        return None

    def _person_before(self, start: int, end: int) -> str | None:
        """ "…, he said": the person named last in the two sentences before (by a full name, or by a surname the
        document gave in full before), when the sentence before names no source the pronoun could take."""
        full = {e.text.split()[-1]: e.text for e in self.entities if e.label == "PER" and e.end <= end
                and len(e.text.split()) >= 2}
        people = [e for e in self.entities if start <= e.start and e.end <= end and (
            e.label == "PER" and len(e.text.split()) >= 2 or e.text in full)]  # "Kotin", after "Petro Kotin" named him
        return full.get(people[-1].text, people[-1].text) if people else None

    def candidates(self, index: int) -> list[_Cand]:
        if index in self.cands:
            return self.cands[index]
        s_start, s_end = self.spans[index]
        sent = self.text[s_start:s_end]
        out: list[_Cand] = []
        mentions = find_numbers(sent)
        if mentions:
            prior = [c for k in (index - 3, index - 2, index - 1) for c in self.cands.get(k, [])]
            reader = _Reader(self, s_start, s_end, sent, prior)
            for m in mentions:
                cand = reader.read(m, out)
                if cand is not None:
                    out.append(cand)
            _share_right_node(sent, out)
        self.cands[index] = out
        return out

    def assemble(self, index: int, cands: list[_Cand], following) -> list[Claim]:
        s_start, s_end = self.spans[index]
        sent = self.text[s_start:s_end]
        lex = lexicon(self.language(s_start))
        attr = self.attribution(index)
        as_of = _as_of(sent, self.year_info, lex)
        spread = attrib.spread_by(following)
        status_of = _status_reader(sent, following, lex)
        boundaries = [c.m for c in cands if not c.subcount and not c.conversion]
        position = {id(b): i for i, b in enumerate(boundaries)}
        out: list[Claim] = []
        parent: Claim | None = None
        origin: _Cand | None = None
        read_to = s_start  # where the clause read for the figure before ends
        dashes = [(d.start(), d.end()) for d in _GLOSS_AFTER_QUOTE.finditer(sent)]  # a quotation a dash closes
        contrasts = [c.end() for c in _contrast_re(tuple(lex.cues.get("contrast_joiners", []))).finditer(sent)
                     if self.person_opens(s_start + c.end())]  # ", while Bishop X sent …": a clause of another actor
        opener = re.match(r"\s*(?:" + alternation(lex.cues.get("place_prepositions", [])) + r")\s[^,]{1,60},", sent,
                          re.IGNORECASE) if contrasts else None  # a place opening the sentence scopes all its clauses
        for cand in cands:
            m = cand.m
            status = status_of(m.end)
            lead = re.search(r"(?:^|\W)(\w+)\s*$", sent[max(0, m.start - 12):m.start])
            lead_word = lead.group(1).lower() if lead else ""
            whole = re.search(r"\d\s+(?:" + alternation(lex.cues.get("partitive", [])) + r")\s+$", sent[max(0, m.start - 16):m.start],
                              re.IGNORECASE)  # «25 із 1600 учасників»: the whole of a part, no change's start
            if lead_word in lex.cues.get("from_words", []) and not whole and cand.kind in (
                    "money", "count", "percent", "measurement") and any(
                    o is not cand and o.kind == cand.kind and not o.conversion for o in cands):
                # (a change's start needs its other end: "cut output from 12 mills" is no change of a count)
                origin = cand
                cand.change = "change: from"
            elif lead_word in lex.cues.get("to_words", []) and origin is not None and origin.kind == cand.kind and not cand.conversion:
                # "from 60 tenge per liter … to 120 tenge": the "to" figure is the same measure, per the same unit
                if cand.unit and origin.unit and origin.unit.startswith(cand.unit.split("/")[0]):
                    cand.unit = origin.unit
                cand.measure = origin.measure
                cand.change = "change: to"
            if cand.conversion:
                if out:
                    shown = (m.currency_prefix or "") + sent[m.start:max(m.end, cand.unit_end)].strip()
                    out[-1].qualifier = _join(out[-1].qualifier, "≈ " + shown)
                continue
            idx = position.get(id(m), -1)
            seg_lo = boundaries[idx - 1].end if idx > 0 else 0
            seg_hi = boundaries[idx + 1].start if 0 <= idx < len(boundaries) - 1 else len(sent)
            own = cand.source == "verb" and parent is not None and cand.measure and cand.measure != parent.measure
            if cand.subcount and parent is not None and not own:
                local = sent[m.end:]
                local = local[: re.search(r"[,;)]|$", local).start()]
                where = self.place(s_start + m.end, s_start + m.end + len(local), lex, after_only=True)
                note = sent[m.start:m.end + len(local)].strip().rstrip(").!?").strip()
                parent.qualifier = _join(parent.qualifier, note)
                if where and where != parent.where:
                    claim = self.make(sent, s_start, s_end, cand, attr, as_of, status)
                    claim.measure, claim.kind = parent.measure, parent.kind
                    claim.unit = claim.unit if cand.kind != "count" or cand.thing else parent.unit
                    claim.where = where
                    claim.qualifier = f"part of {parent.text}"
                    claim.by, claim.via, claim.cue = parent.by, parent.via, parent.cue
                    out.append(claim)
                continue
            if cand.measure is None:
                continue
            claim = self.make(sent, s_start, s_end, cand, attr, as_of, status)
            if cand.change:
                claim.qualifier = _join(claim.qualifier, cand.change)
            ends = _change_ends(sent, claim, m, self.parse.tokens[slice(*_bounds(self.parse, s_start, s_end))], lex)
            if ends:
                out += ends
                parent = ends[-1]
                continue
            self.referred = None
            lies = self.lies_at(sent, s_start, m.start, max(m.end, cand.unit_end), lex) if claim.measure.split(":")[
                0] == "distance" else None
            if lies:  # "Pirot, 75 miles north of Nis": Pirot is what lies there, a gloss of the writer's
                claim.where, claim.by, claim.via, claim.cue = lies, None, None, None
            if claim.where is None:
                claim.where = self.possessive_place(s_start + m.start, lex)
                if claim.where and claim.kind == "count" and claim.measure == "people":
                    claim.measure = "population"  # "Ukraine's 41 million people"
            if claim.where is None:  # "Crete, an island of 600,000 residents", "9% of the U.S. population"
                claim.where = self.phrase_place(s_start + m.num_start, lex)
            if claim.kind == "count" and claim.measure == "people" and re.search(
                    r"(?:^|\W)(?:" + alternation(lex.cues.get("place_nouns", [])) + r")\s+(?:" + alternation(lex.cues.get("partitive", []))
                    + r")\s*$", sent[max(0, m.start - 30):m.start], re.IGNORECASE):
                claim.measure = "population"  # "a city of 90,000 people": who lives there
            if claim.where is None and claim.kind in ("percent", "count"):
                claim.where = self.whole_owner(s_start + (m.end if claim.kind == "count" else max(m.end, cand.unit_end)),
                                               lex, part=claim.kind == "count")
            if claim.where is None:
                clause = sent[max(m.end, cand.unit_end):seg_hi]
                clause = clause[: _clause_end(clause, lex)]
                claim.where = self.place(s_start + max(m.end, cand.unit_end), s_start + max(m.end, cand.unit_end)
                                         + len(clause), lex, after_only=True)
                if claim.where and seg_hi < len(sent) and _next_members(clause, claim.where, lex):
                    claim.where = None  # «в Джорджії … 8%, в Айові (6)»: the next member's place, not this figure's
                relative = self.relative_place(sent, s_start, m.start, lex) if claim.where is None else None
                if claim.where is None:
                    own_area = re.search(r"(?:^|\W)(?:" + alternation(lex.cues.get("area_prepositions", [])) + r")\s+(?:" + alternation(
                        lex.cues.get("anaphor_determiners", [])) + r")\s", clause, re.IGNORECASE)  # "… more across the border"
                    k = bisect_right(contrasts, m.start) - 1  # not past ", while …": the other clause's place
                    back = contrasts[k] if k >= 0 else 0
                    claim.where = relative[0] if relative else self.place(s_start + back, s_start + m.start, lex,
                                                                          after_only=False,
                                                                          since=read_to if own_area else None)
                    if claim.where is None and back and opener:  # "In Lima, 300 marched, while 40 were arrested"
                        claim.where = self.place(s_start, s_start + opener.end(), lex, after_only=False)
                    if claim.where is None and claim.kind in ("count", "percent", "money", "measurement"):
                        # «Тут загинули троє людей»: the place named before
                        claim.where = self.adverb_place(s_start + max(seg_lo, back), s_start + max(m.end, cand.unit_end)
                                                        + len(clause), lex)
                    if claim.where is None:  # «Економіка Росії зросла на 2%»: the place that owns what changed
                        claim.where = self.owner_place(s_start + back, s_start + m.start, s_start + max(
                            m.end, cand.unit_end) + len(clause), lex, cand.noun)
                read_to = s_start + max(m.end, cand.unit_end) + len(clause)
            if claim.where is None:  # "at the Tacna base", "… and 40 deaths on U.S. lands": a place modifying the object
                claim.where = self.phrase_place(s_start + m.num_start, lex, objects=True)
            if claim.where is None and claim.measure.split(":")[0] == "distance":
                claim.where = self.distance_from(sent, s_start, max(m.end, cand.unit_end), lex)
            verb = cand.verb
            if claim.where is None and verb is None and self.heads:  # "X … was hit three times": no measure's verb
                num = self.parse.at(s_start + m.num_start)
                lo, hi = _bounds(self.parse, s_start, s_end)
                verb = governing_verb(self.parse, num, lo, hi, True) if num is not None else None
            if claim.where is None and verb is not None:
                claim.where = self.object_place(verb)
            if claim.measure.split()[-1] in lex.cues.get("origin_measures", []):
                origin = self.origin_place(s_start, s_end, lex)
                target = claim.where or (self.own_area(s_start, s_end, claim.by, lex) if origin else None)
                if origin and target and origin != target:  # "fired at X from Y": X is the scope, Y where they came from
                    claim.qualifier = _join(claim.qualifier, f"origin: {origin}")
                claim.where = target or origin
            if claim.where is None and claim.kind == "date":
                claim.where = self.taken_place(s_start + m.num_start, lex)
            if claim.where is None:
                claim.where = self.passive_pronoun_place(s_start + m.num_start, lex)
            if claim.where is None and (claim.kind in ("count", "percent", "money", "measurement") or (
                    claim.kind == "duration" and self.main_span(s_start + m.num_start))):
                claim.where = self.subject_place(index, claim.by, claim.start)
            if claim.where is None and claim.kind in ("count", "percent", "money", "measurement"):
                claim.where = self.country_of_places(s_start, s_end)
            if claim.where is None and claim.kind in ("count", "percent", "money", "measurement") and index > 0 and (
                    self.owned_by_pronoun(index, lex)):  # "Its 12 dams provide a third of its power": the place before
                claim.where = self.subject_place(index - 1, claim.by)
            if claim.where is None and claim.kind in ("count", "percent", "money", "measurement"):
                claim.where = self.heading_place(claim.start)  # "Alaska:" on a line of its own above the figures
            maker = self.estimate_maker(s_start, m, attr, lex) if claim.by and attr is not None else None
            if maker:  # "X explained that the researchers adjusted their estimate up to 5,740": theirs, via X
                claim.by, claim.via = maker, claim.by
            speaker = self.speaker_at(claim.start)
            quoted = speaker is not None and attr is not None and claim.by not in (None, speaker) and (
                attr.cue_start is not None and self.speaker_at(s_start + attr.cue_start) == speaker)  # a report in it
            if quoted and attr.cue_start < m.start:
                claim.via = claim.via or speaker  # "“The ministry reported 40 deaths,” X said": the ministry's, via X
            elif speaker and (claim.by is None or quoted):  # a figure inside a quotation whose speaker is named:
                # "“… 10,000 workers …”" after "X wrote"; "“… in 1986 … before the Soviets reported …,” he said"
                claim.by, claim.via, claim.cue = speaker, None, "quote"
            if claim.by is None and speaker is None:
                claim.by = self.quote_opener(claim.start)
                claim.cue = "quote" if claim.by else claim.cue
            if claim.by and speaker is None and self.glossed_after_quote(sent, dashes, attr, m):
                claim.by, claim.via, claim.cue = None, None, None
            if claim.by is None:
                tweeter = self.tweet_author(claim.end)
                if tweeter:  # an embedded post: "… 24,000 deployed … https://t.co/… — Name (@handle) date"
                    claim.by, claim.cue = tweeter, "post"
            if claim.where and (claim.kind == "age" or claim.by and claim.where != self.referred and re.search(
                    r"(?<!\w)" + re.escape(claim.where) + r"(?!\w)", claim.by) and not self.jurisdiction(
                    claim.by, claim.where, lex)):
                claim.where = None  # an age is a person's, not a place's; "the embassy in the US said": the source's
            if claim.where and attr is not None and self.said_at(sent, attr, m, claim.where, lex):
                claim.where = None  # "X told reporters in Geneva that 300 …": where it was said, not what it counts
            out.append(claim)
            parent = claim
        self.share_place(sent, s_start, out, lex)
        if spread:
            for claim in out:
                if claim.by and not claim.via and claim.by.lower() not in spread.lower():
                    claim.via = spread
        return out

    def person_opens(self, at: int) -> bool:
        """Whether a person's name starts within a few words after ``at`` (", while Bishop X sent …", «, а патриарх X
        …»): the clause is another actor's, not a second figure of the same scene ("…, while 100 others remain
        missing")."""
        return any(e.label == "PER" and at <= e.start <= at + 40 for e in self.entities_after(at))

    def entities_after(self, pos: int) -> Iterator[EntityMention]:
        """The entities that start at or after ``pos``, nearest first, up to 400 characters on."""
        if not hasattr(self, "_entity_starts"):
            self._entity_starts = [e.start for e in self.entities]
        for i in range(bisect_left(self._entity_starts, pos), len(self.entities)):
            if self.entities[i].start > pos + 400:
                break
            yield self.entities[i]

    @staticmethod
    def glossed_after_quote(sent: str, dashes: list[tuple[int, int]], attr: attrib.Attribution | None,
                            m: NumberMention) -> bool:
        """ "X voiced concern, saying, “We do not want another flood” - a reference to the storm of 2012": a figure
        after a quotation that its reporting verb opens and a dash closes (``dashes``: the sentence's, read once) is in
        the writer's gloss, not the speaker's: a short one (``_GLOSS_REACH``), with no reporting verb before the figure."""
        if attr is None or attr.cue_start is None or attr.cue_start > m.start:
            return False
        k = bisect_right(dashes, (m.start, m.start)) - 1
        if k < 0 or dashes[k][0] < attr.cue_start or dashes[k][1] > m.start or m.start - dashes[k][1] > _GLOSS_REACH:
            return False
        return attrib.tables().verb.search(sent, dashes[k][1], m.start) is None

    @staticmethod
    def jurisdiction(by: str, where: str, lex: Lexicon) -> bool:
        """ "Authorities in Oregon have confirmed 12 deaths", «власти Чили сообщили …»: a source that is the local
        authority of a place (``jurisdiction_nouns``, then that place, perhaps after a place preposition) reports
        what happened there, unlike "the embassy in the US" or "the ministry in Moscow" (no such noun)."""
        nouns = lex.cues.get("jurisdiction_nouns", [])
        return bool(nouns) and re.match(r"(?:[^\W\d_]+\s+){0,2}?(?:" + alternation(nouns) + r")\s+(?:(?:" + alternation(
            lex.cues.get("place_prepositions", [])) + r")\s+)?(?:" + alternation(lex.cues.get("articles", [])) + r"\s+)?"
            + re.escape(where) + r"(?!\w)", by, re.IGNORECASE) is not None

    @staticmethod
    def said_at(sent: str, attr: attrib.Attribution, m: NumberMention, where: str, lex: Lexicon) -> bool:
        """Whether ``where`` is named only where the report was made: after a place preposition between the reporting
        verb (and its object) and the word that opens what it reports ("told reporters in Geneva that 300 …", «заявил в
        Москве, что …»), or in the source's clause after the figure ("300 …, the minister told reporters in Geneva").
        That place is no scope of the figures reported."""
        if attr.cue_start is None:
            return False
        name = re.compile(r"(?<!\w)" + re.escape(where) + r"(?!\w)")
        if attr.cue_start >= m.end:
            said = min(attr.cue_start, attr.start if attr.start is not None and attr.start >= m.end else attr.cue_start)
            return bool(name.search(sent, said)) and not name.search(sent[:said], m.end)
        venue = re.match(r"\S+\s+(?:[\w’'-]+\s+){0,2}?(?:" + alternation(lex.cues.get("place_prepositions", [])) + r")\s+("
                         r"(?:[\w’'.-]+\s+){0,3}?[\w’'.-]+)\s*,?\s+(?:[\w’'-]+\s+){0,3}?(?:"
                         + alternation(lex.cues.get("report_openers", [])) + r")\s", sent[attr.cue_start:m.start], re.IGNORECASE)
        return venue is not None and name.search(venue.group(1)) is not None and not name.search(
            sent, attr.cue_start + venue.end())

    def estimate_maker(self, s_start: int, m: NumberMention, attr: attrib.Attribution, lex: Lexicon) -> str | None:
        """ "The Tribune further explained that the researchers adjusted their estimate up to 4,200 deaths": the
        subject of the reported clause whose verb governs the figure, when it is one who makes estimates
        (``estimate_nouns`` that are no report nouns: researchers, experts), made the figure; the reporter only carried
        it. "The ministry said initial estimates put the damage at …" stays the ministry's."""
        if attr.cue_start is None or attr.cue_start >= m.start:
            return None
        toks = self.parse.tokens
        makers = set(lex.cues.get("estimate_nouns", [])) - attrib.tables().report_nouns  # who, not "estimates put"
        num = self.parse.at(s_start + m.num_start)
        for i in self.parse.between(s_start + attr.cue_start, s_start + m.start):
            if not self.heads and toks[i].pos == "NOUN" and toks[i].lemma in makers and i + 1 < len(toks) and toks[
                    i + 1].pos == "VERB" and "," not in self.text[toks[i].end:s_start + m.start]:
                return toks[i].text  # no parse (Ukrainian): the maker right before its verb, in the figure's clause
            if not (toks[i].dep.startswith("nsubj") and toks[i].pos == "NOUN" and toks[i].lemma in makers):
                continue
            j, path = num, 0
            while j is not None and 0 <= toks[j].head != j and path < 12 and toks[j].head != toks[i].head:
                j, path = toks[j].head, path + 1
            if j is not None and toks[j].head == toks[i].head:
                first = i
                while first - 1 >= 0 and toks[first - 1].head == i and toks[first - 1].dep in ("compound", "amod"):
                    first -= 1
                return self.text[toks[first].start:toks[i].end]
        return None

    def own_area(self, start: int, end: int, by: str | None, lex: Lexicon) -> str | None:
        """ "The governor of neighboring Vardar said 200 missiles were fired at his region": a place noun owned by a
        pronoun is the area of the source, the place its title names ("Vardar region")."""
        toks = self.parse.tokens
        noun = next((i for i in self.parse.between(start, end) if toks[i].lemma in lex.cues.get("place_nouns", [])
                     and i > 0 and toks[i - 1].pos == "PRON" and toks[i - 1].dep in ("poss", "nmod:poss")), None)
        if noun is None or not by:
            return None
        of = alternation(lex.cues.get("partitive", []))
        titled = re.search(r"(?:^|\s)(?:" + of + r")\s+(?:[a-zа-яёіїєґ-]+\s+)?((?:[A-ZА-ЯЁІЇЄҐ][\w’'-]+\s?)+)$", by)
        if titled:  # "governor of neighboring Vardar": a title's place, whatever the recogniser took it for
            return f"{titled.group(1).strip()} {toks[noun].text}"
        names = [re.sub(r"['’]s?$", "", n.strip()) for n in re.findall(r"(?:[A-ZА-ЯЁІЇЄҐ][\w’'-]+\s?)+", by)]
        place = next((n for n in reversed(names) if self.is_place(n)), None)
        return f"{place} {toks[noun].text}" if place else None

    def lies_at(self, sent: str, s_start: int, at: int, end: int, lex: Lexicon) -> str | None:
        """ "from Belarus, just 200 kilometers north of the capital", "strikes near Mosul, 75 miles north of Tikrit": a
        distance with a compass direction after it (``directions``) in apposition to a place (the place, a comma and
        at most two small words before the figure) says where that place lies: the place is the distance's, and the
        aside is the writer's gloss, not a report's. Not "across the X River, about 6 miles away from the plant"."""
        after = re.sub(r"\([^()]*\)", " ", sent[end:end + 60]).lower().split()[:3]
        if not set(w.strip(",.") for w in after) & set(lex.cues.get("directions", [])):
            return None
        m = re.search(r"(?:^|\W)((?:[A-ZА-ЯЁІЇЄҐ][\w’'-]*\s+){0,2}[A-ZА-ЯЁІЇЄҐ][\w’'-]*)\s*,\s*"
                      r"(?:[a-zа-яёіїєґ]+\s+){0,2}$", sent[:at])
        if m is None:
            return None
        name = m.group(1)
        a = s_start + m.start(1)
        if self.is_place(name) or any(e.label in ("LOC", "MISC") and e.start <= a < e.end for e in self.entities):
            return name  # (a town the recogniser could not type is still what lies there)
        return None

    def distance_from(self, sent: str, s_start: int, end: int, lex: Lexicon) -> str | None:
        """ "which happened about 110 kilometers (68 miles) north of the capital Lima", «в 110 км к северу от Лимы»: with
        no place before it that lies there (``lies_at``), a distance's compass direction and reference preposition
        name the place it is measured from, which is the figure's place."""
        after = re.sub(r"\([^()]*\)", lambda b: " " * len(b.group(0)), sent[end:end + 120])
        m = re.match(r"\s*(?:[\w-]+\s+){0,2}?(?:" + alternation(lex.cues.get("directions", [])) + r")\s+(?:"
                     + alternation(lex.cues.get("reference_prepositions", [])) + r")\s+(?:[a-zа-яёіїєґ-]+\s+){0,3}?"
                     r"((?:[A-ZА-ЯЁІЇЄҐ][\w’'-]*\s?){1,3})", after)
        if m is None or not m.group(1)[:1].isupper():
            return None
        name = m.group(1).strip()
        a = s_start + end + m.start(1)
        owner = re.search(_APOSTROPHES + r"s?$", name)
        if owner:  # "north of Peru's capital Lima": the owned place, the nearer reference
            owned = re.match(r"\s+(?:[a-zа-яёіїєґ-]+\s+){0,2}((?:[A-ZА-ЯЁІЇЄҐ][\w-]*\s?){1,3})",
                             after[m.start(1) + len(name):])
            if owned is None:
                return None
            a += len(name) + owned.start(1)
            name = owned.group(1).strip()
        if self.is_place(name) or any(e.label in ("LOC", "MISC") and e.start <= a < e.end for e in self.entities):
            return next((e.text for e in self.entities if e.label in ("LOC", "MISC") and e.start == a), name)
        return None  # (a town the recogniser could not type is still where the distance is from, as in ``lies_at``)

    @staticmethod
    def share_place(sent: str, s_start: int, claims: list[Claim], lex: Lexicon) -> None:
        """ "Seven people were killed and 14 were wounded in and around the town", "killed one woman and injured two in
        X": figures of clauses joined by "and" (a few words, no comma between; one verb may open the second) share the
        place found for the last of them after it."""
        joined = re.compile(r"\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,4}\s+(?:" + alternation(lex.cues.get("place_joiners", []))
                            + r")\s+(?:[^\W\d_]+\s+)?", re.IGNORECASE)  # "killed one woman and injured two in X"
        for a, b in reversed(list(zip(claims, claims[1:]))):
            if a.where is None and b.where and b.where not in sent[:b.start - s_start] and joined.fullmatch(
                    sent[a.end - s_start:b.start - s_start]):
                a.where = b.where

    def make(self, sent, s_start, s_end, cand: _Cand, attr, as_of, status) -> Claim:
        m = cand.m
        scale = cand.value_scale

        def scaled(x):
            return None if x is None else round(x * scale, 6)

        claim = Claim(
            start=s_start + m.start, end=s_start + m.end, sentence_start=s_start, sentence_end=s_end,
            text=sent[m.start:m.end], measure=cand.measure or "other", unit=cand.unit or "", value=scaled(m.value),
            lo=scaled(m.lo), hi=scaled(m.hi), hedge=m.hedge if m.hedge_kind or m.is_range else None, as_of=as_of,
            status=status, kind=cand.kind, counted=cand.noun_lemma, subgroup=cand.subgroup, subject=cand.subject,
        )
        if cand.kind == "date":
            claim.as_of = cand.date_value
        if m.is_range:
            claim.hedge = None  # "from 6 to 18", "between 15% and 20%": the bounds say it all
        inside = (attr is not None and attr.start is not None and attr.cue_start is not None
                  and attr.start <= m.start < attr.cue_start)  # the figure describes the source, not its report
        # "… set a goal of $2.5 million and the company said …": the source's clause begins after the figure
        earlier = (attr is not None and attr.start is not None and attr.cue_start is not None and m.end <= attr.start
                   and attr.start > 0 and _coordinated(sent[m.end:attr.start]))
        # "…, which struck the island in September 2017": the date in an aside about a name is the writer's
        aside = (cand.kind == "date" and attr is not None and attr.cue_start is not None and attr.cue_start < m.start
                 and attrib.in_aside(sent[attr.cue_start:m.start]))
        if attr is not None and attr.by and not inside and not earlier and not aside and not self.epithet(
                cand, s_start, attr) and not self.glossed(sent, s_start, m, attr) and not self.framed(
                sent, s_start, m, attr) and (attr.cue != "agent" or cand.measure in AGENT_MEASURES):
            claim.by, claim.via, claim.cue = attr.by, attr.via, attr.cue
        return claim

    def framed(self, sent: str, s_start: int, m: NumberMention, attr: attrib.Attribution) -> bool:
        """Whether a figure is the writer's frame around a report rather than part of it: before a quotation that the
        source's inverted verb closes ("The almost 500-mile wide storm, which …, “could be the worst …”, the agency's
        head warned"), or in what the reporting verb governs before the clause it reports ("X told representatives of
        about 60 states … that Ukraine would …": whom X told, by the parse)."""
        if attr.cue_start is None:
            return False
        if attr.cue_start >= m.end:
            between = sent[m.end:attr.start if attr.start is not None and attr.start > m.end else attr.cue_start]
            opened = re.search(r"[“«]|(?<!\S)\"", between)
            toks = self.parse.tokens
            return opened is not None and re.search(r"[”»\"]\s*,|,\s*[”»\"]", between[opened.end():]) is not None and not (
                re.search(r"[“”«»\"]", sent[:m.start])) and not any(  # the figure is in the subject of the quotation
                toks[i].pos in ("VERB", "AUX") and not re.search(r"VerbForm=(?:Part|Conv|Inf|Ger)", toks[i].feats)
                for i in self.parse.between(s_start, s_start + m.start))
        toks = self.parse.tokens
        cue = self.parse.at(s_start + attr.cue_start)
        num = self.parse.at(s_start + m.num_start)
        if cue is None or num is None or not self.heads:
            return False
        openers = set(lexicon(self.language(s_start)).cues.get("report_openers", []))
        mark = next((j for j in self.parse.between(s_start + m.end, s_start + len(sent))
                     if toks[j].text.lower() in openers and toks[j].dep == "mark"), None)
        if mark is None or toks[toks[mark].head].head != cue or any(
                toks[j].text.lower() in openers for j in self.parse.between(s_start + attr.cue_start, s_start + m.start)):
            return False
        j, path = num, 0
        while 0 <= j != cue and toks[j].head != j and path < 12:
            if j == toks[mark].head:
                return False  # in the reported clause
            j, path = toks[j].head, path + 1
        return j == cue

    def glossed(self, sent: str, s_start: int, m: NumberMention, attr: attrib.Attribution) -> bool:
        """ "The biggest newspaper in this territory of more than 3 million citizens, El Nuevo Dia, added …": a figure in
        an appositive set before the source's name (no finite verb before it, a comma after it and after the name) is
        the writer's gloss on the source, not something the source reports."""
        if attr.start is None or attr.cue_start is None or not attr.by or not m.end <= attr.start:
            return False
        if not re.fullmatch(r"[^,;:()\"“”«»]*,\s*[\"“«]?", sent[m.end:attr.start]) or not re.fullmatch(
                r"[\"”»]?\s*,\s*", sent[attr.start + len(attr.by):attr.cue_start]):
            return False
        toks = self.parse.tokens
        return not any(toks[i].pos in ("VERB", "AUX") and not re.search(r"VerbForm=(?:Part|Conv|Inf|Ger)", toks[i].feats)
                       for i in self.parse.between(s_start, s_start + attr.start))

    def epithet(self, cand: _Cand, s_start: int, attr: attrib.Attribution) -> bool:
        """ "Oleksandr Kharchikov, 41, of Skadovsk, said …", «50-летняя Биби утверждает», "said 69-year-old retired
        nurse X": an age in the speaker's own tag (before the reporting verb with no verb between, or inside the source
        phrase after it) is the writer's description of the speaker, not something the speaker reports; so is a
        family ("mother of five") in what a demanding verb (``demand_verbs``) asks for."""
        m = cand.m
        if cand.measure == "born" and attr.cue_start is not None and attr.cue_start < m.start:
            i = self.parse.at(s_start + attr.cue_start)  # «X требует казнить мать пяти детей», "X demands the release
            return i is not None and self.parse.tokens[i].lemma in lexicon(self.language(s_start)).cues.get(
                "demand_verbs", [])  # of a mother of five": a family in what is demanded is the writer's epithet
        if cand.kind != "age":
            return False
        if attr.start is not None and attr.by and attr.start <= m.start < attr.start + len(attr.by):
            return True
        if attr.start is not None and attr.by and attr.cue and re.search(  # an inverted source: "…,” said X"
                r"[,\"”»—–]\s*" + re.escape(attr.cue) + r"\s*$", self.text[s_start:s_start + attr.start], re.IGNORECASE) and re.fullmatch(
                r"\s*,\s*(?:[^\W\d_]+\s+){0,2}", self.text[s_start + attr.start + len(attr.by):s_start + m.start]):
            return True  # "…,” said Ana Ruiz, a 43-year-old engineer": the appositive right after the source's name
        if attr.cue_start is None:
            return False
        toks = self.parse.tokens
        return m.end <= attr.cue_start and not any(
            toks[i].pos in ("VERB", "AUX") and not re.search(r"VerbForm=(?:Part|Conv|Inf)", toks[i].feats)
            for i in self.parse.between(s_start + m.end, s_start + attr.cue_start))

    def announcers_seat(self, a: int, b: int, end: int) -> bool:
        """Whether the place at [a, b) is the seat of a source ("the prosecutor's office in X", «прокуратура в X»: a
        source noun and an attached preposition before it) with a reporting verb between it and ``end`` ("…, where
        investigators said the gang stole 40 cars since 2019"): where the report was made, not where what it reports
        happened; not a place's own authorities ("authorities in X", ``jurisdiction_nouns``)."""
        toks = self.parse.tokens
        i = self.parse.at(a)
        t = attrib.tables()
        local = lexicon(self.language(a)).cues.get("jurisdiction_nouns", [])  # "authorities in X": X's own, no seat
        if i is not None and i >= 2 and toks[i - 1].text.lower() in t.attached and attrib.is_source_word(
                toks[i - 2].text.lower(), t.sources) and toks[i - 2].text.lower() not in local and t.verb.search(
                self.text, b, end) is not None:
            return True
        return i is not None and self.reporters_phrase(i, end, local)

    def reporters_phrase(self, i: int, end: int, local: list[str]) -> bool:
        """ "…, though the Daily Star in Salem was reporting at least 14 deaths": by the parse, whether the name at
        token ``i`` hangs (through a preposition) from the subject of a reporting verb before ``end`` whose own
        phrase it is: the reporter's seat, whatever noun names the reporter (not a place's own authorities)."""
        toks = self.parse.tokens
        k = i
        for _ in range(5):
            h = toks[k].head
            if h < 0 or h == k:
                return False
            if toks[k].dep.lower() in ("nsubj", "nsubj:pass", "nsubjpass"):
                break
            if toks[h].pos in ("VERB", "AUX"):
                return False
            k = h
        else:
            return False
        verb = toks[k].head
        return k != i and toks[verb].start < end and attrib.tables().verb.fullmatch(toks[verb].text) is not None and (
            toks[k].text.lower() not in local)

    def relative_place(self, sent: str, s_start: int, rel_end: int, lex: Lexicon) -> tuple[str | None] | None:
        """ "the Korvanka camp, where 14 guards were wounded": a figure in a clause opened by a relative of place
        happened at the name right before it (in a 1-tuple, None when the clause names none), not at a place named
        earlier in the sentence; None when the figure is in no such clause."""
        words = lex.cues.get("relative_pronouns", []) + lex.cues.get("place_relatives", [])
        rels = list(re.compile(r"(?:^|\W)(" + alternation(words) + r")\s", re.IGNORECASE).finditer(
            sent, max(0, rel_end - _PLACE_REACH), rel_end))
        if not rels:
            return None
        if rels[-1].group(1).lower() not in lex.cues.get("place_relatives", []):
            return self.antecedent_place(s_start + rels[-1].start(1), s_start + rel_end, lex)
        a = s_start + rels[-1].start(1)
        toks = self.parse.tokens
        inside = self.parse.between(s_start + rels[-1].end(1), s_start + rel_end)
        if any(_barrier(toks[i]) and not (i == inside.stop - 1 and toks[i].text.isalpha()) for i in inside):
            return None  # "…, where the fighting is, as the war nears the six-month mark": another clause's figure
            # (the figure's own word right before it, "since 2014", opens no clause)
        r = self.parse.between(max(s_start, a - 60), a)
        run: list[int] = []
        gloss = False
        for i in reversed(r):  # the last run of proper names before the relative, within its noun phrase
            if toks[i].pos == "PROPN" and toks[i].text[:1].isupper() and toks[i].dep not in ("poss", "nmod:poss"):
                run.insert(0, i)
            elif toks[i].text == "," and not run and not gloss and i + 1 < r.stop and toks[i - 1].pos == "PROPN":
                gloss = True  # "the Donbas, Ukraine's eastern heartland, where": past the appositive to its name
            elif run or toks[i].text in (".", ";", ":", "(", ")") or toks[i].pos == "VERB" or (
                    toks[i].text == "," and i + 1 < r.stop):
                break
        if run and self.announcers_seat(toks[run[0]].start, toks[run[-1]].end, s_start + rel_end):
            return (None,)
        return (self.text[toks[run[0]].start:toks[run[-1]].end] if run else None,)

    def antecedent_place(self, rel: int, end: int, lex: Lexicon) -> tuple[str | None] | None:
        """ "Bakhmut, which lies 16 miles from the border", "in the Kherson region, which two drones hit": a figure in
        a relative clause whose antecedent, right before ", which", is a place (or a place named with a place noun)
        is at that place (in a 1-tuple); None otherwise, or when the clause ends before the figure."""
        toks = self.parse.tokens
        if any(_barrier(toks[i]) for i in self.parse.between(rel, end)):
            return None
        i = self.parse.at(rel)
        if i is None or i < 2 or toks[i - 1].text != ",":
            return None
        last = i - 2
        while last >= 0 and toks[last].lemma in lex.cues.get("place_nouns", []) and toks[last].text[:1].islower():
            last -= 1  # "the Kherson region, which": the region
        first = last
        while first - 1 >= 0 and toks[first - 1].pos == "PROPN" and toks[first - 1].text[:1].isupper():
            first -= 1
        if last < 0 or toks[last].pos != "PROPN" or not toks[last].text[:1].isupper():
            return None
        name = self.text[toks[first].start:toks[last].end]
        if not self.is_place(name) and not any(e.label == "LOC" and e.start <= toks[last].start < e.end
                                               for e in self.entities):
            return None
        return (self.text[toks[first].start:toks[i - 2].end],)

    def tweet_author(self, pos: int) -> str | None:
        """The author of an embedded social-media post that ``pos`` is in: scraped posts end on "— Name (@handle)
        date", and a post is short (``_POST_LIMIT`` characters without its links), so a figure counts as the post's
        when the text from the start of its line to that signature fits in one post and no other signature is
        between."""
        m = _POST_SIGNATURE.search(self.text, pos, pos + _POST_LIMIT + 400)
        if m is None:
            return None
        line = self.text.rfind("\n", 0, pos) + 1
        body = _URLISH.sub("", self.text[line:m.start()])
        if len(body.strip()) > _POST_LIMIT or _POST_SIGNATURE.search(self.text, line, m.start()):
            return None
        return m.group(1).strip()

    def speaker_at(self, pos: int) -> str | None:
        """The named speaker of the quotation ``pos`` is in (:mod:`~storylens.annotate.quotes`, which carries a
        speaker across the quotations of one statement and resolves "he said"); None outside quotations."""
        if not hasattr(self, "_quotes"):
            from storylens.annotate.quotes import extract_quotes

            self._all_quotes = extract_quotes(self.doc)
            self._quotes = [q for q in self._all_quotes if q.speaker and not attrib.is_pronoun(q.speaker)
                            and len(q.speaker.split()) <= 6]
            self._quote_starts = [q.start for q in self._quotes]  # (in text order, not nested: a bisect finds it)
        i = bisect_right(self._quote_starts, pos) - 1
        return self._quotes[i].speaker if i >= 0 and pos < self._quotes[i].end else None

    def quote_opener(self, pos: int) -> str | None:
        """ "A report from the X Institute found that “… (62 percent) … . That is three times more …”": a figure in
        a later sentence of a quotation is the source's that the sentence opening the quotation names before it
        (its reporting verb before the opening mark), whoever the quotation reader took for its speaker."""
        self.speaker_at(pos)  # (reads the quotations once)
        if not hasattr(self, "_all_starts"):
            self._all_starts = [q.start for q in self._all_quotes]
        i = bisect_right(self._all_starts, pos) - 1
        q = self._all_quotes[i] if i >= 0 and pos < self._all_quotes[i].end else None
        if q is None:
            return None
        k = bisect_right(self.starts, q.start) - 1
        if k < 0 or pos < self.spans[k][1]:
            return None  # the quotation's own first sentence: its attribution was read there
        attr = self.attribution(k)
        a = self.spans[k][0]
        if attr is None or not attr.by or attr.cue_start is None or a + attr.cue_start >= q.start:
            return None
        return attr.by

    def origin_place(self, start: int, end: int, lex: Lexicon) -> str | None:
        """ "20 rounds fired from Marganets at the plant": the place after an origin preposition
        (``origin_prepositions``) is where a launch (``origin_measures``) was made: its scope when the sentence names
        no target ("fired at X from Y" is counted at X, the origin kept as a qualifier)."""
        origins = set(lex.cues.get("origin_prepositions", []))
        for a, _, name in self._names(start, end):
            words = self.text[max(start, a - 20):a].lower().split()
            if words and words[-1] in origins and not any(e.label == "PER" and e.start == a for e in self.entities):
                return name  # (a town the recogniser took for an organisation is still the place it was fired from)
        toks = self.parse.tokens
        for i in self.parse.between(start, end):  # "from Serbian territory", «с российской территории»
            if toks[i].text.lower() in origins and i + 2 < len(toks) and toks[i + 2].lemma in lex.cues.get(
                    "territory_nouns", []) and self.country_word(i + 1):
                return country_name(self.country_word(i + 1), self.language(toks[i].start))
        return None

    def used_as_place(self) -> set[str]:
        """Names (by key) the document names as a settlement somewhere ("the city of Nikopol", «город Никополь»):
        places even where the recogniser labelled them an organisation ("in X", "at X" would also take in "officials
        at FEMA")."""
        if not hasattr(self, "_used_as_place"):
            found = set()
            for e in self.entities:
                if e.label == "PER" or len(e.text.split()) > 2 or not _not_known_org(e.text):
                    continue
                lex = lexicon(self.language(e.start))
                words = self.text[max(0, e.start - 30):e.start].lower().split()
                towns = lex.cues.get("settlement_nouns", [])
                if words and (words[-1] in towns or len(words) >= 2 and words[-1] in lex.cues.get("partitive", [])
                              and words[-2] in towns):
                    found.add(person_key(e.text))
            self._used_as_place = found
        return self._used_as_place

    def subject_place(self, index: int, by: str | None, at: int | None = None) -> str | None:
        """ "Nikopol has been shelled for a week, and shells killed three people, he said", "The island, whose 3.4
        million residents …", "Ukraine has 15 reactors": a place that is the subject of the sentence's main verb (or,
        under a reporting verb, of the reported clause's), a name or a place-kind noun that refers back, is where
        its figures are when nothing nearer placed them; never the source ("Russia said three were hurt"), the party a
        demand is made of, or an agent whose act's outcome holds the figure at ``at`` (:meth:`agent_apart`)."""
        a, b = self.spans[index]
        lo, hi = _bounds(self.parse, a, b)
        toks = self.parse.tokens
        if not self.heads and lo < hi:  # no syntax (Ukrainian): the noun phrase that opens the sentence
            k = next((i for i in range(lo, hi) if toks[i].pos not in ("ADJ", "DET")), lo)
            return self.national_place(k, range(lo, k), by)
        root = next((i for i in range(lo, hi) if toks[i].dep.lower() == "root"), None)
        if root is None:
            return None
        if attrib.tables().verb.fullmatch(toks[root].text):  # "…, he said": the reported clause's subject
            if toks[root].lemma in lexicon(self.language(toks[root].start)).cues.get("demand_verbs", []):
                return None  # "Belgrade demanded that Kosovo clear a zone": the party asked, not a place
            root = next((i for i in range(lo, hi) if toks[i].head == root and toks[i].dep in ("ccomp", "parataxis")), root)
        k = next((i for i in range(lo, hi) if toks[i].head == root and toks[i].dep.startswith("nsubj")), None)
        if k is None:
            return None
        lex = lexicon(self.language(toks[k].start))
        if at is not None and self.agent_apart(root, k, at, lex):
            return None
        name = None
        if toks[k].pos == "PROPN":
            e = next((e for e in self.entities if e.start <= toks[k].start < e.end), None)
            if e is not None and (e.label == "LOC" or e.label != "PER" and (
                    _known_place(e.text) or is_country(e.text) or person_key(e.text) in self.used_as_place())):
                name = e.text
        elif toks[k].lemma in lex.cues.get("national_nouns", []):
            return self.national_place(k, [i for i in range(lo, hi) if toks[i].head == k and toks[i].dep == "amod"], by)
        elif k - 1 >= lo and toks[k - 1].text.lower() in lex.cues.get("anaphor_determiners", []) or not lex.cues.get(
                "anaphor_determiners"):
            anaphor = self.place_anaphor(k, lex)
            name = anaphor[1] if anaphor else None
        if name is None or (by and (name in by or by in name)) or self.home_of(toks[k].start, lex):
            return None
        return name

    def owned_by_pronoun(self, index: int, lex: Lexicon) -> bool:
        """ "Peru cannot close its dams. Its 12 dams provide a third of its power": whether the subject of sentence
        ``index``'s main verb is owned by a possessive pronoun (``place_possessives``), which then stands for what the
        sentence before was about (by the parse)."""
        if not hasattr(self, "_owned"):
            self._owned: dict[int, bool] = {}
        if index not in self._owned:  # (once per sentence: its figures ask in turn)
            self._owned[index] = self._owned_by_pronoun(index, lex)
        return self._owned[index]

    def _owned_by_pronoun(self, index: int, lex: Lexicon) -> bool:
        owners = set(lex.cues.get("place_possessives", []))
        if not owners or not self.heads:
            return False
        a, b = self.spans[index]
        lo, hi = _bounds(self.parse, a, b)
        toks = self.parse.tokens
        root = next((i for i in range(lo, hi) if toks[i].dep.lower() == "root"), None)
        k = next((i for i in range(lo, hi) if toks[i].head == root and toks[i].dep.startswith("nsubj")), None)
        return k is not None and any(toks[i].head == k and toks[i].dep in ("poss", "nmod:poss") and toks[
            i].text.lower() in owners for i in range(lo, k))

    def main_span(self, at: int) -> bool:
        """ "The island has been in a recession for 11 years": a span of time that prepositions hang from the main verb
        (of the reported clause under a reporting verb; by the parse) is how long the subject's state lasted; not "as
        the war nears the six-month mark", "One month into the war, Moscow pulled …"."""
        toks = self.parse.tokens
        i = self.parse.at(at)
        if i is None or not self.heads:
            return False
        i = toks[i].head  # the unit noun
        for _ in range(6):
            if not 0 <= i < len(toks):
                return False
            t = toks[i]
            if t.pos in ("VERB", "AUX"):
                root = 0 <= t.head < len(toks) and toks[t.head].dep.lower() == "root" and bool(
                    attrib.tables().verb.fullmatch(toks[t.head].text))
                return t.dep.lower() == "root" or t.dep in ("ccomp", "parataxis") and root
            if t.dep not in ("pobj", "prep", "obl", "nmod", "case"):
                return False
            i = t.head
        return False

    def agent_apart(self, verb: int, k: int, at: int, lex: Lexicon) -> bool:
        """ "Serbia launched strikes at the mine, causing the closure of one of its two shafts": the active subject of
        a verb whose object is an attack (``attack_nouns``) acted on another place; a figure in an adverbial clause of
        that verb (its outcome) is not in the agent's place."""
        toks = self.parse.tokens
        attacks = set(lex.cues.get("attack_nouns", []))
        if toks[k].dep != "nsubj" or not any(t.head == verb and t.dep in ("obj", "dobj") and (
                t.lemma in attacks or t.text.lower() in attacks) for t in toks[max(0, verb - 30):verb + 30]):
            return False  # (only an attack: "Ukraine signed a deal …, clearing the way for Ukraine to export …")
        i = self.parse.at(at)
        for _ in range(12):
            if i is None or not (0 <= toks[i].head < len(toks)) or toks[i].head == i:
                return False
            if toks[i].head == verb:
                return toks[i].dep == "advcl"
            i = toks[i].head
        return False

    def home_of(self, name_start: int, lex: Lexicon) -> bool:
        """ "Greenville, South Carolina-based Fluor", "a Lyon-based firm": a place inside a "-based" modifier
        (``based_words``) is where someone named in the text has its seat, never the scope of a figure."""
        words = lex.cues.get("based_words", [])
        e = next((e for e in self.entities if e.start == name_start), None)
        end = e.end if e is not None else self.parse.tokens[self.parse.at(name_start)].end
        return bool(words) and re.match(r"(?:,\s*(?:[A-Z][\w.’'-]*\s*){1,3})?\s*-\s*(?:" + alternation(words) + r")\b",
                                        self.text[end:end + 60]) is not None

    def seated(self, name_start: int, lex: Lexicon) -> bool:
        """ "Lumen Grid, based in Austin, …", «базирующаяся в Остине компания», «зі штаб-квартирою в Остіні»: a place
        after a place preposition that a ``seat_words`` word precedes is a seat, never a figure's scope."""
        toks = self.parse.tokens
        i = self.parse.at(name_start)
        seats = set(lex.cues.get("seat_words", []))
        return i is not None and i >= 2 and toks[i - 1].text.lower() in lex.cues.get("place_prepositions", []) and (
            toks[i - 2].lemma in seats or toks[i - 2].text.lower() in seats)

    def national_place(self, k: int, modifiers, by: str | None) -> str | None:
        """ "The Syrian war has seen 50,000 deaths", «Сирийская война унесла…»: a noun of something a whole country
        goes through (``national_nouns``) whose modifier is the country's adjective places its figures in it."""
        if self.parse.tokens[k].lemma not in lexicon(self.language(self.parse.tokens[k].start)).cues.get(
                "national_nouns", []):
            return None
        code = next((c for c in (self.country_word(i) for i in modifiers) if c), None)
        name = country_name(code, self.language(self.parse.tokens[k].start)) if code else None
        return None if name is None or (by and (name in by or by in name)) else name

    def country_of_places(self, start: int, end: int) -> str | None:
        """ "10 were wounded, with nine Peruvian regions coming under fire", «на улицы чилийских городов вышли тысячи»:
        with nothing nearer placing a figure, places named by a country's adjective on a plural place noun
        (``national_place_nouns``) in its sentence are in that country, the scope of the sentence's figures — even
        when the source is that country's ("…, Peru's presidential office said"): the places are named, no seat."""
        if not hasattr(self, "_country_places"):  # every such place of the document, read once: figures stay linear
            toks, found = self.parse.tokens, []
            for i in range(1, len(toks)):
                lex = lexicon(self.language(toks[i].start))
                if toks[i].lemma.lower() not in lex.cues.get("national_place_nouns", []):
                    continue
                if ("Number=Sing" in toks[i].feats or (not toks[i].feats and toks[i].text.lower() == toks[i].lemma.lower(
                ))) and not self.unnamed(i, lex):
                    continue
                code = self.country_word(i - 1)
                name = country_name(code, self.language(toks[i].start)) if code else None
                if name:
                    found.append((toks[i].start, name))
            self._country_places = found
        k = bisect_left(self._country_places, (start, ""))
        if k < len(self._country_places) and self._country_places[k][0] < end:
            self.referred = self._country_places[k][1]
            return self.referred
        return None

    def unnamed(self, i: int, lex: Lexicon) -> bool:
        """Whether the singular place noun at token ``i`` is one the text leaves unnamed and new ("a southern Peruvian
        town not far from …"): an indefinite article before it (or a language without articles), and no name after it
        ("the Peruvian city of Ica", «перуанский город Ика» name the place itself, a narrower scope)."""
        toks = self.parse.tokens
        articles = lex.cues.get("indefinite_articles", [])
        j = i - 1
        while j >= 0 and toks[j].head == i and toks[j].dep in ("amod", "compound", "advmod", "det") and toks[j].text.lower() not in articles:
            j -= 1
        if articles and not (j >= 0 and toks[j].text.lower() in articles and toks[j].head == i):
            return False
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        after = toks[i + 2] if i + 2 < len(toks) else None
        return nxt is None or not (nxt.text[:1].isupper() or nxt.text.lower() in lex.cues.get("partitive", []) and (
            after is not None and after.text[:1].isupper()))

    def object_place(self, verb: int) -> str | None:
        """ "Shelling hit X, injuring nine", "X was hit three times": the place that is the object (or the passive
        subject) of the figure's verb, or of the verb its clause hangs from (by the parse), is where it happened."""
        tokens = self.parse.tokens
        for _ in range(3):
            for j in range(max(0, verb - 40), min(len(tokens), verb + 12)):
                if tokens[j].head == verb and tokens[j].dep in ("obj", "dobj", "nsubjpass", "nsubj:pass") and (
                        tokens[j].pos == "PROPN"):
                    e = next((e for e in self.entities if e.start <= tokens[j].start < e.end), None)
                    if e is not None and (e.label in ("LOC", "MISC") or _known_place(e.text) or (
                            len(e.text.split()) == 1 and e.label != "PER" and _not_known_org(e.text))):
                        return e.text
            t = tokens[verb]
            if t.dep not in ("advcl", "conj", "xcomp") or not (0 <= t.head < len(tokens)) or t.head == verb:
                return None
            verb = t.head
        return None

    def taken_place(self, at: int, lex: Lexicon) -> str | None:
        """ "the Golan Heights, annexed by Israel in 1981", "the Sinai Peninsula, a territory that was occupied in
        1967", «Голанские высоты, аннексированные Израилем в 1981 году»: the date of a territory's taking
        (``taking_verbs``, by the parse) is the territory's: the noun the participle or relative clause hangs on, or
        the verb's object, and the name in apposition to it or on it ("the Crimean peninsula"). None without a
        parse (Ukrainian)."""
        toks = self.parse.tokens
        i = self.parse.at(at)
        verbs = set(lex.cues.get("taking_verbs", []))
        for _ in range(4):
            if i is None or not 0 <= toks[i].head < len(toks) or toks[i].head == i:
                return None
            i = toks[i].head
            if toks[i].pos in ("VERB", "AUX"):
                break
        if i is None or toks[i].lemma not in verbs:
            return None
        if toks[i].dep in ("acl", "relcl", "acl:relcl"):
            target = toks[i].head
        else:
            target = next((j for j in range(max(0, i - 30), min(len(toks), i + 30)) if toks[j].head == i and toks[j].dep
                           in ("obj", "dobj", "nsubjpass", "nsubj:pass") and toks[j].pos in ("NOUN", "PROPN")), None)
        if target is None or not 0 <= target < len(toks):
            return None
        if toks[target].pos == "NOUN":
            j = target - 1
            while j >= 0 and toks[j].pos in ("DET", "ADJ") and toks[j].text[:1].islower():
                j -= 1
            if j >= 1 and toks[j].text == "," and toks[j - 1].pos == "PROPN":
                target = j - 1  # "the Golan, the plateau that …" (an apposition, whatever the parse hung it on)
            elif toks[target].dep == "appos" and 0 <= toks[target].head < len(toks):
                target = toks[target].head  # "the Sinai Peninsula, a territory that …"
        first = target
        while first - 1 >= 0 and toks[first - 1].head == target and toks[first - 1].dep in (
                "compound", "amod", "flat", "flat:name") and toks[first - 1].text[:1].isupper():
            first -= 1  # "the Crimean peninsula", «Голанские высоты»
        if first == target and toks[target].pos != "PROPN":
            return None  # "the territory annexed in 1975": no name
        e = next((e for e in self.entities if e.start <= toks[target].start < e.end), None)
        return self.text[min(toks[first].start, e.start if e else toks[first].start):max(toks[target].end, (
            e.end if e else 0))]

    def passive_pronoun_place(self, at: int, lex: Lexicon) -> str | None:
        """ "help to Samoa after it was devastated by an earthquake in 2009": a figure in a passive clause whose
        subject is a pronoun (``passive_place_pronouns``) and whose conjunction comes right after a place's name is at
        that place (by the parse: the figure's verb within a few heads)."""
        pronouns = set(lex.cues.get("passive_place_pronouns", []))
        toks = self.parse.tokens
        i = self.parse.at(at)
        if not pronouns or i is None or not self.heads:
            return None
        for _ in range(6):
            if not 0 <= toks[i].head < len(toks) or toks[i].head == i:
                return None
            i = toks[i].head
            if toks[i].pos in ("VERB", "AUX"):
                break
        else:
            return None
        kids = [j for j in range(max(0, i - 6), i) if toks[j].head == i]
        subject = next((j for j in kids if toks[j].dep in ("nsubjpass", "nsubj:pass")), None)
        mark = next((j for j in kids if toks[j].dep == "mark"), None)
        if subject is None or mark is None or toks[subject].text.lower() not in pronouns or mark + 1 != subject:
            return None
        e = next((e for e in self.entities_before(toks[mark].start) if e.end <= toks[mark].start), None)
        if e is None or toks[mark].start - e.end > 2 or e.label == "PER" or not self.is_place(e.text):
            return None
        return e.text

    def possessive_place(self, start: int, lex: Lexicon) -> str | None:
        """ "Puerto Rico’s 3.4 million residents", "Lyon´s prewar population of 500,000", "Lyon‘s": a place that owns
        the figure, or the noun the figure is "of"."""
        owned = re.compile(_APOSTROPHES + r"s?\s+(?:[^\W\d_]+\s+){1,3}(?:" + alternation(lex.cues.get("partitive", []))
                           + r")\s+", re.IGNORECASE)
        for e in self.entities_before(start):
            if start - e.end > 50:
                break
            place = e.label == "LOC" or e.label != "PER" and self.is_place(e.text)  # (a town taken for an organisation
            # here that the document labels a place elsewhere, or the gazetteer knows)
            if place and 0 <= start - e.end <= 4 and re.fullmatch(_APOSTROPHES + r"s?\s*", self.text[e.end:start]):
                return e.text
            if place and 0 <= start - e.end and owned.fullmatch(self.text[e.end:start]):
                return e.text
        return None

    def place_at_token(self, j: int) -> str | None:
        """The place a token belongs to: a place entity (or a name the document or the gazetteer knows as a place)
        that covers it; never a person."""
        at = self.parse.tokens[j].start
        e = None
        for near in self.entities_before(at + 1):
            if at - near.start > 80:
                break
            if near.start <= at < near.end:
                e = near
                break
        if e is None or e.label in ("PER", "GROUP") or not (e.label == "LOC" or self.is_place(e.text)):
            return None
        return e.text

    def dependents(self, index: int) -> dict[int, list[int]]:
        """Each token's dependents in sentence ``index``, by head index: built once per sentence, so that reading
        every figure's phrase stays linear in the sentence."""
        if getattr(self, "_kids_of", (None,))[0] != index:
            lo, hi = _bounds(self.parse, *self.spans[index])
            kids: dict[int, list[int]] = {}
            for i in range(lo, hi):
                kids.setdefault(self.parse.tokens[i].head, []).append(i)
            self._kids_of = (index, kids)
        return self._kids_of[1]

    def phrase_place(self, at: int, lex: Lexicon, objects: bool = False) -> str | None:
        """A place the figure's own noun phrase names, read by the parse rather than after a preposition: the head of
        an appositive the figure is in ("Crete, an island of 600,000 residents", "Lima, a city that sits 40 miles
        from …", "France (70%)"), or a place modifying the whole it is a share of ("9% of the U.S. population");
        with ``objects`` (read when no place follows a preposition: "at Japan's Fukushima plant" is Fukushima), only
        a place modifying the object of a place preposition on the figure's noun, a noun coordinated with it, a
        participle on it, its verb or that verb's subject ("burned at the Tacna base", "$20 billion in damages and
        40 deaths on U.S. lands", "a lineman on Acme's Peru project will earn $300"). A place noun so modified
        ("the US territory") is a part of the place, left to the nouns that refer back."""
        if not self.heads:
            return None
        toks = self.parse.tokens
        k = number = self.parse.at(at)
        if k is None:
            return None
        nouns = set(lex.cues.get("place_nouns", []))
        preps = set(lex.cues.get("place_prepositions", [])) | set(lex.cues.get("whole_place_prepositions", []))
        of = set(lex.cues.get("partitive", []))
        for _ in range(4):  # "more than 3 million residents": from the number to the noun it counts
            h = toks[k].head
            if h < 0 or h == k or toks[k].dep not in ("nummod", "quantmod", "compound", "nmod") or toks[h].pos not in (
                    "NOUN", "PROPN", "NUM", "SYM"):
                break
            k = h
        chain = [k]
        verb = None
        for _ in range(6):  # up through "of" and a relative clause to an appositive
            t = toks[k]
            h = t.head
            if h < 0 or h == k:
                break
            dep = t.dep.lower()
            if dep == "appos":
                if objects or (k == chain[0] and toks[h].end < t.start and "(" not in self.text[toks[h].end:t.start]):
                    break  # "brokered by Turkey — 10 outbound": a figure of its own is no gloss; "France (70%)" is
                name = self.place_at_token(h)
                if name is None and toks[h].pos == "PROPN" and toks[h].text[:1].isupper() and t.lemma in nouns:
                    name = next((n for a, b, n in self._names(toks[h].start, toks[h].end + 1) if a <= toks[h].start),
                                None)  # "Crete, an island …": the appositive says what the name is
                return name
            if dep == "pobj" and toks[h].text.lower() in of and toks[h].head >= 0 and toks[toks[h].head].pos in (
                    "NOUN", "PROPN"):
                k = toks[h].head
            elif dep in ("dobj", "obj", "npadvmod", "nsubj", "nsubjpass", "attr") and toks[h].pos in ("VERB", "AUX"):
                if toks[h].dep.lower() in ("relcl", "acl:relcl") and toks[h].head >= 0:
                    k = toks[h].head  # "a city that sits 40 miles from …"
                else:
                    verb = h
                    break
            else:
                break
            chain.append(k)
        kids = self.dependents(bisect_right(self.starts, at) - 1)

        def modified(w: int) -> str | None:  # "the U.S. population", "the Tacna base", "Acme's Peru project"
            if toks[w].pos != "NOUN" or toks[w].lemma in nouns or any(
                    toks[j].dep == "compound" and toks[j].pos == "PROPN" and not self.place_at_token(j)
                    for j in kids.get(w, [])):
                return None  # "half of Norway's Coast Guard boats": an organisation's, which the place only owns
            return next((p for j in kids.get(w, []) if toks[j].dep in ("compound", "poss", "nmod:poss")
                         for p in [self.place_at_token(j)] if p), None)

        def owned(w: int) -> str | None:  # "the island's 69 hospitals", "six of the country's 15 reactors"
            owners = [j for j in kids.get(w, []) if toks[j].dep in ("poss", "nmod:poss")]
            owners += [w] if w + 1 < len(toks) and toks[w + 1].dep == "case" else []  # (an owner parsed as the object)
            found = next((found for j in owners if j > 0 and toks[j - 1].text.lower() in dets
                          for found in [self.place_anaphor(j, lex)] if found), None)
            return found[1] if found else None

        dets = set(lex.cues.get("anaphor_determiners", []))
        for n in ([] if objects else [number] + chain if number != chain[0] else chain):  # the whole a share or count
            # is of ("six of the country's 15 reactors" hangs from the number), or a place-kind noun owning it
            found = owned(n)
            if found:
                return found
            for j in kids.get(n, []):
                if toks[j].dep == "prep" and toks[j].text.lower() in of:
                    found = next((found for w in kids.get(j, []) if toks[w].dep == "pobj"
                                  for found in [modified(w) or owned(w)] if found), None)
                    if found:
                        return found
        if not objects:
            return None
        owners = list(chain)
        owners += [j for n in chain for j in kids.get(n, []) if toks[j].dep in ("conj", "acl")]
        owners += [toks[chain[0]].head] if toks[chain[0]].dep == "conj" else []
        if verb is not None:
            owners += [verb] + [j for j in kids.get(verb, []) if toks[j].dep in ("nsubj", "nsubjpass")]
        for n in owners:
            for j in kids.get(n, []):
                if toks[j].dep == "prep" and toks[j].text.lower() in preps:
                    found = next((modified(w) for w in kids.get(j, []) if toks[w].dep == "pobj" and modified(w)), None)
                    if found:
                        return found
        return None

    def place(self, start: int, end: int, lex: Lexicon, after_only: bool, since: int | None = None) -> str | None:
        """A place named in [start, end) after a place preposition ("in Almaty", "в Алматы", "у Києві", "in the
        city of Zaporizhzhia", "Kazakhstan’s main city of Almaty"): a place entity, or a capitalised name the
        recogniser missed (never a person). ``after_only`` reads the first such place, else the last one. A noun
        that refers back ("within the country") is read only from ``since`` (where the clause read for the figure
        before ends): one before it is that figure's when this one has an area of its own ("6,000 displaced within
        the country and 4,000 more across the border")."""
        if end <= start:
            return None
        start, end = (start, min(end, start + _PLACE_REACH)) if after_only else (max(start, end - _PLACE_REACH), end)
        names = self._names(start, end)
        nouns = set(lex.cues.get("place_nouns", []))
        preps = set(lex.cues.get("place_prepositions", []))
        anaphor = self._settlement_anaphor(max(start, since or start), end, lex, last=not after_only)
        if anaphor is not None and anaphor[2] and not any(((a < anaphor[0]) if after_only else (a > anaphor[0]))
                                                          and not self.names_person(a, b + 1) for a, b, _ in names):
            return anaphor[1]  # "fired at the city, one of … in X province": the city named before; a title before a
            # person ("…, Mayor X said") names no place
        scopes = set(lex.cues.get("scope_prepositions", [])) if after_only else set()
        preps |= scopes  # "forecast for X", "relief for X, Y and Z"
        for a, b, name in names:  # "the city of Zaporizhzhia": the specific place wins
            words = self.text[max(start, a - 30):a].lower().split()
            if len(words) >= 2 and words[-1] in lex.cues.get("partitive", []) and words[-2] in nouns:
                return self.glossed_place(names, a, lex) or name
        area_preps = set(lex.cues.get("area_prepositions", []))
        purposes = set(lex.cues.get("purpose_places", []))  # "to help rebuild X": what the figure is for
        whole_preps = set(lex.cues.get("whole_place_prepositions", []))  # "people on Crete": a known place as a whole
        compared_after = [] if after_only else [  # where comparison words stand, read once: linear in the sentence
            start + m.start() for m in re.finditer(r"(?<!\w)(?:" + alternation(lex.cues.get("comparison_words", [])) + r")(?!\w)",
                                                   self.text[start:end], re.IGNORECASE)]
        for a, b, name in (names if after_only else reversed(names)):
            words = [w.strip("(,") for w in self.text[max(start, a - 30):a].lower().split()]
            words = [w for w in words if w not in lex.cues.get("articles", [])]
            words = words[:len(words) - self._adjectives_before(a)]  # "in eastern Moldova", «в восточной Молдове»
            area = name.split()[-1].lower() in nouns and len(name.split()) > 1  # "the Kharkiv region"
            scope = words and words[-1] in scopes and not any(
                e.start == a and e.label == "LOC" for e in self.entities) and not _known_place(name) and not (
                len(name.split()) > 1 and name.split()[-1].lower() in nouns)  # "forecast for Big Island"
            if not after_only and self.announcers_seat(a, b, end):
                break  # "“…,” the ministry in Moscow said, noting that 15 …": the report starts at its seat; a place
                # before it is another clause's
            if scope or self.compared_in(a, lex) or self.seated(a, lex) or self.locator(names, a, preps):
                continue  # "support for Cruz", "Pay For Detention Beds": "for" scopes only a place; "based in X"
            if self.facility_initials(a, name, lex):
                continue  # "two will remain at the NPP": a site's initials, no place
            if not after_only and compared_after and compared_after[-1] >= b:
                continue  # "attacks on X could be worse than the meltdown in 1986": the other side's figure
            if (words and (words[-1] in preps or (area and words[-1] in area_preps) or self.attacked(a, lex) or (
                    words[-1] in whole_preps and self.is_place(name) and self.after_noun(a, lex)) or (
                    after_only and self.moved_from(a, start, lex)) or (
                    after_only and words[-1] in lex.cues.get("destination_prepositions", []) and self.sent_to(a)))) or (
                    len(words) >= 2 and (words[-2] in preps and words[-1] in nouns or " ".join(words[-2:]) in purposes)
                    ) or (self.part_of(words, preps, lex) and self.is_place(name)) or self.owned_area(a, preps, nouns) or (
                    after_only and words and words[-1] in lex.cues.get("partitive", []) and len(
                        self.text[start:a].split()) <= 3 and (not re.match(_APOSTROPHES, self.text[b:b + 1]) or self.owned_whole(b, lex)) and self.is_place(name)):
                # "three-quarters of Puerto Rico", "80 percent of Iceland", "a fifth of Chile's electricity" (whose
                # whole it is); not "half of Norway's Coast Guard"
                listed = self._listed_with(names, a, b, lex)
                if listed:
                    return self.text[listed[0]:listed[1]]  # "in Lahore, Karachi and Quetta": all of them
                return self._owned_place(names, b) or name
        # "across the island" with no name nearer; a settlement noun with a name beside it ("in the city where the
        # plant is, X") has given way to that name
        return anaphor[1] if anaphor is not None and not anaphor[2] else self.route(names, lex)

    def facility_initials(self, a: int, name: str, lex: Lexicon) -> bool:
        """Whether ``name`` at ``a`` is initials after an article ("at the NPP", "at the HPP"): a site or body named
        by its initials, which no country or known place is ("the US", "the UAE" are)."""
        words = self.text[max(0, a - 12):a].lower().split()
        return bool(re.fullmatch(r"[A-ZА-ЯЁІЇЄҐ]{2,6}", name)) and words[-1:] != [] and words[-1] in lex.cues.get(
            "articles", []) and not is_country(name) and not _known_place(name)

    def names_person(self, start: int, end: int) -> bool:
        """Whether a person's name starts in (start, end]: "Mayor Ion Rusu" (a title run into the name) names no place."""
        if not hasattr(self, "_person_starts"):
            self._person_starts = sorted(e.start for e in self.entities if e.label == "PER")
        i = bisect_left(self._person_starts, start + 1)  # (a town the recogniser took for a person is still a name)
        return i < len(self._person_starts) and self._person_starts[i] <= end

    def route(self, names: list[tuple[int, int, str]], lex: Lexicon) -> str | None:
        """ "a human chain from Lyon to Marseille", «от Лиона до Марселя»: two places joined as a route are its
        scope, both ends ("Lyon – Marseille"), when nothing else placed the figure; after a verb ("returned from X to
        Y") what moved is counted where it went."""
        closers = alternation(lex.cues.get("route_closers", []))
        openers = set(lex.cues.get("route_openers", []))
        def placed(at: int, name: str) -> bool:
            return self.is_place(name) or any(e.start == at and e.label in ("LOC", "MISC") for e in self.entities)

        toks = self.parse.tokens
        for (a, b, x), (c, _, y) in zip(names, names[1:]):
            before = self.text[max(0, a - 12):a].lower().split()
            if before and before[-1] in openers and re.fullmatch(r"\s+(?:" + closers + r")\s+", self.text[b:c],
                                                                 re.IGNORECASE) and placed(a, x) and placed(c, y):
                i = self.parse.at(a)
                verb = i is not None and i >= 2 and toks[i - 2].pos == "VERB"  # "returned from X to Y": moved to Y
                return y if verb else f"{x} – {y}"
        return None

    def whole_owner(self, at: int, lex: Lexicon, part: bool) -> str | None:
        """ «20% электроэнергии Чили», «третина території України»: a place named right after the whole of a share (a
        common noun, perhaps with adjectives, no place noun) owns that whole and is the share's place; with ``part``,
        a count of parts of a place ("two districts of X", «два района X»: a place noun, then perhaps "of") is in
        the place that owns them."""
        toks = self.parse.tokens
        i = self.parse.at(at) if at < len(self.text) and not self.text[at].isspace() else self.parse.at(at + 1)
        if i is None or toks[i].start > at + 1:
            return None
        while i < len(toks) - 1 and toks[i].pos in ("ADJ", "DET") and toks[i].text[:1].islower():
            i += 1
        nouns = lex.cues.get("place_nouns", [])
        if i >= len(toks) - 1 or toks[i].pos != "NOUN" or not toks[i].text[:1].islower() or part != (
                toks[i].lemma in nouns or toks[i].text.lower() in nouns):
            return None
        if part and toks[i + 1].text.lower() in lex.cues.get("partitive", []) and i + 2 < len(toks):
            i += 1  # "two districts of Mykolaiv"
        name = next((n for a, _, n in self._names(toks[i + 1].start, toks[i + 1].start + 80) if a == toks[i + 1].start),
                    None)
        return name if name and (part or self.is_place(name)) else None  # (the parts say their owner is a place)

    def locator(self, names: list[tuple[int, int, str]], a: int, preps: set[str]) -> bool:
        """ "on the Mykolaiv region in southern Ukraine", "the city of Energodar in southern Ukraine": a country or a
        compass part of a place right after another name and a place preposition (perhaps with adjectives) says where
        that name lies; the name before it is the narrower scope."""
        lex = lexicon(self.language(a))
        nouns = lex.cues.get("place_nouns", [])
        toks = self.parse.tokens
        i = self.parse.at(a)
        j = i - self._adjectives_before(a) - 1 if i is not None else -1
        wide = next((n for a1, _, n in names if a1 == a), "")
        if j < 1 or not is_country(wide) and not set(self.text[toks[j].start:a].lower().split()) & set(
                lex.cues.get("directions", [])):
            return False  # only a country or a compass part locates: "across the X River in Nikopol" is Nikopol
        t = toks[j - 1]
        if toks[j].text.lower() in preps and t.pos == "PROPN" and j >= 3 and toks[j - 2].text.lower() in lex.cues.get(
                "partitive", []) and toks[j - 3].text.lower() in nouns:
            return True  # "the city of X in southern Y", whatever the recogniser took X for
        before = [(a0, b, name) for a0, b, name in names if b <= a]
        if not before:
            return False
        a0, b, name = before[-1]
        m = re.fullmatch(r"\s*,?\s*(\w+)\s+(?:[a-zа-яёіїєґ][\w-]*\s+){0,2}", self.text[b:a])
        if m is None:  # "Buryatia, a region in eastern Siberia": an appositive's place noun says the name is a place
            m = re.fullmatch(r"\s*,\s*(?:[a-zа-яёіїєґ][\w-]*\s+){0,3}?(?:" + alternation(nouns) + r")\s+(\w+)\s+"
                             r"(?:[a-zа-яёіїєґ][\w-]*\s+){0,2}", self.text[b:a], re.IGNORECASE)
            return m is not None and m.group(1).lower() in preps
        return m.group(1).lower() in preps and (self.is_place(name) or any(
            e.start == a0 and e.label in ("LOC", "MISC") for e in self.entities) or (
            len(name.split()) > 1 and name.split()[-1].lower() in nouns))

    def _adjectives_before(self, name_start: int) -> int:
        """How many lowercase adjectives (at most two) stand right before the name at ``name_start``: "in eastern
        Moldova", «в восточной Молдове» keep their preposition's place."""
        toks = self.parse.tokens
        i = self.parse.at(name_start)
        n = 0
        while i is not None and i - n - 1 >= 0 and n < 2 and toks[i - n - 1].pos == "ADJ" and toks[
                i - n - 1].text[:1].islower():
            n += 1
        return n

    def owned_whole(self, name_end: int, lex: Lexicon) -> bool:
        """ "a fifth of Chile's electricity": a thing (a common noun, no place noun) after a place's possessive is the
        whole a share is of; not "100 km north of Ukraine's capital Kyiv" nor "Norway's Coast Guard"."""
        m = re.match(_APOSTROPHES + r"s?\s+([a-zа-яёіїєґ][\w-]*)", self.text[name_end:name_end + 40])
        return m is not None and (m.group(1) not in lex.cues.get("place_nouns", []) or m.group(1) in lex.cues.get(
            "territory_nouns", []))  # "20% of Moldova's territory" is Moldova's

    def attacked(self, name_start: int, lex: Lexicon) -> bool:
        """ "missile strikes Friday on Pirot", «удары по Пироту»: a name right after an attack preposition
        (``attack_prepositions``) that follows an attack noun (``attack_nouns``, within three words) is the target,
        the scope of what the attack did."""
        toks = self.parse.tokens
        i = self.parse.at(name_start)
        while i is not None and i > 0 and toks[i - 1].text.lower() in lex.cues.get("articles", []):
            i -= 1
        targets = set(lex.cues.get("object_attack_nouns", []))  # "the shelling of X", «обстрел X»: the target
        j = i - 2 if i is not None and i >= 2 and toks[i - 1].text.lower() in lex.cues.get("partitive", []) else (
            i - 1 if i is not None else -1)
        if j >= 0 and toks[j].lemma.lower() in targets and (self.is_place(self.text[name_start:toks[self.parse.at(
                name_start)].end]) or any(e.start == name_start and e.label in ("LOC", "MISC") for e in self.entities)):
            return True
        if i is None or i < 2 or toks[i - 1].text.lower() not in lex.cues.get("attack_prepositions", []):
            return False
        nouns = set(lex.cues.get("attack_nouns", []))
        return any((toks[j].lemma in nouns or toks[j].text.lower() in nouns) and toks[j].dep not in ("pobj", "obl")
                   for j in range(max(0, i - 4), i - 1))  # not "the fallout from an attack on X could reach Y"

    def sent_to(self, name_start: int) -> bool:
        """ "24,000 troops deployed to Japan", «300 людей евакуювали до Польщі»: a place right after a verb's
        destination preposition is where what was moved is counted (a known place only: not "spoke to Reuters");
        past an origin between ("150 men returned from Chile to Peru": where they came back to)."""
        i = self.parse.at(name_start)
        toks = self.parse.tokens
        if i is None or i < 2:
            return False
        k = i - 2
        while k > 0 and toks[k].pos == "PROPN" and k > i - 6:
            k -= 1  # "from Chile": the origin named between the verb and the destination
        if k < i - 2 and toks[k].text.lower() in lexicon(self.language(name_start)).cues.get("origin_prepositions", []):
            k -= 1
        else:
            k = i - 2
        if k < 0 or toks[k].pos != "VERB":
            return False
        name = self.text[name_start:toks[i].end]
        return any(e.start == name_start and e.label == "LOC" for e in self.entities) or _known_place(name) or is_country(name)

    def glossed_place(self, names: list[tuple[int, int, str]], a: int, lex: Lexicon) -> str | None:
        """ "over Nova Vila, a small town to the east of the city of X": a place whose appositive gloss (a comma and an
        indefinite article) names the wider place it lies by is the narrower place, the figure's."""
        for a0, b0, name in reversed([n for n in names if n[1] <= a]):
            gloss = self.text[b0:a]
            if not re.match(r"\s*,\s*(?:" + alternation(lex.cues.get("indefinite_articles", [])) + r")\s", gloss, re.IGNORECASE) or (
                    re.search(r"[,;:()]", gloss.lstrip()[1:])):
                return None
            if self.is_place(name) or any(e.label in ("LOC", "MISC") and e.start == a0 for e in self.entities):
                return name
            return None
        return None

    @staticmethod
    def part_of(words: list[str], preps: set[str], lex: Lexicon) -> bool:
        """Whether the words before a name are a place preposition and a part of a place ("in parts of X", «в частях
        X»): the place is the figure's, as after the preposition alone."""
        parts = set(lex.cues.get("part_nouns", []))
        partitive = set(lex.cues.get("partitive", []))
        return (len(words) >= 2 and words[-1] in parts and words[-2] in preps) or (
            len(words) >= 3 and words[-1] in partitive and words[-2] in parts and words[-3] in preps)

    def after_noun(self, name_start: int, lex: Lexicon) -> bool:
        """Whether the word before the preposition before a name is a noun ("people on Crete"), not a verb that
        governs the preposition ("depends on Chile for 40 percent of its copper") nor a noun of what is about a
        place (``topic_nouns``: "a summit on Crete", "pressure on Chile")."""
        i = self.parse.at(name_start)
        if i is None or i < 2:
            return False
        t = self.parse.tokens[i - 2]
        return t.pos in ("NOUN", "PROPN", "NUM") and t.lemma.lower() not in lex.cues.get("topic_nouns", [])

    def moved_from(self, name_start: int, figure_end: int, lex: Lexicon) -> bool:
        """ "four ships that left Chile", "25 ships departed from Varna": a known place that is the object of a verb
        of moving away (``origin_verbs``), or after its origin preposition, is where what moved is counted: the ships
        are counted where they left (a verb of arriving takes its destination: ``sent_to``). Only when what moved is
        what the figure counts: the verb's subject is before the figure's end or a relative pronoun ("After the
        president left X, the toll rose to 34" is no count of who left)."""
        i = self.parse.at(name_start)
        toks = self.parse.tokens
        if i is None or i < 1:
            return False
        k = i - 1
        if toks[k].text.lower() in lex.cues.get("articles", []):
            k -= 1
        if k >= 1 and toks[k].text.lower() in lex.cues.get("origin_prepositions", []):
            k -= 1
        if k < 0 or toks[k].pos != "VERB" or toks[k].lemma.lower() not in lex.cues.get("origin_verbs", []):
            return False
        lo, hi = max(0, k - 40), min(len(toks), k + 40)
        subject = next((j for j in range(lo, hi) if toks[j].head == k and toks[j].dep.startswith("nsubj")), None)
        if subject is not None and toks[subject].start >= figure_end and toks[subject].text.lower() not in attrib.tables().relative:
            return False
        name = self.text[name_start:toks[i].end]
        return any(e.start == name_start and e.label == "LOC" for e in self.entities) or _known_place(name) or is_country(name)

    def owned_area(self, name_start: int, preps: set[str], nouns: set[str]) -> bool:
        """ «в центральном районе Пакистана», "in the northern region of Egypt": a name that owns a place noun (by
        its case, or "of") which follows a place preposition and its adjectives gives the place of the phrase."""
        toks = self.parse.tokens
        i = self.parse.at(name_start)
        if i is None:
            return False
        i -= 1
        if i >= 0 and toks[i].pos == "ADP" and toks[i].text.lower() not in preps:
            i -= 1  # "the region of Egypt"
        if i < 1 or toks[i].text.lower() not in nouns:
            return False
        j = i - 1
        while j >= 0 and (toks[j].pos == "ADJ" or toks[j].pos == "DET"):
            j -= 1
        return j >= 0 and j < i - 1 and toks[j].text.lower() in preps

    def compared_in(self, name_start: int, lex: Lexicon) -> bool:
        """ "the largest in Europe", «крупнейшая в Европе», «найбільша в Європі»: the place after a superlative's
        preposition is what the thing is compared within, not where a figure of the sentence is."""
        toks = self.parse.tokens
        i = self.parse.at(name_start)
        if i is None:
            return False
        i -= 1
        while i >= 0 and toks[i].text.lower() in lex.cues.get("articles", []):
            i -= 1
        if i < 1 or toks[i].pos != "ADP":
            return False
        prefixes = tuple(lex.cues.get("superlative_prefixes", [])) or None

        def superlative(j: int) -> bool:
            adj = toks[j]
            return adj.pos == "ADJ" and ("Degree=Sup" in adj.feats or bool(prefixes and adj.text.lower().startswith(
                prefixes)) or j >= 1 and toks[j - 1].text.lower() in lex.cues.get("superlative_words", []))

        if superlative(i - 1):  # right before the preposition: "the most deadly in", «самая крупная в»; not "at
            return True  # least 16 in X"
        noun = toks[i].head  # "X is the largest nuclear plant in Europe", "X, the biggest port in Y,": a superlative
        # on the noun the preposition hangs from, when that noun says what X is (not "the largest protest in X drew …")
        if not (0 <= noun < i) or toks[noun].pos != "NOUN" or toks[noun].dep not in ("attr", "appos"):
            return False
        return any(superlative(j) for j in range(max(0, noun - 3), noun) if toks[j].head == noun)

    def _settlement_anaphor(self, start: int, end: int, lex: Lexicon, last: bool) -> tuple[int, str, bool] | None:
        """ "at the city", «в городе», "across the island", "of the country": a settlement noun or another place-kind
        noun (``place_anaphors``) after a place preposition, with no name after it, refers to a place named before
        it. Returns its offset, that name and whether it is a settlement's (which wins over a name after it in
        the range: the other kinds give way to any place the range names); ``last`` reads the last such noun in
        [start, end), else the first."""
        toks = self.parse.tokens
        towns = set(lex.cues.get("settlement_nouns", []))
        kinds = lex.cues.get("place_anaphors", {})
        preps = set(lex.cues.get("place_prepositions", [])) | set(lex.cues.get("area_prepositions", []))
        dets = set(lex.cues.get("anaphor_determiners", []))
        r = self.parse.between(start, end)

        owners = set(lex.cues.get("anaphor_possessives", []))
        pointing = set(lex.cues.get("anaphor_demonstratives", []))
        targets = set(lex.cues.get("object_attack_nouns", []))
        partitive = set(lex.cues.get("partitive", []))

        def after_preposition(i: int) -> bool:  # "at the city", «в городе»; not an appositive ", the city where"
            if i - 1 >= r.start and self.country_word(i - 1):  # "in the US territory": one of its territories
                return kinds.get(toks[i].lemma) == "whole" and i - 2 >= r.start and toks[i - 2].text.lower() in dets \
                    and i - 3 >= r.start and toks[i - 3].text.lower() in preps
            town = toks[i].lemma in towns or toks[i].text.lower() in towns
            j = i - 1 if i - 1 >= r.start and (toks[i - 1].text.lower() in dets | pointing or town and (
                toks[i - 1].text.lower() in owners)) else i  # "in your city", «в нашем городе», «у цьому штаті»
            if j - 1 >= r.start and (toks[j - 1].lemma.lower() in targets and not dets or toks[j - 1].text.lower(
                    ) in partitive and j - 2 >= r.start and toks[j - 2].lemma.lower() in targets):
                return j < i or not dets  # "the shelling of the town", «обстрел города»: the target
            if kinds.get(toks[i].lemma) and not town and j - 1 >= r.start and toks[j - 1].text.lower() in partitive:
                return j < i or not dets  # "25 percent of the island": the island, only with its article
            bare = j == i and toks[i].text[:1].isupper() and toks[i].text[1:].islower()  # "now on Island" (a tweet's
            # capital for "the island"): no article needed
            return j - 1 >= r.start and toks[j - 1].text.lower() in preps and (j < i or not dets or town or bare)

        nouns = self._tokens_in(r, ("settlement", frozenset(towns), frozenset(k for k, v in kinds.items() if v != "area")),
                                lambda t: t.lemma in towns or t.text.lower() in towns or kinds.get(t.lemma) not in (None, "area"))
        k = next((i for i in (reversed(nouns) if last else nouns) if after_preposition(i)), None)  # "in the area": often a
        # site's ("the area around the plant"); "the area" refers back only as a subject (:meth:`subject_place`)
        found = self.place_anaphor(k, lex) if k is not None else None
        if found is None:
            return None
        return found[0], found[1], toks[k].lemma in towns or toks[k].text.lower() in towns

    def place_anaphor(self, k: int, lex: Lexicon) -> tuple[int, str] | None:
        """The place that the place-kind noun at token ``k`` ("the city", "the island", «страны») refers to, when no
        name follows it: for a settlement noun the last settlement named before it (within a few sentences: a
        proper name that is neither a country nor the name of a region); for a noun of a region ("the province")
        the last region named with such a noun ("the Kherson region"); for "the country" the last country named
        before; for a noun of a whole place ("the island", "the state", ``place_anaphors``) the place the document
        names most up to there (the last of them on a tie)."""
        found = self._place_anaphor(k, lex)
        self.referred = found[1] if found else self.referred
        return found

    def _place_anaphor(self, k: int, lex: Lexicon) -> tuple[int, str] | None:
        toks = self.parse.tokens
        towns = set(lex.cues.get("settlement_nouns", []))
        places = set(lex.cues.get("place_nouns", []))
        kind = "settlement" if toks[k].lemma in towns or toks[k].text.lower() in towns else lex.cues.get(
            "place_anaphors", {}).get(toks[k].lemma)
        if kind is None or (k + 1 < len(toks) and (toks[k + 1].text[:1].isupper() or toks[k + 1].text.lower()
                                                    in lex.cues.get("partitive", []) and not (
                k + 2 < len(toks) and toks[k + 2].pos == "NUM"))):
            return None  # "the city of Lyon", «город Харьков»: named right there; not "the city of 107,000"
        if kind != "settlement" and k + 1 < len(toks) and toks[k + 1].pos in ("NOUN", "PROPN"):
            return None  # "the state media", "the island nation's …": a modifier, not the place itself
        seen: dict[str, list[str]] = {}
        owner = self.country_word(k - 1) if k > 0 else None  # "the US territory" is none of the US itself
        index = bisect_right(self.starts, toks[k].start) - 1
        window = self.spans[max(0, index - 2)][0]  # "the area": its own sentence and the two before
        if kind in ("whole", "region", "area") and k > 0 and toks[k - 1].text.lower() in lex.cues.get(
                "anaphor_demonstratives", []):  # «у цьому штаті», "in this state": the one just named, not the most named
            nearest = self.nearest_place(toks[k].start, country=False)
            if nearest is not None:
                return toks[k].start, nearest
        if kind == "country":  # "a third of Ukrainians have fled, … within the country": its people named before it
            for i in range(k - 1, max(-1, k - 60), -1):
                if toks[i].start < self.spans[index][0]:
                    break
                lang_ = self.language(toks[i].start)
                code = None if toks[i].pos not in ("NOUN", "PROPN") or is_country(toks[i].text) else (
                    self.country_word(i) or demonym_code(toks[i].text[:-1], toks[i].lemma[:-1], lang_)
                    if toks[i].text.endswith("s") and toks[i].text[:1].isupper() else self.country_word(i))
                if code:  # (a people's plural the lemmatiser left as written: "Moldovans")
                    return toks[k].start, country_name(code, lang_)
        governors, j = set(), k
        while self.heads and 0 <= toks[j].head != j and len(governors) < 12:
            j = toks[j].head
            governors.add(j)  # the verbs and nouns the noun hangs from: their subject is not what it refers to
        for e in self.entities_before(toks[k].start):
            if kind in ("settlement", "region") and toks[k].start - e.start > 1000 or kind == "area" and e.start < window:
                break  # (no entity is 400 characters long: every one further back is out of reach too)
            if e.end > toks[k].start or (kind in ("settlement", "region") and toks[k].start - e.end > 600):
                continue
            if owner and country_code(e.text) == owner:
                continue
            tail = self.parse.at(e.end - 1)
            if tail is not None and toks[tail].dep.startswith("nsubj") and toks[tail].head in governors:
                continue  # "Chile controls a fifth of the country": not Chile itself
            after = self.parse.at(e.end + 1)
            region = after is not None and toks[after].start - e.end <= 1 and toks[after].lemma in places and not (
                toks[after].lemma in towns)
            first = self.parse.at(e.start)
            if not region and first is not None and tail is not None and tail > first and lex.cues.get(
                    "place_anaphors", {}).get(toks[tail].lemma) == "region" and toks[tail].text[:1].islower():
                after, region = tail, True  # «Иркутскую область»: the recogniser took the region's noun into the name
            after_in = first is not None and first - 1 >= 0 and toks[first - 1].text.lower() in lex.cues.get(
                "place_prepositions", []) and len(e.text.split()) == 1 and _not_known_org(e.text)
            named_town = kind == "settlement" and person_key(e.text) in self.used_as_place()  # "the city of X"
            if not ((e.label in ("LOC", "MISC") or after_in or named_town) and tail is not None and (
                    toks[tail].pos == "PROPN" or e.text[:1].isupper() and (kind != "settlement" or not self.heads))):
                continue  # (a name after "in" the recogniser took for a person is still a place)
            if kind == "settlement" and not region and not is_country(e.text) and not re.match(
                    _APOSTROPHES + r"s?\s+[a-z]", self.text[e.end:e.end + 4]) and e.text.split()[-1].lower() not in (
                    lex.cues.get("feature_nouns", [])):  # not "Moscow's troops" (its government), "the X River"
                return toks[k].start, e.text
            if kind == "region" and region:
                return toks[k].start, self.text[e.start:toks[after].end]
            if kind == "country" and is_country(e.text):
                return toks[k].start, e.text
            if kind == "area" and (e.label == "LOC" or is_country(e.text) or _known_place(e.text)):
                return toks[k].start, self.text[e.start:toks[after].end] if region else e.text
            if kind == "whole" and not region and e.label == "LOC":
                seen.setdefault(person_key(e.text), []).append(e.text)
        if seen:
            return toks[k].start, max(seen.values(), key=len)[0]  # most named; on a tie the last (listed first)
        if kind == "region":
            return self.adjective_region(k, lex) or self.titled_region(k, lex)
        return None

    def adverb_place(self, start: int, end: int, lex: Lexicon) -> str | None:
        """The place an adverb of place in [start, end) points back to (``place_adverbs``: "there", «тут», «там»): the
        nearest place named before it (:meth:`nearest_place`); not in a set phrase («тут же»: at once) nor the
        existential "there"."""
        toks = self.parse.tokens
        adverbs = set(lex.cues.get("place_adverbs", []))
        fixed = set(lex.cues.get("place_adverb_fixed", []))
        for i in self.parse.between(start, end):
            if toks[i].text.lower() not in adverbs or toks[i].dep == "expl" or (
                    i + 1 < len(toks) and toks[i + 1].text.lower() in fixed):
                continue
            return self.nearest_place(toks[i].start, after_preposition=True)
        return None

    def heading_place(self, pos: int) -> str | None:
        """The place of the section ``pos`` is in: a live blog's or a results article's line that is only a place's
        name, perhaps after a place noun or before a colon («Пенсильванія», "Alaska:", «Штат Вісконсин»), scopes the
        lines after it up to the next short line with no figure and no full stop (the next heading); a line opening on
        a place and a colon ("Alaska: Trump won 52%") scopes itself. The document's first line (its title) heads
        nothing."""
        if not hasattr(self, "_headings"):
            self._headings = self.headings()
        i = bisect_right(self._headings, (pos, len(self.text) + 1)) - 1
        return self._headings[i][2] if i >= 0 and self._headings[i][0] <= pos < self._headings[i][1] else None

    def headings(self) -> list[tuple[int, int, str]]:
        """The sections a heading place scopes, as (start, end, place), in order (:meth:`heading_place`)."""
        out: list[tuple[int, int, str]] = []
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", self.text) if m.group().strip()]
        for n, (a, b) in enumerate(lines[1:], 1):
            line = self.text[a:b].strip()
            short = len(line) <= 40 and len(line.split()) <= 4 and not re.search(r"\d|[.!?…]$", line)
            if out and out[-1][1] < 0 and (short or a - out[-1][0] > 1500):
                out[-1] = (out[-1][0], a, out[-1][2])  # the next heading closes the section, or its length
            lead = re.match(r"\s*([^\W\d_][^:\n]{0,38}?)\s*:\s*(\S?)", self.text[a:b])
            name = self.heading_name(a, lead.group(1) if lead else line, lex=lexicon(self.language(a)))
            if name is None or lead is None and not short:
                continue
            if lead is not None and lead.group(2) and b - a > 150:
                continue  # «Лондон: В понедельник …»: a dateline opening a paragraph, no results line
            before = self.text[lines[n - 1][0]:lines[n - 1][1]].split()
            if lead is None and 0 < len(before) <= 3 and all(w[:1].isupper() for w in before) and not re.search(
                    r"\d|[.!?…:]$", before[-1]):
                continue  # "Yalta / New Town / Simferopol": a line of names before it makes the place a list's member
            if out and out[-1][1] < 0:
                if out[-1][0] == a - 1 or not self.text[out[-1][0]:a].strip():
                    out.pop()  # "Yalta / Simferopol": place lines one after another are a list, no heading
                    continue
                out[-1] = (out[-1][0], a, out[-1][2])  # another place's line
            if lead is not None and lead.group(2):  # "Alaska: Trump won 52%": this line only
                out.append((a, b, name))
            elif n + 1 < len(lines):
                out.append((b, -1, name))
        if out and out[-1][1] < 0:
            out[-1] = (out[-1][0], min(len(self.text), out[-1][0] + 1500), out[-1][2])
        return out

    def heading_name(self, a: int, line: str, lex: Lexicon) -> str | None:
        """The place a heading ``line`` (at ``a``) names, when it is nothing but a place: a place entity, a country or
        a known place, or any capitalised name after a place noun («Штат Вісконсин»)."""
        words = line.split()
        noun = len(words) > 1 and words[0].lower() in lex.cues.get("place_nouns", [])
        name = " ".join(words[1:] if noun else words)
        if not name or len(words) > 4 or not all(w[:1].isupper() or w[:1] in "-(" for w in name.split()):
            return None  # («районе Макеевки, а также»: a line broken inside a sentence, no name of its own)
        start = a + self.text[a:].find(name)
        covered = any(e.start == start and e.end == start + len(name) and e.label not in ("PER", "ORG", "GROUP") and (
            e.label == "LOC" or self.is_place(e.text)) for e in self.entities_after(start))
        return name if noun or covered or self.is_place(name) else None

    def _tokens_in(self, r: range, key: tuple, keep: Callable[[Token], bool]) -> list[int]:
        """Indices in ``r`` of the tokens ``keep`` holds for, the document's found once under ``key`` (which names
        everything ``keep`` reads): rules run for each figure then stay linear in a long sentence of figures."""
        if key not in self._indexed:
            self._indexed[key] = [k for k, t in enumerate(self.parse.tokens) if keep(t)]
        found = self._indexed[key]
        return found[bisect_left(found, r.start):bisect_left(found, r.stop)]

    def owner_place(self, start: int, at: int, end: int, lex: Lexicon, noun: int | None) -> str | None:
        """A place that owns a noun of what places have (``owned_by_place``: «населення України», «экономика России»,
        "the economy of Russia") in [start, end), the figure standing at ``at``: the nearest such owner before the
        figure, else the first after it; a settlement noun as the owner refers back («бюджет міста»). People named by
        their place (``place_people``) count only as the figure's own ``noun`` («45 жителів Дніпра»), which wins."""
        toks = self.parse.tokens
        people = set(lex.cues.get("place_people", []))
        nouns = set(lex.cues.get("owned_by_place", [])) | people
        towns = set(lex.cues.get("settlement_nouns", []))
        skip = set(lex.cues.get("partitive", [])) | set(lex.cues.get("articles", []))
        found: list[tuple[int, str]] = []
        r = self.parse.between(start, end)
        for i in self._tokens_in(r, ("owned", frozenset(nouns)),
                                 lambda t: t.lemma.lower() in nouns or t.text.lower() in nouns):
            if i != noun and (toks[i].lemma.lower() in people or toks[i].text.lower() in people):
                continue
            j = i + 1
            while j < r.stop and j - i <= 2 and toks[j].text.lower() in skip and lex.cues.get("articles"):
                j += 1  # "the economy of the Philippines" (a language with articles: its owner follows "of")
            if j >= r.stop:
                continue
            if toks[j].lemma in towns or toks[j].text.lower() in towns:
                anaphor = self.place_anaphor(j, lex)
                if anaphor is not None:
                    found.append((toks[i].start, anaphor[1]))
                continue
            e = next(self.entities_after(toks[j].start), None)
            if e is not None and e.start == toks[j].start and e.label not in ("PER", "GROUP") and (
                    e.label == "LOC" or self.is_place(e.text)):
                found.append((toks[i].start, e.text))
            elif toks[j].text[:1].isupper() and is_country(toks[j].text):  # (a recogniser's «Економіка Росії» person)
                found.append((toks[i].start, toks[j].text))
        own = [name for a, name in found if noun is not None and a == toks[noun].start]
        before = [name for a, name in found if a < at]
        return own[0] if own else before[-1] if before else found[0][1] if found else None

    def nearest_place(self, pos: int, country: bool = True, after_preposition: bool = False) -> str | None:
        """The last place entity named before ``pos`` in its sentence or the two before, within its paragraph (no
        blank line between): what "there", «тут» or «у цьому штаті» points back to; ``country`` False passes over
        the country the document names most (a state or a region is a part of it; "Georgia" may be one of its states
        as well as a country); ``after_preposition`` reads only a place after a place preposition (what "there" points
        to is where something happened: «уламки ракети РФ … Там загинуло» is not in the owner of the missile)."""
        if not hasattr(self, "_home_country"):
            named = Counter(country_code(e.text) for e in self.entities if e.label != "PER" and is_country(e.text))
            self._home_country = named.most_common(1)[0][0] if named else None
        index = bisect_right(self.starts, pos) - 1
        window = max(self.spans[max(0, index - 2)][0], self.text.rfind("\n\n", 0, pos) + 1)
        preps = lexicon(self.language(pos)).cues.get("place_prepositions", [])
        for e in self.entities_before(pos):
            if e.start < window:
                break
            after_in = self.text[max(0, e.start - 4):e.start].lower().split()[-1:] in [[p] for p in preps]
            if e.end > pos or e.label == "GROUP" or e.label == "PER" and not after_in:
                continue  # (a town after "in" the recogniser took for a person is still a place)
            if after_preposition and not after_in:
                continue
            if (e.label == "LOC" or self.is_place(e.text) or after_in and len(e.text.split()) == 1 and _not_known_org(
                    e.text)) and (country or not is_country(e.text) or country_code(e.text) != self._home_country):
                return e.text
        return None

    def entities_before(self, pos: int) -> Iterator[EntityMention]:
        """The entities that start before ``pos``, nearest first: a reference back reads back from where it stands,
        never through the whole document's entities after it."""
        if not hasattr(self, "_entity_starts"):
            self._entity_starts = [e.start for e in self.entities]
        for i in range(bisect_right(self._entity_starts, pos) - 1, -1, -1):
            yield self.entities[i]

    def adjective_region(self, k: int, lex: Lexicon) -> tuple[int, str] | None:
        """ «Голова Закарпатської області заявив, що в регіоні …»: with no region entity before, the last region noun
        (``place_anaphors`` of kind region) that a capitalised adjective names within a few sentences before ``k``."""
        toks = self.parse.tokens
        kinds = lex.cues.get("place_anaphors", {})
        for i in range(k - 1, 0, -1):
            if toks[k].start - toks[i].end > 600:
                break
            if kinds.get(toks[i].lemma) == "region" and toks[i].text[:1].islower() and toks[i - 1].pos in (
                    "ADJ", "PROPN") and toks[i - 1].text[:1].isupper() and toks[i - 1].end == toks[i].start - 1:
                return toks[k].start, self.text[toks[i - 1].start:toks[i].end]
        return None

    def country_word(self, i: int) -> str | None:
        """The ISO code of the country the token at ``i`` names, by its name ("US") or its adjective ("Syrian",
        «сирийской»: ``demonyms.json`` of the token's language); None for any other word."""
        t = self.parse.tokens[i]
        if t.pos == "PROPN" and is_country(t.text):
            return country_code(t.text)
        if t.pos not in ("ADJ", "PROPN") or (not t.text[:1].isupper() and not CYRILLIC.search(t.text)):
            return None
        return demonym_code(t.text, t.lemma, self.language(t.start))

    def titled_region(self, k: int, lex: Lexicon) -> tuple[int, str] | None:
        """ "Vardar Gov. Ilir Meta said rebels seized 30 villages in the region": with no region named before, "the
        region" is the one whose official (a proper name, no person's or known organisation's, right before a title
        of ``region_titles``) the sentence or the one before names."""
        toks = self.parse.tokens
        index = bisect_right(self.starts, toks[k].start) - 1
        titles = set(lex.cues.get("region_titles", []))
        for i in self.parse.between(self.spans[max(0, index - 1)][0], self.spans[index][1]):
            if i == 0 or toks[i].text.lower() not in titles or toks[i - 1].pos != "PROPN":
                continue
            first = i - 1
            while first - 1 >= 0 and toks[first - 1].pos == "PROPN" and toks[first - 1].head == toks[first].head:
                first -= 1
            name = self.text[toks[first].start:toks[i - 1].end]
            if first > 0 and toks[first - 1].text.lower() in lex.cues.get("partitive", []):
                continue  # "Bank of England governor": an organisation's name
            if _not_known_org(name) and not any(e.label == "PER" and e.start <= toks[i - 1].start < e.end
                                                for e in self.entities):
                return toks[k].start, f"{name} {toks[k].text}"
        return None

    def _listed_with(self, names: list[tuple[int, int, str]], a: int, b: int, lex: Lexicon) -> tuple[int, int] | None:
        """The span of a list of places the one at [a, b) is part of, ending on a joiner ("in X, Y and Z", «в X
        и Y»); None for a place on its own or "in Tartu, Estonia", where a comma alone adds the country."""
        joiner = r"\s*,?\s*(?:" + alternation(lex.cues.get("place_joiners", [])) + r")\s+"
        article = r"(?:(?:" + alternation(lex.cues.get("articles", [])) + r")\s+)?"  # "for X and the Y Islands"
        end = b
        for a2, b2, _ in (n for n in names if n[0] >= b):  # forward: commas, then a joiner
            if re.fullmatch(joiner + article, self.text[end:a2], re.IGNORECASE):
                if re.match(_APOSTROPHES, self.text[b2:b2 + 1]):
                    break  # "fled X and Russia's economy …": an owner opens another clause, no member of the list
                return a, self._name_run_end(b2)
            if not re.fullmatch(r"\s*,\s*(?:(?:" + alternation(lex.cues.get("articles", [])) + r")\s+)?", self.text[end:a2],
                                re.IGNORECASE):
                break  # (a member may open on an article: "in X, Y, the Z and W")
            end = b2
        # "in X, Y, Z and other cities", «в X, Y, Z и в других городах»: a list closed by the others
        close = re.match(joiner, self.text[end:end + 20], re.IGNORECASE)
        if end != b and close:
            preps = lex.cues.get("place_prepositions", [])
            i = self.parse.at(end + close.end())
            while i is not None and i < len(self.parse.tokens) - 1 and self.parse.tokens[i].text.lower() in preps:
                i += 1
            if i is not None and self.parse.tokens[i].lemma in lex.cues.get("other_words", []):
                return a, end
        return None

    def _name_run_end(self, end: int) -> int:
        """The end of the run of proper names that goes on right after ``end``: "the U.S." of "the U.S. Virgin
        Islands" is only that name's first word."""
        toks = self.parse.tokens
        i = self.parse.at(end + 1)
        while i is not None and i < len(toks) and toks[i].start - end == 1 and toks[i].pos == "PROPN" and toks[
                i].text[:1].isupper():
            end = toks[i].end
            i += 1
        return end

    def _owned_place(self, names: list[tuple[int, int, str]], end: int) -> str | None:
        """ "in Ukraine's eastern Donetsk region": the place the first one owns is the narrower scope."""
        for a, _, name in names:
            if a > end and re.fullmatch(_APOSTROPHES + r"s?\s+(?:[a-zа-яёіїєґ-]+\s+){0,3}", self.text[end:a]):
                return name
        return None

    def _names(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Place-like names in [start, end): place entities, and runs of capitalised words outside person and
        organisation entities."""
        lex = lexicon(self.language(start))
        not_places = set(lex.cues.get("not_places", [])) | set(lex.cues.get("months", {}))
        out = []
        taken = []
        for e in self.entities:
            if start <= e.start and e.end <= end:
                taken.append((e.start, e.end))
                if e.text.split()[0].lower() in not_places or e.label == "GROUP" or _labelled(self.text, e.end):
                    continue
                # a place the recogniser labelled as a person or organisation is still a place after "in",
                # unless the gazetteer knows it as something else ("in a Telegram post")
                if e.label in ("LOC", "MISC", "EVENT") or (len(e.text.split()) == 1 and _not_known_org(e.text)):
                    named = self._compound_place(e, lex)
                    if named:
                        out.append(named)
        r = self.parse.between(start, end)
        tokens = self.parse.tokens
        i = r.start
        while i < r.stop:
            t = tokens[i]
            if _name_like(t, not_places) and not any(a <= t.start < b for a, b in taken):
                j = i
                while j + 1 < r.stop and _name_like(tokens[j + 1], not_places) and tokens[j + 1].start - tokens[j].end <= 1:
                    j += 1
                nxt = tokens[j + 1] if j + 1 < r.stop else None
                modifier = nxt is not None and nxt.pos == "NOUN" and nxt.text[:1].islower() and (
                    nxt.lemma not in lex.cues.get("place_nouns", []))
                if not modifier and not _labelled(self.text, tokens[j].end):  # "the Zaporizhzhia site" names a site
                    out.append((t.start, tokens[j].end, self.text[t.start:tokens[j].end]))
                i = j + 1
                continue
            i += 1
        out.sort()
        return out

    def _compound_place(self, e: EntityMention, lex: Lexicon) -> tuple[int, int, str] | None:
        """The place an entity names where it modifies a noun (by the parse: a compound or modifier of the next
        word): "the Kharkiv region" is the region, a scope of its own; "the US territory" or "the Russian
        city" is a part of a country the text named elsewhere, and "the X site" is not a place: neither
        gives a place."""
        last = self.parse.at(e.end - 1)
        if last is None or self.parse.tokens[last].dep not in ("compound", "amod"):
            return e.start, e.end, e.text
        head = self.parse.tokens[last].head
        if not (last < head < len(self.parse.tokens)) or self.parse.tokens[head].pos != "NOUN" or any(
                t.pos not in ("PROPN", "ADJ", "PUNCT") for t in self.parse.tokens[last + 1:head]):
            return e.start, e.end, e.text
        noun = self.parse.tokens[head]
        if is_country(e.text) or noun.lemma not in lex.cues.get("place_nouns", []):
            return None
        return e.start, noun.end, self.text[e.start:noun.end]

def _other_script_trimmed(by: str) -> str:
    """ "Brexit Мішель Барньє": a Latin word the recogniser joined to a Cyrillic name of two or more words (the object
    of the phrase before it, «на переговорах щодо Brexit Мішель Барньє») is no part of the name."""
    words = by.split()
    if len(words) >= 3 and re.fullmatch(r"[A-Za-z][A-Za-z-]*", words[0]) and all(
            CYRILLIC.search(w) and w[:1].isupper() for w in words[1:]):
        return " ".join(words[1:])
    return by


def _labelled(text: str, end: int) -> bool:
    """A name followed by a number is a label ("Category 4", "Phase 2"), not a place."""
    return bool(re.match(r"[ \u00a0]?\d", text[end:end + 2]))


def _known_place(name: str) -> bool:
    from storylens.annotate.gazetteer import default_gazetteer

    entry = default_gazetteer().lookup(name)
    return entry is not None and entry.label == "LOC"


def _not_known_org(name: str) -> bool:
    from storylens.annotate.gazetteer import default_gazetteer

    entry = default_gazetteer().lookup(name)
    return entry is None or entry.label == "LOC"


def _barrier(t) -> bool:
    """A token that ends a clause: punctuation of clauses, or a coordinating conjunction."""
    return t.text in (",", ";", ":", "—", "–", "(", ")") or t.pos in ("CCONJ", "SCONJ")


def _name_like(t, not_places: set[str]) -> bool:
    return t.text[:1].isupper() and t.pos in ("PROPN", "NOUN", "X", "ADJ") and t.text.lower() not in not_places


def _bounds(parse: Parse, start: int, end: int) -> tuple[int, int]:
    r = parse.between(start, end)
    return r.start, r.stop


def _change_ends(sent: str, claim: Claim, m: NumberMention, tokens, lex: Lexicon) -> list[Claim] | None:
    """ "rose from 60 to 120 tenge", "подорожал с 60 до 120 тенге": two figures, before and after the change,
    not a range. Without a verb of change it is one range («від 25 до 37 доларів за дозу»: a price between)."""
    if not m.is_range or (m.hedge or "").lower() not in lex.cues.get("from_words", []):
        return None
    change = set(lex.cues.get("change_verbs", []))
    if not any(t.lemma in change for t in tokens):
        return None
    atoms = list(DIGITS.finditer(sent, m.num_start, m.num_end))
    if len(atoms) < 2:
        return None
    out = []
    for atom, value, label in ((atoms[0], m.lo, "change: from"), (atoms[-1], m.hi, "change: to")):
        end = claim.sentence_start + atom.end()
        part = Claim(**{**claim.__dict__, "start": claim.sentence_start + atom.start(), "end": end,
                        "text": atom.group(0), "value": value, "lo": None, "hi": None, "hedge": None})
        part.qualifier = _join(claim.qualifier, label)
        out.append(part)
    return out


def _stem(word: str) -> str:
    """A word without its case ending, for comparing titles: Cyrillic words lose up to three letters («внутренних»,
    «внутренние»); others are compared as written ("presidential" is not "President")."""
    w = word.lower()
    return w[:max(5, len(w) - 3)] if CYRILLIC.search(w) else w


def _same_word(a: str, b: str) -> bool:
    """Whether two words are one noun: as written (or plural) in English; a Russian or Ukrainian one in any case, by
    all but its last two letters («офиса», «офис»)."""
    a, b = a.lower(), b.lower()
    if not CYRILLIC.search(a + b):
        return a == b or a.rstrip("s") == b.rstrip("s")
    return a[:max(4, len(a) - 2)] == b[:max(4, len(b) - 2)]


def person_key(name: str) -> str:
    """One key for a person's name in any case form and spelling (Асии Биби, Asia Bibi): whom two mentions are about."""
    from storylens.annotate.gazetteer import key, lemma

    return key(lemma(name, "PER"))


def _share_right_node(sent: str, cands: list[_Cand]) -> None:
    """ "killing at least 100 and wounding 50 mercenaries": a bare count of people before a coordinator, one
    verb and a count of a kind of people counts the same kind (its subgroup and unit)."""
    coordinators = attrib.tables().coordinators
    for c, n in zip(cands, cands[1:]):
        if c.kind != "count" or n.kind != "count" or c.noun is not None or c.thing is not None or c.subgroup:
            continue
        if n.thing is None or not n.thing.person or n.thing.generic or not n.subgroup:
            continue
        words = re.findall(r"[^\W\d_]+|[,;:()—]", sent[c.m.end:n.m.start].lower())
        if len(words) == 2 and words[0] in coordinators:
            c.subgroup, c.thing = n.subgroup, n.thing
            if c.unit in (None, "people"):
                c.unit = n.unit


def _coordinated(between: str) -> bool:
    """Whether the words between a figure and a source end on a coordinator: a new clause with its own subject."""
    t = attrib.tables()
    words = between.lower().split()
    while words and words[-1] in t.determiners:
        words.pop()
    return bool(words) and words[-1] in t.coordinators


def _next_members(clause: str, where: str, lex: Lexicon) -> bool:
    """Whether the place ``where`` read after a figure opens the next member of a list, with the next figure in it
    (``clause`` runs from the figure to the next one): a comma, a semicolon or a joiner, perhaps a place
    preposition, the place, and a few words with no comma up to the next figure («… з перевагою у 8%, в Айові (6)
    – 7%», "by 8%, in Iowa (6) by 7%"): each figure of such a list is in its own member's place."""
    at = clause.find(where)
    if at < 0:
        return False
    opener = r"(?:[,;]|\s(?:" + alternation(lex.cues.get("place_joiners", [])) + r"))\s*(?:(?:" + alternation(
        lex.cues.get("place_prepositions", []) + lex.cues.get("scope_prepositions", [])) + r")\s+)?(?:(?:" + alternation(
        lex.cues.get("articles", [])) + r")\s+)?$"
    rest = clause[at + len(where):]
    return bool(re.search(opener, clause[:at], re.IGNORECASE)) and len(rest) <= 30 and not re.search(r"[,;.!?]", rest)


def _join(a: str | None, b: str) -> str:
    return b if not a else f"{a}; {b}"


def _clause_end(s: str, lex: Lexicon) -> int:
    """Where the clause of a figure ends: at a semicolon or bracket, a relative or contrastive clause, an
    attribution, a sub-count ("…, including at least 16 in Puerto Rico") or the other side of a comparison
    ("more power than any plant in France": France is not the figure's place)."""
    words = alternation(list(lex.cues.get("subcount", [])) + list(lex.cues.get("relative_pronouns", []))
                 + list(lex.cues.get("clause_breaks", [])))
    according = alternation(attribution_cues())
    than = alternation(lex.cues.get("comparison_words", []))
    though = alternation(lex.cues.get("concessive_joiners", []))  # "…to at least 11 -- though the paper in X was reporting"
    m = re.search(r"[;()]|,\s*(?:" + words + r")\b|\s(?:" + according + r")\b|(?<!\w)(?:" + than + r")(?!\w)"
                  r"|(?:,|\s[—–]|\s--)\s*(?:" + though + r")(?!\w)", s, re.IGNORECASE)
    return m.start() if m else len(s)


@lru_cache(maxsize=1)
@lru_cache(maxsize=16)
def _contrast_re(words: tuple[str, ...]) -> re.Pattern:
    """A comma and a conjunction of contrast (``contrast_joiners``) that open a clause of its own ("X promised asylum
    in France, while Y sent a letter in 2014", «…во Франции, а патриарх …»)."""
    return re.compile(r",\s+(?:" + alternation(words) + r")\s", re.IGNORECASE)


def attribution_cues() -> tuple[str, ...]:
    return tuple(w for data in lang.merged("attribution").values() for w in data.get("according", []))


# ---------------------------------------------------------------------------------------------------
# Reading one number
# ---------------------------------------------------------------------------------------------------


class _Reader:
    """Reads the numbers of one sentence: what is not a claim, kind, unit, counted noun, measure."""

    def __init__(self, ex: _Extractor, s_start: int, s_end: int, sent: str, prior: list[_Cand]):
        self.ex = ex
        self.prior = prior
        self.s_start, self.s_end, self.sent = s_start, s_end, sent
        self.code = ex.language(s_start)
        self.lex = lexicon(self.code)
        self.tokens = ex.parse.tokens
        r = ex.parse.between(s_start, s_end)
        self.lo, self.hi = r.start, r.stop
        self.starts = [self.tokens[i].start for i in range(self.lo, self.hi)]  # for ``toks_in``'s binary search
        self.urls = [(m.start(), m.end()) for m in _URLISH.finditer(sent)] if re.search(r"[/@#]|www", sent) else []
        self.times = [(m.start(), m.end()) for m in _TIME.finditer(sent)] + [
            (m.start(), m.end()) for m in _NUMERIC_DATE.finditer(sent)] + [
            (m.start(), m.end()) for m in _DIGIT_RUN.finditer(sent) if not re.fullmatch(_THOUSANDS, m.group(0))]
        self.dates = [d for d in ex.dates if s_start <= d.start < s_end]
        self.ents = [e for e in ex.entities if s_start <= e.start < s_end]
        cues = self.lex.cues
        self.label_before = _phrase_end_re(cues.get("label_before", []))
        self.label_after = _phrase_start_re(cues.get("label_after", []))
        self.subcount_re = re.compile(r"(?:" + alternation(cues.get("subcount", [])) + r")[\s:,]*$|\(\s*$", re.IGNORECASE)
        from storylens.annotate.numbers import hedge_kinds

        self.change_by = re.compile(r"(?:" + alternation(cues.get("change_by", [])) + r")\s*(?:" + alternation(hedge_kinds()) + r")?\s*$",
                                    re.IGNORECASE)
        self.ago = set(self.lex.ago) | set(cues.get("ago", []))
        self.relative = frozenset(cues.get("relative_pronouns", []))
        self.others = frozenset(cues.get("other_words", []))

    # tokens of the sentence
    def toks_in(self, a: int, b: int) -> list[int]:
        """Token indices overlapping sentence-relative [a, b)."""
        A, B = self.s_start + a, self.s_start + b
        i = max(self.lo, self.lo + bisect_right(self.starts, A) - 1)  # (a binary search: read once per number)
        out = []
        while i < self.hi and self.tokens[i].start < B:
            if self.tokens[i].end > A:
                out.append(i)
            i += 1
        return out

    def read(self, m: NumberMention, previous: list[_Cand]) -> _Cand | None:
        sent = self.sent
        if self._not_a_claim(m):
            return None
        if self._age_bound(m, previous):
            return None  # "12% of people over 65", «граждане старше 18 лет»: the definition of a group, no claim
        if self._level_reached(m):
            m.value, m.hi, m.hedge, m.hedge_kind, m.start = m.hi, None, None, None, m.num_start
            m.text = sent[m.start:m.end]
        cand = _Cand(m)
        num_toks = self.toks_in(m.num_start, m.num_end)
        after_i = (num_toks[-1] + 1) if num_toks else None
        before = sent[max(0, m.start - 60):m.start]
        if previous and self.subcount_re.search(before[-30:]):
            cand.subcount = True
            cand.partitive = True  # "84 missiles, of them 43 were shot down": counts what the figure before counts
        if self.change_by.search(sent[max(0, m.num_start - 50):m.num_start]) or (
                self._change_case(m) in self.lex.cues.get("change_by_prepositions", [])):
            cand.change = "change by"
        # date of an event, or a year that dates nothing
        date_kind = self._date(m, cand)
        if date_kind is False:
            return None
        if date_kind:
            return cand
        if m.form == "cardinal" and m.value == 1 and self._every_follows(m):
            return None  # "one in five": read with the five
        if m.form == "ordinal" or (m.form == "cardinal" and self._every(m)):
            return self._ordinal(m, cand, after_i)
        if self._base_of_share(m):
            return None  # the 10 of "six out of 10": the base of a share
        if not (self._share_of_base(m, cand) or self._kind(m, cand, after_i, previous)):
            return None
        rate = alternation(self.lex.cues.get("rate_words", []))
        if re.match(r"^\s*(?:" + rate + r")\s+\d", sent[max(m.end, cand.unit_end):max(m.end, cand.unit_end) + 20],
                    re.IGNORECASE):
            return None  # "5.7 per 100,000 people": a rate
        stat = alternation(self.lex.cues.get("statistic_words", []))
        if cand.kind == "percent" and stat and (
                re.match(r"^[\s-]*(?:" + stat + r")", sent[cand.unit_end:cand.unit_end + 30], re.IGNORECASE)
                or re.search(r"(?:" + stat + r")[^\W\d_]*\s+(?:[^\W\d_]+\s+){0,2}$", sent[max(0, m.start - 40):m.start],
                             re.IGNORECASE)):
            return None  # "a 90 percent confidence level", "a margin of error of 3 percent": a statistic's parameter
        if cand.conversion:
            return cand  # "($0.14)": folded into the figure before it
        if cand.kind == "duration" and (self._window(m, previous) or re.match(
                r"[\s-]*(?:" + alternation(self.lex.cues.get("extreme_nouns", [])) + r")(?!\w)", sent[cand.unit_end:], re.IGNORECASE)):
            return None  # "over the past 24 hours", "a five-month low": the span another figure is counted in
        if cand.kind == "count" and cand.measure == "times":
            cand.measure = self._occasions_measure(cand)
            return cand  # "attacked more than a dozen times": occasions
        if cand.kind == "count" and not m.has_scale and re.fullmatch(r"\d{1,3}[.,]\d{3}", m.raw.strip()) and (
                m.figure or 0) % 1:
            # "the 2.975 number": a count is whole, so a separator before three digits groups thousands
            m.value, m.lo, m.hi = (None if v is None else round(v * 1000) for v in (m.value, m.lo, m.hi))
        elif cand.kind in ("count", "money", "measurement") and not m.has_scale and re.fullmatch(
                r"[1-9]\d{0,2}\.\d{3}", m.raw.strip()) and "." in self.lex.cues.get("thousands_marks", []):
            # «118.000 доларів», «2.500 кв. м»: a language whose decimals take a comma groups thousands with a dot
            m.value, m.lo, m.hi = (None if v is None else round(v * 1000) for v in (m.value, m.lo, m.hi))
        if cand.kind in ("count", "percent", "money", "measurement", "duration"):
            self._counted(m, cand, after_i, num_toks)
        if cand.kind == "count" and m.hedge_kind == "lower" and self._preposition_read_as_hedge(m, cand):
            m.value, m.lo, m.hedge, m.hedge_kind, m.start = m.lo, None, None, None, m.num_start
        if cand.kind == "count" and cand.thing is None and self._breakdown(m, cand, previous):
            return cand
        if cand.noun is None and cand.kind == "count" and self._whole(num_toks):
            return None  # "one of two that …": the whole of a part, with nothing counted
        if cand.kind == "percent" and cand.partitive and cand.noun is None and self._bracketed_share(m, cand, previous):
            return cand
        if cand.partitive and cand.noun is None:
            if not self._antecedent(cand, previous):
                return None  # "41 of them" with nothing counted before: what they are is unknown
        if num_toks and self._conditional(num_toks[-1], cand.kind == "count"):
            return None  # "if one of the reactors is set on fire": what would happen, no claim
        self._measure(m, cand, num_toks, previous)
        rate = self._rate_period(cand) if cand.kind == "count" and cand.unit else None
        if rate:
            cand.unit = f"{cand.unit}/{rate}"  # "detects two or three caches every day": a rate, caches a day
        if cand.kind == "count" and self._at_risk(cand):
            cand.measure, cand.source = "at risk", "state"  # "2 million lives at risk": threatened, not lost
        limited = self._threshold(cand) if cand.kind in ("count", "money") and m.hedge_kind in ("lower", "upper") else None
        if limited:
            cand.measure, cand.source, cand.subgroup = f"threshold: {limited}", "noun", None
        if cand.measure and not cand.measure.startswith("target:") and self._goal(num_toks):
            cand.measure = f"target: {cand.measure}"  # "set a target of 2,000 new teachers": aimed at
        elif cand.measure and cand.kind in ("count", "money", "measurement", "percent") and (
                (cand.feared and (cand.kind != "count" or cand.source == "verb")) or self._forecast(num_toks, cand)):
            cand.measure = f"forecast: {cand.measure}"  # "exports are expected to reach 40 million tonnes": not done
        if cand.kind == "count" and cand.noun is None and not cand.subcount and num_toks:
            self._counted_subject(cand, num_toks[0], self._clause_start(num_toks[0]))  # «кількість X сягнула 1 200»
        if cand.measure and cand.kind in ("count", "percent", "money", "duration") and num_toks:
            self._clause_frame(m, cand, num_toks, previous)
        if cand.measure is None and not cand.subcount:
            return None
        return cand

    def _bracketed_share(self, m: NumberMention, cand: _Cand, previous: list[_Cand]) -> bool:
        """«74,2 млн голосів (46,9%)», "74.2 million votes (46.9%)": a share in brackets right after a count is the
        same thing as a share: the count's measure when it is one shares are of (``vote_share``), else a share of
        that measure. False (the share read as before) when no count of this sentence ends right before the bracket."""
        if not previous or previous[-1].kind != "count" or not previous[-1].measure:
            return False
        prior = previous[-1]
        if not re.fullmatch(r"\s*\(\s*", self.sent[max(prior.m.end, prior.unit_end):m.start]):
            return False
        named = prior.measure
        cand.measure = named if self.lex.applies_to.get(named) == "percent" else f"share: {named}"
        cand.subcount = cand.partitive = False
        cand.source = "inherited"
        return True

    _CLAUSE_MARKS = frozenset((",", ";", ":", "(", ")"))
    _FRAMED = ("margin:", "needed:", "remaining:", "progress:", "recount:", "stake:", "change:", "target:", "forecast:",
               "threshold:")
    _OWN_FRAMES = _FRAMED[:6]  # the frames a figure's own clause sets (``measure_frames``)

    def _clause_start(self, k: int) -> int:
        """The first token of the clause holding token ``k``: past the last comma, semicolon, colon or bracket."""
        j = k - 1
        while j >= self.lo and self.tokens[j].text not in self._CLAUSE_MARKS:
            j -= 1
        return j + 1

    def _clause_frame(self, m: NumberMention, cand: _Cand, num_toks: list[int], previous: list[_Cand]) -> None:
        """What the words of the figure's clause do to its measure, read without a parse (Ukrainian; Russian where
        the data lists the words): a figure in a score line with no verb of its own takes the measure of the figure
        before it («у X 52%, а в Y – 53%»); a share is what the subject of its predicate is («кількість вакцинованих
        становить 7%»); «на N% впала кількість X» is a change of X, not a level; and a noun of difference, a word of
        need or a verb of remaining before the figure makes it a margin, a threshold or what is still to be done
        («перевага склала N голосів», «для перемоги потрібно N», «лишається підрахувати N%»), not votes won."""
        first = num_toks[0]
        start = self._clause_start(first)
        if cand.source == "inherited":
            # «щоб набрати 34 голоси, з загальної їх кількості — 76»: a frame is its clause's; this figure's own
            # clause is read for one below
            for prefix in self._OWN_FRAMES:
                cand.measure = cand.measure.removeprefix(f"{prefix} ")
        if cand.kind == "count" and cand.noun is not None and cand.thing is not None and (
                cand.measure.split()[0] == cand.thing.name):  # (not «затримала 120 членів партії»: detained)
            body = self._members_body(cand.noun, first, start)
            if body:
                cand.measure, cand.subgroup, cand.unit = f"members: {body}", None, "people"
        if cand.kind == "count" and cand.noun is not None and "Number=Plur" in self.tokens[cand.noun].feats and (
                self.tokens[cand.noun].lemma in self.lex.cues.get("national_place_nouns", [])) and (
                cand.measure == measure_noun(self.lex, self.tokens, cand.noun)):
            # «у 12 штатах»: places of a kind counted, not the staff the singular («штат») can mean
            cand.measure = cand.unit = self.tokens[cand.noun].lemma
            cand.subgroup = None
        if cand.kind in ("percent", "duration"):
            self._elided_score(m, cand, previous)
        if cand.kind == "percent":
            self._predicate_subject(cand, first, start)
        elif cand.kind == "count" and (cand.measure.startswith("members: ") or (
                cand.thing is not None and cand.thing.generic and cand.measure == cand.thing.name)):
            self._counted_subject(cand, first, start)  # «кількість поранених сягнула 300 осіб»: the wounded, not persons
        if cand.kind == "duration":
            self._lasting_subject(cand, first, start)
        self._dimension_measure(cand, first)
        if cand.kind in ("count", "duration"):
            self._governing_noun(m, cand, first)
        if cand.kind == "percent":
            self._change_by_after(m, cand, num_toks)
        if cand.measure.startswith(self._FRAMED) or cand.kind == "duration":
            return
        frame = self._frame_before(m, cand, first, start, previous) or self._at_stake(m, cand, first, start)
        if frame:
            prefix, act = frame
            frames = self.lex.cues.get("measure_frames", {})
            named = cand.measure.split(": ")[-1].split()[0]
            if cand.kind == "percent" and (prefix == "progress" and " " in cand.measure or ":" in cand.measure and (
                    named in frames.get(prefix, []) or named in frames.get(f"{prefix}_after", []))):
                # «проходной барьер 5%» (``rate: барьер``), «з відривом у 3%», «підраховано 95% протоколів» (``share:
                # протокол підрахувати``): the frame's own word named the measure; the share is what is meant
                cand.measure = cand.noun_lemma if prefix == "progress" and cand.noun_lemma else "share"
            elif prefix == "margin" and cand.noun is not None and cand.measure == self.tokens[cand.noun].lemma:
                cand.measure = self._margin_of(cand, first)  # "a 20,000-vote lead": a margin of votes, not a lead
            if act and act not in cand.measure.split():
                cand.measure = f"{cand.measure} {act}"
            cand.measure = f"{prefix}: {cand.measure}"

    def _margin_of(self, cand: _Cand, first: int) -> str:
        """What a margin named by its own noun counts: the noun hyphenated to the figure before it ("a 20,000-vote
        lead" → ``vote_share``, "a 3-point lead" → ``points``), by its measure or thing when it names one; else the
        noun."""
        toks = self.tokens
        k = next((j for j in range(cand.noun - 1, first, -1) if is_noun(toks[j])), None)
        if k is None:
            return cand.measure
        thing = thing_at(self.lex, toks, k)[0]
        return measure_noun(self.lex, toks, k) or (thing.name if thing is not None else toks[k].lemma)

    def _frame_before(self, m: NumberMention, cand: _Cand, first: int, start: int,
                      previous: list[_Cand]) -> tuple[str, str | None] | None:
        """The frame a figure's clause sets around it (``measure_frames``), read from the clause's words after the
        figure before it (a frame says what one figure is): a noun of difference («перевага», «різниця», "margin":
        margin), or a verb of overtaking with a preposition right before the figure («випередив на N», "leads by N":
        margin), or a noun of difference as the figure's noun or right after it or its noun ("a 20,000-vote lead"), or
        among the last three words before it that are no verbs ("a lead of 3 points", "the lead grew to 3 points"); a word of need («потрібно», "needs":
        needed), in the clause or in the clause a purpose clause («щоб набрати N») depends on, or right after the
        figure or its noun ("270 electoral votes needed to win", "the 5% threshold"), or among the three words before it
        ("needs 270 electoral votes"; not "is needed not just to run the two reactors"); a verb of remaining with an
        infinitive («лишається підрахувати N%», remaining, with the act), or a negated impersonal form right before
        the figure («не підраховано N%»); a word of recounting just before it ("a recount of N votes": recount);
        a word of counting just before a share or right after it or its noun, when what is counted is votes or
        the units they are counted in ("with 98% of the vote counted", «после обработки 98% бюллетеней»: progress,
        how far a count has got, not a result). None for none."""
        toks, cues = self.tokens, self.lex.cues
        frames = cues.get("measure_frames", {})
        if not frames:
            return None
        prior = next((c for c in reversed(previous) if c.kind != "date" and c.m.end <= m.start), None)
        if prior is not None and self.sent[max(prior.m.end, prior.unit_end):m.start].strip().lower() not in (
                ["", *cues.get("to_words", [])]):  # («придется от $2000 до $3000»: the pair's two ends share it)
            k = self._token_from(max(prior.m.end, prior.unit_end))
            start = max(start, min(k, first)) if k is not None else start
        words = [(toks[k].lemma, toks[k].text.lower()) for k in range(start, first)
                 if toks[k].pos not in ("VERB", "AUX")]  # (a noun of difference: "leads in X with 51%" is no margin)
        verbs = [(toks[k].lemma, toks[k].text.lower()) for k in range(start, first)]
        near = verbs[-3:]
        after = [self._token_from(max(m.end, cand.unit_end))]
        own = []
        if cand.noun is not None and cand.noun >= first:
            after.append(cand.noun + 1)
            own = [(toks[cand.noun].lemma, toks[cand.noun].text.lower())]  # "a 20,000-vote lead": the difference
        nexts = [(toks[k].lemma, toks[k].text.lower()) for k in after if k is not None and self.lo <= k < self.hi]

        def has(key: str, span: list[tuple[str, str]]) -> bool:
            listed = set(frames.get(key, []))
            return any(lemma in listed or text in listed for lemma, text in span)
        before = self._token_from(m.start)
        before = before - 1 if before is not None else first - 1
        if has("margin", words) or has("margin_near", words[-3:]) or has("margin_after", nexts + own) or (
                before >= start and toks[before].text.lower() in frames.get("margin_prepositions", [])
                and has("margin_verbs", verbs) and not has("score_joiners", nexts[:1])):
            return "margin", None  # (not "the motion was won by 300 votes to 200": a score)
        if has("needed", verbs) or has("needed_near", near) or has("needed_after", nexts):
            return "needed", None
        if start - 1 > self.lo and toks[start].text.lower() in frames.get("purpose_openers", []):
            outer = self._clause_start(start - 1)
            if has("needed", [(toks[k].lemma, toks[k].text.lower()) for k in range(outer, start - 1)]):
                return "needed", None  # «для блокування необхідно об'єднатися, щоб набрати 34 голоси»
        if has("remainder_verbs", verbs):
            act = next((toks[k].lemma for k in range(start, first) if toks[k].pos == "VERB" and (
                "VerbForm=Inf" in toks[k].feats or toks[k].text.lower() == toks[k].lemma)
                        and toks[k].lemma not in frames.get("remainder_verbs", [])), None)
            if act:
                return "remaining", act
        if before - 1 >= start and "Impersonal=Yes" in toks[before].feats and toks[before - 1].text.lower() in (
                self.lex.cues.get("negation", [])):
            return "remaining", toks[before].lemma  # «не підраховано 12,8% голосів»: not yet done
        votes = cand.kind in ("count", "percent") and (
            cand.measure.startswith("vote_share") or (cand.noun is None and cand.kind == "percent") or (
                cand.noun is not None and toks[cand.noun].lemma in frames.get("progress_things", [])))
        # (not «перерахувати 40 тисяч гривень»: money transferred)
        if votes and has("recount", near):
            return "recount", None
        if votes and cand.kind == "percent" and (has("progress", near) or has("progress", nexts)):
            return "progress", None
        return None

    def _at_stake(self, m: NumberMention, cand: _Cand, first: int, start: int) -> tuple[str, None] | None:
        """Votes a place puts at stake in a round-up line ("Wisconsin, with 10 electoral votes, …", «Висконсин (10
        голосов выборщиков)», «Вісконсин – 10 голосів»): a count of votes right after a place's name and a comma,
        bracket or dash (and a ``stake_openers`` word), in a clause with no verb: ``stake: vote_share``, not votes
        won. None otherwise."""
        frames = self.lex.cues.get("measure_frames", {})
        if cand.kind != "count" or cand.measure != "vote_share":
            return None
        toks = self.tokens
        k = self._token_from(m.start)
        k = (k if k is not None else first) - 1
        if k >= self.lo and toks[k].text.lower() in frames.get("stake_openers", []):
            k -= 1
        if k - 1 < self.lo or toks[k].text not in (",", "(", "-", "–", "—", ":"):
            return None
        name = toks[k - 1]
        if not any(e.label == "LOC" and e.start <= name.start < e.end for e in self.ents):
            return None
        if any(toks[j].pos in ("VERB", "AUX") for j in range(min(start, k), first)):
            return None  # "Smith won Ohio – 18 votes": votes won
        return "stake", None

    def _elided_score(self, m: NumberMention, cand: _Cand, previous: list[_Cand]) -> None:
        """A share or a span with no measure of its own in a clause with no verb, after one of the same sentence that
        has one («Трамп отримав 52%, а в Огайо – 53%», «тривалість складає 2 роки для X і 3 роки для Y»): the same
        measure, its verb elided."""
        bare = "share" if cand.kind == "percent" else cand.kind
        if cand.measure not in (bare, f"{bare}: {cand.noun_lemma}") or not previous:
            return
        prior = previous[-1]
        if prior.kind != cand.kind or not prior.measure or prior.measure == bare or prior.measure.startswith(
                self._FRAMED):
            return
        between = self.toks_in(prior.m.end, m.start)
        if any(self.tokens[k].pos in ("VERB", "AUX") for k in between) or len(between) > 8:
            return
        cand.measure = prior.measure

    def _governing_noun(self, m: NumberMention, cand: _Cand, first: int) -> None:
        """«замовлення на 300 млн доз», «кредит на 30 днів», «з інтервалом у 28 днів»: a common noun right before a
        preposition of extent (``governing_prepositions``; for a span also ``span_prepositions``) before the figure is
        the act or thing the figure is the size of: a bare count is named with it (``доза замовлення``), a span is
        its (``duration: кредит``, ``duration: інтервал``). Only without a parse."""
        toks = self.tokens
        k = self._token_from(m.start)
        k = (k if k is not None else first) - 1
        preps = self.lex.cues.get("governing_prepositions", []) + (
            self.lex.cues.get("span_prepositions", []) if cand.kind == "duration" else [])
        if self.ex.heads or k - 1 < self.lo or toks[k].text.lower() not in preps:
            return
        noun, cues = toks[k - 1], self.lex.cues
        if noun.lemma in cues.get("dimension_nouns", []) and cand.kind == "duration":
            if k - 2 >= self.lo and is_noun(toks[k - 2]) and toks[k - 2].pos != "PROPN" and not toks[k - 2].text.isupper():
                cand.measure = f"duration: {toks[k - 2].lemma}"  # «період тривалістю в 21 місяць»: the period's
                cand.subject = None
            return  # «призначаються строком на 5 років»: a term, the verb's
        if not is_noun(noun) or noun.pos == "PROPN" or noun.lemma in self.lex.time or noun.text.isupper() or (
                k - 2 >= self.lo and toks[k - 2].text.lower() in cues.get("origin_prepositions", []) and (
                    "Case=Ins" not in noun.feats)):
            return  # not «з блоку на два роки» (a phrase of its own; «з інтервалом у N днів» is the noun's)
        if cand.kind == "duration":
            cand.measure, cand.subject = f"duration: {noun.lemma}", None  # (a thing's span: no person's)
        elif cand.measure and " " not in cand.measure and ":" not in cand.measure and cand.source in ("open", "thing", "noun"):
            cand.measure = f"{cand.measure} {noun.lemma}"

    def _dimension_measure(self, cand: _Cand, first: int) -> None:
        """«тривалість служби складає 2 роки» → ``duration: служба``, «розмір грантів — 300 тисяч євро» → ``money:
        грант``: a measure named after a noun of dimension is named after what the dimension is of."""
        kind, _, named = cand.measure.partition(": ")
        if not named or " " in named or kind not in ("duration", "money", "share"):
            return
        noun = next((k for k in range(first - 1, max(self.lo, first - 12) - 1, -1) if self.tokens[k].lemma == named), None)
        owner = self._dimension_owner(noun) if noun is not None else named
        if owner != named:
            cand.measure = f"{kind}: {owner}"

    def _lasting_subject(self, cand: _Cand, first: int, start: int) -> None:
        """«Перехідний період, який триватиме 6,5 років», «период продлится 6,5 лет»: a span named after a verb of
        lasting (``continuing_verbs``) is its subject's: the clause's subject before the verb, or, for a relative
        opening the clause, the noun before its comma."""
        toks = self.tokens
        verb = next((k for k in range(first - 1, start - 1, -1) if toks[k].pos in ("VERB", "AUX") and toks[k].lemma in (
            self.lex.cues.get("continuing_verbs", []))), None)
        if verb is None or cand.measure != f"duration: {toks[verb].lemma}":
            return
        subject = self._clause_subject(start, verb)
        if subject is None and toks[start].lemma in {*self.relative, *self.lex.cues.get("share_relatives", [])} and (
                start - 2 >= self.lo and toks[start - 1].text == "," and is_noun(toks[start - 2])):
            subject = start - 2
        if subject is not None:
            cand.measure = f"duration: {self._dimension_owner(subject)}"
            cand.subject = None if thing_at(self.lex, toks, subject)[0] is None else cand.subject

    def _counted_subject(self, cand: _Cand, first: int, start: int) -> None:
        """«Кількість хворих на грип становить 54 тисячі людей», «кількість інфікованих сягнула 1 200»: a count after
        a predicate of amount or level (``share_predicates``, ``level_verbs``, ``change_verbs`` with «до») whose
        subject is a noun of quantity counts that noun's genitive (the sick), not members of a body the verb of
        composition would make it; and a bare number there, with no noun of its own, is a count of it."""
        toks, cues = self.tokens, self.lex.cues
        k = first - 1
        while k >= start and toks[k].pos in ("ADV", "PART", "ADP"):
            k -= 1
        predicates = {*cues.get("share_predicates", []), *cues.get("level_verbs", []), *cues.get("change_verbs", [])}
        if k < start or toks[k].lemma not in predicates or (toks[k].lemma in cues.get("light_verbs", []) and (
                toks[k].lemma not in cues.get("share_predicates", []))):
            return  # (not «було 300»: a copula names no amount)
        subject = self._clause_subject(start, k)
        if subject is None and self.ex.heads:  # "the number of infected people reached 300": the parse's subject
            subject = next((j for j in range(start, k) if toks[j].head == k and toks[j].dep.startswith("nsubj")), None)
        if subject is None or toks[subject].lemma not in cues.get("quantity_nouns", []):
            return
        owner = next((j for j in range(subject + 1, min(k, subject + 4)) if toks[j].lemma == self._dimension_owner(
            subject)), None)
        if (owner is None or owner == subject) and self.ex.heads:  # "the number of X": the noun "of" governs
            of = next((j for j in range(subject + 1, k) if toks[j].head == subject and toks[j].text.lower() in cues.get(
                "partitive", [])), None)
            owner = next((j for j in range(subject + 1, k) if of is not None and toks[j].head == of and is_noun(toks[j])),
                         None)
        if owner is None or owner == subject:
            return
        thing = thing_at(self.lex, toks, owner)[0]
        acts = verb_measures(self.lex, toks, owner, self.hi) if "VerbForm=Part" in toks[owner].feats or known_verb(
            self.code, toks[owner].lemma) else [n for n in [self._participle_measure(owner, True)] if n]
        cand.measure = self._modifier_predicate(subject, owner, thing) or measure_noun(self.lex, toks, owner) or next(
            iter(acts), None) or (thing.measure or thing.name if thing else toks[owner].lemma)  # («число
        # пострадавших»: a participle, its lemma the verb's; «кількість госпіталізованих»: a Ukrainian one's)
        cand.subgroup = thing.name if thing is not None and thing.person and not thing.generic and (
            cand.measure not in (thing.name, thing.measure)) else None  # («кількість знешкоджених окупантів»: troops)
        if acts and cand.measure == acts[0] and not cand.unit:
            cand.unit = "people"
        if not cand.unit:
            cand.unit = (thing.unit or thing.name) if thing else toks[owner].lemma

    def _modifier_predicate(self, subject: int, owner: int, thing: Thing | None) -> str | None:
        """What a participle between a noun of quantity and its genitive noun says happened to the noun's things
        («кількість знешкоджених окупантів» → `troops знешкодити`, «число освобождённых заложников» → released):
        its verb's measure, else the thing and the verb; None without a participle."""
        person = thing.person if thing is not None else "Animacy=Inan" not in self.tokens[owner].feats
        after = [owner + 1] if owner + 1 < self.hi and self.tokens[owner + 1].head in (owner, subject) else []
        for j in [*range(subject + 1, owner), *after]:  # (before the noun, or after it: "the number of people killed")
            verb = self._participle_of(j)
            if verb is None or verb in self.lex.cues.get("light_verbs", []):
                continue
            named = self._participle_measure(j, person)
            t = self.tokens[j]
            if named or ("VerbForm=Part" not in t.feats and t.lemma == t.text.lower()):
                return named  # (an adjective read as a verb by its ending names a measure only: not "armed men" → arm)
            return f"{thing.name if thing else self.tokens[owner].lemma} {verb}"
        return None

    def _predicate_subject(self, cand: _Cand, first: int, start: int) -> None:
        """«Кількість вакцинованих становить 7%», «…, що становить 7% від населення»: a share right after a predicate
        of amount (``share_predicates``) is a share of the predicate's subject, the nominative noun before it in the
        clause (past a noun of dimension to its genitive: «кількість X» → X), or, for a relative opening the clause,
        the noun the comma follows; with the whole after the share («від населення») before it."""
        toks, cues = self.tokens, self.lex.cues
        k = first - 1
        while k >= start and toks[k].pos in ("ADV", "PART", "ADP") and toks[k].text not in self._CLAUSE_MARKS:
            k -= 1  # past a hedge: «становить близько», «составляет более»
        if k < start or toks[k].lemma not in cues.get("share_predicates", []):
            return
        whole = cand.noun_lemma if cand.noun is not None and cand.noun > first else None
        if cand.measure not in ("share", f"share: {whole}"):
            return
        subject = self._clause_subject(start, k)
        if subject is None and k - 1 >= start and toks[k - 1].lemma in {
                *cues.get("relative_pronouns", []), *cues.get("share_relatives", [])} and start - 2 >= self.lo:
            subject = start - 2 if is_noun(toks[start - 2]) else None  # «647 тисяч осіб, що становить 7%»
        if subject is None:
            return
        named = self._dimension_owner(subject)
        cand.measure = f"share: {whole + ' ' if whole and whole != named else ''}{named}"

    def _members_body(self, noun: int, first: int, start: int) -> str | None:
        """The body whose members a relational noun counts («член»: ``relational``), without a parse: the genitive
        common noun right after it («два члени комісії»), the noun after a composition noun («до складу ради входять
        15 членів»: ``member_bodies`` 'composition'), or the noun a verb of membership has before it («у раду
        входило 20 членів», «рада складається з 15 членів»: 'verbs'). None when none is named (a mission's members
        stay its experts)."""
        toks, spec = self.tokens, self.lex.cues.get("member_bodies", {})
        if self.ex.heads or not spec or toks[noun].lemma not in self.lex.relational:
            return None
        if noun + 1 < self.hi and toks[noun + 1].pos == "NOUN" and "Case=Gen" in toks[noun + 1].feats:
            body = thing_at(self.lex, toks, noun + 1)[0]
            return None if body is not None and body.group else toks[noun + 1].lemma  # (a mission's: its experts)
        for k in range(start, first):
            if toks[k].lemma in spec.get("composition", []) and k + 1 < first and toks[k + 1].pos == "NOUN":
                return toks[k + 1].lemma
        verb = next((k for k in range(start, first) if toks[k].lemma in spec.get("verbs", [])), None)
        if verb is None:
            return None
        if verb - 2 >= start and toks[verb - 1].pos == "NOUN" and toks[verb - 2].pos == "ADP":
            return toks[verb - 1].lemma
        subject = self._clause_subject(start, verb)
        return toks[subject].lemma if subject is not None else None

    def _clause_subject(self, start: int, verb: int) -> int | None:
        """The subject of a clause's verb without a parse: the first noun between the clause's start and the verb that
        can be nominative, is no time word and follows no preposition («ціни на житло знизилися»: ціни, not житло);
        not a word the dictionary also reads as an adjective before another such noun («нова процедура»)."""
        toks, months = self.tokens, self.lex.cues.get("months", {})
        preps = set(self.lex.cues.get("place_prepositions", []))  # («на» is a particle to the dictionary)
        for j in range(start, verb):
            if not self._nominative(j) or (j - 1 >= start and (toks[j - 1].pos == "ADP" or toks[j - 1].text.lower() in (
                    preps))) or (
                    toks[j].lemma in self.lex.time or toks[j].lemma in months):
                continue
            if j + 1 < verb and self._nominative(j + 1) and not self.ex.heads and _has_pos(
                    self.code, toks[j].text.lower(), ("ADJF",)):
                continue
            return j
        return None

    def _nominative(self, k: int) -> bool:
        """A common noun that can be a subject: nominative by the parse, or, without one, by any of the dictionary's
        readings («продажі», «ціни» are nominative and oblique alike)."""
        t = self.tokens[k]
        if not is_noun(t) or t.pos == "PROPN":
            return False
        return "Case=Nom" in t.feats or (not self.ex.heads and _has_case(self.code, t.text.lower(), ("nomn",)))

    def _dimension_owner(self, noun: int) -> str:
        """The lemma a noun stands for: itself, or, for a noun of dimension («кількість», «розмір», «частка»,
        «тривалість»: ``quantity_nouns``, ``amount_nouns``, ``share_nouns``, ``dimension_nouns``), the genitive noun
        or adjective after it."""
        toks, cues = self.tokens, self.lex.cues
        dimensions = {*cues.get("quantity_nouns", []), *cues.get("amount_nouns", []), *cues.get("share_nouns", []),
                      *cues.get("dimension_nouns", [])}
        if toks[noun].lemma not in dimensions:
            return toks[noun].lemma
        k = noun + 1
        while k < min(self.hi, noun + 5) and toks[k].pos == "ADV":
            k += 1  # «кількість оптимістично налаштованих компаній»
        if k >= self.hi or not ((toks[k].pos in ("NOUN", "ADJ") or "VerbForm=Part" in toks[k].feats) and (
                "Case=Gen" in toks[k].feats or (not self.ex.heads and _has_case(self.code, toks[k].text.lower(), (
                    "gent",))))):  # («число желающих»: a participle to the Russian parse; «рівень безробіття»)
            return toks[noun].lemma
        while k + 1 < self.hi and k < noun + 5 and toks[k].pos in ("ADJ", "VERB") and toks[k + 1].pos in (
                "NOUN", "ADJ") and "Case=Gen" in toks[k + 1].feats:
            k += 1  # «кількість нових випадків» → випадок
        return toks[k].lemma

    def _change_by_after(self, m: NumberMention, cand: _Cand, num_toks: list[int]) -> None:
        """«На 12% впала кількість бажаючих»: «на» right before a share or a sum and a verb of change right after it
        (``change_verbs``) make it a change, named after what changed (the noun after the verb, past a noun of
        dimension); only without a parse, which reads it otherwise."""
        toks, cues = self.tokens, self.lex.cues
        leads, changes = cues.get("change_by_leads", []), cues.get("change_verbs", [])
        before = self._token_from(m.start)
        before = (before if before is not None else num_toks[0]) - 1
        if before < self.lo or toks[before].text.lower() not in leads:
            return
        after = self._token_from(cand.unit_end) if cand.unit_end else num_toks[-1] + 1
        if after is not None and after < self.hi and toks[after].lemma in changes:
            changed = next((j for j in range(after + 1, min(self.hi, after + 4)) if is_noun(toks[j])), None)
        elif before - 1 >= self.lo and toks[before - 1].lemma in changes and not cand.measure.startswith("change:"):
            # «кількість бажаючих скоротилася на 12%»: the subject before the verb, with no parse to say it
            changed = self._clause_subject(self._clause_start(before - 1), before - 1)
        else:
            return
        cand.change = "change by"
        if changed is not None:
            cand.measure = f"change: {self._dimension_owner(changed)}"

    def _level_reached(self, m: NumberMention) -> bool:
        """«зріс до 26 млн євро», «вырос до …»: a preposition of a new level (`level_to`) right after a verb of change
        (`change_verbs`) says the level reached ("rose to"), not a bound ("up to"), though it is read as one."""
        if m.hedge_kind != "upper" or (m.hedge or "").lower() not in self.lex.cues.get("level_to", []):
            return False
        word = re.search(r"([^\W\d_]+)\s+$", self.sent[:m.start])
        return bool(word) and self._lemma_at(word.start(1)) in self.lex.cues.get("change_verbs", []) or (
            self._change_case(m) == (m.hedge or "").lower())

    def _change_case(self, m: NumberMention) -> str | None:
        """By a UD parse (Russian), the preposition that hangs the figure (its unit or counted noun, or a conjunct of
        one) from a verb of change (`change_verbs`, any form or aspect), wherever the verb stands: «подешевел к
        доллару на 0,2%» (the change), «снижался на 0,19% до 93,86 пункта» (the level reached: «до»); None
        otherwise, so that the word lists of changed forms need not hold every verb, aspect and order."""
        toks, num = self.tokens, self.toks_in(m.num_start, m.num_end)
        if not self.ex.heads or not num:
            return None
        k = num[-1]
        if toks[k].dep.startswith("nummod") and self.lo <= toks[k].head < self.hi:
            k = toks[k].head
        h = toks[k].head
        if toks[k].dep == "conj" and self.lo <= h < self.hi and toks[h].dep == "obl":
            h = toks[h].head  # «на 0,2%, до $1,3258»: the level's phrase joined to the change's
        elif toks[k].dep != "obl":
            return None
        if not (self.lo <= h < self.hi) or toks[h].pos != "VERB" or toks[h].lemma not in self.lex.cues.get(
                "change_verbs", []):
            return None
        return next((toks[j].text.lower() for j in range(max(self.lo, k - 4), k) if toks[j].head == k
                     and toks[j].dep == "case"), None)

    def _preposition_read_as_hedge(self, m: NumberMention, cand: _Cand) -> bool:
        """ "will spill radiation over 3 states": the hedge word is a preposition of the verb, which has an object of
        its own, and the counted noun is its object, so the figure is exact (not "killed over 30 people", nor "rose
        over 3 metres", where the verb has no other object). By the parse."""
        if not self.ex.heads or cand.noun is None:
            return False
        toks = self.tokens
        word = next((k for k in self.toks_in(m.start, m.num_start) if toks[k].pos == "ADP"), None)
        if word is None or toks[cand.noun].head != word or toks[cand.noun].dep not in ("pobj", "obl") or (
                toks[word].dep != "prep"):
            return False
        verb = toks[word].head
        return self.lo <= verb < self.hi and toks[verb].pos == "VERB" and any(
            toks[j].head == verb and toks[j].dep in ("dobj", "obj") for j in range(max(self.lo, verb - 6), word))

    # --- what is never a claim -----------------------------------------------------------------------------

    def _age_bound(self, m: NumberMention, previous: list[_Cand]) -> bool:
        """An age that bounds a group ("people over 65", "aged 18 and over", «граждане старше 18 лет», «чоловіки віком
        від 18 до 60 років») defines who is meant; it is no age, span or count of its own. True for one; the count or
        share right before it in its phrase (no verb between) gets the bound as its subgroup ("12% of people over 65"
        → ``age 65+``). Words: ``group_ages`` in ``claim_cues.json`` — older/younger words that need nothing else
        (``older``, ``younger``), after the figure (``older_after``, ``younger_after``), and bare prepositions
        (``loose_older``, ``loose_younger``) that bound an age only right after a noun of people and with no noun
        after the figure, past a word of years (``years``; needed unless ``bare_age``: "people over 65")."""
        bounds = self.lex.cues.get("group_ages")
        if not bounds or m.figure is None or (m.hi or m.figure) > 120:
            return False
        sent = self.sent
        lead = sent[max(0, m.start - 40):m.num_start]
        years = r"(?:\s*(?:" + alternation(bounds.get("years", [])) + r")(?!\w))?"
        tail = sent[m.num_end:m.num_end + 40]

        def ends(key: str) -> bool:
            words = bounds.get(key, [])
            return bool(words) and re.search(r"(?:^|[^\w-])(?:" + alternation(words) + r")\s*$", lead, re.IGNORECASE)

        def follows(key: str) -> bool:
            words = bounds.get(key, [])
            return bool(words) and re.match(years + r"\s*(?:" + alternation(words) + r")(?!\w)(?!\s*\d)", tail, re.IGNORECASE)

        older = ends("older") or follows("older_after")
        younger = not older and (ends("younger") or follows("younger_after"))
        loose = not (older or younger)
        if loose and (ends("loose_older") or ends("loose_younger")):
            older = ends("loose_older")
            younger = not older
            word = self._token_from(m.start)
            word = word - 1 if word is not None else None
            while word is not None and word > self.lo and self.tokens[word].text.lower() in bounds.get(
                    "loose_older", []) + bounds.get("loose_younger", []):
                word -= 1  # (past the preposition, when the hedge reader left it outside the figure)
            if word is None or word < self.lo or not self._people_word(word):
                return False  # "over 200 people", «засудив Петренка до 13 років»: no group of people bounded
        if not (older or younger):
            return False
        after = re.match(years + r"\s*", tail)
        aged = bool(after.group(0).strip())
        if not aged and not bounds.get("bare_age"):
            return False  # «в возрасте от 2 недель», «членов до одного от каждого»: without a word of years, no age
        nxt = self._token_from(m.num_end + after.end())
        if (loose or not aged) and nxt is not None and is_noun(self.tokens[nxt]) and self.tokens[nxt].start < (
                self.s_start + m.num_end + after.end() + 2):
            return False  # "those over 3 days", «до 12 лет тюрьмы»: a span of something, no age
        if m.is_range and m.lo is not None and m.hi is not None:
            label = f"age {m.lo:g}-{m.hi:g}"
        else:
            label = f"age {m.figure:g}+" if older else f"age under {m.figure:g}"
        prior = next((c for c in reversed(previous) if c.kind != "date"), None)
        if prior is not None and prior.kind in ("count", "percent") and not prior.subgroup:
            between = self.toks_in(prior.m.end, m.start)
            if len(between) <= 6 and not any(self.tokens[k].pos in ("VERB", "AUX") for k in between) and not any(
                    self.tokens[k].text in self._CLAUSE_MARKS for k in between):
                prior.subgroup = label
        return True

    def _people_word(self, k: int) -> bool:
        """Whether token ``k`` names a group of people: a pronoun, or a common noun in the plural whose canonical
        thing is people or that is animate ("people", «мужчин»; not «засудив Петренка до 13 років»: one person)."""
        t = self.tokens[k]
        if t.pos in ("PRON", "DET"):
            return True  # "those over 65", "anyone under 18"
        if t.pos != "NOUN" or "Number=Sing" in t.feats:
            return False
        thing = thing_at(self.lex, self.tokens, k)[0]
        return "Animacy=Anim" in t.feats or (thing is not None and thing.person)

    def _not_a_claim(self, m: NumberMention) -> bool:
        sent = self.sent
        a, b = m.num_start, m.num_end
        for lo, hi in self.urls + self.times:
            if lo <= a < hi:
                return True
        prev = sent[a - 1] if a > 0 else " "
        prev2 = sent[a - 2] if a > 1 else " "
        if prev.isalnum() or prev in "/_#@\\№" or (prev in "-." and prev2.isalnum()) or (prev == "." and prev2 == "."):
            return True
        if re.search(r"[©℗]\s*(?:\d{4}\s*[-–]\s*)?$", sent[max(0, a - 12):a]):
            return True  # "© 2007", «© 2005-2018»: a copyright's years, no event
        after = sent[b:b + 12]
        if after[:1] in ("\ufe0f", "\u20e3"):
            return True
        glued_year = 1000 <= (m.value or 0) <= 2100 and re.match(
            r"(?:" + alternation(self.lex.cues.get("year_words", [])) + r")(?![^\W\d_])", after, re.IGNORECASE)
        if after[:1].isalpha() and not m.words and m.form == "cardinal" and not self._glued_unit(after) and not (
                glued_year):
            return True  # "3D", "5G", "2000s"; not «у 1999р.», «в 1999г.»: a year's abbreviation glued to it
        if re.search(r"§\s*$", sent[max(0, a - 3):a]):
            return True  # «§ 3», "§ 2": a section's number
        if prev == "[" and after[:1] == "]":
            return True
        if not m.words and re.match(r"/\d", after):
            return True  # "24/7", "9/11", "3/4": a slashed pair (a phrase, a date, a score), no count
        if m.start == 0 and re.match(r"^\s*[.)]\s*(?:\S|$)", sent[b:]) and not m.hedge:
            return True  # "1." "1)" list markers
        if not m.words and after[:1] == ")" and (a == 0 or prev in " \n\t") and not m.hedge and not m.currency_prefix:
            return True
        if prev == "." and prev2 in " (":
            return True  # ".40 caliber"
        if m.words and m.value == 1 and not m.hedge and re.match(
                r"\s*,?\s*(?:" + alternation(self.lex.cues.get("relative_pronouns", [])) + r")(?!\w)", sent[b:], re.IGNORECASE):
            return True  # "One that did not flee": a pronoun, counting nothing
        if self.label_before.search(sent[max(0, m.start - 24):m.start]):
            return True
        listed = re.search(r"\d+\s*(?:,|" + alternation(attrib.tables().coordinators) + r")\s*$", sent[max(0, m.start - 40):m.start])
        if listed and self.label_before.search(sent[max(0, m.start - 40):m.start][:listed.start()]):
            return True  # «ст. 13 і 14», "Articles 5 and 6": a label's number coordinated with it
        if self._labels_after_noun(m):
            return True
        if self.label_after.match(sent, m.end):
            return True
        counters = alternation(self.lex.cues.get("counters", []))
        if re.search(r"(?:^|[^\w])(?:" + counters + r")\s*:\s*$", sent[max(0, m.start - 24):m.start], re.IGNORECASE) or (
                re.fullmatch(r"\s*(?:" + counters + r")\W*", sent[m.end:], re.IGNORECASE)):
            return True  # "Comments: 12", «Просмотров: 340», a line "12 comments": a page's counter
        if not sent[:m.start].strip() and re.match(r"\s+(?:" + alternation(self.lex.cues.get("list_nouns", [])) + r")\b", sent[m.end:],
                                                  re.IGNORECASE):
            return True  # "9 ways the strike changed travel": a listicle's items
        if re.search(r"(?:^|\s)[A-ZА-ЯЁІЇЄҐ]{2,}[\s-]$", sent[max(0, a - 12):a]) and not m.hedge:
            return True  # a code: "AL 300", "MH 17"
        if self._foreign_model(m):
            return True
        if m.is_range and not m.words and re.fullmatch(r"\d{4}\s?[-–—]\s?\d{2,4}", m.raw.strip()):
            return False  # years "1987-2014": read as a date span below
        months = alternation(self.lex.cues.get("months", {}).keys())
        if not m.words and (m.figure or 0) <= 31 and re.search(
                r"\b(?:" + months + r")\.?\s+\d{1,2}(?:\s*,\s*\d{1,2})*\s*,?\s*(?:\w+\s+)?$",
                sent[max(0, a - 40):a], re.IGNORECASE) and not re.match(r"\s*,?\s*\d{4}", sent[b:]):
            return True  # "on August 4, 9 and 12": a day in a list of days
        if not m.words and (m.figure or 0) <= 31 and re.search(r"\b(?:" + months + r")\.?\s*,\s*$", sent[max(0, a - 14):a],
                                                               re.IGNORECASE) and re.match(r"\s*,\s*\d{4}(?!\d)", sent[b:]):
            return True  # a caption's "Sept, 14, 2023": the day of a date typed with a comma after the month
        ui = alternation(self.lex.cues.get("ui_words", []))
        if not m.words and re.match(r"\s+(?i:" + ui + r")(?!\w)\S*\s+[A-ZА-ЯЁІЇЄҐ]", sent[b:]) and re.match(
                r"\s+[A-ZА-ЯЁІЇЄҐ]", sent[b:]):
            return True  # "20 View Slideshow Back": a scraped page's counter before its navigation words
        ranks = alternation(self.lex.cues.get("rank_nouns", []))
        if ranks and re.search(r"(?:^|\W)(?:" + alternation(self.lex.cues.get("rank_prepositions", [])) + r")\s+$",
                               sent[max(0, a - 12):a], re.IGNORECASE) and re.match(
                r"(?:-?[^\W\d_]{1,3})?\s+(?:" + ranks + r")(?!\w)", sent[b:], re.IGNORECASE):
            return True  # «поднялась на 71 место», «на 5-м месте»: a place in a ranking, no count
        if self._headline_counter(m):
            return True
        streets = self.lex.cues.get("street_words", [])
        if streets and not m.words and not m.hedge and re.search(
                r"(?:^|\W)(?:" + alternation(streets) + r")\s*[^\W\d_][\w’'-]*(?:\s+[^\W\d_][\w’'-]*)?,?\s*$", sent[max(0, a - 50):a],
                re.IGNORECASE) and re.match(r"\s*(?:[,.;)]|$)", sent[b:]):
            return True  # «ул. Садовая, 10, Тверь»: a house number in an address
        if self._set_phrase(m, "intensifier_idioms") or self._set_phrase(m, "page_banners") or self._full_degree(m):
            return True  # «на все 100%», "100 per cent sure", "This story is more than 2 years old": no claim
        if self._label_of_noun(m) or self._rate_base(m) or self._names_unit(m):
            return True
        clock = self.lex.cues.get("clock_marks", [])
        if clock and not m.words and re.match(r"\s*(?:" + alternation(clock) + r")(?!\w)", sent[b:], re.IGNORECASE):
            return True  # "as of 13.30 p.m.": a time of day, whatever its separator
        return self._in_name(m)

    def _full_degree(self, m: NumberMention) -> bool:
        """«был на 100% выведен», «не понравится на 100 процентов»: exactly a hundred percent after a preposition of
        degree (`degree_prepositions`) on a verb that is no verb of change says "fully", no share (a change by a
        hundred percent, «выросли на 100%», stays). By a UD parse: the percent's word hangs from the verb."""
        preps = self.lex.cues.get("degree_prepositions", [])
        num = self.toks_in(m.num_start, m.num_end)
        if not preps or not self.ex.heads or not num or m.value != 100 or m.hedge or m.is_range or m.words:
            return False
        toks, k = self.tokens, num[-1] + 1
        if k >= self.hi or not (toks[k].text.lower() in self.lex.percent or toks[k].lemma in self.lex.percent):
            return False
        before = next((j for j in range(num[0] - 1, max(self.lo, num[0] - 2) - 1, -1)), None)
        if before is None or toks[before].text.lower() not in preps or toks[before].head != k:
            return False
        verb = toks[k].head
        return self.lo <= verb < self.hi and toks[verb].pos in ("VERB", "ADJ") and toks[verb].lemma not in (
            self.lex.cues.get("change_verbs", [])) and self._change_case(m) is None

    def _set_phrase(self, m: NumberMention, key: str) -> bool:
        """Whether the number stands in one of the set phrases of ``key`` (language data, '#' for the number): an
        intensifier ("100 per cent sure", «на все 100%») or a page's age notice ("This story is more than 2 years
        old"), which count or measure nothing."""
        for phrase in self.lex.cues.get(key, []):
            before, _, after = phrase.partition("#")
            lead, tail = (r"\s+".join(map(re.escape, part.split())) for part in (before, after))
            if (not lead or re.search(r"(?:^|\W)" + lead + r"\s*$", self.sent[max(0, m.num_start - 60):m.num_start],
                                      re.IGNORECASE)) and (not tail or re.match(r"\s*" + tail, self.sent[m.num_end:],
                                                                                re.IGNORECASE)):
                return True
        return False

    def _rate_base(self, m: NumberMention) -> bool:
        """The base of a rate per population ("12 per 100,000 residents", «8 на 100 тысяч жителей», «30 убивств на
        100 тисяч населення»): a round power of ten after a rate word (`rate_words`) that follows another figure,
        with at most two words between, is what the figure is counted per, not a count of its own."""
        value = m.value if m.value is not None else m.hi
        if value is None or value < 100 or value != 10 ** round(math.log10(value)):
            return False
        return bool(re.search(r"\d[\d\s.,]*(?:\s*%|\s+[^\W\d_]+){0,2}\s+(?:" + alternation(self.lex.cues.get("rate_words", []))
                              + r")\s+$", self.sent[max(0, m.start - 60):m.start], re.IGNORECASE))

    def _label_of_noun(self, m: NumberMention) -> bool:
        """A bare whole number right after a noun that is not plural (and names no people), with no thing it counts after it, names one of the
        things ("Reactor 3", "shut down unit 4", «на энергоблоке 5 станции», «у корпусі 2»): a count follows its
        noun only in a plural (Russian and Ukrainian put 2–4 before a genitive singular, so there a singular noun
        after a number below 5 is read as counted). Not after a month, a word of time or age, a unit or a measure
        noun ("May 5", "day 3", "age 12", "toll 3")."""
        if m.words or m.hedge or m.has_scale or m.is_range or m.form != "cardinal" or m.currency_prefix or not (
                re.fullmatch(r"\d{1,3}", m.raw.strip())) or re.match(r"[-‐–\w]", self.sent[m.num_end:m.num_end + 1]):
            return False  # (not "the landmark 50-year-old treaty", «по делу 50-летней», "generating 950MW")
        k = self._token_before(m)
        num = self.toks_in(m.num_start, m.num_end)
        if k is None or not num:
            return False
        toks, lex = self.tokens, self.lex
        t = toks[k]
        if not is_noun(t) or "Number=Plur" in t.feats or not t.text[:1].isalpha():
            return False
        thing = thing_at(lex, toks, k)[0]
        if thing is not None and thing.person:
            return False  # «погибло человек 30»: the approximate order of a count of people, no label
        words = {t.lemma.lower(), t.text.lower()}
        months = {w.lower() for w in lex.cues.get("months", {})}
        if words & months or any(lex.time.get(w) is not None for w in words) or self._unit_word(t) or (
                measure_noun(lex, toks, k) is not None) or (lex.age_before and re.search(
                r"(?:^|\W)(?:" + alternation(lex.age_before) + r")\s*$", self.sent[max(0, m.start - 20):m.start], re.IGNORECASE)):
            return False
        n = num[-1] + 1
        if n < self.hi and toks[n].text == "%":
            return False  # «За результатами підрахунку 96% голосів»: a share or a measure, no name's number
        while n + 1 < min(self.hi, num[-1] + 4) and toks[n].pos == "ADJ" and "Case=Gen" in toks[n].feats and (
                "Number=Plur" not in toks[n].feats):
            n += 1  # «части 1 бывшей статьи 28»: past the owner's adjectives to the owner
        if n < self.hi and (toks[n].pos in ("NUM", "ADJ") or is_noun(toks[n])):
            after = toks[n]
            if (m.value or 0) >= 2 and is_noun(after) and not after.feats and after.text[:1].isalpha() and (
                    not self._unit_word(after) and not self._glued_unit(after.text)):
                return True  # "the Hangar 4 building": a label before the noun it names (in a language without case,
                # no count of two or more is singular)
            # «энергоблок 5 станции», «части 1 статьи 20»: a genitive singular after a number that takes no genitive
            # singular (only 2-4, 22-24…, do: «2 статьи») is the owner, not what is counted
            value = int(m.value or 0)
            return not (value % 10 in (2, 3, 4) and value % 100 not in (12, 13, 14)) and is_noun(after) and "Number=Plur" not in after.feats and "Case=Gen" in after.feats and (
                not self._unit_word(after) and not self._glued_unit(after.text))  # (not «шириной 800 км»)
        return True

    def _foreign_model(self, m: NumberMention) -> bool:
        """«танків Leopard 2 Україні», «збір на Mavic 3 для піхоти»: in a sentence in Cyrillic a bare number right after a
        capitalised word in Latin letters (a foreign name: a model, a product, a version) is part of that name, unless a
        noun or adjective it counts follows («за даними Reuters 5 людей загинули») or the word is a unit or currency."""
        if m.words or m.hedge or m.currency_prefix or not CYRILLIC.search(self.sent):
            return False
        word = re.search(r"(?:^|[\s(«\"])([A-Z][A-Za-z]*)[ -]$", self.sent[max(0, m.num_start - 30):m.num_start])
        if word is None or self._glued_unit(word.group(1)):
            return False
        num = self.toks_in(m.num_start, m.num_end)
        k = num[-1] + 1 if num else self.hi
        return k >= self.hi or not (self.tokens[k].pos in ("NOUN", "ADJ", "NUM") and self.tokens[k].text[:1].islower())

    def _names_unit(self, m: NumberMention) -> bool:
        """«воїни 47 ОМБр», «93 бригада», «бійці 114 бригади», «в 68 полку», «3 механізований батальйон», "the 101
        Airborne Division": a whole number before an abbreviation of a numbered body (`label_abbreviations`), or before
        a noun of one (`label_nouns`, past adjectives and participles) in a form no cardinal of that value governs,
        names the one meant. A count of them takes a form its number governs («8 бригад», «102 бригади», «у 5
        бригадах», "3 brigades"); the form alone decides, not the parse's case (the tagger reads some plurals as
        singular), and a number ending in one («21 бригада», «1 корпуса») is left a count."""
        cues = self.lex.cues
        if m.words or m.hedge or m.has_scale or m.is_range or m.form != "cardinal" or m.currency_prefix or not (
                re.fullmatch(r"\d{1,4}", m.raw.strip())):
            return False
        abbreviations = cues.get("label_abbreviations", [])
        if abbreviations and re.match(r"[\s-]?(?:" + alternation(abbreviations) + r")(?![^\W\d_])", self.sent[m.num_end:],
                                      re.IGNORECASE):
            return True
        nouns = set(cues.get("label_nouns", []))
        num = self.toks_in(m.num_start, m.num_end)
        if not nouns or not num:
            return False
        toks, k = self.tokens, num[-1] + 1
        while k < min(self.hi, num[-1] + 4) and toks[k].text.lower() not in nouns and toks[k].lemma not in nouns and (
                toks[k].pos == "ADJ" or "VerbForm=Part" in toks[k].feats or (
                toks[k].pos == "PROPN" and toks[k].text[:1].isupper())):
            k += 1  # «3 механізований батальйон», "the 101 Airborne Division"
        if k >= self.hi or not toks[k].text[:1].isalpha():
            return False
        value = int(m.value or 0)
        word = toks[k].text
        if self.code not in ("ru", "uk"):
            return value >= 2 and word.lower() in nouns  # the singular as listed: "3 brigades" counts
        if value % 10 == 1 and value % 100 != 11:
            return False
        few = value % 10 in (2, 3, 4) and value % 100 not in (12, 13, 14)
        from storylens.relate.morphology import analyzer

        morph = analyzer(self.code)
        readings = [p for p in morph.parse(word) if p.tag.POS == "NOUN" and p.normal_form in nouns] if morph else []
        if not readings:
            return False
        # a count's forms: after 2-4 a genitive singular («2 бригады») or a plural («102 бригади», «двом бригадам»);
        # after the rest a plural in an oblique case («8 бригад», «у 5 бригадах»)
        return not any(p.tag.number == "plur" and p.tag.case != "voct" and (few or p.tag.case not in ("nomn", "accs")) or (
            few and p.tag.number != "plur" and p.tag.case == "gent") for p in readings)  # (Ukrainian's dictionary
        # leaves a singular's number unsaid)

    def _headline_counter(self, m: NumberMention) -> bool:
        """A bare number closing a title line with no full stop ("Protests against the verdict spread 176"): a
        scraped page's counter (views, comments) glued to the headline, not a figure of it. A number after a
        verb, a preposition, a measure noun or a hedge closes a headline that states it ("Death toll rises to 176")."""
        sent = self.sent
        if m.words or m.hedge or m.currency_prefix or sent[m.end:].strip() or "\n" in sent.strip() or not re.search(
                r"[^\W\d_]\s+$", sent[:m.start]) or len(re.findall(r"[^\W\d_]+", sent[:m.start])) < 3:
            return False
        k = self._token_before(m)
        if k is None:
            return False
        t = self.tokens[k]
        return is_noun(t) and measure_noun(self.lex, self.tokens, k) is None and not any(
            self.tokens[j].pos in ("VERB", "AUX") for j in range(max(self.lo, k - 1), k + 1))

    def _labels_after_noun(self, m: NumberMention) -> bool:
        """ "turbines 4 and 5", «энергоблоки 3 и 4 станции»: numbers coordinated right after a plural noun
        (not a time: "in recent weeks 12 and 15 people …") say which of the things are meant (labels); a count
        never follows its noun so."""
        if m.hedge or m.has_scale or m.is_range or m.form != "cardinal" or not (m.value or 0) < 1000:
            return False
        num = self.toks_in(m.num_start, m.num_end)
        if not num:
            return False
        toks, first, last = self.tokens, num[0], num[-1]
        coordinators = attrib.tables().coordinators

        def joins(k: int) -> bool:
            return self.lo <= k < self.hi and (toks[k].text == "," or toks[k].text.lower() in coordinators)

        def number(k: int) -> bool:
            return self.lo <= k < self.hi and (toks[k].pos == "NUM" or toks[k].text.isdigit())

        def plural_noun(k: int) -> bool:
            return self.lo <= k < self.hi and is_noun(toks[k]) and "Number=Plur" in toks[k].feats and (
                self.lex.time.get(toks[k].lemma) is None and self.lex.time.get(toks[k].text.lower()) is None)

        if plural_noun(first - 1) and joins(last + 1) and number(last + 2):
            return True
        return joins(first - 1) and number(first - 2) and plural_noun(first - 3)

    def _window(self, m: NumberMention, previous: list[_Cand]) -> bool:
        """A span of time another figure is counted in, not a claim: "over the past 24 hours", «за останні 24
        години», "three times in 24 hours", "across 13 countries over a 72-hour period" (a figure earlier in
        the clause), or the span a superlative or a first is measured over ("the strongest storm in nearly 90
        years", "for the first time in 20 years")."""
        cues = self.lex.cues
        before = self.sent[max(0, m.start - 30):m.start]
        last = re.search(r"(?:^|\W)(?:" + alternation(cues.get("window_words", [])) + r")\s*$", before, re.IGNORECASE)
        if last:
            return not self._span_of_act(m, before[:last.start() + 1], previous)
        window = re.search(r"(?:^|\W)(?:" + alternation(cues.get("window_prepositions", [])) + r")\s+((?:"
                           + alternation(cues.get("articles", [])) + r")\s+)?(?:(?:" + alternation(cues.get("window_firsts", []))
                           + r")\s+)?$", before, re.IGNORECASE)
        if not window:
            return False
        if any(0 <= m.start - p.m.end <= 60 and not re.search(r"[,;:(—]", self.sent[p.m.end:m.start])
               for p in previous if p.kind in ("count", "percent", "money", "measurement")):
            return True
        if window.group(1) and previous and re.match(r"[\s-]*[^\W\d_]+[\s-]+(?:" + alternation(cues.get("period_nouns", [])) + r")(?!\w)",
                                                     self.sent[m.num_end:], re.IGNORECASE):
            return True  # "reached 9 towns (from the dam to the coast) over a 48-hour period": the span they are counted in
        if window.group(1) and re.match(r"[^,;:(—.]{0,60}?\d", self.sent[m.end:]):
            return True  # "put the toll over a three-week period at 1,240": a figure after, in its clause
        num = self.toks_in(m.num_start, m.num_end)
        verb = governing_verb(self.ex.parse, num[-1], self.lo, self.hi, self.ex.heads) if num and self.ex.heads else None
        perfect = set(cues.get("perfect_auxiliaries", []))
        if verb is not None and any(self.tokens[k].head == verb and self.tokens[k].dep == "aux" and self.tokens[k].lemma
                                    in perfect for k in range(max(self.lo, verb - 4), verb)):
            return True  # "everything the treaty has achieved in five decades": what accrued over the span
        first = set(cues.get("first_words", []))
        toks = self.tokens
        span = toks[num[-1]].head if num and toks[num[-1]].dep.startswith("nummod") and self.lo <= toks[
            num[-1]].head < self.hi else None
        owner = toks[span].head if span is not None and toks[span].dep in ("obl", "nmod") else None

        def measured_over(k: int) -> bool:  # by a UD parse an adjective's span hangs from it or from its noun:
            # «вторая отставка за два дня», «стала второй за два дня»; not «Вторая бригада работала в течение
            # пяти дней», where the span is the verb's
            if not ("Degree=Sup" in toks[k].feats or toks[k].lemma in first or toks[k].text.lower() in first):
                return False
            return owner is None or toks[k].pos != "ADJ" or k == owner or (toks[k].head == owner and toks[k].dep == "amod")
        return any(measured_over(k) for k in range(
            self.lo, self.toks_in(m.start, m.end)[0] if self.toks_in(m.start, m.end) else self.lo))

    def _span_of_act(self, m: NumberMention, before: str, previous: list[_Cand]) -> bool:
        """«Протягом останніх двох місяців він заперечував результат», "for the past two months": after a preposition
        of how long (`duration_prepositions`) the last months are how long the clause's act went on, when no other
        figure in the clause is counted over them («протягом наступних 12 місяців 40% очікують…» stays a window)."""
        lead = self.lex.cues.get("duration_prepositions", [])
        if not lead or not re.search(r"(?:^|\W)(?:" + alternation(lead) + r")\s*$", before, re.IGNORECASE):
            return False
        if any(p.m.end <= m.start and not re.search(r"[,;:(—]", self.sent[p.m.end:m.start]) for p in previous):
            return False
        rest = re.match(r"[^,;:(—.]*", self.sent[m.end:]).group(0)
        return not find_numbers(rest)

    def _glued_unit(self, after: str) -> bool:
        word = re.match(r"[^\W\d_]+", after)
        if not word:
            return False
        w = word.group(0).lower()
        from storylens.annotate.numbers import tables as number_tables

        return (w in self.lex.measurements or w in self.lex.glued_units or w in self.lex.percent or w in self.lex.currencies
                or w in number_tables().abbreviations)

    def _in_name(self, m: NumberMention) -> bool:
        """A number that is part of a name: inside a named entity ("France 2", "Apollo 11"), or right after
        a capitalised name with nothing counted after it."""
        A, B = self.s_start + m.num_start, self.s_start + m.num_end
        for e in self.ents:
            if e.start < A < e.end or e.start < B - 1 < e.end - 1:
                if e.label in ("ORG", "MISC", "EVENT", "PER") and e.start < A:
                    return True
        before = self.sent[max(0, m.start - 30):m.start]
        cap = re.search(r"([A-ZА-ЯЁІЇЄҐ][\w’'-]*)\s$", before)
        if cap and not m.hedge and not m.currency_prefix and not m.words:
            word_start = m.start - len(cap.group(0))
            after = self.sent[m.end:m.end + 20]
            followed = re.match(r"^[\s,;:.!?)\"”»]*$|^\s+(?:[a-zа-яёіїєґ]+ed|is|was|has|said|reported|and)\b", after)
            named = any(e.start <= self.s_start + word_start < e.end for e in self.ents)
            if followed and named:  # "France 2 reported", "Channel 4 said"
                return True
            kinds = alternation(self.lex.cues.get("name_kinds", []))
            if kinds and self.sent[:word_start].strip() and re.match(
                    r"\s+(?:[A-ZА-ЯЁІЇЄҐ][\w-]*\s+){0,2}(?i:" + kinds + r")(?!\w)", self.sent[m.end:m.end + 40]):
                return True  # "the Metro 7 radio station": the number names a channel or outlet
            year = re.fullmatch(r"(?:1[89]|20)\d\d", m.raw.strip()) is not None
            months = self.lex.cues.get("months", {})
            if year and self.sent[:word_start].strip() and cap.group(1).lower() not in months and re.match(
                    r"^\s*(?:[,;)\]|]|$)", after):  # "…, Выборы 2019, …", "tags: Elections 2019": a label
                return True
        if m.words and m.hedge is None and m.raw[:1].isupper() and self.sent[:m.start].strip():
            # "leaders of the Group of Twenty economies": a capitalised number word after a capitalised
            # word (and a short link word) in running text, not a title-case headline
            if re.search(r"[A-ZА-ЯЁІЇЄҐ][\w’'-]*\s+(?:[a-zа-яёіїєґ]{1,3}\s+)?$", before) and not re.match(
                    r"^[\s-]*[A-ZА-ЯЁІЇЄҐ]", self.sent[m.end:]):
                return True
        return False

    # --- dates -------------------------------------------------------------------------------------------

    def _date(self, m: NumberMention, cand: _Cand) -> bool | None:
        """True: a date of an event (a claim of kind ``date``); False: a date or year that is not a claim;
        None: not a date."""
        A, B = self.s_start + m.num_start, self.s_start + m.num_end
        hit = next((d for d in self.dates if d.start <= A < d.end or d.start < B <= d.end), None)
        raw = m.raw.strip()
        is_year = (bool(re.fullmatch(r"\d{4}", raw)) and 1000 <= (m.figure or 0) <= 2100 and not m.has_scale
                   and not m.currency_prefix)
        year_span = m.is_range and re.fullmatch(r"\d{4}\s?[-–—]\s?\d{2,4}", raw)
        if hit is not None and self._time_stamp(hit):
            return False
        if is_year and re.fullmatch(r"[\s.!?)\"”»]*", self.sent[m.end:]) and re.search(
                r"\b(?:" + alternation(self.lex.cues.get("months", {}).keys()) + r")\.?\s*,\s*\d{1,2}\s*,\s*$",
                self.sent[max(0, m.start - 20):m.start], re.IGNORECASE):
            return False  # a caption's "…, in Valdor, Sept, 14, 2023.": its time stamp, typed with commas
        if hit is None and not is_year and not year_span:
            if re.match(r"^\s*(?:" + alternation(self.lex.cues.get("months", {}).keys()) + r")\b", self.sent[m.end:m.end + 12],
                        re.IGNORECASE) and (m.figure or 0) <= 31 and not m.words:
                hit = DateMention(A, B, raw)  # "25 і 26 липня": days of a month the date reader left
            else:
                return None
        if m.hedge_kind and not year_span and hit is None:
            return None
        if is_year and (hit is None and self._counted_thing_follows(m) or self._whole(self.toks_in(
                m.num_start, m.num_end)) and not self._unit_after(m, None)):
            return None  # "1743 people": a count; «25 із 1600 учасників»: the whole of a part
        unit = self._unit_after(m, None)
        if is_year and hit is None and not (unit and unit[0] == "time" and unit[1] == "year") and (
                self._amount_of_change(m, cand)):
            return None  # «зросла на 1200 за добу», «кількість їх досягла 1009»: an amount, not a year
        if unit and unit[0] == "time" and unit[1] == "year" and (is_year or year_span):
            unit = ("year_word", unit[1], unit[2])  # "в 1986 году", "у 2010 році"
        if unit and unit[0] != "year_word":
            return None if not (hit and hit.start <= A) else False
        if not is_year and not year_span:
            return False  # a day of a month: dates an event only together with its year
        cues = self.lex.cues
        if re.search(r"(?:^|\W)(?:" + alternation(cues.get("date_bounds", [])) + r")\s+(?:(?:(?:" + alternation(cues.get("articles", []))
                     + r")\s+)?(?:" + alternation(cues.get("date_parts", [])) + r")\s+(?:(?:" + alternation(cues.get("partitive", []))
                     + r")\s+)?)?(?:(?:" + alternation(cues.get("months", {}).keys()) + r")\.?\s+(?:\d{1,2},?\s+)?)?$",
                     self.sent[max(0, m.start - 40):m.start] + " ", re.IGNORECASE):
            return False  # "long before 2022", "until the end of October 2017": a bound, not the date of an event
        if self._period_end(m):
            return False  # "from 1995 through 2004": the ends of a period
        if year_span and re.search(r"(?:^|\W)(?:" + alternation(cues.get("period_nouns", [])) + r")\s*$",
                                   self.sent[max(0, m.start - 20):m.start], re.IGNORECASE):
            return False  # "over the period 2015-2017", «за період 2015-2017 років»: a window, dating nothing
        if self._earlier_value_date(m):
            return False  # "up from 11.7 percent in January 1997": when the earlier value held, not an event
        # a year: a claim when it dates an event of the clause ("was adopted in 1986", "в 2011 году ее приговорили")
        num_toks = self.toks_in(m.num_start, m.num_end)
        if not num_toks:
            return False
        verb = governing_verb(self.ex.parse, num_toks[-1], self.lo, self.hi, self.ex.heads, self.relative, self.others)
        verb = self._participle_before(num_toks[0]) or verb  # «книгу, опубликованную в 2012 году»: the book's
        if verb is None:
            return False
        if not self._event_verb(verb):
            return False
        if self.tokens[verb].lemma in cues.get("change_verbs", []) and re.search(
                r"(?:^|\W)(?:" + alternation(cues.get("since_words", [])) + r")\s+(?:(?:" + alternation(cues.get("months", {}).keys())
                + r")\.?\s+)?$", self.sent[max(0, m.start - 16):m.start], re.IGNORECASE):
            return False  # "has dropped by half since 1960": the baseline of a change, not the date of an event
        cand.kind = "date"
        cand.verb = verb
        cand.unit = "year"
        noun = self._named_event(num_toks[0]) or self._dated_noun(num_toks[-1])
        if noun is not None:  # "the 1986 disaster", "a fire in May 1871", «наводнение 1998 года»: the noun's date
            cand.measure = f"date: {noun}"
            cand.noun_lemma = noun
            cand.date_value = raw[:4]
            return True
        noun = self._related_event(verb, num_toks[0])
        if noun is not None:  # "celebrates … in commemoration of the Declaration of Independence in 1991"
            cand.measure = f"date: {noun}"
            cand.noun_lemma = noun
            cand.date_value = raw[:4]
            return True
        subj = self._subject_of(verb)
        # what the date is of: the event and the thing it happened to ("the law was adopted in 1986": "law adopt"),
        # so that the date one thing was sentenced and the date it was freed never meet in a group
        event = self._date_event(verb, m)
        cand.measure = f"date: {subj} {event}" if subj else f"date: {event}"
        cand.noun_lemma = subj
        cand.date_value = raw[:4]
        return True

    def _related_event(self, verb: int, year: int) -> str | None:
        """The event a verb that only relates to another event dates (`relating_verbs`: "foreshadowed a takeover of
        Congress in 2006", "commemorates the Declaration of Independence in 1991"): the noun phrase right before
        the year's preposition, by the lowest noun with an "of" complement on its chain ("takeover", "declaration"),
        else that noun itself. None for any other verb, or when no common noun or name stands there."""
        toks = self.tokens
        if not self.ex.heads or toks[verb].lemma not in set(self.lex.cues.get("relating_verbs", [])):
            return None
        months = {w.lower() for w in self.lex.cues.get("months", {})}
        k = year - 1
        while k > self.lo and toks[k].text.lower().rstrip(".") in months:
            k -= 1
        if k <= self.lo or toks[k].pos != "ADP" or not is_noun(toks[k - 1]):
            return None
        part = set(self.lex.cues.get("partitive", []))
        chain = [k - 1]
        while toks[chain[-1]].dep == "pobj" and self.lo <= toks[chain[-1]].head < self.hi:
            of = toks[chain[-1]].head
            if toks[of].text.lower() not in part or not is_noun(toks[toks[of].head]):
                break
            chain.append(toks[of].head)
        noun = chain[1] if len(chain) > 1 else chain[0]
        return None if toks[noun].pos == "PROPN" and len(chain) == 1 else toks[noun].lemma.lower()

    def _named_event(self, year: int) -> str | None:
        """ "could trigger a catastrophe on the scale of the Chernobyl disaster in 1986", «после Чернобыльской аварии в
        1986 году»: a year right after an event noun (``event_nouns``) that a name qualifies, or after a name an
        event noun heads ("losses tied to Hurricane Delia in 2011", «ураган Делия в 2011 году»), dates that named
        event, whatever verb governs the clause; not "convicted of murder in 2010" (no name: the verb's date)."""
        toks = self.tokens
        months = {w.lower() for w in self.lex.cues.get("months", {})}
        events = set(self.lex.cues.get("event_nouns", []))
        k = year - 1
        while k > self.lo and toks[k].text.lower().rstrip(".") in months:
            k -= 1
        if k - 1 <= self.lo or toks[k].pos != "ADP":
            return None
        j = k - 1
        while j > max(self.lo, k - 4) and toks[j].text[:1].isupper() and toks[j].pos in ("PROPN", "NOUN"):
            j -= 1
        j = j + 1 if j + 1 < k - 1 and toks[j + 1].lemma.lower() in events else j  # "Hurricane Delia", «ураган Делия»
        if j < k - 1 and toks[j].lemma.lower() in events:
            return " ".join([toks[j].lemma.lower()] + [toks[i].text.lower() for i in range(j + 1, k)])
        if toks[k - 1].lemma not in events:
            return None
        names = []
        for j in range(k - 2, max(self.lo, k - 5) - 1, -1):
            if not (toks[j].text[:1].isupper() and toks[j].pos in ("PROPN", "ADJ", "NOUN")):
                break
            names.insert(0, toks[j].lemma.lower())
        return " ".join(names + [toks[k - 1].lemma]) if names else None

    def _participle_before(self, i: int) -> int | None:
        """A participle right before a year's preposition (and month) dates its own event, whatever the parse
        attached the year to: «книгу, опубликованную в 2012 году, включила текст письма, отправленного …»."""
        months = {w.lower() for w in self.lex.cues.get("months", {})}
        k = i - 1
        while k >= max(self.lo, i - 4) and (self.tokens[k].pos == "ADP" or self.tokens[k].text.lower() in months):
            k -= 1
        if k >= self.lo and k < i - 1 and self.tokens[k].pos == "VERB" and "VerbForm=Part" in self.tokens[k].feats:
            return k
        return self._participle_phrase_of(i) if k < i - 1 else None

    def _participle_phrase_of(self, i: int) -> int | None:
        """The participle whose phrase, set off by a comma, runs on to the year at ``i`` and closes with it («…
        пенсионерку, осужденную к штрафу за оскорбление судьи ещё в 2012 году.»): the year dates the participle's
        event, wherever the parse hung it (often from the main verb). Nothing between them may be punctuation or a
        finite verb, and the phrase must end at the year's noun (the sentence's end or a comma)."""
        toks = self.tokens
        j = i + 1
        while j < self.hi and toks[j].pos not in ("PUNCT",) and j <= i + 2:
            j += 1  # the year's noun («году»)
        if j < self.hi and toks[j].pos != "PUNCT":
            return None
        for k in range(i - 1, max(self.lo, i - 12) - 1, -1):
            t = toks[k]
            if t.pos == "PUNCT" or (t.pos in ("VERB", "AUX") and "VerbForm=Part" not in t.feats):
                return None
            if t.pos == "VERB" and "VerbForm=Part" in t.feats and t.dep in ("acl", "amod") and k - 1 >= self.lo and (
                    toks[k - 1].text == ","):
                return k if self._event_verb(k) else None  # (not "the law, known as the Act of 1920": no event)
        return None

    def _agrees(self, noun: int, word: int) -> bool:
        """Whether a noun and a participle agree in case, number and (in the singular) gender; True when the
        parse gives no case (English)."""
        a, b = self.tokens[noun].feats, self.tokens[word].feats
        if "Case=" not in b:
            return True
        keys = ("Case", "Number") + (("Gender",) if "Number=Sing" in b else ())
        feats = [dict(f.split("=", 1) for f in x.split("|") if "=" in f) for x in (a, b)]
        return all(feats[0].get(key) == feats[1].get(key) for key in keys)

    def _agreeing_noun(self, word: int) -> int | None:
        """The nearest noun before a participle that agrees with it (a misattached participle's noun)."""
        return next((j for j in range(word - 1, max(self.lo, word - 12) - 1, -1)
                     if self.tokens[j].pos == "NOUN" and self._agrees(j, word)), None)

    def _amount_of_change(self, m: NumberMention, cand: _Cand) -> bool:
        """A bare four-digit figure right after a verb of change and its preposition of amount («зросла на 1200»,
        "rose by 1200": ``change_by``) or right after a verb of level or change ("reached 1009", «досягла 1009»:
        ``level_verbs``, ``change_verbs``, not a copula) is how much, never a year: a year there would need a year's
        word, a month or a preposition of time. A preposition that also sets a deadline (``deadline_prepositions``:
        "cut by 2030") keeps a year of the next or last centuries one."""
        cues = self.lex.cues
        if cand.change == "change by":
            word = re.search(r"([^\W\d_]+)\s*$", self.sent[:m.num_start])
            deadline = bool(word) and word.group(1).lower() in cues.get("deadline_prepositions", [])
            return not (deadline and 1900 <= (m.figure or 0) <= 2100)
        first = self._token_from(m.start)
        k = (first if first is not None else self.hi) - 1
        while k >= self.lo and self.tokens[k].pos in ("ADV", "PART") and self.tokens[k].text.isalpha():
            k -= 1  # «досягла вже 1009», "reached nearly 2000"
        if k < self.lo or self.tokens[k].pos not in ("VERB", "AUX"):
            return False
        lemma = self.tokens[k].lemma
        return lemma in {*cues.get("level_verbs", []), *cues.get("change_verbs", [])} and (
            lemma not in cues.get("light_verbs", []))

    def _earlier_value_date(self, m: NumberMention) -> bool:
        """The year dates the earlier value of a change ("up from 11.7 percent in January 1997", «с 6,2% в марте
        2009 года»): a "from" word and a figure before it in its clause, with no other figure between."""
        froms = alternation(self.lex.cues.get("from_words", []))
        return re.search(r"(?:^|\W)(?:" + froms + r")\s+(?:[^\W\d]+\s+){0,2}[$€£]?\d[\d.,]*[^,;:\d]{0,40}$",
                         self.sent[max(0, m.start - 70):m.start], re.IGNORECASE) is not None

    def _period_end(self, m: NumberMention) -> bool:
        """The year opens or closes a period of years: "from 1995 through 2004", «с 1995 по 2004 год»."""
        cues = self.lex.cues
        froms, joiners = alternation(cues.get("from_words", [])), alternation(cues.get("period_joiners", []))
        opens = (re.search(r"(?:^|\W)(?:" + froms + r")\s+$", self.sent[max(0, m.start - 12):m.start], re.IGNORECASE)
                 and re.match(r"\s+(?:" + joiners + r")\s+\d{4}(?!\d)", self.sent[m.end:m.end + 16], re.IGNORECASE))
        closes = re.search(r"(?:^|\W)(?:" + froms + r")\s+\d{4}\s+(?:" + joiners + r")\s+$",
                           self.sent[max(0, m.start - 30):m.start], re.IGNORECASE)
        return bool(opens or closes)

    def _dated_noun(self, i: int) -> str | None:
        """The noun a year modifies, with the names before it ("the 1986 Chernobyl incident", "the Chernobyl
        disaster in April 1986", «пожар в мае 1871 года»): the date is that event's, not the clause's verb's.
        Walks up from the year past months, year words and prepositions; None when a verb comes first. Without a
        parse, the genitive singular noun right after the year's genitive word («авто 2013 року випуску», «чоловік
        1985 року народження»): a thing's or person's year of that event."""
        if not self.ex.heads:
            t = self.tokens
            if i + 2 < self.hi and t[i + 1].text.lower() in self.lex.cues.get("year_genitives", []) and (
                    t[i + 2].pos == "NOUN" and "Number=Plur" not in t[i + 2].feats and t[i + 2].text[:1].islower() and (
                        "Case=Gen" in t[i + 2].feats or _has_case(self.code, t[i + 2].text.lower(), ("gent",)))):
                return t[i + 2].lemma.lower()
            return None
        skip = {w.lower() for w in self.lex.cues.get("months", {})} | {
            w.lower() for w in self.lex.cues.get("year_words", []) + self.lex.cues.get("date_parts", [])}
        t = self.tokens
        if i + 2 < self.hi and t[i + 1].text == "," and t[i + 2].pos == "NOUN" and any(
                t[k].text.lower() in self.lex.cues.get("articles", []) and t[k + 1].text.lower().rstrip(".") in skip
                for k in range(max(self.lo, i - 5), i)):
            return t[i + 2].lemma.lower()  # "the March 3, 1994, explosion": a full date as a modifier
        k = i
        for _ in range(4):
            h = self.tokens[k].head
            if h < 0 or h == k or not (self.lo <= h < self.hi):
                return None
            head = self.tokens[h]
            after = self.tokens[h + 1] if h + 1 < self.hi else None
            if after is not None and after.head == h and after.dep == "nmod" and after.pos == "NOUN" and (
                    "Case=Gen" in after.feats) and head.lemma.lower() in self.lex.cues.get("year_words", []):
                return after.lemma.lower()  # «1994 года рождения», «дом 1950 года постройки»: the year's own event
            if head.pos == "ADP" or head.lemma.lower().rstrip(".") in skip or head.text.lower().rstrip(".") in skip:
                k = h
                continue
            if head.pos not in ("NOUN", "PROPN") or self.tokens[k].dep in ("appos", "conj"):
                return None
            names = [t.lemma.lower() for t in self.tokens[max(self.lo, h - 4):h]
                     if t.head == h and t.pos == "PROPN" and t.dep in ("compound", "nmod", "amod", "flat")]
            return " ".join(names + [head.lemma.lower()])
        return None

    def _date_event(self, verb: int, m: NumberMention) -> str:
        """The event a year dates, by its canonical name where the language data has one ("adopted in 1986" and
        "действующему с 1985 года" both date a law's enactment), else the verb's lemma."""
        lemma = self.tokens[verb].lemma
        since = re.search(r"(?:^|\W)(?:" + alternation(self.lex.cues.get("since_words", [])) + r")\s*$",
                          self.sent[max(0, m.start - 8):m.start], re.IGNORECASE)
        for name, spec in self.lex.cues.get("date_events", {}).items():
            if not name.startswith("_") and (lemma in spec.get("verbs", []) or (
                    since and lemma in spec.get("since_verbs", []))):
                return name
        return lemma

    def _time_stamp(self, hit: DateMention) -> bool:
        """A caption's or dateline's time stamp, not the date of an event: a weekday beside the date
        ("…, Monday, Aug. 29, 2022."), or a full date closing the sentence after a comma ("…, Kyiv, March 3, 2022.",
        "…, in Mariupol, on June 13, 2022.")."""
        weekday = r"\b(?:" + alternation(self.lex.cues.get("weekdays", {})) + r")\b"
        if re.search(weekday, self.ex.text[max(0, hit.start - 14):hit.end], re.IGNORECASE):
            return True
        closes = re.fullmatch(r"[\s.!?)\"”»]*", self.ex.text[hit.end:self.s_end])
        full = bool(hit.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", hit.value))
        if re.search(r"@\w+\)?\s*[—–-]?\s*$", self.ex.text[max(0, hit.start - 30):hit.start]):
            return True  # a post's time stamp after its author's handle: "— Name (@name) October 25, 2017"
        k = self.ex.parse.at(hit.start)
        nouns = set(self.lex.cues.get("caption_nouns", []))
        if k is not None and any(self.tokens[j].lemma in nouns for j in range(max(self.lo, k - 10), k)):
            return True  # "In this photo released by the ministry on July 22, 2022"
        lead = r",\s*(?:(?:" + alternation(self.lex.cues.get("caption_prepositions", [])) + r")\s+)?$"
        return full and closes is not None and re.search(lead, self.ex.text[max(0, hit.start - 8):hit.start],
                                                         re.IGNORECASE) is not None

    def _counted_thing_follows(self, m: NumberMention) -> bool:
        i = self._token_from(m.num_end)
        for j in range(i if i is not None else self.hi, min(self.hi, (i or 0) + 3)):
            t = self.tokens[j]
            if is_modifier(t) and not is_noun(t):
                continue
            # a known thing, or a noun in the genitive plural ("1194 умерших", "1743 затриманих"): a year is
            # followed by a singular ("1986 года")
            return is_noun(t) and (thing_at(self.lex, self.tokens, j)[0] is not None
                                   or ("Case=Gen" in t.feats and "Number=Plur" in t.feats))
        return False

    def _event_verb(self, verb: int) -> bool:
        t = self.tokens[verb]
        return t.pos == "VERB" and t.lemma not in set(self.lex.cues.get("light_verbs", []))

    def _subject_of(self, verb: int, exclude: int | None = None) -> str | None:
        """The noun an event is about: the subject or object of its verb (never ``exclude``, a span's own time
        word), or the noun a participle qualifies ("по закону, действующему с 1985 года"; "its invasion, now
        nearing its sixth month")."""
        t = self.tokens[verb]
        if t.dep in ("amod", "acl") and 0 <= t.head and is_noun(self.tokens[t.head]):
            k = t.head if self._agrees(t.head, verb) else (self._agreeing_noun(verb) or t.head)
            while self.tokens[k].dep == "nmod" and 0 <= self.tokens[k].head and is_noun(self.tokens[self.tokens[k].head]):
                k = self.tokens[k].head  # "по закону о богохульстве, действующему с 1985 года": the law
            return self.tokens[k].lemma
        for i in range(max(self.lo, verb - 12), min(self.hi, verb + 12)):
            t = self.tokens[i]
            if t.head == verb and (t.dep.startswith("nsubj") or t.dep in ("obj", "dobj")) and is_noun(t) and i != exclude:
                return t.lemma
            head = self.tokens[verb].head
            if (t.head == verb and t.dep.startswith("nsubj") and t.lemma in self.relative
                    and self.tokens[verb].dep in ("relcl", "acl:relcl") and 0 <= head and is_noun(self.tokens[head])):
                return self.tokens[head].lemma  # "the blockade, which reached its 40th day": the blockade
        v = self.tokens[verb]
        if self.ex.heads and v.dep == "advcl" and "VerbForm=Part" in v.feats and verb - 2 >= self.lo and (
                self.tokens[verb - 1].text == "," or self.tokens[verb - 1].pos == "ADV" and self.tokens[verb - 2].text == ","):
            comma = verb - 1 if self.tokens[verb - 1].text == "," else verb - 2
            noun = next((k for k in range(comma - 1, max(self.lo, comma - 5) - 1, -1) if is_noun(self.tokens[k])), None)
            while noun is not None and self.tokens[noun].dep == "pobj" and 0 <= self.tokens[noun].head < noun and (
                    self.tokens[self.tokens[noun].head].text.lower() in self.lex.cues.get("partitive", [])):
                of = self.tokens[noun].head
                noun = self.tokens[of].head if 0 <= self.tokens[of].head < of and is_noun(self.tokens[self.tokens[of].head]) \
                    else None  # "the blockade of the port, now nearing…": the blockade
            if noun is not None and self.tokens[noun].pos != "PROPN":  # "the siege of the port, now nearing its
                return self.tokens[noun].lemma  # third month": the noun the participle follows
        if not self.ex.heads:  # the clause's subject («що перехідний період … з ЄС … триватиме»: період, not ЄС), else
            # the nearest noun before the verb, a nominative first («протести у X та інших містах тривають»)
            months = self.lex.cues.get("months", {})
            subject = self._clause_subject(self._clause_start(verb), verb)
            if subject is not None and subject != exclude:
                return self._dimension_owner(subject)  # («обсяг допомоги збільшився»: the aid's)
            nouns = [i for i in range(verb - 1, max(self.lo, verb - 12) - 1, -1) if is_noun(self.tokens[i]) and (
                self.tokens[i].lemma not in self.lex.time and self.tokens[i].lemma not in months)]  # (not «з червня
            # 2015 року числиться»: a time is no subject)
            nominative = [i for i in nouns if "Case=Nom" in self.tokens[i].feats]
            subject = next((i for i in nominative if self.tokens[i].pos == "NOUN"), nominative[0] if nominative else None)
            if subject is None and nouns and nouns[0] >= verb - 5:
                subject = nouns[0]
            return self.tokens[subject].lemma if subject is not None else None
        return None

    # --- ordinals ------------------------------------------------------------------------------------------

    def _every_follows(self, m: NumberMention) -> bool:
        ones = set(self.lex.cues.get("one_words", [])) | {"1"}
        words = [w for w in self.lex.cues.get("every", []) if w.split()[0] in ones]
        tails = [w.split(" ", 1)[1] for w in words if " " in w]
        return bool(re.match(r"\s+(?:" + alternation(tails) + r")\s", self.sent[m.end:m.end + 12], re.IGNORECASE))

    def _every(self, m: NumberMention) -> bool:
        before = self.sent[max(0, m.start - 14):m.start].lower()
        return bool(re.search(r"(?:" + alternation(self.lex.cues.get("every", [])) + r")\s*$", before))

    def _ordinal(self, m: NumberMention, cand: _Cand, after_i: int | None) -> _Cand | None:
        """Ordinals are claims only as a running time ("the protests entered their third week", "второй день
        продолжаются протесты") or as a ratio ("каждый 20-й пакистанец": one in 20)."""
        before = self.sent[max(0, m.start - 14):m.start].lower()
        if re.search(r"(?:" + alternation(self.lex.cues.get("every", [])) + r")\s*$", before):
            cand.kind, cand.measure, cand.unit = "ratio", "one in", "1/N"
            self._counted(m, cand, after_i, self.toks_in(m.num_start, m.num_end))
            if cand.noun_lemma:
                act = self._one_in_act(cand.noun) if cand.noun is not None and self.ex.heads else None
                cand.measure = f"one in: {cand.noun_lemma}" + (f" {act}" if act else "")
            return cand
        if after_i is None or after_i >= self.hi:
            return None
        t = self.tokens[after_i]
        unit = self.lex.time.get(t.lemma) or self.lex.time.get(t.text.lower())
        if unit is None or unit in ("second", "minute", "century"):
            return None  # (an ordinal century names a period: "in the 19th or 20th centuries", «в 20-м веке»)
        if unit == "year" and (m.value or 0) >= 1000:
            return None  # «2012-го року», «в 2012-м году»: a year named by its ordinal, not the 2012th year running
        if re.search(r"(?:^|\W)(?:" + alternation(self.lex.cues.get("point_prepositions", [])) + r")\s+(?:(?:"
                     + alternation(self.lex.cues.get("articles", [])) + r")\s+)?$", before):
            return None  # "on the first day of the invasion", «в первый день»: when, not how long
        cand.kind, cand.unit, cand.unit_end = "duration", unit, t.end - self.s_start
        # "the third day": between two and three days have gone by
        m.value, m.lo, m.hi = None, (m.value or 1) - 1, m.value
        # "второй день продолжаются протесты", "the protests entered their third week": how long the subject has
        # been running, not the day itself
        verb = governing_verb(self.ex.parse, after_i, self.lo, self.hi, self.ex.heads, self.relative, self.others)
        subject = self._of_noun(after_i) or self._owner(after_i)  # "the sixth month of the blockade", "the siege's
        # 90th day": the blockade's, the siege's, whatever the verb
        if subject is None and verb is not None:
            subject = self._subject_of(verb, exclude=after_i)
        if subject is None and after_i + 1 < self.hi and is_noun(self.tokens[after_i + 1]):
            subject = self.tokens[after_i + 1].lemma  # «второй день протестов»
        cand.measure = f"duration: {subject}" if subject else self._duration_measure(after_i, cand)
        return cand

    def _one_in_act(self, noun: int) -> str | None:
        """What the one in N did or what was done every N units, by the verb the whole's noun (or the time
        noun) hangs from in its own clause ("one in five children died" → die, "held every four years" → hold, «каждый 10-й
        житель готов уехать» → готовый уехать), with "not" when negated: a one-in-N named after its whole alone
        groups every ratio of that whole. None for light and reporting verbs and what may happen."""
        toks = self.tokens
        verb = governing_verb(self.ex.parse, noun, self.lo, self.hi, self.ex.heads, self.relative, self.others)
        if verb is None or self._hypothetical_verb(verb) or any(
                toks[k].pos == "PUNCT" for k in range(min(verb, noun) + 1, max(verb, noun))):
            return None  # (not a verb past a colon or a comma: «опросы показали: каждый 20-й …»)
        none = set(self.lex.cues.get("light_verbs", [])) | set(self.lex.cues.get("no_predicate_verbs", []))
        t = toks[verb]
        then = next((k for k in range(verb + 1, min(self.hi, verb + 5)) if toks[k].head == verb
                     and toks[k].dep == "xcomp" and toks[k].pos == "VERB"), None)
        if t.pos == "ADJ" and then is not None:  # "ready to leave", «готов уехать»
            act = f"{t.lemma} {toks[then].lemma}"
        elif t.pos != "VERB" or t.lemma in none:
            return None
        else:
            act = t.lemma
        return f"not {act}" if self._negated_verb(verb) else act

    def _owner(self, i: int) -> str | None:
        """The noun that owns token ``i`` by a possessive ("the siege's 90th day"), by the parse; not a pronoun."""
        for k in range(max(self.lo, i - 5), i):
            t = self.tokens[k]
            if t.head == i and t.dep in ("poss", "nmod:poss") and is_noun(t) and t.pos != "PROPN":
                return t.lemma
        return None

    def _of_noun(self, i: int) -> str | None:
        """The noun after "of" (past articles and adjectives) that follows token ``i``, if any."""
        toks = self.tokens
        k = i + 1
        if k >= self.hi or toks[k].text.lower() not in self.lex.cues.get("partitive", []):
            return None
        k += 1
        while k < self.hi and (toks[k].pos == "DET" or (is_modifier(toks[k]) and not is_noun(toks[k]))):
            k += 1
        return toks[k].lemma if k < self.hi and is_noun(toks[k]) and toks[k].pos != "PROPN" else None

    # --- kind and unit -------------------------------------------------------------------------------------

    def _unit_after(self, m: NumberMention, after_i: int | None) -> tuple[str, str, int] | None:
        """(kind, unit, end) from the words right after the number (or glued to it)."""
        sent = self.sent
        rest = sent[m.end:m.end + 40]
        lex = self.lex
        glued = re.match(r"^[-\s]?([^\W\d_]+|%|[$€£₽₴₸])", rest)
        low = rest.lower()
        # multi-word units first: "per cent", "square kilometres", "metric tons", and abbreviations a dot joins («кв.м»)
        for table, kind in ((lex.percent, "percent"), (lex.measurements, "measurement"), (lex.currencies, "money")):
            for key in sorted((k for k in table if not k.isalpha()), key=len, reverse=True):
                mm = re.match(r"^[\s-]?" + re.escape(key) + r"(?![\w])", low)
                if mm:
                    return kind, self._unit_name(kind, key), m.end + mm.end()
        if glued:
            word = glued.group(1).lower()
            end = m.end + glued.end()
            lemma = self._lemma_at(m.end + glued.start(1))
            if glued.start(1) == 0 and word in lex.glued_units:
                word = lemma = lex.glued_units[word]  # "30in": inches, where "30 in" is a preposition
            keys = [k for k in (word, lemma) if k]
            for key in keys:
                if key in lex.percent:
                    return "percent", "%", end
                if key in lex.currencies:
                    return "money", lex.currencies[key], end
                if key in lex.measurements:
                    base, factor = lex.measurements[key]
                    return "measurement", base if factor == 1 else key, end
            for key in keys:
                if key in lex.time:
                    return "time", lex.time[key], end
                if key in lex.ratio:
                    return "ratio", "×", end
            stems = lex.cues.get("time_adjective_stems", {})
            inside = glued.start(1) == 0 and m.words and sent[m.end - 1:m.end].isalpha()  # «п'яти|годинного»: a
            # number word's stem glued to its unit's adjective
            stem = next((x for x in stems if (glued.start(1) == 1 or inside) and word.startswith(x)), None)
            if stem:  # «30-дневное перемирие», «10-денний термін»: a span, as "a 30-day truce"
                return "time", stems[stem], end
            if any(key in set(lex.cues.get("year_words", [])) for key in keys):
                return "year_word", word, end
        of = re.match(r"^\s+(?:" + alternation(lex.cues.get("partitive", [])) + r")\s+([^\W\d_]+)", rest, re.IGNORECASE)
        if of and m.words and of.group(1).lower() in lex.currencies:  # "billions of dollars": a sum
            return "money", lex.currencies[of.group(1).lower()], m.end + of.end()
        more = re.match(r"^\s+(?:" + alternation(lex.cues.get("unit_increments", [])) + r")(?=\s)", rest, re.IGNORECASE) if (
            lex.cues.get("unit_increments")) else None
        if more:  # "12 more inches of rain": the unit past the word that says the amount is added
            unit = self._unit_after(replace(m, end=m.end + more.end()), None)
            return unit if unit and unit[0] in ("measurement", "money", "percent") else None
        return None

    def _unit_name(self, kind: str, key: str) -> str:
        if kind == "percent":
            return "%"
        if kind == "money":
            return self.lex.currencies[key]
        return key

    def _lemma_at(self, rel: int) -> str | None:
        i = self.ex.parse.at(self.s_start + rel)
        return self.tokens[i].lemma if i is not None else None

    def _kind(self, m: NumberMention, cand: _Cand, after_i: int | None, previous: list[_Cand]) -> bool:
        sent = self.sent
        lex = self.lex
        if m.form == "fraction":
            nxt = self._token_from(m.end)
            t = self.tokens[nxt] if nxt is not None and nxt < self.hi else None
            if t is not None and (t.pos in ("ADJ", "NOUN") and t.text.lower() not in self.lex.cues.get("partitive", [])
                                  and "Case=Gen" not in t.feats and not (
                                      not self.ex.heads and _has_case(self.code, t.text, ("gent",)))):
                return False  # "a fifth straight season": an ordinal, not a share (but «половина жителей»: their half)
            if re.match(r"[-‑][^\W\d_]", sent[m.end:m.end + 2]):
                return False  # "half-staff", "half-brother": a word the fraction is part of
            if self._part_of_time(nxt):
                return False  # «у першій половині січня», "the first half of 2020": a time, not a share
            cand.kind, cand.unit, cand.value_scale = "percent", "%", 100.0
            cand.unit_end = m.end
            return True
        if m.form == "multiplier":
            return self._ratio(m, cand, "times", m.end)  # "twice as many", «вдвое больше», "hit twice"
        if self._age(m, cand):
            return True
        unit = self._unit_after(m, after_i)
        if m.currency_prefix:
            cand.kind, cand.unit, cand.unit_end = "money", lex.currencies.get(m.currency_prefix.lower(), "USD"), m.end
            if unit and unit[0] == "money":
                cand.unit_end = unit[2]
            self._per_unit(cand)
            self._conversion(m, cand, previous)
            return True
        if unit is not None and unit[0] == "measurement" and self._scale_before_verb(m, unit[2]):
            unit = None  # "over 1m ordered to evacuate": a million people, not a metre
        if unit is None:
            return True  # a count: the counted noun decides
        kind, name, end = unit
        if kind == "time" and (m.figure or 0) * _DAYS.get(name, 0) > 36_500:
            cand.time_count = True  # "covered 2 million nights of shelter": no span lasts a century, a count
            return True
        cand.unit_end = end
        if kind == "time":
            after = sent[end:end + 24].lower()
            words = re.findall(r"[^\W\d_]+", after)[:2]
            if words and (words[0] in self.ago or " ".join(words) in self.ago):
                return False  # "30 years ago": places an event in time
            cand.kind, cand.unit = "duration", name
            return True
        if kind == "year_word":
            return False
        if kind == "ratio":
            return self._ratio(m, cand, name, end)
        cand.kind, cand.unit = kind, name
        if kind == "money":
            self._per_unit(cand)
        self._conversion(m, cand, previous)
        return True

    def _part_of_time(self, nxt: int | None) -> bool:
        """A fraction whose whole is a time — a month, a time unit or a year, past "of" and a determiner («першій
        половині січня», "the second half of the year", "half of 2020") — names a part of that time, no share."""
        toks, lex = self.tokens, self.lex
        k = nxt
        while k is not None and k < self.hi and (toks[k].pos == "DET" or toks[k].text.lower() in lex.cues.get(
                "partitive", [])):
            k += 1
        if k is None or k >= self.hi:
            return False
        t = toks[k]
        months = lex.cues.get("months", {})
        if re.fullmatch(r"(?:1[89]|20)\d\d", t.text):
            return True
        return is_noun(t) and (t.lemma in lex.time or t.text.lower() in lex.time or t.lemma in months
                               or t.text.lower() in months)  # (not "half of the second, Donetsk": an ordinal)

    def _ratio(self, m: NumberMention, cand: _Cand, name: str, end: int) -> bool:
        """A number of times ending at ``end`` ("three times", "twice"): a ratio after a lead, before a word of
        comparison or before a determiner and noun ("twice the size"), named by what it compares; else a count
        of occasions ("spoke three times", "was hit twice")."""
        sent = self.sent
        comparatives = alternation(self.lex.cues.get("ratio_comparatives", []))
        leads = r"(?:^|\W)(?:" + alternation(self.lex.cues.get("ratio_leads", [])) + r")\s*$"
        lead = re.search(leads, sent[max(0, m.start - 6):m.start], re.IGNORECASE) or re.search(
            leads, sent[m.start:m.num_start], re.IGNORECASE)  # «майже у три рази»: the lead after the hedge
        if not lead and not self._times_a_figure(end) and not re.match(
                r"^\W*(?:\w+\W+)?(?:" + comparatives + r")(?!\w)", sent[end:end + 30], re.IGNORECASE):
            cand.kind, cand.unit, cand.unit_end = "count", name, end  # "spoke three times": occasions
            cand.measure = "times"
            return True
        compared = self._compared(end)
        cand.kind, cand.unit, cand.measure = "ratio", "×", f"ratio: {compared}" if compared else "ratio"
        return True

    def _compared(self, end: int) -> str | None:
        """What a ratio compares, read after its "times" word (ending at ``end``): the noun after a word of
        comparison's "than" ("10 times larger than the 1979 disaster", «в 10 раз больше, чем …»: `ratio_than`), else
        the noun the comparative or "as many" counts ("four times as many tents", «в три раза больше генераторов»),
        as the lexicon names it; None when no noun follows within a few words."""
        toks, than = self.tokens, set(self.lex.cues.get("ratio_than", []))
        k = self._token_from(end)
        if k is None:
            return None
        seen_than = False
        for j in range(k, min(self.hi, k + 8)):
            t = toks[j]
            if t.text.lower() in than:
                seen_than = True
                continue
            if t.pos == "PUNCT" and not (j + 1 < self.hi and toks[j + 1].text.lower() in than):
                return None
            if is_noun(t) and not self._unit_word(t):
                while t.dep == "compound" and j + 1 < self.hi and is_noun(toks[j + 1]):
                    j, t = j + 1, toks[j + 1]  # "water filters": the compound's head
                thing = thing_at(self.lex, toks, j)[0]
                return thing.name if thing is not None else t.lemma.lower()
            if t.pos in ("VERB", "AUX") or (not seen_than and j - k > 3):
                return None
        return None

    def _scale_before_verb(self, m: NumberMention, end: int) -> bool:
        """A scale abbreviation glued to digits that is also a unit ("1m", "5k"), with no noun after it but a
        verb: a count of millions or thousands ("over 1m ordered to evacuate"), not a length. The mention is
        scaled in place."""
        from storylens.annotate.numbers import tables as number_tables

        glued = self.sent[m.end:end]
        factor = number_tables().abbreviations.get(glued.lower())
        k = self._token_from(end)
        if m.words or m.has_scale or not factor or not glued.isalpha() or k is None or k >= self.hi or (
                self.tokens[k].pos != "VERB"):
            return False
        m.value, m.lo, m.hi = (None if v is None else v * factor for v in (m.value, m.lo, m.hi))
        m.has_scale, m.end, m.num_end = True, end, end
        m.raw, m.text = self.sent[m.num_start:end], self.sent[m.start:end]
        return True

    def _times_a_figure(self, end: int) -> bool:
        """ "nearly 50 times the earlier figure", "three times its size": a multiple of another quantity (a
        determiner and a noun right after "times"), a ratio; not "three times the next day" (a time)."""
        k = self._token_from(end)
        if k is None or k >= self.hi or self.tokens[k].text.lower() not in self.lex.cues.get("ratio_determiners", []):
            return False
        k += 1
        if k < self.hi and self.tokens[k].text.lower() in self.lex.cues.get("partitive", []):
            return True  # "twice that of the last storm": a pronoun for the other quantity
        while k < self.hi and is_modifier(self.tokens[k]) and not is_noun(self.tokens[k]):
            k += 1
        return k < self.hi and is_noun(self.tokens[k]) and self.tokens[k].lemma not in self.lex.time

    def _share_of_base(self, m: NumberMention, cand: _Cand) -> bool:
        """ "six out of 10 people", «восемь из десяти жителей»: a share, N per 10, 100 or 1,000 (a round base
        says the text gives a proportion, not a count of ten)."""
        base = self._base_after(m)
        if base is None:
            return False
        cand.kind, cand.unit, cand.value_scale = "percent", "%", 100.0 / base.value
        cand.unit_end = base.end
        return True

    def _base_after(self, m: NumberMention) -> NumberMention | None:
        links = alternation(self.lex.cues.get("share_bases", []))
        if m.form != "cardinal" or m.value is None or m.is_range:
            return None
        link = re.match(r"\s+(?:" + links + r")\s+", self.sent[m.end:m.end + 12], re.IGNORECASE)
        if not link:
            return None
        after = find_numbers(self.sent[m.end + link.end():m.end + link.end() + 20])
        if not after or after[0].start != 0 or after[0].value not in (10, 100, 1000) or not 0 < m.value < after[0].value:
            return None
        return _shifted(after[0], m.end + link.end())

    def _base_of_share(self, m: NumberMention) -> bool:
        before = find_numbers(self.sent[max(0, m.start - 40):m.start])
        if not before:
            return False
        base = self._base_after(_shifted(before[-1], max(0, m.start - 40)))
        return base is not None and base.start == m.start

    def _age(self, m: NumberMention, cand: _Cand) -> bool:
        """"a 54-year-old", "aged 54", "54 years old", "Tanya, 57,", "51-летняя", "54-річна", "Асии Биби 54 года"."""
        sent, lex = self.sent, self.lex
        after = sent[m.end:m.end + 24].lower()
        before = sent[max(0, m.start - 24):m.start].lower()
        stems = tuple(lex.age_after) + tuple(lex.age_stems)
        hit = any(re.match(r"^[\s-]?-?\s?" + re.escape(s.lstrip("-")), after) for s in stems if s)
        if hit and self._span_of_thing(m, cand):
            return True  # «40-летняя история», «12-летний срок»: how long a thing lasts, no one's age
        if not hit and lex.age_before:
            hit = bool(re.search(r"(?:^|\W)(?:" + alternation(lex.age_before) + r")\s*$", before))
        if not hit and lex.age_before and not m.words and 0 < (m.figure or 0) < 120:
            # "ages range from 3 to 17", "between the ages of 3 and 17": the age word a word or two before, or
            # before the first age of the pair
            hit = bool(re.search(r"(?:^|\W)(?:" + alternation(lex.age_before) + r")\s+(?:(?:[^\W\d_]+|[—–-])\s+){0,3}(?:\d+\s+[^\W\d_]+\s+)?$",
                                 before))
        if not hit:
            prev_name = re.search(r"([^\W\d_][\w’'-]+),\s*$", sent[max(0, m.start - 40):m.start])
            before_i = self._token_before(m)
            if before_i is not None and self.tokens[before_i].text == ",":
                before_i -= 1
            nominal = before_i is not None and before_i >= self.lo and (
                is_noun(self.tokens[before_i]) or prev_name and prev_name.group(1)[:1].isupper())
            if (prev_name and nominal and re.match(r"^\s*[,)]", sent[m.end:]) and not m.hedge and not m.words
                    and m.value is not None and m.value < 120 and float(m.value).is_integer()):
                cand.kind, cand.unit, cand.measure = "age", "years", "age"
                person = self._person_near(m)
                cand.subject = person if person and prev_name.group(1) in person else prev_name.group(1)
                return True
        if not hit:
            unit = self._unit_after(m, None)
            if unit and unit[0] == "time" and unit[1] == "year":
                A = self.s_start + m.start
                near = [e for e in self.ents if e.label == "PER" and 0 <= A - e.end <= 3]
                if near and not re.match(r"^\s*\S+\s+(?:" + alternation(self.ago) + r")\b", after):
                    hit = True
        if not hit:
            return False
        cand.kind, cand.unit, cand.measure = "age", "years", "age"
        unit = self._unit_after(m, None)
        if unit and unit[0] == "time" and unit[1] in ("day", "week", "month"):
            cand.unit = f"{unit[1]}s"  # "aged 3 months", «в возрасте от 2 недель»: an infant's age, not in years
        bound = re.search(r"(?:^|\W)(?:" + alternation(lex.cues.get("age_bounds", [])) + r")\s+(?:\w+\s+)?(?:" + alternation(
            lex.age_before) + r")\s*(?:of\s+)?$", sent[max(0, m.start - 40):m.start].lower()) if lex.age_before else None
        # "died before the age of three": a statistic's bound, nobody's age
        cand.subject = None if bound else self._person_near(m)
        if cand.subject and self.ex.is_place(cand.subject):
            cand.subject = None  # "a local 49-year-old resident" after a city's name: no place's age
        return True

    def _person_near(self, m: NumberMention) -> str | None:
        """Whose age: the person the age's noun phrase names ("51-летняя католичка Асия Биби", "Liudmyla
        Shyshkina, a 74-year-old widow", "Tanya, 57,"); when it only says "a 50-year-old woman", the person the
        document names most; when it names someone else ("the 44-year-old wartime leader"), nobody."""
        A, B = self.s_start + m.start, self.s_start + m.end
        people = [e for e in self.ents if e.label == "PER" and self._proper(e)]
        for e in people:  # the phrase goes on to the name: at most three words, no comma or verb between
            between = self.text_between(B, e.start)
            if 0 <= e.start - B <= 60 and not re.search(r"[,;:.]", between[4:]) and len(between.split()) <= 6 and not any(
                    self.tokens[k].pos == "VERB" and "VerbForm=Part" not in self.tokens[k].feats
                    for k in self.ex.parse.between(B, e.start)):
                return e.text
        for e in reversed(people):  # an apposition: "Name, a 74-year-old widow"
            between = self.text_between(e.end, A)
            if 0 <= A - e.end <= 16 and re.fullmatch(r"\s*[,(]?\s*(?:\w+\s+)?", between):
                return e.text
        before = self._token_before(m)
        if before is not None and before - 1 >= self.lo and self.tokens[before].text == "," and self.tokens[
                before - 1].pos == "PROPN" and "Animacy=Anim" in self.tokens[before - 1].feats and not people:
            return self.tokens[before - 1].text  # «Трамп, 70-летний магнат»: a person's name the recogniser missed
        if before is not None and self.tokens[before].text.lower() in self.lex.cues.get("indefinite_articles", []):
            return None  # "a 24-year-old woman was also injured": someone new, not the document's protagonist
        noun = self._age_noun(m)
        if noun is not None:
            thing = thing_at(self.lex, self.tokens, noun)[0]
            if thing is not None and thing.name in ("people", "women"):
                return self.ex.protagonist()
            k = noun
            while self.tokens[k].dep == "compound" and self.lo <= self.tokens[k].head < self.hi:
                k = self.tokens[k].head  # "the 41-year-old church volunteer": the volunteer
            t, head = self.tokens[k], self.tokens[self.tokens[k].head] if self.tokens[k].head >= 0 else None
            speaker = t.dep.startswith("nsubj") and head is not None and attrib.tables().verb.fullmatch(head.text)
            owned = before is not None and (self.tokens[before].pos == "PRON" or self.tokens[before].dep in ("poss", "nmod:poss"))
            if ((thing is not None and thing.person) or "Animacy=Anim" in t.feats or speaker) and not owned:
                return self.ex.person_before(self.s_start)  # "Ivan Petrenko was asleep. …, says the 63-year-old teacher"
            return None
        return self.ex.protagonist() if not people else None

    def _span_of_thing(self, m: NumberMention, cand: _Cand) -> bool:
        """An age adjective glued to the number («N-летний») on an inanimate noun of something that lasts (a noun of a
        span, `span_nouns`, of an event or of an act: «12-летнее образование», «40-летняя история», «12-летний
        срок»): a duration of it, as "a 12-year education" is. Set as a duration in years; True when it is one."""
        toks = self.tokens
        k = self._token_from(m.num_start)
        noun = self._age_noun(m)
        if k is None or noun is None or not toks[k].text[:1].isdigit() or toks[k].pos not in ("ADJ", "NUM") or (
                "Animacy=Inan" not in toks[noun].feats) or noun - k > 3:
            return False
        lemma, cues = toks[noun].lemma, self.lex.cues
        if not (lemma in cues.get("span_nouns", []) or lemma in cues.get("event_nouns", []) or self._act_of_noun(lemma)):
            return False  # (a thing's own age: «100-летний дом», as "a 100-year-old house")
        thing = thing_at(self.lex, toks, noun)[0]
        if (thing is not None and (thing.person or thing.group)) or self.ex.place_at_token(noun) is not None:
            return False  # (a body of people, a place)
        cand.kind, cand.unit, cand.unit_end = "duration", "year", toks[k].end - self.s_start
        return True

    def _age_noun(self, m: NumberMention) -> int | None:
        """The noun an age qualifies: "a 54-year-old woman", "50-летней женщины"."""
        i = self._token_from(m.end)
        k = i
        while k is not None and k < min(self.hi, (i or 0) + 6):
            t = self.tokens[k]
            if is_noun(t) and not self._unit_word(t):
                return k
            k += 1
        return None

    def _unit_word(self, t) -> bool:
        return t.lemma in self.lex.time or t.text.lower() in self.lex.time or t.text in ("-", "–")

    def _near_state(self, cand: _Cand, states: set[str]) -> bool:
        """ "eight years in prison", "9 лет заключения": a person-state word right by the duration."""
        i = self._num_index(cand)
        toks = self.tokens
        relative = set(self.lex.cues.get("relative_pronouns", []))

        def state(k: int) -> bool:
            return toks[k].lemma in states or toks[k].text.lower() in states

        if any(state(k) for k in range(max(self.lo, i - 3), min(self.hi, i + 6))):
            return True
        # "the prison, in which she spent 10 years": the state a relative clause refers back to
        return any(state(k) and any(toks[j].lemma in relative for j in range(k + 1, i))
                   for k in range(max(self.lo, i - 9), max(self.lo, i - 3)))

    def _person_subject(self, verb: int) -> bool:
        """Whether a person is the subject or object of the verb (or, without a parse, near it)."""
        toks = self.tokens
        for k in range(self.lo, self.hi):
            t = toks[k]
            if self.ex.heads and t.head != verb:
                continue
            if not self.ex.heads and abs(k - verb) > 4:
                continue
            if t.dep.startswith(("nsubj", "obj", "dobj")) or not self.ex.heads:
                if t.pos in ("PROPN", "PRON") or (is_noun(t) and (thing_at(self.lex, toks, k)[0] or Thing("")).person):
                    return True
        return False

    def _one_person_subject(self, verb: int | None, m: NumberMention) -> bool:
        """Whether a duration that is its verb's own adverbial ("spent eight years", «восемь лет находилась»; not
        "agreed to a 10-day waiver", the waiver's) has one person as the verb's subject: a person's name, or a
        singular noun of a person ("the girl", «многодетная мать»), whose time the duration then is."""
        toks = self.tokens
        num = self.ex.parse.at(self.s_start + m.num_start)
        if verb is None or not self.ex.heads or num is None:
            return False
        unit = toks[num].head if toks[num].dep.startswith("nummod") and 0 <= toks[num].head < len(toks) else num
        if toks[unit].head != verb or toks[unit].dep in ("compound", "amod", "nmod", "nmod:poss"):
            return False
        for k in range(self.lo, self.hi):
            if toks[k].head != verb or not toks[k].dep.startswith("nsubj") or "Number=Plur" in toks[k].feats:
                continue
            if toks[k].pos == "PROPN":
                return any(e.label == "PER" and e.start <= toks[k].start < e.end for e in self.ents)
            thing = thing_at(self.lex, toks, k)[0] if is_noun(toks[k]) else None
            return bool(thing.person if thing is not None else is_noun(toks[k]) and "Animacy=Anim" in toks[k].feats)
        return False

    def _person_of_verb(self, verb: int | None, m: NumberMention) -> str | None:
        """Whose time a duration is, from its verb's subject and object: the person one of them names ("Ivanova
        spent six years in prison", "the court acquitted the teacher Ivanova after six years"); the sentence's
        person (``_person_in_sentence``) when one is a pronoun or a singular person noun ("the woman", «учительницу»),
        when the verb has no subject of its own («оправдали через 8 лет», a verb sharing its subject) or without a
        parse; nobody when they are things, groups or places ("Kanal 5 covered the trial for 48 seconds", "the
        inspectors will spend one day there")."""
        toks = self.tokens
        if verb is None or not self.ex.heads:
            return self._person_in_sentence(m)
        args = [k for k in range(self.lo, self.hi) if toks[k].head == verb and toks[k].dep.startswith(("nsubj", "obj", "dobj"))]
        if not any(toks[k].dep.startswith("nsubj") for k in args):
            return self._person_in_sentence(m)
        main = self.ex.protagonist()
        for k in args:
            phrase = {k}
            for _ in range(3):  # its words that can name who it is: "Asia Noreen, known as Asia Bibi,", not a relative
                phrase |= {j for j in range(self.lo, self.hi) if toks[j].head in phrase and "relcl" not in toks[j].dep}
            named = [e.text for e in self.ents if e.label == "PER" and self._proper(e) and not self.ex.is_place(e.text)
                     and any(e.start <= toks[j].start < e.end for j in phrase)]
            if named:
                return main if main and any(person_key(n) == person_key(main) for n in named) else named[-1]
            thing = thing_at(self.lex, toks, k)[0] if is_noun(toks[k]) else None
            person = thing.person if thing is not None else is_noun(toks[k]) and "Animacy=Anim" in toks[k].feats
            if toks[k].pos == "PRON" or (person and "Number=Plur" not in toks[k].feats):
                return self._person_in_sentence(m)
        return None

    def _person_in_sentence(self, m: NumberMention | None = None) -> str | None:
        """Whose time in prison, in office, in hiding a duration gives: the document's main person when the
        sentence names them or nobody, else the person named nearest before the figure (never a place the
        recogniser took for a person)."""
        people = [e for e in self.ents if e.label == "PER" and self._proper(e) and not self.ex.is_place(e.text)]
        main = self.ex.protagonist()
        if not people or (main and any(person_key(e.text) == person_key(main) for e in people)):
            return main
        if m is not None:
            before = [e for e in people if e.end <= self.s_start + m.start]
            if before:
                return before[-1].text
        return people[0].text

    def _proper(self, e: EntityMention) -> bool:
        """A person mention with a proper name in it (not a capitalised participle a recogniser took for one)."""
        r = self.ex.parse.between(e.start, e.end)
        if len(r) == 1 and self.code in ("ru", "uk"):
            from storylens.annotate.syntax import analyse

            return analyse(self.code, self.tokens[r.start].text)[1] in ("PROPN", "NOUN", "X")
        return any(self.tokens[i].pos == "PROPN" for i in r) or len(r) > 1

    def text_between(self, a: int, b: int) -> str:
        return self.ex.text[a:b]

    def _per_unit(self, cand: _Cand) -> None:
        """ "60 tenge per litre" → KZT/l; "$4,000 per hour", "$1.90 a day" → USD/hour, USD/day: a rate, not a sum."""
        rest = self.sent[cand.unit_end:cand.unit_end + 30]
        per = re.match(r"^\s*(?:" + alternation(self.lex.per) + r")\s*([^\W\d_]+)(\s+[^\W\d_]+)?", rest, re.IGNORECASE)
        if per:
            word = per.group(1).lower()
            lemma = self._lemma_at(cand.unit_end + per.start(1)) or word
            for key in (word, lemma):
                if key in self.lex.measurements:
                    cand.unit = f"{cand.unit}/{self.lex.measurements[key][0]}"
                    cand.unit_end += per.end(1)
                    return
                after = (per.group(2) or "").strip().lower()
                if key in self.lex.time and after not in self.ago:  # not "$3 million a week ago"
                    cand.unit = f"{cand.unit}/{self.lex.time[key]}"
                    cand.unit_end += per.end(1)
                    return

    def _conversion(self, m: NumberMention, cand: _Cand, previous: list[_Cand]) -> None:
        """ "($0.14)" after a price, "(27 miles)" after a distance: the same figure in another unit."""
        prev = previous[-1] if previous else None
        if prev is None or prev.kind != cand.kind or cand.kind not in ("money", "measurement"):
            return
        between = self.sent[max(prev.m.end, prev.unit_end):m.start]
        if re.fullmatch(r"\s*\(\s*(?:US\$|\$|€|£|≈|~|about|approx\.?|около|близько)?\s*", between) and re.match(
                r"^\s*\)", self.sent[max(m.end, cand.unit_end):]):
            cand.conversion = True

    # --- counted noun --------------------------------------------------------------------------------------

    def _counted(self, m: NumberMention, cand: _Cand, after_i: int | None, num_toks: list[int]) -> None:
        """The noun the number quantifies, by syntax where there is a parse, else by position."""
        toks, lex = self.tokens, self.lex
        i = after_i
        skip = 0
        if cand.kind in ("percent", "money", "measurement", "duration") and cand.unit_end:
            i = self._token_from(cand.unit_end)  # the noun after the unit: "$300 million contract", "10-day waiver"
            if i is None:
                return
            if toks[i].text == "(":  # "a 30-kilometer (18-mile) zone": past the conversion
                close = next((k for k in range(i, min(self.hi, i + 8)) if toks[k].text == ")"), None)
                if close is not None:
                    i = close + 1
            elif toks[i].text == "[" and i + 1 < self.hi:
                i += 1  # "3 metres [of mud]": an editor's words in a quotation say what is measured
            if cand.kind == "duration" and i < self.hi and toks[i].text.lower() in lex.cues.get("span_from", []):
                return  # «6,5 років з моменту референдуму»: the span runs from it, it is no span of it
            into = cand.kind == "duration" and i < self.hi and toks[i].text.lower() in lex.cues.get("span_into", [])
            if into or (i < self.hi and toks[i].text.lower() in lex.cues.get("partitive", [])
                        and not (cand.kind == "money" and toks[i].text.lower() in lex.cues.get("party_prepositions", []))):
                i += 1  # "95 percent of electricity customers": the whole; "two weeks into the strike": the strike's
                skip = 1
                while i < self.hi and toks[i].pos == "DET":
                    i += 1
        if i is None:
            i = self.hi
        noun = None
        j = i
        while j < self.hi and j - i < 4 + skip:
            t = toks[j]
            low = t.text.lower()
            if cand.kind == "money" and low in lex.cues.get("party_prepositions", []):
                break  # «300 млн долларов с компанией X»: the party, not what the sum is for
            if t.pos == "ADJ" and "Case=Gen" in t.feats and "Number=Plur" in t.feats and (
                    j + 1 >= self.hi or toks[j + 1].pos not in ("NOUN", "PROPN", "ADJ")):
                noun = j  # «поранивши 12 військових»: an adjective in the genitive plural with no noun stands for people
                break
            if t.dep == "fixed" or (t.dep == "case" and j + 1 < self.hi and toks[j + 1].dep == "fixed"):
                break  # «30% по сравнению с 27%»: a preposition of more words (UD), nothing counted
            if t.text in ("-", "–", "'", "’") or t.dep == "case" or (is_modifier(t) and not is_noun(t)):
                j += 1
                continue
            if (t.pos == "PROPN" and t.dep in ("compound", "amod", "poss", "nmod:poss") or (
                    cand.kind != "count" and is_noun(t) and t.dep in ("poss", "nmod:poss"))) and j < t.head < min(
                    self.hi, j + 4) and is_noun(toks[t.head]):  # "$40 million Lagos airport contract", "20% of Ghana's
                # electricity", "the 19-km Crimean bridge", "half of the country's schools": a name (or a name's
                # adjective) or a noun that qualifies or owns the noun counted
                j += 1
                skip += 1
                continue
            if low not in lex.member_units and j + 1 < self.hi and (
                    toks[j + 1].text in ("-", "–") or (toks[j - 1].text in ("-", "–") and is_noun(toks[j + 1]))):
                j += 1  # "an up-front payment", "a long-term loan": a hyphenated modifier, not what is counted
                continue
            if low in lex.member_units and j + 1 < self.hi:  # "a 14-man team", "14-member delegation"
                h = t.head
                if self.ex.heads and j < h < min(self.hi, j + 6) and is_noun(toks[h]) and t.dep in ("compound", "nmod", "amod"):
                    while toks[h].dep == "compound" and h < toks[h].head < min(self.hi, h + 4) and is_noun(toks[toks[h].head]):
                        h = toks[h].head  # "a 14-member expert delegation": the delegation's members
                    noun = h  # "a 9-person rope-access firm": the noun the unit modifies
                    cand.members = True
                    break
                k = j + 1
                while k < self.hi and (toks[k].text in ("-",) or (is_modifier(toks[k]) and not is_noun(toks[k]))):
                    k += 1
                while toks[k].dep == "compound" and k < toks[k].head < min(self.hi, k + 4) and is_noun(toks[toks[k].head]):
                    k = toks[k].head  # "a 14-member expert delegation": the delegation's members
                if k < self.hi and is_noun(toks[k]):
                    noun = k
                    cand.members = True
                    break
            if low in lex.cues.get("partitive", []) or low in lex.cues.get("partitive_lead", []):
                noun = self._partitive(j, cand)
                break
            compound = j > self.lo and toks[j - 1].head == j and toks[j - 1].dep in ("compound", "amod")
            if is_noun(t) and t.pos != "PROPN" and not (cand.kind == "duration" and t.dep.startswith("nsubj")
                                                         and not compound):
                noun = j  # (a subject after a duration is whose time it is: «восемь лет журналистка находилась»)
            elif t.pos == "NUM" and cand.kind == "count" and j == i and j + 1 < self.hi and is_noun(toks[j + 1]):
                noun = j + 1  # a scale word left as its own token
            break
        while cand.members and noun is not None and noun + 2 < self.hi and toks[noun + 1].text in ("-", "–") and (
                toks[noun + 2].text[:1].isalpha()):
            noun += 2  # "a six-person sub-team": the head of the hyphenated compound is what has the members
        others = set(lex.cues.get("other_words", []))
        before = self._token_before(m)
        if any(toks[k].lemma in others or toks[k].text.lower() in others
               for k in list(range(i, noun if noun is not None else i)) + ([before] if before is not None else [])):
            cand.other = True  # "13 other experts", "ещё двоих"
        if noun is None and cand.kind == "count" and self.ex.heads and num_toks:
            h = toks[num_toks[-1]].head
            if h >= 0 and self.lo <= h < self.hi and toks[num_toks[-1]].dep.startswith("nummod") and is_noun(toks[h]) and (
                    not self._elided_noun(num_toks[-1], h)):
                noun = h
        if noun is None and cand.kind == "count" and num_toks:
            noun = self._fronted_whole(num_toks[0])  # "of the six ports only one remains closed": a port
        months = lex.cues.get("months", {})
        if noun is not None and (cand.kind == "count" and not cand.time_count and (
                toks[noun].lemma in lex.time or toks[noun].text.lower() in lex.time)
                                 or toks[noun].lemma in months or toks[noun].text.lower() in months):
            noun = None  # "33,000 last year", «3 млрд долларов в мае»: a time, not what is counted
        if noun is None:
            return
        # "the six-reactor plant" counts reactors; in "a 10-day shipping waiver" the hyphen ends the unit
        unit_i = self._token_from(cand.unit_end) if cand.kind != "count" and cand.unit_end else None
        first = unit_i if unit_i is not None else (num_toks[-1] + 1 if num_toks else noun)
        hyphen = any(toks[k].text in ("-", "–") for k in range(first, noun))
        if hyphen and toks[noun].head > noun and is_noun(toks[toks[noun].head]):
            cand.modifier = True  # "the six-reactor plant": counts reactors, what happens is the plant's
        while (not hyphen and toks[noun].dep == "compound" and noun < toks[noun].head < min(self.hi, noun + 4)
               and is_noun(toks[toks[noun].head]) and toks[toks[noun].head].lemma not in lex.cues.get("amount_heads", [])):
            noun = toks[noun].head  # "war crimes", "power plant": the head of an English compound (not "a $2 billion debt load")
        cand.noun = noun
        if self._whole(num_toks):
            cand.modifier = True  # "two of the plant's six reactors": six is the whole, not what operates
        thing, size = thing_at(lex, toks, noun)
        if thing is not None and thing.mass and cand.kind == "count":
            thing = None  # "2 major powers": counted, so not electricity
        if thing is not None and toks[noun].lemma in lex.relational and any(
                toks[k].head == noun and toks[k].dep in ("amod", "compound") and toks[k].pos in ("ADJ", "NOUN")
                for k in range(max(self.lo, noun - 3), noun)):
            thing = None  # "14 party members", "board members": that body's, not the default's
        if thing is not None and toks[noun].lemma in lex.relational and self._of_name(noun):
            thing = None  # «сотни членов ПНС», "members of Acme": a named body's, not the default's
        body = self._of_body(noun) if thing is not None and toks[noun].lemma in lex.relational else False
        if body is not False:
            thing = body  # "22,300 members of the federal workforce": the workforce's (workers), not a mission's experts
        if thing is not None and not thing.person and not thing.group and thing.name not in (
                toks[noun].lemma, toks[noun].lemma + "s") and self._holds_content(noun + size - 1):
            thing = None  # "400 pages of internal emails": pages, not the accounts a bare "pages" may mean
        if thing is None and cand.kind == "count" and self._group_name(noun):
            # "300,000 Ukrainians linked arms": people of a nation, not a thing (the thing named "people" in every language)
            thing = next((t for t in lex.things.values() if t.name == "people"), None)
        cand.thing = thing
        cand.noun_lemma = toks[noun].lemma
        if cand.kind == "count" and not cand.unit_end:
            cand.unit_end = toks[noun + size - 1].end - self.s_start
        elif cand.kind == "count":
            cand.unit_end = max(cand.unit_end, toks[noun + size - 1].end - self.s_start)

    def _elided_noun(self, number: int, noun: int) -> bool:
        """ "killed seven, wounded six and damaged stores": a coordinator right after the number, then no number before
        the noun, no determiner or comparative ("six or seven stores", "six or more stores", "killing 30 and wounding
        12 soldiers" keep it), so the noun after it is the next verb's object and the number's own noun is elided
        (the parse hung the number on it)."""
        toks = self.tokens
        k = number + 1
        if not (k + 1 < noun and toks[k].text.lower() in attrib.tables().coordinators):
            return False
        nxt = toks[k + 1]
        if any(toks[j].pos == "NUM" for j in range(k + 1, noun)):
            return False  # «убив 30 и ранив 12 военных», "killing 30 and wounding 12 soldiers": one noun both count
        return nxt.pos not in ("DET",) and "Degree=Cmp" not in nxt.feats and not (
            nxt.text.lower() in self.lex.cues.get("other_words", []) or nxt.lemma in self.lex.cues.get("other_words", []))

    def _of_name(self, noun: int) -> bool:
        """Whether a name (or an abbreviation) follows a noun, right after it (a genitive: «членов ПНС») or after
        "of" ("members of Acme"), and is the body itself, not a modifier of a noun ("of the IAEA mission")."""
        toks = self.tokens
        k = noun + 1
        if k < self.hi and toks[k].text.lower() in self.lex.cues.get("partitive", []):
            k += 1
            while k < self.hi and toks[k].pos == "DET":
                k += 1
        start = k
        while k < self.hi and (toks[k].pos == "PROPN" or (len(toks[k].text) > 1 and toks[k].text.isupper())):
            k += 1
        return k > start and not (k < self.hi and is_noun(toks[k]) and toks[k].pos != "PROPN")

    def _of_body(self, noun: int) -> Thing | None | bool:
        """The thing of the body a relational noun is "of": its person thing ("members of the federal workforce" are
        workers), None for a common noun the lexicon does not know; False when there is none or it is a group
        thing, whose members keep the relational noun's own thing ("members of the mission" are its experts)."""
        k = noun + 1
        if k >= self.hi or self.tokens[k].text.lower() not in self.lex.cues.get("partitive", []):
            return False
        k += 1
        while k < self.hi and (self.tokens[k].pos == "DET" or (is_modifier(self.tokens[k]) and not is_noun(self.tokens[k])) or (
                self.tokens[k].dep == "compound" and k + 1 < self.hi and is_noun(self.tokens[k + 1]))):
            k += 1  # (past a compound's names: "members of State Guard forces" → forces)
        if k >= self.hi or self.tokens[k].pos != "NOUN":
            return False
        body = thing_at(self.lex, self.tokens, k)[0]
        return body if body is None or (body.person and not body.group) else False

    def _names_other_thing(self, name: str, thing: Thing | None, noun: int | None) -> bool:
        """A verb's measure that is itself a kind of people ("deploy" says troops) never overrides a counted noun
        of another kind ("22,300 members of the workforce have been deployed" are no troops)."""
        if noun is None or name in self.lex.agent or not any(
                t.name == name and t.measure == name for t in self.lex.things.values()):
            return False
        return thing is None or (not thing.generic and thing.measure != name)

    def _fronted_whole(self, first: int) -> int | None:
        """The noun of a partitive that opens the number's clause ("and of the six ports only one remains closed",
        "Of the 40 schools in the district, only three …", «из шести портов закрытым остается только один»): what
        the bare number counts. Between the noun and the number only adverbs, particles, verbs, adjectives and one
        comma; a prepositional phrase on the noun ("in the district") is passed over."""
        toks, part = self.tokens, set(self.lex.cues.get("partitive", []))
        k, comma = first - 1, False
        while k >= max(self.lo, first - 8) and (toks[k].pos in ("ADV", "PART", "VERB", "AUX", "ADJ") or (
                toks[k].text == "," and not comma)):
            comma = comma or toks[k].text == ","
            k -= 1
        noun = None
        for _ in range(2):  # the noun, or the noun a prepositional phrase hangs from
            if k < self.lo or not is_noun(toks[k]) or toks[k].pos == "PROPN":
                return None
            noun = k
            k -= 1
            while k >= max(self.lo, noun - 8) and toks[k].text.lower() not in part and (
                    toks[k].pos in ("DET", "NUM", "ADJ", "PROPN") or is_modifier(toks[k]) or toks[k].text in ("-", "–")):
                k -= 1
            if k < self.lo or toks[k].pos != "ADP" or toks[k].text.lower() in part:
                break
            k -= 1
        if noun is None or k < self.lo or toks[k].text.lower() not in part:
            return None
        return noun if k == self.lo or _barrier(toks[k - 1]) else None

    def _group_name(self, noun: int) -> bool:
        """A plural name of a nation or group the recogniser found ("Ukrainians"), or, in a language that writes them
        in lower case («украинцев», «канадців»), a plural noun of people of a nation (``_nationality``): people."""
        t = self.tokens[noun]
        if "Number=Plur" not in t.feats:
            return False
        if t.text[:1].islower() and CYRILLIC.search(t.text):
            return "Animacy=Inan" not in t.feats and _nationality(
                t.lemma.lower(), self.code, tuple(self.lex.cues.get("nationality_suffixes", [])))
        labels = {e.label for e in self.ents if e.start <= t.start < e.end}
        return t.text[:1].isupper() and ("GROUP" in labels or (t.pos == "PROPN" and not labels))

    def _holds_content(self, noun: int) -> bool:
        """The counted noun is followed by "of" and a noun with no determiner ("pages of online chats", "boxes of
        documents"): a measure of that content, so the noun counts itself, not the canonical thing it may stand for."""
        toks = self.tokens
        k = noun + 1
        if k >= self.hi or toks[k].text.lower() not in self.lex.cues.get("partitive", []):
            return False
        k += 1
        while k < self.hi and toks[k].pos == "ADJ":
            k += 1
        return k < self.hi and toks[k].pos == "NOUN"

    def _antecedent(self, cand: _Cand, previous: list[_Cand]) -> bool:
        """ "Russia launched 45 drones. 41 of them were shot down": the part counts what the figure before
        it counted (in this sentence or the previous one)."""
        for before in reversed(previous + [c for c in self.prior if c.thing or c.noun_lemma]):
            if before.subcount:
                continue  # "70 people, including three children, … (40 in Aktobe)": the 40 are of the 70
            if before.kind == cand.kind and (before.thing is not None or before.noun_lemma):
                cand.thing, cand.noun_lemma = before.thing, before.noun_lemma
                return True
        return False

    def _negated_verb(self, verb: int) -> bool:
        """Whether the verb is negated ("did not die", "are not operational"), not merely limited ("is essential
        not just to cool", «не только»: `negation_limiters`)."""
        words = set(self.lex.cues.get("negation", []))
        limiters = set(self.lex.cues.get("negation_limiters", []))
        toks = self.tokens

        def negation(k: int) -> bool:  # (a typographic apostrophe as typed: "wasn’t")
            word = re.sub(_APOSTROPHES, "'", toks[k].text.lower())
            return (toks[k].dep == "neg" or word in words or toks[k].lemma in words) and not (
                k + 1 < self.hi and toks[k + 1].text.lower() in limiters)

        return any(negation(k) for k in range(max(self.lo, verb - 3), verb)) or any(
            toks[k].head == verb and toks[k].dep == "neg" and negation(k) for k in range(verb + 1, min(self.hi, verb + 3)))

    def _hypothetical_verb(self, verb: int) -> bool:
        """ "could be damaged", "может быть разрушен": what may happen is no event; "may have died" is one. The
        three words before the verb are read past punctuation, so a modal that introduces a quotation ("it
        could: “…kill hundreds of patients”") still governs it."""
        modal = set(self.lex.cues.get("modal", []))
        perfect = set(self.lex.cues.get("modal_perfect", []))
        words: list[str] = []
        for k in range(verb - 1, max(self.lo, verb - 8) - 1, -1):
            if len(words) == 3:
                break
            if any(ch.isalnum() for ch in self.tokens[k].text):  # (the month "May" is no modal)
                words.insert(0, "" if self.tokens[k].pos == "PROPN" else self.tokens[k].text.lower())
        for i, w in enumerate(words):
            if w in modal:
                return not any(x in perfect for x in words[i + 1:])
        return False

    def _prenominal_state(self, number: int, noun: int, person: bool | None) -> str | None:
        """A participle or adjective between the number and its noun that names a measure ("12 damaged cranes",
        «40 затриманих осіб», "two injured children"), or a participle whose verb does («660 ліквідованих окупантів»,
        «9 травмованих людей», «120 госпитализированных пациентов»: as the verb would, «ліквідовано 660
        окупантів»): what happened to the counted things; None without one."""
        toks = self.tokens
        for k in range(number + 1, noun):
            if toks[k].pos not in ("ADJ", "VERB", "NOUN") or (toks[k].pos == "NOUN" and self._participle_of(k) is None):
                continue
            named = state_measure(self.lex, toks, k - 1, k + 1) or (
                measure_noun(self.lex, toks, k) if toks[k].pos == "ADJ" else None) or self._participle_measure(
                k, person)
            if named and self.lex.applies_to.get(named, "any") in ("any", "people", "things"):
                return named
        return None

    def _participle_after(self, noun: int, person: bool | None) -> str | None:
        """Without a parse, the measure of a participle right after the counted noun and a comma that agrees with it
        («понад 10 тисяч осіб, засуджених за корупцію» → prosecuted), when its verb names one and the clause's verb
        names none; None otherwise."""
        k = noun + 1
        if k + 1 >= self.hi or self.tokens[k].text != "," or not self._agrees(noun, k + 1):
            return None
        return self._participle_measure(k + 1, person)

    def _participle_of(self, k: int) -> str | None:
        """The verb (its infinitive) of a participle at ``k``: one the parse marks (its lemma the verb's), a Ukrainian
        passive participle the dictionary lists as an adjective («ліквідованих» → «ліквідувати», `participle_verbs`),
        a Russian one the parse took for a noun («госпитализированных», lemmatised to the infinitive), or an
        adjective spelt as a verb's past participle ("evacuated": `verb_suffixes`); None for any other word."""
        t = self.tokens[k]
        if "VerbForm=Part" in t.feats:
            return t.lemma
        if t.pos not in ("NOUN", "ADJ"):
            return None
        word = t.text.lower()
        verb = participle_verb(self.code, t.lemma) if t.pos == "ADJ" else None
        if verb is None and known_verb(self.code, t.lemma) and not word.startswith(t.lemma):
            verb = t.lemma  # (not "number", "conflicts": a noun spelt as its verb)
        if verb is None and t.pos == "ADJ" and t.lemma == word:
            verb = next((v for v in verb_stems(word, self.lex.cues.get("verb_suffixes", [])) if known_verb(self.code, v)),
                        None)
        return verb

    def _participle_measure(self, k: int, person: bool | None) -> str | None:
        """The measure the verb of a participle at ``k`` says of things of the counted kind (people: killed,
        injured, detained…; things: destroyed…; of either only a measure of any kind when the kind is unknown, None);
        None when it names none (an open predicate)."""
        verb = self._participle_of(k)
        t = self.tokens[k]
        if verb is None or t.text.lower() in self.others or t.lemma in self.others:
            return None  # ("the two remaining reactors": set apart from others, not what remained)
        for name in lemma_measures(self.lex, verb):
            applies = self.lex.applies_to.get(name, "any")
            if applies == "any" or (person is not None and applies == ("people" if person else "things")):
                return name
        return None

    def _argument_of(self, noun: int | None, verb: int, num_toks: list[int]) -> bool:
        """Whether the counted noun is the verb's own argument, reached through its number words and prepositions
        only ("could affect hundreds of thousands of people"); not a whole a part is taken from ("the largest of the
        region's 15 dams could be breached": the largest may be). True without a parse."""
        if noun is None or not self.ex.heads:
            return True
        toks, k = self.tokens, noun
        for _ in range(8):
            h = toks[k].head
            if h == verb:
                return True
            if not (self.lo <= h < self.hi) or not (h in num_toks or toks[h].pos == "ADP"):
                return False
            k = h
        return False

    def _feared(self, verb: int) -> bool:
        """A verb under a modal of possibility (`feared_modals`: "could affect", "may reach", «может пострадать»):
        what is feared or expected, not done, so its figure is marked a forecast; so is a verb in the future
        (`_future`: "will displace"). Not a verb of capacity (`capacity_verbs`: "can hold 500 people", "could produce
        950 MW"), nor a hedged past ("may have died")."""
        modals = set(self.lex.cues.get("feared_modals", []))
        if self.tokens[verb].lemma in set(self.lex.cues.get("capacity_verbs", [])):
            return False
        if self._future(verb):
            return True  # "the flood will displace 3,000 people", «эвакуируют … будут»: still to come
        if not modals or not self._hypothetical_verb(verb):
            return False
        return any(self.tokens[k].text.lower() in modals for k in range(max(self.lo, verb - 4), verb))

    def _future(self, verb: int) -> bool:
        """A verb in the future: marked so by the parse (Russian's perfective «вынудит»: `Tense=Fut`), or after an
        auxiliary of the future among the three words before it (`future_auxiliaries`: "will", «будут», «будуть»);
        not a verb of a state that goes on (`lasting_state_verbs`: "will remain", «останутся»)."""
        toks = self.tokens
        if toks[verb].lemma in set(self.lex.cues.get("lasting_state_verbs", [])):
            return False  # "two will remain at the plant": a state that goes on, told as the present one
        if "Tense=Fut" in toks[verb].feats:
            return True
        auxiliaries = set(self.lex.cues.get("future_auxiliaries", []))
        seen = 0
        for k in range(verb - 1, max(self.lo, verb - 6) - 1, -1):
            if not any(ch.isalnum() for ch in toks[k].text):
                continue
            if toks[k].text.lower() in auxiliaries:
                return True
            seen += 1
            if seen == 3:
                break
        return False

    def _breakdown(self, m: NumberMention, cand: _Cand, previous: list[_Cand]) -> bool:
        """ "12 ships have sailed — 10 outbound and two inbound": a count after a dash or colon that follows a
        count of a known thing, with a word of no known thing after it, is a part of that count: the same thing,
        its measure qualified by the word ("boats inbound")."""
        dash = re.compile(r"[—–:]|\s-\s")
        base = next((p for p in reversed(previous) if p.kind == "count" and not p.breakdown and p.measure
                     and p.thing is not None and dash.search(self.sent[p.m.end:m.start])), None)
        k = self._token_from(m.num_end)
        if base is None or k is None or k >= self.hi:
            return False
        word = self.tokens[k]
        if word.pos not in ("ADJ", "NOUN") or thing_at(self.lex, self.tokens, k)[0] is not None or (
                k + 1 < self.hi and is_noun(self.tokens[k + 1])):
            return False
        cand.thing, cand.noun_lemma, cand.unit = base.thing, base.noun_lemma, base.unit
        cand.measure, cand.source, cand.breakdown = f"{base.measure} {word.text.lower()}", "noun", True
        return True

    def _conditional(self, i: int, count: bool = False) -> bool:
        """The figure is in a clause opened by a conditional conjunction ("if one of the dams breaks", «если
        два моста рухнут»): the first verb above it has such a marker (by the parse). A count (``count``) is also
        no claim in what will or would follow a condition (``_consequence``: a threat or a feared toll)."""
        marks = set(self.lex.cues.get("conditional_marks", []))
        if not self.ex.heads:
            return self._conditional_clause(i, marks, count)
        for h in head_path(self.ex.parse, i, 4):
            if not (self.lo <= h < self.hi):
                return False
            if self.tokens[h].pos in ("VERB", "AUX") or self.tokens[h].dep in ("advcl", "ROOT", "root"):
                return self._marked(h, marks) or (count and self._consequence(h, marks))
        return False

    def _clause_opening(self, i: int) -> int:
        """The first token of the clause holding token ``i`` without a parse: the token after the nearest comma,
        semicolon, colon, bracket or dash before it, else the sentence's first."""
        k = i
        while k > self.lo and self.tokens[k - 1].text not in (",", ";", ":", "(", "–", "—", "-"):
            k -= 1
        return k

    def _conditional_clause(self, i: int, marks: set[str], count: bool) -> bool:
        """Without a parse (Ukrainian): the figure's clause opens with a conditional conjunction («якщо
        провакцинувати 100 людей», «якби ставки сягнули 25%»), or, for a count, with a word of consequence
        (`consequence_marks`: «то», «тоді») after a clause so opened («…, то 50 не захворіють»): an illustration
        or a supposition, no figure of the world."""
        toks = self.tokens
        first = self._clause_opening(i)
        words = [toks[k].text.lower() for k in range(first, min(i, first + 2))]
        if words and (words[0] in marks or " ".join(words) in marks):
            return True
        if not count or not words or words[0] not in self.lex.cues.get("consequence_marks", []) or first - 1 <= self.lo:
            return False
        before = self._clause_opening(first - 2)
        opened = [toks[k].text.lower() for k in range(before, min(first - 1, before + 2))]
        return bool(opened) and (opened[0] in marks or " ".join(opened) in marks)

    def _marked(self, h: int, marks: set[str]) -> bool:
        return any(self.tokens[k].head == h and self.tokens[k].dep == "mark" and self.tokens[k].text.lower() in marks
                   for k in range(max(self.lo, h - 12), h))

    def _consequence(self, h: int, marks: set[str]) -> bool:
        """The verb at ``h`` is what will or would follow a condition: an auxiliary of the future or a modal
        (`consequence_auxiliaries`) on it and a clause marked by a conditional conjunction under it ("if the dam
        fails, two villages will flood"; «если … , две ракеты ударят» has no auxiliary and stays a claim)."""
        toks, aux = self.tokens, set(self.lex.cues.get("consequence_auxiliaries", []))
        if not any(toks[k].head == h and toks[k].dep in ("aux", "aux:pass") and toks[k].text.lower() in aux
                   for k in range(max(self.lo, h - 4), h)):
            return False
        return any(toks[k].head == h and toks[k].dep == "advcl" and self._marked(k, marks)
                   for k in range(max(self.lo, h - 30), min(self.hi, h + 30)))

    def _whole(self, num_toks: list[int], apart: bool = False) -> bool:
        """The number after a partitive: "two of the plant's six reactors", "one out of six"; ``apart``: wherever
        the part's number is ("two reactors still in use — out of the plant's six —")."""
        if not num_toks:
            return False
        part = set(self.lex.cues.get("partitive", []))
        for k in range(num_toks[0] - 1, max(self.lo, num_toks[0] - 5) - 1, -1):
            t = self.tokens[k]
            if t.text.lower() in part:
                return (apart and self._aside_opens(k, part)) or any(self.tokens[j].pos == "NUM" for j in range(max(self.lo, k - 3), k)) or (
                    k - 1 >= self.lo and self._fraction_word(k - 1))  # ("a third of the country's 9 million people": a
                # share's whole; not "half the population of 100,000", the population's size)
            if not (t.pos in ("DET", "PART", "PROPN", "NOUN") or t.dep in ("case", "poss", "nmod:poss") or (
                    t.pos == "PRON" and t.text.lower() not in self.lex.cues.get("pronouns", []))):
                return False  # (past an owner, a noun or a pronoun: "two of its six reactors", «два з його шести»;
                # not "of them", «з них 43»: the part)
        return False

    def _aside_opens(self, k: int, part: set[str]) -> bool:
        """The partitive word at ``k`` (with the words of its phrase before it: "out of") opens an aside, after a
        comma, a dash or a parenthesis ("two reactors — out of the plant's six —"); not «у порівнянні із 5500»."""
        j = k - 1
        while j >= self.lo and any(p.split()[0] == self.tokens[j].text.lower() for p in part if " " in p):
            j -= 1
        return j >= self.lo and self.tokens[j].text in (",", "—", "–", "-", "--", "(")

    def _fraction_word(self, j: int) -> bool:
        """The token at ``j`` ends a fraction of the language's number words ("a third", "half", «треть»)."""
        word = self.tokens[j].text.lower()
        return any(f.split()[-1].split("-")[-1] == word for f in lang.cues(self.code, "numbers").get("fractions", {}))

    def _group_before(self, m: NumberMention) -> str | None:
        """The group a count is the size of: "a team of 12 experts", "делегация из 12 экспертов"."""
        k = self._token_before(m)
        if k is None or k - 1 < self.lo or self.tokens[k].text.lower() not in self.lex.cues.get("partitive", []):
            return None
        thing = thing_at(self.lex, self.tokens, k - 1)[0] if is_noun(self.tokens[k - 1]) else None
        return thing.name if thing is not None and thing.group else None

    def _token_before(self, m: NumberMention) -> int | None:
        i = self.ex.parse.at(self.s_start + m.start)
        return i - 1 if i is not None and i - 1 >= self.lo else None

    def _token_from(self, rel: int) -> int | None:
        """The sentence's first token at or after ``rel`` (a binary search: a sentence of many figures stays linear)."""
        i = max(self.lo, self.ex.parse.between(self.s_start + rel, self.s_start + rel).start)
        return i if i < self.hi else None

    def _partitive(self, j: int, cand: _Cand) -> int | None:
        """ "six of the agency's experts", "41 of them", "one out of six reactors", "двое из них"."""
        toks = self.tokens
        k = j + 1
        if toks[j].text.lower() in self.lex.cues.get("partitive_lead", []) and k < self.hi and toks[k].text.lower() in (
                self.lex.cues.get("partitive", [])):
            k += 1
        cand.partitive = True
        while k < self.hi and k - j < 6:
            t = toks[k]
            if t.text.lower() in self.lex.cues.get("pronouns", []):
                return None
            if (t.text.lower() in self.lex.measure_nouns or t.lemma in self.lex.measure_nouns) and not (
                    k + 1 < self.hi and is_noun(toks[k + 1])):
                return k  # "13 of the wounded", «двое из погибших»: an adjective standing for the people
            if t.pos in ("NUM", "DET", "PROPN", "PART") or is_modifier(t) or t.text == "-":
                k += 1
                continue
            if is_noun(t) and k + 1 < self.hi and re.fullmatch(_APOSTROPHES + r"s?", toks[k + 1].text):
                k += 2  # "nine of the region's 40 mills": the owner, then the whole
                continue
            if is_noun(t):
                return k
            if not self.ex.heads and t.pos == "ADV" and k > j + 1 and toks[k - 1].pos == "NUM" and _has_case(
                    self.code, t.text, ("ablt", "gent", "loct", "datv")):
                return k  # «29 із 538 місцями»: a noun's oblique form the dictionary ranks first as an adverb
            return None
        return None

    # --- measure ---------------------------------------------------------------------------------------------

    def _at_risk(self, cand: _Cand) -> bool:
        risk = alternation(self.lex.cues.get("risk_states", []))
        end = max(cand.m.end, cand.unit_end)
        return bool(re.match(r"^\s*(?:" + risk + r")(?!\w)", self.sent[end:end + 30], re.IGNORECASE))

    def _measure(self, m: NumberMention, cand: _Cand, num_toks: list[int], previous: list[_Cand]) -> None:
        lex, toks = self.lex, self.tokens
        anchor = cand.noun if cand.noun is not None else (num_toks[-1] if num_toks else None)
        if anchor is not None and cand.verb is None:
            cand.verb = governing_verb(self.ex.parse, anchor, self.lo, self.hi, self.ex.heads, self.relative, self.others)
            if cand.subcount and cand.verb is not None and toks[cand.verb].start < self.s_start + m.start:
                cand.verb = None  # "including three children": the cue is not what happened to them
            own = self._own_participle(num_toks) if cand.noun is None and cand.verb is not None and num_toks and (
                cand.verb < num_toks[0]) else None
            if own is not None:
                cand.verb = own  # "three were killed and five more injured": the five's own participle, not the first verb
            standing = self._participle_counted(cand.verb, num_toks)
            if standing is not None:
                cand.verb = standing  # «полиция задержала 300 протестующих»: detained, not protested
            if num_toks and cand.noun is not None and cand.verb is not None and num_toks[-1] < cand.verb < cand.noun and (
                    toks[cand.noun].head == cand.verb):  # (not "comprising 120 developing countries": a modifier)
                # «убив не менее 30 и ранив 12 военных»: a noun shared with the count after the next verb; the
                # number's own verb is the one right before it
                own = next((k for k in range(num_toks[0] - 1, max(self.lo, num_toks[0] - 4) - 1, -1)
                            if toks[k].pos == "VERB" or toks[k].pos not in ("ADV", "PART", "ADP")), None)
                if own is not None and toks[own].pos == "VERB":
                    cand.verb = own
        verb_names = verb_measures(lex, toks, cand.verb, self.hi) if cand.verb is not None else []
        # (a zero is its own negation: "no one was hurt", «не казнили ни одного человека»)
        negated = cand.verb is not None and m.value != 0 and self._negated_verb(cand.verb)
        by_relative = False  # the measure's verb is a relative clause's on the counted noun ("12 cranes which were damaged")
        if cand.verb is not None and not cand.modifier and verb_names and not negated and self._feared(cand.verb) and (
                cand.kind != "count" or self._argument_of(anchor, cand.verb, num_toks)):
            cand.feared = True  # "the blast could kill 5,000 people": forecast: killed
        elif (cand.modifier and not (cand.verb is not None and cand.noun is not None and cand.verb < cand.noun and (
                self.tokens[cand.verb].head == cand.noun) and self._whole(num_toks))) or (cand.verb is not None and self._hypothetical_verb(cand.verb)):
            verb_names = []  # "the six-reactor plant is operating", "15 dams could be breached" (a whole's own
            # participle is its own: "one of its two operating reactors")
        said = cand.verb  # the verb that says the measure ("are believed to have died": died)
        if not verb_names and cand.verb is not None and self.ex.heads and not cand.modifier:  # (a whole's verb is
            # its part's: "nine of its 40 schools are closed")
            for k in range(cand.verb + 1, min(self.hi, cand.verb + 4)):  # "were reported killed"
                if toks[k].head == cand.verb and toks[k].pos == "VERB" and toks[k].dep in ("xcomp", "oprd", "acomp",
                                                                                           "conj"):
                    verb_names = verb_measures(lex, toks, k, self.hi)
                    if verb_names:
                        said = k
                        break
        if cand.verb is not None and self.ex.heads:
            named_state, state = self._state_after(cand.verb) if not cand.modifier else ([], None)
            if named_state:  # "only one remains closed": the state it remains in, not "remained"
                verb_names, said = named_state, state
        elif cand.verb is not None and "remained" in verb_names:
            named = state_measure(lex, toks, cand.verb, self.hi)  # no parse: the words right after «залишаються»
            verb_names = [named] if named else verb_names
        if not verb_names and cand.verb is not None and not cand.modifier:
            among = self._among(cand.verb)  # "four children were among those wounded", «среди погибших»
            if among:
                verb_names = [among]
        if not verb_names and self.ex.heads and anchor is not None and not cand.modifier:
            relative = relative_verb(self.ex.parse, anchor, self.lo, self.hi)  # "two people who died were named"
            if relative is not None and relative != cand.verb and verb_measures(lex, toks, relative, self.hi):
                cand.verb, by_relative = relative, True
                verb_names = self._state_after(relative)[0] or verb_measures(lex, toks, relative, self.hi)
                negated = m.value != 0 and self._negated_verb(relative)  # ("the two units which remain online")
        either = self._either(said, verb_names[0]) if verb_names and said is not None and self.ex.heads else None
        if either:
            verb_names = [either]  # "killed or wounded": neither count alone
        thing = cand.thing
        if cand.kind == "count":
            named = measure_noun(lex, toks, cand.noun) if cand.noun is not None else None
            joined = self._coordinated_measure(cand.noun, named) if named is not None else None
            named = joined or named  # "9,000 deaths and injuries": both, not the first
            if named is None and cand.noun is None:
                ref = self._referent(cand, num_toks)
                if ref is None or (measure_noun(lex, toks, ref) is None and not self._anaphoric(ref)):
                    ref = self._nearby(num_toks) if not verb_names else ref
                if ref is not None:
                    named = measure_noun(lex, toks, ref)
                    if named and lex.applies_to.get(named) in ("money", "percent"):
                        named = None  # "$100 billion in damage … left thousands dead": not a count's measure
                    if named is None and self._anaphoric(ref) and self._inherit(cand, previous, anaphora=True):
                        return  # "that figure quadrupled to 64": the figure talked about before
                if named is None and not verb_names and self._elided_act(cand, num_toks, previous):
                    return  # "four buses broke down and two were repaired": buses repaired, not broken down
                if named is None and not verb_names and self._inherit(cand, previous, anaphora=False,
                                                                      whole=self._whole(num_toks, apart=True)):
                    if cand.other:
                        cand.subgroup = f"other {cand.subgroup or cand.noun_lemma or ''}".strip()
                    return  # "16 deaths, compared to more than 1,800 in …": the same thing, counted elsewhere
                if named is None and thing is None and not cand.partitive and num_toks and (
                        toks[num_toks[-1]].dep.startswith("nsubj") or not self.ex.heads):
                    thing = self._elided(cand, previous)  # "30 rockets were launched, with six hitting a school"
            person = thing.person if thing is not None else cand.noun is None or "Animacy=Inan" not in toks[cand.noun].feats
            # a noun neither the lexicon nor the parse (English has no animacy) says is a person or a thing
            unknown = thing is None and cand.noun is not None and "Animacy=" not in toks[cand.noun].feats
            known = thing is not None or (cand.noun is not None and "Animacy=" in toks[cand.noun].feats)
            if thing is not None and not thing.generic and thing.person:
                cand.subgroup = thing.name
            cand.unit = thing.unit or thing.name if thing else cand.noun_lemma
            state = state_measure(lex, toks, cand.noun, self.hi) if cand.noun is not None and not cand.modifier else None
            if state is None and cand.noun is not None and num_toks and not cand.modifier and num_toks[-1] < cand.noun:
                state = self._prenominal_state(num_toks[-1], cand.noun, person if known else None)  # «40 затриманих
                # осіб», "12 damaged cranes"
            if either:
                state = None  # "were killed or wounded": the participle is one of the alternatives
            if state is None and person and cand.noun is not None and not cand.modifier:
                state = self._without(cand.noun, cand.verb, num_toks)  # "leaving 1,000 residents without electricity"
            by_verb = None
            # "died in the two storms", "cancelled at 12 airports": what a preposition attaches is no patient
            oblique = self._locative(cand, m)
            undergoes = self._undergoes(cand, anchor)
            acts = self._acts_on_object(cand, anchor, person)
            if acts:
                state = None  # "three gunmen killed two guards": the verb, not a state of the gunmen
            for name in ([] if oblique else verb_names):
                if name in lex.agent and undergoes:
                    continue  # "gunmen attacked 12 officers", "12 soldiers were attacked": not 12 attackers
                if acts and name not in lex.agent:
                    continue  # "five boats shelled the harbour": the boats did it, nothing was done to them
                if name in lex.of_subject and cand.noun is not None and cand.verb is not None and cand.verb > cand.noun:
                    continue  # "two bills totaling $5 billion": the count is what totals, not its members
                if self._names_other_thing(name, thing, cand.noun):
                    continue
                applies = lex.applies_to.get(name, "any")
                if applies == "any" or (applies == "people" and person) or (applies == "things" and not person):
                    by_verb = name
                    break
                fronted = cand.noun is not None and num_toks and cand.noun < num_toks[0]
                arg = next((a for a in (cand.noun, *(num_toks[-1:] if fronted else [])) if a is not None
                            and cand.verb is not None and toks[a].head == cand.verb), None)  # (the number itself when its
                # noun is a fronted partitive's; not "attacking one of the puppets")
                if applies == "things" and unknown and by_relative and cand.noun is not None and "Number=Plur" in toks[
                        cand.noun].feats:
                    by_verb, person = name, False  # "12 cranes which were damaged": its clause says it is a thing
                    break
                if applies == "things" and unknown and arg is not None and (
                        toks[arg].dep in ("dobj", "obj", "nsubjpass", "nsubj:pass") or (
                        said != cand.verb and toks[arg].dep.startswith("nsubj"))):
                    by_verb, person = name, False  # "closed 12 airports", "12 ports remain closed": a verb done to
                    break  # things, or a state they are in, says the noun is one
            if state is None and not by_verb and cand.noun is not None and not self.ex.heads:
                state = self._participle_after(cand.noun, person if known else None)  # «10 тисяч осіб, засуджених
                # за корупцію»; not «300 бібліотек, знищених …» (a noun neither the lexicon nor the parse says is a person)
            label = thing.name if thing else cand.noun_lemma
            governing = self._governing_measure(cand, person) if cand.noun is not None else None
            verb_noun = self._nominal_verb(cand) if not governing else None  # "the release of 40 prisoners"
            if verb_noun:
                governing = self._listed_measure(verb_noun, cand, person)
            incident = self._incident_in([*num_toks, cand.noun]) if (
                cand.noun is not None and not governing and self._salient(m, thing)) else None
            if incident:  # "triggering meltdowns in three of its reactors": what happened in them, not the verb's
                cand.measure, cand.source = f"{label} {incident}", "noun"
            elif governing and lex.applies_to.get(governing) == "things":  # "the destruction of four helicopters"
                cand.measure = lex.thing_measures.get(f"{label} {governing}", f"{label} {governing}")
                cand.source = "noun"
            elif governing:  # "the death of 16 employees", "home to 3.4 million citizens", "гибели 16 сотрудников"
                cand.measure, cand.source = governing, "noun"
            elif cand.members:  # "a 14-man team"
                cand.measure, cand.source, cand.subgroup = f"members: {label}", "noun", None
            elif self._group_before(m) and (not by_verb or (by_verb in lex.moves_groups and not (
                    thing is not None and thing.measure == by_verb)) or (
                    cand.verb is not None and toks[cand.verb].dep in ("acl", "amod"))):
                # "a team of over a dozen experts (sent to…)", "sent a team of five"; not "a group of 50 were detained"
                cand.measure, cand.source, cand.subgroup = f"members: {self._group_before(m)}", "noun", None
            elif by_verb in lex.of_subject and not named:  # "the team consists of 14 experts", "the force totals 2,500
                # personnel"; not "investigators counted 57 deaths"
                cand.measure, cand.source = self._composition(cand.verb, by_verb, label, thing), "verb"
                cand.subgroup = None
            elif named and (thing is None or not thing.person) and not (m.words and (m.figure or 0) <= 1):
                cand.measure, cand.source = named, "noun"  # "164 deaths", "5,000 arrests": the noun says it
                if thing is None and lex.applies_to.get(named) == "people":
                    cand.unit = "people"
            elif state:
                cand.measure, cand.source = (state if person else f"{label} {state}"), "state"
            elif by_verb and person:
                cand.measure, cand.source = by_verb, "verb"
            elif by_verb:
                cand.measure = lex.thing_measures.get(f"{label} {by_verb}", f"{label} {by_verb}")
                cand.source = "verb"
            elif named and self._salient(m, thing):
                cand.measure, cand.source = named, "noun"  # "164 victims", "300 protesters"
            elif acts and verb_names and label and self._salient(m, thing) and not self._definite(m) and (
                    toks[cand.verb].lemma not in lex.cues.get("light_verbs", [])):
                cand.measure, cand.source = f"{label} {toks[cand.verb].lemma}", "verb"  # "drones attack", "shells hit"
            elif thing is not None and thing.measure:
                cand.measure, cand.source = thing.measure, "thing"
            elif cand.noun is not None and self._inherit_named(cand, num_toks, previous):
                pass  # "officials called the figure about 5 thousand people": the figure talked about before
            elif cand.noun is not None and (self._salient(m, thing) or self._governed_count(m, cand, num_toks)) and not (
                    self._definite(m)):
                cand.measure, cand.source = label, "open"
            bare = cand.measure == label and (cand.source == "open" or (
                cand.source == "thing" and thing is not None and thing.measure == thing.name))
            done_to = cand.measure is None and cand.noun is not None and (m.figure or 0) >= 2 and (toks[cand.noun].dep in (
                "dobj", "obj", "nsubjpass", "nsubj:pass") or self._after_its_verb(cand, num_toks)) and not self._definite(
                m)  # "Congress passed two bills"
            # "some 250 residents were moved": a noun of people in general whose own measure says only where they live
            # (the canonical "population") takes what was done to them
            resident = named == "population" and cand.measure == named and cand.source == "noun" and thing is not None and (
                thing.person and thing.generic and toks[cand.noun].dep in ("dobj", "obj", "nsubjpass", "nsubj:pass"))
            family = cand.measure == label and thing is not None and self._family(m, thing)
            open_ = ((not named and (bare or done_to)) or resident) and not family
            included = verb_noun and cand.verb is not None and toks[cand.verb].lemma in lex.cues.get(
                "inclusion_verbs", []) and not family  # "losses, which included dozens of tanks": not what including says
            if (open_ or included) and verb_noun and label:  # "the leak of 889 pages", "the preservation of thousands of jobs"
                cand.measure, cand.source = f"{label} {verb_noun}", "noun"
            elif open_:
                act = self._open_predicate(cand, person)
                if act:  # "passed two bills", "4 million survivors registered": not bare bills or survivors
                    no = "not " if act.startswith("not ") else ""  # "12 ferries that weren't sailing"
                    cand.measure = f"{'target: ' if cand.aim else ''}{no}{label} {act.removeprefix('not ')}"
                    cand.source = "verb"
                    negated = negated and not no
            if family:
                cand.measure, cand.source, cand.subgroup = "born", "noun", None  # "her four children", "mother of four"
            if negated and cand.source in ("verb", "state") and cand.measure:
                # "3000 people did not die", "25 of the 69 clinics are not operational": what did not happen
                cand.measure = f"not {cand.measure}"
            if cand.noun is not None and self._anaphoric(cand.noun) and cand.measure == label:
                self._refer_back(cand, previous)  # "the official figure of 64": a figure of what was counted
            if joined and cand.measure == joined and lex.applies_to.get(joined.split()[0]) == "people":
                cand.unit = "people"  # "deaths and injuries": people, whichever noun came first
            if cand.measure in lex.measure_units and (thing is None or thing.generic):
                cand.unit = lex.measure_units[cand.measure]
            if cand.measure and cand.measure.split(":")[0] in lex.of_subject | {"members"} and cand.measure != label:
                cand.unit = "people"  # a team's size is its members, whether the text says experts, men or members
            if cand.measure and person and not cand.unit:
                cand.unit = "people"
            if thing is not None and cand.measure and self._implied(thing, cand.measure):
                cand.subgroup = None  # "11,000 staffers employed": the staff is what "employed" counts
            if cand.other and cand.measure and not any(p.measure and p.measure != cand.measure for p in previous):
                # "13 other experts"; not "12 were killed, another 40 injured", where "another" sets the measures apart
                cand.subgroup = f"other {cand.subgroup or label or ''}".strip()
            return
        if negated:
            verb_names = []  # a share or a sum keeps its noun: no "not" measures outside counts
        if cand.kind == "percent":
            changed = self._changed(cand) if cand.change == "change by" else None
            cand.measure = f"change: {changed}" if changed else self._percent_measure(cand, verb_names)
            earlier = self._earlier_value_of(m, previous) if not changed else None
            if earlier:
                cand.measure = earlier  # "had reached 23.5 percent, … up from a mere 11.7 percent": the same share
            return
        if cand.kind == "money":
            cand.measure = self._money_measure(cand, verb_names)
            earlier = self._earlier_value_of(m, previous, "money")
            if earlier:
                cand.measure = earlier  # «курс опускался до 1,16 доллара с 1,17 доллара»: the same rate, earlier
            cand.subject = self._party(cand)
            return
        if cand.kind == "measurement":
            cand.measure = self._measurement_measure(cand)
            return
        if cand.kind == "duration":
            cand.measure = self._duration_measure(cand.noun, cand)
            states = set(lex.cues.get("person_states", []))
            what = cand.measure.split(": ", 1)[-1] if ": " in cand.measure else None
            thing = thing_at(lex, toks, cand.noun)[0] if cand.noun is not None else None
            state = what in states or (thing is not None and thing.person) or self._near_state(cand, states)
            if state or (cand.noun is None and cand.verb is not None and toks[cand.verb].lemma == what
                         and self._person_subject(cand.verb)) or self._one_person_subject(cand.verb, m):
                cand.subject = self._person_of_verb(cand.verb, m)  # "eight years in prison", "acquitted after 8 years"
                if cand.subject and self.ex.named_as_place(cand.subject):
                    cand.subject = None  # "those fleeing have been waiting for five days": no place's wait
            return
        if cand.kind == "ratio":
            cand.measure = cand.measure or "ratio"

    def _locative(self, cand: _Cand, m: NumberMention) -> bool:
        """The counted noun sits in a phrase of place under the verb ("died in the two storms", "cancelled at 12
        airports", «задержала 120 человек в трёх городах», «у трьох містах»): the verb's act was not done to it, so
        it keeps no measure of the verb (it is read as a count of its own noun, a scope). By the parse (English's
        ``pobj`` under the preposition, the ``case`` word of a Russian noun) or, with no parse, the preposition right
        before the figure; a Russian or Ukrainian place preposition counts only before the locative case (not «на 300
        человек больше», «в 3 раза»)."""
        toks, lex, noun = self.tokens, self.lex, cand.noun
        if noun is None or cand.partitive or cand.verb is None:
            return False
        place, area = set(lex.cues.get("place_prepositions", [])), set(lex.cues.get("area_prepositions", []))
        if self.ex.heads and toks[noun].dep == "pobj":
            return toks[toks[noun].head].text.lower() in place | area
        if self.ex.heads:
            prep = next((k for k in range(noun - 1, max(self.lo, noun - 6) - 1, -1)
                         if toks[k].head == noun and toks[k].dep == "case"), None)
        else:
            first = self.toks_in(m.start, m.num_end)
            prep = first[0] - 1 if first and first[0] - 1 >= self.lo and first[0] - 1 < noun else None
        if prep is None or toks[prep].pos != "ADP":
            return False
        word = toks[prep].text.lower()
        return word in area or (word in place and "Case=Loc" in toks[noun].feats)

    def _own_participle(self, num_toks: list[int]) -> int | None:
        """A participle or adjective with a measure of its own that the parse hangs on a bare number right after it
        (past "more", "others"), as the second count of a coordination has ("two … were killed and six more
        injured"); None for none."""
        toks, end = self.tokens, num_toks[-1]
        for k in range(end + 1, min(self.hi, end + 3)):
            t = toks[k]
            if t.head in num_toks and t.dep in ("amod", "acl") and t.pos in ("VERB", "ADJ") and verb_measures(
                    self.lex, toks, k, self.hi):
                return k
            if t.pos not in ("ADV", "ADJ"):
                return None
        return None

    def _state_after(self, verb: int) -> tuple[list[str], int | None]:
        """The measures the state a verb's subject is in says ("remain closed", "remain online"), with the state's
        index: the verb's adjectival complement read as a verb ("closed"), or a complement or adverb that is a state
        word of a measure (``states``: "online" → operating); nothing for no such word."""
        toks = self.tokens
        for k in [*range(verb + 1, min(self.hi, verb + 3)), *range(verb - 1, max(self.lo, verb - 3) - 1, -1)]:
            complement = toks[k].dep == "acomp" or (toks[k].dep == "xcomp" and (
                "VerbForm=Part" in toks[k].feats or toks[k].pos == "ADJ"))
            if toks[k].head != verb or not (complement or toks[k].dep == "advmod"):
                continue  # («закрытым остается»: a participle before the verb in Russian)
            word = state_measure(self.lex, toks, k - 1, self.hi)  # ("remain online": an adverb to the parser)
            named = (verb_measures(self.lex, toks, k, self.hi) if complement else []) or ([word] if word else [])
            if named:
                return named, k
        return [], None

    def _participle_counted(self, verb: int | None, num_toks: list[int]) -> int | None:
        """The verb above a participle that stands for the counted people («задержала 300 протестующих»: the number
        modifies the participle, an argument of the verb), when that verb says a measure: what happened to them,
        not what the participle says they did. None otherwise."""
        toks = self.tokens
        if verb is None or not num_toks or not self.ex.heads:
            return None
        n = num_toks[-1]
        if toks[n].head != verb or not toks[n].dep.startswith("nummod") or "VerbForm=Part" not in toks[verb].feats or (
                toks[verb].dep not in ("obj", "iobj", "nsubj", "nsubj:pass", "obl", "conj")):
            return None
        h = toks[verb].head
        return h if self.lo <= h < self.hi and toks[h].pos == "VERB" and verb_measures(self.lex, toks, h, self.hi) else None

    def _threshold(self, cand: _Cand) -> str | None:
        """The class a bound defines, when the bound is a threshold or a limit, not a count or a sum of anything:
        "banned gatherings of more than four" and «запретили собираться группами более четырёх человек» (a plural
        noun, "of" or "with", the bound, in a clause with a word of a rule), "people living on less than $2 a day"
        (a plural noun and a participle before a bounded sum). The plural noun's lemma, else None."""
        toks = self.tokens
        first = self._token_from(cand.m.start)
        if first is None:
            return None
        k = first - 1
        while k >= self.lo and k > first - 4 and toks[k].pos in ("ADP", "CCONJ"):
            k -= 1  # "of", "with", "on or (below)"
        participle = k >= self.lo and toks[k].pos == "VERB" and (
            "VerbForm=Part" in toks[k].feats or "VerbForm=Ger" in toks[k].feats or toks[k].text.lower().endswith("ing"))
        if participle:
            k -= 1  # "people living on …"
        elif k > self.lo and toks[k].pos == "NOUN" and "Number=Plur" not in toks[k].feats and self._quantity(k):
            k -= 1  # «групп численностью больше четырёх»: the groups' size
        if k < self.lo or toks[k].pos != "NOUN" or "Number=Plur" not in toks[k].feats or measure_noun(
                self.lex, toks, k) or self._quantity(k) or self._anaphoric(k) or toks[k].lemma in self.lex.time:
            return None
        if cand.kind == "money":
            return toks[k].lemma if participle and not verb_measures(self.lex, toks, k + 1, self.hi) else None
        if participle:
            return None
        rules = set(self.lex.cues.get("rule_words", []))
        return toks[k].lemma if any(toks[j].lemma in rules for j in range(max(self.lo, k - 16), k)) else None  # (past an
        # aside: «запрет, согласно закону о митингах, на собрание групп»)

    def _goal(self, num_toks: list[int]) -> bool:
        """A figure a goal, plan or target sets ("declared a goal to recruit a 50,000-strong army", "a target of
        300 new homes", «цель — сформировать армию в 1 млн»): what is aimed at, not what is, so it is marked a
        target and never groups with the size it aims at. By the parse, a goal noun above the figure; without
        one, a goal noun earlier in the figure's clause."""
        words = set(self.lex.cues.get("goal_words", []))
        if not num_toks or not words:
            return False
        toks = self.tokens
        if self.ex.heads:
            return any(self.lo <= h < self.hi and is_noun(toks[h]) and toks[h].lemma in words
                       for h in head_path(self.ex.parse, num_toks[-1], 7)) or self._wanted(num_toks[-1])
        verbs = set(self.lex.cues.get("goal_verbs", []))
        for k in range(num_toks[0] - 1, max(self.lo, num_toks[0] - 8) - 1, -1):
            if _barrier(toks[k]) and toks[k].text not in ("—", "–"):
                return False
            if toks[k].lemma in words or (toks[k].lemma in verbs and k + 1 < self.hi and toks[k + 1].pos == "VERB"
                                          and toks[k + 1].text.lower() == toks[k + 1].lemma):
                return True  # «плануємо запустити 27 шахт»: a verb of planning and its infinitive
        return False

    def _wanted(self, i: int) -> bool:
        """ "the utility wants 95 percent of power back", "plans to build 300 homes": a figure in the object of a
        verb of wanting or planning (`goal_verbs`), reached up the parse through objects, their modifiers and
        infinitives only (not "wanted to know why 40 people died": a clause of its own)."""
        verbs, toks = set(self.lex.cues.get("goal_verbs", [])), self.tokens
        k = i
        for _ in range(7):
            h = toks[k].head
            if not (self.lo <= h < self.hi) or h == k or toks[k].dep in (
                    "nsubj", "nsubjpass", "nsubj:pass", "ccomp", "advcl", "relcl", "acl:relcl", "parataxis", "conj"):
                return False
            if toks[h].pos == "VERB" and toks[h].lemma in verbs and toks[k].dep in ("dobj", "obj", "xcomp", "csubj:pass"):
                # («планируется потратить 1,7 млн»: the infinitive is the impersonal verb's subject)
                return True
            k = h
        return False

    def _forecast(self, num_toks: list[int], cand: _Cand) -> bool:
        """A figure a forecast or expectation governs ("is expected to reach", "forecast to dump", «прогнозируется,
        что … достигнет», «очікується, що …»): what is expected, not what was done, so it is marked a forecast and
        never groups with the done figure. By the parse, a `forecast_words` lemma on the figure's path up; without
        one (Ukrainian), such a word earlier in the sentence. Not a count whose noun has a relative clause of its
        own, which says what was done ("four trucks that left the depot were expected to arrive": they left)."""
        words = set(self.lex.cues.get("forecast_words", []))
        if not num_toks or not words:
            return False
        toks = self.tokens
        if cand.noun is not None and any(toks[k].head == cand.noun and toks[k].dep in ("relcl", "acl:relcl")
                                         for k in range(cand.noun + 1, min(self.hi, cand.noun + 6))):
            return False
        if self.ex.heads:
            for n, h in enumerate([num_toks[-1], *head_path(self.ex.parse, num_toks[-1], 7)]):
                if not self.lo <= h < self.hi:
                    return False
                if toks[h].lemma.lower() in words:
                    return True
                if toks[h].dep in ("relcl", "acl:relcl", "appos", "parataxis"):
                    return False  # "Florence - which is moving at 17mph - is expected to strengthen": its own clause
                if n > 1 and is_noun(toks[h]) and toks[h].dep in ("pobj", "obl", "nmod"):
                    return False  # "expected to vote on a package including billions": inside what is acted on
            return False
        return any(toks[k].lemma.lower() in words for k in range(max(self.lo, num_toks[0] - 12), num_toks[0]))

    def _coordinated_measure(self, noun: int, name: str) -> str | None:
        """Measure nouns coordinated after one number ("up to 9,000 deaths and injuries", «80 тысяч убитых и
        раненых»): one figure of both, named in a fixed order ("injured and killed"); None when the next noun has a
        number of its own ("40 deaths and 200 injuries": two counts) or names no other measure."""
        toks = self.tokens
        j, ors = noun + 1, set(self.lex.cues.get("disjunctions", []))
        if j + 1 >= self.hi or toks[j].text.lower() not in attrib.tables().coordinators | ors:
            return None
        k = j + 1
        while k < self.hi and k < j + 3 and toks[k].pos == "ADJ" and not measure_noun(self.lex, toks, k):
            k += 1  # "deaths and serious injuries"
        if k >= self.hi or toks[k].pos == "NUM" or not (is_noun(toks[k]) or toks[k].pos == "ADJ"):
            return None
        other = measure_noun(self.lex, toks, k)
        if self.ex.heads and toks[k].head != noun:
            return None  # "12 deaths and injuries were rising": the next clause's subject
        if other is None or other == name or self.lex.applies_to.get(other) != self.lex.applies_to.get(name):
            return None
        word = "or" if toks[j].text.lower() in ors else "and"
        return f" {word} ".join(sorted((name, other)))

    def _either(self, verb: int, name: str) -> str | None:
        """A disjunction of outcomes ("killed or wounded", «убиты или ранены»): a measure of its own, its names
        in a fixed order so that "wounded or killed" is the same; None when the verb has no such alternative."""
        ors = set(self.lex.cues.get("disjunctions", []))
        toks = self.tokens
        for k in range(verb + 1, min(self.hi, verb + 6)):
            if toks[k].head == verb and toks[k].dep == "conj" and any(
                    toks[j].text.lower() in ors for j in range(verb + 1, k)):
                other = verb_measures(self.lex, toks, k, self.hi)
                if other and other[0] != name:
                    return " or ".join(sorted((name, other[0])))
        return None

    def _without(self, noun: int, verb: int | None = None, number: list[int] | None = None) -> str | None:
        """A privation right after counted people ("1,000 residents without electricity", «1000 жителей без
        света»), or after the verb of being they are the subject of (``_privation_after``: "thousands were without
        power"): what they are without, named as shares without it are ("without power"), not the bare people."""
        toks = self.tokens
        lack = self._relative_lack(noun)  # "residents who have no running water"
        k = lack if lack is not None else noun + 1
        reached = verb is not None
        if verb is None and k < self.hi and toks[k].pos in ("VERB", "AUX"):
            verb = k  # (a parse that reaches no verb from the noun: the verb right after it)
        if lack is None and verb is not None and verb > noun and not (
                k < self.hi and toks[k].text.lower() in self.lex.cues.get("privative", [])):
            subject = not reached or self._subject_through(noun, verb, number or [])
            return self._privation_after(verb) if subject else None
        if k >= self.hi or lack is None and toks[k].text.lower() not in self.lex.cues.get("privative", []):
            return None
        return self._lacked(k)

    def _privation_after(self, verb: int) -> str | None:
        """ "were without power", «остались без света», "could be without water for three weeks": a preposition of
        privation (`privation_prepositions`) right after a verb of being (`privation_verbs`; adverbs between) says
        the state its subject is in: "without power"; None for any other verb or word (not "were not found", "were
        in shelters", "are out of service")."""
        toks = self.tokens
        if toks[verb].lemma not in self.lex.cues.get("privation_verbs", []):
            return None
        k = next((j for j in range(verb + 1, min(self.hi, verb + 4)) if toks[j].pos not in ("ADV", "PART", "AUX")),
                 self.hi)  # ("were still without", "remain largely without")
        if k >= self.hi or toks[k].text.lower() not in self.lex.cues.get("privation_prepositions", []):
            return None
        return self._lacked(k)

    def _subject_through(self, noun: int, verb: int, number: list[int]) -> bool:
        """The counted noun is the verb's subject, itself or through the number it is "of" ("thousands of people
        were …"); not the whole of a part that is ("many of the valley's 20,000 residents have been …": the
        many are, not the 20,000). True without a parse."""
        if not self.ex.heads:
            return True
        toks = self.tokens
        k = noun
        for _ in range(3):
            h = toks[k].head
            if h == verb:
                return toks[k].dep.startswith("nsubj")
            if not (self.lo <= h < self.hi) or not (toks[h].pos == "ADP" or h in number):
                return False
            k = h
        return False

    def _lacked(self, k: int) -> str | None:
        """What the privation word at ``k`` says is lacking: the first noun after it (past `privative_skip`)."""
        toks = self.tokens
        skip = set(self.lex.cues.get("privative_skip", []))
        for j in range(k + 1, min(self.hi, k + 4)):
            if is_noun(toks[j]) and toks[j].lemma not in skip:
                while toks[j].dep == "compound" and j < toks[j].head < min(self.hi, j + 3) and is_noun(toks[toks[j].head]):
                    j = toks[j].head  # "no running water": the water
                thing = thing_at(self.lex, toks, j)[0]
                return f"without {thing.name if thing else toks[j].lemma}"
            if _barrier(toks[j]):
                break
        return None

    def _elided(self, cand: _Cand, previous: list[_Cand]) -> Thing | None:
        """The thing a bare number with no noun of its own counts, when a count before it in the sentence names one
        ("30 rockets were launched, with six hitting a school"): that count's thing and noun, not people by default."""
        before = next((p for p in reversed(previous) if p.kind == "count" and not p.subcount and p.thing is not None
                       and p.noun_lemma), None)
        if before is None:
            return None
        cand.thing, cand.noun_lemma = before.thing, before.noun_lemma
        return before.thing

    def _elided_act(self, cand: _Cand, num_toks: list[int], previous: list[_Cand]) -> bool:
        """ "Four buses broke down and two were later repaired", "two reactors went offline, but one was quickly
        restored": a bare number that is the subject of its own verb, a verb with no measure of its own, counts the
        thing of the count before it in the sentence, and what the verb says happened to it (`vehicles repair`),
        not what happened to the count before."""
        if not num_toks or cand.partitive or cand.verb is None or not self.ex.heads:
            return False
        n, toks = num_toks[-1], self.tokens
        if toks[n].head != cand.verb or not toks[n].dep.startswith("nsubj"):
            return False
        before = next((p for p in reversed(previous) if p.kind == "count" and not p.subcount and p.noun_lemma), None)
        if before is None:
            return False
        thing = before.thing
        act = self._open_predicate(cand, thing is not None and thing.person, anchor=n)
        if not act:
            return False
        label = thing.name if thing is not None else before.noun_lemma
        cand.thing, cand.noun_lemma, cand.unit = thing, before.noun_lemma, before.unit
        cand.measure, cand.source = self.lex.thing_measures.get(f"{label} {act}", f"{label} {act}"), "verb"
        cand.subgroup = thing.name if thing is not None and thing.person and not thing.generic else None
        return True

    def _acts_on_object(self, cand: _Cand, anchor: int | None, person: bool) -> bool:
        """Whether the counted noun (or number) is the active subject of a verb that has a direct object ("three
        boats shelled the harbour", "with six hitting a school"): it did what the verb says, so a measure of what
        was done to something (damaged, killed) is not its measure."""
        if anchor is None or cand.verb is None or not self.ex.heads:
            return False
        toks = self.tokens
        t = toks[anchor]
        v = toks[cand.verb]
        phrase = {w for key in (v.lemma, v.text.lower()) for rest, _ in self.lex.measure_verbs.get(key, []) for w in rest}
        places = set(self.lex.cues.get("place_nouns", [])) | set(self.lex.cues.get("settlement_nouns", [])) if person else set()
        if t.head == cand.verb and t.dep == "nsubj" and (v.lemma in self.lex.cues.get("striking_verbs", []) or (
                v.text.lower() in self.lex.cues.get("striking_verbs", []))):
            return True  # "two shells struck inside the depot": the shells struck, with or without an object
        return t.head == cand.verb and t.dep == "nsubj" and any(
            toks[k].head == cand.verb and toks[k].dep in ("dobj", "obj") and toks[k].lemma not in phrase
            and toks[k].pos != "PROPN" and toks[k].lemma not in places and not any(
                toks[j].head == k and toks[j].dep in ("poss", "nmod:poss") for j in range(max(self.lo, k - 3), k))
            for k in range(cand.verb + 1, min(self.hi, cand.verb + 6)))
        # (not "five soldiers lost their lives"; people who "fled Ukraine", "fled the city", "fled their homes": where from)

    def _relative_lack(self, noun: int) -> int | None:
        """The negation of a relative clause that says the counted people have nothing of something ("3.4 million
        residents who have no running water", «20 тысяч жителей, у которых нет воды»): its index, read as a privation."""
        toks, cues = self.tokens, self.lex.cues
        rel, have = set(cues.get("relative_pronouns", [])), set(cues.get("possessive_verbs", []))
        k = noun + 1
        if k < self.hi and toks[k].text == ",":
            k += 1
        if k + 1 < self.hi and toks[k].pos == "ADP" and (toks[k + 1].lemma in rel or toks[k + 1].text.lower() in rel):
            k += 1  # «у которых»
        if k >= self.hi or not (toks[k].lemma in rel or toks[k].text.lower() in rel):
            return None
        k += 1
        if k < self.hi and (toks[k].lemma in have or toks[k].text.lower() in have):
            k += 1
        no = set(cues.get("negation", [])) | set(cues.get("privative", []))
        return k if k < self.hi and toks[k].text.lower() in no else None

    def _undergoes(self, cand: _Cand, anchor: int | None) -> bool:
        """Whether the counted noun is the object or the passive subject of its verb (by the parse): what was
        done to it, not what it did."""
        if anchor is None or cand.verb is None or not self.ex.heads:
            return False
        t = self.tokens[anchor]
        passive = any(self.tokens[k].head == cand.verb and self.tokens[k].dep in ("auxpass", "aux:pass")
                      for k in range(max(self.lo, cand.verb - 4), cand.verb))
        return t.head == cand.verb and (t.dep in ("dobj", "obj", "iobj", "nsubjpass", "nsubj:pass")
                                        or passive and t.dep.startswith("nsubj")) or (
            t.head != cand.verb and "VerbForm=Part" in self.tokens[cand.verb].feats and cand.verb < anchor
            and self.tokens[cand.verb].dep in ("pcomp", "acl", "advcl", "xcomp") and t.dep in ("pobj", "dobj", "obj"))

    def _definite(self, m: NumberMention) -> bool:
        """ "the two men also discussed": a number word after an article refers back; it reports nothing."""
        i = self._token_before(m)
        return m.words and i is not None and self.tokens[i].text.lower() in self.lex.cues.get("articles", [])

    def _open_predicate(self, cand: _Cand, person: bool, anchor: int | None = None) -> str | None:
        """What happened to the counted noun by its clause's verb (``_verb_predicate``), else by the verb of a
        relative clause the noun is the subject of ("Four trucks that left the depot on Monday were expected to
        arrive": the trucks left; what they were expected to do is not said to have happened)."""
        act = self._verb_predicate(cand, person, anchor)
        if act is None and anchor is None and self.ex.heads and cand.noun is not None and not (
                cand.modifier or cand.partitive):
            act = self._relative_predicate(cand.noun, person, cand)
        return act

    def _relative_predicate(self, noun: int, person: bool, cand: _Cand) -> str | None:
        """The verb of a relative clause on ``noun``, whatever the verb, by the parse: its relative pronoun the
        subject ("who lost their homes", "that are waiting", "that had dried up") or the object ("the two bills
        that the senate passed"); "not …" before it when the clause is negated ("that weren't sailing"). None for
        light and reporting verbs and verbs with a measure of their own (read above), and for what may happen."""
        toks = self.tokens
        none = set(self.lex.cues.get("light_verbs", [])) | set(self.lex.cues.get("no_predicate_verbs", []))
        for k in range(noun + 1, min(self.hi, noun + 8)):
            t = toks[k]
            if t.head == noun and t.dep in ("relcl", "acl:relcl") and t.pos == "VERB":
                role = any(toks[j].head == k and toks[j].dep in ("nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj")
                           and toks[j].lemma.lower() in self.relative for j in range(noun + 1, k))
                if not role or t.lemma in none or self._hypothetical_verb(k) or (
                        self._measures_for(k, person, cand)):
                    return None
                return f"not {t.lemma}" if self._negated_verb(k) else t.lemma
        return None

    def _verb_predicate(self, cand: _Cand, person: bool, anchor: int | None = None) -> str | None:
        """A verb the lexicon has no measure for that says what happened to the counted noun, its object or
        passive subject (or subject, when the verb has no object): "Congress passed two bills", "50,000 meals
        were delivered", "4 million survivors registered for aid" — kept in the measure, so that bills passed
        never group with bills proposed. None for light and reporting verbs, for verbs with a measure of their
        own (read, or passed over, above) and for what may happen. ``anchor``: the token read in the noun's place
        (a bare number whose thing is elided)."""
        noun = cand.noun if anchor is None else anchor
        if noun is None or cand.modifier:
            return None
        if not self.ex.heads:
            return self._clause_predicate(cand, person)
        toks = self.tokens
        v = toks[noun].head
        dep = toks[noun].dep
        via = None
        number = self.toks_in(cand.m.num_start, cand.m.num_end)
        if v in number and toks[v].pos == "NOUN" and self.lo <= toks[v].head < self.hi:
            v, dep = toks[v].head, toks[v].dep  # «20 тысяч канадцев подписали»: the scale word's verb and role
        if dep == "nsubj" and self.lo <= v < self.hi and toks[v].pos == "ADP" and toks[v].dep == "prep" and (
                self.lo <= toks[v].head < self.hi and toks[toks[v].head].pos == "VERB" and noun < v):
            v = toks[v].head  # "Two reactors still in use — out of the six — went offline": a subject the parser
            # hung from the aside's preposition is its verb's
        through_of = self.lo <= v < self.hi and toks[v].pos == "ADP" and self.lo <= toks[v].head < self.hi
        if through_of:
            h = toks[v].head
            if h in number and cand.partitive and cand.m.form != "vague" and self.lo <= toks[h].head < self.hi and (
                    toks[toks[h].head].pos == "ADP" and h == toks[v].head):
                noun, v = h, toks[h].head  # "lower output from two of the reactors": what the part's phrase hangs from
                h = toks[v].head if self.lo <= toks[v].head < self.hi else v
            if h in number:  # "feeding thousands of people", "nine of its 30 schools were reopened": the number's
                v, dep = toks[h].head, toks[h].dep  # verb (a part's, whose noun hangs from it)
            elif is_noun(toks[h]) and toks[h].dep in ("dobj", "obj") and not self._quantity(h) and toks[h].lemma not in (
                    self.lex.cues.get("goal_words", [])) and not (number and number[0] - 1 >= self.lo and toks[
                    number[0] - 1].dep in ("poss", "nmod:poss")):  # (not "the failure of its 191 parties": its size)
                via, v, dep = h, toks[h].head, toks[h].dep  # "cut output of 12 mills": the mills' output cut
            elif is_noun(toks[h]) and self._argument_phrase(h) is not None and not self._quantity(h):
                via, v, dep = h, self._argument_phrase(h), "dobj"  # "appealed to the leaders of three countries"
            elif toks[h].pos == "VERB" and toks[noun].dep == "pobj":  # "cut output from 12 mills"
                via = next((k for k in range(h + 1, v) if toks[k].head == h and toks[k].dep in ("dobj", "obj")
                            and is_noun(toks[k]) and not self._quantity(k)), None)
                if via is not None:
                    v, dep = h, toks[via].dep
                elif h + 1 == v and toks[v].text.lower() in self.lex.cues.get("object_prepositions", []):
                    v, dep = h, "dobj"  # "paid for 2 million motel nights": the verb's prepositional object
            if cand.partitive and v == toks[noun].head:
                return None
        elif dep == "nmod" and "Case=Gen" in toks[noun].feats and self.lo <= v < noun and is_noun(toks[v]) and (
                self._argument_phrase(v) is not None) and not self._quantity(v):
            via, v, dep = v, self._argument_phrase(v), "obj"  # «обратился к лидерам трёх стран»
        # "nine of 30 schools identified for repair were inspected", parsed as a quantity of the whole: the clause's
        # verb is the part's (a participle on the noun says what the whole is)
        of_whole = cand.partitive and bool(number) and toks[number[-1]].dep == "quantmod" and toks[number[-1]].head != noun
        if cand.partitive and not of_whole and not through_of:
            return None
        # (after a comma only an agreeing participle, a relative one: «судей, оправдавших её»; not "40 boats, divided
        # into two groups and carrying troops", a loose adjunct)
        n = noun + 2 if noun + 2 < self.hi and toks[noun + 1].text == "," and toks[noun + 2].head == noun and (
            "Case=" in toks[noun + 2].feats) else noun + 1
        while n + 1 < min(self.hi, noun + 4) and toks[n].pos == "ADV" and toks[n].head == n + 1:
            n += 1  # past an adverb of the participle: "20,000 pallets still sitting on a runway"
        if not of_whole and n < self.hi and toks[n].head == noun and toks[n].dep in ("acl", "amod") and (
                toks[n].pos == "VERB") and (
                "VerbForm=Part" in toks[n].feats and "Tense=Pres" not in toks[n].feats and toks[n].text.isalpha()
                and toks[n].lemma not in set(self.lex.cues.get("light_verbs", []))
                and toks[n].lemma not in set(self.lex.cues.get("no_predicate_verbs", []))
                and not self._measures_for(n, person)):
            return toks[n].lemma  # "50,000 meals delivered", "40,000 farmers registered for aid"; not "lines connecting"
        able = self._ability(v) if self.lo <= v < self.hi else None
        v = able if able is not None else v  # "150 men were able to terminate their contracts": what they did
        if self.lo <= v < self.hi and dep == "nsubj" and toks[v].lemma in self.lex.cues.get("striking_verbs", []) and (
                not self._hypothetical_verb(v)):
            return toks[v].lemma  # "one shell struck ten meters from the tank": what it did (its measure, damaged, is
            # what was done to the things it struck)
        if not (self.lo <= v < self.hi) or toks[v].pos != "VERB" or self._measures_for(v, person, cand):
            return None
        none = set(self.lex.cues.get("light_verbs", [])) | set(self.lex.cues.get("no_predicate_verbs", []))
        become = self._become_state(v) if dep in ("nsubj", "nsubjpass", "nsubj:pass") else None
        if become:
            return become  # "two reactors went offline", "three pumps fell silent": the state they came to
        # an infinitive says what may happen, unless a verb of compelling or of being able says it did ("forced staff
        # to lower output", "were able to terminate")
        causative = set(self.lex.cues.get("causative_verbs", []))
        caused = able is not None or any(toks[k].lemma in causative for k in range(max(self.lo, v - 4), v))
        # an infinitive of purpose on a verb or noun ("was awarded the contract to provide 30 million meals") says
        # what is to be done to the object: its act, marked a target
        purpose = "VerbForm=Inf" in toks[v].feats and toks[v].dep in ("advcl", "acl") and dep in ("dobj", "obj")
        feared = toks[v].lemma not in none and self._feared(v) and not self._negated_verb(v)
        if toks[v].lemma in none or (self._hypothetical_verb(v) and not feared) or (
                "VerbForm=Inf" in toks[v].feats and not caused and not purpose) or any(
                toks[k].head == v and toks[k].dep in ("xcomp", "ccomp") for k in range(v + 1, min(self.hi, v + 10))):
            return None  # (not "prompted four ships to cancel visits": the infinitive says what they did)
        cand.aim = purpose and not caused
        cand.feared = cand.feared or feared  # "a flood that could affect 20,000 homes": a feared figure
        if dep in ("dobj", "obj", "nsubjpass", "nsubj:pass"):
            return f"{toks[via].lemma} {toks[v].lemma}" if via is not None else toks[v].lemma
        if dep == "nsubj" and not any(toks[k].head == v and toks[k].dep in ("dobj", "obj", "ccomp", "xcomp", "attr")
                                      for k in range(v + 1, min(self.hi, v + 8))):
            return toks[v].lemma
        thing = cand.thing
        if dep == "nsubj" and thing is not None and thing.person and thing.generic and toks[v].lemma not in none:
            return toks[v].lemma  # "300,000 people linked arms": what the people did
        obj = next((k for k in range(v + 1, min(self.hi, v + 8)) if toks[k].head == v and toks[k].dep in ("dobj", "obj")), None)
        part = set(self.lex.cues.get("partitive", []))
        of = next((j for k in range(obj + 1, min(self.hi, obj + 3)) if toks[k].head == obj and toks[k].text.lower() in part
                   for j in range(k + 1, min(self.hi, k + 5)) if toks[j].head == k and is_noun(toks[j])), None) if (
            obj is not None) else None
        obj = of if of is not None else obj  # "provide about half of its electricity": the electricity
        if dep == "nsubj" and anchor is None and obj is not None and toks[obj].pos == "NOUN" and toks[obj].text.isalpha() and (
                not self._quantity(obj)) and measure_noun(self.lex, toks, obj) is None and not any(
                toks[k].head == v and toks[k].dep == "attr" for k in range(v + 1, min(self.hi, v + 8))):
            return f"{toks[v].lemma} {toks[obj].lemma}"  # "60 commandos crossed the reservoir": what they did, to what
        return None  # (not an elided noun's, nor an object that names a measure: "with two sustaining wounds")

    def _argument_phrase(self, h: int) -> int | None:
        """The verb whose prepositional object the noun at ``h`` is, when the preposition marks the verb's own
        argument (``argument_prepositions``: "appealed to", "met with", «обратился к») and the verb has no direct
        object ("sent aid to the residents": the aid is what was sent); None otherwise. English: the noun is the
        object of the preposition; UD: the preposition is the noun's case marker and the noun the verb's oblique."""
        toks = self.tokens
        preps = set(self.lex.cues.get("argument_prepositions", []))
        if not preps:
            return None
        up = toks[h].head
        if not (self.lo <= up < self.hi):
            return None
        if toks[h].dep == "pobj" and toks[up].pos == "ADP" and toks[up].text.lower() in preps:
            verb = toks[up].head
        elif toks[h].dep == "obl" and any(toks[k].head == h and toks[k].dep == "case" and toks[k].text.lower() in preps
                                          for k in range(max(self.lo, h - 3), h)):
            verb = up
        else:
            return None
        if not (self.lo <= verb < self.hi and verb < h) or toks[verb].pos != "VERB" or any(
                toks[k].head == verb and toks[k].dep in ("dobj", "obj") for k in range(self.lo, self.hi)):
            return None
        return verb

    def _become_state(self, v: int) -> str | None:
        """A verb of becoming (``becoming_verbs``: "go", "fall", "become") with an adjectival complement says the
        state its subject came to: "went offline" → `go offline`, "fell silent" → `fall silent`; its negation
        first ("did not go offline"). None for any other verb, for a complement that is a participle (read as a
        verb elsewhere) and for what may happen."""
        toks = self.tokens
        if toks[v].lemma not in self.lex.cues.get("becoming_verbs", []) or self._hypothetical_verb(v):
            return None
        adj = next((k for k in range(v + 1, min(self.hi, v + 4)) if toks[k].head == v and toks[k].dep in (
            "acomp", "oprd", "xcomp", "advmod") and toks[k].pos == "ADJ" and toks[k].text.isalpha() and (
            "VerbForm=Part" not in toks[k].feats)), None)
        if adj is None:
            return None
        act = f"{toks[v].lemma} {toks[adj].text.lower()}"
        return f"not {act}" if self._negated_verb(v) else act

    def _clause_predicate(self, cand: _Cand, person: bool) -> str | None:
        """Without a parse (Ukrainian): the verb of the counted noun's clause (``governing_verb``'s nearest verb) when
        it is a finite verb («взялися», «розчистили»; an infinitive is written as its own lemma) that is no light or
        reporting verb, has no measure of its own for the noun and says nothing that only may happen."""
        v = cand.verb
        if v is None or not (self.lo <= v < self.hi) or self.tokens[v].pos != "VERB":
            return None
        t = self.tokens[v]
        none = set(self.lex.cues.get("light_verbs", [])) | set(self.lex.cues.get("no_predicate_verbs", []))
        first = self.toks_in(cand.m.start, cand.m.num_end)
        oblique = bool(first) and first[0] > self.lo and self.tokens[first[0] - 1].pos == "ADP"  # «в 13 країнах»
        if oblique or t.text.lower() == t.lemma or t.lemma in none or self._hypothetical_verb(v) or self._measures_for(
                v, person, cand):
            return None
        if "VerbForm=Part" in t.feats and first and any(self.tokens[k].text in (",", ";", ":", "—", "–") for k in range(
                min(v, first[0]) + 1, max(v, first[0]))):
            return None  # «був одружений тричі, у нього п'ятеро дітей»: a participle of another clause
        return t.lemma

    def _ability(self, v: int) -> int | None:
        """The infinitive a word of being able governs ("were able to terminate", "managed to return", «смогли
        расторгнуть», ``ability_words``), read at the verb ``v`` or at its adjectival complement; None without one."""
        toks, words = self.tokens, set(self.lex.cues.get("ability_words", []))
        holder = v if toks[v].lemma in words else next(
            (k for k in range(v + 1, min(self.hi, v + 3)) if toks[k].head == v and toks[k].dep == "acomp"
             and toks[k].lemma in words), None)
        if holder is None:
            return None
        return next((k for k in range(holder + 1, min(self.hi, holder + 4)) if toks[k].head == holder
                     and toks[k].dep == "xcomp" and toks[k].pos == "VERB"), None)

    def _earlier_value_of(self, m: NumberMention, previous: list[_Cand], kind: str = "percent") -> str | None:
        """The measure of the percentage (or sum: ``kind``) before this one in the sentence when this one is its
        earlier value ("up from 11.7 percent", «с 6 процентов», «до 1,16 доллара с 1,17 доллара»: a `from_words`
        word, and at most two words, before it)."""
        froms = alternation(self.lex.cues.get("from_words", []))
        if not re.search(r"(?:^|\W)(?:" + froms + r")\s+(?:[^\W\d]+\s+){0,2}$", self.sent[max(0, m.start - 30):m.start],
                         re.IGNORECASE):
            return None
        return next((p.measure for p in reversed(previous) if p.kind == kind and p.measure), None)

    def _family(self, m: NumberMention, thing: Thing) -> bool:
        """A bare count of children that is a person's family ("her four children", «её трое детей», «супруг и
        четверо детей»): a possessive right before the number, or a spouse (`family_words`) and a coordinator
        just before it. Children born, as "mother of four" is."""
        if self.lex.measure_units.get("born") != thing.name:
            return False
        k = self._token_before(m)
        if k is None:
            return False
        t = self.tokens[k]
        if t.dep in ("poss", "nmod:poss") or (t.pos in ("PRON", "DET") and "Poss=Yes" in t.feats):
            return True
        family = set(self.lex.cues.get("family_words", []))
        return t.pos == "CCONJ" and k - 1 >= self.lo and (self.tokens[k - 1].lemma in family
                                                          or self.tokens[k - 1].text.lower() in family)

    def _among(self, verb: int) -> str | None:
        """The measure of the group a count is said to be among ("were among those wounded", "are among the
        dead", «оказались среди погибших», «серед загиблих»): a participle or a measure noun right after an
        `among_words` word (past pronouns and articles) in the verb's clause."""
        toks, words = self.tokens, set(self.lex.cues.get("among_words", []))
        for k in range(verb + 1, min(self.hi, verb + 5)):
            if _barrier(toks[k]):
                return None
            if toks[k].text.lower() not in words:
                continue
            for j in range(k + 1, min(self.hi, k + 4)):
                t = toks[j]
                if t.pos in ("DET", "PRON") and not measure_noun(self.lex, toks, j):
                    continue
                named = measure_noun(self.lex, toks, j)
                if named and self.lex.applies_to.get(named, "people") == "people":
                    return named
                names = verb_measures(self.lex, toks, j, self.hi) if t.pos in ("VERB", "ADJ") else []
                return names[0] if names else None
        return None

    def _measures_for(self, verb: int, person: bool, cand: _Cand | None = None) -> list[str]:
        """The verb's measures that apply to the counted noun: "deployed two ships" has none ("deploy" says troops,
        a measure of people), so the ships' verb is an open predicate."""
        kinds = ("any", "people") if person else ("any", "things")
        return [n for n in verb_measures(self.lex, self.tokens, verb, self.hi) if self.lex.applies_to.get(n, "any") in kinds
                and not (cand is not None and self._names_other_thing(n, cand.thing, cand.noun))]

    def _after_its_verb(self, cand: _Cand, num_toks: list[int]) -> bool:
        """Without a parse (Ukrainian), a counted noun right after its verb is what the verb did or what happened
        («визнав чотири зустрічі», «запропонували три угоди»): the figure follows the finite verb in its clause, as an
        object or a subject after its verb does."""
        if self.ex.heads or cand.verb is None or not num_toks or cand.verb >= num_toks[0]:
            return False
        hedged = self.toks_in(cand.m.start, cand.m.num_start)  # «закрили понад десять станцій»: past the hedge
        between = self.tokens[cand.verb + 1:hedged[0] if hedged else num_toks[0]]
        oblique = any(f"Case={case}" in self.tokens[num_toks[0]].feats for case in ("Dat", "Loc")) or not _has_case(
            self.code, self.tokens[cand.noun].text, ("nomn", "accs", "gent", "ablt"))  # «двом постатям»: dative
        return len(between) <= 2 and not oblique and not any(
            t.pos in ("PUNCT", "ADP", "SCONJ", "CCONJ", "NOUN", "PROPN", "VERB") for t in between)

    @staticmethod
    def _salient(m: NumberMention, thing: Thing | None) -> bool:
        """A count of a thing nothing happened to is a claim when it is a figure someone reports, not a turn of
        phrase: written in digits, or a known kind of thing ("five reactors", not "one friend", "two things")."""
        if m.figure is None:
            return False
        if not m.words:
            return True
        return thing is not None and m.figure >= 2

    def _governed_count(self, m: NumberMention, cand: _Cand, num_toks: list[int]) -> bool:
        """Without a parse, a count in words a preposition governs with its noun right after it («у п'ять етапів»,
        «у двох містах», «двома ін'єкціями» after «з») is a figure the text reports, as digits there are: the
        preposition ties the phrase to the clause's verb. Not one («в одному з»), not a set phrase
        (`number_phrases`: «з двох боків», «у двох словах»), not after a distributive or relating preposition
        (`uncounting_prepositions`: «по два місця», «між двома країнами»)."""
        if self.ex.heads or not m.words or (m.figure or 0) < 2 or m.hedge or not num_toks or cand.noun != num_toks[-1] + 1:
            return False
        k = num_toks[0] - 1
        if k < self.lo or self.tokens[k].pos != "ADP" or not any(t.pos == "VERB" for t in self.tokens[self.lo:self.hi]):
            return False
        if self.tokens[k].text.lower() in self.lex.cues.get("uncounting_prepositions", []):
            return False  # «мали по два місця» (two each), «між двома операторами» (the two named): no count
        phrase = f"{self.tokens[k].text} {m.raw} {self.tokens[cand.noun].text}".lower()
        return not any(f" {p}" in f" {phrase}" for p in self.lex.cues.get("number_phrases", []))

    def _referent(self, cand: _Cand, num_toks: list[int]) -> int | None:
        """The noun a bare number measures: "deaths of about 500", "a total of 1,085", the subject or object of
        its verb ("the death toll … was raised … to nearly 3,000", "estimated the excess mortality at 2,975",
        "the estimates of the number of deaths will reach 103,000,000"), through a relative pronoun ("the
        figure, which they put at 822"). Without a parse: the nearest noun before the number in its clause."""
        toks, lex = self.tokens, self.lex
        if not num_toks:
            return None
        n = num_toks[-1]
        if not self.ex.heads:
            for i in range(n - 1, max(self.lo, n - 8) - 1, -1):
                if toks[i].text in (",", ";", ":", "(", ")"):
                    break
                if is_noun(toks[i]):
                    return i
            return None
        h = toks[n].head
        if (toks[n].dep == "pobj" and 0 <= h and toks[h].text.lower() in lex.cues.get("partitive", [])
                and is_noun(toks[toks[h].head])):
            return toks[h].head
        verb = cand.verb
        if verb is None:
            return None
        found = None
        for v in (verb, toks[verb].head if toks[verb].dep == "conj" else -1):
            if v < 0:
                continue
            for i in range(self.lo, self.hi):
                t = toks[i]
                own = v == verb  # a coordinated verb shares its subject, not its object
                if t.head != v or i in num_toks or not (t.dep.startswith("nsubj") or own and t.dep in ("dobj", "obj")):
                    continue
                if t.pos == "PRON" and t.lemma in set(lex.cues.get("relative_pronouns", [])):
                    k = v
                    while toks[k].dep == "conj" and toks[k].head >= 0:
                        k = toks[k].head
                    if toks[k].dep in ("relcl", "acl:relcl") and is_noun(toks[toks[k].head]):
                        i = toks[k].head
                    else:
                        continue
                if not is_noun(toks[i]) or toks[i].pos == "PROPN":
                    continue
                for j in self._of_chain(i):
                    if measure_noun(lex, toks, j):
                        return j
                found = found if found is not None else i
        return found

    def _implied(self, thing: Thing, measure: str) -> bool:
        """Whether the measure's own words name the thing ("employed" counts staff, "attackers" gunmen)."""
        nouns = {w for w, name in self.lex.measure_nouns.items() if name == measure}
        words = {w for w, t in self.lex.things.items() if t == thing}
        return bool(nouns & words) or thing.measure == measure or self.lex.measure_units.get(measure) == thing.name

    def _composition(self, verb: int, name: str, label: str | None, counted: Thing | None = None) -> str | None:
        """What a count of members measures, from the subject of the verb: the size of a force is troops, a
        death toll that totals N is killed, a team that consists of N experts has N members. A whole the lexicon
        does not know holds members only when what is counted is people ("the path includes 12 chemical plants":
        the plants, not 12 members of a path)."""
        toks = self.tokens
        window = range(max(self.lo, verb - 10), verb)
        subjects = [i for i in window if is_noun(toks[i]) and toks[i].head == verb and toks[i].dep.startswith("nsubj")]
        subjects = subjects or [i for i in reversed(window) if is_noun(toks[i]) and (toks[i].head == verb
                                                                                       or not self.ex.heads)][:1]
        for i in subjects:
            for j in self._of_chain(i):  # "the size of the force", "численность сил"
                named = measure_noun(self.lex, toks, j)
                if named:
                    return named
                thing, _ = thing_at(self.lex, toks, j)
                if thing is not None and thing.measure:
                    return thing.measure
                if not self._quantity(j):
                    if thing is None and not (counted is not None and counted.person):
                        return label
                    return f"{name}: {thing.name if thing else toks[j].lemma}"
        return label

    def _inherit_named(self, cand: _Cand, num_toks: list[int], previous: list[_Cand]) -> bool:
        """A people count right after an anaphoric noun ("the figure", "цифру") is that figure again."""
        if not num_toks or (cand.thing is not None and not cand.thing.generic):
            return False
        for k in range(num_toks[0] - 1, max(self.lo, num_toks[0] - 4) - 1, -1):
            if is_noun(self.tokens[k]):
                return self._anaphoric(k) and self._inherit(cand, previous, anaphora=True)
        return False

    def _governing_measure(self, cand: _Cand, person: bool) -> str | None:
        """A measure noun that governs the counted noun: "the death of 16 employees", "the destruction of four
        helicopters" (an act done to things, for a count of things), by syntax, or the noun right before the number
        when there is no parse."""
        toks, lex = self.tokens, self.lex
        fits = ("people", "any") if person else ("people", "any", "things")
        if self.ex.heads:
            h = toks[cand.noun].head
            if toks[cand.noun].dep == "conj":
                return None  # "40 deaths and 200 injuries": a coordinated count, not governed by the first noun
            if 0 <= h and toks[h].pos == "ADP":
                h = toks[h].head
            if 0 <= h and self.lo <= h < self.hi and is_noun(toks[h]) and h < cand.noun and not self._people_owner(h, cand):
                named = measure_noun(lex, toks, h) or lex.measure_nouns.get(f"{toks[h].lemma} {toks[h + 1].lemma}")
                if named and lex.applies_to.get(named) in fits:
                    return named  # "home to 3.4 million citizens"
            return None
        own = self.toks_in(cand.m.start, cand.m.num_end)
        k = (own[0] if own else self._num_index(cand)) - 1  # past the hedge: «арешт близько 200 учасників ходи»
        while k >= self.lo and toks[k].pos in ("ADP", "DET"):
            k -= 1
        if k >= self.lo and is_noun(toks[k]) and not self._people_owner(k, cand):
            named = measure_noun(lex, toks, k)
            if named and lex.applies_to.get(named) in fits:
                return named
        return None

    def _nominal_verb(self, cand: _Cand) -> str | None:
        """The verb of an event noun governing the counted noun, which says what happened to it the way the verb
        would: "the leak of 889 pages" → leak, "the preservation of thousands of jobs" → preserve, «сокращение 300
        рабочих мест» → сокращать. By the parse: the counted noun (or the bare number) is the object of a genitive
        preposition (``genitive_prepositions``) or a genitive modifier of a common noun before it, past a scale word
        ("thousands of"); the noun is an event noun when ``_act_of_noun`` derives a known verb from it, and no body
        of people ("a team of 300 subcontractors")."""
        if not self.ex.heads:
            return None
        toks, lex = self.tokens, self.lex
        number = self.toks_in(cand.m.num_start, cand.m.num_end)
        k = cand.noun if cand.noun is not None else (number[-1] if number else None)
        of = set(lex.cues.get("genitive_prepositions", []))
        h = None
        for _ in range(3):
            if k is None or not (self.lo <= toks[k].head < self.hi) or toks[k].dep == "conj":
                return None
            up = toks[k].head
            if toks[up].pos == "ADP" and toks[up].text.lower() in of and toks[k].dep == "pobj" and (
                    self.lo <= toks[up].head < self.hi):
                up = toks[up].head  # English: noun → "of" → head
            elif toks[k].dep in ("dobj", "obj") and toks[up].lemma in lex.cues.get("inclusion_verbs", []):
                up = self._includer(up)  # "losses, which included dozens of tanks": the losses' act
                if up is None or up > k:
                    return None
            elif not (toks[k].dep == "nmod" and "Case=Gen" in toks[k].feats and up < k):
                return None  # UD: a genitive modifier of the noun before it
            if up in number:
                k = up  # "the preservation of thousands of jobs", «увольнение тысяч рабочих»: past the scale word
                continue
            h = up
            break
        if number and number[0] - 1 >= self.lo and toks[number[0] - 1].dep in ("poss", "nmod:poss"):
            return None  # "the second failure of its 191 parties": the owner's size, not a count the act is of
        if h is None or h > k or toks[h].pos != "NOUN" or self._quantity(h) or (
                toks[h].lemma in lex.cues.get("goal_words", [])):
            return None
        thing = thing_at(lex, toks, h)[0]
        if thing is not None and (thing.person or thing.group):
            return None  # "a team of 300 subcontractors", «делегация 14 экспертов»: a body, not an event
        return self._act_of_noun(toks[h].lemma)

    def _includer(self, verb: int) -> int | None:
        """The noun that a verb of inclusion's subject is: the subject itself ("the cuts included 300 jobs") or, for
        a relative pronoun, the noun its clause hangs from ("losses, which included dozens of tanks")."""
        toks = self.tokens
        subject = next((k for k in range(max(self.lo, verb - 4), verb) if toks[k].head == verb and toks[k].dep in (
            "nsubj", "nsubj:pass")), None)
        if subject is None:
            return None
        if toks[subject].lemma.lower() in self.relative and toks[verb].dep in ("relcl", "acl:relcl"):
            subject = toks[verb].head
        return subject if self.lo <= subject < self.hi and is_noun(toks[subject]) else None

    def _act_of_noun(self, noun: str) -> str | None:
        """The verb an event noun is made from, by the language's data (``nominal_acts``): its irregular nouns
        ("loss" → "lose"), nouns spelled as their verb ("leak"), and endings of nominalisation, each tried as a
        replacement and kept only when the dictionary knows the verb (``known_verb``: "evacuation" → "evacuate",
        «сокращение» → «сокращать»); None for the nouns it excludes (a body or a collection: "population",
        "combination") and for any other noun."""
        spec = self.lex.cues.get("nominal_acts", {})
        noun = noun.lower()
        if noun in spec.get("not_acts", []):
            return None
        if noun in spec.get("irregular", {}):
            return spec["irregular"][noun]
        if noun in spec.get("same_as_verb", []):
            return noun
        for ending, verb_ending in spec.get("endings", []):
            if noun.endswith(ending) and len(noun) - len(ending) >= 3:
                verb = noun[: -len(ending)] + verb_ending
                if known_verb(self.code, verb):
                    return verb
        return None

    def _listed_measure(self, verb: str, cand: _Cand, person: bool) -> str | None:
        """The measure the lexicon lists for ``verb`` alone that fits the counted noun ("release" → released), as
        ``_governing_measure`` gives a measure noun's."""
        kinds = ("any", "people") if person else ("any", "things")
        return next((n for rest, n in self.lex.measure_verbs.get(verb, []) if not rest and self.lex.applies_to.get(
            n, "any") in kinds and not self._names_other_thing(n, cand.thing, cand.noun)), None)

    def _people_owner(self, h: int, cand: _Cand) -> bool:
        """The noun governing a count of things is itself a noun of people ("residents of 12 villages", «жителей
        12 сёл», "victims of three attacks"): the number counts what they belong to, so the people's measure
        (population, killed) is not the count's; an act noun ("the death of 16 employees") is, and so is a person's
        noun over people ("the mother of two children": born)."""
        thing = thing_at(self.lex, self.tokens, h)[0]
        if thing is None or not thing.person or cand.noun is None:
            return False
        counted = cand.thing
        return not counted.person if counted is not None else "Animacy=Anim" not in self.tokens[cand.noun].feats

    def _incident_in(self, anchors: list[int]) -> str | None:
        """An incident noun the counted things are the place of ("meltdowns in three of its reactors", «пожары в
        трёх корпусах»): its lemma, by the parse (English: the number is the object of a place preposition
        hanging from the noun; UD: the number or noun is the noun's modifier with such a preposition)."""
        if not self.ex.heads:
            return None
        toks = self.tokens
        preps = set(self.lex.cues.get("place_prepositions", []))
        nouns = set(self.lex.cues.get("incident_nouns", [])) | set(self.lex.cues.get("event_nouns", []))
        for a in anchors:
            h = toks[a].head
            if not (self.lo <= h < self.hi):
                continue
            if toks[h].pos == "ADP" and toks[h].text.lower() in preps:
                n = toks[h].head  # English: noun → prep → number
            elif any(toks[k].head == a and toks[k].dep == "case" and toks[k].text.lower() in preps
                     for k in range(max(self.lo, a - 3), a)):
                n = h  # UD: the preposition is the number's (or noun's) case marker
            else:
                continue
            if self.lo <= n < a and is_noun(toks[n]) and toks[n].lemma in nouns:
                return toks[n].lemma
        return None

    def _quantity(self, i: int) -> bool:
        """ "the number of", "численность": a noun that only says how many of what follows."""
        t = self.tokens[i]
        words = set(self.lex.cues.get("quantity_nouns", []))
        return t.lemma in words or t.text.lower() in words

    def _nearby(self, num_toks: list[int]) -> int | None:
        """A measure noun or an anaphoric noun earlier in the sentence, with no other figure in between ("the
        official death toll, which she says may be under-reported, and could be as high as 450")."""
        if not num_toks:
            return None
        for i in range(num_toks[0] - 1, max(self.lo, num_toks[0] - 20) - 1, -1):
            t = self.tokens[i]
            if t.pos == "NUM" and t.text[:1].isdigit():
                return None
            if is_noun(t) and (measure_noun(self.lex, self.tokens, i) or self._anaphoric(i)):
                return i
            if t.pos == "ADJ" and i == num_toks[0] - 1 and measure_noun(self.lex, self.tokens, i):
                return i  # «загиблих 12 осіб, поранених 30»: an adjective that stands for people, right before
        return None

    def _of_chain(self, i: int) -> list[int]:
        """The noun and the nouns hanging from it by "of" ("estimates of the number of deaths")."""
        toks = self.tokens
        out = [i]
        for _ in range(3):
            gen = next((q for q in range(i + 1, min(self.hi, i + 4)) if toks[q].head == i and toks[q].dep == "nmod"
                        and (is_noun(toks[q]) or measure_noun(self.lex, toks, q))), None)
            # a genitive: "численность сил", "число задержанных"
            if gen is not None:
                out.append(gen)
                i = gen
                continue
            nxt = next((p for p in range(i + 1, min(self.hi, i + 4)) if toks[p].head == i
                        and toks[p].text.lower() in self.lex.cues.get("partitive", [])), None)
            if nxt is None:
                break
            obj = next((q for q in range(nxt + 1, min(self.hi, nxt + 6)) if toks[q].head == nxt and is_noun(toks[q])),
                       None)
            if obj is None:
                break
            out.append(obj)
            i = obj
        return out

    def _refer_back(self, cand: _Cand, previous: list[_Cand]) -> None:
        """A figure whose counted noun only says "figure" or "number" counts what "the number of deaths" earlier
        in the sentence names, else what the figure before it counted, else what a measure noun of people in this
        sentence or the one before names ("… revised the death toll to match the estimate. … to report the 2,975
        number as fact": killed). The window is the sentence before and no more: "the N number" re-mentions the
        figure the text is talking about, whose noun a writer names right before it; a measure noun further back
        belongs as often to another figure."""
        toks = self.tokens
        for i in range(self.lo, self._num_index(cand)):
            if self._anaphoric(i) or self._quantity(i):
                for j in self._of_chain(i)[1:]:
                    named = measure_noun(self.lex, toks, j)
                    if named:
                        cand.measure, cand.source = named, "noun"
                        cand.unit = self.lex.measure_units.get(named) or (
                            "people" if self.lex.applies_to.get(named) == "people" else cand.unit)
                        return
        if self._inherit(cand, previous, anaphora=True) or cand.kind != "count":
            return
        index = bisect_right(self.ex.starts, self.s_start) - 1
        first = self.ex.parse.between(self.ex.spans[index - 1][0], self.s_start).start if index > 0 else self.lo
        for i in range(self._num_index(cand) - 1, max(first, self._num_index(cand) - 120) - 1, -1):  # (bounded: linear)
            named = measure_noun(self.lex, toks, i) if is_noun(toks[i]) else None
            if named and self.lex.applies_to.get(named) == "people":
                cand.measure, cand.source, cand.unit = named, "noun", self.lex.measure_units.get(named) or "people"
                return

    def _anaphoric(self, i: int) -> bool:
        t = self.tokens[i]
        return t.lemma in set(self.lex.cues.get("anaphoric", [])) or t.text.lower() in set(self.lex.cues.get("anaphoric", []))

    def _inherit(self, cand: _Cand, previous: list[_Cand], anaphora: bool, whole: bool = False) -> bool:
        """Take the measure of the figure before: in this sentence (an elliptic figure), or — for an anaphoric
        noun ("that figure", "эта цифра") — in the sentences before. A ``whole`` after a partitive takes only what
        is counted, none of what happened to the part ("two reactors — out of the plant's six — went offline": six
        bare reactors)."""
        pool = list(reversed(previous))
        if anaphora:  # a figure talked about: one some event happened to, before a bare count of things
            older = list(reversed(self.prior))
            pool += [c for c in older if c.source in ("noun", "verb", "state", "inherited")]
            pool += [c for c in older if c.source not in ("noun", "verb", "state", "inherited")]
        for before in pool:
            if before.kind == cand.kind and before.measure and not before.measure.startswith("date"):
                cand.measure, cand.thing, cand.unit = before.measure, before.thing, before.unit
                if before.aim and cand.verb is not None and cand.verb != before.verb:
                    cand.measure = before.measure.removeprefix("target: ")  # "to provide 30 million meals, but only
                    # followed through on 50,000": what was done, not the aim
                cand.subgroup, cand.noun_lemma = before.subgroup, before.noun_lemma
                cand.source = "inherited"
                if whole and before.source in ("verb", "state") and (before.thing is not None or before.noun_lemma):
                    cand.measure = before.thing.measure or before.thing.name if before.thing else before.noun_lemma
                return True
        return False

    def _percent_measure(self, cand: _Cand, verb_names: list[str]) -> str:
        name = self._share_measure(cand, verb_names)
        whole = cand.noun
        if whole is not None and any(t.head == whole and t.dep in ("acl", "relcl")
                                     for t in self.tokens[whole + 1:min(self.hi, whole + 4)]):
            return f"{name}: of a part"  # "half of the electricity generated by nuclear power": a part's share
        return name

    def _share_measure(self, cand: _Cand, verb_names: list[str]) -> str:
        lex, toks = self.lex, self.tokens
        for name in verb_names:
            if lex.applies_to.get(name) == "percent" and not self._weak_share_verb(cand, name):
                return name
        window = range(max(self.lo, (cand.noun or self.hi) - 10), min(self.hi, (cand.noun or self.lo) + 10))
        for i in window:
            named = measure_noun(lex, toks, i)
            if named and lex.applies_to.get(named) == "percent":
                return named
        shares = set(lex.cues.get("share_nouns", []))
        for i in range(max(self.lo, self._num_index(cand) - 24), self._num_index(cand)):
            of = self._of_noun(i) if toks[i].lemma in shares else None
            if of:
                return f"share: {of}"  # "the share of countries rated free fell to 45 percent"
        k = self._token_from(cand.unit_end)
        comparative = k is not None and k < self.hi and ("Degree=Cmp" in toks[k].feats or (
            toks[k].text.lower().endswith("er") and toks[k].lemma != toks[k].text.lower()))  # "56% wider": a comparison
        if k is not None and k < self.hi and toks[k].pos == "ADJ" and toks[k].text.isalpha() and not comparative and not (
                k + 1 < self.hi and (is_noun(toks[k + 1]) or toks[k + 1].pos == "ADJ")) and "Case=Gen" not in toks[k].feats:
            # (not the whole in the genitive: «78 відсотків опитаних» are the polled, not how polled)
            return f"share: {toks[k].lemma}"  # "the vaccine is only 25 to 35 percent effective": how effective
        verb = self._clause_verb(cand)
        deprived = self._deprived(cand)
        if deprived is not None:
            return f"share: without {deprived}".strip()  # "90% without power", "72 percent still lacks electricity"
        owner = self._share_owner(cand)
        if owner is not None:
            return f"share: {owner}"  # «ефективність вакцини в 90%», «явка у 60%»: how much of what the noun names
        if verb is not None and self._framing_verb(verb, cand):
            verb = None  # «опитування показало, що 65% … згодні»: the frame says who found the share, not what it did
        stated = self._stated_share(cand, before=verb is None or verb < self._num_index(cand))
        if stated is not None:
            return stated  # «65% українців згодні», «не готові — 56% респондентів»: the share's own predicate
        what = toks[verb].lemma if verb is not None else None
        level = cand.verb if cand.verb is not None and cand.verb < self._num_index(cand) else None
        if level is not None and toks[level].lemma not in set(lex.cues.get("light_verbs", [])) and self._level_share(cand):
            # "the mills are working at 50% of their capacity": the level they run at, not a share of people at work
            return f"share: {cand.noun_lemma or self._level_whole(cand) or toks[level].lemma}"
        holder = self._figure_holder(cand, siblings=False, share=True) if not self._level_share(cand) else None
        if holder is not None:  # "forecasts growth of 3.7 percent", "unemployment reached 11 percent": a rate of
            # the noun, no share of anything ("an unemployment rate of": the compound with it)
            compound = holder - 1 if holder - 1 >= self.lo and toks[holder - 1].head == holder and toks[
                holder - 1].dep == "compound" and toks[holder - 1].pos == "NOUN" else None
            return f"rate: {toks[compound].lemma + ' ' if compound is not None else ''}{toks[holder].lemma}"
        if what in lex.cues.get("change_verbs", []) and verb == cand.verb:
            changed = self._changed(cand)  # "inflation is projected to rise to 9.5 percent": inflation's, not "rise"
            if changed:
                return f"share: {changed}"
        if what in lex.cues.get("possessive_verbs", []) and verb > self._num_index(cand):
            held = self._object_thing(verb)  # not "to have 30 percent … restored": the share is its object
            if held:
                return f"share: with {held}"  # "25 percent of the island has power"
        opinion = what in set(lex.cues.get("opinion_verbs", [])) and self._share_of_people(cand) and (
            not self.ex.heads or any(toks[k].head == verb and toks[k].dep.startswith("nsubj") for k in (
                self._num_index(cand), *self.toks_in(cand.m.start, cand.unit_end), *(
                    [cand.noun] if cand.noun is not None else []))))  # (by the parse, the share is who thinks: not
        # "I '100 percent' still believe")
        if what and any(ch.isalpha() for ch in what) and (what not in set(lex.cues.get("light_verbs", [])) or opinion):
            # (a verb of opinion is light elsewhere, but what a share of people think is what the share says:
            # «55% вважають інакше»)
            no = "not " if self._negated_verb(verb) else ""  # «56% не підтримують»: the opposite share, kept apart
            measured = [n for n in verb_measures(lex, toks, verb, self.hi) if lex.applies_to.get(n) in ("people", "any")
                        and (n not in lex.agent or verb > self._num_index(cand))]  # "a drug that attacked 99% of
            # the cells": a share after the verb is its object, not its doers (no share of attackers)
            if measured and self._share_of_people(cand):
                return f"share: {no}{measured[0]}"  # "three quarters of the population have been evacuated"
            # "half of the supermarkets have reopened", "imports 30% of its oil": the whole and the verb; and what
            # the verb after the share has as its object ("96% of citizens profess Islam": not any profession; "40
            # per cent read printed newspapers" with no whole: the newspapers)
            held = next((toks[k].lemma for k in range(verb + 1, min(self.hi, verb + 6)) if (
                toks[k].head == verb or k == verb + 1) and toks[k].dep in ("dobj", "obj") and is_noun(toks[k])), None) if (
                verb > self._num_index(cand)) else None  # (an object right after the verb, wherever the parse hung it)
            whole = f"{cand.noun_lemma} " if cand.noun_lemma and cand.noun is not None else ""
            return f"share: {no}{whole}{what}" + (f" {held}" if held else "")
        if not cand.noun_lemma:
            after = self._token_from(cand.unit_end)
            if after is not None and after < self.hi and toks[after].pos == "VERB" and toks[after].dep == "nmod":
                return f"share: {toks[after].lemma}"  # «35% опрошенных»: the participle is the whole
        return f"share: {cand.noun_lemma}" if cand.noun_lemma else "share"

    def _share_owner(self, cand: _Cand) -> str | None:
        """The noun a share is the degree of when a preposition joins them (`share_prepositions`: «ефективність
        вакцини в 90%», «эффективность в 90%»): the first noun before the preposition past the genitives that
        qualify it, not a name nor a place's locative («у Києві в 90% випадків»)."""
        toks, at = self.tokens, self._num_index(cand)
        k = at - 1
        if cand.noun is not None and cand.noun > at or k - 1 < self.lo or toks[k].text.lower() not in set(
                self.lex.cues.get("share_prepositions", [])):
            return None
        k -= 1
        while k > self.lo and is_noun(toks[k]) and "Case=Gen" in toks[k].feats:
            k -= 1
        t = toks[k]
        if t.pos != "NOUN" or t.text[:1].isupper() or not any(f"Case={c}" in t.feats for c in ("Nom", "Acc", "Ins", "Loc", "Dat")):
            return None
        return t.lemma

    def _framing_verb(self, verb: int, cand: _Cand) -> bool:
        """Whether the verb before a share only frames it: a verb of showing or announcing (`framing_verbs`:
        "the survey showed", «опитування показало», «оголосили») or any verb a report opener (`report_openers`:
        *that*, «що», «что») separates from the share. Its subject is who found the figure, not what the share
        did, so it names no share."""
        at = self._num_index(cand)
        if verb >= at:
            return False
        openers = set(self.lex.cues.get("report_openers", []))
        return self.tokens[verb].lemma in set(self.lex.cues.get("framing_verbs", [])) or any(
            self.tokens[k].text.lower() in openers for k in range(verb + 1, at))

    def _stated_share(self, cand: _Cand, before: bool) -> str | None:
        """A share's predicate that is an adjective, read by the dictionary where there is no parse (Ukrainian):
        after the share's whole («65% опитаних згодні», «30% не готові голосувати») or before a dash that opens the
        sentence with it («не готові — 56% респондентів»; ``before``: when no verb follows the share), with its
        negation and an infinitive it governs. A share of people named by the whole alone loses what they said
        (bare `share: респондент`)."""
        if self.ex.heads:
            return None
        toks, at = self.tokens, self._num_index(cand)
        start = self._token_from(cand.unit_end)
        if start is None:
            return None
        k = start
        while k < min(self.hi, start + 5) and ("Case=Gen" in toks[k].feats and toks[k].pos in ("NOUN", "ADJ", "PROPN")):
            k += 1  # the whole and its modifiers in the genitive: «опитаних громадян»
        negation = set(self.lex.cues.get("negation", []))
        while k < self.hi and toks[k].text.lower() in negation:
            k += 1
        if k > start or cand.noun is None:
            adjective = self._predicate_adjective(k)
            if adjective is not None:
                return self._stated(cand, k, adjective)
        k = at - 1
        if before and k > self.lo and toks[k].text in ("—", "–", "-"):
            k -= 1
            adjective = self._predicate_adjective(k)
            if adjective is not None and not any(_barrier(toks[j]) for j in range(self.lo, k)):
                return self._stated(cand, k, adjective)
        return None

    def _predicate_adjective(self, k: int) -> str | None:
        """The lemma of a plural adjective in the nominative at ``k`` by any of its dictionary readings (the syntax
        pass keeps only the first: «готові» is first a noun), not one before a noun it qualifies."""
        from storylens.relate.morphology import analyzer

        toks = self.tokens
        if not (self.lo <= k < self.hi) or not toks[k].text.isalpha() or (
                k + 1 < self.hi and is_noun(toks[k + 1]) and "Case=Gen" not in toks[k + 1].feats):
            return None
        morph = analyzer(self.code or "uk")
        readings = [p for p in morph.parse(toks[k].text) if p.tag.POS == "ADJF" and p.tag.case == "nomn"
                    and p.tag.number == "plur"] if morph is not None else []
        return readings[0].normal_form if readings else None

    def _stated(self, cand: _Cand, k: int, adjective: str) -> str:
        """ "share: <whole> <adjective> [<infinitive>]" with "not" when the adjective is negated."""
        toks = self.tokens
        then = k + 1 if k + 1 < self.hi and toks[k + 1].pos == "VERB" and (
            "VerbForm=Inf" in toks[k + 1].feats or toks[k + 1].text.lower() == toks[k + 1].lemma) else None  # (an
        # infinitive is its own lemma where the tagger gives no verb form)
        act = f"{adjective} {toks[then].lemma}" if then is not None else adjective
        no = "not " if self._negated_verb(k) else ""
        whole = f"{cand.noun_lemma} " if cand.noun_lemma and cand.noun is not None else ""
        return f"share: {no}{whole}{act}"

    def _level_share(self, cand: _Cand) -> bool:
        """Whether a share follows a preposition of level, alone or after a figure it is coordinated with
        ("working at 50% and 70%", «работает на уровне 60%», `level_prepositions`): the level something runs at."""
        coordinated = r"(?:[\d.,]+\s*%?\s*(?:,|" + alternation(attrib.tables().coordinators) + r")\s+)?"
        return bool(re.search(r"(?:^|\W)(?:" + alternation(self.lex.cues.get("level_prepositions", [])) + r")\s+" + coordinated
                              + r"$", self.sent[max(0, cand.m.start - 40):cand.m.start], re.IGNORECASE))

    def _level_whole(self, cand: _Cand) -> str | None:
        """The whole a level is a share of, past the figures coordinated with it ("at 50% and 70% of their
        capacity" → capacity), by the parse."""
        toks = self.tokens
        coordinators = attrib.tables().coordinators
        for k in range(self._num_index(cand) + 1, min(self.hi, self._num_index(cand) + 8)):
            t = toks[k]
            if t.text.lower() in self.lex.cues.get("partitive", []):
                return self._of_noun(k - 1)
            if not (t.text[:1].isdigit() or t.text == "%" or t.text.lower() in coordinators):
                return None
        return None

    def _weak_share_verb(self, cand: _Cand, name: str) -> bool:
        """Whether the share's verb is one of getting that says ``name`` only of a share of no people: «Байден
        отримав 51%» is a vote share, «Вакцину отримали 40% мешканців» and "12% of adults got a booster" are not."""
        verb = cand.verb
        if verb is None or cand.noun is None or (self.tokens[verb].lemma, name) not in self.lex.weak_verbs:
            return False
        thing = thing_at(self.lex, self.tokens, cand.noun)[0]
        return thing is not None and thing.person

    def _share_of_people(self, cand: _Cand) -> bool:
        """Whether a share's whole is people: a person thing, or a noun the parse or the lexicon does not call a
        thing ("the population", "residents")."""
        if cand.noun is None:
            return True
        thing = thing_at(self.lex, self.tokens, cand.noun)[0]
        return thing.person if thing is not None else "Animacy=Inan" not in self.tokens[cand.noun].feats

    def _changed(self, cand: _Cand) -> str | None:
        """What a change by a share is of: the subject of its verb, past "the number of" ("union membership … has
        dropped by half" → membership), by the parse."""
        if cand.verb is None or not self.ex.heads:
            return None
        verb = cand.verb
        for _ in range(2):  # "inflation is projected to rise to 9.5 percent": the subject of "rise" hangs from
            subject = next((i for i in range(max(self.lo, verb - 20), verb) if self.tokens[i].head == verb
                            and self.tokens[i].dep.startswith("nsubj") and is_noun(self.tokens[i])), None)
            if subject is not None or self.tokens[verb].dep != "xcomp" or self.tokens[verb].head < 0:
                break
            verb = self.tokens[verb].head
        if subject is None:
            return None
        chain = [j for j in self._of_chain(subject) if not self._quantity(j)]
        return self.tokens[chain[-1]].lemma if chain else None

    def _clause_verb(self, cand: _Cand) -> int | None:
        """The first verb after a share in its clause ("over half the population … fleeing the city"), else the
        verb that governs it."""
        start = self._num_index(cand) + 1
        for k in range(start, min(self.hi, start + 12)):
            t = self.tokens[k]
            if _barrier(t) and k > start:
                break
            if t.pos == "VERB" and t.dep in ("acl", "amod", "relcl", "acl:relcl", "nmod"):
                continue  # "90 percent of those killed were …": the whole's participle («78% опрошенных»: the whole)
            if t.pos == "AUX" and t.dep.startswith("aux") and k < t.head < min(self.hi, k + 6):
                continue  # "half of the supermarkets have reopened": the auxiliary of the verb that says it
            if t.pos == "VERB" or (t.pos == "AUX" and t.lemma in self.lex.cues.get("possessive_verbs", [])):
                return k
        return cand.verb

    def _object_thing(self, verb: int) -> str | None:
        skip = set(self.lex.cues.get("privative_skip", []))
        for k in range(verb + 1, min(self.hi, verb + 6)):
            t = self.tokens[k]
            if is_noun(t) and t.lemma not in skip:
                thing = thing_at(self.lex, self.tokens, k)[0]
                return thing.name if thing else t.lemma
            if _barrier(t):
                break
        return None

    def _deprived(self, cand: _Cand) -> str | None:
        """What a share is without ("without power", "lacks electricity", "power is still out for 95 percent"):
        kept in the measure, so that a share with power never groups with a share without it, nor a share
        without water with one without power. None when the share is not a privation; "" when the thing
        is not named."""
        words = set(self.lex.cues.get("privative", []))
        skip = set(self.lex.cues.get("privative_skip", []))
        toks = self.tokens
        start = self._num_index(cand)
        lo, hi = start, start
        while lo - 1 >= max(self.lo, start - 8) and not _barrier(toks[lo - 1]):
            lo -= 1
        while hi + 1 < min(self.hi, start + 14) and not _barrier(toks[hi + 1]):
            hi += 1
        span = self.toks_in(cand.m.start, max(cand.m.end, cand.unit_end))
        near = sorted((j for j in range(lo, hi + 1) if j not in span), key=lambda j: abs(j - start))
        negation = set(self.lex.cues.get("negation", []))
        having = {*self.lex.cues.get("possessive_verbs", []), *self.lex.cues.get("privation_verbs", [])}
        for j in near:
            if toks[j].text.lower() in negation and not (j + 1 < self.hi and toks[j + 1].lemma in having):
                continue  # «не мають світла», «не было света» lack; «не підтримують реформу» is an opinion, no lack
            if toks[j].text.lower() in words or toks[j].lemma in words:
                for k in list(range(j + 1, min(hi + 1, j + 6))) + list(range(j - 1, max(lo - 1, j - 6), -1)):
                    if is_noun(toks[k]) and k not in span and toks[k].lemma not in skip:
                        thing, _ = thing_at(self.lex, toks, k)
                        return thing.name if thing else toks[k].lemma
                return ""
        return None

    def _money_measure(self, cand: _Cand, verb_names: list[str]) -> str:
        lex, toks = self.lex, self.tokens
        if cand.unit and "/" in cand.unit:
            return "price"
        for name in verb_names:
            if lex.applies_to.get(name) == "money":
                return name
        window = range(max(self.lo, self._num_index(cand) - 6), min(self.hi, self._num_index(cand) + 8))
        for i in window:
            named = measure_noun(lex, toks, i)
            if named and lex.applies_to.get(named) == "money":
                return named
        raised = self._raised_object(cand)
        if raised:
            return f"money: {raised}"  # "brings total aid committed … by the government to $9 billion": the aid's
        cop = toks[self._num_index(cand)].head
        if self.lo <= cop < self.hi and toks[cop].lemma in set(lex.cues.get("light_verbs", [])):
            for i in range(cop - 1, max(self.lo, cop - 10) - 1, -1):  # "damages to the island alone are $95 billion"
                named = measure_noun(lex, toks, i)
                if named and lex.applies_to.get(named) == "money":
                    return named
        if cand.noun_lemma:
            return f"money: {cand.noun_lemma}"
        purpose = self._purpose(cand)
        if purpose:
            return f"money: {purpose}"
        k = self._token_from(cand.unit_end)
        if k is not None and k < self.hi and toks[k].pos == "VERB" and "VerbForm=Part" in toks[k].feats and (
                toks[k].dep in ("acl", "amod")) and "Tense=Pres" not in toks[k].feats:
            return f"money: {toks[k].lemma}"  # "Trump's claim of the billions of dollars raised": raised, not a claim
        first = self.toks_in(cand.m.num_start, cand.m.num_end)
        k = (first[0] if first else self.lo) - 1  # "a fine equivalent to $1,100", «штрафу, эквивалентному 1100 долларам»
        amounts = set(lex.cues.get("amount_nouns", []))
        while k >= max(self.lo, self._num_index(cand) - 9) and (
                toks[k].pos in ("ADJ", "ADP", "PART", "PUNCT", "DET", "SYM") or is_modifier(toks[k]) or (
                    toks[k].pos == "ADV" and all(toks[j].pos in ("ADV", "SYM") for j in range(k + 1, first[0] if first else k)))
                or toks[k].dep in ("amod", "acl") or "VerbForm=Part" in toks[k].feats or (
                    toks[k].lemma in amounts and any(toks[j].pos == "ADP" for j in range(max(self.lo, k - 2), k)))):
            k -= 1  # («штрафу в размере 1100 долларов», "a fine in the amount of $1,100", "revenues of only $1
            # million": the fine's amount, past a limiting adverb)
        if k >= self.lo and is_noun(toks[k]) and toks[k].pos != "PROPN" and not self._quantity(k):
            return f"money: {toks[k].lemma}"  # (not "a total of $14 billion": the verb says what it is)
        done = next((j for j in range(k + 1, first[0] if first else k + 1) if toks[j].pos == "VERB" and toks[j].dep == "amod"
                     and "VerbForm=Part" in toks[j].feats), None)
        if done is not None:
            return f"money: {toks[done].lemma}"  # "with the added $3 billion", "the pledged €2 billion": what was done to it
        holder = self._figure_holder(cand, verbs=False)
        if holder is not None:
            return f"money: {toks[holder].lemma}"  # "two loans, one worth $3 billion": the loans, not what was done
        if cand.verb is not None and toks[cand.verb].lemma not in set(lex.cues.get("light_verbs", [])):
            return f"money: {toks[cand.verb].lemma}"
        if cand.verb is not None and toks[self._num_index(cand)].dep in ("dobj", "obj"):
            return f"money: {toks[cand.verb].lemma}"  # "FEMA will get $7 billion": the subject receives it, names nothing
        if cand.verb is not None:
            subject = self._subject_of(cand.verb)  # "the relief fund stands at $4.6 billion": the fund's
            if subject:
                return f"money: {subject}"
        return "money"

    def _raised_object(self, cand: _Cand) -> str | None:
        """ "brings total aid … to $9.1 billion", «довела общую помощь до 9 млрд долларов»: a sum after a preposition
        of a new level (`level_to`) is the level a thing was brought to, so that thing names the sum (not a noun in
        its own modifiers: "by the government"): the object of the verb the preposition hangs on, the noun a
        participle it hangs on modifies ("aid committed … to $9 billion"), or the noun it hangs on (Russian's
        «помощь до …»). By the parse; None without it."""
        if not self.ex.heads:
            return None
        toks, to = self.tokens, set(self.lex.cues.get("level_to", []))
        own = set(self.toks_in(cand.m.start, max(cand.m.end, cand.unit_end)))  # the sum's own words
        k, at = self._num_index(cand), None
        for _ in range(4):
            case = next((j for j in range(max(self.lo, k - 4), k) if toks[j].head == k and toks[j].dep == "case"), None)
            h = toks[k].head
            if case is not None:  # «до 2,1 млрд долларов»: the preposition under its noun
                at, prep = h, case
                break
            if not (self.lo <= h < self.hi) or h == k or (toks[h].pos != "ADP" and h not in own):
                return None  # (not "in addition to two packages, one worth $40 billion": another phrase's "to")
            if toks[h].pos == "ADP":
                at, prep = toks[h].head, h
                break
            k = h
        if at is None or toks[prep].text.lower() not in to or not (self.lo <= at < self.hi):
            return None
        if is_noun(toks[at]):
            return toks[at].lemma if toks[at].pos != "PROPN" and at < prep else None
        if toks[at].pos != "VERB":
            return None
        obj = next((j for j in range(max(self.lo, at - 8), prep) if toks[j].head == at and toks[j].dep in ("dobj", "obj")
                    and is_noun(toks[j]) and toks[j].pos != "PROPN"), None)
        if obj is None and toks[at].dep == "acl" and "VerbForm=Part" in toks[at].feats and is_noun(toks[toks[at].head]):
            obj = toks[at].head  # "aid committed … to $9 billion": the participle's noun
        return toks[obj].lemma if obj is not None else None

    def _purpose(self, cand: _Cand) -> str | None:
        """What a sum is for or consists of, after a purpose or content preposition right after it ("$500 million
        for flood protection", "$72 billion in debt", «5 млрд рублей на восстановление»): the head of the noun
        phrase."""
        toks = self.tokens
        k = next((i for i in range(self.lo, self.hi) if toks[i].start >= self.s_start + cand.unit_end), self.hi)
        content = k < self.hi and toks[k].text.lower() in self.lex.cues.get("content_prepositions", [])
        purpose = set(self.lex.cues.get("purpose_prepositions", []))
        if k < self.hi and not content and toks[k].text.lower() not in purpose:
            # past a short phrase that says where the sum is ("$4 million available for flood repairs"): its purpose,
            # not its owner
            j = next((j for j in range(k + 1, min(self.hi, k + 4)) if toks[j].text.lower() in purpose), None)
            if j is not None and not any(_barrier(toks[q]) or toks[q].pos in ("VERB", "AUX", "NUM") for q in range(k, j)):
                k = j
        if k >= self.hi or not (content or toks[k].text.lower() in purpose):
            return None
        k += 1
        while k < self.hi and (toks[k].pos == "DET" or (is_modifier(toks[k]) and not is_noun(toks[k]))):
            k += 1
        months = self.lex.cues.get("months", {})
        j = k
        while j < self.hi and toks[j].pos == "PROPN" and toks[j].dep == "compound" and j < toks[j].head < min(
                self.hi, j + 5):
            j = toks[j].head  # "$16 billion for the National Flood Insurance program": the named program's noun
        if j != k and toks[j].pos == "NOUN":
            k = j
        if k >= self.hi or not is_noun(toks[k]) or toks[k].pos == "PROPN" or (content and (
                toks[k].lemma in self.lex.time or toks[k].lemma in months or toks[k].text.lower() in months)):
            return None  # (not "$5 million in the first year", «3 млрд долларов в мае»)
        while toks[k].dep == "compound" and k < toks[k].head < min(self.hi, k + 4) and is_noun(toks[toks[k].head]):
            k = toks[k].head  # "flood protection"
        return toks[k].lemma

    def _party(self, cand: _Cand) -> str | None:
        """Whose deal a sum is: a name after a party preposition right after its noun ("a $200 million contract
        with Acme Corp", «контракт с X», «угода з X»), so that two contracts of two companies are two things."""
        toks, preps = self.tokens, set(self.lex.cues.get("party_prepositions", []))
        if cand.noun is not None:
            k = cand.noun + 1
        else:  # «контракт на 300 млн долларов с X»: the party follows the sum's unit
            k = next((i for i in range(self.lo, self.hi) if toks[i].start >= self.s_start + cand.unit_end), self.hi)
        if k >= self.hi or toks[k].text.lower() not in preps:
            return None
        after = toks[k].end
        # an article, and one common noun that says what the party is ("with the company «X»")
        gap = re.compile(r"^\s*(?:(?:" + alternation(self.lex.cues.get("articles", [])) + r")\s+)?(?:[^\W\d_]+\s+)?[«\"“'‘]?$",
                         re.IGNORECASE)
        for e in self.ents:
            if e.label in ("ORG", "PER", "MISC") and e.start >= after and gap.match(self.ex.doc.text[after:e.start]):
                return e.text
        return None

    def _rate_period(self, cand: _Cand) -> str | None:
        """The period a count is per: a per-word and a time right after the counted noun ("20,000 chickens a day",
        «300 машин в сутки»), or a sentence opened by a word of every and a time ("Every day, rescue teams pull 30 people from the rubble",
        `rate_leads`). None for a count said once ("a day later", "in a day")."""
        sent, lex = self.sent, self.lex
        at = max(cand.m.end, cand.unit_end)
        per = re.compile(r"\s*(?:" + alternation(lex.per) + r")\s+([^\W\d_]+)\b(?!\s*(?:" + alternation(self.ago) + r")\b)",
                         re.IGNORECASE).match(sent, at)
        if per is None:
            per = re.match(r"\W*(?:" + alternation(lex.cues.get("rate_leads", [])) + r")\s+([^\W\d_]+)\b", sent, re.IGNORECASE)
        if per is None:
            return None
        word = per.group(1).lower()
        return lex.time.get(word) or lex.time.get(self._lemma_at(per.start(1)) or word)

    def _occasions_measure(self, cand: _Cand) -> str:
        """What happened the number of times: the nearest verb before "N times" in its clause ("was hit three
        times" → times hit; "accused them of shelling the town three times": the shelling), else the verb that
        governs it («пять раз выступил» → times выступить); a verb and the preposition after it that say
        someone went somewhere ("has been to the valley five times", `occasion_phrases`) name the visit."""
        num = self._num_index(cand)
        verb = self._verb_after(num)  # "was twice disconnected", «трижды непочтительно высказалась»
        for k in range(num - 1, max(self.lo, num - 12) - 1, -1) if verb is None else ():
            if _barrier(self.tokens[k]) and self.tokens[k].pos != "CCONJ":
                break
            if self.tokens[k].pos in ("VERB", "AUX") and not self.tokens[k].dep.startswith("aux"):
                verb = k
                break
        if verb is None:
            verb = governing_verb(self.ex.parse, num, self.lo, self.hi, self.ex.heads, self.relative, self.others)
        if verb is None or self.tokens[verb].pos not in ("VERB", "AUX"):
            return "times"
        lemma = self.tokens[verb].lemma.lower()
        after = self.tokens[verb + 1].text.lower() if verb + 1 < self.hi else ""
        phrase = self.lex.cues.get("occasion_phrases", {}).get(f"{lemma} {after}")
        return f"times {phrase or lemma}"

    def _verb_after(self, num: int) -> int | None:
        """The verb after a number of times that the parse hangs it on, past an adverbial word the parse took for
        a verb («трижды непочтительно высказалась»); None when its verb comes first ("hit it twice") or no parse."""
        toks = self.tokens
        if not self.ex.heads:
            return None
        h = toks[num].head
        for _ in range(3):
            if not (self.lo <= h < self.hi) or toks[h].dep not in ("obl", "advmod", "nmod"):
                break
            h = toks[h].head
        return h if num < h < self.hi and toks[h].pos == "VERB" else None

    def _num_index(self, cand: _Cand) -> int:
        toks = self.toks_in(cand.m.num_start, cand.m.num_end)
        return toks[-1] if toks else self.lo

    def _measurement_measure(self, cand: _Cand) -> str:
        """ "a 30-kilometre demilitarized zone" → distance: zone; "an exclusion zone of up to 30km" → distance:
        zone; "45 kilometres from the plant" → distance; "a 500-mile wide storm" → width: storm (a dimension
        word beside the figure, `dimension_words`); "within 200 feet of the gate" → a distance of at most 200
        feet (`distance_bounds`)."""
        cues = self.lex.cues
        word_after = re.match(r"[\s-]*([^\W\d_]+)", self.sent[cand.unit_end:])
        word_before = re.search(r"([^\W\d_]+)\s*$", self.sent[:cand.m.start])
        dims = cues.get("dimension_words", {})
        dim = next((dims[w.group(1).lower()] for w in (word_after, word_before) if w and w.group(1).lower() in dims and not (
            self._governs_object(cand.unit_end + w.start(1)) if w is word_after else self._preposition_at(w.start(1)))), None)
        after = re.sub(r"\([^()]*\)", " ", self.sent[cand.unit_end:cand.unit_end + 40]).lower().split()[:3]
        toward = any(w.strip(",.") in cues.get("directions", []) for w in after)
        if toward and _dimension(cand.unit) == "length" and not dim:
            return "distance"  # "landed about 400 meters to the east", «в 300 метрах к востоку»: not a length
        if dim:
            what = self._measured_thing(cand).split(": ", 1)
            if len(what) == 1 and word_before and dims.get(word_before.group(1).lower()):
                k = self._token_from(word_before.start(1))  # «циклон шириной 800 км»: the noun the width is of
                if k is not None and k - 1 >= self.lo and self.tokens[k - 1].pos == "NOUN":
                    return f"{dim}: {self.tokens[k - 1].lemma}"
            return f"{dim}: {what[1]}" if len(what) == 2 else dim
        bound = re.search(r"(?:^|\W)(" + alternation(cues.get("distance_bounds", [])) + r")\s+$", self.sent[:cand.m.start],
                          re.IGNORECASE)
        if bound and cand.m.value is not None and _dimension(cand.unit) in ("length", "distance"):
            m = cand.m
            m.value, m.hi, m.hedge, m.hedge_kind = None, m.value, bound.group(1), "upper"
            return "distance"
        if _dimension(cand.unit) == "length" and self._distance_word_after(cand):
            return "distance"  # "200 ft (60 m) from a school", "found 50 meters away": how far, not how long
        return self._measured_thing(cand)

    def _governs_object(self, at: int) -> bool:
        """Whether the word at sentence offset ``at`` is a preposition with its own object ("50 miles across the
        border": how far, not "470 miles across", a width), by the parse."""
        k = self._token_from(at)
        return k is not None and k < self.hi and any(
            self.tokens[j].head == k and self.tokens[j].dep in ("pobj", "obj") for j in range(k + 1, min(self.hi, k + 6)))

    def _preposition_at(self, at: int) -> bool:
        """Whether the word at sentence offset ``at`` is a preposition ("spread across 500 kilometers": no width)."""
        k = self._token_from(at)
        return k is not None and k < self.hi and self.tokens[k].pos == "ADP"

    def _distance_word_after(self, cand: _Cand) -> bool:
        """A word of distance right after a length, past a bracket, directions and adverbs: a preposition it is
        measured from (`distance_from`: "200 ft (60 m) from a school", «в 300 метрах от склада») or an adverb of
        distance (`distance_away`: "found 50 meters away", also right before it: "landed farther away, 50 meters"). Named
        "distance" alone, as a distance in miles or kilometres is, so that the same distance in other units or from
        another name of the same place groups."""
        toks, cues = self.tokens, self.lex.cues
        froms, aways = set(cues.get("distance_from", [])), set(cues.get("distance_away", []))
        skip = aways | set(cues.get("directions", []))
        before = self._token_before(cand.m)
        if before is not None and toks[before].text == "," and before - 1 >= self.lo:
            before -= 1
        if before is not None and toks[before].text.lower() in aways:
            return True  # "others landed farther away, 50 to 100 meters"
        first = bisect_left(self.starts, self.s_start + cand.unit_end) + self.lo
        depth, away = 0, False
        for k in range(first, min(self.hi, first + 8)):
            word = toks[k].text.lower()
            if word == "(" or depth:
                depth += (word == "(") - (word == ")")
            elif word in froms:
                return True
            elif word in skip or toks[k].pos == "ADV":
                away = away or word in aways
            else:
                break
        return away

    def _measured_thing(self, cand: _Cand) -> str:
        """The dimension of a measurement and what it measures: its noun, the noun it is "of", or the subject of
        its copula."""
        if cand.noun_lemma:
            act = self._quantity_act(cand) if _dimension(cand.unit) in ("weight", "volume") else None
            return f"{_dimension(cand.unit)}: {cand.noun_lemma}" + (f" {act}" if act else "")
        toks = self.toks_in(cand.m.start, cand.m.num_end)  # the hedge too: "of up to 30km"
        if toks:
            ref = toks[0] - 1
            if ref - 1 >= self.lo and self.tokens[ref].text.lower() in self.lex.cues.get("partitive", []) and is_noun(
                    self.tokens[ref - 1]):
                whole = ref - 1
                if self.tokens[whole].lemma == _dimension(cand.unit) and whole - 1 >= self.lo and is_noun(
                        self.tokens[whole - 1]):
                    whole -= 1  # "wind speeds of 65mph": the wind's speed, not the speed's
                cand.noun_lemma = self.tokens[whole].lemma
                return f"{_dimension(cand.unit)}: {cand.noun_lemma}"
        dimension = _dimension(cand.unit)
        verb = governing_verb(self.ex.parse, self._num_index(cand), self.lo, self.hi, True) if self.ex.heads else None
        if dimension != "distance" and verb is not None and self.tokens[verb].pos == "AUX":
            subject = next((k for k in range(max(self.lo, verb - 8), verb) if self.tokens[k].head == verb
                            and self.tokens[k].dep.startswith("nsubj") and is_noun(self.tokens[k])), None)
            if subject is not None:  # "Snowfall could be up to 30in": the snowfall's
                return f"{dimension}: {self.tokens[subject].lemma}"
        holder = self._figure_holder(cand) if dimension != "distance" else None  # (a distance's subject is the
        if holder is not None:  # place it lies at: "the town is 20 miles from the border")
            return f"{dimension}: {self.tokens[holder].lemma}"
        return dimension

    def _figure_holder(self, cand: _Cand, verbs: bool = True, siblings: bool = True, share: bool = False) -> int | None:
        """The common noun a figure is said of when its own phrase names none, by the parse: the noun the figure's
        phrase hangs from, past prepositions, adjectives and a pronoun standing for the noun ("gusts close to 90
        mph", "two loans, one worth $3 billion": the loans), or (``verbs``) the subject of a copula or a verb of
        level the figure completes ("waves were as high as 12 feet", "gusts topped 70 mph": `level_verbs`), or
        (``siblings``) the object right before the figure of any verb it hangs from ("could see waves up to 9ft"). A
        bare kind ("length", "money") groups any two figures of a size; the holder says which thing was measured.
        ``share``: a percentage, which names no holder when it has a whole ("2% of the population") or hangs from
        an adverb ("are back for 30 percent"): a share of something. None for a proper noun, a noun of quantity ("a
        total of"), a word the parse took for a noun (a verb with a subject: "estimates range as high as") and a
        noun inside the figure ("hundreds of billions")."""
        if not self.ex.heads:
            return None
        toks, num = self.tokens, self._num_index(cand)
        level, part = set(self.lex.cues.get("level_verbs", [])), set(self.lex.cues.get("partitive", []))
        unit_end = self.s_start + cand.unit_end
        figure = self.toks_in(cand.m.start, cand.m.num_end)
        first = figure[0] if figure else num
        own = range(first, self._token_from(cand.unit_end) or self.hi)
        if share and any(toks[j].head in own and (toks[j].dep == "nmod" or toks[j].text.lower() in part)
                         for j in range(num + 1, min(self.hi, num + 6))):
            return None  # a share of a whole: "2% of the population", «2% населения»

        def plain(j: int) -> bool:
            return toks[j].pos == "NOUN" and toks[j].text.replace("-", "").isalpha() and not self._quantity(j) and (
                toks[j].lemma not in self.lex.cues.get("amount_nouns", [])) and not (first <= j < num + 2) and not any(
                toks[i].head == j and toks[i].dep.startswith("nsubj") for i in range(self.lo, j))

        k = num
        for _ in range(8):
            h = toks[k].head
            if not (self.lo <= h < self.hi) or h == k:
                return None
            t = toks[h]
            if t.pos in ("NUM", "PRON") and h - 2 >= self.lo and toks[h - 1].text == "," and plain(h - 2):
                return h - 2  # "two loans, one worth $3 billion": the pronoun stands for the noun before it
            if toks[k].dep in ("dobj", "obj") and t.pos not in ("VERB", "AUX"):
                return None  # an object of no verb: a misparse ("needs, backup 6 kV, are lost")
            if h in own or t.pos in ("ADP", "NUM", "SYM", "PRON", "PART") or (t.pos in ("ADV", "ADJ") and not share):
                # (a share through an adjective is a comparison or a state: "40% wider", "30 percent effective")
                k = h  # the unit, "as high as", "worth", "one"
                continue
            if t.pos == "NOUN" and h < first:
                apart = toks[k].pos not in ("ADP", "ADJ") and any(  # "half the homes, or 45 percent": the figure
                    toks[j].pos in ("PUNCT", "CCONJ") for j in range(h + 1, first))  # restates the noun, no size of it
                return h if not apart and t.dep not in ("ROOT", "root") and plain(h) else None
            if t.pos not in ("VERB", "AUX") or not verbs:
                return None  # (what may be measured is still the same thing: "could see waves up to 9ft")
            if t.lemma in level:  # the first subject (not a dash's gloss of it: "surges -- the bulge of … -- were")
                subject = next((j for j in range(self.lo, h) if toks[j].head == h
                                and toks[j].dep in ("nsubj", "nsubj:pass", "nsubjpass")), None)
            elif not siblings:
                return None
            else:  # "could see waves up to 9ft": the noun right before the figure, an argument of the same verb
                subject = self._token_before(cand.m)
                subject = subject if subject is not None and toks[subject].head == h and toks[subject].dep in (
                    "dobj", "obj", "nsubj") else None
            return subject if subject is not None and plain(subject) else None
        return None

    def _quantity_act(self, cand: _Cand) -> str | None:
        """What was done with a quantity of stuff, by the verb its unit is the subject or object of, by the parse
        ("2 million tons of wheat were shipped from the port" → ship, "exports 3 million tons of rice" → export); None for light and reporting verbs and what only may happen."""
        unit = self.toks_in(cand.m.num_end, cand.unit_end)
        if not self.ex.heads or not unit:
            return None
        toks = self.tokens
        v = toks[unit[-1]].head
        if not (self.lo <= v < self.hi) or toks[v].pos != "VERB" or toks[unit[-1]].dep not in (
                "nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj"):
            return None
        none = set(self.lex.cues.get("light_verbs", [])) | set(self.lex.cues.get("no_predicate_verbs", []))
        if toks[v].lemma in none or self._hypothetical_verb(v) or "VerbForm=Inf" in toks[v].feats:
            return None
        return toks[v].lemma

    def _duration_measure(self, noun: int | None, cand: _Cand) -> str:
        """What a span of time is the duration of: its noun ("a 10-day waiver"), the subject of a verb that
        says something went on ("the siege, raging for six months", «протесты продолжаются второй день») or
        of a point a span reached ("the strike hit the six-month mark"), a state after a light verb, the verb."""
        cues = self.lex.cues
        point = noun is not None and self.tokens[noun].lemma in set(cues.get("time_points", []))
        if noun is not None and not point:
            return f"duration: {self.tokens[noun].lemma}"
        owner = self._span_owner(cand) if noun is None and not self.ex.heads else None
        if owner:
            return f"duration: {owner}"
        verb = governing_verb(self.ex.parse, noun if point else self._num_index(cand), self.lo, self.hi,
                              self.ex.heads, self.relative, self.others)
        if point:
            whose = self._of_noun(noun) or (self._subject_of(verb) if verb is not None else None)
            return f"duration: {whose or self.tokens[noun].lemma}"
        if verb is not None:
            cand.verb = verb
            t = self.tokens[verb]
            going_on = set(cues.get("continuing_verbs", []))
            if (t.lemma in going_on or t.text.lower() in going_on) and not self._person_subject(verb):
                subject = self._subject_of(verb)  # (a person's time is the person's: ``subject``)
                if subject:
                    return f"duration: {subject}"
            if self.tokens[verb].lemma in set(self.lex.cues.get("light_verbs", [])):
                lack = self._privation_after(verb)
                if lack:
                    return f"duration: {lack}"  # "the valley could be without water for three weeks": not the valley's
                own = self.toks_in(cand.m.num_start, max(cand.m.num_end, cand.unit_end))
                subject = self._subject_of(verb, exclude=own[-1] if own else None)  # "the waiver is in effect 10 days"
                state = self._state_of(verb, cand)
                if state:
                    return f"duration: {state}"  # «восемь лет она находилась в тюрьме»: time in a state
                if subject:
                    return f"duration: {subject}"
                act = self._infinitive_act(verb)
                if act:
                    return f"duration: {act}"  # "it would take 30 hours to cool the reactor": cooling the reactor
            doing = self._spent_doing(verb, cand)
            if doing:
                return f"duration: {doing}"  # "spent 12 years rebuilding bridges": the rebuilding, not "spend"
            state = self._state_of(verb, cand)
            if state and state in set(cues.get("person_states", [])):
                return f"duration: {state}"  # "spent eight years in prison": time in a state, not "spend"
            return f"duration: {self.tokens[verb].lemma}"
        return "duration"


    def _span_owner(self, cand: _Cand) -> str | None:
        """Without a parse (Ukrainian): a noun in the genitive right after a span's unit, past a possessive or an
        adjective, is what the span is of («два роки свого президентства», «вісім років ув'язнення»)."""
        own = self.toks_in(cand.m.num_start, max(cand.m.num_end, cand.unit_end))
        if not own:
            return None
        for k in range(own[-1] + 1, min(self.hi, own[-1] + 4)):
            t = self.tokens[k]
            if t.pos == "NOUN" and ("Case=Gen" in t.feats or _has_case(self.code, t.text, ("gent",))):
                return t.lemma  # («правління»: a neuter noun whose first reading is another case)
            if t.pos not in ("PRON", "DET", "ADJ"):
                return None
        return None

    def _spent_doing(self, verb: int, cand: _Cand) -> str | None:
        """The act a verb of spending time (`spending_verbs`) spent the span on: a gerund or adverbial participle
        right after the span that hangs from the verb or the span ("spent 12 years rebuilding bridges", «провела 20 лет,
        восстанавливая храм»); its lemma, None for none."""
        toks = self.tokens
        if toks[verb].lemma not in self.lex.cues.get("spending_verbs", []):
            return None
        own = self.toks_in(cand.m.num_start, max(cand.m.num_end, cand.unit_end))
        if not own:
            return None
        for k in range(own[-1] + 1, min(self.hi, own[-1] + 3)):
            t = toks[k]
            if t.pos == "VERB" and (t.head == verb or t.head in own or not self.ex.heads) and (
                    "VerbForm=Ger" in t.feats or "VerbForm=Conv" in t.feats or "VerbForm=Part" in t.feats):
                return t.lemma
            if t.text not in (",",):
                return None
        return None

    def _infinitive_act(self, verb: int) -> str | None:
        """What a light verb's infinitive does, with its object ("take 30 hours to bring the reactor to a halt"
        → "reactor bring"), by the parse; not a coordinated clause's verb ("I've been doing this for 30 years and
        I can't remember …": the doing)."""
        toks = self.tokens
        inf = next((k for k in range(verb + 1, min(self.hi, verb + 10)) if toks[k].head == verb and toks[k].pos == "VERB"
                    and "VerbForm=Inf" in toks[k].feats and toks[k].dep != "conj"), None)
        if inf is None:
            return None
        obj = next((k for k in range(inf + 1, min(self.hi, inf + 6)) if toks[k].head == inf
                    and toks[k].dep in ("obj", "dobj") and is_noun(toks[k])), None)
        return f"{toks[obj].lemma} {toks[inf].lemma}" if obj is not None else toks[inf].lemma

    def _state_of(self, verb: int, cand: _Cand) -> str | None:
        """The noun a light verb places its subject in ("находилась в тюрьме", "перебував під арештом")."""
        num = self._num_index(cand)
        toks = self.tokens
        for j in range(max(self.lo, verb - 6), min(self.hi, verb + 6)):
            t = toks[j]
            # English: "has been in a recession" (prep, pobj), a noun with its article or a person's state; not an
            # idiom ("the waiver is in effect 10 days": the waiver's)
            attached = t.head == verb and t.dep == "obl" or (
                t.dep == "pobj" and 0 <= t.head and toks[t.head].text.lower() in self.lex.cues.get("state_prepositions", [])
                and toks[t.head].head == verb and (
                    t.lemma in self.lex.cues.get("person_states", [])
                    or any(toks[k].head == j and toks[k].dep in ("det", "poss") for k in range(max(self.lo, j - 3), j))))
            if attached and t.pos == "NOUN" and j != num and toks[num].head != j and self.lex.time.get(t.lemma) is None:
                return t.lemma
        return None


@lru_cache(maxsize=4096)
def _nationality(lemma: str, code: str, suffixes: tuple[str, ...]) -> bool:
    """Whether a noun's dictionary form names people of a nation («канадец», «українець», «россиянин»): the noun, or its
    stem before a nationality suffix («-ец», «-янин»), of four letters or more, begins a country's adjective in the
    language's ``demonyms.json`` («канадский», «український», «российский»)."""
    table = lang.cues(code, "demonyms").get("demonyms", {})
    stems = [lemma] + [lemma[: -len(x)] for x in suffixes if lemma.endswith(x)]
    return any(len(stem) >= 4 and any(adj.startswith(stem) for adj in table) for stem in stems)


def _shifted(m: NumberMention, by: int) -> NumberMention:
    """A number found in a slice of the sentence, in sentence offsets."""
    return replace(m, start=m.start + by, end=m.end + by, num_start=m.num_start + by, num_end=m.num_end + by)


def _dimension(unit: str | None) -> str:
    from storylens.annotate.measures import lexicon as _lex

    for code in ("en", "ru", "uk"):
        base = _lex(code).measurements.get((unit or "").lower())
        if base:
            return {"km": "distance", "m": "length", "kg": "weight", "t": "weight", "l": "volume", "bbl": "volume",
                    "ha": "area", "km2": "area", "MW": "power", "kWh": "energy", "kV": "voltage", "km/h": "speed",
                    "mSv": "radiation dose"}.get(base[0], base[0])
    return unit or "measurement"


def _has_case(code: str | None, word: str, cases: tuple[str, ...]) -> bool:
    """Whether the dictionary reads ``word`` as a noun in one of ``cases`` among its readings (the syntax pass keeps
    only the first, and a noun's forms coincide: «правління» is nominative, genitive and accusative, «сценарії»
    nominative and locative)."""
    from storylens.relate.morphology import analyzer

    morph = analyzer(code or "uk")
    return morph is not None and any(p.tag.POS == "NOUN" and p.tag.case in cases for p in morph.parse(word))


def _has_pos(code: str | None, word: str, tags: tuple[str, ...]) -> bool:
    """Whether the dictionary has a reading of ``word`` with one of pymorphy3's parts of speech ``tags`` (the syntax
    pass keeps only the first: «нова» is a noun first, an adjective too)."""
    from storylens.relate.morphology import analyzer

    morph = analyzer(code or "uk")
    return morph is not None and any(p.tag.POS in tags for p in morph.parse(word))



@lru_cache(maxsize=64)
def _phrase_end_re_cached(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?:^|[^\w])(?:" + alternation(words) + r")\s*[\"“«]?\s*$", re.IGNORECASE)


def _phrase_end_re(words) -> re.Pattern:
    return _phrase_end_re_cached(tuple(words))


@lru_cache(maxsize=64)
def _phrase_start_re_cached(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\s*-?\s*(?:" + alternation(words) + r")(?![\w])", re.IGNORECASE)


def _phrase_start_re(words) -> re.Pattern:
    return _phrase_start_re_cached(tuple(words))


# ---------------------------------------------------------------------------------------------------
# Status and time
# ---------------------------------------------------------------------------------------------------


def _status_reader(sent: str, following: list[tuple[str, bool]], lex: Lexicon):
    """The status of each figure of a sentence, as a function of the figure's end.

    retracted / disputed / unknown. A retraction cue counts in the claim's sentence after the figure,
    or in one of the next two sentences when it refers to a post/figure/number or opens with But/However/
    Soon ("But soon the post disappeared"); the look-ahead stops at a sentence with figures of its own."""
    c = lex.cues
    retracted = re.compile(r"(?:^|\W)(?:" + alternation(c.get("retracted", [])) + r")(?!\w)", re.IGNORECASE)
    refers = re.compile(r"(?:^|\W)(?:" + alternation(c.get("retract_refers", [])) + r")(?!\w)|^\W*(?:"
                        + alternation(c.get("retract_openers", [])) + r")\b", re.IGNORECASE)
    disputed = re.compile(r"(?:^|\W)(?:" + alternation(c.get("disputed_nouns", [])) + r")\b[^.]{0,40}?(?:"
                          + alternation(c.get("disputed_verbs", [])) + r")|(?:" + alternation(c.get("disputed_verbs", []))
                          + r")\s+(?:\w+\s+){0,2}(?:" + alternation(c.get("disputed_nouns", [])) + r")\b",
                          re.IGNORECASE)
    unknown = re.compile(r"(?:^|\W)(?:" + alternation(c.get("unknown", [])) + r")(?!\w)", re.IGNORECASE)
    cues = [m.start() for m in retracted.finditer(sent)]
    later = None
    for nxt, has_numbers in following[:2]:
        if retracted.search(nxt) and refers.search(nxt):
            later = "retracted"
            break
        if has_numbers:
            break
    other = "disputed" if disputed.search(sent) else "unknown" if unknown.search(sent) else None

    def status(pos: int) -> str | None:
        if any(p >= pos for p in cues):
            return "retracted"
        return later or other

    return status


def _year_info(doc: Document) -> tuple[int | None, date | None]:
    published = doc.meta.get("published") or ""
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", published)
    if m:
        try:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return d.year, d
        except ValueError:
            pass
    m = re.search(r"\b(19\d\d|20\d\d)\b", published)
    if m:
        return int(m.group(1)), None
    years = [int(y) for y in re.findall(r"(?<![\d/.-])(199\d|20\d\d)(?![\d/])", doc.text)]
    return (max(years) if years else None), None


@lru_cache(maxsize=8)
def _date_re(months: tuple[str, ...]) -> re.Pattern:
    mon = alternation(months)
    return re.compile(
        rf"\b(?P<m1>{mon})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}})\b)?"
        rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?\s+(?:of\s+)?(?P<m2>{mon})\.?(?:,?\s+(?P<y2>\d{{4}})\b)?",
        re.IGNORECASE)


def _as_of(sent: str, year_info, lex: Lexicon) -> str | None:
    """The date a sentence's figures speak for: a date after an as-of cue ("as of January 9th", "по состоянию
    на 10 января", "станом на 5 вересня"), or a weekday after "by/on" resolved against publication."""
    year, published = year_info
    months = lex.cues.get("months", {})
    cue = re.compile(r"(?:^|\W)(?:" + alternation(lex.cues.get("as_of", [])) + r")(?:\s+(?:" + alternation(lex.cues.get("articles", []))
                     + r"))?\s*$", re.IGNORECASE)
    for m in _date_re(tuple(months)).finditer(sent):
        if not cue.search(sent[max(0, m.start() - 30):m.start()]):
            continue
        g = m.groupdict()
        day = g.get("d1") or g.get("d2")
        mon = (g.get("m1") or g.get("m2") or "").lower().rstrip(".")
        y = g.get("y1") or g.get("y2")
        month = months.get(mon)
        if not (day and month):
            continue
        yy = int(y) if y else year
        if yy is None:
            return None
        if not y and published is not None and month > published.month + 2:
            yy -= 1  # "December 30" in a January article
        try:
            return date(yy, month, int(day)).isoformat()
        except ValueError:
            return None
    weekdays = lex.cues.get("weekdays", {})
    w_cues = lex.cues.get("weekday_as_of", [])
    if published is not None and weekdays and w_cues:
        w = re.search(r"\b(?:" + alternation(w_cues) + r")\s+(" + alternation(weekdays) + r")\b", sent, re.IGNORECASE)
        if w:
            target = weekdays[w.group(1).lower()]
            return (published - timedelta(days=(published.weekday() - target) % 7)).isoformat()
    return None
