#pragma once

// The notes on their way to the library file. A note counts as saved only once its write has
// committed. A write that fails (the library locked by a long import or a migration in
// another process, a full disk, a read-only file) keeps its text here and is tried again,
// after 1 s, 2 s, 4 s… up to 30 s, until it commits; meanwhile every read of the paper shows
// the text kept here, never the older stored one. Whatever has still not committed when the
// window closes (after the writer thread has run out its queue) goes to a recovery file
// beside the library, offered back on the next start.

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace paperboy {

class StoreThread;

struct RecoveredNote
{
    QString arxivId;
    QString text;
    QString error;   // why it could not be written
    QDateTime typed; // when it was last typed (UTC)
};

class NoteSaver : public QObject
{
    Q_OBJECT
public:
    // `recoveryPath`: where unsaved notes go on closing; empty keeps them in memory only.
    NoteSaver(StoreThread &writer, const QString &recoveryPath, QObject *parent = nullptr);
    ~NoteSaver() override; // writes the recovery file for what never committed

    void save(const QString &arxivId, const QString &text);
    // Tries every unsaved note again now (the reader asked, or the lock is known to be gone).
    void retryNow();

    // Notes written but not committed yet (in flight, or failed and waiting to be retried).
    bool isUnsaved(const QString &arxivId) const;
    QString unsavedText(const QString &arxivId) const;
    QStringList unsavedIds() const;
    // The last write error while some note is unsaved, and when the next try is.
    QString lastError() const { return m_lastError; }
    int retryInMs() const;

    static constexpr int kFirstRetryMs = 1000;
    static constexpr int kLastRetryMs = 30000;

    // The recovery file: reading it on start, forgetting it once its notes are handled.
    static QList<RecoveredNote> readRecovery(const QString &path);
    // An empty list removes the file.
    static bool writeRecovery(const QString &path, const QList<RecoveredNote> &notes);
    // Beside the library: "library.sqlite.unsaved-notes.json".
    static QString recoveryPathFor(const QString &databasePath);
    QString recoveryPath() const { return m_recoveryPath; }

signals:
    // A write of `arxivId`'s note is about to be posted / has finished (either way).
    void writeStarted(const QString &arxivId, const QString &text);
    void writeFinished(const QString &arxivId);
    // The note of `arxivId` is now stored as `text`.
    void saved(const QString &arxivId, const QString &text);
    // Some note is unsaved, or all are saved again: lastError(), retryInMs() and
    // isUnsaved() tell the details.
    void stateChanged();

private:
    struct Shared;
    void post(const QString &arxivId);
    void onWritten(const QString &error);
    void scheduleRetry();

    StoreThread &m_writer;
    QString m_recoveryPath;
    // Shared with the jobs on the writer thread, which mark what committed; read once more
    // after the writer has stopped, when done callbacks no longer arrive.
    std::shared_ptr<Shared> m_shared;
    QTimer m_retry;
    int m_backoffMs = kFirstRetryMs;
    QString m_lastError;
};

} // namespace paperboy
