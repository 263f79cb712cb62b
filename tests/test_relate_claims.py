"""Claim alignment: blocking, hedge intervals and verdicts, on figures built for the test."""

from __future__ import annotations

from storylens.relate.claims import AlignedClaim, align, compatible, verdict


def claim(id: str, value=None, lo=None, hi=None, hedge=None, source="A", measure="killed", unit="people",
          where=None, date=None) -> AlignedClaim:
    return AlignedClaim(id=id, doc=id, source=source, doc_source=source, measure=measure, unit=unit,
                        value=value, lo=lo, hi=hi, hedge=hedge, where=where, date=date)


def test_hedged_figures_agree_with_exact_ones() -> None:
    assert compatible(claim("a", lo=160, hedge="more than"), claim("b", value=164))
    assert compatible(claim("a", hi=8000, hedge="almost"), claim("b", value=7939))
    assert not compatible(claim("a", hi=3000, hedge="as many as"), claim("b", value=2500, hedge="about"))
    assert not compatible(claim("a", value=5000), claim("b", value=7939))


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


def test_blocks_by_measure_scope_and_splits_partial_counts() -> None:
    groups = align([
        claim("total1", value=164, source="X"),
        claim("total2", lo=160, hedge="more than", source="Y"),
        claim("city1", value=103, where="Almaty", source="X"),
        claim("city2", value=103, where="Almaty", source="Y"),
        claim("police", value=16, unit="security forces", source="X"),
        claim("det1", value=7939, measure="detained", source="X"),
        claim("det2", value=1743, measure="detained", source="Courts"),
        claim("troops", value=2500, measure="troops", unit="troops", source="Z"),
    ])
    by_members = {tuple(sorted(g["members"])): g for g in groups}
    assert by_members[("total1", "total2")]["status"] == "agree"
    assert by_members[("total1", "total2")]["scope"] == "total"
    assert by_members[("city1", "city2")]["scope"] == "Almaty"
    assert by_members[("police",)]["scope"] == "security forces"
    assert by_members[("det1",)]["scope"] == "total"
    assert by_members[("det2",)]["scope"].startswith("total, partial count")
    assert [g["id"] for g in groups] == [f"g{i}" for i in range(1, len(groups) + 1)]
    assert len(groups) == 6
