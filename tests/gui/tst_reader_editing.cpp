// The reader window's smaller behaviours: tags, the read delay, the abstract language switch,
// the shortcuts help, copying, and the menus.

#include "gui_fixtures.h"
#include "gui_window.h"

#include "detail/detail_pane.h"
#include "paperlist/paper_list_model.h"
#include "window/reader_actions.h"
#include "common/settings.h"
#include "window/shortcuts_dialog.h"
#include "common/math_text.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace paperboy;
using gui_test::currentId;
using gui_test::listedCount;
using gui_test::selectRow;

namespace {
const QString kBoot = QStringLiteral("2306.05544");
const QString kFirst = QStringLiteral("2306.01667");
} // namespace

class TestReaderEditing : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void tagsAreSaved();
    void paperStaysUnreadUntilShownForAMoment();
    void abstractLanguageSwitches();
    void shortcutsHelpListsTheKeys();
    void copyIdPutsItOnTheClipboard();
    void menusCarryTheShortcuts();

private:
    UserState storedState(const QString &id) { return gui_test::storedState(m_db, id); }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestReaderEditing::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_reader_editing"));
    gui_test::useSettingsIn(m_settingsDir.path());
}

void TestReaderEditing::init()
{
    gui_test::clearSettings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("library.sqlite"));
    QVERIFY(gui_test::importInto(m_db, gui_test::foundingDigestPath()));
}

void TestReaderEditing::tagsAreSaved()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 3);
    QVERIFY(selectRow(*window, 1));
    auto *tags = window->findChild<QLineEdit *>(QStringLiteral("tagsEdit"));
    tags->setFocus();
    QTest::keyClicks(tags, QStringLiteral("diffusion, distillation,  diffusion"));
    QTest::keyClick(tags, Qt::Key_Return);
    QTRY_COMPARE(storedState(kBoot).tags,
                 (QStringList{QStringLiteral("diffusion"), QStringLiteral("distillation")}));

    tags->setFocus();
    tags->selectAll();
    QTest::keyClicks(tags, QStringLiteral("distillation"));
    // Switching papers commits the edit too.
    QVERIFY(selectRow(*window, 0));
    QTRY_COMPARE(storedState(kBoot).tags, QStringList{QStringLiteral("distillation")});
    QVERIFY(tags->text().isEmpty());
    QVERIFY(selectRow(*window, 1));
    QCOMPARE(tags->text(), QStringLiteral("distillation"));
}

void TestReaderEditing::paperStaysUnreadUntilShownForAMoment()
{
    {
        QSettings settings;
        settings::markReadDelayMs.setValue(settings, 1000);
    }
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 3);
    QTRY_COMPARE(currentId(*window), kFirst);
    // Skimming past a paper does not count as reading it.
    QVERIFY(selectRow(*window, 1));
    QVERIFY(selectRow(*window, 2));
    QTest::qWait(300);
    QVERIFY(!window->paperList()->model()->papers().at(1).user.read);
    QTRY_VERIFY(window->paperList()->model()->papers().at(2).user.read);
    QTRY_VERIFY(storedState(QStringLiteral("2306.01128")).read);
    QVERIFY(!storedState(kBoot).read);
    QVERIFY(!storedState(kFirst).read);
}

void TestReaderEditing::abstractLanguageSwitches()
{
    // An English abstract for paper 1, so both languages exist.
    {
        Database database;
        QVERIFY(database.open(m_db));
        Store store(database);
        Paper paper;
        paper.arxivId = kFirst;
        paper.abstract = QStringLiteral("In-context learning has \\emph{revolutionized} NLP.");
        QVERIFY(store.saveDigests({}, {paper}));
    }
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(currentId(*window), kFirst);
    auto *english = window->findChild<MathTextView *>(QStringLiteral("abstractEnglishLabel"));
    auto *chinese = window->findChild<MathTextView *>(QStringLiteral("abstractChineseLabel"));
    auto *box = window->findChild<QComboBox *>(QStringLiteral("abstractLanguageBox"));
    QCOMPARE(english->text(), QStringLiteral("In-context learning has revolutionized NLP."));
    QVERIFY(english->isVisible());
    QVERIFY(chinese->isVisible()); // side by side by default

    const auto choose = [box](AbstractLanguage language) {
        const int index = box->findData(int(language));
        box->setCurrentIndex(index);
        emit box->activated(index);
    };
    choose(AbstractLanguage::Chinese);
    QVERIFY(!english->isVisible());
    QVERIFY(chinese->isVisible());
    choose(AbstractLanguage::English);
    QVERIFY(english->isVisible());
    QVERIFY(!chinese->isVisible());
    {
        QSettings settings;
        QCOMPARE(settings::abstractLanguage.value(settings), AbstractLanguage::English);
    }
    // Paper 2 has only the Chinese abstract: shown anyway, with a note saying why.
    QVERIFY(selectRow(*window, 1));
    QVERIFY(chinese->isVisible());
    auto *note = window->findChild<QLabel *>(QStringLiteral("abstractNoteLabel"));
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(QStringLiteral("No English abstract")));
}

void TestReaderEditing::shortcutsHelpListsTheKeys()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 3);
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_F1);
    ShortcutsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<ShortcutsDialog *>()) && dialog->isVisible());
    auto *table = dialog->findChild<QTreeWidget *>(QStringLiteral("shortcutsTable"));
    QStringList keys;
    for (int i = 0; i < table->topLevelItemCount(); ++i)
        keys.append(table->topLevelItem(i)->text(0));
    for (const QString &key :
         {QStringLiteral("J"), QStringLiteral("K"), QStringLiteral("["), QStringLiteral("]"),
          QStringLiteral("S"), QStringLiteral("N"), QStringLiteral("O"), QStringLiteral("P"),
          QStringLiteral("C"), QStringLiteral("/"), QStringLiteral("U")})
        QVERIFY2(keys.contains(key), qPrintable(key));
}

void TestReaderEditing::copyIdPutsItOnTheClipboard()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(listedCount(*window), 3);
    QVERIFY(selectRow(*window, 1));
    QGuiApplication::clipboard()->clear();
    window->findChild<QAction *>(QStringLiteral("copyIdAction"))->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), kBoot);
    window->findChild<QAction *>(QStringLiteral("copyLinkAction"))->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(),
             QStringLiteral("https://arxiv.org/abs/2306.05544"));
}

void TestReaderEditing::menusCarryTheShortcuts()
{
    auto window = gui_test::openWindow(m_db);
    QStringList menuActions;
    for (QAction *menu : window->menuBar()->actions())
        for (QAction *action : menu->menu()->actions())
            menuActions.append(action->objectName());
    for (const char *name :
         {"importAction", "nextPaperAction", "previousPaperAction", "nextDayAction",
          "previousDayAction", "toggleStarAction", "toggleReadAction", "markAllReadAction",
          "openAbstractAction", "openPdfAction", "openCodeAction", "focusNoteAction",
          "focusFilterAction", "shortcutsHelpAction"})
        QVERIFY2(menuActions.contains(QLatin1String(name)), name);
    auto *star = window->findChild<QAction *>(QStringLiteral("toggleStarAction"));
    QCOMPARE(star->shortcut(), QKeySequence(Qt::Key_S));
}

QTEST_MAIN(TestReaderEditing)
#include "tst_reader_editing.moc"
