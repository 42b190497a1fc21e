#pragma once

// Edit > Preferences: categories to follow, when to fetch and from where, the abstract and
// interface languages, the library file and backups, the translation service. OK writes them to
// QSettings; the window applies what it can at once, the rest (language, library file) on the next
// start.

#include "preferences/preference_keys.h"

#include <QDialog>
#include <QMap>

#include <functional>

class QAction;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QMainWindow;
class QSpinBox;
class QTabWidget;

namespace paperboy {

class PdfPage;
class SyncPage;
class TranslationPage;

class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(const Preferences &preferences, QWidget *parent = nullptr);

    // What the widgets say now; FetchSettings keys the dialog does not show keep their values.
    Preferences preferences() const;
    void setPreferences(const Preferences &preferences);

    // Arxiv category names from free text ("cs.CV, cs.CL cs.LG"); `invalid` gets the rest.
    static QStringList parseCategories(const QString &text, QStringList *invalid = nullptr);

signals:
    // After OK has saved the preferences.
    void applied(const paperboy::Preferences &preferences);

public slots:
    void accept() override;

private:
    QWidget *buildPapersPage();
    QWidget *buildFetchingPage();
    QWidget *buildInterfacePage();
    QWidget *buildLibraryPage();
    void validate();

    Preferences m_initial;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_categories = nullptr;
    QLabel *m_categoriesError = nullptr;
    QComboBox *m_abstractLanguage = nullptr;
    QCheckBox *m_fetchOnStart = nullptr;
    QCheckBox *m_fetchDaily = nullptr;
    QCheckBox *m_notifyListing = nullptr;
    QCheckBox *m_notifyVersions = nullptr;
    QCheckBox *m_notifyCodeLinks = nullptr;
    QCheckBox *m_trayIcon = nullptr;
    QMap<QString, QLineEdit *> m_sources; // FetchSettings key -> its edit
    QComboBox *m_interfaceLanguage = nullptr;
    QLineEdit *m_databasePath = nullptr;
    QLineEdit *m_backupFolder = nullptr;
    QSpinBox *m_backupKeep = nullptr;
    TranslationPage *m_translation = nullptr; // keeps its own settings and the key
    SyncPage *m_sync = nullptr;               // the same, for the sync server's password
    PdfPage *m_pdfs = nullptr;                // kept PDFs (issue #21)
    QDialogButtonBox *m_buttons = nullptr;
};

// Adds Edit > Preferences… (Ctrl+,) to `window`. `applied` runs after OK saved the changes.
QAction *addPreferencesMenu(QMainWindow *window, std::function<void(const Preferences &)> applied);

} // namespace paperboy
