"""Language data files: one folder per language, user files override shipped keys."""

from __future__ import annotations

import json

import pytest

from storylens import lang


@pytest.fixture(autouse=True)
def _fresh_cache():
    lang.cues.cache_clear()
    yield
    lang.cues.cache_clear()


def test_missing_file_is_empty():
    assert lang.cues("en", "no-such-kind") == {}


def test_user_dir_adds_language_and_overrides(tmp_path, monkeypatch):
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "demo.json").write_text(json.dumps({"_doc": "ignored", "words": ["a", "b"]}))
    monkeypatch.setenv("STORYLENS_LANG_DIR", str(tmp_path))
    assert "xx" in lang.languages()
    assert lang.cues("xx", "demo") == {"words": ["a", "b"]}
    assert lang.merged("demo") == {"xx": {"words": ["a", "b"]}}


def test_bad_json_says_which_file(tmp_path, monkeypatch):
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "broken.json").write_text("{not json")
    monkeypatch.setenv("STORYLENS_LANG_DIR", str(tmp_path))
    with pytest.raises(ValueError, match="broken.json"):
        lang.cues("xx", "broken")


def test_a_key_given_twice_is_refused(tmp_path, monkeypatch):
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "twice.json").write_text('{"words": ["a"], "other": [], "words": ["b"]}')
    monkeypatch.setenv("STORYLENS_LANG_DIR", str(tmp_path))
    with pytest.raises(ValueError, match="twice.json: key 'words' appears twice"):
        lang.cues("xx", "twice")


def test_shipped_language_data_has_no_key_twice():
    from importlib import resources

    names = [(code, f.name[:-5]) for code in lang.SHIPPED
             for f in resources.files("storylens.lang").joinpath(code).iterdir() if f.name.endswith(".json")]
    assert len(names) > 30
    for code, name in names:
        assert isinstance(lang.cues(code, name), dict)  # raises on a key given twice


def test_partial_languages_do_not_change_the_supported_ones(monkeypatch):
    # folders holding only a function-word list (for the stories step) are partial data
    monkeypatch.delenv("STORYLENS_LANG_DIR", raising=False)
    assert lang.SHIPPED == ("en", "ru", "uk") and lang.languages() == ("en", "ru", "uk")
    assert set(lang.merged("stories_stopwords")) == {"en", "ru", "uk"}
    for code in ("bg", "cs", "hr", "pl", "sk", "sl"):
        assert len(lang.cues(code, "stories_stopwords")["words"]) > 200
        assert not lang.cues(code, "numbers")


def test_one_set_of_cyrillic_languages_for_identification_and_routing():
    """Language identification and engine routing read the same script of a language."""
    from storylens.annotate.syntax import _fits
    from storylens.clean.language import _script_of_language
    from storylens.lang import CYRILLIC_LANGUAGES

    for code in ("ru", "uk", "kk", "ky", "tg"):
        assert code in CYRILLIC_LANGUAGES
        assert _script_of_language(code) == "cyrillic"
        assert _fits(code, "cyrillic") and not _fits(code, "latin")
    assert _script_of_language("pl") == "latin" and _fits("pl", "latin")
