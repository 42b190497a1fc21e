#include "fetch_settings.h"

#include <QProcessEnvironment>
#include <QUrlQuery>

namespace paperboy {

using namespace Qt::StringLiterals;

QByteArray PolitenessSettings::defaultUserAgent()
{
    // arXiv asks automated clients to identify themselves and give a way to reach them.
    return QByteArrayLiteral("Paperboy/" PAPERBOY_VERSION " (+" PAPERBOY_HOMEPAGE ")");
}

QUrl FetchSettings::rssUrl(const QStringList &categories) const
{
    return QUrl(rssBaseUrl + categories.join(u'+'));
}

QUrl FetchSettings::hfDailyUrl(const QDate &date) const
{
    QUrl url(hfUrl);
    QUrlQuery query(url);
    query.removeAllQueryItems(u"date"_s);
    query.addQueryItem(u"date"_s, date.toString(Qt::ISODate));
    url.setQuery(query);
    return url;
}

QUrl FetchSettings::digestUrl(const QDate &date) const
{
    QString text = digestUrlTemplate;
    text.replace(u"{date}"_s, date.toString(Qt::ISODate));
    text.replace(u"{lang}"_s, QString::fromLatin1(QUrl::toPercentEncoding(digestLanguage)));
    return QUrl(text);
}

QVariantMap FetchSettings::toVariantMap() const
{
    const PolitenessSettings &p = politeness;
    return {{u"rssBaseUrl"_s, rssBaseUrl},
            {u"apiUrl"_s, apiUrl},
            {u"categories"_s, categories},
            {u"apiPageSize"_s, apiPageSize},
            {u"enrichBatchSize"_s, enrichBatchSize},
            {u"hfUrl"_s, hfUrl},
            {u"digestUrlTemplate"_s, digestUrlTemplate},
            {u"digestLanguage"_s, digestLanguage},
            {u"minRequestSpacingMs"_s, p.minRequestSpacingMs},
            {u"otherSiteSpacingMs"_s, p.otherSiteSpacingMs},
            {u"maxTries"_s, p.maxTries},
            {u"backoffBaseMs"_s, p.backoffBaseMs},
            {u"backoffMaxMs"_s, p.backoffMaxMs},
            {u"maxRetryAfterMs"_s, p.maxRetryAfterMs},
            {u"transferTimeoutMs"_s, p.transferTimeoutMs},
            {u"totalTimeoutMs"_s, p.totalTimeoutMs},
            {u"maxResponseBytes"_s, p.maxResponseBytes},
            {u"maxRedirects"_s, p.maxRedirects}};
}

namespace {

template <typename T> void take(const QVariantMap &map, const QString &key, T *target)
{
    const QVariant value = map.value(key);
    if (value.isValid() && value.canConvert<T>())
        *target = value.value<T>();
}

} // namespace

FetchSettings FetchSettings::fromVariantMap(const QVariantMap &map)
{
    FetchSettings s;
    PolitenessSettings &p = s.politeness;
    take(map, u"rssBaseUrl"_s, &s.rssBaseUrl);
    take(map, u"apiUrl"_s, &s.apiUrl);
    take(map, u"categories"_s, &s.categories);
    take(map, u"apiPageSize"_s, &s.apiPageSize);
    take(map, u"enrichBatchSize"_s, &s.enrichBatchSize);
    take(map, u"hfUrl"_s, &s.hfUrl);
    take(map, u"digestUrlTemplate"_s, &s.digestUrlTemplate);
    take(map, u"digestLanguage"_s, &s.digestLanguage);
    take(map, u"minRequestSpacingMs"_s, &p.minRequestSpacingMs);
    take(map, u"otherSiteSpacingMs"_s, &p.otherSiteSpacingMs);
    take(map, u"maxTries"_s, &p.maxTries);
    take(map, u"backoffBaseMs"_s, &p.backoffBaseMs);
    take(map, u"backoffMaxMs"_s, &p.backoffMaxMs);
    take(map, u"maxRetryAfterMs"_s, &p.maxRetryAfterMs);
    take(map, u"transferTimeoutMs"_s, &p.transferTimeoutMs);
    take(map, u"totalTimeoutMs"_s, &p.totalTimeoutMs);
    take(map, u"maxResponseBytes"_s, &p.maxResponseBytes);
    take(map, u"maxRedirects"_s, &p.maxRedirects);
    // Settings files are edited by hand; nonsense falls back to something safe.
    const FetchSettings defaults;
    if (s.categories.isEmpty())
        s.categories = defaults.categories;
    if (s.apiPageSize <= 0 || s.apiPageSize > 2000)
        s.apiPageSize = defaults.apiPageSize;
    if (s.enrichBatchSize <= 0)
        s.enrichBatchSize = defaults.enrichBatchSize;
    if (s.hfUrl.trimmed().isEmpty())
        s.hfUrl = defaults.hfUrl;
    if (!s.digestUrlTemplate.contains(u"{date}"_s))
        s.digestUrlTemplate = defaults.digestUrlTemplate; // every day would fetch one file
    if (s.digestLanguage.trimmed().isEmpty())
        s.digestLanguage = defaults.digestLanguage;
    if (p.maxTries < 1)
        p.maxTries = 1;
    return s;
}

void FetchSettings::applyTestEnvironment()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    auto number = [&env](const char *name, int *target) {
        bool ok = false;
        const int value = env.value(QLatin1String(name)).toInt(&ok);
        if (ok && value >= 0)
            *target = value;
    };
    number("PAPERBOY_MIN_REQUEST_SPACING_MS", &politeness.minRequestSpacingMs);
    number("PAPERBOY_MIN_REQUEST_SPACING_MS", &politeness.otherSiteSpacingMs);
    number("PAPERBOY_FETCH_BACKOFF_MS", &politeness.backoffBaseMs);
    number("PAPERBOY_FETCH_TIMEOUT_MS", &politeness.transferTimeoutMs);
}

} // namespace paperboy
