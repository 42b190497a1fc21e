#pragma once

// Runs a SearchQuery against one connection (use it on that connection's thread, e.g. inside
// a StoreThread job; StoreThread::interrupt() cancels a running search, which then reports
// `interrupted`).
//
// Plans, chosen per query so common words stay fast on a large cache:
//   text, no selective user filter  -> search_fts MATCH ... ORDER BY rowid DESC LIMIT n: FTS5
//                                      walks its doclists newest first and stops after n rows.
//                                      One CJK character is a one-character prefix query,
//                                      served by the prefix index of migration 007.
//   text with is:starred, is:read, tag:, has:note, has:tag -> by the user set's size: up to
//                                      1000 papers each probed against the index by rowid;
//                                      else the index walked newest first with the set either
//                                      turned into paper ids once (mid-sized sets, relevance)
//                                      or tested per row (sets large enough that the walk is
//                                      short). See DriverUse in searcher.cpp.
//   only excluded text               -> papers newest first in growing windows of ids, each
//                                      against the index's matches in that window.
//   no text                          -> papers by id, newest first, filters per row.
// "Newest first" is papers.id descending: ids grow with import order, which follows
// announcement order for daily use. Relevance (bm25) ranks every match, so it costs time
// proportional to the number of matches (~0.8 us each: 0.4 s for a word in half of a million
// papers).

#include "core/paper.h"
#include "search/search_query.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace paperboy {

class Store;

enum class SearchSort
{
    Newest,
    Relevance
};

struct SearchOptions
{
    SearchSort sort = SearchSort::Newest;
    int limit = 200; // <= 0: no limit
    int offset = 0;
    bool withTotal = false; // also count every match (costs a full pass over the matches)
    // Only papers with papers.id >= this: the papers an import added, for its rules.
    qint64 minPaperId = 0;
    // Plain words also match the text of kept PDFs (search/pdf_text_search.h).
    bool withPdfText = true;
};

struct SearchResult
{
    QList<qint64> paperIds; // papers.id, in result order
    int total = -1;         // set when SearchOptions::withTotal
    bool ok = true;
    bool interrupted = false;
    QString error;
};

class Searcher
{
public:
    explicit Searcher(const QSqlDatabase &db) : m_db(db) {}
    explicit Searcher(Store &store);

    SearchResult search(const SearchQuery &query, const SearchOptions &options = {}) const;
    // Number of matches; -1 on error.
    int count(const SearchQuery &query) const;

    // Search and load the papers as the list shows them, in result order.
    QList<PaperView> searchViews(Store &store, const SearchQuery &query,
                                 const SearchOptions &options,
                                 SearchResult *result = nullptr) const;

private:
    QSqlDatabase m_db;
};

} // namespace paperboy
