#include "search/pdf_text_search.h"

#include "search/query_run.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace paperboy {

namespace {

const QString kPdfColumns = QStringLiteral("text");

QString pdfExpression(SearchTerm term)
{
    term.field = SearchTerm::Field::FullText;
    return ftsTermExpression(term, kPdfColumns);
}

const QString kPdfMatches = QStringLiteral("SELECT arxiv_id FROM pdf_text WHERE pdf_text MATCH ?");

} // namespace

void addFullTextFilters(const SearchQuery &query, QString &driver, QString &driverPerRow,
                        QVariantList &driverBindings, QStringList &where,
                        QVariantList &whereBindings)
{
    for (const SearchTerm &term : query.terms) {
        if (term.field != SearchTerm::Field::FullText)
            continue;
        const QString expression = pdfExpression(term);
        if (expression.isEmpty())
            continue;
        if (term.excluded) {
            where.append(QStringLiteral("p.arxiv_id NOT IN (%1)").arg(kPdfMatches));
            whereBindings.append(expression);
        } else if (driver.isEmpty()) {
            driver =
                QStringLiteral("SELECT DISTINCT arxiv_id FROM pdf_text WHERE pdf_text MATCH ?");
            driverPerRow = QStringLiteral("p.arxiv_id IN (%1)").arg(kPdfMatches);
            driverBindings.append(expression);
        } else {
            where.append(QStringLiteral("p.arxiv_id IN (%1)").arg(kPdfMatches));
            whereBindings.append(expression);
        }
    }
}

std::optional<SearchQuery> pdfTextQuery(const SearchQuery &query)
{
    SearchQuery inPdf = query;
    bool converted = false;
    for (SearchTerm &term : inPdf.terms) {
        if (term.field == SearchTerm::Field::Any && !term.excluded) {
            term.field = SearchTerm::Field::FullText;
            converted = true;
        }
    }
    if (!converted)
        return std::nullopt;
    return inPdf;
}

std::optional<SearchResult> searchWithPdfText(const Searcher &searcher, const QSqlDatabase &db,
                                              const SearchQuery &query,
                                              const SearchOptions &options)
{
    const std::optional<SearchQuery> inPdf = pdfTextQuery(query);
    if (!inPdf)
        return std::nullopt;
    {
        // Most libraries keep few PDFs or none: one cheap look saves the second search.
        QSqlQuery any(db);
        if (!any.exec(QStringLiteral("SELECT 1 FROM pdf_text LIMIT 1")) || !any.next())
            return std::nullopt;
    }
    SearchOptions plain = options;
    plain.withPdfText = false;
    SearchOptions every = plain;
    every.limit = 0;
    every.offset = 0;
    every.withTotal = false;
    every.sort = SearchSort::Newest;
    const SearchResult pdfMatches = searcher.search(*inPdf, every);
    if (!pdfMatches.ok)
        return pdfMatches;
    if (pdfMatches.paperIds.isEmpty())
        return std::nullopt;

    // Newest first, a page needs only the plain search's first offset + limit papers: any
    // paper of the union's first ones is among them or among the PDF matches. Relevance and
    // totals need all of the plain search's.
    const int offset = std::max(0, options.offset);
    const bool needAll =
        options.withTotal || options.sort == SearchSort::Relevance || options.limit <= 0;
    SearchOptions first = plain;
    first.offset = 0;
    first.withTotal = false;
    first.limit = needAll ? 0 : offset + options.limit;
    SearchResult result = searcher.search(query, first);
    if (!result.ok)
        return result;
    QList<qint64> merged;
    if (options.sort == SearchSort::Relevance) {
        const QSet<qint64> seen(result.paperIds.cbegin(), result.paperIds.cend());
        merged = result.paperIds;
        for (const qint64 id : pdfMatches.paperIds)
            if (!seen.contains(id))
                merged.append(id);
    } else {
        // Both lists are newest first (papers.id descending): merge, once each.
        const QList<qint64> &a = result.paperIds;
        const QList<qint64> &b = pdfMatches.paperIds;
        qsizetype i = 0;
        qsizetype j = 0;
        while (i < a.size() || j < b.size()) {
            qint64 next;
            if (j >= b.size() || (i < a.size() && a.at(i) > b.at(j)))
                next = a.at(i++);
            else if (i >= a.size() || b.at(j) > a.at(i))
                next = b.at(j++);
            else {
                next = a.at(i++);
                ++j;
            }
            merged.append(next);
        }
    }
    if (options.withTotal)
        result.total = int(merged.size());
    result.paperIds = merged.mid(offset, options.limit > 0 ? options.limit : -1);
    return result;
}

QHash<QString, QList<int>> pdfMatchPages(const Database &database, const SearchQuery &query,
                                         const QStringList &arxivIds)
{
    const QSqlDatabase db = database.connection();
    QHash<QString, QList<int>> pages;
    QStringList expressions;
    for (const SearchTerm &term : query.terms)
        if (!term.excluded &&
            (term.field == SearchTerm::Field::Any || term.field == SearchTerm::Field::FullText))
            if (const QString e = pdfExpression(term); !e.isEmpty())
                expressions.append(e);
    if (expressions.isEmpty() || arxivIds.isEmpty())
        return pages;
    const QString ids = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(arxivIds)).toJson(QJsonDocument::Compact));
    // Per paper, the pages each word is on.
    QHash<QString, QList<QSet<int>>> perTerm;
    for (qsizetype t = 0; t < expressions.size(); ++t) {
        QSqlQuery q(db);
        SearchResult status;
        if (!runQuery(q,
                      QStringLiteral("SELECT arxiv_id, page FROM pdf_text WHERE pdf_text MATCH ?"
                                     " AND arxiv_id IN (SELECT value FROM json_each(?))"),
                      {expressions.at(t), ids}, status))
            return {};
        while (q.next()) {
            QList<QSet<int>> &sets = perTerm[q.value(0).toString()];
            sets.resize(expressions.size());
            sets[t].insert(q.value(1).toInt());
        }
    }
    for (auto it = perTerm.cbegin(); it != perTerm.cend(); ++it) {
        QSet<int> all = it.value().constFirst();
        QSet<int> any;
        for (const QSet<int> &set : it.value()) {
            all &= set;
            any |= set;
        }
        QList<int> list = all.isEmpty() ? any.values() : all.values();
        std::sort(list.begin(), list.end());
        if (!list.isEmpty())
            pages.insert(it.key(), list);
    }
    return pages;
}

} // namespace paperboy
