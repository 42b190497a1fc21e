#include "translate/translation_controller.h"

#include "common/settings.h"
#include "detail/detail_pane.h"
#include "fetch/auto_enricher.h"
#include "paperlist/paper_list_model.h"
#include "paperlist/paper_list_panel.h"
#include "translate/secret_store.h"

#include <QHBoxLayout>
#include <QLocale>
#include <QMessageBox>
#include <QProcessEnvironment>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QToolButton>

namespace paperboy {

using namespace translate;

namespace {

// A paper the automatic runs would send: no Chinese from a digest or the user, and no
// current machine translation.
bool wantsTranslation(const PaperView &view)
{
    if (view.paper.title.trimmed().isEmpty() && view.paper.abstract.trimmed().isEmpty())
        return false;
    const ShownTranslation shown = shownTranslation(view);
    if (shown.source() == TranslationSource::None)
        return true;
    return shown.source() == TranslationSource::Machine && view.machineTranslation.stale;
}

QDate todayUtc()
{
    return QDateTime::currentDateTimeUtc().date();
}

} // namespace

TranslationController::TranslationController(Library *library, PaperListPanel *list,
                                             DetailPane *detail, QWidget *window,
                                             bool completeEnglish)
    : QObject(window), m_library(library), m_list(list), m_detail(detail), m_window(window)
{
    setObjectName(QStringLiteral("translationController"));
    connect(library->userData(), &UserData::changed, this, &TranslationController::onUserChange);
    m_translator = new Translator(TranslationSettings(),
                                  FetchStorage::onThread(library->writerThread()), this);
    m_translator->setObjectName(QStringLiteral("translator"));
    connect(m_translator, &Translator::planned, this, &TranslationController::onPlanned);
    connect(m_translator, &Translator::finished, this, &TranslationController::onFinished);
    connect(m_translator, &Translator::error, this, [this](const QString &text) {
        emit message(tr("Not translated: %1").arg(text), true);
    });
    connect(m_translator, &Translator::progress, this,
            [this](int done, int total, const QString &) {
                m_progress->setRange(0, qMax(total, 1));
                m_progress->setValue(done);
                m_progress->setFormat(tr("Translating %1/%2").arg(done).arg(total));
            });

    m_progressBox = new QWidget;
    m_progressBox->setObjectName(QStringLiteral("translateProgressBox"));
    m_progress = new QProgressBar(m_progressBox);
    m_progress->setObjectName(QStringLiteral("translateProgress"));
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(true);
    m_cancel = new QToolButton(m_progressBox);
    m_cancel->setObjectName(QStringLiteral("cancelTranslateButton"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop translating; what was translated is kept"));
    m_cancel->setAutoRaise(true);
    connect(m_cancel, &QToolButton::clicked, this, &TranslationController::cancel);
    auto *layout = new QHBoxLayout(m_progressBox);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    m_progressBox->setVisible(false);

    const bool noEnrich = !QProcessEnvironment::systemEnvironment()
                               .value(QStringLiteral("PAPERBOY_NO_ENRICH"))
                               .isEmpty();
    if (completeEnglish && !noEnrich) {
        m_enricher = new AutoEnricher(settings::fetchSettings(QSettings()),
                                      FetchStorage::onThread(library->writerThread()), this);
        m_enricher->setObjectName(QStringLiteral("englishEnricher"));
        // Offline: again after a minute, five, then every half hour, quietly.
        m_enricher->setRetryDelays({60 * 1000, 5 * 60 * 1000, 30 * 60 * 1000});
        connect(m_enricher, &AutoEnricher::progress, this, [this](int done, int total) {
            m_englishProgress =
                tr("Completing English from arXiv: %1 of %2 papers…").arg(done).arg(total);
            emit message(m_englishProgress, false);
        });
        connect(m_enricher, &AutoEnricher::finished, this, [this](const FetchSummary &summary) {
            if (!summary.codeLinks.isEmpty())
                emit codeLinksArrived(summary.codeLinks);
            if (summary.papersStored > 0) {
                emit message(tr("Completed the English of %n papers from arXiv.", nullptr,
                                summary.papersStored),
                             false);
                emit papersChanged();
            }
            // Failures stay quiet (the issue: "offline, it tries again later, quietly"): an
            // offline first start showed this in the status bar over the calm "offline" mark.
            // The progress line is no longer true either way; a later message may stand.
            if (summary.papersStored == 0 && !m_englishProgress.isEmpty())
                emit messageWithdrawn(m_englishProgress);
            m_englishProgress.clear();
        });
        // Papers left waiting by an earlier session.
        connect(library, &Library::ready, m_enricher, &AutoEnricher::papersArrived);
    }
}

TranslationController::~TranslationController() = default;

bool TranslationController::isRunning() const
{
    return m_starting || m_translator->isRunning();
}

void TranslationController::translateCurrent(bool again)
{
    const PaperView *view = m_list->currentPaper();
    if (!view)
        return;
    const ShownTranslation shown = shownTranslation(*view);
    const bool complete = !shown.title.isEmpty() && !shown.abstract.isEmpty();
    if (complete && !shown.usesMachine()) {
        emit message(shown.source() == TranslationSource::User
                         ? tr("%1 has your own Chinese translation; nothing was sent.")
                               .arg(view->paper.arxivId)
                         : tr("%1 has a Chinese translation from its digest; nothing was sent.")
                               .arg(view->paper.arxivId),
                     false);
        return;
    }
    TranslateRequest request = TranslateRequest::papers({view->paper.arxivId});
    request.force = again;
    begin(Kind::Paper, request);
}

void TranslationController::translateDay(const QDate &date)
{
    if (!date.isValid())
        return;
    m_dayDate = date;
    TranslateRequest request = TranslateRequest::day(date);
    request.dryRun = true; // the plan first: the user sees the size before anything is sent
    begin(Kind::Day, request);
}

void TranslationController::begin(Kind kind, const TranslateRequest &request)
{
    if (isRunning()) {
        if (kind == Kind::Automatic) {
            for (const QString &id : request.ids)
                if (!m_waitingIds.contains(id))
                    m_waitingIds.append(id);
        } else {
            emit message(tr("A translation is already running; wait for it or cancel it."), true);
        }
        return;
    }
    const TranslationSettings settings = loadTranslationSettings(QSettings());
    if (settings.provider == Provider::None) {
        if (kind != Kind::Automatic)
            emit message(tr("Choose a translation service in Preferences (Translation) first; "
                            "nothing is sent anywhere until you do."),
                         true);
        return;
    }
    m_starting = true;
    findTranslationKey(settings.provider, this,
                       [this, kind, request, settings](const QString &key, const QString &problem) {
                           m_starting = false;
                           if (key.isEmpty() && settings.provider == Provider::DeepL &&
                               !problem.isEmpty()) {
                               emit message(tr("Not translated: %1").arg(problem), true);
                               return;
                           }
                           runWithKey(kind, request, settings, key);
                       });
}

void TranslationController::runWithKey(Kind kind, const TranslateRequest &request,
                                       const TranslationSettings &settings, const QString &key)
{
    m_translator->setSettings(settings);
    m_translator->setKey(key);
    m_kind = kind;
    m_dryRun = request.dryRun;
    if (!m_translator->start(request)) {
        m_translator->setKey({});
        return;
    }
    if (!m_dryRun) {
        m_progress->setRange(0, 0);
        m_progress->setFormat(tr("Translating…"));
        m_cancel->setEnabled(true);
        m_progressBox->setVisible(true);
    }
}

void TranslationController::onPlanned(const TranslatePlan &plan)
{
    if (m_dryRun || plan.papers == 0)
        return;
    // Every character sent counts towards the day's cap that automatic runs respect.
    QSettings settings;
    const QDate today = todayUtc();
    const qint64 before = settings::translateUsedDay.value(settings) == today
                              ? settings::translateUsedCharacters.value(settings)
                              : 0;
    settings::translateUsedDay.setValue(settings, today);
    settings::translateUsedCharacters.setValue(
        settings, int(qMin<qint64>(before + plan.characters, std::numeric_limits<int>::max())));
    m_progress->setRange(0, plan.papers);
    m_progress->setValue(0);
    emit message(
        tr("Translating %n papers with %1 (%2 characters)…", nullptr, plan.papers)
            .arg(serviceName(m_translator->settings()), QLocale().toString(plan.characters)),
        false);
}

void TranslationController::onFinished(const TranslateSummary &summary)
{
    if (m_dryRun) {
        m_dryRun = false;
        if (m_kind == Kind::Day && summary.error.isEmpty())
            confirmDay(summary.plan);
        else
            m_translator->setKey({});
        return;
    }
    m_translator->setKey({}); // in memory for one run only
    m_progressBox->setVisible(false);
    const bool problem = !summary.ok() && !summary.cancelled;
    // The papers the cap held back are said again at the end, or the run's own messages
    // would hide them.
    const QString capNote = m_kind == Kind::Automatic ? std::exchange(m_capNote, {}) : QString();
    emit message(capNote.isEmpty() ? describe(summary) : describe(summary) + u' ' + capNote,
                 problem);
    if (summary.count(PaperOutcome::Translated) > 0)
        emit papersChanged();
    if (!m_waitingIds.isEmpty() && !summary.cancelled)
        begin(Kind::Automatic, TranslateRequest::papers(std::exchange(m_waitingIds, {})));
}

void TranslationController::confirmDay(const TranslatePlan &plan)
{
    const QDate date = m_dayDate;
    if (plan.papers == 0) {
        m_translator->setKey({});
        emit message(tr("Nothing to translate on %1: every paper has Chinese already.")
                         .arg(QLocale().toString(date, QLocale::ShortFormat)),
                     false);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Translate This Day"),
                                tr("Translate %n papers of %1 with %2?", nullptr, plan.papers)
                                    .arg(QLocale().toString(date, QLocale::LongFormat),
                                         serviceName(m_translator->settings())),
                                QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("translateDayQuestion"));
    box->setInformativeText(
        tr("%1 characters in %n requests.", nullptr, plan.requests)
            .arg(QLocale().toString(plan.characters)) +
        (plan.skipped > 0
             ? u' ' + tr("%n papers already have Chinese and are not sent.", nullptr, plan.skipped)
             : QString()));
    QPushButton *go = box->addButton(tr("Translate"), QMessageBox::AcceptRole);
    go->setObjectName(QStringLiteral("translateDayButton"));
    box->setDefaultButton(go);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, go, date] {
        if (box->clickedButton() != go) {
            m_translator->setKey({});
            return;
        }
        m_kind = Kind::Day;
        m_dryRun = false;
        if (isRunning() || !m_translator->start(TranslateRequest::day(date)))
            return;
        m_progress->setRange(0, 0);
        m_cancel->setEnabled(true);
        m_progressBox->setVisible(true);
    });
    box->open();
}

void TranslationController::fetchFinished(const FetchSummary &summary)
{
    if (m_enricher)
        m_enricher->papersArrived();
    QSettings settings;
    const bool starred = settings::translateStarred.value(settings);
    const QStringList categories =
        settings::translateCategories.value(settings).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if ((!starred && categories.isEmpty()) ||
        loadTranslationSettings(settings).provider == Provider::None)
        return;
    QList<QDate> dates;
    if (!categories.isEmpty())
        for (const FetchOutcome &outcome : summary.outcomes)
            if (outcome.date.isValid() && outcome.papers > 0 && !dates.contains(outcome.date))
                dates.append(outcome.date);
    m_library->read(
        this,
        [dates, categories, starred](Store &store) {
            QList<PaperView> views;
            if (starred)
                views = store.starredPapers();
            for (const QDate &date : dates)
                views += store.dayPapers(date, categories);
            return views;
        },
        [this](const QList<PaperView> &views) { translateAutomatically(views); });
}

void TranslationController::papersImported()
{
    if (m_enricher)
        m_enricher->papersArrived();
}

void TranslationController::translateAutomatically(const QList<PaperView> &candidates)
{
    QSettings settings;
    const int cap = settings::translateDailyCap.value(settings);
    const qint64 used = settings::translateUsedDay.value(settings) == todayUtc()
                            ? settings::translateUsedCharacters.value(settings)
                            : 0;
    qint64 room = cap - used;
    QStringList ids;
    QSet<QString> seen;
    int over = 0;
    for (const PaperView &view : candidates) {
        if (!wantsTranslation(view) || seen.contains(view.paper.arxivId))
            continue;
        seen.insert(view.paper.arxivId);
        // What the service will count, near enough: the English sent.
        const qint64 size = view.paper.title.size() + view.paper.abstract.size();
        if (size > room) {
            ++over;
            continue;
        }
        room -= size;
        ids.append(view.paper.arxivId);
    }
    if (over > 0) {
        m_capNote = tr("Today's translation cap of %1 characters is reached: %n papers wait "
                       "for tomorrow (Preferences, Translation).",
                       nullptr, over)
                        .arg(QLocale().toString(cap));
        emit message(m_capNote, false);
        if (ids.isEmpty())
            m_capNote.clear();
    }
    if (!ids.isEmpty())
        begin(Kind::Automatic, TranslateRequest::papers(ids));
}

void TranslationController::saveUserTranslation(const QString &arxivId, const QString &title,
                                                const QString &abstract)
{
    // User data: UserData writes it and every view follows its change signal.
    m_library->userData()->setTranslation(arxivId, title, abstract);
    const bool removed = title.trimmed().isEmpty() && abstract.trimmed().isEmpty();
    emit message(removed ? tr("Removed your translation of %1.").arg(arxivId)
                         : tr("Saved your translation of %1.").arg(arxivId),
                 false);
}

void TranslationController::onUserChange(const UserStateChange &change)
{
    // A star given in this window translates the paper when the preference says so; stars
    // from other processes are theirs to act on.
    if (change.origin != UserStateChange::Origin::Window || !(change.fields() & UserField::Starred))
        return;
    QSettings settings;
    if (!settings::translateStarred.value(settings) ||
        loadTranslationSettings(settings).provider == Provider::None)
        return;
    QList<PaperView> starred;
    for (const UserStateChange::Paper &paper : change.papers) {
        if (!(paper.fields & UserField::Starred) || !paper.state.starred)
            continue;
        const int row = m_list->model()->rowOf(paper.arxivId);
        if (const PaperView *view = m_list->model()->paperAt(row))
            starred.append(*view);
    }
    // Queued: the star's own "Starred …" message comes first, so what the translation says
    // (the cap reached, papers translated) is what stays in the status bar.
    if (!starred.isEmpty())
        QMetaObject::invokeMethod(
            this, [this, starred] { translateAutomatically(starred); }, Qt::QueuedConnection);
}

void TranslationController::cancel()
{
    m_waitingIds.clear();
    if (!m_translator->isRunning())
        return;
    m_cancel->setEnabled(false);
    emit message(tr("Cancelling the translation…"), false);
    m_translator->cancel();
}

QString TranslationController::serviceName(const TranslationSettings &settings) const
{
    const QString provider = providerName(settings.provider);
    return settings.model.isEmpty() || settings.provider != Provider::OpenAi
               ? provider
               : provider + u'/' + settings.model;
}

QString TranslationController::describe(const TranslateSummary &summary) const
{
    const int translated = summary.count(PaperOutcome::Translated);
    const int failed = summary.count(PaperOutcome::Failed);
    if (!summary.error.isEmpty())
        return tr("Translation failed: %1").arg(summary.error);
    if (summary.cancelled)
        return tr("Translation cancelled; %n papers translated before it stopped.", nullptr,
                  translated);
    if (failed > 0) {
        QStringList named;
        for (const TranslateOutcome &outcome : summary.outcomes)
            if (outcome.state == PaperOutcome::Failed && named.size() < 3)
                named.append(QStringLiteral("%1 (%2)").arg(outcome.arxivId, outcome.reason));
        if (failed > named.size())
            named.append(tr("%n more", nullptr, failed - int(named.size())));
        return tr("Translated %1 of %2 papers; not translated: %3")
            .arg(translated)
            .arg(translated + failed)
            .arg(named.join(QStringLiteral("; ")));
    }
    if (translated == 0) {
        for (const TranslateOutcome &outcome : summary.outcomes)
            if (outcome.state == PaperOutcome::Skipped)
                return tr("Nothing sent: %1 %2").arg(outcome.arxivId, outcome.reason) +
                       (outcome.reason.startsWith(QLatin1String("already translated"))
                            ? u' ' + tr("(Paper > Translate Again asks anew.)")
                            : QString());
        return tr("Nothing to translate.");
    }
    return tr("Translated %n papers with %1.", nullptr, translated)
        .arg(serviceName(m_translator->settings()));
}

} // namespace paperboy
