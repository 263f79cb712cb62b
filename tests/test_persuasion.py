"""Persuasion techniques, frames, genre and check-worthiness: data, training, calibration, inference."""

from __future__ import annotations

import re

import numpy as np
import pytest

from storylens.persuasion import FRAMES, GENRES, TECHNIQUES, Classifiers
from storylens.persuasion import data as D
from storylens.persuasion import labels as L
from storylens.persuasion import train as T
from storylens.persuasion.cues import cue_features, cue_names, cue_patterns
from storylens.persuasion.features import (
    GENRE_SHAPE,
    Embedder,
    genre_features,
    lexical,
    paragraphs_of,
    unit_features,
    windows,
)
from storylens.persuasion.models import TASKS, WEIGHTS, Head, bucket_of
from tests.conftest import shared_path


# ------------------------------------------------------------------ label maps
def test_every_data_set_label_maps_into_the_label_set():
    for mapping in (L.SEMEVAL2023_MAP, L.PTC2020_MAP, L.UNLP2025_MAP, L.MEMES2021_MAP):
        for label, targets in mapping.items():
            assert targets and set(targets) <= set(TECHNIQUES), label
    assert len(TECHNIQUES) == 26 and len(FRAMES) == 14 and GENRES == ("opinion", "reporting", "satire")


def test_merged_source_labels_are_unknown_when_present_and_scored_as_any_member():
    pos, unknown = L.map_labels(["Whataboutism,Straw_Men,Red_Herring", "Doubt"], L.PTC2020_MAP)
    assert pos == {"Doubt"} and unknown == {"Whataboutism", "Straw_Man", "Red_Herring"}
    assert "Questioning_the_Reputation" not in L.observed(L.PTC2020_MAP)  # never annotated in PTC
    assert L.to_source({"Straw_Man", "Doubt"}, L.PTC2020_MAP) == {"Whataboutism,Straw_Men,Red_Herring", "Doubt"}
    assert L.to_source({"Fear_Uncertainty_Doubt"}, L.UNLP2025_MAP) == {"fud"}


def test_folds_are_stable_and_by_group():
    folds = T.group_folds([f"se:en:{i}" for i in range(1000)] + ["se:en:1"])
    assert folds[1] == folds[-1]
    assert all(150 < (folds == f).sum() < 250 for f in range(T.FOLDS))


def test_span_labels_reach_the_sentences_they_cover():
    text = "Calm words here. They are vile traitors! Nothing else."
    start = text.index("vile")
    out = D._sentence_labels(text, [("Name_Calling-Labeling", start, start + len("vile traitors"))], 0)
    assert [labels for _, labels in out] == [set(), {"Name_Calling-Labeling"}, set()]
    assert out[1][0] == "They are vile traitors!"


# ------------------------------------------------------------------ features
def test_lexical_features_are_finite_and_sized():
    X = lexical(["", "7,939 people were detained!", "WHY?"])
    assert X.shape == (3, 12) and np.isfinite(X).all()
    assert X[1, 3] == 1.0  # has a number


def test_cues_are_found_in_each_shipped_language():
    names = cue_names()
    X = cue_features(["We must act now, before it is too late!", "Это якобы катастрофа.", "Це нібито загроза."])
    found = [{names[j].rsplit("_", 2)[0] for j in np.flatnonzero(row) if names[j].endswith("log_count")} for row in X]
    assert {"we", "urgency"} <= found[0]
    assert {"doubt", "negative_loaded"} <= found[1]
    assert {"doubt", "fear"} <= found[2]


def test_windows_cut_long_passages_at_sentence_boundaries():
    sentence = "This is one sentence of a very long passage. "
    text = (sentence * 100).strip()
    parts = windows(text, 500)
    assert len(parts) > 5 and all(len(p) <= 500 for p in parts)
    assert all(p.endswith(".") for p in parts) and "".join(parts).replace(" ", "") == text.replace(" ", "")
    assert windows("Short.", 500) == ["Short."]


def test_paragraphs_of_splits_lines():
    assert paragraphs_of("Title\n\nOne.\nTwo.\n\n") == ["Title", "One.", "Two."]


# ------------------------------------------------------------------ calibration and thresholds
def test_platt_scaling_recovers_the_true_calibration():
    rng = np.random.default_rng(0)
    z = rng.normal(size=20000)
    y = (rng.random(20000) < 1 / (1 + np.exp(-(2 * z - 1)))).astype(float)
    a, b = T.fit_platt(z, y)
    assert a == pytest.approx(2, abs=0.15) and b == pytest.approx(-1, abs=0.1)


def test_thresholds_are_chosen_per_length_bucket():
    rng = np.random.default_rng(1)
    n = 4000
    lengths = np.where(np.arange(n) % 2 == 0, 100, 600)
    z = rng.normal(size=(n, 1))
    # the same logit means a label far more often in long texts: their threshold must be lower
    y = (rng.random((n, 1)) < 1 / (1 + np.exp(-(z + np.where(lengths[:, None] > 350, 1.5, -1.5))))).astype(np.int8)
    buckets = bucket_of(lengths, lengths, np.array([350.0]), np.zeros(0))
    A, B, Tm, best = T.calibrate(z, y, np.ones(y.shape, bool), buckets, 2)
    assert Tm.shape == (2, 1) and Tm[1, 0] < Tm[0, 0] and best[0] > 0.3


def test_languages_with_many_posts_get_thresholds_of_their_own_for_posts_only():
    """A post language's label rate differs from the pooled one: its standalone buckets get their
    own per-label thresholds; passages of long documents and other languages keep the pooled ones."""
    rng = np.random.default_rng(2)
    n = 6000
    langs = np.array(["uk", "xx", "uk"] * (n // 3))
    buckets = np.where(np.arange(n) % 4 == 0, 3, 0)  # 3: a passage of a long document
    P = rng.random((n, 1))
    # in Ukrainian posts the label is common even at low scores: its best threshold is low
    rate = np.where((langs == "uk") & (buckets == 0), 0.2 + 0.8 * P[:, 0], P[:, 0] ** 4)
    Y = (rng.random(n) < rate).astype(np.int8)[:, None]
    M = np.ones(Y.shape, bool)
    pooled = np.full((6, 1), 0.5)
    LT = T.language_thresholds(P, Y, M, buckets, langs, ["uk"], pooled, 3)
    assert LT.shape == (1, 6, 1)
    other = (langs == "xx") & (buckets == 0)
    assert LT[0, 0, 0] < T._label_f1_threshold(P[other, 0], Y[other, 0] > 0)[0]  # Ukrainian posts: lower
    assert (LT[0, 3:] == pooled[3:]).all()  # passages of long documents: the pooled thresholds
    assert LT[0, 0, 0] == LT[0, 1, 0] == LT[0, 2, 0]  # one threshold for posts of every length
    assert T.standalone_languages(np.array(["uk"] * 1200 + ["en"] * 50), np.ones(1250, bool)) == ["uk"]
    head = Head(["X"], "sigmoid", "unit", np.zeros(1), np.ones(1), np.zeros((1, 1)), np.zeros(1), np.ones(1),
                np.zeros(1), pooled, edges=np.array([150.0, 350.0]), context_edges=np.array([1500.0]),
                languages=["uk"], language_threshold=LT)
    got = head.thresholds_for([100, 100, 100, 100], [100, 100, 100, 5000], ["uk", "xx", None, "uk"])[:, 0]
    assert list(got) == [LT[0, 0, 0], 0.5, 0.5, 0.5]


def test_language_thresholds_survive_a_round_trip(tmp_path):
    LT = np.arange(6, dtype=np.float32).reshape(1, 6, 1) / 10
    head = Head(["X"], "sigmoid", "unit", np.zeros(1), np.ones(1), np.zeros((1, 1)), np.zeros(1), np.ones(1),
                np.zeros(1), np.full((6, 1), 0.5), edges=np.array([150.0, 350.0]),
                context_edges=np.array([1500.0]), languages=["ru"], language_threshold=LT)
    head.save(tmp_path / "h.npz")
    back = Head.load(tmp_path / "h.npz")
    assert back.languages == ["ru"] and np.array_equal(back.language_threshold, LT)


def test_genre_features_see_attribution_first_person_and_the_title():
    report = ("Bridge closed after flood\nThe ministry said on Tuesday that the bridge would stay shut. "
              "\"We are checking every pillar,\" a spokesman told reporters. Water rose 3 metres.")
    opinion = "Why I will never trust them again\nI think we were fooled. You should be angry too. I am."
    names = list(cue_patterns("persuasion_genre")[0]) + list(GENRE_SHAPE)
    G = genre_features([report, opinion, ""])
    assert G.shape == (3, len(names)) and np.isfinite(G).all() and not G[2].any()
    col = {name: j for j, name in enumerate(names)}
    assert G[0, col["reporting_verb"]] == 0.5 and G[1, col["reporting_verb"]] == 0  # 2 of 4 sentences
    assert G[0, col["source_share"]] == 0.5 and G[1, col["source_share"]] == 0
    assert G[1, col["first_singular"]] > 0.5 and G[0, col["first_singular"]] == 0
    assert G[0, col["quote_share"]] > 0 and G[0, col["digit_share"]] > 0
    assert G[1, col["title_question"]] == 0 and G[1, col["title_log_chars"]] > 0
    ru = genre_features(["Заголовок\nМинистр заявил журналистам, что мост закрыт. Я считаю, это ошибка."])
    assert ru[0, col["reporting_verb"]] == pytest.approx(1 / 3) == ru[0, col["first_singular"]]  # title + 2


def test_metrics_and_baselines():
    gold = np.array([[1, 0], [0, 1], [1, 1]], bool)
    pred = np.array([[1, 1], [0, 0], [1, 1]], bool)
    m = T.multilabel_metrics(gold, pred)
    assert m["micro"] == pytest.approx(2 * 3 / (2 * 3 + 1 + 1), abs=1e-3)
    assert list(T.topk_labels(np.array([[1, 0, 0], [1, 1, 0], [1, 0, 0]], bool))) == [True, False, False]


# ------------------------------------------------------------------ training on a tiny sample
ANGRY = [
    "These traitors and liars are destroying our great nation!",
    "The corrupt elites are disgusting parasites who betray us!",
    "Shameful cowards and thieves rule this rotten country!",
    "Those idiots in parliament are criminals and frauds!",
    "Vile propagandists spread their poisonous lies again!",
    "The treacherous clowns will ruin everything we love!",
    "Only fools and crooks would vote for these monsters!",
    "Disgraceful puppets of a rotten regime lie to us daily!",
    "These thugs are wrecking everything decent people built!",
    "A gang of hypocrites and liars is ruining our homeland!",
]
CALM = [
    "The committee met on Tuesday to review the budget.",
    "Rainfall in March was close to the long-term average.",
    "The museum opens at nine and closes at five.",
    "The report lists the population of each district.",
    "Trains run every twenty minutes on weekdays.",
    "The company published its quarterly results today.",
    "The library extended its opening hours in the summer.",
    "Engineers inspected the bridge and found it sound.",
    "The school year begins in the first week of September.",
    "The council approved the new bus timetable.",
]


@pytest.fixture(scope="module")
def embedder():
    return Embedder()


@pytest.fixture(scope="module")
def tiny(embedder, tmp_path_factory):
    """A techniques head trained, cross-validated and saved on twenty sentences."""
    texts = ANGRY + CALM
    X = unit_features(embedder, texts)
    Y = np.array([[1] if i < len(ANGRY) else [0] for i in range(len(texts))], np.int8)
    M = np.ones(Y.shape, bool)
    folds = T.group_folds([f"g{i}" for i in range(len(texts))])
    cv = T.cross_validate(X, Y, M, folds, 1e-2)
    head, dropped = T.final_sigmoid_head(X, Y, M, cv, ["Loaded_Language"], "unit", 1e-2, window=70)
    folder = tmp_path_factory.mktemp("weights")
    head.save(folder / "techniques.npz")
    return Classifiers.load(folder, embedder=embedder), cv, dropped


def test_tiny_head_predicts_held_out_folds_and_its_training_data(tiny):
    clf, cv, dropped = tiny
    assert not dropped
    assert cv.pred[: len(ANGRY), 0].mean() > 0.7 and cv.pred[len(ANGRY):, 0].mean() < 0.3
    out = clf.techniques(ANGRY + CALM)
    assert all(dict(p).get("Loaded_Language", 0) >= clf.thresholds("techniques")["Loaded_Language"] for p in out[:10])
    assert not any(out[10:])


def test_long_passages_are_scored_in_windows(tiny):
    clf, _, _ = tiny
    calm = " ".join(CALM * 3)
    one_angry = calm + " " + ANGRY[0] + " " + calm
    p_calm, p_mixed = clf.probabilities("techniques", [calm, one_angry])[:, 0]
    assert len(windows(one_angry, 70)) == 2 * len(CALM) * 3 + 1
    assert p_mixed > p_calm and clf.techniques([one_angry])[0]


def test_rare_labels_are_dropped_with_a_reason(embedder):
    texts = ANGRY + CALM
    X = unit_features(embedder, texts)
    Y = np.zeros((len(texts), 2), np.int8)
    Y[: len(ANGRY), 0] = 1
    Y[0, 1] = 1  # one positive: too rare
    M = np.ones(Y.shape, bool)
    folds = T.group_folds([f"g{i}" for i in range(len(texts))])
    cv = T.cross_validate(X, Y, M, folds, 1e-2)
    head, dropped = T.final_sigmoid_head(X, Y, M, cv, ["a", "b"], "unit", 1e-2)
    assert head.labels == ["a"] and "1 positive" in dropped["b"]


def test_dropped_reasons_survive_a_round_trip(embedder, tmp_path):
    head = Head(["a"], "sigmoid", "unit", np.zeros(3), np.ones(3), np.ones((3, 1)), np.zeros(1), np.ones(1),
                np.zeros(1), np.full((1, 1), 0.4), dropped={"b": "too rare"})
    head.save(tmp_path / "x.npz")
    again = Head.load(tmp_path / "x.npz")
    assert again.dropped == {"b": "too rare"} and again.threshold.shape == (1, 1)


# ------------------------------------------------------------------ shipped weights
@pytest.fixture(scope="module")
def shipped():
    return Classifiers.load()


def test_shipped_weights_are_small_complete_and_every_label_reachable(shipped):
    assert set(shipped.heads) == set(TASKS)
    assert sum(p.stat().st_size for p in WEIGHTS.glob("*.npz")) < 20 * 1024 * 1024
    techniques = shipped.heads["techniques"]
    assert set(techniques.labels) | set(techniques.dropped) == set(TECHNIQUES)
    for name, head in shipped.heads.items():
        if head.kind == "sigmoid":
            assert (head.threshold <= 0.9).all() and (head.threshold >= T.THRESHOLDS[0]).all(), name


def test_api_shapes(shipped):
    assert shipped.techniques([]) == []
    with pytest.raises(ValueError):
        shipped.techniques(["one", "two"], documents=["one"])
    assert len(shipped.techniques(["A paragraph."], documents=["A title\n\nA paragraph."])) == 1
    with pytest.raises(ValueError):
        shipped.techniques(["one", "two"], languages=["en"])
    out = shipped.techniques(["Ein Absatz auf Deutsch.", "Абзац по-русски.", ""])
    assert len(out) == 3 and all(isinstance(p, list) for p in out)
    g = shipped.genre(["Some text.\nMore text."])
    assert g[0][0] in GENRES and 0 <= g[0][1] <= 1
    cw = shipped.checkworthiness(["The sky is blue.", "Unemployment fell to 3.5% in 2019."])
    assert len(cw) == 2 and all(0 <= x <= 1 for x in cw)
    assert all(f in FRAMES for f, _ in shipped.frames(["Taxes and the economy.\nPrices rose."])[0])


def test_checkworthiness_ranks_claims_above_small_talk(shipped):
    claims = ["Unemployment fell to 3.5% in 2019, the lowest rate in fifty years.",
              "The government spent 4 billion dollars on the new airport.",
              "It means you had a rigged count in that district."]
    chatter = ["Thank you all for coming tonight.", "Good evening, everyone.", "Well, let me say this."]
    scores = shipped.checkworthiness(claims + chatter)
    threshold = shipped.thresholds("checkworthiness")["check_worthy"]
    assert min(scores[:3]) >= threshold > max(scores[3:])


# ------------------------------------------------------------------ acceptance on the seeds
def _seed(name_prefix: str) -> str:
    folder = shared_path("seeds")
    (path,) = [p for p in folder.iterdir() if p.name.startswith(name_prefix)]
    return path.read_text(encoding="utf-8")


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


LOADED = {"Loaded_Language", "Name_Calling-Labeling", "Doubt", "Questioning_the_Reputation"}


@pytest.mark.parametrize("marker", ["Western information forces", "marginalized low-educated cells of society"])
def test_seed_000_paragraphs_rank_a_loaded_technique_first(shipped, marker):
    """Among the SemEval-2023 techniques, the most probable is a loaded-language one."""
    text = _seed("000_")
    (para,) = [p for p in _paragraphs(text) if marker in p]
    row = shipped.probabilities("techniques", [para], [text])[0]
    labels = shipped.heads["techniques"].labels
    semeval = [j for j, label in enumerate(labels) if label in L.SEMEVAL2023_MAP]
    assert labels[max(semeval, key=lambda j: row[j])] in LOADED


def test_seed_000_insulting_paragraph_is_labelled_loaded_language(shipped):
    text = _seed("000_")
    (para,) = [p for p in _paragraphs(text) if "marginalized low-educated cells of society" in p]
    assert "Loaded_Language" in dict(shipped.techniques([para], [text])[0])


def test_seed_002_detention_sentence_is_checkworthy(shipped):
    text = _seed("002_")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]
    (sentence,) = [s for s in sentences if "7,939 people were detained" in s]
    assert shipped.checkworthiness([sentence])[0] >= shipped.thresholds("checkworthiness")["check_worthy"]


def test_training_without_the_data_says_what_is_missing(tmp_path, capsys):
    with pytest.raises(SystemExit):
        T.main(["--data", str(tmp_path), "--tasks", "frames"])
    assert "does not hold semeval2023/" in capsys.readouterr().err


def test_shipped_post_languages_have_their_own_thresholds(shipped):
    """UNLP-2025's posts (uk, ru) get per-label thresholds of their own; the probabilities do not
    depend on the language, only which labels pass."""
    head = shipped.heads["techniques"]
    assert head.languages == ["ru", "uk"] and head.language_threshold.shape == (2, *head.threshold.shape)
    assert (head.language_threshold <= 0.9).all() and (head.language_threshold >= T.THRESHOLDS[0]).all()
    pooled = shipped.thresholds("techniques", 200, 200)
    assert shipped.thresholds("techniques", 200, 200, "uk") != pooled
    assert shipped.thresholds("techniques", 200, 200, "de") == pooled
    assert shipped.thresholds("techniques", 200, 5000, "uk") == shipped.thresholds("techniques", 200, 5000)
    post = "Ці зрадники знову брешуть нам усім! Ганьба!"
    P = shipped.probabilities("techniques", [post])[0]
    for lang in ("uk", None):
        got = dict(shipped.techniques([post], languages=[lang])[0])
        limits = shipped.thresholds("techniques", len(post), len(post), lang)
        assert set(got) == {label for label, p in zip(head.labels, P) if p >= limits[label]}


def test_seed_genres(shipped):
    assert shipped.genre([_seed("002_")])[0][0] == "reporting"  # a news site's report
    assert shipped.genre([_seed("003_")])[0][0] == "opinion"  # a comment thread


def test_scores_do_not_depend_on_the_batch(shipped):
    """A score on a threshold must not flip with the worker count: the same passage gets the same
    probabilities, to the last bit, alone, in a small batch or in a large one."""
    passages = ANGRY + CALM + ["Short.", "Another short one.", " ".join(CALM)]
    documents = ["\n".join(ANGRY)] * len(ANGRY) + [None] * (len(passages) - len(ANGRY))
    together = Classifiers.load(embedder=Embedder()).probabilities("techniques", passages, documents)
    for size in (1, 3):
        clf = Classifiers.load(embedder=Embedder())
        parts = [clf.probabilities("techniques", passages[i:i + size], documents[i:i + size])
                 for i in range(0, len(passages), size)]
        assert np.array_equal(np.vstack(parts), together)
    alone = Classifiers.load(embedder=Embedder()).checkworthiness([CALM[0]])
    assert alone == shipped.checkworthiness(CALM)[:1]
