-- Paperboy schema version 6: the CJK rewrite of search_extra_source (version 3) no longer
-- copies the whole text for every character it looks at.
--
-- SQLite flattened each chunk subquery ("substr(src.t, k.n * 64 - 63, 65) AS chunk") into
-- the join with the 64 character positions, so every character re-evaluated substr() over
-- the full text: quadratic in its length. A 16,000-character Chinese note took 1.5 s to save,
-- a 64,000-character abstract 30 s, holding the write lock all along, so other processes'
-- stars and notes failed with "database is locked". A subquery with LIMIT is never
-- flattened into a join: each chunk is now cut once. The view gives the same text as before
-- (the index does not change) and is recreated here exactly as in version 3 otherwise.

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
