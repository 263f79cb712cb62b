"""Persuasion techniques, frames, genre and check-worthiness: training, inference, seeds."""

from __future__ import annotations

import re

import numpy as np
import pytest

from tests.conftest import shared_path
from storylens.persuasion import FRAMES, GENRES, TECHNIQUES, Classifiers
from storylens.persuasion import labels as L
from storylens.persuasion import train as T
from storylens.persuasion.features import Embedder, lexical, paragraph_features, paragraphs_of
from storylens.persuasion.models import Head


# ------------------------------------------------------------------ label maps
def test_label_maps_point_into_the_label_set():
    for mapping in (L.PTC2020_MAP, L.UNLP2025_MAP, L.MEMES2021_MAP):
        for targets in mapping.values():
            assert set(targets) <= set(TECHNIQUES)
    assert len(TECHNIQUES) == 23 and len(FRAMES) == 14 and GENRES == ("opinion", "reporting", "satire")


def test_ambiguous_source_labels_become_unknown_not_negative():
    pos, unknown = L.map_labels(["Whataboutism,Straw_Men,Red_Herring", "Doubt"], L.PTC2020_MAP)
    assert pos == {"Doubt"} and unknown == {"Whataboutism", "Straw_Man", "Red_Herring"}
    assert "Questioning_the_Reputation" not in L.observed(L.PTC2020_MAP)  # never annotated in PTC
    assert "Doubt" not in L.observed(L.UNLP2025_MAP)  # only via the ambiguous "fud"


def test_article_split_is_stable_and_by_group():
    assert T.is_validation("se:en:111111111") == T.is_validation("se:en:111111111")
    share = np.mean([T.is_validation(f"se:en:{i}") for i in range(2000)])
    assert 0.15 < share < 0.25


# ------------------------------------------------------------------ features
def test_lexical_features_are_finite_and_sized():
    X = lexical(["", "7,939 people were detained!", "WHY?"])
    assert X.shape == (3, 12) and np.isfinite(X).all()
    assert X[1, 3] == 1.0  # has a number


def test_paragraphs_of_splits_lines():
    assert paragraphs_of("Title\n\nOne.\nTwo.\n\n") == ["Title", "One.", "Two."]


# ------------------------------------------------------------------ training on a tiny sample
ANGRY = [
    "These traitors and liars are destroying our great nation!",
    "The corrupt elites are disgusting parasites who betray us!",
    "Shameful cowards and thieves rule this rotten country!",
    "Those idiots in parliament are criminals and frauds!",
    "Vile propagandists spread their poisonous lies again!",
    "The treacherous clowns will ruin everything we love!",
]
CALM = [
    "The committee met on Tuesday to review the budget.",
    "Rainfall in March was close to the long-term average.",
    "The museum opens at nine and closes at five.",
    "The report lists the population of each district.",
    "Trains run every twenty minutes on weekdays.",
    "The company published its quarterly results today.",
]


@pytest.fixture(scope="module")
def embedder():
    return Embedder()


def test_train_tiny_sample_predicts_it_back(embedder, tmp_path):
    texts = ANGRY + CALM
    X = paragraph_features(embedder, texts)
    Y = np.array([[1, 1] if i < 6 else [0, 0] for i in range(12)], np.int8)
    Y[0, 1] = 0  # second label not always on
    M = np.ones(Y.shape, bool)
    groups = [f"g{i}" for i in range(12)]
    head, thresholds = T.sigmoid_head(X, Y, M, groups, ["Loaded_Language", "Name_Calling-Labeling"],
                                      "paragraph", C=1.0)
    head.save(tmp_path / "techniques.npz")
    clf = Classifiers.load(tmp_path, embedder=embedder)
    out = clf.techniques(texts)
    assert all("Loaded_Language" in dict(p) for p in out[:6])
    assert all("Loaded_Language" not in dict(p) for p in out[6:])
    assert all(0.5 <= s <= 1.0 for p in out for _, s in p)


def test_softmax_head_round_trip(embedder, tmp_path):
    docs = ["\n".join(ANGRY[:3]), "\n".join(ANGRY[3:]), "\n".join(CALM[:3]), "\n".join(CALM[3:])] * 3
    from storylens.persuasion.features import document_features

    X = document_features(embedder, docs)
    y = np.array([0, 0, 1, 1] * 3)
    head = T.softmax_head(X, y, [f"d{i}" for i in range(12)], list(GENRES), "document", C=1.0)
    head.save(tmp_path / "genre.npz")
    loaded = Head.load(tmp_path / "genre.npz")
    assert loaded.labels == list(GENRES) and loaded.kind == "softmax"
    clf = Classifiers({"genre": loaded}, embedder)
    assert [g for g, _ in clf.genre(docs[:4])] == ["opinion", "opinion", "reporting", "reporting"]


def test_metrics_respect_masks():
    Y = np.array([[1, 0], [0, 1]])
    P = np.array([[1, 1], [0, 0]])
    M = np.array([[True, False], [True, True]])
    s = T.multilabel_scores(Y, P, M, ["a", "b"])
    assert s["per_label"]["a"]["f1"] == 1.0 and s["per_label"]["b"]["f1"] == 0.0
    assert s["micro_f1"] == pytest.approx(2 / 3, abs=1e-3)


# ------------------------------------------------------------------ shipped weights
@pytest.fixture(scope="module")
def shipped():
    return Classifiers.load()


def test_shipped_weights_are_small_and_complete():
    from storylens.persuasion.models import TASKS, WEIGHTS

    for task in TASKS:
        assert (WEIGHTS / f"{task}.npz").exists() and (WEIGHTS / f"{task}-fast.npz").exists()
    assert sum(p.stat().st_size for p in WEIGHTS.glob("*.npz")) < 20 * 1024 * 1024


def test_fast_path_needs_no_encoder():
    clf = Classifiers.load(fast=True)
    assert all(h.feature == "lexical" for h in clf.heads.values())
    assert len(clf.techniques(["They are traitors!"])) == 1
    assert len(clf.checkworthiness(["GDP grew 3% in 2021."])) == 1


def test_api_shapes(shipped):
    assert shipped.techniques([]) == []
    with pytest.raises(ValueError):
        shipped.techniques(["one", "two"], documents=["one"])
    with_context = shipped.techniques(["A paragraph."], documents=["A title\n\nA paragraph."])
    assert len(with_context) == 1
    out = shipped.techniques(["Ein Absatz auf Deutsch.", "Абзац по-русски."])
    assert len(out) == 2 and all(isinstance(p, list) for p in out)
    g = shipped.genre(["Some text.\nMore text."])
    assert g[0][0] in GENRES and 0 <= g[0][1] <= 1
    cw = shipped.checkworthiness(["The sky is blue.", "Unemployment fell to 3.5% in 2019."])
    assert len(cw) == 2 and all(0 <= x <= 1 for x in cw)
    assert all(f in FRAMES for f, _ in shipped.frames(["Taxes and the economy.\nPrices rose."])[0])


# ------------------------------------------------------------------ acceptance on the seeds
def _seed(name_prefix: str) -> str:
    folder = shared_path("seeds")
    (path,) = [p for p in folder.iterdir() if p.name.startswith(name_prefix)]
    return path.read_text(encoding="utf-8")


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]




DOUBT_LOADED_NAMECALLING = {"Loaded_Language", "Name_Calling-Labeling", "Doubt", "Questioning_the_Reputation"}
WESTERN = "Western information forces"
MARGINALIZED = "marginalized low-educated cells of society"


def _seed_000_paragraph(marker: str) -> tuple[str, str]:
    text = _seed("000_")
    (para,) = [p for p in _paragraphs(text) if marker in p]
    return para, text


@pytest.mark.parametrize("marker", [WESTERN, MARGINALIZED])
def test_seed_000_paragraphs_get_loaded_language_or_name_calling(shipped, marker):
    para, text = _seed_000_paragraph(marker)
    found = {label for label, _ in shipped.techniques([para], documents=[text])[0]}
    assert found & DOUBT_LOADED_NAMECALLING, found


@pytest.mark.parametrize("marker", [WESTERN, MARGINALIZED])
def test_seed_000_paragraphs_rank_loaded_language_or_name_calling_first(shipped, marker):
    """Weaker than the decision above: the best-scored technique is one of the expected ones."""
    para, text = _seed_000_paragraph(marker)
    row = shipped.scores("techniques", [para], [text])[0]
    top = shipped.heads["techniques"].labels[int(np.argmax(row))]
    assert top in DOUBT_LOADED_NAMECALLING, top


def test_seed_002_is_reporting(shipped):
    assert shipped.genre([_seed("002_")])[0][0] == "reporting"


def test_seed_003_comments_are_opinion(shipped):
    text = _seed("003_")
    assert shipped.genre([text])[0][0] == "opinion"
    comments = [c for c in text.split("\n") if len(c) > 200]
    votes = [g for g, _ in shipped.genre(comments)]
    assert votes.count("opinion") > len(votes) / 2, votes


def test_seed_002_detention_sentence_is_checkworthy(shipped):
    text = _seed("002_")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]
    (sentence,) = [s for s in sentences if "7,939 people were detained" in s]
    assert shipped.checkworthiness([sentence])[0] >= 0.5
