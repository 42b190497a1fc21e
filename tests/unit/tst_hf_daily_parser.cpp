#include "import/hf_daily_parser.h"

#include <QFile>
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

const QString kDailyFixture = u"hf-daily/hf_daily_papers_2026-06-12_first15.json"_s;

} // namespace

class TestHfDailyParser : public QObject
{
    Q_OBJECT

private slots:
    void digestPerDay();
    void firstEntry();
    void codeAndProjectLinks();
    void organisationAndUpvotes();
    void itemWithoutRepository();
    void requestedDateMismatchWarns();
    void requestedDateFillsMissingDay();
    void whitespaceIsNormalised();
    void errorBody();
    void malformedJson();
    void objectWithoutError();
    void emptyList();
    void authorsIdsAndTextFidelity();
    void notAnArxivIdIsSkipped();
};

void TestHfDailyParser::digestPerDay()
{
    const ParseResult result = parseHfDaily(readFixture(kDailyFixture));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.digests.size(), 1);
    QVERIFY(result.papers.isEmpty());
    QVERIFY(result.warnings.isEmpty());
    const Digest &digest = result.digests.first();
    QCOMPARE(digest.date, QDate(2026, 6, 12));
    QCOMPARE(digest.source, u"hf-daily"_s);
    QCOMPARE(digest.category, QString());
    QCOMPARE(digest.title, u"Hugging Face daily papers"_s);
    QCOMPARE(digest.entries.size(), 15);
    for (int i = 0; i < digest.entries.size(); ++i)
        QCOMPARE(digest.entries.at(i).position, i + 1);
    QCOMPARE(digest.entries.at(14).paper.arxivId, u"2606.12243"_s);
    QCOMPARE(digest.entries.at(14).paper.authors.last(), u"Yi Yang"_s);
}

void TestHfDailyParser::firstEntry()
{
    const ParseResult result = parseHfDaily(readFixture(kDailyFixture), QDate(2026, 6, 12));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.warnings.isEmpty());
    const DigestEntry &entry = result.digests.first().entries.first();
    QCOMPARE(entry.paper.arxivId, u"2606.00467"_s);
    QCOMPARE(entry.paper.title, u"On the Limits of LLM Adaptability: Impact of "
                                u"Model-Internalized Priors on Annotation Task Performance"_s);
    QCOMPARE(entry.paper.authors,
             QStringList({u"Etienne Casanova"_s, u"Rafal Kocielnik"_s, u"R. Michael Alvarez"_s}));
    QVERIFY(entry.paper.abstract.startsWith(
        u"Large Language Models (LLMs) are increasingly used for zero-shot annotation"_s));
    QVERIFY(entry.paper.abstract.endsWith(u"over text-level memorization."_s));
    QCOMPARE(entry.paper.published, QDate(2026, 5, 30));
    QCOMPARE(entry.upvotes, 0);
    QCOMPARE(entry.ai.language, u"en"_s);
    QVERIFY(entry.ai.tldr.startsWith(u"Large language models exhibit limited ability to correct "
                                     u"zero-shot errors through prompting"_s));
    QCOMPARE(entry.ai.keywords.size(), 14);
    QCOMPARE(entry.ai.keywords.first(), u"zero-shot annotation"_s);
    QCOMPARE(entry.ai.keywords.last(), u"embedding cosine similarity"_s);
    QVERIFY(entry.ai.motivation.isEmpty());
}

void TestHfDailyParser::codeAndProjectLinks()
{
    const ParseResult result = parseHfDaily(readFixture(kDailyFixture));
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QList<DigestEntry> &entries = result.digests.first().entries;

    const Paper &second = entries.at(1).paper;
    QCOMPARE(second.arxivId, u"2606.12730"_s);
    QCOMPARE(second.codeUrl,
             u"https://github.com/psychology-of-AI/Rethinking-Pyschometric-Eval-LLMs"_s);
    QCOMPARE(second.codeUrlSource, u"hf"_s);
    QCOMPARE(second.codeStars, 1);
    QVERIFY(second.projectUrl.isEmpty());

    const Paper &eleventh = entries.at(10).paper;
    QCOMPARE(eleventh.arxivId, u"2606.06113"_s);
    QCOMPARE(eleventh.title, u"Where, What, Why, and Importance: Structured Defect Grounding for "
                             u"Text-to-Image Feedback"_s);
    QCOMPARE(eleventh.codeUrl, u"https://github.com/nianbai006/SDG"_s);
    QCOMPARE(eleventh.codeStars, 5);
    QCOMPARE(eleventh.projectUrl, u"https://huggingface.co/collections/P1n3/sdg"_s);
    QCOMPARE(eleventh.authors.size(), 10);
    QCOMPARE(eleventh.authors.first(), u"Huaisong Zhang"_s);

    int withCode = 0;
    int withProject = 0;
    for (const DigestEntry &entry : entries) {
        withCode += entry.paper.codeUrl.isEmpty() ? 0 : 1;
        withProject += entry.paper.projectUrl.isEmpty() ? 0 : 1;
    }
    QCOMPARE(withCode, 8);
    QCOMPARE(withProject, 8);
}

void TestHfDailyParser::organisationAndUpvotes()
{
    const ParseResult result = parseHfDaily(readFixture(kDailyFixture));
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QList<DigestEntry> &entries = result.digests.first().entries;
    QCOMPARE(entries.at(0).organisation, u"California institute of technology"_s);
    QCOMPARE(entries.at(1).organisation, QString());
    QCOMPARE(entries.at(10).organisation, u"Kolors Team, Kuaishou Technology"_s);
    QCOMPARE(entries.at(10).upvotes, 13);
    QCOMPARE(entries.at(13).paper.arxivId, u"2606.13289"_s);
    QCOMPARE(entries.at(13).upvotes, 25);
    QCOMPARE(entries.at(13).paper.authors.size(), 14);
}

void TestHfDailyParser::itemWithoutRepository()
{
    const ParseResult result = parseHfDaily(readFixture(kDailyFixture));
    QVERIFY2(result.ok(), qPrintable(result.error));
    const Paper &fourteenth = result.digests.first().entries.at(13).paper;
    QVERIFY(fourteenth.codeUrl.isEmpty());
    QVERIFY(fourteenth.codeUrlSource.isEmpty());
    QCOMPARE(fourteenth.codeStars, -1);
}

void TestHfDailyParser::requestedDateMismatchWarns()
{
    const ParseResult result = parseHfDaily(readFixture(kDailyFixture), QDate(2026, 6, 13));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.digests.first().date, QDate(2026, 6, 12));
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY(result.warnings.first().contains(u"2026-06-13"_s));
}

void TestHfDailyParser::requestedDateFillsMissingDay()
{
    const QByteArray json = R"([{"paper":{"id":"2401.00001","title":"T","authors":[]}},
                                {"paper":{"title":"no id"}}])";
    const ParseResult withoutDay = parseHfDaily(json);
    QVERIFY(withoutDay.ok());
    QVERIFY(withoutDay.digests.isEmpty());
    QCOMPARE(withoutDay.warnings.size(), 1);

    const ParseResult result = parseHfDaily(json, QDate(2024, 1, 2));
    QVERIFY(result.ok());
    QCOMPARE(result.digests.size(), 1);
    QCOMPARE(result.digests.first().date, QDate(2024, 1, 2));
    QCOMPARE(result.digests.first().entries.size(), 1);
    QCOMPARE(result.digests.first().entries.first().upvotes, -1);
    QVERIFY(result.digests.first().entries.first().ai.language.isEmpty());
    QCOMPARE(result.warnings.size(), 1); // the item without an id
}

void TestHfDailyParser::whitespaceIsNormalised()
{
    // Older answers keep arXiv's hard wrapping inside titles and abstracts.
    const QByteArray json =
        R"([{"paper":{"id":"2410.18000","title":"A wrapped\n  title ",
             "summary":"  First line\nwrapped.\n  Second paragraph.\n",
             "submittedOnDailyAt":"2024-10-25T00:00:00.000Z"}},
            {"paper":{"id":"2410.18001","title":"Next day",
             "submittedOnDailyAt":"2024-10-26T01:00:00.000Z"}}])";
    const ParseResult result = parseHfDaily(json);
    QVERIFY(result.ok());
    QCOMPARE(result.digests.size(), 2);
    QCOMPARE(result.digests.at(1).date, QDate(2024, 10, 26));
    QCOMPARE(result.digests.at(1).entries.first().position, 1);
    const Paper &paper = result.digests.first().entries.first().paper;
    QCOMPARE(paper.title, u"A wrapped title"_s);
    QCOMPARE(paper.abstract, u"First line wrapped.\nSecond paragraph."_s);
}

void TestHfDailyParser::errorBody()
{
    const ParseResult result =
        parseHfDaily(readFixture(u"hf-daily/hf_error_404_body_UNVERIFIED_URL.json"_s));
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(u"Sorry, we can't find the page you are looking for."_s),
             qPrintable(result.error));
    QVERIFY(result.digests.isEmpty());
}

void TestHfDailyParser::malformedJson()
{
    QByteArray truncated = readFixture(kDailyFixture);
    truncated.truncate(1000);
    const ParseResult result = parseHfDaily(truncated);
    QVERIFY(!result.ok());
    // QJsonParseError puts an unterminated string one past the end of the input.
    QVERIFY2(result.error.contains(u"at offset 1001: unterminated string"_s),
             qPrintable(result.error));
    QVERIFY(result.digests.isEmpty());

    QVERIFY2(result.error.contains(u"truncated JSON"_s), qPrintable(result.error));

    // Bodies that are not JSON at all say what they are instead of "illegal value".
    const ParseResult text = parseHfDaily("Rate exceeded.");
    QVERIFY(!text.ok());
    QCOMPARE(text.error, u"not Hugging Face daily papers JSON: got text \"Rate exceeded.\""_s);
    const ParseResult html =
        parseHfDaily("<!DOCTYPE html><html><head><title>Just a moment...</title></head></html>");
    QCOMPARE(html.error, u"not Hugging Face daily papers JSON: got HTML (\"Just a moment...\")"_s);
    QCOMPARE(parseHfDaily("  \n").error, u"empty response"_s);
    const ParseResult broken = parseHfDaily("[{\"paper\": nope}]");
    QVERIFY2(broken.error.contains(u"invalid JSON at offset"_s), qPrintable(broken.error));
}

void TestHfDailyParser::authorsIdsAndTextFidelity()
{
    // Names with TeX accents read as letters, in order; LaTeX in titles and abstracts is kept
    // and entity-like text is left as the source wrote it (JSON strings are already decoded).
    const QByteArray json =
        R"([{"paper":{"id":"math/0211159v2","title":"The $\\mathcal{L}$-entropy &amp; Ricci\n flow",)"
        R"("summary":"We use $x^2$ &lt; 1.","authors":[{"name":"Bj\\\"orn  M\\\"uller"},)"
        R"({"name":"Przemys{\\l}aw Spurek"},{"name":"  "},{"name":"Grisha Perelman"}],)"
        R"("organization":{"name":"ethz","fullname":"  ETH\n Z\u00fcrich "},)"
        R"("submittedOnDailyAt":"2026-06-12T00:00:00.000Z"}}])";
    const ParseResult result = parseHfDaily(json, QDate(2026, 6, 12));
    QVERIFY2(result.ok(), qPrintable(result.error));
    const DigestEntry &entry = result.digests.first().entries.first();
    QCOMPARE(entry.paper.arxivId, u"math/0211159"_s);
    QCOMPARE(entry.paper.version, 2);
    QCOMPARE(entry.paper.title, u"The $\\mathcal{L}$-entropy &amp; Ricci flow"_s);
    QCOMPARE(entry.paper.abstract, u"We use $x^2$ &lt; 1."_s);
    QCOMPARE(entry.paper.authors, QStringList({u"Bj\u00F6rn M\u00FCller"_s,
                                               u"Przemys\u0142aw Spurek"_s, u"Grisha Perelman"_s}));
    QCOMPARE(entry.organisation, u"ETH Z\u00FCrich"_s);
}

void TestHfDailyParser::notAnArxivIdIsSkipped()
{
    const ParseResult result = parseHfDaily(
        R"([{"paper":{"id":"hf-blog-42","title":"x"},"submittedOnDailyAt":"2026-06-12T00:00:00Z"}])",
        QDate(2026, 6, 12));
    QVERIFY(result.ok());
    QVERIFY(result.digests.isEmpty());
    QCOMPARE(result.warnings.size(), 1);
}

void TestHfDailyParser::objectWithoutError()
{
    const ParseResult result = parseHfDaily(R"({"papers":[]})");
    QVERIFY(!result.ok());
}

void TestHfDailyParser::emptyList()
{
    const ParseResult result = parseHfDaily("[]", QDate(2026, 6, 13));
    QVERIFY(result.ok());
    QVERIFY(result.digests.isEmpty());
    QCOMPARE(result.warnings.size(), 1);
}

QTEST_APPLESS_MAIN(TestHfDailyParser)
#include "tst_hf_daily_parser.moc"
