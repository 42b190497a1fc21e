// Searching from the reader window: the search box replaces the list, typing is debounced
// and only the last query's result arrives, matched words are marked (as escaped rich text),
// Escape goes back, the order switches, and searches are saved, renamed and deleted from the
// sidebar.

#include "gui_fixtures.h"
#include "gui_helpers.h"
#include "gui_window.h"

#include "common/settings.h"
#include "detail/detail_pane.h"
#include "library/library.h"
#include "paperlist/paper_delegate.h"
#include "paperlist/paper_list_panel.h"
#include "search/search_controller.h"
#include "search/smart_views.h"
#include "sidebar/count_delegate.h"
#include "sidebar/sidebar.h"
#include "common/math_text.h"
#include "window/main_window.h"

#include <QComboBox>
#include <QInputDialog>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>

using namespace paperboy;
using gui_test::currentId;
using gui_test::listedCount;

namespace {

// The words a text view shows on a marker (a search's matches).
QStringList markedWords(const MathTextView *view)
{
    QStringList words;
    for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().background().style() != Qt::NoBrush)
                words.append(it.fragment().text());
    return words;
}

const QDate kFounding(2024, 3, 14);
const QDate kNextDay(2024, 3, 15);
const QString kBoot = QStringLiteral("2306.05544");
} // namespace

class TestSearchWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void searchReplacesTheList();
    void matchesAreMarkedAsEscapedText();
    void typingSearchesOnceAfterThePause();
    void newerQueryOvertakesOlder();
    void escapeGoesBackToTheDay();
    void orderSwitchesToRelevance();
    void savedSearchLivesInTheSidebar();
    void savingUnderATakenNameAsksFirst();
    void operatorsFilterByUserData();
    void largeSearchShowsItsPageBeforeTheCount();

private:
    QLineEdit *searchEdit(MainWindow &window)
    {
        return window.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    }
    // Types `text` as a user would; words in Chinese arrive as an input method commits them.
    static void type(QLineEdit *edit, const QString &text)
    {
        bool ascii = true;
        for (QChar c : text)
            ascii = ascii && c.unicode() < 128;
        if (ascii) {
            QTest::keyClicks(edit, text);
            return;
        }
        QInputMethodEvent commit;
        commit.setCommitString(text);
        QApplication::sendEvent(edit, &commit);
    }
    void search(MainWindow &window, const QString &text)
    {
        QLineEdit *edit = searchEdit(window);
        edit->setFocus();
        edit->selectAll();
        type(edit, text);
    }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestSearchWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_search_window"));
    gui_test::useSettingsIn(m_settingsDir.path());
}

void TestSearchWindow::init()
{
    gui_test::clearSettings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("library.sqlite"));
    QVERIFY(gui_test::importInto(m_db, gui_test::foundingDigestPath()));
    QVERIFY(gui_test::importInto(m_db, gui_test::writeDigest(QDir(m_dir->path()), kNextDay)));
}

void TestSearchWindow::cleanup()
{
    m_dir.reset();
}

void TestSearchWindow::searchReplacesTheList()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 2); // the newest day
    QWidget *list = gui_test::paperListView(*window);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(searchEdit(*window)->hasFocus());

    QTest::keyClicks(searchEdit(*window), QStringLiteral("diffusion"));
    QTRY_COMPARE(window->currentSource().kind, ListKind::Search);
    QTRY_COMPARE(window->paperList()->visibleIds(), QStringList{kBoot});
    auto *heading = window->findChild<QLabel *>(QStringLiteral("listHeading"));
    QVERIFY(heading->text().contains(QStringLiteral("diffusion")));
    QVERIFY(heading->text().contains(QStringLiteral("1 paper")));
    auto *sort = window->findChild<QComboBox *>(QStringLiteral("searchSortBox"));
    QVERIFY(sort->isVisible());
    QVERIFY(window->findChild<QPushButton *>(QStringLiteral("saveSearchButton"))->isVisible());
    // The day in the sidebar is no longer the list's source.
    QVERIFY(!window->sidebar()->dayTree()->currentIndex().isValid());

    // Words in two languages and across days.
    search(*window, QStringLiteral("稀疏"));
    QTRY_COMPARE(window->paperList()->visibleIds(), QStringList{QStringLiteral("2403.00001")});
    search(*window, QStringLiteral("nothing-like-this-anywhere"));
    QTRY_COMPARE(window->currentSource().query, QStringLiteral("nothing-like-this-anywhere"));
    QTRY_COMPARE(listedCount(*window), 0);
    auto *placeholder = window->findChild<QLabel *>(QStringLiteral("listPlaceholder"));
    QTRY_VERIFY(placeholder->text().contains(QStringLiteral("No paper matches")));
}

void TestSearchWindow::matchesAreMarkedAsEscapedText()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 2);
    search(*window, QStringLiteral("diffusion"));
    QTRY_COMPARE(currentId(*window), kBoot);

    auto *title = window->findChild<MathTextView *>(QStringLiteral("titleLabel"));
    QTRY_COMPARE(markedWords(title), QStringList{QStringLiteral("Diffusion")});
    auto *delegate = window->paperList()->delegate();
    QCOMPARE(delegate->highlightTerms(), QStringList{QStringLiteral("diffusion")});

    // Data that looks like markup stays text when its words are marked.
    search(*window, QStringLiteral("点击"));
    QTRY_COMPARE(currentId(*window), QStringLiteral("2403.00001"));
    auto *abstract = window->findChild<MathTextView *>(QStringLiteral("abstractChineseLabel"));
    QTRY_COMPARE(markedWords(abstract), QStringList{QStringLiteral("点击")});
    QVERIFY(abstract->toPlainText().contains(QStringLiteral("<a href=\"javascript:alert(1)\">")));
    QVERIFY(!abstract->document()->toHtml().contains(QStringLiteral("<a href")));
    QVERIFY(!abstract->document()->toHtml().contains(QStringLiteral("<b>")));

    // Leaving the search leaves the text unmarked again.
    searchEdit(*window)->clear();
    QTRY_COMPARE(window->currentSource().kind, ListKind::Day);
    QTRY_VERIFY(markedWords(abstract).isEmpty());
    QVERIFY(delegate->highlightTerms().isEmpty());
}

void TestSearchWindow::typingSearchesOnceAfterThePause()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 2);
    QSignalSpy lists(window->library(), &Library::listLoaded);
    QLineEdit *edit = searchEdit(*window);
    edit->setFocus();
    // Faster than the pause: one search, for the whole word.
    QTest::keyClicks(edit, QStringLiteral("bootstrapping"), Qt::NoModifier, 10);
    QTRY_COMPARE(window->currentSource().query, QStringLiteral("bootstrapping"));
    QTRY_COMPARE(window->paperList()->visibleIds(), QStringList{kBoot});
    QTest::qWait(SearchController::kDebounceMs * 2);
    int searches = 0;
    for (const QList<QVariant> &signal : std::as_const(lists))
        if (signal.at(0).value<ListSource>().kind == ListKind::Search) {
            ++searches;
            QCOMPARE(signal.at(0).value<ListSource>().query, QStringLiteral("bootstrapping"));
        }
    QCOMPARE(searches, 1);
}

void TestSearchWindow::newerQueryOvertakesOlder()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 2);
    QSignalSpy lists(window->library(), &Library::listLoaded);
    // Two searches posted back to back: only the second one's result comes out.
    window->library()->loadList(ListSource::search(QStringLiteral("transformer"), false));
    window->library()->cancelSearch(); // the next keystroke
    window->library()->loadList(ListSource::search(QStringLiteral("diffusion"), false));
    QTRY_VERIFY(!lists.isEmpty());
    QTest::qWait(200);
    QCOMPARE(lists.size(), 1);
    QCOMPARE(lists.first().at(0).value<ListSource>().query, QStringLiteral("diffusion"));
}

void TestSearchWindow::escapeGoesBackToTheDay()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 2);
    QVERIFY(gui_test::chooseDay(*window, kFounding));
    QTRY_COMPARE(listedCount(*window), 3);
    search(*window, QStringLiteral("programs"));
    QTRY_COMPARE(window->currentSource().kind, ListKind::Search);
    QTRY_COMPARE(listedCount(*window), 1);

    QTest::keyClick(searchEdit(*window), Qt::Key_Escape);
    QVERIFY(searchEdit(*window)->text().isEmpty());
    QTRY_COMPARE(window->currentSource(), ListSource::day(kFounding));
    QTRY_COMPARE(listedCount(*window), 3);
    QVERIFY(gui_test::paperListView(*window)->hasFocus());
    QVERIFY(!window->findChild<QComboBox *>(QStringLiteral("searchSortBox"))->isVisible());
}

void TestSearchWindow::orderSwitchesToRelevance()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 2);
    search(*window, QStringLiteral("paper"));
    QTRY_COMPARE(window->currentSource().kind, ListKind::Search);
    QVERIFY(!window->currentSource().byRelevance);
    auto *sort = window->findChild<QComboBox *>(QStringLiteral("searchSortBox"));
    const int best = sort->findData(true);
    sort->setCurrentIndex(best);
    emit sort->activated(best);
    QTRY_VERIFY(window->currentSource().byRelevance);
    QTRY_VERIFY(listedCount(*window) > 0);
    QSettings settings;
    QVERIFY(settings::searchByRelevance.value(settings));
    // The next search keeps the order.
    search(*window, QStringLiteral("second"));
    QTRY_COMPARE(window->currentSource().query, QStringLiteral("second"));
    QVERIFY(window->currentSource().byRelevance);
}

void TestSearchWindow::savedSearchLivesInTheSidebar()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 2);
    auto *saved = window->findChild<QListWidget *>(QStringLiteral("savedSearchList"));
    QVERIFY(!saved->isVisible());
    search(*window, QStringLiteral("diffusion"));
    QTRY_COMPARE(listedCount(*window), 1);

    QTest::mouseClick(window->findChild<QPushButton *>(QStringLiteral("saveSearchButton")),
                      Qt::LeftButton);
    auto *ask = gui_test::waitForWindow<QInputDialog>(QStringLiteral("saveSearchDialog"));
    QVERIFY(ask);
    ask->setTextValue(QStringLiteral("Diffusion papers"));
    ask->accept();
    QTRY_COMPARE(saved->count(), 1);
    QVERIFY(saved->isVisible());
    QVERIFY(saved->item(0)->text().contains(QStringLiteral("Diffusion papers")));
    QTRY_COMPARE(saved->item(0)->data(CountDelegate::CountRole).toInt(), 1);

    // Clicking it lists its papers.
    QVERIFY(gui_test::chooseDay(*window, kFounding));
    QTRY_COMPARE(listedCount(*window), 3);
    QTest::mouseClick(saved->viewport(), Qt::LeftButton, {},
                      saved->visualItemRect(saved->item(0)).center());
    QTRY_COMPARE(window->currentSource().kind, ListKind::SavedSearch);
    QTRY_COMPARE(window->paperList()->visibleIds(), QStringList{kBoot});
    auto *heading = window->findChild<QLabel *>(QStringLiteral("listHeading"));
    QVERIFY(heading->text().contains(QStringLiteral("Diffusion papers")));

    // Rename from its menu.
    const QPoint at = saved->visualItemRect(saved->item(0)).center();
    bool chosen = false;
    gui_test::chooseFromContextMenu(saved->viewport(), at,
                                    QStringLiteral("renameSavedSearchAction"), &chosen);
    QVERIFY(chosen);
    auto *rename = gui_test::waitForWindow<QInputDialog>(QStringLiteral("renameSavedSearchDialog"));
    QVERIFY(rename);
    rename->setTextValue(QStringLiteral("Distillation"));
    rename->accept();
    QTRY_VERIFY(saved->count() == 1 &&
                saved->item(0)->text().contains(QStringLiteral("Distillation")));
    // The list on screen follows the new name.
    QTRY_COMPARE(window->currentSource().name, QStringLiteral("Distillation"));
    QTRY_VERIFY(heading->text().contains(QStringLiteral("Distillation")));
    QTRY_VERIFY(saved->currentItem() == saved->item(0));

    // Delete, after saying yes.
    gui_test::chooseFromContextMenu(saved->viewport(),
                                    saved->visualItemRect(saved->item(0)).center(),
                                    QStringLiteral("deleteSavedSearchAction"), &chosen);
    QVERIFY(chosen);
    auto *confirm = gui_test::waitForWindow<QMessageBox>(QStringLiteral("deleteSavedSearchDialog"));
    QVERIFY(confirm);
    QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE(saved->count(), 0);
    QTRY_VERIFY(!saved->isVisible());
    // Its list is gone too: back to the day shown before it.
    QTRY_COMPARE(window->currentSource(), ListSource::day(kFounding));
    QTRY_COMPARE(listedCount(*window), 3);
}

void TestSearchWindow::savingUnderATakenNameAsksFirst()
{
    auto storedQuery = [this](const QString &name) {
        Database database;
        if (!database.open(m_db, Database::Mode::ReadOnly))
            return QStringLiteral("(cannot open)");
        Store store(database);
        for (const SavedSearch &saved : SmartViews(store).savedSearches())
            if (saved.name == name)
                return saved.query;
        return QString();
    };
    {
        Database database;
        QVERIFY(database.open(m_db));
        Store store(database);
        QVERIFY(
            SmartViews(store).saveSearch(QStringLiteral("Mine"), QStringLiteral("distillation")));
    }
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 2);
    auto *saved = window->findChild<QListWidget *>(QStringLiteral("savedSearchList"));
    QTRY_COMPARE(saved->count(), 1);
    search(*window, QStringLiteral("diffusion"));
    QTRY_COMPARE(listedCount(*window), 1);
    auto saveAs = [&](const QString &name) {
        QTest::mouseClick(window->findChild<QPushButton *>(QStringLiteral("saveSearchButton")),
                          Qt::LeftButton);
        auto *ask = gui_test::waitForWindow<QInputDialog>(QStringLiteral("saveSearchDialog"));
        QVERIFY(ask);
        ask->setTextValue(name);
        ask->accept();
    };

    // The name is taken by another query: nothing is replaced without a yes.
    saveAs(QStringLiteral("Mine"));
    auto *replace =
        gui_test::waitForWindow<QMessageBox>(QStringLiteral("replaceSavedSearchDialog"));
    QVERIFY(replace);
    QVERIFY2(replace->text().contains(QStringLiteral("distillation")) &&
                 replace->text().contains(QStringLiteral("diffusion")),
             qPrintable(replace->text()));
    QTest::mouseClick(replace->button(QMessageBox::Cancel), Qt::LeftButton);
    QTest::qWait(300);
    QCOMPARE(storedQuery(QStringLiteral("Mine")), QStringLiteral("distillation"));

    saveAs(QStringLiteral("Mine"));
    replace = gui_test::waitForWindow<QMessageBox>(QStringLiteral("replaceSavedSearchDialog"));
    QVERIFY(replace);
    QTest::mouseClick(replace->findChild<QPushButton *>(QStringLiteral("replaceSavedSearchButton")),
                      Qt::LeftButton);
    QTRY_COMPARE(storedQuery(QStringLiteral("Mine")), QStringLiteral("diffusion"));
    QCOMPARE(saved->count(), 1);

    // A free name, or the same query again, is saved without asking.
    saveAs(QStringLiteral("Mine"));
    QTRY_COMPARE(storedQuery(QStringLiteral("Mine")), QStringLiteral("diffusion"));
    saveAs(QStringLiteral("Other"));
    QTRY_COMPARE(storedQuery(QStringLiteral("Other")), QStringLiteral("diffusion"));
    QTRY_COMPARE(saved->count(), 2);
    QVERIFY(!window->findChild<QMessageBox *>(QStringLiteral("replaceSavedSearchDialog")));
}

void TestSearchWindow::operatorsFilterByUserData()
{
    {
        Database database;
        QVERIFY(database.open(m_db));
        Store store(database);
        QVERIFY(store.setStarred(kBoot, true));
    }
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 2);
    search(*window, QStringLiteral("is:starred"));
    QTRY_COMPARE(window->paperList()->visibleIds(), QStringList{kBoot});
    // A star given in the window counts at once for the next search.
    QVERIFY(gui_test::chooseDay(*window, kNextDay));
    QTRY_COMPARE(listedCount(*window), 2);
    QVERIFY(gui_test::selectRow(*window, 1));
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_S);
    search(*window, QStringLiteral("is:starred"));
    QTRY_COMPARE(listedCount(*window), 2);
}

// A common word fills the page long before every match is counted (at a million papers the
// count takes up to a third of a second), so the page is shown first and the heading gains the
// number when the count arrives; a search with a short list is complete at once.
void TestSearchWindow::largeSearchShowsItsPageBeforeTheCount()
{
    const int papers = Library::kSearchLimit + 5;
    QString text = QStringLiteral("每日学术速递2024.03.16\n\nSubjects: cs.CV\n\n");
    for (int i = 1; i <= papers; ++i)
        text +=
            QStringLiteral("%1.Zebra Stripes Number %1\n\n标题:斑马条纹 %1\n\n作者:Ada Lovelace\n\n"
                           "文章链接:https://arxiv.org/abs/2403.%2\n\n摘要:\n\n        "
                           "第 %1 篇。\n\n")
                .arg(i)
                .arg(20000 + i, 5, 10, QLatin1Char('0'));
    const QString path = m_dir->filePath(QStringLiteral("meiri-xueshu-sudi_2024-03-16_cs.CV.txt"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text.toUtf8());
    }
    QVERIFY(gui_test::importInto(m_db, path));

    auto window = gui_test::openWindow(m_db);
    QTRY_VERIFY(listedCount(*window) > 0);
    QList<ListResult> loaded;
    QList<int> counted;
    connect(
        window->library(), &Library::listLoaded, this,
        [&loaded](const ListSource &source, const QList<PaperView> &, const ListResult &result) {
            if (source.kind == ListKind::Search)
                loaded.append(result);
        });
    connect(window->library(), &Library::listTotalCounted, this,
            [&counted](const ListSource &, int total) { counted.append(total); });

    search(*window, QStringLiteral("zebra"));
    QTRY_COMPARE(counted, QList<int>{papers});
    QCOMPARE(loaded.size(), 1);
    QVERIFY(loaded.first().totalPending);
    QCOMPARE(loaded.first().total, -1);
    QCOMPARE(listedCount(*window), Library::kSearchLimit);
    auto *heading = window->findChild<QLabel *>(QStringLiteral("listHeading"));
    QTRY_VERIFY2(heading->text().contains(QLocale().toString(papers)), qPrintable(heading->text()));
    QVERIFY(heading->text().contains(QLocale().toString(Library::kSearchLimit)));

    // Fewer matches than a page: the list is the whole answer, nothing more is counted.
    loaded.clear();
    counted.clear();
    search(*window, QStringLiteral("diffusion"));
    QTRY_COMPARE(loaded.size(), 1);
    QVERIFY(!loaded.first().totalPending);
    QTest::qWait(200);
    QVERIFY(counted.isEmpty());
    QCOMPARE(window->paperList()->visibleIds(), QStringList{kBoot});
}

QTEST_MAIN(TestSearchWindow)
#include "tst_search_window.moc"
