"""Find the lines that belong to the page, the app or the scraper rather than to the story.

Every rule is general (a pattern of how sites and channels build their chrome), not a
list of the strings of a particular document. When a rule is unsure, it keeps the line.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable

from storylens.clean.edits import Line, line_texts, lines
from storylens.config import CleanSettings

_I = re.IGNORECASE

# A phrase repeated three or more times back to back on one line: a scraped banner.
_BANNER_IN_LINE = re.compile(r"^(.{6,}?)(?:\s*\1){2,}\s*$", re.DOTALL)

_COMMENT_FORM = re.compile(
    r"^(please (enter|fill in|type) your (comment|name|e-?mail)"
    r"|(leave|post|add|write) a (reply|comment)"
    r"|save my name,? e-?mail"
    r"|notify me of (follow-up|new) (comments|posts)"
    r"|you must be (logged|signed) in to (post|leave|add) a comment"
    r"|(your )?e-?mail address will not be published"
    r"|required fields are marked"
    r"|(submit|post) (comment|reply)$"
    r"|(оставить|добавить|написать) (комментарий|отзыв)"
    r"|ваш (комментарий|e-?mail|email|имя)"
    r"|введите (код|текст|ответ)"
    r")",
    _I,
)
_CAPTCHA = re.compile(r"^\s*\d{1,3}\s*[-+×x*]\s*\d{1,3}\s*=\s*\??\s*$")
_DEAD_COMMENT = re.compile(
    r"^\W*(dead|deleted|flagged|removed|hidden) comment\W*$|^\[(dead|deleted|flagged|removed)\]$"
    r"|^комментарий (удал[её]н|скрыт)\W*$",
    _I,
)
_ERROR_WIDGET = re.compile(
    r"orphus"
    r"|(if|when) you (find|found|spot|see|notice)\b.{0,30}\b(error|mistake|typo)\b.{0,100}\b(ctrl|press|select|highlight)"
    r"|ctrl\s*\+\s*enter"
    r"|(нашли|заметили) (ошибку|опечатку)"
    r"|^(see|show|read|load) more\W*$"
    r"|^(показать|читать|смотреть) (больше|далее|ещ[её])\W*$",
    _I,
)
_RELATED = re.compile(
    r"^\W*(related( (articles|stories|news|posts))?|read (also|more)|also read|see also|more on (this|the topic)"
    r"|recommended( for you)?|you (may|might) (also )?(like|be interested)|further reading|most read|more from"
    r"|читайте (также|еще|ещё|нас)|по теме|смотрите также|вам (может быть|будет) интересно|також читайте|читайте також"
    r"|te-ar (mai )?putea interesa|cite[șs]te (și|si)|vezi (și|si))\b",
    _I,
)
_PHOTO_CREDIT = re.compile(
    r"^\W*(photo|photos|image|picture|illustration|credit|фото|foto|sursa foto|источник фото)"
    r"( (source|credit|by|courtesy))?\s*[:©]"
    r"|^\W*(©|\(c\))?\s*(getty images|reuters|ap photo|afp|epa|tass|ria novosti|риа новости|тасс|shutterstock)\W*$",
    _I,
)
_CARD_NUMBER = re.compile(r"\b\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}\b")
_SUPPORT = re.compile(
    r"^\W*(support us|support the (channel|project)|donate|please donate|donations?\b|subscribe\b|follow us\b"
    r"|подписывайтесь|подпишитесь|поддержать (канал|проект|нас)|поддержите)"
    r"|\b(patreon\.com|boosty\.to|buymeacoffee)"
    r"|\bclick here\b",
    _I,
)

LineRule = Callable[[Line], bool]


class _Caseless:
    """A case-insensitive pattern searched through a line. Searching case-insensitively tries every
    alternative at every character; an ASCII line is lower-cased instead and searched with the same
    pattern case-sensitively, whose first characters sre can skip to (a third cheaper on the generated
    corpus). The answer is the same: the pattern's literals are lower-case (a test checks), and no
    ASCII character folds to a character of another script. Other lines are searched as before."""

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        self.lowered = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)

    def search(self, text: str) -> bool:
        return bool(self.lowered.search(text.lower()) if text.isascii() else self.pattern.search(text))


_ERROR_WIDGET_IN = _Caseless(_ERROR_WIDGET)
_SUPPORT_IN = _Caseless(_SUPPORT)


def _banner_in_line(line: Line) -> bool:
    """A phrase three times over holds its first six characters three times: most lines are
    settled by that count, in C, before the backtracking pattern runs."""
    text = line.stripped
    return len(line.text) < 2000 and text.count(text[:6]) >= 3 and bool(_BANNER_IN_LINE.match(text))


# Each rule: the most words a line may have for it to apply (None: any line), and its test.
LINE_RULES: dict[str, tuple[int | None, LineRule]] = {
    "banner repeated within a line": (None, _banner_in_line),
    "comment form": (20, lambda ln: bool(_COMMENT_FORM.match(ln.stripped) or _CAPTCHA.match(ln.text))),
    "dead comment placeholder": (None, lambda ln: bool(_DEAD_COMMENT.match(ln.stripped))),
    "error-report widget": (40, lambda ln: _ERROR_WIDGET_IN.search(ln.stripped)),
    "related-links line": (30, lambda ln: bool(_RELATED.match(ln.stripped))),
    "photo credit": (15, lambda ln: bool(_PHOTO_CREDIT.match(ln.stripped))),
    "donation or subscribe footer": (30, lambda ln: bool(_CARD_NUMBER.search(ln.text)) or _SUPPORT_IN.search(ln.stripped)),
}
CHROME_MAX_WORDS = 12  # longer lines are never site chrome


class CorpusLines:
    """How many documents of the corpus each line occurs in (for site chrome)."""

    def __init__(self, counts: dict[int, int] | None = None, documents: int = 0):
        self.counts = counts or {}
        self.documents = documents

    def frequency(self, line: str) -> int:
        return self.counts.get(line_key(line), 0)


def line_key(line: str) -> int:
    """Stable 63-bit key of a normalised line (fits an SQLite integer)."""
    digest = hashlib.blake2b(" ".join(line.lower().split()).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def chrome_candidates(text: str) -> set[int]:
    """Keys of the lines of a document that could be site chrome: short, non-empty lines."""
    return {line_key(line) for line in line_texts(text) if 0 < len(line.split()) <= CHROME_MAX_WORDS}


def find_boilerplate(text: str, settings: CleanSettings, corpus: CorpusLines | None = None) -> list[tuple[Line, str]]:
    """Lines to remove and the rule that says so."""
    all_lines = list(lines(text))
    norms = [" ".join(ln.text.split()) for ln in all_lines]
    counts = Counter(filter(None, norms))
    chrome_floor = None
    if corpus is not None and corpus.documents:
        chrome_floor = max(settings.chrome_min_docs, settings.chrome_min_share * corpus.documents)
    found: dict[int, str] = {}
    for i, line in enumerate(all_lines):
        if not line.stripped:
            continue
        words = line.words
        for rule, (most, test) in LINE_RULES.items():
            if (most is None or words <= most) and test(line):
                found[i] = rule
                break
        else:
            norm = norms[i]
            if counts[norm] >= settings.banner_min_repeats and len(norm) < 120:
                found[i] = "banner repeated in the document"
            elif chrome_floor and words <= CHROME_MAX_WORDS and corpus.frequency(line.stripped) >= chrome_floor:
                found[i] = "line recurring across the corpus (site chrome)"
    _add_captions(all_lines, found)
    return [(all_lines[i], rule) for i, rule in sorted(found.items())]


def _add_captions(all_lines: list[Line], found: dict[int, str]) -> None:
    """A short untitled line just above a photo credit is that photo's caption."""
    for i, rule in list(found.items()):
        if rule != "photo credit":
            continue
        j = i - 1
        while j >= 0 and not all_lines[j].text.strip():
            j -= 1
        if j < 0 or j in found:
            continue
        caption = all_lines[j].text.strip()
        if len(caption.split()) <= 8 and not caption.endswith((".", "!", "?", ":", "»", '"', "”")):
            found[j] = "image caption"
