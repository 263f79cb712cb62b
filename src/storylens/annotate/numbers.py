"""Finding and reading numbers in English and Russian text.

:func:`find_numbers` returns every number expression in a text with its value, or its bounds
when a hedge or a range makes it one:

- digits with thousands separators ``7,939``, ``7 939``, ``8 000`` (space, no-break or narrow
  space), ``1.234.567``; decimals ``2.6`` and ``1,5`` (a comma followed by exactly three digits is a
  thousands separator, otherwise a decimal comma);
- scale words after digits: thousand/million/billion, ``bn``, ``5k``, ``тыс.``, ``млн``, ``млрд``;
- number words: English (``two``, ``twenty-five``, ``five hundred thousand``, ``a dozen``) and
  Russian in their case forms (``пятьсот``, ``двое``, ``двух``, ``полторы тысячи``);
- ranges ``2.6-2.9``, ``from 60 to 120``, ``between 5 and 10``, ``от 5 до 10``, ``с 60 до 120``;
- hedges before (``more than``, ``about``, ``as many as``, ``более``, ``около``, ``почти``…) or
  after (``or more``, ``+``, ``с лишним``) the number, mapped to bounds by :data:`HEDGES`.

Which numbers are *claims* (not years, dates, list markers…) is decided by
:mod:`storylens.annotate.claims`; this module only reads them. Plain ``re``: fast, no models.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- hedges: words that make a figure a bound or an approximation -------------------------------
# kind: "lower" → lo=N (more than N), "upper" → hi=N (up to N), "approx" → value=N with the hedge.

HEDGES: dict[str, str] = {
    # English, lower bounds
    "more than": "lower", "over": "lower", "above": "lower", "at least": "lower",
    "no fewer than": "lower", "no less than": "lower", "not less than": "lower", "not fewer than": "lower",
    "in excess of": "lower", "upwards of": "lower", "a little over": "lower", "just over": "lower",
    "slightly more than": "lower", "well over": "lower", "a little more than": "lower",
    "some more than": "lower", "more then": "lower", "at minimum": "lower", "a minimum of": "lower",
    # English, upper bounds
    "as many as": "upper", "up to": "upper", "almost": "upper", "nearly": "upper", "just under": "upper",
    "a little under": "upper", "slightly less than": "upper", "less than": "upper", "fewer than": "upper",
    "under": "upper", "no more than": "upper", "not more than": "upper", "at most": "upper",
    "a maximum of": "upper", "close to": "upper", "just shy of": "upper", "nears": "upper", "nearing": "upper",
    "approaching": "upper", "short of": "upper",
    # English, approximations
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx", "some": "approx",
    "an estimated": "approx", "estimated": "approx", "circa": "approx", "approx.": "approx", "ca.": "approx",
    "~": "approx", "≈": "approx", "reportedly": "approx", "an approximate": "approx", "or so": "approx",
    # Russian, lower bounds
    "более": "lower", "более чем": "lower", "свыше": "lower", "больше": "lower", "больше чем": "lower",
    "не менее": "lower", "не меньше": "lower", "не менее чем": "lower", "как минимум": "lower",
    "минимум": "lower", "по меньшей мере": "lower", "по крайней мере": "lower", "от": "lower",
    # Russian, upper bounds
    "почти": "upper", "до": "upper", "менее": "upper", "менее чем": "upper", "меньше": "upper",
    "не более": "upper", "не более чем": "upper", "не больше": "upper", "максимум": "upper",
    "чуть менее": "upper", "едва ли не": "upper", "вплоть до": "upper", "почти на": "upper",
    "более чем на": "lower", "свыше чем на": "lower", "примерно на": "approx", "около чем на": "approx",
    # Russian, approximations
    "около": "approx", "ок.": "approx", "примерно": "approx", "порядка": "approx",
    "приблизительно": "approx", "где-то": "approx", "приблиз.": "approx", "почти что": "upper",
}
# After the number: "300 or more", "300+", "300 с лишним".
POST_HEDGES: dict[str, str] = {
    "or more": "lower", "and more": "lower", "+": "lower", "-plus": "lower", "plus": "lower",
    "and above": "lower", "or so": "approx", "с лишним": "lower", "с небольшим": "lower",
    "и более": "lower", "или более": "lower", "и больше": "lower",
}
# Russian "от" alone is only a hedge inside "от N до M" (a range); as a prefix it is too ambiguous.
_PREFIX_ONLY_IN_RANGE = {"от"}

# --- number words --------------------------------------------------------------------------------

EN_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12, "dozen": 12,
}


def _ru_forms() -> dict[str, float]:
    forms: dict[str, float] = {}

    def add(value: float, *words: str) -> None:
        for word in words:
            forms[word] = value
            if "ё" in word:
                forms[word.replace("ё", "е")] = value

    add(1, "один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну", "одною")
    add(2, "два", "две", "двух", "двум", "двумя", "двое", "двоих", "двоим", "двоими")
    add(3, "три", "трёх", "трём", "тремя", "трое", "троих", "троим", "троими")
    add(4, "четыре", "четырёх", "четырём", "четырьмя", "четверо", "четверых", "четверым")
    soft = {  # nominative → oblique stem: пять/пяти/пятью
        5: "пят", 6: "шест", 7: "сем", 8: "восьм", 9: "девят", 10: "десят",
        11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат", 15: "пятнадцат",
        16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат", 19: "девятнадцат", 20: "двадцат", 30: "тридцат",
    }
    for value, stem in soft.items():
        nominative = {8: "восемь"}.get(value, stem + "ь")
        add(value, nominative, stem + "и", stem + "ью")
    add(8, "восьмью")
    add(5, "пятеро", "пятерых"), add(6, "шестеро", "шестерых"), add(7, "семеро", "семерых")
    add(10, "десятеро", "десятерых")
    add(40, "сорок", "сорока")
    for value, (nom, obl) in {50: ("пятьдесят", "пятидесят"), 60: ("шестьдесят", "шестидесят"),
                              70: ("семьдесят", "семидесят"), 80: ("восемьдесят", "восьмидесят")}.items():
        add(value, nom, obl + "и", obl.replace("идесят", "ьюдесятью"))
    add(90, "девяносто", "девяноста")
    add(100, "сто", "ста")
    add(200, "двести", "двухсот", "двумстам", "двумястами", "двухстах")
    add(300, "триста", "трёхсот", "трёмстам", "тремястами", "трёхстах")
    add(400, "четыреста", "четырёхсот", "четырёмстам", "четырьмястами", "четырёхстах")
    for value, (nom, gen) in {500: ("пятьсот", "пят"), 600: ("шестьсот", "шест"), 700: ("семьсот", "сем"),
                              800: ("восемьсот", "восьм"), 900: ("девятьсот", "девят")}.items():
        add(value, nom, gen + "исот", gen + "истам", gen + "ьюстами", gen + "истах")
    add(1000, "тысяча", "тысячи", "тысяч", "тысяче", "тысячу", "тысячей", "тысячам", "тысячами", "тысячах")
    add(10**6, "миллион", "миллиона", "миллионов", "миллиону", "миллионом", "миллионе", "миллионам")
    add(10**9, "миллиард", "миллиарда", "миллиардов", "миллиарду", "миллиардом", "миллиарде")
    add(1.5, "полтора", "полторы", "полутора")
    return forms


RU_WORDS: dict[str, float] = _ru_forms()
WORD_VALUES: dict[str, float] = {**EN_WORDS, **RU_WORDS}
SCALE_WORDS = {w for w, v in WORD_VALUES.items() if v >= 100 and v in (100, 1000, 10**6, 10**9, 10**12)}
# Plural scale words standing alone are vague ("thousands of people", "тысячи людей"): not read.
_RU_VAGUE_START = {"тысячи", "тысяч", "тысячами", "тысячах", "тысячам", "миллионов", "миллионы", "миллиардов"}

# Scale after digits: "19 million", "2,5 тыс.", "175 млн", "5k", "$3bn".
SCALES: dict[str, float] = {
    "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "trillion": 1e12,
    "mln": 1e6, "mn": 1e6, "bn": 1e9, "bln": 1e9, "k": 1e3, "m": 1e6,
    "тыс": 1e3, "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "млн": 1e6, "миллион": 1e6, "миллиона": 1e6,
    "миллионов": 1e6, "млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9, "трлн": 1e12,
}

_SEP = r"[ \u00a0\u202f\u2009]"
_DIGITS = (
    rf"\d{{1,3}}(?:(?:,|{_SEP})\d{{3}})+(?:\.\d+)?(?!\d)"  # 7,939  7 939  8 000  1,234.5
    r"|\d{1,3}(?:\.\d{3}){2,}(?!\d)"  # 1.234.567
    r"|\d+(?:[.,]\d+)?"  # 2.6  1,5  3022
)
_SCALE = (
    r"(?:\s*(?:thousand|million|billion|trillion|mln\.?|bln\.?|bn|тыс\.?|тысяч[аи]?|млн\.?|миллион(?:а|ов)?"
    r"|млрд\.?|миллиард(?:а|ов)?|трлн\.?)(?![a-zа-яё])"
    r"|(?:k|m|bn)(?![\w]))"
)


def _word_alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_CURRENCY_PREFIX = re.compile(r"(?:US\$|\$|€|£|₸|₽|USD|EUR|KZT|RUB)\s?$")
_HEDGE_BEFORE = re.compile(
    r"(?:^|(?<=[^\w.]))(" + _word_alternation(list(HEDGES)) + r")[\s*_\"“«„']*$", re.IGNORECASE
)
_HEDGE_AFTER = re.compile(r"^\s*(" + _word_alternation(list(POST_HEDGES)) + r")(?![\w])(?!\s+(?:than|чем)\b)",
                          re.IGNORECASE)
_RANGE_DASH = re.compile(r"^\s?[-–—]\s?$")
_RANGE_WORDS = [
    # (word before the first number, word between) → a range
    (re.compile(r"(?:^|\W)(from|between|от|с|со)\s*$", re.IGNORECASE),
     re.compile(r"^\s*(to|and|до|по)\s*$", re.IGNORECASE)),
]


@dataclass
class NumberMention:
    """A number expression: ``start``/``end`` cover hedge, number and scale; ``num_start``/``num_end``
    the figures alone (the first number of a range to the last)."""

    start: int
    end: int
    num_start: int
    num_end: int
    text: str
    value: float | None = None
    lo: float | None = None
    hi: float | None = None
    hedge: str | None = None
    hedge_kind: str | None = None  # lower, upper, approx
    is_range: bool = False
    words: bool = False  # written in words ("two", "пятьсот")
    has_scale: bool = False
    currency_prefix: str | None = None  # "$" in "$0.14"
    raw: str = ""  # the figure as written, without hedge

    @property
    def figure(self) -> float | None:
        """One representative number: the value, else the bound that exists."""
        if self.value is not None:
            return self.value
        return self.lo if self.lo is not None else self.hi


def parse_digits(text: str) -> float | None:
    """``"7,939"`` → 7939, ``"7 939"`` → 7939, ``"1,5"`` → 1.5, ``"2.6"`` → 2.6, ``"1.234.567"`` → 1234567."""
    s = re.sub(_SEP, "", text.strip())
    if not s:
        return None
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", s):
        return float(s.replace(".", ""))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        return float(s.replace(",", ""))
    s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def parse_words(text: str) -> float | None:
    """Number words to a value: ``"two hundred and fifty"`` → 250, ``"пятьсот"`` → 500."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t and t != "and"]
    if not tokens:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for i, token in enumerate(tokens):
        if token == "a" and i == 0:
            continue
        value = WORD_VALUES.get(token.replace("ё", "е"), WORD_VALUES.get(token))
        if value is None:
            return None
        seen = True
        if value == 12 and token == "dozen":
            current = (current or 1) * 12
        elif value == 100:
            current = (current or 1) * 100
        elif value >= 1000:
            total += (current or 1) * value
            current = 0
        else:
            current += value
    return (total + current) if seen else None


def _tidy(value: float) -> float:
    """1093.6 * 1e9 → 1093600000000.0, not 1093599999999.9999."""
    return float(round(value, 6)) if value < 1e15 else value


def parse_scale(scale: str | None) -> float:
    if not scale:
        return 1.0
    key = scale.strip().lower().rstrip(".")
    return SCALES.get(key, 1.0)


def parse_number(text: str) -> float | None:
    """The value of a single number expression in any supported style (no hedge):
    ``"7 939"``, ``"1,5 тыс."``, ``"175 million"``, ``"пятьсот"``, ``"two"``."""
    atoms = _atoms(text)
    return atoms[0][2] if atoms else None


_DIGITS_RE = re.compile(rf"(?P<digits>{_DIGITS})(?P<scale>{_SCALE})?", re.IGNORECASE)
_WORD_TOKEN = re.compile(r"[^\W\d_]+")
_SCALE_START = {"hundred", "thousand", "million", "billion", "trillion", "dozen"}
_WORD_SET = frozenset(WORD_VALUES)


def _word_atoms(text: str) -> list[tuple[int, int, float, bool, bool, str]]:
    """Runs of number words ("two hundred and fifty", "пятьсот", "a dozen"), found by looking every word up
    in a table (much faster than one regular expression with every form)."""
    out: list[tuple[int, int, float, bool, bool, str]] = []
    if _WORD_SET.isdisjoint(_WORD_TOKEN.findall(text.lower())):
        return out
    run: list[tuple[int, int, str]] = []

    def flush() -> None:
        while run and run[-1][2] in ("and", "a"):
            run.pop()
        if run:
            first = run[0][2]
            ok = True
            if first in _RU_VAGUE_START:
                ok = False
            elif first in _SCALE_START:
                ok = False
            if ok:
                a, b = run[0][0], run[-1][1]
                words = text[a:b]
                value = parse_words(words)
                if value is not None:
                    out.append((a, b, value, True, False, words))
        run.clear()

    for m in _WORD_TOKEN.finditer(text):
        token = m.group(0).lower()
        a, b = m.start(), m.end()
        if run and run[-1][2] == "a" and token not in _SCALE_START:
            run.clear()
        if run:
            gap = text[run[-1][1]:a]
            joined = gap == "-" or (gap.strip() == "" and "\n" not in gap and len(gap) <= 3)
            if joined and (token in WORD_VALUES or (token == "and" and run[-1][2] != "and")):
                run.append((a, b, token))
                continue
            if joined and token in _SCALE_START and run[-1][2] == "a":
                run.append((a, b, token))
                continue
            flush()
        if token in WORD_VALUES or token == "a" or token == "one":
            before = text[a - 1] if a else " "
            if before.isalnum() or (before == "-" and a > 1 and text[a - 2].isalnum()):
                continue
            after = text[b:b + 1]
            if after == "-" and not text[b + 1:b + 2].isalpha():
                continue
            run.append((a, b, token))
    flush()
    return out


def _atoms(text: str) -> list[tuple[int, int, float, bool, bool, str]]:
    """(start, end, value, is_words, has_scale, raw) for every number in ``text``."""
    out = []
    for m in _DIGITS_RE.finditer(text):
        value = parse_digits(m.group("digits"))
        if value is None:
            continue
        scale = m.group("scale")
        if scale and scale.strip().lower() in ("k", "m") and not _CURRENCY_PREFIX.search(text[max(0, m.start() - 6):m.start()]):
            # "5k"/"$5m" only with a currency before; otherwise "10m" is ten metres.
            end = m.end("digits")
            out.append((m.start(), end, value, False, False, text[m.start():end]))
            continue
        if scale and re.search(r"[а-яё]", scale, re.IGNORECASE) and re.fullmatch(r"\d{1,3},\d{3}", m.group("digits")):
            value = float(m.group("digits").replace(",", "."))  # "12,274 млрд": a Russian decimal comma
        out.append((m.start(), m.end(), _tidy(value * parse_scale(scale)), False, bool(scale), m.group(0)))
    if any(ch.isalpha() for ch in text):
        taken = [(a, b) for a, b, *_ in out]
        out += [w for w in _word_atoms(text) if not any(a < w[1] and w[0] < b for a, b in taken)]
        out.sort()
    return out


def find_numbers(text: str) -> list[NumberMention]:
    """Every number expression in ``text``, with ranges merged and hedges read."""
    atoms = _atoms(text)
    mentions: list[NumberMention] = []
    i = 0
    while i < len(atoms):
        start, end, value, is_words, has_scale, raw = atoms[i]
        mention = NumberMention(start, end, start, end, text[start:end], value=value, words=is_words,
                                has_scale=has_scale, raw=raw)
        # ranges: "2.6-2.9", "from 60 to 120", "между 5 и 10"
        if i + 1 < len(atoms):
            n_start, n_end, n_value, n_words, n_scale, _ = atoms[i + 1]
            between = text[end:n_start]
            before = text[max(0, start - 12):start]
            is_range = False
            if not is_words and not n_words and _RANGE_DASH.match(between) and "\n" not in between:
                is_range = True
            else:
                for lead, mid in _RANGE_WORDS:
                    if lead.search(before) and mid.match(between):
                        is_range = True
                        break
            if is_range:
                lo, hi = value, n_value
                if n_scale and not has_scale and lo * 1 < hi and lo * parse_scale(_scale_of(text[n_start:n_end])) <= hi:
                    lo = lo * parse_scale(_scale_of(text[n_start:n_end]))
                if lo <= hi:
                    mention = NumberMention(start, n_end, start, n_end, text[start:n_end], lo=lo, hi=hi,
                                            is_range=True, words=is_words, has_scale=has_scale or n_scale,
                                            raw=text[start:n_end])
                    lead = re.search(r"(from|between|от|с|со)\s*$", before, re.IGNORECASE)
                    if lead:
                        mention.start = start - (len(before) - lead.start())
                        mention.hedge = lead.group(1)
                    i += 1
        i += 1
        _read_hedges(text, mention)
        mentions.append(mention)
    return mentions


def _scale_of(expr: str) -> str | None:
    m = re.search(_SCALE + r"\s*$", expr, re.IGNORECASE)
    return m.group(0) if m else None


def _read_hedges(text: str, mention: NumberMention) -> None:
    before_start = max(0, mention.start - 40)
    before = text[before_start:mention.start]
    cur = _CURRENCY_PREFIX.search(before)
    if cur:
        mention.currency_prefix = cur.group(0).strip()
        before = before[: cur.start()]
    if not mention.is_range:
        m = _HEDGE_BEFORE.search(before)
        if m and m.group(1).lower() not in _PREFIX_ONLY_IN_RANGE:
            hedge = m.group(1)
            kind = HEDGES.get(hedge.lower(), "approx")
            mention.hedge, mention.hedge_kind = hedge, kind
            mention.start = before_start + m.start(1)
            _apply(mention, kind)
        else:
            after = _HEDGE_AFTER.match(text[mention.end:mention.end + 20])
            if after:
                hedge = after.group(1)
                kind = POST_HEDGES[hedge.lower()]
                mention.hedge, mention.hedge_kind = hedge, kind
                mention.end += after.end()
                _apply(mention, kind)
    mention.text = text[mention.start:mention.end]


def _apply(mention: NumberMention, kind: str) -> None:
    value = mention.value
    if kind == "lower":
        mention.value, mention.lo, mention.hi = None, value, None
    elif kind == "upper":
        mention.value, mention.lo, mention.hi = None, None, value
