"""Each cleaning step on small texts written for the test."""

from __future__ import annotations

from storylens.clean import clean_document
from storylens.clean.boilerplate import CorpusLines, chrome_candidates, find_boilerplate, line_key
from storylens.clean.language import detect
from storylens.clean.metadata import find_metadata, find_signature, parse_date_line
from storylens.clean.mojibake import fix_mojibake
from storylens.clean.segment import split_sentences
from storylens.config import CleanSettings
from storylens.doc import RawDocument
from storylens.store.schema import MIGRATIONS

SETTINGS = CleanSettings()


def _removed(text: str, corpus: CorpusLines | None = None) -> dict[str, str]:
    return {line.text.strip(): rule for line, rule in find_boilerplate(text, SETTINGS, corpus)}


def test_mojibake_repaired_and_logged_with_curly_quotes_kept() -> None:
    clean = "🔻 “Quoted” words — and ©"
    garbled = clean.encode("utf-8").decode("mac_roman")
    text, log = fix_mojibake(f"First line stays.\n{garbled}\n")
    assert text == f"First line stays.\n{clean}\n"
    assert len(log) == 1 and log[0].before == garbled and log[0].after == clean and log[0].start == 18


def test_ascii_text_is_untouched() -> None:
    assert fix_mojibake("Plain text.\n") == ("Plain text.\n", [])


def test_boilerplate_rules_by_pattern_not_by_string() -> None:
    text = "\n".join([
        "Stay Informed Click Here! Stay Informed Click Here! Stay Informed Click Here!",
        "Real first paragraph about the protests in Zhanaozen.",
        "Leave a Reply",
        "12 + 7 =",
        "[deleted]",
        "When you notice a typo, select the text and press Ctrl+Enter",
        "Read also: Unrelated headline elsewhere",
        "crowd near the akimat",
        "Photo credit: AP Photo",
        "Please donate: 4111 1111 1111 1111",
        "Читайте также: другая новость",
        "Another real paragraph stays in place.",
    ])
    removed = _removed(text)
    assert removed == {
        "Stay Informed Click Here! Stay Informed Click Here! Stay Informed Click Here!": "banner repeated within a line",
        "Leave a Reply": "comment form",
        "12 + 7 =": "comment form",
        "[deleted]": "dead comment placeholder",
        "When you notice a typo, select the text and press Ctrl+Enter": "error-report widget",
        "Read also: Unrelated headline elsewhere": "related-links line",
        "crowd near the akimat": "image caption",
        "Photo credit: AP Photo": "photo credit",
        "Please donate: 4111 1111 1111 1111": "donation or subscribe footer",
        "Читайте также: другая новость": "related-links line",
    }


def test_prose_mentioning_donations_or_photos_is_kept() -> None:
    text = ("The government said people who donate to the fund will be thanked, and photos from Almaty "
            "showed burnt cars; the report was read also by officials.")
    assert _removed(text) == {}


def test_banner_repeated_across_lines_and_site_chrome() -> None:
    text = "Menu\nStory line one is here.\nMenu\nStory line two is here.\nMenu\nShare this article"
    corpus = CorpusLines({line_key("Share this article"): 40}, documents=100)
    assert _removed(text, corpus) == {"Menu": "banner repeated in the document",
                                      "Share this article": "line recurring across the corpus (site chrome)"}
    assert line_key("Share  this ARTICLE") in chrome_candidates(text)


def test_header_metadata_moves_out_and_title_stays() -> None:
    text = ("Kazakhstan counts the cost\n\nAuthor : Ann Writer\n\nSource : Example Wire\n\n"
            "21:40, 11 January 2022\n\nLong body paragraph follows here.")
    meta, moved = find_metadata(text)
    assert meta == {"author": "Ann Writer", "source": "Example Wire", "published": "2022-01-11T21:40",
                    "title": "Kazakhstan counts the cost"}
    assert [rule for _, rule in moved] == ["metadata line (author)", "metadata line (source)",
                                          "metadata line (published)"]


def test_date_lines_in_several_languages() -> None:
    assert parse_date_line("10 января 2022 г., 18:05") == "2022-01-10T18:05"
    assert parse_date_line("January 9, 2022") == "2022-01-09"
    assert parse_date_line("09.01.2022") == "2022-01-09"
    assert parse_date_line("9 ianuarie 2022") == "2022-01-09"
    assert parse_date_line("Protests on 9 January 2022 grew") is None


def test_signature_gives_source_and_telegram_type() -> None:
    meta = find_signature("Body text.\n\n@steppe_channel\n\n© [Steppe Channel](https://t.me/steppe_channel)")
    assert meta == {"source": "Steppe Channel", "url": "https://t.me/steppe_channel", "source_type": "telegram",
                    "handle": "@steppe_channel"}
    assert find_signature("For more Spin Watch analyses, please click here.")["source"] == "Spin Watch"


def test_sentences_respect_russian_and_english_abbreviations() -> None:
    text = ("В 2022 г. протесты охватили страну, т.е. почти все области. Задержаны 5 тыс. чел. за неделю. "
            "Mr. Smith met Dr. Jones in St. Petersburg. V. Putin spoke! Then what? Done.")
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == [
        "В 2022 г. протесты охватили страну, т.е. почти все области.",
        "Задержаны 5 тыс. чел. за неделю.",
        "Mr. Smith met Dr. Jones in St. Petersburg.",
        "V. Putin spoke!",
        "Then what?",
        "Done.",
    ]


def test_sentences_go_on_past_a_part_or_clause_of_a_code_before_its_number() -> None:
    text = "Дело возбуждено по ч. 3 ст. 30 УК. Справу відкрито за п. 2 ч. 1 ст. 5. Итог в 10 ч. Утром тихо."
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == ["Дело возбуждено по ч. 3 ст. 30 УК.", "Справу відкрито за п. 2 ч. 1 ст. 5.", "Итог в 10 ч.", "Утром тихо."]


def test_sentences_go_on_past_a_ukrainian_street_and_end_after_years() -> None:
    text = "Мітинг пройшов на вул. Садовій, зібралося 2 тис. осіб. У 2021-2022 рр. Протести тривали."
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == ["Мітинг пройшов на вул. Садовій, зібралося 2 тис. осіб.", "У 2021-2022 рр.", "Протести тривали."]


def test_abbreviations_are_read_from_every_language_folder_with_segment_data() -> None:
    from storylens import lang

    assert {"en", "ru", "uk", "ro"} <= set(lang.having("segment"))
    assert "pl" in lang.having("stories_stopwords") and "pl" not in lang.having("segment")
    text = "Dl. Popescu a vorbit. Mr. Green agreed."
    assert [text[s:e] for s, e in split_sentences(text)] == ["Dl. Popescu a vorbit.", "Mr. Green agreed."]


def test_language_abstains_on_short_or_numeric_text() -> None:
    langs = SETTINGS.languages
    assert detect("12,345 — 67%", langs, 20) is None
    assert detect("Hi there", langs, 20) is None
    assert detect("Протестующие вышли на центральную площадь города", langs, 20) == "ru"
    assert detect("Protesters gathered on the central square of the city", langs, 20) == "en"


def test_comment_thread_gets_one_passage_per_comment() -> None:
    comments = [f"Comment number {i} says something fairly long about the events in Almaty and elsewhere." for i in range(10)]
    doc = clean_document(RawDocument("t", "\n".join(comments + comments[:3]), "text"), SETTINGS)
    assert doc.kind == "thread" and doc.meta["source_type"] == "forum"
    assert [doc.text[p.start:p.end] for p in doc.passages] == comments
    assert [e.rule for e in doc.log if e.step == "repeats"] == ["repeated paragraph (first copy kept)"] * 3


def test_manifest_beats_file_beats_text() -> None:
    raw = RawDocument("t", "Title here\n\nAuthor : From Text\n\nBody paragraph with words.", "text",
                      meta={"author": "From File"}, manifest={"source": "From Manifest"})
    doc = clean_document(raw, SETTINGS)
    assert doc.meta["author"] == "From File" and doc.meta_from["author"] == "file"
    assert doc.meta["source"] == "From Manifest" and doc.meta_from["source"] == "manifest"
    assert "Author :" not in doc.text


def test_near_duplicates_link_to_the_first_copy(tmp_path) -> None:
    from storylens import Store, ingest
    from storylens.clean.neardup import signature

    base = " ".join(f"Sentence {i} of the report says something specific about Almaty and the CSTO." for i in range(30))
    texts = {
        "1_base.txt": base,
        "2_copy.txt": "Republished by another site.\n\n" + base,
        "3_edited.txt": base.replace("Sentence 3 ", "Line 3 ") + "\n\nSubscribe to our digest.",
        "4_other.txt": " ".join(f"Completely different text number {i} on the weather in Lviv today." for i in range(30)),
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        summary = ingest([tmp_path], store, progress=False)
        links = {r["origin"].rsplit("/", 1)[-1]: r["duplicate_of"] for r in store.documents()}
        ids = {r["origin"].rsplit("/", 1)[-1]: r["id"] for r in store.documents()}
        # Bands were written as documents were cleaned; re-opening an old database rebuilds them.
        for table in ("minhash_bands", "relations", "claim_group_members", "document_relations", "relate_state"):
            store.db.execute(f"DROP TABLE {table}")
        store.db.execute("DROP INDEX claims_kind")  # what migration 5 added to migration 2's claims table
        for column in ("kind", "counted", "subgroup", "subject"):
            store.db.execute(f"ALTER TABLE claims DROP COLUMN {column}")
        store.db.execute("PRAGMA user_version = 2")
    assert summary.duplicates_linked == 2
    assert links == {"1_base.txt": None, "2_copy.txt": ids["1_base.txt"], "3_edited.txt": ids["1_base.txt"],
                     "4_other.txt": None}
    with Store(tmp_path / "s.db") as store:
        assert store.schema_version == len(MIGRATIONS)
        # Only first copies are indexed.
        assert store.db.execute("SELECT COUNT(DISTINCT doc_id) FROM minhash_bands").fetchone()[0] == 2
    assert signature("too short to compare", SETTINGS) is None


def test_mixed_language_document_keeps_each_passage_language() -> None:
    english = ["Protesters gathered on the central square of the city and the police watched them closely.",
               "The government resigned on Wednesday, and the president promised reforms to the whole nation.",
               "Internet access was restored in most regions by the end of the week, officials reported."]
    russian = "Протестующие собрались на центральной площади города, полиция внимательно следила за ними."
    kazakh = "Наразылық білдірушілер қаланың орталық алаңына жиналды, полиция оларды бақылап отырды."
    text = "\n\n".join([english[0], english[1], russian, english[2], kazakh])
    doc = clean_document(RawDocument("t", text, "text"), SETTINGS)
    assert [p.language for p in doc.passages] == ["en", "en", "ru", "en", "kk"]
    assert doc.meta["language"] == "en"


def test_a_near_duplicate_is_found_among_more_loose_relatives_than_are_compared(tmp_path) -> None:
    """Only the documents sharing the most bands are compared: a copy stored after many loose
    relatives (each sharing a band or two) is still the one found."""
    import numpy as np

    from storylens import Store
    from storylens.clean.neardup import ROWS_PER_BAND, band_keys
    from storylens.store.db import NEAR_DUPLICATE_CANDIDATES

    rng = np.random.default_rng(7)
    query = rng.integers(0, 2**62, 128, dtype=np.uint64)

    def variant(shared_bands: int) -> np.ndarray:
        out = rng.integers(0, 2**62, 128, dtype=np.uint64)
        for band in rng.choice(32, shared_bands, replace=False):
            out[band * ROWS_PER_BAND:(band + 1) * ROWS_PER_BAND] = query[band * ROWS_PER_BAND:(band + 1) * ROWS_PER_BAND]
        return out

    copy = query.copy()
    copy[:24] = rng.integers(0, 2**62, 24, dtype=np.uint64)  # 6 of 32 bands differ: similarity 0.81
    signatures = [variant(2) for _ in range(2 * NEAR_DUPLICATE_CANDIDATES)] + [copy]
    with Store(tmp_path / "s.db") as store:
        for seq, values in enumerate(signatures):
            store.db.execute(
                "INSERT INTO documents (id, seq, origin, format, status, raw_text, minhash, ingested_at)"
                " VALUES (?, ?, 'x', 'text', 'clean', '', ?, '')", (f"d{seq}", seq, values.tobytes()))
            store.db.executemany("INSERT INTO minhash_bands VALUES (?, ?, ?)",
                                 [(band, key, f"d{seq}") for band, key in band_keys(values)])
        found = store.canonical_copy("new", query, 0.7)
    assert found is not None
    assert found[0] == f"d{len(signatures) - 1}" and found[1] > 0.8


def test_minhash_signature_is_datasketchs_exactly() -> None:
    """Stored signatures stay comparable: the fast path gives datasketch's values bit for bit,
    on a short text and on one longer than a block of shingles."""
    import numpy as np
    from datasketch import MinHash

    from storylens.clean import neardup

    settings = CleanSettings()
    short = ("The ferry left the harbour at dawn with ninety passengers aboard, the port authority said, "
             "and reached the island three hours later despite the storm warnings issued overnight.")
    long = " ".join(f"Паром номер {i} вышел из гавани на рассвете, сообщила портовая служба." for i in range(900))
    for text in (short, long):
        words = neardup._WORD.findall(text.lower())
        n = settings.shingle_words
        reference = MinHash(num_perm=settings.minhash_permutations, seed=1, scheme="affine32")
        reference.update_batch([" ".join(words[i:i + n]).encode() for i in range(len(words) - n + 1)])
        assert np.array_equal(neardup.signature(text, settings), reference.hashvalues.astype(np.uint64))
    assert len(neardup._WORD.findall(long)) > 2 * neardup._BLOCK  # the long text spans several blocks
    assert neardup.signature("too short to sign", settings) is None


def test_a_passage_seen_before_is_not_sent_to_lingua_again() -> None:
    from storylens.clean import language

    text = "Паромное сообщение с островом восстановлено после шторма, сообщила портовая служба региона. " * 5
    assert len(text) > language.SAMPLE_CHARS
    languages = ("en", "ru", "uk")
    first = detect(text, languages, 20)
    hits = language._detect_sample.cache_info().hits
    assert detect(text + " И ещё одна фраза в конце." * 40, languages, 20) == first == "ru"  # same first 400 chars
    assert language._detect_sample.cache_info().hits == hits + 1
    assert detect("Ferry service to the island resumed after the storm, the port said today.", languages, 20) == "en"
