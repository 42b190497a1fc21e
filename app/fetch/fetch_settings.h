#pragma once

// Everything the fetcher can be told, with its defaults in one place. The window maps its
// QSettings onto this (see toVariantMap/fromVariantMap for the keys); the command line maps
// its options onto it.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>

namespace paperboy {

// The knobs of PoliteHttp. Defaults follow arXiv's terms of use for automated access.
struct PolitenessSettings
{
    int minRequestSpacingMs = 3000; // between the end of one request and the next, per host
    int maxTries = 4;               // first try included
    int backoffBaseMs = 3000;       // first retry waits about this long, doubling each time
    int backoffMaxMs = 120000;
    int maxRetryAfterMs = 300000;  // a server asking for a longer pause makes us give up
    int transferTimeoutMs = 30000; // no byte for this long: timeout
    int totalTimeoutMs = 180000;   // a trickling body is cut off after this long
    qint64 maxResponseBytes = 64LL * 1024 * 1024;
    int maxRedirects = 5;
    QByteArray userAgent; // empty: defaultUserAgent()

    static QByteArray defaultUserAgent();
};

struct FetchSettings
{
    QString rssBaseUrl = QStringLiteral("https://rss.arxiv.org/rss/");
    QString apiUrl = QStringLiteral("https://export.arxiv.org/api/query");
    QStringList categories = {QStringLiteral("cs.CV")};
    int apiPageSize = 200;     // arXiv asks for slices well below its 2000 hard limit
    int enrichBatchSize = 100; // ids per id_list request; keeps the URL short
    PolitenessSettings politeness;

    // The feed for `categories`: the base URL with the categories joined by '+'.
    QUrl rssUrl(const QStringList &categories) const;

    // Keys: rssBaseUrl, apiUrl, categories, apiPageSize, enrichBatchSize, minRequestSpacingMs,
    // maxTries, backoffBaseMs, backoffMaxMs, maxRetryAfterMs, transferTimeoutMs,
    // totalTimeoutMs, maxResponseBytes, maxRedirects. Missing keys keep their defaults.
    QVariantMap toVariantMap() const;
    static FetchSettings fromVariantMap(const QVariantMap &map);

    // TEST ONLY: the command-line tests cannot wait 3 s between requests, so they shorten the
    // timings through PAPERBOY_MIN_REQUEST_SPACING_MS, PAPERBOY_FETCH_BACKOFF_MS and
    // PAPERBOY_FETCH_TIMEOUT_MS. Unset variables change nothing.
    void applyTestEnvironment();
};

} // namespace paperboy
