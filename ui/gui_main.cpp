#include "common/dark_style.h"
#include "common/settings.h"
#include "core/data_folder.h"
#include "interface_language.h"
#include "preferences/preference_keys.h"
#include "single_instance.h"
#include "startup_probe.h"
#include "store/database.h"
#include "window/close_on_signals.h"
#include "window/main_window.h"
#include "window/welcome_dialog.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcessEnvironment>
#include <QSettings>

namespace paperboy {

namespace {

bool envFlag(const QProcessEnvironment &env, const char *name)
{
    const QString value = env.value(QLatin1String(name));
    return !value.isEmpty() && value != QLatin1String("0");
}

} // namespace

// Window options: --db PATH (or PAPERBOY_DB), --dark (or PAPERBOY_DARK=1) for a dark Fusion
// palette, --no-sample (or PAPERBOY_NO_SAMPLE=1) to keep an empty cache empty.
int runGui(int &argc, char **argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("paperboy"));
    QApplication::setOrganizationName(QStringLiteral("paperboy"));
    QApplication::setApplicationDisplayName(QStringLiteral("Paperboy"));
    QApplication::setApplicationVersion(QStringLiteral(PAPERBOY_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(PAPERBOY_APP_ID));
    if (const QString problem = adoptLegacyDataFolder(); !problem.isEmpty())
        qWarning("%s", qPrintable(problem));

    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QString databasePath = env.value(QStringLiteral("PAPERBOY_DB"));
    bool dark = envFlag(env, "PAPERBOY_DARK");
    MainWindow::Options options;
    ProbeOptions probe; // benchmark hooks, see startup_probe.h
    options.importSample = !envFlag(env, "PAPERBOY_NO_SAMPLE");
    // Only the real window fetches and backs up by itself (each also has its setting).
    options.fetchAutomatically = true;
    options.backupFolder = settings::automaticBackupFolderPath(QSettings());
    const QStringList arguments = QApplication::arguments();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--db") && i + 1 < arguments.size())
            databasePath = arguments.at(++i);
        else if (arg.startsWith(QLatin1String("--db="))) // as the command line reads it
            databasePath = arg.mid(5);
        else if (arg == QLatin1String("--dark"))
            dark = true;
        else if (arg == QLatin1String("--no-sample"))
            options.importSample = false;
        else
            probe.parse(arg);
    }
    databasePath = resolveDatabasePath(databasePath, QSettings());
    // One window per library: a second start raises the first one and leaves.
    SingleInstance instance(databasePath);
    if (instance.raiseRunningInstance()) {
        qInfo("Paperboy is already running with %s; raised its window.", qPrintable(databasePath));
        return 0;
    }
    if (!instance.listen())
        qWarning("Cannot watch for a second start: %s", qPrintable(instance.errorString()));
    applyInterfacePreferences(&app);
    if (dark) {
        applyDarkAppearance();
    }

    MainWindow window(databasePath, options);
    if (probe.enabled())
        new StartupProbe(&window, probe, sinceMain);
    // A logout, `kill` or Ctrl+C closes the window as Quit does: pending edits are written.
    closeOnSignals(&window);
    window.show();
    instance.raiseOnRequest(&window);
    WelcomeDialog::showOnce(&window);
    return app.exec();
}

} // namespace paperboy
