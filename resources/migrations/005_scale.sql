-- Paperboy schema version 5: what a cache of millions of papers needs (issue #9).
--
-- 1. papers_fts and translations_fts (version 1) are no longer read by anything: search_fts
--    (version 3) indexes the same text. Each insert paid for three indexes; now one.
--
-- 2. The sidebar's per-day counts are kept in day_counts instead of being aggregated over
--    every digest entry at start (a second and more at a million papers). papers = distinct
--    papers listed that day by digests that are not repeats (same_as IS NULL); read = how many
--    of them the user marked read. Triggers keep both exact: entries add and remove papers,
--    user_papers moves the read count. Any connection, the sqlite3 shell included, keeps the
--    counts right without our code. The user-data triggers write day_counts only.
--
-- 3. Inside a transaction, SQLite 3.40's FTS5 writes its pending index data to disk at the
--    start of every statement that opens a statement journal (any statement with triggers that
--    may abort), once the index has been written in that transaction. A trigger that indexed
--    each new paper made every following insert flush: ~0.5 ms a paper, most of an import.
--    Now a writer that stores many papers (Store::saveDigests) marks its transaction with a
--    row in search_deferral. While that row exists the index triggers only note, in
--    search_pending, which papers to index and what the index held for them before; the writer
--    then indexes them all in one statement just before committing and removes the mark. The
--    row never outlives the transaction, so other connections (the sqlite3 shell included)
--    still see an index kept in step row by row.
--
-- 4. A new paper looked up its note and tags through the whole search_extra_source view (with
--    the CJK rewrite of translations and summaries it cannot have yet); a cheap guard now skips
--    that unless the user has a note or tag for its id.

DROP TRIGGER papers_fts_insert;
DROP TRIGGER papers_fts_delete;
DROP TRIGGER papers_fts_update;
DROP TABLE papers_fts;
DROP TRIGGER translations_fts_insert;
DROP TRIGGER translations_fts_delete;
DROP TRIGGER translations_fts_update;
DROP TABLE translations_fts;

CREATE TABLE day_counts (
    date   TEXT PRIMARY KEY,               -- YYYY-MM-DD, digests.date
    papers INTEGER NOT NULL DEFAULT 0,
    read   INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

INSERT INTO day_counts (date, papers, read)
SELECT d.date, count(DISTINCT e.paper_id), count(DISTINCT CASE WHEN u.read = 1 THEN e.paper_id END)
FROM digests d JOIN digest_entries e ON e.digest_id = d.id JOIN papers p ON p.id = e.paper_id
LEFT JOIN user_papers u ON u.arxiv_id = p.arxiv_id
WHERE d.same_as IS NULL GROUP BY d.date;

-- An entry counts when its digest is not a repeat and no other such entry lists the paper
-- on that day. A digest that is gone (a cascaded delete) is handled by its own trigger below.
CREATE TRIGGER day_counts_entry_insert AFTER INSERT ON digest_entries
WHEN EXISTS (SELECT 1 FROM digests WHERE id = new.digest_id AND same_as IS NULL)
 AND NOT EXISTS (SELECT 1 FROM digest_entries e JOIN digests d ON d.id = e.digest_id
                 WHERE e.paper_id = new.paper_id AND e.id <> new.id AND d.same_as IS NULL
                   AND d.date = (SELECT date FROM digests WHERE id = new.digest_id))
BEGIN
    INSERT INTO day_counts (date, papers, read)
    SELECT d.date, 1, (SELECT count(*) FROM papers p JOIN user_papers u ON u.arxiv_id = p.arxiv_id
                       WHERE p.id = new.paper_id AND u.read = 1)
    FROM digests d WHERE d.id = new.digest_id
    ON CONFLICT (date) DO UPDATE SET papers = papers + 1, read = read + excluded.read;
END;

CREATE TRIGGER day_counts_entry_delete AFTER DELETE ON digest_entries
WHEN EXISTS (SELECT 1 FROM digests WHERE id = old.digest_id AND same_as IS NULL)
 AND NOT EXISTS (SELECT 1 FROM digest_entries e JOIN digests d ON d.id = e.digest_id
                 WHERE e.paper_id = old.paper_id AND d.same_as IS NULL
                   AND d.date = (SELECT date FROM digests WHERE id = old.digest_id))
BEGIN
    UPDATE day_counts SET papers = papers - 1,
        read = read - (SELECT count(*) FROM papers p JOIN user_papers u ON u.arxiv_id = p.arxiv_id
                       WHERE p.id = old.paper_id AND u.read = 1)
    WHERE date = (SELECT date FROM digests WHERE id = old.digest_id);
END;

-- Rare changes recount the days they touch from scratch.
CREATE TRIGGER day_counts_entry_update AFTER UPDATE OF digest_id, paper_id ON digest_entries
BEGIN
    DELETE FROM day_counts WHERE date IN (SELECT date FROM digests WHERE id IN (old.digest_id, new.digest_id));
    INSERT INTO day_counts (date, papers, read)
    SELECT d.date, count(DISTINCT e.paper_id), count(DISTINCT CASE WHEN u.read = 1 THEN e.paper_id END)
    FROM digests d JOIN digest_entries e ON e.digest_id = d.id JOIN papers p ON p.id = e.paper_id
    LEFT JOIN user_papers u ON u.arxiv_id = p.arxiv_id
    WHERE d.same_as IS NULL
      AND d.date IN (SELECT date FROM digests WHERE id IN (old.digest_id, new.digest_id))
    GROUP BY d.date;
END;

CREATE TRIGGER day_counts_digest_update AFTER UPDATE OF date, same_as ON digests
WHEN old.date IS NOT new.date OR old.same_as IS NOT new.same_as
BEGIN
    DELETE FROM day_counts WHERE date IN (old.date, new.date);
    INSERT INTO day_counts (date, papers, read)
    SELECT d.date, count(DISTINCT e.paper_id), count(DISTINCT CASE WHEN u.read = 1 THEN e.paper_id END)
    FROM digests d JOIN digest_entries e ON e.digest_id = d.id JOIN papers p ON p.id = e.paper_id
    LEFT JOIN user_papers u ON u.arxiv_id = p.arxiv_id
    WHERE d.same_as IS NULL AND d.date IN (old.date, new.date)
    GROUP BY d.date;
END;

CREATE TRIGGER day_counts_digest_delete AFTER DELETE ON digests
BEGIN
    DELETE FROM day_counts WHERE date = old.date;
    INSERT INTO day_counts (date, papers, read)
    SELECT d.date, count(DISTINCT e.paper_id), count(DISTINCT CASE WHEN u.read = 1 THEN e.paper_id END)
    FROM digests d JOIN digest_entries e ON e.digest_id = d.id JOIN papers p ON p.id = e.paper_id
    LEFT JOIN user_papers u ON u.arxiv_id = p.arxiv_id
    WHERE d.same_as IS NULL AND d.date = old.date
    GROUP BY d.date;
END;

-- User data: these triggers write day_counts only, never a user table.
CREATE TRIGGER day_counts_read_insert AFTER INSERT ON user_papers
WHEN new.read = 1
BEGIN
    UPDATE day_counts SET read = read + 1 WHERE date IN (
        SELECT d.date FROM papers p JOIN digest_entries e ON e.paper_id = p.id
        JOIN digests d ON d.id = e.digest_id
        WHERE p.arxiv_id = new.arxiv_id AND d.same_as IS NULL);
END;

CREATE TRIGGER day_counts_read_update AFTER UPDATE OF arxiv_id, read ON user_papers
WHEN (old.read = 1) IS NOT (new.read = 1) OR old.arxiv_id IS NOT new.arxiv_id
BEGIN
    UPDATE day_counts SET read = read - 1 WHERE old.read = 1 AND date IN (
        SELECT d.date FROM papers p JOIN digest_entries e ON e.paper_id = p.id
        JOIN digests d ON d.id = e.digest_id
        WHERE p.arxiv_id = old.arxiv_id AND d.same_as IS NULL);
    UPDATE day_counts SET read = read + 1 WHERE new.read = 1 AND date IN (
        SELECT d.date FROM papers p JOIN digest_entries e ON e.paper_id = p.id
        JOIN digests d ON d.id = e.digest_id
        WHERE p.arxiv_id = new.arxiv_id AND d.same_as IS NULL);
END;

CREATE TRIGGER day_counts_read_delete AFTER DELETE ON user_papers
WHEN old.read = 1
BEGIN
    UPDATE day_counts SET read = read - 1 WHERE date IN (
        SELECT d.date FROM papers p JOIN digest_entries e ON e.paper_id = p.id
        JOIN digests d ON d.id = e.digest_id
        WHERE p.arxiv_id = old.arxiv_id AND d.same_as IS NULL);
END;

-- 3. Deferred indexing.

CREATE TABLE search_deferral (
    id INTEGER PRIMARY KEY CHECK (id = 1) -- present only inside a deferring transaction
);

-- Papers to index when the deferring transaction ends. `indexed` = 1: the index holds the
-- values below for the paper (captured at its first change) and they must be deleted first.
-- Inserts test for an existing row rather than saying OR IGNORE: an upsert firing the trigger
-- would impose its own conflict policy.
CREATE TABLE search_pending (
    paper_id    INTEGER PRIMARY KEY,
    indexed     INTEGER NOT NULL,
    title       TEXT,
    authors     TEXT,
    abstract    TEXT,
    translation TEXT,
    summary     TEXT,
    note        TEXT,
    tags        TEXT,
    categories  TEXT
);

DROP TRIGGER search_fts_paper_insert;
DROP TRIGGER search_fts_paper_update;
DROP TRIGGER search_fts_paper_delete;
DROP TRIGGER search_fts_extra_insert;
DROP TRIGGER search_fts_extra_update;
DROP TRIGGER search_fts_extra_delete;

-- The version 3 triggers, now only outside a deferring transaction; each has a deferred twin.

CREATE TRIGGER search_fts_paper_insert AFTER INSERT ON papers
WHEN NOT EXISTS (SELECT 1 FROM search_deferral)
BEGIN
    INSERT INTO search_fts (rowid, title, authors, abstract, translation, summary, note, tags, categories)
    VALUES (new.id, new.title, new.authors, new.abstract, NULL, NULL, NULL, NULL, new.categories);
    INSERT INTO search_extra (paper_id, note, tags)
    SELECT paper_id, note, tags FROM search_extra_source
    WHERE paper_id = new.id AND (note IS NOT NULL OR tags IS NOT NULL)
      AND (EXISTS (SELECT 1 FROM user_papers WHERE arxiv_id = new.arxiv_id AND note IS NOT NULL)
           OR EXISTS (SELECT 1 FROM user_tags WHERE arxiv_id = new.arxiv_id));
END;

CREATE TRIGGER search_fts_paper_insert_deferred AFTER INSERT ON papers
WHEN EXISTS (SELECT 1 FROM search_deferral)
BEGIN
    INSERT INTO search_pending (paper_id, indexed) SELECT new.id, 0
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE paper_id = new.id);
    INSERT INTO search_extra (paper_id, note, tags)
    SELECT paper_id, note, tags FROM search_extra_source
    WHERE paper_id = new.id AND (note IS NOT NULL OR tags IS NOT NULL)
      AND (EXISTS (SELECT 1 FROM user_papers WHERE arxiv_id = new.arxiv_id AND note IS NOT NULL)
           OR EXISTS (SELECT 1 FROM user_tags WHERE arxiv_id = new.arxiv_id));
END;

CREATE TRIGGER search_fts_paper_update AFTER UPDATE OF title, authors, abstract, categories ON papers
WHEN NOT EXISTS (SELECT 1 FROM search_deferral)
     AND (old.title IS NOT new.title OR old.authors IS NOT new.authors
          OR old.abstract IS NOT new.abstract OR old.categories IS NOT new.categories)
BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT 'delete', old.id, old.title, old.authors, old.abstract, x.translation, x.summary, x.note, x.tags, old.categories
    FROM (SELECT 1) LEFT JOIN search_extra x ON x.paper_id = old.id;
    INSERT INTO search_fts (rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT new.id, new.title, new.authors, new.abstract, x.translation, x.summary, x.note, x.tags, new.categories
    FROM (SELECT 1) LEFT JOIN search_extra x ON x.paper_id = new.id;
END;

CREATE TRIGGER search_fts_paper_update_deferred AFTER UPDATE OF title, authors, abstract, categories ON papers
WHEN EXISTS (SELECT 1 FROM search_deferral)
     AND (old.title IS NOT new.title OR old.authors IS NOT new.authors
          OR old.abstract IS NOT new.abstract OR old.categories IS NOT new.categories)
BEGIN
    INSERT INTO search_pending (paper_id, indexed, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT old.id, 1, old.title, old.authors, old.abstract, x.translation, x.summary, x.note, x.tags, old.categories
    FROM (SELECT 1) LEFT JOIN search_extra x ON x.paper_id = old.id
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE paper_id = old.id);
END;

CREATE TRIGGER search_fts_paper_delete AFTER DELETE ON papers
WHEN NOT EXISTS (SELECT 1 FROM search_deferral)
BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT 'delete', old.id, old.title, old.authors, old.abstract, x.translation, x.summary, x.note, x.tags, old.categories
    FROM (SELECT 1) LEFT JOIN search_extra x ON x.paper_id = old.id;
    DELETE FROM search_extra WHERE paper_id = old.id;
END;

CREATE TRIGGER search_fts_paper_delete_deferred AFTER DELETE ON papers
WHEN EXISTS (SELECT 1 FROM search_deferral)
BEGIN
    INSERT INTO search_pending (paper_id, indexed, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT old.id, 1, old.title, old.authors, old.abstract, x.translation, x.summary, x.note, x.tags, old.categories
    FROM (SELECT 1) LEFT JOIN search_extra x ON x.paper_id = old.id
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE paper_id = old.id);
    DELETE FROM search_extra WHERE paper_id = old.id;
END;

CREATE TRIGGER search_fts_extra_insert AFTER INSERT ON search_extra
WHEN NOT EXISTS (SELECT 1 FROM search_deferral)
BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT 'delete', p.id, p.title, p.authors, p.abstract, NULL, NULL, NULL, NULL, p.categories
    FROM papers p WHERE p.id = new.paper_id;
    INSERT INTO search_fts (rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT p.id, p.title, p.authors, p.abstract, new.translation, new.summary, new.note, new.tags, p.categories FROM papers p WHERE p.id = new.paper_id;
END;

CREATE TRIGGER search_fts_extra_insert_deferred AFTER INSERT ON search_extra
WHEN EXISTS (SELECT 1 FROM search_deferral)
BEGIN
    INSERT INTO search_pending (paper_id, indexed, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT p.id, 1, p.title, p.authors, p.abstract, NULL, NULL, NULL, NULL, p.categories
    FROM papers p WHERE p.id = new.paper_id
      AND NOT EXISTS (SELECT 1 FROM search_pending WHERE paper_id = p.id);
END;

CREATE TRIGGER search_fts_extra_update AFTER UPDATE ON search_extra
WHEN NOT EXISTS (SELECT 1 FROM search_deferral)
BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT 'delete', p.id, p.title, p.authors, p.abstract, old.translation, old.summary, old.note, old.tags, p.categories FROM papers p WHERE p.id = old.paper_id;
    INSERT INTO search_fts (rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT p.id, p.title, p.authors, p.abstract, new.translation, new.summary, new.note, new.tags, p.categories FROM papers p WHERE p.id = new.paper_id;
END;

CREATE TRIGGER search_fts_extra_update_deferred AFTER UPDATE ON search_extra
WHEN EXISTS (SELECT 1 FROM search_deferral)
BEGIN
    INSERT INTO search_pending (paper_id, indexed, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT p.id, 1, p.title, p.authors, p.abstract, old.translation, old.summary, old.note, old.tags, p.categories
    FROM papers p WHERE p.id = old.paper_id
      AND NOT EXISTS (SELECT 1 FROM search_pending WHERE paper_id = p.id);
END;

CREATE TRIGGER search_fts_extra_delete AFTER DELETE ON search_extra
WHEN NOT EXISTS (SELECT 1 FROM search_deferral)
BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT 'delete', p.id, p.title, p.authors, p.abstract, old.translation, old.summary, old.note, old.tags, p.categories FROM papers p WHERE p.id = old.paper_id;
    INSERT INTO search_fts (rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT p.id, p.title, p.authors, p.abstract, NULL, NULL, NULL, NULL, p.categories
    FROM papers p WHERE p.id = old.paper_id;
END;

CREATE TRIGGER search_fts_extra_delete_deferred AFTER DELETE ON search_extra
WHEN EXISTS (SELECT 1 FROM search_deferral)
BEGIN
    INSERT INTO search_pending (paper_id, indexed, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT p.id, 1, p.title, p.authors, p.abstract, old.translation, old.summary, old.note, old.tags, p.categories
    FROM papers p WHERE p.id = old.paper_id
      AND NOT EXISTS (SELECT 1 FROM search_pending WHERE paper_id = p.id);
END;
