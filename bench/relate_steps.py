"""CPU time and memory of relate steps on a copy of an annotated store (the store itself is never written).

    .venv/bin/python bench/relate_steps.py STORE.db [STEP ...]      # default: every step but stories
    .venv/bin/python bench/relate_steps.py STORE.db --entities --all --outputs   # the whole cross-document part
    .venv/bin/python bench/relate_steps.py STORE.db --entities --all --outputs --fresh   # each in its own process
    .venv/bin/python bench/relate_steps.py STORE.db --trace         # and the Python heap's peak per step (slower)
    .venv/bin/python bench/relate_steps.py STORE.db --all --outputs --models   # from where analyze's relate starts
    .venv/bin/python bench/relate_steps.py STORE.db stories contested --dump before.json  # what the steps found
    .venv/bin/python bench/relate_steps.py STORE.db stories contested --compare before.json  # the same again?
    .venv/bin/python bench/relate_steps.py STORE.db stories --snapshot   # the heap's peak by source line

Copies STORE.db to a temporary folder, runs each step alone (``relate_store(store, [step])``, the
stored stories of the copy are what the later steps read) and prints its CPU seconds, what it found,
the process's RSS before the step, its peak during the step and the rise between them (the step's
own working set, sampled every 50 ms; a step that loads a model first counts the model too), and
the main story's size (documents and characters), which contested statements, labels and the
timeline scale with. ``--entities`` first resolves entities across documents again (the end of the
annotate stage); ``--outputs`` afterwards writes the outputs as ``storylens analyze`` does.
In one process a part's rise hides in what the parts before it freed; ``--fresh`` runs each part
in a process of its own (on the same copy, so each reads what the ones before stored), whose peak
is what that part needs. ``--trace`` adds the peak of memory allocated through Python
(tracemalloc: objects and numpy arrays, not the models' native buffers), which tells a step's own
data from what the libraries it loads take. ``--models`` first annotates a line in this process and
closes its workers as a one-process ``storylens analyze --workers 1`` does before relate, so that what
stays loaded (spaCy, the sentence encoder, the dictionaries) and the heap it leaves are counted as
in that run. Use it on the stores ``bench/scale.py --work DIR``
keeps (``DIR/run-N/one-core.db``) to measure one step before and after a change.

``--dump FILE`` writes what the steps stored (the stories, each document's story, off-event flag and
reason, the contested statements) as JSON; ``--compare FILE`` checks that a run stored exactly what an
earlier run's dump holds and says which part differs (exit status 1), so that a change meant to save
memory can be shown to change no result. ``--snapshot`` (with ``--trace``) takes a tracemalloc snapshot
whenever the heap has grown a tenth past the last one and prints, per step, the source lines that hold
most of it at its largest: what the step's own memory is made of.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from rss import Peak, rss_mb  # noqa: E402  (bench/rss.py)
from storylens.relate import STEPS, CorpusView, embeddings, relate_store  # noqa: E402
from storylens.store import Store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("steps", nargs="*", help=f"relate steps to run, of {', '.join(STEPS)}")
    parser.add_argument("--all", action="store_true", help="every relate step, stories included")
    parser.add_argument("--entities", action="store_true",
                        help="first resolve entities again (the end of the annotate stage)")
    parser.add_argument("--outputs", action="store_true", help="then write analysis.json and report.html")
    parser.add_argument("--fresh", action="store_true",
                        help="each part in a process of its own (what one part holds, not what the last left)")
    parser.add_argument("--trace", action="store_true", help="also the Python heap's peak per step (tracemalloc)")
    parser.add_argument("--models", action="store_true",
                        help="first load and drop the annotate models as a one-process `storylens analyze` does")
    parser.add_argument("--dump", type=Path, help="write what the steps stored to this JSON file")
    parser.add_argument("--compare", type=Path, help="check that the steps stored what this earlier --dump holds")
    parser.add_argument("--snapshot", action="store_true",
                        help="with --trace: the heap at its largest per step, by source line")
    parser.add_argument("--part", help=argparse.SUPPRESS)  # run one part on STORE itself (a --fresh child)
    args = parser.parse_args()
    if not args.store.is_file():
        sys.exit(f"no store at {args.store}")
    steps = list(STEPS) if args.all else args.steps or [s for s in STEPS if s != "stories"]
    unknown = set(steps) - set(STEPS)
    if unknown:
        sys.exit(f"unknown relate steps: {', '.join(sorted(unknown))}; choose from {', '.join(STEPS)}")
    if args.models:
        after_annotate()
    if args.part:
        with Store(args.store) as store:
            Part(store, args.trace).run(args.part)
        return
    parts = ["entities"] * args.entities + steps + ["outputs"] * args.outputs
    with tempfile.TemporaryDirectory(prefix="storylens-relate-") as tmp:
        copy = Path(tmp) / "store.db"
        shutil.copy(args.store, copy)
        with Store(copy) as store:
            view = CorpusView.of(store)
            main = view.main_ids
            chars = sum(len(doc.text) for doc in view.documents(main))
            print(f"{len(view.ids)} documents; main story {len(main)} documents, {chars / 1e6:.2f} M chars; "
                  f"store {args.store.stat().st_size / 2**20:.0f} MB on disk", flush=True)
            if not args.fresh:
                part = Part(store, args.trace or args.snapshot, args.snapshot)
                for name in parts:
                    part.run(name)
                if args.dump or args.compare:
                    check(results(store), args.dump, args.compare)
                return
        for name in parts:
            subprocess.run([sys.executable, __file__, str(copy), "--part", name] + ["--trace"] * args.trace
                           + ["--models"] * args.models, check=True)


def results(store: Store) -> dict[str, object]:
    """What the stories, claim-groups and contested steps stored, in a form two runs can be compared in."""
    rows = store.document_relations()
    return {"stories": store.relations("story"),
            "documents": {d: [story, off, why] for d, (story, off, why) in sorted(rows.items())},
            "claim_groups": store.relations("claim_group"),
            "claim_group_members": [list(r) for r in store.db.execute("SELECT * FROM claim_group_members ORDER BY 1, 2, 3")],
            "contested": store.relations("contested")}


def check(found: dict[str, object], dump: Path | None, compare: Path | None) -> None:
    """Write ``found`` to ``dump`` and/or compare it with the earlier dump ``compare``."""
    if dump:
        dump.write_text(json.dumps(found, ensure_ascii=False, sort_keys=True))
    if compare:
        earlier = json.loads(compare.read_text())
        now = json.loads(json.dumps(found, ensure_ascii=False, sort_keys=True))
        differ = [k for k in now if now[k] != earlier.get(k)]
        for key in differ:
            a, b = earlier.get(key), now[key]
            if isinstance(a, dict) and isinstance(b, dict):
                keys = [d for d in sorted(set(a) | set(b)) if a.get(d) != b.get(d)]
                print(f"  {key}: {len(keys)} of {len(b)} differ, first {keys[:3]}")
            else:
                n = sum(x != y for x, y in zip(a or [], b)) + abs(len(a or []) - len(b))
                print(f"  {key}: {n} of {len(b)} items differ")
        sizes = ", ".join(f"{len(v)} {k}" for k, v in now.items())  # type: ignore[arg-type]
        print(f"compared with {compare}: {'DIFFERENT in ' + ', '.join(differ) if differ else 'identical'} ({sizes})",
              flush=True)
        if differ:
            sys.exit(1)


def after_annotate() -> None:
    """What a one-process ``storylens analyze`` holds when relate starts: its workers read and
    annotated in this process (every model loaded) and were closed, and what they freed went back."""
    from storylens.annotate import annotate_store
    from storylens.config import Settings
    from storylens.ingest import ingest
    from storylens.memory import release
    from storylens.parallel import Workers

    settings = Settings()
    settings.parallel.workers = 1
    with tempfile.TemporaryDirectory(prefix="storylens-models-") as tmp, Store(Path(tmp) / "s.db") as store:
        text = Path(tmp) / "warm-up.txt"
        text.write_text("Dock workers in Dunmore walked out on 5 January 2022, the union said. Вони вимагали 300 гривень.")
        with Workers(settings.parallel) as workers:
            ingest([text], store, settings, progress=False, workers=workers)
            annotate_store(store, settings.annotate, progress=False, workers=workers)
    release()
    embeddings.encode(["the sentence encoder, loaded too"])
    print(f"annotate models loaded and dropped as analyze does: RSS {rss_mb():.0f} MB", flush=True)


class Part:
    """Runs one part (entity resolution, a relate step, the outputs) and prints its CPU time and memory."""

    def __init__(self, store: Store, trace: bool, snapshot: bool = False) -> None:
        self.store, self.trace, self.snapshot = store, trace, snapshot
        self.peak = Peak()
        if trace:
            tracemalloc.start()

    def run(self, name: str) -> None:
        self.peak.window()
        if self.trace:
            tracemalloc.reset_peak()
        watch = Largest() if self.snapshot else None
        cpu = time.process_time()
        found = self._do(name)
        seconds = time.process_time() - cpu
        if watch is not None:
            watch.report(name, len(CorpusView.of(self.store).ids))
        w = self.peak.window()
        traced = f"  Python heap peak {tracemalloc.get_traced_memory()[1] / 2**20:6.0f} MB" if self.trace else ""
        print(f"{name:<13} {seconds:8.1f} CPU s  RSS {w.start:5.0f} -> peak {w.parent:5.0f} MB "
              f"(+{w.rise:4.0f}){traced}  {found}", flush=True)

    def _do(self, name: str) -> object:
        if name == "entities":
            from storylens.annotate import resolve_entities

            return f"{resolve_entities(self.store)} entities"
        if name == "outputs":  # as `storylens analyze` writes them
            from storylens.analyze import write_outputs

            with tempfile.TemporaryDirectory(prefix="storylens-outputs-") as out:
                write_outputs(self.store, Path(out))
                return ", ".join(f"{p.name} {p.stat().st_size / 2**20:.1f} MB" for p in sorted(Path(out).iterdir()))
        return relate_store(self.store, [name], progress=False).found[name]


class Largest:
    """A thread that snapshots the traced heap whenever it has grown a tenth past the last snapshot
    (checked every 0.2 s), so the last snapshot is the heap near its largest."""

    def __init__(self) -> None:
        self.best: tracemalloc.Snapshot | None = None
        self.size = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.wait(0.2):
            current = tracemalloc.get_traced_memory()[0]
            if current > 1.1 * max(self.size, 2**20):
                self.best, self.size = tracemalloc.take_snapshot(), current
                self.size = sum(s.size for s in self.best.statistics("filename"))

    def report(self, name: str, docs: int, top: int = 25) -> None:
        self._stop.set()
        self._thread.join()
        if self.best is None:
            return
        stats = self.best.filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)]).statistics("lineno")
        print(f"{name}: heap at its largest snapshot {self.size / 2**20:.0f} MB; "
              f"by source line (MB, KB per document of {docs}):")
        for s in stats[:top]:
            frame = s.traceback[0]
            where = f"{Path(frame.filename).name}:{frame.lineno}"
            print(f"  {s.size / 2**20:8.1f} MB {s.size / 1024 / max(docs, 1):7.2f} KB/doc {s.count:9d} blocks  {where}")


if __name__ == "__main__":
    main()
