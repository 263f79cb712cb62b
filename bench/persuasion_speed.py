"""Throughput of the persuasion / frames / genre / check-worthiness classifiers on one core.

Baseline: the cleaning pipeline (read → clean: mojibake, boilerplate, repeats, metadata,
passages, sentences, languages) over the same documents. Then the classifiers on the
cleaned output: techniques per passage, frames and genre per document (reusing the passage
embeddings), check-worthiness per sentence. Prints paragraphs/s and the slowdown ratio.

    OMP_NUM_THREADS=1 python bench/persuasion_speed.py [--docs 120] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import os
import sys
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
from storylens.persuasion import Classifiers  # noqa: E402
from storylens.persuasion.features import Embedder  # noqa: E402


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

    t0 = time.perf_counter()
    raws = [raw for f in corpus_files(args.data, args.docs) for raw in read_file(f, settings.read)]
    docs = [clean_document(raw, settings.clean) for raw in raws]
    t_pipeline = time.perf_counter() - t0
    paragraphs = [[d.text[p.start:p.end] for p in d.passages] for d in docs]
    sentences = [[d.text[s.start:s.end] for s in d.sentences] for d in docs]
    n_par = sum(map(len, paragraphs))
    n_sent = sum(map(len, sentences))
    print(f"corpus: {len(docs)} documents, {n_par} paragraphs, {n_sent} sentences")
    print(f"baseline pipeline (read + clean, no classifiers): {t_pipeline:.2f} s = {n_par / t_pipeline:.0f} paragraphs/s")

    t0 = time.perf_counter()
    clf = Classifiers.load(embedder=Embedder())
    clf.checkworthiness(["warm up"])  # loads the encoder (once per process)
    t_load = time.perf_counter() - t0
    print(f"loading weights + encoder (once per process): {t_load:.2f} s")

    timings = {}
    t0 = time.perf_counter()
    clf.techniques([p for ps in paragraphs for p in ps])
    timings["techniques"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    texts = ["\n\n".join(ps) for ps in paragraphs]
    clf.frames(texts)
    clf.genre(texts)
    timings["frames+genre (reusing paragraph embeddings)"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    clf.checkworthiness([s for ss in sentences for s in ss])
    timings["check-worthiness (per sentence)"] = time.perf_counter() - t0
    total = sum(timings.values())
    for name, t in timings.items():
        print(f"  {name:45s} {t:6.2f} s")
    print(f"classifiers: {total:.2f} s = {n_par / total:.0f} paragraphs/s "
          f"(+ {n_sent / timings['check-worthiness (per sentence)']:.0f} sentences/s for check-worthiness)")
    ratio = (t_pipeline + total) / t_pipeline
    print(f"pipeline with classifiers / without: {ratio:.2f}x  (budget 1.30x)")
    no_cw = (t_pipeline + total - timings["check-worthiness (per sentence)"]) / t_pipeline
    print(f"  without per-sentence check-worthiness:  {no_cw:.2f}x")


if __name__ == "__main__":
    main()
