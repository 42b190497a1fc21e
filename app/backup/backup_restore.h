#pragma once

// Restoring a backup merges it into the library: nothing on either side is lost. Per field
// the newer edit wins (by the *_changed timestamps), tags are a union, and a field both
// sides changed to different values is reported as a conflict (the newer still wins).

#include "backup/backup_file.h"
#include "store/database.h"

#include <QList>
#include <QString>

namespace paperboy {

struct RestoreConflict
{
    QString id;    // arXiv id, or the saved search's name
    QString field; // "starred", "read", "note", "saved_search"
    QString libraryValue;
    QString backupValue;
    QString libraryChanged;
    QString backupChanged;
    bool backupWon = false;
};

struct RestoreReport
{
    bool ok = false;
    QString error;         // names the file or the database
    int papersAdded = 0;   // papers the library had no user data for
    int papersUpdated = 0; // papers where at least one field or tag came from the backup
    int papersUnchanged = 0;
    int fieldsTaken = 0; // starred/read/note values taken from the backup
    int tagsAdded = 0;
    int searchesAdded = 0;
    int searchesReplaced = 0;
    QList<RestoreConflict> conflicts;

    bool changedAnything() const
    {
        return papersAdded + papersUpdated + searchesAdded + searchesReplaced > 0;
    }
};

// Merges `data` in ONE transaction: all of it or none of it.
RestoreReport restoreBackup(Database &database, const BackupData &data);

// Reads, checks and merges a backup file; a bad file changes nothing.
RestoreReport restoreBackupFile(Database &database, const QString &path);

} // namespace paperboy
