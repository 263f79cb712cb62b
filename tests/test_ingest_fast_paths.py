"""Ingest's fast paths give exactly what the slow paths gave: on random text of the characters each
path treats apart (bad bytes, NULs, control characters, line breaks of every kind, blank lines,
letters of several alphabets), on Cyrillic and mixed-language text, and on empty text."""

from __future__ import annotations

import random
import re

import pytest

from storylens.clean import language
from storylens.clean.language import _alphabet, _written_in, label_passages
from storylens.clean.whitespace import tidy_whitespace
from storylens.corpus import decode
from storylens.corpus.decode import _unify_line_breaks, repair
from storylens.doc import Passage


def _random_texts(alphabet: str, count: int, longest: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_repair_skips_only_texts_with_nothing_to_repair(monkeypatch) -> None:
    """Text with no bad byte, lone surrogate, NUL or control character is returned as it was; text with
    any of them is repaired as the full scan repairs it (the scan forced by a class that always matches)."""
    texts = _random_texts("ab жё\n\t\r\x0b\x0c\x00\x01\x1f\x7f\udc80\udcff\ud800\udfff€", 3_000, 30, seed=7)
    texts += ["", "Протестующие собрались.\n\nThey met at noon.", "a\x00b", "\udc9f\udc9f", "tab\tkept\x0bform\x0c"]
    fast = [repair(text, "utf-8") for text in texts]
    monkeypatch.setattr(decode, "_ANY_NON_TEXT", re.compile(""))
    slow = [repair(text, "utf-8") for text in texts]
    assert [(d.text, d.repairs) for d in fast] == [(d.text, d.repairs) for d in slow]
    assert repair("a\x00b", "utf-8").text == "ab" and repair("Ж\udc80", "utf-8").text == "Ж\ufffd"
    clean = "Мешканці Заріччя\tзібралися.\n\nResidents gathered."
    assert repair(clean, "utf-8").text is clean and not repair(clean, "utf-8").repairs


def test_line_breaks_are_unified_only_where_another_kind_is() -> None:
    for text in _random_texts("a ж\n\r\x0b\x0c\x85\u2028", 3_000, 20, seed=8) + ["", "\r\n\r", "x\x0c"]:
        assert _unify_line_breaks(text) == decode._LINE_BREAK.sub("\n", text), repr(text)
    assert _unify_line_breaks("one\r\ntwo\rthree\x0bfour") == "one\ntwo\nthree\nfour"


# The single pattern tidy_whitespace used before, with the ends as alternatives: the reference.
_SPACE = re.compile(r"^\s+|\s+$|\n(?:[^\S\n]*\n)+")


def _tidy_by_one_pattern(text: str) -> list[tuple[int, int, str, str]]:
    changes = []
    for m in _SPACE.finditer(text):
        if m.start() == 0 or m.end() == len(text):
            changes.append((m.start(), m.end(), "", "blank space at the ends"))
        elif m.group(0) != "\n\n":
            changes.append((m.start(), m.end(), "\n\n", "extra blank lines"))
    return changes


@pytest.mark.parametrize("text", ["", " ", "\n", "\n\n", " \n \n", "a", "a\n", "\na", "a\n\nb", "a\n \nb",
                                  "a\n\n\n\nb\n", "  Заголовок\n\n\n Текст.\n \n", "a\u2003\n\u00a0\nb", "\u3000a\u3000"])
def test_blank_lines_are_tidied_as_one_pattern_tidied_them(text: str) -> None:
    _, edits = tidy_whitespace(text)
    assert [(e.start, e.end, e.after, e.rule) for e in edits] == _tidy_by_one_pattern(text)


def test_blank_lines_on_random_text_are_tidied_as_one_pattern_tidied_them() -> None:
    for text in _random_texts("ab\n\n\n \t\u00a0\u2003\x0b\r\x1c", 5_000, 16, seed=9):
        out, edits = tidy_whitespace(text)
        assert [(e.start, e.end, e.after, e.rule) for e in edits] == _tidy_by_one_pattern(text), repr(text)
    assert tidy_whitespace("\n\nFirst.\n\n\n\nSecond.\n  \n")[0] == "First.\n\nSecond."


def _written_in_by_character(sample: str, script: str, pool: tuple[str, ...]) -> bool:
    """The test _written_in made before: each distinct character of the sample outside the alphabet."""
    alphabet = _alphabet(pool)
    if alphabet is None:
        return len(pool) > 1
    if script == "other":
        return True
    in_script = language._CYRILLIC if script == "cyrillic" else language._LATIN
    return not any(in_script.match(ch) for ch in set(sample.lower()) - alphabet)


POOLS = [("en",), ("ru",), ("uk",), ("en", "ru"), ("ru", "uk"), ("en", "fr"), ("fr",)]


def test_the_alphabet_test_answers_as_the_character_by_character_test() -> None:
    letters = "abcxyzABCXYZéÉüßİıſ" + "абвгёжщъыэюяАБЁЩЪЫ" + "іїєґІЇЄҐ" + "ўқңәӘ" + "αβγ" + " ,.1-«»"
    for sample in _random_texts(letters, 2_000, 12, seed=10) + ["", "Мешканці Заріччя", "Жители Заречья", "Café"]:
        for pool in POOLS:
            for script in ("latin", "cyrillic", "other"):
                assert _written_in(sample, script, pool) == _written_in_by_character(sample, script, pool), \
                    (sample, script, pool)
    assert _written_in("Жители Заречья", "cyrillic", ("ru",)) and not _written_in("Мешканці", "cyrillic", ("ru",))
    assert not _written_in("Café Lumière", "latin", ("en",)) and _written_in("Cafe", "latin", ("en",))


def test_a_documents_language_counts_every_letter_of_long_and_short_passages() -> None:
    """A long Russian passage (past the 400 characters sampled) outweighs five English ones by all of its
    letters (by the letters of its first 400 characters alone it would not); a passage too short to
    label adds none."""
    russian = "Жители посёлка Заречье собрались у здания администрации и потребовали ответа. " * 10
    english = "Residents of the village gathered outside the council building and asked for an answer today."
    parts = [english, russian, english, english, english, english, "Да."]
    text = "\n\n".join(parts)
    passages, at = [], 0
    for part in parts:
        passages.append(Passage(at, at + len(part)))
        at += len(part) + 2
    letters = {code: sum(map(str.isalpha, part)) for code, part in (("en", english * 5), ("ru", russian))}
    assert sum(map(str.isalpha, russian[:400])) < letters["en"] < letters["ru"]
    assert label_passages(text, passages, ("en", "ru"), 20, ("en", "ru")) == "ru"
    assert [p.language for p in passages] == ["en", "ru", "en", "en", "en", "en", None]


def test_the_token_before_a_full_stop_is_what_searching_back_from_it_found() -> None:
    """The reversed-window match gives the old search's token at every position of random text of token
    characters, white space (line breaks too), the characters that end a token, and long runs."""
    from storylens.clean.segment import _token_before

    searched = re.compile(r"([^\s(\[\"“«]+)$")
    texts = _random_texts("ab.Жё \n\n\t([\"“«'»", 1_500, 40, seed=12) + _random_texts("abc.\n", 200, 150, seed=13)
    texts += ["x" * 100 + ".", "U.S.", "\n.", "a\n.", "т.е."]
    for text in texts:
        for punct in range(len(text) + 1):
            found = searched.search(text, max(0, punct - 64), punct)
            assert _token_before(text, punct) == (found.group(1) if found else ""), (text, punct)
    assert _token_before("He met Gen. Ivanov", 10) == "Gen" and _token_before("(Dr", 3) == "Dr"


def test_case_insensitive_rules_answer_as_before_on_ascii_lines_lowered() -> None:
    """The error-widget and subscribe rules search an ASCII line lower-cased with their patterns made
    case-sensitive: the same answer as the case-insensitive search on lines of their own words in any
    case, other scripts and characters that fold in odd ways (ſ, K, İ) kept on the old path."""
    from storylens.clean import boilerplate

    words = ["if", "you", "find", "spot", "an", "error", "typo", "press", "ctrl", "+", "enter", "select", "orphus",
             "see", "more", "load", "support", "us", "donate", "subscribe", "follow", "click", "here", "patreon.com",
             "boosty.to", "нашли", "ошибку", "подпишитесь", "ſubscribe", "ſee", "İf", "Kl", "the", "news", "—", "!"]
    rng = random.Random(14)
    lines = []
    for _ in range(6_000):
        chosen = [rng.choice(words) for _ in range(rng.randint(1, 9))]
        lines.append(" ".join(w.upper() if rng.random() < 0.3 else w.title() if rng.random() < 0.3 else w
                              for w in chosen))
    lines += ["If you find a typo, select it and press Ctrl+Enter", "SEE MORE", "Support us on Patreon.com", ""]
    for pattern in (boilerplate._ERROR_WIDGET, boilerplate._SUPPORT):
        literals = re.sub(r"\\.", "", pattern.pattern)  # escapes (\W, \S) are classes, not literals
        assert literals == literals.lower()
        caseless = boilerplate._Caseless(pattern)
        hits = 0
        for line in lines:
            assert caseless.search(line) == bool(pattern.search(line)), (pattern.pattern[:20], line)
            hits += caseless.search(line)
        assert hits > 100
