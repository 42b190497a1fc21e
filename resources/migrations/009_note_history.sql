-- Paperboy schema version 9: the earlier texts of every note (issue #15).
-- Each change of a note keeps the text it replaced, with when and what replaced it: a restore
-- (newer edit wins) or a sync no longer leaves the old text only in a report. User data: keyed
-- by arXiv id, no foreign key into the cache, never written by imports, fetches or migrations;
-- written by the store in the same transaction as the note change, carried by backups.
CREATE TABLE note_history (
    id          INTEGER PRIMARY KEY,
    arxiv_id    TEXT NOT NULL,
    text        TEXT NOT NULL,      -- the note as it was before the change
    replaced_at TEXT NOT NULL,      -- UTC ISO 8601 with milliseconds: when the change happened
    replaced_by TEXT NOT NULL       -- what changed it: 'edit', 'restore', 'sync' or 'backup'
);
CREATE INDEX note_history_by_paper ON note_history(arxiv_id, replaced_at);
