// The fetcher in the reader window, against a local HTTP server: today's listing fetched by
// the action, a failing server leaving a mark on the day and a message in the status bar but
// no dialog, fetching a day again from its menu, the Fetch Days dialog, Cancel, fetching on
// start, and the rules behind the day marks and the schedule.

#include "fetch_test_env.h"
#include "gui_fixtures.h"
#include "gui_helpers.h"
#include "gui_window.h"

#include "common/settings.h"
#include "core/arxiv_calendar.h"
#include "fetch/auto_enricher.h"
#include "fetch/fetch_controller.h"
#include "fetch/fetch_dialog.h"
#include "fetch/fetch_status.h"
#include "sidebar/day_tree_model.h"
#include "sidebar/sidebar.h"
#include "window/main_window.h"

#include <QAction>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>

using namespace paperboy;
using paperboy::test::CannedResponse;
using paperboy::test::TestHttpServer;

namespace {

const QDate kDay(2024, 11, 28); // the RSS fixture's listing, a Thursday
const QString kRssPath = QStringLiteral("/rss/cs.CV");
const QString kApiPath = QStringLiteral("/api/query");

// The recorded 10-entry API answer, claiming exactly those 10 results.
CannedResponse apiDay()
{
    CannedResponse response =
        TestHttpServer::arxivApiFixture(QStringLiteral("arxivpy_q_testing_s0_m10_bc5a6c384fe9"));
    response.body.replace("<opensearch:totalResults>214881</opensearch:totalResults>",
                          "<opensearch:totalResults>10</opensearch:totalResults>");
    return response;
}

QDateTime fixtureAfternoon()
{
    return QDateTime(kDay, QTime(17, 30), Qt::UTC);
}

} // namespace

class TestFetchWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void fetchTodayStoresTheListing();
    void failingServerMarksTheDay();
    void fetchAgainFromTheDayMenu();
    void fetchDaysDialogFetchesARange();
    void cancelStopsTheFetch();
    void fetchOnStartFollowsTheSetting();
    void sundayFirstStartSaysNoAnnouncement();
    void offlineFirstStartWaitsForTheNetwork();
    void offlineEnglishCompletionLeavesNoProgressLine();
    void settingsMapOntoFetchSettings();
    void ledgerBecomesDayStatuses();
    void scheduleFollowsTheAnnouncements();

private:
    std::unique_ptr<MainWindow> openWindow()
    {
        auto window = gui_test::openWindow(m_db);
        window->fetchController()->setClock(fixtureAfternoon);
        return window;
    }
    QLabel *status(MainWindow &window)
    {
        return window.findChild<QLabel *>(QStringLiteral("statusMessage"));
    }
    // Settings that point at a port nobody listens on: every request is refused, with no
    // HTTP answer, as when the machine is offline. Empty URLs if no port could be taken.
    FetchSettings offlineSettings()
    {
        TestHttpServer dead;
        FetchSettings offline = test::fastFetchSettings(*m_server);
        if (!dead.listen()) {
            offline.rssBaseUrl.clear();
            return offline;
        }
        offline.rssBaseUrl = dead.baseUrl() + QStringLiteral("/rss/");
        offline.apiUrl = dead.baseUrl() + QStringLiteral("/api/query");
        return offline;
    }
    QModelIndex day(MainWindow &window, const QDate &date)
    {
        return window.sidebar()->dayModel()->indexOfDate(date);
    }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_server;
    QString m_db;
};

void TestFetchWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_fetch_window"));
    gui_test::useSettingsIn(m_settingsDir.path());
}

void TestFetchWindow::init()
{
    gui_test::clearSettings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("library.sqlite"));
    QVERIFY(gui_test::importInto(m_db, gui_test::foundingDigestPath()));
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    QSettings settings;
    settings::setFetchSettings(settings, test::fastFetchSettings(*m_server));
}

void TestFetchWindow::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

void TestFetchWindow::fetchTodayStoresTheListing()
{
    m_server->route(kRssPath, {TestHttpServer::arxivRssFixture(
                                  QStringLiteral("rss_2024-11-28_first120items.xml"))});
    auto window = openWindow();
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    QVERIFY(!day(*window, kDay).isValid());

    auto *fetch = window->findChild<QAction *>(QStringLiteral("fetchTodayAction"));
    QVERIFY(fetch->isEnabled());
    fetch->trigger();
    auto *progress = window->findChild<QProgressBar *>(QStringLiteral("fetchProgress"));
    QVERIFY(progress);
    QTRY_VERIFY(day(*window, kDay).isValid());
    QTRY_COMPARE(day(*window, kDay).data(DayTreeModel::PapersRole).toInt(), 120);
    QTRY_VERIFY(!progress->isVisible());
    QCOMPARE(m_server->requestCount(kRssPath), 1);
    QTRY_VERIFY(status(*window)->text().contains(QStringLiteral("120")));
    QVERIFY(day(*window, kDay).data(DayTreeModel::StatusRole).toString().isEmpty());

    // The new day is a list like any other.
    QVERIFY(gui_test::chooseDay(*window, kDay));
    QTRY_COMPARE(gui_test::listedCount(*window), 120);
}

void TestFetchWindow::failingServerMarksTheDay()
{
    m_server->route(
        kRssPath, {CannedResponse::withStatus(
                      503, "<html><body><h1>Service Unavailable</h1></body></html>", "text/html")});
    auto window = openWindow();
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    window->findChild<QAction *>(QStringLiteral("fetchTodayAction"))->trigger();

    // The day the feed should have carried gets a row of its own, marked, with the reason.
    QTRY_VERIFY_WITH_TIMEOUT(day(*window, kDay).isValid(), 10000);
    const QModelIndex failed = day(*window, kDay);
    QCOMPARE(failed.data(DayTreeModel::StatusRole).toString(), QStringLiteral("failed"));
    QVERIFY(failed.data(DayTreeModel::PlaceholderRole).toBool());
    QVERIFY(failed.data().toString().contains(QStringLiteral("failed")));
    QVERIFY2(failed.data(Qt::ToolTipRole).toString().contains(QStringLiteral("503")),
             qPrintable(failed.data(Qt::ToolTipRole).toString()));
    QTRY_VERIFY(status(*window)->text().contains(QStringLiteral("503")));
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(!window->findChild<QProgressBar *>(QStringLiteral("fetchProgress"))->isVisible());
    // The library's own days are untouched, and the list still shows the day it showed.
    QCOMPARE(window->currentSource().date, QDate(2024, 3, 14));
    QCOMPARE(gui_test::listedCount(*window), 3);

    // Choosing the failed day says what to do instead of an empty list.
    QVERIFY(gui_test::chooseDay(*window, kDay));
    auto *placeholder = window->findChild<QLabel *>(QStringLiteral("listPlaceholder"));
    QTRY_VERIFY(placeholder->text().contains(QStringLiteral("Fetch This Day Again")));
}

void TestFetchWindow::fetchAgainFromTheDayMenu()
{
    // Yesterday's fetch failed, as the ledger remembers.
    {
        Database database;
        QVERIFY(database.open(m_db));
        LedgerEntry failed;
        failed.date = kDay;
        failed.category = QStringLiteral("cs.CV");
        failed.source = QStringLiteral("arxiv-rss");
        failed.state = LedgerState::Failed;
        failed.reason = QStringLiteral("HTTP 503 Service Unavailable");
        failed.recordedAt = fixtureAfternoon();
        QVERIFY(FetchLedger(database).record(failed));
    }
    m_server->route(kApiPath, {apiDay()});
    auto window = gui_test::openWindow(m_db);
    window->fetchController()->setClock([] { return fixtureAfternoon().addDays(1); });
    window->library()->refreshDays(); // statuses follow the days, by the window's clock
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    QTRY_VERIFY(day(*window, kDay).isValid());
    QCOMPARE(day(*window, kDay).data(DayTreeModel::StatusRole).toString(),
             QStringLiteral("failed"));

    auto *tree = window->sidebar()->dayTree();
    tree->scrollTo(day(*window, kDay));
    const QPoint at = tree->visualRect(day(*window, kDay)).center();
    bool triggered = false;
    const QStringList offered = gui_test::chooseFromContextMenu(
        tree->viewport(), at, QStringLiteral("fetchAgainAction"), &triggered);
    QVERIFY2(triggered, qPrintable(offered.join(QLatin1Char(' '))));

    // The API has the day: it becomes a real day with its papers, the mark goes away.
    QTRY_COMPARE(day(*window, kDay).data(DayTreeModel::PapersRole).toInt(), 10);
    QTRY_VERIFY(day(*window, kDay).data(DayTreeModel::StatusRole).toString().isEmpty());
    QVERIFY(!day(*window, kDay).data(DayTreeModel::PlaceholderRole).toBool());
    QCOMPARE(m_server->requestCount(kApiPath), 1);
    const test::RecordedRequest request = m_server->requests().last();
    QVERIFY2(request.query.contains(QStringLiteral("cat:cs.CV")), qPrintable(request.query));
}

void TestFetchWindow::fetchDaysDialogFetchesARange()
{
    m_server->route(kApiPath, {apiDay()});
    auto window = openWindow();
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    window->findChild<QAction *>(QStringLiteral("fetchDaysAction"))->trigger();
    auto *dialog = gui_test::waitForWindow<FetchDialog>(QStringLiteral("fetchDialog"));
    if (!dialog) // a modal dialog is a child of the window, not a top level of its own
        dialog = window->findChild<FetchDialog *>(QStringLiteral("fetchDialog"));
    QVERIFY(dialog);
    auto *from = dialog->findChild<QDateEdit *>(QStringLiteral("fetchFromDate"));
    auto *to = dialog->findChild<QDateEdit *>(QStringLiteral("fetchToDate"));
    auto *categories = dialog->findChild<QLineEdit *>(QStringLiteral("fetchCategoriesEdit"));
    QCOMPARE(to->date(), kDay); // today, by the window's clock
    QCOMPARE(categories->text(), QStringLiteral("cs.CV"));
    from->setDate(QDate(2024, 11, 26));
    to->setDate(kDay);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("fetchButton")),
                      Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(
        day(*window, QDate(2024, 11, 26)).data(DayTreeModel::PapersRole).toInt(), 10, 10000);
    QTRY_VERIFY(!window->fetchController()->isRunning());
    QCOMPARE(m_server->requestCount(kApiPath), 3);
    QTRY_VERIFY(status(*window)->text().contains(QStringLiteral("Fetched")));
    // The server answered the same ten papers each day: the later days are shown as the
    // repeats they are, not as fresh listings.
    for (const QDate &date : {QDate(2024, 11, 27), kDay}) {
        QTRY_VERIFY(day(*window, date).isValid());
        QVERIFY(day(*window, date).data().toString().contains(QStringLiteral("repeat")));
        QVERIFY(day(*window, date)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("repeated")));
    }
}

void TestFetchWindow::cancelStopsTheFetch()
{
    CannedResponse slow =
        TestHttpServer::arxivRssFixture(QStringLiteral("rss_2024-11-28_first120items.xml"));
    slow.delayMs = 4000;
    m_server->route(kRssPath, {slow});
    QSettings settings;
    FetchSettings fetch = test::fastFetchSettings(*m_server);
    fetch.politeness.transferTimeoutMs = 20000;
    fetch.politeness.totalTimeoutMs = 20000;
    settings::setFetchSettings(settings, fetch);

    auto window = openWindow();
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    window->findChild<QAction *>(QStringLiteral("fetchTodayAction"))->trigger();
    auto *progress = window->findChild<QProgressBar *>(QStringLiteral("fetchProgress"));
    auto *cancel = window->findChild<QToolButton *>(QStringLiteral("cancelFetchButton"));
    QTRY_VERIFY(progress->isVisible());
    QVERIFY(cancel->isVisible());
    QTRY_COMPARE(m_server->requestCount(kRssPath), 1);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY(!progress->isVisible());
    QVERIFY(window->fetchController()->fetcher()->isRunning() == false);
    QTRY_VERIFY(status(*window)->text().contains(QStringLiteral("cancelled")));
    QVERIFY(!day(*window, kDay).isValid());
}

void TestFetchWindow::fetchOnStartFollowsTheSetting()
{
    m_server->route(kRssPath, {TestHttpServer::arxivRssFixture(
                                  QStringLiteral("rss_2024-11-28_first120items.xml"))});
    MainWindow::Options options;
    options.importSample = false;
    options.fetchAutomatically = true;
    {
        QSettings settings;
        settings::fetchOnStart.setValue(settings, false);
        settings::fetchAfterAnnouncement.setValue(settings, false);
    }
    {
        MainWindow window(m_db, options);
        window.show();
        QTRY_COMPARE(gui_test::listedCount(window), 3);
        QTest::qWait(300);
        QCOMPARE(m_server->requestCount(kRssPath), 0);
        QVERIFY(!window.fetchController()->nextScheduledCheck().isValid());
    }
    {
        QSettings settings;
        settings::fetchOnStart.setValue(settings, true);
        settings::fetchAfterAnnouncement.setValue(settings, true);
    }
    MainWindow window(m_db, options);
    QSignalSpy arrived(window.fetchController(), &FetchController::listingArrived);
    window.show();
    QTRY_COMPARE(m_server->requestCount(kRssPath), 1);
    QTRY_VERIFY(window.sidebar()->dayModel()->indexOfDate(kDay).isValid());
    // The reader is looking at the window it just opened: no "listing arrived" notification.
    QTRY_VERIFY(!window.fetchController()->isRunning());
    QCOMPARE(arrived.size(), 0);
    // The next check is planned for after the next announcement.
    const QDateTime next = window.fetchController()->nextScheduledCheck();
    QVERIFY(next.isValid());
    QVERIFY(next > QDateTime::currentDateTimeUtc());
    QVERIFY(next < QDateTime::currentDateTimeUtc().addDays(4));
}

void TestFetchWindow::sundayFirstStartSaysNoAnnouncement()
{
    // Sunday 1 Dec 2024 in New York. arXiv's feed is empty on a weekend; once it names the
    // Sunday, once it names no date at all. Neither is a failure.
    const QDate sunday(2024, 12, 1);
    const CannedResponse empty =
        TestHttpServer::arxivRssFixture(QStringLiteral("rss_empty_test_archive_2024-11-28.xml"));
    CannedResponse dated = empty;
    dated.body.replace("Thu, 28 Nov 2024", "Sun, 01 Dec 2024");
    CannedResponse undated = empty;
    undated.body.replace("<pubDate>Thu, 28 Nov 2024 00:00:00 -0500</pubDate>", "");
    undated.body.replace("<lastBuildDate>Thu, 28 Nov 2024 17:23:08 +0000</lastBuildDate>", "");
    QVERIFY(!undated.body.contains("Nov 2024"));
    for (const CannedResponse &feed : {dated, undated}) {
        m_server->route(kRssPath, {feed});
        auto window = gui_test::openWindow(m_db);
        window->fetchController()->setClock(
            [sunday] { return QDateTime(sunday, QTime(18, 0), Qt::UTC); });
        QTRY_COMPARE(gui_test::listedCount(*window), 3);
        window->findChild<QAction *>(QStringLiteral("fetchTodayAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(day(*window, sunday).isValid(), 10000);
        const QModelIndex mark = day(*window, sunday);
        QCOMPARE(mark.data(DayTreeModel::StatusRole).toString(), QStringLiteral("no announcement"));
        QVERIFY2(mark.data(Qt::ToolTipRole).toString().contains(QStringLiteral("next listing")),
                 qPrintable(mark.data(Qt::ToolTipRole).toString()));
        QTRY_VERIFY(!window->fetchController()->isRunning());
        QVERIFY2(!status(*window)->text().contains(QStringLiteral("failed")),
                 qPrintable(status(*window)->text()));
    }
}

void TestFetchWindow::offlineFirstStartWaitsForTheNetwork()
{
    const FetchSettings offline = offlineSettings();
    QVERIFY(!offline.rssBaseUrl.isEmpty());
    m_server->route(kRssPath, {TestHttpServer::arxivRssFixture(
                                  QStringLiteral("rss_2024-11-28_first120items.xml"))});
    {
        QSettings settings;
        settings::setFetchSettings(settings, offline);
        settings::fetchOnStart.setValue(settings, true);
        settings::fetchAfterAnnouncement.setValue(settings, false);
    }
    auto window = openWindow();
    QSignalSpy arrived(window->fetchController(), &FetchController::listingArrived);
    window->fetchController()->setOfflineRetryDelay(300); // then 600 ms, 1.2 s, ...
    window->fetchController()->startAutomatic(true, false);
    QTRY_VERIFY_WITH_TIMEOUT(window->fetchController()->isOffline(), 10000);
    QTRY_VERIFY(day(*window, kDay).isValid());
    QCOMPARE(day(*window, kDay).data(DayTreeModel::StatusRole).toString(),
             QStringLiteral("offline"));
    QTRY_VERIFY(status(*window)->text().contains(QStringLiteral("Offline")));
    QVERIFY(!status(*window)->text().contains(QStringLiteral("failed")));
    QVERIFY(!QApplication::activeModalWidget());

    // The network comes back (here: the server answers again); the next retry fetches the
    // day and the mark goes away.
    {
        QSettings settings;
        settings::setFetchSettings(settings, test::fastFetchSettings(*m_server));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!window->fetchController()->isOffline(), 15000);
    QTRY_COMPARE(day(*window, kDay).data(DayTreeModel::PapersRole).toInt(), 120);
    QTRY_VERIFY(day(*window, kDay).data(DayTreeModel::StatusRole).toString().isEmpty());
    QCOMPARE(m_server->requestCount(kRssPath), 1);
    // The listing arrived while the reader may be away: that is worth a notification.
    QCOMPARE(arrived.size(), 1);
    QCOMPARE(arrived.first().at(0).toDate(), kDay);
    QCOMPARE(arrived.first().at(1).toInt(), 120);
}

void TestFetchWindow::offlineEnglishCompletionLeavesNoProgressLine()
{
    // The founding digest's papers lack English; arXiv cannot be reached. The completion
    // fails quietly, and its "Completing English… 1 of 1" line must not stay on screen for
    // the rest of the session (a second offline start showed it until the window closed).
    const FetchSettings offline = offlineSettings();
    QVERIFY(!offline.rssBaseUrl.isEmpty());
    {
        QSettings settings;
        settings::setFetchSettings(settings, offline);
        settings::fetchOnStart.setValue(settings, false);
        settings::fetchAfterAnnouncement.setValue(settings, false);
    }
    const QByteArray noEnrich = qgetenv("PAPERBOY_NO_ENRICH");
    qunsetenv("PAPERBOY_NO_ENRICH");
    MainWindow::Options options;
    options.importSample = false;
    options.fetchAutomatically = true;
    MainWindow window(m_db, options);
    qputenv("PAPERBOY_NO_ENRICH", noEnrich);
    auto *enricher = window.findChild<AutoEnricher *>(QStringLiteral("englishEnricher"));
    QVERIFY(enricher);
    QSignalSpy progress(enricher, &AutoEnricher::progress);
    QSignalSpy finished(enricher, &AutoEnricher::finished);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
    QVERIFY(!progress.isEmpty()); // the line was shown, so its staying would be seen
    QVERIFY(!finished.first().at(0).value<FetchSummary>().ok());
    QVERIFY2(!status(window)->text().contains(QStringLiteral("Completing English")),
             qPrintable(status(window)->text()));
    QVERIFY2(!status(window)->text().contains(QStringLiteral("failed")),
             qPrintable(status(window)->text()));
}

void TestFetchWindow::settingsMapOntoFetchSettings()
{
    QSettings settings;
    settings.clear();
    const FetchSettings defaults;
    FetchSettings read = settings::fetchSettings(settings);
    QCOMPARE(read.toVariantMap(), defaults.toVariantMap());

    FetchSettings changed;
    changed.categories = {QStringLiteral("cs.LG"), QStringLiteral("cs.CV")};
    changed.rssBaseUrl = QStringLiteral("http://127.0.0.1:1/rss/");
    changed.politeness.minRequestSpacingMs = 5000;
    settings::setFetchSettings(settings, changed);
    settings.sync();
    read = settings::fetchSettings(QSettings());
    QCOMPARE(read.categories, changed.categories);
    QCOMPARE(read.rssBaseUrl, changed.rssBaseUrl);
    QCOMPARE(read.politeness.minRequestSpacingMs, 5000);

    // A hand-edited file with one category as plain text still reads as a list.
    settings.setValue(QStringLiteral("fetch/categories"), QStringLiteral("math.AG, cs.CV"));
    QCOMPARE(settings::fetchSettings(settings).categories,
             (QStringList{QStringLiteral("math.AG"), QStringLiteral("cs.CV")}));
}

void TestFetchWindow::ledgerBecomesDayStatuses()
{
    auto row = [](const QDate &date, const QString &category, const QString &source,
                  LedgerState state, const QString &reason = {}) {
        LedgerEntry entry;
        entry.date = date;
        entry.category = category;
        entry.source = source;
        entry.state = state;
        entry.reason = reason;
        return entry;
    };
    const QDate today(2024, 11, 29); // Friday
    LedgerView view;
    view.today = today;
    view.recentDays = 7;
    view.digestDays = {QDate(2024, 11, 29), QDate(2024, 11, 27)};
    view.rows = {
        row(QDate(2024, 11, 29), QStringLiteral("cs.CV"), QStringLiteral("arxiv-rss"),
            LedgerState::Complete),
        // Failed by RSS, complete by the API: the better source wins, no mark.
        row(QDate(2024, 11, 27), QStringLiteral("cs.CV"), QStringLiteral("arxiv-rss"),
            LedgerState::Failed, QStringLiteral("HTTP 503")),
        row(QDate(2024, 11, 27), QStringLiteral("cs.CV"), QStringLiteral("arxiv-api"),
            LedgerState::Complete),
        row(QDate(2024, 11, 26), QStringLiteral("cs.CV"), QStringLiteral("arxiv-api"),
            LedgerState::Partial, QStringLiteral("arXiv returned 30 of 40 papers")),
        row(QDate(2024, 11, 25), QStringLiteral("cs.CV"), QStringLiteral("arxiv-api"),
            LedgerState::Failed, QStringLiteral("HTTP 500")),
        row(QDate(2024, 11, 25), QStringLiteral("cs.LG"), QStringLiteral("arxiv-api"),
            LedgerState::Complete),
        row(QDate(2024, 11, 22), QStringLiteral("cs.CV"), QStringLiteral("arxiv-api"),
            LedgerState::NoAnnouncement),
    };
    const QHash<QDate, DayStatus> statuses = dayStatusesFromLedger(view);
    QVERIFY(!statuses.contains(QDate(2024, 11, 29)));
    QVERIFY(!statuses.contains(QDate(2024, 11, 27)));
    QCOMPARE(statuses.value(QDate(2024, 11, 26)).text, QStringLiteral("incomplete"));
    QVERIFY(statuses.value(QDate(2024, 11, 26)).details.contains(QStringLiteral("30 of 40")));
    QCOMPARE(statuses.value(QDate(2024, 11, 25)).text, QStringLiteral("failed"));
    QVERIFY(
        statuses.value(QDate(2024, 11, 25)).details.contains(QStringLiteral("cs.CV: HTTP 500")));
    QCOMPARE(statuses.value(QDate(2024, 11, 22)).text, QStringLiteral("no announcement"));
    // Thursday the 28th has nothing at all: recent, so "not fetched"; weekends never.
    QCOMPARE(statuses.value(QDate(2024, 11, 28)).text, QStringLiteral("not fetched"));
    QVERIFY(!statuses.contains(QDate(2024, 11, 23)));
    QVERIFY(!statuses.contains(QDate(2024, 11, 24)));
    // Older than the recent window: no guess.
    QVERIFY(!statuses.contains(QDate(2024, 11, 21)));
    // A failed feed recorded on a Sunday is never "failed": arXiv announces nothing for it.
    // It is marked only while that Sunday is today, and says when the next listing comes.
    view.rows.append(row(QDate(2024, 11, 24), QStringLiteral("cs.CV"), QStringLiteral("arxiv-rss"),
                         LedgerState::Failed, QStringLiteral("HTTP 503")));
    QVERIFY(!dayStatusesFromLedger(view).contains(QDate(2024, 11, 24)));
    view.today = QDate(2024, 11, 24);
    const DayStatus sunday = dayStatusesFromLedger(view).value(QDate(2024, 11, 24));
    QCOMPARE(sunday.text, QStringLiteral("no announcement"));
    QVERIFY2(sunday.details.contains(QStringLiteral("Sunday to Thursday")),
             qPrintable(sunday.details));
    // Offline today: a calm "offline", whatever the ledger says.
    view.offline = true;
    QCOMPARE(dayStatusesFromLedger(view).value(QDate(2024, 11, 24)).text,
             QStringLiteral("offline"));
    view.offline = false;
    // The Friday after Thanksgiving has no listing either: no mark once it is past, and
    // "no announcement" (naming the holiday) while it is today and nothing arrived.
    view.rows.last().date = QDate(2024, 11, 29);
    view.today = QDate(2024, 11, 29);
    const QSet<QDate> digestDays = view.digestDays;
    view.digestDays.remove(QDate(2024, 11, 29));
    QList<LedgerEntry> rows = view.rows;
    view.rows.removeFirst(); // the Complete row of the 29th
    const DayStatus holiday = dayStatusesFromLedger(view).value(QDate(2024, 11, 29));
    QCOMPARE(holiday.text, QStringLiteral("no announcement"));
    QVERIFY2(holiday.details.contains(QStringLiteral("Thanksgiving")), qPrintable(holiday.details));
    view.rows = rows;
    view.digestDays = digestDays;
    view.today = today;
    view.rows.removeLast();

    // Someone who never fetched a day well sees no "not fetched" days at all: a first failed
    // attempt marks that day only.
    view.rows = {row(QDate(2024, 11, 29), QStringLiteral("cs.CV"), QStringLiteral("arxiv-rss"),
                     LedgerState::Failed, QStringLiteral("HTTP 503"))};
    view.digestDays.clear();
    QCOMPARE(dayStatusesFromLedger(view).keys(), QList<QDate>{QDate(2024, 11, 29)});
}

void TestFetchWindow::scheduleFollowsTheAnnouncements()
{
    const int margin = 20 * 60;
    // Thursday 21 Nov 2024, 17:30 UTC = 12:30 EST: next is the announcement at 20:00 EST.
    QCOMPARE(arxiv_calendar::nextListingCheck(
                 QDateTime(QDate(2024, 11, 21), QTime(17, 30), Qt::UTC), margin),
             QDateTime(QDate(2024, 11, 22), QTime(1, 20), Qt::UTC));
    // Right after it: the feed turns over at midnight Eastern (05:00 UTC).
    QCOMPARE(arxiv_calendar::nextListingCheck(QDateTime(QDate(2024, 11, 22), QTime(1, 30), Qt::UTC),
                                              margin),
             QDateTime(QDate(2024, 11, 22), QTime(5, 20), Qt::UTC));
    // Friday evening: no announcement until Sunday 20:00, then Monday's feed at midnight.
    QCOMPARE(arxiv_calendar::nextListingCheck(QDateTime(QDate(2024, 11, 22), QTime(23, 0), Qt::UTC),
                                              margin),
             QDateTime(QDate(2024, 11, 25), QTime(1, 20), Qt::UTC));
    // Thanksgiving (Thursday 28 Nov 2024, kDay): no announcement that evening and so no
    // Friday listing; the next is Sunday's.
    QCOMPARE(arxiv_calendar::nextListingCheck(QDateTime(kDay, QTime(17, 30), Qt::UTC), margin),
             QDateTime(QDate(2024, 12, 2), QTime(1, 20), Qt::UTC));
    // Summer time: 20:00 EDT is 00:00 UTC.
    QCOMPARE(arxiv_calendar::nextListingCheck(QDateTime(QDate(2024, 6, 3), QTime(12, 0), Qt::UTC),
                                              margin),
             QDateTime(QDate(2024, 6, 4), QTime(0, 20), Qt::UTC));
}

QTEST_MAIN(TestFetchWindow)
#include "tst_fetch_window.moc"
