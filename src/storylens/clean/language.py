"""Language of each passage and of the whole document (lingua).

Short or mostly numeric passages get no guess rather than a wrong one; lingua itself
also abstains when two languages are too close to call.

Speed: lingua's cost grows with the number of candidate languages. The document is
looked at once with every candidate (a sample of each passage); its passages are then
told apart among the few languages the document plausibly holds. A passage in a script
none of those languages is written in (a Russian quote in an English article) goes
back to the full candidate set, so mixed-language documents keep their passages right.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from lingua import IsoCode639_1, LanguageDetectorBuilder

from storylens.doc import Passage

# Lingua's cost grows with the text; a few hundred characters settle a paragraph's language.
SAMPLE_CHARS = 400
DOCUMENT_SAMPLE_CHARS = 400
DOCUMENT_CANDIDATES = 4

CYRILLIC_LANGUAGES = {"ru", "uk", "kk", "be", "bg", "sr", "mk", "mn"}
OTHER_SCRIPT_LANGUAGES = {"ka", "hy", "zh", "ar", "fa", "he", "el", "ja", "ko", "hi", "th"}


class UnknownLanguage(ValueError):
    pass


@lru_cache(maxsize=64)
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


def detect(text: str, languages: tuple[str, ...], min_letters: int) -> str | None:
    sample = text[:SAMPLE_CHARS]
    if sum(map(str.isalpha, sample)) < min_letters:
        return None
    language = _detector(languages).detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else None


def check_languages(languages: tuple[str, ...]) -> None:
    """Fail early, with a message, on a bad --languages value."""
    _detector(tuple(languages))


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")


def _script(text: str) -> str:
    sample = text[:SAMPLE_CHARS]
    cyrillic, latin = len(_CYRILLIC.findall(sample)), len(_LATIN.findall(sample))
    other = len(_LETTER.findall(sample)) - cyrillic - latin
    best = max(cyrillic, latin, other)
    return "cyrillic" if best == cyrillic else "latin" if best == latin else "other"


def _script_of_language(code: str) -> str:
    return "cyrillic" if code in CYRILLIC_LANGUAGES else "other" if code in OTHER_SCRIPT_LANGUAGES else "latin"


def document_candidates(text: str, passages: list[Passage], languages: tuple[str, ...]) -> tuple[str, ...]:
    """The few languages a document plausibly holds, from one look at a sample of every passage."""
    per_passage = max(60, DOCUMENT_SAMPLE_CHARS // max(1, len(passages)))
    sample = "\n".join(text[p.start:p.start + per_passage] for p in passages)[:DOCUMENT_SAMPLE_CHARS]
    values = _detector(languages).compute_language_confidence_values(sample)
    top = [v.language.iso_code_639_1.name.lower() for v in values[:DOCUMENT_CANDIDATES] if v.value > 0.0]
    for code in languages:  # always at least two, for lingua
        if len(top) >= 2:
            break
        if code not in top:
            top.append(code)
    return tuple(sorted(top))


def label_passages(text: str, passages: list[Passage], languages: tuple[str, ...], min_letters: int) -> str | None:
    """Set each passage's language; return the document's (the language of most letters)."""
    languages = tuple(languages)
    candidates = document_candidates(text, passages, languages) if len(languages) > DOCUMENT_CANDIDATES else languages
    scripts = {_script_of_language(code) for code in candidates}
    letters: Counter[str] = Counter()
    for passage in passages:
        chunk = text[passage.start:passage.end]
        pool = candidates if _script(chunk) in scripts else languages
        passage.language = detect(chunk, pool, min_letters)
        if passage.language:
            letters[passage.language] += sum(map(str.isalpha, chunk))
    return letters.most_common(1)[0][0] if letters else None
