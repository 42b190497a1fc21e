// The first-run welcome: shown once per user, never when opted out, and its buttons drive the
// window's own Preferences and Fetch actions.

#include "gui_fixtures.h"
#include "gui_window.h"

#include "preferences/preference_keys.h"
#include "preferences/preferences_dialog.h"
#include "window/welcome_dialog.h"

#include <QAction>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace paperboy;

class TestPreferencesWelcome : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void shownOnlyOnce();
    void optOutLeavesSettingsAlone();
    void categoriesButtonOpensPreferences();
    void fetchButtonFollowsTheAction();

private:
    QPushButton *welcomeButton(const char *name)
    {
        auto *dialog = m_window->findChild<WelcomeDialog *>(QStringLiteral("welcomeDialog"));
        return dialog ? dialog->findChild<QPushButton *>(QLatin1String(name)) : nullptr;
    }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestPreferencesWelcome::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_preferences_welcome"));
    gui_test::useSettingsIn(m_settingsDir.path());
}

void TestPreferencesWelcome::init()
{
    gui_test::clearSettings();
    qunsetenv("PAPERBOY_NO_WELCOME");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString db = m_dir->filePath(QStringLiteral("library.sqlite"));
    QVERIFY(gui_test::importInto(db, gui_test::foundingDigestPath()));
    m_window = gui_test::openWindow(db);
}

void TestPreferencesWelcome::cleanup()
{
    m_window.reset();
    qunsetenv("PAPERBOY_NO_WELCOME");
}

void TestPreferencesWelcome::shownOnlyOnce()
{
    // The window alone never shows it (tests and embedders stay undisturbed).
    QVERIFY(!m_window->findChild<WelcomeDialog *>());
    QPointer<WelcomeDialog> welcome = WelcomeDialog::showOnce(m_window.get());
    QVERIFY(welcome);
    QCOMPARE(welcome->objectName(), QStringLiteral("welcomeDialog"));
    QVERIFY(welcome->isVisible());
    QVERIFY(!welcome->isModal());
    QVERIFY(settings::welcomeShown.value(QSettings()));
    QVERIFY(!WelcomeDialog::showOnce(m_window.get()));

    QTest::mouseClick(welcomeButton("welcomeCloseButton"), Qt::LeftButton);
    QTRY_VERIFY(!welcome); // deletes itself
    QVERIFY(!WelcomeDialog::showOnce(m_window.get()));
}

void TestPreferencesWelcome::optOutLeavesSettingsAlone()
{
    qputenv("PAPERBOY_NO_WELCOME", "1");
    QVERIFY(!WelcomeDialog::showOnce(m_window.get()));
    QVERIFY(!QSettings().contains(settings::welcomeShown.name()));
    qputenv("PAPERBOY_NO_WELCOME", "0");
    QVERIFY(WelcomeDialog::showOnce(m_window.get()));
}

void TestPreferencesWelcome::categoriesButtonOpensPreferences()
{
    QPointer<WelcomeDialog> welcome = WelcomeDialog::showOnce(m_window.get());
    QVERIFY(welcome);
    QPushButton *choose = welcomeButton("welcomeCategoriesButton");
    QVERIFY(choose && choose->isEnabled());
    QTest::mouseClick(choose, Qt::LeftButton);
    QTRY_VERIFY(!welcome);
    auto *preferences =
        m_window->findChild<PreferencesDialog *>(QStringLiteral("preferencesDialog"));
    QVERIFY(preferences);
    QTRY_VERIFY(preferences->isVisible());
    // Categories are on the page it opens with.
    auto *categories = preferences->findChild<QWidget *>(QStringLiteral("categoriesEdit"));
    QVERIFY(categories && categories->isVisible());
}

void TestPreferencesWelcome::fetchButtonFollowsTheAction()
{
    auto *fetch = m_window->findChild<QAction *>(QStringLiteral("fetchTodayAction"));
    QVERIFY(fetch);
    // Only the click is under test: no request may leave for arXiv.
    QObject::disconnect(fetch, &QAction::triggered, nullptr, nullptr);
    QSignalSpy triggered(fetch, &QAction::triggered);

    QPointer<WelcomeDialog> welcome = WelcomeDialog::showOnce(m_window.get());
    QVERIFY(welcome);
    QPushButton *button = welcomeButton("welcomeFetchButton");
    QVERIFY(button);
    fetch->setEnabled(false);
    QVERIFY(!button->isEnabled());
    fetch->setEnabled(true);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(triggered.count(), 1);
    QTRY_VERIFY(!welcome);
}

QTEST_MAIN(TestPreferencesWelcome)
#include "tst_preferences_welcome.moc"
