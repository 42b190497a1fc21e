#include "backup/backup_file.h"

#include "backup/backup_stream.h"

#include "store/user_rows.h"

#include <QFile>
#include <QSaveFile>

namespace paperboy {

namespace {

// Backups of huge libraries are a few MB; anything far bigger is not ours.
constexpr qint64 kMaxBackupBytes = 256LL * 1024 * 1024;

} // namespace

std::optional<BackupData> readUserData(Database &database, QString *error)
{
    BackupData data;
    UserRowsVisitor collect;
    collect.paper = [&](UserPaperRows &&paper) {
        data.papers.append(std::move(paper));
        return true;
    };
    collect.search = [&](SavedSearchRow &&search) {
        data.savedSearches.append(std::move(search));
        return true;
    };
    collect.dismissal = [&](DismissalRow &&row) {
        data.dismissals.append(std::move(row));
        return true;
    };
    collect.follow = [&](FollowRow &&row) {
        data.followedAuthors.append(std::move(row));
        return true;
    };
    collect.rule = [&](RuleRow &&row) {
        data.rules.append(std::move(row));
        return true;
    };
    collect.highlight = [&](HighlightRow &&row) {
        data.highlights.append(std::move(row));
        return true;
    };
    collect.seen = [&](SeenVersionRow &&seen) {
        data.seenVersions.append(std::move(seen));
        return true;
    };
    if (!walkUserRows(database, collect, nullptr, error))
        return std::nullopt;
    data.version = backupVersionFor(data);
    return data;
}

bool writeBackupFile(Database &database, const QString &path, QString *error, const QDateTime &now,
                     BackupData *written, QByteArray *fingerprint)
{
    // QSaveFile writes beside the target and renames on commit: a full disk or a crash
    // leaves the previous backup, never half of a new one. The document is streamed into it
    // paper by paper (backup/backup_stream.h), so memory stays flat at any library size.
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
