#include "preferences/sync_page.h"

#include "common/palette_colors.h"
#include "sync/sync_settings.h"
#include "translate/secret_store.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QSpinBox>
#include <QUrl>

namespace paperboy {

SyncPage::SyncPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("syncPage"));
    auto *form = new QFormLayout(this);
    m_url = new QLineEdit;
    m_url->setObjectName(QStringLiteral("syncServerUrlEdit"));
    m_url->setClearButtonEnabled(true);
    m_url->setPlaceholderText(QStringLiteral("postgresql://alice@db.example.org/paperboy"));
    m_url->setToolTip(tr("Empty: no sync. Options follow '?', for example "
                         "?sslmode=verify-full"));
    form->addRow(tr("Server:"), m_url);
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("syncPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Password:"), m_password);
    m_passwordNote = new QLabel;
    m_passwordNote->setObjectName(QStringLiteral("syncPasswordNote"));
    m_passwordNote->setWordWrap(true);
    QPalette palette = m_passwordNote->palette();
    palette.setColor(QPalette::WindowText, secondaryTextColor(palette));
    m_passwordNote->setPalette(palette);
    m_passwordNote->setText(
        translate::secretStore()
            ? tr("Kept in the desktop's secret store. Left empty, the stored one (or "
                 "PGPASSWORD, ~/.pgpass) is used.")
            : tr("No secret store on this desktop: set PGPASSWORD or use ~/.pgpass."));
    m_password->setEnabled(translate::secretStore() != nullptr);
    form->addRow(QString(), m_passwordNote);
    m_minutes = new QSpinBox;
    m_minutes->setObjectName(QStringLiteral("syncIntervalSpin"));
    m_minutes->setRange(0, 24 * 60);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setSpecialValueText(tr("Only at start, close and Sync Now"));
    form->addRow(tr("Sync every:"), m_minutes);
}

void SyncPage::load(const QSettings &settings)
{
    m_url->setText(settings::syncServerUrl.value(settings));
    m_minutes->setValue(settings::syncIntervalMinutes.value(settings));
    m_password->clear();
}

void SyncPage::restoreDefaults()
{
    m_url->clear();
    m_password->clear();
    m_minutes->setValue(settings::syncIntervalMinutes.defaultValue());
}

void SyncPage::save(QSettings &settings, QWidget *reportTo) const
{
    QString url = m_url->text().trimmed();
    QString password = m_password->text();
    translate::SecretStore *store = translate::secretStore();
    // A password typed into the URL would end up in the settings file: it moves to the
    // secret store when there is one.
    QUrl parsed(url);
    if (store && parsed.isValid() && !parsed.password().isEmpty()) {
        if (password.isEmpty())
            password = parsed.password(QUrl::FullyDecoded);
        parsed.setPassword({});
        url = parsed.toString();
    }
    settings::syncServerUrl.setValue(settings, url);
    settings::syncIntervalMinutes.setValue(settings, m_minutes->value());
    if (password.isEmpty() || !store)
        return;
    QPointer<QWidget> window(reportTo);
    store->write(kSyncPasswordName, password, reportTo, [window](const QString &error) {
        if (error.isEmpty() || !window)
            return;
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Password Not Stored"),
                                    tr("The desktop's secret store did not take the sync "
                                       "password (%1). Set PGPASSWORD or use ~/.pgpass instead.")
                                        .arg(error),
                                    QMessageBox::Ok, window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

} // namespace paperboy
