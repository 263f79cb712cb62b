"""Sources and subjects of numeric claims (issue 8, round 8): who a figure comes from and whose time or age it
is, on sentences written for these tests (English, Russian, Ukrainian) about kinds of events the development
corpora are not about (a mine collapse, a ferry sinking, a rail strike, a forest fire, an election)."""

from __future__ import annotations

import re

import pytest

from storylens.annotate.claims import extract_claims
from storylens.annotate.quotes import extract_quotes
from storylens.doc import Document, Passage, Sentence


def _doc(text: str, lang: str | None = None) -> Document:
    """A document with one passage per line and naive sentences (no cleaning)."""
    sentences, passages = [], []
    for p in re.finditer(r"[^\n]+", text):
        passages.append(Passage(p.start(), p.end(), language=lang))
        start = p.start()
        for m in re.finditer(r"(?<=[.!?])\s+(?=[\"“«(A-ZА-ЯЁІЇЄҐ0-9])|$", p.group(0)):
            end = p.start() + m.start()
            if text[start:end].strip():
                sentences.append(Sentence(start, end, len(passages) - 1))
            start = p.start() + m.end()
    meta = {"language": lang} if lang else {}
    return Document(id="s", origin="s.txt", format="txt", raw_text=text, text=text, meta=meta, passages=passages,
                    sentences=sentences)


def _claim(text: str, figure: str, lang: str = "en"):
    """The claim whose text is ``figure``."""
    claims = extract_claims(_doc(text, lang))
    found = [c for c in claims if c.text == figure]
    assert found, [(c.text, c.measure, c.by) for c in claims]
    return found[0]


# --- quotations ------------------------------------------------------------------------------------------


def test_a_speech_whose_paragraphs_each_open_a_quotation_keeps_its_speaker():
    text = ('The mine\'s owner Petra Lindqvist spoke to reporters. She said: "We did everything we could. '
            '"There are 14 men still below ground, 14! We will reach them."')
    doc = _doc(text, "en")
    quotes = extract_quotes(doc)
    assert [q.text for q in quotes] == ["We did everything we could.",
                                        "There are 14 men still below ground, 14! We will reach them."]
    assert {q.speaker for q in quotes} == {"Petra Lindqvist"}
    assert _claim(text, "14").by == "Petra Lindqvist"


# --- what a source is --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, figure, by, lang",
    [
        # a storm, a fire that "claims" lives is what happened, not who said so
        ("Cyclone Irena claims at least 12 lives on the coast as the rain goes on.", "at least 12", None, "en"),
        ("The forest fire claims 3 lives near the lake.", "3", None, "en"),
        # a centre named after an event is an organisation
        ("The Tsunami Warning Center said waves reached 4 metres.", "4", "Tsunami Warning Center", "en"),
        ("The year saw 3,162 deaths from floods, according to the Global Flood Database.", "3,162",
         "Global Flood Database", "en"),
        # the time a study appeared is no part of its source
        ("A Lund University study in March found that 1,240 people left the valley.", "1,240", "Lund University", "en"),
        ("Исследователи университета в марте подсчитали, что долину покинули 1240 человек.", "1240",
         "Исследователи университета", "ru"),
        ("A New Harbour Gazette report released on Sunday said that 23 sailors were rescued.", "23",
         "New Harbour Gazette", "en"),
        # a report's participle phrase ends its source; a newspaper's name keeps its last word
        ("A Daily Ledger report released on Sunday said that the crew consists of 23 sailors.", "23",
         "Daily Ledger", "en"),
        ("The ferry company has signed a $40 million contract, The Harbour Post reported.", "40 million",
         "Harbour Post", "en"),
        # an according phrase with an adjective inside
        ("По последним данным спасателей, из шахты подняли 14 горняков.", "14", "спасателей", "ru"),
        ("За попередніми даними рятувальників, із шахти підняли 14 гірників.", "14", "рятувальників", "uk"),
        # a report's owner is its source
        ("Gusts reached 70 mph, according to the weather service's most recent advisory.", "70", "weather service",
         "en"),
        # what is cited at the start of a sentence is the evidence; the speaker is the source
        ("Citing satellite images taken during the past week, investigators said 17 barges had left the port.", "17",
         "investigators", "en"),
        # a study that a relative clause follows: the author of "a study produced by X that estimated"
        ("Last year a survey was produced by Tallinn University that estimated the losses at 310 farms.", "310",
         "Tallinn University", "en"),
        # the source of "the delay that X predicted"
        ("Who will pay for the 6- to 8-week delay that Marta Olsen predicted could follow the strike?", "6- to 8",
         "Marta Olsen", "en"),
        # more reporting verbs
        ("Lena Hart observed on air that one in five pilots lives near the airport.", "five", "Lena Hart", "en"),
        ("Мэр напомнил, что в прошлом году паром перевез 9000 пассажиров.", "9000", "Мэр", "ru"),
        ("Мер нагадав, що торік пором перевіз 9000 пасажирів.", "9000", "Мер", "uk"),
        # "went on to say": the subject of "went"
        ("The union went on to say that 4,000 drivers had joined the strike.", "4,000", "union", "en"),
        ("Профсоюз поспешил заявить, что к забастовке присоединились 4000 водителей.", "4000", "Профсоюз", "ru"),
        ("Профспілка поспішила заявити, що до страйку долучилися 4000 водіїв.", "4000", "Профспілка", "uk"),
    ],
)
def test_source(text, figure, by, lang):
    assert _claim(text, figure, lang).by == by


def test_a_chain_in_the_subject_of_a_reporting_verb_names_the_carrier():
    c = _claim("A Lund study published in the Baltic Medical Journal found that 4,645 people left the valley.", "4,645")
    assert (c.by, c.via) == ("Lund", "Baltic Medical Journal")


@pytest.mark.parametrize(
    "text, figure, by, lang",
    [
        # "they" after a sentence that names no source: the subject of that sentence, when it can speak
        ("Council Greens attacked the rail operator in a letter. In the letter, the Greens listed the faults of the "
         "new timetable. “The timetable cut 40 trains,” they wrote.", "40", "Greens", "en"),
        # never a place: "they" after a sentence about a place stays the outlet's
        ("Chile lies on the coast. Chile has a long history of floods. “The dam was built in 1961,” they wrote.",
         "1961", None, "en"),
    ],
)
def test_pronoun_takes_the_subject_before(text, figure, by, lang):
    assert _claim(text, figure, lang).by == by


def test_a_time_zone_after_a_time_of_day_does_not_end_the_sentence():
    from storylens.clean.segment import split_sentences

    text = ("Gusts at 4 a.m. EST Friday reached 70 mph, according to the weather service. The ferry left at 6 a.m. "
            "Passengers waited.")
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Gusts at 4 a.m. EST Friday reached 70 mph, according to the weather service.", "The ferry left at 6 a.m.",
        "Passengers waited."]
    doc = _doc(text.split(" The ferry")[0], "en")
    doc.sentences = [Sentence(a, b, 0) for a, b in split_sentences(doc.text)]
    assert [c.by for c in extract_claims(doc) if c.text == "70"] == ["weather service"]


# --- whose time or age ---------------------------------------------------------------------------------------


_TRIAL = "Anna Berg was arrested in May. Anna Berg denies the charges. "


@pytest.mark.parametrize(
    "text, figure, subject, lang",
    [
        # a channel's coverage, a group's hold, inspectors' stay: no person's time, never the document's main person
        (_TRIAL + "Nordvision covered the trial for just 48 seconds.", "48", None, "en"),
        (_TRIAL + "The rebels have held the mine for six months.", "six", None, "en"),
        (_TRIAL + "Governor Olek Varga claimed the inspectors would only spend one day at the dam.", "one", None, "en"),
        # a person the verb names is whose time it is
        (_TRIAL + "The court jailed Marta Kowalska for six years.", "six", "Marta Kowalska", "en"),
        (_TRIAL + "Anna Berg spent six years in prison.", "six", "Anna Berg", "en"),
        # a singular person noun is the sentence's person, or the document's main one; a name beside it is who
        ("Анна Берг арестована в мае. Анна Берг отрицает обвинения. Учительницу оправдали через шесть лет.", "шесть",
         "Анна Берг", "ru"),
        ("Анна Берг арестована в мае. Анна Берг отрицает обвинения. Суд оправдал учительницу Анну Берг спустя шесть "
         "лет после ареста.", "шесть", "Анна Берг", "ru"),
        # "the 63-year-old teacher" right after a sentence about a person is that person
        (_TRIAL + "Petro Hnatyuk was asleep when the roof fell. “We lost everything,” says the 63-year-old teacher.",
         "63", "Petro Hnatyuk", "en"),
        (_TRIAL + "Petro Hnatyuk was asleep when the roof fell. “We lost everything,” says the 63-year-old school "
         "teacher as he shows the roof.", "63", "Petro Hnatyuk", "en"),
        ("Анна Берг арестована в мае. Анна Берг отрицает обвинения. Пётр Гнатюк спал, когда обрушилась крыша. "
         "«Мы потеряли всё», — говорит 63-летний учитель.", "63", "Пётр Гнатюк", "ru"),
    ],
)
def test_subject(text, figure, subject, lang):
    assert _claim(text, figure, lang).subject == subject


@pytest.mark.parametrize(
    "text, lang",
    [
        ("A Lund University study found that 1,240 people left the valley after Storm Vera, which struck the coast in "
         "October 2020.", "en"),
        ("Исследователи университета подсчитали, что 1240 человек покинули долину после урагана «Вера», который "
         "обрушился на побережье в 2020 году.", "ru"),
    ],
)
def test_a_date_in_an_aside_about_a_name_is_the_writers(text, lang):
    claims = extract_claims(_doc(text, lang))
    by = {c.kind: c.by for c in claims}
    assert by["date"] is None and by["count"] is not None, [(c.text, c.kind, c.by) for c in claims]


def test_an_opening_mark_between_two_sentence_groups_of_one_line_opens_the_quotation():
    text = ('Mayor Ines Brandt spoke on Monday. "We lost 40 homes," she said. "The river rose 3 metres." '
            'Officials said 12 roads were shut.')
    a, b = text.index('"We'), text.index('"The')
    doc = _doc(text, "en")
    doc.passages = [Passage(0, a - 1), Passage(a + 1, b - 1), Passage(b + 1, len(text))]  # the marks in the gaps
    assert [q.text for q in extract_quotes(doc)] == ["We lost 40 homes,", "The river rose 3 metres."]


def test_the_age_of_a_thing_is_nobodys():
    text = "Anna Berg opened the talks. The 50-year-old Rhine Treaty was on the table."
    assert _claim(text, "50").subject is None


def test_he_is_a_person_not_the_organisation_before():
    text = ("Fire chief Marek Nowak spoke on Monday. The Interior Ministry released new figures. "
            "Since May, 808 homes have burned, he said.")
    assert _claim(text, "808").by == "Marek Nowak"


def test_a_time_opener_before_a_comma_is_no_name_with_an_appositive():
    assert _claim("Later Sunday, a regional official said two divers were hurt near the wreck.", "two").by == (
        "regional official")


def test_report_adjectives_and_nouns_around_a_name_are_dropped():
    from storylens.annotate.attribution import find_attribution

    assert find_attribution("The ferry left at dawn, according to the latest Coast Guard update.").by == "Coast Guard"


def test_a_relatives_age_is_not_the_person_before():
    text = "Anna Berg reached the shore. Her 12-year-old daughter was still on the ferry."
    assert _claim(text, "12").subject is None
