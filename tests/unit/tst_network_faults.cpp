// What a server on the network can send, for every source (arXiv RSS and API, Hugging Face,
// the daily-arXiv digest), against the real local test server: gzip and deflate bodies, a
// decompression bomb, a body that is not UTF-8, the same paper twice in one answer, 10,000
// papers in one answer, an https page redirecting to http, and a TLS certificate nobody
// trusts. After each, every table of the library (test_db.h's libraryRows: all of them but
// the search index) is compared: with what a plain fetch stores when the fault must change
// nothing of the result, with what was there before when the fetch must fail (the fetch
// ledger then notes the failure, and only that).

#include "fetch/digest_sources.h"
#include "fetch_test_env.h"
#include "http_encodings.h"
#include "import/importer.h"
#include "store/fetch_ledger.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSslConfiguration>

#include <sys/resource.h>

using namespace paperboy;
using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

enum class Kind
{
    Rss,
    Api,
    Hf,
    Digest
};

const QDate kFriday(2026, 6, 12);
const QStringList kSources = {u"rss"_s, u"api"_s, u"hf"_s, u"digest"_s};

QString pathOf(Kind kind)
{
    switch (kind) {
    case Kind::Rss:
        return u"/rss/cs.CV"_s;
    case Kind::Api:
        return u"/api/query"_s;
    case Kind::Hf:
        return u"/api/daily_papers"_s;
    case Kind::Digest:
        return u"/data/2026-06-12_AI_enhanced_Chinese.jsonl"_s;
    }
    return {};
}

QByteArray contentType(Kind kind)
{
    switch (kind) {
    case Kind::Rss:
        return "application/rss+xml; charset=utf-8";
    case Kind::Api:
        return "application/atom+xml; charset=utf-8";
    case Kind::Hf:
        return "application/json; charset=utf-8";
    case Kind::Digest:
        return "text/plain; charset=utf-8";
    }
    return {};
}

// The recorded answer, with every paper in it, as the server sends it.
QByteArray recorded(Kind kind)
{
    switch (kind) {
    case Kind::Rss:
        return TestHttpServer::arxivRssFixture(u"rss_2024-11-28_first120items.xml"_s).body;
    case Kind::Api: {
        QByteArray body =
            TestHttpServer::arxivApiFixture(u"arxivpy_q_testing_s0_m10_bc5a6c384fe9"_s).body;
        body.replace("<opensearch:totalResults>214881</opensearch:totalResults>",
                     "<opensearch:totalResults>10</opensearch:totalResults>");
        return body;
    }
    case Kind::Hf:
        return TestHttpServer::readFile(
            fixture(u"hf-daily/hf_daily_papers_2026-06-12_first15.json"_s));
    case Kind::Digest:
        return TestHttpServer::readFile(
            fixture(u"digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl"_s));
    }
    return {};
}

// An XML answer's items ("item" in RSS, "entry" in Atom) and what surrounds them.
struct XmlParts
{
    QByteArray head;
    QList<QByteArray> items;
    QByteArray tail;
};

XmlParts splitXml(const QByteArray &body, const QByteArray &tag)
{
    XmlParts parts;
    const QByteArray open = '<' + tag + '>';
    const QByteArray close = "</" + tag + '>';
    const qsizetype first = body.indexOf(open);
    const qsizetype last = body.lastIndexOf(close) + close.size();
    parts.head = body.left(first);
    parts.tail = body.mid(last);
    for (qsizetype at = first; at >= 0 && at < last;) {
        const qsizetype end = body.indexOf(close, at) + close.size();
        parts.items.append(body.mid(at, end - at));
        at = body.indexOf(open, end);
    }
    return parts;
}

QString firstArxivId(const QByteArray &text)
{
    static const QRegularExpression id(u"(\\d{4}\\.\\d{4,5})"_s);
    return id.match(QString::fromUtf8(text)).captured(1);
}

// `count` papers: the recorded ones over and over, each copy with an id of its own.
QByteArray manyPapers(Kind kind, int count)
{
    const QByteArray body = recorded(kind);
    auto newId = [](int i) {
        return QStringLiteral("2412.%1").arg(50000 + i, 5, 10, QLatin1Char('0')).toUtf8();
    };
    if (kind == Kind::Rss || kind == Kind::Api) {
        const XmlParts parts = splitXml(body, kind == Kind::Rss ? "item" : "entry");
        QByteArray out = parts.head;
        for (int i = 0; i < count; ++i) {
            QByteArray item = parts.items.at(i % parts.items.size());
            out += item.replace(firstArxivId(item).toUtf8(), newId(i)) + '\n';
        }
        if (kind == Kind::Api)
            out.replace("<opensearch:totalResults>10</opensearch:totalResults>",
                        "<opensearch:totalResults>" + QByteArray::number(count) +
                            "</opensearch:totalResults>");
        return out + parts.tail;
    }
    if (kind == Kind::Hf) {
        const QJsonArray papers = QJsonDocument::fromJson(body).array();
        QJsonArray out;
        for (int i = 0; i < count; ++i) {
            QJsonObject entry = papers.at(i % papers.size()).toObject();
            QJsonObject paper = entry.value(u"paper"_s).toObject();
            paper.insert(u"id"_s, QString::fromUtf8(newId(i)));
            entry.insert(u"paper"_s, paper);
            out.append(entry);
        }
        return QJsonDocument(out).toJson(QJsonDocument::Compact);
    }
    const QList<QByteArray> lines = body.trimmed().split('\n');
    QByteArray out;
    for (int i = 0; i < count; ++i) {
        QJsonObject line = QJsonDocument::fromJson(lines.at(i % lines.size())).object();
        line.insert(u"id"_s, QString::fromUtf8(newId(i)));
        out += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    }
    return out;
}

// The first paper twice in one answer.
QByteArray duplicated(Kind kind)
{
    const QByteArray body = recorded(kind);
    if (kind == Kind::Rss || kind == Kind::Api) {
        XmlParts parts = splitXml(body, kind == Kind::Rss ? "item" : "entry");
        parts.items.insert(3, parts.items.first());
        return parts.head + parts.items.join('\n') + parts.tail;
    }
    if (kind == Kind::Hf) {
        QJsonArray papers = QJsonDocument::fromJson(body).array();
        papers.insert(3, papers.first());
        return QJsonDocument(papers).toJson(QJsonDocument::Compact);
    }
    QList<QByteArray> lines = body.trimmed().split('\n');
    lines.insert(3, lines.first());
    return lines.join('\n') + '\n';
}

// Bytes that are not UTF-8 (Latin-1 "é" and a stray 0xFF) in the first paper's title.
QByteArray notUtf8(Kind kind)
{
    QByteArray body = recorded(kind);
    const QByteArray marker = kind == Kind::Rss || kind == Kind::Api ? "<title>" : "\"title\":\"";
    qsizetype at = body.indexOf(marker, kind == Kind::Rss ? body.indexOf("<item>") : 0);
    if (kind == Kind::Hf || kind == Kind::Digest) {
        at = body.indexOf("\"title\"");
        at = body.indexOf('"', body.indexOf(':', at)) - marker.size() + 1;
    }
    body.insert(at + marker.size(), QByteArray("Caf\xe9 \xff ", 7));
    return body;
}

const QDateTime kSeeded(QDate(2024, 11, 1), QTime(9, 0), Qt::UTC);

// A library with a stored day and user data, on a fixed clock so two of them compare equal.
bool seed(FetchTestEnv &env)
{
    if (!env.setUp())
        return false;
    env.store->setClock([] { return kSeeded; });
    return Importer(*env.store).importFile(foundingDigestPath()).ok &&
           env.seedUserData(u"2306.05544"_s);
}

// Points the fetcher's URL for `kind` at `base` (http or https) and fetches that source's day.
FetchSummary fetchInto(FetchTestEnv &env, Kind kind, const QString &base)
{
    FetchSettings settings = env.fetcher->settings();
    settings.rssBaseUrl = base + u"/rss/"_s;
    settings.apiUrl = base + u"/api/query"_s;
    settings.apiPageSize = 20000; // one answer holds the day
    settings.hfUrl = base + u"/api/daily_papers"_s;
    settings.digestUrlTemplate = base + u"/data/{date}_AI_enhanced_{lang}.jsonl"_s;
    settings.politeness.otherSiteSpacingMs = 50;
    settings.politeness.maxTries = 1;
    settings.politeness.transferTimeoutMs = 5000;
    settings.politeness.totalTimeoutMs = 60000;
    env.fetcher->setSettings(settings);
    switch (kind) {
    case Kind::Rss:
        env.fetcher->setClock([] { return QDateTime(kFixtureDay, QTime(17, 30), Qt::UTC); });
        return env.run(FetchRequest::today({u"cs.CV"_s}), 120000);
    case Kind::Api:
        env.fetcher->setClock([] { return QDateTime(kFixtureDay, QTime(17, 30), Qt::UTC); });
        return env.run(FetchRequest::days(kFixtureDay, kFixtureDay, {u"cs.CV"_s}), 120000);
    case Kind::Hf:
    case Kind::Digest:
        env.fetcher->setClock([] { return QDateTime(QDate(2026, 6, 20), QTime(9, 0), Qt::UTC); });
        return env.run(
            FetchRequest::digests(kind == Kind::Hf ? FetchSource::HfDaily : FetchSource::DigestJson,
                                  kFriday, kFriday),
            120000);
    }
    return {};
}

QDate dayOf(Kind kind)
{
    return kind == Kind::Rss || kind == Kind::Api ? kFixtureDay : kFriday;
}

} // namespace

class TestNetworkFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_ssl = QSslConfiguration::defaultConfiguration(); }
    void init();
    void cleanup();
    void compressedBodiesStoreTheSame_data();
    void compressedBodiesStoreTheSame();
    void damagedCompressedBodyFails_data() { sources(); }
    void damagedCompressedBodyFails();
    void compressedBodyOverTheCapIsRefused_data() { sources(); }
    void compressedBodyOverTheCapIsRefused();
    void decompressionBombIsCut_data() { sources(); }
    void decompressionBombIsCut();
    void notUtf8BodyIsCleanlyHandled_data() { sources(); }
    void notUtf8BodyIsCleanlyHandled();
    void duplicateIdsAreStoredOnce_data() { sources(); }
    void duplicateIdsAreStoredOnce();
    void tenThousandItemsInOneAnswer_data() { sources(); }
    void tenThousandItemsInOneAnswer();
    void httpsToHttpRedirectIsRefused_data() { sources(); }
    void httpsToHttpRedirectIsRefused();
    void untrustedCertificateFails_data() { sources(); }
    void untrustedCertificateFails();

private:
    static void sources();
    FetchSummary fetch(Kind kind, const QString &base) { return fetchInto(*m_env, kind, base); }
    // A plain fetch of `body` in a library of its own, seeded as this one: what must result.
    QStringList reference(Kind kind, const QByteArray &body);
    void expectFailedAndUnchanged(Kind kind, const FetchSummary &summary, const QStringList &before,
                                  const QString &reason);
    static Kind kindOf(const QString &name) { return Kind(kSources.indexOf(name)); }

    std::unique_ptr<FetchTestEnv> m_env;
    QSslConfiguration m_ssl; // as the process started
};

void TestNetworkFaults::sources()
{
    QTest::addColumn<QString>("source");
    for (const QString &source : kSources)
        QTest::newRow(qPrintable(source)) << source;
}

void TestNetworkFaults::init()
{
    m_env = std::make_unique<FetchTestEnv>();
    QVERIFY(seed(*m_env)); // a stored day and user data that no fault may touch
}

void TestNetworkFaults::cleanup()
{
    m_env.reset();
    QSslConfiguration::setDefaultConfiguration(m_ssl);
}

QStringList TestNetworkFaults::reference(Kind kind, const QByteArray &body)
{
    FetchTestEnv env;
    if (!seed(env))
        return {u"<cannot set up the reference library>"_s};
    env.server.route(pathOf(kind), {CannedResponse::ok(body, contentType(kind))});
    const FetchSummary summary = fetchInto(env, kind, env.server.baseUrl());
    if (!summary.ok())
        return {u"<the reference fetch failed: %1>"_s.arg(describe(summary))};
    return libraryRows(env.db.connection());
}

// Failed, said why, stored nothing: every table as before but the ledger, which notes the
// failed day and nothing else.
void TestNetworkFaults::expectFailedAndUnchanged(Kind kind, const FetchSummary &summary,
                                                 const QStringList &before, const QString &reason)
{
    QVERIFY2(!summary.ok(), qPrintable(describe(summary)));
    QVERIFY2(describe(summary).contains(reason, Qt::CaseInsensitive),
             qPrintable(u"expected \"%1\" in:\n%2"_s.arg(reason, describe(summary))));
    QCOMPARE(summary.papersStored, 0);
    const QSqlDatabase db = m_env->db.connection();
    QCOMPARE(libraryRows(db, {u"fetch_ledger"_s}),
             QStringList(before).filter(QRegularExpression(u"^(?!fetch_ledger\\|)"_s)));
    const QStringList ledger = dumpTable(db, u"fetch_ledger"_s);
    for (const QString &row : ledger)
        if (!before.contains(row))
            QVERIFY2(row.contains(dayOf(kind).toString(Qt::ISODate)) && row.contains(u"failed"_s),
                     qPrintable(row));
    QCOMPARE(m_env->store->dayPapers(dayOf(kind)).size(), 0);
}

void TestNetworkFaults::compressedBodiesStoreTheSame_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QByteArray>("encoding");
    for (const QString &source : kSources)
        for (const QByteArray encoding : {"gzip", "deflate"})
            QTest::newRow(qPrintable(source + u' ' + QString::fromLatin1(encoding)))
                << source << encoding;
}

void TestNetworkFaults::compressedBodiesStoreTheSame()
{
    QFETCH(QString, source);
    QFETCH(QByteArray, encoding);
    const Kind kind = kindOf(source);
    const QByteArray body = recorded(kind);
    const QStringList expected = reference(kind, body);
    CannedResponse response = CannedResponse::ok(
        encoding == "gzip" ? gzipBody(body) : deflateBody(body), contentType(kind));
    response.header("Content-Encoding", encoding);
    m_env->server.route(pathOf(kind), {response});
    const FetchSummary summary = fetch(kind, m_env->server.baseUrl());
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QVERIFY(m_env->server.requests().constFirst().header("Accept-Encoding").contains(encoding));
    QCOMPARE(libraryRows(m_env->db.connection()), expected);
}

void TestNetworkFaults::damagedCompressedBodyFails()
{
    QFETCH(QString, source);
    const Kind kind = kindOf(source);
    const QStringList before = libraryRows(m_env->db.connection());
    QByteArray body = gzipBody(recorded(kind));
    for (qsizetype i = body.size() / 3; i < body.size() / 3 + 64; ++i)
        body[i] = char(~body.at(i));
    CannedResponse response = CannedResponse::ok(body, contentType(kind));
    response.header("Content-Encoding", "gzip");
    m_env->server.route(pathOf(kind), {response});
    const FetchSummary summary = fetch(kind, m_env->server.baseUrl());
    expectFailedAndUnchanged(kind, summary, before, u"compressed response cannot be read"_s);
}

// An ordinary compressed answer (a few times smaller on the wire) that is over the cap once
// inflated: refused, though it may come in one piece with nothing read before its end.
void TestNetworkFaults::compressedBodyOverTheCapIsRefused()
{
    QFETCH(QString, source);
    const Kind kind = kindOf(source);
    const QStringList before = libraryRows(m_env->db.connection());
    const QByteArray body = manyPapers(kind, 3000);
    CannedResponse response = CannedResponse::ok(gzipBody(body), contentType(kind));
    response.header("Content-Encoding", "gzip");
    m_env->server.route(pathOf(kind), {response});
    FetchSettings settings = m_env->fetcher->settings();
    settings.politeness.maxResponseBytes = body.size() / 2;
    m_env->fetcher->setSettings(settings);
    QVERIFY(response.body.size() < settings.politeness.maxResponseBytes);
    const FetchSummary summary = fetch(kind, m_env->server.baseUrl());
    qInfo("%s: %lld KB inflating to %lld KB, cap %lld KB: %s", qPrintable(source),
          qint64(response.body.size()) >> 10, qint64(body.size()) >> 10,
          settings.politeness.maxResponseBytes >> 10, qPrintable(describe(summary).trimmed()));
    expectFailedAndUnchanged(kind, summary, before, u"larger than the limit"_s);
    QVERIFY2(describe(summary).contains(u"once decompressed"_s), qPrintable(describe(summary)));
}

void TestNetworkFaults::decompressionBombIsCut()
{
    QFETCH(QString, source);
    const Kind kind = kindOf(source);
    const QStringList before = libraryRows(m_env->db.connection());
    // 4 GB of zeros in 27 MB: under the cap on the wire, far over it inflated.
    const qint64 inflated = 4LL << 30;
    CannedResponse response = CannedResponse::ok(deflateBombOfZeros(inflated), contentType(kind));
    response.header("Content-Encoding", "deflate");
    m_env->server.route(pathOf(kind), {response});
    FetchSettings settings = m_env->fetcher->settings();
    settings.politeness.maxResponseBytes = 8LL * 1024 * 1024;
    m_env->fetcher->setSettings(settings);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const long peakBefore = usage.ru_maxrss; // KB
    QElapsedTimer clock;
    clock.start();
    const FetchSummary summary = fetch(kind, m_env->server.baseUrl());
    getrusage(RUSAGE_SELF, &usage);
    qInfo("%s: a %lld MB bomb (%lld MB inflated) ended after %lld ms, peak memory +%ld MB: %s",
          qPrintable(source), qint64(response.body.size()) >> 20, inflated >> 20, clock.elapsed(),
          (usage.ru_maxrss - peakBefore) >> 10, qPrintable(describe(summary).trimmed()));
    // Inflated no further than a step past the cap (the server's copy of the bomb and its
    // send buffer are in this process too).
    QVERIFY2(usage.ru_maxrss - peakBefore < 4 * (settings.politeness.maxResponseBytes >> 10),
             qPrintable(u"+%1 KB"_s.arg(usage.ru_maxrss - peakBefore)));
    expectFailedAndUnchanged(kind, summary, before, u"larger than the limit"_s);
    QVERIFY2(describe(summary).contains(u"once decompressed"_s), qPrintable(describe(summary)));
}

void TestNetworkFaults::notUtf8BodyIsCleanlyHandled()
{
    QFETCH(QString, source);
    const Kind kind = kindOf(source);
    const QStringList before = libraryRows(m_env->db.connection());
    m_env->server.route(pathOf(kind), {CannedResponse::ok(notUtf8(kind), contentType(kind))});
    const FetchSummary summary = fetch(kind, m_env->server.baseUrl());
    qInfo("%s, a title with bytes that are not UTF-8: %s", qPrintable(source),
          qPrintable(describe(summary).trimmed()));
    if (!summary.ok()) {
        // Refused whole, saying so.
        expectFailedAndUnchanged(kind, summary, before, QString());
        return;
    }
    // Or stored whole, with U+FFFD for the bytes that are no text, and nothing else changed.
    const QList<PaperView> papers = m_env->store->dayPapers(dayOf(kind));
    QCOMPARE(papers.size(), qsizetype(reference(kind, recorded(kind))
                                          .filter(QRegularExpression(u"^digest_entries\\|"_s))
                                          .size()) -
                                3);
    bool replaced = false;
    for (const PaperView &view : papers)
        replaced = replaced || view.paper.title.contains(QChar::ReplacementCharacter);
    QVERIFY(replaced);
}

void TestNetworkFaults::duplicateIdsAreStoredOnce()
{
    QFETCH(QString, source);
    const Kind kind = kindOf(source);
    const QStringList expected = reference(kind, recorded(kind));
    m_env->server.route(pathOf(kind), {CannedResponse::ok(duplicated(kind), contentType(kind))});
    const FetchSummary summary = fetch(kind, m_env->server.baseUrl());
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    // As if the paper had been listed once, where it first was; the positions after the
    // repeated one may keep a gap (they only order the day).
    auto withoutPositions = [](QStringList rows) {
        for (QString &row : rows)
            if (row.startsWith(QLatin1String("digest_entries|"))) {
                QStringList fields = row.split(QLatin1Char('|'));
                fields.removeAt(4);
                row = fields.join(QLatin1Char('|'));
            }
        return rows;
    };
    QCOMPARE(withoutPositions(libraryRows(m_env->db.connection())), withoutPositions(expected));
    QStringList order;
    for (const PaperView &view : m_env->store->dayPapers(dayOf(kind)))
        order.append(view.paper.arxivId);
    QCOMPARE(order.size(), QSet<QString>(order.cbegin(), order.cend()).size());
    QCOMPARE(order.first(), firstArxivId(kind == Kind::Hf || kind == Kind::Digest
                                             ? recorded(kind).mid(recorded(kind).indexOf("\"id\""))
                                             : recorded(kind).mid(recorded(kind).indexOf(
                                                   kind == Kind::Rss ? "<item>" : "<entry>"))));
}

void TestNetworkFaults::tenThousandItemsInOneAnswer()
{
    QFETCH(QString, source);
    const Kind kind = kindOf(source);
    const QStringList user = userData(m_env->db.connection());
    const QByteArray body = manyPapers(kind, 10000);
    m_env->server.route(pathOf(kind), {CannedResponse::ok(body, contentType(kind))});
    QElapsedTimer clock;
    clock.start();
    const FetchSummary summary = fetch(kind, m_env->server.baseUrl());
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    qInfo("%s: 10,000 papers in one %lld KB answer stored in %lld ms", qPrintable(source),
          qint64(body.size()) >> 10, clock.elapsed());
    QCOMPARE(m_env->store->dayPapers(dayOf(kind)).size(), 10000);
    QCOMPARE(userData(m_env->db.connection()), user);
}

void TestNetworkFaults::httpsToHttpRedirectIsRefused()
{
    QFETCH(QString, source);
    const Kind kind = kindOf(source);
    const QStringList before = libraryRows(m_env->db.connection());
    // The http server holds the real answer; the https one sends the client there.
    m_env->server.route(pathOf(kind), {CannedResponse::ok(recorded(kind), contentType(kind))});
    TestHttpServer secure;
    QVERIFY(secure.listenTls());
    CannedResponse redirect = CannedResponse::withStatus(301);
    redirect.header("Location", (m_env->server.baseUrl() + pathOf(kind)).toUtf8());
    secure.route(pathOf(kind), {redirect});
    // Trust the test certificate, so only the redirect can stop the fetch.
    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    trusting.addCaCertificates(TestHttpServer::testCertificatePath());
    QSslConfiguration::setDefaultConfiguration(trusting);
    const FetchSummary summary = fetch(kind, secure.baseUrl());
    QCOMPARE(secure.requestCount(), qsizetype(1));
    QCOMPARE(m_env->server.requestCount(), qsizetype(0));
    expectFailedAndUnchanged(kind, summary, before, u"refused a redirect from https to http"_s);
}

void TestNetworkFaults::untrustedCertificateFails()
{
    QFETCH(QString, source);
    const Kind kind = kindOf(source);
    const QStringList before = libraryRows(m_env->db.connection());
    TestHttpServer secure;
    QVERIFY(secure.listenTls());
    secure.route(pathOf(kind), {CannedResponse::ok(recorded(kind), contentType(kind))});
    const FetchSummary summary = fetch(kind, secure.baseUrl());
    qInfo("%s over TLS with a self-signed certificate: %s", qPrintable(source),
          qPrintable(describe(summary).trimmed()));
    QCOMPARE(secure.requestCount(), qsizetype(0)); // no request got past the handshake
    expectFailedAndUnchanged(kind, summary, before, u"certificate"_s);
}

QTEST_GUILESS_MAIN(TestNetworkFaults)
#include "tst_network_faults.moc"
