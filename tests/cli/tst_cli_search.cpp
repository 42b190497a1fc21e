// search, tag, untag, tags: run as a user would, headless.

#include "cli_runner.h"
#include "test_db.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace paperboy::test;

class TestCliSearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    QStringList resultIds(const CliRun &run)
    {
        QStringList ids;
        for (const QJsonValue &paper :
             run.json().object().value(QStringLiteral("results")).toArray())
            ids.append(paper.toObject().value(QStringLiteral("id")).toString());
        return ids;
    }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("cli.sqlite"));
        const CliRun run = runPaperboy(
            m_db, {QStringLiteral("import"), foundingDigestPath(),
                   fixture(QStringLiteral("arxiv-rss/rss_2024-11-28_first120items.xml"))});
        QCOMPARE(run.exitCode, 0);
    }

    void helpListsCommands()
    {
        const CliRun run = runPaperboy(m_db, {QStringLiteral("--help")});
        for (const char *text : {"search QUERY", "tag ID TAG", "--rename OLD NEW", "untag",
                                 "tags [--json]", "after:YYYY-MM-DD (inclusive)"})
            QVERIFY2(run.out.contains(text), text);
    }

    void searchJson()
    {
        CliRun run = runPaperboy(
            m_db, {QStringLiteral("search"), QStringLiteral("蒸馏"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(resultIds(run), QStringList{QStringLiteral("2306.05544")});
        const QJsonObject object = run.json().object();
        QCOMPARE(object.value(QStringLiteral("total")).toInt(), 1);
        QCOMPARE(object.value(QStringLiteral("highlight")).toArray().first().toString(),
                 QStringLiteral("蒸馏"));
        QVERIFY(object.value(QStringLiteral("results"))
                    .toArray()
                    .first()
                    .toObject()
                    .contains(QStringLiteral("title_zh")));

        run = runPaperboy(m_db,
                          {QStringLiteral("search"), QStringLiteral("the"),
                           QStringLiteral("--limit"), QStringLiteral("3"), QStringLiteral("--sort"),
                           QStringLiteral("relevance"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(resultIds(run).size(), 3);
        QVERIFY(run.json().object().value(QStringLiteral("total")).toInt() > 3);

        run = runPaperboy(m_db, {QStringLiteral("search"), QStringLiteral("\"unbalanced"),
                                 QStringLiteral("NEAR("), QStringLiteral("*")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("0 papers match"));
    }

    void usageErrors()
    {
        QCOMPARE(runPaperboy(m_db, {QStringLiteral("search")}).exitCode, 2);
        QCOMPARE(runPaperboy(m_db, {QStringLiteral("search"), QStringLiteral("x"),
                                    QStringLiteral("--sort"), QStringLiteral("random")})
                     .exitCode,
                 2);
        QCOMPARE(runPaperboy(m_db, {QStringLiteral("search"), QStringLiteral("x"),
                                    QStringLiteral("--limit"), QStringLiteral("0")})
                     .exitCode,
                 2);
        QCOMPARE(runPaperboy(m_db, {QStringLiteral("tag"), QStringLiteral("2306.05544")}).exitCode,
                 2);
        QCOMPARE(runPaperboy(m_db, {QStringLiteral("tag"), QStringLiteral("--rename"),
                                    QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")})
                     .exitCode,
                 2);
        QCOMPARE(runPaperboy(m_db, {QStringLiteral("tag"), QStringLiteral("1234.56789"),
                                    QStringLiteral("x")})
                     .exitCode,
                 1);
        const CliRun run = runPaperboy(
            m_db, {QStringLiteral("search"), QStringLiteral("after:soon"), QStringLiteral("蒸馏")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.contains("YYYY-MM-DD"));
    }

    void tagUntagRenameTags()
    {
        const QString boot = QStringLiteral("2306.05544");
        CliRun run = runPaperboy(
            m_db, {QStringLiteral("tag"), boot, QStringLiteral("ml"), QStringLiteral("蒸馏论文")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("2306.05544: ml, 蒸馏论文\n"));
        run = runPaperboy(m_db, {QStringLiteral("tag"), QStringLiteral("arXiv:2411.17765"),
                                 QStringLiteral("ml"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        run = runPaperboy(m_db, {QStringLiteral("tags"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().array().size(), 2);
        QCOMPARE(run.json().array().first().toObject().value(QStringLiteral("papers")).toInt(), 2);

        run = runPaperboy(m_db, {QStringLiteral("tag"), QStringLiteral("--rename"),
                                 QStringLiteral("ml"), QStringLiteral("蒸馏论文")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("2 papers"));
        run = runPaperboy(m_db, {QStringLiteral("tags")});
        QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("    2  蒸馏论文\n"));
        run = runPaperboy(m_db, {QStringLiteral("search"), QStringLiteral("tag:蒸馏论文"),
                                 QStringLiteral("--json")});
        QCOMPARE(resultIds(run).size(), 2);
        run = runPaperboy(m_db, {QStringLiteral("tag"), QStringLiteral("--rename"),
                                 QStringLiteral("ml"), QStringLiteral("x")});
        QCOMPARE(run.exitCode, 1);

        run = runPaperboy(m_db, {QStringLiteral("untag"), boot, QStringLiteral("蒸馏论文")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("2306.05544: (no tags)\n"));
        run = runPaperboy(
            m_db, {QStringLiteral("search"), QStringLiteral("论文"), QStringLiteral("--json")});
        QCOMPARE(resultIds(run), QStringList{QStringLiteral("2411.17765")});
    }
};

QTEST_GUILESS_MAIN(TestCliSearch)
#include "tst_cli_search.moc"
