#include "test_http_server.h"

#include <QFile>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

namespace paperboy::test {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 456:
        return "Quota Exceeded";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

CannedResponse CannedResponse::ok(const QByteArray &body, const QByteArray &contentType)
{
    CannedResponse response;
    response.body = body;
    response.header("Content-Type", contentType);
    return response;
}

CannedResponse CannedResponse::withStatus(int status, const QByteArray &body,
                                          const QByteArray &contentType)
{
    CannedResponse response;
    response.status = status;
    response.body = body;
    if (!body.isEmpty())
        response.header("Content-Type", contentType);
    return response;
}

CannedResponse &CannedResponse::header(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

TestHttpServer::TestHttpServer(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    m_clock.start();
    connect(m_server, &QTcpServer::newConnection, this, &TestHttpServer::onNewConnection);
}

TestHttpServer::~TestHttpServer() = default;

bool TestHttpServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QString TestHttpServer::testCertificatePath()
{
    return QStringLiteral(PAPERBOY_TEST_DATA "/tls/localhost.crt");
}

bool TestHttpServer::listenTls()
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(testCertificatePath());
    QFile keyFile(QStringLiteral(PAPERBOY_TEST_DATA "/tls/localhost.key"));
    if (certificates.isEmpty() || !keyFile.open(QIODevice::ReadOnly))
        return false;
    const QSslKey key(&keyFile, QSsl::Rsa);
    if (key.isNull())
        return false;
    auto *server = new QSslServer(this);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificates.first());
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients send no certificate
    server->setSslConfiguration(configuration);
    // A connection is pending once its handshake is done; one that fails it never is.
    connect(server, &QTcpServer::pendingConnectionAvailable, this,
            &TestHttpServer::onNewConnection);
    delete m_server;
    m_server = server;
    m_tls = true;
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 TestHttpServer::port() const
{
    return m_server->serverPort();
}

QString TestHttpServer::baseUrl() const
{
    return QStringLiteral("%1://127.0.0.1:%2").arg(m_tls ? QStringLiteral("https") : QStringLiteral("http")).arg(port());
}

QUrl TestHttpServer::url(const QString &pathAndQuery) const
{
    return QUrl(baseUrl() + pathAndQuery);
}

void TestHttpServer::route(const QString &path, const QList<CannedResponse> &responses,
                           const QString &queryContains)
{
    m_routes.append({path, queryContains, responses, 0});
}

void TestHttpServer::handle(const QString &path, Handler handler)
{
    m_handlers.append({path, std::move(handler)});
}

qsizetype TestHttpServer::requestCount(const QString &path) const
{
    if (path.isEmpty())
        return m_requests.size();
    return std::count_if(m_requests.cbegin(), m_requests.cend(),
                         [&path](const RecordedRequest &r) { return r.path == path; });
}

QList<qint64> TestHttpServer::arrivalGaps() const
{
    QList<qint64> gaps;
    for (qsizetype i = 1; i < m_requests.size(); ++i)
        gaps.append(m_requests.at(i).arrivalMs - m_requests.at(i - 1).arrivalMs);
    return gaps;
}

QByteArray TestHttpServer::readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

CannedResponse TestHttpServer::arxivApiFixture(const QString &name)
{
    const QString base = QStringLiteral(PAPERBOY_TEST_DATA "/arxiv-api/") + name;
    const QJsonObject meta =
        QJsonDocument::fromJson(readFile(base + QStringLiteral(".json"))).object();
    CannedResponse response = CannedResponse::ok(readFile(base + QStringLiteral(".body.xml")),
                                                 "application/atom+xml; charset=utf-8");
    response.status = meta.value(QStringLiteral("status_code")).toInt(200);
    return response;
}

CannedResponse TestHttpServer::arxivRssFixture(const QString &fileName)
{
    return CannedResponse::ok(readFile(QStringLiteral(PAPERBOY_TEST_DATA "/arxiv-rss/") + fileName),
                              "application/rss+xml; charset=utf-8");
}

void TestHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_connections.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            m_connections[socket].buffer += socket->readAll();
            processBuffer(socket);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
    }
}

void TestHttpServer::processBuffer(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end() || it->busy)
        return;
    const qsizetype end = it->buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QByteArray head = it->buffer.left(end);
    const QList<QByteArray> lines = head.split('\n');
    qsizetype bodyLength = 0;
    for (const QByteArray &line : lines) {
        if (line.trimmed().toLower().startsWith("content-length:"))
            bodyLength = line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
    }
    if (it->buffer.size() < end + 4 + bodyLength)
        return; // the body is still on its way
    const QByteArray body = it->buffer.mid(end + 4, bodyLength);
    it->buffer.remove(0, end + 4 + bodyLength);
    it->busy = true;

    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    RecordedRequest request;
    request.body = body;
    request.arrivalMs = m_clock.elapsed();
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    const qsizetype question = request.target.indexOf('?');
    request.path = QString::fromUtf8(question < 0 ? request.target : request.target.left(question));
    if (question >= 0) {
        QByteArray query = request.target.mid(question + 1);
        query.replace('+', ' ');
        request.query = QString::fromUtf8(QByteArray::fromPercentEncoding(query));
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.insert(line.left(colon).trimmed().toLower(),
                                   line.mid(colon + 1).trimmed());
    }
    m_requests.append(request);
    respond(socket, responseFor(request));
}

CannedResponse TestHttpServer::responseFor(const RecordedRequest &request)
{
    for (Route &route : m_routes) {
        if (route.path != request.path || !request.query.contains(route.queryContains) ||
            route.responses.isEmpty())
            continue;
        const qsizetype index = std::min<qsizetype>(route.hits, route.responses.size() - 1);
        ++route.hits;
        return route.responses.at(index);
    }
    for (const auto &[path, handler] : m_handlers) {
        if (path == request.path)
            return handler(request);
    }
    return CannedResponse::withStatus(404, "no route for " + request.target);
}

void TestHttpServer::respond(QTcpSocket *socket, const CannedResponse &response)
{
    auto send = [this, socket, response] {
        if (response.reset) {
            socket->abort();
            return;
        }
        const bool closeAtEnd = response.omitContentLength || response.truncateAfter >= 0;
        QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                          reasonPhrase(response.status) + "\r\n";
        if (!response.omitContentLength)
            head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        head += closeAtEnd ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
        for (const auto &[name, value] : response.headers)
            head += name + ": " + value + "\r\n";
        head += "\r\n";
        socket->write(head);
        const QByteArray body = response.truncateAfter >= 0
                                    ? response.body.left(response.truncateAfter)
                                    : response.body;
        sendBody(socket, body, response.chunkSize, response.chunkDelayMs, closeAtEnd);
    };
    if (response.delayMs > 0)
        QTimer::singleShot(response.delayMs, socket, send);
    else
        send();
}

void TestHttpServer::sendBody(QTcpSocket *socket, const QByteArray &body, int chunkSize,
                              int chunkDelayMs, bool closeAtEnd)
{
    if (chunkSize <= 0 || body.size() <= chunkSize) {
        socket->write(body);
        done(socket, closeAtEnd);
        return;
    }
    socket->write(body.left(chunkSize));
    socket->flush();
    const QByteArray rest = body.mid(chunkSize);
    QTimer::singleShot(chunkDelayMs, socket,
                       [this, socket, rest, chunkSize, chunkDelayMs, closeAtEnd] {
                           sendBody(socket, rest, chunkSize, chunkDelayMs, closeAtEnd);
                       });
}

void TestHttpServer::done(QTcpSocket *socket, bool close)
{
    if (close) {
        socket->disconnectFromHost();
        return;
    }
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->busy = false;
    // A pipelined request may already be waiting.
    QTimer::singleShot(0, socket, [this, socket] { processBuffer(socket); });
}

} // namespace paperboy::test
