#include "import/format_detect.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace paperboy;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    return file.readAll();
}

QByteArray readFixture(const QString &relativePath)
{
    return readFile(QStringLiteral(PAPERBOY_TEST_DATA) + u'/' + relativePath);
}

// What every recorded fixture is. The JSON files in arxiv-api/ and oai-pmh/ are test-tool
// recordings ({url, status_code, body} / nock lists) that wrap a response: not an input format.
InputFormat expectedFormat(const QString &relativePath)
{
    const QString directory = relativePath.section(u'/', 0, 0);
    const QString name = relativePath.section(u'/', -1);
    if (directory == "arxiv-api"_L1)
        return name.endsWith(".xml"_L1) ? InputFormat::ArxivApiAtom : InputFormat::Unknown;
    if (directory == "arxiv-rss"_L1)
        return InputFormat::ArxivRss;
    if (directory == "oai-pmh"_L1)
        return name.endsWith(".xml"_L1) ? InputFormat::OaiPmh : InputFormat::Unknown;
    if (directory == "digest-json"_L1)
        return InputFormat::DigestJsonl;
    if (directory == "digest-text"_L1)
        return InputFormat::DigestText;
    if (directory == "arxiv-snapshot"_L1)
        return InputFormat::ArxivSnapshotJsonl;
    // Databases of earlier schema versions and the SQL that fills them: not inputs at all.
    // Libraries of older versions, and the test server's certificate: not inputs to import.
    if (directory == "upgrades"_L1 || directory == "tls"_L1)
        return InputFormat(-2);
    // An error body is not a listing; the fetcher, which knows what it asked, reads it.
    if (directory == "hf-daily"_L1)
        return name.startsWith("hf_error"_L1) ? InputFormat::Unknown : InputFormat::HfDailyJson;
    return InputFormat(-1);
}

} // namespace

class TestFormatDetect : public QObject
{
    Q_OBJECT

private slots:
    void everyFixture_data();
    void everyFixture();
    void onlyTheHeadIsNeeded();
    void byteOrderMarkAndWhitespace();
    void negatives_data();
    void negatives();
    void digestTextVariants_data();
    void digestTextVariants();
    void atomFeedWithoutOpenSearch();
    void recordingWrappersAreNotResponses();
    void longFirstJsonLine();
    void names();
};

void TestFormatDetect::everyFixture_data()
{
    QTest::addColumn<QString>("relativePath");
    const QDir root(QStringLiteral(PAPERBOY_TEST_DATA));
    QDirIterator files(root.path(), QDir::Files, QDirIterator::Subdirectories);
    int count = 0;
    while (files.hasNext()) {
        const QString relative = root.relativeFilePath(files.next());
        QTest::newRow(qPrintable(relative)) << relative;
        ++count;
    }
    QVERIFY(count >= 33); // as many as there were when this test was written
}

void TestFormatDetect::everyFixture()
{
    QFETCH(QString, relativePath);
    const InputFormat expected = expectedFormat(relativePath);
    QVERIFY2(expected != InputFormat(-1),
             "a new fixture directory: add what its files are to expectedFormat()");
    if (expected == InputFormat(-2))
        QSKIP("an upgrade fixture or certificate, not an import format");
    const InputFormat detected = detectFormat(readFixture(relativePath));
    QVERIFY2(detected == expected, qPrintable(u"detected %1, expected %2"_s.arg(
                                       formatName(detected), formatName(expected))));
}

void TestFormatDetect::onlyTheHeadIsNeeded()
{
    const QByteArray rss = readFixture(u"arxiv-rss/rss_2024-11-28_first120items.xml"_s);
    QCOMPARE(detectFormat(rss.left(kFormatSniffBytes)), InputFormat::ArxivRss);
    QCOMPARE(detectFormat(rss.left(600)), InputFormat::ArxivRss);
    const QByteArray jsonl = readFixture(u"digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl"_s);
    QCOMPARE(detectFormat(jsonl.left(4096)), InputFormat::DigestJsonl);
    const QByteArray hf = readFixture(u"hf-daily/hf_daily_papers_2026-06-12_first15.json"_s);
    QCOMPARE(detectFormat(hf.left(100)), InputFormat::HfDailyJson);
}

void TestFormatDetect::byteOrderMarkAndWhitespace()
{
    const QByteArray oai = readFixture(u"oai-pmh/saelim_error_badArgument_2015.xml"_s);
    QCOMPARE(detectFormat("\xEF\xBB\xBF" + oai), InputFormat::OaiPmh);
    QCOMPARE(detectFormat("\r\n\t  " + oai), InputFormat::OaiPmh);
    const QByteArray text = readFixture(u"digest-text/meiri-xueshu-sudi_2024-03-14_cs.CV.txt"_s);
    QCOMPARE(detectFormat("\xEF\xBB\xBF\n" + text), InputFormat::DigestText);
    const QByteArray snapshot = readFixture(u"arxiv-snapshot/sample.jsonl"_s);
    QCOMPARE(detectFormat("\xEF\xBB\xBF" + snapshot), InputFormat::ArxivSnapshotJsonl);
}

void TestFormatDetect::negatives_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("whitespace") << QByteArray(" \n\t\r\n");
    QTest::newRow("bom only") << QByteArray("\xEF\xBB\xBF");
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage.append(char((i * 7919 + 13) % 256));
    QTest::newRow("binary") << garbage;
    QTest::newRow("binary starting like XML") << QByteArray("<\x00r\x00s\x00s\x00", 8);
    QTest::newRow("rate exceeded") << QByteArray("Rate exceeded.");
    QTest::newRow("html") << QByteArray("<!DOCTYPE html>\n<html><head><title>Example</title>"
                                        "</head><body><p>Hello</p></body></html>");
    QTest::newRow("html mentioning arxiv")
        << QByteArray("<html><body><a href=\"https://arxiv.org/abs/2306.01667\">paper</a>"
                      "</body></html>");
    QTest::newRow("other rss") << QByteArray("<?xml version=\"1.0\"?><rss version=\"2.0\">"
                                             "<channel><title>News</title></channel></rss>");
    QTest::newRow("other atom") << QByteArray("<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                                              "<title>Blog</title></feed>");
    QTest::newRow("json scalar list") << QByteArray("[1, 2, 3]");
    QTest::newRow("empty json list") << QByteArray("[]");
    QTest::newRow("json object") << QByteArray("{\"name\": \"x\"}\n");
    QTest::newRow("pretty-printed object with digest keys")
        << QByteArray("{\n  \"id\": \"2401.00001\",\n  \"summary\": \"s\",\n  \"abs\": \"a\"\n}\n");
    QTest::newRow("chinese abstract page")
        << QByteArray("<html><body>作者：张三<br>摘要：本文研究……</body></html>");
}

void TestFormatDetect::negatives()
{
    QFETCH(QByteArray, content);
    QCOMPARE(detectFormat(content), InputFormat::Unknown);
}

void TestFormatDetect::digestTextVariants_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("full-width colons, no header")
        << QByteArray("1.Some Title\n\n标题：某个标题\n\n作者：A. B\n\n"
                      "文章链接：https://arxiv.org/abs/2306.01667\n\n摘要：……\n");
    QTest::newRow("html copy with tags around labels")
        << QByteArray("<!DOCTYPE html><html><body><p><strong>标题</strong>:迈向情境场景理解</p>"
                      "<p><strong>作者</strong>：Ivana Balažević</p><p><b>文章链接</b>: "
                      "<a href=\"https://arxiv.org/abs/2306.01667\">link</a></p></body></html>");
    QTest::newRow("html header only")
        << QByteArray("<html><head><title>每日学术速递3.14</title></head><body></body></html>");
}

void TestFormatDetect::digestTextVariants()
{
    QFETCH(QByteArray, content);
    QCOMPARE(detectFormat(content), InputFormat::DigestText);
}

void TestFormatDetect::atomFeedWithoutOpenSearch()
{
    // No recording of rss.arxiv.org/atom/... exists (see SOURCES.md); this is its documented shape.
    const QByteArray feed =
        "<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
        "xmlns:arxiv=\"http://arxiv.org/schemas/atom\" xml:lang=\"en-us\">\n  <id>"
        "http://rss.arxiv.org/atom/cs.CV</id>\n  <title>cs.CV updates on arXiv.org</title>\n";
    QCOMPARE(detectFormat(feed), InputFormat::ArxivAtomFeed);
    QCOMPARE(detectFormat(QByteArray(feed).replace("<feed", "<atom:feed")),
             InputFormat::ArxivAtomFeed);
}

void TestFormatDetect::recordingWrappersAreNotResponses()
{
    // The wrapper embeds a real API answer as an escaped string; only real keys count.
    const QByteArray wrapper =
        readFixture(u"arxiv-api/arxivpy_q_testing_s0_m10_bc5a6c384fe9.json"_s);
    QVERIFY(wrapper.contains("<feed xmlns:opensearch"));
    QCOMPARE(detectFormat(wrapper), InputFormat::Unknown);
    const QByteArray nock = "[{\"scope\":\"https://huggingface.co\",\"response\":"
                            "\"[{\\\"paper\\\":{\\\"id\\\":\\\"2606.00467\\\"}}]\"}]";
    QCOMPARE(detectFormat(nock), InputFormat::Unknown);
}

void TestFormatDetect::longFirstJsonLine()
{
    // A record whose first line is longer than the sniffed head (thousands of authors).
    QByteArray authors;
    for (int i = 0; i < 3000; ++i)
        authors += "[\"Author" + QByteArray::number(i) + "\",\"A.\",\"\"],";
    authors.chop(1);
    const QByteArray snapshot = "{\"id\":\"1207.7214\",\"submitter\":\"ATLAS\",\"authors\":\"x\","
                                "\"authors_parsed\":[" +
                                authors + "]}\n";
    QVERIFY(snapshot.size() > kFormatSniffBytes);
    QCOMPARE(detectFormat(snapshot), InputFormat::ArxivSnapshotJsonl);

    const QByteArray digest = "{\"id\": \"1207.7214\", \"categories\": [\"hep-ex\"], \"pdf\": "
                              "\"https://arxiv.org/pdf/1207.7214\", \"authors\": [" +
                              QByteArray("\"Some Author\", ").repeated(2000) + "\"Last\"]}\n";
    QVERIFY(digest.size() > kFormatSniffBytes);
    QCOMPARE(detectFormat(digest), InputFormat::DigestJsonl);
}

void TestFormatDetect::names()
{
    const QStringList known = knownFormatNames();
    QCOMPARE(known.size(), 8);
    QVERIFY(!known.contains(formatName(InputFormat::Unknown)));
    QCOMPARE(formatName(InputFormat::Unknown), u"unknown format"_s);
    QCOMPARE(formatName(InputFormat::HfDailyJson), u"Hugging Face daily papers (JSON)"_s);
    QVERIFY(known.contains(formatName(InputFormat::OaiPmh)));
    QCOMPARE(QSet<QString>(known.begin(), known.end()).size(), known.size());
}

QTEST_APPLESS_MAIN(TestFormatDetect)
#include "tst_format_detect.moc"
