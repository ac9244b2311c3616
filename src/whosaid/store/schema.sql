-- whosaid store schema. One file for DuckDB and PostgreSQL: plain SQL types both understand.
-- Bump SCHEMA_VERSION (store/__init__.py reads it from the line below) when a table changes.
-- A new column of an existing table also needs its ALTER in UPGRADES (store/schema.py).
-- schema_version: 2

CREATE TABLE IF NOT EXISTS schema_info (
    version INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,              -- content hash (model.content_id)
    external_id TEXT,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published DATE,
    text TEXT NOT NULL,
    source_path TEXT,
    fetched_at TIMESTAMP,
    ingested_at TIMESTAMP NOT NULL
);

-- Every outlet that carried an article (syndicated copies are stored once, with each outlet).
CREATE TABLE IF NOT EXISTS article_outlets (
    article_id TEXT NOT NULL REFERENCES articles(id),
    outlet TEXT NOT NULL,
    url TEXT,
    PRIMARY KEY (article_id, outlet)
);

CREATE TABLE IF NOT EXISTS statements (
    id TEXT PRIMARY KEY,              -- article_id:index
    article_id TEXT NOT NULL REFERENCES articles(id),
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    content TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    speaker_text TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker TEXT,
    speaker_type TEXT,
    speaker_role TEXT,
    speaker_entity_id TEXT,
    via TEXT,
    said_on DATE,
    said_on_is_fallback BOOLEAN NOT NULL,
    nested_in INTEGER,
    confidence DOUBLE PRECISION NOT NULL,
    -- JSON [[start, end], ...]: the pieces of a quote its attribution interrupts ("A," she said, "B.");
    -- NULL when the content is one piece. Added in schema version 2 (store/schema.py upgrades).
    content_parts TEXT
);

CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS entity_aliases (
    entity_id TEXT NOT NULL REFERENCES entities(id),
    alias TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
);

CREATE TABLE IF NOT EXISTS entity_roles (
    entity_id TEXT NOT NULL REFERENCES entities(id),
    role TEXT NOT NULL,
    PRIMARY KEY (entity_id, role)
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL REFERENCES articles(id),
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    cluster INTEGER NOT NULL,
    kind TEXT NOT NULL,
    entity_id TEXT,
    PRIMARY KEY (article_id, start_offset, end_offset)
);

CREATE TABLE IF NOT EXISTS date_mentions (
    article_id TEXT NOT NULL REFERENCES articles(id),
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    value DATE NOT NULL,
    value_end DATE NOT NULL,
    granularity TEXT NOT NULL,
    PRIMARY KEY (article_id, start_offset, end_offset)
);

CREATE TABLE IF NOT EXISTS quantities (
    article_id TEXT NOT NULL REFERENCES articles(id),
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    unit TEXT,
    subject TEXT,
    qualifier TEXT,
    statement_idx INTEGER,
    PRIMARY KEY (article_id, start_offset, end_offset)
);

CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    first_published DATE,
    last_published DATE
);

CREATE TABLE IF NOT EXISTS story_articles (
    story_id TEXT NOT NULL REFERENCES stories(id),
    article_id TEXT NOT NULL REFERENCES articles(id),
    PRIMARY KEY (story_id, article_id)
);

CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories(id),
    label TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS claim_statements (
    claim_id TEXT NOT NULL REFERENCES claims(id),
    statement_id TEXT NOT NULL REFERENCES statements(id),
    PRIMARY KEY (claim_id, statement_id)
);

CREATE TABLE IF NOT EXISTS relations (
    a TEXT NOT NULL REFERENCES statements(id),
    b TEXT NOT NULL REFERENCES statements(id),
    relation TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    evidence TEXT NOT NULL,
    about TEXT,
    PRIMARY KEY (a, b)
);

-- Feeds and sites followed by `whosaid watch`, and what each fetch brought.
CREATE TABLE IF NOT EXISTS sources (
    url TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_fetched_at TIMESTAMP,
    last_status INTEGER,
    last_error TEXT,
    articles_added INTEGER NOT NULL DEFAULT 0,
    last_new INTEGER NOT NULL DEFAULT 0,     -- articles the last poll added
    last_errors INTEGER NOT NULL DEFAULT 0,  -- article URLs the last poll failed to fetch
    discovered_from TEXT                     -- the homepage a discovered feed was found on
);

CREATE TABLE IF NOT EXISTS fetched_urls (
    url TEXT PRIMARY KEY,
    final_url TEXT,
    status INTEGER,
    fetched_at TIMESTAMP NOT NULL,
    article_id TEXT,
    source_url TEXT,                         -- the feed or site that listed the URL
    error TEXT,                              -- why the fetch failed, NULL when it did not
    attempts INTEGER NOT NULL DEFAULT 1      -- transient failures are tried again a few times
);

-- Near-duplicate detection of syndicated copies (ingest/syndication.py): each article's MinHash
-- signature (hex) and its LSH band buckets ("band:hash"), so candidates are an indexed lookup.
CREATE TABLE IF NOT EXISTS article_signatures (
    article_id TEXT PRIMARY KEY,
    signature TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS signature_buckets (
    bucket TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (bucket, article_id)
);

-- link/: sentence embeddings (JSON arrays of floats, portable between backends) kept so that a new
-- article is compared with what is stored without re-embedding the corpus.
CREATE TABLE IF NOT EXISTS article_embeddings (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    vector TEXT NOT NULL,
    entities TEXT NOT NULL            -- JSON list of the article's entity keys (lower-cased names)
);

CREATE TABLE IF NOT EXISTS statement_embeddings (
    statement_id TEXT PRIMARY KEY REFERENCES statements(id),
    vector TEXT NOT NULL
);

-- Running centroid of each story and claim (mean of member vectors, n members so far).
CREATE TABLE IF NOT EXISTS story_vectors (
    story_id TEXT PRIMARY KEY REFERENCES stories(id),
    vector TEXT NOT NULL,
    n INTEGER NOT NULL,
    entities TEXT NOT NULL            -- JSON object: entity key -> number of member articles naming it
);

CREATE TABLE IF NOT EXISTS claim_vectors (
    claim_id TEXT PRIMARY KEY REFERENCES claims(id),
    vector TEXT NOT NULL,
    n INTEGER NOT NULL
);

-- resolve/: each in-article entity cluster, the store entity it was given and why, so that
-- `whosaid entity NAME --why` explains merges and `whosaid reresolve` can redo them after an override.
CREATE TABLE IF NOT EXISTS entity_clusters (
    article_id TEXT NOT NULL,
    cluster INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL,            -- JSON list of the names the cluster had in the article
    roles TEXT NOT NULL,              -- JSON list of the roles seen in the article
    reason TEXT NOT NULL,             -- why the cluster went to this entity (new, alias match, ...)
    mention_reasons TEXT NOT NULL,    -- JSON list of [start, end, text, kind, why it joined the cluster]
    PRIMARY KEY (article_id, cluster)
);

-- resolve/: every word of every entity alias (lower-cased), so that the stored people a surname can
-- mean are an indexed look-up rather than a LIKE scan of all aliases (~1 s at 600k aliases in DuckDB).
-- Rows are written with their alias; no key, since a repeated row does no harm to a look-up.
CREATE TABLE IF NOT EXISTS alias_words (
    word TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    alias TEXT NOT NULL
);

-- Look-ups the single writer makes for every article: without them its cost grows with the store.
CREATE INDEX IF NOT EXISTS alias_words_word ON alias_words (word);
CREATE INDEX IF NOT EXISTS entity_aliases_entity ON entity_aliases (entity_id);
CREATE INDEX IF NOT EXISTS entity_roles_entity ON entity_roles (entity_id);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions (entity_id);
CREATE INDEX IF NOT EXISTS entity_clusters_article ON entity_clusters (article_id);
