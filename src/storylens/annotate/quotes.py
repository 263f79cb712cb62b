"""Direct quotations and their speakers.

A quote is text of at least three words between quotation marks: “…”, "…", «…», „…“ or ‘…’
(a quote may close with a different mark than it opened with, as scraped text often has “…").
The speaker comes from, in order:

1. the words right after the closing mark: ``”, Karin said``, ``," said Mr Tokayev``, ``», — заявил Токаев``,
   ``” Dr Aliya Serikova, a historian …, wrote``, ``," he said``;
2. the words before the opening mark: ``Mr Tokayev said that “…``, ``X said it was … counting on “…``,
   ``по словам X, «…``, ``X stated that … “…”`` (the attribution rules of :mod:`~storylens.annotate.attribution`);
3. an attribution elsewhere in the sentence (``“…”, according to X``) or in a previous sentence ending with
   a colon (``Tokayev said:`` then the quote).

A pronoun speaker (he/she/they, он/она) is resolved to the source of the previous sentence or the last
name-like span (two or three capitalised words) in the three sentences before; when neither exists the
speaker stays None. Rules only; no models.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from storylens.annotate.attribution import clean_source, find_attribution, is_pronoun
from storylens.doc import Document, Quote

_OPENERS = {"“": "”\"", "«": "»", "„": "“”\"", "‘": "’", '"': "\"”"}
_MARKS = re.compile(r"[“”«»„\"‘’]")
_MIN_WORDS = 3

_SAY = (r"said|says|say|wrote|writes|told(?: \w+)?|added|adds|stated|states|tweeted|posted|responded|noted|insisted|"
        r"claimed|claims|"
        r"asked|replied|explained|warned|declared|announced|recalled|argued|"
        r"заявил[аои]?|заявляет|сказал[аои]?|отметил[аои]?|написал[аои]?|добавил[аои]?|сообщил[аои]?|пишет|говорит|"
        r"подчеркнул[аои]?|уточнил[аои]?|пояснил[аои]?")
_NAME = r"(?:(?:Mr|Mrs|Ms|Dr|Prof|President|Minister|Colonel|General|Sir)\.?\s+)?[A-ZА-ЯЁ][\w’'.-]*(?:\s+(?:of\s+|the\s+)?[A-ZА-ЯЁ][\w’'.-]*){0,4}"
_INSTITUTION_NP = r"(?:the\s+)?(?:[a-z][\w’'-]*\s+){0,3}(?:ministry|office|government|spokesman|spokeswoman|police|president|official|officials|agency|committee)"
_PRONOUN = r"(?:he|she|they|он|она|они)"
_POST_SUBJECT_VERB = re.compile(
    rf"^\s*[,.!?…]?\s*[—–-]?\s*(?P<x>{_NAME}|{_INSTITUTION_NP}|{_PRONOUN})(?:\s*,\s*[^,“”\"«»]{{1,90}}?,?)?\s+(?:{_SAY})\b",
)
_POST_VERB_SUBJECT = re.compile(rf"^\s*[,.!?…]?\s*[—–-]?\s*(?:{_SAY})\s+(?P<x>{_NAME}|{_INSTITUTION_NP}|{_PRONOUN})\b")
_POST_DASH = re.compile(rf"^\s*[,.!?…]?\s*[—–]\s*(?P<x>{_NAME})\s*[.!]?\s*$")
_PARTICIPLE = re.compile(r"\b(?:saying|stating|writing|adding|noting|declaring|insisting|calling|заявив|отметив|"
                         r"подчеркнув|сказав|добавив)\b", re.IGNORECASE)
_LEADING_NAME = re.compile(rf"^\W*(?P<x>{_NAME}|{_PRONOUN})\b")
_PERSON = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|President)\.?\s+)?[A-ZА-ЯЁ][a-zа-яё]+(?:[- ][A-ZА-ЯЁ][a-zа-яё]+){1,2}"
)
_NOT_PERSON = re.compile(
    r"\b(?:Kazakhstan|Russia|Ukraine|China|Kyrgyzstan|Ministry|Committee|Council|Organization|Organisation|Union|"
    r"Treaty|Security|Collective|Pact|Soviet|Central|Asia|Republic|National|State|Foreign|Affairs|University|"
    r"Arena|Fund|Agency|Office|Day|Year|Eve|Square|Street|Project|Policy|News|Media|Press|Party|Army|Forces|"
    r"Казахстан\w*|Росси\w*|Министерств\w*|Комитет\w*|Совет\w*|Республик\w*)\b"
)


def extract_quotes(doc: Document) -> list[Quote]:
    """Every direct quotation of three words or more, in text order, with its speaker when found."""
    text = doc.text
    sentences = [(s.start, s.end) for s in doc.sentences] or [(0, len(text))]
    starts = [a for a, _ in sentences]
    quotes: list[Quote] = []
    prev_close = -1
    prev_quote: Quote | None = None
    for q_start, q_end, close_end in _quote_spans(doc):
        body = text[q_start:q_end]
        if len(re.findall(r"\w+", body)) < _MIN_WORDS:
            continue
        quote = Quote(start=q_start, end=q_end, text=body)
        si = _sentence_index(starts, q_start - 1)
        ei = _sentence_index(starts, max(close_end - 1, q_start))
        s_start = max(sentences[si][0], prev_close if prev_close <= q_start else 0)
        e_end = sentences[ei][1]
        if (prev_quote is not None and prev_quote.speaker and prev_quote.speaker_end is not None
                and prev_close <= prev_quote.speaker_start and prev_quote.speaker_end < q_start
                and q_start - prev_close < 200 and "\n\n" not in text[prev_close:q_start]):
            # a quote that goes on after its attribution: “…,” X wrote. “…”
            quote.speaker = prev_quote.speaker
            quote.speaker_start, quote.speaker_end = prev_quote.speaker_start, prev_quote.speaker_end
        else:
            speaker = _speaker(text, s_start, q_start - 1, close_end, e_end, sentences, si)
            if speaker is not None:
                name, a, b = speaker
                if is_pronoun(name):
                    resolved = _resolve_pronoun(text, sentences, si)
                    name, a, b = resolved if resolved else (None, None, None)
                if name:
                    quote.speaker, quote.speaker_start, quote.speaker_end = name, a, b
        quotes.append(quote)
        prev_close, prev_quote = close_end, quote
    return quotes


def _quote_spans(doc: Document):
    """(start, end, end of closing mark) of quoted text, passage by passage."""
    text = doc.text
    passages = [(p.start, p.end) for p in doc.passages] or [(0, len(text))]
    open_char, open_pos, carried = None, -1, 0
    last_end = 0
    for p_start, p_end in passages:
        # a quote may run on into the next line of the same block, not further
        if open_char is not None and (carried >= 1 or "\n\n" in text[last_end:p_start]):
            open_char = None
        carried = carried + 1 if open_char is not None else 0
        last_end = p_end
        for m in _MARKS.finditer(text, p_start, p_end):
            ch, pos = m.group(0), m.start()
            prev = text[pos - 1] if pos > p_start else " "
            nxt = text[pos + 1] if pos + 1 < p_end else " "
            if open_char is None:
                if ch not in _OPENERS:
                    continue
                if ch == "‘" and prev.isalnum():
                    continue
                if ch == '"' and prev.isalnum() and not nxt.isalnum():
                    continue  # a closing straight quote whose opening was lost
                open_char, open_pos = ch, pos
            elif ch in _OPENERS[open_char]:
                if ch == "’" and nxt.isalpha():
                    continue  # an apostrophe: Kazakhstan’s
                yield open_pos + 1, pos, pos + 1
                open_char, carried = None, 0
            elif ch == "«" and open_char == "«":
                continue


def _sentence_index(starts: list[int], pos: int) -> int:
    """The sentence holding ``pos``, else the last one starting before it (sentences are in
    text order and do not overlap); a binary search, so many quotes cost no more than a few."""
    return max(0, bisect_right(starts, pos) - 1)


def _speaker(text, s_start, open_pos, close_end, e_end, sentences, si):
    post = text[close_end:min(e_end, close_end + 300)]
    for rx in (_POST_SUBJECT_VERB, _POST_VERB_SUBJECT, _POST_DASH):
        m = rx.match(post)
        if m:
            name = clean_source(m.group("x"))
            if name:
                return name, close_end + m.start("x"), close_end + m.end("x")
    s_start = max(s_start, open_pos - 300)  # long sentences: look at most 300 characters back
    pre = text[s_start:max(s_start, open_pos)]
    if pre.strip():
        if _PARTICIPLE.search(pre):
            lead = _LEADING_NAME.match(text[s_start:e_end])
            if lead:
                return _located(text, lead.group("x"), s_start, e_end)
        attr = find_attribution(pre)
        if attr and attr.by:
            return _located(text, attr.by, s_start, open_pos)
    whole = text[s_start:max(s_start, open_pos)] + " " + post
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


def _located(text, name: str, lo: int, hi: int):
    pos = text.find(name, lo, hi)
    if pos < 0:
        return name, None, None
    return name, pos, pos + len(name)


def _resolve_pronoun(text, sentences, si):
    if si > 0:
        p_start, p_end = sentences[si - 1]
        attr = find_attribution(text[p_start:p_end])
        if attr and attr.by and not attr.pronoun and _PERSON.search(attr.by):
            person = _PERSON.search(attr.by)
            return _located(text, person.group(0), p_start, p_end)
    for k in range(si - 1, max(-1, si - 3), -1):
        p_start, p_end = sentences[k]
        sentence = text[p_start:p_end]
        people = [m for m in _PERSON.finditer(sentence) if not _NOT_PERSON.search(m.group(0))]
        if people:
            lead = next((m for m in people if m.start() <= 5), None)
            m = lead or people[-1]
            return m.group(0), p_start + m.start(), p_start + m.end()
    return None
