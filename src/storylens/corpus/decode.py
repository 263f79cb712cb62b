"""Turn bytes into text, or say in one line why they are not text."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

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


class NotText(ValueError):
    """The bytes are not a text document; the message says why, in one line."""


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). UTF-8 first, then a detected legacy encoding (cp1251, latin-1…).

    Newlines are normalised to ``\\n``; that is the only change made here.
    """
    if not data.strip():
        raise NotText("empty file")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise NotText(f"binary file ({what}); convert it to text or HTML first")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = data.decode("utf-16"), "utf-16"
    else:
        head = data[:8192]
        if b"\x00" in head:
            raise NotText("binary file (contains NUL bytes); convert it to text first")
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            best = from_bytes(data[:262_144]).best()
            if best is None or best.encoding is None:
                raise NotText("could not detect the text encoding; re-save the file as UTF-8") from None
            encoding = best.encoding
            try:
                text = data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                raise NotText(f"bytes do not decode as {encoding}; re-save the file as UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _control_ratio(text) > 0.05:
        raise NotText("binary file (too many control characters); convert it to text first")
    if not text.strip():
        raise NotText("empty file (only white space)")
    return text, encoding


_CONTROL = re.compile("[\x00-\x08\x0d\x0e-\x1f]")  # below 32, except \t \n \v \f


def _control_ratio(text: str) -> float:
    sample = text[:20_000]
    return len(_CONTROL.findall(sample)) / max(1, len(sample))
