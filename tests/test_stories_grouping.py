"""Story grouping internals on synthetic vectors: threshold clustering and the joining of
one event's parts that a language or script set apart (storylens.relate.stories)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from storylens.relate.embeddings import normalise
from storylens.config import StorySettings
from storylens.doc import Document, Sentence
from storylens.memory import Rows
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
    centred = _Space(_centred(Rows(normalise(emb).astype(np.float32)), ["xx"] * 40),
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
    assert _headline(parts, True, StorySettings().headline_min_words, "en") == (
        "Ferry runs aground off the northern cape\n"
        "A passenger ferry carrying 200 people ran aground early on Tuesday.")
    # with no sentence long enough, the first one; without a title, the first long sentence alone
    assert _headline(parts[:3], True, 4, "en") == "Ferry runs aground off the northern cape\nOslo."
    assert _headline(parts[1:], False, 4, "en") == "A passenger ferry carrying 200 people ran aground early on Tuesday."


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


def test_typicality_reads_the_lead_without_its_dateline(tmp_path: Path) -> None:
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
    assert not np.allclose(emb[1], emb[0], atol=1e-3)
    lead_0 = emb[0].copy()
    out = _subject_embeddings(Rows(emb), [1], iter([subject_b]), str(tmp_path)).array  # the second lead's differs
    assert np.allclose(out[0], lead_0) and np.allclose(out[1], out[0], atol=1e-5)


def test_a_language_without_a_function_word_list_keeps_long_words_and_names() -> None:
    from storylens.relate.stories import _lead_words

    parts = ["Povodeň zasáhla údolí u města Brod", "Podle hasičů je voda pro obce velkou hrozbou"]
    # "xx" has no list: only words of six letters or more, and names
    words = _lead_words(parts, "xx", 6)
    assert "povodeň" in words and "zasáhla" in words and "brod" in words and "hrozbou" in words
    assert not {"podle", "pro", "je", "obce", "voda"} & set(words)
    # a language with a list reads every content word: Czech drops its function words only
    words = _lead_words(parts, "cs", 6)
    assert {"voda", "obce", "povodeň", "brod"} <= set(words) and not {"podle", "pro", "je"} & set(words)
    assert "flood" in _lead_words(["The flood hit the valley"], "en", 6)
    assert "hit" in _lead_words(["The flood hit the valley"], "en", 6)


def test_function_words_are_read_in_the_documents_own_language() -> None:
    from storylens.relate.stories import content_words

    # Bulgarian «след» ("after") is a function word there and a noun ("trace") in Russian
    assert "след" not in content_words("След срещата министърът каза, че мостът ще бъде затворен", "bg")
    assert "след" in content_words("Следователи нашли след шин у моста", "ru")
    assert "след" in content_words("Следователи нашли след шин у моста")  # no language: en/ru/uk lists
    # each Slavic language's own function words go, its content words stay
    assert content_words("Policja nie jest pewna, czy most się zawalił", "pl") == [
        "policja", "pewna", "most", "zawalił"]
    assert content_words("Gasilci so tudi kot prostovoljci rešili most", "sl") == [
        "gasilci", "prostovoljci", "rešili", "most"]


def test_posts_written_alike_join_a_story_only_on_a_shared_term() -> None:
    rng = np.random.default_rng(17)
    dim, n = 64, 12
    # one-sentence posts about three events in one template: nearly one point in the embedding
    template = rng.standard_normal(dim)
    emb = normalise(np.vstack([_group(rng, template, 3 * n, 0.15)])).astype(np.float32)
    # each event's posts name its own two words (a flood, a strike, a blast and their places)
    rows = np.repeat(np.arange(3 * n), 2)
    cols = np.concatenate([[2 * (i // n), 2 * (i // n) + 1] for i in range(3 * n)])
    terms = sparse.csr_matrix((np.full(len(rows), np.sqrt(0.5), dtype=np.float32), (rows, cols)), shape=(3 * n, 6))
    labels = _cluster(_Space(emb, terms, 0.5), 0.25, rounds=3, seed=0)
    events = np.repeat([0, 1, 2], n)
    assert len(set(labels.tolist())) == 3
    assert all(len(set(labels[events == k].tolist())) == 1 for k in range(3))
    # on the embedding and term similarity alone, they are one story
    assert len(set(_cluster(_Space(emb, terms, 0.5), 0.25, rounds=3, seed=0, shared_terms=False).tolist())) == 1
    # a post with no term at all is placed by the embedding alone
    bare = sparse.vstack([terms, sparse.csr_matrix((1, 6), dtype=np.float32)]).tocsr()
    labels = _cluster(_Space(np.vstack([emb, emb[:1]]), bare, 0.5), 0.25, rounds=3, seed=0)
    assert labels[-1] in set(labels[:-1].tolist())


def test_a_later_development_is_told_from_the_events_later_reports() -> None:
    from storylens.relate.stories import _later_developments

    def facts(rows: list[tuple[int, str]]) -> list[_Facts]:
        return [_Facts(str(i), "en", 738000 + day, None, [], tuple(frozenset([w]) for w in head.split()))
                for i, (day, head) in enumerate(rows)]

    # the event's core: three weeks of reports about a dam burst and the flood
    core = [(d % 20, h) for d, h in enumerate(["dam burst flood valley", "flood valley villages evacuated",
                                                "dam burst inquiry", "flood toll rises valley"] * 20)]
    late = [(40, "flood toll revised valley"),  # the event's toll revised: the core's words
            (41, "police arrest engineer firm"), (41, "engineer firm arrest dam"),  # a later arrest,
            (42, "police arrest engineer"), (43, "firm engineer police charged"),  # four reports
            (42, "minister visits memorial"), (43, "minister visits school")]  # two reports only
    rows = core + late
    found = _later_developments(np.ones(len(rows), dtype=bool), facts(rows), StorySettings())
    assert sorted(found) == [81, 82, 83, 84]
    assert found[81] == ["arrest", "engineer", "firm", "police"]
    # published within the core, the same reports are the event's
    early = core + [(5, h) for _, h in late]
    assert not _later_developments(np.ones(len(early), dtype=bool), facts(early), StorySettings())
    # only members count
    assert not _later_developments(np.zeros(len(rows), dtype=bool), facts(rows), StorySettings())


def test_a_languages_everyday_word_weighs_little_in_its_own_documents() -> None:
    from storylens.relate.stories import _term_matrix

    # 40 leads of one language on two topics; 10 of another, every one naming its word for
    # "president" beside one of the two topics
    topics = [["flood", "river"], ["strike", "pilots"]]
    facts = [_Facts(f"a{i}", "aa", None, None, topics[i % 2] + [f"x{i % 10}"]) for i in range(40)]
    facts += [_Facts(f"b{i}", "bb", None, None, [topics[i % 2][0], "predse", f"y{i % 5}"]) for i in range(10)]
    pooled, own = _term_matrix(facts, 1000), _term_matrix(facts, 1000, min_language_docs=8)
    everyday = set(pooled[40].indices)
    for r in range(41, 50):
        everyday &= set(pooled[r].indices)
    [president] = everyday
    topic = (set(pooled[40].indices) & set(pooled[0].indices)).pop()  # "flood"
    # counted over the corpus the everyday word outweighs the topic in the lead; counted within
    # its language, the topic does
    assert pooled[40, president] > pooled[40, topic]
    assert own[40, president] < own[40, topic]
    # a language with fewer documents than the minimum is weighed by the corpus's count
    assert np.allclose(_term_matrix(facts, 1000, min_language_docs=11)[40:].toarray(), pooled[40:].toarray())
    assert not np.allclose(own[40:].toarray(), pooled[40:].toarray())


def test_a_lead_naming_another_storys_distinctive_terms_moves_there() -> None:
    from storylens.relate.stories import _reassign_by_distinctive_terms, _term_matrix, content_words, stem

    floods = [f"The river flooded the valley after heavy rain; rescuers evacuated village {i}" for i in range(12)]
    votes = [f"Voters cast ballots for the mayoral candidate as the count began in district {i}" for i in range(12)]
    # one story gathered a region's council news: most of it about budgets, four leads about the
    # mayoral vote (written in the council's usual words too), which the clustering put here
    council = [f"The regional council debated the budget and the minister's road plan, session {i}"
               for i in range(10)]
    council += [f"The regional council: voters cast ballots as the candidate's count began, district {i}"
                for i in range(4)]
    leads = floods + votes + council
    facts = [_Facts(str(i), "en", None, None, [stem(w) for w in content_words(t, "en")]) for i, t in enumerate(leads)]
    terms = _term_matrix(facts, 1000)
    labels = np.array([0] * 12 + [1] * 12 + [2] * 14)
    moved = _reassign_by_distinctive_terms(terms, labels, StorySettings())
    assert moved[:34].tolist() == labels[:34].tolist()  # floods, votes and the budget debates stay
    assert moved[34:].tolist() == [1, 1, 1, 1]  # the vote's reports join the vote's story
    # the evidence must be strong: with a margin beyond what the four leads name, nothing moves
    assert _reassign_by_distinctive_terms(terms, labels, StorySettings(reassign_margin=1e3)).tolist() == labels.tolist()


def test_a_languages_own_words_are_weighed_within_that_language_when_stories_are_reassigned() -> None:
    from storylens.relate.stories import _reassign_by_distinctive_terms, _term_matrix

    def item(i: int, language: str, words: list[str]) -> _Facts:
        return _Facts(str(i), language, None, None, words)

    # language aa: a flood story and a vote story; language bb: its council news gathered in one
    # story with six of bb's flood reports (its word for flood, the river, the government), while
    # eight other bb flood reports are in the flood story
    items = [item(i, "aa", ["flood", "river", "rescu", f"v{i % 5}"]) for i in range(20)]
    items += [item(20 + i, "aa", ["vote", "ballot", "candi", f"w{i % 5}"]) for i in range(20)]
    items += [item(40 + i, "bb", ["poplav", "reka", "flood", "vlada"]) for i in range(8)]
    items += [item(48 + i, "bb", ["vlada", "predse", "budze", "svet", f"u{i % 4}"]) for i in range(14)]
    items += [item(62 + i, "bb", ["vlada", "poplav", "reka"]) for i in range(6)]
    labels = np.array([0] * 20 + [1] * 20 + [0] * 8 + [2] * 20)
    terms = _term_matrix(items, 1000)
    languages = [f.language for f in items]
    # counted over the corpus, bb's everyday word is distinctive of the all-bb story: nothing moves
    assert _reassign_by_distinctive_terms(terms, labels, StorySettings()).tolist() == labels.tolist()
    # counted within bb, the council story's distinctive words are the budget's, and the flood
    # reports name the flood story's bb words: they move; every other document stays
    moved = _reassign_by_distinctive_terms(terms, labels, StorySettings(), languages)
    assert moved[62:].tolist() == [0] * 6
    assert moved[:62].tolist() == labels[:62].tolist()
    # a language with fewer documents than min_language_docs is counted over the corpus
    rare = StorySettings(min_language_docs=len(items))
    assert _reassign_by_distinctive_terms(terms, labels, rare, languages).tolist() == labels.tolist()


def test_a_story_of_one_language_joins_the_larger_story_of_its_period_whose_terms_it_names() -> None:
    from datetime import date

    from storylens.relate.stories import _join_one_language_stories, _term_matrix

    may = date(2020, 5, 1).toordinal()
    items: list[_Facts] = []
    labels: list[int] = []

    def add(label: int, language: str, words: list[str], n: int, day: int | None = may) -> None:
        for _ in range(n):
            i = len(items)
            items.append(_Facts(str(i), language, None if day is None else day + i % 10, None, words + [f"x{i % 7}"]))
            labels.append(label)

    # a flood covered in three languages (story 0) and a vote (story 1), both in May 2020
    add(0, "aa", ["flood", "river", "rescu"], 20)
    add(0, "bb", ["poplav", "reka", "vlada"], 24)
    add(0, "cc", ["hochw", "fluss"], 10)
    add(1, "aa", ["vote", "ballot", "candi"], 20)
    add(1, "bb", ["volit", "glas", "vlada"], 24)
    add(1, "cc", ["wahl", "kandi"], 10)
    add(2, "bb", ["poplav", "reka", "evaku"], 5)  # bb's reports of the flood's evacuation, apart
    add(3, "bb", ["poplav", "reka", "obnov"], 5, date(2024, 5, 1).toordinal())  # a flood four years later
    add(4, "aa", ["flood", "river", "dam"], 3)  # the dam, in two languages
    add(4, "cc", ["hochw", "fluss", "damm"], 3)
    add(5, "bb", ["poplav", "reka", "evaku"], 3, None)  # undated
    truth = np.array(labels)
    terms = _term_matrix(items, 1000)
    out = _join_one_language_stories(terms, truth, items, StorySettings())
    # the one-language stories of the flood's period, dated or not, join the flood
    assert set(out[(truth == 2) | (truth == 5)].tolist()) == {0}
    # the later flood is another time's; the two-language story is a subject of its own
    assert out[truth == 3].tolist() == [3] * 5 and out[truth == 4].tolist() == [4] * 6
    assert out[truth <= 1].tolist() == truth[truth <= 1].tolist()
    # read as one language's story (half its documents), the dam's story would join too
    half = _join_one_language_stories(terms, truth, items, StorySettings(one_language_share=0.5))
    assert half[truth == 4].tolist() == [0] * 6


def test_a_story_is_split_at_a_silence_longer_than_either_period_and_undated_leads_follow_their_words() -> None:
    from datetime import date

    from storylens.relate.stories import _silence, _split_by_time, _term_matrix, content_words, stem

    def facts(texts: list[str], first: date | None, start: int) -> list[_Facts]:
        return [_Facts(str(start + i), "en", None if first is None else first.toordinal() + 3 * i, None,
                       [stem(w) for w in content_words(t, "en")]) for i, t in enumerate(texts)]

    # one story about a town's mayor: her first election in 2015, then, after years without a
    # word, her re-election campaign in 2019; a third of the reports carry no date
    first = [f"Mayor Alvarez won the election and promised a new tram line, ward {i}" for i in range(10)]
    second = [f"Mayor Alvarez launched her re-election campaign against challenger Okafor, ward {i}" for i in range(16)]
    items = (facts(first, date(2015, 5, 1), 0) + facts(second, date(2019, 9, 1), 10)
             + facts([f"Alvarez promised the tram line after the election, ward {i}" for i in range(4)], None, 26)
             + facts([f"Challenger Okafor attacked Alvarez's campaign, ward {i}" for i in range(6)], None, 30))
    labels = np.zeros(len(items), dtype=np.int64)
    split = _split_by_time(_term_matrix(items, 1000), labels, items, StorySettings())
    assert split[10:26].tolist() == [0] * 16 and split[30:].tolist() == [0] * 6  # the larger period keeps the story
    assert split[:10].tolist() == [1] * 10 and split[26:30].tolist() == [1] * 4  # the first term's reports, dated or not
    # coverage with pauses shorter than its span is one period; a silence of years after it is not
    steady = np.array(sorted(date(2018, 1, 1).toordinal() + d for d in [0, 3, 4, 9, 12, 20, 22, 30, 41, 45, 50, 61, 70]))
    assert _silence(steady, 3) is None
    assert _silence(np.concatenate([steady, steady + 1500]), 3) == steady[-1]


def test_stories_found_block_by_block_in_a_mapped_file_are_those_of_one_array(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Round 12: the embeddings are read from a file a block at a time; every phase that reads them
    finds what it found on the whole array in memory, to the bit."""
    from storylens.relate.stories import _centred, _typicality, _without_language

    rng = np.random.default_rng(23)
    dim, n = 48, 1_200
    # three topics in two "languages" (an offset each), and a few strays
    topics, offset = rng.standard_normal((3, dim)), rng.standard_normal(dim)
    which = rng.integers(0, 3, n)
    languages = np.where(rng.random(n) < 0.3, "yy", "xx")
    emb = normalise(topics[which] + 0.8 * rng.standard_normal((n, dim)) + 0.7 * offset * (languages == "yy")[:, None])
    emb = emb.astype(np.float32)
    terms = sparse.csr_matrix((np.ones(n, dtype=np.float32), (np.arange(n), which)), shape=(n, 5))
    settings = StorySettings()

    def run(rows: Rows) -> list[np.ndarray]:
        shifted = _Space(_without_language(rows.copy(str(tmp_path / "s.f32")), languages.tolist()), terms, 0.5)
        labels = _cluster(shifted, 0.35, rounds=3, seed=0)
        merged = _merge_similar(shifted, labels, 0.8)
        centred = _Space(_centred(rows.copy(str(tmp_path / "c.f32")), languages.tolist()), terms, 0.5)
        split = _split_incoherent(centred, merged, 0.8)
        facts = [_Facts(str(i), str(code), None, None) for i, code in enumerate(languages)]
        sim, z = _typicality(shifted, split == np.bincount(split).argmax(), facts, settings)
        return [shifted.emb.array.copy(), centred.emb.array.copy(), labels, merged, split, sim, z]

    whole = run(Rows(emb.copy()))  # one block: the whole array at once, as before round 12
    emb.tofile(tmp_path / "emb.f32")
    monkeypatch.setattr(Rows, "BLOCK", 64)  # nineteen blocks
    blocks = run(Rows.open(str(tmp_path / "emb.f32"), dim))
    assert len(set(whole[2].tolist())) > 1 and len(set(whole[4].tolist())) > 1
    for a, b in zip(whole, blocks):
        assert np.array_equal(a, b)


def test_the_term_matrix_hashed_a_block_at_a_time_is_the_one_of_every_lead_at_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Round 12: the leads' terms are hashed a block of leads at a time; the matrix is the same."""
    from sklearn.feature_extraction.text import HashingVectorizer

    from storylens.relate.stories import _HASH_FEATURES, _term_matrix

    rng = np.random.default_rng(29)
    # invented stems and entity ids, common and rare, in two languages
    vocabulary = [f"w{i:03d}" for i in range(300)] + [f"@org:{i}" for i in range(40)]
    weights = 1 / np.arange(1, len(vocabulary) + 1)
    facts = [_Facts(str(i), "xx" if i % 3 else "yy", None, None,
                    list(rng.choice(vocabulary, int(rng.integers(0, 25)), p=weights / weights.sum())))
             for i in range(700)]

    def whole(max_terms: int) -> sparse.csr_matrix:  # the columns chosen as before round 12
        vec = HashingVectorizer(n_features=_HASH_FEATURES, analyzer=lambda terms: terms, alternate_sign=False,
                                norm=None, binary=True)
        counts = vec.transform(f.terms for f in facts).tocsc()
        df = np.diff(counts.indptr)
        cols = np.flatnonzero((df >= 2) & (df <= 0.8 * len(facts)))
        cols = cols[np.argsort(-df[cols], kind="stable")[:max_terms]]
        x = counts[:, np.sort(cols)].tocsr().astype(np.float32)
        x.data[:] = 1.0
        return x

    monkeypatch.setattr(Rows, "BLOCK", 64)  # eleven blocks
    for max_terms in (20_000, 50):
        x, expected = _term_matrix(facts, max_terms).sorted_indices(), whole(max_terms)
        assert x.shape == expected.shape and x.shape[1] > 10
        assert np.array_equal(x.indptr, expected.indptr) and np.array_equal(x.indices, expected.indices)
    # and the weighted matrix is the same to the bit, its entries in the same order, in one block or many
    monkeypatch.setattr(Rows, "BLOCK", 4096)
    one = _term_matrix(facts, 20_000, 8)
    monkeypatch.setattr(Rows, "BLOCK", 64)
    blocks = _term_matrix(facts, 20_000, 8)
    for a, b in ((one.data, blocks.data), (one.indices, blocks.indices), (one.indptr, blocks.indptr)):
        assert np.array_equal(a, b)
