// A note whose write fails is never lost. The library is really locked (BEGIN EXCLUSIVE on
// another connection, as a long import in another process would hold it): the editor keeps
// the text and never says "Saved", a banner stays until the write goes through, the write is
// tried again on its own once the lock is gone. Closing the window while it still fails puts
// the text in a recovery file beside the library, offered back on the next start.

#include "gui_fixtures.h"
#include "gui_helpers.h"
#include "gui_window.h"

#include "common/banner.h"
#include "common/settings.h"
#include "detail/detail_pane.h"
#include "detail/note_editor.h"
#include "detail/note_history_dialog.h"
#include "library/note_saver.h"
#include "window/note_recovery_banner.h"

#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace paperboy;
using gui_test::currentId;
using gui_test::listedCount;
using gui_test::selectRow;

namespace {
const QString kBoot = QStringLiteral("2306.05544");
const QString kFirst = QStringLiteral("2306.01667");
// The writer waits up to its busy timeout (10 s) for a lock before the write fails.
constexpr int kFailsWithinMs = 20000;
} // namespace

class TestNoteDurability : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void lockedLibraryKeepsTheNoteUntilItSaves();
    void closingWithAnUnsavedNoteKeepsItForTheNextStart();
    void recoveredNotesCanBeDiscarded();
    void mergingKeepsEveryText();
    void earlierVersionsBringBackANote();

private:
    std::unique_ptr<MainWindow> open();
    // Holds the library's write lock from another connection until unlock().
    void lock();
    void unlock();
    void typeNote(MainWindow &window, const QString &text);
    QString stateText(MainWindow &window)
    {
        return window.findChild<QLabel *>(QStringLiteral("noteSaveState"))->text();
    }
    Banner *notSaved(MainWindow &window)
    {
        return window.findChild<Banner *>(QStringLiteral("noteNotSavedBanner"));
    }
    QString recoveryPath() const { return NoteSaver::recoveryPathFor(m_db); }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    bool m_locked = false;
};

void TestNoteDurability::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_note_durability"));
    gui_test::useSettingsIn(m_settingsDir.path());
}

void TestNoteDurability::init()
{
    gui_test::clearSettings();
    {
        QSettings settings;
        settings::markReadDelayMs.setValue(settings, 600000);
    }
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("library.sqlite"));
    QVERIFY(gui_test::importInto(m_db, gui_test::foundingDigestPath()));
}

void TestNoteDurability::cleanup()
{
    unlock();
    m_dir.reset();
}

void TestNoteDurability::lock()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("lock"));
    db.setDatabaseName(m_db);
    QVERIFY(db.open());
    QSqlQuery begin(db);
    QVERIFY2(begin.exec(QStringLiteral("BEGIN EXCLUSIVE")), qPrintable(begin.lastError().text()));
    m_locked = true;
}

void TestNoteDurability::unlock()
{
    if (!m_locked)
        return;
    m_locked = false;
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("lock"));
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("lock"));
}

std::unique_ptr<MainWindow> TestNoteDurability::open()
{
    auto window = gui_test::openWindow(m_db);
    [&] {
        QTRY_COMPARE(listedCount(*window), 3);
        QVERIFY(selectRow(*window, 1));
        QTRY_COMPARE(currentId(*window), kBoot);
    }();
    return window;
}

void TestNoteDurability::typeNote(MainWindow &window, const QString &text)
{
    NoteEditor *editor = window.detailPane()->noteEditor();
    editor->setFocus();
    editor->moveCursor(QTextCursor::End);
    QTest::keyClicks(editor, text);
    editor->flush(); // as the autosave does
}

void TestNoteDurability::lockedLibraryKeepsTheNoteUntilItSaves()
{
    auto window = open();
    QVERIFY(!notSaved(*window)->isVisible());
    lock();
    typeNote(*window, QStringLiteral("written while locked"));
    QCOMPARE(stateText(*window), QStringLiteral("Saving…"));
    QTRY_VERIFY_WITH_TIMEOUT(notSaved(*window)->isVisible(), kFailsWithinMs);
    QVERIFY2(notSaved(*window)->text().contains(QStringLiteral("locked")),
             qPrintable(notSaved(*window)->text()));
    QCOMPARE(stateText(*window), QStringLiteral("Not saved yet"));
    QCOMPARE(window->detailPane()->noteEditor()->toPlainText(),
             QStringLiteral("written while locked"));
    QCOMPARE(gui_test::storedState(m_db, kBoot).note, QString());

    // Another paper and back: the text shown is the one kept, not the older stored one.
    QVERIFY(selectRow(*window, 0));
    QTRY_COMPARE(currentId(*window), kFirst);
    QVERIFY(selectRow(*window, 1));
    QTRY_COMPARE(currentId(*window), kBoot);
    QCOMPARE(window->detailPane()->noteEditor()->toPlainText(),
             QStringLiteral("written while locked"));
    QVERIFY(notSaved(*window)->isVisible());

    // The lock goes: the next try saves it, with no click.
    unlock();
    QTRY_COMPARE_WITH_TIMEOUT(gui_test::storedState(m_db, kBoot).note,
                              QStringLiteral("written while locked"), kFailsWithinMs);
    QTRY_VERIFY(!notSaved(*window)->isVisible());
    QTRY_COMPARE(stateText(*window), QStringLiteral("Saved"));
    QVERIFY(!QFile::exists(recoveryPath()));
}

void TestNoteDurability::closingWithAnUnsavedNoteKeepsItForTheNextStart()
{
    {
        auto window = open();
        lock();
        typeNote(*window, QStringLiteral("typed before closing"));
        window->close();
    } // the writer's last try fails under the lock; the text goes to the recovery file
    unlock();
    QCOMPARE(gui_test::storedState(m_db, kBoot).note, QString());
    QVERIFY(QFile::exists(recoveryPath()));
    const QList<RecoveredNote> kept = NoteSaver::readRecovery(recoveryPath());
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.first().arxivId, kBoot);
    QCOMPARE(kept.first().text, QStringLiteral("typed before closing"));

    // Meanwhile the note was written elsewhere: saving keeps both texts.
    {
        Database database;
        QVERIFY(database.open(m_db));
        QVERIFY(Store(database).setNote(kBoot, QStringLiteral("written elsewhere")));
    }
    auto window = open();
    auto *banner = window->findChild<NoteRecoveryBanner *>(QStringLiteral("noteRecoveryBanner"));
    QVERIFY(banner);
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(kBoot));
    QTest::mouseClick(window->findChild<QPushButton *>(QStringLiteral("recoverNotesButton")),
                      Qt::LeftButton);
    const QString both = QStringLiteral("typed before closing\n\nwritten elsewhere");
    QTRY_COMPARE(gui_test::storedState(m_db, kBoot).note, both);
    QVERIFY(!banner->isVisible());
    QTRY_COMPARE(window->detailPane()->noteEditor()->toPlainText(), both);
    QVERIFY(!QFile::exists(recoveryPath()));
}

void TestNoteDurability::recoveredNotesCanBeDiscarded()
{
    QVERIFY(NoteSaver::writeRecovery(
        recoveryPath(), {{kFirst, QStringLiteral("old words"), QStringLiteral("disk full"),
                          QDateTime::currentDateTimeUtc()}}));
    auto window = open();
    auto *banner = window->findChild<NoteRecoveryBanner *>(QStringLiteral("noteRecoveryBanner"));
    QVERIFY(banner->isVisible());
    QTest::mouseClick(
        window->findChild<QPushButton *>(QStringLiteral("discardRecoveredNotesButton")),
        Qt::LeftButton);
    auto *ask = gui_test::waitForWindow<QMessageBox>(QStringLiteral("discardRecoveredNotesDialog"));
    QVERIFY(ask);
    // Cancel first: nothing goes.
    QTest::mouseClick(ask->button(QMessageBox::Cancel), Qt::LeftButton);
    QVERIFY(QFile::exists(recoveryPath()));
    QVERIFY(banner->isVisible());
    QTest::mouseClick(
        window->findChild<QPushButton *>(QStringLiteral("discardRecoveredNotesButton")),
        Qt::LeftButton);
    ask = gui_test::waitForWindow<QMessageBox>(QStringLiteral("discardRecoveredNotesDialog"));
    QVERIFY(ask);
    QTest::mouseClick(ask->button(QMessageBox::Discard), Qt::LeftButton);
    QTRY_VERIFY(!banner->isVisible());
    QVERIFY(!QFile::exists(recoveryPath()));
    QCOMPARE(gui_test::storedState(m_db, kFirst).note, QString());
}

void TestNoteDurability::mergingKeepsEveryText()
{
    QCOMPARE(NoteRecoveryBanner::merged({}, {QStringLiteral("a")}), QStringLiteral("a"));
    QCOMPARE(NoteRecoveryBanner::merged(QStringLiteral("a"), {QStringLiteral("a b")}),
             QStringLiteral("a b"));
    QCOMPARE(NoteRecoveryBanner::merged(QStringLiteral("a b"), {QStringLiteral("a")}),
             QStringLiteral("a b"));
    QCOMPARE(
        NoteRecoveryBanner::merged(QStringLiteral("x"), {QStringLiteral("a"), QStringLiteral("b")}),
        QStringLiteral("b\n\na\n\nx"));
}

namespace {
QList<NoteVersion> storedHistory(const QString &databasePath, const QString &id)
{
    Database database;
    if (!database.open(databasePath, Database::Mode::ReadOnly))
        return {};
    return Store(database).noteHistory(id);
}
} // namespace

// "Earlier Versions…" lists what the note was before each change, and bringing one back
// replaces the note without losing the text it replaces (which was being typed: it is saved
// first, so it is in the history too).
void TestNoteDurability::earlierVersionsBringBackANote()
{
    {
        Database database;
        QVERIFY(database.open(m_db));
        Store store(database);
        QVERIFY(store.setNote(kBoot, QStringLiteral("first draft")));
        QVERIFY(store.setNote(kBoot, QStringLiteral("second draft")));
    }
    auto window = open();
    NoteEditor *editor = window->detailPane()->noteEditor();
    QCOMPARE(editor->toPlainText(), QStringLiteral("second draft"));
    editor->setAutosaveDelay(600000); // still being typed when the history is asked for
    editor->setFocus();
    editor->moveCursor(QTextCursor::End);
    QTest::keyClicks(editor, QStringLiteral(", more"));
    QVERIFY(editor->isDirty());

    auto *button = window->findChild<QPushButton *>(QStringLiteral("noteHistoryButton"));
    QVERIFY(button && button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    NoteHistoryDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<NoteHistoryDialog *>()) && dialog->isLoaded());
    // Newest first: the text before the typing, then the first draft.
    QCOMPARE(dialog->versions().size(), 2);
    QCOMPARE(dialog->versions().at(0).text, QStringLiteral("second draft"));
    QCOMPARE(dialog->versions().at(1).text, QStringLiteral("first draft"));
    QCOMPARE(gui_test::storedState(m_db, kBoot).note, QStringLiteral("second draft, more"));

    auto *list = dialog->findChild<QListWidget *>(QStringLiteral("noteHistoryList"));
    QCOMPARE(list->count(), 2);
    list->setCurrentRow(1);
    QCOMPARE(dialog->findChild<QPlainTextEdit *>(QStringLiteral("noteHistoryText"))->toPlainText(),
             QStringLiteral("first draft"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("noteHistoryBringBack")),
                      Qt::LeftButton);

    QCOMPARE(editor->toPlainText(), QStringLiteral("first draft")); // at once, from UserData
    QTRY_COMPARE(gui_test::storedState(m_db, kBoot).note, QStringLiteral("first draft"));
    const QList<NoteVersion> history = storedHistory(m_db, kBoot);
    QVERIFY(!history.isEmpty());
    QCOMPARE(history.first().text, QStringLiteral("second draft, more"));
    QCOMPARE(history.first().by, QStringLiteral("restore"));
}

QTEST_MAIN(TestNoteDurability)
#include "tst_note_durability.moc"
