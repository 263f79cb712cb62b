"""Language of each passage and of the whole document (lingua).

Short or mostly numeric passages get no guess rather than a wrong one; lingua itself
also abstains when two languages are too close to call.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from lingua import IsoCode639_1, LanguageDetectorBuilder

from storylens.doc import Passage


class UnknownLanguage(ValueError):
    pass


@lru_cache(maxsize=8)
def _detector(languages: tuple[str, ...]):
    codes = []
    for code in languages:
        try:
            codes.append(IsoCode639_1.from_str(code))
        except ValueError:
            raise UnknownLanguage(f"unknown language code {code!r}; use ISO 639-1 codes such as en, ru, uk, kk") from None
    if len(codes) < 2:
        raise UnknownLanguage("give at least two candidate languages")
    # Low-accuracy mode (trigrams only) is ~10x faster and reliable above ~100 characters,
    # and we abstain below MIN letters anyway.
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_minimum_relative_distance(0.1)
    return builder.with_low_accuracy_mode().build()


# Lingua's cost grows with the text; a few hundred characters settle a paragraph's language.
SAMPLE_CHARS = 400


def detect(text: str, languages: tuple[str, ...], min_letters: int) -> str | None:
    if sum(ch.isalpha() for ch in text[:SAMPLE_CHARS]) < min_letters:
        return None
    language = _detector(languages).detect_language_of(text[:SAMPLE_CHARS])
    return language.iso_code_639_1.name.lower() if language else None


def check_languages(languages: tuple[str, ...]) -> None:
    """Fail early, with a message, on a bad --languages value."""
    _detector(tuple(languages))


def label_passages(text: str, passages: list[Passage], languages: tuple[str, ...], min_letters: int) -> str | None:
    """Set each passage's language; return the document's (the language of most letters)."""
    letters: Counter[str] = Counter()
    for passage in passages:
        chunk = text[passage.start:passage.end]
        passage.language = detect(chunk, languages, min_letters)
        if passage.language:
            letters[passage.language] += sum(ch.isalpha() for ch in chunk)
    return letters.most_common(1)[0][0] if letters else None
