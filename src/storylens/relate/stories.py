"""Stories: which event each document is about; the main story and the off-event documents.

A corpus a user gives is usually about one event. The **main story** is the event most
documents are about, across languages; a document is **off-event** when its *main* subject is
another event (another attack or disaster, a separate later development, a round-up where the
event is one line among many) — not because it also mentions other events, is written in
another language, or reports the event's aftermath.

How it works (every step linear in the number of documents; no document × document matrix;
the leads' n × 512 embeddings live in files in the step's temporary folder, mapped and read a
block of rows at a time, :class:`storylens.memory.Rows`, so the process does not hold them):

* **A document's subject** is read from its title and first sentences (the *lead*,
  :attr:`StorySettings.lead_sentences`): a multilingual sentence embedding of the lead, with
  each language's mean removed when the corpus mixes languages (the encoder places texts of
  one language together whatever their topic), and a TF-IDF vector of the lead's word stems
  (transliterated, cut to 5 letters: «Пакистан»/«Пакистані»/"Pakistan" meet) and of the
  resolved entities it names (one id across spellings, scripts and case forms). Function words
  are read in the document's own language (``lang/<code>/stories_stopwords.json``; a few
  languages beyond the fully supported ones have this file alone).
* **Stories** are found by threshold clustering against centroids (DP-means): a document joins
  the story whose centroid is most similar when that reaches :attr:`StorySettings.join` and
  shares one of its lead terms, else it starts a story; a few rounds re-centre and reassign.
  Stories whose documents are on average nearly as similar across them as within each
  (normalised average linkage, computed from the stories' vector sums) are then joined: a large event that the encoder writes apart by
  language or script is one story again. When no story holds most documents (a corpus of many
  topics) the comparison is made with each language's mean embedding removed, so that two
  topics that merely share the corpus's common ground stay apart (:attr:`StorySettings.merge`,
  :attr:`~StorySettings.one_event_share`); there a story whose documents fall into two groups
  those joins would not have joined is split (bisection along its principal direction), and the
  joins are looked for again. Cost O(n · stories + stories²).
* **Distinctive terms** (many topics only, after the main story is settled): the encoder places
  one language's news of several topics together, and a story can gather them; a lead there
  still names what sets its topic apart ("vaccine", a candidate's name). A document moves to
  another large story when its lead names that story's distinctive terms (log-odds of a term
  in a member's lead against a non-member's) by a clear margin more than its own story's; a
  second pass counts the log-odds among the documents of each language, where a language's own
  words no longer make every story of that language distinctive. Then a
  large story whose dated documents fall into two periods with a silence longer than either
  period between them (two elections years apart that share their actors) is split there; its
  undated documents follow the period whose distinctive terms they name. Last, a story written
  mostly in one language joins a larger story of its period whose distinctive terms most of its
  members name (one language's coverage of an event that the encoder left apart). A date of
  1970-01-01 (Unix time 0) is a placeholder, read as no date.
* **Main story** = the largest. Every document's *typicality* is its similarity (its lead read
  without datelines and bylines) to the main story's centroid, as a robust z-score against the
  main story's own members of its language (median and MAD): a document of another story that
  is as typical as the main story's median member is taken in (:attr:`rejoin_z`). A member far
  below (:attr:`outlier_z`) has another main subject (a round-up, a different event in the same
  place) and is off-event when a second view agrees: its *headline* (title and first sentence
  that is not a dateline or byline) names less of the main story's central terms than nearly
  every typical member's headline does; a headline word counts in its dictionary form too
  (pymorphy3 for ru/uk), so a name in another case form is the same name. A report of the event
  with an unusual lead still names its people and place up front; when every document tells the
  event, the low tail of typicality is no other subject.
* **A later development** (an arrest weeks after the event) is no gap in coverage but new words:
  a member published after the main story's core whose headline names several words that no
  headline of the core names, each also named by a few other later headlines, is off-event.
* **Time** splits a story only at a real gap: the main story's central period (10th–90th
  percentile of its dates) is extended over its neighbouring documents while they are closer
  than the gap (:attr:`min_gap_days`, or :attr:`gap_share` of the period when coverage is long
  running); a document published outside it — before the event, or after a silence — is
  another story. An undated document that names the main story's month as a past event ("the
  January unrest", «январские события»; ``lang/<code>/stories_time.json``) was written after it.
* **Why**: each document gets its similarity, typicality, the reason for its flag, its lead's
  top terms and entities, and the main story's, for the report.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np
from scipy import sparse
from scipy.sparse._sparsetools import csr_matvecs

from storylens import lang
from storylens.config import StorySettings
from storylens.doc import Annotations, Document
from storylens.memory import Rows
from storylens.relate import embeddings
from storylens.relate.morphology import word_lemma

_TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "e", "ж": "zh",
    "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "ch", "ш": "sh",
    "щ": "sh", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ћ": "c", "ђ": "d", "џ": "dz",
    "љ": "lj", "њ": "nj", "ј": "j",
    "č": "ch", "ć": "c", "š": "sh", "ž": "zh", "ł": "l", "ą": "a", "ę": "e", "ó": "o", "ś": "s", "ź": "z",
    "ż": "zh", "ń": "n", "ř": "r", "ě": "e", "ý": "y", "á": "a", "í": "i", "é": "e", "ú": "u", "ů": "u",
    "ť": "t", "ď": "d", "ň": "n", "đ": "d", "ĺ": "l", "ľ": "l", "ŕ": "r", "ô": "o", "ä": "a",
})
_WORD = re.compile(r"[^\W\d_]{3,}")
_STEM = 5
_HASH_FEATURES = 2 ** 18
_ISO = re.compile(r"^((?:19|20)\d\d)-(\d\d)-(\d\d)")
_EPOCH = "1970-01-01"


@lru_cache(maxsize=None)
def _stopwords(language: str | None) -> frozenset[str]:
    """Function words of ``language`` alone (``lang/<code>/stories_stopwords.json``): a word that
    is a function word in one language can be a noun in another (Bulgarian «след», "after", is
    Russian for "trace"). Text of no known language, or of one without a list, is read with the
    lists of the fully supported languages (:func:`storylens.lang.languages`)."""
    own = lang.cues(language, "stories_stopwords").get("words", []) if language else []
    lists = [own] if own else [data.get("words", []) for data in lang.merged("stories_stopwords").values()]
    return frozenset(w.lower() for words in lists for w in words)


@lru_cache(maxsize=1)
def _retro_patterns() -> list[tuple[re.Pattern, list[str]]]:
    out = []
    for data in lang.merged("stories_time").values():
        months, nouns = data.get("month_words", []), data.get("event_nouns", [])
        if len(months) != 12 or not nouns:
            continue
        rx = re.compile(r"(?<!\w)(" + "|".join(f"(?:{m})" for m in months) + r")\w*(?:\s+(?:19|20)\d\d)?\s+(?:"
                        + "|".join(nouns) + r")\w*", re.I)
        out.append((rx, months))
    return out


def _retro_month(text: str) -> int | None:
    """The month a document looks back on as a past event ("the January unrest"), if any."""
    counts: Counter[int] = Counter()
    for rx, months in _retro_patterns():
        for m in rx.finditer(text[:20_000]):
            word = m.group(1).lower()
            month = next((i + 1 for i, p in enumerate(months) if re.match(p, word, re.I)), None)
            if month:
                counts[month] += 1
    return counts.most_common(1)[0][0] if counts else None


def _lead_parts(doc: Document, sentences: int, min_words: int = 0) -> list[str]:
    """Title and first sentences (for a thread: the first sentence of each first comment).
    Sentences of fewer than ``min_words`` content words (datelines, bylines, time stamps) are
    passed over."""
    parts: list[str] = []
    title = (doc.meta.get("title") or "").strip()
    if title:
        parts.append(title)
    seen: set[int] = set()
    for s in doc.sentences:
        if doc.kind == "thread" and s.passage in seen:
            continue
        text = doc.text[s.start:s.end].strip()
        if min_words and len(content_words(text, doc.meta.get("language"))) < min_words:
            continue
        seen.add(s.passage)
        if text and text.strip("#* ") not in title:
            parts.append(text)
        if len(parts) > sentences:
            break
    return parts


def _headline(parts: list[str], has_title: bool, min_words: int, language: str) -> str:
    """The title and the lead's first sentence of at least ``min_words`` content words: a
    dateline, byline or time stamp before it («Москва.», "By Staff Reporter.") names no subject."""
    body = parts[1:] if has_title else parts
    first = next((p for p in body if len(content_words(p, language)) >= min_words), body[0] if body else "")
    return "\n".join(([parts[0]] if has_title else []) + [first])


def _lead_words(parts: list[str], language: str, min_letters: int) -> list[str]:
    """The lead's content words. In a language without a function-word list
    (``lang/<code>/stories_stopwords.json``) its commonest words would be its function words,
    which related languages share across every topic; there only words of ``min_letters`` or
    more and capitalised words inside a sentence (names) count."""
    if lang.cues(language, "stories_stopwords"):
        return content_words("\n".join(parts), language)
    return [w.lower() for part in parts for i, w in enumerate(_WORD.findall(part))
            if len(w) >= min_letters or (i and w[0].isupper())]


def content_words(text: str, language: str | None = None) -> list[str]:
    """Lower-cased words of three letters or more that are not function words of ``language``
    (of any fully supported language when it is not given or has no list)."""
    stop = _stopwords(language)
    return [w for w in _WORD.findall(text.lower()) if w not in stop]


def stem(word: str) -> str:
    """A crude cross-lingual stem: transliterated to Latin, cut to five letters
    («Пакистані»/"Pakistan" → "pakis")."""
    return word.translate(_TRANSLIT)[:_STEM]


def word_forms(word: str, language: str) -> frozenset[str]:
    """The stems a headline word is matched by: its own :func:`stem` and, where the language has
    a dictionary, the stem of its dictionary form, so that a short name's case forms meet
    («Марии»/«Марию» → "mariy") while a name the dictionary misreads still meets itself."""
    return frozenset((stem(word), stem(word_lemma(word, language))))


@dataclass(slots=True)
class _Facts:
    """What the stories step keeps of one document: small, so that corpora can be large (its
    stems and headline words are shared objects, see :class:`_Interner`)."""

    id: str
    language: str
    day: int | None  # publication date (ordinal)
    retro: int | None  # month it looks back on as a past event
    terms: list[str] = field(default_factory=list)  # lead stems and entity ids
    head: tuple[frozenset[str], ...] = ()  # the headline's words (title, first sentence), each as its forms


class _Interner:
    """One object per distinct stem and per distinct headline word's forms, which every document
    naming it shares: a document's facts hold references, not copies of its words (a stem string
    takes about 54 bytes, a word's frozenset of forms about 300), so they take a few hundred
    bytes a document instead of several kilobytes."""

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}
        self._forms: dict[tuple[str, str], frozenset[str]] = {}

    def string(self, text: str) -> str:
        return self._strings.setdefault(text, text)

    def forms(self, word: str, language: str) -> frozenset[str]:
        """:func:`word_forms` of ``word``, one object per (word, language)."""
        found = self._forms.get((word, language))
        if found is None:
            found = self._forms[word, language] = frozenset(self.string(t) for t in word_forms(word, language))
        return found


def _facts(doc: Document, ann: Annotations | None, settings: StorySettings,
           interner: _Interner | None = None) -> tuple[_Facts, str, str]:
    """What the step keeps of ``doc``, its lead, and its lead without short sentences (the
    subject :func:`_typicality` reads)."""
    interner = interner or _Interner()
    parts = _lead_parts(doc, settings.lead_sentences)
    lead = "\n".join(parts) if parts else doc.text[:500]  # the document's start when it has neither
    subject = "\n".join(_lead_parts(doc, settings.lead_sentences, settings.headline_min_words)) or lead
    language = interner.string(doc.meta.get("language") or "?")  # one object per language, not per document
    terms = [interner.string(stem(w)) for w in _lead_words(parts or [lead], language, settings.unlisted_min_letters)]
    has_title = bool((doc.meta.get("title") or "").strip())
    headline = _headline(parts, has_title, settings.headline_min_words, language)
    head = tuple({interner.forms(w, language) for w in content_words(headline, language)})
    day = None
    m = _ISO.match(doc.meta.get("published") or "")
    if m and m.group() != _EPOCH:  # a Unix time of 0 is a placeholder for a missing date
        try:
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3))).toordinal()
        except ValueError:
            pass
    if ann is not None:
        lead_end = len(lead) + 200
        terms += [interner.string("@" + e.entity) for e in ann.entities if e.entity and e.start < lead_end]
    return _Facts(doc.id, language, day, _retro_month(doc.text), terms, head), lead, subject


def _term_matrix(facts: list[_Facts], max_terms: int, min_language_docs: int = 0) -> sparse.csr_matrix:
    """TF-IDF of the lead terms, rows unit length. Terms are hashed (the vocabulary is never
    held) and only the ``max_terms`` most widespread that occur in two leads or more (and in
    at most 80 % of them) are kept as columns, so that dense story centroids stay small.

    A term's IDF is counted among the documents of the document's own language when that
    language has at least ``min_language_docs`` of them (0: never): in a corpus of many
    languages a language's everyday words ("president", "country") are rare overall, and the
    corpus-wide IDF would make them the strongest terms of its documents, joining its texts on
    every topic."""
    from sklearn.feature_extraction.text import HashingVectorizer

    vec = HashingVectorizer(n_features=_HASH_FEATURES, analyzer=lambda terms: terms, alternate_sign=False,
                            norm=None, binary=True)
    # hashed a block of leads at a time, twice (to count, then to keep the columns chosen): the
    # hashed matrix of every lead, in float64 and copied by column and back, is never held
    blocks = [slice(s0, s0 + Rows.BLOCK) for s0 in range(0, max(len(facts), 1), Rows.BLOCK)]
    df = np.zeros(_HASH_FEATURES, dtype=np.int32)
    for rows in blocks:
        hashed, count = np.unique(vec.transform(f.terms for f in facts[rows]).indices, return_counts=True)
        df[hashed] += count.astype(np.int32)
    keep = df >= 1
    if len(facts) >= 20:  # a term in one lead only, or in most leads, tells nothing about grouping
        keep = (df >= 2) & (df <= 0.8 * len(facts))
    cols = np.flatnonzero(keep)
    if len(cols) > max_terms:
        cols = cols[np.argsort(-df[cols], kind="stable")[:max_terms]]
    column = np.full(_HASH_FEATURES, -1, dtype=np.int64)
    column[np.sort(cols)] = np.arange(len(cols))
    x = sparse.vstack([_kept_columns(vec.transform(f.terms for f in facts[rows]), column, len(cols)) for rows in blocks],
                      format="csr")  # binary counts: a term is in a lead or not

    def idf(rows: np.ndarray | slice) -> np.ndarray:
        part = x[rows]
        return (np.log((1 + part.shape[0]) / (1 + part.getnnz(axis=0))) + 1).astype(np.float32)

    groups = np.zeros(len(facts), dtype=np.int32)  # 0: the whole corpus's IDF
    tables = [idf(slice(None))]
    if min_language_docs:
        languages = np.array([f.language for f in facts])
        for code in sorted(set(languages.tolist())):
            rows = np.flatnonzero(languages == code)
            if len(rows) >= min_language_docs and len(rows) < len(facts):
                groups[rows] = len(tables)
                tables.append(idf(rows))
    x.data *= np.vstack(tables)[np.repeat(groups, np.diff(x.indptr)), x.indices]  # each entry by its row's table
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    return sparse.diags(1 / np.maximum(norms, 1e-12)).astype(np.float32).dot(x).tocsr()


def _kept_columns(counts: sparse.csr_matrix, column: np.ndarray, width: int) -> sparse.csr_matrix:
    """The rows of ``counts`` with only the columns ``column`` maps (to their new index; −1: dropped),
    each entry 1.0, the columns of a row in order (float32)."""
    new = column[counts.indices]
    keep = new >= 0
    row_of = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
    indptr = np.concatenate([[0], np.cumsum(np.bincount(row_of[keep], minlength=counts.shape[0]))])
    out = sparse.csr_matrix((np.ones(int(keep.sum()), dtype=np.float32), new[keep].astype(np.int32), indptr),
                            shape=(counts.shape[0], width))
    out.sort_indices()
    return out


def _without_language(vectors: Rows, languages: list[str]) -> Rows:
    """Embeddings without the encoder's language signal (texts of one language sit together
    whatever their topic): each language's mean, shrunk towards the corpus mean for rare
    languages, is moved onto the corpus mean. (Subtracting the means altogether — centring —
    would also remove what every document of a one-event corpus shares, and split it into its
    sub-topics.) Written over ``vectors``, a block at a time."""
    if len(set(languages)) == 1:
        return vectors
    langs = np.array(languages)
    mean = _row_sum(vectors) / np.float32(len(vectors))
    shifts = {code: mean - (int((langs == code).sum()) * _row_mean(vectors, langs == code) + 5 * mean)
              / (int((langs == code).sum()) + 5) for code in set(languages)}
    for rows, block in vectors.blocks():
        codes = langs[rows]
        for code, shift in shifts.items():
            block[codes == code] += shift
        embeddings.normalise(block, inplace=True)  # row by row: as when every row is shifted first
    return vectors


def _centred(vectors: Rows, languages: list[str]) -> Rows:
    """Embeddings less their language's mean: what sets a document apart from the others of its
    language in this corpus (the common subject of a one-event corpus goes too). Written over
    ``vectors``, a block at a time."""
    langs = np.array(languages)
    means = {code: _row_mean(vectors, langs == code) for code in set(languages)}
    for rows, block in vectors.blocks():
        codes = langs[rows]
        for code, m in means.items():
            block[codes == code] -= m
        embeddings.normalise(block, inplace=True)
    return vectors


def _row_sum(vectors: Rows, mask: np.ndarray | None = None) -> np.ndarray:
    """The sum of the rows of ``vectors`` (of those ``mask`` selects), read a block at a time and
    added in row order: to the bit what ``vectors[mask].sum(axis=0)`` gives on one array in memory."""
    total = np.zeros(vectors.dim, dtype=np.float32)
    for rows, block in vectors.blocks():
        total = np.add.reduce(np.concatenate([total[None], block if mask is None else block[mask[rows]]]), axis=0)
    return total


def _row_mean(vectors: Rows, mask: np.ndarray) -> np.ndarray:
    """``vectors[mask].mean(axis=0)``, to the bit, a block at a time."""
    return _row_sum(vectors, mask) / np.float32(mask.sum())


def _onehot_dot(onehot: sparse.csr_matrix, vectors: Rows) -> np.ndarray:
    """``onehot @ vectors`` (float32), a block of rows at a time: each output row adds its rows in
    row order into one running sum, as scipy's product on one array in memory does, so the result
    is the same to the bit."""
    out = np.zeros((onehot.shape[0], vectors.dim), dtype=np.float32)
    for rows, block in vectors.blocks():
        part = onehot[:, rows].tocsr()
        csr_matvecs(part.shape[0], part.shape[1], vectors.dim, part.indptr, part.indices,
                    part.data.astype(np.float32), np.ascontiguousarray(block).ravel(), out.ravel())
    return out


class _Space:
    """Documents as (embedding, term vector) pairs; similarity is their weighted dot products.
    The embeddings are :class:`Rows` (an array in memory is wrapped as such): every pass over them
    goes a block at a time."""

    def __init__(self, emb: Rows | np.ndarray, terms: sparse.csr_matrix, weight: float):
        self.emb = emb if isinstance(emb, Rows) else Rows(emb)
        self.terms, self.w = terms, weight

    def __len__(self) -> int:
        return len(self.emb)

    def centroids(self, labels: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        onehot = sparse.csr_matrix((np.ones(len(labels), dtype=np.float32), (labels, np.arange(len(labels)))),
                                   shape=(k, len(labels)))
        return (embeddings.normalise(_onehot_dot(onehot, self.emb)),
                _unit(np.asarray((onehot @ self.terms).todense())))

    def similarity(self, rows: slice, c_emb: np.ndarray, c_terms: np.ndarray,
                   shared_terms: bool = False) -> np.ndarray:
        """Weighted similarity of ``rows`` to the centroids; with ``shared_terms``, −∞ where a
        document that has terms shares none with a centroid (see :func:`_cluster`)."""
        terms = self.terms[rows]
        t = np.asarray(terms @ c_terms.T)
        sim = self.w * (self.emb.array[rows] @ c_emb.T) + (1 - self.w) * t
        if shared_terms:
            sim[(np.diff(terms.indptr) > 0)[:, None] & (t <= 0)] = -np.inf
        return sim


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)).astype(np.float32)


def _threshold(join: float, size: int | np.ndarray) -> float | np.ndarray:
    """The similarity to a centroid of ``size`` documents that a document needs: ``join`` is
    the bar for a large story; against fewer documents the same closeness gives a lower cosine
    (for pairwise cosine ρ, a centroid of k documents is at √k·ρ/√(1+(k−1)ρ), √ρ for large k)."""
    rho = join * join
    return np.sqrt(size) * rho / np.sqrt(1 + (size - 1) * rho)


def _cluster(space: _Space, join: float, rounds: int, seed: int, shared_terms: bool = True) -> np.ndarray:
    """DP-means: one pass in a random order (join the most similar centroid when it reaches
    ``join``, else start a story), then ``rounds`` of re-centring and reassignment. With
    ``shared_terms``, a document joins only a story it shares a lead term (word stem or entity)
    with, when it has any: two one-sentence posts about a flood and a strike, written alike, are
    close in the embedding alone. Centroid sums live in arrays that grow by doubling; a document's term vector is
    sparse, so a step costs O(stories · (dimensions + its terms))."""
    n, n_terms = len(space), space.terms.shape[1]
    order = np.random.default_rng(seed).permutation(n)
    labels = np.full(n, -1)
    cap = 64
    e_sum = np.zeros((cap, space.emb.dim), dtype=np.float32)
    t_sum = np.zeros((cap, n_terms), dtype=np.float32)
    e_norm = np.ones(cap, dtype=np.float32)
    t_norm = np.ones(cap, dtype=np.float32)
    size = np.zeros(cap, dtype=np.int64)
    k = 0
    terms = space.terms
    for i, e in _in_order(space.emb, order):
        cols = terms.indices[terms.indptr[i]:terms.indptr[i + 1]]
        vals = terms.data[terms.indptr[i]:terms.indptr[i + 1]]
        if k:
            shared = t_sum[:k, cols] @ vals
            sim = space.w * (e_sum[:k] @ e) / e_norm[:k] + (1 - space.w) * shared / t_norm[:k]
            if shared_terms and len(cols):
                sim[shared <= 0] = -np.inf
            best = int(sim.argmax())
            if sim[best] >= _threshold(join, size[best]):
                labels[i] = best
                e_sum[best] += e
                t_sum[best, cols] += vals
                size[best] += 1
                e_norm[best] = max(float(np.linalg.norm(e_sum[best])), 1e-12)
                t_norm[best] = max(float(np.linalg.norm(t_sum[best])), 1e-12)
                continue
        if k == cap:
            cap *= 2
            e_sum, t_sum = np.resize(e_sum, (cap, e_sum.shape[1])), np.resize(t_sum, (cap, n_terms))
            e_norm, t_norm, size = np.resize(e_norm, cap), np.resize(t_norm, cap), np.resize(size, cap)
        labels[i] = k
        e_sum[k] = e
        t_sum[k] = 0
        t_sum[k, cols] = vals
        e_norm[k] = max(float(np.linalg.norm(e)), 1e-12)
        t_norm[k] = max(float(np.linalg.norm(vals)), 1e-12)
        size[k] = 1
        k += 1
    del e_sum, t_sum
    for _ in range(rounds):
        k = int(labels.max()) + 1
        ce, ct = space.centroids(labels, k)
        new = np.empty(n, dtype=int)
        best_sim = np.empty(n, dtype=np.float32)
        for rows, _ in space.emb.blocks():
            sim = space.similarity(rows, ce, ct, shared_terms)
            new[rows] = sim.argmax(axis=1)
            best_sim[rows] = sim.max(axis=1)
        sizes = np.bincount(new, minlength=k)
        lonely = np.where(best_sim < _threshold(join, sizes[new]))[0]
        new[lonely] = k + np.arange(len(lonely))
        _, new = np.unique(new, return_inverse=True)
        if np.array_equal(new, labels):
            break
        labels = new
    return labels


def _in_order(vectors: Rows, order: np.ndarray) -> Iterable[tuple[int, np.ndarray]]:
    """``(i, vectors[i])`` for each ``i`` of ``order``, the rows copied out a block of ``order`` at a
    time (a pass in random order would otherwise bring every page of the rows in)."""
    for s0 in range(0, len(order), Rows.BLOCK):
        chunk = order[s0:s0 + Rows.BLOCK]
        yield from zip(chunk, vectors.take(chunk))


class _Linkage:
    """Normalised average linkage between stories, from their vector sums: the mean similarity
    of a document pair across two stories over the geometric mean of the mean pair similarity
    within each (no document pair is ever formed). Merging adds the sums up."""

    def __init__(self, space: _Space, onehot: sparse.csr_matrix, n: np.ndarray):
        e_sum = np.asarray(_onehot_dot(onehot, space.emb), dtype=np.float64)
        t_sum = np.asarray((onehot @ space.terms).todense(), dtype=np.float64)
        self.cross = space.w * (e_sum @ e_sum.T) + (1 - space.w) * (t_sum @ t_sum.T)
        e_squares = np.concatenate([(e * e).sum(axis=1) for _, e in space.emb.blocks()])  # no n × 512 temporary
        squares = (space.w * e_squares
                   + (1 - space.w) * np.asarray(space.terms.multiply(space.terms).sum(axis=1)).ravel())
        self.self_dot = np.asarray(onehot @ squares).ravel()
        self.n = n

    def score(self) -> np.ndarray:
        n = self.n
        within = np.maximum((np.diag(self.cross) - self.self_dot) / (n * (n - 1)), 1e-6)
        return self.cross / np.outer(n, n) / np.sqrt(np.outer(within, within))

    def join(self, a: int, b: int) -> None:
        self.cross[a] += self.cross[b]
        self.cross[:, a] += self.cross[:, b]
        self.self_dot[a] += self.self_dot[b]
        self.n[a] += self.n[b]


def _merge_similar(space: _Space, labels: np.ndarray, merge: float, min_size: int = 3) -> np.ndarray:
    """Join stories whose documents are, on average, nearly as similar to each other's as to
    their own (:class:`_Linkage` at least ``merge``). Threshold clustering leaves one event
    split where a language or script writes it apart (one story per language of a large
    topic); this joins those parts while distinct events stay apart. Stories of fewer than
    ``min_size`` documents take no part (their own similarity is too rough to judge)."""
    sizes = np.bincount(labels)
    ks = np.flatnonzero(sizes >= min_size)
    if len(ks) < 2:
        return labels
    onehot = sparse.csr_matrix((np.ones(len(labels), dtype=np.float32), (labels, np.arange(len(labels)))),
                               shape=(len(sizes), len(labels)))[ks]
    linkage = _Linkage(space, onehot, sizes[ks].astype(np.float64))
    alive = np.ones(len(ks), dtype=bool)
    target = np.arange(len(sizes))
    while alive.sum() > 1:
        score = linkage.score()
        score[~alive] = -np.inf
        score[:, ~alive] = -np.inf
        np.fill_diagonal(score, -np.inf)
        a, b = np.unravel_index(int(score.argmax()), score.shape)
        if score[a, b] < merge:
            break
        linkage.join(a, b)
        alive[b] = False
        target[target == ks[b]] = ks[a]
    _, out = np.unique(target[labels], return_inverse=True)
    return out


def _halves(space: _Space, rounds: int = 10) -> np.ndarray:
    """Two groups of ``space``'s documents (a boolean per document): split along the principal
    direction of their joint (embedding, term) vectors (Boley's PDDP), then refined by a few
    rounds of two-means. Sparse term vectors are never made dense; cost O(documents · (dims + terms))."""
    a, b = np.sqrt(space.w), np.sqrt(1 - space.w)
    emb = space.emb.array  # a story's rows, copied out (:func:`_split_incoherent`)
    e_mean = emb.mean(axis=0)
    t_mean = np.asarray(space.terms.mean(axis=0)).ravel()
    rng = np.random.default_rng(0)
    ve, vt = rng.standard_normal(emb.shape[1]), rng.standard_normal(space.terms.shape[1])
    for _ in range(30):  # power iteration on the centred vectors' scatter
        u = a * (emb @ ve - e_mean @ ve) + b * (space.terms @ vt - t_mean @ vt)
        ve, vt = a * (emb.T @ u - e_mean * u.sum()), b * (space.terms.T @ u - t_mean * u.sum())
        norm = max(float(np.sqrt(ve @ ve + vt @ vt)), 1e-12)
        ve, vt = ve / norm, vt / norm
    side = a * (emb @ ve - e_mean @ ve) + b * (space.terms @ vt - t_mean @ vt) > 0
    for _ in range(rounds):
        if side.all() or not side.any():
            break
        ce, ct = space.centroids(side.astype(int), 2)
        sim = space.similarity(slice(None), ce, ct)
        new = sim[:, 1] > sim[:, 0]
        if np.array_equal(new, side):
            break
        side = new
    return side


def _split_incoherent(space: _Space, labels: np.ndarray, merge: float, min_size: int = 3) -> np.ndarray:
    """Split stories whose documents fall into two groups that :func:`_merge_similar` would not
    have joined (normalised average linkage below ``merge``), again on each part: threshold
    clustering can gather documents that are close only in what the encoder shares across
    related languages, and a bisection on the same similarity the joins use undoes that without
    a bar of its own. Cost O(documents · (dims + terms) · depth)."""
    labels = labels.copy()
    queue = [k for k in range(int(labels.max()) + 1)]
    while queue:
        k = queue.pop()
        rows = np.flatnonzero(labels == k)
        if len(rows) < 2 * min_size:
            continue
        part = _Space(space.emb.take(rows), space.terms[rows], space.w)
        side = _halves(part)
        if min(side.sum(), (~side).sum()) < min_size:
            continue
        onehot = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (side.astype(int), np.arange(len(rows)))),
                                   shape=(2, len(rows)))
        linkage = _Linkage(part, onehot, np.bincount(side.astype(int), minlength=2).astype(np.float64))
        if linkage.score()[0, 1] >= merge:
            continue
        new = int(labels.max()) + 1
        labels[rows[side]] = new
        queue += [k, new]
    return labels


def _distinctive_weights(present: sparse.csr_matrix, labels: np.ndarray, stories: np.ndarray,
                         prior: float = 0.5, z_min: float = 1.96, min_docs: int = 3) -> sparse.csr_matrix:
    """Per story of ``stories``, each lead term's log-odds of being in a member's lead against a
    non-member's (binary document counts, ``prior`` pseudo-counts), kept where its z-score reaches
    ``z_min`` and at least ``min_docs`` members name it; 0 elsewhere. A story's distinctive terms
    are what its documents name and the others do not ("vaccine" for an epidemic, a candidate's
    name for an election) — not what it shares with the corpus. ``labels`` may be of a subset of
    the documents (``present``'s rows): a story with no member there has no distinctive term."""
    n = len(labels)
    k = max(int(labels.max()), int(stories.max())) + 1
    onehot = sparse.csr_matrix((np.ones(n, dtype=np.float32), (labels, np.arange(n))), shape=(k, n))[stories]
    inside = np.asarray((onehot @ present).todense(), dtype=np.float64)
    outside = np.asarray(present.sum(axis=0), dtype=np.float64) - inside
    n_in = np.bincount(labels, minlength=k)[stories][:, None].astype(np.float64)
    n_out = n - n_in
    delta = (np.log((inside + prior) / (n_in - inside + prior))
             - np.log((outside + prior) / (n_out - outside + prior)))
    var = (1 / (inside + prior) + 1 / (n_in - inside + prior)
           + 1 / (outside + prior) + 1 / (n_out - outside + prior))
    return sparse.csr_matrix(np.where((delta / np.sqrt(var) >= z_min) & (inside >= min_docs), delta, 0.0))


def _reassign_by_distinctive_terms(terms: sparse.csr_matrix, labels: np.ndarray, settings: StorySettings,
                                   languages: list[str] | None = None) -> np.ndarray:
    """Move a document to another large story when its lead names that story's distinctive terms
    (:func:`_distinctive_weights`) by :attr:`StorySettings.reassign_margin` more log-odds than its
    own story's. In a corpus of many topics, threshold clustering and the joins gather one
    language's political news of several topics into one story (the encoder places a language's
    texts together); a lead there still names what sets its topic apart ("vaccine", a
    candidate's name), which the embedding drowns. One pass: repeated with the same weights, the
    stories drift towards their own terms. Stories under :attr:`StorySettings.reassign_min_share`
    of the documents neither give nor take documents.

    With ``languages`` (each document's), a term's log-odds are counted among the documents of
    the document's own language (languages with at least :attr:`StorySettings.min_language_docs`
    documents; the others are counted over the corpus): counted over the corpus, every word of a
    language is distinctive of a story that is mostly of that language, so such a story keeps its
    members of that language whatever their topic; within the language, only what its documents of
    that story name more than the language's other documents counts. Cost O(documents · large
    stories + languages · large stories · terms)."""
    sizes = np.bincount(labels)
    stories = _large_stories(labels, settings)
    if len(stories) < 2:
        return labels
    score = _distinctive_scores(terms, labels, stories, settings, languages)
    column = np.full(len(sizes), -1)
    column[stories] = np.arange(len(stories))
    own = column[labels]
    movable = own >= 0
    own_score = np.where(movable, score[np.arange(len(labels)), np.maximum(own, 0)], 0.0)
    move = movable & (score.max(axis=1) >= own_score + settings.reassign_margin)
    out = labels.copy()
    out[move] = stories[score.argmax(axis=1)[move]]
    return out


def _large_stories(labels: np.ndarray, settings: StorySettings) -> np.ndarray:
    """The stories holding at least :attr:`StorySettings.reassign_min_share` of the documents (and 3)."""
    return np.flatnonzero(np.bincount(labels) >= max(settings.reassign_min_share * len(labels), 3))


def _distinctive_scores(terms: sparse.csr_matrix, labels: np.ndarray, stories: np.ndarray,
                        settings: StorySettings, languages: list[str] | None = None) -> np.ndarray:
    """Documents × ``stories``: the log-odds of each story's distinctive lead terms
    (:func:`_distinctive_weights`) that a document's lead names; with ``languages``, counted among
    the documents of its own language (see :func:`_reassign_by_distinctive_terms`)."""
    present = terms.copy()
    present.data[:] = 1.0
    score = np.asarray((present @ _distinctive_weights(present, labels, stories).T.tocsc()).todense())
    if languages is not None:
        codes = np.array(languages)
        for code in sorted(set(languages)):
            rows = np.flatnonzero(codes == code)
            if settings.min_language_docs <= len(rows) < len(labels):
                own_weights = _distinctive_weights(present[rows], labels[rows], stories).T.tocsc()
                score[rows] = np.asarray((present[rows] @ own_weights).todense())
    return score


def _join_one_language_stories(terms: sparse.csr_matrix, labels: np.ndarray, facts: list[_Facts],
                               settings: StorySettings) -> np.ndarray:
    """Join a story written mostly in one language (:attr:`StorySettings.one_language_share` of its
    documents) to a larger story of its period when most of its members' leads name that story's
    distinctive terms, counted within their language, by :attr:`StorySettings.reassign_margin`.
    The encoder places one language's texts together, so an event covered in many languages can
    leave its coverage in one language apart as a story of its own; such a story still names what
    sets the event apart in its language. A story of many languages is a subject of its own, and a
    story whose dates (median) fall outside the other's period (10th–90th percentile, widened by
    a real gap, :func:`_gap`) is another time's. Scores are read on the stories as they come in
    (no chain of joins); story 0 is the main story and never joins another. Cost O(documents ·
    large stories + languages · large stories · terms)."""
    large = _large_stories(labels, settings)
    if not len(large):
        return labels
    languages = [f.language for f in facts]
    score = _distinctive_scores(terms, labels, large, settings, languages)
    sizes = np.bincount(labels)
    days = np.array([-1 if f.day is None else f.day for f in facts])
    codes = np.array(languages)
    members = np.split(np.argsort(labels, kind="stable"), np.cumsum(sizes)[:-1])  # each story's documents

    def period(rows: np.ndarray) -> tuple[float, float, float] | None:
        dated = days[rows][days[rows] >= 0]
        if not len(dated):
            return None
        lo, hi, mid = np.percentile(dated, [10, 90, 50])
        gap = _gap((lo, hi), settings)
        return lo - gap, hi + gap, mid

    periods = {int(k): period(members[k]) for k in large}
    out = labels.copy()
    for story, rows in enumerate(members):
        if story == 0 or not len(rows) or (Counter(codes[rows].tolist()).most_common(1)[0][1]
                                            < settings.one_language_share * len(rows)):
            continue  # (story 0, the main story, takes others in but never joins one)
        own = period(rows)
        targets = [j for j, k in enumerate(large) if k != story and sizes[k] > len(rows)
                   and (own is None or periods[int(k)] is None
                        or periods[int(k)][0] <= own[2] <= periods[int(k)][1])]
        if not targets:
            continue
        named = np.median(score[np.ix_(rows, targets)], axis=0)
        best = int(named.argmax())
        if named[best] >= settings.reassign_margin:
            out[rows] = large[targets[best]]
    return out


def _split_by_time(terms: sparse.csr_matrix, labels: np.ndarray, facts: list[_Facts],
                   settings: StorySettings) -> np.ndarray:
    """Split a large story whose dated documents fall into two periods separated by a silence
    longer than either period's own span (10th–90th percentile of its dates), each period with at
    least :attr:`StorySettings.development_docs` documents. Two elections four years apart, or a
    president's first term and a later campaign, share their actors and words, but nothing is
    written about them in between. An undated member goes to the period whose distinctive lead
    terms (:func:`_distinctive_weights`, between the two periods' dated leads) it names more, to
    the larger period when it names neither's. The larger part keeps the story."""
    out = labels.copy()
    sizes = np.bincount(labels)
    days = np.array([-1 if f.day is None else f.day for f in facts])
    present = terms.copy()
    present.data[:] = 1.0
    for story in np.flatnonzero(sizes >= max(settings.reassign_min_share * len(labels), 3)):
        rows = np.flatnonzero(labels == story)
        dated = rows[days[rows] >= 0]
        cut = _silence(np.sort(days[dated]), settings.development_docs)
        if cut is None:
            continue
        later = np.zeros(len(rows), dtype=bool)
        is_dated = days[rows] >= 0
        later[is_dated] = days[rows[is_dated]] > cut
        undated = rows[~is_dated]
        if len(undated):
            sides = later[is_dated].astype(np.int64)
            score = np.asarray((present[undated] @ _distinctive_weights(present[dated], sides, np.array([0, 1])).T.tocsc())
                               .todense())
            larger = int(np.bincount(sides).argmax())
            later[~is_dated] = np.where(score[:, 1 - larger] > score[:, larger], 1 - larger, larger).astype(bool)
        if later.sum() > len(rows) / 2:
            later = ~later
        out[rows[later]] = out.max() + 1
    return out


def _silence(days: np.ndarray, min_docs: int) -> int | None:
    """The last day before the longest silence in sorted ``days`` that is longer than the span
    (10th–90th percentile) of the days on either side, each side holding at least ``min_docs``."""
    if len(days) < 2 * min_docs:
        return None
    days = days.astype(np.float64)

    def quantile(lo: int, hi: int, q: float) -> float:  # of the sorted days[lo:hi], as np.percentile: O(1)
        pos = lo + q * (hi - lo - 1)
        below = int(pos)
        return days[below] + (pos - below) * (days[min(below + 1, hi - 1)] - days[below])

    gaps = np.diff(days)
    for j in np.argsort(-gaps, kind="stable"):
        if gaps[j] <= 0:
            break
        n_left, n = j + 1, len(days)
        if min(n_left, n - n_left) < min_docs:
            continue
        spans = (quantile(0, n_left, 0.9) - quantile(0, n_left, 0.1), quantile(n_left, n, 0.9) - quantile(n_left, n, 0.1))
        if gaps[j] > max(spans):
            return int(days[j])
    return None


def _robust_z(values: np.ndarray, reference: np.ndarray, min_spread: float) -> np.ndarray:
    """``values`` as robust z-scores against ``reference`` (median, MAD × 1.4826); the spread is
    at least ``min_spread``, so that in a corpus whose documents all say much the same, a small
    drop in similarity is not taken for another subject."""
    med = float(np.median(reference))
    mad = float(np.median(np.abs(reference - med))) * 1.4826
    return (values - med) / max(mad, min_spread)


def _typicality(space: _Space, main: np.ndarray, facts: list[_Facts], settings: StorySettings) -> tuple[np.ndarray, np.ndarray]:
    """Each document's similarity to the main story's centroid — a member's to the centroid of
    the *other* members, so that small stories are not flattered by their own documents — and
    that as a robust z-score against the main story's members of the same language (or all of
    them for a rare language)."""
    e_sum = _row_sum(space.emb, main)
    t_sum = np.asarray(space.terms[main].sum(axis=0)).ravel()
    sim = np.empty(len(space), dtype=np.float32)
    for rows, e in space.emb.blocks():
        own = main[rows].astype(np.float32)
        t = space.terms[rows]
        e_dot, t_dot = e @ e_sum, np.asarray(t @ t_sum).ravel()
        e_self, t_self = (e * e).sum(axis=1), np.asarray(t.multiply(t).sum(axis=1)).ravel()
        # cosine with (sum - own vector) for members, with the sum for the others
        e_cos = (e_dot - own * e_self) / np.sqrt(np.maximum(e_sum @ e_sum - 2 * own * e_dot + own * e_self, 1e-12))
        t_cos = (t_dot - own * t_self) / np.sqrt(np.maximum(t_sum @ t_sum - 2 * own * t_dot + own * t_self, 1e-12))
        sim[rows] = space.w * e_cos + (1 - space.w) * t_cos
    z = _robust_z(sim, sim[main], settings.min_spread)
    langs = np.array([f.language for f in facts])
    for code in set(langs[main]):
        members = main & (langs == code)
        if members.sum() >= settings.min_language_docs:
            rows = langs == code
            z[rows] = _robust_z(sim[rows], sim[members], settings.min_spread)
    return sim, z


def _off_subject(z: np.ndarray, main: np.ndarray, facts: list[_Facts], outlier: float,
                 settings: StorySettings) -> np.ndarray:
    """Members of the main story whose main subject is something else: two views must agree.
    Their lead is atypical (typicality below ``outlier``) *and* their headline (title and first
    sentence) names less of the main story's central terms than nearly every typical member's
    does. A term is central when it is in :attr:`StorySettings.central_share` of the typical
    members' headlines (typicality at or above the median), weighted by that share; the bar is
    the :attr:`StorySettings.headline_percentile` of the typical members' own scores. A report
    of the event with an unusual lead still names its people and place in the headline (it
    stays); a round-up or another event's report names at most the common ground (it goes).
    One view alone is not enough: lead typicality has one dimension, and a corpus whose
    documents all tell the event has a low tail too."""
    typical = main & (z >= 0)
    if typical.sum() < 3:
        return main & (z < outlier)
    counts = Counter(t for i in np.flatnonzero(typical) for t in frozenset().union(*facts[i].head))
    n = int(typical.sum())
    weight = {t: c / n for t, c in counts.items() if c >= settings.central_share * n}
    score = np.array([_headline_score(f.head, weight) for f in facts])
    bar = float(np.percentile(score[typical], settings.headline_percentile))
    return main & (z < outlier) & (score < bar)


def _headline_score(head: tuple[frozenset[str], ...], weight: dict[str, float]) -> float:
    """The central weight a headline names: each word by its best-weighted form, each term once."""
    named = {max(forms, key=lambda t: (weight.get(t, 0.0), t)) for forms in head}
    return sum(weight.get(t, 0.0) for t in named)


def _period(days: list[int], settings: StorySettings) -> tuple[int, int] | None:
    """The main story's period: its central 10–90% of dates, extended over neighbours closer
    than a real gap (``min_gap_days`` or ``gap_share`` of the central period)."""
    if not days:
        return None
    days = sorted(days)
    lo, hi = np.percentile(days, [10, 90])
    gap = _gap((lo, hi), settings)
    left = next((d for d in days if d >= lo), days[0])
    right = next((d for d in reversed(days) if d <= hi), days[-1])
    for d in reversed([d for d in days if d < left]):
        if left - d >= gap:
            break
        left = d
    for d in [d for d in days if d > right]:
        if d - right >= gap:
            break
        right = d
    return left, right


def _later_developments(main: np.ndarray, facts: list[_Facts], settings: StorySettings) -> dict[int, list[str]]:
    """Members published after the main story's core (its 90th-percentile date) whose headlines
    name a later, separate development: at least :attr:`StorySettings.development_terms` words
    that no core headline of the same language names and that at least
    :attr:`StorySettings.development_docs` later headlines name (an arrest weeks after the event:
    the arrested, the police, the arrest). A later report of the event itself — its aftermath,
    its toll revised — names the core's words, and a word a single later report brings is no
    development. A language with fewer than :attr:`StorySettings.min_language_docs` core
    headlines is not judged: its words are new only because it was rarely written in before.
    Returns each such member's new words (stems)."""
    dated = [i for i in np.flatnonzero(main) if facts[i].day is not None]
    if len(dated) < 2 * settings.development_docs:
        return {}
    core_end = float(np.percentile([facts[i].day for i in dated], 90))
    core: dict[str, set[str]] = defaultdict(set)
    core_docs: Counter[str] = Counter()
    for i in dated:
        if facts[i].day <= core_end:
            core_docs[facts[i].language] += 1
            core[facts[i].language].update(t for forms in facts[i].head for t in forms)
    late = [i for i in dated if facts[i].day > core_end
            and core_docs[facts[i].language] >= settings.min_language_docs]
    new_words = {i: [forms for forms in facts[i].head if not forms & core[facts[i].language]] for i in late}
    named = Counter(t for words in new_words.values() for forms in words for t in forms)
    out = {}
    for i, words in new_words.items():
        shared = sorted({min(t for t in forms if named[t] >= settings.development_docs)
                         for forms in words if any(named[t] >= settings.development_docs for t in forms)})
        if len(shared) >= settings.development_terms:
            out[i] = shared
    return out


def _gap(period: tuple[int, int], settings: StorySettings) -> float:
    """Days of silence that make a real gap: ``min_gap_days``, or ``gap_share`` of the period."""
    return max(settings.min_gap_days, settings.gap_share * (period[1] - period[0]))


def _month_of(day: int) -> int:
    return date.fromordinal(day).month


def group_stories(docs: Iterable[Document], annotations: Callable[[str], Annotations] | None = None,
                  settings: StorySettings | None = None) -> tuple[list[dict], dict[str, str], set[str], dict[str, dict]]:
    """Group ``docs`` into stories and flag the documents whose main subject is another event.

    Returns ``(stories, doc_story, off_event, why)``: stories in the analysis schema's shape
    (main story first), each document id's story id, the off-event ids, and per document the
    reason (similarity and typicality to the main story, the flag's cause, its lead's top terms
    vs the main story's). ``annotations`` (doc id → its :class:`Annotations`, e.g. ``Store.annotations``)
    adds the resolved entities each lead names.
    """
    settings = settings or StorySettings()
    with tempfile.TemporaryDirectory(prefix="storylens-stories-") as spill:
        return _group_stories(docs, annotations, settings, spill)


def _group_stories(docs: Iterable[Document], annotations: Callable[[str], Annotations] | None,
                   settings: StorySettings, spill: str) -> tuple[list[dict], dict[str, str], set[str], dict[str, dict]]:
    """:func:`group_stories`; what a phase does not need waits in the folder ``spill``."""
    facts, leads, changed, surface = _read(docs, annotations, settings, spill)
    if not facts:
        return [], {}, set(), {}
    languages = [f.language for f in facts]
    terms = _term_matrix(facts, settings.max_terms, settings.min_language_docs if settings.idf_by_language else 0)
    # the leads stay as read, for the centring and the subjects; each use works on a copy in a file
    space = _Space(_without_language(leads.copy(f"{spill}/shifted.f32"), languages), terms, settings.embedding_weight)
    labels = _cluster(space, settings.join, settings.clustering_rounds, settings.seed, settings.join_on_shared_terms)
    # A corpus one story already dominates is about one event: its language means are that event,
    # so stories are compared with the means moved together. Otherwise (many topics) they are
    # compared with each language's mean removed, so that shared ground does not join two topics.
    many_topics = np.bincount(labels).max() < settings.one_event_share * len(labels)
    if not many_topics:
        labels = _merge_similar(space, labels, settings.merge_one_event)
        del space
    else:
        del space
        centred = _Space(_centred(leads.copy(f"{spill}/centred.f32"), languages), terms, settings.embedding_weight)
        labels = _merge_similar(centred, labels, settings.merge)
        if settings.split_stories:
            labels = _merge_similar(centred, _split_incoherent(centred, labels, settings.merge), settings.merge)
        del centred
    sizes = Counter(labels.tolist())
    first = min(sizes, key=lambda k: (-sizes[k], k))
    main = labels == first
    # the main story is every document about as typical of it as its members: others join,
    # members far below leave (twice, as the centroid moves)
    subject = _subject_embeddings(leads, changed, _spilled(f"{spill}/subjects.jsonl"), spill)
    sim, z = _typicality(_Space(_without_language(subject, languages), terms, settings.embedding_weight),
                         main, facts, settings)
    del subject, leads
    outlier = settings.outlier_z * (1 + 10 / len(facts))  # a median and MAD of few documents are rough
    atypical = (_off_subject(z, main, facts, outlier, settings) if len(facts) > 2
                else np.zeros(len(facts), dtype=bool))
    reason = [""] * len(facts)
    for i in range(len(facts)):
        if not main[i] and z[i] >= settings.rejoin_z:
            main[i] = True
        elif main[i] and atypical[i]:
            main[i] = False
            reason[i] = "its lead is atypical and its headline names little of the main story's central terms"
    period = _period([f.day for f, m in zip(facts, main) if m and f.day is not None], settings)
    if period:
        event_months = {_month_of(period[0]), _month_of(period[1])}
        gap = _gap(period, settings)
        for i, f in enumerate(facts):
            if f.day is not None and (f.day <= period[0] - gap or f.day >= period[1] + gap):
                main[i] = False
                when = "before" if f.day < period[0] else "after"
                reason[i] = f"published {when} the main story's period, across a gap"
            elif f.day is None and f.retro in event_months:
                main[i] = False
                reason[i] = "looks back on the main story's month as a past event"
    later = _later_developments(main, facts, settings)
    main[list(later)] = False
    if many_topics and settings.reassign_by_terms:
        grouped = np.where(main, -1, labels) + 1  # the main story as it now stands is story 0
        moved = _reassign_by_distinctive_terms(terms, grouped, settings)
        if settings.reassign_within_language:  # then a language's own words, counted within it
            moved = _reassign_by_distinctive_terms(terms, moved, settings, languages)
        for i in np.flatnonzero(moved != grouped):
            reason[i] = "its lead names another story's distinctive terms more than its own story's"
        split = _split_by_time(terms, moved, facts, settings)
        for i in np.flatnonzero(split != moved):
            reason[i] = "published (or, undated, written like those published) across a long silence from the rest of its story"
        if settings.join_one_language_stories:
            joined = _join_one_language_stories(terms, split, facts, settings)
            for i in np.flatnonzero(joined != split):
                reason[i] = ("its story, written mostly in one language, names the distinctive terms of a larger "
                             "story of its period")
            split = joined
        main, labels = split == 0, split - 1
    # the main story is its members; every other document keeps its cluster (renumbered by size)
    labels = np.where(main, -1, labels)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels.tolist()):
        groups[lab].append(i)
    order = sorted(groups, key=lambda k: (k != -1, -len(groups[k]), groups[k][0]))
    if -1 not in groups:
        main_members: list[int] = []
        order = [-1] + order
        groups[-1] = main_members
    words = surface.words()
    for i, new_words in later.items():
        reason[i] = ("a later development: its headline names what no headline of the main story's core "
                     f"period did ({', '.join(words.get(t, t) for t in new_words)}), as other later reports do")
    main_top = _top_terms(facts, groups[-1], words)
    main_terms = main_top[:8]  # one list every document's reason shares
    stories, doc_story, off_event, why = [], {}, set(), {}
    for n, key in enumerate(order, start=1):
        members = groups[key]
        sid = f"story-{n}"
        top = _top_terms(facts, members, words)
        stories.append({"id": sid, "label": ", ".join(top[:5]), "documents": [facts[i].id for i in members],
                        "main": key == -1, "period": _story_period(facts, members)})
        for i in members:
            doc_story[facts[i].id] = sid
            if key != -1:
                off_event.add(facts[i].id)
            why[facts[i].id] = {
                "similarity": round(float(sim[i]), 3), "typicality": round(float(z[i]), 2),
                "reason": reason[i] or ("in the main story" if key == -1 else "grouped with another event's documents"),
                "terms": _top_terms(facts, [i], words, 8), "main_terms": main_terms,
            }
    return stories, doc_story, off_event, why


def _read(docs: Iterable[Document], annotations: Callable[[str], Annotations] | None, settings: StorySettings,
          spill: str) -> tuple[list[_Facts], Rows, list[int], _SurfaceWords]:
    """One pass over ``docs`` (a stream from the store): each document's facts, its lead's
    embedding (encoded as read into ``spill``/leads.f32, :class:`embeddings.Stream`, and normalised
    there), the rows whose subject differs from their lead, whose subjects wait in
    ``spill``/subjects.jsonl, and the leads' words. No lead or subject text, and no n × 512 array,
    is held: they would take more than everything else the step keeps."""
    facts: list[_Facts] = []
    leads = embeddings.Stream(f"{spill}/leads.f32")
    changed: list[int] = []
    surface = _SurfaceWords()
    interner = _Interner()
    with open(f"{spill}/subjects.jsonl", "w", encoding="utf-8") as subjects:
        for doc in docs:
            f, lead, subject = _facts(doc, annotations(doc.id) if annotations else None, settings, interner)
            if subject != lead:
                changed.append(len(facts))
                subjects.write(json.dumps(subject) + "\n")  # ASCII: a lone surrogate survives
            facts.append(f)
            leads.add(lead)
            surface.add(lead, f.language)
    return facts, _normalised(leads.rows()), changed, surface


def _normalised(vectors: Rows) -> Rows:
    """``vectors`` with every row at unit length, written over them a block at a time."""
    for _, block in vectors.blocks():
        embeddings.normalise(block, inplace=True)
    return vectors


def _spilled(path: str) -> Iterable[str]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def _subject_embeddings(leads: Rows, changed: list[int], subjects: Iterable[str], spill: str) -> Rows:
    """The lead embeddings ``leads`` (copied to ``spill``/subjects.f32), re-encoded at rows
    ``changed`` from their ``subjects``: the leads without datelines and bylines. The subjects are
    encoded into a file of their own and written into the copy a block at a time."""
    out = leads.copy(f"{spill}/subjects.f32")
    if not changed:
        return out
    stream = embeddings.Stream(f"{spill}/changed.f32")
    for text in subjects:
        stream.add(text)
    at = np.asarray(changed)
    for rows, block in _normalised(stream.rows()).blocks():
        out.array[at[rows]] = block
        out.drop()
    return out


class _SurfaceWords:
    """Each stem's most frequent word in the leads, to show terms as words; counted as the leads
    are read."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)

    def add(self, lead: str, language: str) -> None:
        for w in content_words(lead, language):
            self.counts[stem(w)][w] += 1

    def words(self) -> dict[str, str]:
        return {s: c.most_common(1)[0][0] for s, c in self.counts.items()}


def _top_terms(facts: list[_Facts], members: list[int], words: dict[str, str], top: int = 10) -> list[str]:
    counts = Counter(t for i in members for t in set(facts[i].terms))
    out: list[str] = []
    for term, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top * 3]:
        shown = term[1:].split(":", 1)[-1].replace("-", " ") if term.startswith("@") else words.get(term, term)
        if shown not in out:
            out.append(shown)
        if len(out) >= top:
            break
    return out


def _story_period(facts: list[_Facts], members: list[int]) -> dict[str, str | None]:
    days = sorted(facts[i].day for i in members if facts[i].day is not None)
    if not days:
        return {"from": None, "to": None}
    return {"from": date.fromordinal(days[0]).isoformat(), "to": date.fromordinal(days[-1]).isoformat()}
