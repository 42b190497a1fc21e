#pragma once

// Restoring a backup merges it into the library: nothing on either side is lost. Per field
// the newer edit wins (by the *_changed timestamps), tags and note histories are unions, and
// a note the backup replaces is kept in the note's history (so it can be brought back). A
// field both sides hold differently is reported as a conflict: when both edits have a time,
// the newer one wins; when either side's edit has none (it cannot be ordered), the library
// keeps its value. A time more than a day in the future (a wrong clock) is reported and
// counts, and is stored, as the time of the restore.

#include "backup/backup_file.h"
#include "store/database.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace paperboy {

struct RestoreConflict
{
    QString id; // arXiv id, or the saved search's (rule's, saved trend's) name
    // "starred", "read", "note", "translation:zh", "saved_search", "dismissed", "followed",
    // "rule", "saved_trend"
    QString field;
    QString libraryValue;
    QString backupValue;
    QString libraryChanged; // empty: the library's edit has no time
    QString backupChanged;  // empty: the backup's edit has no time
    bool backupWon = false;
};

struct RestoreReport
{
    bool ok = false;
    QString error;         // names the file or the database
    int papersAdded = 0;   // papers the library had no user data for
    int papersUpdated = 0; // papers where at least one field or tag came from the backup
    int papersUnchanged = 0;
    int fieldsTaken = 0; // starred/read/note values and translations taken from the backup
    int tagsAdded = 0;
    int noteVersionsAdded = 0; // earlier note texts from the backup's histories
    int notesKept = 0;         // library notes the backup replaced, kept in their history
    int searchesAdded = 0;
    int searchesReplaced = 0;
    int seenVersionsTaken = 0; // papers whose "opened up to version N" came from the backup
    int dismissalsTaken = 0;   // dismissals (or undismissals) taken from the backup
    int followsTaken = 0;      // followed (or unfollowed) authors taken from the backup
    int rulesAdded = 0;
    int rulesReplaced = 0;
    int highlightsAdded = 0;
    int trendsAdded = 0; // saved trends (issue #22)
    int trendsReplaced = 0;
    // Kept PDFs (issue #21): backups list them but never carry the files. A PDF whose file is
    // in the data folder's pdfs/ is recorded again as the backup lists it (its text is
    // extracted again: PdfStore::withoutText()); the others are listed here, to be downloaded again
    // (`paperboy pdf ID...`).
    int pdfsRecorded = 0;
    QStringList pdfsToDownload;
    int papersAddedTaken = 0; // papers marked added by the backup only (issue #21)
    QList<RestoreConflict> conflicts;
    QStringList warnings; // times in the future, taken as the time of the restore

    bool changedAnything() const
    {
        return papersAdded + papersUpdated + searchesAdded + searchesReplaced + seenVersionsTaken +
                   dismissalsTaken + followsTaken + rulesAdded + rulesReplaced + highlightsAdded +
                   trendsAdded + trendsReplaced + pdfsRecorded + papersAddedTaken >
               0;
    }
};

// Merges `data` in ONE transaction: all of it or none of it. `now` is a clock seam (default:
// the current UTC time).
RestoreReport restoreBackup(Database &database, const BackupData &data, const QDateTime &now = {});

// Reads, checks and merges a backup file; a bad file changes nothing.
RestoreReport restoreBackupFile(Database &database, const QString &path, const QDateTime &now = {});

} // namespace paperboy
