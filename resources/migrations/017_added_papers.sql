-- Paperboy schema version 17: papers the reader added by hand (issue #21: "Add any paper").
-- A paper pasted, dropped or given to `paperboy add` as an id or a link. The paper's metadata
-- goes to the cache like any fetched paper; this row says the reader asked for it, and when.
-- User data: written only by the reader's own actions (`paperboy add`, the window's paste and
-- drop) and by restores, never by imports, fetches or migrations; in backups from format
-- version 6 ("papers_added"). Keyed by arXiv id without version, with no foreign key into the
-- cache, so it outlives the cache like every user table. This migration only creates it.
CREATE TABLE user_added (
    arxiv_id TEXT PRIMARY KEY,
    added_at TEXT NOT NULL             -- UTC ISO 8601 with milliseconds: the first time added
) WITHOUT ROWID;
CREATE INDEX user_added_by_time ON user_added(added_at);
