"""`storylens check`: a user's claim against the stored sources.

Unit tests use short documents written for them; the acceptance suite checks 33 claims written
for this project about the development corpora and the seeds (true, false, numerically off,
unsupported) against a store built from ../shared/data in place.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storylens.cli import cli
from storylens.config import Settings
from storylens.stance.check import VERDICTS, check_claim, language_of
from storylens.store import Store
from tests.conftest import shared_path

# (claim, expected verdict): written before running the checker, not tuned to pass
CLAIMS = [
    # Hurricane Maria (en)
    ("Nearly 3,000 people died in Puerto Rico as a result of Hurricane Maria", "supported"),
    ("President Trump waived the Jones Act for Puerto Rico", "supported"),
    ("Puerto Rico raised its official death toll from Hurricane Maria to 2,975", "supported"),
    ("The San Juan mayor criticized the federal response to the hurricane", "supported"),
    ("Hurricane Maria killed 12,000 people in Puerto Rico", "refuted"),
    ("3000 people did not die in the two hurricanes that hit Puerto Rico", "refuted"),
    ("Hurricane Maria destroyed the Eiffel Tower", "not_enough_evidence"),
    ("A meteorite hit the Puerto Rico Electric Power Authority headquarters", "not_enough_evidence"),
    ("Trump visited Puerto Rico after Hurricane Maria", "supported"),
    # Zaporizhzhia nuclear power plant (en)
    ("The IAEA sent an inspection mission to the Zaporizhzhia nuclear power plant", "supported"),
    ("Zaporizhzhia is the largest nuclear power plant in Europe", "supported"),
    ("Russia has placed heavy weapons at the Zaporizhzhia nuclear plant", "conflicting"),
    ("Russian forces have occupied the Zaporizhzhia nuclear plant", "supported"),
    ("The Zaporizhzhia plant has 60 reactors", "refuted"),
    ("The Zaporizhzhia plant was sold to a Brazilian football club", "not_enough_evidence"),
    ("Ukraine has not shelled the Zaporizhzhia nuclear plant", "conflicting"),
    ("The Zaporizhzhia nuclear plant is near the city of Enerhodar", "supported"),
    # Asia Bibi (ru, uk)
    ("Верховный суд Пакистана оправдал Асию Биби", "supported"),
    ("Асия Биби провела восемь лет в тюрьме", "supported"),
    ("Асия Биби провела 20 лет в тюрьме", "refuted"),
    ("Асию Биби приговорили к смертной казни за кражу", "refuted"),
    ("Асия Биби покинула Пакистан", "conflicting"),
    ("Христианке Асии Биби запрещено покидать страну", "conflicting"),
    ("Асия Биби стала послом Пакистана в Японии", "not_enough_evidence"),
    ("Верховний суд Пакистану виправдав Асію Бібі", "supported"),
    ("Після виправдання Асії Бібі в Пакистані спалахнули протести ісламістів", "supported"),
    ("Асію Бібі обрали мером Лахора", "not_enough_evidence"),
    # the seeds: Kazakhstan, January 2022
    ("Tokayev asked the CSTO for help", "conflicting"),
    ("The protests in Kazakhstan began over a rise in fuel prices", "supported"),
    ("Russian troops took part in the fighting in Kazakhstan", "conflicting"),
    ("The CSTO deployed about 3,000 troops to Kazakhstan", "supported"),
    ("The CSTO deployed 30,000 troops to Kazakhstan", "refuted"),
    ("Kazakhstan joined the European Union in January 2022", "not_enough_evidence"),
]


def _store(path: Path, folders: list[Path]) -> Path:
    """A store as `ingest` and `relate` make it, with the annotators check reads (fast: no NER)."""
    from storylens.annotate import annotate_store
    from storylens.ingest import ingest
    from storylens.relate import relate_store

    settings = Settings()
    settings.annotate.components = ("dates", "claims", "quotes")
    db = path / "check.db"
    with Store(db) as store:
        for folder in folders:
            ingest([folder], store, settings, progress=False)
        annotate_store(store, settings.annotate, progress=False)
        relate_store(store, steps=["claim_groups"], progress=False)
    return db


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("check")
    corpus = root / "corpus"
    corpus.mkdir()
    texts = {
        "a.txt": ("Morning Post", "Pilots of the national airline went on strike on Friday over unpaid wages. "
                  "About 300 flights were cancelled, the union said."),
        "b.txt": ("Air Wire", "Pilots of the national airline did not go on strike on Friday. Only 30 flights were "
                  "cancelled, because of fog."),
        "e.txt": ("Evening Star", "The airline denied that its pilots went on strike."),
        "c.txt": ("City Notes", "The pilots of the national airline walked out on Friday to demand their unpaid wages."),
        "d.txt": ("Garden Weekly", "Tulips bloom early this year in the botanical garden."),
    }
    rows = ["path,source,published,language"]
    for name, (source, text) in texts.items():
        (corpus / name).write_text(text + "\n", encoding="utf-8")
        rows.append(f"{name},{source},2024-05-03,en")
    (corpus / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return _store(root, [corpus])


def test_verdicts_on_written_documents(small_db: Path) -> None:
    with Store(small_db) as store:
        strike = check_claim(store, "The airline's pilots went on strike on Friday")
        assert strike.verdict == "conflicting"
        stances = {e["source"]: e["stance"] for e in strike.evidence}
        assert stances["Air Wire"] == "disagree" and stances["Morning Post"] == "agree"
        assert stances["Evening Star"] == "disagree"  # reported ("the airline denied"): shown, not counted here
        assert "Garden Weekly" not in stances
        assert check_claim(store, "Tulips bloom early in the botanical garden").verdict == "supported"
        assert check_claim(store, "The airline's pilots did not go on strike").verdict == "conflicting"
        assert check_claim(store, "A volcano erupted near the capital").verdict == "not_enough_evidence"


def test_result_shape_spans_and_figures(small_db: Path) -> None:
    with Store(small_db) as store:
        result = check_claim(store, "About 3,000 flights were cancelled because of the pilots' strike")
        data = result.to_dict()
        texts = {r[0]: r[1] for r in store.db.execute("SELECT id, text FROM documents")}
    assert set(data) == {"claim", "verdict", "reasons", "evidence", "figures"}
    assert data["verdict"] in VERDICTS and data["reasons"]
    for ev in data["evidence"]:
        assert {"doc", "source", "start", "end", "text", "stance", "score"} <= set(ev)
        assert texts[ev["doc"]][ev["start"]:ev["end"]] == ev["text"]
    json.dumps(data)  # JSON-ready


def test_empty_claim_is_refused(small_db: Path) -> None:
    with Store(small_db) as store, pytest.raises(ValueError, match="empty"):
        check_claim(store, "   ")


def test_language_from_script() -> None:
    assert language_of("Войска вошли в город") == "ru"
    assert language_of("Війська увійшли до міста") == "uk"
    assert language_of("Troops entered the city") == "en"


def test_cli_check_and_contested(small_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(cli, ["check", "The airline's pilots went on strike on Friday", "--db", str(small_db), "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["verdict"] == "conflicting"
    plain = runner.invoke(cli, ["check", "The airline's pilots went on strike on Friday", "--db", str(small_db)])
    assert plain.output.startswith("verdict: conflicting")
    assert runner.invoke(cli, ["check", " ", "--db", str(small_db)]).exit_code == 1
    assert "no database" in runner.invoke(cli, ["check", "x", "--db", str(tmp_path / "none.db")]).output
    watch = tmp_path / "watch.txt"
    watch.write_text("The airline's pilots went on strike\n", encoding="utf-8")
    listed = runner.invoke(cli, ["contested", "--db", str(small_db), "--watch", str(watch), "--json"])
    assert listed.exit_code == 0, listed.output
    items = json.loads(listed.output)
    watched = [i for i in items if i["kind"] == "watched"]
    assert {e["source"] for e in watched[0]["sides"]["no"]} == {"Air Wire", "Evening Star"}
    assert "Morning Post" in [e["source"] for e in watched[0]["sides"]["yes"]]


@pytest.fixture(scope="module")
def dev_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    events = shared_path("events")
    folders = [events / "hurricane-maria-2017", events / "zaporizhzhia-npp-2022", events / "asia-bibi-2018",
               shared_path("seeds")]
    return _store(tmp_path_factory.mktemp("dev"), folders)


def test_claims_about_the_development_corpora_and_the_seeds(dev_db: Path) -> None:
    wrong = []
    with Store(dev_db) as store:
        for claim, expected in CLAIMS:
            got = check_claim(store, claim).verdict
            if got != expected:
                wrong.append(f"{claim!r}: expected {expected}, got {got}")
    right = len(CLAIMS) - len(wrong)
    assert len(CLAIMS) >= 30
    assert right / len(CLAIMS) >= 0.8, "\n".join(wrong)
