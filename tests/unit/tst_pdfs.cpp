// Kept PDFs (issue #21): the downloader against a real server on 127.0.0.1 (a PDF, an HTML
// page instead of one, a PDF over the cap, a transfer cut short and resumed with Range), the
// text of generated PDFs extracted with Poppler, the store (user_pdfs, pdf_text), and search:
// fulltext: finds a word on page 2 and says page 2, plain words find PDF text too, removing
// the PDF removes its text.

#include "core/pdf_files.h"
#include "fetch/pdf_download.h"
#include "pdf_text/pdf_text.h"
#include "search/pdf_text_search.h"
#include "search/searcher.h"
#include "store/pdf_store.h"
#include "test_db.h"
#include "test_http_server.h"
#include "test_pdf.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

const QString kId = u"2306.05544"_s;
const QString kOther = u"2411.17984"_s;

QStringList twoPages()
{
    return {u"Knowledge distillation for dense prediction\nWe study teachers."_s,
            u"Appendix\nThe quokkaprior ablation lives on this page."_s};
}

Paper paper(const QString &id, const QString &title)
{
    Paper p;
    p.arxivId = id;
    p.title = title;
    p.abstract = u"An abstract about students and teachers."_s;
    p.authors = {u"Ada Lovelace"_s};
    p.categories = {u"cs.CV"_s};
    p.primaryCategory = u"cs.CV"_s;
    return p;
}

QByteArray range(const QByteArray &body, qint64 from)
{
    return "bytes " + QByteArray::number(from) + '-' + QByteArray::number(body.size() - 1) + '/' +
           QByteArray::number(body.size());
}

} // namespace

class TestPdfs : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestHttpServer> m_server;
    Database m_db;
    std::unique_ptr<Store> m_store;

    PdfDownloadSettings settings() const
    {
        PdfDownloadSettings s;
        s.urlTemplate = m_server->baseUrl() + u"/pdf/{id}"_s;
        s.folder = m_dir.filePath(u"pdfs"_s);
        s.politeness.minRequestSpacingMs = 10;
        s.politeness.otherSiteSpacingMs = 10;
        s.politeness.backoffBaseMs = 10;
        s.politeness.backoffMaxMs = 20;
        s.politeness.maxTries = 2;
        s.politeness.transferTimeoutMs = 2000;
        s.politeness.totalTimeoutMs = 10000;
        return s;
    }

    PdfDownload download(const PdfDownloadSettings &s, const QString &id = kId)
    {
        PdfDownloader downloader(s);
        PdfDownload result;
        bool done = false;
        downloader.download(id, this, [&](const PdfDownload &d) {
            result = d;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 30000))
            result.error = u"test: the download did not finish"_s;
        return result;
    }

    QStringList pdfFolderEntries() const
    {
        return QDir(m_dir.filePath(u"pdfs"_s)).entryList(QDir::Files);
    }

    SearchQuery query(const QString &text) { return parseSearchQuery(text); }

    QStringList found(const QString &text, const SearchOptions &options = {})
    {
        SearchResult result;
        const QList<PaperView> views =
            Searcher(*m_store).searchViews(*m_store, query(text), options, &result);
        QStringList ids;
        for (const PaperView &v : views)
            ids.append(v.paper.arxivId);
        return ids;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", m_dir.filePath(u"xdg"_s).toUtf8());
        QVERIFY(m_db.open(m_dir.filePath(u"pdfs.sqlite"_s)));
        m_store = std::make_unique<Store>(m_db);
        QVERIFY(m_store->saveDigests(
            {}, {paper(kId, u"Distilling teachers"_s), paper(kOther, u"Another paper"_s)}));
    }

    void init()
    {
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
        QDir(m_dir.filePath(u"pdfs"_s)).removeRecursively();
    }

    void extractsEveryPage()
    {
        const QString path = m_dir.filePath(u"made.pdf"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(makeTextPdf(twoPages()));
        file.close();
        const PdfText text = extractPdfText(path);
        QVERIFY2(text.ok(), qPrintable(text.error));
        QCOMPARE(text.pages.size(), 2);
        QVERIFY(text.pages.at(0).contains(u"distillation"_s));
        QVERIFY(!text.pages.at(0).contains(u"quokkaprior"_s));
        QVERIFY(text.pages.at(1).contains(u"quokkaprior"_s));

        QFile bad(m_dir.filePath(u"bad.pdf"_s));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("%PDF-1.4\nthis is no PDF at all");
        bad.close();
        const PdfText broken = extractPdfText(bad.fileName());
        QVERIFY(!broken.ok());
        QVERIFY(broken.error.contains(bad.fileName()));
    }

    void downloadsAPdf()
    {
        const QByteArray pdf = makeTextPdf(twoPages());
        m_server->route(u"/pdf/"_s + kId, {CannedResponse::ok(pdf, "application/pdf")});
        const PdfDownload d = download(settings());
        QVERIFY2(d.ok(), qPrintable(d.error));
        QCOMPARE(d.bytes, pdf.size());
        QCOMPARE(QFileInfo(d.path).fileName(), u"2306.05544.pdf"_s);
        QFile file(d.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), pdf);
        QCOMPARE(pdfFolderEntries(), QStringList{u"2306.05544.pdf"_s});
        QCOMPARE(m_server->requests().first().header("Accept"), QByteArray("application/pdf"));
    }

    void htmlIsRefusedAndNothingKept_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("why");
        const QByteArray html = "<!DOCTYPE html><html><body>Please log in</body></html>";
        QTest::newRow("html page") << QByteArray("text/html; charset=utf-8") << html
                                   << u"not a PDF (the answer is text/html"_s;
        QTest::newRow("html called a pdf")
            << QByteArray("application/pdf") << html << u"not a PDF (it starts with '<!DOCTYPE"_s;
        QTest::newRow("pdf called html")
            << QByteArray("text/html") << makeTextPdf({u"x"_s}) << u"the answer is text/html"_s;
    }

    void htmlIsRefusedAndNothingKept()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, why);
        m_server->route(u"/pdf/"_s + kId, {CannedResponse::ok(body, contentType)});
        const PdfDownload d = download(settings());
        QVERIFY(!d.ok());
        QVERIFY2(d.error.contains(why), qPrintable(d.error));
        QVERIFY2(d.error.contains(m_server->baseUrl() + u"/pdf/"_s + kId), qPrintable(d.error));
        QVERIFY(d.path.isEmpty());
        QCOMPARE(pdfFolderEntries(), QStringList());
    }

    void tooBigIsRefused()
    {
        const QByteArray pdf = makeTextPdf(twoPages());
        PdfDownloadSettings s = settings();
        s.maxBytes = pdf.size() - 1;
        m_server->route(u"/pdf/"_s + kId, {CannedResponse::ok(pdf, "application/pdf")});
        PdfDownload d = download(s);
        QVERIFY(!d.ok());
        QVERIFY2(d.error.contains(u"larger than the limit"_s), qPrintable(d.error));
        QCOMPARE(pdfFolderEntries(), QStringList());

        // Without a Content-Length the cap holds as the bytes arrive.
        CannedResponse unannounced = CannedResponse::ok(pdf, "application/pdf");
        unannounced.omitContentLength = true;
        m_server->clearRoutes();
        m_server->route(u"/pdf/"_s + kId, {unannounced});
        d = download(s);
        QVERIFY(!d.ok());
        QVERIFY2(d.error.contains(u"larger than the limit"_s), qPrintable(d.error));
        QCOMPARE(pdfFolderEntries(), QStringList());

        s.maxBytes = pdf.size();
        d = download(s);
        QVERIFY2(d.ok(), qPrintable(d.error));
    }

    // The server cuts every whole answer in the middle and honours Range: the download goes
    // on from where the cut left it and ends with the very same bytes.
    void resumesWithRange()
    {
        const QByteArray pdf = makeTextPdf(twoPages());
        const qint64 half = pdf.size() / 2;
        m_server->handle(u"/pdf/"_s + kId, [&](const RecordedRequest &request) {
            const QByteArray wanted = request.header("Range");
            if (wanted.isEmpty()) {
                CannedResponse cut = CannedResponse::ok(pdf, "application/pdf");
                cut.truncateAfter = half;
                return cut;
            }
            const qint64 from = wanted.mid(6, wanted.indexOf('-') - 6).toLongLong();
            CannedResponse rest = CannedResponse::withStatus(206, pdf.mid(from), "application/pdf");
            rest.header("Content-Range", range(pdf, from));
            return rest;
        });
        const PdfDownload d = download(settings());
        QVERIFY2(d.ok(), qPrintable(d.error));
        QVERIFY(d.resumed);
        QFile file(d.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), pdf);
        const QList<RecordedRequest> requests = m_server->requests();
        QCOMPARE(requests.constLast().header("Range"), "bytes=" + QByteArray::number(half) + '-');
        QCOMPARE(pdfFolderEntries(), QStringList{u"2306.05544.pdf"_s});
    }

    // A .part left by an earlier run: the next download asks only for the rest.
    void resumesAnEarlierPart()
    {
        const QByteArray pdf = makeTextPdf(twoPages());
        QVERIFY(QDir().mkpath(m_dir.filePath(u"pdfs"_s)));
        QFile part(m_dir.filePath(u"pdfs/2306.05544.pdf.part"_s));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(pdf.left(100));
        part.close();
        CannedResponse rest = CannedResponse::withStatus(206, pdf.mid(100), "application/pdf");
        rest.header("Content-Range", range(pdf, 100));
        m_server->route(u"/pdf/"_s + kId, {rest});
        const PdfDownload d = download(settings());
        QVERIFY2(d.ok(), qPrintable(d.error));
        QVERIFY(d.resumed);
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().header("Range"), QByteArray("bytes=100-"));
        QFile file(d.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), pdf);

        // A server that ignores Range sends the whole file: it replaces the part.
        QFile again(m_dir.filePath(u"pdfs/2306.05544.pdf.part"_s));
        QVERIFY(again.open(QIODevice::WriteOnly));
        again.write("%PDF-garbage that is not the start of this file");
        again.close();
        m_server->clearRoutes();
        m_server->route(u"/pdf/"_s + kId, {CannedResponse::ok(pdf, "application/pdf")});
        const PdfDownload whole = download(settings());
        QVERIFY2(whole.ok(), qPrintable(whole.error));
        QVERIFY(!whole.resumed);
        QFile result(whole.path);
        QVERIFY(result.open(QIODevice::ReadOnly));
        QCOMPARE(result.readAll(), pdf);
    }

    void storeAndSearchFindPage2()
    {
        PdfStore pdfs(m_db);
        KeptPdf kept;
        kept.arxivId = kId;
        kept.fileName = pdfFileNameFor(kId);
        kept.bytes = 1234;
        QVERIFY2(pdfs.keep(kept, twoPages()), qPrintable(pdfs.lastError()));
        const std::optional<KeptPdf> read = pdfs.find(kId);
        QVERIFY(read);
        QCOMPARE(read->pages, 2);
        QCOMPARE(read->bytes, 1234);
        QCOMPARE(pdfs.findMany({kId, kOther}).keys(), QList<QString>{kId});
        QVERIFY(pdfs.withoutText().isEmpty());

        // fulltext: looks only in the PDF: the word on page 2, not the title's words.
        QCOMPARE(found(u"fulltext:quokkaprior"_s), QStringList{kId});
        QCOMPARE(found(u"fulltext:distilling"_s), QStringList()); // the title, not the PDF
        QCOMPARE(found(u"fulltext:\"ablation lives\""_s), QStringList{kId});
        QCOMPARE(found(u"fulltext:\"lives ablation\""_s), QStringList());
        QCOMPARE(found(u"fulltext:quokka*"_s), QStringList{kId});
        QCOMPARE(found(u"-fulltext:quokkaprior cat:cs.CV"_s), QStringList{kOther});
        QCOMPARE(found(u"teachers fulltext:quokkaprior"_s), QStringList{kId});
        // Plain words find PDF text too, beside the metadata.
        QCOMPARE(found(u"quokkaprior"_s), QStringList{kId});
        QCOMPARE(found(u"abstract"_s), (QStringList{kOther, kId}));
        SearchOptions relevance;
        relevance.sort = SearchSort::Relevance;
        relevance.withTotal = true;
        SearchResult result = Searcher(*m_store).search(query(u"quokkaprior"_s), relevance);
        QCOMPARE(result.total, 1);
        SearchOptions plainOnly;
        plainOnly.withPdfText = false;
        QCOMPARE(found(u"quokkaprior"_s, plainOnly), QStringList());

        // Which page: the page holding every word, else those holding any.
        QHash<QString, QList<int>> pages =
            pdfMatchPages(m_db, query(u"fulltext:quokkaprior"_s), {kId, kOther});
        QCOMPARE(pages.value(kId), QList<int>{2});
        QVERIFY(!pages.contains(kOther));
        pages = pdfMatchPages(m_db, query(u"teachers ablation"_s), {kId});
        QCOMPARE(pages.value(kId), (QList<int>{1, 2}));
        pages = pdfMatchPages(m_db, query(u"appendix ablation"_s), {kId});
        QCOMPARE(pages.value(kId), QList<int>{2});

        // Removing the PDF removes its text.
        bool removed = false;
        QVERIFY(pdfs.remove(kId, &removed));
        QVERIFY(removed);
        QCOMPARE(found(u"fulltext:quokkaprior"_s), QStringList());
        QCOMPARE(found(u"quokkaprior"_s), QStringList());
        QCOMPARE(dumpRows(m_db.connection(), u"SELECT count(*) FROM pdf_text"_s),
                 QStringList{u"0"_s});
        QVERIFY(pdfs.remove(kId, &removed));
        QVERIFY(!removed);
    }

    void chineseTextIsFound()
    {
        PdfStore pdfs(m_db);
        KeptPdf kept;
        kept.arxivId = kOther;
        kept.fileName = pdfFileNameFor(kOther);
        QVERIFY(pdfs.keep(kept, {u"第一页"_s, u"我们提出扩散模型的蒸馏方法"_s}));
        QCOMPARE(found(u"fulltext:扩散模型"_s), QStringList{kOther});
        QCOMPARE(pdfMatchPages(m_db, query(u"fulltext:蒸馏"_s), {kOther}).value(kOther),
                 QList<int>{2});
        QVERIFY(pdfs.remove(kOther));
    }

    void fileNames()
    {
        QCOMPARE(pdfFileNameFor(u"hep-th/9901001"_s), u"hep-th_9901001.pdf"_s);
        QCOMPARE(QFileInfo(pdfPath(u"../../etc/passwd"_s)).fileName(), u"passwd"_s);
        QVERIFY(pdfPath(u"../../etc/passwd"_s).startsWith(pdfFolder() + u'/'));
        QCOMPARE(settings().urlFor(kId).path(), u"/pdf/2306.05544"_s);
        QVERIFY(isPdfContentType("Application/PDF; qs=0.9"));
        QVERIFY(!isPdfContentType("application/octet-stream"));
    }
};

QTEST_GUILESS_MAIN(TestPdfs)
#include "tst_pdfs.moc"
