#include "sync/sync_service.h"

#include "store/database.h"
#include "store/sync_server_listener.h"
#include "sync/sync_round.h"

#include <QThread>

#include <memory>
#include <optional>

namespace paperboy {

// Lives on the service's thread: the library connection, the listener and every round.
class SyncWorker : public QObject
{
    Q_OBJECT
public:
    explicit SyncWorker(const QString &databasePath) : m_path(databasePath)
    {
        // A burst of wake-ups (a device pushing in batches, Sync Now pressed twice) is one
        // round.
        m_soon.setSingleShot(true);
        m_soon.setInterval(200);
        connect(&m_soon, &QTimer::timeout, this, &SyncWorker::runNow);
    }

    void setServer(const std::optional<sync::ServerAddress> &address)
    {
        m_address = address;
        m_listener.reset();
    }
    void request()
    {
        if (m_address && !m_soon.isActive())
            m_soon.start();
    }
    void runNow()
    {
        m_soon.stop();
        if (!m_address)
            return;
        emit started();
        SyncOutcome outcome;
        outcome.server = m_address->display();
        if (!m_database) {
            m_database = std::make_unique<Database>();
            if (!m_database->open(m_path)) {
                outcome.error = m_database->error();
                m_database.reset();
                emit finished(outcome);
                return;
            }
        }
        const sync::SyncReport report = sync::syncRound(*m_database, *m_address);
        outcome.ok = report.ok;
        outcome.error = report.error;
        outcome.pushed = report.pushed;
        outcome.pulled = report.pulled;
        outcome.conflicts = int(report.conflicts.size());
        if (!report.device.isEmpty())
            m_device = report.device;
        if (!report.ok)
            m_listener.reset(); // a server gone takes the listening connection with it
        else if (!m_listener)
            listen();
        emit finished(outcome);
    }
    // On this thread, before it ends: the connections belong to it.
    void close()
    {
        m_listener.reset();
        m_database.reset();
    }

signals:
    void started();
    void finished(const paperboy::SyncOutcome &outcome);

private:
    void listen()
    {
        auto listener = std::make_unique<sync::ServerListener>();
        if (!listener->listen(*m_address))
            return; // an older server: the timer alone, tried again after the next round
        // This library's own pushes wake it too: only another device's are worth a round.
        connect(listener.get(), &sync::ServerListener::changed, this,
                [this](const QString &device) {
                    if (device != m_device)
                        request();
                });
        m_listener = std::move(listener);
    }

    QString m_path;
    QString m_device; // this library's id on the server, from its last round
    std::optional<sync::ServerAddress> m_address;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<sync::ServerListener> m_listener;
    QTimer m_soon{this};
};

SyncService::SyncService(const QString &databasePath, QObject *parent)
    : QObject(parent), m_thread(new QThread), m_worker(new SyncWorker(databasePath))
{
    qRegisterMetaType<SyncOutcome>();
    m_worker->moveToThread(m_thread);
    connect(m_worker, &SyncWorker::started, this, &SyncService::roundStarted);
    connect(m_worker, &SyncWorker::finished, this, &SyncService::roundFinished);
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SyncService::syncNow);
    m_thread->setObjectName(QStringLiteral("paperboy-sync"));
    m_thread->start();
}

SyncService::~SyncService()
{
    QThread *thread = m_thread;
    SyncWorker *worker = m_worker;
    const bool lastRound = m_on;
    QMetaObject::invokeMethod(worker, [worker, thread, lastRound] {
        if (lastRound)
            worker->runNow();
        worker->close();
        thread->quit();
    });
    if (!thread->wait(kCloseWaitMs)) {
        // Deleting a running thread aborts the process; the round ends with it instead (the
        // server rolls back what it did not commit, the library what it did not).
        qWarning("sync: the last round did not end within %d ms", kCloseWaitMs);
        return;
    }
    delete worker;
    delete thread;
}

void SyncService::configure(const QString &url, const QString &password, int intervalMinutes)
{
    std::optional<sync::ServerAddress> address;
    if (!url.trimmed().isEmpty()) {
        QString error;
        address = sync::ServerAddress::parse(url, &error);
        if (!address)
            emit configurationFailed(error);
        else if (!password.isEmpty())
            address->password = password;
        // A window's round gives up connecting after 5 s unless the URL says otherwise, so
        // the last round at close ends within kCloseWaitMs even when the server never
        // answers.
        if (address && !address->options.contains(QStringLiteral("connect_timeout")))
            address->options.insert(QStringLiteral("connect_timeout"), QStringLiteral("5"));
    }
    m_on = address.has_value();
    SyncWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, address] {
        worker->setServer(address);
        worker->request();
    });
    if (m_on && intervalMinutes > 0)
        m_timer.start(intervalMinutes * 60 * 1000);
    else
        m_timer.stop();
}

void SyncService::syncNow()
{
    if (!m_on)
        return;
    SyncWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { worker->request(); });
}

} // namespace paperboy

#include "sync_service.moc"
