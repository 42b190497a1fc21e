// The fetch ledger and the HTTP validators of migration 002: upgrade from v1, the "a worse
// attempt never hides better data" rule, problem days for the sidebar.

#include "store/database.h"
#include "store/fetch_ledger.h"
#include "store/http_validators.h"
#include "test_db.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace paperboy;
using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

// Monday 2024-11-25 .. Sunday 2024-12-01.
const QDate kMonday(2024, 11, 25);

LedgerEntry row(const QDate &date, LedgerState state, const QString &source = u"arxiv-api"_s,
                const QString &reason = {}, int papers = 0)
{
    LedgerEntry e;
    e.date = date;
    e.category = u"cs.CV"_s;
    e.source = source;
    e.state = state;
    e.reason = reason;
    e.papers = papers;
    return e;
}

} // namespace

class TestLedger : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void upgradesVersion1Database();
    void recordsAndReads();
    void failedRefreshKeepsCompleteState();
    void successReplacesFailure();
    void problemsListFailedPartialAndMissingWeekdays();
    void dayStatesForTheSidebar();
    void rejectsIncompleteEntries();
    void validatorsRoundTrip();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

void TestLedger::init()
{
    m_db = std::make_unique<Database>();
    QVERIFY2(m_db->open(m_dir.filePath(
                 u"ledger-%1.sqlite"_s.arg(QLatin1String(QTest::currentTestFunction())))),
             qPrintable(m_db->error()));
}

void TestLedger::cleanup()
{
    m_db.reset();
}

void TestLedger::upgradesVersion1Database()
{
    const QString path = m_dir.filePath(u"v1.sqlite"_s);
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
        QFile script(u":/migrations/001_initial.sql"_s);
        QVERIFY(script.open(QIODevice::ReadOnly));
        const QByteArray sql =
            script.readAll() +
            "\nINSERT INTO papers (arxiv_id, title) VALUES ('2306.05544', 'BOOT');"
            "INSERT INTO user_papers (arxiv_id, starred, note) VALUES ('2306.05544', 1, 'keep me');"
            "INSERT INTO user_tags (arxiv_id, tag, added) VALUES ('2306.05544', 'kd', 'x');"
            "PRAGMA user_version = 1;";
        QCOMPARE(sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }
    Database db;
    QVERIFY2(db.open(path), qPrintable(db.error()));
    QVERIFY(db.schemaVersion() >= 2);
    QCOMPARE(userData(db.connection()),
             QStringList({u"user_papers|2306.05544|1|NULL|0|NULL|keep me|NULL"_s,
                          u"user_tags|2306.05544|kd|x"_s}));
    FetchLedger ledger(db);
    QVERIFY2(ledger.record(row(kMonday, LedgerState::Complete)), qPrintable(ledger.lastError()));
    QCOMPARE(ledger.entries(kMonday, kMonday).size(), 1);
}

void TestLedger::recordsAndReads()
{
    FetchLedger ledger(*m_db);
    const QDateTime when(QDate(2024, 11, 28), QTime(1, 2, 3), Qt::UTC);
    ledger.setClock([when] { return when; });
    QVERIFY(ledger.record(row(kMonday, LedgerState::Complete, u"arxiv-api"_s, {}, 321)));
    QVERIFY(ledger.record(row(kMonday, LedgerState::Failed, u"arxiv-rss"_s, u"HTTP 503"_s)));
    const QList<LedgerEntry> all = ledger.entries(kMonday, kMonday.addDays(6));
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).source, u"arxiv-api"_s);
    QCOMPARE(all.at(0).papers, 321);
    QCOMPARE(all.at(0).recordedAt, when);
    QCOMPARE(all.at(1).state, LedgerState::Failed);
    QCOMPARE(all.at(1).reason, u"HTTP 503"_s);
    QCOMPARE(ledger.entries(kMonday, kMonday, u"arxiv-rss"_s).size(), 1);
    QVERIFY(!ledger.entry(kMonday.addDays(1), u"cs.CV"_s, u"arxiv-api"_s).has_value());
    QCOMPARE(ledgerStateFromName(u"no-announcement"_s), LedgerState::NoAnnouncement);
    QCOMPARE(ledgerStateName(LedgerState::Partial), u"partial"_s);
}

void TestLedger::failedRefreshKeepsCompleteState()
{
    FetchLedger ledger(*m_db);
    QVERIFY(ledger.record(row(kMonday, LedgerState::Complete, u"arxiv-api"_s, {}, 200)));
    QVERIFY(ledger.record(row(kMonday, LedgerState::Failed, u"arxiv-api"_s, u"timed out"_s)));
    QVERIFY(ledger.record(row(kMonday, LedgerState::Partial, u"arxiv-api"_s, u"got 10 of 200"_s)));
    const LedgerEntry e = *ledger.entry(kMonday, u"cs.CV"_s, u"arxiv-api"_s);
    QCOMPARE(e.state, LedgerState::Complete);
    QCOMPARE(e.papers, 200);
    QCOMPARE(e.lastError, u"got 10 of 200"_s);
    QVERIFY(e.lastErrorAt.isValid());
}

void TestLedger::successReplacesFailure()
{
    FetchLedger ledger(*m_db);
    QVERIFY(ledger.record(row(kMonday, LedgerState::Failed, u"arxiv-api"_s, u"HTTP 503"_s)));
    QVERIFY(ledger.record(row(kMonday, LedgerState::Failed, u"arxiv-api"_s, u"HTTP 429"_s)));
    QCOMPARE(ledger.entry(kMonday, u"cs.CV"_s, u"arxiv-api"_s)->reason, u"HTTP 429"_s);
    QVERIFY(ledger.record(row(kMonday, LedgerState::Complete, u"arxiv-api"_s, {}, 7)));
    const LedgerEntry e = *ledger.entry(kMonday, u"cs.CV"_s, u"arxiv-api"_s);
    QCOMPARE(e.state, LedgerState::Complete);
    QVERIFY(e.reason.isEmpty());
    QVERIFY(e.lastError.isEmpty());
}

void TestLedger::problemsListFailedPartialAndMissingWeekdays()
{
    FetchLedger ledger(*m_db);
    QVERIFY(
        ledger.record({row(kMonday, LedgerState::Complete),
                       row(kMonday.addDays(1), LedgerState::Failed, u"arxiv-rss"_s, u"HTML"_s),
                       row(kMonday.addDays(2), LedgerState::Partial, u"arxiv-api"_s, u"3 of 9"_s),
                       // Friday failed over RSS but came complete from the API.
                       row(kMonday.addDays(4), LedgerState::Failed, u"arxiv-rss"_s, u"HTTP 503"_s),
                       row(kMonday.addDays(4), LedgerState::Complete, u"arxiv-api"_s)}));
    const QList<LedgerEntry> problems = ledger.problems(kMonday, kMonday.addDays(6), {u"cs.CV"_s});
    QCOMPARE(problems.size(), 3);
    QCOMPARE(problems.at(0).date, kMonday.addDays(1));
    QCOMPARE(problems.at(0).state, LedgerState::Failed);
    QCOMPARE(problems.at(0).reason, u"HTML"_s);
    QCOMPARE(problems.at(1).state, LedgerState::Partial);
    QCOMPARE(problems.at(2).date, kMonday.addDays(3)); // Thursday: never fetched
    QCOMPARE(problems.at(2).state, LedgerState::Missing);
    // A second category has no rows at all: its weekdays with a listing are missing. That
    // week has four: arXiv announced nothing on Thanksgiving evening (Thursday 28 Nov 2024),
    // so Friday has no listing to miss.
    QCOMPARE(ledger.problems(kMonday, kMonday.addDays(6), {u"cs.LG"_s}).size(), 4);
}

void TestLedger::dayStatesForTheSidebar()
{
    FetchLedger ledger(*m_db);
    QVERIFY(ledger.record(
        {row(kMonday, LedgerState::Complete), row(kMonday.addDays(1), LedgerState::Failed)}));
    LedgerEntry other = row(kMonday, LedgerState::Complete);
    other.category = u"cs.LG"_s;
    QVERIFY(ledger.record(other));
    const QMap<QDate, LedgerState> states =
        ledger.dayStates(kMonday, kMonday.addDays(6), {u"cs.CV"_s, u"cs.LG"_s});
    QCOMPARE(states.size(), 7);
    QCOMPARE(states.value(kMonday), LedgerState::Complete);
    QCOMPARE(states.value(kMonday.addDays(1)), LedgerState::Missing); // cs.LG never tried
    QCOMPARE(ledger.dayStates(kMonday, kMonday.addDays(1), {u"cs.CV"_s}).value(kMonday.addDays(1)),
             LedgerState::Failed);
    QCOMPARE(states.value(kMonday.addDays(5)), LedgerState::NoAnnouncement); // Saturday
}

void TestLedger::rejectsIncompleteEntries()
{
    FetchLedger ledger(*m_db);
    QVERIFY(!ledger.record(row(QDate(), LedgerState::Complete)));
    QVERIFY(!ledger.record(row(kMonday, LedgerState::Missing)));
    QVERIFY(!ledger.lastError().isEmpty());
    // The batch is one transaction: a bad row keeps the good one out too.
    QVERIFY(
        !ledger.record({row(kMonday, LedgerState::Complete), row(QDate(), LedgerState::Failed)}));
    QVERIFY(ledger.entries(kMonday, kMonday).isEmpty());
}

void TestLedger::validatorsRoundTrip()
{
    HttpValidatorStore store(*m_db);
    const QUrl url(u"https://rss.arxiv.org/rss/cs.CV"_s);
    QVERIFY(!store.get(url).has_value());
    QVERIFY(
        store.put(url, {"\"etag-1\"", "Thu, 28 Nov 2024 05:00:00 GMT", QDate(2024, 11, 28), 120}));
    const HttpValidators v = *store.get(url);
    QCOMPARE(v.etag, QByteArray("\"etag-1\""));
    QCOMPARE(v.lastModified, QByteArray("Thu, 28 Nov 2024 05:00:00 GMT"));
    QCOMPARE(v.listingDate, QDate(2024, 11, 28));
    QCOMPARE(v.papers, 120);
    QVERIFY(store.put(url, {}));
    QVERIFY(!store.get(url).has_value());
}

QTEST_GUILESS_MAIN(TestLedger)
#include "tst_fetch_ledger.moc"
