// Tags and smart-view counts in the reader window: the Tags section with counts, a tag's
// list, renaming and merging from its menu, completion in the tags field (reached with t),
// tagging the selection from the list's menu, and counts that follow every edit.

#include "gui_fixtures.h"
#include "gui_helpers.h"
#include "gui_window.h"

#include "sidebar/count_delegate.h"
#include "detail/detail_pane.h"
#include "window/main_window.h"
#include "detail/note_editor.h"
#include "paperlist/paper_list_model.h"
#include "paperlist/paper_list_panel.h"
#include "sidebar/sidebar.h"
#include "tags/tags_edit.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QListWidget>
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

QListWidgetItem *itemNamed(QListWidget *list, const QString &name)
{
    for (int row = 0; row < list->count(); ++row)
        if (list->item(row)->text().endsWith(name))
            return list->item(row);
    return nullptr;
}

int countOf(QListWidget *list, const QString &name)
{
    QListWidgetItem *item = itemNamed(list, name);
    return item ? item->data(CountDelegate::CountRole).toInt() : -1;
}
} // namespace

class TestTagsWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void tagsSectionListsTagsWithCounts();
    void renameMergesTags();
    void renamedTagListFollows();
    void tagsFieldCompletesKnownTags();
    void listMenuTagsTheSelection();
    void countsFollowEdits();

private:
    QListWidget *tagList(MainWindow &window)
    {
        return window.findChild<QListWidget *>(QStringLiteral("tagList"));
    }
    QStringList storedTags(const QString &id) { return gui_test::storedState(m_db, id).tags; }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestTagsWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_tags_window"));
    gui_test::useSettingsIn(m_settingsDir.path());
}

void TestTagsWindow::init()
{
    gui_test::clearSettings();
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

void TestTagsWindow::cleanup()
{
    m_dir.reset();
}

void TestTagsWindow::tagsSectionListsTagsWithCounts()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 3);
    QListWidget *tags = tagList(*window);
    QTRY_COMPARE(tags->count(), 2);
    QVERIFY(tags->isVisible());
    QCOMPARE(countOf(tags, QStringLiteral("diffusion")), 1);
    QCOMPARE(countOf(tags, QStringLiteral("to-read")), 2);

    QListWidgetItem *toRead = itemNamed(tags, QStringLiteral("to-read"));
    QTest::mouseClick(tags->viewport(), Qt::LeftButton, {}, tags->visualItemRect(toRead).center());
    QTRY_COMPARE(window->currentSource(), ListSource::tag(QStringLiteral("to-read")));
    QTRY_COMPARE(listedCount(*window), 2);
    QStringList ids = window->paperList()->visibleIds();
    ids.sort();
    QCOMPARE(ids, (QStringList{kFirst, kBoot}));
    auto *heading = window->findChild<QLabel *>(QStringLiteral("listHeading"));
    QVERIFY(heading->text().contains(QStringLiteral("to-read")));
    QVERIFY(!window->sidebar()->dayTree()->currentIndex().isValid());
}

void TestTagsWindow::renameMergesTags()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 3);
    QListWidget *tags = tagList(*window);
    QTRY_COMPARE(tags->count(), 2);
    QVERIFY(selectRow(*window, 1));
    QCOMPARE(currentId(*window), kBoot);

    QListWidgetItem *diffusion = itemNamed(tags, QStringLiteral("diffusion"));
    bool chosen = false;
    const QStringList offered =
        gui_test::chooseFromContextMenu(tags->viewport(), tags->visualItemRect(diffusion).center(),
                                        QStringLiteral("renameTagAction"), &chosen);
    QVERIFY2(chosen, qPrintable(offered.join(QLatin1Char(' '))));
    auto *ask = gui_test::waitForWindow<QInputDialog>(QStringLiteral("renameTagDialog"));
    QVERIFY(ask);
    QCOMPARE(ask->textValue(), QStringLiteral("diffusion"));
    ask->setTextValue(QStringLiteral("to-read"));
    ask->accept();

    // One tag left, on both papers; the detail pane's field follows without writing back.
    QTRY_COMPARE(tags->count(), 1);
    QTRY_COMPARE(countOf(tags, QStringLiteral("to-read")), 2);
    QCOMPARE(storedTags(kBoot), QStringList{QStringLiteral("to-read")});
    auto *field = window->findChild<TagsEdit *>(QStringLiteral("tagsEdit"));
    QTRY_COMPARE(field->text(), QStringLiteral("to-read"));
    QVERIFY(selectRow(*window, 0));
    QTest::qWait(100);
    QCOMPARE(storedTags(kBoot), QStringList{QStringLiteral("to-read")});
}

void TestTagsWindow::renamedTagListFollows()
{
    auto window = gui_test::openWindow(m_db);
    QListWidget *tags = tagList(*window);
    QTRY_COMPARE(tags->count(), 2);
    QListWidgetItem *toRead = itemNamed(tags, QStringLiteral("to-read"));
    QTest::mouseClick(tags->viewport(), Qt::LeftButton, {}, tags->visualItemRect(toRead).center());
    QTRY_COMPARE(listedCount(*window), 2);

    bool chosen = false;
    gui_test::chooseFromContextMenu(tags->viewport(), tags->visualItemRect(toRead).center(),
                                    QStringLiteral("renameTagAction"), &chosen);
    QVERIFY(chosen);
    auto *ask = gui_test::waitForWindow<QInputDialog>(QStringLiteral("renameTagDialog"));
    QVERIFY(ask);
    ask->setTextValue(QStringLiteral("reading list"));
    ask->accept();
    QTRY_COMPARE(window->currentSource(), ListSource::tag(QStringLiteral("reading list")));
    QTRY_COMPARE(listedCount(*window), 2);
    QTRY_VERIFY(itemNamed(tags, QStringLiteral("reading list")));
    QTRY_COMPARE(tags->currentItem(), itemNamed(tags, QStringLiteral("reading list")));
    QCOMPARE(storedTags(kFirst), QStringList{QStringLiteral("reading list")});
}

void TestTagsWindow::tagsFieldCompletesKnownTags()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 3);
    QTRY_COMPARE(tagList(*window)->count(), 2);
    QVERIFY(selectRow(*window, 2));
    QCOMPARE(currentId(*window), kPrograms);

    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_T); // t: the tags field
    auto *field = window->findChild<TagsEdit *>(QStringLiteral("tagsEdit"));
    QTRY_VERIFY(field->hasFocus());
    QTest::keyClicks(field, QStringLiteral("dif"));
    QCompleter *completer = field->tagCompleter();
    QCOMPARE(completer->completionPrefix(), QStringLiteral("dif"));
    QCOMPARE(completer->completionCount(), 1);
    QCOMPARE(completer->currentCompletion(), QStringLiteral("diffusion"));
    QTRY_VERIFY(completer->popup()->isVisible());
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QTRY_COMPARE(field->text(), QStringLiteral("diffusion"));

    // A second tag after a comma: only that word is completed.
    QTest::keyClicks(field, QStringLiteral(", to"));
    QCOMPARE(completer->completionPrefix(), QStringLiteral("to"));
    QCOMPARE(completer->currentCompletion(), QStringLiteral("to-read"));
    QTRY_VERIFY(completer->popup()->isVisible());
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QTRY_COMPARE(field->text(), QStringLiteral("diffusion, to-read"));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_COMPARE(storedTags(kPrograms),
                 (QStringList{QStringLiteral("diffusion"), QStringLiteral("to-read")}));
    QTRY_COMPARE(countOf(tagList(*window), QStringLiteral("diffusion")), 2);
    QTRY_COMPARE(countOf(tagList(*window), QStringLiteral("to-read")), 3);
}

void TestTagsWindow::listMenuTagsTheSelection()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 3);
    QListView *view = gui_test::paperListView(*window);
    QVERIFY(selectRow(*window, 0));
    const QRect third = view->visualRect(view->model()->index(2, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, third.center());
    QCOMPARE(window->paperList()->selectedPapers().size(), 2);

    bool chosen = false;
    const QStringList offered = gui_test::chooseFromContextMenu(
        view->viewport(), third.center(), QStringLiteral("addTagAction"), &chosen);
    QVERIFY2(chosen, qPrintable(offered.join(QLatin1Char(' '))));
    QVERIFY(offered.contains(QStringLiteral("copyBibtexAction")));
    QVERIFY(offered.contains(QStringLiteral("tagMenuAction")));
    auto *ask = gui_test::waitForWindow<QInputDialog>(QStringLiteral("newTagDialog"));
    QVERIFY(ask);
    ask->setTextValue(QStringLiteral("reading group"));
    ask->accept();
    QTRY_COMPARE(storedTags(kPrograms), QStringList{QStringLiteral("reading group")});
    QTRY_VERIFY(storedTags(kFirst).contains(QStringLiteral("reading group")));
    QVERIFY(!storedTags(kBoot).contains(QStringLiteral("reading group")));
    QTRY_COMPARE(countOf(tagList(*window), QStringLiteral("reading group")), 2);

    // An existing tag straight from the submenu, for the one paper selected.
    QVERIFY(selectRow(*window, 1));
    gui_test::chooseFromContextMenu(view->viewport(),
                                    view->visualRect(view->model()->index(1, 0)).center(),
                                    QStringLiteral("tagMenuAction"), &chosen);
    QVERIFY(chosen);
    // The first tag of the menu, by name order, that the paper lacks.
    QTRY_VERIFY(storedTags(kBoot).size() == 3);
    auto *field = window->findChild<TagsEdit *>(QStringLiteral("tagsEdit"));
    QStringList shown = field->tags();
    QStringList stored = storedTags(kBoot);
    shown.sort();
    stored.sort();
    QCOMPARE(shown, stored);
}

void TestTagsWindow::countsFollowEdits()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 3);
    auto *views = window->findChild<QListWidget *>(QStringLiteral("smartViews"));
    auto count = [views](int row) {
        return views->item(row)->data(CountDelegate::CountRole).toInt();
    };
    QTRY_COMPARE(count(2), 3); // unread
    QCOMPARE(count(0), 0);
    QCOMPARE(count(1), 0);

    QVERIFY(selectRow(*window, 1));
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_S);
    QTRY_COMPARE(count(0), 1);
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_N);
    QTest::keyClicks(window->detailPane()->noteEditor(), QStringLiteral("worth a look"));
    window->detailPane()->flushNote();
    QTRY_COMPARE(count(1), 1);
    window->findChild<QAction *>(QStringLiteral("markAllReadAction"))->trigger();
    QTRY_COMPARE(count(2), 0);
}

QTEST_MAIN(TestTagsWindow)
#include "tst_tags_window.moc"
