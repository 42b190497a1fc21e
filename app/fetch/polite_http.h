#pragma once

// Every HTTP request of the fetcher and the translator goes through here, so arXiv's terms
// hold in one place: one request at a time per site, a pause between requests, Retry-After
// honoured, exponential backoff with jitter, a bounded number of tries, timeouts, a size cap,
// bounded redirects and conditional requests. A request is a value in; a response is a value
// out, delivered on the thread PoliteHttp lives on. GET for feeds, POST for translation APIs.

#include "fetch/fetch_settings.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace paperboy {

class HttpInflate;

struct HttpRequest
{
    QUrl url;
    // Validators from an earlier response to the same URL, sent as If-None-Match and
    // If-Modified-Since. A 304 answer then means "unchanged since".
    QByteArray etag;
    QByteArray lastModified;
    // The pause after this request before the next one to the same site; -1 takes
    // PolitenessSettings::minRequestSpacingMs. Sites other than arXiv ask for less.
    int minSpacingMs = -1;

    // POST with this body when `method` is "POST" (translation APIs); GET otherwise.
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray body;
    // Sent as given (Content-Type, Authorization). Never part of an error message or signal.
    QList<QPair<QByteArray, QByteArray>> headers;
    // -1 takes PolitenessSettings' transferTimeoutMs / totalTimeoutMs: a language model may
    // think for a minute before its first byte.
    int transferTimeoutMs = -1;
    int totalTimeoutMs = -1;
    // Statuses retried only when the answer carries Retry-After (DeepL's 456, quota
    // exceeded: without Retry-After the quota is gone for the month and a retry only costs).
    QList<int> retryAfterStatuses;
};

struct HttpResponse
{
    QUrl url;        // as requested
    QUrl finalUrl;   // after redirects
    int status = 0;  // 0 when no HTTP answer arrived
    QByteArray body; // also kept for error statuses: arXiv explains a 400 in the body
    QByteArray contentType;
    QByteArray etag;
    QByteArray lastModified;
    QByteArray contentRange; // of a 206 answer to a Range request: "bytes 100-199/200"
    QString error;           // empty for 2xx and 304; otherwise what went wrong, in words
    bool cancelled = false;
    bool tooLarge = false; // refused for its size (PolitenessSettings::maxResponseBytes)
    int attempts = 0;
    qint64 elapsedMs = 0; // from the first try to the answer, waits included

    bool ok() const { return error.isEmpty(); }
    bool notModified() const { return status == 304; }
};

class PoliteHttp : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const HttpResponse &)>;

    explicit PoliteHttp(const PolitenessSettings &settings, QObject *parent = nullptr);
    ~PoliteHttp() override;

    void setSettings(const PolitenessSettings &settings) { m_settings = settings; }
    const PolitenessSettings &settings() const { return m_settings; }

    // Test seams: the wall clock (for Retry-After dates) and the jitter source in [0, 1).
    void setClock(std::function<QDateTime()> nowUtc) { m_clock = std::move(nowUtc); }
    void setRandom(std::function<double()> unit) { m_random = std::move(unit); }

    // Queues the request (GET unless request.method says POST). `done` runs once, on this
    // object's thread, unless `context` is destroyed first. Returns an id for cancel().
    quint64 send(const HttpRequest &request, QObject *context, Callback done);
    quint64 get(const HttpRequest &request, QObject *context, Callback done)
    {
        return send(request, context, std::move(done));
    }
    // The request's callback still runs, with `cancelled` set.
    void cancel(quint64 id);
    void cancelAll();
    int pendingCount() const;

    // Requests to hosts with the same key share one queue: rss.arxiv.org and export.arxiv.org
    // are both arXiv, and arXiv counts them together.
    static QString politenessKey(const QUrl &url);
    // Retry-After as delta-seconds or HTTP-date, in ms from `nowUtc`; -1 when absent/unreadable.
    static qint64 retryAfterMs(const QByteArray &value, const QDateTime &nowUtc);
    // IMF-fixdate, RFC 850 and asctime forms (RFC 9110 section 5.6.7); invalid when unreadable.
    static QDateTime parseHttpDate(const QByteArray &value);
    // The pause before try `attempt + 1` after `attempt` failed, before jitter: base * 2^(n-1),
    // capped. Jitter then picks a value in [half of it, all of it].
    qint64 backoffMs(int attempt, double unit) const;

signals:
    void requestStarted(const QUrl &url, int attempt);
    void retryScheduled(const QUrl &url, int nextAttempt, qint64 delayMs, const QString &reason);

private:
    struct Job
    {
        quint64 id = 0;
        HttpRequest request;
        QPointer<QObject> context;
        Callback done;
        int attempt = 0;
        qint64 notBefore = 0; // monotonic ms
        qint64 firstStart = -1;
    };
    struct Flight
    {
        Job job;
        QNetworkReply *reply = nullptr;
        QByteArray body;
        bool cancelled = false;
        bool oversized = false;
        std::unique_ptr<HttpInflate>
            inflate;          // a compressed body: the cap counts what it inflates to
        qint64 wireBytes = 0; // as received, before inflating
        QString damaged;      // a compressed body that cannot be inflated
        bool timedOut = false;
        bool cutShort = false; // fewer body bytes than Content-Length announced
    };
    struct Host
    {
        QList<Job> queue;
        std::unique_ptr<Flight> flight;
        qint64 readyAt = 0; // monotonic ms: the next request may not start before
        QTimer *timer = nullptr;
    };

    Host &host(const QString &key);
    void schedule(const QString &key);
    void startNext(const QString &key);
    void onReadyRead(const QString &key);
    void onMetaData(const QString &key);
    void onFinished(const QString &key);
    // Adds received bytes to the body, inflating them if need be; false when the body is over
    // the cap or cannot be inflated (the transfer must end).
    bool take(Flight &flight, const QByteArray &bytes);
    void finish(Job job, HttpResponse response);
    QString retryReason(const Flight &flight, int status) const;
    QString failureText(const Flight &flight, int status) const;
    int transferTimeout(const HttpRequest &request) const;
    int totalTimeout(const HttpRequest &request) const;
    qint64 now() const { return m_monotonic.elapsed(); }
    QDateTime wallClock() const;

    PolitenessSettings m_settings;
    QNetworkAccessManager *m_network = nullptr;
    std::map<QString, Host> m_hosts;
    QElapsedTimer m_monotonic;
    std::function<QDateTime()> m_clock;
    std::function<double()> m_random;
    quint64 m_nextId = 1;
};

} // namespace paperboy
