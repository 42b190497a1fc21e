#pragma once

// Search inside the reader's kept PDFs (issue #21): the text of their pages lives in pdf_text
// (migration 015). `fulltext:WORD` restricts a search to it; plain words match it too, beside
// the other fields: a paper matches when its metadata matches (search_fts) or when its PDF
// holds every plain word (with the query's other conditions either way). Results can say on
// which pages the words are.

#include "search/search_query.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace paperboy {

class Database;

// fulltext: terms as conditions on a paper `p`, for searcher.cpp's plans: the first positive
// one becomes the plan's driver when it has none (a set as small as the kept PDFs), the
// others and the excluded ones conditions in `where`.
void addFullTextFilters(const SearchQuery &query, QString &driver, QString &driverPerRow,
                        QVariantList &driverBindings, QStringList &where,
                        QVariantList &whereBindings);

// The query's positive plain words as fulltext: terms, everything else as it is; nullopt when
// it has no positive plain word. Searcher::search answers a query with plain words by the
// papers of both (see SearchOptions::withPdfText).
std::optional<SearchQuery> pdfTextQuery(const SearchQuery &query);

// For each paper of `arxivIds` whose PDF text holds the query's words (plain and fulltext:),
// the pages (1-based, ascending) holding all of them, else those holding any. Papers without
// such a page are absent.
QHash<QString, QList<int>> pdfMatchPages(const Database &database, const SearchQuery &query,
                                         const QStringList &arxivIds);

} // namespace paperboy
