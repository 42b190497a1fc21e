// What a restore does with times it cannot trust (issue #15): a change time more than a day in
// the future does not win silently (reported, taken as now), and a value whose edit has no
// time is reported as a conflict instead of being overwritten or dropped without a word.

#include "backup/backup_restore.h"
#include "test_db.h"

#include <QSqlQuery>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;

namespace {

QDateTime at(int day, int hour = 12)
{
    return QDateTime(QDate(2024, 3, day), QTime(hour, 0), Qt::UTC);
}

const QString kId = QStringLiteral("2306.05544");

BackupData backupWith(const BackupPaper &paper)
{
    BackupData data;
    data.created = backupTimestamp(at(20));
    data.papers.append(paper);
    return data;
}

} // namespace

class TestRestoreRules : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;
    QDateTime m_clock = at(1);

    bool exec(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        return q.exec(sql);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("library.sqlite"))));
        m_store = std::make_unique<Store>(*m_db);
        m_store->setClock([this] { return m_clock; });
    }

    void cleanup()
    {
        m_store.reset();
        m_db.reset();
        m_dir.reset();
    }

    void futureTimeIsReportedAndTakenAsNow()
    {
        QVERIFY(m_store->setNote(kId, QStringLiteral("mine")));
        BackupPaper paper;
        paper.id = kId;
        paper.note = QStringLiteral("from a clock in 2099");
        paper.noteChanged = QStringLiteral("2099-01-01T00:00:00.000Z");
        const QDateTime now = at(10);
        const RestoreReport report = restoreBackup(*m_db, backupWith(paper), now);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.warnings.size(), 1);
        QVERIFY(report.warnings.first().contains(QStringLiteral("2099-01-01T00:00:00.000Z")));
        QVERIFY(report.warnings.first().contains(QStringLiteral("future")));
        // Taken as now, it is still the newer edit, and a reported conflict...
        QCOMPARE(report.conflicts.size(), 1);
        QVERIFY(report.conflicts.first().backupWon);
        const UserState state = m_store->userState(kId);
        QCOMPARE(state.note, QStringLiteral("from a clock in 2099"));
        // ...but the library does not carry 2099 on, to beat every later edit.
        QCOMPARE(state.noteChanged, now);
        // The replaced text is in the history.
        QCOMPARE(m_store->noteHistory(kId).size(), 1);
        QCOMPARE(m_store->noteHistory(kId).first().text, QStringLiteral("mine"));
    }

    void futureTimeOfANewPaperIsTakenAsNow()
    {
        BackupPaper paper;
        paper.id = kId;
        paper.starred = true;
        paper.starredChanged = QStringLiteral("2031-06-01T00:00:00.000Z");
        const RestoreReport report = restoreBackup(*m_db, backupWith(paper), at(10));
        QVERIFY(report.ok);
        QCOMPARE(report.warnings.size(), 1);
        QCOMPARE(m_store->userState(kId).starredChanged, at(10));
        QVERIFY(m_store->userState(kId).starred);
    }

    void aTimeWithinADayIsNotAWrongClock()
    {
        BackupPaper paper;
        paper.id = kId;
        paper.starred = true;
        paper.starredChanged = backupTimestamp(at(10).addSecs(20 * 3600));
        const RestoreReport report = restoreBackup(*m_db, backupWith(paper), at(10));
        QVERIFY(report.ok);
        QVERIFY(report.warnings.isEmpty());
        QCOMPARE(m_store->userState(kId).starredChanged, at(10).addSecs(20 * 3600));
    }

    // The backup holds a note whose edit has no time: which is newer cannot be known.
    void backupValueWithoutTimeIsAConflict()
    {
        QVERIFY(m_store->setNote(kId, QStringLiteral("mine")));
        BackupPaper paper;
        paper.id = kId;
        paper.note = QStringLiteral("undated");
        const RestoreReport report = restoreBackup(*m_db, backupWith(paper), at(10));
        QVERIFY(report.ok);
        QCOMPARE(report.conflicts.size(), 1);
        const RestoreConflict &conflict = report.conflicts.first();
        QCOMPARE(conflict.field, QStringLiteral("note"));
        QCOMPARE(conflict.backupValue, QStringLiteral("undated"));
        QVERIFY(conflict.backupChanged.isEmpty());
        QVERIFY(!conflict.backupWon);
        QCOMPARE(m_store->userState(kId).note, QStringLiteral("mine"));
    }

    // The library holds a star set with no time (written by hand, or by an old version): a
    // dated backup does not overwrite it without a word.
    void libraryValueWithoutTimeIsAConflict()
    {
        QVERIFY(exec(QStringLiteral("INSERT INTO user_papers (arxiv_id, starred) VALUES ('%1', 1)")
                         .arg(kId)));
        BackupPaper paper;
        paper.id = kId;
        paper.starred = false;
        paper.starredChanged = backupTimestamp(at(5));
        const RestoreReport report = restoreBackup(*m_db, backupWith(paper), at(10));
        QVERIFY(report.ok);
        QCOMPARE(report.conflicts.size(), 1);
        QCOMPARE(report.conflicts.first().field, QStringLiteral("starred"));
        QVERIFY(report.conflicts.first().libraryChanged.isEmpty());
        QVERIFY(!report.conflicts.first().backupWon);
        QVERIFY(m_store->userState(kId).starred);
    }

    // A field the library never set takes the backup's value: nothing is overwritten.
    void fieldNeverSetTakesTheBackupsValue()
    {
        QVERIFY(m_store->setNote(kId, QStringLiteral("a note, so the paper has a row")));
        BackupPaper paper;
        paper.id = kId;
        paper.note = QStringLiteral("a note, so the paper has a row");
        paper.noteChanged = backupTimestamp(at(1));
        paper.read = true; // without a time
        const RestoreReport report = restoreBackup(*m_db, backupWith(paper), at(10));
        QVERIFY(report.ok);
        QVERIFY(report.conflicts.isEmpty());
        QCOMPARE(report.fieldsTaken, 1);
        QVERIFY(m_store->userState(kId).read);
    }
};

QTEST_GUILESS_MAIN(TestRestoreRules)
#include "tst_restore_rules.moc"
