// Removals for sync (issue #20): what another device removed goes in the same transaction as
// the rest of a pulled round (see user_rows.h).

#include "store/user_rows.h"

#include <QSqlError>

namespace paperboy {

bool UserRowsWriter::removeRows(const QString &sql, const QVariantList &values, bool *removed)
{
    QSqlQuery &q = prepared(sql);
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (!q.exec())
        return fail(q.lastError().text());
    *removed = q.numRowsAffected() > 0;
    return true;
}

bool UserRowsWriter::removeTag(const QString &id, const QString &tag, bool *removed)
{
    return removeRows(QStringLiteral("DELETE FROM user_tags WHERE arxiv_id = ? AND tag = ?"),
                      {id, tag}, removed);
}

bool UserRowsWriter::removeSavedSearch(const QString &name, bool *removed)
{
    return removeRows(QStringLiteral("DELETE FROM saved_searches WHERE name = ?"), {name}, removed);
}

bool UserRowsWriter::removeRule(const QString &name, bool *removed)
{
    // As Store::removeRule: the rule's highlights go with it.
    bool marks = false;
    return removeRows(QStringLiteral("DELETE FROM user_rules WHERE name = ?"), {name}, removed) &&
           removeRows(QStringLiteral("DELETE FROM user_highlights WHERE rule = ?"), {name}, &marks);
}

bool UserRowsWriter::removeSavedTrend(const QString &name, bool *removed)
{
    return removeRows(QStringLiteral("DELETE FROM user_saved_trends WHERE name = ?"), {name},
                      removed);
}

bool UserRowsWriter::removeTranslation(const QString &id, const QString &language, bool *removed)
{
    return removeRows(
        QStringLiteral("DELETE FROM user_translations WHERE arxiv_id = ? AND language = ?"),
        {id, language}, removed);
}

} // namespace paperboy
