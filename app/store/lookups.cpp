#include "store/lookups.h"

#include "store/sql_values.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace paperboy {

QStringList idsWithTag(Database &database, const QString &tag, QString *error)
{
    QStringList ids;
    QSqlQuery q(database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT arxiv_id FROM user_tags WHERE tag = ?"
                             " ORDER BY added DESC, arxiv_id"));
    q.addBindValue(tag.simplified());
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return ids;
    }
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

int storedEntryCount(Database &database, const QDate &date, const QString &source,
                     const QString &category, QString *error)
{
    QSqlQuery q(database.connection());
    q.prepare(QStringLiteral(
        "SELECT entry_count FROM digests WHERE date = ? AND source = ? AND category = ?"));
    q.addBindValue(date.toString(Qt::ISODate));
    q.addBindValue(source);
    q.addBindValue(category);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return -1;
    }
    return q.next() ? q.value(0).toInt() : 0;
}

QStringList incompletePaperIds(Database &database, int limit)
{
    QStringList ids;
    QSqlQuery q(database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT arxiv_id FROM papers WHERE abstract IS NULL OR abstract = ''"
                             " OR categories IS NULL OR categories = '' ORDER BY id LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return ids;
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

std::optional<ImportCheckpoint> readImportCheckpoint(Database &database, const QString &fileKey)
{
    QSqlQuery q(database.connection());
    q.prepare(QStringLiteral(
        "SELECT path, offset, line, papers, finished FROM import_checkpoints WHERE file_key = ?"));
    q.addBindValue(fileKey);
    if (!q.exec() || !q.next())
        return std::nullopt;
    ImportCheckpoint checkpoint;
    checkpoint.fileKey = fileKey;
    checkpoint.path = q.value(0).toString();
    checkpoint.offset = q.value(1).toLongLong();
    checkpoint.line = q.value(2).toInt();
    checkpoint.papers = q.value(3).toLongLong();
    checkpoint.finished = q.value(4).toInt() != 0;
    return checkpoint;
}

bool writeImportCheckpoint(Database &database, const ImportCheckpoint &checkpoint)
{
    QSqlQuery q(database.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO import_checkpoints (file_key, path, offset, line, papers, finished, updated)"
        " VALUES (?,?,?,?,?,?,?) ON CONFLICT(file_key) DO UPDATE SET offset = excluded.offset,"
        " line = excluded.line, papers = excluded.papers, finished = excluded.finished,"
        " updated = excluded.updated"));
    q.addBindValue(checkpoint.fileKey);
    q.addBindValue(checkpoint.path);
    q.addBindValue(checkpoint.offset);
    q.addBindValue(checkpoint.line);
    q.addBindValue(checkpoint.papers);
    q.addBindValue(checkpoint.finished ? 1 : 0);
    q.addBindValue(sql::isoNow(QDateTime::currentDateTimeUtc()));
    return q.exec();
}

} // namespace paperboy
