// What digests add beyond arXiv, in the reader window: the AI summary under the abstract,
// upvotes and code stars in the list, the project page button; and long lists that reach the
// view in batches.

#include "gui_fixtures.h"
#include "gui_window.h"

#include "detail/ai_summary_view.h"
#include "detail/detail_pane.h"
#include "window/main_window.h"
#include "paperlist/paper_delegate.h"
#include "paperlist/paper_filter_model.h"
#include "paperlist/paper_list_model.h"
#include "paperlist/paper_list_panel.h"
#include "common/math_text.h"

#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace paperboy;
using gui_test::listedCount;

namespace {

const QDate kHfDay(2026, 6, 12);

QString hfFixture()
{
    return QStringLiteral(PAPERBOY_TEST_DATA "/hf-daily/hf_daily_papers_2026-06-12_first15.json");
}

class UrlRecorder : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened.append(url); }
};

PaperView syntheticPaper(int n)
{
    PaperView view;
    view.paper.arxivId = QStringLiteral("2401.%1").arg(n, 5, 10, QLatin1Char('0'));
    view.paper.title = QStringLiteral("Paper number %1").arg(n);
    return view;
}

} // namespace

class TestReaderExtras : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void aiSummaryIsShownAsPlainText();
    void upvotesAndStarsReachTheList();
    void projectPageOpensThroughThePolicy();
    void longListsArriveInBatches();

private:
    bool selectId(MainWindow &window, const QString &id)
    {
        return window.paperList()->selectId(id);
    }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestReaderExtras::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_reader_extras"));
    gui_test::useSettingsIn(m_settingsDir.path());
}

void TestReaderExtras::init()
{
    gui_test::clearSettings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("library.sqlite"));
    QVERIFY(gui_test::importInto(m_db, gui_test::foundingDigestPath()));
    QVERIFY(gui_test::importInto(m_db, hfFixture()));
}

void TestReaderExtras::cleanup()
{
    m_dir.reset();
}

void TestReaderExtras::aiSummaryIsShownAsPlainText()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(window->currentSource().date, kHfDay);
    QTRY_COMPARE(listedCount(*window), 15);
    QVERIFY(selectId(*window, QStringLiteral("2606.12730")));
    auto *summary = window->findChild<AiSummaryView *>(QStringLiteral("aiSummaryView"));
    QTRY_VERIFY(summary->isVisible());
    auto *heading = summary->findChild<QLabel *>(QStringLiteral("aiSummaryHeading"));
    QVERIFY(heading->text().contains(QStringLiteral("AI summary")));
    auto *tldr = summary->findChild<MathTextView *>(QStringLiteral("aiTldrLabel"));
    QCOMPARE(tldr->toPlainText(), tldr->text()); // plain text, no markup read
    QCOMPARE(tldr->text(), window->detailPane()->paper().entry.ai.tldr);
    QVERIFY(!tldr->text().isEmpty());
    auto *keywords = summary->findChild<MathTextView *>(QStringLiteral("aiKeywordsLabel"));
    QVERIFY(keywords->isVisible());
    QCOMPARE(keywords->text(),
             window->detailPane()->paper().entry.ai.keywords.join(QStringLiteral(", ")));
    // HF gives no motivation/method: those rows stay hidden rather than empty.
    QVERIFY(!summary->findChild<MathTextView *>(QStringLiteral("aiMethodLabel"))->isVisible());

    // A digest paper without a summary shows none.
    QVERIFY(gui_test::chooseDay(*window, QDate(2024, 3, 14)));
    QTRY_COMPARE(listedCount(*window), 3);
    QVERIFY(gui_test::selectRow(*window, 1));
    QTRY_VERIFY(!summary->isVisible());
}

void TestReaderExtras::upvotesAndStarsReachTheList()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 15);
    PaperListModel *model = window->paperList()->model();
    const QModelIndex withStars = model->index(model->rowOf(QStringLiteral("2606.06113")));
    QCOMPARE(withStars.data(PaperListModel::UpvotesRole).toInt(), 13);
    QCOMPARE(withStars.data(PaperListModel::CodeStarsRole).toInt(), 5);
    QVERIFY(withStars.data(PaperListModel::HasCodeRole).toBool());
    const QModelIndex noCode = model->index(model->rowOf(QStringLiteral("2606.13289")));
    QCOMPARE(noCode.data(PaperListModel::UpvotesRole).toInt(), 25);
    QVERIFY(!noCode.data(PaperListModel::HasCodeRole).toBool());

    QCOMPARE(PaperDelegate::upvotesMark(13), QStringLiteral("\u25B2 13"));
    QCOMPARE(PaperDelegate::upvotesMark(-1), QString());
    QCOMPARE(PaperDelegate::codeStarsMark(1234), QStringLiteral("</> \u2605 1.2k"));
    QCOMPARE(PaperDelegate::codeStarsMark(-1), QStringLiteral("</>"));
    QCOMPARE(PaperDelegate::compactCount(25400), QStringLiteral("25k"));

    // The detail pane's code button carries the stars too.
    QVERIFY(selectId(*window, QStringLiteral("2606.06113")));
    auto *code = window->findChild<QPushButton *>(QStringLiteral("openCodeButton"));
    QTRY_VERIFY(code->text().contains(QStringLiteral("\u2605 5")));
    // Digest papers know neither.
    QVERIFY(gui_test::chooseDay(*window, QDate(2024, 3, 14)));
    QTRY_COMPARE(listedCount(*window), 3);
    QCOMPARE(model->index(0).data(PaperListModel::UpvotesRole).toInt(), -1);
}

void TestReaderExtras::projectPageOpensThroughThePolicy()
{
    UrlRecorder desktop;
    for (const char *scheme : {"http", "https"})
        QDesktopServices::setUrlHandler(QLatin1String(scheme), &desktop, "open");
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 15);
    QVERIFY(selectId(*window, QStringLiteral("2606.08103")));
    auto *project = window->findChild<QPushButton *>(QStringLiteral("openProjectButton"));
    QTRY_VERIFY(project->isVisible());
    QTest::mouseClick(project, Qt::LeftButton);
    QCOMPARE(desktop.opened,
             QList<QUrl>{QUrl(QStringLiteral("https://enlighten0707.github.io/gps/"))});
    QVERIFY(window->findChild<QAction *>(QStringLiteral("openProjectAction"))->isEnabled());

    // No project page: no button, the action is off.
    QVERIFY(selectId(*window, QStringLiteral("2606.13289")));
    QTRY_VERIFY(!project->isVisible());
    QVERIFY(!window->findChild<QAction *>(QStringLiteral("openProjectAction"))->isEnabled());
    for (const char *scheme : {"http", "https"})
        QDesktopServices::unsetUrlHandler(QLatin1String(scheme));
}

void TestReaderExtras::longListsArriveInBatches()
{
    PaperListPanel panel;
    panel.resize(400, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QList<PaperView> papers;
    const int total = PaperListModel::kBatchSize * 2 + 500;
    for (int n = 0; n < total; ++n)
        papers.append(syntheticPaper(n));
    panel.setPapers(QStringLiteral("Unread"), papers, {});
    PaperListModel *model = panel.model();
    QCOMPARE(model->rowCount(), PaperListModel::kBatchSize);
    QVERIFY(model->canFetchMore({}));
    QCOMPARE(model->papers().size(), total);

    // A paper beyond the first batch is still edited and found.
    UserStateChange star;
    UserState starred;
    starred.starred = true;
    star.papers.append({syntheticPaper(total - 1).paper.arxivId, UserField::Starred, starred});
    model->applyUserChange(star);
    QVERIFY(model->papers().last().user.starred);
    QVERIFY(panel.selectId(syntheticPaper(total - 1).paper.arxivId));
    QCOMPARE(model->rowCount(), total);

    // The filter sees every paper, not just the rows shown so far.
    panel.setPapers(QStringLiteral("Unread"), papers, {});
    QCOMPARE(model->rowCount(), PaperListModel::kBatchSize);
    panel.filterEdit()->setText(QStringLiteral("number %1").arg(total - 2));
    QCOMPARE(panel.filterModel()->rowCount(), 1);

    // Moving down past the batch reaches the next one (the view fetches it as it scrolls to
    // the end, or the move does).
    panel.filterEdit()->clear();
    panel.setPapers(QStringLiteral("Unread"), papers, {});
    QCOMPARE(model->rowCount(), PaperListModel::kBatchSize);
    QVERIFY(panel.selectId(syntheticPaper(PaperListModel::kBatchSize - 1).paper.arxivId));
    QVERIFY(panel.moveCurrent(+1));
    QCOMPARE(panel.currentId(), syntheticPaper(PaperListModel::kBatchSize).paper.arxivId);
}

QTEST_MAIN(TestReaderExtras)
#include "tst_reader_extras.moc"
