#include "import/arxiv_atom_parser.h"

#include <QFile>
#include <QTest>

using namespace paperboy;
using namespace Qt::StringLiterals;

namespace {

QByteArray readFixture(const QString &name)
{
    QFile file(QStringLiteral(PAPERBOY_TEST_DATA "/arxiv-api/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

ParseResult parseFixture(const QString &name)
{
    const QByteArray xml = readFixture(name);
    if (xml.isEmpty())
        return ParseResult::failure(u"fixture missing: "_s + name);
    return parseArxivAtom(xml);
}

} // namespace

class TestAtomParser : public QObject
{
    Q_OBJECT

private slots:
    void newFormatSearch();
    void newFormatUtf8Authors();
    void paperTitledZero();
    void oldStyleIdAndAffiliations();
    void legacyFormatWrappedText();
    void legacyMissingIdsAreSkipped();
    void newFormatLinksWithoutRel();
    void emptyResult();
    void errorEntry();
    void texAccentsAndDoiLink();
    void badInput_data();
    void badInput();
};

void TestAtomParser::newFormatSearch()
{
    const ParseResult result = parseFixture(u"arxivpy_q_testing_s0_m10_bc5a6c384fe9.body.xml"_s);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.digests.isEmpty());
    QCOMPARE(result.totalResults, 214881);
    QCOMPARE(result.papers.size(), 10);

    const Paper &first = result.papers.first();
    QCOMPARE(first.arxivId, u"2202.12139"_s);
    QCOMPARE(first.version, 1);
    QCOMPARE(first.title,
             u"Testing Deep Learning Models: A First Comparative Study of Multiple Testing "
             u"Techniques"_s);
    QCOMPARE(first.authors,
             (QStringList{u"Mohit Kumar Ahuja"_s, u"Arnaud Gotlieb"_s, u"Helge Spieker"_s}));
    QCOMPARE(first.categories, (QStringList{u"cs.SE"_s, u"cs.LG"_s}));
    QCOMPARE(first.primaryCategory, u"cs.SE"_s);
    QCOMPARE(first.doi, u"10.1109/ICSTW55395.2022.00035"_s);
    QCOMPARE(first.comment,
             u"Artificial Intelligence in Software Testing 2022 workshop @ ICST 2022"_s);
    QVERIFY(first.journalRef.startsWith(u"Artificial Intelligence in Software Testing @ 2022"_s));
    QVERIFY(first.abstract.startsWith(u"Deep Learning (DL) has revolutionized"_s));
    QCOMPARE(first.published, QDate(2022, 2, 24));

    const Paper &third = result.papers.at(2);
    QCOMPARE(third.arxivId, u"2005.14124"_s);
    QCOMPARE(third.version, 2);
    QCOMPARE(third.categories, (QStringList{u"cs.SE"_s, u"cs.CR"_s, u"cs.LG"_s}));
    QCOMPARE(third.published, QDate(2020, 5, 28));
    QCOMPARE(third.updated, QDate(2020, 7, 16));

    // Primary category first even when it is not the first <category>.
    const Paper &hardware = result.papers.at(7);
    QCOMPARE(hardware.arxivId, u"1205.1866"_s);
    QCOMPARE(hardware.primaryCategory, u"cs.AR"_s);
    QVERIFY(hardware.journalRef.isEmpty());
    QCOMPARE(result.papers.last().arxivId, u"1812.11470"_s);
    QVERIFY(result.warnings.isEmpty());
}

void TestAtomParser::newFormatUtf8Authors()
{
    const ParseResult result = parseFixture(u"arxivpy_q_testing_s0_m10_bc5a6c384fe9.body.xml"_s);
    QVERIFY(result.ok());
    QCOMPARE(result.papers.at(1).authors, (QStringList{u"Aurora Ramírez"_s, u"Mario Berrios"_s,
                                                       u"José Raúl Romero"_s, u"Robert Feldt"_s}));
    QCOMPARE(result.papers.at(4).title,
             u"ChatGPT and Software Testing Education: Promises & Perils"_s);
}

void TestAtomParser::paperTitledZero()
{
    const ParseResult result =
        parseFixture(u"arxivpy_id_2104.12255v1_s0_m100_6ae69987ffe1.body.xml"_s);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.totalResults, 1);
    QCOMPARE(result.papers.size(), 1);
    const Paper &paper = result.papers.first();
    QCOMPARE(paper.arxivId, u"2104.12255"_s);
    QCOMPARE(paper.version, 1);
    QCOMPARE(paper.title, u"0"_s);
    QCOMPARE(paper.authors, QStringList{u"Quan Thoi Minh Nguyen"_s});
    QCOMPARE(paper.categories, QStringList{u"cs.CR"_s});
    QVERIFY(paper.abstract.startsWith(u"What is the funniest number in cryptography? 0."_s));
}

void TestAtomParser::oldStyleIdAndAffiliations()
{
    const ParseResult result =
        parseFixture(u"arxivpy_id_astro-ph_0601001_s0_m100_3150dca9dc76.body.xml"_s);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.papers.size(), 1);
    const Paper &paper = result.papers.first();
    QCOMPARE(paper.arxivId, u"astro-ph/0601001"_s);
    QCOMPARE(paper.version, 1);
    // Names only: <arxiv:affiliation> stays out of the author list.
    QCOMPARE(paper.authors, (QStringList{u"Andrew Gould"_s, u"Susan Dorsher"_s, u"B. Scott Gaudi"_s,
                                         u"Andrzej Udalski"_s}));
    QCOMPARE(paper.categories, QStringList{u"astro-ph"_s});
    QCOMPARE(paper.journalRef, u"ActaAstron.56:1-50,2006"_s);
    QVERIFY(paper.abstract.startsWith(u"We derive the frequencies of hot Jupiters"_s));
    QVERIFY(paper.abstract.contains(u"(1/310)(1^{+1.39}_{-0.59})"_s));
    QVERIFY(paper.abstract.contains(u"V_max<17.5"_s));
    // The comment links a PostScript file, which is not code.
    QVERIFY(paper.codeUrl.isEmpty());
    QCOMPARE(paper.published, QDate(2006, 1, 2));
}

void TestAtomParser::legacyFormatWrappedText()
{
    const ParseResult result = parseFixture(u"legacy2016_search_au_del_maestro.xml"_s);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.totalResults, 31);
    QCOMPARE(result.papers.size(), 10);
    QCOMPARE(result.papers.first().arxivId, u"1201.4869"_s);
    QCOMPARE(result.papers.first().doi, u"10.1142/S021797921244002X"_s);

    const Paper &old = result.papers.at(1);
    QCOMPARE(old.arxivId, u"cond-mat/0412498"_s);
    QCOMPARE(old.version, 1);
    QCOMPARE(old.authors, (QStringList{u"Adrian Del Maestro"_s, u"Subir Sachdev"_s}));
    QCOMPARE(old.categories, (QStringList{u"cond-mat.str-el"_s, u"cond-mat.stat-mech"_s}));

    const Paper &wrapped = result.papers.at(2);
    QCOMPARE(wrapped.title, u"From stripe to checkerboard order on the square lattice in the "
                            u"presence of quenched disorder"_s);
    QVERIFY(!wrapped.abstract.contains(u'\n'));
    QVERIFY(!wrapped.abstract.startsWith(u' '));

    const Paper &revised = result.papers.at(6);
    QCOMPARE(revised.arxivId, u"1412.6529"_s);
    QCOMPARE(revised.comment,
             u"10 pages, 8 figures; updated figure 5, added references, revised text, "
             u"reformatted"_s);
    QCOMPARE(revised.published, QDate(2014, 12, 19));
    QCOMPARE(revised.updated, QDate(2015, 2, 25));
}

void TestAtomParser::legacyMissingIdsAreSkipped()
{
    const ParseResult result = parseFixture(u"legacy2025-08_id_list_missing_ids.xml"_s);
    QVERIFY2(result.ok(), qPrintable(result.error));
    // totalResults counts the unknown ids too; only one real paper comes back.
    QCOMPARE(result.totalResults, 4);
    QCOMPARE(result.papers.size(), 1);
    const Paper &paper = result.papers.first();
    QCOMPARE(paper.arxivId, u"2201.13452"_s);
    QCOMPARE(paper.title, u"Asymptotic Analysis for a Nonlinear Reaction-Diffusion System "
                          u"Modeling an Infectious Disease"_s);
    // The MSC class "35" is a category term in the legacy format, not an arXiv category.
    QCOMPARE(paper.categories, QStringList{u"math.AP"_s});
    QCOMPARE(paper.comment, u"34 pages"_s);
    QCOMPARE(paper.updated, QDate(2022, 1, 31));
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY(result.warnings.first().startsWith(u"3 empty entries"_s));
}

void TestAtomParser::newFormatLinksWithoutRel()
{
    const ParseResult result =
        parseFixture(u"new2025-11-11_id_list_missing_ids_links_without_rel.xml"_s);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.totalResults, 1);
    QCOMPARE(result.papers.size(), 1);
    const Paper &paper = result.papers.first();
    QCOMPARE(paper.arxivId, u"2201.13452"_s);
    QCOMPARE(paper.version, 1);
    QCOMPARE(paper.authors, (QStringList{u"Hong-Ming Yin"_s, u"Jun Zou"_s}));
    QCOMPARE(paper.categories, QStringList{u"math.AP"_s});
    QCOMPARE(paper.published, QDate(2022, 1, 31));
    // The new backend reports a different <updated> for the same version than the legacy one.
    QCOMPARE(paper.updated, QDate(2022, 2, 1));
    QVERIFY(result.warnings.isEmpty());

    // Without <id>, the abs link (no rel) still identifies the paper.
    QByteArray withoutId =
        readFixture(u"new2025-11-11_id_list_missing_ids_links_without_rel.xml"_s);
    withoutId.replace("<id>http://arxiv.org/abs/2201.13452v1</id>", "");
    const ParseResult fallback = parseArxivAtom(withoutId);
    QVERIFY(fallback.ok());
    QCOMPARE(fallback.papers.size(), 1);
    QCOMPARE(fallback.papers.first().arxivId, u"2201.13452"_s);
}

void TestAtomParser::emptyResult()
{
    const ParseResult result =
        parseFixture(u"arxivpy_id_0000.0000_s0_m100_8b51d9633a68.body.xml"_s);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.totalResults, 0);
    QVERIFY(result.papers.isEmpty());
}

void TestAtomParser::errorEntry()
{
    const ParseResult result = parseFixture(u"arxivpy_id_abc_s0_m100_b79c8dcf6bc3.body.xml"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, u"incorrect id format for abc"_s);
    QVERIFY(result.papers.isEmpty());
}

void TestAtomParser::texAccentsAndDoiLink()
{
    const QByteArray xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <entry>
    <id>http://arxiv.org/abs/2411.00002v2</id>
    <title>A   title</title>
    <summary>Code: https://github.com/a/b.</summary>
    <author><name>Bj\"orn  Przemys{\l}aw</name></author>
    <author><name>\v{S}imon</name></author>
    <category term="cs.CV"/><category term="I.2.10"/><category term="cs.CV"/>
    <link title="doi" href="http://dx.doi.org/10.1000/xyz" rel="related"/>
    <arxiv:comment>Project page: https://a.github.io/b</arxiv:comment>
  </entry>
</feed>)";
    const ParseResult result = parseArxivAtom(xml);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.totalResults, -1);
    QCOMPARE(result.papers.size(), 1);
    const Paper &paper = result.papers.first();
    QCOMPARE(paper.title, u"A title"_s);
    QCOMPARE(paper.authors, (QStringList{u"Björn Przemysław"_s, u"Šimon"_s}));
    QCOMPARE(paper.categories, QStringList{u"cs.CV"_s});
    QCOMPARE(paper.primaryCategory, u"cs.CV"_s);
    QCOMPARE(paper.doi, u"10.1000/xyz"_s);
    QCOMPARE(paper.codeUrl, u"https://github.com/a/b"_s);
    QCOMPARE(paper.codeUrlSource, u"abstract"_s);
    QCOMPARE(paper.projectUrl, u"https://a.github.io/b"_s);
}

void TestAtomParser::badInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("html") << QByteArray("<!doctype html><html><head><title>403 Forbidden</title>"
                                        "</head></html>")
                          << u"not an arXiv API response: got HTML (\"403 Forbidden\")"_s;
    QTest::newRow("rate exceeded") << QByteArray("Rate exceeded.")
                                   << u"not an arXiv API response: got text \"Rate exceeded.\""_s;
    QTest::newRow("empty") << QByteArray() << u"empty response"_s;
    QTest::newRow("binary") << QByteArray("\x1f\x8b\x08\0\0\0\0\0\0\x03", 10)
                            << u"not an arXiv API response: got binary data"_s;
    QTest::newRow("rss instead") << QByteArray("<rss version=\"2.0\"><channel/></rss>")
                                 << u"not an arXiv API response: the document is <rss>"_s;
    // A real response cut in the middle of its second entry.
    QByteArray truncated = readFixture(u"arxivpy_q_testing_s0_m10_bc5a6c384fe9.body.xml"_s);
    truncated.truncate(truncated.indexOf("Towards Explainable Test Case"));
    QTest::newRow("truncated") << truncated
                               << u"truncated XML at line %1"_s.arg(truncated.count('\n') + 1);
    QTest::newRow("atom without namespace")
        << QByteArray("<feed></feed>") << u"not an arXiv API response"_s;
}

void TestAtomParser::badInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const ParseResult result = parseArxivAtom(body);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.startsWith(expected), qPrintable(result.error));
    QVERIFY(result.papers.isEmpty());
}

QTEST_APPLESS_MAIN(TestAtomParser)
#include "tst_arxiv_atom_parser.moc"
