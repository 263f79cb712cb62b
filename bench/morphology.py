"""Memory and speed of Russian and Ukrainian lemmas in one process, through every entry point a
whole run uses: annotate's syntax pass (``syntax.analyse`` for Ukrainian tokens, ``syntax.lemmatize``
for Russian ones), the gazetteer's name lemma and country test, entity resolution's
``morphology.name_lemma`` and the stories step's ``morphology.word_lemma``.

    .venv/bin/python bench/morphology.py [--rounds 20]

Prints the process's resident memory (VmRSS) before and after the first call of each entry point,
how many morphological analysers the process then holds (pymorphy2 and pymorphy3, counted by the
garbage collector), and the time of ``--rounds`` passes over the word list with every cache cleared
(process time, one thread). The words are made up for this script: names of people, places and
organisations in several case forms, and common words.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylens.annotate import gazetteer, syntax  # noqa: E402
from storylens.relate import morphology  # noqa: E402

NAMES_RU = [("Олегу Соколову", "PER"), ("Анны Лебедевой", "PER"), ("Волкову", "PER"), ("Казани", "LOC"),
            ("Норвегии", "LOC"), ("Ростове-на-Дону", "LOC"), ("Министерства здравоохранения", "ORG"),
            ("Сбербанка", "ORG"), ("Марокко", "LOC"), ("Ирине Захаровой", "PER")]
NAMES_UK = [("Харкові", "LOC"), ("Львова", "LOC"), ("Тараса Бондаренка", "PER"), ("Олені Мельник", "PER"),
            ("Міністерства охорони здоров'я", "ORG"), ("Туреччини", "LOC"), ("Одесі", "LOC")]
WORDS_RU = ["наводнения", "больницах", "спасателями", "домов", "пострадавших", "власти", "заявил", "дороги"]
WORDS_UK = ["повені", "лікарнях", "рятувальники", "будинків", "постраждалих", "влада", "заявив", "дороги"]


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _analysers() -> dict[str, int]:
    """How many analyser objects of each library the process holds."""
    counts: dict[str, int] = {}
    for name in ("pymorphy2", "pymorphy3"):
        module = sys.modules.get(name)
        if module is not None:
            counts[name] = sum(isinstance(o, module.MorphAnalyzer) for o in gc.get_objects())
    return counts


def _one_pass() -> None:
    for word in WORDS_UK:
        syntax.analyse("uk", word)
        morphology.word_lemma(word, "uk")
    for word in WORDS_RU:
        syntax.lemmatize("ru", word, "NOUN")
        morphology.word_lemma(word, "ru")
    for name, label in NAMES_RU:
        gazetteer.lemma(name, label)
        morphology.name_lemma(name, "ru", label)
    for name, label in NAMES_UK:
        morphology.name_lemma(name, "uk", label)
        gazetteer.is_country(name)


def _clear_caches() -> None:
    for module in (syntax, morphology, gazetteer):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__name__", "") not in (
                    "analyzer", "morph_analyzer", "_morph", "default_gazetteer", "country_names", "_country_keys"):
                value.cache_clear()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    gc.collect()
    start = _rss_mb()
    print(f"RSS after imports: {start:.0f} MB")
    t = time.perf_counter()
    _one_pass()
    gc.collect()
    loaded = _rss_mb()
    print(f"RSS after the first pass (dictionaries loaded, {time.perf_counter() - t:.1f} s): {loaded:.0f} MB "
          f"(+{loaded - start:.0f} MB)")
    print("analysers held:", ", ".join(f"{k} {v}" for k, v in _analysers().items()))
    t = time.process_time()
    for _ in range(args.rounds):
        _clear_caches()
        _one_pass()
    n = args.rounds * (2 * len(WORDS_UK) + 2 * len(WORDS_RU) + 2 * len(NAMES_RU) + 2 * len(NAMES_UK))
    print(f"{args.rounds} passes, caches cleared: {time.process_time() - t:.2f} s CPU ({n} calls)")


if __name__ == "__main__":
    main()
