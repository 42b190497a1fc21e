#include "fetcher.h"
#include "core/english.h"

#include "core/arxiv_calendar.h"
#include "fetch/digest_sources.h"
#include "fetch/watched_papers.h"
#include "import/arxiv_atom_parser.h"
#include "import/arxiv_rss_parser.h"
#include "store/version_store.h"

#include <memory>

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

const QString kRss = u"arxiv-rss"_s;
const QString kApi = u"arxiv-api"_s;
const QString kEnrich = u"arxiv-api-enrich"_s;

// A day's listing rarely needs more than a handful of pages; this only stops a server that
// keeps claiming more results than it delivers.
constexpr int kMaxPagesPerDay = 50;

LedgerEntry ledgerRow(const QDate &date, const QString &category, const QString &source,
                      LedgerState state, int papers, const QString &reason, const QDateTime &when)
{
    LedgerEntry row;
    row.date = date;
    row.category = category;
    row.source = source;
    row.state = state;
    row.papers = papers;
    row.reason = reason;
    row.recordedAt = when;
    return row;
}

QString dayKey(const QDate &date, const QString &category)
{
    return date.toString(Qt::ISODate) + u' ' + category;
}

} // namespace

QString Fetcher::knownKey(const QDate &date, const QString &category, const QString &source)
{
    // The RSS feed and the API stand in for each other; a digest source only for itself.
    const bool digest = source == kHfDailySource || source == kDigestJsonSource;
    return dayKey(date, category) + (digest ? u' ' + source : QString());
}

Fetcher::Fetcher(const FetchSettings &settings, FetchStorage storage, QObject *parent)
    : QObject(parent), m_settings(settings), m_storage(std::move(storage)),
      m_http(new PoliteHttp(settings.politeness, this))
{
    // One parser thread is plenty: requests come three seconds apart.
    m_parsePool.setMaxThreadCount(1);
    m_parsePool.setObjectName(u"fetch-parse"_s);
    connect(m_http, &PoliteHttp::requestStarted, this, [this](const QUrl &, int) {
        if (m_running)
            ++m_summary.requests;
    });
    connect(m_http, &PoliteHttp::retryScheduled, this,
            [this](const QUrl &url, int attempt, qint64 delayMs, const QString &reason) {
                if (!m_running)
                    return;
                ++m_summary.retries;
                emit progress(int(m_index), int(m_tasks.size()),
                              u"%1: %2; try %3 in %4 s"_s.arg(url.host(), reason)
                                  .arg(attempt)
                                  .arg(double(delayMs) / 1000.0, 0, 'f', 1));
            });
}

Fetcher::~Fetcher()
{
    ++m_run;
    m_parsePool.clear();
    m_parsePool.waitForDone();
}

QDateTime Fetcher::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

bool Fetcher::start(const FetchRequest &request)
{
    if (m_running) {
        emit error(u"a fetch is already running"_s);
        return false;
    }
    const QString problem = validateFetchRequest(request);
    if (!problem.isEmpty() || !m_storage.isValid()) {
        emit error(problem.isEmpty() ? u"the fetcher has no store"_s : problem);
        return false;
    }
    ++m_run;
    m_running = true;
    m_cancelled = false;
    m_request = request;
    if (isDigestSource(request.source) && !request.hasDates())
        m_request.from = m_request.to = now().toUTC().date(); // their "today" is a UTC day
    m_tasks.clear();
    m_index = 0;
    m_summary = {};
    m_known.clear();
    m_day = {};
    m_http->setSettings(m_settings.politeness);
    prepare();
    return true;
}

void Fetcher::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    // The callback of the request in flight sees m_cancelled and ends the run; a parse or a
    // store job in progress ends it when it returns.
    m_http->cancelAll();
}

void Fetcher::prepare()
{
    struct Found
    {
        QStringList ids;
        QStringList watched;
        QList<LedgerEntry> ledger;
    };
    auto found = std::make_shared<Found>();
    const bool needIds = m_request.enrich && m_request.enrichIds.isEmpty();
    const bool needWatched =
        m_request.source == FetchSource::Updates && m_request.updateIds.isEmpty();
    const bool needLedger = m_request.hasDates() && !m_request.force;
    const QDate from = m_request.from;
    const QDate to = m_request.to;
    inStore(
        [found, needIds, needWatched, needLedger, from, to](Store &store) {
            if (needIds) // filled by triggers as papers arrive incomplete (migration 011)
                found->ids = store.enrichQueue();
            if (needWatched)
                found->watched = watchedPapers(store);
            if (needLedger)
                found->ledger = FetchLedger(store.database()).entries(from, to);
        },
        [this, found] {
            for (const LedgerEntry &row : std::as_const(found->ledger)) {
                if (!row.needsFetch())
                    m_known.insert(knownKey(row.date, row.category, row.source), row);
            }
            m_tasks = planFetch(m_request, m_settings, found->ids, found->watched);
            m_index = 0;
            QMetaObject::invokeMethod(
                this,
                [this, run = m_run] {
                    if (run == m_run)
                        runTask();
                },
                Qt::QueuedConnection);
        });
}

void Fetcher::advance()
{
    ++m_index;
    QMetaObject::invokeMethod(
        this,
        [this, run = m_run] {
            if (run == m_run)
                runTask();
        },
        Qt::QueuedConnection);
}

void Fetcher::runTask()
{
    if (m_cancelled || m_index >= m_tasks.size()) {
        finishRun();
        return;
    }
    const FetchTask task = m_tasks.at(m_index);
    emit progress(int(m_index), int(m_tasks.size()), describe(task));
    switch (task.kind) {
    case FetchTask::Kind::Rss:
        startRss(task);
        break;
    case FetchTask::Kind::ApiDay:
        startApiDay(task);
        break;
    case FetchTask::Kind::Enrich:
        startEnrich(task);
        break;
    case FetchTask::Kind::DigestDay:
        startDigestDay(task);
        break;
    case FetchTask::Kind::Updates:
        startUpdates(task);
        break;
    }
}

QString Fetcher::describe(const FetchTask &task) const
{
    switch (task.kind) {
    case FetchTask::Kind::Rss:
        return u"today's %1 listing (RSS)"_s.arg(task.categories.join(u' '));
    case FetchTask::Kind::ApiDay:
        return u"%1 %2 (arXiv API)"_s.arg(task.date.toString(Qt::ISODate),
                                          task.categories.join(u' '));
    case FetchTask::Kind::Enrich:
        return u"details of %1 (arXiv API)"_s.arg(countOf(task.ids.size(), u"paper"_s));
    case FetchTask::Kind::DigestDay:
        return u"%1 %2"_s.arg(task.date.toString(Qt::ISODate),
                              digestSourceTitle(m_settings, task.source));
    case FetchTask::Kind::Updates:
        return u"new versions of %1 (arXiv API)"_s.arg(countOf(task.ids.size(), u"paper"_s));
    }
    return {};
}

// --- today's listing from the RSS feed ---

void Fetcher::startRss(const FetchTask &task)
{
    const QUrl url = m_settings.rssUrl(task.categories);
    const QString category = task.categories.join(u' ');
    auto known = std::make_shared<HttpValidators>();
    inStore([known, url,
             category](Store &store) { *known = usableValidators(store, url, kRss, category); },
            [this, task, url, known] {
                get(url, *known, [this, task, known](const HttpResponse &response) {
                    onRssResponse(task, *known, response);
                });
            });
}

void Fetcher::onRssResponse(const FetchTask &task, const HttpValidators &known,
                            const HttpResponse &response)
{
    const QDate today = arxiv_calendar::currentListingDate(now());
    if (response.notModified() && known.listingDate.isValid()) {
        // Unchanged since it was stored: the ledger says so again, the cache stays as it is.
        auto rows = std::make_shared<QList<LedgerEntry>>();
        const QDateTime when = now();
        inStore(
            [rows, task, known, when](Store &store) {
                FetchLedger ledger(store.database());
                for (const QString &category : task.categories) {
                    LedgerEntry row =
                        ledger.entry(known.listingDate, category, kRss).value_or(LedgerEntry());
                    if (row.source.isEmpty() || row.needsFetch()) {
                        row = ledgerRow(known.listingDate, category, kRss,
                                        known.papers > 0 ? LedgerState::Complete
                                                         : LedgerState::NoAnnouncement,
                                        known.papers, {}, when);
                    }
                    row.recordedAt = when;
                    rows->append(row);
                }
                ledger.record(*rows);
            },
            [this, rows] {
                for (const LedgerEntry &row : std::as_const(*rows)) {
                    FetchOutcome outcome{
                        row.date,  row.category, kRss,
                        row.state, row.papers,   u"unchanged since the last fetch"_s,
                        true,      false,        {}};
                    m_summary.outcomes.append(outcome);
                }
                advance();
            });
        return;
    }
    if (!response.ok() || response.notModified()) {
        failTask(today, task.categories, kRss,
                 response.ok() ? u"HTTP 304 for a feed we have no copy of"_s
                               : failureReason(response, nullptr),
                 !response.ok() && response.status == 0);
        return;
    }
    const QByteArray body = response.body;
    const QString category = task.categories.join(u' ');
    // Not the whole response: its body would live on while the papers are stored.
    const QUrl url = response.url;
    const HttpValidators validators{response.etag, response.lastModified, {}, 0};
    parseOffThread(
        [body, category] { return parseArxivRss(body, category); },
        [this, task, url, validators, today](const ParseResult &result) {
            if (m_cancelled)
                return advance();
            const bool dated = !result.digests.isEmpty() && result.digests.first().date.isValid();
            // On a weekend or after a holiday arXiv's feed is empty and undated:
            // nothing was announced, which is no failure.
            if (!dated && !arxiv_calendar::hasListing(today))
                return noAnnouncement(
                    today, task.categories,
                    u"arXiv announced nothing for %1"_s.arg(today.toString(Qt::ISODate)));
            if (!result.ok())
                return failTask(today, task.categories, kRss, result.error);
            if (!dated)
                return failTask(today, task.categories, kRss,
                                u"the feed names no announcement date"_s);
            ListingCommit listing;
            listing.digest = result.digests.first();
            listing.categories = task.categories;
            listing.state = listing.digest.entries.isEmpty() ? LedgerState::NoAnnouncement
                                                             : LedgerState::Complete;
            listing.url = url;
            listing.validators = {validators.etag, validators.lastModified, listing.digest.date,
                                  int(listing.digest.entries.size())};
            listing.now = now();
            commit(listing, kRss);
        });
}

// --- past days from the API, by submission window ---

void Fetcher::startApiDay(const FetchTask &task)
{
    const QString category = task.categories.value(0);
    if (!arxiv_calendar::hasListing(task.date)) {
        m_summary.outcomes.append({task.date,
                                   category,
                                   kApi,
                                   LedgerState::NoAnnouncement,
                                   0,
                                   u"arXiv has no listing on Saturdays and Sundays"_s,
                                   false,
                                   true,
                                   {}});
        return advance();
    }
    const auto known = m_known.constFind(knownKey(task.date, category, kApi));
    if (known != m_known.cend()) {
        m_summary.outcomes.append({task.date,
                                   category,
                                   known->source,
                                   known->state,
                                   known->papers,
                                   u"already in the cache"_s,
                                   false,
                                   true,
                                   {}});
        return advance();
    }
    m_day = {};
    requestApiPage(task);
}

void Fetcher::requestApiPage(const FetchTask &task)
{
    const int pageSize = m_settings.apiPageSize;
    const QUrl url =
        apiListingUrl(m_settings, task.categories.value(0),
                      arxiv_calendar::submissionWindow(task.date), m_day.start, pageSize);
    ++m_day.pages;
    if (m_day.total > pageSize) {
        const int pages = (m_day.total + pageSize - 1) / pageSize;
        emit progress(int(m_index), int(m_tasks.size()),
                      u"%1, page %2 of %3"_s.arg(describe(task)).arg(m_day.pages).arg(pages));
    }
    get(url, {}, [this, task](const HttpResponse &response) {
        const bool explained = !response.ok() && response.status >= 400 && response.status < 500;
        if (!response.ok() && !explained)
            return failTask(task.date, task.categories, kApi, failureReason(response, nullptr),
                            response.status == 0);
        const QByteArray body = response.body;
        parseOffThread([body] { return parseArxivAtom(body); },
                       [this, task, response](const ParseResult &result) {
                           if (m_cancelled)
                               return advance();
                           if (!response.ok())
                               return failTask(task.date, task.categories, kApi,
                                               failureReason(response, &result));
                           onApiPage(task, result);
                       });
    });
}

void Fetcher::onApiPage(const FetchTask &task, const ParseResult &result)
{
    if (!result.ok()) {
        const QString page = m_day.pages > 1 ? u"page %1: "_s.arg(m_day.pages) : QString();
        return failTask(task.date, task.categories, kApi, page + result.error);
    }
    if (m_day.total < 0)
        m_day.total = result.totalResults;
    const int received = int(result.papers.size());
    m_day.papers += result.papers;
    m_day.start += received;
    if (m_day.total >= 0 && m_day.start >= m_day.total)
        return finishApiDay(task, LedgerState::Complete, {});
    if (m_day.total < 0 && received < m_settings.apiPageSize)
        return finishApiDay(task, LedgerState::Complete, {});
    if (received == 0) {
        // The API now and then answers a page with nothing; once more, then keep what we have.
        if (m_day.emptyRetries++ < 1)
            return requestApiPage(task);
        return finishApiDay(task, LedgerState::Partial,
                            u"arXiv returned %1 of %2 papers (empty page at %3)"_s.arg(m_day.start)
                                .arg(m_day.total)
                                .arg(m_day.start));
    }
    if (m_day.pages >= kMaxPagesPerDay)
        return finishApiDay(task, LedgerState::Partial,
                            u"stopped after %1 pages with %2 of %3 papers"_s.arg(m_day.pages)
                                .arg(m_day.start)
                                .arg(m_day.total));
    requestApiPage(task);
}

void Fetcher::finishApiDay(const FetchTask &task, LedgerState state, const QString &reason)
{
    const QString category = task.categories.value(0);
    ListingCommit listing;
    listing.digest = apiDigest(task.date, category, m_day.papers);
    if (listing.digest.entries.isEmpty()) {
        if (state == LedgerState::Partial)
            return failTask(task.date, task.categories, kApi, reason);
        state = LedgerState::NoAnnouncement; // nothing submitted in that window: a holiday
    }
    listing.categories = task.categories;
    listing.state = state;
    listing.reason = reason;
    listing.now = now();
    commit(listing, kApi);
}

// --- shared steps ---

void Fetcher::commit(const ListingCommit &listing, const QString &source)
{
    auto result = std::make_shared<CommitResult>();
    inStore([listing, result](Store &store) { *result = commitListing(store, listing); },
            [this, listing, result, source] {
                if (!result->error.isEmpty())
                    return failTask(listing.digest.date, listing.categories, source,
                                    u"could not store: %1"_s.arg(result->error));
                m_summary.papersStored += result->stored.entries;
                m_summary.codeLinks += result->stored.codeLinks;
                QStringList notes;
                if (!listing.reason.isEmpty())
                    notes.append(listing.reason);
                if (result->keptExisting)
                    notes.append(u"the cache keeps the listing it had"_s);
                if (result->sameAs.isValid())
                    notes.append(u"same as %1"_s.arg(result->sameAs.toString(Qt::ISODate)));
                for (const QString &category : listing.categories) {
                    FetchOutcome outcome{listing.digest.date,
                                         category,
                                         source,
                                         listing.state,
                                         result->papers.value(category),
                                         notes.join(u"; "_s),
                                         false,
                                         false,
                                         result->sameAs};
                    m_summary.outcomes.append(outcome);
                }
                advance();
            });
}

void Fetcher::noAnnouncement(const QDate &date, const QStringList &categories,
                             const QString &reason)
{
    QList<LedgerEntry> rows;
    for (const QString &category : categories) {
        m_summary.outcomes.append(
            {date, category, kRss, LedgerState::NoAnnouncement, 0, reason, false, false, {}});
        rows.append(ledgerRow(date, category, kRss, LedgerState::NoAnnouncement, 0, reason, now()));
    }
    auto problem = std::make_shared<QString>();
    inStore([rows, problem](Store &store) { *problem = recordLedger(store, rows); },
            [this, problem] {
                if (!problem->isEmpty())
                    m_summary.error = u"could not record the day: %1"_s.arg(*problem);
                advance();
            });
}

void Fetcher::failTask(const QDate &date, const QStringList &categories, const QString &source,
                       const QString &reason, bool unreachable)
{
    if (m_cancelled)
        return advance();
    const QStringList names = categories.isEmpty() ? QStringList{QString()} : categories;
    QList<LedgerEntry> rows;
    for (const QString &category : names) {
        m_summary.outcomes.append({date,
                                   category,
                                   source,
                                   LedgerState::Failed,
                                   0,
                                   reason,
                                   false,
                                   false,
                                   {},
                                   unreachable});
        if (date.isValid() && !category.isEmpty())
            rows.append(ledgerRow(date, category, source, LedgerState::Failed, 0, reason, now()));
    }
    const QString what = source == kEnrich ? u"paper details"_s
                         : source == kVersionsSource
                             ? u"new versions"_s
                             : u"%1 %2"_s.arg(date.toString(Qt::ISODate),
                                              categories == QStringList{kDigestLedgerCategory}
                                                  ? source
                                                  : categories.join(u' '));
    emit error(u"%1: %2"_s.arg(what, reason));
    if (rows.isEmpty())
        return advance();
    auto problem = std::make_shared<QString>();
    inStore([rows, problem](Store &store) { *problem = recordLedger(store, rows); },
            [this, problem] {
                if (!problem->isEmpty())
                    m_summary.error = u"could not record the failure: %1"_s.arg(*problem);
                advance();
            });
}

void Fetcher::finishRun()
{
    if (!m_running)
        return;
    m_running = false;
    m_summary.cancelled = m_cancelled;
    ++m_run; // late callbacks of this run are ignored from now on
    emit progress(int(m_tasks.size()), int(m_tasks.size()),
                  m_cancelled ? u"cancelled"_s : u"done"_s);
    emit finished(m_summary);
}

QString Fetcher::failureReason(const HttpResponse &response, const ParseResult *parsed) const
{
    QString reason = response.ok() ? QString() : response.error;
    if (parsed && !parsed->ok()) {
        // arXiv explains a 400 in an Atom error entry; an HTML error page adds nothing useful.
        const bool useful = response.ok() || !parsed->error.startsWith(u"not an"_s);
        if (useful && parsed->error != u"empty response"_s)
            reason = reason.isEmpty() ? parsed->error : u"%1: %2"_s.arg(reason, parsed->error);
    }
    return reason.isEmpty() ? u"unknown failure"_s : reason;
}

void Fetcher::get(const QUrl &url, const HttpValidators &validators,
                  std::function<void(const HttpResponse &)> done, int minSpacingMs)
{
    HttpRequest request;
    request.url = url;
    request.etag = validators.etag;
    request.lastModified = validators.lastModified;
    request.minSpacingMs = minSpacingMs;
    m_http->get(request, this,
                [this, run = m_run, done = std::move(done)](const HttpResponse &response) {
                    if (run != m_run)
                        return;
                    if (m_cancelled || response.cancelled)
                        return advance();
                    done(response);
                });
}

void Fetcher::parseOffThread(std::function<ParseResult()> parse,
                             std::function<void(const ParseResult &)> done)
{
    m_parsePool.start([this, run = m_run, parse = std::move(parse), done = std::move(done)] {
        const ParseResult result = parse();
        // Back to the fetcher's thread as a value; dropped if the run is over by then.
        QMetaObject::invokeMethod(
            this,
            [this, run, result, done] {
                if (run == m_run)
                    done(result);
            },
            Qt::QueuedConnection);
    });
}

void Fetcher::inStore(FetchStorage::Job job, std::function<void()> done)
{
    m_storage.run(this, std::move(job), [this, run = m_run, done = std::move(done)] {
        if (run == m_run)
            done();
    });
}

} // namespace paperboy
