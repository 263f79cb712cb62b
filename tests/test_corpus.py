"""Readers: each input format becomes raw documents with the metadata it carries."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from storylens.config import ReadSettings
from storylens.corpus import Skipped, read_paths
from storylens.corpus.decode import decode


def _read(*paths: Path, manifests: tuple[Path, ...] = (), settings: ReadSettings | None = None):
    return list(read_paths(list(paths), settings or ReadSettings(), manifests))


def test_plain_text_and_markdown(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Protesters gathered in Almaty.\r\nPolice watched.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Heading\n\nSome **bold** words.\n", encoding="utf-8")
    docs = _read(tmp_path)
    assert [d.format for d in docs] == ["text", "markdown"]
    assert docs[0].text == "Protesters gathered in Almaty.\nPolice watched.\n"  # CRLF normalised


def test_cp1251_russian_is_detected(tmp_path: Path) -> None:
    text = "В Алматы задержаны тысячи человек. Президент объявил режим чрезвычайного положения в стране."
    (tmp_path / "ru.txt").write_bytes(text.encode("cp1251"))
    [doc] = _read(tmp_path)
    assert doc.text == text
    assert doc.meta["encoding"] == "cp1251"


def test_html_main_text_and_metadata_without_scripts(tmp_path: Path) -> None:
    body = " ".join(["The interior ministry said thousands were detained across the country."] * 4)
    (tmp_path / "p.html").write_text(
        f"""<!doctype html><html><head><title>Page title</title>
        <meta name="author" content="Ann Writer"><meta property="og:site_name" content="Example News">
        <meta property="article:published_time" content="2022-01-11T09:00:00">
        <script>alert('x')</script></head><body><nav>Home | World</nav>
        <article><h1>Detentions climb</h1><p>{body}</p><p>A second paragraph with more detail here.</p></article>
        <footer>Cookie settings</footer></body></html>""",
        encoding="utf-8",
    )
    [doc] = _read(tmp_path)
    assert doc.format == "html"
    assert "thousands were detained" in doc.text and "alert" not in doc.text and "<" not in doc.text
    assert doc.meta["author"] == "Ann Writer"
    assert doc.meta["source"] == "Example News"
    assert doc.meta["published"].startswith("2022-01-11")
    assert "\n\n" in doc.text  # paragraphs are blank-line separated


def test_json_records_with_configurable_fields(tmp_path: Path) -> None:
    records = [{"body_text": "First post about Almaty.", "created_at": "2022-01-05"}, {"body_text": "Second post."}]
    (tmp_path / "posts.json").write_text(json.dumps(records), encoding="utf-8")
    settings = ReadSettings(text_fields=("body_text",))
    settings.meta_fields["published"] = ("created_at",)
    docs = _read(tmp_path, settings=settings)
    assert [d.text for d in docs] == ["First post about Almaty.", "Second post."]
    assert docs[0].meta["published"] == "2022-01-05"
    assert docs[0].origin.endswith("posts.json#0")


def test_jsonl_and_missing_text_field(tmp_path: Path) -> None:
    (tmp_path / "ok.jsonl").write_text('{"text": "one"}\n\n{"text": "two", "url": "https://x.example/2"}\n')
    (tmp_path / "bad.jsonl").write_text('{"title": "no text here"}\n')
    items = _read(tmp_path)
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [i.text for i in items if not isinstance(i, Skipped)] == ["one", "two"]
    assert len(skipped) == 1 and "--text-field" in skipped[0].reason


def test_telegram_export_each_message_a_document(tmp_path: Path) -> None:
    export = {
        "name": "Steppe Channel", "type": "public_channel", "username": "steppe_channel",
        "messages": [
            {"id": 7, "type": "message", "date": "2022-01-06T10:00:00",
             "text": ["Troops arrived in ", {"type": "bold", "text": "Almaty"}, " today."]},
            {"id": 8, "type": "service", "date": "2022-01-06T10:05:00", "text": ""},
            {"id": 9, "type": "message", "date": "2022-01-07T11:00:00", "text": "Plain message."},
        ],
    }
    (tmp_path / "result.json").write_text(json.dumps(export), encoding="utf-8")
    docs = _read(tmp_path)
    assert [d.text for d in docs] == ["Troops arrived in Almaty today.", "Plain message."]
    assert docs[0].format == "telegram"
    assert docs[0].meta == {"source_type": "telegram", "source": "Steppe Channel", "published": "2022-01-06T10:00:00",
                            "url": "https://t.me/steppe_channel/7", "encoding": "utf-8"}


def test_gzip_of_any_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress("Compressed story text.".encode()))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b'{"text": "compressed record"}\n'))
    assert sorted(d.text for d in _read(tmp_path)) == ["Compressed story text.", "compressed record"]


def test_manifest_supplies_and_overrides_metadata(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Some story.", encoding="utf-8")
    (corpus / "manifest.csv").write_text("path,source,source_type,published\na.txt,Wire,news,2022-01-09\n")
    [doc] = _read(corpus)  # the manifest at the top of the folder is used, not read as a document
    assert doc.manifest == {"source": "Wire", "source_type": "news", "published": "2022-01-09"}
    other = tmp_path / "m.json"
    other.write_text(json.dumps({"corpus/a.txt": {"source": "Other"}}))
    [doc] = _read(corpus, manifests=(other,))
    assert doc.manifest["source"] == "Other"


def test_decode_reasons() -> None:
    for data, words in [(b"", "empty"), (b"   \n", "empty"), (b"%PDF-1.7 ...", "PDF"),
                        (b"abc\x00def", "NUL"), (b"\x01\x02\x03\x04" * 100, "control")]:
        try:
            decode(data)
        except ValueError as exc:
            assert words in str(exc)
        else:
            raise AssertionError(f"{data[:10]!r} decoded")
