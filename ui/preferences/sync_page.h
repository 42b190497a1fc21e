#pragma once

// Preferences > Sync (issue #20): the PostgreSQL server this library syncs with, its password
// (to the desktop's secret store, never the settings file; a password written into the URL
// is moved there too) and the minutes between rounds.

#include <QWidget>

class QLabel;
class QLineEdit;
class QSettings;
class QSpinBox;

namespace paperboy {

class SyncPage : public QWidget
{
    Q_OBJECT
public:
    explicit SyncPage(QWidget *parent = nullptr);

    void load(const QSettings &settings);
    // Writes the settings; a password goes to the secret store (asynchronously: a failure is
    // reported to `reportTo`, which outlives the dialog).
    void save(QSettings &settings, QWidget *reportTo) const;
    void restoreDefaults();

private:
    QLineEdit *m_url = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_passwordNote = nullptr;
    QSpinBox *m_minutes = nullptr;
};

} // namespace paperboy
