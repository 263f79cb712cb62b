"""Passages (paragraphs, headings, comments) and sentences, as offsets into the cleaned text."""

from __future__ import annotations

import re
from functools import lru_cache

from storylens import lang
from storylens.clean.edits import lines
from storylens.doc import Passage, Sentence

_ZONE = re.compile(r"[A-Z]{2,5}\b")


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(abbreviations after which a full stop does not end a sentence, those of them before names, times of day),
    from every language's ``segment.json``: the language of a passage is not known yet when it is split."""
    data = lang.merged("segment", lang.having("segment")).values()

    def words(key: str) -> frozenset[str]:
        return frozenset(w for d in data for w in d.get(key, []))

    return words("abbreviations"), words("before_names"), words("times_of_day")


_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+)")
# ("___ Jordans reported from Berlin.": a wire story's credit line after its separator starts a sentence of its own)
_NEXT_START = re.compile(r"\s+[\"'“‘«(\[]*([^\W_]|\d|[#@*•▪🔻_-])", re.UNICODE)
_TOKEN = re.compile(r"[^\s(\[\"“«]+")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``; line breaks always end a sentence."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _line_spans(text, start, end):
        sent_start = line_start
        for m in _BOUNDARY.finditer(text, line_start, line_end):
            cut = m.end()
            nxt = _NEXT_START.match(text, cut, line_end)
            if not nxt or not _is_boundary(text, m.start(), nxt):
                continue
            spans.append((sent_start, cut))
            sent_start = nxt.start(1)
            while sent_start < line_end and text[sent_start].isspace():
                sent_start += 1
        if sent_start < line_end and text[sent_start:line_end].strip():
            spans.append(_trim(text, sent_start, line_end))
    return [s for s in spans if s[1] > s[0]]


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if text[pos:stop].strip():
            spans.append(_trim(text, pos, stop))
        pos = stop + 1
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _token_before(text: str, punct: int) -> str:
    """The run of token characters that ends at ``punct`` (or at a line break just before it), at most 64
    long (bounded: linear in the text): what searching ``([^\\s(\\[\"“«]+)$`` between ``punct - 64`` and
    ``punct`` finds. Matched on the reversed window from its end, not tried from each of its starts."""
    window = text[max(0, punct - 64):punct][::-1]
    token = _TOKEN.match(window, 1 if window.startswith("\n") else 0)
    return token.group(0)[::-1] if token else ""


def _is_boundary(text: str, punct: int, nxt: re.Match[str]) -> bool:
    """Whether the punctuation at ``punct`` ends a sentence, given what starts after it (``_NEXT_START``'s match)."""
    following = nxt.group(1)
    if text[punct] != ".":
        return True  # ! ? … end a sentence when something follows
    token = _token_before(text, punct).lower().rstrip(".")
    abbreviations, before_names, times_of_day = _abbreviations()
    if token in times_of_day and _ZONE.match(text, nxt.start(1)):
        return False
    if token in abbreviations:
        # "5 тыс. чел. задержаны" continues; "в 2022 г. Протесты" starts a new sentence
        # unless the abbreviation is a title before a name.
        return following.isupper() and token not in before_names
    if len(token) == 1 and token.isalpha() and following.isupper():
        return False  # an initial: "V. Putin", "Н. Назарбаев"
    if token.replace(".", "").isdigit() and following.isdigit():
        return False
    return following.isupper() or following.isdigit() or not following.isalpha()


def passages_of(text: str, line_structured: bool, title: str | None = None,
                max_chars: int = 1500, target_chars: int = 500) -> list[Passage]:
    """Blank-line separated blocks (prose) or one passage per line (comment threads).

    A prose block longer than ``max_chars`` (a body scraped as one long line) is cut into
    groups of whole sentences of about ``target_chars`` each, so that paragraph-level
    findings point at a paragraph-sized stretch of text.
    """
    passages: list[Passage] = []
    if line_structured:
        for line in lines(text):
            if line.text.strip():
                s, e = _trim(text, line.start, line.end)
                passages.append(Passage(s, e, "comment"))
        return passages
    block_start = None
    for line in [*lines(text), None]:
        if line is None or not line.text.strip():
            if block_start is not None:
                s, e = _trim(text, block_start, prev_end)
                kind = _block_kind(text[s:e], title, not passages)
                if kind == "paragraph" and e - s > max_chars:
                    passages += [Passage(gs, ge) for gs, ge in _sentence_groups(text, s, e, target_chars)]
                else:
                    passages.append(Passage(s, e, kind))
                block_start = None
            continue
        if block_start is None:
            block_start = line.start
        prev_end = line.end
    return passages


def _sentence_groups(text: str, start: int, end: int, target: int) -> list[tuple[int, int]]:
    """Consecutive sentences of ``text[start:end]`` gathered into spans of at least ``target``
    characters; a short remainder joins the group before it."""
    groups: list[list[int]] = []
    for s, e in split_sentences(text, start, end):
        if groups and groups[-1][1] - groups[-1][0] < target:
            groups[-1][1] = e
        else:
            groups.append([s, e])
    if len(groups) > 1 and groups[-1][1] - groups[-1][0] < target // 2:
        last = groups.pop()
        groups[-1][1] = last[1]
    return [(s, e) for s, e in groups]


def _block_kind(block: str, title: str | None, first: bool) -> str:
    if first and title and block.lstrip("#").strip() == title:
        return "title"
    if "\n" not in block and len(block.split()) <= 12 and not block.rstrip().endswith((".", "!", ",", ";", ":")):
        return "heading"
    return "paragraph"


def sentences_of(text: str, passages: list[Passage]) -> list[Sentence]:
    return [Sentence(s, e, i) for i, p in enumerate(passages) for s, e in split_sentences(text, p.start, p.end)]
