// Telling the reader outside the window (issue #18): notices built from what a fetch found,
// sent to a fake org.freedesktop.Notifications service on a private D-Bus session bus
// (dbus-daemon, as dbus-run-session would start), clicked there, and followed by the window
// (the day or the paper opens); the preferences that switch each off; the tray's badge.

#include "gui_fixtures.h"
#include "gui_window.h"

#include "common/settings.h"
#include "detail/detail_pane.h"
#include "notify/desktop_notifier.h"
#include "notify/notify_controller.h"
#include "notify/unread_tray.h"
#include "paperlist/list_controller.h"
#include "window/main_window.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTemporaryDir>

using namespace paperboy;

namespace {

const QString kStarred = QStringLiteral("2306.01667");

// What a notification service receives, with the ids it hands out.
class FakeNotifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call
    {
        QString app;
        uint replaces = 0;
        QString icon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        uint id = 0;
    };
    QList<Call> calls;
    QStringList capabilities{QStringLiteral("body"), QStringLiteral("actions"),
                             QStringLiteral("body-markup")};
    uint nextId = 41;

public slots:
    uint Notify(const QString &app, uint replaces, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints,
                int /*timeout*/)
    {
        const uint id = replaces != 0 ? replaces : ++nextId;
        calls.append({app, replaces, icon, summary, body, actions, hints, id});
        return id;
    }
    QStringList GetCapabilities() { return capabilities; }
    void CloseNotification(uint) {}
};

} // namespace

class TestNotifications : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void noticesSayWhatArrived();
    void notificationGoesToTheService();
    void clickingOpensTheDayOrThePaper();
    void codeLinkForAKeptPaperIsAnnounced();
    void preferencesSwitchEachOff();
    void noServiceIsAFailureNotAHang();
    void trayBadgeShowsTheUnreadCount();

private:
    // The fake service sends ActionInvoked as a desktop does when the notification is clicked.
    void click(uint id)
    {
        QDBusMessage signal = QDBusMessage::createSignal(
            DesktopNotifier::kPath, DesktopNotifier::kService, QStringLiteral("ActionInvoked"));
        signal << id << QStringLiteral("default");
        QVERIFY(m_service.send(signal));
    }

    QProcess m_bus;
    QString m_address;
    QDBusConnection m_service{QStringLiteral("none")};
    std::unique_ptr<FakeNotifications> m_fake;
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    int m_connections = 0;
};

void TestNotifications::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_notifications"));
    gui_test::useSettingsIn(m_settingsDir.path());
    // A private session bus, so the test never shows a notification on a real desktop.
    m_bus.start(QStringLiteral("dbus-daemon"),
                {QStringLiteral("--session"), QStringLiteral("--nofork"),
                 QStringLiteral("--print-address=1")});
    QVERIFY2(m_bus.waitForStarted(), "dbus-daemon missing: install the dbus-daemon package");
    QTRY_VERIFY(m_bus.canReadLine());
    m_address = QString::fromUtf8(m_bus.readLine().trimmed());
    QVERIFY(!m_address.isEmpty());
}

void TestNotifications::cleanupTestCase()
{
    m_bus.terminate();
    m_bus.waitForFinished();
}

void TestNotifications::init()
{
    gui_test::clearSettings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("library.sqlite"));
    QVERIFY(gui_test::importInto(m_db, gui_test::foundingDigestPath()));
    m_fake = std::make_unique<FakeNotifications>();
    m_service =
        QDBusConnection::connectToBus(m_address, QStringLiteral("service%1").arg(++m_connections));
    QVERIFY(m_service.isConnected());
    QVERIFY(m_service.registerObject(DesktopNotifier::kPath, m_fake.get(),
                                     QDBusConnection::ExportAllSlots));
    QVERIFY(m_service.registerService(DesktopNotifier::kService));
}

void TestNotifications::cleanup()
{
    m_service.unregisterObject(DesktopNotifier::kPath);
    m_service.unregisterService(DesktopNotifier::kService);
    QDBusConnection::disconnectFromBus(m_service.name());
    m_fake.reset();
    m_dir.reset();
}

void TestNotifications::noticesSayWhatArrived()
{
    const Notice listing = listingNotice(QDate(2026, 7, 2), 120);
    QCOMPARE(listing.kind, Notice::Kind::Listing);
    QCOMPARE(listing.day, QDate(2026, 7, 2));
    QVERIFY2(listing.body.contains(QStringLiteral("120 new papers")), qPrintable(listing.body));

    VersionChange unstarred;
    unstarred.arxivId = QStringLiteral("2104.12255");
    unstarred.fromVersion = 1;
    unstarred.toVersion = 2;
    unstarred.title = QStringLiteral("Zero");
    QVERIFY(!versionsNotice({unstarred}).has_value()); // noted or tagged only: no notice

    VersionChange starred = unstarred;
    starred.arxivId = kStarred;
    starred.title = QStringLiteral("Splitting Zero & <BLS>");
    starred.starred = true;
    starred.acceptedArrived = true;
    starred.doiArrived = true;
    const std::optional<Notice> one = versionsNotice({unstarred, starred});
    QVERIFY(one.has_value());
    QCOMPARE(one->arxivId, kStarred);
    QCOMPARE(one->summary, QStringLiteral("A starred paper has a new version"));
    QVERIFY2(
        one->body.contains(QStringLiteral("Splitting Zero & <BLS> (arXiv:2306.01667) is now v2")),
        qPrintable(one->body));
    QVERIFY2(one->body.contains(QStringLiteral("New: accepted, a DOI.")), qPrintable(one->body));

    QList<VersionChange> many;
    for (int i = 0; i < 5; ++i) {
        VersionChange change = starred;
        change.arxivId = QStringLiteral("2306.0000%1").arg(i);
        many.append(change);
    }
    const std::optional<Notice> several = versionsNotice(many);
    QVERIFY(several.has_value());
    QVERIFY(several->arxivId.isEmpty()); // opens the "Updated" view
    QCOMPARE(several->summary, QStringLiteral("5 starred papers have new versions"));
    QVERIFY2(several->body.endsWith(QStringLiteral("and 2 more papers")),
             qPrintable(several->body));
}

void TestNotifications::notificationGoesToTheService()
{
    DesktopNotifier notifier(QDBusConnection::connectToBus(m_address, QStringLiteral("client1")),
                             nullptr);
    QVERIFY(notifier.isAvailable());
    QSignalSpy shown(&notifier, &DesktopNotifier::shown);
    VersionChange change;
    change.arxivId = kStarred;
    change.toVersion = 3;
    change.title = QStringLiteral("Splitting Zero & <BLS>");
    change.starred = true;
    notifier.show(*versionsNotice({change}));
    QTRY_COMPARE(shown.size(), 1);
    QCOMPARE(m_fake->calls.size(), 1);
    const FakeNotifications::Call &call = m_fake->calls.first();
    QCOMPARE(call.app, QStringLiteral("Paperboy"));
    QCOMPARE(call.replaces, 0u);
    QCOMPARE(call.icon, QStringLiteral(PAPERBOY_APP_ID));
    QCOMPARE(call.summary, QStringLiteral("A starred paper has a new version"));
    // The service reads markup (GetCapabilities): the title is escaped, not taken as markup.
    QVERIFY2(call.body.contains(QStringLiteral("Splitting Zero &amp; &lt;BLS&gt;")),
             qPrintable(call.body));
    QCOMPARE(call.actions.value(0), QStringLiteral("default"));
    QCOMPARE(call.hints.value(QStringLiteral("desktop-entry")).toString(),
             QStringLiteral(PAPERBOY_APP_ID));

    // The next notice of the same kind replaces this one; a listing is a notification of its own.
    notifier.show(*versionsNotice({change}));
    notifier.show(listingNotice(QDate(2026, 7, 2), 12));
    QTRY_COMPARE(shown.size(), 3);
    QCOMPARE(m_fake->calls.at(1).replaces, call.id);
    QCOMPARE(m_fake->calls.at(2).replaces, 0u);
    QCOMPARE(m_fake->calls.at(2).hints.value(QStringLiteral("category")).toString(),
             QStringLiteral("transfer.complete"));
}

void TestNotifications::clickingOpensTheDayOrThePaper()
{
    {
        Database database;
        QVERIFY(database.open(m_db));
        QVERIFY(Store(database).setStarred(kStarred, true));
    }
    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    const QDate day = window->currentSource().date;
    NotifyController *notify = window->findChild<NotifyController *>();
    QVERIFY(notify);
    notify->useBus(QDBusConnection::connectToBus(m_address, QStringLiteral("client2")));
    QSignalSpy sent(notify, &NotifyController::noticeSent);

    // A starred paper changed: clicking the notification lists the starred papers, that one
    // chosen.
    VersionChange change;
    change.arxivId = kStarred;
    change.toVersion = 2;
    change.title = QStringLiteral("Changed");
    change.starred = true;
    notify->versionsChanged({change}, true);
    QTRY_COMPARE(sent.size(), 1);
    click(m_fake->calls.last().id);
    QTRY_COMPARE(window->currentSource().kind, ListKind::Starred);
    QTRY_COMPARE(gui_test::currentId(*window), kStarred);

    // Today's listing arrived: clicking opens that day.
    notify->listingArrived(day, 3);
    QTRY_COMPARE(sent.size(), 2);
    click(m_fake->calls.last().id);
    QTRY_COMPARE(window->currentSource().kind, ListKind::Day);
    QCOMPARE(window->currentSource().date, day);

    // Another program's notification clicked: nothing happens here.
    click(m_fake->calls.last().id + 100);
    QTest::qWait(200);
    QCOMPARE(window->currentSource().kind, ListKind::Day);

    // Several starred papers: the "Updated" view.
    QList<VersionChange> two{change, change};
    two[1].arxivId = QStringLiteral("2306.05544");
    notify->versionsChanged(two, true);
    QTRY_COMPARE(sent.size(), 3);
    click(m_fake->calls.last().id);
    QTRY_COMPARE(window->currentSource().kind, ListKind::Updated);
}

void TestNotifications::codeLinkForAKeptPaperIsAnnounced()
{
    QVERIFY(!codeLinksNotice({}).has_value());
    const QList<CodeLinkArrival> two{
        {QStringLiteral("2306.00001"), QStringLiteral("One"), QStringLiteral("https://x/1"), true},
        {QStringLiteral("2306.00002"), QStringLiteral("Two"), QStringLiteral("https://x/2"),
         false}};
    const std::optional<Notice> both = codeLinksNotice(two);
    QVERIFY(both.has_value());
    QCOMPARE(both->summary, QStringLiteral("2 of your papers have code links"));
    QCOMPARE(both->arxivIds, (QStringList{two[0].arxivId, two[1].arxivId}));
    QCOMPARE(both->body, QStringLiteral("One: https://x/1\nTwo: https://x/2"));
    QCOMPARE(codeLinksNotice({two[1]})->summary,
             QStringLiteral("A paper you noted or tagged has a code link"));

    {
        Database database;
        QVERIFY(database.open(m_db));
        QVERIFY(Store(database).setStarred(kStarred, true));
    }
    // Hugging Face's daily papers, one of them the starred paper (the digest gave it no code
    // link), with its repository.
    QFile fixture(
        QStringLiteral(PAPERBOY_TEST_DATA "/hf-daily/hf_daily_papers_2026-06-12_first15.json"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    QByteArray json = fixture.readAll();
    json.replace("2606.12730", kStarred.toLatin1());
    const QString hf = m_dir->filePath(QStringLiteral("hf.json"));
    {
        QFile out(hf);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(json);
    }
    const QString repository =
        QStringLiteral("https://github.com/psychology-of-AI/Rethinking-Pyschometric-Eval-LLMs");

    auto window = gui_test::openWindow(m_db);
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    auto *notify = window->findChild<NotifyController *>();
    QVERIFY(notify);
    notify->useBus(QDBusConnection::connectToBus(m_address, QStringLiteral("client5")));
    QSignalSpy sent(notify, &NotifyController::noticeSent);
    auto *status = window->findChild<QLabel *>(QStringLiteral("statusMessage"));

    // The reader imports the file: the notification service is asked to tell them.
    window->importFiles({hf});
    QTRY_COMPARE(sent.size(), 1);
    QCOMPARE(m_fake->calls.size(), 1);
    const FakeNotifications::Call call = m_fake->calls.last();
    QCOMPARE(call.summary, QStringLiteral("A starred paper has a code link"));
    QVERIFY2(call.body.contains(repository) && call.body.contains(kStarred), qPrintable(call.body));
    QCOMPARE(notify->lastNotice().kind, Notice::Kind::CodeLinks);
    QCOMPARE(notify->lastNotice().arxivIds, QStringList{kStarred});

    // Clicking it lists that paper; the pane calls the link out as new.
    click(call.id);
    QTRY_COMPARE(window->currentSource().kind, ListKind::Ids);
    QTRY_COMPARE(gui_test::currentId(*window), kStarred);
    auto *code = window->detailPane()->findChild<QLabel *>(QStringLiteral("codeUrlLabel"));
    QVERIFY(code);
    QTRY_COMPARE(code->text(), QStringLiteral("\u2605 New code link: ") + repository);
    // Another paper's link is not new.
    QVERIFY(gui_test::chooseDay(*window, QDate(2024, 3, 14)));
    QTRY_COMPARE(gui_test::listedCount(*window), 3);
    QVERIFY(gui_test::selectRow(*window, 1)); // 2306.05544: its digest's code link
    QTRY_VERIFY2(code->text().startsWith(QStringLiteral("Code: ")), qPrintable(code->text()));

    // The same file again: the link is known, nothing is told.
    window->showStatus(QString());
    window->importFiles({hf});
    QTRY_VERIFY(status->text().startsWith(QStringLiteral("Imported")));
    QTest::qWait(200);
    QCOMPARE(sent.size(), 1);

    // Switched off in Preferences: not told.
    {
        QSettings settings;
        settings::notifyCodeLinks.setValue(settings, false);
    }
    notify->reloadSettings();
    notify->codeLinksArrived({{kStarred, QStringLiteral("Title"), repository, true}});
    QTest::qWait(200);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(m_fake->calls.size(), 1);
}

void TestNotifications::preferencesSwitchEachOff()
{
    NotifyController notify;
    notify.useBus(QDBusConnection::connectToBus(m_address, QStringLiteral("client3")));
    QSignalSpy sent(&notify, &NotifyController::noticeSent);
    VersionChange change;
    change.arxivId = kStarred;
    change.toVersion = 2;
    change.starred = true;
    // A check the reader started in the window tells in the status bar, not here.
    notify.versionsChanged({change}, false);
    {
        QSettings settings;
        settings::notifyListing.setValue(settings, false);
        settings::notifyStarredVersions.setValue(settings, false);
    }
    notify.reloadSettings();
    notify.listingArrived(QDate(2026, 7, 2), 12);
    notify.versionsChanged({change}, true);
    QTest::qWait(300);
    QCOMPARE(sent.size(), 0);
    QCOMPARE(m_fake->calls.size(), 0);
    {
        QSettings settings;
        settings::notifyListing.setValue(settings, true);
    }
    notify.reloadSettings();
    notify.listingArrived(QDate(2026, 7, 2), 0); // nothing new: nothing to say
    notify.listingArrived(QDate(2026, 7, 2), 12);
    QTRY_COMPARE(sent.size(), 1);
    QCOMPARE(m_fake->calls.size(), 1);
    QCOMPARE(sent.first().first().value<Notice>().kind, Notice::Kind::Listing);
}

void TestNotifications::noServiceIsAFailureNotAHang()
{
    cleanup(); // the service leaves the bus
    m_dir = std::make_unique<QTemporaryDir>();
    DesktopNotifier notifier(QDBusConnection::connectToBus(m_address, QStringLiteral("client4")),
                             nullptr);
    QVERIFY(!notifier.isAvailable());
    QSignalSpy failed(&notifier, &DesktopNotifier::failed);
    notifier.show(listingNotice(QDate(2026, 7, 2), 12));
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(!failed.first().first().toString().isEmpty());

    DesktopNotifier nowhere(QDBusConnection(QStringLiteral("not-connected")), nullptr);
    QVERIFY(!nowhere.isAvailable());
    QSignalSpy failedToo(&nowhere, &DesktopNotifier::failed);
    nowhere.show(listingNotice(QDate(2026, 7, 2), 12));
    QCOMPARE(failedToo.size(), 1);
    init(); // for cleanup()
}

void TestNotifications::trayBadgeShowsTheUnreadCount()
{
    QPixmap plain(64, 64);
    plain.fill(Qt::blue);
    const QIcon base(plain);
    QCOMPARE(UnreadTray::badged(base, 0).pixmap(64).toImage(), base.pixmap(64).toImage());
    const QImage seven = UnreadTray::badged(base, 7).pixmap(64).toImage();
    const QImage many = UnreadTray::badged(base, 1234).pixmap(64).toImage();
    QVERIFY(seven != base.pixmap(64).toImage());
    QVERIFY(seven != many);
    // The badge sits in the lower right corner; the upper left stays the icon.
    QCOMPARE(QColor(seven.pixel(4, 4)), QColor(Qt::blue));
    QVERIFY(QColor(seven.pixel(56, 48)) != QColor(Qt::blue));

    UnreadTray tray;
    QCOMPARE(tray.toolTip(), QStringLiteral("Paperboy"));
    tray.setUnread(12);
    QCOMPARE(tray.toolTip(), QStringLiteral("Paperboy: 12 unread papers"));
    // The test platform has no tray: wanting the icon creates nothing, and a notice has no
    // balloon to go to.
    tray.setWanted(true);
    QCOMPARE(tray.isShown(), QSystemTrayIcon::isSystemTrayAvailable());
    if (!tray.isShown())
        QVERIFY(!tray.showNotice(listingNotice(QDate(2026, 7, 2), 1)));

    // The window's tray follows the sidebar's unread count.
    auto window = gui_test::openWindow(m_db);
    auto *notify = window->findChild<NotifyController *>();
    QVERIFY(notify);
    QTRY_COMPARE(notify->tray()->unread(), 3);
}

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
