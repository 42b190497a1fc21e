// Translation in the reader window (#17), against a fake DeepL server on 127.0.0.1: Shift+T
// translates the paper on screen and the pane says where the Chinese came from; Translate
// This Day shows the size of the run before sending and progress while it runs; a refusal is
// a clear message that never shows the key; the user's own Chinese survives later machine
// runs; Preferences puts the key in the secret store and nowhere in the settings file.

#include "fake_translators.h"
#include "fetch_test_env.h"
#include "gui_fixtures.h"
#include "gui_helpers.h"
#include "gui_window.h"
#include "translate_test_env.h"

#include "common/math_text.h"
#include "common/settings.h"
#include "detail/detail_pane.h"
#include "detail/translation_bar.h"
#include "fetch/fetch_controller.h"
#include "import/arxiv_rss_parser.h"
#include "paperlist/paper_list_model.h"
#include "paperlist/paper_list_panel.h"
#include "translate/secret_store.h"
#include "translate/translation_controller.h"
#include "window/main_window.h"
#include "window/reader_actions.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace paperboy;
using namespace paperboy::translate;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kKey = "window-secret-5b2c9d7e1f:fx";

// The desktop's secret store, in memory: what the window writes is what it reads back.
class MemorySecretStore : public SecretStore
{
public:
    QHash<QString, QString> *entries;
    explicit MemorySecretStore(QHash<QString, QString> *entries) : entries(entries) {}
    void read(const QString &name, QObject *context, ReadDone done) override
    {
        QMetaObject::invokeMethod(
            context, [this, name, done] { done(entries->value(name), {}); }, Qt::QueuedConnection);
    }
    void write(const QString &name, const QString &secret, QObject *context,
               WriteDone done) override
    {
        entries->insert(name, secret);
        QMetaObject::invokeMethod(
            context, [done] { done({}); }, Qt::QueuedConnection);
    }
};

QString paperId(int n)
{
    return test::englishPaper(n).arxivId;
}

} // namespace

class TestTranslateWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void shiftTTranslatesAndThePaneSaysByWhom();
    void translateDayAsksWithItsSizeAndShowsProgress();
    void refusalIsAClearMessageWithoutTheKey();
    void userEditSurvivesMachineTranslation();
    void ownTranslationFromAnotherProcessShows();
    void preferencesKeepTheKeyOutOfTheSettings();
    void shortcutIsShiftTEverywhere();
    void translateAgainReplacesACurrentMachineTranslation();
    void fetchTranslatesChosenCategoriesWithinTheCap();

private:
    std::unique_ptr<MainWindow> openOnDay()
    {
        auto window = gui_test::openWindow(m_db);
        if (!gui_test::chooseDay(*window, test::kTranslateDay))
            QTest::qWait(200);
        gui_test::chooseDay(*window, test::kTranslateDay);
        return window;
    }
    QLabel *status(MainWindow &window)
    {
        return window.findChild<QLabel *>(QStringLiteral("statusMessage"));
    }
    QLabel *label(MainWindow &window, const char *name)
    {
        return window.detailPane()->findChild<QLabel *>(QLatin1String(name));
    }
    // The Chinese title and abstract are math-aware text views.
    MathTextView *zhView(MainWindow &window, const char *name)
    {
        return window.detailPane()->findChild<MathTextView *>(QLatin1String(name));
    }
    QAction *action(MainWindow &window, const char *name)
    {
        return window.findChild<QAction *>(QLatin1String(name));
    }
    bool sentAnywhere(const QString &text) const
    {
        for (const QStringList &texts : m_deepl->received)
            for (const QString &t : texts)
                if (t.contains(text))
                    return true;
        return false;
    }
    QByteArray settingsFileBytes() const
    {
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QTemporaryDir m_settingsDir;
    QHash<QString, QString> m_secrets;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::TestHttpServer> m_server;
    std::unique_ptr<test::FakeTranslator> m_deepl;
    QString m_db;
};

void TestTranslateWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translate_window"));
    gui_test::useSettingsIn(m_settingsDir.path());
    qunsetenv("PAPERBOY_TRANSLATE_KEY");
    setSecretStore(std::make_unique<MemorySecretStore>(&m_secrets));
}

void TestTranslateWindow::init()
{
    gui_test::clearSettings();
    m_secrets.clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("library.sqlite"));
    {
        Database database;
        QVERIFY(database.open(m_db));
        Store store(database);
        QVERIFY(test::seedDay(store, 3, {3})); // paper 3 has a digest's Chinese
    }
    m_server = std::make_unique<test::TestHttpServer>();
    QVERIFY(m_server->listen());
    m_deepl = std::make_unique<test::FakeTranslator>(*m_server, test::FakeTranslator::DeepL, kKey);
    m_deepl->install();

    QSettings settings;
    TranslationSettings translation = test::fastTranslationSettings(*m_server, Provider::DeepL);
    saveTranslationSettings(settings, translation);
    settings.sync();
    m_secrets.insert(keyName(Provider::DeepL), QString::fromUtf8(kKey));
}

void TestTranslateWindow::cleanup()
{
    m_deepl.reset();
    m_server.reset();
    m_dir.reset();
}

void TestTranslateWindow::shiftTTranslatesAndThePaneSaysByWhom()
{
    auto window = openOnDay();
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    QVERIFY(gui_test::selectRow(*window, 0));
    const QString id = gui_test::currentId(*window);
    QVERIFY(!zhView(*window, "chineseTitleLabel")->isVisible());

    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_T, Qt::ShiftModifier);
    QTRY_VERIFY2(zhView(*window, "chineseTitleLabel")->text().startsWith(u"中文："_s),
                 qPrintable(status(*window)->text()));
    QCOMPARE(gui_test::currentId(*window), id);
    QCOMPARE(m_deepl->received.size(), 1);
    QCOMPARE(m_deepl->received.first().size(), 2); // title and abstract of that paper only
    QVERIFY(zhView(*window, "abstractChineseLabel")->text().startsWith(u"中文："_s));
    QLabel *source = label(*window, "translationSourceLabel");
    QCOMPARE(source->text(), u"machine translation · deepl"_s);
    QVERIFY(source->isVisible());
    QVERIFY(status(*window)->text().contains(u"Translated 1 paper"_s));
    // The key went to the service in its header, and nowhere else.
    QCOMPARE(m_server->requests().first().header("Authorization"), "DeepL-Auth-Key " + kKey);
    QVERIFY(!settingsFileBytes().contains(kKey));
    QFile library(m_db);
    QVERIFY(library.open(QIODevice::ReadOnly));
    QVERIFY(!library.readAll().contains(kKey));
}

void TestTranslateWindow::translateDayAsksWithItsSizeAndShowsProgress()
{
    m_deepl->delayMs = 400;                               // long enough to see the progress
    QSettings().setValue(u"translation/batchTexts"_s, 2); // one paper a request
    auto window = openOnDay();
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    QVERIFY(gui_test::selectRow(*window, 0));
    action(*window, "translateDayAction")->trigger();

    auto *question = gui_test::waitForWindow<QMessageBox>(u"translateDayQuestion"_s);
    QVERIFY(question);
    QVERIFY2(question->text().contains(u"2 papers"_s), qPrintable(question->text()));
    QVERIFY2(question->informativeText().contains(u"2 requests"_s),
             qPrintable(question->informativeText()));
    QVERIFY2(question->informativeText().contains(u"1 paper"_s) &&
                 question->informativeText().contains(u"already"_s),
             qPrintable(question->informativeText()));
    QVERIFY(m_deepl->received.isEmpty()); // nothing sent before the answer
    auto *go = question->findChild<QPushButton *>(u"translateDayButton"_s);
    QVERIFY(go);
    go->click();

    auto *box = window->findChild<QWidget *>(u"translateProgressBox"_s);
    auto *progress = window->findChild<QProgressBar *>(u"translateProgress"_s);
    QTRY_VERIFY(box->isVisible());
    QTRY_COMPARE(progress->maximum(), 2);
    QTRY_VERIFY(!box->isVisible());
    QVERIFY2(status(*window)->text().contains(u"Translated 2 papers"_s),
             qPrintable(status(*window)->text()));
    QCOMPARE(m_deepl->received.size(), 2);
    QVERIFY(!sentAnywhere(test::englishPaper(3).title)); // the digest's Chinese is never sent
    // The list shows the new Chinese titles.
    QTRY_VERIFY(zhView(*window, "chineseTitleLabel")->text().startsWith(u"中文："_s));
}

void TestTranslateWindow::refusalIsAClearMessageWithoutTheKey()
{
    m_secrets.insert(keyName(Provider::DeepL), u"wrong-key-8c1d0e:fx"_s);
    auto window = openOnDay();
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    QVERIFY(gui_test::selectRow(*window, 1));
    action(*window, "translatePaperAction")->trigger();
    QTRY_VERIFY(status(*window)->text().contains(u"not translated"_s, Qt::CaseInsensitive));
    const QString text = status(*window)->text();
    QVERIFY2(text.contains(paperId(2)) || text.contains(u"403"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"wrong-key"_s), qPrintable(text));
    QVERIFY(!zhView(*window, "chineseTitleLabel")->isVisible());
    QVERIFY(!window->findChild<QWidget *>(u"translateProgressBox"_s)->isVisible());
}

void TestTranslateWindow::userEditSurvivesMachineTranslation()
{
    auto window = openOnDay();
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    QVERIFY(gui_test::selectRow(*window, 0));
    const QString id = gui_test::currentId(*window);
    auto *edit = window->detailPane()->findChild<QPushButton *>(u"editTranslationButton"_s);
    QVERIFY(edit && edit->isVisible());
    edit->click();
    auto *dialog = gui_test::waitForWindow<TranslationEditDialog>(u"translationEditDialog"_s);
    QVERIFY(dialog);
    dialog->findChild<QLineEdit *>(u"translationTitleEdit"_s)->setText(u"我的标题"_s);
    dialog->findChild<QPlainTextEdit *>(u"translationAbstractEdit"_s)->setPlainText(u"我的摘要"_s);
    dialog->accept();
    QTRY_COMPARE(zhView(*window, "chineseTitleLabel")->text(), u"我的标题"_s);
    QCOMPARE(label(*window, "translationSourceLabel")->text(), u"your translation"_s);
    // Stored as user data, on the writer's connection.
    QTRY_VERIFY([&] {
        Database database;
        if (!database.open(m_db, Database::Mode::ReadOnly))
            return false;
        const auto mine = Store(database).userTranslation(id, u"zh"_s);
        return mine && mine->title == u"我的标题"_s && mine->abstract == u"我的摘要"_s;
    }());

    // A machine run over the whole day leaves it alone and never sends it.
    action(*window, "translateDayAction")->trigger();
    auto *question = gui_test::waitForWindow<QMessageBox>(u"translateDayQuestion"_s);
    QVERIFY(question);
    QVERIFY2(question->text().contains(u"1 paper"_s), qPrintable(question->text()));
    question->findChild<QPushButton *>(u"translateDayButton"_s)->click();
    QTRY_VERIFY(status(*window)->text().contains(u"Translated 1 paper"_s));
    QVERIFY(!sentAnywhere(test::englishPaper(1).title));
    QTRY_COMPARE(zhView(*window, "chineseTitleLabel")->text(), u"我的标题"_s);
    QCOMPARE(gui_test::currentId(*window), id);
    // Shift+T on it sends nothing either. The window is made active again first: a window
    // manager gives the focus back when the question closes, the offscreen platform does not,
    // and a window shortcut fires only in the active window.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    const auto before = m_deepl->received.size();
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_T, Qt::ShiftModifier);
    QTRY_VERIFY2(status(*window)->text().contains(u"your own Chinese translation"_s),
                 qPrintable(status(*window)->text()));
    QCOMPARE(m_deepl->received.size(), before);
}

void TestTranslateWindow::ownTranslationFromAnotherProcessShows()
{
    auto window = openOnDay();
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    QVERIFY(gui_test::selectRow(*window, 1));
    const QString id = gui_test::currentId(*window);
    QVERIFY(!zhView(*window, "chineseTitleLabel")->isVisible());
    // The command line writes the user's own title: the pane and the row follow (UserData's
    // change signal, read back after LibraryWatch noticed the write), nothing is sent.
    QProcess cli;
    cli.start(QStringLiteral(PAPERBOY_BINARY),
              {u"--db"_s, m_db, u"translate"_s, id, u"--set-title"_s, u"别处写的标题"_s});
    QVERIFY(cli.waitForFinished(30000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QTRY_COMPARE_WITH_TIMEOUT(zhView(*window, "chineseTitleLabel")->text(), u"别处写的标题"_s,
                              2000);
    QCOMPARE(label(*window, "translationSourceLabel")->text(), u"your translation"_s);
    const QModelIndex row = gui_test::paperListView(*window)->currentIndex();
    QCOMPARE(row.data(PaperListModel::ChineseTitleRole).toString(), u"别处写的标题"_s);
    QVERIFY(m_deepl->received.isEmpty());
    // The digest's full Chinese wins over anyone's: no edit is offered for it.
    QVERIFY(gui_test::selectRow(*window, 2));
    QVERIFY(
        !window->detailPane()->findChild<QPushButton *>(u"editTranslationButton"_s)->isVisible());
}

void TestTranslateWindow::preferencesKeepTheKeyOutOfTheSettings()
{
    gui_test::clearSettings();
    m_secrets.clear();
    auto window = gui_test::openWindow(m_db);
    // Nothing chosen: Shift+T sends nothing and says where to choose.
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    QVERIFY(gui_test::selectRow(*window, 0));
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_T, Qt::ShiftModifier);
    QTRY_VERIFY(status(*window)->text().contains(u"Preferences"_s));
    QVERIFY(m_server->requests().isEmpty());

    action(*window, "preferencesAction")->trigger();
    auto *dialog = gui_test::waitForWindow<QDialog>(u"preferencesDialog"_s);
    QVERIFY(dialog);
    auto *page = dialog->findChild<QWidget *>(u"translationPage"_s);
    QVERIFY(page);
    auto *tabs = dialog->findChild<QTabWidget *>(u"preferencesTabs"_s);
    tabs->setCurrentWidget(page);
    auto *provider = page->findChild<QComboBox *>(u"translationProviderCombo"_s);
    provider->setCurrentIndex(provider->findData(u"deepl"_s));
    page->findChild<QLineEdit *>(u"translationBaseUrlEdit"_s)->setText(m_server->baseUrl());
    auto *key = page->findChild<QLineEdit *>(u"translationKeyEdit"_s);
    QVERIFY(key->isEnabled());
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    key->setText(QString::fromUtf8(kKey));
    page->findChild<QCheckBox *>(u"translateStarredCheck"_s)->setChecked(true);
    dialog->findChild<QDialogButtonBox *>(u"preferencesButtons"_s)
        ->button(QDialogButtonBox::Ok)
        ->click();
    QTRY_COMPARE(m_secrets.value(keyName(Provider::DeepL)), QString::fromUtf8(kKey));
    QCOMPARE(loadTranslationSettings(QSettings()).provider, Provider::DeepL);
    const QByteArray file = settingsFileBytes();
    QVERIFY(file.contains("deepl"));
    QVERIFY(!file.contains(kKey) && !file.contains(kKey.left(12)));

    // Starring a paper now translates it on its own.
    QVERIFY(gui_test::selectRow(*window, 1));
    action(*window, "toggleStarAction")->trigger();
    QTRY_VERIFY(zhView(*window, "chineseTitleLabel")->text().startsWith(u"中文："_s));
    QCOMPARE(m_deepl->received.size(), 1);
}

void TestTranslateWindow::shortcutIsShiftTEverywhere()
{
    // t edits tags (since #13), so translating is Shift+T: the menu, the shortcut list and the
    // button's tooltip all say so.
    auto window = openOnDay();
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    QAction *translate = action(*window, "translatePaperAction");
    QCOMPARE(translate->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_T));
    QCOMPARE(action(*window, "focusTagsAction")->shortcut(), QKeySequence(Qt::Key_T));
    auto *paperMenu = window->findChild<QMenu *>(u"paperMenu"_s);
    QVERIFY(paperMenu && paperMenu->actions().contains(translate));
    QVERIFY(paperMenu->actions().contains(action(*window, "translateAgainAction")));
    QVERIFY(translate->toolTip().contains(u"t already edits tags"_s));

    action(*window, "shortcutsHelpAction")->trigger();
    auto *table = gui_test::waitForWindow<QDialog>(u"shortcutsDialog"_s)
                      ->findChild<QTreeWidget *>(u"shortcutsTable"_s);
    QVERIFY(table);
    const QList<QTreeWidgetItem *> rows =
        table->findItems(QKeySequence(Qt::SHIFT | Qt::Key_T).toString(QKeySequence::NativeText),
                         Qt::MatchExactly, 0);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first()->text(1), u"Translate into Chinese"_s);

    QVERIFY(gui_test::selectRow(*window, 0));
    auto *button = window->detailPane()->findChild<QPushButton *>(u"translateButton"_s);
    QVERIFY(button && button->isVisible());
    QVERIFY2(button->toolTip().contains(u"Shift+T"_s), qPrintable(button->toolTip()));
}

void TestTranslateWindow::translateAgainReplacesACurrentMachineTranslation()
{
    auto window = openOnDay();
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    QVERIFY(gui_test::selectRow(*window, 0));
    const QString id = gui_test::currentId(*window);
    auto *button = window->detailPane()->findChild<QPushButton *>(u"translateButton"_s);
    QCOMPARE(button->text(), u"Translate"_s);
    button->click();
    QTRY_VERIFY(zhView(*window, "chineseTitleLabel")->text().startsWith(u"中文："_s));
    QCOMPARE(m_deepl->received.size(), 1);
    // A machine's Chinese is shown: the button now asks anew.
    QTRY_COMPARE(button->text(), u"Translate Again"_s);

    // Shift+T leaves a current translation alone and says how to ask again.
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_T, Qt::ShiftModifier);
    QTRY_VERIFY2(status(*window)->text().contains(u"Translate Again"_s),
                 qPrintable(status(*window)->text()));
    QCOMPARE(m_deepl->received.size(), 1);

    // The service now answers differently: Translate Again sends the paper and stores the
    // new answer in place of the old one.
    m_deepl->translate = [](const QString &text) { return u"新译文："_s + text; };
    button->click();
    QTRY_VERIFY2(zhView(*window, "chineseTitleLabel")->text().startsWith(u"新译文："_s),
                 qPrintable(status(*window)->text()));
    QCOMPARE(m_deepl->received.size(), 2);
    QCOMPARE(m_deepl->received.last().size(), 2);
    QCOMPARE(gui_test::currentId(*window), id);
    QCOMPARE(label(*window, "translationSourceLabel")->text(), u"machine translation · deepl"_s);

    // The menu's Translate Again does the same; a digest's Chinese is never sent, forced or not.
    action(*window, "translateAgainAction")->trigger();
    QTRY_COMPARE(m_deepl->received.size(), 3);
    QVERIFY(gui_test::selectRow(*window, 2));
    QTRY_COMPARE(gui_test::currentId(*window), paperId(3));
    action(*window, "translateAgainAction")->trigger();
    QTRY_VERIFY2(status(*window)->text().contains(u"digest"_s),
                 qPrintable(status(*window)->text()));
    QCOMPARE(m_deepl->received.size(), 3);
}

void TestTranslateWindow::fetchTranslatesChosenCategoriesWithinTheCap()
{
    // Today's listing (120 papers, 6 of them in eess.IV) from the same local server.
    const QString rssFile = u"rss_2024-11-28_first120items.xml"_s;
    m_server->route(u"/rss/cs.CV"_s, {test::TestHttpServer::arxivRssFixture(rssFile)});
    const ParseResult parsed =
        parseArxivRss(test::TestHttpServer::readFile(test::fixture(u"arxiv-rss/"_s + rssFile)));
    QVERIFY(parsed.ok() && !parsed.digests.isEmpty());
    QStringList everyId;
    QList<Paper> chosen;
    for (const DigestEntry &entry : parsed.digests.first().entries) {
        everyId.append(entry.paper.arxivId);
        if (entry.paper.categories.contains(u"eess.IV"_s))
            chosen.append(entry.paper);
    }
    QCOMPARE(chosen.size(), 6);
    // A cap the first two fit in, as the window counts (the English title and abstract).
    const auto size = [](const Paper &p) { return int(p.title.size() + p.abstract.size()); };
    const int cap = size(chosen.at(0)) + size(chosen.at(1)) + 1;
    QStringList expected;
    int room = cap;
    for (const Paper &paper : std::as_const(chosen)) {
        if (size(paper) <= room) {
            room -= size(paper);
            expected.append(paper.arxivId);
        }
    }
    QVERIFY(expected.size() >= 2 && expected.size() < chosen.size());
    {
        QSettings settings;
        settings::setFetchSettings(settings, test::fastFetchSettings(*m_server));
        settings::translateCategories.setValue(settings, u"eess.IV"_s);
        settings::translateDailyCap.setValue(settings, cap);
    }

    auto window = gui_test::openWindow(m_db);
    window->fetchController()->setClock(
        [] { return QDateTime(QDate(2024, 11, 28), QTime(17, 30), Qt::UTC); });
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    action(*window, "fetchTodayAction")->trigger();
    const QString waiting = u"%1 papers wait for tomorrow"_s.arg(chosen.size() - expected.size());
    // The cap's word comes once before the run and again, with the result, at its end.
    QTRY_VERIFY_WITH_TIMEOUT(status(*window)->text().contains(waiting) &&
                                 status(*window)->text().startsWith(u"Translated"_s),
                             20000);
    QVERIFY2(status(*window)->text().contains(u"Translated %1 papers"_s.arg(expected.size())),
             qPrintable(status(*window)->text()));
    QVERIFY(status(*window)->text().contains(u"cap"_s));

    // Stored: the chosen category's papers that fit, no other paper of the day.
    {
        Database database;
        QVERIFY(database.open(m_db, Database::Mode::ReadOnly));
        const auto states = Store(database).translationStates(everyId, u"zh"_s);
        QCOMPARE(states.size(), everyId.size());
        for (const QString &id : std::as_const(everyId))
            QVERIFY2(states.value(id).machine.has_value() == expected.contains(id), qPrintable(id));
    }
    int texts = 0;
    for (const QStringList &request : std::as_const(m_deepl->received))
        texts += int(request.size());
    QCOMPARE(texts, 2 * expected.size());

    // Starring a paper translates it on its own, within the same cap: held back, and said.
    {
        QSettings settings;
        settings::translateStarred.setValue(settings, true);
    }
    QVERIFY(gui_test::chooseDay(*window, QDate(2024, 11, 28)));
    QTRY_COMPARE(gui_test::listedCount(*window), 120);
    const int row = int(everyId.indexOf(chosen.last().arxivId));
    QVERIFY(!expected.contains(chosen.last().arxivId));
    QVERIFY(gui_test::selectRow(*window, row));
    const auto requests = m_deepl->received.size();
    window->showStatus(QString());
    action(*window, "toggleStarAction")->trigger();
    QTRY_VERIFY2(status(*window)->text().contains(u"cap of"_s) &&
                     status(*window)->text().contains(u"for tomorrow"_s),
                 qPrintable(status(*window)->text()));
    QTest::qWait(200);
    QCOMPARE(m_deepl->received.size(), requests);
    // With room again, the next star translates it.
    {
        QSettings settings;
        settings::translateDailyCap.setValue(settings, 1000000);
    }
    action(*window, "toggleStarAction")->trigger(); // unstarred
    action(*window, "toggleStarAction")->trigger(); // starred again
    QTRY_VERIFY(zhView(*window, "chineseTitleLabel")->text().startsWith(u"中文："_s));
    QCOMPARE(m_deepl->received.size(), requests + 1);
}

QTEST_MAIN(TestTranslateWindow)
#include "tst_translate_window.moc"
