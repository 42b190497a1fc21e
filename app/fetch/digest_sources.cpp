#include "digest_sources.h"

#include "import/digest_jsonl_parser.h"
#include "import/hf_daily_parser.h"

namespace paperboy {

using namespace Qt::StringLiterals;

QString digestSourceName(FetchSource source)
{
    switch (source) {
    case FetchSource::HfDaily:
        return kHfDailySource;
    case FetchSource::DigestJson:
        return kDigestJsonSource;
    case FetchSource::Auto:
    case FetchSource::Rss:
    case FetchSource::Api:
    case FetchSource::Updates:
        break;
    }
    return {};
}

QUrl digestDayUrl(const FetchSettings &settings, FetchSource source, const QDate &date)
{
    if (source == FetchSource::HfDaily)
        return settings.hfDailyUrl(date);
    if (source == FetchSource::DigestJson)
        return settings.digestUrl(date);
    return {};
}

QString digestSourceTitle(const FetchSettings &settings, FetchSource source)
{
    if (source == FetchSource::HfDaily)
        return u"Hugging Face daily papers"_s;
    if (source == FetchSource::DigestJson)
        return u"daily-arXiv-ai-enhanced (%1)"_s.arg(settings.digestLanguage);
    return {};
}

ParseResult parseDigestDay(FetchSource source, const QByteArray &body, const QDate &date,
                           const QString &language)
{
    if (source == FetchSource::HfDaily)
        return parseHfDaily(body, date);
    if (source == FetchSource::DigestJson)
        return parseDigestJsonl(body, date, digestLanguageCode(language));
    return ParseResult::failure(u"not a digest source"_s);
}

DigestDay readDigestDay(FetchSource source, const QDate &date, const ParseResult &parsed)
{
    DigestDay day;
    day.digest.date = date;
    day.digest.source = digestSourceName(source);
    if (!parsed.ok()) {
        day.reason = parsed.error;
        return day;
    }
    QStringList otherDays;
    for (const Digest &digest : parsed.digests) {
        if (digest.date == date && !digest.entries.isEmpty()) {
            day.digest = digest;
            day.state = LedgerState::Complete;
            return day;
        }
        if (digest.date != date && !digest.entries.isEmpty())
            otherDays.append(digest.date.toString(Qt::ISODate));
    }
    if (!otherDays.isEmpty()) {
        // Storing them under the day asked for would be wrong, and under their own day would
        // record a day nobody asked for as fetched; neither is honest.
        day.reason = u"asked for %1, the answer lists papers of %2"_s.arg(
            date.toString(Qt::ISODate), otherDays.join(u", "_s));
        return day;
    }
    day.state = LedgerState::NoAnnouncement;
    day.reason = source == FetchSource::HfDaily ? u"Hugging Face lists no papers for this day"_s
                                                : u"the file lists no papers"_s;
    return day;
}

QString digestHttpFailure(FetchSource source, int status, const QString &httpError,
                          const ParseResult *parsed)
{
    QString reason = httpError.isEmpty() ? u"unknown failure"_s : httpError;
    // Hugging Face explains itself in {"error": "..."}; a GitHub 404 page adds nothing.
    if (source == FetchSource::HfDaily && parsed && !parsed->ok() &&
        parsed->error.startsWith(u"Hugging Face answered with an error"_s))
        reason += u": "_s + parsed->error;
    if (source == FetchSource::DigestJson && status == 404)
        reason += u" (no digest file for this day, or not yet published)"_s;
    return reason;
}

} // namespace paperboy
