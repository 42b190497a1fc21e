// Changes from outside appear: another process (the real `paperboy` command line) stars,
// annotates, tags and marks read a paper on screen, and within a second the list's row, the
// detail pane and the sidebar's counts show it. A note being typed is never overwritten: the
// conflict banner shows both texts, and whichever the reader keeps, nothing is lost.

#include "gui_fixtures.h"
#include "gui_user_state.h"
#include "gui_window.h"

#include "common/banner.h"
#include "common/settings.h"
#include "detail/note_panel.h"
#include "library/library_watch.h"
#include "library/user_data.h"

#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace paperboy;
using gui_test::currentId;
using gui_test::listedCount;
using gui_test::selectRow;

namespace {
const QString kFirst = QStringLiteral("2306.01667");
const QString kBoot = QStringLiteral("2306.05544");
const QString kPrograms = QStringLiteral("2306.01128");
const QDate kDay(2024, 3, 14);
constexpr int kWithinMs = 1000;
} // namespace

class TestOutsideChanges : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void starFromAnotherProcessShowsWithinASecond();
    void noteAndTagFromAnotherProcessShowWithinASecond();
    void readMarksFromAnotherProcessShow();
    void ownWritesAreNotTakenForOutsideOnes();
    void conflictKeepsBothTextsWhenMerged();
    void conflictKeepMineAndKeepTheirs();
    void leavingAnOpenConflictSavesBothTexts();

private:
    std::unique_ptr<MainWindow> open();
    // Runs `paperboy --db <library> ARGS` to the end; the time it ended starts `clock`.
    void runCli(const QStringList &arguments, QElapsedTimer *clock = nullptr);
    QString disagreement(MainWindow &window)
    {
        return gui_test::windowDisagrees(window, m_db, {kFirst, kBoot, kPrograms}, kDay);
    }
    UserState stored(const QString &id) { return gui_test::storedState(m_db, id); }
    NoteEditor *editor(MainWindow &window) { return window.detailPane()->noteEditor(); }
    Banner *banner(MainWindow &window)
    {
        return window.findChild<Banner *>(QStringLiteral("noteConflictBanner"));
    }
    QString bannerText(MainWindow &window, const char *name)
    {
        return window.findChild<QPlainTextEdit *>(QLatin1String(name))->toPlainText();
    }
    // Types `text` into the note of the paper shown, with the autosave held off so the text
    // stays unsaved for as long as the test needs.
    void typeUnsavedNote(MainWindow &window, const QString &text);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestOutsideChanges::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_outside_changes"));
    gui_test::useSettingsIn(m_settingsDir.path());
}

void TestOutsideChanges::init()
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

void TestOutsideChanges::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestOutsideChanges::open()
{
    auto window = gui_test::openWindow(m_db);
    [&] {
        QTRY_COMPARE(listedCount(*window), 3);
        QVERIFY(selectRow(*window, 1));
        QCOMPARE(currentId(*window), kBoot);
        QTRY_COMPARE(disagreement(*window), QString());
        QTRY_VERIFY(window->library()->watch()->isActive());
    }();
    return window;
}

void TestOutsideChanges::runCli(const QStringList &arguments, QElapsedTimer *clock)
{
    QProcess process;
    process.start(QStringLiteral(PAPERBOY_BINARY),
                  QStringList{QStringLiteral("--db"), m_db} + arguments);
    QVERIFY(process.waitForFinished(30000));
    if (clock)
        clock->start();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());
}

void TestOutsideChanges::typeUnsavedNote(MainWindow &window, const QString &text)
{
    editor(window)->setAutosaveDelay(600000);
    editor(window)->setFocus();
    editor(window)->moveCursor(QTextCursor::End);
    QTest::keyClicks(editor(window), text);
    QVERIFY(editor(window)->isDirty());
}

void TestOutsideChanges::starFromAnotherProcessShowsWithinASecond()
{
    auto window = open();
    QElapsedTimer clock;
    runCli({QStringLiteral("star"), kBoot}, &clock);
    const QModelIndex row = window->paperList()->model()->index(1);
    auto *star = window->findChild<QToolButton *>(QStringLiteral("starButton"));
    auto *views = window->findChild<QListWidget *>(QStringLiteral("smartViews"));
    QTRY_VERIFY_WITH_TIMEOUT(row.data(PaperListModel::StarredRole).toBool() && star->isChecked() &&
                                 views->item(0)->data(CountDelegate::CountRole).toInt() == 1,
                             kWithinMs);
    qInfo("star shown %lld ms after the other process ended", clock.elapsed());
    QCOMPARE(disagreement(*window), QString());

    runCli({QStringLiteral("unstar"), kBoot}, &clock);
    QTRY_VERIFY_WITH_TIMEOUT(!row.data(PaperListModel::StarredRole).toBool() &&
                                 !star->isChecked() &&
                                 views->item(0)->data(CountDelegate::CountRole).toInt() == 0,
                             kWithinMs);
    QCOMPARE(disagreement(*window), QString());
}

void TestOutsideChanges::noteAndTagFromAnotherProcessShowWithinASecond()
{
    auto window = open();
    QElapsedTimer clock;
    runCli({QStringLiteral("note"), kBoot, QStringLiteral("from"), QStringLiteral("the shell")},
           &clock);
    const QModelIndex row = window->paperList()->model()->index(1);
    QTRY_VERIFY_WITH_TIMEOUT(editor(*window)->toPlainText() == QStringLiteral("from the shell") &&
                                 row.data(PaperListModel::HasNoteRole).toBool(),
                             kWithinMs);
    QTRY_COMPARE_WITH_TIMEOUT(disagreement(*window), QString(), kWithinMs);
    QVERIFY(!banner(*window)->isVisible()); // nothing was being typed: no conflict

    runCli({QStringLiteral("tag"), kBoot, QStringLiteral("from-shell")}, &clock);
    auto *tags = window->findChild<QListWidget *>(QStringLiteral("tagList"));
    QTRY_VERIFY_WITH_TIMEOUT(window->detailPane()->tagsEdit()->tags() ==
                                     QStringList{QStringLiteral("from-shell")} &&
                                 row.data(PaperListModel::TagsRole).toStringList() ==
                                     QStringList{QStringLiteral("from-shell")} &&
                                 gui_test::sidebarCount(tags, QStringLiteral("from-shell")) == 1,
                             kWithinMs);
    QCOMPARE(disagreement(*window), QString());

    runCli({QStringLiteral("untag"), kBoot, QStringLiteral("from-shell")}, &clock);
    QTRY_VERIFY_WITH_TIMEOUT(
        window->detailPane()->tagsEdit()->tags().isEmpty() && tags->count() == 0, kWithinMs);
    QCOMPARE(disagreement(*window), QString());
    // Nothing of that was written back by the window.
    QTest::qWait(3 * LibraryWatch::kIntervalMs);
    QCOMPARE(stored(kBoot).note, QStringLiteral("from the shell"));
    QVERIFY(stored(kBoot).tags.isEmpty());
}

void TestOutsideChanges::readMarksFromAnotherProcessShow()
{
    auto window = open();
    QElapsedTimer clock;
    runCli({QStringLiteral("read"), kFirst}, &clock);
    const QModelIndex row = window->paperList()->model()->index(0);
    const QModelIndex day = window->sidebar()->dayModel()->indexOfDate(kDay);
    QTRY_VERIFY_WITH_TIMEOUT(row.data(PaperListModel::ReadRole).toBool() &&
                                 day.data(DayTreeModel::UnreadRole).toInt() == 2,
                             kWithinMs);
    QCOMPARE(disagreement(*window), QString());
}

void TestOutsideChanges::ownWritesAreNotTakenForOutsideOnes()
{
    auto window = open();
    QSignalSpy outside(window->library(), &Library::changedOutside);
    QSignalSpy changes(window->library()->userData(), &UserData::changed);
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_S);
    QCOMPARE(changes.size(), 1);
    QTRY_VERIFY(stored(kBoot).starred);
    QTest::qWait(4 * LibraryWatch::kIntervalMs);
    QCOMPARE(outside.size(), 0);
    QCOMPARE(changes.size(), 1);
    // ...while another process's write is.
    runCli({QStringLiteral("star"), kFirst});
    QTRY_COMPARE_WITH_TIMEOUT(outside.size(), 1, kWithinMs);
    QTRY_COMPARE(changes.size(), 2);
    const auto change = changes.at(1).at(0).value<UserStateChange>();
    QCOMPARE(change.origin, UserStateChange::Origin::Outside);
    QCOMPARE(change.papers.size(), 1);
    QCOMPARE(change.papers.first().arxivId, kFirst);
    QCOMPARE(change.fields(), UserFields(UserField::Starred));
}

void TestOutsideChanges::conflictKeepsBothTextsWhenMerged()
{
    auto window = open();
    typeUnsavedNote(*window, QStringLiteral("mine: see Fig. 3"));
    runCli({QStringLiteral("note"), kBoot, QStringLiteral("theirs: check Table 2")});
    QTRY_VERIFY_WITH_TIMEOUT(banner(*window)->isVisible(), kWithinMs);
    QCOMPARE(bannerText(*window, "noteConflictOther"), QStringLiteral("theirs: check Table 2"));
    QCOMPARE(bannerText(*window, "noteConflictMine"), QStringLiteral("mine: see Fig. 3"));
    // Nothing is written while the choice is open, not even on leaving the field.
    QCOMPARE(editor(*window)->toPlainText(), QStringLiteral("mine: see Fig. 3"));
    window->paperList()->focusList();
    QTest::qWait(3 * LibraryWatch::kIntervalMs);
    QCOMPARE(stored(kBoot).note, QStringLiteral("theirs: check Table 2"));
    QVERIFY(banner(*window)->isVisible());

    QTest::mouseClick(window->findChild<QPushButton *>(QStringLiteral("noteMergeButton")),
                      Qt::LeftButton);
    QVERIFY(!banner(*window)->isVisible());
    const QString merged = QStringLiteral("mine: see Fig. 3\n\ntheirs: check Table 2");
    QCOMPARE(editor(*window)->toPlainText(), merged);
    QTRY_COMPARE(stored(kBoot).note, merged);
    QTRY_COMPARE(disagreement(*window), QString());
}

void TestOutsideChanges::conflictKeepMineAndKeepTheirs()
{
    auto window = open();
    typeUnsavedNote(*window, QStringLiteral("mine"));
    runCli({QStringLiteral("note"), kBoot, QStringLiteral("theirs")});
    QTRY_VERIFY_WITH_TIMEOUT(banner(*window)->isVisible(), kWithinMs);
    QTest::mouseClick(window->findChild<QPushButton *>(QStringLiteral("noteKeepMineButton")),
                      Qt::LeftButton);
    QVERIFY(!banner(*window)->isVisible());
    QTRY_COMPARE(stored(kBoot).note, QStringLiteral("mine"));
    QCOMPARE(editor(*window)->toPlainText(), QStringLiteral("mine"));
    QTRY_COMPARE(disagreement(*window), QString());

    typeUnsavedNote(*window, QStringLiteral(" again"));
    runCli({QStringLiteral("note"), kBoot, QStringLiteral("theirs again")});
    QTRY_VERIFY_WITH_TIMEOUT(banner(*window)->isVisible(), kWithinMs);
    QCOMPARE(bannerText(*window, "noteConflictMine"), QStringLiteral("mine again"));
    QTest::mouseClick(window->findChild<QPushButton *>(QStringLiteral("noteKeepOtherButton")),
                      Qt::LeftButton);
    QVERIFY(!banner(*window)->isVisible());
    QCOMPARE(editor(*window)->toPlainText(), QStringLiteral("theirs again"));
    QVERIFY(!editor(*window)->isDirty());
    QTest::qWait(3 * LibraryWatch::kIntervalMs);
    QCOMPARE(stored(kBoot).note, QStringLiteral("theirs again"));
    QCOMPARE(disagreement(*window), QString());
}

void TestOutsideChanges::leavingAnOpenConflictSavesBothTexts()
{
    {
        auto window = open();
        typeUnsavedNote(*window, QStringLiteral("typed here"));
        runCli({QStringLiteral("note"), kBoot, QStringLiteral("written there")});
        QTRY_VERIFY_WITH_TIMEOUT(banner(*window)->isVisible(), kWithinMs);
        // Another paper, with the choice still open: both texts are kept.
        QVERIFY(selectRow(*window, 0));
        QTRY_COMPARE(stored(kBoot).note, QStringLiteral("typed here\n\nwritten there"));
        QVERIFY(!banner(*window)->isVisible());

        // Closing the window with a choice open keeps both as well.
        QVERIFY(selectRow(*window, 1));
        QTRY_COMPARE(editor(*window)->toPlainText(), QStringLiteral("typed here\n\nwritten there"));
        typeUnsavedNote(*window, QStringLiteral(" and more"));
        runCli({QStringLiteral("note"), kBoot, QStringLiteral("replaced there")});
        QTRY_VERIFY_WITH_TIMEOUT(banner(*window)->isVisible(), kWithinMs);
        window->close();
    }
    QCOMPARE(stored(kBoot).note,
             QStringLiteral("typed here\n\nwritten there and more\n\nreplaced there"));
}

QTEST_MAIN(TestOutsideChanges)
#include "tst_outside_changes.moc"
