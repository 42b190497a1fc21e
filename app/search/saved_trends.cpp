#include "search/saved_trends.h"

#include "store/database.h"
#include "store/sql_values.h"
#include "store/store.h"

#include <QSqlError>
#include <QSqlQuery>

namespace paperboy {

namespace {

constexpr char kColumns[] = "name, queries, per, share, from_day, to_day, created";

SavedTrend fromRow(const QSqlQuery &q)
{
    SavedTrend trend;
    trend.name = q.value(0).toString();
    trend.queries = sql::splitList(q.value(1).toString());
    trend.by = trendPeriodFromName(q.value(2).toString()).value_or(TrendPeriod::Month);
    trend.share = q.value(3).toInt() != 0;
    trend.from = QDate::fromString(q.value(4).toString(), Qt::ISODate);
    trend.to = QDate::fromString(q.value(5).toString(), Qt::ISODate);
    trend.created = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
    return trend;
}

QVariant dayOrNull(const QDate &day)
{
    return sql::textOrNull(day.isValid() ? day.toString(Qt::ISODate) : QString());
}

} // namespace

SavedTrends::SavedTrends(Store &store) : m_db(store.database().connection()) {}

bool SavedTrends::fail(const QString &error) const
{
    m_error = error;
    return false;
}

QList<SavedTrend> SavedTrends::list() const
{
    m_error.clear();
    QList<SavedTrend> result;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM user_saved_trends ORDER BY name")
                    .arg(QLatin1String(kColumns)))) {
        fail(q.lastError().text());
        return result;
    }
    while (q.next())
        result.append(fromRow(q));
    return result;
}

std::optional<SavedTrend> SavedTrends::find(const QString &name) const
{
    m_error.clear();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM user_saved_trends WHERE name = ?")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(name.simplified());
    if (!q.exec()) {
        fail(q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

SavedTrends::SaveResult SavedTrends::save(const SavedTrend &trend, bool replace)
{
    m_error.clear();
    const QString name = trend.name.simplified();
    QStringList queries;
    for (const QString &query : trend.queries)
        if (!query.trimmed().isEmpty())
            queries.append(query.trimmed());
    if (name.isEmpty()) {
        fail(QStringLiteral("a saved trend needs a name"));
        return SaveResult::Failed;
    }
    if (queries.isEmpty() || queries.size() > kMaxQueries) {
        fail(QStringLiteral("a saved trend holds 1 to %1 searches").arg(kMaxQueries));
        return SaveResult::Failed;
    }
    if (trend.from.isValid() && trend.to.isValid() && trend.to < trend.from) {
        fail(QStringLiteral("a saved trend's last day comes before its first"));
        return SaveResult::Failed;
    }
    if (const QString error = Database::beginWrite(m_db); !error.isEmpty()) {
        fail(error);
        return SaveResult::Failed;
    }
    auto failed = [this](const QString &error) {
        m_db.rollback();
        fail(error);
        return SaveResult::Failed;
    };
    QSqlQuery existing(m_db);
    existing.prepare(QStringLiteral("SELECT 1 FROM user_saved_trends WHERE name = ?"));
    existing.addBindValue(name);
    if (!existing.exec())
        return failed(existing.lastError().text());
    const bool exists = existing.next();
    existing.finish();
    if (exists && !replace) {
        m_db.rollback();
        fail(QStringLiteral("a saved trend named '%1' exists").arg(name));
        return SaveResult::NameTaken;
    }
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    // A replacement under another case ("diffusion" for "Diffusion") takes the new spelling.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO user_saved_trends (name, queries, per, share, from_day, to_day, created)"
        " VALUES (?,?,?,?,?,?,?) ON CONFLICT (name) DO UPDATE SET name = excluded.name,"
        " queries = excluded.queries, per = excluded.per, share = excluded.share,"
        " from_day = excluded.from_day, to_day = excluded.to_day, created = excluded.created"));
    q.addBindValue(name);
    q.addBindValue(sql::joinList(queries));
    q.addBindValue(trendPeriodName(trend.by));
    q.addBindValue(trend.share ? 1 : 0);
    q.addBindValue(dayOrNull(trend.from));
    q.addBindValue(dayOrNull(trend.to));
    q.addBindValue(sql::isoNow(now));
    if (!q.exec())
        return failed(q.lastError().text());
    if (!m_db.commit())
        return failed(m_db.lastError().text());
    return exists ? SaveResult::Replaced : SaveResult::Saved;
}

bool SavedTrends::remove(const QString &name, bool *removed)
{
    m_error.clear();
    if (removed)
        *removed = false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM user_saved_trends WHERE name = ?"));
    q.addBindValue(name.simplified());
    if (!q.exec())
        return fail(q.lastError().text());
    if (removed)
        *removed = q.numRowsAffected() > 0;
    return true;
}

} // namespace paperboy
