// The crash harness's checker must catch what it exists to catch: a half-stored digest, a
// lost acknowledged star or note, user data nobody wrote, a damaged file. Each case builds
// the damage by hand and expects a problem; the crash run itself is the crash.short test.

#include "../crash/crash_checks.h"
#include "import/importer.h"
#include "store/database.h"
#include "store/store.h"
#include "test_db.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy;
using namespace paperboy::crash;
using namespace paperboy::test;

class TestCrashChecks : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void wholeLibraryPasses();
    void halfStoredDigestIsCaught();
    void missingAcknowledgedDigestIsCaught();
    void lostAcknowledgedWriteIsCaught();
    void inFlightWriteMayOrMayNotBeThere();
    void userDataNobodyWroteIsCaught();
    void killedWriteIsFixedByTheNextCheck_data();
    void killedWriteIsFixedByTheNextCheck();
    void digestOfAKilledImportMustStay();
    void savedSearchesAndReadMarksAreChecked();
    void damagedFileIsCaught();

private:
    bool exec(const QString &sql);
    QStringList problems() { return m_expected.check(m_db->connection()); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;
    ExpectedState m_expected;
    QString m_digest;
};

void TestCrashChecks::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>();
    QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("library.sqlite"))));
    m_store = std::make_unique<Store>(*m_db);
    QVERIFY(Importer(*m_store).importFile(foundingDigestPath()).ok);
    QStringList none;
    const QMap<QString, DigestShape> shapes = readDigestShapes(m_db->connection(), &none);
    QCOMPARE(shapes.size(), 1);
    QVERIFY(none.isEmpty());
    m_digest = shapes.firstKey();
    m_expected = ExpectedState();
    m_expected.setReferenceDigests(shapes);
    m_expected.importAcknowledged({m_digest});
}

void TestCrashChecks::cleanup()
{
    m_store.reset();
    m_db.reset();
    m_dir.reset();
}

bool TestCrashChecks::exec(const QString &sql)
{
    QSqlQuery q(m_db->connection());
    return q.exec(sql);
}

void TestCrashChecks::wholeLibraryPasses()
{
    QVERIFY(m_store->setStarred(QStringLiteral("2306.05544"), true));
    m_expected.writeStarted(QStringLiteral("star:2306.05544"), QStringLiteral("1"));
    m_expected.writeAcknowledged(QStringLiteral("star:2306.05544"), QStringLiteral("1"));
    QVERIFY(m_store->addTags(QStringLiteral("2306.05544"), {QStringLiteral("t")}));
    m_expected.writeAcknowledged(QStringLiteral("tag:2306.05544:t"), QStringLiteral("1"));
    const QStringList found = problems();
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

void TestCrashChecks::halfStoredDigestIsCaught()
{
    QVERIFY(exec(QStringLiteral("DELETE FROM digest_entries WHERE id = (SELECT max(id) FROM "
                                "digest_entries)")));
    const QStringList found = problems();
    QVERIFY2(found.join(QLatin1Char('\n')).contains(QStringLiteral("half-stored")),
             qPrintable(found.join(QLatin1Char('\n'))));
    // Even with a consistent count, fewer entries than the source has is not whole.
    QVERIFY(exec(QStringLiteral("UPDATE digests SET entry_count = entry_count - 1")));
    QVERIFY(problems().join(QLatin1Char('\n')).contains(QStringLiteral("is not whole")));
}

void TestCrashChecks::missingAcknowledgedDigestIsCaught()
{
    QVERIFY(exec(QStringLiteral("DELETE FROM digests")));
    QVERIFY(problems().join(QLatin1Char('\n')).contains(QStringLiteral("is missing")));
}

void TestCrashChecks::lostAcknowledgedWriteIsCaught()
{
    const QString key = QStringLiteral("note:2306.05544");
    m_expected.writeStarted(key, QStringLiteral("first"));
    QVERIFY(m_store->setNote(QStringLiteral("2306.05544"), QStringLiteral("first")));
    m_expected.writeAcknowledged(key, QStringLiteral("first"));
    QVERIFY(problems().isEmpty());
    // The note silently reverts, as a torn write would leave it.
    QVERIFY(exec(QStringLiteral("UPDATE user_papers SET note = NULL")));
    QVERIFY(problems().join(QLatin1Char('\n')).contains(key));
}

void TestCrashChecks::inFlightWriteMayOrMayNotBeThere()
{
    const QString key = QStringLiteral("star:2306.05544");
    m_expected.writeStarted(key, QStringLiteral("1"));
    QVERIFY(problems().isEmpty()); // not committed yet
    QVERIFY(m_store->setStarred(QStringLiteral("2306.05544"), true));
    QVERIFY(problems().isEmpty()); // committed, exit not seen yet
    // Acknowledged "unstar": the earlier star may no longer be there.
    m_expected.writeStarted(key, QStringLiteral("0"));
    QVERIFY(m_store->setStarred(QStringLiteral("2306.05544"), false));
    m_expected.writeAcknowledged(key, QStringLiteral("0"));
    QVERIFY(m_store->setStarred(QStringLiteral("2306.05544"), true));
    QVERIFY(problems().join(QLatin1Char('\n')).contains(key));
}

void TestCrashChecks::userDataNobodyWroteIsCaught()
{
    QVERIFY(m_store->setNote(QStringLiteral("2306.01667"), QStringLiteral("from nowhere")));
    QVERIFY(problems().join(QLatin1Char('\n')).contains(QStringLiteral("no one wrote it")));
}

void TestCrashChecks::killedWriteIsFixedByTheNextCheck_data()
{
    QTest::addColumn<bool>("committed");
    QTest::newRow("killed after its commit") << true;
    QTest::newRow("killed before its commit") << false;
}

// A killed write may or may not have committed; whichever the first check after it finds is
// what must stay. Before, either value stayed acceptable forever, so the value flipping
// later (a regression) passed every check.
void TestCrashChecks::killedWriteIsFixedByTheNextCheck()
{
    QFETCH(bool, committed);
    const QString key = QStringLiteral("star:2306.05544");
    m_expected.writeStarted(key, QStringLiteral("1"));
    if (committed)
        QVERIFY(m_store->setStarred(QStringLiteral("2306.05544"), true));
    m_expected.writeEnded(key, QStringLiteral("1"));
    QStringList found = problems();
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    QCOMPARE(m_expected.settledWrites(), 1);
    QVERIFY(problems().isEmpty()); // still as found
    // Later the value changes though no one wrote it.
    QVERIFY(m_store->setStarred(QStringLiteral("2306.05544"), !committed));
    found = problems();
    QVERIFY2(found.join(QLatin1Char('\n')).contains(key), qPrintable(found.join(QLatin1Char('\n'))));
}

void TestCrashChecks::digestOfAKilledImportMustStay()
{
    // The digest is there after a killed import: from the next check on it must stay.
    QStringList none;
    const QMap<QString, DigestShape> shapes = readDigestShapes(m_db->connection(), &none);
    m_expected = ExpectedState();
    m_expected.setReferenceDigests(shapes);
    m_expected.importEnded({m_digest});
    QVERIFY(problems().isEmpty());
    QVERIFY(exec(QStringLiteral("DELETE FROM digests")));
    QVERIFY(problems().join(QLatin1Char('\n')).contains(QStringLiteral("is missing")));
}

void TestCrashChecks::savedSearchesAndReadMarksAreChecked()
{
    const QString search = QStringLiteral("search:kd");
    m_expected.writeStarted(search, QStringLiteral("distillation"));
    QVERIFY(exec(QStringLiteral("INSERT INTO saved_searches (name, query, created) VALUES "
                                "('kd', 'distillation', '2026-12-01T00:00:00.000Z')")));
    m_expected.writeAcknowledged(search, QStringLiteral("distillation"));
    QVERIFY(m_store->setRead(QStringLiteral("2306.05544"), true));
    QVERIFY(problems().join(QLatin1Char('\n')).contains(QStringLiteral("read:2306.05544")));
    m_expected.writeAcknowledged(QStringLiteral("read:2306.05544"), QStringLiteral("1"));
    QVERIFY(problems().isEmpty());
    QVERIFY(exec(QStringLiteral("UPDATE saved_searches SET query = 'something else'")));
    QVERIFY(problems().join(QLatin1Char('\n')).contains(search));
}

void TestCrashChecks::damagedFileIsCaught()
{
    const QString path = m_db->path();
    m_store.reset();
    m_db->close();
    {
        // Overwrite a page in the middle of the file: what a torn write would leave.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.size() > 8 * 4096);
        file.seek(4 * 4096);
        file.write(QByteArray(4096, '\x5a'));
    }
    QVERIFY(m_db->open(path, Database::Mode::ReadOnly) || !m_db->error().isEmpty());
    if (!m_db->isOpen())
        return; // not even openable: caught before any check
    QVERIFY(!problems().isEmpty());
}

QTEST_GUILESS_MAIN(TestCrashChecks)
#include "tst_crash_checks.moc"
