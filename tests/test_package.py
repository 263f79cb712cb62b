"""storylens installs like a real package: declared dependencies, complete package data, a
wheel and an sdist from ``python -m build``, and the demo running from the installed wheel,
offline, on every supported Python that is installed here."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from importlib.metadata import packages_distributions
from pathlib import Path

import jsonschema
import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests import smoke

ROOT = smoke.ROOT
PACKAGE = ROOT / "src" / "storylens"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
DECLARED = {canonicalize_name(Requirement(r).name): Requirement(r) for r in smoke.declared()}


def _locked() -> dict[str, Version]:
    pins = (line.split("==") for line in smoke.locked_versions().splitlines())
    return {canonicalize_name(name): Version(version) for name, version in pins}


def _imported_modules() -> set[str]:
    """Top-level names of every module the package imports (at module level or inside functions)."""
    names = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "storylens"}


def test_every_imported_package_is_declared() -> None:
    distributions = packages_distributions()
    missing = {}
    for module in _imported_modules():
        owners = {canonicalize_name(d) for d in distributions.get(module, [module])}
        if not owners & DECLARED.keys():
            missing[module] = sorted(owners)
    assert not missing, f"imported but not in pyproject.toml dependencies: {missing}"


def test_declared_ranges_hold_the_locked_versions() -> None:
    locked = _locked()
    unpinned = sorted(set(DECLARED) - set(locked))
    assert not unpinned, f"declared in pyproject.toml but not pinned in requirements/main.txt: {unpinned}"
    outside = {name: (str(req.specifier), str(locked[name]))
               for name, req in DECLARED.items() if not req.specifier.contains(locked[name], prereleases=True)}
    assert not outside, f"locked versions outside the declared ranges (range, locked): {outside}"


def test_supported_pythons_are_the_smoke_tested_ones() -> None:
    allowed = SpecifierSet(PROJECT["requires-python"])
    for version in smoke.VERSIONS:
        assert Version(version) in allowed
    assert Version("3.10") not in allowed
    classifiers = {c.rsplit(" :: ", 1)[-1] for c in PROJECT["classifiers"] if c.count("::") == 2}
    assert set(smoke.VERSIONS) <= classifiers


def test_locked_constraints_are_plain_pins() -> None:
    text = smoke.locked_versions()
    assert "--hash" not in text and "\\" not in text
    assert "spacy==" in text and "numpy==" in text
    assert all(line.count("==") == 1 for line in text.splitlines())


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return smoke.build(tmp_path_factory.mktemp("dist"))


def _package_files() -> set[str]:
    return {p.relative_to(PACKAGE.parent).as_posix() for p in PACKAGE.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}


def test_wheel_holds_every_package_file(dist: tuple[Path, Path]) -> None:
    wheel, _ = dist
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
        requires = {canonicalize_name(Requirement(line.split(":", 1)[1]).name)
                    for line in zf.read(metadata).decode().splitlines() if line.startswith("Requires-Dist:")}
        entry_points = zf.read(metadata.replace("METADATA", "entry_points.txt")).decode()
    files = _package_files()
    assert any(f.startswith("storylens/persuasion/weights/") for f in files)  # the walk sees data files
    assert sorted(files - names) == []
    assert requires == set(DECLARED)
    assert "storylens = storylens.cli:cli" in entry_points


def test_sdist_holds_the_package_tests_and_demo(dist: tuple[Path, Path]) -> None:
    _, sdist = dist
    with tarfile.open(sdist) as tf:
        names = {n.split("/", 1)[1] for n in tf.getnames() if "/" in n}
    expected = {f"src/{f}" for f in _package_files()}
    expected |= {"pyproject.toml", "README.md", "Makefile", "requirements/main.txt", "tests/conftest.py",
                 "tests/smoke.py", "examples/kazakhstan-2022/manifest.csv"}
    assert sorted(expected - names) == []
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


@pytest.mark.parametrize("version", smoke.VERSIONS)
def test_installed_wheel_runs_the_demo_offline(version: str, dist: tuple[Path, Path], tmp_path: Path) -> None:
    """Fresh environment from the wheel → ``storylens analyze`` on the demo with no network →
    an analysis.json that validates against the shipped schema."""
    python = smoke.interpreter(version)
    if python is None:
        pytest.skip(f"no Python {version} on this machine")
    venv = smoke.environment(python, dist[0])
    # Run from an empty folder so that nothing is imported from the source tree.
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import storylens; print(storylens.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(venv)
    out = tmp_path / "report"
    result = subprocess.run(
        smoke.offline([str(venv / "bin" / "storylens"), "analyze", str(ROOT / "examples" / "kazakhstan-2022"),
                       "--db", str(tmp_path / "demo.db"), "--out", str(out), "--quiet"]),
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    analysis = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    schema = json.loads((PACKAGE / "report" / "analysis.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(analysis, schema)
    assert analysis["corpus"]["documents"] >= 10
    assert analysis["claims"] and analysis["entities"]
    assert (out / "report.html").stat().st_size > 10_000
