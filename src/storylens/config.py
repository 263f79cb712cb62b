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
    batch_size: int = 32


@dataclass
class Settings:
    read: ReadSettings = field(default_factory=ReadSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    annotate: AnnotateSettings = field(default_factory=AnnotateSettings)


@dataclass
class ContestedSettings:
    """How contested statements are found (relate/contested.py): few right items over many weak ones."""

    # A sentence is a candidate claim when the check-worthiness classifier scores it at least this
    # (titles always are; without stored scores every sentence is).
    min_checkworthiness: float = 0.5
    # Blocking: a denial meets only claims of other voices sharing this many content stems, and
    # at most max_partners of them (the most specific shared words first).
    min_shared_stems: int = 2
    max_partners: int = 20
    # Cosine of the two statements' sentence vectors: with a denial or debunking cue that governs
    # the claim's words, and with a negation of the claim's predicate (which needs closer
    # statements: a negation is a weaker sign of a denial than "denied"). Lower floors find more
    # pairs worded differently but on the development corpora flood the list with statements
    # about other things.
    min_cosine_refute: float = 0.4
    min_cosine: float = 0.55
    # Stems a denial cue governs that the claim must share (a plain negation: its predicate).
    min_shared_denied_refute: int = 2
    # Stems in more than this share of the statements are the corpus's topic (its place, its main
    # actor): sharing them says nothing about which claim a denial is about.
    topic_share: float = 0.04
    topic_min: int = 10  # …and in more than this many (a small corpus has no topic words)
    # The stance model must not call the pair unrelated with more than this probability.
    max_unrelated: float = 0.5
    max_items: int = 15
    max_statements_per_side: int = 8


@dataclass
class CheckSettings:
    """How `storylens check` gathers and weighs evidence for a claim (stance/check.py)."""

    fts_passages: int = 200  # passages fetched from the full-text index per claim
    max_sentences: int = 64  # sentences embedded and given to the stance model per claim
    min_cosine: float = 0.35  # a sentence farther than this from the claim is not evidence
    max_unrelated: float = 0.5  # nor one the stance model calls unrelated with more than this probability
    min_agree: float = 0.5  # cosine a sentence needs to state the claim (not just discuss it)…
    min_covered: float = 0.6  # …with this share of the claim's key words (content words less the topic's)
    min_paraphrase: float = 0.72  # …or this cosine alone (a paraphrase in other words)
    topic_share: float = 0.3  # a claim word in more of the sentences sharing its words than this is the topic
    min_disagree: float = 0.45  # cosine a denial needs to be about the claim
    figure_ratio: float = 2.0  # a figure this many times off the claim's contradicts it (nearer: another estimate)
    max_evidence: int = 12
