#include "search/trends.h"

#include "search/query_run.h"
#include "search/search_ids.h"
#include "search/search_query.h"
#include "search/searcher.h"
#include "store/store.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace paperboy {

namespace {

// paper_dates.day: days since 1970-01-01 (migration 013).
constexpr qint64 kEpochJulianDay = 2440588;

qint64 dayNumber(const QDate &date)
{
    return date.toJulianDay() - kEpochJulianDay;
}

QDate fromDayNumber(qint64 day)
{
    return QDate::fromJulianDay(day + kEpochJulianDay);
}

template <typename Result> bool failed(const QSqlQuery &q, Result &result)
{
    if (!q.lastError().isValid())
        return false;
    result.ok = false;
    result.error = q.lastError().text();
    result.interrupted = isInterruptError(q.lastError());
    return true;
}

} // namespace

std::optional<TrendPeriod> trendPeriodFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("day"))
        return TrendPeriod::Day;
    if (n == QLatin1String("week"))
        return TrendPeriod::Week;
    if (n == QLatin1String("month"))
        return TrendPeriod::Month;
    if (n == QLatin1String("year"))
        return TrendPeriod::Year;
    return std::nullopt;
}

QString trendPeriodName(TrendPeriod period)
{
    switch (period) {
    case TrendPeriod::Day:
        return QStringLiteral("day");
    case TrendPeriod::Week:
        return QStringLiteral("week");
    case TrendPeriod::Month:
        return QStringLiteral("month");
    case TrendPeriod::Year:
        return QStringLiteral("year");
    }
    return {};
}

QDate trendPeriodStart(const QDate &date, TrendPeriod period)
{
    switch (period) {
    case TrendPeriod::Day:
        return date;
    case TrendPeriod::Week:
        return date.addDays(1 - date.dayOfWeek()); // dayOfWeek: Monday 1 ... Sunday 7
    case TrendPeriod::Month:
        return QDate(date.year(), date.month(), 1);
    case TrendPeriod::Year:
        return QDate(date.year(), 1, 1);
    }
    return date;
}

QDate trendPeriodAfter(const QDate &start, TrendPeriod period)
{
    switch (period) {
    case TrendPeriod::Day:
        return start.addDays(1);
    case TrendPeriod::Week:
        return start.addDays(7);
    case TrendPeriod::Month:
        return start.addMonths(1);
    case TrendPeriod::Year:
        return start.addYears(1);
    }
    return start.addDays(1);
}

QString trendPeriodQuery(const QString &query, const QDate &start, const QDate &end)
{
    return QStringLiteral("%1 after:%2 before:%3")
        .arg(query.trimmed(), start.toString(Qt::ISODate), end.toString(Qt::ISODate))
        .trimmed();
}

QDate TrendAxis::end() const
{
    return periods.isEmpty() ? QDate() : trendPeriodAfter(periods.constLast(), by);
}

QDate TrendAxis::periodEnd(qsizetype index) const
{
    return index + 1 < periods.size() ? periods.at(index + 1)
                                      : trendPeriodAfter(periods.at(index), by);
}

qsizetype TrendAxis::indexOf(const QDate &date) const
{
    if (periods.isEmpty() || !date.isValid() || date < start() || date >= end())
        return -1;
    // The last period starting on or before `date`.
    const auto it = std::upper_bound(periods.cbegin(), periods.cend(), date);
    return qsizetype(it - periods.cbegin()) - 1;
}

std::optional<double> TrendSeries::share(const TrendAxis &axis, qsizetype index) const
{
    if (index < 0 || index >= counts.size() || !counts.at(index) || index >= axis.totals.size() ||
        axis.totals.at(index) <= 0)
        return std::nullopt;
    return double(*counts.at(index)) / double(axis.totals.at(index));
}

Trends::Trends(Store &store) : m_db(store.database().connection()) {}

TrendAxis Trends::axis(TrendPeriod by, const QDate &from, const QDate &to) const
{
    TrendAxis axis;
    axis.by = by;
    QDate first = from;
    QDate last = to;
    if (!first.isValid() || !last.isValid()) {
        // The digests' days bound the library; a library of papers without digests (an
        // arXiv snapshot) is bounded by its papers' dates.
        QSqlQuery q(m_db);
        if (!runQuery(q,
                      QStringLiteral("SELECT (SELECT min(date) FROM digests), (SELECT max(date)"
                                     " FROM digests), (SELECT min(day) FROM paper_dates),"
                                     " (SELECT max(day) FROM paper_dates)"),
                      {}, axis) ||
            !q.next())
            return axis;
        const bool digests = !q.value(0).isNull();
        if (!digests && q.value(2).isNull())
            return axis; // nothing dated at all
        if (!first.isValid())
            first = digests ? QDate::fromString(q.value(0).toString(), Qt::ISODate)
                            : fromDayNumber(q.value(2).toLongLong());
        if (!last.isValid())
            last = digests ? QDate::fromString(q.value(1).toString(), Qt::ISODate)
                           : fromDayNumber(q.value(3).toLongLong());
    }
    if (!first.isValid() || !last.isValid() || last < first)
        return axis;
    for (QDate start = trendPeriodStart(first, by); start <= last;
         start = trendPeriodAfter(start, by))
        axis.periods.append(start);
    axis.held = QList<bool>(axis.periods.size(), false);
    axis.totals = QList<qint64>(axis.periods.size(), 0);

    // Every paper per day, through paper_dates_by_day: no sort, one index entry a paper.
    QSqlQuery q(m_db);
    if (!runQuery(q,
                  QStringLiteral("SELECT day, count(*) FROM paper_dates WHERE day >= ? AND day < ?"
                                 " GROUP BY day"),
                  {dayNumber(axis.start()), dayNumber(axis.end())}, axis))
        return axis;
    while (q.next()) {
        const qsizetype i = axis.indexOf(fromDayNumber(q.value(0).toLongLong()));
        if (i < 0)
            continue;
        axis.totals[i] += q.value(1).toLongLong();
        axis.held[i] = true;
    }
    if (failed(q, axis))
        return axis;
    // A digest day holds the library's knowledge of that day even when no paper is dated in
    // it (a repeat such as Saturday's "same as Friday"): zero, not a gap.
    if (!runQuery(q,
                  QStringLiteral("SELECT DISTINCT date FROM digests WHERE date >= ? AND date < ?"),
                  {axis.start().toString(Qt::ISODate), axis.end().toString(Qt::ISODate)}, axis))
        return axis;
    while (q.next()) {
        const qsizetype i = axis.indexOf(QDate::fromString(q.value(0).toString(), Qt::ISODate));
        if (i >= 0)
            axis.held[i] = true;
    }
    failed(q, axis);
    return axis;
}

TrendSeries Trends::series(const QString &text, const TrendAxis &axis) const
{
    TrendSeries series;
    series.query = text;
    const SearchQuery query = parseSearchQuery(text);
    series.warnings = query.warnings;
    for (qsizetype i = 0; i < axis.periods.size(); ++i)
        series.counts.append(axis.held.value(i) ? std::optional<qint64>(0) : std::nullopt);
    if (axis.isEmpty())
        return series;

    // The query's own dates narrow the axis: after: is inclusive, before: exclusive, as in
    // search; paper_dates holds the same date search tests.
    QDate lo = axis.start();
    QDate hi = axis.end();
    if (query.after.isValid())
        lo = std::max(lo, query.after);
    if (query.before.isValid())
        hi = std::min(hi, query.before);
    if (hi <= lo)
        return series;

    QString ids;
    QVariantList bindings;
    SearchResult planned;
    if (!searchIdsSql(m_db, query, &ids, &bindings, planned)) {
        series.ok = false;
        series.error = planned.error;
        series.interrupted = planned.interrupted;
        return series;
    }
    // CROSS JOIN keeps the matches the outer loop (for a text query, the index's doclist in
    // rowid order) and each match one rowid lookup in paper_dates; grouping by day leaves a
    // few thousand rows at most, summed into periods here.
    const QString sql = QStringLiteral("WITH m(id) AS (%1) SELECT pd.day, count(*) FROM m"
                                       " CROSS JOIN paper_dates pd ON pd.paper_id = m.id"
                                       " WHERE pd.day >= ? AND pd.day < ? GROUP BY pd.day")
                            .arg(ids);
    bindings << dayNumber(lo) << dayNumber(hi);
    QSqlQuery q(m_db);
    if (!runQuery(q, sql, bindings, series))
        return series;
    while (q.next()) {
        const qsizetype i = axis.indexOf(fromDayNumber(q.value(0).toLongLong()));
        if (i >= 0 && series.counts.at(i))
            *series.counts[i] += q.value(1).toLongLong();
    }
    failed(q, series);
    return series;
}

} // namespace paperboy
