"""Language data: the words of each language live here, one folder per language.

``lang/<code>/<name>.json`` holds one kind of cue for one language (number words, hedges,
attribution verbs, negation, denial cues, naming patterns…). Code asks :func:`cues` for a
kind across the languages it handles; adding a language is adding a folder of files, and a
user can add or override files without touching the package by pointing ``STORYLENS_LANG_DIR``
at a folder of the same shape (``<dir>/<code>/<name>.json``; its entries win).

A file is a JSON object; keys starting with ``_`` (``"_doc"``) are documentation and are dropped.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

#: Languages whose data ships with the package; others fall back to what a user supplies.
SHIPPED: tuple[str, ...] = ("en", "ru", "uk")
#: Languages written in Cyrillic: language identification, engine routing and name keys all ask this one set.
CYRILLIC_LANGUAGES: frozenset[str] = frozenset({"ru", "uk", "kk", "be", "bg", "sr", "mk", "ky", "tg", "mn"})


def _user_dir() -> Path | None:
    path = os.environ.get("STORYLENS_LANG_DIR")
    return Path(path) if path else None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Refuse a key given twice: JSON keeps the last silently, and a cue list added under a name already in use
    would replace the older list and change what that rule matches."""
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise ValueError(f"key {key!r} appears twice")
        seen.add(key)
    return dict(pairs)


def _read(path: Path | Any) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_unique_keys)
    except FileNotFoundError:
        return {}
    except json.JSONDecodeError as exc:
        raise ValueError(f"language data {path} is not valid JSON ({exc}); fix or remove the file") from None
    except ValueError as exc:
        raise ValueError(f"language data {path}: {exc}; keep one of them") from None
    if not isinstance(data, dict):
        raise ValueError(f"language data {path} must hold a JSON object")
    return {k: v for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=None)
def cues(lang: str, name: str) -> dict[str, Any]:
    """The ``name`` data of language ``lang`` (an empty dict when the language has none).

    The shipped file is read first; a file of the same name in ``STORYLENS_LANG_DIR`` overrides
    its keys.
    """
    data = _read(resources.files("storylens.lang").joinpath(lang, f"{name}.json"))
    user = _user_dir()
    if user is not None:
        data.update(_read(user / lang / f"{name}.json"))
    return data


def languages() -> tuple[str, ...]:
    """Every language with data: the shipped ones and any in ``STORYLENS_LANG_DIR``."""
    found = set(SHIPPED)
    user = _user_dir()
    if user is not None and user.is_dir():
        found.update(p.name for p in user.iterdir() if p.is_dir())
    return tuple(sorted(found))


def having(name: str) -> tuple[str, ...]:
    """Every language, shipped or the user's, with a ``name`` file, a few beyond the fully supported ones included:
    for data a step reads in all languages at once (sentences are split before a passage's language is known)."""
    shipped = {p.name for p in resources.files("storylens.lang").iterdir() if p.joinpath(f"{name}.json").is_file()}
    user = _user_dir()
    if user is not None and user.is_dir():
        shipped.update(p.name for p in user.iterdir() if (p / f"{name}.json").is_file())
    return tuple(sorted(shipped))


def merged(name: str, langs: tuple[str, ...] | None = None) -> dict[str, dict[str, Any]]:
    """``{lang: cues(lang, name)}`` for every language that has the ``name`` file."""
    out = {}
    for lang in langs or languages():
        data = cues(lang, name)
        if data:
            out[lang] = data
    return out


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first, one that matches nothing when there are none (built once per
    word list: the rules that use it run for every figure and quotation)."""
    return _alternation(tuple(words))


@lru_cache(maxsize=512)
def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted({w for w in words if w}, key=len, reverse=True)) or "(?!)"
