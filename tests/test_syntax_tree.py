"""A parse is a tree: rules that climb from a word to its governors must reach a root."""

from __future__ import annotations

from storylens.annotate.syntax import Parser, acyclic
from storylens.doc import Document, Passage


def _climbs_end(heads: list[int]) -> bool:
    for start in range(len(heads)):
        seen, j = set(), start
        while j >= 0:
            if j in seen:
                return False
            seen.add(j)
            j = heads[j]
    return True


def test_heads_that_name_each_other_are_cut_into_a_tree() -> None:
    """slovnet picks each word's head on its own, so two words can name each other: a rule climbing to a word's
    governors then looped for ever (a whole BSNLP run hung on one Russian sentence)."""
    assert acyclic([1, 2, 1, -1]) == [1, -1, 1, -1]  # the climb from 0 meets its own path again at 1: 1 becomes a root
    assert acyclic([0, 0, 1]) == [-1, 0, 1]  # a word its own head is a root
    assert acyclic([-1, 0, 0, 2]) == [-1, 0, 0, 2]  # a tree stays as it was
    assert acyclic([2, 0, 1, 4, 3]) == [-1, 0, 1, -1, 3]  # two cycles, each cut once
    for heads in ([1, 2, 0], [3, 3, 1, 2, -1], [1, 0, 3, 2]):
        assert not _climbs_end(heads)
        assert _climbs_end(acyclic(heads))


def test_a_russian_parse_is_a_tree() -> None:
    text = "Власти сообщили, что в городе задержали 12 человек, а ещё 3 ранены."  # written for this test
    doc = Document(id="a", origin="a", format="txt", raw_text=text, text=text, meta={"language": "ru"},
                   passages=[Passage(0, len(text), language="ru")])
    tokens = Parser().parse(doc).tokens
    assert sum(t.head < 0 for t in tokens) >= 1 and sum(t.head >= 0 for t in tokens) >= len(tokens) - 2
    assert _climbs_end([t.head for t in tokens])
