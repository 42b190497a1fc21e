#pragma once

// The window's side of both languages (#17): English completed from arXiv after every import
// and fetch, and machine translations on demand (Shift+T and the detail pane's button for the
// paper on screen, "Translate This Day…" for a day's list, asked first with the size of the
// run) or on their own (starred papers, chosen categories after each fetch, within a daily
// character cap). Nothing is sent until a service is chosen in Preferences. The network runs
// on the GUI thread's event loop and storage on the library's writer thread: the window never
// waits. Progress shows in the status bar with a Cancel button; results and failures become
// status messages.

#include "fetch/fetch_request.h"
#include "library/library.h"
#include "translate/translator.h"

#include <QDate>
#include <QObject>
#include <QStringList>

class QProgressBar;
class QToolButton;
class QWidget;

namespace paperboy {

class AutoEnricher;
class DetailPane;
class PaperListPanel;

class TranslationController : public QObject
{
    Q_OBJECT
public:
    // `completeEnglish`: ask arXiv for the English of papers that arrive without it (the
    // window does; tests that must never reach the network do not).
    TranslationController(Library *library, PaperListPanel *list, DetailPane *detail,
                          QWidget *window, bool completeEnglish);
    ~TranslationController() override;

    QWidget *progressWidget() const { return m_progressBox; }
    translate::Translator *translator() const { return m_translator; }
    AutoEnricher *enricher() const { return m_enricher; }
    bool isRunning() const;

    // The paper on screen, at once (no question: it is one paper). `again`: also when its
    // machine translation is current (a digest's or the user's Chinese is still never sent).
    void translateCurrent(bool again = false);
    // Every paper of `date` that has no Chinese yet: planned, shown, then sent if confirmed.
    void translateDay(const QDate &date);
    // After a fetch: English for what came without it; translations for starred papers and
    // the chosen categories, within today's cap.
    void fetchFinished(const FetchSummary &summary);
    // After an import: English for what came without it.
    void papersImported();
    // The user's own Chinese title and abstract (user data, through UserData; never replaced
    // by a machine).
    void saveUserTranslation(const QString &arxivId, const QString &title, const QString &abstract);
    void cancel();

signals:
    void message(const QString &text, bool isError);
    // A progress message that stopped being true: cleared if it is still the one shown.
    void messageWithdrawn(const QString &text);
    // Translations or English were stored: lists and the detail pane are stale.
    void papersChanged();
    // The English completed from arXiv gave kept papers their first code link (an abstract or
    // comment naming a repository).
    void codeLinksArrived(const QList<paperboy::CodeLinkArrival> &arrivals);

private:
    enum class Kind
    {
        Paper,
        Day,
        Automatic
    };
    // Reads the settings and the key, then runs `request` (a dry run first for a day).
    void begin(Kind kind, const translate::TranslateRequest &request);
    void runWithKey(Kind kind, const translate::TranslateRequest &request,
                    const translate::TranslationSettings &settings, const QString &key);
    // The dry run of a day came back: the user sees its size and decides.
    void confirmDay(const translate::TranslatePlan &plan);
    void translateAutomatically(const QList<PaperView> &candidates);
    // A paper starred here is translated on its own when the preference says so.
    void onUserChange(const paperboy::UserStateChange &change);
    void onPlanned(const translate::TranslatePlan &plan);
    void onFinished(const translate::TranslateSummary &summary);
    QString describe(const translate::TranslateSummary &summary) const;
    QString serviceName(const translate::TranslationSettings &settings) const;

    Library *m_library;
    PaperListPanel *m_list;
    DetailPane *m_detail;
    QWidget *m_window;
    translate::Translator *m_translator = nullptr;
    AutoEnricher *m_enricher = nullptr;
    QString m_englishProgress; // the status line while English is being completed
    QWidget *m_progressBox = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    Kind m_kind = Kind::Paper;
    bool m_dryRun = false;
    QDate m_dayDate;          // of the day being planned
    bool m_starting = false;  // waiting for the key
    QStringList m_waitingIds; // automatic papers that came while a run was going on
    QString m_capNote;        // "the cap is reached…": repeated when the automatic run ends
};

} // namespace paperboy
