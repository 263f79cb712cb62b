"""Direct quotes and their speakers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storylens.annotate.quotes import extract_quotes
from storylens.clean import clean_document
from storylens.config import CleanSettings, ReadSettings
from storylens.corpus import read_paths
from storylens.doc import Document, Passage, Sentence


def _doc(text: str) -> Document:
    sentences, passages = [], []
    for p in re.finditer(r"[^\n]+", text):
        passages.append(Passage(p.start(), p.end()))
        start = p.start()
        for m in re.finditer(r"(?<=[.!?])\s+(?=[\"“«A-ZА-ЯЁ])|$", p.group(0)):
            end = p.start() + m.start()
            if text[start:end].strip():
                sentences.append(Sentence(start, end, len(passages) - 1))
            start = p.start() + m.end()
    return Document(id="q", origin="q.txt", format="txt", raw_text=text, text=text, passages=passages,
                    sentences=sentences)


def _quotes(text: str):
    doc = _doc(text)
    return doc, extract_quotes(doc)


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        ("“The causes of the unrest run much deeper,” Dr Aliya Serikova, a historian at Leeds "
         "University wrote on Twitter.", "The causes of the unrest run much deeper,", "Dr Aliya Serikova"),
        ('"We will restore order in the country," said Mr Tokayev.', "We will restore order in the country,",
         "Mr Tokayev"),
        ("Mr Tokayev said that “we will act with full force against looters.”",
         "we will act with full force against looters.", "Mr Tokayev"),
        ("«Мы наведём порядок в стране», — заявил Токаев.", "Мы наведём порядок в стране", "Токаев"),
        ("По словам Токаева, «город атаковали двадцать тысяч бандитов».", "город атаковали двадцать тысяч бандитов",
         "Токаева"),
        ("„Die Lage ist unter Kontrolle“, sagte er.", "Die Lage ist unter Kontrolle", None),
        ("The ministry said it was hoping for “a quick return to calm.”",
         "a quick return to calm.", "ministry"),
    ],
)
def test_quote_and_speaker(text, quote, speaker):
    doc, quotes = _quotes(text)
    assert [q.text for q in quotes] == [quote]
    q = quotes[0]
    assert doc.text[q.start:q.end] == q.text
    if speaker is None:
        assert q.speaker is None
    else:
        assert q.speaker is not None and speaker in q.speaker
        if q.speaker_start is not None:
            assert doc.text[q.speaker_start:q.speaker_end] == q.speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("«Ми відновимо енергопостачання до ранку», — заявив Олександр Коваль.", "Олександр Коваль"),
        ("«Усі рейси скасовано через страйк пілотів», — сказала Ірина Бондар.", "Ірина Бондар"),
        ("Речниця компанії Ірина Бондар зазначила, що «рейси відновлять у понеділок».", "Ірина Бондар"),
    ],
)
def test_ukrainian_speakers_from_the_language_file(text, speaker):
    """Ukrainian speech verbs come from lang/uk/quotes.json, and names may open with І, Ї, Є or Ґ."""
    doc, quotes = _quotes(text)
    assert len(quotes) == 1 and quotes[0].speaker is not None and speaker in quotes[0].speaker


def test_a_country_is_no_antecedent_of_a_pronoun_speaker():
    """Two capitalised words that name a country (the world gazetteer says so) are no person to quote."""
    _, quotes = _quotes('Rescue teams from Burkina Faso arrived overnight. "We are searching every house," she said.')
    assert quotes[0].speaker is None


def test_short_scare_quotes_are_not_quotes():
    _, quotes = _quotes('Tokayev blamed "terrorists" and a foreign "spy" for the “Maidan”.')
    assert quotes == []


def test_apostrophes_do_not_open_quotes():
    _, quotes = _quotes("Kazakhstan’s president said ‘we will not back down at all’ on Friday.")
    assert [q.text for q in quotes] == ["we will not back down at all"]


def test_pronoun_speaker_resolved_to_the_previous_sentence():
    doc, quotes = _quotes('According to the mayor, Yerlan Saparov, the riots were organised. '
                          '"I am certain that outsiders were involved," he said.')
    assert quotes[0].speaker == "Yerlan Saparov"
    assert doc.text[quotes[0].speaker_start:quotes[0].speaker_end] == "Yerlan Saparov"


def test_pronoun_without_antecedent_stays_unknown():
    _, quotes = _quotes('One shopkeeper said his store was looted. "We were not terrorists at all," she said.')
    assert quotes[0].speaker is None


def test_quote_continuing_after_its_attribution_keeps_the_speaker():
    _, quotes = _quotes("“The causes run much deeper,” Dr Aliya Serikova wrote on Twitter. "
                        "“People are worn out by the system.”")
    assert [q.speaker for q in quotes] == ["Dr Aliya Serikova", "Dr Aliya Serikova"]


def test_seed_quotes(seeds_dir):
    docs = {Path(r.origin).name[:3]: clean_document(r, CleanSettings())
            for r in read_paths(sorted(seeds_dir.glob("*.txt")), ReadSettings())}
    by_doc = {key: extract_quotes(doc) for key, doc in docs.items()}

    def speaker_of(key: str, start: str) -> str | None:
        for q in by_doc[key]:
            if q.text.startswith(start):
                return q.speaker
        raise AssertionError(f"no quote starting {start!r} in {key}: {[q.text[:30] for q in by_doc[key]]}")

    assert "Kudaibergenova" in speaker_of("004", "The roots of the protests")
    assert "Tokayev" in speaker_of("004", "we intend to act")
    assert "foreign ministry" in speaker_of("004", "the soonest possible").lower()
    assert "Tokayev" in speaker_of("002", "I speak with confidence")
    assert "Karin" in speaker_of("002", "After the protest actions")
    assert "Tashiev" in speaker_of("002", "when a Kyrgyz citizen")
    assert "Suchkov" in speaker_of("001", "crisis in which Moscow")
    assert speaker_of("003", "Throughout our history") is None  # quoted from an article the thread does not name
