#include "polite_http.h"

#include "fetch/http_inflate.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

int monthNumber(QStringView name)
{
    static const QStringList months = {u"jan"_s, u"feb"_s, u"mar"_s, u"apr"_s, u"may"_s, u"jun"_s,
                                       u"jul"_s, u"aug"_s, u"sep"_s, u"oct"_s, u"nov"_s, u"dec"_s};
    return int(months.indexOf(name.left(3).toString().toLower())) + 1;
}

QDateTime utcDateTime(int year, int month, int day, int h, int m, int s)
{
    const QDate date(year, month, day);
    const QTime time(h, m, s);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

bool isRetryableNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

bool isRetryableStatus(int status)
{
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

QString seconds(qint64 ms)
{
    return ms % 1000 == 0 ? QString::number(ms / 1000)
                          : QString::number(double(ms) / 1000.0, 'f', 1);
}

} // namespace

PoliteHttp::PoliteHttp(const PolitenessSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings), m_network(new QNetworkAccessManager(this))
{
    m_monotonic.start();
    // Caching would answer a conditional request by itself and hide the 304 from us.
    m_network->setCache(nullptr);
}

PoliteHttp::~PoliteHttp()
{
    // Callbacks must not run into a half-destroyed owner: drop them, then abort.
    for (auto &[key, h] : m_hosts) {
        h.queue.clear();
        if (h.flight && h.flight->reply) {
            h.flight->job.done = nullptr;
            h.flight->reply->disconnect(this);
            h.flight->reply->abort();
        }
    }
}

QDateTime PoliteHttp::wallClock() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

QString PoliteHttp::politenessKey(const QUrl &url)
{
    const QString hostName = url.host().toLower();
    if (!QHostAddress(hostName).isNull())
        return hostName;
    const QStringList labels = hostName.split(u'.', Qt::SkipEmptyParts);
    if (labels.size() <= 2)
        return hostName;
    return labels.mid(labels.size() - 2).join(u'.');
}

QDateTime PoliteHttp::parseHttpDate(const QByteArray &value)
{
    const QString text = QString::fromLatin1(value).trimmed();
    // IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT" and RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT".
    static const QRegularExpression dayFirst(
        uR"(^[A-Za-z]+,\s*(\d{1,2})[\s-]([A-Za-z]{3})[\s-](\d{2}|\d{4})\s+(\d{2}):(\d{2}):(\d{2})\s*GMT$)"_s);
    // asctime "Sun Nov  6 08:49:37 1994".
    static const QRegularExpression asctime(
        uR"(^[A-Za-z]{3}\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+(\d{4})$)"_s);
    QRegularExpressionMatch m = dayFirst.match(text);
    if (m.hasMatch()) {
        int year = m.captured(3).toInt();
        if (m.captured(3).size() ==
            2) // RFC 9110: two-digit years more than 50 years ahead are past
            year += year < 70 ? 2000 : 1900;
        return utcDateTime(year, monthNumber(m.capturedView(2)), m.captured(1).toInt(),
                           m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    }
    m = asctime.match(text);
    if (m.hasMatch()) {
        return utcDateTime(m.captured(6).toInt(), monthNumber(m.capturedView(1)),
                           m.captured(2).toInt(), m.captured(3).toInt(), m.captured(4).toInt(),
                           m.captured(5).toInt());
    }
    return {};
}

qint64 PoliteHttp::retryAfterMs(const QByteArray &value, const QDateTime &nowUtc)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    // delta-seconds may have any number of digits (RFC 9110 10.2.3); one too large for
    // milliseconds, or for qint64 at all, is still a wait: the longest we can say, not none.
    constexpr qint64 longestSeconds = std::numeric_limits<qint64>::max() / 1000;
    const bool digitsOnly =
        std::all_of(trimmed.begin(), trimmed.end(), [](char c) { return c >= '0' && c <= '9'; });
    bool ok = false;
    const qint64 delta = trimmed.toLongLong(&ok);
    if (digitsOnly)
        return (ok && delta <= longestSeconds ? delta : longestSeconds) * 1000;
    if (ok)
        return delta < 0 ? -1 : std::min(delta, longestSeconds) * 1000;
    const QDateTime when = parseHttpDate(trimmed);
    if (!when.isValid())
        return -1;
    return std::max<qint64>(0, nowUtc.msecsTo(when));
}

qint64 PoliteHttp::backoffMs(int attempt, double unit) const
{
    const int doublings = std::clamp(attempt - 1, 0, 20);
    const qint64 full =
        std::min<qint64>(qint64(m_settings.backoffBaseMs) << doublings, m_settings.backoffMaxMs);
    // "Equal jitter": clients that failed together do not retry together, and none retries
    // sooner than half the nominal pause.
    return full / 2 + qint64(double(full / 2) * std::clamp(unit, 0.0, 1.0));
}

PoliteHttp::Host &PoliteHttp::host(const QString &key)
{
    Host &h = m_hosts[key];
    if (!h.timer) {
        h.timer = new QTimer(this);
        h.timer->setSingleShot(true);
        h.timer->setTimerType(Qt::PreciseTimer);
        connect(h.timer, &QTimer::timeout, this, [this, key] { schedule(key); });
    }
    return h;
}

quint64 PoliteHttp::send(const HttpRequest &request, QObject *context, Callback done)
{
    Job job;
    job.id = m_nextId++;
    job.request = request;
    job.context = context;
    job.done = std::move(done);
    const QString key = politenessKey(request.url);
    host(key).queue.append(std::move(job));
    // Through the event loop, so a caller's bookkeeping after get() precedes any answer.
    QMetaObject::invokeMethod(
        this, [this, key] { schedule(key); }, Qt::QueuedConnection);
    return m_nextId - 1;
}

int PoliteHttp::pendingCount() const
{
    int count = 0;
    for (const auto &[key, h] : m_hosts)
        count += int(h.queue.size()) + (h.flight ? 1 : 0);
    return count;
}

void PoliteHttp::cancel(quint64 id)
{
    for (auto &[key, h] : m_hosts) {
        if (h.flight && h.flight->job.id == id && h.flight->reply) {
            h.flight->cancelled = true;
            h.flight->reply->abort();
            return;
        }
        for (qsizetype i = 0; i < h.queue.size(); ++i) {
            if (h.queue.at(i).id != id)
                continue;
            Job job = h.queue.takeAt(i);
            HttpResponse response;
            response.url = job.request.url;
            response.cancelled = true;
            response.error = u"cancelled"_s;
            response.attempts = job.attempt;
            finish(std::move(job), response);
            return;
        }
    }
}

void PoliteHttp::cancelAll()
{
    QList<quint64> ids;
    for (const auto &[key, h] : m_hosts) {
        if (h.flight)
            ids.append(h.flight->job.id);
        for (const Job &job : h.queue)
            ids.append(job.id);
    }
    for (const quint64 id : std::as_const(ids))
        cancel(id);
}

void PoliteHttp::schedule(const QString &key)
{
    Host &h = host(key);
    if (h.flight || h.queue.isEmpty())
        return;
    const qint64 wait = std::max(h.readyAt, h.queue.first().notBefore) - now();
    if (wait > 0) {
        h.timer->start(int(std::min<qint64>(wait, std::numeric_limits<int>::max())));
        return;
    }
    h.timer->stop();
    startNext(key);
}

void PoliteHttp::startNext(const QString &key)
{
    Host &h = host(key);
    auto flight = std::make_unique<Flight>();
    flight->job = h.queue.takeFirst();
    Job &job = flight->job;
    ++job.attempt;
    if (job.firstStart < 0)
        job.firstStart = now();

    QNetworkRequest request(job.request.url);
    const QByteArray agent = m_settings.userAgent.isEmpty() ? PolitenessSettings::defaultUserAgent()
                                                            : m_settings.userAgent;
    request.setHeader(QNetworkRequest::UserAgentHeader, agent);
    if (!job.request.etag.isEmpty())
        request.setRawHeader("If-None-Match", job.request.etag);
    if (!job.request.lastModified.isEmpty())
        request.setRawHeader("If-Modified-Since", job.request.lastModified);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(m_settings.maxRedirects);
    request.setTransferTimeout(transferTimeout(job.request));
    // Asked for by us, compressed bodies reach us as sent and HttpInflate inflates them as
    // they arrive, so the cap counts inflated bytes (Qt, asking by itself, inflated ahead of
    // the cap and called a bomb "Decompression failed: ").
    request.setRawHeader("Accept-Encoding", "gzip, deflate");
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    for (const auto &[name, value] : job.request.headers)
        request.setRawHeader(name, value);

    flight->reply = job.request.method == "POST" ? m_network->post(request, job.request.body)
                                                 : m_network->get(request);
    QNetworkReply *reply = flight->reply;
    h.flight = std::move(flight);
    connect(reply, &QNetworkReply::readyRead, this, [this, key] { onReadyRead(key); });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, key] { onMetaData(key); });
    connect(reply, &QNetworkReply::finished, this, [this, key] { onFinished(key); });
    // The transfer timeout restarts with every byte; a body trickling in forever needs this.
    QTimer::singleShot(totalTimeout(job.request), reply, [this, key, reply] {
        Host &current = host(key);
        if (!current.flight || current.flight->reply != reply || reply->isFinished())
            return;
        current.flight->timedOut = true;
        reply->abort();
    });
    emit requestStarted(job.request.url, job.attempt);
}

void PoliteHttp::onMetaData(const QString &key)
{
    Flight *flight = host(key).flight.get();
    if (!flight)
        return;
    // Each response of a redirect chain has headers of its own; the body is the last one's.
    const QByteArray encoding = flight->reply->rawHeader("Content-Encoding").trimmed().toLower();
    if (flight->wireBytes == 0)
        flight->inflate.reset();
    if (flight->wireBytes == 0 && !encoding.isEmpty() && encoding != "identity") {
        flight->inflate = std::make_unique<HttpInflate>(encoding);
        if (!flight->inflate->isKnown()) {
            flight->damaged = u"it came in an encoding we did not ask for (%1)"_s.arg(
                QString::fromLatin1(encoding.left(40)));
            flight->reply->abort();
            return;
        }
    }
    const QVariant length = flight->reply->header(QNetworkRequest::ContentLengthHeader);
    // Refused before the body arrives: no point downloading what we will throw away. (A
    // compressed body's length is what it has before inflating: smaller still.)
    if (length.isValid() && length.toLongLong() > m_settings.maxResponseBytes) {
        flight->oversized = true;
        flight->reply->abort();
    } else if (length.isValid() && !flight->inflate && flight->wireBytes == 0) {
        // Grown by appending, a 20 MB body was copied from buffer to buffer on the way and
        // briefly held twice.
        flight->body.reserve(length.toLongLong());
    }
}

bool PoliteHttp::take(Flight &flight, const QByteArray &bytes)
{
    flight.wireBytes += bytes.size();
    if (!flight.inflate) {
        flight.body += bytes;
    } else if (!flight.inflate->feed(bytes, &flight.body, m_settings.maxResponseBytes)) {
        flight.damaged = flight.inflate->error();
        flight.body.clear();
        return false;
    }
    if (flight.body.size() > m_settings.maxResponseBytes) {
        flight.oversized = true;
        flight.body.clear();
        return false;
    }
    return true;
}

void PoliteHttp::onReadyRead(const QString &key)
{
    Flight *flight = host(key).flight.get();
    if (!flight || flight->oversized || !flight->damaged.isEmpty())
        return;
    if (!take(*flight, flight->reply->readAll()))
        flight->reply->abort();
}

QString PoliteHttp::retryReason(const Flight &flight, int status) const
{
    if (flight.cancelled || flight.oversized || !flight.damaged.isEmpty())
        return {};
    if (flight.timedOut || flight.cutShort)
        return failureText(flight, status);
    // A connection dropped mid-body has a status too; the transport error decides first.
    const QNetworkReply::NetworkError error = flight.reply->error();
    if (error == QNetworkReply::OperationCanceledError || isRetryableNetworkError(error))
        return failureText(flight, status);
    if (isRetryableStatus(status))
        return failureText(flight, status);
    // Retried only when the server says when: see HttpRequest::retryAfterStatuses.
    if (flight.job.request.retryAfterStatuses.contains(status) &&
        retryAfterMs(flight.reply->rawHeader("Retry-After"), wallClock()) >= 0)
        return failureText(flight, status);
    return {};
}

int PoliteHttp::transferTimeout(const HttpRequest &request) const
{
    return request.transferTimeoutMs > 0 ? request.transferTimeoutMs : m_settings.transferTimeoutMs;
}

int PoliteHttp::totalTimeout(const HttpRequest &request) const
{
    return request.totalTimeoutMs > 0 ? request.totalTimeoutMs : m_settings.totalTimeoutMs;
}

QString PoliteHttp::failureText(const Flight &flight, int status) const
{
    if (flight.cancelled)
        return u"cancelled"_s;
    if (flight.oversized)
        return u"the response is larger than the limit of %1 bytes%2"_s.arg(
            QString::number(m_settings.maxResponseBytes),
            flight.inflate ? u" once decompressed"_s : QString());
    if (!flight.damaged.isEmpty())
        return u"the compressed response cannot be read: %1"_s.arg(flight.damaged);
    if (flight.timedOut)
        return u"no complete answer within %1 s"_s.arg(seconds(totalTimeout(flight.job.request)));
    if (flight.cutShort)
        return u"the server closed the connection in the middle of the response"_s;
    QNetworkReply *reply = flight.reply;
    switch (reply->error()) {
    case QNetworkReply::OperationCanceledError: // what the transfer timeout reports
    case QNetworkReply::TimeoutError:
        return u"timed out: no data for %1 s"_s.arg(seconds(transferTimeout(flight.job.request)));
    case QNetworkReply::TooManyRedirectsError:
        return u"too many redirects (more than %1)"_s.arg(m_settings.maxRedirects);
    case QNetworkReply::InsecureRedirectError:
        return u"refused a redirect from https to http"_s;

    case QNetworkReply::RemoteHostClosedError:
        if (status <= 0)
            return u"the server closed the connection before answering"_s;
        return u"the server closed the connection in the middle of the response"_s;
    default:
        break;
    }
    if (status > 0 && (status < 200 || status >= 300) && status != 304) {
        const QString phrase =
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().trimmed();
        return phrase.isEmpty() ? u"HTTP %1"_s.arg(status)
                                : u"HTTP %1 %2"_s.arg(status).arg(phrase);
    }
    if (reply->error() != QNetworkReply::NoError)
        return reply->errorString();
    return {};
}

void PoliteHttp::onFinished(const QString &key)
{
    Host &h = host(key);
    if (!h.flight)
        return;
    std::unique_ptr<Flight> flight = std::move(h.flight);
    QNetworkReply *reply = flight->reply;
    reply->deleteLater();
    // The last bytes count as the others: a body may come whole, with no readyRead before
    // the end (a compressed one did, and Qt inflated 27 MB of it past an 8 MB cap).
    if (!flight->oversized && !flight->cancelled && flight->damaged.isEmpty() && reply->isOpen())
        take(*flight, reply->readAll());
    // Counted from the end of this request: arXiv then sees at least the full spacing
    // between two requests, however long the answer took.
    const int spacing = flight->job.request.minSpacingMs >= 0 ? flight->job.request.minSpacingMs
                                                              : m_settings.minRequestSpacingMs;
    h.readyAt = now() + spacing;

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // QNetworkReply does not always report a body cut short by a closed connection. The
    // announced length is that of the bytes on the wire (compressed or not), so compare; a
    // compressed body must also end where its data says it does.
    const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
    flight->cutShort = !flight->oversized && !flight->cancelled && !flight->timedOut &&
                       flight->damaged.isEmpty() && reply->error() == QNetworkReply::NoError &&
                       ((announced.isValid() && flight->wireBytes < announced.toLongLong()) ||
                        (flight->inflate && flight->wireBytes > 0 && !flight->inflate->finished()));
    Job &job = flight->job;
    HttpResponse response;
    response.url = job.request.url;
    response.finalUrl = reply->url();
    response.status = status;
    response.contentType = reply->rawHeader("Content-Type");
    response.etag = reply->rawHeader("ETag");
    response.lastModified = reply->rawHeader("Last-Modified");
    response.contentRange = reply->rawHeader("Content-Range");
    response.attempts = job.attempt;
    response.cancelled = flight->cancelled;
    response.tooLarge = flight->oversized;

    const QString retry = retryReason(*flight, status);
    if (!retry.isEmpty()) {
        const bool mayAsk =
            status == 429 || status == 503 || job.request.retryAfterStatuses.contains(status);
        const qint64 asked =
            mayAsk ? retryAfterMs(reply->rawHeader("Retry-After"), wallClock()) : -1;
        if (asked > m_settings.maxRetryAfterMs) {
            response.error =
                u"%1; the server asked to wait %2 s, try again later"_s.arg(retry, seconds(asked));
            response.body = flight->body;
            schedule(key);
            finish(std::move(job), response);
            return;
        }
        if (job.attempt < m_settings.maxTries) {
            const double unit =
                m_random ? m_random() : QRandomGenerator::global()->generateDouble();
            const qint64 delay = asked >= 0 ? asked : backoffMs(job.attempt, unit);
            job.notBefore = now() + delay;
            if (asked >= 0) // the server spoke for the whole host, not just this URL
                h.readyAt = std::max(h.readyAt, job.notBefore);
            emit retryScheduled(job.request.url, job.attempt + 1, delay, retry);
            h.queue.prepend(std::move(job));
            schedule(key);
            return;
        }
        response.error =
            job.attempt > 1 ? u"%1 (gave up after %2 tries)"_s.arg(retry).arg(job.attempt) : retry;
    } else {
        response.error = failureText(*flight, status);
    }
    if (!flight->oversized && flight->damaged.isEmpty())
        response.body = flight->body;
    // The queue moves on first: the callback may queue the next request or cancel everything.
    schedule(key);
    finish(std::move(job), response);
}

void PoliteHttp::finish(Job job, HttpResponse response)
{
    response.elapsedMs = job.firstStart < 0 ? 0 : now() - job.firstStart;
    if (job.done && job.context)
        job.done(response);
}

} // namespace paperboy
