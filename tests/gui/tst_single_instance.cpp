// One window per user and library: a second start asks the first to raise its window and
// exits 0; another library is not affected; a socket left by a crash does not block a start.

#include "fetch/fetch_settings.h"
#include "single_instance.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLocalServer>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QWidget>

#include <atomic>
#include <memory>

using namespace paperboy;

namespace {

// The client side runs on its own thread: it blocks while the server answers on this one.
bool raiseFromAnotherThread(const QString &databasePath)
{
    std::atomic<bool> raised = false;
    std::unique_ptr<QThread> thread(QThread::create([&raised, databasePath] {
        SingleInstance second(databasePath);
        raised = second.raiseRunningInstance(5000);
    }));
    thread->start();
    while (!thread->wait(10))
        QCoreApplication::processEvents();
    return raised;
}

bool waitForLine(QProcess &process, const QByteArray &line, QByteArray *seen, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (!seen->contains(line)) {
        if (timer.elapsed() > timeoutMs || process.state() == QProcess::NotRunning)
            return false;
        process.waitForReadyRead(200);
        seen->append(process.readAllStandardOutput());
    }
    return true;
}

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void nameDependsOnTheLibrary();
    void secondInstanceRaisesTheFirst();
    void nobodyListening();
    void leftoverSocketIsReplaced();
    void secondProcessExitsAndRaisesTheWindow();

private:
    QProcessEnvironment processEnvironment() const;

    std::unique_ptr<QTemporaryDir> m_runtime;
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_oldRuntime;
};

void TestSingleInstance::initTestCase()
{
    m_oldRuntime = qgetenv("XDG_RUNTIME_DIR");
}

void TestSingleInstance::init()
{
    // A private runtime folder: the sockets never meet a real Paperboy of the user's.
    m_runtime = std::make_unique<QTemporaryDir>();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_runtime->isValid() && m_dir->isValid());
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime->path()));
}

void TestSingleInstance::cleanup()
{
    qputenv("XDG_RUNTIME_DIR", m_oldRuntime);
}

void TestSingleInstance::nameDependsOnTheLibrary()
{
    const QString a = m_dir->filePath(QStringLiteral("a.sqlite"));
    const QString b = m_dir->filePath(QStringLiteral("b.sqlite"));
    QCOMPARE(SingleInstance::serverName(a), SingleInstance::serverName(a));
    QVERIFY(SingleInstance::serverName(a) != SingleInstance::serverName(b));
    // The same file by another spelling is the same library.
    QCOMPARE(SingleInstance::serverName(m_dir->path() + QStringLiteral("/./a.sqlite")),
             SingleInstance::serverName(a));
    QVERIFY(SingleInstance::serverName(a).startsWith(m_runtime->path() + u'/'));
    QVERIFY(SingleInstance::serverName(a).toUtf8().size() < 100); // sockaddr_un limit
}

void TestSingleInstance::secondInstanceRaisesTheFirst()
{
    const QString db = m_dir->filePath(QStringLiteral("library.sqlite"));
    SingleInstance first(db);
    QVERIFY2(first.listen(), qPrintable(first.errorString()));
    QSignalSpy raise(&first, &SingleInstance::raiseRequested);

    QWidget window;
    first.raiseOnRequest(&window);
    QVERIFY(!window.isVisible());
    QVERIFY(raiseFromAnotherThread(db));
    QTRY_COMPARE(raise.count(), 1);
    QVERIFY(window.isVisible()); // a hidden or minimised window comes back

    QVERIFY(raiseFromAnotherThread(db));
    QTRY_COMPARE(raise.count(), 2);
}

void TestSingleInstance::nobodyListening()
{
    const QString db = m_dir->filePath(QStringLiteral("library.sqlite"));
    SingleInstance other(m_dir->filePath(QStringLiteral("other.sqlite")));
    QVERIFY(other.listen());
    SingleInstance lone(db);
    QVERIFY(!lone.raiseRunningInstance(1000));
}

void TestSingleInstance::leftoverSocketIsReplaced()
{
    const QString db = m_dir->filePath(QStringLiteral("library.sqlite"));
    const QString name = SingleInstance::serverName(db);
    {
        QFile leftover(name);
        QVERIFY(leftover.open(QIODevice::WriteOnly));
    }
    SingleInstance crashedBefore(db);
    QVERIFY(!crashedBefore.raiseRunningInstance(1000));
    QVERIFY2(crashedBefore.listen(), qPrintable(crashedBefore.errorString()));
    QVERIFY(raiseFromAnotherThread(db));
}

QProcessEnvironment TestSingleInstance::processEnvironment() const
{
    // The real window fetches on its own when its settings say so: here they say no, and
    // every source points at a closed local port, so nothing can leave for the network.
    QSettings settings(m_dir->filePath(QStringLiteral("config/paperboy/paperboy.conf")),
                       QSettings::IniFormat);
    settings.setValue(QStringLiteral("fetch/onStart"), false);
    settings.setValue(QStringLiteral("fetch/afterAnnouncement"), false);
    const QVariantMap fetch = FetchSettings().toVariantMap();
    for (auto it = fetch.cbegin(); it != fetch.cend(); ++it)
        if (it.value().toString().startsWith(QLatin1String("http")))
            settings.setValue(QStringLiteral("fetch/") + it.key(),
                              QStringLiteral("http://127.0.0.1:9/"));
    settings.sync();

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_runtime->path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("PAPERBOY_NO_SAMPLE"), QStringLiteral("1"));
    env.insert(QStringLiteral("PAPERBOY_NO_WELCOME"), QStringLiteral("1"));
    env.insert(QStringLiteral("PAPERBOY_LOG_RAISE"), QStringLiteral("1"));
    env.remove(QStringLiteral("PAPERBOY_DB"));
    return env;
}

void TestSingleInstance::secondProcessExitsAndRaisesTheWindow()
{
    const QString db = m_dir->filePath(QStringLiteral("library.sqlite"));
    QProcess first;
    first.setProcessEnvironment(processEnvironment());
    first.setProcessChannelMode(QProcess::SeparateChannels);
    first.start(QStringLiteral(PAPERBOY_BINARY), {QStringLiteral("--db"), db});
    QVERIFY2(first.waitForStarted(), qPrintable(first.errorString()));
    QByteArray firstOut;
    QVERIFY2(waitForLine(first, "paperboy: listening", &firstOut),
             first.readAllStandardError().constData());

    QProcess second;
    second.setProcessEnvironment(processEnvironment());
    second.start(QStringLiteral(PAPERBOY_BINARY), {QStringLiteral("--db"), db});
    QVERIFY(second.waitForFinished(30000));
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.exitCode(), 0);
    QVERIFY(!second.readAllStandardOutput().contains("paperboy: listening"));
    QVERIFY2(waitForLine(first, "paperboy: raise requested", &firstOut), firstOut.constData());
    QCOMPARE(first.state(), QProcess::Running);

    // Another library opens its own window.
    QProcess other;
    other.setProcessEnvironment(processEnvironment());
    other.start(QStringLiteral(PAPERBOY_BINARY),
                {QStringLiteral("--db"), m_dir->filePath(QStringLiteral("other.sqlite"))});
    QByteArray otherOut;
    QVERIFY(waitForLine(other, "paperboy: listening", &otherOut));

    for (QProcess *process : {&first, &other}) {
        process->terminate();
        if (!process->waitForFinished(10000))
            process->kill();
        process->waitForFinished();
    }
}

QTEST_MAIN(TestSingleInstance)
#include "tst_single_instance.moc"
