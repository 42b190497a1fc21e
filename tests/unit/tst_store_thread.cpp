// The store thread's shutdown: every write posted before it is destroyed reaches the file,
// even when the thread is busy with an earlier job at that moment (the window closing while
// the writer still marks a paper read, and the note typed last is posted behind it).

#include "store/database.h"
#include "store/store.h"
#include "store/store_thread.h"

#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace paperboy;

class TestStoreThread : public QObject
{
    Q_OBJECT

private slots:
    void writesPostedWhileBusyRunBeforeShutdown();
};

void TestStoreThread::writesPostedWhileBusyRunBeforeShutdown()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("library.sqlite"));
    const QString id = QStringLiteral("2306.05544");
    {
        auto thread = std::make_unique<StoreThread>(path, Database::Mode::ReadWrite);
        QSemaphore busy;
        QSemaphore release;
        thread->post([&busy, &release](Store &) {
            busy.release();
            // Held here until the later jobs are queued behind this one.
            release.tryAcquire(1, 5000);
        });
        QVERIFY(busy.tryAcquire(1, 10000));
        for (int i = 0; i < 3; ++i)
            thread->post(
                [id, i](Store &store) { store.setNote(id, QStringLiteral("note %1").arg(i)); });
        thread->post([id](Store &store) { store.setStarred(id, true); });
        // Let the busy job end while the destructor is already shutting the thread down.
        QThread *releaser = QThread::create([&release] {
            QThread::msleep(200);
            release.release();
        });
        releaser->start();
        thread.reset();
        releaser->wait();
        delete releaser;
    }
    Database database;
    QVERIFY2(database.open(path), qPrintable(database.error()));
    Store store(database);
    const UserState state = store.userState(id);
    QCOMPARE(state.note, QStringLiteral("note 2"));
    QVERIFY(state.starred);
}

QTEST_GUILESS_MAIN(TestStoreThread)
#include "tst_store_thread.moc"
