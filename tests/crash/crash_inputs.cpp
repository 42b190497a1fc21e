#include "crash_inputs.h"

#include "backup/backup_format.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace paperboy::crash {

QByteArray syntheticDigest(const QDate &date, int entries, int idBase)
{
    QByteArray text = QStringLiteral("每日学术速递%1\n\nSubjects: cs.LG\n\n")
                          .arg(date.toString(QStringLiteral("yyyy.MM.dd")))
                          .toUtf8();
    for (int i = 1; i <= entries; ++i)
        text += QStringLiteral("%1.Crash-safe storage, part %1\n\n标题:崩溃安全的存储 %1\n\n"
                               "作者:Ada Lovelace, Alan Turing\n\n"
                               "文章链接:https://arxiv.org/abs/%2.%3\n\n"
                               "摘要:\n\n        第 %1 篇论文的摘要:写入要么完整,要么没有。\n\n")
                    .arg(i)
                    .arg(date.toString(QStringLiteral("yyMM")))
                    .arg(idBase + i, 5, 10, QLatin1Char('0'))
                    .toUtf8();
    return text;
}

QByteArray syntheticSnapshot(int papers, int days)
{
    QByteArray out;
    const QDate first(2019, 3, 1);
    for (int i = 0; i < papers; ++i) {
        const QDate day = first.addDays(i % std::max(1, days));
        const QString created =
            QStringLiteral("%1 10:00:00 GMT")
                .arg(QLocale::c().toString(day, QStringLiteral("ddd, d MMM yyyy")));
        const QJsonObject record{
            {QStringLiteral("id"), QStringLiteral("1903.%1").arg(i + 1, 5, 10, QLatin1Char('0'))},
            {QStringLiteral("submitter"), QStringLiteral("Ada Lovelace")},
            {QStringLiteral("authors"), QStringLiteral("Ada Lovelace, Alan Turing")},
            {QStringLiteral("title"), QStringLiteral("Bulk import, record %1").arg(i + 1)},
            {QStringLiteral("categories"), QStringLiteral("cs.LG cs.DB")},
            {QStringLiteral("abstract"),
             QStringLiteral("  Record %1 of a snapshot imported in chunks; a kill resumes "
                            "where the last chunk ended.\n")
                 .arg(i + 1)},
            {QStringLiteral("versions"),
             QJsonArray{QJsonObject{{QStringLiteral("version"), QStringLiteral("v1")},
                                    {QStringLiteral("created"), created}}}},
            {QStringLiteral("update_date"), day.toString(Qt::ISODate)},
        };
        out += QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
    }
    return out;
}

bool buildOldLibrary(const QString &fixture, const QString &path, int papers, QString *error)
{
    QFile::remove(path);
    if (!QFile::copy(fixture, path) ||
        !QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner)) {
        *error = QStringLiteral("cannot copy %1").arg(fixture);
        return false;
    }
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK) {
        *error = QStringLiteral("cannot open %1").arg(path);
        sqlite3_close(db);
        return false;
    }
    sqlite3_stmt *insert = nullptr;
    bool ok = sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK &&
              sqlite3_prepare_v2(db,
                                 "INSERT INTO papers (arxiv_id, version, title, authors, abstract,"
                                 " categories, primary_category, published) VALUES"
                                 " (?, 1, ?, 'Grace Hopper', ?, 'cs.CV', 'cs.CV', '2024-03-01')",
                                 -1, &insert, nullptr) == SQLITE_OK;
    for (int i = 1; ok && i <= papers; ++i) {
        const QByteArray id = QStringLiteral("2403.%1").arg(10000 + i).toUtf8();
        const QByteArray title = QStringLiteral("An older paper, number %1").arg(i).toUtf8();
        const QByteArray abstract =
            QStringLiteral("Stored by version 6 and upgraded, or not, when the power went: "
                           "paper %1 of the old library, 旧的论文 %1.")
                .arg(i)
                .toUtf8();
        sqlite3_bind_text(insert, 1, id.constData(), int(id.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 2, title.constData(), int(title.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 3, abstract.constData(), int(abstract.size()), SQLITE_TRANSIENT);
        ok = sqlite3_step(insert) == SQLITE_DONE && sqlite3_reset(insert) == SQLITE_OK;
    }
    sqlite3_finalize(insert);
    ok = ok && sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    if (!ok)
        *error = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_close(db);
    return ok;
}

bool writeRestoreFile(const QString &path, const QList<RestoreValues> &values,
                      const QString &searchName, const QString &searchQuery, const QDateTime &when,
                      QString *error)
{
    BackupData data;
    const QString stamp = backupTimestamp(when);
    data.created = stamp;
    for (const RestoreValues &value : values) {
        BackupPaper paper;
        paper.id = value.paper;
        paper.starred = value.starred;
        paper.starredChanged = stamp;
        paper.note = value.note;
        paper.noteChanged = stamp;
        paper.tags = {{value.tag, stamp}};
        data.papers.append(paper);
    }
    std::sort(data.papers.begin(), data.papers.end(),
              [](const BackupPaper &a, const BackupPaper &b) { return a.id < b.id; });
    data.savedSearches = {{searchName, searchQuery, stamp}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(backupToJson(data)).toJson()) < 0 || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QHash<QString, QString> readUserKeys(const QString &path, QString *error)
{
    QHash<QString, QString> values;
    const QString name = QStringLiteral("crash-user-keys");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        QSqlQuery q(db);
        if (!db.open() || !q.exec(QStringLiteral("SELECT arxiv_id, starred, read, "
                                                 "coalesce(note, '') FROM user_papers"))) {
            *error = QStringLiteral("cannot read user data: %1").arg(q.lastError().text());
        } else {
            while (q.next()) {
                const QString id = q.value(0).toString();
                values.insert(QStringLiteral("star:") + id, q.value(1).toString());
                values.insert(QStringLiteral("read:") + id, q.value(2).toString());
                values.insert(QStringLiteral("note:") + id, q.value(3).toString());
            }
            q.exec(QStringLiteral("SELECT arxiv_id, tag FROM user_tags"));
            while (q.next())
                values.insert(
                    QStringLiteral("tag:%1:%2").arg(q.value(0).toString(), q.value(1).toString()),
                    QStringLiteral("1"));
            q.exec(QStringLiteral("SELECT name, query FROM saved_searches"));
            while (q.next())
                values.insert(QStringLiteral("search:") + q.value(0).toString(),
                              q.value(1).toString());
            // Schema version 11 (issue #16): dismissals by paper, followed authors by folded
            // name (an older library, before its upgrade, has neither table).
            if (q.exec(QStringLiteral("SELECT 'dismiss:' || arxiv_id, dismissed FROM"
                                      " user_dismissals UNION ALL SELECT 'follow:' || name_key,"
                                      " followed FROM user_follows")))
                while (q.next())
                    values.insert(q.value(0).toString(), q.value(1).toString());
            // Schema version 14 (issue #22): saved trends by name.
            if (q.exec(QStringLiteral("SELECT 'trend:' || name, queries FROM user_saved_trends")))
                while (q.next())
                    values.insert(q.value(0).toString(), q.value(1).toString());
            // Issue #21: kept PDFs by paper.
            if (q.exec(QStringLiteral("SELECT 'pdf:' || arxiv_id, '1' FROM user_pdfs")))
                while (q.next())
                    values.insert(q.value(0).toString(), q.value(1).toString());
            // Schema version 17 (issue #21): papers added by hand.
            if (q.exec(QStringLiteral("SELECT 'added:' || arxiv_id, '1' FROM user_added")))
                while (q.next())
                    values.insert(q.value(0).toString(), q.value(1).toString());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return values;
}

} // namespace paperboy::crash
