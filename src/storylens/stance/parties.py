"""Who a person stands for: the country a corpus itself gives a person by a title.

An attribution dispute is between parties ("Chile is preparing it" / "Peru is"). When one side
names a person instead ("Chilean President X is preparing it"), the dispute is still between two
countries if the corpus says whom he serves: a title with a country or a people before or after
his name ("Chilean President X", "President of Chile X", "X, Chile's defence minister",
«президент Чили X», «X, міністр оборони Чилі»). The map is built from the corpus's own text, once
per run, and a frame whose agent names such a person gains his country's name stems, so that
:func:`storylens.relate.contested._apart` sees two countries. A person given two countries is
left alone. Words of office live in ``lang/<code>/contested_titles.json``; countries come from the
world gazetteer (``annotate/data/countries.json``). No name is written anywhere.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from storylens import lang as lang_data
from storylens.stance.cues import cues
from storylens.stance.frames import STEM, Frame

_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʼ.-][^\W\d_]+)*(?:['’]s)?|[,;:.!?()—–\"«»“”]")
_WINDOW = 4  # words a title phrase reaches on each side of its title
_NAME = 3  # words of a name


@dataclass(frozen=True)
class _Titles:
    titles: frozenset[str]  # lemmas of words of office
    endings: tuple[str, ...]  # endings of a people's adjective
    joiners: frozenset[str]
    not_names: frozenset[str]  # capitalised words that name no one: weekdays, months
    pattern: re.Pattern  # finds a possible title in a statement (cheap first test)


@lru_cache(maxsize=None)
def _titles(code: str) -> _Titles:
    d = lang_data.cues(code, "contested_titles")
    titles = frozenset(w.lower() for w in d.get("titles", []))
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(t)}" for t in titles) or r"(?!)", re.IGNORECASE)
    return _Titles(titles, tuple(d.get("demonym_endings", [])), frozenset(w.lower() for w in d.get("joiners", [])),
                   frozenset(w.lower() for w in d.get("not_names", [])), pattern)


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """(country name in lower case → code, code → stems of all its names): every language's names."""
    from storylens.annotate.gazetteer import country_names

    by_name, stems = {}, {}
    for code, names in country_names().items():
        for name in names:
            by_name[name.lower()] = code
        stems[code] = frozenset(n.lower().split()[0][:STEM] for n in names if n[:1].isalpha())
    return by_name, stems


@lru_cache(maxsize=1 << 14)
def _country(lemma: str, adjective: bool, endings: tuple[str, ...]) -> str | None:
    """The country a word names: its name ("Chile", «Чили», case forms through the lemma), or a
    people's adjective sharing its beginning with one ("Chilean", «чилийский»)."""
    by_name, _ = _countries()
    if lemma in by_name:
        return by_name[lemma]
    if not adjective or not lemma.endswith(endings):
        return None
    for name, code in by_name.items():
        if " " in name or len(name) < 4:
            continue
        common = len(next((p for p in (name[:k] for k in range(len(name), 0, -1)) if lemma.startswith(p)), ""))
        if common >= max(4, len(name) - 3):
            return code
    return None


@dataclass
class _Word:
    text: str
    lemma: str
    country: str | None
    title: bool
    capital: bool
    punct: bool
    named: bool = False  # the dictionary knows it as a first name or a surname


def _words(text: str, code: str) -> list[_Word]:
    from storylens.relate.morphology import analyzer

    titles = _titles(code)
    morph = analyzer(code) if code in ("ru", "uk") else None
    out = []
    for m in _TOKEN.finditer(text):
        w = m.group()
        if not w[0].isalpha():
            out.append(_Word(w, w, None, False, False, True))
            continue
        bare = re.sub(r"['’]s$", "", w)
        parses = morph.parse(bare)[:3] if morph is not None else []
        # a capitalised adjective may come first as a surname («Польський»): any of the best parses
        p = next((q for q in parses if q.tag.POS == "ADJF"), parses[0] if parses else None)
        lemma = (p.normal_form if p is not None else bare).lower()
        adjective = p.tag.POS == "ADJF" if p is not None else bare[:1].isupper()
        country = _country(lemma, adjective, titles.endings) if (bare[:1].isupper() or adjective) else None
        named = p is not None and bool({"Name", "Surn"} & p.tag.grammemes)
        out.append(_Word(w, lemma, country, (lemma in titles.titles or lemma[:-1] in titles.titles), bare[:1].isupper(), False, named))
    return out


def _run(words: list[_Word], start: int, end: int) -> tuple[_Word, ...] | None:
    """``words[start:end]`` when it may be a person's name: capitalised words, none a title or a
    country, two or more of them or one the dictionary knows as a name ("Tuesday" alone is none),
    and no longer than a name (a longer run is an organisation: "International Atomic Energy Agency")."""
    run = words[start:end]
    if not run or len(run) > _NAME or any(w.title or w.country or w.punct or not w.capital for w in run):
        return None
    return tuple(run) if len(run) >= 2 or run[-1].named else None


def _capitals(words: list[_Word], j: int, step: int) -> int:
    """Where a run of capitalised words starting at ``j`` ends, going ``step`` (+1 or -1)."""
    while 0 <= j < len(words) and words[j].capital and not words[j].punct:
        j += step
    return j


def _name_after(words: list[_Word], j: int) -> tuple[_Word, ...] | None:
    """The name after a title phrase ending before ``j``: "Chilean President *X Y*", "Chile's envoy, *X Y*"."""
    if j < len(words) and words[j].text == ",":
        j += 1
    return _run(words, j, _capitals(words, j, 1))


def _name_before(words: list[_Word], j: int) -> tuple[_Word, ...] | None:
    """The name a title phrase starting at ``j`` stands in apposition to: "*X Y*, Chile's minister"."""
    while j > 0 and words[j - 1].lemma in ("the", "a"):
        j -= 1
    if j < 2 or words[j - 1].text != ",":
        return None
    return _run(words, _capitals(words, j - 2, -1) + 1, j - 1)


@lru_cache(maxsize=1 << 14)
def name_key(word: str, code: str) -> str:
    """A surname as one key whatever its case form: the dictionary form of a Russian or Ukrainian
    surname («Ковалёва» → «ковалев», relate/morphology; ё written е), the word without "'s"
    elsewhere; whole, so that two surnames sharing their first letters («Ковалев» / «Ковалевский»)
    stay two people."""
    from storylens.relate.morphology import name_lemma_word

    bare = re.sub(r"['’]s$", "", word)
    return (name_lemma_word(bare, code, "PER") if code in ("ru", "uk") else bare).lower().replace("ё", "е")


def people_parties(statements: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """A person's surname (:func:`name_key`) → the stems of the names of the country the corpus's titles
    give him (``statements`` are (text, language) pairs). A word the corpus also writes in lower
    case ("energy", "on") or a weekday or month (``not_names``) is no name; a person given another
    country half as often as his most frequent one is given none."""
    found: list[tuple[tuple[_Word, ...], str, str]] = []
    lower: set[str] = set()
    for text, lang in statements:
        code = (lang or "en")[:2]
        lower.update(w for w in re.findall(r"(?<![\w'’])[^\W\d_A-ZА-ЯЁЄІЇҐ]+", text))
        titles = _titles(code)
        if not titles.titles or not titles.pattern.search(text):
            continue
        stop = cues(code).stopwords
        words = _words(text, code)
        if sum(w.capital for w in words) > max(4, 0.6 * sum(not w.punct for w in words)):
            continue  # a headline in title case: every word looks like a name
        for i, w in enumerate(words):
            if not w.title:
                continue
            party, start = None, i
            for j in range(i - 1, max(-1, i - _WINDOW - 1), -1):  # "Chilean defence minister", "Chile's"
                if words[j].punct or (words[j].lemma in stop and words[j].lemma not in titles.joiners):
                    break  # "a visit to Chile by the UN secretary": not Chile's
                start = j
                if words[j].country:
                    party = words[j].country
                    break
            j = i + 1
            while j < len(words) and j <= i + _WINDOW and not words[j].punct:  # "minister of defence of Chile"
                nxt = words[j]
                if nxt.country and party is None:
                    party = nxt.country
                elif not (nxt.title or nxt.lemma in titles.joiners or not nxt.capital or nxt.text.isupper()):
                    break
                j += 1
            if party is not None and (name := _name_after(words, j) or _name_before(words, start)):
                found.append((name, party, code))
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for name, party, code in found:
        if not any(w.text.lower() in lower or w.lemma in _titles(code).not_names for w in name):
            seen[name_key(name[-1].text, code)][party] += 1
    _, stems = _countries()
    out = {}
    for name, votes in seen.items():  # a misread title now and then is outvoted; a real tie stands for no one
        (best, n), *rest = votes.most_common(2)
        if not rest or n >= 2 * rest[0][1]:
            out[name] = stems[best]
    return out


def stand_for(frame: Frame, people: dict[str, frozenset[str]], code: str) -> Frame:
    """``frame`` (of a statement in language ``code``) with a person agent standing for his
    country, when the corpus gives him one."""
    if not people or frame.kinds - {"person"}:
        return frame
    # the agent's name words, not only those the parser took for a person: a title made the word a name
    countries = frozenset(s for word in frame.agent_words for s in people.get(name_key(word, code), ()))
    if not countries:
        return frame
    return replace(frame, names=frame.names | countries, kinds=frame.kinds - {"person"} | {"country"})
