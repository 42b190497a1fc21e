// `paperboy add` (issue #21) against a fake arXiv API on 127.0.0.1 serving recorded answers:
// links and ids of every kind become one id_list request for what the library lacks; papers
// it holds are marked added without a request; ids arXiv does not know are reported and not
// stored; anything that is no arXiv paper stops the command before any request or write.

#include "cli_runner.h"
#include "test_db.h"
#include "test_http_server.h"

#include "import/importer.h"
#include "store/database.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

const QString kApi = u"/api/query"_s;

CannedResponse apiAnswer(const QString &name)
{
    return CannedResponse::ok(TestHttpServer::readFile(test::fixture(u"arxiv-api/"_s + name)),
                              "application/atom+xml; charset=UTF-8");
}

} // namespace

class TestCliAdd : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void linksAndIdsAreFetchedOnceThenMarked();
    void papersInTheLibraryNeedNoRequest();
    void unknownIdsAreReportedNotStored();
    void anythingElseIsRefusedBeforeAnything();
    void offlineAddsNothing();
    void addedPapersAreInBackups();

private:
    CliRun run(const QStringList &arguments);
    QStringList api() const { return {u"--api-url"_s, m_server->baseUrl() + kApi}; }
    QString dbPath() const { return m_dir->filePath(u"cli.sqlite"_s); }
    QStringList addedIds();
    QStringList searchIds(const QString &query);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_server;
};

void TestCliAdd::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    Database db;
    QVERIFY(db.open(dbPath()));
    Store store(db);
    QVERIFY(Importer(store).importFile(foundingDigestPath()).ok);
}

void TestCliAdd::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

CliRun TestCliAdd::run(const QStringList &arguments)
{
    return runPaperboyServing(dbPath(), arguments, quickFetchEnvironment());
}

QStringList TestCliAdd::addedIds()
{
    Database db;
    if (!db.open(dbPath(), Database::Mode::ReadOnly))
        return {u"<cannot open>"_s};
    return dumpRows(db.connection(), u"SELECT arxiv_id FROM user_added ORDER BY arxiv_id"_s);
}

QStringList TestCliAdd::searchIds(const QString &query)
{
    const CliRun result = runPaperboy(dbPath(), {u"search"_s, query, u"--json"_s});
    QStringList ids;
    for (const QJsonValue &paper : result.json().object().value(u"results"_s).toArray())
        ids.append(paper.toObject().value(u"id"_s).toString());
    ids.sort();
    return ids;
}

void TestCliAdd::linksAndIdsAreFetchedOnceThenMarked()
{
    m_server->route(kApi, {apiAnswer(u"arxivpy_id_2104.12255v1_s0_m100_6ae69987ffe1.body.xml"_s)},
                    u"id_list=2104.12255,astro-ph/0601001"_s);
    m_server->route(kApi,
                    {apiAnswer(u"arxivpy_id_astro-ph_0601001_s0_m100_3150dca9dc76.body.xml"_s)},
                    u"id_list=astro-ph/0601001"_s);
    // Three spellings of one paper and an old-style id: one request for the two papers.
    CliRun result =
        run(QStringList{u"add"_s, u"https://arxiv.org/abs/2104.12255v1"_s, u"arXiv:2104.12255"_s,
                        u"https://www.alphaxiv.org/overview/2104.12255"_s,
                        u"https://arxiv.org/pdf/astro-ph/0601001v1.pdf"_s, u"--json"_s} +
            api());
    QVERIFY2(result.exitCode == 1, result.err.constData()); // the fixture answers one of two
    QCOMPARE(m_server->requestCount(kApi), 1);
    QVERIFY2(m_server->requests().first().query.contains(u"id_list=2104.12255,astro-ph/0601001&"_s),
             qPrintable(m_server->requests().first().query));
    QJsonObject json = result.json().object();
    QCOMPARE(json.value(u"added"_s).toArray(), QJsonArray{u"2104.12255"_s});
    QCOMPARE(json.value(u"fetched"_s).toArray(), QJsonArray{u"2104.12255"_s});
    QCOMPARE(json.value(u"unknown"_s).toArray(), QJsonArray{u"astro-ph/0601001"_s});
    const QJsonObject paper = json.value(u"papers"_s).toArray().first().toObject();
    QCOMPARE(paper.value(u"title"_s).toString(), u"0"_s); // a title that is "0" is a title
    QCOMPARE(paper.value(u"authors"_s).toArray().first().toString(), u"Quan Thoi Minh Nguyen"_s);
    QCOMPARE(addedIds(), QStringList{u"2104.12255"_s});

    // The old-style paper alone: its own answer.
    result = run(QStringList{u"add"_s, u"10.48550/arXiv.astro-ph/0601001"_s} + api());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.out.contains("astro-ph/0601001: added (fetched from arXiv)"),
             result.out.constData());
    QCOMPARE(addedIds(), (QStringList{u"2104.12255"_s, u"astro-ph/0601001"_s}));
    QCOMPARE(searchIds(u"is:added"_s), (QStringList{u"2104.12255"_s, u"astro-ph/0601001"_s}));

    // Again: in the library already, no request, nothing new.
    m_server->clearRequests();
    result = run(QStringList{u"add"_s, u"https://huggingface.co/papers/2104.12255"_s} + api());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(m_server->requestCount(), 0);
    QVERIFY2(result.out.contains("2104.12255: already added  0"), result.out.constData());
}

void TestCliAdd::papersInTheLibraryNeedNoRequest()
{
    // The founding digest's paper: marked added, nothing asked; its user data untouched.
    QCOMPARE(runPaperboy(dbPath(), {u"star"_s, u"2306.05544"_s}).exitCode, 0);
    const CliRun result = run(QStringList{u"add"_s, u"2306.05544v1"_s, u"--no-enrich"_s} + api());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(m_server->requestCount(), 0);
    QVERIFY2(result.out.startsWith("2306.05544: added (already in the library)"),
             result.out.constData());
    QCOMPARE(addedIds(), QStringList{u"2306.05544"_s});
    QCOMPARE(searchIds(u"is:added is:starred"_s), QStringList{u"2306.05544"_s});
}

void TestCliAdd::unknownIdsAreReportedNotStored()
{
    // Recorded: of 2201.13455, 13452, 13453, 13454 only 13452 exists; the others come back
    // as empty entries.
    m_server->route(kApi, {apiAnswer(u"legacy2025-08_id_list_missing_ids.xml"_s)});
    const CliRun result = run(
        QStringList{u"add"_s, u"2201.13455"_s, u"2201.13452"_s, u"2201.13453"_s, u"2201.13454"_s} +
        api());
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(m_server->requestCount(kApi), 1);
    QVERIFY2(result.out.contains("2201.13455: unknown to arXiv, not added"),
             result.out.constData());
    QVERIFY2(result.out.contains("2201.13452: added (fetched from arXiv)"), result.out.constData());
    QCOMPARE(addedIds(), QStringList{u"2201.13452"_s});
    const CliRun show = runPaperboy(dbPath(), {u"show"_s, u"2201.13455"_s});
    QVERIFY(show.exitCode != 0); // not stored
}

void TestCliAdd::anythingElseIsRefusedBeforeAnything()
{
    const QStringList before = [this] {
        Database db;
        return db.open(dbPath(), Database::Mode::ReadOnly) ? libraryRows(db.connection())
                                                           : QStringList();
    }();
    const CliRun result =
        run(QStringList{u"add"_s, u"2104.12255"_s, u"https://example.com/abs/2401.01234"_s,
                        u"2413.00001"_s} +
            api());
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(m_server->requestCount(), 0);
    QVERIFY2(result.err.contains("'https://example.com/abs/2401.01234' is not an arXiv paper"),
             result.err.constData());
    QVERIFY2(result.err.contains("'2413.00001' is not an arXiv paper: month 13"),
             result.err.constData());
    QVERIFY2(result.err.contains("nothing added"), result.err.constData());
    Database db;
    QVERIFY(db.open(dbPath(), Database::Mode::ReadOnly));
    QCOMPARE(libraryRows(db.connection()), before);
}

void TestCliAdd::offlineAddsNothing()
{
    QString refused;
    {
        TestHttpServer dead; // closed again at once: its port refuses connections
        QVERIFY(dead.listen());
        refused = dead.baseUrl() + kApi;
    }
    const CliRun result = run(
        {u"add"_s, u"2104.12255"_s, u"2306.05544"_s, u"--api-url"_s, refused, u"--no-enrich"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.contains("2104.12255: not fetched, not added"), result.out.constData());
    QVERIFY2(result.err.contains("arXiv could not be reached"), result.err.constData());
    // The paper the library holds is added all the same.
    QCOMPARE(addedIds(), QStringList{u"2306.05544"_s});
}

void TestCliAdd::addedPapersAreInBackups()
{
    QCOMPARE(run(QStringList{u"add"_s, u"2306.05544"_s, u"--no-enrich"_s} + api()).exitCode, 0);
    const QString file = m_dir->filePath(u"backup.json"_s);
    CliRun result = runPaperboy(dbPath(), {u"backup"_s, file, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.json().object().value(u"added_papers"_s).toInt(), 1);
    QFile bytes(file);
    QVERIFY(bytes.open(QIODevice::ReadOnly));
    const QJsonObject backup = QJsonDocument::fromJson(bytes.readAll()).object();
    QCOMPARE(backup.value(u"version"_s).toInt(), 6);
    QCOMPARE(backup.value(u"papers_added"_s).toArray().first().toObject().value(u"id"_s).toString(),
             u"2306.05544"_s);
    // Into another library: restored, counted.
    const QString other = m_dir->filePath(u"other.sqlite"_s);
    result = runPaperboy(other, {u"restore"_s, file, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.json().object().value(u"added_papers_taken"_s).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestCliAdd)
#include "tst_cli_add.moc"
