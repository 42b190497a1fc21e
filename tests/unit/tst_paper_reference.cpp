// "Add any paper" (issue #21): every form of arXiv reference people pass around is read to
// its id, and anything else is refused with a reason naming the input.

#include "core/paper_reference.h"

#include <QTest>

using namespace paperboy;
using namespace Qt::StringLiterals;

class TestPaperReference : public QObject
{
    Q_OBJECT

private slots:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void manyInOneText();
    void pastedTextWithNothingToAdd();
    void eachArgumentIsOneReference();
};

void TestPaperReference::accepted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("version");
    auto row = [](const char *name, const QString &text, const QString &id, int version = 0) {
        QTest::newRow(name) << text << id << version;
    };
    // New-style ids: 4 digits up to 2014, 5 from 2015, with or without a version.
    row("new 5 digits", u"2401.01234"_s, u"2401.01234"_s);
    row("new with version", u"2401.01234v2"_s, u"2401.01234"_s, 2);
    row("new 4 digits (2007)", u"0704.0001"_s, u"0704.0001"_s);
    row("new 4 digits (2014)", u"1412.6980v9"_s, u"1412.6980"_s, 9);
    row("surrounding space", u"  2306.05544 \n"_s, u"2306.05544"_s);
    // Old-style ids: archive, optional subject class, YYMMNNN.
    row("old", u"hep-th/9901001"_s, u"hep-th/9901001"_s);
    row("old with class", u"math.GT/0309136"_s, u"math.GT/0309136"_s);
    row("old with version", u"math/0211159v1"_s, u"math/0211159"_s, 1);
    row("old two-part archive", u"astro-ph/0601001"_s, u"astro-ph/0601001"_s);
    // The arXiv: prefix, any case, a space allowed.
    row("prefix", u"arXiv:2401.01234"_s, u"2401.01234"_s);
    row("prefix lower case", u"arxiv:2401.01234v3"_s, u"2401.01234"_s, 3);
    row("prefix with space", u"arXiv: hep-th/9901001"_s, u"hep-th/9901001"_s);
    // arxiv.org and export.arxiv.org: abs, pdf, html.
    row("abs", u"https://arxiv.org/abs/2401.01234"_s, u"2401.01234"_s);
    row("abs with version", u"https://arxiv.org/abs/2401.01234v2"_s, u"2401.01234"_s, 2);
    row("abs http www", u"http://www.arxiv.org/abs/2401.01234"_s, u"2401.01234"_s);
    row("abs old", u"https://arxiv.org/abs/hep-th/9901001v3"_s, u"hep-th/9901001"_s, 3);
    row("abs query", u"https://arxiv.org/abs/2401.01234?context=cs.CV"_s, u"2401.01234"_s);
    row("abs fragment", u"https://arxiv.org/abs/2401.01234v1#comments"_s, u"2401.01234"_s, 1);
    row("pdf", u"https://arxiv.org/pdf/2401.01234"_s, u"2401.01234"_s);
    row("pdf .pdf", u"https://arxiv.org/pdf/2401.01234v2.pdf"_s, u"2401.01234"_s, 2);
    row("pdf old .pdf", u"https://arxiv.org/pdf/math.GT/0309136v1.pdf"_s, u"math.GT/0309136"_s, 1);
    row("html", u"https://arxiv.org/html/2401.01234v1"_s, u"2401.01234"_s, 1);
    row("html section", u"https://arxiv.org/html/2401.01234v1/#S3"_s, u"2401.01234"_s, 1);
    row("html subpage", u"https://arxiv.org/html/2401.01234v2/index.html"_s, u"2401.01234"_s, 2);
    row("export abs", u"https://export.arxiv.org/abs/2401.01234"_s, u"2401.01234"_s);
    row("export pdf", u"http://export.arxiv.org/pdf/2401.01234v4.pdf?download=1"_s, u"2401.01234"_s,
        4);
    row("no scheme", u"arxiv.org/abs/2401.01234"_s, u"2401.01234"_s);
    // Other sites that name arXiv papers.
    row("alphaxiv abs", u"https://www.alphaxiv.org/abs/2401.01234"_s, u"2401.01234"_s);
    row("alphaxiv overview", u"https://alphaxiv.org/overview/2401.01234v2"_s, u"2401.01234"_s, 2);
    row("huggingface", u"https://huggingface.co/papers/2401.01234"_s, u"2401.01234"_s);
    row("huggingface no scheme", u"huggingface.co/papers/2306.05544"_s, u"2306.05544"_s);
    // arXiv's DOI.
    row("doi bare", u"10.48550/arXiv.2401.01234"_s, u"2401.01234"_s);
    row("doi lower case", u"10.48550/arxiv.2401.01234"_s, u"2401.01234"_s);
    row("doi prefix", u"doi:10.48550/arXiv.2401.01234"_s, u"2401.01234"_s);
    row("doi link", u"https://doi.org/10.48550/arXiv.2401.01234"_s, u"2401.01234"_s);
    row("doi dx link", u"http://dx.doi.org/10.48550/arXiv.hep-th/9901001"_s, u"hep-th/9901001"_s);
}

void TestPaperReference::accepted()
{
    QFETCH(QString, text);
    QFETCH(QString, id);
    QFETCH(int, version);
    QString error;
    const std::optional<PaperReference> reference = parsePaperReference(text, &error);
    QVERIFY2(reference, qPrintable(error));
    QCOMPARE(reference->id, id);
    QCOMPARE(reference->version, version);
}

void TestPaperReference::refused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("why"); // a piece of the reason
    auto row = [](const char *name, const QString &text, const QString &why) {
        QTest::newRow(name) << text << why;
    };
    row("empty", u"   "_s, u"nothing was given"_s);
    row("a word", u"diffusion"_s, u"no arXiv identifier"_s);
    row("month 13", u"2413.01234"_s, u"month 13"_s);
    row("month 00", u"2400.01234"_s, u"month 00"_s);
    row("4 digits after 2015", u"2401.1234"_s, u"five digits"_s);
    row("5 digits before 2015", u"1201.12345"_s, u"four digits"_s);
    row("before April 2007", u"0703.0001"_s, u"April 2007"_s);
    row("6 digits", u"2401.123456"_s, u"no arXiv identifier"_s);
    row("old id in 2010", u"hep-th/1001001"_s, u"1991 to 2007"_s);
    row("version 0", u"2401.01234v0"_s, u"v1"_s);
    row("other site", u"https://example.com/abs/2401.01234"_s, u"example.com"_s);
    row("arxiv listing", u"https://arxiv.org/list/cs.CV/new"_s, u"not a paper's"_s);
    row("arxiv abs without id", u"https://arxiv.org/abs/"_s, u"names no paper"_s);
    row("alphaxiv other page", u"https://www.alphaxiv.org/explore"_s, u"alphaXiv"_s);
    row("hf model page", u"https://huggingface.co/openai/whisper"_s, u"Hugging Face"_s);
    row("other doi", u"10.1145/3442188.3445922"_s, u"not one of arXiv's"_s);
    row("other doi link", u"https://doi.org/10.1038/nature14539"_s, u"not one of arXiv's"_s);
    row("ftp", u"ftp://arxiv.org/abs/2401.01234"_s, u"http and https"_s);
    row("bad id in a link", u"https://arxiv.org/abs/2401.1"_s, u"no arXiv identifier"_s);
}

void TestPaperReference::refused()
{
    QFETCH(QString, text);
    QFETCH(QString, why);
    QString error;
    QVERIFY(!parsePaperReference(text, &error));
    QVERIFY2(error.contains(u"'%1'"_s.arg(text.trimmed().isEmpty() ? text : text.trimmed())),
             qPrintable(error));
    QVERIFY2(error.contains(why), qPrintable(error));
}

void TestPaperReference::manyInOneText()
{
    const ReferenceList list = parsePaperReferences(
        u"Have a look at <https://arxiv.org/abs/2401.01234v2>, and also arXiv: 2306.05544 "
        "(and https://huggingface.co/papers/2401.01234 again).\n"
        "10.48550/arXiv.hep-th/9901001; \"https://www.alphaxiv.org/overview/2104.12255\""_s);
    QList<PaperReference> expected = {
        {u"2401.01234"_s, 2}, {u"2306.05544"_s, 0}, {u"hep-th/9901001"_s, 0}, {u"2104.12255"_s, 0}};
    QCOMPARE(list.papers, expected);
    // The words around them are refused one by one, each named.
    QVERIFY(list.refusedPieces.contains(u"Have"_s));
    QVERIFY(list.refusedPieces.contains(u"again"_s));
    QCOMPARE(list.refused.size(), list.refusedPieces.size());
    QVERIFY(list.refused.first().contains(u"'Have'"_s));
}

void TestPaperReference::pastedTextWithNothingToAdd()
{
    const ReferenceList list = parsePaperReferences(u"https://github.com/karpathy/nanoGPT"_s);
    QVERIFY(list.papers.isEmpty());
    QCOMPARE(list.refused.size(), 1);
    QVERIFY(list.refused.first().contains(u"github.com"_s));
    QVERIFY(parsePaperReferences(QString()).papers.isEmpty());
}

// The command line's arguments: each is one reference as written, never split, so an argument
// with a space in it is refused whole and named.
void TestPaperReference::eachArgumentIsOneReference()
{
    const ReferenceList list = parseEachPaperReference(
        {QStringLiteral("arXiv:2401.01234"), QStringLiteral("https://arxiv.org/abs/2401.01234v2"),
         QStringLiteral("2401.01234 hep-th/9901001"), QStringLiteral("hep-th/9901001")});
    QCOMPARE(list.papers.size(), 2);
    QCOMPARE(list.papers.at(0).id, QStringLiteral("2401.01234"));
    QCOMPARE(list.papers.at(0).version, 0);
    QCOMPARE(list.papers.at(1).id, QStringLiteral("hep-th/9901001"));
    QCOMPARE(list.refusedPieces, QStringList{QStringLiteral("2401.01234 hep-th/9901001")});
    QCOMPARE(list.refused.size(), 1);
    QVERIFY(list.refused.first().contains(QStringLiteral("2401.01234 hep-th/9901001")));
}

QTEST_APPLESS_MAIN(TestPaperReference)
#include "tst_paper_reference.moc"
