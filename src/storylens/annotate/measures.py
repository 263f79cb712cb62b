"""What a number counts, and what happened to it: the counted noun, the predicate, the canonical measure.

A claim's measure comes from the text itself:

1. the **counted noun**: the noun the number quantifies, found by syntax where the language has a parser
   (the ``nummod`` head in spaCy and natasha parses) and by adjacency and morphology otherwise ("600
   flights", «50 тисяч пасажирів», "six of the agency's experts", "a 14-man team" → team);
2. the **predicate**: the verb that says what happened to it ("flights were cancelled", "убито 5 человек",
   "загинули 16 людей"), read along the dependency path from the counted noun, or the nearest verb in the
   clause when there is no parse;
3. the **canonical measure**: a measure noun on its own ("164 deaths" → killed) or a predicate whose
   measure applies to the counted thing (people → killed/detained/…; things → destroyed/cancelled/…). The
   measures, their words and the canonical things ("residents" and "civilians" are people; "рейс" is
   flights) are language data (``lang/<code>/measures.json`` and ``things.json``). They never override a
   counted noun that says something else: "4,500 war crimes by Russian troops" counts crimes.

Nothing here names an event: the words are general news vocabulary of each language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from storylens import lang
from storylens.annotate.syntax import Parse, Token

# Dependency relations along which a noun or number reaches the verb that governs it.
_UP = {"nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj", "attr", "iobj", "obl", "pobj", "conj", "appos",
       "oprd", "npadvmod", "dep", "nmod", "obl:agent", "xcomp", "csubj", "nummod:gov", "acomp", "nmod:npmod",
       "obl:tmod"}
_PARTICIPLE_DEPS = {"acl", "relcl", "amod", "acl:relcl"}
_RELATIVE_DEPS = {"relcl", "acl:relcl"}  # a finite relative clause ("who had guarded"), not a participle


@dataclass(frozen=True)
class Thing:
    """A canonical counted thing: people, children, troops, flights…"""

    name: str
    person: bool = False
    generic: bool = False  # people in general: no subgroup
    mass: bool = False  # electricity, water: what a share goes without, never counted ("2 major powers")
    unit: str | None = None
    measure: str | None = None  # what a bare count of it means ("3,000 troops" → troops)
    group: bool = False  # a team, a delegation: "a team of 12 experts" counts its members


@dataclass
class Lexicon:
    """The measure and unit words of one language, by lemma."""

    things: dict[str, Thing] = field(default_factory=dict)  # lemma or lemma phrase -> thing
    relational: set[str] = field(default_factory=set)  # "member": its thing holds only when nothing qualifies it
    measure_nouns: dict[str, str] = field(default_factory=dict)
    measure_verbs: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    applies_to: dict[str, str] = field(default_factory=dict)
    measure_units: dict[str, str] = field(default_factory=dict)  # measure -> the unit its figures count
    measure_states: list[tuple[tuple[str, ...], str]] = field(default_factory=list)  # "in operation" -> operating
    of_subject: set[str] = field(default_factory=set)  # measures named after the verb's subject: members of a team
    moves_groups: set[str] = field(default_factory=set)  # verbs that send a group as a whole: its size stays members
    agent: set[str] = field(default_factory=set)  # measures that count the verb's doers (attackers), never its objects
    # (lemma, measure): a verb of getting says its measure only of a share that is no share of people ("X received
    # 51%", not "40% of residents received the vaccine")
    weak_verbs: set[tuple[str, str]] = field(default_factory=set)
    thing_measures: dict[str, str] = field(default_factory=dict)
    percent: set[str] = field(default_factory=set)
    currencies: dict[str, str] = field(default_factory=dict)
    measurements: dict[str, tuple[str, float]] = field(default_factory=dict)
    glued_units: dict[str, str] = field(default_factory=dict)  # a unit only when glued to digits ("30in") -> its name
    time: dict[str, str] = field(default_factory=dict)
    ratio: set[str] = field(default_factory=set)
    ratio_words: dict[str, float] = field(default_factory=dict)
    member_units: set[str] = field(default_factory=set)
    age_before: set[str] = field(default_factory=set)
    age_after: set[str] = field(default_factory=set)
    age_stems: tuple[str, ...] = ()
    ago: set[str] = field(default_factory=set)
    per: set[str] = field(default_factory=set)
    cues: dict = field(default_factory=dict)  # claim_cues.json as it is


def _add_lexicon(lex: Lexicon, code: str) -> None:
    lex.relational.update(w.lower() for w in lang.cues(code, "things").get("relational", []))
    for name, spec in lang.cues(code, "things").get("things", {}).items():
        thing = Thing(name, person=bool(spec.get("person")), generic=bool(spec.get("generic")), unit=spec.get("unit"),
                      measure=spec.get("measure"), mass=bool(spec.get("mass")), group=bool(spec.get("group")))
        for word in spec.get("words", []):
            lex.things.setdefault(word.lower(), thing)
    data = lang.cues(code, "measures")
    for name, spec in data.get("measures", {}).items():
        lex.applies_to.setdefault(name, spec.get("applies_to", "any"))
        if spec.get("unit"):
            lex.measure_units.setdefault(name, spec["unit"])
        for state in spec.get("states", []):
            lex.measure_states.append((tuple(state.lower().split()), name))
        if spec.get("of_subject"):
            lex.of_subject.add(name)
        if spec.get("moves_groups"):
            lex.moves_groups.add(name)
        if spec.get("agent"):
            lex.agent.add(name)
        for noun in spec.get("nouns", []):
            lex.measure_nouns.setdefault(noun.lower(), name)
        for verb in spec.get("verbs", []):
            parts = tuple(verb.lower().split())
            lex.measure_verbs.setdefault(parts[0], []).append((parts[1:], name))
        lex.weak_verbs.update((verb.lower(), name) for verb in spec.get("weak_verbs", []))
    lex.thing_measures.update({k: v for k, v in data.get("thing_measures", {}).items() if not k.startswith("_")})
    units = lang.cues(code, "units")
    lex.percent.update(w.lower() for w in units.get("percent", []))
    lex.currencies.update({k.lower(): v for k, v in units.get("currencies", {}).items()})
    lex.measurements.update({k.lower(): (v[0], float(v[1])) for k, v in units.get("measurements", {}).items()})
    lex.glued_units.update({k.lower(): v.lower() for k, v in units.get("glued_units", {}).items()})
    lex.time.update({k.lower(): v for k, v in units.get("time", {}).items()})
    lex.ratio.update(w.lower() for w in units.get("ratio", []))
    lex.ratio_words.update({k.lower(): float(v) for k, v in units.get("ratio_words", {}).items()})
    lex.member_units.update(w.lower() for w in units.get("member_units", []))
    lex.age_before.update(w.lower() for w in units.get("age_before", []))
    lex.age_after.update(w.lower() for w in units.get("age_after", []))
    lex.age_stems += tuple(units.get("age_suffix_stems", []))
    lex.ago.update(w.lower() for w in units.get("ago", []))
    lex.per.update(w.lower() for w in units.get("per", []))
    for key, value in lang.cues(code, "claim_cues").items():
        if isinstance(value, list):
            known = lex.cues.setdefault(key, [])
            known += [w.lower() if isinstance(w, str) else w for w in value if (w.lower() if isinstance(w, str) else w)
                      not in known]
        elif isinstance(value, dict):
            lex.cues.setdefault(key, {}).update({k.lower(): v for k, v in value.items()})


@lru_cache(maxsize=16)
def lexicon(code: str | None) -> Lexicon:
    """The lexicon of language ``code``; languages without data get every language's words."""
    lex = Lexicon()
    codes = [code] if code and lang.cues(code, "measures") else list(lang.languages())
    for c in codes:
        _add_lexicon(lex, c)
    return lex


# --- reading tokens ------------------------------------------------------------------------------------


def lemma_phrase(tokens: list[Token], i: int, size: int) -> str:
    return " ".join(t.lemma for t in tokens[i:i + size])


def thing_at(lex: Lexicon, tokens: list[Token], i: int) -> tuple[Thing | None, int]:
    """The canonical thing of the (possibly multi-word) noun at ``i``: the longest lemma phrase that the
    lexicon knows, read forwards ("police officer") and backwards ("security force"); (None, 1) when the
    noun is not listed. The second value is how many tokens the phrase spans."""
    for size in (5, 4, 3, 2):
        phrase = lemma_phrase(tokens, i, size) if i + size <= len(tokens) else None
        if phrase in lex.things:
            return lex.things[phrase], size
        if i - size + 1 >= 0:
            phrase = lemma_phrase(tokens, i - size + 1, size)
            if phrase in lex.things:
                return lex.things[phrase], 1
    t = tokens[i]
    for key in (t.lemma, t.text.lower()):
        if key in lex.things:
            return lex.things[key], 1
    if t.lemma.endswith("s") and t.lemma[:-1] in lex.things:
        return lex.things[t.lemma[:-1]], 1
    return None, 1


def measure_noun(lex: Lexicon, tokens: list[Token], i: int) -> str | None:
    """A measure named by the noun at ``i`` ("deaths", "death toll", "погибших", "загиблих"). A plural of a kind of
    place (`national_place_nouns`) names those places: «у 12 штатах», «Байден — у 20», «кількість штатів» count
    states, not the staff the singular («штат») can mean."""
    if "Number=Plur" in tokens[i].feats and tokens[i].lemma in lex.cues.get("national_place_nouns", []):
        return tokens[i].lemma if tokens[i].lemma in lex.measure_nouns else None
    for size in (2, 1):
        if i - size + 1 < 0:
            continue
        phrase = lemma_phrase(tokens, i - size + 1, size)
        if phrase in lex.measure_nouns:
            return lex.measure_nouns[phrase]
    t = tokens[i]
    return lex.measure_nouns.get(t.text.lower()) or lex.measure_nouns.get(t.lemma)


def verb_measures(lex: Lexicon, tokens: list[Token], i: int, stop: int) -> list[str]:
    """Measures the verb at ``i`` says, longest phrase first ("shoot down" before "shoot")."""
    t = tokens[i]
    out = []
    for key in dict.fromkeys((t.lemma, t.text.lower(), *verb_stems(t.text.lower(), lex.cues.get("verb_suffixes", [])))):
        for rest, name in sorted(lex.measure_verbs.get(key, []), key=lambda x: -len(x[0])):
            if not rest or _phrase_follows(tokens, i + 1, stop, rest) or _phrase_under(tokens, i, stop, rest):
                out.append(name)
    return out


def lemma_measures(lex: Lexicon, lemma: str) -> list[str]:
    """Measures a one-word verb says by its lemma alone: a participle's verb («ліквідованих» → «ліквідувати»)."""
    return [name for rest, name in lex.measure_verbs.get(lemma, []) if not rest]


def _phrase_under(tokens: list[Token], i: int, stop: int, rest: tuple[str, ...]) -> bool:
    """The words of ``rest`` are, in order, the verb's own prepositions and particles and their objects, by the
    parse, however long the object between ("forced more than 2 million residents from their homes": force from
    home); False without a parse."""
    words = []
    for k in range(i + 1, min(stop, i + 25)):
        h = tokens[k].head
        if h == i and tokens[k].dep in ("prep", "prt", "case"):
            words.append(k)
        elif 0 <= h < len(tokens) and tokens[h].head == i and tokens[h].dep == "prep" and tokens[k].dep == "pobj":
            words.append(k)
    n = 0
    for k in words:
        if tokens[k].lemma == rest[n] or tokens[k].text.lower() == rest[n]:
            n += 1
            if n == len(rest):
                return True
    return False


def state_measure(lex: Lexicon, tokens: list[Token], i: int, stop: int) -> str | None:
    """A measure said by the words right after a counted noun, with no verb: "two reactors still in operation",
    "100 others unaccounted for", "five people dead"."""
    for j in range(i + 1, min(stop, i + 4)):
        t = tokens[j]
        for words, name in lex.measure_states:
            if all(j + k < stop and tokens[j + k].text.lower() in (w, ) or j + k < stop and tokens[j + k].lemma == w
                   for k, w in enumerate(words)):
                return name
        if t.pos not in ("ADV", "AUX", "PART"):
            break
    return None


def verb_stems(word: str, suffixes: list) -> tuple[str, ...]:
    """Verb stems by the language's inflection endings, for a lemmatiser that missed one ("fined" → "fine")."""
    out = []
    for suffix, repl in suffixes:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: -len(suffix)] + repl)
    return tuple(out)


def _phrase_follows(tokens: list[Token], j: int, stop: int, rest: tuple[str, ...]) -> bool:
    """The words of ``rest`` follow, in order, within a few tokens ("took part", "взяли под стражу")."""
    k = 0
    for n in range(j, min(stop, j + len(rest) + 3)):
        if tokens[n].lemma == rest[k] or tokens[n].text.lower() == rest[k]:
            k += 1
            if k == len(rest):
                return True
    return False


def is_noun(t: Token) -> bool:
    return t.pos in ("NOUN", "PROPN") or (t.pos == "X" and t.text[:1].isalpha() and t.text[:1].islower())


def is_modifier(t: Token) -> bool:
    """Words between a number and its noun: adjectives, prenominal participles, compounds."""
    if t.pos == "ADJ" or t.dep in ("amod", "compound", "nmod:poss", "poss", "case"):
        return True
    return t.pos == "VERB" and not t.dep and "VerbForm=Part" in t.feats


def head_path(parse: Parse, i: int, hops: int = 4) -> list[int]:
    """The chain of heads above token ``i`` (at most ``hops``)."""
    out = []
    tokens = parse.tokens
    while len(out) < hops and 0 <= tokens[i].head != i:
        i = tokens[i].head
        if i < 0:
            break
        out.append(i)
    return out


def governing_verb(parse: Parse, i: int, lo: int, hi: int, has_heads: bool,
                   relative: frozenset[str] = frozenset(), others: frozenset[str] = frozenset()) -> int | None:
    """The verb that says what happened to the noun (or number) at ``i``, inside tokens [lo, hi).

    With a parse: a participle attached to the noun ("people killed", "погибших людей"), else the verb
    reached along subject/object/oblique relations, else the verb of a relative clause on the noun. Without
    one: the nearest verb or participle in the clause, looking back first (Slavic word order puts the verb
    first: "загинули 16 людей"), past the verbs of a relative clause the number is not in (``relative``:
    the relative pronouns' lemmas; «двоє чоловіків, які охороняли склад, були вбиті»). A participle that
    only sets the figure apart from others (``others``: "the remaining two were wounded") says nothing."""
    tokens = parse.tokens
    if has_heads:
        for j in range(max(lo, i - 4), min(hi, i + 6)):
            t = tokens[j]
            if (t.head == i and t.pos == "VERB" and t.dep in _PARTICIPLE_DEPS and not _finite_relative(t)
                    and t.text.lower() not in others):
                return j
        k = i
        for _ in range(5):
            t = tokens[k]
            h = t.head
            if h < 0 or h == k or not (lo <= h < hi):
                return _list_verb(tokens, i, lo, colon=True) if h < 0 else None  # a fragment the parser left
                # without a head after a header's colon («Погибли: 12 военных, …»)
            head = tokens[h]
            if head.pos in ("VERB", "AUX") or (head.pos == "ADJ" and head.dep in ("ROOT", "root", "ccomp", "conj")):
                return _own_clause_verb(tokens, i, h, lo, hi)
            if head.pos in ("ADP", "ADJ", "ADV") or t.dep in _UP or head.pos in ("NOUN", "PROPN", "NUM", "PRON"):
                k = h
                continue
            return relative_verb(parse, i, lo, hi)
        return relative_verb(parse, i, lo, hi)
    for barriers in ((",", ";", ":", "—", "(", ")"), (";", ":", "—", "(", ")")):  # within the clause first
        for dist in range(1, 8):
            for j in (i - dist, i + dist):
                if lo <= j < hi and tokens[j].pos == "VERB" and not _in_relative_clause(tokens, i, j, lo, relative):
                    between = tokens[min(i, j) + 1:max(i, j)]
                    if not any(b.text in barriers for b in between):
                        return j
    return _list_verb(tokens, i, lo)


def _list_verb(tokens: list[Token], i: int, lo: int, colon: bool = False) -> int | None:
    """The verb a list of counts hangs from, without a parse: back from the noun at ``i`` over the items before it
    (numbers, nouns, adjectives, commas and coordinators) to a verb, or to a colon right after a verb that heads
    the list («Знищено: 12 танків, 3 літаки», «за добу знищено 12 танків, 3 літаки та 40 окупантів»): every item
    takes the verb, however far the list has run from it (``colon``: only a header's verb before a colon)."""
    j = i - 1
    while j >= lo:
        t = tokens[j]
        if t.pos == "VERB":
            return None if colon else j
        if t.text == ":":
            if j - 1 >= lo and tokens[j - 1].pos == "VERB":
                return j - 1
            return None
        if not (t.pos in ("NUM", "NOUN", "ADJ", "CCONJ") or t.text in (",", "%") or t.text[:1].isdigit()):
            return None
        j -= 1
    return None


def _in_relative_clause(tokens: list[Token], i: int, j: int, lo: int, relative: frozenset[str]) -> bool:
    """The verb at ``j`` is in a relative clause (opened by a comma and a relative pronoun before it) that the
    number at ``i`` is not in."""
    k = j - 1
    while k >= lo and tokens[k].text not in (",", ";", ":", "—", "(", ")"):
        if tokens[k].lemma in relative or tokens[k].text.lower() in relative:
            return k > i
        k -= 1
    return False


def relative_verb(parse: Parse, i: int, lo: int, hi: int) -> int | None:
    """The verb of a relative clause on the noun at ``i`` ("two men who had guarded the depot", «два
    человека, которые охраняли склад»): what the clause says of the noun, second to the verb of the clause
    the noun belongs to ("… were killed"), which :func:`governing_verb` reads first."""
    for j in range(i + 1, min(hi, i + 8)):
        t = parse.tokens[j]
        if t.head == i and t.pos == "VERB" and _finite_relative(t):
            return j
    return None


def _finite_relative(t: Token) -> bool:
    """A finite relative clause ("who had guarded", «которые охраняли»), not an infinitive ("a loan to help")."""
    return t.dep in _RELATIVE_DEPS and "VerbForm=Inf" not in t.feats


def _own_clause_verb(tokens: list[Token], i: int, h: int, lo: int, hi: int) -> int:
    """The parser's verb ``h`` for the word at ``i``, unless ``h`` is in an earlier clause (a comma between)
    and the word's own clause has a main verb after it, which a misattached phrase belongs to («не спешили,
    восемь лет Биби находилась в тюрьме»)."""
    a, b = min(i, h), max(i, h)
    if not any(t.text in (",", ";") for t in tokens[a + 1:b]):
        return h
    left = i
    while left - 1 >= lo and tokens[left - 1].text not in (",", ";", ":", "—", "(", ")"):
        left -= 1
    right = i
    while right + 1 < hi and tokens[right + 1].text not in (",", ";", ":", "—", "(", ")"):
        right += 1
    if h >= left:
        return h  # the verb comes after the comma: "70 people, including three children, were killed"
    own = [j for j in range(i + 1, right + 1) if tokens[j].pos == "VERB"
           and tokens[j].dep in ("ROOT", "root", "conj", "parataxis")]
    return own[0] if own else h

