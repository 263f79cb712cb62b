"""Direct quotations and their speakers.

A quote is text of at least three words between quotation marks: “…”, "…", «…», „…“ or ‘…’
(a quote may close with a different mark than it opened with, as scraped text often has “…").
The speaker comes from, in order:

1. the words right after the closing mark: ``”, Karin said``, ``," said Mr Halden``, ``», — заявил Орлов``,
   ``” Dr Aliya Serikova, a historian …, wrote``, ``," he said``;
2. the words before the opening mark: ``Mr Halden said that “…``, ``X said it was … counting on “…``,
   ``по словам X, «…``, ``X stated that … “…”`` (the attribution rules of :mod:`~storylens.annotate.attribution`);
3. an attribution elsewhere in the sentence (``“…”, according to X``) or in a previous sentence ending with
   a colon (``Halden said:`` then the quote).

A quotation opened right after a colon (``X …, tweeting: “…”``) takes the speaker before it first.

A pronoun speaker (he/she/they, он/она) is resolved to the source of the previous sentence or the last
name-like span (two or three capitalised words) in the three sentences before; when neither exists the
speaker stays None; a capitalised run that names an organisation or a country (the world gazetteer) is
no antecedent. Rules only; no models. The words the rules read (speech verbs, participles, titles,
institution nouns, pronouns, words of non-person names) live in ``lang/<code>/quotes.json``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from storylens import lang
from storylens.annotate.attribution import clean_source, find_attribution, is_pronoun
from storylens.annotate.gazetteer import is_country
from storylens.doc import Document, Quote

_OPENERS = {"“": "”\"", "«": "»", "„": "“”\"", "‘": "’", '"': "\"”"}
_MARKS = re.compile(r"[“”«»„\"‘’]")
_MIN_WORDS = 3

_UPPER = "A-ZА-ЯЁІЇЄҐ"
_LOWER = "a-zа-яёіїєґ"


class _Rules:
    """The speaker patterns, built from every language's ``lang/<code>/quotes.json``."""

    def __init__(self) -> None:
        data = lang.merged("quotes")

        def words(kind: str) -> list[str]:
            found = {w for cues in data.values() for w in cues.get(kind, [])}
            return sorted(found, key=lambda w: (-len(w), w))

        def either(items: list[str]) -> str:
            return "|".join(items) or "(?!)"

        say = either([re.escape(w) for w in words("say")] + [re.escape(w) + r"(?: \w+)?" for w in words("say_with_object")])
        titles = either([re.escape(w) for w in words("titles")])
        name = (rf"(?:(?:{titles})\.?\s+)?[{_UPPER}][\w’'.-]*(?:\s+(?:of\s+|the\s+)?[{_UPPER}][\w’'.-]*){{0,4}}")
        institution = rf"(?:[Tt]he\s+)?(?:[a-z][\w’'-]*\s+){{0,3}}(?:{either([re.escape(w) for w in words('institutions')])})"
        pronoun = rf"(?:{either([re.escape(w) for w in words('pronouns')])})"
        speaker = rf"(?P<x>{name}|{institution}|{pronoun})"
        self.post_subject_verb = re.compile(
            rf"^\s*[,.!?…]?\s*[—–-]?\s*{speaker}(?:\s*,\s*[^,“”\"«»]{{1,90}}?,?)?\s+(?:{say})\b")
        self.post_verb_subject = re.compile(rf"^\s*[,.!?…]?\s*[—–-]?\s*(?:{say})\s+{speaker}\b")
        self.post_dash = re.compile(rf"^\s*[,.!?…]?\s*[—–]\s*(?P<x>{name})\s*[.!]?\s*$")
        self.participle = re.compile(rf"\b(?:{either([re.escape(w) for w in words('participles')])})\b", re.IGNORECASE)
        self.leading_name = re.compile(rf"^\W*(?P<x>{institution}|{name}|{pronoun})\b")  # "The governor …, tweeting:"
        person_titles = either([re.escape(w) for w in words("person_titles")])
        self.person = re.compile(
            rf"(?:(?:{person_titles})\.?\s+)?[{_UPPER}][{_LOWER}]+(?:[- ][{_UPPER}][{_LOWER}]+){{1,2}}")
        not_person = [re.escape(w) for w in words("not_person")] + [re.escape(w) + r"\w*" for w in words("not_person_stems")]
        self.not_person = re.compile(rf"\b(?:{either(not_person)})\b")

    def is_person(self, span: str) -> bool:
        """A capitalised run names a person unless a word of it names an organisation, a thing or a country."""
        if self.not_person.search(span) or is_country(span):
            return False
        return not any(is_country(w) for w in span.replace("-", " ").split())


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    return _Rules()


def extract_quotes(doc: Document) -> list[Quote]:
    """Every direct quotation of three words or more, in text order, with its speaker when found."""
    text = doc.text
    sentences = [(s.start, s.end) for s in doc.sentences] or [(0, len(text))]
    starts = [a for a, _ in sentences]
    quotes: list[Quote] = []
    prev_close = -1
    prev_quote: Quote | None = None
    for q_start, q_end, close_end, goes_on in _quote_spans(doc):
        body = text[q_start:q_end]
        if len(re.findall(r"\w+", body)) < _MIN_WORDS:
            continue
        quote = Quote(start=q_start, end=q_end, text=body)
        si = _sentence_index(starts, q_start - 1)
        ei = _sentence_index(starts, max(close_end - 1, q_start))
        s_start = max(sentences[si][0], prev_close if prev_close <= q_start else 0)
        e_end = sentences[ei][1]
        post_end = e_end
        if ei + 1 < len(sentences) and not text[close_end:sentences[ei + 1][0]].strip() and (
                "\n" not in text[close_end:sentences[ei + 1][0]]):
            post_end = sentences[ei + 1][1]  # “… keep working?” X tweeted Wednesday.: the quotation closed its sentence
        if goes_on and prev_quote is not None and prev_quote.speaker and prev_close == q_start - 1:
            # the next paragraph of one speech: ‘He said: "… . "…"’ (its closing mark is only at its end)
            quote.speaker = prev_quote.speaker
            quote.speaker_start, quote.speaker_end = prev_quote.speaker_start, prev_quote.speaker_end
        elif (prev_quote is not None and prev_quote.speaker and prev_quote.speaker_end is not None
                and prev_close <= prev_quote.speaker_start and prev_quote.speaker_end < q_start
                and q_start - prev_close < 200 and "\n\n" not in text[prev_close:q_start]):
            # a quote that goes on after its attribution: “…,” X wrote. “…”
            quote.speaker = prev_quote.speaker
            quote.speaker_start, quote.speaker_end = prev_quote.speaker_start, prev_quote.speaker_end
        else:
            speaker = _speaker(text, s_start, q_start - 1, close_end, e_end, sentences, si, post_end)
            if speaker is not None:
                name, a, b = speaker
                if is_pronoun(name):  # (a quotation that opens a sentence of its own: the one before it is si)
                    resolved = _resolve_pronoun(text, sentences, si if q_start - 1 < sentences[si][1] else si + 1)
                    name, a, b = resolved if resolved else (None, None, None)
                if name:
                    quote.speaker, quote.speaker_start, quote.speaker_end = name, a, b
        quotes.append(quote)
        prev_close, prev_quote = close_end, quote
    return quotes


def _quote_spans(doc: Document):
    """(start, end, end of closing mark, goes on) of quoted text, passage by passage. A straight mark that opens a
    sentence inside an open quotation ('He said: "… again. "Tell them …"') opens the next paragraph of the same
    speech, as the convention of marking each paragraph's start has it once the paragraphs are run together: the
    quotation before ends there and the next one ``goes on`` from it."""
    text = doc.text
    passages = [(p.start, p.end) for p in doc.passages] or [(0, len(text))]
    open_char, open_pos, carried, continued = None, -1, 0, False
    last_end = 0
    for p_start, p_end in passages:
        # a quote may run on into the next line of the same block, not further
        if open_char is not None and (carried >= 1 or "\n\n" in text[last_end:p_start]):
            open_char, continued = None, False
        carried = carried + 1 if open_char is not None else 0
        # an opening mark between two passages of one block (a block cut into sentence groups) opens the next one
        lo = last_end if last_end < p_start and "\n" not in text[last_end:p_start] else p_start
        last_end = p_end
        for m in _MARKS.finditer(text, lo, p_end):
            ch, pos = m.group(0), m.start()
            prev = text[pos - 1] if pos > lo else " "
            nxt = text[pos + 1] if pos + 1 < p_end else " "
            if open_char is None:
                if ch not in _OPENERS:
                    continue
                if ch == "‘" and prev.isalnum():
                    continue
                if ch == '"' and prev.isalnum() and not nxt.isalnum():
                    continue  # a closing straight quote whose opening was lost
                open_char, open_pos, continued = ch, pos, False
            elif ch in _OPENERS[open_char]:
                if ch == "’" and nxt.isalpha():
                    continue  # an apostrophe: the country’s
                end = pos
                while end > open_pos + 1 and text[end - 1].isspace():
                    end -= 1
                if ch == '"' and open_char == '"' and nxt.isalnum() and end < pos and text[end - 1] in ".!?":
                    yield open_pos + 1, end, pos, continued  # a new paragraph of the same speech opens here
                    open_pos, carried, continued = pos, 0, True
                    continue
                yield open_pos + 1, pos, pos + 1, continued
                open_char, carried, continued = None, 0, False
            elif ch == "«" and open_char == "«":
                continue


def _sentence_index(starts: list[int], pos: int) -> int:
    """The sentence holding ``pos``, else the last one starting before it (sentences are in
    text order and do not overlap); a binary search, so many quotes cost no more than a few."""
    return max(0, bisect_right(starts, pos) - 1)


def _speaker(text, s_start, open_pos, close_end, e_end, sentences, si, post_end):
    """The speaker right after the quotation (up to ``post_end``: the next sentence when the quotation closed its
    own), before it, or elsewhere in its sentence or a colon sentence before."""
    post = text[close_end:min(post_end, close_end + 300)]
    rules = _rules()
    s_start = max(s_start, open_pos - 300)  # long sentences: look at most 300 characters back
    if re.search(r":\s*$", text[s_start:max(s_start, open_pos)]):  # "X …, tweeting: “…” This, he said, …": the colon
        found = _speaker_before(text, s_start, open_pos, e_end)  # hands the quotation to the one before it
        if found:
            return found
    for rx in (rules.post_subject_verb, rules.post_verb_subject, rules.post_dash):
        m = rx.match(post)
        if m:
            name = clean_source(m.group("x"))
            if name:
                return name, close_end + m.start("x"), close_end + m.end("x")
    found = _speaker_before(text, s_start, open_pos, e_end)
    if found:
        return found
    whole = text[s_start:max(s_start, open_pos)] + " " + text[close_end:min(e_end, close_end + 300)]
    attr = find_attribution(whole)
    if attr and attr.by:
        return _located(text, attr.by, s_start, e_end)
    if si > 0:
        p_start, p_end = sentences[si - 1]
        prev = text[p_start:p_end].rstrip()
        if prev.endswith(":"):
            attr = find_attribution(prev)
            if attr and attr.by:
                return _located(text, attr.by, p_start, p_end)
    return None


def _speaker_before(text, s_start, open_pos, e_end):
    """The speaker in the words of the sentence before the opening mark: the subject of a participle of speech
    (``X …, saying “…``, ``X …, tweeting: “…``), else an attribution there (``X said that “…``)."""
    pre = text[s_start:max(s_start, open_pos)]
    if not pre.strip():
        return None
    rules = _rules()
    if rules.participle.search(pre):
        lead = rules.leading_name.match(text[s_start:e_end])
        name = clean_source(lead.group("x")) if lead else None
        if name:
            return _located(text, name, s_start, e_end)
    attr = find_attribution(pre)
    if attr and attr.by:
        return _located(text, attr.by, s_start, open_pos)
    return None


def _located(text, name: str, lo: int, hi: int):
    pos = text.find(name, lo, hi)
    if pos < 0:
        return name, None, None
    return name, pos, pos + len(name)


def _resolve_pronoun(text, sentences, si):
    rules = _rules()
    for k in range(si - 1, max(-1, si - 3), -1):  # the source of the sentence before, or of the one before it when
        p_start, p_end = sentences[k]  # that one's is a pronoun too ("X told …. He warned …. “…,” he said")
        attr = find_attribution(text[p_start:p_end])
        if attr and attr.by and attr.pronoun:
            continue
        people = list(rules.person.finditer(attr.by)) if attr and attr.by else []
        if people:  # the name closes the source's phrase: "Ukraine's President Ivan Petrenko"
            return _located(text, people[-1].group(0), p_start, p_end)
        break
    for k in range(si - 1, max(-1, si - 3), -1):
        p_start, p_end = sentences[k]
        sentence = text[p_start:p_end]
        people = [m for m in rules.person.finditer(sentence) if rules.is_person(m.group(0))]
        if people:
            lead = next((m for m in people if m.start() <= 5), None)
            m = lead or people[-1]
            return m.group(0), p_start + m.start(), p_start + m.end()
    return None
