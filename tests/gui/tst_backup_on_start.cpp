// The automatic backup the window makes on start: after the first list is on screen, also
// for an empty library, and not again on a later start the same day when nothing changed.

#include "gui_fixtures.h"
#include "gui_window.h"

#include "backup/auto_backup.h"
#include "library/library.h"
#include "store/store.h"
#include "window/main_window.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// True once every job the writer thread had been given before this call has run.
bool writerDrained(MainWindow &window)
{
    auto done = std::make_shared<bool>(false);
    window.library()->write(
        &window, [](Store &) { return true; }, [done](bool) { *done = true; });
    return QTest::qWaitFor([&] { return *done; }, 10000);
}

} // namespace

class TestBackupOnStart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_settingsDir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_backup_on_start"));
        gui_test::useSettingsIn(m_settingsDir.path());
    }

    void init()
    {
        gui_test::clearSettings();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = m_dir->filePath(QStringLiteral("library.sqlite"));
        m_folder = m_dir->filePath(QStringLiteral("backups"));
    }

    void emptyLibraryIsBackedUp()
    {
        MainWindow::Options options;
        options.importSample = false;
        options.backupFolder = m_folder;
        MainWindow window(m_db, options);
        window.show();
        const QString expected =
            QDir(m_folder).filePath(automaticBackupFileName(m_db, QDate::currentDate()));
        QTRY_VERIFY(QFile::exists(expected));
        QVERIFY(readAll(expected).contains("\"papers\": [\n    ],"));
    }

    void laterStartTheSameDayWritesNothing()
    {
        QVERIFY(gui_test::importInto(m_db, gui_test::foundingDigestPath()));
        MainWindow::Options options;
        options.importSample = false;
        options.backupFolder = m_folder;
        const QString file =
            QDir(m_folder).filePath(automaticBackupFileName(m_db, QDate::currentDate()));
        QByteArray first;
        {
            MainWindow window(m_db, options);
            window.show();
            QTRY_VERIFY(gui_test::listedCount(window) > 0);
            QVERIFY(writerDrained(window));
            first = readAll(file);
            QVERIFY(first.contains("paperboy-backup"));
        }
        QTest::qWait(5); // a rewrite would carry a later "created" time
        {
            MainWindow window(m_db, options);
            window.show();
            // The backup is posted to the writer when the first list arrives.
            QTRY_VERIFY(gui_test::listedCount(window) > 0);
            QVERIFY(writerDrained(window));
            QCOMPARE(readAll(file), first);
            // A star makes the next start write it again.
            window.library()->userData()->setStarred(QStringLiteral("2306.05544"), true);
            QVERIFY(writerDrained(window));
        }
        {
            MainWindow window(m_db, options);
            window.show();
            QTRY_VERIFY(gui_test::listedCount(window) > 0);
            QVERIFY(writerDrained(window));
            const QByteArray third = readAll(file);
            QVERIFY(third != first);
            QVERIFY(third.contains("\"starred\": true"));
        }
    }

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    QString m_folder;
};

QTEST_MAIN(TestBackupOnStart)
#include "tst_backup_on_start.moc"
