// The restore's writes of issue #16's user rows (dismissals, followed authors, rules and
// highlights), issue #22's saved trends and issue #21's added papers (see user_rows.h). The merge
// rules are the backup module's.

#include "store/user_rows.h"

#include "store/sql_values.h"

#include <QSqlError>
#include <QSqlQuery>

namespace paperboy {

bool UserRowsWriter::readDismissal(const QString &id, std::optional<DismissalRow> *row)
{
    QSqlQuery &q = prepared(
        QStringLiteral("SELECT dismissed, changed FROM user_dismissals WHERE arxiv_id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return fail(q.lastError().text());
    row->reset();
    if (q.next())
        *row = DismissalRow{id, q.value(0).toInt() != 0, q.value(1).toString()};
    return true;
}

bool UserRowsWriter::writeDismissal(const DismissalRow &row)
{
    QSqlQuery &q =
        prepared(QStringLiteral("INSERT INTO user_dismissals (arxiv_id, dismissed, changed)"
                                " VALUES (?,?,?) ON CONFLICT(arxiv_id) DO UPDATE SET"
                                " dismissed = excluded.dismissed, changed = excluded.changed"));
    q.addBindValue(row.id);
    q.addBindValue(row.dismissed ? 1 : 0);
    q.addBindValue(row.changed);
    return q.exec() || fail(q.lastError().text());
}

bool UserRowsWriter::readFollow(const QString &key, std::optional<FollowRow> *row)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT name, followed, changed FROM user_follows"
                                           " WHERE name_key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return fail(q.lastError().text());
    row->reset();
    if (q.next())
        *row = FollowRow{q.value(0).toString(), q.value(1).toInt() != 0, q.value(2).toString()};
    return true;
}

bool UserRowsWriter::writeFollow(const QString &key, const FollowRow &row)
{
    // The spelling first given stays (as Store::setFollowed keeps it).
    QSqlQuery &q =
        prepared(QStringLiteral("INSERT INTO user_follows (name_key, name, followed, changed)"
                                " VALUES (?,?,?,?) ON CONFLICT(name_key) DO UPDATE SET"
                                " followed = excluded.followed, changed = excluded.changed"));
    q.addBindValue(key);
    q.addBindValue(row.name);
    q.addBindValue(row.followed ? 1 : 0);
    q.addBindValue(row.changed);
    return q.exec() || fail(q.lastError().text());
}

bool UserRowsWriter::readRule(const QString &name, std::optional<RuleRow> *row)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT query, action, coalesce(argument, ''), created"
                                           " FROM user_rules WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return fail(q.lastError().text());
    row->reset();
    if (q.next())
        *row = RuleRow{name, q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                       q.value(3).toString()};
    return true;
}

bool UserRowsWriter::writeRule(const RuleRow &row)
{
    QSqlQuery &q =
        prepared(QStringLiteral("INSERT INTO user_rules (name, query, action, argument, created)"
                                " VALUES (?,?,?,?,?) ON CONFLICT(name) DO UPDATE SET"
                                " query = excluded.query, action = excluded.action,"
                                " argument = excluded.argument, created = excluded.created"));
    q.addBindValue(row.name);
    q.addBindValue(row.query);
    q.addBindValue(row.action);
    q.addBindValue(sql::textOrNull(row.tag));
    q.addBindValue(row.created);
    return q.exec() || fail(q.lastError().text());
}

bool UserRowsWriter::addHighlight(const HighlightRow &row, bool *added)
{
    QSqlQuery &q =
        prepared(QStringLiteral("INSERT INTO user_highlights (arxiv_id, rule, added) VALUES (?,?,?)"
                                " ON CONFLICT DO NOTHING"));
    q.addBindValue(row.id);
    q.addBindValue(row.rule);
    q.addBindValue(row.added);
    if (!q.exec())
        return fail(q.lastError().text());
    *added = q.numRowsAffected() > 0;
    return true;
}

bool UserRowsWriter::mergeAdded(const AddedRow &row, bool *added)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT added_at FROM user_added WHERE arxiv_id = ?"));
    q.addBindValue(row.id);
    if (!q.exec())
        return fail(q.lastError().text());
    const bool exists = q.next();
    *added = !exists;
    if (exists && q.value(0).toString() <= row.addedAt)
        return true;
    q.finish();
    QSqlQuery write(m_database.connection());
    write.prepare(
        QStringLiteral("INSERT INTO user_added (arxiv_id, added_at) VALUES (?, ?)"
                       " ON CONFLICT (arxiv_id) DO UPDATE SET added_at = excluded.added_at"));
    write.addBindValue(row.id);
    write.addBindValue(row.addedAt);
    return write.exec() || fail(write.lastError().text());
}

bool UserRowsWriter::readSavedTrend(const QString &name, std::optional<SavedTrendRow> *row)
{
    QSqlQuery &q =
        prepared(QStringLiteral("SELECT name, queries, per, share, coalesce(from_day, ''),"
                                " coalesce(to_day, ''), created FROM user_saved_trends"
                                " WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return fail(q.lastError().text());
    row->reset();
    if (q.next())
        *row = SavedTrendRow{q.value(0).toString(), sql::splitList(q.value(1).toString()),
                             q.value(2).toString(), q.value(3).toInt() != 0,
                             q.value(4).toString(), q.value(5).toString(),
                             q.value(6).toString()};
    return true;
}

bool UserRowsWriter::writeSavedTrend(const SavedTrendRow &row)
{
    QSqlQuery &q = prepared(QStringLiteral(
        "INSERT INTO user_saved_trends (name, queries, per, share, from_day, to_day, created)"
        " VALUES (?,?,?,?,?,?,?) ON CONFLICT(name) DO UPDATE SET name = excluded.name,"
        " queries = excluded.queries, per = excluded.per, share = excluded.share,"
        " from_day = excluded.from_day, to_day = excluded.to_day, created = excluded.created"));
    q.addBindValue(row.name);
    q.addBindValue(sql::joinList(row.queries));
    q.addBindValue(row.per);
    q.addBindValue(row.share ? 1 : 0);
    q.addBindValue(sql::textOrNull(row.from));
    q.addBindValue(sql::textOrNull(row.to));
    q.addBindValue(row.created);
    return q.exec() || fail(q.lastError().text());
}

} // namespace paperboy
