#pragma once

// Notices (notice.h) as desktop notifications: org.freedesktop.Notifications over the D-Bus
// session bus (the Desktop Notifications Specification), which GNOME, KDE, Xfce, dunst and
// mako all serve. A notice of the same kind replaces the one still shown (one "listing
// arrived", not a pile of them); clicking it (the "default" action) emits activated().
// Everything is asynchronous: the window never waits for the notification service.

#include "notify/notice.h"

#include <QDBusConnection>
#include <QHash>
#include <QObject>

namespace paperboy {

class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    // On the session bus.
    explicit DesktopNotifier(QObject *parent = nullptr);
    // Test seam: on another bus (a private one with a fake notification service).
    DesktopNotifier(const QDBusConnection &bus, QObject *parent);

    // Whether a notification service is on the bus now.
    bool isAvailable() const;
    // Sends the notice; shown() or failed() follows.
    void show(const Notice &notice);

    static const QString kService; // org.freedesktop.Notifications
    static const QString kPath;    // /org/freedesktop/Notifications

signals:
    void shown(uint id, const paperboy::Notice &notice);
    void failed(const QString &error, const paperboy::Notice &notice);
    // The reader clicked the notification.
    void activated(const paperboy::Notice &notice);

private slots:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    void connectSignals();

    QDBusConnection m_bus;
    QHash<uint, Notice> m_shown;   // by the service's id, until closed
    QHash<int, uint> m_lastOfKind; // Notice::Kind -> the id it replaces next time
    bool m_markup = true;          // the service reads body markup (GetCapabilities)
};

} // namespace paperboy
