#include "store_thread.h"

#include <QSemaphore>

#include <sqlite3.h>

namespace paperboy {

StoreThread::StoreThread(const QString &path, Database::Mode mode, QObject *parent)
    : QObject(parent), m_path(path)
{
    m_thread.setObjectName(QStringLiteral("store"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_worker,
        [this, path, mode] {
            auto database = std::make_unique<Database>();
            database->setUpgradeListener([this](int from, int to) {
                QMetaObject::invokeMethod(
                    this, [this, from, to] { emit upgrading(from, to); }, Qt::QueuedConnection);
            });
            if (!database->open(path, mode)) {
                const QString error = database->error();
                QMetaObject::invokeMethod(
                    this, [this, error] { emit failed(error); }, Qt::QueuedConnection);
                return;
            }
            m_database = std::move(database);
            m_store = std::make_unique<Store>(*m_database);
            QMetaObject::invokeMethod(
                this, [this] { emit opened(); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

StoreThread::~StoreThread()
{
    // Pending writes (a note typed just before closing) run before the connection closes.
    // quit() must wait until they have: an event loop defers events posted while it runs a
    // job to its next round, and after quit() there is none, so writes queued behind a busy
    // job were silently dropped (tst_store_thread).
    QSemaphore closed;
    QMetaObject::invokeMethod(
        m_worker,
        [this, &closed] {
            m_store.reset();
            m_database.reset();
            closed.release();
        },
        Qt::QueuedConnection);
    closed.acquire();
    m_thread.quit();
    m_thread.wait();
}

void StoreThread::drain()
{
    QSemaphore done;
    QMetaObject::invokeMethod(
        m_worker, [&done] { done.release(); }, Qt::QueuedConnection);
    done.acquire();
}

void StoreThread::interrupt()
{
    // sqlite3_interrupt is the one SQLite call documented as safe from another thread.
    if (m_database)
        if (sqlite3 *handle = m_database->handle())
            sqlite3_interrupt(handle);
}

} // namespace paperboy
