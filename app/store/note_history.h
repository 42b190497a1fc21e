#pragma once

// The earlier texts of a note (table note_history, migration 009). Every change of a note made
// through the store keeps the text it replaced, with when and what replaced it, in the same
// transaction as the change: an edit, bringing back an earlier version, a sync, or a restored
// backup whose newer note won. The newest kNoteHistoryKept texts per paper are kept.

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace paperboy {

// What changed a note; stored with the text it replaced.
enum class NoteChange
{
    Edit,    // the user wrote (command line, an editor's explicit save)
    Typing,  // the window's save while the user is still typing: see Store::setNote
    Restore, // an earlier version brought back (Store::restoreNoteVersion)
    Sync,    // another device's newer note
    Backup,  // a restored backup's newer note
};

// "edit" (also for Typing), "restore", "sync", "backup": the `by` of show --json and backups.
QString noteChangeName(NoteChange change);

inline constexpr int kNoteHistoryKept = 50;

// One earlier text of a note.
struct NoteVersion
{
    qint64 id = 0;        // for Store::restoreNoteVersion
    QString text;         // never empty: a change from no note keeps nothing
    QDateTime replacedAt; // UTC
    QString by;           // noteChangeName() of what replaced it
    bool operator==(const NoteVersion &) const = default;
};

namespace sql {

// Inside the caller's write transaction: keeps `replacedText` (if any) as an earlier version
// of the note of `arxivId`, replaced at `when` (the store's timestamp text) by `by`, and drops
// the oldest versions beyond kNoteHistoryKept. Returns the error, empty on success.
QString keepReplacedNote(const QSqlDatabase &db, const QString &arxivId,
                         const QString &replacedText, const QString &when, const QString &by);

} // namespace sql

} // namespace paperboy
