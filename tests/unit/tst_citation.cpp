// Citations: years, keys, names, BibTeX escaping, and BibTeX/RIS/CSL-JSON read back by real
// parsers (bibutils' bib2xml and ris2xml, when installed) for the fixture papers.

#include "export/bibtex_writer.h"
#include "export/citation_common.h"
#include "export/csl_json_writer.h"
#include "export/ris_writer.h"
#include "import/importer.h"
#include "store/database.h"
#include "store/store.h"
#include "test_db.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace paperboy;
using namespace paperboy::test;

namespace {

// One record as bibutils' MODS output describes it.
struct ModsRecord
{
    QString id;
    QString title;
    QStringList families; // one per name; empty when the name has no family part
    QString date;
    QString url;
    QString doi;
    QString arxiv;
    QString abstract;
    QStringList notes;
    QStringList topics;
};

QList<ModsRecord> parseMods(const QByteArray &xml)
{
    QList<ModsRecord> records;
    QXmlStreamReader reader(xml);
    int depth = 0;
    bool inHost = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            ++depth;
            const auto name = reader.name();
            if (name == QLatin1String("mods")) {
                records.append(ModsRecord());
                records.last().id = reader.attributes().value(QLatin1String("ID")).toString();
            } else if (records.isEmpty()) {
                continue;
            } else if (name == QLatin1String("relatedItem")) {
                inHost = true;
            } else if (name == QLatin1String("title") && !inHost) {
                records.last().title = reader.readElementText();
                --depth;
            } else if (name == QLatin1String("subTitle") && !inHost) {
                // bibutils splits "Title: Subtitle" in two.
                records.last().title += QStringLiteral(": ") + reader.readElementText();
                --depth;
            } else if (name == QLatin1String("name") && !inHost) {
                records.last().families.append(QString());
            } else if (name == QLatin1String("namePart") && !inHost &&
                       reader.attributes().value(QLatin1String("type")) ==
                           QLatin1String("family")) {
                records.last().families.last() = reader.readElementText();
                --depth;
            } else if (name == QLatin1String("dateIssued")) {
                records.last().date = reader.readElementText();
                --depth;
            } else if (name == QLatin1String("url")) {
                records.last().url = reader.readElementText();
                --depth;
            } else if (name == QLatin1String("abstract")) {
                records.last().abstract = reader.readElementText();
                --depth;
            } else if (name == QLatin1String("note")) {
                records.last().notes.append(reader.readElementText());
                --depth;
            } else if (name == QLatin1String("topic")) {
                records.last().topics.append(reader.readElementText());
                --depth;
            } else if (name == QLatin1String("identifier")) {
                const QString type = reader.attributes().value(QLatin1String("type")).toString();
                const QString text = reader.readElementText();
                --depth;
                if (type == QLatin1String("doi"))
                    records.last().doi = text;
                else if (type == QLatin1String("arXiv"))
                    records.last().arxiv = text;
            }
        } else if (reader.isEndElement()) {
            --depth;
            if (reader.name() == QLatin1String("relatedItem"))
                inHost = false;
        }
    }
    return records;
}

// Runs a bibutils converter on `input`; an empty result with *skip set when not installed.
QByteArray runBibutils(const QString &tool, const QByteArray &input, QString *skip,
                       QString *stderrText)
{
    const QString program = QStandardPaths::findExecutable(tool);
    if (program.isEmpty()) {
        *skip = QStringLiteral("%1 not found in PATH (install bibutils)").arg(tool);
        return {};
    }
    QProcess process;
    process.start(program, {QStringLiteral("-i"), QStringLiteral("utf8")});
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    *stderrText = QString::fromUtf8(process.readAllStandardError());
    return process.readAllStandardOutput();
}

// Plain text survives TeX escaping unchanged after a parser decodes it; compare those exactly.
bool isPlainTitle(const QString &title)
{
    const QString special = QStringLiteral("$\\{}_^~%&#\"");
    return std::none_of(title.begin(), title.end(), [&](QChar c) { return special.contains(c); });
}

Paper paper(const QString &id, const QString &title, const QStringList &authors,
            const QDate &published = {})
{
    Paper p;
    p.arxivId = id;
    p.title = title;
    p.authors = authors;
    p.published = published;
    p.categories = {QStringLiteral("cs.CV")};
    p.primaryCategory = QStringLiteral("cs.CV");
    return p;
}

bool bibtexBalanced(const QString &text)
{
    int depth = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('{'))
            ++depth;
        else if (c == QLatin1Char('}') && --depth < 0)
            return false;
    }
    return depth == 0;
}

} // namespace

class TestCitation : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;
    QList<PaperView> m_views;

    QList<Paper> fixturePapers() const
    {
        QList<Paper> papers;
        for (const PaperView &view : m_views)
            papers.append(view.paper);
        return papers;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<Database>();
        QVERIFY2(m_db->open(m_dir.filePath(QStringLiteral("citations.sqlite"))),
                 qPrintable(m_db->error()));
        m_store = std::make_unique<Store>(*m_db);
        Importer importer(*m_store);
        for (const QString &file :
             {foundingDigestPath(),
              fixture(QStringLiteral("arxiv-rss/rss_2024-11-28_first120items.xml"))}) {
            const ImportReport report = importer.importFile(file);
            QVERIFY2(report.ok, qPrintable(report.error));
        }
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT arxiv_id FROM papers ORDER BY id")));
        while (q.next())
            m_views.append(*m_store->paperView(q.value(0).toString()));
        QVERIFY2(m_views.size() > 100, qPrintable(QString::number(m_views.size())));
        // Something for RIS to carry: a note and tags on the first paper.
        const QString first = m_views.first().paper.arxivId;
        QVERIFY(m_store->setNote(first, QStringLiteral("Read for group meeting,\nsecond line")));
        QVERIFY(
            m_store->addTags(first, {QStringLiteral("segmentation"), QStringLiteral("to read")}));
        m_views.first() = *m_store->paperView(first);
    }

    void cleanupTestCase()
    {
        m_store.reset();
        m_db.reset();
    }

    void year_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QDate>("published");
        QTest::addColumn<int>("year");
        QTest::newRow("published wins")
            << QStringLiteral("2306.01667") << QDate(2024, 1, 2) << 2024;
        QTest::newRow("new style") << QStringLiteral("2306.01667") << QDate() << 2023;
        QTest::newRow("first new style") << QStringLiteral("0704.0001") << QDate() << 2007;
        QTest::newRow("four digit sequence") << QStringLiteral("1412.6980") << QDate() << 2014;
        QTest::newRow("old style 2000s") << QStringLiteral("math/0211159") << QDate() << 2002;
        QTest::newRow("old style 1990s") << QStringLiteral("hep-th/9901001") << QDate() << 1999;
        QTest::newRow("old style subject class")
            << QStringLiteral("math.GT/0309136") << QDate() << 2003;
        QTest::newRow("unknown") << QStringLiteral("nonsense") << QDate() << 0;
    }

    void year()
    {
        QFETCH(QString, id);
        QFETCH(QDate, published);
        QFETCH(int, year);
        Paper p;
        p.arxivId = id;
        p.published = published;
        QCOMPARE(paperYear(p), year);
    }

    void names()
    {
        PersonName n = splitPersonName(QStringLiteral("Olivier J. Hénaff"));
        QCOMPARE(n.family, QStringLiteral("Hénaff"));
        QCOMPARE(n.given, QStringLiteral("Olivier J."));
        n = splitPersonName(QStringLiteral("Ludwig van Beethoven"));
        QCOMPARE(n.family, QStringLiteral("van Beethoven"));
        QCOMPARE(n.given, QStringLiteral("Ludwig"));
        n = splitPersonName(QStringLiteral("Martin Luther King Jr."));
        QCOMPARE(n.family, QStringLiteral("King"));
        QCOMPARE(n.suffix, QStringLiteral("Jr."));
        n = splitPersonName(QStringLiteral("Doe, Jane"));
        QCOMPARE(n.family, QStringLiteral("Doe"));
        QCOMPARE(n.given, QStringLiteral("Jane"));
        n = splitPersonName(QStringLiteral("张三"));
        QVERIFY(n.literal);
        QCOMPARE(n.family, QStringLiteral("张三"));
    }

    void keys()
    {
        const QList<Paper> papers{
            paper(QStringLiteral("2306.01667"),
                  QStringLiteral("Towards In-context Scene Understanding"),
                  {QStringLiteral("Ivana Balažević"), QStringLiteral("David Steiner")}),
            paper(QStringLiteral("2401.00001"), QStringLiteral("Deep Nets"),
                  {QStringLiteral("Ann Smith")}),
            paper(QStringLiteral("2401.00002"), QStringLiteral("Deep nets again"),
                  {QStringLiteral("Bob Smith")}),
            paper(QStringLiteral("2411.00003"), QStringLiteral("$H^3$Fusion: Helpful"),
                  {QStringLiteral("Łukasz Øster")}),
            paper(QStringLiteral("math/0211159"), QStringLiteral("The Entropy"), {}),
            paper(QStringLiteral("2401.00004"), QStringLiteral("Deep nets"),
                  {QStringLiteral("Z. Smith")}, QDate(2023, 12, 31)),
        };
        const QStringList keys = citationKeys(papers);
        QCOMPARE(keys, (QStringList{
                           QStringLiteral("balazevic2023context"), QStringLiteral("smith2024deepa"),
                           QStringLiteral("smith2024deepb"), QStringLiteral("oster2024fusion"),
                           QStringLiteral("arxiv2002entropy"), QStringLiteral("smith2023deep")}));
        // Stable: the same selection gives the same keys.
        QCOMPARE(citationKeys(papers), keys);
    }

    void escaping_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("expected");
        QTest::newRow("specials") << QStringLiteral("50% & #1 a_b ~ ^ \\x")
                                  << QStringLiteral("50\\% \\& \\#1 a\\_b \\textasciitilde{} "
                                                    "\\textasciicircum{} \\textbackslash{}x");
        QTest::newRow("balanced braces")
            << QStringLiteral("a {b} c") << QStringLiteral("a \\{b\\} c");
        QTest::newRow("unbalanced open")
            << QStringLiteral("a {b c") << QStringLiteral("a \\textbraceleft{}b c");
        QTest::newRow("unbalanced close first")
            << QStringLiteral("} a {") << QStringLiteral("\\textbraceright{} a \\textbraceleft{}");
        QTest::newRow("capitals protected") << QStringLiteral("GPT-4 beats ImageNet in 3D")
                                            << QStringLiteral("{GPT-4} beats {ImageNet} in {3D}");
        QTest::newRow("punctuation outside protection")
            << QStringLiteral("BOOT: Data-free NeRFs, really.")
            << QStringLiteral("{BOOT}: Data-free {NeRFs}, really.");
        QTest::newRow("math kept")
            << QStringLiteral("$H^3$Fusion: Helpful $\\mathcal{O}(n)$ Models")
            << QStringLiteral("$H^3$Fusion: Helpful $\\mathcal{O}(n)$ Models");
        QTest::newRow("broken math escaped")
            << QStringLiteral("$x^{2$ and $y%$")
            << QStringLiteral("\\$x\\textasciicircum{}\\textbraceleft{}2\\$ "
                              "and \\$y\\%\\$");
        QTest::newRow("lone dollar") << QStringLiteral("Costs $5") << QStringLiteral("Costs \\$5");
        QTest::newRow("unicode kept")
            << QStringLiteral("Schrödinger 薛定谔") << QStringLiteral("Schrödinger 薛定谔");
        QTest::newRow("trailing backslash")
            << QStringLiteral("ends with \\") << QStringLiteral("ends with \\textbackslash{}");
    }

    void escaping()
    {
        QFETCH(QString, title);
        QFETCH(QString, expected);
        const QString escaped = bibtexTitle(title);
        QCOMPARE(escaped, expected);
        QVERIFY(bibtexBalanced(escaped));
    }

    void hostileTitlesParseBack()
    {
        const QStringList titles{QStringLiteral("{{{ unbalanced"),
                                 QStringLiteral("}}} closing first {"),
                                 QStringLiteral("50% of R&D #1 costs $$ and ~ ^ _"),
                                 QStringLiteral("back\\slash\\ at the end\\"),
                                 QStringLiteral("@misc{evil, title = {x}}"),
                                 QStringLiteral("\"quoted\" and, commas")};
        QList<Paper> papers;
        for (qsizetype i = 0; i < titles.size(); ++i)
            papers.append(
                paper(QStringLiteral("2401.%1").arg(10000 + i), titles.at(i),
                      {QStringLiteral("Eve {Mallory} Hacker"), QStringLiteral("A and B Org")}));
        const QString bibtex = papersToBibtex(papers);
        QString skip, errors;
        const QByteArray xml =
            runBibutils(QStringLiteral("bib2xml"), bibtex.toUtf8(), &skip, &errors);
        if (!skip.isEmpty())
            QSKIP(qPrintable(skip));
        const QList<ModsRecord> records = parseMods(xml);
        QCOMPARE(records.size(), titles.size());
        const QStringList keys = citationKeys(papers);
        for (qsizetype i = 0; i < records.size(); ++i) {
            QCOMPARE(records.at(i).id, keys.at(i));
            QVERIFY2(!records.at(i).title.isEmpty(), qPrintable(titles.at(i)));
            QCOMPARE(records.at(i).families.size(), 2);
            QCOMPARE(records.at(i).url, absUrl(papers.at(i).arxivId));
        }
        QCOMPARE(records.at(4).title, QStringLiteral("@misc{evil, title = {x}}"));
        // bibutils reads TeX's straight quote as a closing curly one; the text is all there.
        QVERIFY(records.at(5).title.endsWith(QStringLiteral("quoted\u201D and, commas")));
    }

    void bibtexFixturesReadBack()
    {
        const QList<Paper> papers = fixturePapers();
        const QString bibtex = papersToBibtex(papers);
        QCOMPARE(bibtex.count(QStringLiteral("@misc{")), papers.size());
        QVERIFY(bibtex.contains(QStringLiteral("  archivePrefix = {arXiv},\n")));
        QString skip, errors;
        const QByteArray xml =
            runBibutils(QStringLiteral("bib2xml"), bibtex.toUtf8(), &skip, &errors);
        if (!skip.isEmpty())
            QSKIP(qPrintable(skip));
        const QList<ModsRecord> records = parseMods(xml);
        QCOMPARE(records.size(), papers.size());
        QVERIFY2(errors.contains(QStringLiteral("Processed %1 references").arg(papers.size())),
                 qPrintable(errors));
        const QStringList keys = citationKeys(papers);
        int titlesCompared = 0, authorsCompared = 0;
        for (qsizetype i = 0; i < records.size(); ++i) {
            const Paper &p = papers.at(i);
            const ModsRecord &r = records.at(i);
            QCOMPARE(r.id, keys.at(i));
            QCOMPARE(r.url, absUrl(p.arxivId));
            QCOMPARE(r.date, QString::number(paperYear(p)));
            QCOMPARE(r.families.size(), p.authors.size());
            for (qsizetype a = 0; a < p.authors.size(); ++a) {
                const PersonName name = splitPersonName(p.authors.at(a));
                if (name.literal || !isPlainTitle(p.authors.at(a)))
                    continue;
                QCOMPARE(r.families.at(a), name.family);
                ++authorsCompared;
            }
            if (!p.doi.isEmpty())
                QCOMPARE(r.doi, p.doi);
            if (isPlainTitle(p.title)) {
                QCOMPARE(r.title, p.title.simplified());
                ++titlesCompared;
            } else {
                QVERIFY(!r.title.isEmpty());
            }
        }
        qInfo("bib2xml read back %lld records; %d titles and %d author names compared exactly",
              static_cast<long long>(records.size()), titlesCompared, authorsCompared);
        QVERIFY(titlesCompared > papers.size() / 2);
    }

    void risFixturesReadBack()
    {
        const QString ris = papersToRis(m_views);
        QCOMPARE(ris.count(QStringLiteral("TY  - UNPB\r\n")), m_views.size());
        QCOMPARE(ris.count(QStringLiteral("ER  - \r\n")), m_views.size());
        QString skip, errors;
        const QByteArray xml = runBibutils(QStringLiteral("ris2xml"), ris.toUtf8(), &skip, &errors);
        if (!skip.isEmpty())
            QSKIP(qPrintable(skip));
        const QList<ModsRecord> records = parseMods(xml);
        QCOMPARE(records.size(), m_views.size());
        int abstracts = 0;
        for (qsizetype i = 0; i < records.size(); ++i) {
            const Paper &p = m_views.at(i).paper;
            const ModsRecord &r = records.at(i);
            QCOMPARE(r.title, p.title.simplified());
            QVERIFY2(r.families.size() == p.authors.size(),
                     qPrintable(p.authors.join(QLatin1Char('|'))));
            QCOMPARE(r.url, absUrl(p.arxivId));
            QCOMPARE(r.arxiv, p.arxivId);
            QVERIFY2(r.date.startsWith(QString::number(paperYear(p))), qPrintable(r.date));
            if (!p.abstract.isEmpty()) {
                QCOMPARE(r.abstract, p.abstract.simplified());
                ++abstracts;
            }
        }
        const ModsRecord &first = records.first();
        QCOMPARE(first.notes, QStringList{QStringLiteral("Read for group meeting, second line")});
        QCOMPARE(first.topics,
                 (QStringList{QStringLiteral("segmentation"), QStringLiteral("to read")}));
        qInfo("ris2xml read back %lld records with %d abstracts",
              static_cast<long long>(records.size()), abstracts);
    }

    void cslJson()
    {
        const QList<Paper> papers = fixturePapers();
        const QByteArray bytes = QJsonDocument(papersToCslJson(papers)).toJson();
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray items = document.array();
        QCOMPARE(items.size(), papers.size());
        const QStringList keys = citationKeys(papers);
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QJsonObject item = items.at(i).toObject();
            const Paper &p = papers.at(i);
            QCOMPARE(item.value(QLatin1String("type")).toString(), QStringLiteral("article"));
            QCOMPARE(item.value(QLatin1String("id")).toString(), keys.at(i));
            QCOMPARE(item.value(QLatin1String("number")).toString(), p.arxivId);
            QCOMPARE(item.value(QLatin1String("publisher")).toString(), QStringLiteral("arXiv"));
            QCOMPARE(item.value(QLatin1String("URL")).toString(), absUrl(p.arxivId));
            QCOMPARE(item.value(QLatin1String("title")).toString(), p.title.simplified());
            const QJsonArray authors = item.value(QLatin1String("author")).toArray();
            QCOMPARE(authors.size(), p.authors.size());
            for (const QJsonValue &author : authors) {
                const QJsonObject a = author.toObject();
                QVERIFY(a.contains(QLatin1String("family")) ||
                        a.contains(QLatin1String("literal")));
            }
            const QJsonArray parts = item.value(QLatin1String("issued"))
                                         .toObject()
                                         .value(QLatin1String("date-parts"))
                                         .toArray();
            QCOMPARE(parts.size(), 1);
            QCOMPARE(parts.at(0).toArray().at(0).toInt(), paperYear(p));
            if (!p.abstract.isEmpty())
                QCOMPARE(item.value(QLatin1String("abstract")).toString(), p.abstract.simplified());
        }
        const QJsonObject one =
            papersToCslJson({paper(QStringLiteral("2306.01667"), QStringLiteral("T"),
                                   {QStringLiteral("Olivier J. Hénaff")}, QDate(2023, 6, 2))})
                .at(0)
                .toObject();
        QCOMPARE(one.value(QLatin1String("author")).toArray().at(0).toObject(),
                 (QJsonObject{{QStringLiteral("family"), QStringLiteral("Hénaff")},
                              {QStringLiteral("given"), QStringLiteral("Olivier J.")}}));
        QCOMPARE(one.value(QLatin1String("issued"))
                     .toObject()
                     .value(QLatin1String("date-parts"))
                     .toArray(),
                 (QJsonArray{QJsonArray{2023, 6, 2}}));
    }
};

QTEST_GUILESS_MAIN(TestCitation)
#include "tst_citation.moc"
