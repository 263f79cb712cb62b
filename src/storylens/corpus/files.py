"""Walk the paths a user gives and turn each file into raw documents, or a one-line reason."""

from __future__ import annotations

import os
import stat
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from storylens.config import ReadSettings
from storylens.corpus.decode import REPAIRS_KEY, NotText, decode, repair, repairs_to_meta
from storylens.corpus.html import read_html
from storylens.corpus.manifest import MANIFEST_NAMES, Resolver, load_manifest
from storylens.corpus.records import BadRecords, read_json, read_jsonl
from storylens.doc import Edit, RawDocument

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass
class Skipped:
    """A file (or record) that could not be read, and why, in words a user can act on."""

    origin: str
    reason: str


class TooLarge(ValueError):
    pass


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files under the given paths, recursively, in a stable order; hidden files and manifests skipped."""
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and name not in MANIFEST_NAMES:
                        yield Path(root) / name
        else:
            yield path


def manifests_in(paths: Iterable[Path]) -> list[Path]:
    """Manifests in the given folders and their subfolders: each one governs its folder's tree."""
    found = []
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(root) / name for name in MANIFEST_NAMES if name in files]
    return found


@dataclass
class ToRead:
    """A file to read, with the manifest row that describes it (empty when none does)."""

    path: Path
    entry: dict[str, str]


def read_paths(
    paths: Iterable[Path], settings: ReadSettings, manifests: Iterable[Path] = ()
) -> Iterator[RawDocument | Skipped]:
    """Every raw document under ``paths``; unreadable inputs come out as :class:`Skipped`.

    A folder holding a manifest is the files the manifest lists: others in its tree (a README,
    notes) are skipped as "not in the manifest" unless ``settings.all_files``, and listed files
    that do not exist are reported. Manifests named in ``manifests`` only supply metadata.
    """
    for item in plan_reading(paths, settings, manifests):
        yield from read_one(item, settings) if isinstance(item, ToRead) else (item,)


def plan_reading(
    paths: Iterable[Path], settings: ReadSettings, manifests: Iterable[Path] = ()
) -> Iterator[ToRead | Skipped]:
    """The files :func:`read_paths` reads, in its order, and what it skips without reading: the
    part that needs the whole list of paths. Reading each file (:func:`read_one`) needs nothing
    else, so it can run anywhere (ingest reads on its workers)."""
    paths = list(paths)
    resolver = Resolver()
    found = {m.resolve(): m for m in manifests_in(paths)}
    named = {m.resolve(): m for m in manifests if m.resolve() not in found}
    entries: dict[Path, dict[str, str]] = {}
    governed: dict[Path, Path] = {}  # folder (resolved) -> its manifest
    for key, manifest in [*found.items(), *named.items()]:
        listed = load_manifest(manifest, resolver)
        entries.update(listed)
        if key in found and not settings.all_files:
            governed[key.parent] = manifest
            yield from _missing(manifest, listed)
    given = {_resolve(p, resolver) for p in paths if not p.is_dir()}  # files named one by one are always read
    seen: set[Path] = set()
    for path in iter_files(paths):
        resolved = _resolve(path, resolver)
        if resolved in seen:  # named and inside a named folder too
            continue
        seen.add(resolved)
        manifest = _governing(resolved, governed) if resolved not in entries and resolved not in given else None
        if manifest is not None:
            yield Skipped(_origin(path), f"not in the manifest ({_origin(manifest)}); pass --all to read it")
            continue
        yield ToRead(path, entries.get(resolved, {}))


def read_one(item: ToRead, settings: ReadSettings) -> list[RawDocument | Skipped]:
    """The raw documents of one planned file, after the records it could not read; or why it was skipped."""
    origin = _origin(item.path)
    try:
        problems: list[Skipped] = []
        docs = read_file(item.path, settings, problems)
        for doc in docs:
            doc.manifest = dict(item.entry)
            doc.text = _scrub(doc.text)
            doc.meta = {key: _scrub(value) for key, value in doc.meta.items()}
        return [*problems, *docs]
    except (NotText, BadRecords, TooLarge) as exc:
        return [Skipped(origin, str(exc))]
    except OSError as exc:
        return [Skipped(origin, f"cannot read: {exc.strerror or exc}")]
    except RecursionError:
        return [Skipped(origin, "structure too deeply nested to read")]


def _resolve(path: Path, resolver: Resolver) -> Path:
    try:
        return resolver(path)
    except (OSError, RuntimeError):  # a symbolic link loop: reading it will say so
        return path.absolute()


def _governing(path: Path, governed: dict[Path, Path]) -> Path | None:
    """The manifest whose folder holds ``path`` (the nearest one), if any."""
    for folder in path.parents:
        if folder in governed:
            return governed[folder]
    return None


def _missing(manifest: Path, listed: dict[Path, dict[str, str]]) -> Iterator[Skipped]:
    base = manifest.parent
    for path in listed:
        if not path.exists():
            shown = base / path.relative_to(base.resolve()) if path.is_relative_to(base.resolve()) else path
            yield Skipped(_origin(shown), f"listed in {manifest.name} but not found")


def _origin(path: Path) -> str:
    """The path as text that can be stored and printed: bytes that are not UTF-8 become \\xNN."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _scrub(text: str) -> str:
    """Lone surrogates (from JSON escapes such as \\ud800) cannot be stored as UTF-8: make them U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return text


def read_file(path: Path, settings: ReadSettings, problems: list[Skipped] | None = None) -> list[RawDocument]:
    """Raw documents in one file; raises NotText, BadRecords, TooLarge or OSError.

    Records that cannot be read in an otherwise readable file (a bad JSONL line) are
    appended to ``problems`` when it is given; without it they make the whole file fail.
    """
    if not path.exists():
        raise OSError(2, "broken or looping symbolic link" if path.is_symlink() else "no such file or directory")
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise NotText("not a regular file (a pipe, socket or device); skipped")
    size = info.st_size
    limit = settings.max_bytes
    if size > limit:
        raise TooLarge(f"file is {_mb(size)}, over the {_mb(limit)} limit (raise it with --max-size)")
    data = path.read_bytes()
    name = path.name.lower()
    if name.endswith(".gz"):
        data = _gunzip(data, limit)
        name = name[:-3]
    return _parse(_origin(path), Path(name).suffix, data, settings, problems)


def _parse(origin: str, suffix: str, data: bytes, settings: ReadSettings,
           problems: list[Skipped] | None = None) -> list[RawDocument]:
    decoded = decode(data, settings.max_nontext_share)
    text = decoded.text
    if suffix in HTML_SUFFIXES or (suffix not in {".json", ".jsonl", ".ndjson"} and _looks_like_html(text)):
        doc = read_html(origin, text)
        if doc is None:
            raise NotText("HTML page with no main text found")
        docs = [doc]
    elif suffix == ".json":
        docs = list(read_json(origin, text, settings))
    elif suffix in {".jsonl", ".ndjson"}:
        bad_lines: list[tuple[int, str]] | None = None if problems is None else []
        docs = list(read_jsonl(origin, text, settings, bad_lines))
        if problems is not None:
            problems.extend(Skipped(f"{origin}#line{n}", why) for n, why in bad_lines)
    else:
        docs = [RawDocument(origin=origin, text=text, format="markdown" if suffix in {".md", ".markdown"} else "text")]
    for doc in docs:
        doc.meta.setdefault("encoding", decoded.encoding)
    structured = bool(docs) and docs[0].format not in {"text", "markdown"}
    file_repairs = _in_file(decoded.repairs) if structured else decoded.repairs
    for doc in docs:
        repairs = file_repairs
        if structured:  # an escape in JSON or an entity in HTML can still spell a NUL or a control character
            fixed = repair(doc.text, decoded.encoding)
            doc.text, repairs = fixed.text, file_repairs + fixed.repairs
        if repairs:
            doc.meta[REPAIRS_KEY] = repairs_to_meta(repairs)
    return docs


def _in_file(repairs: list[Edit]) -> list[Edit]:
    """Repairs of a file whose documents are extracted from it (HTML, JSON): the position is in
    the file's text, not the document's, so the log entry says so and sits at the start."""
    return [Edit(e.step, f"{e.rule} (at character {e.start} of the file)", 0, 0, e.before, e.after) for e in repairs]


def _looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def _gunzip(data: bytes, limit: int) -> bytes:
    """Decompress with a ceiling, so a gzip bomb costs at most ``limit`` bytes of memory.

    Every member of a multi-member file (``cat a.gz b.gz``) is read, as gzip itself does.
    """
    parts: list[bytes] = []
    size = 0
    while True:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            parts.append(inflater.decompress(data, limit + 1 - size))
        except zlib.error as exc:
            raise NotText(f"damaged gzip file ({exc})") from None
        size += len(parts[-1])
        if size > limit or inflater.unconsumed_tail:
            raise TooLarge(f"gzip content expands beyond the {_mb(limit)} limit (a gzip bomb?); skipped")
        if not inflater.eof:
            raise NotText("damaged gzip file (cut short)")
        data = inflater.unused_data
        if not data.strip(b"\x00"):  # gzip tools allow zero padding after the last member
            return b"".join(parts)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"

