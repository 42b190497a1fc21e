#pragma once

// Everything the user wrote (stars, read marks, notes, tags, saved searches) as one
// versioned JSON document, independent of the cache so it can be restored anywhere.
//
// {"format": "paperboy-backup", "version": 1, "created": "...",
//  "papers": [{"id", "starred", "starred_changed", "read", "read_changed", "note",
//              "note_changed", "tags": [{"tag", "added"}]}],
//  "saved_searches": [{"name", "query", "created"}]}

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace paperboy {

inline constexpr int kBackupFormatVersion = 1;
inline constexpr char kBackupFormatName[] = "paperboy-backup";

struct BackupTag
{
    QString tag;
    QString added; // UTC ISO with ms, as stored

    bool operator==(const BackupTag &) const = default;
};

// Timestamps are kept as the text the database holds, empty when never set, so a round
// trip through a backup gives back the very same rows.
struct BackupPaper
{
    QString id;
    bool starred = false;
    QString starredChanged;
    bool read = false;
    QString readChanged;
    std::optional<QString> note; // nullopt = no note (NULL in the database)
    QString noteChanged;
    QList<BackupTag> tags;

    // Nothing in user_papers would hold more than the defaults.
    bool hasStateRow() const
    {
        return starred || read || note || !starredChanged.isEmpty() || !readChanged.isEmpty() ||
               !noteChanged.isEmpty();
    }
    bool operator==(const BackupPaper &) const = default;
};

struct BackupSearch
{
    QString name;
    QString query;
    QString created;

    bool operator==(const BackupSearch &) const = default;
};

struct BackupData
{
    int version = kBackupFormatVersion;
    QString created;
    QList<BackupPaper> papers; // sorted by id
    QList<BackupSearch> savedSearches;
};

QJsonObject backupToJson(const BackupData &data);

// Checks the whole document before returning anything: a wrong format, a newer version or
// a malformed field is an error that names `fileName`.
std::optional<BackupData> backupFromJson(const QByteArray &bytes, const QString &fileName,
                                         QString *error);

// UTC ISO 8601 with milliseconds, the store's timestamp format.
QString backupTimestamp(const QDateTime &when);

} // namespace paperboy
