#include "fetch/fetch_controller.h"

#include "common/plain_tool_tip.h"
#include "common/settings.h"
#include "core/arxiv_calendar.h"
#include "fetch/fetch_dialog.h"
#include "fetch/fetch_status.h"
#include "fetch/fetch_storage.h"

#include <QHBoxLayout>
#include <QLocale>
#include <QNetworkInformation>
#include <QProgressBar>
#include <QSet>
#include <QSettings>
#include <QToolButton>

namespace paperboy {

FetchController::FetchController(Library *library, QWidget *window)
    : QObject(window), m_library(library), m_window(window)
{
    QSettings settings;
    m_fetcher = new Fetcher(settings::fetchSettings(settings),
                            FetchStorage::onThread(library->writerThread()), this);
    m_fetcher->setObjectName(QStringLiteral("fetcher"));
    connect(m_fetcher, &Fetcher::progress, this, &FetchController::onProgress);
    connect(m_fetcher, &Fetcher::finished, this, &FetchController::onFinished);
    connect(m_fetcher, &Fetcher::error, this,
            [this](const QString &text) { emit message(tr("Fetch: %1").arg(text), true); });

    m_progressBox = new QWidget;
    m_progressBox->setObjectName(QStringLiteral("fetchProgressBox"));
    m_progress = new QProgressBar(m_progressBox);
    m_progress->setObjectName(QStringLiteral("fetchProgress"));
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(true);
    m_cancel = new QToolButton(m_progressBox);
    m_cancel->setObjectName(QStringLiteral("cancelFetchButton"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop fetching after the request in progress; what arrived is kept"));
    m_cancel->setAutoRaise(true);
    connect(m_cancel, &QToolButton::clicked, this, &FetchController::cancel);
    auto *layout = new QHBoxLayout(m_progressBox);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    m_progressBox->setVisible(false);

    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        // A long wait runs in legs (see schedule()); only the last one fetches.
        if (now().secsTo(m_nextCheck) <= 1 && !isRunning())
            fetchToday(true);
        schedule();
    });
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_offline && !isRunning())
            fetchToday(true);
    });
}

FetchController::~FetchController() = default;

void FetchController::watchNetwork()
{
    if (m_watchingNetwork)
        return;
    m_watchingNetwork = true;
    // Qt 6.4 has a NetworkManager backend on Linux (over the system D-Bus); without one the
    // retry timer alone brings the fetch back.
    if (!QNetworkInformation::instance() &&
        !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return;
    connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                if (m_offline && !isRunning() &&
                    reachability == QNetworkInformation::Reachability::Online)
                    fetchToday(true);
            });
}

void FetchController::setOffline(bool offline)
{
    if (!offline) {
        m_offline = false;
        m_retryMs = 0;
        m_retryTimer.stop();
        return;
    }
    m_offline = true;
    watchNetwork();
    m_retryMs = m_retryMs == 0 ? m_firstRetryMs : qMin(m_retryMs * 2, 15 * 60 * 1000);
    m_retryTimer.start(m_retryMs);
}

void FetchController::setClock(std::function<QDateTime()> nowUtc)
{
    m_clock = std::move(nowUtc);
    m_fetcher->setClock(m_clock);
}

QDateTime FetchController::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

QDate FetchController::currentListingDate() const
{
    return arxiv_calendar::currentListingDate(now());
}

void FetchController::reloadSettings()
{
    QSettings settings;
    m_fetcher->setSettings(settings::fetchSettings(settings));
    if (m_scheduleWanted)
        schedule();
}

void FetchController::startAutomatic(bool fetchNow, bool scheduleChecks)
{
    QSettings settings;
    m_scheduleWanted = scheduleChecks;
    if (scheduleChecks)
        schedule();
    if (fetchNow && settings::fetchOnStart.value(settings)) {
        m_starting = true;
        fetchToday(true);
        m_starting = false;
    }
}

void FetchController::schedule()
{
    QSettings settings;
    if (!m_scheduleWanted || !settings::fetchAfterAnnouncement.value(settings)) {
        m_timer.stop();
        m_nextCheck = {};
        return;
    }
    const QDateTime current = now();
    if (!m_nextCheck.isValid() || m_nextCheck.secsTo(current) >= 0)
        m_nextCheck = arxiv_calendar::nextListingCheck(current);
    // QTimer takes an int of milliseconds; a check days away is re-planned on the way.
    const qint64 wait = qBound<qint64>(1000, current.msecsTo(m_nextCheck), 6LL * 3600 * 1000);
    m_timer.start(int(wait));
}

bool FetchController::isRunning() const
{
    return m_fetcher->isRunning();
}

bool FetchController::fetchToday(bool automatic)
{
    if (automatic && isRunning())
        return false;
    m_automaticRun = automatic;
    return fetch(FetchRequest::today());
}

bool FetchController::checkVersions(bool automatic)
{
    if (automatic && isRunning())
        return false;
    m_automaticRun = automatic;
    return fetch(FetchRequest::updates());
}

bool FetchController::fetch(const FetchRequest &request)
{
    if (isRunning()) {
        emit message(tr("A fetch is already running."), false);
        return false;
    }
    m_fetcher->setSettings([] {
        QSettings settings;
        return settings::fetchSettings(settings);
    }());
    if (!m_fetcher->start(request))
        return false; // the fetcher said why through error()
    m_request = request;
    m_startRun = m_starting;
    m_progress->setRange(0, 0);
    m_progressBox->setVisible(true);
    // The check after a daily fetch keeps that fetch's message until it has news.
    if (m_automaticRun && request.source == FetchSource::Updates)
        return true;
    emit message(
        request.source == FetchSource::Updates ? tr("Checking your papers for new versions…")
        : request.hasDates()
            ? tr("Fetching %1 to %2…")
                  .arg(request.from.toString(Qt::ISODate), request.to.toString(Qt::ISODate))
            : tr("Fetching today's listing…"),
        false);
    return true;
}

bool FetchController::fetchDayAgain(const QDate &date)
{
    // Today's listing comes from the feed; the API has it only once the day is over.
    if (date == currentListingDate()) {
        m_automaticRun = false;
        return fetch(FetchRequest::today());
    }
    // The categories the ledger has trouble with that day; else every category fetched.
    QStringList categories;
    for (const LedgerEntry &row : std::as_const(m_rows))
        if (row.date == date && row.needsFetch() && !categories.contains(row.category))
            categories.append(row.category);
    if (categories.isEmpty())
        categories = m_fetcher->settings().categories;
    FetchRequest request = FetchRequest::days(date, date, categories);
    request.source = FetchSource::Api;
    request.force = true;
    m_automaticRun = false;
    return fetch(request);
}

void FetchController::openFetchDialog()
{
    if (isRunning()) {
        emit message(tr("A fetch is already running."), false);
        return;
    }
    QSettings settings;
    auto *dialog = new FetchDialog(currentListingDate(),
                                   settings::fetchSettings(settings).categories, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_automaticRun = false;
        fetch(dialog->request());
    });
    dialog->open();
}

void FetchController::cancel()
{
    if (!isRunning())
        return;
    m_cancel->setEnabled(false);
    emit message(tr("Cancelling the fetch after the request in progress…"), false);
    m_fetcher->cancel();
}

void FetchController::onProgress(int done, int total, const QString &text)
{
    if (!isRunning())
        return;
    // One step has no fraction worth showing: a busy bar says "working" more honestly.
    if (total <= 1) {
        m_progress->setRange(0, 0);
    } else {
        m_progress->setRange(0, total);
        m_progress->setValue(qBound(0, done, total));
        m_progress->setFormat(tr("%v of %m"));
    }
    m_progress->setToolTip(plainToolTip(text));
    emit message(total <= 1 ? tr("Fetching %1…").arg(text)
                            : tr("Fetching %1 (%2 of %3)…")
                                  .arg(text, QString::number(done + 1), QString::number(total)),
                 false);
}

QString FetchController::describeSummary(const FetchSummary &summary) const
{
    if (summary.cancelled)
        return tr("Fetch cancelled; papers stored before: %1.").arg(summary.papersStored);
    if (!summary.error.isEmpty())
        return tr("Fetch failed: %1").arg(summary.error);
    if (summary.offline())
        return tr("Offline: Paperboy will fetch when the network is back.");
    QStringList problems;
    bool unchanged = !summary.outcomes.isEmpty();
    for (const FetchOutcome &outcome : summary.outcomes) {
        unchanged = unchanged && outcome.notModified;
        if (outcome.failed())
            problems.append(
                QStringLiteral("%1 %2: %3")
                    .arg(outcome.date.toString(Qt::ISODate), outcome.category, outcome.reason));
    }
    if (!problems.isEmpty())
        return (problems.size() == 1 ? tr("Fetch failed: %1")
                                     : tr("Fetch finished with problems: %1"))
            .arg(problems.join(QStringLiteral("; ")));
    if (m_request.source == FetchSource::Updates)
        return summary.versionChanges.isEmpty() ? tr("No new versions of your papers.")
                                                : tr("%n of your papers have a new version.",
                                                     nullptr, int(summary.versionChanges.size()));
    if (unchanged)
        return tr("Today's listing is unchanged since the last fetch.");
    return tr("Fetched %n papers.", nullptr, summary.papersStored);
}

void FetchController::onFinished(const FetchSummary &summary)
{
    m_progressBox->setVisible(false);
    m_cancel->setEnabled(true);
    if (!summary.cancelled)
        setOffline(summary.offline());
    const bool problem = !summary.ok() && !summary.cancelled && !summary.offline();
    // The check after a daily fetch says nothing unless a paper changed.
    const bool quiet = m_automaticRun && m_request.source == FetchSource::Updates &&
                       summary.versionChanges.isEmpty() && summary.ok();
    if (!quiet)
        emit message(describeSummary(summary), problem);
    const bool wasAutomatic = m_automaticRun;
    const bool wasStart = std::exchange(m_startRun, false);
    m_automaticRun = false;
    emit fetchFinished(summary);
    refreshStatuses(m_days);
    // After today's listing, the papers the reader keeps are checked for new versions.
    const bool todays = !m_request.hasDates() && (m_request.source == FetchSource::Auto ||
                                                  m_request.source == FetchSource::Rss);
    if (wasAutomatic && todays && summary.ok() && !wasStart) {
        // The newest day that brought papers (not "unchanged since the last fetch").
        QDate day;
        int papers = 0;
        for (const FetchOutcome &outcome : summary.outcomes) {
            if (!outcome.date.isValid() || outcome.notModified || outcome.skipped ||
                outcome.papers <= 0 || (day.isValid() && outcome.date < day))
                continue;
            papers = outcome.date == day ? papers + outcome.papers : outcome.papers;
            day = outcome.date;
        }
        if (day.isValid())
            emit listingArrived(day, papers);
    }
    if (m_request.source == FetchSource::Updates && !summary.versionChanges.isEmpty())
        emit versionsChanged(summary.versionChanges, wasAutomatic);
    QList<CodeLinkArrival> links;
    for (const CodeLinkArrival &arrival : summary.codeLinks) {
        const bool toldWithVersion =
            std::any_of(summary.versionChanges.cbegin(), summary.versionChanges.cend(),
                        [&](const VersionChange &c) {
                            return c.arxivId == arrival.arxivId && !c.codeUrl.isEmpty();
                        });
        if (!toldWithVersion)
            links.append(arrival);
    }
    if (!links.isEmpty())
        emit codeLinksArrived(links);
    if (wasAutomatic && todays && summary.ok())
        checkVersions(true);
}

void FetchController::refreshStatuses(const QList<DaySummary> &days)
{
    m_days = days;
    const QDate today = currentListingDate();
    QDate from = today.addDays(-31);
    QSet<QDate> digestDays;
    for (const DaySummary &day : days) {
        digestDays.insert(day.date);
        from = qMin(from, day.date);
    }
    const quint64 request = ++m_statusRequest;
    m_library->read(
        this,
        [from, today](Store &store) {
            return FetchLedger(store.database()).entries(from, today.addDays(1));
        },
        [this, request, digestDays, today](QList<LedgerEntry> rows) {
            if (request != m_statusRequest)
                return;
            m_rows = rows;
            LedgerView view;
            view.rows = rows;
            view.digestDays = digestDays;
            view.today = today;
            view.offline = m_offline;
            emit statusesChanged(dayStatusesFromLedger(view));
        });
}

} // namespace paperboy
