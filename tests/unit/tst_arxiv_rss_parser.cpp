#include "import/arxiv_rss_parser.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace paperboy;
using namespace Qt::StringLiterals;

namespace {

QByteArray readFixture(const QString &name)
{
    QFile file(QStringLiteral(PAPERBOY_TEST_DATA "/arxiv-rss/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

const QString dayFeed = u"rss_2024-11-28_first120items.xml"_s;

const DigestEntry *entryFor(const Digest &digest, const QString &arxivId)
{
    for (const DigestEntry &entry : digest.entries) {
        if (entry.paper.arxivId == arxivId)
            return &entry;
    }
    return nullptr;
}

} // namespace

class TestRssParser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void digestHeader();
    void requestedCategoriesWin();
    void entriesInFeedOrder();
    void firstEntry();
    void texAccentsInAuthors();
    void affiliationsDropped();
    void titleKeepsLatex();
    void doiAndJournalRef();
    void codeLinks();
    void abstractPrefixStripped();
    void emptyChannelIsADayWithoutAnnouncements();
    void feedErrorChannel();
    void handWrittenItems();
    void badInput_data();
    void badInput();
    void truncatedFixtureNamesLine();

private:
    ParseResult m_day;
};

void TestRssParser::initTestCase()
{
    const QByteArray xml = readFixture(dayFeed);
    QVERIFY(!xml.isEmpty());
    m_day = parseArxivRss(xml);
    QVERIFY2(m_day.ok(), qPrintable(m_day.error));
    QCOMPARE(m_day.digests.size(), 1);
}

void TestRssParser::digestHeader()
{
    const Digest &digest = m_day.digests.first();
    QCOMPARE(digest.date, QDate(2024, 11, 28));
    QCOMPARE(digest.source, u"arxiv-rss"_s);
    QCOMPARE(digest.title, u"astro-ph, cond-mat, physics, quant-ph, math, cs, econ, eess, gr-qc, "
                           u"hep-ex, hep-lat, hep-ph, hep-th, math-ph, nlin, nucl-ex, nucl-th, "
                           u"q-bio, q-fin, stat updates on arXiv.org"_s);
    QCOMPARE(digest.category, u"astro-ph cond-mat physics quant-ph math cs econ eess gr-qc hep-ex "
                              u"hep-lat hep-ph hep-th math-ph nlin nucl-ex nucl-th q-bio q-fin "
                              u"stat"_s);
    QVERIFY(m_day.papers.isEmpty());
    QVERIFY(m_day.warnings.isEmpty());
}

void TestRssParser::requestedCategoriesWin()
{
    const ParseResult result = parseArxivRss(readFixture(dayFeed), u"cs.CV+cs.LG"_s);
    QVERIFY(result.ok());
    QCOMPARE(result.digests.first().category, u"cs.CV cs.LG"_s);
}

void TestRssParser::entriesInFeedOrder()
{
    const QList<DigestEntry> &entries = m_day.digests.first().entries;
    QCOMPARE(entries.size(), 120);
    int newCount = 0;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QCOMPARE(entries.at(i).position, int(i + 1));
        QCOMPARE(entries.at(i).paper.version, 1);
        if (entries.at(i).announceType == u"new")
            ++newCount;
    }
    // The first 120 of the kept items are all new submissions ("new " with a trailing space).
    QCOMPARE(newCount, 120);
    QCOMPARE(entries.at(1).paper.arxivId, u"2411.17703"_s);
    QCOMPARE(entries.last().paper.arxivId, u"2411.18043"_s);
    QCOMPARE(entries.last().paper.authors,
             (QStringList{u"Mingsen Du"_s, u"Meng Chen"_s, u"Yongjian Li"_s, u"Cun Ji"_s,
                          u"Shoushui Wei"_s}));
}

void TestRssParser::firstEntry()
{
    const DigestEntry &entry = m_day.digests.first().entries.first();
    const Paper &paper = entry.paper;
    QCOMPARE(paper.arxivId, u"2411.17702"_s);
    QCOMPARE(paper.version, 1);
    QCOMPARE(entry.announceType, u"new"_s);
    QCOMPARE(paper.title, u"Finding \"Good Views\" of Electrocardiogram Signals for Inferring "
                          u"Abnormalities in Cardiac Condition"_s);
    QCOMPARE(paper.categories, (QStringList{u"eess.SP"_s, u"cs.LG"_s}));
    QCOMPARE(paper.primaryCategory, u"eess.SP"_s);
    QCOMPARE(paper.authors, (QStringList{u"Hyewon Jeong"_s, u"Suyeol Yun"_s, u"Hammaad Adam"_s}));
    QVERIFY(paper.abstract.startsWith(u"Electrocardiograms (ECGs) are an established technique"_s));
    QVERIFY(paper.abstract.endsWith(u"We made our code available in: "
                                    u"https://github.com/mandiehyewon/goodviews_ecg.git"_s));
    QVERIFY(paper.doi.isEmpty());
    QVERIFY(paper.journalRef.isEmpty());
}

void TestRssParser::texAccentsInAuthors()
{
    const Digest &digest = m_day.digests.first();
    const DigestEntry *polish = entryFor(digest, u"2411.17709"_s);
    QVERIFY(polish);
    QCOMPARE(polish->paper.authors,
             (QStringList{u"Martyna Poziomska"_s, u"Marian Dovgialo"_s, u"Przemysław Olbratowski"_s,
                          u"Paweł Niedbalski"_s, u"Paweł Ogniewski"_s, u"Joanna Zych"_s,
                          u"Jacek Rogala"_s, u"Jarosław Żygierewicz"_s}));
    const DigestEntry *hungarian = entryFor(digest, u"2411.17755"_s);
    QVERIFY(hungarian);
    QCOMPARE(hungarian->paper.authors,
             (QStringList{u"Dénes Berta"_s, u"Balduin Katzer"_s, u"Katrin Schulz"_s,
                          u"Péter Dusán Ispánovity"_s}));
    const DigestEntry *turkish = entryFor(digest, u"2411.17796"_s);
    QVERIFY(turkish);
    QCOMPARE(turkish->paper.authors.at(4), u"Serdar Kadıoğlu"_s);
    QCOMPARE(entryFor(digest, u"2411.17831"_s)->paper.authors.at(1), u"Rasmus Maråk"_s);
    QCOMPARE(entryFor(digest, u"2411.17922"_s)->paper.authors.at(4),
             u"Silvio Jamil F. Guimarães"_s);
    QCOMPARE(entryFor(digest, u"2411.17937"_s)->paper.authors.last(), u"K. Selçuk"_s);
}

void TestRssParser::affiliationsDropped()
{
    const Digest &digest = m_day.digests.first();
    QCOMPARE(
        entryFor(digest, u"2411.17748"_s)->paper.authors,
        (QStringList{u"Mohammed Riadh Berramdane"_s, u"Alexandre Battiston"_s, u"Michele Bardi"_s,
                     u"Nicolas Blet"_s, u"Benjamin Rémy"_s, u"Matthieu Urbain"_s}));
    const QStringList authors = entryFor(digest, u"2411.17774"_s)->paper.authors;
    QCOMPARE(authors.size(), 7);
    QCOMPARE(authors.first(), u"Debo Cheng"_s);
    QCOMPARE(authors.last(), u"Shichao Zhang"_s);
    // arXiv itself garbled this creator line ("Qiuyi (Richard),  Zhang"); we keep what it says.
    QCOMPARE(entryFor(digest, u"2411.17965"_s)->paper.authors,
             (QStringList{u"Shuli Jiang"_s, u"Qiuyi"_s, u"Zhang"_s, u"Gauri Joshi"_s}));
}

void TestRssParser::titleKeepsLatex()
{
    QCOMPARE(entryFor(m_day.digests.first(), u"2411.17792"_s)->paper.title,
             u"$H^3$Fusion: Helpful, Harmless, Honest Fusion of Aligned LLMs"_s);
}

void TestRssParser::doiAndJournalRef()
{
    int dois = 0;
    int journalRefs = 0;
    for (const DigestEntry &entry : m_day.digests.first().entries) {
        dois += entry.paper.doi.isEmpty() ? 0 : 1;
        journalRefs += entry.paper.journalRef.isEmpty() ? 0 : 1;
    }
    QCOMPARE(dois, 1);
    QCOMPARE(journalRefs, 0);
    QCOMPARE(entryFor(m_day.digests.first(), u"2411.17833"_s)->paper.doi,
             u"10.1016/j.adhoc.2024.103462"_s);
}

void TestRssParser::codeLinks()
{
    const Digest &digest = m_day.digests.first();
    int withCode = 0;
    int withProjectPage = 0;
    for (const DigestEntry &entry : digest.entries) {
        if (!entry.paper.codeUrl.isEmpty()) {
            ++withCode;
            QCOMPARE(entry.paper.codeUrlSource, u"abstract"_s);
        }
        withProjectPage += entry.paper.projectUrl.isEmpty() ? 0 : 1;
    }
    QCOMPARE(withCode, 19);
    QCOMPARE(withProjectPage, 6);
    QCOMPARE(digest.entries.first().paper.codeUrl,
             u"https://github.com/mandiehyewon/goodviews_ecg"_s);
    QCOMPARE(entryFor(digest, u"2411.17705"_s)->paper.codeUrl,
             u"https://github.com/Kanyooo/EEG-DCNet"_s);
    QCOMPARE(entryFor(digest, u"2411.17792"_s)->paper.codeUrl,
             u"https://github.com/sftekin/h3fusion"_s);
    QCOMPARE(entryFor(digest, u"2411.17833"_s)->paper.codeUrl,
             u"https://github.com/AllanMSouza/ACSP-FL"_s);
    QCOMPARE(entryFor(digest, u"2411.18009"_s)->paper.codeUrl,
             u"https://github.com/ch9397/FixedWing-MonoPPO"_s);
    const Paper &slam = entryFor(digest, u"2411.17982"_s)->paper;
    QCOMPARE(slam.codeUrl, u"https://hi-slam2.github.io/"_s);
    QCOMPARE(slam.projectUrl, u"https://hi-slam2.github.io/"_s);
    QVERIFY(entryFor(digest, u"2411.17703"_s)->paper.codeUrl.isEmpty());
}

void TestRssParser::abstractPrefixStripped()
{
    for (const DigestEntry &entry : m_day.digests.first().entries) {
        QVERIFY2(!entry.paper.abstract.contains(u"Announce Type"_s),
                 qPrintable(entry.paper.arxivId));
        QVERIFY2(!entry.paper.abstract.startsWith(u"Abstract:"_s), qPrintable(entry.paper.arxivId));
        QVERIFY(!entry.paper.abstract.isEmpty());
        QVERIFY(!entry.paper.abstract.contains(u'\n'));
    }
}

void TestRssParser::emptyChannelIsADayWithoutAnnouncements()
{
    const ParseResult result =
        parseArxivRss(readFixture(u"rss_empty_test_archive_2024-11-28.xml"_s));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.digests.size(), 1);
    QCOMPARE(result.digests.first().entries.size(), 0);
    QCOMPARE(result.digests.first().date, QDate(2024, 11, 28));
    QCOMPARE(result.digests.first().category, u"test"_s);
    QCOMPARE(result.digests.first().title, u"test updates on arXiv.org"_s);
}

void TestRssParser::feedErrorChannel()
{
    const ParseResult result =
        parseArxivRss(readFixture(u"rss_error_bad_archive_astroph_2024-11-28.xml"_s));
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(u"Bad archive 'astroph'. Valid archive names are: astro-ph"_s),
             qPrintable(result.error));
    QVERIFY(result.digests.isEmpty());
}

void TestRssParser::handWrittenItems()
{
    const QByteArray xml = R"(<?xml version="1.0"?>
<rss version="2.0" xmlns:arxiv="http://arxiv.org/schemas/atom"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>cs.CV updates on arXiv.org</title>
<link>http://rss.arxiv.org/rss/cs.CV</link>
<pubDate>Mon, 02 Dec 2024 00:00:00 -0500</pubDate>
<item><title>A &amp;amp; B:
  wrapped</title>
  <description>arXiv:2411.00001v3 Announce Type: replace-cross
Abstract: Text.</description>
  <category>cs.CV</category><category>cs.CV</category><category>eess.IV</category>
  <arxiv:announce_type> replace-cross </arxiv:announce_type>
  <dc:creator>Solo Author</dc:creator></item>
<item><title>No id at all</title><description>nothing</description></item>
<item><title>Id from the description only</title>
  <description>arXiv:math/0211159v2 Announce Type: replace
Abstract: Old style.</description></item>
</channel></rss>)";
    const ParseResult result = parseArxivRss(xml);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const Digest &digest = result.digests.first();
    QCOMPARE(digest.date, QDate(2024, 12, 2));
    QCOMPARE(digest.category, u"cs.CV"_s);
    QCOMPARE(digest.entries.size(), 2);
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY(result.warnings.first().contains(u"No id at all"_s));

    const DigestEntry &first = digest.entries.at(0);
    QCOMPARE(first.position, 1);
    QCOMPARE(first.announceType, u"replace-cross"_s);
    QCOMPARE(first.paper.arxivId, u"2411.00001"_s);
    QCOMPARE(first.paper.version, 3);
    QCOMPARE(first.paper.title, u"A &amp; B: wrapped"_s); // entities decoded exactly once
    QCOMPARE(first.paper.abstract, u"Text."_s);
    QCOMPARE(first.paper.categories, (QStringList{u"cs.CV"_s, u"eess.IV"_s}));
    QCOMPARE(first.paper.authors, QStringList{u"Solo Author"_s});

    const DigestEntry &second = digest.entries.at(1);
    QCOMPARE(second.position, 2);
    QCOMPARE(second.announceType, u"replace"_s);
    QCOMPARE(second.paper.arxivId, u"math/0211159"_s);
    QCOMPARE(second.paper.version, 2);
    QCOMPARE(second.paper.abstract, u"Old style."_s);
}

void TestRssParser::badInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("html robot page")
        << QByteArray("<!DOCTYPE html>\n<html><head><title>Access Denied</title></head>"
                      "<body><h1>Robot check</h1></body></html>")
        << u"not an RSS feed: got HTML (\"Access Denied\")"_s;
    QTest::newRow("html 503") << QByteArray("<html><body>\n<h1>Retry after 10 seconds</h1>\n"
                                            "</body></html>\n")
                              << u"not an RSS feed: got HTML (\"Retry after 10 seconds\")"_s;
    QTest::newRow("rate exceeded")
        << QByteArray("Rate exceeded.") << u"not an RSS feed: got text \"Rate exceeded.\""_s;
    QTest::newRow("empty") << QByteArray() << u"empty response"_s;
    QTest::newRow("whitespace") << QByteArray(" \r\n\t ") << u"empty response"_s;
    QTest::newRow("png bytes") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                               << u"not an RSS feed: got binary data (16 bytes)"_s;
    QTest::newRow("truncated") << QByteArray("<?xml version='1.0'?>\n<rss version=\"2.0\">\n"
                                             "<channel><title>cs updates</title>\n<item><ti")
                               << u"truncated XML at line 4"_s;
    QTest::newRow("mismatched tags")
        << QByteArray("<rss><channel></rss>") << u"malformed XML at line 1"_s;
    QTest::newRow("atom instead") << QByteArray("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>")
                                  << u"not an RSS feed: the document is <feed>"_s;
    QTest::newRow("rss without channel")
        << QByteArray("<rss version=\"2.0\"></rss>") << u"not an RSS feed: no <channel>"_s;
}

void TestRssParser::badInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const ParseResult result = parseArxivRss(body);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.startsWith(expected), qPrintable(result.error));
    QVERIFY(result.digests.isEmpty());
}

void TestRssParser::truncatedFixtureNamesLine()
{
    const QByteArray xml = readFixture(dayFeed);
    // Cut inside the third item's description: the reader must not return a partial digest.
    const QByteArray cut = xml.left(xml.indexOf("Abstract: The electroencephalography"));
    const ParseResult result = parseArxivRss(cut);
    QVERIFY(!result.ok());
    QCOMPARE(result.errorLine, int(cut.count('\n')) + 1);
    QCOMPARE(result.error, u"truncated XML at line %1"_s.arg(result.errorLine));
    QVERIFY(result.digests.isEmpty());

    // Random bytes: seeded so a failure can be reproduced.
    QRandomGenerator generator(20241128);
    QByteArray noise(4096, Qt::Uninitialized);
    for (char &byte : noise)
        byte = char(generator.bounded(256));
    const ParseResult random = parseArxivRss(noise);
    QVERIFY(!random.ok());
    QVERIFY(random.digests.isEmpty());
}

QTEST_APPLESS_MAIN(TestRssParser)
#include "tst_arxiv_rss_parser.moc"
