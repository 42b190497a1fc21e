#pragma once

// Fetches arXiv listings into the cache: today's from the RSS feed, past days from the API by
// submission window, and English metadata for papers a digest import left incomplete. Also
// the digests of their own: Hugging Face daily papers and daily-arXiv-ai-enhanced files
// (FetchSource::HfDaily, DigestJson; see digest_sources.h), stored as digests linked to the
// same papers.
//
//     auto *fetcher = new Fetcher(settings, FetchStorage::onThread(*writer), this);
//     connect(fetcher, &Fetcher::progress, bar, ...);
//     connect(fetcher, &Fetcher::finished, this, [](const FetchSummary &s) { ... });
//     fetcher->start(FetchRequest::today());
//
// Network on the thread the Fetcher lives on (the GUI thread is fine: nothing blocks),
// parsing on a worker thread, storing through FetchStorage. Tasks run one after another;
// PoliteHttp spaces the requests. A failed or partial task never removes or changes what the
// cache had for that day and never touches user data; the ledger records every outcome.

#include "fetch/fetch_plan.h"
#include "fetch/fetch_request.h"
#include "fetch/fetch_settings.h"
#include "fetch/fetch_storage.h"
#include "fetch/polite_http.h"
#include "import/parse_result.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <functional>

namespace paperboy {

class Fetcher : public QObject
{
    Q_OBJECT
public:
    Fetcher(const FetchSettings &settings, FetchStorage storage, QObject *parent = nullptr);
    ~Fetcher() override;

    // Takes effect at the next start().
    void setSettings(const FetchSettings &settings) { m_settings = settings; }
    const FetchSettings &settings() const { return m_settings; }
    // Test seam: "now" for the ledger and for today's listing date.
    void setClock(std::function<QDateTime()> nowUtc) { m_clock = std::move(nowUtc); }
    PoliteHttp &http() { return *m_http; }

    // False (with error()) when a run is going on or the request is invalid.
    bool start(const FetchRequest &request);
    // Stops after the step in progress; finished() follows with `cancelled` set. What was
    // stored before stays stored.
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(int done, int total, const QString &text);
    void finished(const paperboy::FetchSummary &summary);
    void error(const QString &text);

private:
    struct ApiDayState
    {
        QList<Paper> papers;
        int start = 0;
        int total = -1;
        int pages = 0;
        int emptyRetries = 0;
    };

    void prepare();
    void advance();
    void runTask();
    void startRss(const FetchTask &task);
    void onRssResponse(const FetchTask &task, const HttpValidators &known,
                       const HttpResponse &response);
    void startApiDay(const FetchTask &task);
    void requestApiPage(const FetchTask &task);
    void onApiPage(const FetchTask &task, const ParseResult &result);
    void finishApiDay(const FetchTask &task, LedgerState state, const QString &reason);
    void startEnrich(const FetchTask &task);
    void startUpdates(const FetchTask &task);   // fetcher_papers.cpp
    void startDigestDay(const FetchTask &task); // fetcher_digests.cpp
    void onDigestDay(const FetchTask &task, const HttpResponse &response,
                     const ParseResult &parsed);
    void commit(const ListingCommit &listing, const QString &source);
    void failTask(const QDate &date, const QStringList &categories, const QString &source,
                  const QString &reason, bool unreachable = false);
    void noAnnouncement(const QDate &date, const QStringList &categories, const QString &reason);
    void finishRun();

    // minSpacingMs: see HttpRequest; -1 keeps arXiv's spacing.
    void get(const QUrl &url, const HttpValidators &validators,
             std::function<void(const HttpResponse &)> done, int minSpacingMs = -1);
    void parseOffThread(std::function<ParseResult()> parse,
                        std::function<void(const ParseResult &)> done);
    void inStore(FetchStorage::Job job, std::function<void()> done);
    QString failureReason(const HttpResponse &response, const ParseResult *parsed) const;
    QString describe(const FetchTask &task) const;
    static QString knownKey(const QDate &date, const QString &category, const QString &source);
    QDateTime now() const;

    FetchSettings m_settings;
    FetchStorage m_storage;
    PoliteHttp *m_http = nullptr;
    QThreadPool m_parsePool;
    std::function<QDateTime()> m_clock;

    // The current run; callbacks of an earlier run see another m_run and are dropped.
    int m_run = 0;
    bool m_running = false;
    bool m_cancelled = false;
    FetchRequest m_request;
    QList<FetchTask> m_tasks;
    qsizetype m_index = 0;
    FetchSummary m_summary;
    // "date category" -> best stored arXiv row; "date all source" for a digest source's row.
    QHash<QString, LedgerEntry> m_known;
    ApiDayState m_day;
};

} // namespace paperboy
