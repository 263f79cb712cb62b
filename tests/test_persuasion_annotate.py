"""The persuasion annotator inside the pipeline: per passage (long ones in windows), calibrated scores."""

from __future__ import annotations

import numpy as np
import pytest

from storylens.annotate import Annotator
from storylens.clean import clean_document
from storylens.config import AnnotateSettings, Settings
from storylens.doc import RawDocument
from storylens.persuasion import GENRES
from storylens.ingest import ingest
from storylens.persuasion.features import windows
from storylens.persuasion.models import checkworthy_threshold
from storylens.store import Store
from storylens.store.queries import source_profiles

LOUD = ("These corrupt cowards have betrayed every decent family in the land! They lie, they steal, "
        "and they laugh at us while our towns burn. ")
QUIET = ("The regional council met on Monday and approved the budget for road repairs, which "
         "includes 12 million for bridges. Work is due to begin in the spring. ")


@pytest.fixture(scope="module")
def annotated():
    one_line = (QUIET * 8 + LOUD + QUIET * 8).strip()  # an article that arrived as one long line
    text = "A short title\n\n" + one_line + "\n\n" + LOUD.strip() + "\n"
    doc = clean_document(RawDocument("article.txt", text, "txt"), Settings().clean)
    annotator = Annotator(AnnotateSettings(components=("persuasion",)))
    return doc, annotator, annotator([doc])[0]


def test_long_passage_is_scored_as_its_best_window(annotated):
    doc, annotator, _ = annotated
    clf = annotator.classifiers
    # Cleaning cuts a long line into paragraphs; a passage it cannot cut is still scored in windows.
    long_passage = (QUIET * 8 + LOUD + QUIET * 8).strip()
    assert len(long_passage) > 1200
    parts = windows(long_passage, clf.heads["techniques"].window)
    assert len(parts) > 1 and all(len(w) <= 1200 for w in parts)
    whole = clf.probabilities("techniques", [long_passage], [doc.text])[0]
    each = clf.probabilities("techniques", parts, [doc.text] * len(parts))
    assert np.allclose(whole, each.max(axis=0), atol=1e-6)


def test_only_labels_above_their_threshold_are_stored(annotated):
    doc, annotator, ann = annotated
    clf = annotator.classifiers
    assert set(ann.techniques) <= set(range(len(doc.passages)))
    for i, scored in ann.techniques.items():
        p = doc.passages[i]
        limits = clf.thresholds("techniques", p.end - p.start, len(doc.text))
        floor = annotator.settings.persuasion.min_probability
        assert scored and all(score >= max(limits[label], floor) for label, score in scored)


def test_every_sentence_gets_a_probability_and_the_document_a_genre(annotated):
    doc, _, ann = annotated
    assert sorted(ann.checkworthiness) == list(range(len(doc.sentences)))
    assert all(0.0 <= s <= 1.0 for s in ann.checkworthiness.values())
    (genre,) = ann.labels["genre"]
    assert genre[0] in GENRES and 0 < genre[1] <= 1


def test_source_profiles_list_sentences_from_the_classifiers_own_cut(tmp_path):
    """A source's check-worthy sentences are those from the calibrated F1-best cut on, not 0.5."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("The river rose by two metres. The mayor closed four roads. Schools stay open.\n",
                                  encoding="utf-8")
    settings = Settings()
    settings.parallel.workers = 1
    cut = checkworthy_threshold()
    assert 0.05 <= cut < 0.5
    with Store(tmp_path / "s.db") as store:
        ingest([folder], store, settings, progress=False)
        (doc_id,) = [r[0] for r in store.db.execute("SELECT id FROM documents")]
        scores = {0: cut + 0.01, 1: cut - 0.01, 2: 0.9}
        with store.transaction():
            store.db.executemany("INSERT INTO sentence_scores VALUES (?, ?, ?)",
                                 [(doc_id, i, s) for i, s in scores.items()])
        (profile,) = source_profiles(store.db)
        assert [round(c["score"], 4) for c in profile["checkworthy"]] == [0.9, round(cut + 0.01, 4)]
        assert profile["checkworthy"][1]["text"] == "The river rose by two metres."
        assert [c["score"] for c in source_profiles(store.db, threshold=0.5)[0]["checkworthy"]] == [0.9]


def test_a_post_is_judged_by_its_languages_thresholds():
    """A short Ukrainian post: labels stored from the Ukrainian post thresholds (and the floor),
    which differ from the pooled ones; the probabilities are the same either way."""
    post = "Окупанти знову брешуть усьому світу! Ганьба цим боягузам, які тікають від наших героїв.\n"
    doc = clean_document(RawDocument("post.txt", post, "txt"), Settings().clean)
    doc.meta["language"] = "uk"
    settings = AnnotateSettings(components=("persuasion",))
    settings.persuasion.min_probability = 0.0  # the thresholds alone decide
    annotator = Annotator(settings)
    ann = annotator([doc])[0]
    clf = annotator.classifiers
    labels = clf.heads["techniques"].labels
    differs = False
    for i, p in enumerate(doc.passages):
        text = doc.text[p.start:p.end]
        P = clf.probabilities("techniques", [text], [doc.text])[0]
        limits = clf.thresholds("techniques", len(text), len(doc.text), p.language or "uk")
        pooled = clf.thresholds("techniques", len(text), len(doc.text))
        expected = {label for label, s in zip(labels, P) if s >= limits[label]}
        assert {label for label, _ in ann.techniques.get(i, [])} == expected
        differs |= expected != {label for label, s in zip(labels, P) if s >= pooled[label]}
    assert ann.techniques and differs  # the Ukrainian thresholds changed what is stored
