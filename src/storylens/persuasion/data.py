"""Readers for the public data sets in ``../shared/data`` (paths always passed in).

Nothing here is shipped with weights: these functions are used by ``train.py`` only.
Every example carries the article (``group``) it came from, so splits never put two
paragraphs of one article on different sides.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .labels import (
    FRAMES,
    GENRES,
    MEMES2021_MAP,
    PTC2020_MAP,
    SEMEVAL_LANGUAGES,
    TECHNIQUES,
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
    meta: dict = field(default_factory=dict)


ALL_TECHNIQUES = frozenset(TECHNIQUES)


# ------------------------------------------------------------------ SemEval-2023 Task 3
def _article_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def semeval_paragraphs(root: Path, langs=SEMEVAL_LANGUAGES) -> list[Example]:
    """Subtask 3: one example per labelled, non-empty article line (paragraph)."""
    out: list[Example] = []
    for lang in langs:
        base = Path(root) / "semeval2023" / lang
        cache: dict[str, list[str]] = {}
        for line in (base / "train-labels-subtask-3.txt").read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            art, num = parts[0], int(parts[1])
            labels = {x for x in (parts[2] if len(parts) > 2 else "").split(",") if x}
            unknown = labels - ALL_TECHNIQUES
            if unknown:
                raise ValueError(f"unknown technique {unknown} in {lang}/{art}")
            if art not in cache:
                cache[art] = _article_lines(base / "train-articles-subtask-3" / f"article{art}.txt")
            lines = cache[art]
            text = lines[num - 1].strip() if 0 < num <= len(lines) else ""
            if not text:
                continue
            out.append(Example(text, labels, ALL_TECHNIQUES, f"se:{lang}:{art}", lang, "semeval2023",
                               {"line": num}))
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
    """Technique spans → the article lines they overlap. ``exclude_ids``: articles also in
    SemEval-2023 English (306 of 371 are), which carry the fuller 23-label annotation."""
    base = Path(root) / "ptc2020"
    spans: dict[str, list[tuple[str, int, int]]] = {}
    for line in (base / "train-task2-TC.labels").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4:
            spans.setdefault(parts[0], []).append((parts[1], int(parts[2]), int(parts[3])))
    known_all = observed(PTC2020_MAP)
    out: list[Example] = []
    for path in sorted((base / "train-articles").glob("article*.txt")):
        art = path.stem.removeprefix("article")
        if art in exclude_ids:
            continue
        text = path.read_text(encoding="utf-8")
        pos = 0
        for raw in text.split("\n"):
            start, end = pos, pos + len(raw)
            pos = end + 1
            if not raw.strip():
                continue
            src = {t for t, s, e in spans.get(art, []) if s < end and e > start}
            labels, unknown = map_labels(src, PTC2020_MAP)
            out.append(Example(raw.strip(), labels, known_all - unknown, f"ptc:{art}", "en", "ptc2020"))
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
                               row.get("lang", "uk"), "unlp2025", {"source_labels": sorted(src)}))
    return out


# ------------------------------------------------------------------ SemEval-2021 Task 6 memes
def meme_texts(root: Path) -> list[Example]:
    known_all = observed(MEMES2021_MAP)
    out = []
    for name, split in (("training_set_task1.txt", "train"), ("dev_set_task1.txt", "dev")):
        for row in json.loads((Path(root) / "memes2021" / "task1" / name).read_text(encoding="utf-8")):
            labels, unknown = map_labels(row["labels"], MEMES2021_MAP)
            text = re.sub(r"\s*\n\s*", " ", row["text"]).strip()
            if text:
                out.append(Example(text, labels, known_all - unknown, f"meme:{row['id']}", "en",
                                   "memes2021", {"split": split}))
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
