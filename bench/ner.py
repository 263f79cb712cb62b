"""Entity recognition scores: CoNLL-2003 valid (English) and factRuEval-2016 dev (Russian).

    python bench/ner.py                     # both, default settings
    python bench/ner.py --conll-only --pipeline storylens_en_conll
    python bench/ner.py --factru-only --limit 40
    python bench/ner.py --speed             # chars/s: storylens find() vs bare spaCy nlp.pipe NER

Scores are exact-span, entity-level precision/recall/F1 per type and micro-averaged.
Each CoNLL document becomes one text (a sentence per line, tokens joined by spaces) and runs
through ``EntityRecognizer.find_many`` as an English document, so the filters and the gazetteer
are part of what is measured; ``--raw`` scores the model alone. Labels map to CoNLL's
PER/ORG/LOC/MISC (GROUP and EVENT → MISC). factRuEval objects map Person → PER,
Location/LocOrg → LOC, Org → ORG (Project is skipped), as in Natasha's evaluation.
The data is read in place from ../shared/data and never copied.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "data"

from storylens.annotate.entities import EntityRecognizer, EntitySettings  # noqa: E402
from storylens.doc import Document, Passage  # noqa: E402

CONLL_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC", "GROUP": "MISC", "EVENT": "MISC"}
FACTRU_MAP = {"Person": "PER", "Location": "LOC", "LocOrg": "LOC", "Org": "ORG"}


# --- scoring --------------------------------------------------------------------------------


def score(gold: list[set], pred: list[set]) -> dict[str, tuple[float, float, float, int]]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        for item in g & p:
            tp[item[2]] += 1
        for item in p - g:
            fp[item[2]] += 1
        for item in g - p:
            fn[item[2]] += 1
    out = {}
    for label in sorted(set(tp) | set(fp) | set(fn)) + ["micro"]:
        t = sum(tp.values()) if label == "micro" else tp[label]
        f_p = sum(fp.values()) if label == "micro" else fp[label]
        f_n = sum(fn.values()) if label == "micro" else fn[label]
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[label] = (p, r, f, t + f_n)
    return out


def show(title: str, scores: dict, seconds: float) -> None:
    print(f"\n{title}  ({seconds:.1f} s)")
    print(f"{'type':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}")
    for label, (p, r, f, n) in scores.items():
        print(f"{label:<8}{p:8.3f}{r:8.3f}{f:8.3f}{n:8d}")


def line_documents(texts: list[str], language: str, origin: str) -> list[Document]:
    """Documents of ``language`` with a passage per non-blank line, as the annotate step reads them
    (CoNLL: a sentence per line; factRuEval: a paragraph per line)."""
    documents = []
    for i, text in enumerate(texts):
        passages, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                passages.append(Passage(pos, pos + len(line), language=language))
            pos += len(line) + 1
        documents.append(Document(id=str(i), origin=origin, format="txt", raw_text=text, text=text,
                                  meta={"language": language}, passages=passages))
    return documents


# --- CoNLL-2003 -----------------------------------------------------------------------------


def conll_documents(path: Path) -> list[tuple[str, set]]:
    """(text, gold spans) per CoNLL document; gold spans are (start, end, label) in characters."""
    docs: list[tuple[str, set]] = []
    lines: list[str] = []
    gold: set = set()
    pos = 0
    sentence: list[tuple[str, str]] = []

    def flush_sentence():
        nonlocal pos, sentence
        if not sentence:
            return
        offsets = []
        parts = []
        cur = pos
        for word, _ in sentence:
            offsets.append((cur, cur + len(word)))
            parts.append(word)
            cur += len(word) + 1
        start = None
        label = None
        for i, (_, tag) in enumerate([*sentence, ("", "O")]):
            if start is not None and (tag == "O" or tag.startswith("B-") or tag[2:] != label):
                gold.add((offsets[start][0], offsets[i - 1][1], label))
                start = None
            if tag != "O" and start is None:
                start, label = i, tag[2:]
        lines.append(" ".join(parts))
        pos = cur
        sentence = []

    def flush_doc():
        nonlocal lines, gold, pos
        flush_sentence()
        if lines:
            docs.append(("\n".join(lines), gold))
        lines, gold, pos = [], set(), 0

    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("-DOCSTART-"):
            flush_doc()
            continue
        if not raw.strip():
            flush_sentence()
            continue
        parts = raw.split()
        sentence.append((parts[0], parts[-1]))
    flush_doc()
    return docs


def run_conll(recognizer: EntityRecognizer, raw: bool, limit: int | None) -> None:
    docs = conll_documents(DATA / "conll2003" / "valid.txt")[:limit]
    start = time.perf_counter()
    if raw:
        found = recognizer.recognise([text for text, _ in docs], "spacy")
    else:
        found = recognizer.find_many(line_documents([text for text, _ in docs], "en", "conll"))
    seconds = time.perf_counter() - start
    pred = [{(m.start, m.end, CONLL_MAP[m.label]) for m in mentions if m.label in CONLL_MAP} for mentions in found]
    name = recognizer.settings.spacy_pipeline
    show(f"CoNLL-2003 valid, {len(docs)} documents, pipeline {name}{' (model only)' if raw else ''}",
         score([g for _, g in docs], pred), seconds)


# --- factRuEval-2016 ------------------------------------------------------------------------


def factru_documents(folder: Path) -> list[tuple[str, set]]:
    docs = []
    for txt in sorted(folder.glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        spans = {}
        for line in txt.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 4:
                spans[parts[0]] = (int(parts[2]), int(parts[2]) + int(parts[3]))
        gold = set()
        for line in txt.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
            head = line.split("#")[0].split()
            if len(head) < 3 or head[1] not in FACTRU_MAP:
                continue
            parts = [spans[s] for s in head[2:] if s in spans]
            if parts:
                gold.add((min(s for s, _ in parts), max(e for _, e in parts), FACTRU_MAP[head[1]]))
        docs.append((text, gold))
    return docs


def run_factru(recognizer: EntityRecognizer, raw: bool, limit: int | None) -> None:
    docs = factru_documents(DATA / "factruEval2016" / "devset")[:limit]
    start = time.perf_counter()
    if raw:
        found = recognizer.recognise([text for text, _ in docs], "natasha")
    else:
        found = recognizer.find_many(line_documents([text for text, _ in docs], "ru", "factru"))
    seconds = time.perf_counter() - start
    keep = {"PER", "LOC", "ORG"}
    pred = [{(m.start, m.end, m.label) for m in mentions if m.label in keep} for mentions in found]
    show(f"factRuEval-2016 dev, {len(docs)} documents, natasha{' (model only)' if raw else ''}",
         score([g for _, g in docs], pred), seconds)


# --- speed ----------------------------------------------------------------------------------


def run_speed(recognizer: EntityRecognizer, limit: int | None) -> None:
    """chars/s of EntityRecognizer.find_many vs bare spaCy nlp.pipe NER on the same English text."""
    import spacy

    from storylens.annotate.syntax import PIPELINE_ALIASES

    docs = conll_documents(DATA / "conll2003" / "valid.txt")[:limit]
    documents = line_documents([text for text, _ in docs], "en", "conll")
    texts = [d.text[p.start:p.end] for d in documents for p in d.passages]
    chars = sum(len(t) for t in texts)
    recognizer.find_many(documents[:2])  # load models
    start = time.perf_counter()
    recognizer.find_many(documents)
    ours = time.perf_counter() - start

    name = recognizer.settings.spacy_pipeline
    for candidate in [name, *PIPELINE_ALIASES.get(name, ())]:
        try:
            bare = spacy.load(candidate)
            break
        except OSError:
            continue
    start = time.perf_counter()
    with bare.select_pipes(enable=["ner"] + (["tok2vec"] if "tok2vec" in bare.pipe_names and "ner" in getattr(bare.get_pipe("tok2vec"), "listening_components", []) else [])):
        for _ in bare.pipe(texts, batch_size=64):
            pass
    bare_seconds = time.perf_counter() - start
    print(f"\nSpeed on {chars:,} characters of English ({len(texts)} passages):")
    print(f"  storylens EntityRecognizer.find_many: {chars / ours:>10,.0f} chars/s ({ours:.1f} s; spaCy NER + gazetteer + filters)")
    print(f"  bare spaCy nlp.pipe, NER only:        {chars / bare_seconds:>10,.0f} chars/s ({bare_seconds:.1f} s)")
    print(f"  ratio storylens / bare spaCy:         {bare_seconds / ours:>10.2f}")

    ru = factru_documents(DATA / "factruEval2016" / "devset")[:limit]
    ru_docs = line_documents([text for text, _ in ru], "ru", "factru")
    ru_chars = sum(len(t) for t, _ in ru)
    recognizer.find_many(ru_docs[:1])
    start = time.perf_counter()
    recognizer.find_many(ru_docs)
    ru_seconds = time.perf_counter() - start
    print(f"  Russian (natasha + gazetteer + filters) on factRuEval dev: {ru_chars / ru_seconds:,.0f} chars/s "
          f"({ru_chars:,} chars, {ru_seconds:.1f} s)")


def main() -> None:
    warnings.filterwarnings("ignore")
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pipeline", default="en_core_web_sm", help="spaCy pipeline for English")
    ap.add_argument("--conll-only", action="store_true")
    ap.add_argument("--factru-only", action="store_true")
    ap.add_argument("--raw", action="store_true", help="model output only: no gazetteer, no filters")
    ap.add_argument("--speed", action="store_true", help="only the throughput comparison")
    ap.add_argument("--limit", type=int, default=None, help="first N documents of each set")
    args = ap.parse_args()
    settings = EntitySettings(spacy_pipeline=args.pipeline, use_gazetteer=not args.raw, filters=not args.raw)
    recognizer = EntityRecognizer(settings)
    if args.speed:
        run_speed(recognizer, args.limit)
        return
    if not args.factru_only:
        run_conll(recognizer, args.raw, args.limit)
    if not args.conll_only:
        run_factru(recognizer, args.raw, args.limit)


if __name__ == "__main__":
    main()
