// The search box parser alone: operators, quoting, and hostile input that must never reach
// FTS5 as syntax.

#include "search/search_query.h"

#include <QTest>

#include <sqlite3.h>

using namespace paperboy;

namespace {

SearchTerm word(const QString &text, bool excluded = false)
{
    SearchTerm term;
    term.text = text;
    term.excluded = excluded;
    return term;
}

SearchTerm phrase(const QString &text, bool excluded = false)
{
    SearchTerm term = word(text, excluded);
    term.phrase = true;
    return term;
}

} // namespace

class TestQueryParser : public QObject
{
    Q_OBJECT

private:
    sqlite3 *m_db = nullptr;

    // Runs `expression` against an FTS5 table shaped like search_fts; returns the error, if any.
    QString matchError(const QString &expression)
    {
        sqlite3_stmt *statement = nullptr;
        sqlite3_prepare_v2(m_db, "SELECT count(*) FROM f WHERE f MATCH ?", -1, &statement, nullptr);
        const QByteArray utf8 = expression.toUtf8();
        sqlite3_bind_text(statement, 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        const int rc = sqlite3_step(statement);
        const QString error =
            rc == SQLITE_ROW ? QString() : QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_finalize(statement);
        return error;
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(sqlite3_open(":memory:", &m_db), SQLITE_OK);
        QCOMPARE(
            sqlite3_exec(
                m_db,
                "CREATE VIRTUAL TABLE f USING fts5(title, authors, abstract, translation,"
                " summary, note, tags, categories, tokenize = 'unicode61 remove_diacritics 2');"
                "INSERT INTO f (title) VALUES ('near and or not');",
                nullptr, nullptr, nullptr),
            SQLITE_OK);
    }

    void cleanupTestCase() { sqlite3_close(m_db); }

    void wordsPhrasesExcludes()
    {
        const SearchQuery q = parseSearchQuery(
            QStringLiteral("  diffusion \"exact phrase\"  -gan -\"image  editing\" distill*"));
        SearchTerm prefix = word(QStringLiteral("distill"));
        prefix.prefix = true;
        const QList<SearchTerm> expected = {word(QStringLiteral("diffusion")),
                                            phrase(QStringLiteral("exact phrase")),
                                            word(QStringLiteral("gan"), true),
                                            phrase(QStringLiteral("image editing"), true), prefix};
        QCOMPARE(q.terms, expected);
        QVERIFY(q.warnings.isEmpty());
        QCOMPARE(highlightTerms(q),
                 (QStringList{QStringLiteral("diffusion"), QStringLiteral("exact phrase"),
                              QStringLiteral("distill")}));
    }

    void operators()
    {
        const SearchQuery q = parseSearchQuery(QStringLiteral(
            "author:\"Jiatao Gu\" AU:zhai cat:cs.CV tag:\"to read\" -tag:done is:starred "
            "-is:read has:note has:CODE after:2024-03-01 before:2024-04-01 after:2024-03-10"));
        QCOMPARE(q.terms.size(), 3);
        QCOMPARE(q.terms[0].field, SearchTerm::Field::Author);
        QCOMPARE(q.terms[0].text, QStringLiteral("Jiatao Gu"));
        QVERIFY(q.terms[0].phrase);
        QCOMPARE(q.terms[1].text, QStringLiteral("zhai"));
        QCOMPARE(q.terms[2].field, SearchTerm::Field::Category);
        QCOMPARE(q.tags, QStringList{QStringLiteral("to read")});
        QCOMPARE(q.excludedTags, QStringList{QStringLiteral("done")});
        const QList<SearchFlagFilter> flags = {{SearchFlag::Starred, false},
                                               {SearchFlag::Read, true},
                                               {SearchFlag::HasNote, false},
                                               {SearchFlag::HasCode, false}};
        QCOMPARE(q.flags, flags);
        QCOMPARE(q.after, QDate(2024, 3, 10)); // the narrower bound wins
        QCOMPARE(q.before, QDate(2024, 4, 1));
        QCOMPARE(highlightTerms(q),
                 (QStringList{QStringLiteral("Jiatao Gu"), QStringLiteral("zhai")}));
    }

    void badOperatorsAreWordsOrWarnings()
    {
        SearchQuery q =
            parseSearchQuery(QStringLiteral("foo:bar http://x.org is:bogus after:yesterday tag:"));
        QCOMPARE(q.terms, (QList<SearchTerm>{word(QStringLiteral("foo:bar")),
                                             word(QStringLiteral("http://x.org"))}));
        QCOMPARE(q.warnings.size(), 3);
        QVERIFY(!q.after.isValid());
        q = parseSearchQuery(QStringLiteral(":colon"));
        QCOMPARE(q.terms, QList<SearchTerm>{word(QStringLiteral(":colon"))});
    }

    void unbalancedQuotesAndLoneMinus()
    {
        SearchQuery q = parseSearchQuery(QStringLiteral("a \"unclosed phrase"));
        QCOMPARE(q.terms, (QList<SearchTerm>{word(QStringLiteral("a")),
                                             phrase(QStringLiteral("unclosed phrase"))}));
        q = parseSearchQuery(QStringLiteral(" - -  \"\" \" "));
        QVERIFY(q.terms.isEmpty());
        QVERIFY(q.isEmpty());
        q = parseSearchQuery(QStringLiteral("author:\"unclosed"));
        QCOMPARE(q.terms.size(), 1);
        QCOMPARE(q.terms[0].text, QStringLiteral("unclosed"));
        QVERIFY(parseSearchQuery(QString()).isEmpty());
        QVERIFY(parseSearchQuery(QStringLiteral("   \t\n")).isEmpty());
    }

    void cjkTermsBecomeBigramPhrases()
    {
        const QString any = QStringLiteral("{title}");
        QCOMPARE(ftsTermExpression(word(QStringLiteral("蒸馏")), {}), QStringLiteral("\"蒸馏\""));
        QCOMPARE(ftsTermExpression(word(QStringLiteral("扩散模型")), any),
                 QStringLiteral("{title} : \"扩散 散模 模型\""));
        QCOMPARE(ftsTermExpression(word(QStringLiteral("蒸")), {}), QStringLiteral("\"蒸\" *"));
        // A run inside the term ends there in the text too, so its last character is a token.
        QCOMPARE(ftsTermExpression(phrase(QStringLiteral("去噪 diffusion")), {}),
                 QStringLiteral("\"去噪 噪 diffusion\""));
        QCOMPARE(ftsTermExpression(word(QStringLiteral("BOOT:使用")), {}),
                 QStringLiteral("\"BOOT: 使用\""));
    }

    void hostileInputNeverBreaksFts5_data()
    {
        QTest::addColumn<QString>("text");
        const char *inputs[] = {
            "\"",
            "\"\"",
            "\"\"\"",
            "*",
            "**",
            "a*b",
            ":",
            "a:",
            ":b",
            "(",
            ")",
            "(a OR b)",
            "NEAR",
            "NEAR(a b)",
            "a NEAR/2 b",
            "AND",
            "OR",
            "NOT",
            "a AND b OR NOT c",
            "^a",
            "+a",
            "-",
            "--",
            "-\"",
            "-*",
            "title:x",
            "{title}:x",
            "{title abstract} : x",
            "'",
            "';",
            "x'; DROP TABLE papers; --",
            "\" OR 1=1 --",
            "a\"b\"c",
            "\\",
            "\\\"",
            "%",
            "_",
            "a\tb\nc",
            "蒸馏\"",
            "\"扩散",
            "C++",
            "-is:starred",
            "tag:\"x\"\"y\"",
            "author:\"",
            "🙂",
            "é",
            "ﬁne",
            "\xe2\x80\x8b",
            "a*\"b*\"*",
            "cat:",
            "cat:cs.CV*",
            "x AND",
            "OR y",
        };
        for (const char *input : inputs)
            QTest::newRow(input) << QString::fromUtf8(input);
        QTest::newRow("nul") << QStringLiteral("a") + QChar(0) + QStringLiteral("b");
    }

    void hostileInputNeverBreaksFts5()
    {
        QFETCH(QString, text);
        const SearchQuery query = parseSearchQuery(text);
        QStringList parts;
        for (const SearchTerm &term : query.terms) {
            for (const QString &columns :
                 {QString(),
                  QStringLiteral("{title authors abstract translation summary note tags}"),
                  QStringLiteral("authors")}) {
                const QString expression = ftsTermExpression(term, columns);
                if (expression.isEmpty())
                    continue;
                QVERIFY(expression.startsWith(columns));
                QCOMPARE(matchError(expression), QString());
                parts.append(QLatin1Char('(') + expression + QLatin1Char(')'));
            }
        }
        if (!parts.isEmpty())
            QCOMPARE(matchError(parts.join(QStringLiteral(" AND ")) + QStringLiteral(" NOT (") +
                                parts.join(QStringLiteral(" OR ")) + QLatin1Char(')')),
                     QString());
    }

    void operatorWordsAreLiteral()
    {
        const SearchQuery query = parseSearchQuery(QStringLiteral("NEAR AND OR NOT"));
        QStringList parts;
        for (const SearchTerm &term : query.terms)
            parts.append(ftsTermExpression(term, {}));
        QCOMPARE(parts, (QStringList{QStringLiteral("\"NEAR\""), QStringLiteral("\"AND\""),
                                     QStringLiteral("\"OR\""), QStringLiteral("\"NOT\"")}));
    }

    void highlightRangesMergeAndIgnoreCase()
    {
        const QString text = QStringLiteral("Diffusion models: diffusion-based 扩散模型 and 扩散");
        const QList<TextRange> ranges =
            highlightRanges(text, {QStringLiteral("diffusion"), QStringLiteral("扩散"),
                                   QStringLiteral("扩散模型"), QStringLiteral("models")});
        const QList<TextRange> expected = {{0, 9}, {10, 6}, {18, 9}, {34, 4}, {43, 2}};
        QCOMPARE(ranges, expected);
    }
};

QTEST_APPLESS_MAIN(TestQueryParser)
#include "tst_search_query.moc"
