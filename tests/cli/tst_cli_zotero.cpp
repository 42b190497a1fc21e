// `paperboy zotero` (issue #21) against a fake Zotero connector on 127.0.0.1: /connector/ping
// first, then /connector/saveItems with exactly the item JSON Zotero's translators use; a
// clear message when nothing answers (Zotero not running) or Zotero refuses.

#include "cli_runner.h"
#include "test_db.h"
#include "test_http_server.h"

#include "store/database.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;
using namespace Qt::StringLiterals;

class TestCliZotero : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void pingThenSaveItemsWithExactJson();
    void zoteroNotRunning();
    void zoteroRefuses();
    void paperNotInTheLibrary();

private:
    CliRun run(const QStringList &arguments);
    QString dbPath() const { return m_dir->filePath(u"cli.sqlite"_s); }
    QStringList connector() const { return {u"--connector"_s, m_server->baseUrl()}; }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_server;
};

void TestCliZotero::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    Database db;
    QVERIFY(db.open(dbPath()));
    Store store(db);
    Paper paper;
    paper.arxivId = u"2401.01234"_s;
    paper.version = 2;
    paper.title = u"Zero  Shot\n Everything"_s;
    paper.authors = {u"Ada Lovelace"_s, u"Ludwig van Beethoven"_s, u"Plato"_s,
                     u"Hénaff, Olivier J."_s};
    paper.abstract = u" We show <everything> & more. "_s;
    paper.categories = {u"cs.CV"_s, u"cs.LG"_s};
    paper.primaryCategory = u"cs.CV"_s;
    paper.published = QDate(2024, 1, 3);
    paper.updated = QDate(2024, 2, 1);
    QVERIFY(store.saveDigests({}, {paper}));
    QVERIFY(store.addTags(paper.arxivId, {u"to read"_s, u"蒸馏"_s}));
    QVERIFY(store.setNote(paper.arxivId, u"Check <Table 2> & \"ablation\".\nSecond line.\n\nNew "
                                         "paragraph."_s));
}

void TestCliZotero::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

CliRun TestCliZotero::run(const QStringList &arguments)
{
    return runPaperboyServing(dbPath(), arguments);
}

void TestCliZotero::pingThenSaveItemsWithExactJson()
{
    m_server->route(u"/connector/ping"_s,
                    {CannedResponse::ok(R"({"prefs":{}})", "application/json")});
    m_server->route(u"/connector/saveItems"_s,
                    {CannedResponse::withStatus(201, R"({"items":[]})", "application/json")});
    const CliRun result =
        run(QStringList{u"zotero"_s, u"https://arxiv.org/abs/2401.01234v2"_s, u"--json"_s} +
            connector());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.json().object().value(u"saved"_s).toInt(), 1);
    const QList<RecordedRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).path, u"/connector/ping"_s);
    QCOMPARE(requests.at(0).method, QByteArray("POST"));
    QCOMPARE(requests.at(1).path, u"/connector/saveItems"_s);
    for (const RecordedRequest &request : requests) {
        QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(request.header("X-Zotero-Connector-API-Version"), QByteArray("3"));
    }
    const QJsonObject body = QJsonDocument::fromJson(requests.at(1).body).object();
    QVERIFY(!body.value(u"sessionID"_s).toString().isEmpty());
    QCOMPARE(body.value(u"uri"_s).toString(), u"https://arxiv.org/abs/2401.01234"_s);
    const QJsonArray items = body.value(u"items"_s).toArray();
    QCOMPARE(items.size(), 1);
    auto author = [](const QString &first, const QString &last) {
        return QJsonObject{
            {u"firstName"_s, first}, {u"lastName"_s, last}, {u"creatorType"_s, u"author"_s}};
    };
    const QJsonObject expected{
        {u"itemType"_s, u"preprint"_s},
        {u"title"_s, u"Zero Shot Everything"_s},
        {u"creators"_s,
         QJsonArray{author(u"Ada"_s, u"Lovelace"_s), author(u"Ludwig"_s, u"van Beethoven"_s),
                    QJsonObject{{u"lastName"_s, u"Plato"_s},
                                {u"creatorType"_s, u"author"_s},
                                {u"fieldMode"_s, 1}},
                    author(u"Olivier J."_s, u"Hénaff"_s)}},
        {u"abstractNote"_s, u"We show <everything> & more."_s},
        {u"url"_s, u"https://arxiv.org/abs/2401.01234"_s},
        {u"date"_s, u"2024-01-03"_s},
        {u"repository"_s, u"arXiv"_s},
        {u"archiveID"_s, u"arXiv:2401.01234"_s},
        {u"DOI"_s, u"10.48550/arXiv.2401.01234"_s},
        {u"libraryCatalog"_s, u"arXiv.org"_s},
        {u"extra"_s, u"arXiv category: cs.CV"_s},
        {u"tags"_s,
         QJsonArray{QJsonObject{{u"tag"_s, u"to read"_s}}, QJsonObject{{u"tag"_s, u"蒸馏"_s}}}},
        {u"notes"_s,
         QJsonArray{QJsonObject{{u"note"_s,
                                 u"<p>Check &lt;Table 2&gt; &amp; &quot;ablation&quot;.<br/>Second "
                                 "line.</p><p>New paragraph.</p>"_s}}}},
        {u"attachments"_s, QJsonArray{QJsonObject{{u"title"_s, u"arXiv PDF"_s},
                                                  {u"url"_s, u"https://arxiv.org/pdf/2401.01234"_s},
                                                  {u"mimeType"_s, u"application/pdf"_s},
                                                  {u"snapshot"_s, false}}}}};
    QCOMPARE(items.first().toObject(), expected);
}

void TestCliZotero::zoteroNotRunning()
{
    QString refused;
    {
        TestHttpServer dead; // closed again at once: its port refuses connections
        QVERIFY(dead.listen());
        refused = dead.baseUrl();
    }
    CliRun result = run({u"zotero"_s, u"2401.01234"_s, u"--connector"_s, refused});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("Zotero is not running: nothing answers at " + refused.toUtf8()),
             result.err.constData());
    result = run({u"zotero"_s, u"2401.01234"_s, u"--connector"_s, refused, u"--json"_s});
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.json().object().value(u"zotero_running"_s).toBool(), false);
}

void TestCliZotero::zoteroRefuses()
{
    m_server->route(u"/connector/ping"_s, {CannedResponse::ok("Zotero is running", "text/html")});
    m_server->route(
        u"/connector/saveItems"_s,
        {CannedResponse::withStatus(500, R"({"libraryEditable":false})", "application/json"),
         CannedResponse::withStatus(400, "Endpoint does not support content-type")});
    CliRun result = run(QStringList{u"zotero"_s, u"2401.01234"_s} + connector());
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("the library selected in Zotero is read-only"),
             result.err.constData());
    result = run(QStringList{u"zotero"_s, u"2401.01234"_s} + connector());
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("answered HTTP 400 to /connector/saveItems: Endpoint does not "
                                 "support content-type"),
             result.err.constData());
    // Something else on the port: the ping says so, nothing is sent.
    m_server->clearRoutes();
    m_server->clearRequests();
    result = run(QStringList{u"zotero"_s, u"2401.01234"_s} + connector());
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("answered HTTP 404 to /connector/ping"), result.err.constData());
    QCOMPARE(m_server->requestCount(u"/connector/saveItems"_s), 0);
}

void TestCliZotero::paperNotInTheLibrary()
{
    const CliRun result =
        run(QStringList{u"zotero"_s, u"2401.01234"_s, u"2402.00001"_s} + connector());
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("not in the library: 2402.00001"), result.err.constData());
    QCOMPARE(m_server->requestCount(), 0);
    const CliRun bad = run(QStringList{u"zotero"_s, u"not-a-paper"_s} + connector());
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("'not-a-paper' is not an arXiv paper"), bad.err.constData());
}

QTEST_GUILESS_MAIN(TestCliZotero)
#include "tst_cli_zotero.moc"
