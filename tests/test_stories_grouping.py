"""Story grouping internals on synthetic vectors: threshold clustering and the joining of
one event's parts that a language or script set apart (storylens.relate.stories)."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from storylens.relate.embeddings import normalise
from storylens.config import StorySettings
from storylens.doc import Document, Sentence
from storylens.relate.stories import (_cluster, _Facts, _headline, _lead_parts, _merge_similar, _off_subject, _Space,
                                      _split_incoherent, word_forms)


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
    return [_Facts(str(i), "xx", None, None, [], tuple(frozenset([w]) for w in h.split())) for i, h in enumerate(heads)]


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


def test_a_name_in_another_case_form_is_the_same_headline_word() -> None:
    # a short name's case forms differ within the five letters of a stem; its dictionary form joins them
    assert word_forms("марии", "ru") & word_forms("марию", "ru")
    assert word_forms("олесі", "uk") & word_forms("олесю", "uk")
    # a word the dictionary misreads still meets itself across languages
    assert word_forms("ковальчук", "uk") & word_forms("ковальчук", "ru")
    # and distinct words stay distinct
    assert not word_forms("марии", "ru") & word_forms("мэрии", "ru")


def _ru_facts(heads: list[str]) -> list[_Facts]:
    from storylens.relate.stories import content_words

    return [_Facts(str(i), "ru", None, None, [], tuple({word_forms(w, "ru") for w in content_words(h)}))
            for i, h in enumerate(heads)]


def test_an_atypical_lead_naming_the_main_actor_in_another_case_stays() -> None:
    settings = StorySettings()
    z = np.concatenate([np.linspace(0.0, 1.0, 30), [-2.5, -2.5]])
    main = np.ones(32, dtype=bool)
    # typical headlines name the rescued climber (genitive) and one of three things about the rescue
    things = ["Вертолёт", "Спасатели", "Ледник"]
    heads = [f"{things[i % 3]} Марии Луниной" for i in range(30)]
    # an atypical lead whose headline names her in the accusative (five-letter stems: "mariy" vs
    # "marii"), and one about something else
    heads += ["Вертолёт и спасатели доставили Марию Лунину", "Биржевые котировки упали к вечеру"]
    flagged = _off_subject(z, main, _ru_facts(heads), -1.25, settings)
    assert not flagged[30] and flagged[31]


def _doc(title: str, sentences: list[str]) -> Document:
    text = title + "\n\n"
    spans = []
    for s in sentences:
        spans.append(Sentence(len(text), len(text) + len(s), 1))
        text += s + " "
    return Document("d", "d.txt", "txt", text, text, meta={"title": title}, sentences=spans)


def test_the_headline_passes_over_datelines_and_bylines() -> None:
    doc = _doc("Ferry runs aground off the northern cape",
               ["Oslo.", "12 March.", "By Staff Reporter.",
                "A passenger ferry carrying 200 people ran aground early on Tuesday.", "Nobody was hurt."])
    parts = _lead_parts(doc, 5)
    assert _headline(parts, True, StorySettings().headline_min_words) == (
        "Ferry runs aground off the northern cape\n"
        "A passenger ferry carrying 200 people ran aground early on Tuesday.")
    # with no sentence long enough, the first one; without a title, the first long sentence alone
    assert _headline(parts[:3], True, 4) == "Ferry runs aground off the northern cape\nOslo."
    assert _headline(parts[1:], False, 4) == "A passenger ferry carrying 200 people ran aground early on Tuesday."


def test_a_story_of_two_separate_groups_is_split_and_a_coherent_one_is_not() -> None:
    rng = np.random.default_rng(13)
    dim = 64
    a, b, c = (rng.standard_normal(dim) for _ in range(3))
    emb = np.vstack([_group(rng, a, 25, 0.5), _group(rng, b, 20, 0.5), _group(rng, c, 30, 0.5)])
    space = _space(emb)
    # threshold clustering put the first two groups in one story; the third is a story of its own
    labels = np.repeat([0, 0, 1], [25, 20, 30])
    out = _split_incoherent(space, labels, 0.3)
    assert len(set(out[:25].tolist())) == 1 and len(set(out[25:45].tolist())) == 1 and out[0] != out[25]
    assert len(set(out[45:].tolist())) == 1 and out[45] not in (out[0], out[25])
    # one group's halves are nearly as close to each other as each to itself: no split
    one = _space(_group(rng, a, 45, 0.5))
    assert not _split_incoherent(one, np.zeros(45, dtype=int), 0.3).any()


def test_typicality_reads_the_lead_without_its_dateline() -> None:
    from storylens.relate import embeddings
    from storylens.relate.stories import _facts, _subject_embeddings

    body = ["A passenger ferry carrying 200 people ran aground early on Tuesday.",
            "Coastguard boats took everyone ashore within three hours."]
    plain = _doc("Ferry runs aground off the northern cape", body)
    dated = _doc("Ferry runs aground off the northern cape", ["Oslo.", "12 March."] + body)
    settings = StorySettings()
    (_, lead_a, subject_a), (_, lead_b, subject_b) = _facts(plain, None, settings), _facts(dated, None, settings)
    assert lead_a != lead_b and subject_a == subject_b == lead_a
    emb = embeddings.normalise(embeddings.encode([lead_a, lead_b]))
    out = _subject_embeddings(emb, [lead_a, lead_b], [subject_a, subject_b])
    assert np.allclose(out[0], emb[0]) and np.allclose(out[1], out[0], atol=1e-5)
    assert not np.allclose(emb[1], emb[0], atol=1e-3)


def test_a_language_without_a_function_word_list_keeps_long_words_and_names() -> None:
    from storylens.relate.stories import _lead_words

    parts = ["Povodeň zasáhla údolí u města Brod", "Podle hasičů je voda pro obce velkou hrozbou"]
    words = _lead_words(parts, "cs", 6)
    assert "povodeň" in words and "zasáhla" in words and "brod" in words and "hrozbou" in words
    assert not {"podle", "pro", "je", "obce", "voda"} & set(words)
    # a language with a list reads every content word
    assert "flood" in _lead_words(["The flood hit the valley"], "en", 6)
    assert "hit" in _lead_words(["The flood hit the valley"], "en", 6)
