-- Bulk imports (the arXiv metadata snapshot: millions of records) commit in chunks. The
-- checkpoint is written in the same transaction as each chunk, so an interrupted import
-- resumes exactly after the last stored chunk.
CREATE TABLE import_checkpoints (
    file_key   TEXT PRIMARY KEY,     -- absolute path + size + modification time
    path       TEXT NOT NULL,
    offset     INTEGER NOT NULL,     -- bytes of the file fully stored
    line       INTEGER NOT NULL,     -- next line number, for messages
    papers     INTEGER NOT NULL,
    finished   INTEGER NOT NULL DEFAULT 0,
    updated    TEXT NOT NULL
);
