"""A seeded mutator: hostile files derived from the example corpus, for the fuzz test and
``bench/fuzz.py``.

Each file is one example file put through one to three mutations: byte flips, inserted
markup and scripts, control and bidirectional characters, huge lines (letters, base64,
digits, one word), blocks repeated hundreds of times, truncation, re-encoding, HTML and JSON
wrapping, gzip (whole or broken), broken JSON, and now and then plain noise or nothing at
all. The same seed gives the same files, byte for byte.
"""

from __future__ import annotations

import base64
import gzip
import json
import random
import string
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "kazakhstan-2022"

# Markup that must never become markup in the report (written for this test).
PAYLOADS = (
    '<script>alert("fuzz-1")</script>',
    "<img src=x onerror=alert('fuzz-2')>",
    '"><svg onload=alert(3)><!--',
    '</textarea></script><iframe src="javascript:alert(4)"></iframe>',
    '<a href="javascript:alert(5)" onmouseover="alert(6)">read more</a>',
    "<style>body{display:none}</style><object data=x></object>",
    "{{constructor.constructor('alert(7)')()}} ${alert(8)} ]]> -->",
    "<base href=//evil.example/><meta http-equiv=refresh content=0;url=javascript:alert(9)>",
)
CONTROLS = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
             "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff", "\u00ad", "\u2028", "\u2029"]


@dataclass
class Fuzzed:
    name: str
    data: bytes
    mutations: list[str]


def _positions(rng: random.Random, data: bytes, k: int) -> list[int]:
    return sorted(rng.randrange(len(data) + 1) for _ in range(k))


def _insert(rng: random.Random, data: bytes, pieces: list[bytes]) -> bytes:
    out, last = [], 0
    for pos, piece in zip(_positions(rng, data, len(pieces)), pieces):
        out += [data[last:pos], piece]
        last = pos
    return b"".join(out) + data[last:]


def flip_bytes(rng: random.Random, data: bytes, _: int) -> bytes:
    buf = bytearray(data)
    for pos in rng.sample(range(len(buf)), min(len(buf), rng.randint(1, 8))):
        buf[pos] ^= rng.randrange(1, 256)
    return bytes(buf)


def markup(rng: random.Random, data: bytes, _: int) -> bytes:
    return _insert(rng, data, [rng.choice(PAYLOADS).encode() for _ in range(rng.randint(1, 5))])


def controls(rng: random.Random, data: bytes, _: int) -> bytes:
    chars = [rng.choice(CONTROLS if rng.random() < 0.5 else INVISIBLE) for _ in range(rng.randint(1, 12))]
    return _insert(rng, data, [c.encode() for c in chars])


def huge_line(rng: random.Random, data: bytes, max_line: int) -> bytes:
    n = rng.choice([max_line // 10, max_line // 2, max_line])
    kind = rng.choice(["letters", "cyrillic", "base64", "digits", "word", "punctuation"])
    if kind == "letters":
        line = "".join(rng.choice(string.ascii_letters) for _ in range(n))
    elif kind == "cyrillic":
        line = "".join(rng.choice("абвгдежзиклмнопрстуфхцчшыэюя") for _ in range(n))
    elif kind == "base64":
        line = base64.b64encode(rng.randbytes(n))[:n].decode()
    elif kind == "digits":
        line = "".join(rng.choice(string.digits + ",. ") for _ in range(n))
    elif kind == "word":
        line = ("killed " if rng.random() < 0.5 else "протестующие ") * (n // 8)
    else:
        line = "".join(rng.choice("\"'«»“”.,;:!?-—()[]") for _ in range(n))
    return _insert(rng, data, [b"\n" + line.encode() + b"\n"])


def repeat_block(rng: random.Random, data: bytes, _: int) -> bytes:
    lines = [ln for ln in data.split(b"\n") if ln.strip()] or [data]
    block = rng.choice(lines)[:400] + b"\n"
    return _insert(rng, data, [block * rng.randint(100, min(3000, 300_000 // max(1, len(block))))])


def truncate(rng: random.Random, data: bytes, _: int) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def reencode(rng: random.Random, data: bytes, _: int) -> bytes:
    text = data.decode("utf-8", "replace")
    encoding = rng.choice(["utf-16", "utf-16-le", "cp1251", "latin-1", "utf-8-sig"])
    return text.encode(encoding, "replace")


def html_wrap(rng: random.Random, data: bytes, _: int) -> bytes:
    text = data.decode("utf-8", "replace")
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip())
    head = f"<head><title>{rng.choice(PAYLOADS)}</title><script>var x = 1;</script></head>"
    return f"<!DOCTYPE html><html>{head}<body><article>{paragraphs}</article></body></html>".encode()


def json_wrap(rng: random.Random, data: bytes, _: int) -> bytes:
    text = data.decode("utf-8", "replace")
    records = [{"text": p, "source": rng.choice(PAYLOADS), "published": "2022-01-0" + str(rng.randint(1, 9))}
               for p in text.split("\n\n") if p.strip()]
    return "\n".join(json.dumps(r, ensure_ascii=rng.random() < 0.5) for r in records).encode()


def broken_json(rng: random.Random, data: bytes, _: int) -> bytes:
    text = data.decode("utf-8", "replace")
    whole = json.dumps({"messages": [{"type": "message", "text": text, "date": "2022-01-05"}]})
    how = rng.choice(["cut", "bracket", "deep", "types", "garbage"])
    if how == "cut":
        return whole[: rng.randrange(1, len(whole))].encode()
    if how == "bracket":
        return whole.replace("]", "", 1).encode()
    if how == "deep":
        return ("[" * 50_000 + "]" * 50_000).encode()
    if how == "types":
        return json.dumps([{"text": 12}, {"text": None}, {"text": ["a"]}, "x", 5, {"text": text}]).encode()
    return whole.replace(":", ":::", 3).encode()


def gzipped(rng: random.Random, data: bytes, _: int) -> bytes:
    return gzip.compress(data, mtime=0)


def broken_gzip(rng: random.Random, data: bytes, _: int) -> bytes:
    packed = bytearray(gzip.compress(data, mtime=0))
    if rng.random() < 0.5:
        return bytes(packed[: rng.randrange(10, max(11, len(packed) - 1))])
    for pos in rng.sample(range(10, len(packed)), min(len(packed) - 10, 4)):
        packed[pos] ^= 0xFF
    return bytes(packed)


def noise(rng: random.Random, data: bytes, _: int) -> bytes:
    return rng.choice([b"", b"   \n\t ", rng.randbytes(rng.randint(1, 4096)), b"\x89PNG\r\n\x1a\n" + data])


# name -> (mutation, weight, suffix it gives the file or None to keep the source's)
MUTATIONS: dict[str, tuple[Callable[[random.Random, bytes, int], bytes], int, str | None]] = {
    "flip_bytes": (flip_bytes, 6, None),
    "markup": (markup, 5, None),
    "controls": (controls, 5, None),
    "huge_line": (huge_line, 3, None),
    "repeat_block": (repeat_block, 3, None),
    "truncate": (truncate, 3, None),
    "reencode": (reencode, 2, None),
    "html_wrap": (html_wrap, 2, ".html"),
    "json_wrap": (json_wrap, 2, ".jsonl"),
    "broken_json": (broken_json, 2, ".json"),
    "gzip": (gzipped, 2, "+.gz"),
    "broken_gzip": (broken_gzip, 1, "+.gz"),
    "noise": (noise, 1, None),
}
# Mutations after which the bytes are no longer text to mutate further.
_FINAL = {"gzip", "broken_gzip", "noise", "broken_json"}


def sources(folder: Path = EXAMPLES) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted(folder.iterdir()) if p.is_file() and p.name != "manifest.csv"]


def derive(count: int, seed: int = 0, max_line: int = 100_000, folder: Path = EXAMPLES) -> list[Fuzzed]:
    """``count`` hostile files from the files in ``folder``."""
    rng = random.Random(seed)
    originals = sources(folder)
    names, weights = list(MUTATIONS), [MUTATIONS[n][1] for n in MUTATIONS]
    out = []
    for i in range(count):
        source, data = rng.choice(originals)
        stem, _, suffix = source.partition(".")
        suffix = "." + suffix if suffix else ""
        applied: list[str] = []
        for name in rng.choices(names, weights, k=rng.randint(1, 3)):
            mutate, _, new_suffix = MUTATIONS[name]
            data = mutate(rng, data, max_line)
            applied.append(name)
            if new_suffix:
                suffix = suffix + ".gz" if new_suffix == "+.gz" else new_suffix
            if name in _FINAL:
                break
        out.append(Fuzzed(f"{i:04d}_{stem[:12]}_{'-'.join(applied)}{suffix}", data, applied))
    return out


def write(folder: Path, files: list[Fuzzed]) -> int:
    """Write the files into ``folder``; the number of bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        (folder / f.name).write_bytes(f.data)
    return sum(len(f.data) for f in files)
