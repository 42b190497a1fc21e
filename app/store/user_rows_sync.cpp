// Removals for sync (issue #20): what another device removed goes in the same transaction as
// the rest of a pulled round (see user_rows.h).

#include "store/user_rows.h"

#include <QSqlError>
#include <QSqlQuery>

namespace paperboy {

namespace {

// One DELETE with its bind values; `removed` tells whether a row went.
QString removeRows(const QSqlDatabase &db, const QString &sql, const QVariantList &values,
                   bool *removed)
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (!q.exec())
        return q.lastError().text();
    *removed = q.numRowsAffected() > 0;
    return {};
}

} // namespace

bool UserRowsWriter::removeTag(const QString &id, const QString &tag, bool *removed)
{
    const QString error = removeRows(
        m_database.connection(),
        QStringLiteral("DELETE FROM user_tags WHERE arxiv_id = ? AND tag = ?"), {id, tag}, removed);
    return error.isEmpty() || fail(error);
}

bool UserRowsWriter::removeSavedSearch(const QString &name, bool *removed)
{
    const QString error =
        removeRows(m_database.connection(),
                   QStringLiteral("DELETE FROM saved_searches WHERE name = ?"), {name}, removed);
    return error.isEmpty() || fail(error);
}

bool UserRowsWriter::removeRule(const QString &name, bool *removed)
{
    // As Store::removeRule: the rule's highlights go with it.
    QString error =
        removeRows(m_database.connection(), QStringLiteral("DELETE FROM user_rules WHERE name = ?"),
                   {name}, removed);
    bool marks = false;
    if (error.isEmpty())
        error = removeRows(m_database.connection(),
                           QStringLiteral("DELETE FROM user_highlights WHERE rule = ?"), {name},
                           &marks);
    return error.isEmpty() || fail(error);
}

bool UserRowsWriter::removeSavedTrend(const QString &name, bool *removed)
{
    const QString error =
        removeRows(m_database.connection(),
                   QStringLiteral("DELETE FROM user_saved_trends WHERE name = ?"), {name}, removed);
    return error.isEmpty() || fail(error);
}

bool UserRowsWriter::removeTranslation(const QString &id, const QString &language, bool *removed)
{
    const QString error = removeRows(
        m_database.connection(),
        QStringLiteral("DELETE FROM user_translations WHERE arxiv_id = ? AND language = ?"),
        {id, language}, removed);
    return error.isEmpty() || fail(error);
}

} // namespace paperboy
