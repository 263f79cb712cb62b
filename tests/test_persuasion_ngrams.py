"""The lexical view of the techniques head: hashed n-grams, their head, its mix and its weights."""

from __future__ import annotations

import numpy as np
import pytest

from storylens.persuasion import train as T
from storylens.persuasion.models import Head, NgramView
from storylens.persuasion.ngrams import N_FEATURES, ngram_features, ngrams

# my own sentences: a label carried by a few words, which a meaning vector blurs
LOADED = [
    "These so-called experts want you to believe every word!",
    "The so-called reform is a disgrace to everyone.",
    "They want you to forget the so-called promises!",
    "A so-called plan from a so-called minister.",
    "Believe it or not, the so-called inquiry found nothing!",
    "Those so-called journalists sold us another tale.",
]
PLAIN = [
    "The committee met on Tuesday to review the budget.",
    "Rain is expected in the north later this week.",
    "The museum opens at nine in the morning.",
    "The train to the coast leaves every hour.",
    "The report lists the spending of each department.",
    "Voters elected a new council last spring.",
]


def test_ngrams_are_words_bigrams_marks_and_characters_inside_words():
    words, chars = ngrams("Вони ХОЧУТЬ війни!")
    assert {"w вони", "w хочуть", "w !", "b хочуть війни", "b війни !", "caps"} <= set(words)
    assert {"c <во", "c ни>", "c війн", "c <вій"} <= set(chars)
    assert not any(c.startswith("c <!") for c in chars)  # punctuation is a word, not characters
    assert all(3 <= len(c) - 2 <= 5 for c in chars)


def test_ngram_rows_are_hashed_the_same_way_every_time_and_of_unit_blocks():
    texts = ["Так звані експерти знову брешуть!", "", "A plain sentence."]
    X = ngram_features(texts)
    assert X.shape == (3, N_FEATURES)
    again = ngram_features(texts[::-1])[::-1]
    assert (X != again).nnz == 0  # a row depends on its text alone
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1))).ravel()
    assert norms[0] == pytest.approx(np.sqrt(2), abs=0.05) and norms[1] == 0  # two unit blocks; empty text: none
    # a different hash space gives different columns, and it is the caller's to choose
    assert ngram_features(texts[:1], 2**10).shape == (1, 2**10)


def _fit_view(n_features: int = 2**12):
    texts = LOADED + PLAIN
    X = ngram_features(texts, n_features).astype(np.float32)
    Y = np.array([[1] if i < len(LOADED) else [0] for i in range(len(texts))], np.int8)
    W, b = T.fit_multilabel(X, Y, np.ones(Y.shape, bool), 1e-3)
    return W, b, texts


def test_ngram_head_learns_the_words_of_a_label():
    W, b, texts = _fit_view()
    view = NgramView.pruned(W, b, np.array([1.0]))
    z = view.logits(["Another so-called victory for them!", "The council met to review the timetable."])[:, 0]
    assert z[0] > 0 > z[1]


def test_pruning_keeps_the_rows_that_weigh_most_and_their_logits():
    W, b, texts = _fit_view()
    full = NgramView.pruned(W, b, np.array([2.0]))
    assert len(full.rows) == (np.abs(W).max(axis=1) > 0).sum() < len(W)  # rows no text touched: none
    X = ngram_features(texts, len(W))
    assert np.allclose(full.logits(texts), 2.0 * (X @ W.astype(np.float64) + b), atol=1e-5)
    half = NgramView.pruned(W, b, np.array([2.0]), share=0.5)
    assert len(half.rows) == round(len(full.rows) / 2)
    strength = np.abs(W).max(axis=1)
    dropped = np.setdiff1d(full.rows, half.rows)
    assert strength[half.rows].min() >= strength[dropped].max()
    kept = np.zeros_like(W)
    kept[half.rows] = W[half.rows]
    assert np.allclose(half.logits(texts), 2.0 * (X @ kept.astype(np.float64) + b), atol=1e-5)


def test_a_head_with_an_ngram_view_mixes_it_in_and_survives_a_round_trip(tmp_path):
    W, b, texts = _fit_view()
    view = NgramView.pruned(W, b, np.array([0.5]))
    head = Head(["Loaded_Language"], "sigmoid", "unit", np.zeros(2), np.ones(2), np.zeros((2, 1)), np.zeros(1),
                np.ones(1), np.zeros(1), np.full((1, 1), 0.5), ngrams=view)
    X = np.zeros((len(texts), 2))
    P = head.probabilities(X, texts)[:, 0]
    assert P[: len(LOADED)].min() > P[len(LOADED):].max()  # only the n-gram view tells them apart
    with pytest.raises(ValueError, match="texts"):
        head.probabilities(X)
    head.save(tmp_path / "t.npz")
    back = Head.load(tmp_path / "t.npz")
    assert back.ngrams is not None and back.ngrams.n_features == 2**12
    assert np.allclose(back.probabilities(X, texts)[:, 0], P, atol=1e-3)  # float16 weights on disk
    again = Head.load(tmp_path / "t.npz").probabilities(X[:1], texts[:1])
    assert np.array_equal(again, back.probabilities(X, texts)[:1])  # the same to the last bit alone


def test_mix_weights_follow_the_view_that_carries_the_label():
    rng = np.random.default_rng(3)
    n = 4000
    z1, z2 = rng.normal(size=(n, 2)), rng.normal(size=(n, 2))
    # label 0 depends on both views equally, label 1 on the first alone
    logit = np.c_[z1[:, 0] + z2[:, 0], 2 * z1[:, 1]]
    Y = (rng.random((n, 2)) < 1 / (1 + np.exp(-logit))).astype(np.int8)
    w = T.mix_weights(z1, z2, Y, np.ones(Y.shape, bool))
    assert w[0] == pytest.approx(1.0, abs=0.2) and w[1] < 0.15


def test_cross_validation_mixes_a_second_view_fitted_on_the_other_folds():
    rng = np.random.default_rng(4)
    n = 3000
    signal = rng.normal(size=n)
    X = np.c_[signal + rng.normal(scale=2.0, size=n), rng.normal(size=n)]  # the first view sees it dimly
    Y = (rng.random(n) < 1 / (1 + np.exp(3 - 3 * signal))).astype(np.int8)[:, None]  # about one in six
    M = np.ones(Y.shape, bool)
    folds = T.group_folds([f"g{i}" for i in range(n)])
    alone = T.cross_validate(X, Y, M, folds, 1e-2)
    Z2 = (signal + rng.normal(scale=0.5, size=n))[:, None].astype(np.float32)  # the second sees it well
    both = T.cross_validate(X, Y, M, folds, 1e-2, Z2=Z2)
    f1 = [T.multilabel_metrics(Y > 0, cv.pred)["micro"] for cv in (alone, both)]
    assert f1[1] > f1[0] + 0.05
    assert np.array_equal(both.Z, alone.Z) and both.Z2 is Z2
