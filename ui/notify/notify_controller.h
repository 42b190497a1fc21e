#pragma once

// Telling the reader outside the window (issue #18): a desktop notification when today's
// listing arrives after a scheduled check and when a starred paper has a new version, and
// the optional tray icon with the unread count. Each is a preference (settings below). A
// notice goes to the notification service; where none answers, to the tray's balloon if
// there is a tray. Activating either asks the window to open the day or the paper. The
// settings are in common/settings.h (notifyListing, notifyStarredVersions, trayIcon).

#include "common/settings.h"
#include "notify/notice.h"

#include <QObject>

class QDBusConnection;

namespace paperboy {

class DesktopNotifier;
class UnreadTray;

class NotifyController : public QObject
{
    Q_OBJECT
public:
    explicit NotifyController(QObject *parent = nullptr);
    // Test seam: the notification service on another bus.
    void useBus(const QDBusConnection &bus);

    DesktopNotifier *notifier() const { return m_notifier; }
    UnreadTray *tray() const { return m_tray; }

    // Reads the preferences again (the tray appears or goes at once).
    void reloadSettings();

    // From FetchController: today's listing stored `papers` new papers (a scheduled check,
    // not the fetch the window started with), and a version check found new versions.
    void listingArrived(const QDate &day, int papers);
    void versionsChanged(const QList<paperboy::VersionChange> &changes, bool automatic);
    // An import or fetch (the reader's or an automatic one) gave kept papers their first code
    // link: told every time, since the reader rarely sees which of their papers it touched.
    void codeLinksArrived(const QList<paperboy::CodeLinkArrival> &arrivals);
    void setUnread(int count);

    // What was sent last (for tests and the log); empty before the first notice.
    Notice lastNotice() const { return m_last; }

signals:
    void openDay(const QDate &day);
    void openPaper(const QString &arxivId);
    void openUpdated();
    // The papers of a code-link notice, as a list with the first chosen.
    void openPapers(const QStringList &arxivIds);
    void raiseRequested();
    void quitRequested();
    // A notice was handed to the service or the tray, or could not be shown at all.
    void noticeSent(const paperboy::Notice &notice);
    void noticeFailed(const paperboy::Notice &notice, const QString &error);

private:
    void send(const Notice &notice);
    void activate(const Notice &notice);
    void connectNotifier();

    DesktopNotifier *m_notifier = nullptr;
    UnreadTray *m_tray = nullptr;
    bool m_listing = settings::notifyListing.defaultValue();
    bool m_versions = settings::notifyStarredVersions.defaultValue();
    bool m_codeLinks = settings::notifyCodeLinks.defaultValue();
    Notice m_last;
};

} // namespace paperboy
