"""The parser's passage cache can be dropped (bench/annotate.py times the parse, not the cache), and a parse
after that is the same as before."""

from __future__ import annotations

from storylens.annotate.syntax import Parser
from storylens.doc import Document, Passage

TEXT = "The union said 300 flights were cancelled when the pilots walked out on Monday."  # written for this test


def test_forget_drops_the_cache_and_the_next_parse_is_the_same() -> None:
    doc = Document(id="a", origin="a", format="txt", raw_text=TEXT, text=TEXT, meta={"language": "en"},
                   passages=[Passage(0, len(TEXT), language="en")])
    parser = Parser()
    view = [(t.start, t.end, t.lemma, t.pos, t.dep, t.head) for t in parser.parse(doc).tokens]
    assert parser._cache
    parser.forget()
    assert not parser._cache
    assert [(t.start, t.end, t.lemma, t.pos, t.dep, t.head) for t in parser.parse(doc).tokens] == view
