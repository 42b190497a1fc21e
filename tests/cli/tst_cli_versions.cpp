// Papers that change, from the command line: `paperboy fetch --source updates` against a
// server on 127.0.0.1 serving v2 and v3 of a starred paper, the paper JSON's "versions",
// `paperboy diff` (JSON and text) and `search is:updated`.

#include "cli_runner.h"
#include "test_http_server.h"
#include "version_fixtures.h"

#include "import/arxiv_atom_parser.h"
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

class TestCliVersions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void updatesVersionsDiffAndSearch();
    void followedAuthorsPapersAreChecked();
    void usageErrors();

private:
    // Runs the binary asynchronously, so this process's event loop keeps serving it.
    CliRun run(const QStringList &arguments);
    QString dbPath() const { return m_dir->filePath(u"cli.sqlite"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_server;
};

void TestCliVersions::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    // The library has v1, as a day's listing gave it, and one paper nobody marked.
    Database db;
    QVERIFY(db.open(dbPath()));
    Store store(db);
    const ParseResult first = parseArxivAtom(v1());
    QVERIFY(first.ok());
    Paper other;
    other.arxivId = u"2401.00001"_s;
    other.version = 1;
    other.title = u"Unmarked"_s;
    QVERIFY(store.saveDigests({}, {first.papers.first(), other}));
}

void TestCliVersions::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

CliRun TestCliVersions::run(const QStringList &arguments)
{
    return runPaperboyServing(dbPath(), arguments, quickFetchEnvironment());
}

void TestCliVersions::updatesVersionsDiffAndSearch()
{
    const QStringList updates = {u"fetch"_s, u"--source"_s, u"updates"_s, u"--api-url"_s,
                                 m_server->baseUrl() + u"/api/query"_s};
    // Nothing kept yet: no request at all, exit 0.
    CliRun result = run(updates);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(m_server->requestCount(), 0);
    QVERIFY2(result.out.contains("no starred, noted, tagged or followed papers"),
             result.out.constData());

    QCOMPARE(runPaperboy(dbPath(), {u"star"_s, kVersionedId}).exitCode, 0);
    m_server->route(u"/api/query"_s, {atom(v2()), atom(v3()), atom(v3())});
    result = run(updates + QStringList{u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(m_server->requestCount(u"/api/query"_s), 1);
    QVERIFY(m_server->requests().first().query.contains(u"id_list=2104.12255&"_s));
    QJsonArray changes = result.json().object().value(u"new_versions"_s).toArray();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().toObject().value(u"from"_s).toInt(), 1);
    QCOMPARE(changes.first().toObject().value(u"to"_s).toInt(), 2);
    QVERIFY(changes.first().toObject().value(u"accepted_arrived"_s).toBool());

    // Text: one line per changed paper, with what arrived.
    result = run(updates);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.out.contains("2104.12255: v2 -> v3"), result.out.constData());
    QVERIFY2(result.out.contains("journal reference, DOI"), result.out.constData());
    // Nothing changed: still exit 0.
    result = run(updates);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(!result.out.contains("->"));

    // The paper JSON: the newest version, and every version oldest first.
    result = runPaperboy(dbPath(), {u"show"_s, kVersionedId, u"--json"_s});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject paper = result.json().object();
    QCOMPARE(paper.value(u"version"_s).toInt(), 3);
    const QJsonArray versions = paper.value(u"versions"_s).toArray();
    QCOMPARE(versions.size(), 3);
    QCOMPARE(versions.at(0).toObject().value(u"version"_s).toInt(), 1);
    QCOMPARE(versions.at(0).toObject().value(u"title"_s).toString(), u"0"_s);
    QCOMPARE(versions.at(0).toObject().value(u"date"_s).toString(), u"2021-04-20"_s);
    QVERIFY(versions.at(0).toObject().value(u"journal_ref"_s).isNull());
    QCOMPARE(versions.at(2).toObject().value(u"version"_s).toInt(), 3);
    QCOMPARE(versions.at(2).toObject().value(u"doi"_s).toString(), u"10.1145/3460120.3484765"_s);
    for (const QString &key : {u"version"_s, u"date"_s, u"title"_s, u"abstract"_s, u"authors"_s,
                               u"comment"_s, u"journal_ref"_s, u"doi"_s})
        QVERIFY2(versions.at(1).toObject().contains(key), qPrintable(key));
    // A paper with one known version lists that one.
    result = runPaperboy(dbPath(), {u"show"_s, u"2401.00001"_s, u"--json"_s});
    QCOMPARE(result.json().object().value(u"versions"_s).toArray().size(), 1);

    // diff --json: v1 against v2, word by word.
    result = runPaperboy(
        dbPath(), {u"diff"_s, kVersionedId, u"--from"_s, u"1"_s, u"--to"_s, u"2"_s, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject diff = result.json().object();
    QCOMPARE(diff.value(u"from"_s).toInt(), 1);
    QCOMPARE(diff.value(u"to"_s).toInt(), 2);
    QStringList inserted;
    QStringList deleted;
    for (const QJsonValue &chunk : diff.value(u"changes"_s).toArray()) {
        const QString op = chunk.toObject().value(u"op"_s).toString();
        QVERIFY2(op == u"equal"_s || op == u"insert"_s || op == u"delete"_s, qPrintable(op));
        const QString text = chunk.toObject().value(u"text"_s).toString().trimmed();
        if (op == u"insert"_s)
            inserted.append(text);
        else if (op == u"delete"_s)
            deleted.append(text);
    }
    QVERIFY2(inserted.contains(u"paper analyses"_s), qPrintable(inserted.join(u'|')));
    QVERIFY2(deleted.contains(u"article discusses"_s), qPrintable(deleted.join(u'|')));
    QVERIFY(inserted.join(u' ').contains(u"Accepted at ACM CCS 2021."_s));
    // Default: the newest against the one before; text marks what changed.
    result = runPaperboy(dbPath(), {u"diff"_s, kVersionedId});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.out.startsWith("2104.12255: v2 (2 Jun 2021) -> v3 (15 Nov 2021)"),
             result.out.constData());
    QVERIFY2(result.out.contains("{+Proc. ACM CCS 2021, 1234-1250+}"), result.out.constData());
    QVERIFY(!result.out.contains("\x1b[")); // no colour into a pipe

    // is:updated until the paper is opened (the window does that; nothing in the CLI reads it).
    result = runPaperboy(dbPath(), {u"search"_s, u"is:updated"_s, u"--json"_s});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.json().object().value(u"total"_s).toInt(), 1);
    // search and list read every listed paper's versions in one statement: the same as show's.
    const QJsonArray updated = result.json().object().value(u"results"_s).toArray();
    QCOMPARE(updated.size(), 1);
    QCOMPARE(updated.at(0).toObject().value(u"versions"_s).toArray(), versions);
    result = runPaperboy(dbPath(), {u"search"_s, u"-is:updated"_s, u"--json"_s});
    QCOMPARE(result.json().object().value(u"total"_s).toInt(), 1);
    const QJsonArray others = result.json().object().value(u"results"_s).toArray();
    QCOMPARE(others.at(0).toObject().value(u"versions"_s).toArray().size(), 1);
}

void TestCliVersions::followedAuthorsPapersAreChecked()
{
    // #18: "papers of followed authors once following exists" (#16).
    {
        Database db;
        QVERIFY(db.open(dbPath()));
        Store store(db);
        Paper hopper;
        hopper.arxivId = u"2402.00002"_s;
        hopper.version = 1;
        hopper.title = u"Compilers for everyone"_s;
        hopper.authors = {u"Grace Hopper"_s, u"Ada Lovelace"_s};
        QVERIFY(store.saveDigests({}, {hopper}));
    }
    const QStringList updates = {u"fetch"_s, u"--source"_s, u"updates"_s, u"--api-url"_s,
                                 m_server->baseUrl() + u"/api/query"_s};
    CliRun result = run(updates);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(m_server->requestCount(), 0); // nobody followed, nothing kept

    QCOMPARE(runPaperboy(dbPath(), {u"follow"_s, u"Grace Hopper"_s}).exitCode, 0);
    m_server->route(u"/api/query"_s, {atom(v1())});
    result = run(updates);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(m_server->requestCount(u"/api/query"_s), 1);
    const QString query = m_server->requests().first().query;
    QVERIFY2(query.contains(u"id_list=2402.00002&"_s), qPrintable(query));
    QVERIFY2(!query.contains(u"2401.00001"_s), qPrintable(query)); // nobody keeps or follows it
}

void TestCliVersions::usageErrors()
{
    CliRun result = run({u"fetch"_s, u"--source"_s, u"updates"_s, u"--date"_s, u"2024-11-28"_s});
    QCOMPARE(result.exitCode, 2);
    result = runPaperboy(dbPath(), {u"diff"_s, u"not-an-id"_s});
    QCOMPARE(result.exitCode, 2);
    result = runPaperboy(dbPath(), {u"diff"_s, kVersionedId, u"--from"_s, u"x"_s});
    QCOMPARE(result.exitCode, 2);
    // One version known: nothing to compare, said plainly.
    result = runPaperboy(dbPath(), {u"diff"_s, kVersionedId});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("knows one version"), result.err.constData());
}

QTEST_GUILESS_MAIN(TestCliVersions)
#include "tst_cli_versions.moc"
