"""Annotation throughput on one core, next to bare spaCy NER on the same text.

    .venv/bin/python bench/annotate.py [--copies 20]

The corpus is the demo corpus (plus the seeds when ../shared is there), each document
repeated with its paragraphs shuffled so no cache can help. Prints chars/s for spaCy
NER alone (``en_core_web_sm`` with every other component disabled), for the annotate
step (entities, dates, claims, quotes), and for the classifiers, with the ratios.
"""

from __future__ import annotations

import argparse
import os
import random
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


def corpus(copies: int) -> list:
    settings = Settings()
    paths = [ROOT / "examples" / "kazakhstan-2022"]
    seeds = ROOT.parent / "shared" / "data" / "seeds"
    if seeds.exists():
        paths.append(seeds)
    raws = [r for r in read_paths(paths, settings.read) if not isinstance(r, Skipped)]
    rng = random.Random(7)
    docs = []
    for copy in range(copies):
        for raw in raws:
            paragraphs = raw.text.split("\n\n")
            if copy:
                rng.shuffle(paragraphs)
            docs.append(clean_document(RawDocument(f"{raw.origin}#{copy}", "\n\n".join(paragraphs), raw.format,
                                                   raw.meta, raw.manifest), settings.clean))
    return docs


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()
    docs = corpus(args.copies)
    chars = sum(len(d.text) for d in docs)
    print(f"corpus: {len(docs)} documents, {chars / 1e6:.2f} M chars")

    from storylens.annotate.entities import load_spacy_ner

    nlp = load_spacy_ner("en_core_web_sm")  # spaCy with only what its NER needs
    texts = [d.text[p.start:p.end] for d in docs for p in d.passages]
    list(nlp.pipe(texts[:50]))  # warm-up
    spacy_s = timed(lambda: list(nlp.pipe(texts, batch_size=64)))

    core = Annotator(AnnotateSettings(components=("entities", "dates", "claims", "quotes")))
    core(docs[:5])  # load models outside the timing
    core_s = timed(lambda: core(docs))
    clf = Annotator(AnnotateSettings(components=("persuasion",)))
    clf(docs[:5])
    clf_s = timed(lambda: clf(docs))

    rows = [("spaCy NER alone (reference)", spacy_s), ("annotate: entities+dates+claims+quotes", core_s),
            ("classifiers: techniques+frames+genre+check-worthiness", clf_s),
            ("annotate + classifiers", core_s + clf_s)]
    print(f"{'step':<56} {'seconds':>8} {'chars/s':>10} {'vs spaCy':>9}")
    for name, seconds in rows:
        print(f"{name:<56} {seconds:>8.2f} {chars / seconds:>10,.0f} {spacy_s / seconds:>8.2f}x")


if __name__ == "__main__":
    main()
