#include "search/reading_stats.h"

#include "search/trends.h"
#include "store/database.h"
#include "store/store.h"

#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

namespace paperboy {

namespace {

// paper_dates.day: days since 1970-01-01 (migration 013).
qint64 dayNumber(const QDate &date)
{
    return date.toJulianDay() - QDate(1970, 1, 1).toJulianDay();
}

QDate mondayOf(const QDate &date)
{
    return trendPeriodStart(date, TrendPeriod::Week);
}

} // namespace

ReadingStatistics::ReadingStatistics(Store &store) : m_db(store.database().connection()) {}

ReadingStats ReadingStatistics::compute(const QDate &today, int weeks) const
{
    ReadingStats stats;
    auto failed = [&stats](const QSqlQuery &q) {
        stats.ok = false;
        stats.error = q.lastError().text();
        return stats;
    };
    const QDate thisMonday = mondayOf(today);
    QMap<QDate, ReadingWeek> byWeek;
    // Each field still set, by the local day of its latest change.
    struct Field
    {
        const char *condition;
        const char *changed;
        qint64 ReadingWeek::*count;
    };
    static const Field fields[] = {
        {"read = 1", "read_changed", &ReadingWeek::read},
        {"starred = 1", "starred_changed", &ReadingWeek::starred},
        {"note IS NOT NULL AND note <> ''", "note_changed", &ReadingWeek::annotated},
    };
    QSqlQuery q(m_db);
    for (const Field &field : fields) {
        const QString sql =
            QStringLiteral("SELECT date(%1, 'localtime') AS day, count(*) FROM user_papers"
                           " WHERE %2 GROUP BY day")
                .arg(QLatin1String(field.changed), QLatin1String(field.condition));
        if (!q.exec(sql))
            return failed(q);
        while (q.next()) {
            const QDate day = QDate::fromString(q.value(0).toString(), Qt::ISODate);
            if (!day.isValid()) {
                stats.undated += q.value(1).toLongLong(); // no time, or one SQLite cannot read
                continue;
            }
            ReadingWeek &week = byWeek[mondayOf(day)];
            week.start = mondayOf(day);
            week.*field.count += q.value(1).toLongLong();
        }
    }

    QDate first = thisMonday;
    if (weeks > 0)
        first = thisMonday.addDays(-7 * (weeks - 1));
    else if (!byWeek.isEmpty() && byWeek.firstKey() < thisMonday)
        first = byWeek.firstKey();
    for (QDate monday = first; monday <= thisMonday; monday = monday.addDays(7)) {
        ReadingWeek week = byWeek.value(monday);
        week.start = monday;
        stats.weeks.append(week);
    }

    // Papers arrived per week: weeks of paper_dates' day numbers, Monday first (1970-01-01
    // was a Thursday, so day + 3 counts from the Monday before it).
    q.prepare(QStringLiteral("SELECT (day + 3) / 7 AS week, count(*) FROM paper_dates"
                             " WHERE day >= ? AND day < ? GROUP BY week"));
    q.addBindValue(dayNumber(first));
    q.addBindValue(dayNumber(thisMonday.addDays(7)));
    if (!q.exec())
        return failed(q);
    const qint64 firstWeek = (dayNumber(first) + 3) / 7;
    while (q.next()) {
        const qsizetype index = q.value(0).toLongLong() - firstWeek;
        if (index >= 0 && index < stats.weeks.size())
            stats.weeks[index].arrived = q.value(1).toLongLong();
    }
    stats.thisWeek = stats.weeks.constLast();

    q.prepare(QStringLiteral("SELECT tag, count(*) AS papers FROM user_tags"
                             " WHERE date(added, 'localtime') >= ? AND date(added, 'localtime') < ?"
                             " GROUP BY tag ORDER BY papers DESC, tag LIMIT %1")
                  .arg(kTopTags));
    q.addBindValue(thisMonday.toString(Qt::ISODate));
    q.addBindValue(thisMonday.addDays(7).toString(Qt::ISODate));
    if (!q.exec())
        return failed(q);
    while (q.next())
        stats.topTags.append({q.value(0).toString(), q.value(1).toLongLong()});
    return stats;
}

} // namespace paperboy
