-- Paperboy schema version 1.
-- Cached metadata (papers, digests, entries, translations) is rebuilt freely from sources.
-- User data (user_papers, user_tags, saved_searches) is keyed by arXiv id, has no foreign key
-- into the cache, and is never written by imports, fetches or migrations.

CREATE TABLE papers (
    id               INTEGER PRIMARY KEY,
    arxiv_id         TEXT NOT NULL UNIQUE,
    version          INTEGER NOT NULL DEFAULT 0,
    title            TEXT,
    authors          TEXT,              -- names in order, separated by U+001F
    abstract         TEXT,
    categories       TEXT,              -- space separated, primary first
    primary_category TEXT,
    comment          TEXT,
    journal_ref      TEXT,
    doi              TEXT,
    published        TEXT,              -- YYYY-MM-DD of the first version
    updated          TEXT,              -- YYYY-MM-DD of the latest version
    code_url         TEXT,
    code_url_source  TEXT,
    project_url      TEXT,
    code_stars       INTEGER,
    metadata_rank    INTEGER NOT NULL DEFAULT 0 -- 1 when an arXiv source wrote the English fields
);
CREATE INDEX papers_by_published ON papers(published);

CREATE TABLE digests (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL,          -- YYYY-MM-DD
    source      TEXT NOT NULL,
    category    TEXT NOT NULL DEFAULT '',
    title       TEXT,
    same_as     TEXT,                   -- date of an earlier digest this one repeats
    entry_count INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL,
    UNIQUE (date, source, category)
);

CREATE TABLE digest_entries (
    id               INTEGER PRIMARY KEY,
    digest_id        INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
    paper_id         INTEGER NOT NULL REFERENCES papers(id),
    position         INTEGER NOT NULL,
    announce_type    TEXT,
    code_url         TEXT,              -- as the digest gave it
    code_url_warning TEXT,
    upvotes          INTEGER,
    organisation     TEXT,
    UNIQUE (digest_id, paper_id)
);
CREATE INDEX digest_entries_by_digest ON digest_entries(digest_id, position);
CREATE INDEX digest_entries_by_paper ON digest_entries(paper_id);

-- What a digest said in another language, one row per entry and language.
CREATE TABLE entry_translations (
    id       INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES digest_entries(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    title    TEXT,
    abstract TEXT,
    UNIQUE (entry_id, language)
);

CREATE TABLE entry_ai_summaries (
    entry_id   INTEGER PRIMARY KEY REFERENCES digest_entries(id) ON DELETE CASCADE,
    language   TEXT,
    tldr       TEXT,
    motivation TEXT,
    method     TEXT,
    result     TEXT,
    conclusion TEXT,
    keywords   TEXT                     -- separated by U+001F
);

-- User data.
CREATE TABLE user_papers (
    arxiv_id        TEXT PRIMARY KEY,
    starred         INTEGER NOT NULL DEFAULT 0,
    starred_changed TEXT,
    read            INTEGER NOT NULL DEFAULT 0,
    read_changed    TEXT,
    note            TEXT,
    note_changed    TEXT
) WITHOUT ROWID;
CREATE INDEX user_papers_starred ON user_papers(arxiv_id) WHERE starred = 1;

CREATE TABLE user_tags (
    arxiv_id TEXT NOT NULL,
    tag      TEXT NOT NULL,
    added    TEXT NOT NULL,
    PRIMARY KEY (arxiv_id, tag)
) WITHOUT ROWID;
CREATE INDEX user_tags_by_tag ON user_tags(tag);

CREATE TABLE saved_searches (
    name    TEXT PRIMARY KEY,
    query   TEXT NOT NULL,
    created TEXT NOT NULL
);

-- Full-text index over the English metadata; kept in step by triggers.
CREATE VIRTUAL TABLE papers_fts USING fts5(
    title, authors, abstract,
    content = 'papers', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER papers_fts_insert AFTER INSERT ON papers BEGIN
    INSERT INTO papers_fts(rowid, title, authors, abstract)
    VALUES (new.id, new.title, new.authors, new.abstract);
END;
CREATE TRIGGER papers_fts_delete AFTER DELETE ON papers BEGIN
    INSERT INTO papers_fts(papers_fts, rowid, title, authors, abstract)
    VALUES ('delete', old.id, old.title, old.authors, old.abstract);
END;
CREATE TRIGGER papers_fts_update AFTER UPDATE OF title, authors, abstract ON papers
WHEN old.title IS NOT new.title OR old.authors IS NOT new.authors OR old.abstract IS NOT new.abstract
BEGIN
    INSERT INTO papers_fts(papers_fts, rowid, title, authors, abstract)
    VALUES ('delete', old.id, old.title, old.authors, old.abstract);
    INSERT INTO papers_fts(rowid, title, authors, abstract)
    VALUES (new.id, new.title, new.authors, new.abstract);
END;

-- Translated titles and abstracts are Chinese more often than not: a trigram index finds
-- substrings in text without spaces.
CREATE VIRTUAL TABLE translations_fts USING fts5(
    title, abstract,
    content = 'entry_translations', content_rowid = 'id',
    tokenize = 'trigram');

CREATE TRIGGER translations_fts_insert AFTER INSERT ON entry_translations BEGIN
    INSERT INTO translations_fts(rowid, title, abstract) VALUES (new.id, new.title, new.abstract);
END;
CREATE TRIGGER translations_fts_delete AFTER DELETE ON entry_translations BEGIN
    INSERT INTO translations_fts(translations_fts, rowid, title, abstract)
    VALUES ('delete', old.id, old.title, old.abstract);
END;
CREATE TRIGGER translations_fts_update AFTER UPDATE ON entry_translations
WHEN old.title IS NOT new.title OR old.abstract IS NOT new.abstract
BEGIN
    INSERT INTO translations_fts(translations_fts, rowid, title, abstract)
    VALUES ('delete', old.id, old.title, old.abstract);
    INSERT INTO translations_fts(rowid, title, abstract) VALUES (new.id, new.title, new.abstract);
END;
