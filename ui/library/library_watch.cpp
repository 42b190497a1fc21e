#include "library/library_watch.h"

#include "store/store_thread.h"

namespace paperboy {

LibraryWatch::LibraryWatch(StoreThread &writer, QObject *parent) : QObject(parent), m_writer(writer)
{
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LibraryWatch::poll);
}

void LibraryWatch::start(StoreThread *reader)
{
    m_reader = reader;
    m_writer.post(
        this, [](Store &store) { return store.dataVersion(); },
        [this](qint64 version) { m_writerVersion = version; });
    poll();
    m_timer.start();
}

void LibraryWatch::poll()
{
    // A reader busy with a long search answers late; one question at a time is enough.
    if (!m_reader || m_polling)
        return;
    m_polling = true;
    m_reader->post(
        this, [](Store &store) { return store.dataVersion(); },
        [this](qint64 version) {
            m_polling = false;
            onReaderVersion(version);
        });
}

void LibraryWatch::onReaderVersion(qint64 version)
{
    if (version < 0 || version == m_readerVersion)
        return;
    const bool first = m_readerVersion < 0;
    m_readerVersion = version;
    // Read finished before started: a job that commits and then finishes is never missed.
    const quint64 finished = m_writer.jobsFinished();
    const quint64 started = m_writer.jobsStarted();
    const bool ownWrites = finished != m_writerJobs || started != finished;
    m_writerJobs = finished;
    ++m_observation;
    if (first)
        return;
    // None of our jobs ran since the last look: someone else wrote.
    if (!ownWrites) {
        emit changedOutside();
        return;
    }
    // Ours, theirs or both: the writer's own data_version tells (after a long import, once
    // the import is done).
    checkWriter();
}

void LibraryWatch::checkWriter()
{
    m_writer.post(
        this, [](Store &store) { return store.dataVersion(); },
        [this, observation = m_observation](qint64 version) {
            // The check was a writer job of its own, not a write: counted as seen, unless a
            // newer look at the reader has counted it already.
            if (observation == m_observation)
                ++m_writerJobs;
            if (version < 0 || version == m_writerVersion)
                return;
            m_writerVersion = version;
            emit changedOutside();
        });
}

} // namespace paperboy
