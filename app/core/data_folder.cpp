#include "core/data_folder.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace paperboy {

namespace {

const QString kLibraryFile = QStringLiteral("paperboy.sqlite");

} // namespace

QString dataFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/paperboy");
}

QString legacyDataFolder()
{
    return dataFolder() + QStringLiteral("/paperboy");
}

QString adoptLegacyDataFolder()
{
    const QDir legacy(legacyDataFolder());
    const QDir current(dataFolder());
    if (!legacy.exists() || current.exists(kLibraryFile))
        return {};
    // A log beside the library means a process has it open or crashed with it open: moving
    // the files under that process, or away from the log it must replay, could lose data.
    // defaultPath() keeps using the legacy library then.
    if (legacy.exists(kLibraryFile + QStringLiteral("-wal")))
        return {};
    const QStringList entries =
        legacy.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &name : entries) {
        if (current.exists(name))
            continue; // never overwrite: the newer folder's file stays, the old one too
        if (!QDir().rename(legacy.filePath(name), current.filePath(name)))
            return QStringLiteral("cannot move %1 to %2")
                .arg(legacy.filePath(name), current.absolutePath());
    }
    QDir().rmdir(legacy.absolutePath()); // only when it is empty now
    return {};
}

} // namespace paperboy
