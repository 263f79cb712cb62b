"""Ingest speed and memory on one core, against the floor of ftfy + lingua on the same texts.

    python bench/ingest.py               # 10,000 documents
    python bench/ingest.py --docs 2000   # quicker
    python bench/ingest.py --keep        # keep the corpus and database in bench/_corpus/
    python bench/ingest.py --corpus DIR --steps   # an existing corpus (bench/scale.py's), CPU per step
    python bench/ingest.py --corpus DIR --workers 2   # this process's CPU is then the parent's serial share
    python bench/ingest.py --corpus DIR --db OUT.db   # keep the store (bench/ingest_compare.py compares two)

The corpus is generated from examples/kazakhstan-2022 by varying each example (paragraphs
shuffled, numbers and names swapped, paragraphs mixed in from other documents of the same
language) while keeping its format, encoding and noise (banners, chrome, HTML, JSONL, cp1251).
"""

from __future__ import annotations

import os

# One core: no hidden thread pools in numpy/BLAS, and the process pinned to a single CPU.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
             "VECLIB_MAXIMUM_THREADS", "RAYON_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import csv  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import sqlite3  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "kazakhstan-2022"
KEEP_DIR = ROOT / "bench" / "_corpus"

NAMES = {
    "en": ["Almaty", "Astana", "Shymkent", "Aktobe", "Zhanaozen", "Taraz", "Tokayev", "Nazarbayev", "Massimov",
           "Karaganda", "Pavlodar", "Atyrau"],
    "ru": ["Алматы", "Астана", "Шымкент", "Актобе", "Жанаозен", "Тараз", "Токаев", "Назарбаев", "Масимов",
           "Караганда", "Павлодар", "Атырау"],
}
_NUMBER = re.compile(r"(?<![\w/.-])\d{1,5}(?![\w/-])")


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:  # not Linux: fall back to the peak
        return _peak_mb()


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


# --- the corpus ---------------------------------------------------------------------------------


class Varier:
    """Makes new documents from an example: same format and noise, different numbers, names, order."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.pool: dict[str, list[str]] = {"en": [], "ru": []}

    def language(self, text: str) -> str:
        cyr = sum("а" <= ch.lower() <= "я" for ch in text[:2000])
        return "ru" if cyr > 100 else "en"

    def learn(self, text: str) -> None:
        self.pool[self.language(text)] += [p for p in text.split("\n\n") if len(p) > 120]

    def words(self, text: str, lang: str) -> str:
        rng = self.rng
        text = _NUMBER.sub(lambda m: str(max(1, int(int(m.group()) * rng.uniform(0.5, 1.7)))), text)
        names = NAMES[lang]
        swap = dict(zip(names, rng.sample(names, len(names))))
        return re.sub("|".join(map(re.escape, names)), lambda m: swap[m.group()], text)

    def text(self, text: str) -> str:
        """Shuffle the body paragraphs (head and tail stay: that is where bylines and footers live),
        mix in one paragraph from another document, swap numbers and names."""
        lang = self.language(text)
        sep = "\n\n" if text.count("\n\n") >= 3 else "\n"
        parts = text.split(sep)
        head, body, tail = parts[:2], parts[2:-2], parts[-2:]
        self.rng.shuffle(body)
        if self.pool[lang] and self.rng.random() < 0.7:
            body.insert(self.rng.randrange(len(body) + 1), self.rng.choice(self.pool[lang]))
        if len(body) > 3 and self.rng.random() < 0.3:
            body.pop(self.rng.randrange(len(body)))
        return self.words(sep.join(head + body + tail), lang)

    def html(self, html: str) -> str:
        """The same page with its <p> elements shuffled and words swapped; markup and scripts kept."""
        paras = re.findall(r"<p>.*?</p>", html, flags=re.S)
        shuffled = paras[:]
        self.rng.shuffle(shuffled)
        it = iter(shuffled)
        html = re.sub(r"<p>.*?</p>", lambda m: next(it), html, flags=re.S)
        return self.words(html, "en")


# --- other events, mixed in ------------------------------------------------------------------
# Written for this benchmark: paragraph templates about three made-up events, so that a corpus
# holds several stories at once, as real collections do. Slots: {place} {n} {m} {day} {who}.

EVENTS: dict[str, dict[str, list[str]]] = {
    "flood": {
        "en": [
            "The river burst its banks near {place} on {day}, and at least {n} people were evacuated from low-lying streets.",
            "Rescue crews said {m} houses were still under water, while {who} warned that more rain was expected overnight.",
            "According to {who}, {n} people have been taken to temporary shelters set up in schools and sports halls.",
            "Local residents criticised the authorities, saying the dam near {place} had not been inspected for years.",
            "The regional governor declared a state of emergency and promised compensation of {m} dollars per family.",
            "Insurance companies estimate the damage at {n} million dollars, though {who} called that figure too low.",
            "Volunteers from {place} brought drinking water and blankets to the villages cut off by the flood.",
        ],
        "ru": [
            "Река вышла из берегов у посёлка {place} {day}; эвакуированы не менее {n} человек.",
            "По данным спасателей, под водой остаются {m} домов, а {who} предупреждает о новых дождях.",
            "Жители {place} обвиняют власти в том, что плотину не проверяли много лет.",
            "Губернатор ввёл режим чрезвычайной ситуации и пообещал выплатить по {m} рублей каждой семье.",
        ],
        "uk": [
            "Річка вийшла з берегів біля селища {place} {day}; евакуйовано щонайменше {n} людей.",
            "За даними рятувальників, під водою залишаються {m} будинків, а {who} попереджає про нові дощі.",
            "Мешканці {place} звинувачують владу в тому, що дамбу не перевіряли багато років.",
        ],
    },
    "strike": {
        "en": [
            "Pilots of the national airline walked out on {day}, grounding {n} flights and stranding passengers in {place}.",
            "The union says {m} of its members joined the strike over pay and rest periods; the airline puts the number lower.",
            "{who} said the company had offered a raise of {m} per cent, which the pilots' union rejected as an insult.",
            "Passengers at the airport in {place} queued for hours, and at least {n} of them slept in the terminal.",
            "The transport ministry called both sides to talks and warned that the strike was costing {n} million a day.",
            "A spokesman for the airline denied that safety had been compromised by the cancellations.",
        ],
        "ru": [
            "Пилоты национальной авиакомпании {day} начали забастовку: отменены {n} рейсов, пассажиры застряли в {place}.",
            "Профсоюз утверждает, что к забастовке присоединились {m} пилотов; авиакомпания называет меньшую цифру.",
            "По словам {who}, компания предложила повысить зарплату на {m} процентов, но профсоюз отказался.",
        ],
        "uk": [
            "Пілоти національної авіакомпанії {day} розпочали страйк: скасовано {n} рейсів, пасажири застрягли в {place}.",
            "Профспілка стверджує, що до страйку приєдналися {m} пілотів; авіакомпанія називає меншу цифру.",
        ],
    },
    "blast": {
        "en": [
            "An explosion tore through a chemical plant outside {place} on {day}, killing {n} workers and injuring {m}.",
            "Investigators said the blast started in a storage tank; {who} did not rule out sabotage.",
            "Officials reported {n} dead, but a trade union in {place} said the real toll was higher.",
            "Residents within {m} kilometres of the plant were told to keep their windows closed because of the smoke.",
            "The owner of the plant denied that safety rules had been broken and promised to cooperate with the inquiry.",
            "Two days later, {who} said that {n} people were still missing under the rubble.",
        ],
        "ru": [
            "На химическом заводе под {place} {day} произошёл взрыв: погибли {n} рабочих, ранены {m}.",
            "Следователи сообщили, что взрыв начался в резервуаре; {who} не исключает диверсию.",
            "Официально погибших {n}, но профсоюз {place} утверждает, что их больше.",
        ],
        "uk": [
            "На хімічному заводі під {place} {day} стався вибух: загинули {n} робітників, поранено {m}.",
            "Слідчі повідомили, що вибух почався в резервуарі; {who} не виключає диверсії.",
        ],
    },
}
EVENT_SLOTS = {
    "en": {"place": ["Northbridge", "Lower Vale", "Port Aldis", "Kestrel Bay", "Millford", "Greystone"],
           "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
           "who": ["the emergency service", "a local councillor", "the police", "the mayor's office",
                   "a spokeswoman for the ministry", "independent observers"]},
    "ru": {"place": ["Северный", "Заречье", "Каменка", "Озёрный", "Берёзовка"],
           "day": ["в понедельник", "во вторник", "в среду", "в четверг", "в пятницу"],
           "who": ["МЧС", "местный депутат", "полиция", "пресс-служба министерства"]},
    "uk": {"place": ["Заріччя", "Кам'янка", "Озерне", "Березівка"],
           "day": ["у понеділок", "у вівторок", "у середу", "у четвер", "у п'ятницю"],
           "who": ["ДСНС", "місцевий депутат", "поліція", "пресслужба міністерства"]},
}
EVENT_CHROME = {"en": ["Share this article", "Subscribe to our channel", "Advertisement"],
                "ru": ["Подписывайтесь на наш канал", "Поделиться"], "uk": ["Підписуйтесь на наш канал", "Поділитися"]}


def event_document(rng: random.Random, number: int, event: str) -> tuple[str, str, str]:
    """A new post or article about the made-up ``event``: (text, language, event)."""
    lang = rng.choices(["en", "ru", "uk"], weights=[6, 3, 2])[0]
    slots = EVENT_SLOTS[lang]
    templates = EVENTS[event][lang]
    paras = [template.format(
        place=rng.choice(slots["place"]), day=rng.choice(slots["day"]), who=rng.choice(slots["who"]),
        n=rng.randint(2, 400), m=rng.randint(2, 90)) for template in rng.sample(templates, rng.randint(1, len(templates)))]
    if rng.random() < 0.4:
        paras.append(rng.choice(EVENT_CHROME[lang]))
    return "\n\n".join(paras) + f"\n\n#{number}\n", lang, event


def build_corpus(folder: Path, n_docs: int, seed: int = 1, mixed: float = 0.0) -> tuple[int, int]:
    """Write about ``n_docs`` documents (JSONL files hold several) under ``folder``; return (documents, bytes).

    ``mixed``: the share of documents about the made-up events of EVENTS rather than variants of
    the examples (posts, a JSONL file of a hundred for every thousand documents, and articles).
    Shares are kept by documents, not files, at every size: the examples' event holds ``1 - mixed``
    of the documents and each made-up event an equal part of the rest, so the same event is the
    largest at every size and each event's text grows with the corpus (a share drawn per file let
    one JSONL of a hundred posts tip the balance, and at 4,000 documents the examples' event held
    37 % of the documents, not 50 %).
    """
    folder.mkdir(parents=True, exist_ok=True)
    varier = Varier(seed)
    events_rng = random.Random(seed + 1)
    examples = []
    manifest = {row["path"]: row for row in csv.DictReader((EXAMPLES / "manifest.csv").open(encoding="utf-8"))}
    for path in sorted(EXAMPLES.iterdir()):
        if path.name == "manifest.csv" or path.name.startswith("."):
            continue
        data = path.read_bytes()
        encoding = "cp1251" if "cp1251" in path.name else "utf-8"
        text = data.decode(encoding)
        if path.suffix == ".txt":
            varier.learn(text)
        examples.append((path, text, encoding))

    seen: set[str] = set()

    def distinct(make, text: str) -> str:
        """A variant not generated before (short posts may otherwise repeat): every document is new."""
        for _ in range(5):
            out = make(text)
            if out not in seen:
                break
        else:
            out = out.rstrip("\n") + f" ({len(seen)})\n"
        seen.add(out)
        return out

    rows = []
    docs = n_bytes = i = event_docs = example_files = 0
    events = sorted(EVENTS)
    while docs < n_docs:
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        if event_docs < mixed * (docs + 1):
            count = min(n_docs - docs, 100) if events_rng.random() < 0.01 else 1
            made = [event_document(events_rng, i * 100 + k, events[(event_docs + k) % len(events)])
                    for k in range(count)]
            event_docs += count
            name = f"{i:06d}_{made[0][2]}.{'jsonl' if count > 1 else 'txt'}"
            if count > 1:
                data = "".join(json.dumps({"text": t, "language": lang, "channel": f"{event} watch"},
                                          ensure_ascii=False) + "\n" for t, lang, event in made).encode()
            else:
                data = made[0][0].encode()
            (sub / name).write_bytes(data)
            rows.append({"path": f"{sub.name}/{name}", "source": f"{made[0][2]} desk {i % 7}",
                         "source_type": "news" if count == 1 else "telegram"})
            docs += count
            n_bytes += len(data)
            i += 1
            continue
        path, text, encoding = examples[example_files % len(examples)]
        example_files += 1
        name = f"{i:06d}_{path.name}"
        if path.suffix == ".html":
            out, count = distinct(varier.html, text), 1
        elif path.suffix == ".jsonl":
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
            records = records[: max(1, min(len(records), n_docs - docs))]
            for record in records:
                record["text"] = distinct(varier.text, record["text"])
            out, count = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), len(records)
        else:
            out, count = distinct(varier.text, text), 1
        data = out.encode(encoding, errors="replace")
        (sub / name).write_bytes(data)
        row = dict(manifest.get(path.name, {}), path=f"{sub.name}/{name}")
        rows.append(row)
        docs += count
        n_bytes += len(data)
        i += 1
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["path", "source", "source_type", "url", "published", "language"])
        writer.writeheader()
        writer.writerows(rows)
    return docs, n_bytes


# --- measuring ----------------------------------------------------------------------------------


class RssSampler(threading.Thread):
    """Samples RSS every 50 ms (the read pass has no callback of its own)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.samples: list[tuple[float, float]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.05):
            self.samples.append((time.perf_counter(), _rss_mb()))


def run_ingest(corpus: Path, db: Path, n_docs: int, workers: int = 1) -> dict[str, object]:
    from storylens.config import Settings
    from storylens.ingest import ingest
    from storylens.store import Store

    settings = Settings()
    settings.parallel.workers = workers  # 1: one core (bench/scale.py measures the speed-up of workers)

    milestones = sorted({m for m in (1000, 2000, 5000, 10000, n_docs // 10, n_docs // 5, n_docs // 2, n_docs)
                         if 0 < m <= n_docs})
    at: list[tuple[int, float, float]] = []  # (documents cleaned, seconds, RSS MB)
    cleaned = 0
    first_clean = first_clean_cpu = None
    start, start_cpu = time.perf_counter(), time.process_time()

    def on_document(_doc_id: str) -> None:
        nonlocal cleaned, first_clean, first_clean_cpu
        cleaned += 1
        if first_clean is None:
            first_clean, first_clean_cpu = time.perf_counter(), time.process_time()
        if cleaned in milestones:
            at.append((cleaned, time.process_time() - start_cpu, _rss_mb()))

    sampler = RssSampler()
    rss_before = _rss_mb()
    sampler.start()
    with Store(db) as store:
        summary = ingest([corpus], store, settings, progress=False, on_document=on_document)
    total, total_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    sampler.stop.set()
    sampler.join()
    return {"summary": summary, "wall": total, "total": total_cpu, "workers": workers,
            "read_pass": (first_clean_cpu or time.process_time()) - start_cpu,
            "read_pass_wall": (first_clean or time.perf_counter()) - start,
            "milestones": at, "rss_before": rss_before, "samples": sampler.samples, "start": start}


# The steps timed by --steps: (module, function), each counted where ingest calls it.
STEPS = [
    ("storylens.ingest", "_read"), ("storylens.store.db:Store", "add_raws"),
    ("storylens.clean", "fix_mojibake"), ("storylens.clean", "find_boilerplate"), ("storylens.clean", "find_repeats"),
    ("storylens.clean", "find_metadata"), ("storylens.clean", "find_signature"), ("storylens.clean", "passages_of"),
    ("storylens.clean", "sentences_of"), ("storylens.clean", "label_passages"), ("storylens.ingest", "corpus_languages"),
    ("storylens.ingest", "signature"), ("storylens.ingest", "band_keys"),
    ("storylens.store.db:Store", "canonical_copy"),
    ("storylens.store.db:Store", "save_clean"), ("storylens.store.db:_Transaction", "__exit__"),
]


def time_steps() -> dict[str, list[float]]:
    """Wrap each of STEPS to add up its CPU seconds and calls; returns the live counters."""
    import functools
    import importlib

    counters: dict[str, list[float]] = {}
    for where, name in STEPS:
        module_name, _, cls = where.partition(":")
        owner = importlib.import_module(module_name)
        owner = getattr(owner, cls) if cls else owner
        key = "commit" if name == "__exit__" else name
        counter = counters.setdefault(key, [0.0, 0])

        def timed(*args, _f=getattr(owner, name), _c=counter, **kwargs):  # noqa: ANN001, ANN002, ANN003
            t = time.process_time()
            try:
                return _f(*args, **kwargs)
            finally:
                _c[0] += time.process_time() - t
                _c[1] += 1

        setattr(owner, name, functools.wraps(getattr(owner, name))(timed))
    return counters


def report_steps(counters: dict[str, list[float]], n_docs: int) -> None:
    print(f"\n{'step (CPU, nested in _read or the clean pass)':<46}{'s':>8}{'ms/doc':>9}{'calls':>8}")
    for name, (seconds, calls) in sorted(counters.items(), key=lambda kv: -kv[1][0]):
        print(f"{name:<46}{seconds:>8.2f}{1000 * seconds / max(1, n_docs):>9.3f}{calls:>8}")


def run_floor(db: Path) -> dict[str, float]:
    """ftfy.fix_text + lingua on the same texts, with the pipeline's own settings and sampling."""
    import ftfy

    from storylens.clean.language import SAMPLE_CHARS, _detector
    from storylens.clean.mojibake import _CONFIG
    from storylens.config import CleanSettings

    settings = CleanSettings()
    detector = _detector(tuple(settings.languages))
    with sqlite3.connect(db) as con:
        texts = [r[0] for r in con.execute("SELECT raw_text FROM documents ORDER BY seq")]
    gc.collect()
    t = time.process_time()
    for text in texts:
        ftfy.fix_text(text, _CONFIG)
    t_ftfy = time.process_time() - t
    t = time.process_time()
    for text in texts:
        for para in text.split("\n\n"):
            if sum(ch.isalpha() for ch in para[:SAMPLE_CHARS]) >= settings.min_letters_for_language:
                detector.detect_language_of(para[:SAMPLE_CHARS])
    t_lingua = time.process_time() - t
    return {"ftfy": t_ftfy, "lingua": t_lingua, "floor": t_ftfy + t_lingua, "texts": len(texts),
            "chars": sum(map(len, texts))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents to generate (default 10000)")
    parser.add_argument("--keep", action="store_true", help=f"keep corpus and database in {KEEP_DIR}")
    parser.add_argument("--profile", metavar="FILE", help="also write a cProfile of the ingest to FILE")
    parser.add_argument("--corpus", type=Path, help="ingest this folder instead of generating one (--docs is ignored)")
    parser.add_argument("--db", type=Path, help="write the store here and keep it (for bench/ingest_compare.py); "
                        "the file must not exist")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1: everything on one "
                        "core; with more, the CPU seconds printed are the parent's: reading the store, writing it)")
    parser.add_argument("--steps", action="store_true", help="also print CPU seconds per step (read, each cleaning "
                        "step, near-duplicate signature and lookup, writes, commits)")
    args = parser.parse_args()

    if args.workers == 1 and hasattr(os, "sched_setaffinity"):  # workers would inherit one core
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    if args.keep:
        shutil.rmtree(KEEP_DIR, ignore_errors=True)
        work = KEEP_DIR
        work.mkdir(parents=True)
    else:
        work = Path(tempfile.mkdtemp(prefix="storylens-bench-"))
    try:
        corpus, db = args.corpus or work / "corpus", args.db or work / "bench.db"
        if args.db and args.db.exists():
            parser.error(f"{args.db} exists: ingest would only add to it")
        t = time.perf_counter()
        if args.corpus:
            n_docs, n_bytes = 0, sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file())
        else:
            n_docs, n_bytes = build_corpus(corpus, args.docs)
        print(f"corpus: {n_docs or 'the'} documents, {n_bytes / 2**20:.1f} MB in {corpus} "
              f"(built in {time.perf_counter() - t:.1f} s)")

        # Load the models once, outside the timing (a long run pays this once, too).
        from storylens.clean.language import detect
        from storylens.config import CleanSettings

        t = time.perf_counter()
        detect("warm up the language models with a sentence", CleanSettings().languages, 1)
        print(f"model load: {time.perf_counter() - t:.1f} s, RSS {_rss_mb():.0f} MB")

        if args.profile:
            import cProfile

            profiler = cProfile.Profile(time.process_time)
            profiler.enable()
        counters = time_steps() if args.steps else None
        result = run_ingest(corpus, db, n_docs, args.workers)
        if args.profile:
            profiler.disable()
            profiler.dump_stats(args.profile)
        n_docs = n_docs or result["summary"].read
        floor = run_floor(db)
        report(result, floor, n_docs, n_bytes)
        if counters is not None:
            report_steps(counters, n_docs)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def report(result: dict, floor: dict, n_docs: int, n_bytes: int) -> None:
    summary = result["summary"]
    total, read_pass = result["total"], result["read_pass"]
    mb = n_bytes / 2**20
    print(f"\ningest: read {summary.read}, new {summary.new}, cleaned {summary.cleaned}, "
          f"near-duplicates {summary.duplicates_linked}, skipped {len(summary.skipped)}")
    rows = [
        ("ingest+clean (total)", total, summary.read / total, mb / total),
        ("  read pass (≈)", read_pass, summary.read / read_pass, mb / read_pass),
        ("  clean pass (≈)", total - read_pass, summary.cleaned / max(1e-9, total - read_pass),
         mb / max(1e-9, total - read_pass)),
        ("floor: ftfy + lingua", floor["floor"], floor["texts"] / floor["floor"], mb / floor["floor"]),
        ("  ftfy.fix_text", floor["ftfy"], floor["texts"] / floor["ftfy"], mb / floor["ftfy"]),
        ("  lingua (per ¶, ≤400 ch)", floor["lingua"], floor["texts"] / floor["lingua"], mb / floor["lingua"]),
    ]
    print(f"\nwall time {result['wall']:.1f} s (read pass ≈ {result['read_pass_wall']:.1f} s); "
          "the table uses this process's CPU time, which a busy machine does not inflate")
    stage = "stage (1 core)" if result["workers"] == 1 else f"parent of {result['workers']} workers"
    print(f"\n{stage:<28}{'CPU s':>9}{'docs/s':>9}{'MB/s':>8}")
    for name, seconds, dps, mbps in rows:
        print(f"{name:<28}{seconds:>9.1f}{dps:>9.0f}{mbps:>8.2f}")
    print(f"ratio ingest / floor: {total / floor['floor']:.1f}x")

    print(f"\n{'cleaned':>8}{'CPU s':>9}{'RSS MB':>8}")
    for count, seconds, rss in result["milestones"]:
        print(f"{count:>8}{seconds:>9.1f}{rss:>8.0f}")
    samples = result["samples"]
    if samples:
        read_end = result["start"] + read_pass
        read_rss = [rss for t, rss in samples if t <= read_end]
        print(f"RSS before ingest {result['rss_before']:.0f} MB, end of read pass "
              f"{(read_rss or [result['rss_before']])[-1]:.0f} MB, sampled max {max(r for _, r in samples):.0f} MB, "
              f"process peak (ru_maxrss) {_peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
