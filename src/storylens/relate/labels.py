"""Actor labels: the words each source uses for the main actors and for the event.

* :data:`LEXICON` — group → language → ``(label, pattern)``, read from
  ``lang/<code>/labels_lexicon.json``: the label as reported and a regular expression for its
  forms (plural, case endings). It seeds discovery and never limits it; extend it with
  :func:`add_label` or a file of your own (``STORYLENS_LANG_DIR``). Groups: the people on the
  streets, the authorities, foreign forces, and how the events themselves are named ("a coup",
  «беспорядки», «заворушення»).
* **Naming positions** (:func:`_discover_names`, :func:`_discover_groups`): scare quotes, naming
  cues (``lang/<code>/labels_naming.json``), the most named entities as each source writes them
  with a title before a person's name and the common nouns around a name, and groups of people
  (modifiers and a plural person noun).
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
  word, e.g. an official's “terrorists”).
* :func:`label_table` — the same as a Markdown table, one row per source.

Counting is linear in the text size (regexes); discovery embeds only the candidate words.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from storylens import lang
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


def _load_lexicon() -> dict[str, dict[str, list[tuple[str, str]]]]:
    """group → language → ``(label, pattern)`` from every language's ``labels_lexicon.json``."""
    out: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for code, data in lang.merged("labels_lexicon").items():
        for group, entries in data.get("groups", {}).items():
            out.setdefault(group, {})[code] = [(label, pattern) for label, pattern in entries]
    return out


# group -> language -> [(label, regex)]; read from lang/<code>/labels_lexicon.json, extended by add_label
LEXICON: dict[str, dict[str, list[tuple[str, str]]]] = _load_lexicon()


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    """Words that fill the slots of groups of people but are no label (people, police, buses…)."""
    return frozenset(w.lower() for data in lang.merged("labels_lexicon").values() for w in data.get("generic", []))


_QUOTES_OPEN = "\"“«„'‘"
_QUOTES_CLOSE = "\"”»“'’"


@lru_cache(maxsize=1)
def _slot_patterns() -> dict[str, list[re.Pattern]]:
    """Every language's discovery patterns (``lang/<code>/labels_slots.json``), each with the
    label as group 1: ``so_called`` (cue and one or two words), ``society``, ``slots``; and
    ``people``, the words that say a sentence speaks of people."""
    out: dict[str, list[re.Pattern]] = {"so_called": [], "society": [], "slots": [], "people": []}
    for data in lang.merged("labels_slots").values():
        if data.get("so_called"):
            out["so_called"].append(re.compile(
                rf"(?<!\w)(?:{data['so_called']})\s+[\[«\"“]?([^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?)", re.I))
        out["society"] += [re.compile(p, re.I) for p in data.get("society", [])]
        out["slots"] += [re.compile(p, re.I) for p in data.get("slots", [])]
        if data.get("people_context"):
            out["people"].append(re.compile(r"(?<!\w)(?:" + "|".join(data["people_context"]) + r")(?!\w)", re.I))
    return out


def add_label(group: str, language: str, label: str, pattern: str | None = None) -> None:
    """Extend the lexicon (``pattern`` defaults to the label itself, escaped)."""
    LEXICON.setdefault(group, {}).setdefault(language, []).append((label, pattern or re.escape(label)))
    _compiled.cache_clear()


@lru_cache(maxsize=1)
def _compiled() -> dict[str, list[tuple[str, str, re.Pattern]]]:
    """language → ``(group, label, regex)``, longer labels first (so that "riot police" wins over
    "police", "armed groups" over "groups")."""
    out: dict[str, list[tuple[str, str, re.Pattern]]] = defaultdict(list)
    for group, by_lang in LEXICON.items():
        for code, entries in by_lang.items():
            for label, pattern in entries:
                out[code].append((group, label, re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.I)))
    for entries in out.values():
        entries.sort(key=lambda e: (-len(e[1].split()), -len(e[1])))
    return dict(out)


def _source(doc: Document) -> str:
    return doc.meta.get("source") or doc.id


def _quoted(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 2):start]
    after = text[end:end + 2]
    return any(q in before for q in _QUOTES_OPEN) and any(q in after for q in _QUOTES_CLOSE)


def _sentence_at(doc: Document, starts: list[int], pos: int) -> tuple[int, int]:
    """The sentence holding ``pos`` (``starts``: the document's sentence starts, made once per document)."""
    k = bisect.bisect_right(starts, pos) - 1
    if k >= 0 and pos < doc.sentences[k].end:
        return doc.sentences[k].start, doc.sentences[k].end
    return max(0, pos - 150), min(len(doc.text), pos + 150)


class _Hits:
    def __init__(self) -> None:
        # group -> source -> label -> {count, discovered, evidence}
        self.table: dict[str, dict[str, dict[str, dict]]] = defaultdict(lambda: defaultdict(dict))
        # doc -> its taken spans sorted by start, and the longest one's length: a new span is checked
        # only against spans that can reach it, so a document's hits cost n log n, not n squared
        self.taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.longest: dict[str, int] = defaultdict(int)

    def add(self, group: str, doc: Document, label: str, start: int, end: int, discovered: bool) -> None:
        spans = self.taken[doc.id]
        near = spans[bisect.bisect_right(spans, (start - self.longest[doc.id], end)):bisect.bisect_left(spans, (end, 0))]
        if any(start < e and not (discovered and start <= s and e <= end and (s, e) != (start, end)) for s, e in near):
            return
        bisect.insort(spans, (start, end))
        self.longest[doc.id] = max(self.longest[doc.id], end - start)
        entry = self.table[group][_source(doc)].setdefault(
            label, {"label": label, "count": 0, "discovered": discovered, "evidence": []})
        entry["count"] += 1
        if len(entry["evidence"]) < MAX_EVIDENCE:
            ev = {"doc": doc.id, "start": start, "end": end, "text": doc.text[start:end], "source": _source(doc)}
            if _quoted(doc.text, start, end):
                ev["quoted"] = True
            entry["evidence"].append(ev)


def _lexicon_pass(docs: Iterable[Document], hits: _Hits) -> None:
    """Lexicon labels, each document read with its own language's words (every language's when
    its language has none), so that a word spelled alike in two languages keeps its own label."""
    by_lang = _compiled()
    every = sorted((e for entries in by_lang.values() for e in entries), key=lambda e: (-len(e[1].split()), -len(e[1])))
    for doc in docs:
        for group, label, rx in by_lang.get(doc.meta.get("language") or "", every):
            for m in rx.finditer(doc.text):
                hits.add(group, doc, label, m.start(), m.end(), False)


def _known_words() -> set[str]:
    words = set()
    for by_lang in LEXICON.values():
        for entries in by_lang.values():
            for label, _ in entries:
                words.update(label.lower().split())
    return words


def _discover(docs: Iterable[Document], hits: _Hits) -> None:
    known = _known_words()
    # naming cues and "… cells of society": reliable on their own
    patterns = _slot_patterns()
    for doc in docs:
        starts = [s.start for s in doc.sentences]
        for m in (m for rx in patterns["so_called"] for m in rx.finditer(doc.text)):
            word = m.group(1)
            first = word.split()[0]
            s0, e0 = _sentence_at(doc, starts, m.start())
            if first.lower() in known or first.lower() in _generic():
                continue
            if not any(rx.search(doc.text, s0, e0) for rx in patterns["people"]):
                continue
            # keep one word unless the second is a noun-like plural ("so-called little green men")
            words = word.split()
            label = " ".join(words[:2]) if len(words) > 1 and words[1].lower().endswith("s") else words[0]
            start = m.start(1)
            hits.add(CROWD, doc, label.lower(), start, start + len(label), True)
        for m in (m for rx in patterns["society"] for m in rx.finditer(doc.text)):
            label = re.sub(r"\s+", " ", m.group(1)).strip()
            hits.add(CROWD, doc, label.lower(), m.start(1), m.start(1) + len(m.group(1).rstrip()), True)
    # slot fillers: candidates, then one embedding check per distinct word
    stems = {k[:6] for k in known if len(k) >= 6}  # a word starting like a known one is a form of it
    candidates: dict[str, list[tuple[Document, int, int]]] = defaultdict(list)
    for doc in docs:
        for rx in patterns["slots"]:
            for m in rx.finditer(doc.text):
                word = m.group(1)
                low = word.lower()
                if low in _generic() or low in known or low.rstrip("s") in known or low[:-1] in known:
                    continue
                if low[:6] in stems:
                    continue
                candidates[low].append((doc, m.start(1), m.end(1)))
    if not candidates:
        return
    from storylens.relate import embeddings

    seeds = [label for entries in LEXICON.get(CROWD, {}).values() for label, _ in entries]
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
    cues = lang.cues(language, "labels_naming").get("naming_cues", [])
    if not cues:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(cues) + r")\s+[«\"“'‘]?", re.I)


def _stopwords(language: str) -> frozenset[str]:
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


def _discover_names(docs: Iterable[Document], hits: _Hits, entities: dict[str, list[tuple[str, int, int, str]]]) -> None:
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
        starts = [s.start for s in doc.sentences]

        def referent(pos: int) -> str:
            s0, e0 = _sentence_at(doc, starts, pos)
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
PERSONS = "people described"
# a word from its start: "U.S." is one word, and so is «51-летняя» (a modifier), never «летняя» alone
_WORDS = re.compile(r"(?<![\w'’-])(?:(?:[^\W\d_]\.){2,}|\d+-[^\W\d_][\w'’-]*|[^\W\d_][\w'’-]*)")


@lru_cache(maxsize=200_000)
def _slavic_kind(word: str, language: str) -> str:
    """``group`` for an animate plural noun, ``person`` for an animate singular one, ``mod`` for
    an adjective or participle, else ``""``."""
    parse = analyzer(language).parse(word)[0]
    tag = parse.tag
    if tag.POS == "NOUN" and "anim" in tag:
        return "group" if "plur" in tag else ("" if {"Name", "Surn", "Patr"} & tag.grammemes else "person")
    if tag.POS in ("ADJF", "PRTF") and not {"Apro", "Anum"} & tag.grammemes:  # not «которого», «первой»
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
    data = lang.cues(language, "labels_groups")
    return {"suffixes": tuple(data.get("person_suffixes", [])), "heads": frozenset(data.get("group_heads", []))}


def _adjacent(text: str, end: int, start: int) -> bool:
    """Two words with one or two spaces between them and no punctuation (a comma ends a phrase)."""
    return 0 < start - end <= 2 and text[end:start].isspace()


def _compound_person(word: str, kind) -> bool:
    """A hyphenated pair of person nouns («христианка-богохульница»)."""
    parts = word.split("-")
    return len(parts) == 2 and all(kind(p) in ("person", "group") for p in parts)


def _discover_groups(docs: Iterable[Document], hits: _Hits) -> None:
    """Groups of people as each source names them: up to two modifiers and a plural person noun
    («радикальные исламисты», «ультрарадикалов», "Russian occupiers", "American citizens"); and,
    where morphology tells a person noun (Russian, Ukrainian), one person as a source describes
    them: a singular person noun with a modifier or joined to another by a hyphen («нечистая
    христианка», «христианку-богохульницу»), not a bare role ("адвокат")."""
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
            head = kind(w.group())
            if head not in ("group", "person"):
                continue
            first = i
            while first > i - 2 and first > 0 and kind(words[first - 1].group()) == "mod" \
                    and _adjacent(doc.text, words[first - 1].end(), words[first].start()):
                first -= 1
            if head == "person" and (not w.group()[:1].islower() or (first == i and not _compound_person(w.group(), kind))):
                continue  # a name, or a bare role ("адвокат") that describes no one in particular
            start, end = words[first].start(), w.end()
            hits.add(GROUPS if head == "group" else PERSONS, doc, re.sub(r"\s+", " ", doc.text[start:end]).lower(),
                     start, end, True)


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


def actor_labels(docs: Iterable[Document], *, discover: bool = True,
                 entities: dict[str, list[tuple[str, int, int, str]]] | None = None) -> list[dict]:
    """The analysis schema's ``actor_labels``: per referent, per source, the labels used, with
    counts, evidence spans and how distinctive of the source each is (``z``, ``distinctive``).

    ``entities``: doc id → ``(entity id, start, end, entity name)`` of its resolved mentions; the
    most named entities become referents of their own. ``docs`` is read in several passes: a list,
    or a stream that starts again on every iteration.
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
