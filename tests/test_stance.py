"""The stance model: cue files, features, the shipped weights, the FNC-1 metric and bench/stance.py.

Texts here are written for these tests; the FNC-1 acceptance numbers come from bench/stance.py on
../shared/data/fnc1 (docs/evaluation.md).
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

from storylens.stance import Side, StanceModel, fnc, shipped
from storylens.stance.cues import cues
from storylens.stance.features import DIM, SCALARS, numbers, pair_features, split_sentences
from storylens.stance.model import WEIGHTS
from storylens.stance.polarity import denies, governed_stems
from storylens.stance.train import fit, tune_offsets

ROOT = Path(__file__).resolve().parents[1]


# ------------------------------------------------------------------ cues


def test_cues_come_from_language_files_with_phrases_that_do_not_deny() -> None:
    en = cues("en")
    assert [m.group() for m in en.find("refute", "Officials called the video fake and denied it.")] == ["fake", "denied"]
    assert en.find("refute", "He blamed fake news for the coverage.") == []  # "fake news" is not a denial
    assert [m.group() for m in en.find("negation", "Troops did not only guard the airport.")] == []
    assert [m.group() for m in en.find("predicate_negation", "They didn´t fight.")] == ["n´t"]
    assert [m.group() for m in en.find("refute", "Moscow rejected the Ukrainian claims.")] == ["rejected the Ukrainian claims"]
    assert en.find("refute", "The court rejected the appeal.") == []  # "reject ~ claim*" needs its object
    ru = cues("ru")
    assert [m.group() for m in ru.find("refute", "МИД опроверг сообщения, назвав их вбросом.")] == ["опроверг", "вбросом"]
    uk = cues("uk")
    assert [m.group() for m in uk.find("refute", "Міністерство спростувало це, назвавши фейком.")] == ["спростувало", "фейком"]


def test_unknown_language_falls_back_to_english_and_questions_assert_nothing() -> None:
    assert cues("xx").lang == "en"
    assert cues("en").unasserted("Did the army fire on the crowd?")
    assert cues("ru").unasserted("Если войска стреляли, это преступление.")
    assert not cues("en").unasserted("The army fired on the crowd.")


def test_attributed_statements_are_reported_not_the_sources_own() -> None:
    en = cues("en")
    assert en.attributed("The ministry said the bridge was closed.")
    assert en.attributed("Kyiv denied targeting the station.")
    assert not en.attributed("The bridge was closed on Monday.")


# ------------------------------------------------------------------ polarity


def test_what_a_negation_or_denial_governs() -> None:
    assert governed_stems("The troops did not take part in any fighting.", "en")[:3] == ["take", "part", "fight"]
    assert governed_stems("The ministry denied, that the pilots were on strike.", "en")[:3] == ["pilot", "strik"]
    # a clause break ends a denial: "denies this" does not deny what the next clause says
    assert "accus" not in governed_stems("Russia denies this and accuses Ukraine of shelling the station.", "en")


def test_denies_needs_the_claims_predicate_or_words() -> None:
    claim = set(cues("en").content("The soldiers killed protesters in the square."))
    assert denies("The soldiers did not take part in any fighting.", "en", claim)  # fight ~ kill, past "take part"
    assert not denies("The soldiers did not sleep in the square.", "en", claim)
    assert not denies("The trial was not public, the court said.", "en", claim)
    strike = set(cues("en").content("The pilots went on strike on Friday."))
    assert denies("The airline denied that the pilots went on strike.", "en", strike)
    # denying a negation asserts: "falsely claimed they did not strike"
    assert not denies("The union falsely claimed the pilots did not strike.", "en", strike)
    left = set(cues("ru").content("Журналистка покинула страну в пятницу."))
    assert denies("Её адвокат заявил, что она не покидала страну.", "ru", left)


# ------------------------------------------------------------------ features and model


def test_split_sentences_and_numbers() -> None:
    assert split_sentences('He said so. "Then we left." Next\n\nnew one!') == ['He said so.', '"Then we left."', "Next", "new one!"]
    assert numbers("2,975 people, 3.5 km and 1 000 cars") == {2975.0, 3.5, 1000.0}


def test_pair_features_have_the_documented_shape() -> None:
    claim = Side.of(["The bridge collapsed on Monday."])
    body = Side.of(["Officials denied that the bridge collapsed.", "Traffic was diverted.", "It rained."])
    row = pair_features(claim, body)
    assert row.shape == (DIM,) and np.isfinite(row).all()
    named = dict(zip(SCALARS, row))
    assert named["refute_body"] == pytest.approx(1 / 3)
    assert named["overlap_top"] > 0.5


def test_shipped_weights_are_small_plain_arrays() -> None:
    assert WEIGHTS.stat().st_size < 20 * 2**20
    with zipfile.ZipFile(WEIGHTS) as z:
        assert all(name.endswith(".npy") for name in z.namelist())
    np.load(WEIGHTS, allow_pickle=False)  # no pickled objects
    model = shipped()
    assert model.labels == list(fnc.LABELS)


def test_model_tells_related_from_unrelated_in_three_languages() -> None:
    model = shipped()
    claim = Side.of(["A dam burst and flooded the valley."])
    related = Side.of(["The dam burst on Tuesday night and water flooded the valley, officials said."])
    unrelated = Side.of(["The orchestra played a new symphony in the capital."])
    assert model.stance(claim, related)[1]["unrelated"] < 0.5
    assert model.stance(claim, unrelated)[0] == "unrelated"
    ru = Side.of(["Плотина прорвалась, и вода затопила долину."], "ru")
    assert model.stance(ru, Side.of(["Оркестр сыграл новую симфонию в столице."], "ru"))[0] == "unrelated"
    assert model.stance(ru, Side.of(["Во вторник ночью прорвало плотину, вода затопила долину."], "ru"))[1]["unrelated"] < 0.5


def test_model_refuses_weights_for_other_features(tmp_path: Path) -> None:
    bad = tmp_path / "bad.npz"
    np.savez(bad, labels=np.array(["a"]), features=np.array(["x"]), mean=np.zeros(1), scale=np.ones(1),
             offset=np.zeros(1), W0=np.zeros((1, 1)), b0=np.zeros(1))
    with pytest.raises(ValueError, match="other features"):
        StanceModel.load(bad)
    with pytest.raises(ValueError, match="cannot load"):
        StanceModel.load(tmp_path / "missing.npz")


def test_fit_tune_and_save_round_trip(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(3000, DIM)).astype(np.float32)
    y = [fnc.LABELS[i % 4] for i in range(3000)]
    X[:, :40] += np.array([fnc.LABELS.index(s) for s in y])[:, None] * 2.0  # a learnable signal
    model = fit(X, y, hidden=8, seed=0, max_iter=50)
    model.offset = tune_offsets(model.logits(X), y, model.labels, rounds=1)
    path = tmp_path / "w.npz"
    model.save(path)
    again = StanceModel.load(path)
    assert again.predict(X[:50]) == model.predict(X[:50])
    assert np.mean([p == g for p, g in zip(again.predict(X), y)]) > 0.7  # chance is 0.25


# ------------------------------------------------------------------ FNC-1 metric and bench


def test_fnc_score_and_f1() -> None:
    gold = ["agree", "disagree", "discuss", "unrelated"]
    assert fnc.fnc_score(gold, gold) == 1.0
    assert fnc.fnc_score(gold, ["unrelated"] * 4) == pytest.approx(0.25 / 3.25)
    assert fnc.fnc_score(gold, ["discuss", "discuss", "discuss", "unrelated"]) == pytest.approx((0.25 * 3 + 0.75 + 0.25) / 3.25)
    f1 = fnc.f1_per_class(gold, ["agree", "agree", "discuss", "unrelated"])
    assert f1["disagree"] == 0.0 and f1["agree"] == pytest.approx(2 / 3)


def _fnc_files(folder: Path) -> tuple[Path, Path]:
    bodies = folder / "b.csv"
    stances = folder / "s.csv"
    bodies.write_text('Body ID,articleBody\n1,"The mayor said the bridge collapsed on Monday. Nobody was hurt."\n'
                      '2,"A new bakery opened downtown. It sells bread."\n', encoding="utf-8")
    stances.write_text("Headline,Body ID,Stance\nBridge collapses,1,agree\nBridge collapses,2,unrelated\n"
                       "Bakery opens downtown,2,agree\nBakery opens downtown,1,unrelated\n", encoding="utf-8")
    return stances, bodies


def test_fnc_files_are_read_or_refused_clearly(tmp_path: Path) -> None:
    stances, bodies = _fnc_files(tmp_path)
    pairs = fnc.read(stances, bodies)
    assert len(pairs) == 4 and pairs.stances[0] == "agree"
    bad = tmp_path / "bad.csv"
    bad.write_text("Headline,Body,Label\nx,1,agree\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Headline,Body ID,Stance"):
        fnc.read(bad, bodies)


def test_bench_scores_any_fnc_files_and_prints_the_line_last(tmp_path: Path) -> None:
    stances, bodies = _fnc_files(tmp_path)
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "stance.py"), "--stances", str(stances),
                          "--bodies", str(bodies), "--cache", str(tmp_path / "cache")],
                         capture_output=True, text=True, check=True).stdout
    last = out.strip().splitlines()[-1]
    assert last.startswith("FNC score ") and ", macro-F1 " in last and ", disagree F1 " in last
    score = float(last.split()[2].rstrip(","))
    assert score >= 0.25  # the two unrelated pairs are unmistakable
    bad = subprocess.run([sys.executable, str(ROOT / "bench" / "stance.py"), "--stances", str(stances)],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "give both" in bad.stderr
