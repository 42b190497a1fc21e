// One binary: the window without arguments, headless subcommands otherwise.

#include "cli/cli.h"
#include "core/data_folder.h"
#include "keychain/keychain_secret_store.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>
#include <memory>

namespace paperboy {
int runGui(int &argc, char **argv); // ui/gui_main.cpp
}

int main(int argc, char **argv)
{
    // Translation keys: the desktop's secret store, for the window and the command line alike
    // (the command line asks it only when PAPERBOY_TRANSLATE_KEY is not set).
    paperboy::translate::setSecretStore(paperboy::makeKeychainSecretStore());
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (paperboy::isCliInvocation(arguments)) {
        // No QGuiApplication: subcommands must run without a display.
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("paperboy"));
        QCoreApplication::setOrganizationName(QStringLiteral("paperboy"));
        QCoreApplication::setApplicationVersion(QStringLiteral(PAPERBOY_VERSION));
        if (const QString problem = paperboy::adoptLegacyDataFolder(); !problem.isEmpty())
            fprintf(stderr, "paperboy: %s\n", qPrintable(problem));
        return paperboy::runCli(app.arguments());
    }
    return paperboy::runGui(argc, argv);
}
