-- Paperboy schema version 12: reading less (issue #16). Dismissals, followed authors, rules and
-- their highlights are user data; the ranking's vocabulary and paper vectors are derived data.
--
-- User data lives in its own tables keyed by arXiv id (or by name), with no foreign key into
-- the cache. Imports, fetches and migrations never write them, with one exception the user
-- asked for: a rule's action (tag, star, mark read, dismiss, highlight) on the papers an
-- import or fetch adds, in the same transaction (app/store/store_rules.cpp). All of it is in
-- backups. This migration only creates tables; it writes no row of user data.

-- "Not interested". Undismissing keeps the row with dismissed = 0 and the time, like
-- user_papers.starred, so restoring an older backup cannot bring back a dismissal undone since.
CREATE TABLE user_dismissals (
    arxiv_id  TEXT PRIMARY KEY,
    dismissed INTEGER NOT NULL DEFAULT 1,
    changed   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX user_dismissals_current ON user_dismissals(arxiv_id) WHERE dismissed = 1;

-- Followed authors. name_key is the folded name (core/author_names.h: TeX accents decoded,
-- diacritics removed, lower case, words joined by one space), so "Hénaff" and "H\'enaff" are
-- one row; name keeps the spelling the user gave. Unfollowing keeps the row, as above.
CREATE TABLE user_follows (
    name_key TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    followed INTEGER NOT NULL DEFAULT 1,
    changed  TEXT NOT NULL
) WITHOUT ROWID;

-- A saved search with an action, run on the papers each import and fetch adds.
CREATE TABLE user_rules (
    name     TEXT PRIMARY KEY,
    query    TEXT NOT NULL,
    action   TEXT NOT NULL CHECK (action IN ('tag', 'star', 'read', 'dismiss', 'highlight')),
    argument TEXT,                     -- the tag of a 'tag' rule
    created  TEXT NOT NULL
);

-- Papers a 'highlight' rule marked, by rule; removing the rule removes its marks.
CREATE TABLE user_highlights (
    arxiv_id TEXT NOT NULL,
    rule     TEXT NOT NULL,
    added    TEXT NOT NULL,
    PRIMARY KEY (arxiv_id, rule)
) WITHOUT ROWID;

-- Derived data for the ranking (app/rank): rebuilt from the cache whenever it is missing,
-- never backed up. rank_terms is the tf-idf vocabulary (English words and word pairs, then
-- CJK character pairs), rank_features one sparse tf-idf vector per paper, built lazily in the
-- background after imports (never inside them), rank_stale the papers whose text changed
-- since their vector was built, rank_state what the vocabulary was fitted on.
CREATE TABLE rank_terms (
    id   INTEGER PRIMARY KEY,          -- the feature's index, from 0
    term TEXT NOT NULL,
    idf  REAL NOT NULL
);

CREATE TABLE rank_features (
    paper_id INTEGER PRIMARY KEY,      -- papers.id
    vector   BLOB NOT NULL             -- app/rank/sparse_vector.h
);

CREATE TABLE rank_stale (paper_id INTEGER PRIMARY KEY);

CREATE TABLE rank_state (
    key   TEXT PRIMARY KEY,
    value
) WITHOUT ROWID;

-- A paper's vector goes stale when its English text or a translation changes. Papers beyond
-- the last vector built are new, not stale: the builder takes them by id. The triggers test
-- for the row rather than INSERT OR IGNORE: an upsert's conflict handling (ABORT) overrides a
-- trigger's own, so a paper already stale and saved again would fail the whole import.
CREATE TRIGGER rank_stale_paper AFTER UPDATE OF title, authors, abstract ON papers
WHEN old.title IS NOT new.title OR old.authors IS NOT new.authors
     OR old.abstract IS NOT new.abstract
BEGIN
    INSERT INTO rank_stale (paper_id)
    SELECT new.id WHERE new.id <= (SELECT max(paper_id) FROM rank_features)
    AND NOT EXISTS (SELECT 1 FROM rank_stale WHERE paper_id = new.id);
END;

CREATE TRIGGER rank_stale_translation_insert AFTER INSERT ON entry_translations
BEGIN
    INSERT INTO rank_stale (paper_id)
    SELECT e.paper_id FROM digest_entries e
    WHERE e.id = new.entry_id AND e.paper_id <= (SELECT max(paper_id) FROM rank_features)
    AND NOT EXISTS (SELECT 1 FROM rank_stale s WHERE s.paper_id = e.paper_id);
END;

CREATE TRIGGER rank_stale_translation_update AFTER UPDATE ON entry_translations
WHEN old.title IS NOT new.title OR old.abstract IS NOT new.abstract
BEGIN
    INSERT INTO rank_stale (paper_id)
    SELECT e.paper_id FROM digest_entries e
    WHERE e.id = new.entry_id AND e.paper_id <= (SELECT max(paper_id) FROM rank_features)
    AND NOT EXISTS (SELECT 1 FROM rank_stale s WHERE s.paper_id = e.paper_id);
END;

-- The user's own Chinese (issue #17, user_translations) feeds the CJK pairs of a paper
-- without a digest's translation; machine translations do not (store/rank_store.cpp).
CREATE TRIGGER rank_stale_user_translation_insert AFTER INSERT ON user_translations
WHEN new.language = 'zh'
BEGIN
    INSERT INTO rank_stale (paper_id)
    SELECT p.id FROM papers p
    WHERE p.arxiv_id = new.arxiv_id AND p.id <= (SELECT max(paper_id) FROM rank_features)
    AND NOT EXISTS (SELECT 1 FROM rank_stale s WHERE s.paper_id = p.id);
END;

CREATE TRIGGER rank_stale_user_translation_update AFTER UPDATE ON user_translations
WHEN (old.language = 'zh' OR new.language = 'zh')
     AND (old.title IS NOT new.title OR old.abstract IS NOT new.abstract
          OR old.language IS NOT new.language)
BEGIN
    INSERT INTO rank_stale (paper_id)
    SELECT p.id FROM papers p
    WHERE p.arxiv_id = new.arxiv_id AND p.id <= (SELECT max(paper_id) FROM rank_features)
    AND NOT EXISTS (SELECT 1 FROM rank_stale s WHERE s.paper_id = p.id);
END;

CREATE TRIGGER rank_stale_user_translation_delete AFTER DELETE ON user_translations
WHEN old.language = 'zh'
BEGIN
    INSERT INTO rank_stale (paper_id)
    SELECT p.id FROM papers p
    WHERE p.arxiv_id = old.arxiv_id AND p.id <= (SELECT max(paper_id) FROM rank_features)
    AND NOT EXISTS (SELECT 1 FROM rank_stale s WHERE s.paper_id = p.id);
END;

-- A digest stored again replaces its entries (and their translations) wholesale.
CREATE TRIGGER rank_stale_entry_delete AFTER DELETE ON digest_entries
WHEN old.paper_id <= (SELECT max(paper_id) FROM rank_features)
    AND NOT EXISTS (SELECT 1 FROM rank_stale WHERE paper_id = old.paper_id)
BEGIN
    INSERT INTO rank_stale (paper_id) VALUES (old.paper_id);
END;

CREATE TRIGGER rank_features_paper_delete AFTER DELETE ON papers
BEGIN
    DELETE FROM rank_features WHERE paper_id = old.id;
    DELETE FROM rank_stale WHERE paper_id = old.id;
END;
