// Papers added by hand (issue #21): user data in its own table (user_added, migration 017),
// written only by the reader's own adds and by restores; the "Added" view, its count and
// is:added; backups carry it as "papers_added" (format version 6) and restores merge it.

#include "backup/backup_file.h"
#include "backup/backup_format.h"
#include "backup/backup_restore.h"
#include "import/importer.h"
#include "search/paper_selection.h"
#include "search/searcher.h"
#include "search/smart_views.h"
#include "store/added_papers.h"
#include "test_db.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kMonday(QDate(2024, 3, 18), QTime(9, 0), Qt::UTC);
const QString kFirst = u"2306.05544"_s;  // in the founding digest
const QString kSecond = u"2306.01667"_s; // in the founding digest

} // namespace

class TestAddedPapers : public QObject
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
        if (!m_db->open(m_dir.filePath(u"lib%1.sqlite"_s.arg(++m_opened))))
            return false;
        m_store = std::make_unique<Store>(*m_db);
        return Importer(*m_store).importFile(foundingDigestPath()).ok;
    }

    QStringList searchIds(const QString &query)
    {
        SearchResult result;
        const QList<PaperView> views =
            Searcher(*m_store).searchViews(*m_store, parseSearchQuery(query), {}, &result);
        QStringList ids;
        for (const PaperView &view : views)
            ids.append(view.paper.arxivId);
        ids.sort();
        return ids;
    }

private slots:
    void init() { QVERIFY(openLibrary()); }

    void markKeepsTheFirstTime()
    {
        AddedPapers added(*m_db);
        QStringList fresh;
        QCOMPARE(added.markAdded({kFirst}, kMonday, &fresh), QString());
        QCOMPARE(fresh, QStringList{kFirst});
        // Added again later with another: only the other is new, the first keeps its time.
        QCOMPARE(added.markAdded({kSecond, kFirst}, kMonday.addDays(2), &fresh), QString());
        QCOMPARE(fresh, QStringList{kSecond});
        const QList<AddedPaper> list = added.list();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0), (AddedPaper{kSecond, kMonday.addDays(2)})); // latest first
        QCOMPARE(list.at(1), (AddedPaper{kFirst, kMonday}));
        QVERIFY(added.isAdded(kFirst));
        QVERIFY(!added.isAdded(u"2306.04634"_s));
    }

    void viewCountAndSearch()
    {
        QCOMPARE(SmartViews(*m_store).counts().added, 0);
        QVERIFY(searchIds(u"is:added"_s).isEmpty());
        // A paper the cache does not hold (restored from elsewhere) is counted nowhere.
        QCOMPARE(AddedPapers(*m_db).markAdded({kFirst, u"1999.99999"_s}, kMonday), QString());
        QCOMPARE(AddedPapers(*m_db).markAdded({kSecond}, kMonday.addSecs(60)), QString());
        QCOMPARE(SmartViews(*m_store).counts().added, 2);
        QCOMPARE(searchIds(u"is:added"_s), (QStringList{kSecond, kFirst}));
        QVERIFY(!searchIds(u"-is:added"_s).contains(kFirst));
        QCOMPARE(searchIds(u"-is:added"_s), QStringList{u"2306.01128"_s});
        // The Added view: the latest added first, the one not in the cache reported missing.
        const SelectedPapers selected =
            selectPapers(*m_store, PaperSelection::view(PaperSelection::Kind::Added));
        QCOMPARE(selected.error, QString());
        QCOMPARE(selected.papers.size(), 2);
        QCOMPARE(selected.papers.at(0).paper.arxivId, kSecond);
        QCOMPARE(selected.papers.at(1).paper.arxivId, kFirst);
        QCOMPARE(selected.missingIds, QStringList{u"1999.99999"_s});
    }

    void importsLeaveThemAlone()
    {
        QCOMPARE(AddedPapers(*m_db).markAdded({kFirst}, kMonday), QString());
        const QStringList before = userData(m_db->connection());
        QVERIFY(before.join(u'\n').contains(u"user_added|2306.05544|"_s));
        QVERIFY(Importer(*m_store).importFile(foundingDigestPath()).ok);
        QCOMPARE(userData(m_db->connection()), before);
    }

    void backupCarriesThemAsVersion6()
    {
        QCOMPARE(AddedPapers(*m_db).markAdded({kFirst, u"hep-th/9901001"_s}, kMonday), QString());
        QVERIFY(m_store->setStarred(kSecond, true));
        const QStringList user = userData(m_db->connection());

        const QString file = m_dir.filePath(u"added-backup.json"_s);
        QString error;
        BackupData written;
        QVERIFY2(writeBackupFile(*m_db, file, &error, {}, &written), qPrintable(error));
        QCOMPARE(written.version, kBackupVersionAddedPapers);
        QCOMPARE(written.papersAdded.size(), 2);
        QCOMPARE(written.papersAdded.at(0).id, kFirst);
        QCOMPARE(written.papersAdded.at(1).id, u"hep-th/9901001"_s);
        QCOMPARE(written.papersAdded.at(0).addedAt, u"2024-03-18T09:00:00.000Z"_s);
        // The streamed file is what the JSON writer makes of the same data.
        QFile bytes(file);
        QVERIFY(bytes.open(QIODevice::ReadOnly));
        const QByteArray text = bytes.readAll();
        QCOMPARE(text, QJsonDocument(backupToJson(written)).toJson());
        QVERIFY(text.contains("\"version\": 6"));
        QVERIFY(text.contains("\"papers_added\": ["));
        const std::optional<BackupData> read = readBackupFile(file, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->papersAdded, written.papersAdded);

        // Restored into an empty library: the very same rows; again: nothing changes.
        m_store.reset();
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_dir.filePath(u"empty.sqlite"_s)));
        m_store = std::make_unique<Store>(*m_db);
        const RestoreReport report = restoreBackupFile(*m_db, file);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.papersAddedTaken, 2);
        QCOMPARE(userData(m_db->connection()), user);
        const RestoreReport twice = restoreBackupFile(*m_db, file);
        QVERIFY(twice.ok && !twice.changedAnything());

        // A library that added the paper later keeps the earlier (the backup's) time; one that
        // added it earlier keeps its own. Both keep their own other added papers.
        QVERIFY(openLibrary());
        QCOMPARE(AddedPapers(*m_db).markAdded({kFirst}, kMonday.addDays(5)), QString());
        QCOMPARE(AddedPapers(*m_db).markAdded({u"hep-th/9901001"_s, kSecond}, kMonday.addDays(-5)),
                 QString());
        const RestoreReport merged = restoreBackupFile(*m_db, file);
        QVERIFY2(merged.ok, qPrintable(merged.error));
        QCOMPARE(merged.papersAddedTaken, 0);
        const QList<AddedPaper> list = AddedPapers(*m_db).list();
        QCOMPARE(list.size(), 3);
        for (const AddedPaper &paper : list)
            QCOMPARE(paper.addedAt, paper.id == kFirst ? kMonday : kMonday.addDays(-5));
    }

    void backupWithoutAddedPapersKeepsItsVersion()
    {
        QVERIFY(m_store->setStarred(kFirst, true));
        BackupData written;
        QString error;
        QVERIFY2(writeBackupFile(*m_db, m_dir.filePath(u"plain.json"_s), &error, {}, &written),
                 qPrintable(error));
        QCOMPARE(written.version, 2);
        QVERIFY(written.papersAdded.isEmpty());
    }

    void badAddedPapersInABackupAreRefused()
    {
        auto document = [](const QJsonObject &added) {
            return QJsonDocument(QJsonObject{{u"format"_s, u"paperboy-backup"_s},
                                             {u"version"_s, 6},
                                             {u"papers"_s, QJsonArray()},
                                             {u"papers_added"_s, QJsonArray{added}}})
                .toJson();
        };
        const QJsonObject good{{u"id"_s, kFirst}, {u"added_at"_s, u"2024-03-18T09:00:00.000Z"_s}};
        QString error;
        QVERIFY2(backupFromJson(document(good), u"b"_s, &error), qPrintable(error));
        QJsonObject versioned = good;
        versioned.insert(u"id"_s, u"2306.05544v2"_s);
        QVERIFY(!backupFromJson(document(versioned), u"b"_s, &error));
        QVERIFY2(error.contains(u"papers_added[0]"_s), qPrintable(error));
        QJsonObject junk = good;
        junk.insert(u"id"_s, u"<script>"_s);
        QVERIFY(!backupFromJson(document(junk), u"b"_s, &error));
        QJsonObject noTime = good;
        noTime.remove(u"added_at"_s);
        QVERIFY(!backupFromJson(document(noTime), u"b"_s, &error));
        // A Paperboy that reads up to version 5 is told by the version.
        QJsonObject older = QJsonDocument::fromJson(document(good)).object();
        older.insert(u"version"_s, kBackupFormatVersion + 1);
        QVERIFY(!backupFromJson(QJsonDocument(older).toJson(), u"b"_s, &error));
    }
};

QTEST_GUILESS_MAIN(TestAddedPapers)
#include "tst_added_papers.moc"
