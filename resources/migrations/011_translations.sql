-- Paperboy schema version 11: every paper in both languages (issue #17).
--
-- 1. machine_translations: titles and abstracts a translation service wrote. Derived data
--    of the cache (like entry_translations), one row per paper and language, with where it
--    came from: the provider, the model, when, and a SHA-256 of the English it was made from
--    (app/translate/translation_hash.h). A trigger marks a row stale when the paper's English
--    title or abstract changes (a new version); the translator then compares the hash and
--    translates again or clears the mark.
--
-- 2. user_translations: the user's own Chinese (or other) title and abstract. USER DATA:
--    keyed by arXiv id with no foreign key into the cache, written only by the user (and
--    restore), never by imports, fetches, the translator or migrations; in backups.
--    Shown with this precedence, field by field: a digest's human translation, then the
--    user's, then a machine translation (core/paper.h, shownTranslation()).
--
-- 3. enrich_queue: papers that arrived without English abstract or categories (a Chinese
--    digest, Hugging Face) and wait for the arXiv API to complete them. Triggers add a paper
--    when it arrives incomplete and remove it once complete; the enricher removes ids arXiv
--    keeps not knowing (`misses`). Replaces a scan of every paper after each import.
--
-- 4. Search: search_extra_source (versions 3 and 6) also indexes machine and user
--    translations in its `translation` column, kept in step by triggers like the digest's.
--    A paper that arrives after the user translated it (restored from a backup) is indexed
--    with that translation at once.

CREATE TABLE machine_translations (
    paper_id    INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    language    TEXT NOT NULL,              -- 'zh' (Simplified), 'zh-Hant', 'ja', ...
    title       TEXT,
    abstract    TEXT,
    provider    TEXT NOT NULL,              -- 'deepl', 'openai', 'libretranslate'
    model       TEXT,                       -- the chat model; NULL where the service has none
    created     TEXT NOT NULL,              -- UTC ISO 8601 with ms
    source_hash TEXT NOT NULL,              -- of the English title and abstract translated
    stale       INTEGER NOT NULL DEFAULT 0, -- 1: the English changed since
    PRIMARY KEY (paper_id, language)
);

CREATE TRIGGER machine_translations_stale AFTER UPDATE OF title, abstract ON papers
WHEN old.title IS NOT new.title OR old.abstract IS NOT new.abstract
BEGIN
    UPDATE machine_translations SET stale = 1 WHERE paper_id = new.id AND stale = 0;
END;

CREATE TABLE user_translations (
    arxiv_id TEXT NOT NULL,
    language TEXT NOT NULL,
    title    TEXT,
    abstract TEXT,
    changed  TEXT NOT NULL,                 -- UTC ISO 8601 with ms
    PRIMARY KEY (arxiv_id, language)
) WITHOUT ROWID;

-- Keyed by papers.id, so the oldest papers are asked for first and a queued paper costs a
-- few bytes (a digest of thousands of papers queues them all).
CREATE TABLE enrich_queue (
    paper_id INTEGER PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
    misses   INTEGER NOT NULL DEFAULT 0     -- arXiv answers that did not include the paper
);

INSERT INTO enrich_queue (paper_id)
SELECT id FROM papers WHERE coalesce(abstract, '') = '' OR coalesce(categories, '') = '';

-- Inserts test for an existing row rather than saying OR IGNORE: the papers upsert firing
-- these would impose its own conflict policy (see 005_scale.sql).
CREATE TRIGGER enrich_queue_paper_insert AFTER INSERT ON papers
WHEN coalesce(new.abstract, '') = '' OR coalesce(new.categories, '') = ''
BEGIN
    INSERT INTO enrich_queue (paper_id) SELECT new.id
    WHERE NOT EXISTS (SELECT 1 FROM enrich_queue WHERE paper_id = new.id);
END;

CREATE TRIGGER enrich_queue_paper_update AFTER UPDATE OF abstract, categories ON papers
WHEN coalesce(new.abstract, '') <> '' AND coalesce(new.categories, '') <> ''
     AND (coalesce(old.abstract, '') = '' OR coalesce(old.categories, '') = '')
BEGIN
    DELETE FROM enrich_queue WHERE paper_id = new.id;
END;

-- 4. Search.

DROP VIEW search_extra_source;

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
                            FROM search_seq k WHERE k.n <= (length(src.t) + 63) / 64 LIMIT 2048) c
                      JOIN search_seq j ON j.n <= min(64, length(c.chunk))
                      ORDER BY c.k, j.n)))
          ELSE src.t END
        FROM (SELECT (SELECT group_concat(DISTINCT piece) FROM (
                      SELECT coalesce(tr.title, '') || ' ' || coalesce(tr.abstract, '') AS piece
                      FROM digest_entries e JOIN entry_translations tr ON tr.entry_id = e.id
                      WHERE e.paper_id = p.id
                      UNION ALL
                      SELECT coalesce(ut.title, '') || ' ' || coalesce(ut.abstract, '')
                      FROM user_translations ut WHERE ut.arxiv_id = p.arxiv_id
                      UNION ALL
                      SELECT coalesce(mt.title, '') || ' ' || coalesce(mt.abstract, '')
                      FROM machine_translations mt WHERE mt.paper_id = p.id)) AS t LIMIT 1) src) AS translation,
       (SELECT CASE WHEN src.t GLOB '*[぀-鿿가-힯豈-﫿𠀀-𯿿]*' THEN (
            SELECT group_concat(piece, '') FROM (
                SELECT CASE WHEN (u BETWEEN 12352 AND 40959 OR u BETWEEN 44032 AND 55215 OR u BETWEEN 63744 AND 64255 OR u BETWEEN 131072 AND 196607)
                            THEN ' ' || ch || CASE WHEN (un BETWEEN 12352 AND 40959 OR un BETWEEN 44032 AND 55215 OR un BETWEEN 63744 AND 64255 OR un BETWEEN 131072 AND 196607) THEN chn ELSE '' END || ' '
                            ELSE ch END AS piece
                FROM (SELECT substr(c.chunk, j.n, 1) AS ch, substr(c.chunk, j.n + 1, 1) AS chn,
                             unicode(substr(c.chunk, j.n, 1)) AS u,
                             unicode(substr(c.chunk, j.n + 1, 1)) AS un
                      FROM (SELECT k.n AS k, substr(src.t, k.n * 64 - 63, 65) AS chunk
                            FROM search_seq k WHERE k.n <= (length(src.t) + 63) / 64 LIMIT 2048) c
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
                            FROM search_seq k WHERE k.n <= (length(src.t) + 63) / 64 LIMIT 2048) c
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
                            FROM search_seq k WHERE k.n <= (length(src.t) + 63) / 64 LIMIT 2048) c
                      JOIN search_seq j ON j.n <= min(64, length(c.chunk))
                      ORDER BY c.k, j.n)))
          ELSE src.t END
        FROM (SELECT (SELECT group_concat(tag, ', ') FROM user_tags WHERE arxiv_id = p.arxiv_id) AS t LIMIT 1) src) AS tags
FROM papers p;

CREATE TRIGGER search_machine_translation_insert AFTER INSERT ON machine_translations
BEGIN
    INSERT INTO search_extra (paper_id, translation, summary, note, tags)
    SELECT paper_id, translation, summary, note, tags FROM search_extra_source WHERE paper_id = new.paper_id
    ON CONFLICT (paper_id) DO UPDATE SET translation = excluded.translation,
        summary = excluded.summary, note = excluded.note, tags = excluded.tags
    WHERE translation IS NOT excluded.translation OR summary IS NOT excluded.summary
       OR note IS NOT excluded.note OR tags IS NOT excluded.tags;
END;

CREATE TRIGGER search_machine_translation_update AFTER UPDATE OF title, abstract ON machine_translations
WHEN old.title IS NOT new.title OR old.abstract IS NOT new.abstract
BEGIN
    INSERT INTO search_extra (paper_id, translation, summary, note, tags)
    SELECT paper_id, translation, summary, note, tags FROM search_extra_source WHERE paper_id = new.paper_id
    ON CONFLICT (paper_id) DO UPDATE SET translation = excluded.translation,
        summary = excluded.summary, note = excluded.note, tags = excluded.tags
    WHERE translation IS NOT excluded.translation OR summary IS NOT excluded.summary
       OR note IS NOT excluded.note OR tags IS NOT excluded.tags;
END;

CREATE TRIGGER search_machine_translation_delete AFTER DELETE ON machine_translations
BEGIN
    INSERT INTO search_extra (paper_id, translation, summary, note, tags)
    SELECT paper_id, translation, summary, note, tags FROM search_extra_source WHERE paper_id = old.paper_id
    ON CONFLICT (paper_id) DO UPDATE SET translation = excluded.translation,
        summary = excluded.summary, note = excluded.note, tags = excluded.tags
    WHERE translation IS NOT excluded.translation OR summary IS NOT excluded.summary
       OR note IS NOT excluded.note OR tags IS NOT excluded.tags;
END;

-- User data: these triggers write to the search index only, never to user tables.

CREATE TRIGGER search_user_translation_insert AFTER INSERT ON user_translations
BEGIN
    INSERT INTO search_extra (paper_id, translation, summary, note, tags)
    SELECT paper_id, translation, summary, note, tags FROM search_extra_source WHERE paper_id = (SELECT id FROM papers WHERE arxiv_id = new.arxiv_id)
    ON CONFLICT (paper_id) DO UPDATE SET translation = excluded.translation,
        summary = excluded.summary, note = excluded.note, tags = excluded.tags
    WHERE translation IS NOT excluded.translation OR summary IS NOT excluded.summary
       OR note IS NOT excluded.note OR tags IS NOT excluded.tags;
END;

CREATE TRIGGER search_user_translation_update AFTER UPDATE ON user_translations
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

CREATE TRIGGER search_user_translation_delete AFTER DELETE ON user_translations
BEGIN
    INSERT INTO search_extra (paper_id, translation, summary, note, tags)
    SELECT paper_id, translation, summary, note, tags FROM search_extra_source WHERE paper_id = (SELECT id FROM papers WHERE arxiv_id = old.arxiv_id)
    ON CONFLICT (paper_id) DO UPDATE SET translation = excluded.translation,
        summary = excluded.summary, note = excluded.note, tags = excluded.tags
    WHERE translation IS NOT excluded.translation OR summary IS NOT excluded.summary
       OR note IS NOT excluded.note OR tags IS NOT excluded.tags;
END;

-- A new paper is indexed with the user's translation as with their note and tags (version 5
-- triggers, recreated with the third source).

DROP TRIGGER search_fts_paper_insert;
DROP TRIGGER search_fts_paper_insert_deferred;

CREATE TRIGGER search_fts_paper_insert AFTER INSERT ON papers
WHEN NOT EXISTS (SELECT 1 FROM search_deferral)
BEGIN
    INSERT INTO search_fts (rowid, title, authors, abstract, translation, summary, note, tags, categories)
    VALUES (new.id, new.title, new.authors, new.abstract, NULL, NULL, NULL, NULL, new.categories);
    INSERT INTO search_extra (paper_id, translation, note, tags)
    SELECT paper_id, translation, note, tags FROM search_extra_source
    WHERE paper_id = new.id AND (translation IS NOT NULL OR note IS NOT NULL OR tags IS NOT NULL)
      AND (EXISTS (SELECT 1 FROM user_papers WHERE arxiv_id = new.arxiv_id AND note IS NOT NULL)
           OR EXISTS (SELECT 1 FROM user_tags WHERE arxiv_id = new.arxiv_id)
           OR EXISTS (SELECT 1 FROM user_translations WHERE arxiv_id = new.arxiv_id));
END;

CREATE TRIGGER search_fts_paper_insert_deferred AFTER INSERT ON papers
WHEN EXISTS (SELECT 1 FROM search_deferral)
BEGIN
    INSERT INTO search_pending (paper_id, indexed) SELECT new.id, 0
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE paper_id = new.id);
    INSERT INTO search_extra (paper_id, translation, note, tags)
    SELECT paper_id, translation, note, tags FROM search_extra_source
    WHERE paper_id = new.id AND (translation IS NOT NULL OR note IS NOT NULL OR tags IS NOT NULL)
      AND (EXISTS (SELECT 1 FROM user_papers WHERE arxiv_id = new.arxiv_id AND note IS NOT NULL)
           OR EXISTS (SELECT 1 FROM user_tags WHERE arxiv_id = new.arxiv_id)
           OR EXISTS (SELECT 1 FROM user_translations WHERE arxiv_id = new.arxiv_id));
END;
