// One flow for the reader's data: after every kind of edit made in the window (star, unstar,
// read, unread, mark all read, note, tags from the detail pane and from the list's menu, a tag
// renamed) the list's row, the detail pane and the sidebar's counts agree with the file.

#include "gui_fixtures.h"
#include "gui_helpers.h"
#include "gui_user_state.h"
#include "gui_window.h"

#include "common/settings.h"
#include "library/library_watch.h"
#include "library/user_data.h"

#include <QInputDialog>
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
const QStringList kAll = {kFirst, kBoot, kPrograms};
} // namespace

class TestUserStateFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void starAndUnstar();
    void readAndUnread();
    void markAllRead();
    void note();
    void tagsFromTheDetailPane();
    void tagsFromTheListMenu();
    void renameTag();
    void oneSignalPerEdit();

private:
    std::unique_ptr<MainWindow> open();
    QString disagreement(MainWindow &window)
    {
        return gui_test::windowDisagrees(window, m_db, kAll, kDay);
    }
    UserState stored(const QString &id) { return gui_test::storedState(m_db, id); }
    QListView *list(MainWindow &window) { return gui_test::paperListView(window); }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestUserStateFlow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_user_state_flow"));
    gui_test::useSettingsIn(m_settingsDir.path());
}

void TestUserStateFlow::init()
{
    gui_test::clearSettings();
    {
        // Reading by dwelling would race the edits under test.
        QSettings settings;
        settings::markReadDelayMs.setValue(settings, 600000);
    }
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("library.sqlite"));
    QVERIFY(gui_test::importInto(m_db, gui_test::foundingDigestPath()));
    Database database;
    QVERIFY(database.open(m_db));
    Store store(database);
    QVERIFY(store.addTags(kBoot, {QStringLiteral("diffusion"), QStringLiteral("to-read")}));
    QVERIFY(store.addTags(kFirst, {QStringLiteral("to-read")}));
}

void TestUserStateFlow::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestUserStateFlow::open()
{
    auto window = gui_test::openWindow(m_db);
    [&] {
        QTRY_COMPARE(listedCount(*window), 3);
        QVERIFY(selectRow(*window, 1));
        QCOMPARE(currentId(*window), kBoot);
        QTRY_COMPARE(disagreement(*window), QString());
    }();
    return window;
}

void TestUserStateFlow::starAndUnstar()
{
    auto window = open();
    QTest::keyClick(list(*window), Qt::Key_S);
    QTRY_VERIFY(stored(kBoot).starred);
    QTRY_COMPARE(disagreement(*window), QString());
    QTest::keyClick(list(*window), Qt::Key_S);
    QTRY_VERIFY(!stored(kBoot).starred);
    QTRY_COMPARE(disagreement(*window), QString());
    // The detail pane's button is the same edit.
    QTest::mouseClick(window->findChild<QToolButton *>(QStringLiteral("starButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(stored(kBoot).starred);
    QTRY_COMPARE(disagreement(*window), QString());
}

void TestUserStateFlow::readAndUnread()
{
    auto window = open();
    QTest::keyClick(list(*window), Qt::Key_U);
    QTRY_VERIFY(stored(kBoot).read);
    QTRY_COMPARE(disagreement(*window), QString());
    QTest::keyClick(list(*window), Qt::Key_U);
    QTRY_VERIFY(!stored(kBoot).read);
    QTRY_COMPARE(disagreement(*window), QString());
}

void TestUserStateFlow::markAllRead()
{
    auto window = open();
    QTest::mouseClick(window->findChild<QPushButton *>(QStringLiteral("markAllReadButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(stored(kFirst).read && stored(kBoot).read && stored(kPrograms).read);
    QTRY_COMPARE(disagreement(*window), QString());
}

void TestUserStateFlow::note()
{
    auto window = open();
    QTest::keyClick(list(*window), Qt::Key_N);
    QTest::keyClicks(window->detailPane()->noteEditor(), QStringLiteral("check Table 2"));
    window->detailPane()->flushNote();
    QTRY_COMPARE(stored(kBoot).note, QStringLiteral("check Table 2"));
    QTRY_COMPARE(disagreement(*window), QString());
    // Cleared again: the paper leaves Annotated.
    window->detailPane()->noteEditor()->selectAll();
    QTest::keyClick(window->detailPane()->noteEditor(), Qt::Key_Delete);
    window->detailPane()->flushNote();
    QTRY_COMPARE(stored(kBoot).note, QString());
    QTRY_COMPARE(disagreement(*window), QString());
}

void TestUserStateFlow::tagsFromTheDetailPane()
{
    auto window = open();
    auto *field = window->findChild<TagsEdit *>(QStringLiteral("tagsEdit"));
    field->setFocus();
    field->end(false);
    QTest::keyClicks(field, QStringLiteral(", survey"));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_VERIFY(stored(kBoot).tags.contains(QStringLiteral("survey")));
    QTRY_COMPARE(disagreement(*window), QString());
    // Removing one.
    field->selectAll();
    QTest::keyClicks(field, QStringLiteral("survey"));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_COMPARE(stored(kBoot).tags, QStringList{QStringLiteral("survey")});
    QTRY_COMPARE(disagreement(*window), QString());
}

void TestUserStateFlow::tagsFromTheListMenu()
{
    auto window = open();
    QListView *view = list(*window);
    // The current paper and another: the detail pane shows the current one.
    const QRect third = view->visualRect(view->model()->index(2, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, third.center());
    QCOMPARE(window->paperList()->selectedPapers().size(), 2);
    bool chosen = false;
    gui_test::chooseFromContextMenu(view->viewport(), third.center(),
                                    QStringLiteral("addTagAction"), &chosen);
    QVERIFY(chosen);
    auto *ask = gui_test::waitForWindow<QInputDialog>(QStringLiteral("newTagDialog"));
    QVERIFY(ask);
    ask->setTextValue(QStringLiteral("reading group"));
    ask->accept();
    QTRY_VERIFY(stored(kPrograms).tags.contains(QStringLiteral("reading group")));
    QTRY_VERIFY(stored(kBoot).tags.contains(QStringLiteral("reading group")));
    QTRY_COMPARE(disagreement(*window), QString());
    // The detail pane shows the current one of the two with its new tag.
    QVERIFY(window->detailPane()->tagsEdit()->tags().contains(QStringLiteral("reading group")));
}

void TestUserStateFlow::renameTag()
{
    auto window = open();
    auto *tags = window->findChild<QListWidget *>(QStringLiteral("tagList"));
    QListWidgetItem *item = nullptr;
    for (int row = 0; row < tags->count(); ++row)
        if (tags->item(row)->text().endsWith(QStringLiteral("to-read")))
            item = tags->item(row);
    QVERIFY(item);
    bool chosen = false;
    gui_test::chooseFromContextMenu(tags->viewport(), tags->visualItemRect(item).center(),
                                    QStringLiteral("renameTagAction"), &chosen);
    QVERIFY(chosen);
    auto *ask = gui_test::waitForWindow<QInputDialog>(QStringLiteral("renameTagDialog"));
    QVERIFY(ask);
    ask->setTextValue(QStringLiteral("later"));
    ask->accept();
    QTRY_COMPARE(stored(kFirst).tags, QStringList{QStringLiteral("later")});
    QTRY_COMPARE(disagreement(*window), QString());
    QCOMPARE(gui_test::sorted(window->detailPane()->tagsEdit()->tags()),
             (QStringList{QStringLiteral("diffusion"), QStringLiteral("later")}));
}

void TestUserStateFlow::oneSignalPerEdit()
{
    // Every edit reaches the views as one change naming the papers and fields it touched.
    auto window = open();
    QSignalSpy changes(window->library()->userData(), &UserData::changed);
    QTest::keyClick(list(*window), Qt::Key_S);
    QCOMPARE(changes.size(), 1);
    auto change = changes.takeFirst().at(0).value<UserStateChange>();
    QCOMPARE(change.papers.size(), 1);
    QCOMPARE(change.papers.first().arxivId, kBoot);
    QCOMPARE(change.fields(), UserFields(UserField::Starred));
    QVERIFY(change.papers.first().state.starred);
    QCOMPARE(change.origin, UserStateChange::Origin::Window);
    // Its own write, read back by the watch, is no change at all.
    QTRY_VERIFY(stored(kBoot).starred);
    QTest::qWait(3 * LibraryWatch::kIntervalMs);
    QCOMPARE(changes.size(), 0);

    window->findChild<QAction *>(QStringLiteral("markAllReadAction"))->trigger();
    QCOMPARE(changes.size(), 1);
    change = changes.takeFirst().at(0).value<UserStateChange>();
    QCOMPARE(change.papers.size(), 3);
    QCOMPARE(change.fields(), UserFields(UserField::Read));
}

QTEST_MAIN(TestUserStateFlow)
#include "tst_user_state_flow.moc"
