#pragma once

// A Store on its own thread with its own connection. The window never waits on the database:
// it posts a job and gets the result back, as a value, on its own thread.
//
//     m_reader->post(this, [date](Store &s) { return s.dayPapers(date); },
//                    [this](QList<PaperView> papers) { m_model->setPapers(papers); });
//
// The result callback is dropped when `context` has been destroyed meanwhile.

#include "store/database.h"
#include "store/store.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace paperboy {

class StoreThread : public QObject
{
    Q_OBJECT
public:
    // Opens `path` on the new thread; opened() or failed() tells how that went.
    StoreThread(const QString &path, Database::Mode mode, QObject *parent = nullptr);
    ~StoreThread() override;

    template <typename Job, typename Done> void post(QObject *context, Job job, Done done)
    {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            m_worker,
            [this, guard, job = std::move(job), done = std::move(done)]() mutable {
                if (!m_store)
                    return;
                m_jobsStarted.fetch_add(1, std::memory_order_acq_rel);
                auto result = job(*m_store);
                m_jobsFinished.fetch_add(1, std::memory_order_release);
                if (!guard)
                    return;
                QMetaObject::invokeMethod(
                    guard.data(),
                    [result = std::move(result), done = std::move(done)]() mutable {
                        done(std::move(result));
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }

    // Fire and forget (writes whose outcome the caller only needs when it fails).
    template <typename Job> void post(Job job)
    {
        QMetaObject::invokeMethod(
            m_worker,
            [this, job = std::move(job)]() mutable {
                if (!m_store)
                    return;
                m_jobsStarted.fetch_add(1, std::memory_order_acq_rel);
                job(*m_store);
                m_jobsFinished.fetch_add(1, std::memory_order_release);
            },
            Qt::QueuedConnection);
    }

    // Blocks until every job posted so far has run. For shutdown and tests only, never for
    // interactive paths.
    void drain();

    // Cancels the statement running right now (a search overtaken by the next keystroke).
    void interrupt();

    QString path() const { return m_path; }

    // How many jobs have started and run to the end so far; readable from any thread. A
    // watcher that sees the file change tells this thread's own commits from another
    // process's by them.
    quint64 jobsStarted() const { return m_jobsStarted.load(std::memory_order_acquire); }
    quint64 jobsFinished() const { return m_jobsFinished.load(std::memory_order_acquire); }

signals:
    void opened();
    // The library is being upgraded before it opens (it may take minutes).
    void upgrading(int fromVersion, int toVersion);
    void failed(const QString &error);

private:
    QString m_path;
    QThread m_thread;
    QObject *m_worker = nullptr;          // lives on m_thread
    std::unique_ptr<Database> m_database; // created, used and destroyed on m_thread
    std::unique_ptr<Store> m_store;
    std::atomic<quint64> m_jobsStarted{0};
    std::atomic<quint64> m_jobsFinished{0};
};

} // namespace paperboy
