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


# ------------------------------------------------------------------ frames: who did what to whom


def _frames(text: str, lang: str = "en"):
    from storylens.stance.frames import frames

    return {f.predicate: f for f in frames([text], [lang])[0]}


def test_english_frames_hold_agent_patient_negation_denial_and_speaker() -> None:
    shell = _frames("The ministry said the rebels did not shell the hospital.")["shell"]
    assert {"rebel"} <= shell.agent and "hospi" in shell.patient
    assert shell.negated and not shell.denied and shell.rejects and "minis" in shell.speaker
    dump = _frames("The company denied dumping waste into the river.")["dump"]
    assert dump.denied and not dump.negated and "compa" in dump.agent and "waste" in dump.patient
    fire = _frames("Protesters marched past the palace guards, and they opened fire on the crowd.")["open"]
    assert fire.agent == {"palac", "guard"}  # "they": the nearest plural noun phrase before it
    fight = _frames("The volunteers did not take part in any fighting.")["fighting"]  # a light verb gives way to its noun
    assert fight.negated and "volun" in fight.agent
    assert _frames("Officials could evacuate the town tonight.")["evacuate"].modal
    assert _frames("The pilots refused to fly the damaged plane.")["fly"].rejects


def test_russian_and_ukrainian_frames_from_morphology() -> None:
    detain = _frames("Полиция не задерживала журналистов у здания суда.", "ru")["задерживать"]
    assert detain.negated and "полиц" in detain.agent and "журна" in detain.patient
    left = _frames("Министерство опровергло, что дипломат покинул город.", "ru")["покинуть"]
    assert left.denied and "дипло" in left.agent and "город" in left.patient
    hit = _frames("Військові обстріляли лікарню вночі.", "uk")["обстріляти"]
    assert "війсь" in hit.agent and "лікар" in hit.patient and hit.asserts


# ------------------------------------------------------------------ disputes without a denial word


def test_two_voices_laying_one_act_on_different_parties() -> None:
    a = _doc("Chile accused Peru of sinking the fishing boat near the maritime border.", "Santiago Daily")
    b = _doc("Chilean warships sank the fishing boat near the maritime border, Peruvian officials said.", "Lima Herald")
    c = _doc("The fishing season opened on Monday along the whole coast.", "Coast News")
    items = find_contested([a, b, c])
    assert len(items) == 1 and items[0]["kind"] == "contested"
    assert {e["source"] for side in items[0]["sides"].values() for e in side} == {"Santiago Daily", "Lima Herald"}
    assert "Chile" in items[0]["explanation"] and "Peru" in items[0]["explanation"]
    # the same act laid on one party by both is no dispute
    d = _doc("Peruvian warships sank the fishing boat near the maritime border, the coast guard said.", "Lima Herald")
    assert find_contested([a, d, c]) == []


def test_a_refusal_negates_and_a_permission_asserts_nothing() -> None:
    opened = _doc("The border guards opened the northern gate for the refugees at dawn.", "Border Watch")
    refused = _doc("The border guards refused to open the northern gate for the refugees.", "Aid Report")
    assert [_sides(i) for i in find_contested([opened, refused])] == [{"yes": ["Border Watch"], "no": ["Aid Report"]}]
    did_not = _doc("The border guards did not open the northern gate for the refugees.", "Night Desk")
    assert find_contested([refused, did_not]) == []  # both say it stayed shut
    allowed = _doc("Рада дозволила журналістці виїхати з країни минулого тижня.", "Вісник", language="uk")
    stayed = _doc("Журналістка не виїхала з країни, повідомив її адвокат.", "Правда дня", language="uk")
    assert find_contested([allowed, stayed]) == []  # allowed to leave is not leaving


def test_a_reported_denial_speaks_in_its_speakers_voice() -> None:
    claim = _doc("Army engineers blew up the dam on the river before dawn.", "River Post")
    denial = _doc("The army denied blowing up the dam on the river.", "Capital Wire")
    items = find_contested([claim, denial])
    assert len(items) == 1
    assert items[0]["sides"]["no"][0]["voice"].startswith("Capital Wire@")


# ------------------------------------------------------------------ round 3: what loses a statement, what makes a wrong item


def test_what_a_verb_forbids_is_part_of_its_patient() -> None:
    barred = _doc("The court barred the journalist from leaving the country.", "Morning Post")
    free = _doc("The journalist is not barred from leaving the country, the interior ministry said.", "State Wire")
    assert [_sides(i) for i in find_contested([barred, free])] == [{"yes": ["Morning Post"], "no": ["State Wire"]}]
    assert "leave" in _frames("The court barred the journalist from leaving the country.")["bar"].patient
    ru = _frames("Журналисту запрещено покидать страну.", "ru")["запретить"]
    assert {"покид", "стран"} <= ru.patient and ru.asserts
    yes = _doc("Журналисту запрещено покидать страну.", "Вечерние вести", language="ru")
    no = _doc("МВД: журналисту не запрещено покидать страну.", "Новости дня", language="ru")
    assert [_sides(i) for i in find_contested([yes, no])] == [{"yes": ["Вечерние вести"], "no": ["Новости дня"]}]


def test_being_somewhere_is_an_act_a_denial_of_deploying_meets() -> None:
    there = _doc("About 300 foreign mercenaries are at the airport with armoured vehicles, the mayor said.", "City Desk")
    denied = _doc("The defence ministry denied deploying any armoured vehicles at the airport.", "Defence Wire")
    items = find_contested([there, denied])
    assert [_sides(i) for i in items] == [{"yes": ["City Desk"], "no": ["Defence Wire"]}]
    be = _frames("About 300 foreign mercenaries are at the airport with armoured vehicles.")["be_at"]
    assert "merce" in be.agent and {"airpo", "vehic"} <= be.oblique and be.asserts
    assert _frames("The mercenaries are not at the airport.")["be_at"].rejects


def test_a_label_that_is_an_acts_object_denies_nothing() -> None:
    from storylens.stance.cues import cues

    assert cues("en").find("refute", 'Officials said the rebels were planning a "provocation" at the dam.') == []
    assert cues("en").find("refute", "The ministry called the video a provocation.")  # a label of a report still is
    assert cues("ru").find("refute", "Военные готовят провокацию на плотине.") == []
    assert cues("uk").find("refute", "Військові готують провокацію на греблі.") == []
    plan = _frames('Officials said the rebels were planning a "provocation" at the dam.')["plan"]
    assert plan.asserts and not plan.denied


def test_different_agents_do_not_deny_each_other() -> None:
    a = _doc("Mr. Ortega criticised the relief plan on Tuesday.", "Island Times")
    b = _doc("Mr. Hale did not criticise the relief plan, his office said.", "Harbour News")
    assert find_contested([a, b]) == []  # two people; the honorific names neither
    c = _doc("The pilots' union called a strike at the airport on Monday.", "Air Wire")
    d = _doc("The cabin crew did not call a strike at the airport on Monday.", "Travel Desk")
    assert find_contested([c, d]) == []  # pilots are not cabin crew
    lawyer = _doc("Адвокат, который защищал журналистку в суде, покинул страну.", "Вечерние вести", language="ru")
    denial = _doc("МИД опроверг, что журналистка покинула страну.", "Новости дня", language="ru")
    assert find_contested([lawyer, denial]) == []  # the lawyer left, not the journalist
    assert "адвок" in _frames("Адвокат, который защищал журналистку в суде, покинул страну.", "ru")["покинуть"].agent


def test_a_capital_is_not_a_party_apart_from_its_country() -> None:
    a = _doc("Norway accused Sweden of closing the northern border crossing.", "Oslo Daily")
    b = _doc("Stockholm closed the northern border crossing, Norwegian officials said.", "Bergen Post")
    assert find_contested([a, b]) == []  # both lay it on the same side


def test_a_promise_or_a_decision_is_meant_not_done() -> None:
    promised = _doc("The government promised not to close the opposition newspaper.", "Press Watch")
    closed = _doc("The government closed the opposition newspaper last week.", "Media Desk")
    assert find_contested([promised, closed]) == []  # a broken promise is no denial
    assert _frames("The government promised not to close the newspaper.")["close"].modal
    assert _frames("The militia continued to shell the village.")["shell"].asserts  # continuing did happen
    ru = _frames("Правительство обязалось не закрывать газету.", "ru")["закрывать"]
    assert ru.modal and not ru.rejects
    uk = _frames("Уряд вирішив не закривати газету.", "uk")["закривати"]
    assert uk.modal and not uk.rejects


def test_accusing_is_no_act_and_no_negates_through_its_object() -> None:
    assert "accuse" not in _frames("Kyiv accused Moscow of shelling the bridge.")
    assert _frames("Kyiv accused Moscow of shelling the bridge.")["shell"].agent == {"mosco"}
    assert _frames("The mayor played no role in the contract.")["play"].rejects
    assert _frames("The rebels said they do not have any heavy artillery near the dam.")["artillery"].rejects
    assert _frames("No Ruritanian artillery near the dam, officials say")["artillery"].rejects
    assert _frames("The rebels have heavy artillery near the dam.")["artillery"].asserts


def test_a_side_shows_each_sources_best_first_and_a_title_once() -> None:
    from types import SimpleNamespace

    from storylens.relate.contested import _distinct

    def st(source: str, text: str, doc: str, start: int = 0):
        return SimpleNamespace(source=source, text=text, doc=doc, start=start)

    title = st("Wire", "Dam burst near the village", "d1")
    run_on = st("Wire", "Dam burst near the village 03.11 Officials said the dam burst at night", "d2")
    other = st("Wire", "The dam burst after heavy rain, officials said", "d3")
    second = st("Post", "The dam burst overnight", "d4")
    picked = _distinct([(run_on, 3.0), (title, 2.0), (other, 2.5), (second, 1.0)], 2)
    assert [s.source for s, _ in picked] == ["Wire", "Post"]
    assert picked[0][0] is title and picked[0][1] == 3.0  # the shorter copy, with the best strength


def test_who_is_preparing_an_act_is_disputed_like_who_did_it() -> None:
    accused = _doc("Chilean officials accused Peru of planning to blow up the border dam.", "Santiago Daily")
    counter = _doc("Chile is preparing to blow up the border dam, Peruvian officials said.", "Lima Herald")
    other = _doc("The fishing season opened on Monday along the whole coast.", "Coast News")
    items = find_contested([accused, counter, other])
    assert len(items) == 1 and _sides(items[0]) == {"yes": ["Santiago Daily"], "no": ["Lima Herald"]}
    assert "is preparing it" in items[0]["explanation"]
    # a plan laid on one party and a deed laid on the other are two acts, not one dispute
    done = _doc("Chile blew up the border dam, Peruvian officials said.", "Lima Herald")
    assert find_contested([accused, done, other]) == []
    ru_a = _doc("Польша планирует взорвать мост на границе, обвинили в Литве.", "Вильнюсские вести", language="ru")
    ru_b = _doc("Литва собирается взорвать мост на границе, заявили в Варшаве.", "Варшавский курьер", language="ru")
    ru = find_contested([ru_a, ru_b])
    assert len(ru) == 1 and "Польша" in ru[0]["explanation"] and "Литва" in ru[0]["explanation"]


def test_opposite_judgements_of_one_outcome_by_two_voices() -> None:
    praised = _doc("The evacuation of the island was a great success, the governor said.", "Capital Times")
    faulted = _doc("The evacuation of the island was disastrously inadequate, aid workers said.", "Harbour News")
    other = _doc("The fishing season opened on Monday along the whole coast.", "Coast News")
    items = find_contested([praised, faulted, other])
    assert len(items) == 1 and _sides(items[0]) == {"yes": ["Capital Times"], "no": ["Harbour News"]}
    assert "judge" in items[0]["explanation"]
    assert _frames("The strike was not a success.")["be_judged"].rejects
    assert _frames("The strike was a failure.")["be_judged"].rejects
    # one judgement of two different things is no dispute
    ferry = _doc("The ferry service to the island was a great success, the governor said.", "Capital Times")
    assert find_contested([ferry, faulted, other]) == []


def test_opposite_judgements_in_russian_and_ukrainian() -> None:
    for lang, praised, faulted in (
            ("ru", "Эвакуация жителей острова была успешной, заявил губернатор.",
             "Эвакуация жителей острова провалилась, заявили волонтёры."),
            ("uk", "Евакуація мешканців острова була успішною, заявив губернатор.",
             "Евакуація мешканців острова стала провалом, заявили волонтери.")):
        items = find_contested([_doc(praised, "Вести", language=lang), _doc(faulted, "Курьер", language=lang)])
        assert len(items) == 1 and _sides(items[0]) == {"yes": ["Вести"], "no": ["Курьер"]}, lang
    assert "be_judged" not in _frames("Катастрофа самолёта произошла утром.", "ru")  # a disaster as the subject judges nothing
    assert _frames("Операция стала провалом.", "ru")["be_judged"].rejects


def test_labels_of_fabrication_laid_on_two_parties_are_one_dispute() -> None:
    """"A staged provocation", "a false-flag stunt", «инсценировка», «провокація»: one claim about
    an act (one side engineered it); two voices laying it on parties named apart dispute it."""
    ours = _doc("Chile is preparing a false flag stunt at the border dam, Peruvian officials said.", "Lima Herald")
    theirs = _doc("Peru is planning a staged provocation at the dam on Friday.", "Santiago Daily")
    other = _doc("The fishing season opened on Monday along the whole coast.", "Coast News")
    items = find_contested([ours, theirs, other])
    assert len(items) == 1 and _sides(items[0]) == {"yes": ["Lima Herald"], "no": ["Santiago Daily"]}
    assert "fabrication" in items[0]["explanation"] and "Chile" in items[0]["explanation"]
    # a label laid on no one, or laid on one party by both, is no dispute
    nobody = _doc("There are fears of a staged provocation at the dam on Friday.", "Santiago Daily")
    same = _doc("Chile may be planning a provocation at the border dam, the Peruvian ministry said.", "Santiago Daily")
    assert find_contested([ours, nobody, other]) == []
    assert all(i["explanation"].startswith("Voices lay one fabrication") is False for i in find_contested([ours, same, other]))
    # the label as a noun with its party ("a Peruvian provocation", "a provocation by Peru") lays it too
    by = _doc("The blast at the dam was a provocation by Peru, the Chilean ministry said.", "Santiago Daily")
    assert len(find_contested([ours, by, other])) == 1
    # whoever denies preparing it meets whoever says he does
    denied = _doc("Chile denied preparing any provocation at the border dam.", "Santiago Daily")
    items = find_contested([ours, denied, other])
    assert len(items) == 1 and _sides(items[0]) == {"yes": ["Lima Herald"], "no": ["Santiago Daily"]}


def test_labels_of_fabrication_in_russian_and_ukrainian() -> None:
    for lang, a, b in (
            ("ru", "По данным разведки, Польша готовит провокацию на пограничном мосту.",
             "Литва планирует инсценировку на пограничном мосту, заявили в Варшаве."),
            ("uk", "За даними розвідки, Польща готує провокацію на прикордонному мосту.",
             "Литва планує інсценування на прикордонному мосту, заявили у Варшаві.")):
        items = find_contested([_doc(a, "Вести", language=lang), _doc(b, "Курьер", language=lang)])
        assert len(items) == 1 and _sides(items[0]) == {"yes": ["Вести"], "no": ["Курьер"]}, lang
        assert "Поль" in items[0]["explanation"] and "Литв" in items[0]["explanation"], lang
    # the label is no denial of the act it names: preparing a provocation is asserted
    assert _frames("Литва планирует инсценировку на мосту.", "ru")["fabricate"].asserts


def test_a_person_stands_for_the_country_the_corpus_gives_him() -> None:
    """"Chilean President Rojas is preparing…" against "Peru is planning…": two countries, when the
    corpus itself calls Rojas Chile's president; without that title he is only a person."""
    from storylens.stance.parties import people_parties

    titled = _doc("Chilean President Mateo Rojas visited the border dam on Monday.", "Coast News")
    ours = _doc("Rojas is preparing a staged provocation at the border dam, Peruvian officials said.", "Lima Herald")
    theirs = _doc("Peru is planning a provocation at the dam on Friday.", "Santiago Daily")
    items = find_contested([titled, ours, theirs])
    assert len(items) == 1 and _sides(items[0]) == {"yes": ["Lima Herald"], "no": ["Santiago Daily"]}
    assert find_contested([ours, theirs]) == []  # nothing says whom Rojas serves
    # the title after the name, in apposition, and in Russian and Ukrainian
    assert set(people_parties([("Luis Ortega, the Peruvian foreign minister, said so.", "en")])) == {"ortega"}
    assert "chile" in people_parties([("President of Chile Mateo Rojas arrived at the dam on Monday with his ministers.", "en")])["rojas"]
    assert "польш" in people_parties([("Министр обороны Польши Анджей Новак заявил об угрозе.", "ru")])["новак"]
    assert "польщ" in people_parties([("Польський міністр оборони Анджей Новак заявив про загрозу.", "uk")])["новак"]
    # a name alone, or a person given two countries, stands for no one
    assert people_parties([("Russell Crowe met the ambassador.", "en")]) == {}
    rojas = ("Chilean President Mateo Rojas spoke to reporters on Tuesday.", "en")
    assert "chile" in people_parties([rojas])["rojas"]
    assert people_parties([rojas, ("Peru's envoy Mateo Rojas spoke to reporters.", "en")]) == {}
    # a weekday or a word the corpus writes in lower case is no name; a misread title is outvoted
    assert set(people_parties([rojas, ("On Tuesday, the Peruvian minister said so.", "en"),
                               ("The Peruvian minister Energy Rojas met the energy staff.", "en")])) == {"rojas"}
    assert "chile" in people_parties([rojas, rojas, ("Peru's envoy Mateo Rojas spoke to reporters.", "en")])["rojas"]
    # a country before a preposition is not the title's ("a visit to Peru by the UN secretary X Y")
    assert people_parties([("It came during a visit to Peru by United Nations Secretary Ana Lopes last week.", "en")]) == {}


def test_judgements_through_verbs_of_praise_and_blame() -> None:
    """"hailed the evacuation as a success" / "called the evacuation a failure": the object is
    what is judged, the verb's subject the voice (en, ru, uk)."""
    hailed = _doc("The governor hailed the evacuation of the island as an unsung success.", "Capital Times")
    called = _doc("Aid workers called the evacuation of the island a disaster.", "Harbour News")
    other = _doc("The fishing season opened on Monday along the whole coast.", "Coast News")
    items = find_contested([hailed, called, other])
    assert len(items) == 1 and _sides(items[0]) == {"yes": ["Capital Times"], "no": ["Harbour News"]}
    assert "judge" in items[0]["explanation"]
    judged = _frames("The governor hailed the evacuation of the island as an unsung success.")["be_judged"]
    assert "evacu" in judged.agent and "gover" in judged.speaker and judged.asserts
    # praise of another thing is no dispute
    ferry = _doc("The governor hailed the new ferry service to the island as an unsung success.", "Capital Times")
    assert find_contested([ferry, called, other]) == []
    for lang, praised, faulted in (
            ("ru", "Губернатор признал эвакуацию жителей острова успешной.",
             "Волонтёры назвали эвакуацию жителей острова провалом."),
            ("uk", "Губернатор визнав евакуацію мешканців острова успішною.",
             "Волонтери назвали евакуацію мешканців острова провалом.")):
        items = find_contested([_doc(praised, "Вести", language=lang), _doc(faulted, "Курьер", language=lang)])
        assert len(items) == 1 and _sides(items[0]) == {"yes": ["Вести"], "no": ["Курьер"]}, lang
    # "woefully adequate", "hardly a success": a diminished praise is a blame
    assert _frames("The response to the flood was woefully adequate.")["be_judged"].rejects
    assert _frames("The evacuation was hardly a success.")["be_judged"].rejects


def test_two_speakers_inside_one_article_are_two_voices() -> None:
    """Round 6: a dispute carried inside one article ("X said …, but Y countered that …")."""
    one = _doc("The union said on Monday that the pilots had walked off the job at the main airport. "
               "But the airline countered that the pilots had not walked off the job at the main airport.", "Sky Courier")
    items = find_contested([one])
    assert len(items) == 1
    voices = {side: [e.get("voice", "") for e in evs] for side, evs in items[0]["sides"].items()}
    assert voices["yes"][0].endswith("@union") and voices["no"][0].endswith("@airli")
    # the outlet in its own voice against a speaker it quotes, or one speaker twice, is no dispute
    own = _doc("The pilots walked off the job at the main airport on Monday. "
               "The airline said the pilots had not walked off the job at the main airport.", "Sky Courier")
    twice = _doc("The union said on Monday that the pilots had walked off the job at the main airport. "
                 "Later the union said that the pilots had not walked off the job at the main airport.", "Sky Courier")
    assert find_contested([own]) == [] and find_contested([twice]) == []


def test_one_speaker_quoted_by_two_outlets_is_one_voice() -> None:
    a = _doc("Mayor Olga Brandt said the ferry operator had cancelled the evening crossings.", "Harbour News")
    b = _doc("Brandt said on Tuesday the ferry operator had not cancelled the evening crossings.", "Coast Daily")
    c = _doc("The ferry operator said it had not cancelled the evening crossings.", "Coast Daily")
    items = find_contested([a, b])
    assert items == []
    assert len(find_contested([a, c])) == 1


def test_an_accusation_of_falsely_claiming_is_the_accusers_denial() -> None:
    """"A accused B of falsely claiming P": P is B's claim, the denial A's; both in one article."""
    one = _doc("The governor alleged on Friday that the contractors had inflated the damage estimate. "
               "The auditors' office then accused the governor of falsely claiming the contractors had inflated the figures.",
               "Valley Times")
    items = find_contested([one])
    assert len(items) == 1
    sides = items[0]["sides"]
    assert "alleged" in sides["yes"][0]["text"] and "falsely" in sides["no"][0]["text"]
    assert "gover" in sides["yes"][0]["voice"] and "audit" in sides["no"][0]["voice"]


def test_two_speakers_inside_one_article_in_russian_and_ukrainian() -> None:
    ru = _doc("Профсоюз заявил, что пилоты объявили забастовку в аэропорту, однако авиакомпания возразила, "
              "что пилоты не объявляли забастовку в аэропорту.", "Вестник", language="ru")
    uk = _doc("Профспілка заявила, що пілоти оголосили страйк в аеропорту, однак авіакомпанія заперечила, "
              "що пілоти оголошували страйк в аеропорту.", "Вісник", language="uk")
    for doc in (ru, uk):
        items = find_contested([doc])
        assert len(items) == 1, doc.text
        voices = [e["voice"] for side in ("yes", "no") for e in items[0]["sides"][side]]
        assert len(set(voices)) == 2
    lone = _doc("Пилоты объявили забастовку в аэропорту. Авиакомпания заявила, что пилоты не объявляли забастовку "
                "в аэропорту.", "Вестник", language="ru")
    assert find_contested([lone]) == []


def test_denial_items_that_say_one_proposition_are_merged() -> None:
    """Round 6: two denial items whose asserting anchors lay one act on one patient on parties not
    named apart (a capital may stand for its country) are one item; another party's stays apart."""
    from storylens.relate.contested import _merged, acts, statements

    texts = [("Chilean troops shelled the border dam on Monday.", "Lima Daily"),
             ("Chile denied that its troops shelled the border dam.", "Santiago Wire"),
             ("Santiago's army units shelled the border dam overnight.", "Andes Post"),
             ("The Chilean ministry said its soldiers had not shelled the border dam.", "Coast Herald"),
             ("Peruvian troops shelled the border dam on Tuesday.", "Santiago Wire"),
             ("Peru denied that its troops shelled the border dam.", "Lima Daily")]
    shelling = [next(a for a in acts(list(statements([_doc(t, s)]))) if a.frame.predicate == "shell") for t, s in texts]

    def group(yes, no):
        return {"yes": {id(yes): (yes, 1.0)}, "no": {id(no): (no, 1.0)}, "inner": set(), "kind": "denial",
                "score": 1.0, "changed": False, "anchors": (yes, no), "keys": frozenset({"shell"})}

    merged = _merged([group(shelling[0], shelling[1]), group(shelling[2], shelling[3]), group(shelling[4], shelling[5])])
    assert len(merged) == 2
    assert {a.statement.source for a, _ in merged[0]["yes"].values()} == {"Lima Daily", "Andes Post"}
    assert len(merged[0]["no"]) == 2 and len(merged[1]["yes"]) == 1


def test_a_negated_lack_denies_a_claim_that_something_is_lacking() -> None:
    """Round 6: "there is no shortage of X" denies "X is short" and "the port blocked X" (which says X is lacking)."""
    short = _doc("Hospitals on the island face a severe shortage of diesel fuel after the storm.", "Island Post")
    blocked = _doc("The harbour authority blocked diesel fuel deliveries to the island for a week.", "Bay Times")
    denial = _doc("There is no shortage of diesel fuel on the island, the energy minister said on Friday.", "State Wire")
    other = _doc("There is no shortage of volunteers on the island, the mayor said.", "City Notes")
    items = find_contested([short, blocked, denial, other])
    assert len(items) == 1
    sides = _sides(items[0])
    assert sides["no"] == ["State Wire"] and set(sides["yes"]) == {"Island Post", "Bay Times"}
    promised = _doc("The harbour authority promised not to block diesel fuel deliveries to the island.", "Bay Times")
    assert find_contested([promised, denial]) == []  # a promise lacks nothing


def test_a_negated_lack_in_russian_and_ukrainian() -> None:
    for lang, claim, denial in (
            ("ru", "В больницах острова острая нехватка дизельного топлива.",
             "Министр энергетики заявил, что нехватки дизельного топлива на острове нет."),
            ("uk", "У лікарнях острова гостра нестача дизельного пального.",
             "Міністр енергетики заявив, що нестачі дизельного пального на острові немає.")):
        items = find_contested([_doc(claim, "Вести", language=lang), _doc(denial, "Курьер", language=lang)])
        assert len(items) == 1 and _sides(items[0]) == {"yes": ["Вести"], "no": ["Курьер"]}, lang


def test_a_surname_is_one_key_in_every_case_form_and_only_its_own() -> None:
    """Round 6: surnames are keyed by their dictionary form (pymorphy3), not their first five letters."""
    from storylens.stance.frames import frames
    from storylens.stance.parties import people_parties, stand_for

    people = people_parties([("Заявление министра обороны Польши Анджея Ковалева опубликовали во вторник.", "ru")])
    assert set(people) == {"ковалев"} and "польш" in people["ковалев"]
    same, other = (frames([t], ["ru"])[0] for t in ("Ковалев готовит провокацию на мосту.",
                                                   "Ковалевский готовит провокацию на мосту."))
    assert any("польш" in stand_for(f, people, "ru").names for f in same)
    assert not any("польш" in stand_for(f, people, "ru").names for f in other)  # a shared prefix is another man


def test_a_news_dateline_is_no_agent() -> None:
    from storylens.stance.frames import frames

    (f,) = [f for f in frames(["LIMA, Peru (AP) — Chile shelled the border dam on Sunday."], ["en"])[0]
            if f.predicate == "shell"]
    assert f.agent == {"chile"}  # unblanked, the parser took "LIMA, Peru" into the agent


# Round 11 (issue 11): the acts wait on disk by block key and are paired one block at a time.
# Written for these tests: a ferry line's strike, a bridge, a mayor; some statements repeat (syndicated).
_FERRY = [
    ("Ferry crews of the island line went on strike on Monday over unpaid overtime.", "Harbour News"),
    ("The ferry company denied that its crews went on strike on Monday.", "Coast Wire"),
    ("The ferry company said its crews did not strike and every sailing left on time.", "Island Daily"),
    ("Ferry crews of the island line went on strike on Monday over unpaid overtime.", "Bay Reporter"),
    ("Army engineers blew up the river bridge near Tarnow, the regional governor said.", "Valley Post"),
    ("The defence ministry denied that army engineers blew up the river bridge near Tarnow.", "State Wire"),
    ("Rebel units blew up the river bridge near Tarnow, the ministry claimed.", "State Wire"),
    ("The mayor did not close the central market during the flood, his office said.", "City Notes"),
    ("The mayor closed the central market during the flood for three days.", "Market Gazette"),
    ("Police arrested four dock workers at the ferry terminal on Tuesday.", "Harbour News"),
    ("Police did not arrest any dock workers at the ferry terminal, a spokesman said.", "Coast Wire"),
]


def _units() -> list:
    from storylens.relate.contested import statements

    return list(statements([_doc(t, s) for t, s in _FERRY]))


def _pairs_of_one_list(found: list, topic: frozenset[str], settings: ContestedSettings) -> list[tuple]:
    """The blocking as one list of every act did it (before round 11): the test's oracle."""
    from collections import defaultdict

    from storylens.relate import contested as c

    blocks: dict[tuple[str, str], list] = defaultdict(list)
    for act in found:
        for p in c._predicate_keys(act):
            for k in c._keys(act.frame.arguments, act.lang):
                blocks[(p, k)].append(act)
    seen, out = set(), []
    for members in blocks.values():
        members = sorted(members, key=lambda m: -(m.statement.checkworthiness or 0.5))
        yes = [m for m in members if m.frame.asserts][:settings.max_block]
        no = [m for m in members if m.frame.rejects][:settings.max_block]
        meant = [m for m in members if m.frame.modal and c._affirms(m.frame)][:settings.max_block]
        for i, a in enumerate(yes + meant):
            for b in (no + yes[i + 1:] if i < len(yes) else meant[i - len(yes) + 1:]):
                one = a.statement is b.statement
                if (id(a), id(b)) in seen or (not one and c._norm(a.statement.text) == c._norm(b.statement.text)):
                    continue
                seen.add((id(a), id(b)))
                if c._voices_apart(a, b) and (judged := c._judge(a, b, topic)) is not None:
                    out.append((a, b, *judged))
    return out


def _key(pair: tuple) -> tuple:
    a, b, kind, strength = pair
    return (a.statement.index, a.frame, a.voice, b.statement.index, b.frame, b.voice, kind, strength)


@pytest.mark.parametrize("chunk", [(1, 1), (64, 512)])  # parsed a sentence at a time, or all at once
def test_acts_paired_block_by_block_from_disk_are_the_pairs_of_one_list(monkeypatch: pytest.MonkeyPatch,
                                                                        chunk: tuple[int, int]) -> None:
    from storylens.relate.contested import SpilledActs, acts, candidate_pairs

    monkeypatch.setattr(SpilledActs, "_BATCH", chunk[0])
    monkeypatch.setattr(SpilledActs, "_CHUNK", chunk[1])
    units, settings, topic = _units(), ContestedSettings(), frozenset({"ferry"})
    found = acts(units)
    expected = _pairs_of_one_list(found, topic, settings)
    with SpilledActs() as spilled:
        for u in units:
            spilled.add_statement(u)
        spilled.make_acts({})
        assert spilled.count == len(found)
        loaded = spilled.load(list(range(spilled.count)))
        assert [(a.statement.index, a.frame, a.voice, a.speaker, a.names) for a in found] == \
               [(loaded[n].statement.index, loaded[n].frame, loaded[n].voice, loaded[n].speaker, loaded[n].names)
                for n in range(spilled.count)]
        pairs = candidate_pairs(spilled, topic, settings)
        assert [_key(p) for p in pairs] == [_key(p) for p in expected]
        assert len(pairs) >= 4  # the strike, the bridge (a denial and a dispute), the market, the arrests
        kept = {id(x) for p in pairs for x in p[:2]}
        assert len(kept) == len({(x.statement.index, x.frame) for p in pairs for x in p[:2]})  # one object an act
        assert all(x is spilled.load([n])[n] for n, x in spilled._acts.items())


def test_the_spilled_acts_are_removed_after_the_step_and_when_it_fails(monkeypatch: pytest.MonkeyPatch,
                                                                       tmp_path: Path) -> None:
    import tempfile

    from storylens.relate import contested

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    docs = [_doc(t, s) for t, s in _FERRY]
    assert find_contested(docs)
    assert list(tmp_path.iterdir()) == []

    def broken(*args: object) -> None:
        assert any(tmp_path.iterdir())  # the acts are on disk while they are paired
        raise RuntimeError("a failure while pairing")

    monkeypatch.setattr(contested, "_judge", broken)
    with pytest.raises(RuntimeError):
        find_contested(docs)
    assert list(tmp_path.iterdir()) == []


def test_the_step_holds_one_block_of_acts_not_every_act(monkeypatch: pytest.MonkeyPatch) -> None:
    import random
    import tracemalloc

    from storylens.doc import Sentence
    from storylens.relate import contested
    from storylens.stance.frames import Frame

    rng = random.Random(11)
    # written for this test: invented words, so that the statements are many and their stems vary
    words = ["".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3)) for _ in range(600)]

    # a parser's many frames, made fast; each an unmeant negated wish ("did not want to…"), which pairs
    # with nothing, so the test weighs what the step holds, not the judging
    def parse(texts: list[str], langs: list[str]) -> list[list[Frame]]:
        out = []
        for text in texts:
            w = text.lower().rstrip(".").split()
            out.append([Frame(k, k + 3, f"act{hash(w[k]) % 300}", frozenset(w[k:k + 3]), frozenset(w[k + 3:k + 6]),
                              frozenset(w[k + 6:k + 8]), False, frozenset(), frozenset(), True, False, True)
                        for k in range(0, len(w) - 8)])
        return out

    monkeypatch.setattr(contested, "frames", parse)
    monkeypatch.setattr(contested.SpilledActs, "_CHUNK", 64)  # sentences parsed at once: 512 of these make 10,000 acts
    docs = []
    for d in range(300):
        sentences = [" ".join(rng.choice(words) for _ in range(28)) + "." for _ in range(8)]
        text, spans = "", []
        for s in sentences:
            spans.append(Sentence(len(text), len(text) + len(s), 0))
            text += s + " "
        docs.append(Document(f"d{d}", f"d{d}.txt", "txt", text, text, meta={"source": f"s{d % 40}"}, sentences=spans))
    tracemalloc.start()
    try:
        units = list(contested.statements(docs))
        held = tracemalloc.get_traced_memory()[0]
        every_act = contested.acts(units)  # what the step held before round 11: every act at once
        held = tracemalloc.get_traced_memory()[0] - held
        del every_act, units
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        assert contested.find_contested(docs) == []
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert held > 20 * 2**20  # about 48,000 acts
    assert peak < held / 4, f"peak {peak / 2**20:.1f} MB against {held / 2**20:.1f} MB for every act"
