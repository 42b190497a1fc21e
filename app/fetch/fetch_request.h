#pragma once

// The values going into and coming out of a Fetcher run.

#include "core/paper_version.h"
#include "store/fetch_ledger.h"

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace paperboy {

enum class FetchSource
{
    Auto, // today's listing from the RSS feed, given dates from the API
    Rss,  // the feed only has today's listing: dates are ignored
    Api,
    HfDaily,    // Hugging Face daily papers, one curated digest per day; no categories
    DigestJson, // daily-arXiv-ai-enhanced JSON Lines, one file per day; no categories
    Updates,    // new versions of the reader's papers (starred, noted, tagged) from the API
};

// Digest.source, ledger source and FetchOutcome::source of each. Store::isArxivSource() is false
// for both, so arXiv's own metadata keeps the English fields when the two disagree.
inline const QString kHfDailySource = QStringLiteral("hf-daily");
inline const QString kDigestJsonSource = QStringLiteral("digest-json");
// FetchOutcome::source of a version check batch.
inline const QString kVersionsSource = QStringLiteral("arxiv-api-versions");

// The digests of their own (Hugging Face, daily-arXiv-ai-enhanced) rather than arXiv listings.
inline bool isDigestSource(FetchSource source)
{
    return source == FetchSource::HfDaily || source == FetchSource::DigestJson;
}

struct FetchRequest
{
    QDate from; // both invalid: today's listing
    QDate to;
    QStringList categories; // empty: FetchSettings::categories; ignored by digest sources
    FetchSource source = FetchSource::Auto; // digest sources without dates: today (UTC)
    bool enrich = false;   // complete papers a digest import left without English metadata
    QStringList enrichIds; // with enrich: only these ids; empty: every incomplete paper
    QStringList updateIds; // Updates: only these ids; empty: every paper the reader keeps
    bool force = false;    // also fetch the days the ledger already has complete

    bool hasDates() const { return from.isValid(); }

    static FetchRequest today(const QStringList &categories = {});
    static FetchRequest days(const QDate &from, const QDate &to,
                             const QStringList &categories = {});
    static FetchRequest enrichment(const QStringList &ids = {});
    // New versions of the reader's papers (or of `ids`), by id_list batches.
    static FetchRequest updates(const QStringList &ids = {});
    // HfDaily or DigestJson for the days from..to; no dates: today's.
    static FetchRequest digests(FetchSource source, const QDate &from = {}, const QDate &to = {});
    // "Fetch again" for a day the sidebar shows as missing, failed or partial: the API has
    // every past day, the RSS feed only today's; a digest's day comes from its own source.
    static FetchRequest retry(const LedgerEntry &entry);
};

// One line of the result: a day and category from one source, or one enrichment batch.
struct FetchOutcome
{
    QDate date;       // invalid for enrichment
    QString category; // empty for enrichment
    QString source;   // "arxiv-rss", "arxiv-api", "arxiv-api-enrich", "hf-daily", "digest-json"
    LedgerState state = LedgerState::Failed;
    int papers = 0;
    QString reason; // why failed or partial; also notes like "unchanged since last fetch"
    bool notModified = false;
    bool skipped = false;     // the ledger had it complete and the request did not force
    QDate sameAs;             // the source repeated this earlier day's listing unchanged
    bool unreachable = false; // no HTTP answer at all (offline, no DNS, connection refused)

    bool failed() const
    {
        return state == LedgerState::Failed || state == LedgerState::Partial ||
               state == LedgerState::Missing;
    }
};

struct FetchSummary
{
    QList<FetchOutcome> outcomes;
    int requests = 0; // HTTP requests sent, retries included
    int retries = 0;
    int papersStored = 0;
    bool cancelled = false;
    QString error; // a failure outside any one outcome (the database, a bad request)
    QList<VersionChange> versionChanges; // Updates: the papers that have a new version
    // Papers the reader keeps that got their first code link from this run (any source).
    QList<CodeLinkArrival> codeLinks;

    int failures() const;
    // Every outcome failed without an HTTP answer: the machine is most likely offline.
    bool offline() const;
    bool ok() const { return !cancelled && error.isEmpty() && failures() == 0; }
};

} // namespace paperboy

Q_DECLARE_METATYPE(paperboy::FetchSummary)
