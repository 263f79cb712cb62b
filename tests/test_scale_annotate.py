"""Annotate does no work twice: a passage parsed lately is copied, and the copy is what a parse gives."""

from __future__ import annotations

from storylens.annotate.syntax import Parser, SyntaxSettings
from storylens.doc import Document, Passage

# Written for this test: a repost shares two paragraphs with its original, at other offsets.
ORIGINAL = [
    ("en", "The harbour authority said 40 boats were damaged when the storm reached the coast on Sunday."),
    ("ru", "Спасатели сообщили, что эвакуированы 120 жителей прибрежных посёлков."),
    ("en", "Fishermen told reporters that the warning came too late for most of them."),
]
REPOST = [
    ("en", "Reposted from a local channel:"),
    ORIGINAL[2],
    ("ru", "Спасатели сообщили, что эвакуированы 120 жителей прибрежных посёлков."),
]


def _doc(doc_id: str, paragraphs: list[tuple[str, str]]) -> Document:
    text, passages = "", []
    for language, paragraph in paragraphs:
        passages.append(Passage(len(text), len(text) + len(paragraph), language=language))
        text += paragraph + "\n\n"
    return Document(id=doc_id, origin=doc_id, format="txt", raw_text=text, text=text,
                    meta={"language": paragraphs[0][0]}, passages=passages)


def _view(parse) -> tuple[list[tuple], list[tuple]]:  # noqa: ANN001
    return ([(t.start, t.end, t.text, t.lemma, t.pos, t.dep, t.head, t.feats) for t in parse.tokens],
            parse.ents)


def test_a_repeated_passage_parses_as_if_it_were_new() -> None:
    docs = [_doc("a", ORIGINAL), _doc("b", REPOST)]
    fresh = Parser(SyntaxSettings(cached_passages=0))
    expected = [_view(fresh.parse_many([doc])[0]) for doc in docs]  # each alone, nothing cached
    cached = Parser()
    assert [_view(p) for p in cached.parse_many(docs)] == expected  # the repost's paragraphs in one batch
    assert [_view(p) for p in cached.parse_many(docs[::-1])] == expected[::-1]  # all from the cache now
    assert len(cached._cache) == 4  # four distinct paragraphs
    assert not fresh._cache
    # the copies are the repost's own: offsets into its text, heads within its tokens
    repost = cached.parse_many([docs[1]])[0]
    start = docs[1].text.index(ORIGINAL[2][1])
    fishermen = next(t for t in repost.tokens if t.text == "Fishermen")
    assert fishermen.start == start
    assert all(-1 <= t.head < len(repost.tokens) for t in repost.tokens)


def test_the_cache_holds_at_most_the_passages_it_is_given() -> None:
    parser = Parser(SyntaxSettings(cached_passages=3))
    docs = [_doc(str(i), [("en", f"Paragraph number {i} says the ferry left at {i} o'clock.")]) for i in range(5)]
    parser.parse_many(docs)
    assert [text for _, text in parser._cache] == [docs[i].text.strip() for i in (2, 3, 4)]  # the newest
