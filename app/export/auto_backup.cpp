#include "auto_backup.h"

#include "export/user_backup.h"

#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>

namespace paperboy {

QString defaultBackupFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/backups");
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
    if (!writeBackupFile(database, result.path, &result.error, when))
        return result;
    result.ok = true;

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
