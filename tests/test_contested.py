"""Contested statements for any event: denials met with the claims they deny, from other voices.

The documents are written for these tests (about events nobody here works on: an airline strike,
a dam, a journalist); the development corpora are scored by bench/events.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storylens.clean import clean_document
from storylens.config import ContestedSettings, CleanSettings
from storylens.doc import Document, Passage, RawDocument, Sentence
from storylens.relate.contested import find_contested
from storylens.stance.watch import read_watch_list


def _doc(text: str, source: str, published: str | None = None, language: str | None = None) -> Document:
    meta = {k: v for k, v in {"source": source, "published": published, "language": language}.items() if v}
    raw = RawDocument(origin=f"mem://{source}/{abs(hash(text))}", text=text, format="txt", meta=meta)
    return clean_document(raw, CleanSettings())


def _thread(comments: list[str]) -> Document:
    text = "\n\n".join(comments)
    passages, sentences, pos = [], [], 0
    for k, comment in enumerate(comments):
        passages.append(Passage(pos, pos + len(comment), "comment", "en"))
        sentences.append(Sentence(pos, pos + len(comment), k))
        pos += len(comment) + 2
    return Document(id="thread1", origin="mem://thread", format="txt", raw_text=text, text=text,
                    meta={"source": "Forum"}, kind="thread", passages=passages, sentences=sentences)


def _sides(item: dict) -> dict[str, list[str]]:
    return {side: [e["source"] for e in evs] for side, evs in item["sides"].items()}


def test_a_denial_and_the_claim_it_denies_make_one_item_with_spans() -> None:
    a = _doc("Pilots of the national airline went on strike on Friday over unpaid wages.", "Morning Post")
    b = _doc("The airline denied that its pilots went on strike and said all flights left on time.", "Air Wire")
    c = _doc("A new bakery opened in the old town on Friday.", "City Notes")
    items = find_contested([a, b, c])
    assert len(items) == 1
    item = items[0]
    assert item["kind"] == "contested" and _sides(item) == {"yes": ["Morning Post"], "no": ["Air Wire"]}
    assert item["sides"]["no"][0]["cue"] == "denied"
    for side in item["sides"].values():
        for ev in side:
            doc = {a.id: a, b.id: b}[ev["doc"]]
            assert doc.text[ev["start"]:ev["end"]] == ev["text"]


def test_a_negation_must_negate_the_claims_own_predicate() -> None:
    a = _doc("Government soldiers killed protesters near the central square on Sunday.", "Street Blog")
    b = _doc("Government soldiers did not take part in any fighting near the central square, the ministry said.", "Ministry Wire")
    c = _doc("Government soldiers did not sleep near the central square on Sunday.", "Other Paper")
    items = find_contested([a, b, c])
    assert [_sides(i) for i in items] == [{"yes": ["Street Blog"], "no": ["Ministry Wire"]}]


def test_russian_and_ukrainian_denials() -> None:
    a = _doc("Журналистка Анна Петрова покинула страну в пятницу вечером.", "Вечерние вести", language="ru")
    b = _doc("Адвокат сообщил, что журналистка Анна Петрова не покидала страну.", "Городская газета", language="ru")
    items = find_contested([a, b])
    assert [_sides(i) for i in items] == [{"yes": ["Вечерние вести"], "no": ["Городская газета"]}]
    c = _doc("Дамбу на річці зруйнували в ніч на вівторок, повідомила обласна влада.", "Новини області", language="uk")
    d = _doc("Міністерство спростувало інформацію, що дамбу на річці зруйнували, назвавши це фейком.", "Столичний вісник",
             language="uk")
    items = find_contested([c, d])
    assert len(items) == 1 and items[0]["sides"]["no"][0]["source"] == "Столичний вісник"


def test_a_source_does_not_contradict_itself_on_one_day_but_thread_comments_do() -> None:
    one = _doc("The dam broke on Tuesday night. Officials later said the dam did not break.", "Solo")
    assert find_contested([one]) == []
    thread = _thread(["Soldiers shot at the protesters near the bridge, I saw it myself.",
                      "Nonsense. The soldiers did not shoot at anyone near the bridge.",
                      "Both of you should read the news more carefully."])
    items = find_contested([thread])
    assert len(items) == 1
    voices = {side: {e["voice"] for e in evs} for side, evs in items[0]["sides"].items()}
    assert voices["yes"].isdisjoint(voices["no"])


def test_questions_and_conditions_take_no_side() -> None:
    a = _doc("The airline denied that its pilots went on strike on Friday.", "Air Wire")
    b = _doc("Did the pilots go on strike on Friday? If the pilots went on strike, flights will be cancelled.", "Q Daily")
    assert find_contested([a, b]) == []


def test_a_later_denial_by_the_same_source_is_a_change_of_account() -> None:
    early = _doc("The missing journalist left the consulate alive on Tuesday afternoon.", "Capital Times", "2024-03-01")
    late = _doc("The missing journalist never left the consulate alive on Tuesday afternoon.", "Capital Times", "2024-03-09")
    items = find_contested([early, late])
    assert len(items) == 1 and items[0]["kind"] == "changed_account"
    assert [e["published"] for e in items[0]["sides"]["earlier"]] == ["2024-03-01"]
    assert [e["published"] for e in items[0]["sides"]["later"]] == ["2024-03-09"]


def test_fewer_items_with_a_smaller_cap() -> None:
    towns = ("Riverton", "Lakeside", "Hillcrest")
    docs = [_doc(f"Workers at the {n} plant went on strike over wages on Monday morning.", f"Paper {n}") for n in towns]
    docs += [_doc(f"The company denied that workers at the {n} plant went on strike on Monday.", f"Wire {n}") for n in towns]
    assert len(find_contested(docs)) >= 2
    assert len(find_contested(docs, settings=ContestedSettings(max_items=1))) == 1


def test_watch_list_files(tmp_path: Path) -> None:
    text = tmp_path / "watch.txt"
    text.write_text("# claims to track\nThe pilots went on strike\n\nThe dam broke\n", encoding="utf-8")
    assert read_watch_list(text) == ["The pilots went on strike", "The dam broke"]
    js = tmp_path / "watch.json"
    js.write_text(json.dumps(["Troops fired on the crowd"]), encoding="utf-8")
    assert read_watch_list(js) == ["Troops fired on the crowd"]
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ValueError, match="list of claims"):
        read_watch_list(bad)
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(ValueError, match="holds no claims"):
        read_watch_list(empty)
