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

// Which library a backup comes from, for its file name: the library file's name (letters,
// digits, '.', '_' and '-' only) and 8 hex digits of a hash of its full path, so two
// libraries of the same name in different folders differ too: "paperboy-3f2a9c1e".
QString automaticBackupLibraryTag(const QString &libraryPath);

// "paperboy-backup-paperboy-3f2a9c1e-2024-03-14.json"
QString automaticBackupFileName(const QString &libraryPath, const QDate &date);

// Writes today's backup of this library (replacing an earlier one of the same day, so it
// holds the latest state) and deletes its oldest dated backups beyond `keep`. Each library
// has its own files and its own rotation, so libraries can share a folder. Other files in
// the folder (other libraries' backups, backups named by older versions, anything else) are
// never touched. When today's file already holds what the library holds now (the
// fingerprint of its user data, kept in a hidden state file per library, is unchanged and
// the file is still the one written), nothing is written: the window starts many times a
// day. `now` is a clock seam; the day is the local calendar day.
AutomaticBackupResult rotateAutomaticBackup(Database &database, const QString &folder, int keep = 7,
                                            const QDateTime &now = {});

} // namespace paperboy
