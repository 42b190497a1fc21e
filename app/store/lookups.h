#pragma once

// Small reads and writes other modules need from the library file, kept here so SQL stays in
// the store: which papers carry a tag (exports), whether a listing is cached and which papers
// still lack their English record (the fetcher), and a bulk import's resume point.

#include "store/database.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace paperboy {

// Ids of papers carrying `tag`, most recently tagged first. Includes papers not in the cache.
QStringList idsWithTag(Database &database, const QString &tag, QString *error = nullptr);

// Entries stored for the digest of `date`, `source` and `category`; 0 when there is none,
// -1 on error (with `error` set).
int storedEntryCount(Database &database, const QDate &date, const QString &source,
                     const QString &category, QString *error = nullptr);

// Papers known by id alone or without an abstract or categories (from a digest that gave
// only a Chinese text, say), oldest first, at most `limit`.
QStringList incompletePaperIds(Database &database, int limit = 5000);

// Where a bulk import of one file stands, so an interrupted import resumes there.
struct ImportCheckpoint
{
    QString fileKey; // path, size and modification time: "the same file"
    QString path;
    qint64 offset = 0; // bytes read and stored
    int line = 1;      // the next line to read
    qint64 papers = 0;
    bool finished = false;
};

std::optional<ImportCheckpoint> readImportCheckpoint(Database &database, const QString &fileKey);
// Call inside the transaction that stores the chunk the checkpoint stands after.
bool writeImportCheckpoint(Database &database, const ImportCheckpoint &checkpoint);

} // namespace paperboy
