#pragma once

// The digests Paperboy fetches besides arXiv's own listings: Hugging Face daily papers and the
// daily-arXiv-ai-enhanced JSON Lines files, one curated digest per day each. Pure functions
// (names, URLs, reading one day's answer), so the Fetcher's steps stay short and the rules can
// be tested without a network.

#include "core/paper.h"
#include "store/fetch_ledger.h"
#include "fetch/fetch_request.h"
#include "fetch/fetch_settings.h"
#include "import/parse_result.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QUrl>

namespace paperboy {

// These digests are not per arXiv category, but ledger rows need one: "all" (no arXiv archive
// has that name), so their rows never stand in for a category's arXiv listing.
inline const QString kDigestLedgerCategory = QStringLiteral("all");

// "hf-daily" or "digest-json"; empty for the arXiv sources.
QString digestSourceName(FetchSource source);
// The one URL of `date`'s digest.
QUrl digestDayUrl(const FetchSettings &settings, FetchSource source, const QDate &date);
// "Hugging Face daily papers", "daily-arXiv-ai-enhanced (Chinese)".
QString digestSourceTitle(const FetchSettings &settings, FetchSource source);

// Parses one day's answer; run it on a worker thread. `language` is FetchSettings::
// digestLanguage ("Chinese"), the language of the AI summaries in the JSON Lines files.
ParseResult parseDigestDay(FetchSource source, const QByteArray &body, const QDate &date,
                           const QString &language);

// What a parsed answer means for `date`.
struct DigestDay
{
    Digest digest; // date and source always set; no entries when there is nothing to store
    LedgerState state = LedgerState::Failed; // Complete, NoAnnouncement or Failed
    QString reason;                          // why it failed; otherwise a note or empty
};
DigestDay readDigestDay(FetchSource source, const QDate &date, const ParseResult &parsed);

// Why a request for a digest failed, for the ledger: the HTTP error, with Hugging Face's own
// explanation when its error body was parsed (`parsed` may be null).
QString digestHttpFailure(FetchSource source, int status, const QString &httpError,
                          const ParseResult *parsed);

} // namespace paperboy
