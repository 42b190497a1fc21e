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

// Tables derived from the others and rebuilt from them (the search index and its
// bookkeeping, the ranking's vocabulary and vectors), left out of comparisons, by name. Every
// other table is compared, so a table a later migration adds is covered without touching the
// tests.
inline bool isDerivedTable(const QString &name)
{
    static const QStringList derived = {
        QStringLiteral("search_fts"),     QStringLiteral("search_extra"),
        QStringLiteral("search_seq"),     QStringLiteral("search_deferral"),
        QStringLiteral("search_pending"), QStringLiteral("rank_terms"),
        QStringLiteral("rank_features"),  QStringLiteral("rank_stale"),
        QStringLiteral("rank_state"),     QStringLiteral("pdf_text"),
    };
    return derived.contains(name) || name.startsWith(QLatin1String("search_fts_")) ||
           name.startsWith(QLatin1String("pdf_text_")) || name.startsWith(QLatin1String("sqlite_"));
}

// The user's own tables: written by the user's actions and by restores, never by imports,
// fetches or migrations.
inline bool isUserTable(const QString &name)
{
    return name.startsWith(QLatin1String("user_")) || name == QLatin1String("saved_searches") ||
           name.startsWith(QLatin1String("note_"));
}

// Every table of the library, from sqlite_master.
inline QStringList tableNames(const QSqlDatabase &db)
{
    QStringList names;
    QSqlQuery q(db);
    if (!q.exec(
            QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")))
        return {QStringLiteral("<cannot list the tables>")};
    while (q.next())
        names.append(q.value(0).toString());
    return names;
}

// A table's rows as "table|value|value...", sorted: the order of storage is not compared.
inline QStringList dumpTable(const QSqlDatabase &db, const QString &table)
{
    QString quoted = table;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    // Left out: the note history's row ids (a restored library numbers them anew) and the
    // clock times of when something happened (when a note was replaced, a digest imported),
    // which differ between two runs that store the same.
    QString columns = QStringLiteral("*");
    if (table == QLatin1String("note_history"))
        columns = QStringLiteral("arxiv_id, text, replaced_by");
    else if (table == QLatin1String("digests"))
        columns = QStringLiteral("id, date, source, category, title, same_as, entry_count");
    QStringList rows = dumpRows(db, QStringLiteral("SELECT %1 FROM \"%2\"").arg(columns, quoted));
    for (QString &row : rows)
        row.prepend(table + QLatin1Char('|'));
    rows.sort();
    return rows;
}

// Every table but the derived ones and `leaveOut`.
inline QStringList libraryRows(const QSqlDatabase &db, const QStringList &leaveOut = {})
{
    QStringList rows;
    const QStringList names = tableNames(db);
    for (const QString &name : names)
        if (!isDerivedTable(name) && !leaveOut.contains(name))
            rows += dumpTable(db, name);
    return rows;
}

inline QStringList userData(const QSqlDatabase &db)
{
    QStringList rows;
    const QStringList names = tableNames(db);
    for (const QString &name : names)
        if (isUserTable(name))
            rows += dumpTable(db, name);
    return rows;
}

// Everything but user data and derived tables: papers, digests and their entries,
// translations, AI summaries, day counts, the fetch ledger, HTTP validators, import
// checkpoints, and whatever a later migration adds.
inline QStringList cacheData(const QSqlDatabase &db, const QStringList &leaveOut = {})
{
    QStringList rows;
    const QStringList names = tableNames(db);
    for (const QString &name : names)
        if (!isDerivedTable(name) && !isUserTable(name) && !leaveOut.contains(name))
            rows += dumpTable(db, name);
    return rows;
}

inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace paperboy::test
