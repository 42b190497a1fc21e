#pragma once

// Everything the fetcher can be told, with its defaults in one place. The window maps its
// QSettings onto this (see toVariantMap/fromVariantMap for the keys); the command line maps
// its options onto it.

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>

namespace paperboy {

// The knobs of PoliteHttp. Defaults follow arXiv's terms of use for automated access.
struct PolitenessSettings
{
    int minRequestSpacingMs = 3000; // between the end of one request and the next, per host
    // The same for Hugging Face and the digest host: not arXiv, whose terms ask for 3 s, but
    // still one request at a time and a pause between them.
    int otherSiteSpacingMs = 1000;
    int maxTries = 4;         // first try included
    int backoffBaseMs = 3000; // first retry waits about this long, doubling each time
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
    // Hugging Face daily papers; the day goes in as ?date=YYYY-MM-DD.
    QString hfUrl = QStringLiteral("https://huggingface.co/api/daily_papers");
    // One JSON Lines file per day of github.com/dw-dengwei/daily-arXiv-ai-enhanced (branch
    // "data"); {date} becomes YYYY-MM-DD and {lang} digestLanguage.
    QString digestUrlTemplate = QStringLiteral(
        "https://raw.githubusercontent.com/dw-dengwei/daily-arXiv-ai-enhanced/data/data/"
        "{date}_AI_enhanced_{lang}.jsonl");
    QString digestLanguage = QStringLiteral("Chinese"); // as the repository spells it
    PolitenessSettings politeness;

    // The feed for `categories`: the base URL with the categories joined by '+'.
    QUrl rssUrl(const QStringList &categories) const;
    // hfUrl?date=YYYY-MM-DD
    QUrl hfDailyUrl(const QDate &date) const;
    // digestUrlTemplate with {date} and {lang} filled in.
    QUrl digestUrl(const QDate &date) const;

    // Keys: rssBaseUrl, apiUrl, categories, apiPageSize, enrichBatchSize, hfUrl,
    // digestUrlTemplate, digestLanguage, minRequestSpacingMs, otherSiteSpacingMs, maxTries,
    // backoffBaseMs, backoffMaxMs, maxRetryAfterMs, transferTimeoutMs, totalTimeoutMs,
    // maxResponseBytes, maxRedirects. Missing keys keep their defaults.
    QVariantMap toVariantMap() const;
    static FetchSettings fromVariantMap(const QVariantMap &map);

    // TEST ONLY: the command-line tests cannot wait 3 s between requests, so they shorten the
    // timings through PAPERBOY_MIN_REQUEST_SPACING_MS (both spacings), PAPERBOY_FETCH_BACKOFF_MS
    // and PAPERBOY_FETCH_TIMEOUT_MS. Unset variables change nothing.
    void applyTestEnvironment();
};

} // namespace paperboy
