"""Story grouping internals on synthetic vectors: threshold clustering and the joining of
one event's parts that a language or script set apart (storylens.relate.stories)."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from storylens.relate.embeddings import normalise
from storylens.config import StorySettings
from storylens.relate.stories import _cluster, _Facts, _merge_similar, _off_subject, _Space


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


def _facts(heads: list[str]) -> list[_Facts]:
    return [_Facts(str(i), "xx", None, None, [], frozenset(h.split())) for i, h in enumerate(heads)]


def test_an_atypical_lead_is_off_subject_only_when_its_headline_names_other_things() -> None:
    settings = StorySettings()
    rng = np.random.default_rng(7)
    z = np.concatenate([rng.normal(0.3, 0.5, 40), np.full(6, -2.5)])
    main = np.ones(46, dtype=bool)
    # typical members' headlines name two of the event's place, what happened and its inquiry, plus
    # their own words
    pairs = ["harbo blast", "blast inqui", "harbo inqui"]
    heads = [f"{pairs[i % 3]} w{i}" for i in range(40)]
    # three atypical leads whose headlines still name the event, three that name other things
    heads += ["harbo blast victi", "blast inqui memor", "harbo inqui delay", "stock marke", "footb final",
              "elect harbo recou"]
    flagged = _off_subject(z, main, _facts(heads), -1.25, settings)
    assert flagged[43:].all() and not flagged[:43].any()
    # the same headlines with typical leads are never flagged: both views must agree
    assert not _off_subject(np.abs(z), main, _facts(heads), -1.25, settings).any()
    # documents outside the main story are never flagged by it
    assert not _off_subject(z, np.zeros(46, dtype=bool), _facts(heads), -1.25, settings).any()
    # in a corpus whose every headline names the event, no low tail is flagged
    same = [f"harbo blast w{i}" for i in range(46)]
    assert not _off_subject(z, main, _facts(same), -1.25, settings).any()


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
