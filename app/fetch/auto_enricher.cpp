#include "auto_enricher.h"

#include <QTimer>

namespace paperboy {

AutoEnricher::AutoEnricher(const FetchSettings &settings, FetchStorage storage, QObject *parent)
    : QObject(parent), m_fetcher(new Fetcher(settings, std::move(storage), this)),
      m_retry(new QTimer(this))
{
    m_fetcher->setObjectName(QStringLiteral("englishEnricher"));
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &AutoEnricher::papersArrived);
    connect(m_fetcher, &Fetcher::progress, this, &AutoEnricher::progress);
    connect(m_fetcher, &Fetcher::finished, this, &AutoEnricher::onFinished);
}

void AutoEnricher::papersArrived()
{
    if (m_fetcher->isRunning()) {
        m_again = true;
        return;
    }
    m_retry->stop();
    // No ids: the fetcher takes them from the queue when the run starts.
    m_fetcher->start(FetchRequest::enrichment({}));
}

void AutoEnricher::cancel()
{
    m_again = false;
    m_retry->stop();
    m_fetcher->cancel();
}

void AutoEnricher::onFinished(const FetchSummary &summary)
{
    const bool failed =
        std::any_of(summary.outcomes.cbegin(), summary.outcomes.cend(),
                    [](const FetchOutcome &o) { return o.state == LedgerState::Failed; });
    emit finished(summary);
    if (m_again) {
        m_again = false;
        papersArrived();
        return;
    }
    if (!failed || summary.cancelled) {
        m_failedRuns = 0;
        return;
    }
    if (!m_retryDelays.isEmpty()) {
        const int delay =
            m_retryDelays.at(std::min<qsizetype>(m_failedRuns, m_retryDelays.size() - 1));
        ++m_failedRuns;
        m_retry->start(delay);
    }
}

} // namespace paperboy
