#include "notify/notify_controller.h"

#include "notify/desktop_notifier.h"
#include "notify/unread_tray.h"

#include <QSettings>

namespace paperboy {

NotifyController::NotifyController(QObject *parent)
    : QObject(parent), m_notifier(new DesktopNotifier(this)), m_tray(new UnreadTray(this))
{
    setObjectName(QStringLiteral("notifyController"));
    connectNotifier();
    connect(m_tray, &UnreadTray::raiseRequested, this, &NotifyController::raiseRequested);
    connect(m_tray, &UnreadTray::quitRequested, this, &NotifyController::quitRequested);
    connect(m_tray, &UnreadTray::noticeActivated, this, &NotifyController::activate);
    reloadSettings();
}

void NotifyController::useBus(const QDBusConnection &bus)
{
    delete m_notifier;
    m_notifier = new DesktopNotifier(bus, this);
    connectNotifier();
}

void NotifyController::connectNotifier()
{
    m_notifier->setObjectName(QStringLiteral("desktopNotifier"));
    connect(m_notifier, &DesktopNotifier::activated, this, &NotifyController::activate);
    connect(m_notifier, &DesktopNotifier::shown, this,
            [this](uint, const Notice &notice) { emit noticeSent(notice); });
    connect(m_notifier, &DesktopNotifier::failed, this,
            [this](const QString &error, const Notice &notice) {
                // No notification service: the tray's balloon, where there is a tray.
                if (m_tray->showNotice(notice))
                    emit noticeSent(notice);
                else
                    emit noticeFailed(notice, error);
            });
}

void NotifyController::reloadSettings()
{
    QSettings settings;
    m_listing = settings::notifyListing.value(settings);
    m_versions = settings::notifyStarredVersions.value(settings);
    m_codeLinks = settings::notifyCodeLinks.value(settings);
    m_tray->setWanted(settings::trayIcon.value(settings));
}

void NotifyController::listingArrived(const QDate &day, int papers)
{
    if (m_listing && papers > 0)
        send(listingNotice(day, papers));
}

void NotifyController::versionsChanged(const QList<VersionChange> &changes, bool automatic)
{
    // A check the reader started says what it found in the status bar already.
    if (!m_versions || !automatic)
        return;
    if (const std::optional<Notice> notice = versionsNotice(changes))
        send(*notice);
}

void NotifyController::codeLinksArrived(const QList<CodeLinkArrival> &arrivals)
{
    if (!m_codeLinks)
        return;
    if (const std::optional<Notice> notice = codeLinksNotice(arrivals))
        send(*notice);
}

void NotifyController::setUnread(int count)
{
    m_tray->setUnread(count);
}

void NotifyController::send(const Notice &notice)
{
    m_last = notice;
    m_notifier->show(notice);
}

void NotifyController::activate(const Notice &notice)
{
    emit raiseRequested();
    switch (notice.kind) {
    case Notice::Kind::Listing:
        emit openDay(notice.day);
        break;
    case Notice::Kind::Versions:
        if (notice.arxivId.isEmpty())
            emit openUpdated();
        else
            emit openPaper(notice.arxivId);
        break;
    case Notice::Kind::CodeLinks:
        emit openPapers(notice.arxivIds);
        break;
    }
}

} // namespace paperboy
