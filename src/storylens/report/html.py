"""The report: one self-contained HTML file rendered from an analysis (see analysis.schema.json),
and the web app's page, which runs the same script and stylesheet from the server.

The file works offline from disk. It holds three things, all inline:

- the analysis as JSON in ``<script type="application/json" id="storylens-data">``, with ``<``,
  ``>``, ``&``, U+2028 and U+2029 written as ``\\u003c`` and so on, so text from a document
  (``</script>``, ``<!--``) can never end the data block or be read as markup;
- the stylesheet (``assets/report.css``);
- the script (``assets/report.js``), which builds every view from that JSON with DOM APIs and
  ``textContent`` only, and draws the charts as inline SVG.

A Content-Security-Policy meta tag forbids all network access and allows exactly one script:
ours, by its sha256 hash. Injected markup could not run even if it reached the DOM.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["render_report", "render_app", "write_report", "embed_json", "content_security_policy"]

# str.replace per character is ~10x faster than str.translate on tens of megabytes.
_JSON_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)
# A Python str may hold a lone surrogate (surrogateescape); it cannot be written as UTF-8, so it
# goes into the JSON as an escape (JSON.parse gives back the same single code unit).
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _finite(value: Any) -> Any:
    """The value with NaN and infinities replaced by null (JSON has no such numbers)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def embed_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>``, ``&``, U+2028, U+2029."""
    try:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except ValueError:
        text = json.dumps(_finite(data), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in _JSON_ESCAPES:
        text = text.replace(char, escape)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = _LONE_SURROGATE.sub(lambda m: "\\u%04x" % ord(m.group()), text)
    return text


def _asset(name: str) -> str:
    return resources.files("storylens.report").joinpath("assets", name).read_text(encoding="utf-8")


def _script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def content_security_policy(script: str) -> str:
    """No network at all; the one inline script allowed by hash; inline styles; data: images."""
    return (
        "default-src 'none'; "
        f"script-src '{_script_hash(script)}'; "
        "style-src 'unsafe-inline'; "
        "img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


VIEWS = ("overview", "claims", "contested", "labels", "stories", "timeline", "entities", "sources", "documents", "doc",
         "evidence", "search", "check", "ingest")


def _page(data: dict, *, title: str, head: str, script: str, foot: str) -> str:
    """The HTML page both deliveries share: navigation, one empty section per view, the data block."""
    sections = "\n".join(f'<section class="view" id="view-{v}" data-view="{v}" hidden></section>' for v in VIEWS)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
{head}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="storylens">
<title>{html.escape(title)}</title>
<link rel="icon" href="data:,">
</head>
<body>
<div id="app">
<nav id="nav" aria-label="Sections">
<div class="brand">storylens<span class="brand-sub">evidence report</span></div>
<ul id="nav-list"></ul>
<div class="nav-foot">{foot}</div>
</nav>
<main id="main" tabindex="-1">
<noscript><p class="noscript">This page draws its views with JavaScript (it runs locally and
makes no requests to other sites). Enable JavaScript for it to read it.</p></noscript>
<div id="banner" class="banner" role="note" hidden></div>
{sections}
</main>
</div>
<script type="application/json" id="storylens-data">{embed_json(data)}</script>
{script}
</body>
</html>
"""


def render_report(analysis: dict) -> str:
    """The whole report as one self-contained HTML string."""
    css = _asset("report.css")
    script = _asset("report.js")
    # Our own assets must not be able to close their elements either.
    if re.search(r"</script", script, re.I) or re.search(r"</style", css, re.I):
        raise ValueError("report assets must not contain a closing </script> or </style> tag")
    corpus = analysis.get("corpus") or {}
    n_docs = corpus.get("documents", len(analysis.get("documents") or []))
    head = (f'<meta http-equiv="Content-Security-Policy" content="{html.escape(content_security_policy(script))}">\n'
            f"<style>\n{css}\n</style>")
    generated = html.escape(str(analysis.get("generated_at", "")))
    return _page(analysis, title=f"storylens report — {n_docs} documents", head=head,
                 script=f"<script>{script}</script>",
                 foot=f"Generated {generated}<br>Offline file: no network access.")


def render_app(boot: dict, assets: dict[str, str]) -> str:
    """The web app's page: the same views, script and stylesheet, loaded from the server.

    ``assets`` maps ``report.js``/``report.css`` to their URLs. The script finds ``server`` in
    the boot data and fetches each view's slice from the JSON API; the server's
    Content-Security-Policy header allows scripts and styles from itself only.
    """
    head = f'<link rel="stylesheet" href="{html.escape(assets["report.css"])}">'
    return _page(boot, title="storylens", head=head,
                 script=f'<script src="{html.escape(assets["report.js"])}"></script>',
                 foot="Served from your store by storylens serve.")


def write_report(analysis: dict, path: Path) -> None:
    """Write the report to ``path`` (UTF-8), creating its folder if needed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(analysis), encoding="utf-8")
