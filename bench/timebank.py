"""Dates and times on TempEval-3 TimeBank: detection and value accuracy of ``find_dates_in``.

    .venv/bin/python bench/timebank.py [--data ../shared/data/tempeval3/TimeBank] [--errors 20]

For every ``.tml`` file the text inside ``<TEXT>`` (tags removed, entities decoded) is run through
:func:`storylens.annotate.dates.find_dates_in` with the document creation time (the TIMEX3 with
``functionInDocument="CREATION_TIME"``) as the anchor and language "en".

Detection is scored with relaxed matching (any character overlap), as in TempEval-3:
recall over gold DATE and TIME expressions, precision over our mentions (a mention that overlaps
only a gold DURATION or SET is counted apart, neither right nor wrong). Value accuracy is over the
gold DATE/TIME expressions we found: our value in TimeML style (``to_timeml``: ranges become
``YYYY-Www``, ``YYYY-MM``, ``YYYY-Qn``, decades ``199``) must equal the gold value exactly, with
``T17:00`` and ``T17`` counted equal; where we joined two expressions into one range
("from Aug. 26 to Oct. 20"), a gold value equal to either end counts. Gold values we never produce by design (``PRESENT_REF``,
``PAST_REF``, ``FUTURE_REF``, parts of days such as ``TEV``, ``-WE``, unspecified ``XXXX``/``WXX``)
are reported in a separate row.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylens.annotate.dates import find_dates_in, to_timeml  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "tempeval3" / "TimeBank"
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>|([^<]+)")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_UNREACHABLE = re.compile(r"REF$|T(?:MO|AF|EV|NI|DT)$|-WE$|X|^P")


def read_tml(path: Path) -> tuple[date | None, str, list[dict]]:
    """(creation date, text of <TEXT>, gold TIMEX3 list with start/end/type/value)."""
    raw = path.read_text(encoding="utf-8")
    dct = None
    m = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    if m:
        v = dict(_ATTR.findall(m.group(0))).get("value", "")
        try:
            dct = date.fromisoformat(v[:10])
        except ValueError:
            dct = None
    body = raw[raw.index("<TEXT>") + 6: raw.index("</TEXT>")]
    parts: list[str] = []
    pos = 0
    gold: list[dict] = []
    open_timex: dict | None = None
    for t in _TAG.finditer(body):
        if t.group(4) is not None:
            s = html.unescape(t.group(4))
            parts.append(s)
            pos += len(s)
        elif t.group(2) == "TIMEX3":
            if t.group(1):
                if open_timex is not None:
                    open_timex["end"] = pos
                    gold.append(open_timex)
                    open_timex = None
            else:
                attrs = dict(_ATTR.findall(t.group(3)))
                open_timex = {"start": pos, "type": attrs.get("type"), "value": attrs.get("value", "")}
    text = "".join(parts)
    for g in gold:
        g["text"] = text[g["start"]:g["end"]]
    return dct, text, gold


def _norm(value: str | None) -> str | None:
    if value is None:
        return None
    return re.sub(r"(T\d\d):00$", r"\1", value)


def _prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--errors", type=int, default=0, help="print this many value errors and misses")
    args = ap.parse_args(argv)
    files = sorted(args.data.glob("*.tml"))
    if not files:
        print(f"no .tml files under {args.data}", file=sys.stderr)
        return 1

    gold_n: Counter = Counter()
    found: Counter = Counter()
    correct: Counter = Counter()
    sys_n = sys_tp = sys_other = 0
    typed_n: Counter = Counter()  # our mentions by our own type: TIME when the value has a clock time
    typed_tp: Counter = Counter()
    errors: list[str] = []
    misses: list[str] = []
    fps: list[str] = []
    chars = 0
    t0 = time.perf_counter()
    elapsed = 0.0
    for path in files:
        dct, text, gold = read_tml(path)
        chars += len(text)
        t1 = time.perf_counter()
        mentions = find_dates_in(text, dct, "en")
        elapsed += time.perf_counter() - t1
        for m in mentions:
            sys_n += 1
            over = [g for g in gold if g["start"] < m.end and m.start < g["end"]]
            ours = "TIME" if "T" in (m.value or m.lo or "") else "DATE"
            if any(g["type"] in ("DATE", "TIME") for g in over):
                sys_tp += 1
                typed_n[ours] += 1
                typed_tp[ours] += any(g["type"] == ours for g in over)
            elif over:
                sys_other += 1
                continue
            else:
                typed_n[ours] += 1
                fps.append(f"{path.name}: {m.text!r} -> {to_timeml(m)}")
        for g in gold:
            if g["type"] not in ("DATE", "TIME"):
                continue
            reach = "unreachable" if _UNREACHABLE.search(g["value"]) else "reachable"
            for key in (g["type"], "ALL", reach):
                gold_n[key] += 1
            over = [m for m in mentions if m.start < g["end"] and g["start"] < m.end]
            if not over:
                misses.append(f"{path.name}: {g['text']!r} ({g['value']})")
                continue
            best = max(over, key=lambda m: min(m.end, g["end"]) - max(m.start, g["start"]))
            # a range we joined ("from Aug. 26 to Oct. 20") is TimeML's two expressions: either end counts
            ok = _norm(g["value"]) in {_norm(to_timeml(best)), _norm(best.lo), _norm(best.hi)}
            for key in (g["type"], "ALL", reach):
                found[key] += 1
                correct[key] += ok
            if not ok:
                errors.append(f"{path.name}: {g['text']!r} gold {g['value']} ours {to_timeml(best)} ({best.text!r})")
    total = time.perf_counter() - t0

    p_all = sys_tp / (sys_n - sys_other) if sys_n - sys_other else 0.0
    print(f"TimeBank (TempEval-3): {len(files)} documents, {chars:,} characters; "
          f"{sys_n} mentions found, {sys_other} of them on gold DURATION/SET only (not scored)")
    print()
    print(f"{'gold type':<26}{'gold':>6}{'found':>7}{'recall':>8}{'precision':>11}{'F1':>7}{'value acc':>11}{'value F1':>10}")
    for key, label in (("DATE", "DATE"), ("TIME", "TIME"), ("ALL", "DATE+TIME"),
                       ("reachable", "  values we can produce"), ("unreachable", "  REF/part-of-day/XX")):
        r = found[key] / gold_n[key] if gold_n[key] else 0.0
        acc = correct[key] / found[key] if found[key] else 0.0
        if key in ("ALL", "DATE", "TIME"):
            p = p_all if key == "ALL" else (typed_tp[key] / typed_n[key] if typed_n[key] else 0.0)
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            vf1 = f1 * acc
            print(f"{label:<26}{gold_n[key]:>6}{found[key]:>7}{r:>8.3f}{p:>11.3f}{f1:>7.3f}{acc:>11.3f}{vf1:>10.3f}")
        else:
            print(f"{label:<26}{gold_n[key]:>6}{found[key]:>7}{r:>8.3f}{'':>11}{'':>7}{acc:>11.3f}{'':>10}")
    print()
    print("precision: DATE+TIME over all our mentions; per type, our mention is TIME when its value has a clock "
          "time, and counts when it overlaps a gold expression of that type.\n"
          "value F1 = relaxed F1 x value accuracy, as TempEval-3 reports attribute F1")
    print(f"find_dates_in: {chars / elapsed / 1024:,.0f} KB/s ({elapsed:.2f}s of {total:.2f}s total)")
    if args.errors:
        for title, rows in (("value errors", errors), ("missed", misses), ("not in gold", fps)):
            print(f"\n{title} ({len(rows)}):")
            for row in rows[: args.errors]:
                print("  ", row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
