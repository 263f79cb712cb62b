"""Dictionary forms of Russian and Ukrainian words and names: the one place that reads them, with
pymorphy3 and its dictionaries (``pymorphy3-dicts-ru``, ``pymorphy3-dicts-uk``).

:func:`analyzer` gives one cached analyser per language to every caller (annotate's syntax pass,
the gazetteer, entity resolution, the relate and stance steps), so a process holds each dictionary
once; it is None when there is no dictionary, so callers fall back. :func:`name_lemma` turns an
entity's surface form into its dictionary form so that case forms meet across documents and
languages (Бельгії / Бельгия / Бельгія; «Києві» → «Київ», not the personal name «Кий»);
:func:`word_lemma` does the same for a lower-cased word.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# The tags pymorphy3 gives a name of each kind; a LOC or ORG mention is never read as a person's name.
_NAME_TAGS = {"PER": ("Surn", "Name", "Patr"), "LOC": ("Geox",), "ORG": ("Orgn", "Abbr")}
_PERSON_TAGS = ("Surn", "Name", "Patr")


@lru_cache(maxsize=None)
def analyzer(language: str) -> Any:
    """pymorphy3's analyser for ``language``, or None when pymorphy3 has no dictionary for it."""
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang=language)
    except (ImportError, ValueError):
        return None


def _parses(word: str, language: str) -> list[Any]:
    """pymorphy3's readings of a word (none for a language without a dictionary or a non-word)."""
    morph = analyzer(language)
    if morph is None or not word[:1].isalpha():
        return []
    return morph.parse(word)


@lru_cache(maxsize=200_000)
def name_lemma_word(word: str, language: str, label: str | None = None) -> str:
    """Dictionary form of one word of a name (its capitalisation kept); the word itself when
    the analyser does not know it as a noun or adjective. A person's name that is a case form of
    both a man's and a woman's surname («Токаеву»: his dative, her accusative) is read as the
    man's, as the dictionary's lemma of every other form of a surname is («Петровой» → «Петров»),
    so all case forms of one surname meet."""
    parses = _parses(word, language)
    wanted = _NAME_TAGS.get(label or "", ())
    named = [p for p in parses if wanted and any(t in p.tag.grammemes for t in wanted)]
    best = next((p for p in named if "masc" in p.tag.grammemes), None) if label == "PER" else None
    best = best or (named[0] if named else None)
    if best is None:
        person = label == "PER"
        best = next((p for p in parses if p.tag.POS in ("NOUN", "ADJF") and "Fixd" not in p.tag.grammemes
                     and (person or not any(t in p.tag.grammemes for t in _PERSON_TAGS))), None)
    if best is None:
        return word
    form = best.normal_form
    if "-" in word and "-" not in form:
        return word
    if word.isupper():
        return form.upper()
    if word[:1].isupper():
        return "-".join(part[:1].upper() + part[1:] for part in form.split("-"))
    return form


def name_lemma(name: str, language: str, label: str | None = None) -> str:
    """Dictionary form of a (possibly multi-word) name; in an organisation's or an event's name
    only the first word follows the sentence's case («Министерства обороны России»)."""
    parts = re.split(r"(\s+)", name)
    head_only = label in ("ORG", "EVENT", "MISC") and len([p for p in parts if p.strip()]) > 1
    return "".join(name_lemma_word(p, language, label) if p.strip() and (i == 0 or not head_only) else p
                   for i, p in enumerate(parts))


@lru_cache(maxsize=200_000)
def word_lemma(word: str, language: str) -> str:
    """Dictionary form of a lower-cased word, so that its case forms meet («марии», «марию» and
    «мария» are one word); the word itself in a language without a dictionary. A noun reading
    is preferred when there is one: in a headline the words that say what a story is about are
    mostly nouns and names, and a name's case form can also read as a rare verb form."""
    parses = _parses(word, language)
    best = next((p for p in parses if p.tag.POS == "NOUN"), parses[0] if parses else None)
    return best.normal_form if best is not None else word
