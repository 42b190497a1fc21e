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
                auto result = job(*m_store);
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
                if (m_store)
                    job(*m_store);
            },
            Qt::QueuedConnection);
    }

    // Blocks until every job posted so far has run. For shutdown and tests only, never for
    // interactive paths.
    void drain();

    // Cancels the statement running right now (a search overtaken by the next keystroke).
    void interrupt();

    QString path() const { return m_path; }

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
};

} // namespace paperboy
