"""Dates and times: explicit and relative forms in en/ru/uk/kk/ro, anchoring, false hits, seeds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storylens.annotate.dates import document_anchor, find_dates, find_dates_in, to_timeml
from storylens.clean import clean_document
from storylens.config import CleanSettings, ReadSettings
from storylens.corpus import read_paths
from storylens.doc import DateMention, Document, RawDocument
from tests.conftest import shared_path

MON_10_JAN = date(2022, 1, 10)  # a Monday


def _dates(text: str, anchor: date | None = MON_10_JAN, language: str | None = None, **kw) -> dict[str, DateMention]:
    found = find_dates_in(text, anchor, language, **kw)
    for m in found:
        assert text[m.start:m.end] == m.text
    return {m.text: m for m in found}


def _value(text: str, phrase: str, **kw) -> str | None:
    found = _dates(text, **kw)
    assert phrase in found, f"{phrase!r} not found in {sorted(found)}"
    return found[phrase].value


# --- explicit dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The talks opened on 9 January 2022 in Geneva.", "9 January 2022", "2022-01-09"),
        ("The talks opened on Jan. 5, 2022 in Geneva.", "Jan. 5, 2022", "2022-01-05"),
        ("The report is dated 2022-01-10 and signed.", "2022-01-10", "2022-01-10"),
        ("The report is dated 10.01.2022 and signed.", "10.01.2022", "2022-01-10"),
        ("Posted 2022-01-10T18:05 by the editor.", "2022-01-10T18:05", "2022-01-10T18:05"),
        ("Prices were frozen in March 2019 by decree.", "March 2019", "2019-03"),
        ("The bank was founded in 1999 by a merger.", "1999", "1999"),
        ("It has not happened since 1999 at all.", "1999", "1999"),
        ("Она вернулась 10 января 2022 г. домой.", "10 января 2022 г.", "2022-01-10"),
        ("Указ подписан 10-го января и опубликован.", "10-го января", "2022-01-10"),
        ("Реформу начали в 2015 году.", "2015 году", "2015"),
        ("Заяву оприлюднили 5 січня 2022 р. увечері.", "5 січня 2022 р.", "2022-01-05"),
        ("Үкімет 2022 жылғы 5 қаңтарда отставкаға кетті.", "2022 жылғы 5 қаңтарда", "2022-01-05"),
        ("Жиын қаңтардың 5-і күні өтті.", "қаңтардың 5-і", "2022-01-05"),
        ("Шешім желтоқсанда қабылданды.", "желтоқсанда", "2021-12"),
        ("Protestele au început pe 2 ianuarie 2022 în vest.", "2 ianuarie 2022", "2022-01-02"),
        ("Guvernul a demisionat pe 5 ianuarie.", "5 ianuarie", "2022-01-05"),
    ],
)
def test_explicit_dates(text: str, phrase: str, value: str) -> None:
    assert _value(text, phrase) == value


def test_date_without_year_takes_the_nearest_plausible_year() -> None:
    # a January article: "December 30" is last December, "until January 19" this January
    found = _dates("Fighting began on December 30 and the curfew lasts until January 19.")
    assert found["December 30"].value == "2021-12-30" and found["December 30"].anchored
    assert found["January 19"].value == "2022-01-19"


def test_without_any_anchor_the_year_is_left_open() -> None:
    assert _value("They met on January 9th near the border.", "January 9th", anchor=None) == "XXXX-01-09"
    assert _value("They met on January 9th near the border.", "January 9th", anchor=None, year=2022) == "2022-01-09"


def test_weekday_before_a_date_picks_the_year_that_fits() -> None:
    # 6 January was a Thursday in 2022; with only the year 2021 known we still land on 2022
    m = _dates("On Thursday, January 6th, the border closed.", anchor=date(2021, 12, 20))["Thursday, January 6th"]
    assert m.value == "2022-01-06"


# --- relative expressions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("On Monday, troops were still in the city.", "Monday", "2022-01-10"),  # the anchor's own day
        ("In an address on Friday, he said so.", "Friday", "2022-01-07"),
        ("Shots were heard on Wednesday evening.", "Wednesday evening", "2022-01-05"),
        ("Shots were heard last night near the square.", "last night", "2022-01-09"),
        ("The ministry said yesterday that it was over.", "yesterday", "2022-01-09"),
        ("Today the markets reopened.", "Today", "2022-01-10"),
        ("The ministry reported three days ago that 5,000 were held.", "three days ago", "2022-01-07"),
        ("He will meet the envoy on Thursday in Moscow.", "Thursday", "2022-01-13"),  # future: next Thursday
        ("Вчера власти сообщили о задержаниях.", "Вчера", "2022-01-09"),
        ("Президент выступил в среду вечером.", "среду вечером", "2022-01-05"),
        ("Сегодня объявлен траур.", "Сегодня", "2022-01-10"),
        ("Учора міністерство повідомило про це.", "Учора", "2022-01-09"),
        ("Кеше түнде атыс болды.", "Кеше", "2022-01-09"),
        ("Ieri guvernul a anunțat măsuri.", "Ieri", "2022-01-09"),
        ("Joi a fost anunțată starea de urgență.", "Joi", "2022-01-06"),
    ],
)
def test_relative_days(text: str, phrase: str, value: str) -> None:
    m = _dates(text)[phrase]
    assert m.value == value and m.anchored


def test_future_and_story_relative_forms() -> None:
    found = _dates("Talks resume this coming Sunday; two days later the envoy left.")
    assert found["this coming Sunday"].value == "2022-01-16"
    later = found["two days later"]  # counted from the story's own events: found, not placed
    assert later.value is None and later.lo is None


def test_a_time_alone_takes_the_day_named_before_it() -> None:
    found = _dates("On January 5 the airport fell at 7:15 p.m. local time. Police left at 9 p.m.")
    assert found["7:15 p.m."].value == "2022-01-05T19:15"
    assert found["9 p.m."].value == "2022-01-10T21:00"  # new sentence: the anchor's day


def test_as_of_january_9th() -> None:
    m = _dates("As of January 9th, the ministry had counted the detainees.")["January 9th"]
    assert m.value == "2022-01-09" and m.anchored


@pytest.mark.parametrize(
    ("text", "phrase", "lo", "hi"),
    [
        ("Protests spread this week across the west.", "this week", "2022-01-10", "2022-01-16"),
        ("Protests spread last week across the west.", "last week", "2022-01-03", "2022-01-09"),
        ("Протесты начались на прошлой неделе в Жанаозене.", "на прошлой неделе", "2022-01-03", "2022-01-09"),
        ("Prices rose earlier this year in the region.", "earlier this year", "2022-01-01", "2022-01-10"),
        ("Protests ran January 2-5 in the west.", "January 2-5", "2022-01-02", "2022-01-05"),
        ("Protests ran from January 2 to 10 in the west.", "January 2 to 10", "2022-01-02", "2022-01-10"),
        ("Talks ran from January 2 to January 10 in Geneva.", "from January 2 to January 10", "2022-01-02", "2022-01-10"),
        ("Протесты шли 4-5 января в городах.", "4-5 января", "2022-01-04", "2022-01-05"),
        ("Oil output fell between 2015 and 2019 sharply.", "between 2015 and 2019", "2015", "2019"),
        ("The bridge opened a few months ago downtown.", "a few months ago", "2021-04", "2021-11"),
    ],
)
def test_ranges(text: str, phrase: str, lo: str, hi: str) -> None:
    m = _dates(text)[phrase]
    assert (m.value, m.lo, m.hi) == (None, lo, hi)


def test_relative_expressions_without_an_anchor_are_found_but_not_placed() -> None:
    m = _dates("Shots were heard last night near the square.", anchor=None)["last night"]
    assert m.value is None and m.lo is None and not m.anchored


def test_times_join_their_dates() -> None:
    assert _value("Posted 10 января 2022 г., 18:05 на сайте.", "10 января 2022 г., 18:05", language="ru") == \
        "2022-01-10T18:05"
    assert _value("They left yesterday at 5 p.m. for Almaty.", "yesterday at 5 p.m.") == "2022-01-09T17:00"


# --- false hits -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Birth rates held steady (2.6-2.9 per woman) for years.",
        "Our club ranks 25 in the league table.",
        "About 19 million people live there.",
        "Step 0: install the tools first.",
        "A litre cost 60 tenge ($0.14) at the pump.",
        "We left early, as we had planned.",
        "They sat in the sun all afternoon.",
        "You may go now, the march is over.",
        "About 2000 people and 1500 troops gathered.",
        "Call +7 701 123 45 67 or pay with 4111 1111 1111 1111.",
        "Au venit mai mulți oameni decât luni de zile înainte.",
        "The Sun 5 times ran the story; the march on the 5th floor.",
    ],
)
def test_false_hits(text: str) -> None:
    assert find_dates_in(text, MON_10_JAN, None) == []


def test_may_is_a_month_only_when_the_grammar_says_so() -> None:
    found = _dates("You may recall that in May and on May 5 the rallies grew.")
    assert set(found) == {"May", "May 5"}
    assert found["May 5"].value == "2022-05-05"


# --- documents and TimeML view --------------------------------------------------------------


def _doc(text: str, **meta: str) -> Document:
    return Document(id="t", origin="t", format="txt", raw_text=text, text=text, meta=dict(meta))


def test_document_anchor_rules() -> None:
    assert document_anchor(_doc("x", published="2022-01-10T23:26")) == (date(2022, 1, 10), 2022)
    assert document_anchor(_doc("x", published="Mon, 10 Jan 2022 18:05:00 GMT"))[0] == date(2022, 1, 10)
    # no published date: a dateline at the top, else the latest year the text states
    assert document_anchor(_doc("By A. Writer | 12.01.2022, 09:15\nText."))[0] == date(2022, 1, 12)
    assert document_anchor(_doc("It began in 2015; in 2019 and in 2022 it came back.")) == (None, 2022)
    assert document_anchor(_doc("Nothing dated here.")) == (None, None)


def test_to_timeml() -> None:
    week = DateMention(0, 1, "x", lo="2022-01-03", hi="2022-01-09")
    assert to_timeml(week) == "2022-W01"
    assert to_timeml(DateMention(0, 1, "x", lo="1990", hi="1999")) == "199"
    assert to_timeml(DateMention(0, 1, "x", lo="1989-07-01", hi="1989-09-30")) == "1989-Q3"
    assert to_timeml(DateMention(0, 1, "x", value="2022-01-10")) == "2022-01-10"


# --- acceptance: seeds and the demo corpus ---------------------------------------------------


def _clean_all(path: Path) -> dict[str, Document]:
    docs = {}
    for raw in read_paths([path], ReadSettings()):
        if isinstance(raw, RawDocument):
            doc = clean_document(raw, CleanSettings())
            docs[Path(doc.origin.split("#")[0]).name] = doc
    return docs


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    return _clean_all(shared_path("seeds"))


@pytest.fixture(scope="module")
def demo() -> dict[str, Document]:
    from tests.conftest import EXAMPLES

    return _clean_all(EXAMPLES)


def _seed(seeds: dict[str, Document], prefix: str) -> Document:
    return next(doc for name, doc in seeds.items() if name.startswith(prefix))


def _mention(doc: Document, phrase: str, context: str | None = None) -> DateMention:
    """The mention whose text is ``phrase``; ``context`` (a few words around it) picks one of several."""
    for m in find_dates(doc):
        if m.text == phrase and (context is None or context in doc.text[max(0, m.start - 60):m.end + 60]):
            return m
    raise AssertionError(f"no date mention {phrase!r} in {doc.origin}")


def test_seed_002_january_2_and_on_monday(seeds) -> None:
    doc = _seed(seeds, "002_")
    assert doc.meta["published"].startswith("2022-01-10")
    assert _mention(doc, "January 2", "a week of protests").value == "2022-01-02"
    monday = _mention(doc, "Monday", "CSTO servicemen continue")
    assert monday.value == "2022-01-10" and monday.anchored


def test_seed_001_as_of_january_9th_gets_the_inferred_year(seeds) -> None:
    # no published date: the year is the latest one the document states ("before 2022")
    doc = _seed(seeds, "001_")
    assert "published" not in doc.meta
    assert document_anchor(doc) == (None, 2022)
    m = _mention(doc, "January 9th", "As of")
    assert m.value == "2022-01-09" and m.anchored


def test_seed_003_january_5th_and_no_false_dates(seeds) -> None:
    doc = _seed(seeds, "003_")
    found = find_dates(doc)
    fifth = [m for m in found if m.text == "January 5th"]
    assert fifth and fifth[0].value and fifth[0].value.endswith("-01-05")
    for needle in ("2.6-2.9", "ranks 25", "19 million", "Step 0"):
        at = doc.text.index(needle)
        hits = [m for m in found if m.start < at + len(needle) and at < m.end]
        assert not hits, f"{needle!r} read as a date: {hits}"


def test_every_seed_mention_points_at_its_text(seeds) -> None:
    for doc in seeds.values():
        for m in find_dates(doc):
            assert doc.text[m.start:m.end] == m.text
            assert m.value or m.lo or m.hi or not m.anchored


def test_demo_corpus_russian_cp1251(demo) -> None:
    docs = demo
    ru = docs["06_ru_news_cp1251.txt"]
    assert ru.meta["published"].startswith("2022-01-10")
    # the header line "10 января 2022 г., 18:05" moved to metadata: read it from the raw text
    header = {m.text: m for m in find_dates_in(ru.raw_text[:200], None, "ru")}
    assert header["10 января 2022 г., 18:05"].value == "2022-01-10T18:05"
    found = {m.text: m for m in find_dates(ru)}
    assert found["10 января"].value == "2022-01-10"
    assert found["2 января"].value == "2022-01-02"
    assert (found["4-5 января"].lo, found["4-5 января"].hi) == ("2022-01-04", "2022-01-05")
    assert found["Накануне"].value == "2022-01-09"


def test_demo_corpus_english_anchoring(demo) -> None:
    docs = demo
    uk = docs["05_uk_newspaper_article.txt"]  # published Friday 7 January 2022
    assert {m.value for m in find_dates(uk) if m.text == "Wednesday"} == {"2022-01-05"}
    republished = docs["11_news_black_sea_monitor_republish.txt"]  # no published date, a dateline
    assert document_anchor(republished)[0] == date(2022, 1, 12)
    assert {m.value for m in find_dates(republished) if m.text == "Monday"} == {"2022-01-10"}


def test_speed_is_well_over_200_kb_per_second(demo) -> None:
    """Realistic news text (the demo corpus, ten times over): the brief asks for 200 KB/s on one core."""
    import time

    docs = list(demo.values())
    size = sum(len(doc.text) for doc in docs) * 10
    best = float("inf")
    for _ in range(3):  # best of three: shared CI machines are noisy
        start = time.thread_time()
        for _ in range(10):
            for doc in docs:
                find_dates(doc)
        best = min(best, time.thread_time() - start)
    rate = size / best / 1024
    assert rate > 200, f"{rate:.0f} KB/s"


def test_said_weekday_is_the_day_of_saying_even_after_a_future_clause() -> None:
    # MON_10_JAN is a Monday: "said Monday" in a Monday article is that Monday
    assert _value("The minister said Monday that the plant was shelled.", "Monday") == "2022-01-10"
    found = find_dates_in("Officials will meet on Monday, the minister said Monday.", MON_10_JAN, "en")
    assert [m.value for m in found] == ["2022-01-17", "2022-01-10"]
    assert _value("The IAEA will inspect it, Grossi told reporters on Friday.", "Friday") == "2022-01-07"
    assert _value("The vote is expected on Thursday.", "Thursday") == "2022-01-13"
    assert _value("Він заявив у понеділок, що станцію обстріляли.", "понеділок", language="uk") == "2022-01-10"
    assert _value("Засідання відбудеться у п'ятницю.", "п'ятницю", language="uk") == "2022-01-14"
    assert _value("Он заявил в пятницу, что переговоров не будет.", "пятницу", language="ru") == "2022-01-07"


def test_a_round_count_of_days_or_weeks_ago_is_a_range_not_a_day() -> None:
    assert _value("It happened three days ago.", "three days ago") == "2022-01-07"
    fifty = _dates("The plant was captured 50 days ago.")["50 days ago"]
    assert (fifty.value, fifty.lo, fifty.hi) == (None, "2021-11-16", "2021-11-26")
    weeks = _dates("The talks were held two weeks ago.")["two weeks ago"]
    assert (weeks.value, weeks.lo, weeks.hi) == (None, "2021-12-24", "2021-12-30")


def test_a_weekday_opening_its_sentence_reads_the_words_after_it() -> None:
    # MON_10_JAN: "On Friday, X plans to visit" is the coming Friday; "On Friday, X said" the last
    assert _value("On Friday, the speaker plans to lead a group to visit the island.", "Friday") == "2022-01-14"
    assert _value("On Friday, officials said they will send more troops.", "Friday") == "2022-01-07"
    assert _value("On Friday, the plant was shelled again.", "Friday") == "2022-01-07"
    assert _value("У п'ятницю делегація планує відвідати станцію.", "п'ятницю", language="uk") == "2022-01-14"
    # an abbreviation's full stop does not end the clause; a real sentence end does
    assert _value("On Friday, House Speaker Jan Novak, R-Wis., plans to lead a group.", "Friday") == "2022-01-14"
    assert _value("On Friday, the plant was shelled. The director plans a visit.", "Friday") == "2022-01-07"


def test_russian_plans_read_as_future() -> None:
    assert _value("Делегация планирует посетить станцию в пятницу.", "пятницу", language="ru") == "2022-01-14"


def test_a_weekday_of_a_week_the_text_set_earlier_gets_no_day() -> None:
    # MON_10_JAN: "the post-storm Saturday" of a look back is not the last Saturday
    assert "Saturday" not in _dates("He spent the post-storm Saturday watching television.")
    assert "Monday" not in _dates("That Monday the plant was shelled.")
    assert "субботу" not in _dates("В ту субботу станцию обстреляли.", language="ru")
    # a deadline, a verb of saying, or a plain weekday keep their day
    assert _value("Shares tendered by the Tuesday deadline were counted.", "Tuesday") == "2022-01-04"
    assert _value("The minister said Monday the plant was shelled.", "Monday") == "2022-01-10"
    assert _value("У суботу станцію обстріляли.", "суботу", language="uk") == "2022-01-08"
