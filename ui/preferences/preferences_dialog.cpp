#include "preferences/preferences_dialog.h"

#include "backup/auto_backup.h"
#include "common/palette_colors.h"
#include "preferences/pdf_page.h"
#include "preferences/sync_page.h"
#include "preferences/translation_page.h"
#include "store/database.h"
#include "window/reader_actions.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QVBoxLayout>

namespace paperboy {

namespace {

// The FetchSettings text keys the dialog knows by name, in the order shown. Any other text key
// FetchSettings gains is shown too, under its key, so a new source is never hidden.
// (lupdate reads QT_TRANSLATE_NOOP literally: no shorter macro around it.)
struct SourceField
{
    const char *key;
    const char *label;
    const char *toolTip;
};

const SourceField kSourceFields[] = {
    {"rssBaseUrl", QT_TRANSLATE_NOOP("paperboy::PreferencesDialog", "arXiv RSS feeds:"),
     QT_TRANSLATE_NOOP("paperboy::PreferencesDialog", "The categories are appended, joined by +")},
    {"apiUrl", QT_TRANSLATE_NOOP("paperboy::PreferencesDialog", "arXiv API:"),
     QT_TRANSLATE_NOOP("paperboy::PreferencesDialog", "Past days and paper details")},
    {"hfUrl", QT_TRANSLATE_NOOP("paperboy::PreferencesDialog", "Hugging Face daily papers:"),
     QT_TRANSLATE_NOOP("paperboy::PreferencesDialog", "The day is added as ?date=YYYY-MM-DD")},
    {"digestUrlTemplate",
     QT_TRANSLATE_NOOP("paperboy::PreferencesDialog", "Digest address template:"),
     QT_TRANSLATE_NOOP("paperboy::PreferencesDialog",
                       "{date} becomes the day (YYYY-MM-DD), {lang} the digest language")},
    {"digestLanguage", QT_TRANSLATE_NOOP("paperboy::PreferencesDialog", "Digest language:"),
     QT_TRANSLATE_NOOP("paperboy::PreferencesDialog",
                       "As the digest files spell it: Chinese or English")},
};

QLabel *noteLabel(const QString &text, const char *objectName)
{
    auto *label = new QLabel(text);
    label->setObjectName(QLatin1String(objectName));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, secondaryTextColor(palette));
    label->setPalette(palette);
    return label;
}

QLineEdit *lineEdit(const char *objectName, const QString &placeholder = {})
{
    auto *edit = new QLineEdit;
    edit->setObjectName(QLatin1String(objectName));
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

// A line edit with a Browse… button beside it.
QWidget *withBrowse(QLineEdit *edit, QPushButton *button)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return row;
}

void selectData(QComboBox *combo, const QVariant &data)
{
    const int index = combo->findData(data);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

} // namespace

PreferencesDialog::PreferencesDialog(const Preferences &preferences, QWidget *parent)
    : QDialog(parent), m_initial(preferences)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    setMinimumWidth(520);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("preferencesTabs"));
    m_tabs->addTab(buildPapersPage(), tr("Papers"));
    m_tabs->addTab(buildFetchingPage(), tr("Fetching"));
    m_tabs->addTab(buildInterfacePage(), tr("Interface"));
    m_tabs->addTab(buildLibraryPage(), tr("Library"));
    m_translation = new TranslationPage;
    m_translation->load(QSettings());
    m_tabs->addTab(m_translation, tr("Translation"));
    m_sync = new SyncPage;
    m_sync->load(QSettings());
    m_tabs->addTab(m_sync, tr("Sync"));
    m_pdfs = new PdfPage;
    m_pdfs->load(QSettings());
    m_tabs->addTab(m_pdfs, tr("PDFs"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                     QDialogButtonBox::RestoreDefaults);
    m_buttons->setObjectName(QStringLiteral("preferencesButtons"));
    m_buttons->button(QDialogButtonBox::RestoreDefaults)
        ->setObjectName(QStringLiteral("restoreDefaultsButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] {
                // The library file stays: a default one would be an empty library.
                Preferences defaults;
                defaults.databasePath = m_databasePath->text();
                setPreferences(defaults);
                m_translation->restoreDefaults();
                m_sync->restoreDefaults();
                m_pdfs->restoreDefaults();
            });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_buttons);

    setPreferences(preferences);
}

QWidget *PreferencesDialog::buildPapersPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("papersPage"));
    auto *form = new QFormLayout(page);

    m_categories = lineEdit("categoriesEdit", tr("for example: cs.CV cs.CL"));
    m_categories->setToolTip(tr("The arXiv categories whose new papers are fetched each day"));
    m_categoriesError = noteLabel({}, "categoriesError");
    QPalette errorPalette = m_categoriesError->palette();
    errorPalette.setColor(QPalette::WindowText, warningTextColor(errorPalette));
    m_categoriesError->setPalette(errorPalette);
    connect(m_categories, &QLineEdit::textChanged, this, &PreferencesDialog::validate);
    form->addRow(tr("Categories to follow:"), m_categories);
    form->addRow(QString(), noteLabel(tr("arXiv category names separated by spaces, such as "
                                         "cs.CV, cs.CL, math.OC or astro-ph.GA."),
                                      "categoriesHint"));
    form->addRow(QString(), m_categoriesError);

    m_abstractLanguage = new QComboBox;
    m_abstractLanguage->setObjectName(QStringLiteral("abstractLanguageCombo"));
    m_abstractLanguage->addItem(tr("English and Chinese"),
                                abstractLanguageName(AbstractLanguage::Both));
    m_abstractLanguage->addItem(tr("English"), abstractLanguageName(AbstractLanguage::English));
    m_abstractLanguage->addItem(tr("Chinese"), abstractLanguageName(AbstractLanguage::Chinese));
    form->addRow(tr("Abstracts in:"), m_abstractLanguage);
    return page;
}

QWidget *PreferencesDialog::buildFetchingPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("fetchingPage"));
    auto *layout = new QVBoxLayout(page);

    auto *schedule = new QGroupBox(tr("When to fetch"));
    auto *scheduleLayout = new QVBoxLayout(schedule);
    m_fetchOnStart = new QCheckBox(tr("Fetch new papers when Paperboy starts"));
    m_fetchOnStart->setObjectName(QStringLiteral("fetchOnStartCheck"));
    m_fetchDaily = new QCheckBox(
        tr("Fetch every day after arXiv announces new papers (20:00 US Eastern time)"));
    m_fetchDaily->setObjectName(QStringLiteral("fetchDailyCheck"));
    scheduleLayout->addWidget(m_fetchOnStart);
    scheduleLayout->addWidget(m_fetchDaily);
    layout->addWidget(schedule);

    auto *tell = new QGroupBox(tr("Notifications"));
    auto *tellLayout = new QVBoxLayout(tell);
    m_notifyListing = new QCheckBox(tr("Tell me when today's listing has arrived"));
    m_notifyListing->setObjectName(QStringLiteral("notifyListingCheck"));
    m_notifyVersions = new QCheckBox(tr("Tell me when a starred paper has a new version"));
    m_notifyVersions->setObjectName(QStringLiteral("notifyVersionsCheck"));
    m_notifyCodeLinks =
        new QCheckBox(tr("Tell me when a paper I starred, noted or tagged gets a code link"));
    m_notifyCodeLinks->setObjectName(QStringLiteral("notifyCodeLinksCheck"));
    m_trayIcon = new QCheckBox(tr("Show an icon with the number of unread papers in the "
                                  "system tray"));
    m_trayIcon->setObjectName(QStringLiteral("trayIconCheck"));
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        m_trayIcon->setToolTip(tr("This desktop has no system tray at the moment"));
    tellLayout->addWidget(m_notifyListing);
    tellLayout->addWidget(m_notifyVersions);
    tellLayout->addWidget(m_notifyCodeLinks);
    tellLayout->addWidget(m_trayIcon);
    layout->addWidget(tell);

    auto *sources = new QGroupBox(tr("Sources"));
    auto *form = new QFormLayout(sources);
    const QVariantMap defaults = FetchSettings().toVariantMap();
    QStringList keys;
    for (const SourceField &field : kSourceFields)
        keys.append(QLatin1String(field.key));
    for (auto it = defaults.cbegin(); it != defaults.cend(); ++it)
        if (it.value().typeId() == QMetaType::QString && !keys.contains(it.key()))
            keys.append(it.key());
    for (const QString &key : std::as_const(keys)) {
        if (!defaults.contains(key) || defaults.value(key).typeId() != QMetaType::QString)
            continue;
        QString label = key + u':';
        QString toolTip;
        for (const SourceField &field : kSourceFields) {
            if (key == QLatin1String(field.key)) {
                label = tr(field.label);
                toolTip = tr(field.toolTip);
            }
        }
        auto *edit = new QLineEdit;
        edit->setToolTip(toolTip);
        edit->setObjectName(key + QStringLiteral("Edit"));
        edit->setPlaceholderText(defaults.value(key).toString());
        form->addRow(label, edit);
        m_sources.insert(key, edit);
    }
    form->addRow(QString(), noteLabel(tr("Leave a field empty to use the address shown in it."),
                                      "sourcesHint"));
    layout->addWidget(sources);
    layout->addStretch(1);
    return page;
}

QWidget *PreferencesDialog::buildInterfacePage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("interfacePage"));
    auto *form = new QFormLayout(page);
    m_interfaceLanguage = new QComboBox;
    m_interfaceLanguage->setObjectName(QStringLiteral("interfaceLanguageCombo"));
    m_interfaceLanguage->addItem(tr("System (%1)").arg(QLocale::system().nativeLanguageName()),
                                 interfaceLanguageName(InterfaceLanguage::System));
    // Each language in its own words, so it can be found whatever the interface speaks.
    m_interfaceLanguage->addItem(QStringLiteral("English"),
                                 interfaceLanguageName(InterfaceLanguage::English));
    m_interfaceLanguage->addItem(QStringLiteral("简体中文"),
                                 interfaceLanguageName(InterfaceLanguage::SimplifiedChinese));
    form->addRow(tr("Interface language:"), m_interfaceLanguage);
    form->addRow(QString(),
                 noteLabel(tr("Takes effect when Paperboy restarts."), "languageRestartNote"));
    return page;
}

QWidget *PreferencesDialog::buildLibraryPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("libraryPage"));
    auto *layout = new QVBoxLayout(page);

    auto *library = new QGroupBox(tr("Library file"));
    auto *libraryForm = new QFormLayout(library);
    m_databasePath = lineEdit("databasePathEdit", Database::defaultPath());
    auto *browseDatabase = new QPushButton(tr("Browse…"));
    browseDatabase->setObjectName(QStringLiteral("databaseBrowseButton"));
    connect(browseDatabase, &QPushButton::clicked, this, [this] {
        const QString current =
            m_databasePath->text().isEmpty() ? Database::defaultPath() : m_databasePath->text();
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Library File"), current,
                                         tr("Paperboy library (*.sqlite *.db);;All files (*)"),
                                         nullptr, QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            m_databasePath->setText(path);
    });
    libraryForm->addRow(tr("File:"), withBrowse(m_databasePath, browseDatabase));
    libraryForm->addRow(QString(), noteLabel(tr("Takes effect when Paperboy restarts. A new "
                                                "file starts as an empty library."),
                                             "databaseRestartNote"));
    layout->addWidget(library);

    auto *backups = new QGroupBox(tr("Automatic backups of stars, notes and tags"));
    auto *backupForm = new QFormLayout(backups);
    m_backupFolder = lineEdit("backupFolderEdit", defaultBackupFolder());
    auto *browseBackups = new QPushButton(tr("Browse…"));
    browseBackups->setObjectName(QStringLiteral("backupBrowseButton"));
    connect(browseBackups, &QPushButton::clicked, this, [this] {
        const QString current =
            m_backupFolder->text().isEmpty() ? defaultBackupFolder() : m_backupFolder->text();
        const QString folder =
            QFileDialog::getExistingDirectory(this, tr("Backup Folder"), current);
        if (!folder.isEmpty())
            m_backupFolder->setText(folder);
    });
    backupForm->addRow(tr("Folder:"), withBrowse(m_backupFolder, browseBackups));
    m_backupKeep = new QSpinBox;
    m_backupKeep->setObjectName(QStringLiteral("backupKeepSpin"));
    m_backupKeep->setRange(0, 365);
    m_backupKeep->setSpecialValueText(tr("None"));
    backupForm->addRow(tr("Daily backups to keep:"), m_backupKeep);
    layout->addWidget(backups);
    layout->addStretch(1);
    return page;
}

QStringList PreferencesDialog::parseCategories(const QString &text, QStringList *invalid)
{
    // "cs.CV", "math.AG", "astro-ph", "astro-ph.CO", "q-bio.NC"
    static const QRegularExpression category(
        QStringLiteral("^[a-z][a-z-]*(\\.[A-Za-z][A-Za-z-]*)?$"));
    static const QRegularExpression separators(QStringLiteral("[\\s,;+]+"));
    QStringList categories;
    for (const QString &word : text.split(separators, Qt::SkipEmptyParts)) {
        if (!category.match(word).hasMatch()) {
            if (invalid)
                invalid->append(word);
        } else if (!categories.contains(word)) {
            categories.append(word);
        }
    }
    return categories;
}

void PreferencesDialog::validate()
{
    QStringList invalid;
    const QStringList categories = parseCategories(m_categories->text(), &invalid);
    QString error;
    if (!invalid.isEmpty())
        error = tr("Not an arXiv category: %1").arg(invalid.join(QStringLiteral(", ")));
    else if (categories.isEmpty())
        error = tr("Follow at least one category.");
    m_categoriesError->setText(error);
    m_categoriesError->setVisible(!error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

void PreferencesDialog::setPreferences(const Preferences &p)
{
    m_categories->setText(p.fetch.categories.join(u' '));
    selectData(m_abstractLanguage, abstractLanguageName(p.abstractLanguage));
    m_fetchOnStart->setChecked(p.fetchOnStart);
    m_fetchDaily->setChecked(p.fetchAfterAnnouncement);
    m_notifyListing->setChecked(p.notifyListing);
    m_notifyVersions->setChecked(p.notifyStarredVersions);
    m_notifyCodeLinks->setChecked(p.notifyCodeLinks);
    m_trayIcon->setChecked(p.trayIcon);
    const QVariantMap fetch = p.fetch.toVariantMap();
    const QVariantMap defaults = FetchSettings().toVariantMap();
    for (auto it = m_sources.cbegin(); it != m_sources.cend(); ++it) {
        // A default value shows as the placeholder, so the field reads "not changed".
        const QString value = fetch.value(it.key()).toString();
        it.value()->setText(value == defaults.value(it.key()).toString() ? QString() : value);
    }
    selectData(m_interfaceLanguage, interfaceLanguageName(p.interfaceLanguage));
    m_databasePath->setText(p.databasePath);
    m_backupFolder->setText(p.backupFolder);
    m_backupKeep->setValue(p.backupKeep);
    validate();
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p = m_initial;
    QVariantMap fetch = m_initial.fetch.toVariantMap();
    fetch.insert(QStringLiteral("categories"), parseCategories(m_categories->text()));
    const QVariantMap defaults = FetchSettings().toVariantMap();
    for (auto it = m_sources.cbegin(); it != m_sources.cend(); ++it) {
        const QString text = it.value()->text().trimmed();
        fetch.insert(it.key(), text.isEmpty() ? defaults.value(it.key()) : QVariant(text));
    }
    p.fetch = FetchSettings::fromVariantMap(fetch);
    p.abstractLanguage = abstractLanguageFromName(m_abstractLanguage->currentData().toString(),
                                                  AbstractLanguage::Both);
    p.fetchOnStart = m_fetchOnStart->isChecked();
    p.fetchAfterAnnouncement = m_fetchDaily->isChecked();
    p.notifyListing = m_notifyListing->isChecked();
    p.notifyStarredVersions = m_notifyVersions->isChecked();
    p.notifyCodeLinks = m_notifyCodeLinks->isChecked();
    p.trayIcon = m_trayIcon->isChecked();
    p.interfaceLanguage = interfaceLanguageFromName(m_interfaceLanguage->currentData().toString());
    p.databasePath = m_databasePath->text().trimmed();
    p.backupFolder = m_backupFolder->text().trimmed();
    p.backupKeep = m_backupKeep->value();
    return p;
}

void PreferencesDialog::accept()
{
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    const Preferences p = preferences();
    QSettings settings;
    p.save(settings);
    m_translation->save(settings, parentWidget());
    m_sync->save(settings, parentWidget());
    m_pdfs->save(settings);
    settings.sync();
    m_initial = p;
    QDialog::accept();
    emit applied(p);
}

QAction *addPreferencesMenu(QMainWindow *window, std::function<void(const Preferences &)> applied)
{
    auto *action = new QAction(PreferencesDialog::tr("&Preferences…"), window);
    action->setObjectName(QStringLiteral("preferencesAction"));
    action->setToolTip(withoutAccelerator(action->text()).remove(QChar(0x2026)));
    QList<QKeySequence> keys{QKeySequence(Qt::CTRL | Qt::Key_Comma)};
    const QKeySequence platform(QKeySequence::Preferences);
    if (!platform.isEmpty() && platform != keys.first())
        keys.append(platform);
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WindowShortcut);
    action->setMenuRole(QAction::PreferencesRole);
    window->addAction(action);

    QMenuBar *bar = window->menuBar();
    auto *edit = bar->findChild<QMenu *>(QStringLiteral("editMenu"));
    if (!edit) {
        edit = new QMenu(PreferencesDialog::tr("&Edit"), bar);
        edit->setObjectName(QStringLiteral("editMenu"));
        // Where desktops put it: right after File.
        const QList<QAction *> menus = bar->actions();
        bar->insertMenu(menus.size() > 1 ? menus.at(1) : nullptr, edit);
    }
    edit->addAction(action);

    QObject::connect(action, &QAction::triggered, window, [window, applied = std::move(applied)] {
        auto *dialog = window->findChild<PreferencesDialog *>(QStringLiteral("preferencesDialog"));
        if (!dialog) {
            dialog = new PreferencesDialog(Preferences::load(QSettings()), window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            if (applied)
                QObject::connect(dialog, &PreferencesDialog::applied, window, applied);
        }
        dialog->open();
        dialog->raise();
        dialog->activateWindow();
    });
    return action;
}

} // namespace paperboy
