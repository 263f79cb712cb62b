"""Claim alignment: scope blocks, hedge intervals, partial counts, parts of a series and verdicts, on
figures built for the test."""

from __future__ import annotations

from collections import Counter

from storylens.doc import Annotations, Claim, Document, EntityMention, Passage
from storylens.relate.claims import (AlignedClaim, align, compatible, event_references, main_event, rejoin_main_event,
                                     separate_other_events, unit_family, verdict)


def claim(id: str, value=None, lo=None, hi=None, hedge=None, source="A", measure="killed", unit="count",
          where=None, date=None, doc=None, kind="count", subgroup=None, subject=None, event=None, origin=None,
          outlet=None) -> AlignedClaim:
    family, factor = unit_family(kind, unit)
    return AlignedClaim(id=id, doc=doc or id, source=source, doc_source=outlet or source, measure=measure,
                        unit=family, value=value, lo=lo, hi=hi, hedge=hedge, where=where, date=date, kind=kind,
                        subgroup=subgroup, subject=subject, event=event, origin=origin, factor=factor)


def by_members(groups: list[dict]) -> dict[tuple[str, ...], dict]:
    return {tuple(sorted(g["members"])): g for g in groups}


def test_hedged_figures_agree_with_exact_ones() -> None:
    assert compatible(claim("a", lo=160, hedge="more than"), claim("b", value=164))
    assert compatible(claim("a", hi=8000, hedge="almost"), claim("b", value=7939))
    assert not compatible(claim("a", hi=3000, hedge="as many as"), claim("b", value=2500, hedge="about"))
    assert not compatible(claim("a", value=5000), claim("b", value=7939))
    assert compatible(claim("a", hi=450, hedge="as high as"), claim("b", value=440))
    assert compatible(claim("a", hedge="понад", lo=200), claim("b", value=230))


def test_units_compare_in_one_family() -> None:
    km = claim("a", value=10, kind="measurement", unit="km")
    miles = claim("b", value=6, hedge="about", kind="measurement", unit="miles")
    assert compatible(km, miles)  # 6 miles ≈ 9.7 km
    assert not compatible(claim("c", value=45, kind="measurement", unit="km"),
                          claim("d", value=34, kind="measurement", unit="miles"))  # 34 miles ≈ 55 km
    assert compatible(claim("e", value=2, kind="duration", unit="year"), claim("f", value=24, kind="duration",
                                                                                unit="month"))


def test_verdicts() -> None:
    assert verdict([claim("a", lo=160, hedge="more than", source="X"), claim("b", value=164, source="Y")])[0] == "agree"
    status, why = verdict([claim("a", hi=3000, hedge="as many as", source="local media"),
                           claim("b", value=2500, hedge="about", source="defence ministry")])
    assert status == "conflict" and "local media" in why and "defence ministry" in why
    status, why = verdict([claim("a", value=5000, source="X", date="2022-01-09"),
                           claim("b", value=7939, source="Y", date="2022-01-10"),
                           claim("c", hi=8000, hedge="almost", source="Y", date="2022-01-10")])
    assert status == "evolving" and why.index("2022-01-09") < why.index("2022-01-10")
    assert verdict([claim("a", value=1, source="X"), claim("b", value=9, source="X")])[0] == "single_source"
    # Same day, different figures: a real conflict, not an evolution.
    assert verdict([claim("a", value=100, source="X", date="2022-01-10"),
                    claim("b", value=150, source="Y", date="2022-01-10")])[0] == "conflict"


def test_an_undated_figure_inside_a_dated_series_is_no_conflict() -> None:
    series = [claim("a", value=95, kind="percent", unit="%", source="X", date="2017-10-03"),
              claim("b", value=84, kind="percent", unit="%", source="Y"),  # undated, between the dated ones
              claim("c", value=72, kind="percent", unit="%", source="Z", date="2017-10-27")]
    assert verdict(series)[0] == "evolving"
    outside = [*series[::2], claim("d", value=30, kind="percent", unit="%", source="W")]
    assert verdict(outside)[0] == "conflict"


def test_distances_and_dates_of_events_do_not_evolve() -> None:
    status, _ = verdict([claim("a", value=45, kind="measurement", unit="km", source="X", date="2022-08-20"),
                         claim("b", value=40, kind="measurement", unit="km", source="Y", date="2022-08-30")])
    assert status == "conflict"


def test_republications_are_one_voice() -> None:
    first = claim("a", value=12, source="Agency", outlet="Agency")
    copy = claim("b", value=12, source="Outlet B", outlet="Outlet B", origin="a")
    other = claim("c", value=14, source="Outlet C", outlet="Outlet C")
    groups = align([first, copy, other])
    assert groups[0]["republished_by"] == 1
    assert verdict([claim("a", value=12, source="Site", outlet="Site", origin="x"),
                    claim("b", value=12, source="Site", outlet="Site", origin="x")])[0] == "single_source"


def test_blocks_by_kind_measure_scope_subgroup_subject_and_event() -> None:
    groups = align([
        claim("total1", value=164, source="X"),
        claim("total2", lo=160, hedge="more than", source="Y"),
        claim("city1", value=103, where="Almaty", source="X"),
        claim("city2", value=103, where="Almaty", source="Y"),
        claim("police", value=16, subgroup="security forces", source="X"),
        claim("share", value=16, kind="percent", unit="%", source="Y"),
        claim("age1", value=54, kind="age", unit="years", measure="age", subject="PER:x", source="X"),
        claim("age2", value=51, kind="age", unit="years", measure="age", subject="PER:x", source="Y"),
        claim("age3", value=30, kind="age", unit="years", measure="age", subject="PER:y", source="Z"),
        claim("other_event", value=17, source="Z", event="story-2"),
        claim("troops", value=2500, measure="troops", source="Z"),
    ])
    got = by_members(groups)
    assert got[("total1", "total2")]["status"] == "agree" and got[("total1", "total2")]["scope"] == "total"
    assert got[("city1", "city2")]["scope"] == "Almaty"
    assert got[("police",)]["scope"] == "security forces"
    assert got[("share",)]["kind"] == "percent"
    assert got[("age1", "age2")]["status"] == "conflict"  # sources disagree on a person's age
    assert ("age3",) in got and ("other_event",) in got and ("troops",) in got
    assert [g["id"] for g in groups] == [f"g{i}" for i in range(1, len(groups) + 1)]


def test_partial_counts_and_order_of_magnitude_gaps_split_a_series() -> None:
    groups = align([
        claim("det1", value=7939, measure="detained", source="Ministry", outlet="Paper", doc="d"),
        claim("det2", value=1743, measure="detained", source="Courts", outlet="Paper", doc="d"),
        claim("det3", hi=8000, hedge="almost", measure="detained", source="Other paper"),
        claim("toll", value=2975, source="Study"),
        claim("satire", value=103_000_000, source="Satirist"),
    ])
    got = by_members(groups)
    assert got[("det1", "det3")]["status"] == "agree"
    assert got[("det2",)]["scope"].startswith("total, partial count")
    assert ("satire",) in got and ("toll",) in got


def test_agreeing_runs_and_clashes_are_parts_of_their_series() -> None:
    groups = align([
        claim("h1", value=4645, source="Harvard team", date="2018-05-29"),
        claim("h2", value=5000, hedge="approximately", source="Harvard researchers", date="2018-05-30"),
        claim("g1", value=2975, source="GWU study", date="2018-08-29"),
        claim("g2", hi=3000, hedge="nearly", source="Vox", date="2018-08-29"),
        claim("o1", lo=45, hedge="at least", source="officials", doc="bbc"),
        claim("o2", hi=450, hedge="as high as", source="a congresswoman", doc="bbc"),
    ])
    series = [g for g in groups if "part_of" not in g]
    parts = {tuple(sorted(g["members"])): g for g in groups if "part_of" in g}
    assert len(series) == 1 and series[0]["status"] == "conflict"
    assert parts[("h1", "h2")]["status"] == "agree" and parts[("h1", "h2")]["part_of"] == series[0]["id"]
    assert parts[("g1", "g2")]["status"] == "agree"
    assert parts[("o1", "o2")]["status"] == "conflict"


def test_a_place_is_one_scope_across_transliterations() -> None:
    from storylens.relate.claims import _place_key

    assert _place_key("Enerhodar") == _place_key("Energodar") == _place_key("Энергодар")
    assert _place_key("Horlivka") == _place_key("Gorlivka")
    assert _place_key("Kharkiv") != _place_key("Kherson")


def test_deals_of_two_parties_are_two_things() -> None:
    money = dict(kind="money", unit="USD", measure="money: contract")
    groups = align([
        claim("acme1", value=300e6, subject="ORG:acme", source="X", **money),
        claim("acme2", value=300e6, subject="ORG:acme", source="Y", **money),
        claim("unnamed", value=300e6, source="Z", **money),  # "inked a $300 million contract": joins Acme's
        claim("bolt", value=200e6, subject="ORG:bolt", source="X", **money),
        claim("other", value=156e6, source="W", **money),  # fits neither named deal: stays apart
    ])
    got = by_members(groups)
    assert got[("acme1", "acme2", "unnamed")]["status"] == "agree"
    assert ("bolt",) in got and ("other",) in got


def test_an_off_event_figure_naming_the_corpus_event_is_the_main_storys() -> None:
    claims = [claim("named", value=412, event="story-2"), claim("unnamed", value=17, event="story-2")]
    sentences = {"named": "A year ago a weekly held that Cyclone Idris killed at least 412.",
                 "unnamed": "So far, 17 deaths have been connected to the storm."}
    rejoin_main_event(claims, sentences, main_event(Counter({"Cyclone Idris": 8, "Cyclone Tamsin": 2}), documents=10))
    assert [c.event for c in claims] == [None, "story-2"]
    # no named event most documents share: nothing changes
    claims = [claim("named", value=412, event="story-2")]
    rejoin_main_event(claims, sentences, main_event(Counter({"Cyclone Idris": 3}), documents=10))
    assert claims[0].event == "story-2"


def _referring_doc(text: str, language: str, names: list[str], label: str = "LOC") -> tuple[Document, Annotations, list]:
    """A document of one paragraph, its named events as entities, one claim per digit run."""
    import re

    doc = Document(id="d", origin="d.txt", format="txt", raw_text=text, text=text, meta={"language": language},
                   passages=[Passage(0, len(text))])
    ents = [EntityMention(text.index(n), text.index(n) + len(n), n, label) for n in names]
    claims = []
    for m in re.finditer(r"\d+", text):
        s = text.rfind(". ", 0, m.start())
        e = text.find(".", m.end())
        claims.append(Claim(m.start(), m.end(), s + 2 if s >= 0 else 0, e + 1, m.group(), "killed", "people",
                            value=float(m.group())))
    aligned = [claim(f"c{i}", value=c.value) for i, c in enumerate(claims)]
    return doc, Annotations(entities=ents, claims=claims), aligned


def test_a_figure_referring_to_the_event_the_paragraph_last_named_is_that_events() -> None:
    main = main_event(Counter({"Cyclone Idris": 8}), documents=10)
    # the paragraph names another storm (the recogniser calls it a place), then "the storm" refers to it
    doc, ann, aligned = _referring_doc(
        "Rescuers now work on Cyclone Tamsin, which reached the coast on Monday. So far, 23 deaths have been "
        "linked to the storm. The storm also cut power to 40 villages.", "en", ["Cyclone Tamsin"])
    refs = event_references(doc, ann, aligned)
    separate_other_events(refs, main)
    assert [a.event for a in aligned] == ["named: cyclone tamsin", "named: cyclone tamsin"]
    # the corpus's own event named in between: the reference is to it
    doc, ann, aligned = _referring_doc(
        "Cyclone Tamsin reached the coast on Monday, a year after Idris. So far, 23 deaths have been linked to "
        "the storm.", "en", ["Cyclone Tamsin"])
    separate_other_events(event_references(doc, ann, aligned), main)
    assert aligned[0].event is None
    # no kind noun that refers back ("Sixteen people certified"): the figure stays the corpus's
    doc, ann, aligned = _referring_doc(
        "The sabotage at the Varna depot was worse than the Kolby Bombing. Officials certified 16 people.", "en",
        ["Kolby Bombing"], label="EVENT")
    separate_other_events(event_references(doc, ann, aligned), main)
    assert aligned[0].event is None
    # a figure whose own sentence names an event is read where it is named, not here
    doc, ann, aligned = _referring_doc("The Kolby Bombing killed 40, more than the attack on the depot.", "en",
                                       ["Kolby Bombing"], label="EVENT")
    assert event_references(doc, ann, aligned) == []
    # no event most documents of the corpus name: nothing moves
    doc, ann, aligned = _referring_doc("Rescuers work on Cyclone Tamsin. So far, 23 deaths are linked to the storm.",
                                       "en", ["Cyclone Tamsin"])
    separate_other_events(event_references(doc, ann, aligned), main_event(Counter({"Cyclone Idris": 3}), 10))
    assert aligned[0].event is None


def test_an_event_reference_reads_russian_and_ukrainian_without_articles() -> None:
    main = main_event(Counter({"Теракт в Ларине": 8}), documents=10)
    doc, ann, aligned = _referring_doc(
        "Следователи вернулись к делу о взрыве в Корчеве. После теракта погибли 12 человек.", "ru",
        ["взрыве в Корчеве"])
    separate_other_events(event_references(doc, ann, aligned), main)
    assert aligned[0].event == "named: взрыве в корчеве"
    main = main_event(Counter({"Страйк пілотів": 8}), documents=10)
    doc, ann, aligned = _referring_doc(
        "Минулого року тривав страйк диспетчерів Лотвеї. Через страйк скасували 300 рейсів.", "uk",
        ["страйк диспетчерів Лотвеї"], label="EVENT")
    separate_other_events(event_references(doc, ann, aligned), main)
    assert aligned[0].event == "named: страйк диспетчерів лотвеї"
