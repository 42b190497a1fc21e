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

// What runQuery() reports into.
struct Status
{
    bool ok = true;
    QString error;
    bool interrupted = false;
};

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
        Status status;
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
