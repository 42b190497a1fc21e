#include "backup/backup_file.h"

#include "backup/backup_stream.h"

#include <QFile>
#include <QMap>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

namespace paperboy {

namespace {

// Backups of huge libraries are a few MB; anything far bigger is not ours.
constexpr qint64 kMaxBackupBytes = 256LL * 1024 * 1024;

} // namespace

std::optional<BackupData> readUserData(Database &database, QString *error)
{
    QSqlDatabase db = database.connection();
    auto failed = [&](const QSqlQuery &q) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(database.path(), q.lastError().text());
        db.rollback();
        return std::nullopt;
    };
    // One snapshot: a write between the three reads must not split a paper's data.
    const bool ownTransaction = db.transaction();
    QMap<QString, BackupPaper> papers;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT arxiv_id, starred, starred_changed, read, read_changed,"
                               " note, note_changed FROM user_papers")))
        return failed(q);
    while (q.next()) {
        BackupPaper &paper = papers[q.value(0).toString()];
        paper.id = q.value(0).toString();
        paper.starred = q.value(1).toInt() != 0;
        paper.starredChanged = q.value(2).toString();
        paper.read = q.value(3).toInt() != 0;
        paper.readChanged = q.value(4).toString();
        if (!q.value(5).isNull())
            paper.note = q.value(5).toString();
        paper.noteChanged = q.value(6).toString();
    }
    if (!q.exec(
            QStringLiteral("SELECT arxiv_id, tag, added FROM user_tags ORDER BY arxiv_id, tag")))
        return failed(q);
    while (q.next()) {
        BackupPaper &paper = papers[q.value(0).toString()];
        paper.id = q.value(0).toString();
        paper.tags.append({q.value(1).toString(), q.value(2).toString()});
    }
    BackupData data;
    if (!q.exec(QStringLiteral("SELECT name, query, created FROM saved_searches ORDER BY name")))
        return failed(q);
    while (q.next())
        data.savedSearches.append(
            {q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    if (ownTransaction)
        db.commit();
    data.papers = papers.values();
    return data;
}
bool writeBackupFile(Database &database, const QString &path, QString *error, const QDateTime &now,
                     BackupData *written, QByteArray *fingerprint)
{
    // QSaveFile writes beside the target and renames on commit: a full disk or a crash
    // leaves the previous backup, never half of a new one. The document is streamed into it
    // paper by paper (export/backup_stream.h), so memory stays flat at any library size.
    QSaveFile file(path);
    auto cannotWrite = [&] {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    };
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite();
    const QString created = backupTimestamp(now.isValid() ? now : QDateTime::currentDateTimeUtc());
    QString streamError;
    if (!streamBackup(database, file, created, &streamError, fingerprint, written)) {
        // Before cancelWriting(), which sets an error of its own.
        if (file.error() != QFileDevice::NoError)
            return cannotWrite();
        file.cancelWriting();
        if (error)
            *error = streamError;
        return false;
    }
    return file.commit() || cannotWrite();
}

std::optional<BackupData> readBackupFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxBackupBytes) {
        if (error)
            *error = QStringLiteral("%1: too large for a Paperboy backup (%2 bytes)")
                         .arg(path)
                         .arg(file.size());
        return std::nullopt;
    }
    return backupFromJson(file.readAll(), path, error);
}

} // namespace paperboy
