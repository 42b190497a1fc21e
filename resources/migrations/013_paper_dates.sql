-- Paperboy schema version 13: trends (issue #22).
--
-- paper_dates holds each paper's date as search defines it (search/search_query.h): the
-- first day a digest listed it, else its arXiv submission date; as a day number (days since
-- 1970-01-01), so a week's Monday is integer arithmetic. Derived data, like day_counts: kept
-- by triggers from papers, digests and digest_entries, rebuilt from them by this migration.
--
-- Why a table: a trend counts every match of a query per period. Computing the date of each
-- match through digest_entries and digests took 1.2 s for "learning" (534,000 matches) in a
-- million papers; one rowid lookup here per match takes ~0.2 s. papers without any date (no
-- digest, no submission date) have no row: no search date filter matches them either.
CREATE TABLE paper_dates (
    paper_id INTEGER PRIMARY KEY, -- papers.id
    day      INTEGER NOT NULL     -- julianday(date) - 2440587.5
);
CREATE INDEX paper_dates_by_day ON paper_dates(day);

-- One paper's date, computed from scratch: read with WHERE paper_id = ?, which SQLite turns
-- into a rowid lookup on papers.
CREATE VIEW paper_date_source AS
SELECT p.id AS paper_id,
       CAST(julianday(coalesce((SELECT min(d.date) FROM digest_entries e JOIN digests d
                                ON d.id = e.digest_id WHERE e.paper_id = p.id),
                               p.published)) - 2440587.5 AS INTEGER) AS day
FROM papers p;

INSERT INTO paper_dates (paper_id, day)
SELECT paper_id, day FROM paper_date_source WHERE day IS NOT NULL;

-- Each trigger deletes the paper's row and inserts it again: a plain INSERT cannot meet a
-- conflict, whatever conflict clause the statement that fired it carries.
CREATE TRIGGER paper_dates_paper_insert AFTER INSERT ON papers
BEGIN
    DELETE FROM paper_dates WHERE paper_id = new.id;
    INSERT INTO paper_dates (paper_id, day)
    SELECT paper_id, day FROM paper_date_source WHERE paper_id = new.id AND day IS NOT NULL;
END;

CREATE TRIGGER paper_dates_paper_update AFTER UPDATE OF published ON papers
WHEN old.published IS NOT new.published
BEGIN
    DELETE FROM paper_dates WHERE paper_id = new.id;
    INSERT INTO paper_dates (paper_id, day)
    SELECT paper_id, day FROM paper_date_source WHERE paper_id = new.id AND day IS NOT NULL;
END;

CREATE TRIGGER paper_dates_paper_delete AFTER DELETE ON papers
BEGIN
    DELETE FROM paper_dates WHERE paper_id = old.id;
END;

CREATE TRIGGER paper_dates_entry_insert AFTER INSERT ON digest_entries
BEGIN
    DELETE FROM paper_dates WHERE paper_id = new.paper_id;
    INSERT INTO paper_dates (paper_id, day)
    SELECT paper_id, day FROM paper_date_source WHERE paper_id = new.paper_id AND day IS NOT NULL;
END;

CREATE TRIGGER paper_dates_entry_delete AFTER DELETE ON digest_entries
BEGIN
    DELETE FROM paper_dates WHERE paper_id = old.paper_id;
    INSERT INTO paper_dates (paper_id, day)
    SELECT paper_id, day FROM paper_date_source WHERE paper_id = old.paper_id AND day IS NOT NULL;
END;

CREATE TRIGGER paper_dates_entry_update AFTER UPDATE OF digest_id, paper_id ON digest_entries
BEGIN
    DELETE FROM paper_dates WHERE paper_id IN (old.paper_id, new.paper_id);
    INSERT INTO paper_dates (paper_id, day)
    SELECT paper_id, day FROM paper_date_source
    WHERE paper_id IN (old.paper_id, new.paper_id) AND day IS NOT NULL;
END;

CREATE TRIGGER paper_dates_digest_update AFTER UPDATE OF date ON digests
WHEN old.date IS NOT new.date
BEGIN
    DELETE FROM paper_dates
    WHERE paper_id IN (SELECT paper_id FROM digest_entries WHERE digest_id = new.id);
    INSERT INTO paper_dates (paper_id, day)
    SELECT paper_id, day FROM paper_date_source
    WHERE paper_id IN (SELECT paper_id FROM digest_entries WHERE digest_id = new.id)
      AND day IS NOT NULL;
END;

-- With foreign keys on, deleting a digest deletes its entries (and their trigger recomputes
-- the papers); this covers entries left behind when they are off.
CREATE TRIGGER paper_dates_digest_delete AFTER DELETE ON digests
BEGIN
    DELETE FROM paper_dates
    WHERE paper_id IN (SELECT paper_id FROM digest_entries WHERE digest_id = old.id);
    INSERT INTO paper_dates (paper_id, day)
    SELECT paper_id, day FROM paper_date_source
    WHERE paper_id IN (SELECT paper_id FROM digest_entries WHERE digest_id = old.id)
      AND day IS NOT NULL;
END;
