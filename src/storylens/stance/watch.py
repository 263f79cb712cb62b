"""A user's watch list: claims to track across the sources, listed as contested items.

The contested step finds propositions by itself; a watch list adds the ones a user already knows
to ask about ("foreign troops took part in the fighting"). Each watched claim is checked with
:func:`storylens.stance.check.check_claim`; statements that agree go on the ``yes`` side, those
that disagree on the ``no`` side, in the analysis.json ``contested`` shape.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from storylens.store import Store


def read_watch_list(path: str | Path) -> list[str]:
    """Claims from a text file (one a line, ``#`` comments) or a JSON list of strings."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read the watch list {path} ({exc})") from None
    if text.lstrip().startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"watch list {path} is not valid JSON ({exc})") from None
        if not all(isinstance(x, str) for x in data):
            raise ValueError(f"watch list {path} must be a JSON list of claims (strings)")
        claims = [x.strip() for x in data]
    else:
        claims = [line.strip() for line in text.splitlines() if not line.lstrip().startswith("#")]
    claims = [c for c in claims if c]
    if not claims:
        raise ValueError(f"watch list {path} holds no claims")
    return claims


def watch_items(store: Store, claims: list[str]) -> list[dict[str, Any]]:
    """One contested-shaped item per watched claim, with the statements for and against it."""
    from storylens.stance.check import check_claim

    items = []
    for n, claim in enumerate(claims, start=1):
        result = check_claim(store, claim)
        keep = ("doc", "start", "end", "text", "source", "published", "stance", "score")
        sides = {side: [{k: e[k] for k in keep} for e in result.evidence if e["stance"] == stance]
                 for side, stance in (("yes", "agree"), ("no", "disagree"))}
        items.append({"id": f"watched-{n}", "kind": "watched", "about": claim, "verdict": result.verdict,
                      "explanation": "From the watch list; " + "; ".join(result.reasons), "sides": sides})
    return items
