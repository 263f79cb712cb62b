"""corpus.manifest.Resolver answers as Path.resolve does, folder by folder, links included."""

from __future__ import annotations

import os
from pathlib import Path

from storylens.corpus.manifest import Resolver


def test_resolver_agrees_with_path_resolve(tmp_path: Path, monkeypatch) -> None:
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    for name in ("a.txt", "sub/b.txt"):
        (real / name).write_text("x", encoding="utf-8")
    (tmp_path / "linked").symlink_to(real, target_is_directory=True)
    (real / "alias.txt").symlink_to(real / "sub" / "b.txt")
    (real / "dangling.txt").symlink_to(real / "gone.txt")
    monkeypatch.chdir(real)
    paths = [real / "a.txt", tmp_path / "linked" / "a.txt", tmp_path / "linked" / "sub" / "b.txt",
             real / "alias.txt", real / "dangling.txt", real / "missing.txt", real / "sub" / ".." / "a.txt",
             real / "sub" / "..", Path("a.txt"), Path("sub") / "b.txt", Path("."), real / "sub" / "." / "b.txt"]
    resolve = Resolver()
    for _ in range(2):  # the second round answers from the remembered folders
        assert [resolve(p) for p in paths] == [p.resolve() for p in paths]
    assert resolve(real / "alias.txt") == real.resolve() / "sub" / "b.txt"
    assert os.path.islink(tmp_path / "linked")
