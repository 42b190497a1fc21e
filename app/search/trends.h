#pragma once

// How often a search matches per day, week (Monday first), month or year (issue #22).
//
// A paper belongs to the period of its date as search defines it (search_query.h: its first
// digest, else its submission date; kept per paper in paper_dates, migration 013), so each
// count equals the number of matches of the same query with after:START before:END of that
// period. A trend is one pass over the query's matches joined to their dates and grouped by
// day in SQL; the days are then summed into periods. A period in which the library holds
// nothing (no digest and no dated paper) is a gap, not a zero.
//
// Use on the connection's thread (e.g. inside a StoreThread job); StoreThread::interrupt()
// stops a running series, which then reports `interrupted`.

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace paperboy {

class Store;

enum class TrendPeriod
{
    Day,
    Week, // Monday to Sunday
    Month,
    Year
};

// "day", "week", "month", "year"; nullopt for anything else.
std::optional<TrendPeriod> trendPeriodFromName(const QString &name);
QString trendPeriodName(TrendPeriod period);
// The first day of the period holding `date`, and the first day of the period after it.
QDate trendPeriodStart(const QDate &date, TrendPeriod period);
QDate trendPeriodAfter(const QDate &start, TrendPeriod period);
// `query` limited to [start, end): the search that lists a period's matches. Repeated after:
// and before: intersect (search_query.h), so a query's own dates still hold.
QString trendPeriodQuery(const QString &query, const QDate &start, const QDate &end);

// The periods of a trend, with what the library holds in each.
struct TrendAxis
{
    TrendPeriod by = TrendPeriod::Month;
    QList<QDate> periods; // first days, ascending, consecutive
    QList<bool> held;     // the library holds a digest or a dated paper in the period
    QList<qint64> totals; // papers dated in the period (every paper: the share's base)
    bool ok = true;
    bool interrupted = false;
    QString error;

    bool isEmpty() const { return periods.isEmpty(); }
    QDate start() const { return periods.isEmpty() ? QDate() : periods.constFirst(); }
    // The day after the last period (exclusive end).
    QDate end() const;
    QDate periodEnd(qsizetype index) const; // exclusive
    // The index of the period holding `date`, or -1.
    qsizetype indexOf(const QDate &date) const;
};

struct TrendSeries
{
    QString query;                       // as typed
    QString name;                        // a saved search's name, when it came from one
    QList<std::optional<qint64>> counts; // per period of the axis; nullopt: a gap
    QStringList warnings;                // parts of the query that were ignored
    bool ok = true;
    bool interrupted = false;
    QString error;

    // count / the period's total; nullopt for gaps and periods without papers.
    std::optional<double> share(const TrendAxis &axis, qsizetype index) const;
};

class Trends
{
public:
    explicit Trends(const QSqlDatabase &db) : m_db(db) {}
    explicit Trends(Store &store);

    // The periods covering [from, to], whole: from the start of the period holding `from` to
    // the end of the one holding `to`. An invalid `from` or `to` is the library's first or
    // last digest day (its first or last dated paper when it has no digest). Empty for an
    // empty library or when `to` is before `from`.
    TrendAxis axis(TrendPeriod by, const QDate &from = {}, const QDate &to = {}) const;

    // The matches of `query` per period of `axis`. A query's own after:/before: narrow it.
    TrendSeries series(const QString &query, const TrendAxis &axis) const;

private:
    QSqlDatabase m_db;
};

} // namespace paperboy
