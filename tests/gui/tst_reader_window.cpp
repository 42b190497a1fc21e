// Drives the real reader window through its objectNames over a temp database.

#include "gui_fixtures.h"
#include "gui_helpers.h"
#include "gui_window.h"

#include "common/math_text.h"
#include "common/settings.h"
#include "detail/detail_pane.h"
#include "detail/note_editor.h"
#include "paperlist/paper_filter_model.h"
#include "paperlist/paper_list_model.h"
#include "paperlist/paper_list_panel.h"
#include "sidebar/day_tree_model.h"
#include "sidebar/sidebar.h"
#include "window/main_window.h"
#include "window/reader_actions.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <memory>

using namespace paperboy;
using gui_test::chooseDay;
using gui_test::currentId;
using gui_test::listedCount;
using gui_test::selectRow;

namespace {

const QDate kFounding(2024, 3, 14);
const QDate kNextDay(2024, 3, 15);
const QString kBoot = QStringLiteral("2306.05544");

// Stands in for the desktop: records what the window asked it to open.
class UrlRecorder : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened.append(url); }
};

} // namespace

class TestReaderWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void pickDayShowsItsPapers();
    void detailShowsChineseTitleAndCodeWarning();
    void starKeyWritesTheDatabase();
    void letterKeysTypeInTheNoteEditor();
    void noteSurvivesSwitchingAndClosing();
    void typingKeepsTheNoteFromBeforeIt();
    void keyboardNavigatesAcrossDays();
    void filterBoxNarrowsTheList();
    void categoryFilterNarrowsTheList();
    void paperBecomesReadAfterAMoment();
    void markAllReadUpdatesSidebarCounts();
    void restoresDayPaperAndLanguage();
    void emptyDatabaseShowsEmptyState();
    void emptyDatabaseImportsTheSample();
    void dropImportsFiles();
    void dataIsShownAsPlainText();
    void linksGoThroughThePolicy();
    void smartViewsListStarredAndAnnotated();
    void dayStatusHookMarksTheDay();

private:
    std::unique_ptr<MainWindow> openWindow(bool importSample = false)
    {
        return gui_test::openWindow(m_db, importSample);
    }
    UserState storedState(const QString &id) { return gui_test::storedState(m_db, id); }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestReaderWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_reader_window"));
    gui_test::useSettingsIn(m_settingsDir.path());
}

void TestReaderWindow::init()
{
    gui_test::clearSettings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("library.sqlite"));
    QVERIFY(gui_test::importInto(m_db, gui_test::foundingDigestPath()));
}

void TestReaderWindow::cleanup()
{
    m_dir.reset();
}

void TestReaderWindow::pickDayShowsItsPapers()
{
    QVERIFY(gui_test::importInto(m_db, gui_test::writeDigest(QDir(m_dir->path()), kNextDay)));
    auto window = openWindow();
    // The newest day comes first: two papers on the 15th.
    QTRY_COMPARE(window->currentSource().date, kNextDay);
    QTRY_COMPARE(listedCount(*window), 2);

    QVERIFY(chooseDay(*window, kFounding));
    QTRY_COMPARE(listedCount(*window), 3);
    auto *heading = window->findChild<QLabel *>(QStringLiteral("listHeading"));
    QVERIFY(heading->text().contains(QStringLiteral("2024")));
    QVERIFY(heading->text().contains(QStringLiteral("3 papers")));
    const QStringList ids = window->paperList()->visibleIds();
    QCOMPARE(ids, (QStringList{QStringLiteral("2306.01667"), kBoot, QStringLiteral("2306.01128")}));
}

void TestReaderWindow::detailShowsChineseTitleAndCodeWarning()
{
    auto window = openWindow();
    QTRY_COMPARE(listedCount(*window), 3);
    QVERIFY(selectRow(*window, 1));
    QCOMPARE(currentId(*window), kBoot);

    auto *title = window->findChild<MathTextView *>(QStringLiteral("titleLabel"));
    auto *chinese = window->findChild<MathTextView *>(QStringLiteral("chineseTitleLabel"));
    auto *warning = window->findChild<QLabel *>(QStringLiteral("codeWarningLabel"));
    QTRY_VERIFY(title->text().startsWith(QStringLiteral("BOOT: Data-free Distillation")));
    QCOMPARE(chinese->text(), QStringLiteral("BOOT:使用 Bootstrapping 的去噪扩散模型的无数据蒸馏"));
    QVERIFY(chinese->isVisible());
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(QStringLiteral("2306.01128")));
    auto *code = window->findChild<QPushButton *>(QStringLiteral("openCodeButton"));
    QVERIFY(code->isEnabled());

    // Paper 1 has no code link: no warning, no code button.
    QVERIFY(selectRow(*window, 0));
    QTRY_VERIFY(!warning->isVisible());
    QVERIFY(!code->isEnabled());
}

void TestReaderWindow::starKeyWritesTheDatabase()
{
    auto window = openWindow();
    QTRY_COMPARE(listedCount(*window), 3);
    QVERIFY(selectRow(*window, 1));
    QVERIFY(!storedState(kBoot).starred);

    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_S);
    auto *star = window->findChild<QToolButton *>(QStringLiteral("starButton"));
    QVERIFY(star->isChecked());
    QVERIFY(window->paperList()->model()->papers().at(1).user.starred);
    QTRY_VERIFY(storedState(kBoot).starred);

    // The button toggles it back.
    QTest::mouseClick(star, Qt::LeftButton);
    QTRY_VERIFY(!storedState(kBoot).starred);
}

void TestReaderWindow::letterKeysTypeInTheNoteEditor()
{
    auto window = openWindow();
    QTRY_COMPARE(listedCount(*window), 3);
    QVERIFY(selectRow(*window, 1));
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_N); // n: jump to the note
    auto *note = window->findChild<NoteEditor *>(QStringLiteral("noteEditor"));
    QTRY_VERIFY(note->hasFocus());

    QTest::keyClicks(note, QStringLiteral("sjkuo"));
    QCOMPARE(note->toPlainText(), QStringLiteral("sjkuo"));
    QCOMPARE(currentId(*window), kBoot); // j and k did not move
    QVERIFY(!window->paperList()->model()->papers().at(1).user.starred);

    auto *filter = window->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    filter->setFocus();
    QTest::keyClicks(filter, QStringLiteral("s"));
    QCOMPARE(filter->text(), QStringLiteral("s"));
    QVERIFY(!window->paperList()->model()->papers().at(1).user.starred);
}

void TestReaderWindow::noteSurvivesSwitchingAndClosing()
{
    const QString first = QStringLiteral("2306.01667");
    {
        auto window = openWindow();
        QTRY_COMPARE(listedCount(*window), 3);
        QVERIFY(selectRow(*window, 0));
        auto *note = window->findChild<NoteEditor *>(QStringLiteral("noteEditor"));
        note->setFocus();
        QTest::keyClicks(note, QStringLiteral("hummingbird retrieval"));
        // Switch at once, before the autosave pause has passed.
        QVERIFY(selectRow(*window, 1));
        QCOMPARE(note->paperId(), kBoot);
        QVERIFY(note->toPlainText().isEmpty());
        QVERIFY(selectRow(*window, 0));
        QCOMPARE(note->toPlainText(), QStringLiteral("hummingbird retrieval"));

        QVERIFY(selectRow(*window, 1));
        note->setFocus();
        QTest::keyClicks(note, QStringLiteral("typed just before closing"));
        window->close();
    } // the window and its store threads are gone; pending writes ran first

    QCOMPARE(storedState(first).note, QStringLiteral("hummingbird retrieval"));
    QCOMPARE(storedState(kBoot).note, QStringLiteral("typed just before closing"));

    auto window = openWindow();
    QTRY_COMPARE(listedCount(*window), 3);
    // The new window restores the last paper; the note is there.
    auto *note = window->findChild<NoteEditor *>(QStringLiteral("noteEditor"));
    QTRY_COMPARE(currentId(*window), kBoot);
    QCOMPARE(note->toPlainText(), QStringLiteral("typed just before closing"));
    QVERIFY(selectRow(*window, 0));
    QCOMPARE(note->toPlainText(), QStringLiteral("hummingbird retrieval"));
}

// The editor saves while the user types; the note's history keeps the text from before the
// typing, not every pause in it (issue #15: 50 autosaves would push real versions out).
void TestReaderWindow::typingKeepsTheNoteFromBeforeIt()
{
    {
        Database database;
        QVERIFY(database.open(m_db));
        QVERIFY(Store(database).setNote(kBoot, QStringLiteral("before")));
    }
    {
        auto window = openWindow();
        QTRY_COMPARE(listedCount(*window), 3);
        QVERIFY(selectRow(*window, 1));
        auto *note = window->findChild<NoteEditor *>(QStringLiteral("noteEditor"));
        QCOMPARE(note->toPlainText(), QStringLiteral("before"));
        note->setFocus();
        note->moveCursor(QTextCursor::End);
        QTest::keyClicks(note, QStringLiteral(" and after"));
        QTRY_COMPARE(storedState(kBoot).note, QStringLiteral("before and after"));
        QTest::keyClicks(note, QStringLiteral(", again"));
        QTRY_COMPARE(storedState(kBoot).note, QStringLiteral("before and after, again"));
        window->close();
    }
    Database database;
    QVERIFY(database.open(m_db));
    const QList<NoteVersion> history = Store(database).noteHistory(kBoot);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().text, QStringLiteral("before"));
    QCOMPARE(history.first().by, QStringLiteral("edit"));
}

void TestReaderWindow::keyboardNavigatesAcrossDays()
{
    QVERIFY(gui_test::importInto(m_db, gui_test::writeDigest(QDir(m_dir->path()), kNextDay)));
    auto window = openWindow();
    QTRY_COMPARE(window->currentSource().date, kNextDay);
    QTRY_COMPARE(listedCount(*window), 2);
    QTRY_COMPARE(currentId(*window), QStringLiteral("2403.00001"));
    QWidget *list = gui_test::paperListView(*window);
    list->setFocus();

    QTest::keyClick(list, Qt::Key_J);
    QCOMPARE(currentId(*window), QStringLiteral("2403.00002"));
    QTest::keyClick(list, Qt::Key_J); // already the last: stays
    QCOMPARE(currentId(*window), QStringLiteral("2403.00002"));

    QTest::keyClick(list, Qt::Key_BracketLeft); // [ previous (older) day
    QTRY_COMPARE(window->currentSource().date, kFounding);
    QTRY_COMPARE(listedCount(*window), 3);
    auto *tree = window->findChild<QTreeView *>(QStringLiteral("dayTree"));
    QCOMPARE(tree->currentIndex().data(DayTreeModel::DateRole).toDate(), kFounding);
    QTRY_COMPARE(currentId(*window), QStringLiteral("2306.01667"));
    QTest::keyClick(list, Qt::Key_J);
    QTest::keyClick(list, Qt::Key_J);
    QCOMPARE(currentId(*window), QStringLiteral("2306.01128"));
    QTest::keyClick(list, Qt::Key_K);
    QCOMPARE(currentId(*window), kBoot);

    QTest::keyClick(list, Qt::Key_BracketLeft); // nothing older
    QCOMPARE(window->currentSource().date, kFounding);
    auto *status = window->findChild<QLabel *>(QStringLiteral("statusMessage"));
    QVERIFY(status->text().contains(QStringLiteral("No older")));

    QTest::keyClick(list, Qt::Key_BracketRight); // ] next (newer) day
    QTRY_COMPARE(window->currentSource().date, kNextDay);
    QTRY_COMPARE(listedCount(*window), 2);
}

void TestReaderWindow::filterBoxNarrowsTheList()
{
    auto window = openWindow();
    QTRY_COMPARE(listedCount(*window), 3);
    QWidget *list = gui_test::paperListView(*window);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Slash); // / focuses the filter
    auto *filter = window->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    QTRY_VERIFY(filter->hasFocus());

    QTest::keyClicks(filter, QStringLiteral("boot"));
    QCOMPARE(listedCount(*window), 1);
    QCOMPARE(window->paperList()->visibleIds(), QStringList{kBoot});
    filter->clear();
    QCOMPARE(listedCount(*window), 3);
    QTest::keyClicks(filter, QStringLiteral("friedman"));
    QCOMPARE(window->paperList()->visibleIds(), QStringList{QStringLiteral("2306.01128")});
    QTest::keyClicks(filter, QStringLiteral(" nobody"));
    QCOMPARE(listedCount(*window), 0);
    auto *placeholder = window->findChild<QLabel *>(QStringLiteral("listPlaceholder"));
    QVERIFY(placeholder->isVisible());
}

void TestReaderWindow::categoryFilterNarrowsTheList()
{
    // A digest in another subject on the same day, so the filter has something to remove.
    QString text = QString::fromUtf8([] {
        QFile file(gui_test::writeDigest(QDir(QDir::tempPath()), kFounding));
        file.open(QIODevice::ReadOnly);
        const QByteArray bytes = file.readAll();
        file.remove();
        return bytes;
    }());
    text.replace(QStringLiteral("Subjects: cs.CV"), QStringLiteral("Subjects: cs.LG"));
    const QString path = m_dir->filePath(QStringLiteral("meiri-xueshu-sudi_2024-03-14_cs.LG.txt"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(text.toUtf8());
    out.close();
    QVERIFY(gui_test::importInto(m_db, path));

    auto window = openWindow();
    QTRY_COMPARE(listedCount(*window), 5);
    auto *categories = window->findChild<QListWidget *>(QStringLiteral("categoryFilter"));
    QTRY_COMPARE(categories->count(), 2);
    const QList<QListWidgetItem *> lg =
        categories->findItems(QStringLiteral("cs.LG"), Qt::MatchExactly);
    QCOMPARE(lg.size(), 1);
    lg.first()->setCheckState(Qt::Checked);
    QCOMPARE(listedCount(*window), 2);
    lg.first()->setCheckState(Qt::Unchecked);
    QCOMPARE(listedCount(*window), 5);
}

void TestReaderWindow::paperBecomesReadAfterAMoment()
{
    {
        QSettings settings;
        settings::markReadDelayMs.setValue(settings, 200);
    }
    auto window = openWindow();
    QTRY_COMPARE(listedCount(*window), 3);
    // The first paper is selected on opening and becomes read after the delay.
    QTRY_VERIFY(storedState(QStringLiteral("2306.01667")).read);
    QVERIFY(!storedState(kBoot).read);
    QVERIFY(selectRow(*window, 2));
    const QString id = QStringLiteral("2306.01128");
    QVERIFY(!storedState(id).read);
    QTRY_VERIFY(storedState(id).read);
    QVERIFY(window->paperList()->model()->papers().at(2).user.read);
    QVERIFY(!storedState(kBoot).read);
    // The sidebar recounts.
    auto *days = window->sidebar()->dayModel();
    QTRY_COMPARE(days->indexOfDate(kFounding).data(DayTreeModel::UnreadRole).toInt(), 1);

    // u marks it unread again, and the timer does not undo that.
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_U);
    QTRY_VERIFY(!storedState(id).read);
    QTest::qWait(400);
    QVERIFY(!storedState(id).read);
}

void TestReaderWindow::markAllReadUpdatesSidebarCounts()
{
    auto window = openWindow();
    QTRY_COMPARE(listedCount(*window), 3);
    auto *days = window->sidebar()->dayModel();
    QTRY_COMPARE(days->indexOfDate(kFounding).data(DayTreeModel::UnreadRole).toInt(), 3);
    QTest::mouseClick(window->findChild<QPushButton *>(QStringLiteral("markAllReadButton")),
                      Qt::LeftButton);
    QTRY_COMPARE(days->indexOfDate(kFounding).data(DayTreeModel::UnreadRole).toInt(), 0);
    QVERIFY(storedState(kBoot).read);
    QVERIFY(storedState(QStringLiteral("2306.01128")).read);
}

void TestReaderWindow::restoresDayPaperAndLanguage()
{
    QVERIFY(gui_test::importInto(m_db, gui_test::writeDigest(QDir(m_dir->path()), kNextDay)));
    {
        auto window = openWindow();
        QTRY_COMPARE(listedCount(*window), 2);
        QVERIFY(chooseDay(*window, kFounding));
        QTRY_COMPARE(listedCount(*window), 3);
        QVERIFY(selectRow(*window, 2));
        auto *language = window->findChild<QComboBox *>(QStringLiteral("abstractLanguageBox"));
        const int english = language->findData(int(AbstractLanguage::English));
        QVERIFY(english >= 0);
        language->setCurrentIndex(english);
        emit language->activated(english);
        window->close();
    }
    auto window = openWindow();
    QTRY_COMPARE(window->currentSource().date, kFounding);
    QTRY_COMPARE(currentId(*window), QStringLiteral("2306.01128"));
    QCOMPARE(window->detailPane()->abstractLanguage(), AbstractLanguage::English);
}

void TestReaderWindow::emptyDatabaseShowsEmptyState()
{
    m_db = m_dir->filePath(QStringLiteral("empty.sqlite"));
    auto window = openWindow(false);
    auto *stack = window->findChild<QStackedWidget *>(QStringLiteral("centralStack"));
    QTRY_COMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyState"));
    auto *import = window->findChild<QPushButton *>(QStringLiteral("emptyImportButton"));
    QVERIFY(import && import->isVisible());

    window->importFiles({gui_test::foundingDigestPath()});
    QTRY_COMPARE(stack->currentWidget()->objectName(), QStringLiteral("mainSplitter"));
    QTRY_COMPARE(listedCount(*window), 3);
    auto *status = window->findChild<QLabel *>(QStringLiteral("statusMessage"));
    QTRY_VERIFY(status->text().startsWith(QStringLiteral("Imported")));
}

void TestReaderWindow::emptyDatabaseImportsTheSample()
{
    m_db = m_dir->filePath(QStringLiteral("first-start.sqlite"));
    auto window = openWindow(true);
    QTRY_COMPARE(listedCount(*window), 3);
    QCOMPARE(window->currentSource().date, kFounding);
}

void TestReaderWindow::dropImportsFiles()
{
    auto window = openWindow();
    QTRY_COMPARE(listedCount(*window), 3);
    const QString second = gui_test::writeDigest(QDir(m_dir->path()), kNextDay);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(second)});
    const QPoint centre = window->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(window.get(), &drop);
    QTRY_VERIFY(window->sidebar()->dayModel()->indexOfDate(kNextDay).isValid());
}

void TestReaderWindow::dataIsShownAsPlainText()
{
    QVERIFY(gui_test::importInto(m_db, gui_test::writeDigest(QDir(m_dir->path()), kNextDay)));
    auto window = openWindow();
    QTRY_COMPARE(currentId(*window), QStringLiteral("2403.00001"));
    auto *abstract = window->findChild<MathTextView *>(QStringLiteral("abstractChineseLabel"));
    QTRY_VERIFY(abstract->text().contains(QStringLiteral("<a href=\"javascript:alert(1)\">")));
    QCOMPARE(abstract->toPlainText(), abstract->text()); // shown as the text it is
    // Math reads as math (#23); the source is kept for "Copy TeX".
    QVERIFY(abstract->text().contains(QStringLiteral("𝒪(n)")));
    QVERIFY(abstract->sourceText().contains(QStringLiteral("$\\mathcal{O}(n)$")));
    const QList<QLabel *> labels = window->detailPane()->findChildren<QLabel *>();
    for (QLabel *label : labels)
        if (!label->text().isEmpty() && label->textFormat() != Qt::PlainText)
            QVERIFY2(!label->text().contains(QLatin1Char('<')), qPrintable(label->objectName()));
    auto *title = window->findChild<MathTextView *>(QStringLiteral("titleLabel"));
    QCOMPARE(title->text(), QStringLiteral("Sparse Attention in 𝒪(n) Time"));
}

void TestReaderWindow::linksGoThroughThePolicy()
{
    QVERIFY(
        gui_test::importInto(m_db, gui_test::writeDigest(QDir(m_dir->path()), kNextDay,
                                                         QStringLiteral("javascript:alert(1)"))));
    UrlRecorder desktop;
    for (const char *scheme : {"http", "https", "javascript", "file", "data"})
        QDesktopServices::setUrlHandler(QLatin1String(scheme), &desktop, "open");
    auto window = openWindow();
    QTRY_COMPARE(currentId(*window), QStringLiteral("2403.00001"));
    QWidget *list = gui_test::paperListView(*window);
    list->setFocus();

    QTest::keyClick(list, Qt::Key_O);
    QTest::keyClick(list, Qt::Key_P);
    // No PDF is kept offline (#21): P offers to download it or to open arXiv's.
    auto *offer = gui_test::waitForWindow<QMessageBox>(QStringLiteral("pdfOffer"));
    QVERIFY(offer);
    QTest::mouseClick(offer->findChild<QPushButton *>(QStringLiteral("pdfOfferOnline")),
                      Qt::LeftButton);
    QTRY_COMPARE(desktop.opened,
                 (QList<QUrl>{QUrl(QStringLiteral("https://arxiv.org/abs/2403.00001")),
                              QUrl(QStringLiteral("https://arxiv.org/pdf/2403.00001"))}));
    // The offscreen platform does not give the window back its activation after the dialog:
    // the single-letter shortcuts below need it.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    // The digest's javascript: "code link" is shown, never opened.
    desktop.opened.clear();
    window->findChild<QAction *>(QStringLiteral("openCodeAction"))->trigger();
    QVERIFY(desktop.opened.isEmpty());
    auto *code = window->findChild<QLabel *>(QStringLiteral("codeUrlLabel"));
    QVERIFY(code->isVisible());
    QVERIFY(code->text().contains(QStringLiteral("javascript:alert(1)")));
    QVERIFY(!window->findChild<QPushButton *>(QStringLiteral("openCodeButton"))->isEnabled());

    // A real code link opens.
    QVERIFY(chooseDay(*window, kFounding));
    QTRY_COMPARE(listedCount(*window), 3);
    QVERIFY(selectRow(*window, 1));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_C);
    QCOMPARE(
        desktop.opened,
        QList<QUrl>{QUrl(QStringLiteral("https://github.com/princeton-nlp/TransformerPrograms"))});
    for (const char *scheme : {"http", "https", "javascript", "file", "data"})
        QDesktopServices::unsetUrlHandler(QLatin1String(scheme));
}

void TestReaderWindow::smartViewsListStarredAndAnnotated()
{
    {
        Database database;
        QVERIFY(database.open(m_db));
        Store store(database);
        QVERIFY(store.setStarred(kBoot, true));
        QVERIFY(store.setNote(QStringLiteral("2306.01128"), QStringLiteral("read later")));
    }
    auto window = openWindow();
    QTRY_COMPARE(listedCount(*window), 3);
    auto *views = window->findChild<QListWidget *>(QStringLiteral("smartViews"));
    QTest::mouseClick(views->viewport(), Qt::LeftButton, {},
                      views->visualItemRect(views->item(0)).center());
    QTRY_COMPARE(window->currentSource().kind, ListKind::Starred);
    QTRY_COMPARE(window->paperList()->visibleIds(), QStringList{kBoot});
    QTest::mouseClick(views->viewport(), Qt::LeftButton, {},
                      views->visualItemRect(views->item(1)).center());
    QTRY_COMPARE(window->paperList()->visibleIds(), QStringList{QStringLiteral("2306.01128")});
    QTest::mouseClick(views->viewport(), Qt::LeftButton, {},
                      views->visualItemRect(views->item(2)).center());
    QTRY_COMPARE(window->currentSource().kind, ListKind::Unread);
    QTRY_COMPARE(listedCount(*window), 3);
    // ] from a smart view goes back to the day left.
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_BracketRight);
    QTRY_COMPARE(window->currentSource().kind, ListKind::Day);
    QCOMPARE(window->currentSource().date, kFounding);
}

void TestReaderWindow::dayStatusHookMarksTheDay()
{
    auto window = openWindow();
    QTRY_COMPARE(listedCount(*window), 3);
    window->setDayStatus(kFounding, {QStringLiteral("incomplete"),
                                     QStringLiteral("The fetch stopped after 3 of 40 papers."),
                                     {}});
    const QModelIndex day = window->sidebar()->dayModel()->indexOfDate(kFounding);
    QVERIFY(day.data().toString().contains(QStringLiteral("incomplete")));
    QVERIFY(day.data(Qt::ToolTipRole).toString().contains(QStringLiteral("3 of 40")));
}

QTEST_MAIN(TestReaderWindow)
#include "tst_reader_window.moc"
