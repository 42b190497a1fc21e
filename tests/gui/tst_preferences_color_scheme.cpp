// Following the desktop's dark style: the colour scheme is read from the XDG desktop portal (a
// fake one on a private bus here), and only a light palette is replaced.

#include "color_scheme.h"
#include "common/palette_colors.h"

#include <QDBusConnection>
#include <QDBusVariant>
#include <QProcess>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace paperboy;

namespace {

const QString kPortalService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPortalPath = QStringLiteral("/org/freedesktop/portal/desktop");

// org.freedesktop.portal.Settings with the one setting we read, answered the way older
// portals do (a variant inside a variant).
class FakePortal : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")
public:
    std::atomic<uint> scheme = 0;

public slots:
    QDBusVariant Read(const QString &nameSpace, const QString &key)
    {
        if (nameSpace != QLatin1String("org.freedesktop.appearance") ||
            key != QLatin1String("color-scheme"))
            return QDBusVariant(QVariant());
        return QDBusVariant(QVariant::fromValue(QDBusVariant(uint(scheme))));
    }
};

QPalette lightPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, Qt::white);
    palette.setColor(QPalette::WindowText, Qt::black);
    return palette;
}

} // namespace

class TestPreferencesColorScheme : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void onlyALightPaletteIsReplaced();
    void noBusMeansNoPreference();
    void readsThePortal();

private:
    QProcess m_bus;
    QString m_address;
};

void TestPreferencesColorScheme::initTestCase()
{
    // A private session bus, so the test never talks to a real desktop.
    m_bus.start(QStringLiteral("dbus-daemon"),
                {QStringLiteral("--session"), QStringLiteral("--nofork"),
                 QStringLiteral("--print-address=1")});
    QVERIFY2(m_bus.waitForStarted(), "dbus-daemon missing: install the dbus-daemon package");
    QTRY_VERIFY(m_bus.canReadLine());
    m_address = QString::fromUtf8(m_bus.readLine().trimmed());
    QVERIFY(!m_address.isEmpty());
}

void TestPreferencesColorScheme::cleanupTestCase()
{
    m_bus.terminate();
    m_bus.waitForFinished();
}

void TestPreferencesColorScheme::onlyALightPaletteIsReplaced()
{
    QVERIFY(!isDarkPalette(lightPalette()));
    QVERIFY(isDarkPalette(darkPalette()));
    QVERIFY(needsDarkPalette(ColorScheme::PreferDark, lightPalette()));
    QVERIFY(!needsDarkPalette(ColorScheme::PreferDark, darkPalette()));
    QVERIFY(!needsDarkPalette(ColorScheme::PreferLight, lightPalette()));
    QVERIFY(!needsDarkPalette(ColorScheme::NoPreference, lightPalette()));
}

void TestPreferencesColorScheme::noBusMeansNoPreference()
{
    const QDBusConnection nowhere(QStringLiteral("not-connected"));
    QVERIFY(!nowhere.isConnected());
    QCOMPARE(portalColorScheme(nowhere), ColorScheme::NoPreference);
    // A bus without a portal answers with an error, not a preference.
    const QDBusConnection bus = QDBusConnection::connectToBus(m_address, QStringLiteral("empty"));
    QVERIFY(bus.isConnected());
    QCOMPARE(portalColorScheme(bus, 2000), ColorScheme::NoPreference);
}

void TestPreferencesColorScheme::readsThePortal()
{
    // The portal answers from its own thread while this one waits for the reply.
    QThread portalThread;
    auto portal = std::make_unique<FakePortal>();
    portal->moveToThread(&portalThread);
    portalThread.start();
    QDBusConnection service = QDBusConnection::connectToBus(m_address, QStringLiteral("portal"));
    QVERIFY(service.registerObject(kPortalPath, portal.get(), QDBusConnection::ExportAllSlots));
    QVERIFY(service.registerService(kPortalService));

    const QDBusConnection client =
        QDBusConnection::connectToBus(m_address, QStringLiteral("client"));
    portal->scheme = 1;
    QCOMPARE(portalColorScheme(client, 5000), ColorScheme::PreferDark);
    portal->scheme = 2;
    QCOMPARE(portalColorScheme(client, 5000), ColorScheme::PreferLight);
    portal->scheme = 0;
    QCOMPARE(portalColorScheme(client, 5000), ColorScheme::NoPreference);

    service.unregisterObject(kPortalPath);
    service.unregisterService(kPortalService);
    portalThread.quit();
    portalThread.wait();
}

QTEST_MAIN(TestPreferencesColorScheme)
#include "tst_preferences_color_scheme.moc"
