// SIGTERM, SIGINT and SIGHUP end the window only after what was typed is saved. The test runs
// a real window in a child process (this program again, in its child role: the window as
// gui_main builds it, offscreen), types a note there that the autosave would not write for
// ten minutes, sends the signal, and reads the note back from the library file.

#include "gui_fixtures.h"
#include "gui_window.h"

#include "detail/detail_pane.h"
#include "detail/note_editor.h"
#include "window/close_on_signals.h"

#include <QApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <csignal>
#include <cstdio>

using namespace paperboy;

namespace {

const char kChildVariable[] = "PAPERBOY_SIGNAL_TEST_CHILD";
const QString kPaper = QStringLiteral("2306.05544");

// The child: opens the window on the library named by the variable, starts a note on the
// second paper, says so on standard output and waits for the signal.
int runChild(const QString &databasePath, const QString &settingsFolder)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_close_on_signals_child"));
    gui_test::useSettingsIn(settingsFolder);
    auto window = gui_test::openWindow(databasePath);
    if (!closeOnSignals(window.get()))
        return 2;
    if (!QTest::qWaitFor([&] { return gui_test::listedCount(*window) == 3; }, 20000) ||
        !gui_test::selectRow(*window, 1) ||
        !QTest::qWaitFor([&] { return gui_test::currentId(*window) == kPaper; }, 20000))
        return 3;
    NoteEditor *editor = window->detailPane()->noteEditor();
    editor->setAutosaveDelay(600000);
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("typed before the signal"));
    if (!editor->isDirty())
        return 4;
    std::puts("pending");
    std::fflush(stdout);
    const int code = QApplication::exec();
    window.reset(); // the library's writer thread runs out its queue here
    return code;
}

} // namespace

class TestCloseOnSignals : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pendingNoteIsSavedBeforeExit_data();
    void pendingNoteIsSavedBeforeExit();

private:
    QTemporaryDir m_settingsDir;
};

void TestCloseOnSignals::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
}

void TestCloseOnSignals::pendingNoteIsSavedBeforeExit_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGHUP") << int(SIGHUP);
}

void TestCloseOnSignals::pendingNoteIsSavedBeforeExit()
{
    QFETCH(int, signal);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("library.sqlite"));
    QVERIFY(gui_test::importInto(db, gui_test::foundingDigestPath()));
    QVERIFY(gui_test::storedState(db, kPaper).note.isEmpty());

    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QLatin1String(kChildVariable), db);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {m_settingsDir.path()});
    QVERIFY(child.waitForStarted());
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += child.readAllStandardOutput()).contains("pending\n") ||
                                 child.state() == QProcess::NotRunning,
                             60000);
    QVERIFY2(output.contains("pending\n"), output.constData());
    QCOMPARE(gui_test::storedState(db, kPaper).note, QString()); // still only in the editor

    QCOMPARE(::kill(pid_t(child.processId()), signal), 0);
    QVERIFY(child.waitForFinished(30000));
    QCOMPARE(child.exitStatus(), QProcess::NormalExit); // not killed by the signal
    QCOMPARE(child.exitCode(), 0);
    QCOMPARE(gui_test::storedState(db, kPaper).note, QStringLiteral("typed before the signal"));
}

int main(int argc, char **argv)
{
    const QString childLibrary = qEnvironmentVariable(kChildVariable);
    QApplication app(argc, argv);
    if (!childLibrary.isEmpty())
        return runChild(childLibrary, QApplication::arguments().value(1));
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TestCloseOnSignals test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_close_on_signals.moc"
