#pragma once

// The one writer of the reader's own data in the window: stars, read marks, notes, tags, the
// versions of papers the reader opened, the user's own translations, dismissals, followed
// authors and saved trends.
//
// Every edit, from a key, a button, a menu or the note editor, comes here. UserData keeps the
// edit until a read sees it (PendingEdits), sends it to the writer thread, and emits changed()
// at once with the new values; the list's rows, the detail pane and the sidebar's counts
// follow that signal and nothing else, so no view ever edits another's copy. It also knows the
// state of every paper on screen, so when another process writes to the library it re-reads
// those papers and emits the same signal for the ones that really changed.

#include "library/pending_edits.h"
#include "library/user_state_change.h"
#include "search/saved_trends.h"
#include "store/note_history.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>

namespace paperboy {

class NoteSaver;
struct KeptPdf;
class Store;
class StoreThread;

class UserData : public QObject
{
    Q_OBJECT
public:
    // Writes go to `writer`; re-reads wait for setReader(). Notes that never commit go to
    // `noteRecoveryPath` when the window closes (see NoteSaver).
    UserData(StoreThread &writer, const QString &noteRecoveryPath, QObject *parent = nullptr);

    // The reader connection, once it is open.
    void setReader(StoreThread *reader) { m_reader = reader; }

    // The edits. Each emits changed() before it returns, then writes in the background.
    void setStarred(const QString &arxivId, bool starred);
    void setRead(const QStringList &arxivIds, bool read);
    void setNote(const QString &arxivId, const QString &note);
    // The paper's whole tag list; what was added and removed is worked out against what the
    // window knows.
    void setTags(const QString &arxivId, const QStringList &tags);
    // Adds `tag` to each paper that lacks it; returns how many did.
    int addTag(const QStringList &arxivIds, const QString &tag);
    // Makes an earlier text of the note (from readNoteHistory()) the note again; the text it
    // replaces goes into the history.
    void restoreNoteVersion(const QString &arxivId, const NoteVersion &version);
    // The note's earlier texts, newest first, read off the GUI thread after the writes queued
    // before (the note's last save is in them); `done` runs on
    // `context`'s thread unless `context` is gone by then.
    void readNoteHistory(const QString &arxivId, QObject *context,
                         std::function<void(QList<NoteVersion>)> done);
    // The user's own Chinese title and abstract (an empty field leaves it to the digest or a
    // machine; both empty removes the user's translation).
    void setTranslation(const QString &arxivId, const QString &title, const QString &abstract);
    // Renames (or merges) a tag across the library; the papers on screen follow once it is
    // written.
    void renameTag(const QString &from, const QString &to);
    // The reader opened `arxivId` at `version`: it is no longer "updated" (is:updated).
    void markVersionSeen(const QString &arxivId, int version);
    // "Not interested" (issue #16): hidden from For you, a negative for the ranking.
    void setDismissed(const QStringList &arxivIds, bool dismissed);
    // Follows (or unfollows) an author by name. Which papers on screen are theirs is known
    // after TeX-accent and case folding in the store: they follow once it is written.
    void setFollowed(const QString &author, bool followed);
    // Saved trends (issue #22), by name: saving replaces a trend of the same name (any case).
    // Once written, committed(UserField::SavedTrends); a failure is writeFailed().
    void saveTrend(const SavedTrend &trend);
    void removeTrend(const QString &name);
    // Kept PDFs (issue #21): the file (in the data folder already) and its pages' text
    // recorded in one transaction; or the row, its text and the file removed. Once written,
    // changed() with UserField::Pdfs for the paper; a failure is writeFailed().
    void keepPdf(const KeptPdf &pdf, const QStringList &pageTexts);
    void removePdf(const QString &arxivId);
    // Marks papers (in the cache by now) added by the reader (issue #21); a paper added
    // before keeps its first time. Once written, committed(UserField::Added).
    void markAdded(const QStringList &arxivIds);

    // What the window knows of `arxivId` (with edits not yet written), when it is on screen.
    UserState state(const QString &arxivId) const { return m_known.value(arxivId); }
    bool isTracked(const QString &arxivId) const { return m_known.contains(arxivId); }

    // A list read from the store: edits its read may predate are laid over it, and its papers
    // become the ones watched. `readPostedAt` is stamp() taken when the read was posted.
    quint64 stamp() const { return m_edits.stamp(); }
    void adoptList(QList<PaperView> &papers, quint64 readPostedAt);
    // Reads the papers on screen again and emits changed() for those that differ.
    void refreshTracked(UserStateChange::Origin origin);

    const PendingEdits &pendingEdits() const { return m_edits; }
    // The notes written but not committed yet, and their saving state.
    NoteSaver *notes() const { return m_notes; }

signals:
    void changed(const paperboy::UserStateChange &change);
    // A write of these fields committed: the counts (and for read marks the days) are stale.
    void committed(paperboy::UserFields fields);
    // Tag names changed across the library (a rename or merge was written).
    void tagNamesChanged();
    // The followed authors changed (written here): the Followed view and its count are stale.
    void followsChanged();
    void writeFailed(const QString &error);

private:
    // Records the edit in the known states and the pending edits, and emits it.
    void publish(const QString &arxivId, UserField field, const UserState &state);
    void write(const QStringList &ids, UserFields fields, std::function<QString(Store &)> job);
    // A kept PDF's write: changed() for the paper after it committed.
    void writePdf(const QString &arxivId, std::function<QString(Store &)> job);
    // A note not committed yet wins over what a read brought back, however old the read.
    void applyUnsavedNotes(QList<PaperView> &papers) const;

    StoreThread &m_writer;
    StoreThread *m_reader = nullptr;
    PendingEdits m_edits;
    NoteSaver *m_notes = nullptr;
    QHash<QString, UserState> m_known; // the papers on screen
};

} // namespace paperboy
