// Exports: CSV quoting, Markdown escaping and link policy, format names, and selections.

#include "export/csv_writer.h"
#include "search/paper_selection.h"
#include "export/exporter.h"
#include "export/markdown_writer.h"
#include "import/importer.h"
#include "store/database.h"
#include "store/store.h"
#include "test_db.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;

namespace {

// A strict RFC 4180 reader, enough to prove the writer's quoting round-trips.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(field);
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() &&
                   text.at(i + 1) == QLatin1Char('\n')) {
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

PaperView hostileView()
{
    PaperView view;
    Paper &p = view.paper;
    p.arxivId = QStringLiteral("2403.01234");
    p.version = 2;
    p.title = QStringLiteral(
        "*Bold* claims, \"quoted\" [link](javascript:alert(1)) <b>html</b> # not a "
        "heading `code` | pipe ~~strike~~ ![img](x) &amp; https://evil.example www.evil.example");
    p.authors = {QStringLiteral("Ann O'Neil"), QStringLiteral("Bob, Jr."),
                 QStringLiteral("_Underscore_")};
    p.abstract = QStringLiteral("- not a list\n1. not numbered\nSee [here](http://evil.example).");
    p.categories = {QStringLiteral("cs.CV"), QStringLiteral("cs.LG")};
    p.published = QDate(2024, 3, 14);
    p.codeUrl = QStringLiteral("https://github.com/org/repo_(v2)");
    view.entry.translationLanguage = QStringLiteral("zh");
    view.entry.translatedTitle = QStringLiteral("中文标题*强调*");
    view.entry.translatedAbstract = QStringLiteral("中文摘要");
    view.user.starred = true;
    view.user.tags = {QStringLiteral("a,b"), QStringLiteral("c")};
    view.user.note = QStringLiteral("line one, with comma\nline \"two\"\r\n# three [x](http://x)");
    return view;
}

// Every link target in a Markdown text.
QStringList linkTargets(const QString &markdown)
{
    static const QRegularExpression link(QStringLiteral(R"((?<!\\)\]\(([^)]*)\))"));
    QStringList targets;
    QRegularExpressionMatchIterator it = link.globalMatch(markdown);
    while (it.hasNext())
        targets.append(it.next().captured(1));
    return targets;
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private slots:
    void csvQuoting()
    {
        QCOMPARE(csvField(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(csvField(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
        QCOMPARE(csvField(QStringLiteral("cr\rhere")), QStringLiteral("\"cr\rhere\""));
        QCOMPARE(csvField(QString()), QString());
    }

    void csvRoundTrip()
    {
        const PaperView view = hostileView();
        const QString csv = papersToCsv({view, view});
        QVERIFY(
            csv.startsWith(QStringLiteral("id,version,title,title_zh,authors,categories,published,"
                                          "abs_url,pdf_url,code_url,starred,read,tags,note\r\n")));
        const QList<QStringList> rows = parseCsv(csv);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0), csvColumns());
        const QStringList &row = rows.at(1);
        QCOMPARE(row.size(), csvColumns().size());
        QCOMPARE(row.at(0), QStringLiteral("2403.01234"));
        QCOMPARE(row.at(1), QStringLiteral("2"));
        QCOMPARE(row.at(2), view.paper.title);
        QCOMPARE(row.at(3), view.entry.translatedTitle);
        QCOMPARE(row.at(4), QStringLiteral("Ann O'Neil; Bob, Jr.; _Underscore_"));
        QCOMPARE(row.at(5), QStringLiteral("cs.CV cs.LG"));
        QCOMPARE(row.at(6), QStringLiteral("2024-03-14"));
        QCOMPARE(row.at(7), QStringLiteral("https://arxiv.org/abs/2403.01234"));
        QCOMPARE(row.at(8), QStringLiteral("https://arxiv.org/pdf/2403.01234v2"));
        QCOMPARE(row.at(9), view.paper.codeUrl);
        QCOMPARE(row.at(10), QStringLiteral("1"));
        QCOMPARE(row.at(11), QStringLiteral("0"));
        QCOMPARE(row.at(12), QStringLiteral("a,b; c"));
        QCOMPARE(row.at(13), view.user.note);
        QCOMPARE(rows.at(2), row);
    }

    void markdownEscaping()
    {
        QCOMPARE(markdownEscape(QStringLiteral("*a* _b_ [c](d) <e> `f` #g |h| ~i~ !j \\k")),
                 QStringLiteral(
                     "\\*a\\* \\_b\\_ \\[c\\](d) \\<e\\> \\`f\\` \\#g \\|h\\| \\~i\\~ \\!j \\\\k"));
        QCOMPARE(markdownEscape(QStringLiteral("R&D &amp; &#42;")),
                 QStringLiteral("R&D \\&amp; \\&\\#42;"));
        QCOMPARE(markdownEscape(QStringLiteral("see https://x.org and www.y.org")),
                 QStringLiteral("see https\\://x.org and www\\.y.org"));
        QCOMPARE(markdownEscape(QStringLiteral("中文 3.5 e.g.")), QStringLiteral("中文 3.5 e.g."));
    }

    void markdownLinksAreOurs()
    {
        const PaperView view = hostileView();
        const QString markdown =
            papersToMarkdown({view}, {QStringLiteral("Group *meeting*"), true});
        QVERIFY(markdown.startsWith(QStringLiteral("# Group \\*meeting\\*\n")));
        const QStringList targets = linkTargets(markdown);
        QCOMPARE(targets, (QStringList{QStringLiteral("https://arxiv.org/abs/2403.01234"),
                                       QStringLiteral("https://arxiv.org/pdf/2403.01234v2"),
                                       QStringLiteral("https://github.com/org/repo_%28v2%29")}));
        QVERIFY(!markdown.contains(QStringLiteral("<b>")));
        QVERIFY(!markdown.contains(QStringLiteral("https://evil")));
        QVERIFY(markdown.contains(QStringLiteral("> \\- not a list")));
        QVERIFY(markdown.contains(QStringLiteral("中文标题\\*强调\\*")));
        QVERIFY(markdown.contains(QStringLiteral("中文摘要")));
        QVERIFY(markdown.contains(QStringLiteral("> \\# three \\[x\\](http\\://x)")));

        PaperView unsafe = view;
        for (const QString &url :
             {QStringLiteral("javascript:alert(1)"), QStringLiteral("http://plain.example"),
              QStringLiteral("https://user:pw@host.example/x"), QStringLiteral("not a url")}) {
            unsafe.paper.codeUrl = url;
            QCOMPARE(linkTargets(papersToMarkdown({unsafe})).size(), 2);
        }
    }

    void markdownEnglishOnly()
    {
        const PaperView view = hostileView();
        const QString english = papersToMarkdown({view});
        QVERIFY(!english.contains(QStringLiteral("中文")));
        QVERIFY(english.contains(QStringLiteral("**Note:**")));
        PaperView japanese = view;
        japanese.entry.translationLanguage = QStringLiteral("ja");
        QVERIFY(!papersToMarkdown({japanese}, {{}, true}).contains(QStringLiteral("中文")));
    }

    void formatNames()
    {
        for (const QString &name : exportFormatNames()) {
            const std::optional<ExportFormat> format = exportFormatFromName(name);
            QVERIFY(format);
            QCOMPARE(exportFormatName(*format), name);
            QVERIFY(!exportFileSuffix(*format).isEmpty());
            QVERIFY(!exportMimeType(*format).isEmpty());
        }
        QCOMPARE(exportFormatFromName(QStringLiteral("CSL-JSON")),
                 std::optional(ExportFormat::CslJson));
        QCOMPARE(exportFormatFromName(QStringLiteral("md")), std::optional(ExportFormat::Markdown));
        QVERIFY(!exportFormatFromName(QStringLiteral("docx")));
    }

    void selectionsOverTheFixture()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY2(db.open(dir.filePath(QStringLiteral("sel.sqlite"))), qPrintable(db.error()));
        Store store(db);
        const ImportReport report = Importer(store).importFile(foundingDigestPath());
        QVERIFY2(report.ok, qPrintable(report.error));
        const QDate day(2024, 3, 14);
        const SelectedPapers dayPapers = selectPapers(store, PaperSelection::day(day));
        QVERIFY(dayPapers.error.isEmpty());
        QCOMPARE(dayPapers.papers.size(), report.summary.entries);
        const QString first = dayPapers.papers.at(0).paper.arxivId;
        const QString second = dayPapers.papers.at(1).paper.arxivId;

        QVERIFY(store.addTags(first, {QStringLiteral("group meeting")}));
        QVERIFY(store.addTags(second, {QStringLiteral("group meeting")}));
        QVERIFY(store.addTags(QStringLiteral("9999.99999"), {QStringLiteral("group meeting")}));
        const SelectedPapers tagged =
            selectPapers(store, PaperSelection::tag(QStringLiteral("group meeting")));
        QCOMPARE(tagged.papers.size(), 2);
        QCOMPARE(tagged.missingIds, QStringList{QStringLiteral("9999.99999")});

        const SelectedPapers searched = selectPapers(
            store, PaperSelection::search(QStringLiteral("tag:\"group meeting\"")));
        QVERIFY2(searched.error.isEmpty(), qPrintable(searched.error));
        QCOMPARE(searched.papers.size(), 2);
        QCOMPARE(searched.heading, QStringLiteral("Search: tag:\"group meeting\""));
        const SelectedPapers words =
            selectPapers(store, PaperSelection::search(QStringLiteral("hummingbird")));
        QVERIFY2(words.error.isEmpty(), qPrintable(words.error));
        QCOMPARE(words.papers.size(), 1);
        QCOMPARE(words.papers.first().paper.arxivId, first);

        QVERIFY(store.setStarred(second, true));
        const SelectedPapers starred = selectPapers(store, PaperSelection::starred());
        QCOMPARE(starred.papers.size(), 1);
        QCOMPARE(starred.papers.first().paper.arxivId, second);

        const SelectedPapers ids =
            selectPapers(store, PaperSelection::papers(
                             {QStringLiteral("https://arxiv.org/abs/%1v1").arg(second), first,
                              first, QStringLiteral("1111.11111"), QStringLiteral("garbage")}));
        QCOMPARE(ids.papers.size(), 2);
        QCOMPARE(ids.papers.at(0).paper.arxivId, second);
        QCOMPARE(ids.missingIds, QStringList{QStringLiteral("1111.11111")});
        QCOMPARE(ids.invalidIds, QStringList{QStringLiteral("garbage")});

        // Every format renders the whole day.
        const QString bibtex = exportPapers(dayPapers.papers, ExportFormat::BibTeX);
        QCOMPARE(bibtex.count(QStringLiteral("@misc{")), dayPapers.papers.size());
        const QJsonDocument csl =
            QJsonDocument::fromJson(exportPapers(dayPapers.papers, ExportFormat::CslJson).toUtf8());
        QCOMPARE(csl.array().size(), dayPapers.papers.size());
        QCOMPARE(parseCsv(exportPapers(dayPapers.papers, ExportFormat::Csv)).size(),
                 dayPapers.papers.size() + 1);
        const QString bilingual =
            exportPapers(dayPapers.papers, ExportFormat::Markdown, {true, dayPapers.heading});
        QCOMPARE(bilingual.count(QStringLiteral("\n## ")), dayPapers.papers.size());
        QVERIFY(bilingual.contains(QStringLiteral("标题")));
        QVERIFY(bilingual.startsWith(QStringLiteral("# Reading list: 2024-03-14\n")));
        for (const QString &target : linkTargets(bilingual))
            QVERIFY2(target.startsWith(QLatin1String("https://")), qPrintable(target));
    }

    void writeTextFileIsAtomic()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.bib"));
        QString error;
        QVERIFY(writeTextFile(path, QStringLiteral("first"), &error));
        QVERIFY(writeTextFile(path, QStringLiteral("second ü"), &error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), QStringLiteral("second ü"));
        QVERIFY(!writeTextFile(dir.filePath(QStringLiteral("missing/dir/out.bib")),
                               QStringLiteral("x"), &error));
        QVERIFY(error.contains(QStringLiteral("missing/dir/out.bib")));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("out.bib")});
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
