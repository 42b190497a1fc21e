#pragma once

// Notices when another process (the command line, a second window, later a sync) wrote to
// the library the window has open, so what is on screen can be read again.
//
// The reader connection asks SQLite's PRAGMA data_version a few times a second: it changes
// whenever any other connection committed, and costs a look at the WAL index in shared
// memory, no disk access. Our own writer thread is another connection too, so a change right
// after one of our writes is checked once more on the writer's connection, whose
// data_version never moves for its own commits.

#include <QObject>
#include <QTimer>

namespace paperboy {

class StoreThread;

class LibraryWatch : public QObject
{
    Q_OBJECT
public:
    explicit LibraryWatch(StoreThread &writer, QObject *parent = nullptr);

    // Starts watching through `reader` (once it is open).
    void start(StoreThread *reader);
    void stop() { m_timer.stop(); }
    bool isActive() const { return m_timer.isActive(); }

    // A change shows within this plus the time to read it back (well under a second).
    static constexpr int kIntervalMs = 250;

signals:
    // Something other than this window's writer committed to the library.
    void changedOutside();

private:
    void poll();
    void onReaderVersion(qint64 version);
    void checkWriter();

    StoreThread &m_writer;
    StoreThread *m_reader = nullptr;
    QTimer m_timer;
    qint64 m_readerVersion = -1;
    qint64 m_writerVersion = -1;
    quint64 m_writerJobs = 0;  // the writer's jobs finished when the reader's version was taken
    quint64 m_observation = 0; // reader versions taken so far
    bool m_polling = false;
};

} // namespace paperboy
