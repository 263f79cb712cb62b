"""Settings for each pipeline stage: behaviour is configured here, not hard-wired in the steps."""

from __future__ import annotations

from dataclasses import dataclass, field

# A broad default so that Central Asian and Eastern European coverage is recognised
# without configuration; users narrow it with --languages for speed and accuracy.
DEFAULT_LANGUAGES: tuple[str, ...] = (
    "en", "ru", "uk", "kk", "ro", "de", "fr", "es", "it", "pl", "tr", "be", "bg",
    "cs", "sk", "sl", "hr", "sr", "pt", "nl", "ka", "hy", "az", "lt", "lv", "et", "zh", "ar", "fa",
)


@dataclass
class ReadSettings:
    """How files become raw documents."""

    # Record fields tried in order for the text of a JSON/JSONL record.
    text_fields: tuple[str, ...] = ("text", "content", "body", "message", "full_text")
    # Record fields tried in order for each metadata field.
    meta_fields: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: {
            "title": ("title", "headline"),
            "author": ("author", "byline", "from"),
            "source": ("source", "site", "sitename", "channel"),
            "source_type": ("source_type",),
            "url": ("url", "link"),
            "published": ("published", "date", "datetime", "created_at", "time"),
            "language": ("language", "lang"),
        }
    )
    max_bytes: int = 50 * 1024 * 1024  # larger files (and gzip contents) are skipped with a reason


@dataclass
class CleanSettings:
    """How raw documents are cleaned."""

    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    # A paragraph needs this many letters before we guess its language.
    min_letters_for_language: int = 20
    # Ingest looks at every paragraph of this many documents (spread over the corpus) with every
    # language above, and then tells each document's passages apart among the languages found there
    # only (other scripts still get every candidate); 0 turns that off.
    language_sample: int = 300
    # The languages that sample found (set by ingest; empty: decide per document among all of them).
    corpus_languages: tuple[str, ...] = ()
    # A line counts as site chrome when it recurs in at least this many documents
    # and at least this share of the corpus.
    chrome_min_docs: int = 3
    chrome_min_share: float = 0.02
    # A short line repeated this often inside one document is a banner, removed everywhere.
    banner_min_repeats: int = 3
    # Near-duplicate documents: MinHash over word shingles.
    near_duplicate_threshold: float = 0.7
    shingle_words: int = 3
    minhash_permutations: int = 128


ANNOTATORS: tuple[str, ...] = ("entities", "dates", "claims", "quotes", "persuasion")


@dataclass
class AnnotateSettings:
    """Which annotators run, and the models they use."""

    components: tuple[str, ...] = ANNOTATORS
    # spaCy pipeline for English entities: a package name or a path (a bigger model can be swapped in).
    spacy_pipeline: str = "en_core_web_sm"
    # User alias file (JSON or CSV) that forces or forbids entity merges.
    aliases: str | None = None


@dataclass
class ParallelSettings:
    """Where the per-document work of clean and annotate runs, and how it is cut up.

    The store is written by this process only, one transaction per batch, so a killed run
    loses at most the batches in flight and resumes where it stopped.
    """

    # Worker processes on this machine; None: one per core; 1: everything in this process.
    workers: int | None = None
    # Address of a running Dask scheduler (tcp://host:8786): the work runs on its workers instead.
    scheduler: str | None = None
    # Documents per task and per store transaction.
    batch_size: int = 32
    # Below this many documents to do, local worker processes are not started: starting them and
    # loading their models costs more than the work (a Dask cluster, already running, is always used).
    min_documents: int = 200
    # Batches handed out ahead of the one being stored, per worker: enough to keep every worker
    # busy, few enough that memory does not grow with the corpus.
    ahead_per_worker: int = 2


@dataclass
class Settings:
    read: ReadSettings = field(default_factory=ReadSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    annotate: AnnotateSettings = field(default_factory=AnnotateSettings)
    parallel: ParallelSettings = field(default_factory=ParallelSettings)
