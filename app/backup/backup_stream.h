#pragma once

// User data read straight off the database, row by row, for the backup file and for the
// automatic backup's "has anything changed since?" check. Building the whole document with
// QJsonDocument first held every paper three times over (rows, QJsonObjects, text): ~250 MB
// at a million papers with 120,000 user rows.

#include "backup/backup_format.h"
#include "store/database.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <optional>

namespace paperboy {

// A digest of every value in the user tables (user_papers, user_tags, note_history,
// user_translations, saved_searches, issue #16's dismissals, follows, rules and highlights,
// issue #22's saved trends, issue #21's added papers),
// read in one snapshot. Equal fingerprints: a backup made now would hold the same data. Reads
// only.
std::optional<QByteArray> userDataFingerprint(Database &database, QString *error);

// Writes the backup document of the user data to `device`, one paper at a time, in one read
// transaction. The bytes are exactly QJsonDocument(backupToJson(data)).toJson(Indented) of
// the same data (with `created` set), so every reader of backups reads these. `fingerprint`
// (optional) receives userDataFingerprint() of the snapshot that was written; `written`
// (optional) receives the data itself, which costs the memory streaming saves.
bool streamBackup(Database &database, QIODevice &device, const QString &created, QString *error,
                  QByteArray *fingerprint = nullptr, BackupData *written = nullptr);

} // namespace paperboy
