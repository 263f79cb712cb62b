"""Story grouping on BSNLP SlavNER: each topic alone, then every topic and language mixed.

    .venv/bin/python bench/stories.py                      # all documents
    .venv/bin/python bench/stories.py --per-group 40       # at most 40 documents per topic and language
    .venv/bin/python bench/stories.py --set join=0.2 join=0.25,lead_min_words=0   # compare StorySettings
    .venv/bin/python bench/stories.py --cache /tmp/bsnlp-emb.npz   # keep lead embeddings between runs
    .venv/bin/python bench/stories.py --seeds 0 1 2 3 4           # mixed run's mean ARI over 5 orders
    .venv/bin/python bench/stories.py --steps-at 1 4               # time and memory of the many-topics steps
    .venv/bin/python bench/stories.py --events /tmp/ev --seeds 0 1 2   # the development event corpora mixed instead

Reads ``../shared/data/bsnlp/<topic>/raw/<lang>/*`` (first lines: id, language, date, url; then
the text, its first line being the title). For each topic alone (a topic is broader than one
event, but its documents should form one main story): the number of stories, the share of the
topic's documents in the main story and whether every language is in it. Then all topics mixed:
the adjusted Rand index (sklearn) between the found stories and the topics. Nothing from the
data set is written anywhere. Grouping is O(n · stories) (storylens.relate.stories).

With ``--events DIR`` (the ``--out`` folder of bench/events.py) the documents are those of every
``<slug>.db`` there instead, each corpus a topic: a corpus of many topics in en, ru and uk on which
the many-topics steps were not developed (read without annotations, as BSNLP is: each store numbers
its entities on its own).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.metrics import adjusted_rand_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylens.doc import Document, Sentence  # noqa: E402
from storylens.relate import embeddings  # noqa: E402
from storylens.config import StorySettings  # noqa: E402
from storylens.relate.stories import group_stories  # noqa: E402
from offevent_subsets import settings_with  # noqa: E402  (bench/ is on the path when run as a script)

DATA = ROOT.parent / "shared" / "data" / "bsnlp"
# The data set writes Czech and Ukrainian two ways; storylens's language detection gives one code.
SAME_LANGUAGE = {"cz": "cs", "ua": "uk"}
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
            lang = SAME_LANGUAGE.get(lang.lower(), lang.lower())
            body = "\n".join(lines[4:]).strip()
            title = body.split("\n", 1)[0].strip()
            text = body
            sentences = [Sentence(m.start(), m.end(), 0) for m in _SENT.finditer(text) if m.group().strip()]
            docs.append(Document(id=f"{topic}/{path.name}", origin=str(path), format="txt", raw_text="", text=text,
                                 meta={"language": lang, "published": date, "title": title, "url": url},
                                 sentences=sentences))
            topics.append(topic)
    return docs, topics


def read_event_dbs(folder: Path) -> tuple[list[Document], list[str]]:
    """Every document of each ``<slug>.db`` in ``folder``, its topic the slug."""
    from storylens.relate import CorpusView
    from storylens.store import Store

    docs, topics = [], []
    for db in sorted(folder.glob("*.db")):
        with Store(db) as store:
            for doc in CorpusView.of(store).documents():
                docs.append(doc)
                topics.append(db.stem)
    return docs, topics


def steps_at(docs: list[Document], topics: list[str], copies: list[int]) -> None:
    """The many-topics steps (relate.stories._reassign_by_distinctive_terms over the corpus, then within
    each language; _split_by_time; _join_one_language_stories) on the documents' lead terms and true
    topics repeated ``k`` times: CPU seconds and tracemalloc peak."""
    import tracemalloc

    from storylens.relate.stories import (_facts, _join_one_language_stories, _reassign_by_distinctive_terms,
                                          _split_by_time, _term_matrix)

    settings = StorySettings()
    facts = [_facts(d, None, settings)[0] for d in docs]
    _, labels = np.unique(topics, return_inverse=True)
    for k in copies:
        many = facts * k
        terms = _term_matrix(many, settings.max_terms, settings.min_language_docs)
        tiled = np.tile(labels, k)
        languages = [f.language for f in many]
        tracemalloc.start()
        t0 = time.process_time()
        moved = _reassign_by_distinctive_terms(terms, tiled, settings)
        split = _split_by_time(terms, _reassign_by_distinctive_terms(terms, moved, settings, languages), many, settings)
        _join_one_language_stories(terms, split, many, settings)
        cpu = time.process_time() - t0
        peak = tracemalloc.get_traced_memory()[1] / 2 ** 20
        tracemalloc.stop()
        print(f"{len(many):6} documents: {cpu:.2f} CPU s, peak {peak:.1f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--per-group", type=int, default=None, help="at most N documents per topic and language")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--set", nargs="+", default=[""], dest="variants",
                    help="StorySettings changes per run, e.g. join=0.2,lead_min_words=0 (default: the defaults)")
    ap.add_argument("--seeds", type=int, nargs="+", default=[0],
                    help="clustering order seeds of the mixed run (StorySettings.seed); the mean ARI is printed")
    ap.add_argument("--cache", type=Path, default=None,
                    help="an .npz file of lead embeddings kept between runs (outside the repository)")
    ap.add_argument("--events", type=Path, default=None,
                    help="the --out folder of bench/events.py: its corpora mixed, instead of BSNLP")
    ap.add_argument("--steps-at", type=int, nargs="+", default=None,
                    help="time (CPU s) and peak memory of the distinctive-term and time steps on the mixed run's "
                         "documents repeated N times (their growth with the corpus), then exit")
    args = ap.parse_args()
    if args.cache and args.cache.exists():
        with np.load(args.cache) as cached:
            embeddings._cache.update(zip((k.tobytes() for k in cached["keys"]), cached["vectors"]))

    t0 = time.perf_counter()
    docs, topics = read_event_dbs(args.events) if args.events else read_bsnlp(args.data, args.per_group, args.seed)
    langs = [d.meta["language"] for d in docs]
    print(f"{len(docs)} documents, {len(set(topics))} topics, {len(set(langs))} languages; "
          f"read in {time.perf_counter() - t0:.1f}s")
    if args.steps_at:
        steps_at(docs, topics, args.steps_at)
        return
    for variant in args.variants:
        settings = settings_with(variant)
        print(f"\n{variant or 'defaults'}")
        print("topic alone: documents, stories, main story's share, languages in it / in the topic")
        for topic in sorted(set(topics)):
            sub = [d for d, t in zip(docs, topics) if t == topic]
            stories_, doc_story, _, _ = group_stories(sub, settings=settings)
            main = set(stories_[0]["documents"])
            sub_langs = {d.meta["language"] for d in sub}
            main_langs = {d.meta["language"] for d in sub if d.id in main}
            print(f"  {topic:18} {len(sub):5} {len(stories_):4} {len(main) / len(sub):6.3f}  "
                  f"{len(main_langs)}/{len(sub_langs)}{'' if main_langs == sub_langs else ' missing ' + ','.join(sorted(sub_langs - main_langs))}")
        scores = []
        for seed in args.seeds:  # DP-means depends on the order documents arrive in
            t2 = time.perf_counter()
            _, doc_story, _, _ = group_stories(docs, settings=replace(settings, seed=seed))
            pred = [doc_story[d.id] for d in docs]
            scores.append(adjusted_rand_score(topics, pred))
            print(f"all topics mixed, seed {seed}: {len(set(pred))} stories, ARI {scores[-1]:.3f} "
                  f"({time.perf_counter() - t2:.1f}s)")
        if len(scores) > 1:
            print(f"all topics mixed: mean ARI {np.mean(scores):.3f} over seeds {' '.join(map(str, args.seeds))}")
    if args.cache and embeddings._cache:
        keys = list(embeddings._cache)
        np.savez(args.cache, keys=np.frombuffer(b"".join(keys), dtype=np.uint8).reshape(len(keys), -1),
                 vectors=np.stack([embeddings._cache[k] for k in keys]))
    print(f"\ntotal {time.perf_counter() - t0:.1f}s")


if __name__ == "__main__":
    main()
