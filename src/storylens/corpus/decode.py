"""Turn bytes into text, or say in one line why they are not text.

A scraped file is often text with a little damage: a few bytes that are not valid in its
encoding, a stray NUL from a broken export. Such a file is read, not skipped: each run of
undecodable bytes becomes one U+FFFD, NULs and other control characters are dropped, and
every repair is returned as an :class:`~storylens.doc.Edit` of the ``read`` step (with the
bytes it replaced) so that the cleaning log can show what was repaired and where. Only a file
whose share of non-text bytes says it is not text at all is refused.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

from storylens.doc import Edit

#: The step of repairs made while reading: they say how the stored raw text differs from the
#: file's bytes, so undoing the cleaning log stops before them.
READ_STEP = "read"

# Signatures of common binary formats users drop into a corpus folder by mistake.
_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
    b"SQLite format 3": "an SQLite database",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
}
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

# Control bytes that no text holds (tab, newline, carriage return, vertical tab and form feed do).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
# Undecodable bytes are first decoded to lone surrogates U+DC00+byte (which no decoder produces
# from valid input), then replaced; control characters are dropped.
_ESCAPE = "storylens-escape"
_NON_TEXT = re.compile(r"(?P<bytes>[\udc00-\udcff]+)|(?P<surrogate>[\ud800-\udbff\udd00-\udfff]+)|(?P<nul>\x00+)"
                       r"|(?P<control>[\x01-\x08\x0e-\x1f\x7f]+)")
# One character of any group of _NON_TEXT: most texts hold none, and finding that out with one class
# costs a fifteenth of scanning with the four groups (a saving of 0.2 ms on a 3 KB document).
_ANY_NON_TEXT = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")
_LINE_BREAK = re.compile(r"\r\n?|[\x0b\x0c]")


def _unify_line_breaks(text: str) -> str:
    """Every line break as ``\\n``; the substitution runs only on a text that holds another kind."""
    return _LINE_BREAK.sub("\n", text) if "\r" in text or "\x0b" in text or "\x0c" in text else text


def _escape(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(chr(0xDC00 + b) for b in exc.object[exc.start : exc.end]), exc.end


codecs.register_error(_ESCAPE, _escape)


class NotText(ValueError):
    """The bytes are not a text document; the message says why, in one line."""


@dataclass
class Decoded:
    """Text read from bytes, with the encoding used and the repairs made on the way."""

    text: str
    encoding: str
    repairs: list[Edit] = field(default_factory=list)

    def note(self) -> str | None:
        """One line for the run summary ("read with 3 replaced bytes"), or None when nothing was repaired."""
        return repair_note(self.repairs)


def decode(data: bytes, max_nontext_share: float = 0.05) -> Decoded:
    """Decode a file: UTF-8 first, then a detected legacy encoding (cp1251, latin-1…).

    Line breaks are normalised to ``\\n``. Raises :class:`NotText` when more than
    ``max_nontext_share`` of the bytes are control bytes or cannot be decoded.
    """
    if not data.strip():
        raise NotText("empty file")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise NotText(f"binary file ({what}); convert it to text or HTML first")
    bom = next((encoding for mark, encoding in _BOMS if data.startswith(mark)), None)
    if bom:
        text, encoding = data.decode(bom, _ESCAPE), bom
    else:
        controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
        if controls > max_nontext_share * len(data):
            raise NotText(f"binary file ({controls / len(data):.0%} of its bytes are NUL or other control bytes);"
                          " convert it to text first")
        text, encoding = _text(data, max_nontext_share)
    decoded = repair(_unify_line_breaks(text), encoding)
    damaged = sum(len(e.before) // 4 for e in decoded.repairs)  # each byte is written \xNN
    if damaged > max_nontext_share * max(1, len(decoded.text) + damaged):
        raise NotText(f"binary file ({len(decoded.repairs)} runs of bytes that are not text); convert it to text first")
    if not decoded.text.strip():
        raise NotText("empty file (only white space)")
    return decoded


def _text(data: bytes, max_nontext_share: float) -> tuple[str, str]:
    """UTF-8 when it fits (a few bad bytes allowed), else the detected legacy encoding."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Python's own "surrogateescape" maps a bad byte b to U+DC00+b as _ESCAPE does (in UTF-8 only
    # bytes >= 0x80 can be bad), in C: _ESCAPE's Python call per run of bad bytes cost 1 ms on a
    # 3 KB cp1251 file. Other codecs can fail on bytes below 0x80 and keep _ESCAPE.
    utf8 = data.decode("utf-8-sig", "surrogateescape")
    bad = _count_escaped(utf8)
    few = bad <= max_nontext_share * len(data)
    # UTF-8 with a little damage: valid multi-byte characters outnumber the bad bytes, or the bad
    # bytes are too rare (three, or one in a thousand) to be a legacy encoding's letters.
    multibyte = len(utf8) - len(utf8.encode("ascii", "ignore")) - bad
    if few and (multibyte >= bad or bad <= max(3, len(data) // 1000)):
        return utf8, "utf-8"
    best = from_bytes(data[:262_144]).best()
    if best is not None and best.encoding:
        try:
            legacy = data.decode(best.encoding, _ESCAPE)
        except LookupError:
            legacy = None
        if legacy is not None and _count_escaped(legacy) <= max_nontext_share * len(data):
            return legacy, best.encoding
    if few:
        return utf8, "utf-8"
    raise NotText("could not detect the text encoding; re-save the file as UTF-8")


def _count_escaped(text: str) -> int:
    return len(text) - len(text.encode("utf-8", "ignore").decode("utf-8"))


def repair(text: str, encoding: str) -> Decoded:
    """Replace escaped bytes (and lone surrogates, which a JSON escape can produce) by U+FFFD and
    drop control characters, logging each run: SQLite, the report and the annotators need text."""
    if _ANY_NON_TEXT.search(text) is None:
        return Decoded(text, encoding)
    out: list[str] = []
    repairs: list[Edit] = []
    pos = 0
    length = 0  # length of the repaired text written so far
    for m in _NON_TEXT.finditer(text):
        out.append(text[pos : m.start()])
        length += m.start() - pos
        pos = m.end()
        run = m.group(0)
        if m.lastgroup == "bytes":
            raw = bytes(ord(c) - 0xDC00 for c in run)
            out.append("\ufffd")
            repairs.append(Edit(READ_STEP, "undecodable bytes replaced", length, length + 1, _hex(raw), "\ufffd"))
            length += 1
        elif m.lastgroup == "surrogate":
            out.append("\ufffd")
            before = "".join(f"\\u{ord(c):04x}" for c in run)
            repairs.append(Edit(READ_STEP, "lone surrogates replaced", length, length + 1, before, "\ufffd"))
            length += 1
        else:
            rule = "NUL bytes dropped" if m.lastgroup == "nul" else "control characters dropped"
            repairs.append(Edit(READ_STEP, rule, length, length, _hex(run.encode("ascii")), ""))
    if not repairs:
        return Decoded(text, encoding)
    out.append(text[pos:])
    return Decoded("".join(out), encoding, repairs)


def _hex(raw: bytes) -> str:
    return "".join(f"\\x{b:02x}" for b in raw)


def repair_note(repairs: list[Edit]) -> str | None:
    """"read with 3 replaced bytes and 2 dropped NUL bytes" for a list of read repairs."""
    counts = {"replaced byte": 0, "dropped NUL byte": 0, "dropped control character": 0}
    for edit in repairs:
        kind = "replaced byte" if edit.after else "dropped NUL byte" if edit.before.startswith("\\x00") \
            else "dropped control character"
        counts[kind] += len(edit.before) // 4  # each byte is written \xNN
    parts = [f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in counts.items() if n]
    return "read with " + " and ".join(parts) if parts else None


#: Key of :attr:`RawDocument.meta` that carries the read repairs to cleaning (as JSON).
REPAIRS_KEY = "read_repairs"


def repairs_to_meta(repairs: list[Edit]) -> str:
    return json.dumps([[e.rule, e.start, e.end, e.before, e.after] for e in repairs], ensure_ascii=False)


def repairs_from_meta(value: str) -> list[Edit]:
    return [Edit(READ_STEP, rule, start, end, before, after) for rule, start, end, before, after in json.loads(value)]
