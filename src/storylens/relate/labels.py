"""Actor labels: the words each source uses for each group of actors.

* :data:`LEXICON` — group → language → ``(label, pattern)``: the label as reported and a regular
  expression for its forms (English singular/plural, Russian case endings). Extend it with
  :func:`add_label`. Groups: the people on the streets, the authorities, foreign forces, and how
  the events themselves are named (a "Maidan", a "coup", "беспорядки").
* **Discovery** (``discovered: true``) of labels the lexicon lacks, from how words are used:
  - naming cues: "the so-called X", «так называемые X» (X kept when the sentence is about people);
  - "<modifier>+ cells/elements/strata/sections of society/the population" (at least one
    adjective-like modifier: "marginalized low-educated cells of society"), and Russian
    "<adj>+ слои/элементы населения/общества";
  - the syntactic slots known labels fill: "X were detained/arrested/killed", "X stormed/looted/
    clashed with/seized…", "police detained/dispersed (N) X", «X штурмовали/громили…»: a plural
    noun found there that is not in the lexicon nor a generic word (people, police, cars…) and
    whose embedding is not far from the group's known labels (cosine ≥ :data:`DISCOVERY_MIN`
    to their mean; a weak filter against objects such as "buses").
* :func:`actor_labels` — the schema's ``actor_labels``: per group, per source (``meta['source']``
  or the document id), each label with its count, whether it was discovered, and evidence spans
  (a label inside quotation marks is marked ``quoted``: the source may be citing someone else's
  word, e.g. Tokayev's “terrorists”).
* :func:`label_table` — the same as a Markdown table, one row per source.

Counting is linear in the text size (regexes); discovery embeds only the candidate words.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from functools import lru_cache

from storylens.doc import Document
from storylens.relate.morphology import analyzer

DISCOVERY_MIN = 0.55
MAX_EVIDENCE = 20
TOP_ENTITIES = 20  # referents: the entities named in most documents
PRIOR = 10.0  # weight of the corpus-wide counts in the informative Dirichlet prior

CROWD = "people on the streets"
AUTHORITIES = "authorities"
FOREIGN = "foreign forces"
EVENT = "the events"

_RU_NOUN = r"(?:ы|ов|ам|ами|ах|а|у|ом|е)?"  # бандит-ы/-ов/-ам…
_RU_ADJ = r"(?:ие|их|им|ими|ий|его|ему|ая|ую|ые|ых|ым|ыми|ый|ого|ому|ой)"
_NOT_ADJ_USE = r"(?!\s+(?:attacks?|acts?|threats?|organi[sz]ations?|groups?|cells?|activit(?:y|ies)|networks?|underground))"


def _en(word: str, singular: bool = True) -> str:
    """Pattern for an English plural label (and its singular unless told not to)."""
    if word.endswith("ies"):
        return word[:-3] + ("(?:ies|y)" if singular else "ies")
    if singular and word.endswith("s"):
        return word[:-1] + "s?"
    return word


# group -> language -> [(label, regex)]
LEXICON: dict[str, dict[str, list[tuple[str, str]]]] = {
    CROWD: {
        "en": [
            ("protesters", _en("protesters")), ("protestors", _en("protestors")),
            ("demonstrators", _en("demonstrators")), ("rioters", _en("rioters")), ("bandits", _en("bandits")),
            ("terrorists", "terrorists|terrorist" + _NOT_ADJ_USE), ("looters", _en("looters")),
            ("marauders", _en("marauders")), ("militants", "militants"), ("extremists", "extremists"),
            ("criminals", "criminals"), ("activists", _en("activists")), ("insurgents", _en("insurgents")),
            ("thugs", _en("thugs")), ("hooligans", _en("hooligans")), ("provocateurs", _en("provocateurs")),
            ("radicals", "radicals"), ("mobs", _en("mobs")), ("pogromists", _en("pogromists")),
            ("armed groups", r"armed\s+(?:\w+\s+)?groups?"), ("rebels", _en("rebels")),
        ],
        "ru": [
            ("протестующие", "протестующ" + _RU_ADJ), ("митингующие", "митингующ" + _RU_ADJ),
            ("демонстранты", "демонстрант" + _RU_NOUN), ("бандиты", "бандит" + _RU_NOUN),
            ("террористы", "террорист" + _RU_NOUN), ("мародёры", "мар[оа]д[её]р" + _RU_NOUN),
            ("боевики", "боевик(?:и|ов|ам|ами|ах|а|у|ом|е)?"), ("погромщики", "погромщик(?:и|ов|ам|ами|ах|а|у|ом)?"),
            ("экстремисты", "экстремист" + _RU_NOUN), ("хулиганы", "хулиган" + _RU_NOUN),
            ("провокаторы", "провокатор" + _RU_NOUN), ("радикалы", "радикал" + _RU_NOUN),
            ("преступники", "преступник(?:и|ов|ам|ами|ах|а|у|ом)?"), ("активисты", "активист" + _RU_NOUN),
            ("участники беспорядков", r"участник\w*\s+(?:массовых\s+)?беспорядков"),
            ("вооружённые группы", r"вооруж[её]нн\w+\s+(?:групп|банд|формировани)\w*"),
        ],
    },
    AUTHORITIES: {
        "en": [
            ("police", r"police(?:men)?|policem[ae]n"), ("riot police", r"riot\s+police"),
            ("security forces", r"security\s+forces"), ("law enforcement", r"law[\s-]+enforcement"),
            ("authorities", "authorities"), ("regime", "regimes?"), ("power structures", r"power\s+structures"),
            ("forces of law and order", r"forces\s+of\s+law\s+and\s+order"), ("siloviki", "siloviki"),
            ("national guard", r"national\s+guard"),
        ],
        "ru": [
            ("полиция", r"полици(?:я|и|ю|ей)|полицейск" + _RU_ADJ), ("силовики", "силовик(?:и|ов|ам|ами|ах)"),
            ("власти", r"власт(?:и|ей|ям|ями|ях)"), ("правоохранительные органы", r"правоохранительн\w+\s+орган\w*"),
            ("силовые структуры", r"силов\w+\s+структур\w*"), ("режим", r"режим(?:а|у|ом|е)?(?!\s+ЧП)"),
            ("силы правопорядка", r"сил\w*\s+правопорядка"), ("нацгвардия", r"нацгварди\w*|национальн\w+\s+гварди\w*"),
        ],
    },
    FOREIGN: {
        "en": [
            ("CSTO troops", r"csto\s+(?:troops|forces|contingent|servicemen|soldiers|mission|force)"),
            ("Russian troops", r"russian(?:-led)?\s+(?:troops|forces|soldiers|servicemen|military|force)"),
            ("peacekeepers", _en("peacekeepers")), ("paratroopers", _en("paratroopers")),
            ("foreign troops", r"foreign\s+(?:troops|soldiers|forces)"), ("occupiers", _en("occupiers")),
            ("contingent", "contingent"),
        ],
        "ru": [
            ("миротворцы", r"миротвор(?:цы|цев|цам|цами|цах|ец|ца|цу)"), ("десантники", "десантник(?:и|ов|ам|ами|ах)"),
            ("войска ОДКБ", r"(?:войск|сил|контингент)\w*\s+одкб"), ("российские военные", r"российск\w+\s+(?:военн|войск|солдат)\w*"),
            ("оккупанты", "оккупант" + _RU_NOUN), ("контингент", "контингент" + _RU_NOUN),
        ],
    },
    EVENT: {
        "en": [
            ("protests", r"protests?(?!\w)(?!\s+(?:against|over))"), ("riots", _en("riots")), ("unrest", "unrest"),
            ("uprising", "uprisings?"), ("revolution", "revolutions?"), ("colour revolution", r"colou?r\s+revolutions?"),
            ("coup", r"coups?(?:\s+d['’]\s?[eé]tat)?|attempted\s+coup"), ("Maidan", "maidan"),
            ("terrorist attack", r"terrorist\s+attacks?|act\s+of\s+terror"), ("aggression", "aggression"),
            ("rallies", _en("rallies")), ("insurrection", "insurrections?"),
        ],
        "ru": [
            ("протесты", r"протест(?:ы|ов|ам|ами|ах)"), ("беспорядки", r"беспоряд(?:ки|ков|кам|ками|ках)"),
            ("митинги", r"митинг(?:и|ов|ам|ами|ах)"), ("цветная революция", r"цветн\w+\s+революци\w*"),
            ("переворот", r"(?:государственн\w+\s+)?переворот\w*"), ("майдан", "майдан\\w*"),
            ("теракт", "теракт\\w*"), ("агрессия", r"агресси(?:я|и|ю|ей)"), ("мятеж", r"мятеж\w*"),
        ],
    },
}

# words that fill the crowd slots but are not labels
_GENERIC = set("""people persons police officers policemen forces troops soldiers servicemen men women children residents
citizens buses cars vehicles buildings offices journalists numbers dozens hundreds thousands others those these
some many most they them officials authorities members employees workers guards shops stores banks items weapons
rifles firearms arms goods days nights hours weeks minutes years figures reports sources media news cases years
units crews ones things reasons events protests rallies riots clashes demonstrations attacks groups cells homes
люди граждане жители полицейские силовики военные сотрудники журналисты автобусы машины здания""".split())

_QUOTES_OPEN = "\"“«„'‘"
_QUOTES_CLOSE = "\"”»“'’"

_SO_CALLED = re.compile(r"\bso[- ]called\s+\[?([^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?)\]?|"
                        r"(?<!\w)так\s+называем\w+\s+«?([^\W\d_]+)", re.I)
_PEOPLE_CONTEXT = re.compile(r"\b(?:people|youth|youths|crowds?|residents|citizens|protest\w*|rall\w*|street\w*|"
                             r"mob|men|supporters)\b|(?<!\w)(?:люд\w*|молод[её]ж\w*|толп\w*|жител\w*|граждан\w*|"
                             r"протест\w*|митинг\w*)", re.I)
_ADJ_SHAPE = r"(?:[^\W\d_]+-[^\W\d_]+|[^\W\d_]+(?:ed|al|ive|ic|ous|ant|ent|ful|less|ist|ary|ing|ile|ble))"
_SOCIETY = re.compile(
    rf"\b((?:{_ADJ_SHAPE}\s+(?:and\s+)?){{1,3}}(?:cells|elements|strata|sections|segments|layers|groups|parts)\s+of\s+"
    rf"(?:the\s+)?(?:society|population|public))\b|"
    r"(?<!\w)((?:[^\W\d_]+(?:ые|ие|ых|их)\s+){1,3}(?:слои|слоёв|слоев|элементы|элементов|прослойки)\s+(?:общества|населения))",
    re.I)
_PLURAL = r"(?<![\w-])([a-z][a-z-]{2,}s)"  # from a word start only: linear on long letter runs
_SLOTS = [
    re.compile(_PLURAL + r"\s+(?:\w+\s+)?(?:were|have\s+been|had\s+been|are\s+being|being)\s+"
               r"(?:detained|arrested|killed|dispersed|neutrali[sz]ed|captured|shot|rounded\s+up)\b", re.I),
    re.compile(_PLURAL + r"\s+(?:had\s+|have\s+|also\s+|then\s+)?(?:stormed|looted|clashed|seized|attacked|torched|"
               r"robbed|rioted|smashed|ransacked|set\s+fire)\b", re.I),
    re.compile(r"\b(?:detained|arrested|dispersed|neutrali[sz]ed|rounded\s+up)\s+(?:\d[\d,\s]*\s+|the\s+|dozens\s+of\s+|"
               r"hundreds\s+of\s+|thousands\s+of\s+|some\s+|many\s+)?(?:[a-z]+\s+)?" + _PLURAL + r"\b", re.I),
    re.compile(r"(?<!\w)([а-яё]{4,}(?:ы|и))\s+(?:\w+\s+)?(?:штурмовали|громили|грабили|захватили|подожгли|напали)(?!\w)", re.I),
]


def add_label(group: str, language: str, label: str, pattern: str | None = None) -> None:
    """Extend the lexicon (``pattern`` defaults to the label itself, escaped)."""
    LEXICON.setdefault(group, {}).setdefault(language, []).append((label, pattern or re.escape(label)))
    _compiled.cache_clear()


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[str, str, re.Pattern]]:
    out = []
    for group, by_lang in LEXICON.items():
        for _lang, entries in by_lang.items():
            for label, pattern in entries:
                out.append((group, label, re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.I)))
    return out


def _source(doc: Document) -> str:
    return doc.meta.get("source") or doc.id


def _quoted(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 2):start]
    after = text[end:end + 2]
    return any(q in before for q in _QUOTES_OPEN) and any(q in after for q in _QUOTES_CLOSE)


def _sentence_at(doc: Document, pos: int) -> tuple[int, int]:
    k = bisect.bisect_right([s.start for s in doc.sentences], pos) - 1
    if k >= 0 and pos < doc.sentences[k].end:
        return doc.sentences[k].start, doc.sentences[k].end
    return max(0, pos - 150), min(len(doc.text), pos + 150)


class _Hits:
    def __init__(self) -> None:
        # group -> source -> label -> {count, discovered, evidence}
        self.table: dict[str, dict[str, dict[str, dict]]] = defaultdict(lambda: defaultdict(dict))
        self.taken: dict[str, list[tuple[int, int]]] = defaultdict(list)

    def add(self, group: str, doc: Document, label: str, start: int, end: int, discovered: bool) -> None:
        spans = self.taken[doc.id]
        if any(s < end and start < e and not (discovered and start <= s and e <= end and (s, e) != (start, end))
               for s, e in spans):
            return
        spans.append((start, end))
        entry = self.table[group][_source(doc)].setdefault(
            label, {"label": label, "count": 0, "discovered": discovered, "evidence": []})
        entry["count"] += 1
        if len(entry["evidence"]) < MAX_EVIDENCE:
            ev = {"doc": doc.id, "start": start, "end": end, "text": doc.text[start:end], "source": _source(doc)}
            if _quoted(doc.text, start, end):
                ev["quoted"] = True
            entry["evidence"].append(ev)


def _lexicon_pass(docs: list[Document], hits: _Hits) -> None:
    # longer patterns first so that "riot police" wins over "police", "armed groups" over "groups"
    entries = sorted(_compiled(), key=lambda e: (-len(e[1].split()), -len(e[1])))
    for doc in docs:
        for group, label, rx in entries:
            for m in rx.finditer(doc.text):
                hits.add(group, doc, label, m.start(), m.end(), False)


def _known_words() -> set[str]:
    words = set()
    for by_lang in LEXICON.values():
        for entries in by_lang.values():
            for label, _ in entries:
                words.update(label.lower().split())
    return words


def _discover(docs: list[Document], hits: _Hits) -> None:
    known = _known_words()
    # naming cues and "… cells of society": reliable on their own
    for doc in docs:
        for m in _SO_CALLED.finditer(doc.text):
            g = 1 if m.group(1) else 2
            word = m.group(g)
            first = word.split()[0]
            s0, e0 = _sentence_at(doc, m.start())
            if first.lower() in known or first.lower() in _GENERIC:
                continue
            if not _PEOPLE_CONTEXT.search(doc.text[s0:e0]):
                continue
            # keep one word unless the second is a noun-like plural ("so-called little green men")
            words = word.split()
            label = " ".join(words[:2]) if len(words) > 1 and words[1].lower().endswith("s") else words[0]
            start = m.start(g)
            hits.add(CROWD, doc, label.lower(), start, start + len(label), True)
        for m in _SOCIETY.finditer(doc.text):
            g = 1 if m.group(1) else 2
            label = re.sub(r"\s+", " ", m.group(g)).strip()
            hits.add(CROWD, doc, label.lower(), m.start(g), m.start(g) + len(m.group(g).rstrip()), True)
    # slot fillers: candidates, then one embedding check per distinct word
    candidates: dict[str, list[tuple[Document, int, int]]] = defaultdict(list)
    for doc in docs:
        for rx in _SLOTS:
            for m in rx.finditer(doc.text):
                word = m.group(1)
                low = word.lower()
                if low in _GENERIC or low in known or low.rstrip("s") in known or low[:-1] in known:
                    continue
                if any(low.startswith(k[:6]) for k in known if len(k) >= 6):
                    continue
                candidates[low].append((doc, m.start(1), m.end(1)))
    if not candidates:
        return
    from storylens.relate import embeddings

    seeds = [label for label, _ in LEXICON[CROWD].get("en", []) + LEXICON[CROWD].get("ru", [])]
    centre = embeddings.normalise(embeddings.encode(seeds).mean(axis=0, keepdims=True))[0]
    words = sorted(candidates)
    sims = embeddings.encode(words) @ centre
    for word, sim in zip(words, sims):
        if sim < DISCOVERY_MIN:
            continue
        rx = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.I)
        for doc in {d.id: d for d, _, _ in candidates[word]}.values():
            for m in rx.finditer(doc.text):
                hits.add(CROWD, doc, word, m.start(), m.end(), True)


_QUOTED = re.compile(r"[\"“«„‘']([^\"“”«»„‘’'\n]{3,60})[\"”»“’']")
_PHRASE = re.compile(r"[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3}")
_LOWER_WORD = re.compile(r"\s*([^\W\d_A-ZА-ЯЁІЇЄҐ][\w-]*)")


@lru_cache(maxsize=8)
def _naming_cues(language: str) -> re.Pattern | None:
    from storylens import lang

    cues = lang.cues(language, "labels_naming").get("naming_cues", [])
    if not cues:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(cues) + r")\s+[«\"“'‘]?", re.I)


def _stopwords(language: str) -> frozenset[str]:
    from storylens import lang

    return frozenset(w.lower() for w in lang.cues(language, "stories_stopwords").get("words", []))


def _phrase(text: str, start: int, language: str) -> tuple[int, int] | None:
    """The noun phrase (up to four words, cut at the first function word) starting at ``start``."""
    m = _PHRASE.match(text, start)
    if not m:
        return None
    stop = _stopwords(language)
    end = start
    for k, w in enumerate(re.finditer(r"[\w'’-]+", m.group())):
        if w.group().lower() in stop or (k and _verb_like(w.group(), language)):
            break
        end = start + w.end()
    return (start, end) if end > start else None


def _verb_like(word: str, language: str) -> bool:
    """A word that ends a name's noun phrase: a verb or a word of another part of speech
    (pymorphy3 for Russian and Ukrainian; for other languages a verb-like English ending)."""
    if analyzer(language) is not None:
        return _slavic_pos(word.lower(), language) not in ("NOUN", "ADJF", "PRTF", "NUMR")
    low = word.lower()
    return low.endswith(("ed", "ing")) or (low.endswith("s") and not low.endswith(("ss", "us", "is")))


def _discover_names(docs: list[Document], hits: _Hits, entities: dict[str, list[tuple[str, int, int, str]]]) -> None:
    """Labels from naming positions, for the main actors and the event.

    * scare quotes: a short phrase in quotation marks ("fake news", «узница совести»);
    * naming cues (``lang/<code>/labels_naming.json``): "so-called X", "dubbed X", «назвал X»;
    * the names of the most talked-about entities as each source writes them, with the common
      nouns that follow ("Kiev regime", "Zaporozhye nuclear power plant") or precede them
      («христианку-богохульницу Асию Биби»).
    Each label goes to the referent it stands next to: the entity in the same sentence, else the event.
    """
    counts = Counter(ent for mentions in entities.values() for ent in {m[0] for m in mentions})
    top = {ent for ent, _ in counts.most_common(TOP_ENTITIES)}
    for doc in docs:
        language = doc.meta.get("language") or "en"
        text = doc.text
        mentions = [m for m in entities.get(doc.id, []) if m[0] in top]

        def referent(pos: int) -> str:
            s0, e0 = _sentence_at(doc, pos)
            near = [m for m in mentions if s0 <= m[1] < e0]
            return min(near, key=lambda m: abs(m[1] - pos))[3] if near else EVENT

        for m in _QUOTED.finditer(text):
            phrase = m.group(1).rstrip(" .,;:!?")
            if not 1 <= len(phrase.split()) <= 4 or not phrase.strip():
                continue  # a sentence quoted, not a name
            hits.add(referent(m.start()), doc, phrase.strip().lower(), m.start(1), m.start(1) + len(phrase), True)
        cues = _naming_cues(language)
        if cues:
            for m in cues.finditer(text):
                span = _phrase(text, m.end(), language)
                if span:
                    hits.add(referent(m.start()), doc, text[span[0]:span[1]].lower(), span[0], span[1], True)
        stop = _stopwords(language)
        for ent, start, end, name in mentions:
            stretch = end
            for _ in range(3):
                w = _LOWER_WORD.match(text, stretch)
                if not w or w.group(1).lower() in stop or not w.group(1).isalpha() or _verb_like(w.group(1), language):
                    break
                stretch = w.end()
            if ent.startswith("PER:"):  # a title before a name wins over the words after it
                title = _title_start(text, start, stop)
                if title < start:
                    hits.add(name, doc, re.sub(r"\s+", " ", text[title:end]).lower(), title, end, True)
            label = re.sub(r"\s+", " ", text[start:stretch])
            hits.add(name, doc, label.lower() if stretch > end else label, start, stretch, True)
            pre = _PRE_NOUNS.search(text, max(0, start - 60), start)
            if pre and not any(w.lower() in stop for w in pre.group(1).split()):
                p0 = pre.start(1)
                hits.add(name, doc, pre.group(1).strip().lower(), p0, p0 + len(pre.group(1).rstrip()), True)


# one or two lower-case words right before a name, from a word start («христианку-богохульницу Асию»)
_PRE_NOUNS = re.compile(r"(?<![\w-])((?:[^\W\d_A-ZА-ЯЁІЇЄҐ][\w-]*\s+){1,2})$")
_PRE_WORD = re.compile(r"(?<![\w'’.-])((?:[^\W\d_]\.){2,}|[^\W\d_][\w'’-]*)[ \u00a0]$")
_SENTENCE_END = re.compile(r"(?:[.!?:;\"“”«»()\[\]]|^)\s*$")


def _title_start(text: str, start: int, stop: frozenset[str], most: int = 5) -> int:
    """Where the capitalised title words right before a person's name begin ("San Juan Mayor
    Carmen" before "Yulín Cruz", "Prime Minister" before a name): up to ``most`` words, none a
    function word, month or weekday, not the first word of a sentence."""
    from storylens.annotate.dates import is_calendar_word

    cur = start
    for _ in range(most):
        m = _PRE_WORD.search(text, max(0, cur - 40), cur)
        if not m or not m.group(1)[0].isupper():
            break
        word = m.group(1)
        if word.lower() in stop or is_calendar_word(word) or _SENTENCE_END.search(text, max(0, m.start(1) - 3), m.start(1)):
            break
        cur = m.start(1)
    return cur


GROUPS = "groups of people"
_WORDS = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_][\w'’-]*")  # "U.S." is one word


@lru_cache(maxsize=200_000)
def _slavic_kind(word: str, language: str) -> str:
    """``group`` for an animate plural noun, ``mod`` for an adjective or participle, else ``""``."""
    parse = analyzer(language).parse(word)[0]
    tag = parse.tag
    if tag.POS == "NOUN" and "anim" in tag and "plur" in tag:
        return "group"
    if tag.POS in ("ADJF", "PRTF"):
        return "mod"
    return ""


@lru_cache(maxsize=200_000)
def _slavic_pos(word: str, language: str) -> str | None:
    return analyzer(language).parse(word)[0].tag.POS


def _english_kind(word: str, groups: dict) -> str:
    low = word.lower()
    if word[:1].islower() and (low in groups["heads"] or (len(low) > 5 and low.endswith(groups["suffixes"]))):
        return "group"
    if len(low) > 3 and (word[:1].isupper() or low.endswith(("al", "ic", "ed", "ive", "ous", "an", "ish", "ist", "ary"))):
        return "mod"
    return ""


@lru_cache(maxsize=4)
def _group_cues(language: str) -> dict:
    from storylens import lang

    data = lang.cues(language, "labels_groups")
    return {"suffixes": tuple(data.get("person_suffixes", [])), "heads": frozenset(data.get("group_heads", []))}


def _adjacent(text: str, end: int, start: int) -> bool:
    """Two words with one or two spaces between them and no punctuation (a comma ends a phrase)."""
    return 0 < start - end <= 2 and text[end:start].isspace()


def _discover_groups(docs: list[Document], hits: _Hits) -> None:
    """Groups of people as each source names them: up to two modifiers and a plural person noun
    («радикальные исламисты», «ультрарадикалов», "Russian occupiers", "American citizens")."""
    for doc in docs:
        language = doc.meta.get("language") or "en"
        cues = _group_cues(language)
        if analyzer(language) is not None:
            kind = lambda w: _slavic_kind(w.lower(), language)  # noqa: E731
        elif cues["suffixes"] or cues["heads"]:
            kind = lambda w: _english_kind(w, cues)  # noqa: E731
        else:
            continue
        words = list(_WORDS.finditer(doc.text))
        for i, w in enumerate(words):
            if kind(w.group()) != "group":
                continue
            first = i
            while first > i - 2 and first > 0 and kind(words[first - 1].group()) == "mod" \
                    and _adjacent(doc.text, words[first - 1].end(), words[first].start()):
                first -= 1
            start, end = words[first].start(), w.end()
            hits.add(GROUPS, doc, re.sub(r"\s+", " ", doc.text[start:end]).lower(), start, end, True)


def _contrast(table: dict[str, dict[str, dict]]) -> None:
    """Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008):
    how much more one source uses a label for a referent than the other sources do, as a z-score;
    the prior is the referent's labels over the whole corpus (``PRIOR`` pseudo-counts)."""
    total: Counter[str] = Counter()
    for labels in table.values():
        for label, entry in labels.items():
            total[label] += entry["count"]
    n_all = sum(total.values())
    if not n_all:
        return
    for labels in table.values():
        n_src = sum(e["count"] for e in labels.values())
        for label, entry in labels.items():
            a = PRIOR * total[label] / n_all
            y_in, y_out = entry["count"], total[label] - entry["count"]
            n_out = n_all - n_src
            # odds of the label against the source's (the others') other labels; half a count
            # keeps the odds finite when a referent has one label only
            delta = (math.log((y_in + a) / max(n_src + PRIOR - y_in - a, 0.5))
                     - math.log((y_out + a) / max(n_out + PRIOR - y_out - a, 0.5)))
            z = delta / math.sqrt(1 / (y_in + a) + 1 / (y_out + a))
            entry["z"] = round(z, 2)
            entry["distinctive"] = z >= 1.96


def actor_labels(docs: list[Document], *, discover: bool = True,
                 entities: dict[str, list[tuple[str, int, int, str]]] | None = None) -> list[dict]:
    """The analysis schema's ``actor_labels``: per referent, per source, the labels used, with
    counts, evidence spans and how distinctive of the source each is (``z``, ``distinctive``).

    ``entities``: doc id → ``(entity id, start, end, entity name)`` of its resolved mentions; the
    most named entities become referents of their own.
    """
    hits = _Hits()
    if discover:
        _discover(docs, hits)  # first: multi-word discoveries keep their span
    _lexicon_pass(docs, hits)
    if discover:  # a longer name around a lexicon word counts as well ("Kiev regime" and "regime")
        _discover_names(docs, hits, entities or {})
        _discover_groups(docs, hits)
    for group in hits.table.values():
        _contrast(group)
    out = []
    for group in list(LEXICON) + [g for g in hits.table if g not in LEXICON]:
        by_source = hits.table.get(group)
        if not by_source:
            continue
        rows = []
        for source in sorted(by_source):
            labels = sorted(by_source[source].values(), key=lambda e: (-e.get("z", 0), -e["count"], e["label"]))
            rows.append({"source": source, "labels": labels})
        out.append({"group": group, "by_source": rows})
    return out


def label_table(entries: list[dict], group: str = CROWD) -> str:
    """A Markdown table: one row per source, its labels for ``group`` with counts (* = discovered)."""
    lines = ["| source | labels |", "|---|---|"]
    for entry in entries:
        if entry["group"] != group:
            continue
        for row in entry["by_source"]:
            cells = ", ".join(f"{lab['label']} ({lab['count']}){'*' if lab.get('discovered') else ''}"
                              for lab in row["labels"])
            lines.append(f"| {row['source']} | {cells} |")
    return "\n".join(lines)
