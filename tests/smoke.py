"""Install storylens as a user would: build the wheel, install it into a fresh virtual
environment of each supported Python, and run the demo there.

The environments are cached under ``.venv/smoke/`` keyed by the Python version and a hash of
the dependencies in ``pyproject.toml`` and of ``requirements/main.txt``: a new key builds a new environment (the
wheel's own dependencies, resolved from its metadata and held to the locked versions), an
unchanged key only reinstalls the freshly built wheel. ``make test-install`` prepares them
(``python tests/smoke.py prepare``) so that ``make test`` spends seconds, not minutes, here.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".venv" / "smoke"
LOCK = ROOT / "requirements" / "main.txt"
#: Python versions the package supports; the smoke test runs on each one installed here.
VERSIONS = ("3.11", "3.12", "3.13")


def interpreter(version: str) -> Path | None:
    """An executable Python ``version`` on this machine (pyenv's, or one on PATH), or None."""
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = sorted(glob.glob(str(root / "versions" / f"{version}.*" / "bin" / f"python{version}")), reverse=True)
    on_path = shutil.which(f"python{version}")
    for candidate in [*candidates, *([on_path] if on_path else [])]:
        try:
            out = subprocess.run([candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                                 capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if out.returncode == 0 and out.stdout.strip() == version:
            return Path(candidate)
    return None


def build(out_dir: Path) -> tuple[Path, Path]:
    """``python -m build``: the wheel and the sdist, into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    # No isolation: setuptools is pinned in the lock, so the build needs nothing from the network.
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out_dir), str(ROOT)], "build")
    shutil.rmtree(ROOT / "src" / "storylens.egg-info", ignore_errors=True)
    wheels = sorted(out_dir.glob("storylens-*.whl"))
    sdists = sorted(out_dir.glob("storylens-*.tar.gz"))
    if not wheels or not sdists:
        raise RuntimeError(f"python -m build left no wheel or sdist in {out_dir}")
    return wheels[-1], sdists[-1]


def environment(python: Path, wheel: Path) -> Path:
    """A virtual environment for ``python`` with ``wheel`` installed and its dependencies; its folder."""
    version = subprocess.run([str(python), "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    key = hashlib.sha256("\n".join(declared()).encode() + LOCK.read_bytes()).hexdigest()[:12]
    venv = CACHE / f"py{version}-{key}"
    pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check", "-q"]
    if not (venv / ".ready").exists():
        for old in CACHE.glob(f"py{version}-*"):
            shutil.rmtree(old)
        _run([str(python), "-m", "venv", str(venv)], "venv")
        constraints = venv / "constraints.txt"
        constraints.write_text(locked_versions(), encoding="utf-8")
        # The wheel's own metadata names the dependencies; the lock holds them to tested versions.
        _run([*pip, "install", "-c", str(constraints), str(wheel)], "pip install")
        (venv / ".ready").touch()
    _run([*pip, "install", "--no-deps", "--force-reinstall", str(wheel)], "pip install the wheel")
    return venv


def declared() -> list[str]:
    """The dependencies ``pyproject.toml`` declares (what the wheel will ask pip for)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return list(project["dependencies"])


def locked_versions() -> str:
    """requirements/main.txt as plain ``name==version`` lines (pip refuses hashes in constraints)."""
    return "".join(f"{m.group(1)}\n" for m in re.finditer(r"^([A-Za-z0-9_.\-]+==[^\s\\]+)", LOCK.read_text(), re.M))


def offline(command: list[str]) -> list[str]:
    """``command`` in a network namespace of its own (no network at all) when the system allows it."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
        return [unshare, "-rn", *command]
    return command


def _run(command: list[str], what: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{what} failed ({' '.join(command)}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")


def prepare() -> None:
    """Build the wheel and the environment of every supported Python found here."""
    dist = CACHE / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    wheel, _ = build(dist)
    for version in VERSIONS:
        python = interpreter(version)
        if python is None:
            print(f"smoke: no Python {version} here; its smoke test will be skipped")
            continue
        print(f"smoke: Python {version} environment in {environment(python, wheel)}")


if __name__ == "__main__":
    if sys.argv[1:] != ["prepare"]:
        sys.exit("usage: python tests/smoke.py prepare")
    prepare()
