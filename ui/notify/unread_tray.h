#pragma once

// The optional tray icon: Paperboy's icon with the number of unread papers on a badge, a
// tooltip saying the same, a click raising the window. Where the desktop has no tray
// (QSystemTrayIcon::isSystemTrayAvailable(), e.g. GNOME without an extension) nothing is
// created. It also shows notices when no notification service answers.

#include "notify/notice.h"

#include <QIcon>
#include <QObject>

class QMenu;
class QSystemTrayIcon;

namespace paperboy {

class UnreadTray : public QObject
{
    Q_OBJECT
public:
    explicit UnreadTray(QObject *parent = nullptr);
    ~UnreadTray() override;

    // Shows or removes the icon (only where a tray exists).
    void setWanted(bool wanted);
    bool isShown() const { return m_icon != nullptr; }
    void setUnread(int count);
    int unread() const { return m_unread; }
    QString toolTip() const;
    // Shows `notice` as the tray's balloon; false without an icon in a tray.
    bool showNotice(const Notice &notice);

    // `base` with `count` on a badge in its lower right corner; `base` itself for 0.
    static QIcon badged(const QIcon &base, int count);

signals:
    void raiseRequested();
    void quitRequested();
    void noticeActivated(const paperboy::Notice &notice);

private:
    void update();

    QSystemTrayIcon *m_icon = nullptr;
    QMenu *m_menu = nullptr;
    int m_unread = -1; // unknown until the first count
    Notice m_lastNotice;
};

} // namespace paperboy
