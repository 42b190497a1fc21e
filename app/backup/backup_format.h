#pragma once

// Everything the user wrote (stars, read marks, notes with their earlier texts, tags, their
// own translations, saved searches, dismissals, followed authors, rules and their highlights,
// saved trends)
// as one versioned JSON document, independent of the cache so it can be restored anywhere.
//
// {"format": "paperboy-backup", "version": 2, "created": "...",
//  "papers": [{"id", "starred", "starred_changed", "read", "read_changed", "note",
//              "note_changed", "tags": [{"tag", "added"}],
//              "note_history": [{"text", "replaced_at", "by"}],
//              "translations": [{"language", "title", "abstract", "changed"}]}],
//  "saved_searches": [{"name", "query", "created"}],
//  "saved_trends": [{"name", "queries": ["..."], "per", "share", "from", "to", "created"}],
//  "papers_added": [{"id", "added_at"}],
//  "seen_versions": [{"id", "version", "seen_at"}],
//  "dismissals": [{"id", "dismissed", "changed"}],
//  "followed_authors": [{"name", "followed", "changed"}],
//  "rules": [{"name", "query", "action", "tag", "created"}],
//  "highlights": [{"id", "rule", "added"}],
//  "pdfs": [{"id", "pages", "bytes", "added"}]}
//
// Version 2 added "note_history" (newest first, only on papers that have one); version 1
// files read as papers without history. "seen_versions" (the newest version of a paper the
// reader opened, issue #18) came later in version 2: a backup without it has none. Version 3
// added "translations" (the user's own title and abstract in another language, issue #17;
// only on papers that have one): a backup holding any is written as version 3, so a Paperboy
// that reads only up to 2 refuses it instead of restoring it without them. Version 4 added the
// last four lists (issue #16): a backup holding a dismissal, a followed author, a rule or a
// highlight is written as version 4, for the same reason; every other backup is still version
// 2 or 3. The four lists are optional when reading (earlier backups have none). Version 5
// added "saved_trends" (issue #22; "per" is day, week, month or year, "from" and "to" a day or
// null): a backup holding one is version 5, for the same reason. Version 6 added
// "papers_added" (issue #21: papers the reader added by id or link, and when first): a backup
// holding one is version 6. Version 7 added "pdfs" (issue #21: the papers whose PDF the reader
// keeps, [{"id", "pages" (or null), "bytes", "added"}]; the files themselves are never in a
// backup): a backup holding one is version 7.

#include "store/user_rows.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace paperboy {

inline constexpr int kBackupFormatVersion = 7; // the newest version this build reads
inline constexpr int kBackupVersionTranslations = 3;
inline constexpr int kBackupVersionReadingLess = 4;
inline constexpr int kBackupVersionSavedTrends = 5;
inline constexpr int kBackupVersionAddedPapers = 6;
inline constexpr int kBackupVersionPdfs = 7;
inline constexpr char kBackupFormatName[] = "paperboy-backup";

// A backup holds the user's rows as stored (store/user_rows.h): timestamps are the text the
// database holds, empty when never set, so a round trip gives back the very same rows.
using BackupTag = UserTagRow;
using BackupNoteVersion = NoteHistoryRow;
using BackupTranslation = UserTranslationRow;
using BackupPaper = UserPaperRows;
using BackupSearch = SavedSearchRow;
using BackupSeenVersion = SeenVersionRow;

using BackupDismissal = DismissalRow;
using BackupFollow = FollowRow;
using BackupRule = RuleRow;
using BackupHighlight = HighlightRow;
using BackupSavedTrend = SavedTrendRow;
using BackupPdf = PdfRow;
using BackupAdded = AddedRow;

struct BackupData
{
    int version = kBackupFormatVersion;
    QString created;
    QList<BackupPaper> papers; // sorted by id
    QList<BackupSearch> savedSearches;
    QList<BackupSeenVersion> seenVersions; // by id
    QList<BackupDismissal> dismissals;     // by id
    QList<BackupFollow> followedAuthors;   // by folded name
    QList<BackupRule> rules;               // by name
    QList<BackupHighlight> highlights;     // by id, then rule
    QList<BackupSavedTrend> savedTrends;   // by name (without case)
    QList<BackupPdf> pdfs;                 // by id
    QList<BackupAdded> papersAdded;        // by id
};

// The version a backup of `data` is written as: 7 when it lists kept PDFs, else 6 when it has
// added papers, else 5 when it has saved trends, else 4 when it has dismissals, followed
// authors, rules or highlights, else 3 when a paper has translations, else 2.
int backupVersionFor(const BackupData &data);
int backupVersionFor(bool hasTranslations, bool hasReadingLess, bool hasSavedTrends = false,
                     bool hasPdfs = false, bool hasAddedPapers = false);

QJsonObject backupToJson(const BackupData &data);
QJsonArray noteHistoryToJson(const QList<NoteHistoryRow> &history);

// Checks the whole document before returning anything: a wrong format, a newer version or
// a malformed field is an error that names `fileName`.
std::optional<BackupData> backupFromJson(const QByteArray &bytes, const QString &fileName,
                                         QString *error);

// UTC ISO 8601 with milliseconds, the store's timestamp format.
QString backupTimestamp(const QDateTime &when);

} // namespace paperboy
