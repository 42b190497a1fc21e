#include "color_scheme.h"

#include "common/dark_style.h"

#include <QApplication>
#include <QDBusMessage>
#include <QDBusVariant>

namespace paperboy {

ColorScheme portalColorScheme(const QDBusConnection &bus, int timeoutMs)
{
    if (!bus.isConnected())
        return ColorScheme::NoPreference;
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.portal.Desktop"),
        QStringLiteral("/org/freedesktop/portal/desktop"),
        QStringLiteral("org.freedesktop.portal.Settings"), QStringLiteral("Read"));
    call << QStringLiteral("org.freedesktop.appearance") << QStringLiteral("color-scheme");
    // Without a portal the bus may try to start one: the timeout keeps the start-up short.
    const QDBusMessage reply = QDBusConnection(bus).call(call, QDBus::Block, timeoutMs);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return ColorScheme::NoPreference;
    // Read() wraps the value in a variant, older portals in two.
    QVariant value = reply.arguments().constFirst();
    while (value.canConvert<QDBusVariant>() && value.userType() == qMetaTypeId<QDBusVariant>())
        value = value.value<QDBusVariant>().variant();
    bool ok = false;
    const uint scheme = value.toUInt(&ok);
    if (!ok)
        return ColorScheme::NoPreference;
    if (scheme == 1)
        return ColorScheme::PreferDark;
    if (scheme == 2)
        return ColorScheme::PreferLight;
    return ColorScheme::NoPreference;
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() <
           palette.color(QPalette::WindowText).lightness();
}

bool needsDarkPalette(ColorScheme scheme, const QPalette &current)
{
    return scheme == ColorScheme::PreferDark && !isDarkPalette(current);
}

void followDesktopColorScheme()
{
    if (!needsDarkPalette(portalColorScheme(), QApplication::palette()))
        return;
    applyDarkAppearance();
}

} // namespace paperboy
