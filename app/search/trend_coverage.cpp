#include "search/trend_coverage.h"

#include "store/database.h"
#include "store/store.h"

#include <QSqlError>
#include <QSqlQuery>

namespace paperboy {

TrendCoverage trendCoverage(const QSqlDatabase &db, const TrendAxis &axis)
{
    TrendCoverage coverage;
    coverage.partial = QList<bool>(axis.periods.size(), false);
    // The same bounds as Trends::axis() takes for the library's days (paper_dates.day counts
    // days from 1970-01-01).
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT (SELECT min(date) FROM digests), (SELECT max(date) FROM"
                               " digests), date((SELECT min(day) FROM paper_dates) * 86400,"
                               " 'unixepoch'), date((SELECT max(day) FROM paper_dates) * 86400,"
                               " 'unixepoch')")) ||
        !q.next()) {
        coverage.ok = false;
        coverage.error = q.lastError().text();
        return coverage;
    }
    const int column = q.value(0).isNull() ? 2 : 0;
    coverage.first = QDate::fromString(q.value(column).toString(), Qt::ISODate);
    coverage.last = QDate::fromString(q.value(column + 1).toString(), Qt::ISODate);
    if (!coverage.first.isValid() || !coverage.last.isValid())
        return coverage;
    for (qsizetype i = 0; i < axis.periods.size(); ++i) {
        const QDate start = axis.periods.at(i);
        const QDate lastDay = axis.periodEnd(i).addDays(-1);
        const bool reached = start <= coverage.last && lastDay >= coverage.first;
        coverage.partial[i] = reached && (start < coverage.first || lastDay > coverage.last);
    }
    return coverage;
}

TrendCoverage trendCoverage(Store &store, const TrendAxis &axis)
{
    return trendCoverage(store.database().connection(), axis);
}

} // namespace paperboy
