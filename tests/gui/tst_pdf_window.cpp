// Kept PDFs in the window (issue #21): `p` offers to download a paper's PDF and then opens the
// kept file, the detail pane's line shows its pages and size and removes it, the pages holding
// a search's words, and starring a paper downloads its PDF when Preferences say so. PDFs with a
// text layer are generated and served from 127.0.0.1.

#include "gui_fixtures.h"
#include "gui_helpers.h"
#include "gui_window.h"

#include "core/pdf_files.h"
#include "detail/detail_pane.h"
#include "paperlist/paper_list_model.h"
#include "pdf/pdf_controller.h"
#include "pdf/pdf_settings.h"
#include "sidebar/sidebar.h"
#include "store/pdf_store.h"
#include "test_http_server.h"
#include "test_pdf.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>

using namespace paperboy;
using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

// Stands in for the desktop for `schemes` while it lives.
class UrlRecorder : public QObject
{
    Q_OBJECT
public:
    explicit UrlRecorder(const QStringList &schemes) : m_schemes(schemes)
    {
        for (const QString &scheme : m_schemes)
            QDesktopServices::setUrlHandler(scheme, this, "open");
    }
    ~UrlRecorder() override
    {
        for (const QString &scheme : m_schemes)
            QDesktopServices::unsetUrlHandler(scheme);
    }
    QList<QUrl> opened;
    QStringList m_schemes;
public slots:
    void open(const QUrl &url) { opened.append(url); }
};

} // namespace

class TestPdfWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_server;
    QString m_db;

    std::unique_ptr<MainWindow> openWindow()
    {
        auto window = gui_test::openWindow(m_db);
        auto *pdfs = window->findChild<PdfController *>();
        PdfDownloadSettings s;
        s.urlTemplate = m_server->baseUrl() + u"/pdf/{id}"_s;
        s.politeness.minRequestSpacingMs = 10;
        s.politeness.otherSiteSpacingMs = 10;
        s.politeness.backoffBaseMs = 10;
        s.politeness.transferTimeoutMs = 2000;
        pdfs->setDownloadSettings(s);
        return window;
    }

    QString pdfText(MainWindow &window)
    {
        return window.findChild<QLabel *>(u"pdfLabel"_s)->text();
    }

    void servePdf(const QString &id, const QString &secondPage)
    {
        m_server->route(u"/pdf/"_s + id,
                        {CannedResponse::ok(makeTextPdf({u"Introduction of "_s + id, secondPage}),
                                            "application/pdf")});
    }

    std::optional<KeptPdf> stored(const QString &id)
    {
        Database database;
        if (!database.open(m_db, Database::Mode::ReadOnly))
            return std::nullopt;
        return PdfStore(database).find(id);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        qputenv("XDG_DATA_HOME", m_dir->filePath(u"xdg"_s).toUtf8());
        gui_test::useSettingsIn(m_dir->filePath(u"settings"_s));
        gui_test::clearSettings();
        m_db = m_dir->filePath(u"window.sqlite"_s);
        QVERIFY(gui_test::importInto(m_db, gui_test::foundingDigestPath()));
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
    }

    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void pOffersThenOpensTheKeptFile()
    {
        auto window = openWindow();
        // The library's one day opens by itself.
        QTRY_VERIFY(gui_test::listedCount(*window) > 0);
        QVERIFY(gui_test::selectRow(*window, 0));
        const QString id = gui_test::currentId(*window);
        QVERIFY(!id.isEmpty());
        servePdf(id, u"Results on the marmotquill benchmark."_s);
        QTRY_COMPARE(pdfText(*window), u"No PDF kept offline."_s);

        QWidget *list = gui_test::paperListView(*window);
        list->setFocus();
        QTest::keyClick(list, Qt::Key_P);
        auto *offer = gui_test::waitForWindow<QMessageBox>(u"pdfOffer"_s);
        QVERIFY(offer);
        QVERIFY(offer->text().contains(id));
        QTest::mouseClick(offer->findChild<QPushButton *>(u"pdfOfferDownload"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(pdfText(*window).startsWith(u"PDF kept offline: 2 pages"_s),
                                 15000);
        QCOMPARE(m_server->requestCount(u"/pdf/"_s + id), 1);
        const QString path = QDir(pdfFolder()).filePath(pdfFileNameFor(id));
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(path.startsWith(m_dir->path()));
        const std::optional<KeptPdf> kept = stored(id);
        QVERIFY(kept);
        QCOMPARE(kept->pages, 2);

        // Now `p` opens the kept file, and asks nothing.
        {
            UrlRecorder desktop({u"file"_s, u"https"_s});
            window->activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(window.get()));
            list->setFocus();
            QTest::keyClick(list, Qt::Key_P);
            QTRY_COMPARE(desktop.opened, QList<QUrl>{QUrl::fromLocalFile(path)});
            QVERIFY(!gui_test::waitForWindow<QMessageBox>(u"pdfOffer"_s, 300));
        }

        // Remove takes the file and the row.
        auto *remove = window->findChild<QPushButton *>(u"pdfRemoveButton"_s);
        QVERIFY(remove->isVisible());
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_COMPARE(pdfText(*window), u"No PDF kept offline."_s);
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(!stored(id));
    }

    void aSearchSaysOnWhichPage()
    {
        auto window = openWindow();
        // The library's one day opens by itself.
        QTRY_VERIFY(gui_test::listedCount(*window) > 1);
        QVERIFY(gui_test::selectRow(*window, 1));
        const QString id = gui_test::currentId(*window);
        servePdf(id, u"The zorbleflux ablation."_s);
        auto *download = window->findChild<QPushButton *>(u"pdfDownloadButton"_s);
        QTRY_VERIFY(download->isVisible());
        QTest::mouseClick(download, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(pdfText(*window).startsWith(u"PDF kept offline: 2 pages"_s),
                                 15000);

        QLineEdit *search = window->sidebar()->searchEdit();
        search->setFocus();
        QTest::keyClicks(search, u"fulltext:zorbleflux"_s);
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE(gui_test::listedCount(*window), 1);
        QVERIFY(gui_test::selectRow(*window, 0));
        QTRY_COMPARE(gui_test::currentId(*window), id);
        QTRY_VERIFY2(pdfText(*window).contains(u"The search's words are on page 2."_s),
                     qPrintable(pdfText(*window)));
        // The list's row says it too.
        const QModelIndex row = gui_test::paperListView(*window)->model()->index(0, 0);
        QTRY_COMPARE(row.data(PaperListModel::PdfPagesRole).toString(), u"2"_s);
    }

    void starringDownloadsWhenChosen()
    {
        {
            QSettings settings;
            settings::pdfForStarred.setValue(settings, true);
        }
        auto window = openWindow();
        // The library's one day opens by itself.
        QTRY_VERIFY(gui_test::listedCount(*window) > 2);
        QVERIFY(gui_test::selectRow(*window, 2));
        const QString id = gui_test::currentId(*window);
        servePdf(id, u"Starred and kept."_s);
        QWidget *list = gui_test::paperListView(*window);
        list->setFocus();
        QTest::keyClick(list, Qt::Key_S);
        QTRY_VERIFY_WITH_TIMEOUT(stored(id).has_value(), 15000);
        QTRY_VERIFY(pdfText(*window).startsWith(u"PDF kept offline: 2 pages"_s));
        QCOMPARE(m_server->requestCount(u"/pdf/"_s + id), 1);

        // Off: a star is only a star.
        {
            QSettings settings;
            settings::pdfForStarred.setValue(settings, false);
        }
        QVERIFY(gui_test::selectRow(*window, 0));
        const QString other = gui_test::currentId(*window);
        servePdf(other, u"Not wanted."_s);
        list->setFocus();
        QTest::keyClick(list, Qt::Key_S);
        QTRY_VERIFY(gui_test::storedState(m_db, other).starred);
        QTest::qWait(500);
        QCOMPARE(m_server->requestCount(u"/pdf/"_s + other), 0);
        QVERIFY(!stored(other));
    }
};

QTEST_MAIN(TestPdfWindow)
#include "tst_pdf_window.moc"
