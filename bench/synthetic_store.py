"""A store of any size, written by direct inserts, for measuring and testing what reads it.

    python bench/synthetic_store.py --docs 100000 --db /tmp/synthetic-100k.db

Running the pipeline on 100,000 documents takes hours; the web app, the JSON API and the report
only read the store, so their speed can be measured on a store written directly: every table the
pipeline fills (documents, passages and their full-text index, sentences, cleaning log, entity
mentions and entities, dates, claims, quotes, technique/frame/genre labels, check-worthiness,
and what the relate stage saves: stories, claim groups with their members, contested statements,
actor labels, timeline days, each document's story and off-event flag).

The text is made up here from a few templates about an invented flood (places, people and
organisations that do not exist) in English, Russian and Ukrainian, with varied figures so that
claim groups agree, conflict and evolve. ``hostile=True`` adds a document whose text, title,
source and URL carry script-injection payloads.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from storylens.store import Store  # noqa: E402

START = date(2031, 3, 1)
DAYS = 45
PLACES = {
    "en": ["Varnholm", "Ostrel", "Keldan valley", "Mirovo", "Tarsk", "the Lowen delta"],
    "ru": ["Варнхольм", "Острель", "Кельдан", "Мирово", "Тарск", "дельта Лёвен"],
    "uk": ["Варнгольм", "Острель", "Кельдан", "Мірово", "Тарськ", "дельта Левен"],
}
PEOPLE = {
    "en": ["Minister Edda Corran", "General Pavo Liss", "Mayor Ilse Brandt", "the relief agency"],
    "ru": ["министр Эдда Корран", "генерал Паво Лисс", "мэр Ильзе Брандт", "агентство помощи"],
    "uk": ["міністерка Едда Корран", "генерал Паво Лісс", "мерка Ільзе Брандт", "агенція допомоги"],
}
MEASURES = {  # measure: (en, ru, uk) wording after the number
    "killed": ("people were killed in", "человек погибли в", "людей загинули в"),
    "evacuated": ("residents were evacuated from", "жителей эвакуированы из", "мешканців евакуйовано з"),
    "injured": ("people were injured in", "человек ранены в", "людей поранені в"),
    "missing": ("people are missing in", "человек пропали без вести в", "людей зникли безвісти в"),
}
SAID = {"en": "said on", "ru": "сообщил", "uk": "повідомив"}
FILLER = {
    "en": ["Residents described long queues for water and fuel.", "Roads into the valley remained closed overnight.",
           "Volunteers handed out blankets at the station.", "Power was restored to parts of the old town.",
           "The river level fell slowly after midnight.", "Schools stayed shut for a third day."],
    "ru": ["Жители рассказали о длинных очередях за водой и топливом.", "Дороги в долину оставались закрытыми ночью.",
           "Волонтёры раздавали одеяла на вокзале.", "В части старого города восстановили электричество."],
    "uk": ["Мешканці розповіли про довгі черги по воду та пальне.", "Дороги в долину залишалися закритими вночі.",
           "Волонтери роздавали ковдри на вокзалі.", "У частині старого міста відновили електропостачання."],
}
ASSERT = {"en": "Witnesses said the dam operator opened the floodgates without warning.",
          "ru": "Очевидцы говорят, что оператор плотины открыл шлюзы без предупреждения.",
          "uk": "Очевидці кажуть, що оператор греблі відкрив шлюзи без попередження."}
DENY = {"en": "The dam operator denied that the floodgates were opened.",
        "ru": "Оператор плотины отрицает, что шлюзы открывали.",
        "uk": "Оператор греблі заперечує, що шлюзи відкривали."}
LABELS = {"en": ["evacuees", "refugees", "looters"], "ru": ["беженцы", "мародёры"], "uk": ["біженці", "мародери"]}
LABEL_SENTENCE = {"en": "Officials warned that {} were gathering near the bridge.",
                  "ru": "Власти предупредили, что {} собираются у моста.",
                  "uk": "Влада попередила, що {} збираються біля мосту."}
MONTHS = {"en": "March", "ru": "марта", "uk": "березня"}
TECHNIQUES = ["Loaded_Language", "Name_Calling-Labeling", "Exaggeration-Minimisation", "Doubt", "Appeal_to_Fear-Prejudice"]
FRAMES = ["Security_and_defense", "Health_and_safety", "Economic", "Political", "Crime_and_punishment"]
GENRES = ["reporting", "opinion", "satire"]
RULES = ["banner repeated within a line", "related-links line", "photo credit", "donation or subscribe footer"]
HOSTILE_TEXT = ('Reader comment: </script><script>window.__pwned=1</script> and <img src=x onerror="window.__pwned=2"> '
                'and <a href="javascript:window.__pwned=3">click</a>. Officials said 12 people were killed in Varnholm.')


# Named, so that columns other branches append to these tables keep their defaults.
COLUMNS = {
    "cleaning_log": "doc_id, seq, step, rule, start_char, end_char, before, after",
    "passages": "doc_id, idx, start_char, end_char, kind, language",
    "passage_techniques": "doc_id, passage, technique, score",
    "sentences": "doc_id, idx, passage, start_char, end_char",
    "sentence_scores": "doc_id, sentence, checkworthiness",
    "document_labels": "doc_id, task, label, score",
    "claims": "doc_id, idx, start_char, end_char, sentence_start, sentence_end, text, measure, unit, value, lo, hi,"
              " hedge, qualifier, place, as_of, by_source, via, cue, status",
    "entity_mentions": "doc_id, idx, start_char, end_char, text, label, detector, entity_id",
    "dates": "doc_id, idx, start_char, end_char, text, value, lo, hi, anchored",
    "quotes": "doc_id, idx, start_char, end_char, text, speaker, speaker_start, speaker_end",
    "document_relations": "doc_id, story, off_event, why_json",
}


class _Doc:
    """The text of one document, built piece by piece with the offsets of what it contains."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.passages: list[tuple[int, int]] = []
        self.sentences: list[tuple[int, int, int]] = []
        self.spans: dict[str, list] = defaultdict(list)

    def paragraph(self, sentences: list[tuple[str, list]]) -> None:
        if self.parts:
            self._add("\n\n")
        start = self.length
        for i, (sentence, marks) in enumerate(sentences):
            if i:
                self._add(" ")
            s0 = self.length
            self._add(sentence)
            self.sentences.append((s0, self.length, len(self.passages)))
            for kind, piece, extra in marks:
                at = sentence.index(piece)
                self.spans[kind].append((s0 + at, s0 + at + len(piece), piece, extra, (s0, self.length)))
        self.passages.append((start, self.length))

    def _add(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _claim_sentence(rng: random.Random, lang: str, day: date) -> tuple[str, list, dict]:
    measure = rng.choice(list(MEASURES))
    place_i = rng.randrange(len(PLACES["en"]))
    place = PLACES[lang][place_i]
    who = rng.choice(PEOPLE[lang])
    base = {"killed": 40, "evacuated": 12000, "injured": 300, "missing": 90}[measure]
    value = base + rng.choice([0, 0, 0, base // 10, base // 4]) * (1 if day.day % 2 else -1)
    number = f"{value:,}" if lang == "en" else f"{value:,}".replace(",", " ")
    words = MEASURES[measure][("en", "ru", "uk").index(lang)]
    when = f"{day.day} {MONTHS[lang]}" if lang != "en" else f"{MONTHS['en']} {day.day}"
    sentence = f"{number} {words} {place}, {who} {SAID[lang]} {when}."
    claim = {"measure": measure, "value": float(value), "where": PLACES["en"][place_i], "by": who,
             "as_of": day.isoformat()}
    marks = [("claim", number, claim), ("date", when, day.isoformat()), ("entity", place, ("LOC", place_i)),
             ("entity", who, ("PER", PEOPLE[lang].index(who)))]
    return sentence, marks, claim


def _document(rng: random.Random, n: int, lang: str, day: date, off_event: bool) -> _Doc:
    doc = _Doc()
    for _ in range(rng.randint(2, 6)):
        sentences = []
        for _ in range(rng.randint(1, 4)):
            roll = rng.random()
            if off_event:
                sentences.append((f"Story {n}: the harvest fair opened with {rng.randint(3, 90)} stalls.", []))
            elif roll < 0.3:
                sentence, marks, _ = _claim_sentence(rng, lang, day)
                sentences.append((sentence, marks))
            elif roll < 0.36:
                sentences.append((ASSERT[lang], [("contested", ASSERT[lang], "yes")]))
            elif roll < 0.40:
                sentences.append((DENY[lang], [("contested", DENY[lang], "no")]))
            elif roll < 0.46:
                label = rng.choice(LABELS[lang])
                sentence = LABEL_SENTENCE[lang].format(label)
                sentences.append((sentence, [("label", label, None)]))
            elif roll < 0.52:
                who = rng.choice(PEOPLE[lang])
                quote = "“" + rng.choice(FILLER[lang]) + "”"
                sentences.append((f"{quote} — {who}.", [("quote", quote, who)]))
            else:
                sentences.append((rng.choice(FILLER[lang]), []))
        doc.paragraph(sentences)
    return doc


def build_store(path: Path, n_docs: int, seed: int = 7, hostile: bool = False) -> Path:
    """Write a synthetic store of ``n_docs`` documents at ``path`` (which must not exist)."""
    rng = random.Random(seed)
    path = Path(path)
    if path.exists():
        raise FileExistsError(path)
    n_sources = max(8, n_docs // 150)
    sources = [(f"Outlet {i:03d}", rng.choice(["news", "telegram", "forum", "blog"])) for i in range(n_sources)]
    weights = [1 / (i + 1) for i in range(n_sources)]
    rows: dict[str, list] = defaultdict(list)
    claims_by_key: dict[tuple[str, str], list] = defaultdict(list)
    contested: dict[str, list] = {"yes": [], "no": []}
    labels: dict[tuple[str, str], list] = defaultdict(list)
    days: dict[str, list] = defaultdict(list)
    doc_ids: list[str] = []
    for n in range(n_docs):
        doc_id = hashlib.sha1(f"{seed}-{n}".encode()).hexdigest()[:16]
        lang = rng.choices(["en", "ru", "uk"], [6, 2, 2])[0]
        source, source_type = rng.choices(sources, weights)[0]
        day = START + timedelta(days=min(DAYS - 1, int(rng.expovariate(1 / 8))))
        off_event = rng.random() < 0.05
        doc = _document(rng, n, lang, day, off_event)
        text = doc.text
        title = f"{source}: report {n}" if rng.random() < 0.8 else None
        if hostile and n == 0:
            text = HOSTILE_TEXT
            doc = _Doc()
            doc.parts, doc.length = [text], len(text)
            doc.passages, doc.sentences = [(0, len(text))], [(0, len(text), 0)]
            title, source = 'Hostile <img src=x onerror="window.__pwned=4">', "Forum <script>window.__pwned=5</script>"
        duplicate_of = doc_ids[-1] if doc_ids and rng.random() < 0.02 else None
        banner = "SUBSCRIBE NOW — support independent reporting\n"
        meta = {"title": title, "source": source, "source_type": source_type, "language": lang,
                "published": f"{day.isoformat()}T{rng.randint(6, 22):02d}:00:00",
                "url": "javascript:window.__pwned=6" if hostile and n == 0 else f"https://outlet.example/{n}"}
        rows["documents"].append((
            doc_id, n + 1, f"synthetic/{n:06d}.txt", "txt", "clean", banner + text, text, "article" if n % 3 else "post",
            title, None, source, source_type, meta["url"], meta["published"], lang,
            json.dumps({"meta": {k: v for k, v in meta.items() if v}, "meta_from": {}}, ensure_ascii=False),
            duplicate_of, 0.9 if duplicate_of else None, "2031-04-20T00:00:00+00:00", "2031-04-20T00:00:00+00:00"))
        doc_ids.append(doc_id)
        rows["cleaning_log"].append((doc_id, 0, "boilerplate", rng.choice(RULES), 0, len(banner), banner, ""))
        for i, (a, b) in enumerate(doc.passages):
            rows["passages"].append((doc_id, i, a, b, "paragraph", lang))
            rows["passages_fts"].append((text[a:b], doc_id, i))
            if rng.random() < 0.12:
                rows["passage_techniques"].append((doc_id, i, rng.choice(TECHNIQUES), round(rng.uniform(0.4, 0.95), 3)))
        for i, (a, b, p) in enumerate(doc.sentences):
            rows["sentences"].append((doc_id, i, p, a, b))
            claimish = any(c[4] == (a, b) for c in doc.spans["claim"])
            rows["sentence_scores"].append((doc_id, i, round(rng.uniform(0.6, 0.97) if claimish else rng.uniform(0.02, 0.5), 3)))
        rows["document_labels"].append((doc_id, "genre", rng.choice(GENRES), round(rng.uniform(0.5, 0.9), 3)))
        for frame in rng.sample(FRAMES, rng.randint(1, 2)):
            rows["document_labels"].append((doc_id, "frame", frame, round(rng.uniform(0.5, 0.9), 3)))
        for i, (a, b, piece, claim, sentence) in enumerate(doc.spans["claim"]):
            rows["claims"].append((doc_id, i, a, b, sentence[0], sentence[1], piece, claim["measure"], "people",
                                   claim["value"], None, None, None, None, claim["where"], claim["as_of"], claim["by"],
                                   None, "said", None))
            claims_by_key[(claim["measure"], claim["where"])].append((doc_id, i, source, claim, day))
        for i, (a, b, piece, (label, k), _) in enumerate(doc.spans["entity"]):
            entity = f"{label}:{PLACES['en'][k] if label == 'LOC' else PEOPLE['en'][k]}".lower()
            rows["entity_mentions"].append((doc_id, i, a, b, piece, label, "rules", entity))
        for i, (a, b, piece, value, _) in enumerate(doc.spans["date"]):
            rows["dates"].append((doc_id, i, a, b, piece, value, None, None, 1))
            if not off_event and len(days[value]) < 8:
                days[value].append({"doc": doc_id, "start": a, "end": b, "text": text[a:b], "source": source})
        for i, (a, b, piece, speaker, _) in enumerate(doc.spans["quote"]):
            rows["quotes"].append((doc_id, i, a, b, piece, speaker, None, None))
        for a, b, piece, side, _ in doc.spans["contested"]:
            if len(contested[side]) < 12:
                contested[side].append({"doc": doc_id, "start": a, "end": b, "text": piece, "source": source})
        for a, b, piece, _, _ in doc.spans["label"]:
            labels[(source, piece)].append({"doc": doc_id, "start": a, "end": b, "text": piece, "source": source})
        rows["document_relations"].append((doc_id, "story-2" if off_event else "story-1", int(off_event), "{}"))

    relations = _relations(claims_by_key, contested, labels, days, rows["document_relations"])
    with Store(path) as store:
        with store.transaction():
            db = store.db
            db.executemany(
                "INSERT INTO documents (id, seq, origin, format, status, raw_text, text, kind, title, author, source,"
                " source_type, url, published, language, meta_json, duplicate_of, duplicate_similarity, ingested_at,"
                " annotated_at) VALUES (" + ", ".join("?" * 20) + ")", rows.pop("documents"))
            db.executemany("INSERT INTO passages_fts (text, doc_id, idx) VALUES (?, ?, ?)", rows.pop("passages_fts"))
            for table, items in rows.items():
                columns = COLUMNS[table]
                db.executemany(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(columns.split(',')))})",
                               items)
            db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?)", _entities())
            for kind, (items, label, status) in relations.items():
                db.executemany("INSERT INTO relations VALUES (?, ?, ?, ?, ?, ?)",
                               [(kind, str(item["id"]), seq, item.get(label) if label else None,
                                 item.get(status) if status else None, json.dumps(item, ensure_ascii=False))
                                for seq, item in enumerate(items)])
            db.executemany("INSERT INTO claim_group_members VALUES (?, ?, ?)",
                           [(g["id"], *m.rsplit(":", 1)) for g in relations["claim_group"][0] for m in g["members"]])
        store.set_state("related", store.corpus_state())
    return path


def _entities() -> list[tuple]:
    out = []
    for label, names in (("LOC", PLACES), ("PER", PEOPLE)):
        for k, name in enumerate(names["en"]):
            aliases = sorted({names[lang][k] for lang in names})
            out.append((f"{label}:{name}".lower(), name, label, json.dumps(aliases, ensure_ascii=False),
                        json.dumps(["same position in the synthetic name lists"])))
    return out


def _relations(claims_by_key: dict, contested: dict, labels: dict, days: dict, doc_relations: list) -> dict:
    groups = []
    for (measure, where), members in sorted(claims_by_key.items()):
        # one group per (measure, place, week): the store holds many groups, as a real corpus does
        by_week: dict[int, list] = defaultdict(list)
        for m in members:
            by_week[(m[4] - START).days // 7].append(m)
        for week, part in sorted(by_week.items()):
            values = {m[3]["value"] for m in part}
            srcs = sorted({m[2] for m in part})
            status = ("single_source" if len(srcs) == 1 else "agree" if len(values) == 1
                      else "evolving" if len({m[4] for m in part}) > 1 and week % 2 else "conflict")
            groups.append({"id": f"g{len(groups) + 1}", "measure": measure, "scope": where, "unit": "people",
                           "status": status, "explanation": f"{len(values)} distinct figures from {len(srcs)} sources",
                           "members": [f"{m[0]}:{m[1]}" for m in part], "sources": srcs})
    groups.sort(key=lambda g: (-len(g["sources"]), -len(g["members"])))
    items = [{"id": "floodgates", "about": "The dam operator opened the floodgates",
              "explanation": "witnesses assert it; the operator denies it", "sides": contested}]
    by_source: dict[str, list] = defaultdict(list)
    for (source, label), evidence in sorted(labels.items()):
        by_source[source].append({"label": label, "count": len(evidence), "discovered": False, "evidence": evidence[:50]})
    actor_labels = [{"id": "labels-1", "group": "people who left their homes",
                     "by_source": [{"source": s, "labels": ls} for s, ls in sorted(by_source.items())]}]
    timeline = [{"id": day, "date": day, "end": None, "summary": ev[0]["text"], "sources": sorted({e["source"] for e in ev}),
                 "evidence": ev} for day, ev in sorted(days.items())]
    main = [d for d, story, off, _ in doc_relations if not off]
    stories = [{"id": "story-1", "label": "flood, dam, evacuation", "documents": main, "main": True,
                "period": {"from": START.isoformat(), "to": (START + timedelta(days=DAYS - 1)).isoformat()}},
               {"id": "story-2", "label": "harvest fair", "documents": [d for d, _, off, _ in doc_relations if off],
                "main": False}]
    return {"claim_group": (groups, "measure", "status"), "contested": (items, None, None),
            "actor_label": (actor_labels, None, None), "timeline_day": (timeline, None, None), "story": (stories, None, None)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    build_store(args.db, args.docs, args.seed)
    size = args.db.stat().st_size / 2**20
    print(f"{args.docs} documents in {args.db} ({size:.0f} MB) in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
