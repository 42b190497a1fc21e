#pragma once

// The reader window's side of sync (issue #20): File > Sync Now (Ctrl+Shift+Y), the settings
// of Preferences > Sync with the password from the desktop's secret store, and what each
// round did in the status line ("Synced with ...: 2 sent, 3 received" or why it failed).

#include <QObject>
#include <QString>

class QAction;
class QMainWindow;

namespace paperboy {

class SyncService;
struct SyncOutcome;

class WindowSync : public QObject
{
    Q_OBJECT
public:
    WindowSync(QMainWindow *window, const QString &databasePath);

    // Reads the settings (and the password) again and starts a round when sync is on.
    void reloadSettings();
    SyncService *service() const { return m_service; }
    QAction *syncNowAction() const { return m_syncNow; }

private:
    void showOutcome(const SyncOutcome &outcome);
    void showText(const QString &text);

    QMainWindow *m_window;
    SyncService *m_service;
    QAction *m_syncNow;
};

} // namespace paperboy
