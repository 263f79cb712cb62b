"""Entities: recognition per language, filters, resolution across spellings/scripts/languages.

The sentences below are written for these tests; the acceptance tests read the seeds and the
demo corpus in place.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from tests.conftest import shared_path
from storylens.annotate.entities import EntityRecognizer, find_by_rules, guess_language
from storylens.annotate.gazetteer import default_gazetteer, fold, key, lemma, translit
from storylens.clean import clean_document
from storylens.config import CleanSettings, ReadSettings
from storylens.corpus import read_paths
from storylens.doc import Document, EntityMention, Passage, RawDocument
from storylens.relate.entities import Aliases, ResolveSettings, load_aliases, resolve

warnings.filterwarnings("ignore", category=DeprecationWarning)
warnings.filterwarnings("ignore", category=UserWarning)


@pytest.fixture(scope="module")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer()


def make_doc(text: str, language: str | None, doc_id: str = "d1") -> Document:
    passages, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            passages.append(Passage(pos, pos + len(line), language=language))
        pos += len(line) + 1
    return Document(id=doc_id, origin=doc_id, format="txt", raw_text=text, text=text,
                    meta={"language": language} if language else {}, passages=passages)


def labelled(mentions: list[EntityMention]) -> set[tuple[str, str]]:
    return {(m.text, m.label) for m in mentions}


def mention(text: str, label: str) -> EntityMention:
    return EntityMention(0, len(text), text, label)


# --- recognisers ------------------------------------------------------------------------------


def test_english_spacy(recognizer):
    doc = make_doc("Kassym-Jomart Tokayev flew to Almaty on Monday after the Collective Security "
                   "Treaty Organization agreed to send peacekeepers.", "en")
    found = recognizer.find(doc)
    assert ("Almaty", "LOC") in labelled(found)
    assert any(m.label == "PER" and "Tokayev" in m.text for m in found)
    assert any(m.label == "ORG" and "Collective Security Treaty" in m.text for m in found)
    for m in found:
        assert doc.text[m.start : m.end] == m.text


def test_spacy_loaded_with_ner_only(recognizer):
    """On its own (nothing needs a parse) the recogniser runs only what spaCy's NER needs."""
    nlp = recognizer.parser.nlp
    assert "ner" in nlp.pipe_names
    assert not {"parser", "tagger", "lemmatizer", "attribute_ruler", "senter"} & set(nlp.pipe_names)


def test_entities_come_from_the_shared_parse():
    """With claims, one spaCy pass gives entities and the parse: the recogniser reads entities off it."""
    from storylens.annotate.syntax import Parser, SyntaxSettings

    parser = Parser(SyntaxSettings(parse=True))
    recognizer = EntityRecognizer(parser=parser)
    doc = make_doc("Officials in Kyiv said 12 people were killed.", "en")
    (parse,) = parser.parse_many([doc])
    assert {"parser", "ner"} <= set(parser.nlp.pipe_names)
    assert any(t.dep for t in parse.tokens)
    (found,) = recognizer.find_many([doc], [parse])
    assert ("Kyiv", "LOC") in labelled(found)


def test_russian_natasha(recognizer):
    doc = make_doc("Вчера президент Касым-Жомарт Токаев провёл совещание в Алматы, а министр обороны "
                   "России заявил о помощи ОДКБ.", "ru")
    found = labelled(recognizer.find(doc))
    assert ("Касым-Жомарт Токаев", "PER") in found
    assert ("Алматы", "LOC") in found
    assert ("ОДКБ", "ORG") in found


def test_ukrainian_rules(recognizer):
    doc = make_doc("У Києві міністр Дмитро Кулеба заявив, що ОДКБ не має права втручатися у справи Казахстану.", "uk")
    found = recognizer.find(doc)
    got = labelled(found)
    assert ("Києві", "LOC") in got
    assert ("Дмитро Кулеба", "PER") in got
    assert ("ОДКБ", "ORG") in got
    assert ("Казахстану", "LOC") in got
    assert all(m.detector in ("rules", "gazetteer") for m in found)


def test_kazakh_and_romanian_rules(recognizer):
    kk = labelled(recognizer.find(make_doc("Қасым-Жомарт Тоқаев Астанада халыққа үндеу жасады.", "kk")))
    assert ("Қасым-Жомарт Тоқаев", "PER") in kk
    assert ("Астанада", "LOC") in kk
    ro = labelled(recognizer.find(make_doc("Protestele din Almaty au continuat, iar președintele Kassym-Jomart "
                                           "Tokayev a cerut sprijinul Rusiei.", "ro")))
    assert ("Almaty", "LOC") in ro
    assert ("Kassym-Jomart Tokayev", "PER") in ro


def test_language_guessed_by_script_when_missing(recognizer):
    assert guess_language("Тоқаев Астанада сөйледі") == "kk"
    assert guess_language("Президент України") == "uk"
    assert guess_language("Президент России") == "ru"
    found = recognizer.find(make_doc("Силовики задержали Карима Масимова в Нур-Султане.", None))
    assert any(m.detector.startswith("natasha") for m in found)


def test_rules_keep_sentence_initial_common_words_out():
    found = find_by_rules("Вчора було тихо. Сьогодні мітинг у Бішкеку.")
    texts = {m.text for m in found}
    assert "Вчора" not in texts and "Сьогодні" not in texts
    assert "Бішкеку" in texts


def test_filters_drop_leftovers(recognizer):
    banner = "Sustine Observatorul Stepei Apasa Aici! " * 4  # an invented call-to-action banner
    text = (f"{banner.strip()}\n"
            "Follow us at https://t.me/AlmatyNews and [Steppe Ledger](https://example.com/Tokayev) #Almaty @KazakhWatch\n"
            "Kassym-Jomart Tokayev spoke in Almaty.")
    found = recognizer.find(make_doc(text, "en"))
    assert not any("Sustine" in m.text or "Observatorul" in m.text for m in found)
    url_line_end = text.index("\nKassym")
    assert not any(m.start < url_line_end and m.text in ("AlmatyNews", "Tokayev", "Almaty", "KazakhWatch") for m in found)
    assert any(m.text == "Almaty" and m.start > url_line_end for m in found)


def test_offsets_point_into_text(recognizer):
    text = "Protesters in Almaty.\n\nВ Алматы прошли протесты.\n\nПротести в Алмати тривали."
    doc = make_doc(text, None)
    doc.passages[0].language, doc.passages[1].language, doc.passages[2].language = "en", "ru", "uk"
    for m in recognizer.find(doc):
        assert text[m.start : m.end] == m.text


# --- normalisation ----------------------------------------------------------------------------


def test_transliteration():
    assert translit("Токаев") == "tokayev"
    assert translit("Тоқаев") == "tokayev"
    assert translit("Жанаөзен") == "zhanaozen"
    assert translit("Київ") == "kyiv"
    assert key("Tokaev") == key("Tokayev") == key("Тоқаев") == key("Токаев")
    assert key("Kassym-Jomart Tokayev") == key("Kasym-Zhomart Tokayev")
    assert fold("Tokayev’s") == "tokayev"


def test_inflection():
    assert lemma("Токаеву", "PER") == "Токаев"
    assert lemma("Казахстане", "LOC") == "Казахстан"
    gaz = default_gazetteer()
    assert gaz.lookup("Казахстане").name == "Kazakhstan"
    assert gaz.lookup("Нур-Султане").name == "Astana"
    assert gaz.lookup("Астанада").name == "Astana"


def test_resolution_across_scripts_and_inflection():
    mentions = [("a", mention("Tokayev", "PER"), "en"), ("b", mention("Токаеву", "PER"), "ru"),
                ("c", mention("Тоқаев", "PER"), "ru"), ("d", mention("Tokaev", "PER"), "en"),
                ("e", mention("Kassym-Jomart Tokayev", "PER"), "en")]
    entities = resolve(mentions, settings=ResolveSettings(use_gazetteer=False))
    assert len(entities) == 1
    entity = entities[0]
    assert entity.name == "Kassym-Jomart Tokayev"
    assert entity.label == "PER"
    assert any("transliteration" in w for w in entity.why)
    assert any("inflection" in w for w in entity.why)
    assert any("is part of 'Kassym-Jomart Tokayev'" in w for w in entity.why)
    assert {m.entity for _, m, _ in mentions} == {entity.id}


def test_ukrainian_and_russian_case_forms_are_one_entity():
    from storylens.relate.morphology import name_lemma

    mentions = [("a", mention("Бельгії", "LOC"), "uk"), ("b", mention("Бельгією", "LOC"), "uk"),
                ("c", mention("Бельгии", "LOC"), "ru"), ("d", mention("Бельгия", "LOC"), "ru"),
                ("e", mention("Belgium", "LOC"), "en"),
                ("f", mention("Києві", "LOC"), "uk"), ("g", mention("Києва", "LOC"), "uk")]
    entities = resolve(mentions, settings=ResolveSettings(use_gazetteer=False))
    by_doc = {doc: m.entity for doc, m, _ in mentions}
    assert by_doc["a"] == by_doc["b"] == by_doc["c"] == by_doc["d"]
    assert by_doc["f"] == by_doc["g"] != by_doc["a"]
    assert any("Бельгі" in w and "Бельги" in w for e in entities for w in e.why)
    # a place is not read as a person's name of the same form («Києві» is not the name «Кий»)
    assert name_lemma("Києві", "uk", "LOC") == "Київ"
    assert name_lemma("Зеленського", "uk", "PER") == "Зеленський"
    assert name_lemma("Бельгии", "en", "LOC") == "Бельгии"  # no dictionary for the language: kept


def test_a_surname_in_a_case_form_it_shares_with_a_woman_s_is_read_as_the_man_s():
    """«Кемпаеву» is his dative and her accusative (the dictionary guesses a woman's first name
    «Кемпаева» first for a surname it does not know): every case form of one surname gets one key."""
    from storylens.relate.morphology import name_lemma

    assert name_lemma("Кемпаеву", "ru", "PER") == "Кемпаев"
    assert name_lemma("Игорю Гренаеву", "ru", "PER") == lemma("Игорю Гренаеву", "PER") == "Игорь Гренаев"
    assert name_lemma("Волкову", "ru", "PER") == "Волков"
    mentions = [("a", mention("Игорю Кемпаеву", "PER"), "ru"), ("b", mention("Игоря Кемпаева", "PER"), "ru"),
                ("c", mention("Игорь Кемпаев", "PER"), "ru")]
    entities = resolve(mentions, settings=ResolveSettings(use_gazetteer=False))
    assert len(entities) == 1


def test_lemma_of_a_name_in_an_unknown_language_reads_ukrainian_by_its_letters():
    """Cyrillic text of another language than ru/uk (or none) is read with the dictionary its letters
    point to, by the same lemmatiser as resolution (relate/morphology)."""
    from storylens.annotate.gazetteer import is_country
    from storylens.relate.morphology import name_lemma

    assert lemma("Харкові", "LOC") == name_lemma("Харкові", "uk", "LOC") == "Харків"
    assert lemma("Норвегии", "LOC") == name_lemma("Норвегии", "ru", "LOC") == "Норвегия"
    assert lemma("Flood Agency", "ORG") == "Flood Agency"
    assert lemma("Нұрланға", "PER") == "Нұрланға"  # Kazakh letters: no dictionary, kept
    # in a document of no language or of another script (a quotation), the letters choose
    mentions = [("a", mention("Львові", "LOC"), ""), ("b", mention("Львів", "LOC"), "uk"),
                ("c", mention("Одесі", "LOC"), "en"), ("d", mention("Одеса", "LOC"), "uk")]
    assert len(resolve(mentions, settings=ResolveSettings(use_gazetteer=False))) == 2
    # a Ukrainian case form without a Ukrainian letter is still a country; a city is not
    assert is_country("Туреччини") and is_country("Сирією") and is_country("Норвегии")
    assert not is_country("Харкові")


def test_a_name_in_another_cyrillic_language_is_not_read_as_russian():
    """Bulgarian, Kazakh…: the Russian dictionary would take their own endings for case endings."""
    from storylens.relate.entities import _dictionary_form

    assert _dictionary_form("България", "LOC", "bg") == "България"
    assert _dictionary_form("Алматыда", "LOC", "kk") == "Алматыда"
    assert _dictionary_form("Болгарии", "LOC", "ru") == "Болгария"


def test_one_morphological_analyser_per_language_in_a_process():
    """Annotate's syntax pass, the gazetteer and resolution share relate/morphology's analysers, and no
    pymorphy2 analyser is built (natasha imports pymorphy2 but its models do not use it), so nothing
    needs ``pkg_resources`` (gone from setuptools 81)."""
    import subprocess
    import sys

    code = """
import gc, sys
sys.modules["pkg_resources"] = None
from storylens.annotate.gazetteer import is_country, lemma
from storylens.annotate.syntax import Parser, SyntaxSettings
from storylens.doc import Document, Passage
from storylens.relate.morphology import name_lemma, word_lemma
texts = [("Спасатели в Казани эвакуировали жителей трёх домов.", "ru"),
         ("Рятувальники у Харкові евакуювали мешканців трьох будинків.", "uk")]
docs = [Document(id=c, origin=c, format="txt", raw_text=t, text=t, meta={"language": c},
                 passages=[Passage(0, len(t), language=c)]) for t, c in texts]
parses = Parser(SyntaxSettings(parse=True)).parse_many(docs)
assert all(p.tokens for p in parses)
lemma("Олегу Соколову", "PER"), name_lemma("Одесі", "uk", "LOC"), word_lemma("домов", "ru"), is_country("Туреччини")
import pymorphy2, pymorphy3
print(sum(isinstance(o, pymorphy3.MorphAnalyzer) for o in gc.get_objects()),
      sum(isinstance(o, pymorphy2.MorphAnalyzer) for o in gc.get_objects()))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["2", "0"]


def test_surname_stays_apart_when_ambiguous():
    mentions = [("a", mention("Dmitry Ivanov", "PER"), "en"), ("b", mention("Sergei Ivanov", "PER"), "en"),
                ("c", mention("Ivanov", "PER"), "en")]
    entities = resolve(mentions, settings=ResolveSettings(use_gazetteer=False))
    assert len(entities) == 3


def test_acronym_and_expansion():
    mentions = [("a", mention("CSTO", "ORG"), "en"),
                ("b", mention("Collective Security Treaty Organisation", "ORG"), "en"),
                ("c", mention("ОДКБ", "ORG"), "ru"),
                ("d", mention("Организация Договора о коллективной безопасности", "ORG"), "ru")]
    plain = resolve(mentions, settings=ResolveSettings(use_gazetteer=False))
    assert len(plain) == 2  # initials join each acronym to its expansion within a language
    assert any("initials of" in w for e in plain for w in e.why)
    known = resolve(mentions)
    assert len(known) == 1  # the gazetteer links the languages
    assert known[0].label == "ORG"
    assert any("'ОДКБ'" in w and "gazetteer acronym" in w for w in known[0].why)


def test_places_merge_old_and_new_names():
    mentions = [("a", mention("Astana", "LOC"), "en"), ("b", mention("Nur-Sultan", "LOC"), "en"),
                ("c", mention("Нур-Султане", "LOC"), "ru"), ("d", mention("Almaty", "LOC"), "en"),
                ("e", mention("Алма-Ата", "LOC"), "ru")]
    entities = {e.name: e for e in resolve(mentions)}
    assert set(entities) == {"Astana", "Almaty"}
    assert {"Astana", "Nur-Sultan", "Нур-Султане"} <= entities["Astana"].aliases


def test_alias_file_json_forces_and_forbids(tmp_path: Path):
    path = tmp_path / "aliases.json"
    path.write_text(json.dumps({
        "aliases": {"Steppe Ledger": "Steppe Ledger channel", "@steppe_ledger": "Steppe Ledger channel"},
        "never_merge": [["Tokayev", "Tokaev"]],
    }), encoding="utf-8")
    aliases = load_aliases(path)
    mentions = [("a", mention("Steppe Ledger", "ORG"), "en"), ("b", mention("@steppe_ledger", "MISC"), "en"),
                ("c", mention("Tokayev", "PER"), "en"), ("d", mention("Tokaev", "PER"), "en")]
    entities = resolve(mentions, aliases=aliases, settings=ResolveSettings(use_gazetteer=False))
    names = {e.name: e for e in entities}
    assert names["Steppe Ledger channel"].aliases == {"Steppe Ledger", "@steppe_ledger"}
    assert any("user alias file" in w for w in names["Steppe Ledger channel"].why)
    assert sum(1 for e in entities if e.label == "PER") == 2  # never merged


def test_alias_file_csv(tmp_path: Path):
    path = tmp_path / "aliases.csv"
    path.write_text("# surface,canonical\nAkorda,Presidential Administration of Kazakhstan\n"
                    "Ақорда,Presidential Administration of Kazakhstan\nnever,Almaty,Alma-Ata\n", encoding="utf-8")
    aliases = load_aliases(path)
    assert isinstance(aliases, Aliases)
    mentions = [("a", mention("Akorda", "LOC"), "en"), ("b", mention("Ақорда", "ORG"), "kk"),
                ("c", mention("Almaty", "LOC"), "en"), ("d", mention("Alma-Ata", "LOC"), "en")]
    entities = resolve(mentions, aliases=aliases)
    akorda = _entity_with(entities, "Akorda")
    assert akorda.name == "Presidential Administration of Kazakhstan"
    assert akorda.aliases == {"Akorda", "Ақорда"}
    assert _entity_with(entities, "Almaty") is not _entity_with(entities, "Alma-Ata")
    assert _entity_with(entities, "Alma-Ata").name == "Alma-Ata"


# --- acceptance -------------------------------------------------------------------------------


def _read_clean(folder: Path) -> list[Document]:
    docs = []
    for raw in read_paths([folder], ReadSettings()):
        if isinstance(raw, RawDocument):
            docs.append(clean_document(raw, CleanSettings()))
    return docs


def _resolve_corpus(recognizer: EntityRecognizer, docs: list[Document]):
    triples = []
    for doc, mentions in zip(docs, recognizer.find_many(docs)):
        for m in mentions:
            triples.append((doc.id, m, doc.meta.get("language")))
    return resolve(triples)


def _entity_with(entities, alias: str):
    found = [e for e in entities if alias in e.aliases]
    assert found, f"no entity has the alias {alias!r}"
    assert len(found) == 1, f"{alias!r} is in several entities: {[e.name for e in found]}"
    return found[0]


def test_seeds_resolve_as_a_person_expects(recognizer):
    docs = _read_clean(shared_path("seeds"))
    assert len(docs) == 5
    entities = _resolve_corpus(recognizer, docs)
    tokayev = _entity_with(entities, "Tokayev")
    assert tokayev.label == "PER"
    spellings = {a for e in entities for a in e.aliases if "tokaev" in key(a)}
    assert spellings <= tokayev.aliases
    assert {"Kassym-Jomart Tokayev", "Kasym-Jomart Tokayev", "Tokaev"} <= tokayev.aliases
    csto = _entity_with(entities, "CSTO")
    assert "Collective Security Treaty Organisation" in csto.aliases
    assert [e for e in entities if "CSTO" in e.aliases or "Collective Security Treaty Organisation" in e.aliases] == [csto]
    assert _entity_with(entities, "Almaty").label == "LOC"
    astana = _entity_with(entities, "Astana")
    assert astana.label == "LOC"
    assert _entity_with(entities, "Nur-Sultan") is astana
    for e in entities:
        if e.label == "PER":
            assert not any("Verifica" in a or "Menajeria" in a for a in e.aliases), e


def test_examples_resolve_across_languages(recognizer, examples_dir):
    docs = _read_clean(examples_dir)
    entities = _resolve_corpus(recognizer, docs)
    tokayev = _entity_with(entities, "Tokayev")
    assert {"Токаев", "Тоқаев", "Tokaev", "Tokayev"} <= tokayev.aliases
    csto = _entity_with(entities, "CSTO")
    assert "ОДКБ" in csto.aliases
    assert _entity_with(entities, "Нур-Султане") is _entity_with(entities, "Nur-Sultan")
    assert _entity_with(entities, "Алматы") is _entity_with(entities, "Almaty")
    for e in entities:
        assert e.why is not None
        for doc_id, start, end in e.mentions:
            assert start < end


def test_shipped_conll_model_is_selectable():
    from storylens.annotate.entities import EntitySettings

    conll = EntityRecognizer(EntitySettings(spacy_pipeline="storylens_en_conll"))
    found = labelled(conll.recognise_text("Russian troops left Almaty after Kassym-Jomart Tokayev thanked Moscow.", "en"))
    assert ("Almaty", "LOC") in found
    assert ("Russian", "GROUP") in found  # CoNLL's MISC, made GROUP by the gazetteer
    assert ("Kassym-Jomart Tokayev", "PER") in found


def test_the_default_gazetteer_is_loaded_once():
    """Claims and relate look names up per sentence: reading the JSON each time cost most of annotate's time."""
    assert default_gazetteer() is default_gazetteer()


def test_the_spacy_pipeline_is_loaded_once_per_process():
    """Annotate and the contested step's frames both parse English: two copies cost 40 MB of RSS."""
    from storylens.annotate.syntax import load_spacy
    from storylens.stance.frames import _spacy

    nlp = load_spacy("en_core_web_sm", parse=True)
    assert _spacy() is nlp
    assert load_spacy("en_core_web_sm", parse=False) is not nlp


def test_natasha_batches_run_shortest_first_and_answer_in_the_order_given():
    from storylens.annotate.syntax import _by_length

    seen: list[list[str]] = []

    def run(items: list[list[str]]):
        seen.extend(items)
        return ([w.upper() for w in item] for item in items)

    items = [["a"] * 5, ["b"], ["c"] * 3, ["d", "e"]]
    assert _by_length(run, items, len) == [["A"] * 5, ["B"], ["C"] * 3, ["D", "E"]]
    assert [len(i) for i in seen] == [1, 2, 3, 5]


def test_a_russian_parse_is_the_same_whatever_the_passages_around_it():
    from storylens.annotate.syntax import Parser

    short = "Мэр сказал, что мост закрыт."
    long_ = ("Вчера вечером в городе прошёл сильный дождь, и несколько улиц в центре затопило, "
             "сообщили в городской службе спасения.")
    parser = Parser()
    alone = list(parser._natasha_run([short]))[0]
    among = list(parser._natasha_run([long_, short, long_]))[1]
    assert [(t.start, t.end, t.pos, t.dep, t.head) for t in alone[0]] == \
        [(t.start, t.end, t.pos, t.dep, t.head) for t in among[0]]
    assert alone[1] == among[1]
