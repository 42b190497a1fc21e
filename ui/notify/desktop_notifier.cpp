#include "notify/desktop_notifier.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

namespace paperboy {

const QString DesktopNotifier::kService = QStringLiteral("org.freedesktop.Notifications");
const QString DesktopNotifier::kPath = QStringLiteral("/org/freedesktop/Notifications");

namespace {

const QString kInterface = QStringLiteral("org.freedesktop.Notifications");

// The specification's markup is a small subset of HTML: a title with "<" or "&" would be
// read as markup by a service that supports it.
QString escaped(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('&'), QLatin1String("&amp;"));
    out.replace(QLatin1Char('<'), QLatin1String("&lt;"));
    out.replace(QLatin1Char('>'), QLatin1String("&gt;"));
    return out;
}

} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : DesktopNotifier(QDBusConnection::sessionBus(), parent)
{
}

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent), m_bus(bus)
{
    qRegisterMetaType<Notice>();
    connectSignals();
}

void DesktopNotifier::connectSignals()
{
    if (!m_bus.isConnected())
        return;
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                  SLOT(onClosed(uint, uint)));
    // Whether bodies are read as markup decides the escaping; until the answer, escape.
    auto *watcher = new QDBusPendingCallWatcher(
        m_bus.asyncCall(QDBusMessage::createMethodCall(kService, kPath, kInterface,
                                                       QStringLiteral("GetCapabilities"))),
        this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this](QDBusPendingCallWatcher *call) {
                const QDBusPendingReply<QStringList> reply = *call;
                if (reply.isValid())
                    m_markup = reply.value().contains(QLatin1String("body-markup"));
                call->deleteLater();
            });
}

bool DesktopNotifier::isAvailable() const
{
    return m_bus.isConnected() && m_bus.interface() &&
           m_bus.interface()->isServiceRegistered(kService).value();
}

void DesktopNotifier::show(const Notice &notice)
{
    if (!m_bus.isConnected()) {
        emit failed(tr("no D-Bus session bus"), notice);
        return;
    }
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral(PAPERBOY_APP_ID));
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(1))); // normal
    if (notice.kind == Notice::Kind::Listing)
        hints.insert(QStringLiteral("category"), QStringLiteral("transfer.complete"));
    const uint replaces = m_lastOfKind.value(int(notice.kind), 0);
    call << QStringLiteral("Paperboy") << replaces << QStringLiteral(PAPERBOY_APP_ID)
         << notice.summary << (m_markup ? escaped(notice.body) : notice.body)
         << QStringList{QStringLiteral("default"), tr("Open")} << hints
         << int(-1); // the service's own timeout
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, notice, replaces](QDBusPendingCallWatcher *pending) {
                pending->deleteLater();
                const QDBusPendingReply<uint> reply = *pending;
                if (!reply.isValid()) {
                    emit failed(reply.error().message(), notice);
                    return;
                }
                const uint id = reply.value();
                if (replaces != 0 && replaces != id)
                    m_shown.remove(replaces);
                m_shown.insert(id, notice);
                m_lastOfKind.insert(int(notice.kind), id);
                emit shown(id, notice);
            });
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    // Other programs' notifications come through the same signal: only ours are known.
    const auto it = m_shown.constFind(id);
    if (it == m_shown.cend() || action != QLatin1String("default"))
        return;
    emit activated(it.value());
}

void DesktopNotifier::onClosed(uint id, uint /*reason*/)
{
    m_shown.remove(id);
    for (auto it = m_lastOfKind.begin(); it != m_lastOfKind.end();)
        it = it.value() == id ? m_lastOfKind.erase(it) : std::next(it);
}

} // namespace paperboy
