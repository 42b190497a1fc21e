// PoliteHttp against a real local server: spacing, retries, Retry-After, backoff, timeouts,
// size cap, redirects, conditional requests. Timings are shortened; the rules are the same.

#include "fetch/polite_http.h"
#include "test_http_server.h"

#include <QTest>

using namespace paperboy;
using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

HttpRequest requestFor(const QUrl &url)
{
    HttpRequest request;
    request.url = url;
    return request;
}

PolitenessSettings fastSettings()
{
    PolitenessSettings s;
    s.minRequestSpacingMs = 200;
    s.maxTries = 3;
    s.backoffBaseMs = 100;
    s.backoffMaxMs = 400;
    s.transferTimeoutMs = 2000;
    s.totalTimeoutMs = 10000;
    s.maxResponseBytes = 100000;
    s.maxRedirects = 3;
    return s;
}

} // namespace

class TestPoliteHttp : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void parsesHttpDates();
    void retryAfterForms();
    void backoffGrowsWithJitterAndCap();
    void politenessKeyGroupsArxivHosts();

    void spacesRequestsPerHost();
    void oneRequestAtATime();
    void sendsUserAgent();
    void honoursRetryAfterSeconds();
    void honoursRetryAfterDate();
    void givesUpAfterMaxTries();
    void refusesTooLongRetryAfter();
    void retriesAfterConnectionReset();
    void slowBodyTimesOut();
    void tricklingBodyHitsTotalTimeout();
    void truncatedBodyFails();
    void redirectLoopStops();
    void followsRedirect();
    void capsResponseSize_data();
    void capsResponseSize();
    void conditionalRequest();
    void clientErrorIsNotRetried();
    void postSendsBodyAndHeaders();
    void retryAfterStatusesNeedRetryAfter();
    void perRequestTransferTimeout();
    void cancelQueuedRequest();

private:
    HttpResponse fetch(const QString &path, const HttpRequest &extra = {});

    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<PoliteHttp> m_http;
};

void TestPoliteHttp::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    m_http = std::make_unique<PoliteHttp>(fastSettings());
    m_http->setRandom([] { return 0.5; });
}

void TestPoliteHttp::cleanup()
{
    m_http.reset();
    m_server.reset();
}

HttpResponse TestPoliteHttp::fetch(const QString &path, const HttpRequest &extra)
{
    HttpRequest request = extra;
    request.url = m_server->url(path);
    std::optional<HttpResponse> result;
    m_http->get(request, this, [&result](const HttpResponse &r) { result = r; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000)) {
        HttpResponse none;
        none.error = u"test: no answer within 20 s"_s;
        return none;
    }
    return *result;
}

void TestPoliteHttp::parsesHttpDates()
{
    const QDateTime expected(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
    QCOMPARE(PoliteHttp::parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"), expected);
    QCOMPARE(PoliteHttp::parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT"), expected);
    QCOMPARE(PoliteHttp::parseHttpDate("Sun Nov  6 08:49:37 1994"), expected);
    QVERIFY(!PoliteHttp::parseHttpDate("tomorrow").isValid());
    QVERIFY(!PoliteHttp::parseHttpDate("Sun, 31 Feb 1994 08:49:37 GMT").isValid());
}

void TestPoliteHttp::retryAfterForms()
{
    const QDateTime now(QDate(2024, 11, 28), QTime(12, 0, 0), Qt::UTC);
    QCOMPARE(PoliteHttp::retryAfterMs("10", now), 10000);
    QCOMPARE(PoliteHttp::retryAfterMs(" 0 ", now), 0);
    QCOMPARE(PoliteHttp::retryAfterMs("Thu, 28 Nov 2024 12:00:30 GMT", now), 30000);
    QCOMPARE(PoliteHttp::retryAfterMs("Thu, 28 Nov 2024 11:00:00 GMT", now), 0); // past
    QCOMPARE(PoliteHttp::retryAfterMs("", now), -1);
    QCOMPARE(PoliteHttp::retryAfterMs("-5", now), -1);
    QCOMPARE(PoliteHttp::retryAfterMs("soon", now), -1);
}

void TestPoliteHttp::backoffGrowsWithJitterAndCap()
{
    PolitenessSettings s;
    s.backoffBaseMs = 1000;
    s.backoffMaxMs = 5000;
    PoliteHttp http(s);
    QCOMPARE(http.backoffMs(1, 0.0), 500);
    QCOMPARE(http.backoffMs(1, 1.0), 1000);
    QCOMPARE(http.backoffMs(2, 1.0), 2000);
    QCOMPARE(http.backoffMs(3, 1.0), 4000);
    QCOMPARE(http.backoffMs(4, 1.0), 5000); // capped
    QCOMPARE(http.backoffMs(30, 0.0), 2500);
}

void TestPoliteHttp::politenessKeyGroupsArxivHosts()
{
    QCOMPARE(PoliteHttp::politenessKey(QUrl(u"https://rss.arxiv.org/rss/cs.CV"_s)), u"arxiv.org"_s);
    QCOMPARE(PoliteHttp::politenessKey(QUrl(u"https://export.arxiv.org/api/query"_s)),
             u"arxiv.org"_s);
    QCOMPARE(PoliteHttp::politenessKey(QUrl(u"http://127.0.0.1:8080/x"_s)), u"127.0.0.1"_s);
}

void TestPoliteHttp::spacesRequestsPerHost()
{
    m_server->route(u"/a"_s, {CannedResponse::ok("<a/>")});
    int answered = 0;
    for (int i = 0; i < 4; ++i)
        m_http->get(requestFor(m_server->url(u"/a?n=%1"_s.arg(i))), this,
                    [&answered](const HttpResponse &r) { answered += r.ok() ? 1 : 0; });
    QTRY_COMPARE_WITH_TIMEOUT(answered, 4, 10000);
    const QList<qint64> gaps = m_server->arrivalGaps();
    QCOMPARE(gaps.size(), 3);
    for (const qint64 gap : gaps)
        QVERIFY2(gap >= 200, qPrintable(u"gap %1 ms"_s.arg(gap)));
    qInfo("server-side gaps with 200 ms spacing: %lld %lld %lld ms", gaps[0], gaps[1], gaps[2]);
}

void TestPoliteHttp::oneRequestAtATime()
{
    PolitenessSettings s = fastSettings();
    s.minRequestSpacingMs = 0;
    m_http->setSettings(s);
    CannedResponse slow = CannedResponse::ok("<slow/>");
    slow.delayMs = 150;
    m_server->route(u"/slow"_s, {slow});
    int answered = 0;
    for (int i = 0; i < 3; ++i)
        m_http->get(requestFor(m_server->url(u"/slow"_s)), this,
                    [&answered](const HttpResponse &) { ++answered; });
    QTRY_COMPARE_WITH_TIMEOUT(answered, 3, 10000);
    // Each request arrives only after the previous answer (sent 150 ms after its arrival).
    for (const qint64 gap : m_server->arrivalGaps())
        QVERIFY2(gap >= 150, qPrintable(u"gap %1 ms"_s.arg(gap)));
}

void TestPoliteHttp::sendsUserAgent()
{
    m_server->route(u"/ua"_s, {CannedResponse::ok("<ok/>")});
    QVERIFY(fetch(u"/ua"_s).ok());
    const QByteArray agent = m_server->requests().constFirst().header("User-Agent");
    QVERIFY2(agent.startsWith("Paperboy/" PAPERBOY_VERSION), agent.constData());
    QVERIFY2(agent.contains(PAPERBOY_HOMEPAGE), agent.constData());
}

void TestPoliteHttp::honoursRetryAfterSeconds()
{
    m_server->route(u"/busy"_s,
                    {CannedResponse::withStatus(429, "Rate exceeded.").header("Retry-After", "1"),
                     CannedResponse::ok("<ok/>")});
    int retries = 0;
    connect(m_http.get(), &PoliteHttp::retryScheduled, this,
            [&retries](const QUrl &, int, qint64 delay, const QString &) {
                QCOMPARE(delay, 1000);
                ++retries;
            });
    const HttpResponse response = fetch(u"/busy"_s);
    QVERIFY2(response.ok(), qPrintable(response.error));
    QCOMPARE(response.attempts, 2);
    QCOMPARE(retries, 1);
    QCOMPARE(m_server->requestCount(), 2);
    QVERIFY(m_server->arrivalGaps().constFirst() >= 1000);
}

void TestPoliteHttp::honoursRetryAfterDate()
{
    // HTTP dates have whole seconds, so the date is up to a second earlier than now + 3 s, and
    // the first request arrives a moment after "now": three seconds ahead still leaves well
    // over one second of waiting (two seconds ahead left 999 ms on a loaded machine).
    const QByteArray when = QDateTime::currentDateTimeUtc()
                                .addSecs(3)
                                .toString(u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s)
                                .toLatin1();
    m_server->route(u"/maint"_s, {CannedResponse::withStatus(
                                      503, "<html><title>Down</title></html>", "text/html")
                                      .header("Retry-After", when),
                                  CannedResponse::ok("<ok/>")});
    const HttpResponse response = fetch(u"/maint"_s);
    QVERIFY2(response.ok(), qPrintable(response.error));
    QCOMPARE(response.attempts, 2);
    const qint64 gap = m_server->arrivalGaps().constFirst();
    QVERIFY2(gap >= 1000, qPrintable(u"gap %1 ms"_s.arg(gap)));
}

void TestPoliteHttp::givesUpAfterMaxTries()
{
    m_server->route(u"/down"_s, {CannedResponse::withStatus(503, "down")});
    const HttpResponse response = fetch(u"/down"_s);
    QVERIFY(!response.ok());
    QCOMPARE(response.status, 503);
    QCOMPARE(response.attempts, 3);
    QCOMPARE(m_server->requestCount(), 3);
    QVERIFY2(response.error.contains(u"HTTP 503"_s), qPrintable(response.error));
    QVERIFY2(response.error.contains(u"gave up after 3 tries"_s), qPrintable(response.error));
    // Spacing after the answer plus backoff before each retry: 50 ms then 100 ms (jitter 0.5).
    const QList<qint64> gaps = m_server->arrivalGaps();
    QVERIFY2(gaps.at(0) >= 200 && gaps.at(1) >= 200, "spacing still applies between retries");
    qInfo("gaps between the 3 tries of a failing URL: %lld %lld ms", gaps[0], gaps[1]);
}

void TestPoliteHttp::refusesTooLongRetryAfter()
{
    m_server->route(
        u"/later"_s,
        {CannedResponse::withStatus(429, "Rate exceeded.").header("Retry-After", "3600")});
    const HttpResponse response = fetch(u"/later"_s);
    QVERIFY(!response.ok());
    QCOMPARE(m_server->requestCount(), 1);
    QVERIFY2(response.error.contains(u"asked to wait 3600 s"_s), qPrintable(response.error));
}

void TestPoliteHttp::retriesAfterConnectionReset()
{
    // QNetworkAccessManager itself resends once when a connection drops before any answer
    // byte; our retry comes on top of that, after the spacing.
    CannedResponse reset;
    reset.reset = true;
    m_server->route(u"/flaky"_s, {reset, reset, reset, CannedResponse::ok("<ok/>")});
    const HttpResponse response = fetch(u"/flaky"_s);
    QVERIFY2(response.ok(), qPrintable(response.error));
    QVERIFY(response.attempts >= 2);
    QCOMPARE(response.body, QByteArray("<ok/>"));
    qInfo("connection resets: %d tries of ours, %lld requests seen by the server",
          response.attempts, qlonglong(m_server->requestCount()));
}

void TestPoliteHttp::slowBodyTimesOut()
{
    PolitenessSettings s = fastSettings();
    s.transferTimeoutMs = 150;
    s.maxTries = 2;
    m_http->setSettings(s);
    CannedResponse slow = CannedResponse::ok(QByteArray(100, 'x'));
    slow.chunkSize = 10;
    slow.chunkDelayMs = 600;
    m_server->route(u"/slow"_s, {slow});
    const HttpResponse response = fetch(u"/slow"_s);
    QVERIFY(!response.ok());
    QVERIFY2(response.error.contains(u"timed out"_s), qPrintable(response.error));
    QCOMPARE(response.attempts, 2);
}

void TestPoliteHttp::tricklingBodyHitsTotalTimeout()
{
    PolitenessSettings s = fastSettings();
    s.totalTimeoutMs = 300;
    s.maxTries = 1;
    m_http->setSettings(s);
    CannedResponse trickle = CannedResponse::ok(QByteArray(200, 'x'));
    trickle.chunkSize = 5;
    trickle.chunkDelayMs = 40; // never idle long enough for the transfer timeout
    m_server->route(u"/trickle"_s, {trickle});
    const HttpResponse response = fetch(u"/trickle"_s);
    QVERIFY(!response.ok());
    QVERIFY2(response.error.contains(u"no complete answer within 0.3 s"_s),
             qPrintable(response.error));
}

void TestPoliteHttp::truncatedBodyFails()
{
    CannedResponse cut = CannedResponse::ok(QByteArray(1000, 'x'));
    cut.truncateAfter = 100;
    m_server->route(u"/cut"_s, {cut});
    const HttpResponse response = fetch(u"/cut"_s);
    QVERIFY(!response.ok());
    QCOMPARE(response.attempts, 3); // a dropped connection is worth another try
    QVERIFY2(response.error.contains(u"closed the connection"_s), qPrintable(response.error));
}

void TestPoliteHttp::redirectLoopStops()
{
    m_server->route(u"/loop"_s, {CannedResponse::withStatus(302).header("Location", "/loop")});
    const HttpResponse response = fetch(u"/loop"_s);
    QVERIFY(!response.ok());
    QVERIFY2(response.error.contains(u"too many redirects"_s), qPrintable(response.error));
    QVERIFY(m_server->requestCount() <= 4 + 1);
}

void TestPoliteHttp::followsRedirect()
{
    m_server->route(u"/old"_s, {CannedResponse::withStatus(301).header("Location", "/new")});
    m_server->route(u"/new"_s, {CannedResponse::ok("<new/>")});
    const HttpResponse response = fetch(u"/old"_s);
    QVERIFY2(response.ok(), qPrintable(response.error));
    QCOMPARE(response.finalUrl.path(), u"/new"_s);
    QCOMPARE(response.body, QByteArray("<new/>"));
}

void TestPoliteHttp::capsResponseSize_data()
{
    QTest::addColumn<bool>("announced");
    QTest::newRow("Content-Length") << true;
    QTest::newRow("streamed") << false;
}

void TestPoliteHttp::capsResponseSize()
{
    QFETCH(bool, announced);
    CannedResponse big = CannedResponse::ok(QByteArray(300000, 'x'));
    big.omitContentLength = !announced;
    m_server->route(u"/big"_s, {big});
    const HttpResponse response = fetch(u"/big"_s);
    QVERIFY(!response.ok());
    QCOMPARE(response.attempts, 1);
    QVERIFY(response.body.isEmpty());
    QVERIFY2(response.error.contains(u"larger than the limit of 100000 bytes"_s),
             qPrintable(response.error));
}

void TestPoliteHttp::conditionalRequest()
{
    m_server->route(u"/feed"_s, {CannedResponse::withStatus(304)});
    HttpRequest request;
    request.etag = "\"abc\"";
    request.lastModified = "Thu, 28 Nov 2024 05:00:00 GMT";
    const HttpResponse response = fetch(u"/feed"_s, request);
    QVERIFY2(response.ok(), qPrintable(response.error));
    QVERIFY(response.notModified());
    const RecordedRequest seen = m_server->requests().constFirst();
    QCOMPARE(seen.header("If-None-Match"), QByteArray("\"abc\""));
    QCOMPARE(seen.header("If-Modified-Since"), QByteArray("Thu, 28 Nov 2024 05:00:00 GMT"));
}

void TestPoliteHttp::clientErrorIsNotRetried()
{
    const HttpResponse response = fetch(u"/nowhere"_s);
    QCOMPARE(response.status, 404);
    QCOMPARE(response.attempts, 1);
    QCOMPARE(response.error, u"HTTP 404 Not Found"_s);
}

void TestPoliteHttp::postSendsBodyAndHeaders()
{
    m_server->handle(u"/post"_s, [](const RecordedRequest &r) {
        return CannedResponse::ok(r.method + ' ' + r.body + ' ' + r.header("X-Test"), "text/plain");
    });
    HttpRequest request;
    request.method = "POST";
    request.body = R"({"text": ["中文"]})";
    request.headers = {{"Content-Type", "application/json"}, {"X-Test", "yes"}};
    const HttpResponse response = fetch(u"/post"_s, request);
    QVERIFY2(response.ok(), qPrintable(response.error));
    QCOMPARE(response.body, QByteArray(R"(POST {"text": ["中文"]} yes)"));
    QCOMPARE(m_server->requests().first().header("Content-Type"), QByteArray("application/json"));
}

void TestPoliteHttp::retryAfterStatusesNeedRetryAfter()
{
    // DeepL's 456: without Retry-After the quota is gone; with it, the server says when.
    m_server->route(u"/quota"_s, {CannedResponse::withStatus(456, "quota")});
    HttpRequest request;
    request.retryAfterStatuses = {456};
    HttpResponse response = fetch(u"/quota"_s, request);
    QCOMPARE(response.status, 456);
    QCOMPARE(response.attempts, 1);
    m_server->route(u"/later"_s,
                    {CannedResponse::withStatus(456, "quota").header("Retry-After", "1"),
                     CannedResponse::ok("<ok/>")});
    response = fetch(u"/later"_s, request);
    QVERIFY2(response.ok(), qPrintable(response.error));
    QCOMPARE(response.attempts, 2);
    QVERIFY(m_server->arrivalGaps().constLast() >= 900);
}

void TestPoliteHttp::perRequestTransferTimeout()
{
    CannedResponse slow = CannedResponse::ok("<late/>");
    slow.delayMs = 800;
    m_server->route(u"/think"_s, {slow});
    HttpRequest patient; // a language model may think longer than a feed server answers
    patient.transferTimeoutMs = 5000;
    QVERIFY(fetch(u"/think"_s, patient).ok());
    HttpRequest hasty;
    hasty.transferTimeoutMs = 200;
    m_http->setSettings([] {
        PolitenessSettings s = fastSettings();
        s.maxTries = 1;
        return s;
    }());
    const HttpResponse response = fetch(u"/think"_s, hasty);
    QVERIFY(!response.ok());
    QVERIFY2(response.error.contains(u"timed out: no data for 0.2 s"_s),
             qPrintable(response.error));
}

void TestPoliteHttp::cancelQueuedRequest()
{
    m_server->route(u"/a"_s, {CannedResponse::ok("<a/>")});
    std::optional<HttpResponse> first;
    std::optional<HttpResponse> second;
    m_http->get(requestFor(m_server->url(u"/a"_s)), this,
                [&first](const HttpResponse &r) { first = r; });
    const quint64 id = m_http->get(requestFor(m_server->url(u"/a"_s)), this,
                                   [&second](const HttpResponse &r) { second = r; });
    QTRY_VERIFY(first.has_value());
    m_http->cancel(id); // waiting for its turn
    QVERIFY(second.has_value());
    QVERIFY(second->cancelled);
    QTest::qWait(300);
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_http->pendingCount(), 0);
}

QTEST_GUILESS_MAIN(TestPoliteHttp)
#include "tst_polite_http.moc"
