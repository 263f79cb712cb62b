"""Language of each passage and of the whole document (lingua).

Short or mostly numeric passages get no guess rather than a wrong one; lingua itself
also abstains when two languages are too close to call.

Speed: lingua's cost grows with the number of candidate languages. Ingest first looks at
a sample of the corpus with every candidate (:func:`corpus_languages`: every paragraph of up
to a few hundred documents); each document's passages are then told apart among the few
languages found there. Without that sample, the document is looked at once with every
candidate and its passages told apart among the few it plausibly holds. Either way, a
passage in a script none of the chosen languages is written in (a Russian quote in an
English article, a Georgian post in a Russian channel) goes back to the full candidate set,
so mixed-language documents keep their passages right; a passage in a script only one of
them uses is that language without asking lingua.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from lingua import IsoCode639_1, LanguageDetectorBuilder

from storylens.doc import Passage
from storylens.lang import CYRILLIC_LANGUAGES, cues

# Lingua's cost grows with the text; a few hundred characters settle a paragraph's language.
SAMPLE_CHARS = 400
DOCUMENT_SAMPLE_CHARS = 400
DOCUMENT_CANDIDATES = 4

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
    return _detect_sample(text[:SAMPLE_CHARS], tuple(languages), min_letters)


@lru_cache(maxsize=4096)
def _detect_sample(sample: str, languages: tuple[str, ...], min_letters: int) -> str | None:
    """Kept for passages that come back (reposts, syndicated copies, a site's standing lines):
    lingua is the costliest step of cleaning, and its answer depends on the sample alone."""
    if sum(map(str.isalpha, sample)) < min_letters:
        return None
    language = _detector(languages).detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else None


def check_languages(languages: tuple[str, ...]) -> None:
    """Fail early, with a message, on a bad --languages value."""
    _detector(tuple(languages))


_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")  # lines up to a blank line
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")


# The same classes counted on UTF-8 bytes: U+0400-U+04FF are the two-byte characters led by D0-D3,
# U+00C0-U+023F those led by C3-C8 and U+0240-U+024F C9 80-8F; every non-ASCII character has one
# lead byte (C0-FF), so these bytes bound the letters of other scripts from above.
_CYRILLIC_LEADS = bytes(range(0xD0, 0xD4))
_LATIN_LEADS = bytes(range(0xC3, 0xC9))
_ASCII_LETTERS = bytes(range(0x41, 0x5B)) + bytes(range(0x61, 0x7B))
_ALL_LEADS = bytes(range(0xC0, 0x100))
_LATIN_C9 = re.compile(rb"\xc9[\x80-\x8f]")


def _script(text: str) -> str:
    """The script most letters of the text's start are written in: 'cyrillic', 'latin' or 'other'.

    Counted on bytes, in C: when the letters of other scripts cannot outnumber the larger of the
    two (their bound from the lead bytes), that settles it; otherwise the letters are counted."""
    sample = text[:SAMPLE_CHARS]
    data = sample.encode("utf-8", "surrogatepass")

    def count(of: bytes) -> int:
        return len(data) - len(data.translate(None, of))

    cyrillic = count(_CYRILLIC_LEADS)
    latin_wide = count(_LATIN_LEADS) + (len(_LATIN_C9.findall(data)) if b"\xc9" in data else 0)
    latin = count(_ASCII_LETTERS) + latin_wide
    other_at_most = count(_ALL_LEADS) - cyrillic - latin_wide
    if other_at_most <= max(cyrillic, latin):
        return "cyrillic" if cyrillic >= latin else "latin"
    other = len(_LETTER.findall(sample)) - cyrillic - latin
    best = max(cyrillic, latin, other)
    return "cyrillic" if best == cyrillic else "latin" if best == latin else "other"


@lru_cache(maxsize=256)
def _alphabet(codes: tuple[str, ...]) -> frozenset[str] | None:
    """The letters these languages are written with (``lang/<code>/alphabet.json``); None if one has no file."""
    letters: set[str] = set()
    for code in codes:
        data = cues(code, "alphabet")
        if not data.get("letters"):
            return None
        letters.update(data["letters"])
    return frozenset(letters)


def _written_in(sample: str, script: str, pool: tuple[str, ...]) -> bool:
    """Whether every letter of ``script`` in the sample belongs to a language of the pool.

    Without alphabets for the pool, a pool of several is trusted (lingua tells them apart) and a
    pool of one is not (nothing would check it).
    """
    if script == "other":
        return _alphabet(pool) is not None or len(pool) > 1
    outside = _outside_alphabet(script, pool)
    if outside is None:
        return len(pool) > 1
    return outside.search(sample.lower()) is None


@lru_cache(maxsize=256)
def _outside_alphabet(script: str, pool: tuple[str, ...]) -> re.Pattern[str] | None:
    """One class of the letters of ``script`` (as ``_CYRILLIC`` or ``_LATIN`` match them) that no language
    of the pool is written with; None without alphabets. Searched once over a lower-cased sample, it
    answers what testing each of the sample's characters against the alphabet and the script did, in C."""
    alphabet = _alphabet(pool)
    if alphabet is None:
        return None
    in_script = _CYRILLIC if script == "cyrillic" else _LATIN
    outside = "".join(ch for ch in map(chr, range(0x500)) if in_script.match(ch) and ch not in alphabet)
    return re.compile(f"[{re.escape(outside)}]" if outside else "(?!)")  # (?!) never matches


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


def corpus_languages(texts: Iterable[str], languages: tuple[str, ...], min_letters: int,
                     min_share: float = 0.01) -> tuple[str, ...]:
    """The languages a sample of the corpus is written in, each paragraph looked at with every candidate.

    A language counts when it is the language of a whole document of the sample, or of at least
    ``min_share`` of its letters: a few short paragraphs taken for a neighbouring language
    (English read as Dutch) do not make a corpus multilingual.
    """
    documents: set[str] = set()
    letters: Counter[str] = Counter()
    for text in texts:
        passages = [Passage(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
        language = label_passages(text, passages, tuple(languages), min_letters)
        if language:
            documents.add(language)
        for p in passages:
            if p.language:
                letters[p.language] += sum(map(str.isalpha, text[p.start:p.end]))
    total = sum(letters.values())
    return tuple(sorted(documents | {code for code, n in letters.items() if n >= min_share * total}))


def label_passages(text: str, passages: list[Passage], languages: tuple[str, ...], min_letters: int,
                   corpus: tuple[str, ...] = ()) -> str | None:
    """Set each passage's language; return the document's (the language of most letters).

    ``corpus``: the languages a sample of the corpus holds (:func:`corpus_languages`), tried first.
    """
    languages = tuple(languages)
    candidates = tuple(corpus) or languages
    if len(candidates) > DOCUMENT_CANDIDATES:
        candidates = document_candidates(text, passages, candidates)
    by_script: dict[str, list[str]] = {}
    for code in candidates:
        by_script.setdefault(_script_of_language(code), []).append(code)
    letters: Counter[str] = Counter()
    for passage in passages:
        chunk = text[passage.start:passage.end]
        count = -1  # the passage's letters, once counted
        script = _script(chunk)
        pool = by_script.get(script)
        if pool is None or not _written_in(chunk[:SAMPLE_CHARS], script, tuple(pool)):
            passage.language = detect(chunk, languages, min_letters)
        elif len(pool) == 1:  # the script and the alphabet settle it
            count = sum(map(str.isalpha, chunk))  # the sample's letters too, for a passage no longer than it
            sampled = count if len(chunk) <= SAMPLE_CHARS else sum(map(str.isalpha, chunk[:SAMPLE_CHARS]))
            passage.language = pool[0] if sampled >= min_letters else None
        else:
            passage.language = detect(chunk, tuple(pool), min_letters)
        if passage.language:
            letters[passage.language] += count if count >= 0 else sum(map(str.isalpha, chunk))
    return letters.most_common(1)[0][0] if letters else None
