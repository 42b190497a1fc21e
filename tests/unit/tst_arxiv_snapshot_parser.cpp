#include "import/arxiv_snapshot_parser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace paperboy;

namespace {

// tests/data/arxiv-snapshot/sample.jsonl is hand-written in the snapshot's format (five
// records modelled on real ones), not a copy of the Kaggle file.
QByteArray readSample()
{
    QFile file(QStringLiteral(PAPERBOY_TEST_DATA) + u"/arxiv-snapshot/sample.jsonl"_s);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

} // namespace

class TestArxivSnapshotParser : public QObject
{
    Q_OBJECT

private slots:
    void sampleRecords();
    void multiVersionRecord();
    void oldStyleId();
    void latexAbstractKeepsParagraphs();
    void authorsWithoutParsedList();
    void texAccentsInParsedNames();
    void suffixAndMissingFields();
    void badLinesAreSkippedWithLineNumbers();
    void chunkOfOnlyBadLinesWarns();
    void chunkingGivesTheSameRecords_data();
    void chunkingGivesTheSameRecords();
    void nextCompleteLinesEnd();
    void manyRecords();
};

void TestArxivSnapshotParser::sampleRecords()
{
    const ParseResult result = parseArxivSnapshot(readSample());
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.digests.isEmpty());
    QVERIFY(result.warnings.isEmpty());
    QCOMPARE(result.papers.size(), 5);

    const Paper &first = result.papers.first();
    QCOMPARE(first.arxivId, u"0704.0001"_s);
    QCOMPARE(first.title, u"Calculation of prompt diphoton production cross sections at "
                          u"Tevatron and LHC energies"_s);
    QCOMPARE(first.authors, QStringList({u"C. Balázs"_s, u"E. L. Berger"_s, u"P. M. Nadolsky"_s,
                                         u"C. -P. Yuan"_s}));
    QCOMPARE(first.comment, u"37 pages, 15 figures; published version"_s);
    QCOMPARE(first.journalRef, u"Phys.Rev.D76:013009,2007"_s);
    QCOMPARE(first.doi, u"10.1103/PhysRevD.76.013009"_s);
    QCOMPARE(first.categories, QStringList{u"hep-ph"_s});
    QCOMPARE(first.primaryCategory, u"hep-ph"_s);
    QCOMPARE(first.version, 2);
    QCOMPARE(first.published, QDate(2007, 4, 2));
    QCOMPARE(first.updated, QDate(2008, 11, 13));
    QVERIFY(first.abstract.startsWith(u"A fully differential calculation in perturbative "
                                      u"quantum chromodynamics is presented for"_s));
    QVERIFY(!first.abstract.contains(u'\n'));
    QVERIFY(first.codeUrl.isEmpty());
}

void TestArxivSnapshotParser::multiVersionRecord()
{
    const Paper paper = parseArxivSnapshot(readSample()).papers.at(2);
    QCOMPARE(paper.arxivId, u"1706.03762"_s);
    QCOMPARE(paper.title, u"Attention Is All You Need"_s);
    QCOMPARE(paper.version, 7);
    QCOMPARE(paper.published, QDate(2017, 6, 12));
    QCOMPARE(paper.updated, QDate(2023, 8, 3));
    QCOMPARE(paper.categories, QStringList({u"cs.CL"_s, u"cs.LG"_s}));
    QCOMPARE(paper.authors.size(), 8);
    QCOMPARE(paper.authors.at(5), u"Aidan N. Gomez"_s);
    QVERIFY(paper.journalRef.isEmpty()); // null
    QVERIFY(paper.doi.isEmpty());
}

void TestArxivSnapshotParser::oldStyleId()
{
    const Paper paper = parseArxivSnapshot(readSample()).papers.at(1);
    QCOMPARE(paper.arxivId, u"math/0211159"_s);
    QCOMPARE(paper.authors, QStringList{u"Grisha Perelman"_s});
    QCOMPARE(paper.version, 1);
    QCOMPARE(paper.published, QDate(2002, 11, 11));
    QCOMPARE(paper.primaryCategory, u"math.DG"_s);
    QVERIFY(paper.abstract.contains(u"geometric applications are given.\nWe also verify"_s));
}

void TestArxivSnapshotParser::latexAbstractKeepsParagraphs()
{
    const Paper paper = parseArxivSnapshot(readSample()).papers.at(3);
    QCOMPARE(paper.arxivId, u"hep-th/9711200"_s);
    QCOMPARE(paper.version, 3);
    QCOMPARE(paper.published, QDate(1997, 11, 27));
    QVERIFY(paper.abstract.startsWith(u"We show that the large $N$ limit of certain conformal"_s));
    QVERIFY(paper.abstract.endsWith(
        u"${\\cal N} = 4$ $d=4$ $U(N)$ super-Yang-Mills theory is the same as type IIB "
        u"supergravity on $AdS_5 \\times S^5$."_s));
    QCOMPARE(paper.comment, u"20 pages, harvmac, v2: section on AdS$_2$ corrected, references "
                            u"added, v3: more references and a note added"_s);
    QCOMPARE(paper.doi, u"10.1023/A:1026654312961"_s);
}

void TestArxivSnapshotParser::authorsWithoutParsedList()
{
    // Without authors_parsed the raw string is split and its TeX accents become letters, so
    // the name reads (and searches) the same as in every other source.
    const Paper paper = parseArxivSnapshot(readSample()).papers.at(4);
    QCOMPARE(paper.arxivId, u"2306.01667"_s);
    QCOMPARE(paper.authors, QStringList({u"Ivana Bala\u017Eevi\u0107"_s, u"David Steiner"_s,
                                         u"Nikhil Parthasarathy"_s, u"Relja Arandjelovi\u0107"_s,
                                         u"Olivier J. H\u00E9naff"_s}));
    QCOMPARE(paper.updated, QDate(2023, 12, 14));

    const ParseResult oxford =
        parseArxivSnapshot(R"({"id":"2401.00001","authors":"A. One, B. Two, and C. Three"})");
    QCOMPARE(oxford.papers.first().authors, QStringList({u"A. One"_s, u"B. Two"_s, u"C. Three"_s}));

    // Affiliations in parentheses hold commas of their own; they are not authors.
    const ParseResult affiliated = parseArxivSnapshot(
        R"({"id":"2401.00002","authors":"Bj\\\"orn Ommer (LMU Munich, MCML), Przemys{\\l}aw Spurek and J. Doe"})");
    QCOMPARE(affiliated.papers.first().authors,
             QStringList({u"Bj\u00F6rn Ommer"_s, u"Przemys\u0142aw Spurek"_s, u"J. Doe"_s}));
}

void TestArxivSnapshotParser::texAccentsInParsedNames()
{
    const ParseResult result = parseArxivSnapshot(
        R"({"id":"0801.0001","authors_parsed":[["M\\\"uller","Bj\\\"orn",""],["\\v{S}imon","J.",""]]})");
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.papers.first().authors,
             QStringList({u"Bj\u00F6rn M\u00FCller"_s, u"J. \u0160imon"_s}));
}

void TestArxivSnapshotParser::suffixAndMissingFields()
{
    const ParseResult result = parseArxivSnapshot(
        R"({"id":"0705.0002","authors_parsed":[["King","Martin Luther","Jr"],["Plato","",""]],)"
        R"("versions":[{"version":"v2","created":"bad"},{"version":"v1","created":"Tue, 1 May 2007 08:00:00 GMT"}]})");
    QVERIFY2(result.ok(), qPrintable(result.error));
    const Paper &paper = result.papers.first();
    QCOMPARE(paper.authors, QStringList({u"Martin Luther King Jr"_s, u"Plato"_s}));
    QCOMPARE(paper.published, QDate(2007, 5, 1)); // v1, wherever it is in the list
    QCOMPARE(paper.version, 1);                   // the last entry's number
    QVERIFY(!paper.updated.isValid());
    QVERIFY(paper.title.isEmpty());
    QVERIFY(paper.categories.isEmpty());
}

void TestArxivSnapshotParser::badLinesAreSkippedWithLineNumbers()
{
    QList<QByteArray> lines = readSample().split('\n');
    lines.insert(2, "{\"id\":\"0704.0002\",\"title\":\"cut off");
    lines.insert(4, "");
    lines.insert(5, R"({"title":"no id"})");
    // The chunk is lines 1001.. of a bigger file.
    const ParseResult result = parseArxivSnapshot(lines.join('\n'), 1001);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.papers.size(), 5);
    QCOMPARE(result.warnings.size(), 2);
    QVERIFY2(result.warnings.at(0).contains(u"line 1003"_s), qPrintable(result.warnings.at(0)));
    QVERIFY2(result.warnings.at(1).contains(u"line 1006"_s), qPrintable(result.warnings.at(1)));
    QVERIFY(result.warnings.at(1).contains(u"no \"id\""_s));
    QCOMPARE(result.papers.at(2).arxivId, u"1706.03762"_s);
}

void TestArxivSnapshotParser::chunkOfOnlyBadLinesWarns()
{
    const ParseResult result = parseArxivSnapshot("\n\nnot json\n[1,2]\n", 41);
    QVERIFY(result.ok());
    QVERIFY(result.papers.isEmpty());
    QCOMPARE(result.warnings.size(), 2);
    QVERIFY2(result.warnings.at(0).contains(u"line 43: invalid JSON at column 1"_s),
             qPrintable(result.warnings.at(0)));
    QVERIFY2(result.warnings.at(1).contains(u"line 44: expected one JSON object"_s),
             qPrintable(result.warnings.at(1)));

    QByteArray manyBad;
    for (int i = 0; i < 25; ++i)
        manyBad += "x\n";
    const ParseResult capped = parseArxivSnapshot(manyBad);
    QCOMPARE(capped.warnings.size(), 21);
    QVERIFY2(capped.warnings.last().contains(u"5 more"_s), qPrintable(capped.warnings.last()));

    const ParseResult blank = parseArxivSnapshot(" \n\r\n");
    QVERIFY(blank.ok());
    QVERIFY(blank.papers.isEmpty());
}

void TestArxivSnapshotParser::chunkingGivesTheSameRecords_data()
{
    QTest::addColumn<int>("readSize");
    for (int size : {1, 7, 100, 1000, 4096, 100000})
        QTest::addRow("%d bytes", size) << size;
}

void TestArxivSnapshotParser::chunkingGivesTheSameRecords()
{
    QFETCH(int, readSize);
    // A bad line in the middle shows the line numbers survive the cutting.
    QList<QByteArray> lines = readSample().split('\n');
    lines.insert(3, "oops");
    const QByteArray file = lines.join('\n');

    QStringList ids;
    QStringList warnings;
    QByteArray buffer;
    int nextLine = 1;
    for (qsizetype offset = 0; offset < file.size(); offset += readSize) {
        buffer += file.mid(offset, readSize);
        const qsizetype end = ::paperboy::nextCompleteLinesEnd(buffer);
        if (end == 0)
            continue;
        const QByteArray complete = buffer.left(end);
        const ParseResult part = parseArxivSnapshot(complete, nextLine);
        QVERIFY2(part.ok(), qPrintable(part.error));
        for (const Paper &paper : part.papers)
            ids.append(paper.arxivId);
        warnings += part.warnings;
        nextLine += int(complete.count('\n'));
        buffer.remove(0, end);
    }
    QVERIFY(buffer.isEmpty()); // the sample ends with a newline
    QCOMPARE(ids, QStringList({u"0704.0001"_s, u"math/0211159"_s, u"1706.03762"_s,
                               u"hep-th/9711200"_s, u"2306.01667"_s}));
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().contains(u"line 4"_s), qPrintable(warnings.first()));
}

void TestArxivSnapshotParser::nextCompleteLinesEnd()
{
    QCOMPARE(::paperboy::nextCompleteLinesEnd(QByteArray()), 0);
    QCOMPARE(::paperboy::nextCompleteLinesEnd("{\"id\":"), 0);
    QCOMPARE(::paperboy::nextCompleteLinesEnd("{}\n{\"i"), 3);
    QCOMPARE(::paperboy::nextCompleteLinesEnd("{}\n{}\n"), 6);
}

void TestArxivSnapshotParser::manyRecords()
{
    // A smoke test of bulk speed: 20,000 records must not take long even in a debug build.
    const QByteArray sample = readSample();
    const QByteArray bulk = sample.repeated(4000);
    QElapsedTimer timer;
    timer.start();
    const ParseResult result = parseArxivSnapshot(bulk);
    const qint64 elapsed = timer.elapsed();
    QVERIFY(result.ok());
    QCOMPARE(result.papers.size(), 20000);
    QCOMPARE(result.papers.last().arxivId, u"2306.01667"_s);
    qInfo("parsed 20000 records in %lld ms", elapsed);
    QVERIFY2(elapsed < 20000, "parsing is far slower than expected");
}

QTEST_APPLESS_MAIN(TestArxivSnapshotParser)
#include "tst_arxiv_snapshot_parser.moc"
