// The Preferences dialog: what it shows, what OK writes to QSettings (and so to the
// FetchSettings the fetcher reads), what Cancel and bad input leave alone, the Edit menu entry
// in the real window, and the dialog in Chinese.

#include "gui_fixtures.h"
#include "gui_window.h"

#include "detail/detail_pane.h"
#include "interface_language.h"
#include "preferences/preference_keys.h"
#include "preferences/preferences_dialog.h"
#include "common/settings.h"
#include "store/database.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>

using namespace paperboy;

namespace {

template <typename T> T *child(QWidget *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning("no child named %s", name);
    return found;
}

QPushButton *button(QDialog *dialog, QDialogButtonBox::StandardButton which)
{
    return child<QDialogButtonBox>(dialog, "preferencesButtons")->button(which);
}

void selectData(QComboBox *combo, const QString &data)
{
    combo->setCurrentIndex(combo->findData(data));
}

// Brings a tab to the front, as a user would before clicking on it.
void showPage(QDialog *dialog, const char *page)
{
    child<QTabWidget>(dialog, "preferencesTabs")->setCurrentWidget(child<QWidget>(dialog, page));
}

void retype(QLineEdit *edit, const QString &text)
{
    edit->clear();
    QTest::keyClicks(edit, text);
}

} // namespace

class TestPreferences : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void showsDefaults();
    void roundTripsThroughSettings();
    void keepsFetchKeysItDoesNotShow();
    void rejectsBadCategories();
    void cancelWritesNothing();
    void restoreDefaultsKeepsTheLibraryFile();
    void libraryFilePrecedence();
    void editMenuOpensPreferences();
    void speaksChinese();

private:
    QTemporaryDir m_settingsDir;
};

void TestPreferences::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_preferences"));
    gui_test::useSettingsIn(m_settingsDir.path());
}

void TestPreferences::init()
{
    gui_test::clearSettings();
}

void TestPreferences::showsDefaults()
{
    PreferencesDialog dialog(Preferences::load(QSettings()));
    dialog.show();
    QCOMPARE(dialog.objectName(), QStringLiteral("preferencesDialog"));
    QCOMPARE(child<QLineEdit>(&dialog, "categoriesEdit")->text(),
             FetchSettings().categories.join(u' '));
    QCOMPARE(child<QComboBox>(&dialog, "abstractLanguageCombo")->currentData().toString(),
             QStringLiteral("both"));
    QCOMPARE(child<QComboBox>(&dialog, "interfaceLanguageCombo")->currentData().toString(),
             QStringLiteral("system"));
    QCOMPARE(child<QCheckBox>(&dialog, "fetchOnStartCheck")->isChecked(),
             settings::fetchOnStart.defaultValue());
    QCOMPARE(child<QCheckBox>(&dialog, "fetchDailyCheck")->isChecked(),
             settings::fetchAfterAnnouncement.defaultValue());
    // Default addresses show as placeholders, so an untouched field stays on the default.
    auto *rss = child<QLineEdit>(&dialog, "rssBaseUrlEdit");
    QVERIFY(rss->text().isEmpty());
    QCOMPARE(rss->placeholderText(), FetchSettings().rssBaseUrl);
    QVERIFY(child<QLineEdit>(&dialog, "apiUrlEdit"));
    QCOMPARE(child<QLineEdit>(&dialog, "databasePathEdit")->placeholderText(),
             Database::defaultPath());
    QCOMPARE(child<QSpinBox>(&dialog, "backupKeepSpin")->value(),
             settings::automaticBackups.defaultValue());
    QVERIFY(button(&dialog, QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(dialog.minimumWidth() >= 480);
}

void TestPreferences::roundTripsThroughSettings()
{
    PreferencesDialog dialog(Preferences::load(QSettings()));
    QSignalSpy applied(&dialog, &PreferencesDialog::applied);
    dialog.show();
    retype(child<QLineEdit>(&dialog, "categoriesEdit"), QStringLiteral("cs.CL, cs.LG  cs.CL"));
    selectData(child<QComboBox>(&dialog, "abstractLanguageCombo"), QStringLiteral("english"));
    showPage(&dialog, "fetchingPage");
    auto *onStart = child<QCheckBox>(&dialog, "fetchOnStartCheck");
    const bool wasOnStart = onStart->isChecked();
    QTest::mouseClick(onStart, Qt::LeftButton);
    QCOMPARE(onStart->isChecked(), !wasOnStart);
    retype(child<QLineEdit>(&dialog, "rssBaseUrlEdit"), QStringLiteral("http://127.0.0.1:9/rss/"));
    selectData(child<QComboBox>(&dialog, "interfaceLanguageCombo"), QStringLiteral("zh_CN"));
    retype(child<QLineEdit>(&dialog, "databasePathEdit"),
           QStringLiteral("/tmp/elsewhere/lib.sqlite"));
    retype(child<QLineEdit>(&dialog, "backupFolderEdit"), QStringLiteral("/tmp/elsewhere/backups"));
    child<QSpinBox>(&dialog, "backupKeepSpin")->setValue(3);
    QTest::mouseClick(button(&dialog, QDialogButtonBox::Ok), Qt::LeftButton);

    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(applied.count(), 1);

    const QSettings s;
    const FetchSettings fetch = settings::fetchSettings(s);
    QCOMPARE(fetch.categories, (QStringList{QStringLiteral("cs.CL"), QStringLiteral("cs.LG")}));
    QCOMPARE(fetch.rssBaseUrl, QStringLiteral("http://127.0.0.1:9/rss/"));
    QCOMPARE(fetch.apiUrl, FetchSettings().apiUrl);
    QCOMPARE(settings::abstractLanguage.value(s), AbstractLanguage::English);
    QCOMPARE(settings::fetchOnStart.value(s), !wasOnStart);
    QCOMPARE(settings::interfaceLanguage.value(s), QStringLiteral("zh_CN"));
    QCOMPARE(settings::databasePath.value(s), QStringLiteral("/tmp/elsewhere/lib.sqlite"));
    QCOMPARE(settings::automaticBackupFolder.value(s), QStringLiteral("/tmp/elsewhere/backups"));
    QCOMPARE(settings::automaticBackups.value(s), 3);

    // A new dialog reads back exactly what was saved.
    PreferencesDialog again(Preferences::load(s));
    QCOMPARE(child<QLineEdit>(&again, "categoriesEdit")->text(), QStringLiteral("cs.CL cs.LG"));
    QCOMPARE(child<QLineEdit>(&again, "rssBaseUrlEdit")->text(),
             QStringLiteral("http://127.0.0.1:9/rss/"));
    QCOMPARE(child<QComboBox>(&again, "abstractLanguageCombo")->currentData().toString(),
             QStringLiteral("english"));
    QCOMPARE(child<QComboBox>(&again, "interfaceLanguageCombo")->currentData().toString(),
             QStringLiteral("zh_CN"));
    QCOMPARE(child<QCheckBox>(&again, "fetchOnStartCheck")->isChecked(), !wasOnStart);
    QCOMPARE(child<QSpinBox>(&again, "backupKeepSpin")->value(), 3);
    QCOMPARE(again.preferences().fetch.toVariantMap(), fetch.toVariantMap());
}

void TestPreferences::keepsFetchKeysItDoesNotShow()
{
    {
        QSettings s;
        s.setValue(QStringLiteral("fetch/maxTries"), 2);
        s.setValue(QStringLiteral("fetch/apiPageSize"), 50);
    }
    PreferencesDialog dialog(Preferences::load(QSettings()));
    dialog.show();
    retype(child<QLineEdit>(&dialog, "categoriesEdit"), QStringLiteral("math.OC"));
    QTest::mouseClick(button(&dialog, QDialogButtonBox::Ok), Qt::LeftButton);
    const FetchSettings fetch = settings::fetchSettings(QSettings());
    QCOMPARE(fetch.categories, QStringList{QStringLiteral("math.OC")});
    QCOMPARE(fetch.politeness.maxTries, 2);
    QCOMPARE(fetch.apiPageSize, 50);
}

void TestPreferences::rejectsBadCategories()
{
    PreferencesDialog dialog(Preferences::load(QSettings()));
    dialog.show();
    auto *categories = child<QLineEdit>(&dialog, "categoriesEdit");
    auto *error = child<QLabel>(&dialog, "categoriesError");
    QPushButton *ok = button(&dialog, QDialogButtonBox::Ok);

    retype(categories, QStringLiteral("cs.CV cs/CL"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("cs/CL")));
    dialog.accept(); // Enter while OK is disabled: nothing happens
    QVERIFY(dialog.isVisible());

    categories->clear();
    QVERIFY(!ok->isEnabled());
    QVERIFY(!error->text().isEmpty());

    retype(categories, QStringLiteral("astro-ph.GA q-bio.NC hep-th"));
    QVERIFY(ok->isEnabled());
    QVERIFY(!error->isVisible());
    QCOMPARE(PreferencesDialog::parseCategories(categories->text()),
             (QStringList{QStringLiteral("astro-ph.GA"), QStringLiteral("q-bio.NC"),
                          QStringLiteral("hep-th")}));
    QVERIFY(QSettings().allKeys().isEmpty());
}

void TestPreferences::cancelWritesNothing()
{
    PreferencesDialog dialog(Preferences::load(QSettings()));
    QSignalSpy applied(&dialog, &PreferencesDialog::applied);
    dialog.show();
    retype(child<QLineEdit>(&dialog, "categoriesEdit"), QStringLiteral("cs.LG"));
    child<QSpinBox>(&dialog, "backupKeepSpin")->setValue(1);
    QTest::mouseClick(button(&dialog, QDialogButtonBox::Cancel), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(applied.count(), 0);
    QVERIFY(QSettings().allKeys().isEmpty());
}

void TestPreferences::restoreDefaultsKeepsTheLibraryFile()
{
    Preferences changed;
    changed.fetch.categories = {QStringLiteral("cs.LG")};
    changed.fetch.apiUrl = QStringLiteral("http://127.0.0.1:9/api");
    changed.backupKeep = 2;
    changed.interfaceLanguage = InterfaceLanguage::English;
    changed.databasePath = QStringLiteral("/data/papers.sqlite");
    PreferencesDialog dialog(changed);
    dialog.show();
    QCOMPARE(child<QLineEdit>(&dialog, "apiUrlEdit")->text(),
             QStringLiteral("http://127.0.0.1:9/api"));
    QTest::mouseClick(child<QPushButton>(&dialog, "restoreDefaultsButton"), Qt::LeftButton);
    const Preferences now = dialog.preferences();
    QCOMPARE(now.fetch.categories, FetchSettings().categories);
    QCOMPARE(now.fetch.apiUrl, FetchSettings().apiUrl);
    QCOMPARE(now.backupKeep, Preferences().backupKeep);
    QCOMPARE(now.interfaceLanguage, InterfaceLanguage::System);
    QCOMPARE(now.databasePath, QStringLiteral("/data/papers.sqlite"));
}

void TestPreferences::libraryFilePrecedence()
{
    QSettings s;
    QCOMPARE(resolveDatabasePath({}, s), Database::defaultPath());
    settings::databasePath.setValue(s, QStringLiteral("/from/preferences.sqlite"));
    QCOMPARE(resolveDatabasePath({}, s), QStringLiteral("/from/preferences.sqlite"));
    QCOMPARE(resolveDatabasePath(QStringLiteral("/from/--db.sqlite"), s),
             QStringLiteral("/from/--db.sqlite"));
}

void TestPreferences::editMenuOpensPreferences()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("library.sqlite"));
    QVERIFY(gui_test::importInto(db, gui_test::foundingDigestPath()));
    auto window = gui_test::openWindow(db);

    // Edit comes right after File and holds Preferences… with Ctrl+,.
    const QList<QAction *> menus = window->menuBar()->actions();
    QVERIFY(menus.size() > 2);
    QCOMPARE(menus.at(0)->menu()->objectName(), QStringLiteral("fileMenu"));
    QMenu *edit = menus.at(1)->menu();
    QCOMPARE(edit->objectName(), QStringLiteral("editMenu"));
    auto *action = window->findChild<QAction *>(QStringLiteral("preferencesAction"));
    QVERIFY(action);
    QVERIFY(edit->actions().contains(action));
    QVERIFY(action->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));

    QTest::keyClick(window.get(), Qt::Key_Comma, Qt::ControlModifier);
    PreferencesDialog *dialog = nullptr;
    QTRY_VERIFY(
        (dialog = window->findChild<PreferencesDialog *>(QStringLiteral("preferencesDialog"))) &&
        dialog->isVisible());
    // A second trigger brings back the same dialog rather than stacking another.
    action->trigger();
    QCOMPARE(window->findChildren<PreferencesDialog *>().size(), 1);

    QCOMPARE(window->detailPane()->abstractLanguage(), AbstractLanguage::Both);
    selectData(child<QComboBox>(dialog, "abstractLanguageCombo"), QStringLiteral("chinese"));
    QTest::mouseClick(button(dialog, QDialogButtonBox::Ok), Qt::LeftButton);
    // Applied to the open window at once, not only on the next start.
    QCOMPARE(window->detailPane()->abstractLanguage(), AbstractLanguage::Chinese);
    QCOMPARE(settings::abstractLanguage.value(QSettings()), AbstractLanguage::Chinese);
}

void TestPreferences::speaksChinese()
{
    const LoadedTranslations loaded =
        installTranslations(qApp, interfaceLocale(InterfaceLanguage::SimplifiedChinese));
    QCOMPARE(loaded.paperboy, QStringLiteral(":/i18n/paperboy_zh_CN.qm"));
    QVERIFY2(loaded.qtbase.endsWith(QStringLiteral("qtbase_zh_CN.qm")),
             "Qt's own translations missing: install qt6-translations-l10n");
    {
        PreferencesDialog dialog{Preferences()};
        QCOMPARE(dialog.windowTitle(), QStringLiteral("首选项"));
        // Qt's standard buttons come from qtbase_zh_CN.
        QVERIFY2(button(&dialog, QDialogButtonBox::Ok)->text().contains(QStringLiteral("确定")),
                 qPrintable(button(&dialog, QDialogButtonBox::Ok)->text()));
    }
    removeTranslations(qApp);
    PreferencesDialog dialog{Preferences()};
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Preferences"));

    // The system language of the tests (C) loads no translation at all.
    QVERIFY(installTranslations(qApp, QLocale::c()).paperboy.isEmpty());
    removeTranslations(qApp);
    // English, and any language without its own translation, gets the English plural forms
    // and Qt's standard buttons stay English.
    for (const QLocale &locale : {interfaceLocale(InterfaceLanguage::English),
                                  QLocale(QLocale::German, QLocale::Germany)}) {
        const LoadedTranslations english = installTranslations(qApp, locale);
        QCOMPARE(english.paperboy, QStringLiteral(":/i18n/paperboy_en.qm"));
        QVERIFY2(english.qtbase.isEmpty() || english.qtbase.endsWith(QStringLiteral("_en.qm")),
                 qPrintable(english.qtbase));
        QCOMPARE(
            QCoreApplication::translate("paperboy::MainWindow", "%n days of digests.", nullptr, 1),
            QStringLiteral("1 day of digests."));
        QCOMPARE(
            QCoreApplication::translate("paperboy::MainWindow", "%n days of digests.", nullptr, 3),
            QStringLiteral("3 days of digests."));
        removeTranslations(qApp);
    }
    QLocale::setDefault(QLocale::c());
}

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
