#pragma once

// The plan of a search as SQL, for a caller that groups the matches itself (search/trends.h).
// Defined in searcher.cpp, beside the plans it reuses.

#include "search/search_query.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

namespace paperboy {

struct SearchResult; // searcher.h

// One SELECT of the papers.id matching `query` without its after: and before:, in no order,
// with its bindings: the plan search counts with, so a caller can test each match's date
// itself and group the matches in SQL. False on a store error (in `result`).
bool searchIdsSql(const QSqlDatabase &db, const SearchQuery &query, QString *sql,
                  QVariantList *bindings, SearchResult &result);

} // namespace paperboy
