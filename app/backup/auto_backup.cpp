#include "backup/auto_backup.h"

#include "core/data_folder.h"

#include "backup/backup_file.h"
#include "backup/backup_stream.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace paperboy {

namespace {

// Hidden, so listings of the folder (and the rotation) see only the backups themselves.
const char kStateFile[] = ".paperboy-backup-state.json";

// What the newest automatic backup in a folder holds: its file name, size and the
// fingerprint of the user data written into it.
struct BackupState
{
    QString file;
    qint64 bytes = -1;
    QByteArray fingerprint;
};

BackupState readState(const QDir &dir)
{
    QFile file(dir.filePath(QLatin1String(kStateFile)));
    if (!file.open(QIODevice::ReadOnly) || file.size() > 4096)
        return {};
    const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    return {state.value(QLatin1String("file")).toString(),
            qint64(state.value(QLatin1String("bytes")).toDouble(-1)),
            state.value(QLatin1String("user_data")).toString().toLatin1()};
}

void writeState(const QDir &dir, const BackupState &state)
{
    // Best effort: without it the next start writes the backup again, nothing worse.
    QSaveFile file(dir.filePath(QLatin1String(kStateFile)));
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("file"), state.file},
                                         {QStringLiteral("bytes"), double(state.bytes)},
                                         {QStringLiteral("user_data"),
                                          QString::fromLatin1(state.fingerprint)}})
                   .toJson(QJsonDocument::Compact));
    file.commit();
}

} // namespace

QString defaultBackupFolder()
{
    return dataFolder() + QStringLiteral("/backups");
}

QString automaticBackupFileName(const QDate &date)
{
    return QStringLiteral("paperboy-backup-%1.json").arg(date.toString(Qt::ISODate));
}

AutomaticBackupResult rotateAutomaticBackup(Database &database, const QString &folder, int keep,
                                            const QDateTime &now)
{
    AutomaticBackupResult result;
    const QDateTime when = now.isValid() ? now : QDateTime::currentDateTimeUtc();
    QDir dir(folder);
    if (!dir.mkpath(QStringLiteral("."))) {
        result.error = QStringLiteral("cannot create the backup folder %1").arg(folder);
        return result;
    }
    const QString name = automaticBackupFileName(when.toLocalTime().date());
    result.path = dir.filePath(name);
    const BackupState last = readState(dir);
    const QFileInfo today(result.path);
    std::optional<QByteArray> current;
    if (last.file == name && today.exists() && today.size() == last.bytes)
        current = userDataFingerprint(database, &result.error);
    if (current && *current == last.fingerprint) {
        result.unchanged = true;
    } else {
        BackupState state{name, -1, {}};
        if (!writeBackupFile(database, result.path, &result.error, when, nullptr,
                             &state.fingerprint))
            return result;
        state.bytes = QFileInfo(result.path).size();
        writeState(dir, state);
    }
    result.ok = true;
    result.error.clear();

    // ISO dates sort by name; only our own dated files take part in the rotation.
    static const QRegularExpression dated(
        QStringLiteral(R"(^paperboy-backup-\d{4}-\d{2}-\d{2}\.json$)"));
    QStringList backups;
    const QStringList files =
        dir.entryList({QStringLiteral("paperboy-backup-*.json")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        if (dated.match(file).hasMatch())
            backups.append(file);
    std::sort(backups.begin(), backups.end(), std::greater<>());
    int kept = 1; // today's, whatever its place in the order
    for (const QString &file : std::as_const(backups)) {
        if (file == name)
            continue;
        if (kept < std::max(keep, 1)) {
            ++kept;
            continue;
        }
        if (dir.remove(file))
            result.removed.append(dir.filePath(file));
    }
    return result;
}

} // namespace paperboy
