#pragma once

// Rotating automatic backups of user data: one dated file per day, the newest `keep` kept.
// The window calls this on start; `paperboy backup` without a file does the same.

#include "store/database.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace paperboy {

struct AutomaticBackupResult
{
    bool ok = false;
    QString path;           // the file written
    QString error;          // names the file or folder
    QStringList removed;    // older backups deleted by the rotation
    bool unchanged = false; // today's file already held this very data: nothing was written
};

// dataFolder()/backups (core/data_folder.h)
QString defaultBackupFolder();

// "paperboy-backup-2024-03-14.json"
QString automaticBackupFileName(const QDate &date);

// Writes today's backup (replacing an earlier one of the same day, so it holds the latest
// state) and deletes the oldest dated backups beyond `keep`. Other files in the folder are
// never touched. When today's file already holds what the library holds now (the
// fingerprint of its user data, kept in a hidden state file in the folder, is unchanged and
// the file is still the one written), nothing is written: the window starts many times a
// day. `now` is a clock seam; the day is the local calendar day.
AutomaticBackupResult rotateAutomaticBackup(Database &database, const QString &folder, int keep = 7,
                                            const QDateTime &now = {});

} // namespace paperboy
