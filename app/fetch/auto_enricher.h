#pragma once

// English for papers that arrived without it (issue #17). A Chinese digest or Hugging Face
// brings papers without English abstract or categories; triggers put them in enrich_queue
// (migration 011) and this asks the arXiv API for them: id_list batches of at most 100, as
// politely as every arXiv request (PoliteHttp, 3 s apart, Retry-After, backoff).
//
//     auto *enricher = new AutoEnricher(settings, FetchStorage::onThread(*writer), this);
//     connect(importer, ..., enricher, &AutoEnricher::papersArrived);  // after each import/fetch
//
// Offline or refused, the papers stay queued: the next papersArrived() tries again, and with
// retry delays set (the window) a timer does so on its own, quietly. The command line sets no
// delays: its next import or fetch is the retry.

#include "fetch/fetcher.h"

#include <QList>
#include <QObject>

class QTimer;

namespace paperboy {

class AutoEnricher : public QObject
{
    Q_OBJECT
public:
    AutoEnricher(const FetchSettings &settings, FetchStorage storage, QObject *parent = nullptr);

    void setSettings(const FetchSettings &settings) { m_fetcher->setSettings(settings); }
    // After a run that could not reach arXiv, papersArrived() runs again after each of these
    // pauses in turn (the last one repeats); empty: never on its own.
    void setRetryDelays(const QList<int> &delaysMs) { m_retryDelays = delaysMs; }
    Fetcher &fetcher() { return *m_fetcher; }
    bool isRunning() const { return m_fetcher->isRunning(); }

public slots:
    // Completes what the queue holds now; during a run, once more when it ends.
    void papersArrived();
    void cancel();

signals:
    void progress(int done, int total, const QString &text);
    // The enrichment run's summary: papers stored, and Failed outcomes when arXiv could not be
    // reached (those papers stay queued).
    void finished(const paperboy::FetchSummary &summary);

private:
    void onFinished(const FetchSummary &summary);

    Fetcher *m_fetcher = nullptr;
    QTimer *m_retry = nullptr;
    QList<int> m_retryDelays;
    int m_failedRuns = 0;
    bool m_again = false;
};

} // namespace paperboy
