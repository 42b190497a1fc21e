-- Paperboy schema version 14: saved trends (issue #22). A trend the reader kept by name, beside
-- the saved searches: its searches (1 to 6, as typed), the period it counts by, counts or
-- shares, and an optional first and last day. User data: written only by the reader's own
-- actions (the Trends window through UserData, `paperboy trends --save`) and by restores,
-- never by imports, fetches or migrations; in backups from format version 5. This migration
-- only creates the table.
--
-- Names compare without case ("Diffusion" and "diffusion" are one trend), as the command line
-- finds saved searches. `queries` holds the searches joined by the unit separator (U+001F),
-- like every list the library stores (store/sql_values.h).
CREATE TABLE user_saved_trends (
    name     TEXT PRIMARY KEY COLLATE NOCASE,
    queries  TEXT NOT NULL,            -- searches joined by U+001F
    per      TEXT NOT NULL CHECK (per IN ('day', 'week', 'month', 'year')),
    share    INTEGER NOT NULL DEFAULT 0,
    from_day TEXT,                     -- YYYY-MM-DD; NULL: the library's first day
    to_day   TEXT,                     -- YYYY-MM-DD; NULL: the library's last day
    created  TEXT NOT NULL             -- the time of the save (a replacement renews it)
);
