// `paperboy trends` (issue #22), run as a user would over a library of three months with gaps:
// each count equals `paperboy search QUERY after:START before:END`'s total, weeks start on
// Monday, periods without anything in the library are null, shares, the table, saved
// searches and usage errors.

#include "cli_runner.h"
#include "search/smart_views.h"
#include "test_db.h"
#include "trend_library.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;

class TestCliTrends : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    int searchTotal(const QString &query, const QString &from, const QString &to)
    {
        const CliRun run = runPaperboy(
            m_db,
            {QStringLiteral("search"), QStringLiteral("%1 after:%2 before:%3").arg(query, from, to),
             QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("1")});
        return run.exitCode == 0 ? run.json().object().value(QStringLiteral("total")).toInt() : -1;
    }

    QJsonObject trends(const QStringList &arguments)
    {
        const CliRun run = runPaperboy(m_db, QStringList{QStringLiteral("trends")} + arguments +
                                                 QStringList{QStringLiteral("--json")});
        if (run.exitCode != 0)
            qWarning() << run.err;
        return run.json().object();
    }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("trends.sqlite"));
        Database database;
        QVERIFY(database.open(m_db));
        Store store(database);
        QVERIFY2(fillTrendLibrary(store), qPrintable(store.lastError()));
        QVERIFY(SmartViews(store).saveSearch(QStringLiteral("Diffusion, not video"),
                                             QStringLiteral("diffusion -video")));
    }

    void helpListsTrends()
    {
        const CliRun run = runPaperboy(m_db, {QStringLiteral("--help")});
        QVERIFY(run.out.contains("trends QUERY..."));
        QVERIFY(run.out.contains("--by day|week|month|year"));
    }

    void countsEqualSearchTotals()
    {
        const QStringList queries = {QStringLiteral("diffusion"), QStringLiteral("扩散模型"),
                                     QStringLiteral("cat:cs.CV protein -graph"),
                                     QStringLiteral("author:wang OR")};
        const QJsonObject object =
            trends(queries + QStringList{QStringLiteral("--by"), QStringLiteral("week")});
        QCOMPARE(object.value(QStringLiteral("by")).toString(), QStringLiteral("week"));
        const QJsonArray periods = object.value(QStringLiteral("periods")).toArray();
        const QJsonArray series = object.value(QStringLiteral("series")).toArray();
        QCOMPARE(series.size(), queries.size());
        QCOMPARE(periods.first().toString(), QStringLiteral("2024-12-16"));
        // Weeks: the first is whole (a Monday), the last ends after the library (a Friday).
        const QJsonArray partial = object.value(QStringLiteral("partial")).toArray();
        QCOMPARE(partial.size(), periods.size());
        QCOMPARE(partial.toVariantList().count(QVariant(true)), 1);
        QVERIFY(partial.last().toBool());
        for (const QJsonValue &period : periods)
            QCOMPARE(QDate::fromString(period.toString(), Qt::ISODate).dayOfWeek(), 1);
        // Weeks around the new year, the gap week and the last one, for every query.
        for (const QString &start : {QStringLiteral("2024-12-23"), QStringLiteral("2024-12-30"),
                                     QStringLiteral("2025-01-06"), QStringLiteral("2025-02-10")}) {
            const qsizetype i = periods.toVariantList().indexOf(start);
            QVERIFY2(i >= 0, qPrintable(start));
            const QString end =
                QDate::fromString(start, Qt::ISODate).addDays(7).toString(Qt::ISODate);
            for (qsizetype k = 0; k < queries.size(); ++k) {
                const QJsonObject one = series.at(k).toObject();
                QCOMPARE(one.value(QStringLiteral("query")).toString(), queries.at(k));
                const QJsonValue count = one.value(QStringLiteral("counts")).toArray().at(i);
                QVERIFY2(count.isDouble(), qPrintable(start));
                QCOMPARE(count.toInt(), searchTotal(queries.at(k), start, end));
            }
        }
        QVERIFY(series.at(0).toObject().value(QStringLiteral("counts")).toArray().at(1).toInt() >
                0);
        QVERIFY(!series.at(0).toObject().contains(QStringLiteral("share")));
    }

    void gapsAreNull()
    {
        const QJsonObject weeks =
            trends({QStringLiteral("study"), QStringLiteral("--by"), QStringLiteral("week")});
        const QVariantList periods =
            weeks.value(QStringLiteral("periods")).toArray().toVariantList();
        const QJsonArray counts = weeks.value(QStringLiteral("series"))
                                      .toArray()
                                      .first()
                                      .toObject()
                                      .value(QStringLiteral("counts"))
                                      .toArray();
        QVERIFY(counts.at(periods.indexOf(QStringLiteral("2025-01-13"))).isNull());
        QVERIFY(counts.at(periods.indexOf(QStringLiteral("2025-03-10"))).isNull());
        QVERIFY(counts.at(periods.indexOf(QStringLiteral("2025-01-06"))).toInt() > 0);
        QVERIFY(weeks.value(QStringLiteral("totals"))
                    .toArray()
                    .at(periods.indexOf(QStringLiteral("2025-01-13")))
                    .isNull());

        const QJsonObject months =
            trends({QStringLiteral("study"), QStringLiteral("--from"), QStringLiteral("2025-01-15"),
                    QStringLiteral("--to"), QStringLiteral("2025-04-02")});
        QCOMPARE(months.value(QStringLiteral("periods")).toArray().toVariantList(),
                 (QVariantList{QStringLiteral("2025-01-01"), QStringLiteral("2025-02-01"),
                               QStringLiteral("2025-03-01"), QStringLiteral("2025-04-01")}));
        QCOMPARE(months.value(QStringLiteral("to")).toString(), QStringLiteral("2025-04-30"));
        const QJsonArray monthCounts = months.value(QStringLiteral("series"))
                                           .toArray()
                                           .first()
                                           .toObject()
                                           .value(QStringLiteral("counts"))
                                           .toArray();
        QCOMPARE(monthCounts.at(0).toInt(),
                 searchTotal(QStringLiteral("study"), QStringLiteral("2025-01-01"),
                             QStringLiteral("2025-02-01")));
        QVERIFY(monthCounts.at(2).isNull());
    }

    void shareOfThePeriod()
    {
        const QJsonObject object = trends({QStringLiteral("diffusion"), QStringLiteral("--share"),
                                           QStringLiteral("--by"), QStringLiteral("year")});
        QCOMPARE(object.value(QStringLiteral("periods")).toArray().toVariantList(),
                 (QVariantList{QStringLiteral("2024-01-01"), QStringLiteral("2025-01-01")}));
        const QJsonObject series =
            object.value(QStringLiteral("series")).toArray().first().toObject();
        const QJsonArray totals = object.value(QStringLiteral("totals")).toArray();
        for (int i = 0; i < 2; ++i) {
            const double count = series.value(QStringLiteral("counts")).toArray().at(i).toDouble();
            const double share = series.value(QStringLiteral("share")).toArray().at(i).toDouble();
            QVERIFY(count > 0);
            QVERIFY(qAbs(share - count / totals.at(i).toDouble()) < 1e-6);
        }
        QCOMPARE(totals.at(1).toInt(), searchTotal(QString(), QStringLiteral("2025-01-01"),
                                                   QStringLiteral("2026-01-01")));
    }

    void savedSearchByName()
    {
        const QJsonObject object =
            trends({QStringLiteral("--saved"), QStringLiteral("diffusion, NOT VIDEO"),
                    QStringLiteral("video")});
        const QJsonArray series = object.value(QStringLiteral("series")).toArray();
        QCOMPARE(series.size(), 2);
        QCOMPARE(series.at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Diffusion, not video"));
        QCOMPARE(series.at(0).toObject().value(QStringLiteral("query")).toString(),
                 QStringLiteral("diffusion -video"));
        QCOMPARE(series.at(0).toObject().value(QStringLiteral("counts")).toArray().first().toInt(),
                 searchTotal(QStringLiteral("diffusion -video"), QStringLiteral("2024-12-01"),
                             QStringLiteral("2025-01-01")));
        const CliRun missing = runPaperboy(
            m_db, {QStringLiteral("trends"), QStringLiteral("--saved"), QStringLiteral("nope")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("no saved search named 'nope'"));
    }

    // A trend kept by name (user_saved_trends), shown again with the same figures, listed,
    // refused twice without --replace, deleted.
    void savedTrends()
    {
        auto run = [this](const QStringList &arguments) {
            return runPaperboy(m_db, QStringList{QStringLiteral("trends")} + arguments);
        };
        const CliRun saved = run(
            {QStringLiteral("--save"), QStringLiteral("Diffusion watch"),
             QStringLiteral("扩散模型"), QStringLiteral("--saved"),
             QStringLiteral("diffusion, not video"), QStringLiteral("--by"), QStringLiteral("week"),
             QStringLiteral("--from"), QStringLiteral("2024-12-20"), QStringLiteral("--to"),
             QStringLiteral("2025-02-09"), QStringLiteral("--share"), QStringLiteral("--json")});
        QVERIFY2(saved.exitCode == 0, saved.err.constData());
        const QJsonObject kept = saved.json().object();
        QCOMPARE(kept.value(QStringLiteral("name")).toString(), QStringLiteral("Diffusion watch"));
        // The saved search's text, then the queries as typed.
        QCOMPARE(kept.value(QStringLiteral("queries")).toArray().toVariantList(),
                 (QVariantList{QStringLiteral("diffusion -video"), QStringLiteral("扩散模型")}));
        QCOMPARE(kept.value(QStringLiteral("by")).toString(), QStringLiteral("week"));
        QCOMPARE(kept.value(QStringLiteral("from")).toString(), QStringLiteral("2024-12-20"));
        QVERIFY(kept.value(QStringLiteral("share")).toBool());
        QVERIFY(!kept.value(QStringLiteral("replaced")).toBool());

        // Shown again: the figures of the same trend typed out.
        const QJsonObject again =
            trends({QStringLiteral("--saved-trend"), QStringLiteral("DIFFUSION WATCH")});
        const QJsonObject typed = trends(
            {QStringLiteral("diffusion -video"), QStringLiteral("扩散模型"), QStringLiteral("--by"),
             QStringLiteral("week"), QStringLiteral("--from"), QStringLiteral("2024-12-20"),
             QStringLiteral("--to"), QStringLiteral("2025-02-09"), QStringLiteral("--share")});
        QVERIFY(!again.isEmpty());
        QCOMPARE(again, typed);
        QCOMPARE(again.value(QStringLiteral("by")).toString(), QStringLiteral("week"));
        QCOMPARE(again.value(QStringLiteral("from")).toString(), QStringLiteral("2024-12-16"));
        QVERIFY(again.value(QStringLiteral("series"))
                    .toArray()
                    .at(1)
                    .toObject()
                    .contains(QStringLiteral("share")));
        // An option beside it wins.
        QCOMPARE(trends({QStringLiteral("--saved-trend"), QStringLiteral("diffusion watch"),
                         QStringLiteral("--by"), QStringLiteral("month")})
                     .value(QStringLiteral("by"))
                     .toString(),
                 QStringLiteral("month"));

        // The name is taken (any case) until --replace.
        const CliRun twice = run(
            {QStringLiteral("--save"), QStringLiteral("diffusion WATCH"), QStringLiteral("graph")});
        QCOMPARE(twice.exitCode, 1);
        QVERIFY(twice.err.contains("already exists"));
        const CliRun other = run({QStringLiteral("--save"), QStringLiteral("Graphs"),
                                  QStringLiteral("graph"), QStringLiteral("protein")});
        QCOMPARE(other.exitCode, 0);
        QVERIFY2(other.out.startsWith("new saved trend 'Graphs': 'graph', 'protein' (by month)"),
                 other.out.constData());

        const CliRun list = run({QStringLiteral("--list-saved"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray listed = list.json().array();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Diffusion watch"));
        QCOMPARE(listed.at(1).toObject().value(QStringLiteral("to")), QJsonValue());
        const CliRun text = run({QStringLiteral("--list-saved")});
        QVERIFY2(text.out.contains("Diffusion watch: 'diffusion -video', '扩散模型' (by week, "
                                   "shares, from 2024-12-20, to 2025-02-09)"),
                 text.out.constData());

        const CliRun replaced = run({QStringLiteral("--save"), QStringLiteral("graphs"),
                                     QStringLiteral("graph"), QStringLiteral("--replace")});
        QCOMPARE(replaced.exitCode, 0);
        QVERIFY(replaced.out.startsWith("replaced saved trend 'graphs': 'graph'"));

        QCOMPARE(run({QStringLiteral("--delete-saved"), QStringLiteral("GRAPHS")}).exitCode, 0);
        const CliRun gone = run({QStringLiteral("--delete-saved"), QStringLiteral("graphs")});
        QCOMPARE(gone.exitCode, 1);
        QVERIFY(gone.err.contains("no saved trend named 'graphs'"));
        const CliRun unknown = run({QStringLiteral("--saved-trend"), QStringLiteral("graphs")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains("no saved trend named 'graphs'"));
        QCOMPARE(
            run({QStringLiteral("--list-saved"), QStringLiteral("--json")}).json().array().size(),
            1);
        // One action at a time; no query to list; no name to save without a search.
        QCOMPARE(run({QStringLiteral("--list-saved"), QStringLiteral("--delete-saved"),
                      QStringLiteral("x")})
                     .exitCode,
                 2);
        QCOMPARE(run({QStringLiteral("--list-saved"), QStringLiteral("x")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("--save"), QStringLiteral("empty")}).exitCode, 2);
        // help names them
        const CliRun help = runPaperboy(m_db, {QStringLiteral("--help")});
        QVERIFY(help.out.contains("--saved-trend NAME"));
        QVERIFY(help.out.contains("--delete-saved NAME"));
    }

    void table()
    {
        const CliRun run = runPaperboy(m_db, {QStringLiteral("trends"), QStringLiteral("diffusion"),
                                              QStringLiteral("扩散模型"), QStringLiteral("--by"),
                                              QStringLiteral("month"), QStringLiteral("--share")});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = QString::fromUtf8(run.out).split(QLatin1Char('\n'));
        QVERIFY2(lines.first().startsWith(QLatin1String("month")), run.out.constData());
        QVERIFY(lines.first().contains(QStringLiteral("扩散模型")));
        QVERIFY(lines.first().endsWith(QLatin1String("all papers")));
        // The library starts on 2024-12-16 and ends on 2025-04-04: both months are partial.
        QVERIFY(lines.at(1).startsWith(QLatin1String("2024-12-01*")));
        QVERIFY(lines.filter(QStringLiteral("2025-04-01*")).size() == 1);
        QVERIFY(lines.filter(QStringLiteral("2025-01-01 ")).size() == 1);
        QVERIFY(run.out.contains("(* : the library covers only part of that period: it holds "
                                 "2024-12-16 to 2025-04-04)"));
        QVERIFY(lines.at(1).contains(QLatin1Char('%')));
        const QString march = lines.filter(QStringLiteral("2025-03-01")).value(0);
        QVERIFY(march.simplified() == QLatin1String("2025-03-01 - - -"));
        QVERIFY(run.out.contains("the library holds nothing in that period"));
    }

    void usageErrors()
    {
        const QList<QStringList> wrong = {
            {QStringLiteral("trends")},
            {QStringLiteral("trends"), QStringLiteral("x"), QStringLiteral("--by"),
             QStringLiteral("fortnight")},
            {QStringLiteral("trends"), QStringLiteral("x"), QStringLiteral("--from"),
             QStringLiteral("2025-13-01")},
        };
        for (const QStringList &arguments : wrong) {
            const CliRun run = runPaperboy(m_db, arguments);
            QVERIFY2(run.exitCode == 2, qPrintable(arguments.join(QLatin1Char(' '))));
            QVERIFY(!run.err.isEmpty());
        }
        const QJsonObject none =
            trends({QStringLiteral("study"), QStringLiteral("--from"), QStringLiteral("2030-01-01"),
                    QStringLiteral("--to"), QStringLiteral("2029-01-01")});
        QVERIFY(none.value(QStringLiteral("periods")).toArray().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliTrends)
#include "tst_cli_trends.moc"
