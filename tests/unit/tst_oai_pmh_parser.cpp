#include "import/oai_pmh_parser.h"

#include <QFile>
#include <QTest>

using namespace paperboy;
using namespace Qt::StringLiterals;

namespace {

QByteArray readFixture(const QString &name)
{
    QFile file(QStringLiteral(PAPERBOY_TEST_DATA "/oai-pmh/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

ParseResult parseFixture(const QString &name)
{
    const QByteArray xml = readFixture(name);
    if (xml.isEmpty())
        return ParseResult::failure(u"fixture missing: "_s + name);
    return parseOaiPmh(xml);
}

const QString rawListing =
    u"saelim_ListRecords_arXivRaw_resumptionToken_2015_TRIMMED-BY-AUTHOR.xml"_s;

} // namespace

class TestOaiParser : public QObject
{
    Q_OBJECT

private slots:
    void arxivFormat();
    void arxivRawFormat();
    void arxivRawVersions();
    void noRecordsMatchIsEmptySuccess();
    void otherErrorsFail_data();
    void otherErrorsFail();
    void deletedRecordSkipped();
    void notAListing();
    void badInput_data();
    void badInput();
};

void TestOaiParser::arxivFormat()
{
    const ParseResult result = parseFixture(
        u"paperhive_nock_ListRecords_503-Retry-After_then_200_arXiv_2018.resp1_200.xml"_s);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.resumptionToken.isEmpty());
    QCOMPARE(result.totalResults, -1);
    QCOMPARE(result.papers.size(), 2);

    const Paper &first = result.papers.at(0);
    QCOMPARE(first.arxivId, u"1412.8544"_s);
    QCOMPARE(first.version, 0); // the arXiv format carries no version numbers
    QCOMPARE(first.title, u"A Kochen-Specker system has at least 22 vectors (extended abstract)"_s);
    QCOMPARE(first.authors, (QStringList{u"Sander Uijlen"_s, u"Bas Westerbaan"_s}));
    QCOMPARE(first.categories, QStringList{u"cs.DM"_s});
    QCOMPARE(first.primaryCategory, u"cs.DM"_s);
    QCOMPARE(first.comment, u"In Proceedings QPL 2014, arXiv:1412.8102"_s);
    QCOMPARE(first.journalRef, u"EPTCS 172, 2014, pp. 154-164"_s);
    QCOMPARE(first.doi, u"10.4204/EPTCS.172.11"_s);
    QCOMPARE(first.published, QDate(2014, 12, 29));
    QCOMPARE(first.updated, QDate(2014, 12, 29));
    QVERIFY(first.abstract.startsWith(u"At the heart of the Conway-Kochen Free Will theorem"_s));
    QVERIFY(first.abstract.endsWith(u"improve the lower bound to 22."_s));

    const Paper &second = result.papers.at(1);
    QCOMPARE(second.arxivId, u"hep-th/9504118"_s);
    QCOMPARE(second.authors, QStringList{u"M. Requardt"_s});
    QCOMPARE(second.categories, QStringList{u"hep-th"_s});
    QCOMPARE(second.published, QDate(1995, 4, 24));
    QVERIFY(second.abstract.contains(u"the \"strength\" of the bonds"_s));
}

void TestOaiParser::arxivRawFormat()
{
    const ParseResult result = parseFixture(rawListing);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.resumptionToken, u"726959|1001"_s);
    QCOMPARE(result.totalResults, 58011);
    QCOMPARE(result.papers.size(), 6);
    QVERIFY(result.warnings.isEmpty());

    const Paper &first = result.papers.at(0);
    QCOMPARE(first.arxivId, u"0704.0471"_s);
    QCOMPARE(first.title, u"Density dependence of the symmetry energy and the nuclear equation of "
                          u"state: A Dynamical and Statistical model perspective"_s);
    QCOMPARE(first.authors,
             (QStringList{u"D.V. Shetty"_s, u"S.J. Yennello"_s, u"G.A. Souliotis"_s}));
    QCOMPARE(first.categories, (QStringList{u"nucl-ex"_s, u"nucl-th"_s}));
    QCOMPARE(first.primaryCategory, u"nucl-ex"_s);
    // The record lists two DOIs (article and erratum); the article's is kept.
    QCOMPARE(first.doi, u"10.1103/PhysRevC.76.024606"_s);
    QCOMPARE(first.journalRef, u"Phys.Rev.C76:024606,2007; Erratum-ibid.C76:039902,2007"_s);

    QCOMPARE(result.papers.at(1).categories, (QStringList{u"math-ph"_s, u"math.MP"_s}));
    QCOMPARE(result.papers.at(1).journalRef,
             u"Polygons, polyominoes and polycubes, 247-299, Lecture Notes in Phys., 775, "
             u"Springer, Dordrecht, 2009"_s);
    QCOMPARE(result.papers.at(3).authors,
             (QStringList{u"Valeria M. Rosa"_s, u"Patricio S. letelier"_s}));
    QCOMPARE(result.papers.at(5).arxivId, u"0704.1586"_s);
    QCOMPARE(result.papers.at(5).title,
             u"Core excitation in the elastic scattering and breakup of $^{11}$Be on protons"_s);
    QCOMPARE(result.papers.at(5).authors, (QStringList{u"N.C. Summers"_s, u"F.M. Nunes"_s}));
}

void TestOaiParser::arxivRawVersions()
{
    const ParseResult result = parseFixture(rawListing);
    QVERIFY(result.ok());
    const Paper &single = result.papers.at(0);
    QCOMPARE(single.version, 1);
    QCOMPARE(single.published, QDate(2007, 4, 3));
    QCOMPARE(single.updated, QDate(2007, 4, 3));

    const Paper &four = result.papers.at(1);
    QCOMPARE(four.arxivId, u"0704.0716"_s);
    QCOMPARE(four.version, 4);
    QCOMPARE(four.published, QDate(2007, 4, 5));
    QCOMPARE(four.updated, QDate(2008, 11, 14));

    const Paper &three = result.papers.at(2);
    QCOMPARE(three.arxivId, u"0704.0874"_s);
    QCOMPARE(three.version, 3);
    QCOMPARE(three.published, QDate(2007, 4, 6));
    QCOMPARE(three.updated, QDate(2014, 11, 20));
}

void TestOaiParser::noRecordsMatchIsEmptySuccess()
{
    const ParseResult result = parseFixture(u"saelim_error_noRecordsMatch_2015.xml"_s);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.papers.isEmpty());
    QCOMPARE(result.totalResults, 0);
    QVERIFY(result.resumptionToken.isEmpty());
}

void TestOaiParser::otherErrorsFail_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("error");
    QTest::newRow("badArgument")
        << u"saelim_error_badArgument_2015.xml"_s
        << u"OAI-PMH error badArgument: Verb 'ListRecords', illegal argument 'identifier'."_s;
    QTest::newRow("badResumptionToken")
        << u"saelim_error_badResumptionToken_2015.xml"_s
        << u"OAI-PMH error badResumptionToken: The resumptionToken supplied is illegal for this "
           u"repository"_s;
}

void TestOaiParser::otherErrorsFail()
{
    QFETCH(QString, fixture);
    QFETCH(QString, error);
    const ParseResult result = parseFixture(fixture);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
}

void TestOaiParser::deletedRecordSkipped()
{
    const QByteArray xml = R"(<?xml version="1.0"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
<record><header status="deleted"><identifier>oai:arXiv.org:0704.0001</identifier></header></record>
<record><header><identifier>oai:arXiv.org:0704.0002</identifier></header><metadata>
<arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/"><id>0704.0002</id>
<version version="v2"><date>Sun, 1 Apr 2007 10:00:00 GMT</date></version>
<version version="v1"><date>Sat, 31 Mar 2007 20:00:00 GMT</date></version>
<title>T</title><authors>Bj\"orn One and {\O}ystein Two</authors><categories>cs.LG  stat.ML</categories>
</arXivRaw></metadata></record>
<resumptionToken cursor="1000" completeListSize="1002"></resumptionToken>
</ListRecords></OAI-PMH>)";
    const ParseResult result = parseOaiPmh(xml);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.papers.size(), 1);
    const Paper &paper = result.papers.first();
    QCOMPARE(paper.arxivId, u"0704.0002"_s);
    // Versions out of order: first version for published, highest for updated.
    QCOMPARE(paper.version, 2);
    QCOMPARE(paper.published, QDate(2007, 3, 31));
    QCOMPARE(paper.updated, QDate(2007, 4, 1));
    QCOMPARE(paper.authors, (QStringList{u"Björn One"_s, u"Øystein Two"_s}));
    QCOMPARE(paper.categories, (QStringList{u"cs.LG"_s, u"stat.ML"_s}));
    // An empty token marks the last page of a harvest.
    QVERIFY(result.resumptionToken.isEmpty());
    QCOMPARE(result.totalResults, 1002);
}

void TestOaiParser::notAListing()
{
    const ParseResult result =
        parseFixture(u"paperhive_nock_Identify_export.arxiv.org_2018.resp0_200.xml"_s);
    QVERIFY(result.ok());
    QVERIFY(result.papers.isEmpty());
    QCOMPARE(result.warnings.size(), 1);
}

void TestOaiParser::badInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("503 html page")
        << readFixture(
               u"paperhive_nock_ListRecords_503-Retry-After_then_200_arXiv_2018.resp0_503.html"_s)
        << u"not an OAI-PMH response: got HTML (\"Retry after 10 seconds\")"_s;
    QTest::newRow("rate exceeded") << QByteArray("Rate exceeded.\n")
                                   << u"not an OAI-PMH response: got text \"Rate exceeded.\""_s;
    QTest::newRow("empty") << QByteArray("\n") << u"empty response"_s;
    QByteArray truncated = readFixture(rawListing);
    truncated.truncate(truncated.indexOf("<id>0704.0874</id>"));
    QTest::newRow("truncated") << truncated
                               << u"truncated XML at line %1"_s.arg(truncated.count('\n') + 1);
    QTest::newRow("garbage") << QByteArray("<OAI-PMH><<<>>>") << u"malformed XML at line 1"_s;
    QTest::newRow("wrong root") << QByteArray("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>")
                                << u"not an OAI-PMH response: the document is <feed>"_s;
}

void TestOaiParser::badInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QVERIFY(!body.isNull());
    const ParseResult result = parseOaiPmh(body);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.startsWith(expected), qPrintable(result.error));
    QVERIFY(result.papers.isEmpty());
}

QTEST_APPLESS_MAIN(TestOaiParser)
#include "tst_oai_pmh_parser.moc"
