"""Named entities (people, organisations, places, groups, events) in cleaned documents.

Each passage goes to the recogniser of its language, through the one linguistic pass of
:mod:`storylens.annotate.syntax` that claim extraction shares:

- English → a spaCy pipeline (``EntitySettings.spacy_pipeline``, default ``en_core_web_sm``): its
  entities come from the same ``nlp.pipe`` pass that tags and parses (or, when nothing needs a parse,
  from a pass with only what NER needs);
- Russian → natasha (slovnet NER; its weights ship in the wheel), beside natasha's syntax;
- anything else (uk, kk, ro, …) → rules: the gazetteer, capitalised sequences, and
  inflection-aware patterns (surname endings, titles, organisation words, place prepositions).

Labels are PER, ORG, LOC, GROUP (nationalities, religious or political groups), EVENT and MISC.
Offsets point into ``Document.text``. Filters then drop what cleaning may have left behind:
mentions inside URLs, markdown link targets, @handles and hashtags; mentions on banner lines
(repeated lines, phrases repeated on one line, call-to-action lines); emoji and mojibake;
single characters, stop-words and numbers.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from storylens.annotate.gazetteer import Gazetteer, default_gazetteer
from storylens.annotate.syntax import Parse, Parser, SyntaxSettings, guess_language
from storylens.doc import Document, EntityMention

__all__ = ["EntityRecognizer", "EntitySettings", "find_by_rules", "guess_language", "mentions_from_parse"]

LABELS = ("PER", "ORG", "LOC", "GROUP", "EVENT", "MISC")

SPACY_LABELS = {
    "PERSON": "PER", "PER": "PER",
    "ORG": "ORG",
    "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "GROUP",
    "EVENT": "EVENT",
    "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC", "MISC": "MISC",
}


@dataclass
class EntitySettings:
    """How entities are recognised."""

    # spaCy pipeline for English: an installed package name, a path, or a shipped model name.
    spacy_pipeline: str = "en_core_web_sm"
    spacy_languages: tuple[str, ...] = ("en",)
    natasha_languages: tuple[str, ...] = ("ru",)
    batch_size: int = 64
    # Gazetteer: correct model labels for known names and add known names a model missed.
    use_gazetteer: bool = True
    gazetteer_path: str | None = None
    # Drop mentions that look like leftovers of cleaning (see module docstring).
    filters: bool = True
    # Passages shorter than this use the document's language when their own guess disagrees
    # in script or is missing (language detection is unreliable on short text).
    short_passage: int = 300

    def syntax(self, parse: bool = False) -> SyntaxSettings:
        """The parser settings these entity settings imply (``parse=False``: NER alone)."""
        return SyntaxSettings(spacy_pipeline=self.spacy_pipeline, spacy_languages=self.spacy_languages,
                              natasha_languages=self.natasha_languages, batch_size=self.batch_size, parse=parse,
                              short_passage=self.short_passage)


class EntityRecognizer:
    """Finds entity mentions from a :class:`~storylens.annotate.syntax.Parse` (the parse that claims use
    too), or from its own NER-only pass; models load on first use and are reused."""

    def __init__(self, settings: EntitySettings | None = None, parser: Parser | None = None):
        self.settings = settings or EntitySettings()
        self._parser = parser
        self._gazetteer: Gazetteer | None = None

    @property
    def parser(self) -> Parser:
        if self._parser is None:
            self._parser = Parser(self.settings.syntax(parse=False))
        return self._parser

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer(self.settings.gazetteer_path)
        return self._gazetteer

    # --- public API ---------------------------------------------------------------------

    def find(self, doc: Document) -> list[EntityMention]:
        """Entity mentions of one document, in text order."""
        return self.find_many([doc])[0]

    def find_many(self, docs: list[Document], parses: list[Parse] | None = None) -> list[list[EntityMention]]:
        """Entity mentions of many documents, from their parses (made here when not given)."""
        if parses is None:
            parses = self.parser.parse_many(docs)
        return [self._finish(doc, self.from_parse(doc, parse)) for doc, parse in zip(docs, parses)]

    def from_parse(self, doc: Document, parse: Parse) -> list[EntityMention]:
        """Raw mentions: the models' entities where a model read the passage (the gazetteer corrects their
        labels and adds known names they missed), rules elsewhere."""
        found: list[EntityMention] = []
        for start, end, code in parse.passages:
            text = doc.text[start:end]
            if self.parser.engine(code) in ("spacy", "natasha"):
                local = []
                for a, b, label, engine in parse.ents:
                    mapped = SPACY_LABELS.get(label) if engine == "spacy" else label
                    if start <= a < end and mapped:
                        local.append(EntityMention(a - start, b - start, doc.text[a:b], mapped, engine))
                if self.settings.use_gazetteer:
                    local = self._with_gazetteer(text, local)
            else:
                local = find_by_rules(text, self.gazetteer)
            found += [EntityMention(m.start + start, m.end + start, m.text, m.label, m.detector) for m in local]
        found.sort(key=lambda m: m.start)
        return found

    def recognise(self, texts: list[str], engine: str) -> list[list[EntityMention]]:
        """Raw mentions (offsets into each text) from one engine: spacy, natasha or rules."""
        code = {"spacy": self.settings.spacy_languages[0], "natasha": self.settings.natasha_languages[0]}.get(engine)
        if code is None:
            return [find_by_rules(text, self.gazetteer) for text in texts]
        return [self.recognise_text(text, code) for text in texts]

    def recognise_text(self, text: str, language: str) -> list[EntityMention]:
        """Mentions in a bare text of a known language (no document filters)."""
        from storylens.doc import Passage

        doc = Document(id="text", origin="text", format="txt", raw_text=text, text=text, meta={"language": language},
                       passages=[Passage(0, len(text), language=language)])
        return self.from_parse(doc, self.parser.parse(doc))

    # --- engines ------------------------------------------------------------------------

    def _with_gazetteer(self, text: str, mentions: list[EntityMention]) -> list[EntityMention]:
        gaz = self.gazetteer
        for m in mentions:
            entry = gaz.lookup(_trim(m.text)[0])
            if entry is not None and entry.label != m.label:
                m.label = entry.label
                m.detector += "+gazetteer"
        for s, e, entry in gaz.scan(text):
            overlapping = [m for m in mentions if s < m.end and m.start < e]
            if not overlapping:
                mentions.append(EntityMention(s, e, text[s:e], entry.label, "gazetteer"))
            elif all(s <= m.start and m.end <= e for m in overlapping) and any(
                (m.start, m.end) != (s, e) for m in overlapping
            ):
                # a known name the model split or cut short ("Kassym-" + "Jomart Tokayev")
                mentions = [m for m in mentions if m not in overlapping]
                mentions.append(EntityMention(s, e, text[s:e], entry.label, "gazetteer"))
        mentions.sort(key=lambda m: m.start)
        return mentions

    # --- filters ------------------------------------------------------------------------

    def _finish(self, doc: Document, mentions: list[EntityMention]) -> list[EntityMention]:
        text = doc.text
        out: list[EntityMention] = []
        masked = _masked_spans(text) if self.settings.filters else []
        banners = _banner_lines(text) if self.settings.filters else []
        for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
            start, end = _trim_span(text, m.start, m.end)
            if end - start < 2:
                continue
            m.start, m.end, m.text = start, end, text[start:end]
            if self.settings.filters and _rejected(m, masked, banners):
                continue
            if out and m.start < out[-1].end:
                continue  # overlaps an earlier mention
            out.append(m)
        return out



def mentions_from_parse(doc: Document, parse: Parse) -> list[EntityMention]:
    """Entity mentions of ``doc`` from a parse, with the default settings (gazetteer and filters)."""
    recognizer = _default_recognizer()
    return recognizer._finish(doc, recognizer.from_parse(doc, parse))


@lru_cache(maxsize=1)
def _default_recognizer() -> EntityRecognizer:
    return EntityRecognizer()


# --- filters ------------------------------------------------------------------------------

# Possessive quantifiers and start-of-word anchors keep these linear on a long run of letters.
_URL = re.compile(
    r"https?://\S+|www\.\S+|(?<![\w.-])(?:[\w-]++\.)++(?:com|org|net|ru|kz|ua|ro|uk|eu|io|me|info|example)(?:/\S*)?\b"
    r"|\]\([^)\s]*\)|[@#][^\W\d_][\w.]*|(?<![^\s<(\[])[^\s@]++@[\w-]++(?:\.[\w-]++)+",
    re.IGNORECASE,
)
_CALL_TO_ACTION = re.compile(
    r"\b(?:click here|apasa aici|apăsați aici|apasă aici|subscribe|sign up|donate|read also|read more|"
    r"you may also like|related:|share this|подписывайтесь|подпишитесь|читайте также|читайте нас|"
    r"поддержать канал|підписуйтесь|підпишіться|читайте також|оформи\w* подписку)\b",
    re.IGNORECASE,
)
_STOP = {
    "the", "a", "an", "this", "that", "these", "those", "i", "we", "you", "he", "she", "they", "it",
    "mr", "mrs", "ms", "dr", "prof", "related", "photo", "source", "author", "update", "updated",
    "breaking", "share", "like", "reply", "loading", "advertisement", "dead comment", "comment",
    "comments", "edit", "read", "more", "click", "here", "subscribe", "news", "video", "live",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "god", "ok", "lol", "imo", "tl;dr", "hn", "fyi",
    "это", "все", "так", "там", "тут", "как", "но", "и", "а", "в", "на", "он", "она", "они", "мы",
    "фото", "видео", "источник", "автор", "читайте", "підписуйтесь", "підписатися",
}
_MOJIBAKE = re.compile(r"[ÃÂâ€™œ‚Ð][\x80-\xBF€™œ\u0080-\u00BF]|[üö][áÄ]|‚ñ|Ô∏|¬©")


def _masked_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _URL.finditer(text)]


def _banner_lines(text: str) -> list[tuple[int, int]]:
    """Lines that are banners: repeated in the document, a phrase repeated on the line, or a call to action."""
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    counts = Counter(line.strip().casefold() for _, _, line in lines if line.strip())
    out = []
    for s, e, line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        repeated = counts[stripped.casefold()] > 1 and len(stripped.split()) <= 12
        if repeated or _self_repeating(stripped) or (_CALL_TO_ACTION.search(stripped) and len(stripped) < 120):
            out.append((s, e))
    return out


def _self_repeating(line: str) -> bool:
    """A line made mostly of one phrase said again and again ("Click here! Click here! Click here!")."""
    words = line.casefold().split()
    if len(words) < 6:
        return False
    for n in range(2, min(10, len(words) // 3) + 1):
        gram, count = Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1)).most_common(1)[0]
        if count >= 3 and count * n >= 0.6 * len(words):
            return True
    return False


def _inside(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= s and e <= b or (s < b and a < e) for a, b in spans)


def _rejected(m: EntityMention, masked: list[tuple[int, int]], banners: list[tuple[int, int]]) -> bool:
    t = m.text
    if _inside(m.start, m.end, masked) or _inside(m.start, m.end, banners):
        return True
    if t.casefold() in _STOP or not any(c.isalpha() for c in t):
        return True
    if sum(c.isalpha() for c in t) < 2:
        return True
    if not any(c.isupper() for c in t) and m.label != "GROUP":  # "harden": names are capitalised
        return True
    if _MOJIBAKE.search(t) or any(_is_symbol(c) for c in t):
        return True
    if _CALL_TO_ACTION.search(t):
        return True
    if t.isupper() and len(t.split()) >= 4:  # an all-caps slogan or banner, not a name
        return True
    return False


def _is_symbol(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat in ("So", "Sk", "Cs", "Co") or 0x1F000 <= ord(ch) <= 0x1FAFF


_EDGE = "\"'«»„“”‘’()[]{}<>*_#@|,;:!?/\\-–—…·•"


def _trim(text: str) -> tuple[str, int, int]:
    """Text without edge punctuation, a leading article and a trailing possessive; (text, cut_left, cut_right)."""
    left = right = 0
    while text and (text[0] in _EDGE or text[0].isspace() or _is_symbol(text[0])):
        text, left = text[1:], left + 1
    while text and (text[-1] in _EDGE + "." or text[-1].isspace() or _is_symbol(text[-1])):
        if text[-1] == "." and len(text) >= 2 and (text[-2].isupper() and (len(text) < 3 or text[-3] == ".")):
            break  # keep the dot of "U.S."
        text, right = text[:-1], right + 1
    m = re.match(r"(?i)(the|a|an)\s+", text)
    if m and len(text) > m.end():
        text, left = text[m.end() :], left + m.end()
    m = re.search(r"['’]s?$", text)
    if m and m.start() > 0 and (m.group() != "’" and m.group() != "'" or text[m.start() - 1] == "s"):
        right += len(text) - m.start()
        text = text[: m.start()]
    return text, left, right


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    _, left, right = _trim(text[start:end])
    return start + left, max(start + left, end - right)


# --- rule-based recogniser ----------------------------------------------------------------

_UP = r"[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺЎЈЉЊЋЏЅЃЌ]"
_LOW = r"[a-zß-öø-ÿā-ſа-яёіїєґәғқңөұүһўјљњћџѕѓќ'’]"
_CAP_WORD = rf"{_UP}{_LOW}+(?:-{_UP}?{_LOW}+)*|{_UP}{{2,6}}\b"
_CONNECT = r"(?:de|da|di|del|van|von|der|al|bin|ibn|la|le|и|та|și|şi|i)"
_CAP_SEQ = re.compile(rf"(?<![\w@#])(?:{_CAP_WORD})(?:\s+(?:{_CONNECT}\s+)?(?:{_CAP_WORD}))*")

_SURNAME = re.compile(
    r"(?:ov|ev|yev|ova|eva|yeva|in|ina|enko|chuk|uk|yuk|escu|eanu|ski|sky|skyi|skiy|ska|vich|ovych|ovich|"
    r"bayev|bekov|uly|kyzy|yan|ian|dze|shvili|"
    r"ов|ев|ёв|ин|ова|ева|ина|енко|ук|юк|чук|ський|ский|ская|ська|ович|евич|ич|ұлы|қызы|ян|дзе|швили)"
    r"(?:а|у|ым|ом|е|ою|ой|им|і|ові|ю|ої|ій|ого|ому|ul|ului)?$"
)
_PERSON_CUE = re.compile(
    r"(?i)(?:president|prime minister|premier|minister|mayor|general|senator|spokesman|spokeswoman|"
    r"mr|mrs|ms|dr|domnul|doamna|președintele|premierul|ministrul|"
    r"президент\w*|прем'єр\w*|премьер\w*|міністр\w*|министр\w*|мэр\w*|мер\w*|генерал\w*|"
    r"пан|пані|господин\w*|речник\w*|пресс-секретар\w*|прес-секретар\w*|депутат\w*|"
    r"presidenti|премьер-министрі|министрі|әкімі)\.?\s+$"
)
_ORG_WORD = re.compile(
    r"(?i)\b(?:ministry|ministerul|committee|comitetul|council|consiliul|party|partidul|union|"
    r"university|universitatea|bank|banca|agency|agenția|service|court|curtea|company|corporation|"
    r"organi[sz]ation|organizația|fund|news|press|tv|radio|parliament|parlamentul|government|guvernul|"
    r"міністерство|министерство|комитет|комітет|рада|совет|партія|партия|університет|университет|"
    r"банк|агентство|агенція|служба|суд|союз|фонд|уряд|правительство|парламент|"
    r"министрлігі|комитеті|партиясы|үкіметі|соты|ТОО|АО|ООО|ПАТ|ТОВ|S\.A\.|S\.R\.L\.)\b"
)
_LOC_CUE = re.compile(
    r"(?i)(?:\b(?:in|from|to|near|at|în|din|la|spre|lângă|в|во|из|у|з|із|до|біля|около|под|на|"
    r"через)\s+)$"
)
_LOC_SUFFIX = re.compile(r"(?:stan|стан|grad|град|sk|ськ|ск|burg|бург|ville|pol|поль|іль|oblast|область|облысы)\w{0,3}$", re.I)
_LOC_WORD = re.compile(r"(?i)\b(?:oblast|region|regiunea|județul|city|oraș|область|регіон|регион|район|облысы|ауданы|қаласы)\b")


def find_by_rules(text: str, gazetteer: Gazetteer | None = None) -> list[EntityMention]:
    """Gazetteer names, then capitalised sequences labelled by patterns (uk, kk, ro, …)."""
    gaz = gazetteer or default_gazetteer()
    out = [EntityMention(s, e, text[s:e], entry.label, "gazetteer") for s, e, entry in gaz.scan(text)]
    taken = [(m.start, m.end) for m in out]
    for m in _CAP_SEQ.finditer(text):
        s, e = m.start(), m.end()
        if any(s < te and ts < e for ts, te in taken):
            continue
        words = m.group().split()
        before = text[max(0, s - 40) : s]
        sentence_start = not before.strip() or re.search(r"[.!?:…»\"”]\s*$|\n\s*$", before) is not None
        if sentence_start and len(words) == 1 and not _SURNAME.search(words[0]) and not words[0].isupper():
            # a capitalised first word: a name only if it is capitalised elsewhere mid-sentence
            if not re.search(rf"(?<=[\w,;] ){re.escape(words[0])}\b", text):
                continue
        if sentence_start and len(words) > 1 and words[0].casefold() in _STOP:
            s += len(words[0]) + 1
            words = words[1:]
        surface = " ".join(words)
        if surface.casefold() in _STOP or len(surface) < 2:
            continue
        label = _rule_label(text, s, e, words, before)
        out.append(EntityMention(s, e, text[s:e], label, "rules"))
    out.sort(key=lambda m: m.start)
    return out


def _rule_label(text: str, s: int, e: int, words: list[str], before: str) -> str:
    surface = " ".join(words)
    if _ORG_WORD.search(surface) or _ORG_WORD.search(text[s : e + 1]):
        return "ORG"
    if len(words) == 1 and words[0].isupper() and len(words[0]) >= 2:
        return "ORG"
    if _LOC_WORD.search(text[e : e + 20]) or _LOC_WORD.search(surface):
        return "LOC"
    if _PERSON_CUE.search(before) or (len(words) <= 3 and _SURNAME.search(words[-1])):
        return "PER"
    if len(words) == 1 and (_LOC_CUE.search(before) or _LOC_SUFFIX.search(words[0])):
        return "LOC"
    if 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() for w in words):
        return "PER"
    return "MISC"

