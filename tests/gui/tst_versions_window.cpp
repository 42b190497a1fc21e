// Versions in the reader window: a starred paper with a recorded v2 shows "v2 · date", what
// arrived (accepted, a journal reference) and a word diff of what changed; opening it ends its
// "updated" state (is:updated), which is the reader's own data.

#include "gui_fixtures.h"
#include "gui_window.h"

#include "detail/version_view.h"
#include "paperlist/list_controller.h"
#include "sidebar/count_delegate.h"
#include "store/version_store.h"
#include "window/main_window.h"

#include <QLabel>
#include <QListWidget>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace paperboy;
using gui_test::currentId;
using gui_test::listedCount;
using gui_test::selectRow;

namespace {
const QString kFirst = QStringLiteral("2306.01667");
const QString kThird = QStringLiteral("2306.01128");
} // namespace

class TestVersionsWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void openingAnUpdatedPaperShowsWhatChanged();
    void describeCallsOutWhatArrived();
    void updatedViewListsNewVersionsUntilOpened();

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestVersionsWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_versions_window"));
    gui_test::useSettingsIn(m_settingsDir.path());
}

void TestVersionsWindow::init()
{
    gui_test::clearSettings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("library.sqlite"));
    QVERIFY(gui_test::importInto(m_db, gui_test::foundingDigestPath()));
}

void TestVersionsWindow::openingAnUpdatedPaperShowsWhatChanged()
{
    {
        // A version check found v2 of a starred paper: recorded, then stored as the paper.
        Database database;
        QVERIFY(database.open(m_db));
        Store store(database);
        QVERIFY(store.setStarred(kFirst, true));
        Paper newer = store.paperView(kFirst)->paper;
        QVERIFY(!newer.title.isEmpty());
        newer.version = 2;
        newer.updated = QDate(2026, 7, 2);
        newer.title += QStringLiteral(" Revisited");
        newer.comment = QStringLiteral("Accepted at NeurIPS 2026");
        newer.journalRef = QStringLiteral("NeurIPS 2026");
        VersionStore versions(database);
        QString error;
        QCOMPARE(versions.record({newer}, QDateTime::currentDateTimeUtc(), &error).size(), 1);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(store.saveDigests({}, {newer}));
        QVERIFY(versions.isUpdated(kFirst));
    }
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 3);
    auto *label = window->findChild<QLabel *>(QStringLiteral("versionLabel"));
    QVERIFY(label);
    int row = -1;
    for (int i = 0; i < listedCount(*window) && row < 0; ++i) {
        QVERIFY(selectRow(*window, i));
        if (currentId(*window) == kFirst)
            row = i;
        else
            QVERIFY(!label->isVisible());
    }
    QVERIFY(row >= 0);
    QTRY_VERIFY(label->isVisible());
    const QString text = label->text();
    QVERIFY2(text.contains(QStringLiteral("v2 · ")), qPrintable(text));
    // The comment's own words, once: not "Accepted: Accepted at ...".
    QVERIFY2(text.contains(QStringLiteral("\u2605 Accepted at NeurIPS 2026<br>")),
             qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Accepted: ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Journal reference: NeurIPS 2026")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Revisited</u>")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Changed since v1")), qPrintable(text));

    // Opened: no longer "updated", as another process reads it.
    QTRY_VERIFY_WITH_TIMEOUT(
        [this] {
            Database database;
            return database.open(m_db, Database::Mode::ReadOnly) &&
                   !VersionStore(database).isUpdated(kFirst);
        }(),
        5000);
    // Another paper: the line goes away.
    QVERIFY(selectRow(*window, row == 0 ? 1 : 0));
    QTRY_VERIFY(!label->isVisible());
}

void TestVersionsWindow::describeCallsOutWhatArrived()
{
    PaperVersion v1;
    v1.version = 1;
    v1.title = QStringLiteral("Zero");
    v1.abstract = QStringLiteral("This article discusses crypto bugs.");
    PaperVersion v2 = v1;
    v2.version = 2;
    v2.date = QDate(2026, 7, 2);
    v2.abstract = QStringLiteral("This paper analyses crypto bugs.");
    v2.doi = QStringLiteral("10.1145/1");
    v2.codeUrl = QStringLiteral("https://github.com/example/zero");
    const QString html = VersionView::describe({v1, v2}, QPalette());
    QVERIFY2(html.contains(QStringLiteral("DOI: 10.1145/1")), qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral("Code link: https://github.com/example/zero")),
             qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral("article discusses </s>")), qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral("paper analyses </u>")), qPrintable(html));
    QVERIFY(!html.contains(QStringLiteral("Title:")));
    QVERIFY(VersionView::describe({v2}, QPalette()).isEmpty());
}

void TestVersionsWindow::updatedViewListsNewVersionsUntilOpened()
{
    {
        Database database;
        QVERIFY(database.open(m_db));
        Store store(database);
        QVERIFY(store.setStarred(kThird, true));
        Paper newer = store.paperView(kThird)->paper;
        newer.version = 2;
        newer.comment = QStringLiteral("12 pages. Accepted to ICML 2026; camera-ready");
        QString error;
        QCOMPARE(
            VersionStore(database).record({newer}, QDateTime::currentDateTimeUtc(), &error).size(),
            1);
        QVERIFY(store.saveDigests({}, {newer}));
    }
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 3);
    QTRY_VERIFY(!currentId(*window).isEmpty());
    QVERIFY(currentId(*window) != kThird); // not opened yet
    auto *views = window->findChild<QListWidget *>(QStringLiteral("smartViews"));
    QVERIFY(views);
    QListWidgetItem *updated = nullptr;
    for (int row = 0; row < views->count(); ++row)
        if (views->item(row)->text().endsWith(QStringLiteral("Updated")))
            updated = views->item(row);
    QVERIFY(updated);
    QTRY_COMPARE(updated->data(CountDelegate::CountRole).toInt(), 1);

    // The view lists the paper; showing it there ends its "updated" state, and the count
    // follows (the list keeps the row until it is read again, as Unread does).
    views->setCurrentItem(updated);
    QTRY_COMPARE(window->currentSource().kind, ListKind::Updated);
    QTRY_COMPARE(listedCount(*window), 1);
    QTRY_COMPARE(currentId(*window), kThird);
    auto *label = window->findChild<QLabel *>(QStringLiteral("versionLabel"));
    QTRY_VERIFY(label->isVisible());
    QVERIFY2(label->text().contains(QStringLiteral("\u2605 Accepted to ICML 2026<br>")),
             qPrintable(label->text()));
    QTRY_COMPARE(updated->data(CountDelegate::CountRole).toInt(), 0);
    window->listController()->reload();
    QTRY_COMPARE(listedCount(*window), 0);
}

QTEST_MAIN(TestVersionsWindow)
#include "tst_versions_window.moc"
