// Issue #21 in the reader window: Ctrl+V outside text fields and a link dropped on the window
// add papers (from a fake arXiv API on 127.0.0.1 when the library lacks them) and open the
// Added view on the first; `z` saves the selected paper to a fake Zotero connector; File >
// Export offers Markdown notes into a folder.

#include "fetch_test_env.h"
#include "gui_fixtures.h"
#include "gui_window.h"

#include "common/settings.h"
#include "export/export_dialog.h"
#include "sidebar/count_delegate.h"
#include "sidebar/sidebar.h"
#include "sidebar/views_panel.h"
#include "window/main_window.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace paperboy;
using namespace Qt::StringLiterals;
using paperboy::test::CannedResponse;
using paperboy::test::TestHttpServer;

namespace {

const QString kApi = u"/api/query"_s;
const QString kFetched = u"2104.12255"_s; // in the recorded API answer, not in the library
const QString kHeld = u"2306.05544"_s;    // in the founding digest

} // namespace

class TestDeskWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void pasteAddsAndSelects();
    void pasteInATextFieldPastesText();
    void pasteOfNothingSaysSo();
    void dropAddsAPaper();
    void zSavesToZotero();
    void exportDialogOffersNotes();

private:
    QString status(MainWindow &window)
    {
        return window.findChild<QLabel *>(u"statusMessage"_s)->text();
    }
    QStringList addedIds()
    {
        Database db;
        if (!db.open(m_db, Database::Mode::ReadOnly))
            return {};
        return test::dumpRows(db.connection(), u"SELECT arxiv_id FROM user_added"_s);
    }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_server;
    QString m_db;
};

void TestDeskWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(u"paperboy-test"_s);
    QCoreApplication::setApplicationName(u"tst_desk_window"_s);
    gui_test::useSettingsIn(m_settingsDir.path());
}

void TestDeskWindow::init()
{
    gui_test::clearSettings();
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath(u"library.sqlite"_s);
    QVERIFY(gui_test::importInto(m_db, gui_test::foundingDigestPath()));
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    QSettings settings;
    settings::setFetchSettings(settings, test::fastFetchSettings(*m_server));
    settings::zoteroConnector.setValue(settings, m_server->baseUrl());
}

void TestDeskWindow::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

void TestDeskWindow::pasteAddsAndSelects()
{
    m_server->route(
        kApi, {TestHttpServer::arxivApiFixture(u"arxivpy_id_2104.12255v1_s0_m100_6ae69987ffe1"_s)});
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    QGuiApplication::clipboard()->setText(u"have a look: https://arxiv.org/abs/2104.12255v1"_s);
    window->paperList()->focusList();
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_V, Qt::ControlModifier);
    QTRY_COMPARE(window->currentSource().kind, ListKind::Added);
    QTRY_COMPARE(gui_test::currentId(*window), kFetched);
    QCOMPARE(m_server->requestCount(kApi), 1);
    QVERIFY(m_server->requests().first().query.contains(u"id_list=2104.12255&"_s));
    QCOMPARE(addedIds(), QStringList{kFetched});
    // The words around the link are named, not lost in silence.
    QVERIFY2(status(*window).contains(u"Added 1 paper"_s), qPrintable(status(*window)));
    QVERIFY2(status(*window).contains(u"have"_s), qPrintable(status(*window)));
    // The sidebar's Added view counts it.
    auto *views = window->sidebar()->viewsPanel()->smartViews();
    QListWidgetItem *added = views->item(views->count() - 1);
    QVERIFY(added->text().contains(u"Added"_s));
    QTRY_COMPARE(added->data(CountDelegate::CountRole).toInt(), 1);
}

void TestDeskWindow::pasteInATextFieldPastesText()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    QGuiApplication::clipboard()->setText(kHeld);
    QLineEdit *filter = window->paperList()->filterEdit();
    filter->setFocus();
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClick(filter, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(filter->text(), kHeld);
    QTest::qWait(200);
    QVERIFY(addedIds().isEmpty());
    QCOMPARE(window->currentSource().kind, ListKind::Day);
}

void TestDeskWindow::pasteOfNothingSaysSo()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    QGuiApplication::clipboard()->setText(u"https://github.com/karpathy/nanoGPT"_s);
    window->findChild<QAction *>(u"addPapersAction"_s)->trigger();
    QTRY_VERIFY(status(*window).contains(u"Nothing to add"_s));
    QVERIFY(status(*window).contains(u"github.com/karpathy/nanoGPT"_s));
    QCOMPARE(m_server->requestCount(), 0);
    QVERIFY(addedIds().isEmpty());
}

void TestDeskWindow::dropAddsAPaper()
{
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    // Text that names no paper is not even offered.
    QMimeData words;
    words.setText(u"just some words"_s);
    QDragEnterEvent refused(QPoint(20, 20), Qt::CopyAction, &words, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &refused);
    QVERIFY(!refused.isAccepted());
    // A link the library holds: no request, added, selected.
    QMimeData link;
    link.setUrls({QUrl(u"https://huggingface.co/papers/"_s + kHeld)});
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &link, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &link, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &drop);
    QTRY_COMPARE(window->currentSource().kind, ListKind::Added);
    QTRY_COMPARE(gui_test::currentId(*window), kHeld);
    QCOMPARE(m_server->requestCount(), 0);
    QCOMPARE(addedIds(), QStringList{kHeld});
}

void TestDeskWindow::zSavesToZotero()
{
    m_server->route(u"/connector/ping"_s, {CannedResponse::ok("{}", "application/json")});
    m_server->route(u"/connector/saveItems"_s, {CannedResponse::withStatus(201, "{}")});
    {
        Database db;
        QVERIFY(db.open(m_db));
        Store store(db);
        QVERIFY(store.addTags(kHeld, {u"kd"_s}));
        QVERIFY(store.setNote(kHeld, u"x < y"_s));
    }
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    bool found = false;
    for (int i = 0; i < 3 && !found; ++i) {
        QVERIFY(gui_test::selectRow(*window, i));
        found = gui_test::currentId(*window) == kHeld;
    }
    QVERIFY(found);
    QTest::keyClick(gui_test::paperListView(*window), Qt::Key_Z);
    QTRY_COMPARE(m_server->requestCount(u"/connector/saveItems"_s), 1);
    const QJsonObject item = QJsonDocument::fromJson(m_server->requests().last().body)
                                 .object()
                                 .value(u"items"_s)
                                 .toArray()
                                 .first()
                                 .toObject();
    QCOMPARE(item.value(u"archiveID"_s).toString(), u"arXiv:"_s + kHeld);
    const QJsonArray tags{QJsonObject{{u"tag"_s, u"kd"_s}}};
    QCOMPARE(item.value(u"tags"_s).toArray(), tags);
    QCOMPARE(item.value(u"notes"_s).toArray().first().toObject().value(u"note"_s).toString(),
             u"<p>x &lt; y</p>"_s);
    QTRY_VERIFY2(status(*window).contains(u"Saved %1 to Zotero"_s.arg(kHeld)),
                 qPrintable(status(*window)));

    // Zotero closed: said so, in words a reader acts on.
    QString refused;
    {
        TestHttpServer dead;
        QVERIFY(dead.listen());
        refused = dead.baseUrl();
    }
    QSettings settings;
    settings::zoteroConnector.setValue(settings, refused);
    window->findChild<QAction *>(u"saveToZoteroAction"_s)->trigger();
    QTRY_VERIFY2(status(*window).contains(u"Zotero is not running"_s), qPrintable(status(*window)));
}

void TestDeskWindow::exportDialogOffersNotes()
{
    ExportContext context;
    context.day = QDate(2024, 3, 14);
    context.folder = m_dir->path();
    ExportDialog dialog(context);
    auto *format = dialog.findChild<QComboBox *>(u"exportFormatBox"_s);
    const int notes = format->count() - 1;
    QVERIFY(format->itemText(notes).contains(u"Markdown notes"_s));
    format->setCurrentIndex(notes);
    auto *path = dialog.findChild<QLineEdit *>(u"exportPathEdit"_s);
    QCOMPARE(path->text(), QDir(m_dir->path()).filePath(u"paperboy-notes"_s));
    const ExportChoice choice = dialog.choice();
    QVERIFY(choice.markdownNotes);
    QCOMPARE(choice.selection, PaperSelection::day(QDate(2024, 3, 14)));
    bool folderLabel = false;
    for (QLabel *label : dialog.findChildren<QLabel *>())
        folderLabel = folderLabel || label->text() == u"Folder:"_s;
    QVERIFY(folderLabel);
    // Back to a file format: a file name again.
    format->setCurrentIndex(0);
    QVERIFY(dialog.findChild<QLineEdit *>(u"exportPathEdit"_s)->text().endsWith(u".bib"_s));
    QVERIFY(!dialog.choice().markdownNotes);
}

QTEST_MAIN(TestDeskWindow)
#include "tst_desk_window.moc"
