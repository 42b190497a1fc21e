#include "import/digest_jsonl_parser.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace paperboy;

namespace {

QByteArray readFixture(const QString &relativePath)
{
    QFile file(QStringLiteral(PAPERBOY_TEST_DATA) + u'/' + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

const QString kFriday = u"digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl"_s;
const QString kSaturday = u"digest-json/daily-arXiv-ai-enhanced_2026-06-13.jsonl"_s;

Digest parseFixture(const QString &path)
{
    const ParseResult result = parseDigestJsonl(readFixture(path), dateFromDigestName(path));
    if (!result.ok() || result.digests.size() != 1)
        qFatal("cannot parse %s: %s", qPrintable(path), qPrintable(result.error));
    return result.digests.first();
}

const DigestEntry *findEntry(const Digest &digest, const QString &arxivId)
{
    for (const DigestEntry &entry : digest.entries) {
        if (entry.paper.arxivId == arxivId)
            return &entry;
    }
    return nullptr;
}

} // namespace

class TestDigestJsonlParser : public QObject
{
    Q_OBJECT

private slots:
    void fridayDigest();
    void firstEntries();
    void repeatedLinesBecomeOneEntry();
    void saturdayRepeatsFriday();
    void abstractChangedBetweenFetches();
    void aiSummary();
    void versionFromId();
    void blankLinesAndCrlf();
    void malformedLineFailsWholeFile_data();
    void malformedLineFailsWholeFile();
    void missingDateFails();
    void dateFromName_data();
    void dateFromName();
    void sameListingNeedsEqualSets();
    void fidelity();
    void notJsonLines();
    void languageCodes();
};

void TestDigestJsonlParser::fridayDigest()
{
    const ParseResult result = parseDigestJsonl(readFixture(kFriday), QDate(2026, 6, 12));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.digests.size(), 1);
    const Digest &digest = result.digests.first();
    QCOMPARE(digest.date, QDate(2026, 6, 12));
    QCOMPARE(digest.source, u"digest-json"_s);
    QCOMPARE(digest.title, u"daily-arXiv-ai-enhanced"_s);
    QCOMPARE(digest.category, u"cs.AI cs.CE cs.CL cs.CV cs.GT cs.IT"_s);
    QVERIFY(!digest.sameAs.isValid());
    // 314 lines, but 62 papers are listed more than once (once per category the scraper read).
    QCOMPARE(digest.entries.size(), 250);
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY2(result.warnings.first().contains(u"64 lines repeated"_s),
             qPrintable(result.warnings.first()));
    for (int i = 0; i < digest.entries.size(); ++i)
        QCOMPARE(digest.entries.at(i).position, i + 1);
}

void TestDigestJsonlParser::firstEntries()
{
    const Digest digest = parseFixture(kFriday);
    const DigestEntry &first = digest.entries.first();
    QCOMPARE(first.paper.arxivId, u"2606.12785"_s);
    QCOMPARE(first.paper.version, 0);
    QCOMPARE(
        first.paper.title,
        u"The No-show Paradox in Single Transferable Vote under One-dimensional Preferences"_s);
    QCOMPARE(first.paper.authors, QStringList{u"Farhad Mohsin"_s});
    QCOMPARE(first.paper.categories, QStringList{u"cs.GT"_s});
    QCOMPARE(first.paper.primaryCategory, u"cs.GT"_s);
    QVERIFY(first.paper.comment.isEmpty()); // null in the file
    QVERIFY(first.paper.abstract.startsWith(u"The group no-show paradox (GNSP) occurs"_s));
    QVERIFY(first.ai.isEmpty());
    QVERIFY(first.ai.language.isEmpty());

    const DigestEntry &second = digest.entries.at(1);
    QCOMPARE(second.paper.arxivId, u"2606.13057"_s);
    QCOMPARE(second.paper.authors,
             QStringList({u"Xiaohui Bei"_s, u"Ke Ding"_s, u"Bo Li"_s, u"Fangxiao Wang"_s}));

    const DigestEntry &sixth = digest.entries.at(5);
    QCOMPARE(sixth.paper.arxivId, u"2606.13255"_s);
    QCOMPARE(sixth.paper.categories, QStringList({u"cs.CE"_s, u"math.NA"_s}));
    QCOMPARE(sixth.paper.primaryCategory, u"cs.CE"_s);
    QVERIFY(sixth.paper.comment.startsWith(u"16 pages, 4 figures. Submitted to the 26th"_s));

    QCOMPARE(digest.entries.last().paper.arxivId, u"2606.13670"_s);
    QCOMPARE(digest.entries.last().paper.authors.size(), 10);
}

void TestDigestJsonlParser::repeatedLinesBecomeOneEntry()
{
    const Digest digest = parseFixture(kFriday);
    QSet<QString> ids;
    for (const DigestEntry &entry : digest.entries)
        ids.insert(entry.paper.arxivId);
    QCOMPARE(ids.size(), digest.entries.size());
    // 2606.13255 is on lines 6 and 13; it keeps the place of its first line.
    QCOMPARE(digest.entries.at(5).paper.arxivId, u"2606.13255"_s);
    QCOMPARE(digest.entries.at(11).position, 12);
    QVERIFY(digest.entries.at(11).paper.arxivId != u"2606.13255"_s);
}

void TestDigestJsonlParser::saturdayRepeatsFriday()
{
    const Digest friday = parseFixture(kFriday);
    const Digest saturday = parseFixture(kSaturday);
    QCOMPARE(saturday.date, QDate(2026, 6, 13));
    QCOMPARE(saturday.entries.size(), 250);
    // Same papers in another order.
    QCOMPARE(saturday.entries.first().paper.arxivId, u"2606.12562"_s);
    QVERIFY(friday.entries.first().paper.arxivId != saturday.entries.first().paper.arxivId);
    QVERIFY(sameListing(friday, saturday));
    QVERIFY(sameListing(saturday, friday));
}

void TestDigestJsonlParser::abstractChangedBetweenFetches()
{
    const Digest friday = parseFixture(kFriday);
    const Digest saturday = parseFixture(kSaturday);
    QStringList differing;
    for (const DigestEntry &entry : friday.entries) {
        const DigestEntry *other = findEntry(saturday, entry.paper.arxivId);
        QVERIFY(other);
        if (other->paper.abstract != entry.paper.abstract)
            differing.append(entry.paper.arxivId);
        QCOMPARE(other->paper.title, entry.paper.title);
    }
    QCOMPARE(differing, QStringList{u"2606.13247"_s});
    // The only change is a paragraph break arXiv dropped between the two fetches.
    const QString fridayAbstract = findEntry(friday, u"2606.13247"_s)->paper.abstract;
    const QString saturdayAbstract = findEntry(saturday, u"2606.13247"_s)->paper.abstract;
    QVERIFY(fridayAbstract.contains(u"ablation studies.\nThe effect is more pronounced"_s));
    QVERIFY(saturdayAbstract.contains(u"ablation studies. The effect is more pronounced"_s));
    QCOMPARE(QString(fridayAbstract).replace(u'\n', u' '), saturdayAbstract);
}

void TestDigestJsonlParser::aiSummary()
{
    // Neither recorded file carries the AI block, so it is written here in the documented shape.
    const QByteArray line =
        R"({"id":"2403.08000","categories":["cs.CV","cs.LG"],"pdf":"https://arxiv.org/pdf/2403.08000",)"
        R"("abs":"https://arxiv.org/abs/2403.08000","authors":["A. One","B. Two"],"title":"T",)"
        R"("comment":"8 pages","summary":"S.","AI":{"tldr":"一句话总结","motivation":"动机",)"
        R"("method":"方法","result":"结果","conclusion":"结论"}})";
    const ParseResult zh = parseDigestJsonl(line, QDate(2024, 3, 14));
    QVERIFY2(zh.ok(), qPrintable(zh.error));
    const DigestEntry &entry = zh.digests.first().entries.first();
    QCOMPARE(entry.ai.language, u"zh"_s);
    QCOMPARE(entry.ai.tldr, u"一句话总结"_s);
    QCOMPARE(entry.ai.motivation, u"动机"_s);
    QCOMPARE(entry.ai.method, u"方法"_s);
    QCOMPARE(entry.ai.result, u"结果"_s);
    QCOMPARE(entry.ai.conclusion, u"结论"_s);
    QCOMPARE(entry.paper.comment, u"8 pages"_s);
    QCOMPARE(zh.digests.first().category, u"cs.CV"_s);

    const ParseResult en = parseDigestJsonl(line, QDate(2024, 3, 14), u"en"_s);
    QCOMPARE(en.digests.first().entries.first().ai.language, u"en"_s);
}

void TestDigestJsonlParser::versionFromId()
{
    const ParseResult result = parseDigestJsonl(
        R"({"id":"2306.01667v3","categories":["cs.CV"],"title":"x","summary":"y"})",
        QDate(2024, 3, 14));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.digests.first().entries.first().paper.arxivId, u"2306.01667"_s);
    QCOMPARE(result.digests.first().entries.first().paper.version, 3);
}

void TestDigestJsonlParser::blankLinesAndCrlf()
{
    const QByteArray data = "\r\n{\"id\":\"2401.00001\",\"title\":\"a\"}\r\n   \r\n"
                            "{\"id\":\"2401.00002\",\"title\":\"b\"}";
    const ParseResult result = parseDigestJsonl(data, QDate(2024, 1, 2));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.digests.first().entries.size(), 2);
    QCOMPARE(result.digests.first().entries.at(1).paper.arxivId, u"2401.00002"_s);
    QCOMPARE(result.digests.first().entries.at(1).position, 2);
    QVERIFY(result.warnings.isEmpty());

    const ParseResult empty = parseDigestJsonl("\n\n", QDate(2024, 1, 2));
    QVERIFY(empty.ok());
    QCOMPARE(empty.digests.size(), 1);
    QVERIFY(empty.digests.first().entries.isEmpty());
    QCOMPARE(empty.warnings.size(), 1);
}

void TestDigestJsonlParser::malformedLineFailsWholeFile_data()
{
    QTest::addColumn<QByteArray>("badLine");
    QTest::addColumn<QString>("expected");
    QTest::newRow("truncated") << QByteArray(R"({"id":"2606.99999","title":"cut off)")
                               << u"invalid JSON"_s;
    QTest::newRow("array") << QByteArray(R"(["2606.99999"])") << u"one JSON object"_s;
    QTest::newRow("no id") << QByteArray(R"({"title":"x"})") << u"no \"id\""_s;
    QTest::newRow("bad id") << QByteArray(R"({"id":"not-an-id"})") << u"not-an-id"_s;
}

void TestDigestJsonlParser::malformedLineFailsWholeFile()
{
    QFETCH(QByteArray, badLine);
    QFETCH(QString, expected);
    // Insert the bad line as line 101 of the real file.
    QList<QByteArray> lines = readFixture(kFriday).split('\n');
    lines.insert(100, badLine);
    const ParseResult result = parseDigestJsonl(lines.join('\n'), QDate(2026, 6, 12));
    QVERIFY(!result.ok());
    QCOMPARE(result.errorLine, 101);
    QVERIFY2(result.error.contains(u"line 101"_s), qPrintable(result.error));
    QVERIFY2(result.error.contains(expected), qPrintable(result.error));
    QVERIFY(result.digests.isEmpty());
}

void TestDigestJsonlParser::missingDateFails()
{
    const ParseResult result = parseDigestJsonl(readFixture(kFriday), QDate());
    QVERIFY(!result.ok());
    QVERIFY(result.digests.isEmpty());
}

void TestDigestJsonlParser::dateFromName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("fixture") << kFriday << QDate(2026, 6, 12);
    QTest::newRow("url") << u"https://raw.githubusercontent.com/dw-dengwei/daily-arXiv-ai-enhanced/"
                            u"data/data/2026-06-13.jsonl"_s
                         << QDate(2026, 6, 13);
    QTest::newRow("last date wins")
        << u"/backup/2025-01-01/2026-06-12_AI_enhanced_Chinese.jsonl"_s << QDate(2026, 6, 12);
    QTest::newRow("invalid day skipped") << u"2026-06-12/2026-02-30.jsonl"_s << QDate(2026, 6, 12);
    QTest::newRow("longer number") << u"12026-06-120.jsonl"_s << QDate();
    QTest::newRow("none") << u"digest.jsonl"_s << QDate();
}

void TestDigestJsonlParser::dateFromName()
{
    QFETCH(QString, name);
    QFETCH(QDate, expected);
    QCOMPARE(dateFromDigestName(name), expected);
}

void TestDigestJsonlParser::sameListingNeedsEqualSets()
{
    Digest a;
    Digest b;
    QVERIFY(!sameListing(a, b)); // an empty day repeats nothing
    DigestEntry one;
    one.paper.arxivId = u"2401.00001"_s;
    DigestEntry two;
    two.paper.arxivId = u"2401.00002"_s;
    a.entries = {one, two};
    b.entries = {two};
    QVERIFY(!sameListing(a, b));
    b.entries = {two, one};
    QVERIFY(sameListing(a, b));
    b.entries = {two, one, one};
    QVERIFY(sameListing(a, b));
}

void TestDigestJsonlParser::fidelity()
{
    // TeX accents in names become letters; LaTeX in titles and abstracts stays; every
    // category is kept in order; an old-style id keeps its archive; the version comes from
    // the PDF link when the id has none.
    const QByteArray lines =
        R"({"id":"math/0211159","categories":["math.DG","math.MG"],"pdf":"https://arxiv.org/pdf/math/0211159v1",)"
        R"("abs":"https://arxiv.org/abs/math/0211159","authors":["Grisha  Perelman","Bj\\\"orn M\\\"uller"],)"
        R"("title":"The entropy formula for the Ricci flow\n  and its $\\mathbb{R}^3$ applications",)"
        R"("comment":null,"summary":"We present a monotonic expression\nfor the Ricci\n  flow."})"
        "\n"
        R"({"id":"2306.01667","categories":"cs.CV cs.LG","pdf":"https://arxiv.org/pdf/2306.01667v2",)"
        R"("authors":"Ivana Bala\\v{z}evi\\'c, David Steiner (DeepMind, London) and Olivier J. H\\'enaff",)"
        R"("title":"Towards In-context Scene Understanding","summary":"S."})";
    const ParseResult result = parseDigestJsonl(lines, QDate(2026, 6, 12));
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QList<DigestEntry> &entries = result.digests.first().entries;
    QCOMPARE(entries.size(), 2);
    const Paper &old = entries.at(0).paper;
    QCOMPARE(old.arxivId, u"math/0211159"_s);
    QCOMPARE(old.version, 1);
    QCOMPARE(old.categories, QStringList({u"math.DG"_s, u"math.MG"_s}));
    QCOMPARE(old.primaryCategory, u"math.DG"_s);
    QCOMPARE(old.authors, QStringList({u"Grisha Perelman"_s, u"Bj\u00F6rn M\u00FCller"_s}));
    QCOMPARE(old.title,
             u"The entropy formula for the Ricci flow and its $\\mathbb{R}^3$ applications"_s);
    // A plain newline is wrapping, a newline with indentation a new paragraph.
    QCOMPARE(old.abstract, u"We present a monotonic expression for the Ricci\nflow."_s);
    QVERIFY(old.comment.isEmpty());
    const Paper &scene = entries.at(1).paper;
    QCOMPARE(scene.version, 2);
    QCOMPARE(scene.categories, QStringList({u"cs.CV"_s, u"cs.LG"_s}));
    QCOMPARE(scene.authors, QStringList({u"Ivana Bala\u017Eevi\u0107"_s, u"David Steiner"_s,
                                         u"Olivier J. H\u00E9naff"_s}));
}

void TestDigestJsonlParser::notJsonLines()
{
    const ParseResult html =
        parseDigestJsonl("<!DOCTYPE html>\n<html><head><title>Page not found</title></head></html>",
                         QDate(2026, 6, 12));
    QCOMPARE(html.error,
             u"not daily-arXiv-ai-enhanced JSON Lines: got HTML (\"Page not found\")"_s);
    const ParseResult text = parseDigestJsonl("404: Not Found", QDate(2026, 6, 12));
    QCOMPARE(text.error, u"not daily-arXiv-ai-enhanced JSON Lines: got text \"404: Not Found\""_s);

    // A download cut short ends in the middle of its last line.
    QByteArray cut = readFixture(kFriday);
    cut.truncate(cut.size() - 200);
    const ParseResult truncated = parseDigestJsonl(cut, QDate(2026, 6, 12));
    QVERIFY(!truncated.ok());
    QCOMPARE(truncated.errorLine, 314);
    QVERIFY2(truncated.error.contains(u"the file ends in the middle of a line"_s),
             qPrintable(truncated.error));
}

void TestDigestJsonlParser::languageCodes()
{
    QCOMPARE(digestLanguageCode(u"Chinese"_s), u"zh"_s);
    QCOMPARE(digestLanguageCode(u"English"_s), u"en"_s);
    QCOMPARE(digestLanguageCode(u" japanese "_s), u"ja"_s);
    QCOMPARE(digestLanguageCode(u"zh"_s), u"zh"_s);
    QCOMPARE(digestLanguageCode(u"Klingon"_s), u"klingon"_s);
}

QTEST_APPLESS_MAIN(TestDigestJsonlParser)
#include "tst_digest_jsonl_parser.moc"
