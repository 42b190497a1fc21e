// rank, similar, dismiss, undismiss, follow, unfollow, following, rule (issue #16), and the
// paper JSON's dismissed and followed_authors: run as a user would, headless.

#include "cli_runner.h"
#include "test_db.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace paperboy::test;

namespace {

QStringList resultIds(const CliRun &run)
{
    QStringList ids;
    for (const QJsonValue &paper : run.json().object().value(QStringLiteral("results")).toArray())
        ids.append(paper.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

QString run2(const CliRun &run)
{
    return QString::fromUtf8(run.out + run.err);
}

} // namespace

class TestCliRank : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    CliRun paperboy(const QStringList &arguments) { return runPaperboy(m_db, arguments); }

private slots:
    void init()
    {
        m_db = m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QLatin1String(QTest::currentTestFunction())));
        const CliRun run = paperboy(
            {QStringLiteral("import"), foundingDigestPath(),
             fixture(QStringLiteral("arxiv-rss/rss_2024-11-28_first120items.xml")),
             fixture(QStringLiteral("digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl"))});
        QCOMPARE(run.exitCode, 0);
    }

    void helpListsCommands()
    {
        const CliRun run = paperboy({QStringLiteral("--help")});
        for (const char *text :
             {"rank [--date YYYY-MM-DD] [--tag TAG] [--limit N] [--json]",
              "similar ID [--limit N] [--json]", "dismiss ID...", "undismiss ID...", "follow NAME",
              "unfollow NAME", "following [--json]",
              "rule add NAME QUERY (--tag TAG | --star | --read | --dismiss | --highlight)"})
            QVERIFY2(run.out.contains(text), text);
    }

    void rankLearnsFromStars()
    {
        CliRun run = paperboy({QStringLiteral("rank")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("no starred papers"));
        QCOMPARE(paperboy({QStringLiteral("star"), QStringLiteral("2306.05544")}).exitCode, 0);
        run = paperboy({QStringLiteral("rank"), QStringLiteral("--limit"), QStringLiteral("5")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("learning from only 1 paper;"), run.err.constData());
        for (const char *id : {"2411.17769", "2411.17807", "2411.17957"})
            QCOMPARE(paperboy({QStringLiteral("star"), QLatin1String(id)}).exitCode, 0);

        run = paperboy({QStringLiteral("rank"), QStringLiteral("--limit"), QStringLiteral("7"),
                        QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(!run.err.contains("only"), run.err.constData());
        const QJsonObject object = run.json().object();
        QCOMPARE(object.value(QStringLiteral("positives")).toInt(), 4);
        QVERIFY(object.value(QStringLiteral("tag")).isNull());
        const QJsonArray results = object.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 7);
        double previous = 1e9;
        for (const QJsonValue &value : results) {
            const QJsonObject paper = value.toObject();
            // A paper as search prints it, plus its score and why.
            for (const char *key : {"id", "title", "authors", "starred", "dismissed",
                                    "followed_authors", "digest", "score", "why"})
                QVERIFY2(paper.contains(QLatin1String(key)), key);
            QVERIFY(!paper.value(QStringLiteral("starred")).toBool());
            const double score = paper.value(QStringLiteral("score")).toDouble();
            QVERIFY(score <= previous);
            previous = score;
            const QJsonArray why = paper.value(QStringLiteral("why")).toArray();
            QVERIFY(!why.isEmpty() && why.size() <= 5);
            double sum = 0;
            for (const QJsonValue &term : why) {
                QVERIFY(!term.toObject().value(QStringLiteral("term")).toString().isEmpty());
                QVERIFY(term.toObject().value(QStringLiteral("weight")).toDouble() > 0);
                sum += term.toObject().value(QStringLiteral("weight")).toDouble();
            }
            // Fewer than five: every term that raised it is listed, so with the bias they
            // reach at least the score (the terms that lowered it make up the rest).
            if (why.size() < 5)
                QVERIFY(sum + object.value(QStringLiteral("bias")).toDouble() >= score - 1e-9);
        }

        // One day only; a day without papers is an empty list.
        run = paperboy({QStringLiteral("rank"), QStringLiteral("--date"),
                        QStringLiteral("2024-03-14"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QStringList day = resultIds(run);
        day.sort();
        QCOMPARE(day, (QStringList{QStringLiteral("2306.01128"), QStringLiteral("2306.01667")}));
        run = paperboy({QStringLiteral("rank"), QStringLiteral("--date"),
                        QStringLiteral("2001-01-01"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(resultIds(run).isEmpty());

        // Text: score, id, title, then why.
        run = paperboy({QStringLiteral("rank"), QStringLiteral("--limit"), QStringLiteral("2")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.count("why: "), 2);
    }

    void rankByTag()
    {
        CliRun run = paperboy(
            {QStringLiteral("rank"), QStringLiteral("--tag"), QStringLiteral("diffusion")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("no paper is tagged 'diffusion'"));
        for (const char *id : {"2411.17769", "2411.17807", "2306.05544"})
            QCOMPARE(
                paperboy({QStringLiteral("tag"), QLatin1String(id), QStringLiteral("diffusion")})
                    .exitCode,
                0);
        run = paperboy({QStringLiteral("rank"), QStringLiteral("--tag"),
                        QStringLiteral("diffusion"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value(QStringLiteral("tag")).toString(),
                 QStringLiteral("diffusion"));
        QCOMPARE(run.json().object().value(QStringLiteral("positives")).toInt(), 3);
        QCOMPARE(resultIds(run).size(), 20);
    }

    void similarToOnePaper()
    {
        CliRun run =
            paperboy({QStringLiteral("similar"), QStringLiteral("2411.17769"),
                      QStringLiteral("--limit"), QStringLiteral("3"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value(QStringLiteral("similar_to")).toString(),
                 QStringLiteral("2411.17769"));
        const QStringList ids = resultIds(run);
        QCOMPARE(ids.size(), 3);
        QVERIFY(!ids.contains(QStringLiteral("2411.17769")));
        QCOMPARE(paperboy({QStringLiteral("similar"), QStringLiteral("9999.99999")}).exitCode, 1);
        QCOMPARE(paperboy({QStringLiteral("similar"), QStringLiteral("nonsense")}).exitCode, 2);
    }

    void usageErrors()
    {
        const QList<QStringList> bad = {
            {QStringLiteral("rank"), QStringLiteral("--limit"), QStringLiteral("0")},
            {QStringLiteral("rank"), QStringLiteral("--date"), QStringLiteral("yesterday")},
            {QStringLiteral("rank"), QStringLiteral("--tag"), QStringLiteral(" ")},
            {QStringLiteral("rank"), QStringLiteral("extra")},
            {QStringLiteral("similar")},
            {QStringLiteral("dismiss")},
            {QStringLiteral("dismiss"), QStringLiteral("not-an-id")},
            {QStringLiteral("follow")},
            {QStringLiteral("rule")},
            {QStringLiteral("rule"), QStringLiteral("explode")},
            {QStringLiteral("rule"), QStringLiteral("add"), QStringLiteral("x"),
             QStringLiteral("query")},
            {QStringLiteral("rule"), QStringLiteral("add"), QStringLiteral("x"),
             QStringLiteral("query"), QStringLiteral("--star"), QStringLiteral("--read")},
            {QStringLiteral("rule"), QStringLiteral("add"), QStringLiteral("x"),
             QStringLiteral("--star")},
            {QStringLiteral("rule"), QStringLiteral("remove")},
        };
        for (const QStringList &arguments : bad) {
            const CliRun run = paperboy(arguments);
            QVERIFY2(run.exitCode == 2, qPrintable(arguments.join(QLatin1Char(' ')) +
                                                   QStringLiteral(": ") + run2(run)));
            QVERIFY2(run.err.contains("usage") || run.err.contains("wants") ||
                         run.err.contains("not an arXiv id"),
                     qPrintable(run2(run)));
        }
    }

    void dismissAndUndismiss()
    {
        CliRun run = paperboy({QStringLiteral("dismiss"), QStringLiteral("2306.05544"),
                               QStringLiteral("arXiv:2306.01667v2")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("dismissed 2 papers\n"));
        run = paperboy(
            {QStringLiteral("show"), QStringLiteral("2306.05544"), QStringLiteral("--json")});
        QVERIFY(run.json().object().value(QStringLiteral("dismissed")).toBool());
        run = paperboy(
            {QStringLiteral("search"), QStringLiteral("is:dismissed"), QStringLiteral("--json")});
        QCOMPARE(resultIds(run).size(), 2);
        run = paperboy(
            {QStringLiteral("undismiss"), QStringLiteral("2306.05544"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(!run.json().array().first().toObject().value(QStringLiteral("dismissed")).toBool());
        run = paperboy({QStringLiteral("undismiss"), QStringLiteral("2306.01667")});
        QCOMPARE(run.out, QByteArray("no longer dismissed: 1 paper\n"));
        // A paper not in the library: nothing changes.
        run = paperboy({QStringLiteral("dismiss"), QStringLiteral("2306.05544"),
                        QStringLiteral("9999.99999")});
        QCOMPARE(run.exitCode, 1);
        run = paperboy(
            {QStringLiteral("search"), QStringLiteral("is:dismissed"), QStringLiteral("--json")});
        QVERIFY(resultIds(run).isEmpty());
        // Dismissed papers leave rank.
        QCOMPARE(paperboy({QStringLiteral("star"), QStringLiteral("2306.01128")}).exitCode, 0);
        run = paperboy({QStringLiteral("rank"), QStringLiteral("--date"),
                        QStringLiteral("2024-03-14"), QStringLiteral("--json")});
        QCOMPARE(resultIds(run).size(), 2);
        QCOMPARE(paperboy({QStringLiteral("dismiss"), QStringLiteral("2306.05544")}).exitCode, 0);
        run = paperboy({QStringLiteral("rank"), QStringLiteral("--date"),
                        QStringLiteral("2024-03-14"), QStringLiteral("--json")});
        QCOMPARE(resultIds(run), QStringList{QStringLiteral("2306.01667")});
    }

    void followAuthors()
    {
        CliRun run = paperboy({QStringLiteral("follow"), QStringLiteral("Olivier"),
                               QStringLiteral("J."), QStringLiteral("H\\'enaff")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("following Olivier J. H\\'enaff\n"));
        run = paperboy({QStringLiteral("follow"), QStringLiteral("olivier j henaff")});
        QCOMPARE(run.out, QByteArray("already following olivier j henaff\n"));
        run = paperboy({QStringLiteral("following"), QStringLiteral("--json")});
        QCOMPARE(run.json().array().size(), 1);
        QCOMPARE(run.json().array().first().toObject().value(QStringLiteral("key")).toString(),
                 QStringLiteral("olivier j henaff"));
        run = paperboy(
            {QStringLiteral("show"), QStringLiteral("2306.01667"), QStringLiteral("--json")});
        QCOMPARE(run.json().object().value(QStringLiteral("followed_authors")).toArray(),
                 QJsonArray{QStringLiteral("Olivier J. Hénaff")});
        run = paperboy(
            {QStringLiteral("search"), QStringLiteral("is:followed"), QStringLiteral("--json")});
        QCOMPARE(resultIds(run), QStringList{QStringLiteral("2306.01667")});
        run = paperboy({QStringLiteral("unfollow"), QStringLiteral("OLIVIER J. HÉNAFF")});
        QCOMPARE(run.exitCode, 0);
        run = paperboy({QStringLiteral("unfollow"), QStringLiteral("Olivier J. Hénaff")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("you do not follow"));
        run = paperboy({QStringLiteral("following")});
        QCOMPARE(run.out, QByteArray());
    }

    void rules()
    {
        CliRun run =
            paperboy({QStringLiteral("rule"), QStringLiteral("add"), QStringLiteral("diffusion"),
                      QStringLiteral("diffusion"), QStringLiteral("-survey"),
                      QStringLiteral("--tag"), QStringLiteral("gen")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("papers in the library match now"), run.out.constData());
        run = paperboy({QStringLiteral("rule"), QStringLiteral("add"), QStringLiteral("boring"),
                        QStringLiteral("cat:eess.SP"), QStringLiteral("--dismiss"),
                        QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value(QStringLiteral("action")).toString(),
                 QStringLiteral("dismiss"));
        run = paperboy({QStringLiteral("rule"), QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonArray rules = run.json().array();
        QCOMPARE(rules.size(), 2);
        QCOMPARE(rules.at(1).toObject().value(QStringLiteral("query")).toString(),
                 QStringLiteral("diffusion -survey"));
        QCOMPARE(rules.at(1).toObject().value(QStringLiteral("tag")).toString(),
                 QStringLiteral("gen"));
        // Nothing already in the library was tagged.
        run = paperboy(
            {QStringLiteral("search"), QStringLiteral("tag:gen"), QStringLiteral("--json")});
        QVERIFY(resultIds(run).isEmpty());
        // The next import's new papers are.
        run =
            paperboy({QStringLiteral("import"),
                      fixture(QStringLiteral("hf-daily/hf_daily_papers_2026-06-12_first15.json"))});
        QCOMPARE(run.exitCode, 0);
        run = paperboy(
            {QStringLiteral("search"), QStringLiteral("tag:gen"), QStringLiteral("--json")});
        const QJsonArray tagged = run.json().object().value(QStringLiteral("results")).toArray();
        QVERIFY(!tagged.isEmpty());
        for (const QJsonValue &paper : tagged)
            QCOMPARE(paper.toObject()
                         .value(QStringLiteral("digest"))
                         .toObject()
                         .value(QStringLiteral("source"))
                         .toString(),
                     QStringLiteral("hf-daily"));
        run = paperboy({QStringLiteral("rule"), QStringLiteral("list")});
        QCOMPARE(run.out, QByteArray("boring: cat:eess.SP → dismiss\n"
                                     "diffusion: diffusion -survey → tag 'gen'\n"));
        QCOMPARE(
            paperboy({QStringLiteral("rule"), QStringLiteral("remove"), QStringLiteral("boring")})
                .exitCode,
            0);
        run =
            paperboy({QStringLiteral("rule"), QStringLiteral("remove"), QStringLiteral("boring")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("no rule is named 'boring'"));
    }
};

QTEST_GUILESS_MAIN(TestCliRank)
#include "tst_cli_rank.moc"
