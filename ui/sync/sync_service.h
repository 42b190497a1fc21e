#pragma once

// Sync in the window (issue #20): rounds of sync::syncRound on a thread of their own, with
// their own connection to the library, so neither the window nor the library's writer waits
// on the network. A round runs at start, every few minutes, when the server says another
// device of the reader changed something (LISTEN/NOTIFY), on Sync Now, and once more when the
// window closes. What a round pulls reaches the window like any other process's writes
// (LibraryWatch).

#include <QObject>
#include <QString>
#include <QTimer>

class QThread;

namespace paperboy {

class SyncWorker;

struct SyncOutcome
{
    bool ok = false;
    QString error;
    QString server;
    int pushed = 0;
    int pulled = 0;
    int conflicts = 0;
};

class SyncService : public QObject
{
    Q_OBJECT
public:
    explicit SyncService(const QString &databasePath, QObject *parent = nullptr);
    // A last round (the window is closing), waiting for it at most kCloseWaitMs.
    ~SyncService() override;

    static constexpr int kCloseWaitMs = 8000;

    // An empty URL switches sync off. `password` (may be empty: PGPASSWORD, ~/.pgpass) is
    // kept in memory only. Starts a round at once when on.
    void configure(const QString &url, const QString &password, int intervalMinutes);
    bool isOn() const { return m_on; }
    void syncNow();

signals:
    void roundStarted();
    void roundFinished(const paperboy::SyncOutcome &outcome);
    // The URL could not be used (names what is wrong).
    void configurationFailed(const QString &error);

private:
    QThread *m_thread = nullptr;
    SyncWorker *m_worker = nullptr;
    QTimer m_timer;
    bool m_on = false;
};

} // namespace paperboy

Q_DECLARE_METATYPE(paperboy::SyncOutcome)
