// Reading less in the reader window (issue #16): x hides a paper from For you and Ctrl+Z
// brings it back, the For-you order after a new star, any list sorted best first with its
// "why", following an author marks the list, the rule dialog writes a rule that the next
// import applies, and hiding read papers.

#include "gui_fixtures.h"
#include "gui_helpers.h"
#include "gui_window.h"

#include "detail/detail_pane.h"
#include "paperlist/paper_filter_model.h"
#include "paperlist/paper_list_model.h"
#include "paperlist/paper_list_panel.h"
#include "rank/rank_controller.h"
#include "rank/rank_index.h"
#include "rank/ranker.h"
#include "rank/rule_dialog.h"
#include "search/searcher.h"
#include "search/smart_views.h"
#include "sidebar/count_delegate.h"
#include "sidebar/sidebar.h"
#include "sidebar/views_panel.h"
#include "window/main_window.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>

using namespace paperboy;
using gui_test::currentId;
using gui_test::listedCount;
using gui_test::selectRow;

namespace {

QString fixture(const QString &relative)
{
    return QStringLiteral(PAPERBOY_TEST_DATA "/") + relative;
}

const QString kDayOne = QStringLiteral("digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl");

// The ids listed by the window, in the order shown (after the filter and sort).
QStringList shownIds(MainWindow &window)
{
    QAbstractItemModel *model = gui_test::paperListView(window)->model();
    QStringList ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids.append(model->index(row, 0).data(PaperListModel::IdRole).toString());
    return ids;
}

void chooseView(MainWindow &window, const QString &name)
{
    QListWidget *views = window.sidebar()->viewsPanel()->smartViews();
    for (int row = 0; row < views->count(); ++row)
        if (views->item(row)->text().endsWith(name)) {
            QTest::mouseClick(views->viewport(), Qt::LeftButton, {},
                              views->visualItemRect(views->item(row)).center());
            return;
        }
    QFAIL("no such view");
}

// The count the sidebar shows beside a smart view; -1 when none.
int viewCount(MainWindow &window, const QString &name)
{
    QListWidget *views = window.sidebar()->viewsPanel()->smartViews();
    for (int row = 0; row < views->count(); ++row)
        if (views->item(row)->text().endsWith(name))
            return views->item(row)->data(CountDelegate::CountRole).toInt();
    return -2;
}

QAction *action(MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QLatin1String(name));
}

QString heading(MainWindow &window)
{
    return window.findChild<QLabel *>(QStringLiteral("listHeading"))->text();
}

// "For You · 41 papers" ends with the count.
bool headingCounts(MainWindow &window, int count)
{
    return heading(window).contains(QStringLiteral(" %1 paper").arg(count));
}

} // namespace

class TestRankWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void notInterestedHidesAndUndoBringsBack();
    void forYouOrderFollowsANewStar();
    void dayListSortsBestFirstWithWhy();
    void fewStarsGiveAHint();
    void followingAnAuthorMarksTheList();
    void ruleDialogCreatesARuleTheNextImportApplies();
    void hideReadToggle();
    void togglesStayAsLeft();
    void dismissingInADayDimsTheRow();
    void dismissalsAndFollowsFromOutsideReachTheWindow();

private:
    // Stars the first `count` papers of the first day's cs.CV papers (by papers.id).
    QStringList starSome(int count);
    QStringList expectedForYou();

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestRankWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_rank_window"));
    gui_test::useSettingsIn(m_settingsDir.path());
}

void TestRankWindow::init()
{
    gui_test::clearSettings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("library.sqlite"));
    QVERIFY(gui_test::importInto(m_db, fixture(kDayOne)));
}

void TestRankWindow::cleanup()
{
    m_dir.reset();
}

QStringList TestRankWindow::starSome(int count)
{
    Database database;
    if (!database.open(m_db))
        return {};
    Store store(database);
    SearchQuery query = parseSearchQuery(QStringLiteral("cat:cs.CV"));
    SearchOptions options;
    options.limit = count;
    const QList<PaperView> views =
        Searcher(database.connection()).searchViews(store, query, options, nullptr);
    QStringList ids;
    for (const PaperView &view : views) {
        if (!store.setStarred(view.paper.arxivId, true))
            return {};
        ids.append(view.paper.arxivId);
    }
    return ids;
}

// What the core ranks For you right now, on a connection of the test's own.
QStringList TestRankWindow::expectedForYou()
{
    Database database;
    if (!database.open(m_db))
        return {};
    Ranker ranker(database);
    const QList<PaperScore> scores = ranker.forYou();
    QList<qint64> ids;
    for (const PaperScore &score : scores)
        ids.append(score.paperId);
    QStringList arxivIds;
    for (const PaperView &view : Store(database).viewsForPaperIds(ids))
        arxivIds.append(view.paper.arxivId);
    return arxivIds;
}

void TestRankWindow::notInterestedHidesAndUndoBringsBack()
{
    QCOMPARE(starSome(4).size(), 4);
    auto window = gui_test::openWindow(m_db);
    QTRY_VERIFY(listedCount(*window) > 0);
    chooseView(*window, tr("For You"));
    QTRY_COMPARE(window->currentSource().kind, ListKind::ForYou);
    QTRY_VERIFY(listedCount(*window) > 10);
    const int before = listedCount(*window);
    QVERIFY(selectRow(*window, 2));
    const QString dismissed = currentId(*window);
    const QString below = shownIds(*window).value(3);

    QVERIFY2(headingCounts(*window, before), qPrintable(heading(*window)));
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_X);
    QCOMPARE(listedCount(*window), before - 1);
    QVERIFY(!shownIds(*window).contains(dismissed));
    QCOMPARE(currentId(*window), below); // the next paper takes its place
    QVERIFY2(headingCounts(*window, before - 1), qPrintable(heading(*window)));
    QTRY_VERIFY(gui_test::storedState(m_db, dismissed).dismissed);
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("statusMessage"))
                ->text()
                .contains(QStringLiteral("Ctrl+Z")));

    // Read again, the For-you list leaves it out: the dismissal is stored, not only hidden.
    chooseView(*window, tr("Starred"));
    QTRY_COMPARE(window->currentSource().kind, ListKind::Starred);
    chooseView(*window, tr("For You"));
    QTRY_COMPARE(window->currentSource().kind, ListKind::ForYou);
    QTRY_COMPARE(listedCount(*window), before - 1);
    QVERIFY(!shownIds(*window).contains(dismissed));

    // Undo, from another list too: the paper is no longer dismissed.
    QVERIFY(action(*window, "undoAction")->isEnabled());
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY(!gui_test::storedState(m_db, dismissed).dismissed);
    QVERIFY(!action(*window, "undoAction")->isEnabled());
    chooseView(*window, tr("Starred"));
    QTRY_COMPARE(window->currentSource().kind, ListKind::Starred);
    chooseView(*window, tr("For You"));
    QTRY_COMPARE(listedCount(*window), before);
    QTRY_VERIFY(shownIds(*window).contains(dismissed));

    // Undo within the list puts it back where it was.
    QVERIFY(selectRow(*window, 2));
    const QString again = currentId(*window);
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_X);
    QCOMPARE(listedCount(*window), before - 1);
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(listedCount(*window), before);
    QVERIFY2(headingCounts(*window, before), qPrintable(heading(*window)));
    QCOMPARE(shownIds(*window).value(2), again);
    QCOMPARE(currentId(*window), again);
    QTRY_VERIFY(!gui_test::storedState(m_db, again).dismissed);
}

void TestRankWindow::forYouOrderFollowsANewStar()
{
    QCOMPARE(starSome(3).size(), 3);
    auto window = gui_test::openWindow(m_db);
    QTRY_VERIFY(listedCount(*window) > 0);
    chooseView(*window, tr("For You"));
    QTRY_COMPARE(window->currentSource().kind, ListKind::ForYou);
    QTRY_VERIFY(listedCount(*window) > 10);
    const QStringList before = shownIds(*window);
    QCOMPARE(before, expectedForYou());
    // The sidebar counts what For You lists (counted on the reader thread, not ranked).
    QTRY_COMPARE(viewCount(*window, tr("For You")), int(before.size()));

    // Star a paper far down the list: it leaves For you and papers like it move up.
    QVERIFY(selectRow(*window, listedCount(*window) - 1));
    const QString starred = currentId(*window);
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_S);
    QTRY_VERIFY(gui_test::storedState(m_db, starred).starred);
    chooseView(*window, tr("Starred"));
    QTRY_COMPARE(window->currentSource().kind, ListKind::Starred);
    chooseView(*window, tr("For You"));
    QTRY_COMPARE(window->currentSource().kind, ListKind::ForYou);
    QTRY_VERIFY(!shownIds(*window).contains(starred) && listedCount(*window) == before.size() - 1);
    const QStringList after = shownIds(*window);
    QCOMPARE(after, expectedForYou());
    QTRY_COMPARE(viewCount(*window, tr("For You")), int(after.size()));
    QVERIFY(after.mid(0, 10) != before.mid(0, 10));
    // Every row carries its score bar: full for the best, empty for the lowest, shorter down
    // the list by score (not by place: the first screen's bars differ).
    QAbstractItemModel *model = gui_test::paperListView(*window)->model();
    const int rows = model->rowCount();
    QCOMPARE(model->index(0, 0).data(PaperListModel::RankFractionRole).toDouble(), 1.0);
    QCOMPARE(model->index(rows - 1, 0).data(PaperListModel::RankFractionRole).toDouble(), 0.0);
    for (int row = 1; row < rows; ++row)
        QVERIFY(model->index(row, 0).data(PaperListModel::RankFractionRole).toDouble() <=
                model->index(row - 1, 0).data(PaperListModel::RankFractionRole).toDouble());
    const double place = double(rows - 1 - 9) / double(rows - 1); // the tenth row's place
    QVERIFY(model->index(9, 0).data(PaperListModel::RankFractionRole).toDouble() < place);
}

void TestRankWindow::dayListSortsBestFirstWithWhy()
{
    QCOMPARE(starSome(4).size(), 4);
    auto window = gui_test::openWindow(m_db);
    QTRY_VERIFY(listedCount(*window) > 10);
    RankController *rank = window->findChild<RankController *>();
    QVERIFY(rank);
    const QStringList digestOrder = shownIds(*window);
    rank->sortForYouAction()->setChecked(true);
    QTRY_VERIFY(window->paperList()->model()->hasRanks());
    QAbstractItemModel *model = gui_test::paperListView(*window)->model();
    double previous = std::numeric_limits<double>::infinity();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QVariant score = model->index(row, 0).data(PaperListModel::ScoreRole);
        QVERIFY(score.isValid());
        QVERIFY2(score.toDouble() <= previous, qPrintable(QString::number(row)));
        previous = score.toDouble();
    }
    QVERIFY(shownIds(*window) != digestOrder);
    QVERIFY(selectRow(*window, 0));
    auto *why = window->findChild<QLabel *>(QStringLiteral("whyLabel"));
    QTRY_VERIFY(!why->isHidden());
    QVERIFY(why->text().contains(
        model->index(0, 0).data(PaperListModel::WhyRole).toStringList().value(0)));
    // Off again: the digest's own order.
    rank->sortForYouAction()->setChecked(false);
    QCOMPARE(shownIds(*window), digestOrder);
}

void TestRankWindow::fewStarsGiveAHint()
{
    QCOMPARE(starSome(1).size(), 1);
    auto window = gui_test::openWindow(m_db);
    QTRY_VERIFY(listedCount(*window) > 0);
    chooseView(*window, tr("For You"));
    QTRY_COMPARE(window->currentSource().kind, ListKind::ForYou);
    auto *status = window->findChild<QLabel *>(QStringLiteral("statusMessage"));
    QTRY_VERIFY2(status->text().contains(QStringLiteral("(1 so far)")), qPrintable(status->text()));
}

void TestRankWindow::followingAnAuthorMarksTheList()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_VERIFY(listedCount(*window) > 10);
    QVERIFY(selectRow(*window, 0));
    const PaperView paper = window->detailPane()->paper();
    QVERIFY(!paper.paper.authors.isEmpty());
    const QString author = paper.paper.authors.first();

    auto *follow = window->findChild<QPushButton *>(QStringLiteral("followButton"));
    QVERIFY(follow && follow->isEnabled());
    QMenu *menu = follow->menu();
    emit menu->aboutToShow(); // fills it with the paper's authors
    QVERIFY(!menu->actions().isEmpty());
    menu->actions().first()->trigger();

    auto followed = [this] {
        Database database;
        database.open(m_db, Database::Mode::ReadOnly);
        QStringList names;
        for (const FollowedAuthor &author : Store(database).followedAuthors())
            names.append(author.name);
        return names;
    };
    QTRY_COMPARE(followed(), QStringList{author});
    // The list is read again: the paper's row is marked, and so is every other of theirs.
    QAbstractItemModel *model = gui_test::paperListView(*window)->model();
    QTRY_VERIFY(
        model->index(0, 0).data(PaperListModel::FollowedRole).toStringList().contains(author));
    QVERIFY(follow->text() != tr("Follow"));

    // The Followed Authors view lists their papers, as many as its count in the sidebar.
    chooseView(*window, tr("Followed Authors"));
    QTRY_COMPARE(window->currentSource().kind, ListKind::Followed);
    QTRY_VERIFY(shownIds(*window).contains(paper.paper.arxivId));
    QTRY_COMPARE(viewCount(*window, tr("Followed Authors")), listedCount(*window));
    QVERIFY(listedCount(*window) > 0);
}

void TestRankWindow::ruleDialogCreatesARuleTheNextImportApplies()
{
    {
        Database database;
        QVERIFY(database.open(m_db));
        QVERIFY(SmartViews(database.connection())
                    .saveSearch(QStringLiteral("gen"), QStringLiteral("diffusion")));
    }
    auto window = gui_test::openWindow(m_db);
    QTRY_VERIFY(listedCount(*window) > 0);
    QListWidget *searches = window->sidebar()->viewsPanel()->savedSearches();
    QTRY_COMPARE(searches->count(), 1);
    const QStringList offered = gui_test::chooseFromContextMenu(
        searches->viewport(), searches->visualItemRect(searches->item(0)).center(),
        QStringLiteral("ruleSavedSearchAction"));
    QVERIFY(offered.contains(QStringLiteral("ruleSavedSearchAction")));
    auto *dialog = gui_test::waitForWindow<RuleDialog>(QStringLiteral("ruleDialog"));
    QVERIFY(dialog);
    dialog->actionBox()->setCurrentIndex(dialog->actionBox()->findData(int(RuleAction::Tag)));
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // a tag rule needs its tag
    QTest::keyClicks(dialog->tagEdit(), QStringLiteral("generative"));
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);

    auto rules = [this] {
        Database database;
        database.open(m_db, Database::Mode::ReadOnly);
        return Store(database).rules();
    };
    QTRY_COMPARE(rules().size(), 1);
    QCOMPARE(rules().first().action, RuleAction::Tag);
    QCOMPARE(rules().first().argument, QStringLiteral("generative"));
    QCOMPARE(rules().first().query, QStringLiteral("diffusion"));

    auto search = [this](const QString &text) {
        Database database;
        database.open(m_db, Database::Mode::ReadOnly);
        Store store(database);
        SearchOptions options;
        options.limit = 0;
        QStringList ids;
        for (const PaperView &view :
             Searcher(database.connection())
                 .searchViews(store, parseSearchQuery(text), options, nullptr))
            ids.append(view.paper.arxivId);
        return ids;
    };
    auto tagged = [&] { return search(QStringLiteral("tag:generative")); };
    const QStringList alreadyThere = search(QStringLiteral("diffusion"));
    QVERIFY(!alreadyThere.isEmpty());

    // The next import tags its new papers that match; the papers already there are left.
    const QString rss = QStringLiteral("arxiv-rss/rss_2024-11-28_first120items.xml");
    window->importFiles({fixture(rss)});
    QTRY_VERIFY_WITH_TIMEOUT(!tagged().isEmpty(), 20000);
    for (const QString &id : alreadyThere)
        QVERIFY2(!tagged().contains(id), qPrintable(id));
    Database database;
    QVERIFY(database.open(m_db, Database::Mode::ReadOnly));
    Store store(database);
    for (const QString &id : tagged()) {
        const QList<PaperView> views =
            store.viewsForPaperIds(RankStore(database).paperIds({id}).values());
        QCOMPARE(views.size(), 1);
        QVERIFY((views[0].paper.title + views[0].paper.abstract)
                    .contains(QStringLiteral("diffusion"), Qt::CaseInsensitive));
    }
}

void TestRankWindow::hideReadToggle()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_VERIFY(listedCount(*window) > 10);
    const int all = listedCount(*window);
    QVERIFY(selectRow(*window, 1));
    const QString read = currentId(*window);
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_U); // toggle read
    QTRY_VERIFY(gui_test::storedState(m_db, read).read);
    QAction *hide = action(*window, "hideReadAction");
    QVERIFY(hide && hide->isCheckable());
    hide->setChecked(true);
    QCOMPARE(listedCount(*window), all - 1);
    QVERIFY(!shownIds(*window).contains(read));
    // A paper read while the list is on screen stays until the list is read again.
    QVERIFY(selectRow(*window, 0));
    const QString another = currentId(*window);
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_U);
    QTRY_VERIFY(gui_test::storedState(m_db, another).read);
    QCOMPARE(listedCount(*window), all - 1);
    hide->setChecked(false);
    QCOMPARE(listedCount(*window), all);
    hide->setChecked(true);
    QCOMPARE(listedCount(*window), all - 2);
}

void TestRankWindow::togglesStayAsLeft()
{
    QCOMPARE(starSome(4).size(), 4); // something to rank by
    {
        auto window = gui_test::openWindow(m_db);
        QTRY_VERIFY(listedCount(*window) > 10);
        QVERIFY(!action(*window, "hideReadAction")->isChecked());
        QVERIFY(!action(*window, "sortForYouAction")->isChecked());
        action(*window, "hideReadAction")->setChecked(true);
        action(*window, "sortForYouAction")->setChecked(true);
        window->close();
    }
    auto window = gui_test::openWindow(m_db);
    QVERIFY(action(*window, "hideReadAction")->isChecked());
    QVERIFY(action(*window, "sortForYouAction")->isChecked());
    // And they act on the first list: it is scored and sorted once it is shown.
    QTRY_VERIFY(listedCount(*window) > 10);
    QTRY_VERIFY(window->paperList()->model()->hasRanks());
}

void TestRankWindow::dismissingInADayDimsTheRow()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_VERIFY(listedCount(*window) > 10);
    const int all = listedCount(*window);
    QVERIFY(selectRow(*window, 1));
    const QString id = currentId(*window);
    QAbstractItemModel *model = gui_test::paperListView(*window)->model();
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_X);
    // A day keeps its papers; the row says it at once (UserData's change, before the write).
    QCOMPARE(listedCount(*window), all);
    QVERIFY(model->index(1, 0).data(PaperListModel::DismissedRole).toBool());
    QVERIFY(window->detailPane()->paper().user.dismissed);
    QTRY_VERIFY(gui_test::storedState(m_db, id).dismissed);
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!model->index(1, 0).data(PaperListModel::DismissedRole).toBool());
    QTRY_VERIFY(!gui_test::storedState(m_db, id).dismissed);
}

void TestRankWindow::dismissalsAndFollowsFromOutsideReachTheWindow()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_VERIFY(listedCount(*window) > 10);
    QAbstractItemModel *model = gui_test::paperListView(*window)->model();
    const QString id = model->index(3, 0).data(PaperListModel::IdRole).toString();
    QVERIFY(selectRow(*window, 3));
    const QString author = window->detailPane()->paper().paper.authors.value(0);
    QVERIFY(!author.isEmpty());
    // Another process (paperboy dismiss, paperboy follow) writes to the same file.
    {
        Database database;
        QVERIFY(database.open(m_db));
        Store store(database);
        QVERIFY(store.setDismissed({id}, true));
        QVERIFY(store.setFollowed(author.toUpper(), true)); // names match case-folded
    }
    QTRY_VERIFY(model->index(3, 0).data(PaperListModel::DismissedRole).toBool());
    QTRY_VERIFY(
        model->index(3, 0).data(PaperListModel::FollowedRole).toStringList().contains(author));
    QVERIFY(window->detailPane()->paper().user.dismissed);
    auto *follow = window->findChild<QPushButton *>(QStringLiteral("followButton"));
    QVERIFY(follow->text() != tr("Follow"));
}

QTEST_MAIN(TestRankWindow)
#include "tst_rank_window.moc"
