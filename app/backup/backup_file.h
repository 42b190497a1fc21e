#pragma once

// The backup file on disk: written whole or not at all, read back with a size cap.

#include "backup/backup_format.h"
#include "store/database.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace paperboy {

// Reads all user data in one read transaction (a consistent snapshot).
std::optional<BackupData> readUserData(Database &database, QString *error);

// Writes the user data of `database` to `path` through a temporary file in the same folder,
// renamed into place only when complete. `now` is a clock seam (default: current UTC time).
// `fingerprint` receives userDataFingerprint() (backup/backup_stream.h) of what was written.
bool writeBackupFile(Database &database, const QString &path, QString *error,
                     const QDateTime &now = {}, BackupData *written = nullptr,
                     QByteArray *fingerprint = nullptr);

std::optional<BackupData> readBackupFile(const QString &path, QString *error);

} // namespace paperboy
