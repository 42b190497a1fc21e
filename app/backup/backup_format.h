#pragma once

// Everything the user wrote (stars, read marks, notes with their earlier texts, tags, their
// own translations, saved searches) as one versioned JSON document, independent of the cache
// so it can be restored anywhere.
//
// {"format": "paperboy-backup", "version": 2, "created": "...",
//  "papers": [{"id", "starred", "starred_changed", "read", "read_changed", "note",
//              "note_changed", "tags": [{"tag", "added"}],
//              "note_history": [{"text", "replaced_at", "by"}],
//              "translations": [{"language", "title", "abstract", "changed"}]}],
//  "saved_searches": [{"name", "query", "created"}],
//  "seen_versions": [{"id", "version", "seen_at"}]}
//
// Version 2 added "note_history" (newest first, only on papers that have one); version 1
// files read as papers without history. "seen_versions" (the newest version of a paper the
// reader opened, issue #18) came later in version 2: a backup without it has none. Version 3
// added "translations" (the user's own title and abstract in another language, issue #17;
// only on papers that have one): a backup holding any is written as version 3, so a Paperboy
// that reads only up to 2 refuses it instead of restoring it without them; every other
// backup is still version 2.

#include "store/user_rows.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace paperboy {

inline constexpr int kBackupFormatVersion = 3; // the newest version this build reads
inline constexpr int kBackupVersionTranslations = 3;
inline constexpr char kBackupFormatName[] = "paperboy-backup";

// A backup holds the user's rows as stored (store/user_rows.h): timestamps are the text the
// database holds, empty when never set, so a round trip gives back the very same rows.
using BackupTag = UserTagRow;
using BackupNoteVersion = NoteHistoryRow;
using BackupTranslation = UserTranslationRow;
using BackupPaper = UserPaperRows;
using BackupSearch = SavedSearchRow;
using BackupSeenVersion = SeenVersionRow;

struct BackupData
{
    int version = kBackupFormatVersion;
    QString created;
    QList<BackupPaper> papers; // sorted by id
    QList<BackupSearch> savedSearches;
    QList<BackupSeenVersion> seenVersions; // by id
};

// The version a backup of `data` is written as: 3 when a paper has translations, else 2.
int backupVersionFor(const BackupData &data);
int backupVersionFor(bool hasTranslations);

QJsonObject backupToJson(const BackupData &data);
QJsonArray noteHistoryToJson(const QList<NoteHistoryRow> &history);

// Checks the whole document before returning anything: a wrong format, a newer version or
// a malformed field is an error that names `fileName`.
std::optional<BackupData> backupFromJson(const QByteArray &bytes, const QString &fileName,
                                         QString *error);

// UTC ISO 8601 with milliseconds, the store's timestamp format.
QString backupTimestamp(const QDateTime &when);

} // namespace paperboy
