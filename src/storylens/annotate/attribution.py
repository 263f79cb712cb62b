"""Who a sentence says its figures (or its quoted words) come from.

The cues are language data (``lang/<code>/attribution.json``): "according to X" and its kin
(*по данным X*, *за словами X*), reporting verbs with their subject read backwards from the verb
(*X said*, *X сообщило*, *X зазначив*), inverted cues at the end of a sentence (*…, states X.*),
*by X's count*, chains (*X report cited in Y* → by X via Y) and intermediaries named later (*picked up
by Y*). A candidate becomes a source only when it is a person, organisation or document: it overlaps a
named entity (PER, ORG; a place only when it is the whole subject: *Russia says*), or it is a noun phrase
headed by a source noun (*officials*, *the ministry*, *a Harvard study*), or a pronoun that the caller
resolves to the previous sentence's source. Clause fragments, dates and stray words are never sources:
the caller then falls back to the outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storylens import lang
from storylens.lang import alternation
from storylens.doc import EntityMention

SOURCE_LABELS = {"PER", "ORG"}
_CYRILLIC = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)
_QUOTES = "\"“”«»„'’‘"


@dataclass
class Attribution:
    """Who a sentence says a figure comes from."""

    by: str | None
    via: str | None = None
    cue: str | None = None
    pronoun: bool = False
    start: int | None = None  # offset of ``by`` in the sentence, when known
    cue_start: int | None = None  # offset of the cue (a reporting verb after its subject), when known


def _merged(kind: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for code, data in lang.merged("attribution").items():
        for key, words in data.items():
            if isinstance(words, list):
                out.setdefault(key, []).extend(w.lower() for w in words)
        for key in ("verbs", "inverted"):  # «утверждал» listed, «утверждали» said: every number and gender of a form
            out.setdefault(key, []).extend(_agreeing_forms(data.get(key, []), code))
        # «Как утверждают X, …»: a frame of a reporting verb of the list read as "according to X"
        out.setdefault("according", []).extend(f"{lead} {verb}".lower() for lead in data.get("verb_frames", [])
                                               for verb in data.get("verbs", []) + _agreeing_forms(data.get("verbs", []), code))
        out.setdefault("according", []).extend(w.lower() for w in data.get("according_frames", []))
        out.setdefault("sources", []).extend(w.lower() for w in data.get("more_sources", []))
    return out


def _agreeing_forms(words: list[str], code: str) -> list[str]:
    """The forms of a Russian or Ukrainian verb that differ from a listed finite form only in number, gender or person
    of the same tense (past: every gender and number; present or future: the third person's two numbers), by pymorphy3
    (none without its dictionary, or for another language): a list need not spell each agreement of each verb, and no
    other tense, aspect or sense is added (not «передал» for «передает»)."""
    from storylens.relate.morphology import analyzer

    morph = analyzer(code) if code in ("ru", "uk") else None
    out: list[str] = []
    for word in words if morph is not None else []:
        for p in morph.parse(word.lower()):
            if p.tag.POS != "VERB" or p.word != word.lower().replace("ё", "е") and p.word != word.lower():
                continue
            for f in p.lexeme:
                if f.tag.POS == "VERB" and f.tag.tense == p.tag.tense and "impr" not in f.tag and (
                        p.tag.tense == "past" or f.tag.person == "3per"):
                    out += [f.word, f.word.replace("ё", "е")]
    return sorted(set(out))


class _Tables:
    """The attribution cues of every language, compiled once."""

    def __init__(self):
        w = _merged("attribution")
        self.pronouns = set(w.get("pronouns", []))
        self.singular = set(w.get("singular_pronouns", []))
        self.according_via = set(w.get("according_via", []))
        self.of_words = set(w.get("of_words", []))
        self.attached = set(w.get("attached_prepositions", []))
        self.prepositions = set(w.get("prepositions", []))
        self.clause_openers = set(w.get("clause_openers", []))
        self.speech_links = set(w.get("speech_links", []))
        self.person_heads = {x.lower() for x in w.get("person_heads", [])}
        self.org_anaphors = set(w.get("org_anaphors", []))
        self.outlet_anaphors = {x.lower() for x in w.get("outlet_anaphors", [])}
        self.person_anaphors = set(w.get("person_anaphors", []))
        self.company_anaphors = set(w.get("company_anaphors", []))
        self.company_marks = set(w.get("company_marks", []))
        self.definite_person_anaphors = set(w.get("definite_person_anaphors", []))
        self.definite_determiners = set(w.get("definite_determiners", []))
        self.reported_adverb = re.compile(rf"(?<!\w)(?:{alternation(w.get('reported_adverbs', []))})(?!\w)", re.IGNORECASE)
        self.speech_noun = re.compile(rf"(?:’s|'s|’)\s+(?:[\w-]+\s+)?({alternation(w.get('speech_nouns', []))})\s+"
                                      rf"(?:{alternation(w.get('speech_links', []))})\s", re.IGNORECASE)
        self.progressive = re.compile(rf"\s(?:{alternation(w.get('progressive_auxiliaries', []))})\s*$", re.IGNORECASE)
        self.determiners = set(w.get("determiners", []))
        self.subject_stop = set(w.get("subject_stop", []))
        self.subject_skip = set(w.get("subject_skip", []))
        self.sources = set(w.get("sources", []))
        self.adjectival = {x.lower() for x in w.get("adjectival", [])}
        self.relative = set(w.get("relative_pronouns", []))
        self.institution_agents = w.get("institution_agents", [])
        self.participles = set(w.get("participles", []))
        self.coordinators = set(w.get("coordinators", []))
        self.joiners = set(w.get("joining_coordinators", []))
        self.negation = set(w.get("negation", []))
        # a storm, a fire, a war: what happened, never who said so (the event nouns of ``claim_cues.json``)
        self.events = {x.lower() for data in lang.merged("claim_cues").values() for x in data.get("event_nouns", [])}
        self.report_nouns = {x.lower() for x in w.get("report_nouns", [])}
        self.links = {x.lower() for x in w.get("report_links", []) + w.get("chain", [])}
        flags = re.IGNORECASE
        self.according = re.compile(rf"(?:^|\W)({alternation(w.get('according', []))})\s+", flags)
        # «За останніми даними, опублікованими агентством X, …»: the maker in a participle phrase after the cue
        self.according_participle = re.compile(
            rf"(?:^|\W)({alternation(w.get('according', []))})\s*,\s*(?:{alternation(w.get('according_participles', []))})\s+", flags) if (
            w.get("according_participles")) else None
        # «говорится в докладе X», «у звіті X йдеться»: what a document holds; the document is the source
        self.document_verbs = set(w.get("document_verbs", []))
        doc_verbs, doc_preps = alternation(self.document_verbs), alternation(w.get("document_prepositions", []))
        self.document_after = re.compile(rf"(?:^|\W)((?:{doc_verbs})\s+(?:{doc_preps}))\s+", flags)
        self.document_before = re.compile(rf"(?:^|[^\w-])(?:{doc_preps})\s+([^,.;:!?\"“”«»()]{{2,100}}?)\s+({doc_verbs})(?!\w)",
                                          flags)
        # "по его словам", "за її даними": an according phrase with a possessive inside refers back
        possessives = alternation(w.get("possessives", []))
        phrases = [rf"{re.escape(c.split(None, 1)[0])}\s+(?:{possessives})\s+{re.escape(c.split(None, 1)[1])}"
                   for c in w.get("according", []) if len(c.split()) >= 2]
        self.possessive_according = re.compile(rf"[\W_]*((?:{'|'.join(phrases) or '(?!)'}))(?!\w)", flags)
        self.verb = re.compile(rf"(?<![\w-])({alternation(w.get('verbs', []) + w.get('participles', []))})(?![\w-])", flags)
        # "the governor raised the death toll to 2,975 from 64": who revises a figure gives it
        self.revision = re.compile(rf"(?<![\w-])({alternation(w.get('revise_verbs', []))})\s+(?:[\w’'-]+\s+){{0,3}}?"
                                   rf"(?:{alternation(w.get('revise_objects', []))})(?![\w-])", flags)
        # "The ministry went on to say", «поспешил заявить»: an infinitive reporting verb after one of these reports
        self.infinitive_lead = re.compile(rf"(?:^|\s)(?:{alternation(w.get('infinitive_leads', []))})\s+$", flags)
        # "…, states X.", "…,” said X, co-chair of Y.": the source, then perhaps an appositive, ends the sentence
        self.inverted = re.compile(rf"[,;][\"”»]?\s*(?:[–—-]{{1,2}}\s*)?({alternation(w.get('inverted', []))})\s+((?:[^,;.]|\.(?=\w)){{2,80}}?)"
                                   rf"(?:,\s+[^;\"“”«»]{{1,150}}?)?\s*[.!]?\s*$", flags)
        self.trailing = re.compile(rf",\s*((?:[\w’'.-]+\s+){{0,6}}?[\w’'.-]+)\s+({alternation(w.get('trailing', []))})\s*[.!]?\s*$",
                                   flags)
        self.trailing_via = set(w.get("trailing_via", []))
        self.chain = re.compile(rf",?\s+(?:{alternation(w.get('chain', []))})\s+", flags)
        self.spread = re.compile(rf"\b(?:{alternation(w.get('spread', []))})\s+(?:the\s+)?([^,.;]{{2,80}})", flags)
        dets = alternation(w.get("determiners", []))
        self.count = re.compile(rf"\b(?:{alternation(w.get('count_lead', []))})\s+(?:(?:{dets})\s+)?((?:[\w’'-]+\s+){{0,5}}?[\w-]+)"
                                rf"(?:’s|'s)\s+(?:(?:{alternation(w.get('count_own', []))})\s+)?(?:{alternation(w.get('count', []))})\b"
                                rf"|\b(?:{alternation(w.get('count_of', []))})\s+([^,.;]{{2,60}})", flags)
        self.determiner = re.compile(rf"^(?:{dets})\s+", flags)
        self.titles = re.compile(rf"(?:[A-Z]\.)+|(?:{alternation(w.get('titles', []))})", flags)
        self.passive_before = re.compile(rf"\b(?:{alternation(w.get('passive_before', []))})\s+$", flags)
        self.np_end = re.compile(rf"[,.;:!?()\[\]\"“”«»]|\s(?:{alternation(w.get('clause_words', []))})\s|\s-\s|$", flags)
        self.starts_pronoun = re.compile(rf"^[\W_]*({alternation(w.get('starts_pronoun', []))})\b", flags)
        # ", in a post on its channel Saturday," right before the verb: where it was said, not who said it
        self.aside = re.compile(rf",\s*(?:{alternation(self.prepositions)})\b[^,]*,\s*$", flags)
        self.parenthetical = re.compile(rf",\s*(?:{alternation(w.get('parentheticals', []))})\b[^,]*,", flags)
        self.venue = re.compile(rf"(?:{alternation(self.prepositions)})\s+(?:{alternation(w.get('venue_possessives', []))})\s+[\w-]+\s+",
                                flags)
        self.leading_preposition = re.compile(rf"^(?:{alternation(w.get('source_prepositions', []))})\s+", flags)
        # "…, it said.": a pronoun no source phrase is read from (``subject_stop``), closing the sentence
        self.closing_pronoun = re.compile(rf",\s+(?:{alternation(w.get('closing_pronouns', []))})\s+(?=\w)", flags)
        self.context_opener = re.compile(rf"\s*(?:{alternation(w.get('context_openers', []))})\b", flags)
        # «Про це повідомив X», «Об этом сообщил X»: a sentence that hands the sentence before to its source
        skip = alternation(w.get("subject_skip", []))
        said = alternation(w.get("verbs", []) + w.get("inverted", []) + w.get("evidence_verbs", []))
        opener = rf"^[\W_]*(?:{alternation(w.get('about_this', [])) or '(?!)'})"
        self.about_this_opener = re.compile(rf"{opener}\s", flags)
        # (a time between: «Про це в четвер, 14 січня, повідомив X»; lower-case words, no pronoun, so no subject)
        pronouns = alternation(w.get("pronouns", []))
        self.about_this = re.compile(rf"{opener}(?:[\s,]+(?!(?:{pronouns})\b)(?-i:[a-zа-яёіїєґ0-9’'-]+)){{0,4}}?"
                                     rf"[\s,]+(?:(?:{skip})\s+)*({said})\s+", flags)
        self.time_opener = re.compile(rf"^\W*(?:{alternation(w.get('time_openers', []))})\b[\s,]*", flags)
        self.time_phrases = {x.lower() for x in w.get("time_closers", [])}
        self.time_closer = re.compile(rf"\s+(?:{alternation(w.get('time_closers', []))})$", flags)
        adjs = alternation(w.get("report_adjectives", []))
        nouns = alternation(w.get("report_nouns", []))
        links = alternation(w.get("report_links", []))
        self.report_prefix = re.compile(rf"^(?:(?:{adjs})\s+)*(?:{nouns})\s+(?:{links})\s+", flags)
        self.report_suffix = re.compile(rf"\s+(?:{nouns})$", flags)
        self.report_lead = re.compile(rf"^(?:(?:{adjs})\s+)+(?=\S)")  # lower case: "New York Times" keeps "New"
        # "the center's most recent update": the report's owner
        self.report_owner = re.compile(rf"^(.+?)(?:’s|'s|’)\s+(?:(?:{adjs})\s+)*(?:{nouns})$", flags)
        self.report_head = re.compile(rf"(?:(?:{dets})\s+)*(?:(?:{adjs})\s+)*((?:{nouns}))\s+(?:{links})\s", flags)
        self.report_noun = re.compile(rf"(?:(?:{dets})\s+)+(?:{nouns})", flags)
        # "the three-star general recently put in charge of …": the person the appointment describes
        self.appointed = re.compile(rf"(?:^|\s)((?:{dets})\s+(?:[\w-]+\s+){{0,3}}?(?:{alternation(w.get('person_heads', []))}))"
                                    rf"\s+(?:\w+ly\s+)?(?:{alternation(w.get('appointed', []))})\s[^,;:\"“”«»]*$", flags)
        of = alternation(self.of_words)
        self.agent = re.compile(
            rf"^[\W_]*(?:(?:{dets})\s+)?((?:[\w’'-]+\s+){{0,4}}?(?:{alternation(self.institution_agents)})"
            rf"(?:\s+(?:{of})\s+(?:(?:{dets})\s+)?[A-Z][\w-]*(?:\s+(?:(?:{of})\s+)?[A-Z][\w-]*)*)?)\s+[a-zа-яёіїєґ]",
            flags)
        self.apposition = re.compile(rf"^(.*?[\w.])\s*,\s*(?:{dets})\s([^,]{{1,100}}),\s*$")
        # "Jo Smith, who is running for the Senate, tweeted": the name before a relative clause set off by commas
        relative_aside = rf"\s*,\s*(?:{alternation(w.get('relative_asides', []))})\s[^,]{{1,160}},\s*$"
        self.relative_aside = re.compile(r"^(.*?[\w.])" + relative_aside, flags)
        self.relative_gap = re.compile("^" + relative_aside, flags)  # its verbs are no verb of the subject's
        # "Jo Smith, a council member, has claimed": the auxiliary after an appositive's closing comma
        self.skip_after_comma = re.compile(rf",((?:\s+(?:{alternation(w.get('subject_skip', []))})){{1,3}})\s*$", flags)
        # "Colin Kahl, U.S. undersecretary of defense, estimated", "the army chief, Gen. Ivan Petrenko, said"
        self.apposition_bare = re.compile(r"^(.*?[\w.])\s*,\s*([^,]{1,100}),\s*$")
        self.apposition_end = re.compile(
            rf"^(.*?[A-ZА-ЯЁІЇЄҐ][\w’'.-]*(?:\s+[A-ZА-ЯЁІЇЄҐ][\w’'.-]*)+)\s*,\s*(?:{dets})\s[^,]{{1,80}}$")


@lru_cache(maxsize=1)
def tables() -> _Tables:
    return _Tables()


# --- finding a source in a sentence ---------------------------------------------------------------------


def find_attribution(sentence: str, entities: list[EntityMention] | None = None, offset: int = 0,
                     verbs: list[tuple[int, int]] = (), objects: list[tuple[int, int]] = (),
                     participles: list[tuple[int, int]] = ()) -> Attribution | None:
    """Who ``sentence`` says its figures (or words) come from, without context. ``entities`` (document
    offsets; ``offset`` is the sentence's start) validate candidates; without them a candidate must be a
    source noun phrase or capitalised. ``verbs``: spans of the sentence's finite verbs (document offsets),
    which a source never contains; ``objects``: spans of words the parse makes an object or oblique, which
    never open the subject of a reporting verb («В 2015 году Ивана признали…»); ``participles``: spans of
    participles that modify a noun ("a report released on Saturday"), where a source's phrase ends. Pronoun
    sources come back with ``pronoun=True`` for the caller."""
    t = tables()
    check = _Checker(sentence, entities or [], offset, bool(entities), verbs, objects, participles)
    via = None
    m = t.about_this.match(sentence)
    if m:  # «Про це повідомив телеканал X»: the reporting verb before its subject, on the sentence before
        np = _np_after(sentence[m.end():], t)
        words = np.split() if np else []
        for k in range(1, len(words)):  # «… Мішель Барньє на брифінгу»: the name ends at a preposition after it
            if words[k].lower() in t.prepositions and words[k - 1][:1].isupper():
                np = " ".join(words[:k])
                break
        quoted = re.match(r"\s*[«\"“]([^«»\"“”]{1,60})[»\"”]", sentence[m.end() + len(np):]) if np else None
        by = clean_source(f"{np} {quoted.group(1)}" if quoted else np) if np else None  # «… групи "Рейтинг"»
        if by and not by[0].isdigit() and (by.lower() in t.pronouns or check(by, m.end())):  # (not «Об этом пишет
            # 46-летняя мать …», an outlet's linked name lost in scraping: the next sentence run in)
            return Attribution(by=by, cue=m.group(1).lower(), pronoun=by.lower() in t.pronouns,
                               start=sentence.find(np, m.end()), cue_start=m.start(1))
    m = t.according_participle.search(sentence) if t.according_participle else None
    if m:  # «За даними, оприлюдненими агентством X, …»: data made public by X
        np = _np_after(sentence[m.end():], t)
        by = clean_source(np) if np else None
        if by and check(by, m.end()):
            return Attribution(by=by, cue=m.group(1).lower(), start=sentence.find(np, m.end()), cue_start=m.start(1))
    m = t.according.search(sentence)
    if m and m.group(1).lower() in t.according_via and not sentence[:m.start(1)].strip(" \"“«'"):
        said = _verb_attribution(sentence, check)  # "Citing X, prosecutors said …": X is their evidence
        if said is not None:
            return said
    if m:
        cue = m.group(1)
        rest = sentence[m.end():]
        venue = t.venue.match(rest)  # «как передает на своем сайте X», "as reported on its website by X"
        rest = rest[venue.end():] if venue else rest
        np = _np_after(rest, t)
        if np and np.split()[0].lower() in t.prepositions:
            np = None  # «по обвинению в оскорблении …»: on a charge of something, no one's account
        if np:  # "citing surveillance conducted during the past week": the phrase ends at its participle
            at = sentence.find(np, m.end())
            np = np[:check.participle_in(at, at + len(np)) - at].strip() or None
        if cue.lower() in t.according_via:  # "X, citing Y": Y's figure, through X
            subj = _verb_attribution(sentence[: m.start() + 1], check)
            via = subj.by if subj else None
        if np and t.report_noun.fullmatch(np):  # "according to the claim", "according to these figures": the
            # report the sentences before named, as for a pronoun source
            return Attribution(by=np, cue=cue.lower(), pronoun=True, start=m.end())
        if np:
            by, chain_via = _split_chain(np, t)
            by = clean_source(check.to_person(by, m.end()) if by else by)
            said = _verb_attribution(sentence, check) if by and _refers_back(by, t) else None
            if said is not None and said.by and not said.pronoun and said.cue_start is not None and (
                    said.cue_start < m.start()):  # «Министерство сообщило, что …, по версии ведомства, …»: the
                return said  # ministry the bare noun refers back to, named by the reporting verb before it
            if by and check(by, m.end()):
                return Attribution(by=by, via=clean_source(chain_via) if chain_via else via, cue=cue.lower(),
                                   pronoun=by.lower() in t.pronouns, start=sentence.find(by, m.end()))
            report = t.report_head.match(np)
            if report:  # "according to a simulation of the blast": a report whose owner is no source is itself one
                return Attribution(by=report.group(1), via=via, cue=cue.lower(), start=sentence.find(report.group(1), m.end()))
    doc = _document_source(sentence, check, t)
    if doc is not None:
        return doc
    m = t.possessive_according.match(sentence)
    if m:  # "По его информации, …" opening the sentence: the source of the sentences before
        words = m.group(1).split()
        return Attribution(by=words[1], cue=" ".join(words[:1] + words[2:]).lower(), pronoun=True, start=m.start(1))
    attr = _verb_attribution(sentence, check)
    if attr is not None:
        return attr
    m = t.speech_noun.search(sentence)
    if m:  # "a senator's charge that the agency moved $10 million": the charge's owner says it
        name = re.search(r"(?:[A-ZА-ЯЁІЇЄҐ][\w.-]*\s+){0,3}[A-ZА-ЯЁІЇЄҐ][\w.-]*$", sentence[:m.start()])
        by = clean_source(_subject_before(sentence[:m.start()], t) or (name.group(0) if name else None))  # "… on
        # Trump's claim of billions": the owner named right before, after a preposition too
        if by and check(by, max(0, m.start() - len(by) - 2)):
            return Attribution(by=by, cue=m.group(1).lower(), start=sentence.rfind(by, 0, m.start()), cue_start=m.start(1))
    m = t.count.search(sentence)
    if m:
        by = clean_source(m.group(1) or m.group(2))
        if by and check(by, m.start()):
            return Attribution(by=by, cue="count", start=sentence.find(by, m.start()))
    inv = t.inverted.search(sentence)
    if inv:
        by = clean_source(t.leading_preposition.sub("", inv.group(2)))
        if by and len(by.split()) <= 8 and check(by, inv.start(2), whole=True):
            return Attribution(by=by, cue=inv.group(1).lower(), pronoun=by.lower() in t.pronouns,
                               start=sentence.find(by, inv.start(2)))  # «…, добавил он.»: the source before
    return None


def _document_source(sentence: str, check: "_Checker", t: _Tables) -> Attribution | None:
    """ «…, говорится в последнем бюллетене центра ураганов», «У звіті ООН йдеться, що …»: a document an impersonal
    verb of ``document_verbs`` says something in is the source, or the owner named after the document's noun (the
    centre, ООН); a document noun with nothing after it («В докладе говорится») refers back like a pronoun."""
    m = t.document_after.search(sentence)
    if m:
        np, at, cue = _np_after(sentence[m.end():], t), m.end(), m.group(1).split()[0]
    else:
        m = t.document_before.search(sentence)
        if m is None:
            return None
        np, at, cue = m.group(1), m.start(1), m.group(2)
    words = (np or "").split()
    head = next((k for k, w in enumerate(words) if is_source_word(w.lower().strip(",."), t.report_nouns)), None)
    if head is None:
        return None
    owner = " ".join(words[head + 1:])
    if not owner:
        return Attribution(by=words[head], cue=cue.lower(), pronoun=True, start=at)
    by = clean_source(owner)
    if not by or not check(by, at):
        return None
    return Attribution(by=by, cue=cue.lower(), start=sentence.find(by, at))


class _Checker:
    """Whether a candidate is a person, organisation or document (see the module docstring)."""

    def __init__(self, sentence: str, entities: list[EntityMention], offset: int, strict: bool, verbs=(), objects=(),
                 participles=()):
        self.sentence = sentence
        self.offset = offset
        self.objects = [(a - offset, b - offset) for a, b in objects]
        self.participles = [(a - offset, b - offset) for a, b in participles]
        end = offset + len(sentence)
        self.entities = [e for e in entities if e.start < end and e.end > offset]
        self.all_entities = entities
        self.strict = strict
        self.verbs = [(a - offset, b - offset) for a, b in verbs]  # finite verbs of the sentence

    def surnames(self) -> set[str]:
        """ "Vladimir Rogov, a member of … . Rogov claimed …": the surnames of the people the text named in full before
        the sentence (read only for a capitalised candidate no entity of the sentence vouched for)."""
        if not hasattr(self, "_surnames"):
            self._surnames = {e.text.split()[-1] for e in self.all_entities if e.label == "PER" and e.end <= self.offset
                              and len(e.text.split()) >= 2}
        return self._surnames

    def to_person(self, phrase: str, near: int) -> str:
        """ «як сказав головний інфекціоніст країни Ентоні Фаучі агентству AP»: an according phrase that runs on past a
        person's name (into whom it was said to) ends with the name."""
        pos = self.sentence.find(phrase, max(0, near - 5))
        if pos < 0:
            return phrase
        people = [e for e in self.entities if e.label == "PER" and pos <= e.start - self.offset
                  and e.end - self.offset < pos + len(phrase.rstrip())]
        after = re.match(r"\s+([^\W\d_][\w’'-]*)", self.sentence[people[0].end - self.offset:]) if people else None
        if after is None or after.group(1).lower() in tables().coordinators | tables().joiners or after.group(1).lower() in (
                tables().of_words):
            return phrase  # (not "according to Jo Smith and the ministry", "Jo Smith of the ministry")
        return self.sentence[pos:people[0].end - self.offset]

    def reports_figure(self, candidate: str, near: int) -> bool:
        """Whether the subject ``candidate`` (a surname the recogniser missed) can report a figure of the sentence: one
        after it that is no object right after its verb ("Trump wrote 16 books" is his act), or any figure when the
        subject and its verb close the sentence ("…, Rogov said."); where the parse gives the sentence no object
        (Ukrainian has no dependencies) a figure right after the verb may be one («Трамп написав 16 книг»). Never a sentence with no figure, a narrative one
        about the name's bearer ("Dugin believes that …", which would hand him the next sentences that open on
        "He"), nor one whose figures all come before a subject that does not close it («На запитання, чи …
        Комітет 1922 …, Мей відповіла: …»)."""
        from storylens.annotate.numbers import find_numbers

        pos = self.sentence.find(candidate, max(0, near - 5))
        pos = self.sentence.find(candidate) if pos < 0 else pos
        figures = find_numbers(self.sentence)
        if not figures or pos < 0:
            return False
        tail = self.sentence[pos + len(candidate):]
        if all(n.start < pos for n in figures) and re.fullmatch(r"\s*[\w’'-]+(?:\s+[^\s,;:]+){0,4}\s*[.!]?[\"”»]?\s*", tail):
            return True  # "…, Rogov said on Telegram."
        for n in figures:
            if n.start < pos + len(candidate):
                continue
            between = self.sentence[pos + len(candidate):n.start]
            right_after = re.fullmatch(r"\s*[\w’'-]+\s+", between) is not None
            if not (right_after and (not self.objects or any(  # (with no object known, as Ukrainian's parse-free
                    # sentences, a figure right after the verb may be its object: not taken)
                    n.end <= a and re.fullmatch(r"\s*(?:[\w’'-]+\s+)?", self.sentence[n.end:a])
                    for a, _ in self.objects))):  # (its counted noun, perhaps after an adjective)
                return True
        return False

    def widen(self, subject: str, verb_start: int) -> str | None:
        """A named person or organisation that ends where the subject does, when scanning back stopped
        inside it ("Министерство информации и общественного развития опубликовало")."""
        pos = self.sentence.rfind(subject, 0, verb_start)
        if pos < 0:
            return None
        a, b = self.offset + pos, self.offset + pos + len(subject)
        for e in self.entities:
            if e.label in SOURCE_LABELS and e.start < a < e.end <= b + 1:
                return self.sentence[e.start - self.offset:b - self.offset]
        return None

    def participle_in(self, a: int, b: int) -> int:
        """Where a participle that modifies a noun opens a phrase inside ``sentence[a:b]`` ("a report released on
        Saturday", "surveillance conducted during the week"), or ``b``: the phrase is no part of a source. One
        that names the author or the carrier ("released by X", "cited in Y") stays: the report and chain words take
        it apart."""
        for p, q in self.participles:
            if a < p < b and not any(self.sentence[p:b].lower().startswith(k + " ") for k in tables().links):
                return p
        return b

    def __call__(self, candidate: str, near: int = 0, whole: bool = False) -> bool:
        t = tables()
        if any(q in candidate for q in "\"“”«»„‘"):
            return False  # a clause fragment that runs into a quotation
        words = [w.strip(".,;:!?()").lower() for w in candidate.split()]
        words = [w for w in words if w]
        if not words or len(words) > 12:
            return False
        if _names_event(candidate, t):
            return False  # "Tropical Storm X claims 7 lives": what happened, not who said so
        if len(words) == 1 and words[0] in t.pronouns:
            return True
        if re.fullmatch(r"(?:[\w-]+\.)+[a-z]{2,6}", candidate.strip()):
            return True  # a website: "пишет bbc.com"
        pos = self.sentence.find(candidate, max(0, near - 5))
        if pos >= 0 and any(pos <= a < pos + len(candidate) for a, _ in self.verbs):
            return False  # a clause ("43 were shot down by air defence"), not a name
        if any(is_source_word(w, t.sources) for w in words):
            return True
        if pos < 0:
            pos = self.sentence.find(candidate)
        if pos >= 0 and self.entities:
            a, b = self.offset + pos, self.offset + pos + len(candidate)
            for e in self.entities:
                if e.start < b and e.end > a:
                    if e.label in SOURCE_LABELS:
                        return True
                    if e.label in ("LOC", "GROUP") and (whole or (e.start <= a and e.end >= b) or len(words) <= 3):
                        return True
        last = candidate.split()[-1].strip(".,;:")
        if last[:1].isupper() and last in self.surnames() and all(w[:1].isupper() for w in candidate.split()) and not any(
                e.label == "LOC" and e.text == last for e in self.entities) and self.reports_figure(candidate, near):
            return True  # a surname the recogniser missed here: whom the text named in full before
        if self.strict:
            return False
        return bool(re.search(r"[A-ZА-ЯЁІЇЄҐ]", candidate))


def in_aside(between: str) -> bool:
    """Whether the words from a reporting verb to a figure run into an aside about a name the report mentions
    ("…, found that 12 people died in Tarn as a result of Storm Vera, which struck in October 2020"): the writer's
    background, not the report."""
    m = re.search(rf"[A-ZА-ЯЁІЇЄҐ][\w’'-]*[»”\"]?\s*,\s*(?:{alternation(tables().relative)})\s[^,;:—–()\"“”«»]*$", between)
    return m is not None


def is_source(candidate: str, sentence: str, entities: list[EntityMention], offset: int) -> bool:
    """Whether ``candidate`` (a phrase of ``sentence``, which starts at document offset ``offset``) is a person,
    organisation or document by the rules of :class:`_Checker`."""
    return _Checker(sentence, entities, offset, bool(entities))(candidate)


def _names_event(candidate: str, t: _Tables) -> bool:
    """Whether a candidate is an event, not a source: headed by an event noun ("the storm", «пожар»), or a name with
    one inside that no source noun heads ("Tropical Storm Vera"; "the Storm Prediction Center" is a source)."""
    words = [w.strip(".,;:!?()") for w in candidate.split()]
    words = [w for w in words if w]
    if not words or is_source_word(words[-1].lower(), t.sources):
        return False
    event = next((k for k, w in enumerate(words) if is_source_word(w.lower(), t.events)), len(words))
    if _CYRILLIC.search(candidate) and any(is_source_word(w.lower(), t.sources) for w in words[:event]):
        return False  # «Национального центра ураганов»: a Russian or Ukrainian head comes before its genitive
    if is_source_word(words[-1].lower(), t.events):
        return True
    return all(w[:1].isupper() for w in words) and any(is_source_word(w.lower(), t.events) for w in words[:-1])


def is_source_word(word: str, sources: set[str]) -> bool:
    """Whether ``word`` is one of ``sources``, in any case form (a Russian or Ukrainian word by its stem)."""
    word = re.sub(r"(?:’s|'s|’|')$", "", word)
    if word in sources or word.rstrip("s") in sources or (word.endswith("ies") and word[:-3] + "y" in sources):
        return True
    if re.search(r"[а-яёіїєґ]", word) and len(word) > 4:  # Russian/Ukrainian case endings
        stem = word[: max(4, len(word) - 2)]
        return any(s.startswith(stem) and abs(len(s) - len(word)) <= 3 for s in sources if s[:1] == word[:1])
    return False


def _verb_attribution(sentence: str, check: _Checker) -> Attribution | None:
    t = tables()
    asides = [(a.start(), a.end()) for a in re.finditer(r"\s[—–]\s[^—–]{1,200}?\s[—–]\s|\([^()]{1,200}\)", sentence)]
    cues = sorted([*t.verb.finditer(sentence), *t.revision.finditer(sentence)], key=lambda c: c.start())
    for n, v in enumerate(cues):
        if n >= 12:
            break
        if any(a <= v.start() < b for a, b in asides):
            continue  # "— a region the junta declared closed —": an aside reports nothing of the sentence
        at = v.start()
        lead = t.infinitive_lead.search(sentence, max(0, at - 40), at)
        if lead is not None:
            at = lead.start()  # "The ministry went on to say": the subject of "went"
        elif check.verbs and not any(a <= v.start(1) < b for a, b in check.verbs) and (
                v.group(1).lower() not in t.participles):
            continue  # not a verb here: "the Baltic States", "reported killed"
        region = sentence[max(0, at - 240):at]
        if any(w.lower() in t.negation for w in region.split()[-2:]):
            continue  # "he did not say how many": no report
        first = _first_verb_of_clause(sentence, at, region, check, t)
        if first is not None:  # "X commended the troops, saying …", "X did not confirm losses but said …"
            region = sentence[max(0, first - 240):first]
        elif v.group(1).lower() in t.participles:
            continue  # a participle names no subject of its own
        verb_at = first if first is not None else at
        cut = check.participle_in(max(0, verb_at - 80), verb_at)
        if cut < verb_at and "," not in sentence[cut:verb_at] and not any(cut <= a < verb_at for a, _ in check.verbs):  # "A Times report released on Saturday said"
            region, verb_at = sentence[max(0, cut - 240):cut], cut
        appointed = t.appointed.search(region)
        if appointed:
            by = clean_source(appointed.group(1))
            if by:
                return Attribution(by=by, cue=v.group(1).lower(), start=sentence.rfind(by, 0, v.start()),
                                   cue_start=v.start(1))
        progressive = t.progressive.search(region) if v.group(1).split()[0].lower().endswith("ing") else None
        if progressive:  # "Moody's Analytics is putting the figures at …": the subject is before the auxiliary
            region, verb_at = region[:progressive.start()], verb_at - len(region) + progressive.start()
        passive = t.passive_before.search(region[-20:])
        clause = sentence[v.end():].split()[:1] and sentence[v.end():].split()[0].lower() in t.speech_links
        if passive and not (passive.group(0).strip().lower() in t.sources
                            and (v.group(1).lower() not in t.adjectival or clause)):
            continue  # "an official estimate(d)", not "a senior official said", "the top official reported that"
        following = sentence[v.end():].lstrip(" \"“«")
        closing = _closing_report(region, t) if len(following.split()) <= 3 and not re.search(r"[,;:]", following) else None  # (a
        # time may follow the verb: "…, a ministry statement said on Saturday.")
        if closing is not None:  # "…, a ministry statement said.": the ministry; "…, a statement said.": the report
            by, pronoun = closing
            return Attribution(by=by, cue=v.group(1).lower(), pronoun=pronoun, start=sentence.rfind(by, 0, v.start()),
                               cue_start=v.start(1))
        subject = _subject_before(region, t, inverted=following[:1].isupper())
        if not subject:
            continue
        subject = _one_clause(sentence, subject, verb_at, check, t)
        if t.report_noun.fullmatch(subject.strip()) and subject.split()[-1].islower():  # "The update says …": the
            # report a sentence before named (not "The Post noted": a name)
            return Attribution(by=subject.strip(), cue=v.group(1).lower(), pronoun=True,
                               start=sentence.rfind(subject, 0, v.start()), cue_start=v.start(1))
        by = clean_source(check.widen(subject, verb_at) or subject)
        if not by:
            continue
        end = sentence.rfind(subject, 0, verb_at) + len(subject)
        if check.verbs and any(end <= a < verb_at for a, _ in check.verbs) and not (
                t.relative_gap.match(sentence[end:verb_at]) and not following[:1].isupper()):  # (not "…, пишет X")
            continue  # "judges sided with Bibi and said": the subject is before the first verb
        pronoun = by.lower() in t.pronouns
        begins = sentence.rfind(subject, 0, verb_at)
        if any(a <= begins < b for a, b in check.objects):
            continue  # the object of the verb, not its subject: «В 2015 году Ивана признали виновным»
        if v.re is t.revision and any(e.label == "LOC" and e.start - check.offset <= begins < e.end - check.offset
                                      for e in check.entities):
            continue  # "Puerto Rico raised its death toll": the place's own toll, reported by whoever tells it
        if not pronoun and not check(by, max(0, verb_at - len(subject) - 2)) and not _described(region, subject, t) \
                and not _closing(region, subject, sentence[v.end():], t):
            continue
        by = _titled_person(sentence, sentence.rfind(subject, 0, verb_at), check) or by
        by, chained = _split_chain(by, t)  # "A Harvard study published in the X Journal found": by Harvard via X
        by, via = clean_source(by) or by, clean_source(chained)
        tail = t.trailing.search(sentence[v.end():])
        if tail and tail.group(2).lower() in t.trailing_via:
            via = clean_source(tail.group(1))
        return Attribution(by=by, via=via, cue=v.group(1).lower(), pronoun=pronoun,
                           start=sentence.rfind(by, 0, v.start()), cue_start=v.start(1))
    return None


def _closing_report(region: str, t: _Tables) -> tuple[str, bool] | None:
    """ "…, a ministry statement said.", "…, a statement said.": a report noun after a comma as the subject of a verb
    that closes the sentence (read as an appositive otherwise). Its owner noun when that is a source word (the ministry,
    which a bare organisation noun's rule then refers back), else the report itself, a pronoun source."""
    m = re.search(rf",\s*((?:{alternation(t.determiners)})\s+(?:([\w-]+)\s+)?(?:{alternation(t.report_nouns)}))\s*$", region,
                  re.IGNORECASE)
    if m is None or not m.group(1).split()[-1].islower():
        return None  # "…, the Post reported": a name, not a report
    owner = m.group(2)
    if owner and is_source_word(owner.lower(), t.sources):
        return owner, False
    return (m.group(1), True) if owner is None else None


def _one_clause(sentence: str, subject: str, verb_at: int, check: _Checker, t: _Tables) -> str:
    """A coordinated subject whose first conjunct holds a finite verb or opens on an object by the parse ("Russia shelled
    Kyiv and officials said"; the words alone could not tell) is only its last conjunct."""
    words = subject.split()
    joins = [n for n, w in enumerate(words) if w.lower() in t.joiners]
    if not joins or not check.verbs:
        return subject
    begins = sentence.rfind(subject, 0, verb_at)
    if begins < 0 or not (any(begins <= a < begins + len(subject) for a, _ in check.verbs)
                          or any(a <= begins < b for a, b in check.objects)):
        return subject
    return " ".join(words[joins[-1] + 1:]) or subject


def _titled_person(sentence: str, at: int, check: _Checker) -> str | None:
    """ "Anna Berg, CEO of Safe Harbor told …": a source phrase in a short title after a named person and a comma
    (no verb, relative or other comma between) is that person's title; the person is the source, never the title or a
    piece of the organisation in it."""
    if any(e.label == "PER" and e.start - check.offset == at for e in check.entities):
        return None  # the phrase is itself a person: "in Lida, Ivan Petrov, a spokesman for …, told"
    for e in check.entities:
        a, b = e.start - check.offset, e.end - check.offset
        if e.label != "PER" or not 0 <= b <= at or (sentence[:max(0, a)].split()[-1:] and sentence[:a].split()[-1].lower()
                                                     in tables().prepositions):
            continue  # (not "In Enerhodar, the mayor said": a place the recogniser took for a person opens the clause)
        between = sentence[b:max(at, b)]
        if re.fullmatch(r",\s*[^,;:\"“”«»()]{0,60}", between) and not any(b <= v < at for v, _ in check.verbs) and not (
                set(between.lower().split()) & set(tables().relative)):
            return e.text
    return None


def _first_verb_of_clause(sentence: str, at: int, region: str, check: _Checker, t: _Tables) -> int | None:
    """Where the first finite verb of the clause is, when the reporting verb at ``at`` shares its subject: a
    participle after a comma ("…, saying …", «…, заявивши …») or a verb after a coordinator ("did not
    confirm losses but said"). None otherwise, or without the finite verbs of a parse."""
    words = region.rstrip().split()
    if not words or not check.verbs:
        return None
    participle = sentence[at:at + 40].split()[0].strip(".,;:").lower() in t.participles if sentence[at:].strip() \
        else False
    if not (participle and region.rstrip().endswith(",")) and words[-1].lower() not in t.coordinators:
        return None
    start = max((sentence.rfind(c, 0, at) for c in ";:"), default=-1) + 1
    before = sorted(a for a, _ in check.verbs if start <= a < at - 1)
    return before[0] if before and before[0] > start else None


def _closing(region: str, subject: str, rest: str, t: _Tables) -> bool:
    """ "…, Voltara said in a statement.": a capitalised name between a comma and a reporting verb that closes
    the sentence (perhaps with where or when it was said) is the source, whether or not the recogniser knew it."""
    words = subject.split()
    if not (1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)) or subject.lower() in t.pronouns:
        return False
    if not re.search(r",\s*" + re.escape(subject) + r"\s*$", region):
        return False
    tail = re.match(rf"\s*(?:(?:{alternation(t.prepositions)})\s[^,;:\"“”«»]{{0,40}})?[.!]?\s*$", rest, re.IGNORECASE)
    return tail is not None


def _described(region: str, subject: str, t: _Tables) -> bool:
    """A capitalised name with an appositive that says what it is: "Energoatom, the state nuclear operator,"."""
    app = t.apposition.search(region.rstrip())
    return bool(app and subject[:1].isupper() and app.group(1).rstrip().endswith(subject)
                and any(is_source_word(w.strip(".,;:").lower(), t.sources) for w in app.group(2).split()))


def _refers_back(by: str, t: _Tables) -> bool:
    """Whether a source phrase is only a bare noun for an organisation or a person's role (``org_anaphors``,
    ``person_anaphors``: «ведомства», "the agency"), which refers back to a source named before."""
    word = by.lower()
    nouns = t.org_anaphors | t.person_anaphors
    return " " not in word and by[:1].islower() and (word in nouns or bool(_CYRILLIC.search(word))
                                                      and is_source_word(word, nouns))


def _np_after(rest: str, t: _Tables) -> str | None:
    end = t.np_end.search(rest)
    while end and end.group(0) == "." and re.search(r"(?:^|[\s.])[A-ZА-ЯЁІЇЄҐ]$", rest[:end.start()]):
        end = t.np_end.search(rest, end.end())  # an initial ("U.S. officials", "J. Smith") goes on
    np = rest[: end.start()] if end else rest
    # an appositive name right after: "the mayor, Yerlan Saparov,"
    tail = rest[len(np):]
    app = re.match(r"^,\s*((?:[A-ZА-ЯЁІЇЄҐ][\w’'-]+\s*){1,4}),", tail)
    if app and np.strip() and np.strip()[0].islower():
        np = app.group(1)
    return np.strip() or None


def _split_chain(np: str, t: _Tables) -> tuple[str, str | None]:
    m = t.chain.search(np)
    if m:
        return np[: m.start()], np[m.end():]
    return np, None


def _subject_before(region: str, t: _Tables, inverted: bool = False) -> str | None:
    """The subject of a reporting verb, read backwards from it. ``inverted``: the verb comes right after a
    comma and a name follows it ("…, пишет Reuters"), so the source is after the verb, not before."""
    # drop parentheticals: ", including the U.S.,", ", meanwhile,", "(KNB)"
    region = re.sub(r"\([^()]*\)", " ", region)
    # one right before the verb is inside its subject ("the ministry, meanwhile, said"); one earlier ends a
    # clause, so its comma stays ("…, including four in the town, Gov. X wrote")
    region = t.parenthetical.sub(lambda m: " " if not region[m.end():].strip() else ", ", region)
    region = t.aside.sub(" ", region)
    region = t.parenthetical.sub(lambda m: " " if not region[m.end():].strip() else ", ", region)
    region = t.time_closer.sub("", region.rstrip())  # "members of the union on Thursday continued": the members
    skipped = t.skip_after_comma.search(region)
    if skipped:  # "Jo Smith, a council member, has said": the appositive's comma closes the subject
        region = region[:skipped.start() + 1] + " "
    comma_before = region.endswith((",", "—", "–")) and inverted
    aside = t.relative_aside.search(region) if not comma_before else None
    if aside:  # "Jo Smith, who is retiring, said": the name, not the clause (not "…, which …, writes X": after it)
        region = aside.group(1)
    # appositive before the verb: "Ivan Petrov, the mayor's spokesman, said"
    app = t.apposition.search(region)
    if app and re.search(r"[A-ZА-ЯЁІЇЄҐ]", app.group(1)[-40:]):
        region = app.group(1)
        comma_before = False
    else:  # "Dr Aliya Serikova, a historian at Leeds University wrote"
        app = t.apposition_end.search(region)
        bare = t.apposition_bare.search(region)
        if app and app.group(1).split()[-2].lower() not in t.subject_stop and not t.time_opener.match(app.group(1)):
            # not "In Enerhodar, the mayor", not "Later Friday, an official"
            region = app.group(1)
            comma_before = False
        elif bare and bare.group(1).split()[-1].lower() not in t.subject_stop and (
                bare.group(2)[:1].isupper() or any(is_source_word(w.strip(".").lower(), t.sources)
                                                   for w in bare.group(2).split())):
            if not all(w[:1].isupper() for w in bare.group(2).split()):
                region = bare.group(1)  # "Colin Kahl, U.S. undersecretary of defense,": the name before
            comma_before = False  # else the name is the appositive: "the army's chief, Gen. Petro Ivanenko,"
    if comma_before:
        return None  # "…, пишет X", "…, said X": the source comes after the verb
    region = region.rstrip(" ,")
    tokens = region.split()
    words: list[str] = []
    i = len(tokens) - 1
    while i >= 0 and tokens[i].lower().strip("*_") in t.subject_skip and len(tokens) - i <= 3:
        i -= 1
    relative = i > 0 and tokens[i].lower() in t.relative
    if relative:  # "a study by George Washington University that estimated"
        i -= 1
        tokens[i] = tokens[i].rstrip(",")
    while i >= 0 and len(words) < 10:
        tok = tokens[i]
        bare = tok.strip("*_" + _QUOTES).lower()
        core = tok.rstrip("\"“”«»„")
        if not bare or re.search(r"[,;:!?]$", core) or core != tok and words or (
                tok.endswith(".") and not t.titles.fullmatch(tok)):
            break
        if bare in t.subject_stop or re.search(r"\d", bare):
            first = _first_conjunct(tokens, i, t) if bare in t.joiners and words and not relative else None
            if first:  # "Alexis Santos and Jeffrey Howard say": both are the source
                words.append(tok)
                words.extend(first)
                break
            named = _name_with_list(tokens, i, words, t) if bare in t.joiners and words else None
            if named:  # "a report from the International Lesbian, Gay, … and Intersex Association found": one name
                words.append(tok)
                words.extend(named)
                break
            if bare in t.clause_openers:
                break  # "comes after the ministry claimed": "after" opens the clause whose subject reports
            if bare in t.prepositions and words:
                if f"{bare} {words[-1].lower()}" in t.time_phrases:
                    words.pop()  # «В среду губернатор области повысил»: a time, not the subject's preposition
                    break
                if bare in t.attached and i > 0:
                    words.append(tok)  # "police in Kyiv": the place belongs to the subject
                    i -= 1
                    continue
                if relative:
                    break  # "a study was produced by X that estimated": the relative's antecedent, its author
                return None  # "sided with Bibi and said": the object of a preposition is not a subject
            break
        if bare in t.pronouns:
            if not words:
                words.append(tok)
            break
        words.append(tok)
        if bare in t.determiners and not (i > 0 and tokens[i - 1].lower() in t.of_words):
            joined = i >= 2 and tokens[i - 1].lower() in t.coordinators and (
                tokens[i - 2][:1].isupper() or is_source_word(tokens[i - 2].lower(), t.sources))
            if i >= 2 and (tokens[i - 1].lower() in t.attached or joined) and not re.search(r"[,;:]$", tokens[i - 2]):
                words.append(tokens[i - 1])  # "the authorities in the city of Donetsk": past the place; "the
                i -= 2  # government and its allies": both (not "set a target of $800,000 and the bank's spokesman")
                continue
            break
        i -= 1
    if not words:
        return None
    return " ".join(reversed(words))


def _name_with_list(tokens: list[str], i: int, words: list[str], t: _Tables) -> list[str] | None:
    """The words before the joining coordinator ``tokens[i]`` when they and the words after it (``words``, read
    backwards) are one organisation's name with a list inside: capitalised words, the earlier items closed by commas,
    opened by a determiner after a preposition or at the start, and headed by a source noun ("from the International
    Lesbian, Gay, Bisexual, Trans and Intersex Association"); None otherwise (two sources, "Kyiv and Moscow said", are
    ``_first_conjunct``'s)."""
    if not all(w[:1].isupper() for w in words) or not is_source_word(words[0].strip(".,").lower(), t.sources):
        return None
    out: list[str] = []
    commas = 0
    k = i - 1
    while k >= 0 and len(out) < 8:
        tok = tokens[k]
        bare = tok.strip("*_" + _QUOTES).lower()
        if bare in t.determiners:
            before = tokens[k - 1].strip("*_" + _QUOTES).lower() if k > 0 else ""
            if commas >= 1 and (k == 0 or before in t.prepositions):
                return out + [tok]
            return None
        if not tok[:1].isupper() or re.search(r"\d|[;:!?]$", tok):
            return None
        commas += tok.endswith(",")
        out.append(tok)
        k -= 1
    return None


def _first_conjunct(tokens: list[str], i: int, t: _Tables) -> list[str] | None:
    """The words of the conjunct before the joining coordinator ``tokens[i]`` when it names a source too and opens
    the clause ("Alexis Santos and Jeffrey Howard say", «Минздрав и МЧС сообщили», "Local officials and aid workers
    said"): two sources who say one thing are both its source, so neither is dropped. None when the words before are
    something else: an object ("shelled the town and officials said"), a clause ("was not verified and the office
    said"), a preposition's object ("sided with Bibi and said") or a figure. A list of names before the last one shares
    its head ("the US, Canadian, and European associations", "British, French and German officials")."""
    words: list[str] = []
    listed = None  # how many words were read when the list of names began
    items = 0
    k = i - 1
    while k >= 0 and len(words) < 6:
        tok = tokens[k]
        bare = tok.strip("*_" + _QUOTES).lower()
        item = tok.endswith(",") and tok[:1].isupper() and tok[:-1].replace(".", "").isalpha() and all(
            w[:1].isupper() for w in words)
        if not bare or re.search(r"[,;:!?]$", tok) and not item or (
                tok.endswith(".") and not t.titles.fullmatch(tok)) or bare in t.subject_stop or re.search(r"\d", bare):
            break
        listed = len(words) if item and listed is None else listed
        items += item
        words.append(tok)
        k -= 1
        if bare in t.determiners:
            break
    if not words or len(words) >= 6:
        return None
    if k >= 0 and not re.search(r"[,;:—–]$", tokens[k]):
        before = tokens[k].strip("*_" + _QUOTES).lower()
        if before not in t.subject_stop or before in t.prepositions:
            if not listed or items > 1:
                return None  # the conjunct does not open its clause ("from the International Lesbian, Gay, … and
                # Intersex Association": a name's own list)
            words = words[:listed]  # "On Monday, Kyiv and Moscow said": the comma ended a clause
    ordered = list(reversed(words))
    if ordered[0].lower() in t.determiners:
        ordered = ordered[1:]
    cyrillic = bool(_CYRILLIC.search(" ".join(ordered)))
    noun = [is_source_word(w.strip(".,").lower(), t.sources) for w in ordered]
    source = [w[:1].isupper() or noun[n] for n, w in enumerate(ordered)]
    if not ordered or not (source[-1] or cyrillic and source[0]):
        return None  # the head names no one: "the town", "was not verified"
    for n, w in enumerate(ordered):
        if source[n] or w.lower() in t.of_words:
            continue
        if n + 1 < len(ordered) and noun[n + 1]:
            continue  # an adjective on the head: "local officials" (not "Russia shelled Kyiv")
        if cyrillic and any(source[:n]):
            continue  # a genitive after its head: «Министерство обороны»
        return None
    return words


def clean_source(np: str | None) -> str | None:
    """A source phrase without articles, report words (*a statement by the ministry* → *ministry*) or
    edge punctuation; None when nothing is left or it is too long to be a name."""
    if not np:
        return None
    t = tables()
    s = re.sub(r"[*_]+", "", np)
    s = re.sub(r"^[^\w]+", "", s).strip(" ,.;:" + _QUOTES)
    s = t.time_opener.sub("", s)
    s = t.time_closer.sub("", s)  # "a report Tuesday"
    for _ in range(3):
        s = t.determiner.sub("", s)
        s = t.report_prefix.sub("", s)
    owner = t.report_owner.match(s)
    s = owner.group(1) if owner else s
    suffix = t.report_suffix.search(s)
    if suffix and not (suffix.group(0).lstrip()[:1].isupper() and s[:suffix.start()].split()[-1][:1].isupper()):
        s = t.report_lead.sub("", s[:suffix.start()])  # "the latest ministry statement" → ministry; "The Jerusalem
        # Post" is a name
    s = re.sub(r"(?<=\w)(?:’s|'s|’)$", "", s.strip(" ,.;:" + _QUOTES))  # "the department’s (data)"
    s = s.strip(" ,.;:" + _QUOTES)
    if not s or len(s.split()) > 12:
        return None
    return s


# --- context: pronouns, agents, intermediaries --------------------------------------------------------


def resolve(sentence: str, previous, entities: list[EntityMention] | None = None, offset: int = 0,
            verbs: list[tuple[int, int]] = (), antecedent=None, objects: list[tuple[int, int]] = (),
            participles: list[tuple[int, int]] = ()) -> Attribution | None:
    """The source of ``sentence`` in context. ``previous`` gives the previous sentence's attribution (called
    only when needed): a sentence without a cue that starts with They/It/He/Они/Вони takes it, and so does a
    pronoun source, or ``antecedent`` (the source a pronoun refers to, looking further back) when given.
    With no cue at all, an institution that is the subject of the sentence ("The courts brought 2000 people
    to justice") is returned with ``cue="agent"``."""
    t = tables()
    attr = find_attribution(sentence, entities, offset, verbs, objects, participles)
    if attr is not None and attr.pronoun:
        prev = (antecedent or previous)()
        if prev is not None and prev.by and not prev.pronoun and not (prev.cue == "agent" and attr.by.lower() in t.singular):
            return Attribution(by=prev.by, via=prev.via, cue=attr.cue)  # ("he" is no institution that acted)
        if attr.cue in t.document_verbs:  # «В докладе говорится» with no source before: the document itself
            return Attribution(by=attr.by, cue=attr.cue, start=attr.start)
        return Attribution(by=None, cue=attr.cue)
    opening = t.starts_pronoun.match(sentence) if attr is None else None
    if opening and not t.context_opener.match(sentence, opening.end()):  # not "It comes as …": the news, no report
        prev = previous()
        if prev is not None and prev.by:
            # "The ministry released figures. It said …": the institution the sentence before was about reports
            said = re.match(rf"\s*(?:(?:{alternation(t.subject_skip)})\s+)*", sentence[opening.end():], re.IGNORECASE)
            verb = t.verb.match(sentence, opening.end() + said.end())
            return Attribution(by=prev.by, via=prev.via, cue=verb.group(1).lower() if verb else prev.cue)
    closing = _closing_pronoun(sentence, t) if attr is None else None
    if closing:  # "…, the company brought 350 workers, it said.": the organisation the sentence before quoted
        prev = previous()
        if prev is not None and prev.by and not prev.pronoun:
            return Attribution(by=prev.by, via=prev.via, cue=closing)
    if attr is None:
        m = t.agent.match(sentence)
        if m and not any(w.lower() in t.subject_stop for w in m.group(1).split()):
            agent = clean_source(m.group(1))
            if agent:
                return Attribution(by=agent, cue="agent")
    return attr


def _closing_pronoun(sentence: str, t: _Tables) -> str | None:
    """The reporting verb of a pronoun that closes the sentence ("…, it said.", "…, it added in a statement."):
    the pronoun, the verb, then at most a few words with no comma to the end."""
    for m in reversed(list(t.closing_pronoun.finditer(sentence))):
        verb = t.verb.match(sentence, m.end())
        if verb and re.fullmatch(r"[^,;:]{0,40}", sentence[verb.end():]):
            return verb.group(1).lower()
    return None


def spread_by(following: list[tuple[str, bool]]) -> str | None:
    """An intermediary named in the next one or two sentences ("The figure was picked up and spread by …
    Sputnik"); the look-ahead stops at a sentence with figures of its own."""
    t = tables()
    for nxt, has_numbers in following[:2]:
        m = t.spread.search(nxt)
        if m:
            return clean_source(m.group(1))
        if has_numbers:
            break
    return None


def reports_before(sentence: str) -> bool:
    """Whether ``sentence`` opens by handing what the sentence before said to a source («Про це повідомив X»,
    «Об этом X сообщил»): the sentence before, with no source of its own, has that sentence's source."""
    return tables().about_this_opener.match(sentence) is not None


def names_one_person(sentence: str) -> bool:
    """Whether a sentence refers to its source by a pronoun of one person ("he said", «сказала она»), which a group
    or an organisation cannot be."""
    return any(w in tables().singular for w in re.findall(r"\w+", sentence.lower()))


def is_pronoun(word: str) -> bool:
    return word.lower() in tables().pronouns
