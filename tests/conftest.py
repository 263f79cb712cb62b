"""Shared fixtures. Data under ../shared is read in place, never copied into the project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "kazakhstan-2022"


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data; skips the test when absent, fails under CI=true."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"{path} is missing: acceptance data lives in ../shared beside the checkout"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("seeds")


@pytest.fixture
def seeds_gold() -> Path:
    return shared_path("seeds-gold")


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES
