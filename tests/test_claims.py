"""Numeric claims: behaviour on short sentences written for the tests (English, Russian, Ukrainian, about
kinds of events the development corpora are not about), the acceptance test on the seeds
(../shared/data/seeds-gold/claims.json) and a check on the demo corpus (Russian included)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from storylens.annotate.attribution import find_attribution
from storylens.annotate.claims import extract_claims
from storylens.clean import clean_document
from storylens.config import CleanSettings, ReadSettings
from storylens.corpus import read_paths
from storylens.doc import Document, Passage, RawDocument, Sentence


def _doc(text: str, published: str | None = None, lang: str | None = None) -> Document:
    """A document with one passage and naive sentences (no cleaning)."""
    sentences = []
    start = 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[\"“«(A-ZА-ЯЁІЇЄҐ0-9])|$", text):
        if text[start:m.start()].strip():
            sentences.append(Sentence(start, m.start(), 0))
        start = m.end()
    meta = {"published": published} if published else {}
    if lang:
        meta["language"] = lang
    return Document(id="t", origin="t.txt", format="txt", raw_text=text, text=text, meta=meta,
                    passages=[Passage(0, len(text), language=lang)], sentences=sentences)


def _claims(text: str, published: str | None = None, lang: str | None = None):
    return extract_claims(_doc(text, published, lang))


def _one(text: str, published: str | None = None, lang: str | None = None):
    claims = _claims(text, published, lang)
    assert len(claims) == 1, [(c.text, c.kind, c.measure) for c in claims]
    return claims[0]


# --- what is a claim and what is not -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The strike started on March 2, 2021 in the port.", "en"),
        ("Anger peaked on March 5th, when crowds filled the square.", "en"),
        ("Posted at 23:26 on 12.01.2022 by the editor.", "en"),
        ("The country ranks 25 in a business index.", "en"),
        ("Step 0: pack the bags.", "en"),
        ("[1] https://news.example/explainers-12345678", "en"),
        ("Both COVID-19 and EXPO 2017 cost money.", "en"),
        ("Two things can be true at once.", "en"),
        ("Stories tagged Sport, Elections 2024, are free to read.", "en"),
        ("Рубрики сайта: Спорт, Выборы 2024, Погода.", "ru"),
        ("It is one of the richest regions.", "en"),
        ("Day 5 in Almaty.", "en"),
        ("France 2 reported the story first.", "en"),
        ("She was named Person of the Year 2018.", "en"),
        ("Call the hotline on 112 for help.", "en"),
        ("Thirty years ago the plant was built.", "en"),
        ("Протесты начались 5 января, а 10 января всё закончилось.", "ru"),
        ("Акція тривала 25 і 26 липня.", "uk"),
        ("For the first time, a fifth straight rainy season will fail.", "en"),
        ("Battle deaths were 5.7 per 100,000 people a year.", "en"),
        ("It is among the 10 most powerful stations in the world.", "en"),
        ("The two men also discussed the budget.", "en"),
        ("The ferry sank an hour and a half after it left the harbour.", "en"),
        ("Переговоры шли час с половиной.", "ru"),
        ("Leaders of the Group of Twenty economies met in May.", "en"),
        ("Міністри Великої Сімки зустрілися в травні.", "uk"),
        ("The survey has a 3 percent margin of error.", "en"),
        ("Погрешность опроса составила 3 процента.", "ru"),
        ("Опитування має похибку 2 відсотки.", "uk"),
        ("The poll has a margin of error of 3 percent.", "en"),
    ],
)
def test_not_claims(text, lang):
    assert _claims(text, lang=lang) == []


# --- what is counted: open vocabulary, from the counted noun and its predicate ---------------------------


@pytest.mark.parametrize(
    "text, lang, measure, unit, value, lo, hi",
    [
        ("The airline cancelled 600 flights on Monday.", "en", "flights cancelled", "flights", 600, None, None),
        ("Investigators are looking into 4,500 alleged war crimes by Russian troops.", "en", "crimes", "crimes",
         4500, None, None),
        ("Police detained 508 people overnight.", "en", "detained", "people", 508, None, None),
        ("More than 60 people had been killed.", "en", "killed", "people", None, 60, None),
        ("Officials said 5,000 had been arrested.", "en", "detained", "people", 5000, None, None),
        ("At least 12 members of the security forces died.", "en", "killed", "security forces", None, 12, None),
        ("The courts brought 2000 people to justice.", "en", "prosecuted", "people", 2000, None, None),
        ("About 400 vehicles were destroyed.", "en", "vehicles_destroyed", "vehicles", 400, None, None),
        ("More than 50 shops and banks were attacked.", "en", "businesses_attacked", "businesses", None, 50, None),
        ("The island is home to 3.4 million American citizens.", "en", "population", "people", 3.4e6, None, None),
        ("Two reactors are still in operation.", "en", "reactors operating", "reactors", 2, None, None),
        ("A 15-man team of forensic experts arrived at the site.", "en", "members: teams", "people", 15, None, None),
        ("Компания отменила 120 рейсов из-за забастовки.", "ru", "flights cancelled", "flights", 120, None, None),
        ("Задержаны 7 939 чел.", "ru", "detained", "people", 7939, None, None),
        ("Погибли 16 сотрудников силовых структур.", "ru", "killed", "security forces", 16, None, None),
        ("Город атаковали около 20 тыс. бандитов.", "ru", "attackers", "people", 20000, None, None),
        ("Задержаны более пятисот человек.", "ru", "detained", "people", None, 500, None),
        ("Авіакомпанія скасувала понад 200 рейсів.", "uk", "flights cancelled", "flights", None, 200, None),
        ("Унаслідок обстрілу загинули п'ятеро мирних жителів.", "uk", "killed", "people", 5, None, None),
        ("Постраждали майже 30 тисяч пасажирів.", "uk", "injured", "passengers", None, None, 30000),
        ("Під час страйку було арештовано 150 людей.", "uk", "detained", "people", 150, None, None),
    ],
)
def test_measure_comes_from_the_counted_noun_and_its_predicate(text, lang, measure, unit, value, lo, hi):
    c = _one(text, lang=lang)
    assert (c.kind, c.measure, c.unit, c.value, c.lo, c.hi) == ("count", measure, unit, value, lo, hi)
    assert text[c.start:c.end] == c.text


def test_a_predicate_never_overrides_the_counted_noun():
    c = _one("Investigators are looking into 4,500 alleged war crimes by Russian troops.", lang="en")
    assert c.measure == "crimes" and c.subgroup is None  # not 4,500 troops
    assert _claims("41 of them were neutralized.", lang="en") == []  # what they are is not said


def test_a_part_counts_what_the_figure_before_it_counts():
    claims = _claims("Russia launched 84 missiles overnight; Ukraine's air force said 43 of them were shot down.",
                     lang="en")
    assert [(c.value, c.measure) for c in claims] == [(84, "missiles launched"), (43, "missiles intercepted")]
    claims = _claims("Окупанти випустили 84 ракети, з них 43 збили сили ППО, повідомили в Генштабі.", lang="uk")
    assert [(c.value, c.measure) for c in claims] == [(84, "missiles launched"), (43, "missiles intercepted")]
    assert {c.by for c in claims} == {"Генштабі"}


def test_a_figure_referred_back_to_keeps_its_measure():
    claims = _claims("The official toll was 16. By December, that figure quadrupled to 64.", lang="en")
    assert [(c.value, c.measure) for c in claims] == [(16, "killed"), (64, "killed")]
    claims = _claims("He pointed to 16 reported deaths, compared to more than 1,800 in New Orleans.", lang="en")
    assert [(c.measure, c.where) for c in claims] == [("killed", None), ("killed", "New Orleans")]


def test_others_are_a_subgroup_of_their_own():
    claims = _claims("The delegation includes its chief and 13 other experts.", lang="en")
    assert [(c.value, c.subgroup) for c in claims] == [(13, "other experts")]
    claims = _claims("По данным полиции, погибли 12 человек, еще 40 получили ранения.", lang="ru")
    assert [(c.value, c.measure, c.subgroup) for c in claims] == [(12, "killed", None), (40, "injured", None)]


# --- kinds of figures ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, lang, kind, value, lo, hi, unit",
    [
        ("A month later, about three-quarters of the residents were still without power.", "en", "percent", 75, None,
         None, "%"),
        ("Turnout was just under 70 percent.", "en", "percent", None, None, 70, "%"),
        ("Support for the deal ranges between 15% and 20%.", "en", "percent", None, 15, 20, "%"),
        ("Investigators found 22,770 kg of explosives in a warehouse.", "en", "measurement", 22770, None, None, "kg"),
        ("The village lies 34 miles from the dam.", "en", "measurement", 34, None, None, "miles"),
        ("Cable news covered the tweet 16 times as much as the floods.", "en", "ratio", 16, None, None, "×"),
        ("Опрос показал, что каждый 20-й житель готов уехать.", "ru", "ratio", 20, None, None, "1/N"),
        ("Roughly one in five residents has left the city.", "en", "ratio", 5, None, None, "1/N"),
        ("The company paid a $300 million fine.", "en", "money", 3e8, None, None, "USD"),
        ("Власти предложили 500 тысяч рупий за информацию.", "ru", "money", 5e5, None, None, "PKR"),
    ],
)
def test_kinds(text, lang, kind, value, lo, hi, unit):
    c = _one(text, lang=lang)
    assert (c.kind, c.value, c.lo, c.hi, c.unit) == (kind, value, lo, hi, unit)


def test_times_without_a_comparison_count_occasions():
    c = _one("The minister spoke three times at the rally.", lang="en")
    assert (c.kind, c.measure, c.value) == ("count", "times speak", 3)
    assert _one("Цены выросли в три раза за год.", lang="ru").kind == "ratio"


def test_speeds_and_ranges_of_a_unit():
    c = _one("The storm made landfall with winds close to 150 miles per hour.", lang="en")
    assert (c.kind, c.unit, c.hi) == ("measurement", "miles per hour", 150)
    c = _one("The contract's end could cause a 10- to 12-week delay.", lang="en")
    assert (c.kind, c.lo, c.hi, c.unit) == ("duration", 10, 12, "week")


def test_a_share_without_something_is_its_own_measure():
    without = _one("As of Oct. 27, 72 percent of the island still lacks electricity.", lang="en")
    with_power = _one("Only 25 percent of the island has power.", lang="en")
    assert without.measure == "share: without electricity" and with_power.measure != without.measure
    assert _one("The island is 90% without power.", lang="en").measure == without.measure
    assert _one("Nearly 50 percent of people now have access to drinking water.", lang="en").measure == "share: with water"


@pytest.mark.parametrize(
    "text, lang, value, subject",
    [
        ("Tanya, 57, was killed when a missile hit her home.", "en", 57, "Tanya"),
        ("The opposition leader, 54, was shot dead outside his home.", "en", 54, "leader"),
        ("Police named the driver as a 34-year-old man from Leeds.", "en", 34, None),
        ("Liudmyla Petrenko, a 74-year-old widow, lost her home.", "en", 74, "Petrenko"),
        ("Суд оправдал 51-летнюю Марию Петрову.", "ru", 51, "Марию Петрову"),
        ("Мер міста, 47-річний Олег Коваль, подав у відставку.", "uk", 47, "Олег Коваль"),
    ],
)
def test_an_age_is_never_a_count(text, lang, value, subject):
    claims = _claims(text, lang=lang)
    ages = [c for c in claims if c.kind == "age"]
    assert [c.value for c in ages] == [value]
    assert not any(c.kind == "count" and c.value == value for c in claims)
    if subject:
        assert subject in (ages[0].subject or "")


@pytest.mark.parametrize(
    "text, lang, value, lo, hi, unit",
    [
        ("The journalist spent eight years in prison.", "en", 8, None, None, "year"),
        ("Officials agreed to a 10-day waiver of the law.", "en", 10, None, None, "day"),
        ("В городе второй день продолжаются протесты.", "ru", None, 1, 2, "day"),
        ("Страйк триває вже третій тиждень.", "uk", None, 2, 3, "week"),
    ],
)
def test_durations(text, lang, value, lo, hi, unit):
    c = _one(text, lang=lang)
    assert (c.kind, c.value, c.lo, c.hi, c.unit) == ("duration", value, lo, hi, unit)


def test_a_date_of_an_event_is_a_claim_of_its_own_kind():
    c = _one("The law was adopted in 1986.", lang="en")
    assert (c.kind, c.value, c.measure, c.as_of) == ("date", 1986, "date: law enacted", "1986")
    c = _one("Закон «О митингах» был принят в 2004 году.", lang="ru")
    assert (c.kind, c.value, c.measure) == ("date", 2004, "date: закон enacted")
    assert _claims("The bloc was founded in 1992 and renamed in 2002.", lang="en")[0].kind == "date"


def test_two_events_of_one_thing_have_dates_of_different_measures():
    jailed = _one("The reporter was jailed in 2015.", lang="en")
    freed = _one("The reporter was freed in 2019.", lang="en")
    assert jailed.measure == "date: reporter jail" and freed.measure == "date: reporter free"


@pytest.mark.parametrize(
    "adopted, in_force, lang",
    [
        ("Закон о выборах был принят в Молдове в 1996 году.", "По закону о выборах, действующему с 1995 года, голосуют все.", "ru"),
        ("Закон про мову ухвалили у 2019 році.", "Закон про мову, що діє з 2019 року, критикують.", "uk"),
        ("The press law was passed in 1991.", "The press law was enacted in 1992.", "en"),
    ],
)
def test_a_law_adopted_and_in_force_since_date_one_event(adopted, in_force, lang):
    a, b = _one(adopted, lang=lang), _one(in_force, lang=lang)
    assert a.kind == b.kind == "date" and a.measure == b.measure and a.measure.endswith("enacted")


def test_a_year_something_merely_happened_in_keeps_its_verb():
    c = _one("The bridge was closed in 2014.", lang="en")
    assert c.measure == "date: bridge close"


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("The valley still remembers the 1998 flood that hit the town.", "en", "date: flood"),
        ("The quarter, rebuilt with stone after a fire in May 1871, was spared.", "en", "date: fire"),
        ("Engineers warned that a breach could exceed the 1976 Tavora dam collapse.", "en", "date: collapse"),
        ("Rescuers recalled the 1998 Korvath landslide.", "en", "date: korvath landslide"),
        ("Город до сих пор помнит наводнение 1998 года, которое разрушило мост.", "ru", "date: наводнение"),
    ],
)
def test_a_year_that_modifies_a_noun_dates_that_noun(text, lang, measure):
    c = _one(text, lang=lang)
    assert (c.kind, c.measure) == ("date", measure)


@pytest.mark.parametrize(
    "text",
    [
        "Rescuers search the rubble of a school in the port city, Tuesday, May 7, 2024.",
        "A firefighter walks past a burning warehouse in the capital, May 7, 2024.",
    ],
)
def test_a_captions_time_stamp_is_not_a_claim(text):
    assert [c for c in _claims(text, lang="en") if c.kind == "date"] == []


# --- reading numbers in context ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, lang, value, lo, hi",
    [
        ("The death toll could be as high as 300.", "en", None, None, 300),
        ("Тысячи человек вышли на улицы.", "ru", None, 1000, None),
        ("На акцію вийшли майже 50 тисяч людей.", "uk", None, None, 50000),
        ("Понад 200 людей евакуювали з міста.", "uk", None, 200, None),
        ("Близько 300 людей зібралися на площі.", "uk", 300, None, None),
        ("When I left, they had anywhere from 6 to 18 deaths.", "en", None, 6, 18),
    ],
)
def test_hedges_and_scales_in_context(text, lang, value, lo, hi):
    c = _one(text, lang=lang)
    assert (c.value, c.lo, c.hi) == (value, lo, hi)


def test_currency_conversion_is_part_of_the_price_claim():
    claims = _claims("Diesel went from 50 tenge per liter ($0.11) to 90 tenge ($0.21), residents said.", lang="en")
    assert [(c.value, c.unit, c.measure) for c in claims] == [(50, "KZT/l", "price"), (90, "KZT/l", "price")]
    assert "$0.11" in claims[0].qualifier and "$0.21" in claims[1].qualifier


def test_a_distance_in_two_units_is_one_claim():
    c = _one("The city lies about 45 kilometers (27 miles) from the plant.", lang="en")
    assert (c.value, c.unit, c.measure) == (45, "km", "distance") and "27 miles" in c.qualifier


def test_price_range_after_a_change_verb_is_two_values():
    claims = _claims("The price rose from 60 to 120 tenge per litre.", lang="en")
    assert [(c.value, c.unit, c.qualifier) for c in claims] == [
        (60, "KZT/l", "change: from"), (120, "KZT/l", "change: to")]


def test_a_change_is_kept_apart_from_totals():
    c = _one("За сутки число задержанных выросло почти на 3 тыс.", lang="ru")
    assert (c.measure, c.hi, c.qualifier) == ("detained", 3000, "change by")


def test_subgroup_is_a_qualifier_and_a_place_subcount_is_a_claim():
    claims = _claims("Officials said 70 people, including three children, were killed in the fighting (40 in Aktobe).",
                     lang="en")
    assert [(c.value, c.measure, c.where) for c in claims] == [(70, "killed", None), (40, "killed", "Aktobe")]
    assert "three children" in claims[0].qualifier
    assert "40 in Aktobe" in claims[0].qualifier
    assert claims[1].by == claims[0].by == "Officials"


@pytest.mark.parametrize(
    "text, lang, where",
    [
        ("In Enerhodar, the mayor said at least 10 residents were wounded.", "en", "Enerhodar"),
        ("Rescuers now think 61 people drowned in Poland’s old port city of Gdansk.", "en", "Gdansk"),
        ("About three-quarters of Puerto Rico’s 3.4 million residents are without power.", "en", "Puerto Rico"),
        ("В Алматы задержаны 500 человек.", "ru", "Алматы"),
        ("У Харкові загинули троє людей.", "uk", "Харкові"),
    ],
)
def test_place_of_a_figure(text, lang, where):
    claims = _claims(text, lang=lang)
    assert claims[-1].where == where


@pytest.mark.parametrize(
    "text, where",
    [
        ("The flood killed at least 45 people in the US territory, officials said.", None),  # a part of a country
        ("The quake killed 30 people in the Kharkiv region.", "Kharkiv region"),  # the region, not the city
        ("The quake killed 30 people in Kharkiv.", "Kharkiv"),
        ("Artillery shelled Kramatorsk on Sunday, injuring nine people, the governor said.", "Kramatorsk"),
    ],
)
def test_a_place_is_the_scope_the_parse_gives(text, where):
    assert _one(text, lang="en").where == where


@pytest.mark.parametrize(
    "text, lang",
    [
        ("As the inspector's 12-man team arrived at the dam, shelling resumed.", "en"),
        ("The mission consists of 12 experts from neutral countries.", "en"),
        ("The visit of the 12-member expert delegation ended on Friday.", "en"),
    ],
)
def test_a_teams_size_is_its_members_however_said(text, lang):
    c = _one(text, lang=lang)
    assert (c.value, c.measure, c.unit) == (12, "members: teams", "people")


def test_a_share_produced_or_generated_is_one_measure():
    a = _one("The dam produced 20 to 21 per cent of the country's electricity before the war.", lang="en")
    b = _one("The dam generated approximately one-fifth of the country's electricity.", lang="en")
    c = _one("Станция вырабатывала 25% электроэнергии страны.", lang="ru")
    assert a.measure == b.measure == c.measure == "produced"


@pytest.mark.parametrize(
    "born, raised, lang",
    [
        ("Обвинения против матери двоих детей выдвинули в 2009 году.",
         "Женщина, которая воспитывала с мужем пятерых детей, была арестована.", "ru"),
        ("Вона вийшла заміж за вдівця і народила йому ще двох.",
         "Жінка, яка виховувала з чоловіком п'ятьох дітей, була заарештована.", "uk"),
        ("The mother of two children was arrested in 2009.", "The woman, who raised five children, was arrested.", "en"),
    ],
)
def test_children_born_are_not_children_raised(born, raised, lang):
    b = next(c for c in _claims(born, lang=lang) if c.kind == "count")
    r = _one(raised, lang=lang)
    assert (b.value, b.measure, b.unit) == (2, "born", "children")
    assert r.measure != "born" and r.value == 5


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("Марія Коваль вийшла на волю. Суд звільнив її з в'язниці, в якій вона була близько 10 років.", "uk", 10),
        ("Иван Петров вышел на свободу. Его отпустили из колонии, в которой он провел семь лет.", "ru", 7),
        ("John Smith walked free. He was freed from the prison in which he had spent 12 years.", "en", 12),
    ],
)
def test_time_in_a_prison_a_relative_clause_refers_to_is_the_persons(text, lang, value):
    c = _one(text, lang=lang)
    assert (c.kind, c.value) == ("duration", value) and c.subject and c.subject.split()[0] in text.split(".")[0]


# --- acceptance: the seeds ------------------------------------------------------------------------------


def _seed_docs(seeds: Path) -> dict[str, Document]:
    docs = {}
    for raw in read_paths(sorted(seeds.glob("*.txt")), ReadSettings()):
        docs[Path(raw.origin).name[:3]] = clean_document(raw, CleanSettings())
    return docs


@pytest.fixture
def seed_claims(seeds_dir):
    """Seeds read and cleaned as ingest does; ``seeds_dir`` (conftest.shared_path) fails under CI=true when
    ../shared/data is missing, and skips otherwise."""
    return {key: (doc, extract_claims(doc)) for key, doc in _seed_docs(seeds_dir).items()}


@pytest.fixture
def gold(seeds_gold):
    return json.loads((seeds_gold / "claims.json").read_text(encoding="utf-8"))["claims"]


def _matches(doc: Document, claim, gold: dict) -> bool:
    sentence = doc.text[claim.sentence_start:claim.sentence_end]
    if gold["in"] not in sentence or claim.measure != gold["measure"] or claim.unit != gold["unit"]:
        return False
    if "value" in gold and claim.value != pytest.approx(gold["value"]):
        return False
    for bound in ("lo", "hi"):
        if bound in gold:
            expected = gold[bound]
            got = getattr(claim, bound)
            if (expected is None) != (got is None) or (expected is not None and got != pytest.approx(expected)):
                return False
    if "value" not in gold and claim.value is not None:
        return False
    if "by" in gold:
        if gold["by"] is None:
            if claim.by is not None:  # gold null: the document's own voice
                return False
        elif not claim.by or gold["by"].lower() not in claim.by.lower():
            return False
    if "via" in gold and (not claim.via or gold["via"].lower() not in claim.via.lower()):
        return False
    if "where" in gold and (not claim.where or gold["where"].lower() not in claim.where.lower()):
        return False
    if "as_of" in gold and claim.as_of != gold["as_of"]:
        return False
    return True


def test_every_gold_claim_is_found(seed_claims, gold):
    missing = []
    for g in gold:
        doc, claims = seed_claims[g["doc"]]
        if not any(_matches(doc, c, g) for c in claims):
            near = [(c.text, c.measure, c.unit, c.value, c.lo, c.hi, c.by, c.via, c.where, c.as_of) for c in claims
                    if g["in"] in doc.text[c.sentence_start:c.sentence_end]]
            missing.append((g["doc"], g["in"], near))
    assert not missing, f"{len(gold) - len(missing)}/{len(gold)} found; missing: {missing}"


# Claims on the seeds judged false by hand, as (doc, claim text). Keep this list honest: re-judge when the
# output changes. Claims neither in the gold nor in SEED_JUDGED_TRUE count as false (so new output must be
# judged before it can raise precision).
SEED_JUDGED_FALSE: set[tuple[str, str]] = {
    ("003", "2"),  # "we border 2 major powers": a turn of phrase, not a figure anyone reports
    ("003", "2023"),  # "in 2023 they are leaving substitute of NATO": a garbled comment, no event to date
}
# Real quantity claims on the seeds that the gold (a minimum) does not list.
SEED_JUDGED_TRUE: set[tuple[str, str]] = {
    ("000", "10,000"),  # the number of rural youths Abiyev meant to involve (people)
    ("000", "Dozens"),  # dozens of buses brought to the rally (vehicles, at least 12)
    ("000", "seven"),  # the election legitimized Tokayev for the next seven years (a duration)
    ("000", "hundreds"),  # hundreds of anonymous accounts demanded a boycott (at least 100)
    ("001", "3"),  # 3% of global oil reserves (a share)
    ("001", "30"),  # the country's 30 years of independence (a duration)
    ("001", "three"),  # Nazarbayev led Kazakhstan for three decades (a duration, his)
    ("001", "thousands"),  # protests drew thousands of people (participants, at least 1,000)
    ("001", "2016"),  # land sold to China in 2016 (the date of an event)
    ("002", "913"),  # warned (penalized)
    ("002", "359"),  # fined (penalized)
    ("002", "200"),  # the $200 the musician said he was paid (money)
    ("003", "almost 30"),  # the first president ruled almost 30 years (a duration)
    ("003", "30"),  # 30 years of a repressive regime (a duration)
    ("004", "thousands"),  # thousands of police on the streets (security forces, at least 1,000)
}


def test_precision_on_the_seeds(seed_claims, gold):
    emitted, false = [], []
    for key, (doc, claims) in sorted(seed_claims.items()):
        for c in claims:
            emitted.append((key, c.text))
            is_gold = any(g["doc"] == key and _matches(doc, c, g) for g in gold)
            if (key, c.text) in SEED_JUDGED_FALSE or not (is_gold or (key, c.text) in SEED_JUDGED_TRUE):
                false.append((key, c.text, c.measure, c.unit))
    precision = 1 - len(false) / max(1, len(emitted))
    assert precision >= 0.9, f"precision {precision:.2f} on {len(emitted)} claims; false: {false}"


# --- the demo corpus -------------------------------------------------------------------------------------


@pytest.fixture
def demo_claims(examples_dir):
    out = {}
    for raw in read_paths([examples_dir], ReadSettings()):
        doc = clean_document(raw, CleanSettings())
        out[Path(raw.origin).name] = (doc, extract_claims(doc))
    return out


def _find(claims, text, **fields):
    for c in claims:
        if c.text == text and all(
            (getattr(c, k) == pytest.approx(v) if isinstance(v, float | int) and not isinstance(v, bool)
             else getattr(c, k) == v) for k, v in fields.items()
        ):
            return c
    raise AssertionError(f"no claim {text!r} with {fields}: {[(c.text, c.measure, c.value, c.by) for c in claims]}")


def test_demo_russian_cp1251(demo_claims):
    _, claims = demo_claims["06_ru_news_cp1251.txt"]
    c = _find(claims, "7 939", measure="detained", unit="people", value=7939, as_of="2022-01-10")
    assert "Министерство внутренних дел" in c.by
    c = _find(claims, "около 5 тыс.", measure="detained", value=5000)
    assert c.by == "официальные лица"
    c = _find(claims, "164", measure="killed", value=164, status="retracted")
    assert "Sputnik" in c.via
    _find(claims, "103", measure="killed", value=103, where="Алматы", status="retracted")
    _find(claims, "более чем 160", measure="killed", lo=160)
    _find(claims, "16", measure="killed", unit="security forces", value=16)
    _find(claims, "60", measure="price", unit="KZT/l", value=60)
    _find(claims, "120", measure="price", unit="KZT/l", value=120)
    c = _find(claims, "ок. 2,5 тыс.", measure="troops", unit="troops", value=2500)
    assert c.by == "Минобороны России"


def test_demo_russian_telegram(demo_claims):
    _, claims = demo_claims["07_telegram_ru_stepnoy_dozor.txt"]
    c = _find(claims, "около 20 тыс.", measure="attackers", value=20000)
    assert "Тоқаев" in c.by
    _find(claims, "16", measure="killed", unit="security forces")


def test_demo_english(demo_claims):
    _, claims = demo_claims["03_news_kyiv_ledger.txt"]
    c = _find(claims, "164", measure="killed", status="retracted")
    assert "Information ministry" in c.by and "Sputnik" in c.via
    _find(claims, "7,939", measure="detained", as_of="2022-01-10", by="Ministry of Internal Affairs")
    _, claims = demo_claims["05_uk_newspaper_article.txt"]
    c = _find(claims, "at least 18", measure="killed", unit="security forces", lo=18, by="officials", via="state media")
    assert c.as_of == "2022-01-06"
    _, claims = demo_claims["10_blog_astana_election_nov2022.txt"]
    _find(claims, "a little over 81", measure="vote_share", lo=81, by="Central Election Commission")
    _find(claims, "just under 70", measure="turnout", hi=70)


def test_a_100000_letter_run_stays_linear():
    """Claim extraction stays linear in the text length (no pattern backtracks over a long run)."""
    import time

    def seconds(n: int) -> float:
        text = "a" * n + " 12 people were killed."
        started = time.thread_time()
        _claims(text, lang="en")
        return time.thread_time() - started

    seconds(1000)  # models loaded outside the timing
    small, large = seconds(10_000), seconds(100_000)
    assert large < max(20 * small, 2.0), (small, large)


def test_one_long_sentence_with_many_figures_stays_linear():
    """A scraped table with no full stops: work must stay linear in the number of figures.

    CPU time of this thread, garbage collection paused, best of three: 4x the figures may take
    at most 10x the time (linear is about 4x, quadratic 16x), so a busy machine does not fail it (round 22's code
    measured 7.4x alone and 10.3x in CI: the figure's place and relative clause read the whole sentence before it, and
    its token was found by a scan; since round 23 they read a bounded reach and a binary search, 3.8x alone).
    """
    import gc
    import time

    def cpu_seconds(repeats: int) -> float:
        best = float("inf")
        for variant in range(3):
            text = f"{12 + variant} people were killed, according to police, " * repeats
            gc.disable()
            try:
                started = time.thread_time()
                claims = _claims(text)
                best = min(best, time.thread_time() - started)
            finally:
                gc.enable()
            assert len(claims) == repeats
        return best

    small, big = cpu_seconds(250), cpu_seconds(1000)
    assert big < 0.05 or big / max(small, 1e-3) < 10, (small, big)


def test_a_share_of_a_restricted_whole_is_a_part():
    part = _one("Before the war, the dam accounted for about half of the electricity generated by hydropower.",
                lang="en")
    whole = _one("The dam produced 20 per cent of the country's electricity before the war.", lang="en")
    assert whole.measure == "produced" and part.measure != whole.measure


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Аналитики, используя данные минздрава, насчитали 1194 умерших.", "ru"),
        ("Аналітики нарахували 1194 померлих.", "uk"),
    ],
)
def test_a_year_like_number_before_a_plural_genitive_is_a_count(text, lang):
    c = _one(text, lang=lang)
    assert (c.kind, c.value, c.measure) == ("count", 1194, "killed")


def test_an_aside_between_a_source_and_its_verb_is_skipped():
    c = _one("A Reuters analysis, using data from the health ministry, estimated 1,194 excess deaths in May.",
             lang="en")
    assert c.by == "Reuters"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("In the northern region, more than 100 munitions were fired over the past 24 hours, the governor said.", "en"),
        ("The strongest storm to hit the coast in nearly 90 years destroyed 300 homes.", "en"),
        ("За останні 24 години загинули 12 людей.", "uk"),
    ],
)
def test_a_time_window_is_not_a_duration_claim(text, lang):
    claims = _claims(text, lang=lang)
    assert claims and not any(c.kind == "duration" for c in claims)


def test_days_in_a_list_and_a_captions_date_are_not_claims():
    assert _claims("The blasts, which occurred on August 4, 9, and 12, disrupted the dam, the agency said.",
                   lang="en") == []
    claims = _claims("Rescuers pulled 40 people from the rubble in the port, on June 13, 2022.", lang="en")
    assert [(c.kind, c.value) for c in claims] == [("count", 40)]


@pytest.mark.parametrize(
    "text, by",
    [
        ("The State Emergency Service has said more than 2,000 civilians have died.", "State Emergency Service"),
        ("The government this week claimed to have regained more than 20 villages.", "government"),
        ("Mayor Ana Silva pointed out that just 16 deaths were reported.", "Ana Silva"),
    ],
)
def test_sources_of_perfect_and_phrasal_reporting_verbs(text, by):
    assert by in (_one(text, lang="en").by or "")


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("The inspector leads a team of over a dozen experts sent to check the dam.", "en", "members: teams"),
        ("Делегация из 12 экспертов прибыла на станцию.", "ru", "members: teams"),
        ("A group of 50 protesters were detained in the square.", "en", "detained"),
    ],
)
def test_a_group_of_n_counts_its_members_unless_something_happened_to_them(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


def test_the_figure_and_the_number_of_refer_to_what_was_counted():
    claims = _claims("A study estimated the number of deaths at 4,645 instead of the official figure of 64.",
                     lang="en")
    assert [(c.value, c.measure) for c in claims] == [(4645, "killed"), (64, "killed")]


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("The disaster-relief fund stands at $4.6 billion.", "en", "money: fund"),
        ("Бюджет фонда составляет 5 млрд рублей.", "ru", "money: бюджет"),
    ],
)
def test_money_after_a_light_verb_is_its_subjects(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


@pytest.mark.parametrize(
    "text, lang, where",
    [
        ("Tens of thousands marched in Lyon, Lille and Nantes on Sunday.", "en", "Lyon, Lille and Nantes"),
        ("Thousands marched in Lyon on Sunday.", "en", "Lyon"),
        ("Shelling killed 3 people in Tartu, Estonia, on Sunday.", "en", "Tartu"),
        ("Десятки тысяч человек вышли на улицы в Казани, Самаре и Перми.", "ru", "Казани, Самаре и Перми"),
        ("Тисячі людей вийшли на вулиці у Львові та Тернополі.", "uk", "Львові та Тернополі"),
        ("Тисячі людей вийшли на вулиці у Львові.", "uk", "Львові"),
        # a name followed by a number is a label
        ("The cyclone peaked at a Category 4 with top winds of 140 mph over warm water.", "en", None),
    ],
)
def test_a_figure_about_several_places_is_scoped_by_all_of_them(text, lang, where):
    assert _one(text, lang=lang).where == where


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        # the noun a figure's phrase is about, not the nearest verb or modifier
        ("The siege, raging for six months, has emptied the town.", "en", "duration: siege"),
        ("As the strike hit the six-month mark, the union met.", "en", "duration: strike"),
        ("The war passed the 100-day mark on Friday.", "en", "duration: war"),
        ("In the sixth month of the blockade, food ran out.", "en", "duration: blockade"),
        ("Протесты продолжаются уже 12 дней.", "ru", "duration: протест"),
        ("Протести тривають уже 12 днів.", "uk", "duration: протест"),
        # a person's time is the person's (``subject``), not a duration named after them
        ("Maria Lopez remained in prison for eight years.", "en", "duration: prison"),
        ("The firm got a $15 million up-front payment.", "en", "money: payment"),
        ("The bill includes $500 million for flood protection.", "en", "money: protection"),
        ("Закон предусматривает 5 млрд рублей на восстановление мостов.", "ru", "money: восстановление"),
        ("The share of countries rated free fell to 45 percent.", "en", "share: country"),
        # lives at risk are not lives lost
        ("The blockade has put 2 million lives at risk, the envoy said.", "en", "at risk"),
        ("Flooding on the river left 500 people in peril.", "en", "at risk"),
        ("Блокада поставила 2 млн жизней под угрозой.", "ru", "at risk"),
        ("Блокада поставила 2 млн життів під загрозою.", "uk", "at risk"),
    ],
)
def test_a_measure_is_named_after_what_the_phrase_is_about(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


@pytest.mark.parametrize(
    "text, lang, unit",
    [
        ("The firm charges the city nearly $4,000 per hour for a small helicopter.", "en", "USD/hour"),
        ("Fewer people now live on less than $1.90 a day.", "en", "USD/day"),
        ("Рабочие получают 500 рублей в день.", "ru", "RUB/day"),
        ("The fund raised $3 million a week ago.", "en", "USD"),  # a time ago, no rate
    ],
)
def test_a_sum_per_unit_of_time_is_a_rate(text, lang, unit):
    assert _one(text, lang=lang).unit == unit


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("Six out of 10 residents lost power after the storm.", "en", 60.0),
        ("Seven in 10 voters backed the strike.", "en", 70.0),
        ("Восемь из десяти жителей остались без света.", "ru", 80.0),
        ("Шість із десяти мешканців залишилися без світла.", "uk", 60.0),
    ],
)
def test_n_out_of_a_round_base_is_one_share(text, lang, value):
    c = _one(text, lang=lang)
    assert (c.kind, c.value, c.unit) == ("percent", value, "%")


def test_n_out_of_a_whole_that_is_no_round_base_stays_a_count():
    claims = _claims("One out of six reactors is operational.", lang="en")
    assert [(c.kind, c.value) for c in claims] == [("count", 1.0), ("count", 6.0)]


@pytest.mark.parametrize(
    "text, lang, measure, party",
    [
        ("The port authority signed a $200 million contract with Harbor Dredging Ltd to deepen the channel.", "en",
         "money: contract", "Harbor Dredging Ltd"),
        ("Officials cancelled the $450 million deal with Northwind Aviation on Monday.", "en", "money: deal",
         "Northwind Aviation"),
        ("Министерство заключило контракт на 300 млн долларов с компанией «Сибстрой».", "ru", "money: контракт",
         "Сибстрой"),
        ("Міністерство уклало контракт на 300 млн доларів з компанією «Будінвест».", "uk", "money: контракт",
         "Будінвест"),
        ("A small firm inked a $300 million contract to rebuild the bridge.", "en", "money: contract", None),
    ],
)
def test_a_sum_names_the_party_of_its_deal(text, lang, measure, party):
    c = _one(text, lang=lang)
    assert (c.kind, c.measure, c.subject) == ("money", measure, party)


@pytest.mark.parametrize(
    "text",
    [
        "FILE - In this photo released by the ministry press service on July 22, 2022, soldiers fire a mortar.",
        "I asked for an audit of the contract — Jane Doe (@janedoe) October 25, 2017",
        "На фото, опубликованном 22 июля 2022 года, солдаты стреляют из миномета.",
    ],
)
def test_a_photos_or_posts_time_stamp_is_not_a_date_claim(text):
    lang = "ru" if "фото" in text else "en"
    assert [c for c in _claims(text, lang=lang) if c.kind == "date"] == []


def test_a_he_said_with_no_source_before_takes_the_person_named_last():
    c = _one("Energy chief Petro Ivanenko spoke to reporters on Monday. The dam produced 20 per cent of the "
             "country's electricity before the war, he said.", lang="en")
    assert c.by == "Petro Ivanenko"


def test_a_voltage_is_a_measurement_not_a_count():
    claims = _claims("The plant feeds the grid through four 750 kV lines.", lang="en")
    assert [(c.kind, c.value, c.unit) for c in claims if c.value == 750] == [("measurement", 750, "kV")]


@pytest.mark.parametrize(
    "text, lang, by",
    [
        # an aside earlier in the sentence ends a clause: its comma still bounds the source
        ("The blasts wounded nine workers at the depot, including two in the yard, Governor Ivan Petrenko wrote "
         "Saturday on Telegram.", "en", "Governor Ivan Petrenko"),
        # "where it was said" between a source and its verb
        ("The rail union, in a post on its website Sunday, accused the company of cancelling 300 trains.", "en",
         "rail union"),
        ("Профсоюз обвинил авиакомпанию в отмене 40 рейсов.", "ru", "Профсоюз"),
        ("Прокуратура звинуватила компанію у звільненні 200 працівників.", "uk", "Прокуратура"),
        # an initial's full stop does not end the source
        ("Only 18 percent of the lines had been repaired, according to U.N. engineers.", "en", "U.N. engineers"),
    ],
)
def test_sources_across_asides_accusations_and_initials(text, lang, by):
    assert [c.by for c in _claims(text, lang=lang)] == [by]


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        # what may happen is feared, marked a forecast (round 16), never grouped with what was done
        ("The union warned that 200 flights might be cancelled.", "en", "forecast: flights cancelled"),
        ("Up to 200 people may have died in the fire.", "en", "killed"),
        ("В результате может быть разрушено 30 домов.", "ru", "forecast: buildings destroyed"),
        ("Унаслідок цього можуть загинути 100 людей.", "uk", "forecast: killed"),
    ],
)
def test_what_may_happen_is_a_forecast_but_what_may_have_happened_is_an_event(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


@pytest.mark.parametrize(
    "text, measure",
    [
        # the share is the object of "have": not "a share with percent"
        ("Her aim is to have 40 percent of the night buses running by May, the mayor said.", "share: with percent"),
        # a contraction's lemma is no counted thing
        ("It’s roughly 20 to 25 percent cheaper, the traders said.", "share: ’"),
    ],
)
def test_a_share_is_not_named_after_itself_or_punctuation(text, measure):
    c = _one(text, lang="en")
    assert c.kind == "percent" and c.measure != measure and c.measure.startswith("share")


def test_a_place_the_recogniser_also_took_for_a_person_is_nobodys_age():
    from storylens.doc import EntityMention

    text = ("Rockets hit Velmora overnight. Velmora has no shelters. Velmora officials said two people were hurt: "
            "a 40-year-old man and his son.")
    doc = _doc(text, lang="en")
    ents = []
    for n, m in enumerate(re.finditer("Velmora", text)):
        ents.append(EntityMention(m.start(), m.end(), "Velmora", "LOC" if n == 0 else "PER"))
    ages = [c for c in extract_claims(doc, entities=ents) if c.kind == "age"]
    assert [(c.value, c.subject) for c in ages] == [(40, None)]


def test_an_age_has_no_place():
    c = _one("In Lisbon, a court ordered Marta Reis, 29, held without bail.", lang="en")
    assert (c.kind, c.value, c.where) == ("age", 29, None)


def test_a_source_word_before_said_is_a_subject_not_an_adjective():
    c = _one("A senior rail official said more than 70% of the night trains are now cancelled.", lang="en")
    assert (c.kind, c.by) == ("percent", "senior rail official")
    assert _one("The official estimated toll rose to 40 deaths.", lang="en").by is None


@pytest.mark.parametrize(
    "text, lang, by",
    [
        ("The health ministry last reported its figures in May, when it said 1,200 patients had died.", "en",
         "health ministry"),
        ("Профсоюз сообщил о забастовке в мае, когда он заявил, что уволены 300 рабочих.", "ru", "Профсоюз"),
    ],
)
def test_a_source_with_an_adverb_of_time_before_its_verb(text, lang, by):
    assert [c.by for c in _claims(text, lang=lang)] == [by]


@pytest.mark.parametrize(
    "text, lang, by",
    [
        # a participle shares the subject of the clause's first verb
        ("The governor praised the firefighters for their work in the north, saying in a radio interview that "
         "crews have saved more than 30 villages in the province.", "en", "governor"),
        ("Губернатор похвалил спасателей, сообщив, что из зоны затопления эвакуированы 300 человек.", "ru",
         "Губернатор"),
        ("Мер подякував рятувальникам, зазначивши, що з району евакуйовано 300 людей.", "uk", "Мер"),
        # so does a reporting verb after a coordinator
        ("Rail officials gave no further details but said that storms on Friday had cancelled 20 trains.", "en",
         "Rail officials"),
        ("Профсоюз не подтвердил потери, но заявил, что отменены 40 рейсов.", "ru", "Профсоюз"),
        ("Профспілка не підтвердила втрат, але заявила, що скасовано 40 рейсів.", "uk", "Профспілка"),
        # a long appositive; "told X": X heard it, the speaker said it
        ("The leaflets went to those who live up to 20 kilometres from the depot, Ivan Moroz, a spokesperson for "
         "the Northern Regional Fire and Rescue Administration, told Channel 5 News.", "en", "Ivan Moroz"),
        # a name the recogniser may miss, described as a source by its appositive
        ("Railco, the national train operator, wrote on Friday that storms had damaged 12 bridges.", "en",
         "Railco"),
        # a time word after a source is not part of it
        ("A small firm won a $30 million contract to rebuild the port, according to a newspaper report Friday.",
         "en", "newspaper"),
    ],
)
def test_sources_through_participles_coordinated_verbs_and_appositives(text, lang, by):
    assert [c.by for c in _claims(text, lang=lang)] == [by]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Nine of the wounded were taken to the regional hospital by bus.", "en"),
        ("Five of the injured were taken to hospital.", "en"),
        ("Пятеро из раненых были доставлены в больницу.", "ru"),
        ("П'ятеро з поранених були доставлені до лікарні.", "uk"),
    ],
)
def test_part_of_the_wounded_counts_the_wounded(text, lang):
    c = _one(text, lang=lang)
    assert (c.kind, c.measure, c.unit) == ("count", "injured", "people")


@pytest.mark.parametrize(
    "text, value, where",
    [
        # a place a country owns is the narrower scope
        ("At least 10 miners were hurt in a gas blast in Norland's northern Kessel region, the company said.", 10,
         "Kessel region"),
        ("Three people died in France's capital.", 3, "France"),
        # a region after "across": where it happened
        ("Storm winds tore through farms across the Velmora region overnight, killing at least one person.", 1,
         "Velmora region"),
    ],
)
def test_the_narrower_place_of_a_possessive_and_a_region_after_across(text, value, where):
    c = _one(text, lang="en")
    assert (c.value if c.value is not None else c.lo, c.where) == (value, where)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Strikers blocked the port on the first day of the walkout.", "en"),
        ("Войска вошли в город в первый день наступления.", "ru"),
        ("Війська увійшли до міста у перший день наступу.", "uk"),
    ],
)
def test_an_ordinal_day_after_a_preposition_is_when_not_how_long(text, lang):
    assert _claims(text, lang=lang) == []
    running = {"en": "The strike entered its third week.", "ru": "Второй день продолжаются протесты.",
               "uk": "Третій тиждень тривають протести."}[lang]
    assert _one(running, lang=lang).kind == "duration"


@pytest.mark.parametrize(
    "text, lang, by",
    [
        ("The fund has set a target of $800,000 and the bank's spokesman said it will add up to $200,000.", "en",
         "bank's spokesman"),
        ("Фонд собрал 3 миллиона рублей, а пресс-секретарь мэрии заявил, что город добавит еще 2 миллиона рублей.",
         "ru", "пресс-секретарь мэрии"),
        ("Фонд зібрав 3 мільйони гривень, а речник мерії заявив, що місто додасть ще 2 мільйони гривень.", "uk",
         "речник мерії"),
    ],
)
def test_a_source_after_a_coordinator_speaks_only_for_its_own_clause(text, lang, by):
    assert [c.by for c in _claims(text, lang=lang)] == [None, by]


def test_a_duration_belongs_to_the_verb_of_its_own_clause():
    c = _one("Суд с решением не торопился, три года активистка Ива Петрова находилась под арестом.", lang="ru")
    assert (c.kind, c.value, c.unit, c.measure) == ("duration", 3, "year", "duration: арест")


def test_a_negated_reporting_verb_reports_nothing():
    text = ("He did not say how many blankets were sent, but in a separate post, Mayor Ivan Petrenko said that 4,000 "
            "blankets were delivered.")
    assert [c.by for c in _claims(text, lang="en")] == ["Mayor Ivan Petrenko"]


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("Летом 2009 года журналистка поссорилась с соседями.", "ru", "date: журналистка поссориться"),
        ("In late summer 2009 the reporter quarrelled with her neighbours.", "en", "date: reporter quarrel"),
    ],
)
def test_a_part_of_a_year_is_no_event_of_its_own(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("Fourteen of the region's 40 clinics are not operational, the minister said.", "en",
         "not hospitals operating"),
        ("1,200 people did not die in the floods.", "en", "not killed"),
        ("В результате не пострадали 40 человек.", "ru", "not injured"),
        ("Не працюють 12 лікарень.", "uk", "not hospitals operating"),
    ],
)
def test_what_did_not_happen_is_its_own_measure(text, lang, measure):
    assert _claims(text, lang=lang)[0].measure == measure


def test_a_place_a_preposition_attaches_is_not_what_happened():
    assert [(c.value, c.measure) for c in _claims("Flights were cancelled at 12 airports.", lang="en")] == [
        (12, "airport")]


@pytest.mark.parametrize(
    "text, by",
    [
        # an appositive without an article, after a name or naming the person after a title
        ("Ivan Moroz, deputy minister of transport, said Monday that the storms have damaged up to 800 bridges.",
         "Ivan Moroz"),
        ("Ivan Moroz, EU envoy for transport, said Monday that the storms have damaged up to 800 bridges.",
         "Ivan Moroz"),
        ("But the railway's chief, General Petro Ivanenko, said Monday that nearly 700 rail workers have been "
         "injured.", "General Petro Ivanenko"),
        # an inverted source with its appositive after a quotation
        ("It needs about $3 billion a year,\" said Marlowe, co-chair of the engineering group Unified Bridge Works.",
         "Marlowe"),
    ],
)
def test_sources_with_appositives_without_an_article(text, by):
    assert [c.by for c in _claims(text, lang="en")] == [by]


@pytest.mark.parametrize(
    "text, by",
    [
        ("The ministry released new figures on Monday. It said 40 schools were damaged.", "ministry"),
        ("The ministry released new figures on Monday. It also said 40 schools were damaged.", "ministry"),
        # no reporting verb after the pronoun: the sentence before's subject only acted
        ("The ministry released new figures on Monday. It was a grim day: 40 schools were damaged.", None),
    ],
)
def test_it_said_takes_the_institution_the_sentence_before_was_about(text, by):
    assert [c.by for c in _claims(text, lang="en")] == [by]


@pytest.mark.parametrize(
    "text, lang, by",
    [
        # a verb that reports only with its "that" clause, an answer, a demand
        ("Two years ago, a magazine held that the flood \u201ckilled at least 412.\u201d", "en", "magazine"),
        ("The minister responded that 35 people had been evacuated from the valley.", "en", "minister"),
        ("The union demanded a 12 percent raise for the drivers.", "en", "union"),
        ("Мэр ответил, что из поселка эвакуировали 300 жителей.", "ru", "Мэр"),
        ("Мер відповів, що 40 людей евакуювали з села.", "uk", "Мер"),
        # "held" without "that" reports nothing
        ("The court held a hearing on 12 appeals.", "en", None),
    ],
)
def test_sources_of_answers_demands_and_holdings(text, lang, by):
    assert [c.by for c in _claims(text, lang=lang)] == [by]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The rebels were accused of blocking the pass four times in 48 hours.", "en"),
        ("In the model, the smoke drifts across 9 provinces over a 48-hour period.", "en"),
        ("Боевики обстреляли станцию 12 раз за 24 часа.", "ru"),
        ("Бойовики обстріляли станцію 12 разів за 24 години.", "uk"),
    ],
)
def test_the_window_another_figure_is_counted_in_is_no_duration(text, lang):
    assert [c.kind for c in _claims(text, lang=lang)] == ["count"]
    assert _one("The strike lasted 24 hours.", lang="en").kind == "duration"


@pytest.mark.parametrize(
    "text, lang, measure, value",
    [
        ("Diesel is needed not just to run the two reactors still in operation.", "en", "reactors operating", 2),
        ("No one was hurt, the governor said.", "en", "injured", 0),
        ("По закону не казнили ни одного человека.", "ru", "killed", 0),
    ],
)
def test_a_limited_verb_or_a_zero_is_no_negated_measure(text, lang, measure, value):
    c = _one(text, lang=lang)
    assert (c.measure, c.value) == (measure, value)


# --- round 6 ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        # a relative clause between a count and its verb says what else the people did, not what happened to them
        ("Two men who had guarded the depot were killed in the blast.", "en", "killed"),
        ("Два человека, которые охраняли склад, были убиты при взрыве.", "ru", "killed"),
        ("Двоє людей, які охороняли склад, загинули.", "uk", "killed"),
        # with nothing said by the main verb, the relative clause is what happened
        ("Two people who died in the crash were named on Monday.", "en", "killed"),
        ("Пять человек, которые погибли при взрыве, опознаны.", "ru", "killed"),
        # the number inside the relative clause keeps its own verb
        ("На складі, де працювали 40 людей, сталася пожежа.", "uk", "employed"),
    ],
)
def test_a_relative_clause_is_second_to_the_verb_of_the_counts_own_clause(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


@pytest.mark.parametrize(
    "text, lang, measures",
    [
        ("Three soldiers were killed and the remaining two were wounded.", "en", ["killed", "injured"]),
        ("Трое солдат погибли, остальные двое ранены.", "ru", ["killed", "injured"]),
    ],
)
def test_the_remaining_ones_are_counted_by_their_verb_not_by_remaining(text, lang, measures):
    assert [c.measure for c in _claims(text, lang=lang)] == measures
    assert _claims("Of the crew, the remaining two, pilots from Oslo, await a hearing.", lang="en") == []


@pytest.mark.parametrize(
    "text, lang, measure, where",
    [
        ("Забастовки водителей в Варне, Корчеве, Ларине и в других городах идут уже вторые сутки.", "ru",
         "duration: забастовка", "Варне, Корчеве, Ларине"),
        ("Протести у Варні, Корчеві та інших містах тривають третю добу.", "uk", "duration: протест",
         "Варні, Корчеві"),
        ("Strikes in Varna, Korcheva and other cities cancelled 300 flights.", "en", "flights cancelled",
         "Varna, Korcheva"),
    ],
)
def test_a_list_of_places_closed_by_other_places_is_the_scope_and_the_subject_is_nominative(text, lang, measure, where):
    c = _one(text, lang=lang)
    assert (c.measure, c.where) == (measure, where)


@pytest.mark.parametrize(
    "text, lang, by",
    [
        # a possessive inside an according phrase refers to the source named before
        ("Суд оправдал пилота, сообщает телеканал. По его информации, освобождены 12 человек.", "ru", "телеканал"),
        ("Представитель полиции Иван Сомов выступил на брифинге. По его словам, задержаны 40 человек.", "ru",
         "Иван Сомов"),
        ("Суд виправдав пілота, повідомляє телеканал. За його інформацією, звільнено 12 людей.", "uk", "телеканал"),
        ("В результате обстрела погибли 5 человек, сообщает агентство.", "ru", "агентство"),
        # "US" is a country, not the pronoun "us"
        ("The Rivan embassy in the US said: \"The aim is a zone of up to 30km.\"", "en", "Rivan embassy in the US"),
        # ", he said" after the second half of a quotation whose first half names nobody
        ("Ostrava said the gunmen wanted the depot. \"Their plan is to cut the lines. After that it is over,\" he "
         "said. The depot produced 20 percent of the region's fuel, he said.", "en", "Ostrava"),
    ],
)
def test_a_source_referred_back_to_across_sentences(text, lang, by):
    assert [c.by for c in _claims(text, lang=lang)] == [by]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Crews worked 24/7 to restore the lines.", "en"),
        ("About 3/4 of the flights were cancelled.", "en"),  # a written fraction is not read: no count of 3
        ("Comments: 12", "en"),
        ("12 comments", "en"),
        ("Комментариев: 0", "ru"),
        ("Переглядів: 1 240", "uk"),
        ("9 Ways the Strike Changed Air Travel", "en"),
        ("5 фактов о взрыве на складе", "ru"),
        ("From 1995 through 2004, the union called six strikes.", "en"),
        ("С 1995 по 2004 год профсоюз провел шесть забастовок.", "ru"),
    ],
)
def test_slashed_pairs_counters_listicles_and_the_ends_of_a_period_are_not_claims(text, lang):
    # (the six strikes of a period are a count; its years date nothing)
    assert [c.text for c in _claims(text, lang=lang) if c.text not in ("six", "шесть")] == []


def test_a_headline_count_of_the_world_stays_a_claim():
    assert _one("300 Flights Cancelled as Pilots Strike", lang="en").measure == "flights cancelled"
    assert _one("The law was adopted in 1995.", lang="en").kind == "date"


def test_a_window_with_the_figure_after_it_is_no_duration():
    claims = _claims("A survey estimated the deaths over a three-week period at 1,240.", lang="en")
    assert [(c.kind, c.value) for c in claims] == [("count", 1240)]
    assert _one("The strike went on over six months.", lang="en").kind == "duration"  # "over" = more than


def test_a_new_person_brought_in_by_an_indefinite_article_is_not_the_protagonist():
    text = "Pilot Ivan Korr was detained on Monday. Korr was questioned for hours. {} was also injured, he said."
    assert _one(text.format("A 24-year-old woman"), lang="en").subject is None
    assert _one(text.format("The 54-year-old"), lang="en").subject == "Ivan Korr"


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("The government sent a team of five negotiators to meet the union.", "en", "members: teams"),
        ("Правительство отправило переговорную группу из пяти членов на встречу с лидером профсоюза.", "ru",
         "members: teams"),
        ("Уряд відправив переговорну групу з п'яти членів на зустріч з лідером профспілки.", "uk", "members: teams"),
        ("The army sent 3,000 troops to the border.", "en", "troops"),
        ("The ministry said rebels sent a group of up to 60 scouts to seize the depot.", "en", "troops"),
        ("A group of 50 protesters were detained.", "en", "detained"),
    ],
)
def test_a_group_sent_as_a_whole_counts_its_members(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


def test_a_place_of_n_people_is_its_population_and_a_full_date_can_modify_a_noun():
    c = _one("Rebels held the port, a city of 90,000 people, for a week.", lang="en")
    assert c.measure == "population"
    claims = _claims("The March 3, 1994, explosion at the Varnodar depot shut the valley's road.",
                     lang="en")
    assert [(c.kind, c.measure) for c in claims] == [("date", "date: explosion")]


def test_a_glued_m_before_a_plural_noun_is_millions_and_billions_of_dollars_is_a_sum():
    claims = _claims("Relief crews handed out more than 2.1m rations and 3.5m litres of fuel.", lang="en")
    assert [(c.kind, c.lo or c.value) for c in claims] == [("count", 2.1e6), ("measurement", 3.5e6)]
    assert (_one("A 30m wall collapsed.", lang="en").unit, _one("A 30m wall collapsed.", lang="en").value) == ("m", 30)
    c = _one("Lenders offered the airline billions of dollars in credit.", lang="en")
    assert (c.kind, c.unit, c.lo) == ("money", "USD", 1e9)
    assert _claims("Slideshow (8 Images)", lang="en") == []


def test_a_running_time_in_a_relative_clause_is_the_time_of_the_noun_it_qualifies():
    c = _one("Talks stalled over the blockade, which reached its 40th day at dawn.", lang="en")
    assert (c.kind, c.measure) == ("duration", "duration: blockade")


def test_a_pronoun_source_reads_past_a_quotation_opened_in_the_sentence_before():
    text = ("Ostrava said the gunmen wanted to cut the depot from the grid. \"Their plan is to damage all the lines. "
            "After that it is over,\" he said. The depot stored 20 percent of the region's fuel, he said.")
    assert [c.by for c in _claims(text, lang="en")] == ["Ostrava"]


def test_a_pronoun_opener_followed_by_punctuation_reads_without_error():
    # (found by bench/annotate.py's shuffled sentences: "It’s"/"They'd" after a sourced sentence crashed)
    for text in ("The ministry released figures on Monday. It’s a grim day: 40 schools were damaged.",
                 "The ministry released figures on Monday. They'd seen 40 schools damaged."):
        assert [(c.value, c.measure) for c in _claims(text, lang="en")] == [(40, "schools damaged")]


# --- round 7: running times, acts done to things, sources closing or opening a sentence -----------------


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("The siege's 90th day passed without a convoy.", "en", "duration: siege"),
        ("Rebels held the valley, and the blockade of the port, now nearing its third month, left ships idle.",
         "en", "duration: blockade"),
        ("Two weeks into the strike, the union offered to return.", "en", "duration: strike"),
        ("The operator said it would take 40 hours to cool the damaged turbine.", "en", "duration: turbine cool"),
        ("The repairs to the pipeline will take 12 days.", "en", "duration: repair"),
    ],
)
def test_a_running_time_is_the_time_of_what_is_running_not_of_its_time_word(text, lang, measure):
    c = _one(text, lang=lang)
    assert (c.kind, c.measure) == ("duration", measure)


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("Saboteurs caused the destruction of four helicopters at the base.", "en", "aircraft destroyed"),
        ("The walkout led to the cancellation of 600 flights.", "en", "flights cancelled"),
        ("Взрыв привёл к уничтожению четырёх вертолётов на базе.", "ru", "aircraft destroyed"),
        ("Страйк спричинив скасування 600 рейсів.", "uk", "flights cancelled"),
        ("Two ferries were forced to shut down after the sabotage.", "en", "boats shut down"),
    ],
)
def test_an_act_named_by_a_noun_or_an_infinitive_is_what_happened_to_the_things_counted(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


def test_a_member_unit_counts_the_members_of_the_noun_it_modifies():
    c = _one("A 9-person rope-access firm won the tender.", lang="en")
    assert (c.measure, c.unit) == ("members: businesses", "people")
    assert _one("A 14-member expert delegation landed.", lang="en").measure == "members: teams"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The airline made 40 schedule changes during the first three years of the dispute.", "en"),
        ("Власти провели 40 проверок за первые три года конфликта.", "ru"),
        ("Влада провела 40 перевірок за перші три роки конфлікту.", "uk"),
    ],
)
def test_a_window_after_an_ordinal_first_is_no_duration(text, lang):
    assert [c.kind for c in _claims(text, lang=lang)] == ["count"]


def test_a_span_qualifying_an_extreme_and_an_article_of_a_code_are_not_claims():
    assert _claims("Bookings at the carrier are at a seven-month low.", lang="en") == []
    assert _claims("Суд осудил его в соответствии со 105 статьей уголовного кодекса.", lang="ru") == []
    assert _claims("Суд засудив його за 115 статтею кримінального кодексу.", lang="uk") == []


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The defence ministry said saboteurs attacked the depot at night. In one raid, seven boats carried "
         "the attackers across the river, according to the claim.", "en"),
        ("Министерство обороны сообщило о нападении на склад. По этим данным, нападавшие использовали семь лодок.",
         "ru"),
        ("Міністерство оборони повідомило про напад на склад. За цими даними, нападники використали сім човнів.",
         "uk"),
    ],
)
def test_an_according_phrase_that_names_only_a_report_takes_the_source_named_before(text, lang):
    c = _claims(text, lang=lang)[-1]
    assert c.value == 7 and c.by is not None and c.by.lower().startswith(("defence ministry", "министерство",
                                                                           "міністерство"))


def test_a_name_closing_the_sentence_before_its_reporting_verb_is_the_source():
    c = _one("About 300 cabin crew joined the walkout on Friday, Skyvia said in a statement.", lang="en")
    assert c.by == "Skyvia"
    c = _one("In the north — a region that the junta declared closed — eight people were killed in the town of "
             "Varosh overnight, said governor Ilan Petrasko.", lang="en")
    assert c.by == "governor Ilan Petrasko"


@pytest.mark.parametrize(
    "text, lang, by",
    [
        ("Как сообщает на своем сайте Министерство здравоохранения, погибли 12 человек.", "ru",
         "Министерство здравоохранения"),
        ("Як повідомляє на своєму сайті Міністерство охорони здоров'я, загинули 12 людей.", "uk",
         "Міністерство охорони здоров'я"),
    ],
)
def test_where_a_source_said_it_is_not_part_of_the_source(text, lang, by):
    assert _one(text, lang=lang).by == by


def test_a_place_that_is_the_passive_subject_or_owns_the_figure_is_its_scope():
    c = _one("Marseille, a port near the refinery, was hit four times on Sunday.", lang="en")
    assert (c.measure, c.where) == ("times hit", "Marseille")
    # an acute accent typed for the apostrophe is one; the owner of the noun the figure is "of" is its place
    c = _claims("Of Bavaria´s population of 13 million, 40,000 people lost power.", lang="en")[0]
    assert (c.measure, c.where, c.value) == ("population", "Bavaria", 13e6)


def test_a_figure_in_a_quotation_goes_on_after_its_attribution_is_the_speakers():
    text = ("“The managers have failed the passengers once more,” Garrow responded in a post. \"The crews keep "
            "working. 2,000 relief drivers are on the roads tonight.”")
    assert [(c.value, c.by) for c in _claims(text, lang="en")] == [(2000, "Garrow")]
    text = ("Minister Ivan Dorosh spoke at length. “We are talking about almost half of the fleet, which the board "
            "has ignored,” he said.")
    c = _one(text, lang="en")
    assert (c.by, c.measure) == ("Ivan Dorosh", "share: fleet")


@pytest.mark.parametrize(
    "text, measure",
    [
        ("Union membership at the airline has dropped by half.", "change: membership"),
        ("Ticket sales fell by 20 percent.", "change: sale"),
        ("According to the survey, the proportion of pilots at the three largest carriers who back the strike has "
         "reached 58 percent.", "share: pilot"),
    ],
)
def test_a_change_by_a_share_is_a_change_of_its_subject_and_a_share_noun_names_a_distant_share(text, measure):
    assert _one(text, lang="en").measure == measure


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("The carrier has been in a slump for six years.", "en", "duration: slump"),
        ("The dissident spent eight years in prison.", "en", "duration: prison"),
        ("The flight ban is in effect 21 days.", "en", "duration: ban"),
    ],
)
def test_a_span_in_a_state_is_the_time_in_that_state(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


def test_the_course_of_a_window_and_a_year_a_bound_closes_are_not_claims():
    claims = _claims("Over the course of 48 hours, 30 cm of snow closed the pass.", lang="en")
    assert [c.kind for c in claims] == ["measurement"]
    claims = _claims("Investigators counted 57 deaths from the blast until the end of March 2019.", lang="en")
    assert [(c.kind, c.value, c.measure) for c in claims] == [("count", 57, "killed")]
    claims = _claims("Следователи насчитали 57 погибших до конца марта 2019 года.", lang="ru")
    assert [(c.kind, c.value) for c in claims] == [("count", 57)]


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("Gunmen attacked 12 police officers near the depot.", "en", "security forces"),
        ("The mob stormed 3 police stations.", "en", "station"),
        ("Twelve gunmen attacked the depot.", "en", "attackers"),
        ("About 300 protesters blocked the runway.", "en", "participants"),
        ("Боевики атаковали 12 полицейских у склада.", "ru", "security forces"),
        ("12 боевиков атаковали склад.", "ru", "attackers"),
    ],
)
def test_a_measure_of_doers_never_counts_what_was_done_to(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("Nine protesters were shot near the square.", "en", "shot"),
        ("Two guards were shot dead.", "en", "killed"),
        ("The blast left 4,000 residents without water.", "en", "without water"),
        ("Обрыв линии оставил 1000 жителей без света.", "ru", "without electricity"),
    ],
)
def test_people_shot_and_people_without_a_service_are_measures_of_their_own(text, lang, measure):
    assert _claims(text, lang=lang)[0].measure == measure


def test_a_change_verbs_share_is_named_after_its_subject():
    c = _one("The ministry said inflation is projected to rise to 9.5 percent.", lang="en")
    assert (c.kind, c.measure) == ("percent", "forecast: share: inflation")  # (round 14: projected, a forecast)


def test_a_figure_after_a_relative_of_place_happened_at_the_name_before_it():
    text = "After a stop in Brussels, the inspectors flew on to the Korvanka depot where 14 guards were wounded."
    assert _one(text, lang="en").where == "Korvanka"


def test_an_adverb_is_no_part_of_a_source_and_it_comes_as_reports_nothing():
    c = _one("The ministry quickly announced that 43 soldiers had deserted.", lang="en")
    assert c.by == "ministry"
    text = ("Transport minister Jane Dorrit said the runway was closed. It comes as the union has already shut the "
            "terminal, some 100 km north of the capital.")
    assert [(c.value, c.by) for c in _claims(text, lang="en")] == [(100, None)]


def test_a_name_qualifying_the_noun_after_a_sum_is_passed_over():
    c = _one("Small Ohio start-up wins $40 million Lagos airport contract", lang="en")
    assert (c.kind, c.measure) == ("money", "money: contract")


def test_a_sentence_split_after_an_initialism_the_parse_attaches_onward_is_one():
    c = _one("Just 35 percent of flights ran on time in May, according to U.S. Department of Transportation data.",
             lang="en")
    assert c.by == "U.S. Department of Transportation"


def test_the_object_of_a_reporting_verb_is_never_its_source_and_a_website_is_one():
    c = _one("В 2015 году Ивана признали виновным в поджоге, пишет example.com.", lang="ru")
    assert (c.kind, c.by) == ("date", "example.com")


def test_windows_of_another_clause_and_bounds_before_an_article_keep_their_figures():
    c = _one("Shelling hit the harbour district, where the ferries stopped as the blockade neared the three-month "
             "mark.", lang="en")
    assert (c.measure, c.where) == ("duration: blockade", None)
    c = _one("Memories in the valley were shaped by the 1971 fire at the mill.", lang="en")
    assert (c.kind, c.measure) == ("date", "date: fire")
    assert _one("For nearly 30 years, the union has been at the heart of the strike movement.",
                lang="en").measure == "duration: union"


# --- round 8: measures, places, not-a-claim -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, lang, lo",
    [
        ("Governments are spending hundreds of billions of dollars on new warplanes.", "en", 100_000_000_000),
        ("Правительство тратит сотни миллиардов рублей на оборону.", "ru", 100_000_000_000),
        ("Уряд витрачає сотні мільярдів гривень на оборону.", "uk", 100_000_000_000),
    ],
)
def test_hundreds_of_billions_is_at_least_a_hundred_billion(text, lang, lo):
    c = _one(text, lang=lang)
    assert (c.kind, c.lo) == ("money", lo)
    assert "hundred" not in c.measure


def test_a_full_scale_word_leaves_the_sentences_full_stop_out():
    c = _one("The governor estimated losses to the province alone are around $12 billion.", lang="en")
    assert c.text == "around $12 billion"


def test_a_sum_is_named_after_what_it_consists_of_or_the_copulas_subject_not_a_total_or_a_verb():
    assert _one("The country is already struggling with nearly $40 billion in debt.", lang="en").measure == "money: debt"
    assert _one("The governor estimated losses to the province alone are around $12 billion.",
                lang="en").measure == "damage"
    assert _one("The bank will have lent a total of nearly $9 billion.", lang="en").measure == "money: lend"
    assert _claims("The city spent $5 million in the first year.", lang="en")[0].measure == "money: spend"


def test_times_before_a_determiner_and_a_noun_is_a_ratio_not_occasions():
    claims = _claims("The airline said the toll is now 120 - nearly 40 times the earlier figure of 3.", lang="en")
    assert [c.kind for c in claims if c.text == "nearly 40"] == ["ratio"]
    c = _one("Police raided the office three times the next day.", lang="en")
    assert (c.kind, c.measure) == ("count", "times raid")


def test_a_fraction_hyphenated_into_a_word_is_no_share():
    assert _claims("The flags were flown at half-staff on Monday.", lang="en") == []
    assert _one("Half the staff left.", lang="en").kind == "percent"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The number of clinics in the region has dropped by half since 1990.", "en"),
        ("By May, the jobless rate had reached 9.1 percent, up from 6.2 percent in March 2009.", "en"),
        ("Безработица выросла до 9 процентов с 6 процентов в марте 2009 года.", "ru"),
        ("Experts say that over the period 2016-2019 the situation at the mill got worse.", "en"),
        ("Эксперты заявляют, что за период 2016-2019 годов ситуация ухудшилась.", "ru"),
        ("Експерти кажуть, що за період 2016-2019 років ситуація на заводі погіршилася.", "uk"),
    ],
)
def test_a_changes_baseline_year_an_earlier_values_date_and_a_period_date_no_event(text, lang):
    assert [c for c in _claims(text, lang=lang) if c.kind == "date"] == []


def test_a_year_of_an_event_and_since_after_a_verb_of_no_change_stay_dates():
    assert _one("The union was founded in 1990.", lang="en").kind == "date"
    assert _one("Завод збудували у 1975 році.", lang="uk").kind == "date"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("It is feared that if one of the reactors is set on fire then it could lead to a disaster in Asia.", "en"),
        ("If 300 workers walk out, the plant stops.", "en"),
        ("Если два моста рухнут, город окажется отрезан.", "ru"),
        ("Якщо три мости зруйнують, місто буде відрізане.", "uk"),
    ],
)
def test_a_figure_in_a_conditional_clause_is_no_claim(text, lang):
    assert _claims(text, lang=lang) == []


def test_a_figure_beside_a_conditional_clause_stays():
    c = _one("Two workers were hurt when the roof fell, and if it rains the site closes.", lang="en")
    assert (c.value, c.measure) == (2, "injured")


def test_one_before_a_relative_pronoun_is_a_pronoun():
    assert _claims("A nation that did not cry. One that did not flee.", lang="en") == []


def test_a_span_before_a_compound_is_the_compounds_head():
    assert _one("The city council has let a 30-day parking waiver expire for the old town.",
                lang="en").measure == "duration: waiver"
    assert _one("He got a 10-year prison sentence.", lang="en").measure == "duration: sentence"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The ministry said 300 soldiers were killed or wounded in the offensive.", "en"),
        ("По данным штаба, 200 бойцов были убиты или ранены.", "ru"),
    ],
)
def test_a_disjunction_of_outcomes_is_a_measure_of_its_own(text, lang):
    assert _one(text, lang=lang).measure == "injured or killed"


def test_outcomes_joined_by_and_stay_apart():
    assert [c.measure for c in _claims("Two guards were killed and five wounded.", lang="en")] == ["killed", "injured"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Its four reactors generate more power than any such plant in France.", "en"),
        ("The plant, whose four reactors generate more power than any plant in France, was shelled.", "en"),
        ("Её шесть реакторов вырабатывают больше энергии, чем любая станция в Германии.", "ru"),
    ],
)
def test_a_place_compared_with_is_not_the_figures_scope(text, lang):
    assert _one(text, lang=lang).where is None


def test_a_place_after_a_comparative_hedge_is_still_the_scope():
    assert _one("More than 40 people were killed in Lyon.", lang="en").where == "Lyon"


@pytest.mark.parametrize(
    "text, lang, where",
    [
        ("Shrapnel is seen next to damaged homes in Kramatorsk, Donetsk region, eastern Ukraine. The strike killed "
         "three people. It came a day after 11 other rockets were fired at the city, one of the two main "
         "government-held ones in Donetsk province.", "en", "Kramatorsk"),
        ("Explosions were heard in Lyon, France. Rescuers said 11 people were killed in the town.", "en", "Lyon"),
        ("Днём ранее в Харькове прогремели взрывы. В городе погибли 11 человек.", "ru", "Харькове"),
        ("Напередодні в Харкові пролунали вибухи. У місті загинули 11 людей.", "uk", "Харкові"),
    ],
)
def test_the_city_is_the_settlement_named_before_not_a_country_or_a_region(text, lang, where):
    claims = [c for c in _claims(text, lang=lang) if c.value == 11]
    assert [c.where for c in claims] == [where]


def test_the_city_of_a_name_is_that_name_not_an_antecedent():
    c = _one("Lyon was shelled. Officials in the city of Vienne said 11 people were killed.", lang="en")
    assert c.where != "Lyon"


@pytest.mark.parametrize(
    "text, where",
    [
        ("Ten to 15 inches of rain is forecast for Maui.", "Maui"),
        ("Heavy rain of 38 cm is forecast for Big Island.", "Big Island"),
        ("The House will vote on a package including $8 billion in relief for Texas, Ohio and Florida.",
         "Texas, Ohio and Florida"),
    ],
)
def test_a_forecast_or_relief_for_places_is_scoped_to_them(text, where):
    assert _one(text, lang="en").where == where


def test_for_a_common_noun_is_no_place():
    assert _one("The court sentenced 12 men for the robbery.", lang="en").where is None


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("Parliament has passed two emergency budget bills totaling more than $5 billion.", "en", "bill pass"),
        ("The firm delivered 50,000 meals to the shelters.", "en", "meal deliver"),
        ("By mid-May, more than 40,000 farmers registered for state assistance.", "en", "farmer register"),
        ("Парламент принял два законопроекта.", "ru", "законопроект принять"),
        ("Волонтёры доставили 50 тысяч обедов.", "ru", "обед доставить"),
    ],
)
def test_a_predicate_the_lexicon_does_not_name_stays_in_the_measure(text, lang, measure):
    assert _claims(text, lang=lang)[0].measure == measure


def test_no_open_predicate_for_a_light_verb_a_composition_or_what_may_happen():
    assert _one("The plant has six reactors.", lang="en").measure == "reactors"
    assert _one("The force totals 2,500 personnel.", lang="en").measure == "troops"
    assert _one("The firm promised to deliver 50,000 meals.", lang="en").measure == "meal"


@pytest.mark.parametrize(
    "text, measure",
    [
        ("Authorities closed 12 airports across the region.", "airport shut down"),
        ("The storm forced officials to close 40 schools.", "schools shut down"),
    ],
)
def test_a_verb_of_things_makes_an_unknown_english_noun_a_thing(text, measure):
    assert _one(text, lang="en").measure == measure


def test_an_unknown_noun_with_a_verb_of_people_stays_people():
    assert _one("Officials evacuated 300 farmers.", lang="en").measure == "evacuated"


def test_an_incident_in_counted_things_names_their_measure_not_the_clauses_verb():
    c = _one("The massive flood that hit the Karlo plant destroyed cooling systems, triggering meltdowns in three of "
             "its reactors.", lang="en")
    assert c.measure == "reactors meltdown"
    assert _one("Наводнение вызвало пожары в 3 корпусах завода.", lang="ru").measure == "корпус пожар"
    assert _claims("The institute noted that simultaneous blasts in two places at the base rule out an accident.",
                   lang="en") == []  # a count in words of no known thing stays a turn of phrase
    assert _one("Rebels destroyed the bridge, killing 12 soldiers.", lang="en").measure == "killed"


def test_a_participle_right_before_a_year_dates_its_own_noun_whatever_the_parse_attached():
    text = ("Сам Иван Петров в свою книгу \"Дом у реки\", опубликованную в 2015 году, включил текст письма, "
            "отправленного из лагеря родным.")
    assert _one(text, lang="ru").measure == "date: книга опубликовать"
    assert _one("В 2011 году её приговорили к смерти.", lang="ru").measure == "date: приговорить"


def test_a_span_a_perfect_sums_up_is_a_window_and_a_span_an_act_took_is_a_claim():
    assert _claims("The minister said the blockade is undoing everything the union has built in four decades.",
                   lang="en") == []
    assert _one("The minister said the dam was built in four years.", lang="en").measure == "duration: build"
    assert _one("The strike has lasted 40 days.", lang="en").measure == "duration: strike"


def test_counts_after_a_dash_with_no_thing_of_their_own_are_parts_of_the_count_before():
    claims = _claims("A total of 12 ferries have now been allowed to sail under the deal — 10 outbound and two inbound.",
                     lang="en")
    assert [c.measure for c in claims] == ["boats", "boats outbound", "boats inbound"]
    c = _claims("Police detained 40 people: 30 men and 10 women.", lang="en")
    assert [c.measure for c in c] == ["detained"] * 3


@pytest.mark.parametrize(
    "text, measure",
    [
        ("In May a research team estimated that 4,645 lives were lost in the flood.", "killed"),
        ("Chicago recorded 92 murders in August.", "murder"),
        ("The upheaval also prompted at least four cruise ships to cancel visits.", "boats"),
    ],
)
def test_no_open_predicate_over_a_measure_noun_a_verb_of_counting_or_an_infinitives_subject(text, measure):
    assert _one(text, lang="en").measure == measure


@pytest.mark.parametrize(
    "text",
    [
        "Earlier he tweeted: the fact is that the island has been destroyed by two hurricanes.",
        "While at least two congressional committees are already moving forward with inquiries, it is unclear.",
    ],
)
def test_an_open_predicate_makes_no_claim_of_a_word_count_nothing_was_done_to(text):
    assert _claims(text, lang="en") == []


@pytest.mark.parametrize(
    "text",
    [
        "Clinton, the 2016 Democratic nominee, tweeted her support for Cruz.",
        "The aide said it is not unusual in a town with a population of a little more than 7,000 people.",
    ],
)
def test_for_a_person_and_an_indefinite_town_give_no_place(text):
    assert all(c.where is None for c in _claims(text, lang="en"))


def test_present_participles_and_verbs_of_another_clause_name_no_predicate():
    assert _claims("The head of the company said all but one power line connecting it to the grid had been destroyed.",
                   lang="en") == []
    assert _claims("The movement is pursuing three goals -- to destroy weapons and to inform the services.",
                   lang="en") == []


def test_an_appositive_the_city_is_no_anaphor_and_stative_verbs_are_no_predicates():
    c = _one("Kiev shelled Energodar, the city where the plant is located, injuring nine people.", lang="en")
    assert c.where == "Energodar"
    assert _one("Some 174 containers with spent fuel were stored in the open air.", lang="en").measure == "containers"
    claims = _claims("Russia says there were 12 attacks resulting in more than 50 explosions.", lang="en")
    assert claims[0].measure == "attacks"


# --- round 9 (measures): seed 19's measure and not-a-claim causes, on sentences written for the tests ---------


def test_a_modal_before_a_quotation_still_makes_its_verb_a_possibility():
    c = _one("The doctor said the outbreak could: “…kill hundreds of patients across the region.”", lang="en")
    assert c.measure == "forecast: killed"  # what may happen: a feared toll, never grouped with a death toll


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("The strike forced managers to cut output from 12 mills, the union said.", "en", "mill output cut"),
        ("Volunteers have been feeding thousands of people in need, a spokesman said.", "en", "people feed"),
    ],
)
def test_a_predicate_reached_through_a_preposition_names_what_happened(text, lang, measure):
    c = _one(text, lang=lang)
    assert c.measure == measure and (c.qualifier or "") == ""  # no change's "from" without its other end


@pytest.mark.parametrize(
    "text, lang, measure, unit",
    [
        ("The council banned gatherings of more than 20 people.", "en", "threshold: gathering", "people"),
        ("Мэрия запретила митинги более 50 человек.", "ru", "threshold: митинг", "people"),
        ("Місто заборонило концерти понад 500 глядачів.", "uk", "threshold: концерт", None),
        ("The report counted the share of households living on less than $3 a day.", "en", "threshold: household",
         "USD/day"),
    ],
)
def test_a_threshold_or_limit_of_a_rule_is_no_count_of_anything(text, lang, measure, unit):
    c = _one(text, lang=lang)
    assert c.measure == measure and (unit is None or c.unit == unit)


def test_a_crowd_of_more_than_n_is_still_a_count():
    assert _one("The protests drew crowds of more than 10,000 people.", lang="en").measure == "participants"


def test_a_sum_is_named_after_its_purpose_past_where_it_is():
    assert _one("The city had only $4 million available for flood repairs when the river rose.",
                lang="en").measure == "money: repair"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Some 20,000 residents who have no running water were told to boil snow.", "en"),
        ("Около 20 тысяч жителей, у которых нет воды, получили помощь.", "ru"),
    ],
)
def test_people_a_relative_clause_says_have_nothing_are_without_it(text, lang):
    assert _one(text, lang=lang).measure == "without water"


def test_people_without_a_home_in_a_ukrainian_relative_clause():
    assert _one("Понад 300 людей, у яких немає житла, ночують на вокзалі.", lang="uk").measure == "without buildings"


def test_a_measured_substance_in_an_editors_brackets_is_what_is_measured():
    assert _one("He told reporters to picture 3 metres [of mud] in the streets.", lang="en").measure == "length: mud"


def test_a_glued_inch_with_a_conversion_is_one_figure_with_its_hedge_and_its_subject():
    c = _one("Snowfall could be up to 30in (76cm) in the hills.", lang="en")
    assert (c.measure, c.unit, c.hi, c.hedge) == ("length: snowfall", "inches", 30, "up to")
    assert "76cm" in (c.qualifier or "")


@pytest.mark.parametrize(
    "text, measure",
    [
        ("Five boats shelled the harbour overnight.", "boats shell"),
        ("Two tanks destroyed a bridge near the border.", "tanks destroy"),
        ("Three gunmen killed two guards at the gate.", "attackers"),
    ],
)
def test_a_count_that_did_something_to_an_object_is_not_what_was_done(text, measure):
    assert _claims(text, lang="en")[0].measure == measure


def test_a_bare_number_after_a_count_counts_the_same_thing():
    claims = _claims("Police said 30 rockets were launched, with six hitting a school.", lang="en")
    assert [(c.value, c.measure) for c in claims] == [(30, "missiles launched"), (6, "missiles hit")]


def test_a_disjunction_of_outcomes_under_a_perfect_infinitive():
    assert _one("Hundreds are believed to have died or been injured in the quake.",
                lang="en").measure == "injured or killed"


@pytest.mark.parametrize(
    "text, lang, measure, unit",
    [
        ("Police detained 14 party members on Friday.", "en", "detained", "member"),
        ("The agency said two of its members will stay at the dam.", "en", "remained", "experts"),
        ("Полиция задержала 14 постоянных членов клуба.", "ru", "detained", "член"),
    ],
)
def test_a_qualified_member_counts_its_own_body_not_the_default_thing(text, lang, measure, unit):
    c = _one(text, lang=lang)
    assert (c.measure, c.unit) == (measure, unit)


def test_a_noun_followed_by_its_content_counts_itself():
    # the pages, not the emails they hold; since round 20 the event noun over them names what happened (the leak)
    assert _one("The leak of 400 pages of internal emails shook the company.", lang="en").measure == "page leak"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The flood was worse than any other flood in the 19th or 20th centuries.", "en"),
        ("Это самое сильное наводнение в 20-м веке.", "ru"),
        ("According to the Metro 7 radio station, the talks will resume.", "en"),
        ("Farmers block the highway against the new tax 312", "en"),
        ("В Коврове фермеры перекрыли трассу в знак протеста 312", "ru"),
        ("A woman walks past a damaged shop in Valdor, Sept, 14, 2023.", "en"),
    ],
)
def test_centuries_outlet_names_headline_counters_and_comma_dates_are_not_claims(text, lang):
    assert _claims(text, lang=lang) == []


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Death toll from the mine collapse rises to 312", "en"),
        ("In May, 22 people were arrested in the port.", "en"),
    ],
)
def test_a_headline_that_states_its_figure_and_a_month_before_a_count_stay_claims(text, lang):
    assert len(_claims(text, lang=lang)) == 1


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("The ministry set a target of 2,000 new teachers by 2025.", "en", "target: teacher"),
        ("Министерство поставило задачу нанять 3 тысячи учителей.", "ru", "target: employed"),
        ("Уряд оголосив мету набрати 20 тисяч солдатів.", "uk", "target: troops"),
    ],
)
def test_a_goal_or_target_is_marked_a_target_never_a_present_size(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


# --- round 10 (measures): seed 20's measure, not-a-claim, subject and subgroup causes ----------------------


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("By Monday nearly half of the bakeries had reopened after the flood.", "en", "share: bakery reopen"),
        ("Two thirds of the villagers have been evacuated from the valley.", "en", "share: evacuated"),
        ("The country buys about 20% of its wheat and 35% of its rice abroad.", "en", "share: wheat buy"),
    ],
)
def test_a_shares_clause_verb_past_its_auxiliary_names_it_with_its_whole(text, lang, measure):
    assert _claims(text, lang=lang)[0].measure == measure


def test_two_shares_of_different_wholes_under_one_verb_stay_apart():
    claims = _claims("The country buys about 20% of its wheat and 35% of its rice abroad.", lang="en")
    assert [c.measure for c in claims] == ["share: wheat buy", "share: rice buy"]


def test_the_object_of_a_verb_whose_measure_is_of_people_takes_the_verb():
    assert _one("The ferry company deployed four vessels on the route.", lang="en").measure == "boats deploy"


def test_a_spans_own_noun_wins_over_the_clause_verb():
    assert _one("The 30-day truce between the two clans, which the elders brokered, ends on Friday.",
                lang="en").measure == "duration: truce"


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("Three miners were among those injured in the blast.", "en", "injured"),
        ("Two climbers were among the dead.", "en", "killed"),
        ("Трое шахтёров оказались среди погибших.", "ru", "killed"),
        ("Двоє шахтарів опинилися серед загиблих.", "uk", "killed"),
    ],
)
def test_a_count_among_a_group_takes_the_groups_measure(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("The town marks the founding of its university in 1871 every spring.", "en", "date: founding"),
        ("The riots foreshadowed a collapse of the coalition in 1998.", "en", "date: collapse"),
    ],
)
def test_a_year_after_the_object_of_a_relating_verb_dates_that_event(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


def test_a_year_after_the_object_of_an_ordinary_verb_still_dates_the_verb():
    assert _one("The court overturned the conviction of the teacher in 2019.", lang="en").measure == "date: court overturn"


def test_an_earlier_value_after_up_from_is_the_same_share():
    claims = _claims("By May the share of households with broadband in the rural districts of the province had climbed "
                     "to 64 percent, after years of slow growth — up from only 12 percent in 2009.", lang="en")
    assert [(c.value, c.measure) for c in claims] == [(64, "share: household"), (12, "share: household")]


@pytest.mark.parametrize(
    "text, lang, value, measure",
    [
        ("Nearly 2m fled the coast as the storm neared.", "en", 2_000_000, "displaced"),
        ("The wall is 10m high.", "en", 10, "height: wall"),
    ],
)
def test_a_glued_scale_before_a_verb_is_a_count_and_a_unit_stays_a_unit(text, lang, value, measure):
    c = _one(text, lang=lang)
    assert (c.hi or c.value, c.measure) == (value, measure)


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("The 300-mile wide storm is moving north.", "en", "width: storm"),
        ("Циклон шириной 800 км приближается к побережью.", "ru", "width: циклон"),
        ("Циклон завширшки 800 км наближається до узбережжя.", "uk", "width: циклон"),
    ],
)
def test_a_dimension_word_beside_a_measurement_names_its_dimension(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Tanks were parked within 300 feet of the dam.", "en"),
        ("Техника стоит в пределах 60 метров от плотины.", "ru"),
        ("Техніка стоїть у межах 60 метрів від греблі.", "uk"),
    ],
)
def test_within_a_length_of_something_is_a_bounded_distance(text, lang):
    c = _one(text, lang=lang)
    assert (c.measure, c.value) == ("distance", None) and c.hi in (300, 60)


def test_a_member_unit_before_a_hyphenated_compound_counts_the_compounds_head():
    assert _claims("A four-person sub-team stayed at the mine.", lang="en")[0].measure == "members: teams"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("12 Photos Next Story", "en"),
        ("8 View Gallery Close", "en"),
        ("Рейтинг: Казахстан поднялся на 35 место.", "ru"),
        ("Україна піднялася на 64 місце в рейтингу.", "uk"),
    ],
)
def test_a_page_counter_before_navigation_words_and_a_place_in_a_ranking_are_not_claims(text, lang):
    assert _claims(text, lang=lang) == []


def test_a_count_of_places_and_a_verb_called_view_stay_claims():
    assert len(_claims("В автобусе 40 мест.", lang="ru")) == 1
    assert len(_claims("Police view 20 suspects as dangerous.", lang="en")) == 1


@pytest.mark.parametrize(
    "text, lang",
    [
        ("She returned home to her four children in the village.", "en"),
        ("На свободе ее ждали супруг и четверо детей.", "ru"),
        ("Вдома на неї чекали чоловік і четверо дітей.", "uk"),
    ],
)
def test_a_persons_own_children_are_a_family_count_as_mother_of_four_is(text, lang):
    assert _one(text, lang=lang).measure == "born"


def test_a_sum_a_name_receives_is_not_named_after_the_name():
    assert _one("The agency will get an extra $3 billion in May.", lang="en").measure != "money: agency"
    assert _one("Acme will get an extra $3 billion in May.", lang="en").measure == "forecast: money: get"  # round 18


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Ages range from 5 to 16 years, the mayor wrote.", "en"),
        ("Возраст пострадавших — от 5 до 16 лет.", "ru"),
        ("Вік постраждалих — від 5 до 16 років.", "uk"),
    ],
)
def test_an_age_word_a_few_words_before_a_range_makes_it_ages(text, lang):
    c = _one(text, lang=lang)
    assert (c.kind, c.lo, c.hi) == ("age", 5, 16)


def test_two_ages_between_the_ages_of_are_ages_not_counts():
    claims = _claims("Six pupils between the ages of 9 and 12 were among those hurt.", lang="en")
    assert [(c.value, c.kind) for c in claims] == [(6, "count"), (9, "age"), (12, "age")]


@pytest.mark.parametrize(
    "text, lang, subgroup",
    [
        ("The strike destroyed a depot, killing at least 30 and wounding 12 soldiers.", "en", "troops"),
        ("The blast killed 12 and injured 40 workers.", "en", "workers"),
    ],
)
def test_a_bare_count_before_a_coordinated_count_of_a_kind_of_people_counts_that_kind(text, lang, subgroup):
    assert [c.subgroup for c in _claims(text, lang=lang)] == [subgroup, subgroup]


def test_a_bare_count_and_a_count_of_people_in_general_stay_apart():
    assert [c.subgroup for c in _claims("The blast killed 12 people and injured 40 workers.", lang="en")] == [None,
                                                                                                           "workers"]


def test_people_of_a_nation_with_a_verb_are_people_who_did_it():
    c = _one("Over 20,000 Canadians signed the petition on Monday.", lang="en")
    assert (c.measure, c.unit) == ("people sign", "people")


def test_a_bare_number_after_a_fronted_partitive_counts_its_noun_not_people():
    claims = _claims("Of the 40 schools in the district, only three remain closed.", lang="en")
    assert claims[-1].value == 3 and claims[-1].unit == "schools"


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        # (a compound's head is the body: "county workforce" as "regional workforce")
        ("About 900 members of the county workforce were deployed to the flooded towns.", "en",
         "workers deploy"),
        ("About 900 members of the regional workforce were deployed to the flooded towns.", "en", "workers deploy"),
        ("The army deployed 300 soldiers to the border.", "en", "troops"),
    ],
)
def test_a_verb_whose_measure_is_a_kind_of_people_does_not_override_another_kind(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


def test_a_place_the_document_names_after_in_is_never_whose_time_a_span_is():
    text = ("Shelling cut power in Valdora overnight. Valdora is on the river. Guards check cars, and those fleeing "
            "have been waiting for up to four days to leave.")
    claims = [c for c in _claims(text, lang="en") if c.kind == "duration"]
    assert claims and all(c.subject != "Valdora" for c in claims)


def test_a_count_with_three_digits_after_a_dot_is_thousands_and_a_measurement_keeps_its_decimals():
    assert _one("Officials later reported the 4.213 number as fact.", lang="en").value == 4213
    assert _one("The well is 2.975 metres deep.", lang="en").value == 2.975


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("Two reactors remain closed after the flood.", "en", "reactors shut down"),
        ("Three climbers remain missing.", "en", "missing"),
    ],
)
def test_a_count_that_remains_in_a_state_takes_the_states_measure(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


# --- round 11 (measures): seed 21's measure causes, and round 10's open ones ----------------------------------


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("Only the three reactors which remain online can be used.", "en", "reactors operating"),
        ("Three reactors remain online.", "en", "reactors operating"),
        ("Это касается двух реакторов, которые остаются закрытыми.", "ru", "reactors shut down"),
        ("Два реактори залишаються в роботі.", "uk", "reactors operating"),
    ],
)
def test_a_state_word_after_remain_names_the_state_even_in_a_relative_clause(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


@pytest.mark.parametrize(
    "text, lang, unit, measure",
    [
        ("Of the six ports only one remains closed.", "en", "port", "port shut down"),
        ("Из шести портов закрытым остается только один.", "ru", "порт", "порт shut down"),
    ],
)
def test_one_after_a_fronted_partitive_counts_its_noun_in_the_state_it_remains_in(text, lang, unit, measure):
    c = _claims(text, lang=lang)[-1]
    assert (c.value, c.unit, c.measure) == (1, unit, measure)


@pytest.mark.parametrize(
    "text, measure",
    [
        ("Four buses broke down and two were later repaired.", "vehicles repair"),
        ("Two reactors went offline, the mayor said, but one was quickly restored.", "reactors restore"),
    ],
)
def test_a_bare_count_with_its_own_verb_counts_the_thing_before_and_what_its_verb_did(text, measure):
    assert _claims(text, lang="en")[-1].measure == measure


def test_a_verb_of_measure_after_a_bare_count_still_names_it():
    claims = _claims("Police detained 40 protesters, and 12 were later released.", lang="en")
    assert [c.measure for c in claims] == ["detained", "released"]


def test_a_part_of_things_in_a_phrase_on_a_verbs_object_takes_the_object_and_the_verb():
    assert _one("The shelling forced the staff to lower output from two of the reactors.",
                lang="en").measure == "reactors output lower"


def test_an_infinitive_of_purpose_names_what_is_to_be_done_as_a_target():
    text = "Acme was awarded the $20 million contract by the city on May 2 to deliver 5 million ready meals to the island."
    assert _claims(text, lang="en")[-1].measure == "target: meal deliver"
    assert _one("The city signed a deal to build 300 homes.", lang="en").measure == "target: buildings build"


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("About 40 men were able to end their contracts and returned home.", "en", "people end"),
        ("Около 150 мужчин смогли расторгнуть контракты и вернулись домой.", "ru", "people расторгнуть"),
    ],
)
def test_what_people_were_able_to_do_is_what_they_did(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


def test_residents_something_was_done_to_are_people_it_was_done_to_and_residents_alone_a_population():
    c = _one("The mayor said some 300 residents were moved to temporary shelters after the flood.", lang="en")
    assert (c.measure, c.unit) == ("people move", "people")
    assert _one("Puerto Rico's 3.4 million residents face a long recovery.", lang="en").measure == "population"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Two shells landed about 300 meters to the west.", "en"),
        ("Два снаряда упали примерно в 300 метрах к востоку от станции.", "ru"),
        ("Два снаряди впали приблизно за 300 метрів на схід від станції.", "uk"),
    ],
)
def test_a_length_with_a_direction_after_it_is_a_distance(text, lang):
    assert [c.measure for c in _claims(text, lang=lang) if c.kind == "measurement"] == ["distance"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("She was ordered to pay a fine in the amount of $1,100.", "en"),
        ("Её приговорили к штрафу в размере 1100 долларов.", "ru"),
        ("Її засудили до штрафу в розмірі 1100 доларів.", "uk"),
    ],
)
def test_a_sum_in_the_amount_of_is_the_nouns_before_it(text, lang):
    assert _one(text, lang=lang).measure == "money: " + ("fine" if lang == "en" else "штраф")


def test_a_year_after_a_named_event_dates_that_event_whatever_the_verb():
    text = "There are fears the storm could cause damage on the scale of the Galveston hurricane in 1900."
    assert _one(text, lang="en").measure == "date: galveston hurricane"
    assert _one("He was convicted of murder in 2010.", lang="en").measure == "date: convict"


def test_a_count_after_a_possessive_is_its_owners_size_not_what_a_verb_did_to_a_noun_of_it():
    assert _one("It was the second failure of its 120 state parties to agree.", lang="en").measure == "party"


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("96 percent of the residents support the reform.", "en", "share: resident support reform"),
        ("96 процентов жителей страны поддерживают реформу.", "ru", "share: житель поддерживать реформа"),
    ],
)
def test_the_object_of_a_shares_verb_is_part_of_its_measure(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


def test_the_evacuation_of_people_living_somewhere_counts_evacuated_not_living():
    c = _one("The blast forced the evacuation of more than 5,000 people living near the depot.", lang="en")
    assert (c.measure, c.lo) == ("evacuated", 5000)


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("20 тысяч канадцев подписали петицию.", "ru", "people подписать"),
        ("Погибли 12 россиян.", "ru", "killed"),
        ("Понад 300 тисяч українців взялися за руки.", "uk", "people взятися"),
        ("Загинули 12 росіян.", "uk", "killed"),
    ],
)
def test_a_lower_case_plural_of_people_of_a_nation_counts_people(text, lang, measure):
    c = _one(text, lang=lang)
    assert (c.measure, c.unit) == (measure, "people")


def test_a_noun_that_only_begins_like_a_countrys_adjective_is_no_nation():
    assert _one("Задержаны 40 грузчиков.", lang="ru").unit == "грузчик"


@pytest.mark.parametrize(
    "text, measure",
    [
        ("Полиция задержала 300 протестующих.", "detained"),
        ("На площадь вышли 300 протестующих.", "participants"),
    ],
)
def test_a_participle_standing_for_people_takes_the_verb_done_to_them(text, measure):
    assert _one(text, lang="ru").measure == measure


def test_the_n_number_takes_the_measure_a_noun_of_the_sentence_before_names():
    claims = _claims("The governor revised the death toll to match the study. Critics reported the 4,213 number as fact.",
                     lang="en")
    assert [(c.value, c.measure) for c in claims] == [(4213, "killed")]
    assert _one("Officials later reported the 4.213 number as fact.", lang="en").measure == "number"


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("Почти половина пекарен снова открылась после наводнения.", "ru", "share: пекарня открыться"),
        ("Две трети жителей были эвакуированы из долины.", "ru", "share: evacuated"),
        ("Майже половина пекарень знову відкрилася після повені.", "uk", "share: пекарня відкритися"),
    ],
)
def test_a_fraction_before_its_whole_in_the_genitive_is_a_share(text, lang, measure):
    c = _one(text, lang=lang)
    assert (c.kind, c.measure) == ("percent", measure)


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("30-дневное перемирие между кланами заканчивается в пятницу.", "ru", "duration: перемирие"),
        ("30-денне перемир'я закінчується в п'ятницю.", "uk", "duration: перемир'я"),
    ],
)
def test_a_number_hyphenated_to_an_adjective_of_days_is_a_span_of_its_noun(text, lang, measure):
    c = _one(text, lang=lang)
    assert (c.kind, c.unit, c.measure) == ("duration", "day", measure)


def test_a_participle_before_a_sum_names_what_was_done_to_it():
    claims = _claims("With the added $2 billion, the agency will have spent $9 billion.", lang="en")
    assert [c.measure for c in claims] == ["money: add", "money: spend"]


def test_a_speed_of_a_named_thing_is_that_things_speed():
    assert _one("Forecasters say the storm - with wind speeds of 80mph - will hit land.", lang="en").measure == "speed: wind"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Удар уничтожил склад, убив не менее 30 и ранив 12 военных.", "ru"),
        ("Удар знищив склад, убивши щонайменше 30 і поранивши 12 військових.", "uk"),
    ],
)
def test_two_counts_with_their_gerunds_sharing_one_noun_of_people(text, lang):
    claims = _claims(text, lang=lang)
    assert [(c.value or c.lo, c.measure, c.subgroup) for c in claims] == [(30, "killed", "troops"), (12, "injured", "troops")]


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("Компания Акме получит дополнительно 3 млрд долларов в мае.", "ru", "forecast: money: получить"),  # Tense=Fut
        ("Компанія Акме отримає додатково 3 млрд доларів у травні.", "uk", "money: отримати"),
    ],
)
def test_a_month_after_a_sum_is_not_what_the_sum_is(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


def test_round_11_guards():
    claims = _claims("Twenty-five of the island's 69 hospitals are not operational, he said.", lang="en")
    assert [c.measure for c in claims] == ["not hospitals operating", "hospitals"]  # the whole takes no state
    claims = _claims("At the time, the agency said only one out of six nuclear reactors at the site was operational.", lang="en")
    assert [c.measure for c in claims] == ["reactors operating", "reactors"]
    assert _claims("There is no gain in attacking one of the regime's media puppets.", lang="en") == []


def test_a_participle_after_a_sum_names_what_was_done_to_it_not_the_noun_before():
    text = "The office did not respond to a request about the mayor's claim of the millions of dollars raised."
    assert _one(text, lang="en").measure == "money: raise"


def test_without_a_parse_the_finite_verb_of_the_clause_is_the_predicate_and_an_infinitive_is_not():
    claims = _claims("Уряд планує збудувати 300 будинків, а волонтери вже розчистили 12 вулиць.", lang="uk")
    # (round 22: a verb of planning before the infinitive makes the first a target, as "plans to build 300 homes" is)
    assert [c.measure for c in claims] == ["target: buildings", "вулиця розчистити"]


def test_round_11_guards_of_verbs():
    text = "Indonesia, speaking on behalf of the bloc comprising 120 developing countries, expressed disappointment."
    assert _one(text, lang="en").measure == "countries"  # a participle on the noun is no verb between it and its count
    assert _one("У доповіді розглядається становище християн в 13 країнах Африки.", lang="uk").measure == "countries"


def test_a_figure_after_a_target_with_its_own_verb_is_what_was_done_not_the_aim():
    text = "Acme was awarded the contract to deliver 2 million meals to the island, but only followed through on 40,000."
    assert [c.measure for c in _claims(text, lang="en")] == ["target: meal deliver", "meal deliver"]


# --- round 12 (measures) ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("The ferry terminal was flooded four times overnight, the harbour master said.", "en", "times flood"),
        ("The governor has been to the valley 5 times since the landslide.", "en", "times visit"),
        ("За неделю мэр пять раз выступил перед жителями.", "ru", "times выступить"),
    ],
)
def test_n_times_names_what_happened_that_often(text, lang, measure):
    claim = _one(text, lang=lang)
    assert (claim.kind, claim.measure, claim.value) == ("count", measure, 5 if "5" in text or "пять" in text else 4)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Water reached platforms two and three of the station, but trains still ran.", "en"),
        ("Crews inspected turbines 4 and 5 after the storm.", "en"),
        ("Вода затопила энергоблоки 3 и 4 станции.", "ru"),
    ],
)
def test_numbers_coordinated_right_after_a_plural_noun_are_labels(text, lang):
    assert _claims(text, lang=lang) == []


def test_numbers_joined_by_and_are_summed_only_after_a_hundred():
    from storylens.annotate.numbers import find_numbers

    assert [m.value for m in find_numbers("platforms two and three; two hundred and fifty people")] == [2, 3, 250]


@pytest.mark.parametrize(
    "text, lang, values",
    [
        ("In recent weeks 12 and then 15 people were injured in the rockfalls.", "en", [12, 15]),
        ("Floods destroyed two hundred and fifty houses in the valley.", "en", [250]),
        ("За последние недели 12 и 15 человек пострадали при обвалах.", "ru", [12, 15]),
    ],
)
def test_counts_after_a_time_or_with_and_inside_them_stay_counts(text, lang, values):
    assert [c.value for c in _claims(text, lang=lang)] == values


@pytest.mark.parametrize(
    "text, measure",
    [
        ("After the fire the two mills run at 50% and 70% of their capacity, the owner said.",
         "share: capacity"),
        ("The port is currently operating at about 30% of what it handled before the strike.", "share: operate"),
    ],
)
def test_a_share_after_at_is_the_level_something_runs_at(text, measure):
    claims = [c for c in _claims(text, lang="en") if c.kind == "percent"]
    assert claims and all(c.measure == measure for c in claims), [(c.value, c.measure) for c in claims]


def test_a_compound_whose_head_only_says_how_much_is_named_by_its_modifier():
    assert _one("The utility carries a $2 billion debt load after the floods.", lang="en").measure == "money: debt"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Полиция сообщила об аресте около 200 участников шествия.", "ru"),
        ("Поліція повідомила про арешт близько 200 учасників ходи.", "uk"),
        ("Police announced the arrest of about 200 marchers.", "en"),
    ],
)
def test_an_act_noun_right_before_a_hedged_count_names_it(text, lang):
    assert _one(text, lang=lang).measure == "detained"


def test_a_verb_not_tagged_imperative_takes_no_imperative_lemma():
    from storylens.annotate.syntax import lemmatize

    assert (lemmatize("ru", "пришли", "VERB"), lemmatize("ru", "пришли", "VERB", True)) == ("прийти", "прислать")
    assert "прислать" not in _one("Вчера на концерт пришли десять тысяч зрителей.", lang="ru").measure


def test_a_level_guard_a_share_of_people_at_work_stays_employed():
    assert _one("About 40% of the town's adults work in the mine.", lang="en").measure == "share: employed"


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("Insurers say losses tied to Hurricane Delia in 2011 reached a record.", "en", "date: hurricane delia"),
        ("Для сравнения, ущерб от урагана Делия в 2011 году оценивали в 2 млрд долларов.", "ru", "date: ураган делия"),
    ],
)
def test_a_year_after_a_name_an_event_noun_heads_dates_that_event(text, lang, measure):
    assert [c.measure for c in _claims(text, lang=lang) if c.kind == "date"] == [measure]


def test_a_period_after_a_window_preposition_and_another_figure_is_a_window():
    text = "The smoke reached 9 towns (from the dam to the coast) over a 48-hour period."
    assert [(c.kind, c.value) for c in _claims(text, lang="en")] == [("count", 9)]
    assert _one("The strike lasted a 10-day period in May.", lang="en").kind == "duration"


def test_a_share_with_no_whole_keeps_its_verbs_object():
    assert _one("A survey found only 40 per cent read printed newspapers.", lang="en").measure == "share: read newspaper"


@pytest.mark.parametrize(
    "text, lang, unit",
    [
        ("Every day, rescue teams pull 30 people from the rubble.", "en", "people/day"),
        ("The slaughterhouse can process 20,000 chickens a day.", "en", "chicken/day"),
        ("Завод выпускает 300 машин в сутки.", "ru", "vehicles/day"),
        ("Кожного дня рятувальники знаходять 30 людей під завалами.", "uk", "people/day"),
    ],
)
def test_a_count_per_a_time_is_a_rate(text, lang, unit):
    assert _one(text, lang=lang).unit == unit


def test_a_count_a_time_ago_is_no_rate():
    assert _one("The city lost 3 buses a week ago.", lang="en").unit == "vehicles"


def test_units_of_time_past_a_century_are_counted_not_a_span():
    claim = _one("The charity covered 2 million nights of shelter for evacuees.", lang="en")
    assert (claim.kind, claim.value) == ("count", 2_000_000)
    assert _one("The repairs took 20,000 hours.", lang="en").kind == "duration"


@pytest.mark.parametrize(
    "text, lang, bounds",
    [
        ("Каждый день спасатели находят три-четыре тела.", "ru", (3, 4)),
        ("Crews cleared ten-twelve roads overnight.", "en", (10, 12)),
    ],
)
def test_two_number_words_glued_by_a_hyphen_smaller_first_are_a_range(text, lang, bounds):
    claim = _one(text, lang=lang)
    assert (claim.lo, claim.hi) == bounds
    assert _one("The fire destroyed thirty-five homes.", lang="en").value == 35


def test_a_ukrainian_word_read_as_a_number_before_an_imperative():
    assert _one("У селищі загинули три людини.", lang="uk").measure == "killed"


def test_n_times_after_a_gerund_is_the_gerunds():
    text = "The ministry accused the rebels of shelling the depot three times in 24 hours."
    assert _one(text, lang="en").measure == "times shell"


def test_a_relative_clause_the_count_is_subject_of_says_what_happened_when_the_main_verb_does_not():
    text = "Four trucks that left the depot on Monday were expected to arrive in the capital on Tuesday."
    assert _one(text, lang="en").measure == "vehicles leave"
    assert _one("Three ferries that sank in the storm were raised.", lang="en").measure == "boats raise"
    assert _one("Five regions that the agency considers at risk were named.", lang="en").measure == "region name"


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("Мэрия ввела запрет на митинги групп численностью более десяти человек.", "ru", "threshold: группа"),
        ("Мерія запровадила заборону на мітинги груп чисельністю понад десять осіб.", "uk", "threshold: група"),
    ],
)
def test_a_bound_after_a_plural_noun_and_its_size_noun_under_a_rule_is_a_threshold(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


@pytest.mark.parametrize(
    "text, measure",
    [
        ("The new vaccine is only about 25 to 35 percent effective.", "share: effective"),
        ("The dam is 90% complete, engineers said.", "share: complete"),
    ],
)
def test_an_adjective_right_after_a_share_says_what_the_share_is_of(text, measure):
    assert _one(text, lang="en").measure == measure


def test_the_active_subject_of_a_striking_verb_struck_it_was_not_damaged():
    assert _one("Two shells struck inside the depot overnight, causing damage to a warehouse.", lang="en").measure == "shells strike"
    assert _one("Two districts were shelled overnight.", lang="en").measure == "district damaged"
    assert _one("Three houses burned in the fire.", lang="en").measure == "buildings destroyed"


@pytest.mark.parametrize(
    "text, measure",
    [
        ("Exporters say 2 million tons of wheat were shipped from the port last month.", "weight: wheat ship"),
        ("The region exports 3 million tons of rice in a good year.", "weight: rice export"),
        ("About 100 tons of diesel would be needed daily.", "weight: diesel"),
        ("The ship was loaded with 20,000 tons of corn.", "weight: corn"),
    ],
)
def test_a_quantity_of_stuff_keeps_what_was_done_with_it(text, measure):
    assert _one(text, lang="en").measure == measure


@pytest.mark.parametrize(
    "text, lang",
    [
        ("About 300 members of Greenpeace gathered outside the plant.", "en"),
        ("Біля будівлі зібралися кілька сотень членів ПНС.", "uk"),
    ],
)
def test_members_of_a_named_body_are_that_bodys_not_a_missions_experts(text, lang):
    assert _one(text, lang=lang).subgroup is None
    assert _one("Six members of the IAEA mission stayed.", lang="en").subgroup == "experts"


def test_round_12_guards():
    claims = _claims("Two shells reportedly struck ten meters from the fuel tank.", lang="en")
    assert [c.measure for c in claims if c.kind == "count"] == ["shells strike"]
    assert _one("The storm is 40% wider than the last one.", lang="en").measure == "share"  # a comparison, no adjective


def test_a_rule_word_before_an_aside_still_makes_a_threshold():
    text = "Мэрия ввела запрет, согласно новому закону о митингах и шествиях, на митинги групп численностью более десяти человек."
    assert [c.measure for c in _claims(text, lang="ru") if c.text == "более десяти"] == ["threshold: группа"]


@pytest.mark.parametrize("text, lang, measure", [
    # a text that ends on a counted noun with no full stop: a multi-word thing is never read past the last token
    ("Суд требует освободить мать пяти детей", "ru", "born"),
    ("Суд вимагає звільнити матір пʼятьох дітей", "uk", "born"),
])
def test_a_counted_noun_at_the_end_of_the_text_is_read(text, lang, measure):
    assert [(c.value, c.measure) for c in extract_claims(_doc(text, lang=lang))] == [(5.0, measure)]


# --- round 13 (measures) -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, lang", [
    ("About 40,000 residents were still without heat after the ice storm.", "en"),
    ("После ледяного дождя около 40 тысяч жителей остались без тепла.", "ru"),
    ("Після крижаного дощу близько 40 тисяч мешканців залишилися без тепла.", "uk"),
])
def test_people_the_subject_of_being_without_something_are_counted_by_the_privation(text, lang):
    assert _one(text, lang=lang).measure.startswith("without ")


def test_a_privation_guard_only_a_preposition_after_the_verb():
    assert not _one("Twelve miners were not found after the collapse.", lang="en").measure.startswith("without")
    assert not _one("About 300 residents were in shelters after the ice storm.", lang="en").measure.startswith("without")


@pytest.mark.parametrize("text, lang, measure", [
    ("The mudslide stopped just 200 ft (60 m) from a primary school.", "en", "distance"),
    ("Debris from the blast was found 50 meters away.", "en", "distance"),
    ("Some rockets fell short. Others landed farther away, 50 to 100 meters.", "en", "distance"),
    ("Обломки упали в 300 метрах от вокзала.", "ru", "distance"),
    ("Уламки впали за 300 метрів від вокзалу.", "uk", "distance"),
])
def test_a_length_from_a_thing_is_a_distance(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


def test_a_distance_guard_a_length_with_no_word_of_distance_stays_a_length():
    assert _one("The flood wall is 12 meters high.", lang="en").measure != "distance"
    assert _one("Floodwater reached 3 feet in the basement.", lang="en").measure.startswith("length")


def test_a_part_of_a_whole_keeps_what_was_done_to_it():
    claims = _claims("Nine of the county's 30 schools have been reopened since the flood.", lang="en")
    assert [(c.value, c.measure) for c in claims] == [(9.0, "schools reopen"), (30.0, "schools")]


def test_what_will_follow_a_condition_is_no_claim():
    assert _claims("If the dam fails tonight, three villages will flood within hours.", lang="en") == []
    assert _claims("If the talks collapse, two more brigades would cross the border.", lang="en") == []
    # guards: a condition with no future or modal on the figure's verb, and a plain future, are read as before
    assert len(_claims("When the dam failed, three villages were flooded within hours.", lang="en")) == 1


@pytest.mark.parametrize("text, lang", [
    ("Officials warned the valley could be without water for up to three weeks.", "en"),
])
def test_a_duration_of_being_without_something_is_named_by_the_privation(text, lang):
    assert _one(text, lang=lang).measure == "duration: without water"


@pytest.mark.parametrize("text, lang, measure", [
    ("The engineer spent 12 years rebuilding bridges after the earthquake.", "en", "duration: rebuild"),
    ("Инженер провёл 12 лет, восстанавливая мосты после землетрясения.", "ru", "duration: восстанавливать"),
])
def test_a_span_spent_doing_something_is_named_by_what_was_done(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


@pytest.mark.parametrize("text, lang", [
    ("In the north, three people were killed and five more injured overnight, the governor said.", "en"),
    ("В результате обстрела двое человек погибли и еще пятеро ранены.", "ru"),
])
def test_the_second_count_of_a_coordination_keeps_its_own_participle(text, lang):
    assert [c.measure for c in _claims(text, lang=lang)] == ["killed", "injured"]


@pytest.mark.parametrize("text, lang, measure", [
    ("The dam provided up to 20% of Ghana's electricity before the drought.", "en", "share: electricity provide"),
    ("The port handles about one-quarter of Chile's copper exports.", "en", "share: export handle"),
])
def test_a_share_of_a_named_owners_whole_keeps_the_whole(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


def test_an_age_bound_of_a_statistic_is_nobodys_age():
    claims = _claims("Maria Lopes studied the data. In 1960, about one in four children died before the age of five.", lang="en")
    assert [(c.value, c.subject) for c in claims if c.kind == "age"] == [(5.0, None)]
    assert _one("Maria Lopes, aged 54, studied the data.", lang="en").subject == "Maria Lopes"  # guard


def test_round_13_guards():
    # the whole of a part is not the subject of the part's state; a state out of service is no privation of people
    claims = _claims("Many of the valley's 20,000 residents have been without heat since Monday.", lang="en")
    assert [c.measure for c in claims] == ["population"]
    assert not any(c.measure.startswith("without") for c in _claims("The two backup pumps are out of service.", lang="en"))
    # a comparison in what would follow a condition is still read (only counts are dropped)
    assert [c.kind for c in _claims("If the levee breaks, the flood will be 10 times larger than in 1990.", lang="en")
            if c.text.startswith("10")] == ["ratio"]


def test_a_part_parsed_as_a_quantity_of_the_whole_keeps_the_clauses_verb():
    claims = _claims("In the county, nine of 30 schools identified for repair have been inspected, officials said.", lang="en")
    assert [(c.value, c.measure) for c in claims][0] == (9.0, "schools inspect")


# --- round 14 (measures): adjuncts of place, labels, rates per population, forecasts, times of day --------


@pytest.mark.parametrize("text, lang, expected", [
    ("Полиция задержала 120 членов партии в 13 городах.", "ru", [(120.0, "detained"), (13.0, "город")]),
    ("Поліція затримала 120 членів партії у 13 містах.", "uk", [(120.0, "detained"), (13.0, "місто")]),
    ("Police detained 120 party members in 13 cities.", "en", [(120.0, "detained"), (13.0, "city")]),
    ("Рейсы отменены в 12 аэропортах.", "ru", [(12.0, "аэропорт")]),
    ("Полиция задержала 120 членов партии в трёх городах.", "ru", [(120.0, "detained")]),
])
def test_a_count_in_a_phrase_of_place_does_not_take_the_verb(text, lang, expected):
    assert [(c.value, c.measure) for c in _claims(text, lang=lang)] == expected


def test_a_count_owned_by_people_is_not_counted_as_people():
    claims = _claims("Rescuers evacuated 300 residents of 12 villages.", lang="en")
    assert [(c.value, c.measure) for c in claims] == [(300.0, "evacuated"), (12.0, "village")]
    assert [c.measure for c in _claims("Спасатели эвакуировали 300 жителей 12 сёл.", lang="ru")] == ["evacuated", "село"]
    # guards: an act noun and a person's noun over people keep their measure
    assert _one("The deaths of 16 employees were confirmed.", lang="en").measure == "killed"
    assert _claims("The mother of two children was arrested in 2009.", lang="en")[0].measure == "born"


@pytest.mark.parametrize("text, lang", [
    ("Engineers shut down Reactor 3 after the fire.", "en"),
    ("The ferry left from Pier 7 on Tuesday.", "en"),
    ("Пожар произошёл на энергоблоке 5 станции.", "ru"),
    ("Пожар произошёл на энергоблоке 3.", "ru"),
    ("Пожежа сталася на енергоблоці 5 станції.", "uk"),
])
def test_a_number_after_a_singular_noun_is_its_label(text, lang):
    assert _claims(text, lang=lang) == []


def test_a_label_guard_counts_ages_and_units_after_a_noun_stay():
    assert _one("At age 12, she moved to the capital.", lang="en").kind == "age"
    assert _one("Циклон шириной 800 км приближается к побережью.", lang="ru").measure == "width: циклон"
    assert _one("В результате погибло человек 30.", lang="ru").measure == "killed"
    assert [c.measure for c in _claims("Погибли трое человек, ранены 5.", lang="ru")] == ["killed", "injured"]


@pytest.mark.parametrize("text, lang", [
    ("Уровень смертности составил 8 на 100 тысяч жителей.", "ru"),
    ("Рівень смертності становив 8 на 100 тисяч мешканців.", "uk"),
    ("The murder rate reached 12 per 100,000 residents last year.", "en"),
])
def test_the_base_of_a_rate_per_population_is_no_count(text, lang):
    assert not any(c.value == 100000 for c in _claims(text, lang=lang))


def test_a_rate_base_guard_a_change_by_a_round_number_stays():
    assert [c.value for c in _claims("Число погибших увеличилось на 100 человек.", lang="ru")] == [100.0]


@pytest.mark.parametrize("text, lang, measure", [
    ("Exports are expected to reach 40 million tonnes next year.", "en", "forecast: weight: year"),
    ("The death toll is expected to rise to 500.", "en", "forecast: killed"),
    ("Прогнозируется, что урожай достигнет 90 миллионов тонн.", "ru", "forecast: weight: урожай"),  # (round 19: the
    # subject of a verb of level a bare measurement completes names it)
    ("Очікується, що врожай сягне 90 мільйонів тонн.", "uk", "forecast: weight"),
    ("Ожидается, что на митинг придут 5 тысяч человек.", "ru", "forecast: participants"),
])
def test_a_forecast_figure_is_marked_a_forecast(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


def test_a_forecast_guard_a_done_figure_is_not_a_forecast():
    assert _one("The death toll rose to 500 on Sunday.", lang="en").measure == "killed"


def test_a_time_of_day_with_a_dot_is_no_count():
    claims = _claims("As of 13.30 p.m. (local time) - nine wounded, including four children.", lang="en")
    assert [(c.value, c.measure) for c in claims][0] == (9.0, "injured")
    assert not any(c.value == 13.3 for c in claims)


def test_a_whole_the_lexicon_does_not_know_holds_members_only_when_people_are_counted():
    c = _one("The storm's projected path includes half a dozen chemical plants.", lang="en")
    assert (c.measure, c.unit) == ("plant", "plant")
    assert _one("The team consists of 14 experts.", lang="en").measure == "members: teams"  # guard


def test_a_place_named_before_is_not_whose_age_it_is():
    text = "Shelling hit Lyon overnight, the mayor said. A local 49-year-old resident was killed in the strike, he added."
    assert [(c.kind, c.subject) for c in _claims(text, lang="en")] == [("age", None)]


def test_round_14_guards():
    # a hyphenated age or a glued unit after a noun is no label; awaiting is no forecast; a relative clause's or an
    # apposition's figure is not the forecast's
    assert _one("Суд рассмотрел дело 50-летней христианки из деревни.", lang="ru").kind == "age"
    assert [c.measure for c in _claims("It has six reactors, each generating 950MW.", lang="en")][-1] == "power"
    assert _claims("Мать пятерых детей ожидала решения суда.", lang="ru")[0].measure == "born"
    claims = _claims("Florence - which is moving north-west at about 17mph - is expected to strengthen.", lang="en")
    assert [c.measure for c in claims] == ["speed"]
    text = "The council is expected to vote on a relief package including $40 million for the flooded towns."
    assert not any(c.measure.startswith("forecast") for c in _claims(text, lang="en"))


# --- round 16 (measures): labels before a noun, set phrases, ratios, coordinated measures, feared figures ----------


def test_a_label_before_the_noun_it_names_is_no_count():
    assert _claims("Smoke rose above the Hangar 4 building.", lang="en") == []
    assert _claims("The Reactor 2 control room was damaged.", lang="en") == []
    assert [c.measure for c in _claims("The plant has 6 reactors.", lang="en")] == ["reactors"]  # guard


@pytest.mark.parametrize(
    "text, lang",
    [
        ("I am 100 per cent sure he lied.", "en"),
        ("This article is more than 2 years old", "en"),
        ("Затем суд на все 100% оправдал фермера.", "ru"),
        ("Суд на всі 100% виправдав фермера.", "uk"),
    ],
)
def test_an_intensifier_idiom_or_a_page_banner_is_no_claim(text, lang):
    assert _claims(text, lang=lang) == []


def test_an_intensifier_guard_a_share_stays():
    assert _one("Turnout was 100 percent in the village.", lang="en").kind == "percent"


@pytest.mark.parametrize(
    "text, lang, measures",
    [
        ("The depot now holds four times as many tents and 12 times as many water filters.", "en",
         ["ratio: tent", "ratio: filter"]),
        ("If it fails, it will be 20 times worse than the 1979 accident.", "en", ["ratio: accident"]),
        ("На складе теперь в три раза больше генераторов.", "ru", ["ratio: генератор"]),
        ("Вибух буде в 10 разів потужніший, ніж аварія 1986 року.", "uk", ["ratio: аварія"]),
    ],
)
def test_a_ratio_names_what_it_compares(text, lang, measures):
    assert [c.measure for c in _claims(text, lang=lang) if c.kind == "ratio"] == measures


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The ministry counted up to 9,000 deaths and injuries after the quake.", "en"),
        ("Армия потеряла до 80 тысяч убитых и раненых.", "ru"),
        ("Армія втратила до 80 тисяч убитих і поранених.", "uk"),
    ],
)
def test_coordinated_measure_nouns_after_one_number_are_one_figure_of_both(text, lang):
    c = _one(text, lang=lang)
    assert (c.measure, c.unit) == ("injured and killed", "people")


def test_coordinated_counts_keep_their_own_measures():
    claims = _claims("The fire caused 40 deaths and 200 injuries.", lang="en")
    assert [(c.value, c.measure) for c in claims] == [(40.0, "killed"), (200.0, "injured")]


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("Engineers warned that a breach could affect tens of thousands of people downstream.", "en",
         "forecast: affected"),
        ("The blast could kill 5,000 people.", "en", "forecast: killed"),
        ("Up to 12 dams could be breached.", "en", "forecast: dam breach"),
        ("Авария может затронуть до 200 тысяч человек.", "ru", "forecast: affected"),
        ("Аварія може зачепити до 200 тисяч людей.", "uk", "forecast: affected"),
    ],
)
def test_a_feared_figure_under_a_modal_is_marked_a_forecast(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


@pytest.mark.parametrize(
    "text, lang, measure",
    [
        ("The hall can hold 500 people.", "en", "people"),
        ("At least 20 people may have died in the flood.", "en", "killed"),
        ("Зал может вместить 500 человек.", "ru", "people"),
    ],
)
def test_a_feared_figure_guard_capacity_and_a_hedged_past_are_no_forecast(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


def test_a_participle_on_the_counted_noun_names_what_happened_to_it():
    text = "Сторонники осуждённого угрожали пятерым судьям, оправдавшим его."
    assert _one(text, lang="ru").measure == "officials оправдать"
    assert _one("Поліція повідомила про 40 затриманих осіб у місті.", lang="uk").measure == "detained"
    assert _one("The county paid for 40,000 nights in motels last year.", lang="en").measure == "night pay"


def test_a_partitive_whole_past_an_owner_and_members_of_a_force():
    claims = _claims("The storm cut power to four of the province’s 12 hospitals.", lang="en")
    assert [(c.value, c.unit) for c in claims] == [(4.0, "hospitals"), (12.0, "hospitals")]
    assert _one("Some 3,000 members of State Guard forces were flown to the valley.", lang="en").unit == "troops"


def test_a_relative_clause_on_an_unknown_plural_noun_says_what_was_done_to_it():
    assert _one("Storm winds left 12 cranes which were damaged.", lang="en").measure == "crane damaged"
    assert _one("Two men who were injured in the blast recovered.", lang="en").measure == "injured"  # guard


def test_launchers_are_weapons_and_artillery_projectiles_shells():
    assert _one("The items included three shoulder-fired rocket launchers.", lang="en").unit == "weapons"
    assert _one("The army fired 120 artillery projectiles at the bridge.", lang="en").unit == "shells"
    assert _one("Изъяли три гранатомёта.", lang="ru").unit == "weapons"


def test_round_16_guards():
    # a whole a part is taken from is not what may happen; a state the count is in is no forecast; an English
    # participle after a comma is a loose adjunct, no predicate of the count
    assert _one("Engineers said the oldest of the county's 15 dams could be breached.", lang="en").measure == "dam"
    assert _one("Visitors could tour two working reactors and a museum.", lang="en").measure == "reactors operating"
    text = "Over 30 trucks, divided into three convoys and carrying 90 crates, reached the town."
    assert _claims(text, lang="en")[0].measure == "vehicles"


def test_a_feared_measurement_is_marked_a_forecast():
    assert _one("The valley could get up to 8 inches more by Monday.", lang="en").measure == "forecast: length"


@pytest.mark.parametrize("text, measure", [
    # a word that says the amount is added sits between the number and its unit: still a measurement, not a count
    ("The dam's reservoir rose 3 more feet of water overnight.", "length: water"),
    ("Parts of the hills could see 10 more centimetres of snow.", "length: snow"),
    ("The ferry will carry 40 additional tonnes of grain.", "weight: grain"),
])
def test_round_17_a_unit_past_more_still_makes_a_measurement(text, measure):
    claim = _one(text, lang="en")
    assert (claim.kind, claim.measure) == ("measurement", measure)


# --- round 18 (measures) -------------------------------------------------------------------------------


@pytest.mark.parametrize("text, lang, measure", [
    # a share's whole past an owner's possessive: the schools reopen, not the country
    ("Just over half of the province's schools are reopening to pupils.", "en", "share: school reopen"),
    ("Some 40% of the valley's clinics reopened on Monday.", "en", "share: clinic reopen"),
])
def test_round_18_a_shares_whole_past_an_owners_possessive(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


@pytest.mark.parametrize("text, measure", [
    # a limiting or hedging adverb between the sum's noun and the sum does not hide the noun
    ("The ferry firm was a small outfit with yearly revenues of only $2 million.", "money: revenue"),
    ("The town has a budget of nearly $30 million.", "money: budget"),
])
def test_round_18_a_sums_noun_past_an_adverb(text, measure):
    assert _one(text, lang="en").measure == measure


@pytest.mark.parametrize("text, lang", [
    ("A rocket strike on the market killed eight, wounded five and damaged shops and cars, the mayor said.", "en"),
    ("Удар по рынку убил восьмерых, ранил пятерых и повредил магазины и машины.", "ru"),
    ("Удар по ринку вбив вісьмох, поранив п'ятьох і пошкодив крамниці та машини.", "uk"),
])
def test_round_18_verbs_coordinated_after_one_subject_keep_their_elided_objects(text, lang):
    claims = _claims(text, lang=lang)
    assert [(c.value, c.measure, c.unit) for c in claims] == [(8.0, "killed", "people"), (5.0, "injured", "people")]


def test_round_18_a_number_coordinated_with_a_number_or_more_keeps_its_noun():
    assert _one("The flood destroyed five or six bridges.", lang="en").measure == "bridge destroyed"
    assert _one("The flood destroyed five or more bridges.", lang="en").measure == "bridge destroyed"


@pytest.mark.parametrize("text, measure", [
    ("At more than 300 miles across, the cyclone is larger than most.", "width"),
    ("The convoy drove 40 miles across the plain.", "distance"),  # guard: "across" with its own object
])
def test_round_18_a_width_across(text, measure):
    claim = _one(text, lang="en")
    assert (claim.kind, claim.measure) == ("measurement", measure)


@pytest.mark.parametrize("text, lang, measure", [
    ("Engineers said the flood will displace 4,000 people.", "en", "forecast: displaced"),
    ("Спасатели будут эвакуировать 4000 человек.", "ru", "forecast: evacuated"),
    ("Рятувальники будуть евакуювати 4000 людей.", "uk", "forecast: evacuated"),
    # guards: what is done now, a capacity, a negated future
    ("The flood displaced 4,000 people.", "en", "displaced"),
    ("The new ferry will carry 400 people.", "en", "people"),
])
def test_round_18_a_figure_under_will_is_a_forecast(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


def test_round_18_taken_alive_is_detained_not_the_relative_clauses_act():
    text = "Four Chilean sailors, who took part in a failed raid on the harbour, have been taken alive, an officer said."
    assert _one(text, lang="en").measure == "detained"


@pytest.mark.parametrize("text, lang, kind, value, measure", [
    ("The new reservoir is almost twice the size of the old one.", "en", "ratio", 2.0, "ratio: size"),
    ("The camp now holds twice as many tents as in May.", "en", "ratio", 2.0, "ratio: tent"),
    ("Rebels shelled the village twice over the night.", "en", "count", 2.0, "times shell"),
    ("Беженцев стало вдвое больше.", "ru", "ratio", 2.0, "ratio"),
    ("Село обстреляли дважды за ночь.", "ru", "count", 2.0, "times обстрелять"),
    ("Біженців стало удвічі більше.", "uk", "ratio", 2.0, "ratio"),
])
def test_round_18_twice_is_a_ratio_or_occasions(text, lang, kind, value, measure):
    claim = _one(text, lang=lang)
    assert (claim.kind, claim.value if claim.value is not None else claim.hi, claim.measure) == (kind, value, measure)


@pytest.mark.parametrize("text, lang, measure", [
    # a sum after "to" is the level a thing was brought to: that thing names it, not a noun of its modifiers
    ("The new package brings total aid committed to Chile by the Lima government to $2.1 billion.", "en",
     "money: aid"),
    ("The council raised the relief fund to $40 million.", "en", "money: fund"),
    ("Новый пакет довёл общую помощь Чили до 2,1 млрд долларов.", "ru", "money: помощь"),
])
def test_round_18_a_sum_a_thing_was_brought_to_is_named_by_the_thing(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


@pytest.mark.parametrize("text, lang, measure", [
    ("The utility said it wants 90 percent of power back by March.", "en", "target: share: power"),
    ("The rebels want 200 prisoners released.", "en", "target: released"),
    ("He wanted to know why 40 people died.", "en", "killed"),  # guard: a clause of its own
])
def test_round_18_a_figure_wanted_is_a_target(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


@pytest.mark.parametrize("text, value, lo", [
    ("The storm dumped rain over 12 counties.", 12.0, None),  # a preposition of the verb, which has its object
    ("Officials said over 30 people were killed.", None, 30.0),  # guard: a hedge
    ("The army sent troops to over 12 towns.", None, 12.0),  # guard: the hedge after another preposition
])
def test_round_18_over_as_a_preposition_of_a_verb_with_an_object_is_no_hedge(text, value, lo):
    claim = _one(text, lang="en")
    assert (claim.value, claim.lo) == (value, lo)


def test_round_18_guards_will_of_a_lasting_state_twice_before_its_verb_across_before_the_figure():
    assert _one("Four of them will leave on Monday and two will remain at the dam.", lang="en").measure == "remained"
    assert _one("The summary of the calls twice mentioned the storm.", lang="en").measure == "times mention"
    assert _claims("Protests spread across 400 kilometers of the coast.", lang="en")[0].measure == "distance: coast"
    claims = _claims("Support is roughly twice that of the last mayor.", lang="en")
    assert [(c.kind, c.value) for c in claims] == [("ratio", 2.0)]


def test_round_18_a_measurement_past_a_places_adjective_names_its_noun():
    text = ("They showed that the army can strike far behind the line, and officials warn that the 12-kilometer "
            "(7-mile) Balkan bridge, the longest in the region, could be the next target.")
    assert _one(text, lang="en").measure == "distance: bridge"


def test_round_18_guards_another_phrases_to_and_an_adverb_the_parse_took_for_a_verb():
    text = "The sum is in addition to two earlier packages, one worth $40 billion and one worth $12 billion."
    # (round 19: each sum is the packages' — the pronoun "one" stands for them — not bare money, nor the addition's)
    assert [c.measure for c in _claims(text, lang="en") if c.kind == "money"] == ["money: package", "money: package"]
    assert _one("После чего он якобы трижды грубо высказался о судье.", lang="ru").measure == "times высказаться"


# --- round 18 (lead) ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, measure", [
    # a share after an agent verb is what the verb was done to: no share of attackers
    ("A new vaccine was approved that attacked 95 percent of flu strains in trials.", "share: strain attack"),
    # a share before it is the verb's doers
    ("About 30 percent of the protesters attacked police officers near the station.", "share: attackers"),
])
def test_round_18_a_share_after_an_agent_verb_is_its_object(text, measure):
    assert _one(text, lang="en").measure == measure


# --- round 19 (measures) -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, lang, measure", [
    # a measurement named only by its kind takes the noun it is said of: the noun its phrase hangs from ...
    ("The storm arrived with gusts close to 90 miles per hour.", "en", "speed: gust"),
    # ... the subject of a copula or a verb of level it completes (the first subject, not a dash's gloss of it) ...
    ("The gusts topped 70 mph.", "en", "speed: gust"),
    ("Tall waves -- the wall of sea water driven inland by the storm -- were as high as 14 feet.", "en", "length: wave"),
    ("Волны достигали 4 метров.", "ru", "length: волна"),
    # ... or the object right before it ("could" does not change what is measured)
    ("Residents could see waves up to 9ft on Monday.", "en", "length: wave"),
    # guards: a distance's subject is where it lies; a verb of motion's subject is no measured thing
    ("The town is 20 miles from the border.", "en", "distance"),
    ("The storm moved at 12 mph.", "en", "speed"),
])
def test_round_19_a_bare_measurement_is_named_by_the_noun_it_is_said_of(text, lang, measure):
    claim = _one(text, lang=lang)
    assert (claim.kind, claim.measure) == ("measurement", measure)


def test_round_19_a_sum_after_a_pronoun_for_a_noun_is_that_nouns():
    text = "Lawmakers approved two loans, one worth $3 billion and one worth $1 billion."
    assert [c.measure for c in _claims(text, lang="en") if c.kind == "money"] == ["money: loan", "money: loan"]


@pytest.mark.parametrize("text, lang, measure", [
    # a noun before "of N percent", or the subject a percentage completes, is a rate of that noun, no share
    ("The bank forecasts growth of 2.1 percent for next year.", "en", "forecast: rate: growth"),
    ("Officials reported an unemployment rate of 11 percent.", "en", "rate: unemployment rate"),
    ("Inflation hit 9 percent.", "en", "rate: inflation"),
    ("Рост экономики составил 3 процента.", "ru", "rate: рост"),
    # guards: a share that restates its noun, a share said by an adjective
    ("The vaccine is 30 percent effective.", "en", "share: effective"),
])
def test_round_19_a_percentage_of_a_rate_noun_is_a_rate(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


def test_round_19_a_percentage_restating_its_noun_stays_a_share():
    assert [c.measure for c in _claims("Half the homes, or 45 percent, lost power.", lang="en")] == [
        "share: lose power", "share: lose power"]


@pytest.mark.parametrize("text, measures", [
    # the whole of a partitive past an owner's pronoun keeps no verb of its part: the part operates, not the whole
    ("Nine of its 40 schools are closed.", ["schools shut down", "schools"]),
    ("Power has gone out, and two of its six reactors are operating.", ["reactors operating", "reactors"]),
    # guard: a whole's own participle is still its own
    ("Shelling caused the shutdown of one of its two currently operating reactors.", ["reactors operating"]),
])
def test_round_19_a_whole_past_an_owners_pronoun_keeps_no_verb_of_its_part(text, measures):
    assert [c.measure for c in _claims(text, lang="en") if c.kind == "count"] == measures


def test_round_19_a_negation_with_a_typographic_apostrophe():
    text = "One of the plant’s reactors that wasn’t operating was switched to diesel generators, the operator said."
    assert _one(text, lang="en").measure == "not reactors operating"


@pytest.mark.parametrize("text, measure", [
    # the counted noun's own participle past an adverb, and its relative clause whatever the verb, its tense or
    # its negation, when the sentence's verb says nothing of the noun
    ("Photos show 8,000 crates still sitting at the airport.", "crate sit"),
    ("The team found 30 wells that had dried up.", "well dry"),
    ("Officials said 40 trucks that are waiting at the border were seen on Monday.", "vehicles wait"),
    ("The agency counted 12 ferries that did not sail.", "not boats sail"),
])
def test_round_19_the_counted_nouns_own_clause_names_what_happened(text, measure):
    assert _one(text, lang="en").measure == measure


@pytest.mark.parametrize("text, lang, measure", [
    # one in N names what the one in N did (a verb's own measure, else its lemma), not the whole alone
    ("In 1950, about one in five children died before the age of five.", "en", "one in: child die"),
    ("One in four voters backed the mayor.", "en", "one in: voter back"),
    ("Каждый пятый житель города потерял работу.", "ru", "one in: житель потерять"),
    ("Опрос показал, что каждый 10-й житель готов уехать из города.", "ru", "one in: житель готовый уехать"),
])
def test_round_19_one_in_n_names_its_act(text, lang, measure):
    assert [c.measure for c in _claims(text, lang=lang) if c.kind == "ratio"] == [measure]


@pytest.mark.parametrize("text, measures", [
    # a counted subject of a verb with no measure of its own, with an object: what they did, to what
    ("Five countries signed the treaty on Monday.", ["countries sign treaty"]),
    # the object's whole past a partitive, not the part
    ("Its 12 turbines provide about half of its power.", ["turbine provide power", "share: power provide"]),
    # guard: an elided noun's verb, and an object that names a measure, keep the measure of the figure before
    ("The shelling hit two houses, injuring seven people, with two sustaining serious wounds.",
     ["buildings affected", "injured", "injured"]),
    # guard: a verb with a measure keeps the subject's and the object's measures apart
    ("Three gunmen killed two guards.", ["attackers", "killed"]),
])
def test_round_19_a_counted_subject_with_an_object(text, measures):
    assert [c.measure for c in _claims(text, lang="en")] == measures


@pytest.mark.parametrize("text, lang", [
    ("Три из его девяти школ закрыты.", "ru"),
    ("Три з її дев'яти шкіл закриті.", "uk"),
])
def test_round_19_a_whole_past_an_owners_pronoun_ru_uk(text, lang):
    # the whole keeps no verb of its part (the part's own claim is not read in this construction yet)
    wholes = [c for c in _claims(text, lang=lang) if c.value == 9.0]
    assert [c.measure for c in wholes] == ["schools"]


@pytest.mark.parametrize("text, measure", [
    ("“I've been doing this for 25 years and I can't remember a storm like it,” said Mara Lindqvist, an economist.",
     "duration: do"),
    # guard: a light verb's own infinitive still names the act
    ("It will take 40 hours to drain the tunnel.", "duration: tunnel drain"),
])
def test_round_19_a_coordinated_clause_is_no_light_verbs_infinitive(text, measure):
    # "and I can't remember …" is the next clause, not what the 25 years were spent doing (seed 28 #82, a row
    # judged right in seeds 13 and 14)
    assert [c.measure for c in _claims(text, lang="en")] == [measure]


# --- round 20 (Ukrainian): the dictionary's readings, and constructions of Ukrainian and Russian news -----------


def test_round_20_ukrainian_readings_the_dictionary_lists_second():
    from storylens.annotate.syntax import analyse

    assert analyse("uk", "до")[:2] == ("до", "ADP")  # a preposition, not the note
    assert analyse("uk", "року")[0] == "рік"  # the year's genitive, not fate's
    assert analyse("uk", "місяців")[0] == "місяць"  # a noun, not an adjective of the same spelling
    # a passive participle the dictionary lists as an adjective reads as its verb
    assert analyse("uk", "госпіталізовані") == ("госпіталізувати", "VERB", "Case=Nom|Number=Plur|VerbForm=Part")
    assert analyse("uk", "затверджений")[0] == "затвердити"  # past a consonant alternation
    assert analyse("uk", "поранених")[1] == "ADJ"  # (not in the nominative: a noun's modifier or a noun)


@pytest.mark.parametrize("text, kind, unit, value, measure", [
    ("Протягом 7 місяців продажі хліба в місті знизилися.", "duration", "month", 7.0, "duration: продаж"),
    ("Ціна квитка зросла на 3 гривні.", "money", "UAH", 3.0, "price"),
    ("Школа збудована у 1962 році.", "date", "year", 1962.0, "date: школа збудувати"),
])
def test_round_20_ukrainian_units_and_predicates_by_their_usual_reading(text, kind, unit, value, measure):
    c = _one(text, lang="uk")
    assert (c.kind, c.unit, c.value, c.measure) == (kind, unit, value, measure)


@pytest.mark.parametrize("text, lang, values", [
    ("Фермер задекларував 45.000 гривень та 12.000 доларів.", "uk", [45000.0, 12000.0]),
    ("Фермер задекларировал 45.000 рублей.", "ru", [45000.0]),
    ("Будинок площею 2.500 кв. м.", "uk", [2500.0]),
    ("The farm declared 4.500 dollars.", "en", [4.5]),  # guard: English decimals take the dot
])
def test_round_20_a_dot_groups_thousands_where_decimals_take_a_comma(text, lang, values):
    assert [c.value for c in _claims(text, lang=lang)] == values


@pytest.mark.parametrize("text, lang, value, hi", [
    ("Бюджет фестивалю зріс до 3,2 млн гривень.", "uk", 3_200_000.0, None),
    ("Бюджет фестиваля вырос до 3,2 млн рублей.", "ru", 3_200_000.0, None),
    ("Місто виділить до 3 млн гривень.", "uk", None, 3_000_000.0),  # guard: "up to" after another verb
])
def test_round_20_to_after_a_verb_of_change_is_the_level_reached(text, lang, value, hi):
    c = _one(text, lang=lang)
    assert (c.value, c.hi) == (value, hi)


@pytest.mark.parametrize("text, lang, units", [
    ("Будинок площею 120 кв.м і сарай у 35 кв. м.", "uk", [("area", "кв.м"), ("area", "кв. м")]),
    ("Квартира площадью 54 кв. м в центре.", "ru", [("area", "кв. м")]),
    ("Сховище вміщує 40 млн куб. м, а транзит впав на 2 млрд м3.", "uk", [("volume", "куб. м"), ("volume", "м3")]),
])
def test_round_20_square_and_cubic_metres(text, lang, units):
    assert [(c.measure.split(":")[0], c.unit) for c in _claims(text, lang=lang)] == units


@pytest.mark.parametrize("text, measure", [
    ("Мер підписав три угоди з інвесторами.", "угода підписати"),
    ("Згодом Остапчук визнав чотири зустрічі з послом.", "зустріч визнати"),
])
def test_round_20_a_count_in_words_right_after_its_verb_without_a_parse(text, measure):
    assert _one(text, lang="uk").measure == measure


def test_round_20_a_count_in_words_with_no_verb_stays_no_claim():
    assert _claims("Це дві речі.", lang="uk") == []


@pytest.mark.parametrize("text, lang", [
    ("Довідки за телефоном (0) 44 512 33 07.", "uk"),  # a telephone number's digit groups
    ("ISBN 978-5-1234-56 Мова: українська", "uk"),  # an ISBN
    ("Call 020 7946 0958 for details.", "en"),
    ("Близько 10 вечора на вулиці спалахнула пожежа.", "uk"),  # a time of day
    ("Около 10 вечера на улице вспыхнул пожар.", "ru"),
    ("2015-го року Олена Марчук отримала премію.", "uk"),  # a year by its ordinal is no year running
    ("Рада жодним чином не залежить від уряду.", "uk"),  # "in no way"
    ("Всі права захищені. © 2011", "uk"),  # a copyright's year
])
def test_round_20_codes_times_of_day_and_set_phrases_are_no_claims(text, lang):
    assert _claims(text, lang=lang) == []


def test_round_20_thousands_with_spaces_are_no_code():
    assert [c.value for c in _claims("Бюджет конкурсу 1 500 000 гривень.", lang="uk")] == [1_500_000.0]


@pytest.mark.parametrize("text, lang", [
    ("Лише 40 відсотків фермерів очікують прибутку протягом наступних 12 місяців.", "uk"),
    ("Лишь 40 процентов фермеров ждут прибыли в течение следующих 12 месяцев.", "ru"),
])
def test_round_20_the_next_months_are_a_window(text, lang):
    assert [c.kind for c in _claims(text, lang=lang)] == ["percent"]


@pytest.mark.parametrize("text, measure", [
    ("Таку ситуацію в перші два роки свого правління мала Ганна Коваль.", "duration: правління"),
    ("Суд призначив йому вісім років ув'язнення.", "duration: ув'язнення"),
    # guard: a preposition after the span ends it
    ("Перехідний період триватиме 21 місяць після дати виходу.", "duration: період"),
])
def test_round_20_a_spans_genitive_noun_says_what_it_is_of_without_a_parse(text, measure):
    assert _one(text, lang="uk").measure == measure


@pytest.mark.parametrize("text, measures", [
    # a participle of another clause names no count («одружений тричі, у нього п'ятеро дітей»)
    ("Петро Гай був одружений двічі, у нього п'ятеро дітей.", ["times одружити", "children"]),
    # a noun in the dative after the verb is no object done to («присвячено двом постатям»)
    ("Виставку присвячено двом відомим художникам.", []),
])
def test_round_20_guards_of_a_count_after_a_verb_without_a_parse(text, measures):
    assert [c.measure for c in _claims(text, lang="uk")] == measures


def test_round_20_a_soft_hyphen_inside_a_word_is_no_letter():
    from storylens.annotate.syntax import analyse

    assert analyse("uk", "зар\u00adплати")[0] == "зарплата"


@pytest.mark.parametrize("text, lang, values", [
    # a year's abbreviation glued to it is still a year
    ("Криза вибухнула в 1999р., коли раду розпустили.", "uk", [1999.0]),
    # a section's number is no figure
    ("§ 1 Історія ради. § 2 Порядок формування.", "uk", []),
])
def test_round_20_glued_year_abbreviations_and_section_signs(text, lang, values):
    assert [c.value for c in _claims(text, lang=lang)] == values


@pytest.mark.parametrize("text, lang", [
    ("Див. ст. 13 і 14 Регламенту.", "uk"),  # an article's abbreviation, and a number coordinated with it
    ("Решение принято согласно ст. 13 Устава.", "ru"),
    ("Офіс розташований на 13 поверсі.", "uk"),  # a floor, by its cardinal
    ("Офис расположен на 13 этаже.", "ru"),
])
def test_round_20_articles_and_floors_are_labels(text, lang):
    assert _claims(text, lang=lang) == []


def test_round_20_a_count_of_floors_stays_a_count():
    assert [c.value for c in _claims("Будинок на 9 поверхів звели за рік.", lang="uk")] == [9.0]


@pytest.mark.parametrize("text, measure", [
    ("Існує три сценарії розвитку подій.", "сценарій існувати"),  # a nominative that reads first as a locative
    ("Кредит надходить трьома траншами.", "транш надходити"),  # the instrumental of how it comes
    ('Навколо угоди "об\'єднані" усі 27 країн.', "countries об'єднати"),  # a quotation mark is no clause break
])
def test_round_20_counts_after_a_verb_by_any_reading_of_the_noun(text, measure):
    assert _one(text, lang="uk").measure == measure


@pytest.mark.parametrize("text, lang, measure", [
    # an event noun governing the counted noun names what happened to it, as its verb would: the verb's own
    # measure where the lexicon lists one, else the noun's verb (derived and checked against the dictionary)
    ("The scandal began after the leak of 350 pages of internal emails.", "en", "page leak"),
    ("The merger led to the loss of 800 jobs at the factory.", "en", "jobs lose"),
    ("The law ensured the preservation of thousands of jobs at the port.", "en", "jobs preserve"),
    ("The court ordered the release of 40 prisoners on Monday.", "en", "released"),
    ("Власти объявили о сокращении 300 рабочих мест на заводе.", "ru", "jobs сокращать"),
    # the subject of a verb of inclusion, or the noun its relative clause hangs from
    ("The army suffered heavy losses, which included dozens of trucks and armored vehicles.", "en", "vehicles lose"),
    ("The cuts included 300 jobs at the plant.", "en", "jobs cut"),
    # guards: a body or a collection is no event ("a network of", "a team of"); an owner's size; a thing included
    ("The report covered a network of more than 40 clinics.", "en", "hospitals network cover"),
    ("This marked the failure of its 191 parties.", "en", "party"),
    ("The package included 300 trucks.", "en", "vehicles"),
])
def test_round_20_an_event_noun_around_the_count_names_what_happened(text, lang, measure):
    assert [c.measure for c in _claims(text, lang=lang)] == [measure]


@pytest.mark.parametrize("text, measures", [
    # a verb of becoming with an adjectival complement: the state the counted subject came to
    ("Two reactors went offline.", ["reactors go offline"]),
    ("12 pumps fell silent on Monday.", ["pump fall silent"]),
    # past an aside between dashes or commas, whose preposition the parser hangs the subject from; the whole
    # named in the aside keeps none of the part's verb
    ("Two reactors still in use — out of the station's nine — went offline.", ["reactors go offline", "reactors"]),
    ("Two reactors, out of nine, went offline.", ["reactors go offline", "reactors"]),
])
def test_round_20_a_predicate_after_an_aside_and_a_state_come_to(text, measures):
    assert [c.measure for c in _claims(text, lang="en")] == measures


@pytest.mark.parametrize("text, lang, measure", [
    # a verb whose own prepositional argument owns the count: named with the verb and the argument
    ("The mayor appealed to the leaders of four countries for help.", "en", "countries leader appeal"),
    ("The mayor met with the leaders of four countries.", "en", "countries leader meet"),
    ("Мэр обратился к лидерам четырех стран за помощью.", "ru", "countries лидер обратиться"),
    # a displacement phrased as forcing people from their homes, the verb's phrase read by the parse past a long
    # object
    ("The floods forced 3,000 families from their homes.", "en", "displaced"),
    ("Fighting has forced more than 2 million residents from their homes.", "en", "displaced"),
])
def test_round_20_a_verbs_prepositional_argument_and_forced_from_homes(text, lang, measure):
    assert [c.measure for c in _claims(text, lang=lang)] == [measure]


def test_round_20_each_sum_of_a_list_is_named_by_its_own_for_phrase():
    text = ("The bill includes $500 million for road repairs, $12 billion for the National School Lunch program "
            "and a provision allowing farmers to borrow.")
    assert [c.measure for c in _claims(text, lang="en")] == ["money: repair", "money: program"]


@pytest.mark.parametrize("text, measure", [
    # a year closing a participle's phrase set off by a comma dates the participle's event, not the main verb's
    ("В Испании из больницы выписали и отправили домой пенсионерку Анну Кох, осужденную к штрафу за оскорбление "
     "судьи еще в 2012 году.", "date: анна осудить"),
    # guard: a year of the main clause stays the main verb's
    ("Суд освободил пенсионерку в 2012 году.", "date: суд освободить"),
])
def test_round_20_a_year_closing_a_participles_phrase_is_its_date(text, measure):
    assert [c.measure for c in _claims(text, lang="ru")] == [measure]


def test_round_20_a_shares_whole_keeps_no_verb_of_the_share():
    # the whole after "a third of" is the owner's population, not what was forced from home
    text = "The war forced over a third of the country's 9 million people from their homes."
    assert [c.measure for c in _claims(text, lang="en") if c.kind == "count"] == ["people"]
    # guard: "half the population of 20,000" is the population's size, still a claim of its own
    text = ("The town has been shelled since July, with three people killed and over half the population of 20,000 "
            "fleeing the town.")
    assert [(c.value, c.measure) for c in _claims(text, lang="en") if c.kind == "count"] == [
        (3.0, "killed"), (20000.0, "population")]


@pytest.mark.parametrize("text, lang, measure", [
    # a post, a message or a tweet is no account: counted as posts; a page is its own noun
    ("Officials deleted roughly a dozen tweets on Monday.", "en", "posts delete"),
    ("The agency shut down 40 accounts.", "en", "accounts shut down"),
])
def test_round_20_posts_are_not_accounts(text, lang, measure):
    assert [c.measure for c in _claims(text, lang=lang)] == [measure]


def test_round_20_a_whole_in_an_aside_only_after_punctuation_uk():
    # guard: «у порівнянні із 4500» compares, it names no whole: the figure keeps the verb of the one before
    text = "Бригади отримують до 9000 викликів щодня у порівнянні із 4500 впродовж звичайного дня."
    assert [c.measure for c in _claims(text, lang="uk") if c.value == 4500.0] == ["виклик отримувати"]


# --- round 21 (Ukrainian numbers and sources): values, and figures that are no claims --------------------------


@pytest.mark.parametrize("text, lang, lo, hedge", [
    ("Ліки знижують ризик на більш ніж на 60%.", "uk", 60.0, "більш ніж"),  # the figure's preposition doubled
    ("Тест виявив вірус більш ніж у 30 пацієнтів.", "uk", 30.0, "більш ніж"),
    ("Лекарство снижает риск более чем в 3 раза.", "ru", 3.0, "более чем"),
])
def test_round_21_a_hedge_before_the_figures_own_preposition_still_bounds_it(text, lang, lo, hedge):
    c = _claims(text, lang=lang)[0]
    assert (c.lo, c.value, c.hedge) == (lo, None, hedge)


@pytest.mark.parametrize("text, lang", [
    ("Склад охолоджують до мінус 40 градусів.", "uk"),
    ("Склад охлаждают до минус 40 градусов.", "ru"),
    ("The store is cooled to minus 40 degrees.", "en"),
])
def test_round_21_a_sign_word_puts_the_figure_below_zero(text, lang):
    assert [c.value if c.value is not None else c.hi for c in _claims(text, lang=lang)] == [-40.0]


def test_round_21_a_range_with_no_verb_of_change_is_one_figure():
    c = _one("Аптека продаватиме ліки за ціною від 12 до 18 доларів за упаковку.", lang="uk")
    assert (c.kind, c.lo, c.hi) == ("money", 12.0, 18.0)
    # guard: with a verb of change, the two ends of the change (the past participle read as its verb, «зросла»)
    assert [(c.value, c.qualifier) for c in _claims("Ціна квитка зросла з 12 до 18 доларів.", lang="uk")] == [
        (12.0, "change: from"), (18.0, "change: to")]


@pytest.mark.parametrize("text, lang", [
    ("Міністерство завершить ремонт у першій половині березня.", "uk"),  # a part of a month, not 50 %
    ("Ціни на житло зросли в другій половині 2019 року.", "uk"),
    ("Министерство завершит ремонт в первой половине марта.", "ru"),
    ("The ministry will finish the repairs in the first half of March.", "en"),
    ("Ще 12 годин назад Ковальчук лідирував.", "uk"),  # a time ago places the report, it lasts nothing
    ("Якщо щепити 200 людей, то 80 не захворіють.", "uk"),  # an illustration, no count of the world
    ("Якщо ставка сягне 30%, кредити зникнуть.", "uk"),
])
def test_round_21_parts_of_a_time_times_ago_and_suppositions_are_no_claims(text, lang):
    assert [c.kind for c in _claims(text, lang=lang) if c.kind != "date"] == []


def test_round_21_a_half_of_people_stays_a_share():
    assert _one("Половина мешканців виїхала.", lang="uk").value == 50.0
    # guard: an ordinal after the fraction is no time unit ("the second" province, not a second of time)
    assert _one("The army seized over half of the second, Eastmark.", lang="en").lo == 50.0


@pytest.mark.parametrize("text, lang, lo, value", [
    ("Загинули понад чверть мільйона людей.", "uk", 250_000.0, None),  # a part of a scale: a count, not 25 %
    ("Погибли свыше четверти миллиона человек.", "ru", 250_000.0, None),
    ("Over half a million people were evacuated.", "en", 500_000.0, None),
])
def test_round_21_a_fraction_of_a_scale_word_is_a_figure(text, lang, lo, value):
    c = _one(text, lang=lang)
    assert (c.kind, c.lo, c.value) == ("count", lo, value)


@pytest.mark.parametrize("text, lang", [
    ("Більше десятка компаній подали позови.", "uk"),  # a collective number noun in the genitive singular
    ("Более десятка компаний подали иски.", "ru"),
])
def test_round_21_a_collective_number_noun_in_any_case(text, lang):
    c = _one(text, lang=lang)
    assert (c.kind, c.lo) == ("count", 10.0)


def test_round_21_a_hedge_between_the_verb_and_a_count_in_words():
    c = _one("Мерія закрила понад десять шкіл.", lang="uk")
    assert (c.lo, c.measure) == (10.0, "schools shut down")


def test_round_21_a_share_after_a_singular_noun_is_no_label():
    c = _one("За результатами підрахунку 87% бюлетенів лідирує Ковальчук.", lang="uk")
    assert (c.kind, c.value) == ("percent", 87.0)


def test_round_21_a_half_of_a_noun_in_the_genitive_by_any_reading():
    assert _one("До кінця року щеплення отримає половина населення.", lang="uk").value == 50.0


@pytest.mark.parametrize("text, lang, measure", [
    ("Протягом останніх трьох місяців він заперечував звинувачення.", "uk", "duration: заперечувати"),
    ("В течение последних трёх месяцев он отрицал обвинения.", "ru", "duration: отрицать"),
])
def test_round_21_the_last_months_after_a_preposition_of_how_long_are_a_duration(text, lang, measure):
    c = _one(text, lang=lang)
    assert (c.kind, c.measure) == ("duration", measure)


def test_round_21_the_next_months_stay_a_window_for_a_figure_earlier_in_a_long_clause():
    text = "Лише 28 відсотків опитаних фермерів очікують зростання врожайності протягом наступних 12 місяців."
    assert [c.kind for c in _claims(text, lang="uk")] == ["percent"]


def test_round_21_the_whole_of_a_part_is_a_count_not_a_year_nor_a_changes_start():
    claims = _claims("Лише у 40 із 1800 учасників розвинулася алергія.", lang="uk")
    assert [(c.kind, c.value, c.qualifier) for c in claims] == [("count", 40.0, None), ("count", 1800.0, None)]


def test_round_21_a_partitives_whole_the_dictionary_reads_as_an_adverb():
    claims = _claims("Район представлений 12 із 450 місцями.", lang="uk")
    assert [(c.value, c.counted) for c in claims][:1] == [(12.0, "місцями")]


def test_round_21_a_ratio_lead_after_a_hedge():
    c = _one("Ковальчук обійшов суперника майже у три рази.", lang="uk")
    assert (c.kind, c.hi) == ("ratio", 3.0)


@pytest.mark.parametrize("text, value, counted", [
    ("Ремонт проведуть у чотири етапи.", 4.0, "етап"),
    ("Фестиваль проходив у трьох містах.", 3.0, "місто"),
    ("Ліки вводять двома уколами.", 2.0, "укол"),
])
def test_round_21_a_count_in_words_a_preposition_governs_is_read_as_digits_are(text, value, counted):
    c = _one(text, lang="uk")
    assert (c.value, c.counted) == (value, counted)


@pytest.mark.parametrize("text", [
    "Про це мер розповів у двох словах.",  # a set phrase
    "Місто оточили з двох боків.",
    "Вона працює в одному з банків.",  # one
    "Великі області мали по три мандати.",  # three each
    "Суд розглядає спір між двома операторами.",  # the two named, no count
])
def test_round_21_set_phrases_and_one_after_a_preposition_count_nothing(text):
    assert _claims(text, lang="uk") == []


@pytest.mark.parametrize("text, lang, value, unit, measure", [
    ("Рада ухвалила бюджет після семигодинного засідання.", "uk", 7.0, "hour", "duration: засідання"),
    ("Сторони погодили тримісячний мораторій.", "uk", 3.0, "month", "duration: мораторій"),
    ("Совет принял бюджет после семичасового заседания.", "ru", 7.0, "hour", "duration: заседание"),
])
def test_round_21_a_number_stem_glued_to_a_units_adjective(text, lang, value, unit, measure):
    c = _one(text, lang=lang)
    assert (c.kind, c.value, c.unit, c.measure) == ("duration", value, unit, measure)


def test_round_21_a_compound_with_years_is_left_an_age_or_nothing():
    assert [c.kind for c in _claims("Трирічна дитина гралася у дворі.", lang="uk")] in ([], ["age"])


@pytest.mark.parametrize("text, lang", [
    ("Не більше трьох депутатів від одного і того ж округу.", "uk"),  # "one and the same": no count of one
    ("Не более трёх депутатов от одного и того же округа.", "ru"),
])
def test_round_21_one_and_the_same_counts_nothing(text, lang):
    assert [c.hi for c in _claims(text, lang=lang)] == [3.0]


@pytest.mark.parametrize("text, lang", [
    ("Коваль О. Нова хартія // Право. — 2012. — № 4. — С. 41—47.", "uk"),  # a citation's pages
    ("Петров А. Новая хартия // Право. — 2012. — № 4. — С. 41—47.", "ru"),
    ("Проте в жодні порівняння не йде його маєток.", "uk"),  # "bears no comparison"
])
def test_round_21_citation_pages_and_no_comparison_are_no_claims(text, lang):
    assert [c.kind for c in _claims(text, lang=lang) if c.kind != "date"] == []


def test_round_21_over_is_a_preposition_not_a_rare_noun():
    c = _one("Уряд передбачив понад двох мільярди гривень, розраховуючи різні варіанти.", lang="uk")
    assert (c.lo, c.measure) == (2_000_000_000.0, "money: передбачити")  # not `money: понада`


def test_round_21_a_citations_pages_stay_no_claim_when_the_splitter_cut_after_the_abbreviation():
    text = "Коваль О. Нова хартія // Право. — 2012. — № 4. — С. 41—47. Автор: О. Коваль."
    cut = text.index("41")
    doc = Document(id="t", origin="t.txt", format="txt", raw_text=text, text=text, meta={"language": "uk"},
                   passages=[Passage(0, len(text), language="uk")],
                   sentences=[Sentence(0, cut - 1, 0), Sentence(cut, len(text), 0)])
    assert extract_claims(doc) == []


# --- round 21 (Ukrainian measures): what is counted and what happened to it, without a parse ----------------------


@pytest.mark.parametrize("text, lang, measure", [
    # a noun of difference or a verb of overtaking with «на»: the margin, not the votes won
    ("Перевага Ковальчука над суперником склала 12 тисяч голосів.", "uk", "margin: vote_share"),
    ("Мельник випередив Гнатюка на 4 тисячі голосів.", "uk", "margin: vote_share"),
    ("Перевес Лаптева составил 9 тысяч голосов.", "ru", "margin: vote_share"),
    # a word of need, also in the clause a purpose clause depends on: a threshold, not a result
    ("Для обрання мером кандидату потрібно 51 голос депутатів.", "uk", "needed: vote_share"),
    ("Для ухвалення закону необхідно зібрати підписи, щоб набрати 300 голосів.", "uk", "needed: vote_share"),
    ("Для избрания мэром кандидату нужно 51 голос депутатов.", "ru", "needed: vote_share"),
    # a verb of remaining with an infinitive, or a negated impersonal form: still to be done
    ("Підрахувати лишається 8,5% голосів.", "uk", "remaining: vote_share підрахувати"),
    ("Не підраховано 8,5% голосів.", "uk", "remaining: vote_share підрахувати"),
    ("Осталось подсчитать 8,5% голосов.", "ru", "remaining: vote_share подсчитать"),
    ("Комісії доведеться перерахувати 40 тисяч бюлетенів.", "uk", "remaining: votes перерахувати"),
    # guard: the votes themselves keep their measure
    ("Мельник отримав 4 тисячі голосів.", "uk", "vote_share"),
])
def test_round_21_a_frame_before_the_figure_says_what_it_means(text, lang, measure):
    assert [c.measure for c in _claims(text, lang=lang)] == [measure]


@pytest.mark.parametrize("text, lang, measure", [
    # the subject of a predicate of amount is what the share is of (past a noun of dimension)
    ("Кількість щеплених становить 9% від населення області.", "uk", "share: щеплений"),
    ("Частка безробітних у громаді становить 11%.", "uk", "share: безробітний"),
    # a relative opening the clause: the noun before the comma
    ("Лікарі оглянули 5 тисяч пацієнтів, що становить 40% від усіх хворих.", "uk", "share: пацієнт"),
    ("Число привитых составляет 9% от населения.", "ru", "share: население привить"),
])
def test_round_21_a_share_after_a_predicate_of_amount_is_its_subjects(text, lang, measure):
    assert [c.measure for c in _claims(text, lang=lang) if c.kind == "percent"] == [measure]


@pytest.mark.parametrize("text, lang, measure", [
    # «на N%» with a verb of change after it, or a verb of change before «на»: a change of the subject
    ("На 15% впала кількість відвідувачів музею.", "uk", "change: відвідувач"),
    ("Ціни на квитки знизилися на 4%.", "uk", "change: ціна"),
    ("На 15% снизилось число посетителей музея.", "ru", "change: посетитель"),
])
def test_round_21_a_change_by_a_share_is_not_a_level(text, lang, measure):
    c = _one(text, lang=lang)
    assert (c.measure, c.qualifier) == (measure, "change by")


def test_round_21_a_score_line_with_no_verb_takes_the_measure_before_it():
    text = "У Житомирі Мельник отримав 41%, а в Рівному – 38%."
    assert [c.measure for c in _claims(text, lang="uk")] == ["vote_share", "vote_share"]


@pytest.mark.parametrize("text, measure, unit", [
    # «члени» of a named body are its members, not experts; a mission's stay its experts
    ("До складу колегії входять 9 членів.", "members: колегія", "people"),
    ("Правління складається з 7 членів.", "members: правління", "people"),
    ("Від кожної області призначаються по два члени комісії.", "members: комісія", "people"),
    ("На місце прибули 5 членів місії.", "experts прибути", "experts"),
    # «штати» counted are places of a kind, not the staff «штат» can mean in the singular
    ("Голосування пройшло у 9 штатах.", "штат", "штат"),
])
def test_round_21_a_nouns_sense_by_its_construction(text, measure, unit):
    c = _one(text, lang="uk")
    assert (c.measure, c.unit) == (measure, unit)


@pytest.mark.parametrize("text, lang, measures", [
    # a share in brackets right after a count is a share of the same thing
    ("Петренко набрав 1,2 млн голосів (38,5%).", "uk", ["vote_share", "vote_share"]),
    ("Senator Hale won 1.2 million votes (38.5%).", "en", ["vote_share", "vote_share"]),
    ("У селищі живуть 4 тисячі людей (12%).", "uk", ["population", "share: population"]),
])
def test_round_21_a_share_in_brackets_after_a_count(text, lang, measures):
    assert [c.measure for c in _claims(text, lang=lang)] == measures


@pytest.mark.parametrize("text, lang, measures", [
    # a noun of dimension is named by what it measures; a second span with no verb keeps the first's measure
    ("Тривалість стажування складає 2 роки для лікарів і 3 роки для хірургів.", "uk",
     ["duration: стажування", "duration: стажування"]),
    ("Розмір премії становить 20 тисяч гривень.", "uk", ["money: премія"]),
    ("Рівень безробіття в області становить 8%.", "uk", ["share: безробіття"]),
    # a count after a predicate of amount whose subject is a noun of quantity counts that noun's genitive
    ("Кількість хворих на кір у місті становить 312 людей.", "uk", ["patients"]),
    ("Число больных корью в городе составляет 312 человек.", "ru", ["patients"]),
])
def test_round_21_a_noun_of_dimension_is_named_by_what_it_measures(text, lang, measures):
    assert [c.measure for c in _claims(text, lang=lang)] == measures


@pytest.mark.parametrize("text, lang, measure", [
    # a common noun before «на N» / a span's «у N» is what the figure is the size of
    ("Місто зробило замовлення на 40 тисяч доз.", "uk", "доза замовлення"),
    ("Фермер узяв товар у кредит на 30 днів.", "uk", "duration: кредит"),
    ("Щеплення роблять з інтервалом у 21 день.", "uk", "duration: інтервал"),
    # a span after a verb of lasting is its subject's, a relative's antecedent; «з» after a span is "from"
    ("Перехідний етап, який триватиме 4 роки з моменту підписання, почнеться.", "uk", "duration: етап"),
    ("Переходный этап продлится 4 года с момента подписания.", "ru", "duration: этап"),
])
def test_round_21_the_noun_a_figure_is_the_size_of(text, lang, measure):
    assert [c.measure for c in _claims(text, lang=lang)] == [measure]


@pytest.mark.parametrize("text, lang, kind, measure", [
    # «кожні N років» is a frequency, as "every two years" is
    ("Кожні три роки громада обирає старосту.", "uk", "ratio", "one in: рік"),
    # a genitive singular noun after «N року» names what the year is of
    ("Поліція затримала водія 1987 року народження.", "uk", "date", "date: народження"),
    # a time is no subject of the verb a date is named after
    ("Перша з березня 2019 року працює в лікарні.", "uk", "date", "date: працювати"),
])
def test_round_21_frequencies_and_years_of_a_noun(text, lang, kind, measure):
    c = _one(text, lang=lang)
    assert (c.kind, c.measure) == (kind, measure)


@pytest.mark.parametrize("text, lang, measure", [
    # a bare number after a predicate of amount or level whose subject is a noun of quantity counts its genitive
    ("Загальна кількість щеплених у громаді становить 1 200.", "uk", "vaccinated"),  # (round 23: a measure)
    ("Кількість загиблих у регіоні сягнула 25.", "uk", "killed"),
    ("Общее число пострадавших составляет 40.", "ru", "injured"),
])
def test_round_21_a_bare_number_after_a_quantity_nouns_predicate(text, lang, measure):
    assert [c.measure for c in _claims(text, lang=lang)] == [measure]


def test_round_21_a_copula_names_no_amount():
    assert _claims("Кількість щеплених була 1 200.", lang="uk") == []


@pytest.mark.parametrize("text, measure", [
    # a date's subject is the clause's: the first noun that can be nominative and follows no preposition, no time word
    ("Дослідник повідомив, що пілотний етап з урахуванням затримок у МОЗ розпочнеться у 2027 році.",
     "date: етап розпочатися"),
    ("На 2019 рік річна кількість заявок досягла 300.", "date: заявка досягти"),
    ("Нова програма була запущена у 2018 р.", "date: програма запустити"),
    # past a noun of dimension to what it measures
    ("Загальний обсяг допомоги громаді у 2016 році збільшився.", "date: допомога збільшитися"),
])
def test_round_21_a_dates_subject_without_a_parse(text, measure):
    assert [c.measure for c in _claims(text, lang="uk") if c.kind == "date"] == [measure]


# --- round 21 (Russian news beyond one topic) ------------------------------------------------------------


@pytest.mark.parametrize("text, values", [
    # an imperfective verb of change before «до» gives the level reached, as the perfective does
    ("Курс кроны к рублю опускался до 6,41 рубля.", [(6.41, None)]),
    # the parse finds the verb past «на N%»: the change, then the level reached
    ("Индекс снижался на 0,4% до 88,5 пункта.", [(0.4, None), (88.5, None)]),
    ("Пенсия повышалась до 9 тысяч рублей.", [(9000.0, None)]),
    # guard: «до» after another verb is still "up to"
    ("Фонд выделит до 3 млн рублей.", [(None, 3_000_000.0)]),
])
def test_round_21_imperfective_and_parsed_verbs_of_change_reach_a_level_ru(text, values):
    assert [(c.value, c.hi) for c in _claims(text, lang="ru")] == values


@pytest.mark.parametrize("text, qualifiers", [
    # a figure hanging from a verb of change by «на», wherever the verb stands, is the change
    ("Крона подешевела к рублю на 0,3%.", ["change by"]),
    ("Индекс снижался на 0,4% до 88,5 пункта.", ["change by", None]),
    ("Тариф на воду в Твери составляет 12%.", [None]),  # guard: no verb of change
])
def test_round_21_change_by_the_parse_ru(text, qualifiers):
    assert [c.qualifier for c in _claims(text, lang="ru")] == qualifiers


@pytest.mark.parametrize("text, lang, n", [
    ("По состоянию на 15.20 мск торги шли вяло.", "ru", 0),  # a time of day before a time zone
    ("Это уже третья авария на шахте за пять дней.", "ru", 0),  # the span an ordinal is counted over
    ("Вторая бригада работала на шахте в течение пяти дней.", "ru", 1),  # guard: the span is the verb's, no window
])
def test_round_21_times_of_day_and_ordinal_windows_are_no_claims_ru(text, lang, n):
    assert len(_claims(text, lang=lang)) == n


@pytest.mark.parametrize("text, lang, n", [
    # a genitive singular after a number that takes none (1, 5…; only 2-4 do) is the label's owner
    ("Согласно части 1 статьи 12 устава, совет собирается ежегодно.", "ru", 0),
    ("Суд сослался на пункт (б) части 1 прежней статьи 40 кодекса.", "ru", 0),
    ("В отчете 2 статьи закона.", "ru", 1),  # guard: 2 takes the genitive singular, a count
    # a dateline's abbreviated month
    ("ТВЕРЬ, 14 авг НОВОСТИ.", "ru", 0),
])
def test_round_21_labels_with_an_owner_and_abbreviated_months_ru(text, lang, n):
    assert len(_claims(text, lang=lang)) == n


@pytest.mark.parametrize("text, measure", [
    # an event noun without a regular ending names what happened to the counted noun
    ("Рубль подешевел после отставки трех министров.", "officials уйти в отставку"),
    ("После ареста четырех активистов начались протесты.", "detained"),
])
def test_round_21_irregular_event_nouns_ru(text, measure):
    assert [c.measure for c in _claims(text, lang="ru") if c.kind == "count"] == [measure]


@pytest.mark.parametrize("text, lang, measures", [
    # an exchange rate («курс») is a price; the earlier value after «с» keeps the same measure
    ("Курс кроны к рублю снижался до 6,41 рубля с 6,52 рубля за крону.", "ru", ["price", "price"]),
    ("The lira fell to 4.12 dollars from 4.30 dollars.", "en", ["money: fall", "money: fall"]),
])
def test_round_21_an_exchange_rate_and_its_earlier_value(text, lang, measures):
    assert [c.measure for c in _claims(text, lang=lang)] == measures


@pytest.mark.parametrize("text, n", [
    # «на 100%» on a verb that is no verb of change says "fully": no share
    ("Мост был на 100% выведен из эксплуатации.", 0),
    ("Такой план не устроит на 100 процентов ни фермеров, ни торговцев.", 0),
    ("Тарифы выросли на 100%.", 1),  # guard: a change by a hundred percent
    ("Мост был на 90% выведен из эксплуатации.", 1),  # guard: a share below the whole
])
def test_round_21_a_hundred_percent_of_degree_is_no_claim_ru(text, n):
    assert len(_claims(text, lang="ru")) == n


@pytest.mark.parametrize("text, measure", [
    # a year with its own genitive event noun dates that event, not the clause's verb or the person
    ("Поджог совершил охранник Иван Шмидт 1994 года рождения.", "date: рождение"),
    ("Они купили дом 1950 года постройки.", "date: постройка"),
    ("Выборы 2017 года прошли спокойно.", "date: выборы"),  # guard: the year's noun before it
])
def test_round_21_a_years_own_event_noun_ru(text, measure):
    assert [c.measure for c in _claims(text, lang="ru")] == [measure]


@pytest.mark.parametrize("text, lang, units", [
    # an age given in days, weeks or months keeps that unit
    ("A foal aged 3 months was found.", "en", ["months"]),
    ("Щенки в возрасте от 2 недель до 3 месяцев.", "ru", ["weeks", "months"]),
    ("Мужчина в возрасте 40 лет умер.", "ru", ["years"]),  # guard
])
def test_round_21_an_age_in_weeks_or_months(text, lang, units):
    assert [c.unit for c in _claims(text, lang=lang) if c.kind == "age"] == units


def test_round_21_a_preposition_of_more_words_names_nothing_counted_ru():
    # «по сравнению с» (UD "fixed") is a preposition, not the thing a share is of
    text = "Доля выросла до 40% по сравнению с 35% годом ранее."
    assert [c.measure for c in _claims(text, lang="ru")] == ["share", "share"]


@pytest.mark.parametrize("text, n", [
    ("В долине живут фермеры, одни католики, а другие протестанты.", 0),  # the plural of «один» is "some"
    ("Погиб один человек.", 1),  # guard
])
def test_round_21_the_plural_of_one_is_a_pronoun_ru(text, n):
    assert len(_claims(text, lang="ru")) == n


@pytest.mark.parametrize("text, n", [
    ("Адрес: Бюро - улица Садовая, 10, Тверь.", 0),  # a house number after a street's name
    ("На улице Садовой 20 человек вышли на митинг.", 1),  # guard: a count with its noun
])
def test_round_21_a_house_number_is_no_claim_ru(text, n):
    assert len(_claims(text, lang="ru")) == n


@pytest.mark.parametrize("text, kinds", [
    # an age adjective on a noun of something that lasts is a duration, not an age
    ("Он получил 12-летний срок.", [("duration", "duration: срок")]),
    ("Школа обещала 11-летнее обучение.", [("duration", "duration: обучение")]),
    ("В Твери горел 100-летний дом.", [("age", "age")]),  # guard: a thing's own age
    ("Погибла 50-летняя женщина.", [("age", "age")]),  # guard: a person's age
])
def test_round_21_an_age_adjective_on_a_span_is_a_duration_ru(text, kinds):
    assert [(c.kind, c.measure) for c in _claims(text, lang="ru")] == kinds


@pytest.mark.parametrize("text, lang, lo", [
    ("Совет собирается, по меньшей мере, три раза в год.", "ru", 3.0),  # a hedge of more words set off by commas
    ("The board met at least, twice.", "en", 2.0),
])
def test_round_21_a_hedge_of_more_words_before_a_comma(text, lang, lo):
    assert [(c.value, c.lo) for c in _claims(text, lang=lang)] == [(None, lo)]


def test_round_21_a_one_word_hedge_before_a_comma_is_no_hedge():
    assert [(c.value, c.lo) for c in _claims("The match was over, 5 people died.", lang="en")] == [(5.0, None)]


@pytest.mark.parametrize("text, subject", [
    ("Сидоров, 44-летний бизнесмен, выступил на форуме.", "Сидоров"),  # a name the recogniser may miss
    ("Тверь, 40-летний мужчина погиб.", None),  # guard: a place before the comma is nobody
])
def test_round_21_an_apposed_ages_name_ru(text, subject):
    assert [c.subject for c in _claims(text, lang="ru") if c.kind == "age"] == [subject]


def test_tanks_are_tanks_not_dances_in_ukrainian():
    claim = _one("Оборонці знищили 3 танки.", lang="uk")
    assert (claim.kind, claim.measure) == ("count", "tanks destroyed")


# --- round 22: labels and names are not counts ------------------------------------------------------------


@pytest.mark.parametrize("text, lang", [
    ("Воїни 93 ОМБр відбили атаку на село.", "uk"),  # an abbreviation of a unit after its number
    ("Вночі 13 бригада швидкої отримала виклик.", "uk"),  # a nominative singular after 13: a name
    ("Боєць 114 бригади розповів про бій.", "uk"),  # a genitive singular after 114 (a count is «114 бригад»)
    ("Ми воюємо у складі 14 полку.", "uk"),
    ("Працює екіпаж, 3 механізований батальйон.", "uk"),  # past a participle
    ("Уже сегодня 5 бригаде передали машины.", "ru"),  # a dative singular after 5
    ("Кстати, в 68 полку служат добровольцы.", "ru"),
    ("Сбор открыт для бойцов из 137 бригады.", "ru"),  # (after 2-4 a genitive singular counts: «132 бригады»)
    ("Troops of the 101 Airborne Division were deployed.", "en"),  # a singular after 101
    ("Йому повідомили про підозру за частиною 2 статті 110.", "uk"),  # a part of an article, in its instrumental
    ("Ему предъявили обвинение по части 2 статьи 110.", "ru"),
])
def test_round_22_a_number_naming_a_unit_or_a_part_of_a_code_is_no_claim(text, lang):
    assert _claims(text, lang=lang) == []


@pytest.mark.parametrize("text, lang, value", [
    ("Працюють 102 бригади енергетиків.", "uk", 102.0),  # after 2-4 a plural: a count of crews
    ("Передача розрахована на 8 бригад.", "uk", 8.0),  # a genitive plural
    ("У 5 бригадах не вистачає людей.", "uk", 5.0),  # a plural in an oblique case
    ("Можно собрать 10 бригад.", "ru", 10.0),
    ("В 21 бригаду прибыли новобранцы.", "ru", 21.0),  # after a number ending in one a singular counts
    ("The army sent 3 brigades to the border.", "en", 3.0),
])
def test_round_22_a_count_of_units_stays(text, lang, value):
    assert [c.value for c in _claims(text, lang=lang)] == [value]


@pytest.mark.parametrize("text, lang, measures", [
    ("Кандидат переміг у 24 штатах, його суперник — у 20.", "uk", ["штат", "штат"]),  # an elided count of states
    ("Кандидат виграв 29 штатів, а його суперник — 21.", "uk", ["штат", "штат"]),
    ("Кількість штатів, де переміг кандидат, — 25.", "uk", ["штат"]),  # a quantity noun's plural states
    ("Кандидат победил в 24 штатах, его соперник — в 20.", "ru", ["штат", "штат"]),
    ("Штат компанії налічує 300 працівників.", "uk", ["members"]),  # guard: the singular is the staff
])
def test_round_22_a_plural_of_state_counts_states_not_staff(text, lang, measures):
    assert [c.measure for c in _claims(text, lang=lang)] == measures


# --- round 22: a closing dash names the source -------------------------------------------------------------


@pytest.mark.parametrize("text, lang, by", [
    ("Росія випустила 40 ракет. — пише Financial Times", "uk", "Financial Times"),  # after the full stop, a verb
    ("Ворог втратив 900 солдатів за добу. – Генштаб ЗСУ", "uk", "Генштаб ЗСУ"),  # a name the recogniser left unclassed
    ("Сбито 30 дронов — Минобороны России", "ru", "Минобороны России"),  # a headline: no comma, the line's end
    ("Загинули 5 людей, — повідомляє голова ОВА Олег Синєгубов.", "uk", "голова ОВА Олег Синєгубов"),  # as without
    # the dash
])
def test_round_22_a_closing_dash_names_the_source(text, lang, by):
    assert [c.by for c in _claims(text, lang=lang)] == [by]


def test_round_22_a_name_on_its_own_line_after_a_dash_signs_the_line_before():
    text = "Ночью сбито 30 дронов.\n— Минобороны России\nОбстановка спокойная."
    doc = _doc(text, lang="ru")
    doc.sentences = [Sentence(0, 22, 0), Sentence(23, 42, 0), Sentence(43, len(text), 0)]
    assert [c.by for c in extract_claims(doc)] == ["Минобороны России"]


@pytest.mark.parametrize("text, lang", [
    ("Награждены 3 человека:\n— Иван Петров\n— Сергей Иванов", "ru"),  # a list, not a sign-off
    ("The storm killed 12 people - the worst toll in years.", "en"),  # an aside
    ("Погибли 3 человека — Иван Петров и его соседи.", "ru"),  # a dash inside running text, no line's end after
])
def test_round_22_a_dash_before_a_list_or_an_aside_names_no_source(text, lang):
    assert [c.by for c in _claims(text, lang=lang)] == [None]


def test_round_22_a_part_of_an_article_abbreviated_is_no_claim_after_cleaning():
    raw = RawDocument(origin="t.txt", text="Справу відкрито за ч. 2 ст. 111 ККУ, затримано 3 людей.", format="txt",
                      manifest={"language": "uk"})
    assert [c.value for c in extract_claims(clean_document(raw, CleanSettings()))] == [3.0]


@pytest.mark.parametrize("text, lang, values", [
    ("Німеччина передала 10 танків Leopard 2 Україні.", "uk", [10.0]),  # a model's number in a Latin name
    ("Відкрито збір на Mavic 3 для піхоти.", "uk", []),
    ("За даними Reuters 5 людей загинули.", "uk", [5.0]),  # guard: a count after a Latin name
    ("Це вже 5 пакет допомоги від партнерів.", "uk", []),  # a numbered package: a nominative singular after 5
    ("Уряд ухвалив 2 пакети допомоги.", "uk", [2.0]),  # guard: a count of packages
])
def test_round_22_a_model_or_numbered_package_is_no_count(text, lang, values):
    assert [c.value for c in _claims(text, lang=lang)] == values


def test_round_22_a_paragraphs_last_words_after_a_dash_are_no_source():
    assert [c.by for c in _claims("The flood killed 12 people — among them Maria Lopez", lang="en")] == [None]


# --- round 22: the clause's predicate carried to the figure ----------------------------------------------


@pytest.mark.parametrize("text, lang, measure", [
    # a verb of showing before a complement clause frames the share; the complement's adjective says it
    ("Опитування показало, що 65% пенсіонерів згодні з планом.", "uk", "share: пенсіонер згодний"),
    ("Опитування показало, що 65% пенсіонерів не згодні з планом.", "uk", "share: not пенсіонер згодний"),
    ("Ще 20% опитаних не готові переїхати.", "uk", "share: not опитаний готовий переїхати"),
    ("Не готові — 56% респондентів.", "uk", "share: not респондент готовий"),  # the adjective before a dash
])
def test_round_22_a_shares_adjective_predicate_uk(text, lang, measure):
    assert [c.measure for c in _claims(text, lang=lang)] == [measure]


@pytest.mark.parametrize("text, lang, measure", [
    ("Хвилюються 78 відсотків опитаних.", "uk", "share: опитаний хвилюватися"),  # the whole in the genitive
    ("55% – вважають по-іншому.", "uk", "share: вважати"),  # a verb of opinion names what a share thinks
    ("Опрос показал, что 65% фермеров не согласны с планом.", "ru", "share: not фермер согласный"),
    ("Волнуются 78 процентов опрошенных.", "ru", "share: волноваться"),  # the participle is the whole, no verb
    ("Ее считают лучшим врачом 35% опрошенных.", "ru", "share: опросить"),  # and names a share with no verb
    ("About 40% of voters think the plan is bad.", "en", "share: voter think"),
    ("Smith: I '100 percent' still believe the hearings are a show.", "en", "share"),  # guard: no share thinks
    ("A poll found that 40% of farmers do not support the plan.", "en", "share: not farmer support plan"),
])
def test_round_22_a_shares_verb_with_its_negation(text, lang, measure):
    assert [c.measure for c in _claims(text, lang=lang)] == [measure]


@pytest.mark.parametrize("text, lang, measure", [
    ("Компанія оголосила про ефективність препарату в 90%.", "uk", "share: ефективність"),
    ("Компания объявила об эффективности препарата в 90%.", "ru", "share: эффективность"),
    ("У місті в 90% випадків світло є.", "uk", "share: випадок"),  # guard: the share's own noun after it
])
def test_round_22_a_share_joined_to_its_noun_by_a_preposition(text, lang, measure):
    assert [c.measure for c in _claims(text, lang=lang)] == [measure]


@pytest.mark.parametrize("text, lang, measure", [
    ("40% жителів не мають води.", "uk", "share: without"),  # guard: a lack stays a lack
    ("Половина опитаних не підтримують план.", "uk", "share: not опитаний підтримувати"),  # an opinion, no lack
])
def test_round_22_a_negation_is_a_lack_only_before_having(text, lang, measure):
    assert [c.measure.split()[:2] for c in _claims(text, lang=lang)] == [measure.split()[:2]]


@pytest.mark.parametrize("text, measures", [
    ("Відремонтовано: 5 мостів, 12 доріг.", ["мости відремонтувати", "дорога відремонтувати"]),
    ("За добу знищено 12 танків, 3 літаки та 40 окупантів.", ["tanks destroyed", "aircraft destroyed", "killed"]),
])
def test_round_22_items_of_a_list_take_its_verb_uk(text, measures):
    assert [c.measure for c in _claims(text, lang="uk")] == measures


def test_round_22_items_after_a_headers_colon_take_its_verb_ru():
    # the parser leaves the first item without a head: the verb before the colon still heads the list
    assert [c.measure for c in _claims("Погибли: 12 военных, 3 мирных жителя.", lang="ru")] == ["killed", "killed"]


@pytest.mark.parametrize("text, lang, measure", [
    ("До кінця року плануємо запустити 27 нових шахт.", "uk", "target: шахта"),
    ("Міністерство планує виділити 80 млн гривень на ремонт.", "uk", "target: money: ремонт"),
    ("Уряд має намір відремонтувати 40 мостів.", "uk", "target: мости"),
    ("Планируется потратить 1,7 млн рублей на ремонт.", "ru", "target: money: ремонт"),
])
def test_round_22_a_planned_figure_is_a_target(text, lang, measure):
    assert [c.measure for c in _claims(text, lang=lang)] == [measure]


# --- round 22: places referred back, headings, list members and owners --------------------------------


@pytest.mark.parametrize("text, lang, where", [
    ("Харків знову під обстрілом. У цьому місті загинули троє людей.", "uk", "Харків"),
    ("Харьков снова под обстрелом. В этом городе погибли три человека.", "ru", "Харьков"),
    ("Байден переміг у Джорджії. У цьому штаті він отримав 50% голосів.", "uk", "Джорджії"),
    ("Байден победил в Джорджии. В этом штате он получил 50% голосов.", "ru", "Джорджии"),
])
def test_round_22_a_place_noun_after_a_demonstrative_refers_back(text, lang, where):
    assert [c.where for c in _claims(text, lang=lang)] == [where]


@pytest.mark.parametrize("text, lang, where", [
    ("Ми були в Харкові. Тут загинули троє людей.", "uk", "Харкові"),
    ("Петренко був у Києві. Там загинули троє людей.", "uk", "Києві"),
    ("Мы приехали в Харьков. Здесь погибли три человека.", "ru", "Харьков"),
    ("Ми були в Харкові. Тут же загинули троє людей.", "uk", None),  # guard: «тут же» is "at once"
    ("We were in Kharkiv. There, three people were killed.", "en", None),  # English "there" is left alone: on the
    # event corpora it pointed at a river, a country or a comparison's place in five of five changes
])
def test_round_22_an_adverb_of_place_refers_back(text, lang, where):
    assert [c.where for c in _claims(text, lang=lang)] == [where]


@pytest.mark.parametrize("text, lang, places", [
    ("В Джорджии (16 голосов) Байден выиграл с перевесом в 8%, в Айове (6) – 7%.", "ru",
     ["Джорджии", "Джорджии", "Айове"]),
    ("В Харькове погибли 5 человек, в Одессе – 3, в Киеве – 2.", "ru", ["Харькове", "Одессе", "Киеве"]),
    ("Biden leads in Georgia (16 votes) by 8%, in Iowa (6) by 7%.", "en", ["Georgia", "Georgia", "Iowa"]),
    ("В Харькове погибли 5 человек и 3 в Одессе.", "ru", ["Харькове", "Одессе"]),  # guard: its own place after it
])
def test_round_22_each_figure_of_a_list_takes_its_own_members_place(text, lang, places):
    assert [c.where for c in _claims(text, lang=lang)] == places


@pytest.mark.parametrize("text, lang, where", [
    ("Населення України скоротилося на 5 мільйонів.", "uk", "України"),
    ("Економіка Росії зросла на 2%.", "uk", "Росії"),  # (the recogniser takes «Економіка Росії» for a person)
    ("Население России сократилось на 5 миллионов.", "ru", "России"),
    ("Ми були у Львові. Бюджет міста становить 5 мільярдів гривень.", "uk", "Львові"),
    ("The economy of Russia grew by 2%.", "en", "Russia"),
    ("Guam, an island territory of the US, is home to some 170,000 people.", "en", "Guam"),  # guard: a territory is
    # the place itself, not owned by one
])
def test_round_22_the_place_that_owns_what_is_counted(text, lang, where):
    assert [c.where for c in _claims(text, lang=lang)] == [where]


def test_round_22_a_heading_place_scopes_the_lines_after_it():
    text = ("Байден переміг у Пенсильванії та на Алясці.\nПенсильванія\nБайден отримав 49,8% голосів.\n"
            "Трамп отримав 48,9% голосів.\nШтат Вісконсин\nБайден отримав 49,4% голосів.\n"
            "Аляска: Трамп отримав 52% голосів.\nЗагалом проголосували 150 мільйонів людей.")
    assert [c.where for c in _claims(text, lang="uk")] == ["Пенсильванія", "Пенсильванія", "Вісконсин", "Аляска", None]
    text = "Results in the states\nAlaska:\nTrump won 52 percent of the vote.\nSeen across the country\nTurnout was 66 percent."
    assert [c.where for c in _claims(text, lang="en")] == ["Alaska", None]


@pytest.mark.parametrize("text, lang, places", [
    ("Один житель Алешек и один житель Тарасовки получили ранения.", "ru", ["Алешек", "Тарасовки"]),  # its own noun's
    ("Він отримав 190 тисяч гривень від громадянина України Петренка.", "uk", [None]),  # a nationality, no scope
])
def test_round_22_people_named_by_their_place_only_as_the_counted_noun(text, lang, places):
    assert [c.where for c in _claims(text, lang=lang)] == places


def test_round_22_guards_of_headings_and_adverbs():
    text = "Облігації міст\nЯлта\nСімферополь\nЧому варто купувати\n0% комісії при покупці облігацій."
    assert [c.where for c in _claims(text, lang="uk")] == [None]  # place lines one after another: a list
    text = ("Новини дня\nЛондон: Уряд у понеділок оголосив, що " + "переговори тривають і тривають, " * 5
            + "а 300 депутатів проголосували за план.")
    assert [c.where for c in _claims(text, lang="uk")] == [None]  # a dateline opening a long paragraph
    text = "Уламки ракети РФ впали в Деснянському районі Києва. Там загинуло три особи."
    assert [c.where for c in _claims(text, lang="uk")] != ["РФ"]  # only a place after a place preposition


def test_round_22_a_place_line_after_a_line_of_names_is_a_lists_member():
    text = "Облігації міст\nНова Каховка\nСімферополь\n\nЧому варто купувати?\n0% комісії при покупці облігацій."
    assert [c.where for c in _claims(text, lang="uk")] == [None]


@pytest.mark.parametrize("text, lang", [
    ("Уряд зустрівся у Варшаві. До парламенту входять 700 депутатів, розподілених між країнами пропорційно населенню "
     "в цих державах.", "uk"),  # a plural demonstrative points to a set of places
    ("Повреждены 8 домов в районе\nрайоне Макеевки, а также\n4 объекта инфраструктуры.", "ru"),  # a broken line, no heading
])
def test_round_22_guards_of_plural_demonstratives_and_broken_lines(text, lang):
    assert [c.where for c in _claims(text, lang=lang)][-1] is None


def test_round_22_this_state_is_no_country_named_after_a_preposition():
    text = "Вибори у США тривають. Байден виступив у Джорджії і в США. У цьому штаті він отримав 50% голосів."
    assert [c.where for c in _claims(text, lang="uk")] == ["Джорджії"]


# --- round 23: tallies, margins, thresholds and bounds are not levels ---------------------------------------------


@pytest.mark.parametrize("text, lang, measures", [
    # a lead over the other side, and how far the count has got: neither is votes won
    ("Smith leads by 20,000 votes with 98% of the vote counted.", "en", ["margin: vote_share", "progress: vote_share"]),
    ("Smith won by a margin of 12,000 votes.", "en", ["margin: vote_share"]),
    ("Smith holds a 20,000-vote lead in the state.", "en", ["margin: vote_share"]),
    ("Smith's lead grew to 3 points.", "en", ["margin: points"]),
    ("Смит получил 3% перевеса.", "ru", ["margin: share"]),
    ("With 95% of precincts reporting, Smith had 52% of the vote.", "en", ["progress: vote_share", "vote_share"]),
    ("После обработки 98% бюллетеней Смит набирает 52% голосов.", "ru", ["progress: vote_share", "vote_share"]),
    ("Після обробки 95% бюлетенів Коваль набирає 41% голосів.", "uk", ["progress: vote_share", "vote_share"]),
    ("Підраховано 95% протоколів.", "uk", ["progress: протокол"]),
    ("Переміг з відривом у 3%.", "uk", ["margin: share"]),
    # what is needed to win or to enter: a threshold
    ("A candidate needs 270 electoral votes to win.", "en", ["needed: vote_share"]),
    ("Parties need 5% of the vote to enter parliament.", "en", ["needed: vote_share"]),
    ("The party cleared the 5% threshold.", "en", ["needed: share"]),
    ("Проходной барьер составляет 5%.", "ru", ["needed: share"]),
    ("Прохідний бар'єр становить 5%.", "uk", ["needed: share"]),
    # a recount, and a place's votes at stake in a round-up line
    ("The recount of 40,000 votes began on Monday.", "en", ["recount: vote_share"]),
    ("Ohio, with 18 electoral votes, was called for Smith.", "en", ["stake: vote_share"]),
    ("Огайо — 18 голосов выборщиков.", "ru", ["stake: vote_share"]),
    # guards: votes won, a score, a share of respondents, money transferred, a need that is another's
    ("Smith leads in Ohio with 51% of the vote.", "en", ["vote_share"]),
    ("Smith took the lead in Ohio with 50.1% of the vote.", "en", ["vote_share"]),
    ("The plant produced 20 per cent of the country's electricity needs.", "en", ["produced"]),  # a noun, no need
    ("The plant covers 30 percent of its energy needs.", "en", ["share: need cover"]),
    ("The motion was won by 300 votes to 200.", "en", ["vote_share"]),
    ("About 96% of respondents reported symptoms.", "en", ["share: respondent"]),
    ("Смит выиграл Огайо — 18 голосов выборщиков.", "ru", ["vote_share"]),
    ("Фонд має перерахувати 40 тисяч гривень.", "uk", ["money: перерахувати"]),
    # a running count's imperfective verb of getting votes is votes won, as its perfective is
    ("За даними комісії, Коваль набирає 41%.", "uk", ["vote_share"]),
    # a frame is read after the figure before, but the two ends of a pair share it; a level's own noun stays
    ("Заплатить за такой трюк придется от $2000 до $3000.", "ru", ["remaining: money заплатить"] * 2),
    ("Для запуску потрібно досягти показник в 90%.", "uk", ["needed: share: показник"]),
])
def test_round_23_margins_progress_thresholds_and_stakes_are_not_votes_won(text, lang, measures):
    assert [c.measure for c in _claims(text, lang=lang)] == measures


@pytest.mark.parametrize("text, lang", [
    ("Vaccines are available to everyone aged 18 and over.", "en"),
    ("Вакцинироваться могут граждане старше 18 лет.", "ru"),
    ("Запрещен выезд мужчин от 18 до 60 лет.", "ru"),
    ("Вакцинуватися можуть громадяни віком від 18 років.", "uk"),
    ("Діти молодше 12 років не можуть щепитися.", "uk"),
    ("На службу призиватимуть чоловіків віком від 18 до 30 років.", "uk"),
    ("Людям старше 80 лет вакцину вводят в первую очередь.", "ru"),  # a noun after the years: still a bound
])
def test_round_23_an_age_that_bounds_a_group_is_no_claim(text, lang):
    assert [(c.text, c.kind) for c in _claims(text, lang=lang)] == []


@pytest.mark.parametrize("text, lang, subgroup", [
    ("About 12% of people over 65 are vaccinated.", "en", "age 65+"),
    ("Some 3,000 people over 65 have died.", "en", "age 65+"),
    ("Those under 18 make up 7% of the crowd.", "en", None),  # the bound opens the clause: no figure before it
    ("Вакцину получили 40% жителей старше 60 лет.", "ru", "age 60+"),
    ("Щеплення отримали 40% людей старше 60 років.", "uk", "age 60+"),
    ("Призвали 5 тисяч чоловіків віком від 18 до 30 років.", "uk", "age 18-30"),
])
def test_round_23_an_age_bound_is_the_subgroup_of_the_figure_it_bounds(text, lang, subgroup):
    claims = _claims(text, lang=lang)
    assert [c.subgroup for c in claims] == [subgroup]


@pytest.mark.parametrize("text, lang, kind", [
    ("Суд засудив Петренка до 13 років позбавлення волі.", "uk", "duration"),  # one person, and a span of a sentence
    ("Суд приговорил женщину до 12 лет тюрьмы.", "ru", "duration"),
    ("Victims aged 19 to 27 were identified.", "en", "age"),  # the ages of those named, not a bound
    ("He shelled the villages over 3 days.", "en", "duration"),
    ("Договор ограничил число ее членов до одного от каждого государства.", "ru", "count"),  # no word of years
])
def test_round_23_guards_of_age_bounds(text, lang, kind):
    assert [c.kind for c in _claims(text, lang=lang)] == [kind]


def test_round_23_and_over_before_a_number_is_a_hedge_not_an_age_bound():
    text = "Over 200 people were killed and 65 and over 100 injured."
    assert [c.measure for c in _claims(text, lang="en")] == ["killed", "injured", "injured"]


def test_round_23_a_group_bound_before_a_share_leaves_the_share():
    claims = _claims("Серед людей віком від 60 років смертність становить 8%.", lang="uk")
    assert [(c.text, c.kind) for c in claims] == [("8", "percent")]


# --- round 23: the counted thing's own predicate, and changes that are no years ------------------------------------


@pytest.mark.parametrize("text, lang, value, measure", [
    ("Кількість випадків зросла на 1200 за добу.", "uk", 1200, "infected"),  # the amount of a change
    ("Число заболевших выросло на 1200 за сутки.", "ru", 1200, "infected"),
    ("Cases rose by 1200 in a day.", "en", 1200, "infected"),
    ("The number of cases reached 1200.", "en", 1200, "infected"),  # a level reached
])
def test_round_23_a_four_digit_amount_of_a_change_is_no_year(text, lang, value, measure):
    claim = _one(text, lang=lang)
    assert (claim.kind, claim.value, claim.measure) == ("count", value, measure)


def test_round_23_a_year_after_a_change_keeps_its_context():
    text = "На 1988 рік річна кількість їх досягла 1009, а на 1997 рік — 4750."
    claims = _claims(text, lang="uk")
    assert 1009 not in [c.value for c in claims if c.kind == "date"]  # reached 1009: no year
    assert [c.value for c in claims if c.kind == "date"] == [1988, 1997]  # a year noun after: years
    assert [c.value for c in _claims("У 2016 році кількість випадків зросла на 300.", lang="uk") if c.kind == "date"] == [
        2016]
    assert "count" not in [c.kind for c in _claims("Emissions will be cut by 2030.", lang="en")]  # a deadline


@pytest.mark.parametrize("text, lang, measure", [
    ("Повідомляється про 660 ліквідованих окупантів.", "uk", "killed"),  # as «ліквідовано 660 окупантів»
    ("Відомо про двох загиблих та 9 травмованих людей.", "uk", "injured"),
    ("У лікарнях перебувають 300 госпіталізованих пацієнтів.", "uk", "injured"),
    ("Серед них 45 евакуйованих жителів.", "uk", "evacuated"),
    ("Відомо про 30 врятованих людей.", "uk", "rescued"),
    ("Окупанти втратили 12 знищених танків.", "uk", "tanks destroyed"),  # a thing: its own measure of the verb
])
def test_round_23_a_participle_before_the_counted_noun_says_what_happened(text, lang, measure):
    assert _claims(text, lang=lang)[-1].measure == measure


@pytest.mark.parametrize("text, lang, measure, subgroup", [
    ("Кількість знешкоджених окупантів сягнула 300 осіб.", "uk", "troops знешкодити", "troops"),  # not 300 `people`
    ("Кількість евакуйованих жителів зросла до 3 тисяч осіб.", "uk", "evacuated", None),
    ("Кількість госпіталізованих становить 120 осіб.", "uk", "injured", None),
    ("Число раненых достигло 45 человек.", "ru", "injured", None),
    ("Число освобожденных заложников достигло 12 человек.", "ru", "released", "prisoners"),
    ("The number of infected people reached 300.", "en", "infected", None),
    ("The number of evacuated residents rose to 3,000.", "en", "evacuated", None),
    ("The number of people killed rose to 45.", "en", "killed", None),
])
def test_round_23_the_number_of_x_reached_n_counts_x_and_what_happened_to_it(text, lang, measure, subgroup):
    claim = _one(text, lang=lang)
    assert (claim.measure, claim.subgroup) == (measure, subgroup)


@pytest.mark.parametrize("text, lang, measure", [
    ("За добу вакциновано 1500 осіб.", "uk", "vaccinated"),
    ("Відомо про 300 щеплених людей.", "uk", "vaccinated"),  # a participle before the noun, as the verb
    ("За сутки привиты 2300 человек.", "ru", "vaccinated"),  # a short participle
    ("About 1,500 people were vaccinated on Monday.", "en", "vaccinated"),
    ("Кількість одужалих сягнула 4500 осіб.", "uk", "recovered"),
    ("Число выздоровевших достигло 500 человек.", "ru", "recovered"),
    ("Число инфицированных достигло 800 человек.", "ru", "infected"),
    ("Кількість інфікованих сягнула 800 осіб.", "uk", "infected"),
])
def test_round_23_vaccinated_recovered_and_infected_are_measures(text, lang, measure):
    assert _one(text, lang=lang).measure == measure


@pytest.mark.parametrize("text, measures", [
    ("Відомо про понад 10 тисяч осіб, засуджених за корупцію.", ["prosecuted"]),  # an agreeing participle after
    ("Суд засудив 12 осіб, затриманих у травні.", ["prosecuted"]),  # the clause's own verb first
    ("Україна втратила вже понад 300 бібліотек, знищених окупантами.", ["бібліотека втратити"]),  # no known person
    ("Загиблих 12 осіб, поранених 30.", ["killed", "injured"]),  # an adjective for people right before a bare number
])
def test_round_23_ukrainian_participles_after_the_noun_and_before_a_bare_number(text, measures):
    assert [c.measure for c in _claims(text, lang="uk")] == measures


@pytest.mark.parametrize("text, measures", [
    ("Officials said two remaining reactors at the plant were disconnected from the grid.", ["reactors disconnect"]),
    ("The 2,975 number conflicts with the figures cited by officials.", ["conflict"]),  # "number" is no participle
    ("The number of armed men reached 300.", ["people"]),  # an adjective in -ed names a measure only
])
def test_round_23_guards_of_participles_that_say_nothing_happened(text, measures):
    assert [c.measure for c in _claims(text, lang="en")] == measures


# --- round 23 (lead): a verb of getting is a vote share only when the share is of no people ---------------------


@pytest.mark.parametrize("text, lang, measure", [
    ("So far 12% of adults in the county have received a booster.", "en", "share: adult receive booster"),
    ("Вакцину получили 40% жителей области.", "ru", "share: житель получить"),
    ("Щеплення отримали 35% мешканців міста.", "uk", "share: мешканець отримати"),
    ("Байден получил 49,6% голосов.", "ru", "vote_share"),
    ("Зеленський отримав 73% голосів виборців.", "uk", "vote_share"),
    ("Biden received 51% in Georgia.", "en", "vote_share"),
])
def test_round_23_a_verb_of_getting_names_a_vote_share_only_of_no_people(text, lang, measure):
    assert _one(text, lang=lang).measure == measure

