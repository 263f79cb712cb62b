"""Story grouping on BSNLP SlavNER: mix every topic and language, group, compare with the topics.

    .venv/bin/python bench/stories.py                      # all documents
    .venv/bin/python bench/stories.py --per-group 40       # at most 40 documents per topic and language
    .venv/bin/python bench/stories.py --both               # also the large-corpus path (sample + assign)

Reads ``../shared/data/bsnlp/<topic>/raw/<lang>/*`` (first lines: id, language, date, url; then
the text, its first line being the title). Prints the adjusted Rand index (sklearn) between the
found stories and the topics, overall and per language (documents of one language only, same
clustering), the number of stories, and timings. Nothing from the data set is written anywhere.

Scaling: embedding is linear (about 80 sentences/s per core under load, 6 sentences per
document here); the full-matrix path is O(n²) time and memory (used up to
storylens.relate.stories.FULL_LIMIT = 4,000 documents); the large-corpus path clusters a sample of
SAMPLE = 2,000 documents in full and assigns the rest to the nearest story centroid, O(SAMPLE² + n·stories).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

from sklearn.metrics import adjusted_rand_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylens.doc import Document, Sentence  # noqa: E402
from storylens.relate import stories  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "bsnlp"
_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def read_bsnlp(data: Path, per_group: int | None, seed: int) -> tuple[list[Document], list[str]]:
    groups: dict[tuple[str, str], list[Path]] = defaultdict(list)
    for path in sorted(data.glob("*/raw/**/*")):
        if path.is_file():
            topic = path.relative_to(data).parts[0]
            groups[(topic, path.parent.name)].append(path)
    rng = random.Random(seed)
    docs, topics = [], []
    for (topic, _lang), paths in sorted(groups.items()):
        if per_group and len(paths) > per_group:
            paths = rng.sample(paths, per_group)
        for path in paths:
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            if len(lines) < 5:
                continue
            doc_id, lang, date, url = (x.strip() for x in lines[:4])
            body = "\n".join(lines[4:]).strip()
            title = body.split("\n", 1)[0].strip()
            text = body
            sentences = [Sentence(m.start(), m.end(), 0) for m in _SENT.finditer(text) if m.group().strip()]
            docs.append(Document(id=f"{topic}/{path.name}", origin=str(path), format="txt", raw_text="", text=text,
                                 meta={"language": lang, "published": date, "title": title, "url": url},
                                 sentences=sentences))
            topics.append(topic)
    return docs, topics


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--per-group", type=int, default=None, help="at most N documents per topic and language")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threshold", type=float, nargs="*", default=[None],
                    help="story thresholds to try (default: the library's, see storylens.relate.stories)")
    ap.add_argument("--max-sentences", type=int, default=6)
    ap.add_argument("--sparse", action="store_true", help="use the large-corpus path (sample + assign) whatever the size")
    ap.add_argument("--both", action="store_true", help="run the full-matrix and the large-corpus paths")
    ap.add_argument("--time-penalty", type=float, nargs="*", default=[0.35],
                    help="time penalties to try (0: content only)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    docs, topics = read_bsnlp(args.data, args.per_group, args.seed)
    langs = [d.meta["language"] for d in docs]
    print(f"{len(docs)} documents, {len(set(topics))} topics, {len(set(langs))} languages; "
          f"read in {time.perf_counter() - t0:.1f}s")

    t1 = time.perf_counter()
    stories.document_vectors(docs, args.max_sentences)  # warm the embedding cache, timed on its own
    t_embed = time.perf_counter() - t1
    n_sent = sum(min(len(d.sentences) + 1, args.max_sentences) for d in docs)
    print(f"embedding: {t_embed:.1f}s ({n_sent / max(t_embed, 1e-9):.0f} sentences/s)")

    paths = [False, True] if args.both else [args.sparse]
    for sparse, penalty, threshold in [(s, p, t) for s in paths for p in args.time_penalty for t in args.threshold]:
        t2 = time.perf_counter()
        _, doc_story, _ = stories.group_stories(
            docs, threshold=threshold, max_sentences=args.max_sentences,
            time_penalty=penalty, full_limit=0 if sparse else stories.FULL_LIMIT)
        t_group = time.perf_counter() - t2
        pred = [doc_story[d.id] for d in docs]
        print(f"\nthreshold {threshold or 'default'}, time penalty {penalty}: {len(set(pred))} stories, "
              f"grouping {t_group:.1f}s "
              f"({f'sample of {stories.SAMPLE} + assign' if sparse or len(docs) > stories.FULL_LIMIT else 'full matrix'})")
        print(f"  ARI overall: {adjusted_rand_score(topics, pred):.3f}")
        for lang in sorted(set(langs)):
            idx = [i for i, x in enumerate(langs) if x == lang]
            if len({topics[i] for i in idx}) < 2:
                continue
            ari = adjusted_rand_score([topics[i] for i in idx], [pred[i] for i in idx])
            print(f"  ARI {lang}: {ari:.3f}  ({len(idx)} documents)")
    print(f"\ntotal {time.perf_counter() - t0:.1f}s")


if __name__ == "__main__":
    main()
