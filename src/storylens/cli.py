"""The ``storylens`` command: parses options, calls the library, prints. No logic lives here."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from storylens import __version__
from storylens.annotate import AnnotateError
from storylens.clean.language import UnknownLanguage, check_languages
from storylens.config import Settings
from storylens.corpus.manifest import BadManifest
from storylens.parallel import ParallelError
from storylens.store import DEFAULT_DB, Store, StoreError

DB_OPTION = click.option(
    "--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
    help="SQLite database to read and write.",
)


def _parallel(command):  # noqa: ANN001, ANN202 - a click decorator
    """--workers and --scheduler, for the commands that clean or annotate."""
    command = click.option(
        "--scheduler", metavar="ADDRESS",
        help="Run cleaning and annotation on this Dask cluster (e.g. tcp://10.0.0.5:8786) instead of local processes.",
    )(command)
    return click.option(
        "--workers", type=click.IntRange(min=1), metavar="N",
        help="Worker processes for cleaning and annotation (default: one per core; 1: all in this process).",
    )(command)


def _workers(settings: Settings, workers: int | None, scheduler: str | None):  # noqa: ANN202
    """The workers the options ask for, or a clear message when a scheduler cannot be reached."""
    from storylens.parallel import ParallelError, Workers

    settings.parallel.workers = workers
    settings.parallel.scheduler = scheduler
    try:
        return Workers(settings.parallel)
    except ParallelError as exc:
        raise click.ClickException(str(exc)) from None


def _open(db_path: str, must_exist: bool = True) -> Store:
    if must_exist and not Path(db_path).exists():
        raise click.ClickException(f"no database at {db_path}; run 'storylens ingest PATH' first or pass --db")
    try:
        return Store(db_path)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storylens")
def cli() -> None:
    """Make sense of a contested news event from many noisy sources.

    Run 'storylens analyze FOLDER --out DIR' for the whole job and a report; or step by step:
    'ingest' and 'relate', then look with 'docs', 'show', 'search', 'claims', 'entities' and 'export'.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@DB_OPTION
@click.option("--manifest", "manifests", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV or JSON manifest (path, source, source_type, url, published, language) supplying "
                   "metadata. A manifest.csv/manifest.json inside a given folder is used automatically, and "
                   "the files it lists are that folder's corpus.")
@click.option("--all", "all_files", is_flag=True,
              help="Also read files a folder's manifest does not list (by default they are skipped and reported).")
@click.option("--text-field", "text_fields", multiple=True, metavar="NAME",
              help="JSON/JSONL field holding the text (repeatable; default: text, content, body, message).")
@click.option("--field", "fields", multiple=True, metavar="KEY=NAME",
              help="JSON/JSONL field for a metadata key, e.g. --field published=created_at (repeatable).")
@click.option("--languages", metavar="CODES",
              help="Comma-separated ISO 639-1 codes to choose from when detecting languages (default: a broad set).")
@click.option("--max-size", type=click.FloatRange(min=0.001), default=50, show_default=True, metavar="MB",
              help="Skip files (and gzip contents) larger than this.")
@click.option("--no-annotate", is_flag=True, help="Only read, clean and store; annotate later with 'storylens annotate'.")
@_parallel
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest(paths: tuple[Path, ...], db_path: str, manifests: tuple[Path, ...], all_files: bool,
           text_fields: tuple[str, ...], fields: tuple[str, ...], languages: str | None, max_size: float,
           no_annotate: bool, workers: int | None, scheduler: str | None, quiet: bool) -> None:
    """Read, clean, annotate and store documents from files and folders (recursively).

    Reads .txt, .md, .html, .json, .jsonl, Telegram Desktop exports (result.json) and .gz of
    any of these. Files already stored are not added again; an interrupted run is completed
    by running the same command again.
    """
    from storylens.annotate import annotate_store
    from storylens.ingest import ingest as run_ingest

    settings = _settings(text_fields, fields, languages, max_size)
    settings.read.all_files = all_files
    _check_paths(paths)
    progress = not quiet and sys.stderr.isatty()
    with _workers(settings, workers, scheduler) as pool, _open(db_path, must_exist=False) as store:
        try:
            summary = run_ingest(paths, store, settings, manifests, progress=progress, workers=pool)
            for line in summary.lines():
                click.echo(line)
            if not no_annotate:
                for line in annotate_store(store, settings.annotate, progress=progress, workers=pool).lines():
                    click.echo(line)
        except (BadManifest, AnnotateError, ParallelError) as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"database: {db_path}")
    if summary.read == 0 and summary.already_stored == 0:
        raise click.ClickException("nothing could be read; see the reasons above")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("storylens-report"),
              show_default=True, help="Folder for report.html and analysis.json.")
@DB_OPTION
@click.option("--manifest", "manifests", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV or JSON manifest (as for ingest).")
@click.option("--all", "all_files", is_flag=True,
              help="Also read files a folder's manifest does not list (by default they are skipped and reported).")
@click.option("--languages", metavar="CODES", help="Candidate languages, as for ingest.")
@_parallel
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def analyze(paths: tuple[Path, ...], out_dir: Path, db_path: str, manifests: tuple[Path, ...], all_files: bool,
            languages: str | None, workers: int | None, scheduler: str | None, quiet: bool) -> None:
    """Run everything on a corpus and write DIR/report.html and DIR/analysis.json.

    Reads, cleans and annotates what is new (stored documents are reused), relates the
    sources (claims aligned, contested statements, actor labels, stories, timeline) and
    writes a self-contained report that opens offline from the file.
    """
    from storylens.analyze import analyze as run_analyze

    settings = _settings((), (), languages, 50)
    settings.read.all_files = all_files
    _check_paths(paths)
    settings.parallel.workers, settings.parallel.scheduler = workers, scheduler
    with _open(db_path, must_exist=False) as store:
        try:
            summary = run_analyze(paths, store, out_dir, settings, manifests,
                                  progress=not quiet and sys.stderr.isatty())
        except (BadManifest, AnnotateError, ParallelError) as exc:
            raise click.ClickException(str(exc)) from None
    for line in summary.lines:
        click.echo(line)
    if summary.ingest_read == 0:
        raise click.ClickException("nothing could be read; see the reasons above")
    click.echo(f"analysis: {summary.analysis}")
    click.echo(f"report: {summary.report}")


@cli.command()
@DB_OPTION
@click.option("--step", "steps", multiple=True, type=click.Choice(["stories", "claim_groups", "contested", "labels",
              "timeline"]), help="Run only this step (repeatable; default: all, in order).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def relate(db_path: str, steps: tuple[str, ...], quiet: bool) -> None:
    """Relate the stored documents: stories, claim groups, contested statements, labels, timeline.

    'analyze' runs this for you; run it yourself after 'ingest' to see the results with
    'claims', 'contested' and the other commands, or after adding documents.
    """
    from storylens.relate import STEPS, relate_store

    with _open(db_path) as store:
        lines = relate_store(store, steps or STEPS, progress=not quiet and sys.stderr.isatty()).lines()
    for line in lines:
        click.echo(line)


@cli.command()
@DB_OPTION
@click.option("--aliases", type=click.Path(exists=True, dir_okay=False),
              help="JSON or CSV alias file forcing or forbidding entity merges.")
@_parallel
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def annotate(db_path: str, aliases: str | None, workers: int | None, scheduler: str | None, quiet: bool) -> None:
    """Annotate stored documents not yet annotated (entities, dates, claims, quotes, techniques)."""
    from storylens.annotate import annotate_store

    settings = Settings()
    settings.annotate.aliases = aliases
    with _open(db_path) as store, _workers(settings, workers, scheduler) as pool:
        try:
            lines = annotate_store(store, settings.annotate, progress=not quiet and sys.stderr.isatty(),
                                   workers=pool).lines()
        except (AnnotateError, ParallelError) as exc:
            raise click.ClickException(str(exc)) from None
    for line in lines:
        click.echo(line)


@cli.command()
@DB_OPTION
@click.option("--label", help="Only this label (PER, ORG, LOC, GROUP, EVENT, MISC).")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--why", is_flag=True, help="Explain why mentions were merged into each entity.")
def entities(db_path: str, label: str | None, limit: int, why: bool) -> None:
    """Entities across the corpus, most mentioned first, with their spellings."""
    with _open(db_path) as store:
        rows = store.db.execute(
            "SELECT e.id, e.name, e.label, e.aliases_json, e.why_json, COUNT(m.doc_id) AS n,"
            " COUNT(DISTINCT m.doc_id) AS docs FROM entities e LEFT JOIN entity_mentions m ON m.entity_id = e.id"
            " WHERE (? IS NULL OR e.label = ?) GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?",
            (label, label and label.upper(), limit),
        ).fetchall()
    if not rows:
        click.echo("no entities; run 'storylens annotate' first")
    for r in rows:
        aliases = ", ".join(a for a in json.loads(r["aliases_json"]) if a != r["name"])
        click.echo(f"{r['label']:<6} {r['name']:<32} {r['n']:>4} mentions in {r['docs']} docs"
                   + (f"  aka {aliases}" if aliases else ""))
        if why:
            for reason in json.loads(r["why_json"]):
                click.echo(f"         - {reason}")


@cli.command()
@DB_OPTION
@click.option("--measure", help="Only this measure (killed, detained, flights cancelled, …).")
@click.option("--kind", type=click.Choice(["count", "percent", "money", "measurement", "age", "duration", "date", "ratio"]),
              help="Only claims of this kind.")
@click.option("--doc", "doc_ref", help="Only this document (id or id prefix).")
def claims(db_path: str, measure: str | None, kind: str | None, doc_ref: str | None) -> None:
    """Numeric claims: figure, kind, measure, who it is attributed to, and where in the text."""
    with _open(db_path) as store:
        doc_id = None
        if doc_ref:
            try:
                doc_id = store.resolve(doc_ref)
            except KeyError as exc:
                raise click.ClickException(exc.args[0]) from None
        rows = store.db.execute(
            "SELECT c.*, d.source FROM claims c JOIN documents d ON d.id = c.doc_id"
            " WHERE (? IS NULL OR c.measure = ?) AND (? IS NULL OR c.kind = ?) AND (? IS NULL OR c.doc_id = ?)"
            " ORDER BY d.seq, c.idx",
            (measure, measure, kind, kind, doc_id, doc_id),
        ).fetchall()
    if not rows:
        click.echo("no claims; run 'storylens annotate' first, or widen the filters")
    click.echo(f"{'doc':<10} {'kind':<11} {'measure':<22} {'figure':<22} {'unit':<14} {'by':<28} {'as of':<10} where")
    for r in rows:
        click.echo(f"{r['doc_id'][:10]} {r['kind']:<11} {r['measure'][:22]:<22} {_figure(r):<22} {r['unit'][:14]:<14} "
                   f"{_by(r)[:28]:<28} {(r['as_of'] or '-')[:10]:<10} [{r['start_char']}:{r['end_char']}]"
                   + (f" {r['place']}" if r["place"] else "") + (f" ({r['status']})" if r["status"] else ""))


def _figure(r) -> str:  # noqa: ANN001 - sqlite3.Row
    num = lambda x: f"{x:,.0f}" if float(x).is_integer() else f"{x:g}"  # noqa: E731
    if r["value"] is not None:
        return f"{r['hedge'] + ' ' if r['hedge'] else ''}{num(r['value'])}"
    lo = num(r["lo"]) if r["lo"] is not None else ""
    hi = num(r["hi"]) if r["hi"] is not None else ""
    return f"{lo}–{hi}" if lo and hi else (f"≥{lo}" if lo else f"≤{hi}")


def _by(r) -> str:  # noqa: ANN001 - sqlite3.Row
    if not r["by_source"]:
        return "(document)"
    return r["by_source"] + (f" via {r['via']}" if r["via"] else "")


def _check_paths(paths: tuple[Path, ...]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise click.ClickException(f"no such file or folder: {', '.join(missing)}")


def _settings(text_fields: tuple[str, ...], fields: tuple[str, ...], languages: str | None, max_size: float) -> Settings:
    settings = Settings()
    if text_fields:
        settings.read.text_fields = tuple(text_fields)
    for spec in fields:
        key, sep, name = spec.partition("=")
        if not sep or key not in settings.read.meta_fields or not name:
            keys = ", ".join(settings.read.meta_fields)
            raise click.BadParameter(f"{spec!r}: use KEY=NAME with KEY one of {keys}", param_hint="--field")
        settings.read.meta_fields[key] = (name, *settings.read.meta_fields[key])
    if languages:
        settings.clean.languages = tuple(code.strip().lower() for code in languages.split(",") if code.strip())
        try:
            check_languages(settings.clean.languages)
        except UnknownLanguage as exc:
            raise click.BadParameter(str(exc), param_hint="--languages") from None
    settings.read.max_bytes = int(max_size * 1024 * 1024)
    return settings


@cli.command()
@DB_OPTION
@click.option("--limit", type=int, default=None, help="Show at most this many.")
def docs(db_path: str, limit: int | None) -> None:
    """List stored documents: id, kind, source, language, date, title."""
    with _open(db_path) as store:
        rows = store.documents(limit)
    if not rows:
        click.echo("no documents yet; run 'storylens ingest PATH'")
        return
    for r in rows:
        dup = f" (near-duplicate of {r['duplicate_of'][:8]})" if r["duplicate_of"] else ""
        title = (r["title"] or Path(r["origin"]).name)[:60]
        click.echo(f"{r['id'][:10]}  {r['kind'] or r['status']:<7} {(r['source'] or '-')[:22]:<22} "
                   f"{r['language'] or '-':<3} {(r['published'] or '-')[:10]:<10}  {title}{dup}")


@cli.command()
@click.argument("doc")
@DB_OPTION
@click.option("--log/--no-log", default=True, show_default=True, help="Print the cleaning log.")
@click.option("--raw", is_flag=True, help="Print the text as it was read, before cleaning.")
def show(doc: str, db_path: str, log: bool, raw: bool) -> None:
    """Show one document (by id or id prefix): metadata, cleaned text, cleaning log."""
    with _open(db_path) as store:
        try:
            document = store.document(store.resolve(doc))
        except KeyError as exc:
            raise click.ClickException(exc.args[0]) from None
    click.echo(f"id: {document.id}\norigin: {document.origin}\nkind: {document.kind}")
    for key, value in document.meta.items():
        click.echo(f"{key}: {value}  [{document.meta_from.get(key, '')}]")
    if document.duplicate_of:
        click.echo(f"near-duplicate of: {document.duplicate_of} (similarity {document.duplicate_similarity:.2f})")
    click.echo(f"passages: {len(document.passages)}, sentences: {len(document.sentences)}")
    click.echo("\n" + (document.raw_text if raw else document.text) + "\n")
    if log:
        click.echo(f"cleaning log ({len(document.log)} changes):")
        for edit in document.log:
            before = edit.before.strip().replace("\n", " ")[:90]
            after = f" -> {edit.after.strip()[:60]!r}" if edit.after.strip() else ""
            click.echo(f"  {edit.step:<11} {edit.rule:<40} @{edit.start}: {before!r}{after}")


@cli.command()
@click.argument("query")
@DB_OPTION
@click.option("--limit", type=int, default=20, show_default=True)
def search(query: str, db_path: str, limit: int) -> None:
    """Full-text search over passages (SQLite FTS5 syntax: words, "phrases", OR, NOT, prefix*)."""
    with _open(db_path) as store:
        try:
            rows = store.search(query, limit)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from None
    if not rows:
        click.echo("no matches")
    for r in rows:
        click.echo(f"{r['doc_id'][:10]} ¶{r['idx']} [{r['start_char']}:{r['end_char']}] {r['source'] or '-'}: {r['snippet']}")


@cli.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; any other than this machine's makes the app reachable from others.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--allow-write", is_flag=True, help="Allow adding documents through the app (upload page, POST /api/ingest).")
def serve(db_path: str, host: str, port: int, allow_write: bool) -> None:
    """Browse the store in a web app, with a JSON API for tools and notebooks.

    Opens http://HOST:PORT/ with the report's views over the whole store (filters, pages,
    full-text search, claim checking, every document with its annotations) and the API at
    /api (docs/api.md). Read-only unless --allow-write. Ctrl+C stops it.
    """
    from storylens.config import ServeSettings
    from storylens.serve import PortInUse, create_app
    from storylens.serve import serve as run_server

    with _open(db_path):  # brings an older database's schema up to date
        pass
    settings = ServeSettings(host=host, port=port, allow_write=allow_write)
    try:
        app = create_app(db_path, settings)
        click.echo(f"serving {db_path} at http://{host}:{port}/ (API at /api; "
                   f"{'uploads allowed' if allow_write else 'read-only'}); Ctrl+C stops")
        run_server(app, settings)
    except (PortInUse, StoreError) as exc:
        raise click.ClickException(str(exc)) from None


@cli.command()
@click.argument("claim")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON (verdict, reasons, evidence, figures).")
def check(claim: str, db_path: str, as_json: bool) -> None:
    """Check a claim against the stored sources: supported, refuted, conflicting or not enough evidence.

    Prints each source's stance (agree, disagree, discuss) with the span it comes from, and how a
    claimed figure compares with what the sources count. Run 'storylens relate' first so that
    figures are compared with the claim groups.
    """
    from storylens.stance.check import check_claim

    with _open(db_path) as store:
        try:
            result = check_claim(store, claim)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"verdict: {result.verdict.replace('_', ' ')}")
    for reason in result.reasons:
        click.echo(f"  - {reason}")
    for ev in result.evidence:
        click.echo(f"{ev['stance']:<9} {ev['score']:.2f} {ev['source'][:24]:<24} {ev['doc'][:10]} [{ev['start']}:{ev['end']}] "
                   f"{ev['text'][:160]}")


@cli.command()
@DB_OPTION
@click.option("--watch", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A file of claims to track (one a line, or a JSON list): each is checked against the sources "
                   "and listed with who supports and who denies it.")
@click.option("--json", "as_json", is_flag=True, help="Print the items as JSON (the analysis.json 'contested' shape).")
def contested(db_path: str, watch: Path | None, as_json: bool) -> None:
    """Contested statements: propositions some sources assert and others deny, and changes of account.

    Lists what 'relate' stored (run it first), each side with its sources and spans.
    """
    from storylens.stance.watch import read_watch_list, watch_items

    with _open(db_path) as store:
        items = store.relations("contested")
        if watch is not None:
            try:
                items = watch_items(store, read_watch_list(watch)) + items
            except ValueError as exc:
                raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(items, ensure_ascii=False, indent=2))
        return
    if not items:
        click.echo("no contested statements; run 'storylens relate' first, or give claims to track with --watch")
    for item in items:
        click.echo(f"{item['id']}: {item['about']}")
        for side, evs in item["sides"].items():
            for ev in evs:
                click.echo(f"  {side:<8} {(ev.get('source') or '-')[:24]:<24} {ev['doc'][:10]} [{ev['start']}:{ev['end']}] "
                           f"{ev.get('text', '')[:140]}")


EXPORT_FIELDS = ("id", "origin", "format", "kind", "title", "author", "source", "source_type", "url", "published",
                 "language", "duplicate_of", "text")


@cli.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-", help="File to write (default: stdout).")
def export(db_path: str, fmt: str, output) -> None:  # noqa: ANN001 - click.File
    """Export documents. JSONL carries passages, sentences, the cleaning log and all annotations;
    CSV one row per document. The JSON fields are documented in docs/export.md."""
    from storylens.export import document_record

    with _open(db_path) as store:
        if fmt == "csv":
            writer = csv.DictWriter(output, fieldnames=EXPORT_FIELDS, extrasaction="ignore")
            writer.writeheader()
        for document in store.iter_documents():
            record = document_record(document, store.annotations(document.id) if fmt == "jsonl" else None)
            if fmt == "csv":
                writer.writerow({k: record.get(k) for k in EXPORT_FIELDS})
            else:
                output.write(json.dumps(record, ensure_ascii=False) + "\n")
