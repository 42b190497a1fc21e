#include "searcher.h"

#include "search/pdf_text_search.h"
#include "search/query_run.h"
#include "search/search_flags.h"
#include "store/store.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>
#include <limits>

namespace paperboy {

Searcher::Searcher(Store &store) : m_db(store.database().connection()) {}

namespace {

const QString kAnyColumns =
    QStringLiteral("{title authors abstract translation summary note tags}");

// Column weights for bm25, in search_fts column order: a title hit outranks an abstract hit.
const char kRank[] = "bm25(search_fts, 10.0, 4.0, 1.0, 3.0, 1.0, 3.0, 4.0, 0.0)";

// The day a paper reached the reader: its first digest, else its arXiv submission date.
const char kPaperDate[] = "coalesce((SELECT min(d.date) FROM digest_entries e JOIN digests d"
                          " ON d.id = e.digest_id WHERE e.paper_id = p.id), p.published)";

// The papers whose date (kPaperDate) lies in [after, before), found through the digests'
// date index and papers_by_published rather than by computing every paper's date: the walk
// over all papers took 6.4 s at a million papers for one day (#19). A paper's first digest
// is in the range and none is earlier; or it has no digest and its own date is in it.
QString datedPapers(const SearchQuery &query, QVariantList &bindings)
{
    const QString after = query.after.isValid() ? query.after.toString(Qt::ISODate) : QString();
    const QString before = query.before.isValid() ? query.before.toString(Qt::ISODate) : QString();
    QStringList digestRange;
    QStringList ownRange;
    QVariantList digestBindings;
    QVariantList ownBindings;
    if (!after.isEmpty()) {
        digestRange << QStringLiteral("d.date >= ?");
        ownRange << QStringLiteral("o.published >= ?");
        digestBindings << after;
        ownBindings << after;
    }
    if (!before.isEmpty()) {
        digestRange << QStringLiteral("d.date < ?");
        ownRange << QStringLiteral("o.published < ?");
        digestBindings << before;
        ownBindings << before;
    }
    QString sql = QStringLiteral("SELECT e.paper_id FROM digests d JOIN digest_entries e"
                                 " ON e.digest_id = d.id WHERE ") +
                  digestRange.join(QStringLiteral(" AND "));
    if (!after.isEmpty()) {
        sql += QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM digest_entries e2 JOIN digests d2"
                              " ON d2.id = e2.digest_id WHERE e2.paper_id = e.paper_id"
                              " AND d2.date < ?)");
        digestBindings << after;
    }
    sql += QStringLiteral(" UNION ALL SELECT o.id FROM papers o WHERE ") +
           ownRange.join(QStringLiteral(" AND ")) +
           QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM digest_entries e3"
                          " WHERE e3.paper_id = o.id)");
    bindings << digestBindings << ownBindings;
    return sql;
}

QString columnsFor(SearchTerm::Field field)
{
    switch (field) {
    case SearchTerm::Field::Author:
        return QStringLiteral("authors");
    case SearchTerm::Field::Category:
        return QStringLiteral("categories");
    case SearchTerm::Field::Any:
    case SearchTerm::Field::FullText:
        break;
    }
    return kAnyColumns;
}

// What a plan needs besides the query.
struct PlanContext
{
    qint64 minPaperId = 0;    // SearchOptions::minPaperId
    QStringList followedKeys; // folded names of the followed authors, for is:followed
};

// The index's view of the followed names: any paper one of them wrote has the name's words
// next to each other in its authors column (a superset: the words may span two authors; the
// exact test follows per row).
QString followedExpression(const QStringList &keys)
{
    QStringList phrases;
    for (const QString &key : keys) {
        SearchTerm term;
        term.text = key;
        term.field = SearchTerm::Field::Author;
        term.phrase = true;
        const QString expression = ftsTermExpression(term, QStringLiteral("authors"));
        if (!expression.isEmpty())
            phrases.append(QLatin1Char('(') + expression + QLatin1Char(')'));
    }
    return phrases.join(QStringLiteral(" OR "));
}

struct Plan
{
    QString sql;   // SELECT of paper ids, without ORDER BY / LIMIT
    QString order; // ORDER BY clause body
    QVariantList bindings;
    bool empty = false; // cannot match anything
    // Set when a user set drives a text query: the set, to choose how to use it by its size.
    QString driver;
    QVariantList driverBindings;
    // Set when only excluded text is left to test (no positive text): the same answer, taken
    // window by window of papers.id, newest first. Placeholders: lo, hi, windowBindings, the
    // exclusion, lo, hi.
    QString windowSql;
    QVariantList windowBindings;
    QString exclusion;
    bool windowFiltered = false; // the window holds conditions besides the exclusion
};

// How a text query meets a user set (starred, read, noted, tagged papers). Measured at a
// million papers with a common word:
//   Probe:  the set's papers newest first, each probed against the index by rowid (~35 us
//           a probe): best for a few hundred papers.
//   Ids:    the set turned into paper ids once (~1 us each), then the index walked newest
//           first testing its rowid against them (~0.1 us a row): best for mid-sized sets and
//           for relevance, which reads every match anyway.
//   PerRow: the index walked newest first, each row's paper tested in the user table (~0.5 us
//           a row, but the walk is short because the set is dense): best for large sets
//           (is:starred at 2 % of a million papers: 6-8 ms, against 15-20 ms for Ids).
enum class DriverUse
{
    Probe,
    Ids,
    PerRow
};

// Below this size a user set is probed against the index paper by paper.
constexpr int kProbedDriver = 1000;

Plan buildPlan(const SearchQuery &query, SearchSort sort, const PlanContext &context,
               DriverUse use = DriverUse::Probe)
{
    Plan plan;
    QStringList positive;
    QStringList negative;
    for (const SearchTerm &term : query.terms) {
        const QString expression = term.field == SearchTerm::Field::FullText
                                       ? QString() // pdf_text's, below
                                       : ftsTermExpression(term, columnsFor(term.field));
        if (!expression.isEmpty())
            (term.excluded ? negative : positive).append(expression);
    }
    for (const SearchFlagFilter &filter : query.flags) {
        if (filter.flag != SearchFlag::Followed || filter.excluded)
            continue;
        const QString expression = followedExpression(context.followedKeys);
        if (expression.isEmpty())
            plan.empty = true; // nobody is followed
        else
            positive.append(expression);
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
    QString driverPerRow; // the same set as a condition on one paper p
    QVariantList driverBindings;
    for (const QString &tag : query.tags) {
        const QString sql =
            QStringLiteral("SELECT arxiv_id FROM user_tags WHERE tag = ? COLLATE NOCASE");
        if (driver.isEmpty()) {
            driver = sql;
            driverPerRow = QStringLiteral("EXISTS (SELECT 1 FROM user_tags t WHERE"
                                          " t.arxiv_id = p.arxiv_id AND t.tag = ? COLLATE NOCASE)");
            driverBindings.append(tag);
        } else {
            where.append(QStringLiteral("p.arxiv_id IN (%1)").arg(sql));
            whereBindings.append(tag);
        }
    }
    addFullTextFilters(query, driver, driverPerRow, driverBindings, where, whereBindings);
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
            driverPerRow = flagCondition(filter.flag);
            continue;
        }
        const QString condition = flagCondition(filter.flag);
        where.append(filter.excluded ? QStringLiteral("NOT ") + condition : condition);
    }
    if (query.after.isValid() && query.before.isValid() && query.before <= query.after)
        plan.empty = true;

    const bool ftsDriven =
        !matchExpression.isEmpty() &&
        (driver.isEmpty() || sort == SearchSort::Relevance || use != DriverUse::Probe);
    if (ftsDriven) {
        // Tested on the matches only: cheap enough per row.
        if (query.after.isValid()) {
            where.append(QLatin1String(kPaperDate) + QStringLiteral(" >= ?"));
            whereBindings.append(query.after.toString(Qt::ISODate));
        }
        if (query.before.isValid()) {
            where.append(QLatin1String(kPaperDate) + QStringLiteral(" < ?"));
            whereBindings.append(query.before.toString(Qt::ISODate));
        }
    } else if (query.after.isValid() || query.before.isValid()) {
        where.append(QStringLiteral("p.id IN (%1)").arg(datedPapers(query, whereBindings)));
    }
    if (ftsDriven) {
        // CROSS JOIN keeps the index as the outer loop, so ORDER BY rowid needs no sort. Ids:
        // '+' keeps FTS5 from probing the index once per id, and the rowid test needs no
        // paper row.
        const bool perRow = use == DriverUse::PerRow && sort == SearchSort::Newest;
        const bool byIds = !driver.isEmpty() && !perRow;
        if (!driver.isEmpty()) {
            where.prepend(perRow ? driverPerRow
                                 : QStringLiteral("+search_fts.rowid IN (SELECT id FROM papers"
                                                  " WHERE arxiv_id IN (%1))")
                                       .arg(driver));
            whereBindings = driverBindings + whereBindings;
        }
        plan.sql = QStringLiteral("SELECT search_fts.rowid FROM search_fts");
        // Per row, a narrow index (migration 007) gives each row's arXiv id without reading
        // the paper's wide row: 8 ms instead of 30-40 ms for is:starred with a common word.
        if (perRow && where.size() == 1)
            plan.sql += QStringLiteral(" CROSS JOIN papers p INDEXED BY papers_id_arxiv"
                                       " ON p.id = search_fts.rowid");
        else if (where.size() > (byIds ? 1 : 0))
            plan.sql += QStringLiteral(" CROSS JOIN papers p ON p.id = search_fts.rowid");
        plan.sql += QStringLiteral(" WHERE search_fts MATCH ?");
        plan.bindings.append(matchExpression);
        if (context.minPaperId > 0) {
            // On the index's rowid, which FTS5 seeks to: the walk starts at the new papers.
            plan.sql += QStringLiteral(" AND search_fts.rowid >= ?");
            plan.bindings.append(context.minPaperId);
        }
        if (!where.isEmpty())
            plan.sql += QStringLiteral(" AND ") + where.join(QStringLiteral(" AND "));
        plan.bindings.append(whereBindings);
        plan.order = sort == SearchSort::Relevance
                         ? QLatin1String(kRank) + QStringLiteral(", search_fts.rowid DESC")
                         : QStringLiteral("search_fts.rowid DESC");
        return plan;
    }
    if (context.minPaperId > 0) {
        where.prepend(QStringLiteral("p.id >= ?"));
        whereBindings.prepend(context.minPaperId);
    }
    if (!driver.isEmpty()) {
        where.prepend(QStringLiteral("p.arxiv_id IN (%1)").arg(driver));
        whereBindings = driverBindings + whereBindings;
    }
    QStringList filters = where;
    if (!matchExpression.isEmpty()) {
        where.append(QStringLiteral("EXISTS (SELECT 1 FROM search_fts WHERE search_fts MATCH ?"
                                    " AND rowid = p.id)"));
        whereBindings.append(matchExpression);
    } else if (!excludeExpression.isEmpty()) {
        // Probing the index once per paper costs ~0.1 ms for a common word; a window of
        // papers against the index's rowids in that window reads each doclist once.
        plan.windowFiltered = !filters.isEmpty();
        filters.prepend(QStringLiteral("p.id BETWEEN ? AND ?"));
        plan.windowSql = QStringLiteral("SELECT p.id FROM papers p WHERE ") +
                         filters.join(QStringLiteral(" AND ")) +
                         QStringLiteral(" AND p.id NOT IN (SELECT rowid FROM search_fts WHERE"
                                        " search_fts MATCH ? AND rowid BETWEEN ? AND ?)"
                                        " ORDER BY p.id DESC");
        plan.windowBindings = whereBindings;
        plan.exclusion = excludeExpression;
        where.append(QStringLiteral("NOT EXISTS (SELECT 1 FROM search_fts WHERE search_fts MATCH ?"
                                    " AND rowid = p.id)"));
        whereBindings.append(excludeExpression);
    }
    if (!matchExpression.isEmpty() && !driver.isEmpty()) {
        plan.driver = driver;
        plan.driverBindings = driverBindings;
    }
    plan.sql = QStringLiteral("SELECT p.id FROM papers p");
    if (!where.isEmpty())
        plan.sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    plan.bindings = whereBindings;
    plan.order = QStringLiteral("p.id DESC");
    return plan;
}

bool fail(const QSqlQuery &q, SearchResult &result)
{
    if (!q.lastError().isValid())
        return false;
    result.ok = false;
    result.error = q.lastError().text();
    result.interrupted = q.lastError().nativeErrorCode() == QLatin1String("9");
    return true;
}

// Runs plan.windowSql over windows of papers.id from the newest down, each twice as wide as
// the one before, until `wanted` ids are found (all of them when wanted <= 0).
bool fetchWindows(const QSqlDatabase &db, const Plan &plan, qint64 wanted, SearchResult &result)
{
    QSqlQuery bounds(db);
    if (!runQuery(
            bounds,
            QStringLiteral("SELECT (SELECT min(id) FROM papers), (SELECT max(id) FROM papers)"), {},
            result))
        return false;
    if (!bounds.next() || bounds.value(0).isNull())
        return !fail(bounds, result);
    const qint64 first = bounds.value(0).toLongLong();
    qint64 hi = bounds.value(1).toLongLong();
    qint64 width = std::max<qint64>(1024, wanted * 4);
    QSqlQuery q(db);
    while (hi >= first && (wanted <= 0 || result.paperIds.size() < wanted)) {
        const qint64 lo = std::max(first, hi - width + 1);
        QVariantList bindings{lo, hi};
        bindings += plan.windowBindings;
        bindings += QVariantList{plan.exclusion, lo, hi};
        if (!runQuery(q, plan.windowSql, bindings, result))
            return false;
        while (q.next())
            result.paperIds.append(q.value(0).toLongLong());
        if (fail(q, result))
            return false;
        hi = lo - 1;
        width = std::min<qint64>(width * 2, qint64(1) << 40);
    }
    return true;
}

// Plans every match as one SELECT of paper ids in plan.sql and plan.bindings, in no order:
// what countAll() counts and searchIdsSql() hands out. Counting reads every match, so a large
// user set is turned into ids once (the cheapest test per row) and an exclusion's matches are
// read once for all papers instead of probed per paper (a million probes for "-learning").
bool planMatches(const QSqlDatabase &db, const SearchQuery &query, const PlanContext &context,
                 SearchResult &result, Plan &plan)
{
    plan = buildPlan(query, SearchSort::Newest, context);
    QSqlQuery q(db);
    if (!plan.empty && !plan.driver.isEmpty()) {
        if (!runQuery(q,
                      QStringLiteral("SELECT count(*) FROM (%1 LIMIT %2)")
                          .arg(plan.driver)
                          .arg(kProbedDriver + 1),
                      plan.driverBindings, result) ||
            !q.next())
            return false;
        if (q.value(0).toInt() > kProbedDriver)
            plan = buildPlan(query, SearchSort::Newest, context, DriverUse::Ids);
    }
    if (!plan.windowSql.isEmpty()) {
        const QVariant first = std::numeric_limits<qint64>::min();
        const QVariant last = std::numeric_limits<qint64>::max();
        plan.sql = plan.windowSql;
        plan.bindings = QVariantList{first, last} + plan.windowBindings +
                        QVariantList{plan.exclusion, first, last};
    }
    return true;
}

int countAll(const QSqlDatabase &db, const SearchQuery &query, const PlanContext &context,
             SearchResult &result)
{
    Plan plan;
    if (!planMatches(db, query, context, result, plan))
        return -1;
    if (plan.empty)
        return 0;
    QSqlQuery q(db);
    if (!plan.windowSql.isEmpty() && !plan.windowFiltered && context.minPaperId <= 0) {
        // Every paper has one row in the index: the papers minus the excluded matches.
        if (!runQuery(q,
                      QStringLiteral("SELECT (SELECT count(*) FROM papers) - (SELECT count(*) FROM"
                                     " search_fts WHERE search_fts MATCH ?)"),
                      {plan.exclusion}, result) ||
            !q.next())
            return -1;
        return q.value(0).toInt();
    }
    if (!runQuery(q, QStringLiteral("SELECT count(*) FROM (%1)").arg(plan.sql), plan.bindings,
                  result) ||
        !q.next())
        return -1;
    return q.value(0).toInt();
}

// The folded names of the followed authors, when the query needs them.
QStringList followedKeys(const QSqlDatabase &db, const SearchQuery &query)
{
    const bool wanted = std::any_of(query.flags.begin(), query.flags.end(), [](const auto &f) {
        return f.flag == SearchFlag::Followed && !f.excluded;
    });
    QStringList keys;
    if (!wanted)
        return keys;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT name_key FROM user_follows WHERE followed = 1")))
        while (q.next())
            keys.append(q.value(0).toString());
    return keys;
}

// Searcher::search with options.withPdfText, when plain words may also match PDF text
// (search/pdf_text_search.h): the papers of both searches, newest first (or relevance first,
// then the PDF-only matches, newest first). nullopt when the library holds no PDF text for the
// words: the plain search answers alone.
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

} // namespace

SearchResult Searcher::search(const SearchQuery &query, const SearchOptions &options) const
{
    if (options.withPdfText)
        if (std::optional<SearchResult> both = searchWithPdfText(*this, m_db, query, options))
            return *both;
    SearchResult result;
    PlanContext context;
    context.minPaperId = options.minPaperId;
    context.followedKeys = followedKeys(m_db, query);
    Plan plan = buildPlan(query, options.sort, context);
    const int offset = std::max(0, options.offset);
    const qint64 wanted = options.limit > 0 ? qint64(offset) + options.limit : 0;
    if (!plan.driver.isEmpty()) {
        // The walk newest first to the wanted-th paper of a set S reads ~wanted * N / |S|
        // rows, against |S| lookups to turn S into ids: the per-row test wins past
        // |S| = sqrt(wanted * N), ~14,000 for a page of 200 in a million papers.
        qint64 crossover = std::numeric_limits<int>::max();
        QSqlQuery size(m_db);
        if (wanted > 0) {
            if (!runQuery(size, QStringLiteral("SELECT max(id) FROM papers"), {}, result) ||
                !size.next())
                return result;
            crossover = qint64(std::sqrt(double(wanted) * size.value(0).toDouble()));
        }
        const qint64 cap = wanted > 0 ? std::max<qint64>(kProbedDriver, crossover) : kProbedDriver;
        if (!runQuery(
                size,
                QStringLiteral("SELECT count(*) FROM (%1 LIMIT %2)").arg(plan.driver).arg(cap + 1),
                plan.driverBindings, result) ||
            !size.next())
            return result;
        const qint64 members = size.value(0).toLongLong();
        if (members > kProbedDriver)
            plan = buildPlan(query, options.sort, context,
                             members > crossover ? DriverUse::PerRow : DriverUse::Ids);
    }
    if (plan.empty) {
        result.total = options.withTotal ? 0 : -1;
        return result;
    }
    if (!plan.windowSql.isEmpty()) {
        if (!fetchWindows(m_db, plan, wanted, result))
            return result;
        result.paperIds = result.paperIds.mid(offset, options.limit > 0 ? options.limit : -1);
    } else {
        QString sql = plan.sql + QStringLiteral(" ORDER BY ") + plan.order;
        if (options.limit > 0 || offset > 0)
            sql += QStringLiteral(" LIMIT %1 OFFSET %2")
                       .arg(options.limit > 0 ? options.limit : -1)
                       .arg(offset);
        QSqlQuery q(m_db);
        if (!runQuery(q, sql, plan.bindings, result))
            return result;
        while (q.next())
            result.paperIds.append(q.value(0).toLongLong());
        if (fail(q, result))
            return result;
    }
    if (options.withTotal) {
        const int total = countAll(m_db, query, context, result);
        if (total >= 0)
            result.total = total;
    }
    return result;
}

bool searchIdsSql(const QSqlDatabase &db, const SearchQuery &query, QString *sql,
                  QVariantList *bindings, SearchResult &result)
{
    SearchQuery undated = query; // the caller tests dates (undated plans are never empty)
    undated.after = undated.before = QDate();
    Plan plan;
    if (!planMatches(db, undated, {0, followedKeys(db, undated)}, result, plan))
        return false;
    *sql = plan.sql;
    *bindings = plan.bindings;
    return true;
}

int Searcher::count(const SearchQuery &query) const
{
    SearchResult result;
    PlanContext context;
    context.followedKeys = followedKeys(m_db, query);
    return countAll(m_db, query, context, result);
}

} // namespace paperboy
