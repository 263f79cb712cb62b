"""The database schema, as numbered migrations (``PRAGMA user_version`` holds the applied number).

Users query this database with their own tools, so column names are plain words and
character offsets are ``start_char``/``end_char`` into ``documents.text``.
Append a new migration to change the schema; never edit an applied one.
"""

MIGRATIONS: list[str] = [
    # 1: documents, their structure, the cleaning log, full-text search, corpus line counts.
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        origin TEXT NOT NULL,
        format TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('raw', 'clean')),
        raw_text TEXT NOT NULL,
        text TEXT,
        kind TEXT,
        title TEXT,
        author TEXT,
        source TEXT,
        source_type TEXT,
        url TEXT,
        published TEXT,
        language TEXT,
        meta_json TEXT NOT NULL DEFAULT '{}',
        file_meta_json TEXT NOT NULL DEFAULT '{}',
        manifest_json TEXT NOT NULL DEFAULT '{}',
        duplicate_of TEXT REFERENCES documents(id),
        duplicate_similarity REAL,
        minhash BLOB,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX documents_status ON documents(status, seq);
    CREATE INDEX documents_source ON documents(source);
    CREATE TABLE passages (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        kind TEXT NOT NULL,
        language TEXT,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE TABLE sentences (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        passage INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE TABLE cleaning_log (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        step TEXT NOT NULL,
        rule TEXT NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL,
        PRIMARY KEY (doc_id, seq)
    );
    CREATE VIRTUAL TABLE passages_fts USING fts5(
        text, doc_id UNINDEXED, idx UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TABLE line_counts (
        key INTEGER PRIMARY KEY,
        documents INTEGER NOT NULL
    );
    CREATE TABLE skipped (
        origin TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        seen_at TEXT NOT NULL
    );
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        command TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        summary_json TEXT
    );
    """,
    # 2: per-document annotations (entities, dates, numeric claims, quotes, classifier labels)
    # and the corpus-wide entities that mentions resolve to.
    """
    ALTER TABLE documents ADD COLUMN annotated_at TEXT;
    CREATE TABLE entity_mentions (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        text TEXT NOT NULL,
        label TEXT NOT NULL,
        detector TEXT,
        entity_id TEXT,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id);
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        label TEXT NOT NULL,
        aliases_json TEXT NOT NULL,
        why_json TEXT NOT NULL
    );
    CREATE TABLE dates (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        text TEXT NOT NULL,
        value TEXT,
        lo TEXT,
        hi TEXT,
        anchored INTEGER NOT NULL,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE TABLE claims (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        measure TEXT NOT NULL,
        unit TEXT NOT NULL,
        value REAL,
        lo REAL,
        hi REAL,
        hedge TEXT,
        qualifier TEXT,
        place TEXT,
        as_of TEXT,
        by_source TEXT,
        via TEXT,
        cue TEXT,
        status TEXT,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE INDEX claims_measure ON claims(measure);
    CREATE TABLE quotes (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE TABLE passage_techniques (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        passage INTEGER NOT NULL,
        technique TEXT NOT NULL,
        score REAL NOT NULL,
        PRIMARY KEY (doc_id, passage, technique)
    );
    CREATE TABLE document_labels (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        task TEXT NOT NULL CHECK (task IN ('frame', 'genre')),
        label TEXT NOT NULL,
        score REAL NOT NULL,
        PRIMARY KEY (doc_id, task, label)
    );
    CREATE TABLE sentence_scores (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        sentence INTEGER NOT NULL,
        checkworthiness REAL NOT NULL,
        PRIMARY KEY (doc_id, sentence)
    );
    """,
    # 3: near-duplicate index on disk (LSH band keys), so memory stays flat as the corpus grows.
    # Filled by Store.backfill_bands() for documents cleaned before this migration.
    """
    CREATE TABLE minhash_bands (
        band INTEGER NOT NULL,
        key INTEGER NOT NULL,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
    );
    CREATE INDEX minhash_bands_key ON minhash_bands(band, key);
    CREATE INDEX minhash_bands_doc ON minhash_bands(doc_id);
    """,
    # 4: what the relate stage found across documents, so that the report, the web app and the CLI
    # read one stored result. Each item is stored as the analysis.json shows it (data_json), with the
    # columns a filter needs beside it.
    """
    CREATE TABLE relations (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        label TEXT,
        status TEXT,
        data_json TEXT NOT NULL,
        PRIMARY KEY (kind, id)
    );
    CREATE INDEX relations_order ON relations(kind, seq);
    CREATE TABLE claim_group_members (
        group_id TEXT NOT NULL,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        PRIMARY KEY (group_id, doc_id, idx)
    );
    CREATE INDEX claim_group_members_claim ON claim_group_members(doc_id, idx);
    CREATE TABLE document_relations (
        doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        story TEXT,
        off_event INTEGER NOT NULL DEFAULT 0,
        why_json TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE relate_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 5: indexes for reading a large store (the web app, the report): a documents row carries the
    # raw and cleaned text before its metadata columns, so any filter, count or join that reads
    # metadata from the table walks through the text; these covering indexes answer from the index.
    """
    CREATE INDEX IF NOT EXISTS documents_listing
        ON documents(status, seq, id, source, kind, language, published, duplicate_of, title);
    CREATE INDEX IF NOT EXISTS documents_by_source ON documents(status, source, seq, id);
    CREATE INDEX IF NOT EXISTS documents_lookup ON documents(id, status, source, seq, published, language);
    CREATE INDEX IF NOT EXISTS cleaning_log_rule ON cleaning_log(rule, doc_id);
    CREATE INDEX IF NOT EXISTS document_relations_story ON document_relations(story, off_event);
    CREATE INDEX IF NOT EXISTS document_relations_off ON document_relations(off_event, doc_id);
    CREATE INDEX IF NOT EXISTS claims_measure_value ON claims(measure, COALESCE(value, lo, hi));
    CREATE INDEX IF NOT EXISTS claim_group_members_doc ON claim_group_members(doc_id, group_id);
    CREATE INDEX IF NOT EXISTS entity_mentions_doc ON entity_mentions(doc_id, entity_id);
    """,
    # 6: what kind of quantity a claim is (count, percent, money, measurement, age, duration, date, ratio),
    # its counted noun, the subgroup it is restricted to and whose attribute it gives. Claims stored before
    # were read with the closed list of measures: their documents are annotated again on the next run.
    """
    ALTER TABLE claims ADD COLUMN kind TEXT NOT NULL DEFAULT 'count';
    ALTER TABLE claims ADD COLUMN counted TEXT;
    ALTER TABLE claims ADD COLUMN subgroup TEXT;
    ALTER TABLE claims ADD COLUMN subject TEXT;
    CREATE INDEX claims_kind ON claims(kind, measure);
    UPDATE documents SET annotated_at = NULL WHERE annotated_at IS NOT NULL;
    """,
    # 7: the near-duplicate lookup answered from the index alone: with doc_id in the index a band's
    # bucket is one range read, not one table row per member (buckets grow with a corpus of variants).
    """
    CREATE INDEX IF NOT EXISTS minhash_bands_lookup ON minhash_bands(band, key, doc_id);
    DROP INDEX IF EXISTS minhash_bands_key;
    """,
]
