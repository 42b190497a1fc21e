#include "backup/auto_backup.h"

#include "core/data_folder.h"

#include "backup/backup_file.h"
#include "backup/backup_stream.h"

#include <QCryptographicHash>
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
QString stateFileName(const QString &tag)
{
    return QStringLiteral(".paperboy-backup-state-%1.json").arg(tag);
}

// What the newest automatic backup in a folder holds: its file name, size and the
// fingerprint of the user data written into it.
struct BackupState
{
    QString file;
    qint64 bytes = -1;
    QByteArray fingerprint;
};

BackupState readState(const QDir &dir, const QString &tag)
{
    QFile file(dir.filePath(stateFileName(tag)));
    if (!file.open(QIODevice::ReadOnly) || file.size() > 4096)
        return {};
    const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    return {state.value(QLatin1String("file")).toString(),
            qint64(state.value(QLatin1String("bytes")).toDouble(-1)),
            state.value(QLatin1String("user_data")).toString().toLatin1()};
}

void writeState(const QDir &dir, const QString &tag, const BackupState &state)
{
    // Best effort: without it the next start writes the backup again, nothing worse.
    QSaveFile file(dir.filePath(stateFileName(tag)));
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

QString automaticBackupLibraryTag(const QString &libraryPath)
{
    const QFileInfo info(libraryPath);
    const QString canonical = info.canonicalFilePath();
    const QString full = canonical.isEmpty() ? info.absoluteFilePath() : canonical;
    QString name = info.completeBaseName().left(40);
    for (QChar &c : name)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'.' && c != u'_' && c != u'-')
            c = u'_';
    if (name.isEmpty())
        name = QStringLiteral("library");
    const QByteArray hash = QCryptographicHash::hash(full.toUtf8(), QCryptographicHash::Sha1);
    return name + u'-' + QString::fromLatin1(hash.toHex().left(8));
}

QString automaticBackupFileName(const QString &libraryPath, const QDate &date)
{
    return QStringLiteral("paperboy-backup-%1-%2.json")
        .arg(automaticBackupLibraryTag(libraryPath), date.toString(Qt::ISODate));
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
    // Two libraries used to write the same dated file, each overwriting the other's backup,
    // and the rotation counted both.
    const QString tag = automaticBackupLibraryTag(database.path());
    const QString name = automaticBackupFileName(database.path(), when.toLocalTime().date());
    result.path = dir.filePath(name);
    const BackupState last = readState(dir, tag);
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
        writeState(dir, tag, state);
    }
    result.ok = true;
    result.error.clear();

    // ISO dates sort by name; only this library's dated files take part in the rotation.
    const QRegularExpression dated(QStringLiteral(R"(^paperboy-backup-%1-\d{4}-\d{2}-\d{2}\.json$)")
                                       .arg(QRegularExpression::escape(tag)));
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
