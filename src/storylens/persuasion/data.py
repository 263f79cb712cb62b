"""Readers for the public data sets in ``../shared/data`` (paths always passed in).

Nothing here is shipped with weights: these functions are used by ``train.py`` only.
Every example carries the article (``group``) it came from, so splits never put two
paragraphs of one article on different sides.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

from storylens.clean.segment import split_sentences

from .labels import (
    FRAMES,
    GENRES,
    MEMES2021_MAP,
    PTC2020_MAP,
    SEMEVAL2023_MAP,
    SEMEVAL_LANGUAGES,
    UNLP2025_MAP,
    map_labels,
    observed,
)


@dataclass
class Example:
    text: str
    labels: set[str]
    known: frozenset[str]  # labels whose presence/absence this example tells us
    group: str  # article / post id: the unit of splitting
    lang: str
    source: str
    unit: str = "paragraph"  # sentence, paragraph, post or meme: what kind of text the pipeline will see
    source_labels: frozenset[str] = frozenset()  # the data set's own labels, for scoring in its label space
    context: str | None = None  # the whole document the text is part of (None: the text stands alone)


ALL_TECHNIQUES = frozenset(observed(SEMEVAL2023_MAP))


def _sentence_labels(text: str, spans: list[tuple[str, int, int]], base: int) -> list[tuple[str, set[str]]]:
    """Sentences of one paragraph (``text`` starting at ``base`` in its article) with the labels
    of the spans that cover at least half of the sentence or half of the span."""
    out = []
    for s, e in split_sentences(text):
        s, e = s + base, e + base
        labels = set()
        for label, a, b in spans:
            overlap = min(b, e) - max(a, s)
            if overlap > 0 and (2 * overlap >= b - a or 2 * overlap >= e - s):
                labels.add(label)
        out.append((text[s - base:e - base], labels))
    return out


def _span_units(lines_with_offsets, spans, group, lang, source, label_map, context: str) -> list[Example]:
    """A labelled paragraph and, when it has several sentences, each of its sentences."""
    known_all = observed(label_map)
    out = []
    for text, start, src_labels in lines_with_offsets:
        stripped = text.strip()
        if not stripped:
            continue
        lead = len(text) - len(text.lstrip())
        sentences = _sentence_labels(stripped, spans, start + lead)
        units = [(stripped, src_labels, "sentence" if len(sentences) <= 1 else "paragraph")]
        if len(sentences) > 1:
            units += [(t, lab, "sentence") for t, lab in sentences]
        for t, lab, unit in units:
            labels, unknown = map_labels(lab, label_map)
            out.append(Example(t, labels, known_all - unknown, group, lang, source, unit, frozenset(lab), context))
    return out


def _read_spans(path: Path) -> list[tuple[str, int, int]]:
    spans = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 4:
                spans.append((parts[1], int(parts[2]), int(parts[3])))
    return spans


# ------------------------------------------------------------------ SemEval-2023 Task 3
def semeval_paragraphs(root: Path, langs=SEMEVAL_LANGUAGES) -> list[Example]:
    """Subtask 3: each labelled, non-empty article line (paragraph) and its sentences, whose labels
    come from the technique spans."""
    out: list[Example] = []
    for lang in langs:
        base = Path(root) / "semeval2023" / lang
        by_article: dict[str, dict[int, set[str]]] = {}
        for line in (base / "train-labels-subtask-3.txt").read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            labels = {x for x in (parts[2] if len(parts) > 2 else "").split(",") if x}
            if labels - ALL_TECHNIQUES:
                raise ValueError(f"unknown technique {labels - ALL_TECHNIQUES} in {lang}/{parts[0]}")
            by_article.setdefault(parts[0], {})[int(parts[1])] = labels
        for art, numbered in by_article.items():
            text = (base / "train-articles-subtask-3" / f"article{art}.txt").read_text(encoding="utf-8")
            spans = _read_spans(base / "train-labels-subtask-3-spans" / f"article{art}-labels-subtask-3.txt")
            lines, pos = [], 0
            for num, raw in enumerate(text.split("\n"), start=1):
                if num in numbered:
                    lines.append((raw, pos, numbered[num]))
                pos += len(raw) + 1
            out += _span_units(lines, spans, f"se:{lang}:{art}", lang, "semeval2023", SEMEVAL2023_MAP, text)
    return out


@dataclass
class Article:
    id: str
    lang: str
    text: str
    genre: str | None
    frames: set[str] | None


def semeval_articles(root: Path, langs=SEMEVAL_LANGUAGES) -> list[Article]:
    """Subtasks 1 and 2: articles with genre and/or frames."""
    out: dict[tuple[str, str], Article] = {}
    for lang in langs:
        base = Path(root) / "semeval2023" / lang
        for sub in (1, 2):
            for line in (base / f"train-labels-subtask-{sub}.txt").read_text(encoding="utf-8").splitlines():
                parts = line.split("\t")
                if not parts[0]:
                    continue
                art = parts[0]
                key = (lang, art)
                if key not in out:
                    path = base / f"train-articles-subtask-{sub}" / f"article{art}.txt"
                    out[key] = Article(art, lang, path.read_text(encoding="utf-8"), None, None)
                value = parts[1].strip() if len(parts) > 1 else ""
                if sub == 1:
                    if value not in GENRES:
                        raise ValueError(f"unknown genre {value!r}")
                    out[key].genre = value
                else:
                    frames = {x for x in value.split(",") if x}
                    if frames - set(FRAMES):
                        raise ValueError(f"unknown frames {frames - set(FRAMES)}")
                    out[key].frames = frames
    return list(out.values())


# ------------------------------------------------------------------ PTC-2020 (SemEval-2020 T11)
def ptc_paragraphs(root: Path, exclude_ids: set[str] = frozenset()) -> list[Example]:
    """Technique spans → the article lines (and sentences) they cover. ``exclude_ids``: articles
    also in SemEval-2023 English (306 of 371 are), which carry the fuller 23-label annotation."""
    base = Path(root) / "ptc2020"
    spans: dict[str, list[tuple[str, int, int]]] = {}
    for line in (base / "train-task2-TC.labels").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4:
            spans.setdefault(parts[0], []).append((parts[1], int(parts[2]), int(parts[3])))
    out: list[Example] = []
    for path in sorted((base / "train-articles").glob("article*.txt")):
        art = path.stem.removeprefix("article")
        if art in exclude_ids:
            continue
        lines, pos, text = [], 0, path.read_text(encoding="utf-8")
        for raw in text.split("\n"):
            start, end = pos, pos + len(raw)
            pos = end + 1
            lines.append((raw, start, {t for t, s, e in spans.get(art, []) if s < end and e > start}))
        out += _span_units(lines, spans.get(art, []), f"ptc:{art}", "en", "ptc2020", PTC2020_MAP, text)
    return out


# ------------------------------------------------------------------ UNLP-2025
def unlp_posts(root: Path) -> list[Example]:
    known_all = observed(UNLP2025_MAP)
    out = []
    with open(Path(root) / "unlp2025" / "train.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            src = row.get("techniques") or []
            labels, unknown = map_labels(src, UNLP2025_MAP)
            out.append(Example(row["content"].strip(), labels, known_all - unknown, f"unlp:{row['id']}",
                               row.get("lang", "uk"), "unlp2025", "post", frozenset(src)))
    return out


# ------------------------------------------------------------------ SemEval-2021 Task 6 memes
def meme_texts(root: Path) -> list[Example]:
    known_all = observed(MEMES2021_MAP)
    out = []
    for name in ("training_set_task1.txt", "dev_set_task1.txt"):
        for row in json.loads((Path(root) / "memes2021" / "task1" / name).read_text(encoding="utf-8")):
            labels, unknown = map_labels(row["labels"], MEMES2021_MAP)
            text = re.sub(r"\s*\n\s*", " ", row["text"]).strip()
            if text:
                out.append(Example(text, labels, known_all - unknown, f"meme:{row['id']}", "en",
                                   "memes2021", "meme", frozenset(row["labels"])))
    return out


# ------------------------------------------------------------------ CheckThat!
def checkthat2024(root: Path) -> dict[str, list[tuple[str, int, str]]]:
    """{'train': [(text, label, id)], 'dev': [...]} from CT24 Task 1 English."""
    out = {}
    for split in ("train", "dev"):
        rows = []
        path = Path(root) / "checkthat2024" / f"CT24_checkworthy_english_{split}.tsv"
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(reader)
            ti, li = header.index("Text"), header.index("class_label")
            for row in reader:
                if len(row) > max(ti, li) and row[ti].strip():
                    rows.append((row[ti].strip(), int(row[li].strip() == "Yes"), row[0]))
        out[split] = rows
    return out


def checkthat2020_tweets(root: Path) -> dict[str, list[tuple[str, int, str]]]:
    out = {}
    for split, name in (("train", "training_v2.tsv"), ("dev", "dev_v2.tsv")):
        rows = []
        with open(Path(root) / "checkthat2020_tweets" / name, encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(reader)
            ti, li = header.index("tweet_text"), header.index("check_worthiness")
            for row in reader:
                if len(row) > max(ti, li) and row[ti].strip():
                    rows.append((row[ti].strip(), int(row[li]), row[1]))
        out[split] = rows
    return out
