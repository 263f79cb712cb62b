"""Finding and reading numbers in text, in every language that has a ``lang/<code>/numbers.json``.

:func:`find_numbers` returns every number expression with its value, or its bounds when a hedge or a
range makes it one:

- digits with thousands separators ``7,939``, ``7 939``, ``8 000`` (space, no-break or narrow space),
  ``1.234.567``; decimals ``2.6`` and ``1,5`` (a comma followed by exactly three digits is a thousands
  separator, otherwise a decimal comma);
- scale words and abbreviations after digits: ``19 million``, ``5k``, ``$3bn``, ``5 тыс.``, ``50 тисяч``;
- number words (``twenty-five``, ``пятьсот``, ``п'ятьох``), fractions (``three-quarters``, ``половина``:
  ``form="fraction"``, value 0.75), vague plurals (``thousands``, ``десятки тысяч``: ``form="vague"``, a
  lower bound) and ordinals (``third``, ``второй``, ``20-й``: ``form="ordinal"``);
- ranges ``2.6-2.9``, ``20 to 21``, ``between 15% and 20%``, ``от 5 до 10``, ``від 5 до 10``;
- hedges before (``more than``, ``as high as``, ``около``, ``понад``, ``майже``…) or after
  (``or more``, ``+``, ``с лишним``) the number, mapped to bounds.

The words live in ``lang/<code>/numbers.json`` and ``lang/<code>/hedges.json`` (Russian and Ukrainian
files list lemmas; their case forms come from pymorphy3). Which numbers are *claims* is decided by
:mod:`storylens.annotate.claims`; this module only reads them. Plain ``re`` and table lookups: linear in
the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storylens import lang
from storylens.relate.morphology import analyzer

APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'"})
_SEP = r"[ \u00a0\u202f\u2009]"
DIGITS = re.compile(
    rf"\d{{1,3}}(?:(?:,|{_SEP})\d{{3}})+(?:\.\d+)?(?!\d)"  # 7,939  7 939  8 000  1,234.5
    r"|\d{1,3}(?:\.\d{3}){2,}(?!\d)"  # 1.234.567
    r"|\d+(?:[.,]\d+)?"  # 2.6  1,5  3022
)
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
_CURRENCY_PREFIX = re.compile(r"(?:US\$|\$|€|£|₸|₽|₴|USD|EUR|KZT|RUB|UAH|GBP)\s?$")


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
    form: str = "cardinal"  # cardinal, fraction (a share: 0.75), vague (a lower bound), ordinal, multiplier ("twice")

    @property
    def figure(self) -> float | None:
        """One representative number: the value, else the bound that exists."""
        if self.value is not None:
            return self.value
        return self.lo if self.lo is not None else self.hi


# --- tables ----------------------------------------------------------------------------------------


@dataclass
class _Tables:
    words: dict[str, float]  # one written form -> value (cardinals and scales)
    scales: frozenset[str]  # forms that multiply what comes before them
    phrases: dict[tuple[str, ...], tuple[float, str]]  # fractions, vague plurals: words -> (value, form)
    ordinals: dict[str, float]
    ordinal_suffix: re.Pattern
    joiners: frozenset[str]
    mixed_before: re.Pattern  # "two and", "два с": a fraction after it completes a number or a unit
    share_of: re.Pattern  # "of" after a fraction: "and a third of the passengers" stays a share
    scale_after_digits: re.Pattern
    abbreviations: dict[str, float]
    hedge_before: re.Pattern
    hedge_after: re.Pattern
    hedges: dict[str, str]
    post_hedges: dict[str, str]
    range_lead: re.Pattern
    range_mid: re.Pattern
    prefix_only_in_range: frozenset[str]
    max_phrase: int
    minus_before: re.Pattern  # "minus 70", «мінус 70 градусів»: the figure is below zero
    compounds: re.Pattern  # «п'ятигодинного», «трехдневный»: a number stem glued to a unit's adjective
    compound_values: dict[str, float]


def _norm(word: str) -> str:
    return word.lower().translate(APOSTROPHES).replace("ё", "е")


def _forms(code: str, lemma: str, plural_only: bool = False) -> set[str]:
    """Every inflected form of ``lemma`` that pymorphy3 knows for language ``code`` (and the lemma)."""
    out = {_norm(lemma)}
    morph = analyzer(code) if code in ("ru", "uk") and " " not in lemma else None
    if morph is None:
        return out
    parses = [p for p in morph.parse(lemma) if _norm(p.normal_form) == _norm(lemma)] or morph.parse(lemma)[:1]
    for p in parses[:2]:
        for form in p.lexeme:
            if plural_only and "plur" not in form.tag:
                continue
            out.add(_norm(form.word))
    return out


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=8)
def tables(langs: tuple[str, ...] | None = None) -> _Tables:
    """The number words and hedges of ``langs`` (default: every language with data), compiled once."""
    codes = langs or lang.languages()
    words: dict[str, float] = {}
    scales: set[str] = set()
    phrases: dict[tuple[str, ...], tuple[float, str]] = {}
    ordinals: dict[str, float] = {}
    suffixes: set[str] = set()
    joiners: set[str] = set()
    mixed: set[str] = set()
    share_of: set[str] = set()
    abbreviations: dict[str, float] = {}
    hedges: dict[str, str] = {}
    post: dict[str, str] = {}
    leads: set[str] = set()
    mids: set[str] = set()
    prefix_only: set[str] = set()
    minus: set[str] = set()
    hedge_preps: set[str] = set()
    prefixes: dict[str, float] = {}
    glued_heads: set[str] = set()
    for code in codes:
        data = lang.cues(code, "numbers")
        for lemma, value in data.get("cardinals", {}).items():
            if " " in lemma:
                phrases[tuple(_norm(lemma).split())] = (float(value), "cardinal")
                continue
            for form in _forms(code, lemma):
                words.setdefault(form, float(value))
        for form, value in data.get("forms", {}).items():
            words.setdefault(_norm(form), float(value))
        for form in data.get("not_numbers", []):
            words.pop(_norm(form), None)  # «одни …, другие …»: a pronoun's forms, generated with the number's
        for lemma, value in data.get("scales", {}).items():
            for form in _forms(code, lemma):
                words[form] = float(value)
                scales.add(form)
                abbreviations.setdefault(form, float(value))
        for abbr, value in data.get("abbreviations", {}).items():
            abbreviations[_norm(abbr)] = float(value)
        for kind, form_name, plural in (("fractions", "fraction", False), ("vague", "vague", True)):
            for phrase, value in data.get(kind, {}).items():
                parts = re.split(r"[\s-]+", _norm(phrase))
                heads = _forms(code, parts[0], plural_only=plural) if len(parts) == 1 else {parts[0]}
                for head in heads:
                    phrases[(head, *parts[1:])] = (float(value), form_name)
                if len(parts) > 1 and code in ("ru", "uk"):  # "десятки тысяч", "десятків тисяч"
                    for head in _forms(code, parts[0], plural_only=plural):
                        for tail in _forms(code, parts[-1], plural_only=True):
                            phrases.setdefault((head, *parts[1:-1], tail), (float(value), form_name))
        for lemma, value in data.get("collectives", {}).items():  # «десяток», «більше десятка»: about that many
            for form in _forms(code, lemma):
                phrases.setdefault((form,), (float(value), "vague"))
        for word, value in data.get("multipliers", {}).items():
            phrases[(_norm(word),)] = (float(value), "multiplier")  # "twice", «вдвое»: a ratio or occasions
        for lemma, value in data.get("ordinals", {}).items():
            for form in _forms(code, lemma):
                ordinals.setdefault(form, float(value))
        suffixes.update(data.get("ordinal_suffixes", []))
        joiners.update(_norm(w) for w in data.get("joiners", []))
        mixed.update(_norm(w) for w in data.get("mixed_joiners", []))
        minus.update(_norm(w) for w in data.get("minus_words", []))
        prefixes.update({_norm(k): float(v) for k, v in data.get("compound_prefixes", {}).items()})
        glued_heads.update(_norm(w) for w in data.get("compound_heads", []))
        share_of.update(_norm(w) for w in data.get("share_of", []))
        h = lang.cues(code, "hedges")
        hedges.update({_norm(k): v for k, v in h.get("before", {}).items()})
        post.update({_norm(k): v for k, v in h.get("after", {}).items()})
        leads.update(_norm(w) for w in h.get("range_lead", []))
        mids.update(_norm(w) for w in h.get("range_mid", []))
        prefix_only.update(_norm(w) for w in h.get("prefix_only_in_range", []))
        hedge_preps.update(_norm(w) for w in h.get("preposition_after_hedge", []))
    glued = [a for a in abbreviations if a in ("k", "m")]  # "5k", "$5m": only right after the digits
    long_scales = [a for a in abbreviations if a not in glued]
    scale_after = re.compile(
        rf"(?:\s*(?:{_alternation(long_scales)})\.?(?![^\W\d_])|(?:{_alternation(glued)})(?![\w]))",
        re.IGNORECASE,
    )
    word_chars = r"[^\W\d_]"
    return _Tables(
        words=words, scales=frozenset(scales), phrases=phrases, ordinals=ordinals,
        ordinal_suffix=re.compile(r"-?(?:" + _alternation(suffixes) + r")(?![\w])", re.IGNORECASE) if suffixes
        else re.compile(r"(?!)"),
        joiners=frozenset(joiners),
        mixed_before=re.compile(rf"(?<![^\W\d_])(?:{_alternation(mixed)})\s+$", re.IGNORECASE) if mixed
        else re.compile(r"(?!)"),
        share_of=re.compile(rf"\s+(?:{_alternation(share_of)})(?![^\W\d_])", re.IGNORECASE) if share_of
        else re.compile(r"(?!)"),
        scale_after_digits=scale_after, abbreviations=abbreviations,
        # «більш ніж на 90%», «более чем в 100 странах»: the figure's own preposition may follow the hedge; a hedge
        # of more words may be set off by a comma («по меньшей мере, два раза»), a one-word hedge may not ("It's
        # over, 5 died")
        hedge_before=re.compile(rf"(?:^|(?<=[^\w.]))(?:({_alternation(hedges)})"
                                + (rf"(?:\s+(?:{_alternation(hedge_preps)}))?" if hedge_preps else "")
                                + rf"|({_alternation(w for w in hedges if ' ' in w) or '(?!)'}),)"
                                + r"[\s*_\"“«„']*$", re.IGNORECASE),
        hedge_after=re.compile(rf"^\s*({_alternation(post)})(?!{word_chars})(?!\s+(?:than|чем|ніж)\b)",
                               re.IGNORECASE),
        hedges=hedges, post_hedges=post,
        range_lead=re.compile(rf"(?:^|\W)({_alternation(leads)})\s*$", re.IGNORECASE),
        range_mid=re.compile(rf"^-?\s*(?:%|per ?cent|percent|процент\w*|відсот\w*)?\s*({_alternation(mids)})\s*$",
                             re.IGNORECASE),
        prefix_only_in_range=frozenset(prefix_only),
        max_phrase=max((len(k) for k in phrases), default=1),
        minus_before=re.compile(rf"(?:^|(?<=[^\w]))(?:{_alternation(minus)})\s+$", re.IGNORECASE) if minus
        else re.compile(r"(?!)"),
        compounds=re.compile(rf"({_alternation(prefixes)})(?={_alternation(glued_heads)})") if prefixes and glued_heads
        else re.compile(r"(?!)"),
        compound_values=prefixes,
    )


def hedge_kinds() -> dict[str, str]:
    """Every hedge phrase (before a number) of every language -> lower / upper / approx."""
    return dict(tables().hedges)


# --- reading -----------------------------------------------------------------------------------------


def parse_digits(text: str) -> float | None:
    """``"7,939"`` → 7939, ``"7 939"`` → 7939, ``"1,5"`` → 1.5, ``"2.6"`` → 2.6, ``"1.234.567"`` → 1234567."""
    s = re.sub(_SEP, "", text.strip())
    if not s:
        return None
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", s):
        return float(s.replace(".", ""))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        return float(s.replace(",", ""))
    try:
        return float(s.replace(",", "."))
    except ValueError:
        return None


def parse_words(text: str) -> float | None:
    """Number words to a value: ``"two hundred and fifty"`` → 250, ``"пятьсот"`` → 500, ``"п'ять тисяч"`` → 5000."""
    t = tables()
    tokens = [_norm(w) for w in re.split(r"[\s-]+", text) if w]
    tokens = [w for w in tokens if w not in t.joiners or w == "a"]
    if not tokens:
        return None
    total = current = 0.0
    seen = False
    for i, token in enumerate(tokens):
        if token == "a" and i == 0:
            continue
        value = t.words.get(token)
        if value is None:
            return None
        seen = True
        if token in t.scales:
            if value == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * value
                current = 0
        elif value == 12 and token == "dozen":
            current = (current or 1) * 12
        else:
            current += value
    return _tidy(total + current) if seen else None


def _tidy(value: float) -> float:
    """1093.6 * 1e9 → 1093600000000.0, not 1093599999999.9999."""
    return float(round(value, 6)) if value < 1e15 else value


def parse_scale(scale: str | None) -> float:
    if not scale:
        return 1.0
    return tables().abbreviations.get(_norm(scale.strip().rstrip(".")), 1.0)


def parse_number(text: str) -> float | None:
    """The value of a single number expression in any supported style (no hedge):
    ``"7 939"``, ``"1,5 тыс."``, ``"175 million"``, ``"пятьсот"``, ``"two"``."""
    atoms = _atoms(text)
    return atoms[0].value if atoms else None


@dataclass
class _Atom:
    start: int
    end: int
    value: float
    words: bool = False
    has_scale: bool = False
    form: str = "cardinal"


def _digit_atoms(text: str, t: _Tables) -> list[_Atom]:
    out = []
    for m in DIGITS.finditer(text):
        value = parse_digits(m.group(0))
        if value is None:
            continue
        end = m.end()
        scale = t.scale_after_digits.match(text, end)
        factor = 1.0
        if scale:
            key = _norm(scale.group(0).strip().rstrip("."))
            short = key in ("k", "m")
            counted = re.match(r"\s+[a-z]{2,}s\b", text[scale.end():scale.end() + 30])  # "2.1m rations", "3.5m litres"
            if not (short and not _CURRENCY_PREFIX.search(text[max(0, m.start() - 6):m.start()]) and not counted):
                factor = t.abbreviations.get(key, 1.0)  # "10m" alone is ten metres; "$5m" is five million
                if re.fullmatch(r"\d{1,3},\d{3}", m.group(0)) and not key.isascii():
                    value = float(m.group(0).replace(",", "."))  # "12,274 млрд": a decimal comma
                end = scale.end()
                if scale.group(0).endswith(".") and key in t.words:
                    end -= 1  # "$12 billion.": a full word ends the sentence; "5 mln." is an abbreviation
        if factor == 1.0:
            suffix = t.ordinal_suffix.match(text, end)
            if suffix and (text[end:end + 1] == "-" or text[end:end + 1].isalpha()):
                out.append(_Atom(m.start(), suffix.end(), value, form="ordinal"))
                continue
        out.append(_Atom(m.start(), end, _tidy(value * factor), has_scale=factor != 1.0))
    return out


def _word_atoms(text: str, t: _Tables) -> list[_Atom]:
    """Runs of number words, fractions, vague plurals and ordinals, found by looking every word up in a
    table (much faster than one regular expression with every form)."""
    tokens = [(m.start(), m.end(), _norm(m.group(0))) for m in _WORD.finditer(text)]
    out: list[_Atom] = []
    i = 0
    n = len(tokens)
    while i < n:
        a, b, word = tokens[i]
        if a and (text[a - 1].isalnum() or (text[a - 1] == "-" and a > 1 and text[a - 2].isdigit())):
            i += 1
            continue
        # phrases first: "three-quarters", "tens of thousands", "десятки тысяч", "a third"
        matched = None
        for size in range(min(t.max_phrase, n - i), 0, -1):
            key = tuple(w for _, _, w in tokens[i:i + size])
            if key in t.phrases and _joined(text, tokens[i:i + size]):
                matched = (size, *t.phrases[key])
                break
        if matched:
            size, value, form = matched
            end = tokens[i + size - 1][1]
            scale = _scale_follows(tokens, i + size, t) if form == "fraction" else None
            if scale is not None:  # "a quarter of a million", «чверть мільйона»: that part of the scale, a figure
                k, factor = scale
                out.append(_Atom(a, tokens[k][1], _tidy(value * factor), words=True, has_scale=True))
                i = k + 1
                continue
            if form in ("cardinal", "multiplier") or not _number_follows(text, end, t):
                out.append(_Atom(a, end, value, words=True, form=form))
                i += size
                continue
        compound = t.compounds.match(word)
        if compound and word not in t.words:  # «після п'ятигодинного засідання»: five, of hours
            out.append(_Atom(a, a + compound.end(1), t.compound_values[compound.group(1)], words=True))
            i += 1
            continue
        if word in t.words or (word == "a" and i + 1 < n and tokens[i + 1][2] in t.scales):
            j = i
            run = []
            while j < n:
                _, _, w = tokens[j]
                if run and not _joined(text, [tokens[j - 1], tokens[j]], max_gap=3):
                    break
                if w in t.joiners and run and t.words.get(run[-1][2], 0) < 100:
                    break  # "platforms two and three": two numbers; "and" joins only after a hundred or a scale
                if run and w in t.words and t.words.get(run[-1][2], 1000) <= t.words[w] < 100:
                    break  # «три-четыре», "ten-twelve": two numbers (a range), not 7 or 22; "twenty-one" is one
                if w in t.words or (w in t.joiners and run) or (w == "a" and not run):
                    run.append(tokens[j])
                    j += 1
                    continue
                break
            while run and (run[-1][2] in t.joiners or run[-1][2] == "a"):
                run.pop()
            if run and (run[0][2] == "a" or run[0][2] not in t.scales):
                value = parse_words(text[run[0][0]:run[-1][1]])
                if value is not None:
                    out.append(_Atom(run[0][0], run[-1][1], value, words=True,
                                     has_scale=any(w in t.scales for _, _, w in run)))
                    i = max(j, i + 1)
                    continue
        if word in t.ordinals:
            out.append(_Atom(a, b, t.ordinals[word], words=True, form="ordinal"))
        i += 1
    return out


def _scale_follows(tokens, k: int, t: _Tables) -> tuple[int, float] | None:
    """The scale word right after a fraction, past "a" or "of a" ("half a million", "a quarter of a million",
    «чверть мільйона», «четверти миллиона»): its token index and factor; None when none follows."""
    for skip in ((), ("a",), ("of", "a")):
        j = k + len(skip)
        if j < len(tokens) and tuple(w for _, _, w in tokens[k:j]) == skip and tokens[j][2] in t.scales and all(
                tokens[x + 1][0] - tokens[x][1] <= 2 for x in range(k - 1, j)):
            return j, t.words[tokens[j][2]]
    return None


def _joined(text: str, toks, max_gap: int = 3) -> bool:
    for (_, end, _), (start, _, _) in zip(toks, toks[1:]):
        gap = text[end:start]
        if not (gap == "-" or (gap.strip() == "" and "\n" not in gap and len(gap) <= max_gap)):
            return False
    return True


def _number_follows(text: str, end: int, t: _Tables) -> bool:
    """ "half a million" / "половина из 10": the fraction qualifies a figure, which is read on its own."""
    rest = text[end:end + 12].lstrip().lower()
    return bool(rest[:1].isdigit())


def _atoms(text: str) -> list[_Atom]:
    t = tables()
    out = _digit_atoms(text, t)
    if any(ch.isalpha() for ch in text):
        taken = [(x.start, x.end) for x in out]
        out += [w for w in _word_atoms(text, t) if not any(a < w.end and w.start < b for a, b in taken)]
        out.sort(key=lambda x: x.start)
    return _mixed(text, out, t)


def _mixed(text: str, atoms: list[_Atom], t: _Tables) -> list[_Atom]:
    """A fraction joined to what precedes it is no share: "two and a half" is 2.5, and "an hour and a half"
    is part of a duration, not 50 %."""
    out: list[_Atom] = []
    for x in atoms:
        if x.form == "fraction":
            joiner = t.mixed_before.search(text, max(0, x.start - 8), x.start)
            if joiner is not None and not t.share_of.match(text, x.end):
                prev = out[-1] if out else None
                if prev is not None and prev.form == "cardinal" and not text[prev.end:joiner.start()].strip():
                    out[-1] = _Atom(prev.start, x.end, _tidy(prev.value + x.value), words=prev.words or x.words)
                continue
        out.append(x)
    return out


def find_numbers(text: str) -> list[NumberMention]:
    """Every number expression in ``text``, with ranges merged and hedges read."""
    t = tables()
    atoms = _atoms(text)
    mentions: list[NumberMention] = []
    i = 0
    while i < len(atoms):
        x = atoms[i]
        mention = NumberMention(x.start, x.end, x.start, x.end, text[x.start:x.end], value=x.value, words=x.words,
                                has_scale=x.has_scale, raw=text[x.start:x.end], form=x.form)
        if x.form == "vague":
            mention.value, mention.lo, mention.hedge, mention.hedge_kind = None, x.value, "vague", "lower"
            y = atoms[i + 1] if i + 1 < len(atoms) else None
            if y is not None and y.form == "vague" and y.value > x.value and t.range_mid.match(text[x.end:y.start]):
                # "hundreds or thousands", «сотни или тысячи»: at least the smaller
                mention.end = mention.num_end = y.end
                mention.text = mention.raw = text[x.start:y.end]
                i += 1
        if i + 1 < len(atoms) and x.form == "cardinal" and atoms[i + 1].form == "cardinal":
            y = atoms[i + 1]
            range_mention = _range(text, x, y, t)
            if range_mention is not None:
                mention = range_mention
                i += 1
        i += 1
        if mention.form != "vague":
            _read_hedges(text, mention, t)
        if not mention.words and not mention.hedge:
            _read_sign(text, mention, t)
        mentions.append(mention)
    return mentions


def _read_sign(text: str, mention: NumberMention, t: _Tables) -> None:
    """ "minus 70 degrees", «мінус 70 градусів»: a sign word right before the digits puts the figure below zero
    (a range's bounds swap: «мінус 10-15» lies between -15 and -10)."""
    sign = t.minus_before.search(text, max(0, mention.start - 12), mention.start)
    if sign is None:
        return
    mention.value = None if mention.value is None else -mention.value
    mention.lo, mention.hi = (None if mention.hi is None else -mention.hi), (None if mention.lo is None else -mention.lo)
    mention.start = sign.start()
    mention.text = text[mention.start:mention.end]


def _range(text: str, x: _Atom, y: _Atom, t: _Tables) -> NumberMention | None:
    """ "2.6-2.9", "from 60 to 120", "between 15% and 20%", "20 to 21 per cent", "от 5 до 10", "two or three"."""
    between = text[x.end:y.start]
    if "\n" in between or len(between) > 16:
        return None
    before = text[max(0, x.start - 24):x.start]
    lead = t.range_lead.search(before)
    mid = t.range_mid.match(between)
    if not mid:
        return None
    word = mid.group(1).lower()
    if word in ("-", "–", "—"):
        if (x.words or y.words) and not (x.words and y.words and between in ("-", "–") and x.value < y.value < 100):
            return None  # (but «три-четыре», "ten-twelve": two words glued by a hyphen, the smaller first, a range)
    elif not lead and word not in ("to", "or", "до", "или", "або", "чи"):
        return None  # "5 and 10 people" are two figures unless "between" opens them
    lo, hi = x.value, y.value
    if y.has_scale and not x.has_scale and lo < hi:
        scaled = lo * _scale_of(text[y.start:y.end], t)
        if scaled <= hi:
            lo = scaled  # "2-3 million"
    if lo >= hi or (not lead and word not in ("-", "–", "—") and hi > lo * 20):
        return None
    mention = NumberMention(x.start, y.end, x.start, y.end, text[x.start:y.end], lo=lo, hi=hi, is_range=True,
                            words=x.words, has_scale=x.has_scale or y.has_scale, raw=text[x.start:y.end])
    if lead:
        mention.start = x.start - (len(before) - lead.start(1))
        mention.hedge = lead.group(1)
        mention.text = text[mention.start:mention.end]
    return mention


def _scale_of(expr: str, t: _Tables) -> float:
    m = re.search(r"([^\W\d_]+)\.?\s*$", expr)
    return t.abbreviations.get(_norm(m.group(1)), 1.0) if m else 1.0


def _read_hedges(text: str, mention: NumberMention, t: _Tables) -> None:
    before_start = max(0, mention.start - 40)
    before = text[before_start:mention.start]
    cur = _CURRENCY_PREFIX.search(before)
    if cur:
        mention.currency_prefix = cur.group(0).strip()
        before = before[: cur.start()]
    if not mention.is_range:
        m = t.hedge_before.search(before)
        group = (1 if m.group(1) else 2) if m else 0
        if m and _norm(m.group(group)) not in t.prefix_only_in_range:
            hedge = m.group(group)
            kind = t.hedges.get(_norm(hedge), "approx")
            mention.hedge, mention.hedge_kind = hedge, kind
            mention.start = before_start + m.start(group)
            _apply(mention, kind)
        else:
            after = t.hedge_after.match(text[mention.end:mention.end + 20])
            if after:
                hedge = after.group(1)
                kind = t.post_hedges[_norm(hedge)]
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
