"""Language identification narrowed to the languages a sample of the corpus holds."""

from __future__ import annotations

from pathlib import Path

from storylens.clean.language import corpus_languages, label_passages
from storylens.config import CleanSettings, Settings
from storylens.doc import Passage
from storylens.ingest import ingest
from storylens.store import Store

LANGUAGES = CleanSettings().languages
MIN = CleanSettings().min_letters_for_language

ENGLISH = [
    "The river rose above the old bridge overnight and the mayor closed the road to all traffic.",
    "Volunteers filled sandbags in front of the school while the rain kept falling on the town.",
    "Officials said the water would start to fall by the weekend if the storm moved north.",
]
RUSSIAN = [
    "Река за ночь поднялась выше старого моста, и мэр закрыл дорогу для всех машин.",
    "Добровольцы наполняли мешки песком у школы, пока над городом продолжался дождь.",
]
UKRAINIAN = "Річка за ніч піднялася вище старого мосту, і мер закрив дорогу для всіх машин."
KAZAKH = "Өзен түнде ескі көпірден асып кетті, әкім жолды барлық көлікке жауып тастады."
SPANISH = "El río subió por encima del puente viejo durante la noche y el alcalde cerró la carretera."
GEORGIAN = "მდინარემ ღამით ძველ ხიდს გადააჭარბა და მერმა გზა ყველა მანქანისთვის დაკეტა."


def _labels(paragraphs: list[str], corpus: tuple[str, ...]) -> tuple[list[str | None], str | None]:
    text = "\n\n".join(paragraphs)
    passages, at = [], 0
    for para in paragraphs:
        passages.append(Passage(at, at + len(para)))
        at += len(para) + 2
    language = label_passages(text, passages, LANGUAGES, MIN, corpus)
    return [p.language for p in passages], language


def test_corpus_languages_are_those_documents_are_written_in() -> None:
    texts = ["\n\n".join(ENGLISH), "\n\n".join(RUSSIAN), ENGLISH[0] + "\n\nSee more"]
    assert corpus_languages(texts, LANGUAGES, MIN) == ("en", "ru")
    assert corpus_languages([UKRAINIAN, *RUSSIAN], LANGUAGES, MIN) == ("ru", "uk")
    assert corpus_languages([], LANGUAGES, MIN) == ()


def test_passages_of_the_corpus_languages_are_told_apart_among_them() -> None:
    assert _labels([ENGLISH[0], RUSSIAN[0], ENGLISH[1]], ("en", "ru")) == (["en", "ru", "en"], "en")
    assert _labels([RUSSIAN[0], UKRAINIAN, RUSSIAN[1]], ("ru", "uk")) == (["ru", "uk", "ru"], "ru")


def test_a_language_outside_the_corpus_set_still_gets_every_candidate() -> None:
    # Same script, letters the corpus languages do not use: Kazakh among Russian, Spanish among English.
    assert _labels([RUSSIAN[0], KAZAKH], ("en", "ru"))[0] == ["ru", "kk"]
    assert _labels([ENGLISH[0], SPANISH], ("en", "ru"))[0] == ["en", "es"]
    # Another script altogether.
    assert _labels([ENGLISH[2], GEORGIAN], ("en", "ru"))[0] == ["en", "ka"]
    # Ukrainian among Russian alone: і and ї are not Russian letters.
    assert _labels([RUSSIAN[1], UKRAINIAN], ("ru",))[0] == ["ru", "uk"]


def test_short_passages_still_abstain() -> None:
    assert _labels(["OK", ENGLISH[0]], ("en", "ru"))[0] == [None, "en"]


def test_ingest_samples_the_corpus_and_labels_the_same_way(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(6):
        (folder / f"en{i}.txt").write_text(f"{ENGLISH[i % 3]} (report {i})\n\n{ENGLISH[(i + 1) % 3]}\n", encoding="utf-8")
    (folder / "ru.txt").write_text("\n\n".join(RUSSIAN) + "\n", encoding="utf-8")
    (folder / "mixed.txt").write_text(f"{ENGLISH[1]}\n\n{SPANISH}\n", encoding="utf-8")
    labels = {}
    for sample in (0, 300):
        settings = Settings()
        settings.clean.language_sample = sample
        settings.parallel.workers = 1
        with Store(tmp_path / f"s{sample}.db") as store:
            ingest([folder], store, settings, progress=False)
            labels[sample] = store.db.execute(
                "SELECT d.origin, p.idx, p.language FROM passages p JOIN documents d ON d.id = p.doc_id"
                " ORDER BY d.origin, p.idx").fetchall()
    assert [tuple(r) for r in labels[300]] == [tuple(r) for r in labels[0]]
    assert {r[2] for r in labels[300]} == {"en", "ru", "es"}
