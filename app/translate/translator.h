#pragma once

// Translates papers' English titles and abstracts into another language through the chosen
// service and stores them as machine translations with their provenance.
//
//     auto *translator = new Translator(settings, FetchStorage::onThread(*writer), this);
//     translator->setKey(key);                 // memory only, for this object's lifetime
//     connect(translator, &Translator::planned, ...);   // how much will be sent
//     connect(translator, &Translator::finished, this, [](const TranslateSummary &s) { ... });
//     translator->start(TranslateRequest::day(date));
//
// Papers with a digest's human translation or the user's own are skipped and never sent; a
// current machine translation is kept unless `force`. Requests go through PoliteHttp (one at
// a time per host, Retry-After, backoff, timeouts, size cap). Each answer is checked before
// anything is stored: the number of texts, every protected span back exactly once, and each
// text a translation at all (translate/answer_check.h). A paper is stored whole (title and
// abstract together) or not at all; the good papers of a batch are stored in one transaction
// and the others are named with the reason. The window never waits: network on this object's
// thread, storage through FetchStorage.

#include "fetch/fetch_storage.h"
#include "fetch/polite_http.h"
#include "translate/provider_factory.h"
#include "translate/translation_settings.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>

namespace paperboy::translate {

struct TranslateRequest
{
    QStringList ids;     // these papers, in this order...
    QDate date;          // ...or every paper of this day's digests
    bool force = false;  // translate again papers whose machine translation is current
    bool dryRun = false; // plan only: planned() and finished(), nothing sent

    static TranslateRequest papers(const QStringList &ids) { return {ids, {}, false, false}; }
    static TranslateRequest day(const QDate &date) { return {{}, date, false, false}; }
};

enum class PaperOutcome
{
    Translated,
    Skipped,
    Failed
};

struct TranslateOutcome
{
    QString arxivId;
    PaperOutcome state = PaperOutcome::Failed;
    QString reason; // why skipped or failed; empty when translated
};

// What a run will send, known before the first request.
struct TranslatePlan
{
    int papers = 0;        // to translate
    int skipped = 0;       // with Chinese from a digest or the user, or already translated
    int requests = 0;      // batches
    qint64 characters = 0; // of English sent, markers included
};

struct TranslateSummary
{
    QList<TranslateOutcome> outcomes; // one per paper, in the order asked
    TranslatePlan plan;
    int requests = 0; // HTTP requests started, retries included
    int retries = 0;
    bool cancelled = false;
    QString error; // a problem with the run itself (no service, no key, no store)

    int count(PaperOutcome state) const;
    bool ok() const { return error.isEmpty() && !cancelled && count(PaperOutcome::Failed) == 0; }
};

class Translator : public QObject
{
    Q_OBJECT
public:
    Translator(const TranslationSettings &settings, FetchStorage storage,
               QObject *parent = nullptr);
    ~Translator() override;

    // Take effect at the next start().
    void setSettings(const TranslationSettings &settings) { m_settings = settings; }
    void setKey(const QString &key) { m_key = key; }
    const TranslationSettings &settings() const { return m_settings; }
    PoliteHttp &http() { return *m_http; }
    // Test seam: "now" for the provenance.
    void setClock(std::function<QDateTime()> nowUtc) { m_clock = std::move(nowUtc); }

    // False (with error()) when a run is going on, or the settings name no usable service.
    bool start(const TranslateRequest &request);
    // Stops sending; what was stored stays stored; finished() follows with `cancelled`.
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void planned(const paperboy::translate::TranslatePlan &plan);
    void progress(int done, int total, const QString &text);
    void finished(const paperboy::translate::TranslateSummary &summary);
    void error(const QString &text);

private:
    struct Job // one paper to translate
    {
        QString arxivId;
        QString hash;
        bool hasTitle = false;
        bool hasAbstract = false;
        QStringList english;       // what is translated: title, then abstract, as present
        QList<ProtectedText> sent; // the same, protected
    };
    struct Batch
    {
        QList<Job> jobs;
        qint64 characters = 0;
    };
    struct Candidate;

    void onCandidates(const QList<Candidate> &candidates);
    void sendBatches();
    void onBatchAnswer(int batchIndex, const HttpResponse &response);
    void storeBatch(const QList<Job> &jobs, const QStringList &texts);
    void settle(const QString &arxivId, PaperOutcome state, const QString &reason);
    void maybeFinish();
    void finishRun();
    QDateTime now() const;

    TranslationSettings m_settings;
    FetchStorage m_storage;
    PoliteHttp *m_http = nullptr;
    QString m_key;
    std::function<QDateTime()> m_clock;
    std::unique_ptr<TranslationProvider> m_provider;

    int m_run = 0;
    bool m_running = false;
    bool m_cancelled = false;
    QString m_language; // library code of the target
    TranslateRequest m_request;
    QStringList m_order;                        // every paper asked for, in order
    QHash<QString, TranslateOutcome> m_settled; // by arXiv id
    QList<Batch> m_batches;
    QList<quint64> m_requestIds;
    int m_pendingAnswers = 0;
    int m_pendingStores = 0;
    int m_toTranslate = 0;
    int m_done = 0;
    QString m_stopReason; // set when the service said no later request can succeed
    TranslateSummary m_summary;
};

} // namespace paperboy::translate

Q_DECLARE_METATYPE(paperboy::translate::TranslatePlan)
Q_DECLARE_METATYPE(paperboy::translate::TranslateSummary)
