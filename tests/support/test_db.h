#pragma once

// Test seam: a real SQLite file in a temporary folder, opened through the real Database.

#include "store/database.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

#include <memory>

namespace paperboy::test {

inline QString fixture(const QString &relative)
{
    return QStringLiteral(PAPERBOY_TEST_DATA "/") + relative;
}

inline QString foundingDigestPath()
{
    return fixture(QStringLiteral("digest-text/meiri-xueshu-sudi_2024-03-14_cs.CV.txt"));
}

// Rows of a query as text, for comparing table contents before and after an operation.
inline QStringList dumpRows(const QSqlDatabase &db, const QString &sql)
{
    QStringList rows;
    QSqlQuery q(db);
    if (!q.exec(sql))
        return {QStringLiteral("<query failed>")};
    while (q.next()) {
        QStringList fields;
        for (int i = 0; i < q.record().count(); ++i)
            fields.append(q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
        rows.append(fields.join(QLatin1Char('|')));
    }
    return rows;
}

// Every user table there is (the note history from schema version 9 on), so a comparison
// before and after an import, fetch or migration covers all of them.
inline QStringList userData(const QSqlDatabase &db)
{
    QStringList rows =
        dumpRows(db, QStringLiteral("SELECT * FROM user_papers ORDER BY arxiv_id")) +
        dumpRows(db, QStringLiteral("SELECT * FROM user_tags ORDER BY arxiv_id, tag"));
    if (db.tables().contains(QStringLiteral("note_history")))
        rows += dumpRows(db, QStringLiteral("SELECT arxiv_id, text, replaced_at, replaced_by"
                                            " FROM note_history ORDER BY arxiv_id, replaced_at,"
                                            " replaced_by, text")); // the row id is no data
    return rows;
}

inline QStringList cacheData(const QSqlDatabase &db)
{
    return dumpRows(db, QStringLiteral("SELECT * FROM papers ORDER BY id")) +
           dumpRows(db, QStringLiteral("SELECT id, date, source, category, title, same_as, "
                                       "entry_count FROM digests ORDER BY id")) +
           dumpRows(db, QStringLiteral("SELECT * FROM digest_entries ORDER BY id")) +
           dumpRows(db, QStringLiteral("SELECT * FROM entry_translations ORDER BY id"));
}

inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace paperboy::test
