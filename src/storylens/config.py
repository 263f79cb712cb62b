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
class PersuasionSettings:
    """What the persuasion annotator stores (and so the report shows): a technique or frame from
    its tuned threshold on, and never below ``min_probability``. The thresholds maximise F1 on
    held-out folds and sit as low as 0.05 for rare labels; 0.3 keeps labels of which at least 3 in
    10 are right, at the cost of recall (docs/evaluation.md gives both)."""

    min_probability: float = 0.3


@dataclass
class AnnotateSettings:
    """Which annotators run, and the models they use."""

    components: tuple[str, ...] = ANNOTATORS
    # spaCy pipeline for English entities: a package name or a path (a bigger model can be swapped in).
    spacy_pipeline: str = "en_core_web_sm"
    # User alias file (JSON or CSV) that forces or forbids entity merges.
    aliases: str | None = None
    persuasion: PersuasionSettings = field(default_factory=PersuasionSettings)


@dataclass
class ParallelSettings:
    """Where the per-document work of clean and annotate runs, and how it is cut up.

    The store is written by this process only, whole batches per transaction, so a killed run
    loses at most the batches in flight and resumes where it stopped.
    """

    # Worker processes on this machine; None: one per core; 1: everything in this process.
    workers: int | None = None
    # Address of a running Dask scheduler (tcp://host:8786): the work runs on its workers instead.
    scheduler: str | None = None
    # Documents per task (and the least per store transaction).
    batch_size: int = 32
    # Ingest writes about 1/min_commits of the run per store transaction, at most commit_documents:
    # ids are content hashes, so every index insert lands on a random page, and a bigger transaction
    # writes each page once for many documents (a run killed loses at most one transaction).
    commit_documents: int = 512
    min_commits: int = 32
    # SQLite's page cache while ingest writes (MB; given back when it ends): those random inserts
    # read their index pages again and again once the store outgrows the default 2 MB.
    write_cache_mb: int = 64
    # Committed pages copied from SQLite's write-ahead log into the store once the log holds this many MB
    # while ingest writes (SQLite's default, 1,000 pages or 4 MB, is back when it ends): every commit
    # rewrites the same hot index pages, and a small log copied them back at checkpoint after checkpoint.
    # A killed run loses nothing more; a power loss may roll back up to this much of the latest commits.
    write_checkpoint_mb: int = 128
    # Below this many documents to do, local worker processes are not started: starting them and
    # loading their models costs more than the work (a Dask cluster, already running, is always used).
    min_documents: int = 200
    # Batches handed out ahead of the one being stored, per worker: enough to keep every worker
    # busy, few enough that memory does not grow with the corpus.
    ahead_per_worker: int = 2


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
    parallel: ParallelSettings = field(default_factory=ParallelSettings)


@dataclass
class StorySettings:
    """How documents are grouped into stories and which ones are off-event (relate/stories.py)."""

    # A document is read from its title and first sentences: that is where its main subject is.
    lead_sentences: int = 5
    # In a language without a function-word list, only lead words of at least this many letters
    # (and names) are terms: its short common words are function words (chosen on BSNLP).
    unlisted_min_letters: int = 6
    # Weight of the multilingual embedding against word stems and entities in the similarity.
    embedding_weight: float = 0.5
    # A document joins a story when its similarity to the story's centroid reaches this (for a
    # large story; the bar is lower against few documents, see relate.stories._threshold).
    join: float = 0.25
    # ... and shares one of its lead terms (word stems, entities), when the document has any: posts
    # written alike about different events are close in the embedding alone.
    join_on_shared_terms: bool = True
    # Stories whose documents are, on average, at least this similar across the two stories
    # relative to within each (1 = as similar as to their own) are one story: the parts of one
    # event that threshold clustering leaves apart by language or script are joined. When one
    # story already holds ``one_event_share`` of the documents the corpus is about one event and
    # stories are compared with the language means moved together (``merge_one_event``);
    # otherwise with each language's mean removed (``merge``), so shared ground joins no topics.
    one_event_share: float = 0.5
    merge_one_event: float = 0.8
    merge: float = 0.3
    # In a corpus of many topics, a story whose documents fall into two groups the joins would
    # not have joined is split (relate.stories._split_incoherent), then joins are looked for again.
    split_stories: bool = True
    # ... and then a document of a story holding at least ``reassign_min_share`` of the documents
    # moves to another such story when its lead names that story's distinctive terms by at least
    # ``reassign_margin`` more log-odds than its own's (relate.stories._reassign_by_distinctive_terms;
    # 5 ≈ 150 times likelier there). One language's news of several topics clustered together is
    # taken apart by what each topic's leads name.
    reassign_by_terms: bool = True
    reassign_min_share: float = 0.01
    reassign_margin: float = 5.0
    # ... then a second pass with each term's log-odds counted among the documents of the
    # document's own language: over the whole corpus, every word of a language is distinctive of a
    # story that is mostly of that language, so its members of that language never leave it.
    reassign_within_language: bool = True
    # ... and a story with at least ``one_language_share`` of its documents in one language joins a
    # larger story of its period whose distinctive terms (within their language) most of its
    # members' leads name by ``reassign_margin`` (relate.stories._join_one_language_stories): the
    # encoder can leave one language's coverage of an event apart.
    join_one_language_stories: bool = True
    one_language_share: float = 0.8
    # In the main story: typicality (similarity to its centroid) no further below its members'
    # median than this many robust standard deviations (MAD × 1.4826), within the document's
    # language. Below it, a member's lead is atypical; it has another main subject only when its
    # headline also names little of what the main story is about (relate.stories._off_subject).
    outlier_z: float = -1.25
    # The main story's central terms are the headline stems (title and first sentence) of at
    # least this share of its typical members (typicality at or above the median); an atypical
    # member whose headline scores below this percentile of the typical members' scores (each
    # central term weighted by its share) names another subject.
    central_share: float = 0.25
    headline_percentile: float = 5.0
    # A member published after the main story's core (its 90th-percentile date) is a later,
    # separate development when its headline names at least ``development_terms`` words that no
    # headline of the core names and that at least ``development_docs`` later headlines name
    # (relate.stories._later_developments).
    development_terms: int = 2
    development_docs: int = 3
    # Sentences of fewer content words are datelines, bylines and time stamps: the headline's
    # sentence is the lead's first longer one, and typicality reads the lead without them. (The
    # clustering keeps the whole lead: without them, BSNLP's mixed run lost 0.09 ARI.)
    headline_min_words: int = 4
    # The spread (robust standard deviation) of typicality is taken as at least this: in a corpus
    # whose leads all say much the same, a small drop in similarity is no other subject.
    min_spread: float = 0.06
    # A document of another story joins the main one when it is at least this typical.
    rejoin_z: float = 0.0
    # Time: a real gap is at least this many days, or this share of the main story's central
    # period (10th to 90th percentile of its dates), whichever is longer.
    min_gap_days: int = 14
    gap_share: float = 0.25
    # Languages with fewer documents than this in the main story are scored against the pool.
    min_language_docs: int = 8
    clustering_rounds: int = 4
    # A lead term's IDF is counted within its document's language (languages with at least
    # min_language_docs documents): a language's everyday words are rare in a many-language corpus.
    idf_by_language: bool = True
    # Columns of the lead term vectors (the most widespread terms): bounds a story centroid's size.
    max_terms: int = 20_000
    seed: int = 0


@dataclass
class TimelineSettings:
    """Which sentences make a day's timeline entry (relate/timeline.py)."""

    # A sentence describes an event when it has at least this many words besides its dates, and
    # this many content words (not function words): bylines, datelines and fragments have fewer.
    min_words: int = 8
    min_content_words: int = 5
    # ... and names at least this many entities (people, places, organisations): a sentence that
    # names none ("The bridge was reopened on 3 May") leans on the one before.
    min_entities: int = 1
    # Longer "sentences" are paragraphs the splitter could not cut: not shown as an entry.
    max_chars: int = 450
    # Days outside the main story's period, widened by this margin, are left out.
    margin_days: int = 45
    # Evidence sentences kept per day (the best first).
    max_evidence: int = 12
    # Support from other sources is weighed among a day's this many most informative candidates
    # (a busy day of a large corpus stays linear).
    max_candidates: int = 200
    # Two sources' sentences sharing this share of their content stems (of the union) are copies of
    # one text: neither supports the other.
    copy_share: float = 0.8
    # Reconciling a day across sources: a description that at most ``lone_sources`` sources put on
    # its day, while at least ``majority_sources`` other sources describe the same thing on another
    # day within ``reconcile_days``, is that source's misdating and leaves its day. Two sentences
    # describe the same thing when they share ``same_stems`` content stems and that many make up
    # ``same_share`` of the shorter one's stems.
    lone_sources: int = 2
    majority_sources: int = 3
    reconcile_days: int = 14
    same_stems: int = 4
    same_share: float = 0.5


@dataclass
class ContestedSettings:
    """How contested statements are found (relate/contested.py): few right items over many weak ones."""

    # A sentence is a candidate claim when the check-worthiness classifier scores it at least this
    # (titles always are; without stored scores every sentence is).
    min_checkworthiness: float = 0.5
    # Blocking: acts (predicate frames) meet only inside a block of one kind of act and one
    # argument, at most max_block of each polarity per block (the most check-worthy first).
    max_block: int = 40
    # Stems in more than this share of the statements are the corpus's topic (its place, its main
    # actor): sharing only them says little about which act two statements are about.
    topic_share: float = 0.04
    topic_min: int = 10  # …and in more than this many (a small corpus has no topic words)
    # A pair of statements whose frames contradict must also be this close in meaning (encoder cosine).
    min_cosine: float = 0.2
    # An act joins an item's side when its statement shares this many specific words with the item's.
    join_shared: int = 2
    max_items: int = 8
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
