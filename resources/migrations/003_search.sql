-- Paperboy schema version 3: one full-text index for search over everything a reader may
-- remember about a paper: English title, authors and abstract, the digests' translated
-- titles and abstracts, AI summaries, the user's note and tags, and categories.
--
-- One table with rowid = papers.id, so a query of any mix of terms is one FTS5 MATCH that can
-- run newest first (ORDER BY rowid DESC) and stop after LIMIT rows, even for common words.
--
-- Chinese (and Japanese, Korean) text has no spaces. Before indexing, every run of CJK
-- characters is rewritten as its overlapping bigrams plus the run's last character:
-- "扩散模型" -> "扩散 散模 模型 型". The unicode61 tokenizer then sees ordinary tokens. A query
-- of two or more CJK characters becomes the phrase of its bigrams ("蒸馏" -> "蒸馏",
-- "扩散模型" -> "扩散 散模 模型"); one character becomes a prefix query ("蒸"*), which finds
-- every occurrence because each one starts a bigram or is a run's last character. Latin text
-- passes through unchanged. The rewrite is plain SQL (a numbers table and substr), so any
-- connection, including the sqlite3 shell, keeps the index in step without loading our code.
--
-- Cache tables and user tables are only read here; the user-data triggers write to the
-- search tables only.

-- 1..N for the bigram rewrite. Text beyond 64 * 2048 characters is not rewritten.
CREATE TABLE search_seq (n INTEGER PRIMARY KEY);
WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 2048)
INSERT INTO search_seq (n) SELECT n FROM seq;

-- Per paper, the rewritten text that does not live in `papers`. Derived, rebuilt by triggers.
CREATE TABLE search_extra (
    paper_id    INTEGER PRIMARY KEY,   -- papers.id
    translation TEXT,                  -- translated titles and abstracts of every entry
    summary     TEXT,                  -- AI summaries and keywords of every entry
    note        TEXT,
    tags        TEXT
);

CREATE VIEW search_content AS
SELECT p.id AS id, p.title AS title, p.authors AS authors, p.abstract AS abstract,
       x.translation AS translation, x.summary AS summary, x.note AS note, x.tags AS tags,
       p.categories AS categories
FROM papers p LEFT JOIN search_extra x ON x.paper_id = p.id;

CREATE VIRTUAL TABLE search_fts USING fts5(
    title, authors, abstract, translation, summary, note, tags, categories,
    content = 'search_content', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');

-- What search_extra should hold for each paper.

CREATE VIEW search_extra_source AS
SELECT p.id AS paper_id,
       (SELECT CASE WHEN src.t GLOB '*[぀-鿿가-힯豈-﫿𠀀-𯿿]*' THEN (
            SELECT group_concat(piece, '') FROM (
                SELECT CASE WHEN (u BETWEEN 12352 AND 40959 OR u BETWEEN 44032 AND 55215 OR u BETWEEN 63744 AND 64255 OR u BETWEEN 131072 AND 196607)
                            THEN ' ' || ch || CASE WHEN (un BETWEEN 12352 AND 40959 OR un BETWEEN 44032 AND 55215 OR un BETWEEN 63744 AND 64255 OR un BETWEEN 131072 AND 196607) THEN chn ELSE '' END || ' '
                            ELSE ch END AS piece
                FROM (SELECT substr(c.chunk, j.n, 1) AS ch, substr(c.chunk, j.n + 1, 1) AS chn,
                             unicode(substr(c.chunk, j.n, 1)) AS u,
                             unicode(substr(c.chunk, j.n + 1, 1)) AS un
                      FROM (SELECT k.n AS k, substr(src.t, k.n * 64 - 63, 65) AS chunk
                            FROM search_seq k WHERE k.n <= (length(src.t) + 63) / 64) c
                      JOIN search_seq j ON j.n <= min(64, length(c.chunk))
                      ORDER BY c.k, j.n)))
          ELSE src.t END
        FROM (SELECT (SELECT group_concat(DISTINCT coalesce(tr.title, '') || ' ' || coalesce(tr.abstract, ''))
                  FROM digest_entries e JOIN entry_translations tr ON tr.entry_id = e.id
                  WHERE e.paper_id = p.id) AS t LIMIT 1) src) AS translation,
       (SELECT CASE WHEN src.t GLOB '*[぀-鿿가-힯豈-﫿𠀀-𯿿]*' THEN (
            SELECT group_concat(piece, '') FROM (
                SELECT CASE WHEN (u BETWEEN 12352 AND 40959 OR u BETWEEN 44032 AND 55215 OR u BETWEEN 63744 AND 64255 OR u BETWEEN 131072 AND 196607)
                            THEN ' ' || ch || CASE WHEN (un BETWEEN 12352 AND 40959 OR un BETWEEN 44032 AND 55215 OR un BETWEEN 63744 AND 64255 OR un BETWEEN 131072 AND 196607) THEN chn ELSE '' END || ' '
                            ELSE ch END AS piece
                FROM (SELECT substr(c.chunk, j.n, 1) AS ch, substr(c.chunk, j.n + 1, 1) AS chn,
                             unicode(substr(c.chunk, j.n, 1)) AS u,
                             unicode(substr(c.chunk, j.n + 1, 1)) AS un
                      FROM (SELECT k.n AS k, substr(src.t, k.n * 64 - 63, 65) AS chunk
                            FROM search_seq k WHERE k.n <= (length(src.t) + 63) / 64) c
                      JOIN search_seq j ON j.n <= min(64, length(c.chunk))
                      ORDER BY c.k, j.n)))
          ELSE src.t END
        FROM (SELECT (SELECT group_concat(DISTINCT coalesce(a.tldr, '') || ' ' || coalesce(a.motivation, '') || ' '
                      || coalesce(a.method, '') || ' ' || coalesce(a.result, '') || ' '
                      || coalesce(a.conclusion, '') || ' ' || coalesce(replace(a.keywords, char(31), ', '), ''))
                  FROM digest_entries e JOIN entry_ai_summaries a ON a.entry_id = e.id
                  WHERE e.paper_id = p.id) AS t LIMIT 1) src) AS summary,
       (SELECT CASE WHEN src.t GLOB '*[぀-鿿가-힯豈-﫿𠀀-𯿿]*' THEN (
            SELECT group_concat(piece, '') FROM (
                SELECT CASE WHEN (u BETWEEN 12352 AND 40959 OR u BETWEEN 44032 AND 55215 OR u BETWEEN 63744 AND 64255 OR u BETWEEN 131072 AND 196607)
                            THEN ' ' || ch || CASE WHEN (un BETWEEN 12352 AND 40959 OR un BETWEEN 44032 AND 55215 OR un BETWEEN 63744 AND 64255 OR un BETWEEN 131072 AND 196607) THEN chn ELSE '' END || ' '
                            ELSE ch END AS piece
                FROM (SELECT substr(c.chunk, j.n, 1) AS ch, substr(c.chunk, j.n + 1, 1) AS chn,
                             unicode(substr(c.chunk, j.n, 1)) AS u,
                             unicode(substr(c.chunk, j.n + 1, 1)) AS un
                      FROM (SELECT k.n AS k, substr(src.t, k.n * 64 - 63, 65) AS chunk
                            FROM search_seq k WHERE k.n <= (length(src.t) + 63) / 64) c
                      JOIN search_seq j ON j.n <= min(64, length(c.chunk))
                      ORDER BY c.k, j.n)))
          ELSE src.t END
        FROM (SELECT (SELECT note FROM user_papers WHERE arxiv_id = p.arxiv_id) AS t LIMIT 1) src) AS note,
       (SELECT CASE WHEN src.t GLOB '*[぀-鿿가-힯豈-﫿𠀀-𯿿]*' THEN (
            SELECT group_concat(piece, '') FROM (
                SELECT CASE WHEN (u BETWEEN 12352 AND 40959 OR u BETWEEN 44032 AND 55215 OR u BETWEEN 63744 AND 64255 OR u BETWEEN 131072 AND 196607)
                            THEN ' ' || ch || CASE WHEN (un BETWEEN 12352 AND 40959 OR un BETWEEN 44032 AND 55215 OR un BETWEEN 63744 AND 64255 OR un BETWEEN 131072 AND 196607) THEN chn ELSE '' END || ' '
                            ELSE ch END AS piece
                FROM (SELECT substr(c.chunk, j.n, 1) AS ch, substr(c.chunk, j.n + 1, 1) AS chn,
                             unicode(substr(c.chunk, j.n, 1)) AS u,
                             unicode(substr(c.chunk, j.n + 1, 1)) AS un
                      FROM (SELECT k.n AS k, substr(src.t, k.n * 64 - 63, 65) AS chunk
                            FROM search_seq k WHERE k.n <= (length(src.t) + 63) / 64) c
                      JOIN search_seq j ON j.n <= min(64, length(c.chunk))
                      ORDER BY c.k, j.n)))
          ELSE src.t END
        FROM (SELECT (SELECT group_concat(tag, ', ') FROM user_tags WHERE arxiv_id = p.arxiv_id) AS t LIMIT 1) src) AS tags
FROM papers p;

-- An upgraded library is searchable at once. Triggers come after, so this runs unobserved.
INSERT INTO search_extra (paper_id, translation, summary, note, tags)
SELECT paper_id, translation, summary, note, tags FROM search_extra_source
WHERE translation IS NOT NULL OR summary IS NOT NULL OR note IS NOT NULL OR tags IS NOT NULL;
INSERT INTO search_fts (search_fts) VALUES ('rebuild');


-- Keeping search_extra in step with its sources. Each refresh recomputes one paper's row.

CREATE TRIGGER search_translation_insert AFTER INSERT ON entry_translations
BEGIN
    INSERT INTO search_extra (paper_id, translation, summary, note, tags)
    SELECT paper_id, translation, summary, note, tags FROM search_extra_source WHERE paper_id = (SELECT paper_id FROM digest_entries WHERE id = new.entry_id)
    ON CONFLICT (paper_id) DO UPDATE SET translation = excluded.translation,
        summary = excluded.summary, note = excluded.note, tags = excluded.tags
    WHERE translation IS NOT excluded.translation OR summary IS NOT excluded.summary
       OR note IS NOT excluded.note OR tags IS NOT excluded.tags;
END;

CREATE TRIGGER search_translation_update AFTER UPDATE ON entry_translations
BEGIN
    INSERT INTO search_extra (paper_id, translation, summary, note, tags)
    SELECT paper_id, translation, summary, note, tags FROM search_extra_source WHERE paper_id = (SELECT paper_id FROM digest_entries WHERE id = new.entry_id)
    ON CONFLICT (paper_id) DO UPDATE SET translation = excluded.translation,
        summary = excluded.summary, note = excluded.note, tags = excluded.tags
    WHERE translation IS NOT excluded.translation OR summary IS NOT excluded.summary
       OR note IS NOT excluded.note OR tags IS NOT excluded.tags;
END;

CREATE TRIGGER search_translation_delete AFTER DELETE ON entry_translations
BEGIN
    INSERT INTO search_extra (paper_id, translation, summary, note, tags)
    SELECT paper_id, translation, summary, note, tags FROM search_extra_source WHERE paper_id = (SELECT paper_id FROM digest_entries WHERE id = old.entry_id)
    ON CONFLICT (paper_id) DO UPDATE SET translation = excluded.translation,
        summary = excluded.summary, note = excluded.note, tags = excluded.tags
    WHERE translation IS NOT excluded.translation OR summary IS NOT excluded.summary
       OR note IS NOT excluded.note OR tags IS NOT excluded.tags;
END;

CREATE TRIGGER search_summary_insert AFTER INSERT ON entry_ai_summaries
BEGIN
    INSERT INTO search_extra (paper_id, translation, summary, note, tags)
    SELECT paper_id, translation, summary, note, tags FROM search_extra_source WHERE paper_id = (SELECT paper_id FROM digest_entries WHERE id = new.entry_id)
    ON CONFLICT (paper_id) DO UPDATE SET translation = excluded.translation,
        summary = excluded.summary, note = excluded.note, tags = excluded.tags
    WHERE translation IS NOT excluded.translation OR summary IS NOT excluded.summary
       OR note IS NOT excluded.note OR tags IS NOT excluded.tags;
END;

CREATE TRIGGER search_summary_update AFTER UPDATE ON entry_ai_summaries
BEGIN
    INSERT INTO search_extra (paper_id, translation, summary, note, tags)
    SELECT paper_id, translation, summary, note, tags FROM search_extra_source WHERE paper_id = (SELECT paper_id FROM digest_entries WHERE id = new.entry_id)
    ON CONFLICT (paper_id) DO UPDATE SET translation = excluded.translation,
        summary = excluded.summary, note = excluded.note, tags = excluded.tags
    WHERE translation IS NOT excluded.translation OR summary IS NOT excluded.summary
       OR note IS NOT excluded.note OR tags IS NOT excluded.tags;
END;

CREATE TRIGGER search_summary_delete AFTER DELETE ON entry_ai_summaries
BEGIN
    INSERT INTO search_extra (paper_id, translation, summary, note, tags)
    SELECT paper_id, translation, summary, note, tags FROM search_extra_source WHERE paper_id = (SELECT paper_id FROM digest_entries WHERE id = old.entry_id)
    ON CONFLICT (paper_id) DO UPDATE SET translation = excluded.translation,
        summary = excluded.summary, note = excluded.note, tags = excluded.tags
    WHERE translation IS NOT excluded.translation OR summary IS NOT excluded.summary
       OR note IS NOT excluded.note OR tags IS NOT excluded.tags;
END;

-- Cascaded deletes of translations may run after their entry is gone: refresh from here too.

CREATE TRIGGER search_entry_delete AFTER DELETE ON digest_entries
BEGIN
    INSERT INTO search_extra (paper_id, translation, summary, note, tags)
    SELECT paper_id, translation, summary, note, tags FROM search_extra_source WHERE paper_id = (old.paper_id)
    ON CONFLICT (paper_id) DO UPDATE SET translation = excluded.translation,
        summary = excluded.summary, note = excluded.note, tags = excluded.tags
    WHERE translation IS NOT excluded.translation OR summary IS NOT excluded.summary
       OR note IS NOT excluded.note OR tags IS NOT excluded.tags;
END;

-- User data: these triggers write to the search index only, never to user tables.

CREATE TRIGGER search_note_insert AFTER INSERT ON user_papers
WHEN new.note IS NOT NULL
BEGIN
    INSERT INTO search_extra (paper_id, translation, summary, note, tags)
    SELECT paper_id, translation, summary, note, tags FROM search_extra_source WHERE paper_id = (SELECT id FROM papers WHERE arxiv_id = new.arxiv_id)
    ON CONFLICT (paper_id) DO UPDATE SET translation = excluded.translation,
        summary = excluded.summary, note = excluded.note, tags = excluded.tags
    WHERE translation IS NOT excluded.translation OR summary IS NOT excluded.summary
       OR note IS NOT excluded.note OR tags IS NOT excluded.tags;
END;

CREATE TRIGGER search_note_update AFTER UPDATE OF note ON user_papers
WHEN old.note IS NOT new.note
BEGIN
    INSERT INTO search_extra (paper_id, translation, summary, note, tags)
    SELECT paper_id, translation, summary, note, tags FROM search_extra_source WHERE paper_id = (SELECT id FROM papers WHERE arxiv_id = new.arxiv_id)
    ON CONFLICT (paper_id) DO UPDATE SET translation = excluded.translation,
        summary = excluded.summary, note = excluded.note, tags = excluded.tags
    WHERE translation IS NOT excluded.translation OR summary IS NOT excluded.summary
       OR note IS NOT excluded.note OR tags IS NOT excluded.tags;
END;

CREATE TRIGGER search_note_delete AFTER DELETE ON user_papers
WHEN old.note IS NOT NULL
BEGIN
    INSERT INTO search_extra (paper_id, translation, summary, note, tags)
    SELECT paper_id, translation, summary, note, tags FROM search_extra_source WHERE paper_id = (SELECT id FROM papers WHERE arxiv_id = old.arxiv_id)
    ON CONFLICT (paper_id) DO UPDATE SET translation = excluded.translation,
        summary = excluded.summary, note = excluded.note, tags = excluded.tags
    WHERE translation IS NOT excluded.translation OR summary IS NOT excluded.summary
       OR note IS NOT excluded.note OR tags IS NOT excluded.tags;
END;

CREATE TRIGGER search_tag_insert AFTER INSERT ON user_tags
BEGIN
    INSERT INTO search_extra (paper_id, translation, summary, note, tags)
    SELECT paper_id, translation, summary, note, tags FROM search_extra_source WHERE paper_id = (SELECT id FROM papers WHERE arxiv_id = new.arxiv_id)
    ON CONFLICT (paper_id) DO UPDATE SET translation = excluded.translation,
        summary = excluded.summary, note = excluded.note, tags = excluded.tags
    WHERE translation IS NOT excluded.translation OR summary IS NOT excluded.summary
       OR note IS NOT excluded.note OR tags IS NOT excluded.tags;
END;

CREATE TRIGGER search_tag_update AFTER UPDATE ON user_tags
BEGIN
    INSERT INTO search_extra (paper_id, translation, summary, note, tags)
    SELECT paper_id, translation, summary, note, tags FROM search_extra_source WHERE paper_id = (SELECT id FROM papers WHERE arxiv_id = old.arxiv_id)
    ON CONFLICT (paper_id) DO UPDATE SET translation = excluded.translation,
        summary = excluded.summary, note = excluded.note, tags = excluded.tags
    WHERE translation IS NOT excluded.translation OR summary IS NOT excluded.summary
       OR note IS NOT excluded.note OR tags IS NOT excluded.tags;
    INSERT INTO search_extra (paper_id, translation, summary, note, tags)
    SELECT paper_id, translation, summary, note, tags FROM search_extra_source WHERE paper_id = (SELECT id FROM papers WHERE arxiv_id = new.arxiv_id)
    ON CONFLICT (paper_id) DO UPDATE SET translation = excluded.translation,
        summary = excluded.summary, note = excluded.note, tags = excluded.tags
    WHERE translation IS NOT excluded.translation OR summary IS NOT excluded.summary
       OR note IS NOT excluded.note OR tags IS NOT excluded.tags;
END;

CREATE TRIGGER search_tag_delete AFTER DELETE ON user_tags
BEGIN
    INSERT INTO search_extra (paper_id, translation, summary, note, tags)
    SELECT paper_id, translation, summary, note, tags FROM search_extra_source WHERE paper_id = (SELECT id FROM papers WHERE arxiv_id = old.arxiv_id)
    ON CONFLICT (paper_id) DO UPDATE SET translation = excluded.translation,
        summary = excluded.summary, note = excluded.note, tags = excluded.tags
    WHERE translation IS NOT excluded.translation OR summary IS NOT excluded.summary
       OR note IS NOT excluded.note OR tags IS NOT excluded.tags;
END;

-- search_fts follows papers and search_extra. 'delete' must be given exactly the values that
-- were indexed: the other side of the view is read from its table, which is unchanged here.

CREATE TRIGGER search_fts_paper_insert AFTER INSERT ON papers
BEGIN
    INSERT INTO search_fts (rowid, title, authors, abstract, translation, summary, note, tags, categories)
    VALUES (new.id, new.title, new.authors, new.abstract, NULL, NULL, NULL, NULL, new.categories);
    INSERT INTO search_extra (paper_id, note, tags)
    SELECT paper_id, note, tags FROM search_extra_source
    WHERE paper_id = new.id AND (note IS NOT NULL OR tags IS NOT NULL);
END;

CREATE TRIGGER search_fts_paper_update AFTER UPDATE OF title, authors, abstract, categories ON papers
WHEN old.title IS NOT new.title OR old.authors IS NOT new.authors OR old.abstract IS NOT new.abstract
     OR old.categories IS NOT new.categories
BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT 'delete', old.id, old.title, old.authors, old.abstract, x.translation, x.summary, x.note, x.tags, old.categories
    FROM (SELECT 1) LEFT JOIN search_extra x ON x.paper_id = old.id;
    INSERT INTO search_fts (rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT new.id, new.title, new.authors, new.abstract, x.translation, x.summary, x.note, x.tags, new.categories
    FROM (SELECT 1) LEFT JOIN search_extra x ON x.paper_id = new.id;
END;

CREATE TRIGGER search_fts_paper_delete AFTER DELETE ON papers
BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT 'delete', old.id, old.title, old.authors, old.abstract, x.translation, x.summary, x.note, x.tags, old.categories
    FROM (SELECT 1) LEFT JOIN search_extra x ON x.paper_id = old.id;
    DELETE FROM search_extra WHERE paper_id = old.id;
END;

-- A search_extra row whose paper is gone has no search_fts row: the joins below find nothing.

CREATE TRIGGER search_fts_extra_insert AFTER INSERT ON search_extra
BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT 'delete', p.id, p.title, p.authors, p.abstract, NULL, NULL, NULL, NULL, p.categories
    FROM papers p WHERE p.id = new.paper_id;
    INSERT INTO search_fts (rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT p.id, p.title, p.authors, p.abstract, new.translation, new.summary, new.note, new.tags, p.categories FROM papers p WHERE p.id = new.paper_id;
END;

CREATE TRIGGER search_fts_extra_update AFTER UPDATE ON search_extra
BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT 'delete', p.id, p.title, p.authors, p.abstract, old.translation, old.summary, old.note, old.tags, p.categories FROM papers p WHERE p.id = old.paper_id;
    INSERT INTO search_fts (rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT p.id, p.title, p.authors, p.abstract, new.translation, new.summary, new.note, new.tags, p.categories FROM papers p WHERE p.id = new.paper_id;
END;

CREATE TRIGGER search_fts_extra_delete AFTER DELETE ON search_extra
BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT 'delete', p.id, p.title, p.authors, p.abstract, old.translation, old.summary, old.note, old.tags, p.categories FROM papers p WHERE p.id = old.paper_id;
    INSERT INTO search_fts (rowid, title, authors, abstract, translation, summary, note, tags, categories)
    SELECT p.id, p.title, p.authors, p.abstract, NULL, NULL, NULL, NULL, p.categories
    FROM papers p WHERE p.id = old.paper_id;
END;

