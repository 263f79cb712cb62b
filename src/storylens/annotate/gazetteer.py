"""Names known in advance, and the keys that let one name be found in many spellings.

The gazetteer (``data/gazetteer.json``) lists places, organisations (with their acronyms and
expansions in several languages), public figures, groups and events that recur in Central Asian
and Eastern European news. Each entry has a canonical ``name``, a ``label`` and ``aliases``.

This module also holds the name normalisation shared with entity resolution
(:mod:`storylens.relate.entities`):

- :func:`fold` — case, quotes, possessive ``'s``, dashes and spacing;
- :func:`translit` — Cyrillic (Russian, Ukrainian, Kazakh letters) to Latin, news style
  (Токаев → tokayev, Тоқаев → tokayev, Жанаөзен → zhanaozen);
- :func:`key` — a spelling-insensitive key (transliterated, doubled letters collapsed, a few
  English/Russian spelling variants unified: Kassym/Kasym, Zhomart/Jomart);
- :func:`strip_inflection` — Russian (and Ukrainian/Kazakh-ish) case endings by suffix rules, for
  looking names up (Казахстане → Казахстан, Астанада → Астана);
- :func:`lemma` — a Cyrillic name's dictionary form when its language is not known (Токаеву →
  Токаев), by :mod:`storylens.relate.morphology`, the one place that reads Russian and Ukrainian.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "gazetteer.json"

# --- normalisation -------------------------------------------------------------------------

_QUOTES = str.maketrans({c: "" for c in "\"'«»„“”‘’‚‹›`´"})
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})
_POSSESSIVE = re.compile(r"(?<=\w)['’]s$|(?<=s)['’]$", re.IGNORECASE)
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
UKRAINIAN = re.compile("[іїєґІЇЄҐ]")  # letters Russian does not write


def fold(text: str) -> str:
    """Case-, quote- and spacing-insensitive form: "Tokayev’s" → "tokayev"."""
    text = unicodedata.normalize("NFKC", text).strip()
    text = _POSSESSIVE.sub("", text)
    text = text.translate(_DASHES).translate(_QUOTES)
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"[^\w\s.&/-]", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .-")
    return text.casefold()


_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Ukrainian
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
    # Kazakh
    "ә": "a", "ғ": "gh", "қ": "k", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    # Belarusian, Serbian, Macedonian, Bulgarian extras
    "ў": "u", "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz", "ѓ": "gj", "ќ": "kj",
}
_VOWELS = set("аеёиоуыэюяіїєәөұүaeiouy")


def translit(text: str) -> str:
    """Cyrillic → Latin (lower case). "е" after a vowel, a soft/hard sign or word-initially is
    "ye", as in English news spelling (Токаев → tokayev, Ерлан → yerlan); in a word with
    Ukrainian letters и is "y" and ї inside a word "i" (Київ → kyiv)."""
    out: list[str] = []
    prev = ""
    for word in re.split(r"(\W+)", text.lower()):
        ukrainian = bool(UKRAINIAN.search(word))
        prev = ""
        for ch in word:
            if ch == "е" and (not prev or prev in _VOWELS or prev in "ьъ"):
                out.append("ye")
            elif ukrainian and ch == "и":
                out.append("y")
            elif ukrainian and ch == "ї" and prev:
                out.append("i")
            else:
                out.append(_CYR.get(ch, ch))
            prev = ch
    return "".join(out)


_SPELLING = [
    (re.compile(r"dzh"), "j"),
    (re.compile(r"zh"), "j"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"q"), "k"),
    (re.compile(r"w"), "v"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"ts"), "c"),
    (re.compile(r"iy(?=[aeou])"), "i"),
    (re.compile(r"(?<=[aeiou])y(?=e)"), ""),  # Tokayev ~ Tokaev
    (re.compile(r"yi(?=\b|[^aeiou])"), "i"),
    (re.compile(r"iy\b"), "i"),
    (re.compile(r"yy\b|ii\b"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),  # Kassym ~ Kasym, Massimov ~ Masimov
]


def key(text: str) -> str:
    """A spelling-insensitive key: fold + transliterate + unify common variant spellings."""
    k = translit(fold(text))
    k = unicodedata.normalize("NFKD", k)
    k = "".join(c for c in k if not unicodedata.combining(c))
    for pattern, repl in _SPELLING:
        k = pattern.sub(repl, k)
    return k.replace("-", " ")


# --- Russian inflection -------------------------------------------------------------------

_ENDINGS = sorted(
    ["ами", "ями", "ому", "ему", "ого", "его", "ыми", "ими", "ой", "ей", "ом", "ем", "ым", "им",
     "ах", "ях", "ую", "юю", "ая", "яя", "ые", "ие", "ов", "ев", "а", "я", "у", "ю", "е", "ы", "и", "о",
     # Ukrainian
     "ові", "еві", "ою", "ею", "ів", "і",
     # Kazakh (locative, dative, genitive, ablative, accusative, instrumental)
     "да", "де", "та", "те", "ға", "ге", "қа", "ке", "на", "не", "ның", "нің", "дың", "дің", "тың", "тің",
     "ды", "ді", "ты", "ті", "ны", "ні", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен"],
    key=len, reverse=True,
)
_STEM_END = "аяоеёиыуюйь"


def stem(word: str) -> str:
    """Drop a Cyrillic word's final vowel or soft sign (the part inflection changes)."""
    if CYRILLIC.search(word) and len(word) > 4:
        return word.rstrip(_STEM_END) if len(word.rstrip(_STEM_END)) >= 3 else word
    return word


def strip_inflection(word: str) -> list[str]:
    """Candidate base forms of a Cyrillic word by suffix rules (longest ending first)."""
    if not CYRILLIC.search(word):
        return [word]
    low = word
    out = [low]
    for ending in _ENDINGS:
        if low.lower().endswith(ending) and len(low) - len(ending) >= 3:
            out.append(low[: -len(ending)])
    # surnames in -ов/-ев/-ин take a case ending: Токаеву → Токаев, Путина → Путин
    m = re.match(r"^(.*(?:ов|ев|ёв|ин|ын|ский|цкий|ской))(?:а|у|ым|ом|е|ой|ою|ых|ым|ого|ому)$", low, re.IGNORECASE)
    if m:
        out.insert(1, m.group(1))
    return list(dict.fromkeys(out))


def lemma(name: str, label: str | None = None) -> str:
    """Dictionary form of a (possibly multi-word) Cyrillic name whose language is not known
    ("Олегу Соколову" → "Олег Соколов", "Харкові" → "Харків"), in the language its letters
    suggest (:func:`storylens.annotate.syntax.guess_language`: Ukrainian letters → uk, Kazakh ones
    → kk, which has no dictionary and is kept, else ru), by
    :func:`storylens.relate.morphology.name_lemma`; other text as it is."""
    if not CYRILLIC.search(name):
        return name
    from storylens.annotate.syntax import guess_language
    from storylens.relate.morphology import name_lemma

    return name_lemma(name, guess_language(name), label)


# --- the gazetteer ------------------------------------------------------------------------


@dataclass
class GazEntry:
    name: str
    label: str
    aliases: list[str] = field(default_factory=list)
    kind: str | None = None

    @property
    def forms(self) -> list[str]:
        return [self.name, *self.aliases]


_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*\.?", re.UNICODE)


class Gazetteer:
    """Lookup (``lookup``) and text scanning (``scan``) over the known names."""

    def __init__(self, entries: list[GazEntry]):
        self.entries = entries
        self._exact: dict[str, int] = {}  # case-sensitive, for all-caps short forms (CSTO, UN, US)
        self._folded: dict[str, int] = {}
        self._keys: dict[str, int] = {}
        self._stems: dict[str, int] = {}
        self._acronyms: dict[str, int] = {}  # folded acronyms, for all-lower or all-upper text
        self.max_words = 1
        self._first: set[str] = set()  # first words of every form (folded, and stems), to skip tokens fast
        for i, entry in enumerate(entries):
            for form in entry.forms:
                self.max_words = max(self.max_words, len(form.split()))
                first = fold(form).split(" ")[0]
                self._first.update((form.split(" ")[0], first, stem(first), first.split("-")[0]))
                if _is_acronym(form):
                    self._exact.setdefault(form, i)
                    self._acronyms.setdefault(form.casefold(), i)
                    continue
                self._folded.setdefault(fold(form), i)
                self._folded.setdefault(fold(form).replace("-", " "), i)
                self._keys.setdefault(key(form), i)
                if CYRILLIC.search(form):
                    words = fold(form).split(" ")
                    self._stems.setdefault(" ".join([*words[:-1], stem(words[-1])]), i)

    def _could_start(self, token: str) -> bool:
        return any(c in self._first for c in _first_word_candidates(token))

    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        data = json.loads(Path(path or DATA).read_text(encoding="utf-8"))
        entries = [GazEntry(e["name"], e["label"], list(e.get("aliases", [])), e.get("kind")) for e in data["entities"]]
        return cls(entries)

    def lookup(self, surface: str, fuzzy_key: bool = True) -> GazEntry | None:
        """The entry a surface form names, if any: exact acronym, folded form, inflected form, key."""
        surface = surface.strip()
        if surface in self._exact:
            return self.entries[self._exact[surface]]
        if (surface.islower() or surface.isupper()) and surface.casefold() in self._acronyms:
            return self.entries[self._acronyms[surface.casefold()]]
        if _is_acronym(surface):
            return None
        folded = fold(surface)
        if folded in self._folded:
            return self.entries[self._folded[folded]]
        if "-" in folded and folded.replace("-", " ") in self._folded:
            return self.entries[self._folded[folded.replace("-", " ")]]
        if CYRILLIC.search(surface):
            words = folded.split(" ")
            for base in strip_inflection(words[-1])[1:]:
                cand = " ".join([*words[:-1], base])
                if cand in self._folded:
                    return self.entries[self._folded[cand]]
                if cand in self._stems:
                    return self.entries[self._stems[cand]]
            cand = " ".join([*words[:-1], stem(words[-1])])
            if cand in self._stems:
                return self.entries[self._stems[cand]]
        if fuzzy_key:
            k = key(surface)
            if len(k) >= 4 and k in self._keys:
                return self.entries[self._keys[k]]
        return None

    def scan(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, GazEntry]]:
        """Known names in ``text[start:end]``, longest match first, as (start, end, entry)."""
        end = len(text) if end is None else end
        tokens = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
        found: list[tuple[int, int, GazEntry]] = []
        i = 0
        while i < len(tokens):
            hit = None
            if not self._could_start(text[tokens[i][0] : tokens[i][1]]):
                i += 1
                continue
            for n in range(min(self.max_words + 1, len(tokens) - i), 0, -1):
                s, e = tokens[i][0], tokens[i + n - 1][1]
                surface = text[s:e].rstrip(".")
                if not surface or not (surface[0].isupper() or surface[0].isdigit() or n == 1):
                    continue
                if surface[0].isupper():
                    entry = self.lookup(surface, fuzzy_key=False)
                else:  # lower-case forms (nationalities in ru/uk) only as listed, not inflected
                    found_at = self._folded.get(fold(surface))
                    entry = self.entries[found_at] if found_at is not None else None
                    if entry is not None and (entry.label != "GROUP" or surface != fold(surface)):
                        entry = None
                if entry is None:
                    continue
                hit = (s, s + len(surface), entry)
                break
            if hit:
                found.append(hit)
                while i < len(tokens) and tokens[i][0] < hit[1]:
                    i += 1
            else:
                i += 1
        return found


def _first_word_candidates(token: str) -> list[str]:
    low = token.casefold().rstrip(".")
    low = low[:-2] if low.endswith(("'s", "’s")) else low
    out = [token, low]
    if CYRILLIC.search(low):
        out += [*strip_inflection(low)[1:], stem(low)]
    return out


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return 1 < len(letters) <= 6 and all(c.isupper() for c in letters) and " " not in form


@lru_cache(maxsize=1)
def country_names() -> dict[str, list[str]]:
    """Country code → its names in every language (``data/countries.json``): the one reader of that file."""
    return json.loads((DATA.parent / "countries.json").read_text(encoding="utf-8"))["countries"]


@lru_cache(maxsize=1)
def _country_keys() -> frozenset[str]:
    return frozenset(key(name) for names in country_names().values() for name in names)


def is_country(name: str) -> bool:
    """Whether ``name`` (any case form: Пакистане, Україні, Пакистану) is a country or territory
    (``data/countries.json``: CLDR names in English, Russian and Ukrainian). A Cyrillic name is read
    with both dictionaries: a Ukrainian case form need not have a Ukrainian letter."""
    keys = _country_keys()
    if key(name) in keys:
        return True
    if CYRILLIC.search(name):
        from storylens.relate.morphology import name_lemma

        return any(key(name_lemma(name, language, "LOC")) in keys for language in ("ru", "uk"))
    return False


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    return {key(name): code for code, names in country_names().items() for name in names}


def country_code(name: str) -> str | None:
    """The ISO code of the country or territory ``name`` names (any case form, as :func:`is_country`), or None."""
    codes = _country_codes()
    if key(name) in codes:
        return codes[key(name)]
    if CYRILLIC.search(name):
        from storylens.relate.morphology import name_lemma

        for language in ("ru", "uk"):
            code = codes.get(key(name_lemma(name, language, "LOC")))
            if code:
                return code
    return None


def demonym_code(word: str, lemma: str, language: str) -> str | None:
    """The ISO code of the country a country's adjective names ("Syrian", «сирийской» by its dictionary form
    «сирийский»), from ``lang/<language>/demonyms.json``; None for any other word."""
    from storylens.lang import cues

    table = cues(language, "demonyms").get("demonyms", {})
    return table.get(word.lower()) or table.get(lemma.lower())


def country_name(code: str, language: str) -> str:
    """The usual name of the country ``code`` in ``language``: its first name in that script (in Ukrainian one with a
    letter Russian does not write when there is one; in every language one written in words, not an initialism)."""
    names = country_names()[code]
    if language in ("ru", "uk"):
        cyrillic = [n for n in names if CYRILLIC.search(n)] or names
        own = [n for n in cyrillic if bool(UKRAINIAN.search(n)) == (language == "uk")]
        return next((n for n in own + cyrillic if any(c.islower() for c in n)), cyrillic[0])
    latin = [n for n in names if not CYRILLIC.search(n)] or names
    return next((n for n in latin if any(c.islower() for c in n) and not n.startswith("the ")), latin[0])


@lru_cache(maxsize=4)
def default_gazetteer(path: str | None = None) -> Gazetteer:
    return Gazetteer.load(path)
