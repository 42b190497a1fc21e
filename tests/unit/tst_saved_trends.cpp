// Saved trends (issue #22): a trend kept by name beside the saved searches. User data in its
// own table (user_saved_trends, migration 014): imports never touch it, backups carry it
// (format version 5) and restores merge it like saved searches.

#include "backup/backup_file.h"
#include "backup/backup_format.h"
#include "backup/backup_restore.h"
#include "backup/backup_stream.h"
#include "import/importer.h"
#include "search/saved_trends.h"
#include "test_db.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;

namespace {

const QDateTime kMonday(QDate(2024, 3, 18), QTime(9, 0), Qt::UTC);

SavedTrend trend(const QString &name, const QStringList &queries,
                 TrendPeriod by = TrendPeriod::Week)
{
    SavedTrend t;
    t.name = name;
    t.queries = queries;
    t.by = by;
    return t;
}

} // namespace

class TestSavedTrends : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;
    int m_opened = 0;

    bool openLibrary()
    {
        m_store.reset();
        m_db = std::make_unique<Database>();
        if (!m_db->open(m_dir.filePath(QStringLiteral("lib%1.sqlite").arg(++m_opened))))
            return false;
        m_store = std::make_unique<Store>(*m_db);
        return true;
    }

    SavedTrends trends(const QDateTime &now = kMonday)
    {
        SavedTrends t(*m_store);
        t.setClock([now] { return now; });
        return t;
    }

private slots:
    void init() { QVERIFY(openLibrary()); }

    void savesListsFindsAndRemoves()
    {
        SavedTrends saved = trends();
        SavedTrend video = trend(
            QStringLiteral("  Video   models "),
            {QStringLiteral("video"), QStringLiteral(" "), QStringLiteral("cat:cs.CV 扩散模型")},
            TrendPeriod::Month);
        video.share = true;
        video.from = QDate(2024, 1, 1);
        video.to = QDate(2024, 3, 31);
        QCOMPARE(saved.save(video, false), SavedTrends::SaveResult::Saved);
        QCOMPARE(saved.save(trend(QStringLiteral("agents"), {QStringLiteral("agent")}), false),
                 SavedTrends::SaveResult::Saved);

        // By name without case; the name simplified, empty searches dropped.
        const QList<SavedTrend> all = saved.list();
        QVERIFY2(saved.lastError().isEmpty(), qPrintable(saved.lastError()));
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).name, QStringLiteral("agents"));
        const SavedTrend &kept = all.at(1);
        QCOMPARE(kept.name, QStringLiteral("Video models"));
        QCOMPARE(kept.queries,
                 (QStringList{QStringLiteral("video"), QStringLiteral("cat:cs.CV 扩散模型")}));
        QCOMPARE(kept.by, TrendPeriod::Month);
        QVERIFY(kept.share);
        QCOMPARE(kept.from, QDate(2024, 1, 1));
        QCOMPARE(kept.to, QDate(2024, 3, 31));
        QCOMPARE(kept.created, kMonday);
        QCOMPARE(all.at(0).from, QDate());
        QVERIFY(!all.at(0).share);

        const std::optional<SavedTrend> found = saved.find(QStringLiteral("VIDEO MODELS"));
        QVERIFY(found);
        QCOMPARE(*found, kept);
        QVERIFY(!saved.find(QStringLiteral("nothing")));
        QVERIFY(saved.lastError().isEmpty());

        // The same name (any case) is refused without replace, replaced with it.
        SavedTrends later = trends(kMonday.addDays(1));
        QCOMPARE(later.save(trend(QStringLiteral("video MODELS"), {QStringLiteral("clip")}), false),
                 SavedTrends::SaveResult::NameTaken);
        QCOMPARE(later.find(QStringLiteral("video models"))->queries, kept.queries);
        QCOMPARE(later.save(trend(QStringLiteral("video MODELS"), {QStringLiteral("clip")}), true),
                 SavedTrends::SaveResult::Replaced);
        const SavedTrend replaced = *later.find(QStringLiteral("video models"));
        QCOMPARE(replaced.name, QStringLiteral("video MODELS"));
        QCOMPARE(replaced.queries, QStringList{QStringLiteral("clip")});
        QCOMPARE(replaced.created, kMonday.addDays(1));
        QCOMPARE(later.list().size(), 2);

        bool removed = false;
        QVERIFY(later.remove(QStringLiteral("Video Models"), &removed));
        QVERIFY(removed);
        QVERIFY(later.remove(QStringLiteral("Video Models"), &removed));
        QVERIFY(!removed);
        QCOMPARE(later.list().size(), 1);
    }

    void refusesWhatIsNotATrend()
    {
        SavedTrends saved = trends();
        QCOMPARE(saved.save(trend(QStringLiteral(" "), {QStringLiteral("a")}), false),
                 SavedTrends::SaveResult::Failed);
        QCOMPARE(saved.save(trend(QStringLiteral("none"), {QStringLiteral(" ")}), false),
                 SavedTrends::SaveResult::Failed);
        QStringList seven;
        for (int i = 0; i < 7; ++i)
            seven.append(QStringLiteral("q%1").arg(i));
        QCOMPARE(saved.save(trend(QStringLiteral("seven"), seven), false),
                 SavedTrends::SaveResult::Failed);
        SavedTrend backwards = trend(QStringLiteral("backwards"), {QStringLiteral("a")});
        backwards.from = QDate(2024, 3, 1);
        backwards.to = QDate(2024, 2, 1);
        QCOMPARE(saved.save(backwards, false), SavedTrends::SaveResult::Failed);
        QVERIFY(!saved.lastError().isEmpty());
        QVERIFY(saved.list().isEmpty());
    }

    void importsLeaveThemAlone()
    {
        QVERIFY(trends().save(trend(QStringLiteral("kept"), {QStringLiteral("diffusion")}),
                              false) == SavedTrends::SaveResult::Saved);
        const QStringList before = userData(m_db->connection());
        QVERIFY(before.join(QLatin1Char('\n')).contains(QStringLiteral("user_saved_trends|")));
        QVERIFY(Importer(*m_store).importFile(foundingDigestPath()).ok);
        QVERIFY(Importer(*m_store).importFile(foundingDigestPath()).ok);
        QCOMPARE(userData(m_db->connection()), before);
    }

    void backupCarriesThemAsVersion5()
    {
        SavedTrend video = trend(QStringLiteral("视频"),
                                 {QStringLiteral("video"), QStringLiteral("\"state space\"")});
        video.share = true;
        video.to = QDate(2024, 2, 29);
        QVERIFY(trends().save(video, false) == SavedTrends::SaveResult::Saved);
        QVERIFY(trends().save(
                    trend(QStringLiteral("plain"), {QStringLiteral("graph")}, TrendPeriod::Year),
                    false) == SavedTrends::SaveResult::Saved);
        const QStringList user = userData(m_db->connection());

        const QString file = m_dir.filePath(QStringLiteral("trends-backup.json"));
        QString error;
        BackupData written;
        QVERIFY2(writeBackupFile(*m_db, file, &error, {}, &written), qPrintable(error));
        QCOMPARE(written.version, kBackupVersionSavedTrends);
        QCOMPARE(written.savedTrends.size(), 2);
        QCOMPARE(written.savedTrends.at(1).queries,
                 (QStringList{QStringLiteral("video"), QStringLiteral("\"state space\"")}));
        QCOMPARE(written.savedTrends.at(1).to, QStringLiteral("2024-02-29"));
        QVERIFY(written.savedTrends.at(1).from.isEmpty());
        // The streamed file is what the JSON writer makes of the same data.
        QFile bytes(file);
        QVERIFY(bytes.open(QIODevice::ReadOnly));
        const QByteArray text = bytes.readAll();
        QCOMPARE(text, QJsonDocument(backupToJson(written)).toJson());
        QVERIFY(text.contains("\"version\": 5"));
        const std::optional<BackupData> read = readBackupFile(file, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->savedTrends, written.savedTrends);

        // A Paperboy that reads up to version 4 would refuse it: nothing written without.
        QJsonObject newer = backupToJson(written);
        newer.insert(QStringLiteral("version"), kBackupFormatVersion + 1);
        QVERIFY(!backupFromJson(QJsonDocument(newer).toJson(), QStringLiteral("x"), &error));

        // Restored into an empty library: the very same rows; again: nothing changes.
        QVERIFY(openLibrary());
        const RestoreReport report = restoreBackupFile(*m_db, file);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.trendsAdded, 2);
        QCOMPARE(userData(m_db->connection()), user);
        const RestoreReport twice = restoreBackupFile(*m_db, file);
        QVERIFY(twice.ok && !twice.changedAnything());

        // A newer trend of the same name in the library wins, and is reported; an older one
        // is replaced by the backup's.
        QVERIFY(trends(QDateTime::currentDateTimeUtc())
                    .save(trend(QStringLiteral("PLAIN"), {QStringLiteral("mesh")}), true) ==
                SavedTrends::SaveResult::Replaced);
        const RestoreReport newer2 = restoreBackupFile(*m_db, file);
        QVERIFY(newer2.ok);
        QCOMPARE(newer2.trendsReplaced, 0);
        QCOMPARE(newer2.conflicts.size(), 1);
        QCOMPARE(newer2.conflicts.at(0).field, QStringLiteral("saved_trend"));
        QCOMPARE(trends().find(QStringLiteral("plain"))->queries, QStringList{QStringLiteral("mesh")});
        QVERIFY(trends(QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC))
                    .save(trend(QStringLiteral("plain"), {QStringLiteral("old")}), true) ==
                SavedTrends::SaveResult::Replaced);
        const RestoreReport older = restoreBackupFile(*m_db, file);
        QVERIFY(older.ok);
        QCOMPARE(older.trendsReplaced, 1);
        QCOMPARE(trends().find(QStringLiteral("plain"))->queries, QStringList{QStringLiteral("graph")});
    }

    void backupWithoutTrendsKeepsItsVersion()
    {
        QVERIFY(m_store->setStarred(QStringLiteral("2306.05544"), true));
        BackupData written;
        QString error;
        QVERIFY2(writeBackupFile(*m_db, m_dir.filePath(QStringLiteral("plain.json")), &error, {},
                                 &written),
                 qPrintable(error));
        QCOMPARE(written.version, 2);
        QVERIFY(written.savedTrends.isEmpty());
    }

    void badTrendsInABackupAreRefused()
    {
        auto document = [](const QJsonObject &trend) {
            return QJsonDocument(
                       QJsonObject{{QStringLiteral("format"), QStringLiteral("paperboy-backup")},
                                   {QStringLiteral("version"), 5},
                                   {QStringLiteral("papers"), QJsonArray()},
                                   {QStringLiteral("saved_trends"), QJsonArray{trend}}})
                .toJson();
        };
        const QJsonObject good{
            {QStringLiteral("name"), QStringLiteral("t")},
            {QStringLiteral("queries"), QJsonArray{QStringLiteral("a")}},
            {QStringLiteral("per"), QStringLiteral("week")},
            {QStringLiteral("share"), false},
            {QStringLiteral("from"), QJsonValue()},
            {QStringLiteral("to"), QJsonValue()},
            {QStringLiteral("created"), QStringLiteral("2024-03-18T09:00:00.000Z")}};
        QString error;
        QVERIFY2(backupFromJson(document(good), QStringLiteral("b"), &error), qPrintable(error));
        QJsonObject badPer = good;
        badPer.insert(QStringLiteral("per"), QStringLiteral("fortnight"));
        QVERIFY(!backupFromJson(document(badPer), QStringLiteral("b"), &error));
        QVERIFY2(error.contains(QStringLiteral("per")), qPrintable(error));
        QJsonObject noQueries = good;
        noQueries.insert(QStringLiteral("queries"), QJsonArray());
        QVERIFY(!backupFromJson(document(noQueries), QStringLiteral("b"), &error));
        QJsonObject badDay = good;
        badDay.insert(QStringLiteral("from"), QStringLiteral("2024-13-01"));
        QVERIFY(!backupFromJson(document(badDay), QStringLiteral("b"), &error));
    }
};

QTEST_GUILESS_MAIN(TestSavedTrends)
#include "tst_saved_trends.moc"
