#include "sync/window_sync.h"

#include "sync/sync_service.h"
#include "sync/sync_settings.h"
#include "translate/secret_store.h"
#include "window/reader_actions.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QSettings>

namespace paperboy {

WindowSync::WindowSync(QMainWindow *window, const QString &databasePath)
    : QObject(window), m_window(window), m_service(new SyncService(databasePath, this)),
      m_syncNow(new QAction(tr("S&ync Now"), window))
{
    m_syncNow->setObjectName(QStringLiteral("syncNowAction"));
    m_syncNow->setToolTip(withoutAccelerator(m_syncNow->text())); // as the reader's actions
    m_syncNow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
    m_syncNow->setEnabled(false);
    window->addAction(m_syncNow);
    if (auto *file = window->menuBar()->findChild<QMenu *>(QStringLiteral("fileMenu"))) {
        auto *exportAction = window->findChild<QAction *>(QStringLiteral("exportAction"));
        file->insertAction(exportAction, m_syncNow);
    }
    connect(m_syncNow, &QAction::triggered, m_service, &SyncService::syncNow);
    connect(m_service, &SyncService::roundStarted, this,
            [this] { showText(tr("Syncing with the server…")); });
    connect(m_service, &SyncService::roundFinished, this, &WindowSync::showOutcome);
    connect(m_service, &SyncService::configurationFailed, this,
            [this](const QString &error) { showText(tr("Sync is off: %1").arg(error)); });
    reloadSettings();
}

void WindowSync::reloadSettings()
{
    const QSettings settings;
    const QString url = settings::syncServerUrl.value(settings);
    const int minutes = settings::syncIntervalMinutes.value(settings);
    m_syncNow->setEnabled(!url.trimmed().isEmpty());
    translate::SecretStore *store = translate::secretStore();
    if (url.trimmed().isEmpty() || !store) {
        m_service->configure(url, {}, minutes);
        return;
    }
    QPointer<SyncService> service(m_service);
    store->read(kSyncPasswordName, this,
                [service, url, minutes](const QString &password, const QString &) {
                    // Without a stored password libpq still tries PGPASSWORD and ~/.pgpass.
                    if (service)
                        service->configure(url, password, minutes);
                });
}

void WindowSync::showOutcome(const SyncOutcome &outcome)
{
    if (!outcome.ok) {
        showText(tr("Sync failed: %1").arg(outcome.error));
        return;
    }
    QString text =
        tr("Synced with %1: %n change sent", nullptr, outcome.pushed).arg(outcome.server);
    text += tr(", %n change received", nullptr, outcome.pulled);
    if (outcome.conflicts > 0)
        text += tr(", %n item edited on both sides (the newer kept; notes keep both texts)",
                   nullptr, outcome.conflicts);
    showText(text);
}

void WindowSync::showText(const QString &text)
{
    if (auto *status = m_window->findChild<QLabel *>(QStringLiteral("statusMessage")))
        status->setText(text);
}

} // namespace paperboy
