#pragma once

// The window's side of the fetcher: today's listing on start and after each announcement,
// File > Fetch Days…, "fetch this day again" from the sidebar, progress with a Cancel button
// in the status bar, and the ledger's verdicts as day statuses. Errors become status
// messages and day marks, never modal dialogs.

#include "fetch/fetcher.h"
#include "library/library.h"
#include "sidebar/day_tree_model.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

class QProgressBar;
class QToolButton;
class QWidget;

namespace paperboy {

class FetchController : public QObject
{
    Q_OBJECT
public:
    FetchController(Library *library, QWidget *window);
    ~FetchController() override;

    Fetcher *fetcher() const { return m_fetcher; }
    // Status-bar widget: progress bar and Cancel button, visible while a fetch runs.
    QWidget *progressWidget() const { return m_progressBox; }

    // Test seam: "now" for the fetcher, the schedule and the sidebar's recent days.
    void setClock(std::function<QDateTime()> nowUtc);
    QDateTime now() const;
    QDate currentListingDate() const;

    // Reads the fetch settings again (QSettings); takes effect at the next fetch.
    void reloadSettings();
    // On start: today's listing now (when `fetchNow`) and the announcement timer (when
    // `schedule`); both also need their setting.
    void startAutomatic(bool fetchNow, bool schedule);
    QDateTime nextScheduledCheck() const { return m_nextCheck; }

    bool fetchToday(bool automatic = false);
    // New versions of the papers the reader keeps (also run after each good daily fetch).
    bool checkVersions(bool automatic = false);
    bool fetch(const FetchRequest &request);
    bool fetchDayAgain(const QDate &date);
    void openFetchDialog();
    void cancel();
    bool isRunning() const;

    // The ledger over the days on screen, turned into day statuses (statusesChanged).
    void refreshStatuses(const QList<DaySummary> &days);

    // Offline: the last fetch got no HTTP answer at all. Today is marked "offline", and the
    // fetch is tried again when Qt's network information says the network is back (where a
    // backend exists) and otherwise after a growing delay.
    bool isOffline() const { return m_offline; }
    // Test seam: the first retry delay (doubles up to 15 minutes).
    void setOfflineRetryDelay(int firstMs) { m_firstRetryMs = firstMs; }

signals:
    void message(const QString &text, bool isError);
    // A run ended having stored papers or recorded outcomes: days, lists and counts are stale.
    void fetchFinished(const paperboy::FetchSummary &summary);
    void statusesChanged(const QHash<QDate, paperboy::DayStatus> &statuses);
    // An automatic fetch of today's listing stored new papers: a scheduled check, or a retry
    // once the network came back; not the fetch the window starts with (the reader is there).
    void listingArrived(const QDate &day, int papers);
    // A version check found new versions (`automatic`: the one after a daily fetch).
    void versionsChanged(const QList<paperboy::VersionChange> &changes, bool automatic);
    // Papers the reader keeps got their first code link from this run; those a new version
    // brought it to are left to versionsChanged, which says so.
    void codeLinksArrived(const QList<paperboy::CodeLinkArrival> &arrivals);

private:
    void onProgress(int done, int total, const QString &text);
    void onFinished(const FetchSummary &summary);
    void schedule();
    QString describeSummary(const FetchSummary &summary) const;
    void setOffline(bool offline);
    void watchNetwork();

    Library *m_library;
    QWidget *m_window;
    Fetcher *m_fetcher = nullptr;
    QWidget *m_progressBox = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QTimer m_timer;
    QDateTime m_nextCheck;
    std::function<QDateTime()> m_clock;
    bool m_automaticRun = false;
    bool m_starting = false; // startAutomatic() is starting its fetch
    bool m_startRun = false; // the run in progress is the one the window started with
    FetchRequest m_request;  // the run in progress or the last one
    bool m_scheduleWanted = false;
    QList<DaySummary> m_days;
    QList<LedgerEntry> m_rows; // the ledger as last read, for "fetch again"
    quint64 m_statusRequest = 0;
    bool m_offline = false;
    bool m_watchingNetwork = false;
    QTimer m_retryTimer;
    int m_firstRetryMs = 30 * 1000;
    int m_retryMs = 0;
};

} // namespace paperboy
