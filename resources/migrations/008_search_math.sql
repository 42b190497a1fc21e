-- Paperboy schema version 8: search also finds TeX math as a reader sees it (issue #23).
--
-- "$48\times48$" is indexed by the unicode61 tokenizer as "48" and "times48", so neither "×"
-- nor "\times" found it. Paperboy converts the math of a paper's title and abstract in C++
-- (app/core/tex_math.cpp) when it stores the paper and keeps the converted text, with its
-- symbols spelled as words ("48 times 48", "𝒪(n log n)"), in search_extra.math; the search
-- box spells symbols the same way, so "×", "\times" and "48×48" all match. The index holds
-- the math text after the abstract, in the abstract column: adding an FTS5 column would mean
-- rebuilding the whole index (migration 007 took 9 minutes at a million papers), while this
-- migration only redefines a view and triggers and runs at once.
--
-- Papers stored before this version have no math text until they are stored again (a fetch
-- or import that lists them); the index stays consistent either way, because every trigger
-- below removes exactly what it added. Filling the older papers in the background belongs
-- with the other index maintenance (issue #19).
--
-- Every trigger that wrote the abstract column to search_fts is recreated with the same
-- expression (the abstract, then a newline and the math text when there is some), as is the
-- view the index reads its content from.

ALTER TABLE search_extra ADD COLUMN math TEXT;

DROP VIEW search_content;

CREATE VIEW search_content AS
SELECT p.id AS id, p.title AS title, p.authors AS authors,
       CASE WHEN x.math IS NULL THEN p.abstract ELSE coalesce(p.abstract, '') || char(10) || x.math END AS abstract,
       x.translation AS translation, x.summary AS summary, x.note AS note, x.tags AS tags,
       p.categories AS categories
FROM papers p LEFT JOIN search_extra x ON x.paper_id = p.id;

DROP TRIGGER search_fts_paper_update;
DROP TRIGGER search_fts_paper_update_deferred;
DROP TRIGGER search_fts_paper_delete;
DROP TRIGGER search_fts_paper_delete_deferred;
DROP TRIGGER search_fts_extra_insert;
DROP TRIGGER search_fts_extra_insert_deferred;
DROP TRIGGER search_fts_extra_update;
DROP TRIGGER search_fts_extra_update_deferred;
DROP TRIGGER search_fts_extra_delete;
DROP TRIGGER search_fts_extra_delete_deferred;

CREATE TRIGGER search_fts_paper_update AFTER UPDATE OF title, authors, abstract, categories ON papers
WHEN NOT EXISTS (SELECT 1 FROM search_deferral)
     AND (old.title IS NOT new.title OR old.authors IS NOT new.authors
          OR old.abstract IS NOT new.abstract OR old.categories IS NOT new.categories)
BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT 'delete', old.id, old.title, old.authors, CASE WHEN x.math IS NULL THEN old.abstract ELSE coalesce(old.abstract, '') || char(10) || x.math END, x.translation, x.summary, x.note, x.tags, old.categories
    FROM (SELECT 1) LEFT JOIN search_extra x ON x.paper_id = old.id;
    INSERT INTO search_fts (rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT new.id, new.title, new.authors, CASE WHEN x.math IS NULL THEN new.abstract ELSE coalesce(new.abstract, '') || char(10) || x.math END, x.translation, x.summary, x.note, x.tags, new.categories
    FROM (SELECT 1) LEFT JOIN search_extra x ON x.paper_id = new.id;
END;

CREATE TRIGGER search_fts_paper_update_deferred AFTER UPDATE OF title, authors, abstract, categories ON papers
WHEN EXISTS (SELECT 1 FROM search_deferral)
     AND (old.title IS NOT new.title OR old.authors IS NOT new.authors
          OR old.abstract IS NOT new.abstract OR old.categories IS NOT new.categories)
BEGIN
    INSERT INTO search_pending (paper_id, indexed, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT old.id, 1, old.title, old.authors, CASE WHEN x.math IS NULL THEN old.abstract ELSE coalesce(old.abstract, '') || char(10) || x.math END, x.translation, x.summary, x.note, x.tags, old.categories
    FROM (SELECT 1) LEFT JOIN search_extra x ON x.paper_id = old.id
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE paper_id = old.id);
END;

CREATE TRIGGER search_fts_paper_delete AFTER DELETE ON papers
WHEN NOT EXISTS (SELECT 1 FROM search_deferral)
BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT 'delete', old.id, old.title, old.authors, CASE WHEN x.math IS NULL THEN old.abstract ELSE coalesce(old.abstract, '') || char(10) || x.math END, x.translation, x.summary, x.note, x.tags, old.categories
    FROM (SELECT 1) LEFT JOIN search_extra x ON x.paper_id = old.id;
    DELETE FROM search_extra WHERE paper_id = old.id;
END;

CREATE TRIGGER search_fts_paper_delete_deferred AFTER DELETE ON papers
WHEN EXISTS (SELECT 1 FROM search_deferral)
BEGIN
    INSERT INTO search_pending (paper_id, indexed, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT old.id, 1, old.title, old.authors, CASE WHEN x.math IS NULL THEN old.abstract ELSE coalesce(old.abstract, '') || char(10) || x.math END, x.translation, x.summary, x.note, x.tags, old.categories
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
    SELECT p.id, p.title, p.authors, CASE WHEN new.math IS NULL THEN p.abstract ELSE coalesce(p.abstract, '') || char(10) || new.math END, new.translation, new.summary, new.note, new.tags, p.categories FROM papers p WHERE p.id = new.paper_id;
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
    SELECT 'delete', p.id, p.title, p.authors, CASE WHEN old.math IS NULL THEN p.abstract ELSE coalesce(p.abstract, '') || char(10) || old.math END, old.translation, old.summary, old.note, old.tags, p.categories FROM papers p WHERE p.id = old.paper_id;
    INSERT INTO search_fts (rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT p.id, p.title, p.authors, CASE WHEN new.math IS NULL THEN p.abstract ELSE coalesce(p.abstract, '') || char(10) || new.math END, new.translation, new.summary, new.note, new.tags, p.categories FROM papers p WHERE p.id = new.paper_id;
END;

CREATE TRIGGER search_fts_extra_update_deferred AFTER UPDATE ON search_extra
WHEN EXISTS (SELECT 1 FROM search_deferral)
BEGIN
    INSERT INTO search_pending (paper_id, indexed, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT p.id, 1, p.title, p.authors, CASE WHEN old.math IS NULL THEN p.abstract ELSE coalesce(p.abstract, '') || char(10) || old.math END, old.translation, old.summary, old.note, old.tags, p.categories
    FROM papers p WHERE p.id = old.paper_id
      AND NOT EXISTS (SELECT 1 FROM search_pending WHERE paper_id = p.id);
END;

CREATE TRIGGER search_fts_extra_delete AFTER DELETE ON search_extra
WHEN NOT EXISTS (SELECT 1 FROM search_deferral)
BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT 'delete', p.id, p.title, p.authors, CASE WHEN old.math IS NULL THEN p.abstract ELSE coalesce(p.abstract, '') || char(10) || old.math END, old.translation, old.summary, old.note, old.tags, p.categories FROM papers p WHERE p.id = old.paper_id;
    INSERT INTO search_fts (rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT p.id, p.title, p.authors, p.abstract, NULL, NULL, NULL, NULL, p.categories
    FROM papers p WHERE p.id = old.paper_id;
END;

CREATE TRIGGER search_fts_extra_delete_deferred AFTER DELETE ON search_extra
WHEN EXISTS (SELECT 1 FROM search_deferral)
BEGIN
    INSERT INTO search_pending (paper_id, indexed, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT p.id, 1, p.title, p.authors, CASE WHEN old.math IS NULL THEN p.abstract ELSE coalesce(p.abstract, '') || char(10) || old.math END, old.translation, old.summary, old.note, old.tags, p.categories
    FROM papers p WHERE p.id = old.paper_id
      AND NOT EXISTS (SELECT 1 FROM search_pending WHERE paper_id = p.id);
END;
