"""Property-based tests: cleaning is idempotent, reversible, and every span re-reads its text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storylens.clean import clean_document
from storylens.clean.edits import undo
from storylens.config import CleanSettings
from storylens.doc import RawDocument

SETTINGS = CleanSettings(languages=("en", "ru", "uk", "kk", "ro"))

# Lines of the kinds cleaning reacts to, mixed with free text, so the rules actually fire.
NOISY_LINES = [
    "Subscribe now! Subscribe now! Subscribe now!",
    "Please enter your comment!",
    "3 + 4 =",
    "Related: Another story about something else",
    "Photo source: Reuters",
    "a short caption",
    "Author : Jane Roe",
    "Source : Daily Example",
    "12:30, 5 January 2022",
    "Dead Comment",
    "Support us: 1234 5678 9012 3456",
    "© [Channel](https://t.me/channel)",
    "If you find an error, select it and press Ctrl + Enter",
    "Читайте также: другая новость",
    "Протестующие вышли на площадь в Алматы 5 января 2022 г. Задержаны 5 тыс. чел.",
    "Officials said more than 160 people were killed. Mr. Smith disagreed!",
    "üá∞üáø Rallies ‚ñ™Ô∏è everywhere ¬© me",
    "- a list item",
    "",
    "   ",
]

line = st.one_of(st.sampled_from(NOISY_LINES), st.text(min_size=0, max_size=80))
texts = st.lists(line, min_size=1, max_size=25).map("\n".join).filter(lambda t: t.strip())


def _clean(text: str):
    return clean_document(RawDocument(origin="t", text=text, format="text"), SETTINGS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_cleaning_is_idempotent(text: str) -> None:
    once = _clean(text).text
    assert _clean(once).text == once


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_log_undoes_cleaning(text: str) -> None:
    doc = _clean(text)
    assert undo(doc.text, doc.log) == text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_passage_and_sentence_spans_lie_inside_the_text(text: str) -> None:
    doc = _clean(text)
    n = len(doc.text)
    for p in doc.passages:
        assert 0 <= p.start < p.end <= n
        chunk = doc.text[p.start:p.end]
        assert chunk == chunk.strip() and chunk
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= n
        passage = doc.passages[s.passage]
        assert passage.start <= s.start and s.end <= passage.end
        assert doc.span_text(s.start, s.end) == doc.text[s.start:s.end]
        assert doc.text[s.start:s.end].strip()
    # Sentences are in order and do not overlap.
    for a, b in zip(doc.sentences, doc.sentences[1:]):
        assert a.end <= b.start
