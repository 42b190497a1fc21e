-- Paperboy schema version 10: papers that change (issue #18).
--
-- paper_versions keeps every version of a paper the arXiv API has shown Paperboy: the version a
-- digest listed (recorded when a newer one first arrives) and each newer one, with the fields
-- a new version may change. It is cache data, like papers: fetching again rebuilds it. The
-- papers row itself always carries the newest version, so lists, search and exports show it.
CREATE TABLE paper_versions (
    arxiv_id    TEXT NOT NULL,
    version     INTEGER NOT NULL,
    date        TEXT,              -- YYYY-MM-DD the version was submitted, when known
    title       TEXT,
    abstract    TEXT,
    authors     TEXT,              -- names in order, separated by U+001F, as in papers
    comment     TEXT,
    journal_ref TEXT,
    doi         TEXT,
    code_url    TEXT,              -- the code link found for this version, if any
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (arxiv_id, version)
) WITHOUT ROWID;

-- User data: the newest version of a paper the reader has opened. A paper whose newest
-- version is above it (or above the first version recorded, for a paper never opened since)
-- is "updated". Never written by a fetch, import or migration; in backups.
CREATE TABLE user_seen_versions (
    arxiv_id TEXT PRIMARY KEY,
    version  INTEGER NOT NULL,
    seen_at  TEXT NOT NULL
) WITHOUT ROWID;
