"""Story grouping internals on synthetic vectors: threshold clustering and the joining of
one event's parts that a language or script set apart (storylens.relate.stories)."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from storylens.relate.embeddings import normalise
from storylens.relate.stories import _atypical, _cluster, _merge_similar, _Space


def _group(rng: np.random.Generator, centre: np.ndarray, n: int, noise: float) -> np.ndarray:
    return centre + noise * rng.standard_normal((n, centre.size))


def _space(emb: np.ndarray) -> _Space:
    return _Space(normalise(emb).astype(np.float32), sparse.csr_matrix((len(emb), 4), dtype=np.float32), 1.0)


def test_parts_of_one_event_are_joined_and_another_event_stays_apart() -> None:
    rng = np.random.default_rng(3)
    dim = 64
    event, other, language = (rng.standard_normal(dim) for _ in range(3))
    # the event written in two "languages" (a shared offset apart), and a second event
    emb = np.vstack([_group(rng, event, 15, 0.6), _group(rng, event + 0.8 * language, 15, 0.6),
                     _group(rng, other, 15, 0.6)])
    space = _space(emb)
    split = np.repeat([0, 1, 2], 15)
    merged = _merge_similar(space, split, 0.8)
    assert len(set(merged[:30].tolist())) == 1
    assert merged[30] != merged[0] and len(set(merged[30:].tolist())) == 1
    # with a bar no pair reaches, nothing is joined
    assert len(set(_merge_similar(space, split, 1.5).tolist())) == 3


def test_threshold_clustering_finds_separated_groups_in_any_order() -> None:
    rng = np.random.default_rng(5)
    a, b = rng.standard_normal(32), rng.standard_normal(32)
    space = _space(np.vstack([_group(rng, a, 20, 0.3), _group(rng, b, 20, 0.3)]))
    for seed in (0, 1, 2):
        labels = _cluster(space, 0.5, rounds=3, seed=seed)
        assert len(set(labels[:20].tolist())) == 1 and len(set(labels[20:].tolist())) == 1
        assert labels[0] != labels[20]


def test_only_a_separate_low_group_of_typicality_is_flagged() -> None:
    rng = np.random.default_rng(7)
    main = np.ones(120, dtype=bool)
    # every document tells the event: one mode, and its low tail is no other subject
    one_mode = rng.standard_normal(120)
    assert not _atypical(one_mode, main, -1.25).any()
    # a group of documents about something else sits well below the rest
    two_modes = np.concatenate([rng.normal(0.3, 0.5, 100), rng.normal(-3.0, 0.4, 20)])
    flagged = _atypical(two_modes, main, -1.25)
    assert flagged[100:].sum() >= 18 and flagged[:100].sum() <= 1
    # one group is chosen only on positive evidence: asked for overwhelming evidence (50 BIC units),
    # the one-mode sample counts as two groups and its low tail is flagged
    assert not _atypical(one_mode, main, -1.25, one_group_evidence=2.0).any()
    assert _atypical(one_mode, main, -1.25, one_group_evidence=50.0).any()
    # documents outside the main story are never flagged by it
    assert not _atypical(two_modes, np.zeros(120, dtype=bool), -1.25).any()


def test_topics_sharing_common_ground_stay_apart_once_language_means_are_removed() -> None:
    from storylens.relate.stories import _centred

    rng = np.random.default_rng(11)
    dim = 64
    common, a, b = rng.standard_normal(dim) * 3, rng.standard_normal(dim), rng.standard_normal(dim)
    emb = np.vstack([_group(rng, common + a, 20, 0.5), _group(rng, common + b, 20, 0.5)])
    split = np.repeat([0, 1], 20)
    # with the common ground in, two topics look like one ...
    assert len(set(_merge_similar(_space(emb), split, 0.8).tolist())) == 1
    # ... without it (each language's mean removed) they stay two
    centred = _Space(_centred(normalise(emb).astype(np.float32), ["xx"] * 40),
                     sparse.csr_matrix((40, 4), dtype=np.float32), 1.0)
    assert len(set(_merge_similar(centred, split, 0.3).tolist())) == 2
