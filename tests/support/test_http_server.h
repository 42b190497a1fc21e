#pragma once

// A real HTTP/1.1 server on 127.0.0.1 for tests: a route table of canned responses, faults on
// demand (delays, slow bodies, resets, truncation), and a record of every request with its
// arrival time and headers. QtCore + QtNetwork only; runs on the test's event loop, so wait
// with QTRY_* or QSignalSpy::wait, never with a blocking call.

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace paperboy::test {

struct CannedResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int delayMs = 0;                // before the status line
    int chunkSize = 0;              // > 0: the body in pieces of this size...
    int chunkDelayMs = 0;           // ...with this pause between them
    bool reset = false;             // drop the connection without answering
    qint64 truncateAfter = -1;      // announce the whole body, send this many bytes, close
    bool omitContentLength = false; // end the body by closing the connection

    static CannedResponse ok(const QByteArray &body,
                             const QByteArray &contentType = "application/xml; charset=utf-8");
    static CannedResponse withStatus(int status, const QByteArray &body = {},
                                     const QByteArray &contentType = "text/plain");
    CannedResponse &header(const QByteArray &name, const QByteArray &value);
};

struct RecordedRequest
{
    QByteArray method;
    QByteArray target; // path and query as sent
    QString path;
    QString query;                         // percent-decoded, '+' read as space
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;                       // as sent (Content-Length bytes)
    qint64 arrivalMs = 0;                  // since the server was created, monotonic

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

class TestHttpServer : public QObject
{
    Q_OBJECT
public:
    explicit TestHttpServer(QObject *parent = nullptr);
    ~TestHttpServer() override;

    bool listen();
    // HTTPS instead, with the self-signed certificate of tests/data/tls/ (its README), which
    // nothing trusts unless a test adds it (trustedTestCertificate()). Call before any request.
    bool listenTls();
    static QString testCertificatePath();
    quint16 port() const;
    QString baseUrl() const; // "http://127.0.0.1:PORT", or https after listenTls()
    QUrl url(const QString &pathAndQuery) const;

    // The first route whose path is `path` and whose decoded query contains `queryContains`
    // answers. Each request takes the next response of the list; the last one repeats.
    // Unmatched requests get 404.
    void route(const QString &path, const QList<CannedResponse> &responses,
               const QString &queryContains = {});
    // Answers every request to `path` by calling `handler` (after the canned routes): fake
    // APIs that answer what was asked, such as a translation server.
    using Handler = std::function<CannedResponse(const RecordedRequest &)>;
    void handle(const QString &path, Handler handler);
    void clearRoutes()
    {
        m_routes.clear();
        m_handlers.clear();
    }

    QList<RecordedRequest> requests() const { return m_requests; }
    qsizetype requestCount(const QString &path = {}) const;
    void clearRequests() { m_requests.clear(); }
    // Milliseconds between consecutive request arrivals.
    QList<qint64> arrivalGaps() const;

    // Test data.
    static QByteArray readFile(const QString &path);
    // tests/data/arxiv-api/NAME.body.xml, served with the status_code of NAME.json.
    static CannedResponse arxivApiFixture(const QString &name);
    static CannedResponse arxivRssFixture(const QString &fileName);

private:
    struct Route
    {
        QString path;
        QString queryContains;
        QList<CannedResponse> responses;
        int hits = 0;
    };
    struct Connection
    {
        QByteArray buffer;
        bool busy = false;
    };

    void onNewConnection();
    void processBuffer(QTcpSocket *socket);
    CannedResponse responseFor(const RecordedRequest &request);
    void respond(QTcpSocket *socket, const CannedResponse &response);
    void sendBody(QTcpSocket *socket, const QByteArray &body, int chunkSize, int chunkDelayMs,
                  bool closeAtEnd);
    void done(QTcpSocket *socket, bool close);

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    QElapsedTimer m_clock;
    QList<Route> m_routes;
    QList<QPair<QString, Handler>> m_handlers;
    QList<RecordedRequest> m_requests;
    QHash<QTcpSocket *, Connection> m_connections;
};

} // namespace paperboy::test

Q_DECLARE_METATYPE(paperboy::test::CannedResponse)
