// Reading statistics (issue #22): papers read, starred and annotated per week (Monday first,
// in local time), papers arrived, this week's top tags; every count checked against the user
// tables read row by row here, and `paperboy stats --json` against the core.

#include "cli_runner.h"
#include "import/importer.h"
#include "search/reading_stats.h"
#include "search/trends.h"
#include "test_db.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>

using namespace paperboy;
using namespace paperboy::test;

namespace {

// Shanghai (UTC+8, no summer time): a change late on a Sunday in UTC is Monday's.
const QByteArray kZone = "Asia/Shanghai";

QDateTime utc(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2024, month, day), QTime(hour, minute), Qt::UTC);
}

QDate mondayOf(const QDate &day)
{
    return day.addDays(1 - day.dayOfWeek());
}

} // namespace

class TestReadingStats : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;
    QStringList m_ids;

    void at(const QDateTime &when)
    {
        m_store->setClock([when] { return when; });
    }

    // Per Monday, what the user tables say, computed here from each row's time.
    QMap<QDate, ReadingWeek> fromTheTables()
    {
        QMap<QDate, ReadingWeek> weeks;
        QSqlQuery q(m_db->connection());
        if (!q.exec(QStringLiteral("SELECT starred, starred_changed, read, read_changed, note,"
                                   " note_changed FROM user_papers")))
            return weeks;
        auto add = [&weeks](const QVariant &changed, qint64 ReadingWeek::*count) {
            const QDate day =
                QDateTime::fromString(changed.toString(), Qt::ISODateWithMs).toLocalTime().date();
            ReadingWeek &week = weeks[mondayOf(day)];
            week.start = mondayOf(day);
            week.*count += 1;
        };
        while (q.next()) {
            if (q.value(0).toInt() == 1)
                add(q.value(1), &ReadingWeek::starred);
            if (q.value(2).toInt() == 1)
                add(q.value(3), &ReadingWeek::read);
            if (!q.value(4).toString().isEmpty())
                add(q.value(5), &ReadingWeek::annotated);
        }
        return weeks;
    }

private slots:
    void initTestCase()
    {
        qputenv("TZ", kZone);
        tzset();
        QCOMPARE(utc(3, 24, 17).toLocalTime().date(), QDate(2024, 3, 25));
        m_path = m_dir.filePath(QStringLiteral("stats.sqlite"));
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_path));
        m_store = std::make_unique<Store>(*m_db);
        QVERIFY(Importer(*m_store).importFile(foundingDigestPath()).ok);
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT arxiv_id FROM papers ORDER BY arxiv_id LIMIT 8")));
        while (q.next())
            m_ids.append(q.value(0).toString());
        QCOMPARE(m_ids.size(), 3);
        // User data is keyed by arXiv id and counts whether the paper is in the cache or not.
        for (int i = 1; i <= 5; ++i)
            m_ids.append(QStringLiteral("2403.9000%1").arg(i));

        // Week of Monday 2024-03-11 (local): a star undone later, a note edited later.
        at(utc(3, 11, 1));
        QVERIFY(m_store->setStarred(m_ids.at(0), true));
        QVERIFY(m_store->setNote(m_ids.at(1), QStringLiteral("first thought")));
        QVERIFY(m_store->setReadMany({m_ids.at(2)}, true));
        // Week of 2024-03-18: three stars (one is a Sunday evening in Shanghai), the note's
        // edit, a note of its own, four read at once (Mark Day Read), tags.
        at(utc(3, 18, 2));
        QVERIFY(m_store->setStarred(m_ids.at(0), false));
        QVERIFY(m_store->setStarred(m_ids.at(3), true));
        QVERIFY(m_store->setNote(m_ids.at(1), QStringLiteral("second thought")));
        QVERIFY(m_store->setNote(m_ids.at(4), QStringLiteral("读过了")));
        QVERIFY(m_store->setReadMany(m_ids.mid(3, 4), true));
        QVERIFY(m_store->addTags(m_ids.at(3), {QStringLiteral("kd"), QStringLiteral("diffusion")}));
        QVERIFY(m_store->addTags(m_ids.at(4), {QStringLiteral("kd")}));
        QVERIFY(m_store->addTags(m_ids.at(5), {QStringLiteral("kd"), QStringLiteral("蒸馏")}));
        at(utc(3, 24, 15, 59)); // Sunday 23:59 in Shanghai
        QVERIFY(m_store->setStarred(m_ids.at(5), true));
        QVERIFY(m_store->setStarred(m_ids.at(6), true));
        // Monday 2024-03-25 01:00 in Shanghai, still Sunday in UTC: next week.
        at(utc(3, 24, 17));
        QVERIFY(m_store->setStarred(m_ids.at(7), true));
        QVERIFY(m_store->setReadMany({m_ids.at(7)}, true));
        QVERIFY(m_store->addTags(m_ids.at(7), {QStringLiteral("late")}));
        // A note removed: not annotated.
        QVERIFY(m_store->setNote(m_ids.at(2), QStringLiteral("gone soon")));
        QVERIFY(m_store->setNote(m_ids.at(2), QString()));
    }

    void weeksEqualTheUserTables()
    {
        const ReadingStats stats =
            ReadingStatistics(*m_store).compute(QDate(2024, 3, 27)); // a Wednesday
        QVERIFY2(stats.ok, qPrintable(stats.error));
        QCOMPARE(stats.weeks.size(), 3);
        QCOMPARE(stats.weeks.first().start, QDate(2024, 3, 11));
        for (const ReadingWeek &week : stats.weeks)
            QCOMPARE(week.start.dayOfWeek(), 1);
        const QMap<QDate, ReadingWeek> want = fromTheTables();
        QCOMPARE(want.size(), 3);
        for (const ReadingWeek &week : stats.weeks) {
            ReadingWeek expected = want.value(week.start);
            expected.start = week.start;
            expected.arrived = week.arrived;
            QCOMPARE(week, expected);
        }
        // The same by hand: what the reader did, as the library keeps it.
        QCOMPARE(stats.weeks.at(0).starred, 0LL);   // unstarred the week after
        QCOMPARE(stats.weeks.at(0).annotated, 0LL); // edited the week after
        QCOMPARE(stats.weeks.at(0).read, 1LL);
        QCOMPARE(stats.weeks.at(1).starred, 3LL);
        QCOMPARE(stats.weeks.at(1).annotated, 2LL);
        QCOMPARE(stats.weeks.at(1).read, 4LL);
        QCOMPARE(stats.weeks.at(2).starred, 1LL);
        QCOMPARE(stats.weeks.at(2).read, 1LL);
        QCOMPARE(stats.weeks.at(2).annotated, 0LL);
        QCOMPARE(stats.undated, 0LL);

        // Arrived: the papers dated in the week, as the trends count every paper.
        const TrendAxis axis =
            Trends(*m_store).axis(TrendPeriod::Week, QDate(2024, 3, 11), QDate(2024, 3, 31));
        QCOMPARE(axis.periods.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(stats.weeks.at(i).arrived, axis.totals.at(i));
        QVERIFY(stats.weeks.at(0).arrived > 0);

        QCOMPARE(stats.thisWeek, stats.weeks.last());
        QCOMPARE(stats.topTags, (QList<TagUse>{{QStringLiteral("late"), 1}}));
    }

    void aWeekItsTopTagsAndALimit()
    {
        const ReadingStats stats = ReadingStatistics(*m_store).compute(QDate(2024, 3, 24), 5);
        QVERIFY(stats.ok);
        QCOMPARE(stats.weeks.size(), 5);
        QCOMPARE(stats.weeks.first().start, QDate(2024, 2, 19));
        QCOMPARE(stats.thisWeek.start, QDate(2024, 3, 18));
        QCOMPARE(stats.thisWeek.starred, 3LL);
        QCOMPARE(stats.topTags, (QList<TagUse>{{QStringLiteral("kd"), 3},
                                               {QStringLiteral("diffusion"), 1},
                                               {QStringLiteral("蒸馏"), 1}}));
        // A week nothing happened in: zeros, still listed.
        const ReadingStats later = ReadingStatistics(*m_store).compute(QDate(2024, 5, 1), 2);
        QCOMPARE(later.weeks.size(), 2);
        QCOMPARE(later.thisWeek.read + later.thisWeek.starred + later.thisWeek.annotated, 0LL);
        QVERIFY(later.topTags.isEmpty());
    }

    void commandLineSaysTheSame()
    {
        const CliRun run = runPaperboy(m_path,
                                       {QStringLiteral("stats"), QStringLiteral("--today"),
                                        QStringLiteral("2024-03-27"), QStringLiteral("--weeks"),
                                        QStringLiteral("0"), QStringLiteral("--json")},
                                       {}, 60000);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject object = run.json().object();
        const ReadingStats stats = ReadingStatistics(*m_store).compute(QDate(2024, 3, 27));
        const QJsonArray weeks = object.value(QStringLiteral("weeks")).toArray();
        QCOMPARE(weeks.size(), stats.weeks.size());
        for (int i = 0; i < weeks.size(); ++i) {
            const QJsonObject week = weeks.at(i).toObject();
            QCOMPARE(week.value(QStringLiteral("start")).toString(),
                     stats.weeks.at(i).start.toString(Qt::ISODate));
            QCOMPARE(week.value(QStringLiteral("read")).toInteger(), stats.weeks.at(i).read);
            QCOMPARE(week.value(QStringLiteral("starred")).toInteger(), stats.weeks.at(i).starred);
            QCOMPARE(week.value(QStringLiteral("annotated")).toInteger(),
                     stats.weeks.at(i).annotated);
            QCOMPARE(week.value(QStringLiteral("arrived")).toInteger(), stats.weeks.at(i).arrived);
        }
        const QJsonObject thisWeek = object.value(QStringLiteral("this_week")).toObject();
        QCOMPARE(thisWeek.value(QStringLiteral("start")).toString(), QStringLiteral("2024-03-25"));
        QCOMPARE(thisWeek.value(QStringLiteral("top_tags")).toArray().size(), 1);

        const CliRun text = runPaperboy(m_path, {QStringLiteral("stats"), QStringLiteral("--today"),
                                                 QStringLiteral("2024-03-24")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("This week (from Monday 2024-03-18):"), text.out.constData());
        QVERIFY(text.out.contains("3 starred, 2 annotated"));
        QVERIFY(text.out.contains("Top tags: kd (3), diffusion (1), 蒸馏 (1)"));
        QCOMPARE(runPaperboy(m_path, {QStringLiteral("stats"), QStringLiteral("--weeks"),
                                      QStringLiteral("many")})
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestReadingStats)
#include "tst_reading_stats.moc"
