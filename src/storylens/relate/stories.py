"""Stories: group documents by what event they are about, and flag the off-event ones.

How it works
------------
* **Content.** Each document is represented by (a) the mean of the multilingual sentence
  embeddings (:mod:`storylens.relate.embeddings`) of its title and first sentences (for a
  thread: the first sentence of each of its first comments); (b) a TF-IDF vector of crude
  cross-lingual word stems (lower-cased, Cyrillic and Latin diacritics transliterated, cut to 6
  letters: "Brexitu"/"Брексит", "Tokayev"/"Токаев" meet); (c) a TF-IDF vector of the capitalised
  words alone (names travel across languages better than other words). Similarity is
  ``0.4·embeddings + 0.2·stems + 0.4·names`` (:data:`WEIGHTS`).
* **Language.** The encoder places texts of one language closer together whatever their topic.
  In corpora of :data:`CENTER_MIN_DOCS` documents or more each language's mean vector is
  subtracted (centring), and the story threshold becomes :data:`THRESHOLD_CENTRED`; smaller
  multilingual corpora only have the language means moved onto the corpus mean.
* **Time.** A document's own month is its published date, else a month named at least twice in
  its text (or the only month it names). A document that names an event by its month as
  something past ("the January events", "январские события") is taken to be written *after*
  that month. Two documents whose months differ by the corpus's gap (2 months, or 1.5 × the
  interquartile range of the documents' months when the corpus spreads over a long time), or a
  retrospective one against a document of the month it looks back on, lose
  :data:`TIME_PENALTY` of similarity.
* **Clustering.** Average-linkage agglomerative clustering with a similarity threshold. Up to
  :data:`FULL_LIMIT` documents the full similarity matrix is used (O(n²) time and memory: 4,000
  documents take about 0.2 GB and well under a minute). Above it, a random sample of
  :data:`SAMPLE` documents is clustered that way and every other document joins the sampled
  story with the highest mean similarity to it (= its average linkage to that story) when that
  reaches the threshold, else starts its own: O(SAMPLE² + n·stories), linear in n. The three
  similarity parts are folded into one dense vector per document for this (TF-IDF blocks reduced
  by truncated SVD), and the time penalty applies within the sample only.
* **Main story** = the largest cluster; documents in any other cluster are ``off_event``.
  Each story is labelled with the top TF-IDF words of its documents.

Limits: a thread is placed as a whole (its comments are not split between stories); the month
reading is a small regex for English and Russian month names (other languages rely on the
published date); on a handful of documents without dates, content alone rarely separates two
events in the same country — the time cues do; weights and thresholds were chosen on BSNLP and
the seed/demo corpora (see docs/evaluation.md).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from storylens.doc import Document
from storylens.relate import embeddings

FULL_LIMIT = 4_000
WEIGHTS = (0.4, 0.2, 0.4)  # embeddings, word stems, names
THRESHOLD = 0.2  # average-linkage similarity to join a story (raw embeddings)
THRESHOLD_CENTRED = 0.03  # the same once embeddings are centred (corpora of CENTER_MIN_DOCS or more)
CENTER_MIN_DOCS = 50
SAMPLE = 2_000  # documents clustered in full on the large-corpus path
TIME_PENALTY = 0.35
_SHRINK = 5  # documents' worth of corpus mean mixed into a language's mean

_MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december"]
_MONTHS_RU = ["январ", "феврал", "март", "апрел", "ма[йяе]", "июн", "июл", "август",
              "сентябр", "октябр", "ноябр", "декабр"]
_EN_MONTH = re.compile(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(" + "|".join(_MONTHS_EN) + r")\b(?:\s+(\d{1,2})(?:st|nd|rd|th)?\b)?"
    r"(?:,?\s+((?:19|20)\d\d)\b)?", re.I)
_RU_MONTH = re.compile(
    r"(?:(\d{1,2})\s+)?\b(" + "|".join(_MONTHS_RU) + r")\w*(?:\s+((?:19|20)\d\d))?", re.I)
_RETRO_EN = re.compile(
    r"\b(" + "|".join(_MONTHS_EN) + r")(?:\s+(?:19|20)\d\d)?\s+(events|unrest|protests|riots|uprising|"
    r"crisis|tragedy|violence|massacre|turmoil)\b|\bevents of (" + "|".join(_MONTHS_EN) + r")\b", re.I)
_RETRO_RU = re.compile(
    r"\b(январск|февральск|мартовск|апрельск|майск|июньск|июльск|августовск|сентябрьск|октябрьск|"
    r"ноябрьск|декабрьск)\w*\s+(событи|беспоряд|протест|трагеди|волнени|кризис|бунт)\w*", re.I)
_ISO = re.compile(r"^((?:19|20)\d\d)-(\d\d)")

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
_STOP = set("""the and for that with this from have has had was were are been will would could should their there
they them what which when where while into about after before over under more most some such than then also only
just said says very other being does did not but its his her our your who whom whose how why can may might
many much like even still yet all any each both few own same out off again further once here
это как что его она они оно для или при так уже все был была были быть этот эта эти тот того также
который которые которая когда чтобы если только может после через между есть нет
""".split())


@dataclass
class _Profile:
    month: tuple[int | None, int] | None  # (year or None, month)
    retro: int | None  # month the document looks back on


def _doc_sentences(doc: Document, max_sentences: int) -> list[str]:
    out: list[str] = []
    title = (doc.meta.get("title") or "").strip()
    if title:
        out.append(title)
    if doc.kind == "thread":
        seen: set[int] = set()
        for s in doc.sentences:
            if s.passage not in seen:
                seen.add(s.passage)
                out.append(doc.text[s.start:s.end])
            if len(out) >= max_sentences:
                break
    else:
        for s in doc.sentences:
            text = doc.text[s.start:s.end]
            if title and text.strip("#* \n") and text.strip("#* \n") in title:
                continue
            out.append(text)
            if len(out) >= max_sentences:
                break
    if not out:
        out.append(doc.text[:500])
    return out


def _profile(doc: Document) -> _Profile:
    text = doc.text
    retro_spans: list[tuple[int, int]] = []
    retro: Counter[int] = Counter()
    for m in _RETRO_EN.finditer(text):
        name = (m.group(1) or m.group(3)).lower()
        retro[_MONTHS_EN.index(name) + 1] += 1
        retro_spans.append(m.span())
    for m in _RETRO_RU.finditer(text):
        stems = ["январск", "февральск", "мартовск", "апрельск", "майск", "июньск", "июльск", "августовск",
                 "сентябрьск", "октябрьск", "ноябрьск", "декабрьск"]
        retro[stems.index(m.group(1).lower()) + 1] += 1
        retro_spans.append(m.span())

    pub = _ISO.match(doc.meta.get("published") or "")
    if pub:
        own: tuple[int | None, int] | None = (int(pub.group(1)), int(pub.group(2)))
    else:
        counts: Counter[int] = Counter()
        years: dict[int, Counter[int]] = {}
        def inside_retro(pos: int) -> bool:
            return any(a <= pos < b for a, b in retro_spans)
        for m in _EN_MONTH.finditer(text):
            if inside_retro(m.start(2)):
                continue
            name = m.group(2).lower()
            has_number = bool(m.group(1) or m.group(3) or m.group(4))
            if name == "may" and not has_number:
                continue
            if not has_number and not re.search(r"\b(in|since|until|by|early|late|mid|of|last|next|this)\s*-?$",
                                                text[max(0, m.start() - 8):m.start()], re.I):
                continue
            month = _MONTHS_EN.index(name) + 1
            counts[month] += 1
            if m.group(4):
                years.setdefault(month, Counter())[int(m.group(4))] += 1
        for m in _RU_MONTH.finditer(text):
            if inside_retro(m.start(2)) or not (m.group(1) or m.group(3)):
                continue
            month = next(i + 1 for i, p in enumerate(_MONTHS_RU) if re.match(p, m.group(2), re.I))
            counts[month] += 1
            if m.group(3):
                years.setdefault(month, Counter())[int(m.group(3))] += 1
        own = None
        if counts:
            month, n = counts.most_common(1)[0]
            if n >= 2 or len(counts) == 1:
                year = years[month].most_common(1)[0][0] if month in years else None
                own = (year, month)
    back = retro.most_common(1)[0][0] if retro else None
    if own and back == own[1]:
        back = None
    return _Profile(own, back)


def _time_penalty(a: _Profile, b: _Profile, penalty: float, gap: int = 2) -> float:
    if a.retro and b.month and b.month[1] == a.retro:
        return penalty
    if b.retro and a.month and a.month[1] == b.retro:
        return penalty
    if a.month and b.month:
        (ya, ma), (yb, mb) = a.month, b.month
        if ya is not None and yb is not None:
            delta = abs((ya * 12 + ma) - (yb * 12 + mb))
        else:
            delta = min(abs(ma - mb), 12 - abs(ma - mb))
        return penalty if delta >= gap else 0.0
    return 0.0


def _penalty_matrix(profiles: list[_Profile], gap: int = 2) -> np.ndarray:
    """:func:`_time_penalty` (with penalty 1) for every pair at once, vectorised."""
    n = len(profiles)
    has = np.array([p.month is not None for p in profiles])
    moy = np.array([p.month[1] if p.month else 0 for p in profiles])
    year = np.array([p.month[0] if p.month and p.month[0] is not None else -1 for p in profiles])
    retro = np.array([p.retro or 0 for p in profiles])
    back = (retro[:, None] > 0) & has[None, :] & (retro[:, None] == moy[None, :])
    out = back | back.T
    both = has[:, None] & has[None, :]
    with_year = (year[:, None] >= 0) & (year[None, :] >= 0)
    absolute = np.abs((year * 12 + moy)[:, None] - (year * 12 + moy)[None, :])
    circular = np.abs(moy[:, None] - moy[None, :])
    circular = np.minimum(circular, 12 - circular)
    delta = np.where(with_year, absolute, circular)
    out |= both & (delta >= gap)
    out[np.arange(n), np.arange(n)] = False
    return out.astype(np.float32)


def _stem_text(text: str) -> str:
    words = _WORD.findall(text.lower().translate(_TRANSLIT))
    return " ".join(w[:6] for w in words if w not in _STOP)


_NAME = re.compile(r"\b[A-ZА-ЯЁІЇЄČŠŽŁŚŻŘ][^\W\d_]{2,}")


def _tfidf(texts: list[str]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(sublinear_tf=True, min_df=1 if len(texts) < 50 else 2, max_df=0.5 if len(texts) >= 20 else 1.0,
                          token_pattern=r"\S+", lowercase=False)
    try:
        return vec.fit_transform(texts)
    except ValueError:  # empty vocabulary
        from scipy.sparse import csr_matrix

        return csr_matrix((len(texts), 1))


def _names_text(text: str) -> str:
    words = _NAME.findall(text)
    return " ".join(w.lower().translate(_TRANSLIT)[:5] for w in words if w.lower() not in _STOP)


def _tfidf_matrices(docs: list[Document]):
    texts = [((d.meta.get("title") or "") + "\n" + d.text)[:20_000] for d in docs]
    return _tfidf([_stem_text(t) for t in texts]), _tfidf([_names_text(t) for t in texts])


def document_vectors(docs: list[Document], max_sentences: int = 12) -> np.ndarray:
    """One L2-normalised embedding per document: the mean of its title's and first sentences'."""
    per_doc = [_doc_sentences(d, max_sentences) for d in docs]
    flat = [s for sents in per_doc for s in sents]
    emb = embeddings.encode(flat)
    out = np.zeros((len(docs), embeddings.DIM), dtype=np.float32)
    i = 0
    for k, sents in enumerate(per_doc):
        out[k] = emb[i:i + len(sents)].mean(axis=0)
        i += len(sents)
    return embeddings.normalise(out)


def _adjust(vectors: np.ndarray, docs: list[Document]) -> tuple[np.ndarray, bool]:
    """Remove the encoder's language signal (texts of one language sit closer whatever their topic).

    From :data:`CENTER_MIN_DOCS` documents on, each language's mean (shrunk towards the corpus
    mean for rare languages) is subtracted: the vectors are centred, which also removes what the
    whole corpus shares and sharpens topics (returns ``True``: use :data:`THRESHOLD_CENTRED`).
    Below that the means are too noisy to subtract; a multilingual corpus only has each
    language's mean moved onto the corpus mean (a no-op for one language).
    """
    langs = np.array([d.meta.get("language") or "?" for d in docs])
    out = vectors.copy()
    mean = vectors.mean(axis=0)
    if len(docs) >= CENTER_MIN_DOCS:
        for lang in set(langs):
            rows = langs == lang
            n = int(rows.sum())
            out[rows] -= (n * vectors[rows].mean(axis=0) + _SHRINK * mean) / (n + _SHRINK)
        return embeddings.normalise(out), True
    if len(set(langs)) > 1:
        for lang in set(langs):
            rows = langs == lang
            out[rows] += mean - vectors[rows].mean(axis=0)
        return embeddings.normalise(out), False
    return out, False


def _month_gap(profiles: list[_Profile]) -> int:
    """Months apart that make two documents different events: 2, or more when the corpus itself
    spreads over a long time (1.5 × the interquartile range of the documents' months)."""
    months = np.array([p.month[0] * 12 + p.month[1] for p in profiles if p.month and p.month[0] is not None])
    if len(months) < 4:
        return 2
    q1, q3 = np.percentile(months, [25, 75])
    return max(2, int(np.ceil(1.5 * (q3 - q1))))


def _labels(docs: list[Document], clusters: list[list[int]], top: int = 5) -> list[str]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [((d.meta.get("title") or "") + "\n" + d.text)[:20_000] for d in docs]
    vec = TfidfVectorizer(sublinear_tf=True, token_pattern=r"(?u)\b[^\W\d_]{4,}\b",
                          stop_words=sorted(_STOP), max_df=0.9 if len(docs) > 2 else 1.0)
    try:
        x = vec.fit_transform(texts)
    except ValueError:
        return ["" for _ in clusters]
    vocab = np.array(vec.get_feature_names_out())
    labels = []
    for members in clusters:
        score = np.asarray(x[members].sum(axis=0)).ravel()
        # prefer words used by several members of the cluster
        present = np.asarray((x[members] > 0).sum(axis=0)).ravel()
        score = score * (1 + present)
        best = np.argsort(-score)[:top]
        labels.append(", ".join(vocab[j] for j in best if score[j] > 0))
    return labels


def _period(docs: list[Document], members: list[int], profiles: list[_Profile]) -> dict[str, str | None]:
    dates = sorted((docs[i].meta.get("published") or "")[:10] for i in members if docs[i].meta.get("published"))
    if not dates:
        months = sorted(f"{p.month[0]:04d}-{p.month[1]:02d}" for i in members
                        if (p := profiles[i]).month and p.month[0] is not None)
        dates = months
    return {"from": dates[0] if dates else None, "to": dates[-1] if dates else None}


def _cluster_full(sim: np.ndarray, threshold: float) -> np.ndarray:
    from sklearn.cluster import AgglomerativeClustering

    n = len(sim)
    if n == 1:
        return np.zeros(1, dtype=int)
    dist = np.clip(1.0 - sim, 0.0, 2.0).astype(np.float64)
    np.fill_diagonal(dist, 0.0)
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=1.0 - threshold)
    return model.fit_predict(dist)


def _features(vectors: np.ndarray, stems, names, weights: tuple[float, float, float], dims: int = 128) -> np.ndarray:
    """One dense vector per document whose dot products are (close to) the weighted similarity:
    the embedding and the two TF-IDF blocks (reduced by truncated SVD), each unit-length and
    scaled by the square root of its weight."""
    from sklearn.decomposition import TruncatedSVD

    blocks = [np.sqrt(weights[0]) * vectors]
    for w, m in ((weights[1], stems), (weights[2], names)):
        k = min(dims, m.shape[1] - 1, m.shape[0] - 1)
        if k < 2:
            continue
        reduced = TruncatedSVD(n_components=k, random_state=0).fit_transform(m).astype(np.float32)
        blocks.append(np.sqrt(w) * embeddings.normalise(reduced))
    return np.hstack(blocks)


def _cluster_sampled(features: np.ndarray, profiles: list[_Profile], threshold: float, time_penalty: float,
                     sample: int, seed: int = 0) -> np.ndarray:
    """Large corpora: average linkage on a random sample of ``sample`` documents (full matrix,
    time penalty included), then every other document joins the sampled story whose mean
    similarity to it (its average linkage to that story) is highest, if that reaches
    ``threshold``, else it starts a story of its own. Cost O(sample² + n·stories), linear in n."""
    n = len(features)
    rng = np.random.default_rng(seed)
    idx = np.sort(rng.choice(n, size=min(sample, n), replace=False))
    sub = features[idx]
    sim = sub @ sub.T
    if time_penalty:
        picked = [profiles[i] for i in idx]
        sim -= time_penalty * _penalty_matrix(picked, _month_gap(profiles))
    sample_labels = _cluster_full(sim, threshold)
    labels = np.full(n, -1, dtype=int)
    labels[idx] = sample_labels
    k = int(sample_labels.max()) + 1
    centroids = np.zeros((k, features.shape[1]), dtype=np.float32)
    np.add.at(centroids, sample_labels, sub)
    centroids /= np.bincount(sample_labels, minlength=k)[:, None]
    rest = np.setdiff1d(np.arange(n), idx)
    next_label = k
    for s0 in range(0, len(rest), 2048):
        block = rest[s0:s0 + 2048]
        scores = features[block] @ centroids.T
        best = scores.argmax(axis=1)
        for i, b, sc in zip(block, best, scores[np.arange(len(block)), best]):
            if sc >= threshold:
                labels[i] = b
            else:
                labels[i] = next_label
                next_label += 1
    return labels


def _inputs(docs: list[Document], max_sentences: int):
    vectors, centred = _adjust(document_vectors(docs, max_sentences), docs)
    stems, names = _tfidf_matrices(docs)
    return vectors, centred, stems.tocsr(), names.tocsr()


def similarity_matrix(docs: list[Document], *, weights: tuple[float, float, float] = WEIGHTS,
                      time_penalty: float = TIME_PENALTY, max_sentences: int = 12) -> tuple[np.ndarray, bool]:
    """Pairwise document similarity (embeddings, word stems, names, minus the time penalty), and
    whether the embeddings were centred (see :func:`_adjust`)."""
    vectors, centred, stems, names = _inputs(docs, max_sentences)
    profiles = [_profile(d) for d in docs]
    w_emb, w_stems, w_names = weights
    sim = w_emb * (vectors @ vectors.T) + w_stems * (stems @ stems.T).toarray() + w_names * (names @ names.T).toarray()
    if time_penalty:
        sim -= time_penalty * _penalty_matrix(profiles, _month_gap(profiles))
    return sim, centred


def group_stories(docs: list[Document], *, threshold: float | None = None,
                  weights: tuple[float, float, float] = WEIGHTS, time_penalty: float = TIME_PENALTY,
                  max_sentences: int = 12,
                  full_limit: int = FULL_LIMIT) -> tuple[list[dict], dict[str, str], set[str]]:
    """Group ``docs`` into stories.

    Returns ``(stories, doc_story, off_event)``: stories in the analysis schema's shape (main story
    first), each document id's story id, and the ids of documents outside the main story.
    ``threshold`` defaults to :data:`THRESHOLD` (or :data:`THRESHOLD_CENTRED` when the corpus is
    large enough for the embeddings to be centred).
    """
    if not docs:
        return [], {}, set()
    profiles = [_profile(d) for d in docs]
    if len(docs) <= full_limit:
        sim, centred = similarity_matrix(docs, weights=weights, time_penalty=time_penalty,
                                         max_sentences=max_sentences)
        th = threshold if threshold is not None else (THRESHOLD_CENTRED if centred else THRESHOLD)
        labels = _cluster_full(sim, th)
    else:
        vectors, centred, stems, names = _inputs(docs, max_sentences)
        th = threshold if threshold is not None else (THRESHOLD_CENTRED if centred else THRESHOLD)
        labels = _cluster_sampled(_features(vectors, stems, names, weights), profiles, th, time_penalty,
                                  sample=min(full_limit, SAMPLE) if full_limit else SAMPLE)

    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        groups.setdefault(int(lab), []).append(i)
    clusters = sorted(groups.values(), key=lambda m: (-len(m), m[0]))
    names_ = _labels(docs, clusters)
    stories, doc_story = [], {}
    for n, (members, name) in enumerate(zip(clusters, names_), start=1):
        sid = f"story-{n}"
        stories.append({"id": sid, "label": name, "documents": [docs[i].id for i in members],
                        "main": n == 1, "period": _period(docs, members, profiles)})
        for i in members:
            doc_story[docs[i].id] = sid
    off_event = {docs[i].id for members in clusters[1:] for i in members}
    return stories, doc_story, off_event
