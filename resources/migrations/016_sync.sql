-- Paperboy schema version 16: sync bookkeeping (issue #20). Not user data: what this library
-- and a sync server last agreed on, so a sync round can tell the reader's own changes since
-- (pushed) from the server's (pulled) without a trigger on any user table: a star, a note or
-- a tag costs exactly what it cost before, and nothing here ever writes a user row. Written
-- only by `paperboy sync` (app/sync/), in the same transaction as the user data it pulled and
-- only after the server committed: a round cut off anywhere leaves both tables as they were.
-- This migration only creates the tables.

-- One row per server and role ("account": the server's id, '/', the role).
CREATE TABLE sync_accounts (
    account   TEXT PRIMARY KEY,
    device    TEXT NOT NULL,               -- this library's id in that account's rows
    last_seq  INTEGER NOT NULL DEFAULT 0,  -- the server's change sequence seen up to here
    last_sync TEXT                         -- UTC ISO 8601, the server's time of the last round
) WITHOUT ROWID;

-- The value of every synced item both sides held after the last round (absent: neither holds
-- it). kind: 'star', 'read', 'note', 'tag', 'saved_search', 'dismissal', 'follow', 'rule',
-- 'saved_trend', 'translation', 'paper' (the minimal record sent along with user data).
CREATE TABLE sync_baseline (
    account TEXT NOT NULL,
    kind    TEXT NOT NULL,
    key     TEXT NOT NULL,
    value   TEXT NOT NULL,
    PRIMARY KEY (account, kind, key)
) WITHOUT ROWID;
