"""Annotation throughput on one core, next to spaCy's full ``en_core_web_sm`` pipeline on the same text.

    .venv/bin/python bench/annotate.py [--copies 20] [--events]

The corpus is the demo corpus (plus the seeds when ../shared is there; ``--events`` adds the
development event corpora, Russian and Ukrainian included), each document repeated with its
paragraphs and the sentences inside them shuffled, so that the copies are other text (the parser copies a
passage it has seen, within a batch or lately: copies of the same paragraphs would time that cache, not the
work). Prints chars/s (process time, one thread) for spaCy's full pipeline (tagger, parser, lemmatizer
and NER) run on every passage, for spaCy NER alone, for the annotate step (one parse per document shared
by entities and claims, then dates, claims and quotes) with the parser's passage cache dropped and off,
and again with it on (the one-sentence paragraphs a copy repeats: titles, datelines, captions), and for
the classifiers, with the ratios to the full pipeline. Target: annotate (cache off) ≥ 0.8× the full
pipeline.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylens.annotate import Annotator  # noqa: E402
from storylens.clean import clean_document  # noqa: E402
from storylens.config import AnnotateSettings, Settings  # noqa: E402
from storylens.corpus import Skipped, read_paths  # noqa: E402
from storylens.doc import RawDocument  # noqa: E402


def corpus(copies: int, events: bool = False) -> list:
    settings = Settings()
    paths = [ROOT / "examples" / "kazakhstan-2022"]
    shared = ROOT.parent / "shared" / "data"
    if (shared / "seeds").exists():
        paths.append(shared / "seeds")
    if events and (shared / "events").exists():
        paths += sorted(p for p in (shared / "events").iterdir() if p.is_dir() and not p.name.endswith(".gold"))
    raws = [r for r in read_paths(paths, settings.read) if not isinstance(r, Skipped)]
    rng = random.Random(7)
    docs = []
    for copy in range(copies):
        for raw in raws:
            paragraphs = raw.text.split("\n\n")
            if copy:  # another order of paragraphs, and of the sentences inside each: the copies are other text
                rng.shuffle(paragraphs)
                for k, paragraph in enumerate(paragraphs):
                    sentences = re.split(r"(?<=[.!?])\s+", paragraph)
                    rng.shuffle(sentences)
                    paragraphs[k] = " ".join(sentences)
            docs.append(clean_document(RawDocument(f"{raw.origin}#{copy}", "\n\n".join(paragraphs), raw.format,
                                                   raw.meta, raw.manifest), settings.clean))
    return docs


def timed(fn) -> float:
    """Process time: the machine is shared, so wall time measures the neighbours too."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--events", action="store_true", help="add the development event corpora")
    args = parser.parse_args()
    docs = corpus(args.copies, args.events)
    chars = sum(len(d.text) for d in docs)
    print(f"corpus: {len(docs)} documents, {chars / 1e6:.2f} M chars")

    from storylens.annotate.syntax import load_spacy

    texts = [d.text[p.start:p.end] for d in docs for p in d.passages]
    full = load_spacy("en_core_web_sm", parse=True)  # tagger, parser, lemmatizer, NER
    list(full.pipe(texts[:50]))  # warm-up
    full_s = timed(lambda: list(full.pipe(texts, batch_size=64)))
    ner = load_spacy("en_core_web_sm", parse=False)  # spaCy with only what its NER needs
    list(ner.pipe(texts[:50]))
    ner_s = timed(lambda: list(ner.pipe(texts, batch_size=64)))

    core = Annotator(AnnotateSettings(components=("entities", "dates", "claims", "quotes")))
    core(docs[: max(5, len(docs) // args.copies)])  # load every language's models outside the timing
    cached = core.parser.settings.cached_passages
    core.parser.settings.cached_passages = 0
    core.parser.forget()
    core_s = timed(lambda: core(docs))
    core.parser.settings.cached_passages = cached
    cached_s = timed(lambda: core(docs))
    clf = Annotator(AnnotateSettings(components=("persuasion",)))
    clf(docs[:5])
    clf_s = timed(lambda: clf(docs))

    rows = [("spaCy full pipeline on every passage (reference)", full_s), ("spaCy NER alone", ner_s),
            ("annotate: parse+entities+dates+claims+quotes", core_s),
            ("annotate, passage cache on", cached_s),
            ("classifiers: techniques+frames+genre+check-worthiness", clf_s),
            ("annotate + classifiers", core_s + clf_s)]
    print(f"{'step':<56} {'seconds':>8} {'chars/s':>10} {'vs full':>9}")
    for name, seconds in rows:
        print(f"{name:<56} {seconds:>8.2f} {chars / seconds:>10,.0f} {full_s / seconds:>8.2f}x")


if __name__ == "__main__":
    main()
