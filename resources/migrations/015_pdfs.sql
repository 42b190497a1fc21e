-- Paperboy schema version 15: PDFs kept offline and searchable (issue #21).
--
-- user_pdfs is user data: the reader chose to keep a paper's PDF (`paperboy pdf`, `p` in the
-- window, or the Preferences' automatic download for starred papers, all the reader's own
-- choices). Written only by those actions, by removing a PDF and by restores; never by
-- imports, fetches or migrations. The file itself lives in the data folder's pdfs/ folder
-- under `file_name`; backups list the rows (format version 7) but never carry the files.
--
-- pdf_text is derived data: the text of each page as Poppler extracted it, CJK runs rewritten
-- as bigrams like search_fts (migration 003), so `fulltext:` and plain words find text inside
-- the PDF and can say on which page. It can be rebuilt from the files at any time and is not
-- in backups. Rows go with their user_pdfs row (the trigger below), so removing a PDF removes
-- its text in the same transaction whoever removes it.
CREATE TABLE user_pdfs (
    arxiv_id  TEXT PRIMARY KEY,
    file_name TEXT NOT NULL,          -- inside <data folder>/pdfs/
    pages     INTEGER,                -- NULL until the text was extracted
    bytes     INTEGER NOT NULL,
    added_at  TEXT NOT NULL           -- ISO 8601 UTC
);

CREATE VIRTUAL TABLE pdf_text USING fts5(
    arxiv_id UNINDEXED,
    page UNINDEXED,                   -- 1-based
    text,
    tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER user_pdfs_delete_text AFTER DELETE ON user_pdfs
BEGIN
    DELETE FROM pdf_text WHERE arxiv_id = old.arxiv_id;
END;
