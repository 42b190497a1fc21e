-- Paperboy schema version 2: what the fetcher knows about each day, and HTTP validators.
-- Bookkeeping about the cache only; user data is not touched.

-- One row per listing day, category and source. `state` describes what the cache holds for
-- that day: a failed refresh of a complete day keeps 'complete' and notes last_error.
CREATE TABLE fetch_ledger (
    date          TEXT NOT NULL,       -- YYYY-MM-DD, the listing's date
    category      TEXT NOT NULL,       -- one arXiv category: 'cs.CV'
    source        TEXT NOT NULL,       -- 'arxiv-rss', 'arxiv-api'
    state         TEXT NOT NULL
        CHECK (state IN ('complete', 'no-announcement', 'partial', 'failed')),
    papers        INTEGER NOT NULL DEFAULT 0,
    reason        TEXT,                -- why 'partial' or 'failed'
    recorded_at   TEXT NOT NULL,       -- UTC, when `state` was recorded
    last_error    TEXT,                -- the latest failed attempt that left `state` alone
    last_error_at TEXT,
    PRIMARY KEY (date, category, source)
) WITHOUT ROWID;
CREATE INDEX fetch_ledger_by_state ON fetch_ledger(state, date);

-- ETag / Last-Modified per URL, saved only after the response was stored: a 304 must never
-- stand for data we do not have.
CREATE TABLE http_validators (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    listing_date  TEXT,                -- the listing this URL answered with
    papers        INTEGER NOT NULL DEFAULT 0,
    stored_at     TEXT NOT NULL
) WITHOUT ROWID;
