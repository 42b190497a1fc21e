#include "translator.h"

#include "translate/answer_check.h"
#include "translate/language.h"
#include "translate/translation_hash.h"

#include <memory>

namespace paperboy::translate {

using namespace Qt::StringLiterals;

int TranslateSummary::count(PaperOutcome state) const
{
    return int(std::count_if(outcomes.cbegin(), outcomes.cend(),
                             [state](const TranslateOutcome &o) { return o.state == state; }));
}

struct Translator::Candidate
{
    QString arxivId;
    bool known = false;
    QString title;
    QString abstract;
    Store::TranslationState state;
};

Translator::Translator(const TranslationSettings &settings, FetchStorage storage, QObject *parent)
    : QObject(parent), m_settings(settings), m_storage(std::move(storage)),
      m_http(new PoliteHttp(settings.politeness, this))
{
    connect(m_http, &PoliteHttp::requestStarted, this, [this](const QUrl &, int) {
        if (m_running)
            ++m_summary.requests;
    });
    connect(m_http, &PoliteHttp::retryScheduled, this,
            [this](const QUrl &url, int attempt, qint64 delayMs, const QString &reason) {
                if (!m_running)
                    return;
                ++m_summary.retries;
                emit progress(m_done, m_toTranslate,
                              u"%1: %2; try %3 in %4 s"_s.arg(url.host(), reason)
                                  .arg(attempt)
                                  .arg(double(delayMs) / 1000.0, 0, 'f', 1));
            });
}

Translator::~Translator()
{
    ++m_run;
}

QDateTime Translator::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

bool Translator::start(const TranslateRequest &request)
{
    auto refuse = [this](const QString &why) {
        emit error(why);
        return false;
    };
    if (m_running)
        return refuse(u"a translation is already running"_s);
    if (!m_storage.isValid())
        return refuse(u"the translator has no store"_s);
    if (request.ids.isEmpty() == !request.date.isValid())
        return refuse(u"translate either papers by id or one day's papers"_s);
    const QString language = libraryLanguage(m_settings.targetLanguage);
    if (language.isEmpty())
        return refuse(u"'%1' is not a language code (zh-CN, zh-TW, ja, de, ...)"_s.arg(
            m_settings.targetLanguage));
    QString problem;
    m_provider = makeProvider(m_settings, m_key, &problem);
    if (!m_provider)
        return refuse(problem);

    ++m_run;
    m_running = true;
    m_cancelled = false;
    m_language = language;
    m_request = request;
    m_order.clear();
    m_settled.clear();
    m_batches.clear();
    m_requestIds.clear();
    m_pendingAnswers = m_pendingStores = m_toTranslate = m_done = 0;
    m_stopReason.clear();
    m_summary = {};
    PolitenessSettings politeness = m_settings.politeness;
    politeness.transferTimeoutMs = m_settings.requestTimeoutMs;
    m_http->setSettings(politeness);

    auto found = std::make_shared<QList<Candidate>>();
    auto failure = std::make_shared<QString>();
    const QStringList ids = request.ids;
    const QDate date = request.date;
    m_storage.run(
        this,
        [found, failure, ids, date, language](Store &store) {
            QList<PaperView> views;
            if (date.isValid()) {
                views = store.dayPapers(date);
            } else {
                for (const QString &id : ids) {
                    if (std::optional<PaperView> view = store.paperView(id)) {
                        views.append(*view);
                    } else {
                        Candidate unknown;
                        unknown.arxivId = id;
                        found->append(unknown);
                    }
                }
            }
            if (views.isEmpty() && !store.lastError().isEmpty()) {
                *failure = store.lastError();
                return;
            }
            QStringList known;
            for (const PaperView &view : std::as_const(views))
                known.append(view.paper.arxivId);
            const auto states = store.translationStates(known, language);
            for (const PaperView &view : std::as_const(views)) {
                Candidate c;
                c.arxivId = view.paper.arxivId;
                c.known = true;
                c.title = view.paper.title;
                c.abstract = view.paper.abstract;
                c.state = states.value(c.arxivId);
                found->append(c);
            }
            if (!ids.isEmpty()) { // back into the order asked
                QList<Candidate> ordered;
                for (const QString &id : ids)
                    for (const Candidate &c : std::as_const(*found))
                        if (c.arxivId == id)
                            ordered.append(c);
                *found = ordered;
            }
        },
        [this, run = m_run, found, failure] {
            if (run != m_run)
                return;
            if (!failure->isEmpty()) {
                m_summary.error = u"cannot read the library: %1"_s.arg(*failure);
                return finishRun();
            }
            onCandidates(*found);
        });
    return true;
}

void Translator::onCandidates(const QList<Candidate> &candidates)
{
    const Protection style = m_provider->protection();
    QStringList currentAgain;
    QList<Job> jobs;
    for (const Candidate &c : candidates) {
        if (m_order.contains(c.arxivId))
            continue; // asked twice
        m_order.append(c.arxivId);
        if (!c.known) {
            settle(c.arxivId, PaperOutcome::Failed, u"not in the library"_s);
            continue;
        }
        // A person's translation is never replaced and never sent anywhere.
        if (c.state.digest) {
            settle(c.arxivId, PaperOutcome::Skipped, u"has a digest's translation"_s);
            continue;
        }
        if (c.state.user) {
            settle(c.arxivId, PaperOutcome::Skipped, u"has the user's own translation"_s);
            continue;
        }
        const QString hash = sourceHash(c.title, c.abstract);
        if (c.state.machine && !m_request.force) {
            const MachineTranslation &m = *c.state.machine;
            const QString by = m.model.isEmpty() ? m.provider : m.provider + u'/' + m.model;
            if (!m.stale) {
                settle(c.arxivId, PaperOutcome::Skipped, u"already translated (%1)"_s.arg(by));
                continue;
            }
            if (m.sourceHash == hash) {
                currentAgain.append(c.arxivId);
                settle(c.arxivId, PaperOutcome::Skipped,
                       u"already translated (%1); the English changed only in spacing"_s.arg(by));
                continue;
            }
        }
        if (c.title.trimmed().isEmpty() && c.abstract.trimmed().isEmpty()) {
            settle(c.arxivId, PaperOutcome::Failed,
                   u"no English title or abstract yet (paperboy fetch --enrich)"_s);
            continue;
        }
        Job job;
        job.arxivId = c.arxivId;
        job.hash = hash;
        // A paper without an English title keeps its texts aligned: the empty title is not
        // sent, the abstract is.
        job.hasTitle = !c.title.trimmed().isEmpty();
        job.hasAbstract = !c.abstract.trimmed().isEmpty();
        if (job.hasTitle) {
            job.english.append(c.title.simplified());
            job.sent.append(protect(job.english.constLast(), style));
        }
        if (job.hasAbstract) {
            job.english.append(c.abstract.trimmed());
            job.sent.append(protect(job.english.constLast(), style));
        }
        jobs.append(job);
    }

    // Whole papers per batch, within the service's limits; a paper larger than a batch goes
    // alone.
    const int maxTexts = std::max(1, m_provider->batchTexts());
    const int maxChars = std::max(1, m_provider->batchCharacters());
    Batch batch;
    int texts = 0;
    for (const Job &job : std::as_const(jobs)) {
        qint64 chars = 0;
        for (const ProtectedText &t : job.sent)
            chars += t.text.size();
        if (!batch.jobs.isEmpty() &&
            (texts + job.sent.size() > maxTexts || batch.characters + chars > maxChars)) {
            m_batches.append(batch);
            batch = {};
            texts = 0;
        }
        batch.jobs.append(job);
        batch.characters += chars;
        texts += int(job.sent.size());
    }
    if (!batch.jobs.isEmpty())
        m_batches.append(batch);

    m_toTranslate = int(jobs.size());
    TranslatePlan &plan = m_summary.plan;
    plan.papers = m_toTranslate;
    plan.skipped =
        int(std::count_if(m_settled.cbegin(), m_settled.cend(), [](const TranslateOutcome &o) {
            return o.state == PaperOutcome::Skipped;
        }));
    plan.requests = int(m_batches.size());
    for (const Batch &b : std::as_const(m_batches))
        plan.characters += b.characters;
    emit planned(plan);

    if (!currentAgain.isEmpty() && !m_request.dryRun) {
        ++m_pendingStores;
        const QString language = m_language;
        m_storage.run(
            this,
            [currentAgain, language](Store &store) {
                store.clearStaleMarks(currentAgain, language);
            },
            [this, run = m_run] {
                if (run != m_run)
                    return;
                --m_pendingStores;
                maybeFinish();
            });
    }
    if (m_request.dryRun) {
        for (const Job &job : std::as_const(jobs))
            settle(job.arxivId, PaperOutcome::Skipped, u"not sent (a dry run)"_s);
        return maybeFinish();
    }
    sendBatches();
    maybeFinish();
}

void Translator::sendBatches()
{
    emit progress(0, m_toTranslate,
                  u"%1 papers in %2 requests to %3"_s.arg(m_toTranslate)
                      .arg(m_batches.size())
                      .arg(m_provider->name()));
    // All queued at once: PoliteHttp sends them one after another without a gap.
    for (int i = 0; i < m_batches.size(); ++i) {
        QStringList texts;
        for (const Job &job : std::as_const(m_batches.at(i).jobs))
            for (const ProtectedText &t : job.sent)
                texts.append(t.text);
        ++m_pendingAnswers;
        m_requestIds.append(m_http->send(m_provider->request(texts, m_language), this,
                                         [this, run = m_run, i](const HttpResponse &response) {
                                             if (run != m_run)
                                                 return;
                                             --m_pendingAnswers;
                                             onBatchAnswer(i, response);
                                             maybeFinish();
                                         }));
    }
}

void Translator::onBatchAnswer(int batchIndex, const HttpResponse &response)
{
    const QList<Job> &jobs = m_batches.at(batchIndex).jobs;
    auto failAll = [this, &jobs](const QString &reason) {
        for (const Job &job : jobs)
            settle(job.arxivId, PaperOutcome::Failed, reason);
    };
    if (response.cancelled || m_cancelled) {
        failAll(m_stopReason.isEmpty() ? u"cancelled"_s : m_stopReason);
        return;
    }
    qsizetype expected = 0;
    for (const Job &job : jobs)
        expected += job.sent.size();
    const ProviderReply reply = m_provider->parse(response, expected);
    if (!reply.error.isEmpty()) {
        failAll(reply.error);
        if (reply.stopAll && m_stopReason.isEmpty()) {
            // The rest would be refused the same way: not sent, named with this reason.
            m_stopReason = u"not sent: %1"_s.arg(reply.error);
            for (const quint64 id : std::as_const(m_requestIds))
                m_http->cancel(id);
        }
        return;
    }
    storeBatch(jobs, reply.texts);
}

void Translator::storeBatch(const QList<Job> &jobs, const QStringList &texts)
{
    QList<Store::MachineTranslationRow> rows;
    QStringList storedIds;
    qsizetype at = 0;
    const QDateTime created = now();
    for (const Job &job : jobs) {
        QStringList restored;
        QString problem;
        for (qsizetype i = 0; i < job.sent.size(); ++i) {
            QString text;
            const QString answer = texts.at(at++);
            if (problem.isEmpty())
                problem = refusalReason(answer);
            if (problem.isEmpty() && restore(job.sent.at(i), answer, &text, &problem))
                problem = rejectionReason(job.english.at(i), text.trimmed(), m_language);
            restored.append(text.trimmed());
        }
        if (!problem.isEmpty()) {
            settle(job.arxivId, PaperOutcome::Failed, m_provider->redacted(problem));
            continue;
        }
        Store::MachineTranslationRow row;
        row.arxivId = job.arxivId;
        MachineTranslation &t = row.translation;
        t.language = m_language;
        t.title = job.hasTitle ? restored.constFirst() : QString();
        t.abstract = job.hasAbstract ? restored.constLast() : QString();
        t.provider = m_provider->name();
        t.model = m_provider->model();
        t.created = created;
        t.sourceHash = job.hash;
        rows.append(row);
        storedIds.append(job.arxivId);
    }
    if (rows.isEmpty())
        return;
    ++m_pendingStores;
    auto problem = std::make_shared<QString>();
    m_storage.run(
        this,
        [rows, problem](Store &store) {
            if (!store.saveMachineTranslations(rows))
                *problem = store.lastError();
        },
        [this, run = m_run, storedIds, problem] {
            if (run != m_run)
                return;
            --m_pendingStores;
            for (const QString &id : storedIds) {
                if (problem->isEmpty())
                    settle(id, PaperOutcome::Translated, {});
                else
                    settle(id, PaperOutcome::Failed, u"could not store: %1"_s.arg(*problem));
            }
            maybeFinish();
        });
}

void Translator::settle(const QString &arxivId, PaperOutcome state, const QString &reason)
{
    if (m_settled.contains(arxivId))
        return;
    m_settled.insert(arxivId, {arxivId, state, reason});
    if (!m_running || m_toTranslate == 0 || state == PaperOutcome::Skipped)
        return;
    ++m_done;
    emit progress(m_done, m_toTranslate,
                  state == PaperOutcome::Translated ? arxivId
                                                    : u"%1 failed: %2"_s.arg(arxivId, reason));
}

void Translator::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    for (const quint64 id : std::as_const(m_requestIds))
        m_http->cancel(id);
}

void Translator::maybeFinish()
{
    if (!m_running || m_pendingAnswers > 0 || m_pendingStores > 0)
        return;
    finishRun();
}

void Translator::finishRun()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_run; // late callbacks of this run are ignored from now on
    m_summary.cancelled = m_cancelled;
    for (const QString &id : std::as_const(m_order)) {
        TranslateOutcome outcome = m_settled.value(id);
        if (outcome.arxivId.isEmpty())
            outcome = {id, PaperOutcome::Failed, u"not translated"_s};
        m_summary.outcomes.append(outcome);
    }
    m_provider.reset(); // the key goes with it
    emit finished(m_summary);
}

} // namespace paperboy::translate
