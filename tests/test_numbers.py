"""Reading numbers in every style the corpus uses: digits with separators, decimals, scale words,
number words in English and Russian, ranges and hedges."""

from __future__ import annotations

import pytest

from storylens.annotate.numbers import find_numbers, hedge_kinds, parse_digits, parse_number, parse_words


@pytest.mark.parametrize(
    "text, value",
    [
        ("7,939", 7939), ("7 939", 7939), ("8 000", 8000), ("7\u202f939", 7939), ("7\u00a0939", 7939),
        ("3022", 3022), ("2.6", 2.6), ("1,5", 1.5), ("1.234.567", 1234567), ("1,234.5", 1234.5),
        ("0.14", 0.14), ("2,500", 2500),
    ],
)
def test_digits_in_every_style(text, value):
    assert parse_digits(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text, value",
    [
        ("175 million", 175e6), ("19 million", 19e6), ("1,5 тыс.", 1500), ("2,5 тыс.", 2500), ("5 тыс.", 5000),
        ("3 млн", 3e6), ("198,16 млрд", 198.16e9), ("12,274 млрд", 12.274e9), ("$3bn", 3e9), ("$16 bln", 16e9),
        ("two", 2), ("twenty-five", 25), ("two hundred and fifty", 250), ("five hundred thousand", 500000),
        ("a dozen", 12), ("a hundred", 100), ("two million", 2e6),
        ("пятьсот", 500), ("двое", 2), ("двух", 2), ("трое", 3), ("сто", 100), ("двести", 200),
        ("пятисот", 500), ("полторы тысячи", 1500), ("три тысячи", 3000), ("двадцать пять", 25),
        ("сорока миллионов", 40e6),
    ],
)
def test_numbers_with_scales_and_words(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_words_parser_rejects_non_numbers():
    assert parse_words("many") is None
    assert parse_words("") is None


@pytest.mark.parametrize(
    "text, value, lo, hi, hedge",
    [
        ("more than 160 people", None, 160, None, "more than"),
        ("over 300 people", None, 300, None, "over"),
        ("at least 18 members", None, 18, None, "at least"),
        ("a little over 81 percent", None, 81, None, "a little over"),
        ("as many as 3,000 troops", None, None, 3000, "as many as"),
        ("almost 8 000 detained", None, None, 8000, "almost"),
        ("nearly 8,000 held", None, None, 8000, "nearly"),
        ("up to ten days", None, None, 10, "up to"),
        ("just under 70 percent", None, None, 70, "just under"),
        ("about 175 million euros", 175e6, None, None, "about"),
        ("around 19 million", 19e6, None, None, "around"),
        ("roughly 5,000 had been arrested", 5000, None, None, "roughly"),
        ("более 160 погибших", None, 160, None, "более"),
        ("более чем 160 погибших", None, 160, None, "более чем"),
        ("свыше 900 предприятий", None, 900, None, "свыше"),
        ("не менее 20 человек", None, 20, None, "не менее"),
        ("почти 8 тыс.", None, None, 8000, "почти"),
        ("около 5 тыс. чел.", 5000, None, None, "около"),
        ("ок. 2,5 тыс. военнослужащих", 2500, None, None, "ок."),
        ("примерно 36,5%", 36.5, None, None, "примерно"),
        ("300 or more", None, 300, None, "or more"),
        ("300 с лишним", None, 300, None, "с лишним"),
    ],
)
def test_hedges_become_bounds(text, value, lo, hi, hedge):
    (m,) = find_numbers(text)
    assert (m.value, m.lo, m.hi) == (
        pytest.approx(value) if value is not None else None,
        pytest.approx(lo) if lo is not None else None,
        pytest.approx(hi) if hi is not None else None,
    )
    assert m.hedge == hedge
    assert text.startswith(m.text)  # the span covers the hedge


def test_hedge_kinds_are_documented():
    assert set(hedge_kinds().values()) == {"lower", "upper", "approx"}


@pytest.mark.parametrize(
    "text, lo, hi",
    [
        ("(2.6-2.9)", 2.6, 2.9), ("2.6–2.9", 2.6, 2.9), ("from 60 to 120 tenge", 60, 120),
        ("between 5 and 10 people", 5, 10), ("от 5 до 10 человек", 5, 10), ("с 60 до 120 тенге", 60, 120),
        ("20-25%", 20, 25),
    ],
)
def test_ranges(text, lo, hi):
    (m,) = find_numbers(text)
    assert m.is_range
    assert (m.lo, m.hi) == (pytest.approx(lo), pytest.approx(hi))


def test_range_shares_the_scale_of_its_upper_end():
    (m,) = find_numbers("2-3 million people")
    assert (m.lo, m.hi) == (2e6, 3e6)


@pytest.mark.parametrize(
    "text, lo",
    [("thousands of people", 1000), ("hundreds of accounts", 100), ("tens of thousands of protesters", 10000),
     ("тысячи людей", 1000), ("десятки тысяч человек", 10000), ("десятки тисяч людей", 10000),
     ("сотні пасажирів", 100)],
)
def test_vague_plurals_are_lower_bounds(text, lo):
    (m,) = find_numbers(text)
    assert (m.form, m.value, m.lo, m.hi) == ("vague", None, lo, None)
    assert text.startswith(m.text)


@pytest.mark.parametrize(
    "text",
    ["hundreds or thousands of people", "сотни или тысячи человек", "сотні чи тисячі людей"],
)
def test_two_vague_plurals_are_one_bound_at_the_smaller(text):
    (m,) = find_numbers(text)
    assert (m.value, m.lo, m.hi) == (None, 100, None)
    assert m.text == " ".join(text.split()[:3])


def test_and_more_than_is_not_a_post_hedge():
    first, second = find_numbers("the toll hit 124 and more than 1,300 are infected")
    assert first.value == 124 and first.hedge is None
    assert second.lo == 1300


def test_offsets_point_into_the_text():
    text = "Officials said almost 8 000 people and 7,939 more."
    for m in find_numbers(text):
        assert text[m.start:m.end] == m.text
        assert text[m.num_start:m.num_end].strip()[0].isdigit()


@pytest.mark.parametrize(
    "text, value",
    [("two and a half years", 2.5), ("два с половиной года", 2.5), ("три з половиною місяці", 3.5),
     ("4 and a half tonnes", 4.5)],
)
def test_a_fraction_after_a_number_and_a_joiner_completes_it(text, value):
    (m,) = find_numbers(text)
    assert (m.value, m.form) == (value, "cardinal")


def test_a_fraction_after_a_unit_and_a_joiner_is_no_share():
    assert find_numbers("The vote was delayed by a day and a half.") == []
    assert [m.form for m in find_numbers("Half of the crew and a third of the passengers left.")] == [
        "fraction", "fraction"]
