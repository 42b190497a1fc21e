-- Paperboy schema version 7: search_fts gains an FTS5 prefix index of one character; papers a
-- narrow index from id to arXiv id; user_papers a partial index of the noted papers.
--
-- A query of one CJK character ("检") is the prefix query "检"* (see 003_search.sql): it must
-- find every bigram that starts with the character. Without a prefix index FTS5 reads the
-- doclist of each such term and merges them all into one before it can return the first row
-- newest first: 114 terms and 700,000 postings for "检" at a million papers, 0.1-0.3 s. With
-- prefix = '1' FTS5 also stores, per token, an entry under its first character, so the same
-- query reads one doclist and stops after the first page. FTS5 counts prefix lengths in
-- characters, not bytes (sqlite3Fts5IndexCharlenToBytelen), so '1' covers a CJK character
-- (3 UTF-8 bytes) as well as a Latin letter ("a*" gets faster too).
--
-- The price is index size (about 40 % more for English text, whose every token also enters
-- the prefix index) and a rebuild: FTS5 takes the prefix option only when the table is
-- created. The table is recreated with the same columns, content and tokenizer, so every
-- query matches exactly what it matched before; the triggers and the store's deferred
-- indexing write to it by name and need no change. Only the search index and the new indexes
-- are written here: the rebuild reads papers and search_extra through search_content, and the
-- user tables' contents are only read (to build an index), never written.

DROP TABLE search_fts;

CREATE VIRTUAL TABLE search_fts USING fts5(
    title, authors, abstract, translation, summary, note, tags, categories,
    content = 'search_content', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1');

INSERT INTO search_fts (search_fts) VALUES ('rebuild');

-- Each paper's arXiv id by papers.id without reading the paper's wide row (title, authors,
-- abstract): a text search filtered by a large user set (is:starred) tests every row of its
-- walk through the index against the user table, and reading the wide row for that made
-- "is:starred learning" 30-40 ms instead of 8 ms at a million papers (app/search/searcher.cpp).
CREATE INDEX papers_id_arxiv ON papers(id, arxiv_id);

-- The noted papers without reading every user row's note: has:note with text counts and
-- collects this set for each search (two scans of all user rows, ~10 ms of 30 ms at a million
-- papers). Like user_papers_starred (version 1) it indexes user_papers; its contents are only
-- read.
CREATE INDEX user_papers_noted ON user_papers(arxiv_id) WHERE note IS NOT NULL AND note <> '';
