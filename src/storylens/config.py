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
    # A file is skipped as binary when more than this share of its bytes are control bytes or do
    # not decode; below it, bad bytes are replaced (U+FFFD) and NULs dropped, each one logged.
    max_nontext_share: float = 0.05
    # A folder with a manifest is the files the manifest lists; True reads the others too.
    all_files: bool = False


@dataclass
class CleanSettings:
    """How raw documents are cleaned."""

    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    # A paragraph needs this many letters before we guess its language.
    min_letters_for_language: int = 20
    # A line counts as site chrome when it recurs in at least this many documents
    # and at least this share of the corpus.
    chrome_min_docs: int = 3
    chrome_min_share: float = 0.02
    # A short line repeated this often inside one document is a banner, removed everywhere.
    banner_min_repeats: int = 3
    # A prose block longer than this (a body scraped as one line) is cut into passages of whole
    # sentences of about paragraph_target_chars each.
    paragraph_max_chars: int = 1500
    paragraph_target_chars: int = 500
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
    batch_size: int = 32


@dataclass
class ReportSettings:
    """What report.html embeds. Up to these sizes it holds everything; beyond them one file stops
    being practical, so it holds the documents its findings cite (best first, within the budget)
    and says how to browse the rest (``storylens serve``, ``storylens show``)."""

    max_documents: int = 1000  # documents embedded with their text and annotations
    max_text_chars: int = 12_000_000  # and at most this much of their text
    max_claim_groups: int = 1000
    max_claims: int = 10_000  # figures of those groups, conflicts first
    max_members_per_group: int = 50  # figures shown per claim group (the count of all is kept)
    max_evidence_per_item: int = 40  # evidence per actor label and per timeline day
    max_contested: int = 500
    max_entities: int = 300
    story_samples: int = 8  # documents of each story listed by name
    off_event_samples: int = 12


@dataclass
class ServeSettings:
    """The web app and JSON API (``storylens serve``): where it listens and what it allows."""

    host: str = "127.0.0.1"
    port: int = 8000
    allow_write: bool = False  # ingesting files through the app
    page_size: int = 50
    max_page_size: int = 500
    max_csv_rows: int = 10_000  # a CSV download is one page of up to this many rows
    max_offset: int = 1_000_000
    max_param_chars: int = 500  # any query parameter (a search, a claim to check)
    query_timeout_ms: int = 3000  # a query still running after this is stopped with a 503
    max_body_bytes: int = 64 * 1024  # requests other than uploads
    max_upload_mb: int = 50
    groups_per_page: int = 25  # claim groups on one page of the claims view
    max_members_per_group: int = 24  # figures of each of them drawn (all are counted)
    max_members_one_group: int = 500  # figures drawn when one group is shown alone
    max_evidence_documents: int = 20  # documents behind one page of an evidence list


@dataclass
class Settings:
    read: ReadSettings = field(default_factory=ReadSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    annotate: AnnotateSettings = field(default_factory=AnnotateSettings)
    report: ReportSettings = field(default_factory=ReportSettings)
    serve: ServeSettings = field(default_factory=ServeSettings)
