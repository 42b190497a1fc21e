// Trends (issue #22): every count equals the number of matches of the same search limited to
// the period (after:START before:END), over a library with gap days, gap weeks, a gap month,
// a repeat day, papers listed twice and papers without digests; week boundaries; shares;
// paper_dates kept in step with the digests by migration 013's triggers.

#include "search/searcher.h"
#include "search/smart_views.h"
#include "search/trend_coverage.h"
#include "search/trends.h"
#include "test_db.h"
#include "trend_library.h"

#include <QSqlError>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;

class TestTrends : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Database m_database;
    std::unique_ptr<Store> m_store;

    int searchCount(const QString &query, const QDate &from, const QDate &to)
    {
        return Searcher(m_database.connection())
            .count(parseSearchQuery(
                QStringLiteral("%1 after:%2 before:%3")
                    .arg(query, from.toString(Qt::ISODate), to.toString(Qt::ISODate))));
    }

    // Each held period's count against search; gaps where nothing is dated.
    void checkAgainstSearch(const QString &query, TrendPeriod by)
    {
        const Trends trends(*m_store);
        const TrendAxis axis = trends.axis(by);
        QVERIFY2(axis.ok, qPrintable(axis.error));
        QVERIFY(!axis.isEmpty());
        const TrendSeries series = trends.series(query, axis);
        QVERIFY2(series.ok, qPrintable(series.error));
        QCOMPARE(series.counts.size(), axis.periods.size());
        qint64 sum = 0;
        for (qsizetype i = 0; i < axis.periods.size(); ++i) {
            const QDate start = axis.periods.at(i);
            const QDate end = axis.periodEnd(i);
            const int expected = searchCount(query, start, end);
            if (!axis.held.at(i)) {
                QVERIFY2(!series.counts.at(i), qPrintable(start.toString(Qt::ISODate)));
                QCOMPARE(expected, 0);
                QCOMPARE(searchCount(QString(), start, end), 0);
                continue;
            }
            QVERIFY2(series.counts.at(i), qPrintable(start.toString(Qt::ISODate)));
            QVERIFY2(*series.counts.at(i) == expected,
                     qPrintable(QStringLiteral("%1 by %2 at %3: %4, search says %5")
                                    .arg(query, trendPeriodName(by), start.toString(Qt::ISODate))
                                    .arg(*series.counts.at(i))
                                    .arg(expected)));
            QCOMPARE(axis.totals.at(i), qint64(searchCount(QString(), start, end)));
            sum += *series.counts.at(i);
        }
        // Every match dated within the axis is in some period.
        QCOMPARE(sum, qint64(searchCount(query, axis.start(), axis.end())));
    }

    qint64 countAt(const TrendSeries &series, const TrendAxis &axis, const QDate &start)
    {
        const qsizetype i = axis.periods.indexOf(start);
        return i < 0 || !series.counts.at(i) ? -1 : *series.counts.at(i);
    }

    bool datesConsistent()
    {
        // paper_dates against the definition, recomputed for every paper.
        QSqlQuery q(m_database.connection());
        return q.exec(QStringLiteral(
                   "SELECT (SELECT count(*) FROM paper_date_source s LEFT JOIN paper_dates d"
                   " ON d.paper_id = s.paper_id WHERE s.day IS NOT d.day) + (SELECT count(*)"
                   " FROM paper_dates d WHERE NOT EXISTS (SELECT 1 FROM papers p"
                   " WHERE p.id = d.paper_id))")) &&
               q.next() && q.value(0).toInt() == 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_database.open(m_dir.filePath(QStringLiteral("trends.sqlite"))));
        m_store = std::make_unique<Store>(m_database);
        QVERIFY2(fillTrendLibrary(*m_store), qPrintable(m_store->lastError()));
        QVERIFY(m_store->addTags(QStringLiteral("2501.00004"), {QStringLiteral("reading")}));
        QVERIFY(m_store->addTags(QStringLiteral("2501.00040"), {QStringLiteral("reading")}));
        QVERIFY(m_store->setStarred(QStringLiteral("2501.00009"), true));
        QVERIFY(datesConsistent());
    }

    void periodsStartOnMondaysAndFirstDays()
    {
        QCOMPARE(trendPeriodStart(QDate(2025, 1, 5), TrendPeriod::Week), QDate(2024, 12, 30));
        QCOMPARE(trendPeriodStart(QDate(2025, 1, 6), TrendPeriod::Week), QDate(2025, 1, 6));
        QCOMPARE(trendPeriodStart(QDate(2024, 12, 30), TrendPeriod::Week), QDate(2024, 12, 30));
        QCOMPARE(trendPeriodStart(QDate(2025, 2, 28), TrendPeriod::Month), QDate(2025, 2, 1));
        QCOMPARE(trendPeriodStart(QDate(2025, 7, 4), TrendPeriod::Year), QDate(2025, 1, 1));
        QCOMPARE(trendPeriodAfter(QDate(2025, 1, 31), TrendPeriod::Day), QDate(2025, 2, 1));
        QCOMPARE(trendPeriodAfter(QDate(2024, 12, 30), TrendPeriod::Week), QDate(2025, 1, 6));
        QCOMPARE(trendPeriodAfter(QDate(2025, 1, 1), TrendPeriod::Month), QDate(2025, 2, 1));
        QCOMPARE(trendPeriodFromName(QStringLiteral("Week")), TrendPeriod::Week);
        QVERIFY(!trendPeriodFromName(QStringLiteral("fortnight")));
    }

    void axisSpansTheDigestsInWholePeriods()
    {
        const Trends trends(*m_store);
        const TrendAxis weeks = trends.axis(TrendPeriod::Week);
        QCOMPARE(weeks.start(), QDate(2024, 12, 16));
        QCOMPARE(weeks.periods.constLast(), QDate(2025, 3, 31));
        for (const QDate &start : weeks.periods)
            QCOMPARE(start.dayOfWeek(), 1);
        const TrendAxis months =
            trends.axis(TrendPeriod::Month, QDate(2025, 1, 15), QDate(2025, 4, 2));
        QCOMPARE(months.periods, (QList<QDate>{QDate(2025, 1, 1), QDate(2025, 2, 1),
                                               QDate(2025, 3, 1), QDate(2025, 4, 1)}));
        QCOMPARE(months.held, (QList<bool>{true, true, false, true}));
        QCOMPARE(months.end(), QDate(2025, 5, 1));
        QVERIFY(trends.axis(TrendPeriod::Day, QDate(2025, 2, 1), QDate(2025, 1, 1)).isEmpty());
    }

    // The library holds 2024-12-16 (a Monday) to 2025-04-04 (a Friday): the periods it covers
    // only part of are marked, whatever range is asked for; a period it never reaches is not.
    void partialPeriodsAtTheEnds()
    {
        const Trends trends(*m_store);
        auto partialOf = [&](TrendPeriod by, const QDate &from = {}, const QDate &to = {}) {
            const TrendAxis axis = trends.axis(by, from, to);
            const TrendCoverage coverage = trendCoverage(*m_store, axis);
            QList<QDate> partial;
            for (qsizetype i = 0; i < axis.periods.size(); ++i)
                if (coverage.isPartial(i))
                    partial.append(axis.periods.at(i));
            return partial;
        };
        const TrendAxis month = trends.axis(TrendPeriod::Month);
        const TrendCoverage coverage = trendCoverage(*m_store, month);
        QVERIFY(coverage.ok);
        QCOMPARE(coverage.first, QDate(2024, 12, 16));
        QCOMPARE(coverage.last, QDate(2025, 4, 4));
        QCOMPARE(coverage.partial.size(), month.periods.size());
        QCOMPARE(partialOf(TrendPeriod::Month),
                 (QList<QDate>{QDate(2024, 12, 1), QDate(2025, 4, 1)}));
        QCOMPARE(partialOf(TrendPeriod::Week), QList<QDate>{QDate(2025, 3, 31)});
        QCOMPARE(partialOf(TrendPeriod::Year),
                 (QList<QDate>{QDate(2024, 1, 1), QDate(2025, 1, 1)}));
        QVERIFY(partialOf(TrendPeriod::Day).isEmpty());
        // A range inside the library: whole periods, none partial; reaching beyond it: the
        // periods the library does not reach are gaps, not partial.
        QVERIFY(partialOf(TrendPeriod::Month, QDate(2025, 1, 10), QDate(2025, 2, 3)).isEmpty());
        const TrendAxis wide =
            trends.axis(TrendPeriod::Month, QDate(2024, 10, 1), QDate(2025, 6, 30));
        QCOMPARE(wide.periods.size(), 9);
        QCOMPARE(partialOf(TrendPeriod::Month, QDate(2024, 10, 1), QDate(2025, 6, 30)),
                 (QList<QDate>{QDate(2024, 12, 1), QDate(2025, 4, 1)}));
        QVERIFY(!wide.held.at(8));
        // A library without digests is bounded by its papers' dates.
        Database empty;
        QVERIFY(empty.open(m_dir.filePath(QStringLiteral("nothing.sqlite"))));
        const TrendCoverage none = trendCoverage(empty.connection(), TrendAxis());
        QVERIFY(none.ok && !none.first.isValid() && none.partial.isEmpty());
    }

    void countsEqualSearchCounts_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<TrendPeriod>("by");
        const QStringList queries = {
            QStringLiteral("diffusion"),
            QStringLiteral("扩散模型"),
            QStringLiteral("扩散"),
            QStringLiteral("\"study of graph\""),
            QStringLiteral("diffusion -video"),
            QStringLiteral("-diffusion"),
            QStringLiteral("author:wang"),
            QStringLiteral("cat:cs.CV protein"),
            QStringLiteral("tag:reading"),
            QStringLiteral("is:starred"),
            QStringLiteral("transformer after:2025-01-08 before:2025-02-10"),
            QStringLiteral("graph OR"),
            QStringLiteral("nothingmatchesthis"),
        };
        for (const QString &query : queries)
            for (TrendPeriod by :
                 {TrendPeriod::Day, TrendPeriod::Week, TrendPeriod::Month, TrendPeriod::Year})
                QTest::newRow(qPrintable(query + QLatin1Char('/') + trendPeriodName(by)))
                    << query << by;
    }

    void countsEqualSearchCounts()
    {
        QFETCH(QString, query);
        QFETCH(TrendPeriod, by);
        checkAgainstSearch(query, by);
    }

    void gapsAreNotZeros()
    {
        const Trends trends(*m_store);
        const TrendAxis days = trends.axis(TrendPeriod::Day);
        const TrendSeries all = trends.series(QStringLiteral("study"), days);
        auto at = [&](const QDate &day) { return countAt(all, days, day); };
        QCOMPARE(at(QDate(2024, 12, 25)), -1); // a Wednesday without a digest
        QCOMPARE(at(QDate(2025, 1, 15)), -1);  // the week without digests
        QCOMPARE(at(QDate(2025, 1, 4)), 0);    // the repeat: held, nothing new
        QCOMPARE(at(QDate(2025, 1, 5)), -1);   // Sunday
        QCOMPARE(at(QDate(2025, 2, 15)), 1);   // a paper without digest, dated by submission
        QVERIFY(at(QDate(2025, 1, 3)) > 0);
        const TrendAxis weeks = trends.axis(TrendPeriod::Week);
        const TrendSeries byWeek = trends.series(QStringLiteral("study"), weeks);
        QCOMPARE(countAt(byWeek, weeks, QDate(2025, 1, 13)), -1);
        QCOMPARE(countAt(byWeek, weeks, QDate(2025, 3, 3)), -1);
        QVERIFY(countAt(byWeek, weeks, QDate(2024, 12, 30)) > 0);
    }

    void weeksRunMondayToSunday()
    {
        // The week of Monday 2024-12-30 holds 2024-12-30 ... 2025-01-05 across the new year.
        const Trends trends(*m_store);
        const TrendAxis weeks = trends.axis(TrendPeriod::Week);
        const TrendAxis days = trends.axis(TrendPeriod::Day);
        const TrendSeries byWeek = trends.series(QStringLiteral("study"), weeks);
        const TrendSeries byDay = trends.series(QStringLiteral("study"), days);
        qint64 sum = 0;
        for (QDate day(2024, 12, 30); day < QDate(2025, 1, 6); day = day.addDays(1))
            sum += std::max<qint64>(0, countAt(byDay, days, day));
        QCOMPARE(countAt(byWeek, weeks, QDate(2024, 12, 30)), sum);
        QCOMPARE(sum, qint64(searchCount(QStringLiteral("study"), QDate(2024, 12, 30),
                                         QDate(2025, 1, 6))));
        QVERIFY(countAt(byDay, days, QDate(2025, 1, 6)) > 0); // Monday opens the next week
    }

    void shareIsOfAllPapersInThePeriod()
    {
        const Trends trends(*m_store);
        const TrendAxis months = trends.axis(TrendPeriod::Month);
        const TrendSeries series = trends.series(QStringLiteral("diffusion"), months);
        for (qsizetype i = 0; i < months.periods.size(); ++i) {
            if (!months.held.at(i)) {
                QVERIFY(!series.share(months, i));
                continue;
            }
            QVERIFY(series.share(months, i));
            QCOMPARE(*series.share(months, i),
                     double(*series.counts.at(i)) / double(months.totals.at(i)));
            QVERIFY(*series.share(months, i) > 0 && *series.share(months, i) < 1);
        }
    }

    void datesFollowTheDigests()
    {
        // A paper first listed on 2025-02-03 turns up in an earlier digest: it moves.
        const Trends trends(*m_store);
        const QString query = QStringLiteral("\"number 1\"");
        Digest earlier;
        earlier.date = QDate(2024, 12, 2);
        earlier.source = QStringLiteral("arxiv-api");
        earlier.category = QStringLiteral("cs.CV");
        DigestEntry entry;
        entry.paper = trendPaper(1, QDate(2024, 12, 16));
        entry.position = 1;
        earlier.entries = {entry};
        QVERIFY(m_store->saveDigests({earlier}));
        QVERIFY(datesConsistent());
        const TrendAxis months = trends.axis(TrendPeriod::Month);
        QCOMPARE(months.start(), QDate(2024, 12, 1));
        QCOMPARE(countAt(trends.series(query, months), months, QDate(2024, 12, 1)), 1);
        checkAgainstSearch(query, TrendPeriod::Day);

        // Deleting that digest (its entries go with it) dates the paper by its first listing
        // again; changing a digest's date moves its papers.
        QSqlQuery q(m_database.connection());
        QVERIFY2(q.exec(QStringLiteral("DELETE FROM digests WHERE date = '2024-12-02'")),
                 qPrintable(q.lastError().text()));
        QVERIFY(datesConsistent());
        QVERIFY(q.exec(
            QStringLiteral("UPDATE digests SET date = '2024-12-13' WHERE date = '2024-12-16'")));
        QVERIFY(datesConsistent());
        checkAgainstSearch(QStringLiteral("study"), TrendPeriod::Day);
        QVERIFY(q.exec(
            QStringLiteral("UPDATE digests SET date = '2024-12-16' WHERE date = '2024-12-13'")));
        QVERIFY(q.exec(QStringLiteral("UPDATE papers SET published = '2025-02-18' WHERE"
                                      " published = '2025-02-15'")));
        QVERIFY(datesConsistent());
        checkAgainstSearch(QStringLiteral("study"), TrendPeriod::Week);
    }

    void savedSearchesAndEmptyLibraries()
    {
        SmartViews views(*m_store);
        QVERIFY(views.saveSearch(QStringLiteral("kd"), QStringLiteral("diffusion -graph")));
        const QList<SavedSearch> saved = views.savedSearches();
        QCOMPARE(saved.size(), 1);
        checkAgainstSearch(saved.first().query, TrendPeriod::Month);

        Database empty;
        QVERIFY(empty.open(m_dir.filePath(QStringLiteral("empty.sqlite"))));
        const Trends trends(empty.connection());
        const TrendAxis axis = trends.axis(TrendPeriod::Month);
        QVERIFY(axis.ok);
        QVERIFY(axis.isEmpty());
        const TrendSeries series = trends.series(QStringLiteral("diffusion"), axis);
        QVERIFY(series.ok);
        QVERIFY(series.counts.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTrends)
#include "tst_trends.moc"
