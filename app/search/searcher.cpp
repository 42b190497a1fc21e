#include "searcher.h"

#include "store/store.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace paperboy {

namespace {

const QString kAnyColumns =
    QStringLiteral("{title authors abstract translation summary note tags}");

// Column weights for bm25, in search_fts column order: a title hit outranks an abstract hit.
const char kRank[] = "bm25(search_fts, 10.0, 4.0, 1.0, 3.0, 1.0, 3.0, 4.0, 0.0)";

// The day a paper reached the reader: its first digest, else its arXiv submission date.
const char kPaperDate[] = "coalesce((SELECT min(d.date) FROM digest_entries e JOIN digests d"
                          " ON d.id = e.digest_id WHERE e.paper_id = p.id), p.published)";

QString columnsFor(SearchTerm::Field field)
{
    switch (field) {
    case SearchTerm::Field::Author:
        return QStringLiteral("authors");
    case SearchTerm::Field::Category:
        return QStringLiteral("categories");
    case SearchTerm::Field::Any:
        break;
    }
    return kAnyColumns;
}

QString userExists(const char *condition)
{
    return QStringLiteral("EXISTS (SELECT 1 FROM user_papers u WHERE u.arxiv_id = p.arxiv_id"
                          " AND %1)")
        .arg(QLatin1String(condition));
}

QString flagCondition(SearchFlag flag)
{
    switch (flag) {
    case SearchFlag::Starred:
        return userExists("u.starred = 1");
    case SearchFlag::Read:
        return userExists("u.read = 1");
    case SearchFlag::Unread:
        // As in the Unread view: listed by a digest and not marked read.
        return QStringLiteral("(NOT ") + userExists("u.read = 1") +
               QStringLiteral(
                   " AND EXISTS (SELECT 1 FROM digest_entries e WHERE e.paper_id = p.id))");
    case SearchFlag::HasNote:
        return userExists("u.note IS NOT NULL AND u.note <> ''");
    case SearchFlag::HasCode:
        return QStringLiteral("(p.code_url IS NOT NULL OR EXISTS (SELECT 1 FROM digest_entries e"
                              " WHERE e.paper_id = p.id AND e.code_url IS NOT NULL))");
    case SearchFlag::HasTags:
        return QStringLiteral("EXISTS (SELECT 1 FROM user_tags t WHERE t.arxiv_id = p.arxiv_id)");
    case SearchFlag::HasSummary:
        return QStringLiteral("EXISTS (SELECT 1 FROM digest_entries e JOIN entry_ai_summaries a"
                              " ON a.entry_id = e.id WHERE e.paper_id = p.id)");
    }
    return QStringLiteral("1");
}

// A small set of arXiv ids a plan can start from instead of the whole cache.
QString driverFor(const SearchFlagFilter &filter)
{
    if (filter.excluded)
        return {};
    switch (filter.flag) {
    case SearchFlag::Starred:
        return QStringLiteral("SELECT arxiv_id FROM user_papers WHERE starred = 1");
    case SearchFlag::Read:
        return QStringLiteral("SELECT arxiv_id FROM user_papers WHERE read = 1");
    case SearchFlag::HasNote:
        return QStringLiteral(
            "SELECT arxiv_id FROM user_papers WHERE note IS NOT NULL AND note <> ''");
    case SearchFlag::HasTags:
        return QStringLiteral("SELECT DISTINCT arxiv_id FROM user_tags");
    default:
        return {};
    }
}

struct Plan
{
    QString sql;   // SELECT of paper ids, without ORDER BY / LIMIT
    QString order; // ORDER BY clause body
    QVariantList bindings;
    bool empty = false; // cannot match anything
    // Set when a small user set drives a text query: the set, to check that it is small.
    QString driver;
    QVariantList driverBindings;
};

// A user set larger than this is not probed paper by paper against the index: each probe of
// a common word costs ~0.1 ms at a million papers (20,000 starred x "learning" took 1.6 s),
// while the index walked newest first meets enough of a large set within a few thousand rows.
constexpr int kLargeDriver = 1000;

Plan buildPlan(const SearchQuery &query, SearchSort sort, bool largeDriver = false)
{
    Plan plan;
    QStringList positive;
    QStringList negative;
    for (const SearchTerm &term : query.terms) {
        const QString expression = ftsTermExpression(term, columnsFor(term.field));
        if (!expression.isEmpty())
            (term.excluded ? negative : positive).append(expression);
    }
    const QString excludeExpression = negative.join(QStringLiteral(" OR "));
    QString matchExpression;
    if (!positive.isEmpty()) {
        matchExpression =
            QLatin1Char('(') + positive.join(QStringLiteral(") AND (")) + QLatin1Char(')');
        if (!negative.isEmpty())
            matchExpression += QStringLiteral(" NOT (") + excludeExpression + QLatin1Char(')');
    }

    QStringList where;
    QVariantList whereBindings;
    QString driver;
    for (const QString &tag : query.tags) {
        const QString sql =
            QStringLiteral("SELECT arxiv_id FROM user_tags WHERE tag = ? COLLATE NOCASE");
        if (driver.isEmpty()) {
            driver = sql;
            whereBindings.prepend(tag); // the driver's IN comes first in the WHERE clause
        } else {
            where.append(QStringLiteral("p.arxiv_id IN (%1)").arg(sql));
            whereBindings.append(tag);
        }
    }
    for (const QString &tag : query.excludedTags) {
        where.append(
            QStringLiteral("p.arxiv_id NOT IN (SELECT arxiv_id FROM user_tags WHERE tag = ?"
                           " COLLATE NOCASE)"));
        whereBindings.append(tag);
    }
    for (const SearchFlagFilter &filter : query.flags) {
        const QString start = driver.isEmpty() ? driverFor(filter) : QString();
        if (!start.isEmpty()) {
            driver = start;
            continue;
        }
        const QString condition = flagCondition(filter.flag);
        where.append(filter.excluded ? QStringLiteral("NOT ") + condition : condition);
    }
    if (query.after.isValid()) {
        where.append(QLatin1String(kPaperDate) + QStringLiteral(" >= ?"));
        whereBindings.append(query.after.toString(Qt::ISODate));
    }
    if (query.before.isValid()) {
        where.append(QLatin1String(kPaperDate) + QStringLiteral(" < ?"));
        whereBindings.append(query.before.toString(Qt::ISODate));
    }
    if (!driver.isEmpty())
        where.prepend(QStringLiteral("p.arxiv_id IN (%1)").arg(driver));
    if (query.after.isValid() && query.before.isValid() && query.before <= query.after)
        plan.empty = true;

    const bool ftsDriven = !matchExpression.isEmpty() &&
                           (driver.isEmpty() || sort == SearchSort::Relevance || largeDriver);
    if (ftsDriven) {
        // CROSS JOIN keeps the index as the outer loop, so ORDER BY rowid needs no sort.
        plan.sql =
            where.isEmpty()
                ? QStringLiteral("SELECT rowid FROM search_fts WHERE search_fts MATCH ?")
                : QStringLiteral("SELECT search_fts.rowid FROM search_fts CROSS JOIN papers p"
                                 " ON p.id = search_fts.rowid WHERE search_fts MATCH ? AND ") +
                      where.join(QStringLiteral(" AND "));
        plan.bindings.append(matchExpression);
        plan.bindings.append(whereBindings);
        plan.order = sort == SearchSort::Relevance
                         ? QLatin1String(kRank) + QStringLiteral(", search_fts.rowid DESC")
                         : QStringLiteral("search_fts.rowid DESC");
        return plan;
    }
    if (!matchExpression.isEmpty()) {
        where.append(QStringLiteral("EXISTS (SELECT 1 FROM search_fts WHERE search_fts MATCH ?"
                                    " AND rowid = p.id)"));
        whereBindings.append(matchExpression);
    } else if (!excludeExpression.isEmpty()) {
        where.append(QStringLiteral("NOT EXISTS (SELECT 1 FROM search_fts WHERE search_fts MATCH ?"
                                    " AND rowid = p.id)"));
        whereBindings.append(excludeExpression);
    }
    if (!matchExpression.isEmpty() && !driver.isEmpty()) {
        plan.driver = driver;
        plan.driverBindings = whereBindings.mid(0, driver.count(QLatin1Char('?')));
    }
    plan.sql = QStringLiteral("SELECT p.id FROM papers p");
    if (!where.isEmpty())
        plan.sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    plan.bindings = whereBindings;
    plan.order = QStringLiteral("p.id DESC");
    return plan;
}

bool run(QSqlQuery &q, const QString &sql, const QVariantList &bindings, SearchResult &result)
{
    q.setForwardOnly(true);
    if (q.prepare(sql)) {
        for (const QVariant &value : bindings)
            q.addBindValue(value);
        if (q.exec())
            return true;
    }
    result.ok = false;
    result.error = q.lastError().text();
    result.interrupted = q.lastError().nativeErrorCode() == QLatin1String("9"); // SQLITE_INTERRUPT
    return false;
}

} // namespace

SearchResult Searcher::search(const SearchQuery &query, const SearchOptions &options) const
{
    SearchResult result;
    Plan plan = buildPlan(query, options.sort);
    if (!plan.driver.isEmpty()) {
        QSqlQuery size(m_db);
        if (run(size, QStringLiteral("SELECT count(*) FROM (%1 LIMIT %2)").arg(plan.driver).arg(kLargeDriver + 1),
                plan.driverBindings, result) &&
            size.next() && size.value(0).toInt() > kLargeDriver)
            plan = buildPlan(query, options.sort, true);
        if (!result.ok)
            return result;
    }
    if (plan.empty) {
        result.total = options.withTotal ? 0 : -1;
        return result;
    }
    QString sql = plan.sql + QStringLiteral(" ORDER BY ") + plan.order;
    if (options.limit > 0 || options.offset > 0)
        sql += QStringLiteral(" LIMIT %1 OFFSET %2")
                   .arg(options.limit > 0 ? options.limit : -1)
                   .arg(std::max(0, options.offset));
    QSqlQuery q(m_db);
    if (!run(q, sql, plan.bindings, result))
        return result;
    while (q.next())
        result.paperIds.append(q.value(0).toLongLong());
    if (q.lastError().isValid()) {
        result.ok = false;
        result.error = q.lastError().text();
        result.interrupted = q.lastError().nativeErrorCode() == QLatin1String("9");
        return result;
    }
    if (options.withTotal) {
        QSqlQuery c(m_db);
        if (!run(c, QStringLiteral("SELECT count(*) FROM (%1)").arg(plan.sql), plan.bindings,
                 result) ||
            !c.next())
            return result;
        result.total = c.value(0).toInt();
    }
    return result;
}

int Searcher::count(const SearchQuery &query) const
{
    const Plan plan = buildPlan(query, SearchSort::Newest);
    if (plan.empty)
        return 0;
    SearchResult result;
    QSqlQuery q(m_db);
    if (!run(q, QStringLiteral("SELECT count(*) FROM (%1)").arg(plan.sql), plan.bindings, result) ||
        !q.next())
        return -1;
    return q.value(0).toInt();
}

QList<PaperView> Searcher::searchViews(Store &store, const SearchQuery &query,
                                       const SearchOptions &options, SearchResult *resultOut) const
{
    const SearchResult result = search(query, options);
    if (resultOut)
        *resultOut = result;
    return result.ok ? store.viewsForPaperIds(result.paperIds) : QList<PaperView>();
}

} // namespace paperboy
