#pragma once

// Migration 005's deferred search indexing: while search_deferral has its row, the index
// triggers only note in search_pending which papers changed; kIndexPending then indexes them
// in one statement and ends the deferral. Used by the store's writers within a transaction.

namespace paperboy {

// Ends a deferring transaction (migration 005): removes what the index held for changed
// papers, indexes them as they are now, in rowid order, and drops the mark.
inline constexpr char kIndexPending[] =
    "INSERT INTO search_fts (search_fts, rowid, title, authors, abstract, translation, summary,"
    " note, tags, categories) SELECT 'delete', paper_id, title, authors, abstract, translation,"
    " summary, note, tags, categories FROM search_pending WHERE indexed = 1;"
    "INSERT INTO search_fts (rowid, title, authors, abstract, translation, summary, note, tags,"
    " categories) SELECT c.id, c.title, c.authors, c.abstract, c.translation, c.summary, c.note,"
    " c.tags, c.categories FROM search_pending s JOIN search_content c ON c.id = s.paper_id"
    " ORDER BY s.paper_id;"
    "DELETE FROM search_pending; DELETE FROM search_deferral;";

} // namespace paperboy
