// The Fetcher's steps for the digest sources (Hugging Face daily papers,
// daily-arXiv-ai-enhanced): one request per day, parsed on the worker, stored like a listing.

#include "fetcher.h"

#include "fetch/digest_sources.h"

namespace paperboy {

using namespace Qt::StringLiterals;

void Fetcher::startDigestDay(const FetchTask &task)
{
    const QString source = digestSourceName(task.source);
    // Hugging Face adds papers all day long: only a day that is over counts as done.
    const bool dayIsOver = task.date < now().toUTC().date();
    const auto known = m_known.constFind(knownKey(task.date, kDigestLedgerCategory, source));
    if (dayIsOver && known != m_known.cend()) {
        m_summary.outcomes.append({task.date,
                                   kDigestLedgerCategory,
                                   source,
                                   known->state,
                                   known->papers,
                                   u"already in the cache"_s,
                                   false,
                                   true,
                                   {}});
        return advance();
    }
    const QUrl url = digestDayUrl(m_settings, task.source, task.date);
    if (!url.isValid() || url.host().isEmpty())
        return failTask(task.date, {kDigestLedgerCategory}, source,
                        u"'%1' is not a usable URL"_s.arg(url.toString()));
    get(
        url, {},
        [this, task](const HttpResponse &response) {
            // Hugging Face explains a 4xx in a JSON body worth reading; other error pages
            // (GitHub's "404: Not Found") add nothing to the status.
            const bool explained = !response.ok() && task.source == FetchSource::HfDaily &&
                                   response.status >= 400 && response.status < 500 &&
                                   !response.body.isEmpty();
            if (!response.ok() && !explained)
                return onDigestDay(task, response, ParseResult());
            const QByteArray body = response.body;
            const FetchSource kind = task.source;
            const QDate date = task.date;
            const QString language = m_settings.digestLanguage;
            parseOffThread(
                [kind, body, date, language] { return parseDigestDay(kind, body, date, language); },
                [this, task, response](const ParseResult &parsed) {
                    onDigestDay(task, response, parsed);
                });
        },
        m_settings.politeness.otherSiteSpacingMs);
}

void Fetcher::onDigestDay(const FetchTask &task, const HttpResponse &response,
                          const ParseResult &parsed)
{
    if (m_cancelled)
        return advance();
    const QString source = digestSourceName(task.source);
    const QStringList categories{kDigestLedgerCategory};
    if (!response.ok())
        return failTask(task.date, categories, source,
                        digestHttpFailure(task.source, response.status, response.error, &parsed));
    const DigestDay day = readDigestDay(task.source, task.date, parsed);
    if (day.state == LedgerState::Failed)
        return failTask(task.date, categories, source, day.reason);
    ListingCommit listing;
    listing.digest = day.digest;
    listing.categories = categories;
    listing.state = day.state;
    listing.reason = day.reason;
    listing.now = now();
    commit(listing, source);
}

} // namespace paperboy
